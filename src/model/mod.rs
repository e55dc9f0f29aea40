//! Plain data of a client project, as written in the RON document (`docs/format.md`, section 1).
//!
//! No drawing, no scheduling: the types here are what is saved, with serde defaults for
//! every optional field and `deny_unknown_fields` so that nothing in a file is silently dropped.

mod calendar;
pub mod day;
mod graph;
mod ids;
mod item;
mod meeting;
mod retrospective;
mod risk;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use calendar::{Calendar, Holiday, Weekday};
pub use graph::find_cycle;
pub use ids::{BaselineId, ItemId, LaneId, MeetingId, PersonId, RetrospectiveId, RiskId, next_id};
pub use item::{Criterion, Item, ItemKind, Link, LinkKind};
pub use meeting::{ActionItem, Channel, Meeting, Owner, Participant};
pub use retrospective::{Figures, Retrospective};
pub use risk::{Risk, RiskAssessment, RiskCategory, RiskResponse, RiskStatus};
pub use validate::{MAX_TEXT_BYTES, Problem, describe_cycle, validate};

/// The value of the document's `format` field.
pub const FORMAT: &str = "milepost";

/// The document version this program writes.
pub const CURRENT_VERSION: u32 = 1;

/// The whole file: a format marker, a version, and the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `"milepost"`.
    pub format: String,
    /// The document version; see [`CURRENT_VERSION`].
    pub version: u32,
    /// The project itself.
    pub project: Project,
}

impl Document {
    /// A document of the current version holding `project`.
    pub fn new(project: Project) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: CURRENT_VERSION,
            project,
        }
    }
}

/// The client the work is done for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Client {
    /// The client organisation.
    pub name: String,
    /// Who to talk to, and how.
    pub contact: String,
}

/// What the project delivers and what it does not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scope {
    /// In scope.
    pub included: Vec<String>,
    /// Explicitly out of scope.
    pub excluded: Vec<String>,
}

/// A member of the team, on the client's side or ours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique among people.
    pub id: PersonId,
    /// Full name.
    pub name: String,
    /// Role in the project, e.g. "Project manager".
    #[serde(default)]
    pub role: String,
    /// Whether the person works for the client.
    #[serde(default)]
    pub client_side: bool,
    /// What they answer for.
    #[serde(default)]
    pub responsibility: String,
}

impl Person {
    /// A person on our side called `name`, with no role or responsibility yet.
    pub fn new(id: PersonId, name: String) -> Self {
        Self {
            id,
            name,
            role: String::new(),
            client_side: false,
            responsibility: String::new(),
        }
    }
}

/// A row group on the timeline: a phase or a workstream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// Unique among lanes.
    pub id: LaneId,
    /// Shown as the group's heading.
    pub name: String,
}

/// An item's dates (and name and progress) as they were when a baseline was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineItem {
    /// The item.
    pub item: ItemId,
    /// Its start then.
    #[serde(with = "day")]
    pub start: NaiveDate,
    /// Its finish then.
    #[serde(with = "day")]
    pub finish: NaiveDate,
    /// Its name then (empty in files that did not record it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Its progress then.
    #[serde(default)]
    pub progress: u8,
}

/// A snapshot of the plan, taken before a client meeting to show what changed since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Unique among baselines.
    pub id: BaselineId,
    /// E.g. "Kick-off plan".
    pub name: String,
    /// When it was taken.
    #[serde(with = "day")]
    pub taken: NaiveDate,
    /// Every item's dates then.
    #[serde(default)]
    pub items: Vec<BaselineItem>,
}

/// A client project: the plan, the conversation, the risks, the lessons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Project {
    /// The project's name, shown in the title bar.
    pub name: String,
    /// Who the work is for.
    pub client: Client,
    /// What the client gets when it is done.
    pub goal: String,
    /// What is in and out.
    pub scope: Scope,
    /// Working days.
    pub calendar: Calendar,
    /// People on both sides.
    pub team: Vec<Person>,
    /// Row groups, in display order.
    pub lanes: Vec<Lane>,
    /// Tasks, milestones and buffers, in the user's order.
    pub items: Vec<Item>,
    /// Dependencies.
    pub links: Vec<Link>,
    /// Saved snapshots of the plan.
    pub baselines: Vec<Baseline>,
    /// The communication log.
    pub meetings: Vec<Meeting>,
    /// The risk register.
    pub risks: Vec<Risk>,
    /// Looks back.
    pub retrospectives: Vec<Retrospective>,
    /// How often, in days, the client should hear from the team.
    pub meeting_cadence_days: Option<u32>,
}

impl Project {
    /// An empty project with a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// The item with `id`.
    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The item with `id`, to change.
    pub fn item_mut(&mut self, id: ItemId) -> Option<&mut Item> {
        self.items.iter_mut().find(|item| item.id == id)
    }

    /// The lane with `id`.
    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|lane| lane.id == id)
    }

    /// The person with `id`.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.team.iter().find(|person| person.id == id)
    }

    /// The next unused item id.
    pub fn next_item_id(&self) -> ItemId {
        ItemId(next_id(self.items.iter().map(|item| item.id.0)))
    }

    /// What may be shown to the client: client-visible items (and the links, baseline records
    /// and references between them), client-visible meetings and risks, and no retrospectives.
    /// A lane whose every item is internal is left out too.
    #[must_use]
    pub fn client_view(&self) -> Project {
        let shown: std::collections::HashSet<ItemId> = self
            .items
            .iter()
            .filter(|item| item.client_visible)
            .map(|item| item.id)
            .collect();
        let mut view = self.clone();
        view.items.retain(|item| shown.contains(&item.id));
        view.lanes.retain(|lane| {
            let mut items = self.items.iter().filter(|item| item.lane == Some(lane.id));
            let had_items = items.clone().next().is_some();
            !had_items || items.any(|item| item.client_visible)
        });
        view.links
            .retain(|link| shown.contains(&link.from) && shown.contains(&link.to));
        for baseline in &mut view.baselines {
            baseline.items.retain(|old| shown.contains(&old.item));
        }
        view.meetings.retain(Meeting::is_client_visible);
        for meeting in &mut view.meetings {
            meeting.items.retain(|item| shown.contains(item));
            for action in &mut meeting.actions {
                action.item = action.item.filter(|item| shown.contains(item));
            }
        }
        view.risks.retain(|risk| risk.client_visible);
        for risk in &mut view.risks {
            risk.items.retain(|item| shown.contains(item));
        }
        view.retrospectives.clear();
        view
    }

    /// The first and last dates any item covers, if there are items.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self
            .items
            .iter()
            .map(|item| item.start.min(item.finish))
            .min()?;
        let last = self
            .items
            .iter()
            .map(|item| item.finish.max(item.start))
            .max()?;
        Some((first, last))
    }
}
