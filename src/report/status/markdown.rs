//! Writing the status report as Markdown: the escaping of cells, the tables and the page.
//! The rows come from `rows`; what both formats share is in `write`.

use crate::tr;

use super::rows::StatusReport;
use super::write::{
    Format, Section, change_cells, change_header, change_notes, day, label, level_key,
    optional_day, signed, t, table_section,
};

/// Text as Markdown shows it inside a line (a table cell, a heading, after a label): one line,
/// and nothing read as markup (HTML, a link, emphasis, a cell's end).
fn md_cell(text: &str) -> String {
    crate::report::minutes::markdown_inline(text)
}

/// A Markdown table: header, separator and rows, every cell escaped.
pub(super) fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
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
                put!(
                    out,
                    "- {}\n",
                    crate::report::minutes::markdown_text(decision)
                );
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
