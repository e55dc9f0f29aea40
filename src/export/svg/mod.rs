//! The timeline as an SVG picture: a title block and a column of lane names and dates of its
//! own, around the timeline that [`crate::timeline::paint`] paints, written here as SVG
//! elements (the SVG back-end of the painter, as `ui::timeline::paint_egui` is the window's), in
//! the light theme's design tokens. Text stays text (`<text>` elements), so the picture can be
//! searched, copied from and converted to a PDF with selectable text; it asks for the face the
//! window draws with, which the renderer loads.
use std::collections::HashSet;

use chrono::NaiveDate;

use crate::i18n::Language;
use crate::model::Project;
use crate::report::escape_markup;
use crate::theme::tokens::{self, Rgb};
use crate::timeline::fonts::FontMeasure;
use crate::timeline::layout::{self, Overlay, Row, Rows, Viewport};
use crate::timeline::paint::{
    self, Box2, Drawn, ItemLook, LABEL_SIZE, Layers, OWNER_SIZE as SMALL_SIZE, View,
};
use crate::timeline::transform::{Transform, days_from_date};

use super::{ExportError, PictureOptions};

mod writer;

use writer::Writer;

/// The font the picture asks for first; the CJK family draws both Latin and Chinese text.
pub const PREFERRED_FAMILY: &str = "Noto Sans CJK SC";

/// The `font-family` of every text: Latin fonts first, then CJK fonts for Chinese, then any.
pub const FONT_FAMILIES: &str = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans SC', \
     'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// The `font-family` of the timeline's own text (names, owners, the header): the face the
/// window draws with (egui's Ubuntu Light, loaded by the renderer), then CJK fonts.
pub const TEXT_FAMILIES: &str = "'Ubuntu Light', Ubuntu, 'Noto Sans CJK SC', 'Noto Sans SC', \
     'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

pub use crate::timeline::paint::{HEADER_HEIGHT, ROW_HEIGHT};
/// Height of the title block above the header.
const TITLE_HEIGHT: f32 = 76.0;
/// About how wide the dates of a picture are drawn, before room is made for the last labels.
const TIMELINE_WIDTH: f32 = 1400.0;
/// Space below the last row.
const BOTTOM_MARGIN: f32 = 16.0;
/// Space right of the dates, so that the header's last label never meets the picture's edge.
const RIGHT_MARGIN: f32 = 12.0;
/// A finished picture: its size in SVG user units and its drawing.
#[derive(Clone, Debug)]
pub struct Picture {
    /// Width in user units (pixels at scale 1).
    pub width: f32,
    /// Height in user units.
    pub height: f32,
    /// The drawing, one `<g>` element.
    body: String,
}

impl Picture {
    /// The picture as a standalone SVG document.
    pub fn to_svg(&self) -> String {
        let (width, height) = (num(self.width), num(self.height));
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\">\n{}</svg>\n",
            self.body
        )
    }

    /// The picture fitted and centred on a page `page_width` × `page_height` with `margin`
    /// free on every side, as an SVG document of the page's size.
    pub fn on_page(&self, page_width: f32, page_height: f32, margin: f32) -> String {
        let scale = ((page_width - 2.0 * margin) / self.width)
            .min((page_height - 2.0 * margin) / self.height)
            .max(f32::MIN_POSITIVE);
        let left = (page_width - self.width * scale) / 2.0;
        let top = (page_height - self.height * scale) / 2.0;
        let (width, height) = (num(page_width), num(page_height));
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\">\n\
             <rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>\n\
             <g transform=\"translate({} {}) scale({})\">\n{}</g>\n</svg>\n",
            tokens::LIGHT.canvas,
            num(left),
            num(top),
            scale,
            self.body
        )
    }
}

/// The timeline of `project` as an SVG document.
///
/// # Errors
/// `options.from` is after `options.to`.
pub fn svg(project: &Project, options: &PictureOptions) -> Result<String, ExportError> {
    Ok(picture(project, options)?.to_svg())
}

