//! The options of a timeline picture, its errors, and the fonts it is drawn with.

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;

use crate::i18n::Language;

/// A PDF page, always landscape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    /// 297 × 210 mm.
    #[default]
    A4,
    /// 420 × 297 mm.
    A3,
}

impl PageSize {
    /// Width and height of the landscape page in PDF points (1/72 inch).
    pub fn landscape_points(self) -> (f32, f32) {
        const POINTS_PER_MM: f32 = 72.0 / 25.4;
        let (width_mm, height_mm) = match self {
            Self::A4 => (297.0, 210.0),
            Self::A3 => (420.0, 297.0),
        };
        (width_mm * POINTS_PER_MM, height_mm * POINTS_PER_MM)
    }
}

/// Which part of the project a picture shows, and how big it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PictureOptions {
    /// The first date shown; the project's first date less a margin when `None`.
    pub from: Option<NaiveDate>,
    /// The last date shown; the project's last date (or deadline) plus a margin when `None`.
    pub to: Option<NaiveDate>,
    /// Show items that are not client-visible too. Off by default: what leaves the program is
    /// client-safe unless the user asks for everything.
    pub include_internal: bool,
    /// Width of a PNG in pixels; its height follows the picture's aspect.
    pub width_px: u32,
    /// The PDF page.
    pub page: PageSize,
    /// The language of the title block and the time header.
    pub language: Language,
    /// The date of the today line and of "generated on".
    pub today: NaiveDate,
}

/// The width of a PNG when none is asked for.
pub const DEFAULT_WIDTH_PX: u32 = 2400;

/// The widest PNG Milepost writes, in pixels.
pub const MAX_WIDTH_PX: u32 = 16_000;

impl Default for PictureOptions {
    fn default() -> Self {
        Self {
            from: None,
            to: None,
            include_internal: false,
            width_px: DEFAULT_WIDTH_PX,
            page: PageSize::default(),
            language: Language::default(),
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--from` is after `--to`.
    #[error("the date range is empty: {from} is after {to}")]
    EmptyRange {
        /// The first date asked for.
        from: NaiveDate,
        /// The last date asked for.
        to: NaiveDate,
    },
    /// A PNG width of zero or beyond [`MAX_WIDTH_PX`].
    #[error("a PNG must be between 1 and {MAX_WIDTH_PX} pixels wide, not {0}")]
    Width(u32),
    /// The image would be too large to hold in memory.
    #[error(
        "a {width} × {height} pixel image is too large; choose a smaller width or fewer dates (--from, --to)"
    )]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The SVG could not be read back for rendering (a bug, or a picture too large).
    #[error("the picture could not be rendered: {0}")]
    Render(String),
    /// The PDF converter refused the picture.
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
}

/// The fonts installed on this machine, read once (the CJK fonts among them draw Chinese).
/// The files of the families the picture asks for are read into memory once, rather than
/// opened again for every piece of text.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    let wanted: Vec<String> = super::svg::FONT_FAMILIES
        .split(',')
        .map(|family| family.trim().trim_matches('\'').to_owned())
        .collect();
    let mut files: Vec<std::path::PathBuf> = fonts
        .faces()
        .filter(|face| {
            face.families
                .iter()
                .any(|(family, _)| wanted.contains(family))
        })
        .filter_map(|face| match &face.source {
            usvg::fontdb::Source::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    files.sort();
    files.dedup();
    for path in files {
        let Ok(data) = std::fs::read(&path) else {
            continue;
        };
        let from_file: Vec<_> = fonts
            .faces()
            .filter(
                |face| matches!(&face.source, usvg::fontdb::Source::File(file) if *file == path),
            )
            .map(|face| face.id)
            .collect();
        for id in from_file {
            fonts.remove_face(id);
        }
        fonts.load_font_data(data);
    }
    // The face the window draws with, so that names measure and look as on screen.
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    fonts.set_sans_serif_family(super::svg::PREFERRED_FAMILY);
    Arc::new(fonts)
});

/// Reads an SVG made by [`super::svg`] with the system fonts, ready to render.
pub(super) fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let default_fallback = usvg::FontResolver::default_fallback_selector();
    let font_resolver = usvg::FontResolver {
        // Characters the window's face lacks (Chinese) fall back to the CJK face the window
        // falls back to, not to whichever installed face lists them first.
        select_fallback: Box::new(move |c, exclude, fontdb| {
            let weight = exclude
                .first()
                .and_then(|base| fontdb.face(*base))
                .map_or(400, |base| base.weight.0);
            let preferred = fontdb
                .faces()
                .filter(|face| {
                    !exclude.contains(&face.id)
                        && face.style == usvg::fontdb::Style::Normal
                        && face
                            .families
                            .iter()
                            .any(|(family, _)| family == super::svg::PREFERRED_FAMILY)
                        && fontdb
                            .with_face_data(face.id, |data, index| {
                                ttf_parser::Face::parse(data, index)
                                    .is_ok_and(|face| face.glyph_index(c).is_some())
                            })
                            .unwrap_or(false)
                })
                // The weight nearest the text's own (Regular beside Ubuntu Light).
                .min_by_key(|face| face.weight.0.abs_diff(weight))
                .map(|face| face.id);
            preferred.or_else(|| default_fallback(c, exclude, fontdb))
        }),
        ..usvg::FontResolver::default()
    };
    let options = usvg::Options {
        fontdb: Arc::clone(&FONTS),
        font_family: super::svg::PREFERRED_FAMILY.to_owned(),
        font_resolver,
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))
}
