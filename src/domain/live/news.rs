//! What the other person did that is worth saying (politely, to a screen
//! reader) when their changes arrive: a move to another step and what
//! they did to the time-box. Typing is never announced: the field shows
//! it, and a voice at every key would drown the conversation.

use crate::domain::flow::Step;
use crate::domain::session::Session;

/// One thing to say about a change from the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum News {
    /// They moved the session to this step.
    Moved(Step),
    /// They started (or resumed) the time-box of the step on screen.
    Started,
    /// They paused it.
    Paused,
    /// They gave the step on screen more time.
    MoreTime,
}

/// What to say about the session going from `before` to `after` by the
/// other person's changes, if anything: the step first (a move says
/// enough), then the time-box of the step on screen.
pub fn news(before: &Session, after: &Session) -> Option<News> {
    if before.step != after.step {
        return Some(News::Moved(after.step));
    }
    let (was, is) = (before.current_clock()?, after.current_clock()?);
    if was.is_running() != is.is_running() {
        return Some(if is.is_running() {
            News::Started
        } else {
            News::Paused
        });
    }
    (is.allotted_ms > was.allotted_ms).then_some(News::MoreTime)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::flow::Phase;
    use crate::domain::session::Setup;
    use proptest::prelude::*;

    fn session() -> Session {
        let mut s = Session::new("s1".into(), 0, &Setup::default());
        s.step = Step::Phase {
            turn: 0,
            phase: Phase::Goal,
        };
        s
    }

    fn phase() -> impl Strategy<Value = Phase> {
        prop_oneof![
            Just(Phase::Goal),
            Just(Phase::Reality),
            Just(Phase::Options),
            Just(Phase::Will)
        ]
    }

    proptest! {
        /// A move is always said, as the step moved to, whatever the clock did.
        #[test]
        fn a_move_is_said(p in phase(), q in phase(), start in any::<bool>(), now in 1i64..1_000_000) {
            let before = session();
            let mut after = session();
            after.step = Step::Phase { turn: 1, phase: q };
            if start {
                after.current_clock_mut().unwrap().start(now);
            }
            let _ = p;
            prop_assert_eq!(news(&before, &after), Some(News::Moved(after.step)));
        }

        /// Without a move, starting, pausing and adding time are said, and
        /// anything else (typing) is not.
        #[test]
        fn the_time_box_is_said_and_typing_is_not(now in 1i64..1_000_000, text in ".{0,20}") {
            let before = session();
            let mut typed = before.clone();
            typed.turns[0].goal.topic = text;
            prop_assert_eq!(news(&before, &typed), None);

            let mut started = typed.clone();
            started.current_clock_mut().unwrap().start(now);
            prop_assert_eq!(news(&typed, &started), Some(News::Started));

            let mut paused = started.clone();
            paused.current_clock_mut().unwrap().pause(now + 1_000);
            prop_assert_eq!(news(&started, &paused), Some(News::Paused));

            let mut more = paused.clone();
            more.current_clock_mut().unwrap().add_minute(now + 2_000);
            prop_assert_eq!(news(&paused, &more), Some(News::MoreTime));
            prop_assert_eq!(news(&more, &more), None);
        }
    }
}
