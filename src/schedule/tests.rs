//! The scheduling rules of `docs/format.md` section 2, rule by rule and example by example.

use chrono::NaiveDate;

use super::*;
use crate::model::{Item, ItemKind, Link, LinkKind};

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

fn task(id: u32, start: &str, finish: &str) -> Item {
    Item::task(ItemId(id), format!("T{id}"), date(start), date(finish))
}

fn milestone(id: u32, day: &str) -> Item {
    Item::milestone(ItemId(id), format!("M{id}"), date(day))
}

fn buffer(id: u32, start: &str, finish: &str, planned: u32) -> Item {
    let mut item = task(id, start, finish);
    item.kind = ItemKind::Buffer;
    item.planned_workdays = planned;
    item
}

fn link(from: u32, to: u32, kind: LinkKind, lag_workdays: i32) -> Link {
    Link {
        from: ItemId(from),
        to: ItemId(to),
        kind,
        lag_workdays,
    }
}

fn plan(items: Vec<Item>, links: Vec<Link>) -> Project {
    Project {
        items,
        links,
        ..Project::named("Test")
    }
}

fn dates(project: &Project, id: u32) -> (NaiveDate, NaiveDate) {
    let item = project.item(ItemId(id)).expect("the item exists");
    (item.start, item.finish)
}

fn settle(project: &Project) -> Project {
    let settled = settled(project).expect("no loop");
    let calendar = WorkCalendar::new(&settled.calendar);
    assert!(
        violated_links(&settled, &calendar).is_empty(),
        "settling leaves no link violated"
    );
    settled
}

/// The critical path and floats of `project`, which has no loop.
fn critical_path(project: &Project) -> CriticalPath {
    Scheduler::new(project)
        .expect("no loop")
        .critical_path(project)
}

/// The float of each item of `project`, in working days, in the items' order.
fn floats(project: &Project) -> Vec<i64> {
    critical_path(project)
        .items
        .iter()
        .map(|float| float.float_workdays)
        .collect()
}

/// What moving item `node` of `project` by `workdays` changes, pushes included.
fn shift(scheduler: &Scheduler, project: &Project, node: usize, workdays: i64) -> Overlay {
    scheduler.plan(
        project,
        &[(node, scheduler.span(project, node).shifted(workdays))],
    )
}

// 2026-12-07 is a Monday, 2026-12-11 a Friday.
const FS: LinkKind = LinkKind::FinishToStart;
const SS: LinkKind = LinkKind::StartToStart;
const FF: LinkKind = LinkKind::FinishToFinish;
const SF: LinkKind = LinkKind::StartToFinish;

#[test]
fn task_fs_task_starts_the_next_working_day() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-09", "2026-12-10"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    assert_eq!(
        dates(&settle(&project), 2),
        (date("2026-12-14"), date("2026-12-15")),
        "B starts Monday and keeps its two working days"
    );
}

#[test]
fn task_fs_milestone_is_on_the_friday() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            milestone(2, "2026-12-08"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    assert_eq!(
        dates(&settle(&project), 2),
        (date("2026-12-11"), date("2026-12-11")),
        "the milestone is at the end of Friday"
    );
}

