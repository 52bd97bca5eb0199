//! The Overzicht's questions: every figure of a period, counted from dated rows —
//! handled items with the day they were handled on, contacts, afspraken, ladder
//! steps, scores, category changes, ends and returns, aanvragen — and the rows
//! behind each block. Past states (in view, the open werkvoorraad) are derived
//! from dates, never from today's state or the audit log.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags};

use super::error::Result;
use super::pairs;
use super::Store;
use crate::domain::aanvraag::{HERSTELTERMIJN, VOORSCHOT};
use crate::domain::catalog::Catalog;
use crate::domain::date::add_days;
use crate::domain::effects::OutcomeEffect;
use crate::domain::lifecycle::HANDED_OVER;
use crate::domain::overview::{
    first_week, in_view_figures, share, Aanvragen, Appointments, Block, BlockRow, Categories,
    Contacts, Counts, Course, Domains, Handhaving, Handled, Hersteltermijnen, Instroom, Ladder,
    Measured, OpenByAge, OutOfView, Report, Statutory, Uitstroom,
};
use crate::domain::period::Period;

/// The outcome an undo closes what it took back with: not handled work.
pub(super) const UNDONE: &str = "ongedaan";
const APPOINTMENT: &str = "afspraak";

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
}

/// Handled: closed with an outcome a klantmanager chose; not an undo's mark, nor
/// what the program closed by itself (a reminder that lapsed, open work at
/// uitstroom, a term the besluit ended).
const HANDLED_SQL: &str = "SELECT kind_code, outcome_code, closed_on <= due_date, count(*)
    FROM work_items w WHERE closed_on BETWEEN ?1 AND ?2 AND outcome_code <> ?3
      AND NOT EXISTS (SELECT 1 FROM kind_outcomes k WHERE k.kind_code = w.kind_code
          AND k.outcome_code = w.outcome_code AND k.effect IN ('client_ended', 'lapsed', 'settled'))
    GROUP BY kind_code, outcome_code, closed_on <= due_date";

const STATUTORY_SQL: &str = "SELECT
        coalesce(sum(closed_on IS NOT NULL AND closed_on <= due_date), 0),
        coalesce(sum(closed_on > due_date OR (closed_on IS NULL AND due_date < ?4)), 0),
        coalesce(sum(closed_on IS NULL AND due_date >= ?4), 0)
    FROM work_items WHERE kind_code = ?3 AND due_date BETWEEN ?1 AND ?2
      AND coalesce(outcome_code, '') <> ?5";

/// The items open on `?1` with the day each was due on then: a postponement made
/// later had not moved it yet. An item was there on `?1` once it was made, or by its
/// due date at the latest (the sweep of a laptop that was shut makes it later);
/// on today (`?3`) every open item counts.
const OPEN_ON_SQL: &str = "SELECT w.id, w.client_id, c.name, w.kind_code, w.title,
        coalesce((SELECT p.from_date FROM postponements p WHERE p.work_item_id = w.id
                  AND p.undone_at IS NULL AND p.postponed_on > ?1 ORDER BY p.id LIMIT 1),
                 w.due_date)
    FROM work_items w JOIN clients c ON c.id = w.client_id
    WHERE w.status = 'open'
      AND (?1 >= ?3 OR substr(w.created_at, 1, 10) <= ?1 OR w.due_date <= ?1)
    UNION ALL
    SELECT w.id, w.client_id, c.name, w.kind_code, w.title,
        coalesce((SELECT p.from_date FROM postponements p WHERE p.work_item_id = w.id
                  AND p.undone_at IS NULL AND p.postponed_on > ?1 ORDER BY p.id LIMIT 1),
                 w.due_date)
    FROM work_items w JOIN clients c ON c.id = w.client_id
    WHERE w.closed_on > ?1 AND w.outcome_code <> ?2
      AND (substr(w.created_at, 1, 10) <= ?1 OR w.due_date <= ?1)";

const CLIENTS_SQL: &str = "SELECT id, name, registered_on, category_code FROM clients
             WHERE registered_on <= ?1 ORDER BY id";

