//! Reflection over time: how useful each session was (the mean of both
//! people's 1-to-5) and how much of its plan got done, across sessions, and
//! the geometry of the chart that shows it (plain numbers: the view draws
//! them as SVG).

use crate::domain::session::{ActionStatus, Session};

/// Most sessions the chart shows (the latest ones).
pub const CHART_SESSIONS: usize = 24;

/// One session on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub id: String,
    pub created_ms: i64,
    pub names: Vec<String>,
    /// Each person's "how useful", 1 to 5.
    pub useful: Vec<Option<u8>>,
    /// Actions done, of those written down.
    pub done: usize,
    pub actions: usize,
    /// Actions a later follow-up said something of (any status but open).
    pub reviewed: usize,
}

impl Point {
    /// The mean usefulness of those who said.
    pub fn mean_useful(&self) -> Option<f64> {
        let said: Vec<f64> = self
            .useful
            .iter()
            .flatten()
            .map(|&u| f64::from(u))
            .collect();
        (!said.is_empty()).then(|| said.iter().sum::<f64>() / said.len() as f64)
    }

    /// The share of the plan done, 0 to 1, once a later session reviewed
    /// the plan (a plan nobody looked back at yet is not "0 % done").
    pub fn done_share(&self) -> Option<f64> {
        (self.actions > 0 && self.reviewed > 0).then(|| self.done as f64 / self.actions as f64)
    }
}

/// A share (0 to 1) as a whole percentage, 0 to 100: never negative (not
/// even "-0"), never past 100, 0 for a share that is not a number.
pub fn whole_percent(share: f64) -> u32 {
    if share.is_nan() {
        return 0;
    }
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The trend over the chart's sessions: the mean usefulness of those that
/// have one, and the mean share of the plan done over the sessions whose
/// plan was reviewed (`None` when there is nothing to average: not "0").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    pub useful: Option<f64>,
    pub done_percent: Option<u32>,
}

pub fn trend(points: &[Point]) -> Trend {
    let mean = |v: Vec<f64>| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    Trend {
        useful: mean(points.iter().filter_map(Point::mean_useful).collect()),
        done_percent: mean(points.iter().filter_map(Point::done_share).collect())
            .map(whole_percent),
    }
}

/// The latest sessions with a reflection or a plan, oldest first.
pub fn points(sessions: &[Session]) -> Vec<Point> {
    let mut all: Vec<Point> = sessions
        .iter()
        .map(|s| {
            let (done, actions) = s.actions_done();
            let reviewed = s
                .turns
                .iter()
                .flat_map(|h| &h.actions)
                .filter(|a| !a.what.trim().is_empty() && a.status != ActionStatus::Open)
                .count();
            Point {
                id: s.id.clone(),
                created_ms: s.created_ms,
                names: s.names.clone(),
                useful: s.reflections.iter().map(|r| r.useful).collect(),
                done,
                actions,
                reviewed,
            }
        })
        .filter(|p| p.mean_useful().is_some() || p.actions > 0)
        .collect();
    all.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
    let skip = all.len().saturating_sub(CHART_SESSIONS);
    all.split_off(skip)
}

/// A bar of the plan done, in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The chart in a `width` × `height` box: the usefulness line (1 at the
/// bottom, 5 at the top) with a dot per session that has one, and a bar per
/// session for the share of its plan done (0 to 100 %, same height).
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// SVG path data of the line (`M x y L x y …`); empty without points.
    pub line: String,
    pub dots: Vec<(f64, f64)>,
    pub bars: Vec<Bar>,
    /// The heights of the levels 1 to 5 (grid lines), top to bottom order
    /// of the levels 5 to 1.
    pub levels: Vec<(u8, f64)>,
}

/// Where a value of 0 to 1 sits between `bottom` and `top`.
fn at(bottom: f64, top: f64, share: f64) -> f64 {
    bottom - (bottom - top) * share.clamp(0.0, 1.0)
}

