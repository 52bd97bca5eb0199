//! Contact moments and notes.

use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::error::Result;
use super::work_items::{close_item_row, stored_item};
use super::{catalog, clients, Store, Write};
use crate::clock;
use crate::domain::journal::{Contact, NewContact, NewNote, Note};
use crate::domain::InputError;

/// Stores a contact in the current transaction. A contact that took place (not a
/// no-show) puts the client back in view: an open contact-rhythm item is handled as
/// `gesproken`.
pub(super) fn insert_contact(w: &Write, new: &NewContact, no_show: bool) -> Result<i64> {
    w.tx().execute(
        "INSERT INTO contacts (client_id, channel_code, contact_date, note, no_show, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new.client_id,
            new.channel,
            new.date,
            new.note,
            no_show,
            clock::now_utc()
        ],
    )?;
    let id = w.tx().last_insert_rowid();
    w.audit(
        if no_show {
            "contact.no_show"
        } else {
            "contact.add"
        },
        "contact",
        id,
        json!({
            "client_id": new.client_id,
            "channel": new.channel,
            "date": new.date,
            "note": new.note,
        }),
    )?;
    if !no_show {
        let open: Vec<i64> = w
            .tx()
            .prepare_cached(
                "SELECT id FROM work_items WHERE client_id = ?1 AND source = 'rhythm' AND status = 'open'",
            )?
            .query_map([new.client_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let note = format!("contact op {} via {}", new.date, new.channel);
        for item in open {
            close_item_row(w, &stored_item(w.tx(), item)?, "gesproken", Some(&note))?;
        }
    }
    Ok(id)
}

impl Store {
    /// Registers a contact that took place. A contact cannot be dated after `today`:
    /// a planned conversation is an appointment, not a contact.
    pub fn add_contact(&mut self, new: &NewContact, today: NaiveDate) -> Result<i64> {
        if new.date > today {
            return Err(InputError::Other(format!(
                "een contactmoment kan niet in de toekomst liggen ({} is na vandaag, {today}); plan een afspraak",
                new.date
            ))
            .into());
        }
        catalog::load(self.conn())?.channel(&new.channel)?;
        clients::client(self.conn(), new.client_id)?;
        self.write(|w| insert_contact(w, new, false))
    }

    /// A client's contacts, newest first.
    pub fn contacts(&self, client_id: i64) -> Result<Vec<Contact>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, channel_code, contact_date, note, no_show FROM contacts
             WHERE client_id = ?1 ORDER BY contact_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |row| {
            Ok(Contact {
                id: row.get(0)?,
                client_id: row.get(1)?,
                channel: row.get(2)?,
                date: row.get(3)?,
                note: row.get(4)?,
                no_show: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_note(&mut self, new: &NewNote) -> Result<i64> {
        clients::client(self.conn(), new.client_id)?;
        self.write(|w| {
            w.tx().execute(
                "INSERT INTO notes (client_id, note_date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![new.client_id, new.date, new.text, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit(
                "note.add",
                "note",
                id,
                json!({ "client_id": new.client_id, "date": new.date, "text": new.text }),
            )?;
            Ok(id)
        })
    }

    /// A client's notes, newest first.
    pub fn notes(&self, client_id: i64) -> Result<Vec<Note>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, note_date, text FROM notes
             WHERE client_id = ?1 ORDER BY note_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |row| {
            Ok(Note {
                id: row.get(0)?,
                client_id: row.get(1)?,
                date: row.get(2)?,
                text: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
