//! Edits of the team list.

use super::record::Record;
use super::references::Referent;
use super::tx::{Tx, position, unused};
use super::{EditError, Message, RecordKind};
use crate::model::{Person, PersonId};

impl Tx<'_> {
    pub(super) fn add_person(&mut self, person: Person) -> Result<Message, EditError> {
        unused(
            self.project.person(person.id).is_some(),
            RecordKind::TeamMember,
            person.id.0,
        )?;
        let name = person.name.clone();
        self.insert(self.project.team.len(), Record::Person(person));
        self.validate()?;
        Ok(Message::new("edit.add_person").arg("name", name))
    }

    pub(super) fn update_person(&mut self, person: Person) -> Result<Message, EditError> {
        let index = self.person_index(person.id)?;
        let name = person.name.clone();
        self.replace(index, Record::Person(person));
        self.validate()?;
        Ok(Message::new("edit.update_person").arg("name", name))
    }

    pub(super) fn remove_person(&mut self, id: PersonId) -> Result<Message, EditError> {
        let index = self.person_index(id)?;
        let name = self.project.team[index].name.clone();
        self.detach(&Referent::Person { id, name: &name });
        let like = Record::Person(self.project.team[index].clone());
        self.remove(index, &like);
        Ok(Message::new("edit.remove_person").arg("name", name))
    }

    fn person_index(&self, id: PersonId) -> Result<usize, EditError> {
        position(
            &self.project.team,
            |p| p.id == id,
            RecordKind::TeamMember,
            id.0,
        )
    }
}