const CATEGORY_HISTORY_SQL: &str =
    "SELECT client_id, changed_on, from_code, to_code FROM category_changes
         WHERE undone_at IS NULL ORDER BY client_id, changed_on, id";

const ENDS_SQL: &str = "SELECT client_id, ended_on, returned_on FROM client_ends
         WHERE undone_at IS NULL AND ended_on <= ?1";

const CONTACTS_WINDOW_SQL: &str = "SELECT client_id, contact_date, channel_code FROM contacts
         WHERE contact_date BETWEEN ?1 AND ?2 AND no_show = 0 AND undone_at IS NULL";

const CONTACT_BEFORE_SQL: &str = "SELECT c.id FROM clients c WHERE c.registered_on >= ?1
           AND EXISTS (SELECT 1 FROM contacts k WHERE k.client_id = c.id
                       AND k.contact_date < ?1 AND k.no_show = 0 AND k.undone_at IS NULL
                       AND k.channel_code IN (SELECT code FROM channels WHERE counts_as_contact = 1))";

/// The open werkvoorraad today, by due date, from the index of open items.
const OPEN_DUE_SQL: &str = "SELECT due_date, count(*) FROM work_items WHERE status = 'open'
    GROUP BY due_date";

const APPOINTMENTS_SQL: &str = "SELECT coalesce(k.effect, a.status), count(*) FROM activities a
             JOIN activity_types t ON t.code = a.type_code
             LEFT JOIN kind_outcomes k ON k.kind_code = t.expiry_kind AND k.outcome_code = a.outcome_code
             WHERE a.type_code = ?3 AND a.start_date BETWEEN ?1 AND ?2
               AND coalesce(a.outcome_code, '') <> ?4
             GROUP BY 1";

const CATEGORY_CHANGES_SQL: &str = "SELECT from_code, to_code FROM category_changes
             WHERE changed_on BETWEEN ?1 AND ?2 AND undone_at IS NULL";

const NEW_CLIENTS_SQL: &str = "SELECT count(*) FROM clients WHERE registered_on BETWEEN ?1 AND ?2";

const RETURNED_SQL: &str = "SELECT count(*) FROM client_ends
             WHERE returned_on BETWEEN ?1 AND ?2 AND undone_at IS NULL";

const ENDED_SQL: &str = "SELECT reason, count(*) FROM client_ends
             WHERE ended_on BETWEEN ?1 AND ?2 AND undone_at IS NULL GROUP BY reason";

const RECEIVED_SQL: &str = "SELECT count(*) FROM applications WHERE received_on BETWEEN ?1 AND ?2";

const DECIDED_SQL: &str = "SELECT decision, decided_late, count(*) FROM applications
             WHERE decided_on BETWEEN ?1 AND ?2 GROUP BY decision, decided_late";

const HERSTELTERMIJNEN_SQL: &str = "SELECT coalesce(outcome_code, 'open'), count(*) FROM activities
             WHERE type_code = ?3 AND start_date BETWEEN ?1 AND ?2
               AND coalesce(outcome_code, '') <> ?4
             GROUP BY 1";

const VOORSCHOTTEN_SQL: &str = "SELECT outcome_code, count(*) FROM work_items
             WHERE closed_on BETWEEN ?1 AND ?2 AND kind_code = ?3 AND outcome_code <> ?4
             GROUP BY outcome_code";

const HANDLED_ROWS_SQL: &str = "SELECT w.client_id, c.name, w.closed_on, w.kind_code,
                     w.title || ' · ' || (SELECT name FROM outcomes o WHERE o.code = w.outcome_code),
                     julianday(w.closed_on) - julianday(w.due_date)
                 FROM work_items w JOIN clients c ON c.id = w.client_id
                 WHERE w.closed_on BETWEEN ?1 AND ?2 AND w.outcome_code <> ?3";

const CONTACT_ROWS_SQL: &str = "SELECT k.client_id, c.name, k.contact_date, k.channel_code,
                     CASE WHEN k.no_show THEN 'niet verschenen' ELSE k.note END, NULL
                 FROM contacts k JOIN clients c ON c.id = k.client_id
                 WHERE k.contact_date BETWEEN ?1 AND ?2 AND k.undone_at IS NULL";

