//! The Project tab: name, client, goal, scope, meeting cadence, team, lanes and calendar.
//!
//! Every change is an [`Edit`] (`SetHeader`, `AddPerson` / `UpdatePerson` / `RemovePerson`,
//! `AddLane` / `RenameLane` / `ReorderLanes` / `DeleteLane`, `SetCalendar`), one undo step each.

use std::borrow::Cow;

use egui::RichText;

use crate::edit::{Edit, Header};
use crate::model::{Lane, LaneId, Person, PersonId, Project, Weekday, next_id};
use crate::tr;

use super::Command;
use super::fields::{Drafts, FieldKind};
use super::panels::{Panel, PanelInput};

mod calendar;

/// A text field of the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Name,
    ClientName,
    Contact,
    Goal,
    Cadence,
    Included(usize),
    NewIncluded,
    Excluded(usize),
    NewExcluded,
    PersonName(PersonId),
    PersonRole(PersonId),
    PersonResponsibility(PersonId),
    NewPerson,
    LaneName(LaneId),
    NewLane,
    HolidayName(usize),
}

/// What the tab remembers between frames.
#[derive(Default)]
pub struct ProjectSheetState {
    /// Text being typed, by field.
    drafts: Drafts<Field>,
    /// Why the last lane could not be deleted.
    lane_notice: Option<String>,
    /// A team member just added, to open.
    open_person: Option<PersonId>,
    /// The holiday being added, until it is confirmed or cancelled.
    new_holiday: Option<calendar::HolidayForm>,
}

/// Writes `text` into a list line (a cleared line is taken out) or adds it as a new line.
fn set_line(list: &mut Vec<String>, index: Option<usize>, text: &str) {
    let text = text.trim();
    match index {
        Some(index) if index < list.len() => {
            if text.is_empty() {
                list.remove(index);
            } else {
                text.clone_into(&mut list[index]);
            }
        }
        Some(_) => {}
        None => {
            if !text.is_empty() {
                list.push(text.to_owned());
            }
        }
    }
}

/// The edit that commits `text` typed into `field`; `None` when there is nothing to change or
/// the text cannot be taken (an empty name, a cadence that is no number).
fn edit_for(project: &Project, field: Field, text: &str) -> Option<Edit> {
    let trimmed = text.trim();
    let mut header = Header::of(project);
    match field {
        Field::Name if !trimmed.is_empty() => trimmed.clone_into(&mut header.name),
        Field::Name => return None,
        Field::ClientName => trimmed.clone_into(&mut header.client.name),
        Field::Contact => trimmed.clone_into(&mut header.client.contact),
        Field::Goal => trimmed.clone_into(&mut header.goal),
        Field::Cadence => {
            header.meeting_cadence_days = if trimmed.is_empty() {
                None
            } else {
                Some(trimmed.parse::<u32>().ok().filter(|days| *days > 0)?)
            };
        }
        Field::Included(index) => set_line(&mut header.scope.included, Some(index), text),
        Field::NewIncluded => set_line(&mut header.scope.included, None, text),
        Field::Excluded(index) => set_line(&mut header.scope.excluded, Some(index), text),
        Field::NewExcluded => set_line(&mut header.scope.excluded, None, text),
        Field::PersonName(id) | Field::PersonRole(id) | Field::PersonResponsibility(id) => {
            let mut person = project.person(id)?.clone();
            match field {
                Field::PersonName(_) if trimmed.is_empty() => return None,
                Field::PersonName(_) => trimmed.clone_into(&mut person.name),
                Field::PersonRole(_) => trimmed.clone_into(&mut person.role),
                _ => trimmed.clone_into(&mut person.responsibility),
            }
            return (Some(&person) != project.person(id)).then_some(Edit::UpdatePerson { person });
        }
        Field::NewPerson => {
            if trimmed.is_empty() {
                return None;
            }
            let id = PersonId(next_id(project.team.iter().map(|p| p.id.0)));
            return Some(Edit::AddPerson {
                person: Person::new(id, trimmed.to_owned()),
            });
        }
        Field::LaneName(lane) => {
            let old = project.lane(lane)?;
            return (!trimmed.is_empty() && old.name != trimmed).then(|| Edit::RenameLane {
                lane,
                name: trimmed.to_owned(),
            });
        }
        Field::NewLane => {
            if trimmed.is_empty() {
                return None;
            }
            return Some(Edit::AddLane {
                lane: Lane {
                    id: LaneId(next_id(project.lanes.iter().map(|l| l.id.0))),
                    name: trimmed.to_owned(),
                },
            });
        }
        Field::HolidayName(index) => {
            let mut calendar = project.calendar.clone();
            let holiday = calendar.holidays.get_mut(index)?;
            if holiday.name == trimmed {
                return None;
            }
            trimmed.clone_into(&mut holiday.name);
            return Some(Edit::SetCalendar { calendar });
        }
    }
    (header != Header::of(project)).then_some(Edit::SetHeader { header })
}

