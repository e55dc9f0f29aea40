//! Every kind of edit, in random sequences on generated projects: undo restores the project
//! exactly, redo gives the same result again, no link is left violated and the project stays
//! sound. A refused edit changes nothing.

use chrono::{Days, NaiveDate};
use milepost::cli::generate;
use milepost::edit::{Edit, Header, History, Message};
use milepost::model::{
    ActionItem, BaselineId, Criterion, Holiday, ItemId, ItemKind, Lane, LaneId, Link, LinkKind,
    Meeting, MeetingId, Person, PersonId, Project, Retrospective, RetrospectiveId, Risk,
    RiskAssessment, RiskCategory, RiskId, RiskResponse, RiskStatus, Weekday, next_id, validate,
};
use milepost::schedule::{WorkCalendar, settled, take_baseline, violated_links};
use proptest::prelude::*;

/// Every variant of [`Edit`], without its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    AddItem,
    DeleteItem,
    RenameItem,
    MoveItem,
    ResizeItem,
    SetProgress,
    SetOwner,
    SetLane,
    SetKind,
    SetNotes,
    SetClientVisible,
    SetDeadline,
    SetCriteria,
    SetBufferLength,
    RestoreBuffer,
    AddLink,
    RemoveLink,
    ChangeLink,
    AddLane,
    RenameLane,
    ReorderLanes,
    DeleteLane,
    AddPerson,
    UpdatePerson,
    RemovePerson,
    SetCalendar,
    SetHeader,
    AddMeeting,
    UpdateMeeting,
    RemoveMeeting,
    AddRisk,
    UpdateRisk,
    RemoveRisk,
    AddRetrospective,
    UpdateRetrospective,
    RemoveRetrospective,
    AddBaseline,
    UpdateBaseline,
    RemoveBaseline,
    Batch,
}

/// Every variant, in declaration order; the strategy draws from this list.
const ALL: [Variant; 40] = [
    Variant::AddItem,
    Variant::DeleteItem,
    Variant::RenameItem,
    Variant::MoveItem,
    Variant::ResizeItem,
    Variant::SetProgress,
    Variant::SetOwner,
    Variant::SetLane,
    Variant::SetKind,
    Variant::SetNotes,
    Variant::SetClientVisible,
    Variant::SetDeadline,
    Variant::SetCriteria,
    Variant::SetBufferLength,
    Variant::RestoreBuffer,
    Variant::AddLink,
    Variant::RemoveLink,
    Variant::ChangeLink,
    Variant::AddLane,
    Variant::RenameLane,
    Variant::ReorderLanes,
    Variant::DeleteLane,
    Variant::AddPerson,
    Variant::UpdatePerson,
    Variant::RemovePerson,
    Variant::SetCalendar,
    Variant::SetHeader,
    Variant::AddMeeting,
    Variant::UpdateMeeting,
    Variant::RemoveMeeting,
    Variant::AddRisk,
    Variant::UpdateRisk,
    Variant::RemoveRisk,
    Variant::AddRetrospective,
    Variant::UpdateRetrospective,
    Variant::RemoveRetrospective,
    Variant::AddBaseline,
    Variant::UpdateBaseline,
    Variant::RemoveBaseline,
    Variant::Batch,
];

