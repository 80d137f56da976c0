//! An exercise's run as reactive state, kept as the user types: on its own
//! (in the device's record for that exercise) or inside a session's half
//! (in the session, so it travels with the session's link).

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::sessions::{Current, Sessions};
use crate::domain::exercise::{keep_past, ExerciseId, ExerciseRun};
use crate::domain::store::{self, Record};
use crate::platform::records::{self, StoredRun};

/// Where a run is kept.
// Current is a Copy handle of arena ids (one per reactive field of
// Sessions and Current), one Home per exercise on screen: boxing it would
// cost a Copy for a few bytes.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
enum Home {
    /// Done on its own; false when a newer version's record holds it.
    Device { writable: bool },
    /// Done inside a session, attached to one half.
    Session { current: Current, turn: usize },
}

#[derive(Clone, Copy)]
pub struct RunHandle {
    sessions: Sessions,
    run: RwSignal<ExerciseRun>,
    home: Home,
}

impl RunHandle {
    /// The device's run of an exercise done on its own.
    pub fn standalone(sessions: Sessions, id: ExerciseId) -> Self {
        let (run, writable) = match records::load_exercise(&sessions.storage(), id) {
            StoredRun::Found(run) => (run, true),
            StoredRun::Fresh => (ExerciseRun::new(id), true),
            StoredRun::Newer => (ExerciseRun::new(id), false),
        };
        if !writable {
            sessions.notices().raise(Notice::Newer);
        }
        Self::provide(sessions, run, Home::Device { writable })
    }

    /// The run of an exercise in a session's half (started there if it was
    /// not yet). It follows the session: a merged link or another tab's
    /// save shows here too.
    pub fn in_session(sessions: Sessions, current: Current, turn: usize, id: ExerciseId) -> Self {
        let attached = move || current.turn(turn, |h| h.exercise(id).cloned());
        if attached().is_none() {
            current.update_turn(turn, |h| {
                h.open_exercise(id);
            });
        }
        let run = attached().unwrap_or_else(|| ExerciseRun::new(id));
        let handle = Self::provide(sessions, run, Home::Session { current, turn });
        Effect::new(move |_| {
            if let Some(theirs) = attached() {
                if handle.run.with_untracked(|r| *r != theirs) {
                    handle.run.set(theirs);
                }
            }
        });
        handle
    }

    fn provide(sessions: Sessions, run: ExerciseRun, home: Home) -> Self {
        let handle = RunHandle {
            sessions,
            run: RwSignal::new(run),
            home,
        };
        provide_context(handle);
        handle
    }

    /// The session and half the run belongs to, if it is done in a session.
    pub fn session(&self) -> Option<(Current, usize)> {
        match self.home {
            Home::Session { current, turn } => Some((current, turn)),
            Home::Device { .. } => None,
        }
    }

    /// A person's name as shown: the session's names, or "Person A" /
    /// "Person B" for a run done on its own.
    pub fn person(&self, who: u8) -> String {
        match self.home {
            Home::Session { current, .. } => current.person(who),
            Home::Device { .. } => crate::i18n::person(&[String::new(), String::new()], who),
        }
    }

    /// Read from the run, tracking changes.
    pub fn read<R>(&self, f: impl FnOnce(&ExerciseRun) -> R) -> R {
        self.run.with(f)
    }

    pub fn read_untracked<R>(&self, f: impl FnOnce(&ExerciseRun) -> R) -> R {
        self.run.with_untracked(f)
    }

    /// Change the run and keep it at once.
    pub fn update(&self, f: impl FnOnce(&mut ExerciseRun)) {
        self.run.update(f);
        match self.home {
            Home::Device { writable: false } => {}
            Home::Device { writable: true } => {
                let (key, raw) = self
                    .run
                    .with_untracked(|r| (store::exercise_key(r.exercise), r.encode()));
                self.sessions.keep(&key, &raw);
            }
            Home::Session { current, turn } => {
                let run = self.run.get_untracked();
                let id = run.exercise;
                current.update_turn(turn, |h| *h.open_exercise(id) = run);
            }
        }
    }

    /// End the run: its result is what the pair sees now.
    pub fn finish(&self, now: i64) {
        self.update(|r| r.finish(now));
    }

    /// The earlier runs of this exercise, newest first, each with when it
    /// was set aside if that is known (runs done on their own).
    pub fn earlier_runs(&self) -> Vec<(Option<i64>, ExerciseRun)> {
        let id = self.run.with_untracked(|r| r.exercise);
        let mut runs: Vec<(Option<i64>, ExerciseRun)> = match self.home {
            Home::Device { .. } => {
                // Read again whenever the run changes (a restart adds one).
                self.run.track();
                records::load_past_runs(&self.sessions.storage(), id)
                    .0
                    .into_iter()
                    .map(|p| (Some(p.ended_ms), p.run))
                    .collect()
            }
            Home::Session { current, turn } => current.turn(turn, |h| {
                h.earlier_runs(id)
                    .into_iter()
                    .map(|r| (None, r.clone()))
                    .collect()
            }),
        };
        runs.reverse();
        runs
    }

    /// Start the exercise again from its first step, in a new run: the
    /// run so far is kept among the earlier runs (unless nothing was
    /// written in it), never wiped.
    pub fn restart(&self, now: i64) {
        let id = self.run.with_untracked(|r| r.exercise);
        match self.home {
            Home::Device { writable: false } => {
                self.sessions.notices().raise(Notice::Newer);
            }
            Home::Device { writable: true } => {
                // The device's list as it is now (another tab may have
                // added to it); a newer version's list is never written.
                let storage = self.sessions.storage();
                let (mut past, writable) = records::load_past_runs(&storage, id);
                if !writable {
                    self.sessions.notices().raise(Notice::Newer);
                    return;
                }
                if keep_past(&mut past, self.run.get_untracked(), now) {
                    self.sessions
                        .keep(&store::past_runs_key(id), &past.encode());
                }
                self.update(|r| *r = ExerciseRun::new(id));
            }
            Home::Session { current, turn } => {
                current.update_turn(turn, |h| {
                    h.restart_exercise(id);
                });
                self.run.set(ExerciseRun::new(id));
            }
        }
    }

    /// Take the run out of its session's half (nothing for a run done on
    /// its own).
    pub fn detach(&self) {
        if let Home::Session { current, turn } = self.home {
            let id = self.run.with_untracked(|r| r.exercise);
            current.update_turn(turn, |h| h.remove_exercise(id));
        }
    }
}

pub fn use_run() -> RunHandle {
    expect_context::<RunHandle>()
}
