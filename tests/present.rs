//! Presentation mode driven through the real window: F5 and `--present`, client-safe items only,
//! stepping through the milestones, today, and Esc back to the editing view exactly as it was.
#![cfg(feature = "gui")]

mod window_harness;

use egui::{Key, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use milepost::i18n::Language;
use milepost::model::ItemId;
use milepost::ui::present::Step;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Command, Startup};
use window_harness::{click, click_containing, request_close, startup};

const SOLUTION_DESIGN: ItemId = ItemId(7);
const SALES_REPORTS: ItemId = ItemId(12);
const INTERNAL_QA_REVIEW: ItemId = ItemId(13);
const SYSTEM_INTEGRATION_TEST: ItemId = ItemId(14);
const SYSTEM_READY_FOR_UAT: ItemId = ItemId(15);
/// The sample's items that are not client-visible.
const INTERNAL: [ItemId; 3] = [ItemId(6), INTERNAL_QA_REVIEW, ItemId(33)];

fn harness_with(startup: Startup) -> Harness<'static, App> {
    // A 16:9 projector.
    window_harness::started(startup, [1600.0, 900.0])
}

fn harness() -> Harness<'static, App> {
    harness_with(startup(Language::English, ThemeChoice::Light))
}

/// The window of [`harness`] after F5: presenting, on the title card.
fn presenting() -> Harness<'static, App> {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    harness
}

/// The Chinese sample in Chinese after F5: presenting, on the title card.
fn presenting_chinese_sample() -> Harness<'static, App> {
    let mut harness = harness_with(Startup {
        file: Some("assets/sample-zh.ron".into()),
        ..startup(Language::Chinese, ThemeChoice::Light)
    });
    press(&mut harness, Key::F5);
    harness
}

fn press(harness: &mut Harness<'static, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn step(harness: &Harness<'static, App>) -> Step {
    harness.state().presentation().expect("presenting").step()
}

/// Presses `key` in a frame of its own, so that frame's output can be read.
fn key_down_step(harness: &mut Harness<'static, App>, key: Key) {
    harness.input_mut().events.push(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
}

/// The viewport commands the last frame sent.
fn commands(harness: &Harness<'static, App>) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|viewport| viewport.commands.clone())
        .unwrap_or_default()
}

fn on_screen(harness: &Harness<'static, App>) -> Vec<ItemId> {
    harness
        .state()
        .presentation()
        .expect("presenting")
        .items_on_screen()
}

#[test]
fn f5_opens_the_title_card_full_screen_without_menus_or_internal_items() {
    let mut harness = harness();
    assert!(
        harness.query_by_label("File").is_some(),
        "the menu bar shows while editing"
    );
    press(&mut harness, Key::F5);

    let presentation = harness
        .state()
        .presentation()
        .expect("F5 starts presenting");
    assert_eq!(
        presentation.step(),
        Step::Title,
        "it opens on the title card"
    );
    for internal in INTERNAL {
        assert!(
            presentation.project().item(internal).is_none(),
            "internal item {internal:?} is not presented"
        );
        assert!(
            !presentation.items_on_screen().contains(&internal),
            "internal item {internal:?} is not drawn"
        );
    }
    assert!(
        !presentation.items_on_screen().is_empty(),
        "the client-visible timeline is drawn behind the card"
    );
    assert!(
        harness.query_by_label("File").is_none(),
        "no menu bar while presenting"
    );
    assert!(
        harness.query_by_label("Inspector").is_none(),
        "no side panel while presenting"
    );
    harness.get_by_label("Acme Trading CRM roll-out");
    harness.get_by_label("for Acme Trading Co.");
    harness.get_by_label("as of Fri 27 Nov 2026");
    // The sample is at risk: the requirements milestone slipped past its first-baseline date.
    harness.get_by_label("At risk");
    harness.get_by_label("8 milestones, 3 done");
}

#[test]
fn view_menu_present_starts_presenting_too() {
    let mut harness = harness();
    click(&mut harness, "View");
    click_containing(&mut harness, "Present");
    assert!(
        harness.state().presentation().is_some(),
        "View ▸ Present starts presenting"
    );
}

#[test]
fn arrows_step_through_the_milestones_in_date_order_and_show_each_card() {
    let mut harness = presenting();
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        step(&harness),
        Step::Milestone(0),
        "→ goes to the first milestone"
    );
    harness.get_by_label("Kick-off");
    harness.get_by_label("Milestone 1 of 8");
    harness.get_by_label("Project charter signed by the sponsor");

    press(&mut harness, Key::PageDown);
    assert_eq!(step(&harness), Step::Milestone(1), "PageDown goes on");
    harness.get_by_label("Requirements signed off");
    harness.get_by_label("Milestone 2 of 8");
    harness.get_by_label("Reached");
    harness.get_by_label("Tue 10 Nov 2026 · 2 working days to spare");
    assert!(
        harness.query_by_label("Kick-off").is_none()
            || harness.query_by_label("Milestone 1 of 8").is_none(),
        "the previous card is gone"
    );

    // On to "System ready for UAT", the fifth by date (after the trial migration's).
    for _ in 0..3 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(step(&harness), Step::Milestone(4), "three more steps");
    harness.get_by_label("System ready for UAT");
    harness.get_by_label("No open severity-1 defects");
    harness.get_by_label("On time");
    let shown = on_screen(&harness);
    assert!(
        shown.contains(&SYSTEM_READY_FOR_UAT)
            && shown.contains(&SALES_REPORTS)
            && shown.contains(&SYSTEM_INTEGRATION_TEST),
        "the milestone and its lane are in view: {shown:?}"
    );
    assert!(
        !shown.contains(&INTERNAL_QA_REVIEW),
        "the internal review between them is not drawn"
    );

    press(&mut harness, Key::ArrowLeft);
    assert_eq!(step(&harness), Step::Milestone(3), "← goes back one");
    harness.get_by_label("Trial migration accepted");
    press(&mut harness, Key::PageUp);
    assert_eq!(step(&harness), Step::Milestone(2), "PageUp goes back too");
    press(&mut harness, Key::Home);
    assert_eq!(
        step(&harness),
        Step::Title,
        "Home returns to the title card"
    );
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        step(&harness),
        Step::Title,
        "nothing comes before the title card"
    );
}

