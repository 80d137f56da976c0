//! Opening a shared link: decode it, ask for the passphrase if it is
//! protected, then add the session, open it, or let the user merge it with
//! the version already here. A bad link says what is wrong and what to do,
//! and changes nothing on this device.

use leptos::prelude::*;

use crate::app::link_text::link_error_text;
use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::app::sharing::{arrive, unlock, Arrival, UnlockError};
use crate::domain::route::Route;
use crate::domain::session::Session;
use crate::domain::share::{self, Decoded, Envelope, LinkError};
use crate::i18n::{t, Key};
use crate::ui::ids;
use crate::ui::merge_view::MergeView;
use crate::ui::open_box::OpenBox;

#[derive(Clone)]
enum Opening {
    Failed(LinkError),
    Locked(Envelope),
    Merge(Box<(Session, Session)>),
    Done,
}

#[component]
pub fn OpenLink(
    /// The link's payload (what follows `#`), or pasted text.
    payload: String,
) -> impl IntoView {
    let router = use_router();
    let sessions = use_sessions();
    let state = RwSignal::new(Opening::Done);

    let take = move |session: Session| match arrive(&sessions, session) {
        Arrival::Added(id) | Arrival::Same(id) => {
            state.set(Opening::Done);
            router.replace(Route::Session(id));
        }
        Arrival::Differs { mine, theirs } => state.set(Opening::Merge(Box::new((*mine, *theirs)))),
    };

    match share::decode(&payload) {
        Ok(Decoded::Session(session)) => take(session),
        Ok(Decoded::Locked(envelope)) => state.set(Opening::Locked(envelope)),
        Err(error) => state.set(Opening::Failed(error)),
    }
    // A bad link leaves the address bar at once; a protected one or one to
    // merge stays until it is opened, so a reload does not lose it.
    if matches!(state.get_untracked(), Opening::Failed(_)) {
        crate::platform::location::replace_hash("#/");
    }

    move || match state.get() {
        Opening::Failed(error) => {
            let error = link_error_text(&error);
            view! {
            <section class="open" aria-labelledby=ids::SCREEN_TITLE>
                <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::OpenFailedTitle)}</h1>
                <div class="problem" role="alert">
                    <p>{move || t(error)}</p>
                    <p class="muted">{move || t(Key::OpenUntouched)}</p>
                </div>
                <OpenBox />
                <button type="button" on:click=move |_| router.go(Route::Home)>{move || t(Key::Home)}</button>
            </section>
            }
            .into_any()
        }
        Opening::Locked(envelope) => view! { <Unlock envelope=envelope on_open=take /> }.into_any(),
        Opening::Merge(pair) => {
            let (mine, theirs) = *pair;
            view! { <MergeView mine=mine theirs=theirs /> }.into_any()
        }
        Opening::Done => ().into_any(),
    }
}

/// An address that is neither a page of the app nor a link (`#/nope`,
/// `#hello`): say so, with the paste box, and change nothing.
#[component]
pub fn UnreadableAddress() -> impl IntoView {
    let router = use_router();
    // As a bad link does, it leaves the address bar.
    crate::platform::location::replace_hash("#/");
    view! {
        <section class="open" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::AddressUnreadableTitle)}</h1>
            <div class="problem" role="alert">
                <p>{move || t(Key::AddressUnreadable)}</p>
                <p class="muted">{move || t(Key::OpenUntouched)}</p>
            </div>
            <OpenBox />
            <button type="button" on:click=move |_| router.go(Route::Home)>{move || t(Key::Home)}</button>
        </section>
    }
}

/// The passphrase form of a protected link; a wrong passphrase may be
/// tried again.
#[component]
fn Unlock(envelope: Envelope, #[prop(into)] on_open: Callback<Session>) -> impl IntoView {
    let router = use_router();
    let envelope = StoredValue::new(envelope);
    let passphrase = RwSignal::new(String::new());
    // Unlocking: the value is the reason a try failed (none once opened).
    let unlocking = Action::new_local(move |(envelope, words): &(Envelope, String)| {
        let (envelope, words) = (envelope.clone(), words.clone());
        async move {
            match unlock(&envelope, &words).await {
                Ok(session) => {
                    on_open.run(session);
                    None
                }
                Err(e) => {
                    crate::ui::focus::focus_later(ids::OPEN_PASSPHRASE);
                    Some(match e {
                        UnlockError::Link(e) => link_error_text(&e),
                        UnlockError::NoCrypto => Key::OpenNoCrypto,
                    })
                }
            }
        }
    });
    let busy = unlocking.pending();
    // Hidden while a try runs, so the same message is announced again on a
    // retry.
    let error = move || {
        if busy.get() {
            None
        } else {
            unlocking.value().get().flatten()
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // As typed: unlocking tries what a listener may have meant.
        unlocking.dispatch_local((envelope.get_value(), passphrase.get_untracked()));
    };
    view! {
        <section class="open" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::OpenLockedTitle)}</h1>
            <p>{move || t(Key::OpenLockedIntro)}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for=ids::OPEN_PASSPHRASE>{move || t(Key::OpenPassphraseLabel)}</label>
                    <input
                        type="text"
                        id=ids::OPEN_PASSPHRASE
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        aria-describedby=ids::OPEN_ERROR
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </div>
                <p id=ids::OPEN_ERROR role="alert" class="problem-text">
                    {move || error().map(t)}
                </p>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || busy.get()>
                        {move || t(if busy.get() { Key::OpenUnlocking } else { Key::OpenUnlock })}
                    </button>
                    <button type="button" on:click=move |_| router.go(Route::Home)>{move || t(Key::Cancel)}</button>
                </div>
            </form>
        </section>
    }
}
