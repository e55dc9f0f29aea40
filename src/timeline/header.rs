//! The units of the timeline's two-row time header at each zoom, and their labels: plain
//! dates and text, shared by the canvas on screen and the exported picture.

use chrono::{Datelike as _, Months, NaiveDate};

use crate::i18n::{DateStyle, Language, format_date};

/// The time units of the two header rows at a zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks, from Monday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
    /// Decades.
    Decade,
}

impl Unit {
    /// The first boundary of this unit on or before `date`.
    pub fn floor(self, date: NaiveDate) -> NaiveDate {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(date);
        match self {
            Self::Day => date,
            Self::Week => {
                date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
            }
            Self::Month => ymd(date.year(), date.month()),
            Self::Quarter => ymd(date.year(), (date.month0() / 3) * 3 + 1),
            Self::Year => ymd(date.year(), 1),
            Self::Decade => ymd(date.year() - date.year().rem_euclid(10), 1),
        }
    }

    /// The fewest days one unit can have.
    pub fn shortest_days(self) -> f32 {
        match self {
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 28.0,
            Self::Quarter => 90.0,
            Self::Year => 365.0,
            Self::Decade => 3652.0,
        }
    }

    /// The boundary after `date`, which is itself a boundary.
    pub fn next(self, date: NaiveDate) -> NaiveDate {
        let later = match self {
            Self::Day => date.checked_add_days(chrono::Days::new(1)),
            Self::Week => date.checked_add_days(chrono::Days::new(7)),
            Self::Month => date.checked_add_months(Months::new(1)),
            Self::Quarter => date.checked_add_months(Months::new(3)),
            Self::Year => date.checked_add_months(Months::new(12)),
            Self::Decade => date.checked_add_months(Months::new(120)),
        };
        later.unwrap_or(NaiveDate::MAX)
    }

    /// The label of the unit starting on `date`, long or short by the `width` it has.
    pub fn label(self, date: NaiveDate, width: f32, language: Language) -> String {
        let chinese = language == Language::Chinese;
        let date_in = |style: DateStyle| format_date(date, style, language);
        match self {
            Self::Week if width >= 52.0 => date_in(DateStyle::Short),
            Self::Day | Self::Week => date_in(DateStyle::Day),
            Self::Month if width >= 110.0 => date_in(DateStyle::MonthNameYear),
            Self::Month => date_in(DateStyle::Month),
            Self::Quarter => format!("Q{}", date.month0() / 3 + 1),
            Self::Year => date_in(DateStyle::Year),
            Self::Decade => {
                if chinese {
                    format!("{}年代", date.year())
                } else {
                    format!("{}s", date.year())
                }
            }
        }
    }
}

/// The (top, bottom) header units for a zoom given in points per day.
pub fn header_units(points_per_day: f64) -> (Unit, Unit) {
    if points_per_day >= 22.0 {
        (Unit::Month, Unit::Day)
    } else if points_per_day >= 4.0 {
        (Unit::Month, Unit::Week)
    } else if points_per_day >= 0.9 {
        (Unit::Year, Unit::Month)
    } else if points_per_day >= 0.25 {
        (Unit::Year, Unit::Quarter)
    } else {
        (Unit::Decade, Unit::Year)
    }
}
