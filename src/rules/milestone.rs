//! A milestone's status: reached, on time, at risk or late, and why.
//!
//! The rule, in order (the first that applies):
//! 1. **Reached** when its progress is 100 % or every acceptance criterion is ticked (it has at
//!    least one) — **reached late** when its date is past its deadline;
//! 2. **Late** when its date is past its deadline, or its date is before today;
//! 3. **At risk** when its date is later than in the compared baseline (the latest taken,
//!    [`compared_baseline`]), or fewer than [`AT_RISK_MARGIN_WORKDAYS`] working days before its
//!    deadline;
//! 4. **On time** otherwise.

use chrono::NaiveDate;

use crate::model::{Baseline, BaselineItem, Item, ItemKind, Project};
use crate::schedule::WorkCalendar;
use crate::tr;

/// A milestone fewer working days than this before its deadline is at risk.
pub const AT_RISK_MARGIN_WORKDAYS: i64 = 2;

/// How a milestone stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MilestoneStatus {
    /// Reached, within its deadline (or without one).
    Reached,
    /// Reached, but its date is past its deadline.
    ReachedLate,
    /// Not reached, no sign of trouble.
    OnTime,
    /// Not reached; slipped against the compared baseline or close to its deadline.
    AtRisk,
    /// Not reached; past its deadline, or its date has passed.
    Late,
}

impl MilestoneStatus {
    /// Every status, in the order of the rule's words.
    pub const ALL: [Self; 5] = [
        Self::Reached,
        Self::ReachedLate,
        Self::OnTime,
        Self::AtRisk,
        Self::Late,
    ];

    /// The key of its word in the locale files.
    pub fn key(self) -> &'static str {
        match self {
            Self::Reached => "milestone_status.reached",
            Self::ReachedLate => "milestone_status.reached_late",
            Self::OnTime => "milestone_status.on_time",
            Self::AtRisk => "milestone_status.at_risk",
            Self::Late => "milestone_status.late",
        }
    }

    /// Its word in the language of the calling thread.
    pub fn word(self) -> String {
        tr!(self.key()).into_owned()
    }

    /// Whether the milestone is reached (on time or late).
    pub fn is_reached(self) -> bool {
        matches!(self, Self::Reached | Self::ReachedLate)
    }

    /// Whether the milestone broke its deadline or its date: late, or reached late.
    pub fn is_late(self) -> bool {
        matches!(self, Self::Late | Self::ReachedLate)
    }
}

/// Why a milestone has its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Why {
    /// Its progress is 100 %.
    Complete,
    /// Every acceptance criterion is ticked.
    CriteriaMet,
    /// Its date is this many working days past its deadline.
    PastDeadline {
        /// Working days from the deadline to its date, at least 1.
        workdays: i64,
    },
    /// Its date passed this many working days ago and it is not reached.
    Overdue {
        /// Working days from its date to today.
        workdays: i64,
    },
    /// Its date is this many working days later than in the compared baseline.
    Slipped {
        /// Working days later, at least 1.
        workdays: i64,
    },
    /// Only this many working days are left before its deadline.
    NearDeadline {
        /// Working days from its date to its deadline, below [`AT_RISK_MARGIN_WORKDAYS`].
        spare_workdays: i64,
    },
    /// Nothing wrong and not reached yet.
    Clear,
}

impl Why {
    /// The reason as a short phrase in the language of the calling thread, `None` for
    /// [`Why::Clear`].
    pub fn text(self) -> Option<String> {
        let text = match self {
            Self::Complete => tr!("milestone_why.complete"),
            Self::CriteriaMet => tr!("milestone_why.criteria_met"),
            Self::PastDeadline { workdays } => {
                tr!("milestone_why.past_deadline", count = workdays)
            }
            Self::Overdue { workdays } => tr!("milestone_why.overdue", count = workdays),
            Self::Slipped { workdays } => tr!("milestone_why.slipped", count = workdays),
            Self::NearDeadline { spare_workdays } => {
                tr!("milestone_why.near_deadline", count = spare_workdays)
            }
            Self::Clear => return None,
        };
        Some(text.into_owned())
    }
}

/// A milestone's status with its reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Judgement {
    /// How it stands.
    pub status: MilestoneStatus,
    /// Why.
    pub why: Why,
}

/// The baseline milestones are compared with: the latest taken (the last listed among equals).
pub fn compared_baseline(project: &Project) -> Option<&Baseline> {
    // `max_by_key` gives the last of equal maxima.
    project
        .baselines
        .iter()
        .max_by_key(|baseline| baseline.taken)
}

/// The status of `milestone` on `today`, against its record `compared` in the compared baseline
/// (`None` when that baseline does not hold it, or there is none). See the module's rule.
pub fn judge(
    milestone: &Item,
    compared: Option<&BaselineItem>,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Judgement {
    let date = milestone.finish;
    let past_deadline = milestone
        .deadline
        .filter(|deadline| date > *deadline)
        .map(|deadline| Why::PastDeadline {
            workdays: calendar.workdays_between(deadline, date).max(1),
        });
    let done = milestone.progress >= 100;
    let ticked =
        !milestone.criteria.is_empty() && milestone.criteria.iter().all(|criterion| criterion.done);
    if done || ticked {
        return match past_deadline {
            Some(why) => Judgement {
                status: MilestoneStatus::ReachedLate,
                why,
            },
            None => Judgement {
                status: MilestoneStatus::Reached,
                why: if done {
                    Why::Complete
                } else {
                    Why::CriteriaMet
                },
            },
        };
    }
    let late = |why| Judgement {
        status: MilestoneStatus::Late,
        why,
    };
    if let Some(why) = past_deadline {
        return late(why);
    }
    if date < today {
        return late(Why::Overdue {
            workdays: calendar.workdays_between(date, today),
        });
    }
    let at_risk = |why| Judgement {
        status: MilestoneStatus::AtRisk,
        why,
    };
    if let Some(old) = compared {
        let slip = calendar.workdays_between(old.finish, date);
        if slip > 0 {
            return at_risk(Why::Slipped { workdays: slip });
        }
    }
    if let Some(deadline) = milestone.deadline {
        let spare = calendar.workdays_between(date, deadline);
        if spare < AT_RISK_MARGIN_WORKDAYS {
            return at_risk(Why::NearDeadline {
                spare_workdays: spare,
            });
        }
    }
    Judgement {
        status: MilestoneStatus::OnTime,
        why: Why::Clear,
    }
}

/// The status of `item` in `project` on `today`, against the [`compared_baseline`]; `None`
/// when it is not a milestone.
pub fn milestone_status(
    project: &Project,
    calendar: &WorkCalendar,
    item: &Item,
    today: NaiveDate,
) -> Option<Judgement> {
    (item.kind == ItemKind::Milestone).then(|| {
        let compared = compared_baseline(project)
            .and_then(|baseline| baseline.items.iter().find(|old| old.item == item.id));
        judge(item, compared, calendar, today)
    })
}
