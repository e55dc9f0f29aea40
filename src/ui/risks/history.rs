//! The trend of a risk's assessments: its score over time against the level thresholds.

use chrono::NaiveDate;
use egui::{RichText, Stroke};

use crate::model::Risk;
use crate::report::{HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, RiskLevel};
use crate::tr;

use super::super::outline::short_date;
use super::super::panels::PanelInput;

/// The score of each assessment over time, with the level thresholds, up to today.
pub(super) fn history_ui(ui: &mut egui::Ui, input: &PanelInput<'_>, risk: &Risk) {
    use egui_plot::{HLine, Line, LineStyle, Plot, PlotPoints, Points};

    let palette = input.palette;
    let language = input.language;
    let Some(first) = risk.history.iter().map(|entry| entry.date).min() else {
        ui.label(RichText::new(tr!("risks.history_empty")).color(palette.text_muted));
        return;
    };
    let day = |date: NaiveDate| (date - first).num_days() as f64;
    let points: Vec<[f64; 2]> = risk
        .history
        .iter()
        .map(|entry| {
            [
                day(entry.date),
                f64::from(entry.probability.saturating_mul(entry.impact)),
            ]
        })
        .collect();
    let last_day = risk
        .history
        .iter()
        .map(|entry| entry.date)
        .max()
        .unwrap_or(first);
    let end = input.today.max(last_day);
    let line_colour = palette.text;
    ui.label(
        RichText::new(format!(
            "{}  {}",
            tr!("risks.history_count", count = risk.history.len()),
            tr!("risks.history_hint")
        ))
        .small()
        .color(palette.text_muted),
    );
    let history = risk.history.clone();
    let date_day = move |date: NaiveDate| (date - first).num_days() as f64;
    let date_of = move |x: f64| first.checked_add_signed(chrono::TimeDelta::days(x.round() as i64));
    let dates = DateAxis::new(ui, first, end, language);
    let (x_min, x_max) = dates.bounds;
    Plot::new(("risk_history", risk.id.0))
        .height(120.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
        .grid_color(palette.grid)
        .y_axis_min_width(Y_AXIS_WIDTH)
        .x_grid_spacer(move |_| dates.marks())
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                // The marks are spaced for their labels already: none is faded or left out.
                .label_spacing(egui::Rangef::new(0.0, 1.0))
                .formatter(move |mark, _range| {
                    if (mark.value - mark.value.round()).abs() > 1e-6 {
                        return String::new();
                    }
                    date_of(mark.value).map_or_else(String::new, |date| short_date(date, language))
                }),
        ])
        // The score 0 sits on the date axis, where its label would run into the first date.
        .y_axis_formatter(|mark, _range| {
            let score = mark.value.round() as i64;
            if score == 0 {
                String::new()
            } else {
                score.to_string()
            }
        })
        .label_formatter(move |hover| {
            let egui_plot::HoverPosition::NearDataPoint { position, .. } = *hover else {
                return None;
            };
            let entry = history.iter().rev().find(|entry| {
                (date_day(entry.date) - position.x).abs() < 0.5
                    && (f64::from(entry.probability.saturating_mul(entry.impact)) - position.y)
                        .abs()
                        < 0.5
            })?;
            Some(
                tr!(
                    "risks.history_point",
                    date = short_date(entry.date, language),
                    probability = entry.probability,
                    impact = entry.impact,
                    score = entry.probability.saturating_mul(entry.impact)
                )
                .into_owned(),
            )
        })
        .show(ui, |plot| {
            // Set each frame: the plot would otherwise keep the bounds of its first frame, from
            // before the latest assessment.
            plot.set_plot_bounds_x(x_min..=x_max);
            plot.set_plot_bounds_y(0.0..=26.0);
            plot.add(
                HLine::new("high", f64::from(HIGH_RISK_SCORE))
                    .stroke(Stroke::new(1.0, palette.risk_high))
                    .style(LineStyle::dashed_loose()),
            );
            plot.add(
                HLine::new("medium", f64::from(MEDIUM_RISK_SCORE))
                    .stroke(Stroke::new(1.0, palette.risk_medium))
                    .style(LineStyle::dashed_loose()),
            );
            if let Some(&[x, y]) = points.last()
                && day(end) > x
            {
                // Unchanged since the last assessment.
                plot.add(
                    Line::new("since", PlotPoints::from(vec![[x, y], [day(end), y]]))
                        .color(line_colour.gamma_multiply(0.5))
                        .style(LineStyle::dotted_dense()),
                );
            }
            plot.add(Line::new("history", PlotPoints::from(points.clone())).color(line_colour));
            // Each assessment in the colour of its own level.
            for level in [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High] {
                let of_level: Vec<[f64; 2]> = points
                    .iter()
                    .copied()
                    .filter(|&[_, score]| RiskLevel::of(score as u8) == level)
                    .collect();
                if !of_level.is_empty() {
                    plot.add(
                        Points::new("history", PlotPoints::from(of_level))
                            .radius(3.5)
                            .color(palette.risk(level))
                            .filled(true),
                    );
                }
            }
        });
}

