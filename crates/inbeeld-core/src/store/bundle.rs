//! Handover bundles: everything about a set of clients as one versioned JSON
//! document, and importing it into another database in one transaction.
//!
//! Rows are exported column by column, so nothing is left out; a row's `id` becomes a
//! `ref` (its kind and position within the client, "activity:3"), and every reference
//! to another row becomes that row's ref. Importing inserts the rows in order and maps
//! the refs to the new ids, so that exporting the imported clients gives the same
//! bundle again, apart from the database's identity and the moment of export.

use std::collections::HashMap;

use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

use super::error::{Result, StoreError};
use super::Store;
use crate::clock;
use crate::domain::InputError;

pub const FORMAT: &str = "inbeeld-bundle";
/// The version this program writes; it also reads version 1 (before suspension
/// periods, goal status and the aanvraag's expected, adjourned and late fields) and
/// version 2 (before uitstroom, category history, corrections and reopenings) and
/// version 3 (before the uitstroom history and the days items were handled and
/// postponed on), version 4 (before letters), version 5 (before a planned uitstroom
/// and the day an afspraak was moved) and version 6 (before name parts, the postal
/// address and an afspraak's length) and version 7 (before the risk profile and
/// documents that are about no activity). An older inbeeld refuses version 8 by its
/// number, not by a column it does not know.
pub const VERSION: i64 = 8;

/// A table of a client's file: its name, its kind of ref, the column that ties it to
/// the client (or to a row that does), and its references to other rows.
struct Part {
    table: &'static str,
    kind: &'static str,
    /// `(column, kind of the row it refers to)`; the first one selects the rows.
    links: &'static [(&'static str, &'static str)],
}

/// In the order of import: a row's references point to rows imported before it.
const PARTS: &[Part] = &[
    Part {
        table: "applications",
        kind: "application",
        links: &[("client_id", "client")],
    },
    Part {
        table: "activities",
        kind: "activity",
        links: &[
            ("client_id", "client"),
            ("application_id", "application"),
            ("follows_activity_id", "activity"),
        ],
    },
    Part {
        table: "suspensions",
        kind: "suspension",
        links: &[
            ("application_id", "application"),
            ("activity_id", "activity"),
        ],
    },
    Part {
        table: "work_items",
        kind: "work_item",
        links: &[("client_id", "client"), ("source_activity_id", "activity")],
    },
    Part {
        table: "postponements",
        kind: "postponement",
        links: &[("work_item_id", "work_item")],
    },
    Part {
        table: "contacts",
        kind: "contact",
        links: &[("client_id", "client")],
    },
    Part {
        table: "reopenings",
        kind: "reopening",
        links: &[("work_item_id", "work_item")],
    },
    Part {
        table: "contact_corrections",
        kind: "contact_correction",
        links: &[("contact_id", "contact")],
    },
    Part {
        table: "notes",
        kind: "note",
        links: &[("client_id", "client")],
    },
    Part {
        table: "note_corrections",
        kind: "note_correction",
        links: &[("note_id", "note")],
    },
    Part {
        table: "category_changes",
        kind: "category_change",
        links: &[("client_id", "client")],
    },
    Part {
        table: "client_ends",
        kind: "client_end",
        links: &[("client_id", "client")],
    },
    Part {
        table: "plans",
        kind: "plan",
        links: &[
            ("client_id", "client"),
            ("evaluation_activity_id", "activity"),
        ],
    },
    Part {
        table: "goals",
        kind: "goal",
        links: &[("plan_id", "plan"), ("activity_id", "activity")],
    },
    // After the plans: a document may be about a version of the plan.
    Part {
        table: "letters",
        kind: "letter",
        links: &[
            ("client_id", "client"),
            ("activity_id", "activity"),
            ("contact_id", "contact"),
            ("plan_id", "plan"),
            ("application_id", "application"),
        ],
    },
    Part {
        table: "situations",
        kind: "situation",
        links: &[("client_id", "client")],
    },
    Part {
        table: "ladder_steps",
        kind: "ladder_step",
        links: &[("client_id", "client")],
    },
];

/// From how many clients an import is a bulk load (a larger page cache).
const BULK: usize = 100;

/// Client columns the receiving database decides itself.
const CLIENT_OWN: &[&str] = &["id", "case_manager_id"];

fn to_json(value: ValueRef) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn rows(conn: &Connection, sql: &str, key: i64) -> Result<Vec<Map<String, Value>>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    let mut query = stmt.query([key])?;
    while let Some(row) = query.next()? {
        let mut map = Map::new();
        for (i, name) in names.iter().enumerate() {
            map.insert(name.clone(), to_json(row.get_ref(i)?));
        }
        out.push(map);
    }
    Ok(out)
}

fn bad(message: impl Into<String>) -> StoreError {
    InputError::BundleRefused {
        client: None,
        reason: message.into(),
    }
    .into()
}

impl Store {
    /// The bundle of the given clients (all clients when `ids` is empty).
    pub fn export(&self, ids: &[i64]) -> Result<Value> {
        let conn = self.conn();
        let ids: Vec<i64> = if ids.is_empty() {
            conn.prepare("SELECT id FROM clients ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            for id in ids {
                super::clients::client(conn, *id)?;
            }
            ids.to_vec()
        };
        let database_id: String = conn.query_row(
            "SELECT value FROM meta WHERE key = 'database_id'",
            [],
            |r| r.get(0),
        )?;
        let mut clients = Vec::new();
        for id in ids {
            clients.push(self.export_client(id)?);
        }
        Ok(json!({
            "format": FORMAT,
            "version": VERSION,
            "source_database_id": database_id,
            "exported_at": clock::now_utc(),
            "clients": clients,
        }))
    }

