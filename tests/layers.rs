//! The layering of ARCHITECTURE.md, checked on the source itself: egui and the window's modules
//! are used only under `src/ui/` (and by `main.rs`), the scheduler and the edits never reach into
//! the store, and no source file grows past a size one can read.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, depth first.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).expect("the source folder is readable");
        for entry in entries {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The lines of `path` that are code, not comments.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("a source file is UTF-8");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(index, line)| (index + 1, line.to_owned()))
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Where `needle` is used in code under `src/` outside the folders in `allowed`.
fn uses_outside(needles: &[&str], allowed: &[&str]) -> Vec<String> {
    let root = src();
    let mut found = Vec::new();
    for path in sources(&root) {
        let relative = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if allowed.iter().any(|prefix| relative.starts_with(prefix)) {
            continue;
        }
        for (number, line) in code_lines(&path) {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("src/{relative}:{number}: {}", line.trim()));
            }
        }
    }
    found
}

#[test]
fn egui_and_the_window_are_used_only_under_ui() {
    let found = uses_outside(
        &["egui", "crate::ui", "eframe", "rfd::"],
        &["ui/", "main.rs"],
    );
    assert!(
        found.is_empty(),
        "egui or ui used outside src/ui:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scheduler_the_edits_and_the_model_do_not_use_the_store() {
    let root = src();
    let mut found = Vec::new();
    for folder in ["schedule", "edit", "model", "rules"] {
        // Unit tests may load a document to have something to test.
        let code = sources(&root.join(folder))
            .into_iter()
            .filter(|path| !path.ends_with("tests.rs"));
        for path in code {
            for (number, line) in code_lines(&path) {
                if line.contains("crate::store") {
                    found.push(format!("{}:{number}", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "lower layers import the store:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_longer_than_one_can_read() {
    const MOST_LINES: usize = 720;
    let long: Vec<String> = sources(&src())
        .into_iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(&path).ok()?.lines().count();
            (lines > MOST_LINES).then(|| format!("{}: {lines} lines", path.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these into files of one concern each:\n{}",
        long.join("\n")
    );
}
