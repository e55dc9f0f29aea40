//! The editor of one meeting in the Meetings tab: title, date and time, channel, participants,
//! agenda and notes, decisions, action items (and the tasks made from them) and linked items.

use std::collections::HashMap;

use egui::{RichText, TextEdit};

use crate::edit::Edit;
use crate::model::{ActionItem, Channel, Meeting, Owner, Participant, Project};
use crate::report::minutes::{channel_name, minutes_markdown, owner_name};
use crate::tr;

use super::super::fields::{Buffer, DateLabel, add_item_ui, choice_ui, date_ui, unbroken_ui};
use super::super::panels::PanelInput;
use super::super::theme::Palette;
use super::{Command, action_to_task};
use super::{Field, MeetingsState, heading_ui, land_typed, text_ui, wrapped};

/// The editor of the selected meeting.
pub(super) fn editor_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    meeting: &Meeting,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    let project = input.project;
    let palette = input.palette;
    let mut draft = meeting.clone();
    let mut make_task = None;

    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr!("meetings.copy"))
            .on_hover_text(tr!("meetings.copy_hint"))
            .clicked()
        {
            // With the text being typed, which lands in this same frame.
            let mut current = meeting.clone();
            land_typed(&state.typed, &mut current);
            ui.ctx()
                .copy_text(minutes_markdown(project, &current, input.language));
            commands.push(Command::MinutesCopied);
        }
        if ui
            .button(tr!("meetings.save"))
            .on_hover_text(tr!("meetings.save_hint"))
            .clicked()
        {
            commands.push(Command::SaveMinutes(meeting.id));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if state.confirm_delete {
                if ui.button(tr!("meetings.keep")).clicked() {
                    state.confirm_delete = false;
                }
                if ui
                    .button(RichText::new(tr!("meetings.delete_confirm")).color(palette.danger))
                    .clicked()
                {
                    commands.push(Command::Apply(Edit::RemoveMeeting {
                        meeting: meeting.id,
                    }));
                    state.selected = None;
                    state.confirm_delete = false;
                }
            } else if ui
                .button(tr!("meetings.delete"))
                .on_hover_text(tr!("meetings.delete_hint"))
                .clicked()
            {
                state.confirm_delete = true;
            }
        });
    });
    ui.add_space(6.0);

    egui::Grid::new("meeting_grid")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("meetings.title"));
            text_ui(ui, &mut state.typed, Field::Title, &mut draft, |text| {
                TextEdit::singleline(text).desired_width(f32::INFINITY)
            })
            .labelled_by(label.id);
            ui.end_row();

            ui.label(tr!("meetings.when"));
            ui.horizontal(|ui| {
                if let Some(date) = date_ui(ui, "meeting_date", draft.date, DateLabel::Unnamed) {
                    draft.date = date;
                }
                let time = text_ui(ui, &mut state.typed, Field::Time, &mut draft, |text| {
                    TextEdit::singleline(text)
                        .hint_text("HH:MM")
                        .desired_width(56.0)
                });
                time.on_hover_text(tr!("meetings.time_hint"));
            });
            ui.end_row();

            let label = ui.label(tr!("meetings.channel"));
            draft.channel = choice_ui(
                ui,
                label.id,
                "meeting_channel",
                draft.channel,
                Channel::ALL,
                |channel| channel_name(channel, input.language),
            );
            ui.end_row();

            ui.label(tr!("meetings.status"));
            ui.vertical(|ui| {
                ui.checkbox(
                    &mut draft.confirmed_by_client,
                    tr!("meetings.confirmed_by_client"),
                );
                let internal = draft.channel == Channel::Internal;
                let mut visible = draft.client_visible && !internal;
                let response = ui
                    .add_enabled(
                        !internal,
                        egui::Checkbox::new(&mut visible, tr!("meetings.client_visible")),
                    )
                    .on_disabled_hover_text(tr!("meetings.internal_hidden"));
                if response.changed() {
                    draft.client_visible = visible;
                }
            });
            ui.end_row();
        });

    participants_ui(ui, state, &mut draft, input);

    // The two free texts, each under its heading.
    for (heading, field, rows, hint) in [
        (
            tr!("meetings.agenda"),
            Field::Agenda,
            2,
            tr!("meetings.agenda_hint"),
        ),
        (
            tr!("meetings.notes"),
            Field::Notes,
            4,
            tr!("meetings.notes_hint"),
        ),
    ] {
        let heading = heading_ui(ui, heading, palette);
        text_ui(ui, &mut state.typed, field, &mut draft, |text| {
            TextEdit::multiline(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .hint_text(hint)
        })
        .labelled_by(heading.id);
    }

    decisions_ui(ui, state, &mut draft, palette);
    actions_ui(ui, state, &mut draft, input, &mut make_task);
    items_ui(ui, &mut draft, input);
    ui.add_space(12.0);

    if let Some(index) = make_task
        && let Some((task, edit)) = action_to_task(project, &draft, index, input.today)
    {
        commands.push(Command::Apply(edit));
        commands.push(Command::RevealItem(task));
    } else if draft != *meeting {
        commands.push(Command::Apply(Edit::UpdateMeeting { meeting: draft }));
    }
}

