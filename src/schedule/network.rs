//! Link constraints, the dependency network and push-later propagation (`docs/format.md` section 2).
//!
//! # Time model
//!
//! Every date is turned into a working-day *boundary*: boundary `k` is the instant between
//! working day `k − 1` and working day `k` (the end of one working day is the start of the
//! next, whatever non-working days lie between). An item is a [`Span`] of two boundaries:
//!
//! - a task (or buffer) on working days `s ..= f` starts at boundary `s` (the beginning of its
//!   first day) and finishes at boundary `f + 1` (the end of its last day);
//! - a milestone on working day `m` is an instant at the **end** of its date: start = finish =
//!   `m + 1`;
//! - an exhausted buffer has start = finish: it is written with `start` on the working day
//!   after `finish`.
//!
//! A link from `A` to `B` with lag `L` (working days, negative = lead) requires
//!
//! | kind | constraint |
//! |---|---|
//! | FS | `B.start  ≥ A.finish + L` |
//! | SS | `B.start  ≥ A.start  + L` |
//! | FF | `B.finish ≥ A.finish + L` |
//! | SF | `B.finish ≥ A.start  + L` |
//!
//! on those instants. So, with lag 0: task A (Mon–Fri) → FS → task B starts B on Monday;
//! task A → FS → milestone M puts M on Friday (the end of Friday is A's finish); milestone M
//! (Fri) → FS → task B starts B on Monday; milestone → FS → milestone allows the same day.
//! SS and FF between tasks compare the start and finish days as the user sees them. SF between
//! tasks lets B finish at the end of the working day before A starts (the bars touch, as FS
//! bars do the other way round). A milestone in SS or SF is the instant at the end of its day:
//! task A (starting Monday) → SS → milestone allows the milestone on the Friday before (its
//! instant is Monday's beginning); milestone (Fri) → SS → task B starts B on Monday.
//! A positive lag of `n` moves the required instant `n` working days later, a lead earlier.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{Item, ItemId, ItemKind, Link, LinkKind, Project};

use super::WorkCalendar;

/// An item's place in working-day boundaries (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The start boundary.
    pub start: i64,
    /// The finish boundary; `finish − start` is the length in working days.
    pub finish: i64,
}

impl Span {
    /// The length in working days (0 for milestones and exhausted buffers).
    pub fn workdays(self) -> i64 {
        self.finish - self.start
    }

    /// The span moved by `workdays`.
    #[must_use]
    pub fn shifted(self, workdays: i64) -> Self {
        Self {
            start: self.start + workdays,
            finish: self.finish + workdays,
        }
    }
}

/// Where `item` sits. A task's start snaps forward to a working day, its finish back; a task
/// or buffer covering no working day is taken as one working day long (buffers excepted when
/// exhausted).
pub fn span_of(calendar: &WorkCalendar, item: &Item) -> Span {
    let start = calendar.ordinal(item.start);
    match item.kind {
        ItemKind::Milestone => Span {
            start: start + 1,
            finish: start + 1,
        },
        ItemKind::Task => {
            let finish = calendar.ordinal(next_day(item.finish));
            Span {
                start,
                finish: finish.max(start + 1),
            }
        }
        ItemKind::Buffer => {
            let finish = calendar.ordinal(next_day(item.finish));
            Span {
                start: start.min(finish),
                finish,
            }
        }
    }
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// The dates that express `span` for an item of `kind`: `(start, finish)`.
pub fn dates_of(calendar: &WorkCalendar, kind: ItemKind, span: Span) -> (NaiveDate, NaiveDate) {
    match kind {
        ItemKind::Milestone => {
            let day = calendar.date_of(span.finish - 1);
            (day, day)
        }
        ItemKind::Task | ItemKind::Buffer => (
            calendar.date_of(span.start),
            calendar.date_of(span.finish - 1),
        ),
    }
}

/// Which end of the successor a link constrains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The successor's start.
    Start,
    /// The successor's finish.
    Finish,
}

/// What a link with `kind` and `lag_workdays` requires of its successor, given where the
/// predecessor is: that end of the successor must be at this boundary or later.
pub fn requirement(kind: LinkKind, lag_workdays: i32, predecessor: Span) -> (End, i64) {
    let lag = i64::from(lag_workdays);
    match kind {
        LinkKind::FinishToStart => (End::Start, predecessor.finish + lag),
        LinkKind::StartToStart => (End::Start, predecessor.start + lag),
        LinkKind::FinishToFinish => (End::Finish, predecessor.finish + lag),
        LinkKind::StartToFinish => (End::Finish, predecessor.start + lag),
    }
}

