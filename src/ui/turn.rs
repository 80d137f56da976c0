//! A group's turn begins: who is the client, who writes, how long the turn
//! is, who is here today, and the order of all turns. Someone not here is
//! unticked: their turn is skipped and the others share its time.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::session::SwapChoice;
use crate::i18n::{t, tf, Key};
use crate::platform::clock::now_ms;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;

#[component]
pub fn TurnScreen(half: usize) -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let client = move || current.read(|s| s.half(half).map_or(0, |h| h.client));
    let client_name = move || current.person(client());
    let scribe = move || current.read(|s| s.half(half).and_then(|h| h.scribe));
    let skipped = move || current.read(|s| s.is_skipped(half));

    // Only the turns held today are counted: "Turn 4 of 4" when one of
    // five people is away.
    let title = move || match current.read(|s| s.turn_number(half)) {
        Some((n, total)) => tf(
            Key::TurnTitle,
            &[
                ("n", &n.to_string()),
                ("total", &total.to_string()),
                ("client", &client_name()),
            ],
        ),
        None => tf(Key::TurnTitleSkipped, &[("client", &client_name())]),
    };
    let lead = move || {
        let scribe = scribe().map(|w| current.person(w)).unwrap_or_default();
        tf(
            Key::TurnLead,
            &[("client", &client_name()), ("scribe", &scribe)],
        )
    };
    let time = move || {
        current.read(|s| {
            let half = s.half(half)?;
            let minutes = half.allotted() / crate::domain::timer::MINUTE_MS;
            let [g, r, o, w] = half
                .clocks
                .each_ref()
                .map(|c| (c.allotted_ms / crate::domain::timer::MINUTE_MS).to_string());
            Some(tf(
                Key::TurnTime,
                &[
                    ("minutes", &minutes.to_string()),
                    ("g", &g),
                    ("r", &r),
                    ("o", &o),
                    ("w", &w),
                ],
            ))
        })
    };

    // Running late: end on time (the turns to come are shortened) or run
    // over (full turns), as the pair's swap offers.
    let shortened = Memo::new(move |_| {
        let at = now.get();
        current.read(|s| s.turn_shortened(half, at))
    });
    let keep = move || current.read(|s| s.swap == Some(SwapChoice::Keep));
    let pace = move |value: SwapChoice| {
        let (key, minutes) = match (value, shortened.get()) {
            (SwapChoice::Fit, Some((fitted, _))) => (Key::TurnPaceFit, fitted),
            (_, Some((_, full))) => (Key::TurnPaceKeep, full),
            _ => (Key::TurnPaceKeep, 0),
        };
        view! {
            <RadioChoice
                name="turn-pace"
                id=format!("pace-{value:?}").to_ascii_lowercase()
                label=tf(key, &[("minutes", &minutes.to_string())])
                checked=Signal::derive(move || keep() == (value == SwapChoice::Keep))
                on_pick=move |_| current.update(|s| s.choose_pace(value, now_ms()))
            />
        }
    };

    let scribe_choice = move || {
        let options = current.read(|s| {
            (0..s.people() as u8)
                .filter(|&w| s.half(half).is_some_and(|h| h.client != w) && s.is_present(w))
                .map(|w| (w, crate::i18n::person(&s.names, w)))
                .collect::<Vec<_>>()
        });
        options
            .into_iter()
            .map(|(w, name)| {
                view! {
                    <option value=w.to_string() prop:selected=move || scribe() == Some(w)>{name}</option>
                }
            })
            .collect_view()
    };

    let order = move || {
        let _ = now.get();
        current.read(|s| {
            let plan = s.turn_plan();
            s.halves
                .iter()
                .enumerate()
                .map(|(h, turn)| {
                    let name = crate::i18n::person(&s.names, turn.client);
                    let (key, minutes) = if s.is_skipped(h) {
                        (Key::TurnOrderSkipped, 0)
                    } else if turn.has_started() {
                        (Key::TurnOrderDone, 0)
                    } else {
                        (Key::TurnOrderItem, plan[h])
                    };
                    let text = tf(key, &[("client", &name), ("minutes", &minutes.to_string())]);
                    (h, text, s.is_skipped(h))
                })
                .collect::<Vec<_>>()
        })
    };

    let begin = move |_| {
        let at = now_ms();
        current.update(|s| s.begin_turn(half, at));
        focus_later(ids::SCREEN_TITLE);
    };
    let next = move |_| {
        let at = now_ms();
        current.update(|s| s.advance(at));
        focus_later(ids::SCREEN_TITLE);
    };

    view! {
        <section class="group-turn" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{title}</h1>
            <Show
                when=skipped
                fallback=move || view! {
                    <p class="lead">{lead}</p>
                    <p class="turn-time">{time}</p>
                    <Show when=move || shortened.get().is_some()>
                        <fieldset class="turn-pace">
                            <legend>{t(Key::TurnPaceLegend)}</legend>
                            {move || view! { {pace(SwapChoice::Fit)} {pace(SwapChoice::Keep)} }}
                        </fieldset>
                    </Show>
                    <div class="field">
                        <label for=ids::TURN_SCRIBE>{t(Key::TurnScribe)}</label>
                        <select
                            id=ids::TURN_SCRIBE
                            on:change=move |ev| {
                                if let Ok(w) = event_target_value(&ev).parse::<u8>() {
                                    current.update(|s| {
                                        s.set_scribe(half, w);
                                    });
                                }
                            }
                        >
                            {scribe_choice}
                        </select>
                    </div>
                }
            >
                <p class="lead notice-line">{move || tf(Key::TurnSkipped, &[("client", &client_name())])}</p>
            </Show>
            <HereToday />
            <section class="turn-order" aria-labelledby=ids::TURN_ORDER_TITLE>
                <h2 id=ids::TURN_ORDER_TITLE>{t(Key::TurnOrder)}</h2>
                <ol>
                    {move || {
                        order()
                            .into_iter()
                            .map(|(h, text, skipped)| {
                                view! {
                                    <li
                                        class:skipped=skipped
                                        aria-current=if h == half { Some("step") } else { None }
                                    >
                                        {text}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </section>
            <div class="actions">
                <Show
                    when=skipped
                    fallback=move || view! {
                        <button type="button" class="primary big" on:click=begin>
                            {move || tf(Key::TurnBegin, &[("client", &client_name())])}
                        </button>
                    }
                >
                    <button type="button" class="primary big" on:click=next>
                        {t(Key::TurnNext)}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// Who is here today: untick someone who could not come (at least two
/// stay). Their turn is skipped and the turns to come share its time.
#[component]
pub fn HereToday() -> impl IntoView {
    let current = use_current();
    let people = current.people();
    let here = move |who: u8| {
        let id = format!("here-{who}");
        let present = move || current.read(|s| s.is_present(who));
        let last_two = move || current.read(|s| s.people() - s.absent.len() <= 2);
        view! {
            <li class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=present
                    disabled=move || present() && last_two()
                    on:change=move |ev| {
                        let away = !event_target_checked(&ev);
                        let at = now_ms();
                        current.update(|s| s.set_absent(who, away, at));
                    }
                />
                <label for=id>{move || current.person(who)}</label>
            </li>
        }
    };
    view! {
        <fieldset class="here-today">
            <legend>{t(Key::TurnHere)}</legend>
            <p class="help">{t(Key::TurnHereHelp)}</p>
            <ul class="checks">{(0..people as u8).map(here).collect_view()}</ul>
        </fieldset>
    }
}
