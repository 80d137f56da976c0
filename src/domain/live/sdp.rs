//! A browser's offer or answer, stripped to what a data channel needs,
//! packed into a few bytes, and rebuilt into an SDP the other browser
//! accepts.
//!
//! The app gathers every ICE candidate before it shows an offer or an
//! answer (no trickle: the text travels once, by hand), so one
//! [`Description`] holds the whole connection: the ICE credentials, the
//! DTLS certificate's fingerprint, the DTLS role, and the candidates.
//! Everything else in Chromium's SDP (the session line's random id, bundle
//! group, extmap, `ice-options:trickle`, `network-cost`, the m-line's port)
//! is either fixed for a lone data channel or not needed to connect: the
//! rebuilt SDP writes the fixed values and nothing else.
//!
//! Kept per candidate: its type (host, srflx, prflx, relay), address (IPv4,
//! IPv6, an mDNS `<uuid>.local` name, or another host name) and port. Only
//! UDP candidates of component 1 are kept (a data channel bundles one
//! component; Chromium gathers no TCP candidates without a TURN/TCP
//! server). A candidate's priority is recomputed from its type and order
//! (RFC 8445 §5.1.2.1): the far side uses it only to order its checks.
//!
//! # Packed layout
//!
//! ```text
//! flags           u8: bits 0-1 setup (0 actpass, 1 active, 2 passive),
//!                     bits 2-3 hash (0 sha-256, 1 sha-1, 2 sha-384, 3 sha-512),
//!                     bits 4-7 zero
//! fingerprint     32, 20, 48 or 64 bytes (by hash)
//! ice-ufrag       u8 length in characters, then 6 bits per ice-char
//! ice-pwd         u8 length in characters, then 6 bits per ice-char
//! count           u8 (at most MAX_CANDIDATES)
//! per candidate   u8: bits 0-1 type, bits 2-3 address kind
//!                     (0 IPv4, 1 IPv6, 2 mDNS uuid, 3 host name), bits 4-7 zero
//!                 address: 4 | 16 | 16 | u8 length + ASCII name
//!                 port u16 big-endian
//! ```
//!
//! A real Chromium answer with two mDNS host candidates packs to 95 bytes
//! (127 base64url characters); its SDP is about 715 characters.

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Most candidates one description carries (a laptop with a few
/// interfaces, IPv4 and IPv6, and a STUN server has fewer than ten).
pub const MAX_CANDIDATES: usize = 16;

/// The DTLS role (`a=setup:`): an offer says `actpass`, an answer `active`
/// or `passive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setup {
    ActPass,
    Active,
    Passive,
}

/// The hash of the certificate fingerprint (`a=fingerprint:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hash {
    Sha256,
    Sha1,
    Sha384,
    Sha512,
}

impl Hash {
    const ALL: [Hash; 4] = [Hash::Sha256, Hash::Sha1, Hash::Sha384, Hash::Sha512];

    fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "sha-256",
            Hash::Sha1 => "sha-1",
            Hash::Sha384 => "sha-384",
            Hash::Sha512 => "sha-512",
        }
    }

    /// Bytes of a digest.
    pub fn digest_len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha1 => 20,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CandidateType {
    Host,
    Srflx,
    Prflx,
    Relay,
}

impl CandidateType {
    const ALL: [CandidateType; 4] = [
        CandidateType::Host,
        CandidateType::Srflx,
        CandidateType::Prflx,
        CandidateType::Relay,
    ];

    fn name(self) -> &'static str {
        match self {
            CandidateType::Host => "host",
            CandidateType::Srflx => "srflx",
            CandidateType::Prflx => "prflx",
            CandidateType::Relay => "relay",
        }
    }

    /// RFC 8445's recommended type preference.
    fn preference(self) -> u32 {
        match self {
            CandidateType::Host => 126,
            CandidateType::Prflx => 110,
            CandidateType::Srflx => 100,
            CandidateType::Relay => 0,
        }
    }
}

/// Where a candidate is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Address {
    V4(Ipv4Addr),
    V6(Ipv6Addr),
    /// `<uuid>.local`: a host address Chromium hides behind an mDNS name.
    Mdns([u8; 16]),
    /// Another host name (lower-case letters, digits, `-` and `.`, at most
    /// 253 characters).
    Name(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub kind: CandidateType,
    pub address: Address,
    pub port: u16,
}