/// The variant of `edit`. Adding a variant to [`Edit`] stops this from compiling until the
/// variant is added here, to [`Variant`], to [`ALL`] and to [`make`].
fn variant_of(edit: &Edit) -> Variant {
    match edit {
        Edit::AddItem { .. } => Variant::AddItem,
        Edit::DeleteItem { .. } => Variant::DeleteItem,
        Edit::RenameItem { .. } => Variant::RenameItem,
        Edit::MoveItem { .. } => Variant::MoveItem,
        Edit::ResizeItem { .. } => Variant::ResizeItem,
        Edit::SetProgress { .. } => Variant::SetProgress,
        Edit::SetOwner { .. } => Variant::SetOwner,
        Edit::SetLane { .. } => Variant::SetLane,
        Edit::SetKind { .. } => Variant::SetKind,
        Edit::SetNotes { .. } => Variant::SetNotes,
        Edit::SetClientVisible { .. } => Variant::SetClientVisible,
        Edit::SetDeadline { .. } => Variant::SetDeadline,
        Edit::SetCriteria { .. } => Variant::SetCriteria,
        Edit::SetBufferLength { .. } => Variant::SetBufferLength,
        Edit::RestoreBuffer { .. } => Variant::RestoreBuffer,
        Edit::AddLink { .. } => Variant::AddLink,
        Edit::RemoveLink { .. } => Variant::RemoveLink,
        Edit::ChangeLink { .. } => Variant::ChangeLink,
        Edit::AddLane { .. } => Variant::AddLane,
        Edit::RenameLane { .. } => Variant::RenameLane,
        Edit::ReorderLanes { .. } => Variant::ReorderLanes,
        Edit::DeleteLane { .. } => Variant::DeleteLane,
        Edit::AddPerson { .. } => Variant::AddPerson,
        Edit::UpdatePerson { .. } => Variant::UpdatePerson,
        Edit::RemovePerson { .. } => Variant::RemovePerson,
        Edit::SetCalendar { .. } => Variant::SetCalendar,
        Edit::SetHeader { .. } => Variant::SetHeader,
        Edit::AddMeeting { .. } => Variant::AddMeeting,
        Edit::UpdateMeeting { .. } => Variant::UpdateMeeting,
        Edit::RemoveMeeting { .. } => Variant::RemoveMeeting,
        Edit::AddRisk { .. } => Variant::AddRisk,
        Edit::UpdateRisk { .. } => Variant::UpdateRisk,
        Edit::RemoveRisk { .. } => Variant::RemoveRisk,
        Edit::AddRetrospective { .. } => Variant::AddRetrospective,
        Edit::UpdateRetrospective { .. } => Variant::UpdateRetrospective,
        Edit::RemoveRetrospective { .. } => Variant::RemoveRetrospective,
        Edit::AddBaseline { .. } => Variant::AddBaseline,
        Edit::UpdateBaseline { .. } => Variant::UpdateBaseline,
        Edit::RemoveBaseline { .. } => Variant::RemoveBaseline,
        Edit::Batch { .. } => Variant::Batch,
    }
}

/// The random numbers an edit is made from, against the project as it is when it applies.
#[derive(Clone, Copy, Debug)]
struct Dice {
    a: u32,
    b: u32,
    days: u64,
    length: u64,
    flag: bool,
}

fn dice() -> impl Strategy<Value = Dice> {
    (
        any::<u32>(),
        any::<u32>(),
        0_u64..90,
        0_u64..8,
        any::<bool>(),
    )
        .prop_map(|(a, b, days, length, flag)| Dice {
            a,
            b,
            days,
            length,
            flag,
        })
}

/// The `n`th of `count` things, or one past the end (an id that does not exist) now and then.
fn pick(n: u32, count: usize) -> usize {
    if count == 0 || n.is_multiple_of(13) {
        count
    } else {
        n as usize % count
    }
}

fn day(project: &Project, offset: u64) -> NaiveDate {
    let first = project
        .items
        .iter()
        .map(|item| item.start)
        .min()
        .or_else(|| NaiveDate::from_ymd_opt(2027, 1, 4))
        .expect("a first day");
    first
        .checked_add_days(Days::new(offset))
        .expect("dates in range")
}

fn item_id(project: &Project, n: u32) -> ItemId {
    project.items.get(pick(n, project.items.len())).map_or(
        ItemId(next_id(project.items.iter().map(|i| i.id.0))),
        |item| item.id,
    )
}

/// A buffer when there is one (so buffer edits often land), else any item.
fn buffer_id(project: &Project, n: u32) -> ItemId {
    let buffers: Vec<ItemId> = project
        .items
        .iter()
        .filter(|item| item.kind == ItemKind::Buffer)
        .map(|item| item.id)
        .collect();
    buffers
        .get(n as usize % buffers.len().max(1))
        .copied()
        .unwrap_or_else(|| item_id(project, n))
}

