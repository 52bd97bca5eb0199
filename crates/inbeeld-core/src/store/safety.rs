//! Keeping the file safe: online backups, restoring one, and checking the file and
//! the program's own rules.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::error::{Result, StoreError};
use super::open::BUSY_TIMEOUT;
use super::Store;
use crate::domain::sweep::waits_for_a_term;
use crate::domain::work_item::expiry_due;
use crate::domain::InputError;

/// What `check` found; empty lists mean the file is in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// SQLite's own verdict (`PRAGMA integrity_check`): "ok", or what is damaged.
    pub integrity: Vec<String>,
    /// References to rows that do not exist (`PRAGMA foreign_key_check`).
    pub foreign_keys: Vec<String>,
    /// The program's own rules that do not hold.
    pub invariants: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_keys.is_empty() && self.invariants.is_empty()
    }
}

/// Copies a whole database with SQLite's online backup in one step: a consistent
/// snapshot that a writer elsewhere cannot make start over (page by page, a file
/// written to every half second never finished).
fn copy(from: &Connection, to: &Path) -> Result<()> {
    let mut target = Connection::open(to)?;
    {
        let backup = Backup::new(from, &mut target)?;
        all_at_once(&backup)?;
    }
    // A backup is one file: no journal beside it.
    target.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Runs a backup in one step (all pages under one read of the source), waiting
/// while the source or target is busy for as long as any write would.
fn all_at_once(backup: &Backup) -> Result<()> {
    use rusqlite::backup::StepResult;
    let start = std::time::Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            StepResult::Busy | StepResult::Locked => return Err(StoreError::Busy),
            // `More` after an all-pages step: the source changed under it; again.
            _ => {}
        }
    }
}

/// Copies into `to` through a name of this process, renamed when whole: a copy is
/// either complete or absent, also when the process is killed half-way.
fn copy_whole(from: &Connection, to: &Path) -> Result<()> {
    let partial = part_name(to);
    let _ = fs::remove_file(&partial);
    let result = copy(from, &partial).and_then(|()| {
        fs::rename(&partial, to).map_err(|source| StoreError::Open {
            path: to.to_owned(),
            source,
        })
    });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// `name.sqlite` → `name.sqlite.<pid>.part`.
pub fn part_name(to: &Path) -> PathBuf {
    let mut name = to.as_os_str().to_owned();
    name.push(format!(".{}.part", std::process::id()));
    PathBuf::from(name)
}

/// Removes the `.part` files in `folder` that a killed copy left: those of a
/// process that no longer runs (on systems without `/proc`: older than a day).
/// [`remove_stale_parts`] in the folder `file` is in (the working folder for a bare
/// name).
pub fn remove_stale_parts_beside(file: &Path) {
    match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => remove_stale_parts(folder),
        Some(_) => remove_stale_parts(Path::new(".")),
        None => {}
    }
}

