//! The client status report, as Markdown or as one self-contained HTML page.
//!
//! Both are rendered from the same [`StatusReport`], computed once from the project as the
//! client may see it ([`Project::client_view`]) unless everything is asked for. Words come from
//! the locale files in the language of the calling thread ([`crate::i18n::set_language`]).
//!
//! Sections: the header (project, client, goal, date, overall status — see
//! [`crate::report::Status`]), milestones, changes since the latest baseline, buffers, top
//! risks, recent meetings with their decisions, open action items.
//!
//! A milestone's status is [`crate::rules::milestone`]'s; a buffer's colour is
//! [`crate::rules::BufferHealth`]'s.

use chrono::NaiveDate;

use crate::model::{ItemKind, Owner, Project};
use crate::report::{RiskLevel, Status, latest_baseline, overall_status};
use crate::rules::{BufferHealth, Why};
use crate::schedule::{Change, WorkCalendar, buffer_consumption, changes_since, span_of};
use crate::tr;

/// Appends formatted text to a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        $out.write_fmt(format_args!($($arg)*)).unwrap_or_default()
    }};
}

pub use crate::rules::{AT_RISK_MARGIN_WORKDAYS, MilestoneStatus};

/// How many open risks the report lists.
pub const TOP_RISKS: usize = 5;

/// How many recent meetings the report lists.
pub const RECENT_MEETINGS: usize = 5;

/// How many changes since the baseline the report lists before summing up the rest.
pub const MAX_CHANGES: usize = 20;

/// The CSS class of a milestone status's colour.
fn milestone_class(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::Reached | MilestoneStatus::OnTime => "good",
        MilestoneStatus::AtRisk => "warn",
        MilestoneStatus::Late | MilestoneStatus::ReachedLate => "bad",
    }
}

/// One milestone row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneRow {
    /// Its name.
    pub name: String,
    /// Its current date.
    pub date: NaiveDate,
    /// Its date in the latest baseline.
    pub baseline: Option<NaiveDate>,
    /// Working days later (positive) than in the latest baseline.
    pub variance_workdays: Option<i64>,
    /// Its deadline.
    pub deadline: Option<NaiveDate>,
    /// How it stands ([`crate::rules::judge`]).
    pub status: MilestoneStatus,
    /// Why.
    pub why: Why,
}

/// One item that changed since the latest baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    /// Its name now (then, when removed).
    pub name: String,
    /// Its dates in the baseline (`None` when added).
    pub then: Option<(NaiveDate, NaiveDate)>,
    /// Its dates now (`None` when removed).
    pub now: Option<(NaiveDate, NaiveDate)>,
    /// Whether it is a milestone (one date).
    pub milestone: bool,
    /// Working days its finish moved (positive = later), when it moved.
    pub finish_workdays: Option<i64>,
    /// Progress then and now, when it changed.
    pub progress: Option<(u8, u8)>,
    /// Its name in the baseline, when renamed.
    pub renamed_from: Option<String>,
}

/// One buffer row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferRow {
    /// Its name.
    pub name: String,
    /// Working days reserved.
    pub planned_workdays: u32,
    /// Working days left.
    pub remaining_workdays: i64,
    /// Percent used, 0–100.
    pub consumed_percent: u8,
    /// Its zone ([`BufferHealth::of`]).
    pub health: BufferHealth,
}

/// One risk row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskRow {
    /// Its title.
    pub title: String,
    /// Probability × impact.
    pub score: u8,
    /// Probability, 1–5.
    pub probability: u8,
    /// Impact, 1–5.
    pub impact: u8,
    /// Low, medium or high.
    pub level: RiskLevel,
    /// Who owns it.
    pub owner: String,
    /// What is done about it.
    pub mitigation: String,
}

/// One meeting with its decisions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRow {
    /// When.
    pub date: NaiveDate,
    /// Its title.
    pub title: String,
    /// What was decided.
    pub decisions: Vec<String>,
}

/// One open action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    /// What to do.
    pub text: String,
    /// Who.
    pub owner: String,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Whether the due date has passed.
    pub overdue: bool,
    /// The meeting it came from.
    pub meeting: String,
}

