//! The share link: a whole session in the URL fragment, short, robust and
//! optionally encrypted.
//!
//! # Format
//!
//! A link's fragment is `TAG.PAYLOAD`: a readable version tag, a dot, and
//! base64url without padding. Released tags, each decoded forever (golden
//! links in `tests/golden/`):
//!
//! - `s1`: a plain session, format 1 (no exercise results);
//! - `e1`: a format 1 session encrypted with a passphrase (see [`Envelope`]);
//! - `s2`: a plain session, format 2 (format 1 and the exercise runs of
//!   each half);
//! - `e2`: a format 2 session encrypted with a passphrase;
//! - `s3`: a plain session, format 3 (format 2 and what happens between
//!   sessions: the actions' status and note, the follow-up of the previous
//!   plan, the next meeting, the pair's check-in);
//! - `e3`: a format 3 session encrypted with a passphrase;
//! - `s4`: a plain session, format 4 (format 3 and group sessions: three
//!   to seven people, each turn's client and scribe, who is away);
//! - `e4`: a format 4 session encrypted with a passphrase.
//!
//! The encoder writes the oldest format that holds the whole session (see
//! [`LinkVersion::needed_for`]): a session without exercise runs or
//! between-sessions data still travels as `s1` or `e1`, byte for byte as
//! before formats 2 and 3 existed, and one with exercise runs only as `s2`
//! or `e2`, so that older copies of the app open them. A tag this version
//! does not know but that looks like one (`s4`) is
//! [`LinkError::NewerVersion`].
//!
//! A team rotation's schedule travels in the same frame under tags of its
//! own (`r1`, see [`crate::domain::rotation::link`]), read with
//! `unframe_with`.
//!
//! Every payload shares an outer frame that tells a cut-off link from a
//! changed character before anything else is looked at:
//!
//! ```text
//! varint n ‖ check ‖ content[n] ‖ crc32_le(TAG "." ‖ varint n ‖ check ‖ content)
//! check = low byte of crc32(TAG "." ‖ varint n)
//! ```
//!
//! Fewer bytes than the (checked) length announces: [`LinkError::Truncated`];
//! any changed character: [`LinkError::Corrupted`] (the decoder of base64 is
//! strict, so no change slips through its spare bits).
//!
//! The content of `s1`, `s2` and `s3` is the *plaintext*
//! ([`plaintext_bytes`]): `varint raw_len ‖ deflate(compact session)`; the
//! compact session layouts (formats 1 to 3) are in [`compact`], the primed
//! deflate (the same for all) in [`deflate`]. `e1`, `e2` and `e3` encrypt
//! the plaintext of their format.
//!
//! Decoding never panics and trusts nothing: sizes are capped before any
//! allocation, the inflater stops at the announced size (at most
//! [`MAX_RAW_BYTES`]), every count and string is checked, and the session is
//! normalized.

pub mod base64url;
pub mod compact;
pub mod crc32;
pub mod deflate;
mod envelope;
pub mod passphrase;
mod words;

pub(crate) use envelope::put_sealed_params;
pub use envelope::{lock, unlock, Cipher, Envelope, KDF_ITERATIONS};
pub use words::{suggest_passphrase, WORDS};

use crate::domain::route::is_valid_id;
use crate::domain::session::{ActionStatus, Owner, Session};
use compact::{get_varint, put_varint};
use crc32::crc32;

/// A released format of the compact session, and the pair of tags its
/// links carry. (Not [`crate::domain::flow::Format`], the session's
/// reciprocal or one-way shape.)
///
/// Versions are ordered: each later format extends the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkVersion {
    /// Format 1, `s1` and `e1`: everything but exercise results.
    V1,
    /// Format 2, `s2` and `e2`: format 1 and the exercise runs of each half.
    V2,
    /// Format 3, `s3` and `e3`: format 2 and what happens between sessions
    /// (the actions' status and note, the follow-up of the previous plan,
    /// the next meeting, the pair's check-in).
    V3,
    /// Format 4, `s4` and `e4`: format 3 and group sessions (the people
    /// beyond two, each turn's client and scribe, who is away).
    V4,
}

