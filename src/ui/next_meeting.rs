//! When the pair meets next: a date, a time and how often, set at the
//! wrap-up. The home screen shows it and counts down to it.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::followup::{NextMeeting, MAX_EVERY_WEEKS};
use crate::i18n::{lang, t, texts, Key};
use crate::platform::clock::local_day;
use crate::ui::ids;

#[component]
pub fn NextMeetingSection() -> impl IntoView {
    let current = use_current();
    let meeting = Memo::new(move |_| current.read(|s| s.next_meeting.clone()));
    // Edits keep what the other fields hold. A meeting needs its date, so
    // only clearing the date clears it; a date not valid yet (a year being
    // typed) changes nothing.
    let edit = move |f: &dyn Fn(&mut NextMeeting)| {
        let mut m = current
            .read_untracked(|s| s.next_meeting.clone())
            .unwrap_or_default();
        f(&mut m);
        if let Some(valid) = m.normalized() {
            current.update(|s| s.next_meeting = Some(valid));
        }
    };
    let date = move || meeting.get().map(|m| m.date).unwrap_or_default();
    let time = move || meeting.get().map(|m| m.time).unwrap_or_default();
    let every = move || meeting.get().and_then(|m| m.every_weeks).unwrap_or(0);
    let option = move |weeks: u8| {
        let label = match weeks {
            0 => t(Key::RepeatOnce).to_string(),
            1 => t(Key::RepeatWeekly).to_string(),
            n => texts::repeat_every(lang(), &n.to_string()),
        };
        view! { <option value=weeks.to_string() selected=move || every() == weeks>{label}</option> }
    };
    view! {
        <section class="next-meeting" aria-labelledby=ids::NEXT_MEETING_TITLE>
            <h2 id=ids::NEXT_MEETING_TITLE class="no-print">{move || t(Key::NextMeetingTitle)}</h2>
            <p class="print-only">
                {move || meeting.get().map(|m| {
                    let mut when = local_day(lang(), &m.date);
                    if !m.time.is_empty() {
                        when = texts::meeting_at(lang(), &when, &m.time);
                    }
                    if let Some(n) = m.every_weeks {
                        let repeat = if n == 1 { t(Key::RepeatWeekly).to_string() } else { texts::repeat_every(lang(), &n.to_string()) };
                        when = format!("{when} ({})", repeat.to_lowercase());
                    }
                    texts::next_meeting_print(lang(), &when)
                })}
            </p>
            <div class="next-fields no-print">
                <div class="field">
                    <label for=ids::NEXT_DATE>{move || t(Key::NextMeetingDate)}</label>
                    <input
                        type="date"
                        id=ids::NEXT_DATE
                        prop:value=date
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if v.is_empty() {
                                current.update(|s| s.next_meeting = None);
                            } else {
                                edit(&|m| m.date = v.clone());
                            }
                        }
                    />
                </div>
                <div class="field">
                    <label for=ids::NEXT_TIME>{move || t(Key::NextMeetingTime)}</label>
                    <input
                        type="time"
                        id=ids::NEXT_TIME
                        prop:value=time
                        disabled=move || meeting.get().is_none()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit(&|m| m.time = v.clone());
                        }
                    />
                </div>
                <div class="field">
                    <label for=ids::NEXT_REPEAT>{move || t(Key::NextMeetingRepeat)}</label>
                    <select
                        id=ids::NEXT_REPEAT
                        disabled=move || meeting.get().is_none()
                        on:change=move |ev| {
                            let weeks = event_target_value(&ev).parse::<u8>().unwrap_or(0);
                            edit(&|m| m.every_weeks = (weeks > 0).then_some(weeks));
                        }
                    >
                        {(0..=MAX_EVERY_WEEKS).map(option).collect_view()}
                    </select>
                </div>
            </div>
        </section>
    }
}
