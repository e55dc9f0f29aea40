//! The one painter of the timeline: turns the [`layout`](super::layout) of a view into a list of
//! drawing primitives (rectangles, lines, polygons and text runs with a measured width), each in
//! a colour [`Role`] rather than a colour. The window (`ui::timeline::paint_egui`) and the
//! exported picture ([`crate::export::svg`]) are thin back-ends that draw these lists, so the
//! screen and the export show the same picture. Not for gestures, hit testing or tooltips, which
//! stay in the window, nor for the export's title block and left column.

use chrono::NaiveDate;

use crate::i18n::Language;
use crate::model::Project;
use crate::theme::tokens::{Rgb, Tokens};

use super::header::header_units;
use super::layout::{self, BAR_HEIGHT, DIAMOND_HALF, Mark, Row, Rows, Scene, Viewport};
use super::transform::days_from_date;

/// What a primitive is painted with: one of the design tokens, never a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The background.
    Canvas,
    /// A lane heading row.
    LaneFill,
    /// Every other item row.
    RowStripe,
    /// Main text.
    Text,
    /// Secondary text.
    TextMuted,
    /// Text on a task bar.
    TextOnBar,
    /// Task outline and progress.
    Task,
    /// Task body.
    TaskFill,
    /// A task at a previewed new place.
    TaskMoved,
    /// The body of a task at a previewed new place.
    TaskMovedFill,
    /// Behind names written beside bars.
    LabelBackdrop,
    /// Milestone diamonds.
    Milestone,
    /// A healthy buffer.
    Good,
    /// A buffer to watch.
    Warning,
    /// A consumed buffer; a breached deadline.
    Danger,
    /// Deadline flags.
    Deadline,
    /// The critical path.
    Critical,
    /// Link arrows.
    Link,
    /// The today line.
    Today,
    /// The time header.
    HeaderFill,
    /// Weekend shading.
    Weekend,
    /// Holiday shading.
    Holiday,
    /// Row separators and header ticks.
    Grid,
    /// The header's bottom line.
    GridStrong,
    /// Guide lines through the rows.
    GridFaint,
    /// Selection and hover outlines.
    Selection,
}

impl Role {
    /// The colour of this role in a set of design tokens.
    pub fn rgb(self, tokens: &Tokens) -> Rgb {
        match self {
            Self::Canvas => tokens.canvas,
            Self::LaneFill => tokens.lane_fill,
            Self::RowStripe => tokens.row_stripe,
            Self::Text => tokens.text,
            Self::TextMuted => tokens.text_muted,
            Self::TextOnBar => tokens.text_on_bar,
            Self::Task => tokens.task,
            Self::TaskFill => tokens.task_fill,
            Self::TaskMoved => tokens.task_moved,
            Self::TaskMovedFill => tokens.task_moved_fill,
            Self::LabelBackdrop => tokens.label_backdrop,
            Self::Milestone => tokens.milestone,
            Self::Good => tokens.good,
            Self::Warning => tokens.warning,
            Self::Danger => tokens.danger,
            Self::Deadline => tokens.deadline,
            Self::Critical => tokens.critical,
            Self::Link => tokens.link,
            Self::Today => tokens.today,
            Self::HeaderFill => tokens.header_fill,
            Self::Weekend => tokens.weekend,
            Self::Holiday => tokens.holiday,
            Self::Grid => tokens.grid,
            Self::GridStrong => tokens.grid_strong,
            Self::GridFaint => tokens.grid_faint,
            Self::Selection => tokens.selection,
        }
    }
}

/// A role and how opaque it is painted (1.0: fully).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// The token.
    pub role: Role,
    /// From 0.0 (invisible) to 1.0.
    pub opacity: f32,
}

impl Paint {
    /// `role`, fully opaque.
    pub const fn solid(role: Role) -> Self {
        Self { role, opacity: 1.0 }
    }

