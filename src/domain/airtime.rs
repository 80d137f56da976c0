//! Airtime balance: who is speaking now, each person's share of the talking
//! time, and a gentle cue when someone takes far more than a fair share.
//! In a coaching turn the client is expected to talk most: there the cue
//! is about the coaches, on the talking time of that turn.
//! Timed from timestamps, like the time-boxes. Kept on the device of the
//! person who tracks it (private to the facilitator, never in a link).

use serde::{Deserialize, Serialize};

/// Someone takes "far more" than a fair share above this many times it.
pub const OVER_FACTOR: f64 = 1.5;

/// No cue before this much talking time in all: the first minutes say
/// little about balance.
pub const SETTLE_MS: i64 = 120_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Airtime {
    /// Talking time of each person so far (not counting the current turn).
    pub talked_ms: Vec<i64>,
    /// Who is speaking, and since when.
    pub speaking: Option<(usize, i64)>,
    /// Talking time of each person in the current (or last) coaching
    /// turn, the one whose client is [`Airtime::turn_client`].
    pub turn_ms: Vec<i64>,
    /// The client of that turn.
    pub turn_client: Option<usize>,
    /// A phase of that turn is on screen (talk counts for the turn).
    pub in_turn: bool,
}

/// The cue: someone has had much of the airtime; perhaps invite someone in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Who has had far more than a fair share.
    pub over: usize,
    /// Who has had the least, to invite in.
    pub invite: usize,
}

impl Airtime {
    pub fn new(people: usize) -> Self {
        Airtime {
            talked_ms: vec![0; people],
            turn_ms: vec![0; people],
            ..Airtime::default()
        }
    }

    /// Make sure there is a place for `people` people.
    pub fn fit(&mut self, people: usize) {
        if self.talked_ms.len() < people {
            self.talked_ms.resize(people, 0);
        }
        let people = self.talked_ms.len();
        self.turn_ms.resize(people, 0);
        self.turn_client = self.turn_client.filter(|&c| c < people);
        if self
            .speaking
            .is_some_and(|(who, _)| who >= self.talked_ms.len())
        {
            self.speaking = None;
        }
    }

    /// `who` speaks from `now` (the one before stops). Pressing the one
    /// who is speaking stops the clock: nobody speaks.
    pub fn speak(&mut self, who: usize, now: i64) {
        let same = self.speaking.is_some_and(|(w, _)| w == who);
        self.stop(now);
        if !same && who < self.talked_ms.len() {
            self.speaking = Some((who, now));
        }
    }

    /// Nobody speaks (a pause, the end).
    pub fn stop(&mut self, now: i64) {
        if let Some((who, since)) = self.speaking.take() {
            let spoken = now.saturating_sub(since).max(0);
            if let Some(t) = self.talked_ms.get_mut(who) {
                *t = t.saturating_add(spoken);
            }
            if self.in_turn {
                if let Some(t) = self.turn_ms.get_mut(who) {
                    *t = t.saturating_add(spoken);
                }
            }
        }
    }

    /// The screen now shows a phase of `client`'s turn (or no turn). A new
    /// client starts a new turn's count; whoever speaks goes on speaking.
    pub fn set_turn(&mut self, client: Option<usize>, now: i64) {
        let client = client.filter(|&c| c < self.talked_ms.len());
        if self.in_turn == client.is_some() && client.is_none_or(|c| self.turn_client == Some(c)) {
            return;
        }
        let speaking = self.speaking;
        self.stop(now);
        self.speaking = speaking.map(|(who, _)| (who, now));
        if let Some(c) = client {
            if self.turn_client != Some(c) {
                self.turn_client = Some(c);
                self.turn_ms = vec![0; self.talked_ms.len()];
            }
        }
        self.in_turn = client.is_some();
    }

    /// Someone not here any more does not go on speaking.
    pub fn keep_present(&mut self, present: &[usize], now: i64) {
        if self
            .speaking
            .is_some_and(|(who, _)| !present.contains(&who))
        {
            self.stop(now);
        }
    }

    /// Each person's talking time in the turn on screen up to `now`.
    pub fn turn_totals(&self, now: i64) -> Vec<i64> {
        let mut totals = self.turn_ms.clone();
        totals.resize(self.talked_ms.len(), 0);
        if let (true, Some((who, since))) = (self.in_turn, self.speaking) {
            if let Some(t) = totals.get_mut(who) {
                *t = t.saturating_add((now - since).max(0));
            }
        }
        totals
    }

