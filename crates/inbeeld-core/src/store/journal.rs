//! Contact moments and notes.

use super::error::Result;
use super::Store;
use crate::domain::journal::{Contact, Note};
use crate::domain::search::{JournalHit, Query};

impl Store {
    /// The newest note or contact of each client whose text holds every word of
    /// `query` (as the start of a word; accents and case ignored). Undone rows are
    /// not searched.
    pub fn search_journal(&self, query: &Query) -> Result<Vec<JournalHit>> {
        let Some(expression) = query.full_text() else {
            return Ok(Vec::new());
        };
        // One row per client and table: SQLite takes the bare columns from the
        // row with the newest date. The words around the match are cut from the
        // text when a row is drawn, not here for every match.
        let mut stmt = self.conn().prepare_cached(
            "SELECT n.client_id, 0, max(n.note_date), n.text
             FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
             WHERE notes_fts MATCH ?1 AND n.undone_at IS NULL
             GROUP BY n.client_id
             UNION ALL
             SELECT c.client_id, 1, max(c.contact_date), c.note
             FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid
             WHERE contacts_fts MATCH ?1 AND c.undone_at IS NULL
             GROUP BY c.client_id",
        )?;
        let rows = stmt.query_map([expression], |r| {
            Ok(JournalHit {
                client_id: r.get(0)?,
                contact: r.get(1)?,
                date: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        // A client found in a note and a contact: the newer one.
        let mut newest: std::collections::HashMap<i64, JournalHit> = Default::default();
        for hit in rows {
            let hit = hit?;
            match newest.get(&hit.client_id) {
                Some(kept) if kept.date >= hit.date => {}
                _ => {
                    newest.insert(hit.client_id, hit);
                }
            }
        }
        Ok(newest.into_values().collect())
    }

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
