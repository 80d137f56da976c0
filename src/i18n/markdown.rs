//! A session as Markdown, to keep in a notes app or send by mail: the pair
//! and the date, what became of last time's actions, each half (topic,
//! situation, options, plan, confidence, exercises), the reflections and
//! the next meeting.
//!
//! Everything the users wrote is escaped, so it shows as they typed it: a
//! `# heading`, a `*` or a `1.` at the start of a line stays text, and a
//! `<` never becomes HTML. Line breaks in a text become hard line breaks.

use super::{exercise_name, lang, person, phase_name, t, texts, Key, Lang};
use crate::domain::exercise::round::FeedForwardRound;
use crate::domain::exercise::ExerciseRun;
use crate::domain::flow::Phase;
use crate::domain::session::{ActionItem, ActionStatus, Owner, Session, Turn};

/// The session as a Markdown document. `exercise_lines` gives what an
/// exercise run captured, as label and text pairs (the UI's
/// `result_lines`); `created_date` is the session's date as the user reads
/// dates; `airtime` is each person's share of the talking time as the
/// wrap-up shows it (`(name, share)`, empty when nobody was timed).
/// Written in `language`, whatever the app speaks.
pub fn session_markdown(
    language: Lang,
    s: &Session,
    exercise_lines: &dyn Fn(&ExerciseRun) -> Vec<(String, String)>,
    created_date: &str,
    airtime: &[(String, String)],
) -> String {
    super::in_lang(language, || {
        write_session(s, exercise_lines, created_date, airtime)
    })
}

fn write_session(
    s: &Session,
    exercise_lines: &dyn Fn(&ExerciseRun) -> Vec<(String, String)>,
    created_date: &str,
    airtime: &[(String, String)],
) -> String {
    let mut doc = Doc::default();
    let who = |p: u8| inline(&person(&s.names, p));
    doc.heading(
        1,
        &texts::markdown_title(
            lang(),
            &inline(&crate::i18n::pair(&s.names)),
            &inline(created_date),
        ),
    );

    // The pair's own ground rules (ours are the same for everyone).
    let rules: Vec<String> = s
        .agreement
        .rules
        .iter()
        .filter_map(|r| match r {
            crate::domain::agreement::Rule::Custom(t) if !t.trim().is_empty() => {
                Some(format!("- {}", text(t, 2)))
            }
            _ => None,
        })
        .collect();
    if !rules.is_empty() {
        doc.heading(2, t(Key::AgreementTitle));
        doc.block(&rules.join("\n"));
    }

    let follow_up: Vec<String> = s
        .follow_up
        .iter()
        .filter(|i| !i.what.trim().is_empty())
        .map(|i| {
            let mut details: Vec<String> = i.person.map(who).into_iter().collect();
            if !i.due.trim().is_empty() {
                details.push(texts::summary_due(lang(), &inline(&i.due)));
            }
            if !i.first_step.trim().is_empty() {
                let step = text(&i.first_step, 0);
                details.push(texts::summary_first_step(lang(), &step));
            }
            details.push(status_text(i.status, &i.note));
            if i.carried {
                details.push(t(Key::FollowUpCarried).to_string());
            }
            let what = text(&i.what, 2);
            format!("- **{what}** — {}", indented(&details.join(" · "), 2))
        })
        .collect();
    if !follow_up.is_empty() {
        doc.heading(2, t(Key::FollowUpTitle));
        doc.block(&follow_up.join("\n"));
    }

    for (_, turn) in s.turns_held() {
        write_half(&mut doc, s, turn, exercise_lines);
    }

    let reflections: Vec<String> = (0..s.reflections.len() as u8)
        .filter_map(|p| {
            let r = &s.reflections[usize::from(p)];
            let sentence = text(&r.sentence, 2);
            let useful = r
                .useful
                .map(|n| format!(" ({})", texts::markdown_useful(lang(), &n.to_string())));
            if sentence.is_empty() && useful.is_none() {
                return None;
            }
            let colon = if sentence.is_empty() { "" } else { ": " };
            Some(format!(
                "- **{}**{}{colon}{sentence}",
                who(p),
                useful.unwrap_or_default()
            ))
        })
        .collect();
    if !reflections.is_empty() {
        doc.heading(2, t(Key::ReflectionTitle));
        doc.block(&reflections.join("\n"));
    }

    if !airtime.is_empty() {
        doc.heading(2, t(Key::AirtimeSummaryTitle));
        let lines: Vec<String> = airtime
            .iter()
            .map(|(who, share)| format!("- **{}:** {}", inline(who), inline(share)))
            .collect();
        doc.block(&lines.join("\n"));
    }

    if let Some(check_in) = &s.check_in {
        let lines: Vec<String> = [
            (Key::CheckInKeep, &check_in.keep),
            (Key::CheckInChange, &check_in.change),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("- **{}** {}", inline(t(k)), text(v, 2)))
        .collect();
        if !lines.is_empty() {
            doc.heading(2, t(Key::CheckInTitle));
            doc.block(&lines.join("\n"));
        }
    }

    if let Some(meeting) = &s.next_meeting {
        let date = inline(&super::day(&meeting.date));
        let mut when = if meeting.time.is_empty() {
            date
        } else {
            let time = inline(&meeting.time);
            texts::markdown_meeting_at(lang(), &date, &time)
        };
        match meeting.every_weeks {
            Some(1) => when = format!("{when}, {}", t(Key::MarkdownEveryWeek)),
            Some(n) => {
                let every = texts::markdown_every_weeks(lang(), &n.to_string());
                when = format!("{when}, {every}");
            }
            None => {}
        }
        doc.heading(2, t(Key::MarkdownNextMeeting));
        doc.block(&when);
    }
    doc.out
}

