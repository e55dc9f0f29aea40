//! The lines naming an item's open risks in its timeline tooltip. The badges themselves are data
//! in [`crate::timeline::badges`] and painted by [`crate::timeline::paint`].

use egui::RichText;

use crate::tr;

use crate::timeline::badges::{BADGE_RADIUS, ItemRisk, level_name};
use crate::ui::theme::Palette;

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
