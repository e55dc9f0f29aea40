//! The timeline canvas in egui: its state, navigation (scroll, pan, zoom, fit), clicks and
//! tooltips; hit testing and drags are in `gestures`, the impact card in `impact`. What it shows
//! is painted by [`crate::timeline::paint`] and drawn by [`super::paint_egui`].

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use egui::{Pos2, Rect, RichText, Sense, pos2};

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{ItemId, LaneId, Project};
use crate::schedule::{Impact, WorkCalendar};
use crate::timeline::fonts::FontMeasure;
use crate::timeline::layout::{self, Overlay, Rows, Scene, Viewport};
use crate::timeline::paint::{self, Box2, ItemLook, LABEL_SIZE, Layers, View};
use crate::timeline::tooltip::{TooltipLine, TooltipStyle, tooltip_lines};
use crate::timeline::transform::Transform;
use crate::tr;
use crate::ui::theme::{self, Palette};

use super::gestures::{Interaction, lane_of_row, link_handle_ui};
use super::impact::impact_card_ui;
use super::paint_egui::EguiPainter;

pub use super::gestures::grab_at;

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
    pub(super) drag: Option<Drag>,
    /// How much larger rows, marks and type are drawn (1.0 when editing; larger to present).
    pub scale: f32,
    /// What gestures may do: edit, or only look.
    pub gestures: Gestures,
    /// What the open right-click menu was opened on.
    context: Option<crate::ui::context_menu::Target>,
    /// The bar a link being dragged would land on, drawn lit.
    pub(crate) link_target: Option<ItemId>,
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
pub(super) enum Drag {
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
            context: None,
            link_target: None,
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
    /// Add a milestone in a lane, on a date.
    AddMilestone {
        /// The lane of the row.
        lane: Option<LaneId>,
        /// The date.
        date: NaiveDate,
    },
    /// Select the link from `from` to `to` (its arrow was clicked).
    SelectLink {
        /// Predecessor.
        from: ItemId,
        /// Successor.
        to: ItemId,
    },
}

/// Everything the canvas needs from the window for one frame.
pub struct CanvasInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its revision, to know when to rebuild rows.
    pub revision: u64,
    /// Selected items.
    pub selection: &'a HashSet<ItemId>,
    /// The selected link (from, to), if any.
    pub selected_link: Option<(ItemId, ItemId)>,
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
    /// A modal dialog covers the canvas (or opens over it this frame, before egui knows):
    /// nothing under the pointer is lit and no tooltip shows.
    pub covered: bool,
}

/// What a frame of the canvas produced.
pub struct CanvasOutput {
    /// The scene drawn, to find items on screen.
    pub scene: Scene,
    /// Requests for the window.
    pub actions: Vec<CanvasAction>,
    /// Commands chosen in the right-click menu.
    pub commands: Vec<crate::ui::Command>,
    /// How many baseline ghosts were drawn.
    pub ghosts: usize,
    /// The primitives the painter made and the canvas drew (the link handle, the gestures'
    /// sketches and the meeting markers are the window's own, on top).
    pub layers: Layers,
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

    // Precomputed over the project's dates, so that counting is a lookup however far they lie.
    let calendar = project.date_range().map_or_else(
        || WorkCalendar::new(&project.calendar),
        |(first, last)| WorkCalendar::covering(&project.calendar, first, last),
    );
    let workdays =
        |start: NaiveDate, finish: NaiveDate| -> u32 { calendar.workdays_in(start, finish) as u32 };
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
        .filter(|pointer| rows_rect.contains(*pointer) && state.drag.is_none() && !input.covered)
        .and_then(|pointer| grab_at(&scene, pointer))
        .map(|(shape, _)| shape.item)
        .filter(|_| state.gestures == Gestures::Edit);
    // While a link is dragged, the bar it would land on is lit as under the pointer.
    let link_target = state.link_target;
    let look = |shape: &layout::Shape| ItemLook {
        selected: input.selection.contains(&shape.item),
        hovered: hovered == Some(shape.item) || link_target == Some(shape.item),
    };
    let ghost_marks = input.baseline.map_or_else(Vec::new, |baseline| {
        crate::timeline::ghosts::ghosts(project, &state.rows, &viewport, baseline)
    });
    let layers = paint::paint(&View {
        project,
        rows: &state.rows,
        viewport: &viewport,
        scene: &scene,
        ghosts: &ghost_marks,
        badges: input.risk_badges,
        canvas: Box2::new(rect.left(), rect.top(), rect.right(), rect.bottom()),
        header_top: rect.top(),
        header_height: HEADER_HEIGHT,
        today: input.today,
        language: input.language,
        scale,
        look: &look,
        measure: &FontMeasure,
        lane_names: state.gestures == Gestures::LookOnly,
        selected_link: input.selected_link,
        meeting_marks: true,
        link_handles: state.gestures == Gestures::Edit,
    });
    let mut back_end = EguiPainter::new(painter.clone(), palette, false);
    back_end.draw(&layers.background);
    let rows_painter = painter.with_clip_rect(rows_rect);
    let ghosts = ghost_marks.len();
    back_end.draw(&layers.ghosts);
    back_end.draw(&layers.marks);
    back_end.draw(&layers.badges);
    back_end.draw(&layers.header);
    if let Some(meeting) = super::markers::markers_ui(ui, &state.transform, rect, input) {
        actions.push(CanvasAction::OpenMeeting(meeting));
    }
    if state.gestures == Gestures::LookOnly {
        read_only_ui(ui, state, input, &response, &scene, rows_rect, &calendar);
        return CanvasOutput {
            scene,
            actions,
            commands: Vec::new(),
            ghosts,
            layers,
        };
    }

