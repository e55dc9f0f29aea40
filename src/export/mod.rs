//! What leaves Milepost: the timeline as a picture ([`svg`], [`pdf`], [`png`]), drawn from the
//! same [`crate::timeline::layout`] geometry as the screen.
//!
//! Everything here is client-safe by default: items that are not client-visible are left out
//! unless [`PictureOptions::include_internal`] asks for them.

pub mod pdf;
mod picture;
pub mod png;
pub mod svg;

pub use picture::{DEFAULT_WIDTH_PX, ExportError, MAX_WIDTH_PX, PageSize, PictureOptions};