    /// The cue, from the talking time as it is now. In a coaching turn it
    /// is about the coaches here, on that turn's talk: among two or more,
    /// a coach over [`OVER_FACTOR`] fair shares of the coaches' talk, and
    /// the quietest other coach to invite in; a single coach (a pair)
    /// talking more than the client, who is invited in. Outside a turn it
    /// is about everyone here, as [`Airtime::over_share_among`]. Nothing
    /// before [`SETTLE_MS`] of talk counted.
    pub fn cue(&self, now: i64, present: &[usize]) -> Option<Cue> {
        let client = self.turn_client.filter(|_| self.in_turn);
        let (people, totals): (Vec<usize>, Vec<i64>) = match client {
            Some(c) => (
                present.iter().copied().filter(|&p| p != c).collect(),
                self.turn_totals(now),
            ),
            None => (present.to_vec(), self.totals(now)),
        };
        let time = |p: usize| totals.get(p).copied().unwrap_or(0);
        if let (Some(c), [coach]) = (client, people.as_slice()) {
            if !present.contains(&c) {
                return None;
            }
            let all = time(c) + time(*coach);
            return (all >= SETTLE_MS && time(*coach) > time(c)).then_some(Cue {
                over: *coach,
                invite: c,
            });
        }
        let all: i64 = people.iter().map(|&p| time(p)).sum();
        if people.len() < 2 || all < SETTLE_MS {
            return None;
        }
        let fair = all as f64 / people.len() as f64;
        // The one most over, then the quietest of the others (the first
        // in the order of turns on a tie).
        let over = people
            .iter()
            .copied()
            .filter(|&p| time(p) as f64 > fair * OVER_FACTOR)
            .max_by_key(|&p| (time(p), std::cmp::Reverse(p)))?;
        let invite = people
            .iter()
            .copied()
            .filter(|&p| p != over)
            .min_by_key(|&p| (time(p), p))?;
        Some(Cue { over, invite })
    }

    /// Each person's talking time up to `now`.
    pub fn totals(&self, now: i64) -> Vec<i64> {
        let mut totals = self.talked_ms.clone();
        if let Some((who, since)) = self.speaking {
            if let Some(t) = totals.get_mut(who) {
                *t = t.saturating_add((now - since).max(0));
            }
        }
        totals
    }

    /// Each person's share of all talking time, 0 to 1 (all 0 before
    /// anyone spoke).
    pub fn shares(&self, now: i64) -> Vec<f64> {
        let totals = self.totals(now);
        let all: i64 = totals.iter().sum();
        totals
            .iter()
            .map(|&t| if all > 0 { t as f64 / all as f64 } else { 0.0 })
            .collect()
    }

    /// Who takes more than [`OVER_FACTOR`] times a fair share, once
    /// [`SETTLE_MS`] of talking has been tracked.
    pub fn over_share(&self, now: i64) -> Vec<usize> {
        let everyone: Vec<usize> = (0..self.talked_ms.len()).collect();
        self.over_share_among(now, &everyone)
    }

    /// As [`Airtime::over_share`], with a fair share counted among the
    /// people `present` only (a group's people away today take none).
    pub fn over_share_among(&self, now: i64, present: &[usize]) -> Vec<usize> {
        if present.len() < 2 || self.totals(now).iter().sum::<i64>() < SETTLE_MS {
            return Vec::new();
        }
        let fair = 1.0 / present.len() as f64;
        let shares = self.shares(now);
        present
            .iter()
            .copied()
            .filter(|&who| shares.get(who).is_some_and(|&s| s > fair * OVER_FACTOR))
            .collect()
    }

