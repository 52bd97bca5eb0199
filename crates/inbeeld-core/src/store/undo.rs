//! Undo: every klantmanager's edit is journaled row by row — the rows it added, and
//! the rows it changed with what they held before — by triggers this connection
//! makes from the tables' own columns. Undoing the last edit restores the changed
//! rows and marks what it added as undone (an added work item or activity is closed
//! as `ongedaan`): nothing is deleted, and the undo is itself an audited edit.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::json;

use super::error::Result;
use super::{Store, Write};
use crate::clock;
use crate::domain::InputError;

/// The tables an edit can change, and what undoing an added row of each means.
const JOURNALED: &[(&str, Added)] = &[
    ("work_items", Added::CloseItem),
    ("activities", Added::CloseActivity),
    ("contacts", Added::MarkUndone),
    ("notes", Added::MarkUndone),
    ("postponements", Added::MarkUndone),
    ("reopenings", Added::MarkUndone),
    ("note_corrections", Added::MarkUndone),
    ("contact_corrections", Added::MarkUndone),
    ("category_changes", Added::MarkUndone),
    ("client_ends", Added::MarkUndone),
    ("letters", Added::MarkUndone),
    ("suspensions", Added::NoDays),
    (
        "clients",
        Added::Refuse(
            "een nieuwe klant",
            "beëindig de klant (uitstroom, reden overig)",
        ),
    ),
    (
        "applications",
        Added::Refuse(
            "een nieuwe aanvraag",
            "leg het besluit 'ingetrokken' vast als de aanvraag er niet had moeten zijn",
        ),
    ),
    (
        "plans",
        Added::Refuse("een nieuw plan van aanpak", "stel het plan bij"),
    ),
    (
        "goals",
        Added::Refuse("een nieuw doel", "laat het doel vervallen met een reden"),
    ),
    (
        "situations",
        Added::Refuse("een situatie", "leg de juiste score opnieuw vast"),
    ),
    (
        "ladder_steps",
        Added::Refuse("een trede", "leg de juiste trede opnieuw vast"),
    ),
    (
        "declared_holidays",
        Added::Refuse("een vastgelegde feestdag", "een feestdag blijft vastgelegd"),
    ),
    (
        "term_rule_versions",
        Added::Refuse(
            "een nieuwe versie van een termijnregel",
            "een wetswijziging blijft vastgelegd",
        ),
    ),
    (
        "categories",
        Added::Refuse("een nieuwe categorie", "pas de catalogus aan"),
    ),
];

#[derive(Debug, Clone, Copy)]
enum Added {
    CloseItem,
    CloseActivity,
    MarkUndone,
    /// A suspension: it keeps its first day and suspends none.
    NoDays,
    /// Cannot be taken back; says what to do instead.
    Refuse(&'static str, &'static str),
}

/// One edit that can be undone: when, and what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditInfo {
    pub id: i64,
    pub at: String,
    pub summary: String,
}

impl EditInfo {
    /// The time of day the edit was made (HH:MM, this laptop's clock).
    pub fn local_time(&self) -> String {
        chrono::DateTime::parse_from_rfc3339(&self.at)
            .map(|at| at.with_timezone(&chrono::Local).format("%H:%M").to_string())
            .unwrap_or_default()
    }
}

/// Makes this connection's journal triggers (temporary: they follow the columns of
/// the file as it is, and cost nothing when no edit is in progress).
pub(super) fn install_journal(conn: &Connection) -> Result<()> {
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS current_edit (edit_id INTEGER NOT NULL)")?;
    for (table, _) in JOURNALED {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let before = columns
            .iter()
            .map(|c| format!("'{c}', OLD.\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        conn.execute_batch(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_insert AFTER INSERT ON main.{table}
                 WHEN EXISTS (SELECT 1 FROM current_edit)
             BEGIN
                 INSERT INTO edit_rows (edit_id, tbl, row_id, op)
                     SELECT edit_id, '{table}', NEW.rowid, 'insert' FROM current_edit;
             END;
             CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_update AFTER UPDATE ON main.{table}
                 WHEN EXISTS (SELECT 1 FROM current_edit)
             BEGIN
                 INSERT INTO edit_rows (edit_id, tbl, row_id, op, before)
                     SELECT edit_id, '{table}', OLD.rowid, 'update', json_object({before})
                     FROM current_edit;
             END;"
        ))?;
    }
    Ok(())
}

