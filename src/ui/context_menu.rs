//! The right-click menus of the timeline and the outline: on an item (bar, milestone or
//! outline row), on a link arrow, and on the background. Each entry pushes the [`Command`]s the
//! window carries out, the same ones its menus and keys give.

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::i18n::Message;
use crate::model::{ItemId, LaneId, LinkKind, Project};
use crate::tr;

use super::Command;
use super::commands::AddKind;
use super::timeline::canvas::CanvasAction;

/// What was right-clicked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An item: its bar, its diamond or its outline row.
    Item(ItemId),
    /// A link's arrow.
    Link {
        /// Predecessor.
        from: ItemId,
        /// Successor.
        to: ItemId,
    },
    /// The timeline's background: a lane's row (or none) on a date.
    Background {
        /// The lane of the row.
        lane: Option<LaneId>,
        /// The date under the pointer.
        date: NaiveDate,
    },
}

/// The progress steps offered.
const PROGRESS_STEPS: [u8; 5] = [0, 25, 50, 75, 100];

/// The entries for `target`; a click pushes its commands and closes the menu.
pub fn context_menu_ui(
    ui: &mut egui::Ui,
    project: &Project,
    target: Target,
    commands: &mut Vec<Command>,
) {
    match target {
        Target::Item(id) => item_menu_ui(ui, project, id, commands),
        Target::Link { from, to } => link_menu_ui(ui, project, from, to, commands),
        Target::Background { lane, date } => {
            if ui.button(tr!("menu.add_task_here")).clicked() {
                commands.push(Command::Canvas(CanvasAction::AddTask { lane, date }));
                ui.close();
            }
            if ui.button(tr!("menu.add_milestone_here")).clicked() {
                commands.push(Command::Canvas(CanvasAction::AddMilestone { lane, date }));
                ui.close();
            }
            ui.separator();
            if ui.button(tr!("menu.fit")).clicked() {
                commands.push(Command::ZoomToFit);
                ui.close();
            }
        }
    }
}

fn item_menu_ui(ui: &mut egui::Ui, project: &Project, id: ItemId, commands: &mut Vec<Command>) {
    let Some(item) = project.item(id) else {
        ui.close();
        return;
    };
    entry(
        ui,
        commands,
        id,
        "menu.rename",
        vec![Command::RenameSelected],
    );
    // Below the item: the same rule as Edit ▸ Add task with the item selected.
    entry(
        ui,
        commands,
        id,
        "menu.add_task_below",
        vec![Command::AddItem(AddKind::Task)],
    );
    entry(
        ui,
        commands,
        id,
        "menu.add_milestone_below",
        vec![Command::AddItem(AddKind::Milestone)],
    );
    if item.kind == crate::model::ItemKind::Task {
        ui.menu_button(tr!("menu.progress"), |ui| {
            for percent in PROGRESS_STEPS {
                let text = format!("{percent} %");
                if ui
                    .add_enabled(item.progress != percent, egui::Button::new(text))
                    .clicked()
                {
                    commands.push(Command::Apply(Edit::SetProgress {
                        item: id,
                        progress: percent,
                    }));
                    ui.close();
                }
            }
        });
    }
    let links: Vec<Edit> = project
        .links
        .iter()
        .filter(|link| link.from == id || link.to == id)
        .map(|link| Edit::RemoveLink {
            from: link.from,
            to: link.to,
        })
        .collect();
    if !links.is_empty() {
        let label = Message::new("menu.unlinked").arg("name", item.name.as_str());
        entry(
            ui,
            commands,
            id,
            "menu.unlink",
            vec![Command::Apply(Edit::Batch {
                label,
                edits: links,
            })],
        );
    }
    related_menus_ui(ui, project, id, commands);
    ui.separator();
    if ui.button(tr!("menu.copy")).clicked() {
        let text = format!(
            "{}\t{}",
            item.name,
            crate::rules::span::dates_text(item, crate::i18n::language())
        );
        ui.ctx().copy_text(text);
        ui.close();
    }
    entry(
        ui,
        commands,
        id,
        "menu.delete",
        vec![Command::DeleteSelection],
    );
}

/// A menu entry that selects the item, then gives `then`.
fn entry(
    ui: &mut egui::Ui,
    commands: &mut Vec<Command>,
    id: ItemId,
    key: &str,
    then: Vec<Command>,
) {
    if ui.button(tr!(key)).clicked() {
        commands.push(Command::Select(vec![id]));
        commands.extend(then);
        ui.close();
    }
}

/// The item's risks and meetings, each opening its tab.
fn related_menus_ui(ui: &mut egui::Ui, project: &Project, id: ItemId, commands: &mut Vec<Command>) {
    let risks = project
        .risks
        .iter()
        .filter(|risk| risk.items.contains(&id))
        .map(|risk| (risk.title.as_str(), Command::OpenRisk(risk.id)));
    submenu_ui(ui, "menu.risks", risks.collect(), commands);
    let meetings = project
        .meetings
        .iter()
        .filter(|meeting| meeting.items.contains(&id))
        .map(|meeting| (meeting.title.as_str(), Command::OpenMeeting(meeting.id)));
    submenu_ui(ui, "menu.meetings", meetings.collect(), commands);
}

/// A submenu titled by `key` with its count, one entry a command; nothing when it is empty.
fn submenu_ui(
    ui: &mut egui::Ui,
    key: &str,
    entries: Vec<(&str, Command)>,
    commands: &mut Vec<Command>,
) {
    if entries.is_empty() {
        return;
    }
    ui.menu_button(tr!(key, count = entries.len()), |ui| {
        for (title, command) in entries {
            if ui.button(title).clicked() {
                commands.push(command);
                ui.close();
            }
        }
    });
}

fn link_menu_ui(
    ui: &mut egui::Ui,
    project: &Project,
    from: ItemId,
    to: ItemId,
    commands: &mut Vec<Command>,
) {
    let Some(link) = project
        .links
        .iter()
        .find(|link| (link.from, link.to) == (from, to))
    else {
        ui.close();
        return;
    };
    for kind in LinkKind::ALL {
        let text = tr!("menu.link_kind", kind = kind.abbreviation());
        if ui
            .add_enabled(link.kind != kind, egui::Button::new(text))
            .clicked()
        {
            commands.push(Command::Apply(Edit::ChangeLink {
                from,
                to,
                kind,
                lag_workdays: link.lag_workdays,
            }));
            ui.close();
        }
    }
    ui.separator();
    if ui.button(tr!("menu.remove_link")).clicked() {
        commands.push(Command::Apply(Edit::RemoveLink { from, to }));
        ui.close();
    }
}
