//! Properties of scheduling and editing: after any sequence of edits no link is violated, undo
//! and redo are exact, and the impact preview is what applying then does.

use chrono::{Days, NaiveDate};
use milepost::edit::{Edit, History};
use milepost::model::{
    Calendar, Holiday, Item, ItemId, ItemKind, Link, LinkKind, Project, Weekday,
};
use milepost::schedule::{WorkCalendar, settled, violated_links};
use proptest::prelude::*;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2)
        .and_then(|base| base.checked_add_days(Days::new(offset)))
        .expect("dates in range")
}

fn calendar() -> impl Strategy<Value = Calendar> {
    (
        prop::collection::vec(any::<bool>(), 7),
        prop::collection::vec((0_u64..120, 0_u64..6), 0..3),
        prop::collection::vec(0_u64..120, 0..3),
    )
        .prop_map(|(days, holidays, extra)| {
            let mut workdays: Vec<Weekday> = Weekday::ALL
                .iter()
                .zip(&days)
                .filter(|&(_, &on)| on)
                .map(|(&weekday, _)| weekday)
                .collect();
            if workdays.is_empty() {
                workdays.push(Weekday::Wed);
            }
            Calendar {
                workdays,
                holidays: holidays
                    .into_iter()
                    .map(|(from, length)| Holiday {
                        name: String::new(),
                        from: day(from),
                        to: day(from + length),
                    })
                    .collect(),
                extra_workdays: extra.into_iter().map(day).collect(),
            }
        })
}

fn kind(code: u8) -> LinkKind {
    LinkKind::ALL[usize::from(code % 4)]
}

fn project() -> impl Strategy<Value = Project> {
    (
        calendar(),
        prop::collection::vec((0_u8..10, 0_u64..60, 0_u64..6), 2..10),
        prop::collection::vec((0_usize..10, 0_usize..10, 0_u8..4, -3_i32..4), 0..14),
    )
        .prop_map(|(calendar, items, links)| {
            let count = items.len();
            let items: Vec<Item> = items
                .into_iter()
                .enumerate()
                .map(|(i, (kind, start, length))| {
                    let id = ItemId(i as u32 + 1);
                    match kind {
                        0..=1 => Item::milestone(id, format!("M{i}"), day(start)),
                        2 => {
                            let mut buffer =
                                Item::task(id, format!("B{i}"), day(start), day(start + length));
                            buffer.kind = ItemKind::Buffer;
                            buffer.planned_workdays = length as u32 + 1;
                            buffer
                        }
                        _ => Item::task(id, format!("T{i}"), day(start), day(start + length)),
                    }
                })
                .collect();
            let mut seen = std::collections::HashSet::new();
            let links = links
                .into_iter()
                .filter_map(|(a, b, code, lag)| {
                    let (from, to) = (a % count, b % count);
                    (from < to && seen.insert((from, to))).then(|| Link {
                        from: ItemId(from as u32 + 1),
                        to: ItemId(to as u32 + 1),
                        kind: kind(code),
                        lag_workdays: lag,
                    })
                })
                .collect();
            Project {
                calendar,
                items,
                links,
                ..Project::named("Random")
            }
        })
}

fn edit(count: u32) -> impl Strategy<Value = Edit> {
    let item = move || (1..=count).prop_map(ItemId);
    prop_oneof![
        (item(), 0_u64..80, any::<bool>()).prop_map(|(item, start, with_successors)| {
            Edit::MoveItem {
                item,
                start: day(start),
                with_successors,
            }
        }),
        (item(), 0_u64..80, 0_u64..8).prop_map(|(item, start, length)| Edit::ResizeItem {
            item,
            start: day(start),
            finish: day(start + length),
        }),
        (item(), item(), 0_u8..4, -3_i32..4).prop_map(|(from, to, code, lag)| Edit::AddLink {
            link: Link {
                from,
                to,
                kind: kind(code),
                lag_workdays: lag,
            },
        }),
        (item(), item()).prop_map(|(from, to)| Edit::RemoveLink { from, to }),
        (item(), item(), 0_u8..4, -3_i32..4).prop_map(|(from, to, code, lag)| {
            Edit::ChangeLink {
                from,
                to,
                kind: kind(code),
                lag_workdays: lag,
            }
        }),
    ]
}

