//! The window: menus, the outline, the timeline area, the status bar and dialogs.
//!
//! The window's state is in four parts, each in a file of its own: the open document
//! ([`session`]), how it is looked at ([`view`]), what is remembered between runs ([`prefs`])
//! and what is worked out from each revision ([`derived`]). The UI reads them and pushes
//! [`Command`]s (the named ones are the table in [`commands`]); they are carried out at the end
//! of the frame. Changes to the project itself go through [`crate::edit::History`].

mod adding;
mod baselines;
pub mod commands;
mod context_menu;
mod data_files;
mod derived;
mod dialogs;
mod export;
mod fields;
mod files;
mod first_frame;
mod frame;
mod inspector;
mod loading;
mod meetings;
mod menu;
mod outline;
mod panels;
mod plan;
mod prefs;
pub mod present;
mod project_sheet;
mod retrospectives;
mod risks;
mod safety;
mod screenshot;
mod session;
#[cfg(feature = "testing")]
mod testing;
pub mod theme;
pub mod timeline;
mod view;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use egui::{RichText, ViewportCommand};

use crate::edit::Edit;
use crate::i18n::{self, Language};
use crate::model::Project;
use crate::store;
use crate::tr;

pub use commands::Command;
pub use data_files::DataExport;
use derived::Derived;
use dialogs::Dialog;
pub use dialogs::Pending;
pub use export::PictureFormat;
use files::{FileDialogs, Purpose};
pub use outline::short_date;
use prefs::Prefs;
pub use screenshot::Outcome as ScreenshotOutcome;
use session::{Origin, Session};
use theme::{Palette, ThemeChoice};
use view::View;

/// The bundled English sample project.
pub const SAMPLE: &str = include_str!("../../assets/sample.ron");

/// Height of the strip above the outline and the timeline (title and column headings).
const STRIP_HEIGHT: f32 = 34.0;

/// How the window starts.
#[derive(Debug, Default)]
pub struct Startup {
    /// The project file to open; the bundled sample when `None`.
    pub file: Option<PathBuf>,
    /// Take a screenshot to this path and close.
    pub screenshot: Option<PathBuf>,
    /// Force a language instead of the saved or system one.
    pub language: Option<Language>,
    /// Force a theme instead of the saved one.
    pub theme: Option<ThemeChoice>,
    /// The date to treat as today (tests pin it); the system date when `None`.
    pub today: Option<NaiveDate>,
    /// Where recovery copies are kept; none are written or offered when `None`.
    pub recovery_folder: Option<PathBuf>,
    /// Open in presentation mode (`--present`).
    pub present: bool,
    /// Print when the first frame was shown and close (`--first-frame`).
    pub first_frame: bool,
    /// Read `file` on a thread while the first frames are shown (the real window), rather
    /// than before the first frame.
    pub open_in_background: bool,
}

/// The Milepost window.
pub struct App {
    /// The open document: history, origin, disk stamp, recovery, loading.
    session: Session,
    /// How it is looked at: selection, outline, timeline, tabs, presentation.
    view: View,
    /// What is remembered between runs.
    prefs: Prefs,
    /// What is worked out from each revision.
    derived: Derived,
    /// The date treated as today.
    today: NaiveDate,
    /// The modal dialog showing, if any.
    dialog: Option<Dialog>,
    /// An action waiting for a Save As to finish.
    after_save: Option<Pending>,
    /// The file dialog open, if any.
    files: FileDialogs,
    /// Closing was confirmed: the next close request is not cancelled.
    allow_close: bool,
    /// The last thing done, shown in the status bar.
    status: Option<String>,
    /// The window title last sent, to send it only when it changes.
    shown_title: String,
    /// The screenshot to take (`--screenshot`).
    screenshot: Option<screenshot::Screenshot>,
    /// Close once the first frame was shown (`--first-frame`).
    first_frame: Option<first_frame::FirstFrame>,
    /// Start presenting once the project is open (`--present`).
    present_at_start: bool,
    /// The window was closed while presenting: quit once full screen is left, so that the
    /// next start does not open full screen.
    quit_after_presenting: bool,
    /// The timeline export dialog and its choices.
    export: export::ExportState,
}

