//! The rulebook: the one definition of every judgement Milepost shows.
//!
//! A milestone's status ([`milestone`]), a buffer's health ([`buffer`]), the project's overall
//! status ([`overall`]), a risk's level ([`risk`]), a person's display name ([`names`]) and the
//! project's finish and an item's dates as text ([`span`]) are each decided here and nowhere
//! else. Views — the canvas, the presentation, the status report,
//! the SVG export, the status bar, the figures — call these functions and map the answer to a
//! colour, a CSS class or a word; they decide nothing themselves. Working days are counted by
//! [`crate::schedule::WorkCalendar`] alone.
//!
//! This module is free of egui and of any drawing: it reads the model and the calendar only.

pub mod buffer;
pub mod milestone;
pub mod names;
pub mod overall;
pub mod risk;
pub mod span;
#[cfg(test)]
mod tests;

pub use buffer::BufferHealth;
pub use milestone::{
    AT_RISK_MARGIN_WORKDAYS, Judgement, MilestoneStatus, Why, compared_baseline, judge,
    milestone_status,
};
pub use names::{owner_name, person_name};
pub use overall::{Status, overall_status};
pub use risk::{HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, RiskLevel};
