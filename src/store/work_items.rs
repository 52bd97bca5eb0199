//! Work items: the werkvoorraad, handling items, and the activity changes that
//! handling brings. Each edit is one transaction with its audit rows.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::json;

use super::activities::{activity_from_row, ACTIVITY_COLUMNS};
use super::error::Result;
use super::{appointments, catalog, clients, journal, terms, Store, Write};
use crate::clock;
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::catalog::{Catalog, Requirement};
use crate::domain::error::{optional_text, required_text};
use crate::domain::journal::NewContact;
use crate::domain::work_item::{
    check_close, check_postpone, FollowUp, ItemStatus, Postponement, Source, WorkItem,
    WorkItemDetail,
};
use crate::domain::InputError;

/// Inserts a klantmanager's own follow-up (vervolgactie). Returns the id.
pub(crate) fn insert_follow_up(
    conn: &Connection,
    client_id: i64,
    title: &str,
    due: NaiveDate,
    now: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
         VALUES (?1, 'vervolgactie', ?2, ?3, 'manual', ?4)",
    )?
    .execute(params![client_id, title, due, now])?;
    Ok(conn.last_insert_rowid())
}

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
    let source: String = row.get(6)?;
    let status: String = row.get(8)?;
    Ok(WorkItem {
        id: row.get(0)?,
        client_id: row.get(1)?,
        client_name: row.get(2)?,
        kind: row.get(3)?,
        title: row.get(4)?,
        due_date: row.get(5)?,
        source: Source::from_code(&source),
        source_activity_id: row.get(7)?,
        status: if status == "closed" {
            ItemStatus::Closed
        } else {
            ItemStatus::Open
        },
        legal: row.get(9)?,
        urgency: row.get(10)?,
    })
}

pub(super) struct StoredItem {
    pub item: WorkItem,
    pub source_end_date: Option<NaiveDate>,
    outcome: Option<String>,
    outcome_note: Option<String>,
    closed_at: Option<String>,
}

pub(super) fn stored_item(conn: &Connection, id: i64) -> Result<StoredItem> {
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

/// The item, if it is still open; handling a handled item is refused.
pub(super) fn open_item(conn: &Connection, id: i64) -> Result<StoredItem> {
    let stored = stored_item(conn, id)?;
    if stored.item.status == ItemStatus::Closed {
        return Err(InputError::Other(format!(
            "werkitem {id} is al afgehandeld ({})",
            stored.outcome.as_deref().unwrap_or("-")
        ))
        .into());
    }
    Ok(stored)
}

pub(crate) fn activity(conn: &Connection, id: i64) -> Result<Activity> {
    conn.prepare_cached(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE id = ?1"
    ))?
    .query_row([id], activity_from_row)
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekende activiteit",
            id,
        }
        .into()
    })
}

pub(super) fn open_activity(conn: &Connection, id: i64) -> Result<Activity> {
    let activity = activity(conn, id)?;
    if activity.status == ActivityStatus::Closed {
        return Err(InputError::Other(format!(
            "activiteit {id} is al afgesloten ({})",
            activity.outcome.as_deref().unwrap_or("-")
        ))
        .into());
    }
    Ok(activity)
}

pub(super) fn close_item_row(
    w: &Write,
    item: &StoredItem,
    outcome: &str,
    note: Option<&str>,
) -> Result<()> {
    w.tx().execute(
        "UPDATE work_items SET status = 'closed', outcome_code = ?2, outcome_note = ?3,
             closed_at = ?4 WHERE id = ?1",
        params![item.item.id, outcome, note, clock::now_utc()],
    )?;
    w.audit(
        "work_item.close",
        "work_item",
        item.item.id,
        json!({
            "old": { "status": "open", "due_date": item.item.due_date },
            "new": { "status": "closed", "outcome": outcome, "note": note },
        }),
    )
}

pub(super) fn finish_activity(
    w: &Write,
    activity: &Activity,
    outcome: &str,
    note: Option<&str>,
    today: NaiveDate,
) -> Result<()> {
    w.tx().execute(
        "UPDATE activities SET status = 'closed', outcome_code = ?2, outcome_note = ?3,
             closed_on = ?4 WHERE id = ?1",
        params![activity.id, outcome, note, today],
    )?;
    w.audit(
        "activity.close",
        "activity",
        activity.id,
        json!({
            "old": { "status": "open", "end_date": activity.end_date },
            "new": { "status": "closed", "outcome": outcome, "note": note, "closed_on": today },
        }),
    )
}