/// Everything the report says, computed once for both formats.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport {
    /// The project's name.
    pub project: String,
    /// The client's name.
    pub client: String,
    /// The project's goal.
    pub goal: String,
    /// The date of the report.
    pub today: NaiveDate,
    /// The overall status.
    pub status: Status,
    /// Milestones in date order.
    pub milestones: Vec<MilestoneRow>,
    /// The latest baseline's name and date.
    pub baseline: Option<(String, NaiveDate)>,
    /// Items whose dates changed, or that were added, removed or renamed, in the project's
    /// order (removed ones last).
    pub changes: Vec<ChangeRow>,
    /// Changed items not listed (beyond [`MAX_CHANGES`]).
    pub more_changes: usize,
    /// Items whose progress alone changed.
    pub progress_only: usize,
    /// Buffers in the project's order.
    pub buffers: Vec<BufferRow>,
    /// The open risks with the highest scores.
    pub risks: Vec<RiskRow>,
    /// The latest meetings up to today, newest first.
    pub meetings: Vec<MeetingRow>,
    /// Open action items by due date.
    pub actions: Vec<ActionRow>,
}

fn day(date: NaiveDate) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Iso, crate::i18n::language())
}

fn owner_name(project: &Project, owner: Option<&Owner>) -> String {
    owner.map_or_else(String::new, |owner| {
        crate::rules::owner_name(project, owner)
    })
}

fn signed(workdays: i64) -> String {
    if workdays > 0 {
        format!("+{workdays}")
    } else {
        workdays.to_string()
    }
}

/// Computes the report of `project` on `today`.
pub fn build(project: &Project, today: NaiveDate, include_internal: bool) -> StatusReport {
    // The honest status, internal items and risks included, as the title card has it.
    let status = overall_status(project, today);
    let project = if include_internal {
        project.clone()
    } else {
        project.client_view()
    };
    let calendar = WorkCalendar::new(&project.calendar);
    let latest = latest_baseline(&project);

    let mut milestones: Vec<MilestoneRow> = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Milestone)
        .map(|item| {
            let baseline = latest
                .and_then(|baseline| baseline.items.iter().find(|old| old.item == item.id))
                .map(|old| old.finish);
            let variance_workdays = baseline.map(|old| calendar.workdays_between(old, item.finish));
            let compared =
                latest.and_then(|baseline| baseline.items.iter().find(|old| old.item == item.id));
            let judgement = crate::rules::judge(item, compared, &calendar, today);
            MilestoneRow {
                name: item.name.clone(),
                date: item.finish,
                baseline,
                variance_workdays,
                deadline: item.deadline,
                status: judgement.status,
                why: judgement.why,
            }
        })
        .collect();
    milestones.sort_by_key(|row| row.date);

    let mut changes: Vec<ChangeRow> = Vec::new();
    let mut progress_only = 0;
    if let Some(baseline) = latest {
        let mut rows: Vec<(crate::model::ItemId, ChangeRow)> = Vec::new();
        for change in changes_since(&project, &calendar, baseline) {
            let id = match &change {
                Change::Added { item, .. }
                | Change::Removed { item, .. }
                | Change::Moved { item, .. }
                | Change::Renamed { item, .. }
                | Change::ProgressChanged { item, .. } => *item,
            };
            if rows.last().is_none_or(|(last, _)| *last != id) {
                let now = project.item(id);
                let then = baseline.items.iter().find(|old| old.item == id);
                rows.push((
                    id,
                    ChangeRow {
                        name: now.map_or_else(
                            || then.map(|old| old.name.clone()).unwrap_or_default(),
                            |item| item.name.clone(),
                        ),
                        then: then.map(|old| (old.start, old.finish)),
                        now: now.map(|item| (item.start, item.finish)),
                        milestone: now.is_some_and(|item| item.kind == ItemKind::Milestone),
                        finish_workdays: None,
                        progress: None,
                        renamed_from: None,
                    },
                ));
            }
            let Some((_, row)) = rows.last_mut() else {
                continue;
            };
            match change {
                Change::Added { .. } | Change::Removed { .. } => {}
                Change::Moved { variance, .. } => {
                    row.finish_workdays = Some(variance.finish_workdays);
                }
                Change::Renamed { old, .. } => row.renamed_from = Some(old),
                Change::ProgressChanged { old, new, .. } => row.progress = Some((old, new)),
            }
        }
        for (_, row) in rows {
            let dated = row.then.is_none()
                || row.now.is_none()
                || row.finish_workdays.is_some()
                || row.renamed_from.is_some();
            if dated {
                changes.push(row);
            } else {
                progress_only += 1;
            }
        }
    }
    let more_changes = changes.len().saturating_sub(MAX_CHANGES);
    changes.truncate(MAX_CHANGES);

    let buffers = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Buffer)
        .map(|item| BufferRow {
            name: item.name.clone(),
            planned_workdays: item.planned_workdays,
            remaining_workdays: span_of(&calendar, item).workdays(),
            consumed_percent: (buffer_consumption(&calendar, item) * 100.0).round() as u8,
            health: BufferHealth::of_item(&calendar, item),
        })
        .collect();

    let mut open_risks: Vec<_> = project
        .risks
        .iter()
        .filter(|risk| risk.status.is_open())
        .collect();
    open_risks.sort_by_key(|risk| std::cmp::Reverse(risk.score()));
    let risks = open_risks
        .into_iter()
        .take(TOP_RISKS)
        .map(|risk| RiskRow {
            title: risk.title.clone(),
            score: risk.score(),
            probability: risk.probability,
            impact: risk.impact,
            level: RiskLevel::of(risk.score()),
            owner: owner_name(&project, risk.owner.as_ref()),
            mitigation: risk.mitigation.clone(),
        })
        .collect();

    let mut past: Vec<_> = project
        .meetings
        .iter()
        .filter(|meeting| meeting.date <= today)
        .collect();
    past.sort_by_key(|meeting| std::cmp::Reverse((meeting.date, meeting.time.clone())));
    let meetings = past
        .into_iter()
        .take(RECENT_MEETINGS)
        .map(|meeting| MeetingRow {
            date: meeting.date,
            title: meeting.title.clone(),
            decisions: meeting.decisions.clone(),
        })
        .collect();

    let mut actions: Vec<ActionRow> = project
        .meetings
        .iter()
        .flat_map(|meeting| {
            let project = &project;
            meeting
                .actions
                .iter()
                .filter(|action| !action.done)
                .map(move |action| ActionRow {
                    text: action.text.clone(),
                    owner: owner_name(project, action.owner.as_ref()),
                    due: action.due,
                    overdue: action.due.is_some_and(|due| due < today),
                    meeting: meeting.title.clone(),
                })
        })
        .collect();
    actions.sort_by_key(|action| (action.due.is_none(), action.due));

    StatusReport {
        project: project.name.clone(),
        client: project.client.name.clone(),
        goal: project.goal.clone(),
        today,
        status,
        milestones,
        baseline: latest.map(|baseline| (baseline.name.clone(), baseline.taken)),
        changes,
        more_changes,
        progress_only,
        buffers,
        risks,
        meetings,
        actions,
    }
}

