//! One picture: the timeline the window draws and the one the export writes come from one
//! painter. For the same view (the export's view of each project, and the window canvas's own
//! view with a selection, the critical path and a drag preview), the egui back-end and the SVG
//! back-end each record what they actually emitted (shapes, colours, text positions), and the
//! records must be equal.
#![cfg(feature = "gui")]

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use milepost::export::PictureOptions;
use milepost::export::svg;
use milepost::i18n::Language;
use milepost::model::{ItemId, ItemKind, Project};
use milepost::timeline::badges::RiskBadges;
use milepost::timeline::fonts::FontMeasure;
use milepost::timeline::paint::{Drawn, Layers, Prim, Role};
use milepost::ui::theme::Palette;
use milepost::ui::timeline::canvas::{self, CanvasInput, TimelineState};
use milepost::ui::timeline::paint_egui::EguiPainter;

fn sample(path: &str) -> Project {
    milepost::store::load_file(Path::new(path))
        .expect("the sample loads")
        .project
}

fn options(language: Language) -> PictureOptions {
    PictureOptions {
        language,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
        include_internal: true,
        ..PictureOptions::default()
    }
}

/// A context with the window's fonts: as the window does, Chinese falls back to a system CJK
/// font.
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.add_font_provider(std::sync::Arc::new(
        egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
    ));
    ctx
}

/// The input of one frame on a screen `width` × `height` points large.
fn frame_input(width: f32, height: f32) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, height),
        )),
        ..egui::RawInput::default()
    }
}

/// Runs one egui frame in which the window's back-end draws `layers`, and returns what it
/// emitted and, for every text run, the width egui laid it out at.
fn drawn_on_screen(layers: &Layers) -> (Vec<Drawn>, Vec<(String, f32, f32)>) {
    let ctx = context();
    let mut record = Vec::new();
    let mut widths = Vec::new();
    let input = frame_input(20_000.0, 20_000.0);
    let output = ctx.run_ui(input, |ui| {
        let painter = ui
            .ctx()
            .layer_painter(egui::LayerId::background())
            .with_clip_rect(egui::Rect::EVERYTHING);
        let mut back_end = EguiPainter::new(painter, &Palette::LIGHT, true);
        back_end.draw(&layers.background);
        back_end.draw(&layers.ghosts);
        back_end.draw(&layers.marks);
        back_end.draw(&layers.badges);
        back_end.draw(&layers.header);
        record = back_end.into_record();
        widths = layers
            .all()
            .filter_map(|prim| match prim {
                Prim::Text {
                    text,
                    font_size,
                    size,
                    ..
                } => {
                    let laid_out = ui.fonts_mut(|fonts| {
                        fonts
                            .layout_no_wrap(
                                text.clone(),
                                egui::FontId::proportional(*font_size),
                                egui::Color32::BLACK,
                            )
                            .size()
                            .x
                    });
                    Some((text.clone(), size.0, laid_out))
                }
                _ => None,
            })
            .collect();
    });
    output.drop_without_applying_deltas();
    (record, widths)
}

/// The projects the pictures are compared for.
fn projects() -> Vec<(String, Project, Language)> {
    vec![
        (
            "assets/sample.ron".to_owned(),
            sample("assets/sample.ron"),
            Language::English,
        ),
        (
            "assets/sample-zh.ron".to_owned(),
            sample("assets/sample-zh.ron"),
            Language::Chinese,
        ),
        (
            "generated".to_owned(),
            milepost::cli::generate::project(300, 7),
            Language::English,
        ),
    ]
}

