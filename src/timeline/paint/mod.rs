//! The one painter of the timeline: turns the [`layout`](super::layout) of a view into a list of
//! drawing primitives (rectangles, lines, polygons and text runs with a measured width), each in
//! a colour [`Role`] rather than a colour. The window (`ui::timeline::paint_egui`) and the
//! exported picture ([`crate::export::svg`]) are thin back-ends that draw these lists, so the
//! screen and the export show the same picture. Not for gestures, hit testing or tooltips, which
//! stay in the window, nor for the export's title block and left column.

mod header;
mod marks;
mod prim;

use chrono::NaiveDate;

use crate::i18n::Language;
use crate::model::Project;
use crate::report::RiskLevel;
use crate::rules::BufferHealth;

use super::badges::{BADGE_RADIUS, RiskBadges, badge_centre};
use super::ghosts::{Ghost, GhostMark, bar_rect};
use super::header::header_units;
use super::layout::{self, DIAMOND_HALF, Row, Rows, Scene, Viewport};
use super::transform::days_from_date;

pub use header::{MEETING_MARK_HEIGHT, MEETING_MARK_WIDTH, header_band, meeting_mark_x};
pub use prim::{Box2, Drawn, Edge, Line, Measure, Paint, Prim, Role, hundredths, premultiplied};
/// The role a buffer is drawn in: the rulebook's zone ([`BufferHealth`]) for how much of it is
/// used (0.0 to 1.0), as a colour role.
pub fn buffer_zone(consumption: f32) -> Role {
    match BufferHealth::of(f64::from(consumption)) {
        BufferHealth::Green => Role::Good,
        BufferHealth::Amber => Role::Warning,
        BufferHealth::Red => Role::Danger,
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
/// How far beyond an item's end the window draws its link handle (the centre), the handle's
/// radius, and the ring of canvas around it.
pub const LINK_HANDLE_OFFSET: f32 = 12.0;
/// See [`LINK_HANDLE_OFFSET`].
pub const LINK_HANDLE_RADIUS: f32 = 4.5;
/// See [`LINK_HANDLE_OFFSET`].
pub const LINK_HANDLE_RING: f32 = 1.5;

/// The centre of the link handle beyond the end of `shape` (a bar's finish, a diamond's right
/// corner), at scale 1.
pub fn link_handle_centre(shape: &layout::Shape) -> (f32, f32) {
    let end = match shape.mark {
        layout::Mark::Milestone { .. } => shape.x1 + DIAMOND_HALF,
        layout::Mark::Task { .. } | layout::Mark::Buffer { .. } => shape.x1,
    };
    (end + LINK_HANDLE_OFFSET, shape.y)
}

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
    /// The baseline ghosts to draw beneath the marks (none when the overlay is off).
    pub ghosts: &'a [Ghost],
    /// The open risks of each item, for the risk badges (none in the export).
    pub badges: Option<&'a RiskBadges>,
    /// The whole area drawn: the background, row bands and the header band span its width.
    pub canvas: Box2,
    /// Top of the two-row time header.
    pub header_top: f32,
    /// Height of the time header.
    pub header_height: f32,
    /// Today, for the today line.
    pub today: NaiveDate,
    /// The language of the header and the lane names.
    pub language: Language,
    /// How much larger marks and type are drawn (1.0 when editing).
    pub scale: f32,
    /// Selection and hover of an item.
    pub look: &'a dyn Fn(&layout::Shape) -> ItemLook,
    /// Measures text.
    pub measure: &'a dyn Measure,
    /// Write each lane's name on its band (the presentation, which has no outline beside it).
    pub lane_names: bool,
    /// The link selected on the canvas (from, to), drawn highlighted.
    pub selected_link: Option<(crate::model::ItemId, crate::model::ItemId)>,
    /// Whether the project's meetings are marked at the foot of the time header (the window
    /// marks them, the export does not): the labels they would cover are lifted above them.
    pub meeting_marks: bool,
    /// Whether the view is edited, where the window draws a link handle beyond the end of the
    /// item under the pointer: the names written beside items begin past it, so that it never
    /// covers one (the export and the presentation have no handle, and keep names close).
    pub link_handles: bool,
}

/// The primitives of a view in the order they are drawn, in three layers so that a back-end
/// can put its own drawings between them (the window's baseline ghosts and risk badges).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    /// Background, row bands, shading, guides and the today line.
    pub background: Vec<Prim>,
    /// Baseline ghosts.
    pub ghosts: Vec<Prim>,
    /// Link arrows, bars, diamonds, buffers and labels.
    pub marks: Vec<Prim>,
    /// Risk badges on the threatened items.
    pub badges: Vec<Prim>,
    /// The time header.
    pub header: Vec<Prim>,
}

