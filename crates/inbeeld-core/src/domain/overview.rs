//! The Overzicht's figures: what they are (the report, with its stable JSON fields),
//! and the rules that derive a past state from dated rows — whether a client was in
//! the caseload and in view on a past day, and how a ladder step moved over a period.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::client::in_view;
use super::date::add_days;
use super::period::Period;

/// Counts by code (kind, outcome, channel, reason …), sorted by code.
pub type Counts = BTreeMap<String, i64>;

/// Every figure of a period. The field names are the JSON contract of
/// `inbeeld report --json` (documented in docs/overzicht.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the state at the end is read on: `to`, or today while it runs.
    pub as_of: NaiveDate,
    pub handled: Handled,
    pub open_by_age: OpenByAge,
    pub in_view: InView,
    pub contacts: Contacts,
    pub appointments: Appointments,
    pub ladder: Ladder,
    pub categories: Categories,
    pub domains: Domains,
    pub instroom: Instroom,
    pub uitstroom: Uitstroom,
    pub aanvragen: Aanvragen,
    pub handhaving: Handhaving,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Handled {
    pub total: i64,
    /// Handled on or before the due date.
    pub on_time: i64,
    pub late: i64,
    pub by_kind: Counts,
    pub by_outcome: Counts,
    pub statutory: Statutory,
}

/// Statutory terms (§) whose work item was due in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Statutory {
    pub met: i64,
    pub missed: i64,
    /// Due later than today and still open.
    pub pending: i64,
}

/// The open werkvoorraad on `as_of`, by how late.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OpenByAge {
    pub not_yet_due: i64,
    pub late_1_7: i64,
    pub late_8_30: i64,
    pub late_over_30: i64,
}

impl OpenByAge {
    /// `n` items that were `days_late` on the day read.
    pub fn add(&mut self, days_late: i64, n: i64) {
        *match days_late {
            i64::MIN..=0 => &mut self.not_yet_due,
            1..=7 => &mut self.late_1_7,
            8..=30 => &mut self.late_8_30,
            _ => &mut self.late_over_30,
        } += n;
    }

