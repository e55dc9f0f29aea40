//! What the window remembers between runs: the recent files, the language and the theme, as one
//! struct stored under one key.
//!
//! Not for anything about the open project (that is in the session) or how it is looked at
//! (the view).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

use super::theme::ThemeChoice;

/// How many files Open Recent remembers.
pub const RECENT_LIMIT: usize = 10;

/// The key the preferences are stored under.
const KEY: &str = "milepost.prefs";

/// The keys earlier versions stored each preference under; read when [`KEY`] is missing, and
/// removed once the preferences are saved under it.
const OLD_KEY_RECENT: &str = "milepost.recent";
const OLD_KEY_LANGUAGE: &str = "milepost.language";
const OLD_KEY_THEME: &str = "milepost.theme";

/// The preferences of the window, saved when it closes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The files listed in File ▸ Open Recent, newest first.
    pub recent: Vec<PathBuf>,
    /// The language of the window.
    pub language: Language,
    /// Light or dark.
    pub theme: ThemeChoice,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            language: Language::from_system(),
            theme: ThemeChoice::default(),
        }
    }
}

impl Prefs {
    /// The saved preferences, the defaults where nothing is saved.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let Some(storage) = storage else {
            return Self::default();
        };
        if let Some(prefs) = eframe::get_value(storage, KEY) {
            return prefs;
        }
        let defaults = Self::default();
        Self {
            recent: eframe::get_value(storage, OLD_KEY_RECENT).unwrap_or(defaults.recent),
            language: eframe::get_value(storage, OLD_KEY_LANGUAGE).unwrap_or(defaults.language),
            theme: eframe::get_value(storage, OLD_KEY_THEME).unwrap_or(defaults.theme),
        }
    }

    /// Stores the preferences, and forgets the keys of earlier versions.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
        for old in [OLD_KEY_RECENT, OLD_KEY_LANGUAGE, OLD_KEY_THEME] {
            storage.remove_string(old);
        }
    }

    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|known| *known != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use eframe::Storage as _;

    use super::*;

    /// Storage in memory.
    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }

        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }

        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn the_keys_of_earlier_versions_are_read_once() {
        let mut storage = Memory::default();
        let recent = vec![PathBuf::from("/plans/a.ron"), PathBuf::from("/plans/b.ron")];
        eframe::set_value(&mut storage, OLD_KEY_RECENT, &recent);
        eframe::set_value(&mut storage, OLD_KEY_LANGUAGE, &Language::Chinese);
        eframe::set_value(&mut storage, OLD_KEY_THEME, &ThemeChoice::Dark);
        let prefs = Prefs::load(Some(&storage));
        assert_eq!(prefs.recent, recent, "nobody loses their recent files");
        assert_eq!(prefs.language, Language::Chinese);
        assert_eq!(prefs.theme, ThemeChoice::Dark);
        prefs.save(&mut storage);
        assert!(
            storage.get_string(OLD_KEY_RECENT).is_none(),
            "the old keys are gone once saved"
        );
        assert_eq!(
            Prefs::load(Some(&storage)),
            prefs,
            "read back from the one key"
        );
    }

    #[test]
    fn a_missing_field_takes_its_default() {
        let mut storage = Memory::default();
        storage.set_string(KEY, "(theme: Dark)".to_owned());
        let prefs = Prefs::load(Some(&storage));
        assert_eq!(prefs.theme, ThemeChoice::Dark);
        assert!(prefs.recent.is_empty(), "no recent files saved");
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut prefs = Prefs::default();
        for index in 0..12 {
            prefs.remember(Path::new(&format!("/no/such/{index}.ron")));
        }
        prefs.remember(Path::new("/no/such/5.ron"));
        assert_eq!(prefs.recent.len(), RECENT_LIMIT, "at most ten");
        assert_eq!(
            prefs.recent[0],
            PathBuf::from("/no/such/5.ron"),
            "newest first"
        );
        assert_eq!(
            prefs
                .recent
                .iter()
                .filter(|path| path.ends_with("5.ron"))
                .count(),
            1,
            "no repeats"
        );
    }
}
