//! The design tokens: every colour Milepost draws with, as plain RGB, for the light, dark and
//! presentation looks. The window's egui theme (`ui::theme::Palette`) and the exported picture
//! both read these; nothing else defines a colour. Not for sizes of widgets or type styles,
//! which belong to the window.

/// An RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl std::fmt::Display for Rgb {
    /// `#rrggbb`, as SVG and CSS write it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours of one look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tokens {
    /// Selection and focus.
    pub selection: Rgb,
    /// Background of a selected row.
    pub selection_fill: Rgb,
    /// Background of a hovered row.
    pub hover_fill: Rgb,
    /// Background of a lane heading row.
    pub lane_fill: Rgb,
    /// Every other item row.
    pub row_stripe: Rgb,
    /// Main text.
    pub text: Rgb,
    /// Secondary text: dates, owners, hints.
    pub text_muted: Rgb,
    /// Text written on a task bar.
    pub text_on_bar: Rgb,
    /// Task bars.
    pub task: Rgb,
    /// The body of a task bar (its name is written on it).
    pub task_fill: Rgb,
    /// Bars and diamonds drawn at a previewed new place.
    pub task_moved: Rgb,
    /// The body of a bar at a previewed new place.
    pub task_moved_fill: Rgb,
    /// Behind names written beside bars.
    pub label_backdrop: Rgb,
    /// Milestone diamonds.
    pub milestone: Rgb,
    /// Buffers (outline icon).
    pub buffer: Rgb,
    /// Done, healthy.
    pub good: Rgb,
    /// To watch.
    pub warning: Rgb,
    /// Broken: a breached deadline, an error.
    pub danger: Rgb,
    /// Deadline markers.
    pub deadline: Rgb,
    /// The critical path.
    pub critical: Rgb,
    /// Link arrows.
    pub link: Rgb,
    /// The today line.
    pub today: Rgb,
    /// Panels.
    pub panel: Rgb,
    /// The timeline's background.
    pub canvas: Rgb,
    /// The time header.
    pub header_fill: Rgb,
    /// Weekend shading.
    pub weekend: Rgb,
    /// Holiday shading.
    pub holiday: Rgb,
    /// Row separators and header ticks.
    pub grid: Rgb,
    /// The header's bottom line.
    pub grid_strong: Rgb,
    /// Guide lines through the rows.
    pub grid_faint: Rgb,
    /// The body of a baseline ghost bar or diamond.
    pub ghost_fill: Rgb,
    /// The outline of a baseline ghost and the line to where the item is now.
    pub ghost_stroke: Rgb,
    /// A low risk (score below 8): heat-map cells, badges, score chips.
    pub risk_low: Rgb,
    /// A medium risk (score 8 to 14).
    pub risk_medium: Rgb,
    /// A high risk (score 15 or more).
    pub risk_high: Rgb,
    /// Text and rings drawn on the three risk colours.
    pub risk_ink: Rgb,
}

/// The light theme.
pub const LIGHT: Tokens = Tokens {
    selection: Rgb(0x1F, 0x5F, 0xBF),
    selection_fill: Rgb(0xDC, 0xE8, 0xFA),
    hover_fill: Rgb(0xF0, 0xF4, 0xFA),
    lane_fill: Rgb(0xEE, 0xF0, 0xF3),
    row_stripe: Rgb(0xFB, 0xFC, 0xFD),
    text: Rgb(0x1E, 0x23, 0x2B),
    text_muted: Rgb(0x5B, 0x64, 0x70),
    text_on_bar: Rgb(0x12, 0x2B, 0x52),
    task: Rgb(0x2F, 0x6F, 0xCF),
    task_fill: Rgb(0xC9, 0xDB, 0xF6),
    task_moved: Rgb(0xE0, 0x7B, 0x00),
    task_moved_fill: Rgb(0xFB, 0xDF, 0xBC),
    label_backdrop: Rgb(0xFF, 0xFF, 0xFF),
    milestone: Rgb(0x7A, 0x3F, 0xC2),
    buffer: Rgb(0x8A, 0x94, 0xA3),
    good: Rgb(0x2E, 0x8B, 0x57),
    warning: Rgb(0xC7, 0x7C, 0x02),
    danger: Rgb(0xC6, 0x28, 0x28),
    deadline: Rgb(0xC6, 0x28, 0x28),
    critical: Rgb(0xD9, 0x3A, 0x2B),
    link: Rgb(0x7D, 0x87, 0x94),
    today: Rgb(0xE5, 0x48, 0x4D),
    panel: Rgb(0xFA, 0xFB, 0xFC),
    canvas: Rgb(0xFF, 0xFF, 0xFF),
    header_fill: Rgb(0xF5, 0xF6, 0xF8),
    weekend: Rgb(0xF5, 0xF6, 0xF8),
    holiday: Rgb(0xFC, 0xEF, 0xE3),
    grid: Rgb(0xDD, 0xE1, 0xE6),
    grid_strong: Rgb(0xB8, 0xBF, 0xC8),
    grid_faint: Rgb(0xEE, 0xF0, 0xF3),
    ghost_fill: Rgb(0xD9, 0xDE, 0xE5),
    ghost_stroke: Rgb(0x76, 0x81, 0x91),
    risk_low: Rgb(0x6C, 0xC4, 0x86),
    risk_medium: Rgb(0xF5, 0xBD, 0x45),
    risk_high: Rgb(0xE9, 0x5D, 0x50),
    risk_ink: Rgb(0x1A, 0x1E, 0x24),
};