fn scenario() -> impl Strategy<Value = (Project, Vec<Edit>)> {
    project().prop_flat_map(|project| {
        let count = project.items.len() as u32;
        (Just(project), prop::collection::vec(edit(count), 1..12))
    })
}

fn violations(project: &Project) -> usize {
    violated_links(project, &WorkCalendar::new(&project.calendar)).len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn edits_keep_links_and_undo_is_exact((project, edits) in scenario()) {
        let start = settled(&project).expect("random links go forward only");
        prop_assert_eq!(violations(&start), 0, "settling satisfies every link");
        let mut history = History::new(start.clone());
        let mut applied = 0;
        for edit in edits {
            let before = history.project().clone();
            let preview = history.preview(edit.clone());
            prop_assert_eq!(history.project(), &before, "a preview changes nothing");
            let result = history.apply(edit.clone());
            if let Ok(done) = result {
                applied += 1;
                prop_assert_eq!(preview.ok(), Some(done.impact), "preview of {:?}", edit);
                prop_assert_eq!(
                    violations(history.project()),
                    0,
                    "no link violated after {:?}",
                    edit
                );
            } else {
                prop_assert!(preview.is_err(), "preview and apply agree on refusal");
                prop_assert_eq!(history.project(), &before, "a refused edit changes nothing");
            }
        }
        let edited = history.project().clone();
        for _ in 0..applied {
            prop_assert!(history.undo(), "a step to undo");
        }
        prop_assert!(!history.undo(), "no more steps");
        prop_assert_eq!(history.project(), &start, "undo returns the original exactly");
        for _ in 0..applied {
            prop_assert!(history.redo(), "a step to redo");
        }
        prop_assert_eq!(history.project(), &edited, "redo returns the edited project");
    }
}

/// The working days an item covers, as the scheduler counts them under `calendar`.
fn workdays(calendar: &WorkCalendar, item: &Item) -> i64 {
    milepost::schedule::network::span_of(calendar, item).workdays()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A calendar edit keeps every task's working days, leaves no item starting
    /// or finishing on a day off and no link violated, and gives what a fresh load of the
    /// saved file gives: nothing left to move.
    #[test]
    fn a_calendar_edit_keeps_working_days_and_matches_a_fresh_load(
        project in project(),
        calendar in calendar(),
    ) {
        let start = settled(&project).expect("random links go forward only");
        let mut history = History::new(start.clone());
        history
            .apply(Edit::SetCalendar { calendar: calendar.clone() })
            .expect("a calendar with a working weekday is accepted");
        let edited = history.project();
        let old = WorkCalendar::new(&start.calendar);
        let new = WorkCalendar::new(&calendar);
        for (before, after) in start.items.iter().zip(&edited.items) {
            // A buffer gives up working days when what comes before it is pushed into it.
            if before.kind == ItemKind::Task {
                prop_assert_eq!(
                    workdays(&old, before),
                    workdays(&new, after),
                    "{} keeps its working days",
                    &after.name
                );
            }
            prop_assert!(new.is_working_day(after.start), "{} starts on a working day", &after.name);
            prop_assert!(new.is_working_day(after.finish), "{} finishes on a working day", &after.name);
        }
        prop_assert_eq!(violations(edited), 0, "no link violated");

        let text = milepost::store::to_string(edited).expect("written");
        let loaded = milepost::store::load_str(&text).expect("read back").project;
        prop_assert_eq!(&loaded, edited, "the file holds the edited plan");
        let scheduled = settled(&loaded).expect("no loop");
        prop_assert_eq!(&scheduled, edited, "a fresh load has nothing left to move");
    }
}
