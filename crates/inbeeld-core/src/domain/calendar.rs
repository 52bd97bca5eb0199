//! The Algemene termijnenwet calendar: weekends, the algemeen erkende feestdagen of
//! art. 3 (the Easter-based ones computed, not listed) and the days a Koninklijk
//! Besluit declared equal to them.

use chrono::{Datelike, NaiveDate, Weekday};

use super::date::add_days;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// Where the day comes from: the article, or the besluit that declared it equal.
    pub source: String,
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
/// and Butcher).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The day the King's (or Queen's) birthday is celebrated: Koningsdag on 27 April, or
/// 26 April when the 27th is a Sunday (since 2014); before that Koninginnedag on 30
/// April, moved to 29 April when on a Sunday (from 1980; earlier to 1 May).
fn kings_day(year: i32) -> Option<(NaiveDate, &'static str)> {
    if year >= 2014 {
        let day = ymd(year, 4, 27)?;
        let day = if day.weekday() == Weekday::Sun {
            ymd(year, 4, 26)?
        } else {
            day
        };
        Some((day, "Koningsdag"))
    } else {
        let day = ymd(year, 4, 30)?;
        let day = match (day.weekday(), year >= 1980) {
            (Weekday::Sun, true) => ymd(year, 4, 29)?,
            (Weekday::Sun, false) => ymd(year, 5, 1)?,
            _ => day,
        };
        Some((day, "Koninginnedag"))
    }
}

const ART_3_1: &str = "Atw art. 3 lid 1";
const ART_3_2: &str = "Atw art. 3 lid 2";

/// The feestdagen of art. 3 lid 1 and 2 in `year`, by date.
pub fn statutory_holidays(year: i32) -> Vec<Holiday> {
    let easter = easter(year);
    let mut days: Vec<(Option<NaiveDate>, &str, &str)> = vec![
        (ymd(year, 1, 1), "Nieuwjaarsdag", ART_3_1),
        (Some(add_days(easter, -2)), "Goede Vrijdag", ART_3_2),
        (Some(add_days(easter, 1)), "Tweede Paasdag", ART_3_1),
        (ymd(year, 5, 5), "Bevrijdingsdag (5 mei)", ART_3_1),
        (Some(add_days(easter, 39)), "Hemelvaartsdag", ART_3_1),
        (Some(add_days(easter, 50)), "Tweede Pinksterdag", ART_3_1),
        (ymd(year, 12, 25), "Eerste Kerstdag", ART_3_1),
        (ymd(year, 12, 26), "Tweede Kerstdag", ART_3_1),
    ];
    if let Some((date, name)) = kings_day(year) {
        days.push((Some(date), name, ART_3_1));
    }
    let mut holidays: Vec<Holiday> = days
        .into_iter()
        .filter_map(|(date, name, source)| {
            date.map(|date| Holiday {
                date,
                name: name.to_owned(),
                source: source.to_owned(),
            })
        })
        .collect();
    holidays.sort_by_key(|h| h.date);
    holidays
}

/// The calendar of the Algemene termijnenwet: the statutory feestdagen plus the days
/// declared equal by Koninklijk Besluit (art. 3 lid 3), which the store keeps.
#[derive(Debug, Clone, Default)]
pub struct LegalCalendar {
    declared: Vec<Holiday>,
    /// The years for which the besluit declaring days equal to a feestdag is known;
    /// `None` when the caller does not track this (every year counts as known).
    known_years: Option<Vec<i32>>,
}

impl LegalCalendar {
    pub fn new(mut declared: Vec<Holiday>) -> LegalCalendar {
        declared.sort_by_key(|h| h.date);
        LegalCalendar {
            declared,
            known_years: None,
        }
    }

    /// As `new`, knowing for which years the gelijkgestelde dagen have been
    /// declared.
    pub fn with_known_years(declared: Vec<Holiday>, mut years: Vec<i32>) -> LegalCalendar {
        years.sort_unstable();
        LegalCalendar {
            known_years: Some(years),
            ..LegalCalendar::new(declared)
        }
    }

    /// Whether the gelijkgestelde dagen of `year` are known.
    pub fn year_known(&self, year: i32) -> bool {
        self.known_years
            .as_ref()
            .is_none_or(|years| years.contains(&year))
    }

    /// The first year from `from` to `to` whose gelijkgestelde dagen are not known.
    pub fn unknown_year(&self, from: NaiveDate, to: NaiveDate) -> Option<i32> {
        (from.year()..=to.year()).find(|y| !self.year_known(*y))
    }

