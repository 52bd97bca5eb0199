//! `inbeeld team`: the team's schema on PostgreSQL and its members.

use serde_json::json;

use super::args::{MemberCommand, TeamCommand};
use super::{output, Context};
use crate::team;
use crate::team::SyncError;

/// The failure itself as the error, so that the exit code sees what it was.
fn failure(err: SyncError) -> anyhow::Error {
    match err {
        SyncError::Store(err) => err.into(),
        SyncError::Team(err) => err.into(),
        other => other.into(),
    }
}

pub fn run_sync(ctx: &Context) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let today = ctx.today;
    let report = crate::team::with_deadline(move || crate::team::sync(&mut store, today))
        .map_err(failure)?;
    let mut line = format!(
        "Gesynchroniseerd: {} verstuurd, {} opgehaald, {} overgedragen",
        report.pushed, report.pulled, report.released
    );
    if !report.not_through.is_empty() {
        line += &format!(
            "; niet doorgekomen (de klant was al van een ander): {}",
            report.not_through.join(", ")
        );
    }
    if !report.kept_back.is_empty() {
        line += &format!(
            "; weer van jou maar nog niet opgehaald (de kopie hier is na de overdracht \
             gewijzigd, of de overdracht is vandaag nog ongedaan te maken): {}",
            report.kept_back.join(", ")
        );
    }
    output::line(&line)?;
    // Whoever stayed behind is named, with why, each on a line of its own: the next
    // sync takes them along once that is put right.
    for refused in &report.not_sent {
        output::line(&format!(
            "Niet verstuurd, de server zou het weigeren: {refused}"
        ))?;
    }
    for kept in &report.not_released {
        output::line(&format!("Blijft voorlopig hier: {kept}"))?;
    }
    for refused in &report.not_taken_in {
        output::line(&format!("Niet opgehaald: {refused}"))?;
    }
    Ok(())
}

