//! One run of an exercise: where the pair is, the time-box of each step,
//! and everything they wrote. Every change is a method over plain data.

use serde::{Deserialize, Serialize};

use super::{Deck, ExerciseId, StepKind};
use crate::domain::deck::draw_unseen;
use crate::domain::timer::{PhaseClock, MINUTE_MS};

/// A prompt drawn from the exercise's deck, with what it brought up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PromptAnswer {
    /// The card's number in the deck.
    pub card: u8,
    pub answer: String,
    /// A new option or idea the prompt revealed.
    pub idea: String,
}

/// An idea collected from someone (FeedForward, quick ask).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Idea {
    /// Who gave it (a first name, or empty).
    pub from: String,
    pub text: String,
    /// The client starred it as worth trying.
    pub starred: bool,
}

/// Every field but the exercise may be missing from a stored record (one
/// written before the field existed): it then takes its empty value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRun {
    pub exercise: ExerciseId,
    /// The step on screen.
    #[serde(default)]
    pub step: usize,
    /// One time-box per step.
    #[serde(default)]
    pub clocks: Vec<PhaseClock>,
    /// What the exercise is about: the scenario, the other person, the
    /// plan, the problem, the behaviour or the goal.
    #[serde(default)]
    pub subject: String,
    /// The scenario or story starter picked from the deck, if any.
    #[serde(default)]
    pub picked: Option<u8>,
    /// Free notes per step (the scene, the debrief's lessons, the actions).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Prompts drawn so far, oldest first.
    #[serde(default)]
    pub prompts: Vec<PromptAnswer>,
    /// The story, one line per turn; turns alternate between two people.
    #[serde(default)]
    pub turns: Vec<String>,
    #[serde(default)]
    pub ideas: Vec<Idea>,
    /// What is being typed and not yet added (a story line; an idea and
    /// who gave it), kept so that nothing typed is lost.
    #[serde(default)]
    pub draft_turn: String,
    #[serde(default)]
    pub draft_idea: Idea,
    /// The pair said it is done: the result is what they see, and the
    /// next "start again" begins a new run beside this one.
    #[serde(default)]
    pub finished: bool,
}

impl ExerciseRun {
    pub fn new(exercise: ExerciseId) -> Self {
        let steps = exercise.spec().steps;
        ExerciseRun {
            exercise,
            step: 0,
            clocks: steps
                .iter()
                .map(|s| PhaseClock::new(s.minutes as i64 * MINUTE_MS))
                .collect(),
            subject: String::new(),
            picked: None,
            notes: vec![String::new(); steps.len()],
            prompts: Vec::new(),
            turns: Vec::new(),
            ideas: Vec::new(),
            draft_turn: String::new(),
            draft_idea: Idea::default(),
            finished: false,
        }
    }

    /// Nothing was written or picked in it: a run not worth keeping.
    pub fn is_blank(&self) -> bool {
        let blank = |t: &str| t.trim().is_empty();
        blank(&self.subject)
            && self.picked.is_none()
            && self.notes.iter().all(|n| blank(n))
            && self
                .prompts
                .iter()
                .all(|p| blank(&p.answer) && blank(&p.idea))
            && self.turns.iter().all(|t| blank(t))
            && self.ideas.iter().all(|i| blank(&i.text))
            && blank(&self.draft_turn)
            && blank(&self.draft_idea.text)
    }

    /// End the run: its clocks stop and its result is what is shown.
    pub fn finish(&mut self, now: i64) {
        self.pause_all(now);
        self.finished = true;
    }

    pub fn step_count(&self) -> usize {
        self.exercise.spec().steps.len()
    }

    pub fn step_kind(&self) -> StepKind {
        let steps = self.exercise.spec().steps;
        steps[self.step.min(steps.len() - 1)].kind
    }

    pub fn is_last_step(&self) -> bool {
        self.step + 1 >= self.step_count()
    }