fn participants_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    draft: &mut Meeting,
    input: &PanelInput<'_>,
) {
    let palette = input.palette;
    heading_ui(ui, tr!("meetings.participants"), palette);
    let mut remove = None;
    for (index, person) in draft.participants.iter_mut().enumerate() {
        let removed = removable_row_ui(
            ui,
            &person.name,
            &tr!("meetings.remove_participant"),
            |ui| {
                ui.checkbox(&mut person.client_side, tr!("meetings.client_side"))
                    .on_hover_text(tr!("meetings.client_side_hint"));
            },
        );
        if removed {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        draft.participants.remove(index);
    }
    ui.horizontal(|ui| {
        let absent: Vec<_> = input
            .project
            .team
            .iter()
            .filter(|person| !draft.participants.iter().any(|p| p.name == person.name))
            .collect();
        if !absent.is_empty() {
            egui::ComboBox::from_id_salt("meeting_add_person")
                .selected_text(tr!("meetings.from_team"))
                .width(110.0)
                .show_ui(ui, |ui| {
                    for person in absent {
                        if ui.selectable_label(false, &person.name).clicked() {
                            draft.participants.push(Participant {
                                name: person.name.clone(),
                                client_side: person.client_side,
                            });
                        }
                    }
                })
                .response
                .on_hover_text(tr!("meetings.from_team_hint"));
        }
        let field = ui
            .add(
                TextEdit::singleline(&mut state.new_participant)
                    .hint_text(tr!("meetings.other_name"))
                    .desired_width(110.0),
            )
            .on_hover_text(tr!("meetings.other_name"));
        ui.checkbox(
            &mut state.new_participant_client,
            tr!("meetings.client_side"),
        )
        .on_hover_text(tr!("meetings.client_side_hint"));
        let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        let add = ui
            .button(tr!("meetings.add"))
            .on_hover_text(tr!("meetings.add_participant"));
        if (add.clicked() || entered) && !state.new_participant.trim().is_empty() {
            draft.participants.push(Participant {
                name: state.new_participant.trim().to_owned(),
                client_side: state.new_participant_client,
            });
            state.new_participant.clear();
        }
    });
}

fn decisions_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    draft: &mut Meeting,
    palette: &Palette,
) {
    heading_ui(ui, tr!("meetings.decisions"), palette);
    let mut remove = None;
    for index in 0..draft.decisions.len() {
        let removed = removable_row_ui(
            ui,
            RichText::new(format!("{}.", index + 1)).color(palette.text_muted),
            &tr!("meetings.remove_decision"),
            |ui| {
                text_ui(ui, &mut state.typed, Field::Decision(index), draft, wrapped)
                    .on_hover_text(tr!("meetings.decision"));
            },
        );
        if removed {
            remove = Some(index);
        }
    }
    list_end_ui(
        ui,
        &mut draft.decisions,
        remove,
        &mut state.typed,
        &mut state.new_decision,
        (&tr!("meetings.add_decision"), &tr!("meetings.new_decision")),
        std::convert::identity,
    );
}

