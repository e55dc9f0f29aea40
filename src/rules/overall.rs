//! The project's overall status, built on the milestone and buffer rules.

use chrono::NaiveDate;

use crate::model::{ItemKind, Project};
use crate::schedule::WorkCalendar;

use super::{BufferHealth, HIGH_RISK_SCORE, MilestoneStatus, milestone_status};

/// How a project stands, for the title card and the status report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// No milestone is late or at risk, every buffer is green, no high risk is open.
    OnTrack,
    /// No milestone is late, but one is at risk, a buffer is amber or red, or a high risk is
    /// open.
    AtRisk,
    /// A milestone is late or was reached late ([`MilestoneStatus::is_late`]).
    Late,
}

impl Status {
    /// The key of the status's name in the locale files.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnTrack => "status_level.on_track",
            Self::AtRisk => "status_level.at_risk",
            Self::Late => "status_level.late",
        }
    }

    /// Its name in the language of the calling thread.
    pub fn word(self) -> String {
        crate::tr!(self.key()).into_owned()
    }
}

/// The overall status of `project` on `today` (see [`Status`] for the rule). Pass the whole
/// project, internal items included, for the honest status.
pub fn overall_status(project: &Project, today: NaiveDate) -> Status {
    let calendar = WorkCalendar::new(&project.calendar);
    let mut at_risk = false;
    for item in &project.items {
        match item.kind {
            ItemKind::Milestone => {
                let Some(judgement) = milestone_status(project, &calendar, item, today) else {
                    continue;
                };
                if judgement.status.is_late() {
                    return Status::Late;
                }
                at_risk |= judgement.status == MilestoneStatus::AtRisk;
            }
            ItemKind::Buffer => {
                at_risk |= BufferHealth::of_item(&calendar, item) != BufferHealth::Green;
            }
            ItemKind::Task => {}
        }
    }
    at_risk |= project
        .risks
        .iter()
        .any(|risk| risk.status.is_open() && risk.score() >= HIGH_RISK_SCORE);
    if at_risk {
        Status::AtRisk
    } else {
        Status::OnTrack
    }
}
