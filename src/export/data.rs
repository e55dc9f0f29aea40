//! CSV for spreadsheets and ICS for calendars.
//!
//! Both are client-safe by default: with `include_internal == false` they are made from
//! [`Project::client_view`], so internal items, meetings and the links to them are left out.
//!
//! # CSV
//!
//! One row per item, in the project's order, under an English header row:
//!
//! | column | holds |
//! |---|---|
//! | `ID` | the item's id |
//! | `Name` | its name |
//! | `Kind` | `Task`, `Milestone` or `Buffer` |
//! | `Lane` | the lane's name (empty when none) |
//! | `Start`, `Finish` | `YYYY-MM-DD`, inclusive |
//! | `Working days` | working days from start to finish (0 for a milestone) |
//! | `Owner` | the owner's name |
//! | `Progress` | percent complete, 0–100 |
//! | `Predecessors` | the links into the item, see below |
//! | `Deadline` | a milestone's deadline, `YYYY-MM-DD` |
//! | `Planned working days` | a buffer's reserved length |
//! | `Client visible` | `yes` or `no` |
//!
//! The text is UTF-8 with a byte-order mark, so that Excel opens Chinese names correctly. A
//! name, lane or owner that starts with `=`, `+`, `-` or `@` is written after an apostrophe,
//! so that a spreadsheet shows it as text instead of running it as a formula; the import takes
//! the apostrophe off again.
//!
//! **Predecessors** are written as in MS Project: the predecessor's id, the link type (`FS`
//! finish-to-start, `SS` start-to-start, `FF` finish-to-finish, `SF` start-to-finish) and the
//! lag in working days with its sign when it is not zero, several separated by `", "`:
//! `3FS, 5SS+2, 2FS-1`. A negative lag is a lead. When reading, the type may be left out
//! (`3` is `3FS`), a `d` or `天` may follow the lag, and `，` or `;` may separate.
//!
//! # ICS
//!
//! An iCalendar (RFC 5545) calendar: each milestone is an all-day event on its date, each
//! buffer an all-day event over its days, and each meeting an event at its time (one hour, in
//! floating local time) or all day when it has none. UIDs are stable across exports:
//! `item-ID@SLUG.milepost` and `meeting-ID@SLUG.milepost`, where `SLUG` comes from the
//! project's name. Descriptions and categories are in the language of the calling thread.

use chrono::{DateTime, NaiveTime, Utc};
use icalendar::{Component as _, EventLike as _};

pub use crate::csv_rules::{BOM, CSV_HEADER, guard_formula, link_kind, predecessor};
use crate::csv_rules::{PREDECESSOR_SEPARATOR, write_bool, write_date, write_kind};
use crate::model::{Item, ItemKind, Project};
use crate::schedule::{WorkCalendar, span_of};

/// Appends formatted text to a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        $out.write_fmt(format_args!($($arg)*)).unwrap_or_default()
    }};
}

/// How long a meeting with a time lasts in the calendar.
const MEETING_MINUTES: i64 = 60;

/// The project as exported: all of it, or what the client may see.
fn shown(project: &Project, include_internal: bool) -> std::borrow::Cow<'_, Project> {
    if include_internal {
        std::borrow::Cow::Borrowed(project)
    } else {
        std::borrow::Cow::Owned(project.client_view())
    }
}

/// The `Predecessors` cell of `item`: its incoming links in the project's order.
fn predecessors(project: &Project, item: &Item) -> String {
    project
        .links
        .iter()
        .filter(|link| link.to == item.id)
        .map(predecessor)
        .collect::<Vec<_>>()
        .join(PREDECESSOR_SEPARATOR)
}

