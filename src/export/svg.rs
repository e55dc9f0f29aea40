//! The timeline as an SVG picture: a title block, the time header, the lanes with their dates,
//! and the bars, diamonds, buffers and arrows placed by [`crate::timeline::layout`], in the
//! colours of the light theme. Text stays text (`<text>` elements), so the picture can be
//! searched, copied from and converted to a PDF with selectable text.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::i18n::Language;
use crate::model::{ItemKind, Project};
use crate::timeline::header::header_units;
use crate::timeline::layout::{self, BAR_HEIGHT, DIAMOND_HALF, Mark, Overlay, Row, Rows, Viewport};
use crate::timeline::transform::{Transform, days_from_date};

use super::{ExportError, PictureOptions};

/// The font the picture asks for first; the CJK family draws both Latin and Chinese text.
pub const PREFERRED_FAMILY: &str = "Noto Sans CJK SC";

/// The `font-family` of every text: Latin fonts first, then CJK fonts for Chinese, then any.
pub const FONT_FAMILIES: &str = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans SC', \
     'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// Height of one row, as on screen (`ui::theme::ROW_HEIGHT`).
pub const ROW_HEIGHT: f32 = 26.0;
/// Height of the two-row time header, as on screen (`timeline::canvas::HEADER_HEIGHT`).
pub const HEADER_HEIGHT: f32 = 44.0;
/// Height of the title block above the header.
const TITLE_HEIGHT: f32 = 76.0;
/// About how wide the dates of a picture are drawn, before room is made for the last labels.
const TIMELINE_WIDTH: f32 = 1400.0;
/// Space below the last row.
const BOTTOM_MARGIN: f32 = 16.0;
/// Size of item names, as on screen.
const LABEL_SIZE: f32 = 13.0;
/// Size of owners and dates written in muted type.
const SMALL_SIZE: f32 = 11.5;

/// An RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours of the picture: the light theme's tokens (`ui::theme::Palette::LIGHT`) as plain
/// RGB, since the exporter does not depend on egui. A test checks that they agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    /// Background of a lane heading row.
    pub lane_fill: Rgb,
    /// Every other item row.
    pub row_stripe: Rgb,
    /// Main text.
    pub text: Rgb,
    /// Secondary text.
    pub text_muted: Rgb,
    /// Text on a task bar.
    pub text_on_bar: Rgb,
    /// Task bar outline and progress.
    pub task: Rgb,
    /// Task bar body.
    pub task_fill: Rgb,
    /// Behind names written beside bars.
    pub label_backdrop: Rgb,
    /// Milestone diamonds.
    pub milestone: Rgb,
    /// A buffer with most of it left.
    pub good: Rgb,
    /// A buffer a third used.
    pub warning: Rgb,
    /// A buffer two thirds used; a breached deadline.
    pub danger: Rgb,
    /// Deadline markers.
    pub deadline: Rgb,
    /// Link arrows.
    pub link: Rgb,
    /// The today line.
    pub today: Rgb,
    /// The background.
    pub canvas: Rgb,
    /// The time header.
    pub header_fill: Rgb,
    /// Weekend shading.
    pub weekend: Rgb,
    /// Holiday shading.
    pub holiday: Rgb,
    /// Row separators and header ticks.
    pub grid: Rgb,
    /// The header's bottom line.
    pub grid_strong: Rgb,
    /// Guide lines through the rows.
    pub grid_faint: Rgb,
}

/// The light theme.
pub const LIGHT: Colours = Colours {
    lane_fill: Rgb(0xEE, 0xF0, 0xF3),
    row_stripe: Rgb(0xFB, 0xFC, 0xFD),
    text: Rgb(0x1E, 0x23, 0x2B),
    text_muted: Rgb(0x5B, 0x64, 0x70),
    text_on_bar: Rgb(0x12, 0x2B, 0x52),
    task: Rgb(0x2F, 0x6F, 0xCF),
    task_fill: Rgb(0xC9, 0xDB, 0xF6),
    label_backdrop: Rgb(0xFF, 0xFF, 0xFF),
    milestone: Rgb(0x7A, 0x3F, 0xC2),
    good: Rgb(0x2E, 0x8B, 0x57),
    warning: Rgb(0xC7, 0x7C, 0x02),
    danger: Rgb(0xC6, 0x28, 0x28),
    deadline: Rgb(0xC6, 0x28, 0x28),
    link: Rgb(0x7D, 0x87, 0x94),
    today: Rgb(0xE5, 0x48, 0x4D),
    canvas: Rgb(0xFF, 0xFF, 0xFF),
    header_fill: Rgb(0xF5, 0xF6, 0xF8),
    weekend: Rgb(0xF5, 0xF6, 0xF8),
    holiday: Rgb(0xFC, 0xEF, 0xE3),
    grid: Rgb(0xDD, 0xE1, 0xE6),
    grid_strong: Rgb(0xB8, 0xBF, 0xC8),
    grid_faint: Rgb(0xEE, 0xF0, 0xF3),
};

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
            LIGHT.canvas,
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

