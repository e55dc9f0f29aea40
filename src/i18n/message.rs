//! Words kept as a locale key with its arguments and translated each time they are shown, so
//! that a label recorded in one language (an Undo entry, an error) reads in the language the
//! window speaks when it is shown.

use std::fmt;

/// A locale key and its arguments; [`Message::text`] translates it in the current language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The key in `locales/*.yml`.
    key: &'static str,
    /// The values for the key's `%{name}` placeholders, in order.
    args: Vec<(&'static str, Arg)>,
}

/// The value of one placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Arg {
    /// Text shown as it is (a name, a number).
    Text(String),
    /// Words translated with the rest.
    Message(Message),
}

impl Message {
    /// The words of `key`, without arguments yet.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Fills the placeholder `name` with `value`, shown as it is.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Fills the placeholder `name` with other words, translated with these.
    #[must_use]
    pub fn nest(mut self, name: &'static str, value: Self) -> Self {
        self.args.push((name, Arg::Message(value)));
        self
    }

    /// `count` of `noun`, singular for one: "1 item", "2 items".
    pub fn counted(noun: super::Noun, count: i64) -> Self {
        Self::new(noun.key(count)).arg("count", count)
    }

    /// The key in `locales/*.yml`.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The words in the language of this thread.
    pub fn text(&self) -> String {
        let template = rust_i18n::t!(self.key, locale = super::language().code());
        if self.args.is_empty() {
            return template.into_owned();
        }
        let names: Vec<&str> = self.args.iter().map(|(name, _)| *name).collect();
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, value)| match value {
                Arg::Text(text) => text.clone(),
                Arg::Message(message) => message.text(),
            })
            .collect();
        rust_i18n::replace_patterns(&template, &names, &values)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, set_language};

    #[test]
    fn the_same_message_reads_in_the_language_of_the_moment() {
        let message = Message::new("edit.pushed")
            .nest("label", Message::new("edit.add_item").arg("name", "Build"))
            .arg("count", 2);
        set_language(Language::English);
        assert_eq!(message.text(), "Add 'Build', 2 pushed", "English");
        assert_eq!(
            message.text(),
            crate::tr!(
                "edit.pushed",
                label = crate::tr!("edit.add_item", name = "Build"),
                count = 2
            ),
            "as tr! says it"
        );
        set_language(Language::Chinese);
        assert_eq!(message.text(), "添加“Build”，推迟 2 项", "Chinese");
        set_language(Language::English);
    }

    #[test]
    fn a_message_without_arguments_is_its_key_translated() {
        set_language(Language::Chinese);
        assert_eq!(
            Message::new("edit.reorder_lanes").to_string(),
            "调整分组顺序",
            "no placeholders"
        );
        set_language(Language::English);
    }
}
