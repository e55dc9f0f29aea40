//! The left outline: lanes and their items with dates, owner and progress, row-aligned with the
//! timeline (both use the rows and the vertical scroll of [`TimelineState`]).

use std::collections::HashSet;

use chrono::NaiveDate;
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Stroke, Vec2, WidgetInfo, pos2, vec2,
};

use crate::i18n::Language;
use crate::model::{Item, ItemId, ItemKind, LaneId, Project};
use crate::timeline::layout::Row;
use crate::tr;
use crate::ui::timeline::canvas::{TimelineState, header_band_ui};

use super::Command;
use super::theme::{self, Palette};

/// What the outline keeps between frames.
#[derive(Default)]
pub struct OutlineState {
    /// The item being renamed and the text typed so far.
    pub renaming: Option<(ItemId, String)>,
}

/// A short date in the current language: "4 Dec" or "12月4日".
pub fn short_date(date: NaiveDate, language: Language) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Short, language)
}

/// Paints the small symbol of an item's kind centred at `center`.
fn kind_icon(painter: &egui::Painter, center: Pos2, kind: ItemKind, palette: &Palette) {
    match kind {
        ItemKind::Task => {
            painter.rect_filled(
                Rect::from_center_size(center, vec2(12.0, 7.0)),
                2.0,
                palette.task,
            );
        }
        ItemKind::Milestone => {
            let r = 5.5;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    center + vec2(0.0, -r),
                    center + vec2(r, 0.0),
                    center + vec2(0.0, r),
                    center + vec2(-r, 0.0),
                ],
                palette.milestone,
                Stroke::NONE,
            ));
        }
        ItemKind::Buffer => {
            let rect = Rect::from_center_size(center, vec2(12.0, 7.0));
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.5, palette.buffer),
                egui::StrokeKind::Inside,
            );
        }
    }
}

/// Width of the progress column of an item row, at the right edge.
const PROGRESS_WIDTH: f32 = 44.0;
/// The owner column is never wider than this: a longer name is cut at it.
const OWNER_MAX_WIDTH: f32 = 110.0;
/// Space between two columns.
const COLUMN_GAP: f32 = 10.0;
/// Size of the dates and owners.
const DETAIL_SIZE: f32 = 13.0;
/// Size of the item names.
const NAME_SIZE: f32 = 14.0;

/// Everything the outline reads.
pub struct OutlineInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its revision.
    pub revision: u64,
    /// Selected items.
    pub selection: &'a HashSet<ItemId>,
    /// Labels' language.
    pub language: Language,
    /// Colours.
    pub palette: &'a Palette,
}

/// Radius of a dot of the splitter's grip.
const GRIP_DOT_RADIUS: f32 = 1.5;

/// A grip on the edge between the outline (`outline` is its rectangle) and the timeline, half
/// way down, so that the edge looks like what it is: a splitter that can be dragged.
pub fn splitter_grip(painter: &egui::Painter, outline: Rect, palette: &Palette) {
    let centre = pos2(outline.right(), outline.center().y);
    painter.rect(
        Rect::from_center_size(centre, vec2(8.0, 28.0)),
        4.0,
        palette.panel,
        Stroke::new(1.0, palette.grid),
        egui::StrokeKind::Inside,
    );
    for step in -1..=1 {
        let dot = centre + vec2(0.0, 6.0 * step as f32);
        painter.circle_filled(dot, GRIP_DOT_RADIUS, palette.text_muted);
    }
}