impl LinkVersion {
    /// Every released version, oldest first.
    pub const ALL: [LinkVersion; 4] = [
        LinkVersion::V1,
        LinkVersion::V2,
        LinkVersion::V3,
        LinkVersion::V4,
    ];

    /// The tag of a plain link of this version.
    pub fn plain_tag(self) -> &'static str {
        match self {
            LinkVersion::V1 => "s1",
            LinkVersion::V2 => "s2",
            LinkVersion::V3 => "s3",
            LinkVersion::V4 => "s4",
        }
    }

    /// The tag of an encrypted link of this version.
    pub fn locked_tag(self) -> &'static str {
        match self {
            LinkVersion::V1 => "e1",
            LinkVersion::V2 => "e2",
            LinkVersion::V3 => "e3",
            LinkVersion::V4 => "e4",
        }
    }

    /// The oldest version that holds everything in a (sanitized) session:
    /// format 3 if an action has a status or a note, or the session has a
    /// follow-up, a next meeting or a check-in; else format 2 if some half
    /// has an exercise run; else format 1.
    /// A group session always needs format 4.
    pub fn needed_for(session: &Session) -> LinkVersion {
        if session.format.is_group() {
            return LinkVersion::V4;
        }
        let nothing_between = session.follow_up.is_empty()
            && session.next_meeting.is_none()
            && session.check_in.is_none()
            && session
                .turns
                .iter()
                .flat_map(|h| &h.actions)
                .all(|a| a.status == ActionStatus::Open && a.status_note.is_empty());
        if !nothing_between {
            LinkVersion::V3
        } else if session.turns.iter().any(|h| !h.exercises.is_empty()) {
            LinkVersion::V2
        } else {
            LinkVersion::V1
        }
    }
}

/// A released tag, as [`unframe`] recognises it: the version of the
/// content, and whether it is sealed with a passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub(crate) version: LinkVersion,
    pub(crate) locked: bool,
}

impl Tag {
    fn text(self) -> &'static str {
        if self.locked {
            self.version.locked_tag()
        } else {
            self.version.plain_tag()
        }
    }

    /// The released tag spelled `text`, if there is one.
    fn parse(text: &str) -> Option<Tag> {
        LinkVersion::ALL
            .into_iter()
            .flat_map(|version| [false, true].map(|locked| Tag { version, locked }))
            .find(|tag| tag.text() == text)
    }
}

/// Largest session the decoder inflates (the compact bytes): far above any
/// real session (the reference session takes under 2 KiB), small enough
/// that a zip bomb costs nothing.
pub const MAX_RAW_BYTES: usize = 256 * 1024;

/// Longest text the decoder looks at, in bytes (after [`clean`]).
pub const MAX_LINK_CHARS: usize = 512 * 1024;

/// Why a link cannot be opened. Each case calls for a different message:
/// the UI maps them to its texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing was pasted (or only spaces, quotes, a bare `#`).
    Empty,
    /// Text that is not a Peer Coach link at all.
    NotALink,
    /// The link was cut off: ask for the whole link (chat apps and mail
    /// clients shorten long links; offer the file or text-block way).
    Truncated,
    /// The link is complete but a character was changed (checksum
    /// mismatch): copy it again from the original message.
    Corrupted,
    /// Made by a newer version of Peer Coach: reload the app to update it.
    NewerVersion { tag: String },
    /// Larger than any session this app opens (a deliberate bomb, most
    /// likely).
    TooLarge,
    /// Intact (the checksum matches) but not a valid session: made by a
    /// faulty or hostile program.
    Malformed,
    /// An encrypted link whose checksum is fine but whose content does not
    /// open with this passphrase.
    WrongPassphrase,
}