/// Commits whatever was typed in the tab and not yet committed (the tab was left).
pub fn flush(state: &mut ProjectSheetState, input: &PanelInput<'_>, commands: &mut Vec<Command>) {
    for (field, text) in state.drafts.take_pending() {
        if let Some(edit) = edit_for(input.project, field, &text) {
            commands.push(Command::Apply(edit));
        }
    }
}

/// A text field that commits through [`edit_for`].
#[expect(
    clippy::too_many_arguments,
    reason = "a field needs its drafts, project and commands beside what it shows"
)]
fn text_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts<Field>,
    project: &Project,
    field: Field,
    value: &str,
    kind: FieldKind,
    hint: &str,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let (response, committed) = drafts.field_ui(ui, field, value, kind, hint);
    if let Some(text) = committed
        && let Some(edit) = edit_for(project, field, &text)
    {
        commands.push(Command::Apply(edit));
    }
    response
}

/// Grid rows of labelled text fields, one for each `(field, label, value, kind)`.
fn rows_ui<'a>(
    ui: &mut egui::Ui,
    drafts: &mut Drafts<Field>,
    project: &Project,
    rows: impl IntoIterator<Item = (Field, Cow<'a, str>, &'a String, FieldKind)>,
    commands: &mut Vec<Command>,
) {
    for (field, label, value, kind) in rows {
        let label = ui.label(label);
        text_ui(ui, drafts, project, field, value, kind, "", commands).labelled_by(label.id);
        ui.end_row();
    }
}

/// A weekday's short name in the current language: `sheet.mon` to `sheet.sun`, after chrono's
/// English abbreviation.
fn weekday_name(day: Weekday) -> String {
    let key = format!("sheet.{}", day.to_chrono()).to_lowercase();
    tr!(&key).into_owned()
}

/// A section that can be folded, open at first.
fn section<R>(
    ui: &mut egui::Ui,
    title: String,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    ui.add_space(4.0);
    egui::CollapsingHeader::new(RichText::new(title).strong().size(15.0))
        .default_open(true)
        .show(ui, add_contents)
        .body_returned
}

/// The tab.
pub fn project_sheet_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    egui::ScrollArea::vertical()
        .id_salt("project_sheet_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, state, Panel { input, commands });
            scope_ui(ui, state, Panel { input, commands });
            team_ui(ui, state, Panel { input, commands });
            lanes_ui(ui, state, Panel { input, commands });
            calendar::calendar_ui(ui, state, Panel { input, commands });
            ui.add_space(8.0);
        });
}

/// Name, client, contact, goal and meeting cadence.
fn header_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let drafts = &mut state.drafts;
    section(ui, tr!("sheet.project").into_owned(), |ui| {
        egui::Grid::new("sheet_header")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(60.0)
            .show(ui, |ui| {
                let rows = [
                    (
                        Field::Name,
                        tr!("sheet.name"),
                        &project.name,
                        FieldKind::Line,
                    ),
                    (
                        Field::ClientName,
                        tr!("sheet.client"),
                        &project.client.name,
                        FieldKind::Line,
                    ),
                    (
                        Field::Contact,
                        tr!("sheet.contact"),
                        &project.client.contact,
                        FieldKind::Wrapped,
                    ),
                    (
                        Field::Goal,
                        tr!("sheet.goal"),
                        &project.goal,
                        FieldKind::Wrapped,
                    ),
                ];
                rows_ui(ui, drafts, project, rows, commands);
                let label = ui.label(tr!("sheet.cadence"));
                ui.horizontal(|ui| {
                    let value = project
                        .meeting_cadence_days
                        .map_or_else(String::new, |days| days.to_string());
                    ui.scope(|ui| {
                        ui.set_max_width(56.0);
                        text_ui(
                            ui,
                            drafts,
                            project,
                            Field::Cadence,
                            &value,
                            FieldKind::Line,
                            "–",
                            commands,
                        )
                        .labelled_by(label.id)
                        .on_hover_text(tr!("sheet.cadence_hint"));
                    });
                    ui.label(tr!("sheet.days"));
                });
                ui.end_row();
            });
    });
}

