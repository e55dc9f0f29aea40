//! The vocabulary of the painter: colour roles, paints, lines, boxes, the primitives
//! themselves, the measurer they are sized with, and the record a back-end keeps of what it
//! emitted.

use crate::theme::tokens::{Rgb, Tokens};

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
    /// The body of a baseline ghost.
    GhostFill,
    /// The outline of a baseline ghost and the line to where the item is now.
    GhostStroke,
    /// A low risk's badge.
    RiskLow,
    /// A medium risk's badge.
    RiskMedium,
    /// A high risk's badge.
    RiskHigh,
    /// The ring around a risk badge.
    RiskInk,
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
            Self::GhostFill => tokens.ghost_fill,
            Self::GhostStroke => tokens.ghost_stroke,
            Self::RiskLow => tokens.risk_low,
            Self::RiskMedium => tokens.risk_medium,
            Self::RiskHigh => tokens.risk_high,
            Self::RiskInk => tokens.risk_ink,
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
    /// A disc, its outline (if any) lying outside its radius.
    Circle {
        /// The centre.
        centre: (f32, f32),
        /// The radius of the body.
        radius: f32,
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

    /// A record of `kind` through `points` (in points), listed `x, y, x, y, …`.
    pub fn through(kind: &'static str, points: impl IntoIterator<Item = (f32, f32)>) -> Self {
        let flat: Vec<f32> = points.into_iter().flat_map(|(x, y)| [x, y]).collect();
        Self::new(kind, &flat)
    }

    /// A record of a rectangle from `(x0, y0)` to `(x1, y1)` with corner radii `radius`
    /// (clockwise from the top left), all in points.
    pub fn rounded_rect([x0, y0, x1, y1]: [f32; 4], [nw, ne, se, sw]: [f32; 4]) -> Self {
        Self::new("rect", &[x0, y0, x1, y1, nw, ne, se, sw])
    }

    /// A record of the text run `text` starting at `x`, centred on `centre`, `font_size` high.
    pub fn run(text: &str, x: f32, centre: f32, font_size: f32) -> Self {
        Self {
            text: text.to_owned(),
            ..Self::new("text", &[x, centre, font_size])
        }
    }

    /// This record filled with `colour` and outlined with `outline` (its colour and width in
    /// points), each when there is one.
    #[must_use]
    pub fn painted(mut self, colour: Option<[u8; 4]>, outline: Option<([u8; 4], f32)>) -> Self {
        self.colour = colour;
        self.outline = outline.map(|(colour, width)| (colour, hundredths(width)));
        self
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
