//! The timeline canvas driven through the real window: drag to move and resize, Shift + drag,
//! Esc, linking by drag, cycles refused, zoom at the cursor, keyboard nudges, and snapshots.
#![cfg(feature = "gui")]

mod window_harness;

use chrono::NaiveDate;
use egui::{Event, Key, Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use milepost::i18n::Language;
use milepost::model::{ItemId, Project};
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};
use window_harness::{
    SIZE, assert_undo_restores, click, date, retype, started, startup, texts_drawn, undo,
};

const SOLUTION_DESIGN: ItemId = ItemId(7);
const DESIGN_APPROVED: ItemId = ItemId(8);
const CONFIGURE_ACCOUNTS: ItemId = ItemId(9);
const OUTLOOK_INTEGRATION: ItemId = ItemId(11);
const REQUIREMENTS_SIGNED_OFF: ItemId = ItemId(5);

fn harness_with(startup: Startup) -> Harness<'static, App> {
    started(startup, SIZE)
}

fn harness() -> Harness<'static, App> {
    harness_with(startup(Language::English, ThemeChoice::Light))
}

fn dates_in(project: &Project, id: ItemId) -> (NaiveDate, NaiveDate) {
    let item = project.item(id).expect("item exists");
    (item.start, item.finish)
}

fn dates(harness: &Harness<'static, App>, id: ItemId) -> (NaiveDate, NaiveDate) {
    let item = harness.state().project().item(id).expect("item exists");
    (item.start, item.finish)
}

/// Screen position of an item's ends, and the width of a day in points.
fn geometry(harness: &Harness<'static, App>, id: ItemId) -> (Pos2, Pos2, f32) {
    let (left, right) = harness
        .state()
        .item_on_screen(id)
        .expect("the item is on screen");
    let (start, finish) = dates(harness, id);
    let days = (finish - start).num_days() as f32 + 1.0;
    (left, right, (right.x - left.x) / days)
}

/// Where a drag takes an item's bar to move it (the middle of its top edge), and the width of a
/// day in points.
fn grip_of(harness: &Harness<'static, App>, id: ItemId) -> (Pos2, f32) {
    let (left, right, day) = geometry(harness, id);
    (pos2(left.x.midpoint(right.x), left.y), day)
}

/// Two clicks at `pos`, a double-click.
fn double_click(harness: &mut Harness<'static, App>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false, true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// Presses at `from`, moves to `to` in steps, releases unless `release` is false.
fn drag(harness: &mut Harness<'static, App>, from: Pos2, to: Pos2, release: bool) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        let t = step as f32 / 4.0;
        harness.hover_at(from + (to - from) * t);
        harness.run();
    }
    if release {
        harness.drop_at(to);
        harness.run();
    }
}

#[test]
fn dragging_a_bar_moves_it_and_pushes_its_successors_and_undo_restores_all() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    drag(&mut harness, grip, grip + egui::vec2(3.0 * day, 0.0), true);
    // Solution design is finished: the window asks first.
    assert_eq!(
        dates(&harness, SOLUTION_DESIGN),
        dates_in(&original, SOLUTION_DESIGN),
        "nothing moves before the answer"
    );
    assert!(
        harness
            .query_by_label("“Solution design” is finished")
            .is_some(),
        "a finished task asks before it moves"
    );
    click(&mut harness, "Move it anyway");

    // Mon 9 Nov + 3 days = Thu 12 Nov; nine working days later it finishes Tue 24 Nov.
    assert_eq!(
        dates(&harness, SOLUTION_DESIGN),
        (date(2026, 11, 12), date(2026, 11, 24)),
        "moved 3 days"
    );
    assert_eq!(
        dates(&harness, DESIGN_APPROVED).0,
        date(2026, 11, 24),
        "the milestone follows on the finish day"
    );
    assert!(
        dates(&harness, CONFIGURE_ACCOUNTS).0 > date(2026, 11, 23),
        "its successor is pushed"
    );
    assert_eq!(
        harness.state().project().item(OUTLOOK_INTEGRATION),
        original.item(OUTLOOK_INTEGRATION),
        "slack absorbs the push downstream"
    );

    assert_undo_restores(&mut harness, 1, &original, "one undo restores everything");
}

