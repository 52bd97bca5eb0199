//! Loading many rows in one transaction: demo and scale databases. One audit row
//! records the load as a whole, instead of one per row.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::apply_rows::{insert_client, insert_follow_up};
use super::error::Result;
use super::{Store, Write};
use crate::clock;
use crate::domain::client::NewClient;

/// What a database holds, as far as `inbeeld demo` is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// No clients yet.
    Empty,
    /// Made by `inbeeld demo`: may be replaced.
    Demo,
    /// Someone's own caseload: never replaced.
    Own,
}

/// A historic activity cycle: the activity and the work item its end date raised,
/// both closed with the same outcome.
pub struct ClosedCycle<'a> {
    pub outcome: &'a str,
    pub closed_on: NaiveDate,
    /// The day its item fell due (`domain::work_item::expiry_due`).
    pub due: NaiveDate,
    /// The title of the cycle's work item (`domain::work_item::expiry_title`).
    pub item_title: String,
}

pub struct Loader<'w, 'c> {
    w: &'w Write<'c>,
    now: String,
}

impl Loader<'_, '_> {
    pub fn client(&self, new: &NewClient, registered_on: NaiveDate) -> Result<i64> {
        insert_client(self.w.tx(), new, registered_on, &self.now)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn activity(
        &self,
        client_id: i64,
        type_code: &str,
        title: &str,
        start: NaiveDate,
        end: NaiveDate,
        closed: Option<ClosedCycle>,
    ) -> Result<i64> {
        let tx = self.w.tx();
        tx.prepare_cached(
            "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                 status, outcome_code, closed_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            client_id,
            type_code,
            title,
            start,
            end,
            if closed.is_some() { "closed" } else { "open" },
            closed.as_ref().map(|c| c.outcome),
            closed.as_ref().map(|c| c.closed_on),
            self.now
        ])?;
        let id = tx.last_insert_rowid();
        if let Some(cycle) = closed.filter(|c| c.closed_on >= end) {
            tx.prepare_cached(
                "INSERT INTO work_items (client_id, kind_code, title, due_date, source,
                     source_activity_id, source_end_date, status, outcome_code, closed_at, created_at,
                     closed_on)
                 SELECT ?1, t.expiry_kind, ?8, ?9,
                     'activity', ?2, ?3, 'closed', ?4, ?5 || 'T12:00:00.000Z', ?6, ?5
                 FROM activity_types t WHERE t.code = ?7",
            )?
            .execute(params![
                client_id,
                id,
                end,
                cycle.outcome,
                cycle.closed_on,
                self.now,
                type_code,
                cycle.item_title,
                cycle.due
            ])?;
        }
        Ok(id)
    }

    /// An appointment on `date` at `time` by `channel`.
    pub fn appointment(
        &self,
        client_id: i64,
        title: &str,
        date: NaiveDate,
        time: &str,
        channel: &str,
    ) -> Result<i64> {
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                     appointment_time, channel_code, created_at)
                 VALUES (?1, 'afspraak', ?2, ?3, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![client_id, title, date, time, channel, self.now])?;
        Ok(self.w.tx().last_insert_rowid())
    }

    /// A current plan van aanpak from `start`, with its evaluation activity (closed
    /// with its item when `evaluated` is given).
    pub fn plan(
        &self,
        client_id: i64,
        start: NaiveDate,
        evaluation: NaiveDate,
        evaluated: Option<ClosedCycle>,
    ) -> Result<i64> {
        let activity = self.activity(
            client_id,
            "planevaluatie",
            "Plan van aanpak versie 1",
            start,
            evaluation,
            evaluated,
        )?;
        let tx = self.w.tx();
        tx.prepare_cached(
            "INSERT INTO plans (client_id, version, start_date, evaluation_activity_id, created_at)
             VALUES (?1, 1, ?2, ?3, ?4)",
        )?
        .execute(params![client_id, start, activity, self.now])?;
        Ok(tx.last_insert_rowid())
    }

    /// A goal of a plan, its deadline an activity (closed with its item when `closed`).
    #[allow(clippy::too_many_arguments)]
    pub fn goal(
        &self,
        plan_id: i64,
        client_id: i64,
        text: &str,
        domain: &str,
        start: NaiveDate,
        deadline: NaiveDate,
        closed: Option<ClosedCycle>,
    ) -> Result<()> {
        let status = closed.as_ref().map_or("loopt", |c| c.outcome).to_owned();
        let activity = self.activity(client_id, "doel", text, start, deadline, closed)?;
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO goals (plan_id, text, domain_code, activity_id, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![plan_id, text, domain, activity, status, self.now])?;
        Ok(())
    }

    pub fn ladder_step(&self, client_id: i64, date: NaiveDate, step: i64) -> Result<()> {
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO ladder_steps (client_id, assessed_on, step, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![client_id, date, step, self.now])?;
        Ok(())
    }

    pub fn situation(
        &self,
        client_id: i64,
        domain: &str,
        date: NaiveDate,
        score: i64,
    ) -> Result<()> {
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO situations (client_id, domain_code, assessed_on, score, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![client_id, domain, date, score, self.now])?;
        Ok(())
    }

    /// A klantmanager's own follow-up, still open.
    pub fn follow_up(&self, client_id: i64, title: &str, due: NaiveDate) -> Result<()> {
        insert_follow_up(self.w.tx(), client_id, title, due, &self.now).map(|_| ())
    }

    pub fn contact(
        &self,
        client_id: i64,
        channel: &str,
        date: NaiveDate,
        note: Option<&str>,
        no_show: bool,
    ) -> Result<()> {
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO contacts (client_id, channel_code, contact_date, note, no_show, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![client_id, channel, date, note, no_show, self.now])?;
        Ok(())
    }

    pub fn note(&self, client_id: i64, date: NaiveDate, text: &str) -> Result<()> {
        self.w
            .tx()
            .prepare_cached(
                "INSERT INTO notes (client_id, note_date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![client_id, date, text, self.now])?;
        Ok(())
    }
}

impl Store {
    pub fn contents(&self) -> Result<Contents> {
        let demo: Option<String> = self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = 'demo'", [], |r| {
                r.get(0)
            })
            .optional()?;
        let has_clients: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM clients)", [], |r| r.get(0))?;
        Ok(match (demo, has_clients) {
            (Some(_), _) => Contents::Demo,
            (None, false) => Contents::Empty,
            (None, true) => Contents::Own,
        })
    }

    /// Runs `load` in one transaction; `description` goes into the audit log and
    /// marks the file as a demo when `demo` is set.
    pub fn bulk_load(
        &mut self,
        demo: bool,
        description: serde_json::Value,
        load: impl FnOnce(&Loader) -> Result<()>,
    ) -> Result<()> {
        self.write_unjournaled(|w| {
            let loader = Loader {
                w,
                now: clock::now_utc(),
            };
            load(&loader)?;
            if demo {
                w.tx().execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', ?1)",
                    [description.to_string()],
                )?;
            }
            w.audit(
                "bulk.load",
                "database",
                0,
                json!({ "demo": demo, "load": description }),
            )
        })
    }
}
