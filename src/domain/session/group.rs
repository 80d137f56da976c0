//! Group sessions: three to seven people take turns as client while the
//! others coach and one of them writes (the scribe). Someone away today is
//! passed over: their turn is skipped and its time goes to the turns not
//! yet begun, so the session still ends on time.

use super::{Session, SwapChoice, Turn};
use crate::domain::flow::Step;
use crate::domain::plan;
use crate::domain::timer::MINUTE_MS;

impl Session {
    /// Is this turn passed over (its client is away and it has not begun)?
    pub fn is_skipped(&self, h: usize) -> bool {
        self.format.is_group()
            && self
                .turns
                .get(h)
                .is_some_and(|turn| !self.is_present(turn.client) && !turn.has_started())
    }

    /// Does a step belong to a skipped turn?
    pub fn step_skipped(&self, step: Step) -> bool {
        step.turn().is_some_and(|h| self.is_skipped(h))
    }

    /// The turns that happen today, in order.
    pub fn turns_held(&self) -> impl Iterator<Item = (usize, &Turn)> {
        self.turns
            .iter()
            .enumerate()
            .filter(|(h, _)| !self.is_skipped(*h))
    }

    /// "Turn k of n" of turn `h`: its place among the turns held today, and
    /// how many are held (skipped turns are not counted); `None` for a
    /// skipped turn.
    pub fn turn_number(&self, h: usize) -> Option<(usize, usize)> {
        let held: Vec<usize> = self.turns_held().map(|(i, _)| i).collect();
        let k = held.iter().position(|&i| i == h)?;
        Some((k + 1, held.len()))
    }

    /// The default scribe of a turn: the next person after the client, in
    /// the order of turns, who is here today.
    pub fn default_scribe(&self, client: u8) -> Option<u8> {
        let people = self.people() as u8;
        (1..people)
            .map(|step| (client + step) % people)
            .find(|&p| self.is_present(p))
    }

    /// Give each turn not yet begun a scribe who is here (keeping one
    /// chosen by hand while they are).
    pub fn assign_scribes(&mut self) {
        if !self.format.is_group() {
            return;
        }
        for h in 0..self.turns.len() {
            let turn = &self.turns[h];
            let keep = turn
                .scribe
                .is_some_and(|w| w != turn.client && self.is_present(w));
            if !keep && !turn.has_started() {
                let scribe = self.default_scribe(turn.client);
                self.turns[h].scribe = scribe;
            }
        }
    }

    /// Choose who writes in a turn (not its client, not someone away).
    pub fn set_scribe(&mut self, h: usize, who: u8) -> bool {
        let ok = usize::from(who) < self.people() && self.is_present(who);
        match self.turns.get_mut(h) {
            Some(turn) if ok && turn.client != who => {
                turn.scribe = Some(who);
                true
            }
            _ => false,
        }
    }

    /// Mark someone away today, or here after all. Their turn, if not
    /// begun, is skipped (or held again), the turns not yet begun share the
    /// time left equally, and no one away writes.
    pub fn set_absent(&mut self, who: u8, away: bool, now: i64) {
        if !self.format.is_group() || usize::from(who) >= self.people() {
            return;
        }
        if away {
            // Someone must stay: the last person here is never marked away.
            if self.people() - self.absent.len() <= 2 || self.absent.contains(&who) {
                return;
            }
            self.absent.push(who);
            self.absent.sort_unstable();
        } else {
            self.absent.retain(|&a| a != who);
        }
        self.assign_scribes();
        self.refit_turns(now);
        if self.step_skipped(self.step) {
            // On the skipped turn itself: stay on its first screen.
            if let Some(h) = self.step.turn() {
                self.go_to(Step::Turn { turn: h }, now);
            }
        }
    }

    /// The turns not yet begun that will be held today.
    fn waiting_turns(&self) -> Vec<usize> {
        (0..self.turns.len())
            .filter(|&h| !self.turns[h].has_started() && !self.is_skipped(h))
            .collect()
    }

