//! CSV and ICS exports and the CSV import: round trips on both samples, client safety,
//! Chinese text and headers, bad rows.

#[cfg(feature = "gui")]
mod common;
mod window_harness;

use chrono::{NaiveDate, TimeZone as _, Utc};
use icalendar::Component as _;
use milepost::export::data;
use milepost::import;
use milepost::model::{ItemKind, LinkKind, Project};

use common::{assert_mentions, sample};

/// What a CSV row carries, in comparable form.
type Row = (
    u32,
    String,
    ItemKind,
    Option<String>,
    NaiveDate,
    NaiveDate,
    Option<String>,
    u8,
    Option<NaiveDate>,
    bool,
);

fn rows(project: &Project) -> Vec<Row> {
    project
        .items
        .iter()
        .map(|item| {
            (
                item.id.0,
                item.name.clone(),
                item.kind,
                item.lane
                    .and_then(|lane| project.lane(lane))
                    .map(|lane| lane.name.clone()),
                item.start,
                item.finish,
                item.owner
                    .and_then(|owner| project.person(owner))
                    .map(|person| person.name.clone()),
                item.progress,
                item.deadline,
                item.client_visible,
            )
        })
        .collect()
}

fn links(project: &Project) -> Vec<(u32, u32, LinkKind, i32)> {
    let mut links: Vec<_> = project
        .links
        .iter()
        .map(|link| (link.from.0, link.to.0, link.kind, link.lag_workdays))
        .collect();
    links.sort_by_key(|&(from, to, _, _)| (to, from));
    links
}

