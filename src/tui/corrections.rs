//! The forms of a client's course and of corrections: a new client, details,
//! doorstroom, uitstroom, an afspraak moved, an item reopened, a note or contact
//! corrected, and the question before an undo.

use std::path::Path;

use chrono::NaiveDate;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::chrome::centered;
use super::form::{Field, FieldKind, Form};
use super::popup::{simple_choices, Intent, Pick, Picker, Popup, Purpose};
use crate::domain::activity::Activity;
use crate::domain::catalog::Catalog;
use crate::domain::client::Client;
use crate::domain::date::dutch;
use crate::domain::journal::{Contact, Note};
use crate::domain::lifecycle::OpenWork;
use crate::store::EditInfo;

fn not_after(today: NaiveDate) -> FieldKind {
    FieldKind::Date {
        not_before: None,
        not_after: Some(today),
    }
}

pub fn new_client_picker(catalog: &Catalog, today: NaiveDate) -> Popup {
    let categories: Vec<(String, String)> = catalog
        .categories
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    Popup::Picker(Picker::new(
        "Nieuwe klant: categorie".to_owned(),
        simple_choices(&categories),
        Pick::NewClientCategory,
        today,
    ))
}

pub fn new_client_form(category: &str, label: &str, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Nieuwe klant ({label})"),
            vec![
                Field::new("Naam", FieldKind::Text, ""),
                Field::new(
                    "Geboortedatum (mag leeg)",
                    FieldKind::OptionalDate {
                        not_after: Some(today),
                    },
                    "",
                ),
                Field::new("BSN (mag leeg)", FieldKind::OptionalBsn, ""),
                Field::new("Telefoon (mag leeg)", FieldKind::OptionalText, ""),
                Field::new("E-mail (mag leeg)", FieldKind::OptionalText, ""),
            ],
        ),
        Purpose::NewClient {
            category: category.to_owned(),
            confirmed: false,
        },
    )
}

pub fn edit_client_form(
    client: &Client,
    channels: Vec<(String, String)>,
    today: NaiveDate,
) -> Popup {
    let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
    Popup::Form(
        Form::new(
            format!("Gegevens van {}", client.name),
            vec![
                Field::new("Naam", FieldKind::Text, &client.name),
                Field::new(
                    "Geboortedatum (mag leeg)",
                    FieldKind::OptionalDate {
                        not_after: Some(today),
                    },
                    &client.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                ),
                Field::new(
                    "BSN (mag leeg)",
                    FieldKind::OptionalBsn,
                    client.bsn.as_ref().map_or("", |b| b.as_str()),
                ),
                Field::new(
                    "Telefoon (mag leeg)",
                    FieldKind::OptionalText,
                    &or_empty(&client.phone),
                ),
                Field::new(
                    "E-mail (mag leeg)",
                    FieldKind::OptionalText,
                    &or_empty(&client.email),
                ),
                Field::choice(
                    "Voorkeurskanaal (telefoon, whatsapp, e-mail, …; mag leeg)",
                    channels,
                    true,
                    client.contact_preference.as_deref(),
                ),
            ],
        ),
        Purpose::EditClient {
            client_id: client.id,
        },
    )
}

pub fn category_picker(catalog: &Catalog, client: &Client, today: NaiveDate) -> Popup {
    let categories: Vec<(String, String)> = catalog
        .categories
        .iter()
        .filter(|c| c.code != client.category)
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    Popup::Picker(Picker::new(
        format!(
            "Doorstroom: nu {}, wordt",
            catalog.category_name(&client.category)
        ),
        simple_choices(&categories),
        Pick::Category {
            client_id: client.id,
        },
        today,
    ))
}

pub fn category_form(client_id: i64, to: &str, label: &str, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Doorstroom naar {label}"),
            vec![
                Field::new("Vanaf", not_after(today), &today.to_string()),
                Field::new("Reden", FieldKind::Text, ""),
            ],
        ),
        Purpose::Category {
            client_id,
            to: to.to_owned(),
        },
    )
}

/// The reasons for uitstroom; what is open goes along to the form that says how it
/// will be settled.
pub fn end_reason_picker(
    catalog: &Catalog,
    client_id: i64,
    open: &OpenWork,
    today: NaiveDate,
) -> Popup {
    let reasons: Vec<(String, String)> = catalog
        .end_reasons
        .iter()
        .map(|r| (r.code.clone(), r.name.clone()))
        .collect();
    let mut lines: Vec<String> = open
        .items
        .iter()
        .map(|p| format!("werkitem {}: {}", p.id, p.title))
        .collect();
    lines.extend(
        open.activities
            .iter()
            .map(|p| format!("activiteit {}: {}", p.id, p.title)),
    );
    Popup::Picker(Picker::new(
        "Uitstroom: reden".to_owned(),
        simple_choices(&reasons),
        Pick::EndReason {
            client_id,
            open: lines,
        },
        today,
    ))
}

pub fn end_form(
    client_id: i64,
    reason: &str,
    label: &str,
    open: &[String],
    today: NaiveDate,
) -> Popup {
    // A later day plans the uitstroom ("per 1 januari"): the client stays until then.
    let mut form = Form::new(
        format!("Uitstroom ({label})"),
        vec![Field::date("Datum van uitstroom (later: gepland)", today)],
    );
    if open.is_empty() {
        form.intro = vec!["Niets staat nog open.".to_owned()];
    } else {
        form.intro = vec![format!(
            "Vervalt door uitstroom, met reden 'Uitstroom: {}' (Esc: eerst zelf afhandelen):",
            label.to_lowercase()
        )];
        // A long list is summed up: every line of it would not fit.
        let shown = 6;
        form.intro
            .extend(open.iter().take(shown).map(|l| format!("  · {l}")));
        if open.len() > shown {
            form.intro
                .push(format!("  · en nog {} meer", open.len() - shown));
        }
    }
    Popup::Form(
        form,
        Purpose::EndClient {
            client_id,
            reason: reason.to_owned(),
            settle: !open.is_empty(),
        },
    )
}

