//! Unit tests of the presentation: the steps, the client view it shows and what its cards
//! say. The window-level behaviour is tested in `tests/present.rs`.

use chrono::NaiveDate;

use super::cards::variance_text;
use super::{Presentation, Step};
use crate::i18n::Language;
use crate::model::{Baseline, BaselineId, BaselineItem, Criterion, Item, ItemId, Project};
use crate::rules::{self, MilestoneStatus, Status};
use crate::schedule::WorkCalendar;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn sample() -> Project {
    crate::store::load_str(crate::ui::SAMPLE)
        .expect("the sample loads")
        .project
}

/// A project with one milestone on Fri 6 Nov 2026 and a baseline that had it on Tue 3 Nov.
fn one_milestone() -> Project {
    let mut project = Project::named("P");
    project
        .items
        .push(Item::milestone(ItemId(1), "M", date(2026, 11, 6)));
    project.baselines.push(Baseline {
        id: BaselineId(1),
        name: "Kick-off plan".to_owned(),
        taken: date(2026, 10, 1),
        items: vec![BaselineItem {
            item: ItemId(1),
            start: date(2026, 11, 3),
            finish: date(2026, 11, 3),
            name: "M".to_owned(),
            progress: 0,
        }],
    });
    project
}

/// The status the card of the one milestone shows on Mon 2 Nov 2026, after `change`.
fn status_with(change: impl FnOnce(&mut Item)) -> MilestoneStatus {
    let mut project = one_milestone();
    if let Some(item) = project.items.first_mut() {
        change(item);
    }
    let today = date(2026, 11, 2);
    Presentation::new(&project, false, today)
        .card_status(0, today)
        .expect("one milestone")
        .status
}

#[test]
fn the_card_shows_the_rulebooks_status() {
    assert_eq!(
        status_with(|item| item.deadline = Some(date(2026, 11, 10))),
        MilestoneStatus::AtRisk,
        "before its deadline, but later than in the latest baseline"
    );
    assert_eq!(
        status_with(|item| item.deadline = Some(date(2026, 11, 5))),
        MilestoneStatus::Late,
        "past its deadline"
    );
    assert_eq!(
        status_with(|item| item.progress = 100),
        MilestoneStatus::Reached,
        "reached"
    );
    assert_eq!(
        status_with(|item| {
            item.deadline = Some(date(2026, 11, 5));
            item.criteria = vec![Criterion {
                text: "Signed".to_owned(),
                done: true,
            }];
        }),
        MilestoneStatus::ReachedLate,
        "every criterion ticked, but past its deadline: reached late, not a plain Done"
    );
    let mut project = one_milestone();
    project.baselines.clear();
    let today = date(2026, 11, 2);
    assert_eq!(
        Presentation::new(&project, false, today)
            .card_status(0, today)
            .map(|judgement| judgement.status),
        Some(MilestoneStatus::OnTime),
        "nothing wrong with it"
    );
}

#[test]
fn the_variance_counts_working_days_against_the_latest_baseline() {
    crate::i18n::set_language(Language::English);
    let project = one_milestone();
    let calendar = WorkCalendar::new(&project.calendar);
    assert_eq!(
        variance_text(&project, &project.items[0], &calendar).as_deref(),
        Some("+3 working days since Kick-off plan"),
        "Tue 3 → Fri 6 Nov"
    );
    let mut later = project.clone();
    later.baselines.push(Baseline {
        id: BaselineId(2),
        name: "Design review".to_owned(),
        taken: date(2026, 10, 20),
        items: vec![BaselineItem {
            item: ItemId(1),
            start: date(2026, 11, 9),
            finish: date(2026, 11, 9),
            name: "M".to_owned(),
            progress: 0,
        }],
    });
    assert_eq!(
        variance_text(&later, &later.items[0], &calendar).as_deref(),
        Some("−1 working day since Design review"),
        "the latest baseline counts, and a move earlier is negative"
    );
    let mut none = project.clone();
    none.baselines.clear();
    assert_eq!(
        variance_text(&none, &none.items[0], &calendar),
        None,
        "no baseline, no variance"
    );
}

#[test]
fn the_steps_run_through_the_client_visible_milestones_in_date_order() {
    let project = sample();
    let mut presentation = Presentation::new(&project, false, date(2026, 11, 27));
    let names: Vec<&str> = presentation
        .milestones()
        .iter()
        .filter_map(|id| presentation.project().item(*id))
        .map(|item| item.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Kick-off",
            "Requirements signed off",
            "Design approved",
            "Trial migration accepted",
            "System ready for UAT",
            "UAT signed off",
            "Go/no-go decision",
            "Go-live"
        ],
        "by date, not by lane"
    );
    let today = date(2026, 11, 27);
    assert_eq!(presentation.step(), Step::Title, "opens on the title card");
    presentation.back(today);
    assert_eq!(presentation.step(), Step::Title, "nothing before the title");
    presentation.next(today);
    presentation.next(today);
    assert_eq!(presentation.step(), Step::Milestone(1), "two steps on");
    presentation.today();
    presentation.next(today);
    assert_eq!(
        presentation.step(),
        Step::Milestone(3),
        "from today, on to the first milestone after it"
    );
    for _ in 0..10 {
        presentation.next(today);
    }
    assert_eq!(presentation.step(), Step::Milestone(7), "stops at the last");
    presentation.home();
    assert_eq!(presentation.step(), Step::Title, "Home");
}

#[test]
fn internal_items_are_left_out_but_the_status_is_the_whole_projects() {
    let mut project = one_milestone();
    project.baselines.clear();
    let mut internal = Item::milestone(ItemId(2), "Internal review", date(2026, 11, 12));
    internal.deadline = Some(date(2026, 11, 10));
    internal.client_visible = false;
    project.items.push(internal);
    let today = date(2026, 11, 2);
    let presentation = Presentation::new(&project, false, today);
    assert!(
        presentation.project().item(ItemId(2)).is_none(),
        "the internal milestone is not presented"
    );
    assert_eq!(presentation.milestones(), [ItemId(1)], "nor stepped to");
    assert_eq!(
        presentation.status(),
        Status::Late,
        "an internal milestone past its deadline still makes the project late"
    );
    assert_eq!(
        rules::overall_status(presentation.project(), today),
        Status::OnTrack,
        "the client view alone would have hidden it"
    );
}
