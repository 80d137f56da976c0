//! Work together: the inviter's panel (the invitation with copy, QR and
//! length, then the box for the reply). What the join screen shares with
//! it is in `live_parts`, the presence line in `live_presence`.

use leptos::prelude::*;

use crate::app::live::{use_live, LiveError, Stage};
use crate::app::sessions::{use_current, use_sessions};
use crate::app::sharing::link_for;
use crate::domain::live::invite::{self, is_valid_server};
use crate::domain::share::{self, passphrase};
use crate::i18n::{t, Key};
use crate::platform::random_u32;
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::live_parts::{error_text, is_network, qr_figure, CodeToCopy};
use crate::ui::live_presence::LivePresence;
use crate::ui::text::text_signal;

#[component]
pub fn LivePanel(
    /// Whether the panel is open; the panel closes itself through it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let live = use_live();
    let sessions = use_sessions();
    let current = use_current();
    let presets = crate::ui::app::use_presets();
    let settings = sessions.settings_untracked();
    // A trainer's preset offers its server, chosen.
    let (use_stun, server) = match (&presets.stun, settings.stun_server.clone()) {
        (Some(preset), _) => (RwSignal::new(true), RwSignal::new(preset.clone())),
        (None, server) => (
            RwSignal::new(settings.use_stun),
            RwSignal::new(server.unwrap_or_default()),
        ),
    };
    let server_ok = move || server.with(|s| is_valid_server(s.trim()));
    let save_stun = move || {
        let address = server.get_untracked().trim().to_string();
        sessions.set_stun(
            use_stun.get_untracked(),
            (!address.is_empty()).then_some(address),
        );
    };
    // The name this side went by last time it was connected, if any. Not
    // a name of the session's: this device may be either person's, and
    // the wrong one would tell the other person they are connected with
    // themselves. Given none, the other side names this one from the
    // session where it can (`domain::live::other_name`).
    let my_name = RwSignal::new(live.my_name());
    let protect = RwSignal::new(false);
    let words = RwSignal::new(share::suggest_passphrase(random_u32, 4));
    let reply = RwSignal::new(String::new());
    let reply_error = RwSignal::new(None::<LiveError>);

    let stage = live.stage();
    let make = {
        let live = live.clone();
        move |_| {
            let (id, title) = current.read_untracked(|s| {
                let topic = s
                    .turns
                    .iter()
                    .map(|h| h.goal.topic.trim())
                    .find(|t| !t.is_empty())
                    .map(str::to_string);
                let names = || invite::names_title(&s.names);
                (s.id.clone(), topic.unwrap_or_else(names))
            });
            let stun = (use_stun.get_untracked() && server_ok())
                .then(|| server.get_untracked().trim().to_string());
            let words = (protect.get_untracked()
                && words.with_untracked(|w| passphrase::is_usable(w)))
            .then(|| words.get_untracked());
            reply.set(String::new());
            reply_error.set(None);
            let live = live.clone();
            let name = my_name.get_untracked();
            crate::app::live_sync::follow(sessions);
            leptos::task::spawn_local(async move {
                live.invite(id, title, name, stun, words).await;
                // The next step: the invitation to copy.
                if matches!(live.stage_untracked(), Stage::Invited(_)) {
                    focus_later(ids::LIVE_INVITE_LINK);
                }
            });
        }
    };
    let connect = {
        let live = live.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match live.accept_reply(&reply.get_untracked()) {
                Ok(()) => {
                    reply_error.set(None);
                    // The form is gone: the focus goes to the way back.
                    focus_later(ids::LIVE_CANCEL);
                }
                Err(e) => {
                    reply_error.set(Some(e));
                    focus_later(ids::LIVE_REPLY);
                }
            }
        }
    };

    let close = move |_| {
        open.set(false);
        focus_later(ids::LIVE_TOGGLE);
    };

    // The form to make an invitation: first, after a failure, or again.
    let form = {
        let make = make.clone();
        move || {
            let make = make.clone();
            view! {
                <TextField
                    id=ids::LIVE_NAME
                    label=text_signal(Key::LiveYourName)
                    help=text_signal(Key::LiveYourNameHelp)
                    value=Signal::derive(move || my_name.get())
                    on_input=move |v: String| my_name.set(v)
                />
                <div class="check">
                    <input
                        type="checkbox"
                        id=ids::LIVE_STUN_USE
                        aria-describedby=ids::LIVE_STUN_WHAT
                        prop:checked=move || use_stun.get()
                        on:change=move |ev| {
                            use_stun.set(event_target_checked(&ev));
                            save_stun();
                        }
                    />
                    <label for=ids::LIVE_STUN_USE>{move || t(Key::LiveStunChoice)}</label>
                </div>
                <p class="muted" id=ids::LIVE_STUN_WHAT>
                    {move || t(Key::LiveStunWhat)}
                </p>
                <Show
                    when=move || use_stun.get()
                    fallback=move || view! { <p class="gentle">{move || t(Key::LiveSameNetwork)}</p> }
                >
                    <TextField
                        id=ids::LIVE_STUN_ADDRESS
                        label=text_signal(Key::LiveStunAddress)
                        help=text_signal(Key::LiveStunAddressHelp)
                        code=true
                        value=Signal::derive(move || server.get())
                        on_input=move |v: String| {
                            server.set(v);
                            save_stun();
                        }
                    />
                    <Show when=move || !server_ok()>
                        <p class="gentle">{move || t(Key::LiveStunInvalid)}</p>
                    </Show>
                </Show>
                <div class="check">
                    <input
                        type="checkbox"
                        id=ids::LIVE_PROTECT
                        prop:checked=move || protect.get()
                        on:change=move |ev| protect.set(event_target_checked(&ev))
                    />
                    <label for=ids::LIVE_PROTECT>{move || t(Key::LiveProtect)}</label>
                </div>
                <Show when=move || protect.get()>
                    <div class="protect">
                        <TextField
                            id=ids::LIVE_PASSPHRASE
                            label=text_signal(Key::SharePassphrase)
                            help=text_signal(Key::SharePassphraseHelp)
                            code=true
                            value=Signal::derive(move || words.get())
                            on_input=move |v: String| words.set(v)
                        />
                        <div class="actions tight">
                            <button
                                type="button"
                                on:click=move |_| words.set(share::suggest_passphrase(random_u32, 4))
                            >
                                {move || t(Key::ShareSuggest)}
                            </button>
                        </div>
                    </div>
                </Show>
                <div class="actions tight">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || protect.get() && words.with(|w| !passphrase::is_usable(w))
                        on:click=make
                    >
                        {move || t(Key::LiveMakeInvite)}
                    </button>
                </div>
            }
        }
    };

    // Connected: focus goes to the line that says with whom. Given up
    // (Cancel is gone with "Connecting…"): to the form for a new one.
    Effect::new(move |was: Option<bool>| {
        let open = matches!(stage.try_get(), Some(Stage::Open));
        if open && was == Some(false) {
            focus_later(ids::LIVE_PRESENCE);
        }
        open
    });
    Effect::new(move |was_connecting: Option<bool>| {
        let now = stage.try_get();
        if was_connecting == Some(true) && matches!(now, Some(Stage::Failed(_) | Stage::Lost)) {
            focus_later(ids::LIVE_NAME);
        }
        matches!(now, Some(Stage::Connecting))
    });

    let body = {
        let live = live.clone();
        move || {
            let live = live.clone();
            // The panel may be closing while the stage changes (opening
            // another invitation in this tab starts a new attempt): its own
            // signals are gone before its views are, and the stage outlives
            // both.
            if my_name.is_disposed() {
                return ().into_any();
            }
            let Some(stage) = stage.try_get() else {
                return ().into_any();
            };
            match stage {
                Stage::Idle => form().into_any(),
                Stage::Failed(e) => {
                    let text = error_text(&e);
                    let network = is_network(&e);
                    view! {
                        <div class="problem" role="alert">
                            <p>{text}</p>
                            <Show when=move || network>
                                <p class="muted">{move || t(Key::LiveIfNot)}</p>
                            </Show>
                        </div>
                        {form()}
                    }
                    .into_any()
                }
                Stage::Preparing => view! {
                    <p class="muted" role="status">{move || t(Key::LiveMaking)}</p>
                }
                .into_any(),
                Stage::Invited(fragment) => {
                    let link = link_for(&fragment);
                    let copied = link.clone();
                    // A protected invitation: its passphrase stays on show,
                    // to be said aloud, until the two are connected.
                    let passphrase = invite::is_protected(&fragment).then(|| {
                        let said = words.get_untracked();
                        view! {
                            <p class="live-passphrase">
                                {move || t(Key::SharePassphrase)}": "
                                <strong class="passphrase">{said}</strong>
                            </p>
                            <p class="muted">{move || t(Key::SharePassphraseHelp)}</p>
                        }
                    });
                    view! {
                        <ol class="live-steps">
                            <li>{move || t(Key::LiveInviteStep1)}</li>
                            <li>{move || t(Key::LiveInviteStep2)}</li>
                            <li>{move || t(Key::LiveInviteStep3)}</li>
                        </ol>
                        <CodeToCopy
                            id=ids::LIVE_INVITE_LINK
                            length_id=ids::LIVE_INVITE_LENGTH
                            label=Key::LiveInviteLabel
                            copy=Key::LiveCopyInvite
                            code=copied
                        />
                        {passphrase}
                        {qr_figure(link)}
                        <form class="live-reply" on:submit=connect.clone()>
                            <div class="field">
                                <label for=ids::LIVE_REPLY>{move || t(Key::LiveReplyLabel)}</label>
                                <textarea
                                    id=ids::LIVE_REPLY
                                    class="link"
                                    rows="3"
                                    aria-describedby=ids::LIVE_REPLY_HELP
                                    aria-invalid=move || if reply_error.with(Option::is_some) { "true" } else { "false" }
                                    prop:value=move || reply.get()
                                    on:input=move |ev| reply.set(event_target_value(&ev))
                                ></textarea>
                                <p id=ids::LIVE_REPLY_HELP class="muted">{move || t(Key::LiveReplyHelp)}</p>
                            </div>
                            <p class="problem-text" role="alert">
                                {move || reply_error.get().map(|e| error_text(&e))}
                            </p>
                            <div class="actions tight">
                                <button type="submit" class="primary">{move || t(Key::LiveConnect)}</button>
                                <button type="button" on:click=move |_| live.leave()>
                                    {move || t(Key::LiveNewInvite)}
                                </button>
                            </div>
                        </form>
                    }
                    .into_any()
                }
                // Opening can take up to the timeout: never a wait without
                // a way back to a new invitation.
                Stage::Connecting | Stage::Replied(_) => view! {
                    <p role="status">{move || t(Key::LiveConnecting)}</p>
                    <div class="actions tight">
                        <button
                            type="button"
                            id=ids::LIVE_CANCEL
                            on:click=move |_| {
                                live.leave();
                                focus_later(ids::LIVE_NAME);
                            }
                        >
                            {move || t(Key::Cancel)}
                        </button>
                    </div>
                }
                .into_any(),
                Stage::Open => view! { <LivePresence /> }.into_any(),
                // Reconnecting is a new invitation, made right here.
                Stage::Lost => view! {
                    <LivePresence />
                    {form()}
                }
                .into_any(),
            }
        }
    };

    view! {
        <section id=ids::LIVE_PANEL class="share-panel live-panel" aria-labelledby=ids::LIVE_TITLE>
            <div class="share-head">
                <h2 id=ids::LIVE_TITLE tabindex="-1">{move || t(Key::LiveTitle)}</h2>
                <button type="button" class="ghost" on:click=close>{move || t(Key::ShareClose)}</button>
            </div>
            <p class="muted">{move || t(Key::LiveWhat)}</p>
            {body}
        </section>
    }
}
