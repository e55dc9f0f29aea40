//! Pointer gestures on the timeline canvas: what is under the pointer (bars, their edges, the
//! link handle), and the drags that move, resize, link, select or pan.

use chrono::NaiveDate;
use egui::{Pos2, Rect, Stroke, StrokeKind, pos2};

use crate::edit::Edit;
use crate::model::{ItemId, LaneId, Project};
use crate::timeline::layout::{self, DIAMOND_HALF, Mark, Rows, Scene, Viewport};
use crate::timeline::paint::{LINK_HANDLE_RADIUS, LINK_HANDLE_RING, link_handle_centre};
use crate::ui::theme::{self, Palette};

use super::canvas::{CanvasAction, Drag, Grab, TimelineState};

/// Pointer distance, in points, within which an edge of a bar can be grabbed.
const EDGE_REACH: f32 = 6.0;

/// The item and the part of it under `pointer`. Edges get generous zones, larger than the edge
/// itself for thin bars; the link handle sits just beyond the end.
/// The link arrow within a few points of `pointer`, nearest first.
pub fn arrow_at(scene: &Scene, pointer: Pos2) -> Option<&layout::Arrow> {
    const REACH: f32 = 4.0;
    scene
        .arrows
        .iter()
        .map(|arrow| {
            let distance = arrow
                .points
                .windows(2)
                .map(|pair| segment_distance(pointer, pair[0], pair[1]))
                .fold(f32::INFINITY, f32::min);
            (arrow, distance)
        })
        .filter(|(_, distance)| *distance <= REACH)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(arrow, _)| arrow)
}

/// The distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: Pos2, a: (f32, f32), b: (f32, f32)) -> f32 {
    let (ax, ay) = a;
    let (dx, dy) = (b.0 - ax, b.1 - ay);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (((p.x - ax) * dx + (p.y - ay) * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (ax + t * dx, ay + t * dy);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}

pub fn grab_at(scene: &Scene, pointer: Pos2) -> Option<(&layout::Shape, Grab)> {
    for shape in scene.shapes.iter().rev() {
        if (pointer.y - shape.y).abs() > theme::ROW_HEIGHT / 2.0 {
            continue;
        }
        let (handle_x, handle_y) = link_handle_centre(shape);
        if (pointer.x - handle_x).abs() <= LINK_HANDLE_RADIUS + 2.0
            && (pointer.y - handle_y).abs() <= LINK_HANDLE_RADIUS + 3.0
        {
            return Some((shape, Grab::Link));
        }
        match shape.mark {
            Mark::Milestone { .. } => {
                if (pointer.x - shape.x0).abs() <= DIAMOND_HALF + 3.0 {
                    return Some((shape, Grab::Move));
                }
            }
            Mark::Task { .. } | Mark::Buffer { .. } => {
                let width = shape.x1 - shape.x0;
                // On a narrow bar the edge zones reach outwards so the middle stays movable.
                let inner = (width / 3.0).min(EDGE_REACH);
                if pointer.x >= shape.x0 - EDGE_REACH && pointer.x <= shape.x0 + inner {
                    return Some((shape, Grab::Start));
                }
                if pointer.x >= shape.x1 - inner && pointer.x <= shape.x1 + EDGE_REACH {
                    return Some((shape, Grab::Finish));
                }
                if pointer.x > shape.x0 && pointer.x < shape.x1 {
                    return Some((shape, Grab::Move));
                }
            }
        }
    }
    None
}

/// Draws the link handle beyond the end of `shape`, on a ring of canvas.
pub(super) fn link_handle_ui(painter: &egui::Painter, shape: &layout::Shape, palette: &Palette) {
    let (x, y) = link_handle_centre(shape);
    let centre = pos2(x, y);
    painter.circle(
        centre,
        LINK_HANDLE_RADIUS + LINK_HANDLE_RING,
        palette.canvas,
        Stroke::NONE,
    );
    painter.circle(
        centre,
        LINK_HANDLE_RADIUS,
        palette.canvas,
        Stroke::new(1.5, palette.selection),
    );
}

/// The lane a row belongs to: its own for a lane heading, its item's otherwise.
pub(super) fn lane_of_row(rows: &Rows, project: &Project, row: usize) -> Option<LaneId> {
    match rows.rows.get(row)? {
        layout::Row::Lane { lane, .. } => *lane,
        layout::Row::Item { index } => project.items.get(*index)?.lane,
    }
}

/// What the canvas needs to turn pointer gestures into edits.
pub(super) struct Interaction<'a> {
    /// The canvas's `Ui`.
    pub ui: &'a egui::Ui,
    /// The project.
    pub project: &'a Project,
    /// What is drawn.
    pub scene: &'a Scene,
    /// Where.
    pub viewport: &'a Viewport,
    /// The rows area.
    pub rows_rect: Rect,
    /// Colours.
    pub palette: &'a Palette,
    /// The selected items.
    pub selection: &'a std::collections::HashSet<crate::model::ItemId>,
}

