//! The Overzicht screen: the figures of a period in seven blocks, each with the
//! chart that shows its spread (bars by kind, channel or age; the share in view
//! over 26 weeks as a sparkline). Enter opens the rows behind a block; a row opens
//! the client's dossier.

use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block as Panel, Borders, Cell, Paragraph, Row, Sparkline, Table,
};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::keymap::{key_in, Action, Rebound, OVERVIEW_KEYS};
use super::list::ListState;
use crate::domain::catalog::Catalog;
use crate::domain::date::short;
use crate::domain::overview::{percent, Block, BlockRow, Counts, OutOfView, Report};
use crate::domain::period::Period;

/// The rows behind one block, shown in place of the blocks.
#[derive(Debug)]
pub struct Rows {
    pub block: Block,
    pub rows: Vec<BlockRow>,
    pub list: ListState,
}

#[derive(Debug, Default)]
pub struct OverviewView {
    /// `None` until first shown (then this week).
    pub period: Option<Period>,
    pub report: Option<Report>,
    /// Everyone out of view at the end of the period, longest first.
    pub out: Vec<OutOfView>,
    /// The selected block.
    pub blocks: ListState,
    pub rows: Option<Rows>,
}

const MIN_BLOCK_WIDTH: u16 = 38;

impl OverviewView {
    pub fn set(&mut self, period: Period, report: Report, out: Vec<OutOfView>) {
        self.period = Some(period);
        self.report = Some(report);
        self.out = out;
    }

    pub fn selected_block(&self) -> Block {
        Block::ALL[self.blocks.selected.min(Block::ALL.len() - 1)]
    }

    /// Shows the rows behind the selected block.
    pub fn open(&mut self, rows: Vec<BlockRow>) {
        let block = self.selected_block();
        let rows = if block == Block::InView {
            self.out
                .iter()
                .map(|o| BlockRow {
                    client_id: o.client_id,
                    client: o.name.clone(),
                    date: o.since,
                    code: "uit_beeld".to_owned(),
                    detail: None,
                    days: Some(o.days),
                })
                .collect()
        } else {
            rows
        };
        self.rows = Some(Rows {
            block,
            rows,
            list: ListState::default(),
        });
    }

    pub fn selected_client(&self) -> Option<i64> {
        let rows = self.rows.as_ref()?;
        rows.rows.get(rows.list.selected).map(|r| r.client_id)
    }

    /// The title line's words: the period and the day its state is read on.
    pub fn describe(&self) -> String {
        match (&self.period, &self.report) {
            (Some(period), Some(report)) => match &self.rows {
                Some(rows) => format!(
                    "{} · {}: {}",
                    period.label(),
                    rows.block.title(),
                    super::chrome::count(rows.rows.len(), "regel", "regels")
                ),
                None => format!("{} · stand op {}", period.label(), short(report.as_of)),
            },
            _ => String::new(),
        }
    }

    pub fn draw(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        (catalog, rebound): (&Catalog, &[Rebound]),
    ) {
        let Some(report) = &self.report else {
            return;
        };
        if let Some(rows) = &mut self.rows {
            draw_rows(frame, area, rows, (catalog, rebound));
            return;
        }
        let columns = (area.width / MIN_BLOCK_WIDTH).clamp(1, 3) as usize;
        let lines = Block::ALL.len().div_ceil(columns);
        // Blocks get at least five rows; where they do not all fit, the rows of
        // blocks scroll with the selection.
        let height = (area.height / lines as u16).max(5);
        let visible = (area.height / height).max(1) as usize;
        let selected_line = self.blocks.selected / columns;
        let first = self.blocks.window(selected_line, lines, visible).start;
        let row_areas = Layout::vertical(vec![Constraint::Length(height); visible]).split(area);
        for (line, row_area) in (first..lines).zip(row_areas.iter()) {
            let cells = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns])
                .split(*row_area);
            for (column, cell) in cells.iter().enumerate() {
                let index = line * columns + column;
                if let Some(block) = Block::ALL.get(index) {
                    let selected = index == self.blocks.selected;
                    draw_block(frame, *cell, *block, selected, report, &self.out, catalog);
                }
            }
        }
    }
}