/// The part of `project` a picture shows: client-visible items only (unless internal ones are
/// asked for), and only those touching `from..=to` when a range is given.
pub fn shown_project(project: &Project, options: &PictureOptions) -> Project {
    let mut shown = if options.include_internal {
        project.clone()
    } else {
        project.client_view()
    };
    if options.from.is_none() && options.to.is_none() {
        return shown;
    }
    let from = options.from.unwrap_or(NaiveDate::MIN);
    let to = options.to.unwrap_or(NaiveDate::MAX);
    let lanes_before: HashSet<_> = shown.items.iter().filter_map(|item| item.lane).collect();
    shown.items.retain(|item| {
        let (first, last) = (item.start.min(item.finish), item.start.max(item.finish));
        first <= to && last >= from
    });
    let ids: HashSet<_> = shown.items.iter().map(|item| item.id).collect();
    shown
        .links
        .retain(|link| ids.contains(&link.from) && ids.contains(&link.to));
    let lanes_after: HashSet<_> = shown.items.iter().filter_map(|item| item.lane).collect();
    // A lane emptied by the range says nothing; a lane that was empty anyway stays as it is.
    shown
        .lanes
        .retain(|lane| !lanes_before.contains(&lane.id) || lanes_after.contains(&lane.id));
    shown
}

/// The dates a picture covers: the range asked for, or the project's dates and deadlines with a
/// margin of a thirtieth of its length (three days at least).
fn date_range(
    project: &Project,
    options: &PictureOptions,
) -> Result<(NaiveDate, NaiveDate), ExportError> {
    let deadlines = project.items.iter().filter_map(|item| item.deadline);
    let natural = project.date_range().map(|(first, last)| {
        let last = deadlines.fold(last, NaiveDate::max);
        (first, last)
    });
    let (first, last) = natural.unwrap_or((options.today, options.today + chrono::Days::new(28)));
    let margin = chrono::Days::new(((last - first).num_days() / 30).max(3) as u64);
    let from = options
        .from
        .unwrap_or_else(|| first.checked_sub_days(margin).unwrap_or(first));
    let to = options
        .to
        .unwrap_or_else(|| last.checked_add_days(margin).unwrap_or(last));
    if from > to {
        return Err(ExportError::EmptyRange { from, to });
    }
    Ok((from, to))
}

/// Appends formatted text to the drawing (writing to a `String` cannot fail).
fn put(out: &mut String, text: std::fmt::Arguments<'_>) {
    out.push_str(&std::fmt::format(text));
}

/// A number as SVG writes it: at most two decimals, no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A date with its year: "4 Dec 2026" or "2026年12月4日".
fn long_date(date: NaiveDate, language: Language) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Long, language)
}

/// A string of this module's locale file in `language`.
macro_rules! text {
    ($language:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        rust_i18n::t!($key, locale = $language.code() $(, $name = $value)*).into_owned()
    };
}

/// Text attributes: position, size, colour, weight, anchor.
struct Text<'a> {
    x: f32,
    /// The baseline.
    y: f32,
    size: f32,
    colour: Rgb,
    bold: bool,
    anchor: &'a str,
}

impl Text<'_> {
    fn write(&self, out: &mut String, content: &str) {
        let weight = if self.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let anchor = if self.anchor == "start" {
            String::new()
        } else {
            format!(" text-anchor=\"{}\"", self.anchor)
        };
        put(
            out,
            format_args!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"{weight}{anchor}>{}</text>\n",
                num(self.x),
                num(self.y),
                num(self.size),
                self.colour,
                escape_markup(content)
            ),
        );
    }
}

/// The baseline that centres text of `size` on `centre_y`.
fn baseline(centre_y: f32, size: f32) -> f32 {
    centre_y + size * 0.36
}

/// The timeline of `project` as a [`Picture`].
///
/// # Errors
/// `options.from` is after `options.to`.
pub fn picture(project: &Project, options: &PictureOptions) -> Result<Picture, ExportError> {
    Ok(recorded(project, options)?.0)
}

