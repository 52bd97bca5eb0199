//! `inbeeld report`: the Overzicht's figures for a period, as lines for people, as
//! JSON, or as CSV for a spreadsheet (one row per figure).

use std::io::{self, Write};

use chrono::NaiveDate;
use serde_json::Value;

use super::args::ReportArgs;
use super::{output, print_failed, Context};
use crate::domain::catalog::Catalog;
use crate::domain::date::{parse_date, short};
use crate::domain::overview::{percent, Counts, Report};
use crate::domain::period::{Period, Span};
use crate::workflow;

/// The period the arguments ask for: `--from`/`--to`, or the span of `--period`
/// around `--to` (or today); this week when nothing is given.
fn period(args: &ReportArgs, today: NaiveDate) -> anyhow::Result<Period> {
    let to = args.to.as_deref().map(parse_date).transpose()?;
    let span = match args.period.as_deref() {
        Some("month") => Span::Month,
        Some("quarter") => Span::Quarter,
        Some("year") => Span::Year,
        _ => Span::Week,
    };
    Ok(
        match (args.from.as_deref().map(parse_date).transpose()?, to) {
            (Some(from), to) => Period::between(from, to.unwrap_or_else(|| today.max(from)))?,
            (None, to) => Period::of(span, to.unwrap_or(today)),
        },
    )
}

pub fn run(ctx: &Context, args: &ReportArgs) -> anyhow::Result<()> {
    let period = period(args, ctx.today)?;
    let store = ctx.open_swept()?;
    let (mut report, _) = workflow::report(&store, &period, ctx.today)?;
    if args.aggregate {
        report = report.aggregate();
    }
    if args.json {
        return output::json(&report);
    }
    if args.csv {
        let separator = if args.separator == ";" { b';' } else { b',' };
        return write_csv(&report, separator, args.bom);
    }
    for line in lines(&report, &period, &store.catalog()?) {
        output::line(&line)?;
    }
    Ok(())
}

