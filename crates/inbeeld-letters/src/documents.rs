//! The documents beside the letters: the plan van aanpak to print and sign, the
//! besluit buiten behandeling and a besluit in the municipality's own text, and a
//! rapportage of one client's dossier over a period. Their facts are read from the
//! same rows the dossier shows; each is a typst template the municipality can
//! replace, and each is recorded in the dossier as a letter is.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use inbeeld_core::domain::catalog::Catalog;
use inbeeld_core::domain::effects::Decision;
use inbeeld_core::domain::letter::{
    kenmerk, missing_documents, ClientFacts, LetterDate, LetterKind, Sender, Subject,
};
use inbeeld_core::domain::InputError;
use inbeeld_core::store::{Plan, Store};

use crate::make::{make_document, sender_now, Document, LetterFailure, LetterSetup, MadeLetter};

/// The activity types a plan van aanpak leaves out of what is agreed with the
/// client: the law's terms, the handhaving's steps and the plan's own goals and
/// evaluation are the municipality's work, not agreements. Every other type — a
/// traject, a werkervaringsplaats, hulpverlening, an afspraak, a municipality's
/// own — is.
pub const NOT_AGREED: &[&str] = &[
    "hersteltermijn",
    "beslistermijn",
    "voorschot",
    "buitenbehandeling",
    "bezwaartermijn",
    "zoektermijn",
    "onderzoek",
    "heronderzoek",
    "informatieverzoek",
    "maatregel",
    "zienswijze",
    "boete",
    "boete_om",
    "doel",
    "planevaluatie",
];

/// What every document states besides its own content. Field names are Dutch, for
/// the municipality that writes its own template.
#[derive(Debug, Clone, Serialize)]
struct Head {
    soort: &'static str,
    datum: LetterDate,
    kenmerk: String,
    afzender: Sender,
    klant: ClientFacts,
}

#[derive(Debug, Clone, Serialize)]
struct Facts<T: Serialize> {
    #[serde(flatten)]
    head: Head,
    #[serde(flatten)]
    content: T,
}

impl<T: Serialize> Facts<T> {
    /// A document that goes out in an envelope: its kenmerk and its window block
    /// are the head's.
    fn sent(self, kind: LetterKind, client: i64, subject: Subject) -> Document<Facts<T>> {
        Document {
            kind,
            client,
            subject,
            kenmerk: self.head.kenmerk.clone(),
            without_address: self.head.klant.adres.is_none(),
            facts: self,
            text: None,
        }
    }
}

fn head(
    store: &Store,
    kind: LetterKind,
    client: i64,
    subject: Subject,
    sender: Sender,
    today: NaiveDate,
) -> Result<Head, LetterFailure> {
    let c = store.client(client)?;
    Ok(Head {
        soort: kind.code(),
        datum: LetterDate::of(today),
        kenmerk: kenmerk(client, &store.client_since(client)?, subject),
        afzender: sender,
        klant: ClientFacts {
            naam: c.name,
            telefoon: c.phone,
            email: c.email,
            adres: c.address.lines(),
        },
    })
}

/// A goal of the plan as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalFacts {
    pub tekst: String,
    pub leefgebied: String,
    pub deadline: LetterDate,
    pub status: String,
}

/// An activity agreed with the client, as the plan prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreedFacts {
    pub soort: String,
    pub titel: String,
    pub begin: LetterDate,
    pub einde: LetterDate,
    /// An afspraak's time.
    pub tijd: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct PlanContent {
    plan: PlanFacts,
}

#[derive(Debug, Clone, Serialize)]
struct PlanFacts {
    versie: i64,
    begin: LetterDate,
    evaluatie: Option<LetterDate>,
    doelen: Vec<GoalFacts>,
    activiteiten: Vec<AgreedFacts>,
}

/// A goal's status in words: running, or the outcome that closed it.
fn goal_status(catalog: &Catalog, status: &str) -> String {
    match status {
        "loopt" => "loopt".to_owned(),
        "bijgesteld" => "loopt (bijgesteld)".to_owned(),
        other => catalog.outcome_name(other).to_lowercase(),
    }
}

