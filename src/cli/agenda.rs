//! The agenda for Outlook: `inbeeld agenda`, and the `.ics` file beside the caseload
//! that every change keeps up to date (`[agenda] bijhouden`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Context;
use crate::domain::date::add_days;
use crate::exchange::agenda::{agenda_ics, AgendaOptions, Names};
use crate::settings::AgendaSettings;
use crate::store::Store;

/// How far back the file shows afspraken: a calendar keeps the recent past.
const PAST_DAYS: i64 = 30;

/// The file beside the caseload: `caseload.sqlite` → `caseload.ics`.
pub fn beside(db: &Path) -> PathBuf {
    db.with_extension("ics")
}

fn options(settings: &AgendaSettings) -> AgendaOptions {
    AgendaOptions {
        names: if settings.full_names {
            Names::Full
        } else {
            Names::Initials
        },
        visiting_address: settings.visiting_address.clone(),
        reminder_minutes: settings.reminder_minutes,
    }
}

/// The agenda of `store` as iCalendar text, and how many events it holds.
pub fn agenda_text(
    store: &Store,
    settings: &AgendaSettings,
    today: NaiveDate,
) -> anyhow::Result<(String, usize)> {
    let from = add_days(today, -PAST_DAYS);
    let appointments = store.calendar_appointments(from)?;
    let deadlines = store.calendar_deadlines(today)?;
    let text = agenda_ics(
        &store.database_id()?,
        &appointments,
        &deadlines,
        &options(settings),
    );
    Ok((text, appointments.len() + deadlines.len()))
}

/// Writes the agenda to `path` whole or not at all (a calendar reading it meanwhile
/// sees the old file or the new one), through a name of this process: a cockpit and a
/// command writing at once never rename the other's half-written file.
pub fn write_agenda(
    store: &Store,
    settings: &AgendaSettings,
    today: NaiveDate,
    path: &Path,
) -> anyhow::Result<usize> {
    let (text, events) = agenda_text(store, settings, today)?;
    let temporary = crate::store::part_name(path);
    let written = std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written?;
    Ok(events)
}

/// From now on every change to `store` writes the agenda beside it, when the
/// settings keep one. A file that cannot be written leaves the change as it is: the
/// agenda is a view, and `inbeeld agenda` says what is wrong.
pub fn keep_beside(store: &mut Store, settings: &AgendaSettings, today: NaiveDate) {
    if !settings.keep {
        return;
    }
    let settings = settings.clone();
    store.on_change(Box::new(move |store| {
        let _ = write_agenda(store, &settings, today, &beside(store.path()));
    }));
}

/// `inbeeld agenda [--out FILE]`.
pub fn run(ctx: &Context, out: Option<PathBuf>) -> anyhow::Result<()> {
    let store = ctx.open_swept()?;
    match out {
        Some(path) => {
            let events = write_agenda(&store, &ctx.settings.agenda, ctx.today, &path)?;
            super::output::line(&format!(
                "{events} afspraken en termijnen in {}",
                path.display()
            ))
        }
        None => {
            use std::io::Write;
            let (text, _) = agenda_text(&store, &ctx.settings.agenda, ctx.today)?;
            // As it is: iCalendar lines end in CRLF.
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(super::print_failed)
        }
    }
}
