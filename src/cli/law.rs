//! `inbeeld calendar`, `inbeeld term` and `inbeeld aanvraag`: the law's clock.

use super::args::{AanvraagCommand, CalendarCommand, TermCommand};
use super::output::{self, or_dash};
use super::{print_id, Context};
use crate::domain::aanvraag::{herstel_suggestion, BEZWAARTERMIJN};
use crate::domain::date::{dutch, parse_date};
use crate::domain::effects::{Decision, Effect};
use crate::domain::terms::{hersteltermijn_warning, term_end, unknown_year_note};
use crate::store::ApplicationView;
use crate::workflow;

pub fn run_calendar(ctx: &Context, command: CalendarCommand) -> anyhow::Result<()> {
    match command {
        CalendarCommand::Holidays { year, json } => {
            if !(1900..=2200).contains(&year) {
                return Err(crate::domain::InputError::YearOutOfRange(year).into());
            }
            let calendar = ctx.open()?.legal_calendar()?;
            let holidays = calendar.holidays(year);
            if json {
                return output::json(&holidays);
            }
            if !calendar.year_known(year) {
                // Said first, so that nobody reads the list as complete.
                output::line(&unknown_year_note(year))?;
            }
            let rows: Vec<Vec<String>> = holidays
                .iter()
                .map(|h| {
                    vec![
                        h.date.to_string(),
                        dutch(h.date),
                        h.name.clone(),
                        h.source.clone(),
                    ]
                })
                .collect();
            output::table(&["datum", "", "feestdag", "grond"], &rows)
        }
        CalendarCommand::Add {
            date,
            name,
            source,
            complete,
        } => {
            let date = parse_date(&date)?;
            let done = workflow::add_declared_holiday(
                &mut ctx.open()?,
                date,
                (&name, &source),
                complete,
                ctx.today,
            )?;
            super::report(&done)
        }
        CalendarCommand::Year { year, source } => {
            let done = workflow::declare_year_complete(&mut ctx.open()?, year, &source, ctx.today)?;
            super::report(&done)
        }
    }
}

pub fn run_term(ctx: &Context, command: TermCommand) -> anyhow::Result<()> {
    let (rule, from, json) = match command {
        TermCommand::End { rule, from, json } => (rule, from, json),
        TermCommand::Version {
            rule,
            from,
            days,
            article,
            source,
        } => {
            let valid_from = parse_date(&from)?;
            let mut store = ctx.open()?;
            let current = store.term_rule(rule.trim(), ctx.today)?;
            let version = crate::domain::terms::RuleVersion {
                rule: current.code.clone(),
                valid_from,
                length_days: days,
                article: article.unwrap_or(current.article),
                source,
            };
            let done = crate::workflow::add_rule_version(&mut store, &version, ctx.today)?;
            return super::report(&done);
        }
    };
    let from = parse_date(&from)?;
    let store = ctx.open()?;
    // The rule as it holds for a term that starts on that day.
    let rule = store.term_rule(rule.trim(), from)?;
    let end = term_end(&rule, from, &[], &store.legal_calendar()?);
    if json {
        return output::json(&end);
    }
    let mut text = format!(
        "{} ({}) vanaf {}\n  nominaal einde  {}\n  einde           {}\n",
        rule.name,
        rule.article,
        dutch(end.from),
        dutch(end.nominal_end),
        dutch(end.end)
    );
    if let Some((since, source)) = store.term_rule_version(&rule.code, from)? {
        text.push_str(&format!(
            "  regel zoals gewijzigd per {} ({source})\n",
            dutch(since)
        ));
    }
    if !rule.atw {
        text.push_str("  (de Algemene termijnenwet is op deze regel niet van toepassing)\n");
    }
    for e in &end.extensions {
        text.push_str(&format!("  +{} {}\n", e.days, e.reason));
    }
    for note in &end.notes {
        text.push_str(&format!("  {note}\n"));
    }
    output::line(text.trim_end())
}

