//! `--first-frame`: say when the first frame was on screen, then close. The start-up benchmark
//! (`scripts/startup-bench`) times the window with it.

#![expect(
    clippy::print_stdout,
    reason = "the benchmark reads the time from standard output"
)]

use std::time::{SystemTime, UNIX_EPOCH};

/// Counts frames until the first one has been presented.
#[derive(Debug, Default)]
pub struct FirstFrame {
    frames: u32,
}

impl FirstFrame {
    /// Called at the start of every frame; returns true when the window may close. The second
    /// frame starts only after the first one was painted and presented, so that is when the
    /// wall-clock time is printed, as `first-frame <nanoseconds since 1970>`.
    pub fn frame(&mut self, ctx: &egui::Context) -> bool {
        self.frames += 1;
        if self.frames == 1 {
            ctx.request_repaint();
            return false;
        }
        if self.frames == 2 {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| since.as_nanos());
            println!("first-frame {nanos}");
        }
        true
    }
}
