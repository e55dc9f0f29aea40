//! One frame of the window: the panels in their places, the dialogs on top, then the commands
//! pushed during the frame carried out, and what every frame ends with.

use egui::ViewportCommand;

use crate::i18n;
use crate::model::ItemId;
use crate::ui::timeline::canvas::{self, CanvasInput};

use super::commands::{self, Command};
use super::derived::Derived;
use super::dialogs::{Dialog, Pending};
use super::files::Purpose;
use super::outline::{self, OutlineInput};
use super::theme::Palette;
use super::{App, STRIP_HEIGHT, baselines, export, panels};

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.prefs.language);
        let palette = Palette::of(self.prefs.theme);
        let mut commands = Vec::new();

        if let Some(first_frame) = &mut self.first_frame
            && first_frame.frame(&ctx)
        {
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        if self.quit_after_presenting && self.view.presentation.is_none() {
            self.quit_after_presenting = false;
            self.command(&ctx, Command::Quit);
        }
        if self.present_at_start && self.session.loading.is_none() {
            self.present_at_start = false;
            if self.dialog.is_none() {
                self.enter_presentation(&ctx);
            }
        }
        if self.view.presentation.is_some() && self.dialog.is_some() {
            // A question for the user (closing with unsaved changes) ends the presentation.
            self.leave_presentation(&ctx);
        }
        if self
            .session
            .loading
            .as_ref()
            .is_some_and(|loading| loading.at_start)
        {
            // The file the window opened with is still being read: an empty canvas, not the
            // empty project behind it.
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(palette.canvas))
                .show(ui, |_| {});
            self.poll_loading(&ctx, palette);
            self.end_frame(&ctx);
            return;
        }
        if self.view.presentation.is_some() {
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
        if self.files.take_failed() {
            self.show_error(
                crate::tr!("dialog.error_title").into_owned(),
                crate::tr!("dialog.file_dialog_failed").into_owned(),
            );
        }
        if self.dialog.is_none() && !self.view.panels.baselines.is_saving() {
            let state = commands::CommandState {
                history: &self.session.history,
            };
            commands.extend(commands::keys_to_commands(&ctx, &state));
        }
        let revision = self.session.history.revision();
        self.derived
            .schedule_facts(self.session.history.project(), revision);
        let covered = self.modal_open();

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui, &mut commands));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        let outline_rect = egui::Panel::left("outline")
            .default_size(430.0)
            .min_size(320.0)
            .frame(egui::Frame::NONE.fill(palette.panel))
            .show(ui, |ui| {
                ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), STRIP_HEIGHT),
                    egui::Sense::hover(),
                );
                let view = &mut self.view;
                let input = OutlineInput {
                    project: self.session.history.project(),
                    revision,
                    selection: &view.selection,
                    language: self.prefs.language,
                    palette,
                };
                outline::outline_ui(
                    ui,
                    &mut view.timeline,
                    &mut view.outline,
                    &input,
                    &mut commands,
                );
            })
            .response
            .rect;
        egui::Panel::right("side_panel")
            // Wide enough for the tab bar on one line.
            .default_size(390.0)
            .min_size(300.0)
            .frame(
                egui::Frame::NONE
                    .fill(palette.panel)
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| {
                let mut selected: Vec<ItemId> = self.view.selection.iter().copied().collect();
                selected.sort_unstable();
                let project = self.session.history.project();
                let baseline_changes =
                    self.view
                        .panels
                        .baselines
                        .compared(project)
                        .map(|baseline| {
                            self.derived
                                .baselines
                                .changes_since(project, revision, baseline)
                        });
                let input = panels::PanelInput {
                    project,
                    revision,
                    selection: &selected,
                    today: self.today,
                    language: self.prefs.language,
                    palette,
                    facts: self.derived.facts.as_ref(),
                    baseline_changes,
                };
                let panel = panels::Panel {
                    input: &input,
                    commands: &mut commands,
                };
                panels::panels_ui(ui, &mut self.view.panels, panel);
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(palette.canvas))
            .show(ui, |ui| {
                self.title_strip_ui(ui, palette);
                let project = self.session.history.project();
                let Derived {
                    facts, risk_badges, ..
                } = &mut self.derived;
                let risk_badges = risk_badges.get(project, revision);
                let facts = facts.as_ref();
                let view = &mut self.view;
                let input = CanvasInput {
                    project,
                    revision,
                    selection: &view.selection,
                    selected_link: view.selected_link,
                    today: self.today,
                    language: self.prefs.language,
                    palette,
                    critical: facts
                        .filter(|_| view.timeline.show_critical)
                        .map(|facts| &facts.critical),
                    preview: view.preview.as_ref().map(|preview| &preview.dates),
                    impact: view.preview.as_ref().map(|preview| &preview.impact),
                    floats: facts.map(|facts| &facts.floats),
                    baseline: if view.panels.baselines.overlay {
                        view.panels.baselines.compared(project)
                    } else {
                        None
                    },
                    risk_badges: Some(risk_badges),
                    covered,
                };
                let output = canvas::canvas_ui(ui, &mut view.timeline, &input);
                commands.extend(output.actions.into_iter().map(Command::Canvas));
                commands.extend(output.commands);
                view.drawn = output.scene;
                view.ghosts_drawn = output.ghosts;
            });
        outline::splitter_grip(ui.painter(), outline_rect, palette);
        self.dialog_ui(&ctx, &mut commands);
        let input = panels::PanelInput {
            project: self.session.history.project(),
            revision,
            selection: &[],
            today: self.today,
            language: self.prefs.language,
            palette,
            facts: None,
            baseline_changes: None,
        };
        baselines::windows_ui(
            &ctx,
            &mut self.view.panels.baselines,
            &mut self.derived.baselines,
            &input,
            &mut commands,
        );
        self.export_dialog_ui(&ctx);
        self.poll_loading(&ctx, palette);

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
        self.prefs.save(storage);
    }
}

impl App {
    /// Shows the progress card of a file opening in the background, and takes the project
    /// once it is read.
    fn poll_loading(&mut self, ctx: &egui::Context, palette: &Palette) {
        if let Some(loading) = &self.session.loading
            && let Some(result) = loading.ui(ctx, palette)
        {
            let path = loading.path.clone();
            self.session.loading = None;
            self.opened(&path, result);
        }
    }

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

impl App {
    /// Edit ▸ Undo (`redo` false) or Redo: takes the step back or again, says in the status
    /// line what it was ("Undid: Move …"), and drops from the selection what no longer exists
    /// (undoing an add leaves nothing selected, not a blank inspector).
    pub(super) fn undo_or_redo(&mut self, redo: bool) {
        let history = &mut self.session.history;
        let (label, done) = if redo {
            (history.redo_label(), history.redo())
        } else {
            (history.undo_label(), history.undo())
        };
        if !done {
            return;
        }
        if let Some(label) = label {
            let key = if redo { "status.redid" } else { "status.undid" };
            self.status = Some(crate::tr!(key, label = label).into_owned());
        }
        let project = self.session.history.project();
        self.view
            .selection
            .retain(|item| project.item(*item).is_some());
    }
}