    /// `role` at `opacity`.
    pub const fn faded(role: Role, opacity: f32) -> Self {
        Self { role, opacity }
    }
}

/// A line's width and paint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Width in points.
    pub width: f32,
    /// Colour.
    pub paint: Paint,
}

impl Line {
    /// A line `width` points wide in `paint`.
    pub const fn new(width: f32, paint: Paint) -> Self {
        Self { width, paint }
    }
}

/// Where a rectangle's outline lies relative to its edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Wholly inside the rectangle.
    Inside,
    /// Wholly outside it.
    Outside,
}

/// An axis-aligned box in picture coordinates (points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Box2 {
    /// The box from `(x0, y0)` to `(x1, y1)`.
    pub const fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Self { x0, y0, x1, y1 }
    }

    /// The part of this box inside `other` (empty boxes have `x1 < x0` or `y1 < y0`).
    #[must_use]
    pub fn intersect(self, other: Self) -> Self {
        Self {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        }
    }
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// A rectangle with rounded corners.
    Rect {
        /// Where.
        rect: Box2,
        /// Corner radii: north-west, north-east, south-east, south-west.
        radius: [f32; 4],
        /// The body, if filled.
        fill: Option<Paint>,
        /// The outline, if any, and where it lies.
        stroke: Option<(Line, Edge)>,
    },
    /// An open polyline (a segment when it has two points).
    Polyline {
        /// The points, in order.
        points: Vec<(f32, f32)>,
        /// The line.
        line: Line,
    },
    /// A closed convex polygon.
    Polygon {
        /// The corners, in order.
        points: Vec<(f32, f32)>,
        /// The body.
        fill: Paint,
        /// The outline, if any.
        stroke: Option<Line>,
    },
    /// A run of text on one line.
    Text {
        /// Left edge.
        x: f32,
        /// Top of the line box.
        y: f32,
        /// Its measured width and line height.
        size: (f32, f32),
        /// The type size in points.
        font_size: f32,
        /// The text.
        text: String,
        /// Colour.
        paint: Paint,
    },
    /// Everything until the matching [`Prim::PopClip`] is clipped to this box (and to every
    /// clip around it).
    PushClip(Box2),
    /// Ends the innermost clip.
    PopClip,
}

/// Measures text for the painter, with the fonts the picture is drawn with.
pub trait Measure {
    /// Width and line height of `text` in one line at `font_size` points.
    fn size(&self, text: &str, font_size: f32) -> (f32, f32);
}

/// The zone a buffer is in, from how much of it is used (0.0 to 1.0), as the role it is drawn
/// in. The one place the timeline decides it.
pub fn buffer_zone(consumption: f32) -> Role {
    if consumption >= 0.66 {
        Role::Danger
    } else if consumption >= 0.33 {
        Role::Warning
    } else {
        Role::Good
    }
}

/// How one item is drawn beyond its geometry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemLook {
    /// Selected: a strong outline.
    pub selected: bool,
    /// Under the pointer: a light outline.
    pub hovered: bool,
}

/// Height of one row at scale 1, in points.
pub const ROW_HEIGHT: f32 = 26.0;
/// Height of the two-row time header, in points.
pub const HEADER_HEIGHT: f32 = 44.0;
/// Size of item names.
pub const LABEL_SIZE: f32 = 13.0;
/// Size of owners written after names.
pub const OWNER_SIZE: f32 = 11.5;

/// Everything the painter needs to draw one view of the timeline.
pub struct View<'a> {
    /// The project (its calendar and people).
    pub project: &'a Project,
    /// The rows shown.
    pub rows: &'a Rows,
    /// Where rows and dates are.
    pub viewport: &'a Viewport,
    /// The bars, diamonds and arrows placed in it.
    pub scene: &'a Scene,
    /// The whole area drawn: the background, row bands and the header band span its width.
    pub canvas: Box2,
    /// Top of the two-row time header.
    pub header_top: f32,
    /// Height of the time header.
    pub header_height: f32,
    /// Today, for the today line.
    pub today: NaiveDate,
    /// The language of the header.
    pub language: Language,
    /// How much larger marks and type are drawn (1.0 when editing).
    pub scale: f32,
    /// Selection and hover of an item.
    pub look: &'a dyn Fn(&layout::Shape) -> ItemLook,
    /// Measures text.
    pub measure: &'a dyn Measure,
}

