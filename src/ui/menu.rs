//! The menu bar, built from the command table ([`UiCommand`]): each entry's name, shortcut and
//! enabled state come from there.

use crate::i18n::Language;
use crate::tr;

use super::commands::{
    Command, CommandState, UiCommand, menu_entry_ui, menu_toggle_ui, toolbar_button_ui,
};
use super::theme::ThemeChoice;
use super::{App, export};

impl App {
    /// File, Edit, View and Help.
    pub(super) fn menu_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let state = CommandState {
            history: &self.session.history,
        };
        let entry = |ui: &mut egui::Ui, command, commands: &mut Vec<Command>| {
            menu_entry_ui(ui, command, &state, commands);
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr!("menu.file"), |ui| {
                entry(ui, UiCommand::New, commands);
                entry(ui, UiCommand::Open, commands);
                self.recent_menu_ui(ui, commands);
                ui.separator();
                entry(ui, UiCommand::Save, commands);
                entry(ui, UiCommand::SaveAs, commands);
                ui.separator();
                entry(ui, UiCommand::Import, commands);
                ui.menu_button(tr!("menu.export"), |ui| {
                    export::export_menu_entries_ui(ui, commands);
                    ui.separator();
                    Self::export_menu_entries_ui(ui, commands);
                });
                ui.separator();
                entry(ui, UiCommand::Quit, commands);
            });
            ui.menu_button(tr!("menu.edit"), |ui| {
                entry(ui, UiCommand::Undo, commands);
                entry(ui, UiCommand::Redo, commands);
                ui.separator();
                entry(ui, UiCommand::CopyTimelineImage, commands);
                ui.separator();
                entry(ui, UiCommand::AddTask, commands);
                entry(ui, UiCommand::AddMilestone, commands);
                entry(ui, UiCommand::AddLane, commands);
            });
            ui.menu_button(tr!("menu.view"), |ui| {
                entry(ui, UiCommand::ZoomToFit, commands);
                entry(ui, UiCommand::GoToToday, commands);
                let critical = self.view.timeline.show_critical;
                menu_toggle_ui(ui, UiCommand::ToggleCritical, critical, &state, commands);
                let overlay = self.view.panels.baselines.overlay;
                menu_toggle_ui(
                    ui,
                    UiCommand::ToggleBaselineOverlay,
                    overlay,
                    &state,
                    commands,
                );
                entry(ui, UiCommand::SaveBaseline, commands);
                ui.separator();
                entry(ui, UiCommand::Present, commands);
                ui.separator();
                self.theme_menu_ui(ui, commands);
                self.language_menu_ui(ui, commands);
            });
            ui.menu_button(tr!("menu.help"), |ui| {
                entry(ui, UiCommand::ShowShortcuts, commands);
            });
            // The toolbar: adding without looking for the Project tab.
            ui.separator();
            for (ui_command, key) in [
                (UiCommand::AddTask, "toolbar.add_task"),
                (UiCommand::AddMilestone, "toolbar.add_milestone"),
                (UiCommand::AddLane, "toolbar.add_lane"),
            ] {
                toolbar_button_ui(ui, ui_command, key, &state, commands);
            }
        });
    }

    /// File ▸ Open Recent.
    fn recent_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let recent = &self.prefs.recent;
        ui.menu_button(tr!("menu.open_recent"), |ui| {
            if recent.is_empty() {
                ui.add_enabled(false, egui::Button::new(tr!("menu.no_recent")));
            }
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::OpenPath(path.clone()));
                }
            }
            if !recent.is_empty() {
                ui.separator();
                if ui.button(tr!("menu.clear_recent")).clicked() {
                    commands.push(Command::ClearRecent);
                }
            }
        });
    }

    /// View ▸ Theme.
    fn theme_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.menu_button(tr!("menu.theme"), |ui| {
            for (choice, key) in [
                (ThemeChoice::Light, "menu.theme_light"),
                (ThemeChoice::Dark, "menu.theme_dark"),
            ] {
                if ui.radio(self.prefs.theme == choice, tr!(key)).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
        });
    }

    /// View ▸ Language.
    fn language_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.menu_button(tr!("menu.language"), |ui| {
            for language in Language::ALL {
                if ui
                    .radio(self.prefs.language == language, language.native_name())
                    .clicked()
                {
                    commands.push(Command::SetLanguage(language));
                }
            }
        });
    }
}
