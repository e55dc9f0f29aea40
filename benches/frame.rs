//! Cost of one whole window frame (egui pass plus tessellation, no GPU) on generated projects
//! scrolled to the middle, and of one frame of a drag: `cargo bench --bench frame`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::App as _;
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, vec2};
use milepost::cli::generate;
use milepost::i18n::Language;
use milepost::ui::theme::ROW_HEIGHT;
use milepost::ui::{App, Startup};

/// A window of `items` generated items, its context, and a frame counter for the input time.
struct Window {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    fn new(items: usize) -> Self {
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
        let mut window = Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        // Two frames to fit the view and load fonts, then scroll to the middle.
        window.frame(Vec::new());
        window.frame(Vec::new());
        window.app.timeline_mut().scroll_y = items as f32 / 2.0 * ROW_HEIGHT;
        window.frame(Vec::new());
        window
    }

    /// Runs one frame with `events` and tessellates what it drew.
    fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0))),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let Self {
            ctx, app, frame, ..
        } = self;
        let output = ctx.run_ui(input, |ui| app.ui(ui, frame));
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    }
}

fn press(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn frame_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for items in [1_000usize, 10_000, 100_000] {
        let mut window = Window::new(items);
        group.bench_function(BenchmarkId::new("items", items), |b| {
            b.iter(|| window.frame(Vec::new()));
        });
    }

    // A drag in progress on 10,000 items: each frame the pointer moves a day, so the preview of
    // what moves and the impact card are computed and drawn anew.
    let mut window = Window::new(10_000);
    let item = window.app.items_on_screen().into_iter().find(|id| {
        window
            .app
            .item_on_screen(*id)
            .is_some_and(|(left, right)| right.x - left.x > 12.0)
    });
    let Some((left, right)) = item.and_then(|id| window.app.item_on_screen(id)) else {
        panic!("no bar on screen to drag");
    };
    let grip = Pos2::new(left.x.midpoint(right.x), left.y);
    window.frame(vec![Event::PointerMoved(grip)]);
    window.frame(vec![press(grip, true)]);
    window.frame(vec![Event::PointerMoved(grip + vec2(12.0, 0.0))]);
    let day = (right.x - left.x).max(4.0) / 4.0;
    window.frame(vec![Event::PointerMoved(
        grip + vec2(12.0 + 2.0 * day, 0.0),
    )]);
    assert!(
        window.app.previewed_moves().is_some(),
        "the drag shows a preview"
    );
    let mut step = 0u32;
    group.bench_function(BenchmarkId::new("drag_step", 10_000), |b| {
        b.iter(|| {
            step += 1;
            let offset = 12.0 + day * f32::from(u8::try_from(step % 6).unwrap_or(0));
            window.frame(vec![Event::PointerMoved(grip + vec2(offset, 0.0))]);
        });
    });
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
