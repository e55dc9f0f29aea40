//! The Retrospectives tab: figures, lessons and the client's feedback.

use super::Command;
use super::panels::PanelInput;

/// What the tab remembers between frames.
#[derive(Default)]
pub struct RetrospectivesState {}

/// The tab.
pub fn retrospectives_ui(
    ui: &mut egui::Ui,
    _state: &mut RetrospectivesState,
    input: &PanelInput<'_>,
    _commands: &mut Vec<Command>,
) {
    ui.label(egui::RichText::new(&input.project.name).color(input.palette.text_muted));
}
