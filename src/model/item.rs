//! Items on the timeline (tasks, milestones, buffers) and the links between them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ItemId, LaneId, PersonId};

/// What an item is; one flat record serves all three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// Work that occupies the whole days `start..=finish`.
    Task,
    /// An instant at the end of its date (`start == finish`).
    Milestone,
    /// Reserved time that absorbs slips before they reach what follows it.
    Buffer,
}

impl ItemKind {
    /// The name used in files and command-line output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Task => "Task",
            Self::Milestone => "Milestone",
            Self::Buffer => "Buffer",
        }
    }
}

/// One acceptance criterion of a milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// What must be true.
    pub text: String,
    /// Whether it is.
    #[serde(default)]
    pub done: bool,
}

fn yes() -> bool {
    true
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes a reference"
)]
fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// A task, milestone or buffer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique among items.
    pub id: ItemId,
    /// Task, milestone or buffer.
    pub kind: ItemKind,
    /// Shown on the bar and in the outline.
    pub name: String,
    /// The lane the item sits in, if any.
    #[serde(default)]
    pub lane: Option<LaneId>,
    /// First day (inclusive).
    #[serde(with = "super::day")]
    pub start: NaiveDate,
    /// Last day (inclusive). For a milestone, equal to `start`.
    #[serde(with = "super::day")]
    pub finish: NaiveDate,
    /// Who is responsible.
    #[serde(default)]
    pub owner: Option<PersonId>,
    /// Percent complete, 0..=100.
    #[serde(default)]
    pub progress: u8,
    /// Whether the client may see this item (presentation, reports, exports).
    #[serde(default = "yes")]
    pub client_visible: bool,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Milestones: the date it must not pass.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::day::option"
    )]
    pub deadline: Option<NaiveDate>,
    /// Milestones: what must be true for it to be reached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// Buffers: the length reserved, in working days.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub planned_workdays: u32,
}

impl Item {
    /// A new task with the defaults a user expects.
    pub fn task(id: ItemId, name: impl Into<String>, start: NaiveDate, finish: NaiveDate) -> Self {
        Self {
            id,
            kind: ItemKind::Task,
            name: name.into(),
            lane: None,
            start,
            finish,
            owner: None,
            progress: 0,
            client_visible: true,
            notes: String::new(),
            deadline: None,
            criteria: Vec::new(),
            planned_workdays: 0,
        }
    }

    /// A new milestone on `date`.
    pub fn milestone(id: ItemId, name: impl Into<String>, date: NaiveDate) -> Self {
        Self {
            kind: ItemKind::Milestone,
            ..Self::task(id, name, date, date)
        }
    }

    /// Whether this is a milestone.
    pub fn is_milestone(&self) -> bool {
        self.kind == ItemKind::Milestone
    }
}

/// How a link constrains its successor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The successor starts after the predecessor finishes.
    FinishToStart,
    /// The successor starts no earlier than the predecessor starts.
    StartToStart,
    /// The successor finishes no earlier than the predecessor finishes.
    FinishToFinish,
    /// The successor finishes no earlier than the predecessor starts.
    StartToFinish,
}

impl LinkKind {
    /// All four kinds.
    pub const ALL: [Self; 4] = [
        Self::FinishToStart,
        Self::StartToStart,
        Self::FinishToFinish,
        Self::StartToFinish,
    ];

    /// The short form planners know: FS, SS, FF, SF.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::FinishToStart => "FS",
            Self::StartToStart => "SS",
            Self::FinishToFinish => "FF",
            Self::StartToFinish => "SF",
        }
    }
}

/// A dependency between two items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The predecessor.
    pub from: ItemId,
    /// The successor.
    pub to: ItemId,
    /// Which ends are tied.
    #[serde(default = "finish_to_start")]
    pub kind: LinkKind,
    /// Working days between the tied ends; negative is a lead.
    #[serde(default)]
    pub lag_workdays: i32,
}

fn finish_to_start() -> LinkKind {
    LinkKind::FinishToStart
}
