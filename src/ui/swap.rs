//! Half time: the roles swap. If the first half ran over, the pair chooses
//! to shorten the second half to fit or to keep its full time.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::ticker::use_now;
use crate::domain::session::SwapChoice;
use crate::domain::timer::whole_minutes;
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::now_ms;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

#[component]
pub fn SwapScreen() -> impl IntoView {
    let current = use_current();
    let now = use_now();
    let info = Memo::new(move |_| {
        let at = now.get();
        current.read(|s| Some(s.swap_info(at)))
    });
    let must_choose = move || info.get().is_some_and(|i| i.must_choose());
    let choice = RwSignal::new(
        current
            .read_untracked(|s| s.swap)
            .unwrap_or(SwapChoice::Fit),
    );
    let line = move || texts::swap_line(lang(), &current.person(0), &current.person(1));
    let detail = move || {
        let Some(i) = info.get() else {
            return String::new();
        };
        let m = |ms| whole_minutes(ms).to_string();
        if i.must_choose() {
            texts::swap_over(lang(), &m(i.over_ms), &m(i.left_ms), &m(i.second_half_ms))
        } else {
            texts::swap_on_time(lang(), &m(i.left_ms), &m(i.second_half_ms))
        }
    };
    let option = move |value: SwapChoice, label: Key| {
        view! {
            <RadioChoice
                name="swap-choice"
                id=format!("swap-{value:?}").to_ascii_lowercase()
                label=text_signal(label)
                checked=Signal::derive(move || choice.get() == value)
                on_pick=move |_| choice.set(value)
            />
        }
    };
    let start = move |_| {
        let at = now_ms();
        let picked = choice.get_untracked();
        current.update(|s| s.begin_second_half(picked, at));
    };

    view! {
        <section class="swap" aria-labelledby=ids::SCREEN_TITLE>
            <p class="eyebrow">{move || t(Key::StepSwap)}</p>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::SwapTitle)}</h1>
            <p class="swap-line">{line}</p>
            <p>{detail}</p>
            <Show when=must_choose>
                <fieldset>
                    <legend>{move || t(Key::SwapChoiceLegend)}</legend>
                    {option(SwapChoice::Fit, Key::SwapFit)}
                    {option(SwapChoice::Keep, Key::SwapKeep)}
                </fieldset>
            </Show>
            <div class="actions">
                <button type="button" class="primary big" on:click=start>
                    {move || t(Key::StartSecondHalf)}
                </button>
            </div>
        </section>
    }
}
