//! The Risks tab: a probability × impact heat map that filters the register, the register as a
//! sortable table, and the editor of the selected risk with the trend of its assessments.
//!
//! Every change is an [`Edit::UpdateRisk`] (one undo step each); text is committed when its
//! field loses focus, and text typed but not yet committed is committed before the editor turns
//! to another risk, so nothing typed is lost.

use chrono::{Datelike as _, NaiveDate};
use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, StrokeKind, pos2, vec2};
use egui_extras::{Column, TableBuilder};

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{
    ItemId, Owner, Project, Risk, RiskAssessment, RiskCategory, RiskId, RiskResponse, RiskStatus,
    next_id,
};
use crate::report::{HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, RiskLevel};
use crate::timeline::badges::level_name;
use crate::tr;

use super::Command;
use super::outline::short_date;
use super::panels::PanelInput;
use super::theme::Palette;

/// Side of a heat-map cell, in points.
const CELL_WIDTH: f32 = 30.0;
const CELL_HEIGHT: f32 = 22.0;
/// Height of a table row.
const ROW_HEIGHT: f32 = 24.0;
/// The table scrolls beyond this height.
const TABLE_MAX_HEIGHT: f32 = 250.0;
/// A new review date is this many days after today.
const REVIEW_AFTER_DAYS: u64 = 14;

/// The column the register is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortKey {
    /// Probability × impact.
    #[default]
    Score,
    /// The title, alphabetically.
    Title,
    /// Open, Monitoring, Occurred, Closed.
    Status,
    /// The owner's name; risks without an owner last.
    Owner,
    /// The next review date; risks without one last.
    Review,
}

/// Text being typed into one field, and the project's value it started from.
#[derive(Default)]
struct Field {
    text: String,
    base: String,
}

impl Field {
    fn load(value: &str) -> Self {
        Self {
            text: value.to_owned(),
            base: value.to_owned(),
        }
    }

    /// Whether something was typed that the project does not have yet.
    fn pending(&self) -> bool {
        self.text != self.base
    }

    /// After the field was drawn: returns the text to commit once the field no longer has
    /// focus; otherwise follows changes made to the project meanwhile (an undo).
    fn settle(&mut self, value: &str, focused: bool) -> Option<String> {
        if !focused && self.pending() {
            self.base.clone_from(&self.text);
            return Some(self.text.clone());
        }
        if value != self.base {
            value.clone_into(&mut self.base);
            if !focused {
                value.clone_into(&mut self.text);
            }
        }
        None
    }
}

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
struct TextBuffers {
    /// The risk the buffers belong to.
    risk: Option<RiskId>,
    fields: [Field; 5],
    /// The name of an owner who is not in the team list.
    owner_name: Field,
    /// "Someone else…" was chosen: show the name field before a name is typed.
    owner_typing: bool,
}

impl TextBuffers {
    fn load(risk: &Risk) -> Self {
        Self {
            risk: Some(risk.id),
            fields: Text::ALL.map(|text| Field::load(text.get(risk))),
            owner_name: Field::load(named_owner(risk)),
            owner_typing: false,
        }
    }
}

/// What the tab remembers between frames.
pub struct RisksState {
    /// The risk in the editor.
    selected: Option<RiskId>,
    /// The column the table is sorted by.
    sort: SortKey,
    /// Largest first.
    descending: bool,
    /// Only the open risks of this (probability, impact) cell are listed.
    filter: Option<(u8, u8)>,
    /// Text typed into the editor.
    buffers: TextBuffers,
    /// Bring the selected risk's row into view on the next frame (it was just added).
    reveal: bool,
}

impl Default for RisksState {
    fn default() -> Self {
        Self {
            selected: None,
            sort: SortKey::Score,
            descending: true,
            filter: None,
            buffers: TextBuffers::default(),
            reveal: false,
        }
    }
}

/// The level of a risk, by the program's one rule.
fn level_of(risk: &Risk) -> RiskLevel {
    RiskLevel::of(risk.score())
}

/// Whether the risk's review date has passed while it is still open.
fn review_overdue(risk: &Risk, today: NaiveDate) -> bool {
    risk.status.is_open() && risk.review.is_some_and(|review| review < today)
}

fn named_owner(risk: &Risk) -> &str {
    match &risk.owner {
        Some(Owner::Named(name)) => name,
        Some(Owner::Person(_)) | None => "",
    }
}

