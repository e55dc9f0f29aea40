//! File ▸ Import (tasks from CSV) and File ▸ Export of the status report, CSV and ICS.
//!
//! Exports are client-safe unless the user ticks "Include internal items" in the small dialog
//! shown before the save dialog.

use std::path::Path;

use chrono::NaiveDate;
use egui::Key;

use super::dialogs::Dialog;
use super::files::Purpose;
use super::session::Opened;
use super::{App, Command};
use crate::model::Project;
use crate::tr;

/// What File ▸ Export can write besides the project itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataExport {
    /// The status report as Markdown.
    ReportMarkdown,
    /// The status report as one HTML page.
    ReportHtml,
    /// The items as CSV.
    Csv,
    /// Milestones, buffers and meetings as an iCalendar.
    Ics,
}

impl DataExport {
    /// The menu entry's key in the locale files.
    pub fn menu_key(self) -> &'static str {
        match self {
            Self::ReportMarkdown => "menu.export_report_md",
            Self::ReportHtml => "menu.export_report_html",
            Self::Csv => "menu.export_csv",
            Self::Ics => "menu.export_ics",
        }
    }

    /// The file name extensions offered by the save dialog.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::ReportMarkdown => &["md"],
            Self::ReportHtml => &["html"],
            Self::Csv => &["csv"],
            Self::Ics => &["ics"],
        }
    }

    /// The key of the save dialog's filter name.
    fn filter_key(self) -> &'static str {
        match self {
            Self::ReportMarkdown => "export_dialog.filter_md",
            Self::ReportHtml => "export_dialog.filter_html",
            Self::Csv => "export_dialog.filter_csv",
            Self::Ics => "export_dialog.filter_ics",
        }
    }

    /// The text of the file, in the current language.
    pub fn render(self, project: &Project, today: NaiveDate, include_internal: bool) -> String {
        match self {
            Self::ReportMarkdown => {
                crate::report::status::markdown(project, today, include_internal)
            }
            Self::ReportHtml => crate::report::status::html(project, today, include_internal),
            Self::Csv => crate::export::data::csv(project, include_internal),
            Self::Ics => crate::export::data::ics(project, include_internal),
        }
    }
}

impl App {
    /// Reads tasks from the CSV file at `path` into a new unsaved project; when a row is wrong,
    /// the error dialog lists every problem and the open project stays as it was.
    pub fn import_path(&mut self, path: &Path) {
        // Only a regular file, within the store's size limit: a pipe would hang the window.
        let result = crate::store::read_regular(path)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| tr!("import.not_utf8").into_owned())
            })
            .and_then(|text| crate::import::csv(&text).map_err(|errors| errors.lines()));
        match result {
            Ok(mut project) => {
                if project.name.is_empty() {
                    project.name = path
                        .file_stem()
                        .map(|stem| stem.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                let count = project.items.len();
                self.replace_project(project, Opened::Imported);
                self.status =
                    Some(tr!("status.imported", count = count, path = path.display()).into_owned());
            }
            Err(message) => {
                let message = format!(
                    "{}\n\n{message}",
                    tr!("dialog.import_failed", path = path.display())
                );
                self.show_error(tr!("dialog.error_title").into_owned(), message);
            }
        }
    }

    /// Writes `format` of the open project to `path`; a failure is shown in the error dialog.
    pub fn export_data_to(
        &mut self,
        format: DataExport,
        include_internal: bool,
        path: &Path,
    ) -> bool {
        let text = format.render(self.project(), self.today, include_internal);
        self.write_out(
            path,
            Ok(text.into_bytes()),
            tr!("status.exported", path = path.display()).into_owned(),
            &tr!("dialog.export_failed", path = path.display()),
        )
    }

    /// The data entries of the File ▸ Export submenu.
    pub(super) fn export_menu_entries_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.menu_button(tr!("menu.export_report"), |ui| {
            for format in [DataExport::ReportMarkdown, DataExport::ReportHtml] {
                if ui.button(tr!(format.menu_key())).clicked() {
                    commands.push(Command::ExportData(format));
                }
            }
        });
        for format in [DataExport::Csv, DataExport::Ics] {
            if ui.button(tr!(format.menu_key())).clicked() {
                commands.push(Command::ExportData(format));
            }
        }
    }

    /// Shows the save dialog for an export.
    pub(super) fn ask_export_path(
        &mut self,
        ctx: &egui::Context,
        format: DataExport,
        include_internal: bool,
    ) {
        let name = format!(
            "{}.{}",
            super::file_stem(&self.project().name),
            format.extensions().first().copied().unwrap_or("txt")
        );
        self.files.show(
            ctx,
            Purpose::ExportData {
                format,
                include_internal,
            },
            &tr!(format.filter_key()),
            &name,
        );
    }

    /// The small dialog before an export: include internal items or not.
    pub(super) fn data_export_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        format: DataExport,
        include_internal: bool,
        commands: &mut Vec<Command>,
    ) {
        let mut include = include_internal;
        egui::Modal::new(egui::Id::unique("export_data_dialog")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(tr!(
                "export_dialog.title",
                what = tr!(format.menu_key()).trim_end_matches('…')
            ));
            ui.add_space(6.0);
            ui.checkbox(&mut include, tr!("export_dialog.include_internal"));
            ui.label(
                egui::RichText::new(if include {
                    tr!("export_dialog.everything_note")
                } else {
                    tr!("export_dialog.client_safe_note")
                })
                .weak(),
            );
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(tr!("export_dialog.export")).clicked() {
                    self.dialog = None;
                    commands.push(Command::ExportDataAsk {
                        format,
                        include_internal: include,
                    });
                } else if ui.button(tr!("dialog.cancel")).clicked()
                    || ui.input(|input| input.key_pressed(Key::Escape))
                {
                    self.dialog = None;
                } else if include != include_internal {
                    self.dialog = Some(Dialog::ExportOptions {
                        format,
                        include_internal: include,
                    });
                }
            });
        });
    }
}
