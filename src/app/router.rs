//! The route, read from and written to the URL fragment.

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::platform::location;

/// The current route, following the address bar.
#[derive(Clone, Copy)]
pub struct Router(RwSignal<Route>);

impl Router {
    pub fn route(&self) -> Route {
        self.0.get()
    }

    pub fn route_untracked(&self) -> Route {
        self.0.get_untracked()
    }

    /// Show a route without touching the address bar (a pasted link that
    /// may not even be one).
    pub fn show(&self, route: Route) {
        self.0.set(route);
    }

    /// Go to a route replacing the current address (no history entry): after
    /// opening a link, its payload leaves the address bar.
    pub fn replace(&self, route: Route) {
        location::replace_hash(&route.to_hash());
        self.0.set(route);
    }

    pub fn go(&self, route: Route) {
        location::set_hash(&route.to_hash());
        self.0.set(route);
    }
}

/// Start following the fragment and provide the router to the app.
pub fn provide_router() -> Router {
    let router = Router(RwSignal::new(Route::parse(&location::hash())));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&location::hash());
        if router.0.get_untracked() != route {
            router.0.set(route);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
