//! The device as the browser tests see it: this origin's localStorage, and
//! a way to start from a device with none of this app's records.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)] // each test file uses what it needs

use peer_coach::domain::store;

/// This origin's localStorage.
pub fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every key of localStorage, in its order.
pub fn keys() -> Vec<String> {
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

/// Remove this app's records (and any other key `also` picks).
pub fn clear_ours_and(also: impl Fn(&str) -> bool) {
    let s = local();
    for k in keys()
        .iter()
        .filter(|k| k.starts_with(store::PREFIX) || also(k))
    {
        s.remove_item(k).unwrap();
    }
}

/// Remove this app's records.
pub fn clear_ours() {
    clear_ours_and(|_| false);
}