fn owner_name(project: &Project, owner: Option<&Owner>) -> Option<String> {
    match owner? {
        Owner::Person(id) => Some(
            project
                .person(*id)
                .map_or_else(|| id.to_string(), |person| person.name.clone()),
        ),
        Owner::Named(name) => Some(name.clone()),
    }
}

fn status_name(status: RiskStatus) -> String {
    match status {
        RiskStatus::Open => tr!("risks.status.open"),
        RiskStatus::Monitoring => tr!("risks.status.monitoring"),
        RiskStatus::Occurred => tr!("risks.status.occurred"),
        RiskStatus::Closed => tr!("risks.status.closed"),
    }
    .into_owned()
}

fn category_name(category: RiskCategory) -> String {
    match category {
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

fn response_name(response: RiskResponse) -> String {
    match response {
        RiskResponse::Avoid => tr!("risks.response.avoid"),
        RiskResponse::Mitigate => tr!("risks.response.mitigate"),
        RiskResponse::Transfer => tr!("risks.response.transfer"),
        RiskResponse::Accept => tr!("risks.response.accept"),
    }
    .into_owned()
}

/// Changes probability and impact and records the new assessment, dated today, in the same
/// change.
fn assess(risk: &mut Risk, probability: u8, impact: u8, today: NaiveDate) {
    risk.probability = probability;
    risk.impact = impact;
    risk.history.push(RiskAssessment {
        date: today,
        probability,
        impact,
    });
}

/// A new risk: identified today, the next free id, a first assessment in its history.
fn new_risk(project: &Project, today: NaiveDate) -> Risk {
    let probability = 3;
    let impact = 3;
    Risk {
        id: RiskId(next_id(project.risks.iter().map(|risk| risk.id.0))),
        title: tr!("risks.new_title").into_owned(),
        description: String::new(),
        category: RiskCategory::Other,
        probability,
        impact,
        response: RiskResponse::Mitigate,
        mitigation: String::new(),
        contingency: String::new(),
        trigger: String::new(),
        owner: None,
        status: RiskStatus::Open,
        identified: today,
        review: today.checked_add_days(chrono::Days::new(REVIEW_AFTER_DAYS)),
        items: Vec::new(),
        history: vec![RiskAssessment {
            date: today,
            probability,
            impact,
        }],
        client_visible: false,
    }
}

/// The tab.
pub fn risks_ui(
    ui: &mut egui::Ui,
    state: &mut RisksState,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    let project = input.project;
    let palette = input.palette;
    // Text typed for a risk that is no longer in the editor is committed first.
    if state.buffers.risk.is_some() && state.buffers.risk != state.selected {
        flush(&mut state.buffers, project, commands);
    }
    egui::ScrollArea::vertical()
        .id_salt("risks_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui
                    .button(tr!("risks.new"))
                    .on_hover_text(tr!("risks.new_hint"))
                    .clicked()
                {
                    let risk = new_risk(project, input.today);
                    state.selected = Some(risk.id);
                    // The new risk is listed whatever cell was shown, and its row shown.
                    state.filter = None;
                    state.reveal = true;
                    commands.push(Command::Apply(Edit::AddRisk { risk }));
                }
                if let Some((probability, impact)) = state.filter {
                    ui.label(
                        RichText::new(tr!(
                            "risks.filter",
                            probability = probability,
                            impact = impact
                        ))
                        .color(palette.selection),
                    );
                    if ui.small_button(tr!("risks.clear_filter")).clicked() {
                        state.filter = None;
                    }
                }
            });
            ui.add_space(4.0);
            if project.risks.is_empty() {
                ui.label(RichText::new(tr!("risks.empty")).color(palette.text_muted));
                return;
            }
            ui.horizontal_top(|ui| {
                heat_map_ui(ui, state, input);
                ui.add_space(10.0);
                summary_ui(ui, input);
            });
            ui.add_space(6.0);
            table_ui(ui, state, input);
            ui.add_space(6.0);
            ui.separator();
            let selected = state
                .selected
                .and_then(|id| project.risks.iter().find(|risk| risk.id == id));
            match selected {
                Some(risk) => editor_ui(ui, state, input, risk, commands),
                None => {
                    ui.label(RichText::new(tr!("risks.select_hint")).color(palette.text_muted));
                }
            }
        });
}

