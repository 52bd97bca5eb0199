//! Deterministic demo caseloads: the same seed and `today` give the same file.
//! Used by `inbeeld demo`, by the tests and by the benchmarks.

mod words;

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;

use crate::domain::bsn;
use crate::domain::client::NewClient;
use crate::domain::date::add_days;
use crate::domain::work_item::{expiry_due, expiry_title};
use crate::store::{ClosedCycle, Loader, Result, Store};
use crate::workflow;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub clients: u32,
    pub years: u32,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clients: 60,
            years: 1,
            seed: 2026,
        }
    }
}

/// Category, its share of the caseload in percent, and the chance in percent that a
/// client in it is out of view (the research found half to three quarters of the
/// long-term clients out of view; the nearer the labour market, the fewer).
const CATEGORY_MIX: &[(&str, u32, u32)] = &[
    ("job_ready", 15, 5),
    ("bijna_job_ready", 20, 15),
    ("nog_niet_job_ready", 25, 30),
    ("niet_job_ready", 25, 50),
    ("beheer", 15, 60),
];

const CHANNELS: &[&str] = &[
    "telefoon",
    "telefoon",
    "telefoon",
    "whatsapp",
    "beeldbellen",
    "op_locatie",
    "op_locatie",
    "email",
];

/// Fills an empty database with a caseload as of `today`, in one transaction.
pub fn generate(store: &mut Store, options: Options, today: NaiveDate) -> Result<()> {
    let catalog = store.catalog()?;
    let description = json!({
        "clients": options.clients,
        "years": options.years,
        "seed": options.seed,
        "today": today,
    });
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    // The rest of the clock draws from its own stream: every other draw of a seed
    // stays where it was.
    let mut clock_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x5eed_c10c);
    let mut new_inflow = Vec::new();
    let calendar = store.legal_calendar()?;
    store.bulk_load(true, description, |loader| {
        for _ in 0..options.clients {
            let (category, out_of_view_pct) = pick_category(&mut rng);
            let rhythm = catalog.category(category)?.contact_rhythm_days;
            let allowed: Vec<&str> = catalog
                .types_for_category(category)
                .iter()
                .map(|t| t.code.as_str())
                .collect();
            let client = ClientPlan {
                category,
                rhythm,
                out_of_view: rng.random_range(0..100) < out_of_view_pct,
                registered_on: days_before(
                    today,
                    rng.random_range(30..=(365 * options.years.max(1) as u64)),
                ),
            };
            let id = generate_client(
                loader,
                &mut rng,
                &client,
                &allowed,
                (&catalog, &calendar),
                today,
            )?;
            rest_of_clock(
                loader,
                &mut clock_rng,
                (id, client.registered_on),
                (&catalog, &calendar),
                today,
            )?;
            if rng.random_bool(0.15) {
                new_inflow.push(id);
            }
        }
        Ok(())
    })?;
    // Recent aanvragen, through the same calls as `inbeeld aanvraag`: their terms are
    // computed, and half wait for missing information.
    for client in new_inflow {
        let received = workday_before(days_before(today, rng.random_range(3..50)));
        let app = workflow::add_application(store, client, received, false, today)?.id();
        // A client under 27 first searches four weeks; the aanvraag comes in when
        // they are over.
        let view = store.application(app)?.application;
        if let Some(expected) = view.expected_on.filter(|e| *e <= today) {
            workflow::receive_application(store, app, expected, None, today)?;
        }
        let received_on = store.application(app)?.application.received_on;
        let given = workday_after(days_after(
            received_on.unwrap_or(today),
            rng.random_range(1..5),
        ));
        let in_yet = received_on.is_some();
        if rng.random_bool(0.5) && given <= today && in_yet {
            let end = calendar.next_working_day(days_after(given, 14));
            // Proof of leaving a previous municipality is asked of a newcomer only.
            let newcomer = (today - store.client(client)?.registered_on).num_days() < 90;
            let asked: Vec<&str> = words::titles("hersteltermijn")
                .iter()
                .copied()
                .filter(|t| newcomer || !t.contains("uitschrijving"))
                .collect();
            workflow::give_hersteltermijn(store, app, pick(&mut rng, &asked), given, end, today)?;
        }
    }
    Ok(())
}

struct ClientPlan {
    category: &'static str,
    rhythm: i64,
    out_of_view: bool,
    registered_on: NaiveDate,
}

