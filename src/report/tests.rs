use super::*;
use crate::model::{Item, ItemKind, Link, LinkKind, Meeting, Risk};
use crate::store;

const FIXTURE: &str = include_str!("../../tests/fixtures/figures.ron");
const EXPECTED: &str = include_str!("../../tests/fixtures/figures.tsv");

/// The day the fixture's figures were computed for.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date")
}

fn fixture() -> Project {
    store::load_str(FIXTURE).expect("the fixture loads").project
}

#[test]
fn every_key_matches_the_hand_computed_fixture() {
    assert_eq!(figures_tsv(&figures(&fixture(), today())), EXPECTED);
}

#[test]
fn without_a_baseline_only_deadlines_judge_and_nothing_slips() {
    let mut project = fixture();
    project.baselines.clear();
    let figures = figures(&project, today());
    assert_eq!(figures.milestones_total, 4, "every milestone counts");
    assert_eq!(
        figures.milestones_on_time, 3,
        "M1 meets its deadline, M2 and M3 have none and are not due yet"
    );
    assert_eq!(figures.milestones_late, 1, "M4 is past its deadline");
    assert_eq!(figures.worst_slip_workdays, 0, "no baseline, no slip");
    let tsv = figures_tsv(&figures);
    assert!(tsv.contains("average_slip_workdays\t0.0\n"), "{tsv}");
    assert!(tsv.contains("worst_slip_workdays\t0\n"), "{tsv}");
}

#[test]
fn without_buffers_consumption_is_zero() {
    let mut project = fixture();
    project.items.retain(|item| item.kind != ItemKind::Buffer);
    assert_eq!(
        figures(&project, today()).buffer_consumption_percent,
        0,
        "no buffer"
    );
}

#[test]
fn an_exhausted_buffer_is_fully_consumed() {
    let mut project = fixture();
    let buffer = project
        .items
        .iter_mut()
        .find(|item| item.id == ItemId(8))
        .expect("the fixture has buffer 8");
    // Exhausted: start on the working day after finish.
    buffer.start = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).expect("a date");
    assert_eq!(
        figures(&project, today()).buffer_consumption_percent,
        100,
        "used up"
    );
}

#[test]
fn no_client_contact_prints_none() {
    let mut project = fixture();
    project
        .meetings
        .retain(|meeting: &Meeting| !meeting.channel.is_client_contact());
    let tsv = figures_tsv(&figures(&project, today()));
    assert!(tsv.contains("last_client_contact\tnone\n"), "{tsv}");
    assert!(tsv.contains("meetings_held\t1\n"), "{tsv}");
}

#[test]
fn the_earliest_baseline_is_the_first_taken_not_the_first_listed() {
    let project = fixture();
    let earliest = earliest_baseline(&project).expect("two baselines");
    assert_eq!(earliest.name, "Kick-off", "taken 2026-11-01");
    let latest = latest_baseline(&project).expect("two baselines");
    assert_eq!(latest.name, "Later", "taken 2026-11-20");
}

#[test]
fn status_is_late_at_risk_or_on_track_by_the_written_rule() {
    let mut project = fixture();
    assert_eq!(
        overall_status(&project, today()),
        Status::Late,
        "M4 passes its deadline"
    );

    for item in &mut project.items {
        item.deadline = None;
    }
    assert_eq!(
        overall_status(&project, today()),
        Status::AtRisk,
        "M3 is later than in the latest baseline"
    );

    project.baselines.clear();
    assert_eq!(
        overall_status(&project, today()),
        Status::AtRisk,
        "the buffer is 60 % used and a high risk is open"
    );

    project.items.retain(|item| item.kind != ItemKind::Buffer);
    assert_eq!(
        overall_status(&project, today()),
        Status::AtRisk,
        "a high risk is open"
    );

    project
        .risks
        .retain(|risk: &Risk| risk.score() < HIGH_RISK_SCORE);
    assert_eq!(
        overall_status(&project, today()),
        Status::OnTrack,
        "nothing wrong left"
    );
}

#[test]
fn the_client_view_leaves_out_what_is_internal() {
    let mut project = fixture();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d).expect("a date");
    let mut internal = Item::task(ItemId(20), "Internal QA", day(1), day(2));
    internal.client_visible = false;
    project.items.push(internal);
    let finish_to_start = |from, to| Link {
        from: ItemId(from),
        to: ItemId(to),
        kind: LinkKind::FinishToStart,
        lag_workdays: 0,
    };
    project.links.push(finish_to_start(20, 1));
    project.links.push(finish_to_start(5, 7));
    project.risks[0].client_visible = true;
    project.risks[0].items = vec![ItemId(20), ItemId(1)];
    project.meetings[0].items = vec![ItemId(20)];

    let view = project.client_view();
    assert!(view.item(ItemId(20)).is_none(), "the internal task is gone");
    assert_eq!(view.items.len(), project.items.len() - 1, "the rest stay");
    assert_eq!(
        view.links.len(),
        1,
        "only the link between visible items stays"
    );
    assert_eq!(view.risks.len(), 1, "only the client-visible risk stays");
    assert_eq!(
        view.risks[0].items,
        vec![ItemId(1)],
        "no reference to the internal task"
    );
    assert!(
        view.meetings
            .iter()
            .all(|meeting| meeting.channel.is_client_contact()),
        "internal meetings are gone"
    );
    assert!(
        view.meetings[0].items.is_empty(),
        "no reference to the internal task"
    );
    assert!(
        view.retrospectives.is_empty(),
        "retrospectives stay inside the team"
    );
}

#[test]
fn meetings_after_today_are_planned_not_held() {
    let project = fixture();
    let before = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).expect("a date");
    let figures = figures(&project, before);
    assert_eq!(
        figures.meetings_held, 1,
        "only the kick-off of 10 Nov was held by 12 Nov"
    );
    assert_eq!(
        figures.last_client_contact,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 10),
        "the e-mail of 15 Nov had not been sent yet"
    );
}

#[test]
fn escaping_leaves_no_markup() {
    assert_eq!(
        escape_markup("R&D <\"beta\"> 'x'"),
        "R&amp;D &lt;&quot;beta&quot;&gt; &apos;x&apos;",
        "every reserved character is escaped"
    );
    assert_eq!(
        escape_markup("a\u{1}b"),
        "a b",
        "control characters are dropped"
    );
}
