//! Checks a parsed project for what the type system cannot: unique ids, references that point
//! somewhere, sensible dates and numbers, no loops among links.

use std::collections::HashSet;
use std::hash::Hash;

use crate::model::{ItemId, ItemKind, Project, find_cycle};

use super::locate::Step;

/// The longest text any single field may hold, in bytes.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Something wrong with a document, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, as a path from the top.
    pub path: Vec<Step>,
    /// What is wrong, in words a user understands.
    pub message: String,
}

fn at(path: &[Step], message: String) -> Problem {
    let mut full = vec![Step::Field("project")];
    full.extend_from_slice(path);
    Problem {
        path: full,
        message,
    }
}

/// Reports every id that occurs twice in `list`.
fn unique<T, K: Eq + Hash + std::fmt::Display>(
    problems: &mut Vec<Problem>,
    list: &[T],
    field: &'static str,
    what: &str,
    id_of: impl Fn(&T) -> K,
) {
    let mut seen = HashSet::new();
    for (index, entry) in list.iter().enumerate() {
        let id = id_of(entry);
        if !seen.insert(id_of(entry)) {
            problems.push(at(
                &[Step::Field(field), Step::Index(index), Step::Field("id")],
                format!("duplicate {what} id {id}"),
            ));
        }
    }
}

fn in_range(value: u8, low: u8, high: u8) -> bool {
    (low..=high).contains(&value)
}