/// Starts a journaled edit in `tx`; returns its id.
pub(super) fn begin(tx: &Transaction, actor: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO edits (at, day, actor) VALUES (?1, ?2, ?3)",
        params![clock::now_utc(), clock::day(), actor],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("DELETE FROM current_edit", [])?;
    tx.execute("INSERT INTO current_edit (edit_id) VALUES (?1)", [id])?;
    Ok(id)
}

/// Ends the journaled edit `id`; an edit that changed nothing leaves no trace.
pub(super) fn end(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM current_edit", [])?;
    tx.execute(
        "DELETE FROM edits WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM edit_rows WHERE edit_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM audit_log WHERE edit_id = ?1)",
        [id],
    )?;
    Ok(())
}

const LAST_UNDOABLE_SQL: &str = "SELECT e.id, e.at, e.summary FROM edits e
    WHERE e.day = ?1 AND e.undoes IS NULL
      AND NOT EXISTS (SELECT 1 FROM edits u WHERE u.undoes = e.id)
      AND EXISTS (SELECT 1 FROM edit_rows r WHERE r.edit_id = e.id)
    ORDER BY e.id DESC LIMIT 1";

fn last_undoable(conn: &Connection, today: NaiveDate) -> Result<Option<EditInfo>> {
    let found = conn
        .prepare_cached(LAST_UNDOABLE_SQL)?
        .query_row([today], |r| {
            Ok(EditInfo {
                id: r.get(0)?,
                at: r.get(1)?,
                summary: r.get(2)?,
            })
        })
        .optional()?;
    let Some(mut info) = found else {
        return Ok(None);
    };
    if info.summary.is_empty() {
        info.summary = described(conn, info.id)?;
    }
    Ok(Some(info))
}

