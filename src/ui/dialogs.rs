//! The modal dialogs on top of the window: errors, unsaved changes, the keyboard shortcuts, and
//! the dispatch to the dialogs that live beside what they ask about (recovery, conflicts,
//! exports).
//!
//! A dialog only closes itself and pushes [`Command`]s; saving, opening and deleting happen
//! where every other command is carried out.

use std::path::PathBuf;

use egui::{Key, RichText};

use crate::edit::Edit;
use crate::store;
use crate::tr;

use super::App;
use super::commands::{self, Command};
use super::data_files::DataExport;
use super::theme::Palette;

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start an empty project.
    New,
    /// Show the Open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
    /// Show the Import dialog.
    Import,
}

/// A modal dialog on top of the window.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Dialog {
    /// An error to read and dismiss.
    Error { title: String, message: String },
    /// Unsaved changes: Save, Don't save or Cancel, then `then`.
    Unsaved { then: Pending },
    /// Recovery copies from an earlier run: restore or discard each.
    Recover { copies: Vec<store::Recovery> },
    /// The file changed on disk since it was opened or saved.
    Conflict { path: PathBuf },
    /// The file to save to is read-only: save a copy, make it writable, or cancel.
    ReadOnly { path: PathBuf },
    /// A damaged file with a backup or recovery copy beside it, which may be opened instead as
    /// a new unsaved project.
    Damaged {
        message: String,
        spares: Vec<store::Spare>,
    },
    /// A drag would move a finished task or a reached milestone: move it anyway, or not.
    MoveFinished {
        edit: Box<Edit>,
        name: String,
        milestone: bool,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// Before an export: include internal items or not.
    ExportOptions {
        format: DataExport,
        include_internal: bool,
    },
}

impl App {
    /// Shows an error in a dialog.
    pub(super) fn show_error(&mut self, title: String, message: String) {
        self.dialog = Some(Dialog::Error { title, message });
    }

    /// Whether a modal dialog is open: what lies under it must not answer the pointer. A
    /// dialog asked for during the last frame is first drawn in this one, after the panels,
    /// where egui does not yet block what it covers.
    pub(super) fn modal_open(&self) -> bool {
        self.dialog.is_some()
            || self.export.dialog.is_some()
            || self.view.panels.baselines.is_saving()
    }

    /// The dialog showing, if any.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        match dialog {
            Dialog::Error { title, message } => {
                egui::Modal::new(egui::Id::unique("error_dialog")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading(RichText::new(title).color(Palette::of(self.prefs.theme).danger));
                    ui.add_space(6.0);
                    ui.label(message);
                    ui.add_space(10.0);
                    if ui.button(tr!("dialog.ok")).clicked()
                        || ui.input(|input| input.key_pressed(Key::Escape))
                    {
                        self.dialog = None;
                    }
                });
            }
            Dialog::Shortcuts => {
                egui::Modal::new(egui::Id::unique("shortcuts_dialog")).show(ctx, |ui| {
                    ui.heading(tr!("shortcuts.title"));
                    egui::Grid::new("shortcuts_grid")
                        .num_columns(2)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for (group, lines) in commands::shortcut_lines() {
                                ui.label(RichText::new(group).strong());
                                ui.end_row();
                                for (keys, does) in lines {
                                    ui.label(RichText::new(keys).monospace());
                                    ui.label(does);
                                    ui.end_row();
                                }
                            }
                        });
                    ui.add_space(10.0);
                    if ui.button(tr!("dialog.ok")).clicked()
                        || ui.input(|input| input.key_pressed(Key::Escape))
                    {
                        self.dialog = None;
                    }
                });
            }
            Dialog::ExportOptions {
                format,
                include_internal,
            } => self.data_export_dialog_ui(ctx, format, include_internal, commands),
            Dialog::Recover { copies } => self.recover_dialog_ui(ctx, &copies, commands),
            Dialog::Conflict { path } => self.conflict_dialog_ui(ctx, &path, commands),
            Dialog::ReadOnly { path } => self.read_only_dialog_ui(ctx, &path, commands),
            Dialog::Damaged { message, spares } => {
                self.damaged_dialog_ui(ctx, &message, &spares, commands);
            }
            Dialog::MoveFinished {
                edit,
                name,
                milestone,
            } => {
                let title = if milestone {
                    "dialog.move_reached_title"
                } else {
                    "dialog.move_finished_title"
                };
                egui::Modal::new(egui::Id::unique("move_finished_dialog")).show(ctx, |ui| {
                    ui.set_max_width(460.0);
                    ui.heading(tr!(title, name = name.as_str()));
                    ui.add_space(4.0);
                    ui.label(tr!("dialog.move_finished_body"));
                    ui.add_space(10.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr!("dialog.move_anyway")).clicked() {
                            self.dialog = None;
                            commands.push(Command::Apply((*edit).clone()));
                        }
                        if ui.button(tr!("dialog.cancel")).clicked()
                            || ui.input(|input| input.key_pressed(Key::Escape))
                        {
                            self.dialog = None;
                        }
                    });
                });
            }
            Dialog::Unsaved { then } => {
                let body = match then {
                    Pending::New => "dialog.unsaved_body_new",
                    Pending::Open | Pending::OpenPath(_) | Pending::Import => {
                        "dialog.unsaved_body_open"
                    }
                    Pending::Quit => "dialog.unsaved_body",
                };
                let name = self.project().name.clone();
                egui::Modal::new(egui::Id::unique("unsaved_dialog")).show(ctx, |ui| {
                    ui.set_max_width(460.0);
                    ui.heading(tr!("dialog.unsaved_title"));
                    ui.add_space(4.0);
                    ui.label(tr!(body, name = name.as_str()));
                    ui.add_space(10.0);
                    ui.horizontal(|ui| {
                        // Each answer closes this dialog first: a save error may open another.
                        if ui.button(tr!("dialog.save")).clicked() {
                            self.dialog = None;
                            commands.push(Command::SaveThen(then.clone()));
                        }
                        if ui.button(tr!("dialog.dont_save")).clicked() {
                            self.dialog = None;
                            commands.push(Command::DiscardThen(then.clone()));
                        }
                        if ui.button(tr!("dialog.cancel")).clicked()
                            || ui.input(|input| input.key_pressed(Key::Escape))
                        {
                            self.dialog = None;
                        }
                    });
                });
            }
        }
    }
}
