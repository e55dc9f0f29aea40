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

/// The milestone rule's table, a case a line:
/// `what: progress, criteria, deadline, compared, today => status, why;`.
macro_rules! cases {
    ($($what:literal: $progress:literal, $criteria:expr, $deadline:expr, $compared:expr, $today:expr => $status:ident, $why:expr;)*) => {
        [$(($what, $progress, $criteria, $deadline, $compared, $today, Judgement { status: $status, why: $why })),*]
    };
}

#[test]
fn milestone_status_follows_the_written_rule() {
    use MilestoneStatus::{AtRisk, Late, OnTime, Reached, ReachedLate};
    let calendar = WorkCalendar::new(&crate::model::Calendar::default());
    let nov = |day| date(2026, 11, day);
    let monday = nov(2);
    // what: progress, criteria, deadline, compared, today => status, why;
    let cases = cases![
        "nothing to judge it by": 0, vec![], None, None, monday => OnTime, Why::Clear;
        "well before its deadline, as planned": 0, vec![], Some(nov(13)), Some(nov(6)), monday => OnTime, Why::Clear;
        "earlier than planned": 0, vec![], None, Some(nov(9)), monday => OnTime, Why::Clear;
        "Tue 3 → Fri 6: slipped three working days": 0, vec![], Some(nov(13)), Some(nov(3)), monday => AtRisk, Why::Slipped { workdays: 3 };
        "one working day before its deadline": 0, vec![], Some(nov(9)), None, monday => AtRisk, Why::NearDeadline { spare_workdays: 1 };
        "on its deadline": 40, vec![], Some(nov(6)), None, monday => AtRisk, Why::NearDeadline { spare_workdays: 0 };
        "exactly the margin before its deadline": 0, vec![], Some(nov(10)), None, monday => OnTime, Why::Clear;
        "past its deadline (Thu 5 → Fri 6)": 0, vec![], Some(nov(5)), None, monday => Late, Why::PastDeadline { workdays: 1 };
        "past its deadline beats slipped": 0, ticked(&[true, false]), Some(nov(4)), Some(nov(3)), monday => Late, Why::PastDeadline { workdays: 2 };
        "its date passed unreached (Fri 6 → Wed 11)": 90, vec![], Some(nov(20)), None, nov(11) => Late, Why::Overdue { workdays: 3 };
        "today is its date: not overdue yet": 0, vec![], None, None, nov(6) => OnTime, Why::Clear;
        "progress 100": 100, ticked(&[false]), Some(nov(6)), Some(nov(3)), nov(30) => Reached, Why::Complete;
        "every criterion ticked": 0, ticked(&[true, true]), None, None, nov(30) => Reached, Why::CriteriaMet;
        "reached, but past its deadline (Mon 2 → Fri 6)": 100, vec![], Some(nov(2)), None, monday => ReachedLate, Why::PastDeadline { workdays: 4 };
        "criteria ticked, past its deadline": 0, ticked(&[true]), Some(nov(5)), None, monday => ReachedLate, Why::PastDeadline { workdays: 1 };
    ];
    for (what, progress, criteria, deadline, compared, today, expected) in cases {
        let mut item = milestone();
        item.progress = progress;
        item.criteria = criteria;
        item.deadline = deadline;
        let compared = compared.map(was);
        assert_eq!(
            judge(&item, compared.as_ref(), &calendar, today),
            expected,
            "{what}"
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

/// Asserts that `rule` puts each input listed under a zone in that zone; `message` (with the
/// input in its `{}`) names a failure.
macro_rules! assert_zones {
    ($rule:path, $message:literal; $($zone:expr => [$($input:expr),*]),* $(,)?) => {
        $($(
            let input = $input;
            assert_eq!($rule(input), $zone, $message, input);
        )*)*
    };
}

#[test]
fn buffer_health_has_three_zones_of_a_third() {
    use BufferHealth::{Amber, Green, Red};
    assert_zones!(BufferHealth::of, "{}"; Green => [0.0, 0.329], Amber => [0.33, 0.5, 0.659], Red => [0.66, 1.0]);
}

#[test]
fn risk_levels_follow_the_score_thresholds() {
    use RiskLevel::{High, Low, Medium};
    assert_zones!(RiskLevel::of, "score {}"; High => [25, 15], Medium => [14, 8], Low => [7, 1]);
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