    fn export_client(&self, id: i64) -> Result<Value> {
        let conn = self.conn();
        // Every row's id, by kind, becomes "kind:position".
        let mut refs: HashMap<(&str, i64), String> = HashMap::new();
        refs.insert(("client", id), "client:1".to_owned());
        let mut client = rows(conn, "SELECT * FROM clients WHERE id = ?1", id)?
            .pop()
            .ok_or(InputError::UnknownId {
                what: "onbekende klant",
                id,
            })?;
        for own in CLIENT_OWN {
            client.remove(*own);
        }
        client.insert("ref".into(), json!("client:1"));
        let mut doc = Map::new();
        doc.insert("client".into(), Value::Object(client));
        for part in PARTS {
            let (link, parent) = part.links[0];
            let parents: Vec<i64> = refs
                .keys()
                .filter(|(kind, _)| *kind == parent)
                .map(|(_, id)| *id)
                .collect();
            let mut parents = parents;
            parents.sort_unstable();
            let mut list = Vec::new();
            for parent_id in parents {
                for mut row in rows(
                    conn,
                    &format!("SELECT * FROM {} WHERE {link} = ?1 ORDER BY id", part.table),
                    parent_id,
                )? {
                    let own = row
                        .remove("id")
                        .and_then(|v| v.as_i64())
                        .unwrap_or_default();
                    let r = format!("{}:{}", part.kind, list.len() + 1);
                    refs.insert((part.kind, own), r.clone());
                    for (column, kind) in part.links {
                        if let Some(target) = row.get(*column).and_then(Value::as_i64) {
                            let mapped = refs.get(&(*kind, target)).cloned().ok_or_else(|| {
                                bad(format!(
                                    "{} {own} verwijst naar {kind} {target} buiten deze klant",
                                    part.table
                                ))
                            })?;
                            row.insert((*column).to_owned(), json!(mapped));
                        }
                    }
                    row.insert("ref".into(), json!(r));
                    list.push(Value::Object(row));
                }
            }
            doc.insert(part.table.into(), Value::Array(list));
        }
        // The audit rows about this client's rows, with their entity as a ref, in the
        // order they were written: asked row by row through the entity index, as the
        // log of a whole department is long.
        let mut audit = Vec::new();
        let mut stmt = conn.prepare_cached(
            "SELECT id, at, actor, action, detail FROM audit_log
             WHERE entity = ?1 AND entity_id = ?2",
        )?;
        for ((entity, entity_id), r) in &refs {
            let mut query = stmt.query(rusqlite::params![entity, entity_id])?;
            while let Some(row) = query.next()? {
                let detail: String = row.get(4)?;
                audit.push((
                    row.get::<_, i64>(0)?,
                    json!({
                        "at": row.get::<_, String>(1)?,
                        "actor": row.get::<_, String>(2)?,
                        "action": row.get::<_, String>(3)?,
                        "entity": r,
                        "detail": serde_json::from_str::<Value>(&detail)
                            .unwrap_or(Value::String(detail)),
                    }),
                ));
            }
        }
        audit.sort_unstable_by_key(|(id, _)| *id);
        let audit: Vec<Value> = audit.into_iter().map(|(_, row)| row).collect();
        doc.insert("audit".into(), Value::Array(audit));
        Ok(Value::Object(doc))
    }

    /// Imports a bundle in one transaction: all its clients, or — on any refusal —
    /// nothing. A client who is already here (same BSN, or same name and birth date)
    /// is refused. Returns the new client ids.
    pub fn import(&mut self, text: &str, today: chrono::NaiveDate) -> Result<Vec<i64>> {
        let bundle: Value =
            serde_json::from_str(text).map_err(|e| bad(format!("geen geldige JSON ({e})")))?;
        self.import_value(bundle, today)
    }

    /// [`Store::import`] of a bundle already read.
    pub fn import_value(&mut self, bundle: Value, today: chrono::NaiveDate) -> Result<Vec<i64>> {
        let mut bundle = bundle;
        self.import_checked(&mut bundle, today, true, &[])
    }

    /// Clients from the team's server, each recorded with its global id and owner
    /// (`shared`, in the order of the bundle's clients) in the same transaction, so
    /// that no client is ever here without its id. `copies`: the team's snapshot,
    /// where two clients without a BSN may share a name and birth date (two people
    /// the server tells apart by their ids). A bundle refused keeps its clients, to
    /// be taken in one by one.
    pub fn import_shared(
        &mut self,
        bundle: &mut Value,
        today: chrono::NaiveDate,
        shared: &[super::SharedClient],
        copies: bool,
    ) -> Result<Vec<i64>> {
        self.import_checked(bundle, today, !copies, shared)
    }

