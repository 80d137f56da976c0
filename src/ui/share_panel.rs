//! The share panel: the session's link to copy (or select where copying is
//! blocked), its length against what chat apps accept, a QR code, a file or
//! a text block where a link would be cut, and an optional passphrase.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::app::sharing::{link_for, lock, text_block};
use crate::domain::qr::{module_px, qr_path};
use crate::domain::session::Session;
use crate::domain::share;
use crate::i18n::{t, Key};
use crate::platform::{files, random_u32};
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::ids;
use crate::ui::link_copy::{copy_action, length_note, CopyStatus, LinkField, FINE, WARN};
use crate::ui::text::text_signal;

/// The window's inner size in CSS pixels.
fn viewport() -> (u32, u32) {
    let size = |v: Result<wasm_bindgen::JsValue, _>| {
        v.ok()
            .and_then(|v| v.as_f64())
            .map_or(0, |f| f.max(0.0) as u32)
    };
    web_sys::window().map_or((0, 0), |w| (size(w.inner_width()), size(w.inner_height())))
}

/// A protected link, with the plain link and the passphrase it was made
/// from (it is out of date once either changes).
#[derive(Clone, Debug, PartialEq, Eq)]
struct LockedLink {
    from: String,
    words: String,
    link: String,
}

#[component]
pub fn SharePanel(
    /// Whether the panel is open; the panel closes itself through it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let current = use_current();
    let plain = Memo::new(move |_| link_for(&current.read(share::encode_session)));
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(share::suggest_passphrase(random_u32, 4));
    // Protecting the link: its value is the last protected link, or `Err`
    // where this browser cannot encrypt.
    let locking = Action::new_local(|(session, words, from): &(Session, String, String)| {
        let (session, words, from) = (session.clone(), words.clone(), from.clone());
        async move {
            let payload = lock(&session, &words).await.map_err(|_| ())?;
            Ok(LockedLink {
                from,
                words,
                link: link_for(&payload),
            })
        }
    });
    let crypto_missing = move || locking.value().with(|v| matches!(v, Some(Err(()))));

    // The link on show: the plain one, or the protected one while current.
    let link = move || {
        if protect.get() {
            locking.value().with(|l| {
                l.as_ref()
                    .and_then(|l| l.as_ref().ok())
                    .filter(|l| l.from == plain.get() && l.words == passphrase.get())
                    .map(|l| l.link.clone())
            })
        } else {
            Some(plain.get())
        }
    };

    let make_locked = move |_| {
        let Some(session) = current.read_untracked(|s| Some(s.clone())) else {
            return;
        };
        let words = passphrase.get_untracked();
        let from = plain.get_untracked();
        locking.dispatch_local((session, words, from));
    };

    let copy_action = copy_action();
    let copy = move |text: String| {
        copy_action.dispatch_local((ids::SHARE_COPY_FALLBACK, text));
    };
    // The status of the last copy, while it is about what is on show.
    let copy_status = Signal::derive(move || {
        let current = link().unwrap_or_default();
        let block = text_block(&current);
        copy_action
            .value()
            .get()
            .filter(|c| c.text == current || c.text == block)
            .map(|c| (c.done, c.text))
    });

    let length_note = move || {
        link().map(|l| {
            let n = l.chars().count();
            (n, length_note(n))
        })
    };

    // The large code: a modal dialog filling the window, each module a
    // whole number of pixels (at least four on a laptop screen), so that a
    // phone reads it from the screen.
    let large = NodeRef::<leptos::html::Dialog>::new();
    let large_px = RwSignal::new(4u32);
    let show_large = move |_| {
        let Some(dialog) = large.get_untracked() else {
            return;
        };
        let modules = link().and_then(|l| qr_path(&l)).map_or(1, |q| q.size);
        let (width, height) = viewport();
        // Room for the title, the help and the close button around it.
        large_px.set(module_px(
            modules,
            width.saturating_sub(32),
            height.saturating_sub(136),
        ));
        let _ = dialog.show_modal();
    };
    let close_large = move |_| {
        if let Some(dialog) = large.get_untracked() {
            dialog.close();
        }
    };

    let qr = move || {
        link().and_then(|l| qr_path(&l)).map(|q| {
            let view_box = format!("0 0 {0} {0}", q.size);
            let side = move || format!("{}px", large_px.get() * q.size);
            let d = q.d.clone();
            view! {
                <figure class="qr">
                    <svg viewBox=view_box.clone() role="img" aria-labelledby=ids::QR_CAPTION>
                        <rect width="100%" height="100%" fill="#fff"></rect>
                        <path d=q.d fill="#000"></path>
                    </svg>
                    <figcaption id=ids::QR_CAPTION>
                        <strong>{move || t(Key::ShareQrTitle)}</strong>
                        ": "
                        {move || t(Key::ShareQrHelp)}
                    </figcaption>
                </figure>
                <div class="actions tight qr-large-open">
                    <button type="button" on:click=show_large>{move || t(Key::ShareQrLarge)}</button>
                </div>
                <dialog node_ref=large class="qr-large" aria-labelledby=ids::QR_LARGE_TITLE>
                    <div class="qr-large-head">
                        <div>
                            <h2 id=ids::QR_LARGE_TITLE>{move || t(Key::ShareQrLargeTitle)}</h2>
                            <p>{move || t(Key::ShareQrLargeHelp)}</p>
                        </div>
                        <button type="button" class="primary" on:click=close_large>
                            {move || t(Key::ShareQrLargeClose)}
                        </button>
                    </div>
                    <svg
                        viewBox=view_box
                        role="img"
                        aria-label=move || t(Key::ShareQrTitle)
                        shape-rendering="crispEdges"
                        style:width=side
                        style:height=side
                    >
                        <rect width="100%" height="100%" fill="#fff"></rect>
                        <path d=d fill="#000"></path>
                    </svg>
                </dialog>
            }
        })
    };

    let close = move |_| {
        open.set(false);
        focus_later(ids::SHARE_TOGGLE);
    };

    view! {
        <section id=ids::SHARE_PANEL class="share-panel" aria-labelledby=ids::SHARE_TITLE>
            <div class="share-head">
                <h2 id=ids::SHARE_TITLE tabindex="-1">{move || t(Key::ShareTitle)}</h2>
                <button type="button" class="ghost" on:click=close>{move || t(Key::ShareClose)}</button>
            </div>
            <p class="muted">{move || t(Key::ShareWhat)}</p>
            <div class="check">
                <input
                    type="checkbox"
                    id=ids::SHARE_PROTECT
                    prop:checked=move || protect.get()
                    on:change=move |ev| protect.set(event_target_checked(&ev))
                />
                <label for=ids::SHARE_PROTECT>{move || t(Key::ShareProtect)}</label>
            </div>
            <Show when=move || protect.get()>
                <div class="protect">
                    <TextField
                        id=ids::SHARE_PASSPHRASE
                        label=text_signal(Key::SharePassphrase)
                        help=text_signal(Key::SharePassphraseHelp)
                        code=true
                        value=Signal::derive(move || passphrase.get())
                        on_input=move |v: String| passphrase.set(v)
                    />
                    <div class="actions tight">
                        <button
                            type="button"
                            on:click=move |_| passphrase.set(share::suggest_passphrase(random_u32, 4))
                        >
                            {move || t(Key::ShareSuggest)}
                        </button>
                        <button
                            type="button"
                            class="primary"
                            disabled=move || locking.pending().get() || passphrase.with(|p| !share::passphrase::is_usable(p))
                            on:click=make_locked
                        >
                            {move || t(if locking.pending().get() { Key::ShareLocking } else { Key::ShareLock })}
                        </button>
                    </div>
                    <Show when=crypto_missing>
                        <p class="gentle" role="alert">{move || t(Key::ShareCryptoMissing)}</p>
                    </Show>
                    <Show when=move || link().is_some()>
                        <p class="ok-note">{move || t(Key::ShareLocked)}</p>
                    </Show>
                </div>
            </Show>
            <Show when=move || link().is_some()>
                <LinkField
                    id=ids::SHARE_LINK
                    label=Key::ShareLinkLabel
                    described_by=ids::SHARE_LENGTH
                    link=Signal::derive(move || link().unwrap_or_default())
                />
                <div class="length">
                    <meter
                        min="0"
                        max=WARN
                        low=FINE
                        high=WARN - 1
                        optimum="0"
                        aria-labelledby=ids::SHARE_LENGTH
                        value=move || length_note().map(|(n, _)| n.min(WARN)).unwrap_or(0)
                    ></meter>
                    <p id=ids::SHARE_LENGTH>{move || length_note().map(|(_, text)| text)}</p>
                </div>
                <div class="actions tight">
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| copy(link().unwrap_or_default())
                    >
                        {move || t(Key::ShareCopy)}
                    </button>
                </div>
                <CopyStatus
                    status=copy_status
                    copied=Key::ShareCopied
                    fallback=ids::SHARE_COPY_FALLBACK
                    label=Key::ShareLinkLabel
                />
                {qr}
                <p>{move || t(Key::ShareFileIntro)}</p>
                <div class="actions tight">
                    <button
                        type="button"
                        on:click=move |_| {
                            let block = text_block(&link().unwrap_or_default());
                            files::download("peer-coach-session.txt", &block);
                        }
                    >
                        {move || t(Key::ShareDownload)}
                    </button>
                    <button
                        type="button"
                        on:click=move |_| copy(text_block(&link().unwrap_or_default()))
                    >
                        {move || t(Key::ShareCopyText)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
