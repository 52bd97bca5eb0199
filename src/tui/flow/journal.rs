//! The client's journal: a contactmoment, a note, and their corrections.

use chrono::NaiveDate;

use super::{channels, note_field, past_date, Here, Need, Start, Starter};
use crate::domain::date::dutch;
use crate::domain::journal::{Contact, NewContact, NewNote, Note};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup};
use crate::workflow;

#[derive(Debug, Clone)]
enum JournalEdit {
    AddContact(NewContact),
    AddNote(NewNote),
    CorrectNote {
        id: i64,
        text: String,
    },
    CorrectContact {
        id: i64,
        date: NaiveDate,
        channel: String,
        note: Option<String>,
    },
}

const DISCUSSED: &str = "Wat is er besproken? (mag leeg)";

/// A contactmoment: the channel, then the day and what was discussed.
pub fn contact(here: &Here, client_id: i64) -> Start {
    let today = here.today;
    let options = channels(here.catalog)
        .into_iter()
        .map(|(code, name)| (code, Choice::new(name)))
        .collect();
    Ok(Popup::Picker(Picker::new(
        "Contactmoment: kanaal",
        options,
        move |channel: &String, choice| {
            let form = Form::new(
                format!("Contactmoment: {}", choice.label),
                vec![past_date("date", "Datum", today), note_field(DISCUSSED)],
            );
            let channel = channel.clone();
            push(popup::form(form, move |values| {
                Ok(Intent::edit(JournalEdit::AddContact(NewContact {
                    client_id,
                    channel: channel.clone(),
                    date: values.date("date")?,
                    note: values.optional_text("note")?,
                })))
            }))
        },
    )))
}

/// A note, written today.
pub fn note(here: &Here, client_id: i64, client_name: &str) -> Start {
    let today = here.today;
    let form = Form::new(
        format!("Notitie voor {client_name}"),
        vec![Field::new("text", "Notitie", FieldKind::Multiline, "")],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(JournalEdit::AddNote(NewNote {
            client_id,
            date: today,
            text: values.text("text")?,
        })))
    }))
}

pub fn correct_note(note: &Note) -> Start {
    let id = note.id;
    let form = Form::new(
        format!("Notitie van {} corrigeren", dutch(note.date)),
        vec![Field::new(
            "text",
            "Notitie",
            FieldKind::Multiline,
            &note.text,
        )],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(JournalEdit::CorrectNote {
            id,
            text: values.text("text")?,
        }))
    }))
}

pub fn correct_contact(here: &Here, contact: &Contact) -> Start {
    let id = contact.id;
    let form = Form::new(
        "Contactmoment corrigeren",
        vec![
            Field::new(
                "date",
                "Datum",
                FieldKind::Date {
                    not_before: None,
                    not_after: Some(here.today),
                },
                &contact.date.to_string(),
            ),
            Field::choice(
                "channel",
                "Kanaal",
                channels(here.catalog),
                false,
                Some(&contact.channel),
            ),
            Field::new(
                "note",
                DISCUSSED,
                FieldKind::OptionalText,
                contact.note.as_deref().unwrap_or(""),
            ),
        ],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(JournalEdit::CorrectContact {
            id,
            date: values.date("date")?,
            channel: values.text("channel")?,
            note: values.optional_text("note")?,
        }))
    }))
}

/// A contactmoment, a note, a correction of either.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::AddContact,
        needs: Need::Client,
        start: |on| Some(contact(&on.here, on.client.as_ref()?.0)),
    },
    Starter {
        action: Action::AddNote,
        needs: Need::Client,
        start: |on| {
            let (id, name) = on.client.as_ref()?;
            Some(note(&on.here, *id, name))
        },
    },
    Starter {
        action: Action::Correct,
        needs: Need::Journal,
        start: |on| {
            let view = on.dossier?;
            match (view.selected_note(), view.selected_contact()) {
                (Some(note), _) => Some(correct_note(note)),
                (_, Some(contact)) => Some(correct_contact(&on.here, contact)),
                _ => None,
            }
        },
    },
];

impl Edit for JournalEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        Ok(match self {
            JournalEdit::AddContact(new) => {
                let done = workflow::add_contact(cx.store, new, today)?;
                Applied::done("Contactmoment", &done, cx.catalog)
            }
            JournalEdit::AddNote(new) => {
                // Its summary says no more than this.
                workflow::add_note(cx.store, new, today)?;
                Applied::say("Notitie bewaard")
            }
            JournalEdit::CorrectNote { id, text } => {
                let done = workflow::correct_note(cx.store, *id, text, today)?;
                Applied::done("Correctie bewaard", &done, cx.catalog)
            }
            JournalEdit::CorrectContact {
                id,
                date,
                channel,
                note,
            } => {
                let done = workflow::correct_contact(
                    cx.store,
                    *id,
                    Some(*date),
                    Some(channel),
                    Some(note.as_deref().unwrap_or("")),
                    today,
                )?;
                Applied::done("Correctie bewaard", &done, cx.catalog)
            }
        })
    }
}