    /// Every Atw day of `year`: feestdagen and declared days, by date.
    pub fn holidays(&self, year: i32) -> Vec<Holiday> {
        let mut days = statutory_holidays(year);
        days.extend(
            self.declared
                .iter()
                .filter(|h| h.date.year() == year)
                .cloned(),
        );
        days.sort_by_key(|h| h.date);
        days
    }

    /// The feestdag or declared day on `date`, if any.
    pub fn holiday(&self, date: NaiveDate) -> Option<Holiday> {
        self.declared
            .iter()
            .find(|h| h.date == date)
            .cloned()
            .or_else(|| {
                statutory_holidays(date.year())
                    .into_iter()
                    .find(|h| h.date == date)
            })
    }

    /// Why `date` is not a working day in the sense of the Atw, if it is not; a
    /// feestdag is named before the weekday it falls on.
    pub fn closed_reason(&self, date: NaiveDate) -> Option<String> {
        self.holiday(date)
            .map(|h| h.name)
            .or_else(|| match date.weekday() {
                Weekday::Sat => Some("zaterdag".to_owned()),
                Weekday::Sun => Some("zondag".to_owned()),
                _ => None,
            })
    }

    /// For a deadline or an afspraak set on a day that is not a working day: says
    /// so and names the next working day.
    pub fn closed_day_warning(&self, date: NaiveDate) -> Option<String> {
        let why = match self.holiday(date) {
            Some(holiday) => format!("op {}", holiday.name),
            None => {
                self.closed_reason(date)?;
                "in het weekend".to_owned()
            }
        };
        Some(format!(
            "let op: {} valt {why}; eerstvolgende werkdag is {}",
            super::date::dutch(date),
            super::date::dutch(self.next_working_day(date))
        ))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.closed_reason(date).is_none()
    }

    /// `date` itself when it is a working day, else the next one.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            day = add_days(day, 1);
        }
        day
    }
}

/// A day a new Koninklijk Besluit declares equal to a feestdag (art. 3 lid 3), by
/// `source`; with `complete`, the besluit names every such day of its year, which is
/// then known. A day that is a feestdag already is refused.
pub fn declare_holiday(
    calendar: &LegalCalendar,
    date: NaiveDate,
    (name, source): (&str, &str),
    complete: bool,
) -> Result<Vec<super::effects::Effect>, super::InputError> {
    use super::effects::Effect;
    let name = super::error::required_text("de naam", name)?;
    let source = super::error::required_text("de bron (het besluit)", source)?;
    if let Some(existing) = calendar.holiday(date) {
        return Err(super::InputError::AlreadyHoliday {
            date,
            name: existing.name,
        });
    }
    let mut effects = vec![Effect::DeclareHoliday {
        date,
        name,
        source: source.clone(),
    }];
    if complete && !calendar.year_known(date.year()) {
        effects.push(Effect::DeclareYear {
            year: date.year(),
            source,
        });
    }
    Ok(effects)
}

