//! Working-day arithmetic, precomputed per calendar.
//!
//! Working days are numbered by an *ordinal*: `ordinal(d)` is the number of working days before
//! `d`, counted from the start of a window of dates, so that the `k`-th working day is
//! `date_of(k)`. Inside the window both directions are table look-ups; outside it a slower
//! day-by-day path gives the same answers, and [`WorkCalendar::cover`] grows the window.

use chrono::{Datelike as _, Days, NaiveDate};

use crate::model::Calendar;

/// Years of margin added around the dates a calendar is built for.
const MARGIN_DAYS: u64 = 3 * 366;

/// How far the slow path searches for a working day before giving up (calendars without any
/// working weekday have only finitely many working days).
const SEARCH_LIMIT_DAYS: i64 = 200 * 366;

/// A [`Calendar`] with its working days precomputed over a window of dates.
#[derive(Clone, Debug)]
pub struct WorkCalendar {
    calendar: Calendar,
    /// Whether each weekday (Monday first) is worked.
    weekdays: [bool; 7],
    /// First date of the window.
    base: NaiveDate,
    /// `prefix[i]`: working days in `base .. base + i`; one longer than the window.
    prefix: Vec<u32>,
    /// Day offsets (from `base`) of the working days in the window, in order.
    workdays: Vec<u32>,
}

fn offset(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
            .unwrap_or(NaiveDate::MAX)
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(NaiveDate::MIN)
    }
}

impl WorkCalendar {
    /// Precomputes `calendar` over its own holidays and extra working days, a few years either
    /// side, and 2020–2040.
    pub fn new(calendar: &Calendar) -> Self {
        let mut low = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or(NaiveDate::MIN);
        let mut high = NaiveDate::from_ymd_opt(2040, 12, 31).unwrap_or(NaiveDate::MAX);
        for holiday in &calendar.holidays {
            low = low.min(holiday.from);
            high = high.max(holiday.to);
        }
        for &day in &calendar.extra_workdays {
            low = low.min(day);
            high = high.max(day);
        }
        Self::build(calendar, low, high)
    }

    /// Precomputes `calendar` over at least `from ..= to` (plus a margin).
    pub fn covering(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> Self {
        let mut built = Self::new(calendar);
        built.cover(from, to);
        built
    }

    /// Grows the window so that it covers `from ..= to` with a margin. Answers never change,
    /// only their speed.
    pub fn cover(&mut self, from: NaiveDate, to: NaiveDate) {
        let end = plus(self.base, self.prefix.len() as i64 - 1);
        if from >= self.base && to < end {
            return;
        }
        let low = self.base.min(from);
        let high = plus(end, -1).max(to);
        *self = Self::build(&self.calendar.clone(), low, high);
    }

    fn build(calendar: &Calendar, low: NaiveDate, high: NaiveDate) -> Self {
        let base = low.checked_sub_days(Days::new(MARGIN_DAYS)).unwrap_or(low);
        let end = high
            .checked_add_days(Days::new(MARGIN_DAYS))
            .unwrap_or(high);
        let len = offset(base, end).max(0) as usize + 1;
        let mut weekdays = [false; 7];
        for day in &calendar.workdays {
            weekdays[day.to_chrono().num_days_from_monday() as usize] = true;
        }
        let first = base.weekday().num_days_from_monday() as usize;
        let mut worked: Vec<bool> = (0..len).map(|i| weekdays[(first + i) % 7]).collect();
        for holiday in &calendar.holidays {
            let from = offset(base, holiday.from).max(0);
            let to = offset(base, holiday.to).min(len as i64 - 1);
            for i in from..=to {
                worked[i as usize] = false;
            }
        }
        for &day in &calendar.extra_workdays {
            let i = offset(base, day);
            if (0..len as i64).contains(&i) {
                worked[i as usize] = true;
            }
        }
        let mut prefix = Vec::with_capacity(len + 1);
        let mut workdays = Vec::new();
        let mut count = 0_u32;
        prefix.push(0);
        for (i, &is_worked) in worked.iter().enumerate() {
            if is_worked {
                workdays.push(i as u32);
                count += 1;
            }
            prefix.push(count);
        }
        Self {
            calendar: calendar.clone(),
            weekdays,
            base,
            prefix,
            workdays,
        }
    }

    /// The calendar this was built from.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    fn window_len(&self) -> i64 {
        self.prefix.len() as i64 - 1
    }