/// The primitives of a view in the order they are drawn, in three layers so that a back-end
/// can put its own drawings between them (the window's baseline ghosts and risk badges).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    /// Background, row bands, shading, guides and the today line.
    pub background: Vec<Prim>,
    /// Link arrows, bars, diamonds, buffers and labels.
    pub marks: Vec<Prim>,
    /// The time header.
    pub header: Vec<Prim>,
}

impl Layers {
    /// Every primitive, in drawing order.
    pub fn all(&self) -> impl Iterator<Item = &Prim> {
        self.background
            .iter()
            .chain(&self.marks)
            .chain(&self.header)
    }
}

/// Paints `view`.
pub fn paint(view: &View<'_>) -> Layers {
    Layers {
        background: background(view),
        marks: marks(view),
        header: header(view),
    }
}

/// The area of the dates below the header, where shading, guides and marks are clipped.
fn dates_area(view: &View<'_>) -> Box2 {
    let viewport = view.viewport;
    Box2::new(
        viewport.x_range.0,
        viewport.y_range.0,
        viewport.x_range.1,
        viewport.y_range.1,
    )
}

fn filled(rect: Box2, radius: f32, role: Paint) -> Prim {
    Prim::Rect {
        rect,
        radius: [radius; 4],
        fill: Some(role),
        stroke: None,
    }
}

fn segment(from: (f32, f32), to: (f32, f32), line: Line) -> Prim {
    Prim::Polyline {
        points: vec![from, to],
        line,
    }
}

fn background(view: &View<'_>) -> Vec<Prim> {
    let mut out = vec![filled(view.canvas, 0.0, Paint::solid(Role::Canvas))];
    let viewport = view.viewport;
    let area = dates_area(view);
    out.push(Prim::PushClip(Box2::new(
        view.canvas.x0,
        area.y0,
        view.canvas.x1,
        area.y1,
    )));
    // Lane bands, row stripes and separators across the whole width.
    for row in view.scene.rows.clone() {
        let top = viewport.rows_top_y + row as f32 * viewport.row_height;
        let bottom = top + viewport.row_height;
        let band = Box2::new(view.canvas.x0, top, view.canvas.x1, bottom);
        match view.rows.rows.get(row) {
            Some(Row::Lane { .. }) => out.push(filled(band, 0.0, Paint::solid(Role::LaneFill))),
            Some(Row::Item { .. }) if row % 2 == 0 => {
                out.push(filled(band, 0.0, Paint::solid(Role::RowStripe)));
            }
            Some(Row::Item { .. }) | None => {}
        }
        out.push(segment(
            (band.x0, bottom - 0.5),
            (band.x1, bottom - 0.5),
            Line::new(1.0, Paint::solid(Role::Grid)),
        ));
    }
    out.push(Prim::PopClip);
    out.push(Prim::PushClip(area));
    shading(view, area, &mut out);
    guides(view, area, &mut out);
    let x = viewport
        .transform
        .x_from_days(days_from_date(view.today) + 0.5) as f32;
    if x >= area.x0 && x <= area.x1 {
        out.push(segment(
            (x, area.y0),
            (x, area.y1),
            Line::new(2.0, Paint::solid(Role::Today)),
        ));
    }
    out.push(Prim::PopClip);
    out
}

