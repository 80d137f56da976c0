//! Reflection over time: how useful the sessions were and how much of each
//! plan got done, as an SVG chart, with the same numbers as a table.

use leptos::prelude::*;

use crate::app::sessions::use_sessions;
use crate::domain::progress::{chart, points, Point};
use crate::i18n::{lang, pair, person, t, texts, Key};
use crate::platform::clock::local_date;
use crate::ui::ids;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 200.0;
const PAD: f64 = 24.0;

#[component]
pub fn ProgressChart() -> impl IntoView {
    let sessions = use_sessions();
    let data = Memo::new(move |_| sessions.with_all(points));
    move || {
        let points = data.get();
        (points.len() >= 2).then(|| {
            let c = chart(&points, WIDTH, HEIGHT, PAD);
            let summary = summary(&points);
            view! {
                <section class="progress-chart" aria-labelledby=ids::PROGRESS_TITLE>
                    <h2 id=ids::PROGRESS_TITLE>{move || t(Key::ProgressTitle)}</h2>
                    <p class="help-line">{summary.clone()}</p>
                    <svg
                        viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                        role="img"
                        aria-labelledby=ids::list(&[ids::PROGRESS_TITLE, ids::PROGRESS_DESC])
                    >
                        <desc id=ids::PROGRESS_DESC>{summary}</desc>
                        {c.levels.iter().map(|(level, y)| view! {
                            <line class="grid" x1=PAD x2=WIDTH - PAD y1=*y y2=*y></line>
                            <text class="axis" x=PAD - 6.0 y=*y + 4.0 text-anchor="end">{*level}</text>
                        }).collect_view()}
                        <text class="axis" x=WIDTH - PAD + 6.0 y=PAD + 4.0>"100 %"</text>
                        <text class="axis" x=WIDTH - PAD + 6.0 y=HEIGHT - PAD + 4.0>"0 %"</text>
                        {c.bars.iter().map(|b| view! {
                            <rect class="done-bar" x=b.x y=b.y width=b.width height=b.height></rect>
                        }).collect_view()}
                        <path class="useful-line" d=c.line.clone()></path>
                        {c.dots.iter().map(|(x, y)| view! {
                            <circle class="useful-dot" cx=*x cy=*y r="4"></circle>
                        }).collect_view()}
                    </svg>
                    <p class="legend" aria-hidden="true">
                        <span class="key line"></span> {move || t(Key::ProgressUseful)}
                        <span class="key bar"></span> {move || t(Key::ProgressDone)}
                    </p>
                    <details>
                        <summary>{move || t(Key::ProgressTable)}</summary>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{move || t(Key::ProgressSession)}</th>
                                    <th scope="col">{move || t(Key::ProgressUseful)}</th>
                                    <th scope="col">{move || t(Key::ProgressDone)}</th>
                                </tr>
                            </thead>
                            <tbody>{points.iter().map(row).collect_view()}</tbody>
                        </table>
                    </details>
                </section>
            }
        })
    }
}

/// The trend in words, for the chart's description: what has no value yet
/// is said so, never written as "0" or "-0".
fn summary(points: &[Point]) -> String {
    let trend = crate::domain::progress::trend(points);
    let n = points.len().to_string();
    let useful = trend.useful.map(|u| format!("{u:.1}"));
    let done = trend.done_percent.map(|d| d.to_string());
    match (useful, done) {
        (Some(useful), Some(done)) => texts::progress_summary(lang(), &n, &useful, &done),
        (Some(useful), None) => texts::progress_summary_no_review(lang(), &n, &useful),
        (None, Some(done)) => texts::progress_summary_no_useful(lang(), &n, &done),
        (None, None) => texts::progress_summary_nothing_yet(lang(), &n),
    }
}

fn row(p: &Point) -> impl IntoView {
    let who = pair(&p.names);
    let useful = p
        .useful
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.map(|u| format!("{} {u}", person(&p.names, i as u8))))
        .collect::<Vec<_>>();
    let useful = if useful.is_empty() {
        "—".to_string()
    } else {
        useful.join(", ")
    };
    let done = if p.actions == 0 {
        "—".to_string()
    } else {
        texts::history_done(lang(), &p.done.to_string(), &p.actions.to_string())
    };
    view! {
        <tr>
            <th scope="row">{format!("{}, {who}", local_date(lang(), p.created_ms))}</th>
            <td>{useful}</td>
            <td>{done}</td>
        </tr>
    }
}
