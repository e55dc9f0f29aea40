//! File ▸ Export ▸ Timeline as SVG / PDF / PNG, and Edit ▸ Copy timeline as image: a small
//! dialog for the options, then the save dialog, then the file written by [`crate::export`].

use std::path::Path;

use egui::RichText;

use crate::export::{self, PageSize, PictureOptions};
use crate::tr;

use super::files::Purpose;
use super::{App, Command};

/// The kinds of timeline picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    /// Vector picture with real text.
    Svg,
    /// One landscape page.
    Pdf,
    /// Image of a chosen width.
    Png,
}

impl PictureFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Pdf => "pdf",
            Self::Png => "png",
        }
    }

    /// The purpose of the save dialog that asks where to write it.
    pub fn purpose(self) -> Purpose {
        match self {
            Self::Svg => Purpose::ExportSvg,
            Self::Pdf => Purpose::ExportPdf,
            Self::Png => Purpose::ExportPng,
        }
    }

    /// The format a save dialog's purpose was opened for, if it was one of these.
    pub fn of_purpose(purpose: Purpose) -> Option<Self> {
        match purpose {
            Purpose::ExportSvg => Some(Self::Svg),
            Purpose::ExportPdf => Some(Self::Pdf),
            Purpose::ExportPng => Some(Self::Png),
            _ => None,
        }
    }

    fn menu_key(self) -> &'static str {
        match self {
            Self::Svg => "export.menu_svg",
            Self::Pdf => "export.menu_pdf",
            Self::Png => "export.menu_png",
        }
    }
}

/// The choices of the export dialog, remembered while the window is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportState {
    /// The dialog showing, for this format.
    pub dialog: Option<PictureFormat>,
    /// Include items that are not client-visible. Off unless ticked each time.
    pub include_internal: bool,
    /// Width of a PNG in pixels.
    pub width_px: u32,
    /// The PDF page.
    pub page: PageSize,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            dialog: None,
            include_internal: false,
            width_px: export::DEFAULT_WIDTH_PX,
            page: PageSize::A4,
        }
    }
}

/// The timeline pictures in the Export submenu of File.
pub fn export_menu_entries_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    for format in [PictureFormat::Svg, PictureFormat::Pdf, PictureFormat::Png] {
        if ui.button(tr!(format.menu_key())).clicked() {
            commands.push(Command::ShowExport(format));
        }
    }
}

impl App {
    /// The options of a picture made now.
    fn picture_options(&self, include_internal: bool) -> PictureOptions {
        PictureOptions {
            from: None,
            to: None,
            include_internal,
            width_px: self.export.width_px,
            page: self.export.page,
            language: self.prefs.language,
            today: self.today,
        }
    }

    /// Writes the timeline as `format` to `path` with the dialog's options; says how it went in
    /// the status bar or an error dialog. Returns whether it was written.
    pub fn write_picture(&mut self, format: PictureFormat, path: &Path) -> bool {
        let options = self.picture_options(self.export.include_internal);
        let project = self.project();
        let bytes = match format {
            PictureFormat::Svg => export::svg::svg(project, &options).map(String::into_bytes),
            PictureFormat::Pdf => export::pdf::pdf(project, &options),
            PictureFormat::Png => export::png::png(project, &options),
        };
        let key = if options.include_internal {
            "export.status_written_internal"
        } else {
            "export.status_written"
        };
        self.write_out(
            path,
            bytes.map_err(|error| error.to_string()),
            tr!(key, path = path.display()).into_owned(),
            &tr!("export.failed", path = path.display()),
        )
    }

    /// Puts the client-safe timeline on the clipboard as an image.
    pub fn copy_timeline_image(&mut self, ctx: &egui::Context) {
        let options = self.picture_options(false);
        match export::png::image(self.project(), &options) {
            Ok(image) => {
                let size = [image.width as usize, image.height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &image.rgba));
                self.status = Some(tr!("export.status_copied").into_owned());
            }
            Err(error) => {
                let message = format!("{}\n\n{error}", tr!("export.copy_failed"));
                self.show_error(tr!("dialog.error_title").into_owned(), message);
            }
        }
    }

    /// The export dialog, while it is showing: the options, then the save dialog.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(format) = self.export.dialog else {
            return;
        };
        let palette = super::theme::Palette::of(self.prefs.theme);
        let mut choose = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(tr!(format.menu_key()).trim_end_matches('…').to_owned());
            ui.add_space(6.0);
            let state = &mut self.export;
            ui.checkbox(&mut state.include_internal, tr!("export.include_internal"));
            let hint = if state.include_internal {
                RichText::new(tr!("export.internal_warning")).color(palette.danger)
            } else {
                RichText::new(tr!("export.client_safe")).color(palette.text_muted)
            };
            ui.label(hint.small());
            ui.add_space(4.0);
            match format {
                PictureFormat::Png => {
                    ui.horizontal(|ui| {
                        ui.label(tr!("export.width"));
                        ui.add(
                            egui::DragValue::new(&mut state.width_px)
                                .range(200..=export::MAX_WIDTH_PX)
                                .speed(10)
                                .suffix(" px"),
                        );
                    });
                }
                PictureFormat::Pdf => {
                    ui.horizontal(|ui| {
                        ui.label(tr!("export.page"));
                        ui.radio_value(&mut state.page, PageSize::A4, tr!("export.page_a4"));
                        ui.radio_value(&mut state.page, PageSize::A3, tr!("export.page_a3"));
                    });
                }
                PictureFormat::Svg => {}
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(tr!("export.choose_file")).clicked() {
                    choose = true;
                }
                if ui.button(tr!("dialog.cancel")).clicked() {
                    cancel = true;
                }
            });
        });
        if cancel || modal.should_close() {
            self.export.dialog = None;
        } else if choose {
            self.export.dialog = None;
            let name = format!(
                "{}.{}",
                super::file_stem(&self.project().name),
                format.extension()
            );
            self.files
                .show(ctx, format.purpose(), &tr!(format.menu_key()), &name);
        }
    }
}
