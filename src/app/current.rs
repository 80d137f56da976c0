//! The session on screen: a small copyable handle for views, with this
//! device's own notes and airtime for it. It holds the session's own
//! signal, so its views follow that session alone. Every change of the
//! session goes through `Current::update` (`Sessions::update`: in memory
//! at once, saved soon after, and when the screen is left).

use leptos::prelude::*;

use crate::app::sessions::{Entry, Sessions};
use crate::domain::airtime::Airtime;
use crate::domain::followup;
use crate::domain::private::PrivateNotes;
use crate::domain::session::{Session, Turn};
use crate::platform::records;

/// The session on screen: a small copyable handle for views.
#[derive(Clone, Copy)]
pub struct Current {
    sessions: Sessions,
    id: StoredValue<String>,
    /// The session's entry of the list (none if it is not on the device).
    entry: StoredValue<Option<Entry>>,
    /// This device's private notes for the session (never shared).
    private: RwSignal<PrivateNotes>,
    /// This device's airtime tracking (the facilitator's own, never shared).
    airtime: RwSignal<Airtime>,
}

impl Current {
    pub fn provide(sessions: Sessions, id: String) -> Self {
        let storage = sessions.storage();
        let notes = records::load_private(&storage, &id);
        let mut airtime = records::load_airtime(&storage, &id);
        let people = sessions.read_untracked(&id, |s| s.people()).unwrap_or(2);
        airtime.fit(people);
        let current = Current {
            sessions,
            entry: StoredValue::new(sessions.entry(&id)),
            id: StoredValue::new(id),
            private: RwSignal::new(notes),
            airtime: RwSignal::new(airtime),
        };
        // Leaving the session's screens saves what was typed there.
        on_cleanup(move || sessions.flush());
        provide_context(current);
        current
    }

    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// Read from the session, tracking changes; the default if it is gone.
    pub fn read<R: Default>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.entry
            .with_value(|e| e.as_ref().map(|e| e.with(f)))
            .unwrap_or_default()
    }

    pub fn read_untracked<R: Default>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.entry
            .with_value(|e| e.as_ref().map(|e| e.with_untracked(f)))
            .unwrap_or_default()
    }

    /// One value of the session as a memo: its readers wake only when
    /// that value changes, not on every change of the session.
    pub fn field<T>(&self, f: impl Fn(&Session) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        let this = *self;
        Memo::new(move |_| this.read(&f))
    }

    /// One value of a half as a memo (see [`Current::field`]).
    pub fn turn_field<T>(&self, h: usize, f: impl Fn(&Turn) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        self.field(move |s| s.turn(h).map(&f).unwrap_or_default())
    }

    /// Read from one half, tracking changes.
    pub fn turn<R: Default>(&self, h: usize, f: impl FnOnce(&Turn) -> R) -> R {
        self.read(|s| s.turn(h).map(f)).unwrap_or_default()
    }

    /// Change the session (saved soon, see `Sessions::update`).
    pub fn update(&self, f: impl FnOnce(&mut Session)) {
        self.id.with_value(|id| self.sessions.update(id, f));
    }

    /// Change one half (saved soon).
    pub fn update_turn(&self, h: usize, f: impl FnOnce(&mut Turn)) {
        self.update(|s| {
            if let Some(turn) = s.turn_mut(h) {
                f(turn);
            }
        });
    }

    /// Change a follow-up item; what it says of the previous session's
    /// action is recorded on that session too, when this device has it.
    pub fn edit_follow_up(
        &self,
        at: usize,
        edit: impl FnOnce(&mut crate::domain::session::FollowUpItem),
    ) {
        let mut changed = None;
        self.update(|s| {
            s.edit_follow_up(at, edit);
            changed = s.follow_up.get(at).cloned();
        });
        let Some(item) = changed else { return };
        // Only the latest review of that session speaks for it: an older
        // session's follow-up edited later must not undo a newer one's.
        let latest = self.sessions.with_all_untracked(|all| {
            followup::latest_review_of(all, &item.session).map(|s| s.id.clone())
        });
        if latest == Some(self.id()) && self.sessions.exists_untracked(&item.session) {
            self.sessions
                .update(&item.session, |previous| previous.take_follow_up(&item));
        }
    }

    /// Carry a follow-up item into today's plan with its due date and
    /// first step. This device's copy of the previous session, when there
    /// is one, gives what a link does not carry: the first step, the
    /// owner's name and whose plan it was in.
    pub fn carry_follow_up(&self, at: usize) {
        let origin = self.follow_up_origin(at);
        self.update(|s| {
            s.carry_follow_up(at, origin);
        });
    }

    /// What this device's copy of the previous session says of follow-up
    /// item `at` (its owner by name, its plan, its first step), if this
    /// device has that session.
    pub fn follow_up_origin(&self, at: usize) -> Option<followup::Origin> {
        let (previous, action, names) = self.read_untracked(|s| {
            s.follow_up
                .get(at)
                .map(|i| (i.session.clone(), i.action, s.names.clone()))
        })?;
        self.sessions.read_untracked(&previous, |previous| {
            followup::origin_of(previous, action, &names)
        })?
    }

    /// This device's private note for a half.
    pub fn private_note(&self, h: usize) -> String {
        self.private.with(|p| p.turn(h).to_string())
    }

    /// Change a private note (saved at once, on this device only).
    pub fn set_private_note(&self, h: usize, text: String) {
        self.private.update(|p| p.set_half(h, text));
        let notes = self.private.get_untracked();
        let id = self.id();
        let result = records::save_private(&self.sessions.storage(), &id, &notes);
        self.sessions.report(result);
    }

    /// Read this device's airtime tracking, following changes.
    pub fn airtime<R>(&self, f: impl FnOnce(&Airtime) -> R) -> R {
        self.airtime.with(f)
    }

    /// Change the airtime tracking (kept at once, on this device only).
    pub fn update_airtime(&self, f: impl FnOnce(&mut Airtime)) {
        self.airtime.update(f);
        let airtime = self.airtime.get_untracked();
        let id = self.id();
        let result = records::save_airtime(&self.sessions.storage(), &id, &airtime);
        self.sessions.report(result);
    }

    /// How many people take part (two, or a group's three to seven).
    pub fn people(&self) -> usize {
        self.read_untracked(|s| s.people()).max(2)
    }

    /// A person's name as shown ("Person A" when none was given).
    pub fn person(&self, who: u8) -> String {
        self.read(|s| crate::i18n::person(&s.names, who))
    }
}

pub fn use_current() -> Current {
    expect_context::<Current>()
}
