//! The dossier's tabs but the Aanvragen tab: activities, plan, situation, work
//! items, letters, contacts and notes.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Wrap};
use ratatui::Frame;

use super::parts::{draw_detail, empty, fit, highlight, table};
use super::{DossierView, Tab};
use crate::domain::activity::ActivityStatus;
use crate::domain::catalog::Catalog;
use crate::domain::date::{dutch, short};
use crate::domain::letter::{Letter, LetterKind};
use crate::domain::work_item::ItemStatus;
use crate::store::Situation;
use crate::tui::caseload::deadline_span;
use crate::tui::history;
use crate::tui::keymap::Action;

impl DossierView {
    pub(super) fn draw_activities(
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
                highlight(
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
        let status_of = |a: &crate::domain::activity::Activity| match a.status {
            ActivityStatus::Closed => history::closed(catalog, a).chars().count(),
            ActivityStatus::Open => deadline_span(a.end_date, today).width(),
        };
        let widths = [
            fit(
                activities
                    .iter()
                    .map(|a| catalog.activity_type_name(&a.type_code).chars().count()),
                5,
                22,
            ),
            Constraint::Fill(1),
            Constraint::Length(if wide { 25 } else { 11 }),
            fit(
                activities.iter().map(status_of),
                6,
                if wide { 42 } else { 24 },
            ),
        ];
        frame.render_widget(table(rows, header, &widths), area);
    }

    pub(super) fn draw_plan(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate) {
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
                highlight(
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
            Constraint::Length(11),
            Constraint::Length(26),
        ];
        frame.render_widget(table(rows, header, &widths), list);
    }

    pub(super) fn draw_situation(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog) {
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
            ]));
            // The note on a line of its own, wrapped within the column.
            if let Some(note) = &step.note {
                lines.push(Line::from(format!("  {note}")).dim());
            }
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
        let block = Block::new().borders(Borders::TOP);
        let inner = block.inner(ladder);
        frame.render_widget(block, ladder);
        // Two columns of room before the life domains.
        let inner = Rect {
            width: inner.width.saturating_sub(2),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
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

    pub(super) fn draw_items(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        catalog: &Catalog,
        today: NaiveDate,
    ) {
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
                highlight(
                    Row::new(vec![
                        Line::from(short(item.due_date)),
                        status,
                        Line::from(format!(
                            "{}{}",
                            if item.legal { "§ " } else { "" },
                            catalog.kind_name(&item.kind)
                        )),
                        Line::from(
                            crate::tui::worklist::what(&item.title, catalog.kind_name(&item.kind))
                                .to_owned(),
                        ),
                    ]),
                    i == selected,
                )
            })
            .collect();
        let header = Row::new(["Vervalt", "Status", "Soort", "Wat"]);
        let status_of = |item: &crate::domain::work_item::WorkItem| match item.status {
            ItemStatus::Open => deadline_span(item.due_date, today).width(),
            ItemStatus::Closed => history::handled(catalog, self.histories.get(&item.id))
                .chars()
                .count(),
        };
        let widths = [
            Constraint::Length(11),
            fit(self.items.iter().map(status_of), 6, 40),
            fit(
                self.items
                    .iter()
                    .map(|i| catalog.kind_name(&i.kind).chars().count() + 2),
                5,
                24,
            ),
            Constraint::Fill(1),
        ];
        let table = table(rows, header, &widths);
        frame.render_widget(table, area);
    }

    pub(super) fn draw_letters(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate) {
        if self.letters.is_empty() {
            return empty(
                frame,
                area,
                &format!(
                    "Nog geen brieven. Toets {} op een afspraak, hersteltermijn, informatieverzoek of zienswijze om er een te maken.",
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
                let known = LetterKind::from_code(&l.kind).ok();
                let kind = known.map_or(l.kind.as_str(), |k| k.name());
                let sent = match l.sent_on {
                    Some(on) => Line::from(format!("verstuurd {}", short(on))),
                    // A plan is signed on paper, a rapportage read by colleagues.
                    None if known.is_some_and(|k| !k.is_sent()) => Line::from("—").dim(),
                    None if l.made_on < today => Line::from("nog niet verstuurd").yellow(),
                    None => Line::from("nog niet verstuurd"),
                };
                highlight(
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

    pub(super) fn draw_contacts(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog) {
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
                highlight(
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
        let channel_of = |c: &crate::domain::journal::Contact| {
            catalog.channel_name(&c.channel).chars().count()
                + if c.no_show {
                    " (niet verschenen)".len()
                } else {
                    0
                }
        };
        let widths = [
            Constraint::Length(16),
            fit(self.dossier.contacts.iter().map(channel_of), 6, 32),
            Constraint::Fill(1),
        ];
        let table = table(rows, header, &widths);
        frame.render_widget(table, area);
    }

    pub(super) fn draw_notes(&mut self, frame: &mut Frame, area: Rect) {
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
