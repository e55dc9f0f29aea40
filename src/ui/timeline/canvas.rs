//! The timeline canvas in egui: navigation (scroll, pan, zoom, fit), hit testing, and the
//! gestures that become edits, with tooltips and the impact card. What it shows is painted by
//! [`crate::timeline::paint`] and drawn by [`super::paint_egui`].

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use egui::{Pos2, Rect, RichText, Sense, Stroke, StrokeKind, pos2};

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{ItemId, ItemKind, LaneId, Project};
use crate::schedule::Impact;
use crate::timeline::fonts::FontMeasure;
use crate::timeline::layout::{self, DIAMOND_HALF, Mark, Overlay, Rows, Scene, Viewport};
use crate::timeline::paint::{self, Box2, ItemLook, LABEL_SIZE, View};
use crate::timeline::transform::Transform;
use crate::tr;
use crate::ui::theme::{self, Palette};

use super::paint_egui::EguiPainter;

/// Height of the two-row time header, in points.
pub use crate::timeline::paint::HEADER_HEIGHT;

/// The view of the timeline: kept between frames, never saved in the project.
pub struct TimelineState {
    /// Dates ⇄ x.
    pub transform: Transform,
    /// How far the rows are scrolled, in points.
    pub scroll_y: f32,
    /// Lanes whose items are hidden (`None` is the group of items in no lane).
    collapsed: HashSet<Option<LaneId>>,
    /// Whether the critical path is highlighted.
    pub show_critical: bool,
    /// Fit the project into view on the next frame.
    pub fit_pending: bool,
    /// Centre today on the next frame.
    pub today_pending: bool,
    /// The rows, rebuilt when the project or the collapsed lanes change.
    rows: Rows,
    /// The project revision the rows were built for; `None` when they must be rebuilt.
    rows_key: Option<u64>,
    /// The gesture in progress, if any.
    drag: Option<Drag>,
    /// How much larger rows, marks and type are drawn (1.0 when editing; larger to present).
    pub scale: f32,
    /// What gestures may do: edit, or only look.
    pub gestures: Gestures,
}

/// What gestures on the canvas may do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Gestures {
    /// Select, move, resize, link and add: editing.
    #[default]
    Edit,
    /// Pan, hover and fit only; nothing is selected or changed (presentation).
    LookOnly,
}

/// A drag on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// Dragging the background moves the view.
    Pan,
    /// Moving or resizing an item; dates follow the pointer's distance from `origin_days`.
    Item {
        /// The item held.
        item: ItemId,
        /// Which part of it.
        grab: Grab,
        /// The day number under the pointer when the drag began.
        origin_days: f64,
    },
    /// Drawing a link out of an item's end.
    Link {
        /// The predecessor.
        from: ItemId,
        /// Where the line starts.
        start: Pos2,
    },
    /// Ctrl + drag on the background: a selection box.
    Select {
        /// The corner where it began.
        origin: Pos2,
    },
    /// Esc was pressed: ignore the rest of this drag.
    Cancelled,
}

/// The part of an item a pointer holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grab {
    /// The body: moves the item.
    Move,
    /// The left edge: changes the start.
    Start,
    /// The right edge: changes the finish.
    Finish,
    /// The handle beyond the end: draws a link.
    Link,
}

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            transform: Transform::default(),
            scroll_y: 0.0,
            collapsed: HashSet::new(),
            show_critical: false,
            fit_pending: true,
            today_pending: false,
            rows: Rows::default(),
            rows_key: None,
            drag: None,
            scale: 1.0,
            gestures: Gestures::Edit,
        }
    }
}

impl TimelineState {
    /// The rows for `project` at `revision`, rebuilt only when something changed.
    pub fn rows(&mut self, project: &Project, revision: u64) -> &Rows {
        if self.rows_key != Some(revision) {
            self.rows = Rows::new(project, &self.collapsed);
            self.rows_key = Some(revision);
        }
        &self.rows
    }

    /// Forgets the cached rows (a new project was opened).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Shows or hides the items of a lane.
    pub fn toggle_lane(&mut self, lane: Option<LaneId>) {
        if !self.collapsed.remove(&lane) {
            self.collapsed.insert(lane);
        }
        self.rows_key = None;
    }

    /// Height of one row at this state's scale, in points.
    pub fn row_height(&self) -> f32 {
        theme::ROW_HEIGHT * self.scale
    }

    /// Scrolls the rows by `dy` points, within the rows' height.
    pub fn scroll_by(&mut self, dy: f32, visible_height: f32) {
        let row_height = self.row_height();
        let content = self.rows.len() as f32 * row_height;
        let max = (content - visible_height + row_height).max(0.0);
        self.scroll_y = (self.scroll_y + dy).clamp(0.0, max);
    }
}

