//! Cost of one whole window frame (egui pass plus tessellation, no GPU) on generated projects
//! scrolled to the middle: `cargo bench --bench frame`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::App as _;
use milepost::cli::generate;
use milepost::i18n::Language;
use milepost::ui::theme::ROW_HEIGHT;
use milepost::ui::{App, Startup};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 860.0),
        )),
        ..Default::default()
    }
}

fn frame_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for items in [1_000usize, 10_000, 100_000] {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let mut app = App::new(
            &cc,
            Startup {
                language: Some(Language::English),
                ..Startup::default()
            },
        );
        app.set_project(generate::project(items, 1));
        let mut frame = eframe::Frame::_new_kittest();
        // Two frames to fit the view and load fonts, then scroll to the middle.
        for _ in 0..2 {
            black_box(ctx.run_ui(input(), |ui| app.ui(ui, &mut frame)));
        }
        app.timeline_mut().scroll_y = items as f32 / 2.0 * ROW_HEIGHT;
        group.bench_function(BenchmarkId::new("items", items), |b| {
            b.iter(|| {
                let output = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
