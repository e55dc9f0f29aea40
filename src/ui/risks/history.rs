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
    Plot::new(("risk_history", risk.id.0))
        .height(120.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
        .grid_color(palette.grid)
        .default_x_bounds(-3.0, day(end) + 3.0)
        .default_y_bounds(0.0, 26.0)
        .y_axis_min_width(22.0)
        .x_axis_formatter(move |mark, _range| {
            if (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            date_of(mark.value).map_or_else(String::new, |date| short_date(date, language))
        })
        .y_axis_formatter(|mark, _range| format!("{}", mark.value.round() as i64))
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
