//! The command line: `check` and `generate` as the README's "The command line" describes them.

use std::path::Path;
use std::process::Command;

mod common;

use common::{assert_succeeded, milepost, temp_file};

#[test]
fn check_accepts_the_samples() {
    for sample in ["assets/sample.ron", "assets/sample-zh.ron"] {
        let output = milepost(["check", sample]);
        assert_succeeded(&output, sample);
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("ok"),
            "says ok"
        );
    }
}

#[test]
fn check_reports_file_line_column_and_leaves_the_file_alone() {
    let text = std::fs::read_to_string("assets/sample.ron")
        .expect("sample")
        .replacen("progress: 100", "progress: 250", 1);
    let (_dir, path) = temp_file("broken.ron", &text);
    let output = milepost([Path::new("check"), &path]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit 1 for a broken document"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr.lines().next().expect("a message");
    let prefix = format!("{}:", path.display());
    let rest = line
        .strip_prefix(&prefix)
        .expect("starts with the file name");
    let mut parts = rest.splitn(3, ':');
    let line_number: usize = parts
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a line number");
    let column: usize = parts.next().and_then(|n| n.parse().ok()).expect("a column");
    assert!(line_number > 1 && column > 1, "a real position: {line}");
    assert!(
        parts.next().is_some_and(|m| m.contains("progress 250")),
        "the message: {line}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "the file is untouched"
    );
}

#[test]
fn check_reports_a_missing_file() {
    let output = milepost(["check", "no/such/file.ron"]);
    let stderr = refused_naming_once(&output, "file.ron");
    assert!(
        stderr.starts_with("cannot read no/such/file.ron: the file or folder does not exist"),
        "says it cannot read the file, and why: {stderr}"
    );
}

/// Checks that the command exited 1 and named `name` once; returns what it printed.
fn refused_naming_once(output: &std::process::Output, name: &str) -> String {
    assert_eq!(output.status.code(), Some(1), "exit 1");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        stderr.matches(name).count(),
        1,
        "names {name} once: {stderr}"
    );
    stderr
}

#[test]
fn check_says_what_is_wrong_with_a_folder_and_an_empty_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let output = milepost([Path::new("check"), dir.path()]);
    assert_eq!(output.status.code(), Some(1), "exit 1 for a folder");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is a folder, not a file"), "{stderr}");
    let empty = dir.path().join("plan.ron");
    std::fs::write(&empty, "").expect("an empty file");
    let output = milepost([Path::new("check"), &empty]);
    assert_eq!(output.status.code(), Some(1), "exit 1 for an empty file");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the file is empty"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_refused_with_a_message_and_exit_1() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("locked.ron");
    std::fs::write(&path, "keep me").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = path.display().to_string();
    let output = milepost(["generate", "--items", "3", "-o", &out]);
    let stderr = refused_naming_once(&output, "locked.ron");
    assert!(stderr.contains("is read-only"), "says why: {stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "keep me",
        "not replaced"
    );
}

#[test]
fn generate_writes_a_sound_deterministic_project() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    for path in [&first, &second] {
        let status = Command::new(env!("CARGO_BIN_EXE_milepost"))
            .args(["generate", "--items", "1000", "--seed", "5", "-o"])
            .arg(path)
            .status()
            .expect("run milepost");
        assert!(status.success(), "generate succeeds");
    }
    assert_eq!(
        std::fs::read(&first).ok(),
        std::fs::read(&second).ok(),
        "same seed, same bytes"
    );
    let output = milepost([Path::new("check"), &first]);
    assert_succeeded(&output, "check");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1000 items"),
        "the check counts the items"
    );
    assert!(
        !Path::new(&store_backup(&first)).exists(),
        "a new file has no backup"
    );
}

fn store_backup(path: &Path) -> std::path::PathBuf {
    milepost::store::backup_path(path)
}

#[cfg(unix)]
#[test]
fn import_refuses_a_device_instead_of_reading_it_forever() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let output_path = dir.path().join("out.ron");
    let out = output_path.display().to_string();
    let output = milepost(["import", "/dev/zero", "-o", &out]);
    let stderr = refused_naming_once(&output, "/dev/zero");
    assert!(stderr.contains("/dev/zero is a device"), "{stderr}");
    assert!(!output_path.exists(), "nothing written");
}
