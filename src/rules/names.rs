//! How a person is named wherever Milepost shows one.

use crate::model::{Owner, PersonId, Project};

/// A team member's display name: their name, or `#3` when the team has no member 3 (a file
/// edited by hand, or a member removed by another tool).
pub fn person_name(project: &Project, id: PersonId) -> String {
    project
        .person(id)
        .map_or_else(|| format!("#{id}"), |person| person.name.clone())
}

/// The display name of an owner: the team member's ([`person_name`]), or the name written.
pub fn owner_name(project: &Project, owner: &Owner) -> String {
    match owner {
        Owner::Person(id) => person_name(project, *id),
        Owner::Named(name) => name.clone(),
    }
}
