//! What the client's course and the corrections read: open work, the category
//! history, one note or contact, duplicates, the afspraken of a day.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::error::Result;
use super::{Store, Write};
use crate::domain::journal::{Contact, Note};
use crate::domain::lifecycle::{OpenPiece, OpenWork};
use crate::domain::InputError;

/// One doorstroom: from which category to which, on which day, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryChange {
    pub from: String,
    pub to: String,
    pub on: NaiveDate,
    pub reason: String,
}

/// A reopened work item's earlier handling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reopening {
    pub work_item_id: i64,
    pub outcome: String,
    pub outcome_note: Option<String>,
    pub closed_at: String,
    pub reason: String,
    pub at: String,
}

fn open_pieces(conn: &Connection, sql: &str, client: i64) -> Result<Vec<OpenPiece>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([client], |r| {
            Ok(OpenPiece {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn open_work(conn: &Connection, client: i64) -> Result<OpenWork> {
    Ok(OpenWork {
        activities: open_pieces(
            conn,
            "SELECT a.id, a.title, t.expiry_kind FROM activities a
             JOIN activity_types t ON t.code = a.type_code
             WHERE a.client_id = ?1 AND a.status = 'open'
             ORDER BY a.end_date, a.id",
            client,
        )?,
        items: open_pieces(
            conn,
            "SELECT id, title, kind_code FROM work_items WHERE client_id = ?1 AND status = 'open'
             ORDER BY due_date, id",
            client,
        )?,
        applications: conn
            .prepare_cached(
                "SELECT id FROM applications WHERE client_id = ?1 AND status = 'open' ORDER BY id",
            )?
            .query_map([client], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
    })
}

pub(crate) fn note(conn: &Connection, id: i64) -> Result<Note> {
    conn.prepare_cached(
        "SELECT id, client_id, note_date, text FROM notes WHERE id = ?1 AND undone_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(Note {
            id: r.get(0)?,
            client_id: r.get(1)?,
            date: r.get(2)?,
            text: r.get(3)?,
            corrected: false,
        })
    })
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekende notitie",
            id,
        }
        .into()
    })
}

pub(crate) fn contact(conn: &Connection, id: i64) -> Result<Contact> {
    conn.prepare_cached(
        "SELECT id, client_id, channel_code, contact_date, note, no_show FROM contacts
         WHERE id = ?1 AND undone_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(Contact {
            id: r.get(0)?,
            client_id: r.get(1)?,
            channel: r.get(2)?,
            date: r.get(3)?,
            note: r.get(4)?,
            no_show: r.get(5)?,
            corrected: false,
        })
    })
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekend contactmoment",
            id,
        }
        .into()
    })
}

impl Write<'_> {
    pub(crate) fn client(&self, id: i64) -> Result<crate::domain::client::Client> {
        super::clients::client(self.tx(), id)
    }

    pub(crate) fn open_work(&self, client: i64) -> Result<OpenWork> {
        open_work(self.tx(), client)
    }

    /// The day of the client's latest category change that stands.
    pub(crate) fn last_category_change(&self, client: i64) -> Result<Option<NaiveDate>> {
        Ok(self.tx().query_row(
            "SELECT max(changed_on) FROM category_changes WHERE client_id = ?1 AND undone_at IS NULL",
            [client],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn note(&self, id: i64) -> Result<Note> {
        note(self.tx(), id)
    }

    pub(crate) fn contact(&self, id: i64) -> Result<Contact> {
        contact(self.tx(), id)
    }

    /// A handled item's activity when that is closed: reopening the item opens it.
    pub(crate) fn closed_activity_of_item(&self, item: i64) -> Result<Option<i64>> {
        Ok(self
            .tx()
            .query_row(
                "SELECT a.id FROM work_items w JOIN activities a ON a.id = w.source_activity_id
                 WHERE w.id = ?1 AND w.source = 'activity' AND a.status = 'closed'",
                [item],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Another client with this BSN.
    pub(crate) fn client_with_bsn(&self, bsn: &str, except: i64) -> Result<Option<i64>> {
        Ok(self
            .tx()
            .query_row(
                "SELECT id FROM clients WHERE bsn = ?1 AND id <> ?2",
                params![bsn, except],
                |r| r.get(0),
            )
            .optional()?)
    }
}

impl Store {
    pub fn open_work(&self, client: i64) -> Result<OpenWork> {
        open_work(self.conn(), client)
    }

    pub fn note(&self, id: i64) -> Result<Note> {
        note(self.conn(), id)
    }

    pub fn contact(&self, id: i64) -> Result<Contact> {
        contact(self.conn(), id)
    }

    /// A client with this name and birth date, for the warning before registering a
    /// second one.
    pub fn same_name_and_birth(&self, name: &str, birth: Option<NaiveDate>) -> Result<Option<i64>> {
        let Some(birth) = birth else { return Ok(None) };
        // "piet  bakker" is Piet Bakker: case and spacing do not make another person.
        let folded = |text: &str| {
            text.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let wanted = folded(name);
        let found: Vec<(i64, String)> = self
            .conn()
            .prepare_cached("SELECT id, name FROM clients WHERE birth_date = ?1 ORDER BY id")?
            .query_map([birth], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found
            .into_iter()
            .find(|(_, other)| folded(other) == wanted)
            .map(|(id, _)| id))
    }

    /// The times of the open afspraken on `date` (of the whole caseload), but `except`.
    pub fn appointment_times(
        &self,
        date: NaiveDate,
        except: Option<i64>,
    ) -> Result<Vec<Option<String>>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT appointment_time FROM activities INDEXED BY activities_open_by_type
                 WHERE type_code = 'afspraak' AND end_date = ?1 AND status = 'open'
                   AND id IS NOT ?2",
            )?
            .query_map(params![date, except], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The open afspraken with a time from `from` on, as (day, time), but `except`:
    /// what a form warns a double booking against.
    pub fn appointment_slots(
        &self,
        from: NaiveDate,
        except: Option<i64>,
    ) -> Result<Vec<(NaiveDate, String)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT end_date, appointment_time FROM activities INDEXED BY activities_open_by_type
                 WHERE type_code = 'afspraak' AND end_date >= ?1 AND status = 'open'
                   AND appointment_time IS NOT NULL AND id IS NOT ?2
                 ORDER BY end_date, appointment_time",
            )?
            .query_map(params![from, except], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// A client's doorstroom, oldest first.
    pub fn category_changes(&self, client: i64) -> Result<Vec<CategoryChange>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT from_code, to_code, changed_on, reason FROM category_changes
                 WHERE client_id = ?1 AND undone_at IS NULL ORDER BY changed_on, id",
            )?
            .query_map([client], |r| {
                Ok(CategoryChange {
                    from: r.get(0)?,
                    to: r.get(1)?,
                    on: r.get(2)?,
                    reason: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The earlier handlings of a client's reopened items, oldest first.
    pub fn reopenings(&self, client: i64) -> Result<Vec<Reopening>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT r.work_item_id, r.outcome_code, r.outcome_note, r.closed_at, r.reason, r.at
                 FROM reopenings r JOIN work_items w ON w.id = r.work_item_id
                 WHERE w.client_id = ?1 AND r.undone_at IS NULL ORDER BY r.id",
            )?
            .query_map([client], |r| {
                Ok(Reopening {
                    work_item_id: r.get(0)?,
                    outcome: r.get(1)?,
                    outcome_note: r.get(2)?,
                    closed_at: r.get(3)?,
                    reason: r.get(4)?,
                    at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