fn lane_id(project: &Project, n: u32) -> LaneId {
    project.lanes.get(pick(n, project.lanes.len())).map_or(
        LaneId(next_id(project.lanes.iter().map(|l| l.id.0))),
        |lane| lane.id,
    )
}

fn person_id(project: &Project, n: u32) -> PersonId {
    project.team.get(pick(n, project.team.len())).map_or(
        PersonId(next_id(project.team.iter().map(|p| p.id.0))),
        |p| p.id,
    )
}

/// The id an add names (a fresh one, now and then a taken one) or an update names (a taken
/// one, now and then 0, which no record has), among `ids`.
fn id_for(add: bool, a: u32, b: u32, ids: impl Iterator<Item = u32>) -> u32 {
    let ids: Vec<u32> = ids.collect();
    if add && !a.is_multiple_of(11) {
        next_id(ids.iter().copied())
    } else {
        existing(b, ids.into_iter())
    }
}

/// The `n`th of `ids`, or now and then 0, which no record has.
fn existing(n: u32, ids: impl Iterator<Item = u32>) -> u32 {
    let ids: Vec<u32> = ids.collect();
    ids.get(pick(n, ids.len())).copied().unwrap_or(0)
}

fn kind(n: u32) -> LinkKind {
    LinkKind::ALL[n as usize % LinkKind::ALL.len()]
}

fn meeting(project: &Project, id: MeetingId, dice: Dice) -> Meeting {
    Meeting {
        id,
        date: day(project, dice.days),
        time: dice.flag.then(|| "10:30".to_owned()),
        title: format!("Meeting {}", dice.a % 100),
        channel: milepost::model::Channel::ALL[dice.b as usize % 3],
        participants: Vec::new(),
        agenda: String::new(),
        notes: String::new(),
        decisions: vec!["Go on".to_owned()],
        actions: vec![ActionItem {
            text: "Follow up".to_owned(),
            owner: Some(person_id(project, dice.a).into()),
            due: None,
            item: Some(item_id(project, dice.b)),
            done: false,
        }],
        items: vec![item_id(project, dice.a)],
        confirmed_by_client: false,
        client_visible: dice.flag,
    }
}

fn risk(project: &Project, id: RiskId, dice: Dice) -> Risk {
    let probability = (dice.a % 5) as u8 + 1;
    let impact = (dice.b % 5) as u8 + 1;
    Risk {
        id,
        title: format!("Risk {}", dice.a % 100),
        description: "Could slip".to_owned(),
        category: RiskCategory::ALL[dice.a as usize % RiskCategory::ALL.len()],
        probability,
        impact,
        response: RiskResponse::ALL[dice.b as usize % RiskResponse::ALL.len()],
        mitigation: String::new(),
        contingency: String::new(),
        trigger: String::new(),
        owner: dice.flag.then(|| person_id(project, dice.b).into()),
        status: RiskStatus::ALL[dice.a as usize % RiskStatus::ALL.len()],
        identified: day(project, 0),
        review: None,
        items: vec![item_id(project, dice.a)],
        history: vec![RiskAssessment {
            date: day(project, 0),
            probability,
            impact,
        }],
        client_visible: dice.flag,
    }
}

fn retrospective(project: &Project, id: RetrospectiveId, dice: Dice) -> Retrospective {
    Retrospective {
        id,
        date: day(project, dice.days),
        title: format!("Look back {}", dice.a % 100),
        scope_items: vec![item_id(project, dice.a)],
        went_well: vec!["Kept in touch".to_owned()],
        to_improve: Vec::new(),
        actions: vec![ActionItem {
            text: "Plan earlier".to_owned(),
            owner: Some(person_id(project, dice.b).into()),
            due: None,
            item: Some(item_id(project, dice.b)),
            done: false,
        }],
        client_feedback: String::new(),
        satisfaction: Some((dice.a % 5) as u8 + 1),
        figures: milepost::model::Figures::default(),
    }
}

