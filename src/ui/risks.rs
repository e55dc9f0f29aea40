//! The Risks tab: the register, its heat map and the editor.

use super::Command;
use super::panels::PanelInput;

/// What the tab remembers between frames.
#[derive(Default)]
pub struct RisksState {}

/// The tab.
pub fn risks_ui(
    ui: &mut egui::Ui,
    _state: &mut RisksState,
    input: &PanelInput<'_>,
    _commands: &mut Vec<Command>,
) {
    ui.label(egui::RichText::new(&input.project.name).color(input.palette.text_muted));
}
