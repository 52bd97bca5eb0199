//! The append-only audit log: who changed what, and when.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::error::Result;
use crate::clock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: serde_json::Value,
}

pub(super) fn record(
    conn: &Connection,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: i64,
    detail: &serde_json::Value,
    edit: Option<i64>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, edit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            clock::now_utc(),
            actor,
            action,
            entity,
            entity_id,
            detail.to_string(),
            edit
        ],
    )?;
    Ok(())
}

impl super::Store {
    /// The audit rows about one entity, oldest first.
    pub fn audit_for(&self, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log
             WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![entity, entity_id], |row| {
            let detail: String = row.get(6)?;
            Ok(AuditEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                actor: row.get(2)?,
                action: row.get(3)?,
                entity: row.get(4)?,
                entity_id: row.get(5)?,
                detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