impl Interaction<'_> {
    /// Starts, follows and ends drags: move, resize, link, select box, pan.
    pub(super) fn drag_ui(
        &self,
        state: &mut TimelineState,
        response: &egui::Response,
        actions: &mut Vec<CanvasAction>,
    ) {
        let ui = self.ui;
        let (press, modifiers, escape) = ui.input(|input| {
            (
                input.pointer.press_origin(),
                input.modifiers,
                input.key_pressed(egui::Key::Escape),
            )
        });
        if response.drag_started() {
            let grabbed = press
                .filter(|origin| self.rows_rect.contains(*origin))
                .and_then(|origin| grab_at(self.scene, origin).map(|hit| (origin, hit)));
            state.drag = Some(match grabbed {
                _ if modifiers.command => match press {
                    Some(origin) => Drag::Select { origin },
                    None => Drag::Pan,
                },
                Some((origin, (shape, Grab::Link))) => Drag::Link {
                    from: shape.item,
                    start: pos2(origin.x, shape.y),
                },
                Some((origin, (shape, grab))) => Drag::Item {
                    item: shape.item,
                    grab,
                    origin_days: self.viewport.transform.days_from_x(f64::from(origin.x)),
                },
                None => Drag::Pan,
            });
            // A bar taken hold of is selected, as a click would select it (a drag of one of
            // several selected items keeps the selection).
            if let Some(Drag::Item { item, .. }) = state.drag
                && !self.selection.contains(&item)
            {
                actions.push(CanvasAction::Select(vec![item]));
            }
        }
        let pointer = response
            .interact_pointer_pos()
            .or_else(|| response.hover_pos());
        if escape
            && matches!(
                state.drag,
                Some(Drag::Item { .. } | Drag::Link { .. } | Drag::Select { .. })
            )
        {
            state.drag = Some(Drag::Cancelled);
            actions.push(CanvasAction::CancelPreview);
        }
        let released = response.drag_stopped();
        match (state.drag, pointer) {
            (
                Some(Drag::Item {
                    item,
                    grab,
                    origin_days,
                }),
                Some(pointer),
            ) => {
                let shift = modifiers.shift;
                let edit = self.dragged_edit(item, grab, origin_days, pointer, shift);
                match (edit, released) {
                    (Some(edit), true) => {
                        actions.push(CanvasAction::CancelPreview);
                        actions.push(CanvasAction::Commit(edit));
                    }
                    (Some(edit), false) => actions.push(CanvasAction::Preview(edit)),
                    (None, _) => actions.push(CanvasAction::CancelPreview),
                }
            }
            (Some(Drag::Link { from, start }), Some(pointer)) => {
                let target = grab_at(self.scene, pointer)
                    .map(|(shape, _)| shape.item)
                    .filter(|to| *to != from);
                if state.link_target != target {
                    // The next frame draws the new target lit.
                    state.link_target = target;
                    ui.ctx().request_repaint();
                }
                let sketch = ui.painter_at(self.rows_rect);
                let colour = if target.is_some() {
                    self.palette.selection
                } else {
                    self.palette.link
                };
                sketch.line_segment([start, pointer], Stroke::new(1.8, colour));
                sketch.circle_filled(pointer, 3.5, colour);
                if released && let Some(to) = target {
                    actions.push(CanvasAction::Link { from, to });
                }
            }
            (Some(Drag::Select { origin }), Some(pointer)) => {
                let area = Rect::from_two_pos(origin, pointer);
                let sketch = ui.painter_at(self.rows_rect);
                sketch.rect_filled(area, 0.0, self.palette.selection_fill.gamma_multiply(0.5));
                sketch.rect_stroke(
                    area,
                    0.0,
                    Stroke::new(1.0, self.palette.selection),
                    StrokeKind::Inside,
                );
                if released {
                    let chosen = self
                        .scene
                        .shapes
                        .iter()
                        .filter(|shape| {
                            let reach = if matches!(shape.mark, Mark::Milestone { .. }) {
                                DIAMOND_HALF
                            } else {
                                0.0
                            };
                            let extent = Rect::from_min_max(
                                pos2(shape.x0 - reach, shape.y - 6.0),
                                pos2(shape.x1 + reach, shape.y + 6.0),
                            );
                            area.intersects(extent)
                        })
                        .map(|shape| shape.item)
                        .collect();
                    actions.push(CanvasAction::Select(chosen));
                }
            }
            _ => {}
        }
        if released {
            state.drag = None;
        }
    }

    /// The edit a drag of `item` by `grab` to `pointer` makes, or `None` while it has not moved
    /// a whole day. Dates come from where the drag began, so nothing drifts.
    fn dragged_edit(
        &self,
        id: ItemId,
        grab: Grab,
        origin_days: f64,
        pointer: Pos2,
        with_successors: bool,
    ) -> Option<Edit> {
        let item = self.project.item(id)?;
        let delta = (self.viewport.transform.days_from_x(f64::from(pointer.x)) - origin_days)
            .round() as i64;
        if delta == 0 {
            return None;
        }
        let shift = |date: NaiveDate| date.checked_add_signed(chrono::Duration::days(delta));
        match grab {
            Grab::Move | Grab::Link => Some(Edit::MoveItem {
                item: id,
                start: shift(item.start)?,
                with_successors,
            }),
            Grab::Start => {
                let start = shift(item.start)?.min(item.finish);
                (start != item.start).then_some(Edit::ResizeItem {
                    item: id,
                    start,
                    finish: item.finish,
                })
            }
            Grab::Finish => {
                let finish = shift(item.finish)?.max(item.start);
                (finish != item.finish).then_some(Edit::ResizeItem {
                    item: id,
                    start: item.start,
                    finish,
                })
            }
        }
    }
}