/// Commits whatever was typed for the risk of `buffers` and forgets the buffers.
fn flush(buffers: &mut TextBuffers, project: &Project, commands: &mut Vec<Command>) {
    let Some(risk) = buffers
        .risk
        .and_then(|id| project.risks.iter().find(|risk| risk.id == id))
    else {
        *buffers = TextBuffers::default();
        return;
    };
    let mut working = risk.clone();
    for (text, field) in Text::ALL.into_iter().zip(&buffers.fields) {
        if field.pending() && text.set(&mut working, &field.text) {
            commands.push(Command::Apply(Edit::UpdateRisk {
                risk: working.clone(),
            }));
        }
    }
    if buffers.owner_name.pending() {
        working.owner = typed_owner(project, &buffers.owner_name.text);
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

/// The 5 × 5 grid: impact across, probability up, each cell in the colour of its level with
/// the number of open risks in it. Clicking a cell filters the table to it.
fn heat_map_ui(ui: &mut egui::Ui, state: &mut RisksState, input: &PanelInput<'_>) {
    let palette = input.palette;
    let mut counts = [[0_usize; 5]; 5];
    for risk in input
        .project
        .risks
        .iter()
        .filter(|risk| risk.status.is_open())
    {
        let (p, i) = (usize::from(risk.probability), usize::from(risk.impact));
        if (1..=5).contains(&p) && (1..=5).contains(&i) {
            counts[p - 1][i - 1] += 1;
        }
    }
    let selected_cell = state
        .selected
        .and_then(|id| input.project.risks.iter().find(|risk| risk.id == id))
        .map(|risk| (risk.probability, risk.impact));

    let axis_width = 16.0;
    let number_width = 12.0;
    let left = axis_width + number_width + 2.0;
    let bottom = 30.0;
    let size = vec2(left + 5.0 * CELL_WIDTH, 5.0 * CELL_HEIGHT + bottom);
    let (area, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(area.expand(1.0));
    let grid = Rect::from_min_size(
        pos2(area.left() + left, area.top()),
        vec2(5.0 * CELL_WIDTH, 5.0 * CELL_HEIGHT),
    );
    let small = FontId::proportional(11.0);
    let axis_font = FontId::proportional(12.0);
    for probability in 1..=5_u8 {
        for impact in 1..=5_u8 {
            let count = counts[usize::from(probability) - 1][usize::from(impact) - 1];
            let cell = Rect::from_min_size(
                pos2(
                    grid.left() + f32::from(impact - 1) * CELL_WIDTH,
                    grid.top() + f32::from(5 - probability) * CELL_HEIGHT,
                ),
                vec2(CELL_WIDTH, CELL_HEIGHT),
            );
            let id = ui.make_persistent_id(("risk_cell", probability, impact));
            let response = ui.interact(cell, id, Sense::click());
            let label = tr!(
                "risks.cell",
                probability = probability,
                impact = impact,
                count = count
            )
            .into_owned();
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    state.filter == Some((probability, impact)),
                    &label,
                )
            });
            let level = RiskLevel::of(probability * impact);
            let colour = palette.risk(level);
            // Empty cells keep their level's hue, faded, so the counts stand out.
            let fill = if count == 0 {
                colour.lerp_to_gamma(palette.panel, 0.72)
            } else {
                colour
            };
            let inner = cell.shrink(1.0);
            painter.rect_filled(inner, 2.0, fill);
            if count == 0 {
                // A clear edge in the level's own colour, so faded cells never look muddy.
                painter.rect_stroke(
                    inner,
                    2.0,
                    Stroke::new(1.0, colour.gamma_multiply(0.75)),
                    StrokeKind::Inside,
                );
            }
            if count > 0 {
                painter.text(
                    inner.center(),
                    Align2::CENTER_CENTER,
                    count.to_string(),
                    FontId::proportional(13.0),
                    palette.risk_ink,
                );
            }
            if state.filter == Some((probability, impact)) {
                painter.rect_stroke(
                    inner,
                    2.0,
                    Stroke::new(2.5, palette.text),
                    StrokeKind::Inside,
                );
            } else if selected_cell == Some((probability, impact)) {
                painter.rect_stroke(
                    inner,
                    2.0,
                    Stroke::new(2.0, palette.selection),
                    StrokeKind::Inside,
                );
            } else if response.hovered() {
                painter.rect_stroke(
                    inner,
                    2.0,
                    Stroke::new(1.5, palette.text_muted),
                    StrokeKind::Inside,
                );
            }
            if response.clicked() {
                state.filter = if state.filter == Some((probability, impact)) {
                    None
                } else {
                    Some((probability, impact))
                };
            }
            response.on_hover_text(format!("{label}\n{}", tr!("risks.cell_hint")));
        }
        let y = grid.top() + (f32::from(5 - probability) + 0.5) * CELL_HEIGHT;
        painter.text(
            pos2(grid.left() - 4.0, y),
            Align2::RIGHT_CENTER,
            probability.to_string(),
            small.clone(),
            palette.text_muted,
        );
    }
    for impact in 1..=5_u8 {
        painter.text(
            pos2(
                grid.left() + (f32::from(impact - 1) + 0.5) * CELL_WIDTH,
                grid.bottom() + 2.0,
            ),
            Align2::CENTER_TOP,
            impact.to_string(),
            small.clone(),
            palette.text_muted,
        );
    }
    painter.text(
        pos2(grid.center().x, grid.bottom() + 15.0),
        Align2::CENTER_TOP,
        tr!("risks.axis_impact"),
        axis_font.clone(),
        palette.text,
    );
    let axis = tr!("risks.axis_probability").into_owned();
    let axis_x = area.left() + axis_width / 2.0;
    if input.language == Language::Chinese {
        // Chinese characters stand upright, one under the other.
        let stacked: Vec<String> = axis.chars().map(String::from).collect();
        painter.text(
            pos2(axis_x, grid.center().y),
            Align2::CENTER_CENTER,
            stacked.join("\n"),
            axis_font,
            palette.text,
        );
    } else {
        // "Probability" reads upwards along the left edge.
        let galley = painter.layout_no_wrap(axis, axis_font, palette.text);
        let origin = pos2(
            axis_x - galley.size().y / 2.0,
            grid.center().y + galley.size().x / 2.0,
        );
        painter.add(
            egui::epaint::TextShape::new(origin, galley, palette.text)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
}

/// Counts beside the heat map: open risks by level, overdue reviews.
fn summary_ui(ui: &mut egui::Ui, input: &PanelInput<'_>) {
    let palette = input.palette;
    let open: Vec<&Risk> = input
        .project
        .risks
        .iter()
        .filter(|risk| risk.status.is_open())
        .collect();
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 4.0;
        ui.label(RichText::new(tr!("risks.open_count", count = open.len())).strong());
        for level in [RiskLevel::High, RiskLevel::Medium, RiskLevel::Low] {
            let count = open.iter().filter(|risk| level_of(risk) == level).count();
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                ui.painter()
                    .rect_filled(rect.shrink(1.0), 2.0, palette.risk(level));
                let range = match level {
                    RiskLevel::High => format!("≥ {HIGH_RISK_SCORE}"),
                    RiskLevel::Medium => {
                        format!("{MEDIUM_RISK_SCORE}–{}", HIGH_RISK_SCORE - 1)
                    }
                    RiskLevel::Low => format!("< {MEDIUM_RISK_SCORE}"),
                };
                ui.label(tr!(
                    "risks.level_count",
                    level = level_name(level),
                    range = range,
                    count = count
                ));
            });
        }
        let overdue = open
            .iter()
            .filter(|risk| review_overdue(risk, input.today))
            .count();
        if overdue > 0 {
            ui.label(
                RichText::new(tr!("risks.overdue_count", count = overdue)).color(palette.warning),
            );
        }
    });
}

