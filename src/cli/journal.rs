//! `inbeeld contact add` and `inbeeld note add`.

use super::args::{ContactCommand, NoteCommand};
use super::{print_id, Context};
use crate::domain::date::parse_date;
use crate::domain::error::{optional_text, required_text};
use crate::domain::journal::{NewContact, NewNote};
use crate::workflow;

pub fn run_contact(ctx: &Context, command: ContactCommand) -> anyhow::Result<()> {
    let (client, channel, date, note) = match command {
        ContactCommand::Add {
            client,
            channel,
            date,
            note,
        } => (client, channel, date, note),
        ContactCommand::Correct {
            id,
            date,
            channel,
            note,
        } => {
            return super::corrections::run_contact_correct(
                ctx,
                id,
                date.as_deref(),
                channel.as_deref(),
                note.as_deref(),
            )
        }
    };
    let new = NewContact {
        client_id: client,
        channel: channel.trim().to_owned(),
        date: match date {
            Some(text) => parse_date(&text)?,
            None => ctx.today,
        },
        note: optional_text(note.as_deref()),
    };
    let done = workflow::add_contact(&mut ctx.open_swept()?, &new, ctx.today)?;
    print_id(done.id())
}

pub fn run_note(ctx: &Context, command: NoteCommand) -> anyhow::Result<()> {
    let (client, text) = match command {
        NoteCommand::Add { client, text } => (client, text),
        NoteCommand::Correct { id, text } => {
            return super::corrections::run_note_correct(ctx, id, &text)
        }
    };
    let new = NewNote {
        client_id: client,
        date: ctx.today,
        text: required_text("de tekst van een notitie", &text)?,
    };
    let done = workflow::add_note(&mut ctx.open()?, &new, ctx.today)?;
    print_id(done.id())
}