    fn import_checked(
        &mut self,
        bundle: &mut Value,
        today: chrono::NaiveDate,
        same_person_refused: bool,
        shared: &[super::SharedClient],
    ) -> Result<Vec<i64>> {
        if bundle.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(bad("dit is geen inbeeld-bundel (format ontbreekt)"));
        }
        let version = bundle.get("version").and_then(Value::as_i64);
        match version {
            Some(1..=VERSION) => {}
            Some(v) => {
                return Err(bad(format!(
                    "versie {v} is onbekend; deze inbeeld leest versie 1 t/m {VERSION}"
                )))
            }
            None => return Err(bad("de versie ontbreekt")),
        }
        // What this version does not know would be left out without a word.
        if let Some(unknown) = bundle.as_object().and_then(|o| {
            o.keys()
                .find(|k| {
                    ![
                        "format",
                        "version",
                        "source_database_id",
                        "exported_at",
                        "clients",
                    ]
                    .contains(&k.as_str())
                })
                .cloned()
        }) {
            return Err(bad(format!(
                "onbekend onderdeel '{unknown}' (deze versie kent het niet en zou het weglaten)"
            )));
        }
        let clients = match bundle.get_mut("clients").map(Value::take) {
            Some(Value::Array(clients)) => clients,
            _ => return Err(bad("de lijst 'clients' ontbreekt")),
        };
        // By the day it was exported, its own sweep had given every expired activity
        // its item; what expired since, this file's sweep does after the import.
        // The day it says it was made: nothing in it may be newer.
        let claimed = match bundle.get("exported_at") {
            None | Some(Value::Null) => None,
            Some(at) => Some(
                at.as_str()
                    .filter(|at| is_moment(at))
                    .and_then(|at| at[..10].parse::<chrono::NaiveDate>().ok())
                    .ok_or_else(|| bad("'exported_at' is geen tijdstip"))?,
            ),
        };
        let exported = claimed.map_or(today, |day| day.min(today));
        let description = json!({
            "source_database_id": bundle.get("source_database_id"),
            "exported_at": bundle.get("exported_at"),
            "clients": clients.len(),
        });
        let bulk = clients.len() >= BULK;
        if bulk {
            self.conn()
                .pragma_update(None, "cache_size", -super::open::BULK_CACHE_KIB)?;
        }
        let imported = self.write_unjournaled(|w| {
            let conn = w.tx();
            let mut new_ids = Vec::new();
            let mut known = Columns::default();
            let search = DeferredSearch::start(conn)?;
            for (n, doc) in clients.iter().enumerate() {
                // Whatever is wrong, say which client of the bundle it is about: by
                // name, as the receiver knows them.
                let who = || client_called(doc, n);
                let id = import_client(conn, &mut known, doc, same_person_refused).map_err(
                    |e| match e {
                        StoreError::Sqlite(err) => StoreError::from(InputError::BundleRefused {
                            client: Some(who()),
                            reason: in_words(&err.to_string()),
                        }),
                        StoreError::Refused(reason) => {
                            StoreError::from(InputError::BundleRefused {
                                client: Some(who()),
                                reason: in_words(&reason),
                            })
                        }
                        StoreError::Input(InputError::BundleRefused {
                            client: None,
                            reason,
                        }) => StoreError::from(InputError::BundleRefused {
                            client: Some(who()),
                            reason: in_words(&reason),
                        }),
                        other => other,
                    },
                )?;
                obeys_the_rules(conn, id, today, exported, claimed).map_err(|reason| {
                    StoreError::from(InputError::BundleRefused {
                        client: Some(who()),
                        reason,
                    })
                })?;
                new_ids.push(id);
            }
            search.finish(conn)?;
            for (id, team) in new_ids.iter().zip(shared) {
                let team = super::SharedClient {
                    client_id: *id,
                    ..team.clone()
                };
                super::team::record_shared(conn, &team)?;
            }
            if version == Some(1) {
                upgrade_version_1(conn, &new_ids)?;
            }
            if version.is_some_and(|v| v < 4) {
                conn.execute_batch(super::open::FACTS_BACKFILL)?;
            }
            w.audit(
                "bundle.import",
                "database",
                0,
                json!({ "bundle": description, "clients": new_ids }),
            )?;
            Ok(new_ids)
        });
        if bulk {
            self.conn()
                .pragma_update(None, "cache_size", -super::open::CACHE_KIB)?;
        }
        if imported.is_err() {
            bundle["clients"] = Value::Array(clients);
        } else if bulk {
            // Freeing hundreds of megabytes of documents took a tenth of a large
            // import: it is done beside the next one.
            std::thread::spawn(move || drop(clients));
        }
        imported
    }
}

/// Whether `text` is a moment as inbeeld writes one: `2026-11-22T09:30:00.000Z`
/// (an older version wrote `2026-11-22 09:30:00`).
fn is_moment(text: &str) -> bool {
    let day = text
        .get(..10)
        .and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    day.is_some()
        && text.len() <= 40
        && text[10..].starts_with(['T', ' '])
        && text[11..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b":.+-Z".contains(&b))
}

/// A client's name from their part of a bundle, where it may be printed: none that
/// is blank or holds a control or direction character.
pub fn printable_name(doc: &Value) -> Option<&str> {
    use crate::domain::text::{forbidden, is_blank};
    doc["client"]["name"]
        .as_str()
        .map(str::trim)
        .filter(|name| !is_blank(name) && forbidden(name, false).is_none())
}