/// The risks listed: all, or the open ones of the filtered cell; sorted by the chosen column.
fn listed<'a>(state: &RisksState, project: &'a Project) -> Vec<&'a Risk> {
    let mut risks: Vec<&Risk> = project
        .risks
        .iter()
        .filter(|risk| {
            state.filter.is_none_or(|(probability, impact)| {
                risk.status.is_open() && risk.probability == probability && risk.impact == impact
            })
        })
        .collect();
    let status_rank = |status: RiskStatus| RiskStatus::ALL.iter().position(|s| *s == status);
    match state.sort {
        SortKey::Score => risks.sort_by_key(|risk| (risk.score(), risk.probability)),
        SortKey::Title => risks.sort_by_key(|risk| risk.title.to_lowercase()),
        SortKey::Status => risks.sort_by_key(|risk| status_rank(risk.status)),
        SortKey::Owner => risks.sort_by_key(|risk| {
            let name = owner_name(project, risk.owner.as_ref()).map(|name| name.to_lowercase());
            (name.is_none(), name)
        }),
        SortKey::Review => risks.sort_by_key(|risk| (risk.review.is_none(), risk.review)),
    }
    if state.descending {
        risks.reverse();
    }
    risks
}

fn table_ui(ui: &mut egui::Ui, state: &mut RisksState, input: &PanelInput<'_>) {
    let palette = input.palette;
    let project = input.project;
    let risks = listed(state, project);
    if risks.is_empty() {
        ui.label(RichText::new(tr!("risks.filter_empty")).color(palette.text_muted));
        return;
    }
    let mut clicked = None;
    let mut sort_by = None;
    egui::ScrollArea::horizontal()
        .id_salt("risk_table_scroll")
        .show(ui, |ui| {
            let header = |ui: &mut egui::Ui, key: SortKey, text: String| {
                let arrow = match (state.sort == key, state.descending) {
                    (true, true) => " ▼",
                    (true, false) => " ▲",
                    (false, _) => "",
                };
                let button = egui::Button::new(RichText::new(format!("{text}{arrow}")).strong())
                    .frame(false);
                ui.add(button)
                    .on_hover_text(tr!("risks.sort_hint"))
                    .clicked()
            };
            let mut table = TableBuilder::new(ui);
            if let Some(index) = risks
                .iter()
                .position(|risk| Some(risk.id) == state.selected)
                .filter(|_| state.reveal)
            {
                table = table.scroll_to_row(index, None);
                state.reveal = false;
            }
            table
                .id_salt("risk_table")
                .striped(true)
                .sense(Sense::click())
                .max_scroll_height(TABLE_MAX_HEIGHT)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(58.0))
                .column(Column::initial(150.0).at_least(90.0).clip(true))
                .column(Column::initial(84.0).at_least(50.0).clip(true))
                .column(Column::initial(84.0).at_least(50.0).clip(true))
                .column(Column::initial(72.0).at_least(50.0).clip(true))
                .header(22.0, |mut row| {
                    for (key, text) in [
                        (SortKey::Score, tr!("risks.col.score")),
                        (SortKey::Title, tr!("risks.col.title")),
                        (SortKey::Status, tr!("risks.col.status")),
                        (SortKey::Owner, tr!("risks.col.owner")),
                        (SortKey::Review, tr!("risks.col.review")),
                    ] {
                        row.col(|ui| {
                            if header(ui, key, text.into_owned()) {
                                sort_by = Some(key);
                            }
                        });
                    }
                })
                .body(|body| {
                    // Only the rows in view are laid out.
                    body.rows(ROW_HEIGHT, risks.len(), |mut row| {
                        let Some(risk) = risks.get(row.index()) else {
                            return;
                        };
                        row.set_selected(state.selected == Some(risk.id));
                        let open = risk.status.is_open();
                        let text_colour = if open {
                            palette.text
                        } else {
                            palette.text_muted
                        };
                        row.col(|ui| score_chip_ui(ui, risk, palette));
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&risk.title).color(text_colour))
                                    .truncate()
                                    .selectable(false),
                            );
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(status_name(risk.status)).color(text_colour),
                                )
                                .truncate()
                                .selectable(false),
                            );
                        });
                        row.col(|ui| {
                            let owner = owner_name(project, risk.owner.as_ref())
                                .unwrap_or_else(|| "–".to_owned());
                            ui.add(
                                egui::Label::new(RichText::new(owner).color(text_colour))
                                    .truncate()
                                    .selectable(false),
                            );
                        });
                        row.col(|ui| {
                            if let Some(review) = risk.review {
                                let text = short_date(review, input.language);
                                if review_overdue(risk, input.today) {
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(format!("! {text}"))
                                                .color(palette.warning)
                                                .strong(),
                                        )
                                        .selectable(false),
                                    )
                                    .on_hover_text(overdue_text(review, input.language));
                                } else {
                                    ui.add(
                                        egui::Label::new(RichText::new(text).color(text_colour))
                                            .selectable(false),
                                    );
                                }
                            }
                        });
                        if row.response().clicked() {
                            clicked = Some(risk.id);
                        }
                    });
                });
        });
    if let Some(key) = sort_by {
        if state.sort == key {
            state.descending = !state.descending;
        } else {
            state.sort = key;
            // Scores read worst first; names, statuses and dates from the start.
            state.descending = key == SortKey::Score;
        }
    }
    if let Some(id) = clicked {
        state.selected = Some(id);
    }
}