impl App {
    /// Creates the window's state from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        Self::with_outcome(cc, startup, ScreenshotOutcome::default())
    }

    /// Like [`Self::new`], reporting the screenshot's result into `outcome`.
    pub fn with_outcome(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        outcome: ScreenshotOutcome,
    ) -> Self {
        let mut prefs = Prefs::load(cc.storage);
        if let Some(language) = startup.language {
            prefs.language = language;
        }
        if let Some(theme) = startup.theme {
            prefs.theme = theme;
        }
        i18n::set_language(prefs.language);
        theme::apply(&cc.egui_ctx, prefs.theme);
        let mut app = Self {
            session: Session::new(startup.recovery_folder.map(store::RecoveryFolder::new)),
            view: View::default(),
            prefs,
            derived: Derived::default(),
            today: startup
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            dialog: None,
            after_save: None,
            files: FileDialogs::default(),
            allow_close: false,
            status: None,
            shown_title: String::new(),
            screenshot: startup
                .screenshot
                .map(|path| screenshot::Screenshot::new(path, outcome)),
            first_frame: startup.first_frame.then(first_frame::FirstFrame::default),
            present_at_start: startup.present,
            quit_after_presenting: false,
            export: export::ExportState::default(),
        };
        match startup.file {
            Some(path) => {
                app.new_project();
                if startup.open_in_background && app.screenshot.is_none() {
                    app.session.loading = Some(loading::Loading::start_at_launch(&path));
                } else {
                    app.open_path(&path);
                }
            }
            None => app.open_sample(),
        }
        app.offer_recovery();
        app
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        self.session.project()
    }

    /// Whether there are changes not yet saved.
    pub fn is_modified(&self) -> bool {
        self.session.is_modified()
    }

    /// The file the project is saved in, if any.
    pub fn path(&self) -> Option<&Path> {
        self.session.path()
    }

    /// The window title: `NAME — Milepost`, with a dot while unsaved.
    pub fn title(&self) -> String {
        let name = &self.project().name;
        let name = if name.trim().is_empty() {
            tr!("project.untitled").into_owned()
        } else {
            name.clone()
        };
        let marker = if self.is_modified() { "● " } else { "" };
        format!("{marker}{name} — Milepost")
    }

    /// The largest buffer consumption (0–1) and its zone, as the status bar shows them; `None`
    /// without buffers or before the schedule was computed.
    pub fn status_buffer(&self) -> Option<(f64, crate::rules::BufferHealth)> {
        let used = self.derived.facts.as_ref()?.buffer_use?;
        Some((used, crate::rules::BufferHealth::of(used)))
    }

    /// Applies an edit; a refused edit is explained in a dialog.
    pub fn apply(&mut self, edit: Edit) {
        match self.session.history.apply(edit) {
            Ok(applied) => self.status = Some(applied.label),
            Err(error) => {
                let title = if matches!(error, crate::edit::EditError::Cycle(_)) {
                    tr!("dialog.loop_title")
                } else {
                    tr!("dialog.error_title")
                };
                self.show_error(title.into_owned(), error.to_string());
            }
        }
    }

    /// Carries out a command as if the user had given it.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.guard(Pending::New, ctx),
            Command::Open => self.guard(Pending::Open, ctx),
            Command::OpenPath(path) => self.guard(Pending::OpenPath(path), ctx),
            Command::Quit => self.guard(Pending::Quit, ctx),
            Command::Import => self.guard(Pending::Import, ctx),
            Command::Save => match self.path().map(Path::to_owned) {
                Some(path) => {
                    if self.session.safety.changed_on_disk(&path) {
                        self.dialog = Some(Dialog::Conflict { path });
                    } else {
                        self.save_to(&path);
                    }
                }
                None => self.command(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                let name = format!("{}.ron", file_stem(&self.project().name));
                self.files
                    .show(ctx, Purpose::SaveAs, &tr!("dialog.file_filter"), &name);
            }
            Command::SaveTo(path) => {
                if self.save_to(&path)
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(then, ctx);
                }
            }
            Command::SaveThen(then) => {
                if let Some(path) = self.path().map(Path::to_owned) {
                    if self.save_to(&path) {
                        self.proceed(then, ctx);
                    }
                } else {
                    self.after_save = Some(then);
                    self.command(ctx, Command::SaveAs);
                }
            }
            Command::DiscardThen(then) => self.proceed(then, ctx),
            Command::Overwrite(path) => {
                self.save_to(&path);
            }
            Command::Reload(path) => self.open_path(&path),
            Command::Restore(copy) => self.restore(&copy),
            Command::DiscardRecovery(copy) => self.discard_recovery(&copy),
            Command::Undo => self.undo_or_redo(false),
            Command::Redo => self.undo_or_redo(true),
            Command::Apply(edit) => self.apply(edit),
            Command::Select(items) => self.view.select(items),
            Command::ToggleSelect(item) => self.view.toggle_selected(item),
            Command::ZoomToFit => self.view.timeline.fit_pending = true,
            Command::GoToToday => self.view.timeline.today_pending = true,
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                theme::apply(ctx, choice);
            }
            Command::SetLanguage(language) => {
                self.prefs.language = language;
                i18n::set_language(language);
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::ShowShortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::Nudge(workdays) => self.nudge_selection(workdays),
            Command::DeleteSelection => self.delete_selection(),
            Command::ToggleCritical => {
                self.view.timeline.show_critical = !self.view.timeline.show_critical;
            }
            Command::Canvas(action) => self.canvas_action(ctx, action),
            Command::SaveBaseline => {
                let project = self.session.history.project();
                self.view
                    .panels
                    .baselines
                    .open_save_dialog(project, self.today);
            }
            Command::ToggleBaselineOverlay => {
                let baselines = &mut self.view.panels.baselines;
                baselines.overlay = !baselines.overlay;
            }
            Command::Present => self.enter_presentation(ctx),
            Command::OpenMeeting(meeting) => self.open_meeting(meeting),
            Command::OpenRisk(risk) => {
                self.view.panels.tab = panels::Tab::Risks;
                self.view.panels.risks.select(risk);
            }
            Command::SaveMinutes(meeting) => self.save_minutes(ctx, meeting),
            Command::SaveMinutesTo(path) => self.save_minutes_to(&path),
            Command::RevealItem(item) => self.reveal_item(item),
            Command::MinutesCopied => {
                self.status = Some(tr!("meetings.copied").into_owned());
            }
            Command::ShowExport(format) => self.export.dialog = Some(format),
            Command::WritePicture(format, path) => {
                self.write_picture(format, &path);
            }
            Command::CopyTimelineImage => self.copy_timeline_image(ctx),
            Command::ImportPath(path) => self.import_path(&path),
            Command::ExportData(format) => {
                self.dialog = Some(Dialog::ExportOptions {
                    format,
                    include_internal: false,
                });
            }
            Command::ExportDataAsk {
                format,
                include_internal,
            } => self.ask_export_path(ctx, format, include_internal),
            Command::ExportDataTo {
                format,
                include_internal,
                path,
            } => {
                self.export_data_to(format, include_internal, &path);
            }
            Command::MoveSelection { down, extend } => self.move_selection(down, extend),
            Command::FocusName => self.focus_name(ctx),
            Command::AddItem(kind) => self.add_item(kind),
            Command::AddLane => self.add_lane(),
            Command::RenameSelected => {
                if let Some(item) = self
                    .view
                    .single_selection()
                    .and_then(|id| self.session.project().item(id))
                {
                    self.view.outline.renaming = Some((item.id, item.name.clone()));
                }
            }
        }
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    fn guard(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.is_modified() {
            self.dialog = Some(Dialog::Unsaved { then: pending });
        } else {
            self.proceed(pending, ctx);
        }
    }

    /// Runs `pending`: unsaved changes were saved, discarded, or there were none.
    fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => self.new_project(),
            Pending::Open => self
                .files
                .show(ctx, Purpose::Open, &tr!("dialog.file_filter"), ""),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Import => self.files.show(
                ctx,
                Purpose::ImportCsv,
                &tr!("export_dialog.filter_import"),
                "",
            ),
            Pending::Quit => {
                if self.is_modified() {
                    // Quitting without saving still keeps a recovery copy, in case it was a slip.
                    let session = &mut self.session;
                    let document = session.path().map(Path::to_owned);
                    session
                        .safety
                        .write_now(session.history.project(), document.as_deref());
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        let palette = Palette::of(self.prefs.theme);
        ui.horizontal(|ui| {
            let (text, colour) = if self.is_modified() {
                (tr!("status.unsaved"), palette.warning)
            } else {
                (tr!("status.saved"), palette.good)
            };
            ui.label(RichText::new(text).color(colour).strong());
            ui.separator();
            match &self.session.origin {
                Origin::File(path) => ui.label(path.display().to_string()),
                Origin::Sample => ui.label(tr!("status.sample")),
                Origin::Untitled => ui.label(tr!("status.untitled")),
            };
            ui.separator();
            let selected = match (
                self.view
                    .single_selection()
                    .and_then(|id| self.project().item(id)),
                self.view.selection.len(),
            ) {
                (Some(item), _) => tr!("status.selected", name = item.name.as_str()).into_owned(),
                (None, 0) => tr!("status.nothing_selected").into_owned(),
                (None, count) => tr!("status.selected_many", count = count).into_owned(),
            };
            ui.label(selected);
            if let Some(facts) = &self.derived.facts {
                if let Some(finish) = facts.finish {
                    ui.separator();
                    ui.label(tr!(
                        "status.finish",
                        date = outline::short_date(finish, self.prefs.language)
                    ));
                }
                if let Some((used, health)) = self.status_buffer() {
                    let colour = palette.buffer(health);
                    ui.separator();
                    ui.label(
                        RichText::new(tr!(
                            "status.buffer",
                            percent = (used * 100.0).round() as i64
                        ))
                        .color(colour),
                    );
                }
            }
            self.contact_warning_ui(ui, palette);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let project = self.project();
                ui.label(
                    RichText::new(tr!(
                        "status.items",
                        items = i18n::counted(i18n::Noun::Items, project.items.len()),
                        links = i18n::counted(i18n::Noun::Links, project.links.len())
                    ))
                    .color(palette.text_muted),
                );
                if let Some(status) = &self.status {
                    ui.separator();
                    ui.label(RichText::new(status).color(palette.text_muted));
                }
                if self.files.is_open() {
                    ui.separator();
                    ui.label(tr!("status.dialog_open"));
                }
            });
        });
    }

    /// The strip above the timeline: the project's name, client and dates.
    fn title_strip_ui(&self, ui: &mut egui::Ui, palette: &Palette) {
        let project = self.project();
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), STRIP_HEIGHT),
            egui::Sense::hover(),
        );
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect.shrink2(egui::vec2(10.0, 0.0)))
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        child.label(
            RichText::new(&project.name)
                .strong()
                .size(17.0)
                .color(palette.text),
        );
        if !project.client.name.is_empty() {
            child.label(
                RichText::new(tr!("header.client", name = project.client.name.as_str()))
                    .color(palette.text_muted),
            );
        }
        if let Some((first, last)) = self.derived.facts.as_ref().and_then(|facts| facts.span) {
            child.label(
                RichText::new(tr!(
                    "header.span",
                    from = outline::short_date(first, self.prefs.language),
                    to = outline::short_date(last, self.prefs.language),
                    items = i18n::counted(i18n::Noun::Items, project.items.len())
                ))
                .color(palette.text_muted),
            );
        }
        ui.painter().hline(
            rect.x_range(),
            rect.bottom() - 0.5,
            egui::Stroke::new(1.0, palette.grid),
        );
    }
}

