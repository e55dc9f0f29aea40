//! The window driven from the keyboard: dates typed into date fields, the selection moved
//! through the outline, and the status line after Undo and Redo.
#![cfg(feature = "gui")]

mod window_harness;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::{ItemId, ItemKind};
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Command};
use window_harness::{SIZE, date, started, startup};

/// The English sample with its first task selected; returns the task.
fn first_task_selected(harness: &mut Harness<'static, App>) -> ItemId {
    let task = harness
        .state()
        .project()
        .items
        .iter()
        .find(|item| item.kind == ItemKind::Task)
        .map(|item| item.id)
        .expect("a task in the sample");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Select(vec![task]));
    harness.run();
    task
}

/// Types `text` into the date field labelled `label` (which has the keyboard), then Enter.
fn type_date(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::Button, label).focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, label)
        .type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn a_date_typed_into_a_date_field_lands() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let task = first_task_selected(&mut harness);
    type_date(&mut harness, "Start", "2026-12-07");
    let start = harness.state().project().item(task).map(|item| item.start);
    assert_eq!(start, Some(date(2026, 12, 7)), "the typed start");
    assert_eq!(harness.state().history_depth(), 1, "one undo step");
}

#[test]
fn a_text_that_is_not_a_date_says_why_and_changes_nothing() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let task = first_task_selected(&mut harness);
    let before = harness.state().project().item(task).cloned();
    type_date(&mut harness, "Start", "soon");
    harness.get_by_label_contains("Not a date");
    assert_eq!(
        harness.state().project().item(task).cloned(),
        before,
        "unchanged"
    );
    assert_eq!(harness.state().history_depth(), 0, "nothing to undo");
}

#[test]
fn the_reason_is_given_in_chinese_in_the_chinese_interface() {
    let mut harness = started(startup(Language::Chinese, ThemeChoice::Light), SIZE);
    first_task_selected(&mut harness);
    type_date(&mut harness, "开始", "2/30");
    harness.get_by_label("没有这一天。");
}