#[test]
fn esc_during_a_drag_changes_nothing() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    drag(&mut harness, grip, grip + egui::vec2(5.0 * day, 0.0), false);
    assert!(
        harness.query_by_label_contains("Moves ").is_some(),
        "the impact card shows during the drag"
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.drop_at(grip + egui::vec2(5.0 * day, 0.0));
    harness.run();
    assert_eq!(harness.state().project(), &original, "Esc cancels the drag");
    assert!(!harness.state().is_modified(), "nothing to save");
}

#[test]
fn both_edges_resize() {
    let mut harness = harness();
    let (left, right, day) = geometry(&harness, OUTLOOK_INTEGRATION);
    let before = dates(&harness, OUTLOOK_INTEGRATION);
    let edge = pos2(left.x + 1.0, left.y);
    drag(&mut harness, edge, edge + egui::vec2(2.0 * day, 0.0), true);
    assert_eq!(
        dates(&harness, OUTLOOK_INTEGRATION),
        (date(2026, 12, 9), before.1),
        "the start moved, the finish stayed"
    );

    let (_, right_now, _) = geometry(&harness, OUTLOOK_INTEGRATION);
    assert!(
        (right_now.x - right.x).abs() < 0.5,
        "the right end did not move"
    );
    let edge = pos2(right.x - 1.0, right.y);
    drag(&mut harness, edge, edge + egui::vec2(3.0 * day, 0.0), true);
    let (start, finish) = dates(&harness, OUTLOOK_INTEGRATION);
    assert_eq!(start, date(2026, 12, 9), "the start stayed");
    assert_eq!(
        finish,
        date(2026, 12, 21),
        "Fri 18 Dec + 3 days is Mon 21 Dec"
    );
    assert_eq!(
        harness.state().history_depth(),
        2,
        "two gestures, two undo steps"
    );
}

#[test]
fn a_bar_taken_hold_of_is_selected_and_a_resize_is_called_a_resize() {
    let mut harness = harness();
    assert!(harness.state().selection().is_empty(), "nothing selected");
    let (_, right, day) = geometry(&harness, OUTLOOK_INTEGRATION);
    let edge = pos2(right.x - 1.0, right.y);
    drag(&mut harness, edge, edge + egui::vec2(3.0 * day, 0.0), false);
    assert!(
        harness.state().selection().contains(&OUTLOOK_INTEGRATION),
        "the dragged bar is selected"
    );
    assert!(
        harness
            .query_by_label_contains("Resizes Outlook e-mail and calendar integration")
            .is_some(),
        "the card calls a resize a resize"
    );
    assert!(
        harness.query_by_label_contains("Moves 1 item").is_none(),
        "not a move"
    );
}

#[test]
fn the_impact_card_stands_away_from_the_dragged_bar_inside_the_timeline() {
    let mut harness = harness();
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    drag(&mut harness, grip, grip + egui::vec2(5.0 * day, 0.0), false);
    let card = harness.get_by_label_contains("Moves ").rect();
    let (left, _, _) = geometry(&harness, SOLUTION_DESIGN);
    assert!(
        card.top() > left.y + 20.0,
        "the card is below the bar in the upper half: card {card:?}, bar at {}",
        left.y
    );
    let panel = harness.get_by_label("Inspector").rect();
    assert!(
        card.right() < panel.left(),
        "the card stays on the timeline: card {card:?}, side panel from {}",
        panel.left()
    );
}

#[test]
fn moving_a_finished_task_can_be_declined() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    drag(&mut harness, grip, grip + egui::vec2(3.0 * day, 0.0), true);
    click(&mut harness, "Cancel");
    assert_eq!(
        harness.state().project(),
        &original,
        "declined, nothing moved"
    );
    assert_eq!(harness.state().history_depth(), 0, "and no undo step");
    // A task not yet finished moves without a question.
    let (grip, day) = grip_of(&harness, OUTLOOK_INTEGRATION);
    drag(&mut harness, grip, grip + egui::vec2(2.0 * day, 0.0), true);
    assert_eq!(harness.state().history_depth(), 1, "moved at once");
}

