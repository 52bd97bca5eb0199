//! The team's shared store on PostgreSQL: its schema (versioned migrations, safe to
//! run again), its members (one PostgreSQL role each) and the row-level security
//! that lets a klantmanager see only their own clients. PostgreSQL is the server;
//! inbeeld adds none.

mod password;
mod sync;
mod tls;

use postgres::{Client, Config, NoTls};
use thiserror::Error;

pub use password::{password_for, without_password};
pub use sync::*;
pub use tls::{options as tls_options, SslMode, TlsOptions};

/// The migrations, in order: `(version, sql)`.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("migrations/v1.sql")),
    (2, include_str!("migrations/v2.sql")),
    (3, include_str!("migrations/v3.sql")),
    (4, include_str!("migrations/v4.sql")),
];

/// The roles members get, besides their own.
pub const KLANTMANAGER_ROLE: &str = "inbeeld_klantmanager";
pub const TEAMLEIDER_ROLE: &str = "inbeeld_teamleider";

#[derive(Debug, Error)]
pub enum TeamError {
    #[error("de server-URL '{url}' is niet te lezen: {reason}")]
    Url { url: String, reason: String },
    #[error("de server antwoordt niet ({0}); er is niets gewijzigd")]
    Unreachable(String),
    #[error("de verbinding met de server is niet veilig te maken: {0}; er is niets gewijzigd")]
    Tls(String),
    #[error("de server weigerde: {0}")]
    Refused(String),
    #[error("'{0}' kan geen naam van een teamlid zijn: kleine letters, cijfers en _, beginnend met een letter")]
    BadName(String),
    #[error("{0} is al lid van het team")]
    AlreadyMember(String),
    #[error("{0} is geen lid van het team")]
    NotMember(String),
    #[error("de server kent geen klant {0} (of je mag hem niet zien)")]
    NoClient(String),
    #[error(
        "de server heeft schemaversie {found}; deze inbeeld kent t/m {known} — werk inbeeld bij"
    )]
    Newer { found: i32, known: i32 },
    #[error("{0} is een beheerrol van de server en kan geen teamlid worden; kies een eigen naam")]
    Administrator(String),
    #[error("{0} is teamleider en kan geen klanten hebben; geef de klant aan een klantmanager")]
    ToTeamleider(String),
    #[error("BSN {bsn} hoort op de server bij {count} klanten; wijs de klant aan met zijn uuid")]
    AmbiguousBsn { bsn: String, count: i64 },
    #[error(
        "{member} is al gekoppeld aan een ander bestand; laat dat eerst los met 'inbeeld team leave' \
         op die laptop (of vraag de beheerder)"
    )]
    OtherFile { member: String },
    #[error("de server antwoordde niet binnen {0} seconden; er is op de server niets gewijzigd")]
    TimedOut(u64),
}

impl TeamError {
    /// Input the user can correct (exit code 2), as opposed to a server that fails.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            TeamError::Url { .. }
                | TeamError::BadName(_)
                | TeamError::AlreadyMember(_)
                | TeamError::NotMember(_)
                | TeamError::NoClient(_)
                | TeamError::Administrator(_)
                | TeamError::ToTeamleider(_)
                | TeamError::AmbiguousBsn { .. }
                | TeamError::OtherFile { .. }
        )
    }
}

pub(crate) fn refused(err: postgres::Error) -> TeamError {
    match err.as_db_error() {
        Some(db) => TeamError::Refused(db.message().to_owned()),
        None if err.is_closed() => TeamError::Unreachable(err.to_string()),
        None => TeamError::Unreachable(err.to_string()),
    }
}

/// Connects to `url` (a libpq URL or `key=value` list), with TLS as its `sslmode`
/// says (see `tls`). A password comes from the URL, `PGPASSWORD` or libpq's password
/// file: inbeeld stores none.
pub fn connect(url: &str) -> Result<Client, TeamError> {
    let tls = tls::options(url)?;
    let mut config: Config = tls
        .rest
        .parse()
        .map_err(|err: postgres::Error| TeamError::Url {
            url: url.to_owned(),
            reason: err.to_string(),
        })?;
    if config.get_password().is_none() {
        if let Some(password) = password_for(&config) {
            config.password(password);
        }
    }
    config.connect_timeout(std::time::Duration::from_secs(5));
    // A network that drops packets is noticed by the kernel within half a minute; a
    // statement the server takes too long over is stopped by the server. A server
    // that accepts and then says nothing is the caller's deadline (`with_deadline`).
    config.keepalives(true);
    config.keepalives_idle(std::time::Duration::from_secs(10));
    config.keepalives_interval(std::time::Duration::from_secs(5));
    config.keepalives_retries(3);
    config.tcp_user_timeout(std::time::Duration::from_secs(30));
    config.options("-c statement_timeout=60000 -c lock_timeout=30000");
    let connected = match tls::client_config(&tls)? {
        None => config.connect(NoTls),
        Some(rustls) => config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(rustls)),
    };
    connected.map_err(|err| match err.as_db_error() {
        Some(_) => refused(err),
        None => not_connected(&err),
    })
}

/// A connection that failed before the server said anything: a TLS failure says
/// what in the certificate or the handshake was wrong.
fn not_connected(err: &postgres::Error) -> TeamError {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        source = cause.source();
    }
    if text.contains("TLS") || text.contains("certificate") {
        TeamError::Tls(text)
    } else {
        TeamError::Unreachable(text)
    }
}

