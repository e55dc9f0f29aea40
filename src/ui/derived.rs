//! Everything the window works out from a revision of the project and keeps until the project
//! changes: the schedule's facts (floats, critical path, finish, buffer use, span), the risk
//! badges on the timeline, and the baseline panel's changes and milestone trend.
//!
//! Each cache is keyed by the revision it was computed for (revisions are unique across
//! projects), so a stale answer is never shown; none is saved.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{Baseline, BaselineId, ItemId, ItemKind, Project};
use crate::report::trend::{self, TrendLine};
use crate::schedule::{Change, Scheduler, WorkCalendar, buffer_consumption, changes_since};
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

/// A value worked out for one key (a revision, and whatever else it depends on), kept until it
/// is asked for with another key.
pub struct Keyed<K, V> {
    entry: Option<(K, V)>,
}

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Self { entry: None }
    }
}

impl<K: PartialEq, V> Keyed<K, V> {
    /// The value for `key`: the kept one when it was worked out for `key`, else `compute()`.
    pub fn get(&mut self, key: K, compute: impl FnOnce() -> V) -> &V {
        let entry = match self.entry.take() {
            Some((cached, value)) if cached == key => (cached, value),
            _ => (key, compute()),
        };
        &self.entry.insert(entry).1
    }
}

/// What the baselines section and the milestone trend window show.
#[derive(Default)]
pub struct BaselineCaches {
    /// What changed since a baseline, for (revision, baseline).
    changes: Keyed<(u64, BaselineId), Vec<Change>>,
    /// The milestone trend lines, for (revision, today).
    trend: Keyed<(u64, NaiveDate), Vec<TrendLine>>,
}

impl BaselineCaches {
    /// What changed in `project` at `revision` since `baseline`, computed once per change of
    /// either.
    pub fn changes_since(
        &mut self,
        project: &Project,
        revision: u64,
        baseline: &Baseline,
    ) -> &[Change] {
        self.changes.get((revision, baseline.id), || {
            changes_since(project, &WorkCalendar::new(&project.calendar), baseline)
        })
    }

    /// The milestone trend of `project` at `revision` as seen on `today`, computed once per
    /// change of either.
    pub fn milestone_trend(
        &mut self,
        project: &Project,
        revision: u64,
        today: NaiveDate,
    ) -> &[TrendLine] {
        self.trend
            .get((revision, today), || trend::milestone_trend(project, today))
    }
}

/// The caches of the open project.
#[derive(Default)]
pub struct Derived {
    /// Floats and the critical path, of the revision they name.
    pub facts: Option<ScheduleFacts>,
    /// The open risks of each item, for the badges on the timeline.
    pub risk_badges: BadgeCache,
    /// The baseline panel's changes and trend.
    pub baselines: BaselineCaches,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, History};
    use crate::model::Item;
    use crate::schedule::take_baseline;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    #[test]
    fn the_baseline_caches_are_recomputed_after_an_edit() {
        let mut project = Project::named("Cached");
        project.items = vec![
            Item::task(ItemId(1), "Design", date("2026-12-07"), date("2026-12-11")),
            Item::milestone(ItemId(2), "Launch", date("2026-12-11")),
        ];
        let baseline = take_baseline(&project, BaselineId(1), "Kick-off", date("2026-12-01"));
        project.baselines.push(baseline.clone());
        let today = date("2026-12-02");
        let mut history = History::new(project);
        let mut caches = BaselineCaches::default();
        let before = history.revision();
        assert!(
            caches
                .changes_since(history.project(), before, &baseline)
                .is_empty(),
            "nothing changed yet"
        );
        let trend_before = caches
            .milestone_trend(history.project(), before, today)
            .to_vec();

        history
            .apply(Edit::MoveItem {
                item: ItemId(2),
                start: date("2026-12-15"),
                with_successors: false,
            })
            .expect("the move lands");
        let after = history.revision();
        assert_ne!(after, before, "the edit makes a new revision");
        assert_eq!(
            caches
                .changes_since(history.project(), before, &baseline)
                .len(),
            0,
            "asked for the old revision, the kept answer is given"
        );
        assert_eq!(
            caches
                .changes_since(history.project(), after, &baseline)
                .len(),
            1,
            "the new revision lists the moved milestone"
        );
        let trend_after = caches.milestone_trend(history.project(), after, today);
        assert_eq!(
            trend::milestone_trend(history.project(), today),
            trend_after,
            "the trend is worked out again for the new revision"
        );
        assert_ne!(trend_before, trend_after, "and it shows the move");
    }
}