/// Every gelijkgestelde dag of `year` is known (there may be none), by `source`.
pub fn declare_year(
    calendar: &LegalCalendar,
    year: i32,
    source: &str,
) -> Result<Vec<super::effects::Effect>, super::InputError> {
    let source = super::error::required_text("de bron (het besluit)", source)?;
    if calendar.year_known(year) {
        return Err(super::InputError::YearKnown { year });
    }
    Ok(vec![super::effects::Effect::DeclareYear { year, source }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Easter Sundays from a published table (checked against an independent
    /// implementation), 1990–2035.
    const EASTER: &[&str] = &[
        "1990-04-15",
        "1991-03-31",
        "1992-04-19",
        "1993-04-11",
        "1994-04-03",
        "1995-04-16",
        "1996-04-07",
        "1997-03-30",
        "1998-04-12",
        "1999-04-04",
        "2000-04-23",
        "2001-04-15",
        "2002-03-31",
        "2003-04-20",
        "2004-04-11",
        "2005-03-27",
        "2006-04-16",
        "2007-04-08",
        "2008-03-23",
        "2009-04-12",
        "2010-04-04",
        "2011-04-24",
        "2012-04-08",
        "2013-03-31",
        "2014-04-20",
        "2015-04-05",
        "2016-03-27",
        "2017-04-16",
        "2018-04-01",
        "2019-04-21",
        "2020-04-12",
        "2021-04-04",
        "2022-04-17",
        "2023-04-09",
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2028-04-16",
        "2029-04-01",
        "2030-04-21",
        "2031-04-13",
        "2032-03-28",
        "2033-04-17",
        "2034-04-09",
        "2035-03-25",
    ];

    #[test]
    fn easter_matches_the_published_table() {
        for expected in EASTER {
            let date = d(expected);
            assert_eq!(easter(date.year()), date, "{expected}");
        }
    }

    fn names(year: i32) -> Vec<(String, String)> {
        statutory_holidays(year)
            .into_iter()
            .map(|h| (h.date.to_string(), h.name))
            .collect()
    }

    #[test]
    fn the_feestdagen_of_2026() {
        let expected = [
            ("2026-01-01", "Nieuwjaarsdag"),
            ("2026-04-03", "Goede Vrijdag"),
            ("2026-04-06", "Tweede Paasdag"),
            ("2026-04-27", "Koningsdag"),
            ("2026-05-05", "Bevrijdingsdag (5 mei)"),
            ("2026-05-14", "Hemelvaartsdag"),
            ("2026-05-25", "Tweede Pinksterdag"),
            ("2026-12-25", "Eerste Kerstdag"),
            ("2026-12-26", "Tweede Kerstdag"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(names(2026), expected);
    }

    #[test]
    fn easter_based_days_follow_easter_every_year() {
        for expected in EASTER {
            let easter = d(expected);
            let days = statutory_holidays(easter.year());
            let find = |name: &str| days.iter().find(|h| h.name == name).unwrap().date;
            assert_eq!(find("Goede Vrijdag"), add_days(easter, -2));
            assert_eq!(find("Tweede Paasdag"), add_days(easter, 1));
            assert_eq!(find("Hemelvaartsdag"), add_days(easter, 39));
            assert_eq!(find("Hemelvaartsdag").weekday(), Weekday::Thu);
            assert_eq!(find("Tweede Pinksterdag"), add_days(easter, 50));
            assert_eq!(find("Tweede Pinksterdag").weekday(), Weekday::Mon);
        }
    }

    #[test]
    fn koningsdag_moves_to_saturday_when_the_27th_is_a_sunday() {
        // 27 April was a Sunday in 2014 and 2025, and will be in 2031.
        for year in [2014, 2025, 2031] {
            assert_eq!(
                kings_day(year).unwrap().0,
                ymd(year, 4, 26).unwrap(),
                "{year}"
            );
        }
        assert_eq!(kings_day(2026).unwrap().0, d("2026-04-27"));
        assert_eq!(kings_day(2013).unwrap(), (d("2013-04-30"), "Koninginnedag"));
        assert_eq!(
            kings_day(2006).unwrap().0,
            d("2006-04-29"),
            "30 April 2006 was a Sunday"
        );
        for year in 2014..2100 {
            let (date, _) = kings_day(year).unwrap();
            assert_ne!(date.weekday(), Weekday::Sun);
        }
    }

    #[test]
    fn five_may_counts_every_year_even_on_a_weekend() {
        // 5 May 2024 was a Sunday, 2029 is a Saturday: still an Atw day.
        for year in [2024, 2025, 2029] {
            assert!(statutory_holidays(year)
                .iter()
                .any(|h| h.date == ymd(year, 5, 5).unwrap()));
        }
    }

    #[test]
    fn hemelvaart_on_7_may_follows_5_may_closely() {
        // Hemelvaart falls on 7 May when Easter is on 29 March (as in 2043): 5 May
        // is then the Tuesday of the same week.
        assert_eq!(easter(2043), d("2043-03-29"));
        let cal = LegalCalendar::default();
        assert!(cal
            .holiday(d("2043-05-07"))
            .is_some_and(|h| h.name == "Hemelvaartsdag"));
        assert!(!cal.is_working_day(d("2043-05-05")));
        assert!(cal.is_working_day(d("2043-05-06")));
        assert_eq!(cal.next_working_day(d("2043-05-07")), d("2043-05-08"));
    }

    #[test]
    fn declared_days_close_too() {
        let cal = LegalCalendar::new(vec![Holiday {
            date: d("2026-05-15"),
            name: "Vrijdag na Hemelvaart".into(),
            source: "Besluit gelijkstelling".into(),
        }]);
        assert!(!cal.is_working_day(d("2026-05-15")));
        assert_eq!(cal.next_working_day(d("2026-05-14")), d("2026-05-18"));
        assert_eq!(cal.holidays(2026).len(), 10);
        assert_eq!(
            cal.closed_reason(d("2026-11-22")).as_deref(),
            Some("zondag")
        );
    }
}
