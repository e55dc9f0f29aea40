//! Text measured without egui, from the same font file the window draws with (egui's bundled
//! Ubuntu Light, `epaint_default_fonts`), so that the screen and the exported picture decide
//! label placement from one width: advances and GPOS pair kerning, as egui's shaper reads them,
//! so that widths agree with egui's layout to its 1/32-point grid. Characters that face lacks
//! (Chinese) are measured with a Noto CJK system font when one is installed, as the window falls
//! back to it. Not for drawing.

use std::sync::LazyLock;

use super::paint::Measure;

/// The face egui's proportional text uses.
static LATIN: LazyLock<Option<ttf_parser::Face<'static>>> =
    LazyLock::new(|| ttf_parser::Face::parse(epaint_default_fonts::UBUNTU_LIGHT, 0).ok());

/// Where the CJK fallback face is looked for, first found first.
const CJK_FILES: [&str; 4] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
];

/// The bytes of the CJK fallback font, read once.
static CJK_DATA: LazyLock<Option<Vec<u8>>> =
    LazyLock::new(|| CJK_FILES.iter().find_map(|path| std::fs::read(path).ok()));

/// The CJK fallback face (the Simplified Chinese one of a collection).
static CJK: LazyLock<Option<ttf_parser::Face<'static>>> = LazyLock::new(|| {
    let data = CJK_DATA.as_deref()?;
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    // In Noto's collection the faces are JP, KR, SC, TC, HK; pick SC when it is there.
    let index = if count >= 3 { 2 } else { 0 };
    ttf_parser::Face::parse(data, index).ok()
});

/// The path of the CJK fallback font file, if one is installed.
pub fn cjk_file() -> Option<&'static str> {
    CJK_FILES
        .iter()
        .copied()
        .find(|path| std::path::Path::new(path).exists())
}

/// Rounds to egui's UI grid (1/32 point).
fn round_ui(value: f32) -> f32 {
    (value * 32.0).round() / 32.0
}

/// Measures text with the window's fonts: the measurer of both the canvas and the export. Sums
/// the advances and the GPOS pair kerning egui's shaper applies, so widths agree with egui's
/// layout to its UI grid.
#[derive(Clone, Copy, Debug, Default)]
pub struct FontMeasure;

impl FontMeasure {
    /// Width of `text` at `font_size` points.
    pub fn width(text: &str, font_size: f32) -> f32 {
        let Some(latin) = LATIN.as_ref() else {
            return estimate(text, font_size);
        };
        let mut width = 0.0;
        let mut previous: Option<ttf_parser::GlyphId> = None;
        for c in text.chars() {
            if let Some(glyph) = latin.glyph_index(c) {
                let advance = f32::from(latin.glyph_hor_advance(glyph).unwrap_or(0));
                width += advance * font_size / f32::from(latin.units_per_em());
                if let Some(previous) = previous {
                    width += kerning(latin, previous, glyph) * font_size
                        / f32::from(latin.units_per_em());
                }
                previous = Some(glyph);
                continue;
            }
            previous = None;
            let fallback = CJK
                .as_ref()
                .and_then(|face| face.glyph_index(c).map(|glyph| (face, glyph)));
            width += fallback.map_or_else(
                || estimate(c.encode_utf8(&mut [0; 4]), font_size),
                |(face, glyph)| {
                    f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * font_size
                        / f32::from(face.units_per_em())
                },
            );
        }
        // egui reports a galley's size on its UI grid.
        round_ui(width)
    }

    /// Height of one line at `font_size` points, as egui lays it out.
    pub fn line_height(font_size: f32) -> f32 {
        let Some(latin) = LATIN.as_ref() else {
            return (font_size * 1.3).round();
        };
        let scale = font_size / f32::from(latin.units_per_em());
        let ascent = round_ui(f32::from(latin.ascender()) * scale);
        let descent = round_ui(f32::from(latin.descender()) * scale);
        let gap = round_ui(f32::from(latin.line_gap()) * scale);
        (ascent - descent + gap).round()
    }
}

impl Measure for FontMeasure {
    fn size(&self, text: &str, font_size: f32) -> (f32, f32) {
        (Self::width(text, font_size), Self::line_height(font_size))
    }
}

/// The lookups of the Latin face's `kern` feature (its pair kerning lives in GPOS, as egui's
/// shaper reads it), each once.
static KERN_LOOKUPS: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let Some(gpos) = LATIN.as_ref().and_then(|face| face.tables().gpos) else {
        return Vec::new();
    };
    let kern = ttf_parser::Tag::from_bytes(b"kern");
    let mut lookups: Vec<u16> = gpos
        .features
        .into_iter()
        .filter(|feature| feature.tag == kern)
        .flat_map(|feature| feature.lookup_indices.into_iter())
        .collect();
    lookups.sort_unstable();
    lookups.dedup();
    lookups
});

/// The pair kerning between two glyphs of `face`, in font units: the first pair-adjustment
/// subtable of each `kern` lookup that covers the left glyph decides.
fn kerning(
    face: &ttf_parser::Face<'_>,
    left: ttf_parser::GlyphId,
    right: ttf_parser::GlyphId,
) -> f32 {
    use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};

    let Some(gpos) = face.tables().gpos else {
        return 0.0;
    };
    let mut total = 0.0;
    for index in KERN_LOOKUPS.iter() {
        let Some(lookup) = gpos.lookups.get(*index) else {
            continue;
        };
        for subtable in lookup.subtables.into_iter::<PositioningSubtable<'_>>() {
            let PositioningSubtable::Pair(pair) = subtable else {
                continue;
            };
            let adjustment = match pair {
                PairAdjustment::Format1 { coverage, sets } => {
                    let Some(set) = coverage.get(left).and_then(|index| sets.get(index)) else {
                        continue;
                    };
                    set.get(right).map(|(first, _)| first.x_advance)
                }
                PairAdjustment::Format2 {
                    coverage,
                    classes,
                    matrix,
                } => {
                    if coverage.get(left).is_none() {
                        continue;
                    }
                    matrix
                        .get((classes.0.get(left), classes.1.get(right)))
                        .map(|(first, _)| first.x_advance)
                }
            };
            total += adjustment.map_or(0.0, f32::from);
            break;
        }
    }
    total
}

/// About how wide `text` is when no font has its characters, from the kinds of its characters.
fn estimate(text: &str, font_size: f32) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| match c {
            '\u{2000}'..='\u{206F}' => 0.6,
            c if u32::from(c) >= 0x2E80 => 1.0,
            _ => 0.56,
        })
        .sum();
    ems * font_size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        let narrow = FontMeasure::width("ill", 13.0);
        let wide = FontMeasure::width("MWM", 13.0);
        assert!(wide > narrow * 2.0, "{wide} vs {narrow}");
        assert!(
            (FontMeasure::width("ab", 26.0) - 2.0 * FontMeasure::width("ab", 13.0)).abs() < 0.1,
            "width grows with size"
        );
    }

    #[test]
    fn pairs_are_kerned_as_the_font_says() {
        // Ubuntu kerns "AV" tighter than the sum of its letters.
        let pair = FontMeasure::width("AV", 26.0);
        let apart = FontMeasure::width("A", 26.0) + FontMeasure::width("V", 26.0);
        assert!(pair < apart - 0.5, "AV {pair} vs A + V {apart}");
    }

    #[test]
    fn chinese_is_about_a_full_em() {
        let width = FontMeasure::width("需求", 13.0);
        assert!((20.0..=30.0).contains(&width), "two ideographs: {width}");
    }
}
