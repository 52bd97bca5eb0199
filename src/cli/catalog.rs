//! `inbeeld catalog`: the codes a user can choose from.

use super::args::{CatalogArgs, CatalogCommand};
use super::output;
use super::Context;
use crate::domain::catalog::Requirement;
use crate::workflow;

pub fn run(ctx: &Context, args: CatalogArgs) -> anyhow::Result<()> {
    if let Some(CatalogCommand::Rhythm { category, days }) = args.command {
        workflow::set_rhythm(&mut ctx.open()?, category.trim(), days, ctx.today)?;
        return Ok(());
    }
    let json = args.json;
    let catalog = ctx.open()?.catalog()?;
    if json {
        return output::json(&catalog);
    }
    let mut text = String::from("Categorieën (contactritme, toegestane activiteiten)\n");
    for c in &catalog.categories {
        text.push_str(&format!(
            "  {:<20} {:<20} elke {:>3} dagen  {}\n",
            c.code,
            c.name,
            c.contact_rhythm_days,
            c.activity_types.join(", ")
        ));
    }
    text.push_str(
        "\nActiviteitsoorten (standaardduur, werkitem bij einddatum; bron: wet of gemeente)\n",
    );
    for t in &catalog.activity_types {
        text.push_str(&format!(
            "  {:<20} {:<26} {:>3} dagen  {}\n",
            t.code, t.name, t.default_days, t.expiry_title
        ));
        if let Some(source) = &t.source {
            text.push_str(&format!("  {:<20} bron: {source}\n", ""));
        }
    }
    text.push_str("\nSoorten werkitem (toegestane afhandelingen; → wat erop volgt)\n");
    for k in &catalog.work_item_kinds {
        let outcomes: Vec<String> = k
            .outcomes
            .iter()
            .zip(&k.next)
            .map(|(outcome, next)| match next {
                Some(next) => match next.days {
                    Some(days) => format!("{outcome} → {} ({days} dagen)", next.type_code),
                    None => format!("{outcome} → {} (zelfde interval)", next.type_code),
                },
                None => outcome.clone(),
            })
            .collect();
        text.push_str(&format!(
            "  {:<20} {}{}\n",
            k.code,
            outcomes.join(", "),
            if k.legal {
                "  [wettelijke termijn]"
            } else {
                ""
            }
        ));
    }
    text.push_str("\nAfhandelingen\n");
    for o in &catalog.outcomes {
        let requires = match o.requires {
            Requirement::None => "",
            Requirement::NewDate => "  (vraagt een nieuwe datum)",
            Requirement::Reason => "  (vraagt een reden)",
            Requirement::Sanction => "  (vraagt de verlaging: procent en maanden)",
        };
        text.push_str(&format!("  {:<20} {}{requires}\n", o.code, o.name));
    }
    text.push_str("\nRisicoprofielen (om de hoeveel maanden het heronderzoek komt)\n");
    for p in &catalog.risk_profiles {
        text.push_str(&format!(
            "  {:<20} {:<20} {:>3} maanden\n",
            p.code, p.name, p.months
        ));
    }
    text.push_str("\nKanalen\n");
    for c in &catalog.channels {
        text.push_str(&format!("  {:<20} {}\n", c.code, c.name));
    }
    output::line(text.trim_end())
}
