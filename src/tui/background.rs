//! The team's sync while the cockpit is open: on a thread of its own with its own
//! connection to the file, every few minutes while the server answers, so that a
//! sync never blocks a key. What it changed reaches the screen the way any other
//! process's change does (the file's `data_version`); the status line says when it
//! last succeeded, or since when the server has not answered.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::clock;
use crate::store::Store;
use crate::team::SyncError;
use crate::team::TeamError;

/// How often the cockpit syncs.
pub const EVERY: Duration = Duration::from_secs(300);

/// What one sync came to.
enum Outcome {
    /// With how many clients stayed behind (not sent, not let go).
    Done(usize),
    Offline,
    Failed(String),
}

pub struct BackgroundSync {
    path: PathBuf,
    running: Option<Receiver<Outcome>>,
    next: Instant,
    /// What the status line says.
    label: String,
    offline_since: Option<String>,
}

impl BackgroundSync {
    pub fn new(path: PathBuf) -> BackgroundSync {
        BackgroundSync {
            path,
            running: None,
            next: Instant::now(),
            label: "synchroniseren…".to_owned(),
            offline_since: None,
        }
    }

    /// The next sync as soon as the one running (if any) is done.
    pub fn now(&mut self) {
        self.next = Instant::now();
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// Takes in a finished sync and starts the next when it is due. True when the
    /// label changed.
    pub fn poll(&mut self, today: NaiveDate) -> bool {
        if let Some(rx) = &self.running {
            let Ok(outcome) = rx.try_recv() else {
                return false;
            };
            self.running = None;
            self.next = Instant::now() + EVERY;
            self.label = match outcome {
                Outcome::Done(behind) => {
                    self.offline_since = None;
                    // What stayed behind is said until a sync takes it along.
                    match behind {
                        0 => format!("gesynchroniseerd {}", clock::now_local_hm()),
                        n => format!(
                            "gesynchroniseerd {}, {n} klant(en) bleven achter",
                            clock::now_local_hm()
                        ),
                    }
                }
                Outcome::Offline => {
                    let since = self
                        .offline_since
                        .get_or_insert_with(clock::now_local_hm)
                        .clone();
                    format!("offline sinds {since}")
                }
                Outcome::Failed(reason) => format!("sync mislukt: {reason}"),
            };
            return true;
        }
        if Instant::now() >= self.next {
            let (tx, rx) = channel();
            let path = self.path.clone();
            std::thread::spawn(move || {
                // A server that accepts and then says nothing: given up on after
                // the deadline, like an unreachable one.
                let outcome = match crate::team::with_deadline(move || {
                    let mut store = Store::open(&path)?;
                    crate::team::sync(&mut store, today)
                }) {
                    Ok(report) => Outcome::Done(
                        report.not_sent.len()
                            + report.not_released.len()
                            + report.not_taken_in.len(),
                    ),
                    Err(SyncError::Team(TeamError::Unreachable(_) | TeamError::TimedOut(_))) => {
                        Outcome::Offline
                    }
                    Err(err) => Outcome::Failed(err.to_string()),
                };
                let _ = tx.send(outcome);
            });
            self.running = Some(rx);
        }
        false
    }
}
