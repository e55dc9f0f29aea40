//! Everything the user can ask the window for, in one place.
//!
//! [`Command`] is what the UI pushes and [`super::App::command`] carries out at the end of the
//! frame. [`UiCommand`] is the table of the commands that have a name in a menu or a key: each
//! owns its label, its shortcuts and when it is enabled, and the menus, the key handling and
//! Help ▸ Keyboard shortcuts are generated from it (a test checks the README's table against it).
//! What a command does is not decided here.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::edit::{Edit, History};
use crate::i18n::Language;
use crate::model::{ItemId, MeetingId, RiskId};
use crate::store;
use crate::tr;
use crate::ui::timeline::canvas::CanvasAction;

use super::data_files::DataExport;
use super::dialogs::Pending;
use super::export::PictureFormat;
use super::theme::ThemeChoice;

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
    /// Save the changes (asking where when there is no file), then go on with this.
    SaveThen(Pending),
    /// Drop the unsaved changes and go on with this.
    DiscardThen(Pending),
    /// Save over the file even though it changed on disk.
    Overwrite(PathBuf),
    /// Read the file again from disk, dropping the changes made here.
    Reload(PathBuf),
    /// Open a recovery copy as the current project.
    Restore(store::Recovery),
    /// Delete a recovery copy.
    DiscardRecovery(store::Recovery),
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
    /// Move the selection to the next row of the outline (`down`) or the one above, adding it
    /// to the selection when `extend`.
    MoveSelection {
        /// Down the outline, else up.
        down: bool,
        /// Keep what is selected and add the new row.
        extend: bool,
    },
    /// Put the keyboard in the inspector's name field.
    FocusName,
    /// Add an item of this kind below the selection.
    AddItem(AddKind),
    /// Add a lane.
    AddLane,
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
    OpenMeeting(MeetingId),
    /// Show a risk in the Risks tab.
    OpenRisk(RiskId),
    /// Ask where to save the minutes of a meeting.
    SaveMinutes(MeetingId),
    /// Save the minutes asked for to this file.
    SaveMinutesTo(PathBuf),
    /// The minutes of a meeting were put on the clipboard.
    MinutesCopied,
    /// Select an item and scroll to it.
    RevealItem(ItemId),
    /// Show the options of a timeline picture, then ask where to write it.
    ShowExport(PictureFormat),
    /// Write the timeline picture to this file.
    WritePicture(PictureFormat, PathBuf),
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

/// What Edit ▸ Add task / Add milestone adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddKind {
    /// A five-working-day task.
    Task,
    /// A milestone.
    Milestone,
}

/// A command with a name in a menu or a key: the one table the menus, the key handling and
/// Help ▸ Keyboard shortcuts are generated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// File ▸ New.
    New,
    /// File ▸ Open….
    Open,
    /// File ▸ Save.
    Save,
    /// File ▸ Save As….
    SaveAs,
    /// File ▸ Import….
    Import,
    /// File ▸ Quit.
    Quit,
    /// Edit ▸ Undo.
    Undo,
    /// Edit ▸ Redo.
    Redo,
    /// Edit ▸ Copy timeline as image.
    CopyTimelineImage,
    /// Rename the selected item.
    Rename,
    /// Move the selection a working day earlier.
    NudgeEarlier,
    /// Move the selection a working day later.
    NudgeLater,
    /// Move the selection a week earlier.
    NudgeWeekEarlier,
    /// Move the selection a week later.
    NudgeWeekLater,
    /// Delete the selection.
    Delete,
    /// Cancel a drag or a rename (handled where the drag or the rename is).
    Cancel,
    /// View ▸ Zoom to fit.
    ZoomToFit,
    /// View ▸ Go to today.
    GoToToday,
    /// View ▸ Critical path.
    ToggleCritical,
    /// View ▸ Baseline overlay.
    ToggleBaselineOverlay,
    /// View ▸ Save baseline….
    SaveBaseline,
    /// View ▸ Present.
    Present,
    /// Help ▸ Keyboard shortcuts.
    ShowShortcuts,
    /// Edit ▸ Add task.
    AddTask,
    /// Edit ▸ Add milestone.
    AddMilestone,
    /// Edit ▸ Add lane.
    AddLane,
    /// Select the row above in the outline.
    SelectUp,
    /// Select the row below in the outline.
    SelectDown,
    /// Add the row above to the selection.
    ExtendUp,
    /// Add the row below to the selection.
    ExtendDown,
    /// Edit the selected item's name in the inspector.
    EditName,
}