const DOORSTROOM_ROWS_SQL: &str =
    "SELECT s.client_id, c.name, s.assessed_on, 'trede', 'trede ' || s.step, NULL
                 FROM ladder_steps s JOIN clients c ON c.id = s.client_id
                 WHERE s.assessed_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT g.client_id, c.name, g.changed_on, 'categorie', g.to_code, NULL
                 FROM category_changes g JOIN clients c ON c.id = g.client_id
                 WHERE g.changed_on BETWEEN ?1 AND ?2 AND g.undone_at IS NULL";

const STROOM_ROWS_SQL: &str = "SELECT id, name, registered_on, 'nieuw', NULL, NULL FROM clients
                 WHERE registered_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT e.client_id, c.name, e.returned_on, 'terug', NULL, NULL
                 FROM client_ends e JOIN clients c ON c.id = e.client_id
                 WHERE e.returned_on BETWEEN ?1 AND ?2 AND e.undone_at IS NULL
                 UNION ALL
                 SELECT e.client_id, c.name, e.ended_on,
                     CASE e.reason WHEN 'overgedragen' THEN 'overgedragen' ELSE 'uit' END, e.reason, NULL
                 FROM client_ends e JOIN clients c ON c.id = e.client_id
                 WHERE e.ended_on BETWEEN ?1 AND ?2 AND e.undone_at IS NULL";

const AANVRAAG_ROWS_SQL: &str = "SELECT a.client_id, c.name, a.received_on, 'ontvangen', NULL, NULL
                 FROM applications a JOIN clients c ON c.id = a.client_id
                 WHERE a.received_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT a.client_id, c.name, a.decided_on,
                     CASE WHEN a.decided_late THEN 'te_laat_besloten' ELSE 'besloten' END, a.decision, NULL
                 FROM applications a JOIN clients c ON c.id = a.client_id
                 WHERE a.decided_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT a.client_id, c.name, a.start_date, 'hersteltermijn',
                     coalesce((SELECT name FROM outcomes o WHERE o.code = a.outcome_code), 'loopt'), NULL
                 FROM activities a JOIN clients c ON c.id = a.client_id
                 WHERE a.type_code = ?4 AND a.start_date BETWEEN ?1 AND ?2
                   AND coalesce(a.outcome_code, '') <> ?3";

/// Heronderzoeken done in the period (by the outcome that plans the next), and
/// whether on or before their date.
const HERONDERZOEKEN_SQL: &str = "SELECT count(*), coalesce(sum(closed_on <= end_date), 0)
    FROM activities WHERE type_code = 'heronderzoek' AND status = 'closed'
      AND closed_on BETWEEN ?1 AND ?2 AND outcome_code = 'uitgevoerd'";

/// Open on `?1`: started by then, not closed by then (an undo's mark aside, `?2`);
/// a heronderzoek only once past its date.
const HANDHAVING_OPEN_SQL: &str = "SELECT type_code, count(*) FROM activities
    WHERE type_code IN ('heronderzoek', 'maatregel', 'zienswijze', 'boete', 'boete_om')
      AND start_date <= ?1 AND (closed_on IS NULL OR closed_on > ?1)
      AND coalesce(outcome_code, '') <> ?2
      AND (type_code <> 'heronderzoek' OR end_date < ?1)
    GROUP BY type_code";

/// The besluiten on a maatregel or boete in the period, by outcome.
const HANDHAVING_DECIDED_SQL: &str = "SELECT outcome_code, count(*) FROM activities
    WHERE type_code IN ('maatregel', 'zienswijze', 'boete', 'boete_om') AND status = 'closed'
      AND closed_on BETWEEN ?1 AND ?2
      AND outcome_code IN ('maatregel_opgelegd', 'geen_maatregel', 'boete_opgelegd', 'geen_boete')
    GROUP BY outcome_code";