#[test]
fn csv_round_trip_keeps_items_dates_and_links_on_both_samples() {
    for name in ["sample.ron", "sample-zh.ron"] {
        let project = sample(name);
        for all in [false, true] {
            let expected = if all {
                project.clone()
            } else {
                project.client_view()
            };
            let text = data::csv(&project, all);
            let imported = import::csv(&text)
                .unwrap_or_else(|errors| panic!("{name} (all: {all}) imports: {errors}"));
            assert_eq!(
                rows(&imported),
                rows(&expected),
                "{name} (all: {all}): the same items and dates"
            );
            assert_eq!(
                links(&imported),
                links(&expected),
                "{name} (all: {all}): the same links"
            );
            for (old, new) in expected.items.iter().zip(&imported.items) {
                if old.kind == ItemKind::Buffer {
                    assert_eq!(
                        old.planned_workdays, new.planned_workdays,
                        "{name}: the buffer keeps its planned length"
                    );
                }
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Generated projects (links of every kind with lags, milestones, buffers, lanes, owners)
    /// come back from their CSV with the same items, dates and links. The CSV carries no
    /// calendar, so the project is settled on the standard calendar first.
    #[test]
    fn generated_projects_survive_the_csv_round_trip(items in 2usize..80, seed in 0u64..10_000) {
        let mut project = milepost::cli::generate::project(items, seed);
        project.calendar = milepost::model::Calendar::default();
        let project = milepost::schedule::settled(&project).expect("no loop");
        let imported = import::csv(&data::csv(&project, true))
            .unwrap_or_else(|errors| panic!("imports: {errors}"));
        proptest::prop_assert_eq!(rows(&imported), rows(&project), "items and dates");
        proptest::prop_assert_eq!(links(&imported), links(&project), "links");
    }
}

#[test]
fn the_client_csv_leaves_internal_items_out_and_all_keeps_them() {
    let project = sample("sample.ron");
    let client = data::csv(&project, false);
    assert!(
        !client.contains("Internal configuration QA review"),
        "no internal item for the client"
    );
    assert!(
        !client.contains("Project management and weekly status"),
        "no internal item for the client"
    );
    let all = data::csv(&project, true);
    assert!(
        all.contains("Internal configuration QA review"),
        "--all keeps internal items"
    );
    let lines = all.lines().count();
    assert_eq!(
        lines,
        project.items.len() + 1,
        "a header and a row per item"
    );
}

#[test]
fn csv_starts_with_a_bom_and_an_english_header_and_keeps_chinese_names() {
    let project = sample("sample-zh.ron");
    let text = data::csv(&project, true);
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .expect("a header");
    assert_eq!(
        header,
        data::CSV_HEADER.join(","),
        "the English header row in order"
    );
    let first = &project.items[0].name;
    assert!(
        first
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "the sample has Chinese names"
    );
    for item in &project.items {
        assert!(
            text.contains(&item.name),
            "the name {} is intact",
            item.name
        );
    }
}

#[test]
fn predecessors_are_written_in_the_documented_notation() {
    let mut project = sample("sample.ron");
    let target = project.items[5].id;
    project.links.retain(|link| link.to != target);
    for (from, kind, lag) in [
        (1, LinkKind::FinishToStart, 0),
        (2, LinkKind::StartToStart, 2),
        (3, LinkKind::FinishToStart, -1),
    ] {
        project.links.push(milepost::model::Link {
            from: milepost::model::ItemId(from),
            to: target,
            kind,
            lag_workdays: lag,
        });
    }
    let text = data::csv(&project, true);
    assert!(
        text.contains("\"1FS, 2SS+2, 3FS-1\""),
        "FS without lag, a signed lag, a lead: {}",
        text.lines().nth(6).unwrap_or_default()
    );
}

#[test]
fn names_a_spreadsheet_would_run_as_formulas_are_guarded_and_come_back() {
    let mut project = sample("sample.ron");
    project.items[1].name = "=HYPERLINK(\"http://x\")".to_owned();
    project.items[2].name = "-1 day slip review".to_owned();
    let text = data::csv(&project, true);
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
            && text.contains(",'-1 day slip review,"),
        "an apostrophe first: {}",
        text.lines().take(4).collect::<Vec<_>>().join("\n")
    );
    let imported = import::csv(&text).unwrap_or_else(|errors| panic!("imports: {errors}"));
    assert_eq!(
        imported.items[1].name, project.items[1].name,
        "the name comes back"
    );
    assert_eq!(
        imported.items[2].name, project.items[2].name,
        "the name comes back"
    );
}

#[test]
fn chinese_headers_any_order_and_missing_columns_are_accepted() {
    let text = "\u{feff}任务名称,负责人,开始日期,完成日期,类型,阶段,进度,前置任务,客户可见\n\
                需求调研,张敏,2026/11/02,2026/11/06,任务,调研,40%,,是\n\
                需求确认,张敏,2026-11-06,,里程碑,调研,0,1FS,是\n\
                内部复盘,李伟,2026-11-09,2026-11-10,任务,执行,,2FS+1,否\n";
    let project = import::csv(text).unwrap_or_else(|errors| panic!("imports: {errors}"));
    assert_eq!(project.items.len(), 3, "three rows");
    let first = &project.items[0];
    assert_eq!(first.name, "需求调研", "Chinese name intact");
    assert_eq!(first.progress, 40, "40% is 40");
    assert_eq!(
        first.start,
        NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"),
        "slashes read"
    );
    let milestone = &project.items[1];
    assert_eq!(milestone.kind, ItemKind::Milestone, "里程碑 is a milestone");
    assert_eq!(milestone.start, milestone.finish, "one date");
    assert_eq!(project.lanes.len(), 2, "lanes created by name");
    assert_eq!(project.team.len(), 2, "owners created by name");
    assert!(!project.items[2].client_visible, "否 is not visible");
    assert_eq!(project.links.len(), 2, "two links");
    assert_eq!(project.links[1].lag_workdays, 1, "the lag is read");
    assert_eq!(
        project
            .items
            .iter()
            .map(|item| item.id.0)
            .collect::<Vec<_>>(),
        vec![1, 2, 3],
        "without an id column the rows are numbered in order"
    );
}

#[test]
fn the_import_settles_violated_links() {
    let text = "Name,Start,Finish,Predecessors\n\
                A,2026-11-02,2026-11-06,\n\
                B,2026-11-03,2026-11-04,1FS\n";
    let project = import::csv(text).unwrap_or_else(|errors| panic!("imports: {errors}"));
    let second = &project.items[1];
    assert_eq!(
        second.start,
        NaiveDate::from_ymd_opt(2026, 11, 9).expect("date"),
        "B is pushed after A, keeping its two working days"
    );
    assert_eq!(
        second.finish,
        NaiveDate::from_ymd_opt(2026, 11, 10).expect("date"),
        "B keeps its length"
    );
}

#[test]
fn every_bad_row_is_reported_with_its_row_and_column() {
    let text = "Name,Start,Finish,Progress,Kind,Predecessors\n\
                Good,2026-11-02,2026-11-06,10,Task,\n\
                ,2026-11-02,2026-11-06,10,Task,\n\
                Bad date,2026-13-02,2026-11-06,10,Task,\n\
                Bad progress,2026-11-02,2026-11-06,150,Task,\n\
                Bad kind,2026-11-02,2026-11-06,0,Epic,\n\
                Bad link,2026-11-02,2026-11-06,0,Task,9FS\n";
    let errors = import::csv(text).expect_err("bad rows are refused");
    let found: Vec<(Option<usize>, Option<&str>)> = errors
        .0
        .iter()
        .map(|error| (error.row, error.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(3), Some("Name")),
            (Some(4), Some("Start")),
            (Some(5), Some("Progress")),
            (Some(6), Some("Kind")),
            (Some(7), Some("Predecessors")),
        ],
        "every problem, by spreadsheet row (header = 1) and column: {errors}"
    );
    // The message names the row, the column and the value.
    assert_mentions(
        &errors.to_string(),
        &["row 4, column “Start”", "2026-13-02"],
    );
}

#[test]
fn a_loop_among_predecessors_is_refused_naming_the_items() {
    let text = "ID,Name,Start,Finish,Predecessors\n\
                1,Alpha,2026-11-02,2026-11-03,2\n\
                2,Beta,2026-11-04,2026-11-05,1\n";
    let errors = import::csv(text).expect_err("a loop is refused");
    // It names the items in the loop.
    assert_mentions(&errors.to_string(), &["Alpha", "Beta"]);
}

#[test]
fn missing_name_or_start_columns_are_reported() {
    let errors = import::csv("Task ID,Owner\n1,Zhang\n").expect_err("refused");
    assert_eq!(errors.0.len(), 2, "both columns are missing: {errors}");
}

#[test]
fn ics_has_all_day_milestones_timed_meetings_and_stable_uids() {
    let project = sample("sample.ron");
    let stamp = Utc
        .with_ymd_and_hms(2026, 11, 27, 9, 0, 0)
        .single()
        .expect("a time");
    let text = data::ics_at(&project, false, stamp);
    let again = data::ics(&project, false);
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&text), uids(&again), "the same UIDs on every export");
    assert!(
        text.contains("UID:item-36@acme-trading-crm-roll-out.milepost"),
        "item UIDs name the project: {text}"
    );
    let event = |uid: &str| -> String {
        text.split("BEGIN:VEVENT")
            .find(|event| event.contains(uid))
            .unwrap_or_default()
            .to_owned()
    };
    let go_live = event("UID:item-36@");
    assert!(
        go_live.contains("DTSTART;VALUE=DATE:20270226\r\n")
            && go_live.contains("DTEND;VALUE=DATE:20270227\r\n"),
        "Go-live is an all-day event on 26 February: {go_live}"
    );
    let design = event("UID:meeting-3@");
    assert!(
        design.contains("DTSTART:20261120T100000\r\n")
            && design.contains("DTEND:20261120T110000\r\n"),
        "the design meeting from 10:00 to 11:00: {design}"
    );
    assert!(
        !text.contains("Internal checkpoint"),
        "no internal meeting for the client"
    );
    assert!(
        data::ics(&project, true).contains("Internal checkpoint"),
        "--all keeps it"
    );
    let parsed: icalendar::Calendar = text.parse().expect("the ICS parses back");
    let milestones = project
        .client_view()
        .items
        .iter()
        .filter(|item| item.kind != ItemKind::Task)
        .count();
    let meetings = project.client_view().meetings.len();
    assert_eq!(
        parsed.components.len(),
        milestones + meetings,
        "one event per milestone, buffer and meeting"
    );
}