fn pick_category(rng: &mut ChaCha8Rng) -> (&'static str, u32) {
    let mut roll = rng.random_range(0..100);
    for &(code, share, out) in CATEGORY_MIX {
        if roll < share {
            return (code, out);
        }
        roll -= share;
    }
    ("beheer", 60)
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    add_days(date, -(days as i64))
}

fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    add_days(date, days as i64)
}

/// The statutory feestdagen and weekends: a klantmanager works on neither, so the
/// demo plans and registers nothing on them.
static WORKING_DAYS: std::sync::LazyLock<crate::domain::calendar::LegalCalendar> =
    std::sync::LazyLock::new(|| crate::domain::calendar::LegalCalendar::new(Vec::new()));

/// `date`, or the working day after it.
fn workday_after(date: NaiveDate) -> NaiveDate {
    WORKING_DAYS.next_working_day(date)
}

/// `date`, or the working day before it (for what already happened).
fn workday_before(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while !WORKING_DAYS.is_working_day(day) {
        day = add_days(day, -1);
    }
    day
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &'a [&'a str]) -> &'a str {
    items.choose(rng).copied().unwrap_or_default()
}

fn new_client(rng: &mut ChaCha8Rng, category: &str, today: NaiveDate) -> NewClient {
    let first = pick(rng, words::FIRST_NAMES);
    let last = pick(rng, words::LAST_NAMES);
    let bsn = loop {
        if let Some(bsn) = bsn::complete(rng.random_range(10_000_000..100_000_000)) {
            break bsn;
        }
    };
    let age_days = rng.random_range(18 * 365..66 * 365);
    // Şahin writes sahin in an address.
    let email_name: String = crate::domain::search::fold(&format!("{first}.{last}"))
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    NewClient {
        name: format!("{first} {last}"),
        birth_date: Some(days_before(today, age_days)),
        category: category.to_owned(),
        phone: Some(format!(
            "06-{:08}",
            rng.random_range(10_000_000..100_000_000u32)
        )),
        email: rng
            .random_bool(0.7)
            .then(|| format!("{email_name}@example.nl")),
        contact_preference: Some(
            pick(rng, &["telefoon", "whatsapp", "beeldbellen", "op_locatie"]).to_owned(),
        ),
        parts: crate::domain::name::NameParts::split(&format!("{first} {last}"))
            .unwrap_or_default(),
        address: address(bsn.as_str()),
        bsn: Some(bsn),
    }
}

/// An address in Zwolle, drawn from the client's own BSN so that the demo's other
/// draws (and so its caseload) stay as they were.
fn address(bsn: &str) -> crate::domain::name::Address {
    let mut rng = ChaCha8Rng::seed_from_u64(bsn.parse().unwrap_or_default());
    let letter = |rng: &mut ChaCha8Rng| char::from(b'A' + rng.random_range(0..26u8));
    crate::domain::name::Address {
        street: Some(pick(&mut rng, words::STREETS).to_owned()),
        house_number: Some(rng.random_range(1..180u32).to_string()),
        addition: None,
        postcode: Some(format!(
            "{} {}{}",
            rng.random_range(8011..8043u32),
            letter(&mut rng),
            letter(&mut rng)
        )),
        city: Some("Zwolle".to_owned()),
    }
}

