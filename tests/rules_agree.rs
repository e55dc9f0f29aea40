//! Every view that shows a milestone's status or a buffer's health says the same as the
//! rulebook (`milepost::rules`), for every milestone and buffer of both sample projects on
//! several days: the status report (Markdown and HTML), the presentation's cards and title card,
//! the timeline's tooltip and the status bar.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::{self, Language};
use milepost::model::{ItemKind, Project};
use milepost::report::status;
use milepost::rules::{self, BufferHealth, MilestoneStatus};
use milepost::schedule::WorkCalendar;
use milepost::timeline::tooltip::tooltip_lines;
use milepost::ui::Startup;
use milepost::ui::present::Presentation;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A sample, the language it is written in, and that language's words the test looks for.
struct Sample {
    path: &'static str,
    language: Language,
    /// The Milestones heading of the report.
    milestones: &'static str,
    /// The Buffers heading of the report.
    buffers: &'static str,
    /// What the tooltip's status line begins with.
    status_prefix: &'static str,
}

const SAMPLES: [Sample; 2] = [
    Sample {
        path: "assets/sample.ron",
        language: Language::English,
        milestones: "Milestones",
        buffers: "Buffers",
        status_prefix: "Status: ",
    },
    Sample {
        path: "assets/sample-zh.ron",
        language: Language::Chinese,
        milestones: "里程碑",
        buffers: "缓冲时间",
        status_prefix: "状态：",
    },
];

/// Days across the samples' plans (October 2026 to February 2027) and after them.
fn days() -> [NaiveDate; 5] {
    [
        date(2026, 10, 1),
        date(2026, 11, 27),
        date(2026, 12, 21),
        date(2027, 2, 1),
        date(2027, 3, 15),
    ]
}

fn load(path: &str) -> Project {
    let text = std::fs::read_to_string(path).expect("the sample is readable");
    milepost::store::load_str(&text)
        .expect("the sample loads")
        .project
}

/// `(name, word)` pairs, sorted, to compare views that list milestones in different orders.
type Words = Vec<(String, String)>;

fn sorted(mut words: Words) -> Words {
    words.sort();
    words
}

/// The status word the rulebook gives each client-visible milestone.
fn rulebook(view: &Project, today: NaiveDate) -> Words {
    let calendar = WorkCalendar::new(&view.calendar);
    sorted(
        view.items
            .iter()
            .filter_map(|item| {
                let judgement = rules::milestone_status(view, &calendar, item, today)?;
                Some((item.name.clone(), judgement.status.word()))
            })
            .collect(),
    )
}

/// The rows of the Markdown table under `## heading`, cells split.
fn markdown_rows(markdown: &str, heading: &str) -> Vec<Vec<String>> {
    let start = markdown
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("a {heading} section"));
    markdown[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The `(first cell, pill class, pill word)` of each row of the HTML section `heading`.
fn html_rows(html: &str, heading: &str) -> Vec<(String, String, String)> {
    let start = html
        .find(&format!("<h2>{heading}</h2>"))
        .unwrap_or_else(|| panic!("a {heading} section"));
    let end = start + html[start..].find("</section>").expect("the section ends");
    html[start..end]
        .split("<tr><td>")
        .skip(1)
        .map(|row| {
            let name = row.split("</td>").next().unwrap_or_default();
            let pill = row
                .rsplit("<span class=\"pill ")
                .next()
                .expect("a pill in the row");
            let (class, rest) = pill.split_once("\">").expect("a pill class");
            let word = rest.split("</span>").next().unwrap_or_default();
            (unescape(name), class.to_owned(), unescape(word))
        })
        .collect()
}

fn class_of_milestone(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::Reached | MilestoneStatus::OnTime => "good",
        MilestoneStatus::AtRisk => "warn",
        MilestoneStatus::Late | MilestoneStatus::ReachedLate => "bad",
    }
}

fn class_of_buffer(health: BufferHealth) -> &'static str {
    match health {
        BufferHealth::Green => "good",
        BufferHealth::Amber => "warn",
        BufferHealth::Red => "bad",
    }
}

/// The status word on a tooltip's status line: the longest word the line begins with, so that
/// "Reached late" is not read as "Reached".
fn tooltip_word(lines: &[String], prefix: &str) -> Option<String> {
    let words: Vec<String> = MilestoneStatus::ALL.map(MilestoneStatus::word).to_vec();
    lines.iter().find_map(|line| {
        let rest = line.strip_prefix(prefix)?;
        words
            .iter()
            .filter(|word| rest.starts_with(word.as_str()))
            .max_by_key(|word| word.len())
            .cloned()
    })
}

