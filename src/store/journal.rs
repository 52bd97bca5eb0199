//! Contact moments and notes.

use rusqlite::params;
use serde_json::json;

use super::error::Result;
use super::{clients, Store};
use crate::clock;
use crate::domain::journal::{Contact, NewNote, Note};

impl Store {
    /// A client's contacts, newest first.
    pub fn contacts(&self, client_id: i64) -> Result<Vec<Contact>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, channel_code, contact_date, note, no_show,
                 EXISTS (SELECT 1 FROM contact_corrections k WHERE k.contact_id = contacts.id
                     AND k.undone_at IS NULL)
             FROM contacts
             WHERE client_id = ?1 AND undone_at IS NULL ORDER BY contact_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |row| {
            Ok(Contact {
                id: row.get(0)?,
                client_id: row.get(1)?,
                channel: row.get(2)?,
                date: row.get(3)?,
                note: row.get(4)?,
                no_show: row.get(5)?,
                corrected: row.get(6)?,
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
            "SELECT id, client_id, note_date, text,
                 EXISTS (SELECT 1 FROM note_corrections k WHERE k.note_id = notes.id
                     AND k.undone_at IS NULL)
             FROM notes
             WHERE client_id = ?1 AND undone_at IS NULL ORDER BY note_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |row| {
            Ok(Note {
                id: row.get(0)?,
                client_id: row.get(1)?,
                date: row.get(2)?,
                text: row.get(3)?,
                corrected: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
