//! The caseload screen: every client, how long since the last contact, what is next;
//! sorted and filtered without asking the store again.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::keymap::{key_of, Action, Rebound};
use super::list::ListState;
use crate::domain::catalog::Catalog;
use crate::domain::client::ClientSummary;
use crate::domain::date::relative;
use crate::domain::search::{fold, Found, JournalHit, Query};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Name,
    /// Longest without contact first.
    Contact,
    /// Nearest deadline first.
    Deadline,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => "naam",
            Sort::Contact => "langst geen contact",
            Sort::Deadline => "eerste deadline",
        }
    }

    fn next(self) -> Sort {
        match self {
            Sort::Name => Sort::Contact,
            Sort::Contact => Sort::Deadline,
            Sort::Deadline => Sort::Name,
        }
    }
}

#[derive(Debug, Default)]
pub struct CaseloadView {
    all: Vec<ClientSummary>,
    /// `all`'s names folded for the search (plain letters, lower case).
    folded: Vec<String>,
    /// Indices into `all` that pass the filters, in the chosen order.
    visible: Vec<usize>,
    /// For each visible row, where the search found it.
    found: Vec<Found>,
    pub list: ListState,
    pub sort: Sort,
    /// Only clients of this category.
    pub category: Option<String>,
    /// Only clients out of view.
    pub out_of_view_only: bool,
    /// Only the clients of this klantmanager of the team (from the Team screen).
    pub owner: Option<(String, HashSet<i64>)>,
    /// Only clients found by this: a name (case and accents ignored), a BSN or its
    /// last digits, a birth date.
    pub text: String,
    /// The clients who left the caseload (uitstroom) instead of the caseload.
    pub ended: bool,
    /// For the search: each client's newest note or contact that holds its words.
    journal: HashMap<i64, JournalHit>,
    /// For the search: the clients with a letter of that kenmerk.
    kenmerk: HashSet<i64>,
    /// The widths of the category, contact and deadline columns over the rows
    /// shown, measured at the first frame after they changed (not at every frame:
    /// 10,000 rows).
    widths: Option<[u16; 3]>,
    /// Clients marked for a handover.
    pub marked: BTreeSet<i64>,
}

impl CaseloadView {
    pub fn set_rows(&mut self, rows: Vec<ClientSummary>) {
        let selected = self.selected().map(|c| c.id);
        self.folded = rows.iter().map(|c| fold(&c.name)).collect();
        self.all = rows;
        self.rebuild(selected);
    }

    fn rebuild(&mut self, keep: Option<i64>) {
        let query = Query::new(&self.text);
        let mut rows: Vec<(usize, Found)> = (0..self.all.len())
            .filter_map(|i| {
                let c = &self.all[i];
                let shown = (!self.out_of_view_only || !c.in_view)
                    && self.category.as_ref().is_none_or(|cat| &c.category == cat)
                    && self
                        .owner
                        .as_ref()
                        .is_none_or(|(_, clients)| clients.contains(&c.id));
                if !shown {
                    return None;
                }
                if query.is_empty() {
                    return Some((i, Found::Name));
                }
                let found = query
                    .client(&self.folded[i], c.bsn.as_deref(), c.birth_date)
                    .or_else(|| self.kenmerk.contains(&c.id).then_some(Found::Kenmerk))
                    .or_else(|| self.journal.contains_key(&c.id).then_some(Found::Journal))?;
                Some((i, found))
            })
            .collect();
        let all = &self.all;
        match self.sort {
            Sort::Name => {}
            Sort::Contact => rows.sort_by_key(|&(i, _)| {
                // Never spoken to counts as longest.
                std::cmp::Reverse(all[i].days_since_contact.unwrap_or(i64::MAX))
            }),
            Sort::Deadline => {
                rows.sort_by_key(|&(i, _)| all[i].next_deadline.unwrap_or(NaiveDate::MAX));
            }
        }
        (self.visible, self.found) = rows.into_iter().unzip();
        self.widths = None;
        // The same client stays selected; else the first that was found.
        self.list.selected = keep
            .and_then(|id| self.visible.iter().position(|&i| all[i].id == id))
            .unwrap_or(0);
    }

    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn out_of_view(&self) -> usize {
        self.all.iter().filter(|c| !c.in_view).count()
    }

    pub fn selected(&self) -> Option<&ClientSummary> {
        self.visible.get(self.list.selected).map(|&i| &self.all[i])
    }

    /// Marks the selected client for a handover, or unmarks them.
    pub fn toggle_mark(&mut self) {
        if let Some(id) = self.selected().map(|c| c.id) {
            if !self.marked.remove(&id) {
                self.marked.insert(id);
            }
        }
    }