    /// Whether `date` is worked: a working weekday that is no holiday, or an extra working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let i = offset(self.base, date);
        if (0..self.window_len()).contains(&i) {
            let i = i as usize;
            self.prefix[i + 1] > self.prefix[i]
        } else {
            self.slow_is_working_day(date)
        }
    }

    fn slow_is_working_day(&self, date: NaiveDate) -> bool {
        if self.calendar.extra_workdays.contains(&date) {
            return true;
        }
        self.weekdays[date.weekday().num_days_from_monday() as usize]
            && !self
                .calendar
                .holidays
                .iter()
                .any(|holiday| holiday.from <= date && date <= holiday.to)
    }

    /// The number of working days before `date`, counted from the window's start (negative
    /// before it). For a working day this is its own number; for any other date, the number of
    /// the next working day.
    pub fn ordinal(&self, date: NaiveDate) -> i64 {
        let i = offset(self.base, date);
        let len = self.window_len();
        if i < 0 {
            // Count the working days in date .. base.
            let mut count = 0;
            let mut day = date;
            while day < self.base {
                if self.slow_is_working_day(day) {
                    count += 1;
                }
                day = plus(day, 1);
            }
            -count
        } else if i <= len {
            i64::from(self.prefix[i as usize])
        } else {
            let mut count = i64::from(self.prefix[len as usize]);
            let mut day = plus(self.base, len);
            while day < date {
                if self.slow_is_working_day(day) {
                    count += 1;
                }
                day = plus(day, 1);
            }
            count
        }
    }

    /// The working day with ordinal `k` (see [`Self::ordinal`]).
    pub fn date_of(&self, k: i64) -> NaiveDate {
        if let Some(&day) = usize::try_from(k).ok().and_then(|k| self.workdays.get(k)) {
            return plus(self.base, i64::from(day));
        }
        if k < 0 {
            let mut remaining = -k;
            let mut day = self.base;
            for _ in 0..SEARCH_LIMIT_DAYS {
                day = plus(day, -1);
                if self.slow_is_working_day(day) {
                    remaining -= 1;
                    if remaining == 0 {
                        return day;
                    }
                }
            }
            day
        } else {
            let mut remaining = k - self.workdays.len() as i64;
            let mut day = plus(self.base, self.window_len());
            for _ in 0..SEARCH_LIMIT_DAYS {
                if self.slow_is_working_day(day) {
                    if remaining == 0 {
                        return day;
                    }
                    remaining -= 1;
                }
                day = plus(day, 1);
            }
            day
        }
    }

    /// `date` if it is a working day, else the next working day.
    pub fn snap_forward(&self, date: NaiveDate) -> NaiveDate {
        self.date_of(self.ordinal(date))
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        self.date_of(self.ordinal(plus(date, 1)))
    }

    /// The last working day before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> NaiveDate {
        self.date_of(self.ordinal(date) - 1)
    }

    /// The working day `n` working days after (`n > 0`) or before (`n < 0`) `date`, which is
    /// first snapped forward to a working day; `n == 0` gives the snapped date.
    pub fn add_workdays(&self, date: NaiveDate, n: i64) -> NaiveDate {
        self.date_of(self.ordinal(date) + n)
    }

    /// The working days in `from .. to` (`to` excluded); negative when `to` is before `from`.
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.ordinal(to) - self.ordinal(from)
    }

    /// The working days in `start ..= finish`, both included (0 when `finish < start`).
    pub fn workdays_in(&self, start: NaiveDate, finish: NaiveDate) -> i64 {
        (self.ordinal(plus(finish, 1)) - self.ordinal(start)).max(0)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::Holiday;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    /// A calendar with China's National Day week off and the Saturday after it worked.
    pub(in crate::schedule) fn china() -> Calendar {
        Calendar {
            holidays: vec![Holiday {
                name: "National Day".to_owned(),
                from: date("2026-10-01"),
                to: date("2026-10-07"),
            }],
            extra_workdays: vec![date("2026-10-10")],
            ..Calendar::default()
        }
    }

    #[test]
    fn weekends_holidays_and_extra_days() {
        let calendar = WorkCalendar::new(&china());
        assert!(calendar.is_working_day(date("2026-09-30")), "a Wednesday");
        assert!(!calendar.is_working_day(date("2026-10-03")), "a Saturday");
        assert!(
            !calendar.is_working_day(date("2026-10-05")),
            "a holiday Monday"
        );
        assert!(
            calendar.is_working_day(date("2026-10-10")),
            "a make-up Saturday"
        );
        assert!(!calendar.is_working_day(date("2026-10-11")), "a Sunday");
    }

    #[test]
    fn adding_and_counting_working_days() {
        let calendar = WorkCalendar::new(&china());
        assert_eq!(
            calendar.add_workdays(date("2026-09-30"), 1),
            date("2026-10-08"),
            "the holiday week is skipped"
        );
        assert_eq!(
            calendar.add_workdays(date("2026-10-08"), 2),
            date("2026-10-10"),
            "Thursday, Friday, make-up Saturday"
        );
        assert_eq!(
            calendar.add_workdays(date("2026-10-12"), -3),
            date("2026-10-08"),
            "backwards over the make-up Saturday"
        );
        assert_eq!(
            calendar.workdays_between(date("2026-09-28"), date("2026-10-12")),
            6,
            "Mon–Wed, Thu, Fri, make-up Sat"
        );
        assert_eq!(
            calendar.workdays_in(date("2026-10-01"), date("2026-10-07")),
            0,
            "the whole holiday"
        );
        assert_eq!(
            calendar.snap_forward(date("2026-10-03")),
            date("2026-10-08"),
            "snaps over weekend and holiday"
        );
        assert_eq!(
            calendar.next_working_day(date("2026-10-09")),
            date("2026-10-10"),
            "the make-up day follows Friday"
        );
        assert_eq!(
            calendar.previous_working_day(date("2026-10-08")),
            date("2026-09-30"),
            "back over the holiday"
        );
    }

    #[test]
    fn outside_the_window_the_answers_are_the_same() {
        let small = WorkCalendar::new(&china());
        let mut wide = small.clone();
        wide.cover(date("1990-01-01"), date("2090-01-01"));
        for text in [
            "1995-03-04",
            "2001-01-01",
            "2026-10-03",
            "2060-06-06",
            "2080-02-29",
        ] {
            let day = date(text);
            assert_eq!(
                small.is_working_day(day),
                wide.is_working_day(day),
                "working day {text}"
            );
            assert_eq!(
                small.snap_forward(day),
                wide.snap_forward(day),
                "snap {text}"
            );
            for n in [-10, -1, 1, 10] {
                assert_eq!(
                    small.add_workdays(day, n),
                    wide.add_workdays(day, n),
                    "{text} + {n}"
                );
            }
            assert_eq!(
                small.workdays_between(day, date("2026-10-12")),
                wide.workdays_between(day, date("2026-10-12")),
                "working days from {text}"
            );
        }
    }
}
