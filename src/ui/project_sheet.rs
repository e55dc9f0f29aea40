//! The Project tab: name, client, goal, scope, team, lanes, calendar and baselines.

use super::Command;
use super::panels::PanelInput;

/// What the tab remembers between frames.
#[derive(Default)]
pub struct ProjectSheetState {}

/// The tab.
pub fn project_sheet_ui(
    ui: &mut egui::Ui,
    _state: &mut ProjectSheetState,
    input: &PanelInput<'_>,
    _commands: &mut Vec<Command>,
) {
    ui.label(egui::RichText::new(&input.project.name).color(input.palette.text_muted));
}
