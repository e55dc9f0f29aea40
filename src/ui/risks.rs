//! The Risks tab: a probability × impact heat map that filters the register, the register as a
//! sortable table, and the editor of the selected risk with the trend of its assessments.
//!
//! Every change is an [`Edit::UpdateRisk`] (one undo step each); text is committed when its
//! field loses focus, and text typed but not yet committed is committed before the editor turns
//! to another risk, so nothing typed is lost.

mod editor;
mod heat_map;
mod history;

use chrono::NaiveDate;
use egui::{Align2, FontId, RichText, Sense, vec2};
use egui_extras::{Column, TableBuilder};

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{
    Owner, Project, Risk, RiskAssessment, RiskCategory, RiskId, RiskResponse, RiskStatus, next_id,
};
use crate::report::{HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, RiskLevel};
use crate::timeline::badges::level_name;
use crate::tr;

use super::Command;
use super::fields::Choice;
use super::outline::short_date;
use super::panels::{Panel, PanelInput};
use super::theme::Palette;

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
    buffers: editor::TextBuffers,
    /// Bring the selected risk's row into view on the next frame (it was just added).
    reveal: bool,
}

impl RisksState {
    /// Opens `risk` in the editor, clearing the heat-map filter so that it is listed.
    pub fn select(&mut self, risk: RiskId) {
        self.selected = Some(risk);
        self.filter = None;
    }
}

impl Default for RisksState {
    fn default() -> Self {
        Self {
            selected: None,
            sort: SortKey::Score,
            descending: true,
            filter: None,
            buffers: editor::TextBuffers::default(),
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

fn owner_name(project: &Project, owner: Option<&Owner>) -> Option<String> {
    owner.map(|owner| crate::rules::owner_name(project, owner))
}

impl Choice for RiskStatus {
    const CHOICES: &'static [Self] = &Self::ALL;

    fn name(self) -> String {
        match self {
            RiskStatus::Open => tr!("risks.status.open"),
            RiskStatus::Monitoring => tr!("risks.status.monitoring"),
            RiskStatus::Occurred => tr!("risks.status.occurred"),
            RiskStatus::Closed => tr!("risks.status.closed"),
        }
        .into_owned()
    }
}

/// Changes probability and impact and records the new assessment, dated today, in the same
/// change. A risk has at most one assessment a day: a second change the same day replaces
/// that day's assessment.
fn assess(risk: &mut Risk, probability: u8, impact: u8, today: NaiveDate) {
    risk.probability = probability;
    risk.impact = impact;
    let assessment = RiskAssessment {
        date: today,
        probability,
        impact,
    };
    match risk.history.last_mut() {
        Some(last) if last.date == today => *last = assessment,
        _ => risk.history.push(assessment),
    }
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
pub fn risks_ui(ui: &mut egui::Ui, state: &mut RisksState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let palette = input.palette;
    // Text typed for a risk that is no longer in the editor is committed first.
    if state.buffers.risk.is_some() && state.buffers.risk != state.selected {
        editor::flush(&mut state.buffers, project, commands);
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
                heat_map::heat_map_ui(ui, state, input);
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
                Some(risk) => editor::editor_ui(ui, state, input, risk, commands),
                None => {
                    ui.label(RichText::new(tr!("risks.select_hint")).color(palette.text_muted));
                }
            }
        });
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
                                    RichText::new(risk.status.name()).color(text_colour),
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            risk.history.len(),
            1,
            "the same day's assessment is replaced"
        );
        let tomorrow = today.succ_opt().expect("valid date");
        assess(&mut risk, 2, 3, tomorrow);
        assert_eq!(
            risk.history.len(),
            2,
            "a change on another day is a new assessment"
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