/// About how wide `text` is at `size`, from the kinds of its characters (the exporter has no
/// font at hand, and the fonts of whoever opens the SVG differ). Errs on the wide side.
pub fn text_width(text: &str, size: f32) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| match c {
            ' ' | 'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')'
            | '[' | ']' | 'f' | 't' | 'r' => 0.34,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.86,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' => 0.66,
            c if c.is_ascii() => 0.56,
            '\u{2000}'..='\u{206F}' => 0.6,
            c if u32::from(c) >= 0x2E80 => 1.0,
            _ => 0.62,
        })
        .sum();
    ems * size
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

/// `text` with the characters XML reserves escaped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Control characters are not allowed in XML at all.
            c if c.is_control() && c != '\t' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A date as the picture writes it in a row: "4 Dec" or "12月4日".
fn short_date(date: NaiveDate, language: Language) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Short, language)
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
                escape(content)
            ),
        );
    }
}

/// The baseline that centres text of `size` on `centre_y`.
fn baseline(centre_y: f32, size: f32) -> f32 {
    centre_y + size * 0.36
}

/// Line height of a label's backdrop.
fn line_height(size: f32) -> f32 {
    size * 1.3
}

/// Everything that fixes where things go in one picture.
struct Frame {
    transform: Transform,
    /// Left edge of the dates.
    left: f32,
    /// Right edge of the dates.
    right: f32,
    /// The first and last date of the range asked for.
    from: NaiveDate,
    /// Top of the first row.
    rows_top: f32,
    /// Bottom of the last row.
    rows_bottom: f32,
    /// Right edge of the picture.
    width: f32,
}

