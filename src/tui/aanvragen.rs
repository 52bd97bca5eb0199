//! Aanvragen in the dossier: the tab that shows each aanvraag with its terms,
//! suspensions, hersteltermijnen and besluit, and the forms that register a melding
//! or aanvraag, its receipt, a hersteltermijn, a verdaging and the besluit.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::Row;
use ratatui::Frame;

use super::caseload::deadline_span;
use super::dossier::{self, DossierView};
use super::form::{Field, FieldKind, Form, Value};
use super::history;
use super::keymap::{key_of, Action, Rebound};
use super::list::ListState;
use super::popup::{simple_choices, Intent, Pick, Picker, Popup, Purpose};
use crate::domain::aanvraag::{herstel_suggestion, BESLISTERMIJN, HERSTELTERMIJN};
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::domain::date::{add_days, age, dutch, short};
use crate::domain::effects::Decision;
use crate::store::{ApplicationView, Result, Store};
use crate::workflow::{self, Done};

/// A legal term or hersteltermijn: its activity, article and why it ends when it
/// ends.
#[derive(Debug, Clone)]
pub struct TermRow {
    pub activity: Activity,
    pub article: String,
    pub explanation: String,
    /// The klantmanager's statutory deadline (§).
    pub statutory: bool,
    /// A term the law computes; a hersteltermijn is set by the municipality.
    pub computed: bool,
    /// The aanvraag it belongs to (an index into the tab's aanvragen).
    pub application: Option<usize>,
}

#[derive(Debug, Clone)]
pub enum AanvraagRow {
    /// An aanvraag: an index into the tab's aanvragen.
    Head(usize),
    Term(Box<TermRow>),
    /// The heading above hersteltermijnen given without an aanvraag.
    Loose,
}

/// The aanvragen of a client, newest first, each followed by its terms.
#[derive(Debug, Default)]
pub struct AanvragenTab {
    pub applications: Vec<ApplicationView>,
    pub rows: Vec<AanvraagRow>,
}

fn herstel_row(activity: &Activity, application: Option<usize>) -> TermRow {
    TermRow {
        activity: activity.clone(),
        article: "Awb 4:5".to_owned(),
        explanation: format!(
            "Hersteltermijn, gesteld door de gemeente: {}. Geen wettelijke termijn; de \
             Algemene termijnenwet verschuift haar niet.",
            activity.title
        ),
        statutory: false,
        computed: false,
        application,
    }
}