/// The project's items as CSV (see the module documentation), UTF-8 with a byte-order mark.
pub fn csv(project: &Project, include_internal: bool) -> String {
    let project = shown(project, include_internal);
    let calendar = WorkCalendar::new(&project.calendar);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows = vec![CSV_HEADER.iter().map(|&text| text.to_owned()).collect()];
    for item in &project.items {
        let lane = item
            .lane
            .and_then(|lane| project.lane(lane))
            .map(|lane| lane.name.clone())
            .unwrap_or_default();
        let owner = item
            .owner
            .and_then(|owner| project.person(owner))
            .map(|person| person.name.clone())
            .unwrap_or_default();
        let row: Vec<String> = vec![
            item.id.to_string(),
            guard_formula(&item.name),
            write_kind(item.kind).to_owned(),
            guard_formula(&lane),
            write_date(item.start),
            write_date(item.finish),
            span_of(&calendar, item).workdays().to_string(),
            guard_formula(&owner),
            item.progress.to_string(),
            predecessors(&project, item),
            item.deadline.map(write_date).unwrap_or_default(),
            if item.kind == ItemKind::Buffer {
                item.planned_workdays.to_string()
            } else {
                String::new()
            },
            write_bool(item.client_visible).to_owned(),
        ];
        rows.push(row);
    }
    for row in rows {
        // Writing to a Vec<u8> cannot fail.
        if writer.write_record(&row).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

/// The part of calendar UIDs that names the project: its name in lower-case ASCII letters and
/// digits joined by `-`, or a hash of the name when it has no such letters (a Chinese name).
pub fn slug(project: &Project) -> String {
    let mut slug = String::new();
    for word in project
        .name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        slug = format!(
            "project-{:08x}",
            crate::store::fnv1a(project.name.as_bytes()) & 0xffff_ffff
        );
    }
    slug
}

/// The project's milestones, buffers and meetings as an iCalendar, stamped now.
pub fn ics(project: &Project, include_internal: bool) -> String {
    ics_at(project, include_internal, Utc::now())
}

/// `text` as an iCalendar TEXT value may hold it: a line break stays a line break (escaped by the
/// writer), other control characters are dropped. A carriage return left in would end the line
/// for some readers and let a name start a property of its own.
fn ics_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// [`ics`] with a given `DTSTAMP`, so that the same project gives the same text.
pub fn ics_at(project: &Project, include_internal: bool, stamp: DateTime<Utc>) -> String {
    let project = shown(project, include_internal);
    let slug = slug(&project);
    let mut calendar = icalendar::Calendar::empty();
    calendar
        .append_property(icalendar::Property::new("VERSION", "2.0"))
        .append_property(icalendar::Property::new(
            "PRODID",
            "-//Milepost//Milepost client timeline//EN",
        ))
        .append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"))
        .name(&ics_text(&project.name));
    for item in &project.items {
        if item.kind == ItemKind::Task {
            continue;
        }
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("item-{}@{slug}.milepost", item.id))
            .timestamp(stamp)
            .summary(&ics_text(&item.name));
        let finish = item.finish.max(item.start);
        event
            .starts(item.start.min(finish))
            .ends(finish.succ_opt().unwrap_or(finish));
        let mut description = String::new();
        if let Some(deadline) = item.deadline {
            put!(
                description,
                "{}",
                crate::tr!(
                    "ics.deadline",
                    date = crate::i18n::format_date(
                        deadline,
                        crate::i18n::DateStyle::Iso,
                        crate::i18n::language()
                    )
                )
            );
        }
        for criterion in &item.criteria {
            if !description.is_empty() {
                description.push('\n');
            }
            let mark = if criterion.done { "[x]" } else { "[ ]" };
            put!(description, "{mark} {}", ics_text(&criterion.text));
        }
        if !description.is_empty() {
            event.description(&description);
        }
        event.add_property(
            "CATEGORIES",
            if item.kind == ItemKind::Milestone {
                crate::tr!("ics.milestone")
            } else {
                crate::tr!("ics.buffer")
            }
            .as_ref(),
        );
        calendar.push(event.done());
    }
    for meeting in &project.meetings {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("meeting-{}@{slug}.milepost", meeting.id))
            .timestamp(stamp)
            .summary(&ics_text(&meeting.title));
        let time = meeting
            .time
            .as_deref()
            .and_then(|time| NaiveTime::parse_from_str(time.trim(), "%H:%M").ok());
        if let Some(time) = time {
            let start = meeting.date.and_time(time);
            event
                .starts(start)
                .ends(start + chrono::Duration::minutes(MEETING_MINUTES));
        } else {
            event
                .starts(meeting.date)
                .ends(meeting.date.succ_opt().unwrap_or(meeting.date));
        }
        let mut description = String::new();
        if !meeting.agenda.is_empty() {
            description.push_str(&meeting.agenda);
        }
        for decision in &meeting.decisions {
            if !description.is_empty() {
                description.push('\n');
            }
            put!(description, "- {decision}");
        }
        if !description.is_empty() {
            event.description(&description);
        }
        event.add_property("CATEGORIES", crate::tr!("ics.meeting").as_ref());
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
