//! Edits of the records kept in a list and found by their id: lanes, team members, meetings,
//! risks, retrospectives and baselines are added, replaced and removed alike.

use super::record::Record;
use super::tx::{Tx, position, unused};
use super::{EditError, Message, RecordKind};
use crate::model::{
    Baseline, BaselineId, Lane, LaneId, Meeting, MeetingId, Person, PersonId, Project,
    Retrospective, RetrospectiveId, Risk, RiskId,
};

/// A record kept in one of the project's lists and found by its id.
pub(super) trait Listed: Clone {
    /// Its id type.
    type Id: PartialEq + Copy;
    /// What it is called in messages.
    const KIND: RecordKind;
    /// The label keys for adding, updating and removing one.
    const LABELS: [&'static str; 3];
    /// Whether a change is checked against the rest of the document (it refers to items).
    const VALIDATE: bool;
    /// Its id.
    fn id(&self) -> Self::Id;
    /// The number of an id.
    fn number(id: Self::Id) -> u32;
    /// What its labels call it.
    fn title(&self) -> &str;
    /// The list it is kept in.
    fn list(project: &Project) -> &[Self];
    /// It as a record of the undo history.
    fn into_record(self) -> Record;
}

macro_rules! listed {
    (
        $type:ty, $id:ty, $field:ident, $title:ident, $kind:ident, $record:ident,
        $validate:literal, $labels:expr
    ) => {
        impl Listed for $type {
            type Id = $id;
            const KIND: RecordKind = RecordKind::$kind;
            const LABELS: [&'static str; 3] = $labels;
            const VALIDATE: bool = $validate;
            fn id(&self) -> Self::Id {
                self.id
            }
            fn number(id: Self::Id) -> u32 {
                id.0
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn list(project: &Project) -> &[Self] {
                &project.$field
            }
            fn into_record(self) -> Record {
                Record::$record(self)
            }
        }
    };
}

// A lane is renamed rather than replaced, so its middle label is the rename's.
listed!(
    Lane,
    LaneId,
    lanes,
    name,
    Lane,
    Lane,
    false,
    ["edit.add_lane", "edit.rename_lane", "edit.delete_lane"]
);
listed!(
    Person,
    PersonId,
    team,
    name,
    TeamMember,
    Person,
    true,
    [
        "edit.add_person",
        "edit.update_person",
        "edit.remove_person"
    ]
);
listed!(
    Meeting,
    MeetingId,
    meetings,
    title,
    Meeting,
    Meeting,
    true,
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
    Risk,
    Risk,
    true,
    ["edit.add_risk", "edit.update_risk", "edit.remove_risk"]
);
listed!(
    Retrospective,
    RetrospectiveId,
    retrospectives,
    title,
    Retrospective,
    Retrospective,
    true,
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
    Baseline,
    Baseline,
    false,
    [
        "edit.add_baseline",
        "edit.update_baseline",
        "edit.remove_baseline"
    ]
);

impl Tx<'_> {
    pub(super) fn add_listed<T: Listed>(&mut self, value: T) -> Result<Message, EditError> {
        let id = value.id();
        unused(
            T::list(self.project).iter().any(|other| other.id() == id),
            T::KIND,
            T::number(id),
        )?;
        let title = value.title().to_owned();
        self.insert(T::list(self.project).len(), value.into_record());
        if T::VALIDATE {
            self.validate()?;
        }
        Ok(Message::new(T::LABELS[0]).arg("name", title))
    }

    pub(super) fn update_listed<T: Listed>(&mut self, value: T) -> Result<Message, EditError> {
        let index = self.listed_index::<T>(value.id())?;
        let title = value.title().to_owned();
        self.replace(index, value.into_record());
        if T::VALIDATE {
            self.validate()?;
        }
        Ok(Message::new(T::LABELS[1]).arg("name", title))
    }

    pub(super) fn remove_listed<T: Listed>(&mut self, id: T::Id) -> Result<Message, EditError> {
        let index = self.listed_index::<T>(id)?;
        let value = T::list(self.project)[index].clone();
        let title = value.title().to_owned();
        self.remove(index, &value.into_record());
        Ok(Message::new(T::LABELS[2]).arg("name", title))
    }

    pub(super) fn listed_index<T: Listed>(&self, id: T::Id) -> Result<usize, EditError> {
        position(
            T::list(self.project),
            |other| other.id() == id,
            T::KIND,
            T::number(id),
        )
    }
}