/// A row of a list: `label` on the left and, from the right, a ✕ (hovered `remove_hint`) and
/// what `rest` draws; whether the ✕ was clicked.
fn removable_row_ui(
    ui: &mut egui::Ui,
    label: impl Into<egui::WidgetText>,
    remove_hint: &str,
    rest: impl FnOnce(&mut egui::Ui),
) -> bool {
    ui.horizontal(|ui| {
        ui.label(label);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let removed = ui.small_button("✕").on_hover_text(remove_hint).clicked();
            rest(ui);
            removed
        })
        .inner
    })
    .inner
}

/// The end of a list of entries: drops the entry at `remove` (its ✕ was clicked), forgetting
/// what was typed as the rows below move up, then the row to add one (see [`new_entry_ui`],
/// with its two hints); `entry` makes the new entry from the text added.
fn list_end_ui<T>(
    ui: &mut egui::Ui,
    list: &mut Vec<T>,
    remove: Option<usize>,
    typed: &mut HashMap<Field, Buffer>,
    new_text: &mut String,
    (add_hint, hint): (&str, &str),
    entry: impl FnOnce(String) -> T,
) {
    if let Some(index) = remove {
        list.remove(index);
        typed.clear();
    }
    if let Some(text) = new_entry_ui(ui, new_text, add_hint, hint) {
        list.push(entry(text));
    }
}

/// A row to add an entry: the Add button (hovered `add_hint`), then a field filling the row
/// (hinted `hint`); returns the trimmed text, and empties the field, when the button or Enter
/// adds it.
fn new_entry_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    add_hint: &str,
    hint: &str,
) -> Option<String> {
    ui.horizontal(|ui| {
        let add = ui.button(tr!("meetings.add")).on_hover_text(add_hint);
        let field = ui
            .add(
                TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(hint);
        let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        if (add.clicked() || entered) && !text.trim().is_empty() {
            let added = text.trim().to_owned();
            text.clear();
            Some(added)
        } else {
            None
        }
    })
    .inner
}

fn actions_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    draft: &mut Meeting,
    input: &PanelInput<'_>,
    make_task: &mut Option<usize>,
) {
    let project = input.project;
    let palette = input.palette;
    heading_ui(ui, tr!("meetings.actions"), palette);
    let mut remove = None;
    for index in 0..draft.actions.len() {
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::symmetric(6, 4))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    if let Some(action) = draft.actions.get_mut(index) {
                        let done = action.done;
                        ui.checkbox(&mut action.done, "")
                            .on_hover_text(tr!("meetings.action_done"))
                            .widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::CheckBox,
                                    true,
                                    done,
                                    tr!("meetings.action_done"),
                                )
                            });
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("✕")
                            .on_hover_text(tr!("meetings.remove_action"))
                            .clicked()
                        {
                            remove = Some(index);
                        }
                        text_ui(
                            ui,
                            &mut state.typed,
                            Field::ActionText(index),
                            draft,
                            wrapped,
                        )
                        .on_hover_text(tr!("meetings.action_text"));
                    });
                });
                ui.horizontal_wrapped(|ui| {
                    owner_ui(ui, state, draft, index, project);
                    unbroken_ui(ui, ("action_due", index), |ui| due_ui(ui, draft, index));
                });
                ui.horizontal(|ui| {
                    let linked = draft
                        .actions
                        .get(index)
                        .and_then(|action| action.item)
                        .and_then(|item| project.item(item));
                    if let Some(item) = linked {
                        ui.label(
                            RichText::new(format!("↳ {}", item.name)).color(palette.text_muted),
                        )
                        .on_hover_text(tr!("meetings.action_item"));
                        if ui
                            .small_button("✕")
                            .on_hover_text(tr!("meetings.unlink_action"))
                            .clicked()
                            && let Some(action) = draft.actions.get_mut(index)
                        {
                            action.item = None;
                        }
                    } else {
                        link_action_ui(ui, draft, index, project);
                        if ui
                            .button(tr!("meetings.to_task"))
                            .on_hover_text(tr!("meetings.to_task_hint"))
                            .clicked()
                        {
                            *make_task = Some(index);
                        }
                    }
                });
            });
    }
    list_end_ui(
        ui,
        &mut draft.actions,
        remove,
        &mut state.typed,
        &mut state.new_action,
        (&tr!("meetings.add_action"), &tr!("meetings.new_action")),
        |text| ActionItem {
            text,
            owner: None,
            due: None,
            item: None,
            done: false,
        },
    );
}

