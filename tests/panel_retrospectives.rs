//! The Retrospectives tab's list and trend chart on screen, driven through the real window:
//! the chart shows every retrospective (also one added after it was first drawn), writes its
//! dates as the interface does, and the satisfaction stars of the list are never cut off.
#![cfg(feature = "gui")]

mod window_harness;

use egui::Rect;
use egui_kittest::Harness;
use milepost::i18n::Language;
use milepost::model::Figures;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup, short_date};
use window_harness::{DrawnText, SIZE, click, started, startup, texts_drawn};

/// The sample in `language` with the Retrospectives tab in front.
fn retrospectives_tab(file: Option<&str>, language: Language, tab: &str) -> Harness<'static, App> {
    let mut harness = started(
        Startup {
            file: file.map(Into::into),
            ..startup(language, ThemeChoice::Light)
        },
        SIZE,
    );
    click(&mut harness, tab);
    harness
}

/// The points drawn for the on-time rate (filled circles): their centres and the rectangle of
/// the chart they are clipped to.
fn on_time_points(harness: &Harness<'static, App>) -> Vec<(egui::Pos2, Rect)> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Circle(circle) if (circle.radius - 4.0).abs() < 0.01 => {
                Some((circle.center, clipped.clip_rect))
            }
            _ => None,
        })
        .collect()
}

fn judged(figures: &Figures) -> bool {
    figures.milestones_on_time + figures.milestones_late > 0
}

#[test]
fn the_trend_chart_shows_a_retrospective_added_after_it_was_drawn() {
    let mut harness = retrospectives_tab(None, Language::English, "Retrospectives");
    click(&mut harness, "New retrospective");
    harness.run();
    let project = harness.state().project();
    assert_eq!(project.retrospectives.len(), 3, "a third retrospective");
    let expected = project
        .retrospectives
        .iter()
        .filter(|record| judged(&record.figures))
        .count();
    assert_eq!(expected, 3, "each has an on-time rate to draw");
    let points = on_time_points(&harness);
    assert_eq!(points.len(), expected, "one point each: {points:?}");
    for (centre, chart) in &points {
        assert!(
            chart.shrink(3.0).contains(*centre),
            "the point {centre:?} is inside the chart {chart:?}"
        );
    }
}

/// Whether a text run exactly `text` is drawn whole inside the side panel.
fn drawn_whole(texts: &[DrawnText], text: &str) -> bool {
    texts
        .iter()
        .any(|drawn| drawn.text == text && drawn.clip.contains_rect(drawn.rect))
}

#[test]
fn the_chart_writes_its_dates_as_the_interface_does() {
    for (file, language, tab) in [
        (None, Language::English, "Retrospectives"),
        (Some("assets/sample-zh.ron"), Language::Chinese, "复盘"),
    ] {
        let harness = retrospectives_tab(file, language, tab);
        let texts = texts_drawn(&harness);
        for record in &harness.state().project().retrospectives {
            let written = short_date(record.date, language);
            assert!(
                drawn_whole(&texts, &written),
                "the chart labels {} as {written:?}: {:?}",
                record.date,
                texts.iter().map(|drawn| &drawn.text).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn the_stars_of_a_long_title_are_not_cut_off() {
    let mut harness = retrospectives_tab(None, Language::English, "Retrospectives");
    let mut project = harness.state().project().clone();
    project.retrospectives[0].title =
        "Discovery phase, the workshops with sales and the audit of the legacy systems".to_owned();
    harness.state_mut().set_project(project);
    harness.run();
    click(&mut harness, "Retrospectives");
    let texts = texts_drawn(&harness);
    let stars: Vec<&DrawnText> = texts
        .iter()
        .filter(|drawn| drawn.text.contains('★') && drawn.text.chars().count() == 5)
        .collect();
    assert_eq!(stars.len(), 2, "both retrospectives are rated: {stars:?}");
    for rating in stars {
        assert!(
            rating.clip.contains_rect(rating.rect),
            "the stars show whole: {rating:?}"
        );
        for other in texts.iter().filter(|drawn| !drawn.text.contains('★')) {
            assert!(
                !other.rect.intersect(other.clip).intersects(rating.rect),
                "the stars {rating:?} are clear of {other:?}"
            );
        }
    }
}