/// What one side must tell the other to open a data channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    pub ufrag: String,
    pub pwd: String,
    pub hash: Hash,
    pub fingerprint: Vec<u8>,
    pub setup: Setup,
    pub candidates: Vec<Candidate>,
}

/// Why an SDP or packed bytes are not a usable description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SdpError {
    /// No `a=ice-ufrag`, `a=ice-pwd`, `a=fingerprint` or `a=setup`, or one
    /// that is not well formed.
    Missing,
    /// Packed bytes that end too early or hold an impossible value.
    Malformed,
}

const ICE_CHARS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn ice_index(c: u8) -> Option<u8> {
    ICE_CHARS.iter().position(|&x| x == c).map(|i| i as u8)
}

/// An ICE ufrag or password: ice-chars only, 1 to 255 of them (RFC 8839
/// asks for 4 to 256 and 22 to 256; Chromium writes 4 and 24).
fn is_ice_text(text: &str) -> bool {
    (1..=255).contains(&text.len()) && text.bytes().all(|c| ice_index(c).is_some())
}

fn is_host_name(name: &str) -> bool {
    (1..=253).contains(&name.len())
        && name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' || c == b'.')
        && !name.starts_with('.')
        && !name.ends_with('.')
}

/// The 16 bytes of a lower-case `8-4-4-4-12` UUID.
fn parse_uuid(text: &str) -> Option<[u8; 16]> {
    let b = text.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let hex: Vec<u8> = b.iter().copied().filter(|&c| c != b'-').collect();
    if hex.len() != 32
        || !hex
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
    {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

fn uuid_text(bytes: &[u8; 16]) -> String {
    let mut s = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        let _ = write!(s, "{b:02x}");
    }
    s
}

impl Address {
    fn parse(text: &str) -> Option<Address> {
        if let Ok(v4) = text.parse::<Ipv4Addr>() {
            return Some(Address::V4(v4));
        }
        if let Ok(v6) = text.parse::<Ipv6Addr>() {
            return Some(Address::V6(v6));
        }
        let lower = text.to_ascii_lowercase();
        if let Some(uuid) = lower.strip_suffix(".local").and_then(parse_uuid) {
            return Some(Address::Mdns(uuid));
        }
        is_host_name(&lower).then_some(Address::Name(lower))
    }

    fn text(&self) -> String {
        match self {
            Address::V4(a) => a.to_string(),
            Address::V6(a) => a.to_string(),
            Address::Mdns(u) => format!("{}.local", uuid_text(u)),
            Address::Name(n) => n.clone(),
        }
    }
}

impl Candidate {
    /// The `candidate:…` attribute value (without `a=`).
    fn parse(value: &str) -> Option<Candidate> {
        let fields: Vec<&str> = value.split_ascii_whitespace().collect();
        // foundation component transport priority address port "typ" type …
        if fields.len() < 8 || fields[1] != "1" || !fields[2].eq_ignore_ascii_case("udp") {
            return None;
        }
        if fields[6] != "typ" {
            return None;
        }
        let kind = CandidateType::ALL
            .into_iter()
            .find(|t| t.name() == fields[7])?;
        Some(Candidate {
            kind,
            address: Address::parse(fields[4])?,
            port: fields[5].parse().ok()?,
        })
    }
}

impl Description {
    /// Read what is needed from a browser's SDP (offer or answer, CRLF or
    /// LF lines). Candidates that cannot be carried (TCP, a second
    /// component, an unreadable address) are left out, and so are
    /// duplicates and any past [`MAX_CANDIDATES`].
    pub fn parse(sdp: &str) -> Result<Description, SdpError> {
        let (mut ufrag, mut pwd, mut fingerprint, mut setup) = (None, None, None, None);
        let mut candidates: Vec<Candidate> = Vec::new();
        for line in sdp.lines() {
            let Some(attribute) = line.trim().strip_prefix("a=") else {
                continue;
            };
            let (name, value) = attribute.split_once(':').unwrap_or((attribute, ""));
            match name {
                "ice-ufrag" if ufrag.is_none() => ufrag = Some(value.to_string()),
                "ice-pwd" if pwd.is_none() => pwd = Some(value.to_string()),
                "fingerprint" if fingerprint.is_none() => fingerprint = parse_fingerprint(value),
                "setup" if setup.is_none() => {
                    setup = match value {
                        "actpass" => Some(Setup::ActPass),
                        "active" => Some(Setup::Active),
                        "passive" => Some(Setup::Passive),
                        _ => None,
                    }
                }
                "candidate" => {
                    if let Some(c) = Candidate::parse(value) {
                        if candidates.len() < MAX_CANDIDATES && !candidates.contains(&c) {
                            candidates.push(c);
                        }
                    }
                }
                _ => {}
            }
        }
        let (Some(ufrag), Some(pwd), Some((hash, fingerprint)), Some(setup)) =
            (ufrag, pwd, fingerprint, setup)
        else {
            return Err(SdpError::Missing);
        };
        if !is_ice_text(&ufrag) || !is_ice_text(&pwd) {
            return Err(SdpError::Missing);
        }
        Ok(Description {
            ufrag,
            pwd,
            hash,
            fingerprint,
            setup,
            candidates,
        })
    }

    /// The SDP the other browser takes as its remote description: one
    /// bundled data channel (`mid` 0, SCTP port 5000), every candidate, and
    /// `end-of-candidates` (nothing trickles later).
    pub fn to_sdp(&self) -> String {
        // The origin's session id: any number; this one is stable.
        let session = self
            .fingerprint
            .iter()
            .take(7)
            .fold(0u64, |acc, b| acc << 8 | u64::from(*b));
        let mut sdp = format!(
            "v=0\r\no=- {session} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
             a=group:BUNDLE 0\r\na=msid-semantic: WMS\r\n\
             m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
        );
        for (i, c) in self.candidates.iter().enumerate() {
            // RFC 8445 §5.1.2.1, local preference falling with the order.
            let local = 65_535 - i as u32;
            let priority = (c.kind.preference() << 24) | (local << 8) | 255;
            let _ = write!(
                sdp,
                "a=candidate:{i} 1 udp {priority} {} {} typ {}",
                c.address.text(),
                c.port,
                c.kind.name()
            );
            if c.kind != CandidateType::Host {
                sdp.push_str(" raddr 0.0.0.0 rport 0");
            }
            sdp.push_str("\r\n");
        }
        sdp.push_str("a=end-of-candidates\r\n");
        let hex: Vec<String> = self
            .fingerprint
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        let setup = match self.setup {
            Setup::ActPass => "actpass",
            Setup::Active => "active",
            Setup::Passive => "passive",
        };
        let _ = write!(
            sdp,
            "a=ice-ufrag:{}\r\na=ice-pwd:{}\r\na=fingerprint:{} {}\r\na=setup:{setup}\r\n\
             a=mid:0\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n",
            self.ufrag,
            self.pwd,
            self.hash.name(),
            hex.join(":"),
        );
        sdp
    }

    /// The packed bytes (see the module's layout).
    pub fn pack(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        let setup = match self.setup {
            Setup::ActPass => 0,
            Setup::Active => 1,
            Setup::Passive => 2,
        };
        let hash = Hash::ALL.iter().position(|h| *h == self.hash).unwrap_or(0) as u8;
        out.push(setup | hash << 2);
        out.extend_from_slice(&self.fingerprint);
        put_ice_text(&mut out, &self.ufrag);
        put_ice_text(&mut out, &self.pwd);
        let candidates = &self.candidates[..self.candidates.len().min(MAX_CANDIDATES)];
        out.push(candidates.len() as u8);
        for c in candidates {
            let kind = CandidateType::ALL
                .iter()
                .position(|t| *t == c.kind)
                .unwrap_or(0) as u8;
            let (address_kind, bytes): (u8, Vec<u8>) = match &c.address {
                Address::V4(a) => (0, a.octets().to_vec()),
                Address::V6(a) => (1, a.octets().to_vec()),
                Address::Mdns(u) => (2, u.to_vec()),
                Address::Name(n) => {
                    let mut b = vec![n.len() as u8];
                    b.extend_from_slice(n.as_bytes());
                    (3, b)
                }
            };
            out.push(kind | address_kind << 2);
            out.extend_from_slice(&bytes);
            out.extend_from_slice(&c.port.to_be_bytes());
        }
        out
    }

    /// Read packed bytes back; the whole input must be one description.
    /// Never panics, whatever the bytes.
    pub fn unpack(bytes: &[u8]) -> Result<Description, SdpError> {
        let mut r = Reader { bytes, at: 0 };
        let flags = r.byte()?;
        if flags >> 4 != 0 || flags & 3 == 3 {
            return Err(SdpError::Malformed);
        }
        let setup = [Setup::ActPass, Setup::Active, Setup::Passive][usize::from(flags & 3)];
        let hash = Hash::ALL[usize::from(flags >> 2 & 3)];
        let fingerprint = r.take(hash.digest_len())?.to_vec();
        let ufrag = r.ice_text()?;
        let pwd = r.ice_text()?;
        let count = usize::from(r.byte()?);
        if count > MAX_CANDIDATES {
            return Err(SdpError::Malformed);
        }
        let mut candidates = Vec::with_capacity(count);
        for _ in 0..count {
            let head = r.byte()?;
            if head >> 4 != 0 {
                return Err(SdpError::Malformed);
            }
            let kind = CandidateType::ALL[usize::from(head & 3)];
            let address = match head >> 2 & 3 {
                0 => Address::V4(
                    <[u8; 4]>::try_from(r.take(4)?)
                        .map_err(|_| SdpError::Malformed)?
                        .into(),
                ),
                1 => Address::V6(
                    <[u8; 16]>::try_from(r.take(16)?)
                        .map_err(|_| SdpError::Malformed)?
                        .into(),
                ),
                2 => Address::Mdns(r.take(16)?.try_into().map_err(|_| SdpError::Malformed)?),
                _ => {
                    let n = usize::from(r.byte()?);
                    let name = std::str::from_utf8(r.take(n)?).map_err(|_| SdpError::Malformed)?;
                    if !is_host_name(name) {
                        return Err(SdpError::Malformed);
                    }
                    Address::Name(name.to_string())
                }
            };
            let port = u16::from_be_bytes([r.byte()?, r.byte()?]);
            candidates.push(Candidate {
                kind,
                address,
                port,
            });
        }
        if r.at != bytes.len() {
            return Err(SdpError::Malformed);
        }
        Ok(Description {
            ufrag,
            pwd,
            hash,
            fingerprint,
            setup,
            candidates,
        })
    }
}

fn parse_fingerprint(value: &str) -> Option<(Hash, Vec<u8>)> {
    let (name, hex) = value.trim().split_once(' ')?;
    let hash = Hash::ALL
        .into_iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))?;
    let bytes: Option<Vec<u8>> = hex
        .trim()
        .split(':')
        .map(|pair| {
            (pair.len() == 2)
                .then(|| u8::from_str_radix(pair, 16).ok())
                .flatten()
        })
        .collect();
    bytes
        .filter(|b| b.len() == hash.digest_len())
        .map(|b| (hash, b))
}

