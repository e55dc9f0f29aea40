//! Scheduling: working-day arithmetic, link constraints, push-later propagation, buffers,
//! critical path and float, baseline variance (`docs/format.md` section 2). Pure: no egui, no files.
//!
//! See [`network`] for how dates, milestones and lags become constraints.

mod baseline;
mod calendar;
pub mod network;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::model::{ItemId, Project};

pub use baseline::{Change, ItemVariance, changes_since, take as take_baseline, variance};
pub use calendar::WorkCalendar;
pub use network::{CycleError, Network, Overlay, Span, dates_of, place, span_of, violated_links};

/// A project's calendar and link network, ready to schedule with.
#[derive(Clone, Debug)]
pub struct Scheduler {
    /// The working days.
    pub calendar: WorkCalendar,
    /// The links, indexed.
    pub network: Network,
}

impl Scheduler {
    /// Prepares to schedule `project`.
    ///
    /// # Errors
    /// Its links form a loop.
    pub fn new(project: &Project) -> Result<Self, CycleError> {
        let mut calendar = WorkCalendar::new(&project.calendar);
        if let Some((first, last)) = project.date_range() {
            calendar.cover(first, last);
        }
        Ok(Self {
            calendar,
            network: Network::new(project)?,
        })
    }

    /// The place of the item at position `node`.
    pub fn span(&self, project: &Project, node: usize) -> Span {
        span_of(&self.calendar, &project.items[node])
    }

    /// The new places after the items in `changes` (positions and places) took them, with
    /// push-later propagation; only what moves is in the result.
    pub fn plan(&self, project: &Project, changes: &[(usize, Span)]) -> Overlay {
        let mut overlay: Overlay = changes.iter().copied().collect();
        let seeds: Vec<usize> = changes.iter().map(|&(node, _)| node).collect();
        network::propagate(project, &self.calendar, &self.network, &mut overlay, &seeds);
        overlay.retain(|&node, span| *span != self.span(project, node));
        overlay
    }

    /// What `overlay` would do to `project`: every item that moves and every deadline broken.
    pub fn impact(&self, project: &Project, overlay: &Overlay) -> Impact {
        let mut moved: Vec<Moved> = overlay
            .iter()
            .map(|(&node, &span)| {
                let item = &project.items[node];
                let old = self.span(project, node);
                let (start, finish) = dates_of(&self.calendar, item.kind, span);
                Moved {
                    item: item.id,
                    start,
                    finish,
                    start_delta_workdays: span.start - old.start,
                    finish_delta_workdays: span.finish - old.finish,
                }
            })
            .collect();
        moved.sort_by_key(|moved| moved.item);
        let mut breaches: Vec<DeadlineBreach> = moved
            .iter()
            .filter_map(|moved| {
                let item = project.item(moved.item)?;
                breach(&self.calendar, item.id, moved.finish, item.deadline?)
            })
            .collect();
        breaches.sort_by_key(|breach| breach.item);
        Impact { moved, breaches }
    }

    /// Writes `overlay` into `project`.
    pub fn write(&self, project: &mut Project, overlay: &Overlay) {
        network::write(project, &self.calendar, overlay);
    }

    /// Forward and backward pass over `project`, whose links must hold (see
    /// [`network::propagate_all`]).
    pub fn critical_path(&self, project: &Project) -> CriticalPath {
        let spans = network::all_spans(project, &self.calendar, &Overlay::new());
        let (finish, latest) =
            network::latest_finishes(project, &self.calendar, &self.network, &spans);
        let items = project
            .items
            .iter()
            .zip(spans.iter().zip(&latest))
            .map(|(item, (span, &latest_finish))| {
                let float_workdays = latest_finish - span.finish;
                ItemFloat {
                    item: item.id,
                    float_workdays,
                    critical: float_workdays <= 0,
                }
            })
            .collect();
        let breaches = project
            .items
            .iter()
            .filter_map(|item| breach(&self.calendar, item.id, item.finish, item.deadline?))
            .collect();
        CriticalPath {
            project_finish: self.calendar.date_of(finish - 1),
            items,
            breaches,
        }
    }
}