fn generate_client(
    loader: &Loader,
    rng: &mut ChaCha8Rng,
    plan: &ClientPlan,
    allowed: &[&str],
    (catalog, calendar): (
        &crate::domain::catalog::Catalog,
        &crate::domain::calendar::LegalCalendar,
    ),
    today: NaiveDate,
) -> Result<i64> {
    let new = new_client(rng, plan.category, today);
    // Contacts: about ten a year. A client out of view was last spoken to well
    // beyond the rhythm (and registered before that), a few never since registration.
    let rhythm = plan.rhythm as u64;
    let last_contact_ago = if plan.out_of_view {
        rhythm + rng.random_range(7..=rhythm.max(60))
    } else {
        rng.random_range(0..=rhythm.saturating_sub(3).max(1))
    };
    let registered_on = if plan.out_of_view {
        plan.registered_on.min(days_before(
            today,
            last_contact_ago + rng.random_range(0..120),
        ))
    } else {
        plan.registered_on
    };
    let id = loader.client(&new, registered_on)?;
    let since_registration = (today - registered_on).num_days().max(1) as u64;
    if last_contact_ago < since_registration {
        let mut ago = last_contact_ago;
        let mut first = true;
        while ago < since_registration {
            let date = workday_before(days_before(today, ago));
            let no_show = !first && rng.random_bool(0.08);
            let note = rng
                .random_bool(0.6)
                .then(|| pick(rng, words::CONTACT_NOTES));
            loader.contact(id, pick(rng, CHANNELS), date, note, no_show)?;
            if rng.random_bool(0.8) {
                loader.note(id, date, pick(rng, words::NOTES))?;
            }
            first = false;
            ago += rng.random_range(20..=52);
        }
    }

    // Activities: about five a year, one after another. Cycles that ended more than
    // two weeks ago were handled; later ones are still open, so the werkvoorraad has
    // overdue and fresh items.
    let mut start = days_after(registered_on, rng.random_range(0..30));
    // Trajecten and onderzoeken: what the demo's outcomes (afgerond, afgebroken) handle.
    let durable: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|t| {
            catalog
                .activity_type(t)
                .is_ok_and(|a| ["traject", "onderzoek"].contains(&a.expiry_kind.as_str()))
        })
        .collect();
    while start < today && !durable.is_empty() {
        let type_code = pick(rng, &durable);
        let activity_type = catalog.activity_type(type_code)?;
        let title = pick(rng, words::titles(type_code));
        let default_days = activity_type.default_days.max(14) as u64;
        let length = rng.random_range(default_days / 2..=default_days + default_days / 2);
        start = workday_after(start);
        let end = workday_after(days_after(start, length));
        let closed = if (today - end).num_days() > 14 {
            let outcome = pick(rng, &["afgerond", "afgerond", "afgerond", "afgebroken"]);
            Some(ClosedCycle {
                outcome,
                closed_on: workday_after(days_after(end, handled_after(rng))),
                due: expiry_due(activity_type, end, calendar),
                item_title: expiry_title(activity_type, title),
            })
        } else {
            None
        };
        // The same title as its handled item's; the second draw keeps every later
        // draw of the seed where it was.
        let _ = pick(rng, words::titles(type_code));
        loader.activity(id, type_code, title, start, end, closed)?;
        start = days_after(start, rng.random_range(40..110));
    }

    // An open informatieverzoek (Pw art. 17) for about one client in five: some run
    // out soon, some already did. (A hersteltermijn belongs to an aanvraag.)
    if rng.random_bool(0.2) {
        let given = workday_before(days_before(today, rng.random_range(1..20)));
        let end = workday_after(days_after(given, 14));
        loader.activity(
            id,
            "informatieverzoek",
            pick(rng, words::titles("informatieverzoek")),
            given,
            end,
            None,
        )?;
    }
    // A klantmanager's own follow-up for about one client in four.
    if rng.random_bool(0.25) {
        let due = workday_after(days_after(days_before(today, 3), rng.random_range(0..24)));
        loader.follow_up(id, pick(rng, words::FOLLOW_UPS), due)?;
    }
    // A planned appointment for about one client in three, with a time and a channel.
    if rng.random_bool(0.33) {
        let date = workday_after(days_after(today, rng.random_range(1..21)));
        let title = pick(rng, words::titles("afspraak"));
        let time = pick(rng, words::TIMES);
        let channel = pick(
            rng,
            &["op_locatie", "telefoon", "beeldbellen", "huisbezoek"],
        );
        // A huisbezoek is held at home, whatever the draw.
        let channel = if title == "Huisbezoek" {
            "huisbezoek"
        } else {
            channel
        };
        loader.appointment(id, title, date, time, channel)?;
    }
    // A plan van aanpak for about half: goals in life domains and an evaluation
    // date. Cycles that ended more than two weeks ago were handled.
    if rng.random_bool(0.5) {
        let start =
            workday_before(days_before(today, rng.random_range(20..300)).max(registered_on));
        let handled =
            |rng: &mut ChaCha8Rng, end: NaiveDate, (kind, type_code): (&str, &str), title: &str| {
                ((today - end).num_days() > 14).then(|| ClosedCycle {
                    outcome: pick(rng, &["behaald", "behaald", "vervallen"]),
                    closed_on: workday_after(days_after(end, handled_after(rng))),
                    due: catalog
                        .activity_type(type_code)
                        .map_or(end, |t| expiry_due(t, end, calendar)),
                    item_title: format!("{kind} — {title}"),
                })
            };
        let evaluation = workday_after(days_after(start, 182));
        let evaluated = handled(
            rng,
            evaluation,
            ("Plan evalueren", "planevaluatie"),
            "Plan van aanpak versie 1",
        );
        let plan_id = loader.plan(id, start, evaluation, evaluated)?;
        // Goals that fit the client: no job hunting for a client far from work.
        let goals: Vec<&(&str, &str)> = words::GOALS
            .iter()
            .filter(|(_, domain)| {
                *domain != "werk" || !matches!(plan.category, "beheer" | "niet_job_ready")
            })
            .collect();
        for _ in 0..rng.random_range(1..4) {
            let &&(text, domain) = goals.choose(rng).unwrap_or(&&words::GOALS[0]);
            let deadline = workday_after(days_after(start, rng.random_range(30..240)));
            let closed = handled(rng, deadline, ("Doel evalueren", "doel"), text);
            loader.goal(plan_id, id, text, domain, start, deadline, closed)?;
        }
    }
    // The participatieladder and a few life domains, assessed over time.
    let mut step = match plan.category {
        "job_ready" => 5,
        "bijna_job_ready" => 4,
        "nog_niet_job_ready" => 3,
        "niet_job_ready" => 2,
        _ => 1,
    };
    let mut date = workday_after(registered_on);
    while date <= today {
        loader.ladder_step(id, date, step)?;
        for _ in 0..rng.random_range(1..3) {
            loader.situation(id, pick(rng, words::DOMAINS), date, rng.random_range(1..6))?;
        }
        step = (step + rng.random_range(-1i64..=1)).clamp(1, 6);
        date = workday_after(days_after(date, rng.random_range(90..200)));
    }
    Ok(id)
}

