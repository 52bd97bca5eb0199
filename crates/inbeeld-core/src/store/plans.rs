//! The plan van aanpak (goals with deadlines, an evaluation date, versions) and the
//! client's situation over time (life domains, participatieladder).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::activities::activity;
use super::error::Result;
use super::{catalog, clients, Store, Write};
use crate::domain::activity::Activity;
use crate::domain::plan::CurrentPlan;
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

/// The status of an evaluation: its outcome, or whether its date moved.
fn evaluation_status(conn: &Connection, a: &Activity) -> Result<String> {
    if let Some(outcome) = &a.outcome {
        return Ok(outcome.clone());
    }
    let cycles: i64 = conn.query_row(
        "SELECT count(*) FROM work_items WHERE source = 'activity' AND source_activity_id = ?1",
        [a.id],
        |r| r.get(0),
    )?;
    let moved: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit_log
             WHERE entity = 'activity' AND entity_id = ?1 AND action = 'activity.extend')",
        [a.id],
        |r| r.get(0),
    )?;
    Ok(if cycles > 0 || moved {
        "bijgesteld"
    } else {
        "loopt"
    }
    .to_owned())
}

fn plan(conn: &Connection, id: i64) -> Result<Plan> {
    let (version, start_date, status, evaluation): (i64, NaiveDate, String, Option<i64>) = conn
        .query_row(
            "SELECT version, start_date, status, evaluation_activity_id FROM plans WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let goals = conn
        .prepare_cached(
            "SELECT g.id, g.text, g.domain_code, a.end_date, g.status, g.activity_id
             FROM goals g JOIN activities a ON a.id = g.activity_id
             WHERE g.plan_id = ?1 ORDER BY g.id",
        )?
        .query_map([id], |r| {
            Ok(Goal {
                id: r.get(0)?,
                text: r.get(1)?,
                domain: r.get(2)?,
                deadline: r.get(3)?,
                status: r.get(4)?,
                activity_id: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let evaluation = evaluation.map(|id| activity(conn, id)).transpose()?;
    Ok(Plan {
        id,
        version,
        start_date,
        status,
        evaluation_date: evaluation.as_ref().map(|a| a.end_date),
        evaluation_status: evaluation
            .as_ref()
            .map(|a| evaluation_status(conn, a))
            .transpose()?,
        goals,
    })
}

pub(crate) fn current_plan_id(conn: &Connection, client_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM plans WHERE client_id = ?1 AND status = 'current'",
            [client_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn require_plan(conn: &Connection, client_id: i64) -> Result<Plan> {
    clients::client(conn, client_id)?;
    match current_plan_id(conn, client_id)? {
        Some(id) => plan(conn, id),
        None => Err(InputError::NoPlan { client: client_id }.into()),
    }
}

/// The evaluation activity of a plan, if it has one.
fn evaluation_activity(conn: &Connection, plan_id: i64) -> Result<Option<i64>> {
    Ok(conn.query_row(
        "SELECT evaluation_activity_id FROM plans WHERE id = ?1",
        [plan_id],
        |r| r.get(0),
    )?)
}

impl Write<'_> {
    pub(crate) fn evaluation_activity(&self, plan_id: i64) -> Result<Option<i64>> {
        evaluation_activity(self.tx(), plan_id)
    }

    /// The client's current plan van aanpak, if one was started.
    pub(crate) fn current_plan(&self, client_id: i64) -> Result<Option<CurrentPlan>> {
        Ok(self
            .tx()
            .query_row(
                "SELECT id, version, start_date FROM plans WHERE client_id = ?1 AND status = 'current'",
                [client_id],
                |r| {
                    Ok(CurrentPlan {
                        client: client_id,
                        id: r.get(0)?,
                        version: r.get(1)?,
                        start: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }
}

impl Store {
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

    /// The current plan of a client, or a refusal when it has none.
    pub fn current_plan(&self, client_id: i64) -> Result<Plan> {
        require_plan(self.conn(), client_id)
    }

    /// The open item of an activity's current cycle, and what `outcome` does on the
    /// activity's kind.
    pub fn current_item_and_effect(
        &self,
        activity_id: i64,
        outcome: &str,
    ) -> Result<(Option<i64>, Option<crate::domain::effects::OutcomeEffect>)> {
        let a = activity(self.conn(), activity_id)?;
        let catalog = catalog::load(self.conn())?;
        let kind = catalog.kind(&catalog.activity_type(&a.type_code)?.expiry_kind)?;
        let item = self
            .conn()
            .query_row(
                "SELECT id FROM work_items WHERE source_activity_id = ?1 AND source = 'activity'
                   AND source_end_date = ?2 AND status = 'open'",
                params![activity_id, a.end_date],
                |r| r.get(0),
            )
            .optional()?;
        Ok((item, kind.effect_of(outcome)))
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
}
