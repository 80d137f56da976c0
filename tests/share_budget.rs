//! The share link's length budget, measured on the reference session.
//!
//! Targets: the plain fragment (tag included) is at most 1,400 characters,
//! and at most 0.75× the "common way" (compact serde JSON of the whole
//! session, zlib level 9, base64url).

#![cfg(not(target_arch = "wasm32"))]

use peer_coach::domain::fixtures::{
    reference_session, reference_session_followed_up, reference_session_with_exercises,
};
use peer_coach::domain::flow::Format;
use peer_coach::domain::session::{Session, Setup};
use peer_coach::domain::share::{base64url, compact, deflate, encode_session, LinkVersion};

fn common_way_len(json: &str) -> usize {
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    base64url::encode(&zlib).len()
}

#[test]
fn reference_session_fits_the_budget() {
    let session = reference_session();
    let link = encode_session(&session);
    let json = serde_json::to_string(&session).unwrap();
    let common = common_way_len(&json);
    let ratio = link.len() as f64 / common as f64;
    let raw = compact::write_session(&session, LinkVersion::V1);
    println!("compact session bytes: {}", raw.len());
    println!("json bytes:            {}", json.len());
    println!(
        "deflate without dictionary: {} bytes, with: {} bytes",
        deflate::deflate_with(b"", &raw).len(),
        deflate::deflate(&raw).len()
    );
    println!("plain link:  {} characters", link.len());
    println!("common way:  {common} characters");
    println!("ratio:       {ratio:.3}");
    assert!(link.len() <= 1_400, "{} characters", link.len());
    assert!(ratio <= 0.75, "ratio {ratio:.3}");
}

/// A session the dictionary was not written for (other words, one-way):
/// priming must not make it longer.
#[test]
fn priming_helps_other_sessions_too() {
    let mut setup = Setup {
        names: ["Priya".into(), "Tomasz".into()],
        ..Setup::default()
    };
    setup.set_format(Format::OneWay);
    let mut s = Session::new("held-out".into(), 1_780_000_000_000, &setup);
    if let Some(h) = s.turn_mut(0) {
        h.goal.topic = "Preparing the budget pitch for the board in April".into();
        h.goal.outcome = "An opening minute I am happy with".into();
        h.reality = "Last year the finance director cut my slides short after three \
                     minutes. I over-explain the numbers when I am nervous, and I \
                     rehearse alone, never in front of anyone."
            .into();
    }
    for text in [
        "Open with the single number that matters and why.",
        "Rehearse twice with Tomasz playing the finance director.",
        "Send a one-page summary the day before.",
    ] {
        s.add_option(0, text.into());
    }
    let raw = compact::write_session(&s, LinkVersion::V1);
    let plain = deflate::deflate_with(b"", &raw).len();
    let primed = deflate::deflate(&raw).len();
    let json = serde_json::to_string(&s).unwrap();
    let link = encode_session(&s);
    println!(
        "held-out: compact {} bytes, deflate {plain} → primed {primed}; link {} vs common way {}",
        raw.len(),
        link.len(),
        common_way_len(&json)
    );
    assert!(primed < plain);
}

/// Exercise results (format 2, `s2`) on top of the reference session: the
/// fixture's link measured 1,906 characters when format 2 was released
/// (648 more than the reference session's 1,258, for 1,213 more compact
/// bytes), 0.63× the common way. Budget: 2,100 characters and 0.75×.
#[test]
fn exercise_results_fit_their_budget() {
    let session = reference_session_with_exercises();
    let link = encode_session(&session);
    assert!(link.starts_with("s2."));
    let json = serde_json::to_string(&session).unwrap();
    let common = common_way_len(&json);
    let raw = compact::write_session(&session, LinkVersion::V2);
    println!(
        "with exercises: compact {} bytes, link {} characters (s1 of the reference session {}), \
         common way {common}",
        raw.len(),
        link.len(),
        encode_session(&reference_session()).len()
    );
    let ratio = link.len() as f64 / common as f64;
    assert!(link.len() <= 2_100, "{} characters", link.len());
    assert!(ratio <= 0.75, "ratio {ratio:.3}");
}

/// What happens between sessions (format 3, `s3`): the pair's next
/// session, a week after the reference one, with the follow-up of the
/// reference plan (four items with notes, one carried), two action
/// statuses and the next meeting. Its link measured 1,458 characters when
/// format 3 was released (2,490 compact bytes, 632 of them format 3's
/// part), 0.63× the common way. Budget: 1,600 characters and 0.75×; and the
/// reference session's `s1` link stays at its 1,258 characters (it has
/// none of this, so format 3 must not touch it).
#[test]
fn between_sessions_fit_their_budget() {
    let session = reference_session_followed_up();
    let link = encode_session(&session);
    assert!(link.starts_with("s3."));
    let json = serde_json::to_string(&session).unwrap();
    let common = common_way_len(&json);
    let raw = compact::write_session(&session, LinkVersion::V3);
    let v2 = compact::write_session(&session, LinkVersion::V2);
    let ratio = link.len() as f64 / common as f64;
    println!(
        "followed up: compact {} bytes ({} for format 3's part), link {} characters, \
         common way {common}, ratio {ratio:.3}",
        raw.len(),
        raw.len() - v2.len(),
        link.len(),
    );
    assert!(link.len() <= 1_600, "{} characters", link.len());
    assert!(ratio <= 0.75, "ratio {ratio:.3}");
    assert_eq!(encode_session(&reference_session()).len(), 1_258);
}
