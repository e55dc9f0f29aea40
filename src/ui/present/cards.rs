//! The presentation's cards drawn over the timeline (the title card, a milestone's card,
//! today's card) and the footer of key hints, with the small pieces they are built from. They
//! show the rulebook's judgements in the presentation's colours and decide nothing themselves;
//! stepping and the moving view are not here.

use chrono::NaiveDate;
use egui::{Align2, Color32, Pos2, Rect, RichText, Stroke, pos2, vec2};

use crate::model::{Item, Project};
use crate::report;
use crate::rules::{self, Judgement, MilestoneStatus, Status};
use crate::schedule::WorkCalendar;
use crate::tr;
use crate::ui::short_date_long;
use crate::ui::theme::Palette;
use crate::ui::timeline::canvas::HEADER_HEIGHT;

use super::{PresentInput, Presentation, Step};

/// Width of a milestone's card, in points.
const MILESTONE_CARD_WIDTH: f32 = 500.0;

/// Width of the title card, in points.
const TITLE_CARD_WIDTH: f32 = 760.0;

/// The colour of a milestone's status on its card.
fn milestone_colour(status: MilestoneStatus, palette: &Palette) -> Color32 {
    match status {
        MilestoneStatus::Reached => palette.good,
        MilestoneStatus::OnTime => palette.selection,
        MilestoneStatus::AtRisk => palette.warning,
        MilestoneStatus::Late | MilestoneStatus::ReachedLate => palette.danger,
    }
}

impl Presentation {
    /// The title card: the project, its client, its overall status and its milestones done.
    pub(super) fn title_card_ui(
        &self,
        ui: &egui::Ui,
        canvas: Rect,
        input: &PresentInput,
        palette: &Palette,
    ) {
        // The timeline stays in sight behind a veil, so the card reads as the first page.
        ui.painter()
            .rect_filled(canvas, 0.0, palette.canvas.gamma_multiply(0.72));
        let project = &self.project;
        let language = input.language;
        let date = |date: NaiveDate| short_date_long(date, language);
        let calendar = WorkCalendar::new(&project.calendar);
        card_area(
            "present_title_card",
            canvas.center(),
            Align2::CENTER_CENTER,
            ui,
            |ui| {
                ui.set_width(TITLE_CARD_WIDTH);
                ui.label(
                    RichText::new(tr!("present.overview"))
                        .size(17.0)
                        .color(palette.text_muted),
                );
                ui.add(
                    egui::Label::new(
                        RichText::new(&project.name)
                            .size(42.0)
                            .strong()
                            .color(palette.text),
                    )
                    .wrap(),
                );
                if !project.client.name.is_empty() {
                    ui.label(
                        RichText::new(tr!(
                            "present.for_client",
                            client = project.client.name.as_str()
                        ))
                        .size(22.0)
                        .color(palette.text_muted),
                    );
                }
                ui.add_space(14.0);
                ui.horizontal(|ui| {
                    pill_ui(
                        ui,
                        &tr!(self.status.key()),
                        status_colour(self.status, palette),
                        22.0,
                    );
                    ui.add_space(6.0);
                    ui.label(
                        RichText::new(tr!("present.as_of", date = date(input.today)))
                            .size(20.0)
                            .color(palette.text),
                    );
                });
                ui.add_space(14.0);
                ui.separator();
                ui.add_space(6.0);
                if !project.goal.trim().is_empty() {
                    fact_ui(ui, &tr!("present.goal"), &project.goal, palette);
                }
                if let Some((first, last)) = rules::span::project_span(project) {
                    fact_ui(
                        ui,
                        &tr!("present.span"),
                        &format!("{} – {}", date(first), date(last)),
                        palette,
                    );
                }
                let done = self
                    .milestones
                    .iter()
                    .filter_map(|id| project.item(*id))
                    .filter_map(|item| {
                        rules::milestone_status(project, &calendar, item, input.today)
                    })
                    .filter(|judgement| judgement.status.is_reached())
                    .count();
                let count = self.milestones.len();
                let key = if count == 1 {
                    "present.milestones_one"
                } else {
                    "present.milestones"
                };
                fact_ui(
                    ui,
                    &tr!("present.milestones_label"),
                    &tr!(key, count = count, done = done),
                    palette,
                );
            },
        );
    }

