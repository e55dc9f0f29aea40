//! The real window, driven through `egui_kittest`: it opens the samples, remembers recent files,
//! asks before losing unsaved changes, and looks as the committed snapshots show.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use std::path::Path;

use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::ui::{App, Startup};
use window_harness::{
    SIZE, build_with_default_steps, click, click_containing, open_submenu, request_close, retype,
    undo,
};

fn harness(startup: Startup) -> Harness<'static, App> {
    build_with_default_steps(startup, SIZE)
}

/// The day the sample projects were written for: snapshots draw the today line there.
fn today() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
}

fn english() -> Startup {
    Startup {
        language: Some(Language::English),
        today: today(),
        ..Startup::default()
    }
}

/// Relative, so that the path shown in the status bar is the same on every machine.
fn sample_zh() -> std::path::PathBuf {
    Path::new("assets/sample-zh.ron").to_owned()
}

/// Whether the last frame sent the root viewport a command for which `wanted` holds.
fn sent(harness: &Harness<'static, App>, wanted: impl Fn(&ViewportCommand) -> bool) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.iter().any(&wanted))
}

#[test]
fn opens_the_sample_and_shows_its_name_and_items() {
    let mut harness = harness(english());
    harness.run();
    harness.get_by_label("Acme Trading CRM roll-out");
    harness.get_by_label("Requirements signed off");
    harness.get_by_label("Discovery");
    assert!(
        !harness.state().is_modified(),
        "a freshly opened project is unchanged"
    );
    assert_eq!(
        harness.state().title(),
        "Acme Trading CRM roll-out — Milepost",
        "window title"
    );
}

#[test]
fn open_recent_lists_a_file_after_it_was_opened() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("zh.ron");
    std::fs::copy(sample_zh(), &path).expect("copy the sample");
    let mut harness = harness(english());
    harness.run();
    harness.state_mut().open_path(&path);
    harness.run();
    harness.get_by_label("华信贸易 ERP 上线项目");
    let listed = std::fs::canonicalize(&path).expect("canonical path");
    assert_eq!(
        harness.state().recent_files().first(),
        Some(&listed),
        "remembered first"
    );

    open_submenu(&mut harness, "File", "Open Recent");
    click(&mut harness, "Open Recent");
    harness.get_by_role_and_label(egui::Role::Button, listed.display().to_string().as_str());
}

#[test]
fn a_broken_file_shows_its_error_and_keeps_the_project() {
    let broken = "(format: \"milepost\", version: 1, project: (name: \"x\", colour: 1))";
    let (_dir, path) = common::temp_file("broken.ron", broken);
    let mut harness = harness(english());
    harness.run();
    harness.state_mut().open_path(&path);
    harness.run();
    harness.get_by_label("Something went wrong");
    let message = format!("{}:1:", path.display());
    assert!(
        harness.query_by_label_contains(&message).is_some(),
        "the dialog shows FILE:LINE:COLUMN"
    );
    assert_eq!(
        harness.state().project().name,
        "Acme Trading CRM roll-out",
        "the sample stays open"
    );
    assert!(
        harness.state().recent_files().is_empty(),
        "a broken file is not remembered"
    );
    click(&mut harness, "OK");
    assert!(
        harness.query_by_label("Something went wrong").is_none(),
        "dismissed"
    );
}

/// Renames "Kick-off" through the outline: double-click, type, Enter.
fn rename_kick_off(harness: &mut Harness<'static, App>) {
    click(harness, "Kick-off");
    click(harness, "Kick-off");
    harness.key_press(Key::F2);
    harness.run();
    retype(harness, "Kick-off", "Project kick-off");
}

