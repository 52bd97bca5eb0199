//! `inbeeld appointment`, `plan`, `situation` and `ladder`: keeping clients in view.

use super::args::{AppointmentCommand, LadderCommand, PlanCommand, SituationCommand};
use super::output;
use super::{print_id, Context};
use crate::domain::date::{dutch, parse_date};
use crate::domain::handling::CloseRequest;
use crate::store::{Plan, PlanHistory};
use crate::workflow;

pub fn run_appointment(ctx: &Context, command: AppointmentCommand) -> anyhow::Result<()> {
    let (client, date, time, channel, title, duration, location) = match command {
        AppointmentCommand::Add {
            client,
            date,
            time,
            channel,
            title,
            duration,
            location,
        } => (client, date, time, channel, title, duration, location),
        AppointmentCommand::Move {
            id,
            date,
            time,
            channel,
        } => return super::corrections::run_move(ctx, id, date.as_deref(), time, channel),
        AppointmentCommand::Cancel { id, reason } => {
            return super::corrections::run_cancel(ctx, id, &reason)
        }
    };
    let date = parse_date(&date)?;
    let mut store = ctx.open()?;
    let warnings = workflow::appointment_warnings(&store, date, time.as_deref(), None)?;
    let new = crate::domain::appointment::NewAppointment {
        client,
        date,
        time: time.as_deref(),
        channel: channel.trim(),
        title: title.as_deref(),
        duration,
        location: location.as_deref(),
    };
    let done = workflow::add_appointment(&mut store, &new, ctx.today)?;
    for warning in warnings {
        super::say(&format!("inbeeld: {warning}"));
    }
    print_id(done.id())
}

pub fn run_plan(ctx: &Context, command: PlanCommand) -> anyhow::Result<()> {
    match command {
        PlanCommand::New { client, start } => {
            let start = super::date_or_today(ctx, start.as_deref())?;
            print_id(workflow::new_plan(&mut ctx.open_swept()?, client, start, ctx.today)?.id())
        }
        PlanCommand::Goal {
            client,
            text,
            domain,
            deadline,
        } => {
            let deadline = deadline.as_deref().map(parse_date).transpose()?;
            let done = workflow::add_goal(
                &mut ctx.open()?,
                client,
                (&text, domain.trim(), deadline),
                false,
                ctx.today,
            )?;
            print_id(done.id())
        }
        PlanCommand::Evaluation { client, date } => {
            let date = parse_date(&date)?;
            let done = workflow::set_evaluation(&mut ctx.open_swept()?, client, date, ctx.today)?;
            super::report(&done)
        }
        PlanCommand::Outcome {
            goal,
            outcome,
            to,
            note,
        } => {
            let to = to.as_deref().map(parse_date).transpose()?;
            let request = CloseRequest {
                outcome: outcome.trim().to_owned(),
                note,
                new_date: to,
                ..CloseRequest::default()
            };
            let done = workflow::goal_outcome(&mut ctx.open_swept()?, goal, &request, ctx.today)?;
            super::report(&done)
        }
        PlanCommand::Show { client, json } => {
            let history = ctx.open_swept()?.plan_history(client)?;
            if json {
                output::json(&history)
            } else {
                print_plans(&history)
            }
        }
    }
}

fn plan_text(plan: &Plan) -> String {
    let mut text = format!(
        "Plan van aanpak versie {} ({}), gestart {}\n",
        plan.version,
        if plan.status == "current" {
            "huidig"
        } else {
            "vervangen"
        },
        dutch(plan.start_date)
    );
    match (plan.evaluation_date, &plan.evaluation_status) {
        (Some(date), Some(status)) => {
            text.push_str(&format!("  evaluatie {} ({status})\n", dutch(date)));
        }
        _ => text.push_str("  nog geen evaluatiedatum\n"),
    }
    for g in &plan.goals {
        text.push_str(&format!(
            "  {:>5}  {:<16} t/m {}  {:<11} {}\n",
            g.id, g.domain, g.deadline, g.status, g.text
        ));
    }
    text
}

fn print_plans(history: &PlanHistory) -> anyhow::Result<()> {
    let mut text = match &history.current {
        Some(plan) => plan_text(plan),
        None => format!("Klant {} heeft geen plan van aanpak.\n", history.client_id),
    };
    for plan in &history.previous {
        text.push('\n');
        text.push_str(&plan_text(plan));
    }
    output::line(text.trim_end())
}

pub fn run_situation(ctx: &Context, command: SituationCommand) -> anyhow::Result<()> {
    let SituationCommand::Add {
        client,
        domain,
        score,
        note,
        date,
    } = command;
    let date = super::date_or_today(ctx, date.as_deref())?;
    let id = workflow::add_situation(
        &mut ctx.open()?,
        client,
        domain.trim(),
        score,
        note.as_deref(),
        date,
        ctx.today,
    )?
    .id();
    print_id(id)
}

pub fn run_ladder(ctx: &Context, command: LadderCommand) -> anyhow::Result<()> {
    let LadderCommand::Add {
        client,
        step,
        note,
        date,
    } = command;
    let date = super::date_or_today(ctx, date.as_deref())?;
    let done = workflow::add_ladder_step(
        &mut ctx.open()?,
        client,
        step,
        note.as_deref(),
        date,
        ctx.today,
    )?;
    print_id(done.id())
}
