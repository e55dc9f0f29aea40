//! Figures about a project, shared by every view and the command line. The judgements behind
//! them (milestone status, buffer health, overall status, risk level) live in [`crate::rules`].

pub mod minutes;
pub mod status;
#[cfg(test)]
mod tests;
pub mod trend;

use chrono::NaiveDate;

use crate::model::{Baseline, BaselineItem, Figures, ItemId, ItemKind, Project};
use crate::schedule::{WorkCalendar, buffer_consumption};

pub use crate::rules::{HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, RiskLevel, Status, overall_status};

/// `text` with the characters HTML and XML reserve escaped, for the HTML status report and the
/// SVG export alike: `& < > " '` as entities, and control characters other than tab, which XML
/// does not allow at all, as spaces.
pub fn escape_markup(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Control characters are not allowed in XML at all.
            c if c.is_control() && c != '\t' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The baseline taken first (the earliest `taken` date; the first listed among equals).
pub fn earliest_baseline(project: &Project) -> Option<&Baseline> {
    // `min_by_key` gives the first of equal minima.
    project
        .baselines
        .iter()
        .min_by_key(|baseline| baseline.taken)
}

/// The baseline taken last (the latest `taken` date; the last listed among equals): the one
/// milestones are compared with ([`crate::rules::compared_baseline`]).
pub fn latest_baseline(project: &Project) -> Option<&Baseline> {
    crate::rules::compared_baseline(project)
}

/// The record of `item` in `baseline`.
fn in_baseline(baseline: &Baseline, item: ItemId) -> Option<&BaselineItem> {
    baseline.items.iter().find(|old| old.item == item)
}

/// The project's figures (the keys of `milepost figures`) as of `today`: meetings dated after
/// today are planned, not held, and are not client contact yet.
pub fn figures(project: &Project, today: NaiveDate) -> Figures {
    let mut figures = plan_figures(project, today);
    let held = || {
        project
            .meetings
            .iter()
            .filter(|meeting| meeting.date <= today)
    };
    figures.meetings_held = held().count() as u32;
    figures.last_client_contact = minutes::last_client_contact(project, today);
    figures
}

/// The figures of the plan on `today`: milestones, slips, tasks, buffers and risks.
fn plan_figures(project: &Project, today: NaiveDate) -> Figures {
    let calendar = WorkCalendar::new(&project.calendar);
    let mut figures = Figures::default();

    let earliest = earliest_baseline(project);
    let mut slips = Vec::new();
    for item in project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Milestone)
    {
        figures.milestones_total += 1;
        let late = crate::rules::milestone_status(project, &calendar, item, today)
            .is_some_and(|judgement| judgement.status.is_late());
        if late {
            figures.milestones_late += 1;
        } else {
            figures.milestones_on_time += 1;
        }
        let old = earliest.and_then(|baseline| in_baseline(baseline, item.id));
        if let Some(old) = old {
            slips.push(calendar.workdays_between(old.finish, item.finish));
        }
    }
    if let Some(&worst) = slips.iter().max() {
        figures.worst_slip_workdays = i32::try_from(worst).unwrap_or(i32::MAX);
        let average = slips.iter().sum::<i64>() as f64 / slips.len() as f64;
        figures.average_slip_workdays = (average * 10.0).round() / 10.0;
    }

    for item in &project.items {
        match item.kind {
            ItemKind::Task => {
                figures.tasks_total += 1;
                if item.progress >= 100 {
                    figures.tasks_done += 1;
                }
            }
            ItemKind::Buffer => {
                let percent = (buffer_consumption(&calendar, item) * 100.0).round() as u8;
                figures.buffer_consumption_percent =
                    figures.buffer_consumption_percent.max(percent);
            }
            ItemKind::Milestone => {}
        }
    }

    for risk in &project.risks {
        if risk.status.is_open() {
            figures.risks_open += 1;
            if risk.score() >= HIGH_RISK_SCORE {
                figures.risks_high += 1;
            }
        } else if risk.status == crate::model::RiskStatus::Occurred {
            figures.risks_occurred += 1;
        }
    }
    figures
}

/// The figures as `milepost figures` prints them: one `key<TAB>value` line each.
pub fn figures_tsv(figures: &Figures) -> String {
    let Figures {
        milestones_total,
        milestones_on_time,
        milestones_late,
        average_slip_workdays,
        worst_slip_workdays,
        tasks_total,
        tasks_done,
        buffer_consumption_percent,
        risks_open,
        risks_high,
        risks_occurred,
        meetings_held,
        last_client_contact,
    } = figures;
    let contact = last_client_contact.map_or_else(
        || "none".to_owned(),
        |date| date.format("%Y-%m-%d").to_string(),
    );
    format!(
        "milestones_total\t{milestones_total}\n\
         milestones_on_time\t{milestones_on_time}\n\
         milestones_late\t{milestones_late}\n\
         average_slip_workdays\t{average_slip_workdays:.1}\n\
         worst_slip_workdays\t{worst_slip_workdays}\n\
         tasks_total\t{tasks_total}\n\
         tasks_done\t{tasks_done}\n\
         buffer_consumption_percent\t{buffer_consumption_percent}\n\
         risks_open\t{risks_open}\n\
         risks_high\t{risks_high}\n\
         risks_occurred\t{risks_occurred}\n\
         meetings_held\t{meetings_held}\n\
         last_client_contact\t{contact}\n"
    )
}
