//! The root: context, the ticking clock with its time-up cue, and the
//! screen for the current route.

use leptos::prelude::*;

use crate::app::journal::Journal;
use crate::app::notices::{Notice, Notices};
use crate::app::router::provide_router;
use crate::app::sessions::Sessions;
use crate::app::ticker::provide_now;
use crate::domain::preset::Preset;
use crate::domain::rotation;
use crate::domain::route::Route;
use crate::i18n::Lang;
use crate::i18n::{lang, phase_name, t, texts, Key};
use crate::platform::{audio, records, storage::DeviceStorage};
use crate::platform::{embed, language, location};
use crate::ui::announcer::{Announcer, LiveRegion};
use crate::ui::header::Header;
use crate::ui::home::Home;
use crate::ui::ids;
use crate::ui::notice_bar::NoticeBar;
use crate::ui::screens::{self, show};
use crate::ui::session_screen::InitialFocus;
use crate::ui::shell;
use crate::ui::update_prompt::UpdatePrompt;

/// What the main area shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Screen {
    Home,
    Setup,
    Session(String),
    Open(String),
    Exercises,
    Exercise(String),
    History,
    Journal,
    /// An address that is neither a screen nor a link.
    Unreadable,
    /// The rotation, also when it opens a schedule's link (`#r1.…`): the
    /// screen reads the link from the route, so it stays while it does.
    Rotation,
    Rounds,
    Round(usize),
    Trainers,
    /// A session's address, without the session (the id).
    NotFound(String),
    /// An invitation to work together live (`#j1.…`, `#k1.…`).
    Join(String),
}

#[component]
pub fn App(
    /// Where to keep data; the browser's storage when not given (tests pass
    /// memory-only storage to play a browser that refuses it).
    #[prop(optional)]
    storage: Option<DeviceStorage>,
) -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    // A trainer's presets, from the page's address.
    let preset = Preset::parse(&location::query());
    // The trainers' preview keeps nothing and shows none of their data.
    let storage = match storage {
        Some(given) => given,
        None if preset.preview => DeviceStorage::preview(),
        None => DeviceStorage::open(),
    };
    provide_context(InitialFocus(StoredValue::new(records::load_focus(
        &storage,
    ))));
    let sessions = Sessions::provide(storage, notices);
    if preset.embed {
        embed::start();
    }
    // A language or sound chosen on the first screen, before the app ran,
    // is chosen as in the app.
    let stored = sessions.settings_untracked().language;
    let lang = starting_lang(&preset, stored.as_deref());
    // Its texts could not be fetched (the release build tried before the
    // app mounted): said, not silently English.
    if lang != asked_lang(&preset, stored.as_deref()) {
        notices.raise(Notice::LanguageUnavailable);
    }
    if let Some(chosen) = shell::chosen_language().as_deref().and_then(Lang::from_tag) {
        if chosen == lang {
            sessions.set_language(chosen.code());
            keep_in_address(chosen);
        }
    }
    if let Some(muted) = shell::chosen_muted() {
        sessions.set_muted(muted);
    }
    // A screen opened from the first screen is arrived at as one opened in
    // the app: at its title.
    if shell::went_elsewhere() {
        crate::ui::focus::focus_title_when_drawn();
    }
    shell::forget_choices();
    language::set_document_lang(lang.code());
    UiLang::provide(lang);
    Journal::provide(sessions);
    let router = provide_router();
    let announcer = Announcer::provide();
    // One exercise rather than the full flow: it opens in place of home.
    if let Some(id) = preset.exercise {
        if router.route_untracked() == Route::Home {
            router.replace(Route::Exercise(id.slug().to_string()));
        }
    }
    provide_context(Presets(StoredValue::new(preset)));

    provide_now(move |now| {
        let (Route::Session(id) | Route::SessionExercise { id, .. }) = router.route_untracked()
        else {
            return;
        };
        if let Some(phase) = sessions.take_cue(&id, now) {
            if !sessions.is_muted_untracked() {
                audio::chime();
            }
            announcer.say(texts::time_up_announce(
                crate::i18n::lang(),
                phase_name(phase),
            ));
        }
    });

    let screen = Memo::new(move |_| match router.route() {
        Route::Home => Screen::Home,
        Route::NewSession => Screen::Setup,
        Route::Session(id) | Route::SessionExercise { id, .. } if sessions.exists(&id) => {
            Screen::Session(id)
        }
        Route::Session(id) | Route::SessionExercise { id, .. } => Screen::NotFound(id),
        Route::Open(payload) if rotation::link::is_schedule_link(&payload) => Screen::Rotation,
        Route::Open(payload) if crate::domain::live::invite::is_invitation(&payload) => {
            Screen::Join(payload)
        }
        Route::Open(payload) => Screen::Open(payload),
        Route::Unreadable(_) => Screen::Unreadable,
        Route::Exercises => Screen::Exercises,
        Route::History => Screen::History,
        Route::Journal => Screen::Journal,
        Route::Rotation => Screen::Rotation,
        Route::Rounds => Screen::Rounds,
        Route::Trainers => Screen::Trainers,
        Route::Round(n) => Screen::Round(n),
        Route::Exercise(slug) => Screen::Exercise(slug),
    });

    // A new screen starts at its title (once drawn), where the focus went
    // with the old one.
    Effect::new(move |before: Option<Screen>| {
        let now = screen.get();
        if before.is_some_and(|before| before != now) {
            crate::ui::focus::focus_title_when_drawn();
        }
        now
    });

    // A change of language changes only the texts: every text reads the
    // language itself, so nothing here is drawn again.
    view! {
        <Header />
        <PresetNote />
        <NoticeBar />
        <UpdatePrompt />
        <main id=ids::MAIN>
            {move || match screen.get() {
                Screen::Home => view! { <Home /> }.into_any(),
                flow @ (Screen::Setup
                | Screen::Session(_)
                | Screen::NotFound(_)
                | Screen::Open(_)
                | Screen::Join(_)
                | Screen::Unreadable) => show!(screens::flow, flow),
                practice @ (Screen::Exercises
                | Screen::Exercise(_)
                | Screen::Rounds
                | Screen::Round(_)) => show!(screens::practice, practice),
                records @ (Screen::History | Screen::Journal) => show!(screens::records, records),
                team @ (Screen::Rotation | Screen::Trainers) => show!(screens::team, team),
            }}
        </main>
        <LiveRegion />
    }
}

