//! The statements of a sync and a snapshot, on the team's server: who owns which
//! client, the documents sent and taken in, the expiry items, and the notices.

use std::collections::HashMap;

use postgres::{Client, GenericClient, Transaction};
use serde_json::Value;
use uuid::Uuid;

use super::{refused, TeamError};

/// Whether `name` is a member of the team.
pub fn is_member(client: &mut impl GenericClient, name: &str) -> Result<bool, TeamError> {
    Ok(client
        .query_opt("SELECT 1 FROM members WHERE name = $1", &[&name])
        .map_err(refused)?
        .is_some())
}

/// The role this connection logged in as.
pub fn session_user(client: &mut Client) -> Result<String, TeamError> {
    Ok(client
        .query_one("SELECT session_user::text", &[])
        .map_err(refused)?
        .get(0))
}

/// Every client's owner on the server (none for a client it does not know), and
/// whether this member works on it, in one question.
pub fn owners(
    tx: &mut Transaction,
    clients: &[Uuid],
) -> Result<HashMap<Uuid, (Option<String>, bool)>, TeamError> {
    Ok(tx
        .query(
            "SELECT u, o, o IS NULL OR inbeeld_works_on(o)
             FROM unnest($1::uuid[]) AS u, LATERAL (SELECT inbeeld_owner_of(u) AS o) AS x",
            &[&clients],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect())
}

/// A notice about `client` for whoever owns it now; the server writes who left it.
pub fn leave_notice(tx: &mut Transaction, client: &Uuid, text: &str) -> Result<(), TeamError> {
    tx.execute("SELECT inbeeld_leave_notice($1, $2)", &[client, &text])
        .map_err(refused)?;
    Ok(())
}

/// Holds `member` for the file `database_id`: the first file to join holds the
/// member until it lets go. A file that held the member before the server kept
/// track claims it at its next sync.
pub fn claim_file(
    client: &mut impl GenericClient,
    member: &str,
    database_id: &str,
) -> Result<(), TeamError> {
    // Whoever inserts first holds the member; the key keeps a second out.
    client
        .execute(
            "INSERT INTO member_files (member, database_id) VALUES (session_user, $1)
             ON CONFLICT (member) DO NOTHING",
            &[&database_id],
        )
        .map_err(refused)?;
    let held: String = client
        .query_one(
            "SELECT database_id FROM member_files WHERE member = session_user",
            &[],
        )
        .map_err(refused)?
        .get(0);
    if held == database_id {
        Ok(())
    } else {
        Err(TeamError::OtherFile {
            member: member.to_owned(),
        })
    }
}

/// Lets go of `member` for this file (only this file's hold).
pub fn release_file(client: &mut Client, database_id: &str) -> Result<(), TeamError> {
    client
        .execute(
            "DELETE FROM member_files WHERE member = session_user AND database_id = $1",
            &[&database_id],
        )
        .map_err(refused)?;
    Ok(())
}

/// A client's document as sent: who, and the document with its hash.
pub struct Document {
    pub client: Uuid,
    pub name: String,
    pub bsn: Option<String>,
    pub data: Value,
    pub hash: String,
}

/// Clients' documents, sent as `owner`'s: new, or replacing the ones there. One
/// statement for them all, as for the expiry items.
pub fn push_clients(
    tx: &mut Transaction,
    owner: &str,
    documents: &[Document],
) -> Result<(), TeamError> {
    if documents.is_empty() {
        return Ok(());
    }
    let clients: Vec<Uuid> = documents.iter().map(|d| d.client).collect();
    let names: Vec<&str> = documents.iter().map(|d| d.name.as_str()).collect();
    let bsns: Vec<Option<&str>> = documents.iter().map(|d| d.bsn.as_deref()).collect();
    let data: Vec<&Value> = documents.iter().map(|d| &d.data).collect();
    let hashes: Vec<&str> = documents.iter().map(|d| d.hash.as_str()).collect();
    tx.execute(
        "INSERT INTO clients (uuid, owner, name, bsn, data, doc_hash)
         SELECT u, $1, n, b, d, h
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[])
             AS x (u, n, b, d, h)
         ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, bsn = excluded.bsn,
             data = excluded.data, doc_hash = excluded.doc_hash, updated_at = now()",
        &[&owner, &clients, &names, &bsns, &data, &hashes],
    )
    .map_err(refused)?;
    Ok(())
}

