//! The Atw calendar.

use chrono::{Datelike, NaiveDate};

use super::{apply, Done, World};
use crate::domain::error::required_text;
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Records a day a new Koninklijk Besluit declares equal to a feestdag; with
/// `complete`, that besluit names every such day of its year. The running terms of
/// every aanvraag (a decided one's bezwaartermijn too) are computed again. A year's
/// days are complete only when said so: one day added leaves the year "not yet
/// known".
pub fn add_declared_holiday(
    store: &mut Store,
    date: NaiveDate,
    (name, source): (&str, &str),
    complete: bool,
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
        if complete {
            w.declare_year_complete(date.year(), &source)?;
        }
        let world = World::read(w, today)?;
        let open = w.open_applications()?;
        apply(w, &world, Vec::new(), open)
    })
}

/// Says that every gelijkgestelde dag of `year` is known (there may be none): terms
/// that end in it no longer warn that their end may still move.
pub fn declare_year_complete(
    store: &mut Store,
    year: i32,
    source: &str,
    today: NaiveDate,
) -> Result<Done> {
    let source = required_text("de bron (het besluit)", source)?;
    if store.legal_calendar()?.year_known(year) {
        return Err(InputError::YearKnown { year }.into());
    }
    store.write(|w| {
        w.declare_year_complete(year, &source)?;
        let world = World::read(w, today)?;
        let open = w.open_applications()?;
        apply(w, &world, Vec::new(), open)
    })
}
