//! This file's side of the team: which server and member it is linked to, and the
//! global id, last sent document and release of each shared client.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{params, OptionalExtension};

use super::error::Result;
use super::Store;

/// The link of this file to the team's server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamLink {
    pub url: String,
    pub member: String,
    /// The moment (UTC) of the last sync that completed.
    pub last_sync: Option<String>,
}

/// A client of this file as the team knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamClient {
    pub client_id: i64,
    pub uuid: Option<String>,
    pub pushed_hash: Option<String>,
    pub released_on: Option<chrono::NaiveDate>,
    /// The owner the server named at the last sync or snapshot.
    pub owner: Option<String>,
}

/// A team's copy made by `team snapshot`: only read, never synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub url: String,
    /// The moment (UTC) the server was read.
    pub at: String,
}

/// What the team knows of one client, to record: `owner` `None` keeps the one
/// recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedClient {
    pub client_id: i64,
    pub uuid: String,
    pub hash: Option<String>,
    pub owner: Option<String>,
}

fn meta(conn: &rusqlite::Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The moment of the snapshot when this file is the team's snapshot.
pub(super) fn snapshot_moment(conn: &rusqlite::Connection) -> Result<Option<String>> {
    meta(conn, "team_snapshot_at")
}

/// Records what the team knows of one client; an owner of `None` keeps the one
/// recorded.
pub(super) fn record_shared(conn: &rusqlite::Connection, shared: &SharedClient) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO team_clients (client_id, uuid, pushed_hash, owner)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (client_id) DO UPDATE SET pushed_hash = excluded.pushed_hash,
             owner = coalesce(excluded.owner, owner)",
    )?
    .execute(params![
        shared.client_id,
        shared.uuid,
        shared.hash,
        shared.owner
    ])?;
    Ok(())
}

impl Store {
    fn meta(&self, key: &str) -> Result<Option<String>> {
        meta(self.conn(), key)
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn team_link(&self) -> Result<Option<TeamLink>> {
        let (Some(url), Some(member)) = (self.meta("team_url")?, self.meta("team_member")?) else {
            return Ok(None);
        };
        Ok(Some(TeamLink {
            url,
            member,
            last_sync: self.meta("team_last_sync")?,
        }))
    }

    /// This file's own id, made when it was created: a copy of the file has it too.
    pub fn database_id(&self) -> Result<String> {
        self.meta("database_id")?
            .ok_or_else(|| super::StoreError::Refused("dit bestand heeft geen id".to_owned()))
    }

    /// The file no longer belongs to a member (`team leave`); what it synced stays.
    pub fn clear_team_link(&self) -> Result<()> {
        self.conn().execute(
            "DELETE FROM meta WHERE key IN ('team_url', 'team_member')",
            [],
        )?;
        Ok(())
    }

    pub fn set_team_link(&self, url: &str, member: &str) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        self.set_meta("team_url", url)?;
        self.set_meta("team_member", member)?;
        tx.commit()?;
        Ok(())
    }

