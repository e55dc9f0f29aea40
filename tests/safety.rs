//! Never losing work: recovery copies, the restore offer, conflicts on save, and saves that
//! survive being killed at any moment.
#![cfg(feature = "gui")]

mod window_harness;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::store::{self, RecoveryFolder};
use milepost::ui::{App, Startup};
use window_harness::{click, retype};

fn harness(startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1400.0, 860.0])
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::new(cc, startup))
}

fn startup(file: Option<PathBuf>, recovery: &Path) -> Startup {
    Startup {
        file,
        language: Some(Language::English),
        recovery_folder: Some(recovery.to_owned()),
        ..Startup::default()
    }
}

/// A copy of the English sample in a temporary folder.
fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("crm.ron");
    std::fs::copy("assets/sample.ron", &path).expect("copy the sample");
    path
}

fn rename_kick_off(harness: &mut Harness<'static, App>, name: &str) {
    click(harness, "Kick-off");
    harness.key_press(Key::F2);
    harness.run();
    retype(harness, "Kick-off", name);
}

/// A temporary folder holding a copy of the English sample and the path of a recovery folder
/// in it (not yet made).
fn sample_copy_with_recovery() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let recovery = dir.path().join("recovery");
    let path = sample_copy(dir.path());
    (dir, recovery, path)
}

/// Checks that the window holds the project named `name`, with unsaved changes or not.
fn assert_open(harness: &Harness<'static, App>, name: &str, modified: bool, why: &str) {
    assert_eq!(harness.state().project().name, name, "{why}");
    assert_eq!(
        harness.state().is_modified(),
        modified,
        "{why}: modified or not"
    );
}

/// Waits for a condition that a background thread makes true.
fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn unsaved_changes_get_a_recovery_copy_that_saving_removes() {
    let (_dir, recovery, path) = sample_copy_with_recovery();
    let mut harness = harness(startup(Some(path.clone()), &recovery));
    harness.run();
    assert!(
        RecoveryFolder::new(&recovery).list().is_empty(),
        "nothing to recover while unchanged"
    );

    rename_kick_off(&mut harness, "Kick-off meeting");
    harness.step();
    let folder = RecoveryFolder::new(&recovery);
    eventually("the recovery copy", || folder.list().len() == 1);
    let copy = folder.list().remove(0);
    assert_eq!(
        copy.document,
        std::fs::canonicalize(&path).ok(),
        "the copy names its document"
    );
    let saved = store::load_file(&copy.file)
        .expect("the copy is a sound document")
        .project;
    assert!(
        saved
            .items
            .iter()
            .any(|item| item.name == "Kick-off meeting"),
        "holds the change"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().is_modified(), "saved");
    assert!(
        folder.list().is_empty(),
        "a successful save removes the recovery copy"
    );
}

#[test]
fn the_next_start_offers_to_restore_a_copy() {
    let (_dir, recovery, path) = sample_copy_with_recovery();
    let mut project = store::load_file(&path).expect("load").project;
    project.name = "Recovered CRM plan".to_owned();
    RecoveryFolder::new(&recovery)
        .write(&project, Some(&path))
        .expect("write a copy");

    let mut harness = harness(startup(None, &recovery));
    harness.run();
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label(
        std::fs::canonicalize(&path)
            .expect("canonical")
            .display()
            .to_string()
            .as_str(),
    );
    click(&mut harness, "Restore");
    assert_open(
        &harness,
        "Recovered CRM plan",
        true,
        "restored, unsaved until saved",
    );
    assert_eq!(
        harness
            .state()
            .path()
            .and_then(|p| std::fs::canonicalize(p).ok()),
        std::fs::canonicalize(&path).ok(),
        "attached to its document"
    );
}

