//! Legal terms: computed from a start date and a rule, never typed, each with the
//! article it comes from and an explanation of every day it was extended.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::LegalCalendar;
use super::date::{add_days, dutch};
use super::effects::Effect;
use super::InputError;

/// A term rule from the catalogue (`term_rules`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermRule {
    pub code: String,
    pub name: String,
    pub article: String,
    /// The term's length; it starts the day after `from` and ends `length_days` later.
    pub length_days: i64,
    /// Whether the Algemene termijnenwet applies (it does to terms set by law).
    pub atw: bool,
    /// A rule a municipality switched off is not applied.
    pub enabled: bool,
}

/// A new version of a rule, for cases that start on or after `valid_from`: the law
/// changed on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleVersion {
    pub rule: String,
    pub valid_from: NaiveDate,
    pub length_days: i64,
    pub article: String,
    /// The law or besluit that changed it.
    pub source: String,
}

/// The longest term a rule may set: ten years (the longest in the Participatiewet's
/// processes is a few months; a typo of a few zeros is refused).
pub const MAX_RULE_DAYS: i64 = 3650;

/// A version of `rule` from `version.valid_from` on: only for a day after today (a
/// case that started keeps the rule of its day, and none has started then) and
/// after the rule's newest version (`latest`), which it closes.
pub fn add_version(
    rule: &TermRule,
    version: &RuleVersion,
    latest: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    super::error::required_text("de bron (de wet of het besluit)", &version.source)?;
    super::error::required_text("het artikel", &version.article)?;
    if !(1..=MAX_RULE_DAYS).contains(&version.length_days) {
        return Err(InputError::RuleLength(version.length_days));
    }
    if version.valid_from <= today {
        return Err(InputError::RuleVersionNotAhead {
            from: version.valid_from,
            today,
        });
    }
    if let Some(latest) = latest.filter(|l| *l >= version.valid_from) {
        return Err(InputError::RuleVersionOrder {
            rule: rule.code.clone(),
            latest,
        });
    }
    Ok(vec![Effect::AddRuleVersion {
        rule: version.rule.clone(),
        valid_from: version.valid_from,
        length_days: version.length_days,
        article: version.article.trim().to_owned(),
        source: version.source.trim().to_owned(),
    }])
}

/// One reason the end moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub days: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermEnd {
    pub rule: String,
    pub article: String,
    pub from: NaiveDate,
    /// `from` plus the rule's length, before any extension.
    pub nominal_end: NaiveDate,
    pub end: NaiveDate,
    pub days_added: i64,
    pub extensions: Vec<Extension>,
    /// What else shaped the term: a verdaging, a hersteltermijn that came too late
    /// to suspend it, a year whose gelijkgestelde dagen are not yet known.
    pub notes: Vec<String>,
}

impl TermEnd {
    /// The explanation in one Dutch sentence per step, for the dossier.
    pub fn explanation(&self) -> String {
        let days = (self.nominal_end - self.from).num_days();
        let mut lines = vec![format!(
            "{days} {} na {}: {} ({})",
            if days == 1 { "dag" } else { "dagen" },
            dutch(self.from),
            dutch(self.nominal_end),
            self.article
        )];
        lines.extend(self.extensions.iter().map(|e| {
            format!(
                "+{} {}: {}",
                e.days,
                if e.days == 1 { "dag" } else { "dagen" },
                e.reason
            )
        }));
        lines.extend(self.notes.iter().cloned());
        lines.join("; ")
    }
}

/// A period in which the term did not run (Awb 4:15), already counted in days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspension {
    pub days: i64,
    pub reason: String,
}

