//! Never losing work in the window: recovery copies written in the background while there are
//! unsaved changes, the offer to restore them, the question asked before saving over a file
//! that changed on disk or is read-only, and the offer to open the backup of a damaged file.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use egui::RichText;

use crate::model::Project;
use crate::store::{self, DiskStamp, RecoveryFolder};
use crate::tr;

use super::dialogs::Dialog;
use super::session::Opened;
use super::theme::Palette;
use super::{App, Command};

/// How often a recovery copy is written while there are unsaved changes.
pub const RECOVERY_INTERVAL: Duration = Duration::from_mins(1);

/// The state behind recovery copies and conflict detection.
pub struct Safety {
    folder: Option<RecoveryFolder>,
    /// The file as it was when opened or last saved.
    stamp: Option<DiskStamp>,
    /// The project was restored from a recovery copy and not saved since.
    pub restored: bool,
    /// When the last recovery copy was started, and of which revision.
    last_copy: Option<(Instant, u64)>,
    /// Errors from the background writer.
    errors: (Sender<String>, Receiver<String>),
}

impl Safety {
    /// Recovery copies in `folder`, or none.
    pub fn new(folder: Option<RecoveryFolder>) -> Self {
        Self {
            folder,
            stamp: None,
            restored: false,
            last_copy: None,
            errors: channel(),
        }
    }

    /// A document was opened (or a new one started) with this stamp.
    pub fn opened(&mut self, stamp: Option<DiskStamp>) {
        self.stamp = stamp;
        self.restored = false;
        self.last_copy = None;
    }

    /// The project was saved to `path` (it was `before`): its recovery copies are obsolete.
    pub fn saved(&mut self, stamp: DiskStamp, before: Option<&Path>, path: &Path) {
        self.stamp = Some(stamp);
        self.restored = false;
        self.last_copy = None;
        if let Some(folder) = &self.folder {
            for document in [before, Some(path)] {
                if let Err(error) = folder.discard(document) {
                    self.report(error.to_string());
                }
            }
        }
    }

    /// Whether the file at `path` is no longer what was opened or saved.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        self.stamp.is_some_and(|stamp| !stamp.matches_disk(path))
    }

    /// Writes a recovery copy now, on this thread (the window is closing).
    pub fn write_now(&mut self, project: &Project, document: Option<&Path>) {
        if let Some(folder) = &self.folder
            && let Err(error) = folder.write(project, document)
        {
            self.report(error.to_string());
        }
    }

    fn report(&self, message: String) {
        // Both ends live in `self`, so the send cannot fail.
        self.errors.0.send(message).unwrap_or(());
    }
}

impl App {
    /// Offers the recovery copies left by an earlier run, if there are any.
    pub(super) fn offer_recovery(&mut self) {
        let Some(folder) = &self.session.safety.folder else {
            return;
        };
        let copies = folder.list();
        if !copies.is_empty() && self.dialog.is_none() {
            self.dialog = Some(Dialog::Recover { copies });
        }
    }