    /// The card of the milestone at `index` (in date order): its status, dates and criteria.
    pub(super) fn milestone_card_ui(
        &self,
        ui: &egui::Ui,
        canvas: Rect,
        index: usize,
        input: &PresentInput,
        palette: &Palette,
    ) {
        let project = &self.project;
        let Some(item) = self.milestones.get(index).and_then(|id| project.item(*id)) else {
            return;
        };
        let language = input.language;
        let date = |date: NaiveDate| short_date_long(date, language);
        let calendar = WorkCalendar::new(&project.calendar);
        // The card goes to the right, above or below the milestone's row, whichever is freer.
        let row_y = self
            .drawn
            .shapes
            .iter()
            .find(|shape| shape.item == item.id)
            .map_or(canvas.center().y, |shape| shape.y);
        let rows_middle = (canvas.top() + HEADER_HEIGHT + canvas.bottom()) / 2.0;
        let (anchor, align) = if row_y < rows_middle {
            (
                pos2(canvas.right() - 28.0, canvas.bottom() - 20.0),
                Align2::RIGHT_BOTTOM,
            )
        } else {
            (
                pos2(canvas.right() - 28.0, canvas.top() + HEADER_HEIGHT + 20.0),
                Align2::RIGHT_TOP,
            )
        };
        let Some(Judgement { status, .. }) = self.card_status(index, input.today) else {
            return;
        };
        card_area("present_milestone_card", anchor, align, ui, |ui| {
            ui.set_width(MILESTONE_CARD_WIDTH);
            ui.label(
                RichText::new(tr!(
                    "present.milestone_step",
                    step = index + 1,
                    count = self.milestones.len()
                ))
                .size(16.0)
                .color(palette.text_muted),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(&item.name)
                        .size(32.0)
                        .strong()
                        .color(palette.text),
                )
                .wrap(),
            );
            ui.add_space(8.0);
            pill_ui(ui, &status.word(), milestone_colour(status, palette), 19.0);
            ui.add_space(10.0);
            fact_ui(ui, &tr!("present.date"), &date(item.finish), palette);
            let deadline = match item.deadline {
                Some(deadline) => {
                    let spare = calendar.workdays_between(item.finish, deadline);
                    let margin = match spare {
                        0 => tr!("present.on_deadline").into_owned(),
                        1 => tr!("present.spare_one").into_owned(),
                        -1 => tr!("present.past_one").into_owned(),
                        n if n > 0 => tr!("present.spare", count = n).into_owned(),
                        n => tr!("present.past", count = -n).into_owned(),
                    };
                    format!("{} · {margin}", date(deadline))
                }
                None => tr!("present.no_deadline").into_owned(),
            };
            fact_ui(ui, &tr!("present.deadline"), &deadline, palette);
            if let Some(variance) = variance_text(project, item, &calendar) {
                fact_ui(ui, &tr!("present.plan"), &variance, palette);
            }
            ui.add_space(8.0);
            ui.label(
                RichText::new(tr!("present.criteria"))
                    .size(16.0)
                    .color(palette.text_muted),
            );
            if item.criteria.is_empty() {
                ui.label(
                    RichText::new(tr!("present.no_criteria"))
                        .size(19.0)
                        .color(palette.text_muted),
                );
            }
            for criterion in &item.criteria {
                ui.horizontal_top(|ui| {
                    tick_ui(ui, criterion.done, palette);
                    ui.add(
                        egui::Label::new(
                            RichText::new(&criterion.text)
                                .size(19.0)
                                .color(palette.text),
                        )
                        .wrap(),
                    );
                });
            }
        });
    }

    /// Today's card: the date and the next milestone.
    pub(super) fn today_card_ui(
        &self,
        ui: &egui::Ui,
        canvas: Rect,
        input: &PresentInput,
        palette: &Palette,
    ) {
        let project = &self.project;
        let language = input.language;
        let anchor = pos2(canvas.right() - 28.0, canvas.bottom() - 20.0);
        card_area(
            "present_today_card",
            anchor,
            Align2::RIGHT_BOTTOM,
            ui,
            |ui| {
                ui.set_width(MILESTONE_CARD_WIDTH);
                ui.label(
                    RichText::new(tr!("present.today"))
                        .size(16.0)
                        .color(palette.text_muted),
                );
                ui.label(
                    RichText::new(short_date_long(input.today, language))
                        .size(32.0)
                        .strong()
                        .color(palette.today),
                );
                let next = self
                    .first_from(input.today)
                    .and_then(|index| self.milestones.get(index))
                    .and_then(|id| project.item(*id));
                let text = next.map_or_else(
                    || tr!("present.no_next").into_owned(),
                    |item| {
                        tr!(
                            "present.next_milestone",
                            name = item.name.as_str(),
                            date = short_date_long(item.finish, language)
                        )
                        .into_owned()
                    },
                );
                ui.add(egui::Label::new(RichText::new(text).size(20.0).color(palette.text)).wrap());
            },
        );
    }

    /// The key hints along the bottom, with where the presentation stands.
    pub(super) fn footer_ui(&self, ui: &egui::Ui, footer: Rect, palette: &Palette) {
        let painter = ui.painter();
        painter.rect_filled(footer, 0.0, palette.header_fill);
        painter.hline(
            footer.x_range(),
            footer.top() + 0.5,
            Stroke::new(1.0, palette.grid),
        );
        let font = egui::FontId::proportional(17.0);
        painter.text(
            pos2(footer.left() + 20.0, footer.center().y),
            Align2::LEFT_CENTER,
            tr!("present.keys"),
            font.clone(),
            palette.text_muted,
        );
        let step = match self.step {
            Step::Title => tr!("present.overview").into_owned(),
            Step::Milestone(index) => format!("{} / {}", index + 1, self.milestones.len()),
            Step::Today => tr!("present.today").into_owned(),
        };
        painter.text(
            pos2(footer.right() - 20.0, footer.center().y),
            Align2::RIGHT_CENTER,
            step,
            font,
            palette.text,
        );
    }
}

