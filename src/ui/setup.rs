//! Setup: format, names, length and the split of each half.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::domain::flow::{Format, Phase};
use crate::domain::plan::{MAX_TOTAL_MINUTES, MIN_TOTAL_MINUTES};
use crate::domain::route::Route;
use crate::domain::session::Setup;
use crate::domain::setup::MinutesField;
use crate::i18n::{lang, person, phase_name, t, texts, Key, Lang};
use crate::platform::records;
use crate::ui::fields::{enter_moves_on, TextField};
use crate::ui::focus::focus_later;
use crate::ui::group_setup::GroupSetup;
use crate::ui::ids;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

#[component]
pub fn SetupScreen() -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    // A trainer's preset format and phase minutes, if any.
    let preset = crate::ui::app::use_presets();
    let initial = Setup::from_preset(preset.format, preset.minutes);
    // The form as it was left in this tab (a reload, the update prompt's or
    // a phone's that put the tab to sleep, loses nothing typed): kept at
    // each change, forgotten when the session begins or the form is
    // cancelled. Kept too where it shows as new but holds other formats'
    // minutes (a group's length, for a switch back); said only where it
    // shows other than new.
    let tab = sessions.tab();
    let left = records::load_setup_draft(&tab).filter(|left| *left != initial);
    let restored = RwSignal::new(left.as_ref().is_some_and(|left| !left.shows_as(&initial)));
    let setup = RwSignal::new(left.unwrap_or_else(|| initial.clone()));
    let fresh = StoredValue::new(initial);
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        setup.with(|now| {
            if !done.get_value() {
                let changed = fresh.with_value(|fresh| now != fresh);
                records::save_setup_draft(&tab, changed.then_some(now));
            }
        });
    });
    // A number being typed counts once its field is left; where the page is
    // left first (a reload, a phone putting the tab to sleep), the form is
    // kept with it.
    let typing = StoredValue::new(None::<(MinutesField, String)>);
    let keep_typing = move || {
        if done.get_value() {
            return;
        }
        if let Some((field, text)) = typing.get_value() {
            let mut now = setup.get_untracked();
            now.enter_minutes(field, &text);
            let changed = fresh.with_value(|fresh| now != *fresh);
            records::save_setup_draft(&sessions.tab(), changed.then_some(&now));
        }
    };
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            keep_typing();
        }
    });
    let left = window_event_listener(leptos::ev::pagehide, move |_| keep_typing());
    on_cleanup(move || {
        hidden.remove();
        left.remove();
    });
    let minutes_input = move |field: MinutesField| {
        move |ev: leptos::ev::Event| typing.set_value(Some((field, event_target_value(&ev))))
    };
    let minutes_change = move |field: MinutesField| {
        move |ev: leptos::ev::Event| {
            typing.set_value(None);
            setup.update(|s| s.enter_minutes(field, &event_target_value(&ev)));
        }
    };
    let forget = move || {
        done.set_value(true);
        records::save_setup_draft(&sessions.tab(), None);
    };
    let start_afresh = move |_| {
        typing.set_value(None);
        setup.set(fresh.get_value());
        restored.set(false);
        focus_later(ids::SCREEN_TITLE);
    };

    let format_choice = move |format: Format, label: Key, help: Key| {
        view! {
            <RadioChoice
                name="format"
                id=match format {
                    Format::Reciprocal => "format-reciprocal",
                    Format::OneWay => "format-oneway",
                    Format::Group(_) => "format-group",
                }
                label=text_signal(label)
                help=text_signal(help)
                checked=Signal::derive(move || setup.with(|s| {
                    std::mem::discriminant(&s.format) == std::mem::discriminant(&format)
                }))
                on_pick=move |_| setup.update(|s| s.set_format(format))
            />
        }
    };

    let name_field = move |who: usize, id: &'static str, label: Key| {
        view! {
            <TextField
                id=id
                enter_hint="next"
                label=text_signal(label)
                value=Signal::derive(move || setup.with(|s| s.names[who].clone()))
                on_input=move |v: String| setup.update(|s| s.names[who] = v)
            />
        }
    };

    let roles = move || {
        setup.with(|s| {
            let (text, names): (fn(Lang, &str, &str) -> String, _) = match s.format {
                Format::Reciprocal => (texts::roles_reciprocal, &s.names[..]),
                Format::OneWay => (texts::roles_one_way, &s.names[..]),
                Format::Group(_) => (texts::roles_group, &s.members[..]),
            };
            text(lang(), &person(names, 0), &person(names, 1))
        })
    };

    let is_group = move || setup.with(|s| s.format.is_group());

    let begin = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = sessions.create(&setup.get_untracked());
        forget();
        router.go(Route::Session(id));
    };

    view! {
        <section class="setup" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::SetupTitle)}</h1>
            <Show when=move || restored.get()>
                <div class="notice restored" role="status">
                    <p>{move || t(Key::SetupRestored)}</p>
                    <button type="button" class="ghost" on:click=start_afresh>
                        {move || t(Key::SetupStartAfresh)}
                    </button>
                </div>
            </Show>
            // Enter moves on from field to field; only Begin begins.
            <form on:submit=begin on:keydown=|ev| enter_moves_on(&ev)>
                <fieldset>
                    <legend>{move || t(Key::FormatLegend)}</legend>
                    {format_choice(Format::Reciprocal, Key::FormatReciprocal, Key::FormatReciprocalHelp)}
                    {format_choice(Format::OneWay, Key::FormatOneWay, Key::FormatOneWayHelp)}
                    {format_choice(Format::Group(0), Key::FormatGroup, Key::FormatGroupHelp)}
                </fieldset>
                <Show
                    when=is_group
                    fallback=move || view! {
                        <div class="names">
                            {name_field(0, "name-a", Key::NameA)}
                            {name_field(1, "name-b", Key::NameB)}
                        </div>
                        <p class="help">{move || t(Key::NamesHelp)}</p>
                    }
                >
                    <GroupSetup setup=setup />
                </Show>
                <div class="field">
                    <label for=ids::TOTAL>{move || t(Key::TotalMinutes)}</label>
                    <p class="help" id=ids::TOTAL_HELP>
                        {move || {
                            setup.with(|s| match s.format {
                                Format::Group(_) => t(Key::GroupTotalHelp).to_string(),
                                // An odd total is a minute less: the help says
                                // what each half gets, so nothing changes unseen.
                                Format::Reciprocal => texts::total_help_halves(lang(), &(s.total_minutes / 2).to_string()),
                                Format::OneWay => t(Key::TotalHelp).to_string(),
                            })
                        }}
                    </p>
                    <input
                        type="number"
                        id=ids::TOTAL
                        inputmode="numeric"
                        enterkeyhint="next"
                        min=MIN_TOTAL_MINUTES
                        max=MAX_TOTAL_MINUTES
                        // A pair's halves are equal: its total goes up and
                        // down by two (a step of one would be made even again).
                        step=move || if setup.with(|s| s.format == Format::Reciprocal) { "2" } else { "1" }
                        aria-describedby=ids::TOTAL_HELP
                        prop:value=move || setup.with(|s| s.total_minutes.to_string())
                        on:input=minutes_input(MinutesField::Total)
                        on:change=minutes_change(MinutesField::Total)
                    />
                </div>
                <Show when=move || !is_group()>
                <fieldset class="split">
                    <legend>{move || t(Key::SplitLegend)}</legend>
                    <p class="help">
                        {move || t(if setup.with(|s| s.format == Format::OneWay) {
                            Key::SplitHelpOneWay
                        } else {
                            Key::SplitHelpReciprocal
                        })}
                    </p>
                    <div class="split-grid">
                        {Phase::ALL
                            .into_iter()
                            .map(|phase| {
                                let id = format!("split-{}", phase.index());
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>
                                            {move || phase_name(phase)}
                                            <span class="sr-only">{format!(" ({})", t(Key::MinutesShort))}</span>
                                        </label>
                                        <div class="with-unit">
                                            <input
                                                type="number"
                                                id=id
                                                inputmode="numeric"
                                                enterkeyhint="next"
                                                min="1"
                                                max=MAX_TOTAL_MINUTES
                                                prop:value=move || setup.with(|s| s.plan[phase.index()].to_string())
                                                on:input=minutes_input(MinutesField::Phase(phase))
                                                on:change=minutes_change(MinutesField::Phase(phase))
                                            />
                                            <span aria-hidden="true">{move || t(Key::MinutesShort)}</span>
                                        </div>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                </Show>
                <p class="roles">{roles}</p>
                <div class="actions">
                    <button type="submit" class="primary big">{move || t(Key::Begin)}</button>
                    <button
                        type="button"
                        on:click=move |_| {
                            forget();
                            router.go(Route::Home);
                        }
                    >
                        {move || t(Key::Cancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}