    pub fn has_data(&self, now: i64) -> bool {
        self.totals(now).iter().any(|&t| t > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaking_switches_stops_and_counts_from_timestamps() {
        let mut a = Airtime::new(2);
        a.speak(0, 0);
        a.speak(1, 60_000);
        assert_eq!(a.totals(90_000), [60_000, 30_000]);
        a.speak(1, 90_000);
        assert_eq!(a.speaking, None, "pressing the speaker again: nobody");
        assert_eq!(
            a.totals(500_000),
            [60_000, 30_000],
            "a pause counts for no one"
        );
        a.speak(7, 100_000);
        assert_eq!(a.speaking, None, "nobody out of range");
        let shares = a.shares(500_000);
        assert!((shares[0] - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Airtime::new(3).shares(0), [0.0, 0.0, 0.0]);
    }

    #[test]
    fn the_cue_comes_above_one_and_a_half_fair_shares_after_two_minutes() {
        let mut a = Airtime::new(2);
        a.speak(0, 0);
        assert!(a.over_share(60_000).is_empty(), "too early to say");
        a.speak(1, 100_000);
        // 100 s against 30 s: 77 % > 75 %.
        assert_eq!(a.over_share(130_000), [0]);
        // 100 s against 40 s: 71 %, within bounds.
        assert!(a.over_share(140_000).is_empty());
        let mut group = Airtime::new(5);
        group.speak(2, 0);
        group.speak(0, 100_000);
        group.speak(1, 130_000);
        group.stop(160_000);
        // Fair is 20 %: 62.5 % is far more, 18.75 % is not.
        assert_eq!(group.over_share(160_000), [2]);
    }

    #[test]
    fn fit_grows_and_drops_an_impossible_speaker() {
        let mut a = Airtime {
            talked_ms: vec![5],
            speaking: Some((4, 0)),
            ..Airtime::default()
        };
        a.fit(2);
        assert_eq!(a.talked_ms, [5, 0]);
        assert_eq!(a.speaking, None);
    }

    #[test]
    fn a_fair_share_counts_only_the_people_here() {
        let mut a = Airtime::new(5);
        a.speak(0, 0);
        a.speak(1, 60_000);
        a.speak(3, 120_000);
        a.stop(180_000);
        // Three people here, a third each: nobody is over, although a
        // third is more than one and a half fifths.
        assert_eq!(a.over_share(180_000), vec![0, 1, 3]);
        assert!(a.over_share_among(180_000, &[0, 1, 3]).is_empty());
        assert!(a.over_share_among(180_000, &[0]).is_empty());
    }

    #[test]
    fn the_cue_names_whoever_is_quietest_now() {
        // Five people, agreement screen: Amara talks most, Mia least.
        let mut a = Airtime::new(5);
        let everyone = [0, 1, 2, 3, 4];
        a.speak(0, 0);
        a.speak(1, 200_000);
        a.speak(3, 230_000);
        a.speak(4, 260_000);
        a.speak(2, 290_000);
        a.stop(295_000);
        assert_eq!(a.cue(295_000, &everyone), Some(Cue { over: 0, invite: 2 }));
        // Mia speaks up: Jonas, Lee and Sam are now the quietest.
        a.speak(2, 300_000);
        a.stop(340_000);
        assert_eq!(a.cue(340_000, &everyone), Some(Cue { over: 0, invite: 1 }));
    }

    #[test]
    fn in_a_turn_the_client_talks_most_and_the_cue_is_about_coaches() {
        let mut a = Airtime::new(4);
        let here = [0, 1, 2, 3];
        a.set_turn(Some(0), 0);
        // The client talks for ten minutes, the coaches a minute each.
        a.speak(0, 0);
        a.speak(1, 600_000);
        a.speak(2, 660_000);
        a.speak(3, 720_000);
        a.stop(780_000);
        assert_eq!(a.cue(780_000, &here), None, "the client may talk most");
        // Jonas (1) asks question after question.
        a.speak(1, 800_000);
        a.stop(1_000_000);
        assert_eq!(a.cue(1_000_000, &here), Some(Cue { over: 1, invite: 2 }));
        // Next turn, Jonas is the client: the count starts again.
        a.set_turn(None, 1_000_000);
        a.set_turn(Some(1), 1_010_000);
        assert_eq!(a.turn_totals(1_010_000), [0; 4]);
        assert_eq!(a.cue(1_010_000, &here), None);
        // A pair: the coach talking more than the client is cued.
        let mut pair = Airtime::new(2);
        pair.set_turn(Some(1), 0);
        pair.speak(0, 0);
        pair.speak(1, 100_000);
        pair.stop(160_000);
        assert_eq!(pair.cue(160_000, &[0, 1]), Some(Cue { over: 0, invite: 1 }));
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// The cue names, as things are now, someone over the fair
            /// share and exactly the quietest other person it is about (the
            /// coaches here in a turn, everyone here outside one); never
            /// the client of a turn of three or more, never anyone away.
            #[test]
            fn the_cue_names_the_quietest_now(
                people in 2usize..=7,
                away in proptest::collection::vec(0usize..7, 0..3),
                steps in proptest::collection::vec((0usize..9, 0i64..200_000, proptest::option::of(0usize..8)), 0..40),
            ) {
                let present: Vec<usize> = (0..people).filter(|p| !away.contains(p) || people <= 2).collect();
                let mut a = Airtime::new(people);
                let mut now = 0;
                for (who, dt, client) in steps {
                    now += dt;
                    if who == 8 {
                        a.set_turn(client.filter(|&c| c < people), now);
                    } else if who < people {
                        a.speak(who, now);
                    } else {
                        a.stop(now);
                    }
                    let in_turn = a.turn_client.filter(|_| a.in_turn);
                    let (group, times): (Vec<usize>, Vec<i64>) = match in_turn {
                        Some(c) => (present.iter().copied().filter(|&p| p != c).collect(), a.turn_totals(now)),
                        None => (present.clone(), a.totals(now)),
                    };
                    let Some(cue) = a.cue(now, &present) else { continue };
                    prop_assert!(present.contains(&cue.over) && present.contains(&cue.invite));
                    prop_assert_ne!(cue.over, cue.invite);
                    if group.len() >= 2 {
                        prop_assert!(group.contains(&cue.over) && group.contains(&cue.invite));
                        let all: i64 = group.iter().map(|&p| times[p]).sum();
                        prop_assert!(all >= SETTLE_MS);
                        prop_assert!(times[cue.over] as f64 > OVER_FACTOR * all as f64 / group.len() as f64);
                        let quietest = group.iter().copied().filter(|&p| p != cue.over)
                            .map(|p| times[p]).min().unwrap();
                        prop_assert_eq!(times[cue.invite], quietest);
                    } else {
                        // A single coach talking more than the client.
                        let c = in_turn.unwrap();
                        prop_assert_eq!(cue.invite, c);
                        prop_assert!(times[cue.over] > times[c]);
                    }
                }
            }
        }
    }
}