    /// The clients a handover is about: the marked ones, else the selected one;
    /// with their names.
    pub fn handover(&self) -> Vec<(i64, String)> {
        let marked: Vec<(i64, String)> = self
            .all
            .iter()
            .filter(|c| self.marked.contains(&c.id))
            .map(|c| (c.id, c.name.clone()))
            .collect();
        if marked.is_empty() {
            self.selected()
                .map(|c| (c.id, c.name.clone()))
                .into_iter()
                .collect()
        } else {
            marked
        }
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        let keep = self.selected().map(|c| c.id);
        self.rebuild(keep);
    }

    /// All categories, then each in catalogue order.
    pub fn cycle_category(&mut self, catalog: &Catalog) {
        let codes: Vec<&str> = catalog.categories.iter().map(|c| c.code.as_str()).collect();
        self.category = match &self.category {
            None => codes.first().map(|c| (*c).to_owned()),
            Some(current) => codes
                .iter()
                .position(|c| c == current)
                .and_then(|i| codes.get(i + 1))
                .map(|c| (*c).to_owned()),
        };
        let keep = self.selected().map(|c| c.id);
        self.rebuild(keep);
    }

    /// Clears the category and out-of-view filters (not the search); whether
    /// there were any.
    pub fn clear_filters(&mut self) -> bool {
        let any = self.category.is_some() || self.out_of_view_only || self.owner.is_some();
        if any {
            self.category = None;
            self.out_of_view_only = false;
            self.owner = None;
            let keep = self.selected().map(|c| c.id);
            self.rebuild(keep);
        }
        any
    }

    /// Shows only `clients`, the caseload of `member`.
    pub fn only_of(&mut self, member: &str, clients: HashSet<i64>) {
        self.owner = Some((member.to_owned(), clients));
        self.list = ListState::default();
        self.rebuild(None);
    }

    pub fn toggle_out_of_view(&mut self) {
        self.out_of_view_only = !self.out_of_view_only;
        let keep = self.selected().map(|c| c.id);
        self.rebuild(keep);
    }

    /// Searches for `text`; `journal` holds the notes and contacts that match it,
    /// `kenmerk` the clients with a letter of that kenmerk.
    pub fn set_text(&mut self, text: &str, journal: Vec<JournalHit>, kenmerk: Vec<i64>) {
        self.text = text.to_owned();
        self.journal = journal.into_iter().map(|h| (h.client_id, h)).collect();
        self.kenmerk = kenmerk.into_iter().collect();
        let keep = self.selected().map(|c| c.id);
        self.rebuild(keep);
    }

    /// How the list is narrowed and ordered, for the title bar.
    /// The header: what narrows the list first (at 80 columns the totals are cut,
    /// not it), then the totals, the order and the marks.
    pub fn describe(&self, catalog: &Catalog) -> String {
        let mut narrowed = Vec::new();
        if !self.text.is_empty() {
            narrowed.push(format!("zoek '{}'", self.text));
        }
        if let Some(category) = &self.category {
            narrowed.push(catalog.category_name(category).to_owned());
        }
        if self.out_of_view_only {
            narrowed.push("alleen niet in beeld".to_owned());
        }
        if let Some((member, _)) = &self.owner {
            narrowed.push(format!("van {member}"));
        }
        let total = if self.ended {
            super::chrome::count(
                self.all.len(),
                "uitgestroomde klant",
                "uitgestroomde klanten",
            )
        } else {
            format!(
                "{} klanten · {} niet in beeld",
                self.all.len(),
                self.out_of_view()
            )
        };
        let mut parts = Vec::new();
        if !narrowed.is_empty() || self.len() != self.all.len() {
            parts.push(format!(
                "{} van {}: {}",
                self.len(),
                self.all.len(),
                narrowed.join(" · ")
            ));
        }
        if !self.marked.is_empty() {
            parts.push(format!("{} gemarkeerd", self.marked.len()));
        }
        parts.push(total);
        parts.push(format!("op {}", self.sort.label()));
        parts.join(" · ")
    }

