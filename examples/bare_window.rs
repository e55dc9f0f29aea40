//! The yardstick of the start-up benchmark: an eframe window of Milepost's size with one label,
//! built from the same workspace and dependencies. Like `milepost --first-frame`, it prints
//! `first-frame <nanoseconds since 1970>` once its first frame is on screen, then closes.

#![expect(
    clippy::print_stdout,
    reason = "the benchmark reads the time from standard output"
)]

use std::time::{SystemTime, UNIX_EPOCH};

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare window")
            .with_inner_size([1500.0, 920.0]),
        ..Default::default()
    };
    eframe::run_ui_native("bare window", options, {
        let mut frames = 0_u32;
        move |ui, _frame| {
            frames += 1;
            ui.label("A bare eframe window");
            if frames == 1 {
                ui.ctx().request_repaint();
            } else if frames == 2 {
                let nanos = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |since| since.as_nanos());
                println!("first-frame {nanos}");
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    })
}
