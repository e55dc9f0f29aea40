//! The window: menus, the outline, the timeline area, the status bar and dialogs.
//!
//! The UI reads the project and pushes [`Command`]s; they are carried out at the end of the
//! frame. Changes to the project itself go through [`crate::edit::History`].

mod baselines;
mod data_files;
mod export;
mod fields;
mod files;
mod inspector;
mod loading;
mod meetings;
mod outline;
mod panels;
mod plan;
pub mod present;
mod project_sheet;
mod retrospectives;
mod risks;
mod safety;
mod screenshot;
pub mod theme;
pub mod timeline;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, ViewportCommand};

use crate::edit::{Edit, History};
use crate::i18n::{self, Language};
use crate::model::{ItemId, Project};
use crate::store;
use crate::tr;
use crate::ui::timeline::canvas::{self, CanvasAction, CanvasInput, TimelineState};

pub use data_files::DataExport;
pub use export::PictureFormat;
use files::{FileDialogs, Purpose};
pub use outline::short_date;
use outline::{OutlineInput, OutlineState};
pub use screenshot::Outcome as ScreenshotOutcome;
use theme::{Palette, ThemeChoice};

/// The bundled English sample project.
pub const SAMPLE: &str = include_str!("../../assets/sample.ron");

/// Files larger than this open on a thread of their own, with progress shown.
const BACKGROUND_LOAD_BYTES: u64 = 4 * 1024 * 1024;

/// How many files Open Recent remembers.
const RECENT_LIMIT: usize = 10;

const KEY_RECENT: &str = "milepost.recent";
const KEY_LANGUAGE: &str = "milepost.language";
const KEY_THEME: &str = "milepost.theme";

/// Height of the strip above the outline and the timeline (title and column headings).
const STRIP_HEIGHT: f32 = 34.0;

const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SHORTCUT_SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const SHORTCUT_SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SHORTCUT_REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const SHORTCUT_REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const SHORTCUT_QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

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
}

/// Something the user asked for, carried out at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start an empty project.
    New,
    /// Show the Open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save to the current file (Save As when there is none).
    Save,
    /// Show the Save As dialog.
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Close the window.
    Quit,
    /// Take back the last change.
    Undo,
    /// Re-apply the last undone change.
    Redo,
    /// Change the project.
    Apply(Edit),
    /// Select these items (none: clear the selection).
    Select(Vec<ItemId>),
    /// Add an item to the selection, or take it out.
    ToggleSelect(ItemId),
    /// Fit the whole project into view.
    ZoomToFit,
    /// Centre today.
    GoToToday,
    /// Switch between light and dark.
    SetTheme(ThemeChoice),
    /// Switch language.
    SetLanguage(Language),
    /// Forget the recent files.
    ClearRecent,
    /// Start renaming the selected item.
    RenameSelected,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Move the selected items by working days.
    Nudge(i64),
    /// Delete the selected items.
    DeleteSelection,
    /// Show or hide the critical path.
    ToggleCritical,
    /// Something the timeline asked for.
    Canvas(CanvasAction),
    /// Show the Save baseline dialog.
    SaveBaseline,
    /// Show or hide the baseline ghosts on the timeline.
    ToggleBaselineOverlay,
    /// Start presentation mode (F5).
    Present,
    /// Show a meeting in the Meetings tab.
    OpenMeeting(crate::model::MeetingId),
    /// Ask where to save the minutes of a meeting.
    SaveMinutes(crate::model::MeetingId),
    /// Save the minutes asked for to this file.
    SaveMinutesTo(PathBuf),
    /// The minutes of a meeting were put on the clipboard.
    MinutesCopied,
    /// Select an item and scroll to it.
    RevealItem(ItemId),
    /// Show the options of a timeline picture, then ask where to write it.
    ShowExport(export::PictureFormat),
    /// Write the timeline picture to this file.
    WritePicture(export::PictureFormat, PathBuf),
    /// Put the client-safe timeline on the clipboard as an image.
    CopyTimelineImage,
    /// Import tasks from a CSV file (asks for the file).
    Import,
    /// Import tasks from this CSV file.
    ImportPath(PathBuf),
    /// Ask whether to include internal items, then where to write the export.
    ExportData(DataExport),
    /// Ask where to write the export.
    ExportDataAsk {
        /// What is exported.
        format: DataExport,
        /// Whether internal items go too.
        include_internal: bool,
    },
    /// Write the export to this file.
    ExportDataTo {
        /// What is exported.
        format: DataExport,
        /// Whether internal items go too.
        include_internal: bool,
        /// Where.
        path: PathBuf,
    },
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
    Import,
}

