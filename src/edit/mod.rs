//! Every change a user can make, as a value, and the history that applies and undoes them.
//!
//! The window never changes a project directly: it emits an [`Edit`], and [`History::apply`]
//! checks it, applies it, re-schedules (push-later, DESIGN section 4) and records one undo step.
//! A step keeps only the records it inserted, removed or replaced, before and after.

mod record;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{
    Baseline, BaselineId, Calendar, Criterion, Item, ItemId, ItemKind, Lane, LaneId, Link,
    LinkKind, Meeting, MeetingId, Owner, Person, PersonId, Project, Retrospective, RetrospectiveId,
    Risk, RiskId,
};
use crate::schedule::{DeadlineBreach, Impact, Moved, Scheduler, Span, dates_of, network};

pub use record::Header;
use record::{Delta, Record};

/// A change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add an item (its id must be unused).
    AddItem {
        /// The new item.
        item: Item,
    },
    /// Delete an item, its links and the references to it.
    DeleteItem {
        /// The item.
        item: ItemId,
    },
    /// Give an item a new name.
    RenameItem {
        /// The item.
        item: ItemId,
        /// Its new name.
        name: String,
    },
    /// Move an item so that it starts on `start` (snapped forward to a working day), keeping its
    /// working-day length; with successors, everything downstream shifts by the same working
    /// days (Shift + drag).
    MoveItem {
        /// The item.
        item: ItemId,
        /// The new start (for a milestone, its date).
        start: NaiveDate,
        /// Shift every transitive successor along.
        with_successors: bool,
    },
    /// Give an item new dates (drag of an edge). A milestone needs `start == finish`; a buffer's
    /// planned length becomes its new length.
    ResizeItem {
        /// The item.
        item: ItemId,
        /// The new start.
        start: NaiveDate,
        /// The new finish.
        finish: NaiveDate,
    },
    /// Set percent complete (0..=100).
    SetProgress {
        /// The item.
        item: ItemId,
        /// Percent.
        progress: u8,
    },
    /// Set or clear the owner.
    SetOwner {
        /// The item.
        item: ItemId,
        /// A team member, or none.
        owner: Option<PersonId>,
    },
    /// Put the item in a lane, or none.
    SetLane {
        /// The item.
        item: ItemId,
        /// The lane.
        lane: Option<LaneId>,
    },
    /// Make the item a task, milestone or buffer. A milestone takes its finish as its date; a
    /// buffer plans its current length.
    SetKind {
        /// The item.
        item: ItemId,
        /// The new kind.
        kind: ItemKind,
    },
    /// Replace the notes.
    SetNotes {
        /// The item.
        item: ItemId,
        /// The notes.
        notes: String,
    },
    /// Show or hide the item from the client.
    SetClientVisible {
        /// The item.
        item: ItemId,
        /// Whether the client sees it.
        client_visible: bool,
    },
    /// Set or clear a deadline.
    SetDeadline {
        /// The item.
        item: ItemId,
        /// The deadline.
        deadline: Option<NaiveDate>,
    },
    /// Replace a milestone's acceptance criteria.
    SetCriteria {
        /// The item.
        item: ItemId,
        /// The criteria.
        criteria: Vec<Criterion>,
    },
    /// Change a buffer's planned length (its finish stays; its start moves).
    SetBufferLength {
        /// The buffer.
        item: ItemId,
        /// Working days reserved (at least 1).
        planned_workdays: u32,
    },
    /// Give a buffer its planned length back, as far as its predecessors allow.
    RestoreBuffer {
        /// The buffer.
        item: ItemId,
    },
    /// Add a link (refused if it makes a loop, or the same pair is linked).
    AddLink {
        /// The link.
        link: Link,
    },
    /// Remove the link from `from` to `to`.
    RemoveLink {
        /// The predecessor.
        from: ItemId,
        /// The successor.
        to: ItemId,
    },
    /// Change the kind and lag of the link from `from` to `to`.
    ChangeLink {
        /// The predecessor.
        from: ItemId,
        /// The successor.
        to: ItemId,
        /// The new kind.
        kind: LinkKind,
        /// The new lag (negative = lead).
        lag_workdays: i32,
    },
    /// Add a lane at the end.
    AddLane {
        /// The lane.
        lane: Lane,
    },
    /// Rename a lane.
    RenameLane {
        /// The lane.
        lane: LaneId,
        /// Its new name.
        name: String,
    },
    /// Put the lanes in this order (every lane exactly once).
    ReorderLanes {
        /// The lane ids in their new order.
        order: Vec<LaneId>,
    },
    /// Delete a lane; its items stay, without a lane.
    DeleteLane {
        /// The lane.
        lane: LaneId,
    },
    /// Add a team member.
    AddPerson {
        /// The person.
        person: Person,
    },
    /// Replace a team member's record (by id).
    UpdatePerson {
        /// The person.
        person: Person,
    },
    /// Remove a team member; what they owned is left without an owner.
    RemovePerson {
        /// The person.
        person: PersonId,
    },
    /// Replace the working calendar (everything is re-scheduled).
    SetCalendar {
        /// The calendar.
        calendar: Calendar,
    },
    /// Replace the project's name, client, goal, scope and meeting cadence.
    SetHeader {
        /// The header.
        header: Header,
    },
    /// Add a meeting.
    AddMeeting {
        /// The meeting.
        meeting: Meeting,
    },
    /// Replace a meeting (by id).
    UpdateMeeting {
        /// The meeting.
        meeting: Meeting,
    },
    /// Remove a meeting.
    RemoveMeeting {
        /// The meeting.
        meeting: MeetingId,
    },
    /// Add a risk.
    AddRisk {
        /// The risk.
        risk: Risk,
    },
    /// Replace a risk (by id).
    UpdateRisk {
        /// The risk.
        risk: Risk,
    },
    /// Remove a risk.
    RemoveRisk {
        /// The risk.
        risk: RiskId,
    },
    /// Add a retrospective.
    AddRetrospective {
        /// The retrospective.
        retrospective: Retrospective,
    },
    /// Replace a retrospective (by id).
    UpdateRetrospective {
        /// The retrospective.
        retrospective: Retrospective,
    },
    /// Remove a retrospective.
    RemoveRetrospective {
        /// The retrospective.
        retrospective: RetrospectiveId,
    },
    /// Add a baseline (see [`crate::schedule::take_baseline`]).
    AddBaseline {
        /// The baseline.
        baseline: Baseline,
    },
    /// Replace a baseline (by id).
    UpdateBaseline {
        /// The baseline.
        baseline: Baseline,
    },
    /// Remove a baseline.
    RemoveBaseline {
        /// The baseline.
        baseline: BaselineId,
    },
    /// Several edits as one undo step (a gesture on a multiple selection); all land or none.
    Batch {
        /// The words shown in Edit ▸ Undo.
        label: String,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

/// Why an edit was refused. The project is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names an item that does not exist.
    #[error("item {0} does not exist")]
    NoSuchItem(ItemId),
    /// There is no link between these items.
    #[error("there is no link from item {from} to item {to}")]
    NoSuchLink {
        /// The predecessor.
        from: ItemId,
        /// The successor.
        to: ItemId,
    },
    /// The edit names a record (lane, person, meeting, …) that does not exist.
    #[error("{0} does not exist")]
    NoSuchRecord(String),
    /// The id of a new record is taken.
    #[error("{0} already exists")]
    Duplicate(String),
    /// The edit would make links form a loop.
    #[error("links would form a loop: {0}")]
    Cycle(String),
    /// A milestone must start and finish on the same day.
    #[error("milestone {0} must start and finish on the same day")]
    MilestoneDates(ItemId),
    /// A finish before the start.
    #[error("item {0} would finish before it starts")]
    FinishBeforeStart(ItemId),
    /// The project would not be sound (a bad reference or value).
    #[error("{0}")]
    Invalid(String),
}

