//! The Meetings tab driven through the real window: recording a meeting with an action item,
//! turning the action into a task on the timeline (and undoing it), the minutes on the
//! clipboard, the ruler markers, the saved file, and snapshots in both languages.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use common::assert_round_trips;
use egui::OutputCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::{Channel, MeetingId, Owner, PersonId};
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};
use window_harness::{
    SIZE, click, click_containing, date, retype, scroll_and_click, started, undo,
};

/// The built-in sample in `language`, light, on the samples' day.
fn startup(language: Language) -> Startup {
    window_harness::startup(language, ThemeChoice::Light)
}

fn harness() -> Harness<'static, App> {
    started(startup(Language::English), SIZE)
}

/// The English sample with the Meetings tab in front.
fn meetings_tab() -> Harness<'static, App> {
    let mut harness = harness();
    click(&mut harness, "Meetings");
    harness
}

/// Clicks into the field labelled `label`, types `text` and presses Enter.
fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    scroll_and_click(harness, label);
    retype(harness, label, text);
}

/// The meeting with `id`, as the project holds it now.
fn meeting(harness: &Harness<'static, App>, id: MeetingId) -> milepost::model::Meeting {
    harness
        .state()
        .project()
        .meetings
        .iter()
        .find(|meeting| meeting.id == id)
        .cloned()
        .expect("the meeting exists")
}

#[test]
fn a_meeting_recorded_through_the_tab_becomes_a_task_on_the_timeline_and_undo_removes_it() {
    let mut harness = meetings_tab();
    let before = harness.state().project().meetings.len();
    click(&mut harness, "New meeting");
    let project = harness.state().project();
    assert_eq!(project.meetings.len(), before + 1, "a meeting was added");
    let new = project.meetings.last().expect("the new meeting");
    let id = new.id;
    assert_eq!(new.date, date(2026, 11, 27), "dated today");
    assert_eq!(id, MeetingId(7), "the next id after the sample's six");

    let added = harness.state().history_depth();
    type_into(&mut harness, "Title", "Cut-over rehearsal planning");
    assert_eq!(
        harness.state().history_depth(),
        added + 1,
        "the title is one undo step, not one per key"
    );
    type_into(
        &mut harness,
        "New decision",
        "Rehearse the cut-over on 13 February",
    );
    type_into(
        &mut harness,
        "New action item",
        "Write the cut-over runbook",
    );

    let recorded = meeting(&harness, id);
    assert_eq!(recorded.title, "Cut-over rehearsal planning", "title");
    assert_eq!(
        recorded.decisions,
        vec!["Rehearse the cut-over on 13 February".to_owned()],
        "decision"
    );
    assert_eq!(recorded.actions.len(), 1, "one action");
    assert_eq!(recorded.actions[0].text, "Write the cut-over runbook");
    let depth = harness.state().history_depth();

    scroll_and_click(&mut harness, "➜ Task");
    let project = harness.state().project();
    let task = project.items.last().expect("a task").clone();
    assert_eq!(
        task.name, "Write the cut-over runbook",
        "named after the action"
    );
    assert_eq!(
        task.start,
        date(2026, 11, 30),
        "no due date: the next working day after Friday 27 Nov"
    );
    let linked = meeting(&harness, id);
    assert_eq!(
        linked.actions[0].item,
        Some(task.id),
        "the action points at it"
    );
    assert!(linked.items.contains(&task.id), "the meeting lists it");
    assert_eq!(
        harness.state().history_depth(),
        depth + 1,
        "one undo step for the task and the link"
    );
    assert!(
        harness.state().items_on_screen().contains(&task.id),
        "the task is drawn on the timeline"
    );
    assert!(
        harness.query_all_by_label(&task.name).next().is_some(),
        "and listed in the outline"
    );

    undo(&mut harness);
    assert!(
        harness.state().project().item(task.id).is_none(),
        "undo removes the task"
    );
    assert_eq!(
        meeting(&harness, id),
        recorded,
        "and the link, in the same step"
    );
    assert!(
        !harness.state().items_on_screen().contains(&task.id),
        "gone from the timeline"
    );
}

#[test]
fn text_left_in_a_field_lands_when_another_meeting_is_selected() {
    let mut harness = meetings_tab();
    click_containing(&mut harness, "● Project kick-off");
    scroll_and_click(&mut harness, "Notes");
    harness
        .get_by_label("Notes")
        .type_text(" Budget confirmed.");
    harness.run();
    // No Enter, no click elsewhere: the list is used straight away.
    click_containing(&mut harness, "● Design approval and migration status");
    assert!(
        meeting(&harness, MeetingId(1))
            .notes
            .contains(" Budget confirmed."),
        "nothing typed is lost"
    );
    assert_eq!(
        harness.get_by_label("Title").value().as_deref(),
        Some("Design approval and migration status"),
        "the other meeting is shown"
    );
    undo(&mut harness);
    assert!(
        !meeting(&harness, MeetingId(1))
            .notes
            .contains("Budget confirmed."),
        "the landed text is one undo step"
    );
}

#[test]
fn the_meeting_round_trips_through_the_file() {
    let mut harness = meetings_tab();
    click(&mut harness, "New meeting");
    type_into(&mut harness, "Title", "Call with Zhao Lei");
    let project = harness.state().project().clone();
    let written = assert_round_trips(&project);
    assert!(
        written.contains("Call with Zhao Lei"),
        "the meeting is in the file"
    );

    // A meeting with every field set survives too: owners by id and by name, channel, time and
    // links.
    let mut full = project.meetings[4].clone();
    full.channel = Channel::Chat;
    full.actions[0].owner = Some(Owner::Named("Zhou Qiang".to_owned()));
    full.actions[1].owner = Some(Owner::Person(PersonId(8)));
    let mut changed = project.clone();
    changed.meetings[4] = full;
    assert_round_trips(&changed);
}