/// A modal dialog on top of the window.
#[derive(Clone, Debug, PartialEq)]
enum Dialog {
    /// An error to read and dismiss.
    Error { title: String, message: String },
    /// Unsaved changes: Save, Don't save or Cancel, then `then`.
    Unsaved { then: Pending },
    /// Recovery copies from an earlier run: restore or discard each.
    Recover { copies: Vec<store::Recovery> },
    /// The file changed on disk since it was opened or saved.
    Conflict { path: PathBuf },
    /// The keyboard shortcuts.
    Shortcuts,
    /// Before an export: include internal items or not.
    ExportOptions {
        format: DataExport,
        include_internal: bool,
    },
}

/// Where the open project came from.
#[derive(Clone, Debug, PartialEq)]
enum Origin {
    /// The bundled sample; Save asks for a file.
    Sample,
    /// A new project never saved.
    Untitled,
    /// A file on disk.
    File(PathBuf),
}

/// The Milepost window.
pub struct App {
    history: History,
    origin: Origin,
    recent: Vec<PathBuf>,
    language: Language,
    theme: ThemeChoice,
    today: NaiveDate,
    selection: HashSet<ItemId>,
    outline: OutlineState,
    timeline: TimelineState,
    dialog: Option<Dialog>,
    /// An action waiting for a Save As to finish.
    after_save: Option<Pending>,
    files: FileDialogs,
    allow_close: bool,
    status: Option<String>,
    shown_title: String,
    screenshot: Option<screenshot::Screenshot>,
    /// Recovery copies and conflict detection.
    safety: safety::Safety,
    /// The drag in progress on the canvas and what it would do.
    preview: Option<plan::DragPreview>,
    /// Floats and the critical path, per revision.
    facts: Option<plan::ScheduleFacts>,
    /// What the timeline drew last, to find items on screen.
    drawn: crate::timeline::layout::Scene,
    /// The tabs on the right and what is being typed in them.
    panels: panels::Panels,
    /// A large file being read in the background.
    loading: Option<loading::Loading>,
    /// How many baseline ghosts the timeline drew last.
    ghosts_drawn: usize,
    /// Presentation mode, while it is on; the editing view waits untouched underneath.
    presentation: Option<present::Presentation>,
    /// Start presenting once the project is open (`--present`).
    present_at_start: bool,
    /// The window was closed while presenting: quit once full screen is left, so that the
    /// next start does not open full screen.
    quit_after_presenting: bool,
    /// The open risks of each item, for the badges on the timeline.
    risk_badges: crate::timeline::badges::BadgeCache,
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
        let storage = cc.storage;
        let recent: Vec<PathBuf> = storage
            .and_then(|storage| eframe::get_value(storage, KEY_RECENT))
            .unwrap_or_default();
        let language = startup
            .language
            .or_else(|| storage.and_then(|storage| eframe::get_value(storage, KEY_LANGUAGE)))
            .unwrap_or_else(Language::from_system);
        i18n::set_language(language);
        let theme_choice = startup
            .theme
            .or_else(|| storage.and_then(|storage| eframe::get_value(storage, KEY_THEME)))
            .unwrap_or_default();
        theme::apply(&cc.egui_ctx, theme_choice);
        let mut app = Self {
            history: History::new(Project::default()),
            origin: Origin::Untitled,
            recent,
            language,
            theme: theme_choice,
            today: startup
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            selection: HashSet::new(),
            outline: OutlineState::default(),
            timeline: TimelineState::default(),
            dialog: None,
            after_save: None,
            files: FileDialogs::default(),
            allow_close: false,
            status: None,
            shown_title: String::new(),
            screenshot: startup
                .screenshot
                .map(|path| screenshot::Screenshot::new(path, outcome)),
            safety: safety::Safety::new(startup.recovery_folder.map(store::RecoveryFolder::new)),
            preview: None,
            facts: None,
            drawn: crate::timeline::layout::Scene::default(),
            panels: panels::Panels::default(),
            loading: None,
            ghosts_drawn: 0,
            presentation: None,
            present_at_start: startup.present,
            quit_after_presenting: false,
            risk_badges: crate::timeline::badges::BadgeCache::default(),
            export: export::ExportState::default(),
        };
        match startup.file {
            Some(path) => {
                app.history = History::new(Project::named(tr!("project.untitled")));
                app.open_path(&path);
            }
            None => app.open_sample(),
        }
        app.offer_recovery();
        app
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        self.history.project()
    }

    /// Whether there are changes not yet saved.
    pub fn is_modified(&self) -> bool {
        self.history.is_modified() || self.safety.restored
    }

    /// The files listed in File ▸ Open Recent, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The file the project is saved in, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Sample | Origin::Untitled => None,
        }
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

    /// Replaces the open project by `project`, as a new unsaved document (used by benchmarks
    /// and tests; the window opens files with [`Self::open_path`]).
    pub fn set_project(&mut self, project: Project) {
        self.history = History::new(project);
        self.origin = Origin::Untitled;
        self.after_open();
    }

    /// Where an item was drawn in the last frame: its left and right ends at the row's centre
    /// (both at the instant for a milestone).
    pub fn item_on_screen(&self, item: ItemId) -> Option<(egui::Pos2, egui::Pos2)> {
        let shape = self.drawn.shapes.iter().find(|shape| shape.item == item)?;
        Some((egui::pos2(shape.x0, shape.y), egui::pos2(shape.x1, shape.y)))
    }

    /// How many steps Edit ▸ Undo can take back.
    pub fn history_depth(&self) -> usize {
        self.history.undo_depth()
    }

    /// How many items the drag in progress would move, if a drag is in progress.
    pub fn previewed_moves(&self) -> Option<usize> {
        self.preview
            .as_ref()
            .map(|preview| preview.impact.moved.len())
    }

    /// The items drawn in the last frame, top to bottom.
    pub fn items_on_screen(&self) -> Vec<ItemId> {
        self.drawn.shapes.iter().map(|shape| shape.item).collect()
    }

    /// The level of the worst open risk badged on `item` in the last frame.
    pub fn risk_badge(&self, item: ItemId) -> Option<crate::report::RiskLevel> {
        self.risk_badges.last().worst(item)
    }

    /// The selected items.
    pub fn selection(&self) -> &HashSet<ItemId> {
        &self.selection
    }

    /// Whether View ▸ Baseline overlay is on.
    pub fn baseline_overlay(&self) -> bool {
        self.panels.baselines.overlay
    }

    /// How many baseline ghosts the timeline drew in the last frame.
    pub fn ghosts_drawn(&self) -> usize {
        self.ghosts_drawn
    }

    /// Presentation mode, while it is on.
    pub fn presentation(&self) -> Option<&present::Presentation> {
        self.presentation.as_ref()
    }

    /// Starts presentation mode: full screen, client-safe, on the title card.
    fn enter_presentation(&mut self, ctx: &egui::Context) {
        if self.presentation.is_some() {
            return;
        }
        let fullscreen = ctx.input(|input| input.viewport().fullscreen.unwrap_or(false));
        self.presentation = Some(present::Presentation::new(self.project(), fullscreen));
        theme::apply_present(ctx);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }

    /// Leaves presentation mode; the editing view is as it was left.
    fn leave_presentation(&mut self, ctx: &egui::Context) {
        if let Some(presentation) = self.presentation.take() {
            theme::apply(ctx, self.theme);
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(presentation.was_fullscreen()));
        }
    }

    /// One frame of presentation mode: only the presentation is drawn.
    fn presentation_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let input = present::PresentInput {
            today: self.today,
            language: self.language,
        };
        let Some(presentation) = &mut self.presentation else {
            return;
        };
        // F5 again does nothing; Esc leaves.
        ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::F5));
        if presentation.ui(ui, &input) == present::Outcome::Leave {
            self.leave_presentation(ctx);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.leave_presentation(ctx);
            self.quit_after_presenting = true;
        }
    }

    /// The timeline's view state: zoom, scroll, collapsed lanes.
    pub fn timeline_mut(&mut self) -> &mut TimelineState {
        &mut self.timeline
    }

    /// Opens the bundled sample project.
    pub fn open_sample(&mut self) {
        match store::load_str(SAMPLE) {
            Ok(loaded) => {
                self.history = History::new(loaded.project);
                self.origin = Origin::Sample;
            }
            Err(error) => {
                self.history = History::new(Project::named(tr!("project.untitled")));
                self.origin = Origin::Untitled;
                self.show_error(tr!("dialog.error_title").into_owned(), error.to_string());
            }
        }
        self.after_open();
    }

    /// Resets what belongs to the previous project's view.
    fn after_open(&mut self) {
        self.selection.clear();
        self.outline = OutlineState::default();
        self.timeline.reset();
        self.panels.baselines.forget_project();
        self.risk_badges = crate::timeline::badges::BadgeCache::default();
        // Risk ids of the old project mean nothing in the new one.
        self.panels.risks = risks::RisksState::default();
    }

    /// Opens `path`, or shows why it cannot be opened and keeps the current project.
    pub fn open_path(&mut self, path: &Path) {
        let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
        // A screenshot waits for the file: it shows the project, not the progress card.
        if size > BACKGROUND_LOAD_BYTES && self.loading.is_none() && self.screenshot.is_none() {
            self.loading = Some(loading::Loading::start(path, size));
            return;
        }
        self.opened(path, store::load_file_stamped(path));
    }

    /// Takes the result of loading `path`: the new project, or the error shown in a dialog.
    fn opened(
        &mut self,
        path: &Path,
        result: Result<(store::Loaded, store::DiskStamp), store::StoreError>,
    ) {
        match result {
            Ok((loaded, stamp)) => {
                self.history = History::new(loaded.project);
                self.safety.opened(Some(stamp));
                self.origin = Origin::File(path.to_owned());
                self.after_open();
                self.remember(path);
                self.status = Some(tr!("status.opened", path = path.display()).into_owned());
            }
            Err(error) => {
                let details: Vec<String> = error
                    .located()
                    .iter()
                    .map(|problem| format!("{}:{problem}", path.display()))
                    .collect();
                let message = format!(
                    "{}\n\n{}",
                    tr!("dialog.open_failed", path = path.display()),
                    details.join("\n")
                );
                self.show_error(tr!("dialog.error_title").into_owned(), message);
            }
        }
    }

    /// Saves to `path`; on failure the file on disk is unchanged and the project stays unsaved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let before = self.path().map(Path::to_owned);
        match store::save_file(self.project(), path) {
            Ok(stamp) => {
                self.history.mark_saved();
                self.safety.saved(stamp, before.as_deref(), path);
                self.origin = Origin::File(path.to_owned());
                self.remember(path);
                self.status = Some(tr!("status.saved_to", path = path.display()).into_owned());
                true
            }
            Err(error) => {
                let message = format!(
                    "{}\n\n{error}",
                    tr!("dialog.save_failed", path = path.display())
                );
                self.show_error(tr!("dialog.error_title").into_owned(), message);
                false
            }
        }
    }

    /// Applies an edit; a refused edit is explained in a dialog.
    pub fn apply(&mut self, edit: Edit) {
        match self.history.apply(edit) {
            Ok(applied) => self.status = Some(applied.label),
            Err(error) => {
                self.show_error(tr!("dialog.error_title").into_owned(), error.to_string());
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
            Command::Save => match self.path().map(Path::to_owned) {
                Some(path) => {
                    if self.safety.changed_on_disk(&path) {
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
            Command::Undo => {
                self.history.undo();
            }
            Command::Redo => {
                self.history.redo();
            }
            Command::Apply(edit) => self.apply(edit),
            Command::Select(items) => self.selection = items.into_iter().collect(),
            Command::ToggleSelect(item) => {
                if !self.selection.remove(&item) {
                    self.selection.insert(item);
                }
            }
            Command::ZoomToFit => self.timeline.fit_pending = true,
            Command::GoToToday => self.timeline.today_pending = true,
            Command::SetTheme(choice) => {
                self.theme = choice;
                theme::apply(ctx, choice);
            }
            Command::SetLanguage(language) => {
                self.language = language;
                i18n::set_language(language);
            }
            Command::ClearRecent => self.recent.clear(),
            Command::ShowShortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::Nudge(workdays) => self.nudge_selection(workdays),
            Command::DeleteSelection => self.delete_selection(),
            Command::ToggleCritical => self.timeline.show_critical = !self.timeline.show_critical,
            Command::Canvas(action) => self.canvas_action(ctx, action),
            Command::SaveBaseline => {
                let project = self.history.project();
                self.panels.baselines.open_save_dialog(project, self.today);
            }
            Command::ToggleBaselineOverlay => {
                self.panels.baselines.overlay = !self.panels.baselines.overlay;
            }
            Command::Present => self.enter_presentation(ctx),
            Command::OpenMeeting(meeting) => self.open_meeting(meeting),
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
            Command::Import => self.guard(Pending::Import, ctx),
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
            Command::RenameSelected => {
                if let Some(item) = self
                    .single_selection()
                    .and_then(|id| self.project().item(id))
                {
                    self.outline.renaming = Some((item.id, item.name.clone()));
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

    fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => {
                self.history = History::new(Project::named(tr!("project.untitled")));
                self.origin = Origin::Untitled;
                self.after_open();
                self.safety.opened(None);
            }
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
                    let document = self.path().map(Path::to_owned);
                    self.safety
                        .write_now(self.history.project(), document.as_deref());
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// The selected item, when exactly one is selected.
    fn single_selection(&self) -> Option<ItemId> {
        let mut items = self.selection.iter();
        match (items.next(), items.next()) {
            (Some(&item), None) => Some(item),
            _ => None,
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|known| *known != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    fn show_error(&mut self, title: String, message: String) {
        self.dialog = Some(Dialog::Error { title, message });
    }

    fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|input| {
            // Longer combinations first, so Ctrl+Shift+S is not taken for Ctrl+S.
            if input.consume_shortcut(&SHORTCUT_SAVE_AS) {
                commands.push(Command::SaveAs);
            }
            if input.consume_shortcut(&SHORTCUT_SAVE) {
                commands.push(Command::Save);
            }
            if input.consume_shortcut(&SHORTCUT_NEW) {
                commands.push(Command::New);
            }
            if input.consume_shortcut(&SHORTCUT_OPEN) {
                commands.push(Command::Open);
            }
            if input.consume_shortcut(&SHORTCUT_QUIT) {
                commands.push(Command::Quit);
            }
            if !typing {
                if input.consume_shortcut(&SHORTCUT_REDO)
                    || input.consume_shortcut(&SHORTCUT_REDO_Y)
                {
                    commands.push(Command::Redo);
                }
                if input.consume_shortcut(&SHORTCUT_UNDO) {
                    commands.push(Command::Undo);
                }
                if input.consume_key(Modifiers::NONE, Key::F2) {
                    commands.push(Command::RenameSelected);
                }
                if input.consume_key(Modifiers::NONE, Key::Home) {
                    commands.push(Command::GoToToday);
                }
                for (key, direction) in [(Key::ArrowLeft, -1), (Key::ArrowRight, 1)] {
                    if input.consume_key(Modifiers::NONE, key) {
                        commands.push(Command::Nudge(direction));
                    }
                    if input.consume_key(Modifiers::SHIFT, key) {
                        commands.push(Command::Nudge(direction * 5));
                    }
                }
                if input.consume_key(Modifiers::NONE, Key::Delete) {
                    commands.push(Command::DeleteSelection);
                }
                if input.consume_key(Modifiers::NONE, Key::F5) {
                    commands.push(Command::Present);
                }
            }
        });
    }

    fn menu_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let shortcut = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr!("menu.file"), |ui| {
                if ui
                    .add(egui::Button::new(tr!("menu.new")).shortcut_text(shortcut(&SHORTCUT_NEW)))
                    .clicked()
                {
                    commands.push(Command::New);
                }
                if ui
                    .add(
                        egui::Button::new(tr!("menu.open")).shortcut_text(shortcut(&SHORTCUT_OPEN)),
                    )
                    .clicked()
                {
                    commands.push(Command::Open);
                }
                ui.menu_button(tr!("menu.open_recent"), |ui| {
                    if self.recent.is_empty() {
                        ui.add_enabled(false, egui::Button::new(tr!("menu.no_recent")));
                    }
                    for path in &self.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                    if !self.recent.is_empty() {
                        ui.separator();
                        if ui.button(tr!("menu.clear_recent")).clicked() {
                            commands.push(Command::ClearRecent);
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(
                        egui::Button::new(tr!("menu.save")).shortcut_text(shortcut(&SHORTCUT_SAVE)),
                    )
                    .clicked()
                {
                    commands.push(Command::Save);
                }
                if ui
                    .add(
                        egui::Button::new(tr!("menu.save_as"))
                            .shortcut_text(shortcut(&SHORTCUT_SAVE_AS)),
                    )
                    .clicked()
                {
                    commands.push(Command::SaveAs);
                }
                ui.separator();
                Self::import_menu_entry_ui(ui, commands);
                ui.menu_button(tr!("menu.export"), |ui| {
                    export::export_menu_entries_ui(ui, commands);
                    ui.separator();
                    Self::export_menu_entries_ui(ui, commands);
                });
                ui.separator();
                if ui
                    .add(
                        egui::Button::new(tr!("menu.quit")).shortcut_text(shortcut(&SHORTCUT_QUIT)),
                    )
                    .clicked()
                {
                    commands.push(Command::Quit);
                }
            });
            ui.menu_button(tr!("menu.edit"), |ui| {
                let undo = self.history.undo_label().map_or_else(
                    || tr!("menu.undo").into_owned(),
                    |label| tr!("menu.undo_label", label = label).into_owned(),
                );
                let button = egui::Button::new(undo).shortcut_text(shortcut(&SHORTCUT_UNDO));
                if ui
                    .add_enabled(self.history.undo_label().is_some(), button)
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                let redo = self.history.redo_label().map_or_else(
                    || tr!("menu.redo").into_owned(),
                    |label| tr!("menu.redo_label", label = label).into_owned(),
                );
                let button = egui::Button::new(redo).shortcut_text(shortcut(&SHORTCUT_REDO));
                if ui
                    .add_enabled(self.history.redo_label().is_some(), button)
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
                ui.separator();
                export::copy_menu_ui(ui, commands);
            });
            ui.menu_button(tr!("menu.view"), |ui| {
                if ui.button(tr!("menu.zoom_to_fit")).clicked() {
                    commands.push(Command::ZoomToFit);
                }
                if ui
                    .add(egui::Button::new(tr!("menu.today")).shortcut_text("Home"))
                    .clicked()
                {
                    commands.push(Command::GoToToday);
                }
                if ui
                    .checkbox(
                        &mut self.timeline.show_critical.clone(),
                        tr!("menu.critical_path"),
                    )
                    .clicked()
                {
                    commands.push(Command::ToggleCritical);
                }
                if ui
                    .checkbox(
                        &mut self.panels.baselines.overlay.clone(),
                        tr!("baselines.menu_overlay"),
                    )
                    .clicked()
                {
                    commands.push(Command::ToggleBaselineOverlay);
                }
                if ui.button(tr!("baselines.menu_save")).clicked() {
                    commands.push(Command::SaveBaseline);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new(tr!("menu.present")).shortcut_text("F5"))
                    .clicked()
                {
                    commands.push(Command::Present);
                }
                ui.separator();
                ui.menu_button(tr!("menu.theme"), |ui| {
                    for (choice, key) in [
                        (ThemeChoice::Light, "menu.theme_light"),
                        (ThemeChoice::Dark, "menu.theme_dark"),
                    ] {
                        if ui.radio(self.theme == choice, tr!(key)).clicked() {
                            commands.push(Command::SetTheme(choice));
                        }
                    }
                });
                ui.menu_button(tr!("menu.language"), |ui| {
                    for language in Language::ALL {
                        if ui
                            .radio(self.language == language, language.native_name())
                            .clicked()
                        {
                            commands.push(Command::SetLanguage(language));
                        }
                    }
                });
            });
            ui.menu_button(tr!("menu.help"), |ui| {
                if ui.button(tr!("menu.shortcuts")).clicked() {
                    commands.push(Command::ShowShortcuts);
                }
            });
        });
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        let palette = Palette::of(self.theme);
        ui.horizontal(|ui| {
            let (text, colour) = if self.is_modified() {
                (tr!("status.unsaved"), palette.warning)
            } else {
                (tr!("status.saved"), palette.good)
            };
            ui.label(RichText::new(text).color(colour).strong());
            ui.separator();
            match &self.origin {
                Origin::File(path) => ui.label(path.display().to_string()),
                Origin::Sample => ui.label(tr!("status.sample")),
                Origin::Untitled => ui.label(tr!("status.untitled")),
            };
            ui.separator();
            let selected = match (
                self.single_selection()
                    .and_then(|id| self.project().item(id)),
                self.selection.len(),
            ) {
                (Some(item), _) => tr!("status.selected", name = item.name.as_str()).into_owned(),
                (None, 0) => tr!("status.nothing_selected").into_owned(),
                (None, count) => tr!("status.selected_many", count = count).into_owned(),
            };
            ui.label(selected);
            if let Some(facts) = &self.facts {
                if let Some(finish) = facts.finish {
                    ui.separator();
                    ui.label(tr!(
                        "status.finish",
                        date = outline::short_date(finish, self.language)
                    ));
                }
                if let Some(used) = facts.buffer_use {
                    let colour = if used >= 0.66 {
                        palette.danger
                    } else if used >= 0.33 {
                        palette.warning
                    } else {
                        palette.good
                    };
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
                        items = project.items.len(),
                        links = project.links.len()
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
        if let Some((first, last)) = self.facts.as_ref().and_then(|facts| facts.span) {
            child.label(
                RichText::new(tr!(
                    "header.span",
                    from = outline::short_date(first, self.language),
                    to = outline::short_date(last, self.language),
                    items = project.items.len()
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

    fn dialog_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        match dialog {
            Dialog::Error { title, message } => {
                egui::Modal::new(egui::Id::unique("error_dialog")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading(RichText::new(title).color(Palette::of(self.theme).danger));
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
                    ui.label(RichText::new(tr!("shortcuts.list")).monospace());
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
            Dialog::Recover { copies } => self.recover_dialog_ui(ctx, &copies),
            Dialog::Conflict { path } => self.conflict_dialog_ui(ctx, &path, commands),
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
                            if let Some(path) = self.path().map(Path::to_owned) {
                                if self.save_to(&path) {
                                    self.proceed(then.clone(), ctx);
                                }
                            } else {
                                self.after_save = Some(then.clone());
                                commands.push(Command::SaveAs);
                            }
                        }
                        if ui.button(tr!("dialog.dont_save")).clicked() {
                            self.dialog = None;
                            self.proceed(then.clone(), ctx);
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

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.language);
        let palette = Palette::of(self.theme);
        let mut commands = Vec::new();

        if self.quit_after_presenting && self.presentation.is_none() {
            self.quit_after_presenting = false;
            self.command(&ctx, Command::Quit);
        }
        if self.present_at_start && self.loading.is_none() {
            self.present_at_start = false;
            if self.dialog.is_none() {
                self.enter_presentation(&ctx);
            }
        }
        if self.presentation.is_some() && self.dialog.is_some() {
            // A question for the user (closing with unsaved changes) ends the presentation.
            self.leave_presentation(&ctx);
        }
        if self.presentation.is_some() {
            self.presentation_ui(ui, &ctx);
            self.end_frame(&ctx);
            return;
        }

        if let Some((purpose, path)) = self.files.poll() {
            match (purpose, path) {
                (Purpose::Open, Some(path)) => commands.push(Command::OpenPath(path)),
                (Purpose::SaveAs, Some(path)) => commands.push(Command::SaveTo(path)),
                (Purpose::SaveMinutes, Some(path)) => commands.push(Command::SaveMinutesTo(path)),
                (Purpose::ImportCsv, Some(path)) => commands.push(Command::ImportPath(path)),
                (
                    Purpose::ExportData {
                        format,
                        include_internal,
                    },
                    Some(path),
                ) => commands.push(Command::ExportDataTo {
                    format,
                    include_internal,
                    path,
                }),
                (purpose, Some(path)) => {
                    if let Some(format) = export::PictureFormat::of_purpose(purpose) {
                        commands.push(Command::WritePicture(format, path));
                    }
                }
                (_, None) => self.after_save = None,
            }
        }
        if self.dialog.is_none() && !self.panels.baselines.is_saving() {
            Self::shortcuts(&ctx, &mut commands);
        }
        self.schedule_facts();

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui, &mut commands));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        let revision = self.history.revision();
        egui::Panel::left("outline")
            .default_size(430.0)
            .min_size(320.0)
            .frame(egui::Frame::NONE.fill(palette.panel))
            .show(ui, |ui| {
                ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), STRIP_HEIGHT),
                    egui::Sense::hover(),
                );
                let input = OutlineInput {
                    project: self.history.project(),
                    revision,
                    selection: &self.selection,
                    language: self.language,
                    palette,
                };
                outline::outline_ui(
                    ui,
                    &mut self.timeline,
                    &mut self.outline,
                    &input,
                    &mut commands,
                );
            });
        egui::Panel::right("side_panel")
            .default_size(380.0)
            .min_size(300.0)
            .frame(
                egui::Frame::NONE
                    .fill(palette.panel)
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| {
                let mut selected: Vec<ItemId> = self.selection.iter().copied().collect();
                selected.sort_unstable();
                let input = panels::PanelInput {
                    project: self.history.project(),
                    revision,
                    selection: &selected,
                    today: self.today,
                    language: self.language,
                    palette,
                    facts: self.facts.as_ref(),
                };
                panels::panels_ui(ui, &mut self.panels, &input, &mut commands);
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(palette.canvas))
            .show(ui, |ui| {
                self.title_strip_ui(ui, palette);
                let risk_badges = self.risk_badges.get(self.history.project(), revision);
                let facts = self.facts.as_ref();
                let input = CanvasInput {
                    project: self.history.project(),
                    revision,
                    selection: &self.selection,
                    today: self.today,
                    language: self.language,
                    palette,
                    critical: facts
                        .filter(|_| self.timeline.show_critical)
                        .map(|facts| &facts.critical),
                    preview: self.preview.as_ref().map(|preview| &preview.dates),
                    impact: self.preview.as_ref().map(|preview| &preview.impact),
                    floats: facts.map(|facts| &facts.floats),
                    baseline: if self.panels.baselines.overlay {
                        self.panels.baselines.compared(self.history.project())
                    } else {
                        None
                    },
                    risk_badges: Some(risk_badges),
                };
                let output = canvas::canvas_ui(ui, &mut self.timeline, &input);
                commands.extend(output.actions.into_iter().map(Command::Canvas));
                self.drawn = output.scene;
                self.ghosts_drawn = output.ghosts;
            });
        self.dialog_ui(&ctx, &mut commands);
        let input = panels::PanelInput {
            project: self.history.project(),
            revision,
            selection: &[],
            today: self.today,
            language: self.language,
            palette,
            facts: None,
        };
        baselines::windows_ui(&ctx, &mut self.panels.baselines, &input, &mut commands);
        self.export_dialog_ui(&ctx);
        if let Some(loading) = &self.loading
            && let Some(result) = loading.ui(&ctx, palette)
        {
            let path = loading.path.clone();
            self.loading = None;
            self.opened(&path, result);
        }

        for command in commands {
            self.command(&ctx, command);
        }
        self.end_frame(&ctx);
    }

    fn persist_egui_memory(&self) -> bool {
        // A screenshot shows the window as it first opens, not as it was last left.
        self.screenshot.is_none()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY_RECENT, &self.recent);
        eframe::set_value(storage, KEY_LANGUAGE, &self.language);
        eframe::set_value(storage, KEY_THEME, &self.theme);
    }
}

impl App {
    /// What every frame ends with: closing, the title, recovery copies, the screenshot.
    fn end_frame(&mut self, ctx: &egui::Context) {
        if ctx.input(|input| input.viewport().close_requested())
            && !self.allow_close
            && self.is_modified()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Pending::Quit,
            });
        }
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.keep_recovery_copy(ctx);
        if let Some(screenshot) = &mut self.screenshot
            && screenshot.frame(ctx)
        {
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// Opens the window and runs until it closes.
///
/// # Errors
/// The window could not be created, or the screenshot could not be saved.
pub fn run(startup: Startup) -> anyhow::Result<()> {
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
            cc.egui_ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
            ));
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
    match language {
        Language::English => date.format("%a %-d %b %Y").to_string(),
        Language::Chinese => {
            const WEEKDAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            let weekday =
                WEEKDAYS[chrono::Datelike::weekday(&date).num_days_from_monday() as usize];
            format!("{} {weekday}", date.format("%Y年%-m月%-d日"))
        }
    }
}
