//! The commands of a client's course and of corrections: `client edit|category|end|
//! reopen`, `appointment move|cancel`, `item reopen`, `note correct`, `contact
//! correct` and `undo`.

use std::io::{BufRead, IsTerminal, Write};

use super::{print_failed, report, Context};
use crate::domain::appointment::AppointmentMove;
use crate::domain::date::{dutch, parse_date};
use crate::domain::lifecycle::ClientEdit;
use crate::domain::InputError;
use crate::workflow;

pub fn run_client_edit(ctx: &Context, id: i64, edit: ClientEdit) -> anyhow::Result<()> {
    let done = workflow::edit_client(&mut ctx.open()?, id, &edit, ctx.today)?;
    report(&done)
}

pub fn run_category(
    ctx: &Context,
    id: i64,
    to: &str,
    reason: &str,
    date: Option<&str>,
) -> anyhow::Result<()> {
    let on = super::date_or_today(ctx, date)?;
    let done = workflow::change_category(&mut ctx.open()?, id, to.trim(), on, reason, ctx.today)?;
    report(&done)
}

pub fn run_end(
    ctx: &Context,
    id: i64,
    reason: &str,
    date: Option<&str>,
    settle: bool,
) -> anyhow::Result<()> {
    let on = super::date_or_today(ctx, date)?;
    // Swept first: what the day raised is open work too.
    let done = workflow::end_client(
        &mut ctx.open_swept()?,
        id,
        on,
        reason.trim(),
        settle,
        ctx.today,
    )?;
    report(&done)
}

pub fn run_reopen_client(ctx: &Context, id: i64) -> anyhow::Result<()> {
    let done = workflow::reopen_client(&mut ctx.open()?, id, ctx.today)?;
    report(&done)
}

pub fn run_move(
    ctx: &Context,
    id: i64,
    date: Option<&str>,
    time: Option<String>,
    channel: Option<String>,
) -> anyhow::Result<()> {
    let to = AppointmentMove {
        date: date.map(parse_date).transpose()?,
        time,
        channel,
    };
    let mut store = ctx.open()?;
    let done = workflow::move_appointment(&mut store, id, &to, ctx.today)?;
    let moved = store.activity(id)?;
    for warning in
        workflow::appointment_warnings(&store, moved.end_date, moved.time.as_deref(), Some(id))?
    {
        super::say(&format!("inbeeld: {warning}"));
    }
    report(&done)
}

pub fn run_cancel(ctx: &Context, id: i64, reason: &str) -> anyhow::Result<()> {
    let done = workflow::cancel_appointment(&mut ctx.open()?, id, reason, ctx.today)?;
    report(&done)
}

pub fn run_reopen_item(ctx: &Context, id: i64, reason: &str) -> anyhow::Result<()> {
    let done = workflow::reopen_item(&mut ctx.open()?, id, reason, ctx.today)?;
    report(&done)
}

pub fn run_note_correct(ctx: &Context, id: i64, text: &str) -> anyhow::Result<()> {
    let done = workflow::correct_note(&mut ctx.open()?, id, text, ctx.today)?;
    report(&done)
}

pub fn run_contact_correct(
    ctx: &Context,
    id: i64,
    date: Option<&str>,
    channel: Option<&str>,
    note: Option<&str>,
) -> anyhow::Result<()> {
    let date = date.map(parse_date).transpose()?;
    let done = workflow::correct_contact(&mut ctx.open()?, id, date, channel, note, ctx.today)?;
    report(&done)
}

/// Says what it will undo; undoes it after a "j" (or at once with `--yes`). Without
/// a terminal to ask on, only `--yes` undoes.
pub fn run_undo(ctx: &Context, yes: bool) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let edit = workflow::undoable(&store, ctx.today)?.ok_or(InputError::NothingToUndo)?;
    let question = format!(
        "Ongedaan maken: {} (vandaag, {}, om {})?",
        edit.summary,
        dutch(ctx.today),
        edit.local_time()
    );
    if !yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            anyhow::bail!("{question} Geef --yes om het zonder vragen te doen.");
        }
        write!(std::io::stdout(), "{question} [j/N] ").map_err(print_failed)?;
        std::io::stdout().flush().map_err(print_failed)?;
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "j" | "J" | "ja" | "y") {
            return super::output::line("Niets ongedaan gemaakt.");
        }
    }
    let undone = workflow::undo(&mut store, edit.id, ctx.today)?;
    super::output::line(&format!("Ongedaan gemaakt: {}", undone.summary))
}
