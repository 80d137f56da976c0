//! Every DOM id the views render, focus or point at (`for`,
//! `aria-labelledby`, `aria-describedby`, `aria-controls`), defined once.
//!
//! A view writes `id=ids::SCREEN_TITLE` and `focus_later(ids::SCREEN_TITLE)`
//! (or `ids::member(i)` for an id built from data), so a misspelt id is a
//! compile error and the element and whatever points at it cannot drift
//! apart. The rendered ids are the ones the app always had: tests and
//! readers may rely on them. Plain Rust (no leptos), so the native test
//! `tests/ui_ids.rs` checks the list and that no view writes an id literal.

macro_rules! static_ids {
    ($($name:ident = $text:literal,)*) => {
        $(pub const $name: &str = $text;)*
        /// Every fixed id, for the tests.
        #[allow(dead_code)]
        pub const ALL: &[&str] = &[$($name),*];
    };
}

static_ids! {
    ADD_RULE = "add-rule",
    AGREEMENT_TITLE = "agreement-title",
    AGREEMENT_WAITING = "agreement-waiting",
    AIRTIME_PANEL = "airtime-panel",
    AIRTIME_SUMMARY_TITLE = "airtime-summary-title",
    AIRTIME_TITLE = "airtime-title",
    AIRTIME_TOGGLE = "airtime-toggle",
    ARRIVAL_TITLE = "arrival-title",
    BACKUP_TITLE = "backup-title",
    CALENDAR_FOR = "calendar-for",
    CHECK_IN_TITLE = "check-in-title",
    EARLIER_TITLE = "earlier-title",
    ENTRY_ACTION = "entry-action",
    ENTRY_DATE = "entry-date",
    ENTRY_FORM_TITLE = "entry-form-title",
    ENTRY_LEARNED = "entry-learned",
    ENTRY_PROMPT_ANSWER = "entry-prompt-answer",
    ENTRY_TRIED = "entry-tried",
    ENTRY_WENT = "entry-went",
    EXERCISE_SEARCH = "exercise-search",
    EXPORT_MARKDOWN = "export-markdown",
    EXPORTS_TITLE = "exports-title",
    FINISHED_TITLE = "finished-title",
    GROUP_EVERYONE = "group-everyone",
    GROUP_TURNS = "group-turns",
    HISTORY_SEARCH = "history-search",
    IDEA_FROM = "idea-from",
    IDEA_TEXT = "idea-text",
    JOURNAL_SEARCH = "journal-search",
    LANGUAGE = "language",
    LIVE_CANCEL = "live-cancel",
    LIVE_COPY_FALLBACK = "live-copy-fallback",
    LIVE_INVITE_LENGTH = "live-invite-length",
    LIVE_INVITE_LINK = "live-invite-link",
    LIVE_JOIN_NAME = "live-join-name",
    LIVE_JOIN_PASSPHRASE = "live-join-passphrase",
    LIVE_NAME = "live-name",
    LIVE_PANEL = "live-panel",
    LIVE_PRESENCE = "live-presence",
    LIVE_PASSPHRASE = "live-passphrase",
    LIVE_PROTECT = "live-protect",
    LIVE_QR_CAPTION = "live-qr-caption",
    LIVE_REPLY = "live-reply",
    LIVE_REPLY_CODE = "live-reply-code",
    LIVE_REPLY_HELP = "live-reply-help",
    LIVE_REPLY_LENGTH = "live-reply-length",
    LIVE_STUN_ADDRESS = "live-stun-address",
    LIVE_STUN_USE = "live-stun-use",
    LIVE_STUN_WHAT = "live-stun-what",
    LIVE_TITLE = "live-title",
    LIVE_TOGGLE = "live-toggle",
    MAIN = "main",
    NEW_ENTRY = "new-entry",
    NEXT_DATE = "next-date",
    NEXT_MEETING_TITLE = "next-meeting-title",
    NEXT_MEETINGS_TITLE = "next-meetings-title",
    NEXT_REPEAT = "next-repeat",
    NEXT_TIME = "next-time",
    OPEN_ERROR = "open-error",
    OPEN_FILE = "open-file",
    OPEN_FILE_HELP = "open-file-help",
    OPEN_PASSPHRASE = "open-passphrase",
    OPEN_PASTE = "open-paste",
    OPEN_PASTE_HELP = "open-paste-help",
    OPEN_TITLE = "open-title",
    PROGRESS_DESC = "progress-desc",
    PROGRESS_TITLE = "progress-title",
    QR_CAPTION = "qr-caption",
    QR_LARGE_TITLE = "qr-large-title",
    REFLECTION_TITLE = "reflection-title",
    RESTORE_FILE = "restore-file",
    RESTORE_HELP = "restore-help",
    RESULTS_TITLE = "results-title",
    ROSTER_NAME = "roster-name",
    ROSTER_TITLE = "roster-title",
    ROTATION_EVERY = "rotation-every",
    ROTATION_START = "rotation-start",
    ROUND_EARLIER_TITLE = "round-earlier-title",
    ROUND_MINUTES = "round-minutes",
    ROUND_NEW_TITLE = "round-new-title",
    SCHEDULE_COPY_FALLBACK = "schedule-copy-fallback",
    SCHEDULE_LENGTH = "schedule-length",
    SCHEDULE_LINK = "schedule-link",
    SCHEDULE_SHARE_TITLE = "schedule-share-title",
    SCHEDULE_TITLE = "schedule-title",
    SCREEN_TITLE = "screen-title",
    SHARE_COPY_FALLBACK = "share-copy-fallback",
    SHARE_LENGTH = "share-length",
    SHARE_LINK = "share-link",
    SHARE_PANEL = "share-panel",
    SHARE_PASSPHRASE = "share-passphrase",
    SHARE_PROTECT = "share-protect",
    SHARE_TITLE = "share-title",
    SHARE_TOGGLE = "share-toggle",
    STEP_TITLE = "step-title",
    STORY_LINE = "story-line",
    SUBJECT = "subject",
    SUGGESTIONS_TITLE = "suggestions-title",
    TOTAL = "total",
    TOTAL_HELP = "total-help",
    TRAINER_CODE = "trainer-code",
    TRAINER_CODE_HELP = "trainer-code-help",
    TRAINER_EMBED = "trainer-embed",
    TRAINER_LANG = "trainer-lang",
    TRAINER_LINK = "trainer-link",
    TRAINER_PREVIEW_TITLE = "trainer-preview-title",
    TRAINER_SET_MINUTES = "trainer-set-minutes",
    TRAINER_SHARE = "trainer-share",
    TRAINER_WHAT = "trainer-what",
    TURN_ORDER_TITLE = "turn-order-title",
    TURN_SCRIBE = "turn-scribe",
    TURNS_TITLE = "turns-title",
    UNDO_DELETE = "undo-delete",
    UNDO_RULE = "undo-rule",
}

