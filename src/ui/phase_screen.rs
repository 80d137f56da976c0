//! One GROW phase of one half: who coaches whom, the time-box, the work
//! area of the phase, and guidance and question cards for the coach.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::flow::Phase;
use crate::i18n::{catalogue, lang, phase_name, t, texts, Key};
use crate::ui::exercise_suggestions::ExerciseSuggestions;
use crate::ui::fields::TextField;
use crate::ui::goal_editor::GoalEditor;
use crate::ui::ids;
use crate::ui::options_editor::OptionsEditor;
use crate::ui::question_cards::QuestionCards;
use crate::ui::reality_editor::RealityEditor;
use crate::ui::text::text_signal;
use crate::ui::timebox::Timebox;
use crate::ui::will_editor::WillEditor;

#[component]
pub fn PhaseScreen(turn: usize, phase: Phase) -> impl IntoView {
    let current = use_current();
    let roles = move || {
        current.read(|s| {
            let (coach, client) = s.roles(turn);
            if s.format.is_group() {
                return texts::role_line_group(
                    lang(),
                    &crate::i18n::person(&s.names, client),
                    &crate::i18n::person(&s.names, coach),
                );
            }
            let (coach, client) = (
                crate::i18n::person(&s.names, coach),
                crate::i18n::person(&s.names, client),
            );
            texts::role_line(lang(), &coach, &client)
        })
    };
    let work = match phase {
        Phase::Goal => view! { <GoalEditor turn=turn /> }.into_any(),
        Phase::Reality => view! { <RealityEditor turn=turn /> }.into_any(),
        Phase::Options => view! { <OptionsEditor turn=turn /> }.into_any(),
        Phase::Will => view! { <WillEditor turn=turn /> }.into_any(),
    };
    view! {
        <section class="phase" aria-labelledby=ids::SCREEN_TITLE>
            <header class="phase-head">
                <p class="eyebrow">{roles}</p>
                <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || phase_name(phase)}</h1>
                <p class="purpose">{move || catalogue().phase_purposes[phase.index()]}</p>
            </header>
            <Timebox turn=turn phase=phase />
            <div class="phase-grid">
                <div class="work">{work}</div>
                <aside class="coach-panel" aria-label=move || t(Key::ForCoach)>
                    <div class="guidance">
                        <p>
                            <strong>{move || t(Key::ForCoach)}": "</strong>
                            {move || catalogue().coach_reminders[phase.index()]}
                        </p>
                        <p>
                            <strong>{move || t(Key::ForClient)}": "</strong>
                            {move || catalogue().client_hints[phase.index()]}
                        </p>
                    </div>
                    <QuestionCards turn=turn phase=phase />
                    <div class="private-notes">
                        <TextField
                            id=format!("private-{turn}-{}", phase.index())
                            label=text_signal(Key::PrivateNotesLabel)
                            help=text_signal(Key::PrivateNotesHelp)
                            rows=4
                            value=Signal::derive(move || current.private_note(turn))
                            on_input=move |v: String| current.set_private_note(turn, v)
                        />
                    </div>
                </aside>
            </div>
            <ExerciseSuggestions turn=turn phase=phase />
        </section>
    }
}
