//! The window driven from the keyboard: dates typed into date fields, the selection moved
//! through the outline, Tab through the Inspector's fields, and the status line after Undo
//! and Redo.
#![cfg(feature = "gui")]

mod window_harness;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
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

/// The selected items, in id order.
fn selected(harness: &Harness<'static, App>) -> Vec<ItemId> {
    let mut items: Vec<ItemId> = harness.state().selection().iter().copied().collect();
    items.sort_unstable();
    items
}

/// The item rows of the English sample, top to bottom, as the outline shows them.
fn outline_order(harness: &Harness<'static, App>) -> Vec<ItemId> {
    harness.state().items_on_screen()
}

#[test]
fn up_and_down_move_the_selection_through_the_outline_and_shift_extends_it() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let order = outline_order(&harness);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Select(vec![order[1]]));
    harness.run();
    for (key, row, what) in [
        (Key::ArrowDown, 2, "↓ selects the row below"),
        (Key::ArrowUp, 1, "↑ the row above"),
        (Key::ArrowUp, 0, "↑ again the one above that"),
    ] {
        harness.key_press(key);
        harness.run();
        assert_eq!(selected(&harness), vec![order[row]], "{what}");
    }
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowDown);
    harness.run();
    let mut expected = vec![order[0], order[1]];
    expected.sort_unstable();
    assert_eq!(selected(&harness), expected, "Shift+↓ adds the row below");
}

#[test]
fn enter_puts_the_keyboard_in_the_inspector_name_field() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let task = first_task_selected(&mut harness);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the name field has the keyboard"
    );
    window_harness::retype(&mut harness, "Name", "Renamed by keyboard");
    assert_eq!(
        harness
            .state()
            .project()
            .item(task)
            .map(|item| item.name.as_str()),
        Some("Renamed by keyboard")
    );
}

/// The sample in `language` after → on its first task and Ctrl+Z.
fn nudged_and_undone(language: Language) -> Harness<'static, App> {
    let mut harness = started(startup(language, ThemeChoice::Light), SIZE);
    first_task_selected(&mut harness);
    harness.key_press(Key::ArrowRight);
    harness.run();
    window_harness::undo(&mut harness);
    harness
}

#[test]
fn the_status_line_says_what_undo_and_redo_did() {
    let mut harness = nudged_and_undone(Language::English);
    harness.get_by_label("Undid: Move 1 item by 1 working day");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label_contains("Redid: Move");
}

#[test]
fn the_undo_status_is_in_chinese_in_the_chinese_interface() {
    let harness = nudged_and_undone(Language::Chinese);
    harness.get_by_label_contains("已撤销：");
}

/// The role and name of the widget that has the keyboard.
fn focused(harness: &Harness<'static, App>) -> Option<(Role, String)> {
    harness
        .root()
        .children_recursive()
        .find(egui_kittest::Node::is_focused)
        .map(|node| {
            let node = node.accesskit_node();
            (node.role(), node.label().unwrap_or_default())
        })
}

/// Presses Tab (Shift+Tab when `back`) and lets the window answer.
fn tab(harness: &mut Harness<'static, App>, back: bool) {
    let modifiers = if back {
        egui::Modifiers::SHIFT
    } else {
        egui::Modifiers::NONE
    };
    harness.key_press_modifiers(modifiers, Key::Tab);
    harness.run();
}

#[test]
fn tab_moves_through_the_inspector_fields_in_order_and_commits_nothing_unchanged() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    first_task_selected(&mut harness);
    harness.key_press(Key::Enter);
    harness.run();
    let order = [
        (Role::TextInput, "Name"),
        (Role::ComboBox, "Kind"),
        (Role::ComboBox, "Lane"),
        (Role::Button, "Start"),
        (Role::Button, "Finish"),
        (Role::ComboBox, "Owner"),
        (Role::Slider, "Progress"),
    ];
    for (index, (role, label)) in order.iter().enumerate() {
        if index > 0 {
            tab(&mut harness, false);
        }
        assert_eq!(
            focused(&harness),
            Some((*role, (*label).to_owned())),
            "Tab number {index} puts the keyboard in {label}"
        );
    }
    for (role, label) in order[..order.len() - 1].iter().rev() {
        tab(&mut harness, true);
        assert_eq!(
            focused(&harness),
            Some((*role, (*label).to_owned())),
            "Shift+Tab goes back to {label}"
        );
    }
    assert_eq!(
        harness.state().history_depth(),
        0,
        "passing through fields changes nothing"
    );
}

#[test]
fn tab_out_of_a_field_commits_what_was_typed_in_it_once() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let task = first_task_selected(&mut harness);
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Workshops");
    harness.run();
    tab(&mut harness, false);
    let item = |harness: &Harness<'static, App>| {
        harness
            .state()
            .project()
            .item(task)
            .cloned()
            .expect("the task")
    };
    assert_eq!(item(&harness).name, "Workshops", "the name lands on Tab");
    assert_eq!(harness.state().history_depth(), 1, "as one undo step");
    assert_eq!(
        focused(&harness),
        Some((Role::ComboBox, "Kind".to_owned())),
        "and the keyboard is in the next field"
    );

    tab(&mut harness, false);
    tab(&mut harness, false);
    harness.event(egui::Event::Text("2026-10-20".to_owned()));
    harness.run();
    tab(&mut harness, false);
    assert_eq!(
        item(&harness).start,
        date(2026, 10, 20),
        "the typed start lands on Tab"
    );
    assert_eq!(harness.state().history_depth(), 2, "one more undo step");
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Finish".to_owned())),
        "the keyboard goes on to the finish"
    );
    tab(&mut harness, true);
    tab(&mut harness, true);
    assert_eq!(
        harness.state().history_depth(),
        2,
        "going back commits nothing"
    );
    assert_eq!(item(&harness).name, "Workshops", "nor renames again");
}
