//! The Risks tab driven through the real window: adding a risk lands in its heat-map cell,
//! probability changes grow the history and undo takes them back, linked items carry a badge on
//! the timeline, a cell filters the register, typed text is never lost, the register survives a
//! save and load, and snapshots in both languages.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use common::round_trip;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use milepost::i18n::Language;
use milepost::model::{ItemId, Owner, Risk, RiskId};
use milepost::report::RiskLevel;
use milepost::ui::theme::ThemeChoice;
use milepost::ui::{App, Startup};
use window_harness::{
    DrawnText, SIZE, click, click_containing, click_role, date, scroll_and_click, started,
    texts_drawn, today, undo,
};

/// "Legacy data quality worse than expected": 4 × 4, open, linked to items 17, 19, 20, 21.
const DATA_QUALITY: &str = "Legacy data quality worse than expected";
/// "Quote approval thresholds still changing": 3 × 3, open, review overdue on 27 Nov.
const QUOTE_THRESHOLDS: &str = "Quote approval thresholds still changing";
/// A task no risk threatens in the sample.
const SALES_WORKSHOPS: ItemId = ItemId(2);

fn startup(language: Language) -> Startup {
    window_harness::startup(language, ThemeChoice::Light)
}

fn harness_with(startup: Startup) -> Harness<'static, App> {
    started(startup, SIZE)
}

/// The English sample with the Risks tab in front.
fn risks_tab() -> Harness<'static, App> {
    let mut harness = harness_with(startup(Language::English));
    click(&mut harness, "Risks");
    harness
}

fn cell_label(harness: &Harness<'static, App>, probability: u8, impact: u8) -> String {
    let prefix = format!("Probability {probability}, impact {impact}: ");
    harness
        .get_by_label_contains(&prefix)
        .accesskit_node()
        .label()
        .expect("the cell has a label")
}

/// Focuses the field of `role` labelled `label` and types `text` into it, without leaving it.
fn type_without_leaving(
    harness: &mut Harness<'static, App>,
    role: egui::Role,
    label: &str,
    text: &str,
) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

fn risk_titled<'a>(harness: &'a Harness<'static, App>, title: &str) -> &'a milepost::model::Risk {
    harness
        .state()
        .project()
        .risks
        .iter()
        .find(|risk| risk.title == title)
        .expect("the risk is in the register")
}

#[test]
fn a_new_risk_is_counted_in_its_heat_map_cell() {
    let mut harness = risks_tab();
    assert_eq!(
        cell_label(&harness, 3, 3),
        "Probability 3, impact 3: 1 open",
        "the sample has one open 3 × 3 risk"
    );
    let before = harness.state().project().risks.len();
    click(&mut harness, "New risk");

    let project = harness.state().project();
    assert_eq!(project.risks.len(), before + 1, "one risk added");
    let added = project.risks.last().expect("a risk");
    assert_eq!(added.id, RiskId(9), "the next free id");
    assert_eq!(added.identified, today(), "identified today");
    assert_eq!(
        (added.probability, added.impact),
        (3, 3),
        "a new risk starts at 3 × 3"
    );
    assert_eq!(added.history.len(), 1, "its first assessment is recorded");
    assert_eq!(
        cell_label(&harness, 3, 3),
        "Probability 3, impact 3: 2 open",
        "the heat map counts it"
    );
    // The editor shows the new risk.
    assert_eq!(
        harness
            .get_by_role_and_label(egui::Role::TextInput, "Title")
            .value()
            .as_deref(),
        Some("New risk"),
        "the new risk is in the editor"
    );

    undo(&mut harness);
    assert_eq!(
        cell_label(&harness, 3, 3),
        "Probability 3, impact 3: 1 open",
        "undo takes it out of the cell"
    );
}