/// A client of a bundle as a refusal names them: by name where the document has
/// one that may be printed, else by their place.
pub fn client_called(doc: &Value, n: usize) -> String {
    printable_name(doc).map_or_else(|| format!("klant {} van de bundel", n + 1), str::to_owned)
}

/// What SQLite refused, in the words of the rule it guards: the schema's checks
/// name their column, which is said in Dutch.
fn in_words(text: &str) -> String {
    if text.contains("FOREIGN KEY") {
        return "verwijst naar iets dat er niet is (een onbekende code of een ontbrekende rij)"
            .to_owned();
    }
    if let Some(rest) = text.split("CHECK constraint failed: ").nth(1) {
        // SQLite names the rule by its expression: the first column in it is the
        // field that is wrong.
        const SQL: &[&str] = &[
            "date",
            "time",
            "length",
            "trim",
            "json_valid",
            "is",
            "null",
            "and",
            "or",
            "not",
            "in",
            "glob",
            "like",
            "between",
            "substr",
        ];
        let field = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .find(|word| {
                word.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && !SQL.contains(&word.to_ascii_lowercase().as_str())
            });
        return match field {
            Some(field) => format!("de waarde van '{field}' is niet toegestaan"),
            None => "een waarde is niet toegestaan".to_owned(),
        };
    }
    if text.contains("UNIQUE constraint failed") || text.contains("NOT NULL constraint failed") {
        let what = text.rsplit(": ").next().unwrap_or_default();
        return if text.contains("UNIQUE") {
            format!("{what} komt dubbel voor")
        } else {
            format!("{what} ontbreekt")
        };
    }
    text.to_owned()
}

/// Triggers taken away inside a transaction and put back, as they were, before it
/// commits: no other connection ever sees the schema without them, and a rollback
/// restores them.
struct Lifted(Vec<String>);

impl Lifted {
    fn triggers(conn: &Connection, names: &[&str]) -> Result<Self> {
        let mut lifted = Vec::new();
        for name in names {
            let sql: Option<String> = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(sql) = sql {
                conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
                lifted.push(sql);
            }
        }
        Ok(Lifted(lifted))
    }

    fn restore(self, conn: &Connection) -> Result<()> {
        for sql in self.0 {
            conn.execute_batch(&sql)?;
        }
        Ok(())
    }
}

/// The tables with a search index: `(table, search table, column, insert trigger)`.
const INDEXED: &[(&str, &str, &str, &str)] = &[
    ("notes", "notes_fts", "text", "notes_fts_after_insert"),
    (
        "contacts",
        "contacts_fts",
        "note",
        "contacts_fts_after_insert",
    ),
];

/// The search indexes of notes and contacts, filled once at the end of an import
/// rather than by their triggers row by row: a trigger's index write makes the
/// search index write itself out at every following statement, which made it most
/// of an import's time.
struct DeferredSearch {
    /// The first new row of each indexed table.
    next: Vec<i64>,
    lifted: Lifted,
}

impl DeferredSearch {
    fn start(conn: &Connection) -> Result<Self> {
        let mut next = Vec::new();
        for (table, ..) in INDEXED {
            next.push(conn.query_row(
                &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )?);
        }
        let triggers: Vec<&str> = INDEXED.iter().map(|(.., trigger)| *trigger).collect();
        Ok(DeferredSearch {
            next,
            lifted: Lifted::triggers(conn, &triggers)?,
        })
    }

    fn finish(self, conn: &Connection) -> Result<()> {
        for ((table, search, column, _), next) in INDEXED.iter().zip(self.next) {
            conn.execute(
                &format!(
                    "INSERT INTO {search} (rowid, {column})
                     SELECT id, {column} FROM {table} WHERE id >= ?1 ORDER BY id"
                ),
                [next],
            )?;
        }
        self.lifted.restore(conn)
    }
}

/// A receiving side to read documents into before they leave this file: a copy of
/// it in memory (its catalogue and calendar, as the team's other laptops have them)
/// without any client. Made once for a sync or an export; each document read in
/// stays in it, as it would on the receiving side.
pub struct Receiver(Store);

impl Store {
    /// The receiving side of what leaves this file (see [`Receiver`]).
    pub fn receiver(&self) -> Result<Receiver> {
        let mut copy = self.in_memory_copy()?;
        copy.write_unjournaled(|w| {
            let conn = w.tx();
            let lifted = Lifted::triggers(conn, NEVER_DELETED)?;
            forget_every_client(conn)?;
            lifted.restore(conn)
        })?;
        Ok(Receiver(copy))
    }
}

impl Receiver {
    /// What the receiving side says of each bundle, read in as an import reads it:
    /// `None` where it is taken in, else the refusal, naming the client.
    pub fn refusals(
        &mut self,
        bundles: &[&Value],
        today: chrono::NaiveDate,
    ) -> Result<Vec<Option<InputError>>> {
        let mut said = Vec::with_capacity(bundles.len());
        for bundle in bundles {
            said.push(match self.0.import_value((*bundle).clone(), today) {
                Ok(_) => None,
                Err(StoreError::Input(refused @ InputError::BundleRefused { .. })) => Some(refused),
                Err(other) => Some(InputError::BundleRefused {
                    client: None,
                    reason: other.to_string(),
                }),
            });
        }
        Ok(said)
    }
}