pub fn run(ctx: &Context, command: TeamCommand) -> anyhow::Result<()> {
    match command {
        TeamCommand::Join { url, member } => {
            let store = ctx.open()?;
            crate::team::join(&store, &url, &member).map_err(failure)?;
            output::line(&format!(
                "Dit bestand hoort nu bij {member}; 'inbeeld sync' zet de klanten op de server"
            ))
        }
        TeamCommand::Leave => {
            let store = ctx.open()?;
            let member = crate::team::leave(&store).map_err(failure)?;
            output::line(&format!(
                "Dit bestand hoort niet meer bij {member}; een ander bestand kan nu als {member} koppelen"
            ))
        }
        TeamCommand::Assign { client, to, url } => {
            let mut server = team::connect(&url)?;
            let name = team::assign(&mut server, &client, &to)?;
            output::line(&format!("{name} is nu een klant van {to}"))
        }
        TeamCommand::StandIn {
            for_member,
            by_member,
            from,
            to,
            url,
        } => {
            let (from, to) = crate::domain::date::period(&from, &to)?;
            let mut server = team::connect(&url)?;
            team::stand_in(&mut server, &for_member, &by_member, from, to)?;
            output::line(&format!(
                "{by_member} vervangt {for_member} van {from} tot en met {to}"
            ))
        }
        TeamCommand::Snapshot { out, url } => {
            let report = crate::team::snapshot(&url, &out, ctx.today).map_err(failure)?;
            for refused in &report.refused {
                output::line(&format!("Niet in de momentopname: {refused}"))?;
            }
            output::line(&format!(
                "{} klant(en) van het team in {} ({} opgehaald, {} weggehaald); open het met \
                 'inbeeld --db {}'",
                report.clients,
                out.display(),
                report.fetched,
                report.removed,
                out.display()
            ))
        }
        TeamCommand::Status { json } => {
            let store = ctx.open()?;
            let link = store.team_link()?;
            let clients = store.team_clients()?;
            let owned = clients.iter().filter(|c| c.released_on.is_none()).count();
            let pending = crate::team::pending_changes(&store)?;
            if json {
                return output::json(&json!({
                    "member": link.as_ref().map(|l| &l.member),
                    "url": link.as_ref().map(|l| team::without_password(&l.url)),
                    "clients": owned,
                    "pending": pending,
                    "last_sync": link.as_ref().and_then(|l| l.last_sync.clone()),
                }));
            }
            match link {
                None => output::line("Dit bestand hoort nog niet bij een teamlid ('inbeeld team join')."),
                Some(link) => output::line(&format!(
                    "Teamlid {} op {}\n{owned} klant(en), {pending} met wijzigingen die nog niet verstuurd zijn\nlaatste sync: {}",
                    link.member,
                    team::without_password(&link.url),
                    link.last_sync.as_deref().unwrap_or("nog nooit")
                )),
            }
        }
        TeamCommand::View { json } => {
            let store = ctx.open()?;
            let rows = crate::team::team_view(&store, ctx.today)?;
            if json {
                let rows: Vec<_> = rows
                    .iter()
                    .map(|r| {
                        json!({
                            "member": r.member,
                            "clients": r.clients,
                            "open": r.open,
                            "late": r.late,
                            "in_view": r.in_view,
                            "in_view_percent": r.in_view_percent(),
                            "handled_this_week": r.handled_this_week,
                        })
                    })
                    .collect();
                return output::json(&rows);
            }
            if rows.is_empty() {
                return output::line(
                    "Dit bestand kent de klantmanagers van het team niet; maak een \
                     momentopname met 'inbeeld team snapshot --out BESTAND --url URL'.",
                );
            }
            let total = crate::domain::team::team_total(&rows);
            let table: Vec<Vec<String>> = rows
                .iter()
                .chain(std::iter::once(&total))
                .map(|r| {
                    vec![
                        r.member.clone(),
                        r.clients.to_string(),
                        r.open.to_string(),
                        r.late.to_string(),
                        format!("{} ({}%)", r.in_view, r.in_view_percent()),
                        r.handled_this_week.to_string(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "klantmanager",
                    "klanten",
                    "open",
                    "te laat",
                    "in beeld",
                    "afgehandeld deze week",
                ],
                &table,
            )
        }
        TeamCommand::Init { url } => {
            let mut server = team::connect(&url)?;
            let applied = team::init(&mut server)?;
            output::line(&match applied.as_slice() {
                [] => "Het schema op de server is al bij.".to_owned(),
                versions => format!(
                    "Schema op de server bijgewerkt (versie {}).",
                    versions
                        .iter()
                        .map(i32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        }
        TeamCommand::Member(MemberCommand::Add {
            name,
            teamleider,
            url,
        }) => {
            let mut server = team::connect(&url)?;
            team::add_member(&mut server, &name, teamleider)?;
            output::line(&format!(
                "{name} is {} van het team; de rol {name} heeft nog geen wachtwoord \
                 (zet er een met psql: \\password {name})",
                if teamleider {
                    "teamleider"
                } else {
                    "klantmanager"
                }
            ))
        }
        TeamCommand::Member(MemberCommand::List { url, json }) => {
            let mut server = team::connect(&url)?;
            let members = team::members(&mut server)?;
            if json {
                let rows: Vec<_> = members
                    .iter()
                    .map(|(name, teamleider, clients)| {
                        json!({ "name": name, "teamleider": teamleider, "clients": clients })
                    })
                    .collect();
                return output::json(&rows);
            }
            let rows: Vec<Vec<String>> = members
                .into_iter()
                .map(|(name, teamleider, clients)| {
                    vec![
                        name,
                        if teamleider {
                            "teamleider"
                        } else {
                            "klantmanager"
                        }
                        .to_owned(),
                        clients.to_string(),
                    ]
                })
                .collect();
            output::table(&["naam", "rol", "klanten"], &rows)
        }
    }
}
