//! The team trusted: what leaves a laptop is what the receiver accepts, a handover
//! takes its aanvraag along, one bad document blocks nobody, no notice is lost, one
//! file per member, and access that holds with a stand-in. Each against a real
//! PostgreSQL cluster (see `team.rs`).

use crate::common;
use crate::team::{assign, inbeeld, join, ok, take_snapshot, team, uuid_of, why, Cluster};

/// The client table of a laptop, by name.
fn names(db: &common::Db, sql_where: &str) -> Vec<String> {
    let conn = db.conn();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT name FROM clients WHERE {sql_where} ORDER BY name"
        ))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn what_leaves_a_laptop_is_swept_as_of_its_moment_and_checked_as_the_receiver_checks() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    let jan = common::Db::new();
    let fatima = sanne.client("Fatima el Amrani", "job_ready");
    sanne.on(
        "2026-11-21",
        &[
            "activity",
            "add",
            "--client",
            &fatima.to_string(),
            "--type",
            "traject",
            "--title",
            "Taaltraject",
            "--start",
            "2026-11-01",
            "--end",
            "2026-11-22",
        ],
    );
    join(&cluster, &sanne, "sanne");
    join(&cluster, &jan, "jan");
    sanne.on("2026-11-21", &["sync"]);
    // An edit the evening before; the morning the traject ends, the sync is the
    // first command of the day: the document leaves with the traject's item.
    sanne.on(
        "2026-11-21",
        &[
            "contact",
            "add",
            "--client",
            &fatima.to_string(),
            "--channel",
            "telefoon",
            "--note",
            "Gebeld",
        ],
    );
    let sent = sanne.on("2026-11-22", &["sync"]);
    assert!(sent.contains("1 verstuurd"), "{sent}");
    assert!(!sent.contains("Niet verstuurd"), "{sent}");

    // The teamleider's snapshot takes her in, and so does jan after a handover.
    let snapshot = admin_db.path.with_file_name("team.sqlite");
    let out = take_snapshot(&admin_db, &snapshot, &cluster.url("tl"));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 klant(en) van het team"), "{said}");
    assign(&cluster, &admin_db, &uuid_of(&sanne, fatima), "jan");
    let pulled = jan.on("2026-11-22", &["sync"]);
    assert!(pulled.contains("1 opgehaald"), "{pulled}");
    assert_eq!(
        jan.scalar(
            "SELECT count(*) FROM work_items WHERE source = 'activity' AND source_end_date = '2026-11-22'"
        ),
        "1",
        "the traject's item, once"
    );
    let released = sanne.on("2026-11-23", &["sync"]);
    assert!(released.contains("1 overgedragen"), "{released}");

    // A file the receiver would refuse: nothing leaves, and the refusal names the
    // client, not her place in the bundle.
    let kees = sanne.client("Kees Brouwer", "beheer");
    sanne
        .conn()
        .execute(
            "UPDATE clients SET phone = '06' || char(27) || '[2J' WHERE id = ?1",
            [kees],
        )
        .unwrap();
    let out_path = sanne.path.with_file_name("kees.json");
    let out = inbeeld(
        &sanne,
        &[
            "export",
            "--plain",
            "--client",
            &kees.to_string(),
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Kees Brouwer: de klant") && err.contains("stuurteken"),
        "{err}"
    );
    assert!(!out_path.exists(), "nothing written");
    let synced = sanne.on("2026-11-23", &["sync"]);
    assert!(
        synced.contains("Niet verstuurd, de server zou het weigeren: Kees Brouwer (van sanne)"),
        "{synced}"
    );
    let mut admin = cluster.connect("postgres");
    let on_server: i64 = admin
        .query_one(
            "SELECT count(*) FROM clients WHERE name = 'Kees Brouwer'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(on_server, 0, "the refused document stayed on the laptop");
}

#[test]
fn a_handover_takes_a_waiting_aanvraag_along_and_one_client_blocks_no_other() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    let jan = common::Db::new();
    let fatima = sanne.client("Fatima el Amrani", "job_ready");
    let kees = sanne.client("Kees Brouwer", "beheer");
    sanne.aanvraag(common::TODAY, &fatima.to_string(), "2026-11-20");
    join(&cluster, &sanne, "sanne");
    join(&cluster, &jan, "jan");
    ok(&sanne, &["sync"]);
    assign(&cluster, &admin_db, &uuid_of(&sanne, fatima), "jan");
    assign(&cluster, &admin_db, &uuid_of(&sanne, kees), "jan");
    let pulled = ok(&jan, &["sync"]);
    assert!(pulled.contains("2 opgehaald"), "{pulled}");
    let released = ok(&sanne, &["sync"]);
    assert!(released.contains("2 overgedragen"), "{released}");
    assert!(
        names(&sanne, "ended_on IS NULL").is_empty(),
        "on one laptop only"
    );
    assert_eq!(
        names(&jan, "ended_on IS NULL"),
        ["Fatima el Amrani", "Kees Brouwer"]
    );
    assert_eq!(
        jan.scalar("SELECT count(*) FROM applications WHERE status = 'open'"),
        "1",
        "the aanvraag travels with her, still waiting for its besluit"
    );
    // One client that cannot be let go keeps no other: Lotte, registered on a day
    // after the one this sync runs on, stays (and says why); Noor goes.
    let lotte = sanne.on(
        "2026-11-24",
        &[
            "client",
            "add",
            "--name",
            "Lotte de Vries",
            "--category",
            "beheer",
        ],
    );
    let lotte = lotte.trim().to_owned();
    let noor = sanne.client("Noor Bakker", "beheer");
    sanne.on("2026-11-24", &["sync"]);
    let lotte_id: i64 = lotte.parse().unwrap();
    assign(&cluster, &admin_db, &uuid_of(&sanne, lotte_id), "jan");
    assign(&cluster, &admin_db, &uuid_of(&sanne, noor), "jan");
    let partly = sanne.on("2026-11-23", &["sync"]);
    assert!(partly.contains("1 overgedragen"), "{partly}");
    assert!(
        partly.contains("Blijft voorlopig hier: Lotte de Vries: "),
        "{partly}"
    );
    assert_eq!(names(&sanne, "ended_on IS NULL"), ["Lotte de Vries"]);
    // The handover bundle between laptops takes it along too.
    let piet = common::Db::new();
    let lotte = piet.client("Lotte de Vries", "job_ready");
    piet.aanvraag(common::TODAY, &lotte.to_string(), "2026-11-20");
    let bundle = piet.path.with_file_name("lotte.json");
    let out = inbeeld(
        &piet,
        &[
            "export",
            "--plain",
            "--client",
            &lotte.to_string(),
            "--out",
            bundle.to_str().unwrap(),
            "--end",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        piet.scalar(&format!(
            "SELECT end_reason FROM clients WHERE id = {lotte}"
        )),
        "overgedragen"
    );
}

#[test]
fn the_snapshot_takes_every_good_document_and_names_the_others() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    for name in [
        "Fatima el Amrani",
        "Kees Brouwer",
        "Lotte de Vries",
        "Noor Bakker",
        "Anna Visser",
    ] {
        sanne.client(name, "job_ready");
    }
    join(&cluster, &sanne, "sanne");
    ok(&sanne, &["sync"]);
    let mut admin = cluster.connect("postgres");
    // Documents a laptop could not have made, and one that is no document at all.
    admin
        .batch_execute(
            "UPDATE clients SET data = jsonb_set(data, '{clients,0,client,category_code}', '\"vip\"'),
                 doc_hash = 'x' WHERE name = 'Kees Brouwer';
             UPDATE clients SET data = '{\"hallo\": 1}', doc_hash = 'y' WHERE name = 'Lotte de Vries';
             UPDATE clients SET data = jsonb_set(data, '{clients,0,client,registered_on}', '\"2030-01-01\"'),
                 doc_hash = 'z' WHERE name = 'Noor Bakker';
             UPDATE clients SET data = jsonb_set(data, '{clients,0,client,name}', to_jsonb('Anna ' || chr(8238) || 'resseV')),
                 doc_hash = 'w' WHERE name = 'Anna Visser'",
        )
        .unwrap();
    let snapshot = admin_db.path.with_file_name("team.sqlite");
    let out = take_snapshot(&admin_db, &snapshot, &cluster.url("tl"));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("Niet in de momentopname: Kees Brouwer (van sanne): ")
            && said.contains("verwijst naar iets dat er niet is"),
        "{said}"
    );
    assert!(
        said.contains("Niet in de momentopname: een klant van sanne")
            && said.contains("geen inbeeld-document"),
        "{said}"
    );
    assert!(
        said.contains("Niet in de momentopname: Noor Bakker (van sanne): ingeschreven na vandaag"),
        "{said}"
    );
    assert!(
        said.contains("Niet in de momentopname: een klant van sanne (")
            && said.contains("stuurteken (U+202E)"),
        "{said}"
    );
    assert!(
        !said.contains('\u{202E}'),
        "a name is printed only when it may be"
    );
    assert!(said.contains("1 klant(en) van het team"), "{said}");
    let taken = common::Db::cmd_for(&snapshot)
        .args(["client", "list", "--json"])
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&taken.stdout).unwrap();
    let listed: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        listed,
        ["Fatima el Amrani"],
        "the count is what is in the file"
    );

    // A handover refuses them alike, and takes the good one in.
    let jan = common::Db::new();
    join(&cluster, &jan, "jan");
    for name in ["Fatima el Amrani", "Kees Brouwer", "Noor Bakker"] {
        let uuid: String = admin
            .query_one("SELECT uuid::text FROM clients WHERE name = $1", &[&name])
            .unwrap()
            .get(0);
        assign(&cluster, &admin_db, &uuid, "jan");
    }
    let pulled = ok(&jan, &["sync"]);
    assert!(pulled.contains("1 opgehaald"), "{pulled}");
    assert!(
        pulled.contains("Niet opgehaald: Kees Brouwer (van jan): ")
            && pulled.contains("verwijst naar iets dat er niet is"),
        "{pulled}"
    );
    assert!(
        pulled.contains("Niet opgehaald: Noor Bakker (van jan): ")
            && pulled.contains("ingeschreven na vandaag"),
        "{pulled}"
    );
    assert!(
        !pulled.contains("bundel geweigerd"),
        "each named once: {pulled}"
    );
    assert_eq!(names(&jan, "1 = 1"), ["Fatima el Amrani"]);
}

