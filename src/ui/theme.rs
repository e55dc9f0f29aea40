//! The window's theme: the design tokens of [`crate::theme::tokens`] as egui colours, and the
//! sizes the window uses. Drawing code takes its colours from a [`Palette`], never from literals.

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::theme::tokens::{self, Rgb, Tokens};

/// Height of one outline and timeline row, in points.
pub const ROW_HEIGHT: f32 = crate::timeline::paint::ROW_HEIGHT;

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
    /// The plain-RGB tokens these colours come from (what egui-free drawing reads).
    pub tokens: &'static Tokens,
}

impl Palette {
    /// The light theme.
    pub const LIGHT: Self = Self::from_tokens(&tokens::LIGHT);

    /// The dark theme.
    pub const DARK: Self = Self::from_tokens(&tokens::DARK);

    /// Presentation mode: light and high-contrast, for a projector in a bright room (see
    /// [`tokens::PRESENT`]).
    pub const PRESENT: Self = Self::from_tokens(&tokens::PRESENT);

    /// The egui colours of a set of design tokens.
    pub const fn from_tokens(tokens: &'static Tokens) -> Self {
        const fn rgb(colour: Rgb) -> Color32 {
            Color32::from_rgb(colour.0, colour.1, colour.2)
        }
        Self {
            selection: rgb(tokens.selection),
            selection_fill: rgb(tokens.selection_fill),
            hover_fill: rgb(tokens.hover_fill),
            lane_fill: rgb(tokens.lane_fill),
            row_stripe: rgb(tokens.row_stripe),
            text: rgb(tokens.text),
            text_muted: rgb(tokens.text_muted),
            text_on_bar: rgb(tokens.text_on_bar),
            task: rgb(tokens.task),
            task_fill: rgb(tokens.task_fill),
            task_moved: rgb(tokens.task_moved),
            task_moved_fill: rgb(tokens.task_moved_fill),
            label_backdrop: rgb(tokens.label_backdrop),
            milestone: rgb(tokens.milestone),
            buffer: rgb(tokens.buffer),
            good: rgb(tokens.good),
            warning: rgb(tokens.warning),
            danger: rgb(tokens.danger),
            deadline: rgb(tokens.deadline),
            critical: rgb(tokens.critical),
            link: rgb(tokens.link),
            today: rgb(tokens.today),
            panel: rgb(tokens.panel),
            canvas: rgb(tokens.canvas),
            header_fill: rgb(tokens.header_fill),
            weekend: rgb(tokens.weekend),
            holiday: rgb(tokens.holiday),
            grid: rgb(tokens.grid),
            grid_strong: rgb(tokens.grid_strong),
            grid_faint: rgb(tokens.grid_faint),
            ghost_fill: rgb(tokens.ghost_fill),
            ghost_stroke: rgb(tokens.ghost_stroke),
            risk_low: rgb(tokens.risk_low),
            risk_medium: rgb(tokens.risk_medium),
            risk_high: rgb(tokens.risk_high),
            risk_ink: rgb(tokens.risk_ink),
            tokens,
        }
    }

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
