//! The text of an item's tooltip on the timeline, line by line, without egui: the window's
//! canvas sets these lines, and tests read them to check that the tooltip says what the
//! rulebook decides. Not for the risk badges' part of the tooltip, which the canvas adds.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::i18n::{DateStyle, Language, format_date};
use crate::model::{Item, ItemId, ItemKind, Project};
use crate::schedule::WorkCalendar;
use crate::tr;

/// How a line of an item's tooltip is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooltipStyle {
    /// The item's name, strong.
    Title,
    /// An ordinary line.
    Plain,
    /// The item is on the critical path.
    Critical,
}

/// One line of an item's tooltip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooltipLine {
    /// What it says.
    pub text: String,
    /// How it is set.
    pub style: TooltipStyle,
}

/// The text of the tooltip of `item` on `today` (risk badges aside), line by line: name, dates,
/// a milestone's status ([`crate::rules::milestone_status`]) or a bar's working days, owner,
/// progress, float.
pub fn tooltip_lines<S: std::hash::BuildHasher>(
    project: &Project,
    item: &Item,
    calendar: &WorkCalendar,
    today: NaiveDate,
    language: Language,
    floats: Option<&HashMap<ItemId, i64, S>>,
) -> Vec<TooltipLine> {
    let line = |text: String| TooltipLine {
        text,
        style: TooltipStyle::Plain,
    };
    let mut lines = vec![TooltipLine {
        text: item.name.clone(),
        style: TooltipStyle::Title,
    }];
    let date = |date: NaiveDate| format_date(date, DateStyle::WeekdayLong, language);
    match item.kind {
        ItemKind::Milestone => {
            lines.push(line(
                tr!("tooltip.milestone_date", date = date(item.finish)).into_owned(),
            ));
            if let Some(deadline) = item.deadline {
                lines.push(line(
                    tr!("tooltip.deadline", date = date(deadline)).into_owned(),
                ));
            }
            if let Some(judgement) = crate::rules::milestone_status(project, calendar, item, today)
            {
                let status = judgement.status.word();
                let text = if let Some(why) = judgement.why.text() {
                    tr!("tooltip.status_why", status = status, why = why)
                } else {
                    tr!("tooltip.status", status = status)
                };
                lines.push(line(text.into_owned()));
            }
        }
        ItemKind::Buffer if crate::rules::span::is_used_up(item) => {
            lines.push(line(crate::rules::span::dates_text(item, language)));
        }
        ItemKind::Task | ItemKind::Buffer => {
            lines.push(line(
                tr!(
                    "tooltip.dates",
                    start = date(item.start),
                    finish = date(item.finish)
                )
                .into_owned(),
            ));
            let count = calendar.workdays_in(item.start, item.finish);
            lines.push(line(crate::i18n::counted(
                crate::i18n::Noun::Workdays,
                count,
            )));
        }
    }
    if let Some(owner) = item.owner {
        let name = crate::rules::person_name(project, owner);
        lines.push(line(tr!("tooltip.owner", name = name).into_owned()));
    }
    if item.kind == ItemKind::Task {
        lines.push(line(
            tr!("tooltip.progress", percent = item.progress).into_owned(),
        ));
    }
    if let Some(&float) = floats.and_then(|floats| floats.get(&item.id)) {
        if float <= 0 {
            lines.push(TooltipLine {
                text: tr!("tooltip.critical", float = float).into_owned(),
                style: TooltipStyle::Critical,
            });
        } else {
            lines.push(line(tr!("tooltip.float", float = float).into_owned()));
        }
    }
    lines
}
