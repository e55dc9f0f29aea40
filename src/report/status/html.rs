//! Writing the status report as one self-contained HTML page: escaping, the style sheet, the
//! CSS classes the judgements map to, the tables and the page. The rows come from `rows`; what
//! both formats share is in `write`.

use chrono::NaiveDate;

use crate::report::{RiskLevel, Status, escape_markup};
use crate::rules::{BufferHealth, MilestoneStatus, Why};
use crate::tr;

use super::rows::StatusReport;
use super::write::{
    Format, Section, change_cells, change_header, change_notes, day, label, level_key,
    optional_day, signed, t, table_section,
};

/// The CSS class of a milestone status's colour.
fn milestone_class(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::Reached | MilestoneStatus::OnTime => "good",
        MilestoneStatus::AtRisk => "warn",
        MilestoneStatus::Late | MilestoneStatus::ReachedLate => "bad",
    }
}

/// The CSS class of a risk level's colour.
fn level_class(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "good",
        RiskLevel::Medium => "warn",
        RiskLevel::High => "bad",
    }
}

/// The CSS class of the overall status's colour.
fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "good",
        Status::AtRisk => "warn",
        Status::Late => "bad",
    }
}

/// The CSS class of a buffer zone's colour.
fn buffer_class(health: BufferHealth) -> &'static str {
    match health {
        BufferHealth::Green => "good",
        BufferHealth::Amber => "warn",
        BufferHealth::Red => "bad",
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
/// Opens a section of the HTML report with its heading.
pub(super) fn html_section(out: &mut String, title: &str) {
    put!(out, "<section>\n<h2>{}</h2>\n", escape_markup(title));
}

/// A quiet line of the HTML report: "none", a note under a heading.
pub(super) fn html_muted(out: &mut String, text: &str) {
    put!(out, "<p class=\"muted\">{}</p>\n", escape_markup(text));
}

/// An HTML table: its header, then rows whose cells are already markup.
pub(super) fn html_table(
    out: &mut String,
    header: &[String],
    numeric: &[usize],
    rows: &[Vec<String>],
) {
    out.push_str("<table>\n<thead><tr>");
    for (index, cell) in header.iter().enumerate() {
        if numeric.contains(&index) {
            put!(out, "<th class=\"num\">{}</th>", escape_markup(cell));
        } else {
            put!(out, "<th>{}</th>", escape_markup(cell));
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

/// A table cell holding `text`, escaped.
fn td(text: &str) -> String {
    format!("<td>{}</td>", escape_markup(text))
}

/// A table cell of CSS class `class` holding `text`, escaped.
fn td_class(class: &str, text: &str) -> String {
    format!("<td class=\"{class}\">{}</td>", escape_markup(text))
}

/// A coloured pill of CSS class `class` holding `text`, escaped.
fn pill(class: &str, text: &str) -> String {
    format!(
        "<span class=\"pill {class}\">{}</span>",
        escape_markup(text)
    )
}

/// A line of the header's list: the term `key` in the current language, and `value_html`.
fn meta_row(out: &mut String, key: &str, value_html: &str) {
    put!(
        out,
        "<div><dt>{}</dt><dd>{value_html}</dd></div>\n",
        escape_markup(&t(key))
    );
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
        escape_markup(&tr!("status_report.title", project = report.project))
    );
    out.push_str("<header>\n");
    put!(
        out,
        "<p class=\"eyebrow\">{}</p>\n<h1>{}</h1>\n<dl class=\"meta\">\n",
        escape_markup(&t("status_report.eyebrow")),
        escape_markup(&report.project)
    );
    if !report.client.is_empty() {
        meta_row(
            &mut out,
            "status_report.client",
            &escape_markup(&report.client),
        );
    }
    meta_row(&mut out, "status_report.date", &day(report.today));
    let overall = format!(
        "<span class=\"pill big {}\">{}</span>",
        status_class(report.status),
        escape_markup(&t(report.status.key()))
    );
    meta_row(&mut out, "status_report.overall", &overall);
    out.push_str("</dl>\n");
    if !report.goal.is_empty() {
        put!(
            out,
            "<p class=\"goal\"><strong>{}</strong> {}</p>\n",
            escape_markup(&label("status_report.goal")),
            escape_markup(&report.goal)
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
            escape_markup(&t("status_report.no_baseline"))
        ),
        Some((name, taken)) => {
            put!(
                out,
                "<p class=\"muted\">{}</p>\n",
                escape_markup(&tr!(
                    "status_report.since_baseline",
                    name = name,
                    date = day(*taken)
                ))
            );
            if report.changes.is_empty() {
                put!(
                    out,
                    "<p>{}</p>\n",
                    escape_markup(&t("status_report.no_changes"))
                );
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
            escape_markup(&meeting.title),
            day(meeting.date)
        );
        if meeting.decisions.is_empty() {
            html_muted(&mut out, &t("status_report.no_decisions"));
        } else {
            out.push_str("<ul>\n");
            for decision in &meeting.decisions {
                put!(out, "<li>{}</li>\n", escape_markup(decision));
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
                    escape_markup(&optional_day(row.due)),
                    escape_markup(&t("status_report.overdue"))
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
        escape_markup(&tr!("status_report.footer", date = day(report.today)))
    );
    out
}
