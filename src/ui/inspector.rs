//! The Inspector: edits the selected item's fields through [`Edit`]s, one undo step each.

use egui::RichText;

use crate::edit::Edit;
use crate::model::{Criterion, Item, ItemId, ItemKind, Project};
use crate::schedule::{WorkCalendar, buffer_consumption};
use crate::tr;

use super::Command;
use super::fields::{Buffer, DateLabel, choice_ui, date_ui};
use super::theme::Palette;

mod links;

/// Text being typed in the Inspector, kept until it is committed.
#[derive(Default)]
pub struct InspectorState {
    /// The item the buffers belong to.
    item: Option<ItemId>,
    name: Buffer,
    notes: Buffer,
    new_criterion: String,
    links: links::LinksState,
}

fn kind_name(kind: ItemKind) -> String {
    match kind {
        ItemKind::Task => tr!("outline.kind.task").into_owned(),
        ItemKind::Milestone => tr!("outline.kind.milestone").into_owned(),
        ItemKind::Buffer => tr!("outline.kind.buffer").into_owned(),
    }
}

/// A grid row: `label`, then a combo box (`id_salt`) choosing one of `choices` (an id and its
/// name) or none (named `none`); returns the choice as the user left it this frame.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: &str,
    current: Option<T>,
    none: &str,
    choices: &[(T, String)],
) -> Option<T> {
    let label = ui.label(label);
    let name_of = |choice: Option<T>| {
        choice
            .and_then(|choice| choices.iter().find(|(id, _)| *id == choice))
            .map_or_else(|| none.to_owned(), |(_, name)| name.clone())
    };
    let options = std::iter::once(None).chain(choices.iter().map(|(id, _)| Some(*id)));
    choice_ui(ui, label.id, id_salt, current, options, name_of)
}

/// Commits what was typed for the item of `state` and not yet committed (another item was
/// selected before its field let go of focus), and forgets it.
fn flush(state: &mut InspectorState, project: &Project, commands: &mut Vec<Command>) {
    if let Some(item) = state.item.and_then(|id| project.item(id)) {
        if let Some(name) = state.name.take_pending()
            && !name.trim().is_empty()
            && name.trim() != item.name
        {
            commands.push(Command::Apply(Edit::RenameItem {
                item: item.id,
                name: name.trim().to_owned(),
            }));
        }
        if let Some(notes) = state.notes.take_pending()
            && notes != item.notes
        {
            commands.push(Command::Apply(Edit::SetNotes {
                item: item.id,
                notes,
            }));
        }
    }
    *state = InspectorState::default();
}

