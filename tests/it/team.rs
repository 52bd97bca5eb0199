//! The team's server against a real PostgreSQL: a throwaway cluster in a temporary
//! folder, on a socket there only (no TCP port), started as an unprivileged user
//! when the tests run as root. Without PostgreSQL the tests skip, saying so; under
//! `CI=true` that is a failure (`.ci/run` installs it).

// A throwaway cluster started as an unprivileged user, its files 0600: Unix.
#![cfg(unix)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use postgres::{Client, NoTls};

/// The newest installed PostgreSQL's programs (Debian keeps them out of `PATH`).
fn binaries() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").is_file())
        .collect();
    found.sort();
    found.pop()
}

pub(crate) struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
    /// Listening on 127.0.0.1 at this port, TLS only (`start_tls`); else on the
    /// socket only.
    tcp: Option<u16>,
}

impl Cluster {
    /// A new cluster, or `None` (after saying why) where PostgreSQL is missing.
    pub(crate) fn start() -> Option<Cluster> {
        Cluster::start_on(None)
    }

    /// A cluster that also listens on 127.0.0.1, where it accepts TLS only, with a
    /// certificate for `localhost` from the root in `ca.pem` (and a second root,
    /// `other-ca.pem`, that did not sign it).
    pub(crate) fn start_tls() -> Option<Cluster> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        Cluster::start_on(Some(port))
    }

    fn start_on(tcp: Option<u16>) -> Option<Cluster> {
        let Some(bin) = binaries() else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "PostgreSQL is not installed: under CI=true the team tests may not skip"
            );
            eprintln!("skipped: PostgreSQL is not installed (apt-get install postgresql)");
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        // PostgreSQL refuses to run as root: then the cluster is the postgres user's.
        let as_postgres = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        if as_postgres {
            let status = Command::new("chown")
                .args(["postgres:postgres", dir.path().to_str().unwrap()])
                .status()
                .unwrap();
            assert!(status.success(), "chown of the cluster folder");
        }
        let cluster = Cluster {
            dir,
            bin,
            as_postgres,
            tcp,
        };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        if tcp.is_some() {
            cluster.certificates();
        }
        cluster.start_server();
        Some(cluster)
    }

    /// The server's certificate and key, its roots, and `pg_hba.conf`: the socket
    /// as before, TCP with TLS only.
    fn certificates(&self) {
        let root = |name: &str| {
            let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
            params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, name);
            let key = rcgen::KeyPair::generate().unwrap();
            let cert = params.self_signed(&key).unwrap();
            (cert, key)
        };
        let (ca, ca_key) = root("inbeeld test root");
        let (other, _) = root("another root");
        let key = rcgen::KeyPair::generate().unwrap();
        let server = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
            .unwrap()
            .signed_by(&key, &ca, &ca_key)
            .unwrap();
        let data = PathBuf::from(self.data());
        let write = |path: PathBuf, text: String, mode: u32| {
            std::fs::write(&path, text).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            if self.as_postgres {
                let status = Command::new("chown")
                    .args(["postgres:postgres", path.to_str().unwrap()])
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        };
        write(data.join("server.crt"), server.pem(), 0o644);
        write(data.join("server.key"), key.serialize_pem(), 0o600);
        write(
            data.join("pg_hba.conf"),
            "local all all trust\nhostssl all all 127.0.0.1/32 trust\n".to_owned(),
            0o600,
        );
        write(self.dir.path().join("ca.pem"), ca.pem(), 0o644);
        write(self.dir.path().join("other-ca.pem"), other.pem(), 0o644);
    }

    fn start_server(&self) {
        let options = match self.tcp {
            None => format!(
                "-k {} -c listen_addresses='' -c fsync=off",
                self.dir.path().display()
            ),
            Some(port) => format!(
                "-k {} -c listen_addresses=127.0.0.1 -c port={port} -c ssl=on -c fsync=off",
                self.dir.path().display()
            ),
        };
        let log = self.dir.path().join("log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ],
        );
    }

    fn stop_server(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let out = command.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{program:?} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The server as `user`, in libpq's words (on the socket).
    pub(crate) fn url(&self, user: &str) -> String {
        let port = self.tcp.map(|p| format!(" port={p}")).unwrap_or_default();
        format!(
            "host={}{port} user={user} dbname=postgres",
            self.dir.path().display()
        )
    }

    pub(crate) fn connect(&self, user: &str) -> Client {
        Client::connect(&self.url(user), NoTls).unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.run("pg_ctl", &["-D", &data, "-m", "immediate", "stop"]);
        }));
    }
}

