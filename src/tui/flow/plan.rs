//! The plan van aanpak and the client's situation: a goal, the evaluation, a step
//! on the participatieladder, a score on a life domain.

use chrono::NaiveDate;

use super::{future_date, note_field, say, Here, Need, Start, Starter};
use crate::domain::assessment::LADDER;
use crate::domain::plan::{EVALUATION, GOAL};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::{key_of, Action};
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup};
use crate::workflow;

#[derive(Debug, Clone)]
enum PlanEdit {
    AddGoal {
        client_id: i64,
        domain: String,
        text: String,
        deadline: NaiveDate,
    },
    SetEvaluation {
        client_id: i64,
        date: NaiveDate,
    },
    NewVersion {
        client_id: i64,
        start: NaiveDate,
    },
    AddLadderStep {
        client_id: i64,
        step: i64,
        note: Option<String>,
    },
    AddSituation {
        client_id: i64,
        domain: String,
        domain_name: String,
        score: i64,
        note: Option<String>,
    },
}

fn domains(here: &Here) -> Result<Vec<(String, Choice)>, super::Stop> {
    Ok(here
        .store
        .life_domains()?
        .into_iter()
        .map(|(code, name)| (code, Choice::new(name)))
        .collect())
}

/// A goal: its life domain, then the goal and its deadline (the catalogue's
/// length for a goal).
pub fn goal(here: &Here, client_id: i64) -> Start {
    let today = here.today;
    let deadline = here
        .catalog
        .suggested_end(GOAL, today)
        .map_err(|err| super::Stop::Say(err.to_string()))?;
    Ok(Popup::Picker(Picker::new(
        "Nieuw doel: leefgebied",
        domains(here)?,
        move |domain: &String, choice| {
            let form = Form::new(
                format!("Doel ({})", choice.label),
                vec![
                    Field::new("text", "Doel", FieldKind::Text, ""),
                    future_date("deadline", "Deadline", Some(today), deadline),
                ],
            );
            let domain = domain.clone();
            push(popup::form(form, move |values| {
                Ok(Intent::edit(PlanEdit::AddGoal {
                    client_id,
                    domain: domain.clone(),
                    text: values.text("text")?,
                    deadline: values.date("deadline")?,
                }))
            }))
        },
    )))
}

/// The evaluation of the plan; there is none without a plan.
pub fn evaluation(here: &Here, client_id: i64, has_plan: bool) -> Start {
    if !has_plan {
        return say(format!(
            "Nog geen plan van aanpak: voeg eerst een doel toe ({}).",
            key_of(Action::AddGoal, here.rebound)
        ));
    }
    let suggested = here
        .catalog
        .suggested_end(EVALUATION, here.today)
        .map_err(|err| super::Stop::Say(err.to_string()))?;
    let form = Form::new(
        "Evaluatie van het plan van aanpak",
        vec![future_date("date", "Evaluatiedatum", None, suggested)],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(PlanEdit::SetEvaluation {
            client_id,
            date: values.date("date")?,
        }))
    }))
}

/// A new version of the plan van aanpak (after an evaluation): the running
/// goals carry over, the version before stays readable. The first version starts
/// with the first goal.
pub fn new_version(here: &Here, client_id: i64, version: Option<i64>) -> Start {
    let Some(version) = version else {
        return say(format!(
            "Nog geen plan van aanpak: voeg eerst een doel toe ({}).",
            key_of(Action::AddGoal, here.rebound)
        ));
    };
    let mut form = Form::new(
        format!("Plan van aanpak versie {}", version + 1),
        vec![Field::date(
            "start",
            "Start van de nieuwe versie",
            here.today,
        )],
    );
    form.intro = vec![format!(
        "Versie {version} blijft leesbaar; de lopende doelen gaan mee, haar evaluatie vervalt."
    )];
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(PlanEdit::NewVersion {
            client_id,
            start: values.date("start")?,
        }))
    }))
}

