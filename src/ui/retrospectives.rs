//! The Retrospectives tab: figures, lessons and the client's feedback.
//!
//! "New retrospective" writes down the project's figures as they are (the one
//! [`crate::report::figures`]); the editor keeps what went well, what to improve, the actions,
//! the client's feedback and satisfaction, and shows the figures then beside the figures now.
//! A chart follows the on-time rate and the satisfaction from one retrospective to the next.

use egui::RichText;

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{ActionItem, Figures, Owner, Project, Retrospective, RetrospectiveId, next_id};
use crate::tr;

use super::Command;
use super::fields::{DateLabel, Drafts, FieldKind, date_ui};
use super::panels::{Panel, PanelInput};
use super::short_date;

mod chart;

/// A text field of a retrospective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Field {
    Title,
    Feedback,
    WentWell(usize),
    NewWentWell,
    ToImprove(usize),
    NewToImprove,
    Action(usize),
    NewAction,
}

/// What the tab remembers between frames.
#[derive(Default)]
pub struct RetrospectivesState {
    /// The retrospective open in the editor.
    selected: Option<RetrospectiveId>,
    /// Text being typed, by retrospective and field.
    drafts: Drafts<(RetrospectiveId, Field)>,
}

/// `record` with `text` written into `field`; a line cleared of text is taken out.
fn with_text(record: &Retrospective, field: Field, text: &str) -> Retrospective {
    let mut record = record.clone();
    let trimmed = text.trim().to_owned();
    let set = |list: &mut Vec<String>, index: usize| {
        if let Some(line) = list.get_mut(index) {
            line.clone_from(&trimmed);
        }
    };
    match field {
        Field::Title => record.title = trimmed,
        Field::Feedback => text.trim_end().clone_into(&mut record.client_feedback),
        Field::WentWell(index) => set(&mut record.went_well, index),
        Field::ToImprove(index) => set(&mut record.to_improve, index),
        Field::NewWentWell if !trimmed.is_empty() => record.went_well.push(trimmed),
        Field::NewToImprove if !trimmed.is_empty() => record.to_improve.push(trimmed),
        Field::Action(index) => {
            if let Some(action) = record.actions.get_mut(index) {
                action.text = trimmed;
            }
        }
        Field::NewAction if !trimmed.is_empty() => record.actions.push(ActionItem {
            text: trimmed,
            owner: None,
            due: None,
            item: None,
            done: false,
        }),
        Field::NewWentWell | Field::NewToImprove | Field::NewAction => {}
    }
    record.went_well.retain(|line| !line.is_empty());
    record.to_improve.retain(|line| !line.is_empty());
    record.actions.retain(|action| !action.text.is_empty());
    record
}

/// Commits whatever was typed in the tab and not yet committed (the tab was left, another
/// retrospective was opened): one edit per retrospective.
pub fn flush(state: &mut RetrospectivesState, input: &PanelInput<'_>, commands: &mut Vec<Command>) {
    let mut pending = state.drafts.take_pending();
    // Only one field is typed into at a time, but should there be more, lines are written
    // before new lines are added.
    pending.sort_by_key(|(key, _)| *key);
    let mut updated: Vec<Retrospective> = Vec::new();
    for ((id, field), text) in pending {
        let base = match updated.iter().position(|record| record.id == id) {
            Some(index) => updated.remove(index),
            None => match input.project.retrospectives.iter().find(|r| r.id == id) {
                Some(record) => record.clone(),
                None => continue,
            },
        };
        updated.push(with_text(&base, field, &text));
    }
    for record in updated {
        let unchanged = input.project.retrospectives.contains(&record);
        if !unchanged {
            commands.push(Command::Apply(Edit::UpdateRetrospective {
                retrospective: record,
            }));
        }
    }
}

