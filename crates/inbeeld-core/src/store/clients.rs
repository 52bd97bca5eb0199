//! Clients: registration, the caseload and the dossier.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::error::Result;
use super::Store;
use crate::domain::activity::Activity;
use crate::domain::client::{in_view, Client, ClientSummary, PlannedEnd};
use crate::domain::journal::{Contact, Note};
use crate::domain::name::{Address, NameParts};
use crate::domain::InputError;

/// Everything in one client's file that the dossier shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dossier {
    #[serde(flatten)]
    pub client: Client,
    pub bsn_masked: Option<String>,
    pub days_since_contact: Option<i64>,
    pub in_view: bool,
    pub next_deadline: Option<NaiveDate>,
    pub open_items: i64,
    /// Registered no-shows (appointments the client did not come to).
    pub no_shows: i64,
    /// Doorstroom: the category changes, oldest first.
    pub category_history: Vec<super::CategoryChange>,
    pub activities: Vec<Activity>,
    pub contacts: Vec<Contact>,
    pub notes: Vec<Note>,
}

const CLIENT_COLUMNS: &str = "id, name, bsn, birth_date, category_code, phone, email,
    contact_preference, registered_on, ended_on, end_reason, ending_on, ending_reason,
    ending_settles, given_name, name_prefix, surname, street, house_number,
    house_number_addition, postcode, city, risk_profile";

fn client_from_row(row: &Row) -> rusqlite::Result<Client> {
    Ok(Client {
        id: row.get(0)?,
        name: row.get(1)?,
        bsn: row.get(2)?,
        birth_date: row.get(3)?,
        category: row.get(4)?,
        phone: row.get(5)?,
        email: row.get(6)?,
        contact_preference: row.get(7)?,
        parts: name_parts(row, 14)?,
        address: Address {
            street: row.get(17)?,
            house_number: row.get(18)?,
            addition: row.get(19)?,
            postcode: row.get(20)?,
            city: row.get(21)?,
        },
        registered_on: row.get(8)?,
        ended_on: row.get(9)?,
        end_reason: row.get(10)?,
        planned_end: match (row.get(11)?, row.get(12)?) {
            (Some(on), Some(reason)) => Some(PlannedEnd {
                on,
                reason,
                settle: row.get(13)?,
            }),
            _ => None,
        },
        risk_profile: row.get(22)?,
    })
}

/// A client's name parts, read from three columns (given_name, name_prefix,
/// surname) from `first` on.
pub(super) fn name_parts(row: &Row, first: usize) -> rusqlite::Result<NameParts> {
    Ok(NameParts {
        given: row.get(first)?,
        prefix: row.get(first + 1)?,
        surname: row.get(first + 2)?,
    })
}

/// The client, or a refusal naming the unknown id.
pub(crate) fn client(conn: &Connection, id: i64) -> Result<Client> {
    conn.prepare_cached(&format!(
        "SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1"
    ))?
    .query_row([id], client_from_row)
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekende klant",
            id,
        }
        .into()
    })
}

pub(crate) fn summaries_sql() -> String {
    // By achternaam without voorvoegsel ("de Vries" under V), then voornaam; a client
    // whose name has no parts by the whole name.
    format!(
        "{SUMMARY_SQL} WHERE (c.ended_on IS NOT NULL) = ?2
         ORDER BY lower(CASE WHEN c.surname IS NULL THEN c.name
                        ELSE c.surname || ' ' || coalesce(c.given_name, '') END), c.id"
    )
}

/// The caseload rows: one query, so that a caseload of thousands stays one pass.
const SUMMARY_SQL: &str = "
SELECT c.id, c.name, c.category_code, c.registered_on, cat.contact_rhythm_days,
    CASE WHEN c.last_contact_on IS NULL OR c.last_contact_on <= ?1 THEN c.last_contact_on
         ELSE (SELECT max(contact_date) FROM contacts
               WHERE client_id = c.id AND no_show = 0 AND undone_at IS NULL AND contact_date <= ?1
                 AND channel_code IN (SELECT code FROM channels WHERE counts_as_contact = 1))
    END AS last_contact,
    (SELECT min(d) FROM (
        SELECT min(end_date) AS d FROM activities WHERE client_id = c.id AND status = 'open'
        UNION ALL
        SELECT min(due_date) FROM work_items WHERE client_id = c.id AND status = 'open'
    )) AS next_deadline,
    (SELECT count(*) FROM work_items WHERE client_id = c.id AND status = 'open') AS open_items,
    c.birth_date, c.ended_on, c.end_reason, c.bsn
FROM clients c JOIN categories cat ON cat.code = c.category_code";

fn summary_from_row(row: &Row, today: NaiveDate) -> rusqlite::Result<ClientSummary> {
    let registered_on: NaiveDate = row.get(3)?;
    let rhythm: i64 = row.get(4)?;
    let last_contact: Option<NaiveDate> = row.get(5)?;
    Ok(ClientSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        category: row.get(2)?,
        days_since_contact: last_contact.map(|d| (today - d).num_days()),
        in_view: in_view(last_contact, registered_on, rhythm, today),
        next_deadline: row.get(6)?,
        open_items: row.get(7)?,
        birth_date: row.get(8)?,
        ended_on: row.get(9)?,
        end_reason: row.get(10)?,
        bsn: row.get(11)?,
    })
}

impl Store {
    pub fn client(&self, id: i64) -> Result<Client> {
        client(self.conn(), id)
    }

    /// Every client, ended ones too, by id: what an import matches its rows against.
    pub fn all_clients(&self) -> Result<Vec<Client>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {CLIENT_COLUMNS} FROM clients ORDER BY id"))?;
        let rows = stmt.query_map([], client_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole caseload, by name (clients who left it not included).
    pub fn client_summaries(&self, today: NaiveDate) -> Result<Vec<ClientSummary>> {
        self.summaries(today, false)
    }

    /// The clients who left the caseload (uitstroom), by name.
    pub fn ended_client_summaries(&self, today: NaiveDate) -> Result<Vec<ClientSummary>> {
        self.summaries(today, true)
    }

    fn summaries(&self, today: NaiveDate, ended: bool) -> Result<Vec<ClientSummary>> {
        let mut stmt = self.conn().prepare_cached(&summaries_sql())?;
        let rows = stmt.query_map(params![today, ended], |row| summary_from_row(row, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn client_summary(&self, id: i64, today: NaiveDate) -> Result<ClientSummary> {
        self.conn()
            .prepare_cached(&format!("{SUMMARY_SQL} WHERE c.id = ?2"))?
            .query_row(params![today, id], |row| summary_from_row(row, today))
            .optional()?
            .ok_or_else(|| {
                InputError::UnknownId {
                    what: "onbekende klant",
                    id,
                }
                .into()
            })
    }

    pub fn dossier(&self, id: i64, today: NaiveDate) -> Result<Dossier> {
        let client = self.client(id)?;
        let summary = self.client_summary(id, today)?;
        Ok(Dossier {
            bsn_masked: client.masked_bsn(),
            days_since_contact: summary.days_since_contact,
            in_view: summary.in_view,
            next_deadline: summary.next_deadline,
            open_items: summary.open_items,
            no_shows: self.no_shows(id)?,
            category_history: self.category_changes(id)?,
            activities: self.activities(Some(id))?,
            contacts: self.contacts(id)?,
            notes: self.notes(id)?,
            client,
        })
    }
}
