//! The presence line both sides show while connected (or after the
//! connection is lost, or the other person left), with Leave, and what is
//! said politely to screen readers: who is connected, and what the other
//! person did (a move, the time-box; never typing).

use leptos::prelude::*;

use crate::app::live::{use_live, Link, Live};
use crate::app::live_sync::{said, Said};
use crate::app::sessions::{use_sessions, Sessions};
use crate::domain::flow::Step;
use crate::domain::live::news::News;
use crate::domain::live::other_name;
use crate::i18n::{lang, t, texts, Key};
use crate::ui::announcer::use_announcer;
use crate::ui::ids;

/// The other person's name as the texts say it.
pub fn partner(name: Option<String>) -> String {
    name.unwrap_or_else(|| t(Key::LivePartner).to_string())
}

/// The other person's name while connected: the one they gave, else the
/// session's other person where that can be told, else "the other person".
/// Follows the session's arrival (the joiner's copy comes a moment after
/// the connection opens).
fn partner_here(live: &Live, sessions: Sessions, name: Option<String>) -> String {
    partner(known_partner(live, sessions, name))
}

/// The other person's name, if it can be told yet.
fn known_partner(live: &Live, sessions: Sessions, name: Option<String>) -> Option<String> {
    name.or_else(|| {
        let id = live.session_id().get()?;
        if !sessions.exists(&id) {
            return None;
        }
        let names = sessions.get_untracked(&id)?.names;
        other_name(&names, &live.my_name())
    })
}

