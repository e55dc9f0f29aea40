//! `--screenshot OUT.png`: render a few frames of the real window, save a PNG, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What became of the screenshot: `None` while pending.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

/// Frames drawn before the picture is taken, so that fonts and layout have settled.
const SETTLE_FRAMES: u32 = 12;

/// The plan of taking one screenshot.
pub struct Screenshot {
    path: PathBuf,
    frames_left: u32,
    requested: bool,
    outcome: Outcome,
}

impl Screenshot {
    /// Plans a screenshot to `path`, reporting into `outcome`.
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Self {
            path,
            frames_left: SETTLE_FRAMES,
            requested: false,
            outcome,
        }
    }

    /// Advances by one frame; returns true when the window may close.
    pub fn frame(&mut self, ctx: &egui::Context) -> bool {
        if self.frames_left > 0 {
            self.frames_left -= 1;
            ctx.request_repaint();
            return false;
        }
        if !self.requested {
            self.requested = true;
            let path = self.path.clone();
            let outcome = Arc::clone(&self.outcome);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = save_png(&image, &path);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                repaint.request_repaint();
            });
            ctx.request_repaint();
            return false;
        }
        ctx.request_repaint();
        self.outcome.lock().map_or(true, |slot| slot.is_some())
    }
}

/// Writes `image` as an opaque PNG.
fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let mut bytes = Vec::with_capacity(width * height * 4);
    for pixel in &image.pixels {
        let [r, g, b, _] = pixel.to_array();
        bytes.extend_from_slice(&[r, g, b, 255]);
    }
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, bytes)
        .ok_or_else(|| "the screenshot has an unexpected size".to_owned())?;
    buffer
        .save(path)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}
