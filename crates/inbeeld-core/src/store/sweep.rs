//! What the sweep asks of the store, inside its transaction.

use chrono::NaiveDate;
use rusqlite::params;

use super::error::Result;
use super::{catalog, Write};
use crate::domain::catalog::Catalog;
use crate::domain::sweep::{Expired, OutOfView, ReminderDue};

/// Open activities that have reached their end date (for legal terms: come within
/// their lead days) without their work item yet. Two ranges, each on its own index,
/// because the planner cannot know that few activities are pending.
pub(crate) const EXPIRED_SQL: &str = "SELECT a.id, a.client_id, a.type_code, a.title, a.end_date
             FROM activities a INDEXED BY activities_pending
             WHERE a.status = 'open' AND a.expired_end_date IS NOT a.end_date AND a.end_date <= ?1
               AND NOT EXISTS (SELECT 1 FROM work_items w
                   WHERE w.source = 'activity' AND w.source_activity_id = a.id
                     AND w.source_end_date = a.end_date)
             UNION ALL
             SELECT a.id, a.client_id, a.type_code, a.title, a.end_date
             FROM activity_types t CROSS JOIN activities a INDEXED BY activities_open_by_type
             WHERE a.type_code = t.code AND t.lead_days > 0
               AND a.status = 'open' AND a.expired_end_date IS NOT a.end_date
               AND a.end_date > ?1 AND a.end_date <= date(?1, '+' || t.lead_days || ' days')
               AND NOT EXISTS (SELECT 1 FROM work_items w
                   WHERE w.source = 'activity' AND w.source_activity_id = a.id
                     AND w.source_end_date = a.end_date)
             ORDER BY 5, 1";

/// Appointments after today up to the horizon (the latest afspraak whose reminder
/// can be due today, see `domain::appointment::reminder_horizon`) without their
/// "nabellen" item; the rule decides which reminders are due.
pub(crate) const REMINDERS_SQL: &str =
    "SELECT a.id, a.client_id, a.title, a.end_date, t.reminder_days,
            coalesce(a.planned_on, substr(a.created_at, 1, 10))
             FROM activity_types t CROSS JOIN activities a INDEXED BY activities_open_by_type
             WHERE a.type_code = t.code AND t.reminder_days IS NOT NULL AND a.status = 'open'
               AND a.end_date > ?1 AND a.end_date <= ?2
               AND NOT EXISTS (SELECT 1 FROM work_items w
                   WHERE w.source = 'nabellen' AND w.source_activity_id = a.id
                     AND w.source_end_date = a.end_date)
             ORDER BY a.end_date, a.id";

/// Open reminders whose afspraak has come.
pub(crate) const REMINDERS_PASSED_SQL: &str =
    "SELECT id, source_end_date FROM work_items INDEXED BY work_items_open_reminders
     WHERE source = 'nabellen' AND status = 'open' AND source_end_date <= ?1 ORDER BY id";

/// Clients whose planned uitstroom day (`ending_on`) has come.
pub(crate) const PLANNED_ENDS_SQL: &str = "SELECT id FROM clients INDEXED BY clients_ending
     WHERE ending_on IS NOT NULL AND ending_on <= ?1 AND ended_on IS NULL ORDER BY id";

/// Undecided aanvragen with a hersteltermijn (`?2`) that ran out without an answer
/// recorded, and no buiten-behandeling term (`?3`) running: the rules say whether
/// the four weeks of Awb 4:5 lid 4 start.
pub(crate) const HERSTEL_RAN_OUT_SQL: &str = "SELECT DISTINCT a.application_id
     FROM activities a INDEXED BY activities_open_by_type
     JOIN applications p ON p.id = a.application_id
     WHERE a.type_code = ?2 AND a.status = 'open' AND a.end_date < ?1 AND p.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM activities b WHERE b.application_id = p.id
           AND b.type_code = ?3 AND b.status = 'open')
     ORDER BY 1";