/// Every client and every row about them, at once (see `forget_client`): only in a
/// copy that is to be a receiving side.
fn forget_every_client(conn: &Connection) -> Result<()> {
    for (_, search, ..) in INDEXED {
        conn.execute(
            &format!("INSERT INTO {search} ({search}) VALUES ('delete-all')"),
            [],
        )?;
    }
    conn.execute("DELETE FROM team_clients", [])?;
    for part in PARTS.iter().rev() {
        conn.execute("DELETE FROM audit_log WHERE entity = ?1", [part.kind])?;
        conn.execute(&format!("DELETE FROM {}", part.table), [])?;
    }
    conn.execute("DELETE FROM audit_log WHERE entity = 'client'", [])?;
    conn.execute("DELETE FROM clients", [])?;
    Ok(())
}

/// The triggers that keep rows from ever being deleted.
const NEVER_DELETED: &[&str] = &[
    "work_items_never_deleted",
    "contacts_never_deleted",
    "letters_never_deleted",
    "notes_never_deleted",
    "audit_log_no_delete",
];

impl Store {
    /// Takes out copies of clients that a newer copy from the team's server replaces:
    /// every row and audit row about them. Only copies: a client of the team's
    /// snapshot, or one this laptop released to another owner (its rows are in the
    /// newer copy). Anywhere else a client's rows are never deleted.
    pub fn forget_copies(&mut self, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        self.write_unjournaled(|w| {
            let conn = w.tx();
            let snapshot = super::team::snapshot_moment(conn)?.is_some();
            for &client in ids {
                let released: bool = conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM team_clients
                         WHERE client_id = ?1 AND released_on IS NOT NULL)",
                    [client],
                    |r| r.get(0),
                )?;
                if !snapshot && !released {
                    return Err(StoreError::Refused(format!(
                        "klant {client} is geen kopie: alleen een momentopname of een \
                         overgedragen klant maakt plaats voor een nieuwere"
                    )));
                }
            }
            let lifted = Lifted::triggers(conn, NEVER_DELETED)?;
            for &client in ids {
                forget_client(conn, client)?;
            }
            lifted.restore(conn)
        })
    }
}

/// Every row of one client, found as the export finds them, then deleted in the
/// reverse order of import (a row before the rows it refers to).
fn forget_client(conn: &Connection, client: i64) -> Result<()> {
    let json_ids = |ids: &[i64]| Value::from(ids.to_vec()).to_string();
    let mut ids: Vec<(&str, &str, Vec<i64>)> = vec![("clients", "client", vec![client])];
    for part in PARTS {
        let (link, parent) = part.links[0];
        let parents = ids
            .iter()
            .find(|(_, kind, _)| *kind == parent)
            .map(|(_, _, ids)| json_ids(ids))
            .unwrap_or_else(|| "[]".to_owned());
        let own: Vec<i64> = conn
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE {link} IN (SELECT value FROM json_each(?1))",
                part.table
            ))?
            .query_map([parents], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.push((part.table, part.kind, own));
    }
    for (table, search, column, _) in INDEXED {
        if let Some((.., own)) = ids.iter().find(|(t, ..)| t == table) {
            conn.execute(
                &format!(
                    "INSERT INTO {search} ({search}, rowid, {column})
                     SELECT 'delete', id, {column} FROM {table}
                     WHERE id IN (SELECT value FROM json_each(?1))"
                ),
                [json_ids(own)],
            )?;
        }
    }
    for (table, kind, own) in ids.iter().rev() {
        let own = json_ids(own);
        conn.execute(
            "DELETE FROM audit_log WHERE entity = ?1
                 AND entity_id IN (SELECT value FROM json_each(?2))",
            rusqlite::params![kind, own],
        )?;
        if *table == "clients" {
            conn.execute("DELETE FROM team_clients WHERE client_id = ?1", [client])?;
        }
        conn.execute(
            &format!("DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?1))"),
            [own],
        )?;
    }
    Ok(())
}

/// What no edit makes, each a query for the client `?1` as of `?2` (today) that
/// returns the first row it finds and what is wrong with it: the refusal's words.
const FORGERIES: &[(&str, &str)] = &[
    (
        "ingeschreven na vandaag",
        "SELECT id, registered_on FROM clients WHERE id = ?1 AND registered_on > ?2",
    ),
    (
        "een doel met een status die inbeeld niet kent",
        "SELECT g.id, g.status FROM goals g JOIN plans p ON p.id = g.plan_id
         WHERE p.client_id = ?1 AND ?2 = ?2
           AND g.status NOT IN ('loopt', 'bijgesteld', 'behaald', 'vervallen')",
    ),
    (
        "een open werkitem met een moment van afhandelen",
        "SELECT id, coalesce(closed_at, closed_on) FROM work_items
         WHERE client_id = ?1 AND ?2 = ?2 AND status = 'open'
           AND (closed_at IS NOT NULL OR closed_on IS NOT NULL)",
    ),
    (
        "een uitgestroomde klant met open werk",
        "SELECT c.id, c.end_reason FROM clients c WHERE c.id = ?1 AND ?2 = ?2
           AND c.ended_on IS NOT NULL
           AND (EXISTS (SELECT 1 FROM work_items w WHERE w.client_id = c.id AND w.status = 'open')
             OR EXISTS (SELECT 1 FROM activities a WHERE a.client_id = c.id AND a.status = 'open')
             OR (c.end_reason IS NOT 'overgedragen' AND EXISTS (SELECT 1 FROM applications p
                    WHERE p.client_id = c.id AND p.status = 'open')))",
    ),
    (
        "een opschorting van voor de hersteltermijn",
        "SELECT s.id, s.from_date FROM suspensions s
         JOIN applications p ON p.id = s.application_id
         JOIN activities a ON a.id = s.activity_id
         WHERE p.client_id = ?1 AND ?2 = ?2 AND s.from_date <= a.start_date",
    ),
    (
        "een tijdstip dat geen tijdstip is",
        "SELECT id, created_at FROM work_items WHERE client_id = ?1 AND ?2 = ?2
           AND (created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
                OR created_at GLOB '*[^0-9:.TZ +-]*'
                OR closed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
                OR closed_at GLOB '*[^0-9:.TZ +-]*')
         UNION ALL
         SELECT id, created_at FROM activities WHERE client_id = ?1
           AND (created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
                OR created_at GLOB '*[^0-9:.TZ +-]*')
         UNION ALL
         SELECT id, created_at FROM clients WHERE id = ?1
           AND (created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
                OR created_at GLOB '*[^0-9:.TZ +-]*')
         LIMIT 1",
    ),
];

