//! Reading the contexts the rules decide on: an item, an activity, an aanvraag, a
//! client, each with what belongs to it. Reads only.

use rusqlite::{Connection, OptionalExtension};

use super::activities::activity;
use super::error::Result;
use super::terms::{application, application_activities, rules, suspensions, term_rows};
use super::work_items::stored_item;
use super::{clients, Write};
use crate::domain::aanvraag::{ApplicationContext, TermActivity, HERONDERZOEK};
use crate::domain::catalog::Catalog;
use crate::domain::effects::OutcomeEffect;
use crate::domain::handling::{ActivityContext, ClientContext, ItemContext, OpenItem};
use crate::domain::risk::Running;

const OPEN_ITEM_SQL: &str = "SELECT id, source_activity_id, source, kind_code
     FROM work_items INDEXED BY work_items_open_by_activity
     WHERE status = 'open' AND source_activity_id IS NOT NULL";

/// The open items of one activity (every edit of it reads them).
pub(crate) fn activity_items_sql() -> String {
    format!("{OPEN_ITEM_SQL} AND source_activity_id = ?1 ORDER BY id")
}

/// The open items of the activities of one aanvraag.
pub(crate) fn application_items_sql() -> String {
    format!(
        "{OPEN_ITEM_SQL} AND source_activity_id IN
             (SELECT id FROM activities WHERE application_id = ?1) ORDER BY id"
    )
}

/// The goal whose deadline an activity is.
pub(crate) const GOAL_OF_ACTIVITY_SQL: &str =
    "SELECT id FROM goals WHERE activity_id = ?1 ORDER BY id DESC LIMIT 1";

fn open_item_from_row(row: &rusqlite::Row) -> rusqlite::Result<OpenItem> {
    Ok(OpenItem {
        id: row.get(0)?,
        activity: row.get(1)?,
        source: row.get(2)?,
        kind: row.get(3)?,
    })
}

pub(crate) fn client_context(
    conn: &Connection,
    catalog: &Catalog,
    id: i64,
) -> Result<ClientContext> {
    let client = clients::client(conn, id)?;
    let last_contact: Option<chrono::NaiveDate> = conn.query_row(
        "SELECT last_contact_on FROM clients WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let open_rhythm_items = conn
        .prepare_cached(
            "SELECT id FROM work_items WHERE client_id = ?1 AND source = 'rhythm' AND status = 'open'
             ORDER BY id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let category = catalog.category(&client.category)?;
    Ok(ClientContext {
        id,
        contact_preference: client.contact_preference.clone(),
        registered_on: client.registered_on,
        last_contact,
        rhythm_days: category.contact_rhythm_days,
        retry_days: category.retry_days,
        open_rhythm_items,
        risk_months: client
            .risk_profile
            .as_deref()
            .and_then(|p| catalog.risk_profile(p).ok())
            .map(|p| p.months),
    })
}

/// The client's running heronderzoek: the one that ends first, if ever two.
fn open_heronderzoek(conn: &Connection, client: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM activities WHERE client_id = ?1 AND type_code = ?2
               AND status = 'open' ORDER BY end_date, id LIMIT 1",
        )?
        .query_row(rusqlite::params![client, HERONDERZOEK], |r| r.get(0))
        .optional()?)
}