/// Holidays always, weekends once a day is wide enough to see them; runs of days are one
/// rectangle.
fn shading(view: &View<'_>, area: Box2, out: &mut Vec<Prim>) {
    let transform = &view.viewport.transform;
    let points_per_day = transform.points_per_day();
    if points_per_day < 1.5 {
        return;
    }
    let calendar = &view.project.calendar;
    let show_weekends = points_per_day >= 8.0;
    let first = transform.date_from_x(f64::from(area.x0));
    let last = transform.date_from_x(f64::from(area.x1));
    let mut run: Option<(NaiveDate, NaiveDate, Role)> = None;
    let flush = |run: Option<(NaiveDate, NaiveDate, Role)>, out: &mut Vec<Prim>| {
        if let Some((first, last, role)) = run {
            let x0 = transform.x_from_date(first) as f32;
            let x1 = transform.x_from_date_end(last) as f32;
            out.push(filled(
                Box2::new(x0, area.y0, x1, area.y1),
                0.0,
                Paint::solid(role),
            ));
        }
    };
    for day in first.iter_days().take_while(|day| *day <= last) {
        let role = if calendar.is_working_day(day) {
            None
        } else if calendar
            .holidays
            .iter()
            .any(|holiday| holiday.from <= day && day <= holiday.to)
        {
            Some(Role::Holiday)
        } else if show_weekends {
            Some(Role::Weekend)
        } else {
            None
        };
        run = match (run, role) {
            (Some((first, _, current)), Some(role)) if current == role => Some((first, day, role)),
            (previous, role) => {
                flush(previous, out);
                role.map(|role| (day, day, role))
            }
        };
    }
    flush(run, out);
}

/// Faint lines through the rows at the boundaries of the header's finer unit.
fn guides(view: &View<'_>, area: Box2, out: &mut Vec<Prim>) {
    let transform = &view.viewport.transform;
    let (_, unit) = header_units(transform.points_per_day());
    let mut boundary = unit.floor(transform.date_from_x(f64::from(area.x0)));
    for _ in 0..5000 {
        let x = transform.x_from_date(boundary) as f32;
        if x > area.x1 {
            break;
        }
        if x >= area.x0 {
            out.push(segment(
                (x, area.y0),
                (x, area.y1),
                Line::new(1.0, Paint::solid(Role::GridFaint)),
            ));
        }
        boundary = unit.next(boundary);
    }
}

/// The band that holds the time header, across the whole width, with its bottom line.
pub fn header_band(canvas_x: (f32, f32), top: f32, height: f32) -> Vec<Prim> {
    let band = Box2::new(canvas_x.0, top, canvas_x.1, top + height);
    vec![
        filled(band, 0.0, Paint::solid(Role::HeaderFill)),
        segment(
            (band.x0, band.y1 - 0.5),
            (band.x1, band.y1 - 0.5),
            Line::new(1.0, Paint::solid(Role::GridStrong)),
        ),
    ]
}

