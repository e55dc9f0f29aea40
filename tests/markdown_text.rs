//! What leaves the program as Markdown shows a user's text as text: names, notes and decisions
//! full of HTML, links, code, emphasis, table pipes, line breaks and bidirectional controls go
//! through the status report and the minutes, and an independent Markdown parser
//! (pulldown-cmark, with GitHub's tables, strikethrough and task lists) finds no markup in them
//! that a plain name would not have given, and every one of them as text. The CSV export, read
//! back by the csv crate, holds the same names exactly (a formula behind its apostrophe).

use chrono::NaiveDate;
use milepost::i18n::Language;
use milepost::model::{Owner, Project};
use milepost::report::{minutes, status};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

fn sample() -> Project {
    let text = include_str!("../assets/sample.ron");
    milepost::store::load_str(text)
        .expect("the sample loads")
        .project
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("a date")
}

/// Every text of the project that an exporter writes, set to `text`.
fn with_text(mut project: Project, text: &str) -> Project {
    let text = text.to_owned();
    project.name.clone_from(&text);
    project.client.name.clone_from(&text);
    project.goal.clone_from(&text);
    for person in &mut project.team {
        person.name.clone_from(&text);
    }
    for item in &mut project.items {
        item.name.clone_from(&text);
    }
    for baseline in &mut project.baselines {
        baseline.name.clone_from(&text);
        for item in &mut baseline.items {
            item.name.clone_from(&text);
        }
    }
    for risk in &mut project.risks {
        risk.title.clone_from(&text);
        risk.mitigation.clone_from(&text);
        if let Some(Owner::Named(name)) = &mut risk.owner {
            name.clone_from(&text);
        }
    }
    for meeting in &mut project.meetings {
        meeting.title.clone_from(&text);
        meeting.agenda.clone_from(&text);
        meeting.notes.clone_from(&text);
        for participant in &mut meeting.participants {
            participant.name.clone_from(&text);
        }
        for decision in &mut meeting.decisions {
            decision.clone_from(&text);
        }
        for action in &mut meeting.actions {
            action.text.clone_from(&text);
            if let Some(Owner::Named(name)) = &mut action.owner {
                name.clone_from(&text);
            }
        }
    }
    project
}

/// Every Markdown document the project is exported as.
fn exports(project: &Project) -> Vec<(String, String)> {
    let mut documents = vec![
        (
            "status report".to_owned(),
            status::markdown(project, today(), true),
        ),
        (
            "client status report".to_owned(),
            status::markdown(project, today(), false),
        ),
    ];
    for meeting in &project.meetings {
        for language in [Language::English, Language::Chinese] {
            documents.push((
                format!("minutes of meeting {} ({language:?})", meeting.id.0),
                minutes::minutes_markdown(project, meeting, language),
            ));
        }
    }
    documents
}

/// What the parser reads, in short: the markup it found (counted by kind) and all of the text.
#[derive(Debug, Default, PartialEq)]
struct Reading {
    /// Markup a plain name never gives: HTML, links, images, code, strikethrough.
    foreign: Vec<String>,
    /// How many headings, lists, items, quotes, tables, rows, cells, emphases and strongs.
    structure: Vec<(String, usize)>,
    /// The text, block after block, white space made single spaces.
    text: String,
}

fn read(markdown: &str) -> Reading {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut reading = Reading::default();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            Event::Html(html) | Event::InlineHtml(html) => {
                reading.foreign.push(format!("HTML {html:?}"));
            }
            Event::Code(code) => reading.foreign.push(format!("code {code:?}")),
            Event::Start(tag) => {
                text.push(' ');
                match tag {
                    Tag::Link { dest_url, .. } => reading.foreign.push(format!("link {dest_url}")),
                    Tag::Image { dest_url, .. } => {
                        reading.foreign.push(format!("image {dest_url}"));
                    }
                    Tag::CodeBlock(_) => reading.foreign.push("code block".to_owned()),
                    Tag::Strikethrough => reading.foreign.push("strikethrough".to_owned()),
                    Tag::HtmlBlock => reading.foreign.push("HTML block".to_owned()),
                    Tag::Heading { .. }
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::Table(_)
                    | Tag::TableRow
                    | Tag::TableCell
                    | Tag::Emphasis
                    | Tag::Strong => {
                        let name = format!("{tag:?}");
                        let kind = name
                            .split(|c: char| !c.is_alphanumeric())
                            .next()
                            .unwrap_or_default()
                            .to_owned();
                        *counts.entry(kind).or_default() += 1;
                    }
                    _ => {}
                }
            }
            Event::TaskListMarker(_) => *counts.entry("task".to_owned()).or_default() += 1,
            _ => {}
        }
    }
    reading.structure = counts.into_iter().collect();
    reading.text = plain(&text);
    reading
}

