//! The left outline: lanes and their items with dates, owner and progress.

use chrono::NaiveDate;
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Stroke, Vec2, WidgetInfo, pos2, vec2,
};

use crate::i18n::Language;
use crate::model::{Item, ItemId, ItemKind, LaneId, Project};
use crate::tr;

use super::Command;
use super::theme;

/// What the outline keeps between frames.
#[derive(Default)]
pub struct OutlineState {
    /// The item being renamed and the text typed so far.
    pub renaming: Option<(ItemId, String)>,
}

/// One row of the outline.
enum Row<'a> {
    Lane { name: String, count: usize },
    Item(&'a Item),
}

fn rows(project: &Project) -> Vec<Row<'_>> {
    let mut rows = Vec::with_capacity(project.items.len() + project.lanes.len() + 1);
    let in_lane = |lane: Option<LaneId>| project.items.iter().filter(move |item| item.lane == lane);
    for lane in &project.lanes {
        rows.push(Row::Lane {
            name: lane.name.clone(),
            count: in_lane(Some(lane.id)).count(),
        });
        rows.extend(in_lane(Some(lane.id)).map(Row::Item));
    }
    let loose: Vec<&Item> = project
        .items
        .iter()
        .filter(|item| item.lane.is_none_or(|lane| project.lane(lane).is_none()))
        .collect();
    if !loose.is_empty() {
        rows.push(Row::Lane {
            name: tr!("outline.no_lane").into_owned(),
            count: loose.len(),
        });
        rows.extend(loose.into_iter().map(Row::Item));
    }
    rows
}

/// A short date in the current language: "4 Dec" or "12月4日".
pub fn short_date(date: NaiveDate, language: Language) -> String {
    match language {
        Language::English => date.format("%-d %b").to_string(),
        Language::Chinese => date.format("%-m月%-d日").to_string(),
    }
}

fn date_span(item: &Item, language: Language) -> String {
    if item.kind == ItemKind::Milestone || item.start == item.finish {
        short_date(item.finish, language)
    } else {
        format!(
            "{} – {}",
            short_date(item.start, language),
            short_date(item.finish, language)
        )
    }
}

/// Paints the small symbol of an item's kind centred in `rect`.
fn kind_icon(painter: &egui::Painter, center: Pos2, kind: ItemKind) {
    match kind {
        ItemKind::Task => {
            painter.rect_filled(
                Rect::from_center_size(center, vec2(12.0, 7.0)),
                2.0,
                theme::TASK,
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
                theme::MILESTONE,
                Stroke::NONE,
            ));
        }
        ItemKind::Buffer => {
            let rect = Rect::from_center_size(center, vec2(12.0, 7.0));
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.5, theme::BUFFER),
                egui::StrokeKind::Inside,
            );
        }
    }
}

/// Draws the outline and pushes what the user did into `commands`.
pub fn outline_ui(
    ui: &mut egui::Ui,
    project: &Project,
    selection: Option<ItemId>,
    state: &mut OutlineState,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let rows = rows(project);
    if rows.is_empty() {
        ui.add_space(12.0);
        ui.weak(tr!("outline.empty"));
        return;
    }
    let row_height = theme::ROW_HEIGHT;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for row in &rows[range] {
                match row {
                    Row::Lane { name, count } => lane_row_ui(ui, name, *count),
                    Row::Item(item) => {
                        item_row_ui(ui, project, item, selection, state, language, commands);
                    }
                }
            }
        });
}

fn lane_row_ui(ui: &mut egui::Ui, name: &str, count: usize) {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, theme::ROW_HEIGHT), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, name));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme::LANE_FILL);
    painter.text(
        pos2(rect.left() + 8.0, rect.center().y),
        Align2::LEFT_CENTER,
        name,
        FontId::proportional(14.0),
        theme::TEXT,
    );
    painter.text(
        pos2(rect.right() - 8.0, rect.center().y),
        Align2::RIGHT_CENTER,
        count.to_string(),
        FontId::proportional(12.0),
        theme::TEXT_MUTED,
    );
    painter.hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, theme::SEPARATOR),
    );
}

/// Column layout of an item row, from the right edge.
struct Columns {
    progress: f32,
    owner: f32,
    dates: f32,
}

const COLUMNS: Columns = Columns {
    progress: 44.0,
    owner: 110.0,
    dates: 124.0,
};