    let interaction = Interaction {
        ui,
        project,
        scene: &scene,
        viewport: &viewport,
        rows_rect,
        palette,
        selection: input.selection,
    };
    interaction.drag_ui(state, &response, &mut actions);
    if !matches!(state.drag, Some(Drag::Link { .. })) {
        state.link_target = None;
    }
    if let Some(impact) = input.impact
        && let Some(Drag::Item { item, grab, .. }) = state.drag
    {
        let resized = matches!(grab, Grab::Start | Grab::Finish).then_some(item);
        let dragged_y = scene
            .shapes
            .iter()
            .find(|shape| shape.item == item)
            .map_or(rect.top(), |shape| shape.y);
        impact_card_ui(
            ui,
            project,
            impact,
            resized,
            dragged_y,
            rect,
            input.language,
            palette,
        );
    }

    // Hover tooltip, cursor and clicks on items.
    let dragging = state.drag.is_some();
    if let Some(pointer) = response.hover_pos()
        && rows_rect.contains(pointer)
        && let Some((shape, grab)) = grab_at(&scene, pointer)
    {
        let item_id = shape.item;
        if !dragging && !input.covered {
            ui.ctx().set_cursor_icon(match grab {
                Grab::Move => egui::CursorIcon::Grab,
                Grab::Start | Grab::Finish => egui::CursorIcon::ResizeHorizontal,
                Grab::Link => egui::CursorIcon::Crosshair,
            });
            link_handle_ui(&rows_painter, shape, palette);
            if let Some(item) = project.items.get(shape.index) {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    tooltip_ui(ui, project, item, input, &calendar);
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
        let arrow = response
            .interact_pointer_pos()
            .filter(|pointer| rows_rect.contains(*pointer))
            .and_then(|pointer| super::gestures::arrow_at(&scene, pointer));
        actions.push(match arrow {
            Some(arrow) => CanvasAction::SelectLink {
                from: arrow.from,
                to: arrow.to,
            },
            None => CanvasAction::Select(Vec::new()),
        });
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
    let mut commands = Vec::new();
    if state.gestures == Gestures::Edit {
        context_menu(
            state,
            &response,
            &scene,
            &viewport,
            rows_rect,
            project,
            &mut commands,
        );
    }
    CanvasOutput {
        scene,
        actions,
        commands,
        ghosts,
        layers,
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
    calendar: &WorkCalendar,
) {
    if response.drag_started() {
        state.drag = Some(Drag::Pan);
    }
    if response.drag_stopped() {
        state.drag = None;
    }
    if state.drag.is_none()
        && !input.covered
        && let Some(pointer) = response.hover_pos()
        && rows_rect.contains(pointer)
        && let Some((shape, _)) = grab_at(scene, pointer)
        && let Some(item) = input.project.items.get(shape.index)
    {
        response.clone().on_hover_ui_at_pointer(|ui| {
            tooltip_ui(ui, input.project, item, input, calendar);
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
    calendar: &WorkCalendar,
) {
    let lines = tooltip_lines(
        project,
        item,
        calendar,
        input.today,
        input.language,
        input.floats,
    );
    for TooltipLine { text, style } in lines {
        match style {
            TooltipStyle::Title => {
                ui.strong(text);
            }
            TooltipStyle::Plain => {
                ui.label(text);
            }
            TooltipStyle::Critical => {
                ui.label(RichText::new(text).color(input.palette.critical));
            }
        }
    }
    if let Some(badges) = input.risk_badges {
        super::badges::tooltip_ui(ui, badges.risks(item.id), input.palette);
    }
}

/// The right-click menu: its target is what was under the pointer when it opened (an item, an
/// arrow, or the background of a row on a date).
fn context_menu(
    state: &mut TimelineState,
    response: &egui::Response,
    scene: &Scene,
    viewport: &Viewport,
    rows_rect: Rect,
    project: &Project,
    commands: &mut Vec<crate::ui::Command>,
) {
    use crate::ui::context_menu::{Target, context_menu_ui};
    if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        state.context = if !rows_rect.contains(pointer) {
            None
        } else if let Some((shape, _)) = grab_at(scene, pointer) {
            Some(Target::Item(shape.item))
        } else if let Some(arrow) = super::gestures::arrow_at(scene, pointer) {
            Some(Target::Link {
                from: arrow.from,
                to: arrow.to,
            })
        } else {
            let lane = viewport
                .row_at(pointer.y, state.rows.len())
                .and_then(|row| lane_of_row(&state.rows, project, row));
            Some(Target::Background {
                lane,
                date: state.transform.date_from_x(f64::from(pointer.x)),
            })
        };
        // What the menu is for is what is selected, as a left click would.
        if let Some(Target::Item(item)) = state.context {
            commands.push(crate::ui::Command::Select(vec![item]));
        }
    }
    let Some(target) = state.context else {
        return;
    };
    if response
        .context_menu(|ui| context_menu_ui(ui, project, target, commands))
        .is_none()
    {
        state.context = None;
    }
}
