//! The site header: the app's name (home), the language and the sound
//! toggle. Embedded in a course (`?embed=1`) it is a slim bar, so the
//! full flow still has its way home and its sound switch; one exercise
//! alone has no home to go to, so it keeps only the language and sound.

use leptos::prelude::*;

use crate::app::sessions::use_sessions;
use crate::domain::route::Route;
use crate::i18n::{lang, t, Key, Lang};
use crate::ui::app::UiLang;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::route_link::RouteLink;

#[component]
pub fn Header() -> impl IntoView {
    let sessions = use_sessions();
    let muted = move || sessions.settings().muted;
    let ui_lang = expect_context::<UiLang>();
    let preset = crate::ui::app::use_presets();
    let one_exercise = preset.embed && preset.exercise.is_some();
    view! {
        <header class="site-header">
            {(!one_exercise).then(|| view! {
            <RouteLink class="brand" route=Route::Home>
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true">
                    <rect width="64" height="64" rx="14" fill="currentColor"></rect>
                    <circle cx="24" cy="28" r="9" fill="var(--bg)"></circle>
                    <circle cx="40" cy="36" r="9" fill="var(--accent-2)"></circle>
                </svg>
                <span>{move || t(Key::AppName)}</span>
            </RouteLink>
            })}
            <div class="language">
                <label for=ids::LANGUAGE>{move || t(Key::LanguageLabel)}</label>
                <select
                    id=ids::LANGUAGE
                    // The language spoken, also after a choice whose texts
                    // could not be fetched.
                    prop:value=move || ui_lang.0.get().code()
                    on:change=move |ev| {
                        if let Some(chosen) = Lang::from_tag(&event_target_value(&ev)) {
                            ui_lang.choose(chosen, sessions);
                            focus_later(ids::LANGUAGE);
                        }
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|l| view! {
                            <option value=l.code() lang=l.code() selected=l == lang()>{l.name()}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <button
                type="button"
                role="switch"
                class="ghost sound"
                aria-checked=move || if muted() { "false" } else { "true" }
                on:click=move |_| sessions.set_muted(!muted())
            >
                <span class="sound-label">{move || t(Key::SoundToggleLabel)}</span>
                <span class="switch" aria-hidden="true">
                    <span class="knob"></span>
                </span>
                <span class="switch-state" aria-hidden="true">
                    {move || t(if muted() { Key::SoundOff } else { Key::SoundOn })}
                </span>
            </button>
        </header>
    }
}
