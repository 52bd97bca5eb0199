//! A server password from where libpq keeps it, so that inbeeld stores none:
//! `PGPASSWORD`, or the password file (`PGPASSFILE`, else `~/.pgpass`), whose
//! lines are `host:port:database:user:password` with `*` for any and `\` escaping
//! `:` and `\`. As libpq does, a password file others can read is not used.

use std::path::PathBuf;

use postgres::config::Host;
use postgres::Config;

/// A file where libpq keeps it: `~/unix` on Unix, `%APPDATA%\\postgresql\\windows`
/// on Windows (libpq's own places, so that one `pgpass.conf` serves psql and
/// inbeeld alike).
pub(crate) fn libpq_file(unix: &str, windows: &str) -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|app| PathBuf::from(app).join("postgresql").join(windows))
    } else {
        inbeeld_core::settings::home_dir().map(|home| home.join(unix))
    }
}

/// The password for connecting with `config`, if the environment or the password
/// file has one.
pub fn password_for(config: &Config) -> Option<String> {
    if let Ok(password) = std::env::var("PGPASSWORD") {
        return Some(password);
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| libpq_file(".pgpass", "pgpass.conf"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(host)) => host.clone(),
        // libpq matches a socket connection as "localhost".
        _ => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default().to_owned();
    let database = config.get_dbname().unwrap_or(&user).to_owned();
    find(&text, [&host, &port, &database, &user])
}

/// The server's URL without a password in it, as it may be kept and shown: a URI's
/// `user:password@` and `password=` parameter, a `key=value` list's `password`.
pub fn without_password(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, tail) = match rest.find(['/', '?']) {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let authority = match authority.rsplit_once('@') {
            Some((user, host)) => {
                let user = user.split_once(':').map_or(user, |(user, _)| user);
                format!("{user}@{host}")
            }
            None => authority.to_owned(),
        };
        let tail = match tail.split_once('?') {
            Some((path, query)) => {
                let kept: Vec<&str> = query
                    .split('&')
                    .filter(|pair| !pair.starts_with("password="))
                    .collect();
                if kept.is_empty() {
                    path.to_owned()
                } else {
                    format!("{path}?{}", kept.join("&"))
                }
            }
            None => tail.to_owned(),
        };
        return format!("{scheme}://{authority}{tail}");
    }
    // key=value pairs, a value perhaps quoted with '…' and \-escapes.
    let mut kept = Vec::new();
    let mut chars = url.chars().peekable();
    while chars.peek().is_some() {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut pair = String::new();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    pair.push(c);
                    if let Some(next) = chars.next() {
                        pair.push(next);
                    }
                }
                '\'' => {
                    quoted = !quoted;
                    pair.push(c);
                }
                c if c.is_whitespace() && !quoted => break,
                c => pair.push(c),
            }
        }
        let key = pair.split('=').next().unwrap_or_default().trim();
        if !pair.is_empty() && key != "password" {
            kept.push(pair);
        }
    }
    kept.join(" ")
}

/// The password of the first line whose four fields match.
fn find(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .map(fields)
        .find(|fields| {
            fields.len() == 5
                && fields[..4]
                    .iter()
                    .zip(wanted)
                    .all(|(field, value)| field == "*" || field == value)
        })
        .map(|mut fields| fields.remove(4))
}

/// The fields of a line, with `\:` and `\\` unescaped.
fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_kept_without_its_password() {
        for (url, kept) in [
            (
                "postgresql://sanne:geheim@db.gemeente.nl:5432/inbeeld",
                "postgresql://sanne@db.gemeente.nl:5432/inbeeld",
            ),
            (
                "postgres://sanne@db/inbeeld?sslmode=verify-full&password=x%40y",
                "postgres://sanne@db/inbeeld?sslmode=verify-full",
            ),
            (
                "postgresql://db/inbeeld?password=x",
                "postgresql://db/inbeeld",
            ),
            (
                "host=db user=sanne password='geh eim' dbname=inbeeld",
                "host=db user=sanne dbname=inbeeld",
            ),
            (
                "host=/tmp/x user=jan password=p\\ q",
                "host=/tmp/x user=jan",
            ),
            ("host=db user=sanne", "host=db user=sanne"),
        ] {
            assert_eq!(without_password(url), kept, "{url}");
            assert!(!without_password(url).contains("geh"), "{url}");
        }
    }

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let text = "# team\n\
                    db.gemeente.nl:5432:inbeeld:sanne:geheim\\:1\n\
                    *:*:*:jan:anders\n";
        assert_eq!(
            find(text, ["db.gemeente.nl", "5432", "inbeeld", "sanne"]).as_deref(),
            Some("geheim:1")
        );
        assert_eq!(
            find(text, ["localhost", "5433", "x", "jan"]).as_deref(),
            Some("anders")
        );
        assert_eq!(
            find(text, ["db.gemeente.nl", "5432", "inbeeld", "piet"]),
            None
        );
    }
}
