//! A client's course through the caseload: details edited, doorstroom to another
//! category, uitstroom (nothing open escapes it) and heraanmelding.

use chrono::NaiveDate;

use super::aanvraag::dated;
use super::bsn::Bsn;
use super::catalog::Catalog;
use super::client::Client;
use super::effects::OutcomeEffect;
use super::effects::{ClientDetails, Effect};
use super::error::{optional_text, required_text};
use super::InputError;

/// The end reason of a client handed over to a colleague (catalogue code).
pub const HANDED_OVER: &str = "overgedragen";

/// One open activity or work item, with the kind of work item it is (for an
/// activity: the kind its end date raises), which names its outcome at uitstroom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPiece {
    pub id: i64,
    pub title: String,
    pub kind: String,
}

/// What a client's file holds open: uitstroom settles it or is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenWork {
    pub activities: Vec<OpenPiece>,
    pub items: Vec<OpenPiece>,
    /// Aanvragen without a besluit.
    pub applications: Vec<i64>,
}

impl OpenWork {
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.items.is_empty()
    }

    /// "2 activiteiten, 1 werkitem".
    pub fn describe(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let mut parts = Vec::new();
        if !self.activities.is_empty() {
            parts.push(count(self.activities.len(), "activiteit", "activiteiten"));
        }
        if !self.items.is_empty() {
            parts.push(count(self.items.len(), "werkitem", "werkitems"));
        }
        parts.join(", ")
    }
}

/// Registering a client on `today`, which starts the contact rhythm: a name, a
/// known category and channel, a birth date that is a day that happened, and a BSN
/// no other client has (`bsn_of`: the client who has it).
pub fn add_client(
    new: &super::client::NewClient,
    bsn_of: Option<i64>,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let name = required_text("naam", &new.name)?;
    catalog.category(&new.category)?;
    if let Some(channel) = &new.contact_preference {
        catalog.channel(channel)?;
    }
    if let Some(birth) = new.birth_date {
        dated("de geboortedatum", birth, None, today)?;
    }
    if let Some(other) = bsn_of {
        return Err(InputError::DuplicateBsn(other));
    }
    Ok(vec![Effect::AddClient {
        details: ClientDetails {
            name: name.clone(),
            // A name typed whole is split where it can be, for sorting.
            parts: if new.parts.is_empty() {
                super::name::NameParts::split(&name).unwrap_or_default()
            } else {
                new.parts.clone()
            },
            address: new.address.clone(),
            bsn: new.bsn.as_ref().map(|b| b.as_str().to_owned()),
            birth_date: new.birth_date,
            phone: new.phone.clone(),
            email: new.email.clone(),
            contact_preference: new.contact_preference.clone(),
        },
        category: new.category.clone(),
        registered_on: today,
    }])
}

/// A change of details: `None` leaves a field as it is, an empty text clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientEdit {
    pub name: Option<String>,
    pub bsn: Option<String>,
    pub birth_date: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_preference: Option<String>,
    /// "Dorpsstraat 12 a, 8011 AB Zwolle": the postal address on one line.
    pub address: Option<String>,
}

pub fn details(client: &Client) -> ClientDetails {
    ClientDetails {
        name: client.name.clone(),
        parts: client.parts.clone(),
        address: client.address.clone(),
        bsn: client.bsn.as_ref().map(|b| b.as_str().to_owned()),
        birth_date: client.birth_date,
        phone: client.phone.clone(),
        email: client.email.clone(),
        contact_preference: client.contact_preference.clone(),
    }
}