pub fn run_aanvraag(ctx: &Context, command: AanvraagCommand) -> anyhow::Result<()> {
    match command {
        AanvraagCommand::Add {
            client,
            received,
            under_27,
        } => {
            let received = parse_date(&received)?;
            let done =
                workflow::add_application(&mut ctx.open()?, client, received, under_27, ctx.today)?;
            print_id(done.id())
        }
        AanvraagCommand::Show { id, json } => {
            let view = ctx.open_swept()?.application(id)?;
            if json {
                output::json(&view)
            } else {
                print_application(&view, ctx.today)
            }
        }
        AanvraagCommand::Herstel {
            id,
            missing,
            given,
            end,
        } => {
            let mut store = ctx.open()?;
            let calendar = store.legal_calendar()?;
            let given = match given {
                Some(text) => parse_date(&text)?,
                None => ctx.today,
            };
            // Not a statutory term: the klantmanager sets it. The suggestion is two
            // weeks, on a working day; a chosen end on a closed day gets a warning,
            // once it is stored (a refusal stays one line).
            let end = match end {
                Some(text) => parse_date(&text)?,
                None => herstel_suggestion(&store.catalog()?, &calendar, given)?,
            };
            let activity =
                workflow::give_hersteltermijn(&mut store, id, &missing, given, end, ctx.today)?
                    .id();
            if let Some((warning, _)) = hersteltermijn_warning(end, &calendar) {
                super::say(&format!("inbeeld: {warning}"));
            }
            print_id(activity)
        }
        AanvraagCommand::Decide {
            id,
            decision,
            made_known,
        } => {
            let decision = Decision::parse(decision.trim())?;
            let made_known = parse_date(&made_known)?;
            let done = workflow::decide_application(
                &mut ctx.open_swept()?,
                id,
                decision,
                made_known,
                ctx.today,
            )?;
            let bezwaar = done.effects.iter().find_map(|e| match e {
                Effect::StartTerm { rule, end, .. } if rule == BEZWAARTERMIJN => Some(*end),
                _ => None,
            });
            match bezwaar {
                Some(end) => output::line(&format!("bezwaar mogelijk tot {end}")),
                None => super::report(&done),
            }
        }
        AanvraagCommand::Received { id, on, waive } => {
            let on = match on {
                Some(text) => parse_date(&text)?,
                None => ctx.today,
            };
            let done = workflow::receive_application(
                &mut ctx.open_swept()?,
                id,
                on,
                waive.as_deref(),
                ctx.today,
            )?;
            super::report(&done)
        }
        AanvraagCommand::Adjourn { id, to, reason } => {
            let to = parse_date(&to)?;
            let done = workflow::adjourn(&mut ctx.open_swept()?, id, to, &reason, ctx.today)?;
            super::report(&done)
        }
    }
}

/// How a running or handled term reads: its outcome, or whether it still runs.
fn term_status(a: &crate::domain::activity::Activity, today: chrono::NaiveDate) -> String {
    match &a.outcome {
        Some(outcome) => outcome.clone(),
        None if a.end_date < today => "verlopen, nog af te handelen".to_owned(),
        None => "loopt".to_owned(),
    }
}

fn print_application(view: &ApplicationView, today: chrono::NaiveDate) -> anyhow::Result<()> {
    let a = &view.application;
    let mut text = format!("Aanvraag {} van klant {}\n", a.id, a.client_id);
    for (label, value) in [
        ("melding", a.reported_on.map(dutch)),
        (
            "ontvangen",
            Some(match (a.received_on, a.expected_on) {
                (Some(on), _) => dutch(on),
                (None, Some(expected)) => format!("nog niet; verwacht na {}", dutch(expected)),
                (None, None) => "nog niet".to_owned(),
            }),
        ),
        (
            "jonger dan 27",
            Some(if a.under_27 { "ja" } else { "nee" }.to_owned()),
        ),
        (
            "status",
            Some(if a.is_open() { "open" } else { "besloten" }.to_owned()),
        ),
        ("besluit", a.decision.clone()),
        (
            "bekendgemaakt",
            a.decided_on.map(|d| {
                if a.decided_late {
                    format!("{} (na de beslistermijn)", dutch(d))
                } else {
                    dutch(d)
                }
            }),
        ),
        (
            "verdaagd",
            a.adjourned_to.map(|to| {
                format!(
                    "tot {} ({})",
                    dutch(to),
                    a.adjournment_reason.as_deref().unwrap_or("-")
                )
            }),
        ),
    ] {
        text.push_str(&format!("  {label:<16} {}\n", or_dash(value)));
    }
    text.push_str("\nTermijnen\n");
    for t in &view.terms {
        let status = term_status(&t.activity, today);
        let article = if t.statutory {
            format!("§ {}", t.article)
        } else {
            format!("{} (termijn van de aanvrager)", t.article)
        };
        text.push_str(&format!(
            "  {:<18} t/m {}  {:<16} {}\n    {}\n",
            t.rule, t.activity.end_date, status, article, t.explanation
        ));
    }
    if !view.hersteltermijnen.is_empty() {
        text.push_str("\nHersteltermijnen\n");
        for h in &view.hersteltermijnen {
            text.push_str(&format!(
                "  {:>5}  {} t/m {}  {}  ({}; gesteld door de gemeente)\n",
                h.id,
                h.start_date,
                h.end_date,
                h.title,
                term_status(h, today)
            ));
        }
        for p in &view.suspensions {
            if p.to >= p.from {
                text.push_str(&format!(
                    "         beslistermijn opgeschort {} t/m {}\n",
                    dutch(p.from),
                    dutch(p.to)
                ));
            }
        }
    }
    output::line(text.trim_end())
}
