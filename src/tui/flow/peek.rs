//! Looking ahead: the werkvoorraad and the week as they will stand on a later
//! day if nothing is done before then. Nothing is stored.

use chrono::NaiveDate;

use super::{Need, Start, Starter};
use crate::domain::date::add_days;
use crate::tui::intent::Intent;
use crate::tui::keymap::Action;
use crate::tui::popup::{self, Field, FieldKind, Form};

/// The day to look ahead to, from tomorrow on; a week past the day shown.
pub fn start(today: NaiveDate, shown: Option<NaiveDate>) -> Start {
    let suggested = shown.map_or_else(|| add_days(today, 7), |d| add_days(d, 7));
    let mut form = Form::new(
        "Vooruitkijken — er wordt niets bewaard",
        vec![Field::new(
            "on",
            "Naar welke dag?",
            FieldKind::Date {
                not_before: Some(add_days(today, 1)),
                not_after: None,
            },
            &suggested.to_string(),
        )],
    );
    form.enter_does = "kijkt";
    form.about_client = false;
    Ok(popup::form(form, |values| {
        Ok(Intent::PeekAhead {
            on: values.date("on")?,
        })
    }))
}

/// `>`: from the real today, a week past the day looked at.
pub const STARTERS: &[Starter] = &[Starter {
    action: Action::PeekAhead,
    needs: Need::Nothing,
    start: |on| {
        let real = on.real_today.unwrap_or(on.here.today);
        let shown = on.real_today.map(|_| on.here.today);
        Some(start(real, shown))
    },
}];
