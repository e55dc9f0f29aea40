//! Gathering the status report's rows from the project: milestones, changes since the latest
//! baseline, buffers, risks, meetings and open actions, as plain data. Not for writing them
//! out (see `markdown` and `html`) nor for judging them (see [`crate::rules`]).

use chrono::NaiveDate;

use crate::model::{ItemKind, Owner, Project};
use crate::report::{RiskLevel, Status, latest_baseline, overall_status};
use crate::rules::{BufferHealth, MilestoneStatus, Why};
use crate::schedule::{Change, WorkCalendar, buffer_consumption, changes_since, span_of};

use super::{MAX_CHANGES, RECENT_MEETINGS, TOP_RISKS};

/// One milestone row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneRow {
    /// Its name.
    pub name: String,
    /// Its current date.
    pub date: NaiveDate,
    /// Its date in the latest baseline.
    pub baseline: Option<NaiveDate>,
    /// Working days later (positive) than in the latest baseline.
    pub variance_workdays: Option<i64>,
    /// Its deadline.
    pub deadline: Option<NaiveDate>,
    /// How it stands ([`crate::rules::judge`]).
    pub status: MilestoneStatus,
    /// Why.
    pub why: Why,
}

/// One item that changed since the latest baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    /// Its name now (then, when removed).
    pub name: String,
    /// Its dates in the baseline (`None` when added).
    pub then: Option<(NaiveDate, NaiveDate)>,
    /// Its dates now (`None` when removed).
    pub now: Option<(NaiveDate, NaiveDate)>,
    /// Whether it is a milestone (one date).
    pub milestone: bool,
    /// The working days it reserves, when it is a buffer (an exhausted one reads "used up").
    pub buffer_planned: Option<u32>,
    /// Working days its finish moved (positive = later), when it moved.
    pub finish_workdays: Option<i64>,
    /// Progress then and now, when it changed.
    pub progress: Option<(u8, u8)>,
    /// Its name in the baseline, when renamed.
    pub renamed_from: Option<String>,
}

/// One buffer row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferRow {
    /// Its name.
    pub name: String,
    /// Working days reserved.
    pub planned_workdays: u32,
    /// Working days left.
    pub remaining_workdays: i64,
    /// Percent used, 0–100.
    pub consumed_percent: u8,
    /// Its zone ([`BufferHealth::of`]).
    pub health: BufferHealth,
}

/// One risk row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskRow {
    /// Its title.
    pub title: String,
    /// Probability × impact.
    pub score: u8,
    /// Probability, 1–5.
    pub probability: u8,
    /// Impact, 1–5.
    pub impact: u8,
    /// Low, medium or high.
    pub level: RiskLevel,
    /// Who owns it.
    pub owner: String,
    /// What is done about it.
    pub mitigation: String,
}

/// One meeting with its decisions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRow {
    /// When.
    pub date: NaiveDate,
    /// Its title.
    pub title: String,
    /// What was decided.
    pub decisions: Vec<String>,
}

/// One open action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    /// What to do.
    pub text: String,
    /// Who.
    pub owner: String,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Whether the due date has passed.
    pub overdue: bool,
    /// The meeting it came from.
    pub meeting: String,
}

/// Everything the report says, computed once for both formats.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport {
    /// The project's name.
    pub project: String,
    /// The client's name.
    pub client: String,
    /// The project's goal.
    pub goal: String,
    /// The date of the report.
    pub today: NaiveDate,
    /// The overall status.
    pub status: Status,
    /// Milestones in date order.
    pub milestones: Vec<MilestoneRow>,
    /// The latest baseline's name and date.
    pub baseline: Option<(String, NaiveDate)>,
    /// Items whose dates changed, or that were added, removed or renamed, in the project's
    /// order (removed ones last).
    pub changes: Vec<ChangeRow>,
    /// Changed items not listed (beyond [`MAX_CHANGES`]).
    pub more_changes: usize,
    /// Items whose progress alone changed.
    pub progress_only: usize,
    /// Buffers in the project's order.
    pub buffers: Vec<BufferRow>,
    /// The open risks with the highest scores.
    pub risks: Vec<RiskRow>,
    /// The latest meetings up to today, newest first.
    pub meetings: Vec<MeetingRow>,
    /// Open action items by due date.
    pub actions: Vec<ActionRow>,
}

/// The display name of an owner, or nothing when there is none.
fn owner_name(project: &Project, owner: Option<&Owner>) -> String {
    owner.map_or_else(String::new, |owner| {
        crate::rules::owner_name(project, owner)
    })
}