#[test]
fn ics_of_the_chinese_sample_parses_and_keeps_names() {
    let project = sample("sample-zh.ron");
    let text = data::ics(&project, true);
    let parsed: icalendar::Calendar = text.parse().expect("the ICS parses back");
    let summaries: Vec<String> = parsed
        .components
        .iter()
        .filter_map(|component| match component {
            icalendar::CalendarComponent::Event(event) => event.get_summary().map(str::to_owned),
            _ => None,
        })
        .collect();
    let milestone = project
        .items
        .iter()
        .find(|item| item.kind == ItemKind::Milestone)
        .expect("a milestone");
    assert!(
        summaries.contains(&milestone.name),
        "the Chinese milestone name {} comes back: {summaries:?}",
        milestone.name
    );
    assert!(
        text.contains("UID:item-") && text.contains(".milepost"),
        "a Chinese project name still gives UIDs"
    );
}

/// File ▸ Import and File ▸ Export in the window (never opening a file dialog).
#[cfg(feature = "gui")]
mod window {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use milepost::i18n::Language;
    use milepost::ui::{App, DataExport, Startup};

    use crate::window_harness::{SIZE, build_with_default_steps, click, open_submenu};

    fn harness(language: Language) -> Harness<'static, App> {
        let startup = Startup {
            language: Some(language),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
            ..Startup::default()
        };
        build_with_default_steps(startup, SIZE)
    }

    /// Exports `kind` to `path` through the window, internal records too when `all`, and returns
    /// what was written.
    fn exported(
        harness: &mut Harness<'static, App>,
        kind: DataExport,
        all: bool,
        path: &std::path::Path,
    ) -> String {
        assert!(
            harness.state_mut().export_data_to(kind, all, path),
            "written"
        );
        std::fs::read_to_string(path).expect("the file is written")
    }

    #[test]
    fn export_menu_asks_about_internal_items_and_cancel_closes() {
        let mut harness = harness(Language::English);
        harness.run();
        open_submenu(&mut harness, "File", "Export");
        click(&mut harness, "CSV…");
        let checkbox = harness.get_by_label("Include internal items, meetings and risks");
        checkbox.click();
        harness.run();
        harness.get_by_label_contains("do not send this file to the client");
        harness.snapshot("export_data_dialog");
        click(&mut harness, "Cancel");
        assert!(
            harness
                .query_by_label("Include internal items, meetings and risks")
                .is_none(),
            "Cancel closes the dialog"
        );
    }

    #[test]
    fn export_writes_client_safe_files_and_import_opens_an_unsaved_project() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let mut harness = harness(Language::English);
        harness.run();
        let csv = folder.path().join("plan.csv");
        assert!(
            !exported(&mut harness, DataExport::Csv, false, &csv)
                .contains("Internal configuration QA review"),
            "client-safe by default"
        );
        let html = folder.path().join("report.html");
        assert!(
            exported(&mut harness, DataExport::ReportHtml, true, &html)
                .contains("Internal checkpoint"),
            "everything when asked"
        );

        harness.state_mut().import_path(&csv);
        harness.run();
        assert_eq!(
            harness.state().project().name,
            "plan",
            "named after the file"
        );
        assert!(harness.state().is_modified(), "an import is not saved yet");
        assert!(harness.state().path().is_none(), "and has no file");
        harness.get_by_label("Requirements signed off");
    }

    #[test]
    fn a_bad_csv_shows_every_row_in_the_error_dialog_and_keeps_the_project() {
        let bad =
            "名称,开始日期,进度\n调研,2026-11-02,40%\n设计,2026/11/31,0\n开发,2026-12-07,多\n";
        let (_folder, csv) = crate::common::temp_file("bad.csv", bad);
        let mut harness = harness(Language::Chinese);
        harness.run();
        let before = harness.state().project().clone();
        harness.state_mut().import_path(&csv);
        harness.run();
        harness.get_by_label_contains("第 3 行，“开始日期”列");
        harness.get_by_label_contains("第 4 行，“进度”列");
        assert_eq!(harness.state().project(), &before, "the open project stays");
    }
}
