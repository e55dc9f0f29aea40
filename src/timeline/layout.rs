//! The geometry of the timeline as plain data: which rows exist, and where bars, diamonds,
//! buffers, arrows and labels go. Computed only for what is visible, drawn by the canvas on
//! screen and (later) by the exporters, so that the exported picture is the picture on screen.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use crate::model::{Item, ItemId, ItemKind, LaneId, LinkKind, Project};

use super::transform::Transform;

/// One row of the timeline and the outline.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A lane's heading; `lane` is `None` for the group of items in no lane.
    Lane {
        /// The lane, or `None` for items without one.
        lane: Option<LaneId>,
        /// How many items the lane holds.
        count: usize,
        /// Whether its items are hidden.
        collapsed: bool,
    },
    /// An item, by its index in `Project::items`.
    Item {
        /// Index into `Project::items`.
        index: usize,
    },
}

/// Links whose rows span more than this are always considered; shorter ones are found by row.
const LONG_LINK_ROWS: usize = 400;

/// The rows of a project and the indexes to find things in them quickly.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// The row of each shown item.
    pub row_of_item: HashMap<ItemId, usize>,
    /// Short links as (first row, last row, link index), sorted by first row.
    short_links: Vec<(usize, usize, usize)>,
    /// Links spanning many rows, by index.
    long_links: Vec<usize>,
}

impl Rows {
    /// Lays out the rows of `project`: each lane's heading followed by its items (unless
    /// collapsed), in the lanes' order, then the items in no lane. Linear in the project's size.
    pub fn new(project: &Project, collapsed: &HashSet<Option<LaneId>>) -> Self {
        let lane_position: HashMap<LaneId, usize> = project
            .lanes
            .iter()
            .enumerate()
            .map(|(position, lane)| (lane.id, position))
            .collect();
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); project.lanes.len() + 1];
        for (index, item) in project.items.iter().enumerate() {
            let group = item
                .lane
                .and_then(|lane| lane_position.get(&lane).copied())
                .unwrap_or(project.lanes.len());
            groups[group].push(index);
        }
        let mut rows = Vec::with_capacity(project.items.len() + groups.len());
        for (group, members) in groups.iter().enumerate() {
            let lane = project.lanes.get(group).map(|lane| lane.id);
            if lane.is_none() && members.is_empty() {
                continue;
            }
            let is_collapsed = collapsed.contains(&lane);
            rows.push(Row::Lane {
                lane,
                count: members.len(),
                collapsed: is_collapsed,
            });
            if !is_collapsed {
                rows.extend(members.iter().map(|&index| Row::Item { index }));
            }
        }
        let row_of_item: HashMap<ItemId, usize> = rows
            .iter()
            .enumerate()
            .filter_map(|(row, entry)| match entry {
                Row::Item { index } => project.items.get(*index).map(|item| (item.id, row)),
                Row::Lane { .. } => None,
            })
            .collect();
        let mut short_links = Vec::new();
        let mut long_links = Vec::new();
        for (index, link) in project.links.iter().enumerate() {
            let (Some(&from), Some(&to)) = (row_of_item.get(&link.from), row_of_item.get(&link.to))
            else {
                continue;
            };
            let (first, last) = (from.min(to), from.max(to));
            if last - first > LONG_LINK_ROWS {
                long_links.push(index);
            } else {
                short_links.push((first, last, index));
            }
        }
        short_links.sort_unstable();
        Self {
            rows,
            row_of_item,
            short_links,
            long_links,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Indexes of the links with an end in, or passing through, `visible` rows.
    pub fn links_touching(&self, visible: &Range<usize>) -> Vec<usize> {
        let start = visible.start.saturating_sub(LONG_LINK_ROWS);
        let from = self
            .short_links
            .partition_point(|&(first, _, _)| first < start);
        let mut found: Vec<usize> = self.short_links[from..]
            .iter()
            .take_while(|&&(first, _, _)| first < visible.end)
            .filter(|&&(_, last, _)| last >= visible.start)
            .map(|&(_, _, index)| index)
            .collect();
        found.extend(self.long_links.iter().copied());
        found
    }
}

