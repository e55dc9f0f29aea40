//! File dialogs on a thread of their own, so the window keeps drawing while one is open.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// A dialog that answers "cancelled" sooner than this was never shown: rfd returns at once
/// when there is neither a desktop portal nor zenity to show one.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// Whether a dialog that gave no file after `elapsed` could not be shown at all (nobody
/// cancels a dialog that fast).
fn could_not_show(elapsed: Duration, path: Option<&PathBuf>) -> bool {
    path.is_none() && elapsed < NO_DIALOG_WITHIN
}

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a project.
    Open,
    /// Save the project under a new name.
    SaveAs,
    /// Save the minutes of a meeting as Markdown.
    SaveMinutes,
    /// Export the timeline as an SVG picture.
    ExportSvg,
    /// Export the timeline as a PDF page.
    ExportPdf,
    /// Export the timeline as a PNG image.
    ExportPng,
    /// Choose a CSV file to import.
    ImportCsv,
    /// Choose where to write an export.
    ExportData {
        /// What is exported.
        format: super::data_files::DataExport,
        /// Whether internal items go too.
        include_internal: bool,
    },
}

impl Purpose {
    /// The file name extensions the dialog offers.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open | Self::SaveAs => &["ron"],
            Self::ExportSvg => &["svg"],
            Self::ExportPdf => &["pdf"],
            Self::ExportPng => &["png"],
            Self::SaveMinutes => &["md"],
            Self::ImportCsv => &["csv", "txt"],
            Self::ExportData { format, .. } => format.extensions(),
        }
    }
}

/// The answer of a dialog: the purpose and the chosen path, or `None` when cancelled.
pub type Choice = (Purpose, Option<PathBuf>);

/// A dialog that may be open, and the channel its answer comes back on.
pub struct FileDialogs {
    sender: Sender<(Choice, bool)>,
    receiver: Receiver<(Choice, bool)>,
    open: bool,
    /// The last dialog could not be shown (no portal, no zenity, no thread).
    failed: bool,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            open: false,
            failed: false,
        }
    }
}

impl FileDialogs {
    /// Whether a dialog is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows a dialog for `purpose` on another thread; its answer arrives through [`Self::poll`].
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        filter_name: &str,
        file_name: &str,
    ) {
        if self.open {
            return;
        }
        self.open = true;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let filter_name = filter_name.to_owned();
        let file_name = file_name.to_owned();
        let spawned = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let shown = Instant::now();
                let dialog = rfd::FileDialog::new().add_filter(filter_name, purpose.extensions());
                let path = match purpose {
                    Purpose::Open | Purpose::ImportCsv => dialog.pick_file(),
                    Purpose::SaveAs
                    | Purpose::ExportSvg
                    | Purpose::ExportPdf
                    | Purpose::ExportPng
                    | Purpose::SaveMinutes
                    | Purpose::ExportData { .. } => dialog.set_file_name(file_name).save_file(),
                };
                // The window may have closed meanwhile; then nobody needs the answer.
                let failed = could_not_show(shown.elapsed(), path.as_ref());
                if sender.send(((purpose, path), failed)).is_ok() {
                    ctx.request_repaint();
                }
            });
        if spawned.is_err() {
            self.open = false;
            self.failed = true;
        }
    }

    /// The answer of the dialog, once it has been given.
    pub fn poll(&mut self) -> Option<Choice> {
        let (choice, failed) = self.receiver.try_recv().ok()?;
        self.open = false;
        self.failed |= failed;
        Some(choice)
    }

    /// Whether a dialog could not be shown since last asked; asked once.
    pub fn take_failed(&mut self) -> bool {
        std::mem::take(&mut self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_cancelled_at_once_was_never_shown() {
        let fast = Duration::from_millis(5);
        let slow = Duration::from_secs(3);
        assert!(could_not_show(fast, None), "no portal, no zenity");
        assert!(!could_not_show(slow, None), "the user cancelled");
        let path = PathBuf::from("plan.ron");
        assert!(!could_not_show(fast, Some(&path)), "a file was given");
    }
}