/// A language chosen in the menu (the app's or the first screen's) is
/// also the address's: a link's `?lang=` would win over it at a reload.
fn keep_in_address(lang: Lang) {
    if let Some(query) = crate::domain::preset::with_lang(&location::query(), lang.code()) {
        location::replace_query(&query);
    }
}

/// The language this page asks for ([`Lang::starting`]); `stored` is the
/// one chosen on this device, if it is read.
fn asked_lang(preset: &Preset, stored: Option<&str>) -> Lang {
    Lang::starting(
        shell::chosen_language().as_deref(),
        preset.lang.as_deref(),
        stored,
        &language::browser_languages(),
    )
}

/// The language the app starts in: the one asked for, or English where its
/// texts are not at hand (the release build fetches them before the app
/// mounts; where that failed, everything is English, `lang` and the menu
/// too).
fn starting_lang(preset: &Preset, stored: Option<&str>) -> Lang {
    let lang = asked_lang(preset, stored);
    if crate::i18n::is_installed(lang) {
        lang
    } else {
        Lang::En
    }
}

/// The language the app will ask for on this page, before it runs: its
/// texts are made ready first.
pub fn starting_lang_of_page() -> Lang {
    let preset = Preset::parse(&location::query());
    let stored = if preset.preview {
        None
    } else {
        records::stored_language(&DeviceStorage::open())
    };
    asked_lang(&preset, stored.as_deref())
}

/// The trainer's presets of this page (see [`Preset`]).
#[derive(Clone, Copy)]
pub struct Presets(pub StoredValue<Preset>);

/// The presets, or none (a view tested on its own).
pub fn use_presets() -> Preset {
    use_context::<Presets>().map_or_else(Preset::default, |p| p.0.get_value())
}

/// Says which parameters of the page's address were ignored (unknown, or
/// a value that is not valid), showing them as text.
#[component]
fn PresetNote() -> impl IntoView {
    let ignored = use_presets().ignored;
    let shown = RwSignal::new(!ignored.is_empty());
    let list = ignored
        .iter()
        .map(|(name, value)| {
            if value.is_empty() {
                name.clone()
            } else {
                format!("{name}={value}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let list = StoredValue::new(list);
    view! {
        <Show when=move || shown.get()>
            <div class="notices">
                <div class="notice" role="status">
                    <p>{move || list.with_value(|list| texts::preset_ignored(lang(), list))}</p>
                    <button type="button" class="ghost" on:click=move |_| shown.set(false)>
                        {move || t(Key::Dismiss)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The language on screen: a signal, so a view that shows a text reads
/// it (through `i18n::lang()`, `t`, the typed texts) and follows a change.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

thread_local! {
    /// The app's language, for `i18n::lang()` (which cannot reach context
    /// from an event handler).
    static UI_LANG: std::cell::Cell<Option<RwSignal<Lang>>> = const { std::cell::Cell::new(None) };
}

/// The app's language, tracked where a view reads it.
fn ui_lang() -> Lang {
    UI_LANG
        .with(std::cell::Cell::get)
        .and_then(|lang| lang.try_get())
        .unwrap_or(Lang::En)
}

impl UiLang {
    /// The language on screen, provided to the views and read by
    /// `i18n::lang()` from now on.
    pub fn provide(lang: Lang) -> UiLang {
        let lang = UiLang(RwSignal::new(lang));
        UI_LANG.with(|current| current.set(Some(lang.0)));
        crate::i18n::set_lang_source(ui_lang);
        provide_context(lang);
        lang
    }

    /// Speak `lang` from now on: remembered on this device, said to the
    /// page (`lang`), and every text on screen follows.
    pub fn choose(&self, lang: Lang, sessions: crate::app::sessions::Sessions) {
        if crate::i18n::is_installed(lang) {
            sessions.notices().dismiss(Notice::LanguageUnavailable);
            language::set_document_lang(lang.code());
            sessions.set_language(lang.code());
            keep_in_address(lang);
            self.0.set(lang);
        } else {
            // The release build fetches the texts first (`catalogues`); the
            // screen changes language once, when they are here (and stays
            // as it was where they cannot be fetched).
            let ui = *self;
            leptos::task::spawn_local(async move {
                if super::catalogues::ready(lang).await {
                    ui.choose(lang, sessions);
                } else {
                    // The menu shows the language still spoken, and the
                    // page says why.
                    ui.0.set(ui.0.get_untracked());
                    sessions.notices().raise_again(Notice::LanguageUnavailable);
                }
            });
        }
    }
}