/// Whether a link is satisfied by these two places.
pub fn satisfied(kind: LinkKind, lag_workdays: i32, predecessor: Span, successor: Span) -> bool {
    match requirement(kind, lag_workdays, predecessor) {
        (End::Start, bound) => successor.start >= bound,
        (End::Finish, bound) => successor.finish >= bound,
    }
}

/// The least movement of an item of `kind` at `span` so that its start is at least
/// `start_min` and its finish at least `finish_min`: tasks and milestones move whole (keeping
/// their length); a buffer moves whole for its finish, and absorbs a push of its start by
/// shrinking, down to zero length, before it moves.
pub fn place(kind: ItemKind, span: Span, start_min: i64, finish_min: i64) -> Span {
    match kind {
        ItemKind::Task | ItemKind::Milestone => {
            let length = span.workdays();
            let start = span
                .start
                .max(start_min)
                .max(finish_min.saturating_sub(length));
            Span {
                start,
                finish: start + length,
            }
        }
        ItemKind::Buffer => {
            let mut placed = span.shifted(finish_min.saturating_sub(span.finish).max(0));
            placed.start = placed.start.max(start_min);
            placed.finish = placed.finish.max(placed.start);
            placed
        }
    }
}

/// A loop among links: the items in it, in link order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("links form a loop: {described}")]
pub struct CycleError {
    /// The items in the loop.
    pub items: Vec<ItemId>,
    /// "'A' (1) → 'B' (2) → 'A' (1)".
    pub described: String,
    /// The same by name alone, as the window says it: "“A” → “B” → “A”".
    pub named: String,
}

