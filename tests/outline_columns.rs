//! The outline's columns on screen, driven through the real window: the name gets the width
//! the dates and owner do not need, and a name cut to fit shows whole in its tooltip.
#![cfg(feature = "gui")]

mod window_harness;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use milepost::i18n::Language;
use milepost::ui::App;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, started, startup};

/// Whether the last frame drew `name` in the outline cut short to fit; `None` when it was not
/// drawn there.
fn name_cut(harness: &Harness<'static, App>, name: &str) -> Option<bool> {
    let outline = harness.get_by_role_and_label(Role::Button, name).rect();
    harness
        .output()
        .shapes
        .iter()
        .find_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) if text.galley.text() == name && outline.contains(text.pos) => {
                Some(text.galley.elided)
            }
            _ => None,
        })
}

fn english() -> Harness<'static, App> {
    started(startup(Language::English, ThemeChoice::Light), SIZE)
}

#[test]
fn the_name_column_gets_the_width_the_dates_and_owner_do_not_need() {
    let harness = english();
    for name in ["Sales process workshops", "Trial migration accepted"] {
        assert_eq!(
            name_cut(&harness, name),
            Some(false),
            "{name:?} shows whole beside its dates and owner"
        );
    }
    // The widest dates and owner still show whole: they are not cut for the name.
    let texts = window_harness::texts_drawn(&harness);
    for text in ["23 Nov – 11 Dec", "Wang Fang"] {
        let drawn = texts
            .iter()
            .find(|drawn| drawn.text == text && drawn.rect.right() < 430.0)
            .unwrap_or_else(|| panic!("{text:?} is in the outline"));
        assert!(
            drawn.clip.contains_rect(drawn.rect),
            "{text:?} shows whole: {drawn:?}"
        );
    }
}

#[test]
fn a_name_cut_to_fit_shows_whole_in_its_tooltip() {
    let mut harness = english();
    let name = "Configure accounts, contacts and sales pipeline";
    assert_eq!(name_cut(&harness, name), Some(true), "the long name is cut");
    let labelled = |harness: &Harness<'static, App>| {
        harness
            .query_all_by_label(name)
            .filter(|node| node.accesskit_node().role() == Role::Label)
            .count()
    };
    assert_eq!(labelled(&harness), 0, "no tooltip yet");
    let row = harness.get_by_role_and_label(Role::Button, name).rect();
    harness.hover_at(row.left_center() + egui::vec2(60.0, 0.0));
    // Tooltips wait for the pointer to rest.
    for _ in 0..40 {
        harness.step();
    }
    harness.run();
    assert_eq!(labelled(&harness), 1, "the tooltip names it whole");
}

#[test]
fn the_splitter_beside_the_outline_has_a_grip() {
    let mut harness = english();
    // Away from the splitter: the grip shows at rest, not only while hovered.
    harness.hover_at(egui::pos2(700.0, 400.0));
    harness.run();
    let timeline = harness.get_by_role(Role::Canvas).rect();
    let dots: Vec<egui::Pos2> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Circle(circle)
                if (circle.center.x - timeline.left()).abs() <= 1.0
                    && clipped.clip_rect.contains(circle.center) =>
            {
                Some(circle.center)
            }
            _ => None,
        })
        .collect();
    assert!(
        dots.len() >= 3,
        "dots on the edge between the outline and the timeline: {dots:?}"
    );
}