/// The dark theme.
pub const DARK: Tokens = Tokens {
    selection: Rgb(0x6C, 0xA8, 0xFF),
    selection_fill: Rgb(0x23, 0x3A, 0x5C),
    hover_fill: Rgb(0x2A, 0x30, 0x3A),
    lane_fill: Rgb(0x2B, 0x2F, 0x36),
    row_stripe: Rgb(0x20, 0x23, 0x28),
    text: Rgb(0xE6, 0xE9, 0xEE),
    text_muted: Rgb(0xA0, 0xA8, 0xB4),
    text_on_bar: Rgb(0xEE, 0xF4, 0xFF),
    task: Rgb(0x5A, 0x96, 0xF0),
    task_fill: Rgb(0x24, 0x45, 0x73),
    task_moved: Rgb(0xF0, 0x94, 0x1F),
    task_moved_fill: Rgb(0x6B, 0x44, 0x14),
    label_backdrop: Rgb(0x1A, 0x1C, 0x20),
    milestone: Rgb(0xB3, 0x86, 0xF0),
    buffer: Rgb(0x9A, 0xA4, 0xB3),
    good: Rgb(0x4C, 0xB7, 0x7A),
    warning: Rgb(0xE8, 0xA3, 0x2E),
    danger: Rgb(0xF0, 0x5A, 0x5A),
    deadline: Rgb(0xF0, 0x5A, 0x5A),
    critical: Rgb(0xFF, 0x6B, 0x5B),
    link: Rgb(0x8A, 0x94, 0xA3),
    today: Rgb(0xFF, 0x5C, 0x61),
    panel: Rgb(0x1E, 0x21, 0x26),
    canvas: Rgb(0x1A, 0x1C, 0x20),
    header_fill: Rgb(0x24, 0x27, 0x2D),
    weekend: Rgb(0x22, 0x25, 0x2A),
    holiday: Rgb(0x33, 0x2A, 0x22),
    grid: Rgb(0x34, 0x38, 0x40),
    grid_strong: Rgb(0x4A, 0x50, 0x5A),
    grid_faint: Rgb(0x26, 0x29, 0x2F),
    ghost_fill: Rgb(0x3A, 0x3F, 0x48),
    ghost_stroke: Rgb(0x9A, 0xA4, 0xB3),
    risk_low: Rgb(0x4F, 0xB0, 0x6E),
    risk_medium: Rgb(0xE3, 0xA8, 0x3A),
    risk_high: Rgb(0xE3, 0x5B, 0x4E),
    risk_ink: Rgb(0x14, 0x17, 0x1B),
};

/// Presentation mode: light and high-contrast, for a projector in a bright room. Text is
/// near black, guide lines and bars darker than in [`LIGHT`], status colours deep enough to
/// carry white type.
pub const PRESENT: Tokens = Tokens {
    selection: Rgb(0x15, 0x4F, 0xB0),
    selection_fill: Rgb(0xD4, 0xE3, 0xFA),
    hover_fill: Rgb(0xEC, 0xF1, 0xF9),
    lane_fill: Rgb(0xE6, 0xE9, 0xEE),
    row_stripe: Rgb(0xF8, 0xF9, 0xFB),
    text: Rgb(0x0F, 0x12, 0x17),
    text_muted: Rgb(0x3A, 0x42, 0x4D),
    text_on_bar: Rgb(0x0A, 0x1E, 0x40),
    task: Rgb(0x1F, 0x5F, 0xC4),
    task_fill: Rgb(0xB9, 0xD0, 0xF3),
    task_moved: Rgb(0xB8, 0x5C, 0x00),
    task_moved_fill: Rgb(0xF8, 0xD6, 0xAA),
    label_backdrop: Rgb(0xFF, 0xFF, 0xFF),
    milestone: Rgb(0x5E, 0x2B, 0xA6),
    buffer: Rgb(0x5B, 0x64, 0x70),
    good: Rgb(0x1B, 0x74, 0x41),
    warning: Rgb(0xA3, 0x55, 0x00),
    danger: Rgb(0xB0, 0x1E, 0x1E),
    deadline: Rgb(0xB0, 0x1E, 0x1E),
    critical: Rgb(0xC0, 0x2A, 0x1C),
    link: Rgb(0x55, 0x5F, 0x6B),
    today: Rgb(0xD2, 0x1F, 0x3C),
    panel: Rgb(0xF7, 0xF8, 0xFA),
    canvas: Rgb(0xFF, 0xFF, 0xFF),
    header_fill: Rgb(0xEF, 0xF1, 0xF4),
    weekend: Rgb(0xF6, 0xF7, 0xF9),
    holiday: Rgb(0xFB, 0xEA, 0xD9),
    grid: Rgb(0xC9, 0xCF, 0xD6),
    grid_strong: Rgb(0x8E, 0x97, 0xA3),
    grid_faint: Rgb(0xE4, 0xE7, 0xEB),
    ghost_fill: Rgb(0xD9, 0xDE, 0xE5),
    ghost_stroke: Rgb(0x5E, 0x68, 0x77),
    risk_low: Rgb(0x4C, 0xA8, 0x67),
    risk_medium: Rgb(0xE0, 0xA1, 0x2B),
    risk_high: Rgb(0xD6, 0x40, 0x33),
    risk_ink: Rgb(0x0F, 0x12, 0x17),
};
