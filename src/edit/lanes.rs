//! Edits of the lanes items are grouped in.

use super::record::Record;
use super::references::Referent;
use super::tx::{Tx, position, unused};
use super::{EditError, Message, RecordKind};
use crate::model::{Lane, LaneId};

impl Tx<'_> {
    pub(super) fn add_lane(&mut self, lane: Lane) -> Result<Message, EditError> {
        unused(
            self.project.lane(lane.id).is_some(),
            RecordKind::Lane,
            lane.id.0,
        )?;
        let name = lane.name.clone();
        self.insert(self.project.lanes.len(), Record::Lane(lane));
        Ok(Message::new("edit.add_lane").arg("name", name))
    }

    pub(super) fn rename_lane(&mut self, lane: LaneId, name: String) -> Result<Message, EditError> {
        let index = self.lane_index(lane)?;
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
            let current = self.lane_index(*id)?;
            if current != target {
                let lane = self.project.lanes[current].clone();
                self.remove(current, &Record::Lane(lane.clone()));
                self.insert(target, Record::Lane(lane));
            }
        }
        Ok(Message::new("edit.reorder_lanes"))
    }

    pub(super) fn delete_lane(&mut self, lane: LaneId) -> Result<Message, EditError> {
        let index = self.lane_index(lane)?;
        let name = self.project.lanes[index].name.clone();
        self.detach(&Referent::Lane(lane));
        let like = Record::Lane(self.project.lanes[index].clone());
        self.remove(index, &like);
        Ok(Message::new("edit.delete_lane").arg("name", name))
    }

    fn lane_index(&self, lane: LaneId) -> Result<usize, EditError> {
        position(
            &self.project.lanes,
            |l| l.id == lane,
            RecordKind::Lane,
            lane.0,
        )
    }
}
