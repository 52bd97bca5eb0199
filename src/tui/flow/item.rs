//! A work item put off, a vervolgactie added, a handled item reopened.

use chrono::NaiveDate;

use super::{future_date, Here, Need, Start, Starter};
use crate::domain::date::add_days;
use crate::domain::work_item::{earliest_postpone, WorkItem};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, Field, FieldKind, Form};
use crate::workflow;

#[derive(Debug, Clone)]
enum ItemEdit {
    Postpone {
        id: i64,
        to: NaiveDate,
        reason: String,
    },
    FollowUp {
        client_id: i64,
        title: String,
        due: NaiveDate,
    },
    Reopen {
        id: i64,
        reason: String,
    },
}

/// Uitstellen: a week on, on a working day.
pub fn postpone(here: &Here, item: &WorkItem) -> Start {
    let earliest = earliest_postpone(item.due_date, here.today);
    let suggested = here.calendar.next_working_day(add_days(earliest, 7));
    let id = item.id;
    let form = Form::new(
        format!("Uitstellen: {}", item.title),
        vec![
            future_date("to", "Nieuwe datum", Some(earliest), suggested),
            Field::new("reason", "Reden", FieldKind::Text, ""),
        ],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(ItemEdit::Postpone {
            id,
            to: values.date("to")?,
            reason: values.text("reason")?,
        }))
    }))
}

/// A vervolgactie: a week on, on a working day.
pub fn follow_up(here: &Here, client_id: i64, client_name: &str) -> Start {
    let suggested = here.calendar.next_working_day(add_days(here.today, 7));
    let form = Form::new(
        format!("Vervolgactie voor {client_name}"),
        vec![
            Field::new("title", "Wat moet er gebeuren?", FieldKind::Text, ""),
            future_date("due", "Wanneer", Some(here.today), suggested),
        ],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(ItemEdit::FollowUp {
            client_id,
            title: values.text("title")?,
            due: values.date("due")?,
        }))
    }))
}

/// Heropenen: a correction, with its reason.
pub fn reopen(item: &WorkItem) -> Start {
    let id = item.id;
    let form = Form::new(
        format!("Heropenen: {}", item.title),
        vec![Field::new(
            "reason",
            "Reden (een correctie)",
            FieldKind::Text,
            "",
        )],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(ItemEdit::Reopen {
            id,
            reason: values.text("reason")?,
        }))
    }))
}

/// The client and kind of a work item, for the status line.
pub(super) fn item_label(cx: &Cx, id: i64) -> String {
    match cx.store.work_item(id) {
        Ok(detail) => format!(
            "{} ({})",
            detail.item.client_name,
            crate::domain::text::in_sentence(cx.catalog.kind_name(&detail.item.kind))
        ),
        Err(_) => format!("Werkitem {id}"),
    }
}

/// Uitstellen, a vervolgactie, heropenen.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::PostponeItem,
        needs: Need::WorkItem,
        start: |on| Some(postpone(&on.here, on.work_item?)),
    },
    Starter {
        action: Action::AddFollowUp,
        needs: Need::Client,
        start: |on| {
            let (id, name) = on.client.as_ref()?;
            Some(follow_up(&on.here, *id, name))
        },
    },
    Starter {
        action: Action::ReopenItem,
        needs: Need::ClosedItem,
        start: |on| Some(reopen(on.dossier?.selected_item()?)),
    },
];

impl Edit for ItemEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        Ok(match self {
            ItemEdit::Postpone { id, to, reason } => {
                let what = item_label(cx, *id);
                let done = workflow::postpone_item(cx.store, *id, *to, reason, today)?;
                Applied::done(what, &done, cx.catalog)
            }
            ItemEdit::FollowUp {
                client_id,
                title,
                due,
            } => {
                let done = workflow::add_follow_up(cx.store, *client_id, title, *due, today)?;
                Applied::done(
                    format!("Vervolgactie '{title}' aangemaakt"),
                    &done,
                    cx.catalog,
                )
            }
            ItemEdit::Reopen { id, reason } => {
                let what = item_label(cx, *id);
                let done = workflow::reopen_item(cx.store, *id, reason, today)?;
                Applied::done(what, &done, cx.catalog)
            }
        })
    }

    fn work_item(&self) -> Option<i64> {
        match self {
            ItemEdit::Postpone { id, .. } => Some(*id),
            ItemEdit::FollowUp { .. } | ItemEdit::Reopen { .. } => None,
        }
    }
}