/// The retrospectives in date order (the order of the list and the chart).
fn in_date_order(project: &Project) -> Vec<&Retrospective> {
    let mut list: Vec<&Retrospective> = project.retrospectives.iter().collect();
    list.sort_by_key(|record| (record.date, record.id));
    list
}

/// "★★★★☆", or nothing when no score was given.
fn stars(satisfaction: Option<u8>) -> String {
    satisfaction.map_or_else(String::new, |score| {
        let score = usize::from(score.min(5));
        format!("{}{}", "★".repeat(score), "☆".repeat(5 - score))
    })
}

/// Share of judged milestones on time, in percent; `None` when none could be judged.
fn on_time_percent(figures: &Figures) -> Option<f64> {
    let judged = figures.milestones_on_time + figures.milestones_late;
    (judged > 0).then(|| f64::from(figures.milestones_on_time) * 100.0 / f64::from(judged))
}

/// The figures as (label, value) lines, in the order shown.
fn figure_lines(figures: &Figures, language: Language) -> Vec<(String, String)> {
    let Figures {
        milestones_total: _,
        milestones_on_time,
        milestones_late,
        average_slip_workdays,
        worst_slip_workdays,
        tasks_total,
        tasks_done,
        buffer_consumption_percent,
        risks_open,
        risks_high,
        risks_occurred,
        meetings_held,
        last_client_contact,
    } = figures;
    let judged = milestones_on_time + milestones_late;
    let contact = last_client_contact.map_or_else(
        || tr!("retro.none").into_owned(),
        |date| super::short_date_long(date, language),
    );
    vec![
        (
            tr!("retro.fig.on_time").into_owned(),
            tr!("retro.x_of_y", x = milestones_on_time, y = judged).into_owned(),
        ),
        (
            tr!("retro.fig.average_slip").into_owned(),
            tr!(
                "retro.workdays",
                count = format!("{average_slip_workdays:.1}")
            )
            .into_owned(),
        ),
        (
            tr!("retro.fig.worst_slip").into_owned(),
            tr!("retro.workdays", count = worst_slip_workdays).into_owned(),
        ),
        (
            tr!("retro.fig.buffer").into_owned(),
            format!("{buffer_consumption_percent} %"),
        ),
        (
            tr!("retro.fig.tasks_done").into_owned(),
            tr!("retro.x_of_y", x = tasks_done, y = tasks_total).into_owned(),
        ),
        (
            tr!("retro.fig.risks").into_owned(),
            tr!(
                "retro.risks_value",
                open = risks_open,
                high = risks_high,
                occurred = risks_occurred
            )
            .into_owned(),
        ),
        (
            tr!("retro.fig.meetings").into_owned(),
            meetings_held.to_string(),
        ),
        (tr!("retro.fig.contact").into_owned(), contact),
    ]
}