/// Every problem in `project`, in document order; empty when it is sound.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problems_ref = &mut problems;

    unique(problems_ref, &project.team, "team", "team member", |p| p.id);
    unique(problems_ref, &project.lanes, "lanes", "lane", |l| l.id);
    unique(problems_ref, &project.items, "items", "item", |i| i.id);
    unique(
        problems_ref,
        &project.baselines,
        "baselines",
        "baseline",
        |b| b.id,
    );
    unique(
        problems_ref,
        &project.meetings,
        "meetings",
        "meeting",
        |m| m.id,
    );
    unique(problems_ref, &project.risks, "risks", "risk", |r| r.id);
    unique(
        problems_ref,
        &project.retrospectives,
        "retrospectives",
        "retrospective",
        |r| r.id,
    );

    let item_ids: HashSet<ItemId> = project.items.iter().map(|item| item.id).collect();
    let lane_ids: HashSet<_> = project.lanes.iter().map(|lane| lane.id).collect();
    let person_ids: HashSet<_> = project.team.iter().map(|person| person.id).collect();

    for holiday_index in 0..project.calendar.holidays.len() {
        let holiday = &project.calendar.holidays[holiday_index];
        if holiday.from > holiday.to {
            problems.push(at(
                &[
                    Step::Field("calendar"),
                    Step::Field("holidays"),
                    Step::Index(holiday_index),
                ],
                format!(
                    "holiday '{}' ends ({}) before it starts ({})",
                    holiday.name, holiday.to, holiday.from
                ),
            ));
        }
    }
    if project.calendar.workdays.is_empty() && project.calendar.extra_workdays.is_empty() {
        problems.push(at(
            &[Step::Field("calendar"), Step::Field("workdays")],
            "the calendar has no working days at all".to_owned(),
        ));
    }

    for (index, item) in project.items.iter().enumerate() {
        let field = |name| [Step::Field("items"), Step::Index(index), Step::Field(name)];
        let label = format!("item {} '{}'", item.id, item.name);
        if let Some(lane) = item.lane
            && !lane_ids.contains(&lane)
        {
            problems.push(at(
                &field("lane"),
                format!("{label} is in lane {lane}, which does not exist"),
            ));
        }
        if let Some(owner) = item.owner
            && !person_ids.contains(&owner)
        {
            problems.push(at(
                &field("owner"),
                format!("{label} is owned by team member {owner}, who does not exist"),
            ));
        }
        let exhausted_buffer = item.kind == ItemKind::Buffer
            && item.start > item.finish
            && !has_working_day_between(project, item.finish, item.start);
        if item.start > item.finish && !exhausted_buffer {
            problems.push(at(
                &field("finish"),
                format!(
                    "{label} finishes ({}) before it starts ({})",
                    item.finish, item.start
                ),
            ));
        }
        if item.kind == ItemKind::Milestone && item.start != item.finish {
            problems.push(at(
                &field("finish"),
                format!(
                    "milestone {} '{}' must start and finish on the same day, not {} and {}",
                    item.id, item.name, item.start, item.finish
                ),
            ));
        }
        if item.progress > 100 {
            problems.push(at(
                &field("progress"),
                format!(
                    "{label} has progress {}, which is not within 0..=100",
                    item.progress
                ),
            ));
        }
        for (name, text) in [("name", &item.name), ("notes", &item.notes)] {
            if text.len() > MAX_TEXT_BYTES {
                problems.push(at(
                    &field(name),
                    format!("{label}: the {name} is longer than 1 MiB"),
                ));
            }
        }
    }

    for (index, link) in project.links.iter().enumerate() {
        for (end, id) in [("from", link.from), ("to", link.to)] {
            if !item_ids.contains(&id) {
                problems.push(at(
                    &[Step::Field("links"), Step::Index(index), Step::Field(end)],
                    format!(
                        "link {} → {} refers to item {id}, which does not exist",
                        link.from, link.to
                    ),
                ));
            }
        }
    }

    for (index, meeting) in project.meetings.iter().enumerate() {
        let field = |name| {
            [
                Step::Field("meetings"),
                Step::Index(index),
                Step::Field(name),
            ]
        };
        let label = format!("meeting {} '{}'", meeting.id, meeting.title);
        if let Some(time) = &meeting.time
            && !is_clock_time(time)
        {
            problems.push(at(
                &field("time"),
                format!("{label} has time \"{time}\", expected \"HH:MM\""),
            ));
        }
        for item in &meeting.items {
            if !item_ids.contains(item) {
                problems.push(at(
                    &field("items"),
                    format!("{label} refers to item {item}, which does not exist"),
                ));
            }
        }
        for action in &meeting.actions {
            if let Some(item) = action.item
                && !item_ids.contains(&item)
            {
                problems.push(at(
                    &field("actions"),
                    format!("an action of {label} refers to item {item}, which does not exist"),
                ));
            }
            if let Some(owner) = action.owner
                && !person_ids.contains(&owner)
            {
                problems.push(at(
                    &field("actions"),
                    format!(
                        "an action of {label} is owned by team member {owner}, who does not exist"
                    ),
                ));
            }
        }
    }

    for (index, risk) in project.risks.iter().enumerate() {
        let field = |name| [Step::Field("risks"), Step::Index(index), Step::Field(name)];
        let label = format!("risk {} '{}'", risk.id, risk.title);
        for (name, value) in [("probability", risk.probability), ("impact", risk.impact)] {
            if !in_range(value, 1, 5) {
                problems.push(at(
                    &field(name),
                    format!("{label} has {name} {value}, which is not within 1..=5"),
                ));
            }
        }
        for entry in &risk.history {
            if !in_range(entry.probability, 1, 5) || !in_range(entry.impact, 1, 5) {
                problems.push(at(
                    &field("history"),
                    format!(
                        "{label} has an assessment on {} with probability {} and impact {}; both must be within 1..=5",
                        entry.date, entry.probability, entry.impact
                    ),
                ));
            }
        }
        for item in &risk.items {
            if !item_ids.contains(item) {
                problems.push(at(
                    &field("items"),
                    format!("{label} refers to item {item}, which does not exist"),
                ));
            }
        }
        if let Some(owner) = risk.owner
            && !person_ids.contains(&owner)
        {
            problems.push(at(
                &field("owner"),
                format!("{label} is owned by team member {owner}, who does not exist"),
            ));
        }
    }

    for (index, retrospective) in project.retrospectives.iter().enumerate() {
        let field = |name| {
            [
                Step::Field("retrospectives"),
                Step::Index(index),
                Step::Field(name),
            ]
        };
        let label = format!(
            "retrospective {} '{}'",
            retrospective.id, retrospective.title
        );
        if let Some(score) = retrospective.satisfaction
            && !in_range(score, 1, 5)
        {
            problems.push(at(
                &field("satisfaction"),
                format!("{label} has satisfaction {score}, which is not within 1..=5"),
            ));
        }
        for item in &retrospective.scope_items {
            if !item_ids.contains(item) {
                problems.push(at(
                    &field("scope_items"),
                    format!("{label} refers to item {item}, which does not exist"),
                ));
            }
        }
    }

    if let Some(cycle) = find_cycle(&project.links) {
        let first = cycle.first().copied().unwrap_or_default();
        let index = project
            .links
            .iter()
            .position(|link| link.from == first && cycle.contains(&link.to))
            .unwrap_or_default();
        problems.push(at(
            &[Step::Field("links"), Step::Index(index)],
            format!("links form a loop: {}", describe_cycle(project, &cycle)),
        ));
    }

    problems
}

/// "'Design' (3) → 'Build' (4) → 'Design' (3)".
pub fn describe_cycle(project: &Project, cycle: &[ItemId]) -> String {
    let name = |id: ItemId| {
        project.item(id).map_or_else(
            || format!("item {id}"),
            |item| format!("'{}' ({id})", item.name),
        )
    };
    let mut parts: Vec<String> = cycle.iter().map(|&id| name(id)).collect();
    if let Some(&first) = cycle.first() {
        parts.push(name(first));
    }
    parts.join(" → ")
}

fn has_working_day_between(
    project: &Project,
    after: chrono::NaiveDate,
    before: chrono::NaiveDate,
) -> bool {
    after
        .iter_days()
        .skip(1)
        .take_while(|day| *day < before)
        .take(400)
        .any(|day| project.calendar.is_working_day(day))
}

fn is_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .and_then(|slice| std::str::from_utf8(slice).ok())
            .filter(|part| part.bytes().all(|byte| byte.is_ascii_digit()))
            .and_then(|part| part.parse::<u32>().ok())
    };
    bytes.len() == 5
        && bytes.get(2) == Some(&b':')
        && digits(0..2).is_some_and(|hours| hours < 24)
        && digits(3..5).is_some_and(|minutes| minutes < 60)
}
