//! File ▸ New gives a project one can start: one lane, the timeline on today's month, and
//! Edit ▸ Add task / Add milestone / Add lane (Insert, Ctrl+M) that put new items where a
//! planner expects them, selected.
#![cfg(feature = "gui")]

mod window_harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::ItemKind;
use milepost::ui::App;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, click, click_containing, started, startup, today, undo};

/// The window after File ▸ New.
fn new_project() -> Harness<'static, App> {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness
}

/// Insert, then Esc to end the renaming the new task starts with.
fn add_task(harness: &mut Harness<'static, App>) {
    harness.key_press(Key::Insert);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn file_new_opens_on_today_with_one_lane() {
    let mut harness = new_project();
    assert!(harness.state().project().items.is_empty(), "empty");
    assert_eq!(harness.state().project().lanes.len(), 1, "one lane");
    let centre = harness
        .state_mut()
        .timeline_mut()
        .transform
        .date_from_x(710.0);
    let days = (centre - today()).num_days().abs();
    assert!(days < 20, "the timeline shows today's month, not {centre}");
    harness.snapshot("new_project");
}

#[test]
fn insert_adds_a_task_on_today_in_the_lane_selected() {
    let mut harness = new_project();
    harness.key_press(Key::Insert);
    harness.run();
    let project = harness.state().project();
    let task = project.items.first().expect("a task was added");
    assert_eq!(task.kind, ItemKind::Task);
    assert_eq!(task.start, today(), "on today (a Friday, a working day)");
    assert_eq!(task.lane, project.lanes.first().map(|lane| lane.id));
    let id = task.id;
    assert!(harness.state().selection().contains(&id), "selected");
}

#[test]
fn ctrl_m_adds_a_milestone_after_the_selected_task() {
    let mut harness = new_project();
    add_task(&mut harness);
    let task = harness.state().project().items[0].clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::M);
    harness.run();
    let project = harness.state().project();
    assert_eq!(project.items.len(), 2, "a milestone was added");
    let milestone = &project.items[1];
    assert_eq!(milestone.kind, ItemKind::Milestone);
    assert!(milestone.finish > task.finish, "after the selected task");
    assert_eq!(milestone.lane, task.lane, "in its lane");
    let only = harness.state().selection().len() == 1;
    assert!(
        only && harness.state().selection().contains(&milestone.id),
        "the milestone alone is selected"
    );
}

#[test]
fn the_edit_menu_adds_tasks_milestones_and_lanes() {
    let mut harness = new_project();
    for entry in ["Add lane", "Add milestone"] {
        click(&mut harness, "Edit");
        click_containing(&mut harness, entry);
    }
    assert_eq!(harness.state().project().lanes.len(), 2, "a second lane");
    assert_eq!(harness.state().project().items.len(), 1, "a milestone");
}

#[test]
fn the_toolbar_adds_tasks_milestones_and_lanes() {
    let mut harness = new_project();
    for button in ["+ Task", "+ Milestone", "+ Lane"] {
        click(&mut harness, button);
        harness.key_press(Key::Escape);
        harness.run();
    }
    let project = harness.state().project();
    let kinds: Vec<ItemKind> = project.items.iter().map(|item| item.kind).collect();
    assert_eq!(
        kinds,
        [ItemKind::Task, ItemKind::Milestone],
        "a task and a milestone"
    );
    assert_eq!(project.lanes.len(), 2, "and a second lane");
}

#[test]
fn the_name_typed_into_a_new_task_replaces_new_task() {
    let mut harness = new_project();
    harness.key_press(Key::Insert);
    harness.run();
    harness.event(egui::Event::Text("Kick-off call".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let names: Vec<&str> = harness
        .state()
        .project()
        .items
        .iter()
        .map(|item| item.name.as_str())
        .collect();
    assert_eq!(names, ["Kick-off call"], "the default name was selected");
}

#[test]
fn undoing_an_add_leaves_nothing_selected() {
    let mut harness = new_project();
    add_task(&mut harness);
    undo(&mut harness);
    assert!(harness.state().project().items.is_empty(), "taken back");
    let blank = harness.query_by_label_contains("items selected").is_some();
    assert!(
        harness.state().selection().is_empty() && !blank,
        "nothing selected"
    );
}

#[test]
fn counts_are_written_in_the_singular_for_one() {
    let mut harness = new_project();
    harness.get_by_label("0 items · 0 links");
    harness.key_press(Key::Insert);
    harness.run();
    harness.get_by_label("1 item · 0 links");
}