/// Something the canvas asks of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasAction {
    /// Select these items (empty: nothing).
    Select(Vec<ItemId>),
    /// Add or remove an item from the selection.
    ToggleSelect(ItemId),
    /// A drag in progress would make this change: show its impact.
    Preview(Edit),
    /// The drag ended: make this change (one undo step).
    Commit(Edit),
    /// No change is pending any more (Esc, or back where it started).
    CancelPreview,
    /// Link two items finish-to-start.
    Link {
        /// Predecessor.
        from: ItemId,
        /// Successor.
        to: ItemId,
    },
    /// Add a task in a lane, starting on a date.
    AddTask {
        /// The lane of the row double-clicked.
        lane: Option<LaneId>,
        /// The date under the pointer.
        date: NaiveDate,
    },
    /// Show a meeting (its marker on the ruler was clicked).
    OpenMeeting(crate::model::MeetingId),
}

/// Everything the canvas needs from the window for one frame.
pub struct CanvasInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its revision, to know when to rebuild rows.
    pub revision: u64,
    /// Selected items.
    pub selection: &'a HashSet<ItemId>,
    /// Today, for the today line.
    pub today: NaiveDate,
    /// The language of labels.
    pub language: Language,
    /// Colours.
    pub palette: &'a Palette,
    /// Items on the critical path, when it is shown.
    pub critical: Option<&'a HashSet<ItemId>>,
    /// Dates to draw instead of the items' own (a drag in progress).
    pub preview: Option<&'a HashMap<ItemId, (NaiveDate, NaiveDate)>>,
    /// What the drag in progress would do, for the impact card.
    pub impact: Option<&'a Impact>,
    /// Float in working days per item, for tooltips.
    pub floats: Option<&'a HashMap<ItemId, i64>>,
    /// The baseline whose ghosts are drawn under the bars, when the overlay is on.
    pub baseline: Option<&'a crate::model::Baseline>,
    /// The open risks of each item, for the risk badges and tooltips.
    pub risk_badges: Option<&'a crate::timeline::badges::RiskBadges>,
}

/// What a frame of the canvas produced.
pub struct CanvasOutput {
    /// The scene drawn, to find items on screen.
    pub scene: Scene,
    /// Requests for the window.
    pub actions: Vec<CanvasAction>,
    /// How many baseline ghosts were drawn.
    pub ghosts: usize,
}