#[test]
fn shift_drag_moves_the_whole_chain() {
    let mut harness = harness();
    let before = dates(&harness, OUTLOOK_INTEGRATION);
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    drag(&mut harness, grip, grip + egui::vec2(3.0 * day, 0.0), true);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    click(&mut harness, "Move it anyway");
    assert_eq!(
        dates(&harness, SOLUTION_DESIGN).0,
        date(2026, 11, 12),
        "moved 3 working days"
    );
    assert_eq!(
        dates(&harness, OUTLOOK_INTEGRATION),
        (date(2026, 12, 10), date(2026, 12, 23)),
        "a successor with slack moves by the same 3 working days"
    );
    assert_ne!(dates(&harness, OUTLOOK_INTEGRATION), before, "moved");
}

#[test]
fn dragging_from_a_bar_end_onto_another_bar_links_them_and_a_loop_is_refused() {
    let mut harness = harness();
    let links_before = harness.state().project().links.len();
    let (_, end, _) = geometry(&harness, OUTLOOK_INTEGRATION);
    let (target_left, target_right, _) = geometry(&harness, ItemId(19));
    let handle = pos2(end.x + 12.0, end.y);
    let target = pos2(target_left.x.midpoint(target_right.x), target_left.y);
    drag(&mut harness, handle, target, false);
    assert_eq!(
        harness.state().link_target(),
        Some(ItemId(19)),
        "the bar the link would land on is lit"
    );
    harness.drop_at(target);
    harness.run();
    assert_eq!(harness.state().link_target(), None, "and unlit after");
    let links = &harness.state().project().links;
    assert_eq!(links.len(), links_before + 1, "a link was added");
    assert!(
        links
            .iter()
            .any(|link| link.from == OUTLOOK_INTEGRATION && link.to == ItemId(19)),
        "11 → 19"
    );

    // Design approved → Requirements signed off would close a loop.
    let (_, end, _) = geometry(&harness, DESIGN_APPROVED);
    let handle = pos2(end.x + 7.0 + 12.0, end.y);
    let (target, _, _) = geometry(&harness, REQUIREMENTS_SIGNED_OFF);
    drag(&mut harness, handle, target, true);
    assert_eq!(
        harness.state().project().links.len(),
        links_before + 1,
        "no link added"
    );
    assert!(
        harness
            .query_by_label("This link would make a loop")
            .is_some(),
        "the refusal is titled for what it is"
    );
    assert!(
        harness
            .query_by_label_contains("“Design approved” → ")
            .is_some(),
        "and names the items in it, without their numbers"
    );
}

#[test]
fn zoom_keeps_the_date_under_the_cursor() {
    let mut harness = harness();
    let (left, right, _) = geometry(&harness, SOLUTION_DESIGN);
    let cursor = pos2(left.x.midpoint(right.x) + 0.3, left.y);
    let under = |harness: &mut Harness<'static, App>| {
        harness
            .state_mut()
            .timeline_mut()
            .transform
            .days_from_x(f64::from(cursor.x))
    };
    let before = under(&mut harness);
    harness.hover_at(cursor);
    harness.run();
    harness.event(Event::Zoom(1.8));
    harness.run();
    let (left_after, right_after, _) = geometry(&harness, SOLUTION_DESIGN);
    assert!(
        right_after.x - left_after.x > (right.x - left.x) * 1.5,
        "zoomed in"
    );
    assert!(
        (under(&mut harness) - before).abs() < 1e-3,
        "the same date stays under the cursor"
    );
}

#[test]
fn arrow_keys_nudge_the_selection_by_working_days() {
    let mut harness = harness();
    let (left, right, _) = geometry(&harness, OUTLOOK_INTEGRATION);
    harness.hover_at(pos2(left.x.midpoint(right.x), left.y));
    harness.run();
    let centre = pos2(left.x.midpoint(right.x), left.y);
    harness.drag_at(centre);
    harness.drop_at(centre);
    harness.run();
    assert!(
        harness.state().selection().contains(&OUTLOOK_INTEGRATION),
        "selected by a click"
    );
    let nudges = [
        (
            Modifiers::NONE,
            Key::ArrowRight,
            (8, 21),
            "one working day later",
        ),
        (
            Modifiers::SHIFT,
            Key::ArrowLeft,
            (1, 14),
            "Shift+← moves it a week (five working days) earlier; its predecessor allows that",
        ),
        (
            Modifiers::SHIFT,
            Key::ArrowRight,
            (8, 21),
            "Shift+→ moves it a week later again",
        ),
    ];
    for (modifiers, key, (start, finish), why) in nudges {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        assert_eq!(
            dates(&harness, OUTLOOK_INTEGRATION),
            (date(2026, 12, start), date(2026, 12, finish)),
            "{why}"
        );
    }
    harness.key_press(Key::Delete);
    harness.run();
    assert!(
        harness
            .state()
            .project()
            .item(OUTLOOK_INTEGRATION)
            .is_none(),
        "Delete removes it"
    );
    undo(&mut harness);
    assert!(
        harness
            .state()
            .project()
            .item(OUTLOOK_INTEGRATION)
            .is_some(),
        "undo brings it back"
    );
}

