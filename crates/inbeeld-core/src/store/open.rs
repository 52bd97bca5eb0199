//! Opening a database file: recognising it, creating it, upgrading it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::error::{Result, StoreError};
use crate::clock;

/// The schema version this program writes; `PRAGMA user_version` of a current file.
pub const SCHEMA_VERSION: i64 = 13;

/// `PRAGMA application_id` of an inbeeld file ("inbl"), so that `file(1)` and this
/// program can tell it from any other SQLite database.
pub(super) const APPLICATION_ID: i64 = 0x696e_626c;

const SCHEMA: &str = include_str!("../../../../schema.sql");

/// Upgrades, in order: `(from_version, to_version, sql)`. Version 0 is an empty file
/// and gets the whole schema at once.
const UPGRADES: &[(i64, i64, &str)] = &[
    (0, SCHEMA_VERSION, SCHEMA),
    (1, 2, include_str!("upgrades/v1_to_v2.sql")),
    (2, 3, include_str!("upgrades/v2_to_v3.sql")),
    (3, 4, include_str!("upgrades/v3_to_v4.sql")),
    (
        4,
        5,
        concat!(
            include_str!("upgrades/v4_to_v5.sql"),
            include_str!("upgrades/facts_backfill.sql")
        ),
    ),
    (5, 6, include_str!("upgrades/v5_to_v6.sql")),
    (6, 7, include_str!("upgrades/v6_to_v7.sql")),
    (7, 8, include_str!("upgrades/v7_to_v8.sql")),
    (8, 9, include_str!("upgrades/v8_to_v9.sql")),
    (9, 10, include_str!("upgrades/v9_to_v10.sql")),
    (10, 11, include_str!("upgrades/v10_to_v11.sql")),
    (11, 12, include_str!("upgrades/v11_to_v12.sql")),
    (12, 13, include_str!("upgrades/v12_to_v13.sql")),
];

/// Fills the days a file or bundle from before version 5 kept only as moments.
pub(super) const FACTS_BACKFILL: &str = include_str!("upgrades/facts_backfill.sql");

/// The page cache of a connection, in KiB.
pub(super) const CACHE_KIB: i64 = 16_384;
/// The page cache while many clients are imported at once: their indexes are
/// written all over the file, and a small cache writes pages out and reads them
/// back within the same transaction.
pub(super) const BULK_CACHE_KIB: i64 = 262_144;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a command waits for another process's write before it gives up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The platform data directory's `inbeeld.sqlite` (on Linux
/// `~/.local/share/inbeeld/inbeeld.sqlite`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "inbeeld", "inbeeld")
        .map(|dirs| dirs.data_dir().join("inbeeld.sqlite"))
}

pub(super) fn open(path: &Path) -> Result<(Connection, String, bool)> {
    refuse_non_sqlite(path)?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            // A restore attaches its source read-only, by URI.
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    super::private::keep_private(path);
    // Backups an older version left readable to others are the file itself.
    super::private::keep_folder_private(&super::backups_folder(path));
    // What a killed restore or copy left beside the file (and its journal) goes.
    super::remove_stale_parts_beside(path);
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Recognise the file before anything is written to it.
    recognise(&conn, path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    set_wal(&conn)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Room for the pages the werkvoorraad and caseload read again on every refresh
    // (the default is 2 MiB); taken only as pages are read.
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    // A statement's own journal (kept while a write that may fail runs) in memory
    // rather than in a temporary file: an import writes one per row.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // An import inserts into some twenty tables: room for all their statements.
    conn.set_prepared_statement_cache_capacity(64);
    let upgraded = upgrade(&mut conn, path)?;
    // Under a write lock, like the upgrade: a read while another process is still
    // creating the file can meet it busy without waiting.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    super::undo::install_journal(&tx)?;
    tx.commit()?;
    let actor = conn.query_row(
        "SELECT name FROM case_managers ORDER BY id LIMIT 1",
        [],
        |row| row.get(0),
    )?;
    Ok((conn, actor, upgraded))
}

/// Switches to WAL. Switching takes the file for a moment, and SQLite answers busy
/// at once, without its busy handler, while another process is creating the file:
/// so wait here, as long as any other write would.
fn set_wal(conn: &Connection) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return Ok(other?),
        }
    }
}

/// Whether `path` can be a caseload: no pipe, device or folder, and a file there
/// starts as SQLite's do. Looked at before anything is made beside it.
pub fn check_file(path: &Path) -> Result<()> {
    refuse_non_sqlite(path)
}

/// A non-empty file must start with SQLite's header; SQLite itself would only notice
/// at the first query, after creating its journal files beside it.
fn refuse_non_sqlite(path: &Path) -> Result<()> {
    // A pipe would block the open for ever, a device get a journal beside it; a
    // link to nothing would have SQLite make the file it points to.
    let dangling =
        fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) && fs::metadata(path).is_err();
    if dangling || fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(crate::domain::InputError::NotAFile {
            path: path.display().to_string(),
        }
        .into());
    }
    let Ok(mut file) = fs::File::open(path) else {
        return Ok(()); // does not exist yet (or unreadable: SQLite will say so)
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(StoreError::Open {
                    path: path.to_owned(),
                    source,
                })
            }
        }
    }
    if read == 0 || &header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(StoreError::Foreign {
            path: path.to_owned(),
            reason: "het is geen SQLite-bestand",
        })
    }
}

