//! The catalogues: categories, activity types, work item kinds, outcomes, channels.
//! They live in the database so a municipality can adapt them; this is their shape
//! and the lookups that turn an unknown code into a clear refusal.

use serde::Serialize;

use super::effects::OutcomeEffect;
use super::InputError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    pub code: String,
    pub name: String,
    pub description: String,
    pub contact_rhythm_days: i64,
    /// After "niet bereikt": the next attempt is suggested this many working days on.
    pub retry_days: i64,
    /// Activity type codes offered for clients in this category.
    pub activity_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityType {
    pub code: String,
    pub name: String,
    /// Suggested length: end date = start date + this many days.
    pub default_days: i64,
    /// The kind of work item made when an activity of this type reaches its end.
    pub expiry_kind: String,
    pub expiry_title: String,
    pub due_offset_days: i64,
    /// Days before the end date that the work item appears (legal deadlines).
    pub lead_days: i64,
    /// An afspraak: days before it that the "nabellen" reminder appears.
    pub reminder_days: Option<i64>,
    /// An afspraak: how long one takes, in minutes, unless it says otherwise.
    pub duration_minutes: Option<i64>,
    /// A statutory term (its rule applies the Atw): its due offset is a term of
    /// the law too (the week of Awb 6:9 after the bezwaartermijn), so the item
    /// falls due the day after that week, moved by the Atw.
    pub statutory: bool,
    /// The rule's source: an article of the law, or the municipality's own document
    /// where the law leaves the term to it; none for the municipality's practice.
    pub source: Option<String>,
}

/// What an outcome cannot go without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    None,
    NewDate,
    Reason,
    /// The verlaging of a maatregel: a percentage and a number of months.
    Sanction,
}

impl Requirement {
    /// What an outcome's `requires` column names; `None` for a code no version wrote.
    pub fn from_code(code: &str) -> Option<Requirement> {
        match code {
            "none" => Some(Requirement::None),
            "new_date" => Some(Requirement::NewDate),
            "reason" => Some(Requirement::Reason),
            "sanction" => Some(Requirement::Sanction),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub code: String,
    pub name: String,
    pub requires: Requirement,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkItemKind {
    pub code: String,
    pub name: String,
    pub urgency: i64,
    pub legal: bool,
    /// Outcome codes that may close an item of this kind.
    pub outcomes: Vec<String>,
    /// What each of `outcomes` does, in the same order (catalogue data).
    pub effects: Vec<OutcomeEffect>,
    /// What each of `outcomes` plans after it, in the same order: a process that
    /// comes back (a heronderzoek) or goes on as another (an onderzoek after an
    /// informatieverzoek that went unanswered).
    pub next: Vec<Option<NextActivity>>,
}

/// The activity an outcome plans from the day it is handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextActivity {
    pub type_code: String,
    /// `None`: as long as the cycle just finished (the interval of its risk profile).
    pub days: Option<i64>,
    /// `None`: the finished activity's title.
    pub title: Option<String>,
}

impl WorkItemKind {
    /// What `outcome` plans after it, if anything.
    pub fn next_of(&self, outcome: &str) -> Option<&NextActivity> {
        self.outcomes
            .iter()
            .position(|o| o == outcome)
            .and_then(|i| self.next.get(i))
            .and_then(Option::as_ref)
    }

    /// What handling an item of this kind with `outcome` does, if the kind allows it.
    pub fn effect_of(&self, outcome: &str) -> Option<OutcomeEffect> {
        self.outcomes
            .iter()
            .position(|o| o == outcome)
            .and_then(|i| self.effects.get(i).copied())
    }

    /// The first outcome of this kind with `effect`.
    pub fn outcome_with(&self, effect: OutcomeEffect) -> Option<&str> {
        self.outcomes
            .iter()
            .zip(&self.effects)
            .find(|(_, e)| **e == effect)
            .map(|(o, _)| o.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Channel {
    pub code: String,
    pub name: String,
    /// A contact by this channel keeps the client in view (a letter sent does not).
    /// Always true for an end reason, which shares this shape.
    pub counts_as_contact: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub activity_types: Vec<ActivityType>,
    pub work_item_kinds: Vec<WorkItemKind>,
    pub outcomes: Vec<Outcome>,
    pub channels: Vec<Channel>,
    /// Why a client leaves the caseload (uitstroom); code and name like a channel.
    pub end_reasons: Vec<Channel>,
    /// The municipality's risk profiles: the heronderzoek's interval.
    pub risk_profiles: Vec<RiskProfile>,
}

/// A risk profile of the municipality's handhavingsplan: a heronderzoek every
/// `months` months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskProfile {
    pub code: String,
    pub name: String,
    pub months: u32,
}

fn find<'a, T>(
    items: &'a [T],
    code: &str,
    what: &'static str,
    code_of: impl Fn(&T) -> &str,
) -> Result<&'a T, InputError> {
    items
        .iter()
        .find(|item| code_of(item) == code)
        .ok_or_else(|| {
            let choices: Vec<String> = items.iter().map(|i| code_of(i).to_owned()).collect();
            InputError::unknown_code(what, code, &choices)
        })
}

impl Catalog {
    pub fn category(&self, code: &str) -> Result<&Category, InputError> {
        find(&self.categories, code, "onbekende categorie", |c| &c.code)
    }

    pub fn activity_type(&self, code: &str) -> Result<&ActivityType, InputError> {
        find(
            &self.activity_types,
            code,
            "onbekende activiteitsoort",
            |t| &t.code,
        )
    }

    /// The end an activity of `type_code` from `start` is offered: the type's
    /// `default_days` later. The one place a suggested length is read.
    pub fn suggested_end(
        &self,
        type_code: &str,
        start: chrono::NaiveDate,
    ) -> Result<chrono::NaiveDate, InputError> {
        let days = self.activity_type(type_code)?.default_days;
        Ok(super::date::add_days(start, days))
    }

    pub fn kind(&self, code: &str) -> Result<&WorkItemKind, InputError> {
        find(
            &self.work_item_kinds,
            code,
            "onbekende soort werkitem",
            |k| &k.code,
        )
    }

    pub fn outcome(&self, code: &str) -> Result<&Outcome, InputError> {
        find(&self.outcomes, code, "onbekende afhandeling", |o| &o.code)
    }

    pub fn channel(&self, code: &str) -> Result<&Channel, InputError> {
        find(&self.channels, code, "onbekend kanaal", |c| &c.code)
    }

    /// The activity type, if the client's category allows it (principle 5: few,
    /// fitting choices).
    pub fn allowed_activity_type(
        &self,
        category_code: &str,
        type_code: &str,
    ) -> Result<&ActivityType, InputError> {
        let category = self.category(category_code)?;
        let activity_type = self.activity_type(type_code)?;
        if category.activity_types.iter().any(|t| t == type_code) {
            Ok(activity_type)
        } else {
            Err(InputError::TypeNotAllowed {
                activity_type: type_code.to_owned(),
                category: category_code.to_owned(),
                allowed: category.activity_types.join(", "),
            })
        }
    }

    /// The activity types offered for a category, in catalogue order.
    pub fn types_for_category(&self, category_code: &str) -> Vec<&ActivityType> {
        match self.category(category_code) {
            Ok(category) => self
                .activity_types
                .iter()
                .filter(|t| category.activity_types.contains(&t.code))
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    pub fn kind_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.kind(code).map(|k| k.name.as_str()).unwrap_or(code)
    }

    pub fn activity_type_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.activity_type(code)
            .map(|t| t.name.as_str())
            .unwrap_or(code)
    }

    pub fn category_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.category(code).map(|c| c.name.as_str()).unwrap_or(code)
    }

    pub fn end_reason(&self, code: &str) -> Result<&Channel, InputError> {
        find(
            &self.end_reasons,
            code,
            "onbekende reden van uitstroom",
            |c| &c.code,
        )
    }

    pub fn end_reason_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.end_reason(code)
            .map(|c| c.name.as_str())
            .unwrap_or(code)
    }

