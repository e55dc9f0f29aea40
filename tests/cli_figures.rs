//! `milepost figures FILE` on a fixture whose figures were computed by hand.

use std::path::Path;

mod common;

use common::{assert_succeeded, milepost, temp_file};

#[test]
fn figures_prints_every_key_with_its_hand_computed_value() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/figures.ron");
    let before = std::fs::read(path).expect("the fixture is readable");
    let output = milepost(["figures", path, "--today", "2026-11-27"]);
    assert_succeeded(&output, "exit 0, stderr");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        include_str!("fixtures/figures.tsv"),
        "the keys, in order, with their values"
    );
    assert_eq!(
        std::fs::read(path).expect("still readable"),
        before,
        "the file is not touched"
    );
}

#[test]
fn figures_of_a_broken_file_names_the_line_and_fails() {
    let broken = "(format: \"milepost\", version: 1, project: (nme: \"x\"))";
    let (_folder, path) = temp_file("broken.ron", broken);
    let output = milepost([Path::new("figures"), &path]);
    assert!(!output.status.success(), "a broken file fails");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.ron:1:"),
        "line and column: {stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing printed on stdout");
}
