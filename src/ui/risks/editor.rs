//! The editor of the selected risk: every field, one undo step per change, text committed when
//! its field loses focus (or before the editor turns to another risk), the linked items and the
//! trend of the assessments.

use egui::RichText;

use crate::edit::Edit;
use crate::model::{ItemId, Owner, Project, Risk, RiskCategory, RiskId, RiskResponse};
use crate::timeline::badges::level_name;
use crate::tr;

use super::super::Command;
use super::super::fields::{Buffer, Choice, DateLabel, add_item_ui, choice_row_ui, date_ui};
use super::super::panels::PanelInput;
use super::{
    REVIEW_AFTER_DAYS, RisksState, assess, level_of, overdue_text, owner_name, review_overdue,
    score_chip_ui,
};

/// The free-text fields of a risk, in the order of [`TextBuffers::fields`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Title,
    Description,
    Mitigation,
    Contingency,
    Trigger,
}

impl Text {
    const ALL: [Self; 5] = [
        Self::Title,
        Self::Description,
        Self::Mitigation,
        Self::Contingency,
        Self::Trigger,
    ];

    fn get(self, risk: &Risk) -> &str {
        match self {
            Self::Title => &risk.title,
            Self::Description => &risk.description,
            Self::Mitigation => &risk.mitigation,
            Self::Contingency => &risk.contingency,
            Self::Trigger => &risk.trigger,
        }
    }

    /// Writes `text` into `risk`; false when the text cannot be taken (an empty title).
    fn set(self, risk: &mut Risk, text: &str) -> bool {
        let field = match self {
            Self::Title => {
                if text.trim().is_empty() {
                    return false;
                }
                text.trim().clone_into(&mut risk.title);
                return true;
            }
            Self::Description => &mut risk.description,
            Self::Mitigation => &mut risk.mitigation,
            Self::Contingency => &mut risk.contingency,
            Self::Trigger => &mut risk.trigger,
        };
        text.clone_into(field);
        true
    }

    fn label(self) -> String {
        match self {
            Self::Title => tr!("risks.field.title"),
            Self::Description => tr!("risks.field.description"),
            Self::Mitigation => tr!("risks.field.mitigation"),
            Self::Contingency => tr!("risks.field.contingency"),
            Self::Trigger => tr!("risks.field.trigger"),
        }
        .into_owned()
    }
}

/// What is being typed into the editor of one risk.
#[derive(Default)]
pub(super) struct TextBuffers {
    /// The risk the buffers belong to.
    pub(super) risk: Option<RiskId>,
    fields: [Buffer; 5],
    /// The name of an owner who is not in the team list.
    owner_name: Buffer,
    /// "Someone else…" was chosen: show the name field before a name is typed.
    owner_typing: bool,
}

impl TextBuffers {
    fn load(risk: &Risk) -> Self {
        Self {
            risk: Some(risk.id),
            fields: Text::ALL.map(|text| Buffer::new(text.get(risk))),
            owner_name: Buffer::new(named_owner(risk)),
            owner_typing: false,
        }
    }
}

fn named_owner(risk: &Risk) -> &str {
    match &risk.owner {
        Some(Owner::Named(name)) => name,
        Some(Owner::Person(_)) | None => "",
    }
}

impl Choice for RiskCategory {
    const CHOICES: &'static [Self] = &Self::ALL;

    fn name(self) -> String {
        match self {
            RiskCategory::Technical => tr!("risks.category.technical"),
            RiskCategory::Schedule => tr!("risks.category.schedule"),
            RiskCategory::Scope => tr!("risks.category.scope"),
            RiskCategory::Resource => tr!("risks.category.resource"),
            RiskCategory::Client => tr!("risks.category.client"),
            RiskCategory::Market => tr!("risks.category.market"),
            RiskCategory::Management => tr!("risks.category.management"),
            RiskCategory::Other => tr!("risks.category.other"),
        }
        .into_owned()
    }
}

impl Choice for RiskResponse {
    const CHOICES: &'static [Self] = &Self::ALL;

    fn name(self) -> String {
        match self {
            RiskResponse::Avoid => tr!("risks.response.avoid"),
            RiskResponse::Mitigate => tr!("risks.response.mitigate"),
            RiskResponse::Transfer => tr!("risks.response.transfer"),
            RiskResponse::Accept => tr!("risks.response.accept"),
        }
        .into_owned()
    }
}