fn overdue_text(review: NaiveDate, language: Language) -> String {
    tr!(
        "risks.overdue",
        date = super::short_date_long(review, language)
    )
    .into_owned()
}

/// The score on the colour of its level.
fn score_chip_ui(ui: &mut egui::Ui, risk: &Risk, palette: &Palette) {
    let level = level_of(risk);
    let (rect, response) = ui.allocate_exact_size(vec2(34.0, 18.0), Sense::hover());
    let fill = if risk.status.is_open() {
        palette.risk(level)
    } else {
        palette.risk(level).lerp_to_gamma(palette.panel, 0.55)
    };
    ui.painter().rect_filled(rect, 4.0, fill);
    ui.painter().text(
        rect.center(),
        Align2::CENTER_CENTER,
        risk.score().to_string(),
        FontId::proportional(12.5),
        palette.risk_ink,
    );
    response.on_hover_text(tr!(
        "risks.score_value",
        score = risk.score(),
        level = level_name(level)
    ));
}

/// A date picker labelled by `label`; returns the new date when the user picked one.
fn date_ui(ui: &mut egui::Ui, id: &str, date: NaiveDate, label: egui::Id) -> Option<NaiveDate> {
    let mut value =
        jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
            .unwrap_or_default();
    ui.add(
        egui_extras::DatePickerButton::new(&mut value)
            .id_salt(id)
            .show_icon(false)
            .calendar_week(true),
    )
    .labelled_by(label);
    NaiveDate::from_ymd_opt(
        i32::from(value.year()),
        value.month() as u32,
        value.day() as u32,
    )
    .filter(|picked| *picked != date)
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
fn editor_ui(
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
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut field.text)
                        .id_salt(("risk_title", risk.id.0))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if let Some(text) = field.settle(&working.title, response.has_focus()) {
                if Text::Title.set(&mut working, &text) {
                    update(commands, &working);
                } else {
                    field.text.clone_from(&working.title);
                    field.base.clone_from(&working.title);
                }
            }
            ui.end_row();

            // Category.
            let label = ui.label(tr!("risks.field.category"));
            let mut category = working.category;
            egui::ComboBox::from_id_salt("risk_category")
                .selected_text(category_name(category))
                .show_ui(ui, |ui| {
                    for choice in RiskCategory::ALL {
                        ui.selectable_value(&mut category, choice, category_name(choice));
                    }
                })
                .response
                .labelled_by(label.id);
            if category != working.category {
                working.category = category;
                update(commands, &working);
            }
            ui.end_row();

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
                let slider = ui
                    .add(egui::Slider::new(&mut value, 1..=5))
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
            let label = ui.label(tr!("risks.field.response"));
            let mut response = working.response;
            egui::ComboBox::from_id_salt("risk_response")
                .selected_text(response_name(response))
                .show_ui(ui, |ui| {
                    for choice in RiskResponse::ALL {
                        ui.selectable_value(&mut response, choice, response_name(choice));
                    }
                })
                .response
                .labelled_by(label.id);
            if response != working.response {
                working.response = response;
                update(commands, &working);
            }
            ui.end_row();

            // Status.
            let label = ui.label(tr!("risks.field.status"));
            let mut status = working.status;
            egui::ComboBox::from_id_salt("risk_status")
                .selected_text(status_name(status))
                .show_ui(ui, |ui| {
                    for choice in RiskStatus::ALL {
                        ui.selectable_value(&mut status, choice, status_name(choice));
                    }
                })
                .response
                .labelled_by(label.id);
            if status != working.status {
                working.status = status;
                update(commands, &working);
            }
            ui.end_row();

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
                    let response = ui.add(
                        egui::TextEdit::singleline(&mut field.text)
                            .id_salt(("risk_owner_name", risk.id.0))
                            .hint_text(tr!("risks.owner_name"))
                            .desired_width(f32::INFINITY),
                    );
                    let response = response
                        .labelled_by(label.id)
                        .on_hover_text(tr!("risks.owner_name"));
                    let value = named_owner(&working).to_owned();
                    if let Some(text) = field.settle(&value, response.has_focus()) {
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
            if let Some(date) = date_ui(ui, "risk_identified", working.identified, label.id) {
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
                    && let Some(date) = date_ui(ui, "risk_review", review, label.id)
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
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut field.text)
                    .id_salt(("risk_text", risk.id.0, index))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if let Some(typed) = field.settle(text.get(&working), response.has_focus())
            && text.set(&mut working, &typed)
        {
            update(commands, &working);
        }
    }

    // History.
    ui.add_space(8.0);
    ui.label(RichText::new(tr!("risks.field.history")).strong());
    history_ui(ui, input, &working);

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
        let mut chosen = None;
        egui::ComboBox::from_id_salt("risk_link_item")
            .selected_text(tr!("risks.link_item"))
            .width(180.0)
            .show_ui(ui, |ui| {
                for item in project
                    .items
                    .iter()
                    .filter(|item| !working.items.contains(&item.id))
                {
                    if ui.selectable_label(false, &item.name).clicked() {
                        chosen = Some(item.id);
                    }
                }
            })
            .response
            .on_hover_text(tr!("risks.link_item"));
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

/// The score of each assessment over time, with the level thresholds, up to today.
fn history_ui(ui: &mut egui::Ui, input: &PanelInput<'_>, risk: &Risk) {
    use egui_plot::{HLine, Line, LineStyle, Plot, PlotPoints, Points};

    let palette = input.palette;
    let language = input.language;
    let Some(first) = risk.history.iter().map(|entry| entry.date).min() else {
        ui.label(RichText::new(tr!("risks.history_empty")).color(palette.text_muted));
        return;
    };
    let day = |date: NaiveDate| (date - first).num_days() as f64;
    let points: Vec<[f64; 2]> = risk
        .history
        .iter()
        .map(|entry| {
            [
                day(entry.date),
                f64::from(entry.probability.saturating_mul(entry.impact)),
            ]
        })
        .collect();
    let last_day = risk
        .history
        .iter()
        .map(|entry| entry.date)
        .max()
        .unwrap_or(first);
    let end = input.today.max(last_day);
    let line_colour = palette.text;
    ui.label(
        RichText::new(format!(
            "{}  {}",
            tr!("risks.history_count", count = risk.history.len()),
            tr!("risks.history_hint")
        ))
        .small()
        .color(palette.text_muted),
    );
    let history = risk.history.clone();
    let date_day = move |date: NaiveDate| (date - first).num_days() as f64;
    let date_of = move |x: f64| first.checked_add_signed(chrono::TimeDelta::days(x.round() as i64));
    Plot::new(("risk_history", risk.id.0))
        .height(120.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
        .grid_color(palette.grid)
        .default_x_bounds(-3.0, day(end) + 3.0)
        .default_y_bounds(0.0, 26.0)
        .y_axis_min_width(22.0)
        .x_axis_formatter(move |mark, _range| {
            if (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            date_of(mark.value).map_or_else(String::new, |date| short_date(date, language))
        })
        .y_axis_formatter(|mark, _range| format!("{}", mark.value.round() as i64))
        .label_formatter(move |hover| {
            let egui_plot::HoverPosition::NearDataPoint { position, .. } = *hover else {
                return None;
            };
            let entry = history.iter().rev().find(|entry| {
                (date_day(entry.date) - position.x).abs() < 0.5
                    && (f64::from(entry.probability.saturating_mul(entry.impact)) - position.y)
                        .abs()
                        < 0.5
            })?;
            Some(
                tr!(
                    "risks.history_point",
                    date = short_date(entry.date, language),
                    probability = entry.probability,
                    impact = entry.impact,
                    score = entry.probability.saturating_mul(entry.impact)
                )
                .into_owned(),
            )
        })
        .show(ui, |plot| {
            plot.add(
                HLine::new("high", f64::from(HIGH_RISK_SCORE))
                    .stroke(Stroke::new(1.0, palette.risk_high))
                    .style(LineStyle::dashed_loose()),
            );
            plot.add(
                HLine::new("medium", f64::from(MEDIUM_RISK_SCORE))
                    .stroke(Stroke::new(1.0, palette.risk_medium))
                    .style(LineStyle::dashed_loose()),
            );
            if let Some(&[x, y]) = points.last()
                && day(end) > x
            {
                // Unchanged since the last assessment.
                plot.add(
                    Line::new("since", PlotPoints::from(vec![[x, y], [day(end), y]]))
                        .color(line_colour.gamma_multiply(0.5))
                        .style(LineStyle::dotted_dense()),
                );
            }
            plot.add(Line::new("history", PlotPoints::from(points.clone())).color(line_colour));
            // Each assessment in the colour of its own level.
            for level in [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High] {
                let of_level: Vec<[f64; 2]> = points
                    .iter()
                    .copied()
                    .filter(|&[_, score]| RiskLevel::of(score as u8) == level)
                    .collect();
                if !of_level.is_empty() {
                    plot.add(
                        Points::new("history", PlotPoints::from(of_level))
                            .radius(3.5)
                            .color(palette.risk(level))
                            .filled(true),
                    );
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_committed_once_the_field_lets_go_of_focus() {
        let mut field = Field::load("Old");
        field.text = "New".to_owned();
        assert_eq!(field.settle("Old", true), None, "kept while typing");
        assert_eq!(
            field.settle("Old", false),
            Some("New".to_owned()),
            "committed on focus loss"
        );
        assert_eq!(field.settle("New", false), None, "committed once");
        assert_eq!(field.text, "New", "the text stays");
    }

    #[test]
    fn a_field_follows_the_project_unless_something_was_typed() {
        let mut field = Field::load("Before undo");
        assert_eq!(field.settle("After undo", false), None, "nothing to commit");
        assert_eq!(field.text, "After undo", "follows an undo");

        let mut typing = Field::load("Before undo");
        typing.text = "Typed".to_owned();
        assert_eq!(typing.settle("After undo", true), None, "still typing");
        assert_eq!(typing.text, "Typed", "what is being typed is not replaced");
        assert_eq!(
            typing.settle("After undo", false),
            Some("Typed".to_owned()),
            "and is committed when the field is left"
        );
    }

    #[test]
    fn a_probability_change_is_recorded_in_the_same_risk() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date");
        let mut risk = new_risk(&Project::default(), today);
        assert_eq!(risk.id, RiskId(1), "the first id");
        assert_eq!(risk.history.len(), 1, "created with its first assessment");
        assess(&mut risk, 5, 3, today);
        assert_eq!((risk.probability, risk.impact), (5, 3), "changed");
        assert_eq!(
            risk.history.last(),
            Some(&RiskAssessment {
                date: today,
                probability: 5,
                impact: 3
            }),
            "and recorded"
        );
    }

    #[test]
    fn the_register_sorts_by_each_column_and_filters_to_a_cell() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date");
        let mut project = Project::default();
        for (title, probability, impact, status, review) in [
            ("beta", 4, 4, RiskStatus::Open, Some(12)),
            ("Alpha", 2, 2, RiskStatus::Closed, None),
            ("gamma", 4, 4, RiskStatus::Monitoring, Some(3)),
            ("delta", 4, 4, RiskStatus::Occurred, Some(1)),
        ] {
            let mut risk = new_risk(&project, today);
            risk.title = title.to_owned();
            (risk.probability, risk.impact, risk.status) = (probability, impact, status);
            risk.review = review.and_then(|day| NaiveDate::from_ymd_opt(2026, 12, day));
            project.risks.push(risk);
        }
        let titles = |state: &RisksState| -> Vec<String> {
            listed(state, &project)
                .iter()
                .map(|risk| risk.title.clone())
                .collect()
        };
        let mut state = RisksState::default();
        assert_eq!(
            titles(&state).last().map(String::as_str),
            Some("Alpha"),
            "lowest score last"
        );
        state.sort = SortKey::Title;
        state.descending = false;
        assert_eq!(
            titles(&state),
            ["Alpha", "beta", "delta", "gamma"],
            "by title"
        );
        state.sort = SortKey::Review;
        assert_eq!(
            titles(&state),
            ["delta", "gamma", "beta", "Alpha"],
            "by review, none last"
        );
        state.sort = SortKey::Status;
        assert_eq!(
            titles(&state),
            ["beta", "gamma", "delta", "Alpha"],
            "open, monitoring, occurred, closed"
        );
        state.filter = Some((4, 4));
        assert_eq!(
            titles(&state),
            ["beta", "gamma"],
            "the open risks of the cell"
        );
    }
}