/// A step on the participatieladder; the form names all six.
pub fn ladder(client_id: i64, current: Option<i64>) -> Start {
    let mut form = Form::new(
        "Participatieladder",
        vec![
            Field::new(
                "step",
                "Trede (1 t/m 6)",
                FieldKind::Number { min: 1, max: 6 },
                &current.map(|s| s.to_string()).unwrap_or_default(),
            ),
            note_field("Toelichting (mag leeg)"),
        ],
    );
    form.intro = LADDER
        .iter()
        .enumerate()
        .map(|(i, step)| format!("{} {step}", i + 1))
        .collect();
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(PlanEdit::AddLadderStep {
            client_id,
            step: values.number("step")?,
            note: values.optional_text("note")?,
        }))
    }))
}

/// A score on a life domain: the domain, then the score.
pub fn situation(here: &Here, client_id: i64) -> Start {
    Ok(Popup::Picker(Picker::new(
        "Situatie: leefgebied",
        domains(here)?,
        move |domain: &String, choice| {
            let form = Form::new(
                format!("Situatie: {}", choice.label),
                vec![
                    Field::new(
                        "score",
                        "Score (1 grote zorgen … 5 op orde)",
                        FieldKind::Number { min: 1, max: 5 },
                        "",
                    ),
                    note_field("Toelichting (mag leeg)"),
                ],
            );
            let (domain, domain_name) = (domain.clone(), choice.label.clone());
            push(popup::form(form, move |values| {
                Ok(Intent::edit(PlanEdit::AddSituation {
                    client_id,
                    domain: domain.clone(),
                    domain_name: domain_name.clone(),
                    score: values.number("score")?,
                    note: values.optional_text("note")?,
                }))
            }))
        },
    )))
}

/// The plan van aanpak and the situation, in the dossier.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::AddGoal,
        needs: Need::Dossier,
        start: |on| Some(goal(&on.here, on.dossier?.client_id())),
    },
    Starter {
        action: Action::SetEvaluation,
        needs: Need::Dossier,
        start: |on| {
            let view = on.dossier?;
            Some(evaluation(
                &on.here,
                view.client_id(),
                view.plan.current.is_some(),
            ))
        },
    },
    Starter {
        action: Action::NewPlanVersion,
        needs: Need::Dossier,
        start: |on| {
            let view = on.dossier?;
            let version = view.plan.current.as_ref().map(|p| p.version);
            Some(new_version(&on.here, view.client_id(), version))
        },
    },
    Starter {
        action: Action::AddLadderStep,
        needs: Need::Dossier,
        start: |on| {
            let view = on.dossier?;
            Some(ladder(view.client_id(), view.ladder.last().map(|s| s.step)))
        },
    },
    Starter {
        action: Action::AddSituation,
        needs: Need::Dossier,
        start: |on| Some(situation(&on.here, on.dossier?.client_id())),
    },
];

impl Edit for PlanEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        Ok(match self {
            PlanEdit::AddGoal {
                client_id,
                domain,
                text,
                deadline,
            } => {
                // A first goal starts the plan van aanpak today, in the same edit.
                let done = workflow::add_goal(
                    cx.store,
                    *client_id,
                    (text, domain, Some(*deadline)),
                    true,
                    today,
                )?;
                Applied::done(
                    format!("Doel '{text}' toegevoegd aan het plan van aanpak"),
                    &done,
                    cx.catalog,
                )
            }
            PlanEdit::SetEvaluation { client_id, date } => {
                let done = workflow::set_evaluation(cx.store, *client_id, *date, today)?;
                Applied::done("Evaluatie", &done, cx.catalog)
            }
            PlanEdit::NewVersion { client_id, start } => {
                let done = workflow::new_plan(cx.store, *client_id, *start, today)?;
                Applied::done("Plan van aanpak", &done, cx.catalog)
            }
            PlanEdit::AddLadderStep {
                client_id,
                step,
                note,
            } => {
                let done = workflow::add_ladder_step(
                    cx.store,
                    *client_id,
                    *step,
                    note.as_deref(),
                    today,
                    today,
                )?;
                Applied::done(format!("Trede {step} vastgelegd"), &done, cx.catalog)
            }
            PlanEdit::AddSituation {
                client_id,
                domain,
                domain_name,
                score,
                note,
            } => {
                workflow::add_situation(
                    cx.store,
                    *client_id,
                    domain,
                    *score,
                    note.as_deref(),
                    today,
                    today,
                )?;
                // What the summary says by the domain's code, in words.
                Applied::say(format!(
                    "Situatie {}: {score} vastgelegd",
                    domain_name.to_lowercase()
                ))
            }
        })
    }
}