#[test]
fn the_view_moves_so_the_milestone_is_in_sight_beside_its_card() {
    let mut harness = presenting();
    for _ in 0..8 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(step(&harness), Step::Milestone(7), "the last milestone");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        step(&harness),
        Step::Milestone(7),
        "→ stays on the last one"
    );
    harness.get_by_label("Go-live");
    let go_live = ItemId(36);
    assert!(
        on_screen(&harness).contains(&go_live),
        "Go-live is drawn once the view has moved"
    );
    let card = harness.get_by_label("Milestone 8 of 8").rect();
    let diamond = harness
        .state()
        .presentation()
        .expect("presenting")
        .item_on_screen(go_live)
        .expect("Go-live is on screen");
    assert!(
        (diamond.x - 1600.0 * 0.34).abs() < 2.0,
        "the milestone stands a third of the way across: {diamond:?}"
    );
    assert!(
        diamond.y > 60.0 && diamond.y < 860.0,
        "its row is scrolled into view: {diamond:?}"
    );
    assert!(
        card.left() > diamond.x + 200.0,
        "the card sits to the right, clear of the diamond and its name: {card:?}"
    );
}

#[test]
fn t_goes_to_today_and_then_on_to_the_next_milestone() {
    let mut harness = presenting();
    press(&mut harness, Key::T);
    assert_eq!(step(&harness), Step::Today, "T shows today");
    harness.get_by_label("Fri 27 Nov 2026");
    harness.get_by_label("Next milestone: Trial migration accepted, Wed 6 Jan 2027");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        step(&harness),
        Step::Milestone(3),
        "→ from today goes to the first milestone after today"
    );
    press(&mut harness, Key::T);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        step(&harness),
        Step::Milestone(2),
        "← from today goes to the last milestone before today"
    );
}

