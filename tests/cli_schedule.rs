//! `milepost schedule FILE` on the example of `docs/format.md` section 1, with one link violated by hand.

use std::path::Path;

mod common;

use common::{assert_succeeded, milepost};

/// The example with its milestone set by hand a day before the task it follows finishes.
fn example() -> String {
    common::MINIMAL.replace(
        r#"start: "2026-12-04", finish: "2026-12-04", deadline"#,
        r#"start: "2026-12-03", finish: "2026-12-03", deadline"#,
    )
}

#[test]
fn schedule_prints_the_tsv_and_leaves_the_file_alone() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("crm.ron");
    std::fs::write(&path, example()).expect("the example is written");
    let output = milepost([Path::new("schedule"), &path]);
    assert_succeeded(&output, "exit 0, stderr");
    let expected = "id\tname\tkind\tstart\tfinish\tfloat_workdays\tcritical\n\
        1\tRequirements workshop\tTask\t2026-12-01\t2026-12-04\t4\tfalse\n\
        2\tRequirements signed off\tMilestone\t2026-12-04\t2026-12-04\t4\tfalse\n\
        3\tBuffer before go-live\tBuffer\t2027-02-22\t2027-02-26\t0\ttrue\n";
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        expected,
        "the milestone is pushed to the end of Friday"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("still readable"),
        example(),
        "the file is not modified"
    );

    let check = milepost([Path::new("check"), &path]);
    assert!(check.status.success(), "a violated link is only a warning");
    let warnings = String::from_utf8_lossy(&check.stderr);
    assert!(
        warnings.contains("crm.ron:26:")
            && warnings.contains(": warning: the dates violate the FS link"),
        "the warning points at the link: {warnings}"
    );
}
