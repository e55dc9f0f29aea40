//! Presentation mode (F5): the client-safe timeline full screen, in large type on a light
//! high-contrast theme, stepping from a title card through the milestones in date order.
//!
//! The presentation keeps its own copy of the client view and its own [`TimelineState`], so
//! leaving it finds the editing view exactly as it was.

use chrono::NaiveDate;
use egui::{Align2, Color32, Key, Modifiers, Pos2, Rect, RichText, Stroke, pos2, vec2};

use crate::i18n::Language;
use crate::model::{Item, ItemId, ItemKind, Project};
use crate::report;
use crate::rules::{self, Judgement, MilestoneStatus, Status};
use crate::schedule::WorkCalendar;
use crate::timeline::transform::{MAX_DAYS_PER_POINT, MIN_DAYS_PER_POINT, days_from_date};
use crate::tr;
use crate::ui::timeline::canvas::{self, CanvasInput, Gestures, HEADER_HEIGHT, TimelineState};

use super::theme::Palette;

/// How much larger rows, marks and type are drawn than when editing.
pub const PRESENT_SCALE: f32 = 1.4;

/// How long the view takes to move to the next step, in seconds.
const FLIGHT_SECS: f64 = 0.4;

/// Days across the canvas when a milestone is shown: about three months, readable by week.
const MILESTONE_SPAN_DAYS: f64 = 90.0;

/// Where a shown milestone stands across the canvas (0 = left edge, 1 = right edge); the card
/// takes the right-hand side, clear of the diamond and its name.
const MILESTONE_X_FRACTION: f64 = 0.34;

/// Height of the key hints along the bottom, in points.
const FOOTER_HEIGHT: f32 = 40.0;

/// Width of a milestone's card, in points.
const MILESTONE_CARD_WIDTH: f32 = 500.0;

/// Width of the title card, in points.
const TITLE_CARD_WIDTH: f32 = 760.0;

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

/// The colour of a milestone's status on its card.
fn milestone_colour(status: MilestoneStatus, palette: &Palette) -> Color32 {
    match status {
        MilestoneStatus::Reached => palette.good,
        MilestoneStatus::OnTime => palette.selection,
        MilestoneStatus::AtRisk => palette.warning,
        MilestoneStatus::Late | MilestoneStatus::ReachedLate => palette.danger,
    }
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

/// The part of the view that moves: the date range shown and how far the rows are scrolled.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    /// Day number at the left edge.
    left_days: f64,
    /// Zoom.
    days_per_point: f64,
    /// Rows scrolled, in points.
    scroll_y: f32,
}

/// The view moving from one step to the next.
#[derive(Clone, Copy, Debug)]
struct Flight {
    from: View,
    to: View,
    /// `egui` time when it began, in seconds.
    started: f64,
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
                    today: input.today,
                    language: input.language,
                    palette,
                    critical: None,
                    preview: None,
                    impact: None,
                    floats: None,
                    baseline: None,
                    risk_badges: None,
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

    /// The view that shows `step` on a canvas `rect`.
    fn target(&mut self, step: Step, rect: Rect, today: NaiveDate) -> View {
        let width = f64::from(rect.width().max(100.0));
        let rows_height = (rect.height() - HEADER_HEIGHT).max(50.0);
        let readable = (MILESTONE_SPAN_DAYS / width).clamp(MIN_DAYS_PER_POINT, MAX_DAYS_PER_POINT);
        let around = |days: f64, fraction: f64, scroll_y: f32| View {
            left_days: days - fraction * width * readable,
            days_per_point: readable,
            scroll_y,
        };
        match step {
            Step::Title => {
                let mut transform = self.timeline.transform;
                if let Some((first, last)) = self.project.date_range() {
                    transform.fit(first, last, width, 60.0);
                }
                View {
                    left_days: transform.left_days,
                    days_per_point: transform.days_per_point,
                    scroll_y: 0.0,
                }
            }
            Step::Milestone(index) => {
                let Some(item) = self
                    .milestones
                    .get(index)
                    .and_then(|id| self.project.item(*id))
                else {
                    return self.current_view();
                };
                let (id, finish) = (item.id, item.finish);
                let scroll_y = self.scroll_to_show(id, rows_height);
                around(days_from_date(finish) + 1.0, MILESTONE_X_FRACTION, scroll_y)
            }
            Step::Today => around(days_from_date(today) + 0.5, 0.5, self.timeline.scroll_y),
        }
    }

    /// The scroll that puts `item`'s row a little above the middle of the rows.
    fn scroll_to_show(&mut self, item: ItemId, rows_height: f32) -> f32 {
        let one_row = self.timeline.row_height();
        let rows = self.timeline.rows(&self.project, 0);
        let Some(&row) = rows.row_of_item.get(&item) else {
            return self.timeline.scroll_y;
        };
        let content = rows.len() as f32 * one_row;
        let max = (content - rows_height + one_row).max(0.0);
        ((row as f32 + 0.5) * one_row - rows_height * 0.4).clamp(0.0, max)
    }

