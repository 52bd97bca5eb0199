//! Afspraken.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::appointment::CANCELLED;
use crate::domain::appointment::{AppointmentMove, NewAppointment};
use crate::domain::date::parse_time;
use crate::domain::effects::Effect;
use crate::domain::error::optional_text;
use crate::domain::handling::CloseRequest;
use crate::domain::InputError;
use crate::store::{Result, Store};

/// The activity type of an afspraak.
const AFSPRAAK: &str = "afspraak";

/// Plans an afspraak, today or later; the sweep reminds the working day before.
pub fn add_appointment(store: &mut Store, new: &NewAppointment, today: NaiveDate) -> Result<Done> {
    let NewAppointment {
        client,
        date,
        time,
        channel,
        title,
        duration,
        location,
    } = *new;
    if let Some(minutes) = duration.filter(|m| !crate::domain::appointment::MINUTES.contains(m)) {
        return Err(InputError::Duration(minutes).into());
    }
    if date < today {
        return Err(InputError::InPast {
            what: "een afspraak op",
            date,
            today,
        }
        .into());
    }
    let time = time.map(parse_time).transpose()?;
    let found = store.client(client)?;
    edit(store, today, |_, world| {
        world.catalog.channel(channel)?;
        world
            .catalog
            .allowed_activity_type(&found.category, AFSPRAAK)?;
        let effect = Effect::AddAppointment {
            client,
            date,
            time,
            channel: channel.to_owned(),
            title: optional_text(title).unwrap_or_else(|| "Afspraak".to_owned()),
            follows: None,
            duration,
            location: optional_text(location),
        };
        Ok((vec![effect], None))
    })
}

/// What to warn about before planning or moving an afspraak to `date` at `time`: a
/// closed day, or another afspraak at that time.
pub fn appointment_warnings(
    store: &Store,
    date: NaiveDate,
    time: Option<&str>,
    except: Option<i64>,
) -> Result<Vec<String>> {
    let others = store.appointment_times(date, except)?;
    let calendar = store.legal_calendar()?;
    Ok(crate::domain::appointment::appointment_warnings(
        date, time, &others, &calendar,
    ))
}

/// Moves an afspraak to another day, time or channel.
pub fn move_appointment(
    store: &mut Store,
    id: i64,
    to: &AppointmentMove,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.activity_context(&world.catalog, id)?;
        Ok((
            crate::domain::appointment::move_appointment(&ctx, to, &world.catalog, today)?,
            None,
        ))
    })
}

/// Cancels an afspraak with a reason: it ends as `geannuleerd`, and its open items
/// lapse with it.
pub fn cancel_appointment(
    store: &mut Store,
    id: i64,
    reason: &str,
    today: NaiveDate,
) -> Result<Done> {
    let activity = store.activity(id)?;
    if activity.type_code != AFSPRAAK {
        return Err(InputError::NotAnAppointment { id }.into());
    }
    let request = CloseRequest {
        outcome: CANCELLED.to_owned(),
        note: Some(reason.to_owned()),
        ..CloseRequest::default()
    };
    super::close_activity(store, id, &request, today)
}