/// The tab.
pub fn retrospectives_ui(ui: &mut egui::Ui, state: &mut RetrospectivesState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    if state
        .selected
        .is_some_and(|id| !project.retrospectives.iter().any(|r| r.id == id))
    {
        state.selected = None;
    }
    let ordered = in_date_order(project);
    if state.selected.is_none() {
        state.selected = ordered.last().map(|record| record.id);
    }
    let mut open = None;

    ui.horizontal(|ui| {
        if ui
            .button(tr!("retro.new"))
            .on_hover_text(tr!("retro.new_hint"))
            .clicked()
        {
            let id = RetrospectiveId(next_id(project.retrospectives.iter().map(|r| r.id.0)));
            commands.push(Command::Apply(Edit::AddRetrospective {
                retrospective: Retrospective {
                    id,
                    date: input.today,
                    title: tr!("retro.new_title").into_owned(),
                    scope_items: input.selection.to_vec(),
                    went_well: Vec::new(),
                    to_improve: Vec::new(),
                    actions: Vec::new(),
                    client_feedback: String::new(),
                    satisfaction: None,
                    figures: crate::report::figures(project, input.today),
                },
            }));
            open = Some(id);
        }
    });
    ui.add_space(4.0);

    egui::ScrollArea::vertical()
        .id_salt("retrospectives_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if ordered.is_empty() {
                ui.label(RichText::new(tr!("retro.empty")).color(input.palette.text_muted));
                return;
            }
            for record in &ordered {
                let selected = state.selected == Some(record.id);
                ui.horizontal(|ui| {
                    let title = if record.title.is_empty() {
                        tr!("retro.untitled").into_owned()
                    } else {
                        record.title.clone()
                    };
                    let text = format!("{}   {title}", short_date(record.date, input.language));
                    // The stars first, at the right; a long title is shortened to the room left.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(
                            RichText::new(stars(record.satisfaction)).color(input.palette.warning),
                        );
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let entry = egui::Button::selectable(selected, text).truncate();
                            if ui.add(entry).clicked() {
                                open = Some(record.id);
                            }
                        });
                    });
                });
            }
            ui.add_space(6.0);
            chart::chart_ui(ui, &ordered, state.selected, input.palette, input.language);
            ui.separator();
            if let Some(record) = state
                .selected
                .and_then(|id| project.retrospectives.iter().find(|r| r.id == id))
            {
                editor_ui(ui, state, input, record, commands);
            }
        });

    if let Some(id) = open
        && state.selected != Some(id)
    {
        flush(state, input, commands);
        state.selected = Some(id);
    }
}

/// A heading inside the editor.
fn heading(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.add_space(8.0);
    ui.label(RichText::new(text.into()).strong());
}

/// The editor of one retrospective.
fn editor_ui(
    ui: &mut egui::Ui,
    state: &mut RetrospectivesState,
    input: &PanelInput<'_>,
    record: &Retrospective,
    commands: &mut Vec<Command>,
) {
    let id = record.id;
    let mut changed: Option<Retrospective> = None;
    let drafts = &mut state.drafts;

    egui::Grid::new("retro_grid")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("retro.title"));
            let (response, text) = drafts.field_ui(
                ui,
                (id, Field::Title),
                &record.title,
                FieldKind::Line,
                &tr!("retro.title_hint"),
            );
            response.labelled_by(label.id);
            if let Some(text) = text {
                changed = Some(with_text(record, Field::Title, &text));
            }
            ui.end_row();

            ui.label(tr!("retro.date"));
            ui.horizontal(|ui| {
                if let Some(date) = date_ui(
                    ui,
                    ("retro_date", id),
                    record.date,
                    DateLabel::Hover(&tr!("retro.date")),
                ) {
                    let mut new = record.clone();
                    new.date = date;
                    changed = Some(new);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(tr!("retro.delete"))
                        .on_hover_text(tr!("retro.delete_hint"))
                        .clicked()
                    {
                        commands.push(Command::Apply(Edit::RemoveRetrospective {
                            retrospective: id,
                        }));
                    }
                });
            });
            ui.end_row();

            ui.label(tr!("retro.satisfaction"));
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 2.0;
                let current = record.satisfaction.unwrap_or(0);
                for score in 1..=5_u8 {
                    let glyph = if score <= current { "★" } else { "☆" };
                    let star = ui
                        .add(
                            egui::Button::new(
                                RichText::new(glyph).size(20.0).color(input.palette.warning),
                            )
                            .frame(false),
                        )
                        .on_hover_text(tr!("retro.score", score = score))
                        .accessible_name(tr!("retro.score", score = score));
                    if star.clicked() {
                        let mut new = record.clone();
                        // Clicking the score given takes it back.
                        new.satisfaction = (record.satisfaction != Some(score)).then_some(score);
                        changed = Some(new);
                    }
                }
                let caption = record.satisfaction.map_or_else(
                    || tr!("retro.no_score").into_owned(),
                    |score| tr!("retro.score_of_5", score = score).into_owned(),
                );
                ui.add_space(6.0);
                ui.label(RichText::new(caption).color(input.palette.text_muted));
            });
            ui.end_row();
        });

    scope_ui(ui, input, record, &mut changed);

    for (title, list, line, new_line, hint) in [
        (
            tr!("retro.went_well"),
            &record.went_well,
            Field::WentWell as fn(usize) -> Field,
            Field::NewWentWell,
            tr!("retro.add_went_well"),
        ),
        (
            tr!("retro.to_improve"),
            &record.to_improve,
            Field::ToImprove as fn(usize) -> Field,
            Field::NewToImprove,
            tr!("retro.add_to_improve"),
        ),
    ] {
        heading(ui, title);
        for (index, text) in list.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label("•");
                let remove = ui
                    .with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        let remove = ui
                            .small_button("✕")
                            .on_hover_text(tr!("retro.remove_line"))
                            .accessible_name(tr!("retro.remove_line"))
                            .clicked();
                        let (_, committed) =
                            drafts.field_ui(ui, (id, line(index)), text, FieldKind::Wrapped, "");
                        if let Some(committed) = committed {
                            changed = Some(with_text(record, line(index), &committed));
                        }
                        remove
                    })
                    .inner;
                if remove {
                    changed = Some(with_text(record, line(index), ""));
                }
            });
        }
        let (_, committed) = drafts.field_ui(ui, (id, new_line), "", FieldKind::Wrapped, &hint);
        if let Some(committed) = committed {
            changed = Some(with_text(record, new_line, &committed));
        }
    }

    actions_ui(ui, drafts, input.project, record, &mut changed);

    heading(ui, tr!("retro.feedback"));
    let (_, committed) = drafts.field_ui(
        ui,
        (id, Field::Feedback),
        &record.client_feedback,
        FieldKind::Paragraph,
        &tr!("retro.feedback_hint"),
    );
    if let Some(committed) = committed {
        changed = Some(with_text(record, Field::Feedback, &committed));
    }

    figures_ui(ui, input, record, &mut changed);

    if let Some(new) = changed
        && new != *record
    {
        commands.push(Command::Apply(Edit::UpdateRetrospective {
            retrospective: new,
        }));
    }
}

