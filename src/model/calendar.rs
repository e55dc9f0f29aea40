//! The working calendar of a project: which days count as working days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A day of the week, written `Mon` … `Sun` in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// All seven days, Monday first.
    pub const ALL: [Self; 7] = [
        Self::Mon,
        Self::Tue,
        Self::Wed,
        Self::Thu,
        Self::Fri,
        Self::Sat,
        Self::Sun,
    ];

    /// The matching chrono weekday.
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Self::Mon => chrono::Weekday::Mon,
            Self::Tue => chrono::Weekday::Tue,
            Self::Wed => chrono::Weekday::Wed,
            Self::Thu => chrono::Weekday::Thu,
            Self::Fri => chrono::Weekday::Fri,
            Self::Sat => chrono::Weekday::Sat,
            Self::Sun => chrono::Weekday::Sun,
        }
    }

    /// The weekday of a chrono weekday.
    pub fn from_chrono(day: chrono::Weekday) -> Self {
        match day {
            chrono::Weekday::Mon => Self::Mon,
            chrono::Weekday::Tue => Self::Tue,
            chrono::Weekday::Wed => Self::Wed,
            chrono::Weekday::Thu => Self::Thu,
            chrono::Weekday::Fri => Self::Fri,
            chrono::Weekday::Sat => Self::Sat,
            chrono::Weekday::Sun => Self::Sun,
        }
    }
}

/// A named range of non-working days, both ends included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// What the holiday is called, e.g. "National Day".
    #[serde(default)]
    pub name: String,
    /// First day off.
    #[serde(with = "super::day")]
    pub from: NaiveDate,
    /// Last day off (inclusive).
    #[serde(with = "super::day")]
    pub to: NaiveDate,
}

/// Working weekdays, minus holidays, plus extra (make-up) working days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Calendar {
    /// The weekdays that are normally worked.
    pub workdays: Vec<Weekday>,
    /// Ranges of days off.
    pub holidays: Vec<Holiday>,
    /// Days worked although they fall on a non-working weekday (调休).
    #[serde(with = "super::day::list")]
    pub extra_workdays: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self {
            workdays: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            holidays: Vec::new(),
            extra_workdays: Vec::new(),
        }
    }
}

impl Calendar {
    /// Whether `date` is worked: a listed weekday that is no holiday, or an extra working day.
    ///
    /// This is the plain definition; `schedule::WorkCalendar` precomputes it for speed.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike as _;
        if self.extra_workdays.contains(&date) {
            return true;
        }
        let weekday = Weekday::from_chrono(date.weekday());
        self.workdays.contains(&weekday)
            && !self
                .holidays
                .iter()
                .any(|holiday| holiday.from <= date && date <= holiday.to)
    }
}