/// Clients whose contact rhythm ran out, without an open rhythm item; with the day
/// of their latest category change (up to `?1`) and the rhythm they had before it.
pub(crate) const RHYTHM_SQL: &str = "SELECT lapsed.id, since, rhythm, change.changed_on,
                 (SELECT contact_rhythm_days FROM categories WHERE code = change.from_code)
             FROM (
                 SELECT c.id,
                     CASE WHEN c.last_contact_on IS NULL OR c.last_contact_on <= ?1
                          THEN coalesce(c.last_contact_on, c.registered_on)
                          -- `today` lies before the latest contact (planning in the past):
                          -- the last contact as of then.
                          ELSE coalesce((SELECT max(contact_date) FROM contacts
                              WHERE client_id = c.id AND no_show = 0 AND undone_at IS NULL AND contact_date <= ?1
                                AND channel_code IN (SELECT code FROM channels WHERE counts_as_contact = 1)),
                              c.registered_on)
                     END AS since,
                     cat.contact_rhythm_days AS rhythm
                 FROM clients c INDEXED BY clients_rhythm
                 JOIN categories cat ON cat.code = c.category_code
                 WHERE c.ended_on IS NULL) AS lapsed
             LEFT JOIN category_changes change ON change.id = (SELECT g.id FROM category_changes g
                 WHERE g.client_id = lapsed.id AND g.undone_at IS NULL AND g.changed_on <= ?1
                 ORDER BY g.changed_on DESC, g.id DESC LIMIT 1)
             WHERE since < date(?1, '-' || rhythm || ' days')
               AND NOT EXISTS (SELECT 1 FROM work_items w INDEXED BY work_items_open_rhythm
                   WHERE w.client_id = lapsed.id AND w.source = 'rhythm' AND w.status = 'open')
             ORDER BY lapsed.id";

impl Write<'_> {
    pub fn catalog(&self) -> Result<Catalog> {
        catalog::load(self.tx())
    }

    pub fn expired_activities(&self, today: NaiveDate) -> Result<Vec<Expired>> {
        let mut stmt = self.tx().prepare_cached(EXPIRED_SQL)?;
        let rows = stmt.query_map([today], |row| {
            Ok(Expired {
                activity_id: row.get(0)?,
                client_id: row.get(1)?,
                type_code: row.get(2)?,
                title: row.get(3)?,
                end_date: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open appointments after `today` and up to `horizon`, without their reminder
    /// item yet.
    pub fn reminders_due(&self, today: NaiveDate, horizon: NaiveDate) -> Result<Vec<ReminderDue>> {
        let mut stmt = self.tx().prepare_cached(REMINDERS_SQL)?;
        let rows = stmt.query_map([today, horizon], |row| {
            Ok(ReminderDue {
                activity_id: row.get(0)?,
                client_id: row.get(1)?,
                title: row.get(2)?,
                date: row.get(3)?,
                reminder_days: row.get(4)?,
                made_on: row.get::<_, String>(5)?.parse().unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Clients whose planned uitstroom day has come.
    pub fn planned_ends_due(&self, today: NaiveDate) -> Result<Vec<i64>> {
        let mut stmt = self.tx().prepare_cached(PLANNED_ENDS_SQL)?;
        let rows = stmt.query_map([today], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Aanvragen whose four weeks (Awb 4:5 lid 4) may have to start, see
    /// `HERSTEL_RAN_OUT_SQL`.
    pub fn herstel_ran_out(&self, today: NaiveDate) -> Result<Vec<i64>> {
        use crate::domain::aanvraag::{BUITENBEHANDELING, HERSTELTERMIJN};
        let mut stmt = self.tx().prepare_cached(HERSTEL_RAN_OUT_SQL)?;
        let rows = stmt.query_map(params![today, HERSTELTERMIJN, BUITENBEHANDELING], |row| {
            row.get(0)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open reminders (nabellen) whose afspraak is today or past: (item, date).
    pub fn reminders_passed(&self, today: NaiveDate) -> Result<Vec<(i64, NaiveDate)>> {
        let mut stmt = self.tx().prepare_cached(REMINDERS_PASSED_SQL)?;
        let rows = stmt.query_map([today], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Clients whose contact rhythm has run out and who have no open rhythm item.
    pub fn rhythm_lapsed(&self, today: NaiveDate) -> Result<Vec<OutOfView>> {
        let mut stmt = self.tx().prepare_cached(RHYTHM_SQL)?;
        let rows = stmt.query_map([today], |row| {
            Ok(OutOfView {
                client_id: row.get(0)?,
                since: row.get(1)?,
                rhythm_days: row.get(2)?,
                change: match (row.get(3)?, row.get(4)?) {
                    (Some(on), Some(before)) => Some((on, before)),
                    _ => None,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the client has a rhythm item, open or handled, due on `due`: the
    /// item of that overdue period was made already. One closed at an uitstroom was
    /// not handled: after a heraanmelding the period gets its item again.
    pub fn rhythm_item_on(&self, client: i64, due: NaiveDate) -> Result<bool> {
        Ok(self
            .tx()
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM work_items INDEXED BY work_items_one_per_rhythm
                     WHERE client_id = ?1 AND due_date = ?2 AND source = 'rhythm'
                       AND coalesce(outcome_code, '') <> 'uitstroom')",
            )?
            .query_row(params![client, due], |r| r.get(0))?)
    }
}