/// `Ctrl` (`Cmd` on a Mac) with `key`.
const fn command_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// `Ctrl+Shift` (`Cmd+Shift` on a Mac) with `key`.
const fn command_shift_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// ↑ / ↓ (`down`) in the outline, adding to the selection when `extend`.
const fn move_selection(down: bool, extend: bool) -> Command {
    Command::MoveSelection { down, extend }
}

/// `key` alone.
const fn plain_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// What the window state a command's enabled state depends on.
pub struct CommandState<'a> {
    /// The open project's history.
    pub history: &'a History,
}

impl UiCommand {
    /// Every command, in the order keys are matched: a combination with more modifiers comes
    /// before the same key with fewer, because egui lets extra Shift through.
    pub const ALL: [Self; 31] = [
        Self::ExtendUp,
        Self::ExtendDown,
        Self::SelectUp,
        Self::SelectDown,
        Self::SaveAs,
        Self::Save,
        Self::New,
        Self::Open,
        Self::Quit,
        Self::Redo,
        Self::Undo,
        Self::Rename,
        Self::GoToToday,
        Self::NudgeWeekEarlier,
        Self::NudgeWeekLater,
        Self::NudgeEarlier,
        Self::NudgeLater,
        Self::Delete,
        Self::Present,
        Self::Cancel,
        Self::Import,
        Self::CopyTimelineImage,
        Self::ZoomToFit,
        Self::ToggleCritical,
        Self::ToggleBaselineOverlay,
        Self::SaveBaseline,
        Self::ShowShortcuts,
        Self::AddTask,
        Self::AddMilestone,
        Self::AddLane,
        Self::EditName,
    ];

