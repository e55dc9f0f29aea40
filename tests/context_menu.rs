//! Right-click menus in the real window: on a bar, an outline row, an arrow and the
//! background, each entry doing what it says as one undo step.
#![cfg(feature = "gui")]

mod window_harness;

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::{ItemId, ItemKind, LinkKind};
use milepost::ui::App;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, click, click_at, started, undo};

const SALES_REPORTS: ItemId = ItemId(12);

fn harness() -> Harness<'static, App> {
    started(
        window_harness::startup(Language::English, ThemeChoice::Light),
        SIZE,
    )
}

fn right_click(harness: &mut Harness<'static, App>, pos: Pos2) {
    click_at(harness, pos, egui::PointerButton::Secondary);
}

fn bar_middle(harness: &Harness<'static, App>, item: ItemId) -> Pos2 {
    let (left, right) = harness.state().item_on_screen(item).expect("on screen");
    Pos2::new(left.x.midpoint(right.x), left.y)
}

fn progress(harness: &Harness<'static, App>, item: ItemId) -> u8 {
    harness.state().project().item(item).expect("item").progress
}

#[test]
fn a_bars_menu_sets_progress_and_adds_a_milestone_below() {
    let mut harness = harness();
    let at = bar_middle(&harness, SALES_REPORTS);
    right_click(&mut harness, at);
    for entry in [
        "Rename",
        "Add task below",
        "Add milestone below",
        "Remove its links",
        "Copy name and dates",
        "Delete",
    ] {
        assert!(
            harness.query_by_label(entry).is_some(),
            "the menu offers {entry}"
        );
    }
    harness.get_by_label("Set progress").hover();
    harness.run();
    click(&mut harness, "50 %");
    assert_eq!(progress(&harness, SALES_REPORTS), 50, "progress set");
    undo(&mut harness);
    assert_eq!(progress(&harness, SALES_REPORTS), 0, "undone");

    let count = harness.state().project().items.len();
    right_click(&mut harness, at);
    click(&mut harness, "Add milestone below");
    let project = harness.state().project();
    assert_eq!(project.items.len(), count + 1, "one item more");
    let added = project.items.last().expect("added");
    let sales = project.item(SALES_REPORTS).expect("item");
    assert_eq!(added.kind, ItemKind::Milestone);
    assert_eq!(added.lane, sales.lane, "in the same lane");
    assert!(
        added.finish > sales.finish,
        "after it, as Edit ▸ Add milestone puts it"
    );
}

#[test]
fn an_outline_rows_menu_deletes_the_item_and_undo_brings_it_back() {
    let mut harness = harness();
    harness
        .get_by_label("Sales reports and dashboards")
        .click_secondary();
    harness.run();
    click(&mut harness, "Delete");
    assert!(
        harness.state().project().item(SALES_REPORTS).is_none(),
        "deleted"
    );
    undo(&mut harness);
    assert!(
        harness.state().project().item(SALES_REPORTS).is_some(),
        "back"
    );
}

#[test]
fn an_arrows_menu_changes_its_kind_and_the_backgrounds_adds_a_task() {
    let mut harness = harness();
    let (link, point) = window_harness::arrow_point(&harness).expect("an arrow clear of the bars");
    right_click(&mut harness, point);
    let wanted = if link.kind == LinkKind::StartToStart {
        "FF"
    } else {
        "SS"
    };
    click(&mut harness, &format!("Make it {wanted}"));
    let now = harness
        .state()
        .project()
        .links
        .iter()
        .find(|other| (other.from, other.to) == (link.from, link.to))
        .expect("the link")
        .kind;
    assert_eq!(now.abbreviation(), wanted, "the kind changed");

    // The background of an empty stretch of the first row, months after its milestone.
    let (kick_off, _) = harness
        .state()
        .item_on_screen(ItemId(1))
        .expect("on screen");
    let count = harness.state().project().items.len();
    right_click(&mut harness, Pos2::new(kick_off.x + 400.0, kick_off.y));
    click(&mut harness, "Add task here");
    assert_eq!(
        harness.state().project().items.len(),
        count + 1,
        "a task added"
    );
}

#[test]
fn snapshot_context_menu_bar() {
    let mut harness = harness();
    let at = bar_middle(&harness, SALES_REPORTS);
    right_click(&mut harness, at);
    harness.snapshot("context_menu_bar");
}
