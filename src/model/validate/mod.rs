//! Checks a project for what the type system cannot: unique ids, references that point
//! somewhere, sensible dates and numbers, no loops among links; and names a loop in words.
//!
//! Part of the model so that the scheduler, the edits and the importers can check a project
//! without depending on the store; the store turns each [`Problem`]'s path into a line and
//! column of the file it loaded.

use std::collections::HashSet;

use super::{ItemId, ItemKind, Link, Owner, Project, find_cycle};
use crate::i18n::Message;
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
    /// What is wrong, in words a user understands: kept as a locale key with its arguments and
    /// worded in the language of the moment when shown ([`Message::text`]).
    pub message: Message,
}

fn at(path: &[Step], message: Message) -> Problem {
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

/// Reports every id that occurs twice in `ids`, the ids of the list `field` whose records are
/// called `kind` (a locale key); returns the set of the ids.
fn unique(
    problems: &mut Vec<Problem>,
    field: &'static str,
    kind: &'static str,
    ids: Vec<u32>,
) -> IdSet {
    let (set, repeated) = IdSet::new(ids.clone());
    if repeated {
        let mut seen = HashSet::new();
        for (index, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                problems.push(at(
                    &[Step::Field(field), Step::Index(index), Step::Field("id")],
                    Message::new("store.duplicate_id")
                        .nest("what", Message::new(kind))
                        .arg("id", id),
                ));
            }
        }
    }
    set
}

/// The ids of `list`.
fn ids_of<T>(list: &[T], id_of: impl Fn(&T) -> u32) -> Vec<u32> {
    list.iter().map(id_of).collect()
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
    label: &Message,
    items: &[ItemId],
    item_ids: &IdSet,
) {
    for item in items {
        if !item_ids.contains(item.0) {
            problems.push(at(
                path,
                Message::new("store.missing_item")
                    .nest("label", label.clone())
                    .arg("item", item),
            ));
        }
    }
}

/// The path of the field `name` of the record at `index` in the list `list`.
fn in_list(list: &'static str, index: usize, name: &'static str) -> [Step; 3] {
    [Step::Field(list), Step::Index(index), Step::Field(name)]
}

/// How a record is named in a problem: the words of `key` with its id and name.
fn record_label(key: &'static str, id: impl std::fmt::Display, name: &str) -> Message {
    Message::new(key).arg("id", id).arg("name", name)
}

/// The id of the team member `owner` is, if it is one.
fn person_of(owner: Option<&Owner>) -> Option<u32> {
    owner.and_then(Owner::person).map(|person| person.0)
}

/// [`missing_reference`] for the owner of an item or a risk.
fn missing_owner(
    problems: &mut Vec<Problem>,
    path: &[Step],
    label: impl Fn() -> Message,
    owner: Option<u32>,
    person_ids: &IdSet,
) {
    let key = ("store.missing_owner", "owner");
    missing_reference(problems, path, key, label, owner, person_ids);
}

/// A problem at `path` when the record `label` names refers, as its `role` (the placeholder
/// of `key`: `owner`, `lane`, `item`), to `id`, which `ids` lacks.
fn missing_reference(
    problems: &mut Vec<Problem>,
    path: &[Step],
    (key, role): (&'static str, &'static str),
    label: impl Fn() -> Message,
    id: Option<u32>,
    ids: &IdSet,
) {
    if let Some(id) = id
        && !ids.contains(id)
    {
        problems.push(at(
            path,
            Message::new(key).nest("label", label()).arg(role, id),
        ));
    }
}

fn in_range(value: u8, low: u8, high: u8) -> bool {
    (low..=high).contains(&value)
}

