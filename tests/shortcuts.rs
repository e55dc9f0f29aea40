//! The README's "Keyboard shortcuts" table and the window's command table list the same keys,
//! and Help ▸ Keyboard shortcuts shows the table.

mod window_harness;

use std::collections::BTreeSet;

use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::ui::Startup;
use milepost::ui::commands::{UiCommand, shortcut_text};
use window_harness::click;

/// Every key written in the README's shortcut table, one entry per key combination.
fn readme_keys() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README");
    let section = readme
        .split("### Keyboard shortcuts")
        .nth(1)
        .expect("a Keyboard shortcuts section");
    let rows: Vec<&str> = section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .collect();
    assert!(!rows.is_empty(), "the table has rows");
    rows.iter()
        .filter_map(|row| row.split('|').nth(1))
        .flat_map(|keys| keys.split([',', '/']))
        .map(|key| key.trim().to_owned())
        .filter(|key| !key.is_empty())
        .collect()
}

/// Every key the command table gives a command.
fn table_keys() -> BTreeSet<String> {
    UiCommand::ALL
        .iter()
        .flat_map(|command| command.shortcuts())
        .map(shortcut_text)
        .collect()
}

#[test]
fn every_key_in_the_readme_is_in_the_command_table() {
    let table = table_keys();
    let missing: Vec<_> = readme_keys().difference(&table).cloned().collect();
    assert!(
        missing.is_empty(),
        "the README lists keys no command has: {missing:?}"
    );
}

#[test]
fn every_key_in_the_command_table_is_in_the_readme() {
    let readme = readme_keys();
    let missing: Vec<_> = table_keys().difference(&readme).cloned().collect();
    assert!(missing.is_empty(), "the README does not list: {missing:?}");
}

#[test]
fn the_readme_table_is_read() {
    let readme = readme_keys();
    for key in ["Ctrl+N", "Ctrl+Shift+Z", "Ctrl+Y", "Shift+←", "F5", "Esc"] {
        assert!(
            readme.contains(key),
            "{key} is read from the README: {readme:?}"
        );
    }
}

/// The window in `language` with Help ▸ Keyboard shortcuts open (the menu named `help`, its
/// entry `entry`).
fn shortcuts_dialog(
    language: Language,
    help: &str,
    entry: &str,
) -> egui_kittest::Harness<'static, milepost::ui::App> {
    let startup = Startup {
        language: Some(language),
        ..Startup::default()
    };
    let mut harness = window_harness::build(startup, [1400.0, 900.0]);
    harness.run();
    click(&mut harness, help);
    click(&mut harness, entry);
    harness
}

#[test]
fn help_keyboard_shortcuts_shows_every_key_of_the_table() {
    let harness = shortcuts_dialog(Language::English, "Help", "Keyboard shortcuts");
    for key in [
        "Ctrl+Shift+S",
        "Ctrl+Shift+Z / Ctrl+Y",
        "Shift+←",
        "F5",
        "Esc",
    ] {
        harness.get_by_label(key);
    }
    harness.get_by_label("Save As");
    harness.get_by_label("Present (Esc leaves)");
    harness.get_by_label("Cancel a drag or a rename");
}

#[test]
fn help_keyboard_shortcuts_is_grouped_in_the_interface_language() {
    let harness = shortcuts_dialog(Language::Chinese, "帮助", "键盘快捷键");
    // The menu bar has these names too: the dialog adds its headings.
    for heading in ["文件", "编辑", "视图"] {
        assert_eq!(
            harness.query_all_by_label(heading).count(),
            2,
            "the heading {heading}"
        );
    }
    harness.get_by_label("选择");
    harness.get_by_label("选择下一行");
    harness.get_by_label("Insert");
}
