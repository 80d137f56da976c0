//! Key-value storage on the device: `localStorage` where the browser allows
//! it, otherwise memory for as long as the page is open. Browsers refuse
//! storage in private modes and third-party iframes (reading
//! `window.localStorage` can even throw), and a full storage throws on
//! write: both come back as values, never as panics.
//!
//! Why `web_sys::Storage` and not `gloo-storage` (which the design card
//! names): gloo's `get`/`set` store every value as JSON, so a record,
//! already JSON, would be written quoted (other bytes than every version
//! so far wrote and reads), and a damaged record could not be moved aside
//! unchanged. What would remain of it is `LocalStorage::raw()`, `delete()`
//! and `length()`: the same `web_sys` calls, each of which panics where the
//! browser refuses storage, so the availability check below would stay
//! all the same. No gain for a dependency: left out.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why a write did not reach the device's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The storage is full (`QuotaExceededError`).
    Full,
    /// The browser refused for another reason.
    Refused,
}

/// The device's storage, or memory when it is unavailable.
#[derive(Clone)]
pub struct DeviceStorage {
    local: Option<web_sys::Storage>,
    memory: Rc<RefCell<BTreeMap<String, String>>>,
    /// The storage could be read but was already full when the app opened.
    full_at_start: bool,
    /// Memory on purpose: the trainers' preview, which must start empty
    /// and never touch the device's data.
    preview: bool,
}

fn kind(error: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else {
        StorageError::Refused
    }
}

const PROBE_KEY: &str = "peer-coach.probe";

impl DeviceStorage {
    /// `localStorage` if it can be used, memory otherwise. A storage that is
    /// readable but full is still used: what it holds stays reachable, and
    /// the app says that new changes cannot be kept.
    pub fn open() -> Self {
        Self::usable(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
    }

    /// This tab's own storage (`sessionStorage`): it outlives a reload and
    /// a phone putting the tab to sleep, not the tab; memory where the
    /// browser refuses it. For what is being typed and not yet kept.
    pub fn tab() -> Self {
        Self::usable(web_sys::window().and_then(|w| w.session_storage().ok().flatten()))
    }

    fn usable(storage: Option<web_sys::Storage>) -> Self {
        let mut full_at_start = false;
        let local = storage
            .filter(|s| s.get_item(PROBE_KEY).is_ok())
            .filter(|s| match s.set_item(PROBE_KEY, "1") {
                Ok(()) => s.remove_item(PROBE_KEY).is_ok(),
                Err(e) => {
                    full_at_start = kind(&e) == StorageError::Full;
                    full_at_start
                }
            });
        DeviceStorage {
            local,
            memory: Rc::default(),
            full_at_start,
            preview: false,
        }
    }

    /// Was the storage already full when the app opened?
    pub fn was_full_at_start(&self) -> bool {
        self.full_at_start
    }

    /// Memory only: what a page gets when the browser refuses storage.
    pub fn in_memory() -> Self {
        DeviceStorage {
            local: None,
            memory: Rc::default(),
            full_at_start: false,
            preview: false,
        }
    }

    /// Memory only, on purpose: the trainers' preview starts empty and
    /// never reads nor writes the device's storage.
    pub fn preview() -> Self {
        DeviceStorage {
            preview: true,
            ..DeviceStorage::in_memory()
        }
    }

    /// Is this the trainers' preview (memory on purpose)?
    pub fn is_preview(&self) -> bool {
        self.preview
    }

    /// Does what is written here outlive the page?
    pub fn is_persistent(&self) -> bool {
        self.local.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match &self.local {
            Some(s) => s.get_item(key).ok().flatten(),
            None => self.memory.borrow().get(key).cloned(),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.local {
            Some(s) => s.set_item(key, value).map_err(|e| kind(&e)),
            None => {
                self.memory
                    .borrow_mut()
                    .insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&self, key: &str) {
        match &self.local {
            Some(s) => {
                let _ = s.remove_item(key);
            }
            None => {
                self.memory.borrow_mut().remove(key);
            }
        }
    }

    /// Every key (any app's: callers filter by prefix).
    pub fn keys(&self) -> Vec<String> {
        match &self.local {
            Some(s) => {
                let len = s.length().unwrap_or(0);
                (0..len).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            None => self.memory.borrow().keys().cloned().collect(),
        }
    }
}
