//! Deleting a session, and putting it back within [`UNDO_FOR`].

use super::*;

impl Sessions {
    /// Delete a session and its private notes from the device. It can be
    /// put back with [`Sessions::undo_delete`] for [`UNDO_FOR`], from any
    /// screen; each deletion has its own time.
    pub fn delete(&self, id: &str) {
        self.flush();
        let Some(session) = self.get_untracked(id) else {
            return;
        };
        let (private, airtime) = self.storage.with_value(|s| {
            let kept = (
                s.get(&store::private_key(id)),
                s.get(&store::airtime_key(id)),
            );
            records::delete_session(s, id);
            kept
        });
        self.list.update(|list| list.retain(|e| e.id != id));
        let n = self.deletions.get_value();
        self.deletions.set_value(n.wrapping_add(1));
        self.deleted.update(|d| {
            d.push(Deleted {
                n,
                session,
                private,
                airtime,
            })
        });
        let deleted = self.deleted;
        set_timeout(
            move || {
                // The app may be gone (a test unmounting it): nothing to do.
                let _ = deleted.try_update(|d| d.retain(|x| x.n != n));
            },
            UNDO_FOR,
        );
    }

    /// The deletions that can still be undone, oldest first.
    pub fn pending_deletions(&self) -> Vec<PendingDeletion> {
        self.deleted.with(|d| {
            d.iter()
                .map(|x| PendingDeletion {
                    n: x.n,
                    names: x.session.names.clone(),
                })
                .collect()
        })
    }

    /// Put a deleted session back, as it was.
    pub fn undo_delete(&self, n: u32) {
        let mut taken = None;
        self.deleted.update(|d| {
            if let Some(at) = d.iter().position(|x| x.n == n) {
                taken = Some(d.remove(at));
            }
        });
        let Some(deleted) = taken else {
            return;
        };
        if let Some(raw) = &deleted.private {
            self.keep(&store::private_key(&deleted.session.id), raw);
        }
        if let Some(raw) = &deleted.airtime {
            self.keep(&store::airtime_key(&deleted.session.id), raw);
        }
        self.put(deleted.session);
    }
}

/// A session just deleted, kept in memory so that it can be put back.
#[derive(Clone, Debug)]
pub(super) struct Deleted {
    n: u32,
    session: Session,
    /// Its private notes' and airtime records, as stored.
    private: Option<String>,
    airtime: Option<String>,
}
