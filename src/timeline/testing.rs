//! What the unit tests of the egui-free timeline (and the report's trend) share; not built
//! outside tests.

use chrono::NaiveDate;

/// A day of the calendar.
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}
