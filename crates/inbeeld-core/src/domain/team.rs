//! The team view of the weekly start: per klantmanager, how many clients, how much
//! open and late work, how many clients in view, and what was handled this week.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::client::ClientSummary;
use super::work_item::WorkItem;

/// One klantmanager's row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MemberFigures {
    pub member: String,
    /// Clients in the caseload (uitstroom not counted).
    pub clients: usize,
    /// Open work items.
    pub open: usize,
    /// Open work items due before today.
    pub late: usize,
    /// Clients in view today.
    pub in_view: usize,
    /// Work items handled from Monday up to today.
    pub handled_this_week: usize,
}

impl MemberFigures {
    /// The share of clients in view, in whole percents rounded as the Overzicht
    /// rounds them (100 without clients).
    pub fn in_view_percent(&self) -> usize {
        (self.in_view * 200 + self.clients)
            .checked_div(self.clients * 2)
            .unwrap_or(100)
    }
}

/// The figures per owner, by name: `owners` says whose each client is, `handled`
/// how many items of each client were handled this week. A client without an
/// owner, or items of a client who left the caseload, count for nobody.
pub fn member_figures(
    owners: &HashMap<i64, String>,
    caseload: &[ClientSummary],
    open_items: &[WorkItem],
    handled: &HashMap<i64, usize>,
    today: NaiveDate,
) -> Vec<MemberFigures> {
    let mut rows: BTreeMap<&str, MemberFigures> = BTreeMap::new();
    fn row<'a, 'k>(
        rows: &'a mut BTreeMap<&'k str, MemberFigures>,
        owner: &'k str,
    ) -> &'a mut MemberFigures {
        rows.entry(owner).or_insert_with(|| MemberFigures {
            member: owner.to_owned(),
            ..MemberFigures::default()
        })
    }
    for client in caseload {
        if let Some(owner) = owners.get(&client.id) {
            let figures = row(&mut rows, owner);
            figures.clients += 1;
            figures.in_view += usize::from(client.in_view);
        }
    }
    for item in open_items {
        if let Some(owner) = owners.get(&item.client_id) {
            let figures = row(&mut rows, owner);
            figures.open += 1;
            figures.late += usize::from(item.due_date < today);
        }
    }
    for (client, count) in handled {
        if let Some(owner) = owners.get(client) {
            row(&mut rows, owner).handled_this_week += count;
        }
    }
    rows.into_values().collect()
}

/// The team's own line: every klantmanager's figures added up.
pub fn team_total(rows: &[MemberFigures]) -> MemberFigures {
    rows.iter().fold(
        MemberFigures {
            member: "Team".to_owned(),
            ..MemberFigures::default()
        },
        |mut total, r| {
            total.clients += r.clients;
            total.open += r.open;
            total.late += r.late;
            total.in_view += r.in_view;
            total.handled_this_week += r.handled_this_week;
            total
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::work_item::{ItemStatus, Source};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn client(id: i64, in_view: bool) -> ClientSummary {
        ClientSummary {
            id,
            name: format!("klant {id}"),
            category: "bijstand".into(),
            days_since_contact: None,
            in_view,
            next_deadline: None,
            open_items: 0,
            birth_date: None,
            ended_on: None,
            end_reason: None,
            bsn: None,
        }
    }

    fn item(client_id: i64, due: &str) -> WorkItem {
        WorkItem {
            id: 0,
            client_id,
            client_name: String::new(),
            kind: "opvolging".into(),
            title: String::new(),
            due_date: d(due),
            source: Source::Manual,
            source_activity_id: None,
            status: ItemStatus::Open,
            legal: false,
            urgency: 0,
        }
    }

    #[test]
    fn every_figure_goes_to_the_owner_of_its_client() {
        let owners: HashMap<i64, String> = [(1, "sanne"), (2, "sanne"), (3, "ahmed")]
            .map(|(c, o)| (c, o.into()))
            .into();
        let caseload = [
            client(1, true),
            client(2, false),
            client(3, true),
            client(4, true),
        ];
        let items = [
            item(1, "2026-11-20"),
            item(1, "2026-11-23"),
            item(3, "2026-11-24"),
            item(4, "2026-11-01"),
        ];
        let handled: HashMap<i64, usize> = [(2, 3), (3, 1), (4, 9)].into();
        let rows = member_figures(&owners, &caseload, &items, &handled, d("2026-11-23"));
        assert_eq!(
            rows,
            vec![
                MemberFigures {
                    member: "ahmed".into(),
                    clients: 1,
                    open: 1,
                    late: 0,
                    in_view: 1,
                    handled_this_week: 1,
                },
                MemberFigures {
                    member: "sanne".into(),
                    clients: 2,
                    open: 2,
                    // Due today is not late.
                    late: 1,
                    in_view: 1,
                    handled_this_week: 3,
                },
            ]
        );
        assert_eq!(rows[1].in_view_percent(), 50);
        let share = |in_view, clients| MemberFigures {
            in_view,
            clients,
            ..MemberFigures::default()
        };
        // 6697 of 10000 is 67%, as the Overzicht says; 1 of 3 is 33%.
        assert_eq!(share(6697, 10000).in_view_percent(), 67);
        assert_eq!(share(1, 3).in_view_percent(), 33);
        assert_eq!(share(1, 2).in_view_percent(), 50);
    }

    #[test]
    fn a_member_without_clients_is_fully_in_view() {
        let figures = MemberFigures::default();
        assert_eq!(figures.in_view_percent(), 100);
    }
}
