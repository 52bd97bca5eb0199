//! Legal terms in the store: the Atw calendar and the term rules from their tables,
//! aanvragen with their computed terms, hersteltermijnen that suspend the
//! beslistermijn, and decisions that open the bezwaartermijn.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use super::activities::{activity_from_row, ACTIVITY_COLUMNS};
use super::error::Result;
use super::work_items::finish_with_items;
use super::{clients, Store, Write};
use crate::clock;
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::calendar::{Holiday, LegalCalendar};
use crate::domain::date::{add_days, dutch};
use crate::domain::error::required_text;
use crate::domain::terms::{term_end, Suspension, TermEnd, TermRule};
use crate::domain::InputError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub id: i64,
    pub client_id: i64,
    pub reported_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub under_27: bool,
    pub status: String,
    pub decision: Option<String>,
    pub decided_on: Option<NaiveDate>,
}

/// A legal term as the dossier shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    #[serde(flatten)]
    pub activity: Activity,
    pub rule: String,
    pub article: String,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationView {
    #[serde(flatten)]
    pub application: Application,
    pub terms: Vec<Term>,
    /// The hersteltermijnen given on this aanvraag.
    pub hersteltermijnen: Vec<Activity>,
}

/// How a decision on an aanvraag is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Granted,
    Refused,
    NotHandled,
}

impl Decision {
    pub fn parse(code: &str) -> std::result::Result<Decision, InputError> {
        match code {
            "toegekend" => Ok(Decision::Granted),
            "afgewezen" => Ok(Decision::Refused),
            "buiten_behandeling" => Ok(Decision::NotHandled),
            other => Err(InputError::unknown_code(
                "onbekend besluit",
                other,
                &[
                    "toegekend".into(),
                    "afgewezen".into(),
                    "buiten_behandeling".into(),
                ],
            )),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Decision::Granted => "toegekend",
            Decision::Refused => "afgewezen",
            Decision::NotHandled => "buiten_behandeling",
        }
    }
}