fn item_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    item: &Item,
    selection: Option<ItemId>,
    state: &mut OutlineState,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, theme::ROW_HEIGHT), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &item.name));
    let selected = selection == Some(item.id);
    let fill = if selected {
        theme::SELECTION_FILL
    } else if response.hovered() {
        theme::HOVER_FILL
    } else {
        Color32::TRANSPARENT
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, fill);

    let progress_x = rect.right() - 8.0;
    let owner_x = progress_x - COLUMNS.progress;
    let dates_x = owner_x - COLUMNS.owner;
    let name_right = dates_x - COLUMNS.dates - 6.0;
    let name_left = rect.left() + 30.0;
    kind_icon(
        &painter,
        pos2(rect.left() + 16.0, rect.center().y),
        item.kind,
    );

    let renaming = state
        .renaming
        .as_ref()
        .is_some_and(|(id, _)| *id == item.id);
    if renaming {
        let name_rect = Rect::from_min_max(
            pos2(name_left - 4.0, rect.top() + 2.0),
            pos2(name_right, rect.bottom() - 2.0),
        );
        if let Some((_, text)) = &mut state.renaming {
            let edit = ui.put(
                name_rect,
                egui::TextEdit::singleline(text).desired_width(name_rect.width()),
            );
            let edit = edit.labelled_by(response.id);
            if !edit.has_focus() && !edit.lost_focus() {
                edit.request_focus();
            }
            let confirmed =
                edit.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            let cancelled = ui.input(|input| input.key_pressed(egui::Key::Escape));
            if cancelled {
                state.renaming = None;
            } else if confirmed || (edit.lost_focus() && !cancelled) {
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
            theme::MILESTONE
        } else {
            theme::TEXT
        };
        let mut job = egui::text::LayoutJob::simple_singleline(
            item.name.clone(),
            FontId::proportional(14.0),
            colour,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(name_right - name_left);
        let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
        painter.galley(
            pos2(name_left, rect.center().y - galley.size().y / 2.0),
            galley,
            colour,
        );
    }

    painter.text(
        pos2(dates_x, rect.center().y),
        Align2::RIGHT_CENTER,
        date_span(item, language),
        FontId::proportional(13.0),
        theme::TEXT_MUTED,
    );
    let owner = item.owner.and_then(|id| project.person(id)).map_or_else(
        || tr!("outline.nobody").into_owned(),
        |person| person.name.clone(),
    );
    let owner_clip = Rect::from_min_max(
        pos2(owner_x - COLUMNS.owner + 6.0, rect.top()),
        pos2(owner_x, rect.bottom()),
    );
    painter.with_clip_rect(owner_clip).text(
        pos2(owner_x - COLUMNS.owner + 6.0, rect.center().y),
        Align2::LEFT_CENTER,
        owner,
        FontId::proportional(13.0),
        theme::TEXT_MUTED,
    );
    if item.kind == ItemKind::Task {
        progress_ui(
            &painter,
            Rect::from_min_max(
                pos2(progress_x - COLUMNS.progress + 6.0, rect.top()),
                pos2(progress_x, rect.bottom()),
            ),
            item.progress,
        );
    }

    if response.clicked() {
        commands.push(Command::Select(Some(item.id)));
    }
    if response.double_clicked() {
        state.renaming = Some((item.id, item.name.clone()));
    }
    response.on_hover_text(tr!("outline.rename_hint"));
}

/// A small progress gauge with the percentage.
fn progress_ui(painter: &egui::Painter, rect: Rect, progress: u8) {
    let colour = if progress >= 100 {
        theme::GOOD
    } else {
        theme::TASK
    };
    painter.text(
        pos2(rect.right(), rect.center().y - 3.0),
        Align2::RIGHT_CENTER,
        tr!("outline.progress", percent = progress),
        FontId::proportional(11.5),
        theme::TEXT_MUTED,
    );
    let track = Rect::from_min_size(
        pos2(rect.left(), rect.center().y + 6.0),
        Vec2::new(rect.width(), 3.0),
    );
    painter.rect_filled(track, 1.5, theme::SEPARATOR);
    let done = Rect::from_min_size(
        track.min,
        vec2(track.width() * f32::from(progress.min(100)) / 100.0, 3.0),
    );
    painter.rect_filled(done, 1.5, colour);
}
