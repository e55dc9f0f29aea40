//! The fast reader and writer against `ron`: the same bytes out, the same project in, and
//! `ron` deciding whenever the fast reader is not sure.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::model::{
    ActionItem, Baseline, BaselineId, BaselineItem, Calendar, Channel, Client, Criterion, Document,
    Figures, Holiday, Item, ItemId, ItemKind, Lane, LaneId, Link, LinkKind, Meeting, MeetingId,
    Owner, Participant, Person, PersonId, Project, Retrospective, RetrospectiveId, Risk,
    RiskAssessment, RiskCategory, RiskId, RiskResponse, RiskStatus, Scope, Weekday,
};
use crate::store::{DocumentRef, ron_options, ron_to_string};

use super::{read, write};

/// A strategy for a struct from one strategy per field, so that each field is named once.
/// Fields after a `;` go in a second tuple, as proptest's tuples stop at twelve.
macro_rules! record {
    ($type:ident { $($a:ident: $sa:expr),+ $(,)? }) => {
        ($($sa,)+).prop_map(|($($a,)+)| $type { $($a,)+ })
    };
    ($type:ident { $($a:ident: $sa:expr),+ ; $($b:ident: $sb:expr),+ $(,)? }) => {
        (($($sa,)+), ($($sb,)+)).prop_map(|(($($a,)+), ($($b,)+))| $type { $($a,)+ $($b,)+ })
    };
}

fn ron_text(project: &Project) -> String {
    ron_to_string(&DocumentRef::new(project)).expect("ron writes every project")
}

fn fast_text(project: &Project) -> String {
    write::to_string(&DocumentRef::new(project), 0).expect("the fast writer writes every project")
}

fn ron_read(text: &str) -> Result<Document, ron::error::SpannedError> {
    ron_options().from_str(text)
}

fn document(text: &str) -> String {
    format!("(format: \"milepost\", version: 1, project: {text})")
}

mod strategies;

use strategies::*;

/// Pieces of RON (and of non-RON) to insert into a document.
const TOKENS: &[&str] = &[
    " ",
    "\n",
    "\t",
    "\r",
    ",",
    ",,",
    "(",
    ")",
    "[",
    "]",
    ":",
    "\"",
    "\\",
    "'",
    "// note\n",
    "/* note */",
    "Some(",
    "None",
    "Some",
    "0",
    "1",
    "-1",
    "007",
    "+1",
    "1_0",
    "0x1",
    "1u8",
    "1.5",
    "1e3",
    "inf",
    "NaN",
    "x",
    "r#",
    "r\"",
    "b\"",
    "é",
    "\u{2028}",
    "\u{feff}",
    "\\u{41}",
    "\\u{110000}",
    "\\x41",
    "\\\n",
    "name: \"a\", ",
    "id: 2, ",
    "Task",
    "Project",
    "true",
    "false",
    "99999999999999999999",
    "4294967296",
    "256",
    "2026-02-30",
];

/// Where the value that starts at `start` ends: the comma, closing bracket or end of text
/// that follows it at the same depth.
fn value_end(text: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut pos = start;
    while let Some(&byte) = text.get(pos) {
        if in_string {
            match byte {
                b'\\' => pos += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match byte {
                b'"' => in_string = true,
                b'(' | b'[' => depth += 1,
                b')' | b']' | b',' if depth == 0 => return pos,
                b')' | b']' => depth -= 1,
                _ => {}
            }
        }
        pos += 1;
    }
    text.len()
}

#[derive(Clone, Debug)]
enum Edit {
    /// Delete up to this many bytes.
    Delete(usize, usize),
    /// Insert one of [`TOKENS`].
    Insert(usize, usize),
    /// Replace a byte by an ASCII character.
    Replace(usize, u8),
    /// Remove the field (or list element) after the `: ` found from here on.
    DropField(usize),
    /// Cut the text here.
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..8).prop_map(|(at, count)| Edit::Delete(at, count)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Edit::Insert(at, token)),
        (any::<usize>(), 0x20u8..0x7f).prop_map(|(at, byte)| Edit::Replace(at, byte)),
        any::<usize>().prop_map(Edit::DropField),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// The first character boundary at or after `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Delete(at, count) => {
            let from = boundary(text, at);
            let mut to = (from + count).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            text.replace_range(from..to, "");
        }
        Edit::Insert(at, token) => {
            let at = boundary(text, at);
            text.insert_str(at, TOKENS[token]);
        }
        Edit::Replace(at, byte) => {
            let from = boundary(text, at);
            let Some(character) = text[from..].chars().next() else {
                return;
            };
            text.replace_range(
                from..from + character.len_utf8(),
                &char::from(byte).to_string(),
            );
        }
        Edit::DropField(at) => {
            let from = boundary(text, at);
            let Some(colon) = text[from..].find(": ").map(|found| found + from) else {
                return;
            };
            let bytes = text.as_bytes();
            let mut name = colon;
            while name > 0 && (bytes[name - 1].is_ascii_alphanumeric() || bytes[name - 1] == b'_') {
                name -= 1;
            }
            let mut end = value_end(bytes, colon + 2);
            if bytes.get(end) == Some(&b',') {
                end += 1;
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
            }
            text.replace_range(name..end, "");
        }
        Edit::Truncate(at) => {
            let at = boundary(text, at);
            text.truncate(at);
        }
    }
}

