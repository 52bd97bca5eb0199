//! Letters: what one is made from, and the letters of a client.

use rusqlite::{Connection, OptionalExtension, Row};

use super::error::Result;
use super::{activities, clients, terms, Store, Write};
use crate::domain::activity::own_words;
use crate::domain::catalog::Catalog;
use crate::domain::letter::{kenmerk, kenmerk_matches, Cause, Letter, LetterContext, Subject};
use crate::domain::InputError;

/// The activity with its client, its channel's name and its aanvraag.
fn letter_context(conn: &Connection, catalog: &Catalog, id: i64) -> Result<LetterContext> {
    let activity = activities::activity(conn, id)?;
    let client = clients::client(conn, activity.client_id)?;
    let (application_id, location): (Option<i64>, Option<String>) = conn
        .prepare_cached("SELECT application_id, location FROM activities WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let application = application_id
        .map(|app| terms::application(conn, app))
        .transpose()?;
    // The activity whose outcome planned this one: handled on the day this started,
    // by an outcome whose next activity is of this type.
    let cause = conn
        .prepare_cached(
            "SELECT p.title, t.name, p.outcome_note FROM activities p
             JOIN activity_types t ON t.code = p.type_code
             JOIN kind_outcomes k ON k.kind_code = t.expiry_kind AND k.outcome_code = p.outcome_code
             WHERE p.client_id = ?1 AND p.status = 'closed' AND p.closed_on = ?2
               AND k.next_type = ?3 AND p.id <> ?4
             ORDER BY p.id DESC LIMIT 1",
        )?
        .query_row(
            rusqlite::params![
                activity.client_id,
                activity.start_date,
                activity.type_code,
                activity.id
            ],
            |r| {
                let (title, name): (String, String) = (r.get(0)?, r.get(1)?);
                Ok(Cause {
                    title: own_words(&title, &name).map(str::to_owned),
                    note: r.get(2)?,
                })
            },
        )
        .optional()?;
    let client_since = client_since(conn, activity.client_id)?;
    Ok(LetterContext {
        location,
        client_since,
        cause,
        channel_name: activity
            .channel
            .as_deref()
            .map(|c| catalog.channel_name(c).to_owned()),
        activity,
        client_name: client.name,
        client_phone: client.phone,
        client_email: client.email,
        client_address: client.address,
        application,
    })
}

/// When the client was registered in this file (the kenmerk's own part).
pub(crate) fn client_since(conn: &Connection, client: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT created_at FROM clients WHERE id = ?1")?
        .query_row([client], |r| r.get(0))?)
}

/// What a letter is about, as the dossier names it: the activity's title, else the
/// plan's version, the aanvraag by its day of receipt, the period; and what its
/// kenmerk is made of.
const LETTER_COLUMNS: &str = "l.id, l.client_id, l.activity_id, l.kind, l.made_on, l.file,
    l.sent_on, coalesce(a.title,
        'versie ' || p.version,
        'aanvraag ontvangen ' || coalesce(ap.received_on, ap.reported_on),
        l.period_from || ' t/m ' || l.period_to),
    c.created_at, l.plan_id, l.application_id, l.period_from, l.period_to
    FROM letters l
    JOIN clients c ON c.id = l.client_id
    LEFT JOIN activities a ON a.id = l.activity_id
    LEFT JOIN plans p ON p.id = l.plan_id
    LEFT JOIN applications ap ON ap.id = l.application_id";

fn letter_from_row(r: &Row) -> rusqlite::Result<Letter> {
    let client: i64 = r.get(1)?;
    let activity: Option<i64> = r.get(2)?;
    let since: String = r.get(8)?;
    let subject = match (activity, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?) {
        (Some(id), ..) => Subject::Activity(id),
        (None, Some(plan), ..) => Subject::Plan(plan),
        (None, None, Some(app), ..) => Subject::Application(app),
        (None, None, None, Some(from), Some(to)) => Subject::Period(from, to),
        _ => Subject::Activity(0),
    };
    Ok(Letter {
        id: r.get(0)?,
        client_id: client,
        activity_id: activity,
        kind: r.get(3)?,
        made_on: r.get(4)?,
        file: r.get(5)?,
        sent_on: r.get(6)?,
        about: r.get(7)?,
        kenmerk: kenmerk(client, &since, subject),
    })
}

fn letter(conn: &Connection, id: i64) -> Result<Letter> {
    conn.prepare_cached(&format!(
        "SELECT {LETTER_COLUMNS} WHERE l.id = ?1 AND l.undone_at IS NULL"
    ))?
    .query_row([id], letter_from_row)
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekende brief",
            id,
        }
        .into()
    })
}

impl Write<'_> {
    pub(crate) fn letter(&self, id: i64) -> Result<Letter> {
        letter(self.tx(), id)
    }
}

impl Store {
    /// When the client was registered in this file: what makes a kenmerk theirs.
    pub fn client_since(&self, client: i64) -> Result<String> {
        client_since(self.conn(), client)
    }

    /// What a letter about activity `id` would say, read without writing.
    pub fn letter_context(&self, catalog: &Catalog, id: i64) -> Result<LetterContext> {
        letter_context(self.conn(), catalog, id)
    }

    pub fn letter(&self, id: i64) -> Result<Letter> {
        letter(self.conn(), id)
    }

    /// The clients with a letter whose kenmerk begins with `text` (as a client
    /// reads it out: case, spaces and dashes aside); nothing for what is no
    /// kenmerk.
    pub fn clients_by_kenmerk(&self, text: &str) -> Result<Vec<i64>> {
        // Most searches are names: the letters are read only for a kenmerk.
        if !text.trim().to_ascii_uppercase().starts_with("IB") {
            return Ok(Vec::new());
        }
        let mut clients: Vec<i64> = self
            .letters(None)?
            .into_iter()
            .filter(|l| kenmerk_matches(&l.kenmerk, text))
            .map(|l| l.client_id)
            .collect();
        clients.sort_unstable();
        clients.dedup();
        Ok(clients)
    }

    /// A client's letters (or all letters), newest first; undone ones left out.
    pub fn letters(&self, client_id: Option<i64>) -> Result<Vec<Letter>> {
        if let Some(id) = client_id {
            clients::client(self.conn(), id)?;
        }
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {LETTER_COLUMNS}
             WHERE (?1 IS NULL OR l.client_id = ?1) AND l.undone_at IS NULL
             ORDER BY l.made_on DESC, l.id DESC"
        ))?;
        let rows = stmt.query_map([client_id], letter_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