#[test]
fn esc_returns_to_the_editing_view_exactly_as_it_was() {
    let mut harness = harness_with(startup(Language::English, ThemeChoice::Dark));
    // Leave the editing view in a particular state: a selection, a zoom, a scroll, a tab.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Select(vec![SOLUTION_DESIGN]));
    {
        let timeline = harness.state_mut().timeline_mut();
        timeline.transform.days_per_point *= 0.5;
        timeline.transform.left_days += 10.0;
        timeline.scroll_y = 52.0;
    }
    harness.run();
    click(&mut harness, "Risks");
    let transform = harness.state_mut().timeline_mut().transform;
    let scroll_y = harness.state_mut().timeline_mut().scroll_y;
    let drawn = harness.state().items_on_screen();
    assert!(
        ctx.global_style().visuals.dark_mode,
        "editing in the dark theme"
    );

    press(&mut harness, Key::F5);
    assert!(
        !ctx.global_style().visuals.dark_mode,
        "the presentation is light"
    );
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    // Gestures on the presented timeline change nothing.
    harness.key_press(Key::Delete);
    harness.run();
    press(&mut harness, Key::Escape);

    assert!(harness.state().presentation().is_none(), "Esc leaves");
    assert!(
        harness.query_by_label("File").is_some(),
        "the menu bar is back"
    );
    assert!(
        ctx.global_style().visuals.dark_mode,
        "the dark theme is back"
    );
    assert_eq!(
        harness
            .state()
            .selection()
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![SOLUTION_DESIGN],
        "the selection is kept"
    );
    assert!(
        harness.state().project().item(SOLUTION_DESIGN).is_some(),
        "Delete while presenting deleted nothing"
    );
    let after = harness.state_mut().timeline_mut().transform;
    assert_eq!(after, transform, "same zoom and the same dates in view");
    assert_eq!(
        harness.state_mut().timeline_mut().scroll_y.to_bits(),
        scroll_y.to_bits(),
        "same scroll"
    );
    assert_eq!(
        harness.state().items_on_screen(),
        drawn,
        "the same items are drawn where they were"
    );
    let risks = harness.get_by_label("Risks");
    assert_eq!(
        risks.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "the Risks tab is still open"
    );
    assert!(
        harness.state().presentation().is_none() && !harness.state().is_modified(),
        "presenting changed nothing in the project"
    );
}

#[test]
fn present_at_startup_opens_on_the_title_card() {
    let harness = harness_with(Startup {
        present: true,
        ..startup(Language::English, ThemeChoice::Light)
    });
    assert_eq!(
        step(&harness),
        Step::Title,
        "--present opens on the title card"
    );
    harness.get_by_label("Acme Trading CRM roll-out");
}

#[test]
fn snapshot_present_title() {
    let mut harness = presenting();
    harness.snapshot("present_title");
}

#[test]
fn snapshot_present_milestone() {
    let mut harness = presenting();
    for _ in 0..5 {
        press(&mut harness, Key::ArrowRight);
    }
    harness.get_by_label("System ready for UAT");
    harness.snapshot("present_milestone");
}

#[test]
fn snapshot_present_milestone_zh() {
    let mut harness = presenting_chinese_sample();
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    harness.snapshot("present_milestone_zh");
}

#[test]
fn snapshot_present_title_zh() {
    let mut harness = presenting_chinese_sample();
    harness.get_by_label("项目概览");
    harness.snapshot("present_title_zh");
}

#[test]
fn presenting_is_full_screen_and_closing_leaves_full_screen_before_quitting() {
    let mut harness = harness();
    key_down_step(&mut harness, Key::F5);
    assert!(
        commands(&harness).contains(&ViewportCommand::Fullscreen(true)),
        "F5 asks for full screen"
    );
    harness.run();

    request_close(&mut harness);
    let sent = commands(&harness);
    assert!(
        sent.contains(&ViewportCommand::CancelClose)
            && sent.contains(&ViewportCommand::Fullscreen(false)),
        "the close waits until full screen is left, so the next start is not full screen: {sent:?}"
    );
    assert!(harness.state().presentation().is_none(), "presenting ended");
    harness.step();
    assert!(
        commands(&harness).contains(&ViewportCommand::Close),
        "then the window closes"
    );
}

#[test]
fn esc_leaves_full_screen() {
    let mut harness = presenting();
    key_down_step(&mut harness, Key::Escape);
    assert!(
        commands(&harness).contains(&ViewportCommand::Fullscreen(false)),
        "Esc gives the window back its size"
    );
}
