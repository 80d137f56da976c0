//! Views: one component per file, grouped by screen. Views read state and
//! call actions; the rules live in `domain`.

mod action_item;
mod agreement;
mod airtime;
mod announcer;
mod app;
mod backup_panel;
mod catalogues;
mod check_in;
mod clock_face;
mod exercise_library;
mod exercise_results;
mod exercise_screen;
mod exercise_step;
mod exercise_suggestions;
mod exports;
mod fields;
mod focus;
mod follow_up;
mod goal_editor;
mod group_setup;
mod half_summary;
mod header;
mod history;
mod home;
mod ids;
mod journal;
mod link_copy;
mod live_join;
mod live_panel;
mod live_parts;
mod live_presence;
mod merge_view;
mod next_meeting;
mod next_meetings;
mod notice_bar;
mod open_box;
mod open_link;
mod option_item;
mod options_editor;
mod phase_screen;
mod points_list;
mod progress_chart;
mod question_cards;
mod radio_choice;
mod reality_editor;
mod rotation;
mod round;
mod round_screen;
mod route_link;
mod scale;
mod screens;
mod search_field;
mod session_clock;
mod session_screen;
mod setup;
mod share_panel;
mod shell;
mod step_nav;
mod swap;
mod text;
mod timebox;
mod trainers;
mod turn;
mod update_prompt;
mod will_editor;
mod wrap_up;

pub use app::App;

use leptos::prelude::*;

use crate::i18n::Lang;

/// Start the app in the page's body.
pub fn mount() {
    // Calendar dates (due dates) are written as the browser writes them.
    crate::i18n::set_day_format(crate::platform::clock::format_day);
    // The release build fetches the language's texts first, unless they are
    // English (see `catalogues`): never a screen in the wrong language.
    let lang = app::starting_lang_of_page();
    if lang == Lang::En || crate::i18n::is_installed(lang) {
        start();
    } else {
        // Leptos's executor starts with the app: until then, the browser's.
        // (Where they cannot be fetched, it starts in English.)
        wasm_bindgen_futures::spawn_local(async move {
            catalogues::ready(lang).await;
            start();
        });
    }
}

fn start() {
    // The first screen of index.html gives way to the app in one frame.
    let shell = shell::before_mount();
    leptos::mount::mount_to_body(|| view! { <App /> });
    shell::after_mount(shell);
}