/// The timeline of `project` as a [`Picture`].
///
/// # Errors
/// `options.from` is after `options.to`.
pub fn picture(project: &Project, options: &PictureOptions) -> Result<Picture, ExportError> {
    let language = options.language;
    let shown = shown_project(project, options);
    let (from, to) = date_range(&shown, options)?;
    let days = (to - from).num_days() as f32 + 1.0;
    let points_per_day = (TIMELINE_WIDTH / days).clamp(0.15, 60.0);
    let rows = Rows::new(&shown, &HashSet::new());

    let left_width = left_column_width(&shown, &rows, language);
    let rows_top = TITLE_HEIGHT + HEADER_HEIGHT;
    let rows_bottom = rows_top + rows.len() as f32 * ROW_HEIGHT;
    let transform = Transform {
        left_x_points: f64::from(left_width),
        left_days: days_from_date(from),
        days_per_point: 1.0 / f64::from(points_per_day),
    };
    let mut right = left_width + days * points_per_day;
    let viewport = Viewport {
        transform,
        rows_top_y: rows_top,
        row_height: ROW_HEIGHT,
        x_range: (left_width, right),
        y_range: (rows_top, rows_bottom),
    };
    let calendar = shown.date_range().map_or_else(
        || crate::schedule::WorkCalendar::new(&shown.calendar),
        |(first, last)| crate::schedule::WorkCalendar::covering(&shown.calendar, first, last),
    );
    let workdays =
        |start: NaiveDate, finish: NaiveDate| -> u32 { calendar.workdays_in(start, finish) as u32 };
    let measure = |text: &str| text_width(text, LABEL_SIZE);
    let overlay = Overlay {
        preview: None,
        critical: None,
        workdays: &workdays,
        measure: &measure,
    };
    let scene = layout::scene(&shown, &rows, &viewport, &overlay);

    // Widen the dates until the last names fit: the header and shading continue under them.
    let owner_of = |index: usize| {
        shown
            .items
            .get(index)
            .and_then(|item| item.owner)
            .and_then(|owner| shown.person(owner))
            .map(|person| format!("· {}", person.name))
    };
    let needed = scene
        .shapes
        .iter()
        .filter(|shape| !shape.label.inside)
        .map(|shape| {
            let owner =
                owner_of(shape.index).map_or(0.0, |owner| 6.0 + text_width(&owner, SMALL_SIZE));
            shape.label.x + text_width(&shape.label.text, LABEL_SIZE) + owner + 12.0
        })
        .fold(right, f32::max);
    right = right.max(needed);
    let width = right.max(720.0);
    let frame = Frame {
        transform,
        left: left_width,
        right,
        from,
        rows_top,
        rows_bottom,
        width,
    };

    let mut body = format!("<g font-family=\"{FONT_FAMILIES}\">\n");
    put(
        &mut body,
        format_args!(
            "<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
            num(width),
            num(rows_bottom + BOTTOM_MARGIN),
            LIGHT.canvas
        ),
    );
    put(
        &mut body,
        format_args!(
            "<defs><clipPath id=\"dates\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\
         <clipPath id=\"header\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>\n",
            num(frame.left),
            num(rows_top),
            num(frame.right - frame.left),
            num(rows_bottom - rows_top),
            num(frame.left),
            num(TITLE_HEIGHT),
            num(frame.right - frame.left),
            num(HEADER_HEIGHT),
        ),
    );
    title_block(&mut body, &shown, options, &frame, (from, to));
    row_bands(&mut body, &shown, &rows, &frame, language);
    body.push_str("<g clip-path=\"url(#dates)\">\n");
    shading(&mut body, &shown, &frame);
    guides(&mut body, &frame);
    today_line(&mut body, options.today, &frame);
    for arrow in &scene.arrows {
        arrow_svg(&mut body, arrow);
    }
    for (number, shape) in scene.shapes.iter().enumerate() {
        shape_svg(
            &mut body,
            shape,
            owner_of(shape.index).as_deref(),
            &frame,
            number,
        );
    }
    body.push_str("</g>\n");
    header(&mut body, &frame, language);
    body.push_str("</g>\n");
    Ok(Picture {
        width,
        height: rows_bottom + BOTTOM_MARGIN,
        body,
    })
}