    pub fn draw(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        (catalog, rebound): (&Catalog, &[Rebound]),
        today: NaiveDate,
    ) {
        let block = Block::new().borders(Borders::TOP);
        let inner_height = area.height.saturating_sub(2) as usize; // top border + header
        let window = self.list.visible(self.visible.len(), inner_height);
        if self.visible.is_empty() {
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let text = if self.all.is_empty() {
                format!(
                    "Nog geen klanten: {} schrijft er een in, {} leest een klantenbestand in.",
                    key_of(Action::NewClient, rebound),
                    key_of(Action::ImportCaseload, rebound)
                )
            } else {
                "Geen klanten die bij de zoekopdracht of het filter passen; Esc wist ze.".to_owned()
            };
            frame.render_widget(Line::from(text).dim(), inner);
            return;
        }
        let selected = self.list.selected;
        let query = Query::new(&self.text);
        let rows: Vec<Row> = self.visible[window.clone()]
            .iter()
            .zip(window)
            .map(|(&i, index)| {
                let client = &self.all[i];
                let contact = contact_text(client);
                let contact = if client.in_view {
                    Span::raw(contact)
                } else {
                    Span::styled(format!("{contact} ▲"), Style::new().red().bold())
                };
                let deadline = client
                    .next_deadline
                    .map(|d| deadline_span(d, today))
                    .unwrap_or_else(|| Span::raw("-"));
                // The birth date tells two clients with the same name apart.
                let mark = if self.marked.contains(&client.id) {
                    "● "
                } else {
                    ""
                };
                let mut name = vec![
                    Span::styled(mark, Style::new().cyan().bold()),
                    Span::raw(client.name.clone()),
                ];
                let label = match self.found.get(index) {
                    Some(Found::Journal) => self.journal.get(&client.id).map(|h| h.label(&query)),
                    found => found.and_then(|f| f.label()).map(str::to_owned),
                };
                // A hit in a note gets the birth date's room, so that the column
                // does not cut it before the word it was found on.
                let hit_in_journal = matches!(self.found.get(index), Some(Found::Journal));
                if let Some(birth) = client.birth_date.filter(|_| !hit_in_journal) {
                    name.push(Span::styled(
                        format!("  {}", birth.format("%d-%m-%Y")),
                        Style::new().dim(),
                    ));
                }
                if let Some(label) = label {
                    name.push(Span::styled(format!("  · {label}"), Style::new().dim()));
                }
                if let Some(ended) = client.ended_on {
                    let reason = client.end_reason.as_deref().unwrap_or("");
                    name.push(Span::styled(
                        format!("  uitgestroomd {} ({reason})", ended.format("%d-%m-%Y")),
                        Style::new().dim(),
                    ));
                }
                let row = Row::new(vec![
                    Line::from(name),
                    Line::from(catalog.category_name(&client.category).to_owned()),
                    Line::from(contact),
                    Line::from(deadline),
                    Line::from(client.open_items.to_string()),
                ]);
                if index == selected {
                    row.style(Style::new().reversed())
                } else {
                    row
                }
            })
            .collect();
        let header = Row::new(["Klant", "Categorie", "Contact", "Deadline", "Open"])
            .style(Style::new().bold());
        let [category, contact, deadline] = *self.widths.get_or_insert_with(|| {
            column_widths(self.visible.iter().map(|&i| &self.all[i]), catalog, today)
        });
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(category),
                Constraint::Length(contact),
                Constraint::Length(deadline),
                Constraint::Length(4),
            ],
        )
        .header(header)
        .block(block);
        frame.render_widget(table, area);
    }
}

/// Every column but the name as wide as its widest entry among the rows shown by
/// the search and filters (or its header): the name takes what is left.
fn column_widths<'a>(
    shown: impl Iterator<Item = &'a ClientSummary> + Clone,
    catalog: &Catalog,
    today: NaiveDate,
) -> [u16; 3] {
    let widest = |header: &str, width: &dyn Fn(&ClientSummary) -> usize| {
        shown
            .clone()
            .map(width)
            .max()
            .unwrap_or(0)
            .max(header.width()) as u16
    };
    [
        widest("Categorie", &|c| catalog.category_name(&c.category).width()),
        widest("Contact", &|c| {
            contact_text(c).width() + if c.in_view { 0 } else { 2 }
        }),
        widest("Deadline", &|c| {
            c.next_deadline.map_or(1, |d| relative(d, today).width())
        }),
    ]
}

/// Days since the last contact, as the Contact column says it.
fn contact_text(client: &ClientSummary) -> String {
    match client.days_since_contact {
        Some(0) => "vandaag".to_owned(),
        Some(days) => super::chrome::count(days as usize, "dag", "dagen"),
        None => "nooit".to_owned(),
    }
}

/// A deadline as "over 3 dagen", red once it has passed.
pub fn deadline_span(date: NaiveDate, today: NaiveDate) -> Span<'static> {
    let text = relative(date, today);
    if date < today {
        Span::styled(text, Style::new().red().bold())
    } else if date == today {
        Span::styled(text, Style::new().yellow().bold())
    } else {
        Span::raw(text)
    }
}
