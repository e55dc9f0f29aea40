//! The one walk over every reference in a project to an item, a lane or a person: link ends,
//! owners, lanes, a meeting's or risk's linked items, a retrospective's scope, action items and
//! their owners. Deleting an item, a lane or a team member goes through [`Tx::detach`], so a
//! new kind of reference is added here once and every cascade follows it.

use super::record::Record;
use super::tx::Tx;
use crate::model::{ActionItem, ItemId, LaneId, Owner, PersonId, Project};

/// What is being deleted, and what its references become.
pub(super) enum Referent<'a> {
    /// An item: links to it go, lists drop it, single references to it are cleared.
    Item(ItemId),
    /// A lane: items in it are left without a lane.
    Lane(LaneId),
    /// A team member: an item they own is left without an owner; minutes and registers keep
    /// their name as a free name.
    Person {
        /// The person.
        id: PersonId,
        /// Their name, kept where an owner may be a free name.
        name: &'a str,
    },
}

/// One reference held by a record, to be changed in place.
enum Reference<'r> {
    /// An end of a link: the link cannot outlive it.
    LinkEnd(ItemId),
    /// A list of items (a meeting's or risk's linked items, a retrospective's scope).
    Items(&'r mut Vec<ItemId>),
    /// One optional item (an action item's task).
    Item(&'r mut Option<ItemId>),
    /// An item's lane.
    Lane(&'r mut Option<LaneId>),
    /// An item's owner: a team member.
    Person(&'r mut Option<PersonId>),
    /// An owner that is a team member or a free name.
    Owner(&'r mut Option<Owner>),
}

/// Calls `visit` on every reference `record` holds.
fn walk(record: &mut Record, visit: &mut dyn FnMut(Reference<'_>)) {
    match record {
        Record::Link(link) => {
            visit(Reference::LinkEnd(link.from));
            visit(Reference::LinkEnd(link.to));
        }
        Record::Item(item) => {
            visit(Reference::Lane(&mut item.lane));
            visit(Reference::Person(&mut item.owner));
        }
        Record::Meeting(meeting) => {
            visit(Reference::Items(&mut meeting.items));
            walk_actions(&mut meeting.actions, visit);
        }
        Record::Risk(risk) => {
            visit(Reference::Items(&mut risk.items));
            visit(Reference::Owner(&mut risk.owner));
        }
        Record::Retrospective(retrospective) => {
            visit(Reference::Items(&mut retrospective.scope_items));
            walk_actions(&mut retrospective.actions, visit);
        }
        Record::Lane(_) | Record::Person(_) | Record::Baseline(_) => {}
    }
}

/// Calls `visit` on the task and the owner of each action item.
fn walk_actions(actions: &mut [ActionItem], visit: &mut dyn FnMut(Reference<'_>)) {
    for action in actions {
        visit(Reference::Item(&mut action.item));
        visit(Reference::Owner(&mut action.owner));
    }
}

/// Changes `reference` so that it no longer points at `referent`; false when the record
/// holding it must go.
fn let_go(reference: Reference<'_>, referent: &Referent<'_>) -> bool {
    match (reference, referent) {
        (Reference::LinkEnd(end), Referent::Item(id)) => end != *id,
        (Reference::Items(items), Referent::Item(id)) => {
            items.retain(|item| item != id);
            true
        }
        (Reference::Item(item), Referent::Item(id)) => {
            if *item == Some(*id) {
                *item = None;
            }
            true
        }
        (Reference::Lane(lane), Referent::Lane(id)) => {
            if *lane == Some(*id) {
                *lane = None;
            }
            true
        }
        (Reference::Person(person), Referent::Person { id, .. }) => {
            if *person == Some(*id) {
                *person = None;
            }
            true
        }
        (Reference::Owner(owner), Referent::Person { id, name }) => {
            if owner.as_ref().and_then(Owner::person) == Some(*id) {
                *owner = Some(Owner::Named((*name).to_owned()));
            }
            true
        }
        _ => true,
    }
}

/// Reads the record at an index of one of the project's lists.
type RecordAt = fn(&Project, usize) -> Record;

impl Tx<'_> {
    /// Removes every reference to `referent` from the project (links to a deleted item go with
    /// it), each change recorded; the referent itself stays for the caller to remove.
    pub(super) fn detach(&mut self, referent: &Referent<'_>) {
        let lists: [(usize, RecordAt); 5] = [
            (self.project.links.len(), |p, i| {
                Record::Link(p.links[i].clone())
            }),
            (self.project.items.len(), |p, i| {
                Record::Item(p.items[i].clone())
            }),
            (self.project.meetings.len(), |p, i| {
                Record::Meeting(p.meetings[i].clone())
            }),
            (self.project.risks.len(), |p, i| {
                Record::Risk(p.risks[i].clone())
            }),
            (self.project.retrospectives.len(), |p, i| {
                Record::Retrospective(p.retrospectives[i].clone())
            }),
        ];
        for (len, get) in lists {
            // From the end, so that removing a record leaves the indices still to visit.
            for index in (0..len).rev() {
                let mut record = get(self.project, index);
                let mut keep = true;
                walk(&mut record, &mut |reference| {
                    keep &= let_go(reference, referent);
                });
                if keep {
                    self.replace(index, record);
                } else {
                    self.remove(index, &record);
                }
            }
        }
    }
}