/// What is in scope and what is out.
fn scope_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let drafts = &mut state.drafts;
    let lists = [
        (
            tr!("sheet.in_scope"),
            &project.scope.included,
            Field::Included as fn(usize) -> Field,
            Field::NewIncluded,
            tr!("sheet.add_in_scope"),
        ),
        (
            tr!("sheet.out_of_scope"),
            &project.scope.excluded,
            Field::Excluded as fn(usize) -> Field,
            Field::NewExcluded,
            tr!("sheet.add_out_of_scope"),
        ),
    ];
    for (title, list, line, new_line, hint) in lists {
        section(ui, format!("{title} ({})", list.len()), |ui| {
            for (index, text) in list.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label("•");
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if ui
                            .small_button("✕")
                            .on_hover_text(tr!("sheet.remove_line"))
                            .accessible_name(tr!("sheet.remove_line"))
                            .clicked()
                            && let Some(edit) = edit_for(project, line(index), "")
                        {
                            commands.push(Command::Apply(edit));
                        }
                        text_ui(
                            ui,
                            drafts,
                            project,
                            line(index),
                            text,
                            FieldKind::Wrapped,
                            "",
                            commands,
                        );
                    });
                });
            }
            text_ui(
                ui,
                drafts,
                project,
                new_line,
                "",
                FieldKind::Wrapped,
                &hint,
                commands,
            );
        });
    }
}

/// The people on both sides.
fn team_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let palette = input.palette;
    let open_person = state.open_person.take();
    let drafts = &mut state.drafts;
    section(
        ui,
        format!("{} ({})", tr!("sheet.team"), project.team.len()),
        |ui| {
            for person in &project.team {
                let text = if person.role.is_empty() {
                    person.name.clone()
                } else {
                    format!("{} — {}", person.name, person.role)
                };
                let mut title = RichText::new(&text);
                if person.client_side {
                    title = title.color(palette.milestone);
                }
                // A long name and role is cut short to the panel's width (a header never
                // wraps), and shown whole when hovered.
                let width =
                    ui.available_width() - ui.spacing().indent - ui.spacing().button_padding.x;
                let title = egui::WidgetText::from(title).into_galley(
                    ui,
                    Some(egui::TextWrapMode::Truncate),
                    width,
                    egui::TextStyle::Button,
                );
                let cut_short = title.elided;
                let mut header =
                    egui::CollapsingHeader::new(title).id_salt(("sheet_person", person.id));
                if open_person == Some(person.id) {
                    header = header.open(Some(true));
                }
                let shown = header.show(ui, |ui| {
                    person_ui(ui, drafts, project, person, commands);
                });
                if cut_short {
                    shown.header_response.on_hover_text(text);
                }
            }
            ui.add_space(2.0);
            text_ui(
                ui,
                drafts,
                project,
                Field::NewPerson,
                "",
                FieldKind::Line,
                &tr!("sheet.add_person"),
                commands,
            );
            if project.team.iter().any(|person| person.client_side) {
                ui.label(
                    RichText::new(tr!("sheet.client_side_legend"))
                        .small()
                        .color(palette.milestone),
                );
            }
        },
    );
    // A member just added opens, so that their role can be filled in.
    if let Some(Command::Apply(Edit::AddPerson { person })) = commands.last() {
        state.open_person = Some(person.id);
    }
}

