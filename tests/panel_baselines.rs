//! Baselines through the real window: saving one from the View menu's dialog, the changes since
//! it listed in the Project tab, the milestone trend, undo, the ghost overlay, the RON round trip
//! and snapshots of the overlay and the trend chart.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use std::path::PathBuf;

use common::assert_round_trips;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::edit::Edit;
use milepost::i18n::Language;
use milepost::model::{ItemId, Project};
use milepost::report::trend::milestone_trend;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};
use window_harness::{SIZE, assert_undo_restores, click, date, retype, started, today};

const GO_LIVE: ItemId = ItemId(36);
const TRIAL_MIGRATION_ACCEPTED: ItemId = ItemId(21);

fn harness_in(language: Language, size: [f32; 2]) -> Harness<'static, App> {
    let file = (language == Language::Chinese).then(|| PathBuf::from("assets/sample-zh.ron"));
    let startup = Startup {
        file,
        ..window_harness::startup(language, ThemeChoice::Light)
    };
    started(startup, size)
}

fn harness() -> Harness<'static, App> {
    harness_in(Language::English, SIZE)
}

/// View ▸ Save baseline…, then Save in the dialog with the proposed name and today's date.
fn save_baseline_from_the_menu(harness: &mut Harness<'static, App>) {
    click(harness, "View");
    click(harness, "Save baseline…");
    harness.get_by_label("Save baseline");
    click(harness, "Save");
}

fn open_project_tab(harness: &mut Harness<'static, App>, label: &str) {
    click(harness, label);
    let baselines = if label == "项目" {
        "基线与变更"
    } else {
        "Baselines and changes"
    };
    click(harness, baselines);
}

/// Selects an item by clicking it on the timeline, after scrolling the rows by `scroll_y`.
fn select_on_timeline(harness: &mut Harness<'static, App>, item: ItemId, scroll_y: f32) {
    harness.state_mut().timeline_mut().scroll_y = scroll_y;
    harness.run();
    let (at, _) = harness
        .state()
        .item_on_screen(item)
        .expect("the item is on screen");
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    assert!(
        harness.state().selection().contains(&item),
        "{item} selected"
    );
}

#[test]
fn a_baseline_saved_in_the_dialog_lists_a_moved_milestone_and_its_trend_rises() {
    let mut harness = harness();
    let before = harness.state().project().baselines.len();
    save_baseline_from_the_menu(&mut harness);

    let project = harness.state().project();
    assert_eq!(project.baselines.len(), before + 1, "one baseline more");
    let saved = project.baselines.last().expect("the new baseline");
    assert_eq!(
        saved.name, "Baseline 4",
        "numbered after the three in the sample"
    );
    assert_eq!(saved.taken, today(), "dated today");
    assert_eq!(
        saved.items.len(),
        project.items.len(),
        "every item recorded"
    );

    // Move Go-live three working days later with the arrow keys.
    // Go-live is in the last row: scroll down to it.
    select_on_timeline(&mut harness, GO_LIVE, 400.0);
    for _ in 0..3 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    let go_live = harness.state().project().item(GO_LIVE).expect("Go-live");
    assert_eq!(
        go_live.finish,
        date(2027, 3, 3),
        "Fri 26 Feb + 3 wd is Wed 3 Mar"
    );

    // The Project tab compares with the latest baseline, the one just saved.
    open_project_tab(&mut harness, "Project");
    harness.get_by_label("Changes since “Baseline 4”");
    harness.get_by_label("+3 wd");
    harness.get_by_label("1 later · 0 earlier · 0 added · 0 removed");

    // The trend line of Go-live rises at the last report.
    let lines = milestone_trend(harness.state().project(), today());
    let line = lines
        .iter()
        .find(|line| line.item == GO_LIVE)
        .expect("a line for Go-live");
    assert_eq!(line.points.len(), 5, "four baselines and today");
    let [.., (_, then), (_, now)] = line.points.as_slice() else {
        panic!("at least two points: {:?}", line.points);
    };
    assert_eq!(*then, date(2027, 2, 26), "flat until the new baseline");
    assert_eq!(*now, date(2027, 3, 3), "rising today");

    // The chart opens in its own window.
    click(&mut harness, "Milestone trend…");
    harness.get_by_label("Milestone trend analysis");
}

#[test]
fn undo_takes_back_the_saved_baseline() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    save_baseline_from_the_menu(&mut harness);
    assert_eq!(
        harness.state().project().baselines.len(),
        original.baselines.len() + 1,
        "saved"
    );
    assert_undo_restores(
        &mut harness,
        1,
        &original,
        "one undo removes the baseline and nothing else",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().project().baselines.len(),
        original.baselines.len() + 1,
        "redo saves it again"
    );
}

#[test]
fn cancel_saves_nothing() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    click(&mut harness, "View");
    click(&mut harness, "Save baseline…");
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().project(), &original, "nothing saved");
    assert!(
        harness.query_by_label("Save baseline").is_none(),
        "the dialog closed"
    );
}

#[test]
fn a_saved_baseline_survives_a_round_trip_through_ron() {
    let mut harness = harness();
    save_baseline_from_the_menu(&mut harness);
    let project = harness.state().project().clone();
    let text = assert_round_trips(&project);
    assert!(
        text.contains("name: \"Baseline 4\", taken: \"2026-11-27\""),
        "written with its name and date"
    );
}

