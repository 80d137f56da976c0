//! Signals that last as long as the page, whichever view asks for them
//! first: the app's shared state hands them out to every view (see
//! `crate::app::live`), so none may go with the view that made it.

use leptos::prelude::*;

/// `f` run under an owner of its own, kept by what it returns, with no
/// parent that could take it away: whatever view is running (the first to
/// ask for the live state, or a test's) is not its owner.
pub fn lasting<T>(f: impl FnOnce() -> T) -> T {
    let outer = Owner::current();
    if let Some(outer) = &outer {
        outer.clone().unset();
    }
    let out = Owner::new().with(f);
    if let Some(outer) = outer {
        outer.set();
    }
    out
}