fn title(block: Block, figure: String, selected: bool) -> Line<'static> {
    let text = format!(" {} {figure} ", block.title());
    let style = if selected {
        Style::new().reversed().bold()
    } else {
        Style::new().bold()
    };
    Line::from(Span::styled(text, style))
}

/// Bars for counts by code, largest first, named by the catalogue.
fn bars(counts: &Counts, name: impl Fn(&str) -> String) -> Vec<(String, u64)> {
    let mut bars: Vec<(String, u64)> = counts
        .iter()
        .map(|(code, n)| (name(code), (*n).max(0) as u64))
        .collect();
    bars.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    bars
}

fn draw_bars(frame: &mut Frame, area: Rect, bars: &[(String, u64)]) {
    if area.height == 0 || bars.is_empty() {
        return;
    }
    let shown: Vec<Bar> = bars
        .iter()
        .take(area.height as usize)
        .map(|(label, value)| {
            Bar::default()
                .label(Line::from(label.clone()))
                .value(*value)
                .text_value(value.to_string())
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(Style::new().cyan())
        .value_style(Style::new().reversed())
        .data(BarGroup::default().bars(&shown));
    frame.render_widget(chart, area);
}

/// One block: its figure in the title, the lines that explain it, and its chart in
/// the rows that remain.
fn draw_block(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    selected: bool,
    r: &Report,
    out: &[OutOfView],
    catalog: &Catalog,
) {
    let (figure, lines, chart): (String, Vec<String>, Chart) = match block {
        Block::Handled => {
            let h = &r.handled;
            (
                h.total.to_string(),
                vec![
                    format!("op tijd {} · te laat {}", h.on_time, h.late),
                    format!(
                        "§ gehaald {} · gemist {} · loopt {}",
                        h.statutory.met, h.statutory.missed, h.statutory.pending
                    ),
                ],
                Chart::Bars(bars(&h.by_kind, |c| catalog.kind_name(c).to_owned())),
            )
        }
        Block::OpenWork => {
            let o = &r.open_by_age;
            // The day in the title and the latest first: in a block of three
            // rows (80×24) no late line is dropped.
            (
                format!("{} op {}", o.total(), short(r.as_of)),
                Vec::new(),
                Chart::Bars(vec![
                    ("> 30 dagen te laat".to_owned(), o.late_over_30 as u64),
                    ("8–30 dagen te laat".to_owned(), o.late_8_30 as u64),
                    ("1–7 dagen te laat".to_owned(), o.late_1_7 as u64),
                    ("nog niet aan de beurt".to_owned(), o.not_yet_due as u64),
                ]),
            )
        }
        Block::InView => {
            let v = &r.in_view;
            let mut lines = vec![
                format!("{} van {} ({})", v.in_view, v.clients, percent(v.share)),
                format!(
                    "uit beeld geweest {} · weer in beeld {}",
                    v.out_during, v.back_in_view
                ),
            ];
            if let Some(first) = out.first() {
                lines.push(format!("langst: {} ({})", first.name, days(first.days)));
            }
            (
                percent(v.share),
                lines,
                Chart::Spark(
                    v.weekly
                        .iter()
                        .map(|w| (w.in_view * 100 / w.clients.max(1)) as u64)
                        .collect(),
                ),
            )
        }
        Block::Contacts => {
            let a = &r.appointments;
            (
                r.contacts.total.to_string(),
                vec![
                    format!(
                        "afspraken {} · niet verschenen {} ({})",
                        a.total,
                        a.no_shows,
                        percent(a.no_show_rate)
                    ),
                    format!("brieven {} (geen contact)", r.contacts.letters),
                ],
                Chart::Bars(bars(&r.contacts.by_channel, |c| {
                    catalog.channel_name(c).to_owned()
                })),
            )
        }
        Block::Doorstroom => {
            let l = &r.ladder;
            let c = &r.categories;
            (
                format!("▲{} ▼{}", l.up, l.down),
                vec![
                    format!(
                        "trede: {} omhoog, {} gelijk, {} omlaag",
                        l.up, l.same, l.down
                    ),
                    format!(
                        "categorie: {} naar werk, {} verder af",
                        c.toward_work, c.away_from_work
                    ),
                    format!(
                        "leefgebieden beter {} · slechter {}",
                        r.domains.better, r.domains.worse
                    ),
                ],
                Chart::Bars(bars(&l.moves, |m| {
                    format!("trede {}", m.replace('-', " → "))
                })),
            )
        }
        Block::Stroom => (
            format!("+{} −{}", r.instroom.total, r.uitstroom.total),
            vec![
                format!(
                    "instroom {} · nieuw {} · terug {}",
                    r.instroom.total, r.instroom.new, r.instroom.returned
                ),
                format!(
                    "uitstroom {} · overgedragen {}",
                    r.uitstroom.total, r.uitstroom.handed_over
                ),
            ],
            Chart::Bars(bars(&r.uitstroom.by_reason, |c| {
                catalog.end_reason_name(c).to_owned()
            })),
        ),
        Block::Aanvragen => {
            let a = &r.aanvragen;
            let mut lines = vec![
                format!(
                    "ontvangen {} · besloten {} (op tijd {})",
                    a.received, a.decided, a.decided_in_time
                ),
                format!("hersteltermijnen {}", a.hersteltermijnen.given),
            ];
            let voorschot = a.voorschotten.get("verstrekt").copied().unwrap_or(0);
            lines.push(format!("voorschotten verstrekt {voorschot}"));
            (
                a.received.to_string(),
                lines,
                Chart::Bars(bars(&a.hersteltermijnen.by_outcome, |c| match c {
                    "open" => "loopt".to_owned(),
                    c => catalog.outcome_name(c).to_owned(),
                })),
            )
        }
        Block::Handhaving => {
            let h = &r.handhaving;
            let step = |code: &str| h.open.get(code).copied().unwrap_or(0);
            let decided = |code: &str| h.decided.get(code).copied().unwrap_or(0);
            // The figure: heronderzoeken on time of those done.
            (
                format!(
                    "heronderzoek {}/{} op tijd",
                    h.heronderzoeken_on_time, h.heronderzoeken_done
                ),
                vec![
                    format!("heronderzoek over datum {}", h.heronderzoeken_overdue),
                    format!(
                        "opgelegd: maatregel {} · boete {}",
                        decided("maatregel_opgelegd"),
                        decided("boete_opgelegd")
                    ),
                ],
                Chart::Bars(vec![
                    ("open: signaal".to_owned(), step("maatregel") as u64),
                    ("open: zienswijze".to_owned(), step("zienswijze") as u64),
                    // A boete with the OM is open all the same: its term waits.
                    (
                        "open: boete".to_owned(),
                        (step("boete") + step("boete_om")) as u64,
                    ),
                ]),
            )
        }
    };
    let frame_block = Panel::new()
        .borders(Borders::ALL)
        .title(title(block, figure, selected));
    let frame_block = if selected {
        frame_block.border_style(Style::new().bold())
    } else {
        frame_block.border_style(Style::new().dim())
    };
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let text_height = (lines.len() as u16).min(inner.height);
    let [text, rest] =
        Layout::vertical([Constraint::Length(text_height), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>()),
        text,
    );
    match chart {
        Chart::Bars(bars) => draw_bars(frame, rest, &bars),
        Chart::Spark(points) if rest.height > 0 => {
            let spark = Sparkline::default()
                .data(&points)
                .max(100)
                .style(Style::new().green());
            let height = rest.height.min(3);
            let [spark_area, _] =
                Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(rest);
            frame.render_widget(spark, spark_area);
        }
        Chart::Spark(_) => {}
    }
}

enum Chart {
    Bars(Vec<(String, u64)>),
    /// Percentages, oldest first.
    Spark(Vec<u64>),
}

/// A number of days in words: "1 dag", "3 dagen".
fn days(n: i64) -> String {
    if n == 1 {
        "1 dag".to_owned()
    } else {
        format!("{n} dagen")
    }
}

/// What a row behind a block says, in words.
fn row_text(block: Block, row: &BlockRow, catalog: &Catalog) -> String {
    let detail = row.detail.clone().unwrap_or_default();
    match block {
        Block::Handled => {
            let late = match row.days {
                Some(d) if d > 0 => format!(" · {} te laat", days(d)),
                _ => String::new(),
            };
            format!("{}: {detail}{late}", catalog.kind_name(&row.code))
        }
        Block::OpenWork => {
            // "Vervallen" is an outcome: a date still to come is said as a date.
            let when = match row.days.unwrap_or(0) {
                0 => "vandaag aan de beurt".to_owned(),
                d if d > 0 => format!("{} te laat", days(d)),
                d => format!("over {}", days(-d)),
            };
            format!("{}: {detail} · {when}", catalog.kind_name(&row.code))
        }
        Block::InView => format!(
            "niet in beeld: {} sinds het laatste contact",
            days(row.days.unwrap_or(0))
        ),
        Block::Contacts => format!("{}: {detail}", catalog.channel_name(&row.code)),
        Block::Doorstroom if row.code == "categorie" => {
            format!("categorie → {}", catalog.category_name(&detail))
        }
        Block::Doorstroom => detail,
        Block::Stroom => match row.code.as_str() {
            "nieuw" => "nieuw aangemeld".to_owned(),
            "terug" => "heraangemeld".to_owned(),
            _ => format!("uitgestroomd: {}", catalog.end_reason_name(&detail)),
        },
        Block::Aanvragen => match row.code.as_str() {
            "ontvangen" => "aanvraag ontvangen".to_owned(),
            "besloten" => format!("besluit: {}", detail.replace('_', " ")),
            "te_laat_besloten" => format!(
                "besluit: {} (na de beslistermijn)",
                detail.replace('_', " ")
            ),
            _ => format!("hersteltermijn: {}", detail.to_lowercase()),
        },
        Block::Handhaving => {
            let late = match row.days {
                Some(d) if d > 0 => format!(" · {} over datum", days(d)),
                _ => String::new(),
            };
            match row.code.as_str() {
                "heronderzoek_gedaan" => match row.days {
                    Some(d) if d > 0 => format!("heronderzoek gedaan, {} te laat", days(d)),
                    _ => "heronderzoek gedaan, op tijd".to_owned(),
                },
                "heronderzoek" => format!("heronderzoek nog niet gedaan{late}"),
                code @ ("maatregel_opgelegd" | "geen_maatregel" | "boete_opgelegd"
                | "geen_boete") => format!("besluit: {} ({detail})", catalog.outcome_name(code)),
                code => format!(
                    "{} (open): {detail}{late}",
                    catalog.activity_type_name(code)
                ),
            }
        }
    }
}

fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    rows: &mut Rows,
    (catalog, rebound): (&Catalog, &[Rebound]),
) {
    let border = Panel::new().borders(Borders::TOP).title(Line::from(vec![
        Span::styled(format!(" {} ", rows.block.title()), Style::new().bold()),
        Span::raw(format!(
            "· {}: dossier · Esc: terug naar het overzicht ",
            key_in(OVERVIEW_KEYS, Action::OpenClient, rebound).unwrap_or_default()
        )),
    ]));
    let inner = border.inner(area);
    frame.render_widget(border, area);
    if rows.rows.is_empty() {
        frame.render_widget(
            Paragraph::new("Niets in deze periode.").style(Style::new().dim()),
            inner,
        );
        return;
    }
    let name_width = rows
        .rows
        .iter()
        .map(|r| r.client.width())
        .max()
        .unwrap_or(0)
        .clamp(4, 28) as u16;
    let window = rows.list.visible(rows.rows.len(), inner.height as usize);
    let selected = rows.list.selected;
    let lines: Vec<Row> = rows.rows[window.clone()]
        .iter()
        .zip(window)
        .map(|(row, i)| {
            let cells = vec![
                Cell::from(short(row.date)).style(Style::new().dim()),
                Cell::from(row.client.clone()),
                Cell::from(row_text(rows.block, row, catalog)),
            ];
            let line = Row::new(cells);
            if i == selected {
                line.style(Style::new().reversed())
            } else {
                line
            }
        })
        .collect();
    let table = Table::new(
        lines,
        [
            Constraint::Length(11),
            Constraint::Length(name_width),
            Constraint::Min(10),
        ],
    )
    .column_spacing(2);
    frame.render_widget(table, inner);
}
