//! The periods the Overzicht counts over: a week, a month, a quarter or a year, or
//! any two dates; stepping back and forth keeps the span.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::date::{add_days, short, MONTH_NAMES};
use super::InputError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    Week,
    Month,
    Quarter,
    Year,
    /// Two dates given on the command line.
    Days,
}

/// From `from` up to and including `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(skip)]
    pub span: Span,
}

fn first_of_month(year: i32, month0: u32) -> NaiveDate {
    let (year, month0) = (year + month0.div_euclid(12) as i32, month0 % 12);
    NaiveDate::from_ymd_opt(year, month0 + 1, 1).unwrap_or(NaiveDate::MIN)
}

impl Period {
    /// Two dates; the end may not lie before the start.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Result<Period, InputError> {
        if to < from {
            return Err(InputError::EndBeforeStart {
                start: from.to_string(),
                end: to.to_string(),
            });
        }
        Ok(Period {
            from,
            to,
            span: Span::Days,
        })
    }

    /// The week (Monday to Sunday), month, quarter or year that holds `day`.
    pub fn of(span: Span, day: NaiveDate) -> Period {
        let (from, to) = match span {
            Span::Week | Span::Days => {
                let monday = add_days(day, -i64::from(day.weekday().num_days_from_monday()));
                (monday, add_days(monday, 6))
            }
            Span::Month => {
                let from = first_of_month(day.year(), day.month0());
                (
                    from,
                    add_days(first_of_month(day.year(), day.month0() + 1), -1),
                )
            }
            Span::Quarter => {
                let month0 = day.month0() / 3 * 3;
                let from = first_of_month(day.year(), month0);
                (from, add_days(first_of_month(day.year(), month0 + 3), -1))
            }
            Span::Year => (
                first_of_month(day.year(), 0),
                add_days(first_of_month(day.year() + 1, 0), -1),
            ),
        };
        Period {
            from,
            to,
            span: if span == Span::Days { Span::Week } else { span },
        }
    }

    /// The period `steps` spans later (earlier when negative); two dates move by
    /// their own length.
    pub fn shift(self, steps: i32) -> Period {
        match self.span {
            Span::Days => {
                let length = self.days() * i64::from(steps);
                Period {
                    from: add_days(self.from, length),
                    to: add_days(self.to, length),
                    span: Span::Days,
                }
            }
            Span::Week => Period::of(Span::Week, add_days(self.from, 7 * i64::from(steps))),
            Span::Month | Span::Quarter | Span::Year => {
                let months = match self.span {
                    Span::Month => 1,
                    Span::Quarter => 3,
                    _ => 12,
                } * steps;
                let month0 = i64::from(self.from.month0()) + i64::from(months);
                let year = self.from.year() + month0.div_euclid(12) as i32;
                Period::of(
                    self.span,
                    first_of_month(year, month0.rem_euclid(12) as u32),
                )
            }
        }
    }

    /// The number of days in the period.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The day the state at the end of the period is read on: its last day, or today
    /// while the period is still running.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.to.min(today).max(self.from.min(today))
    }

    /// How the period is named on screen: "week 48 · 23 – 29 nov 2026",
    /// "november 2026", "4e kwartaal 2026", "2026".
    pub fn label(&self) -> String {
        match self.span {
            Span::Week => format!(
                "week {} · {} – {}",
                self.from.iso_week().week(),
                self.from.day(),
                short(self.to)
            ),
            Span::Month => format!(
                "{} {}",
                MONTH_NAMES[self.from.month0() as usize],
                self.from.year()
            ),
            Span::Quarter => format!(
                "{}e kwartaal {}",
                self.from.month0() / 3 + 1,
                self.from.year()
            ),
            Span::Year => self.from.year().to_string(),
            Span::Days => format!("{} – {}", short(self.from), short(self.to)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_spans_hold_their_day() {
        let day = d("2026-11-23");
        let week = Period::of(Span::Week, day);
        assert_eq!((week.from, week.to), (d("2026-11-23"), d("2026-11-29")));
        assert_eq!(week.label(), "week 48 · 23 – 29 nov 2026");
        let month = Period::of(Span::Month, day);
        assert_eq!((month.from, month.to), (d("2026-11-01"), d("2026-11-30")));
        assert_eq!(month.label(), "november 2026");
        let quarter = Period::of(Span::Quarter, day);
        assert_eq!(
            (quarter.from, quarter.to),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(quarter.label(), "4e kwartaal 2026");
        let year = Period::of(Span::Year, day);
        assert_eq!((year.from, year.to), (d("2026-01-01"), d("2026-12-31")));
        assert_eq!(year.label(), "2026");
    }

    #[test]
    fn stepping_crosses_the_year() {
        let month = Period::of(Span::Month, d("2026-12-10")).shift(1);
        assert_eq!((month.from, month.to), (d("2027-01-01"), d("2027-01-31")));
        let quarter = Period::of(Span::Quarter, d("2026-02-10")).shift(-1);
        assert_eq!(
            (quarter.from, quarter.to),
            (d("2025-10-01"), d("2025-12-31"))
        );
        let feb = Period::of(Span::Month, d("2028-03-31")).shift(-1);
        assert_eq!(feb.to, d("2028-02-29"), "a leap year's February");
        let days = Period::between(d("2026-11-01"), d("2026-11-10"))
            .unwrap()
            .shift(-1);
        assert_eq!((days.from, days.to), (d("2026-10-22"), d("2026-10-31")));
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        assert!(Period::between(d("2026-11-02"), d("2026-11-01")).is_err());
    }

    #[test]
    fn the_state_is_read_at_the_end_or_today() {
        let week = Period::of(Span::Week, d("2026-11-23"));
        assert_eq!(week.as_of(d("2026-11-25")), d("2026-11-25"));
        assert_eq!(week.as_of(d("2026-12-25")), d("2026-11-29"));
        assert_eq!(
            week.as_of(d("2026-11-01")),
            d("2026-11-01"),
            "a later period: today"
        );
    }

    proptest! {
        #[test]
        fn a_step_forth_and_back_is_the_same_period(days in 0i64..20000, steps in -30i32..30,
                span in prop::sample::select(vec![Span::Week, Span::Month, Span::Quarter, Span::Year])) {
            let day = add_days(d("1990-01-01"), days);
            let period = Period::of(span, day);
            prop_assert!(period.contains(day));
            prop_assert_eq!(period.shift(steps).shift(-steps), period);
            let next = period.shift(1);
            prop_assert_eq!(next.from, add_days(period.to, 1), "periods follow each other without a gap");
        }
    }
}
