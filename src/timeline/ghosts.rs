//! The baseline overlay: ghost bars and ghost diamonds at the dates an item had in a baseline,
//! for the items whose dates changed since. The geometry is plain data, like the rest of the
//! layout; [`super::paint`] turns it into primitives, so an exported picture can draw the same
//! ghosts as the screen.

use std::collections::HashMap;

use crate::model::{Baseline, BaselineItem, ItemId, ItemKind, Project};

use super::layout::{BAR_HEIGHT, DIAMOND_HALF, Row, Rows, Viewport};

/// How far a ghost bar sits below its row's centre line, so that it shows beneath the real bar.
pub const GHOST_DROP: f32 = 5.0;

/// The shape of a ghost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GhostMark {
    /// A task or buffer: a bar from `x0` to `x1`.
    Bar,
    /// A milestone: a diamond at `x0` (equal to `x1`).
    Diamond,
}

/// Where an item was in the baseline, on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// The item.
    pub item: ItemId,
    /// Its row.
    pub row: usize,
    /// Bar or diamond.
    pub mark: GhostMark,
    /// Left screen x at the baseline's dates (the instant, for a diamond).
    pub x0: f32,
    /// Right screen x at the baseline's dates.
    pub x1: f32,
    /// Screen y of the row's centre.
    pub y: f32,
    /// Screen x of the item's current finish (its instant, for a milestone): where the line
    /// from a ghost diamond to the real one ends.
    pub current_x: f32,
}

/// The ghosts of the items in visible rows whose start or finish differs from `baseline`,
/// top to bottom. Items not in the baseline, and ghosts wholly off screen, give none.
pub fn ghosts(
    project: &Project,
    rows: &Rows,
    viewport: &Viewport,
    baseline: &Baseline,
) -> Vec<Ghost> {
    // A baseline lists the items in the project's order when it is taken, so the record at the
    // item's own index is usually the one; the map is built only when it is not.
    let mut then: Option<HashMap<ItemId, &BaselineItem>> = None;
    let transform = &viewport.transform;
    let (left, right) = viewport.x_range;
    let mut ghosts = Vec::new();
    for row in viewport.visible_rows(rows.len()) {
        let Some(Row::Item { index }) = rows.rows.get(row) else {
            continue;
        };
        let Some(item) = project.items.get(*index) else {
            continue;
        };
        let old = match baseline.items.get(*index) {
            Some(old) if old.item == item.id => old,
            _ => {
                let then = then.get_or_insert_with(|| {
                    baseline.items.iter().map(|old| (old.item, old)).collect()
                });
                let Some(old) = then.get(&item.id) else {
                    continue;
                };
                old
            }
        };
        if old.start == item.start && old.finish == item.finish {
            continue;
        }
        let current_x = transform.x_from_date_end(item.finish) as f32;
        let x1 = transform.x_from_date_end(old.finish) as f32;
        let (mark, x0, reach) = if item.kind == ItemKind::Milestone {
            (GhostMark::Diamond, x1, DIAMOND_HALF)
        } else {
            let x0 = (transform.x_from_date(old.start) as f32).min(x1);
            (GhostMark::Bar, x0, 0.0)
        };
        let (low, high) = (x0.min(current_x) - reach, x1.max(current_x) + reach);
        if high < left || low > right {
            continue;
        }
        ghosts.push(Ghost {
            item: item.id,
            row,
            mark,
            x0,
            x1,
            y: viewport.row_centre_y(row),
            current_x,
        });
    }
    ghosts
}