/// The client's details after `edit`, checked: a name, a BSN that passes the
/// elfproef, a birth date that is a day that happened, a known channel.
pub fn edit_client(
    client: &Client,
    edit: &ClientEdit,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let old = details(client);
    let mut new = old.clone();
    if let Some(name) = &edit.name {
        new.name = required_text("de naam", name)?;
        // Parts that were the old name's follow the new one.
        if new.name != old.name
            && (old.parts.is_empty() || old.parts.display().as_deref() == Some(&old.name))
        {
            new.parts = super::name::NameParts::split(&new.name).unwrap_or_default();
        }
    }
    if let Some(bsn) = &edit.bsn {
        new.bsn = match optional_text(Some(bsn)) {
            Some(b) => Some(Bsn::parse(&b)?.as_str().to_owned()),
            None => None,
        };
    }
    if let Some(birth) = &edit.birth_date {
        new.birth_date = match optional_text(Some(birth)) {
            Some(b) => {
                let date = super::date::parse_date(&b)?;
                dated("de geboortedatum", date, None, today)?;
                Some(date)
            }
            None => None,
        };
    }
    if let Some(phone) = &edit.phone {
        new.phone = optional_text(Some(phone));
    }
    if let Some(email) = &edit.email {
        new.email = optional_text(Some(email));
    }
    if let Some(channel) = &edit.contact_preference {
        new.contact_preference = optional_text(Some(channel));
        if let Some(code) = &new.contact_preference {
            catalog.channel(code)?;
        }
    }
    // Lines typed back as they were leave the address as the import stored it
    // ("12a" as a house number stays whole).
    if let Some(line) = &edit.address {
        if line.trim() != old.address.typed() {
            new.address = super::name::Address::from_line(line)?;
        }
    }
    if new == old {
        return Err(InputError::NothingChanged);
    }
    Ok(vec![Effect::UpdateClient {
        client: client.id,
        old,
        new,
    }])
}

/// What a category change reads besides the client: the day of the last change
/// (a change is never dated before it: the history would contradict the category),
/// and how far in view the client is (the new rhythm may bring them back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeContext {
    pub last_change: Option<NaiveDate>,
    pub in_view: super::handling::ClientContext,
}

/// Doorstroom: from `on` (not after today, not before registration or the last
/// change) the client has category `to`, for `reason`. A client whom the new
/// rhythm brings back in view has nothing to be contacted for: their open "contact
/// opnemen" items close with the kind's outcome for that (`settled`).
pub fn change_category(
    client: &Client,
    ctx: &ChangeContext,
    (to, on, reason): (&str, NaiveDate, &str),
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    refuse_ended(client)?;
    let rhythm = catalog.category(to)?.contact_rhythm_days;
    if client.category == to {
        return Err(InputError::SameCategory {
            id: client.id,
            category: to.to_owned(),
        });
    }
    let reason = required_text("de reden", reason)?;
    let earliest = match ctx.last_change {
        Some(last) if last > client.registered_on => ("de laatste wijziging van categorie", last),
        _ => ("de inschrijving", client.registered_on),
    };
    dated("de datum van de wijziging", on, Some(earliest), today)?;
    let mut effects = vec![Effect::ChangeCategory {
        client: client.id,
        from: client.category.clone(),
        to: to.to_owned(),
        on,
        reason,
    }];
    let seen = &ctx.in_view;
    if super::client::in_view(seen.last_contact, seen.registered_on, rhythm, today) {
        let outcome = catalog
            .kind(super::handling::RHYTHM_KIND)
            .ok()
            .and_then(|k| k.outcome_with(OutcomeEffect::Settled));
        if let Some(outcome) = outcome {
            effects.extend(seen.open_rhythm_items.iter().map(|item| Effect::CloseItem {
                item: *item,
                outcome: outcome.to_owned(),
                note: Some(format!("weer in beeld met het ritme van {} dagen", rhythm)),
            }));
        }
    }
    Ok(effects)
}

fn refuse_ended(client: &Client) -> Result<(), InputError> {
    match client.ended_on {
        Some(on) => Err(InputError::ClientEnded { id: client.id, on }),
        None => Ok(()),
    }
}

/// The outcome an open piece of `kind` gets when its client leaves: catalogue data
/// (the kind's outcome with the effect `client_ended`), the same table `check` and
/// an import hold the rows to.
pub fn ended_outcome<'a>(catalog: &'a Catalog, kind: &str) -> Result<&'a str, InputError> {
    catalog
        .kind(kind)?
        .outcome_with(OutcomeEffect::ClientEnded)
        .ok_or_else(|| InputError::NoEndedOutcome {
            kind: kind.to_owned(),
        })
}