/// The rules every edit keeps, checked on an imported client before the import
/// commits: a bundle made by hand or by another program gets no way around them.
/// The reason names the rule and the row.
fn obeys_the_rules(
    conn: &Connection,
    client: i64,
    today: chrono::NaiveDate,
    exported: chrono::NaiveDate,
    claimed: Option<chrono::NaiveDate>,
) -> Result<(), String> {
    use crate::domain::text::{forbidden, is_blank};
    let db = |e: rusqlite::Error| e.to_string();
    let texts = |sql: &str| -> Result<Vec<(i64, String, bool)>, String> {
        conn.prepare_cached(sql)
            .and_then(|mut stmt| {
                stmt.query_map([client], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(db)
    };
    // Control characters: one-line fields none, notes only line breaks and tabs.
    for (what, sql) in [
        ("de klant", "SELECT id, name || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''), 0 FROM clients WHERE id = ?1"),
        ("activiteit", "SELECT id, title, 0 FROM activities WHERE client_id = ?1"),
        ("activiteit", "SELECT id, coalesce(outcome_note, ''), 1 FROM activities WHERE client_id = ?1"),
        ("werkitem", "SELECT id, title, 0 FROM work_items WHERE client_id = ?1"),
        ("werkitem", "SELECT id, coalesce(outcome_note, ''), 1 FROM work_items WHERE client_id = ?1"),
        ("contact", "SELECT id, coalesce(note, ''), 1 FROM contacts WHERE client_id = ?1"),
        ("notitie", "SELECT id, text, 1 FROM notes WHERE client_id = ?1"),
    ] {
        for (id, text, lines) in texts(sql)? {
            if let Some(c) = forbidden(&text, lines) {
                return Err(format!(
                    "{what} {id} bevat een stuurteken ({})",
                    crate::domain::text::code_point(c)
                ));
            }
        }
    }
    let (name, bsn, category): (String, Option<String>, String) = conn
        .query_row(
            "SELECT name, bsn, category_code FROM clients WHERE id = ?1",
            [client],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(db)?;
    if is_blank(&name) {
        return Err("de naam is leeg".to_owned());
    }
    if let Some(bsn) = bsn {
        crate::domain::bsn::Bsn::parse(&bsn).map_err(|e| e.to_string())?;
    }
    let count = |sql: &str| -> Result<Option<(i64, String)>, String> {
        conn.prepare_cached(sql)
            .and_then(|mut stmt| {
                stmt.query_row(rusqlite::params![client, today], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
            })
            .map_err(db)
    };
    if let Some((id, outcome)) = count(
        "SELECT w.id, w.outcome_code FROM work_items w WHERE w.client_id = ?1 AND ?2 = ?2
           AND w.status = 'closed' AND w.outcome_code <> 'ongedaan'
           AND NOT EXISTS (SELECT 1 FROM kind_outcomes k
               WHERE k.kind_code = w.kind_code AND k.outcome_code = w.outcome_code)",
    )? {
        return Err(format!(
            "werkitem {id} is afgehandeld met '{outcome}', dat bij zijn soort niet mag"
        ));
    }
    if let Some((n, _)) = count(
        "SELECT count(*), '' FROM work_items WHERE client_id = ?1 AND ?2 = ?2
           AND source = 'rhythm' AND status = 'open' HAVING count(*) > 1",
    )? {
        return Err(format!(
            "{n} open contactritme-werkitems; er hoort er één te zijn"
        ));
    }
    if let Some((id, date)) =
        count("SELECT id, contact_date FROM contacts WHERE client_id = ?1 AND contact_date > ?2")?
    {
        return Err(format!("contact {id} ligt in de toekomst ({date})"));
    }
    if let Some((id, kind)) = count(
        "SELECT a.id, a.type_code FROM activities a WHERE a.client_id = ?1 AND ?2 = ?2
           AND a.status = 'open'
           AND a.type_code IN (SELECT activity_type_code FROM category_activity_types)
           AND a.type_code NOT IN (SELECT activity_type_code FROM category_activity_types
               WHERE category_code = (SELECT category_code FROM clients WHERE id = ?1))",
    )? {
        return Err(format!(
            "open activiteit {id} is een {kind}, dat categorie '{category}' niet kent"
        ));
    }
    for (what, sql) in FORGERIES {
        if let Some((_, found)) = count(sql)? {
            return Err(format!("{what} ({found})"));
        }
    }
    if let (Some(claimed), Some((_, newest))) = (
        claimed,
        count(
            "SELECT 0, max(day) FROM (
             SELECT registered_on AS day FROM clients WHERE id = ?1 AND ?2 = ?2
             UNION ALL SELECT contact_date FROM contacts WHERE client_id = ?1
             UNION ALL SELECT closed_on FROM work_items WHERE client_id = ?1
             UNION ALL SELECT closed_on FROM activities WHERE client_id = ?1
             UNION ALL SELECT substr(created_at, 1, 10) FROM work_items WHERE client_id = ?1)
         HAVING max(day) IS NOT NULL",
        )?,
    ) {
        if newest.as_str() > claimed.to_string().as_str() {
            return Err(format!(
                "de bundel zegt gemaakt te zijn op {claimed}, maar bevat wat op {newest} gebeurde"
            ));
        }
    }
    if let Some((id, end)) = super::safety::expired_without_item(conn, exported, Some(client))
        .map_err(|e| e.to_string())?
        .into_iter()
        .next()
    {
        return Err(format!(
            "activiteit {id} verliep op {end} zonder werkitem (de bundel is van {exported}); geen activiteit zonder opvolging"
        ));
    }
    Ok(())
}

/// A version-1 bundle has no suspension periods and no goal status: they are
/// derived as the schema upgrade to version 2 derives them.
fn upgrade_version_1(conn: &Connection, clients: &[i64]) -> Result<()> {
    for client in clients {
        conn.execute(
            "INSERT INTO suspensions (application_id, activity_id, from_date, to_date, created_at)
             SELECT application_id, id, date(start_date, '+1 day'),
                 CASE WHEN status = 'closed' AND outcome_code = 'ontvangen' AND closed_on <= end_date
                      THEN max(date(closed_on, '-1 day'), start_date) ELSE end_date END,
                 created_at
             FROM activities WHERE client_id = ?1 AND application_id IS NOT NULL
               AND term_rule IS NULL",
            [client],
        )?;
        // The current cycle of a repeating term: one rule length on per cycle provided.
        conn.execute(
            "UPDATE activities SET term_from = date(start_date, '+' || (
                 (SELECT r.length_days FROM term_rules r WHERE r.code = activities.term_rule) *
                 (SELECT count(*) FROM work_items w WHERE w.source = 'activity'
                     AND w.source_activity_id = activities.id AND w.outcome_code = 'verstrekt'))
                 || ' days')
             WHERE client_id = ?1 AND term_rule IS NOT NULL AND term_from IS NULL",
            [client],
        )?;
        conn.execute(
            "UPDATE goals SET status = coalesce(
                 (SELECT a.outcome_code FROM activities a WHERE a.id = goals.activity_id),
                 CASE WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.source = 'activity'
                         AND w.source_activity_id = goals.activity_id
                         AND w.outcome_code = 'bijgesteld')
                      THEN 'bijgesteld' ELSE 'loopt' END)
             WHERE plan_id IN (SELECT id FROM plans WHERE client_id = ?1)",
            [client],
        )?;
    }
    Ok(())
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>> {
    value
        .as_object()
        .ok_or_else(|| bad(format!("{what} is geen object")))
}

fn sql_value(value: &Value) -> Result<SqlValue> {
    Ok(match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => return Err(bad(format!("waarde {other} past in geen kolom"))),
    })
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The columns of each table, asked once per import rather than once per row.
#[derive(Default)]
struct Columns(HashMap<String, Vec<String>>);

impl Columns {
    fn of(&mut self, conn: &Connection, table: &str) -> Result<&[String]> {
        if !self.0.contains_key(table) {
            self.0.insert(table.to_owned(), columns(conn, table)?);
        }
        Ok(&self.0[table])
    }
}

/// Inserts one row: the row's own columns, with references mapped to new ids.
fn insert(
    conn: &Connection,
    known: &mut Columns,
    table: &str,
    row: &Map<String, Value>,
    links: &[(&str, &str)],
    refs: &HashMap<String, i64>,
    fixed: &[(&str, SqlValue)],
) -> Result<i64> {
    let known = known.of(conn, table)?;
    // The values borrowed from the document: a department's snapshot binds some
    // ten million of them.
    let mut names: Vec<&str> = Vec::new();
    let mut values: Vec<ToSqlOutput<'_>> = Vec::new();
    for (column, value) in row {
        if column == "ref" || column == "id" || fixed.iter().any(|(f, _)| f == column) {
            continue;
        }
        if !known.contains(column) {
            return Err(bad(format!("onbekend veld '{column}' in {table}")));
        }
        let value = match links.iter().find(|(c, _)| c == column) {
            Some((_, kind)) => match value {
                Value::Null => ToSqlOutput::Owned(SqlValue::Null),
                Value::String(r)
                    if r.strip_prefix(kind)
                        .is_some_and(|rest| rest.starts_with(':')) =>
                {
                    ToSqlOutput::Owned(SqlValue::Integer(*refs.get(r).ok_or_else(|| {
                        bad(format!("{table}.{column} verwijst naar onbekende {r}"))
                    })?))
                }
                other => {
                    return Err(bad(format!(
                        "{table}.{column} is geen verwijzing naar een {kind}: {other}"
                    )))
                }
            },
            None => match value {
                Value::String(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
                other => ToSqlOutput::Owned(sql_value(other)?),
            },
        };
        names.push(column);
        values.push(value);
    }
    for (column, value) in fixed {
        names.push(column);
        values.push(ToSqlOutput::Borrowed(ValueRef::from(value)));
    }
    // Rows of one table mostly have the same columns: the same statement, prepared
    // once.
    let mut sql = format!("INSERT INTO {table} ({}) VALUES (", names.join(", "));
    for i in 1..=names.len() {
        if i > 1 {
            sql.push_str(", ");
        }
        sql.push('?');
        sql.push_str(&i.to_string());
    }
    sql.push(')');
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values.iter()))?;
    Ok(conn.last_insert_rowid())
}