/// What the layout needs to know about the screen.
#[derive(Clone, Debug)]
pub struct Viewport {
    /// Dates ⇄ x.
    pub transform: Transform,
    /// Screen y of the top of row 0 (moves up as the rows scroll).
    pub rows_top_y: f32,
    /// Height of a row in points.
    pub row_height: f32,
    /// Left and right screen x of the visible area.
    pub x_range: (f32, f32),
    /// Top and bottom screen y of the visible rows area.
    pub y_range: (f32, f32),
}

impl Viewport {
    /// The rows at least partly visible.
    pub fn visible_rows(&self, row_count: usize) -> Range<usize> {
        let first = ((self.y_range.0 - self.rows_top_y) / self.row_height)
            .floor()
            .max(0.0) as usize;
        let last = ((self.y_range.1 - self.rows_top_y) / self.row_height)
            .ceil()
            .max(0.0) as usize;
        first.min(row_count)..last.min(row_count)
    }

    /// Screen y of the centre of `row`.
    pub fn row_centre_y(&self, row: usize) -> f32 {
        self.rows_top_y + (row as f32 + 0.5) * self.row_height
    }

    /// The row at screen y, if any row is there.
    pub fn row_at(&self, y: f32, row_count: usize) -> Option<usize> {
        let row = ((y - self.rows_top_y) / self.row_height).floor();
        (row >= 0.0 && (row as usize) < row_count).then_some(row as usize)
    }
}

/// How an item is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A bar with its progress 0..=1.
    Task {
        /// Fraction done.
        progress: f32,
    },
    /// A diamond at the end of its date.
    Milestone {
        /// Screen x of the deadline marker, if it has a deadline.
        deadline_x: Option<f32>,
        /// Whether the date is past the deadline.
        breached: bool,
    },
    /// Reserved time with its consumption 0..=1.
    Buffer {
        /// Fraction of the planned length used up.
        consumption: f32,
    },
}

/// Half the width of a milestone diamond, in points.
pub const DIAMOND_HALF: f32 = 7.0;
/// Height of a task bar, in points.
pub const BAR_HEIGHT: f32 = 14.0;

/// One item's shape on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The item.
    pub item: ItemId,
    /// Its index in `Project::items`.
    pub index: usize,
    /// Its row.
    pub row: usize,
    /// Left and right screen x (equal for a milestone: its instant).
    pub x0: f32,
    /// Right screen x.
    pub x1: f32,
    /// Vertical centre.
    pub y: f32,
    /// How it is drawn.
    pub mark: Mark,
    /// The name, and where it goes.
    pub label: Label,
    /// Whether the item is on the critical path.
    pub critical: bool,
    /// Whether the drag preview moved it from its current dates.
    pub moved: bool,
}

/// Where an item's name is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Left screen x of the text.
    pub x: f32,
    /// Whether it sits inside the bar (light text on the bar colour).
    pub inside: bool,
}

/// A link drawn as a polyline with an arrowhead at the last point.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Predecessor.
    pub from: ItemId,
    /// Successor.
    pub to: ItemId,
    /// The link's kind.
    pub kind: LinkKind,
    /// Screen points, first at the predecessor.
    pub points: Vec<(f32, f32)>,
    /// Whether the arrowhead points right (into a start) or left (into an end).
    pub points_right: bool,
    /// Whether both ends are critical.
    pub critical: bool,
}

/// Everything visible, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// Visible rows.
    pub rows: Range<usize>,
    /// Items in visible rows that overlap the visible dates.
    pub shapes: Vec<Shape>,
    /// Links touching visible rows.
    pub arrows: Vec<Arrow>,
}

/// Inputs that change what is drawn without changing the project.
pub struct Overlay<'a> {
    /// Dates to draw instead of the items' own (the drag preview).
    pub preview: Option<&'a HashMap<ItemId, (NaiveDate, NaiveDate)>>,
    /// Items on the critical path, when it is shown.
    pub critical: Option<&'a HashSet<ItemId>>,
    /// Working days in `start..=finish` of a buffer, to compute its consumption.
    pub workdays: &'a dyn Fn(NaiveDate, NaiveDate) -> u32,
    /// Width of a label in points.
    pub measure: &'a dyn Fn(&str) -> f32,
}

