//! SQLite: open, migrate, read rows and contexts, apply effects, and the audit log.
//! The only layer that speaks SQL, and one that decides nothing: what an edit does
//! comes from the rules in `domain`, as effects (`apply`).

mod activities;
mod apply;
mod apply_corrections;
mod apply_rows;
mod appointments;
mod audit;
mod bulk;
mod bundle;
mod catalog;
mod clients;
mod codes;
mod contexts;
mod error;
mod history;
mod journal;
mod letters;
mod lifecycle;
mod open;
mod plans;
mod private;
mod report;
mod safety;
mod sweep;
mod team;
mod terms;
mod undo;
mod work_items;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

pub use activities::AgendaEntry;
pub use audit::AuditEntry;
pub use bulk::{ClosedCycle, Contents, Loader};
pub use bundle::{printable_name, Receiver, FORMAT as BUNDLE_FORMAT, VERSION as BUNDLE_VERSION};
pub use clients::Dossier;
pub use error::{Result, StoreError};
pub use history::ItemHistory;
pub use lifecycle::{CategoryChange, Reopening};
pub use open::{check_file, default_path, SCHEMA_VERSION};
pub use plans::{Goal, LadderStep, Plan, PlanHistory, Situation};
pub use private::private_from_now_on;
pub use safety::{
    backups_folder, latest_backup, mark_damaged, part_name, remove_stale_parts_beside, CheckReport,
    DAILY_BACKUPS,
};
pub use team::{SharedClient, Snapshot, TeamClient, TeamLink};
pub use terms::{ApplicationView, Term};
pub use undo::EditInfo;