/// The items the retrospective looks back on.
fn scope_ui(
    ui: &mut egui::Ui,
    input: &PanelInput<'_>,
    record: &Retrospective,
    changed: &mut Option<Retrospective>,
) {
    heading(ui, tr!("retro.scope"));
    let names: Vec<&str> = record
        .scope_items
        .iter()
        .filter_map(|id| input.project.item(*id).map(|item| item.name.as_str()))
        .collect();
    let text = if names.is_empty() {
        tr!("retro.scope_none").into_owned()
    } else {
        names.join(" · ")
    };
    ui.label(RichText::new(text).color(input.palette.text_muted));
    if !input.selection.is_empty()
        && input.selection != record.scope_items.as_slice()
        && ui
            .small_button(tr!(
                "retro.scope_use_selection",
                count = input.selection.len()
            ))
            .clicked()
    {
        let mut new = record.clone();
        new.scope_items = input.selection.to_vec();
        *changed = Some(new);
    }
}

/// The actions: done, text, owner, due date.
fn actions_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts<(RetrospectiveId, Field)>,
    project: &Project,
    record: &Retrospective,
    changed: &mut Option<Retrospective>,
) {
    let id = record.id;
    heading(ui, tr!("retro.actions"));
    let owner_name = |owner: Option<&Owner>| match owner {
        None => tr!("retro.nobody").into_owned(),
        Some(owner) => crate::rules::owner_name(project, owner),
    };
    for (index, action) in record.actions.iter().enumerate() {
        let mut new = record.clone();
        let mut edited = false;
        ui.horizontal(|ui| {
            let mut done = action.done;
            if ui
                .checkbox(&mut done, "")
                .on_hover_text(tr!("retro.action_done"))
                .changed()
            {
                new.actions[index].done = done;
                edited = true;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui
                    .small_button("✕")
                    .on_hover_text(tr!("retro.remove_action"))
                    .accessible_name(tr!("retro.remove_action"))
                    .clicked()
                {
                    new.actions.remove(index);
                    edited = true;
                }
                let (_, committed) = drafts.field_ui(
                    ui,
                    (id, Field::Action(index)),
                    &action.text,
                    FieldKind::Wrapped,
                    "",
                );
                if let Some(committed) = committed {
                    *changed = Some(with_text(record, Field::Action(index), &committed));
                }
            });
        });
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            let mut owner = action.owner.clone();
            egui::ComboBox::from_id_salt(("retro_action_owner", id, index))
                .selected_text(owner_name(owner.as_ref()))
                .width(130.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut owner, None, owner_name(None));
                    for person in &project.team {
                        ui.selectable_value(
                            &mut owner,
                            Some(Owner::Person(person.id)),
                            &person.name,
                        );
                    }
                })
                .response
                .on_hover_text(tr!("retro.owner"));
            if owner != action.owner && new.actions.len() == record.actions.len() {
                new.actions[index].owner = owner;
                edited = true;
            }
            match action.due {
                Some(due) => {
                    if let Some(date) = date_ui(
                        ui,
                        ("retro_action_due", id, index),
                        due,
                        DateLabel::Hover(&tr!("retro.due")),
                    ) && new.actions.len() == record.actions.len()
                    {
                        new.actions[index].due = Some(date);
                        edited = true;
                    }
                    if ui
                        .small_button("✕")
                        .on_hover_text(tr!("retro.clear_due"))
                        .accessible_name(tr!("retro.clear_due"))
                        .clicked()
                        && new.actions.len() == record.actions.len()
                    {
                        new.actions[index].due = None;
                        edited = true;
                    }
                }
                None => {
                    if ui.small_button(tr!("retro.add_due")).clicked()
                        && new.actions.len() == record.actions.len()
                    {
                        new.actions[index].due = Some(record.date + chrono::Days::new(7));
                        edited = true;
                    }
                }
            }
        });
        if edited {
            *changed = Some(new);
        }
    }
    let (_, committed) = drafts.field_ui(
        ui,
        (id, Field::NewAction),
        "",
        FieldKind::Wrapped,
        &tr!("retro.add_action"),
    );
    if let Some(committed) = committed {
        *changed = Some(with_text(record, Field::NewAction, &committed));
    }
}

