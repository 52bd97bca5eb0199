//! Dates as the user types and reads them.

use chrono::{Datelike, NaiveDate};

use super::InputError;

/// Parses `YYYY-MM-DD` strictly: a real calendar day, four-digit year, two-digit
/// month and day (so `2026-2-30` and `30-01-2026` are refused, not guessed at).
pub fn parse_date(input: &str) -> Result<NaiveDate, InputError> {
    let text = input.trim();
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(InputError::Date(input.to_owned()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| InputError::NoSuchDate(text.to_owned()))
}

/// A date the way people write it, besides `2026-11-23`: `23-11-2026` (or with `/`
/// or `.`), `23-11` (this year), `vandaag`, `morgen`, `overmorgen`, `gisteren`,
/// `eergisteren`, a weekday (`vrijdag`, `vr`: the next one after today), and a
/// distance from today (`+10d`, `+2w`, `+3m`, `-1w`). The relative forms need
/// `today`; without it only the written dates are read.
pub fn parse_written(input: &str, today: Option<NaiveDate>) -> Result<NaiveDate, InputError> {
    written(input, today, false)
}

/// As `parse_written`, for a day that has passed (when a contact took place): a
/// weekday is the last one before today.
pub fn parse_written_past(input: &str, today: Option<NaiveDate>) -> Result<NaiveDate, InputError> {
    written(input, today, true)
}

fn written(input: &str, today: Option<NaiveDate>, past: bool) -> Result<NaiveDate, InputError> {
    let text = input.trim().to_lowercase();
    if let Ok(date) = parse_date(&text) {
        return Ok(date);
    }
    let unknown = || InputError::WrittenDate(input.trim().to_owned());
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    if let (Some(numbers), true) = (numbers, parts.iter().all(|p| !p.is_empty())) {
        let (day, month, year) = match numbers[..] {
            [day, month, year] if parts[2].len() == 4 => (day, month, year as i32),
            [day, month] => (day, month, today.ok_or_else(unknown)?.year()),
            _ => return Err(unknown()),
        };
        return NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| InputError::NoSuchDate(input.trim().to_owned()));
    }
    if let Some(date) = written_out(&text, today) {
        return date.ok_or_else(|| InputError::NoSuchDate(input.trim().to_owned()));
    }
    let today = today.ok_or_else(unknown)?;
    let days = match text.as_str() {
        "vandaag" => Some(0),
        "morgen" => Some(1),
        "overmorgen" => Some(2),
        "gisteren" => Some(-1),
        "eergisteren" => Some(-2),
        _ => None,
    };
    if let Some(days) = days {
        return Ok(add_days(today, days));
    }
    if let Some(weekday) = weekday(&text) {
        let now = i64::from(today.weekday().num_days_from_monday());
        return Ok(if past {
            add_days(today, -((7 + now - weekday - 1) % 7 + 1))
        } else {
            add_days(today, (7 + weekday - now - 1) % 7 + 1)
        });
    }
    let (sign, rest) = match text.split_at_checked(1) {
        Some(("+", rest)) => (1, rest),
        Some(("-", rest)) => (-1, rest),
        _ => return Err(unknown()),
    };
    // By character: the last one may be any letter typed, also a multi-byte one.
    let unit = rest.chars().last().ok_or_else(unknown)?;
    let count = &rest[..rest.len() - unit.len_utf8()];
    let count: i64 = count.trim().parse().map_err(|_| unknown())?;
    let date = match unit {
        'd' => add_days(today, sign * count),
        'w' => add_days(today, sign * count * 7),
        'm' => {
            let months = chrono::Months::new(u32::try_from(count).map_err(|_| unknown())?);
            if sign > 0 {
                today.checked_add_months(months)
            } else {
                today.checked_sub_months(months)
            }
            .ok_or_else(unknown)?
        }
        _ => return Err(unknown()),
    };
    Ok(date)
}

