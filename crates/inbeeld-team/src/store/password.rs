//! A server password from where libpq keeps it, so that inbeeld stores none:
//! `PGPASSWORD`, or the password file (`PGPASSFILE`, else `~/.pgpass`), whose
//! lines are `host:port:database:user:password` with `*` for any and `\` escaping
//! `:` and `\`. As libpq does, a password file others can read is not used.

use std::path::PathBuf;

use postgres::config::Host;
use postgres::Config;

/// The password for connecting with `config`, if the environment or the password
/// file has one.
pub fn password_for(config: &Config) -> Option<String> {
    if let Ok(password) = std::env::var("PGPASSWORD") {
        return Some(password);
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
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