/// The figures when the retrospective was written, beside the figures now where they differ.
fn figures_ui(
    ui: &mut egui::Ui,
    input: &PanelInput<'_>,
    record: &Retrospective,
    changed: &mut Option<Retrospective>,
) {
    let now = crate::report::figures(input.project, input.today);
    let then_lines = figure_lines(&record.figures, input.language);
    let now_lines = figure_lines(&now, input.language);
    let differs = now != record.figures;
    heading(ui, tr!("retro.figures"));
    let date = short_date(record.date, input.language);
    let legend = if differs {
        tr!("retro.figures_then_now", date = date.as_str())
    } else {
        tr!("retro.figures_then_same", date = date.as_str())
    };
    ui.label(
        RichText::new(legend)
            .small()
            .color(input.palette.text_muted),
    );
    egui::Grid::new(("retro_figures", record.id))
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for ((label, then), (_, now)) in then_lines.into_iter().zip(now_lines) {
                ui.label(label);
                ui.vertical(|ui| {
                    ui.label(RichText::new(&then).strong());
                    if now != then {
                        ui.label(RichText::new(format!("→ {now}")).color(input.palette.selection));
                    }
                });
                ui.end_row();
            }
        });
    if differs
        && ui
            .small_button(tr!("retro.figures_retake"))
            .on_hover_text(tr!("retro.figures_retake_hint"))
            .clicked()
    {
        let mut new = record.clone();
        new.figures = now;
        *changed = Some(new);
    }
}