/// Width of the column of lane names and dates on the left.
fn left_column_width(project: &Project, rows: &Rows, language: Language) -> f32 {
    let widest = rows
        .rows
        .iter()
        .map(|row| match row {
            Row::Lane { lane, .. } => {
                let name = lane_name(project, *lane, language);
                text_width(&name, LABEL_SIZE) * 1.08 + 28.0
            }
            Row::Item { index } => project.items.get(*index).map_or(0.0, |item| {
                text_width(&item_dates(item, language), SMALL_SIZE) + 40.0
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

fn item_dates(item: &crate::model::Item, language: Language) -> String {
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

/// The project's name, its client, the dates shown and when the picture was made.
fn title_block(
    out: &mut String,
    project: &Project,
    options: &PictureOptions,
    frame: &Frame,
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
        colour: LIGHT.text,
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
        colour: LIGHT.text_muted,
        bold: false,
        anchor: "start",
    }
    .write(out, &parts.join("   ·   "));
    if options.include_internal {
        Text {
            x: frame.width - 16.0,
            y: 34.0,
            size: LABEL_SIZE,
            colour: LIGHT.danger,
            bold: true,
            anchor: "end",
        }
        .write(out, &text!(language, "export.internal_included"));
    }
}

/// Lane heading bands, row stripes and separators across the picture; lane names and item
/// dates in the left column.
fn row_bands(out: &mut String, project: &Project, rows: &Rows, frame: &Frame, language: Language) {
    for (number, row) in rows.rows.iter().enumerate() {
        let top = frame.rows_top + number as f32 * ROW_HEIGHT;
        let centre = top + ROW_HEIGHT / 2.0;
        let fill = match row {
            Row::Lane { .. } => Some(LIGHT.lane_fill),
            Row::Item { .. } if number % 2 == 0 => Some(LIGHT.row_stripe),
            Row::Item { .. } => None,
        };
        if let Some(fill) = fill {
            put(
                out,
                format_args!(
                    "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
                    num(top),
                    num(frame.width),
                    num(ROW_HEIGHT)
                ),
            );
        }
        put(
            out,
            format_args!(
                "<line x1=\"0\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                num(frame.width),
                LIGHT.grid,
                y = num(top + ROW_HEIGHT - 0.5)
            ),
        );
        match row {
            Row::Lane { lane, .. } => Text {
                x: 12.0,
                y: baseline(centre, LABEL_SIZE),
                size: LABEL_SIZE,
                colour: LIGHT.text,
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
                        colour: LIGHT.text_muted,
                        bold: false,
                        anchor: "start",
                    }
                    .write(out, &item_dates(item, language));
                }
            }
        }
    }
    put(
        out,
        format_args!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
            num(TITLE_HEIGHT),
            num(frame.rows_bottom),
            LIGHT.grid_strong,
            x = num(frame.left - 0.5)
        ),
    );
}

/// Holidays always, weekends once a day is wide enough to see them, as on screen. Runs of
/// days become one rectangle.
fn shading(out: &mut String, project: &Project, frame: &Frame) {
    let transform = &frame.transform;
    let points_per_day = transform.points_per_day();
    if points_per_day < 1.5 {
        return;
    }
    let show_weekends = points_per_day >= 8.0;
    let last = transform.date_from_x(f64::from(frame.right));
    let mut run: Option<(NaiveDate, NaiveDate, Rgb)> = None;
    let flush = |run: Option<(NaiveDate, NaiveDate, Rgb)>, out: &mut String| {
        if let Some((first, last, fill)) = run {
            let x0 = transform.x_from_date(first) as f32;
            let x1 = transform.x_from_date_end(last) as f32;
            put(
                out,
                format_args!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
                    num(x0),
                    num(frame.rows_top),
                    num(x1 - x0),
                    num(frame.rows_bottom - frame.rows_top)
                ),
            );
        }
    };
    for day in frame.from.iter_days().take_while(|day| *day <= last) {
        let fill = if project.calendar.is_working_day(day) {
            None
        } else if project
            .calendar
            .holidays
            .iter()
            .any(|holiday| holiday.from <= day && day <= holiday.to)
        {
            Some(LIGHT.holiday)
        } else if show_weekends {
            Some(LIGHT.weekend)
        } else {
            None
        };
        run = match (run, fill) {
            (Some((first, _, colour)), Some(fill)) if colour == fill => Some((first, day, fill)),
            (previous, fill) => {
                flush(previous, out);
                fill.map(|fill| (day, day, fill))
            }
        };
    }
    flush(run, out);
}

/// Faint lines through the rows at the boundaries of the header's finer unit.
fn guides(out: &mut String, frame: &Frame) {
    let transform = &frame.transform;
    let (_, unit) = header_units(transform.points_per_day());
    let mut boundary = unit.floor(frame.from);
    for _ in 0..5000 {
        let x = transform.x_from_date(boundary) as f32;
        if x > frame.right {
            break;
        }
        if x >= frame.left {
            put(
                out,
                format_args!(
                    "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                    num(frame.rows_top),
                    num(frame.rows_bottom),
                    LIGHT.grid_faint,
                    x = num(x)
                ),
            );
        }
        boundary = unit.next(boundary);
    }
}

fn today_line(out: &mut String, today: NaiveDate, frame: &Frame) {
    let x = frame.transform.x_from_days(days_from_date(today) + 0.5) as f32;
    if x >= frame.left && x <= frame.right {
        put(
            out,
            format_args!(
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                num(frame.rows_top),
                num(frame.rows_bottom),
                LIGHT.today,
                x = num(x)
            ),
        );
    }
}

/// The two-row time header over the dates, as on screen.
fn header(out: &mut String, frame: &Frame, language: Language) {
    put(
        out,
        format_args!(
            "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n\
         <line x1=\"0\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
            num(TITLE_HEIGHT),
            num(frame.width),
            num(HEADER_HEIGHT),
            LIGHT.header_fill,
            num(frame.width),
            LIGHT.grid_strong,
            bottom = num(TITLE_HEIGHT + HEADER_HEIGHT - 0.5)
        ),
    );
    let transform = &frame.transform;
    let (top_unit, bottom_unit) = header_units(transform.points_per_day());
    let half = HEADER_HEIGHT / 2.0;
    out.push_str("<g clip-path=\"url(#header)\">\n");
    for (unit, y0, strong) in [
        (top_unit, TITLE_HEIGHT, true),
        (bottom_unit, TITLE_HEIGHT + half, false),
    ] {
        let mut boundary = unit.floor(frame.from);
        for _ in 0..5000 {
            let next = unit.next(boundary);
            let x0 = transform.x_from_date(boundary) as f32;
            let x1 = transform.x_from_date(next) as f32;
            if x0 > frame.right {
                break;
            }
            put(
                out,
                format_args!(
                    "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                    num(y0),
                    num(y0 + half),
                    LIGHT.grid,
                    x = num(x0)
                ),
            );
            let label = unit.label(
                boundary,
                unit.shortest_days() * transform.points_per_day() as f32,
                language,
            );
            let size = if strong { 13.0 } else { 12.0 };
            let label_width = text_width(&label, size);
            let visible_x0 = x0.max(frame.left);
            let room = x1.min(frame.right) - visible_x0;
            if label_width + 6.0 <= room {
                let x = if strong {
                    (x0 + 6.0).max(frame.left + 6.0).min(x1 - label_width - 4.0)
                } else {
                    visible_x0 + (room - label_width) / 2.0
                };
                Text {
                    x,
                    y: baseline(y0 + half / 2.0, size),
                    size,
                    colour: if strong { LIGHT.text } else { LIGHT.text_muted },
                    bold: false,
                    anchor: "start",
                }
                .write(out, &label);
            }
            boundary = next;
        }
        if strong {
            put(
                out,
                format_args!(
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                    num(frame.left),
                    num(frame.right),
                    LIGHT.grid,
                    y = num(y0 + half)
                ),
            );
        }
    }
    out.push_str("</g>\n");
}

fn arrow_svg(out: &mut String, arrow: &layout::Arrow) {
    let points: Vec<String> = arrow
        .points
        .iter()
        .map(|&(x, y)| format!("{},{}", num(x), num(y)))
        .collect();
    put(
        out,
        format_args!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\" stroke-linejoin=\"round\"/>\n",
            points.join(" "),
            LIGHT.link
        ),
    );
    if let Some(&(x, y)) = arrow.points.last() {
        let direction = if arrow.points_right { 1.0 } else { -1.0 };
        let back = x - direction * 6.0;
        put(
            out,
            format_args!(
                "<polygon points=\"{},{} {},{} {},{}\" fill=\"{}\"/>\n",
                num(x),
                num(y),
                num(back),
                num(y - 4.0),
                num(back),
                num(y + 4.0),
                LIGHT.link
            ),
        );
    }
}