/// A plan's goals as a document prints them.
fn goals(plan: &Plan, catalog: &Catalog, domains: &[(String, String)]) -> Vec<GoalFacts> {
    plan.goals
        .iter()
        .map(|g| GoalFacts {
            tekst: g.text.clone(),
            leefgebied: name_of(domains, &g.domain),
            deadline: LetterDate::of(g.deadline),
            status: goal_status(catalog, &g.status),
        })
        .collect()
}

fn domain_names(store: &Store) -> Result<Vec<(String, String)>, LetterFailure> {
    Ok(store.life_domains()?)
}

fn name_of(names: &[(String, String)], code: &str) -> String {
    names
        .iter()
        .find(|(c, _)| c == code)
        .map_or_else(|| code.to_owned(), |(_, n)| n.clone())
}

/// The plan van aanpak (Pw art. 44a) of the client's current version, to print and
/// sign: every goal with its life domain and deadline, the activities agreed, the
/// evaluation date. A new version makes a new document; one made of an earlier
/// version stays as it was printed.
pub fn make_plan(
    store: &mut Store,
    setup: &LetterSetup,
    client: i64,
    out: Option<&Path>,
    today: NaiveDate,
) -> Result<MadeLetter, LetterFailure> {
    let (setup, sender) = sender_now(setup)?;
    let plan = store.current_plan(client)?;
    let catalog = store.catalog()?;
    let domains = domain_names(store)?;
    let goal_activities: Vec<i64> = plan.goals.iter().map(|g| g.activity_id).collect();
    let mut agreed: Vec<_> = store
        .activities(Some(client))?
        .into_iter()
        .filter(|a| a.outcome.is_none() && !NOT_AGREED.contains(&a.type_code.as_str()))
        .filter(|a| !goal_activities.contains(&a.id))
        .collect();
    agreed.sort_by_key(|a| (a.start_date, a.id));
    let activiteiten = agreed
        .into_iter()
        .map(|a| AgreedFacts {
            soort: catalog.activity_type_name(&a.type_code).to_owned(),
            titel: a.title,
            begin: LetterDate::of(a.start_date),
            einde: LetterDate::of(a.end_date),
            tijd: a.time,
        })
        .collect();
    let subject = Subject::Plan(plan.id);
    let kind = LetterKind::Plan;
    let facts = Facts {
        head: head(store, kind, client, subject, sender, today)?,
        content: PlanContent {
            plan: PlanFacts {
                versie: plan.version,
                begin: LetterDate::of(plan.start_date),
                // An evaluation date that has passed is no date to sign for.
                evaluatie: plan
                    .evaluation_date
                    .filter(|d| *d >= today)
                    .map(LetterDate::of),
                doelen: goals(&plan, &catalog, &domains),
                activiteiten,
            },
        },
    };
    make_document(store, &setup, facts.sent(kind, client, subject), out, today)
}

