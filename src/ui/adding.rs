//! Edit ▸ Add task, Add milestone and Add lane, and moving the selection through the outline
//! from the keyboard: where a new item lands and which row ↑ and ↓ go to.
//!
//! Not for the double-click on a row (that is the canvas's, in [`super::plan`]).

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::{Item, ItemId, Lane, LaneId, next_id};
use crate::schedule::WorkCalendar;
use crate::timeline::layout::Row;
use crate::tr;

use super::App;
use super::commands::AddKind;
use super::panels::Tab;

/// The egui id of the inspector's name field, which Enter puts the keyboard in.
pub const NAME_FIELD: &str = "inspector_name";

impl App {
    /// Adds a task or a milestone below the selection (in its lane, starting after it), or
    /// without a selection on today (the project's start when today is outside the project),
    /// in the first lane; selects it and scrolls to it.
    pub(super) fn add_item(&mut self, kind: AddKind) {
        let project = self.session.history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        let below = self
            .view
            .selection
            .iter()
            .filter_map(|id| project.item(*id))
            .max_by_key(|item| (item.finish, item.id));
        let (lane, date) = match below {
            Some(item) => (item.lane, calendar.add_workdays(item.finish, 1)),
            None => (project.lanes.first().map(|lane| lane.id), self.start_date()),
        };
        self.add_at(kind, lane, date);
    }

    /// Adds a task (five working days) or a milestone in `lane` on `date`, snapped forward to
    /// a working day; selects it, scrolls to it and starts naming it.
    pub(super) fn add_at(&mut self, kind: AddKind, lane: Option<LaneId>, date: NaiveDate) {
        let project = self.session.history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        let start = calendar.snap_forward(date);
        let id = project.next_item_id();
        let mut item = match kind {
            AddKind::Task => Item::task(
                id,
                tr!("plan.new_task"),
                start,
                calendar.add_workdays(start, 4),
            ),
            AddKind::Milestone => Item::milestone(id, tr!("plan.new_milestone"), start),
        };
        item.lane = lane;
        self.add_and_select(Edit::AddItem { item }, id);
    }

    /// Where an item added without a selection starts: today inside the project's dates (or
    /// in an empty project), else the project's first day.
    fn start_date(&self) -> NaiveDate {
        match self.project().date_range() {
            Some((first, last)) if !(first..=last).contains(&self.today) => first,
            _ => self.today,
        }
    }

    /// Applies the adding `edit`; on success selects `item`, scrolls to its row and starts
    /// naming it.
    fn add_and_select(&mut self, edit: Edit, item: ItemId) {
        match self.session.history.apply(edit) {
            Ok(applied) => {
                self.status = Some(applied.label);
                self.reveal_item(item);
                // Its name is being typed at once, the default selected to be typed over.
                if let Some(added) = self.project().item(item) {
                    self.view.outline.renaming = Some((item, added.name.clone()));
                }
            }
            Err(error) => {
                self.show_error(tr!("dialog.error_title").into_owned(), error.to_string());
            }
        }
    }

    /// Adds a lane at the end, named "Lane N".
    pub(super) fn add_lane(&mut self) {
        let project = self.project();
        let lane = Lane {
            id: LaneId(next_id(project.lanes.iter().map(|lane| lane.id.0))),
            name: tr!("menu.new_lane_numbered", number = project.lanes.len() + 1).into_owned(),
        };
        self.apply(Edit::AddLane { lane });
    }

    /// ↑ / ↓: selects the item row above or below the selection in the outline (Shift keeps
    /// the selection and adds it); with nothing selected, the first or the last item.
    pub(super) fn move_selection(&mut self, down: bool, extend: bool) {
        let revision = self.session.history.revision();
        let project = self.session.history.project();
        let rows = self.view.timeline.rows(project, revision);
        let order: Vec<ItemId> = rows
            .rows
            .iter()
            .filter_map(|row| match row {
                Row::Item { index } => project.items.get(*index).map(|item| item.id),
                Row::Lane { .. } => None,
            })
            .collect();
        let selected: Vec<usize> = order
            .iter()
            .enumerate()
            .filter(|(_, id)| self.view.selection.contains(id))
            .map(|(position, _)| position)
            .collect();
        let next = match (down, selected.first(), selected.last()) {
            (true, _, Some(&last)) => (last + 1).min(order.len().saturating_sub(1)),
            (false, Some(&first), _) => first.saturating_sub(1),
            (true, _, None) => 0,
            (false, None, _) => order.len().saturating_sub(1),
        };
        let Some(&item) = order.get(next) else {
            return;
        };
        let before = std::mem::take(&mut self.view.selection);
        self.reveal_item(item);
        if extend {
            self.view.selection.extend(before);
        }
    }

    /// Enter: shows the inspector and puts the keyboard in its name field.
    pub(super) fn focus_name(&mut self, ctx: &egui::Context) {
        if self.view.single_selection().is_none() {
            return;
        }
        self.view.panels.tab = Tab::Inspector;
        ctx.memory_mut(|memory| memory.request_focus(egui::Id::unique(NAME_FIELD)));
    }
}