pub(crate) fn remove_stale_parts(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // The part itself, and the journal SQLite kept beside it while it wrote.
        let Some(pid) = [".part", ".part-journal", ".part-wal", ".part-shm"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .and_then(|rest| rest.rsplit('.').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let proc_root = Path::new("/proc");
        let stale = if proc_root.is_dir() {
            pid != std::process::id() && !proc_root.join(pid.to_string()).exists()
        } else {
            fs::metadata(&path)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 86_400))
        };
        if stale {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Refuses a copy's name that is taken: a copy never overwrites.
fn refuse_existing(to: &Path) -> Result<()> {
    if to.exists() {
        return Err(InputError::FileExists {
            path: to.display().to_string(),
            what: "kies een nieuwe naam, een reservekopie",
        }
        .into());
    }
    Ok(())
}

/// A whole copy of `from`'s database at `to`, a name not yet taken; what killed
/// copies left in that folder is cleared first.
fn new_copy(from: &Connection, to: &Path) -> Result<()> {
    refuse_existing(to)?;
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        remove_stale_parts(folder);
    }
    copy_whole(from, to)
}

fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Open activities whose item's first day (`domain::sweep::raised_from`: the end
/// date less the type's lead, or after the week of Awb 6:9) came on or before `day`
/// without an item for their *current* cycle — open, or handled with an outcome
/// that did not move the end date on (an item closed as extended belongs to a cycle
/// the activity has left, even when its end date was later moved back to that day).
/// Independent of the sweep's own query and its pending marker, so that a fault in
/// either shows here. `client` narrows it to one client (an import).
pub(super) fn expired_without_item(
    conn: &Connection,
    day: chrono::NaiveDate,
    client: Option<i64>,
) -> Result<Vec<(i64, String)>> {
    // One client is asked by its own condition, so that the client's index serves
    // it: `?2 IS NULL OR …` would read every open activity for each imported client.
    let which = if client.is_some() {
        "a.client_id = ?2"
    } else {
        "?2 IS NULL"
    };
    let rows = conn
        .prepare_cached(&format!(
            "SELECT a.id, a.end_date, a.type_code FROM activities a
             JOIN activity_types t ON t.code = a.type_code
             WHERE a.status = 'open'
               AND CASE WHEN t.due_offset_days > 0 AND EXISTS (SELECT 1 FROM term_rules r
                             WHERE r.activity_type = t.code AND r.atw = 1)
                        THEN date(a.end_date, '+' || (t.due_offset_days + 1) || ' days')
                        ELSE date(a.end_date, '-' || t.lead_days || ' days') END <= ?1
               AND {which}
               AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.source = 'activity'
                   AND w.source_activity_id = a.id AND w.source_end_date = a.end_date
                   AND (w.status = 'open' OR NOT EXISTS (SELECT 1 FROM kind_outcomes k
                       WHERE k.kind_code = w.kind_code AND k.outcome_code = w.outcome_code
                         AND k.effect = 'new_cycle')))
             ORDER BY a.id"
        ))?
        .query_map(rusqlite::params![day, client], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<(i64, chrono::NaiveDate, String)>>>()?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // A term whose item waits for the week of Awb 6:9 is due when that week, moved
    // by the Atw, is over: the query above found it from the week's plain end on.
    let catalog = super::catalog::load(conn)?;
    let calendar = super::terms::legal_calendar(conn)?;
    let mut missing = Vec::new();
    for (id, end, type_code) in rows {
        let t = catalog.activity_type(&type_code)?;
        if !waits_for_a_term(t) || expiry_due(t, end, &calendar) <= day {
            missing.push((id, end.to_string()));
        }
    }
    Ok(missing)
}

/// Clients still in the caseload, out of view on `?1` (the last conversation, or
/// the registration, longer ago than the category's rhythm), with no open item.
pub(super) const OUT_OF_VIEW_WITHOUT_ITEM_SQL: &str = "SELECT c.id FROM clients c
     JOIN categories cat ON cat.code = c.category_code
     WHERE c.ended_on IS NULL
       AND coalesce(c.last_contact_on, c.registered_on) < date(?1, '-' || cat.contact_rhythm_days || ' days')
       AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.client_id = c.id AND w.status = 'open')
     ORDER BY c.id";

/// Hersteltermijnen of an undecided aanvraag that ran out unused on `?1` (still
/// open past their end, or recorded as not answered), where the aanvraag has no
/// buiten-behandeling term at all, while that rule is switched on.
pub(super) const UNUSED_HERSTEL_WITHOUT_TERM_SQL: &str = "SELECT h.id, p.id FROM activities h
     JOIN applications p ON p.id = h.application_id
     WHERE h.type_code = 'hersteltermijn' AND h.term_rule IS NULL AND p.status = 'open'
       AND h.end_date < ?1
       AND (h.status = 'open' OR EXISTS (SELECT 1 FROM kind_outcomes k
           JOIN activity_types t ON t.expiry_kind = k.kind_code
           WHERE t.code = h.type_code AND k.outcome_code = h.outcome_code
             AND k.effect = 'not_received'))
       AND EXISTS (SELECT 1 FROM term_rules r WHERE r.code = 'buitenbehandeling' AND r.enabled = 1)
       AND NOT EXISTS (SELECT 1 FROM activities b WHERE b.application_id = p.id
           AND b.term_rule = 'buitenbehandeling')
     ORDER BY h.id";