/// The rows behind the handhaving block: heronderzoeken done in the period (how
/// many days late), the besluiten on a maatregel or boete in it, and the
/// heronderzoeken past their date and the steps of a maatregel or boete open on
/// its last day.
const HANDHAVING_ROWS_SQL: &str = "SELECT a.client_id, c.name, a.closed_on, 'heronderzoek_gedaan',
        a.title, max(julianday(a.closed_on) - julianday(a.end_date), 0)
    FROM activities a JOIN clients c ON c.id = a.client_id
    WHERE a.type_code = 'heronderzoek' AND a.status = 'closed' AND a.outcome_code = 'uitgevoerd'
      AND a.closed_on BETWEEN ?1 AND ?2
    UNION ALL
    SELECT a.client_id, c.name, a.closed_on, a.outcome_code, a.outcome_note, NULL
    FROM activities a JOIN clients c ON c.id = a.client_id
    WHERE a.type_code IN ('maatregel', 'zienswijze', 'boete', 'boete_om') AND a.status = 'closed'
      AND a.closed_on BETWEEN ?1 AND ?2
      AND a.outcome_code IN ('maatregel_opgelegd', 'geen_maatregel', 'boete_opgelegd', 'geen_boete')
    UNION ALL
    SELECT a.client_id, c.name, a.end_date, a.type_code, a.title,
        julianday(?2) - julianday(a.end_date)
    FROM activities a JOIN clients c ON c.id = a.client_id
    WHERE a.type_code IN ('heronderzoek', 'maatregel', 'zienswijze', 'boete', 'boete_om')
      AND a.start_date <= ?2 AND (a.closed_on IS NULL OR a.closed_on > ?2)
      AND coalesce(a.outcome_code, '') <> ?3
      AND (a.type_code <> 'heronderzoek' OR a.end_date < ?2)";

/// Per client (and key: the life domain, or one key for the ladder) with a value
/// recorded in the period: how many, the last before it, the first and last in it.
/// Two on one day: the later recorded counts as the later (the id is in the index,
/// before the value, so that this order costs no sort).
const MEASURED_SQL: &str = "WITH measured AS (
        SELECT client_id, {key} AS key, count(*) AS n FROM {table}
        WHERE assessed_on BETWEEN ?1 AND ?2 GROUP BY client_id, {key})
    SELECT m.key, m.n,
        (SELECT s.{value} FROM {table} s INDEXED BY {index} WHERE s.client_id = m.client_id AND {skey} = m.key
            AND s.assessed_on < ?1 ORDER BY s.assessed_on DESC, s.id DESC LIMIT 1),
        (SELECT s.{value} FROM {table} s INDEXED BY {index} WHERE s.client_id = m.client_id AND {skey} = m.key
            AND s.assessed_on BETWEEN ?1 AND ?2 ORDER BY s.assessed_on, s.id LIMIT 1),
        (SELECT s.{value} FROM {table} s INDEXED BY {index} WHERE s.client_id = m.client_id AND {skey} = m.key
            AND s.assessed_on BETWEEN ?1 AND ?2 ORDER BY s.assessed_on DESC, s.id DESC LIMIT 1)
    FROM measured m";

/// `(table, key, the key in the subqueries, value, the index that covers them)`:
/// the planner is told the index, as it cannot know that it reads no row.
type Measure = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
const LADDER: Measure = (
    "ladder_steps",
    "'trede'",
    "'trede'",
    "step",
    "ladder_by_client",
);
const DOMAINS: Measure = (
    "situations",
    "domain_code",
    "s.domain_code",
    "score",
    "situations_by_domain",
);

fn measured_sql((table, key, skey, value, index): Measure) -> String {
    MEASURED_SQL
        .replace("{table}", table)
        .replace("{skey}", skey)
        .replace("{key}", key)
        .replace("{value}", value)
        .replace("{index}", index)
}

