//! The status report (Markdown and HTML, both languages, client-safe) and the `report`,
//! `export --format csv|ics` and `import` commands.

mod common;

use chrono::NaiveDate;
use milepost::i18n::{self, Language};
use milepost::model::Project;
use milepost::report::status;

use common::{run, run_ok, sample, sample_path};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date")
}

/// Internal names of the English sample that the report shows with `--all`: an item that
/// moved since the baseline (see [`moved_internal_item`]), an internal meeting, an internal
/// open risk.
const INTERNAL_EN: [&str; 3] = [
    "Internal configuration QA review",
    "Internal checkpoint: requirements slip and late data export",
    "Spring Festival compresses the go-live window",
];

const INTERNAL_ZH: [&str; 3] = [
    "内部配置走查",
    "内部周会：需求延期与蓝图计划",
    "春节压缩上线切换窗口",
];

/// The sample with its internal item `name` a week later, so that it is among the changes
/// since the baseline.
fn moved_internal_item(mut project: Project, name: &str) -> Project {
    let item = project
        .items
        .iter_mut()
        .find(|item| item.name == name)
        .expect("the sample has the internal item");
    assert!(!item.client_visible, "{name} is internal");
    item.start += chrono::TimeDelta::days(7);
    item.finish += chrono::TimeDelta::days(7);
    project
}

#[test]
fn the_report_leaves_internal_names_out_unless_all() {
    i18n::set_language(Language::English);
    for (sample_name, internal) in [
        ("sample.ron", &INTERNAL_EN[..]),
        ("sample-zh.ron", &INTERNAL_ZH[..]),
    ] {
        let project = moved_internal_item(sample(sample_name), internal[0]);
        for (format, render) in [
            (
                "md",
                status::markdown as fn(&Project, NaiveDate, bool) -> String,
            ),
            ("html", status::html),
        ] {
            let client = render(&project, today(), false);
            let all = render(&project, today(), true);
            for name in internal {
                assert!(
                    !client.contains(name),
                    "{sample_name} {format}: the client report leaves out {name}"
                );
                assert!(
                    all.contains(name),
                    "{sample_name} {format}: --all shows {name}"
                );
            }
            for item in project.items.iter().filter(|item| !item.client_visible) {
                assert!(
                    !client.contains(&item.name),
                    "{sample_name} {format}: no internal item {}",
                    item.name
                );
            }
        }
    }
}

#[test]
fn the_markdown_report_has_every_section_and_valid_tables() {
    i18n::set_language(Language::English);
    let text = status::markdown(&sample("sample.ron"), today(), false);
    for heading in [
        "# Status report: Acme Trading CRM roll-out",
        "## Milestones",
        "## Changes since the last baseline",
        "## Buffers",
        "## Top risks",
        "## Recent meetings and decisions",
        "## Open action items",
    ] {
        assert!(text.contains(heading), "has {heading}:\n{text}");
    }
    assert!(
        text.contains("**Overall status:** At risk"),
        "the overall status:\n{text}"
    );
    assert!(
        text.contains(
            "| Requirements signed off | 2026-11-06 | 2026-11-06 | 0 | 2026-11-10 | Reached |"
        ),
        "a milestone row with its baseline, variance and deadline:\n{text}"
    );
    assert!(
        text.contains("| Training materials and user guide | 2026-12-14 – 2027-01-08 | 2026-12-14 – 2027-01-15 | +5 |"),
        "a change since the baseline with its variance:\n{text}"
    );
    // Every table row has as many cells as its header.
    let mut columns = None;
    for line in text.lines() {
        if line.starts_with('|') {
            let cells =
                line.trim_end_matches('|').matches('|').count() - line.matches("\\|").count();
            let expected = *columns.get_or_insert(cells);
            assert_eq!(cells, expected, "a regular table: {line}");
        } else {
            columns = None;
        }
    }
}

#[test]
fn the_report_speaks_chinese_when_asked() {
    i18n::set_language(Language::Chinese);
    let text = status::html(&sample("sample-zh.ron"), today(), false);
    i18n::set_language(Language::English);
    assert!(
        text.contains("<html lang=\"zh-CN\">"),
        "the page's language"
    );
    assert!(
        text.contains("里程碑") && text.contains("总体状态"),
        "Chinese headings"
    );
    assert!(!text.contains("Milestones"), "no English heading");
}

#[test]
fn the_html_report_is_self_contained_and_prints_on_a4() {
    i18n::set_language(Language::English);
    let text = status::html(&sample("sample.ron"), today(), true);
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(
            !text.contains(external),
            "no external resource ({external})"
        );
    }
    assert!(text.contains("@page { size: A4"), "A4 print layout");
    assert!(
        text.contains("break-inside: avoid"),
        "rows are not cut in two"
    );
    assert!(
        text.contains("class=\"pill big warn\""),
        "the at-risk status in amber"
    );
}

#[test]
fn report_command_writes_md_or_html_and_leaves_the_input_alone() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let input = sample_path("sample.ron");
    let before = std::fs::read(&input).expect("readable");
    let stdout = run_ok(&[&"report", &input, &"--lang", &"en"]);
    let text = String::from_utf8_lossy(&stdout.stdout);
    assert!(text.starts_with("# "), "Markdown by default on stdout");
    assert!(!text.contains(INTERNAL_EN[1]), "client-safe by default");

    let out = folder.path().join("report.html");
    run_ok(&[
        &"report",
        &input,
        &"--format",
        &"html",
        &"--all",
        &"--lang",
        &"en",
        &"-o",
        &out,
    ]);
    let html = std::fs::read_to_string(&out).expect("the report is written");
    assert!(html.starts_with("<!DOCTYPE html>"), "an HTML page");
    assert!(
        html.contains(INTERNAL_EN[1]),
        "--all includes internal meetings"
    );
    assert_eq!(
        std::fs::read(&input).expect("readable"),
        before,
        "input untouched"
    );
}

#[test]
fn export_data_then_import_gives_a_loadable_project() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let csv = folder.path().join("plan.csv");
    let ron = folder.path().join("plan.ron");
    let sample_zh = sample_path("sample-zh.ron");
    run_ok(&[&"export", &sample_zh, &"--format", &"csv", &"-o", &csv]);
    run_ok(&[&"import", &csv, &"-o", &ron]);
    let loaded = milepost::store::load_file(&ron).expect("the imported project loads");
    assert_eq!(
        loaded.project.items.len(),
        sample("sample-zh.ron").client_view().items.len(),
        "every client-visible item"
    );
    assert_eq!(loaded.project.name, "plan", "named after the file");

    let ics = folder.path().join("plan.ics");
    let sample_en = sample_path("sample.ron");
    run_ok(&[&"export", &sample_en, &"--format", &"ics", &"-o", &ics]);
    let text = std::fs::read_to_string(&ics).expect("written");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "a calendar");
}

#[test]
fn import_with_bad_rows_writes_nothing_and_names_rows_and_columns() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let csv = folder.path().join("bad.csv");
    let ron = folder.path().join("bad.ron");
    std::fs::write(
        &csv,
        "名称,开始日期,结束日期,进度\n调研,2026-11-02,2026-11-06,40%\n设计,2026/11/31,2026-12-04,0\n开发,2026-12-07,2026-12-18,多\n",
    )
    .expect("written");
    let output = run(&[&"import", &csv, &"-o", &ron]);
    assert!(!output.status.success(), "bad rows fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("row 3, column “开始日期”") && stderr.contains("row 4, column “进度”"),
        "both problems with row and column: {stderr}"
    );
    assert!(!ron.exists(), "nothing is written");
}
