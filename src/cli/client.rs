//! `inbeeld client …` and `inbeeld activity …`.

use super::args::{ActivityCommand, ClientCommand};
use super::output::{self, or_dash, yes_no};
use super::{print_id, Context};
use crate::domain::aanvraag::HERSTELTERMIJN;
use crate::domain::activity::{Activity, NewActivity};
use crate::domain::bsn::Bsn;
use crate::domain::client::NewClient;
use crate::domain::date::{dutch, parse_date, period};
use crate::domain::error::{optional_text, required_text};
use crate::domain::terms::hersteltermijn_warning;
use crate::store::Dossier;
use crate::workflow;

pub fn run(ctx: &Context, command: ClientCommand) -> anyhow::Result<()> {
    match command {
        ClientCommand::Add {
            name,
            bsn,
            birth_date,
            category,
            phone,
            email,
            contact_preference,
            address,
        } => {
            // An option given empty is a mistake (a variable that was not set), not
            // "not given": leave the option out instead.
            for (option, value) in [
                ("--bsn", &bsn),
                ("--birth-date", &birth_date),
                ("--phone", &phone),
                ("--email", &email),
                ("--contact-preference", &contact_preference),
                ("--address", &address),
            ] {
                if value.as_deref().is_some_and(crate::domain::text::is_blank) {
                    return Err(crate::domain::InputError::EmptyOption(option).into());
                }
            }
            let new = NewClient {
                name: required_text("naam", &name)?,
                bsn: optional_text(bsn.as_deref())
                    .map(|b| Bsn::parse(&b))
                    .transpose()?,
                birth_date: optional_text(birth_date.as_deref())
                    .map(|d| parse_date(&d))
                    .transpose()?,
                category: category.trim().to_owned(),
                phone: optional_text(phone.as_deref()),
                email: optional_text(email.as_deref()),
                contact_preference: optional_text(contact_preference.as_deref()),
                address: crate::domain::name::Address::from_line(
                    address.as_deref().unwrap_or_default(),
                )?,
                ..NewClient::default()
            };
            let mut store = ctx.open()?;
            let warning = workflow::same_client_warning(&store, &new)?;
            let done = workflow::add_client(&mut store, &new, ctx.today)?;
            if let Some(warning) = warning {
                super::say(&format!("inbeeld: let op: {warning}"));
            }
            print_id(done.id())
        }
        ClientCommand::Edit {
            id,
            name,
            phone,
            email,
            contact_preference,
            birth_date,
            bsn,
            address,
        } => super::corrections::run_client_edit(
            ctx,
            id,
            crate::domain::lifecycle::ClientEdit {
                name,
                bsn,
                birth_date,
                phone,
                email,
                contact_preference,
                address,
            },
        ),
        ClientCommand::Category {
            id,
            to,
            reason,
            date,
        } => super::corrections::run_category(ctx, id, &to, &reason, date.as_deref()),
        ClientCommand::RiskProfile { id, profile } => {
            let done = workflow::set_risk_profile(&mut ctx.open_swept()?, id, &profile, ctx.today)?;
            super::report(&done)
        }
        ClientCommand::End {
            id,
            reason,
            date,
            settle,
        } => super::corrections::run_end(ctx, id, &reason, date.as_deref(), settle),
        ClientCommand::Reopen { id } => super::corrections::run_reopen_client(ctx, id),
        ClientCommand::List { ended, json } => {
            let store = ctx.open_swept()?;
            let clients = if ended {
                store.ended_client_summaries(ctx.today)?
            } else {
                store.client_summaries(ctx.today)?
            };
            if json {
                return output::json(&clients);
            }
            let rows: Vec<Vec<String>> = clients
                .iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.name.clone(),
                        or_dash(c.birth_date),
                        c.category.clone(),
                        or_dash(c.days_since_contact),
                        yes_no(c.in_view),
                        or_dash(c.next_deadline),
                        c.open_items.to_string(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "id",
                    "naam",
                    "geboren",
                    "categorie",
                    "dagen sinds contact",
                    "in beeld",
                    "volgende deadline",
                    "open items",
                ],
                &rows,
            )
        }
        ClientCommand::Show { id, json } => {
            let store = ctx.open_swept()?;
            let dossier = store.dossier(id, ctx.today)?;
            if json {
                // The client's global id, once the team knows the client.
                let mut value = serde_json::to_value(&dossier)?;
                value["client"]["uuid"] = serde_json::json!(store.client_uuid(id)?);
                output::json(&value)
            } else {
                print_dossier(&dossier, ctx)
            }
        }
    }
}