/// Draws the Inspector for the selection and pushes the edits made.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    project: &Project,
    selection: &[ItemId],
    state: &mut InspectorState,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let shown = match selection {
        [only] => Some(*only),
        _ => None,
    };
    if state.item.is_some() && state.item != shown {
        flush(state, project, commands);
    }
    let item = match selection {
        [] => {
            ui.add_space(12.0);
            ui.label(RichText::new(tr!("inspector.none")).color(palette.text_muted));
            return;
        }
        [only] => project.item(*only),
        many => {
            ui.add_space(12.0);
            ui.label(tr!("status.selected_many", count = many.len()));
            ui.label(RichText::new(tr!("inspector.many_hint")).color(palette.text_muted));
            return;
        }
    };
    let Some(item) = item else {
        return;
    };
    if state.item != Some(item.id) {
        *state = InspectorState {
            item: Some(item.id),
            name: Buffer::new(&item.name),
            notes: Buffer::new(&item.notes),
            new_criterion: String::new(),
            links: links::LinksState::default(),
        };
    }
    let id = item.id;
    let mut push = |edit: Edit| commands.push(Command::Apply(edit));

    egui::Grid::new("inspector_grid")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("inspector.name"));
            let (name, typed) = state.name.ui(ui, &item.name, true, |text| {
                egui::TextEdit::singleline(text)
                    .id(egui::Id::unique(super::adding::NAME_FIELD))
                    .desired_width(f32::INFINITY)
            });
            name.labelled_by(label.id);
            if let Some(typed) = typed {
                if typed.trim() != item.name && !typed.trim().is_empty() {
                    push(Edit::RenameItem {
                        item: id,
                        name: typed.trim().to_owned(),
                    });
                } else {
                    state.name.reject(&item.name);
                }
            }
            ui.end_row();

            let label = ui.label(tr!("inspector.kind"));
            let kinds = [ItemKind::Task, ItemKind::Milestone, ItemKind::Buffer];
            let kind = choice_ui(ui, label.id, "inspector_kind", item.kind, kinds, kind_name);
            if kind != item.kind {
                push(Edit::SetKind { item: id, kind });
            }
            ui.end_row();

            let lanes: Vec<_> = project
                .lanes
                .iter()
                .map(|lane| (lane.id, lane.name.clone()))
                .collect();
            let no_lane = tr!("outline.no_lane").into_owned();
            let lane = choice_row(
                ui,
                &tr!("inspector.lane"),
                "inspector_lane",
                item.lane,
                &no_lane,
                &lanes,
            );
            if lane != item.lane {
                push(Edit::SetLane { item: id, lane });
            }
            ui.end_row();

            dates_ui(ui, project, item, &mut push);

            let label = ui.label(tr!("inspector.owner"));
            let owner_name = |owner: Option<crate::model::PersonId>| {
                owner.map_or_else(
                    || tr!("outline.nobody").into_owned(),
                    |owner| crate::rules::person_name(project, owner),
                )
            };
            let options =
                std::iter::once(None).chain(project.team.iter().map(|person| Some(person.id)));
            let owner = choice_ui(
                ui,
                label.id,
                "inspector_owner",
                item.owner,
                options,
                owner_name,
            );
            if owner != item.owner {
                push(Edit::SetOwner { item: id, owner });
            }
            ui.end_row();

            if item.kind == ItemKind::Task {
                let label = ui.label(tr!("inspector.progress"));
                let mut progress = item.progress;
                let slider = ui
                    .add(egui::Slider::new(&mut progress, 0..=100).suffix("%"))
                    .labelled_by(label.id);
                // One undo step per gesture: a slider drag lands when released.
                let settled = !slider.dragged() || slider.drag_stopped();
                if progress != item.progress && settled {
                    push(Edit::SetProgress { item: id, progress });
                } else if slider.drag_stopped() {
                    ui.ctx().request_repaint();
                }
                ui.end_row();
            }

            ui.label(tr!("inspector.client_visible"));
            let mut visible = item.client_visible;
            if ui
                .checkbox(&mut visible, tr!("inspector.client_visible_hint"))
                .changed()
            {
                push(Edit::SetClientVisible {
                    item: id,
                    client_visible: visible,
                });
            }
            ui.end_row();

            if item.kind == ItemKind::Milestone {
                let label = ui.label(tr!("inspector.deadline"));
                ui.horizontal(|ui| {
                    let mut has = item.deadline.is_some();
                    if ui
                        .checkbox(&mut has, tr!("inspector.has_deadline"))
                        .on_hover_text(tr!("inspector.deadline_hint"))
                        .changed()
                    {
                        push(Edit::SetDeadline {
                            item: id,
                            deadline: has.then_some(item.finish),
                        });
                    }
                    if let Some(deadline) = item.deadline
                        && let Some(picked) =
                            date_ui(ui, "inspector_deadline", deadline, DateLabel::By(label.id))
                    {
                        push(Edit::SetDeadline {
                            item: id,
                            deadline: Some(picked),
                        });
                    }
                    if item.deadline.is_some_and(|deadline| item.finish > deadline) {
                        ui.label(RichText::new(tr!("inspector.breached")).color(palette.danger));
                    }
                });
                ui.end_row();
            }

            if item.kind == ItemKind::Buffer {
                let label = ui.label(tr!("inspector.buffer"));
                ui.horizontal(|ui| {
                    let mut planned = item.planned_workdays;
                    let response = ui
                        .add(
                            egui::DragValue::new(&mut planned)
                                .range(0..=500)
                                .suffix(tr!("inspector.workdays_suffix")),
                        )
                        .labelled_by(label.id);
                    if planned != item.planned_workdays
                        && (!response.dragged() || response.drag_stopped())
                    {
                        push(Edit::SetBufferLength {
                            item: id,
                            planned_workdays: planned,
                        });
                    }
                    let calendar = WorkCalendar::covering(
                        &project.calendar,
                        item.finish,
                        item.start.max(item.finish),
                    );
                    let used = buffer_consumption(&calendar, item);
                    ui.label(tr!(
                        "inspector.buffer_used",
                        percent = (used * 100.0).round() as i64
                    ));
                    if used > 0.0
                        && ui
                            .button(tr!("inspector.restore_buffer"))
                            .on_hover_text(tr!("inspector.restore_hint"))
                            .clicked()
                    {
                        push(Edit::RestoreBuffer { item: id });
                    }
                });
                ui.end_row();
            }
        });

    if item.kind == ItemKind::Milestone {
        ui.add_space(8.0);
        ui.label(RichText::new(tr!("inspector.criteria")).strong());
        let mut criteria = item.criteria.clone();
        let mut changed = false;
        let mut remove = None;
        for (index, criterion) in criteria.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                changed |= ui
                    .checkbox(&mut criterion.done, criterion.text.as_str())
                    .on_hover_text(tr!("inspector.criterion_done"))
                    .changed();
                if ui
                    .small_button("✕")
                    .on_hover_text(tr!("inspector.remove_criterion"))
                    .clicked()
                {
                    remove = Some(index);
                }
            });
        }
        if let Some(index) = remove {
            criteria.remove(index);
            changed = true;
        }
        ui.horizontal(|ui| {
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.new_criterion)
                        .hint_text(tr!("inspector.new_criterion")),
                )
                .on_hover_text(tr!("inspector.new_criterion"));
            let add = ui
                .button(tr!("inspector.add"))
                .on_hover_text(tr!("inspector.add_criterion"));
            let entered =
                field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if (add.clicked() || entered) && !state.new_criterion.trim().is_empty() {
                criteria.push(Criterion {
                    text: state.new_criterion.trim().to_owned(),
                    done: false,
                });
                state.new_criterion.clear();
                changed = true;
            }
        });
        if changed {
            push(Edit::SetCriteria { item: id, criteria });
        }
    }

    ui.add_space(8.0);
    links::links_ui(ui, project, item, &mut state.links, palette, &mut push);

    ui.add_space(8.0);
    let label = ui.label(RichText::new(tr!("inspector.notes")).strong());
    let (notes, typed) = state.notes.ui(ui, &item.notes, false, |text| {
        egui::TextEdit::multiline(text)
            .desired_rows(5)
            .desired_width(f32::INFINITY)
    });
    notes.labelled_by(label.id);
    if let Some(notes) = typed {
        push(Edit::SetNotes { item: id, notes });
    }
}

