//! How the open project is looked at: the selection, the outline, the timeline's zoom and
//! scroll, the tabs on the right, a drag's preview, presentation mode, and what the timeline
//! drew last.
//!
//! Nothing here is saved with the project or between runs; it is reset when another project
//! is opened.

use std::collections::HashSet;

use egui::ViewportCommand;

use crate::model::ItemId;
use crate::timeline::layout::Scene;
use crate::ui::timeline::canvas::TimelineState;

use super::outline::OutlineState;
use super::panels::Panels;
use super::plan::DragPreview;
use super::present::Presentation;
use super::{App, risks, theme};

/// The view of the open project.
#[derive(Default)]
pub struct View {
    /// The selected items.
    pub selection: HashSet<ItemId>,
    /// The link selected on the canvas (from, to); Delete removes it.
    pub selected_link: Option<(ItemId, ItemId)>,
    /// The outline: what is being renamed, which rows are folded.
    pub outline: OutlineState,
    /// The timeline: zoom, scroll, collapsed lanes.
    pub timeline: TimelineState,
    /// The tabs on the right and what is being typed in them.
    pub panels: Panels,
    /// The drag in progress on the canvas and what it would do.
    pub preview: Option<DragPreview>,
    /// Presentation mode, while it is on; the editing view waits untouched underneath.
    pub presentation: Option<Presentation>,
    /// What the timeline drew last, to find items on screen.
    pub drawn: Scene,
    /// How many baseline ghosts the timeline drew last.
    pub ghosts_drawn: usize,
}

impl View {
    /// Forgets what belonged to the previous project.
    pub fn reset(&mut self) {
        self.selection.clear();
        self.selected_link = None;
        self.outline = OutlineState::default();
        self.timeline.reset();
        self.panels.baselines.forget_project();
        // Risk ids of the old project mean nothing in the new one.
        self.panels.risks = risks::RisksState::default();
    }

    /// Selects exactly `items`.
    pub fn select(&mut self, items: impl IntoIterator<Item = ItemId>) {
        self.selection = items.into_iter().collect();
        self.selected_link = None;
    }

    /// Adds `item` to the selection, or takes it out.
    pub fn toggle_selected(&mut self, item: ItemId) {
        if !self.selection.remove(&item) {
            self.selection.insert(item);
        }
    }

    /// The selected item, when exactly one is selected.
    pub fn single_selection(&self) -> Option<ItemId> {
        let mut items = self.selection.iter();
        match (items.next(), items.next()) {
            (Some(&item), None) => Some(item),
            _ => None,
        }
    }
}

impl App {
    /// Starts presentation mode: full screen, client-safe, on the title card.
    pub(super) fn enter_presentation(&mut self, ctx: &egui::Context) {
        if self.view.presentation.is_some() {
            return;
        }
        let fullscreen = ctx.input(|input| input.viewport().fullscreen.unwrap_or(false));
        self.view.presentation = Some(Presentation::new(self.project(), fullscreen, self.today));
        theme::apply_present(ctx);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }

    /// Leaves presentation mode; the editing view is as it was left.
    pub(super) fn leave_presentation(&mut self, ctx: &egui::Context) {
        if let Some(presentation) = self.view.presentation.take() {
            theme::apply(ctx, self.prefs.theme);
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(presentation.was_fullscreen()));
        }
    }

    /// One frame of presentation mode: only the presentation is drawn.
    pub(super) fn presentation_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let input = super::present::PresentInput {
            today: self.today,
            language: self.prefs.language,
        };
        let Some(presentation) = &mut self.view.presentation else {
            return;
        };
        // F5 again does nothing; Esc leaves.
        ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::F5));
        if presentation.ui(ui, &input) == super::present::Outcome::Leave {
            self.leave_presentation(ctx);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.leave_presentation(ctx);
            self.quit_after_presenting = true;
        }
    }
}
