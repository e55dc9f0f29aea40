//! The timeline as a PNG image of a chosen width, rendered from the SVG picture.

use crate::model::Project;

use super::{ExportError, MAX_WIDTH_PX, PictureOptions, svg};

/// An opaque image: `width × height` pixels, four bytes (RGBA) each, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGBA bytes; alpha is always 255.
    pub rgba: Vec<u8>,
}

/// The timeline of `project` rendered `options.width_px` wide (the height follows).
///
/// # Errors
/// The width is zero or too large, or the date range is empty.
pub fn image(project: &Project, options: &PictureOptions) -> Result<Image, ExportError> {
    let pixmap = render(project, options)?;
    Ok(Image {
        width: pixmap.width(),
        height: pixmap.height(),
        // The background is opaque, so premultiplied colours are the colours themselves.
        rgba: pixmap.take(),
    })
}

/// The timeline of `project` as the bytes of a PNG file, `options.width_px` wide.
///
/// # Errors
/// As [`image`], or the PNG could not be encoded.
pub fn png(project: &Project, options: &PictureOptions) -> Result<Vec<u8>, ExportError> {
    render(project, options)?
        .encode_png()
        .map_err(|error| ExportError::Render(error.to_string()))
}

/// The most pixels a PNG may have (a long project at a large width would need gigabytes).
const MAX_PIXELS: u64 = 120_000_000;

fn render(
    project: &Project,
    options: &PictureOptions,
) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let width = options.width_px;
    if width == 0 || width > MAX_WIDTH_PX {
        return Err(ExportError::Width(width));
    }
    let picture = svg::picture(project, options)?;
    let scale = width as f32 / picture.width;
    let height = (picture.height * scale).round().max(1.0) as u32;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ExportError::TooLarge { width, height });
    }
    let tree = super::picture::parse(&picture.to_svg())?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or_else(|| {
        ExportError::Render(format!("no room for a {width} × {height} pixel image"))
    })?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
