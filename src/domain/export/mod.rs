//! Exports of a session for other apps: iCalendar files for the calendar
//! (the next meeting, the action plan's due dates). The texts in them come
//! from the caller, so this stays free of the message catalogue.

pub mod ical;
pub mod zone;
