//! Dates in the document, `"YYYY-MM-DD"`, read and written without going through chrono's
//! general formatting: a large project holds tens of thousands of them. Dates outside the years
//! 0..=9999 fall back to chrono's own text, so every date round-trips.

use std::fmt;

use chrono::{Datelike as _, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes a date as `"YYYY-MM-DD"`.
///
/// # Errors
/// Whatever the serializer reports.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return serializer.collect_str(date);
    }
    let digit = |value: u32| b'0' + (value % 10) as u8;
    let year = year.unsigned_abs();
    let (month, day) = (date.month(), date.day());
    let text = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    // Ten ASCII digits and dashes are always UTF-8.
    serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
}

/// Reads a date written `"YYYY-MM-DD"` (or any form chrono reads).
///
/// # Errors
/// The text is not a date, naming it.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DayVisitor)
}

/// Parses `"YYYY-MM-DD"` quickly; other forms through chrono.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| {
        bytes.get(range)?.iter().try_fold(0u32, |value, &byte| {
            byte.is_ascii_digit()
                .then(|| value * 10 + u32::from(byte - b'0'))
        })
    };
    if bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        let year = i32::try_from(number(0..4)?).ok()?;
        return NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?);
    }
    text.parse().ok()
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = NaiveDate;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a date written \"YYYY-MM-DD\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

/// A date that serializes through this module, for options and lists.
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Day)
    }
}

/// `Option<NaiveDate>` fields.
pub mod option {
    use chrono::NaiveDate;
    use serde::{Deserialize as _, Deserializer, Serializer};

    use super::Day;

    /// Writes `Some("YYYY-MM-DD")` or `None`.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_some(&Day(*date)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an optional date.
    ///
    /// # Errors
    /// The text is not a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Day>::deserialize(deserializer).map(|day| day.map(|Day(date)| date))
    }
}

/// `Vec<NaiveDate>` fields.
pub mod list {
    use chrono::NaiveDate;
    use serde::ser::SerializeSeq as _;
    use serde::{Deserialize as _, Deserializer, Serializer};

    use super::Day;

    /// Writes a list of dates.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    pub fn serialize<S: Serializer>(dates: &[NaiveDate], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(dates.len()))?;
        for date in dates {
            seq.serialize_element(&Day(*date))?;
        }
        seq.end()
    }

    /// Reads a list of dates.
    ///
    /// # Errors
    /// An element is not a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<Day>::deserialize(deserializer)
            .map(|days| days.into_iter().map(|Day(date)| date).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_chrono() {
        for text in [
            "2026-12-01",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "1970-01-01",
            "2026-1-01",
        ] {
            assert_eq!(parse(text), text.parse().ok(), "{text}");
        }
        for text in ["2026-13-01", "2026-02-30", "20261201", "", "2026-12-0x"] {
            assert_eq!(parse(text), None, "{text} is not a date");
        }
        assert_eq!(
            parse("+10000-01-01"),
            NaiveDate::from_ymd_opt(10_000, 1, 1),
            "chrono's form for far years"
        );
    }

    #[test]
    fn dates_round_trip_through_ron() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Dates {
            #[serde(with = "super")]
            one: NaiveDate,
            #[serde(with = "super::option")]
            maybe: Option<NaiveDate>,
            #[serde(with = "super::list")]
            many: Vec<NaiveDate>,
        }
        for year in [-44, 0, 7, 2026, 9999, 10_000] {
            let date = NaiveDate::from_ymd_opt(year, 3, 9).expect("valid");
            let value = Dates {
                one: date,
                maybe: Some(date),
                many: vec![date, date],
            };
            let text = ron::to_string(&value).expect("serialize");
            assert_eq!(
                ron::from_str::<Dates>(&text).expect("parse"),
                value,
                "{text}"
            );
            assert_eq!(
                ron::to_string(&Chrono { one: date }).expect("chrono"),
                ron::to_string(&Ours { one: date }).expect("ours"),
                "the same text as chrono writes, for {year}"
            );
        }
    }

    #[derive(Serialize)]
    struct Chrono {
        one: NaiveDate,
    }

    #[derive(Serialize)]
    struct Ours {
        #[serde(with = "super")]
        one: NaiveDate,
    }
}
