//! The command line: argument parsing and the scripted commands. Every edit the
//! cockpit makes can also be made from here.

pub mod agenda;
mod args;
pub mod caseload;
mod catalog;
mod client;
mod corrections;
mod demo;
mod in_view;
mod journal;
mod law;
mod letter;
mod output;
mod passphrase;
mod report;
mod safety;
mod team;
mod work_items;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Context as _};
use chrono::NaiveDate;
use clap::Parser;

pub use args::{CaseloadCommand, Cli, Command};

use crate::domain::date::parse_date;
use crate::domain::effects::Decision;
use crate::domain::handling::CloseRequest;
use crate::domain::sanction::Sanction;
use crate::domain::InputError;
use crate::settings::{self, Settings};
use crate::store::{self, Store, StoreError};
use crate::workflow::{self, Done};
use crate::{clock, tui};

/// What every command needs to know: which file, and which day it is.
pub struct Context {
    pub db: PathBuf,
    /// `--db`, `INBEELD_DB` or the settings named the file (as opposed to the
    /// default path).
    pub db_given: bool,
    /// `--db` or `INBEELD_DB` named it (the demo takes only such a file).
    pub db_flag: bool,
    pub today: NaiveDate,
    /// `--today` or `INBEELD_TODAY` set the date (shown in the cockpit).
    pub today_overridden: bool,
    pub settings: Settings,
    /// The cockpit's colours and keys, as the settings ask.
    pub look: tui::look::Look,
}

impl Context {
    fn from_cli(cli: &Cli) -> anyhow::Result<Context> {
        let (today, today_overridden) = match &cli.today {
            Some(text) => (parse_date(text)?, true),
            None => (clock::today(), false),
        };
        let settings_path = cli
            .settings
            .clone()
            .or_else(settings::default_path)
            .unwrap_or_else(|| PathBuf::from("instellingen.toml"));
        let settings = Settings::load(&settings_path)?;
        let look = tui::look::from_settings(&settings)?;
        // --db and INBEELD_DB first, then the settings' file, then the default.
        let (db, db_given) = match (&cli.db, &settings.caseload) {
            (Some(path), _) | (None, Some(path)) => (path.clone(), true),
            (None, None) => (
                store::default_path().ok_or_else(|| {
                    anyhow!(
                        "geen gegevensmap gevonden voor dit account; geef het bestand op met --db"
                    )
                })?,
                false,
            ),
        };
        clock::pin_today(today_overridden.then_some(today));
        Ok(Context {
            db,
            db_given,
            db_flag: cli.db.is_some(),
            today,
            today_overridden,
            settings,
            look,
        })
    }

    pub fn session(&self, db: &std::path::Path) -> tui::Session {
        tui::Session::new(self.today, self.today_overridden, db)
    }

    /// Opens the database; at the first start of a day it is checked and backed up
    /// first (see `Store::daily_backup`).
    pub fn open(&self) -> anyhow::Result<Store> {
        let mut store = Store::open(&self.db)?;
        // The real day, also under --today: planning ahead keeps the real backups.
        // The team's snapshot is a copy of the server's: made again, not backed up.
        if store.team_snapshot()?.is_none() {
            match store.daily_backup(clock::today()) {
                Ok(_) => {}
                Err(err @ store::StoreError::Damaged(_)) => return Err(err.into()),
                // A backup that cannot be made (a full disk) is said, and the day's
                // work is still there to read and do.
                Err(err) => say(&format!(
                    "inbeeld: de reservekopie van vandaag is niet gemaakt ({err}); maak ruimte \
                     vrij, de volgende start probeert het opnieuw"
                )),
            }
        }
        agenda::keep_beside(&mut store, &self.settings.agenda, self.today);
        if store.upgraded() {
            workflow::reconcile_all(&mut store, self.today)?;
        }
        Ok(store)
    }

    /// Opens the database and runs the sweep first: every command that reads the
    /// werkvoorraad sees the items that today's date has raised.
    pub fn open_swept(&self) -> anyhow::Result<Store> {
        let mut store = self.open()?;
        workflow::sweep(&mut store, self.today)?;
        Ok(store)
    }
}