#[test]
fn milestone_fs_task_starts_monday() {
    let project = plan(
        vec![
            milestone(1, "2026-12-11"),
            task(2, "2026-12-10", "2026-12-10"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    assert_eq!(
        dates(&settle(&project), 2),
        (date("2026-12-14"), date("2026-12-14")),
        "work after Friday's milestone starts Monday"
    );
}

#[test]
fn milestone_fs_milestone_may_share_the_day() {
    let project = plan(
        vec![milestone(1, "2026-12-11"), milestone(2, "2026-12-09")],
        vec![link(1, 2, FS, 0)],
    );
    assert_eq!(
        dates(&settle(&project), 2).0,
        date("2026-12-11"),
        "two instants at the end of the same day"
    );
}

#[test]
fn start_to_start_and_finish_to_finish() {
    let project = plan(
        vec![
            task(1, "2026-12-09", "2026-12-11"),
            task(2, "2026-12-07", "2026-12-08"),
            task(3, "2026-12-07", "2026-12-08"),
        ],
        vec![link(1, 2, SS, 0), link(1, 3, FF, 0)],
    );
    let settled = settle(&project);
    assert_eq!(
        dates(&settled, 2),
        (date("2026-12-09"), date("2026-12-10")),
        "SS: B starts when A starts"
    );
    assert_eq!(
        dates(&settled, 3),
        (date("2026-12-10"), date("2026-12-11")),
        "FF: B finishes when A finishes"
    );
}

#[test]
fn start_to_finish_lets_the_bars_touch() {
    let project = plan(
        vec![
            task(1, "2026-12-14", "2026-12-18"),
            task(2, "2026-12-01", "2026-12-02"),
        ],
        vec![link(1, 2, SF, 0)],
    );
    assert_eq!(
        dates(&settle(&project), 2),
        (date("2026-12-10"), date("2026-12-11")),
        "B finishes at the end of Friday, when A starts on Monday"
    );
}

#[test]
fn milestones_in_start_links_are_end_of_day_instants() {
    let project = plan(
        vec![
            task(1, "2026-12-14", "2026-12-18"),
            milestone(2, "2026-12-07"),
            milestone(3, "2026-12-11"),
            task(4, "2026-12-07", "2026-12-07"),
            milestone(5, "2026-12-01"),
        ],
        vec![link(1, 2, SS, 0), link(3, 4, SS, 0), link(1, 5, SF, 0)],
    );
    let settled = settle(&project);
    assert_eq!(
        dates(&settled, 2).0,
        date("2026-12-11"),
        "SS into a milestone: the end of Friday is Monday's start"
    );
    assert_eq!(
        dates(&settled, 4).0,
        date("2026-12-14"),
        "SS from Friday's milestone: Monday"
    );
    assert_eq!(
        dates(&settled, 5).0,
        date("2026-12-11"),
        "SF into a milestone: the end of Friday"
    );
}

#[test]
fn lags_and_leads_count_working_days() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-07", "2026-12-07"),
            task(3, "2026-12-07", "2026-12-07"),
            milestone(4, "2026-12-07"),
            task(5, "2026-12-07", "2026-12-07"),
        ],
        vec![
            link(1, 2, FS, 2),
            link(1, 3, FS, -2),
            link(1, 4, FS, 1),
            link(4, 5, SS, 1),
        ],
    );
    let settled = settle(&project);
    assert_eq!(
        dates(&settled, 2).0,
        date("2026-12-16"),
        "two days' lag: Wednesday"
    );
    assert_eq!(
        dates(&settled, 3).0,
        date("2026-12-10"),
        "two days' lead: Thursday"
    );
    assert_eq!(
        dates(&settled, 4).0,
        date("2026-12-14"),
        "a milestone one day after Friday"
    );
    assert_eq!(
        dates(&settled, 5).0,
        date("2026-12-16"),
        "SS + 1 from Monday's milestone (end of Monday): Wednesday"
    );
}

#[test]
fn holidays_and_make_up_days_count() {
    let mut project = plan(
        vec![
            task(1, "2026-09-28", "2026-09-30"),
            task(2, "2026-09-29", "2026-09-30"),
            task(3, "2026-10-08", "2026-10-09"),
            task(4, "2026-10-08", "2026-10-08"),
        ],
        vec![link(1, 2, FS, 0), link(3, 4, FS, 0)],
    );
    project.calendar = calendar::tests::china();
    let settled = settle(&project);
    assert_eq!(
        dates(&settled, 2),
        (date("2026-10-08"), date("2026-10-09")),
        "the holiday week is skipped"
    );
    assert_eq!(
        dates(&settled, 4),
        (date("2026-10-10"), date("2026-10-10")),
        "the make-up Saturday is worked"
    );
}

#[test]
fn items_with_slack_stay() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-09"),
            task(2, "2026-12-14", "2026-12-15"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    let scheduler = Scheduler::new(&project).expect("no loop");
    let overlay = shift(&scheduler, &project, 0, 1);
    assert_eq!(overlay.len(), 1, "only the moved task changes: B has slack");
}

#[test]
fn moving_earlier_than_allowed_is_clamped() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-14", "2026-12-15"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    let scheduler = Scheduler::new(&project).expect("no loop");
    let overlay = shift(&scheduler, &project, 1, -3);
    assert!(overlay.is_empty(), "B cannot move before Monday: it stays");
}

