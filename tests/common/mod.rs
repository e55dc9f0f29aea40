//! Documents and helpers shared by the tests.
#![allow(
    dead_code,
    reason = "each test file uses only some of the shared helpers"
)]

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Output};

use milepost::model::Project;
use milepost::store::{self, Located};

/// Runs the `milepost` binary with `args` and returns what it printed and how it exited.
pub fn milepost<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_milepost"))
        .args(args)
        .output()
        .expect("run milepost")
}

/// [`milepost`] with arguments of mixed kinds (strings and paths).
pub fn run(args: &[&dyn AsRef<OsStr>]) -> Output {
    milepost(args.iter().map(AsRef::as_ref))
}

/// [`run`], asserting that it succeeded; the message is its standard error.
pub fn run_ok(args: &[&dyn AsRef<OsStr>]) -> Output {
    let output = run(args);
    assert_succeeded(&output, "milepost");
    output
}

/// Checks that every key of the locale file `locales/{file}.yml` starts with `{file}.` and has
/// an English and then a Chinese line; returns how many keys it has.
pub fn locale_keys(file: &str) -> usize {
    let path = format!("{}/locales/{file}.yml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("read the locale file");
    let mut keys = 0;
    let mut lines = text.lines().skip_while(|line| line.starts_with("_version"));
    while let Some(key) = lines.next() {
        assert!(
            key.starts_with(&format!("{file}.")) && key.ends_with(':'),
            "a key: {key}"
        );
        let en = lines.next().unwrap_or_default();
        let zh = lines.next().unwrap_or_default();
        assert!(en.trim_start().starts_with("en: "), "{key} has English");
        assert!(zh.trim_start().starts_with("zh-CN: "), "{key} has Chinese");
        keys += 1;
    }
    keys
}

/// Asserts that `output` exited successfully; the message is `what`, then its standard error.
pub fn assert_succeeded(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The path of the file `assets/{name}`, one of the sample projects.
pub fn sample_path(name: &str) -> String {
    format!("{}/assets/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The sample project `assets/{name}`, loaded.
pub fn sample(name: &str) -> Project {
    let text = std::fs::read_to_string(sample_path(name)).expect("the sample is readable");
    store::load_str(&text).expect("the sample loads").project
}

/// `project` written as RON and read back: the text and the project it gives.
pub fn round_trip(project: &Project) -> (String, Project) {
    let text = store::to_string(project).expect("the project is written");
    let loaded = store::load_str(&text).expect("the text reads back").project;
    (text, loaded)
}

/// Asserts that `project` written as RON reads back the same; returns the RON.
pub fn assert_round_trips(project: &Project) -> String {
    let (text, loaded) = round_trip(project);
    assert_eq!(&loaded, project, "save then load gives the same project");
    text
}

/// Asserts that the message of `problem` says each of `parts`.
pub fn assert_says(problem: &Located, parts: &[&str]) {
    assert_mentions(&problem.message, parts);
}

/// Asserts that `text` says each of `parts`.
pub fn assert_mentions(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "says “{part}”: {text}");
    }
}

/// A new temporary folder (deleted when dropped) holding `project` saved as `name`, and the
/// file's path.
pub fn saved_project(name: &str, project: &Project) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join(name);
    store::save_file(project, &path).expect("saved");
    (folder, path)
}

/// A new temporary folder (deleted when dropped) holding a file called `name` with `contents`,
/// and the file's path.
pub fn temp_file(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join(name);
    std::fs::write(&path, contents).expect("written");
    (folder, path)
}

/// The example document of `docs/format.md` section 1, whole and sound.
pub const MINIMAL: &str = r#"(
    format: "milepost",
    version: 1,
    project: (
        name: "CRM rollout",
        client: (name: "Acme Trading Co.", contact: "Li Wei, li.wei@acme.example"),
        goal: "Sales team works in the new CRM by March",
        scope: (included: ["Lead pipeline", "Data migration"], excluded: ["ERP integration"]),
        calendar: (
            workdays: [Mon, Tue, Wed, Thu, Fri],
            holidays: [(name: "National Day", from: "2026-10-01", to: "2026-10-07")],
            extra_workdays: ["2026-10-10"],          // make-up working days (调休)
        ),
        team: [(id: 1, name: "Zhang Min", role: "Project manager", client_side: false)],
        lanes: [(id: 1, name: "Discovery")],
        items: [
            (id: 1, kind: Task, name: "Requirements workshop", lane: Some(1),
             start: "2026-12-01", finish: "2026-12-04", owner: Some(1), progress: 40,
             client_visible: true, notes: ""),
            (id: 2, kind: Milestone, name: "Requirements signed off", lane: Some(1),
             start: "2026-12-04", finish: "2026-12-04", deadline: Some("2026-12-10"),
             criteria: [(text: "Client signs the requirements document", done: false)]),
            (id: 3, kind: Buffer, name: "Buffer before go-live", lane: None,
             start: "2027-02-22", finish: "2027-02-26", planned_workdays: 5),
        ],
        links: [(from: 1, to: 2, kind: FinishToStart, lag_workdays: 0)],
        baselines: [],
        meetings: [],
        risks: [],
        retrospectives: [],
    ),
)
"#;

/// [`MINIMAL`] with its task finishing (1 December) before it starts (4 December).
pub fn with_reversed_dates() -> String {
    MINIMAL.replace(
        "start: \"2026-12-01\", finish: \"2026-12-04\"",
        "start: \"2026-12-04\", finish: \"2026-12-01\"",
    )
}

/// [`MINIMAL`] with its milestone starting a day before it finishes.
pub fn with_two_day_milestone() -> String {
    MINIMAL.replace(
        "start: \"2026-12-04\", finish: \"2026-12-04\", deadline",
        "start: \"2026-12-03\", finish: \"2026-12-04\", deadline",
    )
}

/// [`MINIMAL`] with its one link replaced by two that make items 1 and 2 a loop.
pub fn with_cycle() -> String {
    MINIMAL.replace(
        "links: [(from: 1, to: 2, kind: FinishToStart, lag_workdays: 0)]",
        "links: [(from: 1, to: 2), (from: 2, to: 1)]",
    )
}