pub(crate) fn application_context(conn: &Connection, id: i64) -> Result<ApplicationContext> {
    let app = application(conn, id)?;
    let rows = term_rows(conn, id)?;
    let mut terms = Vec::new();
    let mut hersteltermijnen = Vec::new();
    for a in application_activities(conn, id)? {
        match rows.iter().find(|r| r.0 == a.id) {
            Some((_, rule, from, note)) => terms.push(TermActivity {
                activity: a,
                rule: rule.clone(),
                term_from: *from,
                note: note.clone(),
            }),
            None => hersteltermijnen.push(a),
        }
    }
    let open_items = conn
        .prepare_cached(&application_items_sql())?
        .query_map([id], open_item_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // The case keeps the rules of the day it started.
    let started = app.started_on().unwrap_or_else(crate::clock::day);
    let heronderzoek_open = open_heronderzoek(conn, app.client_id)?.is_some();
    Ok(ApplicationContext {
        application: app,
        terms,
        hersteltermijnen,
        suspensions: suspensions(conn, id)?,
        rules: rules(conn, started)?.into_iter().map(|(r, _)| r).collect(),
        open_items,
        heronderzoek_open,
    })
}

/// What an activity's row ties it to beyond the activity itself.
struct Links {
    application_id: Option<i64>,
    term_rule: Option<String>,
    term_from: Option<chrono::NaiveDate>,
    follows: Option<i64>,
    location: Option<String>,
}

pub(crate) fn activity_context(
    conn: &Connection,
    catalog: &Catalog,
    id: i64,
) -> Result<ActivityContext> {
    let activity = activity(conn, id)?;
    let activity_type = catalog.activity_type(&activity.type_code)?.clone();
    let kind = catalog.kind(&activity_type.expiry_kind)?.clone();
    let Links {
        application_id,
        term_rule,
        term_from,
        follows,
        location,
    } = conn.query_row(
        "SELECT application_id, term_rule, term_from, follows_activity_id, location
         FROM activities WHERE id = ?1",
        [id],
        |r| {
            Ok(Links {
                application_id: r.get(0)?,
                term_rule: r.get(1)?,
                term_from: r.get(2)?,
                follows: r.get(3)?,
                location: r.get(4)?,
            })
        },
    )?;
    let application = application_id
        .map(|app| application_context(conn, app))
        .transpose()?;
    // A term of an aanvraag holds as the aanvraag's rules say; another as on its start.
    let term = match &term_rule {
        Some(code) => match application.as_ref().and_then(|a| a.rule(code)) {
            Some(rule) => Some(rule.clone()),
            None => Some(super::terms::rule(conn, code, activity.start_date)?.0),
        },
        None => None,
    };
    let cycles = conn
        .prepare_cached(
            "SELECT source_end_date FROM work_items WHERE source = 'activity' AND source_activity_id = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let open_items = conn
        .prepare_cached(&activity_items_sql())?
        .query_map([id], open_item_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let goal = conn
        .query_row(GOAL_OF_ACTIVITY_SQL, [id], |r| r.get(0))
        .optional()?;
    let client = client_context(conn, catalog, activity.client_id)?;
    // What an activity follows is read only where an outcome brings it back (a
    // wait): every next step has one, and handling it needs none.
    let follows = follows
        .filter(|_| kind.effects.contains(&OutcomeEffect::Resume))
        .map(|f| super::activities::activity(conn, f))
        .transpose()?;
    Ok(ActivityContext {
        term_from: term_from.or(term.as_ref().map(|_| activity.start_date)),
        activity,
        activity_type,
        kind,
        term,
        application,
        cycles,
        open_items,
        goal,
        client,
        follows,
        location,
    })
}

pub(crate) fn item_context(conn: &Connection, catalog: &Catalog, id: i64) -> Result<ItemContext> {
    let stored = stored_item(conn, id)?;
    let kind = catalog.kind(&stored.item.kind)?.clone();
    let activity = stored
        .item
        .source_activity_id
        .map(|a| activity_context(conn, catalog, a))
        .transpose()?;
    // The activity's context has the client already.
    let client = match &activity {
        Some(a) => a.client.clone(),
        None => client_context(conn, catalog, stored.item.client_id)?,
    };
    Ok(ItemContext {
        cycle_end: stored.source_end_date,
        outcome: stored.outcome,
        kind,
        activity,
        client,
        item: stored.item,
    })
}

impl super::Store {
    /// An activity's context outside a write: what an import plans against.
    pub(crate) fn activity_context_read(
        &self,
        catalog: &Catalog,
        id: i64,
    ) -> Result<ActivityContext> {
        activity_context(self.conn(), catalog, id)
    }
}

impl Write<'_> {
    pub(crate) fn item_context(&self, catalog: &Catalog, id: i64) -> Result<ItemContext> {
        item_context(self.tx(), catalog, id)
    }

    pub(crate) fn activity_context(&self, catalog: &Catalog, id: i64) -> Result<ActivityContext> {
        activity_context(self.tx(), catalog, id)
    }

    pub(crate) fn application_context(&self, id: i64) -> Result<ApplicationContext> {
        application_context(self.tx(), id)
    }

    pub(crate) fn open_applications_of(&self, client: i64) -> Result<Vec<i64>> {
        super::terms::open_applications_of(self.tx(), client)
    }

    pub(crate) fn open_applications(&self) -> Result<Vec<i64>> {
        super::terms::open_applications(self.tx())
    }

    /// The client's running heronderzoek (the one that ends first, if ever two),
    /// with the open items of its current cycle.
    pub(crate) fn running_heronderzoek(&self, client: i64) -> Result<Option<Running>> {
        let tx = self.tx();
        let Some(id) = open_heronderzoek(tx, client)? else {
            return Ok(None);
        };
        let activity = activity(tx, id)?;
        let open_items = tx
            .prepare_cached(
                "SELECT id FROM work_items WHERE source_activity_id = ?1 AND status = 'open'
                   AND source_end_date = ?2 ORDER BY id",
            )?
            .query_map(rusqlite::params![id, activity.end_date], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(Running {
            activity,
            open_items,
        }))
    }

    pub(crate) fn client_context(&self, catalog: &Catalog, id: i64) -> Result<ClientContext> {
        client_context(self.tx(), catalog, id)
    }
}
