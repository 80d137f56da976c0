//! The same session in two versions: what differs, section by section, and
//! the user's choice for each. Keeping both as separate sessions is always
//! possible.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::app::sharing::keep_both_sessions;
use crate::domain::flow::Phase;
use crate::domain::merge::{self, Choice, Section};
use crate::domain::route::Route;
use crate::domain::session::Session;
use crate::i18n::{exercise_name, lang, pair, person, phase_name, status_name, t, texts, Key};
use crate::ui::agreement::rule_text;
use crate::ui::exercise_results::result_lines;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

/// What a version holds in a section, a line per item, so the two can be
/// told apart at a glance.
fn preview(s: &Session, section: Section) -> Vec<String> {
    let nonempty = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_string());
    match section {
        Section::Setup => {
            let mut lines = vec![
                pair(&s.names),
                format!("{} {}", s.total_minutes, t(Key::MinutesShort)),
            ];
            if !s.absent.is_empty() {
                let away: Vec<String> = s.absent.iter().map(|&w| person(&s.names, w)).collect();
                lines.push(texts::group_plan_absent(lang(), &crate::i18n::list(&away)));
            }
            lines
        }
        Section::Agreement => {
            let mut lines: Vec<String> = s.agreement.rules.iter().map(rule_text).collect();
            for who in 0..s.people() as u8 {
                if s.agreement.confirmed.get(usize::from(who)) == Some(&true) {
                    lines.push(texts::person_agrees(lang(), &person(&s.names, who)));
                }
            }
            lines
        }
        Section::Phase { turn, phase } => s.turn(turn).map_or_else(Vec::new, |h| match phase {
            Phase::Goal => [&h.goal.topic, &h.goal.outcome]
                .into_iter()
                .filter_map(|t| nonempty(t))
                .collect(),
            Phase::Reality => h.reality.lines().filter_map(nonempty).collect(),
            Phase::Options => h
                .options
                .iter()
                .flat_map(|o| {
                    let head = if o.chosen {
                        format!("{} ({})", o.text, t(Key::ChosenLabel))
                    } else {
                        o.text.clone()
                    };
                    std::iter::once(head)
                        .chain(o.pros.iter().map(|p| format!("  + {p}")))
                        .chain(o.cons.iter().map(|c| format!("  − {c}")))
                })
                .collect(),
            Phase::Will => h
                .actions
                .iter()
                .map(|a| {
                    if a.due.is_empty() {
                        a.what.clone()
                    } else {
                        format!("{} · {}", a.what, crate::i18n::day(&a.due))
                    }
                })
                .chain(
                    h.confidence
                        .map(|c| format!("{}: {c} / 10", t(Key::SummaryConfidence))),
                )
                .chain(nonempty(&h.raise_note))
                .collect(),
        }),
        Section::Exercises { turn } => s.turn(turn).map_or_else(Vec::new, |h| {
            h.exercises
                .iter()
                .flat_map(|run| {
                    std::iter::once(exercise_name(run.exercise).to_string()).chain(
                        result_lines(run)
                            .into_iter()
                            .map(|(label, text)| format!("  {label}: {text}")),
                    )
                })
                .collect()
        }),
        Section::FollowUp => s
            .follow_up
            .iter()
            .map(|f| {
                let status = status_name(f.status);
                match nonempty(&f.note) {
                    Some(note) => format!("{}: {status} · {note}", f.what),
                    None => format!("{}: {status}", f.what),
                }
            })
            .collect(),
        Section::Reflections => (0..s.people() as u8)
            .filter_map(|who| {
                let r = s.reflections.get(usize::from(who))?;
                let useful = r.useful.map(|u| format!("{u} / 5 ")).unwrap_or_default();
                nonempty(&format!("{useful}{}", r.sentence))
                    .map(|line| format!("{}: {line}", person(&s.names, who)))
            })
            .chain(s.check_in.iter().flat_map(|c| {
                [(Key::CheckInKeep, &c.keep), (Key::CheckInChange, &c.change)]
                    .into_iter()
                    .filter_map(|(k, v)| nonempty(v).map(|v| format!("{} {v}", t(k))))
            }))
            .chain(s.next_meeting.iter().map(|m| {
                let when = format!("{} {}", crate::i18n::day(&m.date), m.time);
                texts::next_meeting_print(lang(), when.trim())
            }))
            .collect(),
    }
}

