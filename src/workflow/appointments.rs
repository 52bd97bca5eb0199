//! Afspraken.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::date::parse_time;
use crate::domain::effects::Effect;
use crate::domain::error::optional_text;
use crate::domain::InputError;
use crate::store::{Result, Store};

/// The activity type of an afspraak.
const AFSPRAAK: &str = "afspraak";

/// Plans an afspraak, today or later; the sweep reminds the working day before.
pub fn add_appointment(
    store: &mut Store,
    client: i64,
    date: NaiveDate,
    time: Option<&str>,
    channel: &str,
    title: Option<&str>,
    today: NaiveDate,
) -> Result<Done> {
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
        };
        Ok((vec![effect], None))
    })
}
