//! `milepost schedule FILE` on the DESIGN section 3 example, with one link violated by hand.

use std::process::Command;

const EXAMPLE: &str = r#"(
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
            extra_workdays: ["2026-10-10"],
        ),
        team: [(id: 1, name: "Zhang Min", role: "Project manager", client_side: false)],
        lanes: [(id: 1, name: "Discovery")],
        items: [
            (id: 1, kind: Task, name: "Requirements workshop", lane: Some(1),
             start: "2026-12-01", finish: "2026-12-04", owner: Some(1), progress: 40,
             client_visible: true, notes: ""),
            (id: 2, kind: Milestone, name: "Requirements signed off", lane: Some(1),
             start: "2026-12-03", finish: "2026-12-03", deadline: Some("2026-12-10"),
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

#[test]
fn schedule_prints_the_tsv_and_leaves_the_file_alone() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("crm.ron");
    std::fs::write(&path, EXAMPLE).expect("the example is written");
    let output = Command::new(env!("CARGO_BIN_EXE_milepost"))
        .arg("schedule")
        .arg(&path)
        .output()
        .expect("milepost runs");
    assert!(
        output.status.success(),
        "exit 0, stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
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
        EXAMPLE,
        "the file is not modified"
    );

    let check = Command::new(env!("CARGO_BIN_EXE_milepost"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("milepost runs");
    assert!(check.status.success(), "a violated link is only a warning");
    let warnings = String::from_utf8_lossy(&check.stderr);
    assert!(
        warnings.contains("crm.ron:26:")
            && warnings.contains(": warning: the dates violate the FS link"),
        "the warning points at the link: {warnings}"
    );
}
