//! The client status report, as Markdown or as one self-contained HTML page.
//!
//! Both are rendered from the same [`StatusReport`], computed once from the project as the
//! client may see it ([`Project::client_view`]) unless everything is asked for. Words come from
//! the locale files in the language of the calling thread ([`crate::i18n::set_language`]).
//!
//! Sections: the header (project, client, goal, date, overall status — see
//! [`crate::report::Status`]), milestones, changes since the latest baseline, buffers, top
//! risks, recent meetings with their decisions, open action items.
//!
//! A milestone's status is [`crate::rules::milestone`]'s; a buffer's colour is
//! [`crate::rules::BufferHealth`]'s.
//!
//! This file is the report's entry points and limits. The rows are gathered in `rows`, written
//! by `markdown` and `html`, with what both formats share (words, dates, the table sections) in
//! `write`. No judgement is made here: each comes from [`crate::rules`].

use chrono::NaiveDate;

use crate::model::Project;

/// Appends formatted text to a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        $out.write_fmt(format_args!($($arg)*)).unwrap_or_default()
    }};
}

mod html;
mod markdown;
mod rows;
mod write;

pub use crate::rules::{AT_RISK_MARGIN_WORKDAYS, MilestoneStatus};
pub use html::render_html;
pub use markdown::render_markdown;
pub use rows::{
    ActionRow, BufferRow, ChangeRow, MeetingRow, MilestoneRow, RiskRow, StatusReport, build,
};

/// How many open risks the report lists.
pub const TOP_RISKS: usize = 5;

/// How many recent meetings the report lists.
pub const RECENT_MEETINGS: usize = 5;

/// How many changes since the baseline the report lists before summing up the rest.
pub const MAX_CHANGES: usize = 20;

/// The report as Markdown.
pub fn markdown(project: &Project, today: NaiveDate, include_internal: bool) -> String {
    render_markdown(&build(project, today, include_internal))
}

/// The report as one self-contained HTML page.
pub fn html(project: &Project, today: NaiveDate, include_internal: bool) -> String {
    render_html(&build(project, today, include_internal))
}