#[test]
fn changing_the_probability_grows_the_history_and_undo_takes_it_back() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    let before = risk_titled(&harness, DATA_QUALITY).clone();
    assert_eq!(before.probability, 4, "the sample's probability");

    harness
        .get_by_role_and_label(egui::Role::Slider, "Probability")
        .set_value_accesskit(2.0);
    harness.run();
    let after = risk_titled(&harness, DATA_QUALITY);
    assert_eq!(
        (after.probability, after.impact),
        (2, 4),
        "probability changed"
    );
    assert_eq!(
        after.history.len(),
        before.history.len() + 1,
        "the change is recorded"
    );
    let last = after.history.last().expect("an assessment");
    assert_eq!(
        (last.date, last.probability, last.impact),
        (today(), 2, 4),
        "dated today, with the new values"
    );
    assert_eq!(
        cell_label(&harness, 2, 4),
        "Probability 2, impact 4: 1 open",
        "the heat map follows"
    );
    assert_eq!(
        cell_label(&harness, 4, 4),
        "Probability 4, impact 4: 0 open",
        "and leaves its old cell"
    );

    undo(&mut harness);
    assert_eq!(
        risk_titled(&harness, DATA_QUALITY),
        &before,
        "one undo step restores probability and history together"
    );
}

/// `key` pressed, as an input event.
fn key_event(key: Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

#[test]
fn a_number_typed_into_probability_is_one_assessment_when_the_field_is_left() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    let before = risk_titled(&harness, DATA_QUALITY).clone();
    // The number beside the probability slider: the first spin button of the editor.
    harness
        .query_all_by_role(egui::Role::SpinButton)
        .next()
        .expect("the probability's number")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    for event in [
        egui::Event::Text("1".to_owned()),
        key_event(Key::Backspace),
        egui::Event::Text("2".to_owned()),
    ] {
        harness.event(event);
        harness.run();
    }
    assert_eq!(
        risk_titled(&harness, DATA_QUALITY),
        &before,
        "nothing is recorded while the number is being typed"
    );
    harness.key_press(Key::Enter);
    harness.run();
    let after = risk_titled(&harness, DATA_QUALITY);
    assert_eq!(after.probability, 2, "the number typed lands");
    assert_one_assessment_more(&before, after);
    undo_to(&mut harness, &before, "one undo step takes it back");
}

/// `after` has one assessment more than `before`.
fn assert_one_assessment_more(before: &Risk, after: &Risk) {
    assert_eq!(
        after.history.len(),
        before.history.len() + 1,
        "one assessment more: {:?}",
        after.history
    );
}

/// Undoes one step and checks that the sample's data-quality risk is `expected` again.
fn undo_to(harness: &mut Harness<'static, App>, expected: &Risk, what: &str) {
    undo(harness);
    assert_eq!(risk_titled(harness, DATA_QUALITY), expected, "{what}");
}

#[test]
fn a_second_change_the_same_day_replaces_that_days_assessment() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    let before = risk_titled(&harness, DATA_QUALITY).clone();
    let set = |harness: &mut Harness<'static, App>, label: &str, value: f64| {
        harness
            .get_by_role_and_label(egui::Role::Slider, label)
            .set_value_accesskit(value);
        harness.run();
    };
    set(&mut harness, "Probability", 2.0);
    let first = risk_titled(&harness, DATA_QUALITY).clone();
    set(&mut harness, "Impact", 3.0);
    let after = risk_titled(&harness, DATA_QUALITY);
    assert_eq!((after.probability, after.impact), (2, 3), "both changed");
    assert_one_assessment_more(&before, after);
    let last = after.history.last().expect("an assessment");
    assert_eq!(
        (last.date, last.probability, last.impact),
        (today(), 2, 3),
        "the day's assessment holds the latest values"
    );
    undo_to(&mut harness, &first, "the replacement is one undo step");
    undo_to(&mut harness, &before, "and so was the first");
}

