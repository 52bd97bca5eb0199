//! Reading the catalogue tables.

use rusqlite::Connection;

use super::error::Result;
use crate::domain::catalog::{
    ActivityType, Catalog, Category, Channel, Outcome, Requirement, WorkItemKind,
};
use crate::domain::effects::OutcomeEffect;

fn codes(conn: &Connection, sql: &str, key: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([key], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn load(conn: &Connection) -> Result<Catalog> {
    let mut categories: Vec<Category> = conn
        .prepare(
            "SELECT code, name, description, contact_rhythm_days, retry_days FROM categories
             ORDER BY sort_order, code",
        )?
        .query_map([], |row| {
            Ok(Category {
                code: row.get(0)?,
                name: row.get(1)?,
                description: row.get(2)?,
                contact_rhythm_days: row.get(3)?,
                retry_days: row.get(4)?,
                activity_types: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for category in &mut categories {
        category.activity_types = codes(
            conn,
            "SELECT c.activity_type_code FROM category_activity_types c
             JOIN activity_types t ON t.code = c.activity_type_code
             WHERE c.category_code = ?1 ORDER BY t.sort_order, t.code",
            &category.code,
        )?;
    }

    let activity_types = conn
        .prepare(
            "SELECT code, name, default_days, expiry_kind, expiry_title, due_offset_days, lead_days,
                    reminder_days, EXISTS (SELECT 1 FROM term_rules r
                        WHERE r.activity_type = activity_types.code AND r.atw = 1)
             FROM activity_types ORDER BY sort_order, code",
        )?
        .query_map([], |row| {
            Ok(ActivityType {
                code: row.get(0)?,
                name: row.get(1)?,
                default_days: row.get(2)?,
                expiry_kind: row.get(3)?,
                expiry_title: row.get(4)?,
                due_offset_days: row.get(5)?,
                lead_days: row.get(6)?,
                reminder_days: row.get(7)?,
                statutory: row.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut work_item_kinds: Vec<WorkItemKind> = conn
        .prepare(
            "SELECT code, name, urgency, legal FROM work_item_kinds ORDER BY urgency DESC, code",
        )?
        .query_map([], |row| {
            Ok(WorkItemKind {
                code: row.get(0)?,
                name: row.get(1)?,
                urgency: row.get(2)?,
                legal: row.get(3)?,
                outcomes: Vec::new(),
                effects: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for kind in &mut work_item_kinds {
        let rows: Vec<(String, String)> = conn
            .prepare_cached(
                "SELECT outcome_code, effect FROM kind_outcomes WHERE kind_code = ?1 ORDER BY rowid",
            )?
            .query_map([&kind.code], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        kind.outcomes = rows.iter().map(|(o, _)| o.clone()).collect();
        kind.effects = rows
            .iter()
            .map(|(_, e)| OutcomeEffect::from_code(e))
            .collect();
    }

    let outcomes = conn
        .prepare("SELECT code, name, requires FROM outcomes ORDER BY rowid")?
        .query_map([], |row| {
            let requires: String = row.get(2)?;
            Ok(Outcome {
                code: row.get(0)?,
                name: row.get(1)?,
                requires: Requirement::from_code(&requires),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let channels = codes_and_names(conn, "channels", "counts_as_contact")?;
    let end_reasons = codes_and_names(conn, "end_reasons", "1")?;

    Ok(Catalog {
        categories,
        activity_types,
        work_item_kinds,
        outcomes,
        channels,
        end_reasons,
    })
}

impl super::Store {
    pub fn catalog(&self) -> Result<Catalog> {
        load(self.conn())
    }
}

/// A catalogue of codes with names, in its own order.
/// Codes and names; `counts` is the column that says whether a contact by it keeps
/// the client in view (channels), or `1` (end reasons).
fn codes_and_names(conn: &Connection, table: &str, counts: &str) -> Result<Vec<Channel>> {
    Ok(conn
        .prepare(&format!(
            "SELECT code, name, {counts} FROM {table} ORDER BY sort_order, code"
        ))?
        .query_map([], |row| {
            Ok(Channel {
                code: row.get(0)?,
                name: row.get(1)?,
                counts_as_contact: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
