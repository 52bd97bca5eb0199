//! The team: link this file to a member on the server, and sync. A client's
//! dossier travels as its document (the handover bundle of that one client); only
//! its owner's laptop changes it, so there is nothing to merge.
//!
//! A sync pushes every changed document of an owned client and pulls the clients
//! newly assigned (or stood in for) in one PostgreSQL transaction, and only after
//! that commit records on the laptop what was sent and takes the new clients in,
//! each step its own transaction and safe to repeat: a sync killed half-way leaves
//! the server as it was or complete, and the next sync completes the laptop's side.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;
use uuid::Uuid;

use crate::store::{self as team, TeamError};
use inbeeld_core::domain::lifecycle::HANDED_OVER;
use inbeeld_core::domain::team::MemberFigures;
use inbeeld_core::store::{SharedClient, Store, StoreError, TeamClient};

#[derive(Debug, Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Team(#[from] TeamError),
    #[error("dit bestand is nog niet aan een teamlid gekoppeld; doe eerst 'inbeeld team join --url URL --as NAAM'")]
    NotJoined,
    #[error(
        "de server kent geen teamlid {0}; vraag de teamleider om 'inbeeld team member add {0}'"
    )]
    NoMember(String),
    #[error("je bent op de server aangemeld als {session}, maar dit bestand hoort bij {member}")]
    OtherMember { session: String, member: String },
}

/// The namespace of inbeeld's derived ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_55a0_7d3e_4b8e_9a51_2c0b_1e4d_7a90);

/// The global id of a row of a client's document: derived from the client's id and
/// the row's place in its document, so every laptop gives the same row the same id.
pub fn row_uuid(client: &str, reference: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{client}/{reference}").as_bytes())
}

/// The id of the work item the sweep makes for an activity's end date: the same
/// wherever the sweep runs.
pub fn expiry_item_uuid(activity: &Uuid, end_date: &str, kind: &str) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{activity}/{end_date}/{kind}").as_bytes(),
    )
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pushed: usize,
    pub pulled: usize,
    pub released: usize,
    /// Changes the server refused: the client had another owner by then.
    pub not_through: Vec<String>,
    /// Clients handed back that were not taken in: their released copy here changed
    /// after the release, or the release can still be undone today.
    pub kept_back: Vec<String>,
    /// Documents not sent because the receiving side would refuse them: the client's
    /// name and owner, and why. The other clients went.
    pub not_sent: Vec<String>,
    /// Clients now someone else's that stay here for now: why.
    pub not_released: Vec<String>,
    /// Clients now this member's that this file could not take in: why.
    pub not_taken_in: Vec<String>,
}

/// Links this file to `member` on the server at `url`: the member must exist there,
/// the URL must log in as them, and no other file may hold them. Its clients are
/// registered with this member as owner at the first sync. The URL is kept without
/// its password: that comes from `PGPASSWORD` or the password file.
pub fn join(store: &Store, url: &str, member: &str) -> Result<(), SyncError> {
    let mut client = team::connect(url)?;
    if !team::is_member(&mut client, member)? {
        return Err(SyncError::NoMember(member.to_owned()));
    }
    let session = team::session_user(&mut client)?;
    if session != member {
        return Err(SyncError::OtherMember {
            session,
            member: member.to_owned(),
        });
    }
    let mut tx = client.transaction().map_err(team::refused)?;
    team::claim_file(&mut tx, member, &store.database_id()?)?;
    tx.commit().map_err(team::refused)?;
    store.set_team_link(&team::without_password(url), member)?;
    Ok(())
}

/// Lets go of the member this file belongs to, on the server and here: another
/// file may then join as them (and take their clients in at its first sync).
pub fn leave(store: &Store) -> Result<String, SyncError> {
    let link = store.team_link()?.ok_or(SyncError::NotJoined)?;
    let mut client = team::connect(&link.url)?;
    team::release_file(&mut client, &store.database_id()?)?;
    store.clear_team_link()?;
    Ok(link.member)
}

