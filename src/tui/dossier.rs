//! The dossier of one client: who they are, and tabs for activities, terms, work
//! items, contacts and notes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Tabs, Wrap};
use ratatui::Frame;

use super::aanvragen::AanvragenTab;
use super::caseload::deadline_span;
use super::history;
use super::keymap::{key_of, Action, Rebound};
use super::list::ListState;
use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::catalog::Catalog;
use crate::domain::date::{age, dutch, short};
use crate::domain::letter::{Letter, LetterKind};
use crate::domain::work_item::{ItemStatus, WorkItem};
use crate::store::{
    ApplicationView, Dossier, ItemHistory, LadderStep, PlanHistory, Result, Situation, Store,
};

pub(super) fn empty(frame: &mut Frame, area: Rect, text: &str) {
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Line::from(text.to_owned()).dim(), inner);
}

/// A few lines under a list about its selected row.
pub(super) fn draw_detail(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP)),
        area,
    );
}

pub(super) fn table<'a>(rows: Vec<Row<'a>>, header: Row<'a>, widths: &[Constraint]) -> Table<'a> {
    Table::new(rows, widths.to_vec())
        .header(header.style(Style::new().bold()))
        .block(Block::new().borders(Borders::TOP))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Activities,
    Aanvragen,
    Plan,
    Items,
    Contacts,
    Notes,
    Situation,
    Letters,
}

const TABS: [Tab; 8] = [
    Tab::Activities,
    Tab::Aanvragen,
    Tab::Plan,
    Tab::Items,
    Tab::Contacts,
    Tab::Notes,
    Tab::Situation,
    Tab::Letters,
];

impl Tab {
    fn title(self) -> &'static str {
        match self {
            Tab::Activities => "Activiteiten",
            Tab::Aanvragen => "Aanvragen",
            Tab::Items => "Werkitems",
            Tab::Contacts => "Contacten",
            Tab::Letters => "Brieven",
            Tab::Notes => "Notities",
            Tab::Plan => "Plan",
            Tab::Situation => "Situatie",
        }
    }
}

pub struct DossierView {
    pub dossier: Dossier,
    pub plan: PlanHistory,
    pub situations: Vec<Situation>,
    pub ladder: Vec<LadderStep>,
    /// Life domain codes and names, for the plan and situation tabs.
    domains: Vec<(String, String)>,
    /// The aanvragen with their terms, newest first.
    pub aanvragen: AanvragenTab,
    pub items: Vec<WorkItem>,
    /// How each item was handled, postponed and reopened, by item id.
    histories: BTreeMap<i64, ItemHistory>,
    /// Open activities first (by end date), then the closed ones (latest first).
    pub activities: Vec<Activity>,
    /// The letters made, newest first.
    pub letters: Vec<Letter>,
    /// The client's klantmanager in the team, when the file knows it.
    pub owner: Option<String>,
    pub tab: Tab,
    pub list: ListState,
    /// The keys the settings moved, as of the last frame: what empty tabs name.
    rebound: Vec<Rebound>,
}

impl DossierView {
    /// How the key of `action` is written now.
    fn key(&self, action: Action) -> String {
        key_of(action, &self.rebound)
    }

    /// Loads everything the dossier shows of one client.
    pub fn load(store: &Store, id: i64, today: NaiveDate) -> Result<DossierView> {
        let mut view = DossierView {
            dossier: store.dossier(id, today)?,
            plan: store.plan_history(id)?,
            situations: store.situations(id)?,
            ladder: store.ladder(id)?,
            domains: store.life_domains()?,
            aanvragen: AanvragenTab::default(),
            activities: Vec::new(),
            items: store.client_items(id)?,
            histories: store.item_histories(id)?,
            letters: store.letters(Some(id))?,
            owner: store.team_owner(id)?,
            tab: Tab::Activities,
            list: ListState::default(),
            rebound: Vec::new(),
        };
        view.sort_activities();
        view.aanvragen = AanvragenTab::new(store.applications(id)?, &view.activities);
        Ok(view)
    }

    /// Takes fresh data for the same client, keeping tab and selection.
    pub fn reload(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        let id = self.client_id();
        self.dossier = store.dossier(id, today)?;
        self.plan = store.plan_history(id)?;
        self.situations = store.situations(id)?;
        self.ladder = store.ladder(id)?;
        self.items = store.client_items(id)?;
        self.histories = store.item_histories(id)?;
        self.letters = store.letters(Some(id))?;
        self.owner = store.team_owner(id)?;
        self.sort_activities();
        self.aanvragen = AanvragenTab::new(store.applications(id)?, &self.activities);
        Ok(())
    }