/// The end of a term under `rule` that starts the day after `from`, with its
/// suspensions added and — where the Atw applies — extended so that it holds at least
/// two working days (art. 2, for terms of three days or more) and does not end on a
/// Saturday, Sunday or feestdag (art. 1).
pub fn term_end(
    rule: &TermRule,
    from: NaiveDate,
    suspensions: &[Suspension],
    calendar: &LegalCalendar,
) -> TermEnd {
    let nominal_end = add_days(from, rule.length_days);
    let mut end = nominal_end;
    let mut extensions = Vec::new();
    for s in suspensions.iter().filter(|s| s.days > 0) {
        end = add_days(end, s.days);
        extensions.push(Extension {
            days: s.days,
            reason: format!("opgeschort (Awb 4:15): {}", s.reason),
        });
    }
    if rule.atw {
        let length = (end - from).num_days();
        if length >= 3 {
            let working = |end: NaiveDate| {
                (1..=(end - from).num_days())
                    .filter(|n| calendar.is_working_day(add_days(from, *n)))
                    .count()
            };
            let before = end;
            while working(end) < 2 {
                end = add_days(end, 1);
            }
            if end > before {
                extensions.push(Extension {
                    days: (end - before).num_days(),
                    reason: "verlengd tot er twee werkdagen in de termijn vallen (Atw art. 2)"
                        .to_owned(),
                });
            }
        }
        let before = end;
        let reasons: Vec<String> = std::iter::successors(Some(end), |d| Some(add_days(*d, 1)))
            .map_while(|d| calendar.closed_reason(d))
            .collect();
        end = calendar.next_working_day(end);
        if end > before {
            extensions.push(Extension {
                days: (end - before).num_days(),
                reason: format!(
                    "eindigt niet op {}, maar op de eerstvolgende werkdag (Atw art. 1)",
                    or_list(&reasons)
                ),
            });
        }
    }
    TermEnd {
        rule: rule.code.clone(),
        article: rule.article.clone(),
        from,
        nominal_end,
        end,
        days_added: (end - nominal_end).num_days(),
        extensions,
        notes: calendar
            .unknown_year(from, end)
            .map(unknown_year_note)
            .into_iter()
            .collect(),
    }
}

/// "zaterdag", "zaterdag of zondag", "Eerste Kerstdag, Tweede Kerstdag of zondag".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} of {last}", rest.join(", ")),
    }
}

/// The sentence that says a year's gelijkgestelde dagen are not known yet.
pub fn unknown_year_note(year: i32) -> String {
    format!(
        "let op: de gelijkgestelde dagen van {year} zijn nog niet bekend (geen besluit vastgelegd); het einde kan nog verschuiven"
    )
}

