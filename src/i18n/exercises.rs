//! Texts of the exercise catalogue (`domain::exercise`): names, purposes,
//! steps and prompt decks. Deck lengths are checked by the compiler; step
//! texts by a test against the catalogue.

use super::{t, Key};
use crate::domain::exercise::{Deck, ExerciseId, ExerciseRun, Helps, StepKind};

pub struct ExerciseTexts {
    pub names: [&'static str; 7],
    /// One line: what the exercise is for.
    pub purposes: [&'static str; 7],
    /// "When it helps", per [`Helps`].
    pub helps: [&'static str; 5],
    /// Per exercise, a title and a one-line instruction per step.
    pub steps: [&'static [(&'static str, &'static str)]; 7],
    pub scenarios: [&'static str; Deck::Scenarios.size()],
    pub what_ifs: [&'static str; Deck::WhatIfs.size()],
    pub empathy: [&'static str; Deck::EmpathyPrompts.size()],
    pub lenses: [&'static str; Deck::Lenses.size()],
    pub story_starters: [&'static str; Deck::StoryStarters.size()],
    pub debrief: [&'static str; Deck::Debrief.size()],
    /// The FeedForward rules read together before the ideas.
    pub feedforward_rules: [&'static str; 4],
    /// Per exercise, who does what (coach and client, or person A and B).
    pub roles: [&'static str; 7],
    /// Role play: how to play the other person.
    pub other_person_tips: [&'static str; 4],
}

pub static EN: ExerciseTexts = ExerciseTexts {
    names: [
        "Role play",
        "What-if scenarios",
        "Empathy prompts",
        "Perspective shifts",
        "Collaborative storytelling",
        "FeedForward",
        "Quick ask",
    ],
    purposes: [
        "Rehearse a hard conversation, then swap roles and learn from both sides.",
        "Stretch your thinking with hypothetical questions, one at a time.",
        "Step into the other person's shoes: what do they see, feel and need?",
        "Look at the problem through other people's eyes to find new options.",
        "Build a story about the challenge together, then turn it into actions.",
        "Ask for ideas for the future, and only listen, note and thank.",
        "Name one thing to get better at and collect ideas in minutes.",
    ],
    helps: [
        "Rehearse a conversation",
        "Think strategically",
        "Understand someone",
        "Find options",
        "Get ideas",
    ],
    steps: [
        &[
            ("Pick a scenario", "Choose one from the list or describe your own situation."),
            ("Set the scene", "Where and when does it happen, and what does the client want to try? The client, whose situation it is, plays themself; the coach plays the other person."),
            ("Play", "Play the scene as if it were real: the client plays themself, the coach plays the other person."),
            ("Swap and play again", "Swap roles: the client now plays the other person, and the coach plays the client."),
            ("Debrief", "What worked, what did not, and what will you take into the real conversation?"),
        ],
        &[
            ("Name the plan", "The client names the plan, decision or situation to stretch."),
            ("What if…?", "The coach asks each question; the client answers as it comes. Note any new option it reveals."),
            ("What now?", "Which answer changes what you will do?"),
        ],
        &[
            ("Choose the person", "The client names the other person in this situation."),
            ("Step into their shoes", "The coach asks one prompt at a time; the client answers as the other person, in the first person (\"I see…\")."),
            ("Back to you", "What do you see differently now? What, if anything, will you do?"),
        ],
        &[
            ("Name the problem", "Say the problem in one sentence."),
            ("Change the lens", "The coach offers each lens in turn; the client looks through it: what do you notice, and what would you try?"),
            ("Pick the best ideas", "Which ideas are worth trying, and what is the first step?"),
        ],
        &[
            ("Start the story", "Pick a first line or write your own, about the challenge you share."),
            ("Take turns", "Person A and Person B take turns: one or two sentences each, building on what the other said."),
            ("From story to action", "What in the story could you really do? Write it down as actions."),
        ],
        &[
            ("Name one behaviour", "The client names one behaviour to improve, for example \"listening without interrupting\"."),
            ("The rules", "Read them together before the ideas start."),
            ("Ideas for the future", "The coach (in a group, each other person) gives one or two ideas; the client notes them and says thank you."),
            ("Pick what to try", "Star the ideas worth trying first."),
        ],
        &[
            ("Your goal", "\"I want to get better at ___ in the next 30 to 60 days. What ideas do you have for me?\""),
            ("What has worked so far", "The peer (the coach) asks first what has already worked, even a little; the client answers."),
            ("Ideas", "The peer offers ideas; the client notes them without debating."),
            ("One thing to try", "Which one idea will you try first, and when?"),
        ],
    ],
    scenarios: [
        "A customer is angry about a missed deadline",
        "Two team members are in open conflict",
        "Asking your manager for a raise",
        "Giving hard feedback to a colleague you like",
        "Saying no to an extra request from a senior person",
        "Telling your team about an unpopular decision",
        "A colleague keeps interrupting you in meetings",
        "Negotiating a deadline you cannot meet",
        "Asking for help after a mistake",
        "A new hire is struggling and has not said so",
        "Pushing back on a scope change from a client",
        "Raising a concern about workload with your manager",
        "Declining a promotion or a new role",
        "Mediating between two departments",
        "Following up on a promise someone did not keep",
        "Asking a peer for honest feedback on your work",
    ],
    what_ifs: [
        "What if plan A fails completely?",
        "What if you had twice the budget?",
        "What if you had half the time?",
        "What if you had to decide today?",
        "What if you could not ask anyone for permission?",
        "What if the person you worry about agreed at once?",
        "What if you did nothing at all for a month?",
        "What if a competitor solved this first?",
        "What if you had to explain the plan to a child?",
        "What if you could start over from scratch?",
        "What if your manager were away for three months?",
        "What if the biggest risk happened tomorrow?",
        "What if you had ten times more people?",
        "What if you could only take one small step?",
        "What if you were sure you could not fail?",
        "What if you were the customer?",
        "What if you said no to this?",
        "What if you asked for help right now?",
        "What if the deadline moved a month earlier?",
        "What if you had to hand this over next week?",
        "What if the opposite of your plan were right?",
        "What if it went better than you hope?",
        "What if you looked back on this in five years?",
        "What if you had to do it with no money at all?",
        // Cards 24 to 29 replace the retired ones (Deck::retired): numbers
        // are never reused, so saved answers keep their question.
        "What if you had twice the support you have now?",
        "What if the people involved already knew how you feel?",
        "What if you asked the people involved what they would do?",
        "What if you were in the other person's place?",
        "What if this had to be settled a month sooner?",
        "What if you could change only your own part in it?",
    ],
    empathy: [
        "What do I see, from where I stand?",
        "What do I hear about this, and from whom?",
        "What do I think of this situation, and of the people in it?",
        "What do I feel?",
        "What do I need?",
        "What do I fear?",
        "What would I say is the real problem?",
    ],
    lenses: [
        "How would a customer see this?",
        "How would your manager see this?",
        "How would a member of your team see this?",
        "How would a newcomer in their first week see this?",
        "How would you see this in five years?",
        "How would a competitor see this?",
        "How would someone from another department see this?",
        "How would a person who disagrees with you see this?",
        "How would a friend outside work see this?",
        "How would the most senior person in the company see this?",
        "How would someone who has solved this before see this?",
        "How would a child seeing it for the first time see this?",
        "How would the person at the centre of the problem see this?",
    ],
    story_starters: [
        "Once upon a time, a team had a problem no one talked about…",
        "It was the last week before the deadline, and…",
        "The meeting started like every other Tuesday, until…",
        "Nobody expected the newest person on the team to…",
        "A year from now, we look back and smile because…",
        "The email arrived at 6 p.m. on a Friday…",
        "Everyone agreed it could not be done, except…",
        "The customer called, and this time they said thank you, because…",
        "We tried the old way one last time, and…",
        "The day the problem disappeared began with a small change:",
    ],
    debrief: [
        "What went well in the conversation?",
        "What did you notice in yourself while playing?",
        "What did the other side need that they did not get?",
        "Which sentence worked best?",
        "What would you do differently?",
        "How did it feel to play the other person?",
        "What surprised you?",
        "What will you take into the real conversation?",
    ],
    feedforward_rules: [
        "Ideas are about the future only: nothing about the past.",
        "The client does not defend, explain or judge the ideas.",
        "The client listens, takes notes and says thank you.",
        "Give one or two ideas each, short and concrete.",
    ],
    roles: [
        "Who does what: the client brings the situation and rehearses it; the coach plays the other person; then you swap.",
        "Who does what: the client brings the plan or situation and answers; the coach asks the questions and notes new options.",
        "Who does what: the client steps into the other person's shoes and answers as them; the coach asks the prompts and takes notes.",
        "Who does what: the client brings the problem and looks through each lens; the coach offers the lenses and notes the ideas.",
        "Who does what: Person A and Person B build the story together, taking turns; either of you can write.",
        "Who does what: the client asks for ideas and only listens; the coach (in a group, every other person) gives ideas.",
        "Who does what: the client names the goal and notes the ideas; the peer (the coach) asks what has worked, then offers ideas.",
    ],
    other_person_tips: [
        "Play them as they really are: neither a villain nor a pushover.",
        "Use their words and their worries: what matters to them here?",
        "React to what is actually said: give ground when it would convince them, push back when it would not.",
        "Afterwards, step out of the role and say how it felt to be on the other side.",
    ],
};

/// The texts in use.
pub fn exercise_texts() -> &'static ExerciseTexts {
    match super::lang() {
        super::Lang::En => &EN,
        super::Lang::Es => &super::es::EXERCISES,
        super::Lang::Pt => &super::pt::EXERCISES,
    }
}

pub fn exercise_name(id: ExerciseId) -> &'static str {
    exercise_texts().names[id.index()]
}

pub fn helps_label(helps: Helps) -> &'static str {
    exercise_texts().helps[helps.index()]
}

/// The prompts of a deck, every card by its number (retired ones too, for
/// answers saved before they were retired).
pub fn deck(deck: Deck) -> &'static [&'static str] {
    let t = exercise_texts();
    match deck {
        Deck::Scenarios => &t.scenarios,
        Deck::WhatIfs => &t.what_ifs,
        Deck::EmpathyPrompts => &t.empathy,
        Deck::Lenses => &t.lenses,
        Deck::StoryStarters => &t.story_starters,
        Deck::Debrief => &t.debrief,
    }
}

/// Everything a run captured, as label and text pairs, step by step in
/// the exercise's own order: what it is about, the answered prompts with
/// the ideas they revealed, the story, every idea (the starred ones, worth
/// trying first, before the others: starring never hides one), and each
/// step's notes after what that step collected. Shown under the runner, in
/// a session's wrap-up, and in both print views.
pub fn result_lines(run: &ExerciseRun) -> Vec<(String, String)> {
    let id = run.exercise;
    let spec = id.spec();
    let steps = exercise_texts().steps[id.index()];
    let title = |i: usize| steps[i.min(steps.len() - 1)].0.to_string();
    let mut lines: Vec<(String, String)> = Vec::new();
    for (i, step) in spec.steps.iter().enumerate() {
        match step.kind {
            StepKind::Choose => {
                let subject = run
                    .picked
                    .zip(spec.deck)
                    .map(|(c, d)| deck(d)[c as usize].to_string())
                    .into_iter()
                    .chain((!run.subject.trim().is_empty()).then(|| run.subject.trim().to_string()))
                    .collect::<Vec<_>>()
                    .join(" — ");
                if !subject.is_empty() {
                    lines.push((title(i), subject));
                }
            }
            StepKind::Prompts => {
                let Some(d) = spec.deck else { continue };
                for p in &run.prompts {
                    let (answer, idea) = (p.answer.trim(), p.idea.trim());
                    let text = match (answer.is_empty(), idea.is_empty()) {
                        (true, true) => continue,
                        (false, true) => answer.to_string(),
                        (true, false) => format!("→ {idea}"),
                        (false, false) => format!("{answer} → {idea}"),
                    };
                    let prompt = deck(d).get(p.card as usize).copied().unwrap_or("");
                    lines.push((prompt.to_string(), text));
                }
            }
            StepKind::Turns => {
                let story: Vec<&str> = run
                    .turns
                    .iter()
                    .map(|t| t.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                if !story.is_empty() {
                    lines.push((t(Key::StoryResult).to_string(), story.join(" ")));
                }
            }
            StepKind::Ideas => {
                for idea in run.ideas_starred_first() {
                    let text = idea.text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let from = idea.from.trim();
                    let text = if from.is_empty() {
                        text.to_string()
                    } else {
                        format!("{text} ({from})")
                    };
                    let label = if idea.starred {
                        format!("★ {}", t(Key::IdeaStar))
                    } else {
                        t(Key::IdeaText).to_string()
                    };
                    lines.push((label, text));
                }
            }
            _ => {}
        }
        if let Some(note) = run.notes.get(i).filter(|n| !n.trim().is_empty()) {
            lines.push((title(i), note.trim().to_string()));
        }
    }
    lines
}

/// Does the library's search text match this exercise (its name, purpose
/// or what it helps with), ignoring case?
pub fn exercise_matches(id: ExerciseId, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let t = exercise_texts();
    let helps = id.spec().helps.iter().map(|h| helps_label(*h));
    std::iter::once(t.names[id.index()])
        .chain(std::iter::once(t.purposes[id.index()]))
        .chain(helps)
        .any(|text| text.to_lowercase().contains(&query))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise::catalogue;

    #[test]
    fn every_step_has_a_title_and_an_instruction() {
        for e in catalogue() {
            let steps = exercise_texts().steps[e.id.index()];
            assert_eq!(steps.len(), e.steps.len(), "{:?}", e.id);
            for (title, help) in steps {
                assert!(
                    !title.trim().is_empty() && !help.trim().is_empty(),
                    "{:?}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn decks_have_no_blank_or_repeated_prompts() {
        for d in [
            Deck::Scenarios,
            Deck::WhatIfs,
            Deck::EmpathyPrompts,
            Deck::Lenses,
            Deck::StoryStarters,
            Deck::Debrief,
        ] {
            let prompts = deck(d);
            assert_eq!(prompts.len(), d.size());
            let mut unique = prompts.to_vec();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), prompts.len(), "{d:?} repeats a prompt");
            assert!(prompts.iter().all(|p| !p.trim().is_empty()));
        }
        assert!(deck(Deck::WhatIfs)
            .iter()
            .all(|q| q.starts_with("What if") && q.ends_with('?')));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod results {
        use super::*;
        use crate::domain::exercise::{Idea, PromptAnswer};
        use proptest::prelude::*;

        fn words() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                Just("  ".to_string()),
                "[a-z]{1,4}( [a-z]{1,3})?"
            ]
        }

        fn run() -> impl Strategy<Value = ExerciseRun> {
            (
                proptest::sample::select(ExerciseId::ALL.to_vec()),
                words(),
                proptest::collection::vec(words(), 0..6),
                proptest::collection::vec((0u8..7, words(), words()), 0..5),
                proptest::collection::vec(words(), 0..4),
                proptest::collection::vec((words(), words(), any::<bool>()), 0..6),
            )
                .prop_map(|(id, subject, notes, prompts, turns, ideas)| {
                    let mut run = ExerciseRun::new(id);
                    run.subject = subject;
                    run.notes = notes;
                    run.prompts = prompts
                        .into_iter()
                        .map(|(card, answer, idea)| PromptAnswer { card, answer, idea })
                        .collect();
                    run.turns = turns;
                    run.ideas = ideas
                        .into_iter()
                        .map(|(from, text, starred)| Idea {
                            from,
                            text,
                            starred,
                        })
                        .collect();
                    run.normalize();
                    run
                })
        }

        proptest! {
            /// Whatever was written, the result holds every answer, every
            /// idea a prompt revealed, every line of the story, every note,
            /// and every idea, starred or not (the starred ones first);
            /// and it follows the steps' order.
            #[test]
            fn every_result_holds_everything_written(run in run()) {
                let lines = result_lines(&run);
                let texts: Vec<&str> = lines.iter().map(|(_, v)| v.as_str()).collect();
                let has = |w: &str| w.trim().is_empty() || texts.iter().any(|t| t.contains(w.trim()));
                let spec = run.exercise.spec();
                let kinds: Vec<StepKind> = spec.steps.iter().map(|s| s.kind).collect();
                if kinds.contains(&StepKind::Prompts) {
                    for p in &run.prompts {
                        prop_assert!(has(&p.answer) && has(&p.idea), "{p:?}");
                    }
                }
                if kinds.contains(&StepKind::Turns) {
                    for turn in &run.turns {
                        prop_assert!(has(turn));
                    }
                }
                for note in &run.notes {
                    prop_assert!(has(note));
                }
                let idea_rows: Vec<usize> = lines
                    .iter()
                    .enumerate()
                    .filter(|(_, (k, _))| k == t(Key::IdeaText) || k.ends_with(t(Key::IdeaStar)))
                    .map(|(i, _)| i)
                    .collect();
                if kinds.contains(&StepKind::Ideas) {
                    let written: Vec<&Idea> =
                        run.ideas.iter().filter(|i| !i.text.trim().is_empty()).collect();
                    prop_assert_eq!(idea_rows.len(), written.len(), "every idea, starred or not");
                    for idea in &written {
                        prop_assert!(has(&idea.text));
                    }
                    let starred = written.iter().filter(|i| i.starred).count();
                    for (n, row) in idea_rows.iter().enumerate() {
                        prop_assert_eq!(lines[*row].0.starts_with('★'), n < starred);
                    }
                    // Notes of the steps before the ideas come before them,
                    // those of the steps after, after them.
                    let at = kinds.iter().position(|k| *k == StepKind::Ideas).unwrap();
                    for (i, note) in run.notes.iter().enumerate() {
                        if note.trim().is_empty() || idea_rows.is_empty() {
                            continue;
                        }
                        let row = lines.iter().position(|(k, v)| {
                            k == steps_title(run.exercise, i) && v == note.trim()
                        });
                        let row = row.unwrap();
                        if i < at {
                            prop_assert!(row < idea_rows[0]);
                        } else {
                            prop_assert!(row > *idea_rows.last().unwrap());
                        }
                    }
                }
            }
        }

        fn steps_title(id: ExerciseId, i: usize) -> &'static str {
            exercise_texts().steps[id.index()][i].0
        }

        #[test]
        fn quick_ask_lists_what_worked_before_the_ideas_and_the_story_is_named() {
            let mut run = ExerciseRun::new(ExerciseId::QuickAsk);
            run.notes[1] = "Short daily notes".into();
            run.ideas = vec![
                Idea {
                    from: "Mia".into(),
                    text: "Pair up".into(),
                    starred: false,
                },
                Idea {
                    from: String::new(),
                    text: "Ask first".into(),
                    starred: true,
                },
            ];
            let lines = result_lines(&run);
            assert_eq!(
                lines,
                [
                    (
                        "What has worked so far".to_string(),
                        "Short daily notes".to_string()
                    ),
                    ("★ Worth trying".to_string(), "Ask first".to_string()),
                    ("Idea".to_string(), "Pair up (Mia)".to_string()),
                ]
            );
            let mut story = ExerciseRun::new(ExerciseId::Story);
            story.turns = vec!["One.".into(), "Two.".into()];
            assert_eq!(
                result_lines(&story),
                [("The story".to_string(), "One. Two.".to_string())]
            );
        }
    }

    /// Every language's exercise texts, with the words its checks look for.
    fn languages() -> [(&'static ExerciseTexts, Lang); 3] {
        [
            (&EN, Lang::En),
            (&super::super::es::EXERCISES, Lang::Es),
            (&super::super::pt::EXERCISES, Lang::Pt),
        ]
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Lang {
        En,
        Es,
        Pt,
    }

    fn drawable(cards: &[&'static str], d: Deck) -> Vec<&'static str> {
        (0..cards.len())
            .filter(|c| !d.retired().contains(&(*c as u8)))
            .map(|c| cards[c])
            .collect()
    }

    #[test]
    fn every_exercise_says_who_plays_what_in_every_language() {
        for (texts, lang) in languages() {
            let (coach, client, a, b) = match lang {
                Lang::En => ("coach", "client", "Person A", "Person B"),
                Lang::Es => ("coach", "cliente", "persona A", "persona B"),
                Lang::Pt => ("coach", "cliente", "pessoa A", "pessoa B"),
            };
            for (id, roles) in ExerciseId::ALL.iter().zip(&texts.roles) {
                assert!(
                    (roles.contains(coach) && roles.contains(client))
                        || (roles.contains(a) && roles.contains(b)),
                    "{id:?}: {roles}"
                );
            }
            // The story's turns say who takes them.
            let story = texts.steps[ExerciseId::Story.index()][1].1;
            assert!(story.contains(a) && story.contains(b), "{story}");
            assert!(texts.other_person_tips.iter().all(|t| !t.trim().is_empty()));
        }
    }

    #[test]
    fn empathy_prompts_ask_in_the_first_person() {
        for (texts, lang) in languages() {
            for prompt in &texts.empathy {
                let first_person = match lang {
                    Lang::En => prompt.contains(" I ") && !prompt.contains("they"),
                    Lang::Es => [
                        "veo",
                        "oigo",
                        "pienso",
                        "siento",
                        "necesito",
                        "temo",
                        "diría yo",
                    ]
                    .iter()
                    .any(|w| prompt.contains(w)),
                    Lang::Pt => prompt.contains(" eu ") && !prompt.contains(" ela "),
                };
                assert!(first_person, "{prompt}");
            }
        }
    }

    #[test]
    fn what_ifs_drawn_fit_problems_with_people_and_lenses_include_the_person_at_the_centre() {
        for (texts, lang) in languages() {
            let (unfit, centre): (&[&str], &str) = match lang {
                Lang::En => (
                    &["budget", "competitor", "customer", "money", "deadline"],
                    "centre",
                ),
                Lang::Es => (
                    &[
                        "presupuesto",
                        "competencia",
                        "competidor",
                        "clientes",
                        "dinero",
                        "plazo",
                    ],
                    "centro",
                ),
                Lang::Pt => (
                    &["orçamento", "concorrente", "o cliente", "dinheiro", "prazo"],
                    "centro",
                ),
            };
            for q in drawable(&texts.what_ifs, Deck::WhatIfs) {
                let lower = q.to_lowercase();
                assert!(!unfit.iter().any(|w| lower.contains(w)), "{q}");
            }
            let lenses = drawable(&texts.lenses, Deck::Lenses);
            assert!(lenses.iter().any(|l| l.contains(centre)), "{:?}", lenses);
            for l in lenses {
                assert!(
                    !unfit[1..2].iter().any(|w| l.to_lowercase().contains(w)),
                    "{l}"
                );
            }
        }
    }

    #[test]
    fn search_matches_name_purpose_and_use() {
        assert!(exercise_matches(ExerciseId::RolePlay, "ROLE"));
        assert!(exercise_matches(ExerciseId::Empathy, "shoes"));
        assert!(exercise_matches(ExerciseId::Perspectives, "find options"));
        assert!(!exercise_matches(ExerciseId::FeedForward, "shoes"));
        assert!(ExerciseId::ALL.iter().all(|&e| exercise_matches(e, "  ")));
    }
}
