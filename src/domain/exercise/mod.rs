//! The exercise catalogue: the guided exercises a peer coach uses (role
//! play, what-if scenarios, empathy prompts, perspective shifts,
//! collaborative storytelling, FeedForward, quick ask) as data. Their texts
//! are in the message catalogue; links and saved results refer to an
//! exercise by its stable slug or code, and to prompts by number.

mod past;
pub mod round;
mod run;

pub use past::{keep_past, PastRun, MAX_PAST_RUNS};
pub use run::{ExerciseRun, Idea, PromptAnswer};

use serde::{Deserialize, Serialize};

use crate::domain::flow::Phase;

/// An exercise. The slugs and codes are stable forever: routes, links and
/// saved results depend on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseId {
    RolePlay,
    WhatIf,
    Empathy,
    Perspectives,
    Story,
    FeedForward,
    QuickAsk,
}

impl ExerciseId {
    pub const ALL: [ExerciseId; 7] = [
        ExerciseId::RolePlay,
        ExerciseId::WhatIf,
        ExerciseId::Empathy,
        ExerciseId::Perspectives,
        ExerciseId::Story,
        ExerciseId::FeedForward,
        ExerciseId::QuickAsk,
    ];

    /// The name in routes (`#/exercise/role-play`).
    pub fn slug(self) -> &'static str {
        match self {
            ExerciseId::RolePlay => "role-play",
            ExerciseId::WhatIf => "what-if",
            ExerciseId::Empathy => "empathy",
            ExerciseId::Perspectives => "perspectives",
            ExerciseId::Story => "story",
            ExerciseId::FeedForward => "feedforward",
            ExerciseId::QuickAsk => "quick-ask",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ExerciseId> {
        ExerciseId::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// The number in compact links.
    pub fn code(self) -> u8 {
        match self {
            ExerciseId::RolePlay => 1,
            ExerciseId::WhatIf => 2,
            ExerciseId::Empathy => 3,
            ExerciseId::Perspectives => 4,
            ExerciseId::Story => 5,
            ExerciseId::FeedForward => 6,
            ExerciseId::QuickAsk => 7,
        }
    }

    pub fn from_code(code: u8) -> Option<ExerciseId> {
        ExerciseId::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Position in [`ExerciseId::ALL`], for per-exercise text tables.
    pub fn index(self) -> usize {
        self.code() as usize - 1
    }

    pub fn spec(self) -> &'static Exercise {
        &CATALOGUE[self.index()]
    }
}

/// When an exercise helps: the library's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Helps {
    RehearseConversation,
    ThinkStrategically,
    UnderstandSomeone,
    FindOptions,
    GetIdeas,
}

impl Helps {
    pub const ALL: [Helps; 5] = [
        Helps::RehearseConversation,
        Helps::ThinkStrategically,
        Helps::UnderstandSomeone,
        Helps::FindOptions,
        Helps::GetIdeas,
    ];

    pub fn index(self) -> usize {
        Helps::ALL.iter().position(|h| *h == self).unwrap_or(0)
    }
}

/// A deck of prompts an exercise draws from, one at a time, without repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Deck {
    /// Role-play scenarios to pick from.
    Scenarios,
    /// Hypothetical questions.
    WhatIfs,
    /// What the other person sees, hears, thinks, feels, needs, fears.
    EmpathyPrompts,
    /// Stakeholders and other points of view to look through.
    Lenses,
    /// First lines for a shared story.
    StoryStarters,
    /// Questions for the debrief after a role play.
    Debrief,
}

impl Deck {
    /// Cards in the deck; every catalogue has exactly this many (checked by
    /// the compiler through array types).
    pub const fn size(self) -> usize {
        match self {
            Deck::Scenarios => 16,
            Deck::WhatIfs => 30,
            Deck::EmpathyPrompts => 7,
            Deck::Lenses => 13,
            Deck::StoryStarters => 10,
            Deck::Debrief => 8,
        }
    }

    /// Cards no longer drawn: they fit plans and projects but not problems
    /// with people (a budget, a competitor, a customer, a deadline, money).
    /// They keep their numbers, so that an answer saved or sent in a link
    /// before keeps its question; new cards take new numbers.
    pub const fn retired(self) -> &'static [u8] {
        match self {
            Deck::WhatIfs => &[1, 7, 12, 15, 18, 23],
            Deck::Lenses => &[5],
            _ => &[],
        }
    }

    /// How many cards can be drawn.
    pub const fn drawable(self) -> usize {
        self.size() - self.retired().len()
    }
}