#[test]
fn copy_minutes_puts_markdown_with_decisions_and_actions_on_the_clipboard() {
    let mut harness = meetings_tab();
    click_containing(&mut harness, "● Design approval and migration status");
    harness.get_by_label("Copy minutes").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let [minutes] = copied.as_slice() else {
        panic!("one text copied: {copied:?}");
    };
    for expected in [
        "# Minutes: Design approval and migration status",
        "## Decisions",
        "1. Solution design approved as version 1.0",
        "## Action items",
        "- [x] Send the duplicate-matching rules and cleansing template — **Wang Fang**, due 2026-11-24",
        "- [ ] Confirm the UAT testers and their availability in January — **Huang Mei**",
    ] {
        assert!(minutes.contains(expected), "{expected:?} in:\n{minutes}");
    }
    assert_eq!(
        Some(minutes.clone()),
        harness.state().minutes(MeetingId(3)),
        "the same text as the pure rendering"
    );
}

#[test]
fn the_search_filters_the_list_and_delete_asks_first_and_can_be_undone() {
    let mut harness = meetings_tab();
    type_into(
        &mut harness,
        "Search titles, notes, decisions and participants",
        "version 1.0",
    );
    assert!(
        harness
            .query_by_label_contains("● Design approval and migration status")
            .is_some(),
        "the meeting that decided on version 1.0 is listed"
    );
    assert!(
        harness
            .query_by_label_contains("● Project kick-off")
            .is_none(),
        "the others are not"
    );
    click_containing(&mut harness, "● Design approval and migration status");
    let count = harness.state().project().meetings.len();
    click(&mut harness, "Delete");
    assert_eq!(
        harness.state().project().meetings.len(),
        count,
        "the first press only asks"
    );
    click(&mut harness, "Delete it");
    assert_eq!(
        harness.state().project().meetings.len(),
        count - 1,
        "deleted"
    );
    undo(&mut harness);
    assert_eq!(
        meeting(&harness, MeetingId(3)).title,
        "Design approval and migration status",
        "undo brings it back"
    );
}

#[test]
fn saved_minutes_are_the_copied_markdown_in_a_file() {
    let mut harness = harness();
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("minutes.md");
    assert!(
        harness.state_mut().save_minutes_file(MeetingId(5), &path),
        "written"
    );
    let written = std::fs::read_to_string(&path).expect("the file");
    assert_eq!(
        Some(written.clone()),
        harness.state().minutes(MeetingId(5)),
        "the same Markdown as Copy minutes"
    );
    assert!(
        written.contains("- [ ] Start cleansing the Shanghai team's contacts — **Zhou Qiang (Shanghai sales lead)**, due 2026-12-01"),
        "an action owned by someone outside the team:\n{written}"
    );
    let missing = folder.path().join("no-such-folder").join("minutes.md");
    assert!(
        !harness
            .state_mut()
            .save_minutes_file(MeetingId(5), &missing),
        "a folder that does not exist"
    );
    harness.run();
    harness.get_by_label("OK");
}

#[test]
fn clicking_a_marker_on_the_ruler_opens_the_meeting() {
    let mut harness = harness();
    assert!(
        harness.query_by_label("Copy minutes").is_none(),
        "the Inspector is in front"
    );
    harness
        .get_by_label("Meeting: Design approval and migration status, Fri 20 Nov 2026")
        .click();
    harness.run();
    harness.get_by_label("Copy minutes");
    let title = harness.get_by_label("Title");
    assert_eq!(
        title.value().as_deref(),
        Some("Design approval and migration status"),
        "the clicked meeting is in the editor"
    );
    assert!(
        harness.state().selection().is_empty(),
        "the selection of items is kept as it was"
    );
}

#[test]
fn the_status_bar_warns_when_the_client_has_not_heard_from_the_team() {
    let mut harness = harness();
    assert!(
        harness
            .query_by_label_contains("No client contact")
            .is_none(),
        "the sample's last call was today"
    );
    let mut project = harness.state().project().clone();
    project
        .meetings
        .retain(|meeting| meeting.date <= date(2026, 11, 11));
    harness.state_mut().set_project(project);
    harness.run();
    harness.get_by_label_contains("No client contact for 21 days (cadence: every 7 days)");
}

#[test]
fn snapshot_panel_meetings() {
    let mut harness = meetings_tab();
    click_containing(
        &mut harness,
        "● Weekly status call: cleansing and trial migration",
    );
    // The decisions and action items in view, below the list.
    harness.get_by_label("New decision").scroll_to_me();
    harness.run();
    harness.snapshot("panel_meetings");
}

#[test]
fn snapshot_panel_meetings_zh() {
    let mut harness = started(
        Startup {
            file: Some("assets/sample-zh.ron".into()),
            ..startup(Language::Chinese)
        },
        SIZE,
    );
    click(&mut harness, "会议");
    click_containing(&mut harness, "● 周例会（电话）：蓝图评审安排与期初数据");
    harness.get_by_label("新决议").scroll_to_me();
    harness.run();
    harness.snapshot("panel_meetings_zh");
}
