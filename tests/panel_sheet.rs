//! The Retrospectives and Project tabs of the side panel, driven through the real window: a
//! retrospective snapshots the figures, its fields are edited and undone; lanes are renamed,
//! reordered and deleted only when empty; the calendar changes the schedule; and everything
//! survives a save and a load.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use std::path::Path;

use common::assert_round_trips;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::{ItemId, LaneId, Weekday};
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};
use window_harness::{SIZE, assert_undo_restores, click, date, scroll_and_click, started, undo};

fn startup(file: Option<&str>, language: Language) -> Startup {
    Startup {
        file: file.map(|file| Path::new(file).to_owned()),
        ..window_harness::startup(language, ThemeChoice::Light)
    }
}

fn harness_with(startup: Startup) -> Harness<'static, App> {
    started(startup, SIZE)
}

/// Whether `node` is a text field named `label`.
fn is_field(node: &egui_kittest::kittest::AccessKitNode<'_>, label: &str) -> bool {
    matches!(node.role(), Role::TextInput | Role::MultilineTextInput)
        && node.label().as_deref() == Some(label)
}

/// Clicks into the text field named `label`, replaces its text and presses Enter.
fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by(|node| is_field(node, label)).scroll_to_me();
    harness.run();
    harness.get_by(|node| is_field(node, label)).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.get_by(|node| is_field(node, label)).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn a_new_retrospective_snapshots_the_figures_and_its_fields_edit_and_undo() {
    let mut harness = harness_with(startup(
        Some("tests/fixtures/figures.ron"),
        Language::English,
    ));
    click(&mut harness, "Retrospectives");
    click(&mut harness, "New retrospective");

    let project = harness.state().project().clone();
    assert_eq!(project.retrospectives.len(), 1, "one retrospective written");
    let written = &project.retrospectives[0];
    assert_eq!(written.date, date(2026, 11, 27), "dated today");
    let expected = std::fs::read_to_string("tests/fixtures/figures.tsv").expect("fixture");
    assert_eq!(
        milepost::report::figures_tsv(&written.figures),
        expected,
        "the snapshot holds the hand-computed figures of the fixture"
    );
    // The snapshot is shown: 3 of 4 milestones not late, a worst slip of 3 working days.
    harness.get_by_label("3 of 4");
    harness.get_by_label("3 working days");

    // What went well, typed and committed with Enter: one undo step.
    let depth = harness.state().history_depth();
    retype(
        &mut harness,
        "Add what went well…",
        "Milestone M1 was signed off early",
    );
    let went_well = |harness: &Harness<'static, App>| {
        harness.state().project().retrospectives[0]
            .went_well
            .clone()
    };
    assert_eq!(
        went_well(&harness),
        vec!["Milestone M1 was signed off early".to_owned()],
        "the line is added"
    );
    retype(
        &mut harness,
        "Milestone M1 was signed off early",
        "M1 was signed off two days early",
    );
    assert_eq!(
        went_well(&harness),
        vec!["M1 was signed off two days early".to_owned()],
        "the line is edited in place"
    );
    assert_eq!(
        harness.state().history_depth(),
        depth + 2,
        "one undo step per change"
    );

    // Satisfaction: four stars.
    scroll_and_click(&mut harness, "4 of 5 (click again to clear)");
    assert_eq!(
        harness.state().project().retrospectives[0].satisfaction,
        Some(4),
        "four stars given"
    );
    assert_round_trips(harness.state().project());

    undo(&mut harness);
    assert_eq!(
        harness.state().project().retrospectives[0].satisfaction,
        None,
        "undo takes the score back"
    );
    undo(&mut harness);
    assert_eq!(
        went_well(&harness),
        vec!["Milestone M1 was signed off early".to_owned()],
        "undo takes the edit back"
    );
    harness.get_by_label("Milestone M1 was signed off early");
    undo(&mut harness);
    assert!(went_well(&harness).is_empty(), "undo takes the line back");
}

#[test]
fn text_typed_and_left_by_switching_tab_is_kept() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Retrospectives");
    let field =
        |node: &egui_kittest::kittest::AccessKitNode<'_>| is_field(node, "Add what to improve…");
    harness.get_by(field).scroll_to_me();
    harness.run();
    harness.get_by(field).click();
    harness.run();
    harness.get_by(field).type_text("Book the UAT room early");
    harness.run();
    click(&mut harness, "Project");
    let project = harness.state().project();
    let last = project
        .retrospectives
        .iter()
        .max_by_key(|record| record.date)
        .expect("the sample has retrospectives");
    assert_eq!(
        last.to_improve.last().map(String::as_str),
        Some("Book the UAT room early"),
        "what was typed is committed when the tab is left"
    );
}