/// Uitstroom on `on` for `reason`. An aanvraag still waiting for its besluit is
/// refused (the law wants one), except in a handover, where it goes along; other open work is refused unless `settle`, which
/// closes each item and activity with the outcome its kind names for uitstroom,
/// with the uitstroom as reason. A day after today plans the uitstroom: the client
/// stays until then, and that day's sweep ends them by this same rule.
pub fn end_client(
    client: &Client,
    open: &OpenWork,
    on: NaiveDate,
    reason: &str,
    settle: bool,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    refuse_ended(client)?;
    let reason_name = catalog.end_reason(reason)?.name.clone();
    if on > today {
        dated(
            "de datum van uitstroom",
            on,
            Some(("de inschrijving", client.registered_on)),
            on,
        )?;
        return Ok(vec![Effect::PlanEnd {
            client: client.id,
            on,
            reason: reason.to_owned(),
            settle,
        }]);
    }
    dated(
        "de datum van uitstroom",
        on,
        Some(("de inschrijving", client.registered_on)),
        today,
    )?;
    // A handover is no uitstroom: the aanvraag travels with the client, and its
    // besluit is the new klantmanager's to take.
    if let Some(id) = open.applications.first().filter(|_| reason != HANDED_OVER) {
        return Err(InputError::OpenApplication { id: *id });
    }
    if !open.is_empty() && !settle {
        return Err(InputError::OpenWork {
            id: client.id,
            open: open.describe(),
        });
    }
    let note = Some(format!("Uitstroom: {}", reason_name.to_lowercase()));
    let mut effects = Vec::new();
    for item in &open.items {
        effects.push(Effect::CloseItem {
            item: item.id,
            outcome: ended_outcome(catalog, &item.kind)?.to_owned(),
            note: note.clone(),
        });
    }
    for activity in &open.activities {
        effects.push(Effect::FinishActivity {
            activity: activity.id,
            outcome: ended_outcome(catalog, &activity.kind)?.to_owned(),
            note: note.clone(),
        });
    }
    effects.push(Effect::EndClient {
        client: client.id,
        on,
        reason: reason.to_owned(),
    });
    Ok(effects)
}

/// The planned uitstroom's day has come (the sweep asks): the client is ended by
/// the rule of `end_client` as of that day. Where that rule refuses (open work not
/// to be settled, an aanvraag waiting for its besluit), the plan becomes a work item
/// due that day, so that nothing is closed that the klantmanager did not decide.
pub fn planned_end_due(
    client: &Client,
    open: &OpenWork,
    catalog: &Catalog,
    today: NaiveDate,
) -> Vec<Effect> {
    let Some(plan) = &client.planned_end else {
        return Vec::new();
    };
    match end_client(
        client,
        open,
        plan.on,
        &plan.reason,
        plan.settle,
        catalog,
        today,
    ) {
        Ok(effects) => effects,
        Err(why) => {
            let why = match why {
                InputError::OpenWork { open, .. } => format!("nog open: {open}"),
                InputError::OpenApplication { id } => {
                    format!("aanvraag {id} wacht op een besluit")
                }
                other => other.to_string(),
            };
            vec![
                Effect::CancelPlannedEnd {
                    client: client.id,
                    on: plan.on,
                    reason: plan.reason.clone(),
                },
                Effect::AddFollowUp {
                    client: client.id,
                    title: format!(
                        "Uitstroom per {} ({}): {why}; handel het af en leg de uitstroom vast",
                        super::date::dutch(plan.on),
                        catalog.end_reason_name(&plan.reason).to_lowercase()
                    ),
                    due: plan.on,
                },
            ]
        }
    }
}