/// The rectangle of a ghost bar as `(left, top, right, bottom)`: as tall as a real bar, dropped
/// by [`GHOST_DROP`] so that its lower edge shows beneath the real bar.
pub fn bar_rect(ghost: &Ghost) -> (f32, f32, f32, f32) {
    let half = BAR_HEIGHT / 2.0;
    let right = ghost.x1.max(ghost.x0 + 2.0);
    (
        ghost.x0,
        ghost.y - half + GHOST_DROP,
        right,
        ghost.y + half + GHOST_DROP,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::NaiveDate;

    use super::*;
    use crate::model::{BaselineId, Item};
    use crate::schedule::take_baseline;
    use crate::timeline::testing::date;
    use crate::timeline::transform::{Transform, days_from_date};

    fn viewport() -> Viewport {
        Viewport {
            transform: Transform {
                left_x_points: 0.0,
                left_days: days_from_date(date(2027, 1, 1)),
                days_per_point: 1.0 / 20.0,
            },
            rows_top_y: 0.0,
            row_height: 26.0,
            x_range: (0.0, 1000.0),
            y_range: (0.0, 500.0),
        }
    }

    /// The baseline "Plan" of `project` as it is, taken on 1 December 2026.
    fn plan(project: &Project) -> Baseline {
        take_baseline(project, BaselineId(1), "Plan", date(2026, 12, 1))
    }

    /// Moves the item at `index` of `project` to run from `start` to `finish`.
    fn move_item(project: &mut Project, index: usize, start: NaiveDate, finish: NaiveDate) {
        project.items[index].start = start;
        project.items[index].finish = finish;
    }

    fn project() -> Project {
        let mut project = Project::named("Ghosts");
        project.items = vec![
            Item::task(ItemId(1), "A", date(2027, 1, 4), date(2027, 1, 8)),
            Item::milestone(ItemId(2), "B", date(2027, 1, 8)),
            Item::task(ItemId(3), "C", date(2027, 1, 11), date(2027, 1, 12)),
        ];
        project
    }

    #[test]
    fn only_moved_items_get_a_ghost_at_their_baseline_dates() {
        let mut project = project();
        let baseline = plan(&project);
        // A slips two days; B slips to the 12th; C stays.
        move_item(&mut project, 0, date(2027, 1, 6), date(2027, 1, 12));
        move_item(&mut project, 1, date(2027, 1, 12), date(2027, 1, 12));
        let rows = Rows::new(&project, &HashSet::new());
        let viewport = viewport();
        let ghosts = ghosts(&project, &rows, &viewport, &baseline);
        assert_eq!(ghosts.len(), 2, "C did not move: {ghosts:?}");
        let a = &ghosts[0];
        assert_eq!(a.mark, GhostMark::Bar, "a task's ghost is a bar");
        assert!(
            (a.x0 - 60.0).abs() < 1e-3 && (a.x1 - 160.0).abs() < 1e-3,
            "A was 4–8 Jan, 60..160: {a:?}"
        );
        assert!((a.current_x - 240.0).abs() < 1e-3, "A now ends on the 12th");
        let b = &ghosts[1];
        assert_eq!(
            b.mark,
            GhostMark::Diamond,
            "a milestone's ghost is a diamond"
        );
        assert!(
            (b.x0 - 160.0).abs() < 1e-3 && (b.current_x - 240.0).abs() < 1e-3,
            "B was at the end of the 8th and is at the end of the 12th: {b:?}"
        );
        assert!(
            (b.y - viewport.row_centre_y(rows.row_of_item[&ItemId(2)])).abs() < 1e-3,
            "on B's row"
        );
        let (_, top, _, bottom) = bar_rect(a);
        assert!(
            top > a.y - BAR_HEIGHT / 2.0 && bottom > a.y + BAR_HEIGHT / 2.0,
            "the ghost bar shows beneath the real one"
        );
    }

    #[test]
    fn a_baseline_in_another_order_finds_each_item() {
        let mut project = project();
        let mut baseline = plan(&project);
        baseline.items.reverse();
        move_item(&mut project, 1, date(2027, 1, 12), date(2027, 1, 12));
        let rows = Rows::new(&project, &HashSet::new());
        let ghosts = ghosts(&project, &rows, &viewport(), &baseline);
        assert_eq!(ghosts.len(), 1, "only B moved: {ghosts:?}");
        assert!(
            (ghosts[0].x0 - 160.0).abs() < 1e-3,
            "B's ghost at its own baseline date"
        );
    }

    #[test]
    fn items_off_screen_or_new_have_no_ghost() {
        let mut project = project();
        let baseline = plan(&project);
        move_item(&mut project, 2, date(2027, 1, 13), date(2027, 1, 14));
        project.items.push(Item::task(
            ItemId(4),
            "D",
            date(2027, 1, 4),
            date(2027, 1, 5),
        ));
        let rows = Rows::new(&project, &HashSet::new());
        let narrow = Viewport {
            x_range: (0.0, 100.0),
            ..viewport()
        };
        assert!(
            ghosts(&project, &rows, &narrow, &baseline).is_empty(),
            "C's ghost and bar are right of the view; D is new"
        );
        let ghosts = ghosts(&project, &rows, &viewport(), &baseline);
        assert_eq!(
            ghosts.iter().map(|ghost| ghost.item).collect::<Vec<_>>(),
            vec![ItemId(3)],
            "only C moved"
        );
    }
}
