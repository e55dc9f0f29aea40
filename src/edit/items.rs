//! Edits of one item: add, delete, rename, move, resize, and each of its fields.

use chrono::NaiveDate;

use super::record::Record;
use super::references::Referent;
use super::tx::{Tx, label_with_pushed, present, unused};
use super::{EditError, Message, RecordKind};
use crate::model::{Item, ItemId, ItemKind, LaneId, PersonId};
use crate::schedule::{Span, dates_of, span_of};

impl Tx<'_> {
    pub(super) fn add_item(&mut self, item: Item) -> Result<Message, EditError> {
        unused(
            self.project.item(item.id).is_some(),
            RecordKind::Item,
            item.id.0,
        )?;
        check_dates(&item)?;
        let name = item.name.clone();
        let index = self.project.items.len();
        self.insert(index, Record::Item(item));
        self.validate()?;
        self.settle(index)?;
        Ok(Message::new("edit.add_item").arg("name", name))
    }

    pub(super) fn delete_item(&mut self, id: ItemId) -> Result<Message, EditError> {
        let index = self.item_index(id)?;
        // The cascade removes links and changes other records, never another item.
        self.detach(&Referent::Item(id));
        let like = Record::Item(self.project.items[index].clone());
        let name = self.project.items[index].name.clone();
        self.remove(index, &like);
        Ok(Message::new("edit.delete_item").arg("name", name))
    }

    pub(super) fn rename_item(&mut self, item: ItemId, name: String) -> Result<Message, EditError> {
        let new = name.clone();
        let (_, old) = self.change_item(item, |target| target.name = name)?;
        Ok(Message::new("edit.rename").arg("old", old).arg("new", new))
    }

    pub(super) fn move_item(
        &mut self,
        id: ItemId,
        start: NaiveDate,
        with_successors: bool,
    ) -> Result<Message, EditError> {
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
        let label = Message::new("edit.move")
            .arg("name", name)
            .arg("days", signed(shift));
        Ok(label_with_pushed(label, pushed + changes.len() - 1))
    }

    pub(super) fn resize_item(
        &mut self,
        item: ItemId,
        start: NaiveDate,
        finish: NaiveDate,
    ) -> Result<Message, EditError> {
        let index = self.item_index(item)?;
        let mut changed = self.project.items[index].clone();
        changed.start = start;
        changed.finish = finish;
        check_dates(&changed)?;
        let span = span_of(&self.scheduler.calendar, &changed);
        if changed.kind == ItemKind::Buffer {
            changed.planned_workdays = span.workdays().max(1) as u32;
            self.replace(index, Record::Item(changed.clone()));
        }
        let pushed = self.reschedule(&[(index, span)])?;
        Ok(label_with_pushed(
            Message::new("edit.resize").arg("name", changed.name),
            pushed,
        ))
    }

    pub(super) fn set_progress(
        &mut self,
        item: ItemId,
        progress: u8,
    ) -> Result<Message, EditError> {
        if progress > 100 {
            return Err(EditError::Progress(progress));
        }
        let (_, name) = self.change_item(item, |target| target.progress = progress)?;
        Ok(Message::new("edit.progress")
            .arg("name", name)
            .arg("progress", progress))
    }

    pub(super) fn set_owner(
        &mut self,
        item: ItemId,
        owner: Option<PersonId>,
    ) -> Result<Message, EditError> {
        if let Some(owner) = owner {
            present(
                self.project.person(owner).is_some(),
                RecordKind::TeamMember,
                owner.0,
            )?;
        }
        self.change_labelled(item, "edit.owner", |target| target.owner = owner)
    }

    pub(super) fn set_lane(
        &mut self,
        item: ItemId,
        lane: Option<LaneId>,
    ) -> Result<Message, EditError> {
        if let Some(lane) = lane {
            present(self.project.lane(lane).is_some(), RecordKind::Lane, lane.0)?;
        }
        self.change_labelled(item, "edit.lane", |target| target.lane = lane)
    }

    pub(super) fn set_kind(&mut self, item: ItemId, kind: ItemKind) -> Result<Message, EditError> {
        let calendar = self.scheduler.calendar.clone();
        let (index, name) = self.change_item(item, |target| {
            let span = span_of(&calendar, target);
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
        Ok(Message::new("edit.kind").arg("name", name))
    }

    /// Changes one field of an item that moves nothing; the label `key` names the item.
    pub(super) fn change_labelled(
        &mut self,
        item: ItemId,
        key: &'static str,
        change: impl FnOnce(&mut Item),
    ) -> Result<Message, EditError> {
        let (_, name) = self.change_item(item, change)?;
        Ok(Message::new(key).arg("name", name))
    }

    pub(super) fn buffer_length(
        &mut self,
        id: ItemId,
        planned: Option<u32>,
    ) -> Result<Message, EditError> {
        self.fresh_scheduler()?;
        let index = self.item_index(id)?;
        let mut item = self.project.items[index].clone();
        if item.kind != ItemKind::Buffer {
            return Err(EditError::NotABuffer(id));
        }
        if let Some(planned) = planned {
            if planned == 0 {
                return Err(EditError::EmptyBuffer);
            }
            item.planned_workdays = planned;
        }
        let name = item.name.clone();
        let old = self.scheduler.span(self.project, index);
        let wanted = Span {
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
            Message::new("edit.buffer").arg("name", name),
            pushed,
        ))
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

/// Working days with their sign: `+3`, `-2`, `0`.
fn signed(days: i64) -> String {
    if days > 0 {
        format!("+{days}")
    } else {
        days.to_string()
    }
}