#[test]
fn text_typed_and_left_by_opening_another_retrospective_is_kept() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Retrospectives");
    // The latest retrospective is open; its feedback is typed into, then the first is opened.
    let feedback = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        is_field(node, "What the client said")
            || (node.role() == Role::MultilineTextInput
                && node
                    .label()
                    .is_some_and(|label| label.starts_with("The design walk-through")))
    };
    harness.get_by(feedback).scroll_to_me();
    harness.run();
    harness.get_by(feedback).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by(feedback)
        .type_text("Very happy with the design review.");
    harness.run();
    harness
        .get_by_label("13 Nov   Discovery phase")
        .scroll_to_me();
    harness.run();
    click(&mut harness, "13 Nov   Discovery phase");
    let design = harness
        .state()
        .project()
        .retrospectives
        .iter()
        .find(|record| record.title == "Solution design")
        .expect("the sample's design retrospective");
    assert_eq!(
        design.client_feedback, "Very happy with the design review.",
        "the feedback typed is kept when another retrospective is opened"
    );
    assert_eq!(
        harness
            .get_by(|node| is_field(node, "Title"))
            .value()
            .as_deref(),
        Some("Discovery phase"),
        "the other retrospective is open"
    );
}

#[test]
fn lanes_are_renamed_reordered_and_deleted_only_when_empty() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Project");
    let lanes = |harness: &Harness<'static, App>| -> Vec<(LaneId, String)> {
        harness
            .state()
            .project()
            .lanes
            .iter()
            .map(|lane| (lane.id, lane.name.clone()))
            .collect()
    };
    let before = lanes(&harness);

    retype(&mut harness, "Discovery", "Discovery and requirements");
    assert_eq!(
        lanes(&harness)[0].1,
        "Discovery and requirements",
        "renamed"
    );

    scroll_and_click(&mut harness, "Move “Data migration” up");
    let order: Vec<u32> = lanes(&harness).iter().map(|(id, _)| id.0).collect();
    assert_eq!(
        order,
        vec![1, 3, 2, 4, 5],
        "Data migration moved above Design"
    );

    // A lane that holds items is not deleted; the reason is shown.
    scroll_and_click(&mut harness, "Delete lane “Go-live”");
    assert_eq!(lanes(&harness).len(), 5, "a lane with items stays");
    harness.get_by_label("“Go-live” still holds 8 items: move them to another lane first.");

    // An empty lane goes, and undo brings it back.
    retype(&mut harness, "Add a lane…", "Hypercare");
    assert_eq!(lanes(&harness).len(), 6, "lane added");
    scroll_and_click(&mut harness, "Delete lane “Hypercare”");
    assert_eq!(lanes(&harness).len(), 5, "the empty lane is deleted");
    undo(&mut harness);
    assert_eq!(
        lanes(&harness).last().map(|(_, name)| name.as_str()),
        Some("Hypercare"),
        "undo brings it back"
    );
    assert_round_trips(harness.state().project());

    for _ in 0..3 {
        undo(&mut harness);
    }
    assert_eq!(
        lanes(&harness),
        before,
        "undo returns the lanes as they were"
    );
}

#[test]
fn unticking_friday_reschedules_the_plan() {
    const CONFIGURE_ACCOUNTS: ItemId = ItemId(9);
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Project");
    let finish = |harness: &Harness<'static, App>| {
        harness
            .state()
            .project()
            .item(CONFIGURE_ACCOUNTS)
            .expect("item")
            .finish
    };
    let before = finish(&harness);
    scroll_and_click(&mut harness, "Fri");
    let project = harness.state().project();
    assert!(
        !project.calendar.workdays.contains(&Weekday::Fri),
        "Friday is no longer worked"
    );
    assert!(
        finish(&harness) > before,
        "a four-day week pushes the work later: {} then {}",
        before,
        finish(&harness)
    );
    assert_round_trips(harness.state().project());
    undo(&mut harness);
    assert_eq!(finish(&harness), before, "undo restores the schedule");
}

