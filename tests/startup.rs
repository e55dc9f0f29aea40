//! The window as it starts: the file it opens with is read on a thread, so that the first frame
//! is drawn at once, without the empty project behind it and without a progress card.
#![cfg(feature = "gui")]

mod common;
mod window_harness;

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use milepost::i18n::Language;
use milepost::ui::Startup;
use milepost::ui::theme::ThemeChoice;
use window_harness::{SIZE, build};

#[test]
fn a_file_given_at_start_opens_after_the_first_frame_without_a_card() {
    // Large enough to take longer to read than a frame takes to draw.
    let project = milepost::cli::generate::project(5_000, 9);
    let (_folder, path) = common::saved_project("generated.ron", &project);
    let startup = Startup {
        file: Some(path),
        open_in_background: true,
        ..window_harness::startup(Language::English, ThemeChoice::Light)
    };
    let mut harness = build(startup, SIZE);
    harness.step();
    assert_ne!(
        harness.state().project().name,
        project.name,
        "the first frame is drawn before the file is read"
    );
    assert!(
        harness.query_by_label_contains("Untitled").is_none(),
        "the empty project behind the file is not shown"
    );
    assert!(
        harness.query_by_label_contains("Opening ").is_none(),
        "no progress card at once"
    );

    let started = Instant::now();
    while harness.state().project().name != project.name {
        assert!(started.elapsed() < Duration::from_mins(1), "the file opens");
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.step();
    assert!(
        harness.query_by_label_contains(&project.name).is_some(),
        "the project is drawn once it is read"
    );
}

#[test]
fn the_same_file_opens_before_the_first_frame_when_asked() {
    let (_folder, path) = common::temp_file("minimal.ron", common::MINIMAL);
    let startup = Startup {
        file: Some(path),
        ..window_harness::startup(Language::English, ThemeChoice::Light)
    };
    let mut harness = build(startup, SIZE);
    harness.step();
    assert_eq!(harness.state().project().name, "CRM rollout");
}
