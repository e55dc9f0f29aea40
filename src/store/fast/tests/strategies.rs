//! Strategies for every part of a project, with texts that need escaping, dates outside the
//! years 0..=9999, large numbers and floats of every kind: the generated documents the fast
//! reader and writer are held against `ron` with.

use super::*;

pub(super) fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('"'),
        Just('\''),
        Just('\\'),
        Just('\n'),
        Just('\r'),
        Just('\t'),
        Just('\0'),
        Just('\u{7f}'),
        Just('\u{1b}'),
        Just('\u{301}'),
        Just('\u{200b}'),
        Just('\u{feff}'),
        Just('\u{2028}'),
        Just('\u{85}'),
        Just('中'),
        Just('文'),
        Just('é'),
        Just('#'),
        Just('/'),
        Just('*'),
        Just('{'),
        Just('}'),
        Just('a'),
        Just(' '),
        Just(','),
        Just(')'),
        any::<char>(),
    ];
    prop_oneof![
        "[a-zA-Z0-9 ,.:()-]{0,12}",
        "\\PC{0,10}",
        proptest::collection::vec(tricky, 0..12).prop_map(|chars| chars.into_iter().collect()),
    ]
}

pub(super) fn texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..3)
}

pub(super) fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (1990i32..2100, 1u32..=12, 1u32..=31).prop_map(|(year, month, day)| {
            NaiveDate::from_ymd_opt(year, month, day.min(28)).expect("a valid date")
        }),
        (-1_000_000i32..4_000_000).prop_map(|days| {
            NaiveDate::from_num_days_from_ce_opt(days).expect("a date chrono represents")
        }),
    ]
}

pub(super) fn number() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..20, any::<u32>()]
}

pub(super) fn small() -> impl Strategy<Value = u8> {
    prop_oneof![0u8..=5, any::<u8>()]
}

pub(super) fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        -100.0f64..100.0,
        Just(0.0),
        Just(-0.0),
        Just(1e300),
        Just(1e-7),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        any::<f64>().prop_filter("NaN is not equal to itself", |value| !value.is_nan()),
    ]
}

pub(super) fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![
        number().prop_map(|id| Owner::Person(PersonId(id))),
        text().prop_map(Owner::Named),
    ]
}

pub(super) fn item_kind() -> impl Strategy<Value = ItemKind> {
    prop::sample::select(vec![ItemKind::Task, ItemKind::Milestone, ItemKind::Buffer])
}

pub(super) fn item() -> impl Strategy<Value = Item> {
    record!(Item {
        id: number().prop_map(ItemId),
        kind: item_kind(),
        name: text(),
        lane: proptest::option::of(number().prop_map(LaneId)),
        start: date(),
        finish: date(),
        owner: proptest::option::of(number().prop_map(PersonId));
        progress: small(),
        client_visible: any::<bool>(),
        notes: text(),
        deadline: proptest::option::of(date()),
        criteria: proptest::collection::vec(
            record!(Criterion {
                text: text(),
                done: any::<bool>(),
            }),
            0..3,
        ),
        planned_workdays: number(),
    })
}

pub(super) fn link() -> impl Strategy<Value = Link> {
    record!(Link {
        from: number().prop_map(ItemId),
        to: number().prop_map(ItemId),
        kind: prop::sample::select(LinkKind::ALL.to_vec()),
        lag_workdays: any::<i32>(),
    })
}

pub(super) fn action() -> impl Strategy<Value = ActionItem> {
    record!(ActionItem {
        text: text(),
        owner: proptest::option::of(owner()),
        due: proptest::option::of(date()),
        item: proptest::option::of(number().prop_map(ItemId)),
        done: any::<bool>(),
    })
}

pub(super) fn meeting() -> impl Strategy<Value = Meeting> {
    record!(Meeting {
        id: number().prop_map(MeetingId),
        date: date(),
        time: proptest::option::of(text()),
        title: text(),
        channel: prop::sample::select(Channel::ALL.to_vec()),
        participants: proptest::collection::vec(
            record!(Participant {
                name: text(),
                client_side: any::<bool>(),
            }),
            0..3,
        ),
        agenda: text();
        notes: text(),
        decisions: texts(),
        actions: proptest::collection::vec(action(), 0..3),
        items: proptest::collection::vec(number().prop_map(ItemId), 0..3),
        confirmed_by_client: any::<bool>(),
        client_visible: any::<bool>(),
    })
}