impl Layers {
    /// Every primitive, in drawing order.
    pub fn all(&self) -> impl Iterator<Item = &Prim> {
        self.background
            .iter()
            .chain(&self.ghosts)
            .chain(&self.marks)
            .chain(&self.badges)
            .chain(&self.header)
    }
}

/// Paints `view`.
pub fn paint(view: &View<'_>) -> Layers {
    Layers {
        background: background(view),
        ghosts: ghosts(view),
        marks: {
            let mut marks = marks::marks(view);
            if view.lane_names {
                lane_names(view, &mut marks);
            }
            marks
        },
        badges: badges(view),
        header: header::header(view),
    }
}

/// The area of the dates below the header, where shading, guides and marks are clipped.
pub(super) fn dates_area(view: &View<'_>) -> Box2 {
    let viewport = view.viewport;
    Box2::new(
        viewport.x_range.0,
        viewport.y_range.0,
        viewport.x_range.1,
        viewport.y_range.1,
    )
}

pub(super) fn filled(rect: Box2, radius: f32, role: Paint) -> Prim {
    Prim::Rect {
        rect,
        radius: [radius; 4],
        fill: Some(role),
        stroke: None,
    }
}

pub(super) fn segment(from: (f32, f32), to: (f32, f32), line: Line) -> Prim {
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

/// Each visible lane band's name at its left, on a patch of the band's colour so that links
/// and guides pass beneath it; drawn over the marks, clipped to the dates.
fn lane_names(view: &View<'_>, out: &mut Vec<Prim>) {
    let viewport = view.viewport;
    let font_size = 13.0 * view.scale;
    out.push(Prim::PushClip(dates_area(view)));
    for row in view.scene.rows.clone() {
        let Some(Row::Lane { lane, .. }) = view.rows.rows.get(row) else {
            continue;
        };
        let name = lane.and_then(|lane| view.project.lane(lane)).map_or_else(
            || rust_i18n::t!("outline.no_lane", locale = view.language.code()).into_owned(),
            |lane| lane.name.clone(),
        );
        let (width, line_height) = view.measure.size(&name, font_size);
        let top = viewport.rows_top_y + row as f32 * viewport.row_height;
        let x = viewport.x_range.0 + 10.0 * view.scale;
        let pad = 6.0 * view.scale;
        out.push(filled(
            Box2::new(
                x - pad,
                top + 2.0,
                x + width + pad,
                top + viewport.row_height - 2.0,
            ),
            4.0 * view.scale,
            Paint::solid(Role::LaneFill),
        ));
        out.push(Prim::Text {
            x,
            y: top + (viewport.row_height - line_height) / 2.0,
            size: (width, line_height),
            font_size,
            text: name,
            paint: Paint::solid(Role::Text),
        });
    }
    out.push(Prim::PopClip);
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

/// Ghost bars and diamonds at the baseline's dates, a dashed line from a ghost diamond to where
/// the milestone is now.
fn ghosts(view: &View<'_>) -> Vec<Prim> {
    if view.ghosts.is_empty() {
        return Vec::new();
    }
    let line = Line::new(1.2, Paint::solid(Role::GhostStroke));
    let mut out = vec![Prim::PushClip(dates_area(view))];
    for ghost in view.ghosts {
        match ghost.mark {
            GhostMark::Bar => {
                let (left, top, right, bottom) = bar_rect(ghost);
                let rect = Box2::new(left, top, right, bottom);
                out.push(filled(rect, 3.0, Paint::solid(Role::GhostFill)));
                out.push(Prim::Rect {
                    rect,
                    radius: [3.0; 4],
                    fill: None,
                    stroke: Some((line, Edge::Inside)),
                });
            }
            GhostMark::Diamond => {
                let r = DIAMOND_HALF;
                let (x, y) = (ghost.x0, ghost.y);
                let (from, to) = if ghost.current_x > x {
                    (x + r, ghost.current_x - r)
                } else {
                    (ghost.current_x + r, x - r)
                };
                // Dashes of 3 points with gaps of 3, from the left end.
                let mut start = from;
                while start < to {
                    out.push(segment((start, y), ((start + 3.0).min(to), y), line));
                    start += 6.0;
                }
                out.push(Prim::Polygon {
                    points: vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
                    fill: Paint::solid(Role::GhostFill),
                    stroke: Some(line),
                });
            }
        }
    }
    out.push(Prim::PopClip);
    out
}

/// The role of a risk level's badge.
pub fn risk_role(level: RiskLevel) -> Role {
    match level {
        RiskLevel::Low => Role::RiskLow,
        RiskLevel::Medium => Role::RiskMedium,
        RiskLevel::High => Role::RiskHigh,
    }
}

/// A dot on each drawn item threatened by an open risk, in the colour of the worst of them.
fn badges(view: &View<'_>) -> Vec<Prim> {
    let Some(badges) = view.badges else {
        return Vec::new();
    };
    let mut out = vec![Prim::PushClip(dates_area(view))];
    for shape in &view.scene.shapes {
        let Some(level) = badges.worst(shape.item) else {
            continue;
        };
        let centre = badge_centre(shape);
        // A ring in the canvas colour detaches the dot from the bar beneath it.
        out.push(Prim::Circle {
            centre,
            radius: BADGE_RADIUS + 1.5,
            fill: Paint::solid(Role::Canvas),
            stroke: None,
        });
        out.push(Prim::Circle {
            centre,
            radius: BADGE_RADIUS,
            fill: Paint::solid(risk_role(level)),
            stroke: Some(Line::new(0.8, Paint::faded(Role::RiskInk, 0.55))),
        });
    }
    out.push(Prim::PopClip);
    out
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

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::model::{Item, ItemId};
    use crate::timeline::layout::Overlay;
    use crate::timeline::testing::date;
    use crate::timeline::transform::Transform;

    /// Every character is 7 points wide and every line 15 points tall.
    struct Fixed;

    impl Measure for Fixed {
        fn size(&self, text: &str, _font_size: f32) -> (f32, f32) {
            (text.chars().count() as f32 * 7.0, 15.0)
        }
    }

    /// A wide task "Short", a narrow task with a long name, a buffer and a milestone with a
    /// deadline, drawn at `points_per_day` from `left_date` (at x = 100, where the dates begin).
    fn painted(left_date: NaiveDate, points_per_day: f64) -> Layers {
        painted_with(left_date, points_per_day, false)
    }

    /// [`painted`], with the lane names written on their bands when `lane_names`.
    fn painted_with(left_date: NaiveDate, points_per_day: f64, lane_names: bool) -> Layers {
        let mut project = Project::named("Paint");
        let wide = Item::task(ItemId(1), "Short", date(2027, 1, 4), date(2027, 1, 15));
        let narrow = Item::task(
            ItemId(2),
            "A name far too long for its bar",
            date(2027, 1, 4),
            date(2027, 1, 5),
        );
        let mut buffer = Item::task(ItemId(3), "Buffer", date(2027, 1, 18), date(2027, 1, 19));
        buffer.kind = crate::model::ItemKind::Buffer;
        buffer.planned_workdays = 10;
        let mut milestone = Item::milestone(ItemId(4), "Done", date(2027, 1, 20));
        milestone.deadline = Some(date(2027, 1, 19));
        project.items = vec![wide, narrow, buffer, milestone];
        let rows = Rows::new(&project, &HashSet::new());
        let viewport = Viewport {
            transform: Transform {
                left_x_points: 100.0,
                left_days: days_from_date(left_date),
                days_per_point: 1.0 / points_per_day,
            },
            rows_top_y: 44.0,
            row_height: ROW_HEIGHT,
            x_range: (100.0, 1100.0),
            y_range: (44.0, 400.0),
        };
        let workdays = |start: NaiveDate, finish: NaiveDate| {
            start.iter_days().take_while(|day| *day <= finish).count() as u32
        };
        let measure = |text: &str| Fixed.size(text, LABEL_SIZE).0;
        let overlay = Overlay {
            preview: None,
            critical: None,
            workdays: &workdays,
            measure: &measure,
        };
        let scene = layout::scene(&project, &rows, &viewport, &overlay);
        paint(&View {
            project: &project,
            rows: &rows,
            viewport: &viewport,
            scene: &scene,
            ghosts: &[],
            badges: None,
            canvas: Box2::new(0.0, 0.0, 1100.0, 400.0),
            header_top: 0.0,
            header_height: HEADER_HEIGHT,
            today: date(2027, 1, 6),
            language: Language::English,
            scale: 1.0,
            look: &|_: &layout::Shape| ItemLook::default(),
            measure: &Fixed,
            lane_names,
            selected_link: None,
            meeting_marks: false,
            link_handles: false,
        })
    }

    fn text(layers: &Layers, wanted: &str) -> Option<(f32, Role)> {
        layers.all().find_map(|prim| match prim {
            Prim::Text { x, text, paint, .. } if text == wanted => Some((*x, paint.role)),
            _ => None,
        })
    }

    #[test]
    fn buffer_zones_are_the_rulebooks() {
        assert_eq!(buffer_zone(0.0), Role::Good, "unused is green");
        assert_eq!(
            buffer_zone(0.5),
            Role::Warning,
            "amber is the warning colour"
        );
        assert_eq!(buffer_zone(1.0), Role::Danger, "red is the danger colour");
    }

    #[test]
    fn a_name_goes_on_its_bar_only_when_the_measured_width_fits() {
        let layers = painted(date(2027, 1, 1), 20.0);
        let (x, role) = text(&layers, "Short").expect("the wide task's name");
        assert_eq!(role, Role::TextOnBar, "written on the bar");
        assert!(
            (x - (100.0 + 3.0 * 20.0 + 6.0)).abs() < 0.01,
            "6 points in: {x}"
        );
        let (x, role) = text(&layers, "A name far too long for its bar").expect("the long name");
        assert_eq!(role, Role::Text, "written beside the bar");
        assert!(
            (x - (100.0 + 5.0 * 20.0 + 6.0)).abs() < 0.01,
            "after its end: {x}"
        );
        let backdrop = layers.marks.iter().any(|prim| {
            matches!(prim, Prim::Rect { rect, fill: Some(fill), .. }
                if fill.role == Role::LabelBackdrop && (rect.x0 - (x - 2.0)).abs() < 0.01
                    && (rect.x1 - (x + 31.0 * 7.0 + 2.0)).abs() < 0.01)
        });
        assert!(backdrop, "a backdrop as wide as the measured name");
    }

    #[test]
    fn a_bar_cut_by_the_left_edge_keeps_its_name_in_view() {
        let layers = painted(date(2027, 1, 8), 20.0);
        let (x, role) = text(&layers, "Short").expect("the wide task's name");
        assert_eq!(role, Role::TextOnBar, "still on the bar");
        assert!((x - 106.0).abs() < 0.01, "where the dates begin: {x}");
    }

    #[test]
    fn buffers_are_hatched_in_their_zone_and_deadlines_flagged() {
        let layers = painted(date(2027, 1, 1), 20.0);
        // Two of ten planned days left: 80 % used.
        let hatching = layers.marks.iter().filter(|prim| {
            matches!(prim, Prim::Polyline { line, .. }
                if line.paint.role == Role::Danger && (line.paint.opacity - 0.8).abs() < 1e-6)
        });
        assert!(hatching.count() >= 4, "hatched in the red zone");
        let flags = layers.marks.iter().filter(|prim| {
            matches!(prim, Prim::Polygon { fill, points, .. }
                if fill.role == Role::Deadline && points.len() == 3)
        });
        assert_eq!(flags.count(), 1, "one deadline flag");
        let diamond = layers.marks.iter().any(|prim| {
            matches!(prim, Prim::Polygon { fill, points, .. }
                if fill.role == Role::Danger && points.len() == 4)
        });
        assert!(diamond, "the late milestone's diamond is red");
    }

    #[test]
    fn weekends_show_only_when_a_day_is_wide_enough() {
        let shaded = |layers: &Layers| {
            layers
                .background
                .iter()
                .filter(|prim| {
                    matches!(prim, Prim::Rect { fill: Some(fill), .. } if fill.role == Role::Weekend)
                })
                .count()
        };
        assert!(
            shaded(&painted(date(2027, 1, 1), 20.0)) >= 4,
            "weekends at 20 points a day"
        );
        assert_eq!(
            shaded(&painted(date(2027, 1, 1), 4.0)),
            0,
            "none at 4 points a day"
        );
    }

    #[test]
    fn lane_names_are_written_on_their_bands_only_when_asked() {
        let named = painted_with(date(2027, 1, 1), 20.0, true);
        let (x, role) = text(&named, "Not in a lane").expect("the lane's name on its band");
        assert!(
            (100.0..130.0).contains(&x),
            "at the left of the dates, x = {x}"
        );
        assert_eq!(role, Role::Text);
        assert!(
            named
                .background
                .iter()
                .all(|prim| !matches!(prim, Prim::Text { .. })),
            "over the links and guides, not beneath them"
        );
        let plain = painted_with(date(2027, 1, 1), 20.0, false);
        assert!(
            text(&plain, "Not in a lane").is_none(),
            "beside an outline, no names"
        );
    }
}
