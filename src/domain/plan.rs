//! How a session's time is split across halves and phases.

use crate::domain::flow::Format;
use crate::domain::timer::MINUTE_MS;

/// Shortest and longest session the setup accepts, in minutes.
pub const MIN_TOTAL_MINUTES: u32 = 10;
pub const MAX_TOTAL_MINUTES: u32 = 180;
pub const DEFAULT_TOTAL_MINUTES: u32 = 60;

/// The default share of a half per phase: Goal 5, Reality 8, Options 10,
/// Will 7 of every 30 minutes.
const WEIGHTS: [u32; 4] = [5, 8, 10, 7];

/// Clamp a total length typed by the user into the accepted range.
pub fn clamp_total(minutes: u32) -> u32 {
    minutes.clamp(MIN_TOTAL_MINUTES, MAX_TOTAL_MINUTES)
}

/// Minutes for each half: the whole session for one-way, half each for
/// reciprocal (an odd minute goes to the first half).
pub fn half_minutes(format: Format, total: u32) -> [u32; 2] {
    match format {
        Format::OneWay => [total, 0],
        Format::Reciprocal => [total - total / 2, total / 2],
        Format::Group(turns) => {
            let turns = turn_minutes(total, turns);
            [turns[0], turns[turns.len() - 1]]
        }
    }
}

/// How far behind its plan a session may be and still count as on time:
/// less than this is not worth a decision (a pair's swap, a group's turns).
pub const ON_TIME_GRACE_MS: i64 = 30_000;

/// The shortest turn of a group session: a minute for each GROW phase.
pub const MIN_TURN_MINUTES: u32 = 4;

/// A group's default time for each turn, in minutes.
pub const DEFAULT_TURN_MINUTES: u32 = 15;

/// The accepted total of a group session of `turns` turns: at least
/// [`MIN_TURN_MINUTES`] a turn (and the usual 10), at most 180.
pub fn clamp_group_total(minutes: u32, turns: u8) -> u32 {
    let least = (MIN_TURN_MINUTES * u32::from(turns.max(1))).max(MIN_TOTAL_MINUTES);
    minutes.clamp(least, MAX_TOTAL_MINUTES.max(least))
}

/// Each turn's minutes of a group session: the total shared out equally,
/// an odd minute each to the first turns, so they add up to the total.
pub fn turn_minutes(total: u32, turns: u8) -> Vec<u32> {
    let turns = u32::from(turns.max(1));
    let (base, extra) = (total / turns, total % turns);
    (0..turns).map(|t| base + u32::from(t < extra)).collect()
}

/// The default split of a half across the four phases, in whole minutes
/// that add up to the half exactly (largest remainder), each at least one.
pub fn split(turn: u32) -> [u32; 4] {
    split_as(WEIGHTS, turn)
}

/// A half of `turn` minutes split across the phases in proportion to
/// `weights` (a pair's own split of another length), in whole minutes that
/// add up to the half (largest remainder), each at least one.
pub fn split_as(weights: [u32; 4], turn: u32) -> [u32; 4] {
    // Weights are minutes of a half (at most 180 each): no overflow below.
    let weights = weights.map(|w| u64::from(w.clamp(1, MAX_TOTAL_MINUTES)));
    let weight_sum: u64 = weights.iter().sum();
    let turn64 = u64::from(turn);
    let mut minutes = weights.map(|w| ((w * turn64 / weight_sum) as u32).max(1));
    let mut order = [0usize, 1, 2, 3];
    order.sort_by_key(|&i| std::cmp::Reverse((weights[i] * turn64) % weight_sum));
    let mut i = 0;
    while minutes.iter().sum::<u32>() < turn {
        minutes[order[i % 4]] += 1;
        i += 1;
    }
    // Tiny halves: the "at least one" rule may overshoot; take from the largest.
    while minutes.iter().sum::<u32>() > turn && minutes.iter().any(|&m| m > 1) {
        let (largest, _) = minutes
            .iter()
            .enumerate()
            .max_by_key(|(_, m)| **m)
            .unwrap_or((0, &0));
        minutes[largest] -= 1;
    }
    minutes
}