pub fn move_form(activity: &Activity, channels: Vec<(String, String)>, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Afspraak verplaatsen: {}", activity.title),
            vec![
                Field::new(
                    "Datum",
                    FieldKind::Date {
                        not_before: Some(today),
                        not_after: None,
                    },
                    &activity.end_date.to_string(),
                )
                .deadline(),
                Field::new(
                    "Tijd (mag leeg)",
                    FieldKind::OptionalTime,
                    activity.time.as_deref().unwrap_or(""),
                ),
                Field::choice(
                    "Kanaal (telefoon, op locatie, beeldbellen, …)",
                    channels,
                    false,
                    activity.channel.as_deref(),
                ),
            ],
        ),
        Purpose::MoveAppointment { id: activity.id },
    )
}

pub fn reopen_form(id: i64, title: &str) -> Popup {
    Popup::Form(
        Form::new(
            format!("Heropenen: {title}"),
            vec![Field::new("Reden (een correctie)", FieldKind::Text, "")],
        ),
        Purpose::ReopenItem { id },
    )
}

pub fn correct_note_form(note: &Note) -> Popup {
    Popup::Form(
        Form::new(
            format!("Notitie van {} corrigeren", dutch(note.date)),
            vec![Field::new("Notitie", FieldKind::Multiline, &note.text)],
        ),
        Purpose::CorrectNote { id: note.id },
    )
}

pub fn correct_contact_form(
    contact: &Contact,
    channels: Vec<(String, String)>,
    today: NaiveDate,
) -> Popup {
    Popup::Form(
        Form::new(
            "Contactmoment corrigeren".to_owned(),
            vec![
                Field::new("Datum", not_after(today), &contact.date.to_string()),
                Field::choice("Kanaal", channels, false, Some(&contact.channel)),
                Field::new(
                    "Wat is er besproken? (mag leeg)",
                    FieldKind::OptionalText,
                    contact.note.as_deref().unwrap_or(""),
                ),
            ],
        ),
        Purpose::CorrectContact { id: contact.id },
    )
}

/// The question before an undo: it names what will be undone.
pub fn undo_confirm(edit: &EditInfo) -> Popup {
    let time = edit.local_time();
    Popup::Confirm {
        title: "Ongedaan maken?".to_owned(),
        lines: vec![
            format!("Vandaag om {time}: {}", edit.summary),
            "Dit wordt teruggezet; niets wordt verwijderd, het blijft in de geschiedenis."
                .to_owned(),
        ],
        intent: Intent::Undo { id: edit.id },
    }
}

pub fn draw_confirm(frame: &mut Frame, title: &str, lines: &[String]) {
    let height = lines.len() as u16 * 2 + 3;
    let area = centered(frame.area(), 66, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(" j/Enter: ja · n/Esc: nee ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text: Vec<Line> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::from(l.as_str()).bold()
            } else {
                Line::from(l.as_str())
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

/// A handover: the bundle's file, suggested beside the database.
pub fn handover_form(clients: &[(i64, String)], folder: &Path, today: NaiveDate) -> Popup {
    let path = folder.join(format!("overdracht-{today}.json.age"));
    let mut form = Form::new(
        format!(
            "Overdracht van {}",
            super::chrome::count(clients.len(), "klant", "klanten")
        ),
        vec![
            Field::new(
                "Bestand voor de overdrachtsbundel",
                FieldKind::Text,
                &path.display().to_string(),
            ),
            Field::new("Wachtwoordzin", FieldKind::Passphrase, ""),
            Field::new("Nog eens", FieldKind::SameAs { of: 1 }, ""),
        ],
    );
    let shown = 6;
    form.intro = clients
        .iter()
        .take(shown)
        .map(|(id, name)| format!("· {name} ({id})"))
        .collect();
    if clients.len() > shown {
        form.intro
            .push(format!("· en nog {} meer", clients.len() - shown));
    }
    form.intro.push(
        "De bundel wordt versleuteld: geef de wachtwoordzin apart door, niet in dezelfde mail."
            .to_owned(),
    );
    form.intro
        .push("Daarna kunt u ze uitschrijven als overgedragen.".to_owned());
    Popup::Form(
        form,
        Purpose::Handover {
            ids: clients.iter().map(|(id, _)| *id).collect(),
        },
    )
}

/// After the bundle was written: end the clients as overgedragen now? `kept`
/// names the clients who stay (an aanvraag waiting for its besluit).
pub fn handover_end_confirm(
    ids: Vec<i64>,
    path: &Path,
    count: usize,
    kept: &[String],
    today: NaiveDate,
) -> Popup {
    let mut lines = vec![
        format!(
            "{} in {}.",
            super::chrome::count(count, "klant staat", "klanten staan"),
            path.display()
        ),
        format!(
            "Nu {} uitschrijven als overgedragen? Hun open werk vervalt met die reden.",
            super::chrome::count(ids.len(), "klant", "klanten")
        ),
    ];
    lines.extend(kept.iter().cloned());
    lines.push(
        "Nee: ze blijven in de caseload; later kan het met uitstroom in het dossier.".to_owned(),
    );
    Popup::Confirm {
        title: "Uitschrijven als overgedragen?".to_owned(),
        lines,
        intent: Intent::EndClients {
            ids,
            on: today,
            reason: crate::domain::lifecycle::HANDED_OVER.to_owned(),
        },
    }
}
