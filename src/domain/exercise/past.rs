//! Earlier runs of an exercise done on its own: "start again" puts the run
//! on screen here (when anything was written in it) and begins a new one,
//! so no run is ever wiped. Kept on the device beside the current run.

use serde::{Deserialize, Serialize};

use super::ExerciseRun;

/// Most earlier runs kept per exercise; past that, the oldest goes.
pub const MAX_PAST_RUNS: usize = 30;

/// A run set aside by "start again", with when that happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastRun {
    /// When it was set aside (milliseconds since the epoch).
    #[serde(default)]
    pub ended_ms: i64,
    pub run: ExerciseRun,
}

/// Keep `run` among the earlier runs (oldest first), unless nothing was
/// written in it; the oldest go beyond [`MAX_PAST_RUNS`]. True if kept.
pub fn keep_past(past: &mut Vec<PastRun>, run: ExerciseRun, now: i64) -> bool {
    if run.is_blank() {
        return false;
    }
    past.push(PastRun { ended_ms: now, run });
    if past.len() > MAX_PAST_RUNS {
        let extra = past.len() - MAX_PAST_RUNS;
        past.drain(..extra);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use crate::domain::exercise::ExerciseId;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// Starting again never loses a run with anything in it: it is the
        /// newest earlier run, the ones before stay in order (only the
        /// oldest go beyond the limit), and a blank run is not kept.
        #[test]
        fn starting_again_keeps_every_written_run(
            subjects in proptest::collection::vec("[a-z ]{0,3}", 0..40)
        ) {
            let mut past = Vec::new();
            let mut written = Vec::new();
            for (i, subject) in subjects.iter().enumerate() {
                let mut run = ExerciseRun::new(ExerciseId::WhatIf);
                run.subject = subject.clone();
                let kept = keep_past(&mut past, run, i as i64);
                prop_assert_eq!(kept, !subject.trim().is_empty());
                if kept {
                    written.push(subject.clone());
                }
                prop_assert!(past.len() <= MAX_PAST_RUNS);
            }
            let expect = &written[written.len().saturating_sub(MAX_PAST_RUNS)..];
            let got: Vec<String> = past.iter().map(|p| p.run.subject.clone()).collect();
            prop_assert_eq!(got.as_slice(), expect);
        }
    }

    #[test]
    fn older_records_load() {
        let past: Vec<PastRun> =
            serde_json::from_str(r#"[{"run":{"exercise":"empathy","subject":"Ana"}}]"#).unwrap();
        assert_eq!(past[0].ended_ms, 0);
        assert!(!past[0].run.finished);
        assert_eq!(past[0].run.subject, "Ana");
    }
}
