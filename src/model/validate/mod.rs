//! Checks a project for what the type system cannot: unique ids, references that point
//! somewhere, sensible dates and numbers, no loops among links; and names a loop in words.
//!
//! Part of the model so that the scheduler, the edits and the importers can check a project
//! without depending on the store; the store turns each [`Problem`]'s path into a line and
//! column of the file it loaded.

use std::collections::HashSet;

use super::{ItemId, ItemKind, Link, Project, find_cycle};
use crate::tr;

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A named field of a struct.
    Field(&'static str),
    /// An element of a list.
    Index(usize),
}

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

/// A set of ids for quick membership tests: a bit per id when the ids are dense (as Milepost
/// hands them out), else a sorted list.
struct IdSet {
    bits: Vec<u64>,
    sorted: Vec<u32>,
}

impl IdSet {
    /// The set of `ids`, and whether any id occurs more than once.
    fn new(ids: Vec<u32>) -> (Self, bool) {
        let largest = ids.iter().copied().max().unwrap_or_default() as usize;
        if largest <= 8 * ids.len() + 1024 {
            let mut bits = vec![0u64; largest / 64 + 1];
            let mut repeated = false;
            for id in ids {
                let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
                repeated |= bits[word] & bit != 0;
                bits[word] |= bit;
            }
            let set = Self {
                bits,
                sorted: Vec::new(),
            };
            (set, repeated)
        } else {
            let mut sorted = ids;
            sorted.sort_unstable();
            let repeated = sorted.windows(2).any(|pair| pair[0] == pair[1]);
            let set = Self {
                bits: Vec::new(),
                sorted,
            };
            (set, repeated)
        }
    }

    fn contains(&self, id: u32) -> bool {
        if self.sorted.is_empty() {
            self.bits
                .get(id as usize / 64)
                .is_some_and(|word| word & (1u64 << (id % 64)) != 0)
        } else {
            self.sorted.binary_search(&id).is_ok()
        }
    }
}

/// Reports every id that occurs twice in `list`; returns the set of its ids.
fn unique<T>(
    problems: &mut Vec<Problem>,
    list: &[T],
    field: &'static str,
    what: &str,
    id_of: impl Fn(&T) -> u32,
) -> IdSet {
    let (set, repeated) = IdSet::new(list.iter().map(&id_of).collect());
    if repeated {
        let mut seen = HashSet::new();
        for (index, entry) in list.iter().enumerate() {
            let id = id_of(entry);
            if !seen.insert(id) {
                problems.push(at(
                    &[Step::Field(field), Step::Index(index), Step::Field("id")],
                    tr!("store.duplicate_id", what = what, id = id).into_owned(),
                ));
            }
        }
    }
    set
}

/// Whether `links` form no loop, decided without hashing when the item ids are dense; `None`
/// when they are not (then [`find_cycle`] decides).
fn acyclic(links: &[Link]) -> Option<bool> {
    let Some(largest) = links.iter().map(|link| link.from.0.max(link.to.0)).max() else {
        return Some(true);
    };
    let nodes = largest as usize + 1;
    if nodes > 8 * links.len() + 1024 {
        return None;
    }
    // Successors of each item, grouped by item, and how many links point at each.
    let mut first = vec![0usize; nodes + 1];
    let mut incoming = vec![0u32; nodes];
    for link in links {
        first[link.from.0 as usize + 1] += 1;
        incoming[link.to.0 as usize] += 1;
    }
    for node in 0..nodes {
        first[node + 1] += first[node];
    }
    let mut next = first.clone();
    let mut successors = vec![0u32; links.len()];
    for link in links {
        let from = link.from.0 as usize;
        successors[next[from]] = link.to.0;
        next[from] += 1;
    }
    // Take away items nothing points at until none are left (no loop) or all that are left
    // are in or behind a loop.
    let mut ready: Vec<u32> = (0..nodes as u32)
        .filter(|&node| incoming[node as usize] == 0)
        .collect();
    let mut removed = 0;
    while let Some(node) = ready.pop() {
        removed += 1;
        let node = node as usize;
        for &successor in &successors[first[node]..first[node + 1]] {
            incoming[successor as usize] -= 1;
            if incoming[successor as usize] == 0 {
                ready.push(successor);
            }
        }
    }
    Some(removed == nodes)
}

