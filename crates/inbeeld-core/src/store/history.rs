//! What happened to a client's work items, for the dossier: how each was handled,
//! when it was postponed and why, and the handlings a reopening set aside.

use std::collections::BTreeMap;

use serde::Serialize;

use super::error::Result;
use super::work_items::{postponement_from_row, POSTPONEMENT_COLUMNS};
use super::{Reopening, Store};
use crate::domain::work_item::Postponement;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ItemHistory {
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    /// When it was handled (the real moment, not the due date).
    pub closed_at: Option<String>,
    pub postponements: Vec<Postponement>,
    pub reopenings: Vec<Reopening>,
}

impl Store {
    /// The history of each of a client's work items, by item id.
    pub fn item_histories(&self, client: i64) -> Result<BTreeMap<i64, ItemHistory>> {
        let mut map: BTreeMap<i64, ItemHistory> = BTreeMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, outcome_code, outcome_note, closed_at FROM work_items
             WHERE client_id = ?1 AND status = 'closed'",
        )?;
        let handled = stmt.query_map([client], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ItemHistory {
                    outcome: r.get(1)?,
                    outcome_note: r.get(2)?,
                    closed_at: r.get(3)?,
                    ..ItemHistory::default()
                },
            ))
        })?;
        for row in handled {
            let (id, history) = row?;
            map.insert(id, history);
        }
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT p.work_item_id, {POSTPONEMENT_COLUMNS}
             FROM postponements p JOIN work_items w ON w.id = p.work_item_id
             WHERE w.client_id = ?1 AND p.undone_at IS NULL ORDER BY p.id"
        ))?;
        let postponed = stmt.query_map([client], |r| {
            Ok((r.get::<_, i64>(0)?, postponement_from_row(r, 1)?))
        })?;
        for row in postponed {
            let (id, p) = row?;
            map.entry(id).or_default().postponements.push(p);
        }
        for r in self.reopenings(client)? {
            map.entry(r.work_item_id).or_default().reopenings.push(r);
        }
        Ok(map)
    }
}
