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

/// A notice for `member` about `client`.
pub fn leave_notice(
    tx: &mut Transaction,
    member: &str,
    client: &Uuid,
    text: &str,
) -> Result<(), TeamError> {
    tx.execute(
        "INSERT INTO notices (for_member, client_uuid, text) VALUES ($1, $2, $3)",
        &[&member, client, &text],
    )
    .map_err(refused)?;
    Ok(())
}

/// A client's document as sent: who, and the document with its hash.
pub struct Document<'a> {
    pub name: &'a str,
    pub bsn: Option<&'a str>,
    pub data: &'a Value,
    pub hash: &'a str,
}

/// A client's document, sent as `owner`'s: new, or replacing the one there.
pub fn push_client(
    tx: &mut Transaction,
    client: &Uuid,
    owner: &str,
    document: &Document,
) -> Result<(), TeamError> {
    tx.execute(
        "INSERT INTO clients (uuid, owner, name, bsn, data, doc_hash)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, bsn = excluded.bsn,
             data = excluded.data, doc_hash = excluded.doc_hash, updated_at = now()",
        &[
            client,
            &owner,
            &document.name,
            &document.bsn,
            document.data,
            &document.hash,
        ],
    )
    .map_err(refused)?;
    Ok(())
}

/// An expiry work item, once: the same id from another laptop is the same item.
pub fn push_expiry_item(
    tx: &mut Transaction,
    item: &Uuid,
    client: &Uuid,
    data: &Value,
) -> Result<(), TeamError> {
    tx.execute(
        "INSERT INTO client_rows (uuid, client_uuid, kind, data)
         VALUES ($1, $2, 'work_item', $3) ON CONFLICT (uuid) DO NOTHING",
        &[item, client, data],
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

/// This member's unseen notices, marked seen: `(client, text)`.
pub fn take_notices(tx: &mut Transaction) -> Result<Vec<(Uuid, String)>, TeamError> {
    Ok(tx
        .query(
            "UPDATE notices SET seen_at = now() WHERE for_member = session_user
                 AND seen_at IS NULL RETURNING client_uuid, text",
            &[],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
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
