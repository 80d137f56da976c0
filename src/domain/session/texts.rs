//! Every text a person can write into a session, each with where it is.
//! History's search and the Markdown export go through this list, and their
//! tests check every entry of it: a field added to the model must be listed
//! here (the structs are taken apart field by field, so a new field does
//! not compile until it is), and is then searched and exported, or the
//! tests fail.

use super::{ActionItem, CoachOption, Goal, Owner, Reflection, Session, Turn};
use crate::domain::agreement::{Agreement, Rule};
use crate::domain::exercise::{ExerciseRun, Idea, PromptAnswer};
use crate::domain::followup::{CheckIn, FollowUpItem, NextMeeting};

/// What kind of text it is: what the pair wrote as their work, or what is
/// being typed and not yet added to an exercise (kept, searched, not part of
/// the exported record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Written,
    Draft,
}

/// Calls `f(path, kind, text)` for every user text of a session, in the
/// order of the session. `path` names the field (`turns[0].goal.topic`).
pub fn each_text<'a>(s: &'a Session, f: &mut dyn FnMut(String, TextKind, &'a str)) {
    use TextKind::Written;
    let Session {
        id: _,
        created_ms: _,
        updated_ms: _,
        format: _,
        names,
        total_minutes: _,
        plans: _,
        agreement,
        turns,
        step: _,
        swap: _,
        reflections,
        next_item: _,
        follow_up,
        next_meeting,
        check_in,
        absent: _,
        copy_of: _,
        item_lane: _,
        ended_ms: _,
    } = s;
    for (i, n) in names.iter().enumerate() {
        f(format!("names[{i}]"), Written, n);
    }
    let Agreement {
        rules,
        confirmed: _,
        skipped: _,
    } = agreement;
    for (i, r) in rules.iter().enumerate() {
        match r {
            Rule::Builtin(_) => {}
            Rule::Custom(t) => f(format!("agreement.rules[{i}]"), Written, t),
        }
    }
    for (i, item) in follow_up.iter().enumerate() {
        let FollowUpItem {
            session: _,
            action: _,
            person: _,
            what,
            due,
            first_step,
            status: _,
            note,
            carried: _,
        } = item;
        let p = format!("follow_up[{i}]");
        f(format!("{p}.what"), Written, what);
        f(format!("{p}.due"), Written, due);
        f(format!("{p}.first_step"), Written, first_step);
        f(format!("{p}.note"), Written, note);
    }
    for (h, turn) in turns.iter().enumerate() {
        half_texts(h, turn, f);
    }
    for (i, r) in reflections.iter().enumerate() {
        let Reflection {
            useful: _,
            sentence,
        } = r;
        f(format!("reflections[{i}].sentence"), Written, sentence);
    }
    if let Some(CheckIn { keep, change }) = check_in {
        f("check_in.keep".into(), Written, keep);
        f("check_in.change".into(), Written, change);
    }
    if let Some(NextMeeting {
        date,
        time,
        every_weeks: _,
    }) = next_meeting
    {
        f("next_meeting.date".into(), Written, date);
        f("next_meeting.time".into(), Written, time);
    }
}

fn half_texts<'a>(h: usize, turn: &'a Turn, f: &mut dyn FnMut(String, TextKind, &'a str)) {
    use TextKind::Written;
    let Turn {
        client: _,
        goal: Goal { topic, outcome },
        reality,
        options,
        actions,
        confidence: _,
        raise_note,
        clocks: _,
        cards: _,
        exercises,
        scribe: _,
    } = turn;
    let p = format!("halves[{h}]");
    f(format!("{p}.goal.topic"), Written, topic);
    f(format!("{p}.goal.outcome"), Written, outcome);
    f(format!("{p}.reality"), Written, reality);
    for (i, o) in options.iter().enumerate() {
        let CoachOption {
            id: _,
            text,
            pros,
            cons,
            chosen: _,
        } = o;
        f(format!("{p}.options[{i}].text"), Written, text);
        for (j, t) in pros.iter().enumerate() {
            f(format!("{p}.options[{i}].pros[{j}]"), Written, t);
        }
        for (j, t) in cons.iter().enumerate() {
            f(format!("{p}.options[{i}].cons[{j}]"), Written, t);
        }
    }
    for (i, a) in actions.iter().enumerate() {
        let ActionItem {
            id: _,
            what,
            owner,
            due,
            first_step,
            status: _,
            status_note,
        } = a;
        let q = format!("{p}.actions[{i}]");
        f(format!("{q}.what"), Written, what);
        match owner {
            Owner::Person(_) => {}
            Owner::Other(name) => f(format!("{q}.owner"), Written, name),
        }
        f(format!("{q}.due"), Written, due);
        f(format!("{q}.first_step"), Written, first_step);
        f(format!("{q}.status_note"), Written, status_note);
    }
    f(format!("{p}.raise_note"), Written, raise_note);
    for (i, run) in exercises.iter().enumerate() {
        run_texts(&format!("{p}.exercises[{i}]"), run, f);
    }
}

