//! A link to a screen of the app: a real `<a href="#/…">` (it can be opened
//! in a new tab, copied, read as a link), followed in place on a plain click.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::domain::route::Route;

#[component]
pub fn RouteLink(
    route: Route,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = route.to_hash();
    view! {
        <a
            href=href
            class=class
            on:click=move |ev: leptos::ev::MouseEvent| {
                // A click with a modifier opens a new tab or window, as usual.
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                    return;
                }
                ev.prevent_default();
                router.go(route.clone());
            }
        >
            {children()}
        </a>
    }
}