/// What a step of an exercise asks of the pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Choose or write what the exercise is about (a scenario, the other
    /// person, a behaviour, a goal).
    Choose,
    /// Set the scene and who plays whom.
    Prepare,
    /// Play the scene.
    Play,
    /// Swap roles and play again.
    PlaySwapped,
    /// Answer questions on what happened and what was learned.
    Debrief,
    /// Draw prompts from the exercise's deck and answer each.
    Prompts,
    /// Add to a story, turn by turn.
    Turns,
    /// The rules of the exercise, read together.
    Rules,
    /// Collect ideas from the other person (or people).
    Ideas,
    /// What has worked so far.
    SoFar,
    /// Turn what came up into actions (or one thing to try).
    Actions,
}

/// One step: what it asks and its time-box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub minutes: u32,
}

const fn step(kind: StepKind, minutes: u32) -> Step {
    Step { kind, minutes }
}

/// An exercise as the library shows it and the app runs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Exercise {
    pub id: ExerciseId,
    pub helps: &'static [Helps],
    pub steps: &'static [Step],
    /// The deck its prompts come from, if it has one.
    pub deck: Option<Deck>,
}

impl Exercise {
    /// Minutes the whole exercise takes.
    pub fn minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }

    pub fn helps_with(&self, helps: Helps) -> bool {
        self.helps.contains(&helps)
    }
}

use Helps::*;
use StepKind::*;

static CATALOGUE: [Exercise; 7] = [
    Exercise {
        id: ExerciseId::RolePlay,
        helps: &[RehearseConversation],
        steps: &[
            step(Choose, 2),
            step(Prepare, 3),
            step(Play, 5),
            step(PlaySwapped, 5),
            step(Debrief, 5),
        ],
        deck: Some(Deck::Scenarios),
    },
    Exercise {
        id: ExerciseId::WhatIf,
        helps: &[ThinkStrategically, FindOptions],
        steps: &[step(Choose, 1), step(Prompts, 12), step(Actions, 2)],
        deck: Some(Deck::WhatIfs),
    },
    Exercise {
        id: ExerciseId::Empathy,
        helps: &[UnderstandSomeone],
        steps: &[step(Choose, 1), step(Prompts, 10), step(Actions, 3)],
        deck: Some(Deck::EmpathyPrompts),
    },
    Exercise {
        id: ExerciseId::Perspectives,
        helps: &[FindOptions, UnderstandSomeone, ThinkStrategically],
        steps: &[step(Choose, 1), step(Prompts, 12), step(Actions, 3)],
        deck: Some(Deck::Lenses),
    },
    Exercise {
        id: ExerciseId::Story,
        helps: &[FindOptions, GetIdeas],
        steps: &[step(Choose, 2), step(Turns, 10), step(Actions, 4)],
        deck: Some(Deck::StoryStarters),
    },
    Exercise {
        id: ExerciseId::FeedForward,
        helps: &[GetIdeas],
        steps: &[
            step(Choose, 2),
            step(Rules, 1),
            step(Ideas, 8),
            step(Actions, 2),
        ],
        deck: None,
    },
    Exercise {
        id: ExerciseId::QuickAsk,
        helps: &[GetIdeas],
        steps: &[
            step(Choose, 1),
            step(SoFar, 3),
            step(Ideas, 4),
            step(Actions, 2),
        ],
        deck: None,
    },
];

/// The whole library, in its order.
pub fn catalogue() -> &'static [Exercise] {
    &CATALOGUE
}

/// The exercises a GROW phase suggests, best fit first. Goal: a
/// 30-to-60-day goal to ask ideas for, or the goal seen from elsewhere;
/// Reality: the other people in the situation; Options: more and
/// different options; Will: rehearse the first step, or ideas for it.
pub fn suggested_for(phase: Phase) -> &'static [ExerciseId] {
    use ExerciseId as E;
    match phase {
        Phase::Goal => &[E::Perspectives, E::QuickAsk],
        Phase::Reality => &[E::Empathy, E::Perspectives],
        Phase::Options => &[E::WhatIf, E::Perspectives, E::Story, E::FeedForward],
        Phase::Will => &[E::RolePlay, E::QuickAsk],
    }
}

