//! The chart of the Retrospectives tab: the on-time rate and the satisfaction from one
//! retrospective to the next.

use egui::RichText;
use egui_plot::{AxisHints, GridMark, HPlacement, Line, Plot, PlotPoints, Points, VLine};

use crate::i18n::Language;
use crate::model::{Retrospective, RetrospectiveId};
use crate::tr;

use super::super::short_date;
use super::super::theme::Palette;
use super::on_time_percent;

/// The on-time rate and the satisfaction across retrospectives, in date order; dates as the
/// list above writes them.
pub(super) fn chart_ui(
    ui: &mut egui::Ui,
    ordered: &[&Retrospective],
    selected: Option<RetrospectiveId>,
    palette: &Palette,
    language: Language,
) {
    let on_time_colour = palette.task;
    let satisfaction_colour = palette.warning;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("retro.chart")).strong());
        ui.label(RichText::new(format!("● {}", tr!("retro.chart.on_time"))).color(on_time_colour));
        ui.label(
            RichText::new(format!("● {}", tr!("retro.chart.satisfaction")))
                .color(satisfaction_colour),
        );
    });
    let on_time: Vec<[f64; 2]> = ordered
        .iter()
        .enumerate()
        .filter_map(|(index, record)| {
            on_time_percent(&record.figures).map(|percent| [index as f64 + 1.0, percent])
        })
        .collect();
    // Satisfaction 1..=5 drawn on the same 0..=100 scale: 1 at the bottom, 5 at the top.
    let satisfaction: Vec<[f64; 2]> = ordered
        .iter()
        .enumerate()
        .filter_map(|(index, record)| {
            record
                .satisfaction
                .map(|score| [index as f64 + 1.0, f64::from(score.clamp(1, 5) - 1) * 25.0])
        })
        .collect();
    let dates: Vec<String> = ordered
        .iter()
        .map(|record| short_date(record.date, language))
        .collect();
    let selected_x = selected
        .and_then(|id| ordered.iter().position(|record| record.id == id))
        .map(|index| index as f64 + 1.0);
    let last = ordered.len() as f64;
    let grid_colour = palette.grid_strong;
    Plot::new("retrospective_trend")
        .height(150.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
        .x_grid_spacer(move |input| {
            let (min, max) = input.bounds;
            (min.ceil() as i64..=max.floor() as i64)
                .map(|value| GridMark {
                    value: value as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(|_| {
            [0.0, 25.0, 50.0, 75.0, 100.0]
                .into_iter()
                .map(|value| GridMark {
                    value,
                    step_size: 25.0,
                })
                .collect()
        })
        .custom_x_axes(vec![AxisHints::new_x().formatter(move |mark, _| {
            // Retrospective n is drawn at x = n (from 1), off the plot's axis line at 0.
            let position = mark.value.round();
            if (mark.value - position).abs() > 0.01 || position < 1.0 {
                return String::new();
            }
            dates
                .get(position as usize - 1)
                .cloned()
                .unwrap_or_default()
        })])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .formatter(|mark, _| format!("{:.0}%", mark.value))
                .tick_label_color(on_time_colour),
            AxisHints::new_y()
                .placement(HPlacement::Right)
                .formatter(|mark, _| format!("{:.0}", mark.value / 25.0 + 1.0))
                .tick_label_color(satisfaction_colour),
        ])
        .show(ui, |plot| {
            // Set each frame: the plot would otherwise keep the bounds of its first frame and
            // leave out a retrospective added later.
            plot.set_plot_bounds_x(0.6..=last + 0.4);
            plot.set_plot_bounds_y(-8.0..=108.0);
            if let Some(x) = selected_x {
                plot.vline(VLine::new("", x).color(grid_colour).width(1.0));
            }
            plot.line(
                Line::new(tr!("retro.chart.on_time"), PlotPoints::new(on_time.clone()))
                    .color(on_time_colour)
                    .width(2.0),
            );
            plot.points(
                Points::new(tr!("retro.chart.on_time"), PlotPoints::new(on_time))
                    .color(on_time_colour)
                    .radius(4.0),
            );
            plot.line(
                Line::new(
                    tr!("retro.chart.satisfaction"),
                    PlotPoints::new(satisfaction.clone()),
                )
                .color(satisfaction_colour)
                .width(2.0),
            );
            plot.points(
                Points::new(
                    tr!("retro.chart.satisfaction"),
                    PlotPoints::new(satisfaction),
                )
                .color(satisfaction_colour)
                .radius(4.0)
                .shape(egui_plot::MarkerShape::Diamond),
            );
        });
}