#[test]
fn snapshot_timeline_sample_light() {
    let mut harness = harness();
    harness.snapshot("timeline_sample_light");
}

#[test]
fn snapshot_timeline_sample_dark() {
    let mut harness = harness_with(startup(Language::English, ThemeChoice::Dark));
    harness.snapshot("timeline_sample_dark");
}

#[test]
fn snapshot_timeline_sample_zh() {
    let mut harness = harness_with(Startup {
        file: Some("assets/sample-zh.ron".into()),
        ..startup(Language::Chinese, ThemeChoice::Light)
    });
    harness.snapshot("timeline_sample_zh");
}

#[test]
fn snapshot_timeline_drag_impact() {
    let mut harness = harness();
    let (grip, day) = grip_of(&harness, SOLUTION_DESIGN);
    drag(&mut harness, grip, grip + egui::vec2(6.0 * day, 0.0), false);
    harness.snapshot("timeline_drag_impact");
}

#[test]
fn snapshot_timeline_zoomed_out_10k() {
    let mut harness = harness();
    harness
        .state_mut()
        .set_project(milepost::cli::generate::project(10_000, 1));
    harness.run();
    harness.snapshot("timeline_zoomed_out_10k");
}

#[test]
fn the_inspector_edits_the_selected_item() {
    let mut harness = harness();
    click(&mut harness, "Solution design");
    click(&mut harness, "Name");
    retype(&mut harness, "Name", "Solution blueprint");
    assert_eq!(
        harness
            .state()
            .project()
            .item(SOLUTION_DESIGN)
            .map(|item| item.name.as_str()),
        Some("Solution blueprint"),
        "renamed through the Inspector"
    );
    click(&mut harness, "Visible to the client");
    assert_eq!(
        harness
            .state()
            .project()
            .item(SOLUTION_DESIGN)
            .map(|item| item.client_visible),
        Some(false),
        "hidden from the client"
    );
    assert_eq!(
        harness.state().history_depth(),
        2,
        "two edits, two undo steps"
    );
}

#[test]
fn double_clicking_an_empty_row_adds_a_task_there() {
    let mut harness = harness();
    let (left, _, day) = geometry(&harness, SOLUTION_DESIGN);
    let empty = pos2(left.x - 20.0 * day, left.y);
    double_click(&mut harness, empty);
    assert!(
        harness.query_by_label("Something went wrong").is_none(),
        "no error"
    );
    let project = harness.state().project();
    let added = project.items.last().expect("an item");
    assert_eq!(added.name, "New task", "a new task");
    assert_eq!(
        added.lane,
        project.item(SOLUTION_DESIGN).and_then(|item| item.lane),
        "in the row's lane"
    );
    assert!(harness.state().selection().contains(&added.id), "selected");
}

#[test]
fn a_task_added_by_double_click_low_in_the_window_is_scrolled_into_view() {
    let mut harness = harness();
    let (left, _, day) = geometry(&harness, ItemId(23));
    let empty = pos2(left.x - 20.0 * day, left.y);
    double_click(&mut harness, empty);
    harness.key_press(egui::Key::Escape);
    harness.run();
    let added = harness.state().project().items.last().expect("an item").id;
    assert_eq!(added, ItemId(37), "a new task");
    assert!(
        harness.state().item_on_screen(added).is_some(),
        "its row, the last of its lane, is scrolled into view"
    );
}

#[test]
fn folding_a_lane_hides_its_items_in_the_outline_and_on_the_timeline() {
    let mut harness = harness();
    assert!(
        harness.state().item_on_screen(ItemId(2)).is_some(),
        "a Discovery item is drawn"
    );
    click(&mut harness, "Discovery");
    assert!(
        harness.query_by_label("Sales process workshops").is_none(),
        "gone from the outline"
    );
    assert!(
        harness.state().item_on_screen(ItemId(2)).is_none(),
        "gone from the timeline"
    );
    click(&mut harness, "Discovery");
    harness.get_by_label("Sales process workshops");
}

