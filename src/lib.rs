//! Milepost: plan and present a client project timeline.
//!
//! The plan, the conversation with the client, the risks and the lessons in one RON document.
//! The layers, from the bottom: [`model`] (plain data), [`store`] (the document on disk),
//! [`edit`] (changes and their history), [`rules`] (every judgement shown), [`cli`] (headless commands) and [`ui`] (the window).

rust_i18n::i18n!("locales", fallback = "en");

pub mod cli;
pub mod csv_rules;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod import;
pub mod model;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod store;
pub mod theme;
pub mod timeline;
#[cfg(feature = "gui")]
pub mod ui;
