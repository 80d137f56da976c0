//! The pros or the cons of one option, as an editable list.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::session::Side;
use crate::i18n::{lang, t, texts, Key, Lang};
use crate::ui::fields::TextField;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::ids;

#[component]
pub fn PointsList(
    turn: usize,
    /// The option's id.
    id: u32,
    side: Side,
    /// The option's place in the list (for labels).
    position: Memo<usize>,
) -> impl IntoView {
    let current = use_current();
    let (title, add_label, item_label, tag) = match side {
        Side::Pros => (
            Key::Pros,
            Key::AddPro,
            texts::pro_label as fn(Lang, &str, &str) -> String,
            "pro",
        ),
        Side::Cons => (
            Key::Cons,
            Key::AddCon,
            texts::con_label as fn(Lang, &str, &str) -> String,
            "con",
        ),
    };
    let points = move |o: &crate::domain::session::CoachOption| match side {
        Side::Pros => o.pros.clone(),
        Side::Cons => o.cons.clone(),
    };
    let count = Memo::new(move |_| {
        current
            .turn(turn, |h| {
                h.options
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| points(o).len())
            })
            .unwrap_or(0)
    });
    let field_id = move |at: usize| ids::option_point(turn, id, tag, at);

    let row = move |at: usize| {
        let label = Signal::derive(move || {
            item_label(lang(), &(at + 1).to_string(), &position.get().to_string())
        });
        view! {
            <li>
                <TextField
                    id=field_id(at)
                    label=label
                    label_hidden=true
                    value=Signal::derive(move || {
                        current
                            .turn(turn, |h| h.options.iter().find(|o| o.id == id).and_then(|o| points(o).get(at).cloned()))
                            .unwrap_or_default()
                    })
                    on_input=move |v: String| current.update(|s| s.edit_point(turn, id, side, at, v))
                />
                <button
                    type="button"
                    class="ghost small"
                    aria-label=move || format!("{}: {}", t(Key::RemovePoint), label.get())
                    on:click=single_click(move || {
                        current.update(|s| s.remove_point(turn, id, side, at));
                        focus_later(ids::option_point_add(turn, id, tag));
                    })
                >
                    {move || t(Key::RemovePoint)}
                </button>
            </li>
        }
    };

    view! {
        <div class=format!("points {tag}s")>
            <h3 class="points-title">{move || t(title)}</h3>
            <ul>{move || (0..count.get()).map(row).collect_view()}</ul>
            <button
                type="button"
                class="small"
                id=ids::option_point_add(turn, id, tag)
                on:click=move |_| {
                    let at = count.get_untracked();
                    current.update(|s| s.add_point(turn, id, side));
                    focus_later(field_id(at));
                }
            >
                "+ "{move || t(add_label)}
            </button>
        </div>
    }
}