fn section_name(section: Section, names: &[String]) -> String {
    match section {
        Section::Setup => t(Key::MergeSetup).to_string(),
        Section::Agreement => t(Key::MergeAgreement).to_string(),
        Section::Reflections => t(Key::MergeReflections).to_string(),
        Section::FollowUp => t(Key::FollowUpTitle).to_string(),
        Section::Phase { turn, phase } => {
            texts::merge_half_phase(lang(), &person(names, turn as u8), phase_name(phase))
        }
        Section::Exercises { turn } => {
            texts::merge_half_phase(lang(), &person(names, turn as u8), t(Key::SummaryExercises))
        }
    }
}

#[component]
pub fn MergeView(mine: Session, theirs: Session) -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let differing = merge::differences(&mine, &theirs);
    let choices = RwSignal::new(
        differing
            .iter()
            .map(|&s| (s, merge::suggested(&mine, &theirs, s)))
            .collect::<Vec<_>>(),
    );
    let pair = StoredValue::new((mine, theirs));

    let section_view = move |(i, section): (usize, Section)| {
        // Read in the language on screen, and again when it changes.
        let name = move || pair.with_value(|(m, _)| section_name(section, &m.names));
        let side = |title: Key, lines: Vec<String>, marks: Vec<bool>| {
            let items = lines.into_iter().zip(marks).map(|(l, differs)| {
                if differs {
                    view! {
                        <li class="differs">
                            <mark>{l}</mark>
                            <span class="sr-only">" (" {move || t(Key::MergeLineDiffers)} ")"</span>
                        </li>
                    }
                    .into_any()
                } else {
                    view! { <li>{l}</li> }.into_any()
                }
            });
            view! {
                <div class="version">
                    <h3>{move || t(title)}</h3>
                    <ul>{items.collect_view()}</ul>
                </div>
            }
        };
        let radio = move |choice: Choice, label: Key| {
            view! {
                <RadioChoice
                    name=format!("merge-{i}")
                    id=format!("merge-{i}-{choice:?}").to_ascii_lowercase()
                    label=text_signal(label)
                    checked=Signal::derive(move || choices.with(|c| c[i].1 == choice))
                    on_pick=move |_| choices.update(|c| c[i].1 = choice)
                />
            }
        };
        view! {
            <fieldset class="merge-section">
                <legend>{name}</legend>
                <div class="versions">
                    {move || {
                        let (mine_lines, their_lines) =
                            pair.with_value(|(m, th)| (preview(m, section), preview(th, section)));
                        // What one version has and the other not, line by
                        // line, marked.
                        let (mine_marks, their_marks) =
                            merge::differing_lines(&mine_lines, &their_lines);
                        view! {
                            {side(Key::MergeMine, mine_lines, mine_marks)}
                            {side(Key::MergeTheirs, their_lines, their_marks)}
                        }
                    }}
                </div>
                <div class="merge-choices">
                    {radio(Choice::Mine, Key::MergeMine)}
                    {radio(Choice::Theirs, Key::MergeTheirs)}
                    // Names, format and length are one or the other.
                    {(section != Section::Setup).then(|| radio(Choice::Both, Key::MergeBoth))}
                </div>
            </fieldset>
        }
    };

    let apply = move |_| {
        let picked = choices.get_untracked();
        let merged = pair.with_value(|(m, th)| {
            merge::merge(m, th, |s| {
                picked
                    .iter()
                    .find(|(x, _)| *x == s)
                    .map(|(_, c)| *c)
                    .unwrap_or_default()
            })
        });
        let id = merged.id.clone();
        sessions.put(merged);
        router.replace(Route::Session(id));
    };
    let separate = move |_| {
        let theirs = pair.with_value(|(_, th)| th.clone());
        let id = keep_both_sessions(&sessions, theirs);
        router.replace(Route::Session(id));
    };

    view! {
        <section class="merge" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::MergeTitle)}</h1>
            <p class="lead">{move || t(Key::MergeIntro)}</p>
            {differing.into_iter().enumerate().map(section_view).collect_view()}
            <div class="actions">
                <button type="button" class="primary big" on:click=apply>{move || t(Key::MergeApply)}</button>
                <button type="button" on:click=separate>{move || t(Key::MergeKeepSeparate)}</button>
            </div>
        </section>
    }
}
