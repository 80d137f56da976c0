//! The share panel: the session's link to copy (or select where copying is
//! blocked), its length against what chat apps accept, a QR code, a file or
//! a text block where a link would be cut, and an optional passphrase.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::sessions::use_current;
use crate::app::sharing::{link_for, lock, text_block};
use crate::domain::qr::{module_px, qr_path};
use crate::domain::share;
use crate::i18n::{lang, t, texts, Key};
use crate::platform::{clipboard, files, random_u32};
use crate::ui::fields::TextField;
use crate::ui::focus::focus_later;
use crate::ui::text::text_signal;

/// Links up to this length fit everywhere; up to the second they fit most.
const FINE: usize = 2_000;
const WARN: usize = 4_000;

/// What happened to the last copy, and of which text.
#[derive(Clone, PartialEq, Eq)]
enum Copied {
    Done(String),
    /// The browser refused: the text is shown selected instead.
    Blocked(String),
}

/// The window's inner size in CSS pixels.
fn viewport() -> (u32, u32) {
    let size = |v: Result<wasm_bindgen::JsValue, _>| {
        v.ok()
            .and_then(|v| v.as_f64())
            .map_or(0, |f| f.max(0.0) as u32)
    };
    web_sys::window().map_or((0, 0), |w| (size(w.inner_width()), size(w.inner_height())))
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
    // The protected link, with the plain link and passphrase it was made
    // from: once the session or the passphrase changes it is out of date.
    let locked = RwSignal::new(None::<(String, String, String)>);
    let locking = RwSignal::new(false);
    let crypto_missing = RwSignal::new(false);
    let copied = RwSignal::new(None::<Copied>);

    // The link on show: the plain one, or the protected one while current.
    let link = move || {
        if protect.get() {
            locked.with(|l| {
                l.as_ref()
                    .filter(|(from, words, _)| *from == plain.get() && *words == passphrase.get())
                    .map(|(_, _, link)| link.clone())
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
        locking.set(true);
        spawn_local(async move {
            match lock(&session, &words).await {
                Ok(payload) => locked.set(Some((from, words, link_for(&payload)))),
                Err(_) => crypto_missing.set(true),
            }
            locking.set(false);
        });
    };

    let copy = move |text: String| {
        spawn_local(async move {
            if clipboard::copy(&text).await {
                copied.set(Some(Copied::Done(text)));
            } else {
                copied.set(Some(Copied::Blocked(text)));
                focus_later("share-copy-fallback".to_string());
            }
        });
    };
    // The status of the last copy, while it is about what is on show.
    let copy_status = move || {
        let current = link().unwrap_or_default();
        let block = text_block(&current);
        copied.with(|c| match c {
            Some(Copied::Done(t)) if *t == current || *t == block => Some((true, t.clone())),
            Some(Copied::Blocked(t)) if *t == current || *t == block => Some((false, t.clone())),
            _ => None,
        })
    };

    let length_note = move || {
        link().map(|l| {
            let n = l.chars().count();
            let key = if n <= FINE {
                texts::share_length_fine
            } else if n <= WARN {
                texts::share_length_warn
            } else {
                texts::share_length_too_long
            };
            (n, key(lang(), &crate::i18n::number(n)))
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
                    <svg viewBox=view_box.clone() role="img" aria-labelledby="qr-caption">
                        <rect width="100%" height="100%" fill="#fff"></rect>
                        <path d=q.d fill="#000"></path>
                    </svg>
                    <figcaption id="qr-caption">
                        <strong>{move || t(Key::ShareQrTitle)}</strong>
                        ": "
                        {move || t(Key::ShareQrHelp)}
                    </figcaption>
                </figure>
                <div class="actions tight qr-large-open">
                    <button type="button" on:click=show_large>{move || t(Key::ShareQrLarge)}</button>
                </div>
                <dialog node_ref=large class="qr-large" aria-labelledby="qr-large-title">
                    <div class="qr-large-head">
                        <div>
                            <h2 id="qr-large-title">{move || t(Key::ShareQrLargeTitle)}</h2>
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
        focus_later("share-toggle".to_string());
    };

    view! {
        <section id="share-panel" class="share-panel" aria-labelledby="share-title">
            <div class="share-head">
                <h2 id="share-title" tabindex="-1">{move || t(Key::ShareTitle)}</h2>
                <button type="button" class="ghost" on:click=close>{move || t(Key::ShareClose)}</button>
            </div>
            <p class="muted">{move || t(Key::ShareWhat)}</p>
            <div class="check">
                <input
                    type="checkbox"
                    id="share-protect"
                    prop:checked=move || protect.get()
                    on:change=move |ev| protect.set(event_target_checked(&ev))
                />
                <label for="share-protect">{move || t(Key::ShareProtect)}</label>
            </div>
            <Show when=move || protect.get()>
                <div class="protect">
                    <TextField
                        id="share-passphrase"
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
                            disabled=move || locking.get() || passphrase.with(|p| !share::passphrase::is_usable(p))
                            on:click=make_locked
                        >
                            {move || t(if locking.get() { Key::ShareLocking } else { Key::ShareLock })}
                        </button>
                    </div>
                    <Show when=move || crypto_missing.get()>
                        <p class="gentle" role="alert">{move || t(Key::ShareCryptoMissing)}</p>
                    </Show>
                    <Show when=move || link().is_some()>
                        <p class="ok-note">{move || t(Key::ShareLocked)}</p>
                    </Show>
                </div>
            </Show>
            <Show when=move || link().is_some()>
                <div class="field">
                    <label for="share-link">{move || t(Key::ShareLinkLabel)}</label>
                    <textarea
                        id="share-link"
                        class="link"
                        rows="3"
                        readonly
                        aria-describedby="share-length"
                        prop:value=move || link().unwrap_or_default()
                    ></textarea>
                </div>
                <div class="length">
                    <meter
                        min="0"
                        max=WARN
                        low=FINE
                        high=WARN - 1
                        optimum="0"
                        aria-labelledby="share-length"
                        value=move || length_note().map(|(n, _)| n.min(WARN)).unwrap_or(0)
                    ></meter>
                    <p id="share-length">{move || length_note().map(|(_, text)| text)}</p>
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
                <p class="copy-status" role="status">
                    {move || match copy_status() {
                        Some((true, _)) => t(Key::ShareCopied),
                        Some((false, _)) => t(Key::ShareCopyBlocked),
                        None => "",
                    }}
                </p>
                {move || {
                    copy_status()
                        .filter(|(done, _)| !done)
                        .map(|(_, text)| {
                            view! {
                                <label class="sr-only" for="share-copy-fallback">
                                    {move || t(Key::ShareLinkLabel)}
                                </label>
                                <textarea
                                    id="share-copy-fallback"
                                    class="link"
                                    rows="4"
                                    readonly
                                    on:focus=move |ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(area) = ev
                                            .target()
                                            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                                        {
                                            area.select();
                                        }
                                    }
                                    prop:value=text
                                ></textarea>
                            }
                        })
                }}
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