impl AanvragenTab {
    /// `activities` are the client's; hersteltermijnen of no aanvraag come last.
    pub fn new(applications: Vec<ApplicationView>, activities: &[Activity]) -> AanvragenTab {
        let mut rows = Vec::new();
        for (i, app) in applications.iter().enumerate() {
            rows.push(AanvraagRow::Head(i));
            rows.extend(app.terms.iter().map(|t| {
                AanvraagRow::Term(Box::new(TermRow {
                    activity: t.activity.clone(),
                    article: t.article.clone(),
                    explanation: t.explanation.clone(),
                    statutory: t.statutory,
                    computed: true,
                    application: Some(i),
                }))
            }));
            rows.extend(
                app.hersteltermijnen
                    .iter()
                    .map(|h| AanvraagRow::Term(Box::new(herstel_row(h, Some(i))))),
            );
        }
        let loose: Vec<&Activity> = activities
            .iter()
            .filter(|a| a.type_code == HERSTELTERMIJN)
            .filter(|a| {
                !applications
                    .iter()
                    .any(|app| app.hersteltermijnen.iter().any(|h| h.id == a.id))
            })
            .collect();
        if !loose.is_empty() {
            rows.push(AanvraagRow::Loose);
            rows.extend(
                loose
                    .into_iter()
                    .map(|a| AanvraagRow::Term(Box::new(herstel_row(a, None)))),
            );
        }
        AanvragenTab { applications, rows }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn activity(&self, selected: usize) -> Option<&Activity> {
        match self.rows.get(selected) {
            Some(AanvraagRow::Term(t)) => Some(&t.activity),
            _ => None,
        }
    }

    /// The aanvraag of the selected row.
    pub fn application(&self, selected: usize) -> Option<&ApplicationView> {
        let index = match self.rows.get(selected)? {
            AanvraagRow::Head(i) => Some(*i),
            AanvraagRow::Term(t) => t.application,
            AanvraagRow::Loose => None,
        }?;
        self.applications.get(index)
    }

    /// The open aanvragen.
    pub fn open(&self) -> impl Iterator<Item = &ApplicationView> {
        self.applications.iter().filter(|a| a.application.is_open())
    }

    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        list: &mut ListState,
        (catalog, rebound): (&Catalog, &[Rebound]),
        today: NaiveDate,
    ) {
        if self.rows.is_empty() {
            return dossier::empty(
                frame,
                area,
                &format!(
                    "Geen aanvragen. Toets {} om een melding of aanvraag te registreren.",
                    key_of(Action::NewApplication, rebound)
                ),
            );
        }
        let [rows_area, detail] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(6)]).areas(area);
        let window = list.visible(self.rows.len(), rows_area.height.saturating_sub(2) as usize);
        let selected = list.selected;
        // Narrow terminals get dates as numbers, so the article keeps some room.
        let wide = area.width >= 100;
        let rows: Vec<Row> = self.rows[window.clone()]
            .iter()
            .zip(window)
            .map(|(row, i)| {
                DossierView::highlight(self.row(row, catalog, today, wide), i == selected)
            })
            .collect();
        let header = Row::new(["Termijn", "Einde", "Status", "Grond"]);
        let widths = [
            Constraint::Length(20),
            Constraint::Length(if wide { 16 } else { 10 }),
            Constraint::Length(28),
            Constraint::Fill(1),
        ];
        frame.render_widget(dossier::table(rows, header, &widths), rows_area);
        dossier::draw_detail(frame, detail, self.detail(selected));
    }

    fn row(
        &self,
        row: &AanvraagRow,
        catalog: &Catalog,
        today: NaiveDate,
        wide: bool,
    ) -> Row<'static> {
        let day = |date: NaiveDate| if wide { dutch(date) } else { short(date) };
        match row {
            AanvraagRow::Head(i) => {
                let a = &self.applications[*i].application;
                let (when, state) = match (a.received_on, a.reported_on, a.expected_on) {
                    (Some(on), _, _) => (day(on), "ontvangen".to_owned()),
                    (None, Some(on), Some(expected)) => {
                        (day(on), format!("melding; verwacht na {}", dutch(expected)))
                    }
                    (None, reported, _) => {
                        (reported.map(day).unwrap_or_default(), "melding".to_owned())
                    }
                };
                let status = match (&a.decision, a.decided_on) {
                    (Some(code), Some(on)) => Line::from(format!(
                        "{} {on}{}",
                        code.replace('_', " "),
                        if a.decided_late { " te laat" } else { "" }
                    )),
                    _ => Line::from("loopt").green(),
                };
                let mut extra = vec![state];
                if a.under_27 {
                    extra.push("jonger dan 27".to_owned());
                }
                if let Some(to) = a.adjourned_to {
                    extra.push(format!("verdaagd tot {}", dutch(to)));
                }
                Row::new(vec![
                    Line::from(format!("Aanvraag {}", a.id)).bold(),
                    Line::from(when),
                    status,
                    Line::from(extra.join(" · ")),
                ])
            }
            AanvraagRow::Loose => Row::new(vec![Line::from("Zonder aanvraag").bold()]),
            AanvraagRow::Term(t) => {
                let a = &t.activity;
                let status = match a.status {
                    ActivityStatus::Closed => Line::from(history::closed(catalog, a)).dim(),
                    ActivityStatus::Open => Line::from(deadline_span(a.end_date, today)),
                };
                let name = if t.statutory {
                    format!("  § {}", a.type_code)
                } else {
                    format!("  {}", a.type_code)
                };
                Row::new(vec![
                    if t.statutory {
                        Line::from(name).magenta()
                    } else {
                        Line::from(name)
                    },
                    Line::from(day(a.end_date)),
                    status,
                    Line::from(match (t.statutory, t.computed) {
                        (true, _) => t.article.clone(),
                        (false, true) => format!("{} · termijn van de aanvrager", t.article),
                        (false, false) => format!("{} · gesteld door de gemeente", t.article),
                    }),
                ])
            }
        }
    }

    /// Below the rows: for an aanvraag its suspensions, verdaging and besluit; for
    /// a term why it ends when it ends.
    fn detail(&self, selected: usize) -> Vec<Line<'static>> {
        match self.rows.get(selected) {
            Some(AanvraagRow::Head(i)) => {
                let view = &self.applications[*i];
                let a = &view.application;
                let mut lines = vec![Line::from(format!("Aanvraag {}", a.id)).bold()];
                let suspended: Vec<String> = view
                    .suspensions
                    .iter()
                    .filter(|s| s.to >= s.from)
                    .map(|s| {
                        let days = (s.to - s.from).num_days() + 1;
                        format!(
                            "{} t/m {} ({})",
                            dutch(s.from),
                            dutch(s.to),
                            super::chrome::count(days as usize, "dag", "dagen")
                        )
                    })
                    .collect();
                lines.push(Line::from(if suspended.is_empty() {
                    "Beslistermijn niet opgeschort.".to_owned()
                } else {
                    format!("Opgeschort (Awb 4:15): {}.", suspended.join("; "))
                }));
                if let (Some(on), Some(to)) = (a.adjourned_on, a.adjourned_to) {
                    lines.push(Line::from(format!(
                        "Verdaagd op {} tot {}: {}",
                        dutch(on),
                        dutch(to),
                        a.adjournment_reason.clone().unwrap_or_default()
                    )));
                }
                lines.push(match (&a.decision, a.decided_on) {
                    (Some(code), Some(on)) => Line::from(format!(
                        "Besluit: {}, bekendgemaakt op {}{}.",
                        decision_name(code).to_lowercase(),
                        dutch(on),
                        if a.decided_late {
                            ", na de beslistermijn"
                        } else {
                            ""
                        }
                    )),
                    _ if a.received_on.is_none() => Line::from(
                        "Wacht op de aanvraag na de zoektermijn: o ontvangen · B besluit",
                    )
                    .dim(),
                    _ => Line::from("Nog geen besluit. H hersteltermijn · V verdagen · B besluit")
                        .dim(),
                });
                lines
            }
            Some(AanvraagRow::Term(t)) => {
                let mut lines = vec![
                    Line::from(t.activity.title.clone()).bold(),
                    Line::from(t.explanation.clone()),
                ];
                if let Some(note) = &t.activity.outcome_note {
                    lines.push(Line::from(vec![
                        Span::raw("Toelichting: "),
                        Span::raw(note.clone()),
                    ]));
                }
                lines
            }
            Some(AanvraagRow::Loose) => {
                vec![Line::from("Hersteltermijnen die bij geen aanvraag horen.").dim()]
            }
            None => Vec::new(),
        }
    }
}

