//! Design tokens: every colour and size the window uses, in one place, for a light and a dark
//! theme. Drawing code takes its colours from a [`Palette`], never from literals.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Height of one outline and timeline row, in points.
pub const ROW_HEIGHT: f32 = 26.0;

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Dark text on white: the default, and what projectors show best.
    #[default]
    Light,
    /// Light text on dark grey.
    Dark,
}

/// The colours of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Selection and focus.
    pub selection: Color32,
    /// Background of a selected row.
    pub selection_fill: Color32,
    /// Background of a hovered row.
    pub hover_fill: Color32,
    /// Background of a lane heading row.
    pub lane_fill: Color32,
    /// Every other item row.
    pub row_stripe: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text: dates, owners, hints.
    pub text_muted: Color32,
    /// Text written on a task bar.
    pub text_on_bar: Color32,
    /// Task bars.
    pub task: Color32,
    /// The body of a task bar (its name is written on it).
    pub task_fill: Color32,
    /// Bars and diamonds drawn at a previewed new place.
    pub task_moved: Color32,
    /// The body of a bar at a previewed new place.
    pub task_moved_fill: Color32,
    /// Behind names written beside bars.
    pub label_backdrop: Color32,
    /// Milestone diamonds.
    pub milestone: Color32,
    /// Buffers (outline icon).
    pub buffer: Color32,
    /// Done, healthy.
    pub good: Color32,
    /// To watch.
    pub warning: Color32,
    /// Broken: a breached deadline, an error.
    pub danger: Color32,
    /// Deadline markers.
    pub deadline: Color32,
    /// The critical path.
    pub critical: Color32,
    /// Link arrows.
    pub link: Color32,
    /// The today line.
    pub today: Color32,
    /// Panels.
    pub panel: Color32,
    /// The timeline's background.
    pub canvas: Color32,
    /// The time header.
    pub header_fill: Color32,
    /// Weekend shading.
    pub weekend: Color32,
    /// Holiday shading.
    pub holiday: Color32,
    /// Row separators and header ticks.
    pub grid: Color32,
    /// The header's bottom line.
    pub grid_strong: Color32,
    /// Guide lines through the rows.
    pub grid_faint: Color32,
    /// The body of a baseline ghost bar or diamond.
    pub ghost_fill: Color32,
    /// The outline of a baseline ghost and the line to where the item is now.
    pub ghost_stroke: Color32,
    /// A low risk (score below 8): heat-map cells, badges, score chips.
    pub risk_low: Color32,
    /// A medium risk (score 8 to 14).
    pub risk_medium: Color32,
    /// A high risk (score 15 or more).
    pub risk_high: Color32,
    /// Text and rings drawn on the three risk colours.
    pub risk_ink: Color32,
}

impl Palette {
    /// The light theme.
    pub const LIGHT: Self = Self {
        selection: Color32::from_rgb(0x1F, 0x5F, 0xBF),
        selection_fill: Color32::from_rgb(0xDC, 0xE8, 0xFA),
        hover_fill: Color32::from_rgb(0xF0, 0xF4, 0xFA),
        lane_fill: Color32::from_rgb(0xEE, 0xF0, 0xF3),
        row_stripe: Color32::from_rgb(0xFB, 0xFC, 0xFD),
        text: Color32::from_rgb(0x1E, 0x23, 0x2B),
        text_muted: Color32::from_rgb(0x5B, 0x64, 0x70),
        text_on_bar: Color32::from_rgb(0x12, 0x2B, 0x52),
        task: Color32::from_rgb(0x2F, 0x6F, 0xCF),
        task_fill: Color32::from_rgb(0xC9, 0xDB, 0xF6),
        task_moved: Color32::from_rgb(0xE0, 0x7B, 0x00),
        task_moved_fill: Color32::from_rgb(0xFB, 0xDF, 0xBC),
        label_backdrop: Color32::from_rgb(0xFF, 0xFF, 0xFF),
        milestone: Color32::from_rgb(0x7A, 0x3F, 0xC2),
        buffer: Color32::from_rgb(0x8A, 0x94, 0xA3),
        good: Color32::from_rgb(0x2E, 0x8B, 0x57),
        warning: Color32::from_rgb(0xC7, 0x7C, 0x02),
        danger: Color32::from_rgb(0xC6, 0x28, 0x28),
        deadline: Color32::from_rgb(0xC6, 0x28, 0x28),
        critical: Color32::from_rgb(0xD9, 0x3A, 0x2B),
        link: Color32::from_rgb(0x7D, 0x87, 0x94),
        today: Color32::from_rgb(0xE5, 0x48, 0x4D),
        panel: Color32::from_rgb(0xFA, 0xFB, 0xFC),
        canvas: Color32::WHITE,
        header_fill: Color32::from_rgb(0xF5, 0xF6, 0xF8),
        weekend: Color32::from_rgb(0xF5, 0xF6, 0xF8),
        holiday: Color32::from_rgb(0xFC, 0xEF, 0xE3),
        grid: Color32::from_rgb(0xDD, 0xE1, 0xE6),
        grid_strong: Color32::from_rgb(0xB8, 0xBF, 0xC8),
        grid_faint: Color32::from_rgb(0xEE, 0xF0, 0xF3),
        ghost_fill: Color32::from_rgb(0xD9, 0xDE, 0xE5),
        ghost_stroke: Color32::from_rgb(0x76, 0x81, 0x91),
        risk_low: Color32::from_rgb(0x6C, 0xC4, 0x86),
        risk_medium: Color32::from_rgb(0xF5, 0xBD, 0x45),
        risk_high: Color32::from_rgb(0xE9, 0x5D, 0x50),
        risk_ink: Color32::from_rgb(0x1A, 0x1E, 0x24),
    };

