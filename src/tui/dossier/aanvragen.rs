//! Aanvragen in the dossier: the tab that shows each aanvraag with its terms,
//! suspensions, hersteltermijnen and besluit. Its edits are `flow::aanvraag`'s.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::Row;
use ratatui::Frame;

use super::parts::{draw_detail, empty, highlight, table};
use crate::domain::aanvraag::HERSTELTERMIJN;
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::catalog::Catalog;
use crate::domain::date::{dutch, short};
use crate::domain::effects::Decision;
use crate::store::ApplicationView;
use crate::tui::caseload::deadline_span;
use crate::tui::history;
use crate::tui::keymap::{key_of, Action, Rebound};
use crate::tui::list::ListState;

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
    // Awb 4:5 is about an aanvraag: a hersteltermijn of none is no such term.
    let (article, explanation) = match application {
        Some(_) => (
            "Awb 4:5",
            format!(
                "Hersteltermijn, gesteld door de gemeente: {}. Geen wettelijke termijn; de \
                 Algemene termijnenwet verschuift haar niet.",
                activity.title
            ),
        ),
        None => (
            "geen aanvraag",
            format!(
                "Hersteltermijn zonder aanvraag: {}. Awb 4:5 geldt alleen bij een aanvraag; \
                 voor een lopende uitkering is dit een informatieverzoek (art. 17 Pw).",
                activity.title
            ),
        ),
    };
    TermRow {
        activity: activity.clone(),
        article: article.to_owned(),
        explanation,
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
            return empty(
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
        let cells: Vec<Vec<Line<'static>>> = self
            .rows
            .iter()
            .map(|row| self.cells(row, catalog, today, wide))
            .collect();
        // The first three columns as wide as what they hold (the status at most
        // 30), so that no date is cut; the article takes the rest.
        let width = |column: usize, at_most: usize| {
            let widest = cells
                .iter()
                .filter_map(|c| c.get(column))
                .map(Line::width)
                .max()
                .unwrap_or(0);
            Constraint::Length(widest.clamp(6, at_most) as u16)
        };
        let widths = [
            width(0, 24),
            width(1, 16),
            width(2, 30),
            Constraint::Fill(1),
        ];
        let rows: Vec<Row> = cells[window.clone()]
            .iter()
            .zip(window)
            .map(|(cells, i)| highlight(Row::new(cells.clone()), i == selected))
            .collect();
        let header = Row::new(["Termijn", "Einde", "Status", "Grond"]);
        frame.render_widget(table(rows, header, &widths), rows_area);
        draw_detail(frame, detail, self.detail(selected, rebound));
    }

    /// The cells of one row: the aanvraag by its kind and day, a term by its
    /// name in the catalogue.
    fn cells(
        &self,
        row: &AanvraagRow,
        catalog: &Catalog,
        today: NaiveDate,
        wide: bool,
    ) -> Vec<Line<'static>> {
        let day = |date: NaiveDate| if wide { dutch(date) } else { short(date) };
        match row {
            AanvraagRow::Head(i) => {
                let a = &self.applications[*i].application;
                // The Einde column is the terms'; the aanvraag's own day is said
                // with what it is.
                let state = match (a.received_on, a.reported_on, a.expected_on) {
                    (Some(on), _, _) => format!("ontvangen {}", day(on)),
                    (None, Some(on), Some(expected)) => {
                        format!("melding {}; verwacht na {}", day(on), dutch(expected))
                    }
                    (None, Some(on), None) => format!("melding {}", day(on)),
                    (None, None, _) => "melding".to_owned(),
                };
                let status = match (&a.decision, a.decided_on) {
                    (Some(code), Some(on)) => Line::from(format!(
                        "{} {}{}",
                        decision_name(code).to_lowercase(),
                        short(on),
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
                let name = if a.received_on.is_some() {
                    "Aanvraag"
                } else {
                    "Melding"
                };
                vec![
                    Line::from(name).bold(),
                    Line::default(),
                    status,
                    Line::from(extra.join(" · ")),
                ]
            }
            AanvraagRow::Loose => vec![Line::from("Zonder aanvraag").bold()],
            AanvraagRow::Term(t) => {
                let a = &t.activity;
                let status = match a.status {
                    ActivityStatus::Closed => Line::from(history::closed(catalog, a)).dim(),
                    ActivityStatus::Open => Line::from(deadline_span(a.end_date, today)),
                };
                let name = catalog.activity_type_name(&a.type_code).to_owned();
                vec![
                    if t.statutory {
                        Line::from(format!("  § {name}")).magenta()
                    } else {
                        Line::from(format!("  {name}"))
                    },
                    Line::from(day(a.end_date)),
                    status,
                    Line::from(match (t.statutory, t.computed) {
                        (true, _) => t.article.clone(),
                        (false, true) => format!("{} · termijn van de aanvrager", t.article),
                        (false, false) => format!("{} · gesteld door de gemeente", t.article),
                    }),
                ]
            }
        }
    }

    /// Below the rows: for an aanvraag its suspensions, verdaging and besluit; for
    /// a term why it ends when it ends.
    fn detail(&self, selected: usize, rebound: &[Rebound]) -> Vec<Line<'static>> {
        let key = |action| key_of(action, rebound);
        match self.rows.get(selected) {
            Some(AanvraagRow::Head(i)) => {
                let view = &self.applications[*i];
                let a = &view.application;
                let heading = match (a.received_on, a.reported_on) {
                    (Some(on), _) => format!("Aanvraag, ontvangen {}", dutch(on)),
                    (None, Some(on)) => format!("Melding van {}", dutch(on)),
                    (None, None) => "Aanvraag".to_owned(),
                };
                let mut lines = vec![Line::from(heading).bold()];
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
                            crate::tui::chrome::count(days as usize, "dag", "dagen")
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
                    _ if a.received_on.is_none() => Line::from(format!(
                        "Wacht op de aanvraag na de zoektermijn: {} ontvangen · {} besluit",
                        key(Action::ApplicationReceived),
                        key(Action::Decide)
                    ))
                    .dim(),
                    _ => Line::from(format!(
                        "Nog geen besluit. {} hersteltermijn · {} verdagen · {} besluit",
                        key(Action::GiveHersteltermijn),
                        key(Action::Adjourn),
                        key(Action::Decide)
                    ))
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

/// A besluit by its name; a code no version of the program knows is shown as it
/// is stored, never as another besluit.
fn decision_name(code: &str) -> String {
    Decision::parse(code).map_or_else(|_| code.to_owned(), |d| d.name().to_owned())
}
