//! `inbeeld worklist`, `inbeeld item …` and `inbeeld sweep`.

use super::args::{ItemCommand, WorklistArgs};
use super::output::{self, or_dash};
use super::{print_id, Context};
use crate::domain::date::{parse_date, relative};
use crate::domain::work_item::WorkItemDetail;
use crate::domain::InputError;
use crate::workflow;

pub fn run_worklist(ctx: &Context, args: &WorklistArgs) -> anyhow::Result<()> {
    let (items, today) = match &args.as_of {
        None => (ctx.open_swept()?.worklist()?, ctx.today),
        Some(text) => {
            let day = parse_date(text)?;
            if day < ctx.today {
                return Err(InputError::InPast {
                    what: "--as-of",
                    date: day,
                    today: ctx.today,
                }
                .into());
            }
            // Read only: the file is not swept, and SQLite refuses any write to it.
            let store = ctx.open()?;
            store.set_read_only()?;
            (workflow::peek(&store, day)?.worklist()?, day)
        }
    };
    if args.json {
        return output::json(&items);
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            vec![
                item.id.to_string(),
                item.due_date.to_string(),
                relative(item.due_date, today),
                item.client_name.clone(),
                format!("{}{}", item.kind, if item.legal { " §" } else { "" }),
                item.title.clone(),
            ]
        })
        .collect();
    output::table(&["id", "vervalt", "", "klant", "soort", "titel"], &rows)
}

pub fn run_sweep(ctx: &Context) -> anyhow::Result<()> {
    let report = workflow::sweep(&mut ctx.open()?, ctx.today)?;
    output::line(&report.created.to_string())
}

pub fn run_item(ctx: &Context, command: ItemCommand) -> anyhow::Result<()> {
    match command {
        ItemCommand::Add { client, title, due } => {
            let due = parse_date(&due)?;
            let done = workflow::add_follow_up(&mut ctx.open()?, client, &title, due, ctx.today)?;
            print_id(done.id())
        }
        ItemCommand::Show { id, json } => {
            let detail = ctx.open_swept()?.work_item(id)?;
            if json {
                output::json(&detail)
            } else {
                print_item(&detail, ctx)
            }
        }
        ItemCommand::Close {
            id,
            outcome,
            note,
            to,
            follow_up,
            channel,
            time,
            besluit,
        } => {
            let request = super::close_request(
                &outcome,
                note,
                to.as_deref(),
                follow_up,
                (channel, time),
                &besluit,
            )?;
            let mut store = ctx.open_swept()?;
            let client = store.work_item(id)?.item.client_id;
            let request = super::with_sanction_step(ctx, &store, client, request)?;
            let done = workflow::close_item(&mut store, id, &request, ctx.today)?;
            super::report(&done)
        }
        ItemCommand::Postpone { id, to, reason } => {
            let to = parse_date(&to)?;
            let done = workflow::postpone_item(&mut ctx.open_swept()?, id, to, &reason, ctx.today)?;
            super::report(&done)
        }
        ItemCommand::Reopen { id, reason } => super::corrections::run_reopen_item(ctx, id, &reason),
    }
}

fn print_item(d: &WorkItemDetail, ctx: &Context) -> anyhow::Result<()> {
    let item = &d.item;
    let mut text = format!("Werkitem {}: {}\n", item.id, item.title);
    let status = match &d.outcome {
        Some(outcome) => format!("afgehandeld: {outcome}"),
        None => "open".to_owned(),
    };
    for (label, value) in [
        (
            "klant",
            Some(format!("{} ({})", item.client_name, item.client_id)),
        ),
        ("soort", Some(item.kind.clone())),
        (
            "wettelijke termijn",
            Some(if item.legal { "ja" } else { "nee" }.to_owned()),
        ),
        (
            "vervalt",
            Some(format!(
                "{} ({})",
                item.due_date,
                relative(item.due_date, ctx.today)
            )),
        ),
        (
            "activiteit",
            item.source_activity_id.map(|id| id.to_string()),
        ),
        ("status", Some(status)),
        ("toelichting", d.outcome_note.clone()),
    ] {
        text.push_str(&format!("  {label:<20} {}\n", or_dash(value)));
    }
    text.push_str("\nAfhandelingen\n");
    for outcome in &d.allowed_outcomes {
        text.push_str(&format!("  {:<16} {}\n", outcome.code, outcome.name));
    }
    if !d.postponements.is_empty() {
        text.push_str("\nUitgesteld\n");
        for p in &d.postponements {
            text.push_str(&format!(
                "  {} → {}  {}\n",
                p.from_date, p.to_date, p.reason
            ));
        }
    }
    output::line(text.trim_end())
}
