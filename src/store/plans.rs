//! The plan van aanpak (goals with deadlines, an evaluation date, versions) and the
//! client's situation over time (life domains, participatieladder).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use super::error::Result;
use super::work_items::{activity, move_end_date};
use super::{catalog, clients, Store, Write};
use crate::clock;
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::error::{optional_text, required_text};
use crate::domain::InputError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub id: i64,
    pub text: String,
    pub domain: String,
    pub deadline: NaiveDate,
    /// `loopt`, `bijgesteld` (running with a new deadline), or the outcome that
    /// closed it (`behaald`, `vervallen`).
    pub status: String,
    pub activity_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: i64,
    pub version: i64,
    pub start_date: NaiveDate,
    pub status: String,
    pub evaluation_date: Option<NaiveDate>,
    pub evaluation_status: Option<String>,
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanHistory {
    pub client_id: i64,
    pub current: Option<Plan>,
    /// Earlier versions, newest first, as they were when replaced.
    pub previous: Vec<Plan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Situation {
    pub domain: String,
    pub assessed_on: NaiveDate,
    pub score: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LadderStep {
    pub assessed_on: NaiveDate,
    pub step: i64,
    pub note: Option<String>,
}

fn status_of(conn: &Connection, a: &Activity) -> Result<String> {
    if let Some(outcome) = &a.outcome {
        return Ok(outcome.clone());
    }
    // Every move of the deadline, by an outcome or by hand, is in the audit log.
    let adjusted: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit_log
             WHERE entity = 'activity' AND entity_id = ?1 AND action = 'activity.extend')",
        [a.id],
        |r| r.get(0),
    )?;
    Ok(if adjusted { "bijgesteld" } else { "loopt" }.to_owned())
}

fn plan(conn: &Connection, id: i64) -> Result<Plan> {
    let (version, start_date, status, evaluation): (i64, NaiveDate, String, Option<i64>) = conn
        .query_row(
            "SELECT version, start_date, status, evaluation_activity_id FROM plans WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let goal_rows: Vec<(i64, String, String, i64)> = conn
        .prepare_cached(
            "SELECT id, text, domain_code, activity_id FROM goals WHERE plan_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut goals = Vec::new();
    for (goal_id, text, domain, activity_id) in goal_rows {
        let a = activity(conn, activity_id)?;
        goals.push(Goal {
            id: goal_id,
            text,
            domain,
            deadline: a.end_date,
            status: status_of(conn, &a)?,
            activity_id,
        });
    }
    let evaluation = evaluation.map(|id| activity(conn, id)).transpose()?;
    Ok(Plan {
        id,
        version,
        start_date,
        status,
        evaluation_date: evaluation.as_ref().map(|a| a.end_date),
        evaluation_status: evaluation
            .as_ref()
            .map(|a| status_of(conn, a))
            .transpose()?,
        goals,
    })
}

fn current_plan_id(conn: &Connection, client_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM plans WHERE client_id = ?1 AND status = 'current'",
            [client_id],
            |r| r.get(0),
        )
        .optional()?)
}

fn require_plan(conn: &Connection, client_id: i64) -> Result<Plan> {
    clients::client(conn, client_id)?;
    match current_plan_id(conn, client_id)? {
        Some(id) => plan(conn, id),
        None => Err(InputError::Other(format!(
            "klant {client_id} heeft nog geen plan van aanpak; maak er een met 'inbeeld plan new --client {client_id}'"
        ))
        .into()),
    }
}