/// An edit without a summary of its own, told by its audit rows.
fn described(conn: &Connection, edit: i64) -> Result<String> {
    let actions: Vec<(String, Option<i64>)> = conn
        .prepare_cached("SELECT action, entity_id FROM audit_log WHERE edit_id = ?1 ORDER BY id")?
        .query_map([edit], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut parts: Vec<String> = Vec::new();
    for (action, id) in actions {
        let id = id.unwrap_or_default();
        let text = match action.as_str() {
            "client.add" => format!("klant {id} ingeschreven"),
            "note.add" => "notitie geschreven".to_owned(),
            "plan.new" => "nieuw plan van aanpak".to_owned(),
            "plan.goal" => "doel toegevoegd".to_owned(),
            "plan.evaluation" => "evaluatiedatum gezet".to_owned(),
            "situation.add" => "situatie vastgelegd".to_owned(),
            "ladder.add" => "trede vastgelegd".to_owned(),
            "catalog.rhythm" => "contactritme gewijzigd".to_owned(),
            "calendar.declare" => "feestdag vastgelegd".to_owned(),
            "application.add" => format!("aanvraag {id} geregistreerd"),
            other => other.replace(['.', '_'], " "),
        };
        if !parts.contains(&text) {
            parts.push(text);
        }
    }
    Ok(parts.join("; "))
}

impl Store {
    /// The edit an undo would reverse now: the last edit of today that is not an undo,
    /// not undone, and changed something.
    pub fn last_undoable(&self, today: NaiveDate) -> Result<Option<EditInfo>> {
        last_undoable(self.conn(), today)
    }

    /// Why edit `edit` cannot be undone, if it cannot: it added a row that is never
    /// taken back (a client, an aanvraag, a plan …). Known before asking.
    pub fn undo_refusal(&self, edit: i64) -> Result<Option<InputError>> {
        let tables: Vec<String> = self
            .conn()
            .prepare_cached(
                "SELECT DISTINCT tbl FROM edit_rows WHERE edit_id = ?1 AND op = 'insert'",
            )?
            .query_map([edit], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tables.iter().find_map(|table| {
            match JOURNALED.iter().find(|(name, _)| name == table)?.1 {
                Added::Refuse(what, instead) => Some(InputError::CannotUndo { what, instead }),
                _ => None,
            }
        }))
    }

    /// Undoes edit `expected`, which must still be the last undoable one (the
    /// klantmanager confirmed that one; another process may have written since).
    pub fn undo(&mut self, expected: i64, today: NaiveDate) -> Result<EditInfo> {
        self.write(|w| {
            let target = last_undoable(w.tx(), today)?.ok_or(InputError::NothingToUndo)?;
            if target.id != expected {
                return Err(InputError::UndoMoved.into());
            }
            w.reverse(&target, today)?;
            Ok(target)
        })
    }
}

impl Write<'_> {
    fn reverse(&self, target: &EditInfo, today: NaiveDate) -> Result<()> {
        let tx = self.tx();
        let now = clock::now_utc();
        if let Some(me) = self.edit {
            tx.execute(
                "UPDATE edits SET undoes = ?2, summary = ?3 WHERE id = ?1",
                params![
                    me,
                    target.id,
                    format!("ongedaan gemaakt: {}", target.summary)
                ],
            )?;
        }
        let rows: Vec<(String, i64, String, Option<String>)> = tx
            .prepare(
                "SELECT tbl, row_id, op, before FROM edit_rows WHERE edit_id = ?1 ORDER BY id DESC",
            )?
            .query_map([target.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut activities = Vec::new();
        let mut recategorised = Vec::new();
        for (table, row, op, before) in rows {
            let Some((_, added)) = JOURNALED.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            if table == "activities" {
                activities.push(row);
            }
            if table == "category_changes" {
                recategorised.push(tx.query_row(
                    "SELECT client_id FROM category_changes WHERE id = ?1",
                    [row],
                    |r| r.get::<_, i64>(0),
                )?);
            }
            match (op.as_str(), before) {
                ("update", Some(before)) => restore(tx, &table, row, &before)?,
                _ => withdraw(tx, &table, row, *added, &now, today)?,
            }
        }
        // Items the sweep raised for a cycle the undo took back (an end date moved
        // back, an activity withdrawn) would otherwise stay without an activity.
        for activity in activities {
            tx.execute(
                "UPDATE work_items SET status = 'closed', outcome_code = 'ongedaan',
                     outcome_note = 'Ongedaan gemaakt', closed_at = ?2, closed_on = ?3
                 WHERE source_activity_id = ?1 AND status = 'open'
                   AND (source_end_date <> (SELECT end_date FROM activities WHERE id = ?1)
                        OR (SELECT status FROM activities WHERE id = ?1) = 'closed')",
                params![activity, now, today],
            )?;
        }
        // A contact-rhythm item the sweep raised after a category change that is
        // taken back came from a rhythm the client no longer has: it goes, and the
        // next sweep raises one where the restored rhythm asks for it.
        for client in recategorised {
            tx.execute(
                "UPDATE work_items SET status = 'closed', outcome_code = 'ongedaan',
                     outcome_note = 'Ongedaan gemaakt', closed_at = ?2, closed_on = ?3
                 WHERE client_id = ?1 AND source = 'rhythm' AND status = 'open'
                   AND created_at >= ?4",
                params![client, now, today, target.at],
            )?;
        }
        self.audit(
            "edit.undo",
            "edit",
            target.id,
            json!({ "summary": target.summary, "at": target.at }),
        )
    }
}

/// Puts a changed row back as it was.
fn restore(tx: &Transaction, table: &str, row: i64, before: &str) -> Result<()> {
    let columns: Vec<String> = tx
        .prepare_cached("SELECT key FROM json_each(?1)")?
        .query_map([before], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let sets = columns
        .iter()
        .filter(|c| c.as_str() != "id")
        .map(|c| format!("\"{c}\" = json_extract(?1, '$.\"{c}\"')"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.execute(
        &format!("UPDATE {table} SET {sets} WHERE rowid = ?2"),
        params![before, row],
    )?;
    Ok(())
}

/// Takes back an added row without deleting it.
fn withdraw(
    tx: &Transaction,
    table: &str,
    row: i64,
    added: Added,
    now: &str,
    today: NaiveDate,
) -> Result<()> {
    match added {
        Added::CloseItem => {
            tx.execute(
                "UPDATE work_items SET status = 'closed', outcome_code = 'ongedaan',
                     outcome_note = 'Ongedaan gemaakt', closed_at = ?2, closed_on = ?3
                 WHERE id = ?1 AND status = 'open'",
                params![row, now, today],
            )?;
        }
        Added::CloseActivity => {
            tx.execute(
                "UPDATE activities SET status = 'closed', outcome_code = 'ongedaan',
                     outcome_note = 'Ongedaan gemaakt', closed_on = ?2,
                     expired_end_date = end_date
                 WHERE id = ?1 AND status = 'open'",
                params![row, today],
            )?;
        }
        Added::MarkUndone => {
            tx.execute(
                &format!("UPDATE {table} SET undone_at = ?2 WHERE id = ?1"),
                params![row, now],
            )?;
        }
        Added::NoDays => {
            tx.execute(
                "UPDATE suspensions SET to_date = date(from_date, '-1 day') WHERE id = ?1",
                [row],
            )?;
        }
        Added::Refuse(what, instead) => {
            return Err(InputError::CannotUndo { what, instead }.into());
        }
    }
    Ok(())
}