    /// The keys that give this command, the first one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::New => const { &[command_key(Key::N)] },
            Self::Open => const { &[command_key(Key::O)] },
            Self::Save => const { &[command_key(Key::S)] },
            Self::SaveAs => const { &[command_shift_key(Key::S)] },
            Self::Quit => const { &[command_key(Key::Q)] },
            Self::Undo => const { &[command_key(Key::Z)] },
            Self::Redo => const { &[command_shift_key(Key::Z), command_key(Key::Y)] },
            Self::Rename => const { &[plain_key(Key::F2)] },
            Self::NudgeEarlier => const { &[plain_key(Key::ArrowLeft)] },
            Self::NudgeLater => const { &[plain_key(Key::ArrowRight)] },
            Self::NudgeWeekEarlier => {
                const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowLeft)] }
            }
            Self::NudgeWeekLater => {
                const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowRight)] }
            }
            Self::Delete => const { &[plain_key(Key::Delete)] },
            Self::Cancel => const { &[plain_key(Key::Escape)] },
            Self::GoToToday => const { &[plain_key(Key::Home)] },
            Self::Present => const { &[plain_key(Key::F5)] },
            Self::AddTask => const { &[plain_key(Key::Insert)] },
            Self::AddMilestone => const { &[command_key(Key::M)] },
            Self::SelectUp => const { &[plain_key(Key::ArrowUp)] },
            Self::SelectDown => const { &[plain_key(Key::ArrowDown)] },
            Self::ExtendUp => const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowUp)] },
            Self::ExtendDown => {
                const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowDown)] }
            }
            Self::EditName => const { &[plain_key(Key::Enter)] },
            Self::AddLane
            | Self::Import
            | Self::CopyTimelineImage
            | Self::ZoomToFit
            | Self::ToggleCritical
            | Self::ToggleBaselineOverlay
            | Self::SaveBaseline
            | Self::ShowShortcuts => &[],
        }
    }

    /// The key of the command's name in menus, in the locale files.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::New => "menu.new",
            Self::Open => "menu.open",
            Self::Save => "menu.save",
            Self::SaveAs => "menu.save_as",
            Self::Import => "menu.import",
            Self::Quit => "menu.quit",
            Self::Undo => "menu.undo",
            Self::Redo => "menu.redo",
            Self::CopyTimelineImage => "export.menu_copy_image",
            Self::Rename => "command.rename",
            Self::NudgeEarlier => "command.nudge_earlier",
            Self::NudgeLater => "command.nudge_later",
            Self::NudgeWeekEarlier => "command.nudge_week_earlier",
            Self::NudgeWeekLater => "command.nudge_week_later",
            Self::Delete => "command.delete",
            Self::Cancel => "command.cancel",
            Self::ZoomToFit => "menu.zoom_to_fit",
            Self::GoToToday => "menu.today",
            Self::ToggleCritical => "menu.critical_path",
            Self::ToggleBaselineOverlay => "baselines.menu_overlay",
            Self::SaveBaseline => "baselines.menu_save",
            Self::Present => "menu.present",
            Self::ShowShortcuts => "menu.shortcuts",
            Self::AddTask => "menu.add_task",
            Self::AddMilestone => "menu.add_milestone",
            Self::AddLane => "menu.add_lane",
            Self::SelectUp => "command.select_up",
            Self::SelectDown => "command.select_down",
            Self::ExtendUp => "command.extend_up",
            Self::ExtendDown => "command.extend_down",
            Self::EditName => "command.edit_name",
        }
    }

    /// The key of the tooltip shown on the menu entry, if it has one.
    pub fn hint_key(self) -> Option<&'static str> {
        match self {
            Self::CopyTimelineImage => Some("export.menu_copy_image_hint"),
            _ => None,
        }
    }

    /// The command's name in menus, in the current language: Undo and Redo name the change.
    pub fn label(self, state: &CommandState<'_>) -> String {
        let label = match self {
            Self::Undo => state.history.undo_label(),
            Self::Redo => state.history.redo_label(),
            _ => None,
        };
        match (self, label) {
            (Self::Undo, Some(label)) => tr!("menu.undo_label", label = label).into_owned(),
            (Self::Redo, Some(label)) => tr!("menu.redo_label", label = label).into_owned(),
            _ => tr!(self.label_key()).into_owned(),
        }
    }

    /// What the command does, as Help ▸ Keyboard shortcuts says it.
    pub fn help(self) -> String {
        match self {
            Self::Present => tr!("command.present_help").into_owned(),
            _ => tr!(self.label_key()).trim_end_matches('…').to_owned(),
        }
    }

    /// Whether the command can be given now.
    pub fn enabled(self, state: &CommandState<'_>) -> bool {
        match self {
            Self::Undo => state.history.undo_label().is_some(),
            Self::Redo => state.history.redo_label().is_some(),
            _ => true,
        }
    }

    /// Whether the window's key handling gives it (Esc belongs to the drag or rename it ends).
    fn handled_by_window(self) -> bool {
        self != Self::Cancel
    }

    /// Whether its keys work while a text field has the keyboard (they are not keys that edit
    /// text).
    fn works_while_typing(self) -> bool {
        matches!(
            self,
            Self::New | Self::Open | Self::Save | Self::SaveAs | Self::Quit
        )
    }

    /// What the window carries out for it.
    pub fn command(self) -> Option<Command> {
        Some(match self {
            Self::New => Command::New,
            Self::Open => Command::Open,
            Self::Save => Command::Save,
            Self::SaveAs => Command::SaveAs,
            Self::Import => Command::Import,
            Self::Quit => Command::Quit,
            Self::Undo => Command::Undo,
            Self::Redo => Command::Redo,
            Self::CopyTimelineImage => Command::CopyTimelineImage,
            Self::Rename => Command::RenameSelected,
            Self::NudgeEarlier => Command::Nudge(-1),
            Self::NudgeLater => Command::Nudge(1),
            Self::NudgeWeekEarlier => Command::Nudge(-5),
            Self::NudgeWeekLater => Command::Nudge(5),
            Self::Delete => Command::DeleteSelection,
            Self::Cancel => return None,
            Self::ZoomToFit => Command::ZoomToFit,
            Self::GoToToday => Command::GoToToday,
            Self::ToggleCritical => Command::ToggleCritical,
            Self::ToggleBaselineOverlay => Command::ToggleBaselineOverlay,
            Self::SaveBaseline => Command::SaveBaseline,
            Self::Present => Command::Present,
            Self::ShowShortcuts => Command::ShowShortcuts,
            Self::AddTask => Command::AddItem(AddKind::Task),
            Self::AddMilestone => Command::AddItem(AddKind::Milestone),
            Self::AddLane => Command::AddLane,
            Self::SelectUp => move_selection(false, false),
            Self::SelectDown => move_selection(true, false),
            Self::ExtendUp => move_selection(false, true),
            Self::ExtendDown => move_selection(true, true),
            Self::EditName => Command::FocusName,
        })
    }
}

