//! The timeline as a one-page PDF: A4 or A3 landscape, the picture fitted and centred with a
//! margin, drawn as vectors with its text kept as text (selectable, searchable).

use crate::model::Project;

use super::{ExportError, PictureOptions, svg};

/// Free space around the picture on the page, in points (10 mm).
const MARGIN_POINTS: f32 = 28.35;

/// The timeline of `project` as the bytes of a PDF file.
///
/// # Errors
/// The date range is empty, or the converter refused the picture.
pub fn pdf(project: &Project, options: &PictureOptions) -> Result<Vec<u8>, ExportError> {
    let picture = svg::picture(project, options)?;
    let (width, height) = options.page.landscape_points();
    let page = picture.on_page(width, height, MARGIN_POINTS);
    let tree = super::picture::parse(&page)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|error| ExportError::Pdf(error.to_string()))
}