/// Commits whatever was typed for the risk of `buffers` and forgets the buffers.
pub(super) fn flush(buffers: &mut TextBuffers, project: &Project, commands: &mut Vec<Command>) {
    let Some(risk) = buffers
        .risk
        .and_then(|id| project.risks.iter().find(|risk| risk.id == id))
    else {
        *buffers = TextBuffers::default();
        return;
    };
    let mut working = risk.clone();
    for (text, field) in Text::ALL.into_iter().zip(&buffers.fields) {
        if field.is_pending() && text.set(&mut working, field.text()) {
            commands.push(Command::Apply(Edit::UpdateRisk {
                risk: working.clone(),
            }));
        }
    }
    if buffers.owner_name.is_pending() {
        working.owner = typed_owner(project, buffers.owner_name.text());
        commands.push(Command::Apply(Edit::UpdateRisk { risk: working }));
    }
    *buffers = TextBuffers::default();
}

/// The owner for a typed name: the team member of that name, else the name itself.
fn typed_owner(project: &Project, name: &str) -> Option<Owner> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    Some(
        project
            .team
            .iter()
            .find(|person| person.name.eq_ignore_ascii_case(name))
            .map_or_else(
                || Owner::Named(name.to_owned()),
                |person| Owner::Person(person.id),
            ),
    )
}

/// Pushes the risk as it now stands: one undo step.
fn update(commands: &mut Vec<Command>, risk: &Risk) {
    commands.push(Command::Apply(Edit::UpdateRisk { risk: risk.clone() }));
}

/// How the owner combo box reads an owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OwnerChoice {
    Nobody,
    Person(crate::model::PersonId),
    Someone,
}

