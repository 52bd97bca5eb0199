//! The rows that effects add: a client, an aanvraag, a plan and its goals, a
//! vervolgactie, and the items the sweep raises. Called from `apply` only (and the
//! bulk load of the demo reuses the two plain ones), so that every row of a case is
//! written by applying an effect.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde_json::json;

use super::error::Result;
use super::plans::{current_plan_id, require_plan};
use super::Write;
use crate::clock;
use crate::domain::aanvraag::NewApplication;
use crate::domain::bsn::Bsn;
use crate::domain::client::NewClient;
use crate::domain::handling::RHYTHM_KIND;
use crate::domain::plan::GOAL;

/// Inserts a client; `registered_on` starts the contact rhythm. Returns the id.
pub(super) fn insert_client(
    conn: &Connection,
    new: &NewClient,
    registered_on: NaiveDate,
    now: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO clients (name, bsn, birth_date, category_code, phone, email,
             contact_preference, case_manager_id, registered_on, created_at, given_name,
             name_prefix, surname, street, house_number, house_number_addition, postcode,
             city)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
             (SELECT id FROM case_managers ORDER BY id LIMIT 1), ?8, ?9, ?10, ?11, ?12, ?13,
             ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        new.name,
        new.bsn.as_ref().map(Bsn::as_str),
        new.birth_date,
        new.category,
        new.phone,
        new.email,
        new.contact_preference,
        registered_on,
        now,
        new.parts.given,
        new.parts.prefix,
        new.parts.surname,
        new.address.street,
        new.address.house_number,
        new.address.addition,
        new.address.postcode,
        new.address.city
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Inserts a klantmanager's own follow-up (vervolgactie). Returns the id.
pub(super) fn insert_follow_up(
    conn: &Connection,
    client_id: i64,
    title: &str,
    due: NaiveDate,
    now: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
         VALUES (?1, 'vervolgactie', ?2, ?3, 'manual', ?4)",
    )?
    .execute(params![client_id, title, due, now])?;
    Ok(conn.last_insert_rowid())
}

