//! The Atw calendar.

use chrono::NaiveDate;

use super::{apply, Done, World};
use crate::domain::error::required_text;
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Records a day a new Koninklijk Besluit declares equal to a feestdag; the running
/// terms of every open aanvraag are computed again.
pub fn add_declared_holiday(
    store: &mut Store,
    date: NaiveDate,
    name: &str,
    source: &str,
    today: NaiveDate,
) -> Result<Done> {
    let name = required_text("de naam", name)?;
    let source = required_text("de bron (het besluit)", source)?;
    if let Some(existing) = store.legal_calendar()?.holiday(date) {
        return Err(InputError::AlreadyHoliday {
            date,
            name: existing.name,
        }
        .into());
    }
    store.write(|w| {
        w.insert_declared_holiday(date, &name, &source)?;
        let world = World::read(w, today)?;
        let open = w.open_applications()?;
        apply(w, &world, Vec::new(), open)
    })
}