/// Scale a half's phase allotments to fit `available_ms`, in proportion,
/// rounded to whole seconds, adding up to `available_ms` (to the second).
/// Each phase keeps at least one minute: a phase whose share would be less
/// gets its minute, and the others share the rest in proportion (so under
/// four minutes left the phases add up to four minutes, a little more than
/// what is left).
pub fn fit(allotted_ms: [i64; 4], available_ms: i64) -> [i64; 4] {
    let planned: i64 = allotted_ms.iter().sum();
    if planned <= 0 {
        return allotted_ms;
    }
    let available = available_ms.max(4 * MINUTE_MS) / 1000 * 1000;
    // The phases held at their minute, found one round at a time: a phase
    // held leaves less for the others, which may then fall short too.
    let mut held = [false; 4];
    let mut out = allotted_ms;
    loop {
        let left = available - MINUTE_MS * held.iter().filter(|&&h| h).count() as i64;
        let weight: i64 = (0..4).filter(|&i| !held[i]).map(|i| allotted_ms[i]).sum();
        for i in 0..4 {
            out[i] = if held[i] || weight <= 0 {
                MINUTE_MS
            } else {
                (allotted_ms[i] * left / weight) / 1000 * 1000
            };
        }
        let short: Vec<usize> = (0..4).filter(|&i| !held[i] && out[i] < MINUTE_MS).collect();
        if short.is_empty() {
            break;
        }
        for i in short {
            held[i] = true;
        }
    }
    // The seconds lost to rounding go to Options (the longest phase of the
    // usual split), or to the longest phase not held at its minute.
    let to = if held[2] {
        (0..4)
            .filter(|&i| !held[i])
            .max_by_key(|&i| out[i])
            .unwrap_or(2)
    } else {
        2
    };
    out[to] += available - out.iter().sum::<i64>();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_minute_half_splits_as_documented() {
        assert_eq!(split(30), [5, 8, 10, 7]);
        assert_eq!(split(60), [10, 16, 20, 14]);
    }

    #[test]
    fn every_length_adds_up_and_no_phase_is_empty() {
        for total in MIN_TOTAL_MINUTES..=MAX_TOTAL_MINUTES {
            for format in [Format::Reciprocal, Format::OneWay] {
                let turns = half_minutes(format, total);
                assert_eq!(turns.iter().sum::<u32>(), total);
                for turn in turns.into_iter().filter(|&h| h > 0) {
                    let s = split(turn);
                    assert_eq!(s.iter().sum::<u32>(), turn, "half {turn}");
                    assert!(s.iter().all(|&m| m >= 1), "half {turn}: {s:?}");
                }
            }
        }
    }

    #[test]
    fn group_turns_share_the_total_equally_and_add_up() {
        assert_eq!(turn_minutes(75, 5), vec![15; 5]);
        assert_eq!(turn_minutes(62, 4), vec![16, 16, 15, 15]);
        for turns in 1..=7u8 {
            for total in MIN_TOTAL_MINUTES..=MAX_TOTAL_MINUTES {
                let total = clamp_group_total(total, turns);
                let t = turn_minutes(total, turns);
                assert_eq!(t.len(), usize::from(turns));
                assert_eq!(t.iter().sum::<u32>(), total);
                assert!(t.iter().max().unwrap() - t.iter().min().unwrap() <= 1);
                assert!(t.iter().all(|&m| m >= MIN_TURN_MINUTES));
                assert_eq!(split(t[0]).iter().sum::<u32>(), t[0]);
            }
        }
        assert_eq!(clamp_group_total(10, 7), 28);
        assert_eq!(clamp_group_total(500, 3), 180);
    }

    #[test]
    fn total_is_clamped() {
        assert_eq!(clamp_total(0), 10);
        assert_eq!(clamp_total(45), 45);
        assert_eq!(clamp_total(500), 180);
    }

    #[test]
    fn fit_shortens_in_proportion() {
        let plan = [5, 8, 10, 7].map(|m| m * MINUTE_MS);
        let fitted = fit(plan, 24 * MINUTE_MS);
        assert_eq!(fitted.iter().sum::<i64>(), 24 * MINUTE_MS);
        assert_eq!(fitted[0], 4 * MINUTE_MS);
        assert_eq!(fitted[1], 384_000);
        assert!(fitted[2] >= 8 * MINUTE_MS);
    }

    #[test]
    fn fit_never_goes_below_a_minute_a_phase() {
        let plan = [5, 8, 10, 7].map(|m| m * MINUTE_MS);
        let fitted = fit(plan, 0);
        assert!(fitted.iter().all(|&m| m >= MINUTE_MS));
    }

    // Native only: proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// A half shortened to fit what is left adds up to what is left,
            /// to the second (four minutes at least: a minute a phase), every
            /// phase at least a minute, and the phases above their minute in
            /// proportion to what they had (a 1, 1, 1, 27 split with 5
            /// minutes left is 1, 1, 1, 2, not 1, 1, 1, 4.5).
            #[test]
            fn a_fitted_half_ends_on_time_in_proportion(
                minutes in proptest::array::uniform4(1i64..=90),
                seconds in proptest::array::uniform4(0i64..60),
                left in 0i64..(200 * MINUTE_MS),
            ) {
                let plan: [i64; 4] = std::array::from_fn(|i| minutes[i] * MINUTE_MS + seconds[i] * 1000);
                let out = fit(plan, left);
                let target = left.max(4 * MINUTE_MS) / 1000 * 1000;
                prop_assert_eq!(out.iter().sum::<i64>(), target, "{:?} -> {:?}", plan, out);
                prop_assert!(out.iter().all(|&m| m >= MINUTE_MS), "{:?}", out);
                // Above their minute, the phases keep their proportions
                // (within the seconds of rounding, which go to one phase).
                let free: Vec<usize> = (0..4).filter(|&i| out[i] > MINUTE_MS + 4000).collect();
                for &i in &free {
                    for &j in &free {
                        let exact = out[j] as f64 * plan[i] as f64 / plan[j] as f64;
                        prop_assert!((out[i] as f64 - exact).abs() <= 4000.0 * (1.0 + plan[i] as f64 / plan[j] as f64),
                            "{:?} -> {:?}: {} and {}", plan, out, i, j);
                    }
                }
                // A phase held at its minute would have had less than that
                // as its share of what the others leave.
                let held: Vec<usize> = (0..4).filter(|&i| out[i] == MINUTE_MS).collect();
                let rest = target - MINUTE_MS * held.len() as i64;
                let weight: i64 = (0..4).filter(|i| !held.contains(i)).map(|i| plan[i]).sum();
                if weight > 0 {
                    for &i in &held {
                        prop_assert!(plan[i] * rest / weight < MINUTE_MS + 4000,
                            "{:?} -> {:?}: phase {} held", plan, out, i);
                    }
                }
            }
        }
    }
}
