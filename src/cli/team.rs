//! `inbeeld team`: the team's schema on PostgreSQL and its members.

use serde_json::json;

use super::args::{MemberCommand, TeamCommand};
use super::output;
use crate::team;

pub fn run(command: TeamCommand) -> anyhow::Result<()> {
    match command {
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
