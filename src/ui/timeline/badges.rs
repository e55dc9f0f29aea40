//! Risk badges drawn on the timeline: a dot on each item threatened by an open risk, coloured by
//! the worst of them, and the lines naming those risks in the item's tooltip. The data is
//! [`crate::timeline::badges`].

use egui::{RichText, Stroke, pos2};

use crate::tr;

use crate::timeline::badges::{BADGE_RADIUS, ItemRisk, RiskBadges, badge_centre, level_name};
use crate::timeline::layout::Scene;
use crate::ui::theme::Palette;

/// Draws a badge on every drawn item threatened by an open risk.
pub fn badges_ui(painter: &egui::Painter, scene: &Scene, badges: &RiskBadges, palette: &Palette) {
    for shape in &scene.shapes {
        let Some(level) = badges.worst(shape.item) else {
            continue;
        };
        let (x, y) = badge_centre(shape);
        let centre = pos2(x, y);
        // A ring in the canvas colour detaches the dot from the bar beneath it.
        painter.circle_filled(centre, BADGE_RADIUS + 1.5, palette.canvas);
        painter.circle(
            centre,
            BADGE_RADIUS,
            palette.risk(level),
            Stroke::new(0.8, palette.risk_ink.gamma_multiply(0.55)),
        );
    }
}

/// The tooltip lines naming the open risks of an item.
pub fn tooltip_ui(ui: &mut egui::Ui, risks: &[ItemRisk], palette: &Palette) {
    if risks.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(tr!("risks.tooltip_heading", count = risks.len())).strong());
    for risk in risks {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), BADGE_RADIUS, palette.risk(risk.level));
            ui.label(tr!(
                "risks.tooltip_line",
                title = risk.title.as_str(),
                score = risk.score,
                level = level_name(risk.level)
            ));
        });
    }
}
