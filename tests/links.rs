//! Links in the real window: the Inspector lists the selection's predecessors and successors
//! with their kind and lag, edits and removes them and adds a predecessor found by name; an
//! arrow clicked on the canvas is selected and Delete removes it. Every change is undoable.
#![cfg(feature = "gui")]

mod window_harness;

use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::{ItemId, Link, LinkKind};
use milepost::ui::App;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, click, click_at, started, undo};

const CONFIGURE_ACCOUNTS: ItemId = ItemId(9);
const SALES_REPORTS: ItemId = ItemId(12);
const PREDECESSOR: &str = "Configure accounts, contacts and sales pipeline";

fn harness() -> Harness<'static, App> {
    started(
        window_harness::startup(Language::English, ThemeChoice::Light),
        SIZE,
    )
}

fn link(harness: &Harness<'static, App>, from: ItemId, to: ItemId) -> Option<Link> {
    harness
        .state()
        .project()
        .links
        .iter()
        .find(|link| (link.from, link.to) == (from, to))
        .cloned()
}

/// Clicks the middle of `item`'s bar, selecting it.
fn select(harness: &mut Harness<'static, App>, item: ItemId) {
    let (left, right) = harness.state().item_on_screen(item).expect("on screen");
    click_at(
        harness,
        Pos2::new(left.x.midpoint(right.x), left.y),
        egui::PointerButton::Primary,
    );
}

#[test]
fn the_inspector_lists_edits_removes_and_adds_links_each_undoable() {
    let mut harness = harness();
    select(&mut harness, SALES_REPORTS);
    assert!(harness.query_by_label("Links").is_some(), "a Links section");
    assert!(
        harness.query_by_label("Comes after").is_some(),
        "its predecessors"
    );
    assert!(
        harness.query_all_by_label(PREDECESSOR).next().is_some(),
        "named, not numbered"
    );
    let depth = harness.state().history_depth();

    // The kind: FS to SS.
    harness
        .get_by_label(&format!("Kind of the link with {PREDECESSOR}"))
        .click();
    harness.run();
    click(&mut harness, "SS");
    assert_eq!(
        link(&harness, CONFIGURE_ACCOUNTS, SALES_REPORTS).map(|link| link.kind),
        Some(LinkKind::StartToStart),
        "the kind changed"
    );

    // The lag: one more working day, landing when the field is left.
    harness
        .get_by_label(&format!(
            "Lag of the link with {PREDECESSOR}, in working days"
        ))
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.event(egui::Event::Text("1".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        link(&harness, CONFIGURE_ACCOUNTS, SALES_REPORTS).map(|link| link.lag_workdays),
        Some(1),
        "the lag changed"
    );

    // Removing it.
    click(&mut harness, &format!("Remove the link with {PREDECESSOR}"));
    assert!(
        link(&harness, CONFIGURE_ACCOUNTS, SALES_REPORTS).is_none(),
        "removed"
    );
    assert_eq!(harness.state().history_depth(), depth + 3, "one step each");

    // Adding a predecessor found by name.
    harness
        .get_by_label("Add predecessor… (type a name)")
        .click();
    harness.run();
    harness
        .get_by_label("Add predecessor… (type a name)")
        .type_text("kick");
    harness.run();
    click(&mut harness, "+ after Kick-off");
    assert_eq!(
        link(&harness, ItemId(1), SALES_REPORTS).map(|link| link.kind),
        Some(LinkKind::FinishToStart),
        "a finish-to-start link from the item picked"
    );

    for _ in 0..4 {
        undo(&mut harness);
    }
    assert_eq!(
        link(&harness, CONFIGURE_ACCOUNTS, SALES_REPORTS),
        Some(Link {
            from: CONFIGURE_ACCOUNTS,
            to: SALES_REPORTS,
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        }),
        "undo brings the link back as it was"
    );
    assert!(
        link(&harness, ItemId(1), SALES_REPORTS).is_none(),
        "and takes the new one away"
    );
}

#[test]
fn clicking_an_arrow_selects_the_link_and_delete_removes_it() {
    let mut harness = harness();
    let (chosen, point) =
        window_harness::arrow_point(&harness).expect("an arrow clear of the bars");
    let (from, to) = (chosen.from, chosen.to);
    click_at(&mut harness, point, egui::PointerButton::Primary);
    assert_eq!(
        harness.state().selected_link(),
        Some((from, to)),
        "the link is selected"
    );
    assert!(harness.state().selection().is_empty(), "and no item");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(link(&harness, from, to).is_none(), "Delete removes it");
    undo(&mut harness);
    assert!(link(&harness, from, to).is_some(), "undo restores it");
}

#[test]
fn snapshot_inspector_links() {
    let mut harness = harness();
    select(&mut harness, SALES_REPORTS);
    harness.snapshot("inspector_links");
}

/// The rectangle of the link handle drawn in the last frame beyond the end of the mark at `end`
/// (the circles on its row past it: the handle and the ring of canvas around it), if any.
fn handle_drawn(harness: &Harness<'static, App>, end: Pos2) -> Option<egui::Rect> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Circle(circle)
                if (circle.center.y - end.y).abs() < 0.5 && circle.center.x > end.x =>
            {
                let reach = circle.radius + circle.stroke.width / 2.0;
                Some(egui::Rect::from_center_size(
                    circle.center,
                    egui::Vec2::splat(2.0 * reach),
                ))
            }
            _ => None,
        })
        .reduce(egui::Rect::union)
}

#[test]
fn the_link_handle_does_not_cover_the_name_beside_a_bar_or_a_diamond() {
    const SOLUTION_DESIGN: ItemId = ItemId(7);
    const DESIGN_APPROVED: ItemId = ItemId(8);
    let mut harness = harness();
    for item in [SOLUTION_DESIGN, DESIGN_APPROVED] {
        let name = harness
            .state()
            .project()
            .item(item)
            .map(|item| item.name.clone())
            .expect("in the sample");
        let (left, right) = harness.state().item_on_screen(item).expect("on screen");
        harness.hover_at(Pos2::new(left.x.midpoint(right.x), left.y));
        harness.run();
        let handle = handle_drawn(&harness, right).expect("a link handle beyond the mark");
        let label = window_harness::texts_drawn(&harness)
            .into_iter()
            .find(|text| {
                text.text == name
                    && text.rect.left() >= left.x
                    && (text.rect.center().y - left.y).abs() < 4.0
            })
            .expect("the name is drawn on the mark's row of the canvas");
        assert!(
            label.rect.left() > right.x,
            "{name} is written beside its mark, not on it"
        );
        assert!(
            !handle.intersects(label.rect),
            "the handle {handle:?} covers the name {name} at {:?}",
            label.rect
        );
    }
}