fn header(view: &View<'_>) -> Vec<Prim> {
    let transform = &view.viewport.transform;
    let (left, right) = view.viewport.x_range;
    let height = view.header_height;
    let mut out = header_band((view.canvas.x0, view.canvas.x1), view.header_top, height);
    out.push(Prim::PushClip(Box2::new(
        left,
        view.header_top,
        right,
        view.header_top + height,
    )));
    // The header keeps its height, so its type grows less than the rows'.
    let header_scale = view.scale.min(1.2);
    let (top_unit, bottom_unit) = header_units(transform.points_per_day());
    let half = height / 2.0;
    for (unit, y0, strong) in [
        (top_unit, view.header_top, true),
        (bottom_unit, view.header_top + half, false),
    ] {
        let mut boundary = unit.floor(transform.date_from_x(f64::from(left)));
        for _ in 0..5000 {
            let next = unit.next(boundary);
            let x0 = transform.x_from_date(boundary) as f32;
            let x1 = transform.x_from_date(next) as f32;
            if x0 > right {
                break;
            }
            out.push(segment(
                (x0, y0),
                (x0, y0 + half),
                Line::new(1.0, Paint::solid(Role::Grid)),
            ));
            // Labels are long or short by the shortest unit at this zoom, so that neighbours
            // read alike (February is not abbreviated while January is written out).
            let label = unit.label(
                boundary,
                unit.shortest_days() * transform.points_per_day() as f32,
                view.language,
            );
            let font_size = if strong { 13.0 } else { 12.0 } * header_scale;
            let (width, line_height) = view.measure.size(&label, font_size);
            // Only the part of a unit inside the dates has room for its label.
            let visible_x0 = x0.max(left);
            let room = x1.min(right) - visible_x0;
            if width + 6.0 <= room {
                // Keep the label of a unit that starts off the dates visible at their left edge.
                let x = if strong {
                    (x0 + 6.0).max(left + 6.0).min(x1 - width - 4.0)
                } else {
                    visible_x0 + (room - width) / 2.0
                };
                out.push(Prim::Text {
                    x,
                    y: y0 + (half - line_height) / 2.0,
                    size: (width, line_height),
                    font_size,
                    text: label,
                    paint: Paint::solid(if strong { Role::Text } else { Role::TextMuted }),
                });
            }
            boundary = next;
        }
        if strong {
            out.push(segment(
                (left, y0 + half),
                (right, y0 + half),
                Line::new(1.0, Paint::solid(Role::Grid)),
            ));
        }
    }
    out.push(Prim::PopClip);
    out
}

fn marks(view: &View<'_>) -> Vec<Prim> {
    let area = dates_area(view);
    let mut out = vec![Prim::PushClip(area)];
    for arrow in &view.scene.arrows {
        arrow_prims(arrow, &mut out);
    }
    for shape in &view.scene.shapes {
        shape_prims(view, shape, area, &mut out);
    }
    out.push(Prim::PopClip);
    out
}

fn arrow_prims(arrow: &layout::Arrow, out: &mut Vec<Prim>) {
    let (role, width) = if arrow.critical {
        (Role::Critical, 1.8)
    } else {
        (Role::Link, 1.2)
    };
    out.push(Prim::Polyline {
        points: arrow.points.clone(),
        line: Line::new(width, Paint::solid(role)),
    });
    if let Some(&(x, y)) = arrow.points.last() {
        let direction = if arrow.points_right { 1.0 } else { -1.0 };
        let back = x - direction * 6.0;
        out.push(Prim::Polygon {
            points: vec![(x, y), (back, y - 4.0), (back, y + 4.0)],
            fill: Paint::solid(role),
            stroke: None,
        });
    }
}

/// The owner of the item a shape draws, as written after its name.
fn owner_text(project: &Project, shape: &layout::Shape) -> Option<String> {
    project
        .items
        .get(shape.index)
        .and_then(|item| item.owner)
        .and_then(|owner| project.person(owner))
        .map(|person| format!("· {}", person.name))
}

