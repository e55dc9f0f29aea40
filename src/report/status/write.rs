//! What the Markdown and the HTML report share: words, dates and counts as text, the cells of
//! a change, and the table sections written alike in both formats. Not for the markup of one
//! format alone (see `markdown` and `html`).

use chrono::NaiveDate;

use crate::report::RiskLevel;
use crate::tr;

use super::html::{html_muted, html_section, html_table};
use super::markdown::md_table;
use super::rows::{ChangeRow, StatusReport};

/// A date as the report writes it (ISO).
pub(super) fn day(date: NaiveDate) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Iso, crate::i18n::language())
}

/// A count of working days with its sign: "+3", "0", "-2".
pub(super) fn signed(workdays: i64) -> String {
    if workdays > 0 {
        format!("+{workdays}")
    } else {
        workdays.to_string()
    }
}

/// The key of a risk level's word.
pub(super) fn level_key(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "status_report.risk_level.low",
        RiskLevel::Medium => "status_report.risk_level.medium",
        RiskLevel::High => "status_report.risk_level.high",
    }
}

/// A date, or a dash when there is none.
pub(super) fn optional_day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), day)
}

/// The words of `key` in the current language.
pub(super) fn t(key: &str) -> String {
    tr!(key).into_owned()
}

/// A label followed by the language's colon.
pub(super) fn label(key: &str) -> String {
    tr!("status_report.label", label = t(key)).into_owned()
}

/// An item's dates as text: one date for a milestone or a one-day item, "used up (0 of 5
/// days)" for an exhausted buffer, else a range.
pub(super) fn span_text(span: Option<(NaiveDate, NaiveDate)>, row: &ChangeRow) -> String {
    match (span, row.buffer_planned) {
        (None, _) => "—".to_owned(),
        (Some((start, finish)), Some(planned)) if finish < start => {
            crate::rules::span::used_up_text(planned, crate::i18n::language())
        }
        (Some((start, finish)), _) if row.milestone || start == finish => day(finish),
        (Some((start, finish)), _) => format!("{} – {}", day(start), day(finish)),
    }
}

/// The cells of a change row: item, baseline dates, dates now, finish variance, progress.
pub(super) fn change_cells(row: &ChangeRow) -> [String; 5] {
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
        span_text(row.then, row),
        span_text(row.now, row),
        row.finish_workdays.map_or_else(String::new, signed),
        row.progress
            .map_or_else(String::new, |(old, new)| format!("{old}% → {new}%")),
    ]
}

/// The header of the table of changes.
pub(super) fn change_header() -> Vec<String> {
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
pub(super) fn change_notes(report: &StatusReport) -> Vec<String> {
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
pub(super) enum Format {
    /// Markdown: cells are plain text, escaped when the table is written.
    Markdown,
    /// HTML: cells are already markup (`<td>…</td>`).
    Html,
}

/// The sections of the report that are one table, alike in both formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
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
pub(super) fn table_section(
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
