//! A client's course: inschrijven, details, doorstroom, uitstroom and
//! heraanmelden.

use chrono::NaiveDate;

use super::{channels, past_date, Here, Need, Start, Starter};
use crate::domain::bsn::Bsn;
use crate::domain::client::{Client, NewClient};
use crate::domain::lifecycle::{ClientEdit, OpenWork};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup};
use crate::workflow;

#[derive(Debug, Clone)]
enum ClientCourse {
    Add(NewClient),
    Edit {
        client_id: i64,
        edit: ClientEdit,
    },
    RiskProfile {
        client_id: i64,
        code: String,
    },
    ChangeCategory {
        client_id: i64,
        to: String,
        on: NaiveDate,
        reason: String,
    },
    End {
        client_id: i64,
        reason: String,
        on: NaiveDate,
        settle: bool,
    },
    Reopen {
        client_id: i64,
    },
}

fn birth_date(name: &'static str, today: NaiveDate, initial: Option<NaiveDate>) -> Field {
    Field::new(
        name,
        "Geboortedatum (mag leeg)",
        FieldKind::OptionalDate {
            not_after: Some(today),
        },
        &initial.map(|d| d.to_string()).unwrap_or_default(),
    )
}

/// A new client: the category, then name, birth date, BSN and how to reach them.
pub fn new_client(here: &Here) -> Start {
    let today = here.today;
    let options = here
        .catalog
        .categories
        .iter()
        .map(|c| (c.code.clone(), Choice::new(c.name.clone())))
        .collect();
    let picker = Picker::new(
        "Nieuwe klant: categorie",
        options,
        move |category: &String, choice| {
            let mut form = Form::new(
                format!("Nieuwe klant ({})", choice.label),
                vec![
                    Field::new("name", "Naam", FieldKind::Text, ""),
                    birth_date("birth_date", today, None),
                    Field::new("bsn", "BSN (mag leeg)", FieldKind::OptionalBsn, ""),
                    Field::new("phone", "Telefoon (mag leeg)", FieldKind::OptionalText, ""),
                    Field::new("email", "E-mail (mag leeg)", FieldKind::OptionalText, ""),
                ],
            );
            form.about_client = false;
            let category = category.clone();
            push(popup::form(form, move |values| {
                // The form checked the BSN's elfproef; what it lets through parses.
                let bsn = values
                    .optional_text("bsn")?
                    .map(|b| Bsn::parse(&b))
                    .transpose()
                    .map_err(|err| err.to_string())?;
                Ok(Intent::edit(Add {
                    new: NewClient {
                        name: values.text("name")?,
                        bsn,
                        birth_date: values.optional_date("birth_date")?,
                        category: category.clone(),
                        phone: values.optional_text("phone")?,
                        email: values.optional_text("email")?,
                        contact_preference: None,
                        ..NewClient::default()
                    },
                    warned: values.warned,
                }))
            }))
        },
    );
    Ok(Popup::Picker(picker.about_no_client()))
}

/// A new client, registered after a warning about one who may exist already.
#[derive(Debug, Clone)]
struct Add {
    new: NewClient,
    /// The klantmanager saw the warning about a client with the same name and
    /// birth date, and registers anyway.
    warned: bool,
}

