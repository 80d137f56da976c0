//! A group's turn begins: who is the client, who writes, how long the turn
//! is, who is here today, and the order of all turns. Someone not here is
//! unticked: their turn is skipped and the others share its time.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::session::SwapChoice;
use crate::i18n::{lang, t, texts, Key, Lang};
use crate::platform::clock::now_ms;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;

#[component]
pub fn TurnScreen(turn: usize) -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let client = move || current.read(|s| s.turn(turn).map_or(0, |h| h.client));
    let client_name = move || current.person(client());
    let scribe = move || current.read(|s| s.turn(turn).and_then(|h| h.scribe));
    let skipped = move || current.read(|s| s.is_skipped(turn));

    // Only the turns held today are counted: "Turn 4 of 4" when one of
    // five people is away.
    let title = move || match current.read(|s| s.turn_number(turn)) {
        Some((n, total)) => {
            texts::turn_title(lang(), &n.to_string(), &total.to_string(), &client_name())
        }
        None => texts::turn_title_skipped(lang(), &client_name()),
    };
    let lead = move || {
        let scribe = scribe().map(|w| current.person(w)).unwrap_or_default();
        texts::turn_lead(lang(), &client_name(), &scribe)
    };
    let time = move || {
        current.read(|s| {
            let turn = s.turn(turn)?;
            let minutes = turn.allotted() / crate::domain::timer::MINUTE_MS;
            let [g, r, o, w] = turn
                .clocks
                .each_ref()
                .map(|c| (c.allotted_ms / crate::domain::timer::MINUTE_MS).to_string());
            Some(texts::turn_time(
                lang(),
                &minutes.to_string(),
                &g,
                &r,
                &o,
                &w,
            ))
        })
    };

    // Running late: end on time (the turns to come are shortened) or run
    // over (full turns), as the pair's swap offers.
    // Each choice lists the turns to come, in order ("18, 18 & 17 min"):
    // the turn on screen may keep its minutes while a later one loses one.
    let shortened = Memo::new(move |_| {
        let at = now.get();
        current.read(|s| s.pace_choices(turn, at))
    });
    let keep = move || current.read(|s| s.swap == Some(SwapChoice::Keep));
    let pace = move |value: SwapChoice| {
        let (key, minutes) = match (value, shortened.get()) {
            (SwapChoice::Fit, Some((fitted, _))) => {
                (texts::turn_pace_fit as fn(Lang, &str) -> String, fitted)
            }
            (_, Some((_, full))) => (texts::turn_pace_keep as fn(Lang, &str) -> String, full),
            _ => (
                texts::turn_pace_keep as fn(Lang, &str) -> String,
                Vec::new(),
            ),
        };
        let minutes: Vec<String> = minutes.iter().map(u32::to_string).collect();
        view! {
            <RadioChoice
                name="turn-pace"
                id=format!("pace-{value:?}").to_ascii_lowercase()
                label=Signal::derive(move || key(lang(), &crate::i18n::list(&minutes)))
                checked=Signal::derive(move || keep() == (value == SwapChoice::Keep))
                on_pick=move |_| current.update(|s| s.choose_pace(value, now_ms()))
            />
        }
    };

    let scribe_choice = move || {
        let options = current.read(|s| {
            (0..s.people() as u8)
                .filter(|&w| s.turn(turn).is_some_and(|h| h.client != w) && s.is_present(w))
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
            s.turns
                .iter()
                .enumerate()
                .map(|(h, turn)| {
                    let name = crate::i18n::person(&s.names, turn.client);
                    let text = if s.is_skipped(h) {
                        texts::turn_order_skipped(lang(), &name)
                    } else if turn.has_started() {
                        texts::turn_order_done(lang(), &name)
                    } else {
                        texts::turn_order_item(lang(), &name, &plan[h].to_string())
                    };
                    (h, text, s.is_skipped(h))
                })
                .collect::<Vec<_>>()
        })
    };

    let begin = move |_| {
        let at = now_ms();
        current.update(|s| s.begin_turn(turn, at));
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
                            <legend>{move || t(Key::TurnPaceLegend)}</legend>
                            {move || view! { {pace(SwapChoice::Fit)} {pace(SwapChoice::Keep)} }}
                        </fieldset>
                    </Show>
                    <div class="field">
                        <label for=ids::TURN_SCRIBE>{move || t(Key::TurnScribe)}</label>
                        <select
                            id=ids::TURN_SCRIBE
                            on:change=move |ev| {
                                if let Ok(w) = event_target_value(&ev).parse::<u8>() {
                                    current.update(|s| {
                                        s.set_scribe(turn, w);
                                    });
                                }
                            }
                        >
                            {scribe_choice}
                        </select>
                    </div>
                }
            >
                <p class="lead notice-line">{move || texts::turn_skipped(lang(), &client_name())}</p>
            </Show>
            <HereToday />
            <section class="turn-order" aria-labelledby=ids::TURN_ORDER_TITLE>
                <h2 id=ids::TURN_ORDER_TITLE>{move || t(Key::TurnOrder)}</h2>
                <ol>
                    {move || {
                        order()
                            .into_iter()
                            .map(|(h, text, skipped)| {
                                view! {
                                    <li
                                        class:skipped=skipped
                                        aria-current=if h == turn { Some("step") } else { None }
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
                            {move || texts::turn_begin(lang(), &client_name())}
                        </button>
                    }
                >
                    <button type="button" class="primary big" on:click=next>
                        {move || t(Key::TurnNext)}
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
            <legend>{move || t(Key::TurnHere)}</legend>
            <p class="help">{move || t(Key::TurnHereHelp)}</p>
            <ul class="checks">{(0..people as u8).map(here).collect_view()}</ul>
        </fieldset>
    }
}