/// Every problem in `project`, in document order; empty when it is sound.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problems_ref = &mut problems;

    // Each list of records with ids, by its field, with what one of its records is called.
    macro_rules! unique_ids {
        ($field:ident, $kind:literal) => {
            unique(
                problems_ref,
                stringify!($field),
                $kind,
                ids_of(&project.$field, |record| record.id.0),
            )
        };
    }
    let person_ids = unique_ids!(team, "store.kind.team_member");
    let lane_ids = unique_ids!(lanes, "store.kind.lane");
    let item_ids = unique_ids!(items, "store.kind.item");
    unique_ids!(baselines, "store.kind.baseline");
    unique_ids!(meetings, "store.kind.meeting");
    unique_ids!(risks, "store.kind.risk");
    unique_ids!(retrospectives, "store.kind.retrospective");

    for holiday_index in 0..project.calendar.holidays.len() {
        let holiday = &project.calendar.holidays[holiday_index];
        if holiday.from > holiday.to {
            problems.push(at(
                &[
                    Step::Field("calendar"),
                    Step::Field("holidays"),
                    Step::Index(holiday_index),
                ],
                Message::new("store.holiday_backwards")
                    .arg("name", &holiday.name)
                    .arg("to", holiday.to)
                    .arg("from", holiday.from),
            ));
        }
    }
    if project.calendar.workdays.is_empty() && project.calendar.extra_workdays.is_empty() {
        problems.push(at(
            &[Step::Field("calendar"), Step::Field("workdays")],
            Message::new("store.no_workdays"),
        ));
    }

    for (index, item) in project.items.iter().enumerate() {
        let field = |name| in_list("items", index, name);
        let label = || record_label("store.label.item", item.id, &item.name);
        let lane = item.lane.map(|lane| lane.0);
        let key = ("store.missing_lane", "lane");
        missing_reference(&mut problems, &field("lane"), key, label, lane, &lane_ids);
        let owner = item.owner.map(|owner| owner.0);
        missing_owner(&mut problems, &field("owner"), label, owner, &person_ids);
        let exhausted_buffer = item.kind == ItemKind::Buffer
            && item.start > item.finish
            && !has_working_day_between(project, item.finish, item.start);
        if item.start > item.finish && !exhausted_buffer {
            problems.push(at(
                &field("finish"),
                Message::new("store.finishes_before_start")
                    .nest("label", label())
                    .arg("finish", item.finish)
                    .arg("start", item.start),
            ));
        }
        if item.kind == ItemKind::Milestone && item.start != item.finish {
            problems.push(at(
                &field("finish"),
                Message::new("store.milestone_same_day")
                    .arg("id", item.id)
                    .arg("name", &item.name)
                    .arg("start", item.start)
                    .arg("finish", item.finish),
            ));
        }
        if item.progress > 100 {
            problems.push(at(
                &field("progress"),
                Message::new("store.progress_range")
                    .nest("label", label())
                    .arg("progress", item.progress),
            ));
        }
        for (name, text) in [("name", &item.name), ("notes", &item.notes)] {
            if text.len() > MAX_TEXT_BYTES {
                let what = if name == "name" {
                    Message::new("store.field.name")
                } else {
                    Message::new("store.field.notes")
                };
                problems.push(at(
                    &field(name),
                    Message::new("store.text_too_long")
                        .nest("label", label())
                        .nest("field", what),
                ));
            }
        }
    }

    for (index, link) in project.links.iter().enumerate() {
        for (end, id) in [("from", link.from), ("to", link.to)] {
            if !item_ids.contains(id.0) {
                problems.push(at(
                    &[Step::Field("links"), Step::Index(index), Step::Field(end)],
                    Message::new("store.link_missing_item")
                        .arg("from", link.from)
                        .arg("to", link.to)
                        .arg("item", id),
                ));
            }
        }
    }

    for (index, meeting) in project.meetings.iter().enumerate() {
        let field = |name| in_list("meetings", index, name);
        let label = || record_label("store.label.meeting", meeting.id, &meeting.title);
        if let Some(time) = &meeting.time
            && !is_clock_time(time)
        {
            problems.push(at(
                &field("time"),
                Message::new("store.meeting_time")
                    .nest("label", label())
                    .arg("time", time),
            ));
        }
        missing_items(
            &mut problems,
            &field("items"),
            &label(),
            &meeting.items,
            &item_ids,
        );
        let actions = field("actions");
        for action in &meeting.actions {
            let item = action.item.map(|item| item.0);
            let key = ("store.action_missing_item", "item");
            missing_reference(&mut problems, &actions, key, label, item, &item_ids);
            let owner = person_of(action.owner.as_ref());
            let key = ("store.action_missing_owner", "owner");
            missing_reference(&mut problems, &actions, key, label, owner, &person_ids);
        }
    }

    for (index, risk) in project.risks.iter().enumerate() {
        let field = |name| in_list("risks", index, name);
        let label = || record_label("store.label.risk", risk.id, &risk.title);
        for (name, what, value) in [
            (
                "probability",
                Message::new("store.field.probability"),
                risk.probability,
            ),
            ("impact", Message::new("store.field.impact"), risk.impact),
        ] {
            if !in_range(value, 1, 5) {
                problems.push(at(
                    &field(name),
                    Message::new("store.score_range")
                        .nest("label", label())
                        .nest("field", what)
                        .arg("value", value),
                ));
            }
        }
        for entry in &risk.history {
            if !in_range(entry.probability, 1, 5) || !in_range(entry.impact, 1, 5) {
                problems.push(at(
                    &field("history"),
                    Message::new("store.assessment_range")
                        .nest("label", label())
                        .arg("date", entry.date)
                        .arg("probability", entry.probability)
                        .arg("impact", entry.impact),
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
        let owner = person_of(risk.owner.as_ref());
        missing_owner(&mut problems, &field("owner"), label, owner, &person_ids);
    }

    for (index, retrospective) in project.retrospectives.iter().enumerate() {
        let field = |name| in_list("retrospectives", index, name);
        let label = || {
            record_label(
                "store.label.retrospective",
                retrospective.id,
                &retrospective.title,
            )
        };
        if let Some(score) = retrospective.satisfaction
            && !in_range(score, 1, 5)
        {
            problems.push(at(
                &field("satisfaction"),
                Message::new("store.score_range")
                    .nest("label", label())
                    .nest("field", Message::new("store.field.satisfaction"))
                    .arg("value", score),
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
            Message::new("store.cycle").arg("cycle", describe_cycle(project, &cycle)),
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
                Message::new("store.text_too_long_at").arg("field", field),
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
