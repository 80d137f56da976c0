//! The bench baseline: one button that counts its clicks.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <main>
            <h1>"Counter"</h1>
            <button on:click=move |_| *set_count.write() += 1>"Clicked " {count} " times"</button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