/// The ids of an activity's open work items of one source (its expiry or its reminder).
fn open_items_of(w: &Write, activity_id: i64, source: &str) -> Result<Vec<i64>> {
    let ids = w
        .tx()
        .prepare_cached(
            "SELECT id FROM work_items WHERE source_activity_id = ?1 AND status = 'open'
             AND source = ?2 ORDER BY id",
        )?
        .query_map(params![activity_id, source], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Finishes an activity with an outcome, and settles what it raised: its own open
/// work items get the same outcome; an open reminder (nabellen) lapses, as
/// `vervallen`, since the outcome of the activity is no outcome its kind allows.
pub(super) fn finish_with_items(
    w: &Write,
    activity: &Activity,
    outcome: &str,
    note: Option<&str>,
    today: NaiveDate,
) -> Result<()> {
    finish_activity(w, activity, outcome, note, today)?;
    for id in open_items_of(w, activity.id, "activity")? {
        close_item_row(w, &stored_item(w.tx(), id)?, outcome, note)?;
    }
    let lapsed = format!("afspraak afgesloten: {outcome}");
    for id in open_items_of(w, activity.id, "nabellen")? {
        close_item_row(w, &stored_item(w.tx(), id)?, "vervallen", Some(&lapsed))?;
    }
    Ok(())
}

/// Moves an activity's end date: a new cycle, which expires into a new work item when
/// the new date is reached. Open items of earlier cycles are closed as `verlengd`
/// where their kind allows it; otherwise they stay for the klantmanager to handle.
pub(super) fn move_end_date(
    w: &Write,
    catalog: &Catalog,
    activity: &Activity,
    to: NaiveDate,
) -> Result<()> {
    if to < activity.start_date {
        return Err(InputError::EndBeforeStart {
            start: activity.start_date.to_string(),
            end: to.to_string(),
        }
        .into());
    }
    w.tx().execute(
        "UPDATE activities SET end_date = ?2 WHERE id = ?1",
        params![activity.id, to],
    )?;
    w.audit(
        "activity.extend",
        "activity",
        activity.id,
        json!({ "old": { "end_date": activity.end_date }, "new": { "end_date": to } }),
    )?;
    let earlier = open_items_of(w, activity.id, "activity")?;
    let note = format!("einddatum verschoven naar {to}");
    for id in earlier {
        let item = stored_item(w.tx(), id)?;
        let allows_extension = catalog
            .kind(&item.item.kind)
            .is_ok_and(|k| k.outcomes.iter().any(|o| o == "verlengd"));
        if allows_extension {
            close_item_row(w, &item, "verlengd", Some(&note))?;
        }
    }
    Ok(())
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
        let allowed_outcomes = catalog
            .kind(&stored.item.kind)
            .map(|k| k.outcomes.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|code| catalog.outcome(code).ok().cloned())
            .collect();
        let postponements = self
            .conn()
            .prepare_cached(
                "SELECT from_date, to_date, reason, at FROM postponements
                 WHERE work_item_id = ?1 ORDER BY id",
            )?
            .query_map([id], |row| {
                Ok(Postponement {
                    from_date: row.get(0)?,
                    to_date: row.get(1)?,
                    reason: row.get(2)?,
                    at: row.get(3)?,
                })
            })?
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

    /// A klantmanager's own follow-up (vervolgactie).
    pub fn add_item(
        &mut self,
        client_id: i64,
        title: &str,
        due: NaiveDate,
        today: NaiveDate,
    ) -> Result<i64> {
        let title = required_text("de titel", title)?;
        if due < today {
            return Err(InputError::Other(format!(
                "de vervaldatum {due} ligt in het verleden (vandaag is {today})"
            ))
            .into());
        }
        clients::client(self.conn(), client_id)?;
        self.write(|w| {
            let id = insert_follow_up(w.tx(), client_id, &title, due, &clock::now_utc())?;
            w.audit(
                "work_item.add",
                "work_item",
                id,
                json!({ "client_id": client_id, "kind": "vervolgactie", "title": title, "due_date": due }),
            )?;
            Ok(id)
        })
    }

    /// Handles a work item with an outcome. An item of an activity also settles the
    /// activity: `verlengd` gives it a new cycle, any other outcome finishes it (when
    /// the item belongs to the activity's current cycle).
    pub fn close_item(
        &mut self,
        id: i64,
        outcome: &str,
        note: Option<&str>,
        new_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<()> {
        self.close_item_with_follow_up(id, outcome, note, new_date, None, today)
    }

    /// As `close_item`; for a no-show, `follow_up` makes the new date a vervolgactie
    /// with that text instead of a new appointment.
    pub fn close_item_with_follow_up(
        &mut self,
        id: i64,
        outcome: &str,
        note: Option<&str>,
        new_date: Option<NaiveDate>,
        follow_up: Option<&str>,
        today: NaiveDate,
    ) -> Result<()> {
        let follow_up = optional_text(follow_up);
        self.write(|w| {
            let catalog = catalog::load(w.tx())?;
            let item = open_item(w.tx(), id)?;
            let kind = catalog.kind(&item.item.kind)?;
            let outcome = catalog.outcome(outcome)?;
            let close = check_close(
                kind,
                outcome,
                note,
                new_date,
                item.item.source_activity_id.is_some(),
                today,
            )?;
            if follow_up.is_some() && close.outcome != "no_show" {
                return Err(InputError::Other(
                    "een vervolgactie in plaats van een nieuwe afspraak hoort bij 'no_show'".to_owned(),
                )
                .into());
            }
            close_item_row(w, &item, &close.outcome, close.note.as_deref())?;
            // "Contact opnemen" handled as gesproken: the conversation took place today,
            // so it is registered, and the client is back in view.
            if item.item.source == Source::Rhythm && close.outcome == "gesproken" {
                let channel: String = w.tx().query_row(
                    "SELECT coalesce(contact_preference, 'telefoon') FROM clients WHERE id = ?1",
                    [item.item.client_id],
                    |r| r.get(0),
                )?;
                let note = close.note.clone().or_else(|| Some(format!("contact opgenomen (werkitem {id})")));
                let contact = NewContact { client_id: item.item.client_id, channel, date: today, note };
                journal::insert_contact(w, &contact, false)?;
            }
            // Only an activity's own expiry item settles the activity; a reminder
            // (nabellen) is handled on its own.
            let (Some(activity_id), Source::Activity) = (item.item.source_activity_id, item.item.source) else {
                return Ok(());
            };
            appointments::record_attendance(w, activity_id, &close.outcome)?;
            let activity = activity(w.tx(), activity_id)?;
            if activity.status == ActivityStatus::Closed {
                return Ok(());
            }
            match close.follow_up {
                FollowUp::NewCycle(to) if follow_up.is_some() => {
                    // A vervolgactie instead of a new appointment: the afspraak ends.
                    let title = follow_up.as_deref().unwrap_or_default();
                    finish_activity(w, &activity, &close.outcome, close.note.as_deref(), today)?;
                    let id = insert_follow_up(w.tx(), activity.client_id, title, to, &clock::now_utc())?;
                    w.audit(
                        "work_item.add",
                        "work_item",
                        id,
                        json!({ "client_id": activity.client_id, "kind": "vervolgactie", "title": title, "due_date": to }),
                    )?;
                }
                FollowUp::NewCycle(to) => {
                    if terms::is_term(w.tx(), activity.id)? {
                        return Err(InputError::Other(
                            "een wettelijke termijn wordt berekend, niet verlengd".to_owned(),
                        )
                        .into());
                    }
                    move_end_date(w, &catalog, &activity, to)?;
                }
                FollowUp::Finish if item.source_end_date == Some(activity.end_date) => {
                    match terms::next_cycle(w, &activity, &close.outcome)? {
                        Some(next) => move_end_date(w, &catalog, &activity, next)?,
                        None => finish_activity(
                            w,
                            &activity,
                            &close.outcome,
                            close.note.as_deref(),
                            today,
                        )?,
                    }
                }
                FollowUp::Finish => {}
            }
            terms::after_change(w, activity.id, Some(&close.outcome))
        })
    }

    pub fn postpone_item(
        &mut self,
        id: i64,
        to: NaiveDate,
        reason: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|w| {
            let item = open_item(w.tx(), id)?;
            let reason = check_postpone(item.item.due_date, to, reason, today)?;
            w.tx().execute(
                "INSERT INTO postponements (work_item_id, from_date, to_date, reason, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, item.item.due_date, to, reason, clock::now_utc()],
            )?;
            w.tx().execute(
                "UPDATE work_items SET due_date = ?2 WHERE id = ?1",
                params![id, to],
            )?;
            w.audit(
                "work_item.postpone",
                "work_item",
                id,
                json!({
                    "old": { "due_date": item.item.due_date },
                    "new": { "due_date": to },
                    "reason": reason,
                }),
            )
        })
    }

    /// Closes an activity before (or without waiting for) its work item. Its open
    /// items are handled with the same outcome.
    pub fn close_activity(
        &mut self,
        id: i64,
        outcome: &str,
        note: Option<&str>,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|w| {
            let catalog = catalog::load(w.tx())?;
            let activity = open_activity(w.tx(), id)?;
            let kind = catalog.kind(&catalog.activity_type(&activity.type_code)?.expiry_kind)?;
            let outcome = catalog.outcome(outcome)?;
            if outcome.requires == Requirement::NewDate {
                return Err(InputError::Other(format!(
                    "verlengen gaat met 'inbeeld activity extend {id} --to JJJJ-MM-DD'"
                ))
                .into());
            }
            let close = check_close(kind, outcome, note, None, true, today)?;
            finish_with_items(w, &activity, &close.outcome, close.note.as_deref(), today)?;
            terms::after_change(w, id, Some(&close.outcome))
        })
    }

    /// Moves an open activity's end date (a new cycle).
    pub fn extend_activity(&mut self, id: i64, to: NaiveDate) -> Result<()> {
        self.write(|w| {
            let catalog = catalog::load(w.tx())?;
            let activity = open_activity(w.tx(), id)?;
            if terms::is_term(w.tx(), id)? {
                return Err(InputError::Other(format!(
                    "activiteit {id} is een wettelijke termijn: de einddatum wordt berekend, niet verschoven"
                ))
                .into());
            }
            if to == activity.end_date {
                return Err(InputError::Other(format!("activiteit {id} eindigt al op {to}")).into());
            }
            move_end_date(w, &catalog, &activity, to)?;
            terms::after_change(w, id, None)
        })
    }

    pub fn activity(&self, id: i64) -> Result<Activity> {
        activity(self.conn(), id)
    }
}