/// What a link holds.
// A decoded link is made once per opening and consumed at once: boxing
// the session would only make every match clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// A plain session, checked and normalized.
    Session(Session),
    /// An encrypted session: ask for the passphrase, then [`unlock`].
    Locked(Envelope),
}

/// The link for a session: the fragment payload `s1.…`, `s2.…` or `s3.…`
/// as [`LinkVersion::needed_for`] says (without `#`).
pub fn encode_session(session: &Session) -> String {
    let (version, plaintext) = plaintext_bytes(session);
    frame(version.plain_tag(), &plaintext)
}

/// Decode a pasted link, a fragment or a payload (it is [`clean`]ed first).
pub fn decode(input: &str) -> Result<Decoded, LinkError> {
    let cleaned = clean(input);
    let (tag, content) = unframe(&cleaned)?;
    if tag.locked {
        Envelope::from_content(&content, tag.version).map(Decoded::Locked)
    } else {
        decode_plain_bytes(&content, tag.version).map(Decoded::Session)
    }
}

/// The bytes a session travels as, before framing or encryption:
/// `varint raw_len ‖ primed raw deflate of the compact session`, and the
/// version they are written in (the oldest that holds the session, see
/// [`LinkVersion::needed_for`]): the link's tag must say it.
///
/// The session is written as [`sanitize`] leaves it, so that whatever the
/// model holds, `decode_plain_bytes(bytes, version)` is `sanitize(s)` (for
/// a session with a valid id, as the app makes them).
pub fn plaintext_bytes(session: &Session) -> (LinkVersion, Vec<u8>) {
    let mut clean = session.clone();
    sanitize(&mut clean);
    let version = LinkVersion::needed_for(&clean);
    let raw = compact::write_session(&clean, version);
    let mut out = Vec::with_capacity(raw.len() / 2 + 8);
    put_varint(&mut out, raw.len() as u64);
    out.extend_from_slice(&deflate::deflate(&raw));
    (version, out)
}

/// Read [`plaintext_bytes`] of a version (the link's tag says which) back
/// into a checked, normalized session.
pub fn decode_plain_bytes(bytes: &[u8], version: LinkVersion) -> Result<Session, LinkError> {
    let (raw_len, n) = get_varint(bytes).ok_or(LinkError::Malformed)?;
    if raw_len > MAX_RAW_BYTES as u64 {
        return Err(LinkError::TooLarge);
    }
    let raw = deflate::inflate(&bytes[n..], raw_len as usize).map_err(|e| match e {
        deflate::InflateError::TooLarge => LinkError::TooLarge,
        deflate::InflateError::Invalid => LinkError::Malformed,
    })?;
    let mut session = compact::read_session(&raw, version).ok_or(LinkError::Malformed)?;
    sanitize(&mut session);
    Ok(session)
}

/// [`Session::normalize`], and values the views rely on put in range:
/// usefulness 1 to 5, action owners one of the people (or someone named); and
/// what a link cannot carry made so that it can: a follow-up item's
/// previous session that is not an app id is forgotten (the item stays),
/// a next meeting on a date not written canonically (`2026-+3-16` passes
/// [`crate::domain::dates::is_iso_date`]) is dropped.
pub fn sanitize(session: &mut Session) {
    session.normalize();
    // This device's own: which copy it is, a follow-up's first step.
    session.copy_of = None;
    session.item_lane = None;
    // When this device reached the wrap-up is its own to know.
    session.ended_ms = None;
    // So is which of a clock's time was given by hand: a link carries the
    // time allotted.
    for turn in &mut session.turns {
        let runs = turn.exercises.iter_mut().flat_map(|r| &mut r.clocks);
        for clock in turn.clocks.iter_mut().chain(runs) {
            clock.added_ms = 0;
        }
    }
    let people = session.people();
    for item in &mut session.follow_up {
        item.first_step.clear();
        if !is_valid_id(&item.session) {
            item.session.clear();
        }
        item.person = item.person.filter(|&p| usize::from(p) < people);
    }
    if session
        .next_meeting
        .as_ref()
        .is_some_and(|m| !compact::is_canonical_date(&m.date))
    {
        session.next_meeting = None;
    }
    for r in &mut session.reflections {
        r.useful = r.useful.map(|u| u.clamp(1, 5));
    }
    let last = session.people().saturating_sub(1) as u8;
    for turn in &mut session.turns {
        for action in &mut turn.actions {
            if let Owner::Person(p) = &mut action.owner {
                *p = (*p).min(last);
            }
        }
    }
}

