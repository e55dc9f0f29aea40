//! What leaves Milepost as a file: data for spreadsheets and calendars.
//!
//! Pure code, no window: every exporter takes a [`crate::model::Project`] and returns text or
//! bytes. What leaves is client-safe unless the caller asks for everything.

pub mod data;
