//! What every rule may read besides its context.

use chrono::NaiveDate;

use super::calendar::LegalCalendar;
use super::catalog::Catalog;

/// What every rule may read besides its context: the catalogue, the Atw calendar and
/// the day it is.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub catalog: &'a Catalog,
    pub calendar: &'a LegalCalendar,
    pub today: NaiveDate,
}
