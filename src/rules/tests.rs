//! A table of cases for each rule.

use chrono::NaiveDate;

use super::*;
use crate::model::{BaselineItem, Criterion, Item, ItemId, Owner, Person, PersonId, Project, Risk};
use crate::schedule::WorkCalendar;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A milestone on Fri 6 Nov 2026.
fn milestone() -> Item {
    Item::milestone(ItemId(1), "M", date(2026, 11, 6))
}

fn was(finish: NaiveDate) -> BaselineItem {
    BaselineItem {
        item: ItemId(1),
        start: finish,
        finish,
        name: "M".to_owned(),
        progress: 0,
    }
}

fn ticked(done: &[bool]) -> Vec<Criterion> {
    done.iter()
        .map(|&done| Criterion {
            text: "C".to_owned(),
            done,
        })
        .collect()
}

/// One case of the milestone rule.
struct Case {
    what: &'static str,
    progress: u8,
    criteria: Vec<Criterion>,
    deadline: Option<NaiveDate>,
    compared: Option<NaiveDate>,
    today: NaiveDate,
    expected: Judgement,
}

#[test]
fn milestone_status_follows_the_written_rule() {
    use MilestoneStatus::{AtRisk, Late, OnTime, Reached, ReachedLate};
    let calendar = WorkCalendar::new(&crate::model::Calendar::default());
    let monday = date(2026, 11, 2);
    let j = |status, why| Judgement { status, why };
    let cases = [
        Case {
            what: "nothing to judge it by",
            progress: 0,
            criteria: vec![],
            deadline: None,
            compared: None,
            today: monday,
            expected: j(OnTime, Why::Clear),
        },
        Case {
            what: "well before its deadline, as planned",
            progress: 0,
            criteria: vec![],
            deadline: Some(date(2026, 11, 13)),
            compared: Some(date(2026, 11, 6)),
            today: monday,
            expected: j(OnTime, Why::Clear),
        },
        Case {
            what: "earlier than planned",
            progress: 0,
            criteria: vec![],
            deadline: None,
            compared: Some(date(2026, 11, 9)),
            today: monday,
            expected: j(OnTime, Why::Clear),
        },
        Case {
            what: "Tue 3 → Fri 6: slipped three working days",
            progress: 0,
            criteria: vec![],
            deadline: Some(date(2026, 11, 13)),
            compared: Some(date(2026, 11, 3)),
            today: monday,
            expected: j(AtRisk, Why::Slipped { workdays: 3 }),
        },
        Case {
            what: "one working day before its deadline",
            progress: 0,
            criteria: vec![],
            deadline: Some(date(2026, 11, 9)),
            compared: None,
            today: monday,
            expected: j(AtRisk, Why::NearDeadline { spare_workdays: 1 }),
        },
        Case {
            what: "on its deadline",
            progress: 40,
            criteria: vec![],
            deadline: Some(date(2026, 11, 6)),
            compared: None,
            today: monday,
            expected: j(AtRisk, Why::NearDeadline { spare_workdays: 0 }),
        },
        Case {
            what: "exactly the margin before its deadline",
            progress: 0,
            criteria: vec![],
            deadline: Some(date(2026, 11, 10)),
            compared: None,
            today: monday,
            expected: j(OnTime, Why::Clear),
        },
        Case {
            what: "past its deadline (Thu 5 → Fri 6)",
            progress: 0,
            criteria: vec![],
            deadline: Some(date(2026, 11, 5)),
            compared: None,
            today: monday,
            expected: j(Late, Why::PastDeadline { workdays: 1 }),
        },
        Case {
            what: "past its deadline beats slipped",
            progress: 0,
            criteria: ticked(&[true, false]),
            deadline: Some(date(2026, 11, 4)),
            compared: Some(date(2026, 11, 3)),
            today: monday,
            expected: j(Late, Why::PastDeadline { workdays: 2 }),
        },
        Case {
            what: "its date passed unreached (Fri 6 → Wed 11)",
            progress: 90,
            criteria: vec![],
            deadline: Some(date(2026, 11, 20)),
            compared: None,
            today: date(2026, 11, 11),
            expected: j(Late, Why::Overdue { workdays: 3 }),
        },
        Case {
            what: "today is its date: not overdue yet",
            progress: 0,
            criteria: vec![],
            deadline: None,
            compared: None,
            today: date(2026, 11, 6),
            expected: j(OnTime, Why::Clear),
        },
        Case {
            what: "progress 100",
            progress: 100,
            criteria: ticked(&[false]),
            deadline: Some(date(2026, 11, 6)),
            compared: Some(date(2026, 11, 3)),
            today: date(2026, 11, 30),
            expected: j(Reached, Why::Complete),
        },
        Case {
            what: "every criterion ticked",
            progress: 0,
            criteria: ticked(&[true, true]),
            deadline: None,
            compared: None,
            today: date(2026, 11, 30),
            expected: j(Reached, Why::CriteriaMet),
        },
        Case {
            what: "reached, but past its deadline (Mon 2 → Fri 6)",
            progress: 100,
            criteria: vec![],
            deadline: Some(date(2026, 11, 2)),
            compared: None,
            today: monday,
            expected: j(ReachedLate, Why::PastDeadline { workdays: 4 }),
        },
        Case {
            what: "criteria ticked, past its deadline",
            progress: 0,
            criteria: ticked(&[true]),
            deadline: Some(date(2026, 11, 5)),
            compared: None,
            today: monday,
            expected: j(ReachedLate, Why::PastDeadline { workdays: 1 }),
        },
    ];
    for case in cases {
        let mut item = milestone();
        item.progress = case.progress;
        item.criteria = case.criteria;
        item.deadline = case.deadline;
        let compared = case.compared.map(was);
        assert_eq!(
            judge(&item, compared.as_ref(), &calendar, case.today),
            case.expected,
            "{}",
            case.what
        );
    }
}