/// One `aria-labelledby` (or `aria-describedby`) value naming several ids.
pub fn list(ids: &[&str]) -> String {
    ids.join(" ")
}

// Ids built from data: one function each, used by the element and by
// whatever focuses it.

use std::fmt::Display;

/// A group member's name field.
pub fn member(at: usize) -> String {
    format!("member-{at}")
}

/// A group member's move-up (`up`) or move-down button.
pub fn member_arrow(at: usize, up: bool) -> String {
    format!("member-{at}-{}", if up { "up" } else { "down" })
}

/// A person's name field in a round.
pub fn round_person(at: usize) -> String {
    format!("round-person-{at}")
}

/// A ground rule's field in the agreement.
pub fn rule(at: usize) -> String {
    format!("rule-{at}")
}

/// The "carried over" note of a follow-up action.
pub fn carried(at: usize) -> String {
    format!("carried-{at}")
}

/// A drawn prompt's answer field in an exercise.
pub fn answer(at: usize) -> String {
    format!("answer-{at}")
}

/// The field for a new option in a half's Options step.
pub fn new_option(turn: impl Display) -> String {
    format!("new-option-{turn}")
}

/// An option's own id, the stem of the ids of its parts.
pub fn option(turn: impl Display, id: impl Display) -> String {
    format!("opt-{turn}-{id}")
}

/// A part of an option (`up`, `down`, `chosen`, ...).
pub fn option_part(turn: impl Display, id: impl Display, part: &str) -> String {
    format!("opt-{turn}-{id}-{part}")
}

/// The field of an option's pro or con (`tag`) at `at`.
pub fn option_point(turn: impl Display, id: impl Display, tag: &str, at: usize) -> String {
    format!("opt-{turn}-{id}-{tag}-{at}")
}

/// The button that adds a pro or con (`tag`) to an option.
pub fn option_point_add(turn: impl Display, id: impl Display, tag: &str) -> String {
    format!("opt-{turn}-{id}-add-{tag}")
}

/// A field of an action (`what`, `owner`, `other`, `due`, `first`).
pub fn action_part(turn: impl Display, id: impl Display, part: &str) -> String {
    format!("act-{turn}-{id}-{part}")
}

/// The button that adds an action in a half's Will step.
pub fn add_action(turn: impl Display) -> String {
    format!("add-action-{turn}")
}

/// The "Change" button of a rotation period.
pub fn period_change(index: u32) -> String {
    format!("change-{index}")
}

/// A rotation period's editor (controlled by its "Change" button).
pub fn period_edit(index: u32) -> String {
    format!("period-edit-{index}")
}

/// The heading of a rotation period's editor.
pub fn period_edit_title(index: u32) -> String {
    format!("period-edit-title-{index}")
}

/// The error line of a rotation period's editor.
pub fn period_error(index: u32) -> String {
    format!("period-error-{index}")
}

/// The swap or lock button (`what`) of a rotation period's editor.
pub fn pair_button(what: &str, index: u32) -> String {
    format!("{what}-{index}")
}

/// The first (`a`) or second (`b`) person select of a swap or lock.
pub fn pair_choice(what: &str, side: char, index: u32) -> String {
    format!("{what}-{side}-{index}")
}

/// A person's "away" box in a rotation period's editor.
pub fn away(index: u32, person: u32) -> String {
    format!("away-{index}-{person}")
}