/// A path around a rectangle with rounded corners (radii clockwise from the top left).
fn rounded(x0: f32, y0: f32, x1: f32, y1: f32, [nw, ne, se, sw]: [f32; 4]) -> String {
    let limit = ((x1 - x0) / 2.0).min((y1 - y0) / 2.0).max(0.0);
    let (nw, ne, se, sw) = (nw.min(limit), ne.min(limit), se.min(limit), sw.min(limit));
    format!(
        "M{},{} H{} Q{},{} {},{} V{} Q{},{} {},{} H{} Q{},{} {},{} V{} Q{},{} {},{} Z",
        num(x0 + nw),
        num(y0),
        num(x1 - ne),
        num(x1),
        num(y0),
        num(x1),
        num(y0 + ne),
        num(y1 - se),
        num(x1),
        num(y1),
        num(x1 - se),
        num(y1),
        num(x0 + sw),
        num(x0),
        num(y1),
        num(x0),
        num(y1 - sw),
        num(y0 + nw),
        num(x0),
        num(y0),
        num(x0 + nw),
        num(y0)
    )
}

fn shape_svg(
    out: &mut String,
    shape: &layout::Shape,
    owner: Option<&str>,
    frame: &Frame,
    number: usize,
) {
    let y = shape.y;
    let half_height = BAR_HEIGHT / 2.0;
    let mut label_colour = LIGHT.text;
    let mut label = shape.label.clone();
    match shape.mark {
        Mark::Task { progress } => {
            let x0 = shape.x0;
            let x1 = shape.x0 + (shape.x1 - shape.x0).max(2.0);
            let (top, bottom) = (y - half_height, y + half_height);
            put(
                out,
                format_args!(
                    "<path d=\"{}\" fill=\"{}\"/>\n",
                    rounded(x0, top, x1, bottom, [3.0; 4]),
                    LIGHT.task_fill
                ),
            );
            if progress > 0.0 {
                let strip_right = x0 + (x1 - x0) * progress;
                let se = if progress >= 1.0 { 3.0 } else { 0.0 };
                put(
                    out,
                    format_args!(
                        "<path d=\"{}\" fill=\"{}\"/>\n",
                        rounded(x0, bottom - 4.0, strip_right, bottom, [0.0, 0.0, se, 3.0]),
                        LIGHT.task
                    ),
                );
            }
            put(
                out,
                format_args!(
                    "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                    rounded(x0 + 0.5, top + 0.5, x1 - 0.5, bottom - 0.5, [2.5; 4]),
                    LIGHT.task
                ),
            );
            if label.inside {
                label_colour = LIGHT.text_on_bar;
                // A bar that begins before the picture has its name where the picture begins.
                let visible_x = label.x.max(frame.left + 6.0);
                if visible_x + text_width(&label.text, LABEL_SIZE) + 6.0 <= x1 {
                    label.x = visible_x;
                } else {
                    label.inside = false;
                    label.x = x1 + 6.0;
                    label_colour = LIGHT.text;
                }
            }
        }
        Mark::Milestone {
            deadline_x,
            breached,
        } => {
            let colour = if breached {
                LIGHT.danger
            } else {
                LIGHT.milestone
            };
            if let Some(deadline_x) = deadline_x {
                let top = y - half_height - 1.0;
                put(
                    out,
                    format_args!(
                        "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n\
                     <polygon points=\"{x},{} {},{} {},{}\" fill=\"{}\"/>\n",
                        num(top),
                        num(y + half_height + 1.0),
                        LIGHT.deadline,
                        num(top),
                        num(deadline_x - 4.0),
                        num(top - 4.0),
                        num(deadline_x + 4.0),
                        num(top - 4.0),
                        LIGHT.deadline,
                        x = num(deadline_x)
                    ),
                );
            }
            let r = DIAMOND_HALF;
            let x = shape.x0;
            put(
                out,
                format_args!(
                    "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{colour}\"/>\n",
                    num(x),
                    num(y - r),
                    num(x + r),
                    num(y),
                    num(x),
                    num(y + r),
                    num(x - r),
                    num(y)
                ),
            );
            if breached {
                label_colour = LIGHT.danger;
            }
        }
        Mark::Buffer { consumption } => {
            let colour = match crate::rules::BufferHealth::of(f64::from(consumption)) {
                crate::rules::BufferHealth::Green => LIGHT.good,
                crate::rules::BufferHealth::Amber => LIGHT.warning,
                crate::rules::BufferHealth::Red => LIGHT.danger,
            };
            let width = (shape.x1 - shape.x0).max(2.0);
            let (x0, top) = (shape.x0, y - half_height + 2.0);
            let height = BAR_HEIGHT - 4.0;
            let id = format!("buffer{number}");
            put(
                out,
                format_args!(
                    "<clipPath id=\"{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n\
                 <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{colour}\" fill-opacity=\"0.25\"/>\n\
                 <g clip-path=\"url(#{id})\" stroke=\"{colour}\" stroke-opacity=\"0.8\" stroke-width=\"1\">\n",
                    num(x0),
                    num(top),
                    num(width),
                    num(height),
                    num(x0),
                    num(top),
                    num(width),
                    num(height),
                ),
            );
            // Hatching so a buffer never reads as a task.
            let mut x = x0 - height;
            while x < x0 + width {
                put(
                    out,
                    format_args!(
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                        num(x),
                        num(top + height),
                        num(x + height),
                        num(top)
                    ),
                );
                x += 5.0;
            }
            put(
                out,
                format_args!(
                    "</g>\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.2\"/>\n",
                    num(x0 + 0.6),
                    num(top + 0.6),
                    num((width - 1.2).max(0.1)),
                    num(height - 1.2)
                ),
            );
        }
    }
    label_svg(out, &label, y, label_colour, owner);
}

