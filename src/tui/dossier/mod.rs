//! The dossier of one client: who they are, and tabs for activities, terms, work
//! items, contacts and notes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};
use ratatui::Frame;

mod aanvragen;
mod parts;
mod tabs;

use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::catalog::Catalog;
use crate::domain::date::{age, dutch};
use crate::domain::letter::Letter;
use crate::domain::work_item::WorkItem;
use crate::store::{
    ApplicationView, Dossier, ItemHistory, LadderStep, PlanHistory, Result, Situation, Store,
};
use crate::tui::caseload::deadline_span;
use crate::tui::keymap::{key_of, Action, Rebound};
use crate::tui::list::ListState;
use aanvragen::AanvragenTab;

/// Which tabs show their count in the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counts {
    All,
    InView,
    None,
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
        // The names with their counts where they all fit; else the count of the tab
        // in view only; else the names alone, so that every tab stays in view.
        let fits = |titles: &[String]| {
            // Each title with a space either side, a divider between two.
            let width = titles.iter().map(|t| t.chars().count() + 2).sum::<usize>();
            width + titles.len() - 1 <= usize::from(area.width)
        };
        let (titles, narrow) = [Counts::All, Counts::InView]
            .into_iter()
            .map(|counts| self.tab_titles(counts))
            .find(|titles| fits(titles))
            .map_or_else(|| (self.tab_titles(Counts::None), true), |t| (t, false));
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
        if let Some(profile) = c.risk_profile.as_deref() {
            let name = catalog
                .risk_profile(profile)
                .map_or(profile, |p| p.name.as_str());
            push(name.to_lowercase());
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
        // The address where the line has room for it: it is for a letter, the
        // rhythm and the phone come first.
        if let Some([street, place]) = c.address.lines() {
            let address = format!("  ·  {street}, {place}");
            let used: usize = second.iter().map(|s| s.width()).sum();
            if used + address.chars().count() <= area.width as usize {
                second.push(Span::raw(address));
            }
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

    /// The tabs' names, with the counts `counts` asks for.
    fn tab_titles(&self, counts: Counts) -> Vec<String> {
        TABS.iter()
            .map(|t| match t {
                _ if counts == Counts::None => t.title().to_owned(),
                _ if counts == Counts::InView && *t != self.tab => t.title().to_owned(),
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
            .collect()
    }

    fn window(&mut self, len: usize, area: Rect) -> std::ops::Range<usize> {
        self.list
            .visible(len, area.height.saturating_sub(2) as usize)
    }
}