/// The two columns of each row of `sql`: an id and a title, a code and a count,
/// two codes.
fn pairs<A: rusqlite::types::FromSql, B: rusqlite::types::FromSql>(
    conn: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<(A, B)>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map(p, |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// An open caseload database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    /// Opening brought an older file to this schema version.
    upgraded: bool,
    /// Which file was opened (device and inode on Unix, volume and file index
    /// elsewhere): a file copied over the path later is another file, which this
    /// connection does not see.
    identity: Option<FileIdentity>,
    /// Called after every write that changed something (the agenda file beside the
    /// caseload is kept up to date by it).
    on_change: Option<ChangeHook>,
}

/// What runs after a write that changed the file.
pub type ChangeHook = Box<dyn Fn(&Store) + Send>;

/// Which file stands at a path: device and inode on Unix.
#[cfg(unix)]
type FileIdentity = (u64, u64);
/// Which file stands at a path: an open handle compared by volume serial number
/// and file index (Windows has no inode).
#[cfg(not(unix))]
type FileIdentity = same_file::Handle;

/// The identity of the file at `path` now.
#[cfg(unix)]
fn file_identity(path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of the file at `path` now.
#[cfg(not(unix))]
fn file_identity(path: &Path) -> Option<FileIdentity> {
    same_file::Handle::from_path(path).ok()
}

/// A write in progress: one SQLite transaction plus who is making it, so that every
/// edit can write its audit row in the same transaction.
pub struct Write<'a> {
    tx: Transaction<'a>,
    actor: &'a str,
    /// The journaled edit this write is (`None` for the sweep, an import, the demo).
    edit: Option<i64>,
}

impl<'a> Write<'a> {
    pub(crate) fn tx(&self) -> &Transaction<'a> {
        &self.tx
    }

    pub(crate) fn legal_calendar(&self) -> Result<crate::domain::calendar::LegalCalendar> {
        terms::legal_calendar(&self.tx)
    }

    /// Appends an audit row for this edit.
    pub(crate) fn audit(
        &self,
        action: &str,
        entity: &str,
        entity_id: i64,
        detail: serde_json::Value,
    ) -> Result<()> {
        audit::record(
            &self.tx, self.actor, action, entity, entity_id, &detail, self.edit,
        )
    }

    /// Whom and what an effect is about, as the klantmanager reads it: the client's
    /// name, and the title of the work item or activity it touches (if any).
    pub(crate) fn subject(
        &self,
        effect: &crate::domain::effects::Effect,
    ) -> Result<Option<(String, Option<String>)>> {
        use crate::domain::effects::Effect as E;
        let (sql, id) = match effect {
            E::CloseItem { item, .. } | E::Postpone { item, .. } | E::ReopenItem { item, .. } => (
                "SELECT c.name, w.title FROM work_items w JOIN clients c ON c.id = w.client_id
                 WHERE w.id = ?1",
                *item,
            ),
            E::FinishActivity { activity, .. }
            | E::Retype { activity, .. }
            | E::NewCycle { activity, .. }
            | E::SetTermEnd { activity, .. }
            | E::MoveAppointment { activity, .. }
            | E::ReopenActivity { activity } => (
                "SELECT c.name, a.title FROM activities a JOIN clients c ON c.id = a.client_id
                 WHERE a.id = ?1",
                *activity,
            ),
            E::RecordContact { client, .. }
            | E::RecordNoShow { client, .. }
            | E::AddFollowUp { client, .. }
            | E::AddRhythmItem { client, .. }
            | E::AddAppointment { client, .. }
            | E::AddActivity { client, .. }
            | E::UpdateClient { client, .. }
            | E::ChangeCategory { client, .. }
            | E::EndClient { client, .. }
            | E::PlanEnd { client, .. }
            | E::CancelPlannedEnd { client, .. }
            | E::ReopenClient { client, .. }
            | E::RecordLetter { client, .. }
            | E::AddNote { client, .. }
            | E::StartPlan { client, .. }
            | E::AddEvaluation { client, .. }
            | E::AddApplication {
                application:
                    crate::domain::aanvraag::NewApplication {
                        client_id: client, ..
                    },
            }
            | E::AddGoal { client, .. }
            | E::AddSituation { client, .. }
            | E::AddLadderStep { client, .. } => {
                ("SELECT name, NULL FROM clients WHERE id = ?1", *client)
            }
            _ => return Ok(None),
        };
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// What this edit did, in Dutch, for the undo that may come to name it.
    pub(crate) fn set_summary(&self, summary: &str) -> Result<()> {
        if let Some(edit) = self.edit.filter(|_| !summary.is_empty()) {
            self.tx.execute(
                "UPDATE edits SET summary = ?2 WHERE id = ?1",
                rusqlite::params![edit, summary],
            )?;
        }
        Ok(())
    }
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when it does not
    /// exist, and upgrading an older schema. Refuses, without touching it, a file
    /// that is not an inbeeld database or that a newer inbeeld made.
    pub fn open(path: &Path) -> Result<Store> {
        let (conn, actor, upgraded) = open::open(path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            actor,
            upgraded,
            identity: file_identity(path),
            on_change: None,
        })
    }

    /// Runs `hook` after every write that changes the file, from now on.
    pub fn on_change(&mut self, hook: ChangeHook) {
        self.on_change = Some(hook);
    }

    /// The hook, taken out (to give it to the same file opened again).
    pub fn take_on_change(&mut self) -> Option<ChangeHook> {
        self.on_change.take()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records that this file was seen damaged (a read hit a malformed page): from
    /// then on no process writes to it until a backup is restored.
    pub fn mark_damaged(&self, reason: &str) {
        safety::mark_damaged(&self.path, reason);
    }

    /// Whether another file now stands at this store's path (restored, copied over
    /// or removed by hand): what this connection reads and writes is no longer what
    /// anyone else sees.
    pub fn replaced(&self) -> bool {
        self.identity.is_some() && file_identity(&self.path) != self.identity
    }

    /// Whether opening brought an older file to this schema version: its running
    /// terms are then computed again by the rules of this version.
    pub fn upgraded(&self) -> bool {
        self.upgraded
    }

    /// For tests: lets the file grow to at most `pages` pages, as a full disk would.
    #[doc(hidden)]
    pub fn limit_pages(&self, pages: i64) -> Result<()> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// From now on this connection only reads: SQLite itself refuses any write.
    pub fn set_read_only(&self) -> Result<()> {
        self.conn.pragma_update(None, "query_only", true)?;
        Ok(())
    }

    /// Runs `edit` in one immediate transaction: either all of it is stored, with its
    /// audit rows, or none of it. It is journaled (`edits`), so it can be undone.
    pub fn write<T>(&mut self, edit: impl FnOnce(&Write) -> Result<T>) -> Result<T> {
        self.write_as(true, None, edit)
    }

    /// A klantmanager's edit that came from elsewhere (the municipal system's
    /// export): its audit rows name the source beside the klantmanager.
    pub(crate) fn write_via<T>(
        &mut self,
        via: &str,
        edit: impl FnOnce(&Write) -> Result<T>,
    ) -> Result<T> {
        self.write_as(true, Some(via), edit)
    }

    /// A write that is not a klantmanager's edit (the sweep, an import, the demo):
    /// not journaled, so an undo passes it by.
    pub(crate) fn write_unjournaled<T>(
        &mut self,
        edit: impl FnOnce(&Write) -> Result<T>,
    ) -> Result<T> {
        self.write_as(false, None, edit)
    }

    fn write_as<T>(
        &mut self,
        journal: bool,
        via: Option<&str>,
        edit: impl FnOnce(&Write) -> Result<T>,
    ) -> Result<T> {
        // Damage seen once (here or by another process) stops every write.
        if let Some(reason) = safety::damage_seen(&self.path) {
            return Err(StoreError::Damaged(reason));
        }
        let before = self.conn.total_changes();
        let result = self.write_in_transaction(journal, via, edit);
        if result.is_ok() && self.conn.total_changes() != before {
            if let Some(hook) = &self.on_change {
                hook(self);
            }
        }
        if let Err(StoreError::Damaged(reason)) = &result {
            safety::mark_damaged(&self.path, reason);
        }
        result
    }

    fn write_in_transaction<T>(
        &mut self,
        journal: bool,
        via: Option<&str>,
        edit: impl FnOnce(&Write) -> Result<T>,
    ) -> Result<T> {
        let actor = match via {
            Some(via) => std::borrow::Cow::Owned(format!("{} via {via}", self.actor)),
            None => std::borrow::Cow::Borrowed(self.actor.as_str()),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let edit_id = if journal {
            // A klantmanager's edit of the team's snapshot would reach nobody.
            if let Some(at) = team::snapshot_moment(&tx)? {
                let at = crate::clock::local_moment(&at).unwrap_or(at);
                return Err(crate::domain::InputError::SnapshotReadOnly { at }.into());
            }
            Some(undo::begin(&tx, &self.actor)?)
        } else {
            None
        };
        let write = Write {
            tx,
            actor: &actor,
            edit: edit_id,
        };
        let value = edit(&write)?;
        if let Some(id) = edit_id {
            undo::end(&write.tx, id)?;
        }
        write.tx.commit()?;
        Ok(value)
    }

    /// SQLite's `data_version`: it changes when another connection (a script, a
    /// second cockpit) commits, so a cheap look tells whether to read again.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The query plan SQLite chooses for `sql` (EXPLAIN QUERY PLAN), one line per
    /// step; parameters are bound to NULL, which does not change the plan.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
        let rows = stmt.query_map(rusqlite::params_from_iter(nulls), |row| {
            row.get::<_, String>(3)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The statements on the hot paths (the sweep, the werkvoorraad, the caseload, the
/// dossier's work items), so that a test can check that each uses an index.
pub fn hot_path_queries() -> Vec<(&'static str, String)> {
    vec![
        ("sweep: expiry", sweep::EXPIRED_SQL.to_owned()),
        ("sweep: nabellen", sweep::REMINDERS_SQL.to_owned()),
        (
            "sweep: lapsed nabellen",
            sweep::REMINDERS_PASSED_SQL.to_owned(),
        ),
        ("sweep: contact rhythm", sweep::RHYTHM_SQL.to_owned()),
        (
            "sweep: hersteltermijnen that ran out",
            sweep::HERSTEL_RAN_OUT_SQL.to_owned(),
        ),
        (
            "sweep: planned uitstroom",
            sweep::PLANNED_ENDS_SQL.to_owned(),
        ),
        ("werkvoorraad", work_items::worklist_sql()),
        ("caseload", clients::summaries_sql()),
        ("dossier: work items", work_items::client_items_sql()),
        ("week: agenda", activities::agenda_sql()),
        (
            "edit: open items of an activity",
            contexts::activity_items_sql(),
        ),
        (
            "edit: open items of an aanvraag",
            contexts::application_items_sql(),
        ),
        (
            "edit: the goal of an activity",
            contexts::GOAL_OF_ACTIVITY_SQL.to_owned(),
        ),
    ]
    .into_iter()
    .chain(report::queries())
    .collect()
}
