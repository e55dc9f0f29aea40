//! The impact card shown during a drag on the timeline: what moves, by how much, and which
//! deadlines break.

use egui::{Rect, RichText, pos2};

use crate::i18n::Language;
use crate::model::Project;
use crate::schedule::Impact;
use crate::tr;
use crate::ui::theme::Palette;

use super::canvas::HEADER_HEIGHT;

/// The card shown during a drag: what moves, by how much, and which deadlines break. It
/// stands in the canvas's right corner away from the dragged item (`dragged_y`, its row's
/// centre): at the bottom when the item is in the upper half, else at the top.
#[expect(
    clippy::too_many_arguments,
    reason = "what the card shows, where, and in which language and colours"
)]
pub(super) fn impact_card_ui(
    ui: &egui::Ui,
    project: &Project,
    impact: &Impact,
    resized: Option<crate::model::ItemId>,
    dragged_y: f32,
    canvas: Rect,
    language: Language,
    palette: &Palette,
) {
    const MARGIN: f32 = 12.0;
    let rows_top = canvas.top() + HEADER_HEIGHT;
    let (pivot, corner) = if dragged_y < rows_top.midpoint(canvas.bottom()) {
        (
            egui::Align2::RIGHT_BOTTOM,
            pos2(canvas.right() - MARGIN, canvas.bottom() - MARGIN),
        )
    } else {
        (
            egui::Align2::RIGHT_TOP,
            pos2(canvas.right() - MARGIN, rows_top + MARGIN),
        )
    };
    egui::Area::new(egui::Id::unique("impact_card"))
        .order(egui::Order::Foreground)
        .pivot(pivot)
        .fixed_pos(corner)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(310.0);
                ui.set_max_width(310.0);
                let title = match resized.and_then(|id| project.item(id)) {
                    Some(item) if impact.moved.len() > 1 => tr!(
                        "impact.resizes_and_moves",
                        name = item.name.as_str(),
                        count = impact.moved.len() - 1
                    )
                    .into_owned(),
                    Some(item) => tr!("impact.resizes", name = item.name.as_str()).into_owned(),
                    None => moves_title(impact),
                };
                impact_list_ui(ui, project, impact, &title, language, palette);
                ui.label(
                    RichText::new(tr!("impact.hint"))
                        .small()
                        .color(palette.text_muted),
                );
            });
        });
}

/// What an edit moves, by how much, and which deadlines it breaks: the impact card's list, also
/// shown before a calendar change lands.
pub(crate) fn impact_list_ui(
    ui: &mut egui::Ui,
    project: &Project,
    impact: &Impact,
    title: &str,
    language: Language,
    palette: &Palette,
) {
    const SHOWN: usize = 8;
    ui.label(RichText::new(title).strong());
    for moved in impact.moved.iter().take(SHOWN) {
        let name = project
            .item(moved.item)
            .map_or("?", |item| item.name.as_str());
        let delta = moved.finish_delta_workdays;
        let sign = if delta > 0 { "+" } else { "" };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{sign}{delta}"))
                    .monospace()
                    .color(palette.task_moved),
            );
            ui.add(
                egui::Label::new(format!(
                    "{name} → {}",
                    crate::ui::short_date(moved.finish, language)
                ))
                .truncate(),
            );
        });
    }
    if impact.moved.len() > SHOWN {
        ui.label(
            RichText::new(tr!("impact.more", count = impact.moved.len() - SHOWN))
                .color(palette.text_muted),
        );
    }
    if impact.breaches.is_empty() {
        ui.label(RichText::new(tr!("impact.no_breach")).color(palette.good));
    } else {
        ui.separator();
        ui.label(
            RichText::new(tr!(
                one_or_many(impact.breaches.len(), "impact.breaches"),
                count = impact.breaches.len()
            ))
            .strong()
            .color(palette.danger),
        );
        for breach in &impact.breaches {
            let name = project
                .item(breach.item)
                .map_or("?", |item| item.name.as_str());
            ui.label(
                RichText::new(tr!(
                    one_or_many(
                        breach.late_workdays.unsigned_abs() as usize,
                        "impact.breach"
                    ),
                    name = name,
                    deadline = crate::ui::short_date(breach.deadline, language),
                    late = breach.late_workdays
                ))
                .color(palette.danger),
            );
        }
    }
}

/// "Moves 3 items": the title of a change that moves what it lists.
pub(crate) fn moves_title(impact: &Impact) -> String {
    tr!(
        one_or_many(impact.moved.len(), "impact.title"),
        count = impact.moved.len()
    )
    .into_owned()
}

/// The key of a message for one thing (`KEY_one`) or for any other number (`KEY`).
fn one_or_many(count: usize, key: &'static str) -> &'static str {
    match (count, key) {
        (1, "impact.title") => "impact.title_one",
        (1, "impact.breaches") => "impact.breaches_one",
        (1, "impact.breach") => "impact.breach_one",
        _ => key,
    }
}
