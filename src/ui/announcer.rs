//! One polite live region for announcements (time is up, ...).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn provide() -> Self {
        let a = Announcer(RwSignal::new(String::new()));
        provide_context(a);
        a
    }

    /// Announce `text`; the same text twice is announced twice.
    pub fn say(&self, text: String) {
        let same = self
            .0
            .with_untracked(|t| t.trim_end_matches('\u{a0}') == text);
        self.0
            .set(if same { format!("{text}\u{a0}") } else { text });
    }

    pub fn text(&self) -> String {
        self.0.get()
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

/// The visually hidden region screen readers listen to.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    view! {
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.text()}
        </div>
    }
}