/// Length in characters, then 6 bits per character, most significant first.
fn put_ice_text(out: &mut Vec<u8>, text: &str) {
    out.push(text.len().min(255) as u8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().take(255) {
        acc = acc << 6 | u32::from(ice_index(c).unwrap_or(0));
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SdpError> {
        let end = self.at.checked_add(n).ok_or(SdpError::Malformed)?;
        let slice = self.bytes.get(self.at..end).ok_or(SdpError::Malformed)?;
        self.at = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, SdpError> {
        Ok(self.take(1)?[0])
    }

    fn ice_text(&mut self) -> Result<String, SdpError> {
        let n = usize::from(self.byte()?);
        if n == 0 {
            return Err(SdpError::Malformed);
        }
        let packed = self.take((n * 6).div_ceil(8))?;
        let (mut acc, mut bits) = (0u32, 0u32);
        let mut text = String::with_capacity(n);
        let mut bytes = packed.iter();
        while text.len() < n {
            if bits < 6 {
                acc = (acc << 8 | u32::from(*bytes.next().ok_or(SdpError::Malformed)?)) & 0xFFFF;
                bits += 8;
            }
            bits -= 6;
            text.push(char::from(ICE_CHARS[(acc >> bits & 63) as usize]));
        }
        // Spare bits are written as zero: anything else is not ours.
        if acc & ((1 << bits) - 1) != 0 {
            return Err(SdpError::Malformed);
        }
        Ok(text)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