fn decision_name(code: &str) -> &'static str {
    Decision::parse(code).map_or("Besloten", Decision::name)
}

/// A melding or aanvraag: with a birth date the age on that day decides (under 27:
/// a melding, then four weeks zoektermijn); without one the klantmanager says.
pub fn new_application(
    client_id: i64,
    name: &str,
    birth_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Popup {
    match birth_date.and_then(|b| age(b, today)) {
        Some(years) => application_form(client_id, name, years < 27, Some(years), today),
        None => {
            let choices = simple_choices(&[
                ("aanvraag".to_owned(), "Aanvraag ontvangen".to_owned()),
                (
                    "melding".to_owned(),
                    "Melding van een jongere onder 27 (eerst vier weken zoektermijn)".to_owned(),
                ),
            ]);
            Popup::Picker(Picker::new(
                format!("Aanvraag of melding voor {name}"),
                choices,
                Pick::ApplicationKind {
                    client_id,
                    name: name.to_owned(),
                },
                today,
            ))
        }
    }
}

pub fn application_form(
    client_id: i64,
    name: &str,
    under_27: bool,
    years: Option<u32>,
    today: NaiveDate,
) -> Popup {
    let label = if under_27 {
        "Datum van de melding"
    } else {
        "Datum van ontvangst"
    };
    let mut form = Form::new(
        format!(
            "{} voor {name}",
            if under_27 { "Melding" } else { "Aanvraag" }
        ),
        vec![Field::new(
            label,
            FieldKind::Date {
                not_before: None,
                not_after: Some(today),
            },
            &today.to_string(),
        )],
    );
    form.intro = match (under_27, years) {
        (true, Some(years)) => vec![format!(
            "{years} jaar: eerst vier weken zoektermijn; de aanvraag volgt daarna (ontvangen)."
        )],
        (true, None) => {
            vec!["Eerst vier weken zoektermijn; de aanvraag volgt daarna (ontvangen).".to_owned()]
        }
        (false, _) => {
            vec!["De beslistermijn van acht weken en het voorschot beginnen te lopen.".to_owned()]
        }
    };
    Popup::Form(
        form,
        Purpose::Aanvraag(AanvraagPurpose::Application {
            client_id,
            under_27,
        }),
    )
}

/// The aanvraag of a melding arrived, after the zoektermijn.
pub fn received_form(id: i64, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Aanvraag {id} ontvangen"),
            vec![Field::new(
                "Ontvangen op",
                FieldKind::Date {
                    not_before: None,
                    not_after: Some(today),
                },
                &today.to_string(),
            )],
        ),
        Purpose::Aanvraag(AanvraagPurpose::Received { id }),
    )
}