/// The owner of action `index`: nobody, a team member, or someone named.
fn owner_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    draft: &mut Meeting,
    index: usize,
    project: &Project,
) {
    let Some(action) = draft.actions.get_mut(index) else {
        return;
    };
    let shown = match &action.owner {
        None => tr!("meetings.nobody").into_owned(),
        Some(Owner::Named(_)) => tr!("meetings.someone_else").into_owned(),
        Some(owner) => owner_name(project, owner),
    };
    let mut owner = action.owner.clone();
    egui::ComboBox::from_id_salt(("action_owner", index))
        .selected_text(shown)
        .width(130.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut owner, None, tr!("meetings.nobody"));
            for person in &project.team {
                ui.selectable_value(&mut owner, Some(Owner::Person(person.id)), &person.name);
            }
            let named = matches!(owner, Some(Owner::Named(_)));
            if ui
                .selectable_label(named, tr!("meetings.someone_else"))
                .clicked()
                && !named
            {
                owner = Some(Owner::Named(String::new()));
            }
        })
        .response
        .on_hover_text(tr!("meetings.owner"));
    if owner != action.owner {
        action.owner = owner;
    }
    if matches!(action.owner, Some(Owner::Named(_))) {
        text_ui(
            ui,
            &mut state.typed,
            Field::OwnerName(index),
            draft,
            |text| {
                TextEdit::singleline(text)
                    .hint_text(tr!("meetings.other_name"))
                    .desired_width(170.0)
            },
        )
        .on_hover_text(tr!("meetings.owner_name"));
    }
}

/// The due date of action `index`, if it has one.
fn due_ui(ui: &mut egui::Ui, draft: &mut Meeting, index: usize) {
    let fallback = draft.date;
    let Some(action) = draft.actions.get_mut(index) else {
        return;
    };
    let mut has = action.due.is_some();
    if ui
        .checkbox(&mut has, tr!("meetings.due"))
        .on_hover_text(tr!("meetings.due_hint"))
        .changed()
    {
        action.due = has.then_some(action.due.unwrap_or(fallback));
    }
    if let Some(due) = action.due
        && let Some(picked) = date_ui(ui, ("action_due", index), due, DateLabel::Unnamed)
    {
        action.due = Some(picked);
    }
}

/// Links action `index` to an existing item.
fn link_action_ui(ui: &mut egui::Ui, draft: &mut Meeting, index: usize, project: &Project) {
    let Some(action) = draft.actions.get_mut(index) else {
        return;
    };
    let mut item = action.item;
    egui::ComboBox::from_id_salt(("action_item", index))
        .selected_text(tr!("meetings.link_item"))
        .width(130.0)
        .show_ui(ui, |ui| {
            for choice in &project.items {
                ui.selectable_value(&mut item, Some(choice.id), &choice.name);
            }
        })
        .response
        .on_hover_text(tr!("meetings.link_item_hint"));
    action.item = item;
}

/// The timeline items the meeting is about.
fn items_ui(ui: &mut egui::Ui, draft: &mut Meeting, input: &PanelInput<'_>) {
    let project = input.project;
    let palette = input.palette;
    heading_ui(ui, tr!("meetings.items"), palette);
    let mut remove = None;
    for (index, id) in draft.items.iter().enumerate() {
        let Some(item) = project.item(*id) else {
            continue;
        };
        let removed = removable_row_ui(ui, &item.name, &tr!("meetings.unlink_item"), |ui| {
            ui.label(
                RichText::new(super::super::short_date(item.finish, input.language))
                    .color(palette.text_muted)
                    .small(),
            );
        });
        if removed {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        draft.items.remove(index);
    }
    let (response, added) = add_item_ui(
        ui,
        "meeting_add_item",
        tr!("meetings.link_item").into_owned(),
        200.0,
        project,
        &draft.items,
    );
    response.on_hover_text(tr!("meetings.link_item_hint"));
    if let Some(id) = added {
        draft.items.push(id);
    }
}