/// An edit of `variant` made from `dice` against `project`.
#[expect(clippy::too_many_lines, reason = "one arm per variant of Edit")]
fn make(variant: Variant, dice: Dice, project: &Project) -> Edit {
    let Dice {
        a,
        b,
        days,
        length,
        flag,
    } = dice;
    let item = item_id(project, a);
    match variant {
        Variant::AddItem => {
            let id = if a.is_multiple_of(11) {
                item
            } else {
                ItemId(next_id(project.items.iter().map(|i| i.id.0)))
            };
            let start = day(project, days);
            let mut new = if flag {
                milepost::model::Item::milestone(id, "New milestone", start)
            } else {
                milepost::model::Item::task(id, "New task", start, day(project, days + length))
            };
            new.lane = (b.is_multiple_of(3)).then(|| lane_id(project, b));
            Edit::AddItem { item: new }
        }
        Variant::DeleteItem => Edit::DeleteItem { item },
        Variant::RenameItem => Edit::RenameItem {
            item,
            name: format!("Renamed {b}"),
        },
        Variant::MoveItem => Edit::MoveItem {
            item,
            start: day(project, days),
            with_successors: flag,
        },
        Variant::ResizeItem => Edit::ResizeItem {
            item,
            start: day(project, days),
            finish: day(project, days + length),
        },
        Variant::SetProgress => Edit::SetProgress {
            item,
            progress: (b % 110) as u8,
        },
        Variant::SetOwner => Edit::SetOwner {
            item,
            owner: flag.then(|| person_id(project, b)),
        },
        Variant::SetLane => Edit::SetLane {
            item,
            lane: flag.then(|| lane_id(project, b)),
        },
        Variant::SetKind => Edit::SetKind {
            item,
            kind: [ItemKind::Task, ItemKind::Milestone, ItemKind::Buffer][b as usize % 3],
        },
        Variant::SetNotes => Edit::SetNotes {
            item,
            notes: format!("Note {b}"),
        },
        Variant::SetClientVisible => Edit::SetClientVisible {
            item,
            client_visible: flag,
        },
        Variant::SetDeadline => Edit::SetDeadline {
            item,
            deadline: flag.then(|| day(project, days)),
        },
        Variant::SetCriteria => Edit::SetCriteria {
            item,
            criteria: (0..b % 3)
                .map(|n| Criterion {
                    text: format!("Criterion {n}"),
                    done: flag,
                })
                .collect(),
        },
        Variant::SetBufferLength => Edit::SetBufferLength {
            item: buffer_id(project, a),
            planned_workdays: b % 9,
        },
        Variant::RestoreBuffer => Edit::RestoreBuffer {
            item: buffer_id(project, a),
        },
        Variant::AddLink => Edit::AddLink {
            link: Link {
                from: item,
                to: item_id(project, b),
                kind: kind(b),
                lag_workdays: (length as i32) - 3,
            },
        },
        Variant::RemoveLink | Variant::ChangeLink => {
            let (from, to) = project
                .links
                .get(pick(a, project.links.len()))
                .map_or((item, item_id(project, b)), |link| (link.from, link.to));
            if variant == Variant::RemoveLink {
                Edit::RemoveLink { from, to }
            } else {
                Edit::ChangeLink {
                    from,
                    to,
                    kind: kind(b),
                    lag_workdays: (length as i32) - 3,
                }
            }
        }
        Variant::AddLane => Edit::AddLane {
            lane: Lane {
                id: if a.is_multiple_of(11) {
                    lane_id(project, b)
                } else {
                    LaneId(next_id(project.lanes.iter().map(|l| l.id.0)))
                },
                name: format!("Lane {b}"),
            },
        },
        Variant::RenameLane => Edit::RenameLane {
            lane: lane_id(project, a),
            name: format!("Lane {b}"),
        },
        Variant::ReorderLanes => {
            let mut order: Vec<LaneId> = project.lanes.iter().map(|lane| lane.id).collect();
            if !order.is_empty() {
                let len = order.len();
                order.rotate_left(a as usize % len);
            }
            if b.is_multiple_of(7) {
                order.pop();
            }
            Edit::ReorderLanes { order }
        }
        Variant::DeleteLane => Edit::DeleteLane {
            lane: lane_id(project, a),
        },
        Variant::AddPerson | Variant::UpdatePerson => {
            let add = variant == Variant::AddPerson;
            let person = Person {
                id: PersonId(id_for(add, a, b, project.team.iter().map(|p| p.id.0))),
                name: format!("Person {b}"),
                role: "Consultant".to_owned(),
                client_side: flag,
                responsibility: String::new(),
            };
            if add {
                Edit::AddPerson { person }
            } else {
                Edit::UpdatePerson { person }
            }
        }
        Variant::RemovePerson => Edit::RemovePerson {
            person: person_id(project, a),
        },
        Variant::SetCalendar => {
            let mut calendar = project.calendar.clone();
            let weekday = Weekday::ALL[a as usize % 7];
            if calendar.workdays.contains(&weekday) {
                if calendar.workdays.len() > 1 {
                    calendar.workdays.retain(|&other| other != weekday);
                }
            } else {
                calendar.workdays.push(weekday);
            }
            if flag {
                calendar.holidays.push(Holiday {
                    name: "Day off".to_owned(),
                    from: day(project, days),
                    to: day(project, days + length % 3),
                });
            }
            Edit::SetCalendar { calendar }
        }
        Variant::SetHeader => {
            let mut header = Header::of(project);
            header.name = format!("Project {b}");
            header.goal = format!("Goal {a}");
            header.meeting_cadence_days = flag.then_some(b % 30);
            Edit::SetHeader { header }
        }
        Variant::AddMeeting | Variant::UpdateMeeting => {
            let add = variant == Variant::AddMeeting;
            let id = MeetingId(id_for(add, a, b, project.meetings.iter().map(|r| r.id.0)));
            let meeting = meeting(project, id, dice);
            if add {
                Edit::AddMeeting { meeting }
            } else {
                Edit::UpdateMeeting { meeting }
            }
        }
        Variant::RemoveMeeting => Edit::RemoveMeeting {
            meeting: MeetingId(existing(a, project.meetings.iter().map(|r| r.id.0))),
        },
        Variant::AddRisk | Variant::UpdateRisk => {
            let add = variant == Variant::AddRisk;
            let id = RiskId(id_for(add, a, b, project.risks.iter().map(|r| r.id.0)));
            let risk = risk(project, id, dice);
            if add {
                Edit::AddRisk { risk }
            } else {
                Edit::UpdateRisk { risk }
            }
        }
        Variant::RemoveRisk => Edit::RemoveRisk {
            risk: RiskId(existing(a, project.risks.iter().map(|r| r.id.0))),
        },
        Variant::AddRetrospective | Variant::UpdateRetrospective => {
            let add = variant == Variant::AddRetrospective;
            let id = RetrospectiveId(id_for(
                add,
                a,
                b,
                project.retrospectives.iter().map(|r| r.id.0),
            ));
            let retrospective = retrospective(project, id, dice);
            if add {
                Edit::AddRetrospective { retrospective }
            } else {
                Edit::UpdateRetrospective { retrospective }
            }
        }
        Variant::RemoveRetrospective => Edit::RemoveRetrospective {
            retrospective: RetrospectiveId(existing(
                a,
                project.retrospectives.iter().map(|r| r.id.0),
            )),
        },
        Variant::AddBaseline | Variant::UpdateBaseline => {
            let add = variant == Variant::AddBaseline;
            let id = BaselineId(id_for(add, a, b, project.baselines.iter().map(|r| r.id.0)));
            let baseline = take_baseline(project, id, &format!("Baseline {b}"), day(project, days));
            if add {
                Edit::AddBaseline { baseline }
            } else {
                Edit::UpdateBaseline { baseline }
            }
        }
        Variant::RemoveBaseline => Edit::RemoveBaseline {
            baseline: BaselineId(existing(a, project.baselines.iter().map(|r| r.id.0))),
        },
        Variant::Batch => Edit::Batch {
            label: Message::new("plan.nudge").arg("count", 2).arg("days", 1),
            edits: vec![
                make(Variant::SetProgress, dice, project),
                make(
                    if flag {
                        Variant::MoveItem
                    } else {
                        Variant::DeleteItem
                    },
                    Dice { a: b, ..dice },
                    project,
                ),
            ],
        },
    }
}

