//! Presentation mode (F5): the client-safe timeline full screen, in large type on a light
//! high-contrast theme, stepping from a title card through the milestones in date order.
//!
//! The presentation keeps its own copy of the client view and its own [`TimelineState`], so
//! leaving it finds the editing view exactly as it was.
//!
//! This file holds the presentation's state, its steps and keys, and the frame that puts the
//! canvas, the card and the footer together. The moving view lives in `flight`, the cards and
//! their pieces in `cards`; what a card says about a milestone is [`crate::rules`]'s, not
//! decided here.

mod cards;
mod flight;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Pos2, Rect, pos2};

use crate::i18n::Language;
use crate::model::{Item, ItemId, ItemKind, Project};
use crate::rules::{self, Judgement, Status};
use crate::schedule::WorkCalendar;
use crate::ui::timeline::canvas::{self, CanvasInput, Gestures, TimelineState};

use super::theme::Palette;
use flight::Flight;

/// How much larger rows, marks and type are drawn than when editing.
pub const PRESENT_SCALE: f32 = 1.4;

/// Height of the key hints along the bottom, in points.
const FOOTER_HEIGHT: f32 = 40.0;

/// Where the presentation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The title card over the whole timeline.
    Title,
    /// A milestone, by its place among the milestones in date order (0-based).
    Milestone(usize),
    /// Today, centred.
    Today,
}

/// What the window gives the presentation for one frame.
pub struct PresentInput {
    /// Today, for the title card and the today line.
    pub today: NaiveDate,
    /// The language of labels and dates.
    pub language: Language,
}

/// What the user asked of the presentation this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Keep presenting.
    Stay,
    /// Esc: back to editing.
    Leave,
}

/// The presentation's state, from F5 to Esc.
pub struct Presentation {
    /// What the client may see: the client view taken when the presentation began.
    project: Project,
    /// The whole project's status (the honest one, internal items included).
    status: Status,
    /// The client-visible milestones in date order.
    milestones: Vec<ItemId>,
    /// The presentation's own zoom and scroll; the editing view is not touched.
    timeline: TimelineState,
    /// Where the presentation stands.
    step: Step,
    /// The step the view last moved to; `None` until the first frame placed it.
    shown: Option<Step>,
    /// The canvas size the view was placed for: when the window changes size (going full
    /// screen takes a few frames), the step is placed again.
    shown_size: egui::Vec2,
    /// The view moving, if it is.
    flight: Option<Flight>,
    /// Whether the window was full screen before the presentation began.
    was_fullscreen: bool,
    /// What was drawn last, to find items on screen.
    drawn: crate::timeline::layout::Scene,
}

