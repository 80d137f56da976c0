//! For trainers: build a link that opens the app as a course needs it
//! (embed mode, one exercise or the full flow, the format, the phase
//! minutes, the language, sharing shown or not), the iframe code for the
//! course page, and a live preview of it.

use leptos::prelude::*;

use crate::domain::exercise::ExerciseId;
use crate::domain::flow::{Format, Phase};
use crate::domain::plan;
use crate::domain::preset::{Preset, MAX_PHASE_MINUTES};
use crate::i18n::{exercise_name, lang, phase_name, t, texts, Key, Lang};
use crate::platform::location;
use crate::ui::ids;
use crate::ui::link_copy::copy_action;
use crate::ui::radio_choice::RadioChoice;
use crate::ui::text::text_signal;

/// The iframe code for a course page: the app, allowed to use the
/// clipboard, and a listener that sets its height from the app's messages.
/// A frame sandboxed without `allow-same-origin` posts from the origin
/// `null`: accepted too, since only the frame that sent it is resized.
pub fn snippet(link: &str, origin: &str) -> String {
    format!(
        "<iframe src=\"{link}\" title=\"Peer Coach\" style=\"width:100%;height:640px;border:0\" allow=\"clipboard-write\"></iframe>\n\
         <script>\n\
         addEventListener('message', (e) => {{\n\
         \x20 if ((e.origin !== '{origin}' && e.origin !== 'null') || !e.data || e.data.type !== 'peer-coach:height') return;\n\
         \x20 for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';\n\
         }});\n\
         </script>"
    )
}

