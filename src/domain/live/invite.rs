//! The two codes that connect two browsers: the invitation (a link) and the
//! reply (a short code pasted back).
//!
//! # Invitation: `#j1.…` (or `#k1.…` with a passphrase)
//!
//! In the share links' frame ([`crate::domain::share::frame`]: length
//! check and CRC-32, so a cut or changed character is told apart):
//!
//! ```text
//! id[8] ‖ varint created_ms ‖ varint lifetime_ms (at most TTL_MS)
//! ‖ text inviter ‖ text session_id ‖ text title ‖ text stun (empty: none)
//! ‖ packed offer (the rest, see super::sdp)
//! text = varint byte length ‖ UTF-8
//! ```
//!
//! It names the session (id and title) but does not carry it: the session
//! itself comes over the data channel once connected. A protected
//! invitation, `k1`, seals exactly those bytes as a protected share link
//! does ([`crate::domain::share::Envelope`]): `varint iterations ‖ salt[16]
//! ‖ nonce[12] ‖ AES-256-GCM(ciphertext ‖ tag)`, the additional data being
//! `"k1." ‖ varint iterations ‖ salt ‖ nonce`, the key PBKDF2-HMAC-SHA256 of
//! the passphrase's canonical form.
//!
//! A real Chromium offer with two mDNS host candidates, a 9-character
//! title and a 3-letter name makes a `j1` payload of about 190 characters
//! (the whole link adds the app's address).
//!
//! # Reply: `a1.…`
//!
//! ```text
//! frame("a1", id[..4] ‖ packed answer)
//! ```
//!
//! The first four bytes of the invitation's id say which invitation it
//! answers; the rest is the stripped answer. A real Chromium answer with
//! two mDNS host candidates (Chromium 156, the default) makes a reply code
//! of **143 characters** (95 bytes of answer, 4 of id, 6 of frame); with
//! IPv4 and IPv6 host addresses instead of mDNS names, 127.
//!
//! # Rules
//!
//! - An invitation lives [`TTL_MS`] (30 minutes) from its making, by the
//!   inviter's clock: it is refused from `expires_ms` on, by the joiner
//!   when opening it and by the inviter when a reply comes.
//! - Single use: the inviter accepts one reply per invitation
//!   ([`Pending::accept`]); a reply for another (an older) invitation is
//!   refused. The joiner's device remembers the invitations it answered
//!   ([`Answered`]) and refuses to answer one twice.
//! - Decoding never panics and trusts nothing: texts are capped, the
//!   session id checked, the lifetime at most [`TTL_MS`].

use serde::{Deserialize, Serialize};

use super::sdp::Description;
use crate::domain::route::is_valid_id;
use crate::domain::share::compact::{get_varint, put_varint};
use crate::domain::share::put_sealed_params;
use crate::domain::share::{self, LinkError};

/// How long an invitation can be answered: 30 minutes.
pub const TTL_MS: u64 = 30 * 60 * 1000;

/// Bytes of an invitation's random id; a reply carries the first
/// [`REPLY_ID_BYTES`].
pub const ID_BYTES: usize = 8;
pub const REPLY_ID_BYTES: usize = 4;

/// Longest inviter's name, title and STUN address, in characters.
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_SERVER_CHARS: usize = 200;

/// An invitation's title where the session has no topic yet: the names,
/// blank ones left out, joined in no language (the invitation is read in
/// the other person's).
pub fn names_title(names: &[String]) -> String {
    let named: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    named.join(" & ")
}

const PLAIN: &str = "j1";
const LOCKED: &str = "k1";
const REPLY: &str = "a1";

/// Why a code does not connect. Each calls for its own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing was pasted.
    Empty,
    /// Not an invitation (or, where a reply is expected, not a reply).
    NotACode,
    /// Cut off: copy the whole code again.
    Truncated,
    /// A character was changed: copy it again from the message.
    Corrupted,
    /// Made by a newer version of the app.
    NewerVersion,
    /// Intact but not valid: a faulty or hostile program made it.
    Malformed,
    /// The invitation is more than 30 minutes old: ask for a new one.
    Expired,
    /// This device already answered this invitation: ask for a new one.
    AlreadyAnswered,
    /// The invitation already took a reply: make a new invitation.
    AlreadyUsed,
    /// A reply to another (older) invitation than the one on show.
    WrongInvitation,
    /// A protected invitation that this passphrase does not open.
    WrongPassphrase,
}

