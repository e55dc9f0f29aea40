//! The project with its undo and redo stacks.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::record::Delta;
use super::record::Record;
use super::tx::Tx;
use super::{Applied, Edit, EditError, Message};
use crate::model::{Item, ItemId, Project};
use crate::schedule::{DeadlineBreach, Impact, Moved, Scheduler};

/// One undoable step: the changes, in order, and what to call it.
#[derive(Clone, Debug)]
struct Step {
    label: Message,
    deltas: Vec<Delta>,
}

impl Step {
    fn is_structural(&self) -> bool {
        self.deltas.iter().any(Delta::is_structural)
    }
}

/// The next revision handed out, shared by every [`History`] of the process.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A revision no history has used before.
fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The current project with its undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    project: Project,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Changes whenever the project changes; never the same for two states, even of two
    /// different histories, so a cache keyed by it cannot confuse one project with another.
    revision: u64,
    /// Undo depth at the last save; `None` when that state can no longer be reached.
    saved_depth: Option<usize>,
    /// The scheduler for the project as it is, built when first needed.
    scheduler: Option<Scheduler>,
}

impl History {
    /// A history that starts at `project`, marked as saved.
    pub fn new(project: Project) -> Self {
        Self {
            project,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: fresh_revision(),
            saved_depth: Some(0),
            scheduler: None,
        }
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Changes whenever the project changes (apply, undo, redo), and differs between histories.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` as one undo step, re-scheduling what it pushes.
    ///
    /// # Errors
    /// The edit cannot land; the project is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let (label, deltas) = self.run(edit)?;
        let impact = self.impact_of(&deltas);
        let text = label.text();
        if self
            .saved_depth
            .is_some_and(|depth| depth > self.undo.len())
        {
            self.saved_depth = None;
        }
        self.undo.push(Step { label, deltas });
        self.redo.clear();
        self.revision = fresh_revision();
        Ok(Applied {
            label: text,
            impact,
        })
    }

    /// What `edit` would move and which deadlines it would break, without changing anything:
    /// for the canvas during a drag. Exactly what [`Self::apply`] would then do.
    ///
    /// # Errors
    /// The edit would be refused.
    pub fn preview(&mut self, edit: Edit) -> Result<Impact, EditError> {
        let (_, deltas) = self.run(edit)?;
        let impact = self.impact_of(&deltas);
        let structural = deltas.iter().any(Delta::is_structural);
        for delta in deltas.iter().rev() {
            delta.inverse().apply(&mut self.project);
        }
        if structural {
            self.scheduler = None;
        }
        Ok(impact)
    }

    /// Takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for delta in step.deltas.iter().rev() {
            delta.inverse().apply(&mut self.project);
        }
        if step.is_structural() {
            self.scheduler = None;
        }
        self.redo.push(step);
        self.revision = fresh_revision();
        true
    }

    /// Re-applies the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for delta in &step.deltas {
            delta.apply(&mut self.project);
        }
        if step.is_structural() {
            self.scheduler = None;
        }
        self.undo.push(step);
        self.revision = fresh_revision();
        true
    }

    /// The label of the step [`Self::undo`] would take back, in the current language.
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|step| step.label.text())
    }

    /// The label of the step [`Self::redo`] would re-apply, in the current language.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|step| step.label.text())
    }

    /// How many steps [`Self::undo`] can take back.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Records that the project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_depth = Some(self.undo.len());
    }

    /// Whether the project differs from what was last saved.
    pub fn is_modified(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }

    /// Runs `edit` on the project; on refusal everything is taken back.
    fn run(&mut self, edit: Edit) -> Result<(Message, Vec<Delta>), EditError> {
        let scheduler = match self.scheduler.take() {
            Some(scheduler) => scheduler,
            None => Scheduler::new(&self.project).map_err(|error| EditError::Cycle(error.named))?,
        };
        let mut tx = Tx {
            project: &mut self.project,
            deltas: Vec::new(),
            scheduler,
            stale: false,
        };
        match tx.edit(edit) {
            Ok(label) => {
                let deltas = std::mem::take(&mut tx.deltas);
                let fresh = !tx.stale;
                let scheduler = tx.scheduler;
                if fresh {
                    self.scheduler = Some(scheduler);
                }
                Ok((label, deltas))
            }
            Err(error) => {
                let deltas = std::mem::take(&mut tx.deltas);
                let stale = tx.stale;
                let scheduler = tx.scheduler;
                for delta in deltas.iter().rev() {
                    delta.inverse().apply(&mut self.project);
                }
                if !stale {
                    self.scheduler = Some(scheduler);
                }
                Err(error)
            }
        }
    }

    /// The items whose dates `deltas` changed, and their broken deadlines.
    fn impact_of(&self, deltas: &[Delta]) -> Impact {
        let mut first: HashMap<ItemId, Item> = HashMap::new();
        for delta in deltas {
            if let Delta::Replace {
                before: Record::Item(before),
                ..
            } = delta
            {
                first.entry(before.id).or_insert_with(|| before.clone());
            }
        }
        if first.is_empty() {
            return Impact::default();
        }
        let calendar = match &self.scheduler {
            Some(scheduler) => scheduler.calendar.clone(),
            None => crate::schedule::WorkCalendar::new(&self.project.calendar),
        };
        let mut moved = Vec::new();
        let mut breaches = Vec::new();
        for (id, before) in first {
            let Some(after) = self.project.item(id) else {
                continue;
            };
            if before.start == after.start && before.finish == after.finish {
                continue;
            }
            moved.push(Moved {
                item: id,
                start: after.start,
                finish: after.finish,
                start_delta_workdays: calendar.workdays_between(before.start, after.start),
                finish_delta_workdays: calendar.workdays_between(before.finish, after.finish),
            });
            if let Some(deadline) = after.deadline
                && after.finish > deadline
            {
                let next = |date: NaiveDate| date.succ_opt().unwrap_or(date);
                breaches.push(DeadlineBreach {
                    item: id,
                    date: after.finish,
                    deadline,
                    late_workdays: calendar.workdays_between(next(deadline), next(after.finish)),
                });
            }
        }
        moved.sort_by_key(|moved| moved.item);
        breaches.sort_by_key(|breach| breach.item);
        Impact { moved, breaches }
    }
}
