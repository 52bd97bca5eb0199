//! Appointments (afspraken): an activity on one day, with a time and a channel. The
//! sweep reminds the day before (nabellen); after it, the opkomst is registered.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::error::Result;
use super::journal::insert_contact;
use super::{catalog, clients, Store, Write};
use crate::clock;
use crate::domain::date::parse_time;
use crate::domain::error::optional_text;
use crate::domain::journal::NewContact;
use crate::domain::InputError;

/// The attendance an afspraak's outcome records: a contact for `gesproken`, a
/// registered no-show for `no_show` (counted per client, not a contact).
pub(super) fn record_attendance(w: &Write, activity_id: i64, outcome: &str) -> Result<()> {
    if outcome != "gesproken" && outcome != "no_show" {
        return Ok(());
    }
    let row: Option<(i64, String, NaiveDate, String, Option<String>)> = w
        .tx()
        .query_row(
            "SELECT client_id, type_code, end_date, title, channel_code FROM activities WHERE id = ?1",
            [activity_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((client_id, type_code, date, title, channel)) = row else {
        return Ok(());
    };
    if type_code != "afspraak" {
        return Ok(());
    }
    let contact = NewContact {
        client_id,
        channel: channel.unwrap_or_else(|| "op_locatie".to_owned()),
        date,
        note: Some(format!("afspraak: {title}")),
    };
    insert_contact(w, &contact, outcome == "no_show").map(|_| ())
}

impl Store {
    /// Plans an appointment; it cannot lie in the past.
    #[allow(clippy::too_many_arguments)]
    pub fn add_appointment(
        &mut self,
        client_id: i64,
        date: NaiveDate,
        time: Option<&str>,
        channel: &str,
        title: Option<&str>,
        today: NaiveDate,
    ) -> Result<i64> {
        if date < today {
            return Err(InputError::Other(format!(
                "een afspraak kan niet in het verleden liggen ({date} is vóór vandaag, {today})"
            ))
            .into());
        }
        let time = time.map(parse_time).transpose()?;
        let catalog = catalog::load(self.conn())?;
        catalog.channel(channel)?;
        let client = clients::client(self.conn(), client_id)?;
        catalog.allowed_activity_type(&client.category, "afspraak")?;
        let title = optional_text(title).unwrap_or_else(|| "Afspraak".to_owned());
        self.write(|w| {
            w.tx().execute(
                "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                     appointment_time, channel_code, created_at)
                 VALUES (?1, 'afspraak', ?2, ?3, ?3, ?4, ?5, ?6)",
                params![client_id, title, date, time, channel, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit(
                "appointment.add",
                "activity",
                id,
                json!({ "client_id": client_id, "date": date, "time": time, "channel": channel, "title": title }),
            )?;
            Ok(id)
        })
    }

    /// Registered no-shows of a client.
    pub fn no_shows(&self, client_id: i64) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM contacts WHERE client_id = ?1 AND no_show = 1",
            [client_id],
            |r| r.get(0),
        )?)
    }
}