#[test]
fn a_copy_can_be_discarded() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let recovery = dir.path().join("recovery");
    RecoveryFolder::new(&recovery)
        .write(&milepost::model::Project::named("Scratch"), None)
        .expect("write a copy");
    let mut harness = harness(startup(None, &recovery));
    harness.run();
    harness.get_by_label("A project never saved to a file");
    click(&mut harness, "Discard");
    assert!(
        harness.query_by_label("Restore unsaved work?").is_none(),
        "the offer is gone"
    );
    assert!(
        RecoveryFolder::new(&recovery).list().is_empty(),
        "the copy is removed"
    );
    assert_eq!(
        harness.state().project().name,
        "Acme Trading CRM roll-out",
        "the sample is open"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (_dir, recovery, path) = sample_copy_with_recovery();
    let mut harness = harness(startup(Some(path.clone()), &recovery));
    harness.run();
    rename_kick_off(&mut harness, "Local change");

    // Another program changes the file.
    let mut theirs = store::load_file(&path).expect("load").project;
    theirs.name = "Their change".to_owned();
    store::save_file(&theirs, &path).expect("save theirs");
    let on_disk = std::fs::read(&path).expect("read");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        on_disk,
        "nothing written yet"
    );

    click(&mut harness, "Reload from disk");
    assert_open(
        &harness,
        "Their change",
        false,
        "reloaded what is on disk, unchanged",
    );

    rename_kick_off(&mut harness, "Second change");
    let mut again = theirs.clone();
    again.goal = "Changed once more elsewhere".to_owned();
    store::save_file(&again, &path).expect("save again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Overwrite");
    let saved = store::load_file(&path).expect("load").project;
    assert!(
        saved.items.iter().any(|item| item.name == "Second change"),
        "overwritten with ours"
    );
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_complete_document() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("big.ron");
    let generate = |seed: u64| {
        std::process::Command::new(env!("CARGO_BIN_EXE_milepost"))
            .args([
                "generate",
                "--items",
                "8000",
                "--seed",
                &seed.to_string(),
                "-o",
            ])
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start milepost generate")
    };
    // A first complete document, timed, so that kills land around the moment of writing.
    let started = Instant::now();
    assert!(generate(0).wait().expect("wait").success(), "first write");
    let typical = started.elapsed().as_millis() as u64;
    let mut rng = fastrand::Rng::with_seed(42);
    let mut killed = 0;
    let mut seed = 0;
    // Twelve writes, and more until at least one was interrupted (bounded).
    while seed < 12 || (killed == 0 && seed < 40) {
        seed += 1;
        let mut child = generate(seed);
        std::thread::sleep(Duration::from_millis(
            rng.u64(typical / 4..=typical.max(1) * 11 / 10),
        ));
        if child.try_wait().expect("poll").is_none() {
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        child.wait().expect("reap");
        let loaded =
            store::load_file(&path).unwrap_or_else(|error| panic!("after write {seed}: {error}"));
        let name = loaded.project.name;
        let complete =
            (0..=seed).any(|s| name == format!("Generated project (8000 items, seed {s})"));
        assert!(complete, "a whole old or new document, not {name}");
        assert_eq!(loaded.project.items.len(), 8_000, "complete");
    }
    assert!(killed > 0, "at least one write was interrupted");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_until_the_user_says_how() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_dir, recovery, path) = sample_copy_with_recovery();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let on_disk = std::fs::read(&path).expect("read");
    let mut harness = harness(startup(Some(path.clone()), &recovery));
    harness.run();
    rename_kick_off(&mut harness, "Local change");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file is read-only");
    harness.get_by_label("Save a copy…");
    assert_eq!(std::fs::read(&path).expect("read"), on_disk, "not replaced");
    click(&mut harness, "Cancel");
    assert!(
        harness.query_by_label("The file is read-only").is_none(),
        "cancel closes the question"
    );
    assert!(harness.state().is_modified(), "the change is still unsaved");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        on_disk,
        "still not replaced"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Make it writable and save");
    harness.run();
    assert!(!store::is_read_only(&path), "made writable");
    let saved = store::load_file(&path).expect("load").project;
    assert!(
        saved.items.iter().any(|item| item.name == "Local change"),
        "saved once writable"
    );
    assert!(!harness.state().is_modified(), "saved");
}

#[test]
fn a_damaged_file_offers_its_backup_as_a_new_unsaved_project() {
    let (dir, recovery, path) = sample_copy_with_recovery();
    let backup = store::backup_path(&path);
    std::fs::rename(&path, &backup).expect("the sample becomes the backup");
    std::fs::write(&path, [0u8; 512]).expect("a file of zero bytes");
    let mut harness = harness(startup(Some(path.clone()), &recovery));
    harness.run();
    harness.get_by_label("The file is damaged");
    click(&mut harness, "Open this copy as a new project");
    harness.run();
    let sample = store::load_file(&backup).expect("the backup").project;
    assert_eq!(
        harness.state().project().name,
        sample.name,
        "the backup is open"
    );
    assert!(harness.state().is_modified(), "as a project not saved yet");
    assert_eq!(harness.state().path(), None, "never over the damaged file");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        [0u8; 512],
        "the damaged file is left alone"
    );
    drop(dir);
}