    /// Writes a recovery copy in the background when there are unsaved changes and the last
    /// copy is older than [`RECOVERY_INTERVAL`].
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        while let Ok(error) = self.session.safety.errors.1.try_recv() {
            self.status = Some(tr!("status.recovery_failed", error = error.as_str()).into_owned());
        }
        if !self.is_modified() {
            return;
        }
        let Some(folder) = self.session.safety.folder.clone() else {
            return;
        };
        let revision = self.session.history.revision();
        let due = match self.session.safety.last_copy {
            None => true,
            Some((when, copied)) => copied != revision && when.elapsed() >= RECOVERY_INTERVAL,
        };
        if !due {
            ctx.request_repaint_after(RECOVERY_INTERVAL);
            return;
        }
        self.session.safety.last_copy = Some((Instant::now(), revision));
        let project = self.session.history.project().clone();
        let document = self.path().map(Path::to_owned);
        let errors = self.session.safety.errors.0.clone();
        let spawned = std::thread::Builder::new()
            .name("recovery copy".to_owned())
            .spawn(move || {
                if let Err(error) = folder.write(&project, document.as_deref()) {
                    // The window reads this on its next frame; if it has closed, nobody needs it.
                    errors.send(error.to_string()).unwrap_or(());
                }
            });
        if let Err(error) = spawned {
            self.status = Some(
                tr!("status.recovery_failed", error = error.to_string().as_str()).into_owned(),
            );
        }
        ctx.request_repaint_after(RECOVERY_INTERVAL);
    }

    /// Opens a recovery copy as the current project, unsaved, attached to its document.
    pub(super) fn restore(&mut self, copy: &store::Recovery) {
        match store::load_file(&copy.file) {
            Ok(loaded) => {
                let opened = Opened::Restored {
                    document: copy.document.clone(),
                };
                self.replace_project(loaded.project, opened);
                self.status = Some(tr!("status.restored").into_owned());
            }
            Err(error) => {
                let message = format!(
                    "{}\n\n{error}",
                    tr!("dialog.restore_failed", path = copy.file.display())
                );
                self.show_error(tr!("dialog.error_title").into_owned(), message);
            }
        }
    }

    /// Deletes the recovery copy `copy`; the dialog goes on with the others.
    pub(super) fn discard_recovery(&mut self, copy: &store::Recovery) {
        match std::fs::remove_file(&copy.file) {
            Ok(()) => {
                let Some(Dialog::Recover { copies }) = &self.dialog else {
                    return;
                };
                let rest: Vec<_> = copies
                    .iter()
                    .filter(|other| other.file != copy.file)
                    .cloned()
                    .collect();
                self.dialog = (!rest.is_empty()).then_some(Dialog::Recover { copies: rest });
            }
            Err(error) => {
                let message = format!("{}: {error}", copy.file.display());
                self.show_error(tr!("dialog.error_title").into_owned(), message);
            }
        }
    }

    /// The recovery copies left by an earlier run: restore, discard or decide later.
    pub(super) fn recover_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        copies: &[store::Recovery],
        commands: &mut Vec<Command>,
    ) {
        let palette = Palette::of(self.prefs.theme);
        let mut restore = None;
        let mut discard = None;
        let mut later = false;
        egui::Modal::new(egui::Id::unique("recover_dialog")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(tr!("dialog.recover_title"));
            ui.label(tr!("dialog.recover_body"));
            ui.add_space(8.0);
            for (index, copy) in copies.iter().enumerate() {
                ui.separator();
                let name = copy.document.as_ref().map_or_else(
                    || tr!("dialog.recover_untitled").into_owned(),
                    |path| path.display().to_string(),
                );
                ui.label(RichText::new(name).strong());
                if let Some(written) = copy.written {
                    let written: chrono::DateTime<chrono::Local> = written.into();
                    ui.label(
                        RichText::new(tr!(
                            "dialog.recover_written",
                            when = written.format("%Y-%m-%d %H:%M").to_string()
                        ))
                        .color(palette.text_muted),
                    );
                }
                ui.horizontal(|ui| {
                    if ui.button(tr!("dialog.restore")).clicked() {
                        restore = Some(index);
                    }
                    if ui.button(tr!("dialog.discard")).clicked() {
                        discard = Some(index);
                    }
                });
            }
            ui.separator();
            if ui.button(tr!("dialog.later")).clicked() {
                later = true;
            }
        });
        if let Some(index) = restore
            && let Some(copy) = copies.get(index)
        {
            self.dialog = None;
            commands.push(Command::Restore(copy.clone()));
        } else if let Some(index) = discard
            && let Some(copy) = copies.get(index)
        {
            commands.push(Command::DiscardRecovery(copy.clone()));
        } else if later {
            self.dialog = None;
        }
    }

    /// The file changed on disk since it was opened or saved: overwrite, save elsewhere, reload
    /// or cancel.
    pub(super) fn conflict_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        commands: &mut Vec<Command>,
    ) {
        let asked = [
            tr!("dialog.conflict_title"),
            tr!("dialog.conflict_body", path = path.display()),
        ];
        question_ui(ctx, "conflict_dialog", &asked, |ui| {
            if ui.button(tr!("dialog.overwrite")).clicked() {
                self.dialog = None;
                commands.push(Command::Overwrite(path.to_owned()));
            }
            if ui.button(tr!("menu.save_as")).clicked() {
                self.dialog = None;
                commands.push(Command::SaveAs);
            }
            if ui
                .button(tr!("dialog.reload"))
                .on_hover_text(tr!("dialog.reload_hint"))
                .clicked()
            {
                self.dialog = None;
                commands.push(Command::Reload(path.to_owned()));
            }
            if ui.button(tr!("dialog.cancel")).clicked() {
                self.dialog = None;
            }
        });
    }

    /// The file to save to is read-only: save a copy elsewhere, make it writable and save, or
    /// cancel. Nothing is written without one of the first two.
    pub(super) fn read_only_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        commands: &mut Vec<Command>,
    ) {
        let mut make_writable = false;
        let asked = [
            tr!("dialog.read_only_title"),
            tr!("dialog.read_only_body", path = path.display()),
        ];
        question_ui(ctx, "read_only_dialog", &asked, |ui| {
            if ui.button(tr!("dialog.save_a_copy")).clicked() {
                self.dialog = None;
                commands.push(Command::SaveAs);
            }
            if ui.button(tr!("dialog.make_writable")).clicked() {
                make_writable = true;
            }
            if ui.button(tr!("dialog.cancel")).clicked()
                || ui.input(|input| input.key_pressed(egui::Key::Escape))
            {
                self.dialog = None;
            }
        });
        if make_writable {
            self.dialog = None;
            match store::make_writable(path) {
                Ok(()) => commands.push(Command::SaveTo(path.to_owned())),
                Err(error) => {
                    let message = format!(
                        "{}\n\n{error}",
                        tr!("dialog.save_failed", path = path.display())
                    );
                    self.show_error(tr!("dialog.error_title").into_owned(), message);
                }
            }
        }
    }

    /// A damaged file: why, and each backup or recovery copy with its date, to open as a new
    /// unsaved project (the damaged file is left as it is).
    pub(super) fn damaged_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        message: &str,
        spares: &[store::Spare],
        commands: &mut Vec<Command>,
    ) {
        let palette = Palette::of(self.prefs.theme);
        egui::Modal::new(egui::Id::unique("damaged_dialog")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(RichText::new(tr!("dialog.damaged_title")).color(palette.danger));
            ui.add_space(6.0);
            ui.label(message);
            ui.add_space(8.0);
            for spare in spares {
                ui.separator();
                ui.label(RichText::new(spare.describe()).strong());
                if ui.button(tr!("dialog.open_spare")).clicked() {
                    self.dialog = None;
                    // Opened as a project never saved: saving asks where.
                    commands.push(Command::Restore(store::Recovery {
                        file: spare.file.clone(),
                        document: None,
                        written: spare.written,
                    }));
                }
            }
            ui.separator();
            if ui.button(tr!("dialog.ok")).clicked()
                || ui.input(|input| input.key_pressed(egui::Key::Escape))
            {
                self.dialog = None;
            }
        });
    }
}

/// A question in a modal dialog: its title and what is asked (`asked`), then a row of answers.
fn question_ui(
    ctx: &egui::Context,
    id: &str,
    asked: &[std::borrow::Cow<'_, str>; 2],
    answers: impl FnOnce(&mut egui::Ui),
) {
    let [title, body] = asked;
    egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title.as_ref());
        ui.label(body.as_ref());
        ui.add_space(10.0);
        ui.horizontal(answers);
    });
}