/// Expiry work items `(item, client, data)`, each once: the same id from another
/// laptop is the same item. One statement for all of them: a client's document
/// holds every expiry item of its history, and one round trip each made most of a
/// sync's time.
pub fn push_expiry_items(
    tx: &mut Transaction,
    items: &[(Uuid, Uuid, Value)],
) -> Result<(), TeamError> {
    if items.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = items.iter().map(|(item, ..)| *item).collect();
    let clients: Vec<Uuid> = items.iter().map(|(_, client, _)| *client).collect();
    let data: Vec<&Value> = items.iter().map(|(.., data)| data).collect();
    tx.execute(
        "INSERT INTO client_rows (uuid, client_uuid, kind, data)
         SELECT i, c, 'work_item', d FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS x (i, c, d)
         ON CONFLICT (uuid) DO NOTHING",
        &[&ids, &clients, &data],
    )
    .map_err(refused)?;
    Ok(())
}

/// The documents of the clients this role may read that are not among `known`:
/// `(client, owner, document)`.
pub fn incoming(
    tx: &mut Transaction,
    known: &[Uuid],
) -> Result<Vec<(Uuid, String, Value)>, TeamError> {
    Ok(tx
        .query(
            "SELECT uuid, owner, data FROM clients WHERE NOT (uuid = ANY($1)) ORDER BY name",
            &[&known],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// A notice for this member: about which client, what it says, and from whom.
pub struct Notice {
    pub id: i64,
    pub client: Uuid,
    pub text: String,
    pub from: String,
}

/// This member's unseen notices. They are marked seen only once they became a work
/// item on the laptop ([`mark_seen`]): a notice the laptop could not take in comes
/// again at the next sync.
pub fn unseen_notices(tx: &mut Transaction) -> Result<Vec<Notice>, TeamError> {
    Ok(tx
        .query(
            "SELECT id, client_uuid, text, created_by FROM notices
             WHERE for_member = session_user AND seen_at IS NULL ORDER BY id",
            &[],
        )
        .map_err(refused)?
        .iter()
        .map(|r| Notice {
            id: r.get(0),
            client: r.get(1),
            text: r.get(2),
            from: r.get(3),
        })
        .collect())
}

/// Marks these notices seen.
pub fn mark_seen(client: &mut Client, ids: &[i64]) -> Result<(), TeamError> {
    if ids.is_empty() {
        return Ok(());
    }
    client
        .execute(
            "UPDATE notices SET seen_at = now()
             WHERE id = ANY($1) AND for_member = session_user AND seen_at IS NULL",
            &[&ids],
        )
        .map_err(refused)?;
    Ok(())
}

/// Every client this role may read: its id, owner and the hash of its document
/// (computed here for a document sent before the hash was kept).
pub fn client_list(tx: &mut Transaction) -> Result<Vec<(Uuid, String, String)>, TeamError> {
    Ok(tx
        .query(
            "SELECT uuid, owner, coalesce(doc_hash, md5(data::text)) FROM clients
             ORDER BY owner, name",
            &[],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The documents of these clients, as `(client, document)`.
pub fn documents(tx: &mut Transaction, clients: &[Uuid]) -> Result<Vec<(Uuid, Value)>, TeamError> {
    Ok(tx
        .query(
            "SELECT uuid, data FROM clients WHERE uuid = ANY($1) ORDER BY owner, name",
            &[&clients],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// A transaction that sees one moment of the whole server and writes nothing.
pub fn read_moment(client: &mut Client) -> Result<Transaction<'_>, TeamError> {
    client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(refused)
}