impl From<LinkError> for CodeError {
    fn from(e: LinkError) -> Self {
        match e {
            LinkError::Empty => CodeError::Empty,
            LinkError::NotALink => CodeError::NotACode,
            LinkError::Truncated => CodeError::Truncated,
            LinkError::Corrupted => CodeError::Corrupted,
            LinkError::NewerVersion { .. } => CodeError::NewerVersion,
            LinkError::TooLarge | LinkError::Malformed => CodeError::Malformed,
            LinkError::WrongPassphrase => CodeError::WrongPassphrase,
        }
    }
}

/// An invitation to work together on a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: [u8; ID_BYTES],
    pub created_ms: u64,
    pub expires_ms: u64,
    /// The inviter's first name (may be empty).
    pub inviter: String,
    pub session_id: String,
    pub title: String,
    /// The STUN (or TURN) server both sides use, if the inviter chose one.
    pub stun: Option<String>,
    pub offer: Description,
}

/// The first `max` characters of `text`, trimmed.
fn cap(text: &str, max: usize) -> String {
    text.trim()
        .chars()
        .take(max)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A STUN or TURN server address as the app takes it: `stun:`, `stuns:`,
/// `turn:` or `turns:` and a host, printable ASCII without spaces.
pub fn is_valid_server(url: &str) -> bool {
    let rest = ["stun:", "stuns:", "turn:", "turns:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme));
    rest.is_some_and(|host| {
        !host.is_empty()
            && url.len() <= MAX_SERVER_CHARS
            && url
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
    })
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodeError> {
        let end = self.at.checked_add(n).ok_or(CodeError::Malformed)?;
        let out = self.bytes.get(self.at..end).ok_or(CodeError::Malformed)?;
        self.at = end;
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64, CodeError> {
        let (v, n) = get_varint(&self.bytes[self.at..]).ok_or(CodeError::Malformed)?;
        self.at += n;
        Ok(v)
    }

    fn text(&mut self, max_chars: usize) -> Result<String, CodeError> {
        let n = self.varint()?;
        // Four bytes a character at most.
        if n > (max_chars * 4) as u64 {
            return Err(CodeError::Malformed);
        }
        let text = std::str::from_utf8(self.take(n as usize)?).map_err(|_| CodeError::Malformed)?;
        if text.chars().count() > max_chars || text.chars().any(char::is_control) {
            return Err(CodeError::Malformed);
        }
        Ok(text.to_string())
    }

    fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }
}

impl Invitation {
    /// A new invitation made at `now_ms`, living [`TTL_MS`]; the texts are
    /// capped (names and titles as on screen, without control characters).
    pub fn new(
        id: [u8; ID_BYTES],
        now_ms: u64,
        inviter: &str,
        session_id: &str,
        title: &str,
        stun: Option<&str>,
        offer: Description,
    ) -> Invitation {
        let clean = |t: &str, max| cap(&t.replace(char::is_control, " "), max);
        Invitation {
            id,
            created_ms: now_ms,
            expires_ms: now_ms.saturating_add(TTL_MS),
            inviter: clean(inviter, MAX_NAME_CHARS),
            session_id: session_id.to_string(),
            title: clean(title, MAX_TITLE_CHARS),
            stun: stun.filter(|s| is_valid_server(s)).map(str::to_string),
            offer,
        }
    }

    /// The bytes a `j1` link frames and a `k1` link seals.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(160);
        out.extend_from_slice(&self.id);
        put_varint(&mut out, self.created_ms);
        put_varint(&mut out, self.expires_ms.saturating_sub(self.created_ms));
        put_text(&mut out, &self.inviter);
        put_text(&mut out, &self.session_id);
        put_text(&mut out, &self.title);
        put_text(&mut out, self.stun.as_deref().unwrap_or(""));
        out.extend_from_slice(&self.offer.pack());
        out
    }

    /// Read [`Invitation::to_bytes`] back, checking every field.
    pub fn from_bytes(bytes: &[u8]) -> Result<Invitation, CodeError> {
        let mut r = Reader { bytes, at: 0 };
        let id: [u8; ID_BYTES] = r
            .take(ID_BYTES)?
            .try_into()
            .map_err(|_| CodeError::Malformed)?;
        let created_ms = r.varint()?;
        let lifetime = r.varint()?;
        if lifetime > TTL_MS {
            return Err(CodeError::Malformed);
        }
        let expires_ms = created_ms
            .checked_add(lifetime)
            .ok_or(CodeError::Malformed)?;
        let inviter = r.text(MAX_NAME_CHARS)?;
        let session_id = r.text(64)?;
        if !is_valid_id(&session_id) {
            return Err(CodeError::Malformed);
        }
        let title = r.text(MAX_TITLE_CHARS)?;
        let stun = r.text(MAX_SERVER_CHARS)?;
        let stun = match stun.as_str() {
            "" => None,
            s if is_valid_server(s) => Some(stun),
            _ => return Err(CodeError::Malformed),
        };
        let offer = Description::unpack(r.rest()).map_err(|_| CodeError::Malformed)?;
        Ok(Invitation {
            id,
            created_ms,
            expires_ms,
            inviter,
            session_id,
            title,
            stun,
            offer,
        })
    }

    /// The link's fragment payload, `j1.…` (without `#`).
    pub fn to_fragment(&self) -> String {
        share::frame(PLAIN, &self.to_bytes())
    }

    /// Until when, by this device's clock (`now_ms`), a reply to it can be
    /// taken: its expiry, but never later than an invitation lives from
    /// now (this clock may run behind the inviter's).
    pub fn answerable_until(&self, now_ms: u64) -> u64 {
        self.expires_ms.min(now_ms.saturating_add(TTL_MS))
    }

    /// Can this device answer it now? Not once expired, not twice.
    pub fn check(&self, now_ms: u64, answered: &Answered) -> Result<(), CodeError> {
        if now_ms >= self.expires_ms {
            Err(CodeError::Expired)
        } else if answered.has(&self.id) {
            Err(CodeError::AlreadyAnswered)
        } else {
            Ok(())
        }
    }

    /// The reply code for `answer`.
    pub fn reply(&self, answer: &Description) -> String {
        Reply {
            id_prefix: prefix(&self.id),
            answer: answer.clone(),
        }
        .to_code()
    }
}

fn prefix(id: &[u8; ID_BYTES]) -> [u8; REPLY_ID_BYTES] {
    let mut p = [0; REPLY_ID_BYTES];
    p.copy_from_slice(&id[..REPLY_ID_BYTES]);
    p
}

/// A protected invitation before its passphrase is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub kdf_iterations: u32,
    pub salt: [u8; 16],
    pub nonce: [u8; 12],
    /// AES-256-GCM ciphertext of [`Invitation::to_bytes`] and its tag.
    pub ciphertext: Vec<u8>,
}

