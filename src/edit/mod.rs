//! Every change a user can make, as a value, and the history that applies and undoes them.
//!
//! The window never changes a project directly: it emits an [`Edit`], and [`History::apply`]
//! checks it, applies it and records one undo step.

use crate::model::{ItemId, Project};

/// A change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Give an item a new name.
    RenameItem {
        /// The item.
        item: ItemId,
        /// Its new name.
        name: String,
    },
}

/// Why an edit was refused. The project is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names an item that does not exist.
    #[error("item {0} does not exist")]
    NoSuchItem(ItemId),
}

/// What an applied edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The words shown in Edit ▸ Undo.
    pub label: String,
}

/// One undoable step: the project before and after, and what to call it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    before: Project,
    after: Project,
}

/// The current project with its undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    project: Project,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts applied, undone and redone steps, to tell whether the project is as saved.
    revision: u64,
    /// Undo depth at the last save; `None` when that state can no longer be reached.
    saved_depth: Option<usize>,
}

impl History {
    /// A history that starts at `project`, marked as saved.
    pub fn new(project: Project) -> Self {
        Self {
            project,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            saved_depth: Some(0),
        }
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Increases whenever the project changes (apply, undo, redo).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` as one undo step.
    ///
    /// # Errors
    /// The edit cannot land; the project is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let before = self.project.clone();
        let mut after = self.project.clone();
        let label = match edit {
            Edit::RenameItem { item, name } => {
                let target = after.item_mut(item).ok_or(EditError::NoSuchItem(item))?;
                let label = crate::tr!(
                    "edit.rename",
                    old = target.name.as_str(),
                    new = name.as_str()
                )
                .into_owned();
                target.name = name;
                label
            }
        };
        self.project = after.clone();
        if self
            .saved_depth
            .is_some_and(|depth| depth > self.undo.len())
        {
            self.saved_depth = None;
        }
        self.undo.push(Step {
            label: label.clone(),
            before,
            after,
        });
        self.redo.clear();
        self.revision += 1;
        Ok(Applied { label })
    }

    /// Takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        self.project = step.before.clone();
        self.redo.push(step);
        self.revision += 1;
        true
    }

    /// Re-applies the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        self.project = step.after.clone();
        self.undo.push(step);
        self.revision += 1;
        true
    }

    /// The label of the step [`Self::undo`] would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The label of the step [`Self::redo`] would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Records that the project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_depth = Some(self.undo.len());
    }

    /// Whether the project differs from what was last saved.
    pub fn is_modified(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }
}
