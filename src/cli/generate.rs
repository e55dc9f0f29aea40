//! Synthetic projects of any size, for benchmarks and tests. The same `items` and `seed` always
//! give the same project.

use chrono::{Days, NaiveDate};

use crate::model::{
    ActionItem, Baseline, BaselineId, BaselineItem, Calendar, Channel, Client, Criterion, Holiday,
    Item, ItemId, ItemKind, Lane, LaneId, Link, LinkKind, Meeting, MeetingId, Participant, Person,
    PersonId, Project, Risk, RiskAssessment, RiskCategory, RiskId, RiskResponse, RiskStatus, Scope,
};

const TASK_WORDS: [&str; 12] = [
    "Design",
    "Build",
    "Review",
    "Test",
    "Migrate",
    "Configure",
    "Document",
    "Train",
    "Integrate",
    "Validate",
    "Prepare",
    "Deploy",
];
const OBJECTS: [&str; 12] = [
    "lead pipeline",
    "reports",
    "user roles",
    "data import",
    "email templates",
    "dashboards",
    "mobile app",
    "price lists",
    "customer records",
    "approvals",
    "quotes",
    "integrations",
];

/// The next working day on or after `date`.
fn snap(calendar: &Calendar, mut date: NaiveDate) -> NaiveDate {
    while !calendar.is_working_day(date) {
        date = date.succ_opt().unwrap_or(date);
    }
    date
}

/// `date` moved forward by `workdays` working days (0 keeps it).
fn add_workdays(calendar: &Calendar, mut date: NaiveDate, workdays: u32) -> NaiveDate {
    for _ in 0..workdays {
        date = snap(calendar, date.succ_opt().unwrap_or(date));
    }
    date
}