impl Sealed {
    /// The additional authenticated data: `"k1." ‖ varint iterations ‖
    /// salt ‖ nonce`.
    pub fn header_bytes(&self) -> Vec<u8> {
        let mut out = b"k1.".to_vec();
        self.put_params(&mut out);
        out
    }

    fn put_params(&self, out: &mut Vec<u8>) {
        put_sealed_params(out, self.kdf_iterations, &self.salt, &self.nonce);
    }

    /// The link's fragment payload, `k1.…`.
    pub fn to_fragment(&self) -> String {
        let mut content = Vec::with_capacity(33 + self.ciphertext.len());
        self.put_params(&mut content);
        content.extend_from_slice(&self.ciphertext);
        share::frame(LOCKED, &content)
    }

    fn from_content(content: &[u8]) -> Result<Sealed, CodeError> {
        let mut r = Reader {
            bytes: content,
            at: 0,
        };
        let kdf_iterations = u32::try_from(r.varint()?)
            .ok()
            .filter(|i| (1..=10_000_000).contains(i))
            .ok_or(CodeError::Malformed)?;
        let salt = r.take(16)?.try_into().map_err(|_| CodeError::Malformed)?;
        let nonce = r.take(12)?.try_into().map_err(|_| CodeError::Malformed)?;
        let ciphertext = r.rest().to_vec();
        if ciphertext.len() < 16 {
            return Err(CodeError::Malformed);
        }
        Ok(Sealed {
            kdf_iterations,
            salt,
            nonce,
            ciphertext,
        })
    }
}