    /// Whether a contact by `code` keeps the client in view; an unknown channel does
    /// not.
    pub fn counts_as_contact(&self, code: &str) -> bool {
        self.channel(code).is_ok_and(|c| c.counts_as_contact)
    }

    pub fn channel_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.channel(code).map(|c| c.name.as_str()).unwrap_or(code)
    }

    pub fn risk_profile(&self, code: &str) -> Result<&RiskProfile, InputError> {
        find(&self.risk_profiles, code, "onbekend risicoprofiel", |p| {
            p.code.as_str()
        })
    }

    pub fn outcome_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.outcome(code).map(|o| o.name.as_str()).unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog {
            categories: vec![Category {
                code: "beheer".into(),
                name: "Beheer".into(),
                description: String::new(),
                contact_rhythm_days: 182,
                retry_days: 2,
                activity_types: vec!["afspraak".into()],
            }],
            activity_types: ["afspraak", "scholing"]
                .iter()
                .map(|c| ActivityType {
                    code: (*c).into(),
                    name: (*c).into(),
                    default_days: 0,
                    expiry_kind: "afspraak".into(),
                    expiry_title: "x".into(),
                    due_offset_days: 0,
                    lead_days: 0,
                    reminder_days: None,
                    duration_minutes: None,
                    source: None,
                    statutory: false,
                })
                .collect(),
            ..Catalog::default()
        }
    }

    #[test]
    fn unknown_codes_name_the_choices() {
        let err = catalog().category("vip").unwrap_err();
        assert_eq!(
            err.to_string(),
            "onbekende categorie 'vip'; kies uit: beheer"
        );
    }

    #[test]
    fn category_limits_activity_types() {
        let c = catalog();
        assert!(c.allowed_activity_type("beheer", "afspraak").is_ok());
        assert!(matches!(
            c.allowed_activity_type("beheer", "scholing"),
            Err(InputError::TypeNotAllowed { .. })
        ));
        assert_eq!(c.types_for_category("beheer").len(), 1);
    }
}