/// Draws the outline and pushes what the user did into `commands`.
pub fn outline_ui(
    ui: &mut egui::Ui,
    timeline: &mut TimelineState,
    state: &mut OutlineState,
    input: &OutlineInput<'_>,
    commands: &mut Vec<Command>,
) {
    let palette = input.palette;
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    let painter = ui.painter_at(rect);
    // Column headings, in the band the timeline uses for its time header.
    let header = header_band_ui(&painter, rect, palette);
    let heading_y = header.bottom() - 12.0;
    let font = FontId::proportional(12.0);
    let columns = Columns::new(rect, column_widths(ui, input));
    painter.text(
        pos2(columns.name_left, heading_y),
        Align2::LEFT_CENTER,
        tr!("outline.column.name"),
        font.clone(),
        palette.text_muted,
    );
    painter.text(
        pos2(columns.dates_right, heading_y),
        Align2::RIGHT_CENTER,
        tr!("outline.column.dates"),
        font.clone(),
        palette.text_muted,
    );
    painter.text(
        pos2(columns.owner_left, heading_y),
        Align2::LEFT_CENTER,
        tr!("outline.column.owner"),
        font.clone(),
        palette.text_muted,
    );
    painter.text(
        pos2(columns.progress_right, heading_y),
        Align2::RIGHT_CENTER,
        tr!("outline.column.progress"),
        font,
        palette.text_muted,
    );
    painter.text(
        pos2(rect.left() + 8.0, header.top() + 12.0),
        Align2::LEFT_CENTER,
        tr!("outline.heading"),
        FontId::proportional(13.0),
        palette.text,
    );

    let rows_rect = Rect::from_min_max(pos2(rect.left(), header.bottom()), rect.max);
    if response.hovered() || ui.rect_contains_pointer(rows_rect) {
        let scroll = ui.input(|input| input.smooth_scroll_delta.y);
        if scroll != 0.0 {
            timeline.scroll_by(-scroll, rows_rect.height());
        }
    }
    let row_count = timeline.rows(input.project, input.revision).len();
    if row_count == 0 {
        painter.text(
            rows_rect.center_top() + vec2(0.0, 24.0),
            Align2::CENTER_CENTER,
            tr!("outline.empty"),
            FontId::proportional(14.0),
            palette.text_muted,
        );
        return;
    }
    let row_height = theme::ROW_HEIGHT;
    let first = (timeline.scroll_y / row_height).floor().max(0.0) as usize;
    let count = (rows_rect.height() / row_height).ceil() as usize + 1;
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rows_rect));
    child.set_clip_rect(rows_rect);
    // Only the rows on screen are copied out, so the cost follows the window, not the project.
    let all = &timeline.rows(input.project, input.revision).rows;
    let end = first.saturating_add(count).min(all.len());
    let visible: Vec<(usize, Row)> = all
        .get(first.min(end)..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(offset, row)| (first + offset, row.clone()))
        .collect();
    for (row_index, row) in &visible {
        let row_index = *row_index;
        let top = rows_rect.top() + row_index as f32 * row_height - timeline.scroll_y;
        let line = Rect::from_min_size(
            pos2(rows_rect.left(), top),
            vec2(rows_rect.width(), row_height),
        );
        match row {
            Row::Lane {
                lane,
                count,
                collapsed,
            } => {
                if lane_row_ui(
                    &mut child,
                    line,
                    input.project,
                    *lane,
                    *count,
                    *collapsed,
                    palette,
                ) {
                    timeline.toggle_lane(*lane);
                }
            }
            Row::Item { index } => {
                if let Some(item) = input.project.items.get(*index) {
                    item_row_ui(&mut child, line, &columns, item, state, input, commands);
                }
            }
        }
    }
}

/// Where the columns of an item row are.
struct Columns {
    name_left: f32,
    name_right: f32,
    dates_right: f32,
    owner_left: f32,
    progress_right: f32,
}

impl Columns {
    /// The columns across `rect`, the dates and owner columns `(dates, owner)` wide: the name
    /// gets what is left.
    fn new(rect: Rect, (dates_width, owner_width): (f32, f32)) -> Self {
        let progress_right = rect.right() - 8.0;
        let owner_left = progress_right - PROGRESS_WIDTH - owner_width;
        let dates_right = owner_left - COLUMN_GAP;
        Self {
            name_left: rect.left() + 30.0,
            name_right: dates_right - dates_width - COLUMN_GAP,
            dates_right,
            owner_left,
            progress_right,
        }
    }
}