impl CycleError {
    /// The error for `cycle` in `project`.
    pub fn new(project: &Project, cycle: Vec<ItemId>) -> Self {
        let name = |id: &ItemId| {
            project
                .item(*id)
                .map_or_else(|| id.to_string(), |item| format!("“{}”", item.name))
        };
        let named = cycle
            .iter()
            .chain(cycle.first())
            .map(name)
            .collect::<Vec<_>>()
            .join(" → ");
        Self {
            described: crate::model::describe_cycle(project, &cycle),
            named,
            items: cycle,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    other: u32,
    kind: LinkKind,
    lag_workdays: i32,
}

/// The links of a project as an indexed graph in topological order. Item numbers are positions
/// in `project.items`; build it again when items are added, removed or reordered, or links
/// change. Dates are not part of it.
#[derive(Clone, Debug)]
pub struct Network {
    index: HashMap<ItemId, u32>,
    successor_offsets: Vec<u32>,
    successors: Vec<Edge>,
    predecessor_offsets: Vec<u32>,
    predecessors: Vec<Edge>,
    rank: Vec<u32>,
    order: Vec<u32>,
}

fn adjacency(count: usize, pairs: &[(u32, Edge)]) -> (Vec<u32>, Vec<Edge>) {
    let mut offsets = vec![0_u32; count + 1];
    for &(node, _) in pairs {
        offsets[node as usize + 1] += 1;
    }
    for i in 0..count {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut edges = vec![
        Edge {
            other: 0,
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        };
        pairs.len()
    ];
    for &(node, edge) in pairs {
        edges[fill[node as usize] as usize] = edge;
        fill[node as usize] += 1;
    }
    (offsets, edges)
}

impl Network {
    /// Indexes the links of `project`; links to unknown items are ignored.
    ///
    /// # Errors
    /// The links form a loop.
    pub fn new(project: &Project) -> Result<Self, CycleError> {
        let count = project.items.len();
        let index: HashMap<ItemId, u32> = project
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id, i as u32))
            .collect();
        let mut forward = Vec::with_capacity(project.links.len());
        let mut backward = Vec::with_capacity(project.links.len());
        for link in &project.links {
            let (Some(&from), Some(&to)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            let edge = |other| Edge {
                other,
                kind: link.kind,
                lag_workdays: link.lag_workdays,
            };
            forward.push((from, edge(to)));
            backward.push((to, edge(from)));
        }
        let (successor_offsets, successors) = adjacency(count, &forward);
        let (predecessor_offsets, predecessors) = adjacency(count, &backward);
        // Kahn's algorithm; smallest position first among the ready ones keeps it stable.
        let mut waiting: Vec<u32> = (0..count)
            .map(|i| predecessor_offsets[i + 1] - predecessor_offsets[i])
            .collect();
        let mut ready: Vec<u32> = (0..count as u32)
            .filter(|&i| waiting[i as usize] == 0)
            .rev()
            .collect();
        let mut order = Vec::with_capacity(count);
        while let Some(node) = ready.pop() {
            order.push(node);
            let from = successor_offsets[node as usize] as usize;
            let to = successor_offsets[node as usize + 1] as usize;
            for edge in &successors[from..to] {
                let slot = &mut waiting[edge.other as usize];
                *slot -= 1;
                if *slot == 0 {
                    ready.push(edge.other);
                }
            }
        }
        if order.len() < count {
            let cycle = crate::model::find_cycle(&project.links).unwrap_or_default();
            return Err(CycleError::new(project, cycle));
        }
        let mut rank = vec![0_u32; count];
        for (position, &node) in order.iter().enumerate() {
            rank[node as usize] = position as u32;
        }
        Ok(Self {
            index,
            successor_offsets,
            successors,
            predecessor_offsets,
            predecessors,
            rank,
            order,
        })
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.rank.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.rank.is_empty()
    }

    /// The position in `project.items` of the item `id`.
    pub fn position(&self, id: ItemId) -> Option<usize> {
        self.index.get(&id).map(|&i| i as usize)
    }

    fn successors(&self, node: usize) -> &[Edge] {
        let from = self.successor_offsets[node] as usize;
        let to = self.successor_offsets[node + 1] as usize;
        &self.successors[from..to]
    }

    fn predecessors(&self, node: usize) -> &[Edge] {
        let from = self.predecessor_offsets[node] as usize;
        let to = self.predecessor_offsets[node + 1] as usize;
        &self.predecessors[from..to]
    }

    /// Positions of the item at `node` and everything downstream of it (not in any order).
    pub fn downstream(&self, node: usize) -> Vec<usize> {
        let mut seen = HashSet::from([node]);
        let mut stack = vec![node];
        let mut found = vec![node];
        while let Some(current) = stack.pop() {
            for edge in self.successors(current) {
                let next = edge.other as usize;
                if seen.insert(next) {
                    stack.push(next);
                    found.push(next);
                }
            }
        }
        found
    }
}

/// Spans that differ from the project's, keyed by item position: a change not yet written.
pub type Overlay = HashMap<usize, Span>;

fn current(project: &Project, calendar: &WorkCalendar, overlay: &Overlay, node: usize) -> Span {
    overlay
        .get(&node)
        .copied()
        .unwrap_or_else(|| span_of(calendar, &project.items[node]))
}

/// The place of item `node` that satisfies all its incoming links with the least movement from
/// `span`.
fn settle(
    project: &Project,
    calendar: &WorkCalendar,
    network: &Network,
    overlay: &Overlay,
    node: usize,
    span: Span,
) -> Span {
    let mut start_min = i64::MIN;
    let mut finish_min = i64::MIN;
    for edge in network.predecessors(node) {
        let predecessor = current(project, calendar, overlay, edge.other as usize);
        match requirement(edge.kind, edge.lag_workdays, predecessor) {
            (End::Start, bound) => start_min = start_min.max(bound),
            (End::Finish, bound) => finish_min = finish_min.max(bound),
        }
    }
    place(project.items[node].kind, span, start_min, finish_min)
}

/// Push-later propagation after the items `seeds` took the places in `overlay` (or changed in
/// the project): each seed is clamped to what its predecessors allow, and every violated
/// successor moves later by the least amount, transitively, in topological order. Only what is
/// downstream of a moved item is looked at. New places are added to `overlay`.
pub fn propagate(
    project: &Project,
    calendar: &WorkCalendar,
    network: &Network,
    overlay: &mut Overlay,
    seeds: &[usize],
) {
    let mut heap = BinaryHeap::new();
    let mut queued = HashSet::new();
    for &seed in seeds {
        if queued.insert(seed) {
            heap.push(Reverse((network.rank[seed], seed)));
        }
    }
    let seed_set: HashSet<usize> = seeds.iter().copied().collect();
    while let Some(Reverse((_, node))) = heap.pop() {
        let before = current(project, calendar, overlay, node);
        let after = settle(project, calendar, network, overlay, node, before);
        if after != before {
            overlay.insert(node, after);
        }
        if after != before || seed_set.contains(&node) {
            for edge in network.successors(node) {
                let next = edge.other as usize;
                if queued.insert(next) {
                    heap.push(Reverse((network.rank[next], next)));
                }
            }
        }
    }
}

/// Every item settled against its predecessors, in topological order: the push-later rule
/// applied to a whole project (a hand-edited file may violate links). Returns the new places
/// that differ.
pub fn propagate_all(project: &Project, calendar: &WorkCalendar, network: &Network) -> Overlay {
    let mut overlay = Overlay::new();
    settle_in_order(project, calendar, network, &mut overlay);
    overlay
}

/// Every item, at its place in `overlay` or in the project, settled against its predecessors
/// in topological order; the places that change are added to `overlay`.
fn settle_in_order(
    project: &Project,
    calendar: &WorkCalendar,
    network: &Network,
    overlay: &mut Overlay,
) {
    for &node in &network.order {
        let node = node as usize;
        let before = current(project, calendar, overlay, node);
        let after = settle(project, calendar, network, overlay, node, before);
        if after != before {
            overlay.insert(node, after);
        }
    }
}

/// The places of every item after the working calendar changed from `before` to `calendar`
/// (whose ordinals the places are in). A task or buffer keeps its working days: its start
/// snaps forward to a working day and its finish moves with it, so a new holiday inside a task
/// lengthens it in days, never shortens its work. A milestone snaps forward to a working day.
/// Then every link is settled by push-later. Only items whose dates change are in the result,
/// and afterwards no item starts or finishes on a non-working day.
pub fn recalendar(
    project: &Project,
    before: &WorkCalendar,
    calendar: &WorkCalendar,
    network: &Network,
) -> Overlay {
    let mut overlay: Overlay = project
        .items
        .iter()
        .enumerate()
        .map(|(node, item)| {
            let span = match item.kind {
                ItemKind::Milestone => span_of(calendar, item),
                ItemKind::Task | ItemKind::Buffer => {
                    let start = calendar.ordinal(item.start);
                    Span {
                        start,
                        finish: start + span_of(before, item).workdays(),
                    }
                }
            };
            (node, span)
        })
        .collect();
    settle_in_order(project, calendar, network, &mut overlay);
    overlay.retain(|&node, span| {
        let item = &project.items[node];
        dates_of(calendar, item.kind, *span) != (item.start, item.finish)
    });
    overlay
}

/// Writes the places in `overlay` into the items' dates.
pub fn write(project: &mut Project, calendar: &WorkCalendar, overlay: &Overlay) {
    for (&node, &span) in overlay {
        if let Some(item) = project.items.get_mut(node) {
            let (start, finish) = dates_of(calendar, item.kind, span);
            item.start = start;
            item.finish = finish;
        }
    }
}

/// The links of `project` that its dates violate, with their positions in `project.links`.
pub fn violated_links<'a>(project: &'a Project, calendar: &WorkCalendar) -> Vec<(usize, &'a Link)> {
    let index: HashMap<ItemId, &Item> = project.items.iter().map(|item| (item.id, item)).collect();
    project
        .links
        .iter()
        .enumerate()
        .filter(|(_, link)| {
            let (Some(from), Some(to)) = (index.get(&link.from), index.get(&link.to)) else {
                return false;
            };
            !satisfied(
                link.kind,
                link.lag_workdays,
                span_of(calendar, from),
                span_of(calendar, to),
            )
        })
        .collect()
}

/// Forward and backward pass: per item position, the latest finish boundary that delays
/// neither the project's latest finish nor any deadline, given the places in `spans` (which
/// must satisfy all links).
pub(super) fn latest_finishes(
    project: &Project,
    calendar: &WorkCalendar,
    network: &Network,
    spans: &[Span],
) -> (i64, Vec<i64>) {
    let project_finish = spans.iter().map(|span| span.finish).max().unwrap_or(0);
    let mut latest: Vec<i64> = project
        .items
        .iter()
        .map(|item| {
            item.deadline.map_or(project_finish, |deadline| {
                project_finish.min(calendar.ordinal(next_day(deadline)))
            })
        })
        .collect();
    for &node in network.order.iter().rev() {
        let node = node as usize;
        let mut bound = latest[node];
        let length = spans[node].workdays();
        for edge in network.successors(node) {
            let next = edge.other as usize;
            let next_latest_finish = latest[next];
            let next_latest_start = if project.items[next].kind == ItemKind::Buffer {
                // A buffer's start may slip to its finish before anything after it moves.
                next_latest_finish
            } else {
                next_latest_finish - spans[next].workdays()
            };
            let lag = i64::from(edge.lag_workdays);
            let candidate = match edge.kind {
                LinkKind::FinishToStart => next_latest_start - lag,
                LinkKind::StartToStart => next_latest_start - lag + length,
                LinkKind::FinishToFinish => next_latest_finish - lag,
                LinkKind::StartToFinish => next_latest_finish - lag + length,
            };
            bound = bound.min(candidate);
        }
        latest[node] = bound;
    }
    (project_finish, latest)
}

/// The places of every item, read once.
pub(super) fn all_spans(
    project: &Project,
    calendar: &WorkCalendar,
    overlay: &Overlay,
) -> Vec<Span> {
    (0..project.items.len())
        .map(|node| current(project, calendar, overlay, node))
        .collect()
}