pub fn chart(points: &[Point], width: f64, height: f64, pad: f64) -> Chart {
    let (top, bottom) = (pad, height - pad);
    let slot = (width - 2.0 * pad) / points.len().max(1) as f64;
    let x_of = |i: usize| pad + slot * (i as f64 + 0.5);
    let y_of_useful = |u: f64| at(bottom, top, (u - 1.0) / 4.0);
    let dots: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.mean_useful().map(|u| (x_of(i), y_of_useful(u))))
        .collect();
    let line = dots
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" }))
        .collect();
    let bars = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let share = p.done_share()?;
            let y = at(bottom, top, share);
            let width = (slot * 0.5).min(28.0);
            Some(Bar {
                x: x_of(i) - width / 2.0,
                y,
                width,
                height: bottom - y,
            })
        })
        .collect();
    let levels = (1..=5u8)
        .rev()
        .map(|l| (l, y_of_useful(f64::from(l))))
        .collect();
    Chart {
        line,
        dots,
        bars,
        levels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Setup;

    fn session(
        id: &str,
        created: i64,
        useful: [Option<u8>; 2],
        done: usize,
        actions: usize,
    ) -> Session {
        let mut s = Session::new(id.into(), created, &Setup::default());
        s.reflections[0].useful = useful[0];
        s.reflections[1].useful = useful[1];
        for i in 0..actions {
            let a = s.add_action(0).unwrap();
            s.edit_action(0, a, |a| {
                a.what = format!("Action {i}");
                if i < done {
                    a.status = ActionStatus::Done;
                }
            });
        }
        s
    }

    #[test]
    fn points_are_the_latest_sessions_with_something_to_show_oldest_first() {
        let mut all = vec![
            session("b", 2, [Some(4), Some(5)], 1, 2),
            session("a", 1, [Some(3), None], 0, 0),
            session("empty", 3, [None, None], 0, 0),
        ];
        let p = points(&all);
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(p[0].mean_useful(), Some(3.0));
        assert_eq!(p[1].mean_useful(), Some(4.5));
        assert_eq!(p[1].done_share(), Some(0.5));
        assert_eq!(p[0].done_share(), None);
        let unreviewed = session("u", 9, [None, None], 0, 2);
        assert_eq!(
            points(&[unreviewed])[0].done_share(),
            None,
            "not looked back at yet"
        );
        for i in 0..30 {
            all.push(session(&format!("x{i:02}"), 10 + i, [Some(2), None], 0, 0));
        }
        let p = points(&all);
        assert_eq!(p.len(), CHART_SESSIONS);
        assert_eq!(p.last().unwrap().id, "x29");
    }

    #[test]
    fn the_chart_maps_usefulness_and_plan_done_into_the_box() {
        let all = [
            session("a", 1, [Some(1), None], 0, 0),
            session("b", 2, [Some(5), Some(5)], 2, 2),
        ];
        let c = chart(&points(&all), 200.0, 100.0, 10.0);
        // Two slots of 90: centres at 55 and 145; 1 at the bottom, 5 at the top.
        assert_eq!(c.dots, [(55.0, 90.0), (145.0, 10.0)]);
        assert_eq!(c.line, "M55.0 90.0 L145.0 10.0");
        assert_eq!(c.bars.len(), 1);
        assert_eq!((c.bars[0].y, c.bars[0].height), (10.0, 80.0));
        assert_eq!(c.levels.first(), Some(&(5, 10.0)));
        assert_eq!(c.levels.last(), Some(&(1, 90.0)));
        assert_eq!(chart(&[], 200.0, 100.0, 10.0).line, "");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod percent_props {
    use super::*;
    use proptest::prelude::*;

    fn point(useful: Vec<Option<u8>>, done: usize, actions: usize, reviewed: usize) -> Point {
        Point {
            id: "s".into(),
            created_ms: 0,
            names: Vec::new(),
            useful,
            done: done.min(actions),
            actions,
            reviewed,
        }
    }

    proptest! {
        /// For every share, the whole percentage is 0 to 100 and its text
        /// is never "-0" (or any negative).
        #[test]
        fn a_percentage_is_never_negative(share in prop_oneof![
            any::<f64>(),
            -1.0f64..2.0,
            Just(-0.0),
            Just(f64::NAN),
            Just(-1e-12),
        ]) {
            let p = whole_percent(share);
            prop_assert!(p <= 100);
            prop_assert!(!p.to_string().starts_with('-'));
            if (0.0..=1.0).contains(&share) {
                prop_assert!((f64::from(p) - share * 100.0).abs() <= 0.5);
            }
        }

        /// The trend has no plan share until a plan was reviewed, and no
        /// usefulness until someone rated it: nothing is averaged from
        /// nothing (the empty sum of floats is -0.0).
        #[test]
        fn the_trend_says_nothing_of_what_has_no_value(
            points in proptest::collection::vec(
                (proptest::collection::vec(proptest::option::of(1u8..=5), 0..3), 0usize..4, 0usize..4, 0usize..3),
                0..6,
            )
        ) {
            let points: Vec<Point> = points
                .into_iter()
                .map(|(u, d, a, r)| point(u, d, a, r))
                .collect();
            let trend = trend(&points);
            let reviewed = points.iter().any(|p| p.done_share().is_some());
            prop_assert_eq!(trend.done_percent.is_some(), reviewed);
            prop_assert_eq!(trend.useful.is_some(), points.iter().any(|p| p.mean_useful().is_some()));
            if let Some(u) = trend.useful {
                prop_assert!((1.0..=5.0).contains(&u));
                let text = format!("{:.1}", u);
                prop_assert!(!text.starts_with('-'));
            }
            prop_assert!(trend.done_percent.is_none_or(|d| d <= 100));
        }
    }
}
