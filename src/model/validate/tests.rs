//! Validation: each rule refuses what it should and names where.

use proptest::prelude::*;

use super::*;
use crate::model::{Lane, LaneId, LinkKind};

fn links(pairs: &[(u32, u32)]) -> Vec<Link> {
    pairs
        .iter()
        .map(|&(from, to)| Link {
            from: ItemId(from),
            to: ItemId(to),
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        })
        .collect()
}

fn ids() -> impl Strategy<Value = Vec<u32>> {
    prop_oneof![
        proptest::collection::vec(0u32..40, 0..30),
        proptest::collection::vec(prop_oneof![0u32..5, any::<u32>()], 0..30),
    ]
}

proptest! {
    #[test]
    fn the_id_set_is_a_set(ids in ids(), probes in proptest::collection::vec(any::<u32>(), 0..20)) {
        let (set, repeated) = IdSet::new(ids.clone());
        let reference: HashSet<u32> = ids.iter().copied().collect();
        prop_assert_eq!(repeated, reference.len() != ids.len(), "repeats noticed");
        for id in ids.iter().chain(&probes) {
            prop_assert_eq!(set.contains(*id), reference.contains(id), "{}", id);
        }
    }

    #[test]
    fn the_quick_loop_check_agrees_with_find_cycle(
        pairs in proptest::collection::vec((0u32..12, 0u32..12), 0..20),
        far in proptest::option::of(1_000_000u32..),
    ) {
        let mut all = links(&pairs);
        if let Some(far) = far {
            // One id far beyond the others: the check leaves it to `find_cycle`.
            all.extend(links(&[(far, 3)]));
        }
        let quick = acyclic(&all);
        prop_assert!(far.is_none() || quick.is_none(), "sparse ids are left to find_cycle");
        if let Some(quick) = quick {
            prop_assert_eq!(quick, find_cycle(&all).is_none(), "{:?}", pairs);
        }
    }
}

#[test]
fn sparse_ids_are_checked_like_dense_ones() {
    let far = 4_000_000_000;
    let mut project = Project::named("Sparse");
    project.lanes = vec![
        Lane {
            id: LaneId(far),
            name: "A".to_owned(),
        },
        Lane {
            id: LaneId(1),
            name: "B".to_owned(),
        },
        Lane {
            id: LaneId(far),
            name: "C".to_owned(),
        },
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let mut item = crate::model::Item::task(ItemId(far), "Far", start, start);
    item.lane = Some(LaneId(far - 1));
    project.items = vec![item];
    project.links = links(&[(far, far)]);
    let problems = validate(&project);
    let paths: Vec<_> = problems.iter().map(|problem| &problem.path).collect();
    assert_eq!(
        paths,
        [
            &vec![
                Step::Field("project"),
                Step::Field("lanes"),
                Step::Index(2),
                Step::Field("id")
            ],
            &vec![
                Step::Field("project"),
                Step::Field("items"),
                Step::Index(0),
                Step::Field("lane")
            ],
            &vec![Step::Field("project"), Step::Field("links"), Step::Index(0)],
        ],
        "the repeated lane, the missing lane and the loop: {problems:?}"
    );
}

#[test]
fn a_problem_is_worded_in_the_language_it_is_shown_in() {
    use crate::i18n::{Language, set_language};
    let mut project = Project::named("Plan");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let mut item = crate::model::Item::task(ItemId(1), "Build", start, start);
    item.lane = Some(LaneId(7));
    project.items = vec![item.clone(), item];
    set_language(Language::English);
    let problems = validate(&project);
    let texts = |problems: &[Problem]| -> Vec<String> {
        problems
            .iter()
            .map(|problem| problem.message.text())
            .collect()
    };
    let english = texts(&problems);
    assert!(
        english
            .iter()
            .any(|text| text.contains("duplicate item id 1")),
        "English: {english:?}"
    );
    // The same problems, found in English, read in Chinese once the language changes.
    set_language(Language::Chinese);
    let chinese = texts(&problems);
    set_language(Language::English);
    assert!(
        chinese.iter().any(|text| text.contains("重复的任务编号 1")),
        "Chinese: {chinese:?}"
    );
    assert!(
        chinese
            .iter()
            .all(|text| !text.contains("item") && !text.contains("lane")),
        "no English word is left in: {chinese:?}"
    );
}