#[test]
fn every_view_shows_the_rulebooks_milestone_status_and_buffer_health() {
    let mut statuses_seen = std::collections::HashSet::new();
    for sample in &SAMPLES {
        i18n::set_language(sample.language);
        let project = load(sample.path);
        let view = project.client_view();
        let calendar = WorkCalendar::new(&view.calendar);
        for today in days() {
            let context = format!("{} on {today}", sample.path);
            let expected = rulebook(&view, today);
            assert!(!expected.is_empty(), "{context}: the sample has milestones");
            for item in &view.items {
                if let Some(judgement) = rules::milestone_status(&view, &calendar, item, today) {
                    statuses_seen.insert(judgement.status);
                }
            }

            // The status report, Markdown.
            let markdown = status::markdown(&project, today, false);
            let rows = markdown_rows(&markdown, sample.milestones);
            let words: Words = rows
                .iter()
                .map(|cells| {
                    let word = cells.last().cloned().unwrap_or_default();
                    (cells[0].clone(), word)
                })
                .collect();
            assert_eq!(sorted(words), expected, "{context}: Markdown report");

            // The status report, HTML: the same word, in the status's colour.
            let html = status::html(&project, today, false);
            let rows = html_rows(&html, sample.milestones);
            let words: Words = rows
                .iter()
                .map(|(name, _, word)| (name.clone(), word.clone()))
                .collect();
            assert_eq!(sorted(words), expected, "{context}: HTML report");
            for (name, class, word) in &rows {
                let status = MilestoneStatus::ALL
                    .into_iter()
                    .find(|status| status.word() == *word)
                    .expect("a status word");
                assert_eq!(
                    class,
                    class_of_milestone(status),
                    "{context}: the colour of {name}"
                );
            }

            // The presentation's cards.
            let presentation = Presentation::new(&project, false, today);
            let words: Words = (0..presentation.milestones().len())
                .map(|index| {
                    let id = presentation.milestones()[index];
                    let name = presentation
                        .project()
                        .item(id)
                        .map(|item| item.name.clone())
                        .unwrap_or_default();
                    let judgement = presentation
                        .card_status(index, today)
                        .expect("a milestone card");
                    (name, judgement.status.word())
                })
                .collect();
            assert_eq!(sorted(words), expected, "{context}: presentation cards");

            // The timeline's tooltip.
            let no_floats: Option<&std::collections::HashMap<_, _>> = None;
            let words: Words = view
                .items
                .iter()
                .filter(|item| item.kind == ItemKind::Milestone)
                .map(|item| {
                    let lines: Vec<String> =
                        tooltip_lines(&view, item, &calendar, today, sample.language, no_floats)
                            .into_iter()
                            .map(|line| line.text)
                            .collect();
                    let word = tooltip_word(&lines, sample.status_prefix)
                        .unwrap_or_else(|| panic!("{context}: a status line in {lines:?}"));
                    (item.name.clone(), word)
                })
                .collect();
            assert_eq!(sorted(words), expected, "{context}: tooltips");

            // The overall status: the report's header and the title card.
            let overall = rules::overall_status(&project, today);
            assert_eq!(presentation.status(), overall, "{context}: title card");
            let report = status::build(&project, today, false);
            assert_eq!(report.status, overall, "{context}: report header");
            assert!(
                html.contains(&format!(">{}</span>", overall.word())),
                "{context}: the HTML header says {overall:?}"
            );

            // Buffers: the report's colour is the rulebook's zone.
            let health: Vec<(String, String)> = view
                .items
                .iter()
                .filter(|item| item.kind == ItemKind::Buffer)
                .map(|item| {
                    let zone = BufferHealth::of_item(&calendar, item);
                    (item.name.clone(), class_of_buffer(zone).to_owned())
                })
                .collect();
            assert!(!health.is_empty(), "{context}: the sample has buffers");
            let shown: Vec<(String, String)> = html_rows(&html, sample.buffers)
                .into_iter()
                .map(|(name, class, _)| (name, class))
                .collect();
            assert_eq!(shown, health, "{context}: HTML report buffers");
        }
    }
    assert!(
        statuses_seen.len() >= 3,
        "the days chosen show several statuses: {statuses_seen:?}"
    );
}

