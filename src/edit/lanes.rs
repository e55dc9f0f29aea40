//! Edits of the lanes items are grouped in.

use super::record::Record;
use super::references::Referent;
use super::tx::Tx;
use super::{EditError, Message};
use crate::model::{Lane, LaneId};

impl Tx<'_> {
    pub(super) fn rename_lane(&mut self, lane: LaneId, name: String) -> Result<Message, EditError> {
        let index = self.listed_index::<Lane>(lane)?;
        let label = Message::new("edit.rename_lane").arg("name", &name);
        self.replace(index, Record::Lane(Lane { id: lane, name }));
        Ok(label)
    }

    pub(super) fn reorder_lanes(&mut self, order: &[LaneId]) -> Result<Message, EditError> {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut ids: Vec<LaneId> = self.project.lanes.iter().map(|lane| lane.id).collect();
        ids.sort_unstable();
        if sorted != ids || order.len() != ids.len() {
            return Err(EditError::LaneOrder);
        }
        // Move each lane into its place, one record at a time.
        for (target, id) in order.iter().enumerate() {
            let current = self.listed_index::<Lane>(*id)?;
            if current != target {
                let lane = self.project.lanes[current].clone();
                self.remove(current, &Record::Lane(lane.clone()));
                self.insert(target, Record::Lane(lane));
            }
        }
        Ok(Message::new("edit.reorder_lanes"))
    }

    pub(super) fn delete_lane(&mut self, lane: LaneId) -> Result<Message, EditError> {
        self.listed_index::<Lane>(lane)?;
        self.detach(&Referent::Lane(lane));
        self.remove_listed::<Lane>(lane)
    }
}