fn dates_of(item: &Item, overlay: &Overlay<'_>) -> (NaiveDate, NaiveDate, bool) {
    match overlay.preview.and_then(|preview| preview.get(&item.id)) {
        Some(&(start, finish)) => (start, finish, start != item.start || finish != item.finish),
        None => (item.start, item.finish, false),
    }
}

/// Left and right screen x of an item drawn at `start..=finish`.
fn extent(
    kind: ItemKind,
    start: NaiveDate,
    finish: NaiveDate,
    transform: &Transform,
) -> (f32, f32) {
    match kind {
        ItemKind::Milestone => {
            let x = transform.x_from_date_end(finish) as f32;
            (x, x)
        }
        ItemKind::Task | ItemKind::Buffer => {
            let x1 = transform.x_from_date_end(finish) as f32;
            let x0 = (transform.x_from_date(start) as f32).min(x1);
            (x0, x1)
        }
    }
}

/// Computes the visible scene.
pub fn scene(project: &Project, rows: &Rows, viewport: &Viewport, overlay: &Overlay<'_>) -> Scene {
    let visible = viewport.visible_rows(rows.len());
    let (left, right) = viewport.x_range;
    let transform = &viewport.transform;
    let mut shapes = Vec::new();
    for row in visible.clone() {
        let Some(Row::Item { index }) = rows.rows.get(row) else {
            continue;
        };
        let Some(item) = project.items.get(*index) else {
            continue;
        };
        let (start, finish, moved) = dates_of(item, overlay);
        let (x0, x1) = extent(item.kind, start, finish, transform);
        let reach = if item.kind == ItemKind::Milestone {
            DIAMOND_HALF
        } else {
            0.0
        };
        let label_width = (overlay.measure)(&item.name);
        if x1 + reach + 8.0 + label_width < left || x0 - reach > right {
            continue;
        }
        let mark = match item.kind {
            ItemKind::Task => Mark::Task {
                progress: f32::from(item.progress.min(100)) / 100.0,
            },
            ItemKind::Milestone => Mark::Milestone {
                deadline_x: item
                    .deadline
                    .map(|deadline| transform.x_from_date_end(deadline) as f32),
                breached: item.deadline.is_some_and(|deadline| finish > deadline),
            },
            ItemKind::Buffer => {
                let current = if start > finish {
                    0
                } else {
                    (overlay.workdays)(start, finish)
                };
                let planned = item.planned_workdays.max(1);
                Mark::Buffer {
                    consumption: (1.0 - current as f32 / planned as f32).clamp(0.0, 1.0),
                }
            }
        };
        let inside = item.kind == ItemKind::Task && x1 - x0 >= label_width + 12.0;
        let label_x = if inside { x0 + 6.0 } else { x1 + reach + 6.0 };
        shapes.push(Shape {
            item: item.id,
            index: *index,
            row,
            x0,
            x1,
            y: viewport.row_centre_y(row),
            mark,
            label: Label {
                text: item.name.clone(),
                x: label_x,
                inside,
            },
            critical: overlay
                .critical
                .is_some_and(|critical| critical.contains(&item.id)),
            moved,
        });
    }

    let mut arrows = Vec::new();
    for index in rows.links_touching(&visible) {
        let Some(link) = project.links.get(index) else {
            continue;
        };
        let (Some(&from_row), Some(&to_row)) = (
            rows.row_of_item.get(&link.from),
            rows.row_of_item.get(&link.to),
        ) else {
            continue;
        };
        let (Some(from), Some(to)) = (
            item_in_row(rows, project, from_row),
            item_in_row(rows, project, to_row),
        ) else {
            continue;
        };
        if let Some(arrow) = route(link.kind, (from, from_row), (to, to_row), viewport, overlay) {
            arrows.push(Arrow {
                from: link.from,
                to: link.to,
                kind: link.kind,
                critical: overlay.critical.is_some_and(|critical| {
                    critical.contains(&link.from) && critical.contains(&link.to)
                }),
                ..arrow
            });
        }
    }
    Scene {
        rows: visible,
        shapes,
        arrows,
    }
}

