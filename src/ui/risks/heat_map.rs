//! The 5 × 5 probability × impact heat map that counts the open risks of each cell and filters
//! the register to a cell.

use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use crate::i18n::Language;
use crate::report::RiskLevel;
use crate::tr;

use super::super::panels::PanelInput;
use super::RisksState;

/// Side of a heat-map cell, in points.
const CELL_WIDTH: f32 = 30.0;
const CELL_HEIGHT: f32 = 22.0;

/// The 5 × 5 grid: impact across, probability up, each cell in the colour of its level with
/// the number of open risks in it. Clicking a cell filters the table to it.
pub(super) fn heat_map_ui(ui: &mut egui::Ui, state: &mut RisksState, input: &PanelInput<'_>) {
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
