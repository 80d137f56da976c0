//! Sharing the whole rotation schedule by link: the link to copy (shown
//! selected with "press Ctrl+C" where copying is blocked), and a file with
//! it for where a link would be cut.

use leptos::prelude::*;

use crate::app::sharing::link_for;
use crate::domain::rotation::{link, Schedule};
use crate::i18n::{t, Key};
use crate::platform::files;
use crate::ui::ids;
use crate::ui::link_copy::{copy_action, length_note, CopyStatus, LinkField};

/// The file's text: a line saying what it is, and the link.
pub fn schedule_text_block(link: &str) -> String {
    format!("{}\n\n{link}\n", t(Key::RotationShareTextBlock))
}

#[component]
pub fn ScheduleShare(
    /// The schedule to share.
    #[prop(into)]
    schedule: Signal<Schedule>,
) -> impl IntoView {
    let url = Memo::new(move |_| link_for(&schedule.with(link::encode)));
    let copy = copy_action();
    // The last copy, while it is of the link on show.
    let status = Signal::derive(move || {
        let now = url.get();
        copy.value()
            .get()
            .filter(|c| c.text == now)
            .map(|c| (c.done, c.text))
    });

    view! {
        <section class="share-panel schedule-share no-print" aria-labelledby=ids::SCHEDULE_SHARE_TITLE>
            <h2 id=ids::SCHEDULE_SHARE_TITLE>{move || t(Key::RotationShareTitle)}</h2>
            <p class="muted">{move || t(Key::RotationShareWhat)}</p>
            <LinkField
                id=ids::SCHEDULE_LINK
                label=Key::RotationShareLink
                described_by=ids::SCHEDULE_LENGTH
                link=url
                select_on_focus=true
            />
            <p id=ids::SCHEDULE_LENGTH class="muted">{move || url.with(|l| length_note(l.chars().count()))}</p>
            <div class="actions tight">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        copy.dispatch_local((ids::SCHEDULE_COPY_FALLBACK, url.get_untracked()));
                    }
                >
                    {move || t(Key::ShareCopy)}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        files::download("peer-coach-rotation.txt", &schedule_text_block(&url.get_untracked()));
                    }
                >
                    {move || t(Key::RotationShareFile)}
                </button>
            </div>
            <CopyStatus
                status=status
                copied=Key::RotationShareCopied
                fallback=ids::SCHEDULE_COPY_FALLBACK
                label=Key::RotationShareLink
            />
        </section>
    }
}