#[test]
fn every_notice_becomes_a_work_item_and_only_those_are_marked_seen() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    let fatima = sanne.client("Fatima el Amrani", "job_ready");
    join(&cluster, &sanne, "sanne");
    ok(&sanne, &["sync"]);
    let uuid = uuid_of(&sanne, fatima);
    let mut admin = cluster.connect("postgres");
    admin
        .batch_execute(&format!(
            "INSERT INTO notices (for_member, client_uuid, text, created_by) VALUES
                 ('sanne', '{uuid}', 'Bel Fatima over de taalles', 'jan'),
                 ('sanne', '{uuid}', 'Kapot' || chr(27) || '[2J bericht', 'jan'),
                 ('sanne', '00000000-0000-4000-8000-00000000dead', 'Over een ander', 'jan'),
                 ('sanne', '{uuid}', 'Stuur de brief opnieuw', 'jan')"
        ))
        .unwrap();
    ok(&sanne, &["sync"]);
    let titles = |db: &common::Db| -> Vec<String> {
        let conn = db.conn();
        let mut stmt = conn
            .prepare("SELECT title FROM work_items WHERE source <> 'rhythm' ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let taken = titles(&sanne);
    assert!(
        taken.iter().any(|t| t == "Bel Fatima over de taalles"),
        "{taken:?}"
    );
    assert!(
        taken.iter().any(|t| t == "Stuur de brief opnieuw"),
        "{taken:?}"
    );
    assert!(
        taken
            .iter()
            .any(|t| t.starts_with("Een bericht van jan over deze klant was niet te lezen")),
        "the unreadable one is not lost: {taken:?}"
    );
    let unseen: Vec<String> = admin
        .query("SELECT text FROM notices WHERE seen_at IS NULL", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(unseen, ["Over een ander"], "what became no item waits");
    ok(&sanne, &["sync"]);
    assert_eq!(titles(&sanne), taken, "a second sync makes no item twice");
}

#[test]
fn one_file_per_member_until_it_lets_go() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let laptop = common::Db::new();
    let second = common::Db::new();
    laptop.client("Fatima el Amrani", "job_ready");
    join(&cluster, &laptop, "sanne");
    ok(&laptop, &["sync"]);
    let out = inbeeld(
        &second,
        &[
            "team",
            "join",
            "--url",
            &cluster.url("sanne"),
            "--as",
            "sanne",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("sanne is al gekoppeld aan een ander bestand"),
        "{err}"
    );
    // The URL must log in as the member it names.
    let out = inbeeld(
        &second,
        &[
            "team",
            "join",
            "--url",
            &cluster.url("jan"),
            "--as",
            "sanne",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("aangemeld als jan"));

    let left = ok(&laptop, &["team", "leave"]);
    assert!(left.contains("hoort niet meer bij sanne"), "{left}");
    join(&cluster, &second, "sanne");
    let pulled = ok(&second, &["sync"]);
    assert!(
        pulled.contains("1 opgehaald"),
        "the new laptop takes her clients in: {pulled}"
    );
    let out = inbeeld(&laptop, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("team join"));
}

#[test]
fn only_the_teamleider_moves_an_owner_and_nobody_learns_of_a_client_they_do_not_work_on() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne_db = common::Db::new();
    let fatima = sanne_db.add(&[
        "client",
        "add",
        "--name",
        "Fatima el Amrani",
        "--category",
        "job_ready",
        "--bsn",
        "111222333",
    ]);
    join(&cluster, &sanne_db, "sanne");
    ok(&sanne_db, &["sync"]);
    let fatima_uuid = uuid_of(&sanne_db, fatima);
    let mut jan = cluster.connect("jan");

    // Notices: only through the server, which writes the sender; only about a
    // client the sender works on, leads or once owned.
    let err = jan
        .execute(
            "INSERT INTO notices (for_member, client_uuid, text, created_by)
             VALUES ('sanne', $1::text::uuid, 'nep', 'tl')",
            &[&fatima_uuid],
        )
        .unwrap_err();
    assert!(why(&err).contains("permission denied"), "{}", why(&err));
    let err = jan
        .execute(
            "SELECT inbeeld_leave_notice($1::text::uuid, 'nep')",
            &[&fatima_uuid],
        )
        .unwrap_err();
    assert!(why(&err).contains("niet aan werkt"), "{}", why(&err));

    // What jan can learn of sanne's client: nothing. Her owner is not told, and a
    // client with her BSN is taken like any other.
    let owner: Option<String> = jan
        .query_one("SELECT inbeeld_owner_of($1::text::uuid)", &[&fatima_uuid])
        .unwrap()
        .get(0);
    assert_eq!(owner, None);
    jan.execute(
        "INSERT INTO clients (uuid, owner, name, bsn)
         VALUES ('00000000-0000-4000-8000-000000000077', 'jan', 'Proef', '111222333')",
        &[],
    )
    .unwrap();
    let seen: i64 = jan
        .query_one("SELECT count(*) FROM clients", &[])
        .unwrap()
        .get(0);
    assert_eq!(seen, 1, "only his own");
    // A client registered in a colleague's name is refused.
    let err = jan
        .execute(
            "INSERT INTO clients (uuid, owner, name)
             VALUES ('00000000-0000-4000-8000-000000000078', 'sanne', 'Untergeschoben')",
            &[],
        )
        .unwrap_err();
    assert!(why(&err).contains("row-level security"), "{}", why(&err));
    // Two clients with one BSN: assign asks for the uuid.
    let out = inbeeld(
        &admin_db,
        &[
            "team",
            "assign",
            "--client",
            "111222333",
            "--to",
            "jan",
            "--url",
            &cluster.url("tl"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bij 2 klanten"));

    // A stand-in works on sanne's clients and moves no owner, not even their own.
    let mut tl = cluster.connect("tl");
    tl.execute(
        "INSERT INTO stand_ins (for_member, by_member, from_date, to_date)
         VALUES ('sanne', 'jan', current_date, current_date + 14)",
        &[],
    )
    .unwrap();
    jan.execute(
        "UPDATE clients SET updated_at = now() WHERE uuid = $1::text::uuid",
        &[&fatima_uuid],
    )
    .unwrap();
    for (uuid, to) in [
        (fatima_uuid.as_str(), "jan"),
        ("00000000-0000-4000-8000-000000000077", "sanne"),
    ] {
        let err = jan
            .execute(
                "UPDATE clients SET owner = $2 WHERE uuid = $1::text::uuid",
                &[&uuid, &to],
            )
            .unwrap_err();
        assert!(why(&err).contains("alleen de teamleider"), "{}", why(&err));
    }
    let mut admin = cluster.connect("postgres");
    let owner: String = admin
        .query_one(
            "SELECT owner FROM clients WHERE uuid = $1::text::uuid",
            &[&fatima_uuid],
        )
        .unwrap()
        .get(0);
    assert_eq!(owner, "sanne");

    // No administrator as klantmanager, no client for a teamleider.
    let out = inbeeld(
        &admin_db,
        &[
            "team",
            "member",
            "add",
            "postgres",
            "--url",
            &cluster.url("postgres"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("beheerrol"));
    let out = inbeeld(
        &admin_db,
        &[
            "team",
            "assign",
            "--client",
            &fatima_uuid,
            "--to",
            "tl",
            "--url",
            &cluster.url("tl"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tl is teamleider"));
}

#[test]
fn no_password_is_kept_and_a_silent_server_is_given_up_on() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let admin_db = common::Db::new();
    team(&cluster, &admin_db);
    let sanne = common::Db::new();
    sanne.client("Fatima el Amrani", "job_ready");
    let url = format!("{} password=Geheim-4711", cluster.url("sanne"));
    ok(&sanne, &["team", "join", "--url", &url, "--as", "sanne"]);
    ok(&sanne, &["sync"]);
    let status = ok(&sanne, &["team", "status"]) + &ok(&sanne, &["team", "status", "--json"]);
    assert!(
        status.contains("user=sanne") && !status.contains("Geheim"),
        "{status}"
    );
    let mut folders = vec![sanne.path.parent().unwrap().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(11).any(|w| w == b"Geheim-4711"),
                "the password is in {}",
                path.display()
            );
        }
    }

    // A server that takes the connection and then says nothing.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for stream in silent.incoming().take(2) {
            open.push(stream);
        }
        std::thread::sleep(std::time::Duration::from_secs(30));
    });
    sanne
        .conn()
        .execute(
            "UPDATE meta SET value = ?1 WHERE key = 'team_url'",
            [format!(
                "host=127.0.0.1 port={port} user=sanne sslmode=disable"
            )],
        )
        .unwrap();
    let out = sanne
        .cmd()
        .env("INBEELD_TEAM_TIMEOUT", "2")
        .arg("sync")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("antwoordde niet binnen 2 seconden"), "{err}");
    drop(held);
}
