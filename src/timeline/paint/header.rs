//! The time header of the timeline: its band, the two rows of units with their labels (a
//! unit cut by the left edge keeps its label in view), and the room left for the meetings the
//! window marks at its foot.

use chrono::NaiveDate;

use super::super::header::header_units;
use super::super::transform::{Transform, days_from_date};
use super::{Box2, Line, Paint, Prim, Role, View, filled, segment};

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

pub(super) fn header(view: &View<'_>) -> Vec<Prim> {
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
        let font_size = if strong { 13.0 } else { 12.0 } * header_scale;
        // The units of the row in view: (start x, end x, label, label size).
        let mut units: Vec<(f32, f32, String, (f32, f32))> = Vec::new();
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
            let size = view.measure.size(&label, font_size);
            units.push((x0, x1, label, size));
            boundary = next;
        }
        let mut next_label_x = None;
        let mut placed = Vec::new();
        for (x0, x1, label, (width, line_height)) in units.into_iter().rev() {
            let Some(x) = header_label_x(x0, x1, width, (left, right), strong, next_label_x) else {
                continue;
            };
            next_label_x = Some(x);
            placed.push(Prim::Text {
                x,
                y: y0 + (half - line_height) / 2.0,
                size: (width, line_height),
                font_size,
                text: label,
                paint: Paint::solid(if strong { Role::Text } else { Role::TextMuted }),
            });
        }
        if !strong {
            lift_above_meeting_marks(view, y0 + half, &mut placed);
        }
        out.extend(placed.into_iter().rev());
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

/// Height of a meeting's mark at the foot of the time header, in points.
pub const MEETING_MARK_HEIGHT: f32 = 6.0;
/// Width of a meeting's mark, in points.
pub const MEETING_MARK_WIDTH: f32 = 10.0;

/// The left and right x of the mark of a meeting on `date`, centred on its day.
pub fn meeting_mark_x(transform: &Transform, date: NaiveDate) -> (f32, f32) {
    let x = transform.x_from_days(days_from_date(date) + 0.5) as f32;
    (x - MEETING_MARK_WIDTH / 2.0, x + MEETING_MARK_WIDTH / 2.0)
}

/// When a meeting's mark at the foot of the header, `bottom`, would cover one of the lower
/// row's `labels`, the whole row is lifted above the marks (so that its labels stay in line).
fn lift_above_meeting_marks(view: &View<'_>, bottom: f32, labels: &mut [Prim]) {
    if !view.meeting_marks {
        return;
    }
    let transform = &view.viewport.transform;
    let marks_top = bottom - MEETING_MARK_HEIGHT - 1.0;
    let row_top = bottom - view.header_height / 2.0;
    let marks: Vec<(f32, f32)> = view
        .project
        .meetings
        .iter()
        .map(|meeting| meeting_mark_x(transform, meeting.date))
        .collect();
    let covered = labels.iter().any(|label| match label {
        Prim::Text { x, y, size, .. } => {
            y + size.1 > marks_top
                && marks
                    .iter()
                    .any(|&(mark_x0, mark_x1)| mark_x0 < x + size.0 && *x < mark_x1)
        }
        _ => false,
    });
    if !covered {
        return;
    }
    for label in labels {
        if let Prim::Text { y, size, .. } = label {
            // Centred in the row above the marks, never above the row's top.
            *y = row_top + ((marks_top - row_top - size.1) / 2.0).max(0.0);
        }
    }
}

/// Where the label of a header unit from `x0` to `x1` starts, `width` wide, with the dates
/// spanning `left..right` and the next label to the right starting at `next_label_x`; `None`
/// when it has no room. A unit that starts off the dates keeps its label in view at their left
/// edge, even when only part of the unit shows, as long as it stays clear of the next label.
fn header_label_x(
    x0: f32,
    x1: f32,
    width: f32,
    (left, right): (f32, f32),
    strong: bool,
    next_label_x: Option<f32>,
) -> Option<f32> {
    // Only the part of a unit inside the dates has room for its label.
    let visible_x0 = x0.max(left);
    let room = x1.min(right) - visible_x0;
    if width + 6.0 <= room {
        return Some(if strong {
            (x0 + 6.0).max(left + 6.0).min(x1 - width - 4.0)
        } else {
            visible_x0 + (room - width) / 2.0
        });
    }
    // A unit cut by the left edge that would hold its label whole: the label is clamped
    // inside the dates.
    let x = left + if strong { 6.0 } else { 3.0 };
    let clear = next_label_x.map_or(right, |next| next - 8.0);
    (x0 < left && width + 6.0 <= x1 - x0 && x + width <= clear).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_cut_by_the_left_edge_keeps_its_label_inside_when_it_stays_clear() {
        let dates = (100.0, 900.0);
        // Whole in view: centred in the lower row, after the start in the upper one.
        assert_eq!(
            header_label_x(200.0, 300.0, 20.0, dates, false, None),
            Some(240.0),
            "centred"
        );
        assert_eq!(
            header_label_x(200.0, 300.0, 20.0, dates, true, None),
            Some(206.0),
            "after the start"
        );
        // Five points of a 110-point unit in view: the label is clamped inside the dates.
        assert_eq!(
            header_label_x(-5.0, 105.0, 20.0, dates, false, Some(150.0)),
            Some(103.0),
            "clamped at the left edge"
        );
        assert_eq!(
            header_label_x(-5.0, 105.0, 20.0, dates, false, Some(120.0)),
            None,
            "left out when it would run into the next label"
        );
        assert_eq!(
            header_label_x(95.0, 105.0, 20.0, dates, false, None),
            None,
            "a unit too short for its label has none"
        );
    }
}