/// Start and finish (or the date of a milestone), and the working days between.
fn dates_ui(ui: &mut egui::Ui, project: &Project, item: &Item, push: &mut impl FnMut(Edit)) {
    let id = item.id;
    if item.kind == ItemKind::Milestone {
        let label = ui.label(tr!("inspector.date"));
        if let Some(date) = date_ui(ui, "inspector_date", item.finish, DateLabel::By(label.id)) {
            push(Edit::MoveItem {
                item: id,
                start: date,
                with_successors: false,
            });
        }
        ui.end_row();
        return;
    }
    let label = ui.label(tr!("inspector.start"));
    ui.horizontal(|ui| {
        if let Some(start) = date_ui(ui, "inspector_start", item.start, DateLabel::By(label.id)) {
            // Changing the start moves the item, keeping its working days.
            push(Edit::MoveItem {
                item: id,
                start,
                with_successors: false,
            });
        }
        ui.label(RichText::new(tr!("inspector.start_hint")).small());
    });
    ui.end_row();
    let label = ui.label(tr!("inspector.finish"));
    ui.horizontal(|ui| {
        if let Some(finish) = date_ui(ui, "inspector_finish", item.finish, DateLabel::By(label.id))
        {
            push(Edit::ResizeItem {
                item: id,
                start: item.start,
                finish: finish.max(item.start),
            });
        }
        if crate::rules::span::is_used_up(item) {
            ui.label(crate::rules::span::dates_text(
                item,
                crate::i18n::language(),
            ));
        } else {
            let calendar = WorkCalendar::covering(&project.calendar, item.start, item.finish);
            ui.label(crate::i18n::counted(
                crate::i18n::Noun::Workdays,
                calendar.workdays_in(item.start, item.finish),
            ));
        }
    });
    ui.end_row();
}
