//! Key-value storage on the device: `localStorage` where the browser allows
//! it, otherwise memory for as long as the page is open. Browsers refuse
//! storage in private modes and third-party iframes (reading
//! `window.localStorage` can even throw), and a full storage throws on
//! write: both come back as values, never as panics.

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
}

const PROBE_KEY: &str = "peer-coach.probe";

impl DeviceStorage {
    /// `localStorage` if it can be read and written, memory otherwise.
    pub fn open() -> Self {
        let local = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| s.set_item(PROBE_KEY, "1").is_ok() && s.remove_item(PROBE_KEY).is_ok());
        DeviceStorage {
            local,
            memory: Rc::default(),
        }
    }

    /// Memory only: what a page gets when the browser refuses storage.
    pub fn in_memory() -> Self {
        DeviceStorage {
            local: None,
            memory: Rc::default(),
        }
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
            Some(s) => s.set_item(key, value).map_err(|e| {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .unwrap_or_default();
                if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                    StorageError::Full
                } else {
                    StorageError::Refused
                }
            }),
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