/// Every text of an exercise run, with `prefix` before each path.
pub fn run_texts<'a>(
    prefix: &str,
    run: &'a ExerciseRun,
    f: &mut dyn FnMut(String, TextKind, &'a str),
) {
    use TextKind::{Draft, Written};
    let ExerciseRun {
        exercise: _,
        step: _,
        clocks: _,
        finished: _,
        subject,
        picked: _,
        notes,
        prompts,
        turns,
        ideas,
        draft_turn,
        draft_idea,
    } = run;
    let p = prefix;
    f(format!("{p}.subject"), Written, subject);
    for (i, n) in notes.iter().enumerate() {
        f(format!("{p}.notes[{i}]"), Written, n);
    }
    for (i, pa) in prompts.iter().enumerate() {
        let PromptAnswer {
            card: _,
            answer,
            idea,
        } = pa;
        f(format!("{p}.prompts[{i}].answer"), Written, answer);
        f(format!("{p}.prompts[{i}].idea"), Written, idea);
    }
    for (i, t) in turns.iter().enumerate() {
        f(format!("{p}.turns[{i}]"), Written, t);
    }
    let mut idea_texts = |path: String, kind: TextKind, idea: &'a Idea| {
        let Idea {
            from,
            text,
            starred: _,
        } = idea;
        f(format!("{path}.from"), kind, from);
        f(format!("{path}.text"), kind, text);
    };
    for (i, idea) in ideas.iter().enumerate() {
        idea_texts(format!("{p}.ideas[{i}]"), Written, idea);
    }
    idea_texts(format!("{p}.draft_idea"), Draft, draft_idea);
    f(format!("{p}.draft_turn"), Draft, draft_turn);
}

/// Every user text of the session with its path and kind.
pub fn texts(s: &Session) -> Vec<(String, TextKind, &str)> {
    let mut out = Vec::new();
    each_text(s, &mut |path, kind, text| out.push((path, kind, text)));
    out
}

/// A session with every text filled with a word of its own (`w1`, `w2`…),
/// for the tests that check every text is searched and exported.
#[cfg(test)]
pub(crate) fn full_session() -> Session {
    use crate::domain::exercise::ExerciseId;
    use crate::domain::followup::ActionStatus;
    let mut s = crate::domain::fixtures::reference_session_followed_up();
    s.agreement.rules.push(Rule::Custom(String::new()));
    s.check_in = Some(CheckIn::default());
    s.next_meeting = Some(NextMeeting::default());
    for h in 0..s.turns.len() {
        let id = s.add_action(h).unwrap();
        s.edit_action(h, id, |a| {
            a.owner = Owner::Other(String::new());
            a.status = ActionStatus::Done;
        });
        s.turns[h].options[0].pros.push(String::new());
        s.turns[h].options[0].cons.push(String::new());
        for ex in [ExerciseId::ALL[0], ExerciseId::ALL[5]] {
            let run = s.turns[h].open_exercise(ex);
            run.prompts.push(PromptAnswer::default());
            run.turns.push(String::new());
            run.ideas.push(Idea::default());
        }
    }
    // Fill every text (a fresh word per field).
    let mut json = serde_json::to_value(&s).unwrap();
    let mut n = 0;
    let paths: Vec<String> = texts(&s).into_iter().map(|(p, _, _)| p).collect();
    for path in &paths {
        n += 1;
        let mut at = &mut json;
        for part in path.split('.') {
            let (name, index) = match part.split_once('[') {
                Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            at = &mut at[name];
            if let Some(i) = index {
                at = &mut at[i];
            }
            // A custom rule and another's name are enum values.
            if at.get("t").is_some() {
                at = &mut at["t"];
            }
            if at.get("o").is_some() {
                at = &mut at["o"];
            }
        }
        *at = serde_json::Value::String(format!("w{n}x"));
    }
    serde_json::from_value(json).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_session_has_every_text_filled_once() {
        let s = full_session();
        let all = texts(&s);
        assert!(all.len() > 80, "{}", all.len());
        for (path, _, text) in &all {
            assert!(
                text.starts_with('w') && text.ends_with('x'),
                "{path} = {text:?}"
            );
        }
    }
}
