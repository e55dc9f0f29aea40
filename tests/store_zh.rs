//! The store's messages in Simplified Chinese: the language of the thread decides, positions
//! stay the same, and English remains the default.

use milepost::i18n::{self, Language};
use milepost::store::{self, Located, StoreError};

mod common;

use common::{MINIMAL, assert_says};

/// Loads `text` in the current thread's language and returns its first problem.
fn first_problem(text: &str) -> Located {
    store::load_str(text)
        .expect_err("the document must be refused")
        .located()
        .into_iter()
        .next()
        .expect("at least one problem")
}

#[test]
fn english_is_the_default() {
    // A fresh thread has not been told a language.
    let problem = std::thread::spawn(|| {
        assert_eq!(i18n::language(), Language::English, "English by default");
        first_problem(&common::with_reversed_dates())
    })
    .join()
    .expect("the thread finishes");
    assert_eq!(
        problem.message,
        "item 1 'Requirements workshop' finishes (2026-12-01) before it starts (2026-12-04)",
        "the English wording: {problem}"
    );
}

#[test]
fn the_language_belongs_to_the_thread() {
    i18n::set_language(Language::Chinese);
    let english = std::thread::spawn(|| first_problem(&common::with_reversed_dates()))
        .join()
        .expect("the thread finishes");
    assert!(
        english.message.contains("finishes (2026-12-01)"),
        "another thread stays English: {english}"
    );
}

#[test]
fn reversed_dates_are_described_in_chinese_with_their_position() {
    i18n::set_language(Language::Chinese);
    let problem = first_problem(&common::with_reversed_dates());
    assert_eq!(
        problem.message,
        "任务 1“Requirements workshop”的结束日期（2026-12-01）早于开始日期（2026-12-04）",
        "the Chinese wording: {problem}"
    );
    assert_eq!(problem.line, 18, "the line of finish: {problem}");
    assert!(problem.column > 1, "a real column: {problem}");
    assert!(
        problem.to_string().starts_with("18:"),
        "printed with its line: {problem}"
    );
}

#[test]
fn record_kinds_are_translated_too() {
    i18n::set_language(Language::Chinese);
    let text = MINIMAL.replace("(id: 3, kind: Buffer", "(id: 2, kind: Buffer");
    let problem = first_problem(&text);
    assert_eq!(problem.message, "重复的任务编号 2", "{problem}");
    assert_eq!(
        (problem.line, problem.column),
        (23, 14),
        "at the second id: {problem}"
    );

    let text = MINIMAL.replace("owner: Some(1), progress", "owner: Some(4), progress");
    let problem = first_problem(&text);
    assert_says(&problem, &["负责人是团队成员 4，但该成员不存在"]);

    let text = MINIMAL.replace("links: [(from: 1, to: 2,", "links: [(from: 1, to: 9,");
    let problem = first_problem(&text);
    assert_eq!(
        problem.message, "依赖 1 → 9 引用了任务 9，但该任务不存在",
        "{problem}"
    );
    assert_eq!(problem.line, 26, "on the links line: {problem}");
}

#[test]
fn numbers_out_of_range_are_described_in_chinese() {
    i18n::set_language(Language::Chinese);
    let problem = first_problem(&MINIMAL.replace("progress: 40", "progress: 140"));
    assert_says(&problem, &["的进度为 140，不在 0 到 100 之间"]);
    let problem = first_problem(&common::with_two_day_milestone());
    assert_says(&problem, &["必须在同一天开始和结束"]);
}

#[test]
fn a_cycle_is_described_in_chinese() {
    i18n::set_language(Language::Chinese);
    let text = common::with_cycle();
    let problem = first_problem(&text);
    assert!(
        problem.message.starts_with("依赖关系形成了循环："),
        "{problem}"
    );
    let both_items = [
        "“Requirements workshop”（1）",
        "“Requirements signed off”（2）",
    ];
    assert_says(&problem, &both_items);
}

#[test]
fn a_syntax_error_is_introduced_in_chinese_and_keeps_its_position() {
    i18n::set_language(Language::Chinese);
    let problem = first_problem(&MINIMAL[..MINIMAL.len() / 2]);
    // A document cut short says so, and still introduces the parser's words.
    assert!(
        problem.message.starts_with("文档不完整（解析错误："),
        "{problem}"
    );
    assert!(
        problem.line > 1,
        "the position is past the start: {problem}"
    );

    let text = MINIMAL.replace("progress: 40", "progress: \"forty\"");
    let problem = first_problem(&text);
    assert!(problem.message.starts_with("解析错误："), "{problem}");
    assert_eq!(problem.line, 18, "the line of progress: {problem}");
}

#[test]
fn an_error_is_worded_in_the_language_of_the_thread_showing_it() {
    let error = store::load_str(&MINIMAL.replace("format: \"milepost\"", "format: \"other\""))
        .expect_err("not a Milepost document");
    assert!(matches!(error, StoreError::WrongFormat { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("this is not a Milepost document"),
        "English first: {error}"
    );
    i18n::set_language(Language::Chinese);
    assert!(
        error.to_string().starts_with("这不是 Milepost 文档"),
        "then Chinese: {error}"
    );
    let located = error.located();
    assert_eq!(
        (located[0].line, located[0].column),
        (1, 1),
        "no place in the text: {error}"
    );

    let newer = store::load_str(&MINIMAL.replace("version: 1", "version: 2"))
        .expect_err("a newer document");
    assert!(
        newer.to_string().contains("由更新版本的 Milepost 写入"),
        "{newer}"
    );
}

#[test]
fn a_missing_file_is_reported_in_chinese() {
    i18n::set_language(Language::Chinese);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("missing.ron");
    let error = store::load_file(&path).expect_err("there is no file");
    let text = error.to_string();
    assert!(
        text.starts_with("无法读取 ") && text.contains("missing.ron"),
        "{text}"
    );
    assert!(
        std::error::Error::source(&error).is_some(),
        "the I/O error stays the source"
    );
}

#[test]
fn every_store_message_has_english_and_chinese() {
    let keys = common::locale_keys("store");
    assert!(keys > 40, "every message has a key ({keys})");
}
