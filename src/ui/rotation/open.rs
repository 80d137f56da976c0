//! A shared schedule arrives on a device that has another one: replace it,
//! or keep it (after saving it as a file, if wanted). Nothing is replaced
//! without asking.

use leptos::prelude::*;

use super::edit::period_day;
use super::share::schedule_text_block;
use crate::app::sharing::link_for;
use crate::domain::rotation::{link, Schedule};
use crate::i18n::{lang, t, texts, Key};
use crate::platform::files;
use crate::ui::ids;

/// "9 people, 6 periods from Mon, 2 Mar 2026", and who they are.
fn summary(s: &Schedule) -> (String, String) {
    let first = if s.periods.is_empty() {
        "—".to_string()
    } else {
        period_day(s, 0)
    };
    let line = texts::rotation_open_summary(
        lang(),
        &s.roster.members.len().to_string(),
        &s.periods.len().to_string(),
        &first,
    );
    let names: Vec<&str> = s.roster.members.iter().map(|m| m.name.as_str()).collect();
    (line, names.join(", "))
}

#[component]
pub fn ScheduleArrival(
    /// The schedule on this device.
    mine: Schedule,
    /// The schedule in the link.
    theirs: Schedule,
    /// `true`: replace mine with theirs; `false`: keep mine.
    on_answer: Callback<bool>,
) -> impl IntoView {
    let card = |title: Key, s: &Schedule| {
        let (_, names) = summary(s);
        // Read in the language on screen, and again when it changes.
        let shown = s.clone();
        let line = move || summary(&shown).0;
        view! {
            <div class="arrival-card">
                <h2>{move || t(title)}</h2>
                <p>{line}</p>
                <p class="muted">{names}</p>
            </div>
        }
    };
    // Where the periods differ (the summaries may read the same).
    let count = mine.periods.len().max(theirs.periods.len());
    let differing: Vec<usize> = (0..count)
        .filter(|&i| mine.periods.get(i) != theirs.periods.get(i))
        .collect();
    let differs = differing.first().map(|&first| {
        let on = if first < theirs.periods.len() {
            theirs.clone()
        } else {
            mine.clone()
        };
        let differing = differing.len().to_string();
        move || texts::rotation_open_differs(lang(), &differing, &period_day(&on, first as u32))
    });
    let my_link = link_for(&link::encode(&mine));
    view! {
        <section class="open rotation-arrival" aria-labelledby=ids::ARRIVAL_TITLE>
            <h1 id=ids::ARRIVAL_TITLE tabindex="-1">{move || t(Key::RotationOpenTitle)}</h1>
            <p>{move || t(Key::RotationOpenIntro)}</p>
            <div class="arrival-cards">
                {card(Key::RotationOpenTheirs, &theirs)}
                {card(Key::RotationOpenMine, &mine)}
            </div>
            {differs.map(|text| view! { <p>{text}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_answer.run(true)>
                    {move || t(Key::RotationOpenReplace)}
                </button>
                <button type="button" on:click=move |_| on_answer.run(false)>{move || t(Key::RotationOpenKeep)}</button>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| {
                        files::download("peer-coach-my-rotation.txt", &schedule_text_block(&my_link));
                    }
                >
                    {move || t(Key::RotationOpenSaveMine)}
                </button>
            </div>
        </section>
    }
}