/// One half: its title, then every part that has something in it.
fn write_half(
    doc: &mut Doc,
    s: &Session,
    turn: &Turn,
    exercise_lines: &dyn Fn(&ExerciseRun) -> Vec<(String, String)>,
) {
    let client = inline(&person(&s.names, turn.client));
    let (coach, _) = s.roles_in(turn);
    let title: fn(Lang, &str, &str) -> String = if s.format.is_group() {
        texts::group_summary_title
    } else {
        texts::half_summary_title
    };
    let coach = inline(&person(&s.names, coach));
    doc.heading(2, &title(lang(), &client, &coach));
    for (label, value) in [
        (Key::SummaryGoal, &turn.goal.topic),
        (Key::SummaryOutcome, &turn.goal.outcome),
    ] {
        if !value.trim().is_empty() {
            doc.block(&format!("**{}:** {}", t(label), text(value, 0)));
        }
    }

    if !turn.reality.trim().is_empty() {
        doc.heading(3, phase_name(Phase::Reality));
        doc.block(&text(&turn.reality, 0));
    }

    let options: Vec<_> = turn
        .options
        .iter()
        .filter(|o| !o.text.trim().is_empty())
        .collect();
    if !options.is_empty() {
        doc.heading(3, phase_name(Phase::Options));
        let items = options.iter().enumerate().map(|(i, o)| {
            let marker = format!("{}. ", i + 1);
            let indent = marker.len();
            let mut item = format!("{marker}{}", text(&o.text, indent));
            if o.chosen {
                item.push_str(&format!(" — **{}**", t(Key::ChosenLabel)));
            }
            for (key, points) in [(Key::Pros, &o.pros), (Key::Cons, &o.cons)] {
                let points: Vec<String> = points
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| text(p, indent + 2))
                    .collect();
                if !points.is_empty() {
                    let pad = " ".repeat(indent);
                    item.push_str(&format!("\n{pad}- {}: {}", t(key), points.join("; ")));
                }
            }
            item
        });
        doc.block(&items.collect::<Vec<_>>().join("\n"));
    }

    doc.heading(3, t(Key::SummaryPlan));
    let actions: Vec<&ActionItem> = turn
        .actions
        .iter()
        .filter(|a| !a.what.trim().is_empty())
        .collect();
    if actions.is_empty() {
        doc.block(t(Key::SummaryNoPlan));
    } else {
        let items = actions.iter().enumerate().map(|(i, a)| {
            let marker = format!("{}. ", i + 1);
            let indent = marker.len();
            format!(
                "{marker}**{}** — {}",
                text(&a.what, indent),
                indented(&action_details(a, &s.names), indent)
            )
        });
        doc.block(&items.collect::<Vec<_>>().join("\n"));
    }

    let raise = text(&turn.raise_note, 0);
    if turn.confidence.is_some() || !raise.is_empty() {
        doc.heading(3, t(Key::SummaryConfidence));
        let mut line = match turn.confidence {
            Some(c) => format!("{c} / 10"),
            None => t(Key::SummaryNotSet).to_string(),
        };
        if !raise.is_empty() {
            line.push_str(" — ");
            line.push_str(&texts::markdown_raise(lang(), &raise));
        }
        doc.block(&line);
    }

    let runs: Vec<(&ExerciseRun, Vec<(String, String)>)> = turn
        .exercises
        .iter()
        .map(|run| (run, exercise_lines(run)))
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    if !runs.is_empty() {
        doc.heading(3, t(Key::SummaryExercises));
        for (run, lines) in runs {
            doc.heading(4, &inline(exercise_name(run.exercise)));
            let items: Vec<String> = lines
                .iter()
                .map(|(label, value)| format!("- **{}:** {}", inline(label), text(value, 2)))
                .collect();
            doc.block(&items.join("\n"));
        }
    }
}

