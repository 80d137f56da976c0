//! Wrap-up: both halves summed up, a reflection from each person, and the
//! print view of the action plan.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::{use_current, use_sessions};
use crate::domain::route::Route;
use crate::i18n::{lang, list, pair, t, texts, Key};
use crate::platform::clock::local_date;
use crate::platform::print_page;
use crate::ui::airtime::AirtimeSummary;
use crate::ui::check_in::CheckInSection;
use crate::ui::exports::SessionExports;
use crate::ui::fields::TextField;
use crate::ui::half_summary::HalfSummary;
use crate::ui::ids;
use crate::ui::next_meeting::NextMeetingSection;
use crate::ui::round::start_round;
use crate::ui::scale::Scale;

#[component]
pub fn WrapUpScreen() -> impl IntoView {
    let current = use_current();
    let router = use_router();
    let people = current.people();
    // Tell a course around the app (no user text: the format only).
    let format = current.read_untracked(|s| match s.format {
        crate::domain::flow::Format::Reciprocal => "reciprocal",
        crate::domain::flow::Format::OneWay => "one-way",
        crate::domain::flow::Format::Group(_) => "group",
    });
    let id = current.id();
    crate::platform::embed::event_once(
        &format!("session-completed {id}"),
        "session-completed",
        "format",
        format,
    );
    // A group's skipped turns have nothing to sum up.
    let turns = move || current.read(|s| s.turns_held().map(|(h, _)| h).collect::<Vec<_>>());
    let byline = move || {
        let date = local_date(lang(), current.read(|s| s.created_ms));
        let who = current.read(|s| pair(&s.names));
        format!("{} · {who} · {date}", t(Key::AppName))
    };
    let absent = move || {
        let names = current.read(|s| {
            s.absent
                .iter()
                .map(|&w| crate::i18n::person(&s.names, w))
                .collect::<Vec<_>>()
        });
        (!names.is_empty()).then(|| {
            view! { <p class="absent-line">{move || texts::group_plan_absent(lang(), &list(&names))}</p> }
        })
    };

    let reflection = move |who: usize| {
        let name = move || current.person(who as u8);
        let useful = Memo::new(move |_| current.read(|s| s.reflections[who].useful));
        view! {
            <div class="reflection">
                <fieldset>
                    <legend>{move || texts::useful_legend(lang(), &name())}</legend>
                    <Scale
                        name=format!("useful-{who}")
                        max=5
                        value=useful
                        on_pick=move |n: u8| current.update(|s| s.set_useful(who, n))
                    />
                </fieldset>
                <TextField
                    id=format!("sentence-{who}")
                    label=Signal::derive(move || texts::reflection_sentence(lang(), &name()))
                    value=current.field(move |s| s.reflections.get(who).map(|r| r.sentence.clone()).unwrap_or_default())
                    on_input=move |v: String| current.update(|s| s.set_reflection_sentence(who, v))
                />
            </div>
        }
    };

    view! {
        <section class="wrap-up" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::WrapUpTitle)}</h1>
            <p class="print-only">{byline}</p>
            <p class="lead no-print">{move || t(Key::WrapUpIntro)}</p>
            <div class="summaries">
                {move || turns().into_iter().map(|h| view! { <HalfSummary turn=h /> }).collect_view()}
            </div>
            {absent}
            <section class="reflections no-print" aria-labelledby=ids::REFLECTION_TITLE>
                <h2 id=ids::REFLECTION_TITLE>{move || t(Key::ReflectionTitle)}</h2>
                // Someone not here today has nothing to reflect on.
                {(0..people)
                    .filter(|&who| current.read_untracked(|s| s.is_present(who as u8)))
                    .map(reflection)
                    .collect_view()}
            </section>
            <AirtimeSummary />
            <CheckInSection />
            <NextMeetingSection />
            <SessionExports />
            <div class="actions no-print">
                <button type="button" class="primary big" on:click=move |_| print_page()>
                    {move || t(Key::PrintPlan)}
                </button>
                // A round needs three people here.
                {current
                    .read_untracked(|s| s.format.is_group() && s.people() - s.absent.len() >= 3)
                    .then(|| {
                    let sessions = use_sessions();
                    view! {
                        <button
                            type="button"
                            on:click=move |_| {
                                let here = current.read_untracked(|s| {
                                    (0..s.people() as u8)
                                        .filter(|&w| s.is_present(w))
                                        .map(|w| s.names[usize::from(w)].trim().to_string())
                                        .collect::<Vec<_>>()
                                });
                                if let Some(route) = start_round(&sessions, &here) {
                                    router.go(route);
                                    crate::ui::focus::focus_later(ids::STEP_TITLE);
                                }
                            }
                        >
                            {move || t(Key::RoundWithGroup)}
                        </button>
                    }
                })}
                <button type="button" on:click=move |_| router.go(Route::NewSession)>
                    {move || t(Key::NewSession)}
                </button>
            </div>
        </section>
    }
}