    /// Each turn to come with its share of the session's time left (by the
    /// session clock, less what a turn under way still holds), equally, in
    /// whole minutes rounded down so that they end by the session's end; at
    /// least [`plan::MIN_TURN_MINUTES`] each. A group less than
    /// [`plan::ON_TIME_GRACE_MS`] short of the turns' full shares is on
    /// time: they keep them (the seconds between Begin and the first turn
    /// do not cost it a minute).
    pub fn fitted_turns(&self, now: i64) -> Vec<(usize, u32)> {
        let waiting = self.waiting_turns();
        if waiting.is_empty() {
            return Vec::new();
        }
        let under_way = self.plan_left_where(now, |h| self.turns[h].has_started());
        let left = self.session_left(now).saturating_sub(under_way).max(0);
        let full: u32 = waiting.iter().map(|&h| self.full_turn_minutes(h)).sum();
        let short = i64::from(full) * MINUTE_MS - left;
        let left_minutes = if (1..plan::ON_TIME_GRACE_MS).contains(&short) {
            full
        } else {
            u32::try_from(left / MINUTE_MS).unwrap_or(u32::MAX)
        };
        let each = plan::turn_minutes(left_minutes, waiting.len() as u8);
        waiting
            .into_iter()
            .zip(each)
            .map(|(h, m)| (h, m.max(plan::MIN_TURN_MINUTES)))
            .collect()
    }

    /// A turn's full share: the session's length shared among the turns
    /// held today, in minutes (0 for a turn skipped).
    pub fn full_turn_minutes(&self, h: usize) -> u32 {
        if !self.format.is_group() {
            return 0;
        }
        let held: Vec<usize> = self.turns_held().map(|(t, _)| t).collect();
        let shares = plan::turn_minutes(self.total_minutes, held.len() as u8);
        held.iter()
            .position(|&t| t == h)
            .and_then(|i| shares.get(i).copied())
            .unwrap_or(0)
    }

    /// The group runs late: the time left would shorten a turn to come
    /// below its full share (this one or a later one, whichever the whole
    /// minutes fall on). For turn `h`, to come: its `(fitted, full)`
    /// minutes, for the group to choose between ending on time and
    /// running over.
    pub fn turn_shortened(&self, h: usize, now: i64) -> Option<(u32, u32)> {
        let fitted = self.fitted_turns(now);
        let late = fitted.iter().any(|&(t, m)| m < self.full_turn_minutes(t));
        let (_, mine) = fitted.into_iter().find(|&(t, _)| t == h)?;
        late.then(|| (mine, self.full_turn_minutes(h)))
    }

    /// What the question offers when the group runs late (see
    /// [`Session::turn_shortened`]), on turn `h`'s screen: the minutes of
    /// the turns to come, in order, ended on time, and at their full shares
    /// at least (as [`Session::refit_turns`] would give each choice).
    pub fn pace_choices(&self, h: usize, now: i64) -> Option<(Vec<u32>, Vec<u32>)> {
        self.turn_shortened(h, now)?;
        let fitted = self.fitted_turns(now);
        let fit = fitted.iter().map(|&(_, m)| m).collect();
        let keep = fitted
            .iter()
            .map(|&(t, m)| m.max(self.full_turn_minutes(t)))
            .collect();
        Some((fit, keep))
    }

    /// The group's choice: end on time (the turns to come are shortened)
    /// or run over (each keeps at least its full share).
    pub fn choose_pace(&mut self, choice: SwapChoice, now: i64) {
        if self.format.is_group() {
            self.swap = Some(choice);
            self.refit_turns(now);
        }
    }

    /// Share the time left among the turns not yet begun, equally, each
    /// split across GROW as at setup (at least a minute a phase). Done at
    /// the start of every turn and when someone's presence changes, so the
    /// session ends on time, unless the group chose to run over: then each
    /// turn to come keeps at least its full share. A minute given a phase
    /// by hand before its turn began is given on top, as asked.
    pub fn refit_turns(&mut self, now: i64) {
        if !self.format.is_group() {
            return;
        }
        let keep = self.swap == Some(SwapChoice::Keep);
        for (h, minutes) in self.fitted_turns(now) {
            let minutes = if keep {
                minutes.max(self.full_turn_minutes(h))
            } else {
                minutes
            };
            let split = plan::split(minutes);
            for (clock, m) in self.turns[h].clocks.iter_mut().zip(split) {
                clock.allotted_ms = (i64::from(m) * MINUTE_MS).saturating_add(clock.added_ms);
            }
        }
    }