fn print_dossier(d: &Dossier, ctx: &Context) -> anyhow::Result<()> {
    let c = &d.client;
    let mut text = format!("{} (klant {})\n", c.name, c.id);
    let age = c
        .birth_date
        .and_then(|b| crate::domain::date::age(b, ctx.today))
        .map(|a| format!("{a} jaar"));
    for (label, value) in [
        ("BSN", d.bsn_masked.clone()),
        ("geboren", c.birth_date.map(dutch)),
        ("leeftijd", age),
        ("categorie", Some(c.category.clone())),
        (
            "adres",
            // Without a street and a place it is no postal address yet: shown as it is.
            c.address
                .lines()
                .map(|l| l.join(", "))
                .or_else(|| Some(c.address.typed()).filter(|t| !t.is_empty())),
        ),
        ("telefoon", c.phone.clone()),
        ("e-mail", c.email.clone()),
        ("voorkeurskanaal", c.contact_preference.clone()),
        ("risicoprofiel", c.risk_profile.clone()),
        (
            "dagen sinds contact",
            d.days_since_contact.map(|n| n.to_string()),
        ),
        ("in beeld", Some(yes_no(d.in_view))),
        ("volgende deadline", d.next_deadline.map(dutch)),
        ("open werkitems", Some(d.open_items.to_string())),
        (
            "uitgestroomd",
            c.ended_on.map(|on| {
                format!(
                    "{} ({})",
                    dutch(on),
                    c.end_reason.clone().unwrap_or_default()
                )
            }),
        ),
        (
            "uitstroom gepland",
            c.planned_end
                .as_ref()
                .map(|p| format!("per {} ({})", dutch(p.on), p.reason)),
        ),
    ] {
        text.push_str(&format!("  {label:<20} {}\n", or_dash(value)));
    }
    if !d.category_history.is_empty() {
        text.push_str("\nDoorstroom\n");
        for change in &d.category_history {
            text.push_str(&format!(
                "  {}  {} → {}  {}\n",
                change.on, change.from, change.to, change.reason
            ));
        }
    }
    text.push_str("\nActiviteiten\n");
    for a in &d.activities {
        text.push_str(&format!("  {}\n", activity_line(a)));
    }
    text.push_str("\nContactmomenten\n");
    for contact in &d.contacts {
        let note = contact.note.as_deref().unwrap_or("");
        let mark = if contact.corrected {
            " (gecorrigeerd)"
        } else {
            ""
        };
        text.push_str(&format!(
            "  {:>5}  {}  {:<12} {note}{mark}\n",
            contact.id, contact.date, contact.channel
        ));
    }
    text.push_str("\nNotities\n");
    for note in &d.notes {
        let mark = if note.corrected {
            " (gecorrigeerd)"
        } else {
            ""
        };
        text.push_str(&format!(
            "  {:>5}  {}  {}{mark}\n",
            note.id, note.date, note.text
        ));
    }
    output::line(text.trim_end())
}

fn activity_line(a: &Activity) -> String {
    let status = match &a.outcome {
        Some(outcome) => format!("afgesloten: {outcome}"),
        None => "open".to_owned(),
    };
    format!(
        "{:>5}  {} t/m {}  {:<20} {}  ({status})",
        a.id, a.start_date, a.end_date, a.type_code, a.title
    )
}

pub fn run_activity(ctx: &Context, command: ActivityCommand) -> anyhow::Result<()> {
    match command {
        ActivityCommand::Add {
            client,
            type_code,
            start,
            end,
            title,
            aanvraag,
        } => {
            let (start_date, end_date) = period(&start, &end)?;
            let new = NewActivity {
                client_id: client,
                type_code: type_code.trim().to_owned(),
                title,
                start_date,
                end_date,
            };
            let mut store = ctx.open()?;
            let id = workflow::add_activity(&mut store, &new, aanvraag, ctx.today)?.id();
            if new.type_code == HERSTELTERMIJN {
                let calendar = store.legal_calendar()?;
                if let Some((warning, _)) = hersteltermijn_warning(new.end_date, &calendar) {
                    super::say(&format!("inbeeld: {warning}"));
                }
            }
            print_id(id)
        }
        ActivityCommand::List { client, json } => {
            let activities = ctx.open()?.activities(client)?;
            if json {
                return output::json(&activities);
            }
            let rows: Vec<Vec<String>> = activities
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.client_id.to_string(),
                        a.type_code.clone(),
                        a.start_date.to_string(),
                        a.end_date.to_string(),
                        a.outcome.clone().unwrap_or_else(|| "open".to_owned()),
                        a.title.clone(),
                    ]
                })
                .collect();
            output::table(
                &["id", "klant", "soort", "start", "einde", "status", "titel"],
                &rows,
            )
        }
        ActivityCommand::Close {
            id,
            outcome,
            note,
            besluit,
        } => {
            let request = super::close_request(&outcome, note, None, None, (None, None), &besluit)?;
            let mut store = ctx.open_swept()?;
            let client = store.activity(id)?.client_id;
            let request = super::with_sanction_step(ctx, &store, client, request)?;
            let done = workflow::close_activity(&mut store, id, &request, ctx.today)?;
            super::report(&done)
        }
        ActivityCommand::Extend { id, to } => {
            let to = parse_date(&to)?;
            // Sweep first, so that a cycle that already ended keeps its work item.
            let done = workflow::extend_activity(&mut ctx.open_swept()?, id, to, ctx.today)?;
            super::report(&done)
        }
        ActivityCommand::Informatieverzoek { id } => {
            let done = workflow::as_informatieverzoek(&mut ctx.open_swept()?, id, ctx.today)?;
            super::report(&done)
        }
    }
}
