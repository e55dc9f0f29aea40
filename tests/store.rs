//! The document store: round trips, deterministic bytes, refusals with line and column, and
//! saves that never damage what is on disk.

use std::path::{Path, PathBuf};

use milepost::cli::generate;
use milepost::model::{ItemId, Project};
use milepost::store::{self, StoreError};
use proptest::prelude::*;

mod common;

use common::{MINIMAL, assert_round_trips, assert_says, round_trip};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the test file");
    path
}

/// Loads `text` from a file, expects a refusal, and checks the file is untouched.
fn refused(text: &str) -> StoreError {
    let dir = temp_dir();
    let path = write(dir.path(), "broken.ron", text);
    let error = store::load_file(&path).expect_err("the document must be refused");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read back"),
        text,
        "loading never changes the file"
    );
    error
}

fn first(error: &StoreError) -> store::Located {
    error
        .located()
        .into_iter()
        .next()
        .expect("at least one problem")
}

#[test]
fn the_format_specification_shows_this_example() {
    let spec = include_str!("../docs/format.md");
    let example = spec
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/format.md opens with a RON example");
    assert_eq!(
        example, MINIMAL,
        "the example in docs/format.md is the document these tests load"
    );
}

#[test]
fn the_format_example_loads() {
    let loaded =
        store::load_str(MINIMAL).expect("the example of docs/format.md is a sound document");
    assert_eq!(loaded.project.items.len(), 3, "three items");
    assert_eq!(
        loaded.project.items[2].planned_workdays, 5,
        "buffer length read"
    );
    assert!(
        loaded.project.items[0].client_visible,
        "client_visible read"
    );
    assert!(
        loaded.project.items[2].client_visible,
        "client_visible defaults to true"
    );
    assert_eq!(loaded.migrated_from, None, "current version");
}

#[test]
fn optional_fields_may_be_omitted() {
    let text = r#"(format: "milepost", version: 1, project: (name: "Bare",
        items: [(id: 1, kind: Task, name: "Only", start: "2027-01-04", finish: "2027-01-05")]))"#;
    let project = store::load_str(text)
        .expect("omitted fields take defaults")
        .project;
    assert_eq!(project.items[0].progress, 0, "progress defaults to 0");
    assert_eq!(project.calendar.workdays.len(), 5, "Mon–Fri by default");
    assert_eq!(project.meeting_cadence_days, None, "no cadence by default");
}

#[test]
fn implicit_some_is_accepted() {
    let text = MINIMAL.replace(
        "lane: Some(1),\n             start: \"2026-12-01\"",
        "lane: 1,\n             start: \"2026-12-01\"",
    );
    assert_ne!(text, MINIMAL, "the test changed the text");
    let project = store::load_str(&text)
        .expect("a bare id is read as Some")
        .project;
    assert_eq!(
        project.items[0].lane,
        Some(milepost::model::LaneId(1)),
        "lane 1"
    );
}

#[test]
fn save_then_load_gives_an_equal_project() {
    let project = store::load_str(MINIMAL).expect("sound").project;
    let dir = temp_dir();
    let path = dir.path().join("crm.ron");
    store::save_file(&project, &path).expect("save");
    let again = store::load_file(&path)
        .expect("load what was saved")
        .project;
    assert_eq!(again, project, "round trip");
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let project = generate::project(300, 7);
    let dir = temp_dir();
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    store::save_file(&project, &first).expect("save a");
    store::save_file(&project, &second).expect("save b");
    assert_eq!(
        std::fs::read(&first).ok(),
        std::fs::read(&second).ok(),
        "same bytes"
    );
    let reloaded = store::load_file(&first).expect("load").project;
    store::save_file(&reloaded, &second).expect("save reloaded");
    assert_eq!(
        std::fs::read(&first).ok(),
        std::fs::read(&second).ok(),
        "same bytes after a round trip"
    );
}

#[test]
fn the_samples_are_sound_and_round_trip() {
    for name in ["sample.ron", "sample-zh.ron"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join(name);
        let project = store::load_file(&path)
            .unwrap_or_else(|error| panic!("{name}: {error}"))
            .project;
        assert_eq!(round_trip(&project).1, project, "{name} round-trips");
    }
}

/// `MINIMAL` written as `plan.ron` in `dir`, loaded, renamed to `name` and saved over itself:
/// the file and the project saved.
fn saved_renamed(dir: &Path, name: &str) -> (PathBuf, Project) {
    let path = write(dir, "plan.ron", MINIMAL);
    let mut project = store::load_file(&path).expect("load").project;
    name.clone_into(&mut project.name);
    store::save_file(&project, &path).expect("save");
    (path, project)
}

