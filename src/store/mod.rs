//! SQLite: open, migrate, queries, transactions and the audit log. The only layer
//! that speaks SQL.

mod activities;
mod appointments;
mod audit;
mod bulk;
mod catalog;
mod clients;
mod error;
mod journal;
mod open;
mod plans;
mod sweep;
mod terms;
mod work_items;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use activities::AgendaEntry;
pub use audit::AuditEntry;
pub use bulk::{ClosedCycle, Contents, Loader};
pub use clients::Dossier;
pub use error::{Result, StoreError};
pub use open::{default_path, SCHEMA_VERSION};
pub use plans::{Goal, LadderStep, Plan, PlanHistory, Situation};
pub use sweep::{Expired, NewExpiryItem, ReminderDue, RhythmLapsed};
pub use terms::{Application, ApplicationView, Decision, Term};

/// An open caseload database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
}

/// A write in progress: one SQLite transaction plus who is making it, so that every
/// edit can write its audit row in the same transaction.
pub struct Write<'a> {
    tx: Transaction<'a>,
    actor: &'a str,
}

impl<'a> Write<'a> {
    pub(crate) fn tx(&self) -> &Transaction<'a> {
        &self.tx
    }

    /// Appends an audit row for this edit.
    pub(crate) fn audit(
        &self,
        action: &str,
        entity: &str,
        entity_id: i64,
        detail: serde_json::Value,
    ) -> Result<()> {
        audit::record(&self.tx, self.actor, action, entity, entity_id, &detail)
    }
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when it does not
    /// exist, and upgrading an older schema. Refuses, without touching it, a file
    /// that is not an inbeeld database or that a newer inbeeld made.
    pub fn open(path: &Path) -> Result<Store> {
        let (conn, actor) = open::open(path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            actor,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `edit` in one immediate transaction: either all of it is stored, with its
    /// audit rows, or none of it.
    pub fn write<T>(&mut self, edit: impl FnOnce(&Write) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let write = Write {
            tx,
            actor: &self.actor,
        };
        let value = edit(&write)?;
        write.tx.commit()?;
        Ok(value)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
