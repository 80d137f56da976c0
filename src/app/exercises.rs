//! An exercise done on its own: its run as reactive state, saved on the
//! device as the user types.

use leptos::prelude::*;

use crate::app::notices::Notice;
use crate::app::sessions::Sessions;
use crate::domain::exercise::{ExerciseId, ExerciseRun};
use crate::domain::store;
use crate::platform::records::{self, StoredRun};

#[derive(Clone, Copy)]
pub struct RunHandle {
    sessions: Sessions,
    run: RwSignal<ExerciseRun>,
    /// False when a newer version's record holds this exercise.
    writable: bool,
}

impl RunHandle {
    pub fn provide(sessions: Sessions, id: ExerciseId) -> Self {
        let (run, writable) = match records::load_exercise(&sessions.storage(), id) {
            StoredRun::Found(run) => (run, true),
            StoredRun::Fresh => (ExerciseRun::new(id), true),
            StoredRun::Newer => (ExerciseRun::new(id), false),
        };
        if !writable {
            sessions.notices().raise(Notice::Newer);
        }
        let handle = RunHandle {
            sessions,
            run: RwSignal::new(run),
            writable,
        };
        provide_context(handle);
        handle
    }

    /// Read from the run, tracking changes.
    pub fn read<R>(&self, f: impl FnOnce(&ExerciseRun) -> R) -> R {
        self.run.with(f)
    }

    pub fn read_untracked<R>(&self, f: impl FnOnce(&ExerciseRun) -> R) -> R {
        self.run.with_untracked(f)
    }

    /// Change the run and keep it on the device at once.
    pub fn update(&self, f: impl FnOnce(&mut ExerciseRun)) {
        self.run.update(f);
        if self.writable {
            let (key, raw) = self
                .run
                .with_untracked(|r| (store::exercise_key(r.exercise), store::encode_exercise(r)));
            self.sessions.keep(&key, &raw);
        }
    }

    /// Start the exercise again from its first step.
    pub fn restart(&self) {
        let id = self.run.with_untracked(|r| r.exercise);
        self.update(|r| *r = ExerciseRun::new(id));
    }
}

pub fn use_run() -> RunHandle {
    expect_context::<RunHandle>()
}