#[test]
fn save_keeps_the_previous_file_as_bak() {
    let dir = temp_dir();
    let (path, _) = saved_renamed(dir.path(), "Renamed");
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).expect("backup exists"),
        MINIMAL,
        "the backup holds the previous bytes"
    );
    assert_eq!(
        store::load_file(&path).expect("load").project.name,
        "Renamed",
        "new content saved"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn each_save_keeps_the_version_it_replaces_and_only_that() {
    let dir = temp_dir();
    let (path, mut project) = saved_renamed(dir.path(), "Second");
    let second = std::fs::read_to_string(&path).expect("read");
    project.name = "Third".to_owned();
    store::save_file(&project, &path).expect("second save");
    let backup = store::backup_path(&path);
    assert_eq!(
        std::fs::read_to_string(&backup).expect("backup"),
        second,
        "the backup is the version the last save replaced"
    );
    // Writing the document in place afterwards does not reach into the backup.
    std::fs::write(&path, "changed by another program").expect("overwrite");
    assert_eq!(
        std::fs::read_to_string(&backup).expect("backup"),
        second,
        "the backup is a file of its own"
    );
}

/// Makes a folder unwritable for the duration of a test, even for root.
struct ReadOnlyFolder<'a> {
    path: &'a Path,
    immutable: bool,
}

impl<'a> ReadOnlyFolder<'a> {
    fn new(path: &'a Path) -> Self {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let mut guard = Self {
            path,
            immutable: false,
        };
        if std::fs::write(path.join("probe"), "x").is_ok() {
            // Root ignores permissions; the immutable attribute stops it.
            std::fs::remove_file(path.join("probe")).expect("remove probe");
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status();
            guard.immutable = status.is_ok_and(|status| status.success());
            assert!(
                guard.immutable,
                "cannot make {} read-only on this machine",
                path.display()
            );
        }
        assert!(
            std::fs::write(path.join("probe"), "x").is_err(),
            "the folder is read-only"
        );
        guard
    }
}

impl Drop for ReadOnlyFolder<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt as _;
        if self.immutable {
            let status = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.path)
                .status();
            assert!(status.is_ok_and(|status| status.success()), "chattr -i");
        }
        std::fs::set_permissions(self.path, std::fs::Permissions::from_mode(0o755))
            .expect("chmod back");
    }
}

#[test]
fn a_save_into_a_read_only_folder_fails_and_keeps_the_original() {
    let dir = temp_dir();
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = write(&folder, "plan.ron", MINIMAL);
    let mut project = store::load_file(&path).expect("load").project;
    project.name = "Changed".to_owned();
    let error = {
        let _guard = ReadOnlyFolder::new(&folder);
        store::save_file(&project, &path).expect_err("the folder is read-only")
    };
    assert!(
        matches!(error, StoreError::Io { .. }),
        "an I/O error: {error}"
    );
    assert!(
        error.to_string().contains("plan.ron"),
        "the message names the file: {error}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        MINIMAL,
        "original byte-identical"
    );
}