/// After the toekenning: a heronderzoek cycle for about half the clients (at 6, 12
/// or 18 months, the past ones done, a few late, the current one open), and for a
/// few a signaal for a maatregel or a taaleis under way.
fn rest_of_clock(
    loader: &Loader,
    rng: &mut ChaCha8Rng,
    (id, registered_on): (i64, NaiveDate),
    (catalog, calendar): (
        &crate::domain::catalog::Catalog,
        &crate::domain::calendar::LegalCalendar,
    ),
    today: NaiveDate,
) -> Result<()> {
    let kind = catalog.activity_type("heronderzoek")?;
    if rng.random_bool(0.5) && (today - registered_on).num_days() > 60 {
        let months = *[6u32, 12, 18].choose(rng).unwrap_or(&12);
        let title = pick(rng, words::titles("heronderzoek"));
        let mut start = workday_after(days_after(registered_on, rng.random_range(7..45)));
        loop {
            let end = calendar.next_working_day(crate::domain::risk::months_on(start, months));
            if (today - end).num_days() <= 14 {
                loader.activity(id, "heronderzoek", title, start, end, None)?;
                break;
            }
            let closed_on = workday_after(days_after(end, handled_after(rng)));
            loader.activity(
                id,
                "heronderzoek",
                title,
                start,
                end,
                Some(ClosedCycle {
                    outcome: "uitgevoerd",
                    closed_on,
                    due: expiry_due(kind, end, calendar),
                    item_title: expiry_title(kind, title),
                }),
            )?;
            start = closed_on;
        }
    }
    if rng.random_bool(0.05) {
        let start = workday_before(days_before(today, rng.random_range(0..12)));
        let title = pick(rng, words::titles("maatregel"));
        let end = workday_after(days_after(start, 14));
        loader.activity(id, "maatregel", title, start, end, None)?;
    }
    if rng.random_bool(0.04) {
        let start = workday_before(days_before(today, rng.random_range(0..50)));
        let title = pick(rng, words::titles("taaleis"));
        let end = workday_after(days_after(start, 56));
        loader.activity(id, "taaleis", title, start, end, None)?;
    }
    Ok(())
}

/// Days after its due date that a past cycle was handled: half on the day, most
/// within the week, a few much later (the Overzicht's on time and late).
fn handled_after(rng: &mut ChaCha8Rng) -> u64 {
    const AFTER: [u64; 10] = [0, 0, 0, 0, 0, 1, 2, 3, 6, 9];
    // The same draw as before the table (0..10 as u64), so a seed's later draws
    // stay where they were.
    AFTER[rng.random_range(0..10u64) as usize]
}