/// The exercises that help with `helps` (all of them for `None`).
pub fn filtered(helps: Option<Helps>) -> Vec<ExerciseId> {
    CATALOGUE
        .iter()
        .filter(|e| helps.is_none_or(|h| e.helps_with(h)))
        .map(|e| e.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_id_order_and_complete() {
        assert_eq!(CATALOGUE.len(), ExerciseId::ALL.len());
        for (i, e) in CATALOGUE.iter().enumerate() {
            assert_eq!(e.id.index(), i);
            assert_eq!(e.id.spec().id, e.id);
        }
    }

    #[test]
    fn slugs_and_codes_are_unique_and_stable() {
        // Links and routes depend on these: never change them.
        let slugs: Vec<_> = ExerciseId::ALL.iter().map(|e| e.slug()).collect();
        assert_eq!(
            slugs,
            [
                "role-play",
                "what-if",
                "empathy",
                "perspectives",
                "story",
                "feedforward",
                "quick-ask"
            ]
        );
        let codes: Vec<_> = ExerciseId::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6, 7]);
        for e in ExerciseId::ALL {
            assert_eq!(ExerciseId::from_slug(e.slug()), Some(e));
            assert_eq!(ExerciseId::from_code(e.code()), Some(e));
        }
        assert_eq!(ExerciseId::from_slug("nope"), None);
        assert_eq!(ExerciseId::from_code(0), None);
    }

    #[test]
    fn every_exercise_has_timed_steps_and_helps_with_something() {
        for e in catalogue() {
            assert!(e.steps.len() >= 3, "{:?}", e.id);
            assert!(
                e.steps.iter().all(|s| (1..=20).contains(&s.minutes)),
                "{:?}",
                e.id
            );
            assert!(
                (5..=30).contains(&e.minutes()),
                "{:?}: {} min",
                e.id,
                e.minutes()
            );
            assert!(!e.helps.is_empty(), "{:?}", e.id);
            assert_eq!(
                e.steps[0].kind, Choose,
                "{:?} starts by choosing its subject",
                e.id
            );
            let last = e.steps.last().map(|s| s.kind);
            assert!(
                matches!(last, Some(Actions | Debrief)),
                "{:?} ends in actions or lessons",
                e.id
            );
        }
    }

    #[test]
    fn decks_are_large_enough() {
        assert!(Deck::Scenarios.size() >= 15);
        assert!(Deck::WhatIfs.drawable() >= 20);
        assert!(Deck::Lenses.drawable() >= 10);
        assert_eq!(
            Deck::EmpathyPrompts.size(),
            7,
            "see, hear, think, feel, need, fear, the real problem"
        );
        for e in catalogue() {
            let kinds: Vec<StepKind> = e.steps.iter().map(|s| s.kind).collect();
            match e.deck {
                // Picked in the first step (and, for a story, built on in turns).
                Some(Deck::Scenarios) => assert_eq!(kinds[0], Choose, "{:?}", e.id),
                Some(Deck::StoryStarters) => assert!(kinds.contains(&Turns), "{:?}", e.id),
                // Drawn one at a time in a prompts step.
                Some(_) => assert!(kinds.contains(&Prompts), "{:?}", e.id),
                None => assert!(
                    !kinds.contains(&Prompts),
                    "{:?} has prompts but no deck",
                    e.id
                ),
            }
        }
    }

    #[test]
    fn every_phase_suggests_fitting_exercises_and_every_exercise_is_suggested() {
        assert_eq!(
            suggested_for(Phase::Options)[..2],
            [ExerciseId::WhatIf, ExerciseId::Perspectives]
        );
        assert_eq!(suggested_for(Phase::Will)[0], ExerciseId::RolePlay);
        for phase in Phase::ALL {
            let list = suggested_for(phase);
            assert!((1..=4).contains(&list.len()), "{phase:?}");
            let mut unique = list.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), list.len(), "{phase:?} repeats one");
        }
        for id in ExerciseId::ALL {
            assert!(
                Phase::ALL.iter().any(|&p| suggested_for(p).contains(&id)),
                "{id:?} is never suggested"
            );
        }
    }

    #[test]
    fn filters_find_the_right_exercises() {
        assert_eq!(filtered(None).len(), 7);
        assert_eq!(filtered(Some(RehearseConversation)), [ExerciseId::RolePlay]);
        assert!(filtered(Some(UnderstandSomeone)).contains(&ExerciseId::Empathy));
        for h in Helps::ALL {
            assert!(!filtered(Some(h)).is_empty(), "{h:?}");
            assert_eq!(Helps::ALL[h.index()], h);
        }
    }
}
