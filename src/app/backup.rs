//! A backup of everything on the device, and restoring one: the file is
//! checked, merged by id without writing over anything, and what was added
//! is reported. The app then shows what the device now holds.

use crate::app::journal::Journal;
use crate::app::sessions::Sessions;
use crate::domain::backup::{self, BackupError, RestoreReport};
use crate::platform::clock::now_ms;
use crate::platform::{files, new_id, records};

/// Offer a backup file of everything on the device; `false` if the browser
/// refused the download.
pub fn download(sessions: &Sessions) -> bool {
    let backup = records::gather_backup(&sessions.storage(), now_ms());
    files::download_as(
        &backup.file_name(),
        "application/json;charset=utf-8",
        &backup::to_json(&backup),
    )
}

/// How a restore went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    /// Done; this is what it added.
    Done(RestoreReport),
    /// The storage filled up part way: what was written stays, and
    /// restoring the same file again finishes the job.
    Full(RestoreReport),
    /// Not restored: the file is not a backup, is damaged, or is newer.
    Refused(BackupError),
}

/// Restore a backup file's text into the device.
pub fn restore(sessions: &Sessions, journal: &Journal, text: &str) -> Restored {
    let backup = match backup::parse(text) {
        Ok(b) => b,
        Err(e) => return Restored::Refused(e),
    };
    let storage = sessions.storage();
    let device = records::load_device(&storage);
    let (changes, report) = backup::restore(&device, &backup, &mut new_id);
    let outcome = match records::apply_restore(&storage, &changes) {
        Ok(_) => Restored::Done(report),
        Err(_) => Restored::Full(report),
    };
    sessions.reload();
    journal.reload();
    outcome
}
