//! Arbitrary bytes, as text, through everything a pasted link meets. It
//! must never panic (nor hang, nor allocate past the caps).

#![no_main]

use libfuzzer_sys::fuzz_target;
use peer_coach::domain::share::{clean, decode, decode_plain_bytes, Envelope};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode(&clean(&text));
    let _ = decode(&text);
    let _ = Envelope::parse(&text);
    // Bytes past the outer checksum, as a forged or decrypted payload.
    let _ = decode_plain_bytes(data);
    // The same bytes behind each tag, so the fuzzer need not find base64.
    for tag in ["s1.", "e1."] {
        let _ = decode(&format!("{tag}{text}"));
    }
});