fn shape_prims(view: &View<'_>, shape: &layout::Shape, area: Box2, out: &mut Vec<Prim>) {
    let look = (view.look)(shape);
    let scale = view.scale;
    let y = shape.y;
    let bar_height = BAR_HEIGHT * scale;
    let half_height = bar_height / 2.0;
    let outline = if look.selected {
        Some(Line::new(2.0, Paint::solid(Role::Selection)))
    } else if look.hovered {
        Some(Line::new(1.5, Paint::faded(Role::Selection, 0.6)))
    } else if shape.critical {
        Some(Line::new(1.5, Paint::solid(Role::Critical)))
    } else {
        None
    };
    let mut label_role = Role::Text;
    let mut label = shape.label.clone();
    let font_size = LABEL_SIZE * scale;
    let (label_width, label_height) = view.measure.size(&label.text, font_size);
    match shape.mark {
        Mark::Task { progress } => {
            let width = (shape.x1 - shape.x0).max(2.0);
            let bar = Box2::new(shape.x0, y - half_height, shape.x0 + width, y + half_height);
            let (fill, strong) = if shape.moved {
                (Role::TaskMovedFill, Role::TaskMoved)
            } else {
                (Role::TaskFill, Role::Task)
            };
            out.push(filled(bar, 3.0, Paint::solid(fill)));
            // Progress as a strip along the bottom, so the name stays readable on the bar.
            if progress > 0.0 {
                out.push(Prim::Rect {
                    rect: Box2::new(bar.x0, bar.y1 - 4.0, bar.x0 + width * progress, bar.y1),
                    radius: [0.0, 0.0, if progress >= 1.0 { 3.0 } else { 0.0 }, 3.0],
                    fill: Some(Paint::solid(strong)),
                    stroke: None,
                });
            }
            out.push(Prim::Rect {
                rect: bar,
                radius: [3.0; 4],
                fill: None,
                stroke: Some((Line::new(1.0, Paint::solid(strong)), Edge::Inside)),
            });
            if let Some(outline) = outline {
                out.push(Prim::Rect {
                    rect: bar,
                    radius: [3.0; 4],
                    fill: None,
                    stroke: Some((outline, Edge::Outside)),
                });
            }
            if label.inside {
                // A bar that begins before the dates has its name where they begin.
                let visible_x = label.x.max(area.x0 + 6.0);
                if visible_x + label_width + 6.0 <= bar.x1 {
                    label.x = visible_x;
                    label_role = Role::TextOnBar;
                } else {
                    label.inside = false;
                    label.x = bar.x1 + 6.0;
                }
            }
        }
        Mark::Milestone {
            deadline_x,
            breached,
        } => {
            let role = if breached {
                Role::Danger
            } else if shape.moved {
                Role::TaskMoved
            } else {
                Role::Milestone
            };
            if let Some(deadline_x) = deadline_x {
                let top = y - half_height - 1.0;
                out.push(segment(
                    (deadline_x, top),
                    (deadline_x, y + half_height + 1.0),
                    Line::new(1.5, Paint::solid(Role::Deadline)),
                ));
                out.push(Prim::Polygon {
                    points: vec![
                        (deadline_x, top),
                        (deadline_x - 4.0 * scale, top - 4.0 * scale),
                        (deadline_x + 4.0 * scale, top - 4.0 * scale),
                    ],
                    fill: Paint::solid(Role::Deadline),
                    stroke: None,
                });
            }
            let r = DIAMOND_HALF * scale;
            let x = shape.x0;
            out.push(Prim::Polygon {
                points: vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
                fill: Paint::solid(role),
                stroke: outline,
            });
            if breached {
                label_role = Role::Danger;
            }
        }
        Mark::Buffer { consumption } => {
            let zone = buffer_zone(consumption);
            let width = (shape.x1 - shape.x0).max(2.0);
            let bar = Box2::new(
                shape.x0,
                y - half_height + 2.0,
                shape.x0 + width,
                y + half_height - 2.0,
            );
            out.push(filled(bar, 2.0, Paint::faded(zone, 0.25)));
            // Hatching so a buffer never reads as a task.
            out.push(Prim::PushClip(bar));
            let height = bar.y1 - bar.y0;
            let mut x = bar.x0 - height;
            while x < bar.x1 {
                out.push(segment(
                    (x, bar.y1),
                    (x + height, bar.y0),
                    Line::new(1.0, Paint::faded(zone, 0.8)),
                ));
                x += 5.0;
            }
            out.push(Prim::PopClip);
            out.push(Prim::Rect {
                rect: bar,
                radius: [2.0; 4],
                fill: None,
                stroke: Some((Line::new(1.2, Paint::solid(zone)), Edge::Inside)),
            });
            if look.selected
                && let Some(outline) = outline
            {
                out.push(Prim::Rect {
                    rect: bar,
                    radius: [2.0; 4],
                    fill: None,
                    stroke: Some((outline, Edge::Outside)),
                });
            }
        }
    }
    let top = y - label_height / 2.0 - if label.inside { 1.5 } else { 0.0 };
    let text = Prim::Text {
        x: label.x,
        y: top,
        size: (label_width, label_height),
        font_size,
        text: label.text,
        paint: Paint::solid(label_role),
    };
    if label.inside {
        out.push(Prim::PushClip(Box2::new(
            shape.x0,
            y - half_height,
            shape.x1 - 2.0,
            y + half_height,
        )));
        out.push(text);
        out.push(Prim::PopClip);
        return;
    }
    // A soft backdrop keeps names readable where arrows and guide lines pass behind them.
    out.push(filled(
        Box2::new(
            label.x - 2.0,
            top,
            label.x + label_width + 2.0,
            top + label_height,
        ),
        2.0,
        Paint::solid(Role::LabelBackdrop),
    ));
    out.push(text);
    if let Some(owner) = owner_text(view.project, shape) {
        let owner_size = OWNER_SIZE * scale;
        let (width, height) = view.measure.size(&owner, owner_size);
        let x = label.x + label_width + 6.0;
        let top = y - height / 2.0;
        out.push(filled(
            Box2::new(x - 2.0, top, x + width + 2.0, top + height),
            2.0,
            Paint::solid(Role::LabelBackdrop),
        ));
        out.push(Prim::Text {
            x,
            y: top,
            size: (width, height),
            font_size: owner_size,
            text: owner,
            paint: Paint::solid(Role::TextMuted),
        });
    }
}

