//! Question cards for the coach: one open question at a time, another on
//! request without repeats, and pins for the ones worth keeping in view.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::deck::Draw;
use crate::domain::flow::Phase;
use crate::i18n::{lang, question, t, texts, Key};
use crate::platform::random_u32;

#[component]
pub fn QuestionCards(turn: usize, phase: Phase) -> impl IntoView {
    let current = use_current();
    let i = phase.index();
    let card = Memo::new(move |_| current.turn(turn, |h| h.cards[i].current()));
    let pinned = Memo::new(move |_| current.turn(turn, |h| h.cards[i].pinned.clone()));
    let left = move || current.turn(turn, |h| h.cards[i].remaining());
    let restarted = RwSignal::new(false);
    let is_pinned = move || pinned.with(|p| p.contains(&card.get()));

    let another = move |_| {
        let mut draw = None;
        current.update_turn(turn, |h| draw = Some(h.cards[i].draw(random_u32())));
        restarted.set(matches!(draw, Some(Draw::Reshuffled(_))));
    };
    let title_id = format!("cards-{turn}-{i}");
    let labelled_by = title_id.clone();

    view! {
        <section class="cards" aria-labelledby=labelled_by>
            <h2 id=title_id>{move || t(Key::CardsTitle)}</h2>
            <div class="card">
                <p class="question" aria-live="polite">{move || question(phase, card.get())}</p>
            </div>
            <div class="card-actions">
                <button type="button" on:click=another>{move || t(Key::AnotherQuestion)}</button>
                <button
                    type="button"
                    class="ghost"
                    aria-pressed=move || if is_pinned() { "true" } else { "false" }
                    on:click=move |_| {
                        let c = card.get_untracked();
                        current.update_turn(turn, |h| h.cards[i].toggle_pin(c))
                    }
                >
                    {move || t(Key::Pin)}
                </button>
            </div>
            <p class="muted small" role="status">
                {move || {
                    if restarted.get() {
                        t(Key::DeckRestarted).to_string()
                    } else {
                        texts::cards_left(lang(), &left().to_string())
                    }
                }}
            </p>
            <Show when=move || pinned.with(|p| !p.is_empty())>
                <h3>{move || t(Key::PinnedTitle)}</h3>
                <ul class="pinned">
                    <For
                        each=move || pinned.get()
                        key=|c| *c
                        children=move |c| {
                            view! {
                                <li>
                                    <span>{move || question(phase, c)}</span>
                                    <button
                                        type="button"
                                        class="ghost small"
                                        aria-label=move || format!("{}: {}", t(Key::Unpin), question(phase, c))
                                        on:click=move |_| current.update_turn(turn, |h| h.cards[i].toggle_pin(c))
                                    >
                                        {move || t(Key::Unpin)}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
