//! Dates typed by the user: `2026-12-07`, `12/7`, `7 Dec`, `Dec 7 2026`, `12月7日`,
//! `2026年12月7日`, `+3d`, `-1w`, `today` — every way [`super::format_date`] writes a date
//! reads back. Pure: the date counted from (`today`) is given, and a text that is not a date
//! says why with a [`DateInputError`] translated when shown.
//!
//! Not for dates in files (the store reads ISO dates itself).

use chrono::{Datelike as _, Duration, NaiveDate};

/// Why a typed text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    /// Nothing was typed.
    #[error("nothing typed")]
    Empty,
    /// The text is not written like any date Milepost reads.
    #[error("not written like a date")]
    Unrecognised,
    /// The parts are there but no such day exists (30 February, month 13).
    #[error("no such day")]
    NoSuchDay,
}

impl DateInputError {
    /// The key of the sentence saying why, in `locales/dates.yml`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Empty => "date_input.empty",
            Self::Unrecognised => "date_input.unrecognised",
            Self::NoSuchDay => "date_input.no_such_day",
        }
    }

    /// The sentence saying why, in the current language.
    pub fn message(self) -> String {
        crate::tr!(self.key()).into_owned()
    }
}

/// English month names and their three-letter forms.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names that may come with a date ("Fri 4 Dec 2026", "2026年12月4日 周五").
const WEEKDAYS: [&str; 14] = [
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "周一", "周二", "周三", "周四", "周五",
    "周六", "周日",
];

/// Reads `text` as a date; `today` gives the year when none is typed and the origin of `+3d`.
///
/// # Errors
/// Nothing typed, a text not written like a date, or a day that does not exist.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err(DateInputError::Empty);
    }
    if matches!(text.as_str(), "today" | "今天") {
        return Ok(today);
    }
    if let Some(date) = relative(&text, today) {
        return date;
    }
    if text.contains('年') || text.contains('月') {
        return chinese(&text, today);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|word| !word.is_empty())
        .filter(|word| !WEEKDAYS.iter().any(|day| word.starts_with(day)))
        .collect();
    match words.as_slice() {
        [single] if single.contains(['-', '/']) => numeric(single, today),
        _ => named_month(&words, today),
    }
}

/// `+3d`, `-2d`, `+1w`, `+3` (days).
fn relative(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, DateInputError>> {
    let sign = match text.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let rest = text.get(1..)?.trim();
    let (number, days_per_unit) = if let Some(number) = rest.strip_suffix(['d', '天']) {
        (number, 1)
    } else if let Some(number) = rest.strip_suffix(['w', '周']) {
        (number, 7)
    } else {
        (rest, 1)
    };
    let Ok(count) = number.trim().parse::<i64>() else {
        return Some(Err(DateInputError::Unrecognised));
    };
    Some(
        count
            .checked_mul(days_per_unit * sign)
            .and_then(Duration::try_days)
            .and_then(|offset| today.checked_add_signed(offset))
            .ok_or(DateInputError::NoSuchDay),
    )
}

/// A day from its numbers, or why it does not exist.
fn day(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateInputError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateInputError::NoSuchDay)
}

/// A number, or the text is not a date.
fn number<T: std::str::FromStr>(text: &str) -> Result<T, DateInputError> {
    text.trim()
        .parse()
        .map_err(|_| DateInputError::Unrecognised)
}

/// `2026-12-07`, `2026/12/7`, `12-07`, `12/7`, `12/7/2026`.
fn numeric(text: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    match parts.as_slice() {
        [year, month, d] if year.len() == 4 => day(number(year)?, number(month)?, number(d)?),
        [month, d, year] if year.len() == 4 => day(number(year)?, number(month)?, number(d)?),
        [month, d] => day(today.year(), number(month)?, number(d)?),
        _ => Err(DateInputError::Unrecognised),
    }
}