fn level_key(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "status_report.risk_level.low",
        RiskLevel::Medium => "status_report.risk_level.medium",
        RiskLevel::High => "status_report.risk_level.high",
    }
}

fn level_class(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "good",
        RiskLevel::Medium => "warn",
        RiskLevel::High => "bad",
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "good",
        Status::AtRisk => "warn",
        Status::Late => "bad",
    }
}

fn buffer_class(health: BufferHealth) -> &'static str {
    match health {
        BufferHealth::Green => "good",
        BufferHealth::Amber => "warn",
        BufferHealth::Red => "bad",
    }
}

fn optional_day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), day)
}

/// A Markdown table cell: one line, pipes escaped.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A Markdown table: header, separator and rows, every cell escaped.
fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|cell| md_cell(cell)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(header));
    put!(out, "|{}\n", "---|".repeat(header.len()));
    for row in rows {
        out.push_str(&line(row));
    }
    out.push('\n');
}

fn t(key: &str) -> String {
    tr!(key).into_owned()
}

/// A label followed by the language's colon.
fn label(key: &str) -> String {
    tr!("status_report.label", label = t(key)).into_owned()
}

/// The report as Markdown.
pub fn markdown(project: &Project, today: NaiveDate, include_internal: bool) -> String {
    render_markdown(&build(project, today, include_internal))
}

