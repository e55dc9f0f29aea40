//! The side panel of the real window keeps its width, the one it opens with or the one the user
//! dragged it to, whichever tab is in front: what a tab holds fits, wraps, scrolls or is cut
//! short inside it.
#![cfg(feature = "gui")]

mod window_harness;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use milepost::i18n::Language;
use milepost::ui::App;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, click, click_containing, started, startup};

/// A click in the side panel.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// On the tab (or switch) labelled so.
    Tab(&'static str),
    /// On the one record of a list whose label contains this.
    Record(&'static str),
}

use Step::{Record, Tab};

/// Every tab of the English sample, and the records with the longest titles.
const ENGLISH: [Step; 12] = [
    Tab("Meetings"),
    Record("● Weekly status call"),
    Record("● Project kick-off"),
    Record("○ Internal checkpoint"),
    Record("● Steering committee"),
    Tab("Risks"),
    Record("Legacy data quality worse than expected"),
    Tab("Retrospectives"),
    Tab("Project"),
    Tab("Baselines and changes"),
    Tab("Details"),
    Tab("Inspector"),
];

/// The left edge of the side panel's contents, where its first tab (`first_tab`) begins.
fn panel_left(harness: &Harness<'static, App>, first_tab: &str) -> f32 {
    harness.get_by_label(first_tab).rect().left()
}

/// The tabs whose table scrolls sideways inside the panel.
const SIDEWAYS: [&str; 2] = ["Risks", "风险"];

/// Asserts that no control of the side panel (which begins at `left`) reaches past its right
/// edge, where it would be cut off.
fn assert_controls_fit(harness: &Harness<'static, App>, left: f32, after: Step) {
    let right = SIZE[0] - 12.0;
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let control = matches!(
            node.role(),
            Role::Button
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::ComboBox
                | Role::CheckBox
                | Role::DisclosureTriangle
        );
        if let Some(bounds) = node.bounding_box()
            && control
            && bounds.x0 as f32 >= left - 1.0
        {
            assert!(
                bounds.x1 as f32 <= right + 1.0,
                "{:?} {:?} reaches {:.0}, past the panel's edge at {right}, after {after:?}",
                node.role(),
                node.label(),
                bounds.x1
            );
        }
    }
}

/// Takes the `steps`, asserting after each that the panel still begins where it did and that
/// what it shows fits in it.
fn assert_width_kept(harness: &mut Harness<'static, App>, first_tab: &str, steps: &[Step]) {
    let left = panel_left(harness, first_tab);
    let mut sideways = false;
    for &step in steps {
        match step {
            Tab(label) => {
                click(harness, label);
                sideways = SIDEWAYS.contains(&label);
            }
            Record(part) => click_containing(harness, part),
        }
        let now = panel_left(harness, first_tab);
        assert!(
            (now - left).abs() < 0.5,
            "the side panel keeps its width after {step:?}: it began at {left}, now at {now}"
        );
        if !sideways {
            assert_controls_fit(harness, left, step);
        }
    }
}

#[test]
fn the_side_panel_keeps_its_width_across_the_tabs() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    assert_width_kept(&mut harness, "Inspector", &ENGLISH);
}

#[test]
fn the_side_panel_keeps_its_width_across_the_tabs_in_chinese() {
    let mut harness = started(startup(Language::Chinese, ThemeChoice::Light), SIZE);
    let steps = ["会议", "风险", "复盘", "项目", "基线与变更", "属性"].map(Tab);
    assert_width_kept(&mut harness, "属性", &steps);
}

#[test]
fn the_side_panel_keeps_the_width_the_user_dragged_it_to() {
    let mut harness = started(startup(Language::English, ThemeChoice::Light), SIZE);
    let left = panel_left(&harness, "Inspector");
    // The panel's edge, just outside its margin of 12 points.
    let edge = egui::pos2(left - 12.0, 500.0);
    let to = edge + egui::vec2(-80.0, 0.0);
    harness.hover_at(edge);
    harness.run();
    harness.drag_at(edge);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let dragged = panel_left(&harness, "Inspector");
    assert!(
        (dragged - (left - 80.0)).abs() <= 1.0,
        "the drag widened the panel from {left} to {dragged}"
    );
    assert_width_kept(&mut harness, "Inspector", &ENGLISH);
}