#[component]
pub fn TrainersScreen() -> impl IntoView {
    let preset = RwSignal::new(Preset {
        embed: true,
        ..Preset::default()
    });
    let page = location::page_without_query();
    let origin = page
        .find("://")
        .and_then(|at| {
            page[at + 3..]
                .find('/')
                .map(|slash| page[..at + 3 + slash].to_string())
        })
        .unwrap_or_else(|| page.clone());
    let link = {
        let page = page.clone();
        Memo::new(move |_| format!("{page}{}", preset.with(Preset::to_query)))
    };
    // The preview keeps nothing and shows none of the trainer's own data.
    let preview_src = {
        let page = page.clone();
        Memo::new(move |_| format!("{page}{}", preset.with(Preset::preview_query)))
    };
    let code = {
        let origin = origin.clone();
        Memo::new(move |_| snippet(&link.get(), &origin))
    };
    // Where the browser refuses the clipboard, the field is selected to copy
    // by hand.
    let copy = copy_action();
    let status_of = move |what: &'static str| {
        move || {
            copy.value().get().filter(|c| c.target == what).map(|c| {
                t(if c.done {
                    Key::TrainersCopied
                } else {
                    Key::TrainersCopyBlocked
                })
            })
        }
    };

    let exercise_option = move |id: ExerciseId| {
        view! {
            <option value=id.slug() selected=move || preset.with(|p| p.exercise == Some(id))>
                {move || exercise_name(id)}
            </option>
        }
    };
    let format_choice = move |format: Option<Format>, id: &'static str, label: Key| {
        view! {
            <RadioChoice
                name="trainer-format"
                id=id
                label=text_signal(label)
                checked=Signal::derive(move || preset.with(|p| p.format == format))
                on_pick=move |_| preset.update(|p| p.format = format)
            />
        }
    };
    let minutes_field = move |phase: Phase| {
        let id = format!("trainer-minutes-{}", phase.index());
        view! {
            <div class="field">
                <label for=id.clone()>{move || phase_name(phase)}</label>
                <input
                    type="number"
                    id=id
                    inputmode="numeric"
                    min="1"
                    max=MAX_PHASE_MINUTES
                    prop:value=move || preset.with(|p| p.minutes.map_or(0, |m| m[phase.index()]).to_string())
                    on:change=move |ev| {
                        let typed = event_target_value(&ev).trim().parse::<u32>().ok();
                        preset.update(|p| {
                            if let (Some(m), Some(v)) = (p.minutes.as_mut(), typed) {
                                m[phase.index()] = v.clamp(1, MAX_PHASE_MINUTES);
                            }
                        });
                    }
                />
            </div>
        }
    };

    view! {
        <section class="trainers" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::TrainersTitle)}</h1>
            <p class="lead">{move || t(Key::TrainersIntro)}</p>
            <div class="trainers-grid">
                <form class="trainer-form" on:submit=|ev| ev.prevent_default()>
                    <div class="field">
                        <label for=ids::TRAINER_WHAT>{move || t(Key::TrainersWhat)}</label>
                        <select
                            id=ids::TRAINER_WHAT
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                preset.update(|p| p.exercise = ExerciseId::from_slug(&v));
                            }
                        >
                            <option value="" selected=move || preset.with(|p| p.exercise.is_none())>
                                {move || t(Key::TrainersFullFlow)}
                            </option>
                            {ExerciseId::ALL.into_iter().map(exercise_option).collect_view()}
                        </select>
                    </div>
                    <Show when=move || preset.with(|p| p.exercise.is_none())>
                        <fieldset>
                            <legend>{move || t(Key::FormatLegend)}</legend>
                            {format_choice(None, "trainer-format-any", Key::TrainersAnyFormat)}
                            {format_choice(Some(Format::Reciprocal), "trainer-format-reciprocal", Key::FormatReciprocal)}
                            {format_choice(Some(Format::OneWay), "trainer-format-oneway", Key::FormatOneWay)}
                        </fieldset>
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=ids::TRAINER_SET_MINUTES
                                prop:checked=move || preset.with(|p| p.minutes.is_some())
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    preset.update(|p| p.minutes = on.then(|| plan::split(30)));
                                }
                            />
                            <label for=ids::TRAINER_SET_MINUTES>{move || t(Key::TrainersSetMinutes)}</label>
                        </div>
                        <Show when=move || preset.with(|p| p.minutes.is_some())>
                            <div class="split-grid">{Phase::ALL.into_iter().map(minutes_field).collect_view()}</div>
                            // The session these minutes make, and why a link
                            // leaves them out when the setup would not take them.
                            <p
                                role="status"
                                class=move || if preset.with(Preset::minutes_fit) { "help-line" } else { "gentle" }
                            >
                                {move || {
                                    let n = preset.with(Preset::session_minutes).unwrap_or(0);
                                    let n = crate::i18n::number(n as usize);
                                    if preset.with(Preset::minutes_fit) {
                                        texts::trainers_minutes_session(lang(), &n)
                                    } else {
                                        texts::trainers_minutes_left_out(lang(), &n)
                                    }
                                }}
                            </p>
                        </Show>
                    </Show>
                    <div class="field">
                        <label for=ids::TRAINER_LANG>{move || t(Key::LanguageLabel)}</label>
                        <select
                            id=ids::TRAINER_LANG
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                preset.update(|p| p.lang = Lang::from_tag(&v).map(|l| l.code().to_string()));
                            }
                        >
                            <option value="">{move || t(Key::TrainersAnyLanguage)}</option>
                            {Lang::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="choice">
                        <input
                            type="checkbox"
                            id=ids::TRAINER_SHARE
                            prop:checked=move || preset.with(Preset::shows_sharing)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                preset.update(|p| p.share = (!on).then_some(false));
                            }
                        />
                        <label for=ids::TRAINER_SHARE>{move || t(Key::TrainersShare)}</label>
                    </div>
                    <div class="choice">
                        <input
                            type="checkbox"
                            id=ids::TRAINER_EMBED
                            prop:checked=move || preset.with(|p| p.embed)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                preset.update(|p| p.embed = on);
                            }
                        />
                        <label for=ids::TRAINER_EMBED>{move || t(Key::TrainersEmbed)}</label>
                    </div>
                </form>
                <div class="trainer-output">
                    <div class="field">
                        <label for=ids::TRAINER_LINK>{move || t(Key::TrainersLink)}</label>
                        <input type="text" id=ids::TRAINER_LINK readonly prop:value=move || link.get() />
                    </div>
                    <div class="actions">
                        <button type="button" on:click=move |_| {
                            copy.dispatch_local((ids::TRAINER_LINK, link.get_untracked()));
                        }>
                            {move || t(Key::TrainersCopyLink)}
                        </button>
                        <p class="help-line" role="status">{status_of(ids::TRAINER_LINK)}</p>
                    </div>
                    <div class="field">
                        <label for=ids::TRAINER_CODE>{move || t(Key::TrainersSnippet)}</label>
                        <p class="help" id=ids::TRAINER_CODE_HELP>{move || t(Key::TrainersSnippetHelp)}</p>
                        <textarea
                            id=ids::TRAINER_CODE
                            rows=7
                            readonly
                            aria-describedby=ids::TRAINER_CODE_HELP
                            prop:value=move || code.get()
                        ></textarea>
                    </div>
                    <div class="actions">
                        <button type="button" on:click=move |_| {
                            copy.dispatch_local((ids::TRAINER_CODE, code.get_untracked()));
                        }>
                            {move || t(Key::TrainersCopyCode)}
                        </button>
                        <p class="help-line" role="status">{status_of(ids::TRAINER_CODE)}</p>
                    </div>
                </div>
            </div>
            <section aria-labelledby=ids::TRAINER_PREVIEW_TITLE>
                <h2 id=ids::TRAINER_PREVIEW_TITLE>{move || t(Key::TrainersPreview)}</h2>
                <iframe
                    class="trainer-preview"
                    title=move || t(Key::TrainersPreviewTitle)
                    src=move || preview_src.get()
                    allow="clipboard-write"
                ></iframe>
            </section>
        </section>
    }
}