/// Renders a computed report as Markdown.
pub fn render_markdown(report: &StatusReport) -> String {
    let mut out = String::new();
    put!(
        out,
        "# {}\n\n",
        tr!("status_report.title", project = md_cell(&report.project))
    );
    if !report.client.is_empty() {
        put!(
            out,
            "**{}** {}  \n",
            label("status_report.client"),
            md_cell(&report.client)
        );
    }
    put!(
        out,
        "**{}** {}  \n**{}** {}\n\n",
        label("status_report.date"),
        day(report.today),
        label("status_report.overall"),
        t(report.status.key())
    );
    if !report.goal.is_empty() {
        put!(
            out,
            "**{}** {}\n\n",
            label("status_report.goal"),
            md_cell(&report.goal)
        );
    }

    table_section(
        &mut out,
        Format::Markdown,
        Section::Milestones,
        report.milestones.iter().map(|row| {
            vec![
                row.name.clone(),
                day(row.date),
                optional_day(row.baseline),
                row.variance_workdays.map_or_else(|| "—".to_owned(), signed),
                optional_day(row.deadline),
                t(row.status.key()),
            ]
        }),
    );

    put!(out, "## {}\n\n", t("status_report.changes"));
    match &report.baseline {
        None => put!(out, "{}\n\n", t("status_report.no_baseline")),
        Some((name, taken)) => {
            put!(
                out,
                "{}\n\n",
                tr!(
                    "status_report.since_baseline",
                    name = md_cell(name),
                    date = day(*taken)
                )
            );
            if report.changes.is_empty() {
                put!(out, "{}\n\n", t("status_report.no_changes"));
            } else {
                let rows: Vec<Vec<String>> = report
                    .changes
                    .iter()
                    .map(|row| change_cells(row).to_vec())
                    .collect();
                md_table(&mut out, &change_header(), &rows);
            }
            for note in change_notes(report) {
                put!(out, "{note}\n\n");
            }
        }
    }

    table_section(
        &mut out,
        Format::Markdown,
        Section::Buffers,
        report.buffers.iter().map(|row| {
            vec![
                row.name.clone(),
                row.planned_workdays.to_string(),
                row.remaining_workdays.to_string(),
                format!("{} %", row.consumed_percent),
            ]
        }),
    );

    table_section(
        &mut out,
        Format::Markdown,
        Section::Risks,
        report.risks.iter().map(|row| {
            vec![
                row.title.clone(),
                format!(
                    "{} ({} × {}) {}",
                    row.score,
                    row.probability,
                    row.impact,
                    t(level_key(row.level))
                ),
                row.owner.clone(),
                row.mitigation.clone(),
            ]
        }),
    );

    put!(out, "## {}\n\n", t("status_report.meetings"));
    if report.meetings.is_empty() {
        put!(out, "{}\n\n", t("status_report.none"));
    }
    for meeting in &report.meetings {
        put!(
            out,
            "### {} — {}\n\n",
            day(meeting.date),
            md_cell(&meeting.title)
        );
        if meeting.decisions.is_empty() {
            put!(out, "{}\n\n", t("status_report.no_decisions"));
        } else {
            for decision in &meeting.decisions {
                put!(out, "- {}\n", md_cell(decision));
            }
            out.push('\n');
        }
    }

    table_section(
        &mut out,
        Format::Markdown,
        Section::Actions,
        report.actions.iter().map(|row| {
            let mut due = optional_day(row.due);
            if row.overdue {
                due = format!("{due} ({})", t("status_report.overdue"));
            }
            vec![
                row.text.clone(),
                row.owner.clone(),
                due,
                row.meeting.clone(),
            ]
        }),
    );
    out
}

fn span_text(span: Option<(NaiveDate, NaiveDate)>, milestone: bool) -> String {
    match span {
        None => "—".to_owned(),
        Some((start, finish)) if milestone || start == finish => day(finish),
        Some((start, finish)) => format!("{} – {}", day(start), day(finish)),
    }
}

/// Dates as HTML: each date kept on one line, a range free to wrap at its dash.
fn span_html(span: Option<(NaiveDate, NaiveDate)>, milestone: bool) -> String {
    match span {
        None => "—".to_owned(),
        Some((start, finish)) if milestone || start == finish => {
            format!("<span class=\"nw\">{}</span>", day(finish))
        }
        Some((start, finish)) => format!(
            "<span class=\"nw\">{}</span> – <span class=\"nw\">{}</span>",
            day(start),
            day(finish)
        ),
    }
}

/// The cells of a change row: item, baseline dates, dates now, finish variance, progress.
fn change_cells(row: &ChangeRow) -> [String; 5] {
    let note = if row.then.is_none() {
        Some(t("status_report.change.added"))
    } else if row.now.is_none() {
        Some(t("status_report.change.removed"))
    } else {
        row.renamed_from
            .as_ref()
            .map(|old| tr!("status_report.change.renamed_from", old = old).into_owned())
    };
    let name = match note {
        Some(note) => tr!("status_report.change.note", name = row.name, note = note).into_owned(),
        None => row.name.clone(),
    };
    [
        name,
        span_text(row.then, row.milestone),
        span_text(row.now, row.milestone),
        row.finish_workdays.map_or_else(String::new, signed),
        row.progress
            .map_or_else(String::new, |(old, new)| format!("{old}% → {new}%")),
    ]
}

