//! Activities: registration and listing.

use rusqlite::{OptionalExtension, Row};

use super::error::Result;
use super::{clients, Store};
use crate::domain::activity::Activity;
use crate::domain::InputError;

pub(crate) fn activity(conn: &rusqlite::Connection, id: i64) -> Result<Activity> {
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

pub(crate) const ACTIVITY_COLUMNS: &str = "id, client_id, type_code, title, start_date, end_date,
    status, outcome_code, outcome_note, closed_on, appointment_time, channel_code";

pub(crate) fn activity_from_row(row: &Row) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: row.get(0)?,
        client_id: row.get(1)?,
        type_code: row.get(2)?,
        title: row.get(3)?,
        start_date: row.get(4)?,
        end_date: row.get(5)?,
        status: row.get(6)?,
        outcome: row.get(7)?,
        outcome_note: row.get(8)?,
        closed_on: row.get(9)?,
        time: row.get(10)?,
        channel: row.get(11)?,
    })
}

impl Store {
    /// The afspraak planned in place of `missed` after a no-show, the newest.
    pub fn appointment_after(&self, missed: i64) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id FROM activities WHERE follows_activity_id = ?1 AND type_code = 'afspraak'
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([missed], |r| r.get(0))
            .optional()?)
    }

    pub fn activity(&self, id: i64) -> Result<Activity> {
        activity(self.conn(), id)
    }

    /// The days a maatregel was opgelegd for the client: closed by an outcome that
    /// asks a verlaging. Undone ones are no longer closed, so not counted.
    pub fn sanctions_of(&self, client: i64) -> Result<Vec<chrono::NaiveDate>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.closed_on FROM activities a JOIN outcomes o ON o.code = a.outcome_code
             WHERE a.client_id = ?1 AND a.status = 'closed' AND o.requires = 'sanction'",
        )?;
        let days = stmt
            .query_map([client], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(days)
    }

    /// Activities of one client, or of the whole caseload, by end date.
    pub fn activities(&self, client_id: Option<i64>) -> Result<Vec<Activity>> {
        if let Some(id) = client_id {
            clients::client(self.conn(), id)?;
        }
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities
             WHERE ?1 IS NULL OR client_id = ?1 ORDER BY end_date, id"
        ))?;
        let rows = stmt.query_map([client_id], activity_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// An open activity that ends, or an appointment that takes place, on `date`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AgendaEntry {
    pub date: chrono::NaiveDate,
    pub activity_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub type_code: String,
    pub title: String,
    /// An afspraak (planned contact) rather than an end date.
    pub appointment: bool,
    /// An afspraak's time (HH:MM) and channel.
    pub time: Option<String>,
    pub channel: Option<String>,
}

/// What ends or takes place in a date range: a range per activity type on the index
/// of open activities by type.
pub(crate) fn agenda_sql() -> String {
    "SELECT a.end_date, a.id, a.client_id, c.name, a.type_code, a.title, t.reminder_days IS NOT NULL,
            a.appointment_time, a.channel_code
     FROM activity_types t CROSS JOIN activities a INDEXED BY activities_open_by_type
     JOIN clients c ON c.id = a.client_id
     WHERE a.type_code = t.code AND a.status = 'open' AND a.end_date BETWEEN ?1 AND ?2
     ORDER BY a.end_date, t.reminder_days IS NOT NULL DESC, a.appointment_time, c.name"
        .to_owned()
}

impl Store {
    /// What ends or takes place between `from` and `to` (inclusive), by date.
    pub fn agenda(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<AgendaEntry>> {
        let mut stmt = self.conn().prepare_cached(&agenda_sql())?;
        let rows = stmt.query_map([from, to], |row| {
            Ok(AgendaEntry {
                date: row.get(0)?,
                activity_id: row.get(1)?,
                client_id: row.get(2)?,
                client_name: row.get(3)?,
                type_code: row.get(4)?,
                title: row.get(5)?,
                appointment: row.get(6)?,
                time: row.get(7)?,
                channel: row.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// The afspraken from `from` on, open, held or cancelled, with how often each was
    /// moved: what the agenda file shows.
    pub fn calendar_appointments(
        &self,
        from: chrono::NaiveDate,
    ) -> Result<Vec<crate::domain::appointment::CalendarAppointment>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, c.name, c.given_name, c.name_prefix, c.surname, a.end_date,
                    a.appointment_time, coalesce(a.duration_minutes, t.duration_minutes, 30),
                    a.channel_code, t.name, a.outcome_code,
                    (SELECT count(*) FROM audit_log l WHERE l.entity = 'activity'
                        AND l.entity_id = a.id AND l.action = 'appointment.move')
             FROM activity_types t JOIN activities a ON a.type_code = t.code
             JOIN clients c ON c.id = a.client_id
             WHERE t.reminder_days IS NOT NULL AND a.end_date >= ?1
             ORDER BY a.end_date, a.appointment_time, a.id",
        )?;
        let rows = stmt.query_map([from], |r| {
            Ok(crate::domain::appointment::CalendarAppointment {
                activity_id: r.get(0)?,
                client_name: r.get(1)?,
                parts: clients::name_parts(r, 2)?,
                date: r.get(5)?,
                time: r.get(6)?,
                minutes: r.get(7)?,
                channel: r.get(8)?,
                type_name: r.get(9)?,
                outcome: r.get(10)?,
                moves: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last days of the running legal terms from `from` on (the activities whose
    /// end raises a legal work item).
    pub fn calendar_deadlines(
        &self,
        from: chrono::NaiveDate,
    ) -> Result<Vec<crate::domain::appointment::CalendarDeadline>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, c.name, c.given_name, c.name_prefix, c.surname, a.end_date, a.title
             FROM activity_types t JOIN work_item_kinds k ON k.code = t.expiry_kind
             JOIN activities a ON a.type_code = t.code
             JOIN clients c ON c.id = a.client_id
             WHERE k.legal = 1 AND a.status = 'open' AND a.end_date >= ?1
             ORDER BY a.end_date, a.id",
        )?;
        let rows = stmt.query_map([from], |r| {
            Ok(crate::domain::appointment::CalendarDeadline {
                activity_id: r.get(0)?,
                client_name: r.get(1)?,
                parts: clients::name_parts(r, 2)?,
                date: r.get(5)?,
                title: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
