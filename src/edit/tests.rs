//! Edits: validation, labels, one step per call, undo and redo.

use chrono::NaiveDate;

use super::*;
use crate::model::Project;

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// Design (Mon 7 – Fri 11 Dec 2026) → Build (14 – 15) → Test (16) → Launch (milestone 16),
/// and Docs (7 – 8) alone.
fn sample() -> Project {
    let items = vec![
        Item::task(ItemId(1), "Design", date("2026-12-07"), date("2026-12-11")),
        Item::task(ItemId(2), "Build", date("2026-12-14"), date("2026-12-15")),
        Item::task(ItemId(3), "Test", date("2026-12-16"), date("2026-12-16")),
        Item::milestone(ItemId(4), "Launch", date("2026-12-16")),
        Item::task(ItemId(5), "Docs", date("2026-12-07"), date("2026-12-08")),
    ];
    let link = |from, to| Link {
        from: ItemId(from),
        to: ItemId(to),
        kind: LinkKind::FinishToStart,
        lag_workdays: 0,
    };
    Project {
        items,
        links: vec![link(1, 2), link(2, 3), link(3, 4)],
        ..Project::named("Sample")
    }
}

/// Moving item `id` to start on `start`, its successors with it when `with_successors`.
fn move_to(id: u32, start: &str, with_successors: bool) -> Edit {
    Edit::MoveItem {
        item: ItemId(id),
        start: date(start),
        with_successors,
    }
}

#[test]
fn a_move_pushes_successors_and_says_so() {
    let mut history = History::new(sample());
    let applied = history
        .apply(move_to(1, "2026-12-10", false))
        .expect("the move lands");
    assert_eq!(
        applied.label, "Move 'Design' +3 days, 3 pushed",
        "the label"
    );
    assert_eq!(
        applied.impact.moved.len(),
        4,
        "Design and the three after it"
    );
    let launch = history.project().item(ItemId(4)).expect("Launch");
    assert_eq!(
        launch.start,
        date("2026-12-21"),
        "Launch three working days later"
    );
    assert!(history.undo(), "one step to take back");
    assert_eq!(
        history.project(),
        &sample(),
        "undo restores the plan exactly"
    );
    assert!(history.redo(), "and redo");
    assert_eq!(
        history.project().item(ItemId(4)).expect("Launch").start,
        date("2026-12-21"),
        "redo re-applies the push"
    );
}

#[test]
fn a_loop_is_refused_and_named() {
    let mut history = History::new(sample());
    let error = history
        .apply(Edit::AddLink {
            link: Link {
                from: ItemId(3),
                to: ItemId(1),
                kind: LinkKind::FinishToStart,
                lag_workdays: 0,
            },
        })
        .expect_err("a loop does not land");
    assert_eq!(
        error,
        EditError::Cycle("“Design” → “Build” → “Test” → “Design”".to_owned()),
        "the loop is named"
    );
    assert_eq!(history.project(), &sample(), "nothing changed");
    assert_eq!(history.undo_label(), None, "no step recorded");
}

#[test]
fn refused_edits_change_nothing() {
    let mut history = History::new(sample());
    let refused = [
        Edit::RenameItem {
            item: ItemId(99),
            name: "x".to_owned(),
        },
        Edit::ResizeItem {
            item: ItemId(4),
            start: date("2026-12-15"),
            finish: date("2026-12-16"),
        },
        Edit::ResizeItem {
            item: ItemId(2),
            start: date("2026-12-15"),
            finish: date("2026-12-14"),
        },
        Edit::SetProgress {
            item: ItemId(1),
            progress: 101,
        },
        Edit::SetOwner {
            item: ItemId(1),
            owner: Some(PersonId(7)),
        },
        Edit::RemoveLink {
            from: ItemId(1),
            to: ItemId(5),
        },
    ];
    let revision = history.revision();
    for edit in refused {
        assert!(history.apply(edit.clone()).is_err(), "{edit:?} is refused");
        assert_eq!(history.project(), &sample(), "{edit:?} changed nothing");
    }
    assert_eq!(history.revision(), revision, "no revision either");
}

