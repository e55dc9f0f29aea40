//! Probes into the window for the tests and benchmarks: what was drawn, how deep the undo
//! history is, what a drag would move.
//!
//! Built only with the `testing` feature, which every test and bench target gets through the
//! dev-dependency on this package; a release build has none of it.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::model::{ItemId, Project};
use crate::ui::timeline::canvas::TimelineState;

use super::App;
use super::present::Presentation;
use super::session::Opened;

impl App {
    /// Replaces the open project by `project`, as a new unsaved document (the window opens
    /// files with [`Self::open_path`]).
    pub fn set_project(&mut self, project: Project) {
        self.replace_project(project, Opened::New);
    }

    /// Where an item was drawn in the last frame: its left and right ends at the row's centre
    /// (both at the instant for a milestone).
    pub fn item_on_screen(&self, item: ItemId) -> Option<(egui::Pos2, egui::Pos2)> {
        let shape = self
            .view
            .drawn
            .shapes
            .iter()
            .find(|shape| shape.item == item)?;
        Some((egui::pos2(shape.x0, shape.y), egui::pos2(shape.x1, shape.y)))
    }

    /// The points of the arrow drawn for the link from `from` to `to` in the last frame.
    pub fn arrow_on_screen(&self, from: ItemId, to: ItemId) -> Option<Vec<egui::Pos2>> {
        let arrow = self
            .view
            .drawn
            .arrows
            .iter()
            .find(|arrow| (arrow.from, arrow.to) == (from, to))?;
        Some(
            arrow
                .points
                .iter()
                .map(|&(x, y)| egui::pos2(x, y))
                .collect(),
        )
    }

    /// The item a link being dragged would land on, lit on the timeline.
    pub fn link_target(&self) -> Option<ItemId> {
        self.view.timeline.link_target
    }

    /// The link selected on the canvas, if any.
    pub fn selected_link(&self) -> Option<(ItemId, ItemId)> {
        self.view.selected_link
    }

    /// The items drawn in the last frame, top to bottom.
    pub fn items_on_screen(&self) -> Vec<ItemId> {
        self.view
            .drawn
            .shapes
            .iter()
            .map(|shape| shape.item)
            .collect()
    }

    /// How many steps Edit ▸ Undo can take back.
    pub fn history_depth(&self) -> usize {
        self.session.history.undo_depth()
    }

    /// How many items the drag in progress would move, if a drag is in progress.
    pub fn previewed_moves(&self) -> Option<usize> {
        self.view
            .preview
            .as_ref()
            .map(|preview| preview.impact.moved.len())
    }

    /// The level of the worst open risk badged on `item` in the last frame.
    pub fn risk_badge(&self, item: ItemId) -> Option<crate::report::RiskLevel> {
        self.derived.risk_badges.last().worst(item)
    }

    /// The selected items.
    pub fn selection(&self) -> &HashSet<ItemId> {
        &self.view.selection
    }

    /// Whether View ▸ Baseline overlay is on.
    pub fn baseline_overlay(&self) -> bool {
        self.view.panels.baselines.overlay
    }

    /// How many baseline ghosts the timeline drew in the last frame.
    pub fn ghosts_drawn(&self) -> usize {
        self.view.ghosts_drawn
    }

    /// Presentation mode, while it is on.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.view.presentation.as_ref()
    }

    /// The timeline's view state: zoom, scroll, collapsed lanes.
    pub fn timeline_mut(&mut self) -> &mut TimelineState {
        &mut self.view.timeline
    }

    /// The files listed in File ▸ Open Recent, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.prefs.recent
    }
}
