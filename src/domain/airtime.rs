//! Airtime balance: who is speaking now, each person's share of the talking
//! time, and a gentle cue when someone takes far more than a fair share.
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
}

impl Airtime {
    pub fn new(people: usize) -> Self {
        Airtime {
            talked_ms: vec![0; people],
            speaking: None,
        }
    }

    /// Make sure there is a place for `people` people.
    pub fn fit(&mut self, people: usize) {
        if self.talked_ms.len() < people {
            self.talked_ms.resize(people, 0);
        }
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
            if let Some(t) = self.talked_ms.get_mut(who) {
                *t = t.saturating_add((now - since).max(0));
            }
        }
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
}