/// `12月7日`, `2026年12月7日` (a weekday after it is ignored).
fn chinese(text: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let text = text.split_whitespace().next().unwrap_or_default();
    let (year, rest) = match text.split_once('年') {
        Some((year, rest)) => (number(year)?, rest),
        None => (today.year(), text),
    };
    let (month, rest) = rest.split_once('月').ok_or(DateInputError::Unrecognised)?;
    let d = rest.strip_suffix(['日', '号']).unwrap_or(rest);
    day(year, number(month)?, number(d)?)
}

/// The month named by `word` ("dec", "December"), 1 to 12.
fn month_named(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|month| month.starts_with(word))?;
    u32::try_from(position + 1).ok()
}

/// `7 Dec`, `7 December 2026`, `Dec 7`, `Dec 7 2026`.
fn named_month(words: &[&str], today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let (d, month, year) = match words {
        [first, second, rest @ ..] => {
            if let Some(month) = month_named(second) {
                (*first, month, rest)
            } else if let Some(month) = month_named(first) {
                (*second, month, rest)
            } else {
                return Err(DateInputError::Unrecognised);
            }
        }
        _ => return Err(DateInputError::Unrecognised),
    };
    let year = match year {
        [] => today.year(),
        [year] => number(year)?,
        _ => return Err(DateInputError::Unrecognised),
    };
    day(year, month, number(d)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{DateStyle, Language, format_date};
    use proptest::prelude::*;

    #[test]
    fn every_way_of_typing_a_date() {
        let today = date(2026, 11, 27);
        let cases: [(&str, Result<NaiveDate, DateInputError>); 22] = [
            ("2026-12-07", Ok(date(2026, 12, 7))),
            ("2026/12/7", Ok(date(2026, 12, 7))),
            ("12/7", Ok(date(2026, 12, 7))),
            ("12-07", Ok(date(2026, 12, 7))),
            ("12/7/2027", Ok(date(2027, 12, 7))),
            ("7 Dec", Ok(date(2026, 12, 7))),
            ("7 december 2027", Ok(date(2027, 12, 7))),
            ("Dec 7", Ok(date(2026, 12, 7))),
            ("Dec 7, 2027", Ok(date(2027, 12, 7))),
            ("Mon 7 Dec 2026", Ok(date(2026, 12, 7))),
            ("12月7日", Ok(date(2026, 12, 7))),
            ("2027年12月7日", Ok(date(2027, 12, 7))),
            ("2026年12月7日 周一", Ok(date(2026, 12, 7))),
            ("+3d", Ok(date(2026, 11, 30))),
            ("-1w", Ok(date(2026, 11, 20))),
            (" today ", Ok(today)),
            ("", Err(DateInputError::Empty)),
            ("   ", Err(DateInputError::Empty)),
            ("soon", Err(DateInputError::Unrecognised)),
            ("+xd", Err(DateInputError::Unrecognised)),
            ("2/30", Err(DateInputError::NoSuchDay)),
            ("13月1日", Err(DateInputError::NoSuchDay)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text, today), expected, "{text:?}");
        }
    }

    #[test]
    fn each_reason_has_a_sentence_in_both_languages() {
        for error in [
            DateInputError::Empty,
            DateInputError::Unrecognised,
            DateInputError::NoSuchDay,
        ] {
            for language in Language::ALL {
                crate::i18n::set_language(language);
                let message = error.message();
                assert_ne!(message, error.key(), "{language:?} has {}", error.key());
            }
        }
        crate::i18n::set_language(Language::English);
    }

    proptest! {
        #[test]
        fn formatted_dates_parse_back(days in 0_i64..40_000, chinese in any::<bool>()) {
            let language = if chinese { Language::Chinese } else { Language::English };
            let shown = date(1950, 1, 1) + Duration::days(days);
            for style in [DateStyle::Long, DateStyle::WeekdayLong, DateStyle::Entry, DateStyle::Iso] {
                let text = format_date(shown, style, language);
                prop_assert_eq!(parse_date(&text, date(2026, 11, 27)), Ok(shown), "{}", text);
            }
            // Without a year, the year counted from is taken.
            let text = format_date(shown, DateStyle::Short, language);
            let today = date(shown.year(), 6, 15);
            prop_assert_eq!(parse_date(&text, today), Ok(shown), "{}", text);
        }
    }

    /// A day of the calendar.
    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }
}