impl Write<'_> {
    /// Stores a new aanvraag as the rules set it up. Returns the id.
    pub(super) fn insert_application(&self, new: &NewApplication) -> Result<i64> {
        self.tx().execute(
            "INSERT INTO applications (client_id, reported_on, received_on, expected_on, under_27, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                new.client_id,
                new.reported_on,
                new.received_on,
                new.expected_on,
                new.under_27,
                clock::now_utc()
            ],
        )?;
        let id = self.tx().last_insert_rowid();
        self.audit(
            "application.add",
            "application",
            id,
            json!({ "client_id": new.client_id, "reported_on": new.reported_on,
                    "received_on": new.received_on, "expected_on": new.expected_on,
                    "under_27": new.under_27 }),
        )?;
        Ok(id)
    }

    /// Stores a new version of the plan van aanpak: the previous one is replaced and
    /// stays readable; its running goals carry over. Returns the id.
    pub(super) fn insert_plan(&self, client_id: i64, start: NaiveDate) -> Result<i64> {
        let tx = self.tx();
        let previous = current_plan_id(tx, client_id)?;
        let version: i64 = tx.query_row(
            "SELECT coalesce(max(version), 0) + 1 FROM plans WHERE client_id = ?1",
            [client_id],
            |r| r.get(0),
        )?;
        if let Some(old) = previous {
            tx.execute("UPDATE plans SET status = 'replaced' WHERE id = ?1", [old])?;
        }
        tx.execute(
            "INSERT INTO plans (client_id, version, start_date, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![client_id, version, start, clock::now_utc()],
        )?;
        let id = tx.last_insert_rowid();
        if let Some(old) = previous {
            tx.execute(
                "INSERT INTO goals (plan_id, text, domain_code, activity_id, status, created_at)
                 SELECT ?1, g.text, g.domain_code, g.activity_id, g.status, ?3 FROM goals g
                 JOIN activities a ON a.id = g.activity_id
                 WHERE g.plan_id = ?2 AND a.status = 'open'",
                params![id, old, clock::now_utc()],
            )?;
        }
        self.audit(
            "plan.new",
            "plan",
            id,
            json!({ "client_id": client_id, "version": version, "start_date": start, "replaces": previous }),
        )?;
        Ok(id)
    }

    /// An activity of the plan van aanpak (a goal's deadline, the evaluation date).
    fn insert_plan_activity(
        &self,
        client_id: i64,
        type_code: &str,
        title: &str,
        (start, end): (NaiveDate, NaiveDate),
    ) -> Result<i64> {
        self.tx().execute(
            "INSERT INTO activities (client_id, type_code, title, start_date, end_date, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![client_id, type_code, title, start, end, clock::now_utc()],
        )?;
        Ok(self.tx().last_insert_rowid())
    }

    /// A goal on the client's current plan (the rules checked it, and that there is
    /// one); its deadline is an activity that expires into "doel evalueren".
    pub(super) fn insert_goal(
        &self,
        client_id: i64,
        text: &str,
        domain: &str,
        deadline: NaiveDate,
    ) -> Result<i64> {
        let plan = require_plan(self.tx(), client_id)?;
        let activity =
            self.insert_plan_activity(client_id, GOAL, text, (plan.start_date, deadline))?;
        self.tx().execute(
            "INSERT INTO goals (plan_id, text, domain_code, activity_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![plan.id, text, domain, activity, clock::now_utc()],
        )?;
        let id = self.tx().last_insert_rowid();
        self.audit(
            "plan.goal",
            "goal",
            id,
            json!({ "plan_id": plan.id, "text": text, "domain": domain, "deadline": deadline }),
        )?;
        Ok(id)
    }

    /// The evaluation date of a plan that has none running: an activity that
    /// expires into "plan evalueren", linked to the plan. Returns the activity.
    pub(super) fn insert_evaluation(
        &self,
        (client_id, plan_id): (i64, i64),
        type_code: &str,
        title: &str,
        (start, date): (NaiveDate, NaiveDate),
    ) -> Result<i64> {
        let activity = self.insert_plan_activity(client_id, type_code, title, (start, date))?;
        self.tx().execute(
            "UPDATE plans SET evaluation_activity_id = ?2 WHERE id = ?1",
            params![plan_id, activity],
        )?;
        self.audit(
            "plan.evaluation",
            "plan",
            plan_id,
            json!({ "date": date, "activity_id": activity }),
        )?;
        Ok(activity)
    }

    /// The item of an activity's cycle, unless one exists (the unique key decides,
    /// so a concurrent sweep cannot make a second). Marks the cycle expired either
    /// way. Returns the new item.
    pub(super) fn raise_expiry(
        &self,
        (activity, client): (i64, i64),
        kind: &str,
        title: &str,
        (due, cycle_end): (NaiveDate, NaiveDate),
    ) -> Result<Option<i64>> {
        let created = self
            .tx()
            .prepare_cached(
                "INSERT INTO work_items (client_id, kind_code, title, due_date, source,
                     source_activity_id, source_end_date, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'activity', ?5, ?6, ?7)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                client,
                kind,
                title,
                due,
                activity,
                cycle_end,
                clock::now_utc()
            ])?
            == 1;
        let id = self.audited_item(
            created,
            "sweep.expire",
            json!({
                "activity_id": activity,
                "cycle_end": cycle_end,
                "kind": kind,
                "due_date": due,
            }),
        )?;
        // Expired for this end date, whether this sweep or another made the item.
        self.tx()
            .prepare_cached(
                "UPDATE activities SET expired_end_date = end_date WHERE id = ?1 AND end_date = ?2",
            )?
            .execute(params![activity, cycle_end])?;
        Ok(id)
    }

    /// The "nabellen" item of an afspraak day, unless it exists.
    pub(super) fn raise_reminder(
        &self,
        (activity, client): (i64, i64),
        appointment: NaiveDate,
        title: &str,
        due: NaiveDate,
    ) -> Result<Option<i64>> {
        let created = self
            .tx()
            .prepare_cached(
                "INSERT INTO work_items (client_id, kind_code, title, due_date, source,
                     source_activity_id, source_end_date, created_at)
                 VALUES (?1, 'nabellen', ?2, ?3, 'nabellen', ?4, ?5, ?6)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                client,
                title,
                due,
                activity,
                appointment,
                clock::now_utc()
            ])?
            == 1;
        self.audited_item(
            created,
            "sweep.remind",
            json!({ "activity_id": activity, "appointment": appointment, "due_date": due }),
        )
    }

    /// A "contact opnemen" item of the rhythm, unless the client has one on that
    /// day (the unique key decides): raised by the sweep, or the next attempt after
    /// *niet bereikt* (`action` says which).
    pub(super) fn raise_rhythm(
        &self,
        client: i64,
        title: &str,
        due: NaiveDate,
        action: &str,
    ) -> Result<Option<i64>> {
        let created = self
            .tx()
            .prepare_cached(
                "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'rhythm', ?5)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![client, RHYTHM_KIND, title, due, clock::now_utc()])?
            == 1;
        self.audited_item(
            created,
            action,
            json!({ "client_id": client, "kind": RHYTHM_KIND, "title": title, "due_date": due }),
        )
    }

    /// The audit row of a work item the statement before just inserted, if it did
    /// (an item that existed already is no new row). Returns the new item.
    fn audited_item(
        &self,
        created: bool,
        action: &str,
        detail: serde_json::Value,
    ) -> Result<Option<i64>> {
        if !created {
            return Ok(None);
        }
        let id = self.tx().last_insert_rowid();
        self.audit(action, "work_item", id, detail)?;
        Ok(Some(id))
    }
}