#[test]
fn renaming_an_item_is_one_undoable_step() {
    let mut harness = harness(english());
    harness.run();
    rename_kick_off(&mut harness);
    assert!(
        harness.state().is_modified(),
        "the rename changed the project"
    );
    harness.get_by_label("Project kick-off");
    assert!(
        harness.state().title().starts_with("● "),
        "the title marks unsaved changes"
    );

    undo(&mut harness);
    harness.get_by_label("Kick-off");
    assert!(
        !harness.state().is_modified(),
        "undo returns to the saved state"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label("Project kick-off");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness(english());
    harness.run();
    rename_kick_off(&mut harness);
    assert!(harness.state().is_modified(), "changed");

    request_close(&mut harness);
    let cancelled = sent(&harness, |command| {
        matches!(command, ViewportCommand::CancelClose)
    });
    assert!(cancelled, "the close is held back");
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Don't save");

    click(&mut harness, "Cancel");
    assert!(
        harness.query_by_label("Save changes?").is_none(),
        "Cancel keeps the window"
    );
    assert!(harness.state().is_modified(), "and the changes");

    // File ▸ Quit asks the same question; Don't save closes.
    click(&mut harness, "File");
    click_containing(&mut harness, "Quit");
    harness.get_by_label("Don't save").click();
    harness.step();
    let closing = sent(&harness, |command| {
        matches!(command, ViewportCommand::Close)
    });
    assert!(closing, "Don't save closes the window");
}

#[test]
fn the_language_can_be_switched_from_the_view_menu() {
    let mut harness = harness(english());
    harness.run();
    click(&mut harness, "View");
    click(&mut harness, "Language");
    click(&mut harness, "简体中文");
    harness.get_by_label("文件");
    harness.get_by_label("视图");
}

// Snapshots of the main window with the English and the Chinese sample are taken in
// `tests/timeline.rs` (`timeline_sample_light`, `timeline_sample_zh`).

#[test]
fn a_large_file_opens_in_the_background_with_progress() {
    let project = milepost::cli::generate::project(14_000, 9);
    let (_folder, path) = common::saved_project("large.ron", &project);
    assert!(
        std::fs::metadata(&path).expect("size").len() > 4 * 1024 * 1024,
        "large enough"
    );

    let mut harness = harness(english());
    harness.run();
    harness.state_mut().open_path(&path);
    // A new card is measured in its first frame and shown in the next.
    harness.step();
    harness.step();
    assert!(
        harness.query_by_label_contains("large.ron").is_some(),
        "progress is shown"
    );
    assert_eq!(
        harness.state().project().name,
        "Acme Trading CRM roll-out",
        "the window keeps drawing the open project"
    );
    let started = std::time::Instant::now();
    while harness.state().project().name != project.name {
        assert!(
            started.elapsed() < std::time::Duration::from_mins(1),
            "the file opens"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert_eq!(harness.state().project().items.len(), 14_000, "all of it");
    harness.step();
    assert!(
        harness
            .query_all_by_label_contains("Opening ")
            .next()
            .is_none(),
        "the progress card is gone"
    );
}

#[test]
fn a_name_typed_in_the_inspector_lands_when_another_item_is_selected() {
    let mut harness = harness(english());
    harness.run();
    let ctx = harness.ctx.clone();
    let items: Vec<_> = harness
        .state()
        .project()
        .items
        .iter()
        .map(|item| item.id)
        .collect();
    let (first, second) = (items[0], items[1]);
    harness
        .state_mut()
        .command(&ctx, milepost::ui::Command::Select(vec![first]));
    harness.run();
    click(&mut harness, "Name");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Name").type_text("Typed, never left");
    harness.run();
    harness
        .state_mut()
        .command(&ctx, milepost::ui::Command::Select(vec![second]));
    harness.run();
    let project = harness.state().project();
    assert_eq!(
        project.item(first).map(|item| item.name.as_str()),
        Some("Typed, never left"),
        "what was typed lands on the item it was typed for"
    );
    assert_ne!(
        project.item(second).map(|item| item.name.as_str()),
        Some("Typed, never left"),
        "not on the item selected next"
    );
}
