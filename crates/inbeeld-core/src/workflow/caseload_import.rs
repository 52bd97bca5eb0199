//! A caseload from the municipal system, kept in step: the rows a file gave are
//! matched against the caseload (by BSN; by name and birth date where there is none),
//! planned as a preview, and written as one edit in one transaction. A client
//! missing from the file is named, never ended: the klantmanager decides.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::{Done, World};
use crate::domain::caseload_import::{ImportRow, Person, ReadRows, Refusal};
use crate::domain::client::{Client, NewClient};
use crate::domain::effects::{ClientDetails, Effect};
use crate::domain::env::Env;
use crate::domain::lifecycle;
use crate::domain::search::fold;
use crate::domain::{assessment, handling};
use crate::store::{Result, Store};

/// What an import will do, before it does it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    pub new_clients: Vec<NewPerson>,
    pub changed_clients: Vec<ClientChange>,
    pub new_activities: Vec<PlannedActivity>,
    pub moved_ends: Vec<MovedEnd>,
    /// In the caseload, not ended, and not in the file.
    pub missing: Vec<Missing>,
    pub refused: Vec<Refusal>,
    /// Beëindigde voorzieningen: history, named and not taken over.
    pub ended: Vec<Refusal>,
    /// Clients in the file with nothing to change.
    pub unchanged: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewPerson {
    pub rows: Vec<usize>,
    pub name: String,
    #[serde(skip)]
    pub person: Person,
    pub activities: Vec<PlannedVoorziening>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedVoorziening {
    pub row: usize,
    pub type_code: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientChange {
    pub client_id: i64,
    pub name: String,
    pub row: usize,
    /// Field by field: its Dutch name, what inbeeld has, what the file says.
    pub fields: Vec<FieldChange>,
    #[serde(skip)]
    pub old: ClientDetails,
    #[serde(skip)]
    pub new: ClientDetails,
    /// A trede (participatieladder) other than the last one recorded.
    pub trede: Option<i64>,
    /// The file names another category: doorstroom is the klantmanager's, with a day
    /// and a reason, so it is named and not written.
    pub category_differs: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedActivity {
    pub client_id: i64,
    pub name: String,
    #[serde(flatten)]
    pub activity: PlannedVoorziening,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovedEnd {
    pub activity_id: i64,
    pub name: String,
    pub row: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(skip)]
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    pub client_id: i64,
    pub name: String,
}

impl ImportPlan {
    /// How many edits the plan makes; 0: the file changes nothing.
    pub fn changes(&self) -> usize {
        self.new_clients.len()
            + self.clients_changed()
            + self.activities_added()
            + self.moved_ends.len()
    }

    fn clients_changed(&self) -> usize {
        self.changed_clients.iter().filter(|c| c.writes()).count()
    }

    /// New activities, of new clients and of clients already in the caseload.
    fn activities_added(&self) -> usize {
        self.new_activities.len()
            + self
                .new_clients
                .iter()
                .map(|p| p.activities.len())
                .sum::<usize>()
    }

    /// The plan in one Dutch line.
    pub fn summary(&self) -> String {
        format!(
            "{} nieuwe klant(en), {} gewijzigd, {} activiteit(en) erbij, {} einddatum(s) verschoven, \
             {} ongewijzigd, {} niet in het bestand, {} regel(s) geweigerd",
            self.new_clients.len(),
            self.clients_changed(),
            self.activities_added(),
            self.moved_ends.len(),
            self.unchanged,
            self.missing.len(),
            self.refused.len()
        )
    }
}

impl ClientChange {
    /// Whether the change writes anything (a different category alone is named only).
    pub fn writes(&self) -> bool {
        !self.fields.is_empty() || self.trede.is_some()
    }
}

/// Which client a group of rows is, in the caseload.
enum Match {
    New,
    Existing(usize),
    /// Clients the row may be, without a BSN to tell: refused, never a guess and
    /// never a duplicate.
    Doubt(Vec<usize>),
}

/// The caseload's clients, looked up by BSN and by folded name: built once per
/// import.
struct Caseload<'a> {
    clients: &'a [Client],
    by_bsn: HashMap<&'a str, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> Caseload<'a> {
    fn new(clients: &'a [Client]) -> Caseload<'a> {
        let mut by_bsn = HashMap::new();
        let mut by_name: HashMap<_, Vec<usize>> = HashMap::new();
        for (at, c) in clients.iter().enumerate() {
            if let Some(bsn) = &c.bsn {
                by_bsn.insert(bsn.as_str(), at);
            }
            by_name.entry(fold(&c.name)).or_default().push(at);
        }
        Caseload {
            clients,
            by_bsn,
            by_name,
        }
    }

    /// By BSN. Else by name: the one client of that name and birth date without a
    /// BSN is this person; a namesake who may be the same (a birth date missing on
    /// either side, or a BSN the row cannot confirm) is a doubt.
    fn find(&self, person: &Person) -> Match {
        if let Some(&at) = person
            .bsn
            .as_ref()
            .and_then(|b| self.by_bsn.get(b.as_str()))
        {
            return Match::Existing(at);
        }
        let namesakes = self
            .by_name
            .get(&fold(&person.name))
            .map(Vec::as_slice)
            .unwrap_or_default();
        // Two BSNs, or two birth dates, that differ: two people.
        let may_be = |c: &Client| {
            let bsn = person.bsn.is_none() || c.bsn.is_none();
            let birth = match (person.birth_date, c.birth_date) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            bsn && birth
        };
        let candidates: Vec<usize> = namesakes
            .iter()
            .copied()
            .filter(|&at| may_be(&self.clients[at]))
            .collect();
        match candidates.as_slice() {
            [] => Match::New,
            [one] => {
                let c = &self.clients[*one];
                if c.bsn.is_none() && c.birth_date == person.birth_date {
                    Match::Existing(*one)
                } else {
                    Match::Doubt(candidates)
                }
            }
            _ => Match::Doubt(candidates),
        }
    }
}

/// Plans the import of `read` into the caseload of `store`, as of `today`.
pub fn plan_import(store: &Store, read: ReadRows, today: NaiveDate) -> Result<ImportPlan> {
    let catalog = store.catalog()?;
    let calendar = store.legal_calendar()?;
    let env = Env {
        catalog: &catalog,
        calendar: &calendar,
        today,
    };
    let clients = store.all_clients()?;
    let caseload = Caseload::new(&clients);
    let mut plan = ImportPlan {
        refused: read.refused,
        ended: read.ended,
        ..ImportPlan::default()
    };
    // Rows of one person together, in file order.
    let mut groups: Vec<Vec<ImportRow>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in read.rows {
        let key = person_key(&row.person);
        match by_key.get(&key) {
            Some(&g) => {
                let first = &groups[g][0];
                if first.person != row.person {
                    plan.refused.push(Refusal {
                        row: row.row,
                        column: None,
                        reason: format!(
                            "andere persoonsgegevens dan regel {} voor dezelfde klant",
                            first.row
                        ),
                    });
                    continue;
                }
                groups[g].push(row);
            }
            None => {
                by_key.insert(key, groups.len());
                groups.push(vec![row]);
            }
        }
    }
    let mut matched = BTreeSet::new();
    for rows in groups {
        let person = rows[0].person.clone();
        match caseload.find(&person) {
            Match::Doubt(candidates) => {
                // In the file, though not for certain: not listed as missing too.
                matched.extend(candidates.iter().map(|&at| clients[at].id));
                let ids: Vec<String> = candidates
                    .iter()
                    .map(|&at| format!("klant {}", clients[at].id))
                    .collect();
                refuse_all(
                    &mut plan.refused,
                    &rows,
                    &format!(
                        "'{}' kan {} zijn; zonder BSN is dat niet zeker: zet de BSN in \
                         het bestand, of vul hem bij de klant aan",
                        person.name,
                        ids.join(" of ")
                    ),
                )
            }
            Match::New if person.category.is_none() => refuse_all(
                &mut plan.refused,
                &rows,
                "een nieuwe klant zonder categorie: geef de kolom 'categorie' of \
                 [standaard] categorie in het profiel",
            ),
            Match::New => plan.new_clients.push(NewPerson {
                rows: rows.iter().map(|r| r.row).collect(),
                name: person.name.clone(),
                person,
                activities: voorzieningen(&rows),
            }),
            Match::Existing(at) => {
                let client = &caseload.clients[at];
                matched.insert(client.id);
                if !plan_existing(store, &env, &mut plan, client, &rows)? {
                    plan.unchanged += 1;
                }
            }
        }
    }
    plan.missing = clients
        .iter()
        .filter(|c| c.ended_on.is_none() && !matched.contains(&c.id))
        .map(|c| Missing {
            client_id: c.id,
            name: c.name.clone(),
        })
        .collect();
    plan.refused.sort_by_key(|r| r.row);
    Ok(plan)
}

/// Every row of a person refused for one reason.
fn refuse_all(refused: &mut Vec<Refusal>, rows: &[ImportRow], reason: &str) {
    refused.extend(rows.iter().map(|row| Refusal {
        row: row.row,
        column: None,
        reason: reason.to_owned(),
    }));
}

/// A person's voorzieningen, once each by (type, begindatum), in file order.
fn voorzieningen(rows: &[ImportRow]) -> Vec<PlannedVoorziening> {
    let mut planned: Vec<PlannedVoorziening> = Vec::new();
    for row in rows {
        if let Some(v) = &row.voorziening {
            if !planned
                .iter()
                .any(|a| a.type_code == v.type_code && a.start == v.start)
            {
                planned.push(PlannedVoorziening {
                    row: row.row,
                    type_code: v.type_code.clone(),
                    start: v.start,
                    end: v.end,
                });
            }
        }
    }
    planned
}

fn person_key(p: &Person) -> String {
    match &p.bsn {
        Some(bsn) => format!("bsn:{}", bsn.as_str()),
        None => format!("naam:{}|{:?}", fold(&p.name), p.birth_date),
    }
}

/// A field the file gives that differs from what the client has: named, and set.
/// An empty cell leaves what the klantmanager typed.
fn change(
    fields: &mut Vec<FieldChange>,
    field: &str,
    slot: &mut Option<String>,
    value: &Option<String>,
) {
    if value.is_some() && slot != value {
        fields.push(FieldChange {
            field: field.to_owned(),
            old: slot.clone(),
            new: value.clone(),
        });
        slot.clone_from(value);
    }
}

/// Plans what the rows of an existing client change; whether they change or name
/// anything.
fn plan_existing(
    store: &Store,
    env: &Env,
    plan: &mut ImportPlan,
    client: &Client,
    rows: &[ImportRow],
) -> Result<bool> {
    let person = &rows[0].person;
    let old = lifecycle::details(client);
    let mut new = old.clone();
    let mut fields = Vec::new();
    if person.name != client.name {
        fields.push(FieldChange {
            field: "naam".to_owned(),
            old: Some(client.name.clone()),
            new: Some(person.name.clone()),
        });
        new.name.clone_from(&person.name);
    }
    if !person.parts.is_empty() {
        let (p, parts) = (&person.parts, &mut new.parts);
        change(&mut fields, "voornaam", &mut parts.given, &p.given);
        change(&mut fields, "voorvoegsel", &mut parts.prefix, &p.prefix);
        change(&mut fields, "achternaam", &mut parts.surname, &p.surname);
    }
    if let Some(bsn) = person
        .bsn
        .as_ref()
        .filter(|b| new.bsn.as_deref() != Some(b.as_str()))
    {
        // The BSN shows masked in a preview, as everywhere.
        fields.push(FieldChange {
            field: "bsn".to_owned(),
            old: client.masked_bsn(),
            new: Some(bsn.masked()),
        });
        new.bsn = Some(bsn.as_str().to_owned());
    }
    if let Some(birth) = person.birth_date.filter(|b| Some(*b) != new.birth_date) {
        fields.push(FieldChange {
            field: "geboortedatum".to_owned(),
            old: new.birth_date.map(|d| d.to_string()),
            new: Some(birth.to_string()),
        });
        new.birth_date = Some(birth);
    }
    change(&mut fields, "telefoon", &mut new.phone, &person.phone);
    change(&mut fields, "e-mail", &mut new.email, &person.email);
    let (a, address) = (&person.address, &mut new.address);
    change(&mut fields, "straat", &mut address.street, &a.street);
    change(
        &mut fields,
        "huisnummer",
        &mut address.house_number,
        &a.house_number,
    );
    change(
        &mut fields,
        "toevoeging",
        &mut address.addition,
        &a.addition,
    );
    change(&mut fields, "postcode", &mut address.postcode, &a.postcode);
    change(&mut fields, "woonplaats", &mut address.city, &a.city);
    let last_trede = store.ladder(client.id)?.last().map(|s| s.step);
    let trede = person.trede.filter(|t| Some(*t) != last_trede);
    let category_differs = person.category.clone().filter(|c| *c != client.category);
    let mut named = false;
    if !fields.is_empty() || trede.is_some() || category_differs.is_some() {
        plan.changed_clients.push(ClientChange {
            client_id: client.id,
            name: client.name.clone(),
            row: rows[0].row,
            fields,
            old,
            new,
            trede,
            category_differs,
        });
        named = true;
    }
    let activities = store.activities(Some(client.id))?;
    for v in voorzieningen(rows) {
        let existing = activities
            .iter()
            .find(|a| a.type_code == v.type_code && a.start_date == v.start);
        match existing {
            None => {
                plan.new_activities.push(PlannedActivity {
                    client_id: client.id,
                    name: client.name.clone(),
                    activity: v,
                });
                named = true;
            }
            // Closed in inbeeld, or the same end: nothing to do.
            Some(a) if a.closed_on.is_some() || a.end_date == v.end => {}
            Some(a) => {
                let ctx = store.activity_context_read(env.catalog, a.id)?;
                match handling::extend_activity(env, &ctx, v.end) {
                    Ok(effects) => {
                        plan.moved_ends.push(MovedEnd {
                            activity_id: a.id,
                            name: client.name.clone(),
                            row: v.row,
                            from: a.end_date,
                            to: v.end,
                            effects,
                        });
                        named = true;
                    }
                    Err(e) => plan.refused.push(Refusal {
                        row: v.row,
                        column: None,
                        reason: format!("einddatum van '{}': {e}", a.title),
                    }),
                }
            }
        }
    }
    Ok(named)
}

/// Writes `plan` as one edit in one transaction, its audit rows naming `source`. A plan without changes writes nothing.
pub fn import_caseload(
    store: &mut Store,
    plan: &ImportPlan,
    source: &str,
    today: NaiveDate,
) -> Result<Done> {
    if plan.changes() == 0 {
        return Ok(Done::default());
    }
    store.write_via(&format!("import {source}"), |w| {
        let world = World::read(w, today)?;
        let mut done = Done::default();
        let mut added = None;
        let mut run = |effects: Vec<Effect>, done: &mut Done| -> Result<Option<i64>> {
            let mut first = None;
            for effect in effects {
                let id = w.apply(&effect, today, &mut added)?;
                first = first.or(id);
                done.effects.push(effect);
            }
            Ok(first)
        };
        for p in &plan.new_clients {
            let person = &p.person;
            let new = NewClient {
                name: person.name.clone(),
                parts: person.parts.clone(),
                address: person.address.clone(),
                bsn: person.bsn.clone(),
                birth_date: person.birth_date,
                category: person.category.clone().unwrap_or_default(),
                phone: person.phone.clone(),
                email: person.email.clone(),
                contact_preference: None,
            };
            let effects = lifecycle::add_client(&new, None, &world.catalog, today)?;
            let id = run(effects, &mut done)?.unwrap_or_default();
            done.id = done.id.or(Some(id));
            if let Some(step) = person.trede {
                run(
                    assessment::add_ladder_step(id, step, Some(FROM_FILE), today, today)?,
                    &mut done,
                )?;
            }
            for a in &p.activities {
                run(vec![add_activity(&world, id, a)], &mut done)?;
            }
        }
        for c in &plan.changed_clients {
            if !c.fields.is_empty() {
                run(
                    vec![Effect::UpdateClient {
                        client: c.client_id,
                        old: c.old.clone(),
                        new: c.new.clone(),
                    }],
                    &mut done,
                )?;
            }
            if let Some(step) = c.trede {
                run(
                    assessment::add_ladder_step(c.client_id, step, Some(FROM_FILE), today, today)?,
                    &mut done,
                )?;
            }
        }
        for a in &plan.new_activities {
            run(
                vec![add_activity(&world, a.client_id, &a.activity)],
                &mut done,
            )?;
        }
        for m in &plan.moved_ends {
            run(m.effects.clone(), &mut done)?;
        }
        w.set_summary(&format!("Import uit {source}: {}", plan.summary()))?;
        Ok(done)
    })
}

const FROM_FILE: &str = "uit het klantsysteem";

fn add_activity(world: &World, client: i64, a: &PlannedVoorziening) -> Effect {
    Effect::AddActivity {
        client,
        type_code: a.type_code.clone(),
        title: world.catalog.activity_type_name(&a.type_code).to_owned(),
        start: a.start,
        end: a.end,
        application: None,
        follows: None,
    }
}