fn change_header() -> Vec<String> {
    [
        "status_report.col.item",
        "status_report.col.baseline",
        "status_report.col.now",
        "status_report.col.finish_variance",
        "status_report.col.progress",
    ]
    .map(t)
    .to_vec()
}

/// The lines under the table of changes: what is not listed.
fn change_notes(report: &StatusReport) -> Vec<String> {
    let mut notes = Vec::new();
    if report.more_changes > 0 {
        notes.push(tr!("status_report.more_changes", count = report.more_changes).into_owned());
    }
    if report.progress_only > 0 {
        notes.push(tr!("status_report.progress_only", count = report.progress_only).into_owned());
    }
    notes
}

/// The two formats the report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Markdown: cells are plain text, escaped when the table is written.
    Markdown,
    /// HTML: cells are already markup (`<td>…</td>`).
    Html,
}

/// The sections of the report that are one table, alike in both formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Milestones,
    Buffers,
    Risks,
    Actions,
}

impl Section {
    /// The key of its heading.
    fn title(self) -> &'static str {
        match self {
            Self::Milestones => "status_report.milestones",
            Self::Buffers => "status_report.buffers",
            Self::Risks => "status_report.risks",
            Self::Actions => "status_report.actions",
        }
    }

    /// The key of what it says without rows.
    fn empty(self) -> &'static str {
        match self {
            Self::Milestones | Self::Buffers => "status_report.none",
            Self::Risks => "status_report.no_risks",
            Self::Actions => "status_report.no_actions",
        }
    }

    /// The keys of its columns.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Milestones => &[
                "status_report.col.milestone",
                "status_report.col.date",
                "status_report.col.baseline",
                "status_report.col.variance",
                "status_report.col.deadline",
                "status_report.col.status",
            ],
            Self::Buffers => &[
                "status_report.col.buffer",
                "status_report.col.planned",
                "status_report.col.remaining",
                "status_report.col.used",
            ],
            Self::Risks => &[
                "status_report.col.risk",
                "status_report.col.score",
                "status_report.col.owner",
                "status_report.col.mitigation",
            ],
            Self::Actions => &[
                "status_report.col.action",
                "status_report.col.owner",
                "status_report.col.due",
                "status_report.col.meeting",
            ],
        }
    }

    /// The columns set right-aligned in HTML.
    fn numeric(self) -> &'static [usize] {
        match self {
            Self::Milestones => &[3],
            Self::Buffers => &[1, 2],
            Self::Risks | Self::Actions => &[],
        }
    }
}

/// Writes a table section: its heading, then its table, or the line that says it is empty.
fn table_section(
    out: &mut String,
    format: Format,
    section: Section,
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    let rows: Vec<Vec<String>> = rows.into_iter().collect();
    let title = t(section.title());
    let header: Vec<String> = section.columns().iter().map(|key| t(key)).collect();
    match format {
        Format::Markdown => {
            put!(out, "## {title}\n\n");
            if rows.is_empty() {
                put!(out, "{}\n\n", t(section.empty()));
            } else {
                md_table(out, &header, &rows);
            }
        }
        Format::Html => {
            html_section(out, &title);
            if rows.is_empty() {
                html_muted(out, &t(section.empty()));
            } else {
                html_table(out, &header, section.numeric(), &rows);
            }
            out.push_str("</section>\n");
        }
    }
}

/// Text escaped for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's style: screen and print (A4), no external resources.
const STYLE: &str = r#"
/* Curly quotes from a Latin face in English, where a CJK face would draw them full width. */
@font-face { font-family: "Latin quotes"; unicode-range: U+2018-201F;
  src: local("Segoe UI"), local("Helvetica Neue"), local("Arial"), local("Liberation Sans"), local("DejaVu Sans"); }
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --head: #f2f4f7;
  --good: #1e7b45; --good-bg: #e3f4ea; --warn: #9a5b00; --warn-bg: #fff1d6;
  --bad: #b42318; --bad-bg: #fde7e5; --accent: #1d4e89; }
