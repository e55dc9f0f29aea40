//! The milestone trend window's chart: each milestone's date as it stood in every baseline,
//! drawn with `egui_plot` on a date axis.

use chrono::{Datelike as _, NaiveDate};
use egui::{Color32, RichText};
use egui_plot::{GridInput, GridMark, Line, LineStyle, MarkerShape, Plot, Points};

use crate::i18n::Language;
use crate::report::trend;
use crate::tr;

use super::super::panels::PanelInput;
use super::super::theme::Palette;
use super::full_date;

/// Days since the common era, the plot's unit on both axes.
pub(super) fn days(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

pub(super) fn date_of(days: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.round() as i32)
}

/// Grid marks on the first of each month, and when the span is short enough on the Mondays not
/// within three days of a month's first (their labels would collide).
pub(super) fn date_marks(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let (Some(first), Some(last)) = (date_of(low), date_of(high)) else {
        return Vec::new();
    };
    let span = (last - first).num_days();
    if span > 3660 || span <= 0 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    let weekly = span <= 120;
    for day in first.iter_days().take_while(|day| *day <= last) {
        if day.day() == 1 {
            marks.push(GridMark {
                value: days(day),
                step_size: 30.0,
            });
        } else if weekly
            && day.weekday() == chrono::Weekday::Mon
            && day.day() > 3
            && (day + chrono::Days::new(3)).month() == day.month()
        {
            marks.push(GridMark {
                value: days(day),
                step_size: 7.0,
            });
        }
    }
    marks
}

/// A distinct colour for the `index`th line, spread around the colour wheel.
fn line_colour(index: usize, dark: bool) -> Color32 {
    let hue = (index as f32 * (std::f32::consts::GOLDEN_RATIO - 1.0)).fract();
    let value = if dark { 0.9 } else { 0.72 };
    egui::ecolor::Hsva::new(hue, 0.8, value, 1.0).into()
}

/// An axis label: the month on the first of a month, else the day.
fn axis_date(date: NaiveDate, language: Language) -> String {
    let style = if date.day() == 1 {
        crate::i18n::DateStyle::MonthYear
    } else {
        crate::i18n::DateStyle::Short
    };
    crate::i18n::format_date(date, style, language)
}

/// The milestone trend window's content: the explanation, a legend with each milestone's date
/// now and its drift, and the chart.
pub(super) fn trend_ui(ui: &mut egui::Ui, input: &PanelInput<'_>, lines: &[trend::TrendLine]) {
    let palette = input.palette;
    let language = input.language;
    ui.label(RichText::new(tr!("baselines.trend_hint")).color(palette.text_muted));
    if lines.is_empty() {
        ui.label(tr!("baselines.trend_empty"));
        return;
    }
    let dark = ui.visuals().dark_mode;
    ui.add_space(4.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(250.0);
            legend_ui(ui, lines, language, palette, dark);
        });
        chart_ui(ui, input, lines, dark);
    });
}

fn legend_ui(
    ui: &mut egui::Ui,
    lines: &[trend::TrendLine],
    language: Language,
    palette: &Palette,
    dark: bool,
) {
    ui.spacing_mut().item_spacing.y = 2.0;
    for (index, line) in lines.iter().enumerate() {
        let colour = line_colour(index, dark);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            ui.label(RichText::new("◆").color(colour));
            ui.add(egui::Label::new(&line.name).truncate());
        });
        let now = line
            .points
            .last()
            .map(|&(_, date)| super::super::short_date(date, language))
            .unwrap_or_default();
        let drift = line.drift_days();
        let (text, colour) = match drift.cmp(&0) {
            std::cmp::Ordering::Greater if drift == 1 => {
                (tr!("baselines.trend_later_one", date = now), palette.danger)
            }
            std::cmp::Ordering::Greater => (
                tr!("baselines.trend_later", date = now, days = drift),
                palette.danger,
            ),
            std::cmp::Ordering::Less if drift == -1 => {
                (tr!("baselines.trend_earlier_one", date = now), palette.good)
            }
            std::cmp::Ordering::Less => (
                tr!("baselines.trend_earlier", date = now, days = -drift),
                palette.good,
            ),
            std::cmp::Ordering::Equal => (
                tr!("baselines.trend_stable", date = now),
                palette.text_muted,
            ),
        };
        ui.horizontal(|ui| {
            ui.add_space(20.0);
            ui.label(RichText::new(text).color(colour).small());
        });
        ui.add_space(4.0);
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("╱  {}", tr!("baselines.trend_diagonal")))
            .color(palette.text_muted)
            .small(),
    );
    ui.label(
        RichText::new(format!("┆  {}", tr!("baselines.today")))
            .color(palette.today)
            .small(),
    );
}

