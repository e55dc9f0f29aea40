//! Milestone trend analysis: where each milestone stood in every baseline and where it stands
//! today. A flat line is a stable date, a rising one a slipping date.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Baseline, ItemId, ItemKind, Project};

/// One milestone's dates across the reports (the baselines, then today).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendLine {
    /// The milestone.
    pub item: ItemId,
    /// Its name now.
    pub name: String,
    /// `(report date, the milestone's date in that report)`, oldest report first. A baseline
    /// that did not hold the milestone gives no point.
    pub points: Vec<(NaiveDate, NaiveDate)>,
}

impl TrendLine {
    /// How far the milestone moved from its first point to its last, in calendar days
    /// (positive = slipped later).
    pub fn drift_days(&self) -> i64 {
        match (self.points.first(), self.points.last()) {
            (Some(first), Some(last)) => (last.1 - first.1).num_days(),
            _ => 0,
        }
    }
}

/// The baselines in the order they were taken (the listed order among equal dates).
pub fn baselines_by_date(project: &Project) -> Vec<&Baseline> {
    let mut baselines: Vec<(usize, &Baseline)> = project.baselines.iter().enumerate().collect();
    baselines.sort_by_key(|(index, baseline)| (baseline.taken, *index));
    baselines
        .into_iter()
        .map(|(_, baseline)| baseline)
        .collect()
}

/// The report dates of the trend: each baseline's `taken` date in order, then `today`.
pub fn report_dates(project: &Project, today: NaiveDate) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = baselines_by_date(project)
        .iter()
        .map(|baseline| baseline.taken)
        .collect();
    dates.push(today);
    dates
}

/// One line per milestone of the project, in the project's order: its date in every baseline
/// that holds it (at the date the baseline was taken), then its current date at `today`.
/// Points are sorted by report date, so a baseline dated after `today` comes after today's point.
pub fn milestone_trend(project: &Project, today: NaiveDate) -> Vec<TrendLine> {
    let baselines: Vec<(NaiveDate, HashMap<ItemId, NaiveDate>)> = baselines_by_date(project)
        .into_iter()
        .map(|baseline| {
            let finishes = baseline
                .items
                .iter()
                .map(|old| (old.item, old.finish))
                .collect();
            (baseline.taken, finishes)
        })
        .collect();
    project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Milestone)
        .map(|item| {
            let mut points: Vec<(NaiveDate, NaiveDate)> = baselines
                .iter()
                .filter_map(|(taken, finishes)| {
                    finishes.get(&item.id).map(|&finish| (*taken, finish))
                })
                .collect();
            points.push((today, item.finish));
            points.sort_by_key(|&(report, _)| report);
            TrendLine {
                item: item.id,
                name: item.name.clone(),
                points,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BaselineId, Item};
    use crate::schedule::take_baseline;
    use crate::timeline::testing::date;

    fn project() -> Project {
        let mut project = Project::named("Trend");
        project.items = vec![
            Item::task(ItemId(1), "Build", date(2027, 1, 4), date(2027, 1, 8)),
            Item::milestone(ItemId(2), "Ready", date(2027, 1, 8)),
            Item::milestone(ItemId(3), "Go-live", date(2027, 2, 26)),
        ];
        project
    }

    #[test]
    fn one_line_per_milestone_with_today_last() {
        let project = project();
        let lines = milestone_trend(&project, date(2026, 11, 27));
        assert_eq!(lines.len(), 2, "tasks make no line");
        assert_eq!(lines[0].item, ItemId(2), "project order");
        assert_eq!(lines[1].name, "Go-live", "named after the milestone");
        assert_eq!(
            lines[0].points,
            vec![(date(2026, 11, 27), date(2027, 1, 8))],
            "without baselines only today's point"
        );
    }

    #[test]
    fn a_slipping_milestone_rises_and_a_stable_one_stays_flat() {
        let mut project = project();
        // Taken second but listed first: the trend follows the dates taken.
        let mut late = take_baseline(&project, BaselineId(2), "Design review", date(2026, 11, 20));
        let early = take_baseline(&project, BaselineId(1), "Kick-off", date(2026, 10, 12));
        late.items[1].finish = date(2027, 1, 12);
        late.items[1].start = date(2027, 1, 12);
        project.baselines = vec![late, early];
        project.items[1].start = date(2027, 1, 13);
        project.items[1].finish = date(2027, 1, 13);

        let lines = milestone_trend(&project, date(2026, 11, 27));
        assert_eq!(
            lines[0].points,
            vec![
                (date(2026, 10, 12), date(2027, 1, 8)),
                (date(2026, 11, 20), date(2027, 1, 12)),
                (date(2026, 11, 27), date(2027, 1, 13)),
            ],
            "report dates in order, the milestone's date in each"
        );
        assert_eq!(lines[0].drift_days(), 5, "slipped five days");
        assert!(
            lines[1].points.iter().all(|&(_, d)| d == date(2027, 2, 26)),
            "go-live flat: {:?}",
            lines[1].points
        );
        assert_eq!(
            report_dates(&project, date(2026, 11, 27)),
            vec![date(2026, 10, 12), date(2026, 11, 20), date(2026, 11, 27)],
            "baselines by date, then today"
        );
    }

    #[test]
    fn a_milestone_added_after_a_baseline_starts_later() {
        let mut project = project();
        project.items.truncate(2);
        project.baselines = vec![take_baseline(
            &project,
            BaselineId(1),
            "Kick-off",
            date(2026, 10, 12),
        )];
        project
            .items
            .push(Item::milestone(ItemId(3), "Go-live", date(2027, 2, 26)));
        let lines = milestone_trend(&project, date(2026, 11, 27));
        assert_eq!(lines[0].points.len(), 2, "in the baseline and today");
        assert_eq!(lines[1].points.len(), 1, "only today: it is new");
    }
}