/// Runs the program with the process's arguments and returns its exit code:
/// 0 ok, 1 runtime failure, 2 bad input (DESIGN.md).
pub fn main() -> ExitCode {
    store::private_from_now_on();
    if let Err(err) = plain_arguments() {
        say(&format!("inbeeld: {err}"));
        return ExitCode::from(2);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with code 0, as clap prints them; a
            // usage error is one Dutch line on stderr with code 2.
            if err.exit_code() == 0 {
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            say(&format!("inbeeld: {}", usage_error(&err)));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            say(&format!("inbeeld: {}{}", one_line(&err), hint(&err)));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// A line on stderr. `eprintln!` panics when stderr is gone (`2>&1 | head` after
/// `head` quit): the line then goes nowhere, and the exit code still says why.
pub(crate) fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    // Made from the grammar alone: no file, no settings.
    match &cli.command {
        Some(Command::Completions { shell }) => return completions(*shell),
        Some(Command::Man) => return man_page(),
        _ => {}
    }
    let ctx = Context::from_cli(&cli)?;
    dispatch(&ctx, cli.command).map_err(|err| {
        // A damaged file: say where the latest good copy is. Seen once, by a read
        // as much as by a write: no further writes.
        let damaged = damage(&err);
        if let Some(reason) = damaged {
            store::mark_damaged(&ctx.db, reason);
        }
        match store::latest_backup(&ctx.db).filter(|_| damaged.is_some()) {
            Some(backup) => anyhow!(
                "{}; de laatste reservekopie is {}",
                one_line(&err),
                backup.display()
            ),
            None => err,
        }
    })
}

/// What damage to the file an error reports, if any.
fn damage(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .find_map(|cause| match cause.downcast_ref::<StoreError>() {
            Some(StoreError::Damaged(reason)) => Some(reason.as_str()),
            _ => None,
        })
}

/// The completions for `shell`, from the same grammar as the command line's.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    use clap::CommandFactory;
    use std::io::Write;
    let mut command = Cli::command();
    // Into memory first: the generator panics on a write that fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "inbeeld", &mut script);
    std::io::stdout().write_all(&script)?;
    Ok(())
}

/// The man page (roff), from the same grammar: the command, its options and its
/// subcommands, in the words `--help` uses.
fn man_page() -> anyhow::Result<()> {
    use clap::CommandFactory;
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?;
    Ok(())
}

fn dispatch(ctx: &Context, command: Option<Command>) -> anyhow::Result<()> {
    // A mistyped --db would otherwise open an empty caseload and show an empty
    // werkvoorraad as if all work were done. Only the default file, `init` and the
    // demo make a new one.
    let creates = matches!(command, Some(Command::Init { .. } | Command::Demo(_)));
    // (A link to a file that is not there counts as not there: SQLite would make
    // the file it points to.)
    if ctx.db_given && !creates && std::fs::metadata(&ctx.db).is_err() {
        return Err(InputError::NoDatabase {
            path: ctx.db.display().to_string(),
        }
        .into());
    }
    match command {
        // The path is looked at before anything is made beside it (the lock).
        None => {
            crate::store::check_file(&ctx.db)?;
            match tui::cockpit_lock(&ctx.db)? {
                Some(lock) => tui::run(
                    ctx.open_swept()?,
                    ctx.session(&ctx.db),
                    Some(lock),
                    ctx.look.clone(),
                ),
                // Another cockpit writes: this one only reads, and neither sweeps nor
                // backs up.
                None => tui::run(
                    Store::open(&ctx.db)?,
                    ctx.session(&ctx.db),
                    None,
                    ctx.look.clone(),
                ),
            }
        }
        Some(Command::Demo(args)) => demo::run(ctx, &args),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => man_page(),
        Some(Command::Init { path }) => {
            let path = path.unwrap_or_else(|| ctx.db.clone());
            if std::fs::symlink_metadata(&path).is_ok() {
                return Err(InputError::FileExists {
                    path: path.display().to_string(),
                    what: "inbeeld init",
                }
                .into());
            }
            Store::open(&path)?;
            output::line(&format!("Nieuwe, lege caseload in {}", path.display()))
        }
        Some(Command::Client(command)) => client::run(ctx, command),
        Some(Command::Activity(command)) => client::run_activity(ctx, command),
        Some(Command::Contact(command)) => journal::run_contact(ctx, command),
        Some(Command::Note(command)) => journal::run_note(ctx, command),
        Some(Command::Catalog(args)) => catalog::run(ctx, args),
        Some(Command::Worklist(args)) => work_items::run_worklist(ctx, &args),
        Some(Command::Report(args)) => report::run(ctx, &args),
        Some(Command::Letter(args)) => letter::run(ctx, args),
        Some(Command::Document(command)) => letter::document(ctx, command),
        Some(Command::Team(command)) => team::run(ctx, command),
        Some(Command::Sync) => team::run_sync(ctx),
        Some(Command::Item(command)) => work_items::run_item(ctx, command),
        Some(Command::Sweep) => work_items::run_sweep(ctx),
        Some(Command::Calendar(command)) => law::run_calendar(ctx, command),
        Some(Command::Term(command)) => law::run_term(ctx, command),
        Some(Command::Aanvraag(command)) => law::run_aanvraag(ctx, command),
        Some(Command::Appointment(command)) => in_view::run_appointment(ctx, command),
        Some(Command::Plan(command)) => in_view::run_plan(ctx, command),
        Some(Command::Situation(command)) => in_view::run_situation(ctx, command),
        Some(Command::Ladder(command)) => in_view::run_ladder(ctx, command),
        Some(Command::Caseload(CaseloadCommand::Import {
            path,
            profile,
            dry_run,
            json,
        })) => caseload::run_import(ctx, &path, profile.as_deref(), dry_run, json),
        Some(Command::Caseload(CaseloadCommand::Profiel { path, out })) => {
            caseload::run_profile(&path, out)
        }
        Some(Command::Agenda { out }) => agenda::run(ctx, out),
        Some(Command::Backup { path }) => safety::run_backup(ctx, &path),
        Some(Command::Check(flag)) => safety::run_check(ctx, flag.json),
        Some(Command::Settings) => show_settings(ctx),
        Some(Command::Restore { path }) => safety::run_restore(ctx, &path),
        Some(Command::Export {
            clients,
            out,
            end,
            plain,
        }) => safety::run_export(ctx, &clients, out.as_deref(), end, plain),
        Some(Command::Import { path }) => safety::run_import(ctx, &path),
        Some(Command::Undo { yes }) => corrections::run_undo(ctx, yes),
    }
}

/// Where the settings are and what is in force.
fn show_settings(ctx: &Context) -> anyhow::Result<()> {
    let s = &ctx.settings;
    let or_default = |v: Option<&str>| v.unwrap_or("(niet ingesteld)").to_owned();
    let mut text = format!(
        "Instellingen: {}{}\n",
        s.path.display(),
        if s.found {
            ""
        } else {
            " (bestaat niet: standaardwaarden)"
        }
    );
    text.push_str(&format!(
        "Klantmanager: {}\nTelefoon: {}\n",
        or_default(s.case_manager.as_deref()),
        or_default(s.phone.as_deref())
    ));
    text.push_str(&format!(
        "Caseload: {}{}\n",
        ctx.db.display(),
        if ctx.db_flag {
            " (--db of INBEELD_DB)"
        } else if ctx.db_given {
            " (uit de instellingen)"
        } else {
            " (standaard)"
        }
    ));
    let colours = if tui::theme::Theme::no_color_asked() {
        "geen (NO_COLOR is gezet)".to_owned()
    } else {
        s.theme.dutch().to_owned()
    };
    text.push_str(&format!("Thema: {colours}\n"));
    for entry in &s.colours {
        text.push_str(&format!("Kleur {}: {}\n", entry.name, entry.value));
    }
    for entry in &s.keys {
        text.push_str(&format!("Toets {}: {}\n", entry.name, entry.value));
    }
    let steps: Vec<String> = s
        .verordening
        .steps
        .iter()
        .map(|step| format!("{}% {} mnd", step.percent, step.months))
        .collect();
    text.push_str(&format!(
        "Verordening: verlagingen {}; terugkijktermijn {} maanden\n",
        steps.join(", "),
        s.verordening.look_back_months
    ));
    // Whether a letter can be made, before one is refused.
    let missing = s.sender.missing();
    text.push_str(
        &match (missing.is_empty(), s.sender.bezoekadres.is_empty()) {
            (true, false) => format!(
                "Afzender: compleet ({}, {}; bezoekadres {})\n",
                s.sender.gemeente, s.sender.naam, s.sender.bezoekadres
            ),
            (true, true) => "Afzender: compleet, maar zonder bezoekadres: een uitnodiging op het \
                         gemeentehuis kan niet (vul [afzender] bezoekadres in)\n"
                .to_owned(),
            (false, _) => format!(
                "Afzender: niet compleet, brieven kunnen niet; vul bij [afzender] nog in: {}\n",
                missing.join(", ")
            ),
        },
    );
    output::line(text.trim_end())
}

/// A usage error the parser found, in one Dutch line that says where to look.
fn usage_error(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let suggestion = match context(ContextKind::SuggestedArg) {
        s if s.is_empty() => match context(ContextKind::SuggestedSubcommand) {
            s if s.is_empty() => String::new(),
            s => format!("; bedoelt u '{s}'?"),
        },
        s => format!("; bedoelt u '{s}'?"),
    };
    let what = match err.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie '{arg}'{suggestion}"),
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht '{}'{suggestion}",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} vraagt een waarde"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = context(ContextKind::ValidValue);
            if valid.is_empty() {
                format!("ongeldige waarde '{value}' bij {arg}")
            } else {
                format!("ongeldige waarde '{value}' bij {arg}; kies uit: {valid}")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("{arg} ontbreekt"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "hier hoort nog een opdracht bij".to_owned()
        }
        ErrorKind::ArgumentConflict => format!(
            "{arg} gaat niet samen met {}",
            context(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals => format!("{arg} vraagt een waarde met '='"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("verkeerd aantal waarden bij {arg}")
        }
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8)".to_owned(),
        _ => "de opdracht klopt niet".to_owned(),
    };
    // The usage line names the command the error is about, for its --help.
    let command = match context(ContextKind::Usage) {
        usage if usage.is_empty() => "inbeeld".to_owned(),
        usage => usage
            .split_whitespace()
            .skip_while(|w| *w != "inbeeld")
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let command = if command.is_empty() {
        "inbeeld".to_owned()
    } else {
        command
    };
    let line = format!("{what} (zie '{command} --help')");
    crate::domain::text::visible(&line, false).into_owned()
}

/// No argument holds a control character (an escape sequence stored in a name
/// would rewrite the screen of whoever reads it); the text of a note (`--text`,
/// `--note`) may hold line breaks and tabs.
fn plain_arguments() -> Result<(), InputError> {
    let mut multi_line = false;
    for arg in std::env::args_os().skip(1) {
        let arg = arg.to_string_lossy();
        let (name, value, next) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, value, false),
            _ => (
                arg.as_ref(),
                arg.as_ref(),
                matches!(arg.as_ref(), "--text" | "--note"),
            ),
        };
        let lines = multi_line || matches!(name, "--text" | "--note");
        if let Some(c) = crate::domain::text::forbidden(value, lines) {
            return Err(InputError::ControlCharacter {
                what: format!(
                    "het argument '{}'",
                    crate::domain::text::visible(value, false)
                ),
                code: crate::domain::text::code_point(c),
            });
        }
        multi_line = next;
    }
    Ok(())
}

/// The error and its causes on one line, as the contract asks.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    let line = crate::domain::text::visible(&line.replace('\n', " "), false).into_owned();
    // A message is read, not scrolled: a few hundred characters at most.
    const MOST: usize = 400;
    match line.char_indices().nth(MOST) {
        Some((cut, _)) => format!("{} …", &line[..cut]),
        None => line,
    }
}

