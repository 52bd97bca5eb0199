//! The cockpit: app state, event loop, views, keymap. It never writes SQL; edits go
//! through the store, and views draw from rows built when data changed.

mod app;
pub mod background;
mod caseload;
mod chrome;
mod dossier;
mod flow;
mod help;
mod history;
mod input;
mod intent;
mod keymap;
mod list;
pub mod look;
mod overview;
mod popup;
mod team;
pub mod theme;
mod week;
mod worklist;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyEventKind};

pub use app::{App, Screen};
pub use intent::Intent;

use crate::clock;
use crate::store::Store;

/// How the cockpit was started.
#[derive(Debug, Clone)]
pub struct Session {
    pub today: NaiveDate,
    /// `--today` set the date: the status line says so.
    pub today_overridden: bool,
    /// The database file as the status line shows it.
    pub db_label: String,
    /// Another cockpit has the file open: this one only reads.
    pub read_only: bool,
    /// `today` is a day looked ahead to, in a copy that stores nothing.
    pub peeking: bool,
}

impl Session {
    /// Labels the file with the home folder written as `~`, as shells do.
    pub fn new(today: NaiveDate, today_overridden: bool, db: &std::path::Path) -> Session {
        let home = crate::settings::home_dir();
        let db_label = match home.as_deref().and_then(|h| db.strip_prefix(h).ok()) {
            Some(rest) => format!("~/{}", rest.display()),
            None => db.display().to_string(),
        };
        Session {
            today,
            today_overridden,
            db_label,
            read_only: false,
            peeking: false,
        }
    }
}

/// The lock one cockpit holds on a database file, so that a second one only reads
/// instead of two interleaving their edits. Released when dropped (or the process
/// ends, whatever way).
pub struct CockpitLock {
    _held: std::fs::File,
}

/// Takes the cockpit lock of `db`, or `None` when another cockpit holds it.
pub fn cockpit_lock(db: &std::path::Path) -> std::io::Result<Option<CockpitLock>> {
    if let Some(folder) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(std::path::PathBuf::from(name))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(CockpitLock { _held: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(err)) => Err(err),
    }
}

/// Opens the cockpit on the terminal and runs it until the user quits. The terminal
/// is restored on quit, on error and on panic (ratatui's hook restores it before the
/// panic message is printed, so the message reaches the user). Without the cockpit
/// lock (another cockpit holds it) the file is only read.
pub fn run(
    store: Store,
    mut session: Session,
    lock: Option<CockpitLock>,
    look: look::Look,
) -> anyhow::Result<()> {
    // The team's snapshot is only read, like a file another cockpit holds.
    if lock.is_none() || store.team_snapshot()?.is_some() {
        session.read_only = true;
        store.set_read_only()?;
    }
    let letters = crate::letters::LetterSetup {
        sender: look.sender,
        settings: look.settings,
        templates: look.templates,
        folder: crate::letters::LetterSetup::folder_beside(store.path()),
    };
    // A file linked to the team syncs in the background, unless it only reads.
    let syncs = !session.read_only && store.team_link()?.is_some();
    let path = store.path().to_owned();
    let mut app = App::new(store, session)?;
    if syncs {
        app.start_sync(path);
    }
    app.set_letters(letters);
    app.set_theme(look.theme);
    app.set_keys(look.rebound);
    app.set_verordening(look.verordening);
    let mut terminal = ratatui::try_init()?;
    // Pastes arrive as one event of text, not as keys (a pasted line break would
    // save a form and the rest run as commands). Switched off again on quit, on
    // error and on panic.
    crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste)?;
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
        restore_hook(info);
    }));
    let result = event_loop(&mut terminal, &mut app);
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::try_restore()?;
    drop(lock);
    result
}

/// How often the cockpit looks whether another process changed the file.
const LOOK_FOR_CHANGES: std::time::Duration = std::time::Duration::from_secs(1);

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let mut input = input::Input::start()?;
    let mut dirty = true;
    let mut next_tick = std::time::Instant::now() + clock::until_next_minute();
    while !app.should_quit() {
        if app.take_redraw_all() {
            terminal.clear()?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| app.draw(frame))?;
            dirty = false;
        }
        // Sleep until input, the next look for changes, or the next whole minute:
        // no redraw without a reason.
        let wait = next_tick
            .saturating_duration_since(std::time::Instant::now())
            .min(LOOK_FOR_CHANGES);
        match input.next(wait)? {
            Some(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                app.handle_key(key);
                dirty = true;
            }
            Some(Event::Paste(text)) => {
                app.handle_paste(&text);
                dirty = true;
            }
            Some(Event::Resize(_, _)) => dirty = true,
            Some(_) => {}
            None if std::time::Instant::now() >= next_tick => {
                app.tick(clock::today());
                next_tick = std::time::Instant::now() + clock::until_next_minute();
                dirty = true;
            }
            None => dirty = app.notice_changes(),
        }
        if app.poll_sync() {
            dirty = true;
        }
    }
    Ok(())
}