pub(crate) fn legal_calendar(conn: &Connection) -> Result<LegalCalendar> {
    let declared = conn
        .prepare_cached("SELECT date, name, source FROM declared_holidays ORDER BY date")?
        .query_map([], |row| {
            Ok(Holiday {
                date: row.get(0)?,
                name: row.get(1)?,
                source: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(LegalCalendar::new(declared))
}

fn rules(conn: &Connection) -> Result<Vec<(TermRule, String)>> {
    let rows = conn
        .prepare_cached(
            "SELECT code, name, article, length_days, atw, enabled, activity_type
             FROM term_rules ORDER BY rowid",
        )?
        .query_map([], |row| {
            Ok((
                TermRule {
                    code: row.get(0)?,
                    name: row.get(1)?,
                    article: row.get(2)?,
                    length_days: row.get(3)?,
                    atw: row.get(4)?,
                    enabled: row.get(5)?,
                },
                row.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The rule and its activity type, or a refusal naming the rules there are.
fn rule(conn: &Connection, code: &str) -> Result<(TermRule, String)> {
    let all = rules(conn)?;
    let choices: Vec<String> = all.iter().map(|(r, _)| r.code.clone()).collect();
    all.into_iter()
        .find(|(r, _)| r.code == code)
        .ok_or_else(|| InputError::unknown_code("onbekende termijnregel", code, &choices).into())
}

fn application(conn: &Connection, id: i64) -> Result<Application> {
    conn.prepare_cached(
        "SELECT id, client_id, reported_on, received_on, under_27, status, decision, decided_on
         FROM applications WHERE id = ?1",
    )?
    .query_row([id], |row| {
        Ok(Application {
            id: row.get(0)?,
            client_id: row.get(1)?,
            reported_on: row.get(2)?,
            received_on: row.get(3)?,
            under_27: row.get(4)?,
            status: row.get(5)?,
            decision: row.get(6)?,
            decided_on: row.get(7)?,
        })
    })
    .optional()?
    .ok_or_else(|| {
        InputError::UnknownId {
            what: "onbekende aanvraag",
            id,
        }
        .into()
    })
}

fn open_application(conn: &Connection, id: i64) -> Result<Application> {
    let app = application(conn, id)?;
    if app.status != "open" {
        return Err(InputError::Other(format!(
            "aanvraag {id} is al besloten ({})",
            app.decision.as_deref().unwrap_or("-")
        ))
        .into());
    }
    Ok(app)
}

/// Adds a term activity for `rule` from `from`, unless the rule is switched off.
fn add_term(
    w: &Write,
    app: &Application,
    rule_code: &str,
    from: NaiveDate,
    suspensions: &[Suspension],
) -> Result<Option<(i64, TermEnd)>> {
    let (rule, activity_type) = rule(w.tx(), rule_code)?;
    if !rule.enabled {
        return Ok(None);
    }
    let end = term_end(&rule, from, suspensions, &legal_calendar(w.tx())?);
    w.tx().execute(
        "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
             application_id, term_rule, term_note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            app.client_id,
            activity_type,
            format!("{} aanvraag {} ({})", rule.name, app.id, rule.article),
            from,
            end.end,
            app.id,
            rule.code,
            end.explanation(),
            clock::now_utc()
        ],
    )?;
    let id = w.tx().last_insert_rowid();
    w.audit(
        "term.add",
        "activity",
        id,
        json!({ "application_id": app.id, "rule": rule.code, "from": from, "end": end.end,
                "explanation": end.explanation() }),
    )?;
    Ok(Some((id, end)))
}

fn application_activities(conn: &Connection, app: i64) -> Result<Vec<Activity>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE application_id = ?1 ORDER BY id"
        ))?
        .query_map([app], activity_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The days the beslistermijn does not run (Awb 4:15): for each hersteltermijn,
/// from the day after it was given until the information arrived — or, when it was
/// not received or is still open, until the hersteltermijn ends.
fn suspensions(conn: &Connection, app: i64) -> Result<Vec<Suspension>> {
    Ok(application_activities(conn, app)?
        .into_iter()
        .filter(|a| a.type_code == "hersteltermijn")
        .map(|a| {
            let until = match (&a.status, a.outcome.as_deref(), a.closed_on) {
                (ActivityStatus::Closed, Some("ontvangen"), Some(on)) => on.min(a.end_date),
                _ => a.end_date,
            };
            Suspension {
                days: (until - a.start_date).num_days(),
                reason: format!(
                    "hersteltermijn {} ({} t/m {})",
                    a.title,
                    dutch(a.start_date),
                    dutch(until)
                ),
            }
        })
        .collect())
}

/// Recomputes the open beslistermijn of an aanvraag after its suspension changed. An
/// open work item of the old end moves with it: the deadline it is about moved.
fn recompute_beslistermijn(w: &Write, app_id: i64) -> Result<()> {
    let app = application(w.tx(), app_id)?;
    let Some(term) = application_activities(w.tx(), app_id)?
        .into_iter()
        .find(|a| a.type_code == "beslistermijn" && a.status == ActivityStatus::Open)
    else {
        return Ok(());
    };
    let (rule, _) = rule(w.tx(), "beslistermijn")?;
    let end = term_end(
        &rule,
        term.start_date,
        &suspensions(w.tx(), app.id)?,
        &legal_calendar(w.tx())?,
    );
    if end.end == term.end_date {
        return Ok(());
    }
    w.tx().execute(
        "UPDATE activities SET end_date = ?2, term_note = ?3 WHERE id = ?1",
        params![term.id, end.end, end.explanation()],
    )?;
    w.tx().execute(
        "UPDATE work_items SET due_date = ?2, source_end_date = ?2
         WHERE source_activity_id = ?1 AND status = 'open'",
        params![term.id, end.end],
    )?;
    w.audit(
        "term.recompute",
        "activity",
        term.id,
        json!({ "old": { "end_date": term.end_date }, "new": { "end_date": end.end },
                "explanation": end.explanation() }),
    )
}

/// The next cycle of a repeating term instead of finishing it: the voorschot comes
/// back every four weeks while the aanvraag is undecided.
pub(super) fn next_cycle(
    w: &Write,
    activity: &Activity,
    outcome: &str,
) -> Result<Option<NaiveDate>> {
    let Some(app_id) = application_of(w.tx(), activity.id)? else {
        return Ok(None);
    };
    if activity.type_code != "voorschot" || outcome != "verstrekt" {
        return Ok(None);
    }
    if application(w.tx(), app_id)?.status != "open" {
        return Ok(None);
    }
    // Cycle k ends 4·k weeks after the aanvraag; the items so far are the cycles.
    let cycles: i64 = w.tx().query_row(
        "SELECT count(*) FROM work_items WHERE source_activity_id = ?1",
        [activity.id],
        |r| r.get(0),
    )?;
    let (rule, _) = rule(w.tx(), "voorschot")?;
    let from = add_days(activity.start_date, rule.length_days * cycles.max(1));
    let end = term_end(&rule, from, &[], &legal_calendar(w.tx())?);
    w.tx().execute(
        "UPDATE activities SET term_note = ?2 WHERE id = ?1",
        params![activity.id, end.explanation()],
    )?;
    Ok(Some(end.end))
}

/// What a change to an activity of an aanvraag sets in motion: a hersteltermijn that
/// ended, moved or was handled changes the suspension of the beslistermijn; one that
/// ran out unused opens the term to make the buiten-behandeling decision known.
pub(super) fn after_change(w: &Write, activity_id: i64, outcome: Option<&str>) -> Result<()> {
    let Some(app_id) = application_of(w.tx(), activity_id)? else {
        return Ok(());
    };
    let changed = super::work_items::activity(w.tx(), activity_id)?;
    if changed.type_code != "hersteltermijn" {
        return Ok(());
    }
    recompute_beslistermijn(w, app_id)?;
    let app = application(w.tx(), app_id)?;
    if outcome == Some("niet_ontvangen") && app.status == "open" {
        add_term(w, &app, "buitenbehandeling", changed.end_date, &[])?;
    }
    Ok(())
}

/// Whether the activity is a computed legal term (its end date is not typed).
pub(super) fn is_term(conn: &Connection, activity_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT term_rule IS NOT NULL FROM activities WHERE id = ?1",
        [activity_id],
        |r| r.get(0),
    )?)
}

fn application_of(conn: &Connection, activity_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT application_id FROM activities WHERE id = ?1",
            [activity_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

impl Store {
    pub fn legal_calendar(&self) -> Result<LegalCalendar> {
        legal_calendar(self.conn())
    }

    pub fn term_rule(&self, code: &str) -> Result<TermRule> {
        Ok(rule(self.conn(), code)?.0)
    }

    /// Records a day declared equal to a feestdag by a new Koninklijk Besluit.
    pub fn add_declared_holiday(
        &mut self,
        date: NaiveDate,
        name: &str,
        source: &str,
    ) -> Result<()> {
        let name = required_text("de naam", name)?;
        let source = required_text("de bron (het besluit)", source)?;
        if let Some(existing) = self.legal_calendar()?.holiday(date) {
            return Err(
                InputError::Other(format!("{date} is al een feestdag: {}", existing.name)).into(),
            );
        }
        self.write(|w| {
            w.tx().execute(
                "INSERT INTO declared_holidays (date, name, source) VALUES (?1, ?2, ?3)",
                params![date, name, source],
            )?;
            w.audit(
                "calendar.declare",
                "declared_holiday",
                0,
                json!({ "date": date, "name": name, "source": source }),
            )
        })
    }

    /// Registers an aanvraag and its terms: the beslistermijn and the first voorschot
    /// from `received`; for a person under 27 first the zoektermijn from the melding,
    /// after which the aanvraag counts as received.
    pub fn add_application(
        &mut self,
        client_id: i64,
        received: NaiveDate,
        under_27: bool,
        today: NaiveDate,
    ) -> Result<i64> {
        clients::client(self.conn(), client_id)?;
        if received > today {
            return Err(InputError::Other(format!(
                "de aanvraag kan niet na vandaag ({today}) ontvangen zijn"
            ))
            .into());
        }
        self.write(|w| {
            let (zoek, _) = rule(w.tx(), "zoektermijn")?;
            let zoektermijn = if under_27 && zoek.enabled {
                Some(term_end(&zoek, received, &[], &legal_calendar(w.tx())?).end)
            } else {
                None
            };
            let received_on = zoektermijn.unwrap_or(received);
            w.tx().execute(
                "INSERT INTO applications (client_id, reported_on, received_on, under_27, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    client_id,
                    zoektermijn.map(|_| received),
                    received_on,
                    under_27,
                    clock::now_utc()
                ],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit(
                "application.add",
                "application",
                id,
                json!({ "client_id": client_id, "received_on": received_on, "under_27": under_27 }),
            )?;
            let app = application(w.tx(), id)?;
            if zoektermijn.is_some() {
                add_term(w, &app, "zoektermijn", received, &[])?;
            }
            add_term(w, &app, "beslistermijn", received_on, &[])?;
            add_term(w, &app, "voorschot", received_on, &[])?;
            Ok(id)
        })
    }

    /// Gives a hersteltermijn on an aanvraag: an activity whose end raises "stukken
    /// ontvangen?", and which suspends the beslistermijn while it runs.
    pub fn add_hersteltermijn(
        &mut self,
        app_id: i64,
        missing: &str,
        given: NaiveDate,
        end: NaiveDate,
    ) -> Result<i64> {
        let missing = required_text("wat er ontbreekt", missing)?;
        if end < given {
            return Err(InputError::EndBeforeStart {
                start: given.to_string(),
                end: end.to_string(),
            }
            .into());
        }
        self.write(|w| {
            let app = open_application(w.tx(), app_id)?;
            if given < app.received_on {
                return Err(InputError::Other(format!(
                    "een hersteltermijn kan niet vóór de ontvangst van de aanvraag ({}) gegeven zijn",
                    app.received_on
                ))
                .into());
            }
            w.tx().execute(
                "INSERT INTO activities (client_id, type_code, title, start_date, end_date,
                     application_id, created_at)
                 VALUES (?1, 'hersteltermijn', ?2, ?3, ?4, ?5, ?6)",
                params![app.client_id, missing, given, end, app.id, clock::now_utc()],
            )?;
            let id = w.tx().last_insert_rowid();
            w.audit(
                "hersteltermijn.add",
                "activity",
                id,
                json!({ "application_id": app.id, "missing": missing, "given": given, "end": end }),
            )?;
            recompute_beslistermijn(w, app.id)?;
            Ok(id)
        })
    }

    /// Records the decision on an aanvraag: its running terms are settled and the
    /// bezwaartermijn starts the day after `made_known`. Returns the bezwaartermijn's
    /// end.
    pub fn decide_application(
        &mut self,
        app_id: i64,
        decision: Decision,
        made_known: NaiveDate,
        today: NaiveDate,
    ) -> Result<NaiveDate> {
        self.write(|w| {
            let app = open_application(w.tx(), app_id)?;
            if made_known < app.received_on {
                return Err(InputError::Other(format!(
                    "de bekendmaking kan niet vóór de ontvangst van de aanvraag ({}) liggen",
                    app.received_on
                ))
                .into());
            }
            let note = format!("besluit {} bekendgemaakt op {made_known}", decision.code());
            for term in application_activities(w.tx(), app.id)? {
                if term.status == ActivityStatus::Closed || term.type_code == "hersteltermijn" {
                    continue;
                }
                let outcome = match term.type_code.as_str() {
                    "beslistermijn" => "besloten",
                    "voorschot" => "niet_nodig",
                    "buitenbehandeling" => "bekendgemaakt",
                    _ => "afgerond",
                };
                finish_with_items(w, &term, outcome, Some(&note), today)?;
            }
            w.tx().execute(
                "UPDATE applications SET status = 'decided', decision = ?2, decided_on = ?3 WHERE id = ?1",
                params![app.id, decision.code(), made_known],
            )?;
            w.audit(
                "application.decide",
                "application",
                app.id,
                json!({ "old": { "status": "open" },
                        "new": { "status": "decided", "decision": decision.code(), "decided_on": made_known } }),
            )?;
            let decided = application(w.tx(), app.id)?;
            let end = add_term(w, &decided, "bezwaartermijn", made_known, &[])?;
            Ok(end.map_or(made_known, |(_, end)| end.end))
        })
    }

    pub fn application(&self, id: i64) -> Result<ApplicationView> {
        let app = application(self.conn(), id)?;
        let activities = application_activities(self.conn(), id)?;
        let rules = rules(self.conn())?;
        let mut terms = Vec::new();
        let mut hersteltermijnen = Vec::new();
        for a in activities {
            if a.type_code == "hersteltermijn" {
                hersteltermijnen.push(a);
                continue;
            }
            let (rule, note): (String, Option<String>) = self.conn().query_row(
                "SELECT coalesce(term_rule, ''), term_note FROM activities WHERE id = ?1",
                [a.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let article = rules
                .iter()
                .find(|(r, _)| r.code == rule)
                .map(|(r, _)| r.article.clone())
                .unwrap_or_default();
            terms.push(Term {
                activity: a,
                rule,
                article,
                explanation: note.unwrap_or_default(),
            });
        }
        Ok(ApplicationView {
            application: app,
            terms,
            hersteltermijnen,
        })
    }

    /// The aanvragen of a client, newest first.
    pub fn applications(&self, client_id: i64) -> Result<Vec<ApplicationView>> {
        let ids: Vec<i64> = self
            .conn()
            .prepare_cached("SELECT id FROM applications WHERE client_id = ?1 ORDER BY received_on DESC, id DESC")?
            .query_map([client_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.application(id)).collect()
    }

    /// The legal terms of a client, for the dossier: every term of every aanvraag.
    pub fn client_terms(&self, client_id: i64) -> Result<Vec<Term>> {
        Ok(self
            .applications(client_id)?
            .into_iter()
            .flat_map(|a| a.terms)
            .collect())
    }
}