/// "+3 working days since Kick-off plan": how far a milestone moved since the latest baseline
/// that records it.
pub(super) fn variance_text(
    project: &Project,
    item: &Item,
    calendar: &WorkCalendar,
) -> Option<String> {
    let baseline = report::latest_baseline(project)?;
    let old = baseline.items.iter().find(|old| old.item == item.id)?;
    let moved = calendar.workdays_between(old.finish, item.finish);
    let name = baseline.name.as_str();
    Some(
        match moved {
            0 => tr!("present.variance_none", baseline = name),
            1 => tr!("present.variance_later_one", baseline = name),
            -1 => tr!("present.variance_earlier_one", baseline = name),
            n if n > 0 => tr!("present.variance_later", count = n, baseline = name),
            n => tr!("present.variance_earlier", count = -n, baseline = name),
        }
        .into_owned(),
    )
}

fn status_colour(status: Status, palette: &Palette) -> Color32 {
    match status {
        Status::OnTrack => palette.good,
        Status::AtRisk => palette.warning,
        Status::Late => palette.danger,
    }
}

/// A card floating over the timeline, with `align` of it at `anchor`.
fn card_area(
    id: &str,
    anchor: Pos2,
    align: Align2,
    ui: &egui::Ui,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    let palette = &Palette::PRESENT;
    egui::Area::new(egui::Id::unique(id))
        .order(egui::Order::Middle)
        .fixed_pos(anchor)
        .pivot(align)
        // The card takes the pointer, so the timeline under it shows no tooltips.
        .interactable(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(palette.canvas)
                .stroke(Stroke::new(1.0, palette.grid_strong))
                .corner_radius(12)
                .inner_margin(egui::Margin::symmetric(30, 24))
                .shadow(egui::epaint::Shadow {
                    offset: [0, 10],
                    blur: 32,
                    spread: 0,
                    color: Color32::from_black_alpha(48),
                })
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing = vec2(10.0, 8.0);
                    add_contents(ui);
                });
        });
}

/// A coloured pill with white type.
fn pill_ui(ui: &mut egui::Ui, text: &str, colour: Color32, size: f32) {
    egui::Frame::new()
        .fill(colour)
        .corner_radius(255)
        .inner_margin(egui::Margin::symmetric(16, 6))
        .show(ui, |ui| {
            ui.label(
                RichText::new(text)
                    .size(size)
                    .strong()
                    .color(Color32::WHITE),
            );
        });
}

/// A fact on a card: a muted label above its value.
fn fact_ui(ui: &mut egui::Ui, label: &str, value: &str, palette: &Palette) {
    ui.label(RichText::new(label).size(16.0).color(palette.text_muted));
    ui.add(egui::Label::new(RichText::new(value).size(21.0).color(palette.text)).wrap());
    ui.add_space(4.0);
}

/// A tick box: filled with a check mark when done, empty otherwise.
fn tick_ui(ui: &mut egui::Ui, done: bool, palette: &Palette) {
    let (rect, _) = ui.allocate_exact_size(vec2(24.0, 24.0), egui::Sense::hover());
    let tick = Rect::from_center_size(rect.center(), vec2(20.0, 20.0));
    let painter = ui.painter();
    if done {
        painter.rect_filled(tick, 4.0, palette.good);
        painter.line(
            vec![
                pos2(tick.left() + 4.5, tick.center().y + 0.5),
                pos2(tick.left() + 8.5, tick.bottom() - 5.0),
                pos2(tick.right() - 4.0, tick.top() + 5.0),
            ],
            Stroke::new(2.6, Color32::WHITE),
        );
    } else {
        painter.rect_stroke(
            tick,
            4.0,
            Stroke::new(2.0, palette.text_muted),
            egui::StrokeKind::Inside,
        );
    }
}