#[test]
fn a_new_holiday_lands_only_when_confirmed_with_its_name_as_one_step() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Project");
    let before = harness.state().project().clone();
    let depth = harness.state().history_depth();
    scroll_and_click(&mut harness, "+ Holiday");
    assert_eq!(
        harness.state().project(),
        &before,
        "opening the form changes nothing"
    );
    assert!(
        harness.query_by_label_contains("Moves ").is_some(),
        "the form shows what a holiday today would push"
    );
    harness
        .get_by(|node| is_field(node, "Name of the new holiday"))
        .click();
    harness.run();
    harness
        .get_by(|node| is_field(node, "Name of the new holiday"))
        .type_text("Company day");
    harness.run();
    assert_eq!(harness.state().project(), &before, "typing changes nothing");
    harness.get_by_label("Add holiday").scroll_to_me();
    harness.run();
    click(&mut harness, "Add holiday");

    let project = harness.state().project();
    let added = project
        .calendar
        .holidays
        .iter()
        .find(|holiday| holiday.from == window_harness::today())
        .expect("the holiday is added on the day shown");
    assert_eq!(added.name, "Company day", "the typed name is kept");
    assert_eq!(harness.state().history_depth(), depth + 1, "one undo step");
    let calendar = milepost::schedule::WorkCalendar::new(&project.calendar);
    for item in &project.items {
        assert!(
            calendar.is_working_day(item.start) && calendar.is_working_day(item.finish),
            "{} is on working days",
            item.name
        );
    }
    assert_round_trips(project);
    undo(&mut harness);
    assert_eq!(harness.state().project(), &before, "undo takes it all back");
}

#[test]
fn snapshot_retrospectives() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Retrospectives");
    harness.snapshot("panel_retrospectives");
    // The first retrospective further down: its actions, feedback and figures then and now.
    scroll_and_click(&mut harness, "13 Nov   Discovery phase");
    harness.get_by_label("Last client contact").scroll_to_me();
    harness.run();
    harness.snapshot("panel_retrospectives_figures");
}

#[test]
fn snapshot_project() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Project");
    harness.snapshot("panel_project");
    // Further down: a team member opened, the lanes and the calendar.
    scroll_and_click(&mut harness, "Zhang Min — Project manager");
    harness.get_by_label("Sun").scroll_to_me();
    harness.run();
    harness.snapshot("panel_project_calendar");
}

#[test]
fn the_tabs_render_in_chinese() {
    let mut harness = harness_with(startup(Some("assets/sample-zh.ron"), Language::Chinese));
    click(&mut harness, "复盘");
    harness.get_by_label("新建复盘");
    harness.snapshot("panel_retrospectives_zh");
    click(&mut harness, "项目");
    harness.get_by_label("工作日历");
    harness.snapshot("panel_project_zh");
}

#[test]
fn the_header_scope_cadence_and_team_edit_through_undoable_steps() {
    let mut harness = harness_with(startup(None, Language::English));
    click(&mut harness, "Project");
    let original = harness.state().project().clone();

    retype(&mut harness, "Client", "Acme Trading Group");
    assert_eq!(
        harness.state().project().client.name,
        "Acme Trading Group",
        "client renamed"
    );
    retype(
        &mut harness,
        "Add to the scope…",
        "Data archive of closed deals",
    );
    assert_eq!(
        harness
            .state()
            .project()
            .scope
            .included
            .last()
            .map(String::as_str),
        Some("Data archive of closed deals"),
        "scope line added at the end"
    );
    // Clearing the cadence means no cadence; a word that is no number changes nothing.
    retype(&mut harness, "Cadence", "");
    assert_eq!(
        harness.state().project().meeting_cadence_days,
        None,
        "no cadence"
    );
    retype(&mut harness, "Cadence", "weekly");
    assert_eq!(
        harness.state().project().meeting_cadence_days,
        None,
        "not a number: unchanged"
    );
    retype(&mut harness, "Cadence", "14");
    assert_eq!(
        harness.state().project().meeting_cadence_days,
        Some(14),
        "every two weeks"
    );

    // A new member opens so that the role can be filled in.
    retype(&mut harness, "Add a team member…", "Guo Ping");
    let guo = harness
        .state()
        .project()
        .team
        .last()
        .expect("a member")
        .clone();
    assert_eq!(guo.name, "Guo Ping", "member added at the end");
    harness.run();
    let role_field = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == Role::TextInput
            && node.label().as_deref() == Some("Role")
            && node.value().as_deref() == Some("")
    };
    harness.get_by(role_field).scroll_to_me();
    harness.run();
    harness.get_by(role_field).click();
    harness.run();
    harness.get_by(role_field).type_text("Finance consultant");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness
            .state()
            .project()
            .person(guo.id)
            .map(|p| p.role.as_str()),
        Some("Finance consultant"),
        "role filled in"
    );
    assert_round_trips(harness.state().project());

    let removes = harness.query_all_by_label("Remove").count();
    assert_eq!(removes, 1, "only the open member has a Remove button");
    scroll_and_click(&mut harness, "Remove");
    assert!(
        harness.state().project().person(guo.id).is_none(),
        "member removed"
    );

    // Seven steps back: remove, role, add member, two cadences (the word changed nothing),
    // scope, client.
    assert_undo_restores(
        &mut harness,
        7,
        &original,
        "undo returns the project as it was",
    );
}
