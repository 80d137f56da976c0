//! The exercise library: every exercise as a card (name, purpose, time,
//! when it helps), searchable and filterable.

use leptos::prelude::*;

use crate::domain::exercise::{filtered, ExerciseId, Helps};
use crate::domain::route::Route;
use crate::i18n::{
    exercise_matches, exercise_name, exercise_texts, helps_label, lang, t, texts, Key,
};
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::route_link::RouteLink;
use crate::ui::search_field::SearchField;
use crate::ui::text::text_signal;

#[component]
pub fn ExerciseLibrary(
    /// A line shown above the library (an unknown exercise in a link).
    #[prop(optional, into)]
    notice: Option<Signal<String>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let helps = RwSignal::new(None::<Helps>);
    let shown = Memo::new(move |_| {
        let q = query.get();
        filtered(helps.get())
            .into_iter()
            .filter(|&id| exercise_matches(id, &q))
            .collect::<Vec<_>>()
    });

    let filter = move |value: Option<Helps>| {
        let id = match value {
            Some(h) => format!("helps-{}", h.index()),
            None => "helps-all".to_string(),
        };
        let label = Signal::derive(move || match value {
            Some(h) => helps_label(h).to_string(),
            None => t(Key::ExercisesAll).to_string(),
        });
        view! {
            <RadioChoice
                name="helps"
                id=id
                label=label
                checked=Signal::derive(move || helps.get() == value)
                on_pick=move |_| helps.set(value)
            />
        }
    };

    let card = move |id: ExerciseId| {
        let spec = id.spec();
        let route = Route::Exercise(id.slug().to_string());
        let tags = move || {
            spec.helps
                .iter()
                .map(|h| helps_label(*h))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        view! {
            <li class="exercise-card">
                <h2>
                    <RouteLink route=route>{move || exercise_name(id)}</RouteLink>
                </h2>
                <p>{move || exercise_texts().purposes[id.index()]}</p>
                <p class="muted small">
                    {move || texts::exercise_minutes(lang(), &spec.minutes().to_string())}
                    " · "
                    {tags}
                </p>
            </li>
        }
    };

    view! {
        <section class="library" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::ExercisesTitle)}</h1>
            {notice.map(|n| view! { <p class="problem" role="alert">{n}</p> })}
            <p class="lead">{move || t(Key::ExercisesIntro)}</p>
            <div class="library-tools">
                <SearchField id=ids::EXERCISE_SEARCH label=text_signal(Key::ExercisesSearch) query=query />
                <fieldset class="filters">
                    <legend>{move || t(Key::ExercisesFilter)}</legend>
                    {filter(None)}
                    {Helps::ALL.into_iter().map(|h| filter(Some(h))).collect_view()}
                </fieldset>
            </div>
            <Show
                when=move || shown.with(|s| !s.is_empty())
                fallback=|| view! { <p role="status">{move || t(Key::ExercisesNone)}</p> }
            >
                <ul class="exercise-cards">
                    <For each=move || shown.get() key=|id| *id children=card />
                </ul>
            </Show>
        </section>
    }
}