/// Width kept for the score axis at the left of the chart, in points.
const Y_AXIS_WIDTH: f32 = 22.0;

/// Space between two date labels, in points.
const LABEL_GAP: f32 = 14.0;

/// The date axis of the chart, in days from the first assessment: its bounds, with room at
/// either end for a date label, and the days labelled, far enough apart for their labels.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DateAxis {
    /// The days at the left and right edges.
    bounds: (f64, f64),
    /// Days between two labels.
    step_days: i64,
    /// The last day, today or the latest assessment.
    last_day: i64,
}

impl DateAxis {
    /// The axis from `first` to `end` across the width `ui` has, with labels in `language`.
    fn new(
        ui: &egui::Ui,
        first: NaiveDate,
        end: NaiveDate,
        language: crate::i18n::Language,
    ) -> Self {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let widest = [first, end]
            .into_iter()
            .map(|date| {
                ui.painter()
                    .layout_no_wrap(
                        short_date(date, language),
                        font.clone(),
                        egui::Color32::WHITE,
                    )
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max);
        let width_points = ui.available_width() - Y_AXIS_WIDTH - 8.0;
        Self::fit(
            (end - first).num_days().max(0),
            f64::from(width_points),
            f64::from(widest),
        )
    }

    /// The axis over `last_day` days, `width_points` wide, for labels up to `label_points` wide.
    fn fit(last_day: i64, width_points: f64, label_points: f64) -> Self {
        // Half a label of room at either end, so that the first and last dates show whole.
        let margin_points = label_points / 2.0 + 4.0;
        let days = last_day.max(1) as f64;
        let points_per_day = ((width_points - 2.0 * margin_points) / days).max(0.1);
        let margin_days = margin_points / points_per_day;
        let wanted_days = (label_points + f64::from(LABEL_GAP)) / points_per_day;
        let step_days = [1, 2, 3, 7, 14, 21, 28, 42, 56, 91, 182, 365]
            .into_iter()
            .find(|&step| step as f64 >= wanted_days)
            .unwrap_or_else(|| (wanted_days / 365.0).ceil() as i64 * 365);
        Self {
            bounds: (-margin_days, last_day as f64 + margin_days),
            step_days,
            last_day,
        }
    }

    /// The labelled days: the first assessment's, then one every step.
    fn marks(self) -> Vec<egui_plot::GridMark> {
        let step_days = self.step_days.max(1);
        (0..=self.last_day / step_days)
            .map(|index| egui_plot::GridMark {
                value: (index * step_days) as f64,
                step_size: step_days as f64,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_are_spaced_for_their_width_and_fit_at_the_ends() {
        // Seven weeks across 300 points, labels 60 points wide.
        let axis = DateAxis::fit(49, 300.0, 60.0);
        let points_per_day = 300.0 / (axis.bounds.1 - axis.bounds.0);
        assert!(
            axis.step_days as f64 * points_per_day >= 60.0 + f64::from(LABEL_GAP),
            "labels apart: {axis:?}"
        );
        assert!(
            -axis.bounds.0 * points_per_day >= 30.0,
            "the first label fits at the left: {axis:?}"
        );
        assert!(
            (axis.bounds.1 - 49.0) * points_per_day >= 30.0,
            "and the last at the right: {axis:?}"
        );
        let marks = axis.marks();
        assert_eq!(
            marks.first().map(|mark| mark.value),
            Some(0.0),
            "from the first"
        );
        assert!(
            marks.iter().all(|mark| mark.value <= 49.0),
            "none after the last day: {marks:?}"
        );
        assert_eq!(
            DateAxis::fit(0, 300.0, 60.0).marks().len(),
            1,
            "one day, one label"
        );
    }
}
