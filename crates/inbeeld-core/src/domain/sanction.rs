//! The maatregel's verlaging (Pw art. 18 lid 2): a percentage of the norm for a
//! number of months, as the municipality's verordening sets them — heavier for a
//! maatregel again within the verordening's terugkijktermijn (recidive).

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::date::dutch;
use super::InputError;

/// The longest verlaging inbeeld accepts, in months: a verordening that goes
/// further is a typing error more likely than a rule.
pub const MAX_MONTHS: u32 = 12;

/// A verlaging: `percent` of the norm during `months` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sanction {
    pub percent: u32,
    pub months: u32,
}

impl Sanction {
    /// In range: 1 to 100 percent, 1 to `MAX_MONTHS` months.
    pub fn new(percent: u32, months: u32) -> Result<Sanction, InputError> {
        if !(1..=100).contains(&percent) || !(1..=MAX_MONTHS).contains(&months) {
            return Err(InputError::SanctionRange { percent, months });
        }
        Ok(Sanction { percent, months })
    }

    /// "verlaging 20% gedurende 1 maand": how the besluit is noted.
    pub fn words(&self) -> String {
        let months = if self.months == 1 { "maand" } else { "maanden" };
        format!(
            "verlaging {}% gedurende {} {months}",
            self.percent, self.months
        )
    }
}

/// The verordening's steps: the first maatregel, the second within the
/// terugkijktermijn, the third (and every later one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verordening {
    pub steps: Vec<Sanction>,
    /// Earlier maatregelen count as recidive this many months back.
    pub look_back_months: u32,
}

impl Default for Verordening {
    /// A verordening as many municipalities have it, until the settings name the
    /// municipality's own: 20%, 50% and 100% for one month, twelve months back.
    fn default() -> Self {
        Verordening {
            steps: vec![
                Sanction {
                    percent: 20,
                    months: 1,
                },
                Sanction {
                    percent: 50,
                    months: 1,
                },
                Sanction {
                    percent: 100,
                    months: 1,
                },
            ],
            look_back_months: 12,
        }
    }
}

/// What the verordening says for this client today, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SanctionStep {
    pub sanction: Sanction,
    /// "eerste maatregel", "tweede maatregel binnen 12 maanden (eerdere: 3 mrt 2026)".
    pub why: String,
}

impl Verordening {
    /// The step for a maatregel on `today`, after the maatregelen opgelegd on
    /// `earlier` (any order): only those within the terugkijktermijn count.
    pub fn step(&self, earlier: &[NaiveDate], today: NaiveDate) -> SanctionStep {
        let since = today
            .checked_sub_months(Months::new(self.look_back_months))
            .unwrap_or(NaiveDate::MIN);
        let mut counted: Vec<NaiveDate> = earlier
            .iter()
            .copied()
            .filter(|d| *d > since && *d <= today)
            .collect();
        counted.sort();
        let n = counted.len();
        let sanction = self.steps[n.min(self.steps.len() - 1)];
        let nth = ["eerste", "tweede", "derde"]
            .get(n)
            .map_or_else(|| format!("{}e", n + 1), |w| (*w).to_owned());
        let why = if counted.is_empty() {
            format!("eerste maatregel in {} maanden", self.look_back_months)
        } else {
            let dates: Vec<String> = counted.iter().map(|d| dutch(*d)).collect();
            format!(
                "{nth} maatregel binnen {} maanden (eerder: {})",
                self.look_back_months,
                dates.join(", ")
            )
        };
        SanctionStep { sanction, why }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn recidive_within_the_look_back_is_heavier_and_older_ones_do_not_count() {
        let v = Verordening::default();
        let today = d("2026-11-23");
        assert_eq!(v.step(&[], today).sanction, Sanction::new(20, 1).unwrap());
        // Twelve months back to the day is outside; a day later is inside.
        assert_eq!(v.step(&[d("2025-11-23")], today).sanction.percent, 20);
        let second = v.step(&[d("2025-11-24")], today);
        assert_eq!(second.sanction.percent, 50);
        assert!(
            second.why.starts_with("tweede maatregel binnen 12 maanden"),
            "{}",
            second.why
        );
        let later = v.step(
            &[
                d("2026-01-05"),
                d("2026-03-02"),
                d("2026-06-01"),
                d("2026-09-01"),
            ],
            today,
        );
        assert_eq!(
            later.sanction.percent, 100,
            "the last step holds for every later one"
        );
        assert!(later.why.starts_with("5e maatregel"), "{}", later.why);
    }

    #[test]
    fn a_verlaging_is_bounded_and_said_in_words() {
        assert!(Sanction::new(0, 1).is_err());
        assert!(Sanction::new(101, 1).is_err());
        assert!(Sanction::new(30, 0).is_err());
        assert!(Sanction::new(30, MAX_MONTHS + 1).is_err());
        assert_eq!(
            Sanction::new(30, 3).unwrap().words(),
            "verlaging 30% gedurende 3 maanden"
        );
        assert_eq!(
            Sanction::new(100, 1).unwrap().words(),
            "verlaging 100% gedurende 1 maand"
        );
    }
}
