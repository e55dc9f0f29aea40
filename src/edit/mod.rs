//! Every change a user can make, as a value, and the history that applies and undoes them.
//!
//! The window never changes a project directly: it emits an [`Edit`], and [`History::apply`]
//! checks it, applies it, re-schedules (push-later, `docs/format.md` section 2) and records one undo step.
//! A step keeps only the records it inserted, removed or replaced, before and after, and its
//! label as a [`Message`], translated each time the Undo entry is shown.
//!
//! The files here are split by area: `items`, `links`, `lanes`, `team`, `project` (calendar
//! and header), `listed` (meetings, risks, retrospectives and baselines); `references` is the
//! one walk over every reference to an item, a lane or a person that the delete cascades use;
//! `tx` is the transaction every change goes through; `history` the undo and redo stacks.

mod error;
mod history;
mod items;
mod lanes;
mod links;
mod listed;
mod project;
mod record;
mod references;
mod team;
#[cfg(test)]
mod tests;
mod tx;

use chrono::NaiveDate;

use crate::model::{
    Baseline, BaselineId, Calendar, Criterion, Item, ItemId, ItemKind, Lane, LaneId, Link,
    LinkKind, Meeting, MeetingId, Person, PersonId, Retrospective, RetrospectiveId, Risk, RiskId,
};
use crate::schedule::Impact;

pub use crate::i18n::Message;
pub use error::{EditError, RecordKind};
pub use history::History;
pub use record::Header;

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
        /// The words shown in Edit ▸ Undo, translated when shown.
        label: Message,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

/// What an applied edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The words shown in Edit ▸ Undo, in the language of the moment the edit was applied
    /// (for the status line; the Undo entry itself is translated when shown).
    pub label: String,
    /// Every item whose dates changed, and the deadlines now broken by them.
    pub impact: Impact,
}