impl Store {
    /// Writes a consistent copy of the database to `to`, which must not exist yet.
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        new_copy(self.conn(), to)
    }

    /// The full check: SQLite's integrity check, the foreign keys, and the program's
    /// rules — every expired activity has its work item, every handled item has an
    /// outcome its kind allows, at most one open contact-rhythm item per client.
    pub fn check(&self, today: chrono::NaiveDate) -> Result<CheckReport> {
        let conn = self.conn();
        let mut report = CheckReport {
            integrity: integrity(conn)?,
            ..CheckReport::default()
        };
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        report.foreign_keys = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} rij {} verwijst naar een ontbrekende rij in {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        // No escape: every activity that expired has its item.
        let expired = expired_without_item(conn, today, None)?;
        for (id, end) in expired {
            report.invariants.push(format!(
                "activiteit {id} is op {end} verlopen zonder werkitem voor die cyclus, ook na de sweep"
            ));
        }
        // A statutory item never waits past the end of its term: its due date as
        // the rules give it (`expiry_due`), after which no postponement may go.
        let open_terms: Vec<(i64, String, chrono::NaiveDate, chrono::NaiveDate)> = conn
            .prepare(
                "SELECT w.id, a.type_code, a.end_date, w.due_date
                 FROM work_items w JOIN work_item_kinds k ON k.code = w.kind_code
                 JOIN activities a ON a.id = w.source_activity_id
                 WHERE w.status = 'open' AND k.legal = 1 AND a.term_rule IS NOT NULL
                   AND w.source_end_date = a.end_date",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if !open_terms.is_empty() {
            let catalog = super::catalog::load(conn)?;
            let calendar = super::terms::legal_calendar(conn)?;
            for (id, type_code, end, due) in open_terms {
                let Ok(activity_type) = catalog.activity_type(&type_code) else {
                    continue;
                };
                let last = crate::domain::work_item::expiry_due(activity_type, end, &calendar);
                if due > last {
                    report.invariants.push(format!(
                        "werkitem {id} is uitgesteld voorbij het einde van zijn wettelijke termijn ({last})"
                    ));
                }
            }
        }
        let wrong: Vec<(i64, String, String)> = conn
            .prepare(
                // `ongedaan` is no handling but an undo's mark, allowed on every kind.
                "SELECT w.id, w.kind_code, w.outcome_code FROM work_items w
                 WHERE w.status = 'closed' AND w.outcome_code <> 'ongedaan'
                   AND NOT EXISTS (SELECT 1 FROM kind_outcomes k
                     WHERE k.kind_code = w.kind_code AND k.outcome_code = w.outcome_code)",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, kind, outcome) in wrong {
            report.invariants.push(format!(
                "werkitem {id} ({kind}) is afgehandeld met '{outcome}', dat bij die soort niet mag"
            ));
        }
        let doubled: i64 = conn.query_row(
            "SELECT count(*) FROM (SELECT client_id FROM work_items
                 WHERE source = 'rhythm' AND status = 'open' GROUP BY client_id HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )?;
        if doubled > 0 {
            report.invariants.push(format!(
                "{doubled} klant(en) met meer dan één open contactritme-werkitem"
            ));
        }
        // Nobody out of view: a client past the contact rhythm has open work.
        let unseen: Vec<i64> = conn
            .prepare(OUT_OF_VIEW_WITHOUT_ITEM_SQL)?
            .query_map([today], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in unseen {
            report.invariants.push(format!(
                "klant {id} is niet in beeld en heeft geen open werkitem"
            ));
        }
        // Awb 4:5 lid 4: an unused hersteltermijn of an undecided aanvraag has its
        // four weeks running.
        let unused: Vec<(i64, i64)> = conn
            .prepare(UNUSED_HERSTEL_WITHOUT_TERM_SQL)?
            .query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, app) in unused {
            report.invariants.push(format!(
                "hersteltermijn {id} van aanvraag {app} is ongebruikt verstreken zonder de termijn buiten behandeling (Awb 4:5 lid 4)"
            ));
        }
        Ok(report)
    }

    /// Replaces the database with the one in `from`, after checking that `from` is an
    /// inbeeld database that passes the integrity check. The current file is first
    /// saved to `keep`, so a restore loses nothing either.
    pub fn restore_from(&mut self, from: &Path, keep: &Path) -> Result<()> {
        let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|_| damaged(from, "het bestand kan niet worden gelezen"))?;
        let verdict =
            integrity(&source).map_err(|_| damaged(from, "het is geen SQLite-database"))?;
        if verdict != ["ok"] {
            return Err(damaged(
                from,
                "het bestand is beschadigd (integrity_check faalt)",
            ));
        }
        let application: i64 = source.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = source.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if application != super::open::APPLICATION_ID || version != super::SCHEMA_VERSION {
            return Err(damaged(
                from,
                "het is geen inbeeld-database van deze versie",
            ));
        }
        refuse_existing(keep)?;
        let locked = match damage_seen(self.path()) {
            Some(reason) => Err(StoreError::Damaged(reason)),
            None => self.replace_under_one_lock(from, keep),
        };
        match locked {
            Ok(()) => {}
            // A damaged file cannot give up its rows. Marked damaged, no process
            // writes to it any more, so no lock is needed: its pages are kept as
            // they are and overwritten by the backup's, in one step.
            Err(StoreError::Damaged(reason)) => {
                mark_damaged(self.path(), &reason);
                if !keep.exists() {
                    copy_whole(&self.conn, keep)?;
                }
                let backup = Backup::new(&source, &mut self.conn)?;
                all_at_once(&backup)?;
            }
            Err(other) => return Err(other),
        }
        // A good file stands here again: writes may go on.
        let _ = fs::remove_file(damage_marker(self.path()));
        Ok(())
    }

    /// Under one write lock, held from before the safety copy until the restored
    /// rows are committed: every edit another process had acknowledged is in `keep`,
    /// every later one waits and lands in the restored file. (SQLite's backup API
    /// cannot write into a file whose lock this connection holds; so the rows are
    /// copied, table by table, in that one transaction.)
    fn replace_under_one_lock(&self, from: &Path, keep: &Path) -> Result<()> {
        let conn = &self.conn;
        // ATTACH cannot happen inside a transaction: before the lock.
        conn.execute("ATTACH DATABASE ?1 AS restored", [read_only_uri(from)])?;
        let result = self.copy_under_lock(keep);
        let _ = conn.execute_batch("DETACH DATABASE restored");
        result
    }

    fn copy_under_lock(&self, keep: &Path) -> Result<()> {
        let conn = &self.conn;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = (|| {
            // A second connection reads what is committed; the lock above keeps
            // anything new from being committed meanwhile.
            let reader =
                Connection::open_with_flags(self.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            reader.busy_timeout(BUSY_TIMEOUT)?;
            new_copy(&reader, keep)?;
            drop(reader);
            copy_rows(conn)?;
            conn.execute_batch("COMMIT")?;
            Ok(())
        })();
        if result.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        result
    }
}