    /// Repair what storage or a link may get wrong. Normalizing twice
    /// changes nothing more (a link holds the normalized run).
    pub fn normalize(&mut self) {
        let n = self.step_count();
        self.step = self.step.min(n - 1);
        let spec = self.exercise.spec();
        self.clocks.resize_with(n, || PhaseClock::new(0));
        for (clock, s) in self.clocks.iter_mut().zip(spec.steps) {
            // Clamped first: a negative time-box becomes the step's own.
            clock.clamp();
            if clock.allotted_ms == 0 {
                clock.allotted_ms = s.minutes as i64 * MINUTE_MS;
            }
        }
        self.notes.resize(n, String::new());
        let size = spec.deck.map_or(0, |d| d.size());
        self.prompts.retain(|p| (p.card as usize) < size);
        self.picked = self
            .picked
            .filter(|&p| self.can_pick() && (p as usize) < size);
    }

    pub fn clock(&self) -> &PhaseClock {
        &self.clocks[self.step.min(self.clocks.len() - 1)]
    }

    fn clock_mut(&mut self) -> &mut PhaseClock {
        let at = self.step.min(self.clocks.len() - 1);
        &mut self.clocks[at]
    }

    fn pause_all(&mut self, now: i64) {
        for clock in &mut self.clocks {
            if clock.is_running() {
                clock.pause(now);
            }
        }
    }

    pub fn start_clock(&mut self, now: i64) {
        self.pause_all(now);
        self.clock_mut().start(now);
    }

    pub fn pause_clock(&mut self, now: i64) {
        self.pause_all(now);
    }

    pub fn add_minute(&mut self, now: i64) {
        self.clock_mut().add_minute(now);
    }

    /// True once when the step on screen runs out of time.
    pub fn take_cue(&mut self, now: i64) -> bool {
        self.clock_mut().take_cue(now)
    }

    /// Go to a step; clocks pause. A finished run opens again there.
    pub fn go_to(&mut self, step: usize, now: i64) {
        if step < self.step_count() {
            self.pause_all(now);
            self.step = step;
            self.finished = false;
        }
    }

    /// The next step; its clock starts if the step's clock was running.
    pub fn next(&mut self, now: i64) {
        let was_running = self.clock().is_running();
        if !self.is_last_step() {
            self.go_to(self.step + 1, now);
            if was_running {
                self.start_clock(now);
            }
        }
    }

    /// Draw another prompt from the deck, without repeats; `None` once the
    /// deck is used up.
    pub fn draw_prompt(&mut self, random: u32) -> Option<u8> {
        let deck = self.exercise.spec().deck?;
        let size = deck.size();
        // Retired cards count as seen: they are never drawn.
        let seen: Vec<u8> = self
            .prompts
            .iter()
            .map(|p| p.card)
            .chain(deck.retired().iter().copied())
            .collect();
        let card = draw_unseen(&seen, size, random)?;
        self.prompts.push(PromptAnswer {
            card,
            ..PromptAnswer::default()
        });
        Some(card)
    }

    /// Every card that can be drawn has been: no prompt is left.
    pub fn prompts_used_up(&self) -> bool {
        self.exercise.spec().deck.is_none_or(|d| {
            (0..d.size() as u8)
                .all(|c| d.retired().contains(&c) || self.prompts.iter().any(|p| p.card == c))
        })
    }

    /// Does the subject come from the deck (role-play scenarios, story
    /// starters) rather than from prompts drawn later?
    pub fn can_pick(&self) -> bool {
        matches!(
            self.exercise.spec().deck,
            Some(Deck::Scenarios | Deck::StoryStarters)
        )
    }

    /// Pick a scenario or story starter from the deck as the subject; the
    /// same card again takes it back.
    pub fn pick(&mut self, card: u8) {
        let size = self.exercise.spec().deck.map_or(0, |d| d.size());
        if self.can_pick() && (card as usize) < size {
            self.picked = if self.picked == Some(card) {
                None
            } else {
                Some(card)
            };
        }
    }

    /// Whose turn it is in the story: 0 (A) or 1 (B), alternating.
    pub fn whose_turn(&self) -> u8 {
        (self.turns.len() % 2) as u8
    }

    /// Add the drafted line to the story; an empty draft adds nothing.
    pub fn add_turn(&mut self) {
        let text = std::mem::take(&mut self.draft_turn);
        if !text.trim().is_empty() {
            self.turns.push(text.trim().to_string());
        }
    }

