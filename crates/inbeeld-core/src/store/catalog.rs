//! Reading the catalogue tables.

use rusqlite::Connection;

use super::error::Result;
use crate::domain::catalog::{
    ActivityType, Catalog, Category, Channel, NextActivity, Outcome, RiskProfile, WorkItemKind,
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
                        WHERE r.activity_type = activity_types.code AND r.atw = 1),
                    duration_minutes, source
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
                duration_minutes: row.get(9)?,
                source: row.get(10)?,
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
                next: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for kind in &mut work_item_kinds {
        let rows: Vec<(String, OutcomeEffect, Option<NextActivity>)> = conn
            .prepare_cached(
                "SELECT outcome_code, effect, next_type, next_days, next_title
                 FROM kind_outcomes WHERE kind_code = ?1 ORDER BY rowid",
            )?
            .query_map([&kind.code], |r| {
                let next = r
                    .get::<_, Option<String>>(2)?
                    .map(|type_code| NextActivity {
                        type_code,
                        days: r.get(3).ok().flatten(),
                        title: r.get(4).ok().flatten(),
                    });
                Ok((r.get(0)?, r.get(1)?, next))
            })?
            .collect::<rusqlite::Result<_>>()?;
        kind.outcomes = rows.iter().map(|(o, _, _)| o.clone()).collect();
        kind.effects = rows.iter().map(|(_, e, _)| *e).collect();
        kind.next = rows.into_iter().map(|(_, _, n)| n).collect();
    }

    let outcomes = conn
        .prepare("SELECT code, name, requires FROM outcomes ORDER BY rowid")?
        .query_map([], |row| {
            Ok(Outcome {
                code: row.get(0)?,
                name: row.get(1)?,
                requires: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let channels = codes_and_names(conn, "channels", "counts_as_contact")?;
    let end_reasons = codes_and_names(conn, "end_reasons", "1")?;

    let risk_profiles = conn
        .prepare("SELECT code, name, months FROM risk_profiles ORDER BY sort_order, code")?
        .query_map([], |row| {
            Ok(RiskProfile {
                code: row.get(0)?,
                name: row.get(1)?,
                months: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Catalog {
        categories,
        activity_types,
        work_item_kinds,
        outcomes,
        channels,
        end_reasons,
        risk_profiles,
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

#[cfg(test)]
mod tests {
    /// The table's catalogue is the product's: every kind it holds has exactly the
    /// outcomes, effects and § of the seed in `schema.sql`, so the table cannot say
    /// what the program does not do.
    #[test]
    fn the_tables_catalogue_is_the_seed_of_schema_sql() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("seed.sqlite")).unwrap();
        let seed = store.catalog().unwrap();
        let table = crate::domain::handling::table::catalog();
        for kind in &table.work_item_kinds {
            let real = seed.kind(&kind.code).unwrap();
            assert_eq!(
                (&kind.outcomes, &kind.effects, &kind.next, kind.legal),
                (&real.outcomes, &real.effects, &real.next, real.legal),
                "kind {}",
                kind.code
            );
        }
        for outcome in &table.outcomes {
            assert_eq!(
                outcome.requires,
                seed.outcome(&outcome.code).unwrap().requires,
                "outcome {}",
                outcome.code
            );
        }
        for t in &table.activity_types {
            let real = seed.activity_type(&t.code).unwrap();
            assert_eq!(
                (
                    &t.expiry_kind,
                    t.due_offset_days,
                    t.reminder_days,
                    t.statutory
                ),
                (
                    &real.expiry_kind,
                    real.due_offset_days,
                    real.reminder_days,
                    real.statutory
                ),
                "activity type {}",
                t.code
            );
        }
        for c in &table.channels {
            assert_eq!(
                c.counts_as_contact,
                seed.channel(&c.code).unwrap().counts_as_contact,
                "channel {}",
                c.code
            );
        }
    }
}