/// Brings the server's schema to the newest version, one migration per transaction,
/// under a lock, so that two `team init` at once do each step once. Returns the
/// versions applied now (none when it was current).
pub fn init(client: &mut Client) -> Result<Vec<i32>, TeamError> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS inbeeld_migrations (
                 version    integer PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(refused)?;
    let mut applied = Vec::new();
    for (version, sql) in MIGRATIONS {
        let mut tx = client.transaction().map_err(refused)?;
        tx.execute("LOCK TABLE inbeeld_migrations IN EXCLUSIVE MODE", &[])
            .map_err(refused)?;
        let newest: Option<i32> = tx
            .query_one("SELECT max(version) FROM inbeeld_migrations", &[])
            .map_err(refused)?
            .get(0);
        let known = MIGRATIONS.last().map_or(0, |(v, _)| *v);
        if let Some(found) = newest.filter(|found| *found > known) {
            return Err(TeamError::Newer { found, known });
        }
        if newest.is_some_and(|n| n >= *version) {
            continue;
        }
        tx.batch_execute(sql).map_err(refused)?;
        tx.execute(
            "INSERT INTO inbeeld_migrations (version) VALUES ($1)",
            &[version],
        )
        .map_err(refused)?;
        tx.commit().map_err(refused)?;
        applied.push(*version);
    }
    Ok(applied)
}

/// A member name is also a PostgreSQL role: lower-case letters, digits and `_`.
fn check_name(name: &str) -> Result<(), TeamError> {
    let mut chars = name.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if starts && rest && name.len() <= 63 && !name.starts_with("pg_") {
        Ok(())
    } else {
        Err(TeamError::BadName(name.to_owned()))
    }
}

/// Adds a member: their login role (without a password: the administrator sets one
/// with `\password`, or the cluster uses certificates), in the klantmanager's or the
/// teamleider's group role, and their row in `members`.
pub fn add_member(client: &mut Client, name: &str, teamleider: bool) -> Result<(), TeamError> {
    check_name(name)?;
    let mut tx = client.transaction().map_err(refused)?;
    if is_member(&mut tx, name)? {
        return Err(TeamError::AlreadyMember(name.to_owned()));
    }
    // An administrator's role (the superuser, one that passes row-level security or
    // makes roles) would be a klantmanager who sees everything.
    let role = tx
        .query_opt(
            "SELECT rolsuper OR rolbypassrls OR rolcreaterole FROM pg_roles WHERE rolname = $1",
            &[&name],
        )
        .map_err(refused)?
        .map(|r| r.get::<_, bool>(0));
    if role == Some(true) {
        return Err(TeamError::Administrator(name.to_owned()));
    }
    let role_exists = role.is_some();
    let group = if teamleider {
        TEAMLEIDER_ROLE
    } else {
        KLANTMANAGER_ROLE
    };
    // The name was checked to be a plain identifier: it can stand unquoted.
    if role_exists {
        tx.batch_execute(&format!("GRANT {group} TO {name}"))
            .map_err(refused)?;
    } else {
        tx.batch_execute(&format!("CREATE ROLE {name} LOGIN IN ROLE {group}"))
            .map_err(refused)?;
    }
    tx.execute(
        "INSERT INTO members (name, teamleider) VALUES ($1, $2)",
        &[&name, &teamleider],
    )
    .map_err(refused)?;
    tx.commit().map_err(refused)
}

/// Gives the client (`uuid` or BSN) to `to`; returns the client's name. Only a
/// teamleider's role may: the server refuses anyone else.
pub fn assign(client: &mut Client, which: &str, to: &str) -> Result<String, TeamError> {
    let mut tx = client.transaction().map_err(refused)?;
    match tx
        .query_opt("SELECT teamleider FROM members WHERE name = $1", &[&to])
        .map_err(refused)?
    {
        None => return Err(TeamError::NotMember(to.to_owned())),
        Some(row) if row.get::<_, bool>(0) => return Err(TeamError::ToTeamleider(to.to_owned())),
        Some(_) => {}
    }
    let same_bsn: i64 = tx
        .query_one("SELECT count(*) FROM clients WHERE bsn = $1", &[&which])
        .map_err(refused)?
        .get(0);
    if same_bsn > 1 {
        return Err(TeamError::AmbiguousBsn {
            bsn: which.to_owned(),
            count: same_bsn,
        });
    }
    let row = tx
        .query_opt(
            "UPDATE clients SET owner = $2, updated_at = now()
             WHERE uuid::text = $1 OR bsn = $1 RETURNING name",
            &[&which, &to],
        )
        .map_err(refused)?
        .ok_or_else(|| TeamError::NoClient(which.to_owned()))?;
    tx.commit().map_err(refused)?;
    Ok(row.get(0))
}

/// A vervanging: `by` works on the clients of `of` from `from` to `to`.
pub fn stand_in(
    client: &mut Client,
    of: &str,
    by: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(), TeamError> {
    for name in [of, by] {
        if !is_member(client, name)? {
            return Err(TeamError::NotMember(name.to_owned()));
        }
    }
    client
        .execute(
            "INSERT INTO stand_ins (for_member, by_member, from_date, to_date)
             VALUES ($1, $2, $3::text::date, $4::text::date)",
            &[&of, &by, &from.to_string(), &to.to_string()],
        )
        .map_err(refused)?;
    Ok(())
}

/// The team's members: name, teamleider or not, clients owned.
pub fn members(client: &mut Client) -> Result<Vec<(String, bool, i64)>, TeamError> {
    Ok(client
        .query(
            "SELECT m.name, m.teamleider,
                 (SELECT count(*) FROM clients c WHERE c.owner = m.name)
             FROM members m ORDER BY m.name",
            &[],
        )
        .map_err(refused)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_are_plain_role_names() {
        for good in ["sanne", "jan_de_vries", "km2"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Sanne",
            "2km",
            "jan-de-vries",
            "a b",
            "pg_admin",
            "x; DROP TABLE",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
