//! What comes into Milepost from other tools: tasks from a spreadsheet (CSV).
//!
//! Pure code, no window, no files: [`csv`] turns text into a settled, validated
//! [`Project`](crate::model::Project) or into the list of everything wrong with it.

mod table;

pub use table::{ImportError, ImportErrors, csv};