/// A shortcut written as the README and Help ▸ Keyboard shortcuts write it: `Ctrl+Shift+S`,
/// `Shift+←`, `F5`.
pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
    let mut text = String::new();
    if shortcut.modifiers.command || shortcut.modifiers.ctrl || shortcut.modifiers.mac_cmd {
        text.push_str("Ctrl+");
    }
    if shortcut.modifiers.alt {
        text.push_str("Alt+");
    }
    if shortcut.modifiers.shift {
        text.push_str("Shift+");
    }
    text.push_str(match shortcut.logical_key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        Key::Insert => "Insert",
        key => key.name(),
    });
    text
}

/// A heading of Help ▸ Keyboard shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortcutGroup {
    /// Files and the window.
    File,
    /// Changing the project.
    Edit,
    /// Moving the selection and what is selected.
    Selection,
    /// How the timeline is shown.
    View,
    /// Help.
    Help,
}

impl ShortcutGroup {
    /// The headings, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::File,
        Self::Edit,
        Self::Selection,
        Self::View,
        Self::Help,
    ];

    /// The heading in the current language.
    pub fn title(self) -> String {
        tr!(match self {
            Self::File => "menu.file",
            Self::Edit => "menu.edit",
            Self::Selection => "shortcuts.group_selection",
            Self::View => "menu.view",
            Self::Help => "menu.help",
        })
        .into_owned()
    }
}

impl UiCommand {
    /// The heading it is listed under in Help ▸ Keyboard shortcuts.
    pub fn group(self) -> ShortcutGroup {
        match self {
            Self::New | Self::Open | Self::Save | Self::SaveAs | Self::Import | Self::Quit => {
                ShortcutGroup::File
            }
            Self::Undo
            | Self::Redo
            | Self::CopyTimelineImage
            | Self::AddTask
            | Self::AddMilestone
            | Self::AddLane
            | Self::Rename
            | Self::EditName
            | Self::Delete
            | Self::Cancel => ShortcutGroup::Edit,
            Self::NudgeEarlier
            | Self::NudgeLater
            | Self::NudgeWeekEarlier
            | Self::NudgeWeekLater
            | Self::SelectUp
            | Self::SelectDown
            | Self::ExtendUp
            | Self::ExtendDown => ShortcutGroup::Selection,
            Self::ZoomToFit
            | Self::GoToToday
            | Self::ToggleCritical
            | Self::ToggleBaselineOverlay
            | Self::SaveBaseline
            | Self::Present => ShortcutGroup::View,
            Self::ShowShortcuts => ShortcutGroup::Help,
        }
    }
}