#[test]
fn buffers_absorb_then_pass_pushes_on() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            buffer(2, "2026-12-14", "2026-12-18", 5),
            milestone(3, "2026-12-18"),
        ],
        vec![link(1, 2, FS, 0), link(2, 3, FS, 0)],
    );
    let scheduler = Scheduler::new(&project).expect("no loop");
    let push = |days: i64| {
        let mut moved = project.clone();
        let overlay = shift(&scheduler, &moved, 0, days);
        scheduler.write(&mut moved, &overlay);
        moved
    };
    let partly = push(2);
    assert_eq!(
        dates(&partly, 2),
        (date("2026-12-16"), date("2026-12-18")),
        "the buffer's start moves, its finish stays"
    );
    assert_eq!(
        dates(&partly, 3).0,
        date("2026-12-18"),
        "the milestone stays"
    );
    let buffer_now = partly.item(ItemId(2)).expect("the buffer");
    let consumption = buffer_consumption(&scheduler.calendar, buffer_now);
    assert!(
        (consumption - 0.4).abs() < 1e-9,
        "2 of 5 days used: {consumption}"
    );

    let exhausted = push(5);
    assert_eq!(
        dates(&exhausted, 2),
        (date("2026-12-21"), date("2026-12-18")),
        "an exhausted buffer starts on the working day after its finish"
    );
    assert_eq!(
        dates(&exhausted, 3).0,
        date("2026-12-18"),
        "still not pushed"
    );
    let buffer_now = exhausted.item(ItemId(2)).expect("the buffer");
    let consumption = buffer_consumption(&scheduler.calendar, buffer_now);
    assert!((consumption - 1.0).abs() < 1e-9, "all used: {consumption}");

    let beyond = push(7);
    assert_eq!(
        dates(&beyond, 2),
        (date("2026-12-23"), date("2026-12-22")),
        "the exhausted buffer moves with the push"
    );
    assert_eq!(
        dates(&beyond, 3).0,
        date("2026-12-22"),
        "only now is the milestone pushed, by the two days the buffer could not absorb"
    );
}

#[test]
fn critical_path_by_hand() {
    // A (Mon 7 – Fri 11) → B (Mon 14 – Wed 16) → M (Wed 16); C (Mon 7 – Tue 8) → M;
    // D (Mon 7 – Thu 10) alone.
    let mut project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-14", "2026-12-16"),
            milestone(3, "2026-12-16"),
            task(4, "2026-12-07", "2026-12-08"),
            task(5, "2026-12-07", "2026-12-10"),
        ],
        vec![link(1, 2, FS, 0), link(2, 3, FS, 0), link(4, 3, FS, 0)],
    );
    assert_eq!(
        floats(&project),
        vec![0, 0, 0, 6, 4],
        "C may slip Wed–Wed (6 days), D Fri–Wed (4 days)"
    );
    let path = critical_path(&project);
    assert_eq!(
        path.project_finish,
        date("2026-12-16"),
        "the project ends Wednesday"
    );
    assert!(
        path.items[0].critical && !path.items[3].critical,
        "A critical, C not"
    );

    project.items[2].deadline = Some(date("2026-12-15"));
    assert_eq!(
        floats(&project),
        vec![-1, -1, -1, 5, 4],
        "a deadline a day before the milestone makes its chain one day late"
    );
    let path = critical_path(&project);
    assert_eq!(path.breaches.len(), 1, "the milestone's deadline is listed");
    assert_eq!(path.breaches[0].late_workdays, 1, "one working day late");
}

#[test]
fn critical_path_through_start_links_and_buffers() {
    // A (Mon 7 – Fri 11) → SS + 2 → B (Wed 9 – Thu 10); A → FS → buffer (14 – 18) → FS → M (18).
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-09", "2026-12-10"),
            buffer(3, "2026-12-14", "2026-12-18", 5),
            milestone(4, "2026-12-18"),
        ],
        vec![link(1, 2, SS, 2), link(1, 3, FS, 0), link(3, 4, FS, 0)],
    );
    // B may finish on the 18th: 6 days. A may slip until the buffer is gone: 5 days.
    assert_eq!(floats(&project), vec![5, 6, 0, 0], "the buffer protects A");
}

#[test]
fn move_with_successors_keeps_gaps() {
    let project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-08"),
            task(2, "2026-12-10", "2026-12-11"),
            task(3, "2026-12-16", "2026-12-16"),
            task(4, "2026-12-07", "2026-12-07"),
        ],
        vec![link(1, 2, FS, 0), link(2, 3, FS, 0)],
    );
    let scheduler = Scheduler::new(&project).expect("no loop");
    let changes: Vec<(usize, Span)> = scheduler
        .network
        .downstream(0)
        .into_iter()
        .map(|node| (node, scheduler.span(&project, node).shifted(3)))
        .collect();
    let mut moved = project.clone();
    let overlay = scheduler.plan(&moved, &changes);
    scheduler.write(&mut moved, &overlay);
    assert_eq!(dates(&moved, 1).0, date("2026-12-10"), "A three days later");
    assert_eq!(dates(&moved, 2).0, date("2026-12-15"), "B three days later");
    assert_eq!(dates(&moved, 3).0, date("2026-12-21"), "C three days later");
    assert_eq!(
        dates(&moved, 4).0,
        date("2026-12-07"),
        "D is not downstream"
    );
}

