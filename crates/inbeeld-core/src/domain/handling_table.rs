//! What handling does, as a table: (kind, outcome, context) → effects, without a
//! database. Read this to learn the rules; every row is one sentence a klantmanager
//! would say.

use chrono::NaiveDate;

use super::*;
use crate::domain::aanvraag::{Application, ApplicationContext, SuspensionPeriod, TermActivity};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::{ActivityType, Catalog, Channel, Outcome, WorkItemKind};
use crate::domain::effects::{Decision, Effect, OutcomeEffect as E};
use crate::domain::env::Env;
use crate::domain::sanction::Sanction;
use crate::domain::terms::TermRule;
use crate::domain::work_item::{ItemStatus, Source, WorkItem};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

fn kind(code: &str, legal: bool, outcomes: &[(&str, E)]) -> WorkItemKind {
    WorkItemKind {
        code: code.into(),
        name: code.into(),
        urgency: 0,
        legal,
        outcomes: outcomes.iter().map(|(o, _)| (*o).into()).collect(),
        effects: outcomes.iter().map(|(_, e)| *e).collect(),
        next: outcomes.iter().map(|_| None).collect(),
    }
}

fn activity_type(code: &str, kind: &str, due_offset: i64, reminder: Option<i64>) -> ActivityType {
    let statutory = [
        "beslistermijn",
        "voorschot",
        "buitenbehandeling",
        "bezwaartermijn",
    ]
    .contains(&code);
    ActivityType {
        statutory,
        code: code.into(),
        name: code.into(),
        default_days: 0,
        expiry_kind: kind.into(),
        expiry_title: code.into(),
        due_offset_days: due_offset,
        lead_days: 0,
        reminder_days: reminder,
        duration_minutes: None,
        source: None,
    }
}

fn next(type_code: &str, days: Option<i64>, title: Option<&str>) -> NextActivity {
    NextActivity {
        type_code: type_code.into(),
        days,
        title: title.map(Into::into),
    }
}

/// `kind` with `outcome` planning `then` after it.
fn with_next(mut kind: WorkItemKind, outcome: &str, then: NextActivity) -> WorkItemKind {
    let at = kind.outcomes.iter().position(|o| o == outcome).unwrap();
    kind.next[at] = Some(then);
    kind
}

fn channel(code: &str, counts_as_contact: bool) -> Channel {
    Channel {
        code: code.into(),
        name: code.into(),
        counts_as_contact,
    }
}

