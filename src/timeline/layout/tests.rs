//! Tests of the timeline's layout: rows, shapes, routed arrows and hit testing, on a small
//! hand-built project. Not for the canvas or the painter, which have their own tests.

use super::*;
use crate::model::{Lane, Link};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn project() -> Project {
    let mut project = Project::named("Layout");
    project.lanes = vec![
        Lane {
            id: LaneId(1),
            name: "One".to_owned(),
        },
        Lane {
            id: LaneId(2),
            name: "Two".to_owned(),
        },
    ];
    let mut a = Item::task(ItemId(1), "A", date(2027, 1, 4), date(2027, 1, 8));
    a.lane = Some(LaneId(2));
    let mut b = Item::milestone(ItemId(2), "B", date(2027, 1, 8));
    b.lane = Some(LaneId(1));
    b.deadline = Some(date(2027, 1, 7));
    let c = Item::task(ItemId(3), "C", date(2027, 1, 11), date(2027, 1, 12));
    project.items = vec![a, b, c];
    project.links = vec![
        Link {
            from: ItemId(1),
            to: ItemId(2),
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        },
        Link {
            from: ItemId(2),
            to: ItemId(3),
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        },
    ];
    project
}

fn viewport() -> Viewport {
    Viewport {
        transform: Transform {
            left_x_points: 0.0,
            left_days: super::super::transform::days_from_date(date(2027, 1, 1)),
            days_per_point: 1.0 / 20.0,
        },
        rows_top_y: 0.0,
        row_height: 26.0,
        x_range: (0.0, 1000.0),
        y_range: (0.0, 500.0),
    }
}

fn overlay(preview: Option<&HashMap<ItemId, (NaiveDate, NaiveDate)>>) -> Overlay<'_> {
    Overlay {
        preview,
        critical: None,
        workdays: &|_, _| 1,
        measure: &|text: &str| text.len() as f32 * 7.0,
    }
}

/// The scene of `project` with every lane open, in the test viewport, as planned or with
/// `preview`.
fn laid_out(project: &Project, preview: Option<&HashMap<ItemId, (NaiveDate, NaiveDate)>>) -> Scene {
    let rows = Rows::new(project, &HashSet::new());
    scene(project, &rows, &viewport(), &overlay(preview))
}

/// The one of `drawn` that `is_it` picks; the test expects it to be there.
fn find<T>(drawn: &[T], is_it: impl Fn(&T) -> bool) -> &T {
    drawn.iter().find(|thing| is_it(thing)).expect("drawn")
}

#[test]
fn rows_follow_lane_order_then_loose_items() {
    let rows = Rows::new(&project(), &HashSet::new());
    let expected = vec![
        Row::Lane {
            lane: Some(LaneId(1)),
            count: 1,
            collapsed: false,
        },
        Row::Item { index: 1 },
        Row::Lane {
            lane: Some(LaneId(2)),
            count: 1,
            collapsed: false,
        },
        Row::Item { index: 0 },
        Row::Lane {
            lane: None,
            count: 1,
            collapsed: false,
        },
        Row::Item { index: 2 },
    ];
    assert_eq!(rows.rows, expected, "lane headings before their items");
    assert_eq!(rows.row_of_item.get(&ItemId(3)), Some(&5), "row index of C");
}

#[test]
fn a_collapsed_lane_hides_its_items() {
    let collapsed: HashSet<Option<LaneId>> = [Some(LaneId(2))].into();
    let rows = Rows::new(&project(), &collapsed);
    assert_eq!(rows.len(), 5, "one row fewer");
    assert!(!rows.row_of_item.contains_key(&ItemId(1)), "A is hidden");
}

#[test]
fn bars_cover_whole_days_and_milestones_sit_at_the_end_of_their_day() {
    let project = project();
    let scene = laid_out(&project, None);
    let a = find(&scene.shapes, |shape| shape.item == ItemId(1));
    assert!(
        (a.x0 - 60.0).abs() < 1e-3 && (a.x1 - 160.0).abs() < 1e-3,
        "4–8 Jan is 60..160: {a:?}"
    );
    let b = find(&scene.shapes, |shape| shape.item == ItemId(2));
    assert!((b.x0 - 160.0).abs() < 1e-3, "milestone at the end of 8 Jan");
    assert!(
        matches!(b.mark, Mark::Milestone { breached: true, .. }),
        "8 Jan is past the 7 Jan deadline"
    );
    assert!(a.label.inside, "A's name fits inside its bar");
    assert!(
        !b.label.inside && b.label.x > b.x1,
        "B's name is beside the diamond"
    );
}

#[test]
fn only_visible_rows_are_laid_out() {
    let project = project();
    let rows = Rows::new(&project, &HashSet::new());
    let viewport = Viewport {
        y_range: (26.0 * 3.0, 26.0 * 4.0),
        ..viewport()
    };
    let scene = scene(&project, &rows, &viewport, &overlay(None));
    assert_eq!(scene.rows, 3..4, "one visible row");
    assert_eq!(scene.shapes.len(), 1, "one shape");
    assert_eq!(scene.shapes[0].item, ItemId(1), "A is in row 3");
}

#[test]
fn the_preview_moves_shapes_and_arrows() {
    let project = project();
    let preview: HashMap<_, _> = [(ItemId(3), (date(2027, 1, 13), date(2027, 1, 14)))].into();
    let scene = laid_out(&project, Some(&preview));
    let c = find(&scene.shapes, |shape| shape.item == ItemId(3));
    assert!(
        c.moved && (c.x0 - 240.0).abs() < 1e-3,
        "C drawn from 13 Jan: {c:?}"
    );
    let arrow = find(&scene.arrows, |arrow| arrow.to == ItemId(3));
    assert_eq!(
        arrow.points.last(),
        Some(&(240.0, c.y)),
        "the arrow ends at C's new start"
    );
    assert!(arrow.points_right, "into a start");
}

#[test]
fn a_backward_link_doubles_back_between_rows() {
    let mut project = project();
    project.items[2].start = date(2027, 1, 5);
    project.items[2].finish = date(2027, 1, 6);
    let scene = laid_out(&project, None);
    let arrow = find(&scene.arrows, |arrow| arrow.to == ItemId(3));
    assert_eq!(arrow.points.len(), 6, "routed around: {arrow:?}");
    let straight = |a: f32, b: f32| (a - b).abs() < 1e-3;
    assert!(
        arrow
            .points
            .windows(2)
            .all(|pair| straight(pair[0].0, pair[1].0) || straight(pair[0].1, pair[1].1)),
        "only right angles"
    );
}

#[test]
fn hit_testing_finds_the_item_under_the_pointer() {
    let project = project();
    let rows = Rows::new(&project, &HashSet::new());
    let viewport = viewport();
    let scene = scene(&project, &rows, &viewport, &overlay(None));
    let y = viewport.row_centre_y(3);
    assert_eq!(
        hit(&scene, 100.0, y, 26.0).map(|shape| shape.item),
        Some(ItemId(1)),
        "inside A"
    );
    assert_eq!(
        hit(&scene, 400.0, y, 26.0).map(|shape| shape.item),
        None,
        "empty space"
    );
    let y = viewport.row_centre_y(1);
    assert_eq!(
        hit(&scene, 166.0, y, 26.0).map(|shape| shape.item),
        Some(ItemId(2)),
        "near the diamond"
    );
}
