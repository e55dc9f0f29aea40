//! Baseline variance: how the plan moved since a snapshot was taken.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Baseline, ItemId, Project};

use super::WorkCalendar;

/// One item's dates against a baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemVariance {
    /// The item.
    pub item: ItemId,
    /// Its start in the baseline.
    pub baseline_start: NaiveDate,
    /// Its finish in the baseline.
    pub baseline_finish: NaiveDate,
    /// Working days its start moved (positive = later).
    pub start_workdays: i64,
    /// Working days its finish moved (positive = later).
    pub finish_workdays: i64,
}

/// Per item present in both the project and `baseline`, in the project's order: start and
/// finish differences in working days.
pub fn variance(
    project: &Project,
    calendar: &WorkCalendar,
    baseline: &Baseline,
) -> Vec<ItemVariance> {
    let then: HashMap<ItemId, _> = baseline.items.iter().map(|old| (old.item, old)).collect();
    project
        .items
        .iter()
        .filter_map(|item| {
            let old = then.get(&item.id)?;
            Some(ItemVariance {
                item: item.id,
                baseline_start: old.start,
                baseline_finish: old.finish,
                start_workdays: calendar.workdays_between(old.start, item.start),
                finish_workdays: calendar.workdays_between(old.finish, item.finish),
            })
        })
        .collect()
}

/// One change since a baseline, as plain data for the UI and reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The item is new.
    Added {
        /// The item.
        item: ItemId,
        /// Its name now.
        name: String,
    },
    /// The item was in the baseline and is gone.
    Removed {
        /// The item.
        item: ItemId,
        /// Its name then (may be empty in old files).
        name: String,
    },
    /// Its dates changed.
    Moved {
        /// The item.
        item: ItemId,
        /// The dates then and now, with the differences in working days.
        variance: ItemVariance,
    },
    /// Its name changed.
    Renamed {
        /// The item.
        item: ItemId,
        /// The name then.
        old: String,
        /// The name now.
        new: String,
    },
    /// Its progress changed.
    ProgressChanged {
        /// The item.
        item: ItemId,
        /// Percent then.
        old: u8,
        /// Percent now.
        new: u8,
    },
}

/// Everything that changed since `baseline`: items in the project's order (each with its moves,
/// renames and progress changes), then removed items in the baseline's order. Names are compared
/// only when the baseline recorded them.
pub fn changes_since(
    project: &Project,
    calendar: &WorkCalendar,
    baseline: &Baseline,
) -> Vec<Change> {
    let then: HashMap<ItemId, _> = baseline.items.iter().map(|old| (old.item, old)).collect();
    let mut changes = Vec::new();
    for item in &project.items {
        let Some(old) = then.get(&item.id) else {
            changes.push(Change::Added {
                item: item.id,
                name: item.name.clone(),
            });
            continue;
        };
        if old.start != item.start || old.finish != item.finish {
            changes.push(Change::Moved {
                item: item.id,
                variance: ItemVariance {
                    item: item.id,
                    baseline_start: old.start,
                    baseline_finish: old.finish,
                    start_workdays: calendar.workdays_between(old.start, item.start),
                    finish_workdays: calendar.workdays_between(old.finish, item.finish),
                },
            });
        }
        if !old.name.is_empty() && old.name != item.name {
            changes.push(Change::Renamed {
                item: item.id,
                old: old.name.clone(),
                new: item.name.clone(),
            });
        }
        if old.progress != item.progress {
            changes.push(Change::ProgressChanged {
                item: item.id,
                old: old.progress,
                new: item.progress,
            });
        }
    }
    let now: std::collections::HashSet<ItemId> = project.items.iter().map(|item| item.id).collect();
    for old in &baseline.items {
        if !now.contains(&old.item) {
            changes.push(Change::Removed {
                item: old.item,
                name: old.name.clone(),
            });
        }
    }
    changes
}

/// A baseline of `project` as it is now.
pub fn take(
    project: &Project,
    id: crate::model::BaselineId,
    name: &str,
    taken: NaiveDate,
) -> Baseline {
    Baseline {
        id,
        name: name.to_owned(),
        taken,
        items: project
            .items
            .iter()
            .map(|item| crate::model::BaselineItem {
                item: item.id,
                start: item.start,
                finish: item.finish,
                name: item.name.clone(),
                progress: item.progress,
            })
            .collect(),
    }
}