/// What an invitation link holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Plain(Invitation),
    /// Ask for the passphrase, decrypt, then [`Invitation::from_bytes`].
    Locked(Sealed),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Plain,
    Locked,
    Reply,
}

fn parse_tag(text: &str) -> Option<Tag> {
    match text {
        PLAIN => Some(Tag::Plain),
        LOCKED => Some(Tag::Locked),
        REPLY => Some(Tag::Reply),
        _ => None,
    }
}

fn spell(tag: Tag) -> &'static str {
    match tag {
        Tag::Plain => PLAIN,
        Tag::Locked => LOCKED,
        Tag::Reply => REPLY,
    }
}

/// Does this fragment payload (or pasted text) carry an invitation?
pub fn is_invitation(payload: &str) -> bool {
    let cleaned = share::clean(payload);
    let tag = cleaned.split('.').next().unwrap_or("");
    matches!(parse_tag(tag), Some(Tag::Plain | Tag::Locked))
}

/// Is this invitation protected by a passphrase (`k1.…`)?
pub fn is_protected(payload: &str) -> bool {
    let cleaned = share::clean(payload);
    let tag = cleaned.split('.').next().unwrap_or("");
    matches!(parse_tag(tag), Some(Tag::Locked))
}

/// Read an invitation from a link, a fragment or a pasted payload.
pub fn open(input: &str) -> Result<Opened, CodeError> {
    match share::unframe_with(&share::clean(input), parse_tag, spell)? {
        (Tag::Plain, content) => Invitation::from_bytes(&content).map(Opened::Plain),
        (Tag::Locked, content) => Sealed::from_content(&content).map(Opened::Locked),
        (Tag::Reply, _) => Err(CodeError::NotACode),
    }
}

/// The joiner's answer to an invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub id_prefix: [u8; REPLY_ID_BYTES],
    pub answer: Description,
}

impl Reply {
    /// `a1.…`: what the joiner pastes back.
    pub fn to_code(&self) -> String {
        let mut content = self.id_prefix.to_vec();
        content.extend_from_slice(&self.answer.pack());
        share::frame(REPLY, &content)
    }

    /// Read a pasted reply code, also inside a chat message: words,
    /// punctuation or a signature before or after it (even glued to it),
    /// quotes, a link, line breaks inside it.
    ///
    /// The code starts at its tag (`.` is not in base64url, so only there)
    /// and has exactly as many characters as its checked length says:
    /// whatever follows is not read. A code cut short is
    /// [`CodeError::Truncated`], a changed character
    /// [`CodeError::Corrupted`].
    pub fn parse(input: &str) -> Result<Reply, CodeError> {
        if input.len() > share::MAX_LINK_CHARS {
            return Err(CodeError::Malformed);
        }
        let unescaped = share::unescape(input);
        let texts = if unescaped == input {
            vec![input]
        } else {
            vec![input, unescaped.as_str()]
        };
        // The error of the longest run of code characters after a tag.
        let mut best: Option<(usize, CodeError)> = None;
        for text in texts {
            let marker = format!("{REPLY}.");
            for (at, _) in text.rmatch_indices(&marker) {
                let run = Run::after(&text[at + marker.len()..]);
                match run.read() {
                    Ok(reply) => return Ok(reply),
                    Err(e) if best.as_ref().is_none_or(|(n, _)| run.chars.len() > *n) => {
                        best = Some((run.chars.len(), e));
                    }
                    Err(_) => {}
                }
            }
        }
        match best {
            Some((_, e)) => Err(e),
            // No tag: empty, not a code, or another kind of code.
            None => Reply::from_payload(&share::clean(input)),
        }
    }

    /// A cleaned `TAG.PAYLOAD`, checked.
    fn from_payload(text: &str) -> Result<Reply, CodeError> {
        match share::unframe_with(text, parse_tag, spell)? {
            (Tag::Reply, content) if content.len() > REPLY_ID_BYTES => {
                let (id, answer) = content.split_at(REPLY_ID_BYTES);
                Ok(Reply {
                    id_prefix: id.try_into().map_err(|_| CodeError::Malformed)?,
                    answer: Description::unpack(answer).map_err(|_| CodeError::Malformed)?,
                })
            }
            (Tag::Reply, _) => Err(CodeError::Malformed),
            _ => Err(CodeError::NotACode),
        }
    }
}

