//! Retrospectives and the figures they snapshot.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ItemId, RetrospectiveId};
use super::meeting::ActionItem;

/// The project's computed figures at one moment, as written into a retrospective.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Figures {
    /// Number of milestones.
    pub milestones_total: u32,
    /// Milestones on or before their reference date.
    pub milestones_on_time: u32,
    /// Milestones after their reference date.
    pub milestones_late: u32,
    /// Mean slip of milestones against the first baseline, in working days.
    pub average_slip_workdays: f64,
    /// Largest slip of a milestone against the first baseline, in working days.
    pub worst_slip_workdays: i32,
    /// Number of tasks.
    pub tasks_total: u32,
    /// Tasks at 100 % progress.
    pub tasks_done: u32,
    /// The largest consumption among buffers, 0..=100.
    pub buffer_consumption_percent: u8,
    /// Risks open or monitored.
    pub risks_open: u32,
    /// Open risks scoring 15 or more.
    pub risks_high: u32,
    /// Risks that occurred.
    pub risks_occurred: u32,
    /// Meetings recorded.
    pub meetings_held: u32,
    /// The latest contact with the client.
    #[serde(with = "super::day::option")]
    pub last_client_contact: Option<NaiveDate>,
}

/// A look back at a stretch of the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retrospective {
    /// Unique among retrospectives.
    pub id: RetrospectiveId,
    /// When it was held.
    #[serde(with = "super::day")]
    pub date: NaiveDate,
    /// What it covers, e.g. "Discovery phase".
    #[serde(default)]
    pub title: String,
    /// The items it looks back on.
    #[serde(default)]
    pub scope_items: Vec<ItemId>,
    /// What went well.
    #[serde(default)]
    pub went_well: Vec<String>,
    /// What to do better.
    #[serde(default)]
    pub to_improve: Vec<String>,
    /// What will be done about it.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// What the client said.
    #[serde(default)]
    pub client_feedback: String,
    /// The client's satisfaction, 1..=5.
    #[serde(default)]
    pub satisfaction: Option<u8>,
    /// The figures when it was written.
    #[serde(default)]
    pub figures: Figures,
}