/// Heraanmelding: an ended client is back in the caseload, with their history. For
/// a client whose uitstroom is only planned, the plan is dropped.
pub fn reopen_client(client: &Client) -> Result<Vec<Effect>, InputError> {
    match (client.ended_on, &client.end_reason, &client.planned_end) {
        (Some(ended_on), Some(reason), _) => Ok(vec![Effect::ReopenClient {
            client: client.id,
            ended_on,
            reason: reason.clone(),
        }]),
        (None, _, Some(plan)) => Ok(vec![Effect::CancelPlannedEnd {
            client: client.id,
            on: plan.on,
            reason: plan.reason.clone(),
        }]),
        _ => Err(InputError::ClientNotEnded { id: client.id }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn client() -> Client {
        Client {
            id: 7,
            name: "Fatima el Amrani".into(),
            bsn: None,
            birth_date: Some(d("1990-04-02")),
            category: "job_ready".into(),
            phone: None,
            email: None,
            contact_preference: None,
            parts: Default::default(),
            address: Default::default(),
            registered_on: d("2026-01-05"),
            ended_on: None,
            end_reason: None,
            planned_end: None,
            risk_profile: None,
        }
    }

    fn catalog() -> Catalog {
        use crate::domain::catalog::{Category, Channel, WorkItemKind};
        let kind = |code: &str, outcomes: &[(&str, OutcomeEffect)]| WorkItemKind {
            code: code.into(),
            name: code.into(),
            urgency: 0,
            legal: false,
            outcomes: outcomes.iter().map(|(o, _)| (*o).into()).collect(),
            effects: outcomes.iter().map(|(_, e)| *e).collect(),
            next: Vec::new(),
        };
        let category = |code: &str| Category {
            code: code.into(),
            name: code.into(),
            description: String::new(),
            contact_rhythm_days: if code == "beheer" { 182 } else { 28 },
            retry_days: 2,
            activity_types: Vec::new(),
        };
        Catalog {
            categories: vec![category("job_ready"), category("beheer")],
            activity_types: Vec::new(),
            work_item_kinds: vec![
                kind(
                    "traject",
                    &[
                        ("afgerond", OutcomeEffect::Finish),
                        ("uitstroom", OutcomeEffect::ClientEnded),
                    ],
                ),
                kind(
                    "contact",
                    &[
                        ("gesproken", OutcomeEffect::Contact),
                        ("weer_in_beeld", OutcomeEffect::Settled),
                        ("uitstroom", OutcomeEffect::ClientEnded),
                    ],
                ),
                kind("vervolgactie", &[("uitgevoerd", OutcomeEffect::Finish)]),
            ],
            outcomes: Vec::new(),
            channels: Vec::new(),
            end_reasons: vec![
                Channel {
                    code: "werk".into(),
                    name: "Werk".into(),
                    counts_as_contact: true,
                },
                Channel {
                    code: HANDED_OVER.into(),
                    name: "Overgedragen".into(),
                    counts_as_contact: true,
                },
            ],
            risk_profiles: Vec::new(),
        }
    }

    fn piece(id: i64, title: &str, kind: &str) -> OpenPiece {
        OpenPiece {
            id,
            title: title.into(),
            kind: kind.into(),
        }
    }

    fn open_work() -> OpenWork {
        OpenWork {
            activities: vec![piece(3, "Traject", "traject")],
            items: vec![piece(9, "Contact opnemen", "contact")],
            applications: Vec::new(),
        }
    }

    #[test]
    fn uitstroom_with_open_work_is_refused_unless_settled() {
        let today = d("2026-11-23");
        let refused = end_client(
            &client(),
            &open_work(),
            today,
            "werk",
            false,
            &catalog(),
            today,
        );
        assert!(
            matches!(&refused, Err(InputError::OpenWork { open, .. }) if open == "1 activiteit, 1 werkitem"),
            "{refused:?}"
        );
        let effects = end_client(
            &client(),
            &open_work(),
            today,
            "werk",
            true,
            &catalog(),
            today,
        )
        .unwrap();
        assert_eq!(
            effects,
            vec![
                Effect::CloseItem {
                    item: 9,
                    outcome: "uitstroom".into(),
                    note: Some("Uitstroom: werk".into())
                },
                Effect::FinishActivity {
                    activity: 3,
                    outcome: "uitstroom".into(),
                    note: Some("Uitstroom: werk".into())
                },
                Effect::EndClient {
                    client: 7,
                    on: today,
                    reason: "werk".into()
                },
            ]
        );
    }

    #[test]
    fn a_kind_without_an_outcome_for_uitstroom_refuses_it() {
        let today = d("2026-11-23");
        let mut open = open_work();
        open.items.push(piece(10, "Bellen", "vervolgactie"));
        assert_eq!(
            end_client(&client(), &open, today, "werk", true, &catalog(), today),
            Err(InputError::NoEndedOutcome {
                kind: "vervolgactie".into()
            })
        );
    }

    #[test]
    fn an_aanvraag_without_besluit_keeps_the_client_even_when_settling() {
        let today = d("2026-11-23");
        let mut open = open_work();
        open.applications.push(4);
        assert_eq!(
            end_client(&client(), &open, today, "werk", true, &catalog(), today),
            Err(InputError::OpenApplication { id: 4 })
        );
    }

    #[test]
    fn a_handover_takes_the_aanvraag_along() {
        let today = d("2026-11-23");
        let mut open = open_work();
        open.applications.push(4);
        let effects = end_client(
            &client(),
            &open,
            today,
            HANDED_OVER,
            true,
            &catalog(),
            today,
        )
        .expect("a handover is no uitstroom");
        assert!(
            matches!(effects.last(), Some(Effect::EndClient { reason, .. }) if reason == HANDED_OVER),
            "{effects:?}"
        );
    }

    #[test]
    fn a_category_change_needs_a_reason_and_a_day_that_happened() {
        let today = d("2026-11-23");
        let c = client();
        assert_eq!(
            change_category(&c, &change(), ("beheer", today, " "), &catalog(), today),
            Err(InputError::Empty("de reden"))
        );
        assert!(matches!(
            change_category(
                &c,
                &change(),
                ("beheer", d("2026-11-24"), "x"),
                &catalog(),
                today
            ),
            Err(InputError::InFuture { .. })
        ));
        assert!(matches!(
            change_category(&c, &change(), ("job_ready", today, "x"), &catalog(), today),
            Err(InputError::SameCategory { .. })
        ));
        let mut later = change();
        later.last_change = Some(d("2026-11-01"));
        assert_eq!(
            change_category(
                &c,
                &later,
                ("beheer", d("2026-10-15"), "x"),
                &catalog(),
                today
            ),
            Err(InputError::Before {
                what: "de datum van de wijziging",
                date: d("2026-10-15"),
                before_what: "de laatste wijziging van categorie",
                before: d("2026-11-01"),
            }),
            "the history would contradict the category"
        );
    }

    #[test]
    fn a_change_that_brings_the_client_back_in_view_settles_contact_opnemen() {
        let today = d("2026-11-23");
        // Spoken on 1 October: out of view in job ready (28 days), in view in beheer.
        let effects = change_category(
            &client(),
            &change(),
            ("beheer", today, "ziek"),
            &catalog(),
            today,
        )
        .unwrap();
        assert_eq!(
            effects.last(),
            Some(&Effect::CloseItem {
                item: 90,
                outcome: "weer_in_beeld".into(),
                note: Some("weer in beeld met het ritme van 182 dagen".into()),
            })
        );
    }

    fn change() -> ChangeContext {
        ChangeContext {
            last_change: None,
            in_view: crate::domain::handling::ClientContext {
                id: 7,
                contact_preference: None,
                registered_on: d("2026-01-05"),
                last_contact: Some(d("2026-10-01")),
                rhythm_days: 28,
                retry_days: 2,
                open_rhythm_items: vec![90],
                risk_months: None,
            },
        }
    }

    #[test]
    fn an_edit_checks_the_bsn_and_says_when_nothing_changed() {
        let today = d("2026-11-23");
        let c = client();
        let bad = ClientEdit {
            bsn: Some("123456789".into()),
            ..ClientEdit::default()
        };
        assert!(matches!(
            edit_client(&c, &bad, &catalog(), today),
            Err(InputError::Bsn(..))
        ));
        let same = ClientEdit {
            name: Some("Fatima el Amrani".into()),
            ..ClientEdit::default()
        };
        assert_eq!(
            edit_client(&c, &same, &catalog(), today),
            Err(InputError::NothingChanged)
        );
        let phone = ClientEdit {
            phone: Some("06 1234 5678".into()),
            ..ClientEdit::default()
        };
        let effects = edit_client(&c, &phone, &catalog(), today).unwrap();
        assert!(
            matches!(&effects[..], [Effect::UpdateClient { new, .. }] if new.phone.as_deref() == Some("06 1234 5678"))
        );
        // The place alone; a wrong postcode is refused.
        let place = ClientEdit {
            address: Some(", 8011ab Zwolle".into()),
            ..ClientEdit::default()
        };
        let effects = edit_client(&c, &place, &catalog(), today).unwrap();
        assert!(matches!(&effects[..], [Effect::UpdateClient { new, .. }]
                if new.address.lines().is_none() && new.address.postcode.as_deref() == Some("8011 AB")));
        let wrong = ClientEdit {
            address: Some("Kerkstraat 1, 801 AB Zwolle".into()),
            ..ClientEdit::default()
        };
        assert!(matches!(
            edit_client(&c, &wrong, &catalog(), today),
            Err(InputError::Postcode(_))
        ));
    }
}