/// Draws the timeline into the remaining space of `ui`.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    state: &mut TimelineState,
    input: &CanvasInput<'_>,
) -> CanvasOutput {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr!("timeline.label")));
    let palette = input.palette;
    let project = input.project;
    state.transform.left_x_points = f64::from(rect.left());
    if state.fit_pending {
        fit(state, project, rect.width());
        state.fit_pending = false;
    }
    if state.today_pending {
        state
            .transform
            .centre_on(input.today, f64::from(rect.width()));
        state.today_pending = false;
    }
    let rows_rect = Rect::from_min_max(pos2(rect.left(), rect.top() + HEADER_HEIGHT), rect.max);
    navigate(ui, state, &response, rect, rows_rect);

    let mut actions = Vec::new();
    let revision = input.revision;
    state.rows(project, revision);
    let viewport = Viewport {
        transform: state.transform,
        rows_top_y: rows_rect.top() - state.scroll_y,
        row_height: state.row_height(),
        x_range: (rect.left(), rect.right()),
        y_range: (rows_rect.top(), rows_rect.bottom()),
    };
    let painter = ui.painter_at(rect);

    let workdays = |start: NaiveDate, finish: NaiveDate| -> u32 {
        start
            .iter_days()
            .take_while(|day| *day <= finish)
            .take(3660)
            .filter(|day| project.calendar.is_working_day(*day))
            .count() as u32
    };
    let scale = state.scale;
    let measure = |text: &str| FontMeasure::width(text, LABEL_SIZE * scale);
    let overlay = Overlay {
        preview: input.preview,
        critical: input.critical,
        workdays: &workdays,
        measure: &measure,
    };
    let scene = layout::scene(project, &state.rows, &viewport, &overlay);

    let hovered = response
        .hover_pos()
        .filter(|pointer| rows_rect.contains(*pointer) && state.drag.is_none())
        .and_then(|pointer| grab_at(&scene, pointer))
        .map(|(shape, _)| shape.item)
        .filter(|_| state.gestures == Gestures::Edit);
    let look = |shape: &layout::Shape| ItemLook {
        selected: input.selection.contains(&shape.item),
        hovered: hovered == Some(shape.item),
    };
    let layers = paint::paint(&View {
        project,
        rows: &state.rows,
        viewport: &viewport,
        scene: &scene,
        canvas: Box2::new(rect.left(), rect.top(), rect.right(), rect.bottom()),
        header_top: rect.top(),
        header_height: HEADER_HEIGHT,
        today: input.today,
        language: input.language,
        scale,
        look: &look,
        measure: &FontMeasure,
    });
    let mut back_end = EguiPainter::new(painter.clone(), palette, false);
    back_end.draw(&layers.background);
    let rows_painter = painter.with_clip_rect(rows_rect);
    let ghosts = input.baseline.map_or(0, |baseline| {
        let ghosts = crate::timeline::ghosts::ghosts(project, &state.rows, &viewport, baseline);
        super::ghosts::ghosts_ui(&rows_painter, &ghosts, palette)
    });
    back_end.draw(&layers.marks);
    if let Some(badges) = input.risk_badges {
        super::badges::badges_ui(&rows_painter, &scene, badges, palette);
    }
    back_end.draw(&layers.header);
    if let Some(meeting) = super::markers::markers_ui(ui, &state.transform, rect, input) {
        actions.push(CanvasAction::OpenMeeting(meeting));
    }
    if state.gestures == Gestures::LookOnly {
        read_only_ui(ui, state, input, &response, &scene, rows_rect, &workdays);
        return CanvasOutput {
            scene,
            actions,
            ghosts,
        };
    }

    let interaction = Interaction {
        ui,
        project,
        scene: &scene,
        viewport: &viewport,
        rows_rect,
        palette,
    };
    interaction.drag_ui(state, &response, &mut actions);
    if let Some(impact) = input.impact
        && matches!(state.drag, Some(Drag::Item { .. }))
    {
        impact_card_ui(ui, project, impact, rect, input.language, palette);
    }

    // Hover tooltip, cursor and clicks on items.
    let dragging = state.drag.is_some();
    if let Some(pointer) = response.hover_pos()
        && rows_rect.contains(pointer)
        && let Some((shape, grab)) = grab_at(&scene, pointer)
    {
        let item_id = shape.item;
        if !dragging {
            ui.ctx().set_cursor_icon(match grab {
                Grab::Move => egui::CursorIcon::Grab,
                Grab::Start | Grab::Finish => egui::CursorIcon::ResizeHorizontal,
                Grab::Link => egui::CursorIcon::Crosshair,
            });
            link_handle_ui(&rows_painter, shape, palette);
            if let Some(item) = project.items.get(shape.index) {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    tooltip_ui(ui, project, item, input, &workdays);
                });
            }
        }
        if response.clicked() {
            if ui.input(|input| input.modifiers.command) {
                actions.push(CanvasAction::ToggleSelect(item_id));
            } else {
                actions.push(CanvasAction::Select(vec![item_id]));
            }
        }
    } else if response.clicked() {
        actions.push(CanvasAction::Select(Vec::new()));
    }
    if response.double_clicked()
        && let Some(pointer) = response.hover_pos()
        && grab_at(&scene, pointer).is_none()
    {
        if let Some(row) = viewport
            .row_at(pointer.y, state.rows.len())
            .filter(|_| rows_rect.contains(pointer))
        {
            let lane = lane_of_row(&state.rows, project, row);
            let date = state.transform.date_from_x(f64::from(pointer.x));
            actions.push(CanvasAction::AddTask { lane, date });
        } else {
            state.fit_pending = true;
            ui.ctx().request_repaint();
        }
    }
    CanvasOutput {
        scene,
        actions,
        ghosts,
    }
}

/// The gestures of a read-only canvas: drag the background to pan, hover for details,
/// double-click to fit. Nothing is selected or changed.
fn read_only_ui(
    ui: &egui::Ui,
    state: &mut TimelineState,
    input: &CanvasInput<'_>,
    response: &egui::Response,
    scene: &Scene,
    rows_rect: Rect,
    workdays: &dyn Fn(NaiveDate, NaiveDate) -> u32,
) {
    if response.drag_started() {
        state.drag = Some(Drag::Pan);
    }
    if response.drag_stopped() {
        state.drag = None;
    }
    if state.drag.is_none()
        && let Some(pointer) = response.hover_pos()
        && rows_rect.contains(pointer)
        && let Some((shape, _)) = grab_at(scene, pointer)
        && let Some(item) = input.project.items.get(shape.index)
    {
        response.clone().on_hover_ui_at_pointer(|ui| {
            tooltip_ui(ui, input.project, item, input, workdays);
        });
    }
    if response.double_clicked() {
        state.fit_pending = true;
        ui.ctx().request_repaint();
    }
}