/// A hersteltermijn: what is missing, and an end two weeks out on a working day.
pub fn herstel_form(
    id: i64,
    catalog: &Catalog,
    calendar: &LegalCalendar,
    today: NaiveDate,
) -> Popup {
    let end = herstel_suggestion(catalog, calendar, today).unwrap_or(today);
    let mut form = Form::new(
        format!("Hersteltermijn bij aanvraag {id}"),
        vec![
            Field::new("Wat ontbreekt er?", FieldKind::Text, ""),
            Field::new(
                "Gegeven op",
                FieldKind::Date {
                    not_before: None,
                    not_after: Some(today),
                },
                &today.to_string(),
            ),
            Field::new("Einddatum", FieldKind::EndOf { start: 1 }, &end.to_string()),
        ],
    );
    form.intro = vec!["De beslistermijn staat stil vanaf de dag na het geven.".to_owned()];
    form.calendar = Some(calendar.clone());
    Popup::Form(form, Purpose::Aanvraag(AanvraagPurpose::Herstel { id }))
}

/// A verdaging: the new end, suggested four weeks past the beslistermijn.
pub fn adjourn_form(view: &ApplicationView, today: NaiveDate) -> Popup {
    let end = view
        .terms
        .iter()
        .find(|t| {
            t.activity.type_code == BESLISTERMIJN && t.activity.status == ActivityStatus::Open
        })
        .map_or(today, |t| t.activity.end_date);
    let mut form = Form::new(
        format!("Beslistermijn verdagen (aanvraag {})", view.application.id),
        vec![
            Field::new(
                "Nieuwe einddatum",
                FieldKind::Date {
                    not_before: end.succ_opt(),
                    not_after: None,
                },
                &add_days(end, 28).to_string(),
            )
            .deadline(),
            Field::new(
                "Reden, zoals aan de aanvrager meegedeeld",
                FieldKind::Text,
                "",
            ),
        ],
    );
    form.intro = vec![format!(
        "Awb 4:14 lid 3: vóór het einde van de beslistermijn ({}), met een redelijke termijn.",
        dutch(end)
    )];
    Popup::Form(
        form,
        Purpose::Aanvraag(AanvraagPurpose::Adjourn {
            id: view.application.id,
        }),
    )
}

/// The besluiten; the klantmanager picks one, then the day of bekendmaking.
pub fn decisions(pick: Pick, today: NaiveDate) -> Popup {
    let pairs: Vec<(String, String)> = Decision::ALL
        .iter()
        .map(|d| (d.code().to_owned(), d.name().to_owned()))
        .collect();
    Popup::Picker(Picker::new(
        "Besluit".to_owned(),
        simple_choices(&pairs),
        pick,
        today,
    ))
}

