//! A client's course through the caseload: details edited, doorstroom to another
//! category, uitstroom (nothing open escapes it) and heraanmelding.

use chrono::NaiveDate;

use super::aanvraag::dated;
use super::bsn::Bsn;
use super::catalog::Catalog;
use super::client::Client;
use super::effects::{ClientDetails, Effect};
use super::error::{optional_text, required_text};
use super::handling::LAPSED;
use super::InputError;

/// The end reason of a client handed over to a colleague (catalogue code).
pub const HANDED_OVER: &str = "overgedragen";

/// What a client's file holds open: uitstroom settles it or is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenWork {
    /// Open activities: id and title.
    pub activities: Vec<(i64, String)>,
    /// Open work items: id and title.
    pub items: Vec<(i64, String)>,
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

/// A change of details: `None` leaves a field as it is, an empty text clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientEdit {
    pub name: Option<String>,
    pub bsn: Option<String>,
    pub birth_date: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_preference: Option<String>,
}

pub fn details(client: &Client) -> ClientDetails {
    ClientDetails {
        name: client.name.clone(),
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
    if new == old {
        return Err(InputError::NothingChanged);
    }
    Ok(vec![Effect::UpdateClient {
        client: client.id,
        old,
        new,
    }])
}

/// Doorstroom: from `on` (not after today, not before registration) the client has
/// category `to`, for `reason`.
pub fn change_category(
    client: &Client,
    to: &str,
    on: NaiveDate,
    reason: &str,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    refuse_ended(client)?;
    catalog.category(to)?;
    if client.category == to {
        return Err(InputError::SameCategory {
            id: client.id,
            category: to.to_owned(),
        });
    }
    let reason = required_text("de reden", reason)?;
    dated(
        "de datum van de wijziging",
        on,
        Some(("de inschrijving", client.registered_on)),
        today,
    )?;
    Ok(vec![Effect::ChangeCategory {
        client: client.id,
        from: client.category.clone(),
        to: to.to_owned(),
        on,
        reason,
    }])
}

fn refuse_ended(client: &Client) -> Result<(), InputError> {
    match client.ended_on {
        Some(on) => Err(InputError::ClientEnded { id: client.id, on }),
        None => Ok(()),
    }
}

/// Uitstroom on `on` for `reason`. An aanvraag still waiting for its besluit is
/// refused (the law wants one); other open work is refused unless `settle`, which
/// lets each item and activity lapse (`vervallen`) with the uitstroom as reason.
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
    dated(
        "de datum van uitstroom",
        on,
        Some(("de inschrijving", client.registered_on)),
        today,
    )?;
    if let Some(id) = open.applications.first() {
        return Err(InputError::OpenApplication { id: *id });
    }
    if !open.is_empty() && !settle {
        return Err(InputError::OpenWork {
            id: client.id,
            open: open.describe(),
        });
    }
    let note = Some(format!("Uitstroom: {}", reason_name.to_lowercase()));
    let mut effects: Vec<Effect> = open
        .items
        .iter()
        .map(|(item, _)| Effect::CloseItem {
            item: *item,
            outcome: LAPSED.to_owned(),
            note: note.clone(),
        })
        .collect();
    effects.extend(
        open.activities
            .iter()
            .map(|(activity, _)| Effect::FinishActivity {
                activity: *activity,
                outcome: LAPSED.to_owned(),
                note: note.clone(),
            }),
    );
    effects.push(Effect::EndClient {
        client: client.id,
        on,
        reason: reason.to_owned(),
    });
    Ok(effects)
}

/// Heraanmelding: an ended client is back in the caseload, with their history.
pub fn reopen_client(client: &Client) -> Result<Vec<Effect>, InputError> {
    match (client.ended_on, &client.end_reason) {
        (Some(ended_on), Some(reason)) => Ok(vec![Effect::ReopenClient {
            client: client.id,
            ended_on,
            reason: reason.clone(),
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
            registered_on: d("2026-01-05"),
            ended_on: None,
            end_reason: None,
        }
    }

    fn catalog() -> Catalog {
        use crate::domain::catalog::{Category, Channel};
        let category = |code: &str| Category {
            code: code.into(),
            name: code.into(),
            description: String::new(),
            contact_rhythm_days: 28,
            activity_types: Vec::new(),
        };
        Catalog {
            categories: vec![category("job_ready"), category("beheer")],
            activity_types: Vec::new(),
            work_item_kinds: Vec::new(),
            outcomes: Vec::new(),
            channels: Vec::new(),
            end_reasons: vec![Channel {
                code: "werk".into(),
                name: "Werk".into(),
            }],
        }
    }

    fn open_work() -> OpenWork {
        OpenWork {
            activities: vec![(3, "Traject".into())],
            items: vec![(9, "Contact opnemen".into())],
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
                    outcome: "vervallen".into(),
                    note: Some("Uitstroom: werk".into())
                },
                Effect::FinishActivity {
                    activity: 3,
                    outcome: "vervallen".into(),
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
    fn a_category_change_needs_a_reason_and_a_day_that_happened() {
        let today = d("2026-11-23");
        let c = client();
        assert_eq!(
            change_category(&c, "beheer", today, " ", &catalog(), today),
            Err(InputError::Empty("de reden"))
        );
        assert!(matches!(
            change_category(&c, "beheer", d("2026-11-24"), "x", &catalog(), today),
            Err(InputError::InFuture { .. })
        ));
        assert!(matches!(
            change_category(&c, "job_ready", today, "x", &catalog(), today),
            Err(InputError::SameCategory { .. })
        ));
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
    }
}