/// The timeline of `project` as a [`Picture`], with the primitives the painter made for it and
/// what this back-end wrote for each of them (to compare with what the window draws).
///
/// # Errors
/// `options.from` is after `options.to`.
pub fn recorded(
    project: &Project,
    options: &PictureOptions,
) -> Result<(Picture, Layers, Vec<Drawn>), ExportError> {
    let language = options.language;
    let shown = shown_project(project, options);
    let (from, to) = date_range(&shown, options)?;
    let days = (to - from).num_days() as f32 + 1.0;
    let points_per_day = (TIMELINE_WIDTH / days).clamp(0.15, 60.0);
    let rows = Rows::new(&shown, &HashSet::new());

    let left_width = left_column_width(&shown, &rows, language);
    let rows_top = TITLE_HEIGHT + HEADER_HEIGHT;
    let rows_bottom = rows_top + rows.len() as f32 * ROW_HEIGHT;
    let height = rows_bottom + BOTTOM_MARGIN;
    let transform = Transform {
        left_x_points: f64::from(left_width),
        left_days: days_from_date(from),
        days_per_point: 1.0 / f64::from(points_per_day),
    };
    let right = left_width + days * points_per_day;
    let calendar = shown.date_range().map_or_else(
        || crate::schedule::WorkCalendar::new(&shown.calendar),
        |(first, last)| crate::schedule::WorkCalendar::covering(&shown.calendar, first, last),
    );
    let workdays =
        |start: NaiveDate, finish: NaiveDate| -> u32 { calendar.workdays_in(start, finish) as u32 };
    let measure = |text: &str| FontMeasure::width(text, LABEL_SIZE);
    let overlay = Overlay {
        preview: None,
        critical: None,
        workdays: &workdays,
        measure: &measure,
    };
    let paint_with = |right: f32, width: f32| {
        let viewport = Viewport {
            transform,
            rows_top_y: rows_top,
            row_height: ROW_HEIGHT,
            x_range: (left_width, right),
            y_range: (rows_top, rows_bottom),
        };
        let scene = layout::scene(&shown, &rows, &viewport, &overlay);
        paint::paint(&View {
            project: &shown,
            rows: &rows,
            viewport: &viewport,
            scene: &scene,
            ghosts: &[],
            badges: None,
            canvas: Box2::new(0.0, 0.0, width, height),
            header_top: TITLE_HEIGHT,
            header_height: HEADER_HEIGHT,
            today: options.today,
            language,
            scale: 1.0,
            look: &|_: &layout::Shape| ItemLook::default(),
            measure: &FontMeasure,
            lane_names: false,
            selected_link: None,
            meeting_marks: false,
            link_handles: false,
        })
    };
    // Widen the dates until the last names fit: the header and shading continue under them.
    let needed = paint::text_right(&paint_with(right, right)) + 12.0;
    let right = right.max(needed);
    let width = (right + RIGHT_MARGIN).max(720.0);
    let layers = paint_with(right, width);

    let mut body = format!("<g font-family=\"{FONT_FAMILIES}\">\n");
    let mut record = Vec::new();
    let mut writer = Writer::light(&mut body, &mut record);
    writer.write_all(&layers.background);
    title_block(writer.out, &shown, options, width, (from, to));
    left_column(writer.out, &shown, &rows, rows_top, language);
    put(
        writer.out,
        format_args!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
            num(TITLE_HEIGHT),
            num(rows_bottom),
            tokens::LIGHT.grid_strong,
            x = num(left_width - 0.5)
        ),
    );
    writer.write_all(&layers.ghosts);
    writer.write_all(&layers.marks);
    writer.write_all(&layers.badges);
    writer.write_all(&layers.header);
    body.push_str("</g>\n");
    Ok((
        Picture {
            width,
            height,
            body,
        },
        layers,
        record,
    ))
}

/// `layers` as SVG elements in the light theme (no document around them), with what was
/// written for each primitive: the export's drawing of any view, the window's included.
pub fn write_layers(layers: &Layers) -> (String, Vec<Drawn>) {
    let mut out = String::new();
    let mut record = Vec::new();
    let mut writer = Writer::light(&mut out, &mut record);
    writer.write_all(&layers.background);
    writer.write_all(&layers.ghosts);
    writer.write_all(&layers.marks);
    writer.write_all(&layers.badges);
    writer.write_all(&layers.header);
    (out, record)
}

/// Width of the column of lane names and dates on the left.
fn left_column_width(project: &Project, rows: &Rows, language: Language) -> f32 {
    let widest = rows
        .rows
        .iter()
        .map(|row| match row {
            Row::Lane { lane, .. } => {
                let name = lane_name(project, *lane, language);
                // Lane names are bold in the picture's own family (the window's face has no
                // bold): about a fifth wider than the face the measurer reads.
                FontMeasure::width(&name, LABEL_SIZE) * 1.2 + 28.0
            }
            Row::Item { index } => project.items.get(*index).map_or(0.0, |item| {
                FontMeasure::width(&crate::rules::span::dates_text(item, language), SMALL_SIZE)
                    + 40.0
            }),
        })
        .fold(0.0, f32::max);
    widest.clamp(170.0, 340.0)
}