#[test]
fn impact_lists_moves_and_broken_deadlines() {
    let mut project = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            milestone(2, "2026-12-11"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    project.items[1].deadline = Some(date("2026-12-11"));
    let scheduler = Scheduler::new(&project).expect("no loop");
    let overlay = shift(&scheduler, &project, 0, 1);
    let impact = scheduler.impact(&project, &overlay);
    assert_eq!(impact.moved.len(), 2, "the task and its milestone move");
    assert_eq!(impact.moved[1].start_delta_workdays, 1, "by one day");
    assert_eq!(impact.breaches.len(), 1, "the deadline breaks");
}

#[test]
fn tsv_of_the_design_example() {
    let mut project = plan(
        vec![
            task(1, "2026-12-01", "2026-12-04"),
            milestone(2, "2026-12-03"),
            buffer(3, "2027-02-22", "2027-02-26", 5),
        ],
        vec![link(1, 2, FS, 0)],
    );
    project.items[1].deadline = Some(date("2026-12-10"));
    let tsv = schedule_tsv(&project);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(
        lines[0], "id\tname\tkind\tstart\tfinish\tfloat_workdays\tcritical",
        "the header"
    );
    assert_eq!(
        lines[2], "2\tM2\tMilestone\t2026-12-04\t2026-12-04\t4\tfalse",
        "the milestone is pushed to Friday, four days before its deadline"
    );
    assert_eq!(
        lines[3], "3\tT3\tBuffer\t2027-02-22\t2027-02-26\t0\ttrue",
        "the buffer ends the project"
    );
}

#[test]
fn variance_and_changes_since_a_baseline() {
    let before = plan(
        vec![
            task(1, "2026-12-07", "2026-12-11"),
            task(2, "2026-12-14", "2026-12-15"),
        ],
        vec![link(1, 2, FS, 0)],
    );
    let baseline = take_baseline(
        &before,
        crate::model::BaselineId(1),
        "Kick-off",
        date("2026-12-01"),
    );
    let mut after = before.clone();
    after.items[0].start = date("2026-12-09");
    after.items[0].finish = date("2026-12-15");
    after.items[0].name = "Design".to_owned();
    after.items[0].progress = 50;
    after.items.remove(1);
    after.items.push(milestone(3, "2026-12-16"));
    let calendar = WorkCalendar::new(&after.calendar);
    let variance = variance(&after, &calendar, &baseline);
    assert_eq!(variance.len(), 1, "only the item in both");
    assert_eq!(
        (variance[0].start_workdays, variance[0].finish_workdays),
        (2, 2),
        "two working days later at both ends"
    );
    let changes = changes_since(&after, &calendar, &baseline);
    assert_eq!(
        changes.len(),
        5,
        "moved, renamed, progress, added, removed: {changes:?}"
    );
    assert!(
        matches!(&changes[1], Change::Renamed { old, new, .. } if old == "T1" && new == "Design"),
        "renamed"
    );
    assert!(
        matches!(
            changes[2],
            Change::ProgressChanged {
                old: 0,
                new: 50,
                ..
            }
        ),
        "progress"
    );
    assert!(
        matches!(
            changes[3],
            Change::Added {
                item: ItemId(3),
                ..
            }
        ),
        "added"
    );
    assert!(
        matches!(
            changes[4],
            Change::Removed {
                item: ItemId(2),
                ..
            }
        ),
        "removed"
    );
}

#[test]
fn negative_lags_on_finish_links_and_extra_days() {
    let mut project = plan(
        vec![
            task(1, "2026-10-08", "2026-10-12"),
            task(2, "2026-09-28", "2026-09-29"),
            task(3, "2026-09-24", "2026-09-24"),
        ],
        vec![link(1, 2, FF, -1), link(1, 3, SF, -2)],
    );
    project.calendar = calendar::tests::china();
    let settled = settle(&project);
    // Task 1 works Thu 8, Fri 9, Sat 10 (make-up), Mon 12.
    assert_eq!(
        dates(&settled, 2),
        (date("2026-10-09"), date("2026-10-10")),
        "FF − 1: B finishes a working day before A, on the make-up Saturday"
    );
    assert_eq!(
        dates(&settled, 3),
        (date("2026-09-28"), date("2026-09-28")),
        "SF − 2: A starts at the end of Wed 30 Sep; two working days earlier is the end of Mon 28"
    );
}
