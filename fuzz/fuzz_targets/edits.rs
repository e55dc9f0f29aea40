//! Arbitrary sequences of edits, undos and redos against `History` on the sample project: no
//! panic, no link ever violated, and undoing everything returns the original project.
#![no_main]

use arbitrary::{Result, Unstructured};
use chrono::Duration;
use libfuzzer_sys::fuzz_target;
use milepost::edit::{Edit, History};
use milepost::model::{Item, ItemId, ItemKind, Link, LinkKind};
use milepost::schedule::{WorkCalendar, violated_links};

const SAMPLE: &str = include_str!("../../assets/sample.ron");

fn pick_item(u: &mut Unstructured<'_>, history: &History) -> Result<ItemId> {
    let items = &history.project().items;
    if items.is_empty() {
        return Ok(ItemId(u.int_in_range(1..=50)?));
    }
    Ok(items[u.choose_index(items.len())?].id)
}

fn edit(u: &mut Unstructured<'_>, history: &History) -> Result<Edit> {
    let item = pick_item(u, history)?;
    let days = Duration::days(i64::from(u.int_in_range(-40i8..=40)?));
    let current = history.project().item(item).cloned();
    let start = current
        .as_ref()
        .map_or_else(chrono::NaiveDate::default, |item| item.start)
        + days;
    let finish = current
        .as_ref()
        .map_or_else(chrono::NaiveDate::default, |item| item.finish);
    Ok(match u.int_in_range(0u8..=9)? {
        0 | 1 => Edit::MoveItem {
            item,
            start,
            with_successors: u.arbitrary()?,
        },
        2 => Edit::ResizeItem {
            item,
            start: current.map_or(start, |item| item.start),
            finish: finish + days,
        },
        3 => Edit::AddLink {
            link: Link {
                from: item,
                to: pick_item(u, history)?,
                kind: [
                    LinkKind::FinishToStart,
                    LinkKind::StartToStart,
                    LinkKind::FinishToFinish,
                    LinkKind::StartToFinish,
                ][u.choose_index(4)?],
                lag_workdays: i32::from(u.int_in_range(-5i8..=5)?),
            },
        },
        4 => Edit::RemoveLink {
            from: item,
            to: pick_item(u, history)?,
        },
        5 => Edit::SetProgress {
            item,
            progress: u.int_in_range(0..=120)?,
        },
        6 => Edit::DeleteItem { item },
        7 => Edit::AddItem {
            item: Item::task(
                history.project().next_item_id(),
                "Fuzzed",
                start,
                start + Duration::days(i64::from(u.int_in_range(0u8..=20)?)),
            ),
        },
        8 => Edit::SetKind {
            item,
            kind: [ItemKind::Task, ItemKind::Milestone, ItemKind::Buffer][u.choose_index(3)?],
        },
        _ => Edit::RenameItem {
            item,
            name: u.arbitrary()?,
        },
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(loaded) = milepost::store::load_str(SAMPLE) else {
        return;
    };
    let original = milepost::schedule::settled(&loaded.project).expect("the sample schedules");
    let mut history = History::new(original.clone());
    let mut u = Unstructured::new(bytes);
    let mut applied = 0usize;
    for _ in 0..40 {
        let Ok(choice) = u.int_in_range(0u8..=9) else {
            break;
        };
        match choice {
            0 => {
                if history.undo() {
                    applied -= 1;
                }
            }
            1 => {
                if history.redo() {
                    applied += 1;
                }
            }
            _ => {
                let Ok(edit) = edit(&mut u, &history) else {
                    break;
                };
                if history.apply(edit).is_ok() {
                    applied += 1;
                }
            }
        }
        let project = history.project();
        let calendar = WorkCalendar::new(&project.calendar);
        assert!(
            violated_links(project, &calendar).is_empty(),
            "no link is violated after an edit"
        );
    }
    for _ in 0..applied {
        assert!(history.undo(), "every applied step can be undone");
    }
    assert_eq!(
        history.project(),
        &original,
        "undoing everything returns the original"
    );
});
