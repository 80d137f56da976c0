//! Opening an invitation to work together: who invites, to which session,
//! then the reply code to paste back, with plain steps. A stale, reused,
//! garbled or wrongly unlocked invitation says what happened and what to do.

use leptos::prelude::*;

use crate::app::live::{
    check_invitation, open_invitation, unseal, use_live, Link, LiveError, Stage,
};
use crate::app::router::use_router;
use crate::app::sessions::use_sessions;
use crate::domain::live::invite::{Invitation, Opened};
use crate::domain::route::Route;
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::{local_time, now_ms};
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::live_parts::{error_text, is_network, CodeToCopy};
use crate::ui::live_presence::{partner, LivePresence, PresenceAnnouncer};
use crate::ui::text::text_signal;

#[derive(Clone)]
enum Reading {
    Failed(LiveError),
    Locked(crate::domain::live::invite::Sealed),
    Ready(Box<Invitation>),
}

#[component]
pub fn JoinScreen(
    /// The invitation's payload (what follows `#`).
    payload: String,
) -> impl IntoView {
    let live = use_live();
    let sessions = use_sessions();
    let router = use_router();
    let storage = sessions.storage();
    let ready = move |invitation: Invitation| match check_invitation(&invitation, &storage) {
        Ok(()) => Reading::Ready(Box::new(invitation)),
        Err(e) => Reading::Failed(LiveError::Code(e)),
    };
    let reading = RwSignal::new(match open_invitation(&payload) {
        Ok(Opened::Plain(invitation)) => ready(invitation),
        Ok(Opened::Locked(sealed)) => Reading::Locked(sealed),
        Err(e) => Reading::Failed(LiveError::Code(e)),
    });
    // A new invitation on this page starts over (a reload keeps the
    // address: the device remembers it answered, and says so).
    if !matches!(live.stage_untracked(), Stage::Open) {
        live.leave();
    }
    // Connected, and the session came over: open it (both see the same
    // session from then on; the presence line goes with it).
    {
        let link = live.link();
        let session = live.session_id();
        Effect::new(move || {
            if link.get() != Link::Open {
                return;
            }
            if let Some(id) = session.get().filter(|id| sessions.exists(id)) {
                router.replace(Route::Session(id));
            }
        });
    }
    let my_name = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let unlock_error = RwSignal::new(None::<LiveError>);
    let stage = live.stage();
    let inviter = live.peer_name();

    let unlocking = Action::new_local(
        move |(sealed, typed): &(crate::domain::live::invite::Sealed, String)| {
            let (sealed, typed, ready) = (sealed.clone(), typed.clone(), ready.clone());
            async move {
                match unseal(&sealed, &typed).await {
                    Ok(invitation) => {
                        unlock_error.set(None);
                        reading.set(ready(invitation));
                    }
                    Err(e) => {
                        unlock_error.set(Some(e));
                        focus_later(ids::LIVE_JOIN_PASSPHRASE);
                    }
                }
            }
        },
    );

    let answer = {
        let live = live.clone();
        move |invitation: Invitation| {
            let live = live.clone();
            let storage = sessions.storage();
            let name = my_name.get_untracked();
            crate::app::live_sync::follow(sessions);
            leptos::task::spawn_local(async move {
                live.answer(invitation, name, storage).await;
                // The next step: the reply code to copy.
                if matches!(live.stage_untracked(), Stage::Replied(_)) {
                    focus_later(ids::LIVE_REPLY_CODE);
                }
            });
        }
    };

    let invited = move |invitation: &Invitation| {
        if invitation.inviter.is_empty() {
            texts::live_join_invites_anon(lang(), &invitation.title)
        } else {
            texts::live_join_invites(lang(), &invitation.inviter, &invitation.title)
        }
    };

    let failed = move |e: LiveError| {
        let text = error_text(&e);
        let network = is_network(&e);
        view! {
            <div class="problem" role="alert">
                <p>{text}</p>
                <Show when=move || network>
                    <p class="muted">{move || t(Key::LiveIfNotJoiner)}</p>
                </Show>
            </div>
            <button type="button" on:click=move |_| router.go(Route::Home)>{move || t(Key::Home)}</button>
        }
    };

    let body = move || {
        let answer = answer.clone();
        // A screen for another invitation may replace this one while the
        // connection's stage changes: then this view reads nothing.
        let (Some(reading), Some(stage)) = (reading.try_get(), stage.try_get()) else {
            return ().into_any();
        };
        match (reading, stage) {
            (Reading::Failed(e), _) => failed(e).into_any(),
            (Reading::Locked(sealed), _) => {
                let sealed = StoredValue::new(sealed);
                view! {
                    <p>{move || t(Key::LiveJoinLocked)}</p>
                    <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        unlocking.dispatch_local((sealed.get_value(), words.get_untracked()));
                    }>
                        <TextField
                            id=ids::LIVE_JOIN_PASSPHRASE
                            label=text_signal(Key::OpenPassphraseLabel)
                            code=true
                            value=Signal::derive(move || words.get())
                            on_input=move |v: String| words.set(v)
                        />
                        <p class="problem-text" role="alert">
                            {move || unlock_error.get().map(|e| error_text(&e))}
                        </p>
                        <button type="submit" class="primary" disabled=move || unlocking.pending().get()>
                            {move || t(Key::LiveOpenInvite)}
                        </button>
                    </form>
                }
                .into_any()
            }
            (Reading::Ready(_), Stage::Failed(e)) => failed(e).into_any(),
            (Reading::Ready(invitation), Stage::Idle) => {
                let intro = invited(&invitation);
                let stun = invitation.stun.clone();
                let invitation = StoredValue::new(*invitation);
                view! {
                    <p class="live-invites">{intro}</p>
                    {match stun {
                        Some(server) => view! {
                            <p class="muted">{move || texts::live_join_stun(lang(), &server)}</p>
                        }
                        .into_any(),
                        None => view! { <p class="muted">{move || t(Key::LiveSameNetwork)}</p> }.into_any(),
                    }}
                    <TextField
                        id=ids::LIVE_JOIN_NAME
                        label=text_signal(Key::LiveYourName)
                        help=text_signal(Key::LiveYourNameHelp)
                        value=Signal::derive(move || my_name.get())
                        on_input=move |v: String| my_name.set(v)
                    />
                    <div class="actions tight">
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| answer(invitation.get_value())
                        >
                            {move || t(Key::LiveJoinMakeReply)}
                        </button>
                    </div>
                }
                .into_any()
            }
            (Reading::Ready(_), Stage::Preparing) => view! {
                <p class="muted" role="status">{move || t(Key::LiveJoinMaking)}</p>
            }
            .into_any(),
            (Reading::Ready(invitation), Stage::Replied(code)) => {
                let who = move || partner(inviter.try_get().flatten());
                let copied = code.clone();
                // When the reply gives up, by this device's clock.
                let now = now_ms().max(0) as u64;
                let until = local_time(
                    lang(),
                    invitation.answerable_until(now).min(i64::MAX as u64) as i64,
                );
                view! {
                    <ol class="live-steps">
                        <li>{move || t(Key::LiveJoinStep1)}</li>
                        <li>{move || texts::live_join_step2(lang(), &who())}</li>
                        <li>{move || texts::live_join_step3(lang(), &who())}</li>
                    </ol>
                    <CodeToCopy
                        id=ids::LIVE_REPLY_CODE
                        length_id=ids::LIVE_REPLY_LENGTH
                        label=Key::LiveReplyCodeLabel
                        copy=Key::LiveCopyReply
                        code=copied
                    />
                    <p role="status">{move || texts::live_waiting(lang(), &who())}</p>
                    <p class="muted">{move || texts::live_reply_until(lang(), &until)}</p>
                    <p class="muted">{move || t(Key::LiveIfNotJoiner)}</p>
                }
                .into_any()
            }
            (Reading::Ready(invitation), _) => {
                let id = invitation.session_id.clone();
                // Lost before the session came: there is nothing here to
                // keep working on, so the presence line's advice is not
                // this person's.
                let missed = {
                    let id = id.clone();
                    move || !sessions.exists(&id) && use_live().link().get() == Link::Lost
                };
                view! {
                    <Show
                        when=move || !missed()
                        fallback=move || {
                            view! {
                                <div class="problem" role="alert">
                                    <p>{move || t(Key::LiveSessionMissed)}</p>
                                </div>
                                <button type="button" on:click=move |_| router.go(Route::Home)>
                                    {move || t(Key::Home)}
                                </button>
                            }
                        }
                    >
                        <LivePresence />
                    </Show>
                    {move || {
                        let id = id.clone();
                        if sessions.exists(&id) {
                            view! {
                                <button
                                    type="button"
                                    class="primary"
                                    on:click=move |_| router.go(Route::Session(id.clone()))
                                >
                                    {move || t(Key::LiveOpenSession)}
                                </button>
                            }
                            .into_any()
                        } else if use_live().link().get() == Link::Open {
                            view! { <p class="muted">{move || t(Key::LiveSessionComing)}</p> }.into_any()
                        } else {
                            ().into_any()
                        }
                    }}
                }
                .into_any()
            }
        }
    };

    view! {
        <section class="open live-join" aria-labelledby=ids::SCREEN_TITLE>
            <h1 id=ids::SCREEN_TITLE tabindex="-1">
                {move || if matches!(reading.try_get(), Some(Reading::Failed(_))) { t(Key::LiveJoinFailed) } else { t(Key::LiveToggle) }}
            </h1>
            <PresenceAnnouncer />
            {body}
        </section>
    }
}