#[test]
fn a_newer_file_is_never_overwritten() {
    let dir = temp_dir();
    let newer = MINIMAL.replace("version: 1", "version: 2");
    let path = write(dir.path(), "newer.ron", &newer);
    let error = refused(&newer);
    assert!(
        matches!(error, StoreError::NewerVersion { found: 2, .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("newer"),
        "says it is newer: {error}"
    );
    let project = store::load_str(MINIMAL).expect("sound").project;
    let save = store::save_file(&project, &path).expect_err("refuses to overwrite a newer file");
    assert!(matches!(save, StoreError::NewerVersion { .. }), "{save}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        newer,
        "untouched"
    );
}

#[test]
fn truncated_text_is_refused_with_a_position() {
    let truncated = &MINIMAL[..MINIMAL.len() / 2];
    let problem = first(&refused(truncated));
    assert!(
        problem.line > 1,
        "the position is past the start: {problem}"
    );
}

#[test]
fn a_wrong_type_is_refused_at_its_line() {
    let text = MINIMAL.replace("progress: 40", "progress: \"forty\"");
    let problem = first(&refused(&text));
    assert_eq!(problem.line, 18, "the line of progress: {problem}");
}

#[test]
fn an_unknown_field_is_named() {
    let text = MINIMAL.replace(
        "client_visible: true, notes: \"\"",
        "client_visible: true, colour: \"red\"",
    );
    let problem = first(&refused(&text));
    assert!(
        problem.message.contains("colour"),
        "names the field: {problem}"
    );
    assert_eq!(problem.line, 19, "on its line: {problem}");
}

#[test]
fn a_duplicate_id_is_refused_at_the_second_one() {
    let text = MINIMAL.replace("(id: 3, kind: Buffer", "(id: 2, kind: Buffer");
    let problem = first(&refused(&text));
    assert_says(&problem, &["duplicate item id 2"]);
    assert_eq!(
        (problem.line, problem.column),
        (23, 14),
        "at the second id: {problem}"
    );
}

#[test]
fn a_dangling_reference_is_refused() {
    let text = MINIMAL.replace("links: [(from: 1, to: 2,", "links: [(from: 1, to: 9,");
    let problem = first(&refused(&text));
    assert_says(&problem, &["item 9, which does not exist"]);
    assert_eq!(problem.line, 26, "on the links line: {problem}");
    let text = MINIMAL.replace("owner: Some(1), progress", "owner: Some(4), progress");
    assert!(
        first(&refused(&text)).message.contains("team member 4"),
        "owner checked"
    );
    let text = MINIMAL.replace(
        "lane: Some(1),\n             start: \"2026-12-01\"",
        "lane: Some(8),\n             start: \"2026-12-01\"",
    );
    assert!(
        first(&refused(&text)).message.contains("lane 8"),
        "lane checked"
    );
}

#[test]
fn a_cycle_names_its_items() {
    let text = common::with_cycle();
    let problem = first(&refused(&text));
    assert_says(&problem, &["loop"]);
    let both_items = [
        "'Requirements workshop' (1)",
        "'Requirements signed off' (2)",
    ];
    assert_says(&problem, &both_items);
}

#[test]
fn reversed_dates_are_refused() {
    let text = common::with_reversed_dates();
    let problem = first(&refused(&text));
    assert_says(
        &problem,
        &["finishes (2026-12-01) before it starts (2026-12-04)"],
    );
    let text = common::with_two_day_milestone();
    assert!(
        first(&refused(&text)).message.contains("same day"),
        "milestone start == finish"
    );
}

#[test]
fn an_exhausted_buffer_may_start_the_working_day_after_it_finishes() {
    // Friday 26 February: the next working day is Monday 1 March.
    let text = MINIMAL.replace(
        "start: \"2027-02-22\", finish: \"2027-02-26\"",
        "start: \"2027-03-01\", finish: \"2027-02-26\"",
    );
    store::load_str(&text).expect("an exhausted buffer is sound");
    let text = MINIMAL.replace(
        "start: \"2027-02-22\", finish: \"2027-02-26\"",
        "start: \"2027-03-02\", finish: \"2027-02-26\"",
    );
    assert!(
        store::load_str(&text).is_err(),
        "but not two working days after"
    );
}

#[test]
fn out_of_range_numbers_are_refused() {
    let text = MINIMAL.replace("progress: 40", "progress: 140");
    assert!(
        first(&refused(&text)).message.contains("progress 140"),
        "progress"
    );
    let risk = r#"risks: [(id: 1, title: "Late data", probability: 6, impact: 3, identified: "2026-11-01")],"#;
    let text = MINIMAL.replace("risks: [],", risk);
    let problem = first(&refused(&text));
    assert_says(&problem, &["probability 6"]);
    assert_eq!(problem.line, 29, "{problem}");
}

#[test]
fn a_file_too_large_is_refused_before_reading() {
    let dir = temp_dir();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(store::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let error = store::load_file(&path).expect_err("too large");
    assert!(matches!(error, StoreError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("at most"), "{error}");
}

#[test]
fn not_a_milepost_document_is_refused() {
    let error = refused(&MINIMAL.replace("format: \"milepost\"", "format: \"other\""));
    assert!(matches!(error, StoreError::WrongFormat { .. }), "{error}");
}

#[test]
fn generated_projects_are_sound() {
    let project = generate::project(2_000, 3);
    assert_eq!(project.items.len(), 2_000, "as many items as asked");
    assert!(
        project.links.len() > 2_000,
        "more links than items: {}",
        project.links.len()
    );
    let calendar = milepost::schedule::WorkCalendar::new(&project.calendar);
    assert!(
        milepost::schedule::violated_links(&project, &calendar).is_empty(),
        "the generated dates keep every link"
    );
    assert_round_trips(&project);
    assert_eq!(
        generate::project(2_000, 3),
        project,
        "the same seed gives the same project"
    );
    assert_ne!(
        generate::project(2_000, 4),
        project,
        "another seed another project"
    );
}

fn item_names(project: &Project) -> Vec<(ItemId, String)> {
    project
        .items
        .iter()
        .map(|item| (item.id, item.name.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_generated_project_round_trips(items in 0usize..400, seed in any::<u64>(), rename in "\\PC{0,40}") {
        let mut project = generate::project(items, seed);
        if let Some(item) = project.items.first_mut() {
            item.name = rename;
        }
        let text = store::to_string(&project).expect("serialize");
        let loaded = store::load_str(&text).expect("reload").project;
        prop_assert_eq!(item_names(&loaded), item_names(&project));
        prop_assert_eq!(&loaded, &project);
        prop_assert_eq!(store::to_string(&loaded).expect("serialize again"), text);
    }
}

/// Applies byte edits to `text`: the kind of damage a hand edit or a broken disk does.
fn damage(text: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(position, kind, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = position % bytes.len();
        match kind % 4 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the bytes, loading answers with a project or an error, never a crash; and what
    /// it accepts saves and loads back the same.
    #[test]
    fn damaged_documents_never_crash_the_loader(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)) {
        let bytes = damage(MINIMAL, &edits);
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(loaded) = store::load_str(text)
        {
            let again = store::to_string(&loaded.project).expect("serialize");
            prop_assert_eq!(store::load_str(&again).expect("reload").project, loaded.project);
        }
    }

    #[test]
    fn arbitrary_text_never_crashes_the_loader(text in "\\PC{0,300}") {
        let result = store::load_str(&text);
        prop_assert!(result.is_err() || text.contains("milepost"), "random text is not a document");
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowing_the_stack() {
    let deep = format!(
        "(format: \"milepost\", version: 1, project: (name: {}1{}))",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = store::load_str(&deep).expect_err("refused");
    assert!(
        matches!(error, StoreError::Syntax(_)),
        "a syntax error: {error}"
    );
}

#[test]
fn a_huge_string_field_is_refused_with_a_message() {
    let name = "x".repeat(store::MAX_TEXT_BYTES + 1);
    let text = MINIMAL.replace("\"Requirements workshop\"", &format!("\"{name}\""));
    let error = store::load_str(&text).expect_err("refused");
    assert!(
        error.to_string().contains("longer than"),
        "says why: {}",
        &error.to_string()[..80.min(error.to_string().len())]
    );
}

#[test]
fn every_text_field_is_bounded() {
    let long = "x".repeat(store::MAX_TEXT_BYTES + 1);
    let text = MINIMAL.replace(
        "goal: \"Sales team works in the new CRM by March\"",
        &format!("goal: \"{long}\""),
    );
    let problem = first(&store::load_str(&text).expect_err("refused"));
    assert!(
        problem.message.contains("goal is longer than 1 MiB"),
        "names the field: {}",
        &problem.message[..60.min(problem.message.len())]
    );
    assert_eq!(problem.line, 7, "at the goal's line");
    let text = MINIMAL.replace(
        "(text: \"Client signs the requirements document\"",
        &format!("(text: \"{long}\""),
    );
    assert!(
        first(&store::load_str(&text).expect_err("refused"))
            .message
            .contains("text is longer"),
        "criteria are bounded too"
    );
}

#[test]
fn owners_of_actions_and_risks_may_be_ids_or_names() {
    let meetings = r#"meetings: [(id: 1, date: "2026-11-20", title: "Design review",
        actions: [(text: "Send the minutes", owner: Some(1), due: "2026-11-23"),
                  (text: "Confirm the budget", owner: "Li Wei (Acme)", due: Some("2026-11-25"), item: 2)])],
        risks: [(id: 1, title: "Late data", probability: 3, impact: 4, identified: "2026-11-01", owner: "Li Wei")],"#;
    let text = MINIMAL.replace("meetings: [],\n        risks: [],", meetings);
    assert_ne!(text, MINIMAL, "the test changed the text");
    let project = store::load_str(&text)
        .expect("both forms are accepted")
        .project;
    let actions = &project.meetings[0].actions;
    assert_eq!(
        actions[0].owner,
        Some(milepost::model::Owner::Person(milepost::model::PersonId(1))),
        "an id"
    );
    assert_eq!(
        actions[1].owner,
        Some(milepost::model::Owner::Named("Li Wei (Acme)".to_owned())),
        "a name"
    );
    assert_eq!(
        project.risks[0].owner,
        Some(milepost::model::Owner::Named("Li Wei".to_owned())),
        "a risk owner by name"
    );
    assert_round_trips(&project);
    let dangling = text.replace("owner: Some(1), due", "owner: Some(9), due");
    assert!(
        first(&refused(&dangling)).message.contains("team member 9"),
        "an id must exist"
    );
}