/// `file:<path>?mode=ro`, with the characters a URI reserves escaped.
fn read_only_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            _ => uri.push(char::from(*byte)),
        }
    }
    uri.push_str("?mode=ro");
    uri
}

/// Replaces every row of `main` by those of the attached `restored`, in the open
/// transaction. The never-delete triggers would refuse the deletes, so they are
/// dropped and made again from their own text, inside the same transaction; the
/// foreign keys are checked at the commit, when both sides are whole.
fn copy_rows(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER main.\"{name}\""))?;
    }
    // Ordinary tables only: a full-text index (a virtual table and its shadow
    // tables) is rebuilt from its rows afterwards.
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
                 AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in &tables {
        // By name: a file upgraded in place may hold its columns in another order.
        let columns = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}', 'main')"
            ))?
            .query_map([], |r| r.get::<_, String>(0))?
            .map(|c| c.map(|c| format!("\"{c}\"")))
            .collect::<rusqlite::Result<Vec<_>>>()?
            .join(", ");
        conn.execute_batch(&format!("DELETE FROM main.\"{table}\""))?;
        let in_restored: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM restored.sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if in_restored {
            conn.execute_batch(&format!(
                "INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM restored.\"{table}\""
            ))?;
        }
    }
    for (_, sql) in &triggers {
        conn.execute_batch(sql)?;
    }
    let indexes: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for index in &indexes {
        conn.execute_batch(&format!(
            "INSERT INTO main.\"{index}\" (\"{index}\") VALUES ('rebuild')"
        ))?;
    }
    Ok(())
}

/// The marker beside a file that was seen damaged: `<file>.beschadigd`.
fn damage_marker(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".beschadigd");
    PathBuf::from(name)
}