/// `TAG.base64url(varint n ‖ check ‖ content ‖ crc32)`: the outer frame of
/// every link (public for tools and tests that build links by hand).
pub fn frame(tag: &str, content: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(content.len() + 10);
    put_varint(&mut bytes, content.len() as u64);
    bytes.push(length_check(tag, &bytes));
    bytes.extend_from_slice(content);
    let crc = crc32(&[tag.as_bytes(), b".", &bytes]);
    bytes.extend_from_slice(&crc.to_le_bytes());
    let mut out = String::with_capacity(tag.len() + 1 + bytes.len().div_ceil(3) * 4);
    out.push_str(tag);
    out.push('.');
    out.push_str(&base64url::encode(&bytes));
    out
}

fn length_check(tag: &str, varint: &[u8]) -> u8 {
    crc32(&[tag.as_bytes(), b".", varint]) as u8
}

/// Split a cleaned link into its released tag and its checked content.
pub(crate) fn unframe(text: &str) -> Result<(Tag, Vec<u8>), LinkError> {
    let (tag, content) = unframe_with(text, Tag::parse, |tag| tag.text())?;
    Ok((tag, content))
}

/// [`unframe`] for a family of tags: `parse` knows the released ones
/// (of sessions, of schedules…), `spell` spells them. A tag that looks like
/// one but that `parse` does not know is [`LinkError::NewerVersion`].
pub(crate) fn unframe_with<T: Copy>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    spell: impl Fn(T) -> &'static str,
) -> Result<(T, Vec<u8>), LinkError> {
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge);
    }
    let (tag, payload) = match text.split_once('.') {
        Some(parts) => parts,
        None if parse(text).is_some() => return Err(LinkError::Truncated),
        None => return Err(LinkError::NotALink),
    };
    let tag = match parse(tag) {
        Some(known) => known,
        None if looks_like_tag(tag) => {
            return Err(LinkError::NewerVersion {
                tag: tag.to_string(),
            })
        }
        None => return Err(LinkError::NotALink),
    };
    if !payload.is_ascii() {
        return Err(LinkError::Corrupted);
    }
    // A length no encoder writes: one character too few, or one too many.
    let odd = payload.len() % 4 == 1;
    let usable = if odd {
        &payload[..payload.len() - 1]
    } else {
        payload
    };
    let (bytes, clean_tail) =
        base64url::decode_lenient(usable).map_err(|_| LinkError::Corrupted)?;
    let (start, end) = frame_bounds(spell(tag), &bytes)?;
    if odd || !clean_tail {
        // Complete without the odd character: one too many, or changed.
        return Err(LinkError::Corrupted);
    }
    let crc = crc32(&[spell(tag).as_bytes(), b".", &bytes[..end]]);
    if crc.to_le_bytes() != bytes[end..] {
        return Err(LinkError::Corrupted);
    }
    Ok((tag, bytes[start..end].to_vec()))
}