#[test]
fn the_wheel_scrolls_the_outline_and_the_timeline_together() {
    let mut harness = harness();
    let before = harness
        .state()
        .item_on_screen(SOLUTION_DESIGN)
        .expect("drawn")
        .0
        .y;
    let row = harness.get_by_label("Solution design").rect();
    assert!(
        (row.center().y - before).abs() < 1.0,
        "the outline row and the bar are level"
    );
    harness.hover_at(row.center());
    harness.run();
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -78.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let after = harness
        .state()
        .item_on_screen(SOLUTION_DESIGN)
        .expect("still drawn")
        .0
        .y;
    assert!(
        before - after > 20.0,
        "the timeline scrolled up: {before} → {after}"
    );
    let row = harness.get_by_label("Solution design").rect();
    assert!(
        (row.center().y - after).abs() < 1.0,
        "and the outline row with it"
    );
}

/// The text runs drawn in the time header of the last frame, with their rectangles, and the
/// timeline's rectangle.
fn header_texts(harness: &Harness<'static, App>) -> (egui::Rect, Vec<(String, egui::Rect)>) {
    let canvas = harness.get_by_role(egui::accesskit::Role::Canvas).rect();
    let header = egui::Rect::from_min_size(
        canvas.min,
        egui::vec2(
            canvas.width(),
            milepost::ui::timeline::canvas::HEADER_HEIGHT,
        ),
    );
    let texts = texts_drawn(harness)
        .into_iter()
        .filter(|drawn| {
            header.intersects(drawn.rect) && header.contains_rect(drawn.rect.intersect(drawn.clip))
        })
        .map(|drawn| (drawn.text, drawn.rect))
        .collect();
    (canvas, texts)
}

#[test]
fn a_month_cut_by_the_left_edge_keeps_its_label_inside_the_dates() {
    let mut harness = harness();
    // Only the last days of October are in view at the left edge.
    harness.state_mut().timeline_mut().transform.left_days =
        milepost::timeline::transform::days_from_date(date(2026, 10, 27));
    harness.run();
    let (canvas, texts) = header_texts(&harness);
    let october = texts
        .iter()
        .find_map(|(text, rect)| (text == "Oct").then_some(*rect))
        .unwrap_or_else(|| panic!("October is labelled: {texts:?}"));
    assert!(
        october.left() >= canvas.left(),
        "the label starts inside the dates: {october:?} in {canvas:?}"
    );
    for (text, rect) in &texts {
        assert!(
            text == "Oct" || !rect.intersects(october),
            "October's label overlaps {text:?}: {october:?} and {rect:?}"
        );
    }
}

#[test]
fn meeting_markers_do_not_cover_the_month_names() {
    let mut harness = harness();
    let (_, texts) = header_texts(&harness);
    let december = texts
        .iter()
        .find(|(text, _)| text == "Dec")
        .map(|(_, rect)| *rect)
        .expect("December is labelled");
    // A meeting right under the middle of December's label.
    let under_label = harness
        .state_mut()
        .timeline_mut()
        .transform
        .date_from_x(f64::from(december.center().x));
    let mut project = harness.state().project().clone();
    project.meetings[0].date = under_label;
    harness.state_mut().set_project(project);
    harness.run();
    let (_, texts) = header_texts(&harness);
    let markers: Vec<egui::Rect> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.starts_with("Meeting: "))
        })
        // The node is the marker's hit area, 2 × 3 points larger than the pennant drawn.
        .map(|node| node.rect().shrink2(egui::vec2(2.0, 3.0)))
        .collect();
    let december = texts
        .iter()
        .find(|(text, _)| text == "Dec")
        .map(|(_, rect)| *rect)
        .expect("December is still labelled");
    assert!(
        markers
            .iter()
            .any(|marker| marker.x_range().intersects(december.x_range())),
        "a marker sits under December's label: {markers:?}, {december:?}"
    );
    for marker in &markers {
        for (text, rect) in &texts {
            assert!(
                !marker.intersects(*rect),
                "a meeting marker {marker:?} covers {text:?} at {rect:?}"
            );
        }
    }
}