#[test]
fn the_screen_and_the_svg_draw_the_same_primitives() {
    for (name, project, language) in projects() {
        let (picture, layers, written) =
            svg::recorded(&project, &options(language)).expect("a picture");
        let (drawn, _) = drawn_on_screen(&layers);
        assert!(
            written.len() > 50,
            "{name}: the picture draws something ({} primitives)",
            written.len()
        );
        assert_eq!(
            written.len(),
            layers.all().count(),
            "{name}: the SVG wrote every primitive once"
        );
        for (index, (on_screen, in_svg)) in drawn.iter().zip(&written).enumerate() {
            assert_eq!(on_screen, in_svg, "{name}: primitive {index} differs");
        }
        assert_eq!(
            drawn.len(),
            written.len(),
            "{name}: as many primitives on screen as in the SVG"
        );
        // Every name drawn is written, at the same place.
        let texts = |record: &[Drawn]| {
            record
                .iter()
                .filter(|drawn| drawn.kind == "text")
                .map(|drawn| (drawn.text.clone(), drawn.coords.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&drawn), texts(&written), "{name}: same labels");
        let item_names: Vec<_> = project.items.iter().map(|item| item.name.clone()).collect();
        assert!(
            texts(&written)
                .iter()
                .any(|(text, _)| item_names.contains(text)),
            "{name}: item names are among them"
        );
        assert!(picture.to_svg().contains("<text"), "{name}: text is text");
    }
}

#[test]
fn text_is_measured_as_the_window_lays_it_out() {
    for (name, project, language) in projects() {
        let (_, layers, _) = svg::recorded(&project, &options(language)).expect("a picture");
        let (_, widths) = drawn_on_screen(&layers);
        assert!(!widths.is_empty(), "{name}: there is text");
        for (text, measured, laid_out) in widths {
            // The measurer reads the same advances and pair kerning as egui's shaper; what is
            // left is float rounding on egui's 1/32-point grid.
            assert!(
                (measured - laid_out).abs() <= 0.04,
                "{name}: '{text}' measures {measured} but egui lays it out at {laid_out}"
            );
        }
        assert!(
            FontMeasure::width("Go-live", 13.0) > 30.0,
            "{name}: the measurer has a font"
        );
    }
}

/// What the window's canvas painted for `project` with a selection, the critical path and a
/// drag preview shown, after it has fitted the project into a 1400 × 900 window.
fn painted_by_the_canvas(project: &Project, language: Language) -> Layers {
    let tasks: Vec<_> = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Task)
        .collect();
    let selection: HashSet<ItemId> = tasks.iter().take(2).map(|item| item.id).collect();
    let critical: HashSet<ItemId> = tasks
        .iter()
        .skip(2)
        .step_by(3)
        .map(|item| item.id)
        .collect();
    let preview: HashMap<ItemId, (NaiveDate, NaiveDate)> = tasks
        .iter()
        .skip(2)
        .take(1)
        .map(|item| {
            let later = |date: NaiveDate| date + chrono::Days::new(3);
            (item.id, (later(item.start), later(item.finish)))
        })
        .collect();
    let badges = RiskBadges::new(project);
    let input = CanvasInput {
        project,
        revision: 1,
        selection: &selection,
        selected_link: None,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
        language,
        palette: &Palette::LIGHT,
        critical: Some(&critical),
        preview: Some(&preview),
        impact: None,
        floats: None,
        baseline: project.baselines.first(),
        risk_badges: Some(&badges),
        covered: false,
    };
    let mut state = TimelineState::default();
    let ctx = context();
    let mut layers = Layers::default();
    // The first frame fits the project into view; the second draws it there.
    for _ in 0..2 {
        let input_frame = frame_input(1400.0, 900.0);
        let output = ctx.run_ui(input_frame, |ui| {
            layers = canvas::canvas_ui(ui, &mut state, &input).layers;
        });
        output.drop_without_applying_deltas();
    }
    layers
}

#[test]
fn what_the_window_paints_the_svg_back_end_writes_the_same() {
    for (name, project, language) in projects() {
        let layers = painted_by_the_canvas(&project, language);
        let roles: HashSet<Role> = layers
            .all()
            .filter_map(|prim| match prim {
                Prim::Rect {
                    stroke: Some((line, _)),
                    ..
                } => Some(line.paint.role),
                Prim::Rect {
                    fill: Some(fill), ..
                }
                | Prim::Circle { fill, .. } => Some(fill.role),
                _ => None,
            })
            .collect();
        let mut expected = vec![
            Role::Selection,
            Role::Critical,
            Role::TaskMoved,
            Role::TaskFill,
        ];
        // The samples' first baseline has items that moved since (the generated project's has
        // none).
        if name.starts_with("assets/") {
            expected.extend([Role::GhostFill, Role::RiskHigh]);
        }
        for role in expected {
            assert!(
                roles.contains(&role),
                "{name}: the window's view draws {role:?}"
            );
        }
        let (drawn, _) = drawn_on_screen(&layers);
        let (svg, written) = svg::write_layers(&layers);
        assert!(svg.contains("<text"), "{name}: names are written");
        assert_eq!(
            drawn.len(),
            written.len(),
            "{name}: as many primitives on screen as in the SVG"
        );
        for (index, (on_screen, in_svg)) in drawn.iter().zip(&written).enumerate() {
            assert_eq!(on_screen, in_svg, "{name}: primitive {index} differs");
        }
    }
}