/// The months written out, as a date is read and a period is named.
pub const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as the cockpit shows it (`vr 27 nov 2026`, `27 nov`, `27 november
/// 2026`): `None` when `text` is not of that form, `Some(None)` when it is but the
/// date does not exist. Without a year, this year (which needs `today`).
fn written_out(text: &str, today: Option<NaiveDate>) -> Option<Option<NaiveDate>> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // A weekday in front is what the date shows; the date itself decides.
    if words.len() > 2 && weekday(words[0].trim_end_matches(',')).is_some() {
        words.remove(0);
    }
    let (day, month, year) = match words[..] {
        [day, month] => (day, month, None),
        [day, month, year] => (day, month, Some(year)),
        _ => return None,
    };
    let day: u32 = day.parse().ok()?;
    let month = month.trim_end_matches('.');
    let month = MONTHS
        .iter()
        .position(|m| *m == month)
        .or_else(|| MONTH_NAMES.iter().position(|m| *m == month))?;
    let year = match year {
        Some(year) => year.parse().ok()?,
        None => today?.year(),
    };
    Some(NaiveDate::from_ymd_opt(year, month as u32 + 1, day))
}

/// The weekday `text` names, written out or as shown (`vrijdag`, `vr`), counted
/// from Monday.
fn weekday(text: &str) -> Option<i64> {
    let index = (WEEKDAYS.iter().position(|d| *d == text))
        .or_else(|| WEEKDAY_NAMES.iter().position(|d| *d == text))?;
    i64::try_from(index).ok()
}

/// Checks an HH:MM time of day (HH.MM, as Dutch often writes it, too) and writes it
/// as HH:MM with two-digit hours.
pub fn parse_time(text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    chrono::NaiveTime::parse_from_str(trimmed, "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(trimmed, "%H.%M"))
        .map(|t| t.format("%H:%M").to_string())
        .map_err(|_| InputError::Time(text.to_owned()))
}

/// `date` moved by `days` (back when negative); unchanged in the unlikely case that
/// it would leave chrono's calendar.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(chrono::Days::new(days as u64))
    } else {
        date.checked_sub_days(chrono::Days::new(days.unsigned_abs()))
    }
    .unwrap_or(date)
}

/// An activity's period: both dates required, the end not before the start.
pub fn period(start: &str, end: &str) -> Result<(NaiveDate, NaiveDate), InputError> {
    let start_date = parse_date(start)?;
    let end_date = parse_date(end)?;
    if end_date < start_date {
        return Err(InputError::EndBeforeStart {
            start: start_date.to_string(),
            end: end_date.to_string(),
        });
    }
    Ok((start_date, end_date))
}

/// How far a date is from today, as a klantmanager says it.
pub fn relative(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "vandaag".to_owned(),
        1 => "morgen".to_owned(),
        -1 => "gisteren".to_owned(),
        n if n > 1 => format!("over {n} dagen"),
        n => format!("{} dagen te laat", -n),
    }
}

const WEEKDAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// `ma 23 nov 2026`: how a date is shown in the cockpit.
pub fn dutch(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// The weekdays written out, as a date is read and a letter writes it.
const WEEKDAY_NAMES: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// `dinsdag 1 december 2026`: a date as a letter writes it.
pub fn in_words(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAY_NAMES[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTH_NAMES[date.month0() as usize],
        date.year()
    )
}

/// `23 nov 2026`: a date in a narrow column, without its weekday.
pub fn short(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// Age in whole years on `today`.
pub fn age(birth: NaiveDate, today: NaiveDate) -> Option<u32> {
    today.years_since(birth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_only_real_iso_days() {
        assert_eq!(
            d("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        for missing in ["2025-02-29", "2026-13-01", "2026-02-30"] {
            assert_eq!(
                parse_date(missing),
                Err(InputError::NoSuchDate(missing.to_owned())),
                "{missing}: well formed, but no such day"
            );
        }
        for bad in ["2026-2-3", "01-03-2026", "morgen", "", "2026-03-01x"] {
            assert_eq!(
                parse_date(bad),
                Err(InputError::Date(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn period_refuses_end_before_start_and_allows_one_day() {
        assert!(period("2026-03-01", "2026-03-01").is_ok());
        assert_eq!(
            period("2026-03-02", "2026-03-01"),
            Err(InputError::EndBeforeStart {
                start: "2026-03-02".into(),
                end: "2026-03-01".into()
            })
        );
    }

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(parse_time("9:30").unwrap(), "09:30");
        assert_eq!(parse_time("14:05").unwrap(), "14:05");
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("half tien").is_err());
    }

    #[test]
    fn relative_words() {
        let today = d("2026-11-22");
        assert_eq!(relative(today, today), "vandaag");
        assert_eq!(relative(d("2026-11-21"), today), "gisteren");
        assert_eq!(relative(d("2026-11-23"), today), "morgen");
        assert_eq!(relative(d("2026-11-25"), today), "over 3 dagen");
        assert_eq!(relative(d("2026-11-12"), today), "10 dagen te laat");
    }

    #[test]
    fn dutch_format_and_age() {
        assert_eq!(dutch(d("2026-11-23")), "ma 23 nov 2026");
        assert_eq!(age(d("1990-11-23"), d("2026-11-22")), Some(35));
        assert_eq!(age(d("1990-11-22"), d("2026-11-22")), Some(36));
    }
}

#[cfg(test)]
mod written {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_the_way_people_write_them() {
        // A Monday.
        let today = Some(day("2026-11-23"));
        for (written, meant) in [
            ("2026-11-27", "2026-11-27"),
            ("27-11-2026", "2026-11-27"),
            ("27/11/2026", "2026-11-27"),
            ("7.1.2027", "2027-01-07"),
            ("27-11", "2026-11-27"),
            ("vandaag", "2026-11-23"),
            ("Morgen", "2026-11-24"),
            ("overmorgen", "2026-11-25"),
            ("gisteren", "2026-11-22"),
            ("eergisteren", "2026-11-21"),
            ("vrijdag", "2026-11-27"),
            ("vr", "2026-11-27"),
            ("maandag", "2026-11-30"),
            ("zondag", "2026-11-29"),
            ("+10d", "2026-12-03"),
            ("+2w", "2026-12-07"),
            ("-1w", "2026-11-16"),
            ("+3m", "2027-02-23"),
            ("vr 27 nov 2026", "2026-11-27"),
            ("27 nov", "2026-11-27"),
            ("3 januari 2027", "2027-01-03"),
            ("3 mrt.", "2026-03-03"),
        ] {
            assert_eq!(parse_written(written, today), Ok(day(meant)), "{written}");
        }
        assert!(matches!(
            parse_written("31-11-2026", today),
            Err(InputError::NoSuchDate(_))
        ));
        assert!(matches!(
            parse_written("31 nov", today),
            Err(InputError::NoSuchDate(_))
        ));
        for wrong in [
            "",
            "x",
            "+2j",
            "2026-2-3",
            "1-2-3",
            "+w",
            "32-13",
            "27 nix",
            "+4\u{200b}",
            "-é",
        ] {
            assert!(parse_written(wrong, today).is_err(), "{wrong}");
        }
        // For a day that has passed, a weekday is the last one before today.
        assert_eq!(parse_written_past("ma", today), Ok(day("2026-11-16")));
        assert_eq!(parse_written_past("vrijdag", today), Ok(day("2026-11-20")));
        assert_eq!(parse_written_past("zo", today), Ok(day("2026-11-22")));
        assert_eq!(parse_written_past("morgen", today), Ok(day("2026-11-24")));
        // Without a today only written dates are read.
        assert_eq!(parse_written("27-11-2026", None), Ok(day("2026-11-27")));
        assert!(parse_written("morgen", None).is_err());
    }
}