/// The seed catalogue's kinds, outcomes and effects (schema.sql), as far as the
/// table needs them.
/// The catalogue of the table: the seed's rows that the rules read (the store's
/// tests compare it with `schema.sql`).
pub(crate) fn catalog() -> Catalog {
    let outcome = |code: &str, requires: Requirement| Outcome {
        code: code.into(),
        name: code.into(),
        requires,
    };
    Catalog {
        work_item_kinds: vec![
            kind(
                "traject",
                false,
                &[
                    ("afgerond", E::Finish),
                    ("verlengd", E::NewCycle),
                    ("afgebroken", E::Finish),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "afspraak",
                false,
                &[
                    ("gesproken", E::Contact),
                    ("no_show", E::NoShow),
                    ("afgebroken", E::Finish),
                    ("geannuleerd", E::Finish),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "contact",
                false,
                &[
                    ("gesproken", E::Contact),
                    ("niet_bereikt", E::NotReached),
                    ("weer_in_beeld", E::Settled),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "nabellen",
                false,
                &[
                    ("gebeld", E::Called),
                    ("niet_bereikt", E::Finish),
                    ("vervallen", E::Finish),
                    ("verlopen", E::Lapsed),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "hersteltermijn",
                false,
                &[
                    ("ontvangen", E::Received),
                    ("niet_ontvangen", E::NotReceived),
                    ("verlengd", E::NewCycle),
                    ("vervallen", E::Finish),
                    ("door_besluit", E::Settled),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "beslistermijn",
                true,
                &[("besloten", E::Decision), ("uitstroom", E::ClientEnded)],
            ),
            kind(
                "voorschot",
                true,
                &[
                    ("verstrekt", E::Repeat),
                    ("niet_nodig", E::Finish),
                    ("door_besluit", E::Settled),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "buitenbehandeling",
                true,
                &[
                    ("bekendgemaakt", E::Decision),
                    ("ontvangen", E::Received),
                    ("vervallen", E::Finish),
                    ("door_besluit", E::Settled),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            kind(
                "bezwaartermijn",
                false,
                &[
                    ("geen_bezwaar", E::NotReceived),
                    ("bezwaar", E::Finish),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            // Pw art. 53a lid 1: the heronderzoek comes back at its risk profile's
            // interval; there is no outcome that ends the cycle but uitstroom.
            with_next(
                kind(
                    "heronderzoek",
                    false,
                    &[
                        ("uitgevoerd", E::Finish),
                        ("verlengd", E::NewCycle),
                        ("uitstroom", E::ClientEnded),
                        ("ander_profiel", E::Settled),
                    ],
                ),
                "uitgevoerd",
                next("heronderzoek", None, None),
            ),
            // Pw art. 17 and 54: what an unanswered informatieverzoek leads to.
            with_next(
                kind(
                    "informatieverzoek",
                    false,
                    &[
                        ("ontvangen", E::Finish),
                        ("niet_geleverd", E::Finish),
                        ("verlengd", E::NewCycle),
                        ("vervallen", E::Finish),
                        ("uitstroom", E::ClientEnded),
                    ],
                ),
                "niet_geleverd",
                next(
                    "onderzoek",
                    Some(28),
                    Some("Gegevens niet geleverd: opschorten of intrekken? (Pw art. 54)"),
                ),
            ),
            // Pw art. 18 lid 2 and Awb 4:8: a voornemen gives a zienswijze ...
            with_next(
                kind(
                    "maatregel",
                    false,
                    &[
                        ("voornemen", E::Finish),
                        ("geen_maatregel", E::Finish),
                        ("verlengd", E::NewCycle),
                        ("uitstroom", E::ClientEnded),
                    ],
                ),
                "voornemen",
                next(
                    "zienswijze",
                    Some(14),
                    Some("Zienswijze op het voornemen tot een maatregel (Awb 4:8)"),
                ),
            ),
            // ... and the besluit its bezwaartermijn (Awb 6:7).
            with_next(
                kind(
                    "zienswijze",
                    false,
                    &[
                        ("maatregel_opgelegd", E::Finish),
                        ("geen_maatregel", E::Finish),
                        ("verlengd", E::NewCycle),
                        ("uitstroom", E::ClientEnded),
                    ],
                ),
                "maatregel_opgelegd",
                next(
                    "bezwaartermijn",
                    Some(42),
                    Some("Bezwaartermijn besluit maatregel (Awb 6:7)"),
                ),
            ),
            // Pw art. 18a and Awb 5:51: the boete's besluit, and its bezwaartermijn;
            // while the OM decides the term waits (lid 3).
            with_next(
                with_next(
                    kind(
                        "boete",
                        false,
                        &[
                            ("boete_opgelegd", E::Finish),
                            ("geen_boete", E::Finish),
                            ("verlengd", E::NewCycle),
                            ("uitstroom", E::ClientEnded),
                            ("naar_om", E::Suspend),
                        ],
                    ),
                    "boete_opgelegd",
                    next(
                        "bezwaartermijn",
                        Some(42),
                        Some("Bezwaartermijn besluit bestuurlijke boete (Awb 6:7)"),
                    ),
                ),
                "naar_om",
                next("boete_om", Some(56), None),
            ),
            kind(
                "boete_om",
                false,
                &[
                    ("om_antwoord", E::Resume),
                    ("geen_boete", E::Finish),
                    ("verlengd", E::NewCycle),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
            // Pw art. 18b: the taaleis, from the informatiemoment to the half-yearly
            // review of the inspanning, and a maatregel to weigh without one.
            with_next(
                with_next(
                    kind(
                        "taaleis",
                        false,
                        &[
                            ("taal_voldaan", E::Finish),
                            ("taal_bereid", E::Finish),
                            ("taal_geen_inspanning", E::Finish),
                            ("verlengd", E::NewCycle),
                            ("uitstroom", E::ClientEnded),
                        ],
                    ),
                    "taal_bereid",
                    next(
                        "taalvoortgang",
                        Some(182),
                        Some("Voortgang van de taalinspanning beoordelen (Pw art. 18b)"),
                    ),
                ),
                "taal_geen_inspanning",
                next(
                    "maatregel",
                    Some(14),
                    Some("Taaleis: geen inspanning, maatregel wegen (Pw art. 18b)"),
                ),
            ),
            with_next(
                with_next(
                    kind(
                        "taalvoortgang",
                        false,
                        &[
                            ("uitgevoerd", E::Finish),
                            ("taal_voldaan", E::Finish),
                            ("taal_geen_inspanning", E::Finish),
                            ("verlengd", E::NewCycle),
                            ("uitstroom", E::ClientEnded),
                        ],
                    ),
                    "uitgevoerd",
                    next("taalvoortgang", None, None),
                ),
                "taal_geen_inspanning",
                next(
                    "maatregel",
                    Some(14),
                    Some("Taaleis: geen inspanning, maatregel wegen (Pw art. 18b)"),
                ),
            ),
            // Pw art. 9 lid 2: a dated ontheffing, reviewed before it ends.
            kind(
                "ontheffing",
                false,
                &[
                    ("verlengd", E::NewCycle),
                    ("ontheffing_af", E::Finish),
                    ("uitstroom", E::ClientEnded),
                ],
            ),
        ],
        outcomes: vec![
            outcome("afgerond", Requirement::None),
            outcome("verlengd", Requirement::NewDate),
            outcome("afgebroken", Requirement::Reason),
            outcome("gesproken", Requirement::None),
            outcome("no_show", Requirement::NewDate),
            outcome("niet_bereikt", Requirement::Reason),
            outcome("gebeld", Requirement::None),
            outcome("vervallen", Requirement::Reason),
            outcome("ontvangen", Requirement::None),
            outcome("niet_ontvangen", Requirement::None),
            outcome("besloten", Requirement::None),
            outcome("verstrekt", Requirement::None),
            outcome("niet_nodig", Requirement::Reason),
            outcome("bekendgemaakt", Requirement::None),
            outcome("geen_bezwaar", Requirement::None),
            outcome("bezwaar", Requirement::None),
            outcome("geannuleerd", Requirement::Reason),
            outcome("uitstroom", Requirement::None),
            outcome("verlopen", Requirement::None),
            outcome("door_besluit", Requirement::None),
            outcome("weer_in_beeld", Requirement::None),
            outcome("uitgevoerd", Requirement::None),
            outcome("niet_geleverd", Requirement::None),
            outcome("ontheffing_af", Requirement::None),
            outcome("voornemen", Requirement::None),
            outcome("maatregel_opgelegd", Requirement::Sanction),
            outcome("geen_maatregel", Requirement::Reason),
            outcome("boete_opgelegd", Requirement::Reason),
            outcome("geen_boete", Requirement::Reason),
            outcome("naar_om", Requirement::None),
            outcome("om_antwoord", Requirement::None),
            outcome("ander_profiel", Requirement::None),
            outcome("taal_voldaan", Requirement::None),
            outcome("taal_bereid", Requirement::None),
            outcome("taal_geen_inspanning", Requirement::Reason),
        ],
        activity_types: vec![
            activity_type("traject", "traject", 0, None),
            activity_type("afspraak", "afspraak", 0, Some(1)),
            activity_type("hersteltermijn", "hersteltermijn", 1, None),
            activity_type("beslistermijn", "beslistermijn", 0, None),
            activity_type("voorschot", "voorschot", 0, None),
            activity_type("buitenbehandeling", "buitenbehandeling", 0, None),
            activity_type("bezwaartermijn", "bezwaartermijn", 7, None),
            ActivityType {
                default_days: 182,
                ..activity_type("heronderzoek", "heronderzoek", 0, None)
            },
            activity_type("informatieverzoek", "informatieverzoek", 1, None),
            activity_type("ontheffing", "ontheffing", 0, None),
            activity_type("onderzoek", "onderzoek", 0, None),
            activity_type("maatregel", "maatregel", 0, None),
            activity_type("zienswijze", "zienswijze", 1, None),
            activity_type("boete", "boete", 0, None),
            activity_type("boete_om", "boete_om", 0, None),
            activity_type("taaleis", "taaleis", 0, None),
            activity_type("taalvoortgang", "taalvoortgang", 0, None),
        ],
        channels: vec![
            channel("telefoon", true),
            channel("whatsapp", true),
            channel("op_locatie", true),
            channel("brief", false),
        ],
        end_reasons: Vec::new(),
        risk_profiles: Vec::new(),
        categories: Vec::new(),
    }
}

fn rule(code: &str, days: i64, article: &str) -> TermRule {
    TermRule {
        code: code.into(),
        name: code.into(),
        article: article.into(),
        length_days: days,
        atw: true,
        enabled: true,
    }
}

fn client() -> ClientContext {
    ClientContext {
        id: 1,
        contact_preference: Some("whatsapp".into()),
        registered_on: d("2026-01-01"),
        last_contact: Some(d("2026-09-01")),
        rhythm_days: 28,
        retry_days: 2,
        open_rhythm_items: vec![90],
        risk_months: None,
    }
}

fn activity(id: i64, type_code: &str, start: &str, end: &str) -> Activity {
    Activity {
        id,
        client_id: 1,
        type_code: type_code.into(),
        title: format!("{type_code} {id}"),
        start_date: d(start),
        end_date: d(end),
        status: ActivityStatus::Open,
        outcome: None,
        outcome_note: None,
        closed_on: None,
        time: None,
        channel: None,
    }
}

fn activity_context(a: Activity, item: Option<i64>) -> ActivityContext {
    let cat = catalog();
    let activity_type = cat.activity_type(&a.type_code).unwrap().clone();
    let kind = cat.kind(&activity_type.expiry_kind).unwrap().clone();
    ActivityContext {
        cycles: item.map(|_| a.end_date).into_iter().collect(),
        open_items: item
            .map(|id| OpenItem {
                id,
                activity: a.id,
                source: Source::Activity,
                kind: kind.code.clone(),
            })
            .into_iter()
            .collect(),
        activity: a,
        activity_type,
        kind,
        term: None,
        term_from: None,
        application: None,
        goal: None,
        client: client(),
        follows: None,
        location: None,
    }
}

fn item_context(id: i64, a: ActivityContext) -> ItemContext {
    let kind = a.kind.clone();
    ItemContext {
        item: WorkItem {
            id,
            client_id: 1,
            client_name: "Klant".into(),
            kind: kind.code.clone(),
            title: "x".into(),
            due_date: a.activity.end_date,
            source: Source::Activity,
            source_activity_id: Some(a.activity.id),
            status: ItemStatus::Open,
            legal: kind.legal,
            urgency: 0,
        },
        cycle_end: Some(a.activity.end_date),
        outcome: None,
        kind,
        activity: Some(a),
        client: client(),
    }
}

/// An aanvraag received on 1 October 2026 with its beslistermijn (activity 10,
/// item 100 open), voorschot (11) and a hersteltermijn (12) given on 5 October.
fn aanvraag() -> ApplicationContext {
    let term = |id: i64, rule: &str, end: &str| TermActivity {
        activity: activity(id, rule, "2026-10-01", end),
        rule: rule.into(),
        term_from: d("2026-10-01"),
        note: None,
    };
    ApplicationContext {
        application: Application {
            id: 7,
            client_id: 1,
            reported_on: None,
            received_on: Some(d("2026-10-01")),
            expected_on: None,
            under_27: false,
            status: "open".into(),
            decision: None,
            decided_on: None,
            decided_late: false,
            adjourned_on: None,
            adjourned_to: None,
            adjournment_reason: None,
        },
        terms: vec![
            term(10, "beslistermijn", "2026-12-10"),
            term(11, "voorschot", "2026-10-29"),
        ],
        hersteltermijnen: vec![activity(12, "hersteltermijn", "2026-10-05", "2026-10-19")],
        suspensions: vec![SuspensionPeriod {
            activity: 12,
            from: d("2026-10-06"),
            to: d("2026-10-19"),
        }],
        rules: vec![
            rule("beslistermijn", 56, "Awb 4:13 lid 2"),
            rule("voorschot", 28, "Participatiewet art. 52"),
            rule("buitenbehandeling", 28, "Awb 4:5 lid 4"),
            rule("bezwaartermijn", 42, "Awb 6:7 en 6:8"),
        ],
        open_items: vec![OpenItem {
            id: 100,
            activity: 10,
            source: Source::Activity,
            kind: "beslistermijn".into(),
        }],
        heronderzoek_open: false,
    }
}

fn term_context(id: i64, rule_code: &str, end: &str, item: i64) -> ActivityContext {
    let app = aanvraag();
    let term = app.terms.iter().find(|t| t.activity.id == id).unwrap();
    let mut a = activity_context(activity(id, rule_code, "2026-10-01", end), Some(item));
    a.term = app.rules.iter().find(|r| r.code == rule_code).cloned();
    a.term_from = Some(term.term_from);
    a.application = Some(app);
    a
}

fn herstel_context(end: &str) -> ActivityContext {
    let mut a = activity_context(activity(12, "hersteltermijn", "2026-10-05", end), Some(120));
    a.application = Some(aanvraag());
    a
}

fn request(outcome: &str) -> CloseRequest {
    CloseRequest {
        outcome: outcome.into(),
        ..CloseRequest::default()
    }
}

fn close(item: i64, outcome: &str, note: Option<&str>) -> Effect {
    Effect::CloseItem {
        item,
        outcome: outcome.into(),
        note: note.map(str::to_owned),
    }
}

fn finish(activity: i64, outcome: &str, note: Option<&str>) -> Effect {
    Effect::FinishActivity {
        activity,
        outcome: outcome.into(),
        note: note.map(str::to_owned),
    }
}

fn handle(ctx: &ItemContext, req: &CloseRequest) -> Result<Vec<Effect>, InputError> {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d(TODAY),
    };
    close_item(&env, ctx, req)
}

#[test]
fn handling_an_item_has_these_effects() {
    let traject = || {
        item_context(
            5,
            activity_context(activity(3, "traject", "2026-06-01", "2026-11-20"), Some(5)),
        )
    };
    let afspraak = |date: &str| {
        let mut a = activity(4, "afspraak", date, date);
        a.channel = Some("op_locatie".into());
        a.time = Some("10:00".into());
        item_context(6, activity_context(a, Some(6)))
    };
    let rows: Vec<(&str, ItemContext, CloseRequest, Vec<Effect>)> = vec![
        (
            "traject afgerond: the activity is finished",
            traject(),
            request("afgerond"),
            vec![close(5, "afgerond", None), finish(3, "afgerond", None)],
        ),
        (
            "heronderzoek uitgevoerd, early: the next one at the same interval from today (Pw art. 53a)",
            item_context(
                21,
                activity_context(activity(20, "heronderzoek", "2026-06-01", "2026-12-01"), Some(21)),
            ),
            request("uitgevoerd"),
            vec![
                close(21, "uitgevoerd", None),
                finish(20, "uitgevoerd", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "heronderzoek".into(),
                    title: "heronderzoek 20".into(),
                    start: d(TODAY),
                    end: d("2027-05-25"),
                    application: None,
                    follows: Some(20),
                },
            ],
        ),
        (
            "heronderzoek uitgevoerd for a client with a risk profile: the next at its interval, three months on (Pw art. 53a)",
            {
                let mut ctx = item_context(
                    21,
                    activity_context(activity(20, "heronderzoek", "2026-06-01", "2026-12-01"), Some(21)),
                );
                if let Some(a) = ctx.activity.as_mut() {
                    a.client.risk_months = Some(3);
                }
                ctx
            },
            request("uitgevoerd"),
            vec![
                close(21, "uitgevoerd", None),
                finish(20, "uitgevoerd", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "heronderzoek".into(),
                    title: "heronderzoek 20".into(),
                    start: d(TODAY),
                    end: d("2027-02-23"),
                    application: None,
                    follows: Some(20),
                },
            ],
        ),
        (
            "informatieverzoek niet geleverd: an onderzoek into opschorten or intrekken (Pw art. 17 and 54)",
            item_context(
                23,
                activity_context(activity(22, "informatieverzoek", "2026-11-01", "2026-11-15"), Some(23)),
            ),
            request("niet_geleverd"),
            vec![
                close(23, "niet_geleverd", None),
                finish(22, "niet_geleverd", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "onderzoek".into(),
                    title: "Gegevens niet geleverd: opschorten of intrekken? (Pw art. 54) — informatieverzoek 22".into(),
                    start: d(TODAY),
                    end: d("2026-12-21"),
                    application: None,
                    follows: Some(22),
                },
            ],
        ),
        (
            "informatieverzoek ontvangen: finished, nothing follows (not Awb 4:5: no aanvraag)",
            item_context(
                23,
                activity_context(activity(22, "informatieverzoek", "2026-11-01", "2026-11-15"), Some(23)),
            ),
            request("ontvangen"),
            vec![close(23, "ontvangen", None), finish(22, "ontvangen", None)],
        ),
        (
            "maatregel voornemen: the client's zienswijze, the municipality's 14 days (Pw art. 18, Awb 4:8)",
            item_context(
                27,
                activity_context(activity(26, "maatregel", "2026-11-09", "2026-11-23"), Some(27)),
            ),
            request("voornemen"),
            vec![
                close(27, "voornemen", None),
                finish(26, "voornemen", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "zienswijze".into(),
                    title: "Zienswijze op het voornemen tot een maatregel (Awb 4:8) — maatregel 26".into(),
                    start: d(TODAY),
                    end: d("2026-12-07"),
                    application: None,
                    follows: Some(26),
                },
            ],
        ),
        (
            "maatregel opgelegd, its verlaging noted: the bezwaartermijn of six weeks (Awb 6:7)",
            item_context(
                29,
                activity_context(activity(28, "zienswijze", "2026-11-09", "2026-11-23"), Some(29)),
            ),
            CloseRequest {
                sanction: Some(Sanction { percent: 30, months: 3 }),
                note: Some("tweede keer".into()),
                ..request("maatregel_opgelegd")
            },
            vec![
                close(29, "maatregel_opgelegd", Some("verlaging 30% gedurende 3 maanden; tweede keer")),
                finish(28, "maatregel_opgelegd", Some("verlaging 30% gedurende 3 maanden; tweede keer")),
                Effect::AddActivity {
                    client: 1,
                    type_code: "bezwaartermijn".into(),
                    title: "Bezwaartermijn besluit maatregel (Awb 6:7) — zienswijze 28".into(),
                    start: d(TODAY),
                    end: d("2027-01-04"),
                    application: None,
                    follows: Some(28),
                },
            ],
        ),
        (
            "boete opgelegd, late (Awb 5:51 is a termijn van orde): its bezwaartermijn all the same",
            item_context(
                31,
                activity_context(activity(30, "boete", "2026-08-01", "2026-10-31"), Some(31)),
            ),
            CloseRequest {
                note: Some("boete € 150, opzettelijk".into()),
                ..request("boete_opgelegd")
            },
            vec![
                close(31, "boete_opgelegd", Some("boete € 150, opzettelijk")),
                finish(30, "boete_opgelegd", Some("boete € 150, opzettelijk")),
                Effect::AddActivity {
                    client: 1,
                    type_code: "bezwaartermijn".into(),
                    title: "Bezwaartermijn besluit bestuurlijke boete (Awb 6:7) — boete 30".into(),
                    start: d(TODAY),
                    end: d("2027-01-04"),
                    application: None,
                    follows: Some(30),
                },
            ],
        ),
        (
            "boete voorgelegd aan het OM (Awb 5:51 lid 3): the step is finished, the wait follows it, with a date",
            item_context(
                31,
                activity_context(activity(30, "boete", "2026-09-01", "2026-12-01"), Some(31)),
            ),
            request("naar_om"),
            vec![
                close(31, "naar_om", None),
                finish(30, "naar_om", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "boete_om".into(),
                    title: "boete 30".into(),
                    start: d(TODAY),
                    end: d("2027-01-18"),
                    application: None,
                    follows: Some(30),
                },
            ],
        ),
        (
            "the OM answered (Awb 5:51 lid 3): the boete runs on, its end later by the 53 days it waited",
            item_context(
                35,
                ActivityContext {
                    follows: Some(activity(30, "boete", "2026-09-01", "2026-12-01")),
                    ..activity_context(activity(34, "boete_om", "2026-10-01", "2026-11-26"), Some(35))
                },
            ),
            request("om_antwoord"),
            vec![
                close(35, "om_antwoord", None),
                finish(34, "om_antwoord", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "boete".into(),
                    title: "boete 30".into(),
                    start: d("2026-09-01"),
                    end: d("2027-01-23"),
                    application: None,
                    follows: Some(34),
                },
            ],
        ),
        (
            "the OM's answer came on 20 October: the boete waited 19 days, not until it was recorded",
            item_context(
                35,
                ActivityContext {
                    follows: Some(activity(30, "boete", "2026-09-01", "2026-12-01")),
                    ..activity_context(activity(34, "boete_om", "2026-10-01", "2026-11-26"), Some(35))
                },
            ),
            CloseRequest {
                received_on: Some(d("2026-10-20")),
                ..request("om_antwoord")
            },
            vec![
                close(35, "om_antwoord", None),
                finish(34, "om_antwoord", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "boete".into(),
                    title: "boete 30".into(),
                    start: d("2026-09-01"),
                    end: d("2026-12-20"),
                    application: None,
                    follows: Some(34),
                },
            ],
        ),
        (
            "taaleis, bereidverklaring getekend: the inspanning reviewed in half a year (Pw art. 18b)",
            item_context(
                33,
                activity_context(activity(32, "taaleis", "2026-09-28", "2026-11-23"), Some(33)),
            ),
            request("taal_bereid"),
            vec![
                close(33, "taal_bereid", None),
                finish(32, "taal_bereid", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "taalvoortgang".into(),
                    title: "Voortgang van de taalinspanning beoordelen (Pw art. 18b) — taaleis 32".into(),
                    start: d(TODAY),
                    end: d("2027-05-24"),
                    application: None,
                    follows: Some(32),
                },
            ],
        ),
        (
            "taaleis, no inspanning: a signaal for a maatregel, weighed in two weeks (Pw art. 18b); a taaleis titled only by its type carries the reason",
            item_context(
                33,
                activity_context(
                    Activity { title: "taaleis".into(), ..activity(32, "taaleis", "2026-09-28", "2026-11-23") },
                    Some(33),
                ),
            ),
            CloseRequest {
                note: Some("geen toets gedaan, niet ingeschreven bij taalschool".into()),
                ..request("taal_geen_inspanning")
            },
            vec![
                close(33, "taal_geen_inspanning", Some("geen toets gedaan, niet ingeschreven bij taalschool")),
                finish(32, "taal_geen_inspanning", Some("geen toets gedaan, niet ingeschreven bij taalschool")),
                Effect::AddActivity {
                    client: 1,
                    type_code: "maatregel".into(),
                    title: "Taaleis: geen inspanning, maatregel wegen (Pw art. 18b) — geen toets gedaan, niet ingeschreven bij taalschool".into(),
                    start: d(TODAY),
                    end: d("2026-12-07"),
                    application: None,
                    follows: Some(32),
                },
            ],
        ),
        (
            "taalvoortgang reviewed: the next review at the same interval, until the taaleis is met",
            item_context(
                35,
                activity_context(activity(34, "taalvoortgang", "2026-05-27", "2026-11-25"), Some(35)),
            ),
            request("uitgevoerd"),
            vec![
                close(35, "uitgevoerd", None),
                finish(34, "uitgevoerd", None),
                Effect::AddActivity {
                    client: 1,
                    type_code: "taalvoortgang".into(),
                    title: "taalvoortgang 34".into(),
                    start: d(TODAY),
                    end: d("2027-05-24"),
                    application: None,
                    follows: Some(34),
                },
            ],
        ),
        (
            "ontheffing beëindigd: the arbeidsverplichtingen apply again (Pw art. 9 lid 2)",
            item_context(
                25,
                activity_context(activity(24, "ontheffing", "2026-06-01", "2026-12-01"), Some(25)),
            ),
            request("ontheffing_af"),
            vec![close(25, "ontheffing_af", None), finish(24, "ontheffing_af", None)],
        ),
        (
            "traject verlengd: a new cycle",
            traject(),
            CloseRequest { new_date: Some(d("2027-02-01")), ..request("verlengd") },
            vec![
                close(5, "verlengd", None),
                Effect::NewCycle { activity: 3, from: d("2026-11-20"), to: d("2027-02-01"), term_from: None, explanation: None },
            ],
        ),
        (
            "an item of an earlier cycle settles only itself",
            {
                let mut ctx = traject();
                ctx.cycle_end = Some(d("2026-09-01"));
                ctx
            },
            request("afgerond"),
            vec![close(5, "afgerond", None)],
        ),
        (
            "afspraak gesproken: the conversation on the afspraak's day, with its channel; back in view",
            afspraak("2026-11-20"),
            request("gesproken"),
            vec![
                close(6, "gesproken", None),
                Effect::RecordContact { client: 1, channel: "op_locatie".into(), date: d("2026-11-20"), note: Some("afspraak: afspraak 4".into()) },
                close(90, "gesproken", Some("contact op vr 20 nov 2026 via op_locatie")),
                finish(4, "gesproken", None),
            ],
        ),
        (
            "no_show: a no-show on the day, and a new afspraak of its own, linked",
            afspraak("2026-11-20"),
            CloseRequest { new_date: Some(d("2026-11-27")), ..request("no_show") },
            vec![
                close(6, "no_show", None),
                Effect::RecordNoShow { client: 1, channel: "op_locatie".into(), date: d("2026-11-20"), note: Some("afspraak: afspraak 4".into()) },
                finish(4, "no_show", None),
                Effect::AddAppointment {
                    client: 1,
                    date: d("2026-11-27"),
                    time: Some("10:00".into()),
                    channel: "op_locatie".into(),
                    title: "afspraak 4".into(),
                    follows: Some(4),
                    duration: None,
                    location: None,
                },
            ],
        ),
        (
            "no_show with a vervolgactie instead",
            afspraak("2026-11-20"),
            CloseRequest { new_date: Some(d("2026-11-27")), follow_up: Some("Brief sturen".into()), ..request("no_show") },
            vec![
                close(6, "no_show", None),
                Effect::RecordNoShow { client: 1, channel: "op_locatie".into(), date: d("2026-11-20"), note: Some("afspraak: afspraak 4".into()) },
                finish(4, "no_show", None),
                Effect::AddFollowUp { client: 1, title: "Brief sturen".into(), due: d("2026-11-27") },
            ],
        ),
        (
            "no_show: the new afspraak at the time and by the channel asked",
            afspraak("2026-11-20"),
            CloseRequest {
                new_date: Some(d("2026-11-27")),
                time: Some("14.30".into()),
                channel: Some("telefoon".into()),
                ..request("no_show")
            },
            vec![
                close(6, "no_show", None),
                Effect::RecordNoShow { client: 1, channel: "op_locatie".into(), date: d("2026-11-20"), note: Some("afspraak: afspraak 4".into()) },
                finish(4, "no_show", None),
                Effect::AddAppointment {
                    client: 1,
                    date: d("2026-11-27"),
                    time: Some("14:30".into()),
                    channel: "telefoon".into(),
                    title: "afspraak 4".into(),
                    follows: Some(4),
                    duration: None,
                    location: None,
                },
            ],
        ),
        (
            "afspraak gesproken by another channel than planned",
            afspraak("2026-11-20"),
            CloseRequest { channel: Some("telefoon".into()), ..request("gesproken") },
            vec![
                close(6, "gesproken", None),
                Effect::RecordContact { client: 1, channel: "telefoon".into(), date: d("2026-11-20"), note: Some("afspraak: afspraak 4".into()) },
                close(90, "gesproken", Some("contact op vr 20 nov 2026 via telefoon")),
                finish(4, "gesproken", None),
            ],
        ),
        (
            "nabellen gebeld: a telephone contact today",
            {
                let mut ctx = afspraak("2026-11-24");
                ctx.item.source = Source::Nabellen;
                ctx.kind = catalog().kind("nabellen").unwrap().clone();
                ctx
            },
            request("gebeld"),
            vec![
                close(6, "gebeld", None),
                Effect::RecordContact { client: 1, channel: "telefoon".into(), date: d(TODAY), note: Some("nabellen: afspraak 4".into()) },
                close(90, "gesproken", Some("contact op ma 23 nov 2026 via telefoon")),
            ],
        ),
        (
            "contact opnemen gesproken: the conversation today, by the client's channel",
            {
                let mut ctx = traject();
                ctx.item.id = 90;
                ctx.item.source = Source::Rhythm;
                ctx.item.source_activity_id = None;
                ctx.activity = None;
                ctx.kind = catalog().kind("contact").unwrap().clone();
                ctx
            },
            request("gesproken"),
            vec![
                close(90, "gesproken", None),
                Effect::RecordContact { client: 1, channel: "whatsapp".into(), date: d(TODAY), note: Some("contact opgenomen (werkitem 90)".into()) },
            ],
        ),
        (
            "stukken ontvangen: suspended up to the day before receipt",
            item_context(120, herstel_context("2026-12-01")),
            request("ontvangen"),
            vec![
                close(120, "ontvangen", None),
                finish(12, "ontvangen", None),
                Effect::SetSuspensionEnd { application: 7, activity: 12, to: d("2026-11-22") },
            ],
        ),
        (
            "stukken received on an earlier day: the suspension ends the day before that",
            item_context(120, herstel_context("2026-12-01")),
            CloseRequest {
                received_on: Some(d("2026-11-10")),
                note: Some("loonstroken per post".into()),
                ..request("ontvangen")
            },
            vec![
                close(120, "ontvangen", Some("loonstroken per post")),
                finish(12, "ontvangen", Some("loonstroken per post")),
                Effect::SetSuspensionEnd { application: 7, activity: 12, to: d("2026-11-09") },
            ],
        ),
        (
            "niet ontvangen after the term: the buitenbehandeling term starts from its end",
            item_context(120, herstel_context("2026-11-20")),
            request("niet_ontvangen"),
            vec![
                close(120, "niet_ontvangen", None),
                finish(12, "niet_ontvangen", None),
                Effect::StartTerm {
                    application: 7,
                    client: 1,
                    rule: "buitenbehandeling".into(),
                    type_code: "buitenbehandeling".into(),
                    title: "buitenbehandeling aanvraag 7 (Awb 4:5 lid 4)".into(),
                    from: d("2026-11-20"),
                    end: d("2026-12-18"),
                    explanation: "28 dagen na vr 20 nov 2026: vr 18 dec 2026 (Awb 4:5 lid 4)".into(),
                },
            ],
        ),
        (
            "voorschot verstrekt: the next four weeks (Pw art. 52)",
            item_context(110, term_context(11, "voorschot", "2026-10-29", 110)),
            request("verstrekt"),
            vec![
                close(110, "verstrekt", None),
                Effect::NewCycle {
                    activity: 11,
                    from: d("2026-10-29"),
                    to: d("2026-11-26"),
                    term_from: Some(d("2026-10-29")),
                    explanation: Some("28 dagen na do 29 okt 2026: do 26 nov 2026 (Participatiewet art. 52)".into()),
                },
            ],
        ),
        (
            "besloten, toegekend: the besluit meets the beslistermijn and ends the voorschot and the hersteltermijn; the bezwaartermijn from the day after; the first heronderzoek at the catalogue's interval (Pw art. 53a)",
            item_context(100, term_context(10, "beslistermijn", "2026-12-10", 100)),
            CloseRequest { decision: Some(Decision::Granted), made_known: Some(d("2026-11-20")), ..request("besloten") },
            vec![
                close(100, "besloten", None),
                finish(10, "besloten", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                finish(11, "door_besluit", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                finish(12, "door_besluit", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                Effect::RecordDecision { application: 7, decision: Decision::Granted, made_known: d("2026-11-20"), late: false },
                Effect::StartTerm {
                    application: 7,
                    client: 1,
                    rule: "bezwaartermijn".into(),
                    type_code: "bezwaartermijn".into(),
                    title: "bezwaartermijn aanvraag 7 (Awb 6:7 en 6:8)".into(),
                    from: d("2026-11-20"),
                    // Six weeks end on Nieuwjaarsdag, then a weekend: Monday 4 January.
                    end: d("2027-01-04"),
                    explanation: String::new(),
                },
                Effect::AddActivity {
                    client: 1,
                    type_code: "heronderzoek".into(),
                    title: "Eerste heronderzoek na de toekenning (aanvraag 7)".into(),
                    start: d("2026-11-20"),
                    end: d("2027-05-21"),
                    application: None,
                    follows: None,
                },
            ],
        ),
        (
            "besloten, toegekend to a client whose heronderzoek cycle runs: no second cycle",
            {
                let mut ctx = item_context(100, term_context(10, "beslistermijn", "2026-12-10", 100));
                if let Some(app) = ctx.activity.as_mut().and_then(|a| a.application.as_mut()) {
                    app.heronderzoek_open = true;
                }
                ctx
            },
            CloseRequest { decision: Some(Decision::Granted), made_known: Some(d("2026-11-20")), ..request("besloten") },
            vec![
                close(100, "besloten", None),
                finish(10, "besloten", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                finish(11, "door_besluit", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                finish(12, "door_besluit", Some("besluit toegekend bekendgemaakt op vr 20 nov 2026")),
                Effect::RecordDecision { application: 7, decision: Decision::Granted, made_known: d("2026-11-20"), late: false },
                Effect::StartTerm {
                    application: 7,
                    client: 1,
                    rule: "bezwaartermijn".into(),
                    type_code: "bezwaartermijn".into(),
                    title: "bezwaartermijn aanvraag 7 (Awb 6:7 en 6:8)".into(),
                    from: d("2026-11-20"),
                    end: d("2027-01-04"),
                    explanation: String::new(),
                },
            ],
        ),
    ];
    for (what, ctx, req, expected) in rows {
        let mut effects = handle(&ctx, &req).unwrap_or_else(|e| panic!("{what}: refused: {e}"));
        // Term explanations are tested with the terms; here only their dates.
        for (got, want) in effects.iter_mut().zip(&expected) {
            if let (
                Effect::StartTerm { explanation, .. },
                Effect::StartTerm { explanation: w, .. },
            ) = (got, want)
            {
                if w.is_empty() {
                    explanation.clear();
                }
            }
        }
        assert_eq!(effects, expected, "{what}");
    }
}

#[test]
fn handling_is_refused_with_a_reason() {
    let traject = item_context(
        5,
        activity_context(activity(3, "traject", "2026-06-01", "2026-11-20"), Some(5)),
    );
    let afspraak = item_context(
        6,
        activity_context(activity(4, "afspraak", "2026-11-25", "2026-11-25"), Some(6)),
    );
    let herstel = item_context(120, herstel_context("2026-12-01"));
    let long_traject = item_context(
        7,
        activity_context(activity(8, "traject", "2026-06-01", "2026-12-20"), Some(7)),
    );
    let lost_wait = item_context(
        35,
        activity_context(
            activity(34, "boete_om", "2026-10-01", "2026-11-26"),
            Some(35),
        ),
    );
    let wait = item_context(
        35,
        ActivityContext {
            follows: Some(activity(30, "boete", "2026-09-01", "2026-12-01")),
            ..activity_context(
                activity(34, "boete_om", "2026-10-01", "2026-11-26"),
                Some(35),
            )
        },
    );
    let rows: Vec<(&str, &ItemContext, CloseRequest, InputError)> = vec![
        (
            "an answer of the OM with no boete waiting: nothing to run on",
            &lost_wait,
            request("om_antwoord"),
            InputError::NothingWaits { id: 34 },
        ),
        (
            "the OM's answer before the boete went there",
            &wait,
            CloseRequest {
                received_on: Some(d("2026-09-30")),
                ..request("om_antwoord")
            },
            InputError::Before {
                what: "het antwoord op",
                date: d("2026-09-30"),
                before_what: "het begin van het wachten",
                before: d("2026-10-01"),
            },
        ),
        (
            "an outcome the kind does not allow",
            &traject,
            request("gesproken"),
            InputError::OutcomeNotAllowed {
                outcome: "gesproken".into(),
                kind: "traject".into(),
                allowed: "afgerond, verlengd, afgebroken".into(),
            },
        ),
        (
            "verlengd needs a date",
            &traject,
            request("verlengd"),
            InputError::NeedsNewDate {
                outcome: "verlengd".into(),
            },
        ),
        (
            "verlengd into the past",
            &traject,
            CloseRequest {
                new_date: Some(d("2026-11-01")),
                ..request("verlengd")
            },
            InputError::NotAfterToday {
                what: "de nieuwe datum",
                date: d("2026-11-01"),
                today: d(TODAY),
            },
        ),
        (
            "verlengd to before the current end, planned from an earlier day",
            &long_traject,
            CloseRequest {
                new_date: Some(d("2026-12-10")),
                ..request("verlengd")
            },
            InputError::NotLater {
                end: d("2026-12-20"),
                to: d("2026-12-10"),
            },
        ),
        (
            "afgebroken needs a reason",
            &traject,
            request("afgebroken"),
            InputError::NeedsReason {
                outcome: "afgebroken".into(),
            },
        ),
        (
            "gesproken before the afspraak",
            &afspraak,
            request("gesproken"),
            InputError::AppointmentNotYet {
                date: d("2026-11-25"),
            },
        ),
        (
            "a time belongs to the new afspraak, not to a vervolgactie",
            &afspraak,
            CloseRequest {
                new_date: Some(d("2026-11-27")),
                follow_up: Some("Brief sturen".into()),
                time: Some("10:00".into()),
                ..request("no_show")
            },
            InputError::TimeOnlyForNewAppointment {
                outcome: "no_show".into(),
            },
        ),
        (
            "a day of receipt on an outcome that receives nothing",
            &traject,
            CloseRequest {
                received_on: Some(d("2026-11-20")),
                ..request("afgerond")
            },
            InputError::ReceivedOnlyForDocuments {
                outcome: "afgerond".into(),
            },
        ),
        (
            "stukken received before the hersteltermijn was given",
            &herstel,
            CloseRequest {
                received_on: Some(d("2026-10-01")),
                ..request("ontvangen")
            },
            InputError::Before {
                what: "de ontvangst van de stukken op",
                date: d("2026-10-01"),
                before_what: "het geven van de hersteltermijn",
                before: d("2026-10-05"),
            },
        ),
        (
            "stukken received tomorrow",
            &herstel,
            CloseRequest {
                received_on: Some(d("2026-11-24")),
                ..request("ontvangen")
            },
            InputError::InFuture {
                what: "de ontvangst van de stukken op",
                date: d("2026-11-24"),
                today: d(TODAY),
            },
        ),
    ];
    for (what, ctx, req, expected) in rows {
        assert_eq!(handle(ctx, &req), Err(expected), "{what}");
    }
    let mut cycled = traject.clone();
    cycled
        .activity
        .as_mut()
        .unwrap()
        .cycles
        .push(d("2027-01-04"));
    assert_eq!(
        handle(
            &cycled,
            &CloseRequest {
                new_date: Some(d("2027-01-04")),
                ..request("verlengd")
            }
        ),
        Err(InputError::CycleUsed {
            id: 3,
            date: d("2027-01-04")
        }),
        "never back to an end date that already had a cycle"
    );
    let herstel = item_context(120, herstel_context(TODAY));
    assert_eq!(
        handle(&herstel, &request("niet_ontvangen")),
        Err(InputError::HersteltermijnRunning { end: d(TODAY) }),
        "on its last day the hersteltermijn still runs"
    );
    let beslis = item_context(100, term_context(10, "beslistermijn", "2026-12-10", 100));
    assert_eq!(
        handle(&beslis, &request("besloten")),
        Err(InputError::NeedsDecision {
            outcome: "besloten".into()
        }),
        "a beslistermijn is settled only by the besluit"
    );
    let not_handled = CloseRequest {
        decision: Some(Decision::NotHandled),
        made_known: Some(d(TODAY)),
        ..request("besloten")
    };
    let mut running = beslis.clone();
    if let Some(app) = running
        .activity
        .as_mut()
        .and_then(|a| a.application.as_mut())
    {
        app.hersteltermijnen[0].end_date = d("2026-11-30");
    }
    assert_eq!(
        handle(&running, &not_handled),
        Err(InputError::NotHandledWithoutHerstel { id: 7 }),
        "buiten behandeling only after a hersteltermijn ran out unused"
    );
    assert!(
        handle(&beslis, &not_handled).is_ok(),
        "a hersteltermijn past its end with nothing recorded ran out unused"
    );
}

#[test]
fn a_statutory_item_is_not_postponed_past_its_term() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d(TODAY),
    };
    let mut beslis = item_context(100, term_context(10, "beslistermijn", "2026-12-10", 100));
    beslis.item.due_date = d("2026-12-01");
    assert_eq!(
        postpone_item(&env, &beslis, d("2026-12-11"), "wacht op advies"),
        Err(InputError::PastLegalTerm {
            article: "Awb 4:13 lid 2".into(),
            end: d("2026-12-10")
        })
    );
    assert_eq!(
        postpone_item(&env, &beslis, d("2026-12-10"), "wacht op advies"),
        Ok(vec![Effect::Postpone {
            item: 100,
            from: d("2026-12-01"),
            to: d("2026-12-10"),
            reason: "wacht op advies".into()
        }]),
        "within the term it may move"
    );
    // A term set by the municipality is not bound so.
    let mut herstel = item_context(120, herstel_context("2026-11-30"));
    herstel.item.due_date = d("2026-12-01");
    assert!(postpone_item(&env, &herstel, d("2027-01-15"), "ziek").is_ok());
}

#[test]
fn closing_the_voorschot_activity_is_closing_its_item() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d(TODAY),
    };
    let voorschot = term_context(11, "voorschot", "2026-10-29", 110);
    let by_activity = close_activity(&env, &voorschot, &request("verstrekt")).unwrap();
    let by_item = close_item(&env, &item_context(110, voorschot), &request("verstrekt")).unwrap();
    let mut sorted_a = by_activity.clone();
    let mut sorted_b = by_item.clone();
    sorted_a.sort_by_key(|e| format!("{e:?}"));
    sorted_b.sort_by_key(|e| format!("{e:?}"));
    assert_eq!(
        sorted_a, sorted_b,
        "the same effects whichever way it comes in"
    );
}

#[test]
fn a_late_contact_does_not_handle_contact_opnemen() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d(TODAY),
    };
    // Spoken on 1 October: still 53 days ago, more than the rhythm of 28.
    let effects = add_contact(&env, &client(), "telefoon", d("2026-10-01"), None).unwrap();
    assert_eq!(effects.len(), 1, "only the contact: {effects:?}");
    let effects = add_contact(&env, &client(), "telefoon", d("2026-11-10"), None).unwrap();
    assert_eq!(effects.len(), 2, "back in view: the item is handled");
}

/// The client's "contact opnemen" item (90), raised by the contact rhythm.
fn rhythm_item() -> ItemContext {
    let kind = catalog().kind("contact").unwrap().clone();
    ItemContext {
        item: WorkItem {
            id: 90,
            client_id: 1,
            client_name: "Klant".into(),
            kind: kind.code.clone(),
            title: "Contact opnemen".into(),
            due_date: d("2026-10-01"),
            source: Source::Rhythm,
            source_activity_id: None,
            status: ItemStatus::Open,
            legal: false,
            urgency: 0,
        },
        cycle_end: None,
        outcome: None,
        kind,
        activity: None,
        client: client(),
    }
}

#[test]
fn the_edges_of_contact() {
    let rows: Vec<(&str, CloseRequest, Vec<Effect>)> = vec![
        (
            "gesproken: by the preferred channel unless another is said",
            request("gesproken"),
            vec![
                close(90, "gesproken", None),
                Effect::RecordContact {
                    client: 1,
                    channel: "whatsapp".into(),
                    date: d(TODAY),
                    note: Some("contact opgenomen (werkitem 90)".into()),
                },
            ],
        ),
        (
            "gesproken by telephone: the channel it took place by",
            CloseRequest {
                channel: Some("telefoon".into()),
                ..request("gesproken")
            },
            vec![
                close(90, "gesproken", None),
                Effect::RecordContact {
                    client: 1,
                    channel: "telefoon".into(),
                    date: d(TODAY),
                    note: Some("contact opgenomen (werkitem 90)".into()),
                },
            ],
        ),
        (
            "niet bereikt: the next attempt, two working days on (Monday: Wednesday)",
            CloseRequest {
                note: Some("voicemail".into()),
                ..request("niet_bereikt")
            },
            vec![
                close(90, "niet_bereikt", Some("voicemail")),
                Effect::AddRhythmItem {
                    client: 1,
                    title: "Contact opnemen: nieuwe poging (niet bereikt op ma 23 nov 2026)".into(),
                    due: d("2026-11-25"),
                },
            ],
        ),
        (
            "niet bereikt with a day of one's own",
            CloseRequest {
                note: Some("voicemail".into()),
                new_date: Some(d("2026-12-01")),
                ..request("niet_bereikt")
            },
            vec![
                close(90, "niet_bereikt", Some("voicemail")),
                Effect::AddRhythmItem {
                    client: 1,
                    title: "Contact opnemen: nieuwe poging (niet bereikt op ma 23 nov 2026)".into(),
                    due: d("2026-12-01"),
                },
            ],
        ),
    ];
    for (sentence, req, expected) in rows {
        assert_eq!(
            handle(&rhythm_item(), &req).as_ref(),
            Ok(&expected),
            "{sentence}"
        );
    }
    let refused: Vec<(&str, CloseRequest, InputError)> = vec![
        (
            "uitstroom is never chosen by hand",
            request("uitstroom"),
            InputError::OnlyAtUitstroom {
                outcome: "uitstroom".into(),
            },
        ),
        (
            "the next attempt lies after today",
            CloseRequest {
                note: Some("x".into()),
                new_date: Some(d(TODAY)),
                ..request("niet_bereikt")
            },
            InputError::NotAfterToday {
                what: "de volgende poging",
                date: d(TODAY),
                today: d(TODAY),
            },
        ),
        (
            "a channel belongs to a conversation only",
            CloseRequest {
                note: Some("x".into()),
                channel: Some("telefoon".into()),
                ..request("niet_bereikt")
            },
            InputError::ChannelOnlyForContact {
                outcome: "niet_bereikt".into(),
            },
        ),
    ];
    for (sentence, req, expected) in refused {
        assert_eq!(handle(&rhythm_item(), &req), Err(expected), "{sentence}");
    }
}

#[test]
fn a_letter_is_recorded_but_keeps_nobody_in_view() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d(TODAY),
    };
    let effects = add_contact(&env, &client(), "brief", d(TODAY), None).unwrap();
    assert_eq!(effects.len(), 1, "only the letter's contact: {effects:?}");
    let effects = add_contact(&env, &client(), "telefoon", d(TODAY), None).unwrap();
    assert_eq!(effects.len(), 2, "a call handles contact opnemen");
}

/// The bezwaartermijn after a maatregel is a statutory term: six weeks that would end
/// on Kerstmis (Friday 25 December 2026) run on past the weekend to Monday 28
/// December (Atw art. 1).
#[test]
fn a_bezwaartermijn_after_a_maatregel_keeps_the_algemene_termijnenwet() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d("2026-11-13"),
    };
    let ctx = item_context(
        29,
        activity_context(
            activity(28, "zienswijze", "2026-10-30", "2026-11-12"),
            Some(29),
        ),
    );
    let req = CloseRequest {
        sanction: Some(Sanction {
            percent: 30,
            months: 3,
        }),
        ..request("maatregel_opgelegd")
    };
    let effects = close_item(&env, &ctx, &req).unwrap();
    let Some(Effect::AddActivity { end, .. }) = effects.last() else {
        panic!("{effects:?}");
    };
    assert_eq!(*end, d("2026-12-28"));
}

/// The verlaging of a maatregel (Pw art. 18 lid 2): asked as fields, bounded, and
/// the verordening's own unless a toelichting says why not; no other outcome takes
/// one.
#[test]
fn a_maatregel_asks_its_verlaging_and_a_reason_to_deviate_from_the_verordening() {
    let catalog = catalog();
    let calendar = LegalCalendar::default();
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today: d("2026-11-23"),
    };
    let ctx = item_context(
        29,
        activity_context(
            activity(28, "zienswijze", "2026-11-09", "2026-11-23"),
            Some(29),
        ),
    );
    let step = crate::domain::sanction::Verordening::default().step(&[d("2026-05-04")], env.today);
    let with = |percent, months, note: Option<&str>| CloseRequest {
        sanction: Some(Sanction { percent, months }),
        sanction_step: Some(step.clone()),
        note: note.map(Into::into),
        ..request("maatregel_opgelegd")
    };
    let refused = |req: CloseRequest| close_item(&env, &ctx, &req).unwrap_err();
    assert!(matches!(
        refused(request("maatregel_opgelegd")),
        InputError::NeedsSanction { .. }
    ));
    let asked = refused(CloseRequest {
        sanction_step: Some(step.clone()),
        ..request("maatregel_opgelegd")
    })
    .to_string();
    assert!(asked.contains("verlaging 50% gedurende 1 maand"), "{asked}");
    assert!(matches!(
        refused(with(0, 1, None)),
        InputError::SanctionRange { .. }
    ));
    assert!(matches!(
        refused(with(50, 13, None)),
        InputError::SanctionRange { .. }
    ));
    // The second maatregel within twelve months: 50%, not the first step's 20%.
    assert!(matches!(
        refused(with(20, 1, None)),
        InputError::SanctionDeviates { .. }
    ));
    assert!(close_item(&env, &ctx, &with(20, 1, Some("schulden: minder zwaar"))).is_ok());
    assert!(close_item(&env, &ctx, &with(50, 1, None)).is_ok());
    // Before the term for the zienswijze is over (Awb 4:8): only with a toelichting.
    let running = item_context(
        29,
        activity_context(
            activity(28, "zienswijze", "2026-11-16", "2026-11-30"),
            Some(29),
        ),
    );
    assert!(matches!(
        close_item(&env, &running, &with(50, 1, None)).unwrap_err(),
        InputError::ZienswijzeRuns { .. }
    ));
    assert!(close_item(
        &env,
        &running,
        &with(50, 1, Some("zienswijze kwam op 20 november"))
    )
    .is_ok());
    let other = item_context(
        27,
        activity_context(
            activity(26, "maatregel", "2026-11-09", "2026-11-23"),
            Some(27),
        ),
    );
    let wrong = CloseRequest {
        sanction: Some(Sanction {
            percent: 20,
            months: 1,
        }),
        ..request("voornemen")
    };
    assert!(matches!(
        close_item(&env, &other, &wrong).unwrap_err(),
        InputError::NoSanction { .. }
    ));
}