struct FileState {
    application_id: i64,
    version: i64,
    has_tables: bool,
}

fn file_state(conn: &Connection) -> Result<FileState> {
    Ok(FileState {
        application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        has_tables: conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
            [],
            |r| r.get(0),
        )?,
    })
}

fn recognise(conn: &Connection, path: &Path) -> Result<()> {
    let state = file_state(conn).map_err(|err| match err {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            StoreError::Foreign {
                path: path.to_owned(),
                reason: "het is geen SQLite-bestand",
            }
        }
        other => other,
    })?;
    let empty = state.application_id == 0 && state.version == 0 && !state.has_tables;
    if state.application_id != APPLICATION_ID && !empty {
        return Err(StoreError::Foreign {
            path: path.to_owned(),
            reason: "een SQLite-database van een ander programma",
        });
    }
    if state.version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found: state.version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings the file to `SCHEMA_VERSION`, one step per transaction. The version is read
/// again under the write lock, so two processes opening a new file at once do not
/// both create it.
fn upgrade(conn: &mut Connection, path: &Path) -> Result<bool> {
    // The version the file had, read under the write lock of the first step (a
    // read before it could meet another process creating the file).
    let mut before = None;
    loop {
        // A step that rebuilds a table runs with foreign keys off (they cannot be
        // switched inside a transaction) and checks them before it commits.
        conn.pragma_update(None, "foreign_keys", false)?;
        let step = upgrade_step(conn, path);
        conn.pragma_update(None, "foreign_keys", true)?;
        match step? {
            // An existing file brought to this version (not a new one).
            None => return Ok(before.is_some_and(|v| v > 0)),
            Some(from) => {
                before.get_or_insert(from);
            }
        }
    }
}

/// One step of `upgrade`: the version it brought the file from, or `None` when the
/// file is current.
fn upgrade_step(conn: &mut Connection, path: &Path) -> Result<Option<i64>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == SCHEMA_VERSION {
        return Ok(None);
    }
    let Some((_, to, sql)) = UPGRADES.iter().find(|(from, _, _)| *from == version) else {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    };
    tx.execute_batch(sql)?;
    if version == 0 {
        initialise(&tx)?;
    } else if *to == 10 {
        split_names(&tx)?;
    } else if *to == 11 {
        offer_informatieverzoeken(&tx)?;
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(StoreError::Damaged(format!(
            "{broken} verwijzing(en) kloppen niet na het bijwerken naar schemaversie {to}"
        )));
    }
    tx.pragma_update(None, "user_version", *to)?;
    tx.commit()?;
    Ok(Some(version))
}

/// Version 11: a hersteltermijn given without an aanvraag was in fact an
/// informatieverzoek (Awb 4:5 is about an aanvraag). Each open one of a client in the
/// caseload is offered to the klantmanager as a vervolgactie due today: to go on as
/// one (`I` in the dossier, `inbeeld activity informatieverzoek ID`) or to leave.
fn offer_informatieverzoeken(tx: &rusqlite::Transaction) -> Result<()> {
    tx.execute(
        "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
         SELECT a.client_id, 'vervolgactie',
                'Hersteltermijn zonder aanvraag (activiteit ' || a.id ||
                '): als informatieverzoek voortzetten? (Pw art. 17)', ?1, 'manual', ?2
         FROM activities a JOIN clients c ON c.id = a.client_id
         WHERE a.type_code = 'hersteltermijn' AND a.application_id IS NULL
           AND a.status = 'open' AND c.ended_on IS NULL
         ORDER BY a.id",
        rusqlite::params![clock::day(), clock::now_utc()],
    )?;
    Ok(())
}

/// Version 10: the display names split into their parts where they can be told; a
/// name of one word stays whole for the klantmanager.
fn split_names(tx: &rusqlite::Transaction) -> Result<()> {
    let names: Vec<(i64, String)> = tx
        .prepare("SELECT id, name FROM clients")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare(
        "UPDATE clients SET given_name = ?2, name_prefix = ?3, surname = ?4 WHERE id = ?1",
    )?;
    for (id, name) in names {
        if let Some(parts) = crate::domain::name::NameParts::split(&name) {
            update.execute(rusqlite::params![
                id,
                parts.given,
                parts.prefix,
                parts.surname
            ])?;
        }
    }
    Ok(())
}

fn initialise(tx: &rusqlite::Transaction) -> Result<()> {
    let now = clock::now_utc();
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('application', 'inbeeld'), ('created_at', ?1),
             ('database_id', lower(hex(randomblob(16))))",
        [&now],
    )?;
    let user = std::env::var("INBEELD_USER")
        .or_else(|_| std::env::var("USER"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "klantmanager".to_owned());
    tx.execute(
        "INSERT INTO case_managers (name, created_at) VALUES (?1, ?2)",
        [&user, &now],
    )?;
    Ok(())
}