fn lane_name(project: &Project, lane: Option<crate::model::LaneId>, language: Language) -> String {
    lane.and_then(|lane| project.lane(lane)).map_or_else(
        || text!(language, "export.no_lane"),
        |lane| lane.name.clone(),
    )
}

/// The project's name, its client, the dates shown and when the picture was made.
fn title_block(
    out: &mut String,
    project: &Project,
    options: &PictureOptions,
    width: f32,
    (from, to): (NaiveDate, NaiveDate),
) {
    let language = options.language;
    let name = if project.name.trim().is_empty() {
        text!(language, "export.untitled")
    } else {
        project.name.clone()
    };
    Text {
        x: 16.0,
        y: 34.0,
        size: 20.0,
        colour: tokens::LIGHT.text,
        bold: true,
        anchor: "start",
    }
    .write(out, &name);
    let mut parts = Vec::new();
    if !project.client.name.trim().is_empty() {
        parts.push(text!(
            language,
            "export.client",
            name = project.client.name.as_str()
        ));
    }
    parts.push(text!(
        language,
        "export.span",
        from = long_date(from, language),
        to = long_date(to, language)
    ));
    parts.push(text!(
        language,
        "export.generated",
        date = long_date(options.today, language)
    ));
    Text {
        x: 16.0,
        y: 58.0,
        size: LABEL_SIZE,
        colour: tokens::LIGHT.text_muted,
        bold: false,
        anchor: "start",
    }
    .write(out, &parts.join("   ·   "));
    if options.include_internal {
        Text {
            x: width - 16.0,
            y: 34.0,
            size: LABEL_SIZE,
            colour: tokens::LIGHT.danger,
            bold: true,
            anchor: "end",
        }
        .write(out, &text!(language, "export.internal_included"));
    }
}

/// Lane names and item dates in the left column.
fn left_column(
    out: &mut String,
    project: &Project,
    rows: &Rows,
    rows_top: f32,
    language: Language,
) {
    for (number, row) in rows.rows.iter().enumerate() {
        let centre = rows_top + number as f32 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
        match row {
            Row::Lane { lane, .. } => Text {
                x: 12.0,
                y: baseline(centre, LABEL_SIZE),
                size: LABEL_SIZE,
                colour: tokens::LIGHT.text,
                bold: true,
                anchor: "start",
            }
            .write(out, &lane_name(project, *lane, language)),
            Row::Item { index } => {
                if let Some(item) = project.items.get(*index) {
                    Text {
                        x: 28.0,
                        y: baseline(centre, SMALL_SIZE),
                        size: SMALL_SIZE,
                        colour: tokens::LIGHT.text_muted,
                        bold: false,
                        anchor: "start",
                    }
                    .write(out, &crate::rules::span::dates_text(item, language));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1", "no decimals for whole numbers");
        assert_eq!(num(2.5), "2.5", "one decimal");
        assert_eq!(num(-0.001), "0", "no negative zero");
        assert_eq!(num(1.239), "1.24", "two decimals at most");
    }

    #[test]
    fn a4_and_a3_are_landscape() {
        let (width, height) = super::super::PageSize::A4.landscape_points();
        assert!(
            (width - 841.89).abs() < 0.1 && (height - 595.28).abs() < 0.1,
            "A4 landscape is 841.89 × 595.28 pt: {width} × {height}"
        );
        let (width, height) = super::super::PageSize::A3.landscape_points();
        assert!(
            (width - 1190.55).abs() < 0.1 && (height - 841.89).abs() < 0.1,
            "A3 landscape: {width} × {height}"
        );
    }

    #[test]
    fn an_empty_project_is_a_title_and_a_header() {
        let project = crate::model::Project::named("Empty");
        let options = PictureOptions {
            today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
            width_px: 600,
            ..PictureOptions::default()
        };
        let svg = svg(&project, &options).expect("an SVG");
        assert!(svg.contains(">Empty</text>"), "the title");
        assert!(svg.contains("November 2026"), "the month of today");
        let png = super::super::png::png(&project, &options).expect("a PNG");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
    }

    #[test]
    fn a_long_project_is_too_tall_for_a_wide_png() {
        let project = crate::cli::generate::project(5000, 1);
        let options = PictureOptions {
            include_internal: true,
            width_px: 8000,
            ..PictureOptions::default()
        };
        assert!(
            matches!(
                super::super::png::png(&project, &options),
                Err(ExportError::TooLarge { .. })
            ),
            "refused before allocating gigabytes"
        );
    }
}