fn insert_plan_activity(
    w: &Write,
    client_id: i64,
    type_code: &str,
    title: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<i64> {
    w.tx().execute(
        "INSERT INTO activities (client_id, type_code, title, start_date, end_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![client_id, type_code, title, start, end, clock::now_utc()],
    )?;
    Ok(w.tx().last_insert_rowid())
}

impl Store {
    /// Starts a (new version of the) plan van aanpak. The previous version stays
    /// readable as it was; its running goals carry over to the new one.
    pub fn new_plan(&mut self, client_id: i64, start: NaiveDate) -> Result<i64> {
        clients::client(self.conn(), client_id)?;
        self.write(|w| {
            let previous = current_plan_id(w.tx(), client_id)?;
            let version: i64 = w.tx().query_row(
                "SELECT coalesce(max(version), 0) + 1 FROM plans WHERE client_id = ?1",
                [client_id],
                |r| r.get(0),
            )?;
            if let Some(old) = previous {
                w.tx().execute("UPDATE plans SET status = 'replaced' WHERE id = ?1", [old])?;
            }
            w.tx().execute(
                "INSERT INTO plans (client_id, version, start_date, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![client_id, version, start, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            if let Some(old) = previous {
                w.tx().execute(
                    "INSERT INTO goals (plan_id, text, domain_code, activity_id, created_at)
                     SELECT ?1, g.text, g.domain_code, g.activity_id, ?3 FROM goals g
                     JOIN activities a ON a.id = g.activity_id
                     WHERE g.plan_id = ?2 AND a.status = 'open'",
                    params![id, old, clock::now_utc()],
                )?;
            }
            w.audit(
                "plan.new",
                "plan",
                id,
                json!({ "client_id": client_id, "version": version, "start_date": start, "replaces": previous }),
            )?;
            Ok(id)
        })
    }

    /// Adds a goal to the current plan; its deadline is an activity that expires into
    /// "doel evalueren".
    pub fn add_goal(
        &mut self,
        client_id: i64,
        text: &str,
        domain: &str,
        deadline: Option<NaiveDate>,
    ) -> Result<i64> {
        let text = required_text("de tekst van het doel", text)?;
        let Some(deadline) = deadline else {
            return Err(InputError::Other(
                "een doel heeft een deadline (--deadline JJJJ-MM-DD): geen doel zonder einddatum"
                    .to_owned(),
            )
            .into());
        };
        self.life_domain(domain)?;
        let plan = require_plan(self.conn(), client_id)?;
        if deadline < plan.start_date {
            return Err(InputError::EndBeforeStart {
                start: plan.start_date.to_string(),
                end: deadline.to_string(),
            }
            .into());
        }
        self.write(|w| {
            let activity = insert_plan_activity(w, client_id, "doel", &text, plan.start_date, deadline)?;
            w.tx().execute(
                "INSERT INTO goals (plan_id, text, domain_code, activity_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![plan.id, text, domain, activity, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit(
                "plan.goal",
                "goal",
                id,
                json!({ "plan_id": plan.id, "text": text, "domain": domain, "deadline": deadline }),
            )?;
            Ok(id)
        })
    }

    /// Sets (or moves) the evaluation date of the current plan.
    pub fn set_evaluation(&mut self, client_id: i64, date: NaiveDate) -> Result<()> {
        let plan = require_plan(self.conn(), client_id)?;
        if date < plan.start_date {
            return Err(InputError::Other(format!(
                "de evaluatiedatum {date} ligt vóór de start van het plan ({})",
                plan.start_date
            ))
            .into());
        }
        let catalog = catalog::load(self.conn())?;
        self.write(|w| {
            let existing: Option<i64> = w.tx().query_row(
                "SELECT evaluation_activity_id FROM plans WHERE id = ?1",
                [plan.id],
                |r| r.get(0),
            )?;
            match existing.map(|id| activity(w.tx(), id)).transpose()? {
                Some(a) if a.status == ActivityStatus::Open && a.end_date != date => {
                    move_end_date(w, &catalog, &a, date)
                }
                Some(a) if a.status == ActivityStatus::Open => Ok(()),
                _ => {
                    let title = format!("Plan van aanpak versie {}", plan.version);
                    let id = insert_plan_activity(
                        w,
                        client_id,
                        "planevaluatie",
                        &title,
                        plan.start_date,
                        date,
                    )?;
                    w.tx().execute(
                        "UPDATE plans SET evaluation_activity_id = ?2 WHERE id = ?1",
                        params![plan.id, id],
                    )?;
                    w.audit(
                        "plan.evaluation",
                        "plan",
                        plan.id,
                        json!({ "date": date, "activity_id": id }),
                    )
                }
            }
        })
    }

    /// The activity behind a goal, for recording its outcome.
    pub fn goal_activity(&self, goal_id: i64) -> Result<i64> {
        self.conn()
            .query_row(
                "SELECT activity_id FROM goals WHERE id = ?1",
                [goal_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                InputError::UnknownId {
                    what: "onbekend doel",
                    id: goal_id,
                }
                .into()
            })
    }

    /// Records a goal's outcome: through its work item when the deadline raised one,
    /// else on the goal's activity directly (`bijgesteld` moves the deadline).
    pub fn goal_outcome(
        &mut self,
        goal_id: i64,
        outcome: &str,
        note: Option<&str>,
        new_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<()> {
        let activity_id = self.goal_activity(goal_id)?;
        let open_item: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM work_items WHERE source_activity_id = ?1 AND status = 'open'",
                [activity_id],
                |r| r.get(0),
            )
            .optional()?;
        match (open_item, outcome, new_date) {
            (Some(item), _, _) => self.close_item(item, outcome, note, new_date, today),
            (None, "bijgesteld", Some(to)) if to > today => self.extend_activity(activity_id, to),
            (None, "bijgesteld", _) => Err(InputError::Other(
                "'bijgesteld' vraagt een nieuwe deadline na vandaag (--to JJJJ-MM-DD)".to_owned(),
            )
            .into()),
            (None, _, Some(_)) => Err(InputError::Other(format!(
                "afhandeling '{outcome}' neemt geen nieuwe datum; alleen 'bijgesteld' doet dat"
            ))
            .into()),
            (None, _, None) => self.close_activity(activity_id, outcome, note, today),
        }
    }

    pub fn plan_history(&self, client_id: i64) -> Result<PlanHistory> {
        clients::client(self.conn(), client_id)?;
        let ids: Vec<(i64, String)> = self
            .conn()
            .prepare_cached(
                "SELECT id, status FROM plans WHERE client_id = ?1 ORDER BY version DESC",
            )?
            .query_map([client_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut current = None;
        let mut previous = Vec::new();
        for (id, status) in ids {
            let p = plan(self.conn(), id)?;
            if status == "current" {
                current = Some(p);
            } else {
                previous.push(p);
            }
        }
        Ok(PlanHistory {
            client_id,
            current,
            previous,
        })
    }

    fn life_domain(&self, code: &str) -> Result<()> {
        let codes: Vec<String> = self
            .conn()
            .prepare_cached("SELECT code FROM life_domains ORDER BY sort_order")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if codes.iter().any(|c| c == code) {
            Ok(())
        } else {
            Err(InputError::unknown_code("onbekend leefgebied", code, &codes).into())
        }
    }

    pub fn add_situation(
        &mut self,
        client_id: i64,
        domain: &str,
        score: i64,
        note: Option<&str>,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<i64> {
        clients::client(self.conn(), client_id)?;
        self.life_domain(domain)?;
        if !(1..=5).contains(&score) {
            return Err(InputError::Other(format!(
                "score {score} kan niet: 1 (grote zorgen) tot en met 5 (op orde)"
            ))
            .into());
        }
        assessed_by_today(date, today)?;
        let note = optional_text(note);
        self.write(|w| {
            w.tx().execute(
                "INSERT INTO situations (client_id, domain_code, assessed_on, score, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![client_id, domain, date, score, note, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit("situation.add", "situation", id, json!({ "client_id": client_id, "domain": domain, "score": score, "date": date, "note": note }))?;
            Ok(id)
        })
    }

    pub fn add_ladder_step(
        &mut self,
        client_id: i64,
        step: i64,
        note: Option<&str>,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<i64> {
        clients::client(self.conn(), client_id)?;
        if !(1..=6).contains(&step) {
            return Err(InputError::Other(format!(
                "trede {step} bestaat niet: de participatieladder loopt van 1 tot en met 6"
            ))
            .into());
        }
        assessed_by_today(date, today)?;
        let note = optional_text(note);
        self.write(|w| {
            w.tx().execute(
                "INSERT INTO ladder_steps (client_id, assessed_on, step, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![client_id, date, step, note, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit("ladder.add", "ladder_step", id, json!({ "client_id": client_id, "step": step, "date": date, "note": note }))?;
            Ok(id)
        })
    }

    /// Life-domain assessments, oldest first.
    pub fn situations(&self, client_id: i64) -> Result<Vec<Situation>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT s.domain_code, s.assessed_on, s.score, s.note FROM situations s
                 JOIN life_domains d ON d.code = s.domain_code
                 WHERE s.client_id = ?1 ORDER BY s.assessed_on, d.sort_order, s.id",
            )?
            .query_map([client_id], |r| {
                Ok(Situation {
                    domain: r.get(0)?,
                    assessed_on: r.get(1)?,
                    score: r.get(2)?,
                    note: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Participatieladder steps, oldest first.
    pub fn ladder(&self, client_id: i64) -> Result<Vec<LadderStep>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT assessed_on, step, note FROM ladder_steps WHERE client_id = ?1 ORDER BY assessed_on, id",
            )?
            .query_map([client_id], |r| Ok(LadderStep { assessed_on: r.get(0)?, step: r.get(1)?, note: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The life domains, in catalogue order, as (code, name).
    pub fn life_domains(&self) -> Result<Vec<(String, String)>> {
        let rows = self
            .conn()
            .prepare_cached("SELECT code, name FROM life_domains ORDER BY sort_order")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Changes a category's contact rhythm (a catalogue row).
    pub fn set_rhythm(&mut self, category: &str, days: i64) -> Result<()> {
        let old = catalog::load(self.conn())?
            .category(category)?
            .contact_rhythm_days;
        if days <= 0 {
            return Err(InputError::Other(format!(
                "een contactritme van {days} dagen kan niet: minstens 1 dag"
            ))
            .into());
        }
        self.write(|w| {
            w.tx().execute(
                "UPDATE categories SET contact_rhythm_days = ?2 WHERE code = ?1",
                params![category, days],
            )?;
            w.audit(
                "catalog.rhythm",
                "category",
                0,
                json!({ "category": category, "old": old, "new": days }),
            )
        })
    }
}

/// An assessment records what was seen, so it cannot be dated after today.
fn assessed_by_today(date: NaiveDate, today: NaiveDate) -> Result<()> {
    if date > today {
        return Err(InputError::Other(format!("{date} ligt in de toekomst")).into());
    }
    Ok(())
}
