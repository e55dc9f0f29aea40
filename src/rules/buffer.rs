//! A buffer's health: how much of the time it reserves is used, in three zones.

/// Consumption (0–1) from which a buffer is amber.
pub const AMBER_FROM: f64 = 0.33;

/// Consumption (0–1) from which a buffer is red.
pub const RED_FROM: f64 = 0.66;

/// How a buffer stands, by the share of its reserved working days already used: the three
/// zones of buffer management, a third each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BufferHealth {
    /// Less than [`AMBER_FROM`] used.
    Green,
    /// From [`AMBER_FROM`] to below [`RED_FROM`] used: watch it.
    Amber,
    /// [`RED_FROM`] or more used: act.
    Red,
}

impl BufferHealth {
    /// The zone of a consumption between 0 (untouched) and 1 (used up), as
    /// [`crate::schedule::buffer_consumption`] gives it.
    pub fn of(consumption: f64) -> Self {
        if consumption >= RED_FROM {
            Self::Red
        } else if consumption >= AMBER_FROM {
            Self::Amber
        } else {
            Self::Green
        }
    }

    /// The health of a buffer item.
    pub fn of_item(calendar: &crate::schedule::WorkCalendar, item: &crate::model::Item) -> Self {
        Self::of(crate::schedule::buffer_consumption(calendar, item))
    }
}