#[test]
fn the_overlay_draws_ghosts_only_while_it_is_on() {
    let mut harness = harness();
    assert!(!harness.state().baseline_overlay(), "off at first");
    assert_eq!(harness.state().ghosts_drawn(), 0, "no ghosts while off");

    click(&mut harness, "View");
    click(&mut harness, "Baseline overlay");
    assert!(harness.state().baseline_overlay(), "on");
    // Against "After design review", the data migration and training tasks moved since.
    assert!(
        harness.state().ghosts_drawn() >= 3,
        "ghosts drawn: {}",
        harness.state().ghosts_drawn()
    );

    // A baseline of the plan as it is has no ghosts: nothing differs.
    save_baseline_from_the_menu(&mut harness);
    harness.run();
    assert_eq!(
        harness.state().ghosts_drawn(),
        0,
        "the latest baseline is the plan itself"
    );
    select_on_timeline(&mut harness, TRIAL_MIGRATION_ACCEPTED, 0.0);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness
            .state()
            .project()
            .item(TRIAL_MIGRATION_ACCEPTED)
            .map(|item| item.finish),
        Some(date(2027, 1, 7)),
        "a working day later"
    );
    assert_eq!(
        harness.state().ghosts_drawn(),
        1,
        "the moved milestone's ghost alone"
    );

    click(&mut harness, "View");
    click(&mut harness, "Baseline overlay");
    assert_eq!(harness.state().ghosts_drawn(), 0, "off again");
}

#[test]
fn baseline_overlay_snapshot() {
    let mut harness = harness_in(Language::English, [1600.0, 900.0]);
    click(&mut harness, "View");
    click(&mut harness, "Baseline overlay");
    open_project_tab(&mut harness, "Project");
    // Mid-November to January, where the data migration and training tasks moved.
    let timeline = harness.state_mut().timeline_mut();
    timeline
        .transform
        .fit(date(2026, 11, 9), date(2027, 2, 5), 620.0, 10.0);
    timeline.transform.left_x_points = 0.0;
    timeline.scroll_y = 230.0;
    harness.run();
    assert!(harness.state().ghosts_drawn() >= 5, "ghosts in view");
    harness.snapshot("baseline_overlay");
}

#[test]
fn milestone_trend_snapshot() {
    let mut harness = harness_in(Language::English, [1600.0, 900.0]);
    open_project_tab(&mut harness, "Project");
    click(&mut harness, "Milestone trend…");
    harness.snapshot("milestone_trend");
}

#[test]
fn the_baselines_read_in_chinese() {
    let mut harness = harness_in(Language::Chinese, [1600.0, 900.0]);
    click(&mut harness, "视图");
    click(&mut harness, "叠加显示基线");
    assert!(
        harness.state().ghosts_drawn() > 0,
        "ghosts in the Chinese sample"
    );
    open_project_tab(&mut harness, "项目");
    harness.get_by_label("基线");
    harness.get_by_label("自“第 6 周周例会”以来的变化");
    click(&mut harness, "里程碑趋势…");
    harness.get_by_label("里程碑趋势分析");
    harness.snapshot("milestone_trend_zh");
}

#[test]
fn a_baseline_is_renamed_and_deleted_in_the_project_tab_each_one_undo_step() {
    let mut harness = harness();
    let original: Project = harness.state().project().clone();
    open_project_tab(&mut harness, "Project");

    harness.get_by_label("Kick-off plan").click_secondary();
    harness.run();
    click(&mut harness, "Rename");
    retype(&mut harness, "Name", "Plan at kick-off");
    let project = harness.state().project();
    assert_eq!(
        project.baselines[0].name, "Plan at kick-off",
        "renamed through the edit"
    );
    assert_eq!(
        project.baselines[0].items, original.baselines[0].items,
        "its dates are kept"
    );
    harness.get_by_label("Plan at kick-off");

    harness
        .get_by_label("Delete the baseline “Plan at kick-off” (Edit ▸ Undo brings it back)")
        .click();
    harness.run();
    assert_eq!(
        harness.state().project().baselines.len(),
        original.baselines.len() - 1,
        "deleted"
    );
    assert!(
        harness.query_by_label("Plan at kick-off").is_none(),
        "gone from the list"
    );

    assert_undo_restores(
        &mut harness,
        2,
        &original,
        "two undo steps give the sample back",
    );
}

#[test]
fn another_project_lists_its_own_changes() {
    let mut harness = harness();
    open_project_tab(&mut harness, "Project");
    harness.get_by_label("7 later · 0 earlier · 0 added · 0 removed");
    // Another project at the same revision number, where the data mapping and the migration
    // scripts kept their baseline dates.
    let mut other: Project = harness.state().project().clone();
    for id in [16, 18] {
        let old = other.baselines[2]
            .items
            .iter()
            .find(|old| old.item == ItemId(id))
            .cloned()
            .expect("in the baseline");
        let item = other.item_mut(ItemId(id)).expect("in the project");
        item.start = old.start;
        item.finish = old.finish;
    }
    harness.state_mut().set_project(other);
    harness.run();
    harness.get_by_label("Changes since “After design review”");
    harness.get_by_label("5 later · 0 earlier · 0 added · 0 removed");
}

#[test]
fn the_changes_are_worked_out_again_after_an_edit_while_the_tab_is_open() {
    let mut harness = harness();
    open_project_tab(&mut harness, "Project");
    harness.get_by_label("7 later · 0 earlier · 0 added · 0 removed");
    harness.state_mut().apply(Edit::DeleteItem {
        item: TRIAL_MIGRATION_ACCEPTED,
    });
    harness.run();
    assert!(
        harness
            .query_by_label("7 later · 0 earlier · 0 added · 0 removed")
            .is_none(),
        "the count of the revision before the edit is gone"
    );
    harness.get_by_label("7 later · 0 earlier · 0 added · 1 removed");
}
