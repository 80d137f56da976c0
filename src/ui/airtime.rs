//! The airtime tracker: press (or type the number of) whoever is speaking;
//! each person's share of the talking time shows live, and a gentle cue,
//! seen only on this device, says when someone takes far more than a fair
//! share. Optional, for the person facilitating.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::airtime::Airtime;
use crate::domain::timer::format_duration;
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::now_ms;
use crate::ui::ids;

/// Share as a whole percentage (never "-0").
fn percent(share: f64) -> String {
    crate::domain::progress::whole_percent(share).to_string()
}

/// The tracker's panel. Keys 1 and 2 say who speaks, 0 pauses, while focus
/// is not in a text field.
#[component]
pub fn AirtimePanel() -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let people = current.people();

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        use wasm_bindgen::JsCast;
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let at = now_ms();
        match ev.key().as_str() {
            "0" => current.update_airtime(|a| a.stop(at)),
            k => {
                // Someone away today has no key (nor a button).
                let here = |n: usize| current.read_untracked(|s| s.is_present(n as u8 - 1));
                if let Some(n) = k
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=people).contains(n) && here(*n))
                {
                    current.update_airtime(|a| a.speak(n - 1, at));
                }
            }
        }
    });
    on_cleanup(move || keys.remove());

    let speaking = Memo::new(move |_| current.airtime(|a| a.speaking.map(|(w, _)| w)));
    // The cue changes rarely: announced when it does, not every tick.
    // Only the people here today count (a group's people away take no
    // share, and are never invited in).
    let present = move || {
        current.read(|s| {
            (0..s.people())
                .filter(|&w| s.is_present(w as u8))
                .collect::<Vec<_>>()
        })
    };
    // Who is over and who is quietest, as things are now (in a coaching
    // turn, among the coaches): a memo, so the cue is announced when it
    // changes, not every tick.
    let cue = Memo::new(move |_| {
        let at = now.get();
        let here = present();
        current.airtime(|a| a.cue(at, &here))
    });

    let person = move |who: usize| {
        let name = move || current.person(who as u8);
        let share = move || {
            let at = now.get();
            current.airtime(|a| (a.shares(at)[who], a.totals(at)[who]))
        };
        view! {
            <li class="speaker" class:speaking=move || speaking.get() == Some(who)>
                <button
                    type="button"
                    aria-pressed=move || if speaking.get() == Some(who) { "true" } else { "false" }
                    on:click=move |_| {
                        let at = now_ms();
                        current.update_airtime(|a| a.speak(who, at));
                    }
                >
                    <span class="key" aria-hidden="true">{who + 1}</span>
                    {move || texts::airtime_speaks(lang(), &name())}
                </button>
                <span class="share-bar" aria-hidden="true">
                    <span class="fill" style:width=move || format!("{}%", percent(share().0))></span>
                </span>
                <span class="share-text">
                    {move || {
                        let (s, ms) = share();
                        texts::airtime_share(lang(), &percent(s), &format_duration(ms))
                    }}
                </span>
            </li>
        }
    };

    view! {
        <section id=ids::AIRTIME_PANEL class="airtime-panel" aria-labelledby=ids::AIRTIME_TITLE>
            <h2 id=ids::AIRTIME_TITLE>{move || t(Key::AirtimeTitle)}</h2>
            <p class="help-line">{move || t(Key::AirtimeHelp)}</p>
            <ul class="speakers">{move || present().into_iter().map(person).collect_view()}</ul>
            <div class="actions">
                <button
                    type="button"
                    disabled=move || speaking.get().is_none()
                    on:click=move |_| {
                        let at = now_ms();
                        current.update_airtime(|a| a.stop(at));
                    }
                >
                    <span class="key" aria-hidden="true">"0"</span>
                    {move || t(Key::AirtimePause)}
                </button>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| current.update_airtime(|a| *a = Airtime::new(people))
                >
                    {move || t(Key::AirtimeReset)}
                </button>
            </div>
            <p class="airtime-cue" role="status">
                {move || {
                    cue.get().map(|cue| {
                        texts::airtime_cue(lang(), &current.person(cue.over as u8), &current.person(cue.invite as u8))
                    })
                }}
            </p>
        </section>
    }
}

/// The final shares, for the wrap-up (this device's tracking, if any).
#[component]
pub fn AirtimeSummary() -> impl IntoView {
    let current = use_current();
    let now = use_now();
    // Follows the clock: talk timed on the wrap-up itself shows at once
    // (and so is printed), not only after the screen is opened again.
    let lines = Memo::new(move |_| airtime_lines(&current, now.get()));
    move || {
        lines.get().map(|lines| {
            view! {
                // Printed with the plan, as the Markdown has it.
                <section class="airtime-summary" aria-labelledby=ids::AIRTIME_SUMMARY_TITLE>
                    <h2 id=ids::AIRTIME_SUMMARY_TITLE>{move || t(Key::AirtimeSummaryTitle)}</h2>
                    <p class="help-line no-print">{move || t(Key::AirtimeSummaryHelp)}</p>
                    <crate::ui::exercise_results::ResultList lines=lines />
                </section>
            }
        })
    }
}

/// Each person's share of the talking time up to `at`, as the wrap-up and
/// the Markdown show it: `(name, share)`; `None` before anyone was timed.
pub fn airtime_lines(
    current: &crate::app::sessions::Current,
    at: i64,
) -> Option<Vec<(String, String)>> {
    let shares = current.airtime(|a| a.has_data(at).then(|| (a.shares(at), a.totals(at))));
    shares.map(|(shares, totals)| {
        shares
            .iter()
            .zip(&totals)
            .enumerate()
            .map(|(who, (s, ms))| {
                (
                    current.person(who as u8),
                    texts::airtime_share(lang(), &percent(*s), &format_duration(*ms)),
                )
            })
            .collect()
    })
}