    /// A sync completed at `at`, having seen the audit log up to `audit`.
    pub fn set_last_sync(&self, at: &str, audit: i64) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        self.set_meta("team_last_sync", at)?;
        self.set_meta("team_synced_audit", &audit.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// The audit log's newest row as the last completed sync saw it.
    pub fn team_synced_audit(&self) -> Result<Option<i64>> {
        Ok(self.meta("team_synced_audit")?.and_then(|v| v.parse().ok()))
    }

    pub fn max_audit_id(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
                r.get(0)
            })?)
    }

    /// The clients whose rows an audited edit touched after audit row `since`;
    /// `None` when an entity of the log does not say whose it is (then every client
    /// is looked at).
    pub fn clients_changed_since(&self, since: i64) -> Result<Option<BTreeSet<i64>>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT DISTINCT entity, entity_id FROM audit_log WHERE id > ?1")?;
        let rows: Vec<(String, Option<i64>)> = stmt
            .query_map([since], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut clients = BTreeSet::new();
        for (entity, id) in rows {
            let owner_sql = match entity.as_str() {
                "database" => continue,
                "client" => {
                    clients.extend(id);
                    continue;
                }
                "activity" => "SELECT client_id FROM activities WHERE id = ?1",
                "application" => "SELECT client_id FROM applications WHERE id = ?1",
                "work_item" => "SELECT client_id FROM work_items WHERE id = ?1",
                "contact" => "SELECT client_id FROM contacts WHERE id = ?1",
                "note" => "SELECT client_id FROM notes WHERE id = ?1",
                "letter" => "SELECT client_id FROM letters WHERE id = ?1",
                "situation" => "SELECT client_id FROM situations WHERE id = ?1",
                "ladder_step" => "SELECT client_id FROM ladder_steps WHERE id = ?1",
                "plan" => "SELECT client_id FROM plans WHERE id = ?1",
                "goal" => {
                    "SELECT p.client_id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE g.id = ?1"
                }
                _ => return Ok(None),
            };
            let Some(id) = id else { return Ok(None) };
            match self
                .conn()
                .prepare_cached(owner_sql)?
                .query_row([id], |r| r.get::<_, i64>(0))
                .optional()?
            {
                Some(client) => {
                    clients.insert(client);
                }
                None => return Ok(None),
            }
        }
        Ok(Some(clients))
    }

    /// Every client of the file with what the team knows of it (nothing yet for a
    /// client not shared).
    pub fn team_clients(&self) -> Result<Vec<TeamClient>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.id, t.uuid, t.pushed_hash, t.released_on, t.owner
             FROM clients c LEFT JOIN team_clients t ON t.client_id = c.id ORDER BY c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TeamClient {
                client_id: r.get(0)?,
                uuid: r.get(1)?,
                pushed_hash: r.get(2)?,
                released_on: r.get(3)?,
                owner: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The global id of a client, if it has one.
    pub fn client_uuid(&self, client_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT uuid FROM team_clients WHERE client_id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Records what the team knows of clients, in one transaction: each client's id,
    /// last sent document's hash and owner, and the clients released to another
    /// owner.
    pub fn record_team_clients(
        &self,
        pushed: &[SharedClient],
        released: &[i64],
        today: chrono::NaiveDate,
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        for shared in pushed {
            record_shared(&tx, shared)?;
        }
        for client in released {
            tx.execute(
                "UPDATE team_clients SET released_on = ?2 WHERE client_id = ?1",
                params![client, today],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The owner of each client in the caseload of the team, as last heard.
    pub fn team_owners(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn().prepare(
            "SELECT client_id, owner FROM team_clients
             WHERE owner IS NOT NULL AND released_on IS NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether an edit of `day` touched the client itself (its end, a change of its
    /// details): an undo could still take it back.
    pub fn client_edited_on(&self, client_id: i64, day: chrono::NaiveDate) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM audit_log a JOIN edits e ON e.id = a.edit_id
                     WHERE a.entity = 'client' AND a.entity_id = ?1 AND e.day = ?2)",
            )?
            .query_row(params![client_id, day], |r| r.get(0))?)
    }

    /// Whether the file knows the klantmanager of any client in it.
    pub fn knows_team_owners(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM team_clients
                 WHERE owner IS NOT NULL AND released_on IS NULL)",
            [],
            |r| r.get(0),
        )?)
    }

    /// The klantmanager of one client, as last heard from the server.
    pub fn team_owner(&self, client_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT owner FROM team_clients WHERE client_id = ?1 AND released_on IS NULL",
            )?
            .query_row([client_id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// How many work items of each client were handled from `from` to `to`
    /// (an undone handling not counted).
    pub fn handled_per_client(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<HashMap<i64, usize>> {
        let mut stmt = self.conn().prepare(
            "SELECT client_id, count(*) FROM work_items
             WHERE closed_on BETWEEN ?1 AND ?2 AND outcome_code <> ?3 GROUP BY client_id",
        )?;
        let rows = stmt.query_map(params![from, to, super::report::UNDONE], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks this file as the team's snapshot, read from `url` at `at`.
    pub fn set_team_snapshot(&self, url: &str, at: &str) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        self.set_meta("team_snapshot_url", url)?;
        self.set_meta("team_snapshot_at", at)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether this file is the team's snapshot, and of when.
    pub fn team_snapshot(&self) -> Result<Option<Snapshot>> {
        let (Some(url), Some(at)) = (
            self.meta("team_snapshot_url")?,
            self.meta("team_snapshot_at")?,
        ) else {
            return Ok(None);
        };
        Ok(Some(Snapshot { url, at }))
    }
}
