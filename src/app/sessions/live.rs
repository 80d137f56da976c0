//! What the live sync (`app::live_sync`) needs of the sessions: this tab's
//! registers of a session, with what it shows recorded, and the registers
//! merged with the other person's, shown at once and saved soon.

use leptos::prelude::*;

use super::Sessions;
use crate::domain::merge::registers::Registers;

impl Sessions {
    /// This tab's writer id: what its changes are stamped with.
    pub fn writer_id(&self) -> String {
        self.writer.with_value(|w| w.1.clone())
    }

    /// A session's registers as this tab holds them, every change it
    /// shows recorded first (a key typed a moment ago included); with
    /// `stamp_old`, values of an old record (unstamped) are stamped too,
    /// so that they are exchanged. Empty when this device has no such
    /// session (the other person's copy then comes whole).
    pub fn live_registers(&self, id: &str, stamp_old: bool) -> Registers {
        if !self.exists_untracked(id) {
            return Registers::default();
        }
        self.record_shown(id);
        if stamp_old {
            let at = self.stamp();
            self.regs.update_value(|m| {
                if let Some(regs) = m.get_mut(id) {
                    regs.stamp_unstamped(&at);
                }
            });
        }
        self.regs
            .with_value(|m| m.get(id).cloned())
            .unwrap_or_default()
    }

    /// The registers of a session after the other person's changes were
    /// merged in: shown at once (a session this device did not have
    /// appears in the list) and saved soon, like a change made here.
    pub fn take_in_live(&self, id: &str, regs: Registers) {
        let Some(view) = regs.session().filter(|s| s.id == id) else {
            return;
        };
        self.regs
            .update_value(|m| drop(m.insert(id.to_string(), regs)));
        let differs = self.read_untracked(id, |s| *s != view).unwrap_or(true);
        if differs {
            self.show(view);
        }
        self.unsaved.update_value(|u| {
            u.insert(id.to_string());
        });
        self.save_soon();
    }
}