#[test]
fn linking_a_risk_to_a_task_puts_a_badge_on_it() {
    let mut harness = risks_tab();
    assert_eq!(
        harness.state().risk_badge(SALES_WORKSHOPS),
        None,
        "no risk threatens the workshops yet"
    );
    assert_eq!(
        harness.state().risk_badge(ItemId(17)),
        Some(RiskLevel::High),
        "the data cleansing carries the high data-quality risk"
    );
    assert_eq!(
        harness.state().risk_badge(ItemId(10)),
        Some(RiskLevel::Medium),
        "the quotes carry the medium threshold risk"
    );
    assert_eq!(
        harness.state().risk_badge(ItemId(14)),
        Some(RiskLevel::Low),
        "a closed risk does not count; the low Outlook risk does"
    );

    click(&mut harness, QUOTE_THRESHOLDS);
    // Select the task on the timeline, then link the selection.
    click(&mut harness, "Sales process workshops");
    scroll_and_click(&mut harness, "Link the selection");
    assert!(
        risk_titled(&harness, QUOTE_THRESHOLDS)
            .items
            .contains(&SALES_WORKSHOPS),
        "the task is linked"
    );
    assert_eq!(
        harness.state().risk_badge(SALES_WORKSHOPS),
        Some(RiskLevel::Medium),
        "the task now carries the risk's level"
    );
    assert!(
        harness.state().items_on_screen().contains(&SALES_WORKSHOPS),
        "and it is drawn"
    );

    // Closing the risk takes the badge away.
    click_role(&mut harness, egui::Role::ComboBox, "Status");
    // The status list opens over the panel; the register lists a closed risk too.
    harness
        .get_all_by_label("Closed")
        .last()
        .expect("the list offers Closed")
        .click();
    harness.run();
    assert_eq!(
        risk_titled(&harness, QUOTE_THRESHOLDS).status,
        milepost::model::RiskStatus::Closed,
        "closed"
    );
    assert_eq!(
        harness.state().risk_badge(SALES_WORKSHOPS),
        None,
        "only open risks draw badges"
    );
}

/// Clicks the heat-map cell of `probability` × `impact`.
fn click_cell(harness: &mut Harness<'static, App>, probability: u8, impact: u8) {
    let prefix = format!("Probability {probability}, impact {impact}: ");
    click_containing(harness, &prefix);
}

/// Whether the register lists the risk titled `title`.
fn listed(harness: &Harness<'static, App>, title: &str) -> bool {
    harness.query_by_label(title).is_some()
}

#[test]
fn a_heat_map_cell_filters_the_register() {
    let mut harness = risks_tab();
    assert!(
        listed(&harness, QUOTE_THRESHOLDS),
        "every risk is listed at first"
    );
    click_cell(&mut harness, 4, 4);
    assert!(listed(&harness, DATA_QUALITY), "the 4 × 4 risk is listed");
    assert!(!listed(&harness, QUOTE_THRESHOLDS), "a 3 × 3 risk is not");
    click_cell(&mut harness, 4, 4);
    assert!(
        listed(&harness, QUOTE_THRESHOLDS),
        "a second click shows all again"
    );

    click_cell(&mut harness, 3, 3);
    assert!(!listed(&harness, DATA_QUALITY), "filtered to 3 × 3");
    click(&mut harness, "Clear filter");
    assert!(
        listed(&harness, DATA_QUALITY),
        "Clear filter shows all again"
    );
}

#[test]
fn an_overdue_review_is_flagged() {
    let mut harness = risks_tab();
    harness.get_by_label("Reviews overdue: 1");
    harness.get_by_label("! 25 Nov");
    click(&mut harness, QUOTE_THRESHOLDS);
    harness.get_by_label("Review overdue: it was due Wed 25 Nov 2026");
    // No review planned any more: nothing is overdue.
    scroll_and_click(&mut harness, "Planned");
    assert_eq!(
        risk_titled(&harness, QUOTE_THRESHOLDS).review,
        None,
        "the review date is cleared"
    );
    assert!(
        harness.query_by_label("Reviews overdue: 1").is_none(),
        "the count follows"
    );
    scroll_and_click(&mut harness, "Planned");
    assert_eq!(
        risk_titled(&harness, QUOTE_THRESHOLDS).review,
        Some(date(2026, 12, 11)),
        "planned again, two weeks from today"
    );

    // Back to the top of the panel, where the register lays out its rows.
    harness.get_by_label("New risk").scroll_to_me();
    harness.run();
    click(&mut harness, DATA_QUALITY);
    assert!(
        harness
            .query_by_label_contains("Review overdue: it was due")
            .is_none(),
        "a risk reviewed on time is not flagged"
    );
}