/// Whether `c` is a Unicode bidirectional control, which reorders the text around it.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` as it should show: white space single, other control characters and bidirectional
/// controls gone.
fn plain(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !is_bidi_control(*c) && (c.is_whitespace() || !c.is_control()))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks every export of the sample with every text set to `hostile`.
fn shows_as_text(hostile: &str) -> Result<(), TestCaseError> {
    let plain_exports = exports(&with_text(sample(), "Plain"));
    let hostile_exports = exports(&with_text(sample(), hostile));
    let wanted = plain(hostile);
    for ((what, plain_markdown), (_, markdown)) in plain_exports.iter().zip(&hostile_exports) {
        prop_assert!(
            !markdown.chars().any(is_bidi_control),
            "{what}: a bidirectional control from {hostile:?} is left in"
        );
        let expected = read(plain_markdown);
        let reading = read(markdown);
        prop_assert!(
            reading.foreign.is_empty(),
            "{what}: markup from {hostile:?}: {:?}\n{markdown}",
            reading.foreign
        );
        prop_assert_eq!(
            &reading.structure,
            &expected.structure,
            "{}: the text {:?} changed the document's structure\n{}",
            what,
            hostile,
            markdown
        );
        prop_assert!(
            reading.text.contains(&wanted),
            "{what}: {wanted:?} is not shown as text; the parser read {:?}\n{markdown}",
            reading.text
        );
    }
    Ok(())
}

/// Pieces of text that Markdown would read as something other than text.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "](javascript:alert(1))",
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "<https://example.com>",
    "<b>bold</b>",
    "&lt;entity&gt; &#x3c; &amp;",
    "| a | b |",
    "|",
    "`code`",
    "```",
    "**strong** __strong__ *em* _em_",
    "~~gone~~",
    "\n",
    "\r\n\r\n",
    "\u{202e}reversed\u{202c}",
    "\u{2067}isolate\u{2069}",
    "# heading",
    "## ",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "> quote",
    "    indented",
    "===",
    "---",
    "\\",
    "\\|",
    "[ref]: http://example.com",
    "[ref]",
    "[^1]",
    "\t",
    "\0",
    "x",
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
            1 => "\\PC{1,6}",
        ],
        1..6,
    )
    .prop_map(|pieces| pieces.concat())
    // A text that shows nothing leaves its section out: not what this property is about.
    .prop_filter("shows something", |text| !plain(text).is_empty())
}

#[test]
fn each_hostile_piece_alone_shows_as_text() {
    for piece in HOSTILE {
        if plain(piece).is_empty() {
            continue;
        }
        for text in [(*piece).to_owned(), format!("Name {piece} end")] {
            shows_as_text(&text).unwrap_or_else(|error| panic!("{error}"));
        }
    }
    // Found by the property: a control character before white space left a space after `**`.
    for text in [
        "\0    indented<script>alert(1)</script>",
        "\r\n\r\n<script>alert(1)</script>",
    ] {
        shows_as_text(text).unwrap_or_else(|error| panic!("{error}"));
    }
}

/// The cells of the CSV export: a spreadsheet shows the same text, a formula only behind an
/// apostrophe.
fn csv_names(project: &Project) -> Vec<String> {
    let text = milepost::export::data::csv(project, true);
    let text = text
        .strip_prefix(milepost::export::data::BOM)
        .unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| record.expect("a CSV record")[1].to_owned())
        .collect()
}

/// The `SUMMARY` of every event of the ICS export, unfolded and unescaped as RFC 5545 says.
fn ics_summaries(project: &Project) -> Vec<String> {
    let text = milepost::export::data::ics(project, true);
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    unfolded
        .split("\r\n")
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            (name.split(';').next() == Some("SUMMARY")).then(|| unescape_ics(value))
        })
        .collect()
}

/// An RFC 5545 TEXT value as the text it stands for.
fn unescape_ics(value: &str) -> String {
    let mut text = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => text.push('\n'),
                Some(other) => text.push(other),
                None => {}
            }
        } else {
            text.push(c);
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn hostile_text_in_every_field_shows_as_text(text in hostile_text()) {
        shows_as_text(&text)?;
    }

    #[test]
    fn hostile_names_are_the_same_text_in_the_csv_export(text in hostile_text()) {
        let project = with_text(sample(), &text);
        let names = csv_names(&project);
        prop_assert_eq!(names.len(), project.items.len(), "a row per item");
        let expected = milepost::export::data::guard_formula(&text);
        for name in names {
            prop_assert_eq!(&name, &expected, "the name as it was, line breaks and all");
        }
    }

    #[test]
    fn hostile_names_are_the_same_text_in_the_ics_export(text in hostile_text()) {
        let project = with_text(sample(), &text);
        let summaries = ics_summaries(&project);
        prop_assert!(!summaries.is_empty(), "events");
        // Line breaks stay; other control characters (a lone carriage return) are dropped.
        let expected: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
            .collect();
        for summary in summaries {
            prop_assert_eq!(&summary, &expected, "the summary is the name");
        }
    }
}
