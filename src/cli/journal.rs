//! `inbeeld contact add` and `inbeeld note add`.

use super::args::{ContactCommand, NoteCommand};
use super::{print_id, Context};
use crate::domain::date::parse_date;
use crate::domain::error::{optional_text, required_text};
use crate::domain::journal::{NewContact, NewNote};

pub fn run_contact(ctx: &Context, command: ContactCommand) -> anyhow::Result<()> {
    let ContactCommand::Add {
        client,
        channel,
        date,
        note,
    } = command;
    let new = NewContact {
        client_id: client,
        channel: channel.trim().to_owned(),
        date: match date {
            Some(text) => parse_date(&text)?,
            None => ctx.today,
        },
        note: optional_text(note.as_deref()),
    };
    let id = ctx.open()?.add_contact(&new, ctx.today)?;
    print_id(id)
}

pub fn run_note(ctx: &Context, command: NoteCommand) -> anyhow::Result<()> {
    let NoteCommand::Add { client, text } = command;
    let new = NewNote {
        client_id: client,
        date: ctx.today,
        text: required_text("de tekst van een notitie", &text)?,
    };
    let id = ctx.open()?.add_note(&new)?;
    print_id(id)
}