    /// Add the drafted idea (who gave it stays for the next one).
    pub fn add_idea(&mut self) {
        let text = std::mem::take(&mut self.draft_idea.text);
        if !text.trim().is_empty() {
            self.ideas.push(Idea {
                from: self.draft_idea.from.trim().to_string(),
                text: text.trim().to_string(),
                starred: false,
            });
        }
    }

    pub fn toggle_star(&mut self, at: usize) {
        if let Some(idea) = self.ideas.get_mut(at) {
            idea.starred = !idea.starred;
        }
    }

    pub fn set_note(&mut self, step: usize, text: String) {
        if let Some(note) = self.notes.get_mut(step) {
            *note = text;
        }
    }

    /// Every idea, the starred ones (worth trying first) before the
    /// others, each group in the order given. Starring never hides one.
    pub fn ideas_starred_first(&self) -> Vec<&Idea> {
        let (starred, others): (Vec<&Idea>, Vec<&Idea>) =
            self.ideas.iter().partition(|i| i.starred);
        starred.into_iter().chain(others).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_has_a_clock_and_a_note_per_step() {
        for id in ExerciseId::ALL {
            let run = ExerciseRun::new(id);
            assert_eq!(run.clocks.len(), id.spec().steps.len());
            assert_eq!(run.notes.len(), id.spec().steps.len());
            assert_eq!(run.step_kind(), StepKind::Choose);
            let total: i64 = run.clocks.iter().map(|c| c.allotted_ms).sum();
            assert_eq!(total, id.spec().minutes() as i64 * MINUTE_MS);
        }
    }

    #[test]
    fn steps_advance_with_their_clocks() {
        let mut run = ExerciseRun::new(ExerciseId::RolePlay);
        run.start_clock(0);
        run.next(60_000);
        assert_eq!(run.step, 1);
        assert_eq!(run.clocks[0].used_ms, 60_000);
        assert!(run.clock().is_running());
        run.go_to(4, 90_000);
        assert!(run.clocks.iter().all(|c| !c.is_running()));
        assert!(run.is_last_step());
        run.next(100_000);
        assert_eq!(run.step, 4, "the last step stays");
        run.go_to(99, 0);
        assert_eq!(run.step, 4);
    }

    #[test]
    fn prompts_never_repeat_until_the_deck_is_used_up() {
        let mut run = ExerciseRun::new(ExerciseId::WhatIf);
        let mut n = 0;
        while run.draw_prompt(n * 7919).is_some() {
            n += 1;
        }
        assert_eq!(n as usize, Deck::WhatIfs.drawable());
        let mut cards: Vec<u8> = run.prompts.iter().map(|p| p.card).collect();
        cards.sort_unstable();
        cards.dedup();
        assert_eq!(cards.len(), Deck::WhatIfs.drawable());
        assert!(
            cards.iter().all(|c| !Deck::WhatIfs.retired().contains(c)),
            "a retired card is never drawn"
        );
        assert_eq!(
            ExerciseRun::new(ExerciseId::FeedForward).draw_prompt(1),
            None,
            "no deck"
        );
    }

    #[test]
    fn story_turns_alternate_and_ideas_can_be_starred() {
        let mut run = ExerciseRun::new(ExerciseId::Story);
        assert_eq!(run.whose_turn(), 0);
        run.draft_turn = "Once upon a time".into();
        run.add_turn();
        assert!(run.draft_turn.is_empty());
        run.draft_turn = "   ".into();
        run.add_turn();
        assert_eq!(run.whose_turn(), 1);
        assert_eq!(run.turns, ["Once upon a time"]);

        let mut ff = ExerciseRun::new(ExerciseId::FeedForward);
        for (from, text) in [
            ("Jonas", "Count to three before answering"),
            ("Mia", "Ask one question first"),
            ("", " "),
        ] {
            ff.draft_idea = Idea {
                from: from.into(),
                text: text.into(),
                starred: false,
            };
            ff.add_idea();
        }
        assert_eq!(ff.ideas.len(), 2);
        ff.toggle_star(1);
        let order: Vec<_> = ff
            .ideas_starred_first()
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(
            order,
            ["Ask one question first", "Count to three before answering"],
            "the starred one first, the other kept"
        );
    }

    #[test]
    fn picks_stay_in_the_deck_and_normalize_repairs() {
        let mut run = ExerciseRun::new(ExerciseId::RolePlay);
        run.pick(3);
        run.pick(200);
        assert_eq!(run.picked, Some(3));
        run.pick(3);
        assert_eq!(run.picked, None, "picked again: taken back");
        run.pick(3);
        let mut what_if = ExerciseRun::new(ExerciseId::WhatIf);
        what_if.pick(1);
        assert_eq!(what_if.picked, None, "what-if subjects are the user's own");
        what_if.picked = Some(1);
        what_if.normalize();
        assert_eq!(what_if.picked, None);
        run.step = 50;
        run.clocks.truncate(1);
        run.notes.clear();
        run.prompts.push(PromptAnswer {
            card: 250,
            ..Default::default()
        });
        run.normalize();
        assert_eq!(run.step, 4);
        assert_eq!(run.clocks.len(), 5);
        assert_eq!(run.notes.len(), 5);
        assert!(run.prompts.is_empty());
    }

    #[test]
    fn normalizing_twice_changes_nothing_more() {
        let mut run = ExerciseRun::new(ExerciseId::FeedForward);
        run.clocks[0].allotted_ms = -5;
        run.clocks[1].allotted_ms = i64::MAX;
        run.normalize();
        assert_eq!(run.clocks[0].allotted_ms, 2 * MINUTE_MS, "the step's own");
        let once = run.clone();
        run.normalize();
        assert_eq!(run, once);
    }

    #[test]
    fn older_records_without_new_fields_still_load() {
        let run: ExerciseRun =
            serde_json::from_str(r#"{"exercise":"story","turns":["A start"]}"#).unwrap();
        assert_eq!(run.turns, ["A start"]);
        assert!(run.draft_turn.is_empty());
    }

    #[test]
    fn empathy_prompts_can_come_in_order() {
        let mut run = ExerciseRun::new(ExerciseId::Empathy);
        let order: Vec<u8> = std::iter::from_fn(|| run.draw_prompt(0)).collect();
        assert_eq!(order, [0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn cue_comes_once_per_step() {
        let mut run = ExerciseRun::new(ExerciseId::QuickAsk);
        run.start_clock(0);
        assert!(!run.take_cue(30_000));
        assert!(run.take_cue(60_000));
        assert!(!run.take_cue(61_000));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn ideas() -> impl Strategy<Value = Vec<Idea>> {
        proptest::collection::vec(
            ("[a-c ]{0,3}", "[a-z ]{0,4}", any::<bool>()).prop_map(|(from, text, starred)| Idea {
                from,
                text,
                starred,
            }),
            0..8,
        )
    }

    proptest! {
        /// Starring never hides an idea: every idea is kept, the starred
        /// ones come first, and each group keeps the order given.
        #[test]
        fn every_idea_is_kept_starred_first(ideas in ideas()) {
            let mut run = ExerciseRun::new(ExerciseId::FeedForward);
            run.ideas = ideas.clone();
            let order = run.ideas_starred_first();
            prop_assert_eq!(order.len(), ideas.len());
            let first_unstarred = order.iter().position(|i| !i.starred).unwrap_or(order.len());
            prop_assert!(order[first_unstarred..].iter().all(|i| !i.starred));
            let starred: Vec<&Idea> = ideas.iter().filter(|i| i.starred).collect();
            let others: Vec<&Idea> = ideas.iter().filter(|i| !i.starred).collect();
            prop_assert_eq!(&order[..first_unstarred], starred.as_slice());
            prop_assert_eq!(&order[first_unstarred..], others.as_slice());
        }

        /// A finished run opens again at any step the pair goes back to,
        /// and finishing stops every clock.
        #[test]
        fn finishing_stops_the_clocks_and_going_back_reopens(
            at in 0usize..5, start in 0i64..1_000_000, later in 0i64..1_000_000
        ) {
            let mut run = ExerciseRun::new(ExerciseId::RolePlay);
            run.go_to(at, start);
            run.start_clock(start);
            run.finish(start + later);
            prop_assert!(run.finished);
            prop_assert!(run.clocks.iter().all(|c| !c.is_running()));
            run.go_to(at, start + later);
            prop_assert!(!run.finished);
        }
    }
}
