//! Edits of the team list: a person is added and updated as any listed record; removing one
//! first detaches everything that names them.

use super::references::Referent;
use super::tx::Tx;
use super::{EditError, Message};
use crate::model::{Person, PersonId};

impl Tx<'_> {
    pub(super) fn remove_person(&mut self, id: PersonId) -> Result<Message, EditError> {
        let index = self.listed_index::<Person>(id)?;
        let name = self.project.team[index].name.clone();
        self.detach(&Referent::Person { id, name: &name });
        self.remove_listed::<Person>(id)
    }
}