    /// The dark theme.
    pub const DARK: Self = Self {
        selection: Color32::from_rgb(0x6C, 0xA8, 0xFF),
        selection_fill: Color32::from_rgb(0x23, 0x3A, 0x5C),
        hover_fill: Color32::from_rgb(0x2A, 0x30, 0x3A),
        lane_fill: Color32::from_rgb(0x2B, 0x2F, 0x36),
        row_stripe: Color32::from_rgb(0x20, 0x23, 0x28),
        text: Color32::from_rgb(0xE6, 0xE9, 0xEE),
        text_muted: Color32::from_rgb(0xA0, 0xA8, 0xB4),
        text_on_bar: Color32::from_rgb(0xEE, 0xF4, 0xFF),
        task: Color32::from_rgb(0x5A, 0x96, 0xF0),
        task_fill: Color32::from_rgb(0x24, 0x45, 0x73),
        task_moved: Color32::from_rgb(0xF0, 0x94, 0x1F),
        task_moved_fill: Color32::from_rgb(0x6B, 0x44, 0x14),
        label_backdrop: Color32::from_rgb(0x1A, 0x1C, 0x20),
        milestone: Color32::from_rgb(0xB3, 0x86, 0xF0),
        buffer: Color32::from_rgb(0x9A, 0xA4, 0xB3),
        good: Color32::from_rgb(0x4C, 0xB7, 0x7A),
        warning: Color32::from_rgb(0xE8, 0xA3, 0x2E),
        danger: Color32::from_rgb(0xF0, 0x5A, 0x5A),
        deadline: Color32::from_rgb(0xF0, 0x5A, 0x5A),
        critical: Color32::from_rgb(0xFF, 0x6B, 0x5B),
        link: Color32::from_rgb(0x8A, 0x94, 0xA3),
        today: Color32::from_rgb(0xFF, 0x5C, 0x61),
        panel: Color32::from_rgb(0x1E, 0x21, 0x26),
        canvas: Color32::from_rgb(0x1A, 0x1C, 0x20),
        header_fill: Color32::from_rgb(0x24, 0x27, 0x2D),
        weekend: Color32::from_rgb(0x22, 0x25, 0x2A),
        holiday: Color32::from_rgb(0x33, 0x2A, 0x22),
        grid: Color32::from_rgb(0x34, 0x38, 0x40),
        grid_strong: Color32::from_rgb(0x4A, 0x50, 0x5A),
        grid_faint: Color32::from_rgb(0x26, 0x29, 0x2F),
        ghost_fill: Color32::from_rgb(0x3A, 0x3F, 0x48),
        ghost_stroke: Color32::from_rgb(0x9A, 0xA4, 0xB3),
        risk_low: Color32::from_rgb(0x4F, 0xB0, 0x6E),
        risk_medium: Color32::from_rgb(0xE3, 0xA8, 0x3A),
        risk_high: Color32::from_rgb(0xE3, 0x5B, 0x4E),
        risk_ink: Color32::from_rgb(0x14, 0x17, 0x1B),
    };