/// Fits the whole project into a canvas `width` points wide.
fn fit(state: &mut TimelineState, project: &Project, width: f32) {
    if let Some((first, last)) = project.date_range() {
        state.transform.fit(first, last, f64::from(width), 40.0);
        state.transform.left_x_points = 0.0;
    }
}

/// Wheel, pinch and background drag.
fn navigate(
    ui: &egui::Ui,
    state: &mut TimelineState,
    response: &egui::Response,
    rect: Rect,
    rows_rect: Rect,
) {
    let left = f64::from(rect.left());
    state.transform.left_x_points = left;
    if response.hovered() {
        let (scroll, zoom, pointer) = ui.input(|input| {
            (
                input.smooth_scroll_delta,
                input.zoom_delta(),
                input.pointer.hover_pos(),
            )
        });
        if (zoom - 1.0).abs() > f32::EPSILON
            && let Some(pointer) = pointer
        {
            state
                .transform
                .zoom_at(f64::from(pointer.x), f64::from(zoom));
        } else {
            if scroll.x != 0.0 {
                state.transform.pan(f64::from(scroll.x));
            }
            if scroll.y != 0.0 {
                state.scroll_by(-scroll.y, rows_rect.height());
            }
        }
    }
    if state.drag == Some(Drag::Pan) && response.dragged() {
        let delta = response.drag_delta();
        state.transform.pan(f64::from(delta.x));
        state.scroll_by(-delta.y, rows_rect.height());
    }
    if response.dragged_by(egui::PointerButton::Middle) {
        let delta = response.drag_delta();
        state.transform.pan(f64::from(delta.x));
        state.scroll_by(-delta.y, rows_rect.height());
    }
}

/// Paints the band at the top of `rect` that holds the time header (and, in the outline, the
/// column headings), so both line up; returns it.
pub fn header_band_ui(painter: &egui::Painter, rect: Rect, palette: &Palette) -> Rect {
    let header = Rect::from_min_size(rect.min, egui::vec2(rect.width(), HEADER_HEIGHT));
    EguiPainter::new(painter.clone(), palette, false).draw(&paint::header_band(
        (rect.left(), rect.right()),
        rect.top(),
        HEADER_HEIGHT,
    ));
    header
}

fn tooltip_ui(
    ui: &mut egui::Ui,
    project: &Project,
    item: &crate::model::Item,
    input: &CanvasInput<'_>,
    workdays: &dyn Fn(NaiveDate, NaiveDate) -> u32,
) {
    let language = input.language;
    ui.strong(&item.name);
    let date = |date: NaiveDate| crate::ui::short_date_long(date, language);
    match item.kind {
        ItemKind::Milestone => {
            ui.label(tr!("tooltip.milestone_date", date = date(item.finish)));
            if let Some(deadline) = item.deadline {
                ui.label(tr!("tooltip.deadline", date = date(deadline)));
            }
        }
        ItemKind::Task | ItemKind::Buffer => {
            ui.label(tr!(
                "tooltip.dates",
                start = date(item.start),
                finish = date(item.finish)
            ));
            let count = if item.start > item.finish {
                0
            } else {
                workdays(item.start, item.finish)
            };
            ui.label(tr!("tooltip.workdays", count = count));
        }
    }
    if let Some(owner) = item.owner.and_then(|id| project.person(id)) {
        ui.label(tr!("tooltip.owner", name = owner.name.as_str()));
    }
    if item.kind == ItemKind::Task {
        ui.label(tr!("tooltip.progress", percent = item.progress));
    }
    if let Some(&float) = input.floats.and_then(|floats| floats.get(&item.id)) {
        if float <= 0 {
            ui.label(
                RichText::new(tr!("tooltip.critical", float = float)).color(input.palette.critical),
            );
        } else {
            ui.label(tr!("tooltip.float", float = float));
        }
    }
    if let Some(badges) = input.risk_badges {
        super::badges::tooltip_ui(ui, badges.risks(item.id), input.palette);
    }
}

/// Pointer distance, in points, within which an edge of a bar can be grabbed.
const EDGE_REACH: f32 = 6.0;