/// The editor of one risk. Each change pushes the whole risk as it now stands, so that several
/// changes in one frame build on each other.
pub(super) fn editor_ui(
    ui: &mut egui::Ui,
    state: &mut RisksState,
    input: &PanelInput<'_>,
    risk: &Risk,
    commands: &mut Vec<Command>,
) {
    let palette = input.palette;
    let project = input.project;
    let today = input.today;
    if state.buffers.risk != Some(risk.id) {
        // The table above may have just chosen this risk: what was typed for the one before
        // is committed first.
        flush(&mut state.buffers, project, commands);
        state.buffers = TextBuffers::load(risk);
    }
    let buffers = &mut state.buffers;
    let mut working = risk.clone();

    ui.add_space(4.0);
    egui::Grid::new("risk_editor")
        .num_columns(2)
        .spacing([10.0, 7.0])
        .show(ui, |ui| {
            // Title.
            let label = ui.label(Text::Title.label());
            let field = &mut buffers.fields[0];
            let (response, typed) = field.ui(ui, &working.title, true, |text| {
                egui::TextEdit::singleline(text)
                    .id_salt(("risk_title", risk.id.0))
                    .desired_width(f32::INFINITY)
            });
            response.labelled_by(label.id);
            if let Some(text) = typed {
                if Text::Title.set(&mut working, &text) {
                    update(commands, &working);
                } else {
                    field.reject(&working.title);
                }
            }
            ui.end_row();

            // Category.
            let label = tr!("risks.field.category");
            if choice_row_ui(ui, &label, "risk_category", &mut working.category) {
                update(commands, &working);
            }

            // Probability and impact, each change recorded in the history.
            for (key, is_probability) in [
                ("risks.field.probability", true),
                ("risks.field.impact", false),
            ] {
                let label = ui.label(tr!(key));
                let old = if is_probability {
                    working.probability
                } else {
                    working.impact
                };
                let mut value = old.clamp(1, 5);
                // A number typed into the value box lands when the box is left (Enter or a
                // click elsewhere), not at each keystroke.
                let slider = ui
                    .add(egui::Slider::new(&mut value, 1..=5).update_while_editing(false))
                    .labelled_by(label.id);
                // One undo step per gesture: a slider drag lands when released.
                let settled = !slider.dragged() || slider.drag_stopped();
                if value != old && settled {
                    let (probability, impact) = if is_probability {
                        (value, working.impact)
                    } else {
                        (working.probability, value)
                    };
                    assess(&mut working, probability, impact, today);
                    update(commands, &working);
                } else if slider.drag_stopped() {
                    ui.ctx().request_repaint();
                }
                ui.end_row();
            }

            ui.label(tr!("risks.field.score"));
            ui.horizontal(|ui| {
                score_chip_ui(ui, &working, palette);
                ui.label(level_name(level_of(&working)));
            });
            ui.end_row();

            // Response.
            let label = tr!("risks.field.response");
            if choice_row_ui(ui, &label, "risk_response", &mut working.response) {
                update(commands, &working);
            }

            // Status.
            let label = tr!("risks.field.status");
            if choice_row_ui(ui, &label, "risk_status", &mut working.status) {
                update(commands, &working);
            }

            // Owner: a member of the team, or a name typed.
            let label = ui.label(tr!("risks.field.owner"));
            ui.vertical(|ui| {
                let current = match &working.owner {
                    None if buffers.owner_typing => OwnerChoice::Someone,
                    None => OwnerChoice::Nobody,
                    Some(Owner::Person(id)) => OwnerChoice::Person(*id),
                    Some(Owner::Named(_)) => OwnerChoice::Someone,
                };
                let choice_name = |choice: OwnerChoice| match choice {
                    OwnerChoice::Nobody => tr!("risks.nobody").into_owned(),
                    OwnerChoice::Person(id) => {
                        owner_name(project, Some(&Owner::Person(id))).unwrap_or_default()
                    }
                    OwnerChoice::Someone => tr!("risks.someone_else").into_owned(),
                };
                let mut choice = current;
                egui::ComboBox::from_id_salt("risk_owner")
                    .selected_text(choice_name(current))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut choice,
                            OwnerChoice::Nobody,
                            choice_name(OwnerChoice::Nobody),
                        );
                        // Before the team, so that a long team list never hides it.
                        ui.selectable_value(
                            &mut choice,
                            OwnerChoice::Someone,
                            choice_name(OwnerChoice::Someone),
                        );
                        for person in &project.team {
                            ui.selectable_value(
                                &mut choice,
                                OwnerChoice::Person(person.id),
                                &person.name,
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if choice != current {
                    buffers.owner_typing = choice == OwnerChoice::Someone;
                    let owner = match choice {
                        OwnerChoice::Nobody => None,
                        OwnerChoice::Person(id) => Some(Owner::Person(id)),
                        OwnerChoice::Someone => working
                            .owner
                            .clone()
                            .filter(|owner| matches!(owner, Owner::Named(_))),
                    };
                    if owner != working.owner {
                        working.owner = owner;
                        update(commands, &working);
                    }
                }
                let named = matches!(working.owner, Some(Owner::Named(_)));
                if named || buffers.owner_typing {
                    let field = &mut buffers.owner_name;
                    let value = named_owner(&working).to_owned();
                    let (response, typed) = field.ui(ui, &value, true, |text| {
                        egui::TextEdit::singleline(text)
                            .id_salt(("risk_owner_name", risk.id.0))
                            .hint_text(tr!("risks.owner_name"))
                            .desired_width(f32::INFINITY)
                    });
                    response
                        .labelled_by(label.id)
                        .on_hover_text(tr!("risks.owner_name"));
                    if let Some(text) = typed {
                        let owner = typed_owner(project, &text);
                        if owner != working.owner {
                            working.owner = owner;
                            update(commands, &working);
                        }
                        buffers.owner_typing = false;
                    }
                }
            });
            ui.end_row();

            // Identified.
            let label = ui.label(tr!("risks.field.identified"));
            if let Some(date) = date_ui(
                ui,
                "risk_identified",
                working.identified,
                DateLabel::By(label.id),
            ) {
                working.identified = date;
                update(commands, &working);
            }
            ui.end_row();

            // Next review.
            let label = ui.label(tr!("risks.field.review"));
            ui.horizontal_wrapped(|ui| {
                let mut planned = working.review.is_some();
                if ui.checkbox(&mut planned, tr!("risks.has_review")).changed() {
                    working.review = if planned {
                        today.checked_add_days(chrono::Days::new(REVIEW_AFTER_DAYS))
                    } else {
                        None
                    };
                    update(commands, &working);
                }
                if let Some(review) = working.review
                    && let Some(date) = date_ui(ui, "risk_review", review, DateLabel::By(label.id))
                {
                    working.review = Some(date);
                    update(commands, &working);
                }
            });
            ui.end_row();
            if let Some(review) = working.review
                && review_overdue(&working, today)
            {
                ui.label("");
                ui.label(
                    RichText::new(overdue_text(review, input.language))
                        .color(palette.warning)
                        .strong(),
                );
                ui.end_row();
            }

            // Client visibility.
            ui.label(tr!("risks.field.client_visible"));
            let mut visible = working.client_visible;
            if ui
                .checkbox(&mut visible, tr!("risks.client_visible_hint"))
                .changed()
            {
                working.client_visible = visible;
                update(commands, &working);
            }
            ui.end_row();
        });

    // The items it threatens.
    ui.add_space(8.0);
    ui.label(RichText::new(tr!("risks.field.items")).strong());
    items_ui(ui, input, &mut working, commands);

    // Free text.
    for (index, text) in Text::ALL.into_iter().enumerate().skip(1) {
        ui.add_space(6.0);
        let label = ui.label(RichText::new(text.label()).strong());
        let field = &mut buffers.fields[index];
        let (response, typed) = field.ui(ui, text.get(&working), false, |typed| {
            egui::TextEdit::multiline(typed)
                .id_salt(("risk_text", risk.id.0, index))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
        });
        response.labelled_by(label.id);
        if let Some(typed) = typed
            && text.set(&mut working, &typed)
        {
            update(commands, &working);
        }
    }

    // History.
    ui.add_space(8.0);
    ui.label(RichText::new(tr!("risks.field.history")).strong());
    super::history::history_ui(ui, input, &working);

    ui.add_space(10.0);
    if ui
        .button(RichText::new(tr!("risks.delete")).color(palette.danger))
        .on_hover_text(tr!("risks.delete_hint"))
        .clicked()
    {
        state.selected = None;
        state.buffers = TextBuffers::default();
        commands.push(Command::Apply(Edit::RemoveRisk { risk: risk.id }));
    }
}

/// The items a risk threatens: each can be selected on the timeline or unlinked; more are
/// linked from a list of the project's items or from the timeline's selection.
fn items_ui(
    ui: &mut egui::Ui,
    input: &PanelInput<'_>,
    working: &mut Risk,
    commands: &mut Vec<Command>,
) {
    let project = input.project;
    let palette = input.palette;
    let name = |id: ItemId| {
        project
            .item(id)
            .map_or_else(|| id.to_string(), |item| item.name.clone())
    };
    if working.items.is_empty() {
        ui.label(RichText::new(tr!("risks.no_items")).color(palette.text_muted));
    }
    let mut unlink = None;
    for &item in &working.items {
        ui.horizontal(|ui| {
            if ui
                .small_button("✕")
                .on_hover_text(tr!("risks.unlink"))
                .clicked()
            {
                unlink = Some(item);
            }
            if ui
                .link(name(item))
                .on_hover_text(tr!("risks.show_item"))
                .clicked()
            {
                commands.push(Command::Select(vec![item]));
            }
        });
    }
    if let Some(item) = unlink {
        working.items.retain(|&linked| linked != item);
        update(commands, working);
    }
    ui.horizontal_wrapped(|ui| {
        let (response, chosen) = add_item_ui(
            ui,
            "risk_link_item",
            tr!("risks.link_item").into_owned(),
            180.0,
            project,
            &working.items,
        );
        response.on_hover_text(tr!("risks.link_item"));
        let unlinked: Vec<ItemId> = input
            .selection
            .iter()
            .copied()
            .filter(|item| !working.items.contains(item))
            .collect();
        if !unlinked.is_empty()
            && ui
                .button(tr!("risks.link_selection"))
                .on_hover_text(tr!("risks.link_selection_hint"))
                .clicked()
        {
            working.items.extend(unlinked);
            update(commands, working);
        }
        if let Some(item) = chosen {
            working.items.push(item);
            update(commands, working);
        }
    });
}