/// Damages `text` with `edits`; the fast reader then either gives up or reads what `ron` reads.
fn agrees_with_ron_or_gives_up(mut text: String, edits: &[Edit]) -> Result<(), TestCaseError> {
    for edit in edits {
        apply(&mut text, edit);
    }
    if let Some(fast) = read::from_str::<Document>(&text) {
        match ron_read(&text) {
            Ok(slow) => prop_assert_eq!(fast, slow, "{}", text),
            Err(error) => {
                prop_assert!(
                    false,
                    "ron refuses ({error}) what the fast reader read: {text}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The fast writer writes the bytes `ron` writes, and the fast reader reads them back
    /// without giving up, to the project `ron` reads.
    #[test]
    fn fast_text_is_ron_text_and_reads_back(project in project()) {
        let text = fast_text(&project);
        prop_assert_eq!(&text, &ron_text(&project));
        let expected = Document::new(project);
        let fast = read::from_str::<Document>(&text);
        prop_assert_eq!(fast.as_ref(), Some(&expected));
        prop_assert_eq!(ron_read(&text).expect("ron reads what it wrote"), expected);
    }

    /// On damaged text the fast reader either gives up or reads what `ron` reads.
    #[test]
    fn on_damaged_text_the_fast_reader_agrees_with_ron_or_gives_up(
        project in project(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        agrees_with_ron_or_gives_up(fast_text(&project), &edits)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same for damaged documents of the size people keep, with every kind of item.
    #[test]
    fn on_damaged_generated_projects_the_fast_reader_agrees_with_ron_or_gives_up(
        seed in any::<u64>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        agrees_with_ron_or_gives_up(fast_text(&crate::cli::generate::project(60, seed)), &edits)?;
    }
}

#[test]
fn edge_case_strings_are_written_as_ron_writes_them() {
    for name in [
        "",
        "plain",
        "say \"hi\"",
        "don't",
        "back\\slash",
        "line\nbreak\r\ttab",
        "nul\0and\u{1}\u{1f}\u{7f}",
        "中文名称：需求确认",
        "e\u{301}",
        "\u{301}leading",
        "zero\u{200b}width\u{feff}bom",
        "\u{2028}\u{2029}\u{85}",
        "emoji 🎉 and 𝄞",
        "#hash ## r#\"raw\"#",
        "/* not a comment */ // nor this",
        "\u{10ffff}\u{e000}",
    ] {
        let project = Project::named(name);
        let text = fast_text(&project);
        assert_eq!(text, ron_text(&project), "the bytes for {name:?}");
        assert_eq!(
            read::from_str::<Document>(&text).map(|document| document.project),
            Some(project),
            "read back {name:?}"
        );
    }
}

#[test]
fn floats_are_written_as_ron_writes_them() {
    for value in [
        0.0,
        -0.0,
        1.5,
        -2.25,
        1e300,
        1e-7,
        123_456_789.125,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
    ] {
        let project = Project {
            retrospectives: vec![Retrospective {
                id: RetrospectiveId(1),
                date: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                title: String::new(),
                scope_items: Vec::new(),
                went_well: Vec::new(),
                to_improve: Vec::new(),
                actions: Vec::new(),
                client_feedback: String::new(),
                satisfaction: None,
                figures: Figures {
                    average_slip_workdays: value,
                    ..Figures::default()
                },
            }],
            ..Project::default()
        };
        assert_eq!(
            fast_text(&project),
            ron_text(&project),
            "the bytes for {value}"
        );
    }
}

#[test]
fn the_generated_project_is_written_and_read_as_ron_does() {
    let project = crate::cli::generate::project(500, 7);
    let text = fast_text(&project);
    assert_eq!(text, ron_text(&project), "the same bytes");
    assert_eq!(
        read::from_str::<Document>(&text),
        Some(Document::new(project)),
        "read back without giving up"
    );
}

#[test]
fn what_the_fast_reader_does_not_know_is_left_to_ron() {
    for project in [
        "(name: \"A\", /* note */ goal: \"B\")",
        "(name: \"A\", // note\n goal: \"B\")",
        "(name: r\"A\", goal: r#\"B\"#)",
        "Project(name: \"A\")",
        "(name: \"A\", meeting_cadence_days: 7)",
        "(name: \"A\\x41\")",
        "(name: \"A\\\n   continued\")",
        "(name: \"A\", meeting_cadence_days: Some(0x7))",
        "(name: \"A\", meeting_cadence_days: Some(+7))",
        "(name: \"A\", meeting_cadence_days: Some(1_000))",
        "(name: \"A\", meeting_cadence_days: Some(07))",
        "(name: \"A\", meeting_cadence_days: Some(7u32))",
        "(r#name: \"A\")",
        "(name:\u{2028}\"A\")",
    ] {
        let text = document(project);
        assert!(
            ron_read(&text).is_ok(),
            "ron reads {project} (else this test says nothing)"
        );
        assert!(
            read::from_str::<Document>(&text).is_none(),
            "the fast reader leaves {project} to ron"
        );
        assert!(
            crate::store::load_str(&text).is_ok(),
            "and the document loads: {project}"
        );
    }
}

#[test]
fn errors_are_left_to_ron() {
    for project in [
        "(name: \"A\", colour: \"red\")",
        "(name: \"A\", name: \"B\")",
        "(name: 1)",
        "(items: [(id: 1, kind: Task, name: \"A\", start: \"2026-01-01\")])",
        "(items: [(id: 1, kind: Task, name: \"A\", start: \"2026-01-01\", finish: \"2026-02-30\")])",
        "(items: [(id: 1, kind: Chore, name: \"A\", start: \"2026-01-01\", finish: \"2026-01-02\")])",
        "(items: [(id: 1, kind: Task, name: \"A\", start: \"2026-01-01\", finish: \"2026-01-02\", progress: 256)])",
        "(links: [(from: 1, to: 2, lag_workdays: 2147483648)])",
        "(links: [(from: 1, to: 2, lag_workdays: -2147483649)])",
        "(links: [(from: -1, to: 2)])",
        "(name: \"A\" goal: \"B\")",
        "(name: \"A\",, goal: \"B\")",
        "(name: \"A\\q\")",
        "(name: \"A\\u{110000}\")",
        "(name: \"A\\u{}\")",
        "(name: \"A\\u{1234567}\")",
        "(meeting_cadence_days: Some(1, 2))",
        "(meeting_cadence_days: None(1))",
        "(team: [(id: 1, name: \"A\")] [])",
    ] {
        let text = document(project);
        assert!(ron_read(&text).is_err(), "ron refuses {project}");
        assert!(
            read::from_str::<Document>(&text).is_none(),
            "so does the fast reader: {project}"
        );
    }
    assert!(
        read::from_str::<Document>(&format!("{} x", document("()"))).is_none(),
        "trailing text"
    );
}

#[test]
fn blanks_trailing_commas_and_defaults_read_as_ron_reads_them() {
    for project in [
        "()",
        "(\r\n\tname : \"A\" ,\n)",
        "(items: [(id: 1, kind: Task, name: \"A\", start: \"2026-01-01\", finish: \"2026-01-02\")])",
        "(items: [(id: 1, kind: Buffer, name: \"A\", start: \"2026-01-01\", finish: \"2026-01-02\", planned_workdays: 3, lane: Some( 4 , ), owner: None,),])",
        "(calendar: (), client: (), scope: (included: [\"x\",],))",
        "(meetings: [(id: 1, date: \"2026-01-01\", actions: [(text: \"a\", owner: Some(\"Li\")), (text: \"b\", owner: Some(3))])])",
        "(risks: [(id: 1, title: \"t\", probability: 1, impact: 5, identified: \"2026-01-01\")])",
        "(retrospectives: [(id: 1, date: \"2026-01-01\", figures: (average_slip_workdays: -1.25e2))])",
        "(retrospectives: [(id: 1, date: \"2026-01-01\", figures: (average_slip_workdays: 3))])",
        "(baselines: [(id: 1, name: \"b\", taken: \"2026-01-01\")])",
        "(links: [(from: 1, to: 2, lag_workdays: -0), (from: 2, to: 3, kind: StartToFinish, lag_workdays: -2147483648)])",
        "(name: \"\\u{4e2d}\\u{6587} \\\"q\\\" \\' \\\\ \\0\")",
    ] {
        let text = document(project);
        let slow = ron_read(&text).expect("ron reads it");
        assert_eq!(
            read::from_str::<Document>(&text),
            Some(slow),
            "the fast reader reads {project} as ron does"
        );
    }
}