/// The widths of the dates and owner columns: as wide as the widest dates in the language
/// (whatever is scrolled into view, so the columns stay put) and the widest owner of an item,
/// each at least as wide as its heading.
fn column_widths(ui: &egui::Ui, input: &OutlineInput<'_>) -> (f32, f32) {
    let width = |text: String, size: f32| {
        ui.painter()
            .layout_no_wrap(text, FontId::proportional(size), Color32::WHITE)
            .size()
            .x
    };
    let widest = |texts: &mut dyn Iterator<Item = String>, size: f32| {
        texts.map(|text| width(text, size)).fold(0.0_f32, f32::max)
    };
    let language = input.language;
    // The widest "28 Sep – 28 Sep": twice the widest date of a month, and the dash between.
    let widest_date = widest(
        &mut (1..=12)
            .filter_map(|month| NaiveDate::from_ymd_opt(2026, month, 28))
            .map(|date| short_date(date, language)),
        DETAIL_SIZE,
    );
    let dates = (2.0 * widest_date + width(" – ".to_owned(), DETAIL_SIZE))
        .max(width(tr!("outline.column.dates").into_owned(), 12.0));
    let owners: std::collections::BTreeSet<_> = input
        .project
        .items
        .iter()
        .filter_map(|item| item.owner)
        .collect();
    let owner = widest(
        &mut owners
            .into_iter()
            .map(|id| crate::rules::person_name(input.project, id))
            .chain([tr!("outline.nobody").into_owned()]),
        DETAIL_SIZE,
    )
    .max(width(tr!("outline.column.owner").into_owned(), 12.0))
    .min(OWNER_MAX_WIDTH);
    (dates.ceil(), owner.ceil())
}

/// Draws a lane heading; returns true when it was clicked (to collapse or expand it).
fn lane_row_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    project: &Project,
    lane: Option<LaneId>,
    count: usize,
    collapsed: bool,
    palette: &Palette,
) -> bool {
    let name = lane.and_then(|id| project.lane(id)).map_or_else(
        || tr!("outline.no_lane").into_owned(),
        |lane| lane.name.clone(),
    );
    let response = ui.interact(rect, ui.scope_id().with(("lane", lane)), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    painter.rect_filled(
        rect,
        0.0,
        if response.hovered() {
            palette.hover_fill
        } else {
            palette.lane_fill
        },
    );
    // A triangle: pointing right when collapsed, down when open.
    let c = pos2(rect.left() + 14.0, rect.center().y);
    let points = if collapsed {
        vec![
            c + vec2(-3.0, -5.0),
            c + vec2(4.0, 0.0),
            c + vec2(-3.0, 5.0),
        ]
    } else {
        vec![
            c + vec2(-5.0, -3.0),
            c + vec2(5.0, -3.0),
            c + vec2(0.0, 4.0),
        ]
    };
    painter.add(egui::Shape::convex_polygon(
        points,
        palette.text_muted,
        Stroke::NONE,
    ));
    painter.text(
        pos2(rect.left() + 26.0, rect.center().y),
        Align2::LEFT_CENTER,
        &name,
        FontId::proportional(14.0),
        palette.text,
    );
    painter.text(
        pos2(rect.right() - 8.0, rect.center().y),
        Align2::RIGHT_CENTER,
        count.to_string(),
        FontId::proportional(12.0),
        palette.text_muted,
    );
    painter.hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, palette.grid),
    );
    let clicked = response.clicked();
    response.on_hover_text(tr!("outline.collapse_hint"));
    clicked
}

