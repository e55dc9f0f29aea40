//! Changing the plan from the window: drags on the canvas with their live preview, links, new
//! tasks, keyboard nudges and deletion, and the critical path shown on the timeline.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::{Item, ItemId, ItemKind, LaneId, Link, LinkKind};
use crate::schedule::{Impact, Scheduler, WorkCalendar, buffer_consumption};
use crate::tr;
use crate::ui::timeline::canvas::CanvasAction;

use super::App;

/// A drag in progress: the edit it would make and what that would do.
pub struct DragPreview {
    /// The prospective edit.
    pub edit: Edit,
    /// New dates of every item that would move.
    pub dates: HashMap<ItemId, (NaiveDate, NaiveDate)>,
    /// The moves and broken deadlines, for the impact card.
    pub impact: Impact,
}

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
}

impl App {
    /// Carries out what the canvas asked for.
    pub(super) fn canvas_action(&mut self, ctx: &egui::Context, action: CanvasAction) {
        match action {
            CanvasAction::Select(items) => self.selection = items.into_iter().collect(),
            CanvasAction::ToggleSelect(item) => {
                if !self.selection.remove(&item) {
                    self.selection.insert(item);
                }
            }
            CanvasAction::Preview(edit) => {
                if self
                    .preview
                    .as_ref()
                    .is_some_and(|preview| preview.edit == edit)
                {
                    return;
                }
                // The canvas draws the preview on the next frame.
                ctx.request_repaint();
                self.preview = match self.history.preview(edit.clone()) {
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
                if self.preview.take().is_some() {
                    ctx.request_repaint();
                }
            }
            CanvasAction::Commit(edit) => {
                self.preview = None;
                self.apply(edit);
            }
            CanvasAction::Link { from, to } => self.apply(Edit::AddLink {
                link: Link {
                    from,
                    to,
                    kind: LinkKind::FinishToStart,
                    lag_workdays: 0,
                },
            }),
            CanvasAction::AddTask { lane, date } => self.add_task(lane, date),
            CanvasAction::OpenMeeting(meeting) => self.open_meeting(meeting),
        }
    }

    /// Adds a five-working-day task starting on `date` (snapped to a working day) in `lane`,
    /// selects it and starts renaming it.
    fn add_task(&mut self, lane: Option<LaneId>, date: NaiveDate) {
        let project = self.history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        let start = calendar.snap_forward(date);
        let finish = calendar.add_workdays(start, 4);
        let id = project.next_item_id();
        let mut item = Item::task(id, tr!("plan.new_task"), start, finish);
        item.lane = lane;
        match self.history.apply(Edit::AddItem { item: item.clone() }) {
            Ok(applied) => {
                self.selection = [id].into();
                self.outline.renaming = Some((id, item.name));
                self.status = Some(applied.label);
            }
            Err(error) => {
                self.show_error(tr!("dialog.error_title").into_owned(), error.to_string());
            }
        }
    }

    /// Moves every selected item by `workdays` working days, as one undo step.
    pub(super) fn nudge_selection(&mut self, workdays: i64) {
        let project = self.history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        let mut ids: Vec<ItemId> = self.selection.iter().copied().collect();
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
        let label = tr!("plan.nudge", count = edits.len(), days = workdays).into_owned();
        self.apply(Edit::Batch { label, edits });
    }

    /// Deletes every selected item, as one undo step.
    pub(super) fn delete_selection(&mut self) {
        let mut ids: Vec<ItemId> = self
            .selection
            .iter()
            .copied()
            .filter(|id| self.history.project().item(*id).is_some())
            .collect();
        if ids.is_empty() {
            return;
        }
        ids.sort_unstable();
        let label = tr!("plan.delete", count = ids.len()).into_owned();
        let edits = ids.iter().map(|&item| Edit::DeleteItem { item }).collect();
        self.apply(Edit::Batch { label, edits });
        self.selection.clear();
    }

    /// The critical path and floats of the current revision, computed once per revision.
    pub(super) fn schedule_facts(&mut self) -> &ScheduleFacts {
        let revision = self.history.revision();
        if self
            .facts
            .as_ref()
            .is_none_or(|facts| facts.revision != revision)
        {
            let project = self.history.project();
            let facts = match Scheduler::new(project) {
                Ok(scheduler) => {
                    let path = scheduler.critical_path(project);
                    ScheduleFacts {
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
                        finish: (!project.items.is_empty()).then_some(path.project_finish),
                        buffer_use: project
                            .items
                            .iter()
                            .filter(|item| item.kind == ItemKind::Buffer)
                            .map(|item| buffer_consumption(&scheduler.calendar, item))
                            .reduce(f64::max),
                        span: project.date_range(),
                    }
                }
                Err(_) => ScheduleFacts {
                    span: project.date_range(),
                    ..ScheduleFacts::empty(revision)
                },
            };
            self.facts = Some(facts);
        }
        self.facts
            .get_or_insert_with(|| ScheduleFacts::empty(revision))
    }
}
