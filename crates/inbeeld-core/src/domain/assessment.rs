//! What the klantmanager writes down about a client besides the work: a note in the
//! journal, a score per life domain, a step on the participatieladder; and the one
//! catalogue row a klantmanager changes, a category's contact rhythm. Each rule
//! checks and returns the effect that records it.

use chrono::NaiveDate;

use super::catalog::Catalog;
use super::effects::Effect;
use super::error::{optional_text, required_text};
use super::journal::NewNote;
use super::InputError;

/// A note in the dossier's journal: text that is not blank.
pub fn add_note(new: &NewNote) -> Result<Vec<Effect>, InputError> {
    Ok(vec![Effect::AddNote {
        client: new.client_id,
        date: new.date,
        text: required_text("de tekst van een notitie", &new.text)?,
    }])
}

/// A score for a life domain (1 grote zorgen … 5 op orde), seen on `date`.
pub fn add_situation(
    client: i64,
    (domain, score): (&str, i64),
    note: Option<&str>,
    date: NaiveDate,
    domains: &[String],
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    if !domains.iter().any(|d| d == domain) {
        return Err(InputError::unknown_code(
            "onbekend leefgebied",
            domain,
            domains,
        ));
    }
    if !(1..=5).contains(&score) {
        return Err(InputError::ScoreOutOfRange(score));
    }
    assessed_by_today(date, today)?;
    Ok(vec![Effect::AddSituation {
        client,
        domain: domain.to_owned(),
        score,
        note: optional_text(note),
        date,
    }])
}

/// The six steps of the participatieladder, step 1 first.
pub const LADDER: [&str; 6] = [
    "geïsoleerd",
    "sociale contacten buitenshuis",
    "deelname aan georganiseerde activiteiten",
    "onbetaald werk",
    "betaald werk met ondersteuning",
    "betaald werk",
];

/// A step on the participatieladder (1 geïsoleerd … 6 betaald werk), seen on `date`.
pub fn add_ladder_step(
    client: i64,
    step: i64,
    note: Option<&str>,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    if !(1..=6).contains(&step) {
        return Err(InputError::StepOutOfRange(step));
    }
    assessed_by_today(date, today)?;
    Ok(vec![Effect::AddLadderStep {
        client,
        step,
        note: optional_text(note),
        date,
    }])
}

/// A category's contact rhythm, at least a day.
pub fn set_rhythm(catalog: &Catalog, category: &str, days: i64) -> Result<Vec<Effect>, InputError> {
    let from = catalog.category(category)?.contact_rhythm_days;
    if days <= 0 {
        return Err(InputError::RhythmTooShort(days));
    }
    Ok(vec![Effect::SetRhythm {
        category: category.to_owned(),
        from,
        to: days,
    }])
}

/// An assessment records what was seen, so it cannot be dated after today.
fn assessed_by_today(date: NaiveDate, today: NaiveDate) -> Result<(), InputError> {
    if date > today {
        return Err(InputError::InFuture {
            what: "een beoordeling op",
            date,
            today,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_assessment_is_in_range_known_and_not_in_the_future() {
        let domains = vec!["werk".to_owned(), "taal".to_owned()];
        let today = d("2026-11-23");
        assert_eq!(
            add_situation(1, ("werk", 6), None, today, &domains, today),
            Err(InputError::ScoreOutOfRange(6))
        );
        assert!(matches!(
            add_situation(1, ("sport", 3), None, today, &domains, today),
            Err(InputError::UnknownCode { .. })
        ));
        assert!(matches!(
            add_ladder_step(1, 4, None, d("2026-11-24"), today),
            Err(InputError::InFuture { .. })
        ));
        assert_eq!(
            add_ladder_step(1, 4, Some("  "), today, today),
            Ok(vec![Effect::AddLadderStep {
                client: 1,
                step: 4,
                note: None,
                date: today
            }])
        );
        assert_eq!(
            add_note(&NewNote {
                client_id: 1,
                date: today,
                text: "  ".into()
            }),
            Err(InputError::Empty("de tekst van een notitie"))
        );
    }
}