/// A hersteltermijn is set by the klantmanager and is no statutory term: the Atw
/// does not move it. This says when the chosen end falls on a day the Atw would
/// avoid, and which working day follows.
pub fn hersteltermijn_warning(
    end: NaiveDate,
    calendar: &LegalCalendar,
) -> Option<(String, NaiveDate)> {
    calendar.closed_reason(end).map(|reason| {
        let next = calendar.next_working_day(end);
        (
            format!(
                "let op: de hersteltermijn eindigt op {} ({reason}); eerstvolgende werkdag is {}",
                dutch(end),
                dutch(next)
            ),
            next,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Holiday;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rule(code: &str, days: i64) -> TermRule {
        TermRule {
            code: code.into(),
            name: code.into(),
            article: "Awb".into(),
            length_days: days,
            atw: true,
            enabled: true,
        }
    }

    fn calendar() -> LegalCalendar {
        LegalCalendar::new(vec![Holiday {
            date: d("2026-05-15"),
            name: "Vrijdag na Hemelvaartsdag".into(),
            source: "Besluit gelijkstelling 2026-2028".into(),
        }])
    }

    #[test]
    fn beslistermijn_of_eight_weeks_on_a_working_day_is_not_moved() {
        let end = term_end(
            &rule("beslistermijn", 56),
            d("2026-11-02"),
            &[],
            &calendar(),
        );
        assert_eq!(end.nominal_end, d("2026-12-28"));
        assert_eq!(end.end, d("2026-12-28"));
        assert_eq!(end.days_added, 0);
        assert!(end.extensions.is_empty());
    }

    #[test]
    fn bezwaartermijn_ends_on_the_same_weekday_six_weeks_later() {
        // Bekendgemaakt on Thursday 12 November 2026: the term starts the day after
        // (Awb 6:8) and ends on Thursday 24 December.
        let end = term_end(
            &rule("bezwaartermijn", 42),
            d("2026-11-12"),
            &[],
            &calendar(),
        );
        assert_eq!(end.end, d("2026-12-24"));
    }

    #[test]
    fn a_term_ending_at_christmas_runs_on_to_the_next_working_day() {
        // Nominal end Friday 25 December 2026: Kerst, Kerst, Sunday → Monday 28th.
        let end = term_end(
            &rule("bezwaartermijn", 42),
            d("2026-11-13"),
            &[],
            &calendar(),
        );
        assert_eq!(end.nominal_end, d("2026-12-25"));
        assert_eq!(end.end, d("2026-12-28"));
        assert_eq!(end.days_added, 3);
        assert!(
            end.explanation()
                .contains("Eerste Kerstdag, Tweede Kerstdag of zondag, maar"),
            "{}",
            end.explanation()
        );
        assert!(end.explanation().contains("Atw art. 1"));
    }

    #[test]
    fn a_declared_day_extends_like_a_feestdag() {
        // Nominal end Hemelvaart 2026 (Thursday 14 May), the declared Friday after it,
        // then the weekend: Monday 18 May.
        let end = term_end(&rule("voorschot", 28), d("2026-04-16"), &[], &calendar());
        assert_eq!(end.nominal_end, d("2026-05-14"));
        assert_eq!(end.end, d("2026-05-18"));
    }

    #[test]
    fn art_2_keeps_two_working_days_in_a_short_term() {
        // A 3-day term from Wednesday 23 December 2026: 24 (Thursday) is a working
        // day, 25 and 26 are Kerst; the end runs on to Monday 28, which is the second.
        let end = term_end(&rule("kort", 3), d("2026-12-23"), &[], &calendar());
        assert_eq!(end.nominal_end, d("2026-12-26"));
        assert_eq!(end.end, d("2026-12-28"));
        // Art. 2 alone: from Thursday 24 December a 3-day term (25, 26, 27) has no
        // working day; it extends to Tuesday 29 (28 and 29).
        let end = term_end(&rule("kort", 3), d("2026-12-24"), &[], &calendar());
        assert_eq!(end.end, d("2026-12-29"));
        assert!(end.explanation().contains("Atw art. 2"));
    }

    #[test]
    fn suspension_adds_its_days_before_the_atw() {
        let suspension = Suspension {
            days: 10,
            reason: "hersteltermijn loonstroken".into(),
        };
        let end = term_end(
            &rule("beslistermijn", 56),
            d("2026-11-02"),
            &[suspension],
            &calendar(),
        );
        assert_eq!(end.end, d("2027-01-07"));
        assert_eq!(end.days_added, 10);
        assert!(end.explanation().contains("Awb 4:15"));
    }

    #[test]
    fn without_the_atw_the_end_stays_on_a_sunday() {
        let mut r = rule("eigen", 14);
        r.atw = false;
        assert_eq!(
            term_end(&r, d("2026-11-08"), &[], &calendar()).end,
            d("2026-11-22")
        );
    }

    #[test]
    fn hersteltermijn_warns_and_offers_the_next_working_day() {
        let (text, next) = hersteltermijn_warning(d("2026-12-06"), &calendar()).unwrap();
        assert!(text.contains("zondag"));
        assert_eq!(next, d("2026-12-07"));
        assert!(hersteltermijn_warning(d("2026-12-07"), &calendar()).is_none());
    }

    proptest! {
        #[test]
        fn a_statutory_end_is_never_on_a_closed_day(
            from in 0i64..(365 * 30), length in 1i64..120, suspended in 0i64..60,
        ) {
            let cal = calendar();
            let from = add_days(d("2010-01-01"), from);
            let suspension = Suspension { days: suspended, reason: "x".into() };
            let end = term_end(&rule("r", length), from, &[suspension], &cal);
            prop_assert!(cal.is_working_day(end.end), "{} ends on {}", from, end.end);
            prop_assert!(end.end >= end.nominal_end);
        }

        #[test]
        fn art_2_holds_for_every_term_of_three_days_or_more(
            from in 0i64..(365 * 30), length in 3i64..30,
        ) {
            let cal = calendar();
            let from = add_days(d("2010-01-01"), from);
            let end = term_end(&rule("r", length), from, &[], &cal);
            let working = (1..=(end.end - from).num_days())
                .filter(|n| cal.is_working_day(add_days(from, *n)))
                .count();
            prop_assert!(working >= 2, "{} + {}: {} working days", from, length, working);
        }

        #[test]
        fn the_end_is_the_earliest_that_satisfies_the_atw(
            from in 0i64..(365 * 30), length in 3i64..60,
        ) {
            // Not one day more than needed: the day before the end fails a rule.
            let cal = calendar();
            let from = add_days(d("2010-01-01"), from);
            let end = term_end(&rule("r", length), from, &[], &cal);
            if end.end > end.nominal_end {
                let before = end.end.pred_opt().unwrap();
                let working = (1..=(before - from).num_days())
                    .filter(|n| cal.is_working_day(add_days(from, *n)))
                    .count();
                prop_assert!(!cal.is_working_day(before) || working < 2);
            }
        }
    }
}
