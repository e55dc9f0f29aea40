//! Baseline ghosts drawn on the timeline; their geometry is [`crate::timeline::ghosts`].

use egui::{CornerRadius, Shape, Stroke, StrokeKind, pos2};

use crate::timeline::ghosts::{Ghost, GhostMark, bar_rect};
use crate::timeline::layout::DIAMOND_HALF;
use crate::ui::theme::Palette;

/// Draws `ghosts` with the palette's ghost colours; returns how many were drawn.
pub fn ghosts_ui(painter: &egui::Painter, ghosts: &[Ghost], palette: &Palette) -> usize {
    let stroke = Stroke::new(1.2, palette.ghost_stroke);
    for ghost in ghosts {
        match ghost.mark {
            GhostMark::Bar => {
                let (left, top, right, bottom) = bar_rect(ghost);
                let rect = egui::Rect::from_min_max(pos2(left, top), pos2(right, bottom));
                painter.rect_filled(rect, CornerRadius::same(3), palette.ghost_fill);
                painter.rect_stroke(rect, CornerRadius::same(3), stroke, StrokeKind::Inside);
            }
            GhostMark::Diamond => {
                let r = DIAMOND_HALF;
                let (x, y) = (ghost.x0, ghost.y);
                // A dashed line from where the milestone was to where it is now.
                let (from, to) = if ghost.current_x > x {
                    (x + r, ghost.current_x - r)
                } else {
                    (ghost.current_x + r, x - r)
                };
                if to > from {
                    painter.extend(Shape::dashed_line(
                        &[pos2(from, y), pos2(to, y)],
                        stroke,
                        3.0,
                        3.0,
                    ));
                }
                painter.add(Shape::convex_polygon(
                    vec![
                        pos2(x, y - r),
                        pos2(x + r, y),
                        pos2(x, y + r),
                        pos2(x - r, y),
                    ],
                    palette.ghost_fill,
                    stroke,
                ));
            }
        }
    }
    ghosts.len()
}
