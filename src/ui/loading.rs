//! Opening a large file on a thread of its own, with a progress card, so the window never
//! freezes.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use egui::RichText;

use crate::store::{self, DiskStamp, Loaded, StoreError};
use crate::tr;

use super::theme::Palette;

/// What loading in the background yields.
pub type Outcome = Result<(Loaded, DiskStamp), StoreError>;

/// How long a file opened at start-up may take before the progress card shows: a small file is
/// there before anyone could read the card.
const QUIET_AT_START: Duration = Duration::from_millis(400);

/// A file being read and checked on another thread.
pub struct Loading {
    /// The file.
    pub path: PathBuf,
    size: u64,
    started: Instant,
    receiver: Receiver<Outcome>,
    /// Opened as the window starts: nothing of another project is shown meanwhile, and the card
    /// only after [`QUIET_AT_START`].
    pub at_start: bool,
}

impl Loading {
    /// Starts reading `path` (of `size` bytes) on another thread.
    pub fn start(path: &Path, size: u64) -> Self {
        let (sender, receiver) = channel();
        let owned = path.to_owned();
        let spawned = std::thread::Builder::new()
            .name("open file".to_owned())
            .spawn({
                let sender = sender.clone();
                move || {
                    // If the window closed meanwhile, nobody is waiting for the project.
                    sender.send(store::load_file_stamped(&owned)).unwrap_or(());
                }
            });
        if let Err(error) = spawned {
            let failure = StoreError::Io {
                action: store::IoAction::Read,
                path: path.to_owned(),
                source: error,
            };
            sender.send(Err(failure)).unwrap_or(());
        }
        Self {
            path: path.to_owned(),
            size,
            started: Instant::now(),
            receiver,
            at_start: false,
        }
    }

    /// Starts reading the file the window opens with, so that the first frame does not wait
    /// for it.
    pub fn start_at_launch(path: &Path) -> Self {
        let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
        Self {
            at_start: true,
            ..Self::start(path, size)
        }
    }

    /// Shows the progress card; returns the outcome once the thread is done.
    pub fn ui(&self, ctx: &egui::Context, palette: &Palette) -> Option<Outcome> {
        if let Ok(outcome) = self.receiver.try_recv() {
            return Some(outcome);
        }
        if self.at_start && self.started.elapsed() < QUIET_AT_START {
            ctx.request_repaint_after(Duration::from_millis(5));
            return None;
        }
        egui::Modal::new(egui::Id::unique("loading_dialog")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(
                    RichText::new(tr!(
                        "loading.title",
                        name = self
                            .path
                            .file_name()
                            .map(|name| name.to_string_lossy())
                            .unwrap_or_default()
                            .as_ref()
                    ))
                    .strong(),
                );
            });
            ui.label(
                RichText::new(tr!(
                    "loading.detail",
                    megabytes = format!("{:.1}", self.size as f64 / 1_048_576.0),
                    seconds = format!("{:.1}", self.started.elapsed().as_secs_f64())
                ))
                .color(palette.text_muted),
            );
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
        None
    }
}
