//! The real window under `egui_kittest`, as the GUI tests drive it.
// Each test file uses the helpers it needs; the others would be reported as unused there.
#![allow(
    dead_code,
    reason = "each test file uses only some of the shared helpers"
)]

use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder};
use milepost::i18n::Language;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};

/// The size of the window most tests drive, in points.
pub const SIZE: [f32; 2] = [1400.0, 860.0];

/// A window `size` points large with the system's CJK fonts as eframe adds them.
fn builder(size: [f32; 2]) -> HarnessBuilder<App> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
            ));
        })
}

/// The window started with `startup`, `size` points large, frames a sixtieth of a second apart
/// (so that two clicks make a double-click), with the system's CJK fonts as eframe adds them.
pub fn build(startup: Startup, size: [f32; 2]) -> Harness<'static, App> {
    builder(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(120)
        .build_eframe(move |cc| App::new(cc, startup))
}

/// The window of [`build`], stepping as `egui_kittest` does unless told otherwise (a quarter
/// of a second a frame).
pub fn build_with_default_steps(startup: Startup, size: [f32; 2]) -> Harness<'static, App> {
    builder(size).build_eframe(move |cc| App::new(cc, startup))
}

/// The window of [`build`] after its first frames.
pub fn started(startup: Startup, size: [f32; 2]) -> Harness<'static, App> {
    let mut harness = build(startup, size);
    harness.run();
    harness
}

/// A day of the calendar.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The day the sample projects were written for: snapshots draw the today line there.
pub fn today() -> NaiveDate {
    date(2026, 11, 27)
}

/// The built-in sample in `language` and `theme`, on [`today`].
pub fn startup(language: Language, theme: ThemeChoice) -> Startup {
    Startup {
        language: Some(language),
        theme: Some(theme),
        today: Some(today()),
        ..Startup::default()
    }
}

/// Clicks the widget labelled `label` (a tab, a button) and lets the window answer.
pub fn click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the one widget whose label contains `part` and lets the window answer.
pub fn click_containing(harness: &mut Harness<'static, App>, part: &str) {
    harness.get_by_label_contains(part).click();
    harness.run();
}

/// Clicks the widget of `role` labelled `label` and lets the window answer.
pub fn click_role(harness: &mut Harness<'static, App>, role: egui::accesskit::Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Opens the menu `menu` of the menu bar and hovers its entry `entry`, which opens a submenu.
pub fn open_submenu(harness: &mut Harness<'static, App>, menu: &str, entry: &str) {
    click(harness, menu);
    harness.get_by_label(entry).hover();
    harness.run();
}

/// Scrolls the widget labelled `label` into view, then clicks it.
pub fn scroll_and_click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    click(harness, label);
}

/// Presses Ctrl/Cmd + Z and lets the window answer.
pub fn undo(harness: &mut Harness<'static, App>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

/// Undoes `steps` times and asserts that the window holds `original` again.
pub fn assert_undo_restores(
    harness: &mut Harness<'static, App>,
    steps: usize,
    original: &milepost::model::Project,
    why: &str,
) {
    for _ in 0..steps {
        undo(harness);
    }
    assert_eq!(harness.state().project(), original, "{why}");
}

/// Selects all the text of the focused field labelled `label`, types `text` over it and presses
/// Enter, a frame apart.
pub fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The user closes the window (its close button, Alt+F4): one frame answers it.
pub fn request_close(harness: &mut Harness<'static, App>) {
    harness
        .input_mut()
        .viewports
        .get_mut(&egui::ViewportId::ROOT)
        .expect("root viewport")
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// A text run the last frame drew: its text, its rectangle and the rectangle it was clipped to.
#[derive(Clone, Debug)]
pub struct DrawnText {
    /// The text.
    pub text: String,
    /// Where it was laid out.
    pub rect: egui::Rect,
    /// What of it can show.
    pub clip: egui::Rect,
}

/// Every text run the last frame drew, in the order drawn.
pub fn texts_drawn(harness: &Harness<'static, App>) -> Vec<DrawnText> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(DrawnText {
                text: text.galley.text().to_owned(),
                rect: text.galley.rect.translate(text.pos.to_vec2()),
                clip: clipped.clip_rect,
            }),
            _ => None,
        })
        .collect()
}

/// Presses and releases `button` at `pos`.
pub fn click_at(harness: &mut Harness<'static, App>, pos: egui::Pos2, button: egui::PointerButton) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// A link drawn in the last frame and a point on its arrow away from every bar (arrows pass
/// bars on their way down), where a click finds the arrow.
pub fn arrow_point(harness: &Harness<'static, App>) -> Option<(milepost::model::Link, egui::Pos2)> {
    let app = harness.state();
    let bars: Vec<(egui::Pos2, egui::Pos2)> = app
        .items_on_screen()
        .into_iter()
        .filter_map(|item| app.item_on_screen(item))
        .collect();
    let clear = |p: egui::Pos2| {
        bars.iter().all(|(left, right)| {
            (p.y - left.y).abs() > 14.0 || p.x < left.x - 12.0 || p.x > right.x + 24.0
        })
    };
    app.project().links.iter().find_map(|link| {
        let points = app.arrow_on_screen(link.from, link.to)?;
        points
            .windows(2)
            .flat_map(|pair| {
                (1..10).map(move |k| pair[0] + (pair[1] - pair[0]) * (k as f32 / 10.0))
            })
            .find(|p| clear(*p))
            .map(|point| (link.clone(), point))
    })
}