/// The command line's own words after a refusal the cockpit shows without them:
/// which option gives what was missing.
fn hint(err: &anyhow::Error) -> String {
    let input = err.chain().find_map(|cause| {
        cause
            .downcast_ref::<InputError>()
            .or_else(|| match cause.downcast_ref::<StoreError>() {
                Some(StoreError::Input(input)) => Some(input),
                _ => None,
            })
    });
    match input {
        Some(InputError::NeedsNewDate { .. }) => " (--to JJJJ-MM-DD)".to_owned(),
        Some(InputError::NeedsReason { .. }) => " (--note TEKST)".to_owned(),
        Some(InputError::NeedsDecision { .. }) => {
            " (--decision CODE --made-known JJJJ-MM-DD)".to_owned()
        }
        Some(InputError::ExtendInstead { id }) => {
            format!(" ('inbeeld activity extend {id} --to JJJJ-MM-DD')")
        }
        Some(InputError::NoPlan { client }) => {
            format!("; maak er een met 'inbeeld plan new --client {client}'")
        }
        Some(InputError::ChooseApplication { .. }) => " (--aanvraag ID)".to_owned(),
        Some(InputError::ApplicationNotReceived { id, .. }) => {
            format!("; leg de ontvangst vast met 'inbeeld aanvraag received {id}'")
        }
        Some(InputError::OpenWork { .. }) => " (--settle)".to_owned(),
        Some(InputError::OpenApplication { id }) => {
            format!(" ('inbeeld aanvraag decide {id}')")
        }
        Some(InputError::ReopenWithEffects { by_hand: true, .. }) => " ('inbeeld undo')".to_owned(),
        _ => String::new(),
    }
}