#[test]
fn the_status_bar_shows_the_rulebooks_zone_of_the_fullest_buffer() {
    for sample in &SAMPLES {
        let today = date(2026, 11, 27);
        let project = load(sample.path);
        let calendar = WorkCalendar::new(&project.calendar);
        let fullest = project
            .items
            .iter()
            .filter(|item| item.kind == ItemKind::Buffer)
            .map(|item| milepost::schedule::buffer_consumption(&calendar, item))
            .reduce(f64::max)
            .expect("the sample has buffers");
        let mut harness = window_harness::build(
            Startup {
                file: Some(sample.path.into()),
                language: Some(sample.language),
                today: Some(today),
                ..Startup::default()
            },
            [1400.0, 800.0],
        );
        harness.run();
        let (used, health) = harness
            .state()
            .status_buffer()
            .expect("the status bar shows the buffer");
        assert!(
            (used - fullest).abs() < 1e-9,
            "{}: the fullest buffer",
            sample.path
        );
        assert_eq!(
            health,
            BufferHealth::of(fullest),
            "{}: its zone",
            sample.path
        );
        let report = status::build(&project, today, true);
        let worst = report
            .buffers
            .iter()
            .map(|row| row.health)
            .max()
            .expect("buffers in the report");
        assert_eq!(health, worst, "{}: the report's worst buffer", sample.path);
    }
}

/// The English sample with its buffer before go-live used up: written with its start on the
/// working day after its finish.
fn with_exhausted_buffer() -> Project {
    let mut project = load("assets/sample.ron");
    let buffer = project
        .items
        .iter_mut()
        .find(|item| item.kind == ItemKind::Buffer && item.name == "Buffer before go-live")
        .expect("the sample's buffer");
    buffer.start = date(2027, 3, 1);
    buffer.finish = date(2027, 2, 26);
    assert!(
        milepost::model::validate(&project).is_empty(),
        "a sound exhausted buffer"
    );
    project
}

#[test]
fn an_exhausted_buffer_reads_used_up_and_every_view_states_one_finish() {
    let project = with_exhausted_buffer();
    let (_, finish) = rules::span::project_span(&project).expect("items");
    assert_eq!(finish, date(2027, 2, 26), "the last day worked");
    let buffer = project
        .items
        .iter()
        .find(|item| item.name == "Buffer before go-live")
        .expect("buffer");
    let used_up = "used up (0 of 5 days)";

    // The tooltip and the exported picture.
    let calendar = WorkCalendar::new(&project.calendar);
    let no_floats: Option<&std::collections::HashMap<_, _>> = None;
    let lines: Vec<String> = tooltip_lines(
        &project,
        buffer,
        &calendar,
        date(2026, 11, 27),
        Language::English,
        no_floats,
    )
    .into_iter()
    .map(|line| line.text)
    .collect();
    assert!(
        lines.iter().any(|line| line == used_up),
        "tooltip: {lines:?}"
    );
    let options = milepost::export::PictureOptions {
        language: Language::English,
        today: date(2026, 11, 27),
        ..milepost::export::PictureOptions::default()
    };
    let svg = milepost::export::svg::svg(&project, &options).expect("the picture");
    assert!(svg.contains(used_up), "the picture says used up");
    assert!(
        !svg.contains("1 Mar – 26 Feb"),
        "no range that ends before it starts"
    );

    let (_folder, path) = common::saved_project("exhausted.ron", &project);
    // The title line and the status bar, then the presentation's title card.
    for (present, stated, never) in [
        (false, &["Finishes 26 Feb", "12 Oct – 26 Feb"][..], "1 Mar"),
        (true, &["26 Feb 2027"][..], "1 Mar 2027"),
    ] {
        let startup = Startup {
            file: Some(path.clone()),
            present,
            ..window_harness::startup(Language::English, milepost::ui::theme::ThemeChoice::Light)
        };
        let harness = window_harness::started(startup, window_harness::SIZE);
        for text in stated {
            assert!(
                harness.query_by_label_contains(text).is_some(),
                "presenting {present}: {text} states the rulebook's finish"
            );
        }
        assert!(
            harness.query_by_label_contains(never).is_none(),
            "presenting {present}: nothing reaches the buffer's written start"
        );
    }
}
