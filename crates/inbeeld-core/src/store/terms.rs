//! Legal terms in the store: the Atw calendar and the term rules from their tables,
//! aanvragen with their computed terms, hersteltermijnen and suspension periods.
//! Reads and plain inserts only: what an edit of an aanvraag does is decided in
//! `domain::aanvraag`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::activities::{activity_from_row, ACTIVITY_COLUMNS};
use super::error::Result;
use super::{Store, Write};
use crate::domain::aanvraag::{Application, SuspensionPeriod};
use crate::domain::activity::Activity;
use crate::domain::calendar::{Holiday, LegalCalendar};
use crate::domain::terms::TermRule;
use crate::domain::InputError;

/// A legal term as the dossier shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    #[serde(flatten)]
    pub activity: Activity,
    pub rule: String,
    pub article: String,
    pub explanation: String,
    /// The klantmanager's statutory deadline (shown with §), as opposed to a term
    /// the law gives the aanvrager (the zoektermijn, the bezwaartermijn).
    pub statutory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationView {
    #[serde(flatten)]
    pub application: Application,
    pub terms: Vec<Term>,
    /// The hersteltermijnen given on this aanvraag.
    pub hersteltermijnen: Vec<Activity>,
    /// The days they suspended the beslistermijn.
    pub suspensions: Vec<SuspensionPeriod>,
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
    let years = conn
        .prepare_cached("SELECT year FROM declared_years ORDER BY year")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(LegalCalendar::with_known_years(declared, years))
}