/// The item shown in `row`, found by index rather than by searching the project.
fn item_in_row<'a>(rows: &Rows, project: &'a Project, row: usize) -> Option<&'a Item> {
    match rows.rows.get(row)? {
        Row::Item { index } => project.items.get(*index),
        Row::Lane { .. } => None,
    }
}

/// How far an arrow runs straight out of a bar and into the next, in points.
const STUB: f32 = 8.0;

/// Routes a link between two items: out of the predecessor's tied end, into the successor's.
fn route(
    kind: LinkKind,
    (from, from_row): (&Item, usize),
    (to, to_row): (&Item, usize),
    viewport: &Viewport,
    overlay: &Overlay<'_>,
) -> Option<Arrow> {
    let transform = &viewport.transform;
    let (from_start, from_finish, _) = dates_of(from, overlay);
    let (to_start, to_finish, _) = dates_of(to, overlay);
    let (from_x0, from_x1) = extent(from.kind, from_start, from_finish, transform);
    let (to_x0, to_x1) = extent(to.kind, to_start, to_finish, transform);
    let half = |item: &Item| {
        if item.kind == ItemKind::Milestone {
            DIAMOND_HALF
        } else {
            0.0
        }
    };
    // Out of the end (rightwards) or the start (leftwards); into the start (from the left) or the end.
    let (out_of_end, into_start) = match kind {
        LinkKind::FinishToStart => (true, true),
        LinkKind::StartToStart => (false, true),
        LinkKind::FinishToFinish => (true, false),
        LinkKind::StartToFinish => (false, false),
    };
    let (sx, out_dir) = if out_of_end {
        (from_x1 + half(from), 1.0)
    } else {
        (from_x0 - half(from), -1.0)
    };
    let (ex, in_dir) = if into_start {
        (to_x0 - half(to), 1.0)
    } else {
        (to_x1 + half(to), -1.0)
    };
    let sy = viewport.row_centre_y(from_row);
    let ey = viewport.row_centre_y(to_row);
    let (top, bottom) = viewport.y_range;
    if sy.max(ey) < top - viewport.row_height || sy.min(ey) > bottom + viewport.row_height {
        return None;
    }
    let (left, right) = viewport.x_range;
    if sx.max(ex) + 12.0 < left || sx.min(ex) - 12.0 > right {
        return None;
    }
    let turn_x = sx + out_dir * STUB;
    let points = if (ex - turn_x) * in_dir >= STUB {
        vec![(sx, sy), (turn_x, sy), (turn_x, ey), (ex, ey)]
    } else {
        // Doubling back: run along the boundary between the rows, then approach from the side.
        let half_row = viewport.row_height / 2.0;
        let between = if ey > sy {
            ey - half_row
        } else {
            ey + half_row
        };
        let approach_x = ex - in_dir * STUB;
        vec![
            (sx, sy),
            (turn_x, sy),
            (turn_x, between),
            (approach_x, between),
            (approach_x, ey),
            (ex, ey),
        ]
    };
    Some(Arrow {
        from: from.id,
        to: to.id,
        kind,
        points,
        points_right: in_dir > 0.0,
        critical: false,
    })
}

/// The item shape under a screen point, if any (generous around thin bars and diamonds).
pub fn hit(scene: &Scene, x: f32, y: f32, row_height: f32) -> Option<&Shape> {
    scene.shapes.iter().rev().find(|shape| {
        let within_row = (y - shape.y).abs() <= row_height / 2.0;
        let (x0, x1) = match shape.mark {
            Mark::Milestone { .. } => {
                (shape.x0 - DIAMOND_HALF - 3.0, shape.x1 + DIAMOND_HALF + 3.0)
            }
            Mark::Task { .. } | Mark::Buffer { .. } => (
                shape.x0.min(shape.x1 - 6.0) - 3.0,
                shape.x1.max(shape.x0 + 6.0) + 3.0,
            ),
        };
        within_row && x >= x0 && x <= x1
    })
}

#[cfg(test)]
mod tests;