/// One team member's record.
fn person_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts<Field>,
    project: &Project,
    person: &Person,
    commands: &mut Vec<Command>,
) {
    let id = person.id;
    egui::Grid::new(("sheet_person_grid", id))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let rows = [
                (
                    Field::PersonName(id),
                    tr!("sheet.person_name"),
                    &person.name,
                    FieldKind::Line,
                ),
                (
                    Field::PersonRole(id),
                    tr!("sheet.role"),
                    &person.role,
                    FieldKind::Line,
                ),
                (
                    Field::PersonResponsibility(id),
                    tr!("sheet.responsibility"),
                    &person.responsibility,
                    FieldKind::Wrapped,
                ),
            ];
            rows_ui(ui, drafts, project, rows, commands);
            ui.label("");
            ui.horizontal(|ui| {
                let mut client_side = person.client_side;
                if ui
                    .checkbox(&mut client_side, tr!("sheet.client_side"))
                    .changed()
                {
                    let mut updated = person.clone();
                    updated.client_side = client_side;
                    commands.push(Command::Apply(Edit::UpdatePerson { person: updated }));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(tr!("sheet.remove_person"))
                        .on_hover_text(tr!("sheet.remove_person_hint"))
                        .clicked()
                    {
                        commands.push(Command::Apply(Edit::RemovePerson { person: id }));
                    }
                });
            });
            ui.end_row();
        });
}

/// The lanes: rename, reorder, delete when empty, add.
fn lanes_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let drafts = &mut state.drafts;
    let notice = &mut state.lane_notice;
    section(
        ui,
        format!("{} ({})", tr!("sheet.lanes"), project.lanes.len()),
        |ui| {
            let order: Vec<LaneId> = project.lanes.iter().map(|lane| lane.id).collect();
            let last = order.len().saturating_sub(1);
            for (index, lane) in project.lanes.iter().enumerate() {
                let items = project
                    .items
                    .iter()
                    .filter(|item| item.lane == Some(lane.id))
                    .count();
                ui.horizontal(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.spacing_mut().item_spacing.x = 3.0;
                        if ui
                            .small_button("✕")
                            .on_hover_text(tr!("sheet.delete_lane", name = lane.name.as_str()))
                            .accessible_name(tr!("sheet.delete_lane", name = lane.name.as_str()))
                            .clicked()
                        {
                            if items == 0 {
                                *notice = None;
                                commands.push(Command::Apply(Edit::DeleteLane { lane: lane.id }));
                            } else {
                                *notice = Some(
                                    tr!(
                                        "sheet.lane_not_empty",
                                        name = lane.name.as_str(),
                                        count = items
                                    )
                                    .into_owned(),
                                );
                            }
                        }
                        let down = ui
                            .add_enabled(index < last, egui::Button::new("↓").small())
                            .on_hover_text(tr!("sheet.lane_down", name = lane.name.as_str()))
                            .accessible_name(tr!("sheet.lane_down", name = lane.name.as_str()));
                        let up = ui
                            .add_enabled(index > 0, egui::Button::new("↑").small())
                            .on_hover_text(tr!("sheet.lane_up", name = lane.name.as_str()))
                            .accessible_name(tr!("sheet.lane_up", name = lane.name.as_str()));
                        let swap_with = if up.clicked() {
                            index.checked_sub(1)
                        } else if down.clicked() {
                            Some(index + 1)
                        } else {
                            None
                        };
                        if let Some(other) = swap_with.filter(|other| *other < order.len()) {
                            let mut order = order.clone();
                            order.swap(index, other);
                            commands.push(Command::Apply(Edit::ReorderLanes { order }));
                        }
                        ui.label(
                            RichText::new(tr!("sheet.lane_items", count = items))
                                .color(input.palette.text_muted),
                        );
                        text_ui(
                            ui,
                            drafts,
                            project,
                            Field::LaneName(lane.id),
                            &lane.name,
                            FieldKind::Line,
                            "",
                            commands,
                        )
                        .on_hover_text(tr!("sheet.lane_name"));
                    });
                });
            }
            if let Some(message) = notice.as_deref() {
                ui.label(RichText::new(message).color(input.palette.danger));
            }
            text_ui(
                ui,
                drafts,
                project,
                Field::NewLane,
                "",
                FieldKind::Line,
                &tr!("sheet.add_lane"),
                commands,
            );
        },
    );
}
