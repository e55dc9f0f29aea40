//! Modal dialogs in the real window: what lies under one does not answer the pointer, so no
//! tooltip is drawn over a dialog, whether it opens under a resting pointer (a shortcut) or
//! the pointer moves over a bar behind it.
#![cfg(feature = "gui")]

mod window_harness;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::model::ItemId;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Command};
use window_harness::{SIZE, started, startup, texts_drawn};

const SOLUTION_DESIGN: ItemId = ItemId(7);
const CONFIGURE_QUOTES: ItemId = ItemId(10);
/// The dates line of each one's tooltip.
const SOLUTION_DESIGN_TOOLTIP: &str = "Mon 9 Nov 2026 – Thu 19 Nov 2026";
const CONFIGURE_QUOTES_TOOLTIP: &str = "Mon 30 Nov 2026 – Fri 18 Dec 2026";

/// The middle of `item`'s bar.
fn bar_middle(harness: &Harness<'static, App>, item: ItemId) -> Pos2 {
    let (left, right) = harness.state().item_on_screen(item).expect("on screen");
    Pos2::new(left.x.midpoint(right.x), left.y)
}

/// Rests the pointer on `item`'s bar for a second, as long as a tooltip takes to show.
fn rest_on(harness: &mut Harness<'static, App>, item: ItemId) {
    let at = bar_middle(harness, item);
    harness.hover_at(at + egui::vec2(-2.0, 0.0));
    harness.run();
    harness.hover_at(at);
    harness.run();
    for _ in 0..60 {
        harness.step();
    }
    harness.run();
}

/// Whether the last frame drew the tooltip whose line is `line`.
fn tooltip_shown(harness: &Harness<'static, App>, line: &str) -> bool {
    texts_drawn(harness).iter().any(|text| text.text == line)
}

/// The English sample, changed (its first item nudged) so that File ▸ New asks first.
fn changed_sample() -> Harness<'static, App> {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Select(vec![SOLUTION_DESIGN]));
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(harness.state().is_modified(), "the sample was changed");
    harness
}

#[test]
fn a_dialog_opened_under_a_resting_pointer_hides_the_tooltip_it_would_cover() {
    let mut harness = changed_sample();
    rest_on(&mut harness, CONFIGURE_QUOTES);
    assert!(
        tooltip_shown(&harness, CONFIGURE_QUOTES_TOOLTIP),
        "the bar's tooltip shows while nothing covers it"
    );
    // Ctrl+N down, and up a few frames later, as fingers do; every frame is looked at.
    harness.key_down_modifiers(Modifiers::COMMAND, Key::N);
    let mut dialog_seen = false;
    for frame in 0..6 {
        if frame == 3 {
            harness.key_up_modifiers(Modifiers::COMMAND, Key::N);
        }
        harness.step();
        let dialog = harness.query_by_label("Save changes?").is_some();
        dialog_seen |= dialog;
        assert!(
            !(dialog && tooltip_shown(&harness, CONFIGURE_QUOTES_TOOLTIP)),
            "frame {frame} draws the bar's tooltip over the dialog"
        );
    }
    assert!(dialog_seen, "File ▸ New asks about the unsaved changes");
}

#[test]
fn a_bar_hovered_behind_a_dialog_shows_no_tooltip() {
    let mut harness = changed_sample();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(
        harness.query_by_label("Save changes?").is_some(),
        "a dialog"
    );
    for item in [SOLUTION_DESIGN, CONFIGURE_QUOTES] {
        rest_on(&mut harness, item);
    }
    assert!(
        !tooltip_shown(&harness, SOLUTION_DESIGN_TOOLTIP)
            && !tooltip_shown(&harness, CONFIGURE_QUOTES_TOOLTIP),
        "no tooltip is drawn over the dialog"
    );
}