/// The base64url characters after a reply's tag, up to the first character
/// no code has. Line breaks (with a mail's `> ` quote marks), spaces and
/// invisible characters between them are skipped: the code's own length
/// says where it ends.
struct Run {
    chars: String,
    /// How many came before the first break that is not a wrapped line
    /// (spaces alone, or a blank line), if more came after it.
    before_break: Option<usize>,
}

impl Run {
    fn after(text: &str) -> Run {
        let mut run = Run {
            chars: String::new(),
            before_break: None,
        };
        // Line breaks in the whitespace since the last code character.
        let mut gap: Option<usize> = None;
        let mut line_start = false;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                if gap.is_some_and(|breaks| breaks != 1)
                    && run.before_break.is_none()
                    && !run.chars.is_empty()
                {
                    run.before_break = Some(run.chars.len());
                }
                gap = None;
                line_start = false;
                run.chars.push(c);
            } else if c == '\n' {
                gap = Some(gap.unwrap_or(0) + 1);
                line_start = true;
            } else if c.is_whitespace() || (line_start && c == '>') {
                gap = Some(gap.unwrap_or(0));
            } else if !share::is_invisible(c) {
                break;
            }
        }
        run
    }

    /// The reply these characters begin with. Only as many are read as the
    /// code's length says; if checking them fails, but the characters
    /// before a break are a code cut short, it was cut (and words follow).
    fn read(&self) -> Result<Reply, CodeError> {
        let all = self.chars.len();
        let want = share::framed_chars(REPLY, &self.chars)
            .filter(|&n| n <= all)
            .unwrap_or(all);
        let code = |n: usize| Reply::from_payload(&format!("{REPLY}.{}", &self.chars[..n]));
        match (code(want), self.before_break) {
            (Err(CodeError::Corrupted), Some(end)) if end < want => match code(end) {
                Err(CodeError::Truncated) => Err(CodeError::Truncated),
                _ => Err(CodeError::Corrupted),
            },
            (result, _) => result,
        }
    }
}

/// The inviter's invitation on show, waiting for its one reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub id: [u8; ID_BYTES],
    pub expires_ms: u64,
    pub used: bool,
}

impl Pending {
    pub fn of(invitation: &Invitation) -> Pending {
        Pending {
            id: invitation.id,
            expires_ms: invitation.expires_ms,
            used: false,
        }
    }

    /// Take a pasted reply: the answer to connect with, once. A reply to
    /// another invitation, a second reply, or one after expiry is refused
    /// (in that order of telling).
    pub fn accept(&mut self, code: &str, now_ms: u64) -> Result<Description, CodeError> {
        let reply = Reply::parse(code)?;
        if reply.id_prefix != prefix(&self.id) {
            return Err(CodeError::WrongInvitation);
        }
        if self.used {
            return Err(CodeError::AlreadyUsed);
        }
        if now_ms >= self.expires_ms {
            return Err(CodeError::Expired);
        }
        self.used = true;
        Ok(reply.answer)
    }
}

/// The invitations this device answered and that have not expired yet
/// (an expired one is refused anyway). Kept on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answered {
    /// Hex ids and when each expires.
    ids: Vec<(String, u64)>,
}

/// Most invitations remembered (more than anyone answers in 30 minutes).
pub const MAX_ANSWERED: usize = 64;

fn hex(id: &[u8]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

impl Answered {
    pub fn has(&self, id: &[u8; ID_BYTES]) -> bool {
        let id = hex(id);
        self.ids.iter().any(|(i, _)| *i == id)
    }

    /// Remember that this device answered `invitation`; forget those
    /// expired at `now_ms`.
    pub fn remember(&mut self, invitation: &Invitation, now_ms: u64) {
        self.ids.retain(|(_, expires)| *expires > now_ms);
        if !self.has(&invitation.id) {
            self.ids.push((hex(&invitation.id), invitation.expires_ms));
        }
        let over = self.ids.len().saturating_sub(MAX_ANSWERED);
        self.ids.drain(..over);
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