#[test]
fn text_typed_is_committed_when_another_risk_is_chosen() {
    let mut harness = risks_tab();
    click(&mut harness, QUOTE_THRESHOLDS);
    let depth = harness.state().history_depth();
    type_without_leaving(
        &mut harness,
        egui::Role::TextInput,
        "Title",
        " for discounts",
    );
    // Straight to another risk, without leaving the field first.
    click(&mut harness, DATA_QUALITY);
    assert_eq!(
        harness
            .get_by_role_and_label(egui::Role::TextInput, "Title")
            .value()
            .as_deref(),
        Some(DATA_QUALITY),
        "the editor turned to the other risk"
    );
    let renamed = format!("{QUOTE_THRESHOLDS} for discounts");
    assert!(
        harness
            .state()
            .project()
            .risks
            .iter()
            .any(|risk| risk.title == renamed),
        "the typed title is kept"
    );
    assert_eq!(
        harness.state().history_depth(),
        depth + 1,
        "one undo step for the field"
    );

    // Text typed further down, then another tab: kept as well.
    let mitigation = harness.get_by_role_and_label(egui::Role::MultilineTextInput, "Mitigation");
    mitigation.scroll_to_me();
    harness.run();
    type_without_leaving(
        &mut harness,
        egui::Role::MultilineTextInput,
        "Mitigation",
        " Escalate to Li Wei.",
    );
    click(&mut harness, "Inspector");
    click(&mut harness, "Risks");
    harness.run();
    assert!(
        risk_titled(&harness, DATA_QUALITY)
            .mitigation
            .ends_with(" Escalate to Li Wei."),
        "the typed mitigation is kept: {:?}",
        risk_titled(&harness, DATA_QUALITY).mitigation
    );
    assert_eq!(
        harness.state().history_depth(),
        depth + 2,
        "one more undo step"
    );
}

#[test]
fn an_owner_from_outside_the_team_is_kept_by_name() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    click_role(&mut harness, egui::Role::ComboBox, "Owner");
    click(&mut harness, "Someone else…");
    assert_eq!(
        risk_titled(&harness, DATA_QUALITY).owner,
        None,
        "someone else: no team member any more"
    );
    type_without_leaving(&mut harness, egui::Role::TextInput, "Owner", "Qian Hui");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        risk_titled(&harness, DATA_QUALITY).owner,
        Some(Owner::Named("Qian Hui".to_owned())),
        "a name from outside the team"
    );
}

#[test]
fn the_register_round_trips_through_ron() {
    let mut harness = risks_tab();
    click(&mut harness, "New risk");
    harness
        .get_by_role_and_label(egui::Role::Slider, "Impact")
        .set_value_accesskit(5.0);
    harness.run();
    click(&mut harness, "Sales process workshops");
    scroll_and_click(&mut harness, "Link the selection");
    let project = harness.state().project().clone();
    let added = project.risks.last().expect("the new risk");
    assert_eq!(
        added.history.len(),
        1,
        "created, then impact changed the same day: one assessment"
    );
    assert_eq!(
        added.history[0].impact, 5,
        "holding the day's latest values"
    );
    assert_eq!(added.items, [SALES_WORKSHOPS], "linked");

    let (_, loaded) = round_trip(&project);
    assert_eq!(loaded.risks, project.risks, "the register survives");
}

#[test]
fn snapshot_panel_risks() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    harness.snapshot("panel_risks");
}

#[test]
fn snapshot_panel_risks_zh() {
    let mut harness = harness_with(Startup {
        file: Some("assets/sample-zh.ron".into()),
        ..startup(Language::Chinese)
    });
    click(&mut harness, "风险");
    click(&mut harness, "期初物料数据质量差");
    harness.snapshot("panel_risks_zh");
}

#[test]
fn snapshot_panel_risks_editor() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    // Twice: the first frames may still settle the heights above.
    for _ in 0..2 {
        harness.get_by_label("Delete risk").scroll_to_me();
        harness.run();
    }
    harness.snapshot("panel_risks_editor");
}