    /// Presentation mode: light and high-contrast, for a projector in a bright room. Text is
    /// near black, guide lines and bars darker than in [`Self::LIGHT`], status colours deep
    /// enough to carry white type.
    pub const PRESENT: Self = Self {
        selection: Color32::from_rgb(0x15, 0x4F, 0xB0),
        selection_fill: Color32::from_rgb(0xD4, 0xE3, 0xFA),
        hover_fill: Color32::from_rgb(0xEC, 0xF1, 0xF9),
        lane_fill: Color32::from_rgb(0xE6, 0xE9, 0xEE),
        row_stripe: Color32::from_rgb(0xF8, 0xF9, 0xFB),
        text: Color32::from_rgb(0x0F, 0x12, 0x17),
        text_muted: Color32::from_rgb(0x3A, 0x42, 0x4D),
        text_on_bar: Color32::from_rgb(0x0A, 0x1E, 0x40),
        task: Color32::from_rgb(0x1F, 0x5F, 0xC4),
        task_fill: Color32::from_rgb(0xB9, 0xD0, 0xF3),
        task_moved: Color32::from_rgb(0xB8, 0x5C, 0x00),
        task_moved_fill: Color32::from_rgb(0xF8, 0xD6, 0xAA),
        label_backdrop: Color32::WHITE,
        milestone: Color32::from_rgb(0x5E, 0x2B, 0xA6),
        buffer: Color32::from_rgb(0x5B, 0x64, 0x70),
        good: Color32::from_rgb(0x1B, 0x74, 0x41),
        warning: Color32::from_rgb(0xA3, 0x55, 0x00),
        danger: Color32::from_rgb(0xB0, 0x1E, 0x1E),
        deadline: Color32::from_rgb(0xB0, 0x1E, 0x1E),
        critical: Color32::from_rgb(0xC0, 0x2A, 0x1C),
        link: Color32::from_rgb(0x55, 0x5F, 0x6B),
        today: Color32::from_rgb(0xD2, 0x1F, 0x3C),
        panel: Color32::from_rgb(0xF7, 0xF8, 0xFA),
        canvas: Color32::WHITE,
        header_fill: Color32::from_rgb(0xEF, 0xF1, 0xF4),
        weekend: Color32::from_rgb(0xF6, 0xF7, 0xF9),
        holiday: Color32::from_rgb(0xFB, 0xEA, 0xD9),
        grid: Color32::from_rgb(0xC9, 0xCF, 0xD6),
        grid_strong: Color32::from_rgb(0x8E, 0x97, 0xA3),
        grid_faint: Color32::from_rgb(0xE4, 0xE7, 0xEB),
        ghost_fill: Color32::from_rgb(0xD9, 0xDE, 0xE5),
        ghost_stroke: Color32::from_rgb(0x5E, 0x68, 0x77),
        risk_low: Color32::from_rgb(0x4C, 0xA8, 0x67),
        risk_medium: Color32::from_rgb(0xE0, 0xA1, 0x2B),
        risk_high: Color32::from_rgb(0xD6, 0x40, 0x33),
        risk_ink: Color32::from_rgb(0x0F, 0x12, 0x17),
    };

    /// The colour of a buffer's health zone.
    pub fn buffer(&self, health: crate::rules::BufferHealth) -> Color32 {
        match health {
            crate::rules::BufferHealth::Green => self.good,
            crate::rules::BufferHealth::Amber => self.warning,
            crate::rules::BufferHealth::Red => self.danger,
        }
    }

    /// The colour of a risk level.
    pub fn risk(&self, level: crate::report::RiskLevel) -> Color32 {
        match level {
            crate::report::RiskLevel::Low => self.risk_low,
            crate::report::RiskLevel::Medium => self.risk_medium,
            crate::report::RiskLevel::High => self.risk_high,
        }
    }

    /// The palette of a theme.
    pub fn of(choice: ThemeChoice) -> &'static Self {
        match choice {
            ThemeChoice::Light => &Self::LIGHT,
            ThemeChoice::Dark => &Self::DARK,
        }
    }
}

/// Applies a theme and Milepost's type sizes to `ctx`.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    let palette = Palette::of(choice);
    let (theme, base) = match choice {
        ThemeChoice::Light => (egui::Theme::Light, egui::Visuals::light()),
        ThemeChoice::Dark => (egui::Theme::Dark, egui::Visuals::dark()),
    };
    ctx.set_theme(theme);
    ctx.all_styles_mut(|style| {
        style.visuals = base.clone();
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
        visuals.panel_fill = palette.panel;
        visuals.extreme_bg_color = palette.canvas;
        visuals.selection.bg_fill = palette.selection_fill;
        visuals.selection.stroke.color = palette.selection;
        visuals.hyperlink_color = palette.selection;
        visuals.widgets.noninteractive.fg_stroke.color = palette.text;
        visuals.widgets.noninteractive.bg_stroke.color = palette.grid;
    });
}

/// Applies the presentation look to `ctx`: the light theme with [`Palette::PRESENT`]'s
/// stronger text and lines. [`apply`] with the editing theme undoes it exactly.
pub fn apply_present(ctx: &egui::Context) {
    apply(ctx, ThemeChoice::Light);
    let palette = &Palette::PRESENT;
    ctx.all_styles_mut(|style| {
        let visuals = &mut style.visuals;
        visuals.panel_fill = palette.canvas;
        visuals.override_text_color = Some(palette.text);
        visuals.widgets.noninteractive.fg_stroke.color = palette.text;
        visuals.widgets.noninteractive.bg_stroke.color = palette.grid;
    });
}