/// An item's name: on its bar, or beside it on a white backdrop with the owner after it (in
/// the same `<text>`, so the owner follows the name whatever font draws it).
fn label_svg(out: &mut String, label: &layout::Label, y: f32, colour: Rgb, owner: Option<&str>) {
    if label.inside {
        // As on screen: a little above the centre, clear of the progress strip.
        Text {
            x: label.x,
            y: y + 2.3,
            size: LABEL_SIZE,
            colour,
            bold: false,
            anchor: "start",
        }
        .write(out, &label.text);
        return;
    }
    let owner_width = owner.map_or(0.0, |owner| 6.0 + text_width(owner, SMALL_SIZE));
    let width = text_width(&label.text, LABEL_SIZE) + owner_width;
    let height = line_height(LABEL_SIZE);
    // A soft backdrop keeps names readable where arrows and guide lines pass behind them.
    put(
        out,
        format_args!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\"/>\n",
            num(label.x - 2.0),
            num(y - height / 2.0),
            num(width + 4.0),
            num(height),
            LIGHT.label_backdrop
        ),
    );
    let owner = owner.map_or_else(String::new, |owner| {
        format!(
            "<tspan dx=\"6\" font-size=\"{}\" fill=\"{}\">{}</tspan>",
            num(SMALL_SIZE),
            LIGHT.text_muted,
            escape(owner)
        )
    });
    put(
        out,
        format_args!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{colour}\">{}{owner}</text>\n",
            num(label.x),
            num(baseline(y, LABEL_SIZE)),
            num(LABEL_SIZE),
            escape(&label.text)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape("R&D <\"beta\"> 'x'"),
            "R&amp;D &lt;&quot;beta&quot;&gt; &apos;x&apos;",
            "every reserved character is escaped"
        );
        assert_eq!(escape("a\u{1}b"), "a b", "control characters are dropped");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1", "no decimals for whole numbers");
        assert_eq!(num(2.5), "2.5", "one decimal");
        assert_eq!(num(-0.001), "0", "no negative zero");
        assert_eq!(num(1.239), "1.24", "two decimals at most");
    }

    #[test]
    fn chinese_is_wider_than_latin() {
        assert!(
            text_width("需求", 13.0) > text_width("ab", 13.0) * 1.5,
            "CJK characters are a full em"
        );
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

    #[cfg(feature = "gui")]
    #[test]
    fn the_colours_are_the_light_theme() {
        use crate::ui::theme::Palette;
        let palette = Palette::LIGHT;
        let rgb = |colour: egui::Color32| Rgb(colour.r(), colour.g(), colour.b());
        let pairs = [
            (LIGHT.lane_fill, rgb(palette.lane_fill)),
            (LIGHT.row_stripe, rgb(palette.row_stripe)),
            (LIGHT.text, rgb(palette.text)),
            (LIGHT.text_muted, rgb(palette.text_muted)),
            (LIGHT.text_on_bar, rgb(palette.text_on_bar)),
            (LIGHT.task, rgb(palette.task)),
            (LIGHT.task_fill, rgb(palette.task_fill)),
            (LIGHT.label_backdrop, rgb(palette.label_backdrop)),
            (LIGHT.milestone, rgb(palette.milestone)),
            (LIGHT.good, rgb(palette.good)),
            (LIGHT.warning, rgb(palette.warning)),
            (LIGHT.danger, rgb(palette.danger)),
            (LIGHT.deadline, rgb(palette.deadline)),
            (LIGHT.link, rgb(palette.link)),
            (LIGHT.today, rgb(palette.today)),
            (LIGHT.canvas, rgb(palette.canvas)),
            (LIGHT.header_fill, rgb(palette.header_fill)),
            (LIGHT.weekend, rgb(palette.weekend)),
            (LIGHT.holiday, rgb(palette.holiday)),
            (LIGHT.grid, rgb(palette.grid)),
            (LIGHT.grid_strong, rgb(palette.grid_strong)),
            (LIGHT.grid_faint, rgb(palette.grid_faint)),
        ];
        for (index, (exported, screen)) in pairs.iter().enumerate() {
            assert_eq!(
                exported, screen,
                "colour {index} differs from the light theme"
            );
        }
        assert!(
            (ROW_HEIGHT - crate::ui::theme::ROW_HEIGHT).abs() < f32::EPSILON
                && (HEADER_HEIGHT - crate::timeline::canvas::HEADER_HEIGHT).abs() < f32::EPSILON,
            "rows and header as tall as on screen"
        );
    }
}
