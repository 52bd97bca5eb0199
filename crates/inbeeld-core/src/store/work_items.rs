//! Work items: the werkvoorraad and the rows of one item. What handling an item does
//! is decided in `domain::handling`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::error::Result;
use super::{catalog, Store};
use crate::domain::work_item::{Postponement, WorkItem, WorkItemDetail};
use crate::domain::InputError;

/// The werkvoorraad: only columns that `work_items_open_by_due` holds, so the open
/// items are read from the index rather than from pages full of handled ones.
pub(crate) fn worklist_sql() -> String {
    format!(
        "SELECT w.id, w.client_id, c.name, w.kind_code, w.title, w.due_date, w.source,
                w.source_activity_id, w.status, k.legal, k.urgency
         FROM work_items w INDEXED BY work_items_open_by_due
         JOIN clients c ON c.id = w.client_id
         JOIN work_item_kinds k ON k.code = w.kind_code
         WHERE w.status = 'open' {WORKLIST_ORDER}"
    )
}

pub(crate) fn client_items_sql() -> String {
    format!("{ITEM_SQL} WHERE w.client_id = ?1 ORDER BY w.due_date DESC, w.id DESC")
}

const ITEM_SQL: &str = "
SELECT w.id, w.client_id, c.name, w.kind_code, w.title, w.due_date, w.source,
       w.source_activity_id, w.status, k.legal, k.urgency,
       w.source_end_date, w.outcome_code, w.outcome_note, w.closed_at
FROM work_items w
JOIN clients c ON c.id = w.client_id
JOIN work_item_kinds k ON k.code = w.kind_code";

/// The werkvoorraad order (see `domain::work_item::worklist_order`).
const WORKLIST_ORDER: &str = "ORDER BY w.due_date, k.legal DESC, k.urgency DESC, w.id";

fn item_from_row(row: &Row) -> rusqlite::Result<WorkItem> {
    Ok(WorkItem {
        id: row.get(0)?,
        client_id: row.get(1)?,
        client_name: row.get(2)?,
        kind: row.get(3)?,
        title: row.get(4)?,
        due_date: row.get(5)?,
        source: row.get(6)?,
        source_activity_id: row.get(7)?,
        status: row.get(8)?,
        legal: row.get(9)?,
        urgency: row.get(10)?,
    })
}

pub(crate) struct StoredItem {
    pub item: WorkItem,
    pub source_end_date: Option<NaiveDate>,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    pub closed_at: Option<String>,
}

/// A postponement's columns (of `postponements p`), as `postponement_from_row` reads
/// them.
pub(crate) const POSTPONEMENT_COLUMNS: &str = "p.from_date, p.to_date, p.reason, p.at";

/// A postponement from its columns, starting at column `first`.
pub(crate) fn postponement_from_row(
    row: &rusqlite::Row,
    first: usize,
) -> rusqlite::Result<Postponement> {
    Ok(Postponement {
        from_date: row.get(first)?,
        to_date: row.get(first + 1)?,
        reason: row.get(first + 2)?,
        at: row.get(first + 3)?,
    })
}

pub(crate) fn stored_item(conn: &Connection, id: i64) -> Result<StoredItem> {
    conn.prepare_cached(&format!("{ITEM_SQL} WHERE w.id = ?1"))?
        .query_row([id], |row| {
            Ok(StoredItem {
                item: item_from_row(row)?,
                source_end_date: row.get(11)?,
                outcome: row.get(12)?,
                outcome_note: row.get(13)?,
                closed_at: row.get(14)?,
            })
        })
        .optional()?
        .ok_or_else(|| {
            InputError::UnknownId {
                what: "onbekend werkitem",
                id,
            }
            .into()
        })
}

impl Store {
    /// The open work items, in werkvoorraad order.
    pub fn worklist(&self) -> Result<Vec<WorkItem>> {
        let mut stmt = self.conn().prepare_cached(&worklist_sql())?;
        let rows = stmt.query_map([], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All work items of one client, open and closed, newest due date first.
    pub fn client_items(&self, client_id: i64) -> Result<Vec<WorkItem>> {
        let mut stmt = self.conn().prepare_cached(&client_items_sql())?;
        let rows = stmt.query_map([client_id], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn work_item(&self, id: i64) -> Result<WorkItemDetail> {
        let stored = stored_item(self.conn(), id)?;
        let catalog = catalog::load(self.conn())?;
        // What a klantmanager may choose: not the outcome uitstroom gives.
        let allowed_outcomes = catalog
            .kind(&stored.item.kind)
            .map(|k| crate::domain::handling::chosen_by_hand(k))
            .unwrap_or_default()
            .iter()
            .filter_map(|code| catalog.outcome(code).ok().cloned())
            .collect();
        let postponements = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {POSTPONEMENT_COLUMNS} FROM postponements p
                 WHERE p.work_item_id = ?1 AND p.undone_at IS NULL ORDER BY p.id"
            ))?
            .query_map([id], |row| postponement_from_row(row, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(WorkItemDetail {
            item: stored.item,
            source_end_date: stored.source_end_date,
            outcome: stored.outcome,
            outcome_note: stored.outcome_note,
            closed_at: stored.closed_at,
            allowed_outcomes,
            postponements,
        })
    }
}