/// The lines of Help ▸ Keyboard shortcuts, under their headings: keys, then what they do.
pub fn shortcut_lines() -> Vec<(String, Vec<(String, String)>)> {
    ShortcutGroup::ALL
        .iter()
        .map(|group| {
            let lines = UiCommand::ALL
                .iter()
                .filter(|command| command.group() == *group && !command.shortcuts().is_empty())
                .map(|command| {
                    let keys: Vec<String> = command.shortcuts().iter().map(shortcut_text).collect();
                    (keys.join(" / "), command.help())
                })
                .collect::<Vec<_>>();
            (group.title(), lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// Turns the keys pressed this frame into commands, in table order.
pub fn keys_to_commands(ctx: &egui::Context, state: &CommandState<'_>) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for ui_command in UiCommand::ALL {
            if !ui_command.handled_by_window() || (typing && !ui_command.works_while_typing()) {
                continue;
            }
            let pressed = ui_command
                .shortcuts()
                .iter()
                .any(|shortcut| input.consume_shortcut(shortcut));
            if pressed
                && ui_command.enabled(state)
                && let Some(command) = ui_command.command()
            {
                commands.push(command);
            }
        }
    });
    commands
}

/// A menu entry for `ui_command`, with its shortcut and whether it is enabled.
pub fn menu_entry_ui(
    ui: &mut egui::Ui,
    ui_command: UiCommand,
    state: &CommandState<'_>,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(ui_command.label(state));
    if let Some(shortcut) = ui_command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let mut response = ui.add_enabled(ui_command.enabled(state), button);
    if let Some(hint) = ui_command.hint_key() {
        response = response.on_hover_text(tr!(hint));
    }
    if response.clicked()
        && let Some(command) = ui_command.command()
    {
        commands.push(command);
    }
}

/// A small toolbar button for `ui_command`, named by `key`, its label and shortcut in its
/// tooltip.
pub fn toolbar_button_ui(
    ui: &mut egui::Ui,
    ui_command: UiCommand,
    key: &str,
    state: &CommandState<'_>,
    commands: &mut Vec<Command>,
) {
    let mut hover = ui_command.label(state);
    if let Some(shortcut) = ui_command.shortcuts().first() {
        hover = format!("{hover} ({})", ui.ctx().format_shortcut(shortcut));
    }
    let response = ui
        .add_enabled(
            ui_command.enabled(state),
            egui::Button::new(tr!(key)).small(),
        )
        .on_hover_text(hover);
    if response.clicked()
        && let Some(command) = ui_command.command()
    {
        commands.push(command);
    }
}

/// A checkbox menu entry for `ui_command`, ticked when `on`.
pub fn menu_toggle_ui(
    ui: &mut egui::Ui,
    ui_command: UiCommand,
    on: bool,
    state: &CommandState<'_>,
    commands: &mut Vec<Command>,
) {
    if ui
        .checkbox(&mut on.clone(), ui_command.label(state))
        .clicked()
        && let Some(command) = ui_command.command()
    {
        commands.push(command);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(
                    seen.insert(shortcut_text(shortcut)),
                    "{} is given to two commands",
                    shortcut_text(shortcut)
                );
            }
        }
    }

    #[test]
    fn a_key_with_more_modifiers_is_matched_first() {
        // egui lets an extra Shift through, so Ctrl+Shift+S must be tried before Ctrl+S.
        let position = |wanted: UiCommand| {
            UiCommand::ALL
                .iter()
                .position(|command| *command == wanted)
                .expect("in the table")
        };
        assert!(
            position(UiCommand::SaveAs) < position(UiCommand::Save),
            "Ctrl+Shift+S"
        );
        assert!(
            position(UiCommand::Redo) < position(UiCommand::Undo),
            "Ctrl+Shift+Z"
        );
    }

    #[test]
    fn shortcuts_are_written_as_the_readme_writes_them() {
        assert_eq!(shortcut_text(&command_shift_key(Key::S)), "Ctrl+Shift+S");
        assert_eq!(
            shortcut_text(&KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowLeft)),
            "Shift+←"
        );
        assert_eq!(shortcut_text(&plain_key(Key::Escape)), "Esc");
        assert_eq!(shortcut_text(&plain_key(Key::Delete)), "Delete");
    }
}