/// The rules as they hold for a case that started on `day`: each rule's version of
/// that day where it has one (`term_rule_versions`), else its own row.
pub(crate) fn rules(conn: &Connection, day: NaiveDate) -> Result<Vec<(TermRule, String)>> {
    let rows = conn
        .prepare_cached(
            "SELECT r.code, r.name, coalesce(v.article, r.article),
                    coalesce(v.length_days, r.length_days), r.atw, r.enabled, r.activity_type
             FROM term_rules r LEFT JOIN term_rule_versions v ON v.rule = r.code
                 AND v.valid_from <= ?1 AND (v.valid_to IS NULL OR v.valid_to > ?1)
             ORDER BY r.rowid",
        )?
        .query_map([day], |row| {
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

/// The rule (as it holds for a case started on `day`) and its activity type, or a
/// refusal naming the rules there are.
pub(crate) fn rule(conn: &Connection, code: &str, day: NaiveDate) -> Result<(TermRule, String)> {
    let all = rules(conn, day)?;
    let choices: Vec<String> = all.iter().map(|(r, _)| r.code.clone()).collect();
    all.into_iter()
        .find(|(r, _)| r.code == code)
        .ok_or_else(|| InputError::unknown_code("onbekende termijnregel", code, &choices).into())
}

const APPLICATION_COLUMNS: &str = "id, client_id, reported_on, received_on, expected_on, under_27,
    status, decision, decided_on, decided_late, adjourned_on, adjourned_to, adjournment_reason";

pub(crate) fn application(conn: &Connection, id: i64) -> Result<Application> {
    conn.prepare_cached(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM applications WHERE id = ?1"
    ))?
    .query_row([id], |row| {
        Ok(Application {
            id: row.get(0)?,
            client_id: row.get(1)?,
            reported_on: row.get(2)?,
            received_on: row.get(3)?,
            expected_on: row.get(4)?,
            under_27: row.get(5)?,
            status: row.get(6)?,
            decision: row.get(7)?,
            decided_on: row.get(8)?,
            decided_late: row.get(9)?,
            adjourned_on: row.get(10)?,
            adjourned_to: row.get(11)?,
            adjournment_reason: row.get(12)?,
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

pub(crate) fn application_activities(conn: &Connection, app: i64) -> Result<Vec<Activity>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE application_id = ?1 ORDER BY id"
        ))?
        .query_map([app], activity_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A computed term's own columns: (activity id, rule, start of its cycle, note).
pub(crate) type TermRow = (i64, String, NaiveDate, Option<String>);

/// The computed terms of an aanvraag.
pub(crate) fn term_rows(conn: &Connection, app: i64) -> Result<Vec<TermRow>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, term_rule, coalesce(term_from, start_date), term_note FROM activities
             WHERE application_id = ?1 AND term_rule IS NOT NULL ORDER BY id",
        )?
        .query_map([app], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn suspensions(conn: &Connection, app: i64) -> Result<Vec<SuspensionPeriod>> {
    let rows = conn
        .prepare_cached(
            "SELECT activity_id, from_date, to_date FROM suspensions
             WHERE application_id = ?1 ORDER BY from_date, id",
        )?
        .query_map([app], |r| {
            Ok(SuspensionPeriod {
                activity: r.get(0)?,
                from: r.get(1)?,
                to: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The aanvragen with a running term: every one whose terms a new gelijkgestelde
/// dag may move (the open ones, and a decided one whose bezwaartermijn runs).
pub(crate) fn open_applications(conn: &Connection) -> Result<Vec<i64>> {
    let rows = conn
        .prepare_cached(
            "SELECT id FROM applications WHERE status = 'open'
             UNION SELECT application_id FROM activities INDEXED BY activities_by_application
             WHERE application_id IS NOT NULL AND term_rule IS NOT NULL AND status = 'open'
             ORDER BY 1",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The open aanvragen of a client.
pub(crate) fn open_applications_of(conn: &Connection, client_id: i64) -> Result<Vec<i64>> {
    let rows = conn
        .prepare_cached(
            "SELECT id FROM applications WHERE client_id = ?1 AND status = 'open' ORDER BY id",
        )?
        .query_map([client_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

impl Write<'_> {
    pub(crate) fn term_rule(&self, code: &str, day: NaiveDate) -> Result<TermRule> {
        Ok(rule(self.tx(), code, day)?.0)
    }

    /// The first day of the newest version of rule `code`, if it has any.
    pub(crate) fn latest_rule_version(&self, code: &str) -> Result<Option<NaiveDate>> {
        Ok(self.tx().query_row(
            "SELECT max(valid_from) FROM term_rule_versions WHERE rule = ?1",
            [code],
            |r| r.get(0),
        )?)
    }
}

impl Store {
    pub fn legal_calendar(&self) -> Result<LegalCalendar> {
        legal_calendar(self.conn())
    }

    /// The version of rule `code` that holds for a term starting on `day`, if the law
    /// changed it: the day it holds from and the law that changed it.
    pub fn term_rule_version(
        &self,
        code: &str,
        day: NaiveDate,
    ) -> Result<Option<(NaiveDate, String)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT valid_from, source FROM term_rule_versions WHERE rule = ?1
                   AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)",
            )?
            .query_row(rusqlite::params![code, day], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Rule `code` as it holds for a term that starts on `day`.
    pub fn term_rule(&self, code: &str, day: NaiveDate) -> Result<TermRule> {
        Ok(rule(self.conn(), code, day)?.0)
    }

    pub fn application(&self, id: i64) -> Result<ApplicationView> {
        let conn = self.conn();
        let app = application(conn, id)?;
        let rules = rules(conn, app.started_on().unwrap_or_else(crate::clock::day))?;
        let catalog = super::catalog::load(conn)?;
        let rows = term_rows(conn, id)?;
        let mut terms = Vec::new();
        let mut hersteltermijnen = Vec::new();
        for a in application_activities(conn, id)? {
            let Some((_, rule, _, note)) = rows.iter().find(|r| r.0 == a.id) else {
                hersteltermijnen.push(a);
                continue;
            };
            let article = rules
                .iter()
                .find(|(r, _)| &r.code == rule)
                .map(|(r, _)| r.article.clone())
                .unwrap_or_default();
            let statutory = catalog
                .activity_type(&a.type_code)
                .ok()
                .and_then(|t| catalog.kind(&t.expiry_kind).ok())
                .is_some_and(|k| k.legal);
            terms.push(Term {
                activity: a,
                rule: rule.clone(),
                article,
                explanation: note.clone().unwrap_or_default(),
                statutory,
            });
        }
        Ok(ApplicationView {
            application: app,
            terms,
            hersteltermijnen,
            suspensions: suspensions(conn, id)?,
        })
    }

    /// The aanvragen of a client, newest first.
    pub fn applications(&self, client_id: i64) -> Result<Vec<ApplicationView>> {
        let ids: Vec<i64> = self
            .conn()
            .prepare_cached("SELECT id FROM applications WHERE client_id = ?1 ORDER BY coalesce(received_on, reported_on) DESC, id DESC")?
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
