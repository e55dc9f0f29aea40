//! What leaves Milepost: the timeline as a picture ([`svg`], [`pdf`], [`png`]), painted by the
//! same [`crate::timeline::paint`] painter as the screen (PDF and PNG go through the SVG), and
//! data for spreadsheets and calendars ([`data`]).
//!
//! Everything here is client-safe by default: items, meetings and risks that are not
//! client-visible are left out unless the caller asks for everything.

pub mod data;
pub mod pdf;
mod picture;
pub mod png;
pub mod svg;

pub use picture::{DEFAULT_WIDTH_PX, ExportError, MAX_WIDTH_PX, PageSize, PictureOptions};