/// A hersteltermijn of the aanvraag as the besluit recounts it.
#[derive(Debug, Clone, Serialize)]
struct HerstelRecount {
    gegeven: LetterDate,
    einde: LetterDate,
    ontbreekt: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct BesluitContent {
    besluit: BesluitFacts,
}

#[derive(Debug, Clone, Serialize)]
struct BesluitFacts {
    /// The besluit's code (`buiten_behandeling`, `toegekend`, …) and its name.
    soort: &'static str,
    naam: &'static str,
    aanvraag_ontvangen: Option<LetterDate>,
    aanvraag_gemeld: Option<LetterDate>,
    bekendgemaakt: LetterDate,
    /// The hersteltermijnen that ran out unused: what was missing, until when.
    hersteltermijnen: Vec<HerstelRecount>,
    /// The last day for a bezwaar, as inbeeld computed the bezwaartermijn.
    bezwaar_tot: LetterDate,
    /// The klantmanager's motivering, for the generic besluit.
    tekst: Option<String>,
}

/// The besluit on aanvraag `application`: `BuitenBehandeling` (Awb 4:5) from the
/// aanvraag's own dates — its receipt, every hersteltermijn that ran out, what was
/// missing and the day it ended — or `Besluit`, the municipality's own text with
/// the klantmanager's `text`; both with the bezwaarclausule whose date is the
/// bezwaartermijn inbeeld computed. The besluit is recorded first.
pub fn make_besluit(
    store: &mut Store,
    setup: &LetterSetup,
    kind: LetterKind,
    application: i64,
    text: Option<&str>,
    out: Option<&Path>,
    today: NaiveDate,
) -> Result<MadeLetter, LetterFailure> {
    if !matches!(kind, LetterKind::BuitenBehandeling | LetterKind::Besluit) {
        return Err(InputError::UnknownCode {
            what: "geen besluit",
            code: kind.code().to_owned(),
            choices: "buiten_behandeling, besluit".to_owned(),
        }
        .into());
    }
    let (setup, sender) = sender_now(setup)?;
    let view = store.application(application)?;
    let app = &view.application;
    let (Some(code), Some(made_known)) = (app.decision.as_deref(), app.decided_on) else {
        return Err(InputError::DocumentBeforeDecision { id: app.id }.into());
    };
    let decision = Decision::parse(code)?;
    if kind == LetterKind::BuitenBehandeling && decision != Decision::NotHandled {
        return Err(InputError::NotNotHandled {
            id: app.id,
            decision: decision.name().to_lowercase(),
        }
        .into());
    }
    let unused: Vec<HerstelRecount> = view
        .hersteltermijnen
        .iter()
        .filter(|h| h.outcome.as_deref() != Some("ontvangen"))
        .map(|h| HerstelRecount {
            gegeven: LetterDate::of(h.start_date),
            einde: LetterDate::of(h.end_date),
            ontbreekt: missing_documents(&h.title),
        })
        .collect();
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    if kind == LetterKind::Besluit && text.is_none() {
        return Err(InputError::BesluitWithoutReasons.into());
    }
    if kind == LetterKind::BuitenBehandeling && unused.is_empty() {
        return Err(InputError::NotHandledWithoutHerstel { id: app.id }.into());
    }
    let bezwaar = view
        .terms
        .iter()
        .filter(|t| t.rule == "bezwaartermijn")
        .max_by_key(|t| t.activity.start_date)
        .ok_or(InputError::DocumentBeforeDecision { id: app.id })?;
    let client = app.client_id;
    let subject = Subject::Application(application);
    let facts = Facts {
        head: head(store, kind, client, subject, sender, today)?,
        content: BesluitContent {
            besluit: BesluitFacts {
                soort: decision.code(),
                naam: decision.name(),
                aanvraag_ontvangen: app.received_on.map(LetterDate::of),
                aanvraag_gemeld: app.reported_on.map(LetterDate::of),
                bekendgemaakt: LetterDate::of(made_known),
                hersteltermijnen: unused,
                bezwaar_tot: LetterDate::of(bezwaar.activity.end_date),
                tekst: text.map(str::to_owned),
            },
        },
    };
    make_document(store, &setup, facts.sent(kind, client, subject), out, today)
}

#[derive(Debug, Clone, Serialize)]
struct RapportageContent {
    rapportage: RapportageFacts,
}

/// The dossier of one client over a period, for a colleague, a teamleider or the
/// jurist in a bezwaar.
#[derive(Debug, Clone, Serialize)]
pub struct RapportageFacts {
    pub van: LetterDate,
    pub tot: LetterDate,
    pub klant: String,
    pub categorie: String,
    pub contacten: Vec<ContactLine>,
    pub notities: Vec<NoteLine>,
    pub activiteiten: Vec<ActivityLine>,
    /// The plan as it stood on the period's last day.
    pub plan: Option<PlanLine>,
    pub ladder: Vec<AssessedLine>,
    pub leefgebieden: Vec<AssessedLine>,
    pub besluiten: Vec<DecisionLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactLine {
    pub datum: LetterDate,
    pub kanaal: String,
    pub niet_verschenen: bool,
    pub notitie: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteLine {
    pub datum: LetterDate,
    pub tekst: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityLine {
    pub soort: String,
    pub titel: String,
    pub begin: LetterDate,
    pub einde: LetterDate,
    /// `loopt`, or the outcome and the day it was handled.
    pub stand: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanLine {
    pub versie: i64,
    pub begin: LetterDate,
    pub doelen: Vec<GoalFacts>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssessedLine {
    pub datum: LetterDate,
    /// The ladder's step (1–6) or the life domain's score (1–5) with its domain.
    pub wat: String,
    pub notitie: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionLine {
    pub aanvraag_ontvangen: Option<LetterDate>,
    pub besluit: String,
    pub bekendgemaakt: LetterDate,
    pub te_laat: bool,
}

fn within(day: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    (from..=to).contains(&day)
}

/// The facts of a rapportage of `client` from `from` to `to` (both included):
/// every contact, note, afspraak, activity, assessment and besluit of the period,
/// nothing outside it, and the plan as it stood on its last day.
pub fn rapportage_facts(
    store: &Store,
    client: i64,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<RapportageFacts, LetterFailure> {
    if to < from {
        return Err(InputError::EndBeforeStart {
            start: from.to_string(),
            end: to.to_string(),
        }
        .into());
    }
    if from > today {
        return Err(InputError::InFuture {
            what: "een rapportage vanaf",
            date: from,
            today,
        }
        .into());
    }
    let catalog = store.catalog()?;
    let dossier = store.dossier(client, today)?;
    let domains = domain_names(store)?;
    let mut contacten: Vec<ContactLine> = dossier
        .contacts
        .iter()
        .filter(|c| within(c.date, from, to))
        .map(|c| ContactLine {
            datum: LetterDate::of(c.date),
            kanaal: catalog.channel_name(&c.channel).to_owned(),
            niet_verschenen: c.no_show,
            notitie: c.note.clone(),
        })
        .collect();
    contacten.sort_by(|a, b| a.datum.datum.cmp(&b.datum.datum));
    let mut notities: Vec<NoteLine> = dossier
        .notes
        .iter()
        .filter(|n| within(n.date, from, to))
        .map(|n| NoteLine {
            datum: LetterDate::of(n.date),
            tekst: n.text.clone(),
        })
        .collect();
    notities.sort_by(|a, b| a.datum.datum.cmp(&b.datum.datum));
    let mut activities: Vec<_> = dossier
        .activities
        .iter()
        .filter(|a| a.start_date <= to && a.end_date >= from)
        .collect();
    activities.sort_by_key(|a| (a.start_date, a.id));
    let activiteiten = activities
        .into_iter()
        .map(|a| ActivityLine {
            soort: catalog.activity_type_name(&a.type_code).to_owned(),
            titel: a.title.clone(),
            begin: LetterDate::of(a.start_date),
            einde: LetterDate::of(a.end_date),
            stand: match (&a.outcome, a.closed_on) {
                (Some(o), Some(on)) if on <= to => {
                    format!("{} ({on})", catalog.outcome_name(o).to_lowercase())
                }
                _ => "loopt".to_owned(),
            },
        })
        .collect();
    let history = store.plan_history(client)?;
    let plan = history
        .current
        .iter()
        .chain(history.previous.iter())
        .filter(|p| p.start_date <= to)
        .max_by_key(|p| p.version)
        .map(|p| PlanLine {
            versie: p.version,
            begin: LetterDate::of(p.start_date),
            doelen: goals(p, &catalog, &domains),
        });
    let ladder = store
        .ladder(client)?
        .into_iter()
        .filter(|l| within(l.assessed_on, from, to))
        .map(|l| AssessedLine {
            datum: LetterDate::of(l.assessed_on),
            wat: format!("trede {}", l.step),
            notitie: l.note,
        })
        .collect();
    let leefgebieden = store
        .situations(client)?
        .into_iter()
        .filter(|s| within(s.assessed_on, from, to))
        .map(|s| AssessedLine {
            datum: LetterDate::of(s.assessed_on),
            wat: format!("{}: {} van 5", name_of(&domains, &s.domain), s.score),
            notitie: s.note,
        })
        .collect();
    let besluiten = store
        .applications(client)?
        .into_iter()
        .filter_map(|v| {
            let app = v.application;
            let on = app.decided_on.filter(|on| within(*on, from, to))?;
            Some(DecisionLine {
                aanvraag_ontvangen: app.received_on.map(LetterDate::of),
                besluit: app
                    .decision
                    .as_deref()
                    .and_then(|d| Decision::parse(d).ok())
                    .map_or_else(String::new, |d| d.name().to_owned()),
                bekendgemaakt: LetterDate::of(on),
                te_laat: app.decided_late,
            })
        })
        .collect();
    Ok(RapportageFacts {
        van: LetterDate::of(from),
        tot: LetterDate::of(to),
        klant: dossier.client.name.clone(),
        categorie: catalog.category_name(&dossier.client.category).to_owned(),
        contacten,
        notities,
        activiteiten,
        plan,
        ladder,
        leefgebieden,
        besluiten,
    })
}

/// The first day of a rapportage that ends on `to` when none is asked: three
/// months before.
pub fn rapportage_from(to: NaiveDate) -> NaiveDate {
    to.checked_sub_months(chrono::Months::new(3)).unwrap_or(to)
}

/// The rapportage as plain text, for other systems: the same content as the PDF.
pub fn rapportage_text(r: &RapportageFacts, kenmerk: &str) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("Rapportage {}", r.klant));
    line(format!("Periode: {} tot en met {}", r.van.kort, r.tot.kort));
    line(format!("Categorie: {}", r.categorie));
    line(format!("Kenmerk: {kenmerk}"));
    let mut section = |title: &str, rows: Vec<String>| {
        line(String::new());
        line(title.to_owned());
        if rows.is_empty() {
            line("  (geen in deze periode)".to_owned());
        }
        for row in rows {
            line(format!("  {row}"));
        }
    };
    let note = |n: &Option<String>| n.as_deref().map_or(String::new(), |n| format!(": {n}"));
    section(
        "Contactmomenten",
        r.contacten
            .iter()
            .map(|c| {
                format!(
                    "{} {}{}{}",
                    c.datum.datum,
                    c.kanaal,
                    if c.niet_verschenen {
                        " (niet verschenen)"
                    } else {
                        ""
                    },
                    note(&c.notitie)
                )
            })
            .collect(),
    );
    section(
        "Notities",
        r.notities
            .iter()
            .map(|n| format!("{} {}", n.datum.datum, n.tekst))
            .collect(),
    );
    section(
        "Activiteiten en termijnen",
        r.activiteiten
            .iter()
            .map(|a| {
                format!(
                    "{} t/m {} {}: {} ({})",
                    a.begin.datum, a.einde.datum, a.soort, a.titel, a.stand
                )
            })
            .collect(),
    );
    section(
        "Plan van aanpak",
        r.plan.as_ref().map_or_else(Vec::new, |p| {
            std::iter::once(format!("versie {} van {}", p.versie, p.begin.kort))
                .chain(p.doelen.iter().map(|g| {
                    format!(
                        "doel ({}): {} — deadline {}, {}",
                        g.leefgebied, g.tekst, g.deadline.datum, g.status
                    )
                }))
                .collect()
        }),
    );
    section(
        "Participatieladder",
        r.ladder
            .iter()
            .map(|l| format!("{} {}{}", l.datum.datum, l.wat, note(&l.notitie)))
            .collect(),
    );
    section(
        "Leefgebieden",
        r.leefgebieden
            .iter()
            .map(|l| format!("{} {}{}", l.datum.datum, l.wat, note(&l.notitie)))
            .collect(),
    );
    section(
        "Besluiten",
        r.besluiten
            .iter()
            .map(|b| {
                format!(
                    "{} {}{}{}",
                    b.bekendgemaakt.datum,
                    b.besluit,
                    b.aanvraag_ontvangen
                        .as_ref()
                        .map_or(String::new(), |d| format!(
                            " (aanvraag ontvangen {})",
                            d.kort
                        )),
                    if b.te_laat {
                        ", na de beslistermijn"
                    } else {
                        ""
                    }
                )
            })
            .collect(),
    );
    out
}

/// A rapportage of `client` from `from` to `to`: a PDF/A and, beside it, the same
/// content as plain text.
pub fn make_rapportage(
    store: &mut Store,
    setup: &LetterSetup,
    client: i64,
    (from, to): (NaiveDate, NaiveDate),
    out: Option<&Path>,
    today: NaiveDate,
) -> Result<MadeLetter, LetterFailure> {
    let (setup, sender) = sender_now(setup)?;
    let rapportage = rapportage_facts(store, client, from, to, today)?;
    let subject = Subject::Period(from, to);
    let kind = LetterKind::Rapportage;
    let head = head(store, kind, client, subject, sender, today)?;
    let text = rapportage_text(&rapportage, &head.kenmerk);
    let document = Document {
        kind,
        client,
        subject,
        kenmerk: head.kenmerk.clone(),
        // A rapportage goes to a colleague, not in an envelope.
        without_address: false,
        facts: Facts {
            head,
            content: RapportageContent { rapportage },
        },
        text: Some(text),
    };
    make_document(store, &setup, document, out, today)
}
