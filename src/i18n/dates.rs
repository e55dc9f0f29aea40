//! Every date the user reads is written by [`format_date`], from the patterns in
//! `locales/dates.yml` (chrono's strftime, plus `%{weekday}` for the weekday's own name), so
//! that a new way of writing a date or a new language is a line in the locale file.

use std::fmt::Write as _;

use chrono::{Datelike as _, NaiveDate};

use super::Language;

/// A way of writing a date; each is one pattern per language in `locales/dates.yml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// Day and month: "4 Dec", "12月4日".
    Short,
    /// With the year: "4 Dec 2026", "2026年12月4日".
    Long,
    /// With the weekday and the year: "Fri 4 Dec 2026", "2026年12月4日 周五".
    WeekdayLong,
    /// A dated entry in a list (the meeting log): "4 Dec 2026", "2026-12-04".
    Entry,
    /// The month alone: "Dec", "12月".
    Month,
    /// Month and year: "Dec 2026", "2026年12月".
    MonthYear,
    /// The month's full name and the year: "December 2026", "2026年12月".
    MonthNameYear,
    /// The year: "2026", "2026年".
    Year,
    /// The day of the month: "4".
    Day,
    /// Month and day in digits: "12-04".
    MonthDayNumeric,
    /// ISO 8601: "2026-12-04" in every language (reports, file names).
    Iso,
}

impl DateStyle {
    /// Every style.
    pub const ALL: [Self; 11] = [
        Self::Short,
        Self::Long,
        Self::WeekdayLong,
        Self::Entry,
        Self::Month,
        Self::MonthYear,
        Self::MonthNameYear,
        Self::Year,
        Self::Day,
        Self::MonthDayNumeric,
        Self::Iso,
    ];

    /// The key of its pattern in `locales/dates.yml`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Short => "date.short",
            Self::Long => "date.long",
            Self::WeekdayLong => "date.weekday_long",
            Self::Entry => "date.entry",
            Self::Month => "date.month",
            Self::MonthYear => "date.month_year",
            Self::MonthNameYear => "date.month_name_year",
            Self::Year => "date.year",
            Self::Day => "date.day",
            Self::MonthDayNumeric => "date.month_day_numeric",
            Self::Iso => "date.iso",
        }
    }
}

/// The key of the name of `date`'s weekday.
fn weekday_key(date: NaiveDate) -> &'static str {
    const KEYS: [&str; 7] = [
        "date.weekday.mon",
        "date.weekday.tue",
        "date.weekday.wed",
        "date.weekday.thu",
        "date.weekday.fri",
        "date.weekday.sat",
        "date.weekday.sun",
    ];
    KEYS[date.weekday().num_days_from_monday() as usize]
}

/// The days from `start` to `finish` in short dates, "4 Dec – 11 Dec", or one date when they are
/// the same day (a milestone): the span of an item in a row of the outline or the picture.
pub fn format_span(start: NaiveDate, finish: NaiveDate, language: Language) -> String {
    if start == finish {
        format_date(finish, DateStyle::Short, language)
    } else {
        format!(
            "{} – {}",
            format_date(start, DateStyle::Short, language),
            format_date(finish, DateStyle::Short, language)
        )
    }
}

/// `date` written in `style` in `language`. A pattern chrono cannot read falls back to ISO.
pub fn format_date(date: NaiveDate, style: DateStyle, language: Language) -> String {
    let pattern = rust_i18n::t!(style.key(), locale = language.code());
    let pattern = if pattern.contains("%{weekday}") {
        let weekday = rust_i18n::t!(weekday_key(date), locale = language.code());
        pattern.replace("%{weekday}", &weekday)
    } else {
        pattern.into_owned()
    };
    let mut text = String::new();
    if write!(text, "{}", date.format(&pattern)).is_err() {
        text = date.format("%Y-%m-%d").to_string();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_in_both_languages() {
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date");
        let sunday = NaiveDate::from_ymd_opt(2027, 1, 31).expect("a date");
        let table = [
            (DateStyle::Short, "4 Dec", "12月4日", "31 Jan", "1月31日"),
            (
                DateStyle::Long,
                "4 Dec 2026",
                "2026年12月4日",
                "31 Jan 2027",
                "2027年1月31日",
            ),
            (
                DateStyle::WeekdayLong,
                "Fri 4 Dec 2026",
                "2026年12月4日 周五",
                "Sun 31 Jan 2027",
                "2027年1月31日 周日",
            ),
            (
                DateStyle::Entry,
                "4 Dec 2026",
                "2026-12-04",
                "31 Jan 2027",
                "2027-01-31",
            ),
            (DateStyle::Month, "Dec", "12月", "Jan", "1月"),
            (
                DateStyle::MonthYear,
                "Dec 2026",
                "2026年12月",
                "Jan 2027",
                "2027年1月",
            ),
            (
                DateStyle::MonthNameYear,
                "December 2026",
                "2026年12月",
                "January 2027",
                "2027年1月",
            ),
            (DateStyle::Year, "2026", "2026年", "2027", "2027年"),
            (DateStyle::Day, "4", "4", "31", "31"),
            (
                DateStyle::MonthDayNumeric,
                "12-04",
                "12-04",
                "01-31",
                "01-31",
            ),
            (
                DateStyle::Iso,
                "2026-12-04",
                "2026-12-04",
                "2027-01-31",
                "2027-01-31",
            ),
        ];
        assert_eq!(
            table.map(|row| row.0),
            DateStyle::ALL,
            "the table has every style"
        );
        for (style, en_friday, zh_friday, en_sunday, zh_sunday) in table {
            for (date, language, expected) in [
                (friday, Language::English, en_friday),
                (friday, Language::Chinese, zh_friday),
                (sunday, Language::English, en_sunday),
                (sunday, Language::Chinese, zh_sunday),
            ] {
                assert_eq!(
                    format_date(date, style, language),
                    expected,
                    "{style:?} of {date} in {language:?}"
                );
            }
        }
    }

    #[test]
    fn weekdays_match_chrono_in_english() {
        let mut date = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a Monday");
        for _ in 0..7 {
            assert_eq!(
                format_date(date, DateStyle::WeekdayLong, Language::English),
                date.format("%a %-d %b %Y").to_string(),
                "as chrono writes {date}"
            );
            date = date.succ_opt().expect("next day");
        }
    }
}
