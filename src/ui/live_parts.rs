//! What the two live screens share (the inviter's panel, the join
//! screen): a code to copy, its QR code, the failures' messages.

use leptos::prelude::*;

use crate::app::live::{LiveError, CONNECT_TIMEOUT_S};
use crate::domain::live::invite::CodeError;
use crate::domain::qr::qr_path;
use crate::i18n::{lang, t, texts, Key};
use crate::ui::ids;
use crate::ui::link_copy::{copy_action, CopyStatus, LinkField};

/// The message for a failure: what happened and what to do.
pub fn error_text(error: &LiveError) -> String {
    let key = match error {
        LiveError::Code(e) => match e {
            CodeError::Empty => Key::LiveErrEmpty,
            CodeError::NotACode => Key::LiveErrNotACode,
            CodeError::Truncated => Key::LiveErrTruncated,
            CodeError::Corrupted => Key::LiveErrCorrupted,
            CodeError::NewerVersion => Key::LiveErrNewer,
            CodeError::Malformed => Key::LiveErrMalformed,
            CodeError::Expired => Key::LiveErrExpired,
            CodeError::AlreadyAnswered => Key::LiveErrAnswered,
            CodeError::AlreadyUsed => Key::LiveErrUsed,
            CodeError::WrongInvitation => Key::LiveErrWrongInvite,
            CodeError::WrongPassphrase => Key::LiveErrPassphrase,
        },
        LiveError::NoWebRtc => Key::LiveErrNoWebrtc,
        LiveError::Refused => Key::LiveErrRefused,
        LiveError::NoCrypto => Key::LiveErrNoCrypto,
        LiveError::Timeout => {
            return texts::live_err_timeout(lang(), &CONNECT_TIMEOUT_S.to_string())
        }
    };
    t(key).to_string()
}

/// A failure to connect whose own message gives no network advice.
pub fn is_network(error: &LiveError) -> bool {
    matches!(error, LiveError::Refused)
}

/// A small QR code of a link, described by its caption.
pub fn qr_figure(link: String) -> impl IntoView {
    qr_path(&link).map(|q| {
        let view_box = format!("0 0 {0} {0}", q.size);
        view! {
            <figure class="qr">
                <svg viewBox=view_box role="img" aria-labelledby=ids::LIVE_QR_CAPTION>
                    <rect width="100%" height="100%" fill="#fff"></rect>
                    <path d=q.d fill="#000"></path>
                </svg>
                <figcaption id=ids::LIVE_QR_CAPTION>
                    <strong>{move || t(Key::ShareQrTitle)}</strong>
                </figcaption>
            </figure>
        }
    })
}

/// A code to paste in the call's chat (the invitation link, the reply):
/// the field it can be selected in, its length, a copy button and what
/// the copy did.
#[component]
pub fn CodeToCopy(
    id: &'static str,
    length_id: &'static str,
    label: Key,
    copy: Key,
    code: String,
) -> impl IntoView {
    let copy_action = copy_action();
    let length = code.chars().count();
    let status = {
        let code = code.clone();
        Signal::derive(move || {
            copy_action
                .value()
                .get()
                .filter(|c| c.text == code)
                .map(|c| (c.done, c.text))
        })
    };
    let shown = code.clone();
    view! {
        <LinkField
            id=id
            label=label
            described_by=length_id
            link=Signal::derive(move || shown.clone())
            select_on_focus=true
        />
        <p id=length_id class="muted">
            {move || texts::live_reply_length(lang(), &crate::i18n::number(length))}
        </p>
        <div class="actions tight">
            <button
                type="button"
                class="primary"
                on:click=move |_| {
                    copy_action.dispatch_local((ids::LIVE_COPY_FALLBACK, code.clone()));
                }
            >
                {move || t(copy)}
            </button>
        </div>
        <CopyStatus status=status copied=Key::LiveCopied fallback=ids::LIVE_COPY_FALLBACK label=label />
    }
}