* { box-sizing: border-box; }
body { margin: 0; padding: 32px 40px; color: var(--ink); background: #fff;
  font: 14px/1.5 "Latin quotes", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans",
  "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
html:lang(zh-CN) body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC",
  "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
main { max-width: 980px; margin: 0 auto; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
.eyebrow { color: var(--muted); font-size: 12px; letter-spacing: .06em; text-transform: uppercase; margin: 0 0 4px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 10px; color: var(--accent); }
h2 { font-size: 17px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 14px 0 4px; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
.meta div { margin: 0; } .meta dt { color: var(--muted); font-size: 12px; } .meta dd { margin: 0; font-weight: 600; }
.goal { margin: 12px 0 0; }
.pill { display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600; font-size: 12.5px; white-space: nowrap; }
.pill.good { color: var(--good); background: var(--good-bg); }
.pill.warn { color: var(--warn); background: var(--warn-bg); }
.pill.bad { color: var(--bad); background: var(--bad-bg); }
.pill.big { font-size: 15px; padding: 3px 14px; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-size: 12px; color: var(--muted); font-weight: 600; word-break: keep-all; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date, .nw { white-space: nowrap; }
.late { color: var(--bad); font-weight: 600; }
.muted { color: var(--muted); }
.bar { display: inline-block; width: 90px; height: 8px; background: var(--head); border-radius: 4px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .good { background: var(--good); } .bar .warn { background: #d08a00; } .bar .bad { background: var(--bad); }
ul { margin: 4px 0 8px; padding-left: 22px; }
footer { margin-top: 28px; color: var(--muted); font-size: 11.5px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  h1 { font-size: 19pt; }
  h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, li, .meeting { break-inside: avoid; page-break-inside: avoid; }
  .pill, .bar span, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The report as one self-contained HTML page.
pub fn html(project: &Project, today: NaiveDate, include_internal: bool) -> String {
    render_html(&build(project, today, include_internal))
}

/// Opens a section of the HTML report with its heading.
fn html_section(out: &mut String, title: &str) {
    put!(out, "<section>\n<h2>{}</h2>\n", esc(title));
}

/// A quiet line of the HTML report: "none", a note under a heading.
fn html_muted(out: &mut String, text: &str) {
    put!(out, "<p class=\"muted\">{}</p>\n", esc(text));
}

fn html_table(out: &mut String, header: &[String], numeric: &[usize], rows: &[Vec<String>]) {
    out.push_str("<table>\n<thead><tr>");
    for (index, cell) in header.iter().enumerate() {
        if numeric.contains(&index) {
            put!(out, "<th class=\"num\">{}</th>", esc(cell));
        } else {
            put!(out, "<th>{}</th>", esc(cell));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        // Cells are already HTML.
        for cell in row {
            out.push_str(cell);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn td(text: &str) -> String {
    format!("<td>{}</td>", esc(text))
}

fn td_class(class: &str, text: &str) -> String {
    format!("<td class=\"{class}\">{}</td>", esc(text))
}

fn pill(class: &str, text: &str) -> String {
    format!("<span class=\"pill {class}\">{}</span>", esc(text))
}

/// Renders a computed report as HTML.
pub fn render_html(report: &StatusReport) -> String {
    let language = crate::i18n::language().code();
    let mut out = String::new();
    put!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&tr!("status_report.title", project = report.project))
    );
    out.push_str("<header>\n");
    put!(
        out,
        "<p class=\"eyebrow\">{}</p>\n<h1>{}</h1>\n<dl class=\"meta\">\n",
        esc(&t("status_report.eyebrow")),
        esc(&report.project)
    );
    if !report.client.is_empty() {
        put!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>\n",
            esc(&t("status_report.client")),
            esc(&report.client)
        );
    }
    put!(
        out,
        "<div><dt>{}</dt><dd>{}</dd></div>\n<div><dt>{}</dt><dd>{}</dd></div>\n</dl>\n",
        esc(&t("status_report.date")),
        day(report.today),
        esc(&t("status_report.overall")),
        format!(
            "<span class=\"pill big {}\">{}</span>",
            status_class(report.status),
            esc(&t(report.status.key()))
        )
    );
    if !report.goal.is_empty() {
        put!(
            out,
            "<p class=\"goal\"><strong>{}</strong> {}</p>\n",
            esc(&label("status_report.goal")),
            esc(&report.goal)
        );
    }
    out.push_str("</header>\n");

    table_section(
        &mut out,
        Format::Html,
        Section::Milestones,
        report.milestones.iter().map(|row| {
            let late = matches!(row.why, Why::PastDeadline { .. });
            vec![
                td(&row.name),
                td_class(if late { "date late" } else { "date" }, &day(row.date)),
                td_class("date muted", &optional_day(row.baseline)),
                td_class(
                    "num",
                    &row.variance_workdays.map_or_else(|| "—".to_owned(), signed),
                ),
                td_class("date", &optional_day(row.deadline)),
                format!(
                    "<td>{}</td>",
                    pill(milestone_class(row.status), &t(row.status.key()))
                ),
            ]
        }),
    );

    html_section(&mut out, &t("status_report.changes"));
    match &report.baseline {
        None => put!(
            out,
            "<p class=\"muted\">{}</p>\n",
            esc(&t("status_report.no_baseline"))
        ),
        Some((name, taken)) => {
            put!(
                out,
                "<p class=\"muted\">{}</p>\n",
                esc(&tr!(
                    "status_report.since_baseline",
                    name = name,
                    date = day(*taken)
                ))
            );
            if report.changes.is_empty() {
                put!(out, "<p>{}</p>\n", esc(&t("status_report.no_changes")));
            } else {
                let rows: Vec<Vec<String>> = report
                    .changes
                    .iter()
                    .map(|row| {
                        let [name, _, _, finish, progress] = change_cells(row);
                        let class = match row.finish_workdays {
                            Some(workdays) if workdays > 0 => "num late",
                            _ => "num",
                        };
                        vec![
                            td(&name),
                            format!(
                                "<td class=\"muted\">{}</td>",
                                span_html(row.then, row.milestone)
                            ),
                            format!("<td>{}</td>", span_html(row.now, row.milestone)),
                            td_class(class, &finish),
                            td_class("num", &progress),
                        ]
                    })
                    .collect();
                html_table(&mut out, &change_header(), &[3, 4], &rows);
            }
            for note in change_notes(report) {
                html_muted(&mut out, &note);
            }
        }
    }
    out.push_str("</section>\n");

    table_section(&mut out, Format::Html, Section::Buffers, report.buffers.iter().map(|row| {
            let class = buffer_class(row.health);
            vec![
                td(&row.name),
                td_class("num", &row.planned_workdays.to_string()),
                td_class("num", &row.remaining_workdays.to_string()),
                format!(
                    "<td><span class=\"bar\"><span class=\"{class}\" style=\"width:{}%\"></span></span>{}</td>",
                    row.consumed_percent,
                    pill(class, &format!("{} %", row.consumed_percent))
                ),
            ]
        }));

    table_section(
        &mut out,
        Format::Html,
        Section::Risks,
        report.risks.iter().map(|row| {
            vec![
                td(&row.title),
                format!(
                    "<td class=\"nw\">{}<br><span class=\"muted\">{} × {} = {}</span></td>",
                    pill(level_class(row.level), &t(level_key(row.level))),
                    row.probability,
                    row.impact,
                    row.score
                ),
                td_class("nw", &row.owner),
                td(&row.mitigation),
            ]
        }),
    );

    html_section(&mut out, &t("status_report.meetings"));
    if report.meetings.is_empty() {
        html_muted(&mut out, &t("status_report.none"));
    }
    for meeting in &report.meetings {
        put!(
            out,
            "<div class=\"meeting\">\n<h3>{} <span class=\"muted\">· {}</span></h3>\n",
            esc(&meeting.title),
            day(meeting.date)
        );
        if meeting.decisions.is_empty() {
            html_muted(&mut out, &t("status_report.no_decisions"));
        } else {
            out.push_str("<ul>\n");
            for decision in &meeting.decisions {
                put!(out, "<li>{}</li>\n", esc(decision));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");

    table_section(
        &mut out,
        Format::Html,
        Section::Actions,
        report.actions.iter().map(|row| {
            let due = if row.overdue {
                format!(
                    "<td class=\"date late\">{} · {}</td>",
                    esc(&optional_day(row.due)),
                    esc(&t("status_report.overdue"))
                )
            } else {
                td_class("date", &optional_day(row.due))
            };
            vec![
                td(&row.text),
                td_class("nw", &row.owner),
                due,
                td(&row.meeting),
            ]
        }),
    );
    put!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        esc(&tr!("status_report.footer", date = day(report.today)))
    );
    out
}
