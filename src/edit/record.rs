//! The inverse of an edit: the records it inserted, removed or replaced, so that undo memory
//! grows with what changed, not with the size of the project.

use crate::model::{
    Baseline, Calendar, Client, Item, Lane, Link, Meeting, Person, Project, Retrospective, Risk,
    Scope,
};

/// The project's header fields, edited together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The project's name.
    pub name: String,
    /// The client.
    pub client: Client,
    /// What the client gets.
    pub goal: String,
    /// What is in and out.
    pub scope: Scope,
    /// How often, in days, the client should hear from the team.
    pub meeting_cadence_days: Option<u32>,
}

impl Header {
    /// The header of `project`.
    pub fn of(project: &Project) -> Self {
        Self {
            name: project.name.clone(),
            client: project.client.clone(),
            goal: project.goal.clone(),
            scope: project.scope.clone(),
            meeting_cadence_days: project.meeting_cadence_days,
        }
    }

    fn write(self, project: &mut Project) {
        let Self {
            name,
            client,
            goal,
            scope,
            meeting_cadence_days,
        } = self;
        project.name = name;
        project.client = client;
        project.goal = goal;
        project.scope = scope;
        project.meeting_cadence_days = meeting_cadence_days;
    }
}

/// One element of one of the project's lists.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Record {
    Item(Item),
    Link(Link),
    Lane(Lane),
    Person(Person),
    Meeting(Meeting),
    Risk(Risk),
    Retrospective(Retrospective),
    Baseline(Baseline),
}

/// One reversible change.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "most deltas hold a record; boxing each one would only add an allocation"
)]
pub(super) enum Delta {
    Insert {
        index: usize,
        record: Record,
    },
    Remove {
        index: usize,
        record: Record,
    },
    Replace {
        index: usize,
        before: Record,
        after: Record,
    },
    Header {
        before: Box<Header>,
        after: Box<Header>,
    },
    Calendar {
        before: Box<Calendar>,
        after: Box<Calendar>,
    },
}

impl Delta {
    /// Whether the change invalidates a scheduler built for the project before it.
    pub(super) fn is_structural(&self) -> bool {
        match self {
            Self::Insert { record, .. } | Self::Remove { record, .. } => {
                matches!(record, Record::Item(_) | Record::Link(_))
            }
            Self::Replace { after, .. } => matches!(after, Record::Link(_)),
            Self::Calendar { .. } => true,
            Self::Header { .. } => false,
        }
    }

    /// The change that takes this one back.
    pub(super) fn inverse(&self) -> Self {
        match self.clone() {
            Self::Insert { index, record } => Self::Remove { index, record },
            Self::Remove { index, record } => Self::Insert { index, record },
            Self::Replace {
                index,
                before,
                after,
            } => Self::Replace {
                index,
                before: after,
                after: before,
            },
            Self::Header { before, after } => Self::Header {
                before: after,
                after: before,
            },
            Self::Calendar { before, after } => Self::Calendar {
                before: after,
                after: before,
            },
        }
    }

    /// Makes the change.
    pub(super) fn apply(&self, project: &mut Project) {
        match self.clone() {
            Self::Insert { index, record } => insert(project, index, record),
            Self::Remove { index, record } => {
                remove(project, index, &record);
            }
            Self::Replace { index, after, .. } => replace(project, index, after),
            Self::Header { after, .. } => after.write(project),
            Self::Calendar { after, .. } => project.calendar = *after,
        }
    }
}

fn insert(project: &mut Project, index: usize, record: Record) {
    match record {
        Record::Item(value) => project.items.insert(index, value),
        Record::Link(value) => project.links.insert(index, value),
        Record::Lane(value) => project.lanes.insert(index, value),
        Record::Person(value) => project.team.insert(index, value),
        Record::Meeting(value) => project.meetings.insert(index, value),
        Record::Risk(value) => project.risks.insert(index, value),
        Record::Retrospective(value) => project.retrospectives.insert(index, value),
        Record::Baseline(value) => project.baselines.insert(index, value),
    }
}

/// Takes the record of `like`'s kind at `index` out of the project.
fn remove(project: &mut Project, index: usize, like: &Record) -> Record {
    match like {
        Record::Item(_) => Record::Item(project.items.remove(index)),
        Record::Link(_) => Record::Link(project.links.remove(index)),
        Record::Lane(_) => Record::Lane(project.lanes.remove(index)),
        Record::Person(_) => Record::Person(project.team.remove(index)),
        Record::Meeting(_) => Record::Meeting(project.meetings.remove(index)),
        Record::Risk(_) => Record::Risk(project.risks.remove(index)),
        Record::Retrospective(_) => Record::Retrospective(project.retrospectives.remove(index)),
        Record::Baseline(_) => Record::Baseline(project.baselines.remove(index)),
    }
}

fn replace(project: &mut Project, index: usize, record: Record) {
    match record {
        Record::Item(value) => project.items[index] = value,
        Record::Link(value) => project.links[index] = value,
        Record::Lane(value) => project.lanes[index] = value,
        Record::Person(value) => project.team[index] = value,
        Record::Meeting(value) => project.meetings[index] = value,
        Record::Risk(value) => project.risks[index] = value,
        Record::Retrospective(value) => project.retrospectives[index] = value,
        Record::Baseline(value) => project.baselines[index] = value,
    }
}

/// The record at `index` of the list `like` belongs to.
pub(super) fn get(project: &Project, index: usize, like: &Record) -> Record {
    match like {
        Record::Item(_) => Record::Item(project.items[index].clone()),
        Record::Link(_) => Record::Link(project.links[index].clone()),
        Record::Lane(_) => Record::Lane(project.lanes[index].clone()),
        Record::Person(_) => Record::Person(project.team[index].clone()),
        Record::Meeting(_) => Record::Meeting(project.meetings[index].clone()),
        Record::Risk(_) => Record::Risk(project.risks[index].clone()),
        Record::Retrospective(_) => Record::Retrospective(project.retrospectives[index].clone()),
        Record::Baseline(_) => Record::Baseline(project.baselines[index].clone()),
    }
}
