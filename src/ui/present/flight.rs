//! The presentation's moving view: where each step puts the timeline, and the eased flight
//! from one step to the next. Not for what is drawn on the canvas or on the cards.

use chrono::NaiveDate;
use egui::Rect;

use crate::model::ItemId;
use crate::timeline::transform::{MAX_DAYS_PER_POINT, MIN_DAYS_PER_POINT, days_from_date};
use crate::ui::timeline::canvas::HEADER_HEIGHT;

use super::{Presentation, Step};

/// How long the view takes to move to the next step, in seconds.
const FLIGHT_SECS: f64 = 0.4;

/// Days across the canvas when a milestone is shown: about three months, readable by week.
const MILESTONE_SPAN_DAYS: f64 = 90.0;

/// Where a shown milestone stands across the canvas (0 = left edge, 1 = right edge); the card
/// takes the right-hand side, clear of the diamond and its name.
const MILESTONE_X_FRACTION: f64 = 0.34;

/// The part of the view that moves: the date range shown and how far the rows are scrolled.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    /// Day number at the left edge.
    left_days: f64,
    /// Zoom.
    days_per_point: f64,
    /// Rows scrolled, in points.
    scroll_y: f32,
}

/// The view moving from one step to the next.
#[derive(Clone, Copy, Debug)]
pub(super) struct Flight {
    from: View,
    to: View,
    /// `egui` time when it began, in seconds.
    started: f64,
}

impl Presentation {
    /// The view that shows `step` on a canvas `rect`.
    fn target(&mut self, step: Step, rect: Rect, today: NaiveDate) -> View {
        let width = f64::from(rect.width().max(100.0));
        let rows_height = (rect.height() - HEADER_HEIGHT).max(50.0);
        let readable = (MILESTONE_SPAN_DAYS / width).clamp(MIN_DAYS_PER_POINT, MAX_DAYS_PER_POINT);
        let around = |days: f64, fraction: f64, scroll_y: f32| View {
            left_days: days - fraction * width * readable,
            days_per_point: readable,
            scroll_y,
        };
        match step {
            Step::Title => {
                let mut transform = self.timeline.transform;
                if let Some((first, last)) = self.project.date_range() {
                    transform.fit(first, last, width, 60.0);
                }
                View {
                    left_days: transform.left_days,
                    days_per_point: transform.days_per_point,
                    scroll_y: 0.0,
                }
            }
            Step::Milestone(index) => {
                let Some(item) = self
                    .milestones
                    .get(index)
                    .and_then(|id| self.project.item(*id))
                else {
                    return self.current_view();
                };
                let (id, finish) = (item.id, item.finish);
                let scroll_y = self.scroll_to_show(id, rows_height);
                around(days_from_date(finish) + 1.0, MILESTONE_X_FRACTION, scroll_y)
            }
            Step::Today => around(days_from_date(today) + 0.5, 0.5, self.timeline.scroll_y),
        }
    }

    /// The scroll that puts `item`'s row a little above the middle of the rows.
    fn scroll_to_show(&mut self, item: ItemId, rows_height: f32) -> f32 {
        let one_row = self.timeline.row_height();
        let rows = self.timeline.rows(&self.project, 0);
        let Some(&row) = rows.row_of_item.get(&item) else {
            return self.timeline.scroll_y;
        };
        let content = rows.len() as f32 * one_row;
        let max = (content - rows_height + one_row).max(0.0);
        ((row as f32 + 0.5) * one_row - rows_height * 0.4).clamp(0.0, max)
    }

    fn current_view(&self) -> View {
        let transform = self.timeline.transform;
        View {
            left_days: transform.left_days,
            days_per_point: transform.days_per_point,
            scroll_y: self.timeline.scroll_y,
        }
    }

    fn set_view(&mut self, view: View) {
        self.timeline.transform.left_days = view.left_days;
        self.timeline.transform.days_per_point = view.days_per_point;
        self.timeline.scroll_y = view.scroll_y;
    }

    /// Starts the view moving when the step changed, and moves it along.
    pub(super) fn fly(&mut self, ui: &egui::Ui, rect: Rect, today: NaiveDate) {
        let now = ui.input(|input| input.time);
        if self.shown != Some(self.step) {
            let to = self.target(self.step, rect, today);
            if self.shown.is_none() {
                // The first step appears in place.
                self.set_view(to);
                self.flight = None;
            } else {
                self.flight = Some(Flight {
                    from: self.current_view(),
                    to,
                    started: now,
                });
            }
            self.shown = Some(self.step);
            self.shown_size = rect.size();
        } else if self.shown_size != rect.size() && self.flight.is_none() {
            let to = self.target(self.step, rect, today);
            self.set_view(to);
            self.shown_size = rect.size();
        }
        let Some(flight) = self.flight else {
            return;
        };
        let t = ((now - flight.started) / FLIGHT_SECS).clamp(0.0, 1.0);
        // Ease in and out, so the view neither jumps nor stops dead.
        let eased = t * t * (3.0 - 2.0 * t);
        let (from, to) = (flight.from, flight.to);
        // Zoom moves evenly in scale, the centre evenly in time, so the target stays in sight.
        let width = f64::from(rect.width());
        let centre = |view: View| view.left_days + width / 2.0 * view.days_per_point;
        let zoom = (from.days_per_point.ln()
            + (to.days_per_point.ln() - from.days_per_point.ln()) * eased)
            .exp();
        let middle = centre(from) + (centre(to) - centre(from)) * eased;
        self.set_view(View {
            left_days: middle - width / 2.0 * zoom,
            days_per_point: zoom,
            scroll_y: from.scroll_y + (to.scroll_y - from.scroll_y) * eased as f32,
        });
        if t >= 1.0 {
            self.set_view(to);
            self.flight = None;
        } else {
            ui.ctx().request_repaint();
        }
    }
}