fn breach(
    calendar: &WorkCalendar,
    item: ItemId,
    finish: NaiveDate,
    deadline: NaiveDate,
) -> Option<DeadlineBreach> {
    let after = |date: NaiveDate| date.succ_opt().unwrap_or(date);
    (finish > deadline).then(|| DeadlineBreach {
        item,
        date: finish,
        deadline,
        late_workdays: calendar.workdays_between(after(deadline), after(finish)),
    })
}

/// An item that moves, and by how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// The item.
    pub item: ItemId,
    /// Its new start.
    pub start: NaiveDate,
    /// Its new finish.
    pub finish: NaiveDate,
    /// How far its start moves, in working days.
    pub start_delta_workdays: i64,
    /// How far its finish moves, in working days.
    pub finish_delta_workdays: i64,
}

/// An item whose finish passes its deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineBreach {
    /// The item (usually a milestone).
    pub item: ItemId,
    /// Its (new) date.
    pub date: NaiveDate,
    /// The deadline it passes.
    pub deadline: NaiveDate,
    /// How many working days late.
    pub late_workdays: i64,
}

/// What a prospective change would do, without doing it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// Every item that moves (the changed one included), in id order.
    pub moved: Vec<Moved>,
    /// Every moved item that would pass its deadline, in id order.
    pub breaches: Vec<DeadlineBreach>,
}

/// One item's float.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFloat {
    /// The item.
    pub item: ItemId,
    /// Working days it can slip without delaying the project's latest finish or a deadline.
    pub float_workdays: i64,
    /// Float ≤ 0.
    pub critical: bool,
}

/// The result of the forward and backward pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriticalPath {
    /// The project's latest finish (its last working day).
    pub project_finish: NaiveDate,
    /// Per item, in the project's order.
    pub items: Vec<ItemFloat>,
    /// Items past their deadline, in the project's order.
    pub breaches: Vec<DeadlineBreach>,
}

/// Buffer consumption: `(planned − current) / planned`, 0 when nothing is planned.
pub fn buffer_consumption(calendar: &WorkCalendar, item: &crate::model::Item) -> f64 {
    if item.planned_workdays == 0 {
        return 0.0;
    }
    let planned = f64::from(item.planned_workdays);
    let current = span_of(calendar, item).workdays() as f64;
    ((planned - current) / planned).clamp(0.0, 1.0)
}

/// `project` with the push-later rule applied to every violated link.
///
/// # Errors
/// Its links form a loop.
pub fn settled(project: &Project) -> Result<Project, CycleError> {
    let scheduler = Scheduler::new(project)?;
    let overlay = network::propagate_all(project, &scheduler.calendar, &scheduler.network);
    let mut settled = project.clone();
    scheduler.write(&mut settled, &overlay);
    Ok(settled)
}

/// The output of `milepost schedule`: after applying push-later to violated links, one
/// tab-separated row per item in id order, `id name kind start finish float_workdays critical`.
/// A project whose links form a loop is printed as it is, with zero float.
pub fn schedule_tsv(project: &Project) -> String {
    let mut out = String::from("id\tname\tkind\tstart\tfinish\tfloat_workdays\tcritical\n");
    let (settled, floats) = match settled(project).and_then(|settled| {
        let path = Scheduler::new(&settled)?.critical_path(&settled);
        Ok((settled, path.items))
    }) {
        Ok(found) => found,
        Err(_) => (project.clone(), Vec::new()),
    };
    let mut rows: Vec<usize> = (0..settled.items.len()).collect();
    rows.sort_by_key(|&i| settled.items[i].id);
    for i in rows {
        let item = &settled.items[i];
        let (float, critical) = floats
            .get(i)
            .map_or((0, true), |float| (float.float_workdays, float.critical));
        let name: String = item
            .name
            .chars()
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .collect();
        let row = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            item.id,
            name,
            item.kind.as_str(),
            item.start.format("%Y-%m-%d"),
            item.finish.format("%Y-%m-%d"),
            float,
            critical
        );
        out.push_str(&row);
    }
    out
}