/// One client's document: the bundle of that client alone, without the moment of
/// export, so that an unchanged dossier gives the same document.
fn document(store: &Store, client: i64) -> Result<(Value, String), StoreError> {
    let mut bundle = store.export(&[client])?;
    if let Some(object) = bundle.as_object_mut() {
        object.remove("exported_at");
    }
    let hash = hex(&Sha256::digest(bundle.to_string().as_bytes()));
    Ok((bundle, hash))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The work items of a document the sweep made for an activity's end date, as
/// rows the server's unique index holds to one per (activity, end date, kind).
fn expiry_items(client_uuid: &str, bundle: &Value) -> Vec<(Uuid, Value)> {
    let Some(client) = bundle["clients"].get(0) else {
        return Vec::new();
    };
    client["work_items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|w| w["source"] == "activity")
        .filter_map(|w| {
            let activity = row_uuid(client_uuid, w["source_activity_id"].as_str()?);
            let end = w["source_end_date"].as_str()?;
            let kind = w["kind_code"].as_str()?;
            Some((
                expiry_item_uuid(&activity, end, kind),
                serde_json::json!({
                    "source": "activity",
                    "source_activity": activity.to_string(),
                    "source_end_date": end,
                    "kind_code": kind,
                }),
            ))
        })
        .collect()
}

/// The name of the client a document holds, as it may be printed: none that is
/// blank or holds a control or direction character.
fn document_name(bundle: &Value) -> Option<&str> {
    inbeeld_core::store::printable_name(&bundle["clients"][0])
}

/// The clients an audited edit touched since the last sync: only they can have
/// changed (`None`: look at every client).
fn touched_since_last_sync(store: &Store) -> Result<Option<BTreeSet<i64>>, StoreError> {
    match store.team_synced_audit()? {
        Some(since) => store.clients_changed_since(since),
        None => Ok(None),
    }
}

/// Whether a shared client certainly has not changed since it was last sent: it
/// was sent, and no audited edit touched it since.
fn untouched(shared: &TeamClient, touched: &Option<BTreeSet<i64>>) -> bool {
    shared.pushed_hash.is_some()
        && touched
            .as_ref()
            .is_some_and(|t| !t.contains(&shared.client_id))
}

/// The title a work item about a change that did not get through starts with.
const NOT_THROUGH: &str = "Wijziging niet doorgekomen";

/// Whether the client still has an open work item about a change that did not get
/// through: until it is handled, the client stays on this laptop.
fn has_open_notice(store: &Store, client: i64) -> Result<bool, StoreError> {
    Ok(store.client_items(client)?.iter().any(|item| {
        item.status == inbeeld_core::domain::work_item::ItemStatus::Open
            && item.title.starts_with(NOT_THROUGH)
    }))
}

/// How many shared clients have changed since they were last sent: as `sync`
/// looks, only the clients an audited edit touched since the last sync are
/// exported and compared.
pub fn pending_changes(store: &Store) -> Result<usize, StoreError> {
    let touched = touched_since_last_sync(store)?;
    let mut pending = 0;
    for shared in store.team_clients()? {
        if shared.released_on.is_some() || untouched(&shared, &touched) {
            continue;
        }
        pending += usize::from(match &shared.pushed_hash {
            None => true,
            Some(hash) => *hash != document(store, shared.client_id)?.1,
        });
    }
    Ok(pending)
}

/// How long a sync may wait for the server, in seconds: `INBEELD_TEAM_TIMEOUT`,
/// else two minutes.
fn deadline() -> u64 {
    std::env::var("INBEELD_TEAM_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s| *s > 0)
        .unwrap_or(120)
}

/// Runs `work` (a conversation with the server) on a thread of its own and waits
/// for it at most the deadline: a server that accepts and then says nothing is not
/// noticed by any socket setting. After the deadline the work is left behind; what
/// it did on the laptop is whole transactions, and the server's transaction is
/// never committed by a process that exits.
pub fn with_deadline<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, SyncError> + Send + 'static,
) -> Result<T, SyncError> {
    within(std::time::Duration::from_secs(deadline()), work)
}

/// Whether work left behind by [`within`] still runs in this process.
static LEFT_RUNNING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// [`with_deadline`] with the deadline given. While work it left behind still runs
/// (the cockpit lives on after a deadline), no second is started beside it: two
/// syncs of one file at once would only get in each other's way.
fn within<T: Send + 'static>(
    limit: std::time::Duration,
    work: impl FnOnce() -> Result<T, SyncError> + Send + 'static,
) -> Result<T, SyncError> {
    use std::sync::atomic::Ordering;
    let timed_out = || SyncError::Team(TeamError::TimedOut(limit.as_secs().max(1)));
    if LEFT_RUNNING.load(Ordering::SeqCst) {
        return Err(timed_out());
    }
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = work();
        LEFT_RUNNING.store(false, Ordering::SeqCst);
        let _ = send.send(result);
    });
    match receive.recv_timeout(limit) {
        Ok(result) => result,
        Err(_) => {
            LEFT_RUNNING.store(true, Ordering::SeqCst);
            Err(timed_out())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_silent_server_is_given_up_on_and_no_second_sync_starts_beside_it() {
        let (release, held) = std::sync::mpsc::channel::<()>();
        let silent = within(Duration::from_millis(200), move || {
            let _ = held.recv();
            Ok(1)
        });
        assert!(matches!(
            silent,
            Err(SyncError::Team(TeamError::TimedOut(_)))
        ));
        // The first is still waiting: a second is not started.
        let started = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = started.clone();
        let second = within(Duration::from_secs(5), move || {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            Ok(2)
        });
        assert!(second.is_err());
        assert!(!started.load(std::sync::atomic::Ordering::SeqCst));
        // Once the first ends, the next runs.
        release.send(()).unwrap();
        let until = std::time::Instant::now() + Duration::from_secs(10);
        while LEFT_RUNNING.load(std::sync::atomic::Ordering::SeqCst) {
            assert!(std::time::Instant::now() < until, "the first never ended");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(within(Duration::from_secs(5), || Ok(3)).unwrap(), 3);
    }
}

/// Pushes, pulls and releases, as the module says.
pub fn sync(store: &mut Store, today: NaiveDate) -> Result<SyncReport, SyncError> {
    let link = store.team_link()?.ok_or(SyncError::NotJoined)?;
    // A password an older inbeeld kept with the URL goes (it still serves this once).
    if team::without_password(&link.url) != link.url {
        store.set_team_link(&team::without_password(&link.url), &link.member)?;
    }
    let mut client = team::connect(&link.url)?;
    let session = team::session_user(&mut client)?;
    if session != link.member {
        return Err(SyncError::OtherMember {
            session,
            member: link.member,
        });
    }
    // What leaves is what the receiver accepts: swept as of this moment first, so
    // that an activity that expired this morning leaves with its item.
    inbeeld_core::workflow::sweep(store, today)?;
    let mut report = SyncReport::default();
    let mut sent = Sent::default();
    let mut to_release = Vec::new();
    let mut not_through = Vec::new();
    let mut leaving = Vec::new();
    // A client not yet shared gets its id here first, kept before anything is sent:
    // a sync stopped after the server took it in sends it again under the same id.
    let unshared: Vec<SharedClient> = store
        .team_clients()?
        .into_iter()
        .filter(|c| c.uuid.is_none())
        .map(|c| SharedClient {
            client_id: c.client_id,
            uuid: Uuid::new_v4().to_string(),
            hash: None,
            owner: None,
        })
        .collect();
    store.record_team_clients(&unshared, &[], today)?;
    let local = store.team_clients()?;
    let mut tx = client.transaction().map_err(team::refused)?;
    // Two files as one member would overwrite each other's work on the server.
    team::claim_file(&mut tx, &link.member, &store.database_id()?)?;
    // Only the clients an audited edit touched since the last sync can have
    // changed: the others need no document.
    let watermark = store.max_audit_id()?;
    let touched = touched_since_last_sync(store)?;
    // Every client this file still holds has its id by now (given above).
    let held: Vec<(&TeamClient, String, Uuid)> = local
        .iter()
        .filter(|c| c.released_on.is_none())
        .map(|c| {
            let uuid = c.uuid.clone().expect("every client has its id by now");
            let id = uuid.parse().expect("a stored uuid");
            (c, uuid, id)
        })
        .collect();
    // Every client's owner on the server, and whether this member works on it, in
    // one question rather than two per client.
    let asked: Vec<Uuid> = held.iter().map(|(.., id)| *id).collect();
    let owners = team::owners(&mut tx, &asked)?;
    for (shared, uuid, id) in held {
        let (owner, works_on) = owners.get(&id).cloned().unwrap_or((None, true));
        if untouched(shared, &touched) {
            if !works_on && !has_open_notice(store, shared.client_id)? {
                to_release.push(shared.client_id);
            }
            continue;
        }
        let (bundle, hash) = document(store, shared.client_id)?;
        let changed = shared.pushed_hash.as_deref() != Some(hash.as_str());
        if !works_on {
            if changed && shared.pushed_hash.is_some() {
                // Changed here after the client went to someone else: kept here,
                // and the new owner is told.
                let name = document_name(&bundle).unwrap_or("een klant").to_owned();
                let owner = owner.clone().unwrap_or_default();
                team::leave_notice(
                    &mut tx,
                    &id,
                    &format!(
                        "Een wijziging van {} aan {name} is niet doorgekomen: de klant was \
                         toen al van jou. Vraag {} wat er veranderd is.",
                        link.member, link.member
                    ),
                )?;
                not_through.push((shared.client_id, uuid.clone(), hash, owner));
                report.not_through.push(name);
            } else if !has_open_notice(store, shared.client_id)? {
                to_release.push(shared.client_id);
            }
            continue;
        }
        if !changed {
            continue;
        }
        let owner = owner.unwrap_or_else(|| link.member.clone());
        leaving.push(Leaving {
            client_id: shared.client_id,
            uuid,
            id,
            owner,
            bundle,
            hash,
        });
        // Sent a hundred at a time: a first sync does not hold every document.
        if leaving.len() == PUSH_CHUNK {
            send(
                store,
                &mut tx,
                &link.member,
                std::mem::take(&mut leaving),
                today,
                &mut sent,
                &mut report,
            )?;
        }
    }
    send(
        store,
        &mut tx,
        &link.member,
        leaving,
        today,
        &mut sent,
        &mut report,
    )?;
    let pushed = sent.pushed;
    // Clients this member now owns or stands in for that this file lacks, or has
    // only as the copy it released (handed back, or a stand-in again).
    let known: Vec<Uuid> = local
        .iter()
        .filter(|c| c.released_on.is_none())
        .filter_map(|c| c.uuid.as_deref())
        .chain(pushed.iter().map(|p| p.uuid.as_str()))
        .filter_map(|uuid| uuid.parse().ok())
        .collect();
    let incoming = team::incoming(&mut tx, &known)?;
    let notices = team::unseen_notices(&mut tx)?;
    tx.commit().map_err(team::refused)?;

    // The server has it all: now this file. Each step is safe to repeat.
    store.record_team_clients(&pushed, &[], today)?;
    // A change kept here: a work item says what happened; the client goes once it
    // is handled.
    for (client, uuid, _, owner) in not_through {
        inbeeld_core::workflow::add_follow_up(
            store,
            client,
            &format!("{NOT_THROUGH}: de klant was al van {owner}; geef hem door wat je veranderde"),
            today,
            today,
        )?;
        // Recorded as sent as it stands now, so it is reported once.
        let (_, hash) = document(store, client)?;
        let record = SharedClient {
            client_id: client,
            uuid,
            hash: Some(hash),
            owner: Some(owner),
        };
        store.record_team_clients(&[record], &[], today)?;
    }
    for (uuid, owner, mut bundle) in incoming {
        // The released copy makes room: the server's document holds all of it and
        // what was done since. Unless it changed here after it was released, or its
        // release can still be undone today: then it stays as it is, and the client
        // is not taken in (yet).
        let uuid_text = uuid.to_string();
        if let Some(copy) = local
            .iter()
            .find(|c| c.released_on.is_some() && c.uuid.as_deref() == Some(&uuid_text))
        {
            let unchanged =
                copy.pushed_hash.as_deref() == Some(document(store, copy.client_id)?.1.as_str());
            if !unchanged || store.client_edited_on(copy.client_id, today)? {
                let name = document_name(&bundle).unwrap_or("een klant").to_owned();
                report.kept_back.push(name);
                continue;
            }
            store.forget_copies(&[copy.client_id])?;
        }
        // Recorded with its id in the import's own transaction (its hash after the
        // sweep): a sync stopped in between never leaves it here without an id.
        let arriving: Vec<SharedClient> = bundle["clients"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|_| SharedClient {
                client_id: 0,
                uuid: uuid.to_string(),
                hash: None,
                owner: Some(owner.clone()),
            })
            .collect();
        let name = document_name(&bundle).unwrap_or("een klant").to_owned();
        let ids = match inbeeld_core::workflow::import_shared(
            store,
            &mut bundle,
            today,
            &arriving,
            false,
        ) {
            Ok(ids) => ids,
            // One document this file cannot take in keeps no other out; it stays on
            // the server, and the next sync asks again.
            Err(err) => {
                report.not_taken_in.push(format!(
                    "{name} (van {owner}): {}",
                    refusal_reason(&err).unwrap_or_else(|| err.to_string())
                ));
                continue;
            }
        };
        let mut records = Vec::new();
        for id in ids {
            let (_, hash) = document(store, id)?;
            records.push(SharedClient {
                client_id: id,
                uuid: uuid.to_string(),
                hash: Some(hash),
                owner: Some(owner.clone()),
            });
        }
        store.record_team_clients(&records, &[], today)?;
        report.pulled += 1;
    }
    // One at a time: a client that cannot be let go here stays, and says why,
    // without keeping the others.
    let mut released = Vec::new();
    let mut ended = Vec::new();
    for client in to_release {
        if let Err(err) =
            inbeeld_core::workflow::end_clients(store, &[client], today, HANDED_OVER, true, today)
        {
            let name = store.client(client).map(|c| c.name).unwrap_or_default();
            report.not_released.push(format!("{name}: {err}"));
            continue;
        }
        ended.push(client);
        // The copy as released: a hand-back later replaces it only as it stands now.
        if let Some(uuid) = local
            .iter()
            .find(|c| c.client_id == client)
            .and_then(|c| c.uuid.clone())
        {
            released.push(SharedClient {
                client_id: client,
                uuid,
                hash: Some(document(store, client)?.1),
                owner: None,
            });
        }
    }
    if !ended.is_empty() {
        store.record_team_clients(&released, &ended, today)?;
        report.released = ended.len();
    }
    // A notice about a client that is this member's: a work item on that client,
    // today; marked seen on the server only once the item is here.
    let taken = take_notices(store, &notices, today)?;
    team::mark_seen(&mut client, &taken)?;
    store.set_last_sync(&inbeeld_core::clock::now_utc(), watermark)?;
    Ok(report)
}

/// What a sync sent so far, and the receiving side it checked it on (made once).
#[derive(Default)]
struct Sent {
    pushed: Vec<SharedClient>,
    receiver: Option<inbeeld_core::store::Receiver>,
}

/// A client's document on its way to the server.
struct Leaving {
    client_id: i64,
    uuid: String,
    id: Uuid,
    owner: String,
    bundle: Value,
    hash: String,
}

/// Sends the documents the receiving side accepts, each checked first as an import
/// checks it; a document it would refuse stays here, named in the report with its
/// owner and the reason, and the others go.
fn send(
    store: &Store,
    tx: &mut postgres::Transaction,
    member: &str,
    leaving: Vec<Leaving>,
    today: NaiveDate,
    sent: &mut Sent,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    if leaving.is_empty() {
        return Ok(());
    }
    let bundles: Vec<&Value> = leaving.iter().map(|l| &l.bundle).collect();
    // One receiving side for the whole sync, made when the first document leaves.
    if sent.receiver.is_none() {
        sent.receiver = Some(store.receiver()?);
    }
    let refusals = sent
        .receiver
        .as_mut()
        .expect("made just now")
        .refusals(&bundles, today)?;
    let mut documents = Vec::new();
    let mut expiry = Vec::new();
    for (leaving, refused) in leaving.into_iter().zip(refusals) {
        if let Some(refused) = refused {
            let name = document_name(&leaving.bundle).unwrap_or("een klant");
            let reason = reason_of(&refused);
            report
                .not_sent
                .push(format!("{name} (van {}): {reason}", leaving.owner));
            continue;
        }
        // The server keeps the name as it is (the document was checked above).
        let name = leaving.bundle["clients"][0]["client"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let bsn = leaving.bundle["clients"][0]["client"]["bsn"]
            .as_str()
            .map(str::to_owned);
        expiry.extend(
            expiry_items(&leaving.uuid, &leaving.bundle)
                .into_iter()
                .map(|(item, data)| (item, leaving.id, data)),
        );
        // The moment it was sent goes with it (not into its hash): whoever takes it
        // in checks the rules as of then, and sweeps what expired since.
        let mut data = leaving.bundle;
        if let Some(object) = data.as_object_mut() {
            object.insert("exported_at".into(), inbeeld_core::clock::now_utc().into());
        }
        documents.push(team::Document {
            client: leaving.id,
            name,
            bsn,
            data,
            hash: leaving.hash.clone(),
        });
        sent.pushed.push(SharedClient {
            client_id: leaving.client_id,
            uuid: leaving.uuid,
            hash: Some(leaving.hash),
            owner: Some(leaving.owner),
        });
        report.pushed += 1;
    }
    team::push_clients(tx, member, &documents)?;
    team::push_expiry_items(tx, &expiry)?;
    Ok(())
}

/// Turns notices into work items, each on its client: the notices that have their
/// item here now (made now, or by a sync stopped before it could say so). A text
/// that is no title of a work item still gives one, saying it could not be read; a
/// notice about a client not (yet) here waits for the next sync.
fn take_notices(
    store: &mut Store,
    notices: &[team::Notice],
    today: NaiveDate,
) -> Result<Vec<i64>, SyncError> {
    if notices.is_empty() {
        return Ok(Vec::new());
    }
    let shared = store.team_clients()?;
    let mut taken = Vec::new();
    for notice in notices {
        let uuid = notice.client.to_string();
        let Some(client) = shared
            .iter()
            .find(|c| c.released_on.is_none() && c.uuid.as_deref() == Some(&uuid))
        else {
            continue;
        };
        let unreadable = format!(
            "Een bericht van {} over deze klant was niet te lezen; vraag wat er stond",
            notice.from
        );
        let has = |store: &Store, title: &str| -> Result<bool, StoreError> {
            Ok(store
                .client_items(client.client_id)?
                .iter()
                .any(|item| item.title == title))
        };
        if has(store, &notice.text)? {
            taken.push(notice.id);
            continue;
        }
        let made = inbeeld_core::workflow::add_follow_up(
            store,
            client.client_id,
            &notice.text,
            today,
            today,
        )
        .map(drop);
        let made = match made {
            Ok(()) => Ok(()),
            Err(_) if has(store, &unreadable)? => Ok(()),
            Err(_) => inbeeld_core::workflow::add_follow_up(
                store,
                client.client_id,
                &unreadable,
                today,
                today,
            )
            .map(drop),
        };
        // Neither (a client ended here): it stays unseen on the server.
        if made.is_ok() {
            taken.push(notice.id);
        }
    }
    Ok(taken)
}

/// How many documents a sync sends in one statement.
const PUSH_CHUNK: usize = 100;

/// How many documents a snapshot fetches and imports at a time.
const SNAPSHOT_CHUNK: usize = 500;

/// Documents of one bundle version, with the oldest day one of them was sent.
#[derive(Default)]
struct Batch {
    uuids: Vec<Uuid>,
    clients: Vec<Value>,
    /// The day each was sent, in the order of `clients`.
    sents: Vec<Option<String>>,
    sent: Option<String>,
}

impl Batch {
    fn add(&mut self, uuid: Uuid, client: Value, sent: Option<String>) {
        self.sent = match (self.sent.take(), sent.clone()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.uuids.push(uuid);
        self.clients.push(client);
        self.sents.push(sent);
    }
}

/// A bundle of `clients` as a document of `version` sent at `sent`. Built by hand:
/// `json!` would copy every document through the serializer.
fn bundle_of(version: i64, sent: Option<String>, clients: Vec<Value>) -> Value {
    let mut bundle = serde_json::Map::new();
    bundle.insert("format".into(), inbeeld_core::store::BUNDLE_FORMAT.into());
    bundle.insert("version".into(), version.into());
    if let Some(sent) = sent {
        bundle.insert("exported_at".into(), sent.into());
    }
    bundle.insert("clients".into(), Value::Array(clients));
    Value::Object(bundle)
}

/// The one client of a document from the server, with its bundle's version and the
/// moment it was sent; or why it is no document a laptop could have sent.
fn one_client(mut bundle: Value) -> Result<(i64, Option<String>, Value), String> {
    if bundle["format"] != inbeeld_core::store::BUNDLE_FORMAT {
        return Err("geen inbeeld-document".to_owned());
    }
    let version = bundle["version"]
        .as_i64()
        .ok_or_else(|| "het document heeft geen versie".to_owned())?;
    let sent = bundle["exported_at"].as_str().map(str::to_owned);
    match bundle.get_mut("clients").map(Value::take) {
        Some(Value::Array(mut list)) if list.len() == 1 => Ok((version, sent, list.remove(0))),
        Some(Value::Array(list)) => Err(format!(
            "het document hoort één klant te bevatten, niet {}",
            list.len()
        )),
        _ => Err("het document bevat geen klant".to_owned()),
    }
}

/// What a snapshot took in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotReport {
    /// Clients in the snapshot.
    pub clients: usize,
    /// Documents fetched and taken in (all of them the first time).
    pub fetched: usize,
    /// Clients no longer on the server (or no longer readable), taken out.
    pub removed: usize,
    /// Documents not taken in: the client's name and owner, and why. The others are.
    pub refused: Vec<String>,
}

/// The teamleider's copy of the team: every client the role may read, in the file
/// at `out`, with its owner recorded; the file is then only read. A new file gets
/// every document; a snapshot made before fetches only the documents that changed
/// since (by the hash the server keeps of each) and takes out the clients gone.
pub fn snapshot(
    url: &str,
    out: &std::path::Path,
    today: NaiveDate,
) -> Result<SnapshotReport, SyncError> {
    let exists = std::fs::symlink_metadata(out).is_ok();
    let refuse = || {
        SyncError::Store(
            inbeeld_core::domain::InputError::FileExists {
                path: out.display().to_string(),
                what: "een momentopname (alleen een eerdere momentopname wordt bijgewerkt)",
            }
            .into(),
        )
    };
    let mut store = if exists {
        let store = Store::open(out).map_err(|_| refuse())?;
        if store.team_snapshot()?.is_none() {
            return Err(refuse());
        }
        store
    } else {
        let store = Store::open(out)?;
        // Marked at once: a snapshot cut short is still known as one, and the
        // next completes it.
        store.set_team_snapshot(url, &inbeeld_core::clock::now_utc())?;
        store
    };
    let mut client = team::connect(url)?;
    let mut tx = team::read_moment(&mut client)?;
    let listed = team::client_list(&mut tx)?;
    let at = inbeeld_core::clock::now_utc();
    // Every client of a snapshot came in with its id (`import_shared`).
    let local: std::collections::HashMap<String, TeamClient> = store
        .team_clients()?
        .into_iter()
        .filter_map(|c| Some((c.uuid.clone()?, c)))
        .collect();
    let on_server: std::collections::HashSet<String> =
        listed.iter().map(|(uuid, ..)| uuid.to_string()).collect();
    // Out: gone from the server, or changed there (a newer copy takes its place).
    let mut forget: Vec<i64> = local
        .iter()
        .filter(|(uuid, _)| !on_server.contains(*uuid))
        .map(|(_, c)| c.client_id)
        .collect();
    let removed = forget.len();
    let mut fetch = Vec::new();
    let mut owners = Vec::new();
    for (uuid, owner, hash) in &listed {
        match local.get(&uuid.to_string()) {
            Some(known) if known.pushed_hash.as_deref() == Some(hash.as_str()) => {
                if known.owner.as_deref() != Some(owner.as_str()) {
                    owners.push(SharedClient {
                        client_id: known.client_id,
                        uuid: uuid.to_string(),
                        hash: Some(hash.clone()),
                        owner: Some(owner.clone()),
                    });
                }
            }
            Some(known) => {
                forget.push(known.client_id);
                fetch.push(*uuid);
            }
            None => fetch.push(*uuid),
        }
    }
    store.forget_copies(&forget)?;
    // The documents come in chunks, on a thread of their own, while the chunk before
    // is imported (one transaction a chunk): a department's documents do not fit in
    // memory at once, and fetching and importing each take one core.
    let by_uuid: std::collections::HashMap<Uuid, (&String, &String)> = listed
        .iter()
        .map(|(uuid, owner, hash)| (*uuid, (owner, hash)))
        .collect();
    let mut fetched = 0;
    let mut refused = Vec::new();
    std::thread::scope(|scope| -> Result<(), SyncError> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<(Uuid, Value)>>(1);
        let fetcher = scope.spawn(move || -> Result<(), TeamError> {
            for chunk in fetch.chunks(SNAPSHOT_CHUNK) {
                let documents = team::documents(&mut tx, chunk)?;
                if send.send(documents).is_err() {
                    // The importer stopped: its error is the one to tell.
                    return Ok(());
                }
            }
            tx.commit().map_err(team::refused)
        });
        let imported = (|| {
            for documents in receive {
                take_in(
                    &mut store,
                    documents,
                    &by_uuid,
                    today,
                    &mut fetched,
                    &mut refused,
                )?;
            }
            Ok::<(), SyncError>(())
        })();
        let fetched = fetcher.join().expect("the fetching thread does not panic");
        imported?;
        Ok(fetched?)
    })?;
    store.record_team_clients(&owners, &[], today)?;
    store.set_team_snapshot(url, &at)?;
    Ok(SnapshotReport {
        clients: listed.len() - refused.len(),
        fetched,
        removed,
        refused,
    })
}

/// Takes a chunk of the server's documents into the snapshot: one bundle per
/// version and day sent, so that each is checked as of the day it was made and
/// nothing in it is newer than that day; what expired since gets its item from this
/// file's sweep. A bundle with a document the rules refuse is taken in document by
/// document, and the refused ones are named: one bad document keeps no other out.
fn take_in(
    store: &mut Store,
    documents: Vec<(Uuid, Value)>,
    by_uuid: &std::collections::HashMap<Uuid, (&String, &String)>,
    today: NaiveDate,
    fetched: &mut usize,
    refused: &mut Vec<String>,
) -> Result<(), SyncError> {
    let mut versions: std::collections::BTreeMap<(i64, Option<String>), Batch> = Default::default();
    for (uuid, bundle) in documents {
        let (version, sent, client) = match one_client(bundle) {
            Ok(one) => one,
            Err(reason) => {
                refused.push(refusal(by_uuid, &uuid, None, &reason));
                continue;
            }
        };
        let day = sent.as_deref().and_then(|s| s.get(..10)).map(str::to_owned);
        versions
            .entry((version, day))
            .or_default()
            .add(uuid, client, sent);
    }
    let record = |uuid: &Uuid| {
        let (owner, hash) = by_uuid[uuid];
        SharedClient {
            client_id: 0,
            uuid: uuid.to_string(),
            hash: Some(hash.clone()),
            owner: Some(owner.clone()),
        }
    };
    for ((version, _), batch) in versions {
        let records: Vec<SharedClient> = batch.uuids.iter().map(record).collect();
        let mut whole = bundle_of(version, batch.sent, batch.clients);
        match inbeeld_core::workflow::import_shared(store, &mut whole, today, &records, true) {
            Ok(_) => {
                *fetched += records.len();
                continue;
            }
            Err(err) if refusal_reason(&err).is_none() => return Err(err.into()),
            Err(_) => {}
        }
        // (A refused bundle keeps its clients.)
        let clients = match whole["clients"].take() {
            Value::Array(clients) => clients,
            _ => Vec::new(),
        };
        for ((uuid, client), sent) in batch.uuids.iter().zip(clients).zip(batch.sents) {
            let name = inbeeld_core::store::printable_name(&client).map(str::to_owned);
            let mut one = bundle_of(version, sent, vec![client]);
            match inbeeld_core::workflow::import_shared(
                store,
                &mut one,
                today,
                &[record(uuid)],
                true,
            ) {
                Ok(_) => *fetched += 1,
                Err(err) => match refusal_reason(&err) {
                    Some(reason) => refused.push(refusal(by_uuid, uuid, name.as_deref(), &reason)),
                    None => return Err(err.into()),
                },
            }
        }
    }
    Ok(())
}

/// Why the rules refused a document; `None` for a failure of the file itself.
fn refusal_reason(err: &StoreError) -> Option<String> {
    match err {
        StoreError::Input(refused) => Some(reason_of(refused)),
        _ => None,
    }
}

/// A refusal's reason without the client it names (the caller names them, with
/// their owner).
fn reason_of(refused: &inbeeld_core::domain::InputError) -> String {
    match refused {
        inbeeld_core::domain::InputError::BundleRefused { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

/// A document the snapshot did not take in, named by its client and owner.
fn refusal(
    by_uuid: &std::collections::HashMap<Uuid, (&String, &String)>,
    uuid: &Uuid,
    name: Option<&str>,
    reason: &str,
) -> String {
    let owner = by_uuid.get(uuid).map_or("?", |(owner, _)| owner.as_str());
    match name {
        Some(name) => format!("{name} (van {owner}): {reason}"),
        None => format!("een klant van {owner} ({uuid}): {reason}"),
    }
}

/// The team view of the weekly start: per klantmanager, from the owners the last
/// sync or snapshot recorded.
pub fn team_view(store: &Store, today: NaiveDate) -> Result<Vec<MemberFigures>, StoreError> {
    let owners = store.team_owners()?;
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    let week =
        inbeeld_core::domain::period::Period::of(inbeeld_core::domain::period::Span::Week, today);
    Ok(inbeeld_core::domain::team::member_figures(
        &owners,
        &store.client_summaries(today)?,
        &store.worklist()?,
        &store.handled_per_client(week.from, today)?,
        today,
    ))
}