    fn domain_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.domains
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code, |(_, name)| name.as_str())
    }

    fn sort_activities(&mut self) {
        let mut activities = self.dossier.activities.clone();
        activities.sort_by(|a, b| {
            (a.status == ActivityStatus::Closed)
                .cmp(&(b.status == ActivityStatus::Closed))
                .then(if a.status == ActivityStatus::Open {
                    a.end_date.cmp(&b.end_date)
                } else {
                    b.end_date.cmp(&a.end_date)
                })
        });
        self.activities = activities;
    }

    pub fn client_id(&self) -> i64 {
        self.dossier.client.id
    }

    pub fn next_tab(&mut self, step: isize) {
        let index = TABS.iter().position(|t| *t == self.tab).unwrap_or(0) as isize;
        self.tab = TABS[(index + step).rem_euclid(TABS.len() as isize) as usize];
        self.list = ListState::default();
    }

    /// The activity under the cursor on the activities or terms tab.
    pub fn selected_activity(&self) -> Option<&Activity> {
        match self.tab {
            Tab::Activities => self.activities.get(self.list.selected),
            Tab::Aanvragen => self.aanvragen.activity(self.list.selected),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        match self.tab {
            Tab::Activities => self.activities.len(),
            Tab::Aanvragen => self.aanvragen.len(),
            Tab::Items => self.items.len(),
            Tab::Contacts => self.dossier.contacts.len(),
            Tab::Letters => self.letters.len(),
            Tab::Notes => self.dossier.notes.len(),
            Tab::Plan => self.plan.current.as_ref().map_or(0, |p| p.goals.len()),
            Tab::Situation => self.ladder.len(),
        }
    }

    /// The work item under the cursor on the work items tab.
    pub fn selected_item(&self) -> Option<&WorkItem> {
        (self.tab == Tab::Items)
            .then(|| self.items.get(self.list.selected))
            .flatten()
    }

    pub fn selected_note(&self) -> Option<&crate::domain::journal::Note> {
        (self.tab == Tab::Notes)
            .then(|| self.dossier.notes.get(self.list.selected))
            .flatten()
    }

    pub fn selected_contact(&self) -> Option<&crate::domain::journal::Contact> {
        (self.tab == Tab::Contacts)
            .then(|| self.dossier.contacts.get(self.list.selected))
            .flatten()
    }

    /// The aanvraag an aanvraag key acts on: on the Aanvragen tab the selected
    /// row's, elsewhere the only open one.
    pub fn current_application(&self) -> Option<&ApplicationView> {
        if self.tab == Tab::Aanvragen {
            return self.aanvragen.application(self.list.selected);
        }
        let mut open = self.aanvragen.open();
        match (open.next(), open.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    pub fn draw(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        (catalog, rebound): (&Catalog, &[Rebound]),
        today: NaiveDate,
    ) {
        // The texts of empty tabs name the keys as the settings have them now.
        self.rebound = rebound.to_vec();
        let [header, tabs, body] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        self.draw_header(frame, header, catalog, today);
        // Narrow terminals get the names alone, so that every tab stays in view.
        let narrow = area.width < 100;
        let titles: Vec<String> = TABS
            .iter()
            .map(|t| match t {
                _ if narrow => t.title().to_owned(),
                Tab::Activities => format!("{} ({})", t.title(), self.activities.len()),
                Tab::Aanvragen => format!("{} ({})", t.title(), self.aanvragen.applications.len()),
                Tab::Items => format!("{} ({})", t.title(), self.items.len()),
                Tab::Contacts if self.dossier.no_shows > 0 => format!(
                    "{} ({}, {} niet verschenen)",
                    t.title(),
                    self.dossier.contacts.len(),
                    self.dossier.no_shows
                ),
                Tab::Contacts => format!("{} ({})", t.title(), self.dossier.contacts.len()),
                Tab::Letters => format!("{} ({})", t.title(), self.letters.len()),
                Tab::Plan => match &self.plan.current {
                    Some(plan) => format!("{} (v{})", t.title(), plan.version),
                    None => t.title().to_owned(),
                },
                Tab::Situation => t.title().to_owned(),
                Tab::Notes => format!("{} ({})", t.title(), self.dossier.notes.len()),
            })
            .collect();
        let selected = TABS.iter().position(|t| *t == self.tab).unwrap_or(0);
        let mut bar = Tabs::new(titles)
            .select(selected)
            .highlight_style(Style::new().bold().reversed());
        if narrow {
            // Eight names and their dividers fit 80 columns without padding.
            bar = bar.padding("", "");
        }
        frame.render_widget(bar, tabs);
        match self.tab {
            Tab::Activities => self.draw_activities(frame, body, catalog, today),
            Tab::Aanvragen => {
                self.aanvragen
                    .draw(frame, body, &mut self.list, (catalog, rebound), today)
            }
            Tab::Items => self.draw_items(frame, body, catalog, today),
            Tab::Contacts => self.draw_contacts(frame, body, catalog),
            Tab::Letters => self.draw_letters(frame, body, today),
            Tab::Notes => self.draw_notes(frame, body),
            Tab::Plan => self.draw_plan(frame, body, today),
            Tab::Situation => self.draw_situation(frame, body, catalog),
        }
    }

    fn draw_header(&self, frame: &mut Frame, area: Rect, catalog: &Catalog, today: NaiveDate) {
        let d = &self.dossier;
        let c = &d.client;
        let mut first = vec![Span::styled(c.name.clone(), Style::new().bold())];
        // A planned uitstroom right after the name: it must not be cut off.
        if let Some(plan) = &c.planned_end {
            first.push(Span::raw("  ·  "));
            first.push(Span::styled(
                format!(
                    "uitstroom per {} ({})",
                    dutch(plan.on),
                    catalog.end_reason_name(&plan.reason).to_lowercase()
                ),
                Style::new().bold(),
            ));
        }
        let mut push = |text: String| {
            first.push(Span::raw("  ·  "));
            first.push(Span::raw(text));
        };
        if let Some(bsn) = &d.bsn_masked {
            push(format!("BSN {bsn}"));
        }
        if let Some(years) = c.birth_date.and_then(|b| age(b, today)) {
            push(format!("{years} jaar"));
        }
        push(match d.category_history.last() {
            Some(change) => format!(
                "{} (sinds {})",
                catalog.category_name(&c.category),
                dutch(change.on)
            ),
            None => catalog.category_name(&c.category).to_owned(),
        });
        if let Some(channel) = &c.contact_preference {
            push(format!("voorkeur: {}", catalog.channel_name(channel)));
        }
        if let Some(owner) = &self.owner {
            push(format!("klantmanager {owner}"));
        }
        let contact = match d.days_since_contact {
            Some(0) => "laatste contact vandaag".to_owned(),
            Some(days) => format!(
                "laatste contact {} geleden",
                super::chrome::count(days as usize, "dag", "dagen")
            ),
            None => "nog geen contact".to_owned(),
        };
        let view = if let (Some(on), Some(reason)) = (c.ended_on, &c.end_reason) {
            // Out of the caseload: no rhythm to be in view by.
            Span::styled(
                format!(
                    "uitgestroomd op {} ({}); {contact}",
                    dutch(on),
                    catalog.end_reason_name(reason).to_lowercase()
                ),
                Style::new().bold(),
            )
        } else if d.in_view {
            Span::styled(format!("{contact} (in beeld)"), Style::new().green())
        } else {
            Span::styled(
                format!("{contact} — niet in beeld ▲"),
                Style::new().red().bold(),
            )
        };
        let mut second = vec![view];
        if let Some(phone) = &c.phone {
            second.push(Span::raw(format!("  ·  tel {phone}")));
        }
        if let Some(email) = &c.email {
            second.push(Span::raw(format!("  ·  {email}")));
        }
        let next = self
            .activities
            .iter()
            .filter(|a| a.status == ActivityStatus::Open && a.end_date >= today)
            .min_by_key(|a| a.end_date);
        let third = match next {
            // The date first: a long title is cut off at the right, not the date.
            Some(a) => Line::from(vec![
                Span::raw(format!("Eerstvolgende einddatum: {} (", dutch(a.end_date))),
                deadline_span(a.end_date, today),
                Span::raw("): "),
                Span::styled(a.title.clone(), Style::new().bold()),
            ]),
            None => Line::from("Geen lopende activiteit met een einddatum in de toekomst.").dim(),
        };
        frame.render_widget(
            Paragraph::new(vec![Line::from(first), Line::from(second), third]),
            area,
        );
    }

    fn window(&mut self, len: usize, area: Rect) -> std::ops::Range<usize> {
        self.list
            .visible(len, area.height.saturating_sub(2) as usize)
    }

    pub(super) fn highlight(row: Row<'_>, selected: bool) -> Row<'_> {
        if selected {
            row.style(Style::new().reversed())
        } else {
            row
        }
    }

    fn draw_activities(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        catalog: &Catalog,
        today: NaiveDate,
    ) {
        let activities = self.activities.clone();
        if activities.is_empty() {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen activiteiten. Toets {} om er een vast te leggen.",
                    self.key(Action::AddActivity)
                ),
            );
        }
        let [area, detail] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(4)]).areas(area);
        if let Some(a) = activities.get(self.list.selected) {
            draw_detail(frame, detail, history::activity_lines(catalog, a));
        }
        // Narrow terminals get the end date only, so the title keeps its room.
        let wide = area.width >= 100;
        let window = self.window(activities.len(), area);
        let selected = self.list.selected;
        let rows: Vec<Row> = activities[window.clone()]
            .iter()
            .zip(window)
            .map(|(a, i)| {
                let status = match (&a.status, &a.outcome) {
                    (ActivityStatus::Closed, _) => {
                        Span::styled(history::closed(catalog, a), Style::new().dim())
                    }
                    (ActivityStatus::Open, _) => deadline_span(a.end_date, today),
                };
                let period = if wide {
                    format!("{} – {}", short(a.start_date), short(a.end_date))
                } else {
                    short(a.end_date)
                };
                // An afspraak shows when and how.
                let title = match (
                    &a.time,
                    a.channel.as_deref().map(|c| catalog.channel_name(c)),
                ) {
                    (Some(time), Some(channel)) => format!("{} ({time}, {channel})", a.title),
                    (None, Some(channel)) => format!("{} ({channel})", a.title),
                    _ => a.title.clone(),
                };
                let kind = catalog.activity_type_name(&a.type_code);
                Self::highlight(
                    Row::new(vec![
                        Line::from(kind.to_owned()),
                        Line::from(title),
                        Line::from(period),
                        Line::from(status),
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new([
            "Soort",
            "Titel",
            if wide { "Periode" } else { "Einde" },
            "Status",
        ]);
        let widths = [
            Constraint::Length(19),
            Constraint::Fill(1),
            Constraint::Length(if wide { 25 } else { 11 }),
            Constraint::Length(if wide { 30 } else { 22 }),
        ];
        frame.render_widget(table(rows, header, &widths), area);
    }

    fn draw_plan(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate) {
        let Some(plan) = self.plan.current.clone() else {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen plan van aanpak. Toets {} om het eerste doel toe te voegen.",
                    self.key(Action::AddGoal)
                ),
            );
        };
        let [head, list] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
        let evaluation = match (plan.evaluation_date, &plan.evaluation_status) {
            (Some(date), Some(status)) => Line::from(vec![
                Span::raw(format!("Evaluatie {} (", dutch(date))),
                if status == "loopt" {
                    deadline_span(date, today)
                } else {
                    Span::raw(status.clone())
                },
                Span::raw(")"),
            ]),
            _ => Line::from(format!(
                "Nog geen evaluatiedatum: toets {}.",
                self.key(Action::SetEvaluation)
            ))
            .yellow(),
        };
        let older = match self.plan.previous.len() {
            0 => String::new(),
            n => format!("  ·  {n} eerdere versie(s), leesbaar met 'inbeeld plan show'"),
        };
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(
                        format!("Plan van aanpak versie {}", plan.version),
                        Style::new().bold(),
                    ),
                    Span::raw(format!(", gestart {}{older}", dutch(plan.start_date))),
                ]),
                evaluation,
            ]),
            head,
        );
        if plan.goals.is_empty() {
            return empty(
                frame,
                list,
                &format!(
                    "Nog geen doelen. Toets {} om er een toe te voegen.",
                    self.key(Action::AddGoal)
                ),
            );
        }
        let window = self.window(plan.goals.len(), list);
        let selected = self.list.selected;
        let rows: Vec<Row> = plan.goals[window.clone()]
            .iter()
            .zip(window)
            .map(|(g, i)| {
                let status = match g.status.as_str() {
                    "loopt" | "bijgesteld" => Line::from(vec![
                        Span::raw(if g.status == "bijgesteld" {
                            "bijgesteld, "
                        } else {
                            ""
                        }),
                        deadline_span(g.deadline, today),
                    ]),
                    "behaald" => Line::from("Behaald").green(),
                    other => Line::from(capitalised(other)).dim(),
                };
                Self::highlight(
                    Row::new(vec![
                        Line::from(self.domain_name(&g.domain).to_owned()),
                        Line::from(g.text.clone()),
                        Line::from(short(g.deadline)),
                        status,
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new(["Leefgebied", "Doel", "Deadline", "Status"]);
        let widths = [
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(28),
        ];
        frame.render_widget(table(rows, header, &widths), list);
    }

    fn draw_situation(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog) {
        if self.ladder.is_empty()
            && self.situations.is_empty()
            && self.dossier.category_history.is_empty()
        {
            return empty(
                frame,
                area,
                &format!(
                    "Nog niets vastgelegd. Toets {} voor de trede, {} voor een leefgebied.",
                    self.key(Action::AddLadderStep),
                    self.key(Action::AddSituation)
                ),
            );
        }
        let [ladder, domains] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(area);
        // The ladder: each step with its movement since the one before.
        let mut lines = vec![Line::from("Participatieladder").bold()];
        let mut previous: Option<i64> = None;
        for step in &self.ladder {
            let movement = match previous {
                Some(p) if step.step > p => Span::styled(" ▲", Style::new().green()),
                Some(p) if step.step < p => Span::styled(" ▼", Style::new().red()),
                Some(_) => Span::raw(" ="),
                None => Span::raw(""),
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{}  trede {}", dutch(step.assessed_on), step.step)),
                movement,
                Span::styled(
                    format!("  {}", step.note.clone().unwrap_or_default()),
                    Style::new().dim(),
                ),
            ]));
            previous = Some(step.step);
        }
        if !self.dossier.category_history.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from("Doorstroom").bold());
            for change in &self.dossier.category_history {
                lines.push(Line::from(format!(
                    "{}  {} → {}",
                    dutch(change.on),
                    catalog.category_name(&change.from),
                    catalog.category_name(&change.to)
                )));
                lines.push(Line::from(format!("  {}", change.reason)).dim());
            }
        }
        frame.render_widget(
            Paragraph::new(lines).block(Block::new().borders(Borders::TOP)),
            ladder,
        );
        // Per life domain: the scores over time, oldest to newest.
        let mut lines = vec![Line::from("Leefgebieden (1 grote zorgen … 5 op orde)").bold()];
        for (code, name) in &self.domains {
            let scores: Vec<&Situation> = self
                .situations
                .iter()
                .filter(|s| &s.domain == code)
                .collect();
            if scores.is_empty() {
                continue;
            }
            let trail: Vec<String> = scores.iter().map(|s| s.score.to_string()).collect();
            let last = scores
                .last()
                .map(|s| dutch(s.assessed_on))
                .unwrap_or_default();
            lines.push(Line::from(format!(
                "{name:<16} {}   (laatst {last})",
                trail.join(" → ")
            )));
        }
        frame.render_widget(
            Paragraph::new(lines).block(Block::new().borders(Borders::TOP)),
            domains,
        );
    }

    fn draw_items(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog, today: NaiveDate) {
        if self.items.is_empty() {
            return empty(frame, area, "Geen werkitems.");
        }
        let [area, detail] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(5)]).areas(area);
        if let Some(item) = self.items.get(self.list.selected) {
            let lines = history::item_lines(catalog, item, self.histories.get(&item.id));
            draw_detail(frame, detail, lines);
        }
        let window = self.window(self.items.len(), area);
        let selected = self.list.selected;
        let rows: Vec<Row> = self.items[window.clone()]
            .iter()
            .zip(window)
            .map(|(item, i)| {
                let status = match item.status {
                    ItemStatus::Open => Line::from(deadline_span(item.due_date, today)),
                    ItemStatus::Closed => {
                        Line::from(history::handled(catalog, self.histories.get(&item.id))).dim()
                    }
                };
                Self::highlight(
                    Row::new(vec![
                        Line::from(short(item.due_date)),
                        status,
                        Line::from(format!(
                            "{}{}",
                            if item.legal { "§ " } else { "" },
                            catalog.kind_name(&item.kind)
                        )),
                        Line::from(item.title.clone()),
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new(["Vervalt", "Status", "Soort", "Wat"]);
        let widths = [
            Constraint::Length(11),
            Constraint::Length(26),
            Constraint::Length(16),
            Constraint::Fill(1),
        ];
        let table = table(rows, header, &widths);
        frame.render_widget(table, area);
    }

    fn draw_letters(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate) {
        if self.letters.is_empty() {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen brieven. Toets {} op een afspraak of hersteltermijn om er een te maken.",
                    self.key(Action::Letter)
                ),
            );
        }
        let window = self.window(self.letters.len(), area);
        let selected = self.list.selected;
        let rows: Vec<Row> = self.letters[window.clone()]
            .iter()
            .zip(window)
            .map(|(l, i)| {
                let kind = LetterKind::from_code(&l.kind).map_or(l.kind.as_str(), |k| k.name());
                let sent = match l.sent_on {
                    Some(on) => Line::from(format!("verstuurd {}", short(on))),
                    None if l.made_on < today => Line::from("nog niet verstuurd").yellow(),
                    None => Line::from("nog niet verstuurd"),
                };
                Self::highlight(
                    Row::new(vec![
                        Line::from(dutch(l.made_on)),
                        Line::from(kind.to_owned()),
                        Line::from(l.about.clone()),
                        sent,
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new(["Gemaakt", "Brief", "Over", "Verstuurd"]);
        let widths = [
            Constraint::Length(16),
            Constraint::Length(19),
            Constraint::Fill(1),
            Constraint::Length(21),
        ];
        frame.render_widget(table(rows, header, &widths), area);
    }

    /// The letter under the cursor on the Brieven tab.
    pub fn selected_letter(&self) -> Option<&Letter> {
        (self.tab == Tab::Letters)
            .then(|| self.letters.get(self.list.selected))
            .flatten()
    }

    fn draw_contacts(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog) {
        if self.dossier.contacts.is_empty() {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen contactmomenten. Toets {} om er een vast te leggen.",
                    self.key(Action::AddContact)
                ),
            );
        }
        let window = self.window(self.dossier.contacts.len(), area);
        let selected = self.list.selected;
        let rows: Vec<Row> = self.dossier.contacts[window.clone()]
            .iter()
            .zip(window)
            .map(|(c, i)| {
                let channel = if c.no_show {
                    Line::from(format!(
                        "{} (niet verschenen)",
                        catalog.channel_name(&c.channel)
                    ))
                    .red()
                } else {
                    Line::from(catalog.channel_name(&c.channel).to_owned())
                };
                Self::highlight(
                    Row::new(vec![
                        Line::from(dutch(c.date)),
                        channel,
                        Line::from(format!(
                            "{}{}",
                            c.note.clone().unwrap_or_default(),
                            if c.corrected { " (gecorrigeerd)" } else { "" }
                        )),
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new(["Datum", "Kanaal", "Notitie"]);
        let widths = [
            Constraint::Length(16),
            Constraint::Length(26),
            Constraint::Fill(1),
        ];
        let table = table(rows, header, &widths);
        frame.render_widget(table, area);
    }

    fn draw_notes(&mut self, frame: &mut Frame, area: Rect) {
        if self.dossier.notes.is_empty() {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen notities. Toets {} om er een te schrijven.",
                    self.key(Action::AddNote)
                ),
            );
        }
        let block = Block::new().borders(Borders::TOP);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let notes = &self.dossier.notes;
        self.list.selected = self.list.selected.min(notes.len().saturating_sub(1));
        self.list.page = inner.height as usize / 3;
        // Notes are read whole: from the selected one down, wrapped.
        let lines: Vec<Line> = notes
            .iter()
            .skip(self.list.selected)
            .flat_map(|n| {
                let mut lines = vec![if n.corrected {
                    Line::from(vec![
                        Span::styled(dutch(n.date), Style::new().bold()),
                        Span::styled("  gecorrigeerd", Style::new().dim()),
                    ])
                } else {
                    Line::from(dutch(n.date)).bold()
                }];
                lines.extend(n.text.lines().map(|l| Line::from(format!("  {l}"))));
                lines.push(Line::default());
                lines
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

/// `vervallen` → `Vervallen`: a status shown as the catalogue shows outcomes.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