fn item_row_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    columns: &Columns,
    item: &Item,
    state: &mut OutlineState,
    input: &OutlineInput<'_>,
    commands: &mut Vec<Command>,
) {
    let palette = input.palette;
    let response = ui.interact(rect, ui.scope_id().with(("item", item.id)), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &item.name));
    let selected = input.selection.contains(&item.id);
    let fill = if selected {
        palette.selection_fill
    } else if response.hovered() {
        palette.hover_fill
    } else {
        Color32::TRANSPARENT
    };
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    painter.rect_filled(rect, 0.0, fill);
    painter.hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, palette.grid_faint),
    );
    kind_icon(
        &painter,
        pos2(rect.left() + 16.0, rect.center().y),
        item.kind,
        palette,
    );

    let renaming = state
        .renaming
        .as_ref()
        .is_some_and(|(id, _)| *id == item.id);
    // Whether the name was cut to fit its column: the tooltip then shows it whole.
    let mut name_cut = false;
    if renaming {
        let name_rect = Rect::from_min_max(
            pos2(columns.name_left - 4.0, rect.top() + 2.0),
            pos2(columns.name_right, rect.bottom() - 2.0),
        );
        if let Some((_, text)) = &mut state.renaming {
            let id = ui.scope_id().with(("rename", item.id));
            let edit = ui.put(
                name_rect,
                egui::TextEdit::singleline(text)
                    .id(id)
                    .desired_width(name_rect.width()),
            );
            let edit = edit.labelled_by(response.id);
            if !edit.has_focus() && !edit.lost_focus() {
                edit.request_focus();
                // The whole name is selected, so that typing replaces it ("New task").
                let mut field =
                    egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
                field
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::two(
                        egui::text::CCursor::new(0),
                        egui::text::CCursor::new(text.chars().count()),
                    )));
                field.store(ui.ctx(), id);
            }
            let cancelled = ui.input(|input| input.key_pressed(egui::Key::Escape));
            if cancelled {
                state.renaming = None;
            } else if edit.lost_focus() {
                let name = text.trim().to_owned();
                if !name.is_empty() && name != item.name {
                    commands.push(Command::Apply(crate::edit::Edit::RenameItem {
                        item: item.id,
                        name,
                    }));
                }
                state.renaming = None;
            }
        }
    } else {
        let colour = if item.kind == ItemKind::Milestone {
            palette.milestone
        } else {
            palette.text
        };
        let mut job = egui::text::LayoutJob::simple_singleline(
            item.name.clone(),
            FontId::proportional(NAME_SIZE),
            colour,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(
            columns.name_right - columns.name_left - 6.0,
        );
        let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
        name_cut = galley.elided;
        painter.galley(
            pos2(columns.name_left, rect.center().y - galley.size().y / 2.0),
            galley,
            colour,
        );
    }

    painter.text(
        pos2(columns.dates_right, rect.center().y),
        Align2::RIGHT_CENTER,
        crate::rules::span::dates_text(item, input.language),
        FontId::proportional(DETAIL_SIZE),
        palette.text_muted,
    );
    let owner = item.owner.map_or_else(
        || tr!("outline.nobody").into_owned(),
        |id| crate::rules::person_name(input.project, id),
    );
    let owner_clip = Rect::from_min_max(
        pos2(columns.owner_left, rect.top()),
        pos2(columns.progress_right - PROGRESS_WIDTH, rect.bottom()),
    );
    painter
        .with_clip_rect(owner_clip.intersect(painter.clip_rect()))
        .text(
            pos2(columns.owner_left, rect.center().y),
            Align2::LEFT_CENTER,
            owner,
            FontId::proportional(DETAIL_SIZE),
            palette.text_muted,
        );
    if item.kind == ItemKind::Task {
        let gauge = Rect::from_min_max(
            pos2(columns.progress_right - PROGRESS_WIDTH + 8.0, rect.top()),
            pos2(columns.progress_right, rect.bottom()),
        );
        progress_ui(&painter, gauge, item.progress, palette);
    }

    if response.clicked() {
        if ui.input(|input| input.modifiers.command) {
            commands.push(Command::ToggleSelect(item.id));
        } else {
            commands.push(Command::Select(vec![item.id]));
        }
    }
    if response.double_clicked() {
        state.renaming = Some((item.id, item.name.clone()));
    }
    response.context_menu(|ui| {
        super::context_menu::context_menu_ui(
            ui,
            input.project,
            super::context_menu::Target::Item(item.id),
            commands,
        );
    });
    if name_cut {
        response.on_hover_ui(|ui| {
            ui.label(&item.name);
            ui.label(egui::RichText::new(tr!("outline.rename_hint")).small());
        });
    } else {
        response.on_hover_text(tr!("outline.rename_hint"));
    }
}

/// A small progress gauge with the percentage.
fn progress_ui(painter: &egui::Painter, rect: Rect, progress: u8, palette: &Palette) {
    let colour = if progress >= 100 {
        palette.good
    } else {
        palette.task
    };
    painter.text(
        pos2(rect.right(), rect.center().y - 3.0),
        Align2::RIGHT_CENTER,
        tr!("outline.progress", percent = progress),
        FontId::proportional(11.5),
        palette.text_muted,
    );
    let track = Rect::from_min_size(
        pos2(rect.left(), rect.center().y + 6.0),
        Vec2::new(rect.width(), 3.0),
    );
    painter.rect_filled(track, 1.5, palette.grid);
    let done = Rect::from_min_size(
        track.min,
        vec2(track.width() * f32::from(progress.min(100)) / 100.0, 3.0),
    );
    painter.rect_filled(done, 1.5, colour);
}
