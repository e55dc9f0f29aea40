//! Meetings as markers on the timeline's ruler: a filled green pennant for contact with the
//! client, a hollow grey one for an internal meeting. Hovering shows the title and date;
//! clicking opens the meeting.

use egui::{Rect, Sense, Shape, Stroke, pos2, vec2};

use crate::model::{Meeting, MeetingId};
use crate::tr;
use crate::ui::theme::Palette;

use super::canvas::{CanvasInput, HEADER_HEIGHT};
use crate::timeline::paint::{MEETING_MARK_HEIGHT, MEETING_MARK_WIDTH, meeting_mark_x};
use crate::timeline::transform::Transform;

/// Where the marker of `meeting` is drawn: its rectangle at the foot of the header (the
/// painter lifts the header labels it would cover).
pub fn marker_rect(transform: &Transform, canvas: Rect, meeting: &Meeting) -> Rect {
    let (x0, x1) = meeting_mark_x(transform, meeting.date);
    let bottom = canvas.top() + HEADER_HEIGHT - 0.5;
    Rect::from_min_max(pos2(x0, bottom - MEETING_MARK_HEIGHT), pos2(x1, bottom))
}

/// Meetings closer on screen than this share one marker.
const CLUSTER_POINTS: f32 = MEETING_MARK_WIDTH + 3.0;

/// At most this many meetings are listed in the tooltip of a shared marker.
const TOOLTIP_LIMIT: usize = 6;

/// Draws a marker per meeting on the ruler of `canvas` (meetings too close to tell apart share
/// one); returns the meeting clicked (the latest of a shared marker).
pub fn markers_ui(
    ui: &mut egui::Ui,
    transform: &Transform,
    canvas: Rect,
    input: &CanvasInput<'_>,
) -> Option<MeetingId> {
    let palette = input.palette;
    let painter = ui.painter_at(canvas);
    let mut meetings: Vec<&Meeting> = input.project.meetings.iter().collect();
    meetings.sort_by_key(|meeting| (meeting.date, meeting.time.clone(), meeting.id));
    let mut clusters: Vec<(Rect, Vec<&Meeting>)> = Vec::new();
    for meeting in meetings {
        let rect = marker_rect(transform, canvas, meeting);
        if !canvas.x_range().contains(rect.center().x) {
            continue;
        }
        match clusters.last_mut() {
            Some((first, members)) if rect.center().x - first.center().x < CLUSTER_POINTS => {
                members.push(meeting);
            }
            _ => clusters.push((rect, vec![meeting])),
        }
    }
    let mut clicked = None;
    for (rect, members) in clusters {
        let Some(&latest) = members.last() else {
            continue;
        };
        let id = ui.scope_id().with(("meeting_marker", latest.id));
        let response = ui.interact(rect.expand2(vec2(2.0, 3.0)), id, Sense::click());
        let date = |meeting: &Meeting| crate::ui::short_date_long(meeting.date, input.language);
        let label = tr!(
            "markers.label",
            title = latest.title.as_str(),
            date = date(latest).as_str()
        )
        .into_owned();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let lifted = if response.hovered() {
            rect.expand(2.0)
        } else {
            rect
        };
        let client = members
            .iter()
            .any(|meeting| meeting.channel.is_client_contact());
        pennant_ui(&painter, lifted, client, palette);
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        let response = response.on_hover_ui(|ui| {
            for (index, meeting) in members.iter().rev().take(TOOLTIP_LIMIT).enumerate() {
                if index > 0 {
                    ui.separator();
                }
                ui.strong(&meeting.title);
                let when = match &meeting.time {
                    Some(time) => format!("{} {time}", date(meeting)),
                    None => date(meeting),
                };
                ui.label(format!(
                    "{when} · {}",
                    crate::report::minutes::channel_name(meeting.channel, input.language)
                ));
            }
            if members.len() > TOOLTIP_LIMIT {
                ui.label(tr!("markers.more", count = members.len() - TOOLTIP_LIMIT));
            }
            ui.label(
                egui::RichText::new(tr!("markers.open_hint"))
                    .small()
                    .color(palette.text_muted),
            );
        });
        if response.clicked() {
            clicked = Some(latest.id);
        }
    }
    clicked
}

/// A downward triangle: filled for contact with the client, hollow for internal meetings only.
fn pennant_ui(painter: &egui::Painter, rect: Rect, client: bool, palette: &Palette) {
    let points = vec![
        rect.left_top(),
        rect.right_top(),
        pos2(rect.center().x, rect.bottom()),
    ];
    if client {
        painter.add(Shape::convex_polygon(
            points,
            palette.good,
            Stroke::new(1.0, palette.header_fill),
        ));
    } else {
        painter.add(Shape::convex_polygon(
            points,
            palette.header_fill,
            Stroke::new(1.5, palette.buffer),
        ));
    }
}