/// The right edge of everything `layers` draws outside clips: how wide a picture must be for
/// the last names to show.
pub fn text_right(layers: &Layers) -> f32 {
    layers
        .marks
        .iter()
        .filter_map(|prim| match prim {
            Prim::Text { x, size, .. } => Some(x + size.0),
            _ => None,
        })
        .fold(f32::MIN, f32::max)
}

/// What a back-end actually emitted for one primitive, in its own terms turned back into plain
/// numbers: the kind, the geometry rounded to hundredths, the colour with its opacity, and the
/// text. Two back-ends that drew the same picture record equal lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// `rect`, `line`, `polygon`, `text`, `clip` or `unclip`.
    pub kind: &'static str,
    /// Coordinates in the order the back-end used them, in hundredths of a point.
    pub coords: Vec<i64>,
    /// Fill colour, premultiplied RGBA, when there is one.
    pub colour: Option<[u8; 4]>,
    /// Line colour (premultiplied RGBA) and width in hundredths, when there is one.
    pub outline: Option<([u8; 4], i64)>,
    /// The text of a text run.
    pub text: String,
}

impl Drawn {
    /// A record of `kind` at `coords` (in points).
    pub fn new(kind: &'static str, coords: &[f32]) -> Self {
        Self {
            kind,
            coords: coords.iter().map(|value| hundredths(*value)).collect(),
            colour: None,
            outline: None,
            text: String::new(),
        }
    }
}

/// A length in hundredths of a point, as records compare them.
pub fn hundredths(value: f32) -> i64 {
    (value * 100.0).round() as i64
}

/// A token at an opacity as premultiplied RGBA, rounded as the window rounds it.
pub fn premultiplied(rgb: Rgb, opacity: f32) -> [u8; 4] {
    let channel = |value: u8| (f32::from(value) * opacity + 0.5) as u8;
    if opacity >= 1.0 {
        [rgb.0, rgb.1, rgb.2, 255]
    } else {
        [channel(rgb.0), channel(rgb.1), channel(rgb.2), channel(255)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffer_zones_follow_consumption() {
        assert_eq!(buffer_zone(0.0), Role::Good, "unused");
        assert_eq!(buffer_zone(0.32), Role::Good, "below a third");
        assert_eq!(buffer_zone(0.33), Role::Warning, "a third");
        assert_eq!(buffer_zone(0.65), Role::Warning, "below two thirds");
        assert_eq!(buffer_zone(0.66), Role::Danger, "two thirds");
        assert_eq!(buffer_zone(1.0), Role::Danger, "all used");
    }
}
