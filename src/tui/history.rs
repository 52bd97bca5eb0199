//! What was done, as the dossier shows it: how an item was handled and when, its
//! postponements and reopenings, and how an activity ended.

use ratatui::style::Stylize;
use ratatui::text::Line;

use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::catalog::Catalog;
use crate::domain::date::{dutch, short};
use crate::domain::work_item::{ItemStatus, WorkItem};
use crate::store::ItemHistory;

/// The day part of a stored moment ("2026-11-23T10:15:00+01:00").
fn day_of(at: &str) -> String {
    let day = at.get(..10).unwrap_or(at);
    day.parse().map_or_else(|_| day.to_owned(), short)
}

/// The status cell of a handled item: the day it was handled and the outcome.
pub fn handled(catalog: &Catalog, history: Option<&ItemHistory>) -> String {
    match history.and_then(|h| h.outcome.as_deref().map(|o| (h, o))) {
        Some((h, outcome)) => format!(
            "{} {}",
            h.closed_at.as_deref().map(day_of).unwrap_or_default(),
            catalog.outcome_name(outcome)
        ),
        None => "afgehandeld".to_owned(),
    }
}

/// Below the work items: everything that happened to the selected one.
pub fn item_lines(
    catalog: &Catalog,
    item: &WorkItem,
    history: Option<&ItemHistory>,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(item.title.clone()).bold()];
    let Some(h) = history else {
        lines.push(Line::from("Nog niet afgehandeld en niet uitgesteld.").dim());
        return lines;
    };
    if item.status == ItemStatus::Closed {
        if let Some(outcome) = &h.outcome {
            let mut text = format!(
                "Afgehandeld op {}: {}",
                h.closed_at.as_deref().map(day_of).unwrap_or_default(),
                catalog.outcome_name(outcome)
            );
            if let Some(note) = &h.outcome_note {
                text.push_str(&format!(" — {note}"));
            }
            lines.push(Line::from(text));
        }
    }
    for p in &h.postponements {
        lines.push(Line::from(format!(
            "Uitgesteld op {} van {} naar {}: {}",
            day_of(&p.at),
            dutch(p.from_date),
            dutch(p.to_date),
            p.reason
        )));
    }
    for r in &h.reopenings {
        let note = r
            .outcome_note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "Heropend op {}: {} — eerder afgehandeld op {}: {}{note}",
            day_of(&r.at),
            r.reason,
            day_of(&r.closed_at),
            catalog.outcome_name(&r.outcome),
        )));
    }
    lines
}

/// The status cell of a closed activity: the real day it ended and how.
pub fn closed(catalog: &Catalog, a: &Activity) -> String {
    format!(
        "{} {}",
        a.closed_on.map(short).unwrap_or_default(),
        a.outcome
            .as_deref()
            .map_or("afgesloten", |o| catalog.outcome_name(o))
    )
}

/// Below the activities: the selected one's period and, once closed, how it ended.
pub fn activity_lines(catalog: &Catalog, a: &Activity) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(a.title.clone()).bold()];
    let mut period = format!("{} t/m {}", dutch(a.start_date), dutch(a.end_date));
    if let Some(time) = &a.time {
        period.push_str(&format!(", {time}"));
    }
    if let Some(channel) = &a.channel {
        period.push_str(&format!(", {}", catalog.channel_name(channel)));
    }
    lines.push(Line::from(period));
    if a.status == ActivityStatus::Closed {
        let mut text = format!(
            "Afgesloten op {}: {}",
            a.closed_on.map(dutch).unwrap_or_default(),
            a.outcome
                .as_deref()
                .map(|o| catalog.outcome_name(o))
                .unwrap_or_default()
        );
        if let Some(note) = &a.outcome_note {
            text.push_str(&format!(" — {note}"));
        }
        lines.push(Line::from(text));
    }
    lines
}
