//! Applying effects: each effect becomes its rows and one audit row, in the write
//! transaction of the edit. Nothing here decides what an edit means; the rules in
//! `domain` did that.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::error::Result;
use super::Write;
use crate::clock;
use crate::domain::effects::Effect;
use crate::domain::InputError;

impl Write<'_> {
    /// Stores one effect. `added` is the activity an earlier effect of the same edit
    /// added (a `Suspend` without an activity refers to it). Returns the id of a row
    /// the effect added.
    pub(crate) fn apply(
        &self,
        effect: &Effect,
        today: NaiveDate,
        added: &mut Option<i64>,
    ) -> Result<Option<i64>> {
        let tx = self.tx();
        let now = clock::now_utc();
        match effect {
            Effect::CloseItem {
                item,
                outcome,
                note,
            } => {
                let due: Option<NaiveDate> = tx
                    .query_row(
                        "SELECT due_date FROM work_items WHERE id = ?1 AND status = 'open'",
                        [item],
                        |r| r.get(0),
                    )
                    .optional()?;
                // Already closed by another effect of this edit: nothing to do.
                let Some(due) = due else { return Ok(None) };
                tx.execute(
                    "UPDATE work_items SET status = 'closed', outcome_code = ?2, outcome_note = ?3,
                         closed_at = ?4, closed_on = ?5 WHERE id = ?1",
                    params![item, outcome, note, now, today],
                )?;
                self.audit(
                    "work_item.close",
                    "work_item",
                    *item,
                    json!({
                        "old": { "status": "open", "due_date": due },
                        "new": { "status": "closed", "outcome": outcome, "note": note },
                    }),
                )?;
            }
            Effect::Postpone {
                item,
                from,
                to,
                reason,
            } => {
                tx.execute(
                    "INSERT INTO postponements (work_item_id, from_date, to_date, reason, at,
                         postponed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![item, from, to, reason, now, today],
                )?;
                tx.execute(
                    "UPDATE work_items SET due_date = ?2 WHERE id = ?1",
                    params![item, to],
                )?;
                self.audit(
                    "work_item.postpone",
                    "work_item",
                    *item,
                    json!({ "old": { "due_date": from }, "new": { "due_date": to }, "reason": reason }),
                )?;
            }
            Effect::FinishActivity {
                activity,
                outcome,
                note,
            } => {
                let end: Option<NaiveDate> = tx
                    .query_row(
                        "SELECT end_date FROM activities WHERE id = ?1 AND status = 'open'",
                        [activity],
                        |r| r.get(0),
                    )
                    .optional()?;
                let Some(end) = end else { return Ok(None) };
                tx.execute(
                    "UPDATE activities SET status = 'closed', outcome_code = ?2, outcome_note = ?3,
                         closed_on = ?4 WHERE id = ?1",
                    params![activity, outcome, note, today],
                )?;
                self.audit(
                    "activity.close",
                    "activity",
                    *activity,
                    json!({
                        "old": { "status": "open", "end_date": end },
                        "new": { "status": "closed", "outcome": outcome, "note": note, "closed_on": today },
                    }),
                )?;
            }
            Effect::NewCycle {
                activity,
                from,
                to,
                term_from,
                explanation,
            } => {
                tx.execute(
                    "UPDATE activities SET end_date = ?2, term_from = coalesce(?3, term_from),
                         term_note = coalesce(?4, term_note) WHERE id = ?1",
                    params![activity, to, term_from, explanation],
                )?;
                self.audit(
                    "activity.extend",
                    "activity",
                    *activity,
                    json!({ "old": { "end_date": from }, "new": { "end_date": to } }),
                )?;
            }
            Effect::Retype {
                activity,
                from,
                to,
                item_title,
            } => {
                tx.execute(
                    "UPDATE activities SET type_code = ?2 WHERE id = ?1 AND type_code = ?3",
                    params![activity, to, from],
                )?;
                tx.execute(
                    "UPDATE work_items SET kind_code = (SELECT expiry_kind FROM activity_types
                         WHERE code = ?2), title = ?3
                     WHERE source_activity_id = ?1 AND source = 'activity' AND status = 'open'",
                    params![activity, to, item_title],
                )?;
                self.audit(
                    "activity.retype",
                    "activity",
                    *activity,
                    json!({ "old": { "type_code": from }, "new": { "type_code": to } }),
                )?;
            }
            Effect::SetTermEnd {
                activity,
                from,
                to,
                due,
                explanation,
            } => {
                tx.execute(
                    "UPDATE activities SET end_date = ?2, term_note = ?3 WHERE id = ?1",
                    params![activity, to, explanation],
                )?;
                // The item of the cycle is about the same deadline: it moves along
                // (when only the explanation changed, it keeps its date).
                if from != to {
                    tx.execute(
                        "UPDATE work_items SET source_end_date = ?2, due_date = ?4
                         WHERE source_activity_id = ?1 AND source = 'activity' AND status = 'open'
                           AND source_end_date = ?3",
                        params![activity, to, from, due],
                    )?;
                }
                tx.execute(
                    "UPDATE activities SET expired_end_date = end_date WHERE id = ?1
                       AND EXISTS (SELECT 1 FROM work_items w WHERE w.source = 'activity'
                           AND w.source_activity_id = ?1 AND w.source_end_date = ?2)",
                    params![activity, to],
                )?;
                self.audit(
                    "term.recompute",
                    "activity",
                    *activity,
                    json!({ "old": { "end_date": from }, "new": { "end_date": to },
                            "explanation": explanation }),
                )?;
            }
            Effect::RecordContact {
                client,
                channel,
                date,
                note,
            }
            | Effect::RecordNoShow {
                client,
                channel,
                date,
                note,
            } => {
                let no_show = matches!(effect, Effect::RecordNoShow { .. });
                tx.prepare_cached(
                    "INSERT INTO contacts (client_id, channel_code, contact_date, note, no_show, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![client, channel, date, note, no_show, now])?;
                let id = tx.last_insert_rowid();
                self.audit(
                    if no_show {
                        "contact.no_show"
                    } else {
                        "contact.add"
                    },
                    "contact",
                    id,
                    json!({ "client_id": client, "channel": channel, "date": date, "note": note }),
                )?;
                return Ok(Some(id));
            }
            Effect::AddFollowUp { client, title, due } => {
                let id = super::apply_rows::insert_follow_up(tx, *client, title, *due, &now)?;
                self.audit(
                    "work_item.add",
                    "work_item",
                    id,
                    json!({ "client_id": client, "kind": "vervolgactie", "title": title, "due_date": due }),
                )?;
                return Ok(Some(id));
            }
            Effect::AddClient {
                details,
                category,
                registered_on,
            } => {
                let new = crate::domain::client::NewClient {
                    name: details.name.clone(),
                    parts: details.parts.clone(),
                    address: details.address.clone(),
                    bsn: details
                        .bsn
                        .as_deref()
                        .map(crate::domain::bsn::Bsn::parse)
                        .transpose()?,
                    birth_date: details.birth_date,
                    category: category.clone(),
                    phone: details.phone.clone(),
                    email: details.email.clone(),
                    contact_preference: details.contact_preference.clone(),
                };
                let id = super::apply_rows::insert_client(tx, &new, *registered_on, &now)?;
                // The audit keeps the BSN masked: the log is read more widely than the file.
                self.audit(
                    "client.add",
                    "client",
                    id,
                    json!({
                        "name": new.name,
                        "bsn": new.bsn.as_ref().map(crate::domain::bsn::Bsn::masked),
                        "birth_date": new.birth_date,
                        "category": new.category,
                        "phone": new.phone,
                        "email": new.email,
                        "contact_preference": new.contact_preference,
                        "parts": new.parts,
                        "address": new.address,
                    }),
                )?;
                return Ok(Some(id));
            }
            Effect::AddApplication { application } => {
                return Ok(Some(self.insert_application(application)?));
            }
            Effect::DeclareHoliday { date, name, source } => {
                tx.execute(
                    "INSERT INTO declared_holidays (date, name, source) VALUES (?1, ?2, ?3)",
                    params![date, name, source],
                )?;
                self.audit(
                    "calendar.declare",
                    "declared_holiday",
                    0,
                    json!({ "date": date, "name": name, "source": source }),
                )?;
            }
            Effect::AddRuleVersion {
                rule,
                valid_from,
                length_days,
                article,
                source,
            } => {
                // The version before it holds until the day this one starts.
                tx.execute(
                    "UPDATE term_rule_versions SET valid_to = ?2 WHERE rule = ?1 AND valid_to IS NULL",
                    params![rule, valid_from],
                )?;
                tx.execute(
                    "INSERT INTO term_rule_versions (rule, valid_from, length_days, article, source)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![rule, valid_from, length_days, article, source],
                )?;
                self.audit(
                    "term_rule.version",
                    "term_rule",
                    0,
                    json!({ "rule": rule, "valid_from": valid_from, "length_days": length_days,
                            "article": article, "source": source }),
                )?;
            }
            Effect::DeclareYear { year, source } => {
                tx.execute(
                    "INSERT INTO declared_years (year, source) VALUES (?1, ?2)",
                    params![year, source],
                )?;
                self.audit(
                    "calendar.year_known",
                    "declared_year",
                    i64::from(*year),
                    json!({ "year": year, "source": source }),
                )?;
            }
            Effect::StartPlan { client, start } => {
                return Ok(Some(self.insert_plan(*client, *start)?));
            }
            Effect::AddEvaluation {
                client,
                plan,
                type_code,
                title,
                start,
                end,
            } => {
                let id =
                    self.insert_evaluation((*client, *plan), type_code, title, (*start, *end))?;
                return Ok(Some(id));
            }
            Effect::RaiseExpiry {
                activity,
                client,
                kind,
                title,
                due,
                cycle_end,
            } => {
                return self.raise_expiry((*activity, *client), kind, title, (*due, *cycle_end));
            }
            Effect::RaiseReminder {
                activity,
                client,
                appointment,
                title,
                due,
            } => {
                return self.raise_reminder((*activity, *client), *appointment, title, *due);
            }
            Effect::RaiseRhythmItem { client, title, due } => {
                return self.raise_rhythm(*client, title, *due, "sweep.rhythm");
            }
            Effect::AddGoal {
                client,
                text,
                domain,
                deadline,
            } => {
                let id = self.insert_goal(*client, text, domain, *deadline)?;
                return Ok(Some(id));
            }
            Effect::AddNote { client, date, text } => {
                tx.execute(
                    "INSERT INTO notes (client_id, note_date, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![client, date, text, now],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "note.add",
                    "note",
                    id,
                    json!({ "client_id": client, "date": date, "text": text }),
                )?;
                return Ok(Some(id));
            }
            Effect::AddSituation {
                client,
                domain,
                score,
                note,
                date,
            } => {
                tx.execute(
                    "INSERT INTO situations (client_id, domain_code, assessed_on, score, note, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![client, domain, date, score, note, now],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "situation.add",
                    "situation",
                    id,
                    json!({ "client_id": client, "domain": domain, "score": score, "date": date, "note": note }),
                )?;
                return Ok(Some(id));
            }
            Effect::AddLadderStep {
                client,
                step,
                note,
                date,
            } => {
                tx.execute(
                    "INSERT INTO ladder_steps (client_id, assessed_on, step, note, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![client, date, step, note, now],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "ladder.add",
                    "ladder_step",
                    id,
                    json!({ "client_id": client, "step": step, "date": date, "note": note }),
                )?;
                return Ok(Some(id));
            }
            Effect::SetRhythm { category, from, to } => {
                tx.execute(
                    "UPDATE categories SET contact_rhythm_days = ?2 WHERE code = ?1",
                    params![category, to],
                )?;
                self.audit(
                    "catalog.rhythm",
                    "category",
                    0,
                    json!({ "category": category, "old": from, "new": to }),
                )?;
            }
            Effect::AddRhythmItem { client, title, due } => {
                let id = self.raise_rhythm(*client, title, *due, "work_item.add")?;
                // A handled "contact opnemen" item already has that day.
                return Ok(Some(id.ok_or(InputError::SameAttempt { date: *due })?));
            }
            Effect::AddAppointment {
                client,
                date,
                time,
                channel,
                title,
                follows,
                duration,
                location,
            } => {
                tx.execute(
                    "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                         appointment_time, channel_code, follows_activity_id, created_at,
                         duration_minutes, location)
                     VALUES (?1, 'afspraak', ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![client, title, date, time, channel, follows, now, duration, location],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "appointment.add",
                    "activity",
                    id,
                    json!({ "client_id": client, "date": date, "time": time, "channel": channel,
                            "title": title, "follows": follows, "duration_minutes": duration,
                            "location": location }),
                )?;
                *added = Some(id);
                return Ok(Some(id));
            }
            Effect::AddActivity {
                client,
                type_code,
                title,
                start,
                end,
                application,
                follows,
            } => {
                tx.execute(
                    "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                         application_id, follows_activity_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        client,
                        type_code,
                        title,
                        start,
                        end,
                        application,
                        follows,
                        now
                    ],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "activity.add",
                    "activity",
                    id,
                    json!({ "client_id": client, "type": type_code, "title": title,
                            "start_date": start, "end_date": end, "application_id": application,
                            "follows": follows }),
                )?;
                *added = Some(id);
                return Ok(Some(id));
            }
            Effect::Suspend {
                application,
                activity,
                from,
                to,
            } => {
                let activity = activity.or(*added).unwrap_or_default();
                tx.execute(
                    "INSERT INTO suspensions (application_id, activity_id, from_date, to_date, created_at)
                     VALUES (?1, ?2, ?3, max(?4, date(?3, '-1 day')), ?5)",
                    params![application, activity, from, to, now],
                )?;
                self.audit(
                    "term.suspend",
                    "application",
                    *application,
                    json!({ "activity_id": activity, "from": from, "to": to }),
                )?;
            }
            Effect::SetSuspensionEnd {
                application,
                activity,
                to,
            } => {
                tx.execute(
                    "UPDATE suspensions SET to_date = max(?2, date(from_date, '-1 day'))
                     WHERE id = (SELECT max(id) FROM suspensions WHERE activity_id = ?1)",
                    params![activity, to],
                )?;
                self.audit(
                    "term.resume",
                    "application",
                    *application,
                    json!({ "activity_id": activity, "to": to }),
                )?;
            }
            Effect::ClipSuspension {
                application,
                activity,
                from,
                to,
            } => {
                tx.execute(
                    "UPDATE suspensions SET to_date = max(?3, date(from_date, '-1 day'))
                     WHERE activity_id = ?1 AND from_date = ?2",
                    params![activity, from, to],
                )?;
                self.audit(
                    "term.resume",
                    "application",
                    *application,
                    json!({ "activity_id": activity, "from": from, "to": to }),
                )?;
            }
            Effect::Adjourn {
                application,
                on,
                to,
                reason,
            } => {
                tx.execute(
                    "UPDATE applications SET adjourned_on = ?2, adjourned_to = ?3,
                         adjournment_reason = ?4 WHERE id = ?1",
                    params![application, on, to, reason],
                )?;
                self.audit(
                    "application.adjourn",
                    "application",
                    *application,
                    json!({ "on": on, "to": to, "reason": reason }),
                )?;
            }
            Effect::ReceiveApplication { application, on } => {
                tx.execute(
                    "UPDATE applications SET received_on = ?2 WHERE id = ?1",
                    params![application, on],
                )?;
                self.audit(
                    "application.receive",
                    "application",
                    *application,
                    json!({ "received_on": on }),
                )?;
            }
            Effect::RecordDecision {
                application,
                decision,
                made_known,
                late,
            } => {
                tx.execute(
                    "UPDATE applications SET status = 'decided', decision = ?2, decided_on = ?3,
                         decided_late = ?4 WHERE id = ?1",
                    params![application, decision.code(), made_known, late],
                )?;
                self.audit(
                    "application.decide",
                    "application",
                    *application,
                    json!({ "old": { "status": "open" },
                            "new": { "status": "decided", "decision": decision.code(),
                                     "decided_on": made_known, "late": late } }),
                )?;
            }
            Effect::StartTerm {
                application,
                client,
                rule,
                type_code,
                title,
                from,
                end,
                explanation,
            } => {
                tx.execute(
                    "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                         application_id, term_rule, term_note, term_from, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?4, ?9)",
                    params![
                        client,
                        type_code,
                        title,
                        from,
                        end,
                        application,
                        rule,
                        explanation,
                        now
                    ],
                )?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "term.add",
                    "activity",
                    id,
                    json!({ "application_id": application, "rule": rule, "from": from, "end": end,
                            "explanation": explanation }),
                )?;
                return Ok(Some(id));
            }
            Effect::SetGoalStatus { goal, status } => {
                // A goal carried over to a new plan version is the same goal.
                tx.execute(
                    "UPDATE goals SET status = ?2
                     WHERE activity_id = (SELECT activity_id FROM goals WHERE id = ?1)",
                    params![goal, status],
                )?;
                self.audit("goal.status", "goal", *goal, json!({ "status": status }))?;
            }
            Effect::RecordLetter {
                client,
                subject,
                kind,
                file,
            } => {
                use crate::domain::letter::Subject;
                let (activity, plan, application, from, to) = match *subject {
                    Subject::Activity(id) => (Some(id), None, None, None, None),
                    Subject::Plan(id) => (None, Some(id), None, None, None),
                    Subject::Application(id) => (None, None, Some(id), None, None),
                    Subject::Period(from, to) => (None, None, None, Some(from), Some(to)),
                };
                tx.prepare_cached(
                    "INSERT INTO letters (client_id, activity_id, kind, made_on, file, created_at,
                         plan_id, application_id, period_from, period_to)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    client,
                    activity,
                    kind,
                    today,
                    file,
                    now,
                    plan,
                    application,
                    from,
                    to
                ])?;
                let id = tx.last_insert_rowid();
                self.audit(
                    "letter.add",
                    "letter",
                    id,
                    json!({ "activity": activity, "plan": plan, "application": application,
                            "period_from": from, "period_to": to, "kind": kind, "file": file }),
                )?;
                return Ok(Some(id));
            }
            Effect::MarkLetterSent { letter, on } => {
                // The contact the same edit registered just before: the newest by
                // letter of this client on that day.
                tx.execute(
                    "UPDATE letters SET sent_on = ?2, contact_id = (SELECT max(c.id) FROM contacts c
                         WHERE c.client_id = letters.client_id AND c.channel_code = ?3
                           AND c.contact_date = ?2 AND c.undone_at IS NULL)
                     WHERE id = ?1 AND sent_on IS NULL",
                    params![letter, on, crate::domain::letter::LETTER_CHANNEL],
                )?;
                self.audit("letter.sent", "letter", *letter, json!({ "sent_on": on }))?;
            }
            Effect::SetRiskProfile { client, from, to } => {
                tx.execute(
                    "UPDATE clients SET risk_profile = ?2 WHERE id = ?1",
                    params![client, to],
                )?;
                self.audit(
                    "client.risk_profile",
                    "client",
                    *client,
                    json!({ "old": from, "new": to }),
                )?;
            }
            Effect::UpdateClient { .. }
            | Effect::ChangeCategory { .. }
            | Effect::EndClient { .. }
            | Effect::PlanEnd { .. }
            | Effect::CancelPlannedEnd { .. }
            | Effect::ReopenClient { .. }
            | Effect::MoveAppointment { .. }
            | Effect::ReopenItem { .. }
            | Effect::ReopenActivity { .. }
            | Effect::CorrectNote { .. }
            | Effect::CorrectContact { .. } => self.apply_correction(effect, today)?,
        }
        Ok(None)
    }
}