/// The item and the part of it under `pointer`. Edges get generous zones, larger than the edge
/// itself for thin bars; the link handle sits just beyond the end.
pub fn grab_at(scene: &Scene, pointer: Pos2) -> Option<(&layout::Shape, Grab)> {
    for shape in scene.shapes.iter().rev() {
        if (pointer.y - shape.y).abs() > theme::ROW_HEIGHT / 2.0 {
            continue;
        }
        let end = match shape.mark {
            Mark::Milestone { .. } => shape.x1 + DIAMOND_HALF,
            Mark::Task { .. } | Mark::Buffer { .. } => shape.x1,
        };
        if (pointer.x - (end + LINK_HANDLE_OFFSET)).abs() <= LINK_HANDLE_RADIUS + 2.0
            && (pointer.y - shape.y).abs() <= LINK_HANDLE_RADIUS + 3.0
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

/// How far beyond an item's end the link handle sits, and its size.
const LINK_HANDLE_OFFSET: f32 = 12.0;
const LINK_HANDLE_RADIUS: f32 = 4.5;

fn link_handle_ui(painter: &egui::Painter, shape: &layout::Shape, palette: &Palette) {
    let end = match shape.mark {
        Mark::Milestone { .. } => shape.x1 + DIAMOND_HALF,
        Mark::Task { .. } | Mark::Buffer { .. } => shape.x1,
    };
    let centre = pos2(end + LINK_HANDLE_OFFSET, shape.y);
    painter.circle(
        centre,
        LINK_HANDLE_RADIUS + 1.5,
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
fn lane_of_row(rows: &Rows, project: &Project, row: usize) -> Option<LaneId> {
    match rows.rows.get(row)? {
        layout::Row::Lane { lane, .. } => *lane,
        layout::Row::Item { index } => project.items.get(*index)?.lane,
    }
}

/// What the canvas needs to turn pointer gestures into edits.
struct Interaction<'a> {
    ui: &'a egui::Ui,
    project: &'a Project,
    scene: &'a Scene,
    viewport: &'a Viewport,
    rows_rect: Rect,
    palette: &'a Palette,
}

impl Interaction<'_> {
    /// Starts, follows and ends drags: move, resize, link, select box, pan.
    fn drag_ui(
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

/// The card shown during a drag: what moves, by how much, and which deadlines break.
fn impact_card_ui(
    ui: &egui::Ui,
    project: &Project,
    impact: &Impact,
    canvas: Rect,
    language: Language,
    palette: &Palette,
) {
    const SHOWN: usize = 8;
    let position = pos2(canvas.right() - 340.0, canvas.top() + HEADER_HEIGHT + 12.0);
    egui::Area::new(egui::Id::unique("impact_card"))
        .order(egui::Order::Foreground)
        .fixed_pos(position)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(310.0);
                ui.label(
                    RichText::new(tr!(
                        one_or_many(impact.moved.len(), "impact.title"),
                        count = impact.moved.len()
                    ))
                    .strong(),
                );
                for moved in impact.moved.iter().take(SHOWN) {
                    let name = project
                        .item(moved.item)
                        .map_or("?", |item| item.name.as_str());
                    let delta = moved.finish_delta_workdays;
                    let sign = if delta > 0 { "+" } else { "" };
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!("{sign}{delta}"))
                                .monospace()
                                .color(palette.task_moved),
                        );
                        ui.label(format!(
                            "{name} → {}",
                            crate::ui::short_date(moved.finish, language)
                        ));
                    });
                }
                if impact.moved.len() > SHOWN {
                    ui.label(
                        RichText::new(tr!("impact.more", count = impact.moved.len() - SHOWN))
                            .color(palette.text_muted),
                    );
                }
                if impact.breaches.is_empty() {
                    ui.label(RichText::new(tr!("impact.no_breach")).color(palette.good));
                } else {
                    ui.separator();
                    ui.label(
                        RichText::new(tr!(
                            one_or_many(impact.breaches.len(), "impact.breaches"),
                            count = impact.breaches.len()
                        ))
                        .strong()
                        .color(palette.danger),
                    );
                    for breach in &impact.breaches {
                        let name = project
                            .item(breach.item)
                            .map_or("?", |item| item.name.as_str());
                        ui.label(
                            RichText::new(tr!(
                                one_or_many(
                                    breach.late_workdays.unsigned_abs() as usize,
                                    "impact.breach"
                                ),
                                name = name,
                                deadline = crate::ui::short_date(breach.deadline, language),
                                late = breach.late_workdays
                            ))
                            .color(palette.danger),
                        );
                    }
                }
                ui.label(
                    RichText::new(tr!("impact.hint"))
                        .small()
                        .color(palette.text_muted),
                );
            });
        });
}

/// The key of a message for one thing (`KEY_one`) or for any other number (`KEY`).
fn one_or_many(count: usize, key: &'static str) -> &'static str {
    match (count, key) {
        (1, "impact.title") => "impact.title_one",
        (1, "impact.breaches") => "impact.breaches_one",
        (1, "impact.breach") => "impact.breach_one",
        _ => key,
    }
}