#[test]
fn late_and_reached_are_what_the_figures_and_title_card_count() {
    use MilestoneStatus::{AtRisk, Late, OnTime, Reached, ReachedLate};
    let table = [
        (Reached, true, false),
        (ReachedLate, true, true),
        (OnTime, false, false),
        (AtRisk, false, false),
        (Late, false, true),
    ];
    for (status, reached, late) in table {
        assert_eq!(status.is_reached(), reached, "{status:?} reached");
        assert_eq!(status.is_late(), late, "{status:?} late");
    }
    assert_eq!(
        MilestoneStatus::ALL.len(),
        table.len(),
        "every status in the table"
    );
}

#[test]
fn every_status_and_reason_has_words_in_both_languages() {
    for language in [
        crate::i18n::Language::English,
        crate::i18n::Language::Chinese,
    ] {
        crate::i18n::set_language(language);
        for status in MilestoneStatus::ALL {
            assert_ne!(status.word(), status.key(), "{status:?} in {language:?}");
        }
        let why = Why::Slipped { workdays: 3 }.text().expect("a reason");
        assert!(why.contains('3'), "{why}");
        assert!(!why.contains("milestone_why"), "{why} in {language:?}");
    }
    crate::i18n::set_language(crate::i18n::Language::English);
    assert_eq!(Why::Clear.text(), None, "nothing to explain");
}

#[test]
fn the_compared_baseline_is_the_latest_taken() {
    let project = crate::store::load_str(include_str!("../../tests/fixtures/figures.ron"))
        .expect("the fixture loads")
        .project;
    assert_eq!(
        compared_baseline(&project).map(|baseline| baseline.name.as_str()),
        Some("Later"),
        "taken 2026-11-20, though listed first"
    );
    let none = Project::named("P");
    assert!(compared_baseline(&none).is_none(), "no baseline");
}