/// What an applied edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The words shown in Edit ▸ Undo.
    pub label: String,
    /// Every item whose dates changed, and the deadlines now broken by them.
    pub impact: Impact,
}

/// One undoable step: the changes, in order, and what to call it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    deltas: Vec<Delta>,
}

impl Step {
    fn is_structural(&self) -> bool {
        self.deltas.iter().any(Delta::is_structural)
    }
}

/// The next revision handed out, shared by every [`History`] of the process.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A revision no history has used before.
fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The current project with its undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    project: Project,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Changes whenever the project changes; never the same for two states, even of two
    /// different histories, so a cache keyed by it cannot confuse one project with another.
    revision: u64,
    /// Undo depth at the last save; `None` when that state can no longer be reached.
    saved_depth: Option<usize>,
    /// The scheduler for the project as it is, built when first needed.
    scheduler: Option<Scheduler>,
}

impl History {
    /// A history that starts at `project`, marked as saved.
    pub fn new(project: Project) -> Self {
        Self {
            project,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: fresh_revision(),
            saved_depth: Some(0),
            scheduler: None,
        }
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Changes whenever the project changes (apply, undo, redo), and differs between histories.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` as one undo step, re-scheduling what it pushes.
    ///
    /// # Errors
    /// The edit cannot land; the project is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let (label, deltas) = self.run(edit)?;
        let impact = self.impact_of(&deltas);
        if self
            .saved_depth
            .is_some_and(|depth| depth > self.undo.len())
        {
            self.saved_depth = None;
        }
        self.undo.push(Step {
            label: label.clone(),
            deltas,
        });
        self.redo.clear();
        self.revision = fresh_revision();
        Ok(Applied { label, impact })
    }

    /// What `edit` would move and which deadlines it would break, without changing anything:
    /// for the canvas during a drag. Exactly what [`Self::apply`] would then do.
    ///
    /// # Errors
    /// The edit would be refused.
    pub fn preview(&mut self, edit: Edit) -> Result<Impact, EditError> {
        let (_, deltas) = self.run(edit)?;
        let impact = self.impact_of(&deltas);
        let structural = deltas.iter().any(Delta::is_structural);
        for delta in deltas.iter().rev() {
            delta.inverse().apply(&mut self.project);
        }
        if structural {
            self.scheduler = None;
        }
        Ok(impact)
    }

    /// Takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for delta in step.deltas.iter().rev() {
            delta.inverse().apply(&mut self.project);
        }
        if step.is_structural() {
            self.scheduler = None;
        }
        self.redo.push(step);
        self.revision = fresh_revision();
        true
    }

    /// Re-applies the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for delta in &step.deltas {
            delta.apply(&mut self.project);
        }
        if step.is_structural() {
            self.scheduler = None;
        }
        self.undo.push(step);
        self.revision = fresh_revision();
        true
    }

    /// The label of the step [`Self::undo`] would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The label of the step [`Self::redo`] would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// How many steps [`Self::undo`] can take back.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Records that the project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_depth = Some(self.undo.len());
    }

    /// Whether the project differs from what was last saved.
    pub fn is_modified(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }

    /// Runs `edit` on the project; on refusal everything is taken back.
    fn run(&mut self, edit: Edit) -> Result<(String, Vec<Delta>), EditError> {
        let scheduler = match self.scheduler.take() {
            Some(scheduler) => scheduler,
            None => {
                Scheduler::new(&self.project).map_err(|error| EditError::Cycle(error.described))?
            }
        };
        let mut tx = Tx {
            project: &mut self.project,
            deltas: Vec::new(),
            scheduler,
            stale: false,
        };
        match tx.edit(edit) {
            Ok(label) => {
                let deltas = std::mem::take(&mut tx.deltas);
                let fresh = !tx.stale;
                let scheduler = tx.scheduler;
                if fresh {
                    self.scheduler = Some(scheduler);
                }
                Ok((label, deltas))
            }
            Err(error) => {
                let deltas = std::mem::take(&mut tx.deltas);
                let stale = tx.stale;
                let scheduler = tx.scheduler;
                for delta in deltas.iter().rev() {
                    delta.inverse().apply(&mut self.project);
                }
                if !stale {
                    self.scheduler = Some(scheduler);
                }
                Err(error)
            }
        }
    }

    /// The items whose dates `deltas` changed, and their broken deadlines.
    fn impact_of(&self, deltas: &[Delta]) -> Impact {
        let mut first: HashMap<ItemId, Item> = HashMap::new();
        for delta in deltas {
            if let Delta::Replace {
                before: Record::Item(before),
                ..
            } = delta
            {
                first.entry(before.id).or_insert_with(|| before.clone());
            }
        }
        if first.is_empty() {
            return Impact::default();
        }
        let calendar = match &self.scheduler {
            Some(scheduler) => scheduler.calendar.clone(),
            None => crate::schedule::WorkCalendar::new(&self.project.calendar),
        };
        let mut moved = Vec::new();
        let mut breaches = Vec::new();
        for (id, before) in first {
            let Some(after) = self.project.item(id) else {
                continue;
            };
            if before.start == after.start && before.finish == after.finish {
                continue;
            }
            moved.push(Moved {
                item: id,
                start: after.start,
                finish: after.finish,
                start_delta_workdays: calendar.workdays_between(before.start, after.start),
                finish_delta_workdays: calendar.workdays_between(before.finish, after.finish),
            });
            if let Some(deadline) = after.deadline
                && after.finish > deadline
            {
                let next = |date: NaiveDate| date.succ_opt().unwrap_or(date);
                breaches.push(DeadlineBreach {
                    item: id,
                    date: after.finish,
                    deadline,
                    late_workdays: calendar.workdays_between(next(deadline), next(after.finish)),
                });
            }
        }
        moved.sort_by_key(|moved| moved.item);
        breaches.sort_by_key(|breach| breach.item);
        Impact { moved, breaches }
    }
}

/// An edit in progress: every change goes through here and is recorded.
struct Tx<'a> {
    project: &'a mut Project,
    deltas: Vec<Delta>,
    scheduler: Scheduler,
    /// The scheduler no longer matches the project's items, links or calendar.
    stale: bool,
}

fn signed(days: i64) -> String {
    if days > 0 {
        format!("+{days}")
    } else {
        days.to_string()
    }
}

/// Replaces `id` as an owner by the person's name: the minutes and the register keep the name of
/// someone who left the team list.
fn keep_name(owner: &mut Option<Owner>, id: PersonId, name: &str) {
    if owner.as_ref().and_then(Owner::person) == Some(id) {
        *owner = Some(Owner::Named(name.to_owned()));
    }
}

/// A record kept in one of the project's lists and found by its id: meetings, risks,
/// retrospectives and baselines are added, replaced and removed alike.
trait Listed: Clone {
    /// Its id type.
    type Id: PartialEq + Copy + std::fmt::Display;
    /// What it is called in messages.
    const KIND: &'static str;
    /// The label keys for adding, updating and removing one.
    const LABELS: [&'static str; 3];
    /// Whether a change is checked against the rest of the document (it refers to items).
    const VALIDATE: bool;
    fn id(&self) -> Self::Id;
    fn title(&self) -> &str;
    fn list(project: &Project) -> &[Self];
    fn into_record(self) -> Record;
}

macro_rules! listed {
    ($type:ty, $id:ty, $field:ident, $title:ident, $kind:literal, $validate:literal, $variant:ident, $labels:expr) => {
        impl Listed for $type {
            type Id = $id;
            const KIND: &'static str = $kind;
            const LABELS: [&'static str; 3] = $labels;
            const VALIDATE: bool = $validate;
            fn id(&self) -> Self::Id {
                self.id
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn list(project: &Project) -> &[Self] {
                &project.$field
            }
            fn into_record(self) -> Record {
                Record::$variant(self)
            }
        }
    };
}

listed!(
    Meeting,
    MeetingId,
    meetings,
    title,
    "meeting",
    true,
    Meeting,
    [
        "edit.add_meeting",
        "edit.update_meeting",
        "edit.remove_meeting"
    ]
);
listed!(
    Risk,
    RiskId,
    risks,
    title,
    "risk",
    true,
    Risk,
    ["edit.add_risk", "edit.update_risk", "edit.remove_risk"]
);
listed!(
    Retrospective,
    RetrospectiveId,
    retrospectives,
    title,
    "retrospective",
    true,
    Retrospective,
    [
        "edit.add_retrospective",
        "edit.update_retrospective",
        "edit.remove_retrospective"
    ]
);
listed!(
    Baseline,
    BaselineId,
    baselines,
    name,
    "baseline",
    false,
    Baseline,
    [
        "edit.add_baseline",
        "edit.update_baseline",
        "edit.remove_baseline"
    ]
);

fn position<T>(list: &[T], what: impl Fn(&T) -> bool, missing: String) -> Result<usize, EditError> {
    list.iter()
        .position(what)
        .ok_or(EditError::NoSuchRecord(missing))
}

impl Tx<'_> {
    fn record(&mut self, delta: Delta) {
        delta.apply(self.project);
        if delta.is_structural() {
            self.stale = true;
        }
        self.deltas.push(delta);
    }

    fn insert(&mut self, index: usize, record: Record) {
        self.record(Delta::Insert { index, record });
    }

    fn remove(&mut self, index: usize, like: &Record) {
        let record = record::get(self.project, index, like);
        self.record(Delta::Remove { index, record });
    }

    fn replace(&mut self, index: usize, after: Record) {
        let before = record::get(self.project, index, &after);
        if before != after {
            self.record(Delta::Replace {
                index,
                before,
                after,
            });
        }
    }

    fn item_index(&self, id: ItemId) -> Result<usize, EditError> {
        if !self.stale
            && let Some(index) = self.scheduler.network.position(id)
            && self
                .project
                .items
                .get(index)
                .is_some_and(|item| item.id == id)
        {
            return Ok(index);
        }
        self.project
            .items
            .iter()
            .position(|item| item.id == id)
            .ok_or(EditError::NoSuchItem(id))
    }

    /// Changes one item with `change`.
    fn change_item(
        &mut self,
        id: ItemId,
        change: impl FnOnce(&mut Item),
    ) -> Result<(usize, String), EditError> {
        let index = self.item_index(id)?;
        let mut item = self.project.items[index].clone();
        let name = item.name.clone();
        change(&mut item);
        self.replace(index, Record::Item(item));
        Ok((index, name))
    }

    /// Rebuilds the scheduler when the project's structure changed.
    fn fresh_scheduler(&mut self) -> Result<(), EditError> {
        if self.stale {
            self.scheduler =
                Scheduler::new(self.project).map_err(|error| EditError::Cycle(error.described))?;
            self.stale = false;
        }
        Ok(())
    }

    /// Writes the places in `changes` with push-later propagation; returns how many items moved
    /// that were not in `changes`.
    fn reschedule(&mut self, changes: &[(usize, Span)]) -> Result<usize, EditError> {
        self.fresh_scheduler()?;
        let overlay = self.scheduler.plan(self.project, changes);
        self.write(&overlay);
        let seeds: HashSet<usize> = changes.iter().map(|&(node, _)| node).collect();
        Ok(overlay.keys().filter(|node| !seeds.contains(node)).count())
    }

    fn write(&mut self, overlay: &network::Overlay) {
        let mut nodes: Vec<usize> = overlay.keys().copied().collect();
        nodes.sort_unstable();
        for node in nodes {
            let mut item = self.project.items[node].clone();
            let (start, finish) = dates_of(&self.scheduler.calendar, item.kind, overlay[&node]);
            item.start = start;
            item.finish = finish;
            self.replace(node, Record::Item(item));
        }
    }

    /// Settles the item at `index` against its predecessors (and pushes what follows).
    fn settle(&mut self, index: usize) -> Result<usize, EditError> {
        self.fresh_scheduler()?;
        let span = self.scheduler.span(self.project, index);
        self.reschedule(&[(index, span)])
    }

    /// Refuses the edit when the project is no longer sound.
    fn validate(&self) -> Result<(), EditError> {
        match crate::store::validate(self.project).first() {
            Some(problem) => Err(EditError::Invalid(problem.message.clone())),
            None => Ok(()),
        }
    }

    fn edit(&mut self, edit: Edit) -> Result<String, EditError> {
        match edit {
            Edit::Batch { label, edits } => {
                for edit in edits {
                    self.edit(edit)?;
                }
                Ok(label)
            }
            Edit::AddItem { item } => {
                if self.project.item(item.id).is_some() {
                    return Err(EditError::Duplicate(format!("item {}", item.id)));
                }
                check_dates(&item)?;
                let name = item.name.clone();
                let index = self.project.items.len();
                self.insert(index, Record::Item(item));
                self.validate()?;
                self.settle(index)?;
                Ok(crate::tr!("edit.add_item", name = name.as_str()).into_owned())
            }
            Edit::DeleteItem { item } => self.delete_item(item),
            Edit::RenameItem { item, name } => {
                let new = name.clone();
                let (_, old) = self.change_item(item, |target| target.name = name)?;
                Ok(crate::tr!("edit.rename", old = old.as_str(), new = new.as_str()).into_owned())
            }
            Edit::MoveItem {
                item,
                start,
                with_successors,
            } => self.move_item(item, start, with_successors),
            Edit::ResizeItem {
                item,
                start,
                finish,
            } => {
                let index = self.item_index(item)?;
                let mut changed = self.project.items[index].clone();
                changed.start = start;
                changed.finish = finish;
                check_dates(&changed)?;
                let span = crate::schedule::span_of(&self.scheduler.calendar, &changed);
                if changed.kind == ItemKind::Buffer {
                    changed.planned_workdays = span.workdays().max(1) as u32;
                    self.replace(index, Record::Item(changed.clone()));
                }
                let pushed = self.reschedule(&[(index, span)])?;
                Ok(label_with_pushed(
                    crate::tr!("edit.resize", name = changed.name.as_str()).into_owned(),
                    pushed,
                ))
            }
            Edit::SetProgress { item, progress } => {
                if progress > 100 {
                    return Err(EditError::Invalid(format!(
                        "progress {progress} is not within 0..=100"
                    )));
                }
                let (_, name) = self.change_item(item, |target| target.progress = progress)?;
                Ok(
                    crate::tr!("edit.progress", name = name.as_str(), progress = progress)
                        .into_owned(),
                )
            }
            Edit::SetOwner { item, owner } => {
                if let Some(owner) = owner
                    && self.project.person(owner).is_none()
                {
                    return Err(EditError::NoSuchRecord(format!("team member {owner}")));
                }
                let (_, name) = self.change_item(item, |target| target.owner = owner)?;
                Ok(crate::tr!("edit.owner", name = name.as_str()).into_owned())
            }
            Edit::SetLane { item, lane } => {
                if let Some(lane) = lane
                    && self.project.lane(lane).is_none()
                {
                    return Err(EditError::NoSuchRecord(format!("lane {lane}")));
                }
                let (_, name) = self.change_item(item, |target| target.lane = lane)?;
                Ok(crate::tr!("edit.lane", name = name.as_str()).into_owned())
            }
            Edit::SetKind { item, kind } => {
                let calendar = self.scheduler.calendar.clone();
                let (index, name) = self.change_item(item, |target| {
                    let span = crate::schedule::span_of(&calendar, target);
                    match kind {
                        ItemKind::Milestone => target.start = target.finish,
                        ItemKind::Buffer => {
                            target.planned_workdays = span.workdays().max(1) as u32;
                        }
                        ItemKind::Task => {
                            if target.start > target.finish {
                                target.start = target.finish;
                            }
                        }
                    }
                    target.kind = kind;
                })?;
                self.settle(index)?;
                Ok(crate::tr!("edit.kind", name = name.as_str()).into_owned())
            }
            Edit::SetNotes { item, notes } => {
                let (_, name) = self.change_item(item, |target| target.notes = notes)?;
                Ok(crate::tr!("edit.notes", name = name.as_str()).into_owned())
            }
            Edit::SetClientVisible {
                item,
                client_visible,
            } => {
                let (_, name) =
                    self.change_item(item, |target| target.client_visible = client_visible)?;
                Ok(crate::tr!("edit.visibility", name = name.as_str()).into_owned())
            }
            Edit::SetDeadline { item, deadline } => {
                let (_, name) = self.change_item(item, |target| target.deadline = deadline)?;
                Ok(crate::tr!("edit.deadline", name = name.as_str()).into_owned())
            }
            Edit::SetCriteria { item, criteria } => {
                let (_, name) = self.change_item(item, |target| target.criteria = criteria)?;
                Ok(crate::tr!("edit.criteria", name = name.as_str()).into_owned())
            }
            Edit::SetBufferLength {
                item,
                planned_workdays,
            } => self.buffer_length(item, Some(planned_workdays)),
            Edit::RestoreBuffer { item } => self.buffer_length(item, None),
            Edit::AddLink { link } => {
                for id in [link.from, link.to] {
                    self.item_index(id)?;
                }
                if self
                    .project
                    .links
                    .iter()
                    .any(|old| old.from == link.from && old.to == link.to)
                {
                    return Err(EditError::Duplicate(format!(
                        "the link from item {} to item {}",
                        link.from, link.to
                    )));
                }
                let to = link.to;
                let from = link.from;
                self.insert(self.project.links.len(), Record::Link(link));
                let index = self.item_index(to)?;
                let pushed = self.settle(index)?;
                Ok(label_with_pushed(
                    crate::tr!("edit.add_link", from = self.name(from), to = self.name(to))
                        .into_owned(),
                    pushed,
                ))
            }
            Edit::RemoveLink { from, to } => {
                let index = self
                    .project
                    .links
                    .iter()
                    .position(|link| link.from == from && link.to == to)
                    .ok_or(EditError::NoSuchLink { from, to })?;
                let like = Record::Link(self.project.links[index].clone());
                self.remove(index, &like);
                Ok(crate::tr!(
                    "edit.remove_link",
                    from = self.name(from),
                    to = self.name(to)
                )
                .into_owned())
            }
            Edit::ChangeLink {
                from,
                to,
                kind,
                lag_workdays,
            } => {
                let index = self
                    .project
                    .links
                    .iter()
                    .position(|link| link.from == from && link.to == to)
                    .ok_or(EditError::NoSuchLink { from, to })?;
                self.replace(
                    index,
                    Record::Link(Link {
                        from,
                        to,
                        kind,
                        lag_workdays,
                    }),
                );
                let node = self.item_index(to)?;
                let pushed = self.settle(node)?;
                Ok(label_with_pushed(
                    crate::tr!(
                        "edit.change_link",
                        from = self.name(from),
                        to = self.name(to)
                    )
                    .into_owned(),
                    pushed,
                ))
            }
            Edit::AddLane { lane } => {
                if self.project.lane(lane.id).is_some() {
                    return Err(EditError::Duplicate(format!("lane {}", lane.id)));
                }
                let name = lane.name.clone();
                self.insert(self.project.lanes.len(), Record::Lane(lane));
                Ok(crate::tr!("edit.add_lane", name = name.as_str()).into_owned())
            }
            Edit::RenameLane { lane, name } => {
                let index = position(
                    &self.project.lanes,
                    |l| l.id == lane,
                    format!("lane {lane}"),
                )?;
                let label = crate::tr!("edit.rename_lane", name = name.as_str()).into_owned();
                self.replace(index, Record::Lane(Lane { id: lane, name }));
                Ok(label)
            }
            Edit::ReorderLanes { order } => {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                sorted.dedup();
                let mut ids: Vec<LaneId> = self.project.lanes.iter().map(|lane| lane.id).collect();
                ids.sort_unstable();
                if sorted != ids || order.len() != ids.len() {
                    return Err(EditError::Invalid(
                        "the new order must name every lane once".to_owned(),
                    ));
                }
                // Move each lane into its place, one record at a time.
                for (target, id) in order.iter().enumerate() {
                    let current =
                        position(&self.project.lanes, |l| l.id == *id, format!("lane {id}"))?;
                    if current != target {
                        let lane = self.project.lanes[current].clone();
                        self.remove(current, &Record::Lane(lane.clone()));
                        self.insert(target, Record::Lane(lane));
                    }
                }
                Ok(crate::tr!("edit.reorder_lanes").into_owned())
            }
            Edit::DeleteLane { lane } => {
                let index = position(
                    &self.project.lanes,
                    |l| l.id == lane,
                    format!("lane {lane}"),
                )?;
                let name = self.project.lanes[index].name.clone();
                for item_index in 0..self.project.items.len() {
                    if self.project.items[item_index].lane == Some(lane) {
                        let mut item = self.project.items[item_index].clone();
                        item.lane = None;
                        self.replace(item_index, Record::Item(item));
                    }
                }
                let like = Record::Lane(self.project.lanes[index].clone());
                self.remove(index, &like);
                Ok(crate::tr!("edit.delete_lane", name = name.as_str()).into_owned())
            }
            Edit::AddPerson { person } => {
                if self.project.person(person.id).is_some() {
                    return Err(EditError::Duplicate(format!("team member {}", person.id)));
                }
                let name = person.name.clone();
                self.insert(self.project.team.len(), Record::Person(person));
                self.validate()?;
                Ok(crate::tr!("edit.add_person", name = name.as_str()).into_owned())
            }
            Edit::UpdatePerson { person } => {
                let id = person.id;
                let index = position(
                    &self.project.team,
                    |p| p.id == id,
                    format!("team member {id}"),
                )?;
                let name = person.name.clone();
                self.replace(index, Record::Person(person));
                self.validate()?;
                Ok(crate::tr!("edit.update_person", name = name.as_str()).into_owned())
            }
            Edit::RemovePerson { person } => self.remove_person(person),
            Edit::SetCalendar { calendar } => {
                let before = Box::new(self.project.calendar.clone());
                self.record(Delta::Calendar {
                    before,
                    after: Box::new(calendar),
                });
                self.validate()?;
                self.fresh_scheduler()?;
                let overlay = network::propagate_all(
                    self.project,
                    &self.scheduler.calendar,
                    &self.scheduler.network,
                );
                let pushed = overlay.len();
                self.write(&overlay);
                Ok(label_with_pushed(
                    crate::tr!("edit.calendar").into_owned(),
                    pushed,
                ))
            }
            Edit::SetHeader { header } => {
                let before = Box::new(Header::of(self.project));
                self.record(Delta::Header {
                    before,
                    after: Box::new(header),
                });
                self.validate()?;
                Ok(crate::tr!("edit.header").into_owned())
            }
            Edit::AddMeeting { meeting } => self.add_listed(meeting),
            Edit::UpdateMeeting { meeting } => self.update_listed(meeting),
            Edit::RemoveMeeting { meeting } => self.remove_listed::<Meeting>(meeting),
            Edit::AddRisk { risk } => self.add_listed(risk),
            Edit::UpdateRisk { risk } => self.update_listed(risk),
            Edit::RemoveRisk { risk } => self.remove_listed::<Risk>(risk),
            Edit::AddRetrospective { retrospective } => self.add_listed(retrospective),
            Edit::UpdateRetrospective { retrospective } => self.update_listed(retrospective),
            Edit::RemoveRetrospective { retrospective } => {
                self.remove_listed::<Retrospective>(retrospective)
            }
            Edit::AddBaseline { baseline } => self.add_listed(baseline),
            Edit::UpdateBaseline { baseline } => self.update_listed(baseline),
            Edit::RemoveBaseline { baseline } => self.remove_listed::<Baseline>(baseline),
        }
    }

    fn add_listed<T: Listed>(&mut self, value: T) -> Result<String, EditError> {
        let id = value.id();
        if T::list(self.project).iter().any(|other| other.id() == id) {
            return Err(EditError::Duplicate(format!("{} {id}", T::KIND)));
        }
        let title = value.title().to_owned();
        self.insert(T::list(self.project).len(), value.into_record());
        if T::VALIDATE {
            self.validate()?;
        }
        Ok(crate::tr!(T::LABELS[0], name = title.as_str()).into_owned())
    }

    fn update_listed<T: Listed>(&mut self, value: T) -> Result<String, EditError> {
        let id = value.id();
        let index = position(
            T::list(self.project),
            |other| other.id() == id,
            format!("{} {id}", T::KIND),
        )?;
        let title = value.title().to_owned();
        self.replace(index, value.into_record());
        if T::VALIDATE {
            self.validate()?;
        }
        Ok(crate::tr!(T::LABELS[1], name = title.as_str()).into_owned())
    }

    fn remove_listed<T: Listed>(&mut self, id: T::Id) -> Result<String, EditError> {
        let index = position(
            T::list(self.project),
            |other| other.id() == id,
            format!("{} {id}", T::KIND),
        )?;
        let value = T::list(self.project)[index].clone();
        let title = value.title().to_owned();
        self.remove(index, &value.into_record());
        Ok(crate::tr!(T::LABELS[2], name = title.as_str()).into_owned())
    }

    fn name(&self, id: ItemId) -> String {
        self.project
            .item(id)
            .map_or_else(|| id.to_string(), |item| item.name.clone())
    }

    fn move_item(
        &mut self,
        id: ItemId,
        start: NaiveDate,
        with_successors: bool,
    ) -> Result<String, EditError> {
        self.fresh_scheduler()?;
        let index = self.item_index(id)?;
        let item = &self.project.items[index];
        let name = item.name.clone();
        let old = self.scheduler.span(self.project, index);
        let target = self.scheduler.calendar.ordinal(start);
        let shift = match item.kind {
            ItemKind::Milestone => target + 1 - old.finish,
            ItemKind::Task | ItemKind::Buffer => target - old.start,
        };
        let nodes = if with_successors {
            self.scheduler.network.downstream(index)
        } else {
            vec![index]
        };
        let changes: Vec<(usize, Span)> = nodes
            .into_iter()
            .map(|node| (node, self.scheduler.span(self.project, node).shifted(shift)))
            .collect();
        let pushed = self.reschedule(&changes)?;
        let label = crate::tr!(
            "edit.move",
            name = name.as_str(),
            days = signed(shift).as_str()
        )
        .into_owned();
        Ok(label_with_pushed(label, pushed + changes.len() - 1))
    }

    fn buffer_length(&mut self, id: ItemId, planned: Option<u32>) -> Result<String, EditError> {
        self.fresh_scheduler()?;
        let index = self.item_index(id)?;
        let mut item = self.project.items[index].clone();
        if item.kind != ItemKind::Buffer {
            return Err(EditError::Invalid(format!("item {id} is not a buffer")));
        }
        if let Some(planned) = planned {
            if planned == 0 {
                return Err(EditError::Invalid(
                    "a buffer reserves at least one working day".to_owned(),
                ));
            }
            item.planned_workdays = planned;
        }
        let name = item.name.clone();
        let old = self.scheduler.span(self.project, index);
        let wanted = crate::schedule::Span {
            start: old.finish - i64::from(item.planned_workdays),
            finish: old.finish,
        };
        // As far as the predecessors allow: the buffer's start is pushed back by them.
        let (start, finish) = dates_of(&self.scheduler.calendar, item.kind, wanted);
        item.start = start;
        item.finish = finish;
        self.replace(index, Record::Item(item));
        let pushed = self.settle(index)?;
        Ok(label_with_pushed(
            crate::tr!("edit.buffer", name = name.as_str()).into_owned(),
            pushed,
        ))
    }

    fn delete_item(&mut self, id: ItemId) -> Result<String, EditError> {
        let index = self.item_index(id)?;
        let name = self.project.items[index].name.clone();
        for link_index in (0..self.project.links.len()).rev() {
            let link = &self.project.links[link_index];
            if link.from == id || link.to == id {
                let like = Record::Link(link.clone());
                self.remove(link_index, &like);
            }
        }
        for meeting_index in 0..self.project.meetings.len() {
            let mut meeting = self.project.meetings[meeting_index].clone();
            meeting.items.retain(|&item| item != id);
            for action in &mut meeting.actions {
                if action.item == Some(id) {
                    action.item = None;
                }
            }
            self.replace(meeting_index, Record::Meeting(meeting));
        }
        for risk_index in 0..self.project.risks.len() {
            let mut risk = self.project.risks[risk_index].clone();
            risk.items.retain(|&item| item != id);
            self.replace(risk_index, Record::Risk(risk));
        }
        for retro_index in 0..self.project.retrospectives.len() {
            let mut retrospective = self.project.retrospectives[retro_index].clone();
            retrospective.scope_items.retain(|&item| item != id);
            for action in &mut retrospective.actions {
                if action.item == Some(id) {
                    action.item = None;
                }
            }
            self.replace(retro_index, Record::Retrospective(retrospective));
        }
        let like = Record::Item(self.project.items[index].clone());
        self.remove(index, &like);
        Ok(crate::tr!("edit.delete_item", name = name.as_str()).into_owned())
    }

    fn remove_person(&mut self, id: PersonId) -> Result<String, EditError> {
        let index = position(
            &self.project.team,
            |p| p.id == id,
            format!("team member {id}"),
        )?;
        let name = self.project.team[index].name.clone();
        for item_index in 0..self.project.items.len() {
            if self.project.items[item_index].owner == Some(id) {
                let mut item = self.project.items[item_index].clone();
                item.owner = None;
                self.replace(item_index, Record::Item(item));
            }
        }
        for meeting_index in 0..self.project.meetings.len() {
            let mut meeting = self.project.meetings[meeting_index].clone();
            for action in &mut meeting.actions {
                keep_name(&mut action.owner, id, &name);
            }
            self.replace(meeting_index, Record::Meeting(meeting));
        }
        for risk_index in 0..self.project.risks.len() {
            let mut risk = self.project.risks[risk_index].clone();
            keep_name(&mut risk.owner, id, &name);
            self.replace(risk_index, Record::Risk(risk));
        }
        for retro_index in 0..self.project.retrospectives.len() {
            let mut retrospective = self.project.retrospectives[retro_index].clone();
            for action in &mut retrospective.actions {
                keep_name(&mut action.owner, id, &name);
            }
            self.replace(retro_index, Record::Retrospective(retrospective));
        }
        let like = Record::Person(self.project.team[index].clone());
        self.remove(index, &like);
        Ok(crate::tr!("edit.remove_person", name = name.as_str()).into_owned())
    }
}

fn check_dates(item: &Item) -> Result<(), EditError> {
    if item.kind == ItemKind::Milestone && item.start != item.finish {
        return Err(EditError::MilestoneDates(item.id));
    }
    if item.kind != ItemKind::Buffer && item.finish < item.start {
        return Err(EditError::FinishBeforeStart(item.id));
    }
    Ok(())
}

fn label_with_pushed(label: String, pushed: usize) -> String {
    if pushed == 0 {
        label
    } else {
        crate::tr!("edit.pushed", label = label.as_str(), count = pushed).into_owned()
    }
}
