//! The real window under `egui_kittest`, as the GUI tests drive it.

use std::sync::Arc;

use egui_kittest::Harness;
use milepost::ui::{App, Startup};

/// The window started with `startup`, `size` points large, frames a sixtieth of a second apart
/// (so that two clicks make a double-click), with the system's CJK fonts as eframe adds them.
pub fn build(startup: Startup, size: [f32; 2]) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(120)
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
            ));
        })
        .build_eframe(move |cc| App::new(cc, startup))
}
