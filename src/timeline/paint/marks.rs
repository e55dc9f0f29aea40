//! The marks of the timeline as primitives: link arrows, task bars with their progress strip,
//! milestone diamonds with deadline flags, hatched buffers in their zone, and the labels beside
//! or on them.

use crate::model::Project;
use crate::timeline::layout::{self, BAR_HEIGHT, DIAMOND_HALF, Mark};

use super::{
    Box2, Edge, LABEL_SIZE, LINK_HANDLE_RADIUS, LINK_HANDLE_RING, Line, OWNER_SIZE, Paint, Prim,
    Role, View, buffer_zone, dates_area, filled, segment,
};

pub(super) fn marks(view: &View<'_>) -> Vec<Prim> {
    let area = dates_area(view);
    let mut out = vec![Prim::PushClip(area)];
    for arrow in &view.scene.arrows {
        let selected = view.selected_link == Some((arrow.from, arrow.to));
        arrow_prims(arrow, selected, &mut out);
    }
    for shape in &view.scene.shapes {
        shape_prims(view, shape, area, &mut out);
    }
    out.push(Prim::PopClip);
    out
}

fn arrow_prims(arrow: &layout::Arrow, selected: bool, out: &mut Vec<Prim>) {
    let (role, width) = if selected {
        (Role::Selection, 2.6)
    } else if arrow.critical {
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
    if view.link_handles && !label.inside {
        // Past the link handle and its ring, with room for the name's backdrop.
        let (handle_x, _) = super::link_handle_centre(shape);
        label.x = handle_x + LINK_HANDLE_RADIUS + LINK_HANDLE_RING + 2.0 + 1.0;
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