/// What the server said.
pub(crate) fn why(err: &postgres::Error) -> String {
    err.as_db_error()
        .map_or_else(|| err.to_string(), |db| db.message().to_owned())
}

pub(crate) fn inbeeld(db: &common::Db, args: &[&str]) -> std::process::Output {
    db.cmd().args(args).output().unwrap()
}

/// Runs an inbeeld command that must succeed; its stdout.
pub(crate) fn ok(db: &common::Db, args: &[&str]) -> String {
    let out = inbeeld(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `team snapshot` into `out`, as the role of `url`.
pub(crate) fn take_snapshot(db: &common::Db, out: &Path, url: &str) -> std::process::Output {
    inbeeld(
        db,
        &[
            "team",
            "snapshot",
            "--out",
            out.to_str().unwrap(),
            "--url",
            url,
        ],
    )
}

/// The teamleider gives `client` (uuid or BSN) to `member`.
pub(crate) fn assign(cluster: &Cluster, db: &common::Db, client: &str, member: &str) {
    ok(
        db,
        &[
            "team",
            "assign",
            "--client",
            client,
            "--to",
            member,
            "--url",
            &cluster.url("tl"),
        ],
    );
}

/// Links the laptop `db` to `member` on the cluster.
pub(crate) fn join(cluster: &Cluster, db: &common::Db, member: &str) {
    ok(
        db,
        &[
            "team",
            "join",
            "--url",
            &cluster.url(member),
            "--as",
            member,
        ],
    );
}

/// A team: the schema, two klantmanagers and a teamleider.
pub(crate) fn team(cluster: &Cluster, db: &common::Db) {
    let url = cluster.url("postgres");
    ok(db, &["team", "init", "--url", &url]);
    ok(db, &["team", "member", "add", "sanne", "--url", &url]);
    ok(db, &["team", "member", "add", "jan", "--url", &url]);
    ok(
        db,
        &["team", "member", "add", "tl", "--teamleider", "--url", &url],
    );
}

#[test]
fn the_schema_is_made_once_and_members_get_their_roles() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let db = common::Db::new();
    let url = cluster.url("postgres");
    let first = ok(&db, &["team", "init", "--url", &url]);
    assert!(first.contains("bijgewerkt (versie 1, 2, 3, 4)"), "{first}");
    let again = ok(&db, &["team", "init", "--url", &url]);
    assert!(again.contains("al bij"), "{again}");
    ok(&db, &["team", "member", "add", "sanne", "--url", &url]);
    ok(
        &db,
        &["team", "member", "add", "tl", "--teamleider", "--url", &url],
    );

    for (args, expected) in [
        (
            vec!["team", "member", "add", "sanne"],
            "sanne is al lid van het team",
        ),
        (
            vec!["team", "member", "add", "Sanne"],
            "kan geen naam van een teamlid zijn",
        ),
        (
            vec!["team", "member", "add", "x; DROP TABLE members"],
            "kan geen naam",
        ),
    ] {
        let mut args = args;
        args.extend(["--url", &url]);
        let out = inbeeld(&db, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let members = ok(&db, &["team", "member", "list", "--url", &url, "--json"]);
    let members: serde_json::Value = serde_json::from_str(&members).unwrap();
    assert_eq!(
        members,
        serde_json::json!([
            { "name": "sanne", "teamleider": false, "clients": 0 },
            { "name": "tl", "teamleider": true, "clients": 0 },
        ])
    );
    // The roles are real: each logs in and is in its group.
    let mut admin = cluster.connect("postgres");
    for (role, group) in [
        ("sanne", "inbeeld_klantmanager"),
        ("tl", "inbeeld_teamleider"),
    ] {
        let member: bool = admin
            .query_one("SELECT pg_has_role($1, $2, 'member')", &[&role, &group])
            .unwrap()
            .get(0);
        assert!(member, "{role} in {group}");
        cluster.connect(role);
    }
    // A server that does not answer: a clear message, not a hang.
    let gone = format!(
        "host={} port=1 user=postgres",
        Path::new("/nonexistent").display()
    );
    let out = inbeeld(&db, &["team", "init", "--url", &gone]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("de server antwoordt niet"));
}

#[test]
fn a_klantmanager_reads_and_writes_only_their_own_clients() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let db = common::Db::new();
    team(&cluster, &db);
    let mut admin = cluster.connect("postgres");
    admin
        .batch_execute(
            "INSERT INTO clients (uuid, owner, name) VALUES
                 ('00000000-0000-4000-8000-000000000001', 'sanne', 'Fatima el Amrani'),
                 ('00000000-0000-4000-8000-000000000002', 'jan', 'Kees Brouwer');
             INSERT INTO client_rows (uuid, client_uuid, kind, data) VALUES
                 ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002',
                  'note', '{\"text\": \"schulden\"}')",
        )
        .unwrap();

    let mut sanne = cluster.connect("sanne");
    let names = |client: &mut Client| -> Vec<String> {
        client
            .query("SELECT name FROM clients ORDER BY name", &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    assert_eq!(names(&mut sanne), ["Fatima el Amrani"]);
    let rows: i64 = sanne
        .query_one("SELECT count(*) FROM client_rows", &[])
        .unwrap()
        .get(0);
    assert_eq!(rows, 0, "jan's client's note is not sanne's to read");
    let changed = sanne
        .execute(
            "UPDATE clients SET name = 'x' WHERE uuid = '00000000-0000-4000-8000-000000000002'",
            &[],
        )
        .unwrap();
    assert_eq!(changed, 0, "jan's client is not sanne's to change");
    let err = sanne
        .execute(
            "UPDATE clients SET owner = 'jan' WHERE uuid = '00000000-0000-4000-8000-000000000001'",
            &[],
        )
        .unwrap_err();
    assert!(why(&err).contains("alleen de teamleider"), "{}", why(&err));
    let err = sanne
        .execute(
            "INSERT INTO client_rows (uuid, client_uuid, kind, data) VALUES
                 ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000002',
                  'note', '{}')",
            &[],
        )
        .unwrap_err();
    assert!(why(&err).contains("row-level security"), "{}", why(&err));
    let err = sanne
        .execute("INSERT INTO members (name) VALUES ('sanne2')", &[])
        .unwrap_err();
    assert!(why(&err).contains("permission denied"), "{}", why(&err));

    // The teamleider reads everything, moves ownership, and changes nothing else.
    let mut tl = cluster.connect("tl");
    assert_eq!(names(&mut tl), ["Fatima el Amrani", "Kees Brouwer"]);
    let err = tl
        .execute("UPDATE clients SET name = 'x'", &[])
        .unwrap_err();
    assert!(why(&err).contains("permission denied"), "{}", why(&err));
    tl.execute(
        "UPDATE clients SET owner = 'sanne' WHERE uuid = '00000000-0000-4000-8000-000000000002'",
        &[],
    )
    .unwrap();
    assert_eq!(names(&mut sanne), ["Fatima el Amrani", "Kees Brouwer"]);
    let err = tl.execute("DELETE FROM client_rows", &[]).unwrap_err();
    assert!(why(&err).contains("permission denied"), "{}", why(&err));

    // A stand-in for today: jan works on sanne's clients while it runs.
    let mut jan = cluster.connect("jan");
    assert!(names(&mut jan).is_empty());
    tl.execute(
        "INSERT INTO stand_ins (for_member, by_member, from_date, to_date)
         VALUES ('sanne', 'jan', current_date, current_date + 14)",
        &[],
    )
    .unwrap();
    assert_eq!(names(&mut jan).len(), 2);
    let err = jan
        .execute(
            "INSERT INTO stand_ins (for_member, by_member, from_date, to_date)
             VALUES ('jan', 'sanne', current_date, current_date)",
            &[],
        )
        .unwrap_err();
    assert!(why(&err).contains("permission denied"), "{}", why(&err));

    // One expiry work item per activity, end date and kind, here too.
    let item = "INSERT INTO client_rows (uuid, client_uuid, kind, data) VALUES
        ($1, '00000000-0000-4000-8000-000000000001', 'work_item',
         '{\"source\": \"activity\", \"source_activity\": \"a\", \"source_end_date\": \"2026-12-01\", \"kind_code\": \"traject\"}')";
    admin
        .execute(
            &item.replace("$1", "'00000000-0000-4000-8000-0000000000b1'"),
            &[],
        )
        .unwrap();
    let err = admin
        .execute(
            &item.replace("$1", "'00000000-0000-4000-8000-0000000000b2'"),
            &[],
        )
        .unwrap_err();
    assert!(
        why(&err).contains("one_work_item_per_cycle"),
        "{}",
        why(&err)
    );
}

/// The uuid of the one client named `name` in a laptop's file.
/// A traject "Taaltraject" of `client` from `start` to `end`.
pub(crate) fn taaltraject(db: &common::Db, client: i64, start: &str, end: &str) {
    db.add(&[
        "activity",
        "add",
        "--client",
        &client.to_string(),
        "--type",
        "traject",
        "--title",
        "Taaltraject",
        "--start",
        start,
        "--end",
        end,
    ]);
}

pub(crate) fn uuid_of(db: &common::Db, id: i64) -> String {
    let shown: serde_json::Value =
        serde_json::from_str(&ok(db, &["client", "show", &id.to_string(), "--json"])).unwrap();
    shown["client"]["uuid"].as_str().expect("a uuid").to_owned()
}

#[test]
fn two_laptops_a_handover_and_a_change_that_did_not_get_through() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    let jan = common::Db::new();
    let fatima = sanne.add(&[
        "client",
        "add",
        "--name",
        "Fatima el Amrani",
        "--category",
        "job_ready",
        "--bsn",
        "111222333",
    ]);
    taaltraject(&sanne, fatima, "2026-11-01", "2026-11-20");
    let kees = sanne.client("Kees Brouwer", "beheer");
    ok(&sanne, &["sweep"]);

    // Not linked yet: a clear refusal.
    let out = inbeeld(&sanne, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("team join"));
    join(&cluster, &sanne, "sanne");
    join(&cluster, &jan, "jan");
    let out = inbeeld(
        &jan,
        &["team", "join", "--url", &cluster.url("jan"), "--as", "piet"],
    );
    assert_eq!(out.status.code(), Some(2), "no member piet");

    let first = ok(&sanne, &["sync"]);
    assert!(first.contains("2 verstuurd"), "{first}");
    let again = ok(&sanne, &["sync"]);
    assert!(again.contains("0 verstuurd, 0 opgehaald"), "{again}");
    let status: serde_json::Value =
        serde_json::from_str(&ok(&sanne, &["team", "status", "--json"])).unwrap();
    assert_eq!(status["member"], "sanne");
    assert_eq!(status["pending"], 0);

    let mut admin = cluster.connect("postgres");
    let owners: Vec<(String, String)> = admin
        .query("SELECT name, owner FROM clients ORDER BY name", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(
        owners,
        [
            ("Fatima el Amrani".to_owned(), "sanne".to_owned()),
            ("Kees Brouwer".to_owned(), "sanne".to_owned())
        ]
    );
    let items: i64 = admin
        .query_one(
            "SELECT count(*) FROM client_rows WHERE kind = 'work_item'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(items, 1, "the traject's expiry item, once");

    // The teamleider hands Fatima to jan; jan's next sync takes her in, with her
    // dossier, and sanne's releases her.
    let fatima_uuid = uuid_of(&sanne, fatima);
    assign(&cluster, &admin_db, &fatima_uuid, "jan");
    let out = inbeeld(
        &admin_db,
        &[
            "team",
            "assign",
            "--client",
            "111222333",
            "--to",
            "sanne",
            "--url",
            &cluster.url("jan"),
        ],
    );
    assert!(!out.status.success(), "a klantmanager cannot hand over");
    let pulled = ok(&jan, &["sync"]);
    assert!(pulled.contains("1 opgehaald"), "{pulled}");
    assert_eq!(
        jan.scalar("SELECT name || ' ' || bsn FROM clients"),
        "Fatima el Amrani 111222333"
    );
    assert_eq!(
        jan.scalar("SELECT title FROM activities WHERE type_code = 'traject'"),
        "Taaltraject"
    );
    let released = ok(&sanne, &["sync"]);
    assert!(released.contains("1 overgedragen"), "{released}");
    assert_eq!(
        sanne.scalar(&format!(
            "SELECT end_reason FROM clients WHERE id = {fatima}"
        )),
        "overgedragen"
    );

    // Jan records a contact, and the teamleider hands Fatima back: sanne's laptop
    // takes in the newer dossier in place of the copy it released, jan's lets her go.
    ok(
        &jan,
        &[
            "contact",
            "add",
            "--client",
            "1",
            "--channel",
            "telefoon",
            "--note",
            "Gebeld door jan",
        ],
    );
    ok(&jan, &["sync"]);
    assign(&cluster, &admin_db, &fatima_uuid, "sanne");
    // The same day sanne's release can still be undone: she is not taken in yet.
    let same_day = ok(&sanne, &["sync"]);
    assert!(
        same_day.contains("0 opgehaald")
            && same_day.contains("nog niet opgehaald")
            && same_day.contains("Fatima el Amrani"),
        "{same_day}"
    );
    let back = sanne.on("2026-11-23", &["sync"]);
    assert!(back.contains("1 opgehaald"), "{back}");
    assert_eq!(
        sanne.scalar(
            "SELECT count(*) || ' ' || coalesce(max(c.ended_on), 'in de caseload')
             FROM clients c WHERE c.bsn = '111222333'"
        ),
        "1 in de caseload",
        "one Fatima, in the caseload again"
    );
    assert_eq!(
        sanne.scalar("SELECT note FROM contacts WHERE note = 'Gebeld door jan'"),
        "Gebeld door jan"
    );
    assert_eq!(
        sanne.scalar("SELECT title FROM activities WHERE type_code = 'traject'"),
        "Taaltraject"
    );
    let check = sanne.cmd().arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let gone = ok(&jan, &["sync"]);
    assert!(gone.contains("1 overgedragen"), "{gone}");
    let fatima = sanne.scalar("SELECT id FROM clients WHERE bsn = '111222333'");
    assert_eq!(uuid_of(&sanne, fatima.parse().unwrap()), fatima_uuid);

    // Kees goes to jan while sanne is offline and adds a note: the note is kept on
    // sanne's laptop, with a work item, and jan gets a work item about it.
    let kees_uuid = uuid_of(&sanne, kees);
    assign(&cluster, &admin_db, &kees_uuid, "jan");
    ok(
        &sanne,
        &[
            "note",
            "add",
            "--client",
            &kees.to_string(),
            "--text",
            "Belde over zijn huur",
        ],
    );
    let conflict = ok(&sanne, &["sync"]);
    assert!(
        conflict.contains("niet doorgekomen") && conflict.contains("Kees Brouwer"),
        "{conflict}"
    );
    assert_eq!(
        sanne.scalar("SELECT count(*) FROM work_items WHERE title LIKE 'Wijziging niet doorgekomen%' AND status = 'open'"),
        "1"
    );
    assert_eq!(
        sanne.scalar("SELECT count(*) FROM notes WHERE text = 'Belde over zijn huur'"),
        "1",
        "the change is kept"
    );
    let quiet = ok(&sanne, &["sync"]);
    assert!(
        !quiet.contains("niet doorgekomen") && quiet.contains("0 overgedragen"),
        "{quiet}"
    );
    let taken = ok(&jan, &["sync"]);
    assert!(taken.contains("1 opgehaald"), "{taken}");
    assert_eq!(
        jan.scalar(
            "SELECT count(*) FROM work_items w JOIN clients c ON c.id = w.client_id
                    WHERE c.name = 'Kees Brouwer' AND w.title LIKE '%niet doorgekomen%'"
        ),
        "1",
        "the new owner is told"
    );
    // Jan's copy has no note of sanne's: it was never on the server.
    assert_eq!(jan.scalar("SELECT count(*) FROM notes"), "0");

    // The teamleider's snapshot holds every client of the team; a klantmanager's
    // only their own.
    let snapshot = admin_db.path.with_file_name("team.sqlite");
    let made =
        String::from_utf8(take_snapshot(&admin_db, &snapshot, &cluster.url("tl")).stdout).unwrap();
    assert!(made.contains("2 klant(en)"), "{made}");
    let names: Vec<String> = rusqlite::Connection::open(&snapshot)
        .unwrap()
        .prepare("SELECT name FROM clients ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(names, ["Fatima el Amrani", "Kees Brouwer"]);
    let own = admin_db.path.with_file_name("eigen.sqlite");
    let made =
        String::from_utf8(take_snapshot(&admin_db, &own, &cluster.url("sanne")).stdout).unwrap();
    // A klantmanager's role reads only their own: Fatima, handed back.
    assert!(made.contains("1 klant(en)"), "{made}");
    // A file that is not a snapshot is never written over.
    let before = std::fs::read(&jan.path).unwrap();
    let out = take_snapshot(&admin_db, &jan.path, &cluster.url("tl"));
    assert_eq!(
        out.status.code(),
        Some(2),
        "a laptop's file is not a snapshot"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat al"));
    assert_eq!(std::fs::read(&jan.path).unwrap(), before);
}

/// The figures of `team view --json` of a snapshot: per member, `(member, clients,
/// open, late, in view, handled this week)`.
fn team_view(snapshot: &Path) -> Vec<(String, u64, u64, u64, u64, u64)> {
    let out = common::Db::cmd_for(snapshot)
        .args(["team", "view", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| {
            let n = |key: &str| r[key].as_u64().unwrap();
            (
                r["member"].as_str().unwrap().to_owned(),
                n("clients"),
                n("open"),
                n("late"),
                n("in_view"),
                n("handled_this_week"),
            )
        })
        .collect()
}

#[test]
fn the_teamleiders_snapshot_shows_the_team_and_is_brought_up_to_date() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    let jan = common::Db::new();
    // Sanne: two clients, one with a late item (the activity ended on the 20th,
    // its item is due the day after) and one handled today.
    let fatima = sanne.client("Fatima el Amrani", "job_ready");
    taaltraject(&sanne, fatima, "2026-10-01", "2026-11-20");
    let kees = sanne.client("Kees Brouwer", "beheer");
    let item = sanne.add(&[
        "item",
        "add",
        "--client",
        &kees.to_string(),
        "--title",
        "Bellen",
        "--due",
        "2026-11-22",
    ]);
    ok(
        &sanne,
        &[
            "item",
            "close",
            &item.to_string(),
            "--outcome",
            "uitgevoerd",
        ],
    );
    ok(&sanne, &["sweep"]);
    // Jan: one client.
    let piet = jan.client("Piet de Vries", "job_ready");
    for (db, member) in [(&sanne, "sanne"), (&jan, "jan")] {
        join(&cluster, db, member);
        ok(db, &["sync"]);
    }
    let work = |db: &common::Db| -> (u64, u64) {
        let items: Vec<serde_json::Value> =
            serde_json::from_str(&ok(db, &["worklist", "--json"])).unwrap();
        let late = items
            .iter()
            .filter(|i| i["due_date"].as_str().unwrap() < common::TODAY)
            .count();
        (items.len() as u64, late as u64)
    };
    let (sanne_open, sanne_late) = work(&sanne);
    assert!(sanne_late >= 1, "the expired traject is late");

    let snapshot = admin_db.path.with_file_name("team.sqlite");
    let made = take_snapshot(&admin_db, &snapshot, &cluster.url("tl"));
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let said = String::from_utf8_lossy(&made.stdout).into_owned();
    assert!(
        said.contains("3 klant(en)") && said.contains("3 opgehaald"),
        "{said}"
    );
    let (jan_open, jan_late) = work(&jan);
    assert_eq!(
        team_view(&snapshot),
        [
            ("jan".to_owned(), 1, jan_open, jan_late, 1, 0),
            ("sanne".to_owned(), 2, sanne_open, sanne_late, 2, 1),
        ]
    );

    // A copy of the server's is made again, not backed up beside itself.
    assert!(
        !inbeeld::store::backups_folder(&snapshot).exists(),
        "no daily backup of a snapshot"
    );
    let snapshot_again = || {
        String::from_utf8(take_snapshot(&admin_db, &snapshot, &cluster.url("tl")).stdout).unwrap()
    };
    // The snapshot is only read.
    let out = common::Db::cmd_for(&snapshot)
        .args(["note", "add", "--client", "1", "--text", "mag niet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("momentopname"));

    // Nothing changed on the server: nothing is fetched again.
    let again = snapshot_again();
    assert!(again.contains("0 opgehaald, 0 weggehaald"), "{again}");

    // A document sent without its hash (by an older inbeeld) is fetched again too.
    cluster
        .connect("postgres")
        .execute(
            "UPDATE clients SET data = data || '{\"sent_by\": \"oud\"}'::jsonb
             WHERE name = 'Piet de Vries'",
            &[],
        )
        .unwrap();
    let again = snapshot_again();
    assert!(again.contains("1 opgehaald"), "{again}");
    // Sanne writes a note and syncs: only that client comes again, with the note.
    ok(
        &sanne,
        &[
            "note",
            "add",
            "--client",
            &kees.to_string(),
            "--text",
            "Belt terug over de cursus",
        ],
    );
    ok(&sanne, &["sync"]);
    let again = snapshot_again();
    assert!(
        again.contains("3 klant(en)") && again.contains("1 opgehaald"),
        "{again}"
    );
    let conn = rusqlite::Connection::open(&snapshot).unwrap();
    let notes: i64 = conn
        .query_row(
            "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'cursus'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        notes, 1,
        "the new note is in the snapshot and found by its words"
    );
    let clients: i64 = conn
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(clients, 3, "the old copy of the client went");
    drop(conn);

    // A handover moves the client in the team view without fetching it.
    assign(&cluster, &admin_db, &uuid_of(&jan, piet), "sanne");
    let again = snapshot_again();
    assert!(again.contains("0 opgehaald"), "{again}");
    let members: Vec<(String, u64)> = team_view(&snapshot)
        .into_iter()
        .map(|(member, clients, ..)| (member, clients))
        .collect();
    assert_eq!(members, [("sanne".to_owned(), 3)]);

    // A document is checked as of the day it was sent: an activity that ended after
    // its klantmanager's last sync gets its item from the snapshot's own sweep.
    sanne.add(&[
        "activity",
        "add",
        "--client",
        &kees.to_string(),
        "--type",
        "hulpverlening",
        "--title",
        "Sollicitatietraining",
        "--start",
        "2026-11-22",
        "--end",
        "2026-11-24",
    ]);
    ok(&sanne, &["sync"]);
    let later = admin_db.path.with_file_name("later.sqlite");
    let out = admin_db
        .cmd_on("2026-11-27")
        .args([
            "team",
            "snapshot",
            "--out",
            later.to_str().unwrap(),
            "--url",
            &cluster.url("tl"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: i64 = rusqlite::Connection::open(&later)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM work_items w JOIN activities a ON a.id = w.source_activity_id
             WHERE a.title = 'Sollicitatietraining'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(items, 1);
    // A client gone from the server goes from the snapshot.
    let mut admin = cluster.connect("postgres");
    admin.execute("DELETE FROM client_rows", &[]).unwrap();
    admin
        .execute("DELETE FROM clients WHERE name = 'Piet de Vries'", &[])
        .unwrap();
    let again = snapshot_again();
    assert!(
        again.contains("2 klant(en)") && again.contains("1 weggehaald"),
        "{again}"
    );
    let check = common::Db::cmd_for(&snapshot)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_sync_killed_at_any_moment_is_completed_by_the_next() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let laptop = common::Db::new();
    ok(&laptop, &["demo", "--no-open", "--clients", "40"]);
    join(&cluster, &laptop, "sanne");
    let clients: Vec<i64> = laptop
        .conn()
        .prepare("SELECT id FROM clients ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Twenty syncs, each killed after a different wait, each with a new note to send.
    for round in 0..20u64 {
        let client = clients[round as usize % clients.len()].to_string();
        ok(
            &laptop,
            &[
                "note",
                "add",
                "--client",
                &client,
                "--text",
                &format!("ronde {round}"),
            ],
        );
        let mut sync = Command::new(assert_cmd::cargo::cargo_bin("inbeeld"))
            .env("INBEELD_DB", &laptop.path)
            .env(
                "INBEELD_SETTINGS",
                laptop.path.with_file_name("instellingen.toml"),
            )
            .env("INBEELD_TODAY", common::TODAY)
            .arg("sync")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis((round * 37) % 400));
        let _ = sync.kill();
        let _ = sync.wait();
    }
    let done = ok(&laptop, &["sync"]);
    assert!(done.starts_with("Gesynchroniseerd"), "{done}");
    let status: serde_json::Value =
        serde_json::from_str(&ok(&laptop, &["team", "status", "--json"])).unwrap();
    assert_eq!(status["pending"], 0, "everything is sent");

    // The server holds every client once, with every note, and one expiry item per
    // activity cycle, as many as the laptop has.
    let mut admin = cluster.connect("postgres");
    let on_server: i64 = admin
        .query_one("SELECT count(*) FROM clients", &[])
        .unwrap()
        .get(0);
    assert_eq!(on_server, clients.len() as i64);
    let notes: i64 = admin
        .query_one(
            "SELECT coalesce(sum(jsonb_array_length(data -> 'clients' -> 0 -> 'notes')), 0)::bigint
             FROM clients",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        notes.to_string(),
        laptop.scalar("SELECT count(*) FROM notes")
    );
    let items: i64 = admin
        .query_one(
            "SELECT count(*) FROM client_rows WHERE kind = 'work_item'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        items.to_string(),
        laptop.scalar(
            "SELECT count(*) FROM (SELECT DISTINCT source_activity_id, source_end_date, kind_code
             FROM work_items WHERE source = 'activity')"
        )
    );
    // And a sync now has nothing to do.
    let again = ok(&laptop, &["sync"]);
    assert!(again.contains("0 verstuurd, 0 opgehaald"), "{again}");

    // The server stops: the laptop works on and says so; it starts: the backlog goes.
    cluster.stop_server();
    let client = clients[0].to_string();
    ok(
        &laptop,
        &[
            "note",
            "add",
            "--client",
            &client,
            "--text",
            "offline genoteerd",
        ],
    );
    let out = inbeeld(&laptop, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("de server antwoordt niet"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: serde_json::Value =
        serde_json::from_str(&ok(&laptop, &["team", "status", "--json"])).unwrap();
    assert_eq!(status["pending"], 1);
    cluster.start_server();
    let back = ok(&laptop, &["sync"]);
    assert!(back.contains("1 verstuurd"), "{back}");
}

#[test]
fn the_cockpit_syncs_in_the_background_and_says_when_it_is_offline() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use inbeeld::tui::{App, Session};
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let laptop = common::Db::new();
    laptop.client("Fatima el Amrani", "job_ready");
    join(&cluster, &laptop, "sanne");
    let today = common::TODAY.parse().unwrap();
    let store = inbeeld::store::Store::open(&laptop.path).unwrap();
    let mut app = App::new(store, Session::new(today, true, &laptop.path)).unwrap();
    app.start_sync(laptop.path.clone());
    let wait_for = |app: &mut App, start: &str| {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::time::Instant::now() < until {
            app.poll_sync();
            if app.sync_label().is_some_and(|l| l.starts_with(start)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the status never said {start:?}: {:?}", app.sync_label());
    };
    wait_for(&mut app, "gesynchroniseerd");
    let mut admin = cluster.connect("postgres");
    let on_server: i64 = admin
        .query_one("SELECT count(*) FROM clients WHERE owner = 'sanne'", &[])
        .unwrap()
        .get(0);
    assert_eq!(on_server, 1, "the background sync sent the client");
    drop(admin);

    // The server stops: Ctrl-L syncs now, and the status line says since when the
    // server has not answered; the cockpit works on.
    cluster.stop_server();
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    app.handle_key(ctrl_l);
    wait_for(&mut app, "offline sinds");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    // Any key puts the status line back (the message of Ctrl-L goes).
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let shown = format!("{}", terminal.backend());
    assert!(shown.contains("offline sinds"), "{shown}");
    cluster.start_server();
    app.handle_key(ctrl_l);
    wait_for(&mut app, "gesynchroniseerd");
}

#[test]
fn the_connection_is_encrypted_and_the_certificate_checked() {
    let Some(cluster) = Cluster::start_tls() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let port = cluster.tcp.unwrap();
    let ca = cluster.dir.path().join("ca.pem");
    let other = cluster.dir.path().join("other-ca.pem");
    let over_tcp =
        |host: &str, tls: &str| format!("host={host} port={port} user=sanne dbname=postgres {tls}");
    let probe = |url: &str| inbeeld(&admin_db, &["team", "member", "list", "--url", url]);
    let refused = |url: &str, expected: &str| {
        let out = probe(url);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{url} should be refused");
        assert!(said.contains(expected), "{url}: {said}");
    };

    // verify-full: the whole way, from a laptop's join to its sync.
    let full = over_tcp(
        "localhost",
        &format!("sslmode=verify-full sslrootcert={}", ca.display()),
    );
    let sanne = common::Db::new();
    sanne.client("Fatima el Amrani", "job_ready");
    ok(&sanne, &["team", "join", "--url", &full, "--as", "sanne"]);
    let synced = ok(&sanne, &["sync"]);
    assert!(synced.contains("1 verstuurd"), "{synced}");
    // The same as a URL, the root's path written with %2F.
    let as_url = format!(
        "postgresql://sanne@localhost:{port}/postgres?sslmode=verify-full&sslrootcert={}",
        ca.display().to_string().replace('/', "%2F")
    );
    assert!(probe(&as_url).status.success());

    // Without TLS the server takes no connection over the network (its pg_hba.conf
    // has hostssl only): so each that got in above was encrypted.
    refused(&over_tcp("localhost", "sslmode=disable"), "pg_hba.conf");
    // A certificate made out to another name, or from a root not trusted, is
    // refused as verify-full asks.
    refused(
        &over_tcp(
            "127.0.0.1",
            &format!("sslmode=verify-full sslrootcert={}", ca.display()),
        ),
        "niet veilig te maken",
    );
    refused(
        &over_tcp(
            "localhost",
            &format!("sslmode=verify-full sslrootcert={}", other.display()),
        ),
        "niet veilig te maken",
    );
    refused(
        &over_tcp(
            "localhost",
            &format!("sslmode=verify-ca sslrootcert={}", other.display()),
        ),
        "niet veilig te maken",
    );
    refused(
        &over_tcp(
            "localhost",
            "sslmode=verify-full sslrootcert=/bestaat/niet.pem",
        ),
        "rootcertificaat",
    );
    refused(&over_tcp("localhost", "sslmode=verify-all"), "sslmode");
    // verify-ca or verify-full without a root to check against: refused, as libpq
    // does, rather than trusting every public certificate.
    refused(
        &over_tcp("localhost", "sslmode=verify-ca"),
        "geen rootcertificaat",
    );
    refused(
        &over_tcp("localhost", "sslmode=require sslrootcert=system"),
        "verify-full",
    );
    // verify-ca checks the root, not the name; require encrypts without checking.
    for tls in [
        format!("sslmode=verify-ca sslrootcert={}", ca.display()),
        "sslmode=require".to_owned(),
        String::new(),
    ] {
        let url = over_tcp("127.0.0.1", &tls);
        let out = probe(&url);
        assert!(
            out.status.success(),
            "{url}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
