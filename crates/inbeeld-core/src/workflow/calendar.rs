//! The Atw calendar.

use chrono::NaiveDate;

use super::{apply, Done, World};
use crate::domain::calendar::{self, LegalCalendar};
use crate::domain::effects::Effect;
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
    declare(store, today, |calendar| {
        calendar::declare_holiday(calendar, date, (name, source), complete)
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
    declare(store, today, |calendar| {
        calendar::declare_year(calendar, year, source)
    })
}

/// A rule as changed by law from `version.valid_from` on, for the cases that start
/// from that day; running cases keep the rule of the day they started.
pub fn add_rule_version(
    store: &mut Store,
    version: &crate::domain::terms::RuleVersion,
    today: NaiveDate,
) -> Result<Done> {
    store.write(|w| {
        let rule = w.term_rule(&version.rule, today)?;
        let latest = w.latest_rule_version(&version.rule)?;
        let effects = crate::domain::terms::add_version(&rule, version, latest, today)?;
        let mut added = None;
        for effect in &effects {
            w.apply(effect, today, &mut added)?;
        }
        Ok(Done { effects, id: None })
    })
}

/// Applies what the calendar's rule says, then computes every running term again
/// by the calendar as it now stands.
fn declare(
    store: &mut Store,
    today: NaiveDate,
    rule: impl FnOnce(&LegalCalendar) -> std::result::Result<Vec<Effect>, InputError>,
) -> Result<Done> {
    store.write(|w| {
        let effects = rule(&w.legal_calendar()?)?;
        let mut added = None;
        for effect in &effects {
            w.apply(effect, today, &mut added)?;
        }
        let world = World::read(w, today)?;
        let open = w.open_applications()?;
        let mut done = apply(w, &world, Vec::new(), open)?;
        done.effects.splice(0..0, effects);
        Ok(done)
    })
}