fn exit_code(err: &anyhow::Error) -> u8 {
    let bad_input = err.chain().any(|cause| {
        cause.is::<InputError>()
            || cause.is::<settings::SettingsError>()
            || cause.is::<crate::letters::LetterError>()
            || cause
                .downcast_ref::<crate::team::TeamError>()
                .is_some_and(crate::team::TeamError::is_bad_input)
            || cause
                .downcast_ref::<crate::team::SyncError>()
                .is_some_and(|e| {
                    matches!(
                        e,
                        crate::team::SyncError::NotJoined
                            | crate::team::SyncError::NoMember(_)
                            | crate::team::SyncError::OtherMember { .. }
                    )
                })
            || cause
                .downcast_ref::<StoreError>()
                .is_some_and(StoreError::is_bad_input)
    });
    if bad_input {
        2
    } else {
        1
    }
}

/// Writing to stdout failed (a closed pipe, a full disk): a runtime failure.
fn print_failed(err: std::io::Error) -> anyhow::Error {
    anyhow::Error::new(err).context("kan de uitvoer niet schrijven")
}

/// The besluit options of `item close` and `activity close`.
/// A close request from the command line's options.
fn close_request(
    outcome: &str,
    note: Option<String>,
    to: Option<&str>,
    follow_up: Option<String>,
    (channel, time): (Option<String>, Option<String>),
    args: &args::BesluitArgs,
) -> anyhow::Result<CloseRequest> {
    Ok(CloseRequest {
        outcome: outcome.trim().to_owned(),
        note,
        new_date: to.map(parse_date).transpose()?,
        follow_up,
        channel: channel.map(|c| c.trim().to_owned()),
        time,
        decision: args
            .decision
            .as_deref()
            .map(|d| Decision::parse(d.trim()))
            .transpose()?,
        made_known: args.made_known.as_deref().map(parse_date).transpose()?,
        received_on: args.received.as_deref().map(parse_date).transpose()?,
        sanction: match (args.percent, args.months) {
            (Some(percent), Some(months)) => Some(Sanction { percent, months }),
            (None, None) => None,
            _ => return Err(InputError::SanctionHalf.into()),
        },
        sanction_step: None,
    })
}

