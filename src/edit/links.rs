//! Edits of the links between items.

use super::record::Record;
use super::tx::{Tx, label_with_pushed};
use super::{EditError, Message};
use crate::model::{ItemId, Link, LinkKind};

impl Tx<'_> {
    pub(super) fn add_link(&mut self, link: Link) -> Result<Message, EditError> {
        for id in [link.from, link.to] {
            self.item_index(id)?;
        }
        if self
            .project
            .links
            .iter()
            .any(|old| old.from == link.from && old.to == link.to)
        {
            return Err(EditError::DuplicateLink {
                from: link.from,
                to: link.to,
            });
        }
        let to = link.to;
        let from = link.from;
        self.insert(self.project.links.len(), Record::Link(link));
        let index = self.item_index(to)?;
        let pushed = self.settle(index)?;
        Ok(label_with_pushed(
            self.link_label("edit.add_link", from, to),
            pushed,
        ))
    }

    pub(super) fn remove_link(&mut self, from: ItemId, to: ItemId) -> Result<Message, EditError> {
        let index = self.link_index(from, to)?;
        let like = Record::Link(self.project.links[index].clone());
        self.remove(index, &like);
        Ok(self.link_label("edit.remove_link", from, to))
    }

    pub(super) fn change_link(
        &mut self,
        from: ItemId,
        to: ItemId,
        kind: LinkKind,
        lag_workdays: i32,
    ) -> Result<Message, EditError> {
        let index = self.link_index(from, to)?;
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
            self.link_label("edit.change_link", from, to),
            pushed,
        ))
    }

    fn link_index(&self, from: ItemId, to: ItemId) -> Result<usize, EditError> {
        self.project
            .links
            .iter()
            .position(|link| link.from == from && link.to == to)
            .ok_or(EditError::NoSuchLink { from, to })
    }

    fn link_label(&self, key: &'static str, from: ItemId, to: ItemId) -> Message {
        Message::new(key)
            .arg("from", self.name(from))
            .arg("to", self.name(to))
    }
}