pub(super) fn risk() -> impl Strategy<Value = Risk> {
    record!(Risk {
        id: number().prop_map(RiskId),
        title: text(),
        description: text(),
        category: prop::sample::select(RiskCategory::ALL.to_vec()),
        probability: small(),
        impact: small(),
        response: prop::sample::select(RiskResponse::ALL.to_vec()),
        mitigation: text(),
        contingency: text();
        trigger: text(),
        owner: proptest::option::of(owner()),
        status: prop::sample::select(RiskStatus::ALL.to_vec()),
        identified: date(),
        review: proptest::option::of(date()),
        items: proptest::collection::vec(number().prop_map(ItemId), 0..3),
        history: proptest::collection::vec(
            record!(RiskAssessment {
                date: date(),
                probability: small(),
                impact: small(),
            }),
            0..3,
        ),
        client_visible: any::<bool>(),
    })
}

pub(super) fn figures() -> impl Strategy<Value = Figures> {
    (
        proptest::collection::vec(number(), 9),
        float(),
        any::<i32>(),
        any::<u8>(),
        proptest::option::of(date()),
    )
        .prop_map(
            |(
                counts,
                average_slip_workdays,
                worst_slip_workdays,
                buffer_consumption_percent,
                last_client_contact,
            )| {
                let mut figures = Figures {
                    average_slip_workdays,
                    worst_slip_workdays,
                    buffer_consumption_percent,
                    last_client_contact,
                    ..Figures::default()
                };
                let fields = [
                    &mut figures.milestones_total,
                    &mut figures.milestones_on_time,
                    &mut figures.milestones_late,
                    &mut figures.tasks_total,
                    &mut figures.tasks_done,
                    &mut figures.risks_open,
                    &mut figures.risks_high,
                    &mut figures.risks_occurred,
                    &mut figures.meetings_held,
                ];
                for (field, count) in fields.into_iter().zip(counts) {
                    *field = count;
                }
                figures
            },
        )
}

pub(super) fn retrospective() -> impl Strategy<Value = Retrospective> {
    record!(Retrospective {
        id: number().prop_map(RetrospectiveId),
        date: date(),
        title: text(),
        scope_items: proptest::collection::vec(number().prop_map(ItemId), 0..3),
        went_well: texts(),
        to_improve: texts(),
        actions: proptest::collection::vec(action(), 0..2),
        client_feedback: text(),
        satisfaction: proptest::option::of(small()),
        figures: figures(),
    })
}

pub(super) fn baseline() -> impl Strategy<Value = Baseline> {
    record!(Baseline {
        id: number().prop_map(BaselineId),
        name: text(),
        taken: date(),
        items: proptest::collection::vec(
            record!(BaselineItem {
                item: number().prop_map(ItemId),
                start: date(),
                finish: date(),
                name: text(),
                progress: small(),
            }),
            0..3,
        ),
    })
}

pub(super) fn calendar() -> impl Strategy<Value = Calendar> {
    (
        proptest::collection::vec(prop::sample::select(Weekday::ALL.to_vec()), 0..8),
        proptest::collection::vec(
            (text(), date(), date()).prop_map(|(name, from, to)| Holiday { name, from, to }),
            0..3,
        ),
        proptest::collection::vec(date(), 0..3),
    )
        .prop_map(|(workdays, holidays, extra_workdays)| Calendar {
            workdays,
            holidays,
            extra_workdays,
        })
}

pub(super) fn project() -> impl Strategy<Value = Project> {
    (
        (
            text(),
            (text(), text()).prop_map(|(name, contact)| Client { name, contact }),
            text(),
            (texts(), texts()).prop_map(|(included, excluded)| Scope { included, excluded }),
            calendar(),
            proptest::collection::vec(
                (number(), text(), text(), any::<bool>(), text()).prop_map(
                    |(id, name, role, client_side, responsibility)| Person {
                        id: PersonId(id),
                        name,
                        role,
                        client_side,
                        responsibility,
                    },
                ),
                0..3,
            ),
            proptest::collection::vec(
                (number(), text()).prop_map(|(id, name)| Lane {
                    id: LaneId(id),
                    name,
                }),
                0..3,
            ),
        ),
        (
            proptest::collection::vec(item(), 0..4),
            proptest::collection::vec(link(), 0..3),
            proptest::collection::vec(baseline(), 0..2),
            proptest::collection::vec(meeting(), 0..2),
            proptest::collection::vec(risk(), 0..2),
            proptest::collection::vec(retrospective(), 0..2),
            proptest::option::of(number()),
        ),
    )
        .prop_map(
            |(
                (name, client, goal, scope, calendar, team, lanes),
                (items, links, baselines, meetings, risks, retrospectives, meeting_cadence_days),
            )| Project {
                name,
                client,
                goal,
                scope,
                calendar,
                team,
                lanes,
                items,
                links,
                baselines,
                meetings,
                risks,
                retrospectives,
                meeting_cadence_days,
            },
        )
}
