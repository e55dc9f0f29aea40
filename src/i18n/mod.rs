//! The language of every user-visible string: English or Simplified Chinese.
//!
//! Strings live in `locales/*.yml` and are looked up with [`tr!`](crate::tr), or kept as a
//! [`Message`] (a key with arguments) and translated when shown. The language is kept per
//! thread, so that tests rendering in different languages can run side by side.

mod date_input;
mod dates;
mod message;

use std::cell::Cell;

pub use date_input::{DateInputError, parse_date};
pub use dates::{DateStyle, format_date, format_span};
pub use message::Message;

/// A language Milepost speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Simplified Chinese.
    Chinese,
}

impl Language {
    /// Both languages, in menu order.
    pub const ALL: [Self; 2] = [Self::English, Self::Chinese];

    /// The locale code used in `locales/app.yml`.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Chinese => "zh-CN",
        }
    }

    /// The language's own name, as shown in the menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Chinese => "简体中文",
        }
    }

    /// The language for a BCP-47 locale such as `zh-CN` or `en-US`; English unless Chinese.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Self::Chinese
        } else {
            Self::English
        }
    }

    /// The language of the system locale.
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |locale| Self::from_locale(&locale))
    }
}

/// A thing counted in the interface, written "1 item" for one and "2 items" otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    /// Tasks, milestones and buffers.
    Items,
    /// Dependencies.
    Links,
    /// Working days.
    Workdays,
}

impl Noun {
    /// The key of the count's words: singular for one (or minus one), plural otherwise.
    pub fn key(self, count: i64) -> &'static str {
        let one = count.abs() == 1;
        match (self, one) {
            (Self::Items, true) => "count.items_one",
            (Self::Items, false) => "count.items",
            (Self::Links, true) => "count.links_one",
            (Self::Links, false) => "count.links",
            (Self::Workdays, true) => "count.workdays_one",
            (Self::Workdays, false) => "count.workdays",
        }
    }
}

/// `count` of `noun` in the current language: "1 item", "2 items", "1 个工作日".
pub fn counted(noun: Noun, count: impl TryInto<i64> + std::fmt::Display + Copy) -> String {
    let number = count.try_into().unwrap_or(i64::MAX);
    crate::tr!(noun.key(number), count = count).into_owned()
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language of this thread.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Sets the language of this thread.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// Looks up a string in the current language: `tr!("menu.save")`,
/// `tr!("status.saved_to", path = "a.ron")`.
#[macro_export]
macro_rules! tr {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        rust_i18n::t!($key, locale = $crate::i18n::language().code() $(, $name = $value)*)
    };
}