fn chart_ui(ui: &mut egui::Ui, input: &PanelInput<'_>, lines: &[trend::TrendLine], dark: bool) {
    let project = input.project;
    let palette = input.palette;
    let language = input.language;
    let reports = trend::report_dates(project, input.today);
    let (Some(&first_report), Some(&last_report)) = (reports.iter().min(), reports.iter().max())
    else {
        return;
    };
    let mut low = first_report;
    let mut high = first_report;
    for line in lines {
        for &(_, date) in &line.points {
            low = low.min(date);
            high = high.max(date);
        }
    }
    let axis =
        move |value: f64| date_of(value).map_or_else(String::new, |date| axis_date(date, language));
    let full =
        move |value: f64| date_of(value).map_or_else(String::new, |date| full_date(date, language));
    let (x_min, x_max) = (days(first_report) - 6.0, days(last_report) + 6.0);
    let (y_min, y_max) = (days(low) - 8.0, days(high) + 8.0);
    Plot::new("milestone_trend")
        .x_axis_label(tr!("baselines.trend_x"))
        .y_axis_label(tr!("baselines.trend_y"))
        .x_axis_formatter(move |mark, _| axis(mark.value))
        .y_axis_formatter(move |mark, _| axis(mark.value))
        .x_grid_spacer(|input| date_marks(&input))
        .y_grid_spacer(|input| date_marks(&input))
        .y_axis_min_width(78.0)
        .default_x_bounds(x_min, x_max)
        .default_y_bounds(y_min, y_max)
        .label_formatter(move |hover| {
            Some(match hover {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => format!("{plot_name}\n{} → {}", full(position.x), full(position.y)),
                egui_plot::HoverPosition::Elsewhere { position } => {
                    format!("{} → {}", full(position.x), full(position.y))
                }
            })
        })
        .allow_scroll(false)
        .show(ui, |plot| {
            // The diagonal: a milestone on it is due on the report date.
            let (from, to) = (x_min.min(y_min) - 400.0, x_max.max(y_max) + 400.0);
            plot.line(
                Line::new(
                    tr!("baselines.trend_diagonal"),
                    vec![[from, from], [to, to]],
                )
                .color(palette.text_muted)
                .style(LineStyle::dashed_loose())
                .width(1.0)
                .allow_hover(false),
            );
            plot.add(
                egui_plot::VLine::new(tr!("baselines.today"), days(input.today))
                    .color(palette.today)
                    .width(1.0)
                    .style(LineStyle::dotted_dense())
                    .allow_hover(false),
            );
            for (index, line) in lines.iter().enumerate() {
                let colour = line_colour(index, dark);
                let points: Vec<[f64; 2]> = line
                    .points
                    .iter()
                    .map(|&(report, date)| [days(report), days(date)])
                    .collect();
                plot.line(
                    Line::new(line.name.clone(), points.clone())
                        .id(("trend_line", line.item.0))
                        .color(colour)
                        .width(2.0),
                );
                plot.add(
                    Points::new(line.name.clone(), points)
                        .id(("trend_points", line.item.0))
                        .color(colour)
                        .shape(MarkerShape::Diamond)
                        .filled(true)
                        .radius(5.0),
                );
            }
        });
}