thread_local! {
    /// "Connected" has been said for the connection open now. Kept by the
    /// page, not by an announcer: the joiner's screen changes (from the
    /// invitation to the session) in the moment the name is waited for.
    static SAID_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How long "connected" waits for the other person's name (their hello,
/// or the session that names them, comes a moment after the connection
/// opens), so that it is said once, with the name, rather than as "the
/// other person" and again with the name.
const NAME_WAIT_MS: u64 = 1500;

/// Who is connected, or that the connection was lost, with Leave. Said
/// politely to screen readers when it changes (not on every message).
#[component]
pub fn LivePresence() -> impl IntoView {
    let live = use_live();
    let link = live.link();
    let name = live.peer_name();
    let who = {
        let live = StoredValue::new(live.clone());
        let sessions = use_sessions();
        move |name: Option<String>| live.with_value(|live| partner_here(live, sessions, name))
    };
    let left = move || matches!(said().get(), Some((_, Said::Left)));
    let line = move || match link.get() {
        Link::Open => Some(texts::live_connected_with(lang(), &who(name.get()))),
        Link::Lost if left() => Some(crate::i18n::sentence(texts::live_other_left(
            lang(),
            &who(name.get()),
        ))),
        Link::Lost => Some(t(Key::LiveLost).to_string()),
        _ => None,
    };
    view! {
        <Show when=move || matches!(link.get(), Link::Open | Link::Lost)>
            <div class="live-presence" class:lost=move || link.get() == Link::Lost>
                <p id=ids::LIVE_PRESENCE tabindex="-1">
                    <span class="live-dot" aria-hidden="true"></span>
                    {line}
                </p>
                // Both edited one field, or the other app is another
                // version: said aloud, and left on show until the next.
                {move || {
                    said()
                        .get()
                        .filter(|(_, w)| matches!(w, Said::BothEdited | Said::OtherVersion))
                        .map(|(_, w)| {
                            view! {
                                <p class="live-note">
                                    {said_text(w, &who(name.get()), |_| String::new())}
                                </p>
                            }
                        })
                }}
                <button
                    type="button"
                    on:click={
                        let live = live.clone();
                        move |_| {
                            let open = link.get_untracked() == Link::Open;
                            crate::app::live_sync::leaving();
                            live.leave();
                            if open {
                                use_announcer().say(t(Key::LiveLeft).to_string());
                            }
                        }
                    }
                >
                    // Once the connection is gone there is nothing to
                    // leave: the line is closed.
                    {move || t(if link.get() == Link::Open { Key::LiveLeave } else { Key::ShareClose })}
                </button>
            </div>
        </Show>
    }
}

/// What to say of something the other person did.
pub fn said_text(what: Said, who: &str, step: impl Fn(Step) -> String) -> String {
    crate::i18n::sentence(said_words(what, who, step))
}

fn said_words(what: Said, who: &str, step: impl Fn(Step) -> String) -> String {
    match what {
        Said::News(News::Moved(to)) => texts::live_news_moved(lang(), who, &step(to)),
        Said::News(News::Started) => texts::live_news_started(lang(), who),
        Said::News(News::Paused) => texts::live_news_paused(lang(), who),
        Said::News(News::MoreTime) => texts::live_news_more_time(lang(), who),
        Said::BothEdited => texts::live_both_edited(lang(), who),
        Said::OtherVersion => texts::live_other_version(lang(), who),
        Said::Left => texts::live_other_left(lang(), who),
    }
}

/// The turn a step belongs to, if it belongs to one.
fn step_turn(step: Step) -> Option<usize> {
    match step {
        Step::Phase { turn, .. } | Step::Turn { turn } => Some(turn),
        _ => None,
    }
}

/// Announces each change of the presence (connected with whom, lost),
/// once: mounted once per screen that can be live.
#[component]
pub fn PresenceAnnouncer() -> impl IntoView {
    let live = use_live();
    let link = live.link();
    let name = live.peer_name();
    let announcer = use_announcer();
    // What the other person did (a move, the time-box; never typing),
    // once each.
    let sessions = use_sessions();
    let session = live.session_id();
    let here = live.clone();
    // A joiner whose session never came has nothing to keep working on:
    // the join screen says what to do instead (`LiveSessionMissed`).
    let has_session = move || {
        session
            .get_untracked()
            .is_some_and(|id| sessions.exists_untracked(&id))
    };
    Effect::new(move |prev: Option<Option<u32>>| {
        let now = said().get();
        if let (Some((n, what)), Some(prev)) = (now, prev) {
            if prev != Some(n) && (what != Said::Left || has_session()) {
                let who = partner_here(&here, sessions, name.get_untracked());
                let step_of = |step| {
                    session
                        .get_untracked()
                        .and_then(|id| sessions.get_untracked(&id))
                        .map(|s| {
                            let client = step_turn(step)
                                .and_then(|t| s.turns.get(t))
                                .map_or(0, |t| t.client);
                            crate::ui::step_nav::step_label(step, &s.names, client)
                        })
                        .unwrap_or_default()
                };
                announcer.say(said_text(what, &who, step_of));
            }
        }
        now.map(|(n, _)| n)
    });
    // Who, as the line shows it: said once the name is known (or after a
    // moment without it), and named again if the name comes later still.
    let said_open = || SAID_OPEN.with(std::cell::Cell::get);
    let say_open = move |who: &str| {
        SAID_OPEN.with(|s| s.set(true));
        announcer.say(texts::live_connected_with(lang(), who));
    };
    Effect::new(move |prev: Option<(Link, Option<String>)>| {
        let now = (link.get(), known_partner(&live, sessions, name.get()));
        if now.0 != Link::Open {
            SAID_OPEN.with(|s| s.set(false));
        }
        if let Some(prev) = prev.filter(|p| *p != now) {
            match now.0 {
                Link::Open if now.1.is_some() || said_open() => {
                    say_open(&partner(now.1.clone()));
                }
                Link::Open if prev.0 != Link::Open => {
                    let live = live.clone();
                    set_timeout(
                        move || {
                            // This view may be gone by then; the connection's
                            // signals and the announcer live with the page.
                            if link.try_get_untracked() == Some(Link::Open) && !said_open() {
                                let who = untrack(|| partner_here(&live, sessions, name.get()));
                                say_open(&who);
                            }
                        },
                        std::time::Duration::from_millis(NAME_WAIT_MS),
                    );
                }
                Link::Open => {}
                // "… left" was said already when the other person left.
                Link::Lost
                    if prev.0 != Link::Lost
                        && has_session()
                        && !matches!(said().get_untracked(), Some((_, Said::Left))) =>
                {
                    announcer.say(t(Key::LiveLost).to_string())
                }
                _ => {}
            }
        }
        now
    });
}