/// Why the file was marked damaged, if it was.
pub(crate) fn damage_seen(db: &Path) -> Option<String> {
    let reason = fs::read_to_string(damage_marker(db)).ok()?;
    Some(format!(
        "eerder beschadigd gevonden: {}",
        reason.trim().chars().take(160).collect::<String>()
    ))
}

/// Marks the file damaged, so that no process writes to it any more. Best effort:
/// a marker that cannot be written leaves the error itself to say it.
pub fn mark_damaged(db: &Path, reason: &str) {
    let marker = damage_marker(db);
    if !marker.exists() {
        let _ = fs::write(marker, reason);
    }
}

/// How many daily backups are kept.
pub const DAILY_BACKUPS: usize = 7;

/// The folder beside the database where the daily backups are kept.
pub fn backups_folder(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".backups");
    PathBuf::from(name)
}

/// The newest daily backup of `db`, if there is one.
pub fn latest_backup(db: &Path) -> Option<PathBuf> {
    daily_backups(db).pop()
}

fn daily_backups(db: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(backups_folder(db))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "sqlite"))
                .collect()
        })
        .unwrap_or_default();
    // Named by date, so the name sorts them.
    files.sort();
    files
}

impl Store {
    /// At the first start of a day: `PRAGMA quick_check`, then a backup named by the
    /// date beside the database; the oldest beyond seven are removed. A damaged file
    /// is refused (and never copied over the good backups). Returns the new backup.
    /// `today` is the real day (never `--today`): planning ahead must not push the
    /// real backups out.
    pub fn daily_backup(&self, today: chrono::NaiveDate) -> Result<Option<PathBuf>> {
        let folder = backups_folder(self.path());
        remove_stale_parts(&folder);
        let target = folder.join(format!("{today}.sqlite"));
        if target.exists() {
            return Ok(None);
        }
        let verdict: String = self
            .conn()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            // The first finding names the damage; the rest is for `inbeeld check`.
            let first: String = verdict.chars().take(120).collect();
            let more = if first.len() < verdict.len() {
                " …"
            } else {
                ""
            };
            let reason = format!("quick_check: {first}{more}");
            mark_damaged(self.path(), &reason);
            return Err(StoreError::Damaged(reason));
        }
        // The undo journal of days gone keeps no full BSN: an edit of before today
        // can no longer be undone, and the audit log masks it too. Before the copy,
        // so the backup does not keep it either.
        self.conn().execute(
            "UPDATE edit_rows SET before = json_set(before, '$.bsn',
                 '******' || substr(json_extract(before, '$.bsn'), 7))
             WHERE tbl = 'clients' AND before IS NOT NULL
               AND json_extract(before, '$.bsn') NOT LIKE '*%'
               AND edit_id IN (SELECT id FROM edits WHERE day < ?1)",
            [today.to_string()],
        )?;
        fs::create_dir_all(&folder).map_err(|source| StoreError::Open {
            path: folder.clone(),
            source,
        })?;
        // Written under a name of this process first, so a backup is either whole or
        // absent, also when several processes start the day at once.
        copy_whole(self.conn(), &target)?;
        let backups = daily_backups(self.path());
        for old in backups
            .iter()
            .take(backups.len().saturating_sub(DAILY_BACKUPS))
        {
            let _ = fs::remove_file(old);
        }
        Ok(Some(target))
    }
}

fn damaged(path: &Path, reason: &str) -> StoreError {
    InputError::NotRestored {
        path: path.display().to_string(),
        reason: reason.to_owned(),
    }
    .into()
}

impl Store {
    /// A copy of this database in memory, for looking ahead: whatever is done to the
    /// copy (a sweep on a later day) is gone when it is dropped, and the file is never
    /// written. The copy refuses to be backed up or restored over the file.
    pub fn in_memory_copy(&self) -> Result<Store> {
        let mut memory = Connection::open_in_memory()?;
        all_at_once(&Backup::new(self.conn(), &mut memory)?)?;
        memory.pragma_update(None, "foreign_keys", true)?;
        super::undo::install_journal(&memory)?;
        Ok(Store {
            conn: memory,
            path: self.path.clone(),
            actor: self.actor.clone(),
            upgraded: false,
            identity: None,
            on_change: None,
        })
    }
}
