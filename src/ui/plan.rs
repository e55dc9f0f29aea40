//! Changing the plan from the window: drags on the canvas with their live preview, links, new
//! tasks, keyboard nudges and deletion, and the critical path shown on the timeline.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::i18n::{Message, Noun};
use crate::model::{ItemId, ItemKind, Link, LinkKind};
use crate::schedule::{Impact, WorkCalendar};
use crate::ui::timeline::canvas::CanvasAction;

use super::App;
use super::commands::AddKind;

/// A drag in progress: the edit it would make and what that would do.
pub struct DragPreview {
    /// The prospective edit.
    pub edit: Edit,
    /// New dates of every item that would move.
    pub dates: HashMap<ItemId, (NaiveDate, NaiveDate)>,
    /// The moves and broken deadlines, for the impact card.
    pub impact: Impact,
}

/// `count` of `noun` as words translated when shown.
fn counted(noun: Noun, count: impl TryInto<i64>) -> Message {
    Message::counted(noun, count.try_into().unwrap_or(i64::MAX))
}

impl App {
    /// Carries out what the canvas asked for.
    pub(super) fn canvas_action(&mut self, ctx: &egui::Context, action: CanvasAction) {
        match action {
            CanvasAction::Select(items) => self.view.select(items),
            CanvasAction::ToggleSelect(item) => self.view.toggle_selected(item),
            CanvasAction::Preview(edit) => {
                if self
                    .view
                    .preview
                    .as_ref()
                    .is_some_and(|preview| preview.edit == edit)
                {
                    return;
                }
                // The canvas draws the preview on the next frame.
                ctx.request_repaint();
                self.view.preview = match self.session.history.preview(edit.clone()) {
                    Ok(impact) => Some(DragPreview {
                        dates: impact
                            .moved
                            .iter()
                            .map(|moved| (moved.item, (moved.start, moved.finish)))
                            .collect(),
                        edit,
                        impact,
                    }),
                    // An edit that cannot land shows no preview; releasing explains why.
                    Err(_) => None,
                };
            }
            CanvasAction::CancelPreview => {
                if self.view.preview.take().is_some() {
                    ctx.request_repaint();
                }
            }
            CanvasAction::Commit(edit) => {
                self.view.preview = None;
                match self.finished_item_moved(&edit) {
                    Some((name, milestone)) => {
                        self.dialog = Some(super::dialogs::Dialog::MoveFinished {
                            edit: Box::new(edit),
                            name,
                            milestone,
                        });
                    }
                    None => self.apply(edit),
                }
            }
            CanvasAction::Link { from, to } => self.apply(Edit::AddLink {
                link: Link {
                    from,
                    to,
                    kind: LinkKind::FinishToStart,
                    lag_workdays: 0,
                },
            }),
            CanvasAction::AddTask { lane, date } => self.add_at(AddKind::Task, lane, date),
            CanvasAction::AddMilestone { lane, date } => {
                self.add_at(AddKind::Milestone, lane, date);
            }
            CanvasAction::OpenMeeting(meeting) => self.open_meeting(meeting),
            CanvasAction::SelectLink { from, to } => {
                self.view.select([]);
                self.view.selected_link = Some((from, to));
            }
        }
    }

    /// The name of the finished task or reached milestone `edit` would move or resize, and
    /// whether it is a milestone: such a change is asked about first.
    fn finished_item_moved(&self, edit: &Edit) -> Option<(String, bool)> {
        let (Edit::MoveItem { item, .. } | Edit::ResizeItem { item, .. }) = edit else {
            return None;
        };
        let project = self.project();
        let item = project.item(*item)?;
        let finished = match item.kind {
            ItemKind::Task => item.progress >= 100,
            ItemKind::Milestone => {
                let calendar = WorkCalendar::new(&project.calendar);
                crate::rules::milestone_status(project, &calendar, item, self.today)
                    .is_some_and(|judgement| judgement.status.is_reached())
            }
            ItemKind::Buffer => false,
        };
        finished.then(|| (item.name.clone(), item.kind == ItemKind::Milestone))
    }

    /// Moves every selected item by `workdays` working days, as one undo step.
    pub(super) fn nudge_selection(&mut self, workdays: i64) {
        let project = self.session.history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        let mut ids: Vec<ItemId> = self.view.selection.iter().copied().collect();
        ids.sort_unstable();
        let edits: Vec<Edit> = ids
            .iter()
            .filter_map(|id| project.item(*id))
            .map(|item| Edit::MoveItem {
                item: item.id,
                start: match item.kind {
                    // A milestone's date is its finish; keep it on working days.
                    ItemKind::Milestone => calendar.add_workdays(item.finish, workdays),
                    ItemKind::Task | ItemKind::Buffer => {
                        calendar.add_workdays(calendar.snap_forward(item.start), workdays)
                    }
                },
                with_successors: false,
            })
            .collect();
        if edits.is_empty() {
            return;
        }
        let label = crate::i18n::Message::new("plan.nudge")
            .nest("items", counted(Noun::Items, edits.len()))
            .nest("days", counted(Noun::Workdays, workdays));
        self.apply(Edit::Batch { label, edits });
    }

    /// Deletes every selected item, as one undo step.
    pub(super) fn delete_selection(&mut self) {
        if self.view.selection.is_empty()
            && let Some((from, to)) = self.view.selected_link.take()
        {
            self.apply(Edit::RemoveLink { from, to });
            return;
        }
        let mut ids: Vec<ItemId> = self
            .view
            .selection
            .iter()
            .copied()
            .filter(|id| self.session.history.project().item(*id).is_some())
            .collect();
        if ids.is_empty() {
            return;
        }
        ids.sort_unstable();
        let label =
            crate::i18n::Message::new("plan.delete").nest("items", counted(Noun::Items, ids.len()));
        let edits = ids.iter().map(|&item| Edit::DeleteItem { item }).collect();
        self.apply(Edit::Batch { label, edits });
        self.view.selection.clear();
    }
}