fn measured(
    conn: &Connection,
    measure: Measure,
    period: &Period,
) -> Result<Vec<(String, Measured)>> {
    Ok(conn
        .prepare_cached(&measured_sql(measure))?
        .query_map(params![period.from, period.to], |r| {
            Ok((
                r.get(0)?,
                Measured {
                    recorded_in: r.get(1)?,
                    before: r.get(2)?,
                    first_in: r.get(3)?,
                    last_in: r.get(4)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every statement the Overzicht runs, for the query-plan test.
pub(super) fn queries() -> Vec<(&'static str, String)> {
    let mut queries: Vec<(&'static str, String)> = [
        ("overzicht: handled", HANDLED_SQL),
        ("overzicht: statutory", STATUTORY_SQL),
        ("overzicht: open on a day", OPEN_ON_SQL),
        ("overzicht: clients", CLIENTS_SQL),
        ("overzicht: category history", CATEGORY_HISTORY_SQL),
        ("overzicht: ends", ENDS_SQL),
        ("overzicht: contacts in the window", CONTACTS_WINDOW_SQL),
        ("overzicht: a contact before the window", CONTACT_BEFORE_SQL),
        ("overzicht: open today", OPEN_DUE_SQL),
        ("overzicht: afspraken", APPOINTMENTS_SQL),
        ("overzicht: category changes", CATEGORY_CHANGES_SQL),
        ("overzicht: new clients", NEW_CLIENTS_SQL),
        ("overzicht: returns", RETURNED_SQL),
        ("overzicht: uitstroom", ENDED_SQL),
        ("overzicht: aanvragen received", RECEIVED_SQL),
        ("overzicht: aanvragen decided", DECIDED_SQL),
        ("overzicht: hersteltermijnen", HERSTELTERMIJNEN_SQL),
        ("overzicht: voorschotten", VOORSCHOTTEN_SQL),
        ("overzicht rows: handled", HANDLED_ROWS_SQL),
        ("overzicht rows: contacts", CONTACT_ROWS_SQL),
        ("overzicht rows: doorstroom", DOORSTROOM_ROWS_SQL),
        ("overzicht rows: in- en uitstroom", STROOM_ROWS_SQL),
        ("overzicht rows: aanvragen", AANVRAAG_ROWS_SQL),
        ("overzicht: heronderzoeken", HERONDERZOEKEN_SQL),
        ("overzicht: handhaving open", HANDHAVING_OPEN_SQL),
        ("overzicht: handhaving besluiten", HANDHAVING_DECIDED_SQL),
        ("overzicht rows: handhaving", HANDHAVING_ROWS_SQL),
    ]
    .into_iter()
    .map(|(name, sql)| (name, sql.to_owned()))
    .collect();
    queries.push(("overzicht: ladder", measured_sql(LADDER)));
    queries.push(("overzicht: life domains", measured_sql(DOMAINS)));
    queries
}

/// How far back contacts are read for the in-view figures: past the longest
/// rhythm before the first day asked about, so that an older contact only matters
/// as "there was one".
fn window(period: &Period, as_of: NaiveDate, catalog: &Catalog) -> NaiveDate {
    let longest = catalog
        .categories
        .iter()
        .map(|c| c.contact_rhythm_days)
        .max()
        .unwrap_or(0);
    add_days(period.from.min(first_week(as_of)), -longest - 1)
}

/// Every client's course up to `as_of`, and the contacts of `period` (up to
/// `as_of`) by channel, counted on the same read; letters sent (a channel that does
/// not count as contact) are counted apart and keep nobody in view.
pub(super) fn courses(
    conn: &Connection,
    period: &Period,
    as_of: NaiveDate,
    window: NaiveDate,
    catalog: &Catalog,
) -> Result<(Vec<Course>, Counts, i64)> {
    let mut courses: Vec<Course> = conn
        .prepare_cached(CLIENTS_SQL)?
        .query_map([as_of], |r| {
            Ok(Course {
                client_id: r.get(0)?,
                name: r.get(1)?,
                registered_on: r.get(2)?,
                category: r.get(3)?,
                ..Course::default()
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let at: HashMap<i64, usize> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.client_id, i))
        .collect();
    let mut stmt = conn.prepare_cached(CATEGORY_HISTORY_SQL)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = at.get(&r.get(0)?) {
            courses[i]
                .category_changes
                .push((r.get(1)?, r.get(2)?, r.get(3)?));
        }
    }
    let mut stmt = conn.prepare_cached(ENDS_SQL)?;
    let mut rows = stmt.query([as_of])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = at.get(&r.get(0)?) {
            courses[i].ends.push((r.get(1)?, r.get(2)?));
        }
    }
    let mut stmt = conn.prepare_cached(CONTACTS_WINDOW_SQL)?;
    let mut rows = stmt.query([window, as_of])?;
    let mut by_channel = Counts::new();
    let mut letters = 0;
    while let Some(r) = rows.next()? {
        // A year of a department's contacts is over 100,000 rows: the day is read
        // from its bytes, and the channel copied only when it is new.
        let day = match r.get_ref(1)?.as_bytes().ok().and_then(iso_day) {
            Some(day) => day,
            None => r.get(1)?,
        };
        let channel = r.get_ref(2)?;
        let channel = channel.as_str().map_err(rusqlite::Error::from)?;
        if !catalog.counts_as_contact(channel) {
            letters += i64::from(period.contains(day));
            continue;
        }
        if period.contains(day) {
            match by_channel.get_mut(channel) {
                Some(n) => *n += 1,
                None => {
                    by_channel.insert(channel.to_owned(), 1);
                }
            }
        }
        if let Some(&i) = at.get(&r.get(0)?) {
            courses[i].contacts.push(day);
        }
    }
    // Only a client registered within the window can have a contact before it that
    // the rhythm counts from instead of the registration.
    let mut stmt = conn.prepare_cached(CONTACT_BEFORE_SQL)?;
    let mut rows = stmt.query([window])?;
    while let Some(r) = rows.next()? {
        if let Some(&i) = at.get(&r.get(0)?) {
            courses[i].contact_before = true;
        }
    }
    for course in &mut courses {
        course.contacts.sort_unstable();
    }
    Ok((courses, by_channel, letters))
}

/// The ladder steps and life-domain scores that moved in `period`.
fn moves(conn: &Connection, period: &Period) -> Result<(Ladder, Domains)> {
    let ladder = Ladder::count(
        &measured(conn, LADDER, period)?
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>(),
    );
    Ok((ladder, Domains::count(&measured(conn, DOMAINS, period)?)))
}

/// A second, read-only connection to the same file; `None` for a copy in memory
/// (a look ahead), which only its own connection sees.
fn side_reader(conn: &Connection) -> Option<Connection> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    let side = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    side.busy_timeout(super::open::BUSY_TIMEOUT).ok()?;
    Some(side)
}

impl Store {
    /// Every figure of `period`, and every client out of view on its last day (or
    /// today), longest first.
    pub fn report(
        &self,
        period: &Period,
        catalog: &Catalog,
        today: NaiveDate,
    ) -> Result<(Report, Vec<OutOfView>)> {
        // The ladder and life-domain moves are half of a year's cost: a second
        // reader counts them on the other core while this one counts the rest.
        let side = side_reader(self.conn());
        std::thread::scope(|scope| {
            let counted = side.map(|side| scope.spawn(move || moves(&side, period)));
            self.report_beside(period, catalog, today, || match counted {
                Some(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => moves(self.conn(), period),
            })
        })
    }

    /// The report, with the ladder and life-domain moves from `moves`.
    fn report_beside(
        &self,
        period: &Period,
        catalog: &Catalog,
        today: NaiveDate,
        moves: impl FnOnce() -> Result<(Ladder, Domains)>,
    ) -> Result<(Report, Vec<OutOfView>)> {
        let conn = self.conn();
        let (from, to) = (period.from, period.to);
        let as_of = period.as_of(today);
        let mut handled = Handled::default();
        let mut stmt = conn.prepare_cached(HANDLED_SQL)?;
        let mut rows = stmt.query(params![from, to, UNDONE])?;
        while let Some(r) = rows.next()? {
            let (kind, outcome, on_time, n): (String, String, bool, i64) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            handled.total += n;
            if on_time {
                handled.on_time += n;
            } else {
                handled.late += n;
            }
            *handled.by_kind.entry(kind).or_default() += n;
            *handled.by_outcome.entry(outcome).or_default() += n;
        }
        let mut statutory = Statutory::default();
        for kind in catalog.work_item_kinds.iter().filter(|k| k.legal) {
            let (met, missed, pending): (i64, i64, i64) = conn
                .prepare_cached(STATUTORY_SQL)?
                .query_row(params![from, to, kind.code, today, UNDONE], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            statutory.met += met;
            statutory.missed += missed;
            statutory.pending += pending;
        }
        handled.statutory = statutory;

        let mut open_by_age = OpenByAge::default();
        if as_of >= today {
            let mut stmt = conn.prepare_cached(OPEN_DUE_SQL)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (due, n): (NaiveDate, i64) = (r.get(0)?, r.get(1)?);
                open_by_age.add((as_of - due).num_days(), n);
            }
        } else {
            for row in open_on(conn, as_of, today)? {
                open_by_age.add(row.days.unwrap_or(0), 1);
            }
        }

        let window = window(period, as_of, catalog);
        let rhythm = |code: &str| catalog.category(code).map_or(0, |c| c.contact_rhythm_days);
        let (courses, by_channel, letters) = courses(conn, period, as_of, window, catalog)?;
        let (in_view, out) = in_view_figures(&courses, period, as_of, window, rhythm);
        let contacts = Contacts {
            total: by_channel.values().sum(),
            by_channel,
            letters,
        };

        let mut appointments = Appointments::default();
        for (effect, n) in pairs::<String, i64>(
            conn,
            APPOINTMENTS_SQL,
            params![from, to, APPOINTMENT, UNDONE],
        )? {
            appointments.total += n;
            // What the outcome did, as the catalogue says (an open afspraak: neither).
            match OutcomeEffect::from_code(&effect) {
                Some(OutcomeEffect::Contact) => appointments.held += n,
                Some(OutcomeEffect::NoShow) => appointments.no_shows += n,
                _ => {}
            }
        }
        appointments.no_show_rate = share(
            appointments.no_shows,
            appointments.held + appointments.no_shows,
        );

        let (ladder, domains) = moves()?;

        let order = |code: &str| catalog.categories.iter().position(|c| c.code == code);
        let mut categories = Categories::default();
        for (from_code, to_code) in
            pairs::<String, String>(conn, CATEGORY_CHANGES_SQL, params![from, to])?
        {
            categories.changes += 1;
            match order(&to_code).cmp(&order(&from_code)) {
                std::cmp::Ordering::Less => categories.toward_work += 1,
                std::cmp::Ordering::Greater => categories.away_from_work += 1,
                std::cmp::Ordering::Equal => {}
            }
            *categories.by_category.entry(to_code).or_default() += 1;
        }

        let new = count(conn, NEW_CLIENTS_SQL, params![from, to])?;
        let returned = count(conn, RETURNED_SQL, params![from, to])?;
        let by_reason = pairs::<String, i64>(conn, ENDED_SQL, params![from, to])?;

        let mut aanvragen = Aanvragen {
            received: count(conn, RECEIVED_SQL, params![from, to])?,
            ..Aanvragen::default()
        };
        let mut stmt = conn.prepare_cached(DECIDED_SQL)?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let (decision, late, n): (String, bool, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            aanvragen.decided += n;
            if late {
                aanvragen.decided_late += n;
            } else {
                aanvragen.decided_in_time += n;
            }
            *aanvragen.by_decision.entry(decision).or_default() += n;
        }
        let given = pairs::<String, i64>(
            conn,
            HERSTELTERMIJNEN_SQL,
            params![from, to, HERSTELTERMIJN, UNDONE],
        )?;
        aanvragen.hersteltermijnen = Hersteltermijnen {
            given: given.iter().map(|(_, n)| n).sum(),
            by_outcome: given.into_iter().collect(),
        };
        aanvragen.voorschotten =
            pairs::<String, i64>(conn, VOORSCHOTTEN_SQL, params![from, to, VOORSCHOT, UNDONE])?
                .into_iter()
                .collect();

        let (heronderzoeken_done, heronderzoeken_on_time): (i64, i64) = conn
            .prepare_cached(HERONDERZOEKEN_SQL)?
            .query_row(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let open: Counts = pairs::<String, i64>(conn, HANDHAVING_OPEN_SQL, params![as_of, UNDONE])?
            .into_iter()
            .collect();
        let handhaving = Handhaving {
            heronderzoeken_done,
            heronderzoeken_on_time,
            heronderzoeken_overdue: open.get("heronderzoek").copied().unwrap_or(0),
            open: open
                .into_iter()
                .filter(|(step, _)| step != "heronderzoek")
                .collect(),
            decided: pairs::<String, i64>(conn, HANDHAVING_DECIDED_SQL, params![from, to])?
                .into_iter()
                .collect(),
        };

        let report = Report {
            from,
            to,
            as_of,
            handled,
            open_by_age,
            in_view,
            contacts,
            appointments,
            ladder,
            categories,
            domains,
            instroom: Instroom {
                total: new + returned,
                new,
                returned,
            },
            uitstroom: {
                // A handover moves a client to a colleague: no uitstroom.
                let (handed, left): (Vec<_>, Vec<_>) = by_reason
                    .into_iter()
                    .partition(|(reason, _)| reason == HANDED_OVER);
                Uitstroom {
                    total: left.iter().map(|(_, n)| n).sum(),
                    by_reason: left.into_iter().collect(),
                    handed_over: handed.iter().map(|(_, n)| n).sum(),
                }
            },
            aanvragen,
            handhaving,
        };
        Ok((report, out))
    }

    /// The rows behind a block's figures, for the cockpit to list.
    pub fn block_rows(
        &self,
        block: Block,
        period: &Period,
        today: NaiveDate,
    ) -> Result<Vec<BlockRow>> {
        let conn = self.conn();
        let sql = match block {
            Block::OpenWork => return open_on(conn, period.as_of(today), today),
            // The in-view list comes with the report (it needs the courses).
            Block::InView => return Ok(Vec::new()),
            Block::Handled => HANDLED_ROWS_SQL,
            Block::Contacts => CONTACT_ROWS_SQL,
            Block::Doorstroom => DOORSTROOM_ROWS_SQL,
            Block::Stroom => STROOM_ROWS_SQL,
            Block::Aanvragen => AANVRAAG_ROWS_SQL,
            Block::Handhaving => HANDHAVING_ROWS_SQL,
        };
        let mut stmt = conn.prepare_cached(sql)?;
        // Each statement takes the first of these it needs.
        // What is open is read on the day the figures are read for (today, in a
        // period still running), as the werkvoorraad's block does.
        let to = match block {
            Block::Handhaving => period.as_of(today),
            _ => period.to,
        };
        let values: [&dyn rusqlite::ToSql; 4] = [&period.from, &to, &UNDONE, &HERSTELTERMIJN];
        let wanted = stmt.parameter_count();
        let mut rows: Vec<BlockRow> = stmt
            .query_map(rusqlite::params_from_iter(&values[..wanted]), |r| {
                Ok(BlockRow {
                    client_id: r.get(0)?,
                    client: r.get(1)?,
                    date: r.get(2)?,
                    code: r.get(3)?,
                    detail: r.get(4)?,
                    days: r.get::<_, Option<f64>>(5)?.map(|d| d as i64),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.sort_by(|a, b| b.date.cmp(&a.date).then(a.client.cmp(&b.client)));
        Ok(rows)
    }
}

/// `YYYY-MM-DD` without the general parser; `None` for anything else.
fn iso_day(bytes: &[u8]) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes.get(range)?.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// The work items open on `day`, with how late each was then (negative: not due).
fn open_on(conn: &Connection, day: NaiveDate, today: NaiveDate) -> Result<Vec<BlockRow>> {
    let mut rows: Vec<BlockRow> = conn
        .prepare_cached(OPEN_ON_SQL)?
        .query_map(params![day, UNDONE, today], |r| {
            let due: NaiveDate = r.get(5)?;
            Ok(BlockRow {
                client_id: r.get(1)?,
                client: r.get(2)?,
                date: due,
                code: r.get(3)?,
                detail: r.get(4)?,
                days: Some((day - due).num_days()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_by(|a, b| a.date.cmp(&b.date).then(a.client.cmp(&b.client)));
    Ok(rows)
}