/// Computes the report of `project` on `today`.
pub fn build(project: &Project, today: NaiveDate, include_internal: bool) -> StatusReport {
    // The honest status, internal items and risks included, as the title card has it.
    let status = overall_status(project, today);
    let project = if include_internal {
        project.clone()
    } else {
        project.client_view()
    };
    let calendar = WorkCalendar::new(&project.calendar);
    let latest = latest_baseline(&project);

    let mut milestones: Vec<MilestoneRow> = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Milestone)
        .map(|item| {
            let baseline = latest
                .and_then(|baseline| baseline.items.iter().find(|old| old.item == item.id))
                .map(|old| old.finish);
            let variance_workdays = baseline.map(|old| calendar.workdays_between(old, item.finish));
            let compared =
                latest.and_then(|baseline| baseline.items.iter().find(|old| old.item == item.id));
            let judgement = crate::rules::judge(item, compared, &calendar, today);
            MilestoneRow {
                name: item.name.clone(),
                date: item.finish,
                baseline,
                variance_workdays,
                deadline: item.deadline,
                status: judgement.status,
                why: judgement.why,
            }
        })
        .collect();
    milestones.sort_by_key(|row| row.date);

    let mut changes: Vec<ChangeRow> = Vec::new();
    let mut progress_only = 0;
    if let Some(baseline) = latest {
        let mut rows: Vec<(crate::model::ItemId, ChangeRow)> = Vec::new();
        for change in changes_since(&project, &calendar, baseline) {
            let id = match &change {
                Change::Added { item, .. }
                | Change::Removed { item, .. }
                | Change::Moved { item, .. }
                | Change::Renamed { item, .. }
                | Change::ProgressChanged { item, .. } => *item,
            };
            if rows.last().is_none_or(|(last, _)| *last != id) {
                let now = project.item(id);
                let then = baseline.items.iter().find(|old| old.item == id);
                rows.push((
                    id,
                    ChangeRow {
                        name: now.map_or_else(
                            || then.map(|old| old.name.clone()).unwrap_or_default(),
                            |item| item.name.clone(),
                        ),
                        then: then.map(|old| (old.start, old.finish)),
                        now: now.map(|item| (item.start, item.finish)),
                        milestone: now.is_some_and(|item| item.kind == ItemKind::Milestone),
                        buffer_planned: now
                            .filter(|item| item.kind == ItemKind::Buffer)
                            .map(|item| item.planned_workdays),
                        finish_workdays: None,
                        progress: None,
                        renamed_from: None,
                    },
                ));
            }
            let Some((_, row)) = rows.last_mut() else {
                continue;
            };
            match change {
                Change::Added { .. } | Change::Removed { .. } => {}
                Change::Moved { variance, .. } => {
                    row.finish_workdays = Some(variance.finish_workdays);
                }
                Change::Renamed { old, .. } => row.renamed_from = Some(old),
                Change::ProgressChanged { old, new, .. } => row.progress = Some((old, new)),
            }
        }
        for (_, row) in rows {
            let dated = row.then.is_none()
                || row.now.is_none()
                || row.finish_workdays.is_some()
                || row.renamed_from.is_some();
            if dated {
                changes.push(row);
            } else {
                progress_only += 1;
            }
        }
    }
    let more_changes = changes.len().saturating_sub(MAX_CHANGES);
    changes.truncate(MAX_CHANGES);

    let buffers = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Buffer)
        .map(|item| BufferRow {
            name: item.name.clone(),
            planned_workdays: item.planned_workdays,
            remaining_workdays: span_of(&calendar, item).workdays(),
            consumed_percent: (buffer_consumption(&calendar, item) * 100.0).round() as u8,
            health: BufferHealth::of_item(&calendar, item),
        })
        .collect();

    let mut open_risks: Vec<_> = project
        .risks
        .iter()
        .filter(|risk| risk.status.is_open())
        .collect();
    open_risks.sort_by_key(|risk| std::cmp::Reverse(risk.score()));
    let risks = open_risks
        .into_iter()
        .take(TOP_RISKS)
        .map(|risk| RiskRow {
            title: risk.title.clone(),
            score: risk.score(),
            probability: risk.probability,
            impact: risk.impact,
            level: RiskLevel::of(risk.score()),
            owner: owner_name(&project, risk.owner.as_ref()),
            mitigation: risk.mitigation.clone(),
        })
        .collect();

    let mut past: Vec<_> = project
        .meetings
        .iter()
        .filter(|meeting| meeting.date <= today)
        .collect();
    past.sort_by_key(|meeting| std::cmp::Reverse((meeting.date, meeting.time.clone())));
    let meetings = past
        .into_iter()
        .take(RECENT_MEETINGS)
        .map(|meeting| MeetingRow {
            date: meeting.date,
            title: meeting.title.clone(),
            decisions: meeting.decisions.clone(),
        })
        .collect();

    let mut actions: Vec<ActionRow> = project
        .meetings
        .iter()
        .flat_map(|meeting| {
            let project = &project;
            meeting
                .actions
                .iter()
                .filter(|action| !action.done)
                .map(move |action| ActionRow {
                    text: action.text.clone(),
                    owner: owner_name(project, action.owner.as_ref()),
                    due: action.due,
                    overdue: action.due.is_some_and(|due| due < today),
                    meeting: meeting.title.clone(),
                })
        })
        .collect();
    actions.sort_by_key(|action| (action.due.is_none(), action.due));

    StatusReport {
        project: project.name.clone(),
        client: project.client.name.clone(),
        goal: project.goal.clone(),
        today,
        status,
        milestones,
        baseline: latest.map(|baseline| (baseline.name.clone(), baseline.taken)),
        changes,
        more_changes,
        progress_only,
        buffers,
        risks,
        meetings,
        actions,
    }
}
