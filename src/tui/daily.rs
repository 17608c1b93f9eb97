//! The first start of a day: deadline states move with the date (未到期 → 即将到期 → 已逾期)
//! and a backup is due. Both grow with the file (every open case; the whole file), so
//! they run in a thread on their own connection while the clerk logs in, instead of
//! holding back the first frame; the status bar says when the states are updated.
//!
//! The UI reads the date from its clock at every action (`App::tick`), so a desk left open
//! past midnight takes today's date and runs the day's jobs again.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

use chrono::NaiveDate;

use super::app::App;
use super::status::StatusLine;
use crate::desk::Desk;

/// Where the UI takes today's date from: the system clock, or a test's.
pub type Clock = Arc<dyn Fn() -> NaiveDate + Send + Sync>;

/// The local date of the system clock.
pub fn system_clock() -> Clock {
    Arc::new(crate::desk::today)
}

impl App {
    /// Takes the date from the clock; on a new day, starts that day's jobs.
    pub fn tick(&mut self) {
        let now = (self.clock)();
        if now != self.today {
            tracing::info!(%now, "a new day");
            self.today = now;
            self.start_daily();
        }
    }

    /// Starts the day's jobs for `today` on this database (no backup in demo mode).
    pub fn start_daily(&mut self) {
        let path = self.desk.store().path().to_path_buf();
        self.daily = Some(start(path, self.today, self.demo));
    }

    /// Shows what the day's jobs said once they are done. Returns whether they still run.
    pub fn poll_daily(&mut self) -> bool {
        let Some(jobs) = &self.daily else {
            return false;
        };
        match jobs.poll() {
            Poll::Running => true,
            Poll::Finished(message) => {
                if let Some(m) = message {
                    self.status = m;
                }
                self.daily = None;
                false
            }
        }
    }
}

pub struct DailyJobs {
    done: Receiver<StatusLine>,
}

/// What `DailyJobs::poll` found.
pub enum Poll {
    Running,
    /// Finished, with a message for the status bar if there is something to say.
    Finished(Option<StatusLine>),
}

/// The first start of a day writes a backup to `backups/` beside the database. A failure is
/// logged, never shown as a crash: the clerk can still work, and `zhifa check` reports it.
fn daily_backup(desk: &Desk) {
    let dir = match desk.store().backup_dir(None) {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!(error = %e, "daily backup: no folder");
            return;
        }
    };
    let now = chrono::Local::now().naive_local();
    let done_today = crate::store::maintenance::backups_in(&dir)
        .last()
        .is_some_and(|(t, _)| t.date() == now.date());
    if !done_today {
        match desk.store().backup_to(&dir, now) {
            Ok((p, removed)) => {
                tracing::info!(backup = %p.display(), removed = removed.len(), "daily backup")
            }
            Err(e) => tracing::warn!(error = %e, "daily backup failed"),
        }
    }
}

fn run(path: &Path, today: NaiveDate, backup: bool) -> Option<StatusLine> {
    let mut desk = match Desk::open(path) {
        Ok(d) => d,
        Err(e) => return Some(StatusLine::error(format!("期限状态未能更新：{e}"))),
    };
    let message = match desk.refresh_deadlines_if_stale(today) {
        Ok(true) => Some(StatusLine::info("已按今天的日期更新各案期限状态")),
        Ok(false) => None,
        Err(e) => {
            tracing::warn!(error = %e, "deadline refresh failed");
            Some(StatusLine::error(format!(
                "期限状态未能更新：{e}。请稍后重新打开 zhifa"
            )))
        }
    };
    if backup {
        daily_backup(&desk);
    }
    message
}

/// Starts the day's jobs on the database at `path` (no backup in demo mode).
pub fn start(path: PathBuf, today: NaiveDate, demo: bool) -> DailyJobs {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if let Some(m) = run(&path, today, !demo) {
            let _ = tx.send(m);
        }
    });
    DailyJobs { done: rx }
}

impl DailyJobs {
    pub fn poll(&self) -> Poll {
        match self.done.try_recv() {
            Ok(m) => Poll::Finished(Some(m)),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Finished(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_jobs_update_states_once_per_day_and_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.sqlite3");
        crate::workload::setup(&path).unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let wait = |jobs: DailyJobs| loop {
            if let Poll::Finished(m) = jobs.poll() {
                return m;
            }
            std::thread::yield_now();
        };
        let first = wait(start(path.clone(), day("2026-11-26"), false));
        assert_eq!(
            first,
            Some(StatusLine::info("已按今天的日期更新各案期限状态"))
        );
        let store = crate::store::Store::open(&path).unwrap();
        assert_eq!(
            store.deadlines_refreshed_on().unwrap(),
            Some(day("2026-11-26"))
        );
        let backups = crate::store::maintenance::backups_in(&store.backup_dir(None).unwrap());
        let listing: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(backups.len(), 1, "{listing:?}");
        // The same day again: nothing to do, nothing said.
        assert_eq!(wait(start(path.clone(), day("2026-11-26"), false)), None);
    }
}
