use super::*;
use proptest::prelude::*;

pub(crate) const OFFER_MDNS: &str = include_str!("../fixtures/chromium_offer_mdns.sdp");
pub(crate) const ANSWER_MDNS: &str = include_str!("../fixtures/chromium_answer_mdns.sdp");
const OFFER_IP: &str = include_str!("../fixtures/chromium_offer_ip.sdp");
pub(crate) const ANSWER_IP: &str = include_str!("../fixtures/chromium_answer_ip.sdp");

#[test]
fn a_chromium_answer_with_mdns_names_keeps_what_connects() {
    let d = Description::parse(ANSWER_MDNS).unwrap();
    assert_eq!(d.ufrag, "uJke");
    assert_eq!(d.pwd, "MYnWuWD4ghwHEniRmv7vnrVU");
    assert_eq!(d.setup, Setup::Active);
    assert_eq!(d.hash, Hash::Sha256);
    assert_eq!(d.fingerprint[..2], [0xCC, 0x18]);
    assert_eq!(d.candidates.len(), 2);
    assert_eq!(
        d.candidates[0].address.text(),
        "0bda6d9b-9995-4e1d-97d5-e915d76c5791.local"
    );
    assert_eq!(d.candidates[0].port, 51888);
    assert_eq!(d.pack().len(), 95, "the measured size in the module doc");
}

#[test]
fn a_chromium_offer_with_addresses_keeps_ipv4_and_ipv6() {
    let d = Description::parse(OFFER_IP).unwrap();
    assert_eq!(d.setup, Setup::ActPass);
    assert_eq!(
        d.candidates[0].address,
        Address::V4("192.0.2.2".parse().unwrap())
    );
    assert_eq!(
        d.candidates[1].address,
        Address::V6("fd00::2".parse().unwrap())
    );
    assert_eq!(d.candidates[1].port, 55991);
}

#[test]
fn every_fixture_survives_pack_and_rebuild() {
    for sdp in [OFFER_MDNS, ANSWER_MDNS, OFFER_IP, ANSWER_IP] {
        let d = Description::parse(sdp).unwrap();
        assert_eq!(Description::unpack(&d.pack()).unwrap(), d);
        let rebuilt = d.to_sdp();
        assert_eq!(Description::parse(&rebuilt).unwrap(), d);
        for needed in [
            "a=ice-ufrag:",
            "a=ice-pwd:",
            "a=fingerprint:sha-256 ",
            "a=setup:",
        ] {
            let line = sdp.lines().find(|l| l.starts_with(needed)).unwrap();
            assert!(rebuilt.contains(line), "{line} kept");
        }
    }
}

#[test]
fn what_cannot_connect_is_refused() {
    assert_eq!(Description::parse(""), Err(SdpError::Missing));
    let no_pwd: String = ANSWER_IP
        .lines()
        .filter(|l| !l.starts_with("a=ice-pwd"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(Description::parse(&no_pwd), Err(SdpError::Missing));
    let short_print = ANSWER_IP.replacen("a=fingerprint:sha-256 ", "a=fingerprint:sha-256 00:", 1);
    assert_eq!(Description::parse(&short_print), Err(SdpError::Missing));
}

#[test]
fn tcp_and_second_components_are_left_out() {
    let sdp = format!(
        "{ANSWER_IP}a=candidate:1 1 tcp 1 10.0.0.1 9 typ host tcptype active\n\
         a=candidate:2 2 udp 1 10.0.0.1 9 typ host\n"
    );
    assert_eq!(Description::parse(&sdp).unwrap().candidates.len(), 2);
}

fn candidate() -> impl Strategy<Value = Candidate> {
    let address = prop_oneof![
        any::<[u8; 4]>().prop_map(|a| Address::V4(a.into())),
        any::<[u8; 16]>().prop_map(|a| Address::V6(a.into())),
        any::<[u8; 16]>().prop_map(Address::Mdns),
        "[a-z0-9]{1,20}(\\.[a-z0-9-]{1,20}){0,3}".prop_map(Address::Name),
    ];
    let kind = prop::sample::select(CandidateType::ALL.to_vec());
    (kind, address, any::<u16>()).prop_map(|(kind, address, port)| Candidate {
        kind,
        address,
        port,
    })
}

pub(crate) fn description() -> impl Strategy<Value = Description> {
    let hash = prop::sample::select(Hash::ALL.to_vec());
    let setup = prop::sample::select(vec![Setup::ActPass, Setup::Active, Setup::Passive]);
    (
        "[A-Za-z0-9+/]{1,64}",
        "[A-Za-z0-9+/]{1,255}",
        hash,
        any::<[u8; 64]>(),
        setup,
        prop::collection::vec(candidate(), 0..=MAX_CANDIDATES),
    )
        .prop_map(|(ufrag, pwd, hash, print, setup, mut candidates)| {
            let mut unique = Vec::new();
            candidates.retain(|c| {
                let new = !unique.contains(c);
                unique.push(c.clone());
                new
            });
            Description {
                ufrag,
                pwd,
                hash,
                fingerprint: print[..hash.digest_len()].to_vec(),
                setup,
                candidates,
            }
        })
}

proptest! {
    #[test]
    fn pack_then_unpack_is_the_same_description(d in description()) {
        prop_assert_eq!(Description::unpack(&d.pack()), Ok(d));
    }

    #[test]
    fn the_rebuilt_sdp_keeps_every_needed_field(d in description()) {
        prop_assert_eq!(Description::parse(&d.to_sdp()), Ok(d));
    }

    #[test]
    fn garbled_bytes_never_panic_and_never_read_past_the_end(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        if let Ok(d) = Description::unpack(&bytes) {
            // Whatever is accepted is exactly what packs to those bytes.
            prop_assert_eq!(d.pack(), bytes);
        }
    }

    #[test]
    fn any_text_parses_without_panicking(text in "(a=[a-z-]{0,12}:[ -~]{0,80}\n){0,12}") {
        let _ = Description::parse(&text);
    }

    #[test]
    fn a_cut_description_is_refused(d in description(), cut in any::<prop::sample::Index>()) {
        let packed = d.pack();
        let n = cut.index(packed.len());
        prop_assert!(Description::unpack(&packed[..n]).is_err());
    }
}
