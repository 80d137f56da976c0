//! Arbitrary bytes, as text, through everything a pasted link meets. It
//! must never panic (nor hang, nor allocate past the caps).

#![no_main]

use libfuzzer_sys::fuzz_target;
use peer_coach::domain::export::ical::{rotation_calendar, EventText};
use peer_coach::domain::merge;
use peer_coach::domain::rotation::{link, to_csv, Schedule};
use peer_coach::domain::session::Session;
use peer_coach::domain::share::{
    clean, decode, decode_plain_bytes, Decoded, Envelope, LinkVersion,
};
use peer_coach::domain::timer::format_countdown;

/// What the app does with a session it opened: run its clocks, swap and
/// merge. None of it may panic, whatever the link held.
fn use_session(s: &Session) {
    for now in [0, 1_773_126_000_000, i64::MAX, i64::MIN] {
        let _ = s.elapsed(now);
        let _ = s.swap_info(now);
        if let Some(clock) = s.current_clock() {
            let _ = format_countdown(clock.remaining(now));
        }
    }
    let mut copy = s.clone();
    copy.advance(0);
    let _ = merge::merge(s, &copy, |_| merge::Choice::Both);
    // What a follow-up (format 3) does to the session it reviews.
    let _ = s.actions_done();
    let mut previous = s.clone();
    for item in &s.follow_up {
        previous.take_follow_up(item);
    }
}

/// What the app does with a schedule it opened: show it, export it, make
/// more periods and change one by hand. None of it may panic.
fn use_schedule(s: &Schedule) {
    let _ = to_csv(s);
    let _ = rotation_calendar(s, None, &|_, _| EventText::default(), 0);
    let mut copy = s.clone();
    copy.extend(2, &|_| Vec::new(), &|_| Vec::new());
    if let Some(p) = copy.periods.first().cloned() {
        let ids = p.present();
        if let [a, b, ..] = ids[..] {
            let _ = copy.swap(p.index, a, b);
            let _ = copy.lock(p.index, a, b);
            let _ = copy.set_away(p.index, a, true);
        }
    }
    let _ = link::encode(s);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode(&clean(&text));
    let _ = decode(&text);
    let _ = Envelope::parse(&text);
    // Bytes past the outer checksum, as a forged or decrypted payload of
    // every version (`s1` to `s3`: `LinkVersion::ALL`).
    for version in LinkVersion::ALL {
        if let Ok(session) = decode_plain_bytes(data, version) {
            use_session(&session);
        }
    }
    // Schedule links (`r1`), whole and past their checksum.
    for schedule in [
        link::decode(&text),
        link::decode(&format!("r1.{text}")),
        link::decode_content(data),
    ]
    .into_iter()
    .flatten()
    {
        use_schedule(&schedule);
    }
    if let Ok(Decoded::Session(session)) = decode(&text) {
        use_session(&session);
    }
    // The same bytes behind each released tag, so the fuzzer need not
    // find them.
    for version in LinkVersion::ALL {
        for tag in [version.plain_tag(), version.locked_tag()] {
            let _ = decode(&format!("{tag}.{text}"));
        }
    }
});
