//! The risk register.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ItemId, RiskId};
use super::meeting::Owner;

/// What area a risk belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskCategory {
    /// Technology, integration, quality.
    Technical,
    /// Dates and durations.
    Schedule,
    /// What is in and out of the work.
    Scope,
    /// People and equipment.
    Resource,
    /// The client's availability, decisions, organisation.
    Client,
    /// Market conditions.
    Market,
    /// How the project is run.
    Management,
    /// Anything else.
    Other,
}

impl RiskCategory {
    /// All categories, in the order a picker lists them.
    pub const ALL: [Self; 8] = [
        Self::Technical,
        Self::Schedule,
        Self::Scope,
        Self::Resource,
        Self::Client,
        Self::Market,
        Self::Management,
        Self::Other,
    ];
}

/// The chosen strategy for a risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskResponse {
    /// Change the plan so the risk cannot happen.
    Avoid,
    /// Reduce its probability or impact.
    Mitigate,
    /// Hand it to someone else (insurance, contract).
    Transfer,
    /// Live with it.
    Accept,
}

impl RiskResponse {
    /// All responses.
    pub const ALL: [Self; 4] = [Self::Avoid, Self::Mitigate, Self::Transfer, Self::Accept];
}

/// Where a risk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskStatus {
    /// Identified, not yet under control.
    Open,
    /// Watched.
    Monitoring,
    /// It happened.
    Occurred,
    /// No longer relevant.
    Closed,
}

impl RiskStatus {
    /// All statuses.
    pub const ALL: [Self; 4] = [Self::Open, Self::Monitoring, Self::Occurred, Self::Closed];

    /// Open or monitoring: the risk still threatens the plan.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::Monitoring)
    }
}

/// A past assessment of a risk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    /// When it was assessed.
    #[serde(with = "super::day")]
    pub date: NaiveDate,
    /// Probability 1..=5 at that time.
    pub probability: u8,
    /// Impact 1..=5 at that time.
    pub impact: u8,
}

/// One entry of the risk register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Unique among risks.
    pub id: RiskId,
    /// Short name.
    pub title: String,
    /// What could happen and why.
    #[serde(default)]
    pub description: String,
    /// What area it belongs to.
    #[serde(default = "other")]
    pub category: RiskCategory,
    /// 1 (rare) ..= 5 (almost certain).
    pub probability: u8,
    /// 1 (negligible) ..= 5 (severe).
    pub impact: u8,
    /// The chosen strategy.
    #[serde(default = "mitigate")]
    pub response: RiskResponse,
    /// What is done now to reduce it.
    #[serde(default)]
    pub mitigation: String,
    /// What is done if it happens.
    #[serde(default)]
    pub contingency: String,
    /// The sign that it is happening.
    #[serde(default)]
    pub trigger: String,
    /// Who watches it.
    #[serde(default)]
    pub owner: Option<Owner>,
    /// Where it stands.
    #[serde(default = "open")]
    pub status: RiskStatus,
    /// When it was first recorded.
    #[serde(with = "super::day")]
    pub identified: NaiveDate,
    /// When it is next to be reviewed.
    #[serde(default, with = "super::day::option")]
    pub review: Option<NaiveDate>,
    /// Timeline items it threatens.
    #[serde(default)]
    pub items: Vec<ItemId>,
    /// Earlier assessments, oldest first.
    #[serde(default)]
    pub history: Vec<RiskAssessment>,
    /// Whether the client may see it. Risks are internal unless said otherwise.
    #[serde(default)]
    pub client_visible: bool,
}

fn other() -> RiskCategory {
    RiskCategory::Other
}
fn mitigate() -> RiskResponse {
    RiskResponse::Mitigate
}
fn open() -> RiskStatus {
    RiskStatus::Open
}

impl Risk {
    /// Probability × impact, 1..=25.
    pub fn score(&self) -> u8 {
        self.probability.saturating_mul(self.impact)
    }
}