fn import_client(
    conn: &Connection,
    known: &mut Columns,
    doc: &Value,
    same_person_refused: bool,
) -> Result<i64> {
    let doc = object(doc, "een klant")?;
    // A section this version does not know would be dropped silently: refused.
    if let Some(unknown) = doc
        .keys()
        .find(|k| *k != "client" && *k != "audit" && !PARTS.iter().any(|p| p.table == k.as_str()))
    {
        return Err(bad(format!(
            "onbekend onderdeel '{unknown}' (deze versie kent het niet en zou het weglaten)"
        )));
    }
    let client = object(
        doc.get("client")
            .ok_or_else(|| bad("een klant zonder 'client'"))?,
        "client",
    )?;
    let name = client
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let existing: Option<i64> = match client.get("bsn").and_then(Value::as_str) {
        Some(bsn) => conn
            .query_row("SELECT id FROM clients WHERE bsn = ?1", [bsn], |r| r.get(0))
            .optional()?,
        None if !same_person_refused => None,
        None => conn
            .query_row(
                "SELECT id FROM clients WHERE name = ?1 AND birth_date IS ?2",
                rusqlite::params![name, client.get("birth_date").and_then(Value::as_str)],
                |r| r.get(0),
            )
            .optional()?,
    };
    if let Some(id) = existing {
        return Err(bad(format!(
            "{name} staat hier al (klant {id}); er is niets geïmporteerd"
        )));
    }
    let manager: i64 = conn.query_row(
        "SELECT id FROM case_managers ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    let mut refs: HashMap<String, i64> = HashMap::new();
    let client_id = insert(
        conn,
        known,
        "clients",
        client,
        &[],
        &refs,
        &[("case_manager_id", SqlValue::Integer(manager))],
    )?;
    refs.insert("client:1".into(), client_id);
    for part in PARTS {
        let list = match doc.get(part.table) {
            None | Some(Value::Null) => continue,
            Some(Value::Array(list)) => list,
            Some(_) => return Err(bad(format!("'{}' is geen lijst", part.table))),
        };
        for row in list {
            let row = object(row, part.table)?;
            let own = row
                .get("ref")
                .and_then(Value::as_str)
                .filter(|r| r.starts_with(&format!("{}:", part.kind)))
                .ok_or_else(|| bad(format!("een rij in {} zonder geldige 'ref'", part.table)))?
                .to_owned();
            let id = insert(conn, known, part.table, row, part.links, &refs, &[])?;
            if refs.insert(own.clone(), id).is_some() {
                return Err(bad(format!("{own} komt twee keer voor")));
            }
        }
    }
    if let Some(Value::Array(audit)) = doc.get("audit") {
        for row in audit {
            let row = object(row, "een auditregel")?;
            // An audit row is the history as it happened: each field there and
            // shaped as inbeeld writes it, none made up afterwards.
            let text = |key: &str| -> Result<String> {
                let value = row
                    .get(key)
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad(format!("een auditregel mist '{key}'")))?;
                if crate::domain::text::is_blank(value)
                    || crate::domain::text::forbidden(value, false).is_some()
                {
                    return Err(bad(format!("een auditregel heeft geen geldige '{key}'")));
                }
                Ok(value.to_owned())
            };
            let at = text("at")?;
            if !is_moment(&at) {
                return Err(bad(format!(
                    "auditregel met tijdstip '{at}': geen tijdstip"
                )));
            }
            let action = text("action")?;
            let shaped = action.split('.').count() >= 2
                && action.split('.').all(|part| {
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                });
            if !shaped {
                return Err(bad(format!(
                    "auditregel met handeling '{action}': die schrijft inbeeld niet"
                )));
            }
            let entity_ref = text("entity")?;
            let entity_id = *refs
                .get(&entity_ref)
                .ok_or_else(|| bad(format!("auditregel over onbekende {entity_ref}")))?;
            let entity = entity_ref.split(':').next().unwrap_or_default().to_owned();
            let detail = row
                .get("detail")
                .cloned()
                .unwrap_or(Value::Null)
                .to_string();
            conn.prepare_cached(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(rusqlite::params![at, text("actor")?, action, entity, entity_id, detail],
            )?;
        }
    }
    Ok(client_id)
}