    fn current_view(&self) -> View {
        let transform = self.timeline.transform;
        View {
            left_days: transform.left_days,
            days_per_point: transform.days_per_point,
            scroll_y: self.timeline.scroll_y,
        }
    }

    fn set_view(&mut self, view: View) {
        self.timeline.transform.left_days = view.left_days;
        self.timeline.transform.days_per_point = view.days_per_point;
        self.timeline.scroll_y = view.scroll_y;
    }

    /// Starts the view moving when the step changed, and moves it along.
    fn fly(&mut self, ui: &egui::Ui, rect: Rect, today: NaiveDate) {
        let now = ui.input(|input| input.time);
        if self.shown != Some(self.step) {
            let to = self.target(self.step, rect, today);
            if self.shown.is_none() {
                // The first step appears in place.
                self.set_view(to);
                self.flight = None;
            } else {
                self.flight = Some(Flight {
                    from: self.current_view(),
                    to,
                    started: now,
                });
            }
            self.shown = Some(self.step);
            self.shown_size = rect.size();
        } else if self.shown_size != rect.size() && self.flight.is_none() {
            let to = self.target(self.step, rect, today);
            self.set_view(to);
            self.shown_size = rect.size();
        }
        let Some(flight) = self.flight else {
            return;
        };
        let t = ((now - flight.started) / FLIGHT_SECS).clamp(0.0, 1.0);
        // Ease in and out, so the view neither jumps nor stops dead.
        let eased = t * t * (3.0 - 2.0 * t);
        let (from, to) = (flight.from, flight.to);
        // Zoom moves evenly in scale, the centre evenly in time, so the target stays in sight.
        let width = f64::from(rect.width());
        let centre = |view: View| view.left_days + width / 2.0 * view.days_per_point;
        let zoom = (from.days_per_point.ln()
            + (to.days_per_point.ln() - from.days_per_point.ln()) * eased)
            .exp();
        let middle = centre(from) + (centre(to) - centre(from)) * eased;
        self.set_view(View {
            left_days: middle - width / 2.0 * zoom,
            days_per_point: zoom,
            scroll_y: from.scroll_y + (to.scroll_y - from.scroll_y) * eased as f32,
        });
        if t >= 1.0 {
            self.set_view(to);
            self.flight = None;
        } else {
            ui.ctx().request_repaint();
        }
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

    fn title_card_ui(&self, ui: &egui::Ui, canvas: Rect, input: &PresentInput, palette: &Palette) {
        // The timeline stays in sight behind a veil, so the card reads as the first page.
        ui.painter()
            .rect_filled(canvas, 0.0, palette.canvas.gamma_multiply(0.72));
        let project = &self.project;
        let language = input.language;
        let date = |date: NaiveDate| super::short_date_long(date, language);
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
                if let Some((first, last)) = project.date_range() {
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

    fn milestone_card_ui(
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
        let date = |date: NaiveDate| super::short_date_long(date, language);
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

    fn today_card_ui(&self, ui: &egui::Ui, canvas: Rect, input: &PresentInput, palette: &Palette) {
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
                    RichText::new(super::short_date_long(input.today, language))
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
                            date = super::short_date_long(item.finish, language)
                        )
                        .into_owned()
                    },
                );
                ui.add(egui::Label::new(RichText::new(text).size(20.0).color(palette.text)).wrap());
            },
        );
    }

    fn footer_ui(&self, ui: &egui::Ui, footer: Rect, palette: &Palette) {
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
fn variance_text(project: &Project, item: &Item, calendar: &WorkCalendar) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, BaselineId, BaselineItem, Criterion};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn sample() -> Project {
        crate::store::load_str(crate::ui::SAMPLE)
            .expect("the sample loads")
            .project
    }

    /// A project with one milestone on Fri 6 Nov 2026 and a baseline that had it on Tue 3 Nov.
    fn one_milestone() -> Project {
        let mut project = Project::named("P");
        project
            .items
            .push(Item::milestone(ItemId(1), "M", date(2026, 11, 6)));
        project.baselines.push(Baseline {
            id: BaselineId(1),
            name: "Kick-off plan".to_owned(),
            taken: date(2026, 10, 1),
            items: vec![BaselineItem {
                item: ItemId(1),
                start: date(2026, 11, 3),
                finish: date(2026, 11, 3),
                name: "M".to_owned(),
                progress: 0,
            }],
        });
        project
    }

    /// The status the card of the one milestone shows on Mon 2 Nov 2026, after `change`.
    fn status_with(change: impl FnOnce(&mut Item)) -> MilestoneStatus {
        let mut project = one_milestone();
        if let Some(item) = project.items.first_mut() {
            change(item);
        }
        let today = date(2026, 11, 2);
        Presentation::new(&project, false, today)
            .card_status(0, today)
            .expect("one milestone")
            .status
    }

    #[test]
    fn the_card_shows_the_rulebooks_status() {
        assert_eq!(
            status_with(|item| item.deadline = Some(date(2026, 11, 10))),
            MilestoneStatus::AtRisk,
            "before its deadline, but later than in the latest baseline"
        );
        assert_eq!(
            status_with(|item| item.deadline = Some(date(2026, 11, 5))),
            MilestoneStatus::Late,
            "past its deadline"
        );
        assert_eq!(
            status_with(|item| item.progress = 100),
            MilestoneStatus::Reached,
            "reached"
        );
        assert_eq!(
            status_with(|item| {
                item.deadline = Some(date(2026, 11, 5));
                item.criteria = vec![Criterion {
                    text: "Signed".to_owned(),
                    done: true,
                }];
            }),
            MilestoneStatus::ReachedLate,
            "every criterion ticked, but past its deadline: reached late, not a plain Done"
        );
        let mut project = one_milestone();
        project.baselines.clear();
        let today = date(2026, 11, 2);
        assert_eq!(
            Presentation::new(&project, false, today)
                .card_status(0, today)
                .map(|judgement| judgement.status),
            Some(MilestoneStatus::OnTime),
            "nothing wrong with it"
        );
    }

    #[test]
    fn the_variance_counts_working_days_against_the_latest_baseline() {
        crate::i18n::set_language(Language::English);
        let project = one_milestone();
        let calendar = WorkCalendar::new(&project.calendar);
        assert_eq!(
            variance_text(&project, &project.items[0], &calendar).as_deref(),
            Some("+3 working days since Kick-off plan"),
            "Tue 3 → Fri 6 Nov"
        );
        let mut later = project.clone();
        later.baselines.push(Baseline {
            id: BaselineId(2),
            name: "Design review".to_owned(),
            taken: date(2026, 10, 20),
            items: vec![BaselineItem {
                item: ItemId(1),
                start: date(2026, 11, 9),
                finish: date(2026, 11, 9),
                name: "M".to_owned(),
                progress: 0,
            }],
        });
        assert_eq!(
            variance_text(&later, &later.items[0], &calendar).as_deref(),
            Some("−1 working day since Design review"),
            "the latest baseline counts, and a move earlier is negative"
        );
        let mut none = project.clone();
        none.baselines.clear();
        assert_eq!(
            variance_text(&none, &none.items[0], &calendar),
            None,
            "no baseline, no variance"
        );
    }

    #[test]
    fn the_steps_run_through_the_client_visible_milestones_in_date_order() {
        let project = sample();
        let mut presentation = Presentation::new(&project, false, date(2026, 11, 27));
        let names: Vec<&str> = presentation
            .milestones()
            .iter()
            .filter_map(|id| presentation.project().item(*id))
            .map(|item| item.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Kick-off",
                "Requirements signed off",
                "Design approved",
                "Trial migration accepted",
                "System ready for UAT",
                "UAT signed off",
                "Go/no-go decision",
                "Go-live"
            ],
            "by date, not by lane"
        );
        let today = date(2026, 11, 27);
        assert_eq!(presentation.step(), Step::Title, "opens on the title card");
        presentation.back(today);
        assert_eq!(presentation.step(), Step::Title, "nothing before the title");
        presentation.next(today);
        presentation.next(today);
        assert_eq!(presentation.step(), Step::Milestone(1), "two steps on");
        presentation.today();
        presentation.next(today);
        assert_eq!(
            presentation.step(),
            Step::Milestone(3),
            "from today, on to the first milestone after it"
        );
        for _ in 0..10 {
            presentation.next(today);
        }
        assert_eq!(presentation.step(), Step::Milestone(7), "stops at the last");
        presentation.home();
        assert_eq!(presentation.step(), Step::Title, "Home");
    }

    #[test]
    fn internal_items_are_left_out_but_the_status_is_the_whole_projects() {
        let mut project = one_milestone();
        project.baselines.clear();
        let mut internal = Item::milestone(ItemId(2), "Internal review", date(2026, 11, 12));
        internal.deadline = Some(date(2026, 11, 10));
        internal.client_visible = false;
        project.items.push(internal);
        let today = date(2026, 11, 2);
        let presentation = Presentation::new(&project, false, today);
        assert!(
            presentation.project().item(ItemId(2)).is_none(),
            "the internal milestone is not presented"
        );
        assert_eq!(presentation.milestones(), [ItemId(1)], "nor stepped to");
        assert_eq!(
            presentation.status(),
            Status::Late,
            "an internal milestone past its deadline still makes the project late"
        );
        assert_eq!(
            rules::overall_status(presentation.project(), today),
            Status::OnTrack,
            "the client view alone would have hidden it"
        );
    }
}
