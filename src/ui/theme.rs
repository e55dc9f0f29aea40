//! Design tokens: every colour and size the window uses, in one place.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Accent for selection and focus.
pub const ACCENT: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xBF);
/// Background of a selected row.
pub const SELECTION_FILL: Color32 = Color32::from_rgb(0xDC, 0xE8, 0xFA);
/// Background of a hovered row.
pub const HOVER_FILL: Color32 = Color32::from_rgb(0xF0, 0xF4, 0xFA);
/// Background of a lane heading row.
pub const LANE_FILL: Color32 = Color32::from_rgb(0xEE, 0xF0, 0xF3);
/// Main text.
pub const TEXT: Color32 = Color32::from_rgb(0x1E, 0x23, 0x2B);
/// Secondary text: dates, owners, hints.
pub const TEXT_MUTED: Color32 = Color32::from_rgb(0x5B, 0x64, 0x70);
/// Task bars and icons.
pub const TASK: Color32 = Color32::from_rgb(0x3C, 0x7D, 0xD9);
/// Milestone diamonds.
pub const MILESTONE: Color32 = Color32::from_rgb(0x7A, 0x3F, 0xC2);
/// Buffers.
pub const BUFFER: Color32 = Color32::from_rgb(0x8A, 0x94, 0xA3);
/// Something done.
pub const GOOD: Color32 = Color32::from_rgb(0x2E, 0x8B, 0x57);
/// Something to watch.
pub const WARNING: Color32 = Color32::from_rgb(0xC7, 0x7C, 0x02);
/// Something broken: a breached deadline, an error.
pub const DANGER: Color32 = Color32::from_rgb(0xC6, 0x28, 0x28);
/// The panel background.
pub const PANEL_FILL: Color32 = Color32::from_rgb(0xFA, 0xFB, 0xFC);
/// The central area's background.
pub const CANVAS_FILL: Color32 = Color32::WHITE;
/// Thin separators.
pub const SEPARATOR: Color32 = Color32::from_rgb(0xDD, 0xE1, 0xE6);

/// Height of one outline row (and later one timeline row), in points.
pub const ROW_HEIGHT: f32 = 26.0;

/// Applies Milepost's light theme and type sizes to `ctx`.
pub fn apply(ctx: &egui::Context) {
    // One light theme whatever the system prefers: the timeline is made for projectors and print.
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.visuals = egui::Visuals::light();
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(11.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        let visuals = &mut style.visuals;
        visuals.panel_fill = PANEL_FILL;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.selection.bg_fill = SELECTION_FILL;
        visuals.selection.stroke.color = ACCENT;
        visuals.hyperlink_color = ACCENT;
        visuals.widgets.noninteractive.fg_stroke.color = TEXT;
        visuals.widgets.noninteractive.bg_stroke.color = SEPARATOR;
    });
}