    pub fn total(&self) -> i64 {
        self.not_yet_due + self.late_1_7 + self.late_8_30 + self.late_over_30
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct InView {
    /// Clients in the caseload on `as_of`.
    pub clients: i64,
    pub in_view: i64,
    /// `in_view / clients`, three decimals (0 for an empty caseload).
    pub share: f64,
    /// Clients that were out of view on at least one day of the period (up to
    /// `as_of`), and of those, how many were in view again on `as_of`.
    pub out_during: i64,
    pub back_in_view: i64,
    /// The 26 weeks up to `as_of`, oldest first: each seventh day back from it.
    pub weekly: Vec<WeekInView>,
    /// The clients out of view longest on `as_of` (at most 25); left out of an
    /// aggregate report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_out: Option<Vec<OutOfView>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekInView {
    pub date: NaiveDate,
    pub clients: i64,
    pub in_view: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutOfView {
    pub client_id: i64,
    pub name: String,
    /// The last contact (or registration) the rhythm counts from.
    pub since: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contacts {
    pub total: i64,
    pub by_channel: Counts,
    /// Letters sent in the period: recorded by channel `brief`, no contact.
    pub letters: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Appointments {
    /// Afspraken in the period, cancelled ones not counted.
    pub total: i64,
    pub held: i64,
    pub no_shows: i64,
    /// `no_shows / (held + no_shows)`, three decimals.
    pub no_show_rate: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ladder {
    pub up: i64,
    pub same: i64,
    pub down: i64,
    /// Per move, "from-to" ("2-3"): how many clients made it.
    pub moves: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Categories {
    pub changes: i64,
    /// Changes by the category they went to.
    pub by_category: Counts,
    /// Changes to a category closer to work, and further from it.
    pub toward_work: i64,
    pub away_from_work: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Domains {
    pub better: i64,
    pub worse: i64,
    pub by_domain: BTreeMap<String, Moved>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub better: i64,
    pub worse: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Instroom {
    pub total: i64,
    /// Registered in the period.
    pub new: i64,
    /// Taken back after an uitstroom (heraanmelding).
    pub returned: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Uitstroom {
    pub total: i64,
    pub by_reason: Counts,
    /// Clients handed over to a colleague (end reason `overgedragen`): no uitstroom,
    /// so not in `total` or `by_reason`.
    pub handed_over: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Aanvragen {
    pub received: i64,
    pub decided: i64,
    pub by_decision: Counts,
    /// Decided (made known) within the beslistermijn.
    pub decided_in_time: i64,
    pub decided_late: i64,
    pub hersteltermijnen: Hersteltermijnen,
    pub voorschotten: Counts,
}

/// The rest of the clock after the toekenning: heronderzoeken on time, and the
/// maatregelen and boetes under way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Handhaving {
    /// Heronderzoeken done in the period, and of those on or before their date.
    pub heronderzoeken_done: i64,
    pub heronderzoeken_on_time: i64,
    /// Heronderzoeken still open past their date on the day the figures are read.
    pub heronderzoeken_overdue: i64,
    /// Steps of a maatregel or boete open on that day, by step (activity type:
    /// `maatregel` the signaal, `zienswijze`, `boete`).
    pub open: Counts,
    /// Besluiten in the period: a maatregel or a boete opgelegd, or neither.
    pub decided: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Hersteltermijnen {
    /// Given (started) in the period.
    pub given: i64,
    /// By how they ended; `open` while running.
    pub by_outcome: Counts,
}

/// The blocks of the Overzicht, in their order on screen; each opens to the rows
/// behind its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Handled,
    OpenWork,
    InView,
    Contacts,
    Doorstroom,
    Stroom,
    Aanvragen,
    Handhaving,
}

impl Block {
    pub const ALL: [Block; 8] = [
        Block::Handled,
        Block::OpenWork,
        Block::InView,
        Block::Contacts,
        Block::Doorstroom,
        Block::Stroom,
        Block::Aanvragen,
        Block::Handhaving,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Block::Handled => "Afgehandeld",
            Block::OpenWork => "Werkvoorraad",
            Block::InView => "In beeld",
            Block::Contacts => "Contact en afspraken",
            Block::Doorstroom => "Doorstroom",
            Block::Stroom => "Instroom en uitstroom",
            Block::Aanvragen => "Aanvragen",
            Block::Handhaving => "Handhaving",
        }
    }
}

/// One row behind a block: a client, a day, what happened (a code the catalogue
/// names: kind, channel, end reason …, or a word), a detail, and for work how many
/// days late.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockRow {
    pub client_id: i64,
    pub client: String,
    pub date: NaiveDate,
    pub code: String,
    pub detail: Option<String>,
    pub days: Option<i64>,
}

/// The in-view figure is read on this many days, a week apart, ending on `as_of`.
pub const WEEKS: i64 = 26;

/// The first of the `WEEKS` days.
pub fn first_week(as_of: NaiveDate) -> NaiveDate {
    add_days(as_of, -7 * (WEEKS - 1))
}

/// A share as a whole percentage ("60%").
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round())
}

/// A share with three decimals; 0 when there is nothing to share.
pub fn share(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        return 0.0;
    }
    (part as f64 / whole as f64 * 1000.0).round() / 1000.0
}

impl Report {
    /// For a teamleider: counts only, no client named.
    pub fn aggregate(mut self) -> Report {
        self.in_view.longest_out = None;
        self
    }
}

/// One client's course as far as being in view goes, from dated rows: registration,
/// the periods out of the caseload, the category history and the contacts that took
/// place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Course {
    pub client_id: i64,
    pub name: String,
    pub registered_on: NaiveDate,
    /// The category now; before the first change, that change's `from`.
    pub category: String,
    /// `(changed_on, from, to)`, in order.
    pub category_changes: Vec<(NaiveDate, String, String)>,
    /// `(ended_on, returned_on)`: out of the caseload from `ended_on` up to the day
    /// before `returned_on`.
    pub ends: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Days with a contact that took place, in order, from the window on.
    pub contacts: Vec<NaiveDate>,
    /// Whether a contact took place before the window (its day does not matter:
    /// the window reaches further back than the longest rhythm).
    pub contact_before: bool,
}

impl Course {
    /// In the caseload on `day`.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.registered_on <= day
            && !self
                .ends
                .iter()
                .any(|(ended, back)| *ended <= day && back.is_none_or(|b| day < b))
    }

    /// The category on `day`.
    pub fn category_on(&self, day: NaiveDate) -> &str {
        match self
            .category_changes
            .iter()
            .rposition(|(on, _, _)| *on <= day)
        {
            Some(i) => &self.category_changes[i].2,
            None => self
                .category_changes
                .first()
                .map_or(&self.category, |(_, from, _)| from),
        }
    }

    /// The day the rhythm counts from on `day`: the last contact up to it, else a
    /// contact before the window (long enough ago to be out of view), else
    /// registration.
    pub fn since_on(&self, day: NaiveDate, window: NaiveDate) -> NaiveDate {
        match self.contacts.partition_point(|c| *c <= day) {
            0 if self.contact_before => add_days(window, -1),
            0 => self.registered_on,
            n => self.contacts[n - 1],
        }
    }

    /// In the caseload and in view on `day`, with the rhythm (days) of each
    /// category from `rhythm`.
    pub fn in_view_on(
        &self,
        day: NaiveDate,
        window: NaiveDate,
        rhythm: impl Fn(&str) -> i64,
    ) -> Option<bool> {
        if !self.active_on(day) {
            return None;
        }
        let since = self.since_on(day, window);
        Some(in_view(
            Some(since),
            since,
            rhythm(self.category_on(day)),
            day,
        ))
    }
}

impl Course {
    /// Out of view on some day from `from` up to `to`. Between two events (a
    /// contact, a change of category, an end or a return) the day counted from,
    /// the rhythm and being in the caseload stay the same, so being out can only
    /// grow until the next one: the last day before each event, and `to`, are the
    /// days to look at.
    pub fn out_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        window: NaiveDate,
        rhythm: impl Fn(&str) -> i64,
    ) -> bool {
        let events = self
            .contacts
            .iter()
            .copied()
            .chain(self.category_changes.iter().map(|(on, _, _)| *on))
            .chain(
                self.ends
                    .iter()
                    .flat_map(|(ended, back)| [Some(*ended), *back])
                    .flatten(),
            )
            .chain([self.registered_on]);
        std::iter::once(to)
            .chain(
                events
                    // An event on the first day counts too: a client who came
                    // back that day was out of view that morning.
                    .filter(|day| from <= *day && *day <= to)
                    .map(|day| add_days(day, -1)),
            )
            .any(|day| self.in_view_on(day, window, &rhythm) == Some(false))
    }
}

/// What the in-view figures need of the whole caseload: the courses, and from which
/// day on their contacts were read.
pub fn in_view_figures(
    courses: &[Course],
    period: &Period,
    as_of: NaiveDate,
    window: NaiveDate,
    rhythm: impl Fn(&str) -> i64,
) -> (InView, Vec<OutOfView>) {
    let mut figures = InView::default();
    let points: Vec<NaiveDate> = (0..WEEKS)
        .map(|w| add_days(first_week(as_of), 7 * w))
        .collect();
    let mut weekly: Vec<WeekInView> = points
        .iter()
        .map(|date| WeekInView {
            date: *date,
            clients: 0,
            in_view: 0,
        })
        .collect();
    let mut out = Vec::new();
    for course in courses {
        for week in &mut weekly {
            if let Some(seen) = course.in_view_on(week.date, window, &rhythm) {
                week.clients += 1;
                week.in_view += i64::from(seen);
            }
        }
        let now = course.in_view_on(as_of, window, &rhythm);
        if let Some(seen) = now {
            figures.clients += 1;
            figures.in_view += i64::from(seen);
            if !seen {
                let since = course.since_on(as_of, window);
                out.push(OutOfView {
                    client_id: course.client_id,
                    name: course.name.clone(),
                    since,
                    days: (as_of - since).num_days(),
                });
            }
        }
        if course.out_between(period.from, as_of, window, &rhythm) {
            figures.out_during += 1;
            figures.back_in_view += i64::from(now == Some(true));
        }
    }
    figures.share = share(figures.in_view, figures.clients);
    figures.weekly = weekly;
    out.sort_by(|a, b| b.days.cmp(&a.days).then(a.name.cmp(&b.name)));
    figures.longest_out = Some(out.iter().take(25).cloned().collect());
    (figures, out)
}

/// One client's ladder step (or score in a life domain) over a period: the last one
/// before it, the first and the last recorded in it, and how many were recorded in
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    pub before: Option<i64>,
    pub first_in: i64,
    pub last_in: i64,
    pub recorded_in: i64,
}

impl Measured {
    /// From which step to which the client went over the period: from the step
    /// before it (or, without one, the first recorded in it) to the last one in
    /// it. A client first assessed in the period, once, made no move to count.
    /// Recorded twice in the period, the last one counts.
    pub fn moved(&self) -> Option<(i64, i64)> {
        match self.before {
            Some(before) => Some((before, self.last_in)),
            None if self.recorded_in >= 2 => Some((self.first_in, self.last_in)),
            None => None,
        }
    }
}

impl Domains {
    /// `(domain, course)` per client and domain with a score in the period.
    pub fn count(courses: &[(String, Measured)]) -> Domains {
        let mut domains = Domains::default();
        for (domain, (from, to)) in courses.iter().filter_map(|(d, c)| Some((d, c.moved()?))) {
            let moved = domains.by_domain.entry(domain.clone()).or_default();
            if to > from {
                domains.better += 1;
                moved.better += 1;
            } else if to < from {
                domains.worse += 1;
                moved.worse += 1;
            }
        }
        domains
    }
}

impl Ladder {
    pub fn count(courses: &[Measured]) -> Ladder {
        let mut ladder = Ladder::default();
        for (from, to) in courses.iter().filter_map(Measured::moved) {
            match to.cmp(&from) {
                std::cmp::Ordering::Greater => ladder.up += 1,
                std::cmp::Ordering::Equal => ladder.same += 1,
                std::cmp::Ordering::Less => ladder.down += 1,
            }
            *ladder.moves.entry(format!("{from}-{to}")).or_default() += 1;
        }
        ladder
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rhythm(code: &str) -> i64 {
        match code {
            "job_ready" => 28,
            _ => 182,
        }
    }

    fn course() -> Course {
        Course {
            client_id: 1,
            name: "Jan".into(),
            registered_on: d("2026-01-05"),
            category: "beheer".into(),
            category_changes: vec![(d("2026-06-01"), "job_ready".into(), "beheer".into())],
            ends: vec![(d("2026-08-01"), Some(d("2026-09-01")))],
            contacts: vec![d("2026-03-01")],
            contact_before: false,
        }
    }

    #[test]
    fn the_past_category_and_caseload_come_from_the_dated_rows() {
        let c = course();
        let window = d("2025-01-01");
        assert_eq!(c.category_on(d("2026-05-31")), "job_ready");
        assert_eq!(c.category_on(d("2026-06-01")), "beheer");
        assert_eq!(
            c.in_view_on(d("2026-01-04"), window, rhythm),
            None,
            "not yet registered"
        );
        assert_eq!(
            c.in_view_on(d("2026-03-29"), window, rhythm),
            Some(true),
            "28 days"
        );
        assert_eq!(
            c.in_view_on(d("2026-03-30"), window, rhythm),
            Some(false),
            "29 days"
        );
        // From 1 June the rhythm of beheer (182 days) counts: in view again.
        assert_eq!(c.in_view_on(d("2026-06-01"), window, rhythm), Some(true));
        assert_eq!(c.in_view_on(d("2026-08-15"), window, rhythm), None, "ended");
        assert_eq!(
            c.in_view_on(d("2026-07-31"), window, rhythm),
            Some(true),
            "152 days"
        );
        assert_eq!(
            c.in_view_on(d("2026-09-01"), window, rhythm),
            Some(false),
            "back in the caseload, 184 days after the contact"
        );
    }

    #[test]
    fn a_client_back_on_the_first_day_of_the_period_was_out_and_is_back() {
        let mut c = course();
        c.category_changes.clear();
        c.category = "job_ready".into();
        c.ends.clear();
        // Out of view since 30 March; spoken on Monday 20 April, the first day.
        c.contacts = vec![d("2026-03-01"), d("2026-04-20")];
        let period = Period::between(d("2026-04-20"), d("2026-04-26")).unwrap();
        let (figures, _) = in_view_figures(&[c], &period, d("2026-04-26"), d("2025-01-01"), rhythm);
        assert_eq!((figures.out_during, figures.back_in_view), (1, 1));
    }

    #[test]
    fn a_client_out_and_back_in_the_period_counts_once_as_back() {
        let mut c = course();
        c.category_changes.clear();
        c.category = "job_ready".into();
        c.ends.clear();
        c.contacts = vec![d("2026-03-01"), d("2026-04-10")];
        let period = Period::between(d("2026-03-23"), d("2026-04-19")).unwrap();
        let (figures, out) =
            in_view_figures(&[c], &period, d("2026-04-19"), d("2025-01-01"), rhythm);
        assert_eq!((figures.out_during, figures.back_in_view), (1, 1));
        assert_eq!((figures.clients, figures.in_view), (1, 1));
        assert!(out.is_empty());
        assert_eq!(figures.weekly.len(), 26);
        assert_eq!(figures.weekly[25].date, d("2026-04-19"));
        assert_eq!(
            figures.weekly[23].in_view, 0,
            "5 April: 35 days after 1 March"
        );
        assert_eq!(
            figures.weekly[24].in_view, 1,
            "12 April: the contact of 10 April"
        );
    }

    #[test]
    fn a_ladder_step_recorded_twice_counts_its_last() {
        let moved = Measured {
            before: Some(2),
            first_in: 4,
            last_in: 3,
            recorded_in: 2,
        };
        let first = Measured {
            before: None,
            first_in: 3,
            last_in: 3,
            recorded_in: 1,
        };
        let ladder = Ladder::count(&[moved, first]);
        assert_eq!((ladder.up, ladder.same, ladder.down), (1, 0, 0));
        assert_eq!(ladder.moves.get("2-3"), Some(&1));
    }

    proptest! {
        /// Looking at the days before events finds an out-of-view day exactly when
        /// walking every day does.
        #[test]
        fn out_between_is_every_day_walked(
                contacts in proptest::collection::vec(0i64..300, 0..5),
                changes in proptest::collection::vec((0i64..300, any::<bool>()), 0..3),
                end in proptest::option::of((0i64..300, proptest::option::of(1i64..60))),
                from in 0i64..300, length in 0i64..120) {
            let start = d("2026-01-01");
            let mut contacts: Vec<NaiveDate> = contacts.iter().map(|n| add_days(start, *n)).collect();
            contacts.sort();
            let mut changes: Vec<(NaiveDate, String, String)> = changes
                .iter()
                .map(|(n, ready)| {
                    let (from, to) = if *ready { ("beheer", "job_ready") } else { ("job_ready", "beheer") };
                    (add_days(start, *n), from.to_owned(), to.to_owned())
                })
                .collect();
            changes.sort();
            let c = Course {
                registered_on: add_days(start, 10),
                category: "job_ready".into(),
                category_changes: changes,
                ends: end
                    .map(|(e, back)| vec![(add_days(start, e), back.map(|b| add_days(start, e + b)))])
                    .unwrap_or_default(),
                contacts,
                ..Course::default()
            };
            let (from, to) = (add_days(start, from), add_days(start, from + length));
            let out = |day: NaiveDate| c.in_view_on(day, d("2025-01-01"), rhythm) == Some(false);
            // The first day's morning counts too: out of view the day before, and
            // something happened on the first day (a client who came back that day).
            let event_on_first = c.contacts.contains(&from)
                || c.category_changes.iter().any(|(on, _, _)| *on == from)
                || c.ends.iter().any(|(e, back)| *e == from || *back == Some(from))
                || c.registered_on == from;
            let walked = (0..=length).any(|n| out(add_days(from, n)))
                || (event_on_first && out(add_days(from, -1)));
            prop_assert_eq!(c.out_between(from, to, d("2025-01-01"), rhythm), walked);
        }

        /// On any day, the past state derived from the rows agrees with the rule the
        /// caseload applies to today's state.
        #[test]
        fn in_view_on_a_day_is_the_caseloads_rule(days in proptest::collection::vec(0i64..400, 0..6),
                on in 0i64..500) {
            let registered = d("2026-01-01");
            let mut contacts: Vec<NaiveDate> = days.iter().map(|n| add_days(registered, *n)).collect();
            contacts.sort();
            let day = add_days(registered, on);
            let last = contacts.iter().rev().find(|c| **c <= day).copied();
            let c = Course {
                registered_on: registered,
                category: "job_ready".into(),
                contacts,
                ..Course::default()
            };
            prop_assert_eq!(
                c.in_view_on(day, d("2025-01-01"), rhythm),
                Some(in_view(last, registered, 28, day))
            );
        }
    }
}