/// The keys of a client's course.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::NewClient,
        needs: Need::Nothing,
        start: |on| Some(new_client(&on.here)),
    },
    Starter {
        action: Action::EditClient,
        needs: Need::Dossier,
        start: |on| Some(edit(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::ChangeCategory,
        needs: Need::Dossier,
        start: |on| Some(change_category(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::SetRiskProfile,
        needs: Need::Dossier,
        start: |on| Some(risk_profile(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::EndClient,
        needs: Need::Dossier,
        start: |on| Some(end(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::ReopenClient,
        needs: Need::EndedClient,
        start: |on| {
            let ended = on.caseload.selected()?;
            Some(reopen(ended.id, &ended.name))
        },
    },
];

impl Edit for Add {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        if !self.warned {
            if let Some(warning) = workflow::same_client_warning(cx.store, &self.new)? {
                return Err(Refused::Warning(format!(
                    "Let op: {warning}. Enter nogmaals om toch in te schrijven."
                )));
            }
        }
        ClientCourse::Add(self.new.clone()).apply(cx)
    }
}

/// The client's details; an emptied field clears it.
pub fn edit(here: &Here, client: &Client) -> Start {
    let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
    let form = Form::new(
        format!("Gegevens van {}", client.name),
        vec![
            Field::new("name", "Naam", FieldKind::Text, &client.name),
            birth_date("birth_date", here.today, client.birth_date),
            Field::new(
                "bsn",
                "BSN (mag leeg)",
                FieldKind::OptionalBsn,
                client.bsn.as_ref().map_or("", |b| b.as_str()),
            ),
            Field::new(
                "phone",
                "Telefoon (mag leeg)",
                FieldKind::OptionalText,
                &or_empty(&client.phone),
            ),
            Field::new(
                "email",
                "E-mail (mag leeg)",
                FieldKind::OptionalText,
                &or_empty(&client.email),
            ),
            Field::choice(
                "preference",
                "Voorkeurskanaal (telefoon, whatsapp, e-mail, …; mag leeg)",
                channels(here.catalog),
                true,
                client.contact_preference.as_deref(),
            ),
            Field::new(
                "address",
                "Adres: straat huisnummer, postcode woonplaats (mag leeg)",
                FieldKind::OptionalText,
                &client.address.typed(),
            ),
        ],
    );
    let client_id = client.id;
    Ok(popup::form(form, move |values| {
        // Every field is sent: an empty one clears what was stored.
        let cleared = |name| Ok::<_, String>(Some(values.optional_text(name)?.unwrap_or_default()));
        Ok(Intent::edit(ClientCourse::Edit {
            client_id,
            edit: ClientEdit {
                name: Some(values.text("name")?),
                birth_date: Some(
                    values
                        .optional_date("birth_date")?
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
                bsn: cleared("bsn")?,
                phone: cleared("phone")?,
                email: cleared("email")?,
                contact_preference: cleared("preference")?,
                address: cleared("address")?,
            },
        }))
    }))
}

/// Doorstroom: the new category, then from when and why.
pub fn change_category(here: &Here, client: &Client) -> Start {
    let today = here.today;
    let options = here
        .catalog
        .categories
        .iter()
        .filter(|c| c.code != client.category)
        .map(|c| (c.code.clone(), Choice::new(c.name.clone())))
        .collect();
    let title = format!(
        "Doorstroom: nu {}, wordt",
        here.catalog.category_name(&client.category)
    );
    let client_id = client.id;
    Ok(Popup::Picker(Picker::new(
        title,
        options,
        move |to: &String, choice| {
            let form = Form::new(
                format!("Doorstroom naar {}", choice.label),
                vec![
                    past_date("on", "Vanaf", today),
                    Field::new("reason", "Reden", FieldKind::Text, ""),
                ],
            );
            let to = to.clone();
            push(popup::form(form, move |values| {
                Ok(Intent::edit(ClientCourse::ChangeCategory {
                    client_id,
                    to: to.clone(),
                    on: values.date("on")?,
                    reason: values.text("reason")?,
                }))
            }))
        },
    )))
}

/// The risk profile: the catalogue's, the current one marked; choosing one plans
/// the heronderzoek cycle at its interval.
fn risk_profile(here: &Here, client: &Client) -> Start {
    let current = client.risk_profile.clone();
    let options = here
        .catalog
        .risk_profiles
        .iter()
        .map(|p| {
            let note = if current.as_deref() == Some(p.code.as_str()) {
                format!("elke {} maanden · nu", p.months)
            } else {
                format!("elke {} maanden", p.months)
            };
            (p.code.clone(), Choice::with_note(p.name.clone(), note))
        })
        .collect();
    let client_id = client.id;
    Ok(Popup::Picker(Picker::new(
        "Risicoprofiel: om de hoeveel maanden het heronderzoek komt",
        options,
        move |code: &String, _| {
            crate::tui::popup::Reply::Apply(Intent::edit(ClientCourse::RiskProfile {
                client_id,
                code: code.clone(),
            }))
        },
    )))
}

/// Uitstroom: the reason, then the day; the form names what is still open and
/// will lapse with it.
pub fn end(here: &Here, client: &Client) -> Start {
    let open = here.store.open_work(client.id)?;
    let options = here
        .catalog
        .end_reasons
        .iter()
        .map(|r| (r.code.clone(), Choice::new(r.name.clone())))
        .collect();
    let (client_id, today) = (client.id, here.today);
    Ok(Popup::Picker(Picker::new(
        "Uitstroom: reden",
        options,
        move |reason: &String, choice| {
            push(end_form(client_id, reason, &choice.label, &open, today))
        },
    )))
}

fn end_form(client_id: i64, reason: &str, label: &str, open: &OpenWork, today: NaiveDate) -> Popup {
    // A later day plans the uitstroom ("per 1 januari"): the client stays until then.
    let mut form = Form::new(
        format!("Uitstroom ({label})"),
        vec![Field::date(
            "on",
            "Datum van uitstroom (later: gepland)",
            today,
        )],
    );
    // What is open, by what it is: the klantmanager knows no numbers.
    let lines: Vec<String> = open
        .items
        .iter()
        .map(|p| format!("werkitem: {}", p.title))
        .chain(
            open.activities
                .iter()
                .map(|p| format!("activiteit: {}", p.title)),
        )
        .collect();
    if lines.is_empty() {
        form.intro = vec!["Niets staat nog open.".to_owned()];
    } else {
        form.intro = vec![format!(
            "Vervalt door uitstroom, met reden 'Uitstroom: {}' (Esc: eerst zelf afhandelen):",
            label.to_lowercase()
        )];
        // A long list is summed up: every line of it would not fit.
        let shown = 6;
        form.intro
            .extend(lines.iter().take(shown).map(|l| format!("  · {l}")));
        if lines.len() > shown {
            form.intro
                .push(format!("  · en nog {} meer", lines.len() - shown));
        }
    }
    let (reason, settle) = (reason.to_owned(), !lines.is_empty());
    popup::form(form, move |values| {
        Ok(Intent::edit(ClientCourse::End {
            client_id,
            reason: reason.clone(),
            on: values.date("on")?,
            settle,
        }))
    })
}

/// Heraanmelden: an ended client back in the caseload, after a question.
pub fn reopen(client_id: i64, name: &str) -> Start {
    Ok(Popup::Confirm(Question::new(
        "Heraanmelden?",
        vec![
            format!("{name} komt terug in de caseload."),
            "De geschiedenis blijft bewaard.".to_owned(),
        ],
        Intent::edit(ClientCourse::Reopen { client_id }),
    )))
}

/// The client's name for the status line.
fn client_name(cx: &Cx, id: i64) -> String {
    cx.store
        .client(id)
        .map_or_else(|_| "De klant".to_owned(), |c| c.name)
}

impl Edit for ClientCourse {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        Ok(match self {
            ClientCourse::Add(new) => {
                let done = workflow::add_client(cx.store, new, today)?;
                Applied {
                    open_dossier: Some(done.id()),
                    ..Applied::say(format!("{} ingeschreven", new.name))
                }
            }
            ClientCourse::Edit { client_id, edit } => {
                let done = workflow::edit_client(cx.store, *client_id, edit, today)?;
                Applied::done("Gegevens bewaard", &done, cx.catalog)
            }
            ClientCourse::RiskProfile { client_id, code } => {
                let name = client_name(cx, *client_id);
                let done = workflow::set_risk_profile(cx.store, *client_id, code, today)?;
                Applied::done(name, &done, cx.catalog)
            }
            ClientCourse::ChangeCategory {
                client_id,
                to,
                on,
                reason,
            } => {
                let done = workflow::change_category(cx.store, *client_id, to, *on, reason, today)?;
                Applied::done("Doorstroom", &done, cx.catalog)
            }
            ClientCourse::End {
                client_id,
                reason,
                on,
                settle,
            } => {
                let name = client_name(cx, *client_id);
                let done = workflow::end_client(cx.store, *client_id, *on, reason, *settle, today)?;
                Applied::done(name, &done, cx.catalog)
            }
            ClientCourse::Reopen { client_id } => {
                let name = client_name(cx, *client_id);
                let done = workflow::reopen_client(cx.store, *client_id, today)?;
                Applied::done(name, &done, cx.catalog)
            }
        })
    }
}