    /// Each turn's planned length, in minutes (skipped turns: 0).
    pub fn turn_plan(&self) -> Vec<u32> {
        (0..self.turns.len())
            .map(|h| {
                if self.is_skipped(h) {
                    0
                } else {
                    (self.turns[h].allotted() / MINUTE_MS) as u32
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::{Format, Phase};
    use crate::domain::setup::Setup;

    fn group(names: &[&str], total: u32) -> Session {
        let mut setup = Setup::default();
        setup.set_format(Format::Group(0));
        setup.members = names.iter().map(|n| n.to_string()).collect();
        setup.set_everyone(true);
        setup.set_total(total);
        Session::new("g".into(), 0, &setup)
    }

    const FIVE: [&str; 5] = ["Amara", "Jonas", "Mia", "Lee", "Sam"];

    #[test]
    fn everyone_gets_a_turn_of_equal_time_and_the_next_person_writes() {
        let s = group(&FIVE, 75);
        assert_eq!(s.format, Format::Group(5));
        assert_eq!(s.people(), 5);
        assert_eq!(s.reflections.len(), 5);
        assert_eq!(s.turn_plan(), vec![15; 5]);
        let clients: Vec<u8> = s.turns.iter().map(|h| h.client).collect();
        assert_eq!(clients, vec![0, 1, 2, 3, 4]);
        let scribes: Vec<Option<u8>> = s.turns.iter().map(|h| h.scribe).collect();
        assert_eq!(scribes, vec![Some(1), Some(2), Some(3), Some(4), Some(0)]);
        assert_eq!(s.roles(2), (3, 2));
    }

    #[test]
    fn fewer_turns_when_not_everyone_is_client() {
        let mut setup = Setup::default();
        setup.set_format(Format::Group(0));
        setup.members = FIVE.iter().map(|n| n.to_string()).collect();
        setup.set_everyone(false);
        setup.set_turns(2);
        setup.set_total(60);
        let s = Session::new("g".into(), 0, &setup);
        assert_eq!(s.format, Format::Group(2));
        assert_eq!(s.turn_plan(), vec![30, 30]);
        assert_eq!(s.reflections.len(), 5);
    }

    #[test]
    fn someone_away_is_passed_over_and_the_others_share_the_time() {
        let mut s = group(&FIVE, 75);
        s.set_absent(2, true, 0);
        assert!(s.is_skipped(2));
        assert_eq!(s.turn_plan(), vec![19, 19, 0, 19, 18]);
        assert_eq!(s.turn_plan().iter().sum::<u32>(), 75);
        // Mia (2) no longer writes for Jonas (1): Lee (3) does.
        assert_eq!(s.turns[1].scribe, Some(3));
        // From Jonas's Will the flow goes on to Lee's turn.
        s.go_to(
            Step::Phase {
                turn: 1,
                phase: Phase::Will,
            },
            0,
        );
        s.advance(0);
        assert_eq!(s.step, Step::Turn { turn: 3 });
        s.back(0);
        assert_eq!(
            s.step,
            Step::Phase {
                turn: 1,
                phase: Phase::Will
            }
        );
        // Its phases are closed (a click in the steps does nothing); its
        // first screen is not.
        s.go_to(
            Step::Phase {
                turn: 2,
                phase: Phase::Goal,
            },
            0,
        );
        assert_eq!(
            s.step,
            Step::Phase {
                turn: 1,
                phase: Phase::Will
            }
        );
        s.go_to(Step::Turn { turn: 2 }, 0);
        assert_eq!(s.step, Step::Turn { turn: 2 });
        // Here after all: the turn comes back and the time is shared again.
        s.set_absent(2, false, 0);
        assert!(!s.is_skipped(2));
        assert_eq!(s.turn_plan(), vec![15; 5]);
    }

    #[test]
    fn a_turn_under_way_keeps_its_time_when_someone_leaves() {
        let mut s = group(&FIVE, 75);
        s.go_to(
            Step::Phase {
                turn: 0,
                phase: Phase::Goal,
            },
            0,
        );
        s.start_clock(0);
        let now = 20 * MINUTE_MS;
        s.pause_clock(now);
        s.set_absent(0, true, now);
        // Amara's turn has begun (its Goal ran 17 minutes over): it is not
        // skipped, it keeps the 12 minutes of its phases to come, and the
        // 43 minutes left go to four turns.
        assert!(!s.is_skipped(0));
        assert_eq!(s.turns[0].allotted(), 15 * MINUTE_MS);
        assert_eq!(s.turn_plan(), vec![15, 11, 11, 11, 10]);
        // Amara is not the scribe of Sam's turn any more.
        assert_eq!(s.turns[4].scribe, Some(1));
    }

    #[test]
    fn a_turn_that_ran_over_is_absorbed_by_the_turns_to_come() {
        // Five people, 75 minutes, Mia away: four turns of 19, 19, 19, 18.
        let mut s = group(&FIVE, 75);
        s.set_absent(2, true, 0);
        s.go_to(Step::Turn { turn: 0 }, 0);
        s.go_to(
            Step::Phase {
                turn: 0,
                phase: Phase::Goal,
            },
            0,
        );
        s.start_clock(0);
        assert_eq!(s.turn_plan(), vec![19, 19, 0, 19, 18]);
        // Amara's turn runs 2.5 minutes over.
        let now = 21 * MINUTE_MS + 30_000;
        s.go_to(Step::Turn { turn: 1 }, now);
        // Jonas's turn is offered 18 minutes, not 19: 53 minutes are left.
        assert_eq!(s.turn_plan(), vec![19, 18, 0, 18, 17]);
        assert_eq!(s.turn_shortened(1, now), Some((18, 19)));
        assert!(now + s.plan_left(now) <= s.planned_ms());
        // The group may choose to run over: full turns, a later end.
        s.choose_pace(SwapChoice::Keep, now);
        assert_eq!(s.turn_plan(), vec![19, 19, 0, 19, 18]);
        assert_eq!(s.ends_at(now), now + 56 * MINUTE_MS);
        s.choose_pace(SwapChoice::Fit, now);
        assert_eq!(s.turn_plan(), vec![19, 18, 0, 18, 17]);
        assert_eq!(s.ends_at(now), 75 * MINUTE_MS);
    }

    #[test]
    fn everyone_here_agrees_before_the_first_turn() {
        let mut s = group(&FIVE, 75);
        assert_eq!(s.agreement.confirmed, vec![false; 5]);
        for who in [0, 1, 3, 4] {
            s.agreement.confirmed[who] = true;
        }
        assert!(!s.everyone_agreed(), "Mia has not ticked her box");
        s.set_absent(2, true, 0);
        assert!(s.everyone_agreed(), "Mia is not here today");
        s.agreement.add();
        assert!(!s.everyone_agreed(), "a changed rule asks everyone again");
        s.go_to(Step::Agreement, 0);
        s.advance(0);
        assert_eq!(s.step, Step::Turn { turn: 0 });
    }

    #[test]
    fn at_least_two_people_stay_and_scribes_are_checked() {
        let mut s = group(&["A", "B", "C"], 30);
        s.set_absent(0, true, 0);
        s.set_absent(1, true, 0);
        assert_eq!(s.absent, vec![0]);
        assert!(!s.set_scribe(1, 1), "the client does not write");
        assert!(!s.set_scribe(1, 0), "someone away does not write");
        assert!(s.set_scribe(1, 2));
        assert!(!s.set_scribe(9, 2));
    }

    #[test]
    fn skipping_the_turn_on_screen_stays_on_its_first_screen() {
        let mut s = group(&FIVE, 75);
        s.go_to(Step::Turn { turn: 1 }, 0);
        s.set_absent(1, true, 0);
        assert_eq!(s.step, Step::Turn { turn: 1 });
        s.advance(0);
        assert_eq!(
            s.step,
            Step::Turn { turn: 2 },
            "next goes to the next person's turn"
        );
    }

    #[test]
    fn normalize_repairs_a_group_from_a_damaged_record() {
        let mut s = group(&FIVE, 75);
        s.names.truncate(2);
        s.reflections.clear();
        s.absent = vec![9, 1, 1];
        s.turns[0].scribe = Some(0);
        s.turns[1].client = 40;
        s.normalize();
        assert_eq!(s.people(), 3);
        assert_eq!(s.format, Format::Group(3));
        assert_eq!(s.turns.len(), 3);
        assert_eq!(s.reflections.len(), 3);
        assert_eq!(s.absent, vec![1]);
        // Amara may not write for herself: the next person here does.
        assert_eq!(s.turns[0].scribe, Some(2));
        assert_eq!(s.turns[1].client, 2);
    }
}