/// The request with what the verordening says for `client` today, when its
/// outcome asks a verlaging.
fn with_sanction_step(
    ctx: &Context,
    store: &crate::store::Store,
    client: i64,
    mut request: CloseRequest,
) -> anyhow::Result<CloseRequest> {
    let asks = store
        .catalog()?
        .outcome(request.outcome.trim())
        .is_ok_and(|o| o.requires == crate::domain::catalog::Requirement::Sanction);
    if asks {
        request.sanction_step = Some(workflow::sanction_step(
            store,
            client,
            &ctx.settings.verordening,
            ctx.today,
        )?);
    }
    Ok(request)
}

/// A `--date` option's day, or today without one.
fn date_or_today(ctx: &Context, date: Option<&str>) -> anyhow::Result<NaiveDate> {
    Ok(match date {
        Some(text) => parse_date(text)?,
        None => ctx.today,
    })
}

/// Prints what an edit did, in one line, when it did something worth saying.
fn report(done: &Done) -> anyhow::Result<()> {
    let summary = done.summary();
    if summary.is_empty() {
        return Ok(());
    }
    output::line(&summary)
}

/// Prints the id of something just added, alone on its line.
fn print_id(id: i64) -> anyhow::Result<()> {
    use std::io::Write;
    writeln!(std::io::stdout(), "{id}")
        .map_err(print_failed)
        .context("het nummer is wel opgeslagen")
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn a_message_is_a_few_hundred_characters_at_most_and_shows_no_control_characters() {
        let long = anyhow!("{}", "schema ".repeat(5000));
        let line = one_line(&long);
        assert!(line.chars().count() <= 402, "{}", line.len());
        assert!(line.ends_with('…'));
        let escaped = one_line(&anyhow!("naam Jan\u{1b}[2J\nregel"));
        assert_eq!(escaped, "naam Jan␛[2J regel");
    }
}