#[test]
fn buffer_health_has_three_zones_of_a_third() {
    let table = [
        (0.0, BufferHealth::Green),
        (0.329, BufferHealth::Green),
        (0.33, BufferHealth::Amber),
        (0.5, BufferHealth::Amber),
        (0.659, BufferHealth::Amber),
        (0.66, BufferHealth::Red),
        (1.0, BufferHealth::Red),
    ];
    for (consumption, health) in table {
        assert_eq!(BufferHealth::of(consumption), health, "{consumption}");
    }
}

#[test]
fn risk_levels_follow_the_score_thresholds() {
    let table = [
        (25, RiskLevel::High),
        (15, RiskLevel::High),
        (14, RiskLevel::Medium),
        (8, RiskLevel::Medium),
        (7, RiskLevel::Low),
        (1, RiskLevel::Low),
    ];
    for (score, level) in table {
        assert_eq!(RiskLevel::of(score), level, "score {score}");
    }
}

#[test]
fn a_person_is_named_the_same_way_everywhere() {
    let mut project = Project::named("P");
    project.team.push(Person {
        id: PersonId(1),
        name: "Li Wei".to_owned(),
        role: String::new(),
        client_side: false,
        responsibility: String::new(),
    });
    let table = [
        (Owner::Person(PersonId(1)), "Li Wei"),
        (Owner::Person(PersonId(3)), "#3"),
        (Owner::Named("Huang Mei".to_owned()), "Huang Mei"),
    ];
    for (owner, name) in table {
        assert_eq!(owner_name(&project, &owner), name, "{owner:?}");
    }
    assert_eq!(person_name(&project, PersonId(3)), "#3", "a missing member");
}

/// A project on a Mon–Fri calendar with one milestone, one buffer and maybe a high risk.
fn project_with(
    milestone: impl FnOnce(&mut Item),
    buffer_left_workdays: i64,
    high_risk: bool,
) -> Project {
    let mut project = Project::named("P");
    let mut item = Item::milestone(ItemId(1), "M", date(2026, 11, 20));
    milestone(&mut item);
    project.items.push(item);
    // Planned 3, Mon 9 Nov onwards.
    let start = date(2026, 11, 9);
    let calendar = WorkCalendar::new(&project.calendar);
    let finish = calendar.add_workdays(start, buffer_left_workdays - 1);
    let mut buffer = Item::task(ItemId(2), "B", start, finish);
    buffer.kind = crate::model::ItemKind::Buffer;
    buffer.planned_workdays = 3;
    project.items.push(buffer);
    if high_risk {
        let risk: Risk = ron::from_str(
            "(id: 1, title: \"R\", probability: 5, impact: 3, identified: \"2026-11-01\")",
        )
        .expect("a risk");
        project.risks.push(risk);
    }
    project
}

#[test]
fn the_overall_status_is_built_on_the_milestone_and_buffer_rules() {
    let today = date(2026, 11, 2);
    let table: [(&str, Project, Status); 7] = [
        ("all well", project_with(|_| {}, 3, false), Status::OnTrack),
        (
            "a buffer a third used is amber",
            project_with(|_| {}, 2, false),
            Status::AtRisk,
        ),
        (
            "a high risk is open",
            project_with(|_| {}, 3, true),
            Status::AtRisk,
        ),
        (
            "a milestone close to its deadline",
            project_with(|item| item.deadline = Some(date(2026, 11, 23)), 3, false),
            Status::AtRisk,
        ),
        (
            "a milestone past its deadline",
            project_with(|item| item.deadline = Some(date(2026, 11, 19)), 3, false),
            Status::Late,
        ),
        (
            "a milestone reached late",
            project_with(
                |item| {
                    item.progress = 100;
                    item.deadline = Some(date(2026, 11, 19));
                },
                3,
                false,
            ),
            Status::Late,
        ),
        (
            "a milestone whose date passed unreached",
            project_with(
                |item| {
                    item.start = date(2026, 10, 30);
                    item.finish = date(2026, 10, 30);
                },
                3,
                false,
            ),
            Status::Late,
        ),
    ];
    for (what, project, status) in table {
        assert_eq!(overall_status(&project, today), status, "{what}");
    }
}
