//! An edit in progress: every change to the project goes through [`Tx`] and is recorded as a
//! [`Delta`], and [`Tx::edit`] sends each [`Edit`] to the area that knows it.

use std::collections::HashSet;

use super::record::{self, Delta, Record};
use super::{Edit, EditError, Message, RecordKind};
use crate::model::{Baseline, Item, ItemId, Meeting, Project, Retrospective, Risk};
use crate::schedule::{Scheduler, Span, dates_of, network};

/// An edit in progress: every change goes through here and is recorded.
pub(super) struct Tx<'a> {
    /// The project being changed.
    pub(super) project: &'a mut Project,
    /// The changes made so far, in order.
    pub(super) deltas: Vec<Delta>,
    /// The scheduler for the project (stale when `stale`).
    pub(super) scheduler: Scheduler,
    /// The scheduler no longer matches the project's items, links or calendar.
    pub(super) stale: bool,
}

/// The index of the record `what` finds in `list`, or that a record of `kind` with `id` does
/// not exist.
pub(super) fn position<T>(
    list: &[T],
    what: impl Fn(&T) -> bool,
    kind: RecordKind,
    id: u32,
) -> Result<usize, EditError> {
    list.iter()
        .position(what)
        .ok_or(EditError::NoSuchRecord { kind, id })
}

/// Refuses a new record of `kind` whose `id` is `taken`.
pub(super) fn unused(taken: bool, kind: RecordKind, id: u32) -> Result<(), EditError> {
    if taken {
        Err(EditError::Duplicate { kind, id })
    } else {
        Ok(())
    }
}

/// Refuses a reference to a record of `kind` and `id` that does not `exist`.
pub(super) fn present(exists: bool, kind: RecordKind, id: u32) -> Result<(), EditError> {
    if exists {
        Ok(())
    } else {
        Err(EditError::NoSuchRecord { kind, id })
    }
}

impl Tx<'_> {
    pub(super) fn record(&mut self, delta: Delta) {
        delta.apply(self.project);
        if delta.is_structural() {
            self.stale = true;
        }
        self.deltas.push(delta);
    }

    pub(super) fn insert(&mut self, index: usize, record: Record) {
        self.record(Delta::Insert { index, record });
    }

    pub(super) fn remove(&mut self, index: usize, like: &Record) {
        let record = record::get(self.project, index, like);
        self.record(Delta::Remove { index, record });
    }

    pub(super) fn replace(&mut self, index: usize, after: Record) {
        let before = record::get(self.project, index, &after);
        if before != after {
            self.record(Delta::Replace {
                index,
                before,
                after,
            });
        }
    }

    pub(super) fn item_index(&self, id: ItemId) -> Result<usize, EditError> {
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
    pub(super) fn change_item(
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
    pub(super) fn fresh_scheduler(&mut self) -> Result<(), EditError> {
        if self.stale {
            self.scheduler =
                Scheduler::new(self.project).map_err(|error| EditError::Cycle(error.named))?;
            self.stale = false;
        }
        Ok(())
    }

    /// Writes the places in `changes` with push-later propagation; returns how many items moved
    /// that were not in `changes`.
    pub(super) fn reschedule(&mut self, changes: &[(usize, Span)]) -> Result<usize, EditError> {
        self.fresh_scheduler()?;
        let overlay = self.scheduler.plan(self.project, changes);
        self.write(&overlay);
        let seeds: HashSet<usize> = changes.iter().map(|&(node, _)| node).collect();
        Ok(overlay.keys().filter(|node| !seeds.contains(node)).count())
    }

    pub(super) fn write(&mut self, overlay: &network::Overlay) {
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
    pub(super) fn settle(&mut self, index: usize) -> Result<usize, EditError> {
        self.fresh_scheduler()?;
        let span = self.scheduler.span(self.project, index);
        self.reschedule(&[(index, span)])
    }

    /// Refuses the edit when the project is no longer sound.
    pub(super) fn validate(&self) -> Result<(), EditError> {
        match crate::model::validate(self.project).first() {
            Some(problem) => Err(EditError::Invalid(problem.message.text())),
            None => Ok(()),
        }
    }

    /// The item's name, or its id when there is no such item.
    pub(super) fn name(&self, id: ItemId) -> String {
        self.project
            .item(id)
            .map_or_else(|| id.to_string(), |item| item.name.clone())
    }

    /// Applies `edit`, sending it to the area that knows it; returns the words for its undo
    /// step.
    pub(super) fn edit(&mut self, edit: Edit) -> Result<Message, EditError> {
        match edit {
            Edit::Batch { label, edits } => {
                for edit in edits {
                    self.edit(edit)?;
                }
                Ok(label)
            }
            Edit::AddItem { item } => self.add_item(item),
            Edit::DeleteItem { item } => self.delete_item(item),
            Edit::RenameItem { item, name } => self.rename_item(item, name),
            Edit::MoveItem {
                item,
                start,
                with_successors,
            } => self.move_item(item, start, with_successors),
            Edit::ResizeItem {
                item,
                start,
                finish,
            } => self.resize_item(item, start, finish),
            Edit::SetProgress { item, progress } => self.set_progress(item, progress),
            Edit::SetOwner { item, owner } => self.set_owner(item, owner),
            Edit::SetLane { item, lane } => self.set_lane(item, lane),
            Edit::SetKind { item, kind } => self.set_kind(item, kind),
            Edit::SetNotes { item, notes } => {
                self.change_labelled(item, "edit.notes", |target| target.notes = notes)
            }
            Edit::SetClientVisible {
                item,
                client_visible,
            } => self.change_labelled(item, "edit.visibility", |target| {
                target.client_visible = client_visible;
            }),
            Edit::SetDeadline { item, deadline } => {
                self.change_labelled(item, "edit.deadline", |target| target.deadline = deadline)
            }
            Edit::SetCriteria { item, criteria } => {
                self.change_labelled(item, "edit.criteria", |target| target.criteria = criteria)
            }
            Edit::SetBufferLength {
                item,
                planned_workdays,
            } => self.buffer_length(item, Some(planned_workdays)),
            Edit::RestoreBuffer { item } => self.buffer_length(item, None),
            Edit::AddLink { link } => self.add_link(link),
            Edit::RemoveLink { from, to } => self.remove_link(from, to),
            Edit::ChangeLink {
                from,
                to,
                kind,
                lag_workdays,
            } => self.change_link(from, to, kind, lag_workdays),
            Edit::AddLane { lane } => self.add_listed(lane),
            Edit::RenameLane { lane, name } => self.rename_lane(lane, name),
            Edit::ReorderLanes { order } => self.reorder_lanes(&order),
            Edit::DeleteLane { lane } => self.delete_lane(lane),
            Edit::AddPerson { person } => self.add_listed(person),
            Edit::UpdatePerson { person } => self.update_listed(person),
            Edit::RemovePerson { person } => self.remove_person(person),
            Edit::SetCalendar { calendar } => self.set_calendar(calendar),
            Edit::SetHeader { header } => self.set_header(header),
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
}

/// The words for a step, with how many items it pushed when it pushed any.
pub(super) fn label_with_pushed(label: Message, pushed: usize) -> Message {
    if pushed == 0 {
        label
    } else {
        Message::new("edit.pushed")
            .nest("label", label)
            .arg("count", pushed)
    }
}