/// Owner, due date, first step and status of an action, escaped.
fn action_details(a: &ActionItem, names: &[String]) -> String {
    let owner = match &a.owner {
        Owner::Person(p) => inline(&person(names, *p)),
        Owner::Other(name) if !name.trim().is_empty() => inline(name),
        Owner::Other(_) => t(Key::OwnerOther).to_string(),
    };
    let mut details = vec![texts::summary_owner(lang(), &owner)];
    if !a.due.trim().is_empty() {
        details.push(texts::summary_due(lang(), &inline(&super::day(&a.due))));
    }
    if !a.first_step.trim().is_empty() {
        let step = text(&a.first_step, 0);
        details.push(texts::summary_first_step(lang(), &step));
    }
    if a.status != ActionStatus::Open || !a.status_note.trim().is_empty() {
        details.push(status_text(a.status, &a.status_note));
    }
    details.join(" · ")
}

/// A status word, with the note on how it went (escaped) if there is one.
fn status_text(status: ActionStatus, note: &str) -> String {
    let word = super::status_name(status);
    let note = inline(note);
    if note.is_empty() {
        word.to_string()
    } else {
        format!("{word}: {note}")
    }
}

/// A FeedForward round as Markdown: a heading with the date, then each
/// person's behaviour and the ideas they received, with who gave each.
/// Written in `language`, whatever the app speaks.
pub fn round_markdown(language: Lang, round: &FeedForwardRound, date: &str) -> String {
    super::in_lang(language, || write_round(round, date))
}

fn write_round(round: &FeedForwardRound, date: &str) -> String {
    let mut doc = Doc::default();
    doc.heading(1, &texts::round_markdown_title(lang(), &inline(date)));
    for (p, turn) in round.turns.iter().enumerate() {
        let name = inline(&person(&round.people, p as u8));
        let behaviour = inline(&turn.behaviour);
        let title = if behaviour.is_empty() {
            name
        } else {
            format!("{name}: {behaviour}")
        };
        doc.heading(2, &title);
        let ideas: Vec<String> = round
            .ideas_for(p)
            .into_iter()
            .map(|(giver, idea)| {
                let giver = inline(&person(&round.people, giver as u8));
                format!("- {} ({giver})", text(idea, 2))
            })
            .collect();
        if ideas.is_empty() {
            doc.block(t(Key::RoundNoIdeas));
        } else {
            doc.block(&ideas.join("\n"));
        }
    }
    doc.out
}

/// A Markdown document: blocks separated by blank lines.
#[derive(Default)]
struct Doc {
    out: String,
}

impl Doc {
    fn block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(block);
        self.out.push('\n');
    }

    /// A heading; `title` is Markdown already (escaped where needed).
    fn heading(&mut self, level: usize, title: &str) {
        self.block(&format!("{} {title}", "#".repeat(level)));
    }
}