/// How many characters the payload of a `tag` frame has in all, as its
/// first characters say (the checked length): `None` if there are too few
/// of them to tell, or the length's check fails. Lets a reader take a
/// code out of the text around it, however it is followed.
pub(crate) fn framed_chars(tag: &str, payload: &str) -> Option<usize> {
    // The length (at most 10 bytes) and its check fit in 16 characters.
    let mut head = payload.len().min(16);
    if head % 4 == 1 {
        head -= 1;
    }
    let (bytes, _) = base64url::decode_lenient(payload.get(..head)?).ok()?;
    let (n, len_bytes) = get_varint(&bytes)?;
    if *bytes.get(len_bytes)? != length_check(tag, &bytes[..len_bytes]) {
        return None;
    }
    let total = (len_bytes as u64 + 1).checked_add(n)?.checked_add(4)?;
    usize::try_from(total.checked_mul(4)?.div_ceil(3)).ok()
}

/// Where the content of a framed payload starts and ends (the CRC follows),
/// if its checked length fits the bytes there are.
fn frame_bounds(tag: &str, bytes: &[u8]) -> Result<(usize, usize), LinkError> {
    let Some((n, len_bytes)) = get_varint(bytes) else {
        // Ran off the end, or an impossible 11-byte number.
        return Err(if bytes.len() < 10 {
            LinkError::Truncated
        } else {
            LinkError::Corrupted
        });
    };
    let Some(&check) = bytes.get(len_bytes) else {
        return Err(LinkError::Truncated);
    };
    if check != length_check(tag, &bytes[..len_bytes]) {
        return Err(LinkError::Corrupted);
    }
    let start = len_bytes + 1;
    let have = (bytes.len() - start) as u64;
    let want = n.saturating_add(4);
    if have < want {
        return Err(LinkError::Truncated);
    }
    if have > want {
        return Err(LinkError::Corrupted);
    }
    Ok((start, bytes.len() - 4))
}

/// A version tag of some later format: a few lower-case letters and digits,
/// starting with a letter (`s3`, `e9`, `r1`).
fn looks_like_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    (2..=6).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b.iter().any(u8::is_ascii_digit)
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Turn whatever people paste into the bare `TAG.PAYLOAD`: a whole URL, a
/// fragment with its `#` or the payload alone, wrapped by a mail client
/// (line breaks, spaces, `> ` quote marks), percent-encoded (`%23`, `%2E`,
/// even twice), HTML-escaped (`&amp;`, `&#35;`), in quotes or angle
/// brackets, followed by punctuation from the sentence around it.
pub fn clean(input: &str) -> String {
    // Mail quoting: `>` at the start of wrapped lines.
    let mut text = String::with_capacity(input.len());
    for line in input.lines() {
        text.push_str(line.trim_start().trim_start_matches('>'));
    }
    let mut text: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    // Undo escapes, repeatedly for double escaping (`%2523`).
    for _ in 0..4 {
        let next = unescape_html(&percent_decode(&text));
        let next: String = next.chars().filter(|c| !is_invisible(*c)).collect();
        if next == text {
            break;
        }
        text = next;
    }
    let mut rest = text.as_str();
    if let Some(at) = rest.rfind('#') {
        rest = &rest[at + 1..];
        // A route before the payload (`#/open/s1.…`).
        if let Some(at) = rest.rfind('/') {
            rest = &rest[at + 1..];
        }
    }
    const OPEN: &[char] = &['"', '\'', '<', '(', '[', '{', '*', '`', '“', '‘', '«'];
    const CLOSE: &[char] = &[
        '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '\'', '"', '*', '`', '”', '’', '»', '=',
    ];
    rest = rest.trim_start_matches(OPEN);
    // A bare `s1` left by a cut right after the dot decodes as cut off.
    rest.trim_end_matches(CLOSE).to_string()
}

/// Whitespace of every kind, and invisible characters editors slip in.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// Percent-encoding and HTML escapes undone, repeatedly for double
/// escaping (`%2523`); nothing else changed (spaces and line breaks stay).
pub(crate) fn unescape(text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..4 {
        let next = unescape_html(&percent_decode(&text));
        if next == text {
            break;
        }
        text = next;
    }
    text
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn unescape_html(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&#35;", "#")
        .replace("&num;", "#")
        .replace("&#46;", ".")
        .replace("&period;", ".")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests;