fn scenario() -> impl Strategy<Value = (usize, u64, Vec<(usize, Dice)>)> {
    (
        4_usize..28,
        any::<u64>(),
        prop::collection::vec((0..ALL.len(), dice()), 1..24),
    )
}

/// A generated project with some buffers and a retrospective, so that every edit has
/// something to work on.
fn start_project(items: usize, seed: u64) -> Project {
    let mut project = generate::project(items, seed);
    for item in project.items.iter_mut().skip(2).step_by(5) {
        if item.kind == ItemKind::Task {
            item.kind = ItemKind::Buffer;
            item.planned_workdays = 2;
        }
    }
    let dice = Dice {
        a: 1,
        b: 2,
        days: 5,
        length: 0,
        flag: true,
    };
    let retrospective = retrospective(&project, RetrospectiveId(1), dice);
    project.retrospectives.push(retrospective);
    project
}

fn violations(project: &Project) -> usize {
    violated_links(project, &WorkCalendar::new(&project.calendar)).len()
}

#[test]
fn every_variant_is_listed_once_and_can_be_made() {
    let project = generate::project(30, 7);
    for (index, variant) in ALL.iter().enumerate() {
        assert_eq!(*variant as usize, index, "ALL is in declaration order");
        let dice = Dice {
            a: 1,
            b: 2,
            days: 3,
            length: 2,
            flag: true,
        };
        let edit = make(*variant, dice, &project);
        assert_eq!(variant_of(&edit), *variant, "make builds a {variant:?}");
    }
    assert_eq!(
        ALL.last().copied().map(|v| v as usize),
        Some(Variant::Batch as usize),
        "Batch, the last variant declared, ends the list"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_edit_undoes_exactly_and_keeps_the_plan_sound(
        (items, seed, steps) in scenario()
    ) {
        let start = settled(&start_project(items, seed)).expect("generated links go forward");
        prop_assert_eq!(violations(&start), 0, "settled");
        prop_assert!(validate(&start).is_empty(), "the generated project is sound");
        let mut history = History::new(start.clone());
        // The project after each applied step, the start first.
        let mut states = vec![start];
        for (variant, dice) in steps {
            let edit = make(ALL[variant], dice, history.project());
            prop_assert_eq!(variant_of(&edit), ALL[variant], "made what was drawn");
            let before = history.project().clone();
            match history.apply(edit.clone()) {
                Ok(_) => {
                    states.push(history.project().clone());
                    prop_assert_eq!(violations(history.project()), 0, "links after {:?}", edit);
                    let problems = validate(history.project());
                    prop_assert!(problems.is_empty(), "sound after {:?}: {:?}", edit, problems);
                    prop_assert!(history.undo(), "one step back");
                    prop_assert_eq!(history.project(), &before, "undo of {:?} is exact", edit);
                    prop_assert!(history.redo(), "and forward again");
                }
                Err(_) => {
                    prop_assert_eq!(history.project(), &before, "refused {:?} changes nothing", edit);
                }
            }
        }
        for state in states.iter().rev().skip(1) {
            prop_assert!(history.undo(), "a step to undo");
            prop_assert_eq!(history.project(), state, "each undo gives the state before its step");
        }
        prop_assert!(!history.undo(), "no more steps");
        for state in states.iter().skip(1) {
            prop_assert!(history.redo(), "a step to redo");
            prop_assert_eq!(history.project(), state, "each redo gives the state after its step");
        }
        prop_assert!(!history.redo(), "nothing more to redo");
    }
}