/// `(figure, key, value)` for every number of the report: a map's entries under
/// its path ("handled.by_kind", "contact"), a list's entries by their date or name
/// ("in_view.weekly.in_view", "2026-11-22").
pub fn figures(report: &Report) -> Vec<(String, String, Value)> {
    fn walk(path: &str, value: &Value, out: &mut Vec<(String, String, Value)>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        Value::Object(_) | Value::Array(_) => walk(&join(path, key), value, out),
                        _ => out.push((path.to_owned(), key.clone(), value.clone())),
                    }
                }
            }
            Value::Array(rows) => {
                for row in rows {
                    let key = row
                        .get("date")
                        .or_else(|| row.get("name"))
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    for (field, value) in row.as_object().into_iter().flatten() {
                        if value.is_number() && field != "client_id" {
                            out.push((join(path, field), key.to_owned(), value.clone()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    fn join(path: &str, key: &str) -> String {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    }
    let mut value = serde_json::to_value(report).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        for key in ["from", "to", "as_of"] {
            map.remove(key);
        }
    }
    let mut out = Vec::new();
    walk("", &value, &mut out);
    out
}

fn write_csv(report: &Report, separator: u8, bom: bool) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if bom {
        out.write_all("\u{feff}".as_bytes()).map_err(print_failed)?;
    }
    let mut csv = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(out);
    csv.write_record(["from", "to", "as_of", "figure", "key", "value"])?;
    let (from, to, as_of) = (
        report.from.to_string(),
        report.to.to_string(),
        report.as_of.to_string(),
    );
    for (figure, key, value) in figures(report) {
        let mut value = value.to_string();
        // Dutch spreadsheets read a decimal comma where ';' separates.
        if separator == b';' {
            value = value.replace('.', ",");
        }
        csv.write_record([&from, &to, &as_of, &figure, &key, &value])?;
    }
    csv.flush().map_err(print_failed)
}

fn named(counts: &Counts, name: impl Fn(&str) -> String) -> String {
    if counts.is_empty() {
        return "-".to_owned();
    }
    counts
        .iter()
        .map(|(code, n)| format!("{} {n}", name(code)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report in lines of Dutch.
fn lines(r: &Report, period: &Period, catalog: &Catalog) -> Vec<String> {
    let h = &r.handled;
    let o = &r.open_by_age;
    let v = &r.in_view;
    let a = &r.aanvragen;
    let row = |label: &str, text: String| format!("{label:<22}{text}");
    vec![
        format!("Overzicht {} · stand op {}", period.label(), short(r.as_of)),
        String::new(),
        row(
            "Afgehandeld",
            format!("{} (op tijd {}, te laat {})", h.total, h.on_time, h.late),
        ),
        row(
            "  per soort",
            named(&h.by_kind, |c| catalog.kind_name(c).to_owned()),
        ),
        row(
            "  per afhandeling",
            named(&h.by_outcome, |c| catalog.outcome_name(c).to_owned()),
        ),
        row(
            "  wettelijk (§)",
            format!(
                "gehaald {}, gemist {}, nog open {}",
                h.statutory.met, h.statutory.missed, h.statutory.pending
            ),
        ),
        row(
            "Werkvoorraad",
            format!(
                "{} open (nog niet aan de beurt {}, 1–7 dagen te laat {}, 8–30 {}, meer dan 30 {})",
                o.total(),
                o.not_yet_due,
                o.late_1_7,
                o.late_8_30,
                o.late_over_30
            ),
        ),
        row(
            "In beeld",
            format!(
                "{} van {} ({}); uit beeld geweest {}, daarvan weer in beeld {}",
                v.in_view,
                v.clients,
                percent(v.share),
                v.out_during,
                v.back_in_view
            ),
        ),
        row(
            "Contacten",
            format!(
                "{} ({}); brieven {}",
                r.contacts.total,
                named(&r.contacts.by_channel, |c| catalog
                    .channel_name(c)
                    .to_owned()),
                r.contacts.letters
            ),
        ),
        row(
            "Afspraken",
            format!(
                "{} (gehouden {}, niet verschenen {}, {})",
                r.appointments.total,
                r.appointments.held,
                r.appointments.no_shows,
                percent(r.appointments.no_show_rate)
            ),
        ),
        row(
            "Participatieladder",
            format!(
                "omhoog {}, gelijk {}, omlaag {}",
                r.ladder.up, r.ladder.same, r.ladder.down
            ),
        ),
        row(
            "Categorie",
            format!(
                "{} gewijzigd (richting werk {}, verder van werk {})",
                r.categories.changes, r.categories.toward_work, r.categories.away_from_work
            ),
        ),
        row(
            "Leefgebieden",
            format!("beter {}, slechter {}", r.domains.better, r.domains.worse),
        ),
        row(
            "Instroom",
            format!(
                "{} (nieuw {}, terug {})",
                r.instroom.total, r.instroom.new, r.instroom.returned
            ),
        ),
        row(
            "Uitstroom",
            format!(
                "{} ({}); overgedragen {}",
                r.uitstroom.total,
                named(&r.uitstroom.by_reason, |c| catalog
                    .end_reason_name(c)
                    .to_owned()),
                r.uitstroom.handed_over
            ),
        ),
        row(
            "Aanvragen",
            format!(
                "ontvangen {}, besloten {} (binnen de termijn {}, te laat {})",
                a.received, a.decided, a.decided_in_time, a.decided_late
            ),
        ),
        row(
            "  hersteltermijnen",
            format!(
                "{} ({})",
                a.hersteltermijnen.given,
                named(&a.hersteltermijnen.by_outcome, |c| match c {
                    "open" => "loopt".to_owned(),
                    c => catalog.outcome_name(c).to_owned(),
                })
            ),
        ),
        row(
            "  voorschotten",
            named(&a.voorschotten, |c| catalog.outcome_name(c).to_owned()),
        ),
        row(
            "Heronderzoeken",
            format!(
                "{} gedaan (op tijd {}); over datum {}",
                r.handhaving.heronderzoeken_done,
                r.handhaving.heronderzoeken_on_time,
                r.handhaving.heronderzoeken_overdue
            ),
        ),
        row(
            "Maatregelen, boetes",
            format!(
                "open: {}; besloten: {}",
                named(&r.handhaving.open, |c| catalog
                    .activity_type_name(c)
                    .to_owned()),
                named(&r.handhaving.decided, |c| catalog
                    .outcome_name(c)
                    .to_owned())
            ),
        ),
    ]
}
