//! The mapping between screen x (points) and dates: two numbers, the date at the left edge and
//! the days per point. f64 throughout, because f32 loses whole days when zoomed in far from 1970.

use chrono::{Datelike as _, NaiveDate};

/// Closest zoom: two hours per point.
pub const MIN_DAYS_PER_POINT: f64 = 1.0 / 12.0;
/// Widest zoom: about thirty years on a 1500-point screen.
pub const MAX_DAYS_PER_POINT: f64 = 7.5;

/// Maps screen x to dates and back. Dates are whole days; a day `d` covers
/// `[x_from_date(d), x_from_date(d + 1))`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// Screen x of the left edge of the canvas, in points.
    pub left_x_points: f64,
    /// The date at the left edge, in days since 0001-01-01 (fractional).
    pub left_days: f64,
    /// Days per point: larger is zoomed out.
    pub days_per_point: f64,
}

impl Default for Transform {
    fn default() -> Self {
        Self {
            left_x_points: 0.0,
            left_days: 0.0,
            days_per_point: 1.0 / 24.0,
        }
    }
}

/// Days since 0001-01-01 of `date`, as used by [`Transform`].
pub fn days_from_date(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date containing the day number `days` (floor).
pub fn date_from_days(days: f64) -> NaiveDate {
    let whole = days
        .floor()
        .clamp(f64::from(i32::MIN / 2), f64::from(i32::MAX / 2)) as i32;
    NaiveDate::from_num_days_from_ce_opt(whole).unwrap_or(NaiveDate::MIN)
}

impl Transform {
    /// Screen x of a fractional day number.
    pub fn x_from_days(&self, days: f64) -> f64 {
        self.left_x_points + (days - self.left_days) / self.days_per_point
    }

    /// Screen x of the start (midnight) of `date`.
    pub fn x_from_date(&self, date: NaiveDate) -> f64 {
        self.x_from_days(days_from_date(date))
    }

    /// Screen x of the end of `date` (midnight of the next day).
    pub fn x_from_date_end(&self, date: NaiveDate) -> f64 {
        self.x_from_days(days_from_date(date) + 1.0)
    }

    /// Fractional day number at screen x.
    pub fn days_from_x(&self, x_points: f64) -> f64 {
        self.left_days + (x_points - self.left_x_points) * self.days_per_point
    }

    /// The date whose day contains screen x.
    pub fn date_from_x(&self, x_points: f64) -> NaiveDate {
        date_from_days(self.days_from_x(x_points))
    }

    /// Width of one day in points.
    pub fn points_per_day(&self) -> f64 {
        1.0 / self.days_per_point
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the date under `x_points` where it is.
    pub fn zoom_at(&mut self, x_points: f64, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.days_from_x(x_points);
        self.days_per_point =
            (self.days_per_point / factor).clamp(MIN_DAYS_PER_POINT, MAX_DAYS_PER_POINT);
        self.left_days = anchor - (x_points - self.left_x_points) * self.days_per_point;
    }

    /// Moves the view so that the content follows a drag of `dx_points` to the right.
    pub fn pan(&mut self, dx_points: f64) {
        self.left_days -= dx_points * self.days_per_point;
    }

    /// Shows `first..=last` across `width_points`, with `margin_points` free on each side.
    pub fn fit(
        &mut self,
        first: NaiveDate,
        last: NaiveDate,
        width_points: f64,
        margin_points: f64,
    ) {
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        let days = days_from_date(last) + 1.0 - days_from_date(first);
        let usable = (width_points - 2.0 * margin_points).max(10.0);
        self.days_per_point = (days / usable).clamp(MIN_DAYS_PER_POINT, MAX_DAYS_PER_POINT);
        let centre = (days_from_date(first) + days_from_date(last) + 1.0) / 2.0;
        self.left_days = centre - width_points / 2.0 * self.days_per_point;
    }

    /// Puts `date` at the centre of a canvas `width_points` wide, keeping the zoom.
    pub fn centre_on(&mut self, date: NaiveDate, width_points: f64) {
        self.left_days = days_from_date(date) + 0.5 - width_points / 2.0 * self.days_per_point;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::testing::date;

    #[test]
    fn x_and_date_are_inverse() {
        let transform = Transform {
            left_x_points: 100.0,
            left_days: days_from_date(date(2026, 12, 1)),
            days_per_point: 1.0 / 30.0,
        };
        assert!(
            (transform.x_from_date(date(2026, 12, 1)) - 100.0).abs() < 1e-9,
            "left edge"
        );
        assert!(
            (transform.x_from_date(date(2026, 12, 3)) - 160.0).abs() < 1e-9,
            "two days = 60 points"
        );
        assert_eq!(
            transform.date_from_x(159.9),
            date(2026, 12, 2),
            "inside the second day"
        );
        assert_eq!(
            transform.date_from_x(160.0),
            date(2026, 12, 3),
            "the boundary belongs to the next day"
        );
        for offset in 0..2000 {
            let day = date(2020, 1, 1) + chrono::Days::new(offset);
            let x = transform.x_from_date(day) + 0.5;
            assert_eq!(transform.date_from_x(x), day, "round trip for {day}");
        }
    }

    #[test]
    fn zoom_keeps_the_date_under_the_cursor() {
        let mut transform = Transform {
            left_x_points: 50.0,
            left_days: days_from_date(date(2027, 1, 1)),
            days_per_point: 0.5,
        };
        let cursor = 437.25;
        let before = transform.days_from_x(cursor);
        for factor in [1.5, 1.5, 4.0, 0.1, 0.9, 30.0] {
            transform.zoom_at(cursor, factor);
            assert!(
                (transform.days_from_x(cursor) - before).abs() < 1e-6,
                "same date under the cursor"
            );
        }
    }

    #[test]
    fn zoom_is_limited() {
        let mut transform = Transform::default();
        transform.zoom_at(0.0, 1e9);
        assert!(
            (transform.days_per_point - MIN_DAYS_PER_POINT).abs() < 1e-12,
            "closest zoom"
        );
        transform.zoom_at(0.0, 1e-9);
        assert!(
            (transform.days_per_point - MAX_DAYS_PER_POINT).abs() < 1e-12,
            "widest zoom"
        );
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let mut transform = Transform {
            days_per_point: 0.25,
            ..Transform::default()
        };
        let x = transform.x_from_date(date(2027, 3, 1));
        transform.pan(40.0);
        assert!(
            (transform.x_from_date(date(2027, 3, 1)) - (x + 40.0)).abs() < 1e-9,
            "moved right by 40"
        );
    }

    #[test]
    fn fit_shows_the_whole_range() {
        let mut transform = Transform {
            left_x_points: 10.0,
            ..Transform::default()
        };
        transform.fit(date(2026, 10, 12), date(2027, 2, 26), 1000.0, 20.0);
        let left = transform.x_from_date(date(2026, 10, 12));
        let right = transform.x_from_date_end(date(2027, 2, 26));
        assert!(
            (left - 30.0).abs() < 1e-6,
            "first day at the margin: {left}"
        );
        assert!(
            (right - 990.0).abs() < 1e-6,
            "last day ends at the margin: {right}"
        );
    }

    #[test]
    fn precision_holds_far_from_the_epoch() {
        let transform = Transform {
            left_x_points: 0.0,
            left_days: days_from_date(date(9000, 1, 1)),
            days_per_point: MIN_DAYS_PER_POINT,
        };
        let day = date(9000, 1, 2);
        assert_eq!(
            transform.date_from_x(transform.x_from_date(day) + 0.01),
            day,
            "exact far away"
        );
    }
}