#[test]
fn the_labels_of_the_assessment_history_do_not_overlap() {
    for (file, language, tab, risk, count, delete) in [
        (
            None,
            Language::English,
            "Risks",
            DATA_QUALITY,
            "Assessments:",
            "Delete risk",
        ),
        (
            Some("assets/sample-zh.ron"),
            Language::Chinese,
            "风险",
            "期初物料数据质量差",
            "评估次数：",
            "删除风险",
        ),
    ] {
        let mut harness = harness_with(Startup {
            file: file.map(Into::into),
            ..startup(language)
        });
        click(&mut harness, tab);
        click(&mut harness, risk);
        for _ in 0..2 {
            harness.get_by_label(delete).scroll_to_me();
            harness.run();
        }
        let texts = texts_drawn(&harness);
        let edge = |text: &str| {
            texts
                .iter()
                .find_map(|drawn| drawn.text.starts_with(text).then_some(drawn.rect))
                .unwrap_or_else(|| panic!("{text:?} is drawn"))
        };
        let (above, below) = (edge(count), edge(delete));
        let labels: Vec<&DrawnText> = texts
            .iter()
            .filter(|drawn| {
                drawn.rect.top() >= above.bottom()
                    && drawn.rect.bottom() <= below.top()
                    && drawn.rect.left() >= above.left() - 10.0
                    && drawn.clip.left() >= above.left() - 20.0
                    && !drawn.text.is_empty()
            })
            .collect();
        assert!(labels.len() >= 4, "the chart's labels: {labels:?}");
        for (index, label) in labels.iter().enumerate() {
            assert!(
                label.clip.contains_rect(label.rect),
                "{label:?} shows whole"
            );
            for other in &labels[index + 1..] {
                assert!(
                    !label.rect.intersects(other.rect),
                    "{label:?} overlaps {other:?}"
                );
            }
        }
    }
}

/// The titles of the register, top to bottom, as drawn.
fn listed_titles(harness: &Harness<'static, App>) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = harness
        .state()
        .project()
        .risks
        .iter()
        .filter_map(|risk| {
            let node = harness.query_by_label(&risk.title)?;
            Some((node.rect().top(), risk.title.clone()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, title)| title).collect()
}

#[test]
fn clicking_a_column_heading_sorts_the_register() {
    let mut harness = risks_tab();
    let by_score = listed_titles(&harness);
    assert_eq!(by_score.len(), 8, "every risk is listed");
    assert_eq!(by_score[0], DATA_QUALITY, "the worst score first (4 × 4)");

    click(&mut harness, "Risk");
    let by_title = listed_titles(&harness);
    let mut expected = by_title.clone();
    expected.sort_by_key(|title| title.to_lowercase());
    assert_eq!(by_title, expected, "alphabetical");

    click(&mut harness, "Risk ▲");
    expected.reverse();
    assert_eq!(listed_titles(&harness), expected, "a second click reverses");

    // The review column is beyond the panel's width: the table scrolls to it.
    scroll_and_click(&mut harness, "Review");
    let by_review = listed_titles(&harness);
    assert_eq!(
        by_review.first().map(String::as_str),
        Some(QUOTE_THRESHOLDS),
        "the earliest review (25 Nov) first"
    );
    assert_eq!(
        by_review.last().map(String::as_str),
        Some("Production tenant not ready for the integration test"),
        "a risk without a review date last"
    );
}

#[test]
fn an_item_tooltip_names_its_open_risks() {
    let mut harness = harness_with(startup(Language::English));
    let (left, _) = harness
        .state()
        .item_on_screen(ItemId(17))
        .expect("the data cleansing is drawn");
    // The badge sits on the bar's top-left corner.
    harness.hover_at(left + egui::vec2(1.0, -6.0));
    for _ in 0..40 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("Open risks: 1");
    harness.get_by_label(&format!("{DATA_QUALITY} (16, High)"));
}

#[test]
fn text_typed_for_a_risk_never_lands_in_another_project() {
    let mut harness = risks_tab();
    click(&mut harness, DATA_QUALITY);
    type_without_leaving(&mut harness, egui::Role::TextInput, "Title", " (draft)");
    // Another project opens with a risk of the same id.
    let other = milepost::store::load_str(include_str!("../assets/sample-zh.ron"))
        .expect("the Chinese sample loads")
        .project;
    harness.state_mut().set_project(other.clone());
    harness.run();
    // Leave the field.
    click(&mut harness, "Inspector");
    click(&mut harness, "Risks");
    assert_eq!(
        harness.state().project().risks,
        other.risks,
        "nothing typed for the old project's risk lands in the new one"
    );
    harness.get_by_label("Select a risk in the table to edit it.");
}