#[test]
fn move_with_successors_and_clamping() {
    let mut history = History::new(sample());
    history
        .apply(move_to(2, "2026-12-16", true))
        .expect("the shift lands");
    let project = history.project();
    assert_eq!(
        project.item(ItemId(3)).expect("Test").start,
        date("2026-12-18"),
        "Test shifted by two working days"
    );
    let applied = history
        .apply(move_to(2, "2026-12-01", false))
        .expect("the move lands, clamped");
    assert_eq!(
        history.project().item(ItemId(2)).expect("Build").start,
        date("2026-12-14"),
        "Build cannot start before Design finishes"
    );
    assert!(
        applied.label.starts_with("Move 'Build'"),
        "{}",
        applied.label
    );
}

#[test]
fn preview_equals_apply_and_saved_state_is_tracked() {
    let mut history = History::new(sample());
    let edit = Edit::ResizeItem {
        item: ItemId(1),
        start: date("2026-12-07"),
        finish: date("2026-12-14"),
    };
    let preview = history.preview(edit.clone()).expect("a preview");
    assert_eq!(history.project(), &sample(), "the preview changes nothing");
    assert!(!history.is_modified(), "still as saved");
    let applied = history.apply(edit).expect("applied");
    assert_eq!(preview, applied.impact, "the preview was right");
    assert!(history.is_modified(), "modified");
    history.mark_saved();
    assert!(!history.is_modified(), "saved");
    assert!(history.undo(), "undo");
    assert!(history.is_modified(), "differs from the saved state");
}

#[test]
fn deleting_an_item_takes_its_links_and_comes_back() {
    let mut history = History::new(sample());
    history
        .apply(Edit::DeleteItem { item: ItemId(2) })
        .expect("deleted");
    assert_eq!(
        history.project().links.len(),
        1,
        "only Test → Launch remains"
    );
    assert_eq!(
        history.undo_label().as_deref(),
        Some("Delete 'Build'"),
        "the label"
    );
    assert!(history.undo(), "undo");
    assert_eq!(history.project(), &sample(), "everything is back");
}

#[test]
fn buffers_restore_as_far_as_allowed() {
    let mut project = sample();
    let mut buffer = Item::task(ItemId(6), "Reserve", date("2026-12-17"), date("2026-12-18"));
    buffer.kind = ItemKind::Buffer;
    buffer.planned_workdays = 3;
    project.items.push(buffer);
    project.links.push(Link {
        from: ItemId(3),
        to: ItemId(6),
        kind: LinkKind::FinishToStart,
        lag_workdays: 0,
    });
    let mut history = History::new(project);
    history
        .apply(Edit::RestoreBuffer { item: ItemId(6) })
        .expect("restored");
    let restored = history.project().item(ItemId(6)).expect("the buffer");
    assert_eq!(
        restored.start,
        date("2026-12-17"),
        "Test finishes on the 16th: the buffer cannot grow back earlier"
    );
    history
        .apply(Edit::SetBufferLength {
            item: ItemId(6),
            planned_workdays: 1,
        })
        .expect("shortened");
    assert_eq!(
        history.project().item(ItemId(6)).expect("the buffer").start,
        date("2026-12-18"),
        "one day reserved before the finish"
    );
}

#[test]
fn two_histories_never_share_a_revision() {
    let first = History::new(sample());
    let mut second = History::new(sample());
    assert_ne!(
        first.revision(),
        second.revision(),
        "a new project is a new revision"
    );
    let before = second.revision();
    second
        .apply(Edit::RenameItem {
            item: ItemId(1),
            name: "Renamed".to_owned(),
        })
        .expect("a rename lands");
    assert_ne!(second.revision(), before, "an edit changes the revision");
    assert_ne!(
        second.revision(),
        first.revision(),
        "still unlike the other history"
    );
}

#[test]
fn switching_language_renames_the_undo_entry() {
    use crate::i18n::{Language, set_language};
    set_language(Language::English);
    let mut history = History::new(sample());
    history
        .apply(Edit::DeleteItem { item: ItemId(5) })
        .expect("Docs can go");
    let words = |language| {
        if language == Language::English {
            "Delete 'Docs'"
        } else {
            "删除“Docs”"
        }
    };
    for language in [Language::English, Language::Chinese, Language::English] {
        set_language(language);
        assert_eq!(
            history.undo_label().as_deref(),
            Some(words(language)),
            "Undo in {language:?}, whatever the language when the edit was made"
        );
    }
    assert!(history.undo(), "undo");
    for language in [Language::Chinese, Language::English] {
        set_language(language);
        assert_eq!(
            history.redo_label().as_deref(),
            Some(words(language)),
            "Redo in {language:?}"
        );
    }
}