/// A project of `items` items with lanes, a DAG of links of every kind, milestones with
/// deadlines, buffers, a baseline, meetings and risks.
pub fn project(items: usize, seed: u64) -> Project {
    let mut rng = fastrand::Rng::with_seed(seed);
    let first_day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default();
    let calendar = Calendar {
        holidays: vec![
            Holiday {
                name: "Spring Festival".to_owned(),
                from: NaiveDate::from_ymd_opt(2027, 2, 5).unwrap_or_default(),
                to: NaiveDate::from_ymd_opt(2027, 2, 11).unwrap_or_default(),
            },
            Holiday {
                name: "Labour Day".to_owned(),
                from: NaiveDate::from_ymd_opt(2027, 5, 1).unwrap_or_default(),
                to: NaiveDate::from_ymd_opt(2027, 5, 5).unwrap_or_default(),
            },
        ],
        extra_workdays: vec![NaiveDate::from_ymd_opt(2027, 2, 13).unwrap_or_default()],
        ..Calendar::default()
    };
    let lane_count = (items / 40).clamp(1, 500);
    let people = (8 + items / 200).min(60);
    let team: Vec<Person> = (1..=people)
        .map(|n| Person {
            id: PersonId(n as u32),
            name: format!("Person {n}"),
            role: if n % 4 == 0 {
                "Client lead"
            } else {
                "Consultant"
            }
            .to_owned(),
            client_side: n % 4 == 0,
            responsibility: String::new(),
        })
        .collect();
    let lanes: Vec<Lane> = (1..=lane_count)
        .map(|n| Lane {
            id: LaneId(n as u32),
            name: format!("Workstream {n}"),
        })
        .collect();

    let mut project_items: Vec<Item> = Vec::with_capacity(items);
    let mut links: Vec<Link> = Vec::with_capacity(items * 3 / 2);
    let mut cursor = first_day;
    let mut current_lane = usize::MAX;
    for index in 0..items {
        let lane = index * lane_count / items.max(1);
        if lane != current_lane {
            current_lane = lane;
            // Each workstream starts a little after the previous one.
            cursor = add_workdays(&calendar, first_day, (lane as u32 % 20) * 3);
        }
        let id = ItemId(index as u32 + 1);
        let start = add_workdays(&calendar, cursor, rng.u32(0..2));
        let kind = if index % 12 == 11 {
            ItemKind::Milestone
        } else if index % 97 == 96 {
            ItemKind::Buffer
        } else {
            ItemKind::Task
        };
        let mut item = match kind {
            ItemKind::Milestone => {
                let mut milestone =
                    Item::milestone(id, format!("Milestone {}", index / 12 + 1), start);
                milestone.deadline = Some(add_workdays(&calendar, start, rng.u32(0..6)));
                milestone.criteria = vec![Criterion {
                    text: "Client accepts the deliverable".to_owned(),
                    done: rng.bool(),
                }];
                milestone
            }
            ItemKind::Task | ItemKind::Buffer => {
                let length = if kind == ItemKind::Buffer {
                    5
                } else {
                    rng.u32(1..=10)
                };
                let finish = add_workdays(&calendar, start, length - 1);
                let name = if kind == ItemKind::Buffer {
                    format!("Buffer {}", index / 97 + 1)
                } else {
                    format!(
                        "{} {}",
                        TASK_WORDS[rng.usize(..TASK_WORDS.len())],
                        OBJECTS[rng.usize(..OBJECTS.len())]
                    )
                };
                let mut task = Item::task(id, name, start, finish);
                task.kind = kind;
                if kind == ItemKind::Buffer {
                    task.planned_workdays = length;
                }
                task
            }
        };
        item.lane = Some(LaneId(lane as u32 + 1));
        item.owner = Some(PersonId(rng.u32(1..=people as u32)));
        item.progress = if item.kind == ItemKind::Task {
            [0, 0, 20, 50, 80, 100][rng.usize(..6)]
        } else {
            0
        };
        item.client_visible = rng.u8(..10) != 0;
        cursor = add_workdays(&calendar, item.finish, 1);

        // Chain within the lane: the long chains that rescheduling pushes along.
        if let Some(previous) = project_items.last()
            && previous.lane == item.lane
        {
            links.push(Link {
                from: previous.id,
                to: id,
                kind: LinkKind::FinishToStart,
                lag_workdays: 0,
            });
        }
        // Links from other workstreams, when the dates already allow them.
        let attempts = if rng.u8(..4) == 0 { 2 } else { 1 };
        for _ in 0..attempts {
            if index == 0 {
                break;
            }
            let from_index = rng.usize(index.saturating_sub(200)..index);
            let from = &project_items[from_index];
            let kind = LinkKind::ALL[rng.usize(..4)];
            let holds = match kind {
                LinkKind::FinishToStart => from.finish < item.start,
                LinkKind::StartToStart => from.start <= item.start,
                LinkKind::FinishToFinish => from.finish <= item.finish,
                LinkKind::StartToFinish => from.start <= item.finish,
            };
            let duplicate = links
                .iter()
                .rev()
                .take(4)
                .any(|link| link.from == from.id && link.to == id);
            if holds && from.lane != item.lane && !duplicate {
                links.push(Link {
                    from: from.id,
                    to: id,
                    kind,
                    lag_workdays: 0,
                });
            }
        }
        project_items.push(item);
    }

    let last_day = project_items
        .iter()
        .map(|item| item.finish)
        .max()
        .unwrap_or(first_day);
    let span_days = (last_day - first_day).num_days().max(1) as u64;
    let day = |offset: u64| {
        first_day
            .checked_add_days(Days::new(offset % span_days))
            .unwrap_or(first_day)
    };

    let baseline = Baseline {
        id: BaselineId(1),
        name: "Kick-off plan".to_owned(),
        taken: first_day,
        items: project_items
            .iter()
            .map(|item| BaselineItem {
                item: item.id,
                start: item.start,
                finish: item.finish,
                name: item.name.clone(),
                progress: 0,
            })
            .collect(),
    };
    let meeting_count = (items / 100).max(3);
    let meetings = (1..=meeting_count)
        .map(|n| Meeting {
            id: MeetingId(n as u32),
            date: day(n as u64 * 7),
            time: Some(format!("{:02}:30", 9 + n % 8)),
            title: format!("Weekly status {n}"),
            channel: Channel::ALL[n % Channel::ALL.len()],
            participants: vec![
                Participant {
                    name: "Person 1".to_owned(),
                    client_side: false,
                },
                Participant {
                    name: "Person 4".to_owned(),
                    client_side: true,
                },
            ],
            agenda: "Progress, risks, next steps".to_owned(),
            notes: String::new(),
            decisions: vec!["Keep the current plan".to_owned()],
            actions: vec![ActionItem {
                text: "Send the updated timeline".to_owned(),
                owner: Some(PersonId(1).into()),
                due: Some(day(n as u64 * 7 + 2)),
                item: Some(ItemId(rng.u32(1..=items.max(1) as u32))).filter(|_| items > 0),
                done: rng.bool(),
            }],
            items: Vec::new(),
            confirmed_by_client: rng.bool(),
            client_visible: true,
        })
        .collect();
    let risk_count = (items / 100).max(3);
    let risks = (1..=risk_count)
        .map(|n| {
            let probability = rng.u8(1..=5);
            let impact = rng.u8(1..=5);
            Risk {
                id: RiskId(n as u32),
                title: format!("Risk {n}"),
                description: "Something that could delay the work".to_owned(),
                category: RiskCategory::ALL[n % RiskCategory::ALL.len()],
                probability,
                impact,
                response: RiskResponse::ALL[n % RiskResponse::ALL.len()],
                mitigation: "Watch it weekly".to_owned(),
                contingency: String::new(),
                trigger: String::new(),
                owner: Some(PersonId(1).into()),
                status: RiskStatus::ALL[n % RiskStatus::ALL.len()],
                identified: first_day,
                review: Some(day(n as u64 * 11)),
                items: if items > 0 {
                    vec![ItemId(rng.u32(1..=items as u32))]
                } else {
                    Vec::new()
                },
                history: vec![RiskAssessment {
                    date: first_day,
                    probability,
                    impact,
                }],
                client_visible: n % 3 == 0,
            }
        })
        .collect();

    let project = Project {
        name: format!("Generated project ({items} items, seed {seed})"),
        client: Client {
            name: "Example Client Ltd.".to_owned(),
            contact: "client@example.com".to_owned(),
        },
        goal: "A project large enough to measure Milepost".to_owned(),
        scope: Scope {
            included: vec!["Everything generated".to_owned()],
            excluded: Vec::new(),
        },
        calendar,
        team,
        lanes,
        items: project_items,
        links,
        baselines: vec![baseline],
        meetings,
        risks,
        retrospectives: Vec::new(),
        meeting_cadence_days: Some(7),
    };
    // The links were drawn where plain dates allowed them; the scheduling rules (milestones at
    // the end of their day, working days) may ask for a little more: apply the push-later rule.
    crate::schedule::settled(&project).unwrap_or(project)
}
