//! Everything the window works out from a revision of the project and keeps until the project
//! changes: the schedule's facts (floats, critical path, finish, buffer use, span) and the risk
//! badges on the timeline.
//!
//! Each cache is keyed by the revision it was computed for (revisions are unique across
//! projects), so a stale answer is never shown; none is saved.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{ItemId, ItemKind, Project};
use crate::schedule::{Scheduler, buffer_consumption};
use crate::timeline::badges::BadgeCache;

/// Floats and the critical path of one revision of the project.
pub struct ScheduleFacts {
    /// The revision they were computed for.
    pub revision: u64,
    /// Items with float ≤ 0.
    pub critical: HashSet<ItemId>,
    /// Float per item, in working days.
    pub floats: HashMap<ItemId, i64>,
    /// The project's latest finish.
    pub finish: Option<NaiveDate>,
    /// The largest consumption among buffers, 0..=1, when there are buffers.
    pub buffer_use: Option<f64>,
    /// The first and last dates of the project's items.
    pub span: Option<(NaiveDate, NaiveDate)>,
}

impl ScheduleFacts {
    /// No facts (a project whose links form a loop cannot be scheduled).
    fn empty(revision: u64) -> Self {
        Self {
            revision,
            critical: HashSet::new(),
            floats: HashMap::new(),
            finish: None,
            buffer_use: None,
            span: None,
        }
    }

    /// The facts of `project` at `revision`.
    fn compute(project: &Project, revision: u64) -> Self {
        let Ok(scheduler) = Scheduler::new(project) else {
            return Self {
                span: crate::rules::span::project_span(project),
                ..Self::empty(revision)
            };
        };
        let path = scheduler.critical_path(project);
        Self {
            revision,
            critical: path
                .items
                .iter()
                .filter(|float| float.critical)
                .map(|float| float.item)
                .collect(),
            floats: path
                .items
                .iter()
                .map(|float| (float.item, float.float_workdays))
                .collect(),
            finish: crate::rules::span::project_span(project).map(|(_, finish)| finish),
            buffer_use: project
                .items
                .iter()
                .filter(|item| item.kind == ItemKind::Buffer)
                .map(|item| buffer_consumption(&scheduler.calendar, item))
                .reduce(f64::max),
            span: crate::rules::span::project_span(project),
        }
    }
}

/// The caches of the open project.
#[derive(Default)]
pub struct Derived {
    /// Floats and the critical path, of the revision they name.
    pub facts: Option<ScheduleFacts>,
    /// The open risks of each item, for the badges on the timeline.
    pub risk_badges: BadgeCache,
}

impl Derived {
    /// Forgets everything (another project was opened).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The critical path and floats of `project` at `revision`, computed once per revision.
    pub fn schedule_facts(&mut self, project: &Project, revision: u64) -> &ScheduleFacts {
        if self
            .facts
            .as_ref()
            .is_none_or(|facts| facts.revision != revision)
        {
            self.facts = Some(ScheduleFacts::compute(project, revision));
        }
        self.facts
            .get_or_insert_with(|| ScheduleFacts::empty(revision))
    }
}