pub fn decide_form(id: i64, decision: Decision, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!(
                "Besluit {}: bekendgemaakt op",
                decision.name().to_lowercase()
            ),
            vec![Field::new(
                "Bekendgemaakt op",
                FieldKind::Date {
                    not_before: None,
                    not_after: Some(today),
                },
                &today.to_string(),
            )],
        ),
        Purpose::Aanvraag(AanvraagPurpose::Decide { id, decision }),
    )
}

/// What an aanvraag form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AanvraagIntent {
    Add {
        client_id: i64,
        on: NaiveDate,
        under_27: bool,
    },
    Received {
        id: i64,
        on: NaiveDate,
    },
    Herstel {
        id: i64,
        missing: String,
        given: NaiveDate,
        end: NaiveDate,
    },
    Adjourn {
        id: i64,
        to: NaiveDate,
        reason: String,
    },
    Decide {
        id: i64,
        decision: Decision,
        made_known: NaiveDate,
    },
}

/// What an aanvraag form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AanvraagPurpose {
    Application { client_id: i64, under_27: bool },
    Received { id: i64 },
    Herstel { id: i64 },
    Adjourn { id: i64 },
    Decide { id: i64, decision: Decision },
}

/// The intent an aanvraag form's values make.
pub fn intent(purpose: &AanvraagPurpose, values: &[Value]) -> Result<Intent, String> {
    let missing = |i: usize| format!("het formulier mist een waarde in veld {}", i + 1);
    let text = |i: usize| {
        values
            .get(i)
            .and_then(Value::text)
            .ok_or_else(|| missing(i))
    };
    let date = |i: usize| {
        values
            .get(i)
            .and_then(Value::date)
            .ok_or_else(|| missing(i))
    };
    Ok(Intent::Aanvraag(match *purpose {
        AanvraagPurpose::Application {
            client_id,
            under_27,
        } => AanvraagIntent::Add {
            client_id,
            on: date(0)?,
            under_27,
        },
        AanvraagPurpose::Received { id } => AanvraagIntent::Received { id, on: date(0)? },
        AanvraagPurpose::Herstel { id } => AanvraagIntent::Herstel {
            id,
            missing: text(0)?,
            given: date(1)?,
            end: date(2)?,
        },
        AanvraagPurpose::Adjourn { id } => AanvraagIntent::Adjourn {
            id,
            to: date(0)?,
            reason: text(1)?,
        },
        AanvraagPurpose::Decide { id, decision } => AanvraagIntent::Decide {
            id,
            decision,
            made_known: date(0)?,
        },
    }))
}

/// Applies an aanvraag edit; the text says what was done.
pub fn apply(
    store: &mut Store,
    intent: AanvraagIntent,
    today: NaiveDate,
) -> Result<(String, Done)> {
    match intent {
        AanvraagIntent::Add {
            client_id,
            on,
            under_27,
        } => workflow::add_application(store, client_id, on, under_27, today)
            .map(|done| (format!("Aanvraag {} geregistreerd", done.id()), done)),
        AanvraagIntent::Received { id, on } => workflow::receive_application(store, id, on, today)
            .map(|done| (format!("Aanvraag {id} ontvangen op {}", dutch(on)), done)),
        AanvraagIntent::Herstel {
            id,
            missing,
            given,
            end,
        } => workflow::give_hersteltermijn(store, id, &missing, given, end, today).map(|done| {
            (
                format!("Hersteltermijn tot {} bij aanvraag {id}", dutch(end)),
                done,
            )
        }),
        AanvraagIntent::Adjourn { id, to, reason } => {
            workflow::adjourn(store, id, to, &reason, today)
                .map(|done| (format!("Aanvraag {id} verdaagd tot {}", dutch(to)), done))
        }
        AanvraagIntent::Decide {
            id,
            decision,
            made_known,
        } => workflow::decide_application(store, id, decision, made_known, today).map(|done| {
            (
                format!(
                    "Besluit op aanvraag {id}: {}",
                    decision.name().to_lowercase()
                ),
                done,
            )
        }),
    }
}