/// A problem at `path`, about the record `label`, for each of `items` that `item_ids` lacks.
fn missing_items(
    problems: &mut Vec<Problem>,
    path: &[Step],
    label: &str,
    items: &[ItemId],
    item_ids: &IdSet,
) {
    for item in items {
        if !item_ids.contains(item.0) {
            problems.push(at(
                path,
                tr!("store.missing_item", label = label, item = item).into_owned(),
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

    let person_ids = unique(
        problems_ref,
        &project.team,
        "team",
        &tr!("store.kind.team_member"),
        |p| p.id.0,
    );
    let lane_ids = unique(
        problems_ref,
        &project.lanes,
        "lanes",
        &tr!("store.kind.lane"),
        |l| l.id.0,
    );
    let item_ids = unique(
        problems_ref,
        &project.items,
        "items",
        &tr!("store.kind.item"),
        |i| i.id.0,
    );
    unique(
        problems_ref,
        &project.baselines,
        "baselines",
        &tr!("store.kind.baseline"),
        |b| b.id.0,
    );
    unique(
        problems_ref,
        &project.meetings,
        "meetings",
        &tr!("store.kind.meeting"),
        |m| m.id.0,
    );
    unique(
        problems_ref,
        &project.risks,
        "risks",
        &tr!("store.kind.risk"),
        |r| r.id.0,
    );
    unique(
        problems_ref,
        &project.retrospectives,
        "retrospectives",
        &tr!("store.kind.retrospective"),
        |r| r.id.0,
    );

    for holiday_index in 0..project.calendar.holidays.len() {
        let holiday = &project.calendar.holidays[holiday_index];
        if holiday.from > holiday.to {
            problems.push(at(
                &[
                    Step::Field("calendar"),
                    Step::Field("holidays"),
                    Step::Index(holiday_index),
                ],
                tr!(
                    "store.holiday_backwards",
                    name = holiday.name,
                    to = holiday.to,
                    from = holiday.from
                )
                .into_owned(),
            ));
        }
    }
    if project.calendar.workdays.is_empty() && project.calendar.extra_workdays.is_empty() {
        problems.push(at(
            &[Step::Field("calendar"), Step::Field("workdays")],
            tr!("store.no_workdays").into_owned(),
        ));
    }

    for (index, item) in project.items.iter().enumerate() {
        let field = |name| [Step::Field("items"), Step::Index(index), Step::Field(name)];
        let label = || tr!("store.label.item", id = item.id, name = item.name);
        if let Some(lane) = item.lane
            && !lane_ids.contains(lane.0)
        {
            problems.push(at(
                &field("lane"),
                tr!("store.missing_lane", label = label(), lane = lane).into_owned(),
            ));
        }
        if let Some(owner) = item.owner
            && !person_ids.contains(owner.0)
        {
            problems.push(at(
                &field("owner"),
                tr!("store.missing_owner", label = label(), owner = owner).into_owned(),
            ));
        }
        let exhausted_buffer = item.kind == ItemKind::Buffer
            && item.start > item.finish
            && !has_working_day_between(project, item.finish, item.start);
        if item.start > item.finish && !exhausted_buffer {
            problems.push(at(
                &field("finish"),
                tr!(
                    "store.finishes_before_start",
                    label = label(),
                    finish = item.finish,
                    start = item.start
                )
                .into_owned(),
            ));
        }
        if item.kind == ItemKind::Milestone && item.start != item.finish {
            problems.push(at(
                &field("finish"),
                tr!(
                    "store.milestone_same_day",
                    id = item.id,
                    name = item.name,
                    start = item.start,
                    finish = item.finish
                )
                .into_owned(),
            ));
        }
        if item.progress > 100 {
            problems.push(at(
                &field("progress"),
                tr!(
                    "store.progress_range",
                    label = label(),
                    progress = item.progress
                )
                .into_owned(),
            ));
        }
        for (name, text) in [("name", &item.name), ("notes", &item.notes)] {
            if text.len() > MAX_TEXT_BYTES {
                let what = if name == "name" {
                    tr!("store.field.name")
                } else {
                    tr!("store.field.notes")
                };
                problems.push(at(
                    &field(name),
                    tr!("store.text_too_long", label = label(), field = what).into_owned(),
                ));
            }
        }
    }

    for (index, link) in project.links.iter().enumerate() {
        for (end, id) in [("from", link.from), ("to", link.to)] {
            if !item_ids.contains(id.0) {
                problems.push(at(
                    &[Step::Field("links"), Step::Index(index), Step::Field(end)],
                    tr!(
                        "store.link_missing_item",
                        from = link.from,
                        to = link.to,
                        item = id
                    )
                    .into_owned(),
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
        let label = || tr!("store.label.meeting", id = meeting.id, name = meeting.title);
        if let Some(time) = &meeting.time
            && !is_clock_time(time)
        {
            problems.push(at(
                &field("time"),
                tr!("store.meeting_time", label = label(), time = time).into_owned(),
            ));
        }
        missing_items(
            &mut problems,
            &field("items"),
            &label(),
            &meeting.items,
            &item_ids,
        );
        for action in &meeting.actions {
            if let Some(item) = action.item
                && !item_ids.contains(item.0)
            {
                problems.push(at(
                    &field("actions"),
                    tr!("store.action_missing_item", label = label(), item = item).into_owned(),
                ));
            }
            if let Some(owner) = action.owner.as_ref().and_then(crate::model::Owner::person)
                && !person_ids.contains(owner.0)
            {
                problems.push(at(
                    &field("actions"),
                    tr!("store.action_missing_owner", label = label(), owner = owner).into_owned(),
                ));
            }
        }
    }

    for (index, risk) in project.risks.iter().enumerate() {
        let field = |name| [Step::Field("risks"), Step::Index(index), Step::Field(name)];
        let label = || tr!("store.label.risk", id = risk.id, name = risk.title);
        for (name, what, value) in [
            (
                "probability",
                tr!("store.field.probability"),
                risk.probability,
            ),
            ("impact", tr!("store.field.impact"), risk.impact),
        ] {
            if !in_range(value, 1, 5) {
                problems.push(at(
                    &field(name),
                    tr!(
                        "store.score_range",
                        label = label(),
                        field = what,
                        value = value
                    )
                    .into_owned(),
                ));
            }
        }
        for entry in &risk.history {
            if !in_range(entry.probability, 1, 5) || !in_range(entry.impact, 1, 5) {
                problems.push(at(
                    &field("history"),
                    tr!(
                        "store.assessment_range",
                        label = label(),
                        date = entry.date,
                        probability = entry.probability,
                        impact = entry.impact
                    )
                    .into_owned(),
                ));
            }
        }
        missing_items(
            &mut problems,
            &field("items"),
            &label(),
            &risk.items,
            &item_ids,
        );
        if let Some(owner) = risk.owner.as_ref().and_then(crate::model::Owner::person)
            && !person_ids.contains(owner.0)
        {
            problems.push(at(
                &field("owner"),
                tr!("store.missing_owner", label = label(), owner = owner).into_owned(),
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
        let label = || {
            tr!(
                "store.label.retrospective",
                id = retrospective.id,
                name = retrospective.title
            )
        };
        if let Some(score) = retrospective.satisfaction
            && !in_range(score, 1, 5)
        {
            problems.push(at(
                &field("satisfaction"),
                tr!(
                    "store.score_range",
                    label = label(),
                    field = tr!("store.field.satisfaction"),
                    value = score
                )
                .into_owned(),
            ));
        }
        missing_items(
            &mut problems,
            &field("scope_items"),
            &label(),
            &retrospective.scope_items,
            &item_ids,
        );
    }

    if acyclic(&project.links) != Some(true)
        && let Some(cycle) = find_cycle(&project.links)
    {
        let first = cycle.first().copied().unwrap_or_default();
        let index = project
            .links
            .iter()
            .position(|link| link.from == first && cycle.contains(&link.to))
            .unwrap_or_default();
        problems.push(at(
            &[Step::Field("links"), Step::Index(index)],
            tr!("store.cycle", cycle = describe_cycle(project, &cycle)).into_owned(),
        ));
    }

    long_texts(project, &mut problems);
    problems
}

/// "'Design' (3) → 'Build' (4) → 'Design' (3)", in the current language.
pub fn describe_cycle(project: &Project, cycle: &[ItemId]) -> String {
    let name = |id: ItemId| {
        project.item(id).map_or_else(
            || tr!("store.cycle_missing_item", id = id).into_owned(),
            |item| tr!("store.cycle_item", name = item.name, id = id).into_owned(),
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

/// Reports every text field longer than [`MAX_TEXT_BYTES`], wherever it is in the project.
fn long_texts(project: &Project, problems: &mut Vec<Problem>) {
    let mut check = |path: &[Step], text: &str| {
        if text.len() > MAX_TEXT_BYTES {
            let field = path
                .iter()
                .rev()
                .find_map(|step| match step {
                    Step::Field(name) => Some(*name),
                    Step::Index(_) => None,
                })
                .unwrap_or("text");
            problems.push(at(
                path,
                tr!("store.text_too_long_at", field = field).into_owned(),
            ));
        }
    };
    let f = Step::Field;
    check(&[f("name")], &project.name);
    check(&[f("client"), f("name")], &project.client.name);
    check(&[f("client"), f("contact")], &project.client.contact);
    check(&[f("goal")], &project.goal);
    let scope = &project.scope;
    check_each(
        &mut check,
        &[f("scope"), f("included")],
        &scope.included,
        |text| vec![(None, text)],
    );
    check_each(
        &mut check,
        &[f("scope"), f("excluded")],
        &scope.excluded,
        |text| vec![(None, text)],
    );
    let holidays = &project.calendar.holidays;
    check_each(
        &mut check,
        &[f("calendar"), f("holidays")],
        holidays,
        |holiday| vec![(Some("name"), &holiday.name)],
    );
    check_each(&mut check, &[f("team")], &project.team, |person| {
        vec![
            (Some("name"), &person.name),
            (Some("role"), &person.role),
            (Some("responsibility"), &person.responsibility),
        ]
    });
    check_each(&mut check, &[f("lanes")], &project.lanes, |lane| {
        vec![(Some("name"), &lane.name)]
    });
    for (n, item) in project.items.iter().enumerate() {
        let at = [f("items"), Step::Index(n), f("criteria")];
        check_each(&mut check, &at, &item.criteria, |criterion| {
            vec![(Some("text"), &criterion.text)]
        });
    }
    for (n, baseline) in project.baselines.iter().enumerate() {
        check(&[f("baselines"), Step::Index(n), f("name")], &baseline.name);
        let at = [f("baselines"), Step::Index(n), f("items")];
        check_each(&mut check, &at, &baseline.items, |entry| {
            vec![(Some("name"), &entry.name)]
        });
    }
    for (n, meeting) in project.meetings.iter().enumerate() {
        let at = |list| [f("meetings"), Step::Index(n), f(list)];
        for (field, text) in [
            ("title", &meeting.title),
            ("agenda", &meeting.agenda),
            ("notes", &meeting.notes),
        ] {
            check(&at(field), text);
        }
        check_each(
            &mut check,
            &at("participants"),
            &meeting.participants,
            |participant| vec![(Some("name"), &participant.name)],
        );
        check_each(&mut check, &at("decisions"), &meeting.decisions, |text| {
            vec![(None, text)]
        });
        check_each(&mut check, &at("actions"), &meeting.actions, |action| {
            vec![(Some("text"), &action.text)]
        });
    }
    check_each(&mut check, &[f("risks")], &project.risks, |risk| {
        vec![
            (Some("title"), &risk.title),
            (Some("description"), &risk.description),
            (Some("mitigation"), &risk.mitigation),
            (Some("contingency"), &risk.contingency),
            (Some("trigger"), &risk.trigger),
        ]
    });
    for (n, retrospective) in project.retrospectives.iter().enumerate() {
        let at = |list| [f("retrospectives"), Step::Index(n), f(list)];
        check(&at("title"), &retrospective.title);
        check(&at("client_feedback"), &retrospective.client_feedback);
        check_each(
            &mut check,
            &at("went_well"),
            &retrospective.went_well,
            |text| vec![(None, text)],
        );
        check_each(
            &mut check,
            &at("to_improve"),
            &retrospective.to_improve,
            |text| vec![(None, text)],
        );
        check_each(
            &mut check,
            &at("actions"),
            &retrospective.actions,
            |action| vec![(Some("text"), &action.text)],
        );
    }
}

/// Checks the texts that `texts` names in every element of `list`, at `prefix`, the element's
/// index and the text's field (none for a list of plain strings).
fn check_each<'a, T>(
    check: &mut impl FnMut(&[Step], &str),
    prefix: &[Step],
    list: &'a [T],
    texts: impl Fn(&'a T) -> Vec<(Option<&'static str>, &'a String)>,
) {
    for (n, element) in list.iter().enumerate() {
        for (field, text) in texts(element) {
            let mut path = prefix.to_vec();
            path.push(Step::Index(n));
            path.extend(field.map(Step::Field));
            check(&path, text);
        }
    }
}

#[cfg(test)]
mod tests;
