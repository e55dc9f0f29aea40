//! The Meetings tab: the communication log and its editor.

use super::Command;
use super::panels::PanelInput;

/// What the tab remembers between frames.
#[derive(Default)]
pub struct MeetingsState {}

/// The tab.
pub fn meetings_ui(
    ui: &mut egui::Ui,
    _state: &mut MeetingsState,
    input: &PanelInput<'_>,
    _commands: &mut Vec<Command>,
) {
    ui.label(egui::RichText::new(&input.project.name).color(input.palette.text_muted));
}