/// A file name made from a project name: letters, digits and dashes.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "project".to_owned()
    } else {
        stem
    }
}

/// Opens the window and runs until it closes.
///
/// # Errors
/// The window could not be created, or the screenshot could not be saved.
pub fn run(mut startup: Startup) -> anyhow::Result<()> {
    startup.open_in_background = true;
    // The system font list is read on the provider's own thread while the window is being
    // created; the large CJK faces are opened only when a text needs them (egui's on its first
    // Chinese character, the measurer's in `timeline::fonts` likewise).
    let system_fonts =
        Arc::new(egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")));
    let screenshot_path = startup.screenshot.clone();
    let outcome = ScreenshotOutcome::default();
    let app_outcome = Arc::clone(&outcome);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Milepost")
            .with_app_id("milepost")
            .with_inner_size([1500.0, 920.0])
            .with_min_inner_size([800.0, 500.0]),
        // Fonts for Chinese text come from the provider added below, preferring Simplified forms.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "Milepost",
        options,
        Box::new(move |cc| {
            cc.egui_ctx.add_font_provider(system_fonts);
            Ok(Box::new(App::with_outcome(cc, startup, app_outcome)))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))?;
    if let Some(path) = screenshot_path {
        let result = outcome
            .lock()
            .map_err(|_| anyhow::anyhow!("the screenshot was lost"))?
            .take();
        match result {
            Some(Ok(())) => {}
            Some(Err(error)) => anyhow::bail!(error),
            None => anyhow::bail!("the window closed before {} was written", path.display()),
        }
    }
    Ok(())
}

/// A date written out in the current language: "Fri 4 Dec 2026" or "2026年12月4日 周五".
pub fn short_date_long(date: NaiveDate, language: Language) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::WeekdayLong, language)
}
