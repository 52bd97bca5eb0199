//! `inbeeld letter`: make a letter about an activity, list the letters, confirm
//! one was sent.

use serde_json::json;

use super::args::{DocumentCommand, LetterArgs, LetterCommand};
use super::{output, Context};
use crate::domain::date::{parse_date, parse_written_past, short};
use crate::domain::letter::LetterKind;
use crate::letters::{LetterFailure, LetterSetup};
use crate::workflow;

/// The failure itself as the error, so that the exit code sees what it was.
fn failure(failure: LetterFailure) -> anyhow::Error {
    match failure {
        LetterFailure::Store(err) => err.into(),
        LetterFailure::Letter(err) => err.into(),
        LetterFailure::Settings(err) => err.into(),
        write @ LetterFailure::Write { .. } => write.into(),
    }
}

/// The sender, templates and letters folder of this file and these settings.
pub fn setup(ctx: &Context) -> LetterSetup {
    LetterSetup {
        sender: ctx.settings.sender.clone(),
        settings: ctx.settings.path.clone(),
        templates: ctx.settings.templates.clone(),
        folder: LetterSetup::folder_beside(&ctx.db),
    }
}

pub fn run(ctx: &Context, args: LetterArgs) -> anyhow::Result<()> {
    match args.command {
        Some(LetterCommand::List {
            client,
            kenmerk,
            json,
        }) => {
            let store = ctx.open()?;
            let letters: Vec<_> = store
                .letters(client)?
                .into_iter()
                .filter(|l| {
                    kenmerk
                        .as_deref()
                        .is_none_or(|k| crate::domain::letter::kenmerk_matches(&l.kenmerk, k))
                })
                .collect();
            if json {
                return output::json(&letters);
            }
            let rows: Vec<Vec<String>> = letters
                .iter()
                .map(|l| {
                    vec![
                        l.id.to_string(),
                        l.client_id.to_string(),
                        short(l.made_on),
                        l.kind.clone(),
                        l.about.clone(),
                        l.kenmerk.clone(),
                        l.sent_on.map_or("nog niet".to_owned(), short),
                        l.file.clone(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "id",
                    "klant",
                    "gemaakt",
                    "soort",
                    "over",
                    "kenmerk",
                    "verstuurd",
                    "bestand",
                ],
                &rows,
            )
        }
        Some(LetterCommand::Sent { id, on }) => {
            let on = on
                .as_deref()
                .map(parse_date)
                .transpose()?
                .unwrap_or(ctx.today);
            let mut store = ctx.open()?;
            let done = workflow::send_letter(&mut store, id, on, ctx.today)?;
            output::line(&format!("Brief {id}: {}", done.summary()))
        }
        None => {
            // Clap requires both when there is no subcommand.
            let (Some(kind), Some(activity)) = (args.kind, args.activity) else {
                anyhow::bail!("geef --kind en --activity");
            };
            let kind = LetterKind::from_code(&kind)?;
            let mut store = ctx.open()?;
            let made = crate::letters::make_letter(
                &mut store,
                &setup(ctx),
                kind,
                activity,
                args.out.as_deref(),
                ctx.today,
            )
            .map_err(failure)?;
            if args.sent {
                workflow::send_letter(&mut store, made.id, ctx.today, ctx.today)?;
            }
            if made.without_address {
                eprintln!("inbeeld: {}", crate::letters::NO_ADDRESS);
            }
            if args.json {
                return output::json(&json!({
                    "id": made.id,
                    "kind": kind.code(),
                    "activity": activity,
                    "file": made.file,
                    "kenmerk": made.kenmerk,
                    "pages": made.pages,
                    "sent_on": args.sent.then_some(ctx.today),
                }));
            }
            output::line(&made.file.display().to_string())
        }
    }
}

/// `inbeeld document`: the plan van aanpak, a besluit, a rapportage.
pub fn document(ctx: &Context, command: DocumentCommand) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let setup = setup(ctx);
    let (made, out) = match command {
        DocumentCommand::Plan { client, out } => (
            crate::letters::make_plan(&mut store, &setup, client, out.out.as_deref(), ctx.today),
            out,
        ),
        DocumentCommand::Besluit {
            aanvraag,
            kind,
            text,
            out,
        } => (
            crate::letters::make_besluit(
                &mut store,
                &setup,
                LetterKind::from_code(&kind)?,
                aanvraag,
                text.as_deref(),
                out.out.as_deref(),
                ctx.today,
            ),
            out,
        ),
        DocumentCommand::Rapportage {
            client,
            from,
            to,
            out,
        } => {
            let day = |text: &str| parse_written_past(text, Some(ctx.today));
            let to = to.as_deref().map(day).transpose()?.unwrap_or(ctx.today);
            let from = match from.as_deref() {
                Some(from) => day(from)?,
                None => crate::letters::rapportage_from(to),
            };
            (
                crate::letters::make_rapportage(
                    &mut store,
                    &setup,
                    client,
                    (from, to),
                    out.out.as_deref(),
                    ctx.today,
                ),
                out,
            )
        }
    };
    let made = made.map_err(failure)?;
    if made.without_address {
        eprintln!("inbeeld: {}", crate::letters::NO_ADDRESS);
    }
    if out.json {
        return output::json(&json!({
            "id": made.id,
            "kind": made.kind.code(),
            "file": made.file,
            "text": made.text,
            "kenmerk": made.kenmerk,
            "pages": made.pages,
            "record": store.letter(made.id)?,
        }));
    }
    output::line(&made.file.display().to_string())
}