impl Presentation {
    /// Starts presenting `project` on `today`: its client view, judged by the whole project's
    /// status. `was_fullscreen` is restored on leaving.
    pub fn new(project: &Project, was_fullscreen: bool, today: NaiveDate) -> Self {
        let view = project.client_view();
        let mut milestones: Vec<(NaiveDate, usize, ItemId)> = view
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.kind == ItemKind::Milestone)
            .map(|(index, item)| (item.finish, index, item.id))
            .collect();
        milestones.sort_unstable();
        let mut timeline = TimelineState::default();
        timeline.scale = PRESENT_SCALE;
        timeline.gestures = Gestures::LookOnly;
        timeline.fit_pending = false;
        Self {
            status: rules::overall_status(project, today),
            project: view,
            milestones: milestones.into_iter().map(|(_, _, id)| id).collect(),
            timeline,
            step: Step::Title,
            shown: None,
            shown_size: egui::Vec2::ZERO,
            flight: None,
            was_fullscreen,
            drawn: crate::timeline::layout::Scene::default(),
        }
    }

    /// The project as presented: client-visible items only.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The status shown on the title card.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The milestones stepped through, in date order.
    pub fn milestones(&self) -> &[ItemId] {
        &self.milestones
    }

    /// Where the presentation stands.
    pub fn step(&self) -> Step {
        self.step
    }

    /// Whether the window was full screen before the presentation began.
    pub fn was_fullscreen(&self) -> bool {
        self.was_fullscreen
    }

    /// The items drawn in the last frame, top to bottom.
    pub fn items_on_screen(&self) -> Vec<ItemId> {
        self.drawn.shapes.iter().map(|shape| shape.item).collect()
    }

    /// Where `item` was drawn in the last frame: its left end (a milestone's instant) at the
    /// row's centre.
    pub fn item_on_screen(&self, item: ItemId) -> Option<Pos2> {
        let shape = self.drawn.shapes.iter().find(|shape| shape.item == item)?;
        Some(pos2(shape.x0, shape.y))
    }

    /// The milestone shown, if a milestone's card is up.
    pub fn current_milestone(&self) -> Option<&Item> {
        match self.step {
            Step::Milestone(index) => self
                .milestones
                .get(index)
                .and_then(|id| self.project.item(*id)),
            Step::Title | Step::Today => None,
        }
    }

    /// The first milestone on or after `date`, by its place in date order.
    fn first_from(&self, date: NaiveDate) -> Option<usize> {
        self.milestones.iter().position(|id| {
            self.project
                .item(*id)
                .is_some_and(|item| item.finish >= date)
        })
    }

    /// → / `PageDown`: the next milestone (the first one on or after today when at today).
    pub fn next(&mut self, today: NaiveDate) {
        let count = self.milestones.len();
        self.step = match self.step {
            Step::Title if count > 0 => Step::Milestone(0),
            Step::Milestone(index) if index + 1 < count => Step::Milestone(index + 1),
            Step::Today => self.first_from(today).map_or(Step::Today, Step::Milestone),
            other => other,
        };
    }

    /// ← / `PageUp`: the milestone before, then the title card.
    pub fn back(&mut self, today: NaiveDate) {
        self.step = match self.step {
            Step::Milestone(0) | Step::Title => Step::Title,
            Step::Milestone(index) => Step::Milestone(index - 1),
            Step::Today => match self.first_from(today) {
                Some(0) => Step::Title,
                Some(index) => Step::Milestone(index - 1),
                None if self.milestones.is_empty() => Step::Title,
                None => Step::Milestone(self.milestones.len() - 1),
            },
        };
    }

    /// T: today, centred.
    pub fn today(&mut self) {
        self.step = Step::Today;
    }

    /// Home: the title card.
    pub fn home(&mut self) {
        self.step = Step::Title;
    }

    /// Handles the presentation's keys; every other key is swallowed so that nothing edits.
    fn keys(&mut self, ctx: &egui::Context, today: NaiveDate) -> Outcome {
        let mut outcome = Outcome::Stay;
        ctx.input_mut(|input| {
            if input.consume_key(Modifiers::NONE, Key::Escape) {
                outcome = Outcome::Leave;
            }
            for key in [Key::ArrowRight, Key::PageDown, Key::Space] {
                if input.consume_key(Modifiers::NONE, key) {
                    self.next(today);
                }
            }
            for key in [Key::ArrowLeft, Key::PageUp, Key::Backspace] {
                if input.consume_key(Modifiers::NONE, key) {
                    self.back(today);
                }
            }
            if input.consume_key(Modifiers::NONE, Key::T) {
                self.today();
            }
            if input.consume_key(Modifiers::NONE, Key::Home) {
                self.home();
            }
        });
        outcome
    }

    /// Draws the presentation over the whole of `ui` and handles its keys.
    pub fn ui(&mut self, ui: &mut egui::Ui, input: &PresentInput) -> Outcome {
        let palette = &Palette::PRESENT;
        let outcome = self.keys(ui.ctx(), input.today);
        let mut result = Outcome::Stay;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(palette.canvas))
            .show(ui, |ui| {
                let rect = ui.available_rect_before_wrap();
                let canvas_rect =
                    Rect::from_min_max(rect.min, pos2(rect.right(), rect.bottom() - FOOTER_HEIGHT));
                self.fly(ui, canvas_rect, input.today);
                // The milestone being presented is drawn selected, so the eye finds it.
                let selection: std::collections::HashSet<ItemId> = self
                    .current_milestone()
                    .map(|item| item.id)
                    .into_iter()
                    .collect();
                let canvas_input = CanvasInput {
                    project: &self.project,
                    revision: 0,
                    selection: &selection,
                    selected_link: None,
                    today: input.today,
                    language: input.language,
                    palette,
                    critical: None,
                    preview: None,
                    impact: None,
                    floats: None,
                    baseline: None,
                    risk_badges: None,
                    covered: false,
                };
                let footer = Rect::from_min_max(pos2(rect.left(), canvas_rect.bottom()), rect.max);
                let mut canvas_ui = ui.new_child(egui::UiBuilder::new().max_rect(canvas_rect));
                // Gestures on the canvas only look: its actions are dropped.
                let output = canvas::canvas_ui(&mut canvas_ui, &mut self.timeline, &canvas_input);
                self.drawn = output.scene;
                match self.step {
                    Step::Title => self.title_card_ui(ui, canvas_rect, input, palette),
                    Step::Milestone(index) => {
                        self.milestone_card_ui(ui, canvas_rect, index, input, palette);
                    }
                    Step::Today => self.today_card_ui(ui, canvas_rect, input, palette),
                }
                self.footer_ui(ui, footer, palette);
                result = outcome;
            });
        result
    }

    /// The status the card of the milestone at `index` (in date order) shows on `today`.
    pub fn card_status(&self, index: usize, today: NaiveDate) -> Option<Judgement> {
        let project = &self.project;
        let item = self
            .milestones
            .get(index)
            .and_then(|id| project.item(*id))?;
        let calendar = WorkCalendar::new(&project.calendar);
        rules::milestone_status(project, &calendar, item, today)
    }

    /// Whether the view is still moving.
    pub fn is_moving(&self) -> bool {
        self.flight.is_some() || self.shown != Some(self.step)
    }
}