/// User text on one line (a heading, a label): its lines joined by spaces.
fn inline(text: &str) -> String {
    text.lines()
        .map(escape_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// User text as Markdown: its lines (empty ones left out) joined by hard
/// line breaks, continuation lines indented by `indent` spaces so they stay
/// inside a list item.
fn text(text: &str, indent: usize) -> String {
    let glue = format!("\\\n{}", " ".repeat(indent));
    text.lines()
        .map(escape_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(&glue)
}

/// Markdown with hard line breaks (from [`text`]) whose continuation
/// lines get `indent` spaces; for text that went through `tf` first.
fn indented(markdown: &str, indent: usize) -> String {
    markdown.replace("\\\n", &format!("\\\n{}", " ".repeat(indent)))
}

/// One line of user text, trimmed, with every character that Markdown
/// could read as syntax escaped by a backslash: emphasis, code, links,
/// HTML and autolinks, headings, quotes, tables, strikethrough and
/// entities anywhere; list markers and setext underlines at the start.
fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, c) in line.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => true,
            '&' => starts_entity(&line[i + 1..]),
            '-' | '+' | '=' => i == 0,
            '.' | ')' => i > 0 && i <= 9 && line[..i].bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Does `rest` (what follows a `&`) make it an entity such as `&amp;` or
/// `&#60;`?
fn starts_entity(rest: &str) -> bool {
    let name = rest.trim_start_matches('#');
    let len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    len > 0 && name[len..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise::ExerciseId;
    use crate::domain::fixtures::{reference_session, reference_session_with_exercises};
    use crate::domain::session::{FollowUpItem, NextMeeting};

    /// A stand-in for the UI's `result_lines`: the subject and the notes.
    fn lines(run: &ExerciseRun) -> Vec<(String, String)> {
        let subject =
            (!run.subject.is_empty()).then(|| ("Subject".to_string(), run.subject.clone()));
        let notes = run
            .notes
            .iter()
            .filter(|n| !n.is_empty())
            .map(|n| ("Note".to_string(), n.clone()));
        subject.into_iter().chain(notes).collect()
    }

    /// For every language: the export is written in the language asked
    /// for (its headings are that language's texts, and no heading of
    /// another language where they differ), natively, and the language in
    /// use is English again afterwards.
    #[test]
    fn the_export_is_written_in_the_language_asked_for() {
        use crate::i18n::text_in;
        let s = reference_session();
        for language in Lang::ALL {
            let md = session_markdown(language, &s, &lines, "", &[]);
            for key in [Key::SummaryGoal, Key::SummaryOutcome, Key::SummaryPlan] {
                assert!(md.contains(text_in(language, key)), "{language:?} {key:?}");
                for other in Lang::ALL {
                    let theirs = text_in(other, key);
                    if theirs != text_in(language, key) {
                        assert!(!md.contains(theirs), "{language:?} has {theirs}");
                    }
                }
            }
            assert_eq!(crate::i18n::lang(), Lang::En);
        }
    }

    /// The document's headings, in order.
    fn headings(md: &str) -> Vec<&str> {
        md.lines().filter(|l| l.starts_with('#')).collect()
    }

    #[test]
    fn the_reference_session() {
        let md = session_markdown(Lang::En, &reference_session(), &lines, "10 March 2026", &[]);
        assert_eq!(
            headings(&md),
            [
                "# Peer coaching: Amara & Jonas, 10 March 2026",
                "## Amara's topic, coached by Jonas",
                "### Reality",
                "### Options",
                "### Action plan",
                "### Confidence",
                "## Jonas's topic, coached by Amara",
                "### Reality",
                "### Options",
                "### Action plan",
                "### Confidence",
                "## Reflection",
            ]
        );
        for expected in [
            "**Topic:** Running our weekly team meeting so that quieter people speak up\n",
            "1. Send the agenda a day early and ask each person to add one item. — **Chosen**\n   \
             - Pros: people can prepare; quieter people get a written channel.\n   \
             - Cons: some will not read it.\n",
            "4. Rotate who chairs the meeting each week.\n",
            "1. **Send the agenda with a request for one item each** — owner Amara · due 2026-03-16\n",
            "2. **Run a two-minute silent writing round at the start** — owner Amara · due 2026-03-17\n",
            "1. **Propose a Thursday 30-minute office hour to the sales leads** — owner Jonas · due 2026-03-13\n",
            "2. **Use the trade-off sentence for every new request until the next session** — owner Jonas\n",
            "7 / 10 — What would raise it: a dry run with Jonas\n",
            "\n8 / 10\n",
            "- **Amara** (useful: 5 of 5): Writing the options down made me see I had more than one.\n",
            "Reply with the trade-off: \"I can do this if X moves to next week\".",
        ] {
            assert!(md.contains(expected), "missing {expected:?} in\n{md}");
        }
        assert!(!md.contains("Since last time") && !md.contains("Next meeting"));
        assert!(md.ends_with(".\n") && !md.contains("\n\n\n"));
    }

    #[test]
    fn exercises_with_what_they_captured() {
        let md = session_markdown(
            Lang::En,
            &reference_session_with_exercises(),
            &lines,
            "10 March 2026",
            &[],
        );
        let h = headings(&md);
        let at = |x: &str| {
            h.iter()
                .position(|l| *l == x)
                .unwrap_or_else(|| panic!("{x}"))
        };
        assert!(at("#### What-if scenarios") < at("## Jonas's topic, coached by Amara"));
        assert!(at("#### FeedForward") < at("#### Role play"));
        assert!(md.contains(
            "- **Subject:** Getting the two newest hires to speak in the weekly meeting\n"
        ));
        assert!(
            md.contains("- **Note:** Try the one-sentence reason with the next three requests.\n")
        );
        // A run with nothing to show is left out.
        let mut s = reference_session();
        s.turns[0].open_exercise(ExerciseId::QuickAsk);
        assert!(!session_markdown(Lang::En, &s, &lines, "", &[]).contains("Exercises"));
    }

    #[test]
    fn since_last_time_and_the_next_meeting() {
        let mut s = reference_session();
        s.follow_up = vec![
            FollowUpItem {
                person: Some(0),
                what: "Send the agenda".into(),
                status: ActionStatus::Done,
                note: "Two people added items".into(),
                ..FollowUpItem::default()
            },
            FollowUpItem {
                person: None,
                what: "Ask IT for a board".into(),
                status: ActionStatus::InProgress,
                carried: true,
                ..FollowUpItem::default()
            },
        ];
        s.turns[0].actions[0].status = ActionStatus::Dropped;
        s.turns[0].actions[0].first_step = "Draft it on Friday".into();
        s.next_meeting = Some(NextMeeting {
            date: "2026-03-24".into(),
            time: "09:30".into(),
            every_weeks: Some(2),
        });
        let md = session_markdown(Lang::En, &s, &lines, "10 March 2026", &[]);
        let h = headings(&md);
        assert_eq!(h[1], "## Since last time");
        assert_eq!(h.last(), Some(&"## Next meeting"));
        for expected in [
            "- **Send the agenda** — Amara · Done: Two people added items\n",
            "- **Ask IT for a board** — In progress · In today's plan\n",
            "— owner Amara · due 2026-03-16 · first step: Draft it on Friday · Dropped\n",
            "## Next meeting\n\n2026-03-24 at 09:30, every 2 weeks\n",
        ] {
            assert!(md.contains(expected), "missing {expected:?} in\n{md}");
        }
        s.next_meeting = Some(NextMeeting {
            date: "2026-03-24".into(),
            time: String::new(),
            every_weeks: Some(1),
        });
        let md = session_markdown(Lang::En, &s, &lines, "", &[]);
        assert!(md.ends_with("## Next meeting\n\n2026-03-24, every week\n"));
    }

    #[test]
    fn user_text_stays_text() {
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("  - not a list"), "\\- not a list");
        assert_eq!(escape_line("+ neither"), "\\+ neither");
        assert_eq!(escape_line("1. nor this"), "1\\. nor this");
        assert_eq!(escape_line("2026) nor this"), "2026\\) nor this");
        assert_eq!(escape_line("Costs 3.50 - or 4"), "Costs 3.50 - or 4");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("> quote"), "\\> quote");
        assert_eq!(
            escape_line("*bold* _it_ `code` ~x~"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\~x\\~"
        );
        assert_eq!(
            escape_line("[a](http://x) ![i](y)"),
            "\\[a\\](http://x) !\\[i\\](y)"
        );
        assert_eq!(escape_line("a | b \\ c"), "a \\| b \\\\ c");
        assert_eq!(
            escape_line("Q&A &amp; &#60; &x"),
            "Q&A \\&amp; \\&\\#60; &x"
        );
        assert_eq!(escape_line("<b>hi</b>"), "\\<b\\>hi\\</b\\>");
        assert_eq!(escape_line("Übung 🙂"), "Übung 🙂");

        let mut s = reference_session();
        s.names = vec!["<Amara>".into(), "Jonas #1".into()];
        s.turns[0].goal.topic = "# Big *topic*".into();
        s.turns[0].reality = "First line\n\n- second <script>alert(1)</script>\n===".into();
        s.turns[0].options[0].text = "1. **one**\n2. two".into();
        s.turns[0].actions[0].what = "<img src=x onerror=alert(1)>".into();
        let md = session_markdown(Lang::En, &s, &lines, "10 March 2026", &[]);
        assert!(md.starts_with("# Peer coaching: \\<Amara\\> & Jonas \\#1, 10 March 2026\n"));
        assert!(md.contains("**Topic:** \\# Big \\*topic\\*\n"));
        assert!(md.contains(
            "\n\nFirst line\\\n\\- second \\<script\\>alert(1)\\</script\\>\\\n\\===\n\n"
        ));
        assert!(md.contains("1. 1\\. \\*\\*one\\*\\*\\\n   2\\. two — **Chosen**\n"));
        assert!(md.contains("1. **\\<img src=x onerror=alert(1)\\>** — owner \\<Amara\\>"));
        // Every `<` in the document is escaped: no HTML ever.
        for (i, _) in md.match_indices('<') {
            assert_eq!(&md[i - 1..i], "\\", "unescaped < at {i}");
        }
    }

    #[test]
    fn a_round_lists_each_persons_ideas_with_their_givers_escaped() {
        let people: Vec<String> = ["Amara", "Jonas", "<Mia>"].map(String::from).to_vec();
        let mut r = FeedForwardRound::new(&people, 2, 0);
        r.set_behaviour(0, "Interrupting *others*".into());
        r.set_idea(0, 2, 0, "Count to three".into());
        r.set_idea(0, 1, 1, "Write it down\nfirst".into());
        let md = round_markdown(Lang::En, &r, "24 March 2026");
        assert_eq!(
            md,
            "# FeedForward round, 24 March 2026\n\n\
             ## Amara: Interrupting \\*others\\*\n\n\
             - Write it down\\\n  first (Jonas)\n- Count to three (\\<Mia\\>)\n\n\
             ## Jonas\n\nNo ideas written down.\n\n\
             ## \\<Mia\\>\n\nNo ideas written down.\n"
        );
    }
}

#[cfg(test)]
mod every_text {
    use super::*;
    use crate::domain::session::{full_session, run_texts, texts, TextKind};

    /// Every text a session can hold (the list comes from the model) is in
    /// its Markdown, with the airtime shares; only what is being typed into
    /// an exercise and not yet added is not. The exercise lines stand for
    /// the UI's `result_lines` (every written text of a run).
    #[test]
    fn every_written_text_of_a_session_is_exported() {
        let s = full_session();
        let lines = |run: &ExerciseRun| {
            let mut out = Vec::new();
            run_texts("", run, &mut |_, kind, text| {
                if kind == TextKind::Written {
                    out.push(("x".to_string(), text.to_string()));
                }
            });
            out
        };
        let airtime = [("Amara".to_string(), "55 % · 11:00".to_string())];
        let md = session_markdown(Lang::En, &s, &lines, "", &airtime);
        for (path, kind, text) in texts(&s) {
            if kind == TextKind::Written && !path.starts_with("names") {
                assert!(md.contains(text), "{path}: {text} missing from\n{md}");
            }
        }
        assert!(md.contains("55 % · 11:00"));
    }
}
