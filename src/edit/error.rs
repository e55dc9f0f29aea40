//! Why an edit was refused, in words translated when the error is shown.

use std::fmt;

use crate::model::ItemId;
use crate::tr;

/// The kind of record an edit names, as the words for it say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// A task, milestone or buffer.
    Item,
    /// A lane.
    Lane,
    /// A member of the team.
    TeamMember,
    /// A meeting in the communication log.
    Meeting,
    /// A risk in the register.
    Risk,
    /// A retrospective.
    Retrospective,
    /// A saved baseline.
    Baseline,
}

impl RecordKind {
    /// The word for the kind, in the current language.
    pub fn word(self) -> String {
        match self {
            Self::Item => tr!("store.kind.item"),
            Self::Lane => tr!("store.kind.lane"),
            Self::TeamMember => tr!("store.kind.team_member"),
            Self::Meeting => tr!("store.kind.meeting"),
            Self::Risk => tr!("store.kind.risk"),
            Self::Retrospective => tr!("store.kind.retrospective"),
            Self::Baseline => tr!("store.kind.baseline"),
        }
        .into_owned()
    }
}

/// Why an edit was refused. The project is unchanged. Shown in the language of the moment it
/// is displayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The edit names an item that does not exist.
    NoSuchItem(ItemId),
    /// There is no link between these items.
    NoSuchLink {
        /// The predecessor.
        from: ItemId,
        /// The successor.
        to: ItemId,
    },
    /// The edit names a record (lane, person, meeting, …) that does not exist.
    NoSuchRecord {
        /// What kind of record.
        kind: RecordKind,
        /// Its id.
        id: u32,
    },
    /// The id of a new record is taken.
    Duplicate {
        /// What kind of record.
        kind: RecordKind,
        /// Its id.
        id: u32,
    },
    /// The same two items are linked already.
    DuplicateLink {
        /// The predecessor.
        from: ItemId,
        /// The successor.
        to: ItemId,
    },
    /// The edit would make links form a loop (the loop, named).
    Cycle(String),
    /// A milestone must start and finish on the same day.
    MilestoneDates(ItemId),
    /// A finish before the start.
    FinishBeforeStart(ItemId),
    /// Progress above 100 %.
    Progress(u8),
    /// A buffer edit names an item that is not a buffer.
    NotABuffer(ItemId),
    /// A buffer of no working days.
    EmptyBuffer,
    /// A lane order that does not name every lane exactly once.
    LaneOrder,
    /// The project would not be sound (a bad reference or value), as validation says it.
    Invalid(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Self::NoSuchItem(id) => tr!("edit.error.no_such_item", id = id),
            Self::NoSuchLink { from, to } => tr!("edit.error.no_such_link", from = from, to = to),
            Self::NoSuchRecord { kind, id } => {
                tr!("edit.error.no_such_record", kind = kind.word(), id = id)
            }
            Self::Duplicate { kind, id } => {
                tr!("edit.error.duplicate", kind = kind.word(), id = id)
            }
            Self::DuplicateLink { from, to } => {
                tr!("edit.error.duplicate_link", from = from, to = to)
            }
            Self::Cycle(cycle) => tr!("edit.error.cycle", cycle = cycle),
            Self::MilestoneDates(id) => tr!("edit.error.milestone_dates", id = id),
            Self::FinishBeforeStart(id) => tr!("edit.error.finish_before_start", id = id),
            Self::Progress(progress) => tr!("edit.error.progress", progress = progress),
            Self::NotABuffer(id) => tr!("edit.error.not_a_buffer", id = id),
            Self::EmptyBuffer => tr!("edit.error.empty_buffer"),
            Self::LaneOrder => tr!("edit.error.lane_order"),
            Self::Invalid(message) => return f.write_str(message),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EditError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, set_language};

    /// One of each error, so that every variant's words are checked in both languages.
    fn every_error() -> Vec<EditError> {
        let error = |variant: &EditError| match variant {
            EditError::NoSuchItem(_)
            | EditError::NoSuchLink { .. }
            | EditError::NoSuchRecord { .. }
            | EditError::Duplicate { .. }
            | EditError::DuplicateLink { .. }
            | EditError::Cycle(_)
            | EditError::MilestoneDates(_)
            | EditError::FinishBeforeStart(_)
            | EditError::Progress(_)
            | EditError::NotABuffer(_)
            | EditError::EmptyBuffer
            | EditError::LaneOrder
            | EditError::Invalid(_) => variant.clone(),
        };
        [
            EditError::NoSuchItem(ItemId(7)),
            EditError::NoSuchLink {
                from: ItemId(1),
                to: ItemId(2),
            },
            EditError::NoSuchRecord {
                kind: RecordKind::Lane,
                id: 3,
            },
            EditError::Duplicate {
                kind: RecordKind::TeamMember,
                id: 4,
            },
            EditError::DuplicateLink {
                from: ItemId(1),
                to: ItemId(2),
            },
            EditError::Cycle("“A” → “A”".to_owned()),
            EditError::MilestoneDates(ItemId(5)),
            EditError::FinishBeforeStart(ItemId(6)),
            EditError::Progress(120),
            EditError::NotABuffer(ItemId(8)),
            EditError::EmptyBuffer,
            EditError::LaneOrder,
            EditError::Invalid("as validation says".to_owned()),
        ]
        .iter()
        .map(error)
        .collect()
    }

    #[test]
    fn errors_read_in_english_as_they_always_did() {
        set_language(Language::English);
        let texts: Vec<String> = every_error().iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "item 7 does not exist",
                "there is no link from item 1 to item 2",
                "lane 3 does not exist",
                "team member 4 already exists",
                "the link from item 1 to item 2 already exists",
                "it would go round: “A” → “A”. Remove one of the links in it first",
                "milestone 5 must start and finish on the same day",
                "item 6 would finish before it starts",
                "progress 120 is not within 0..=100",
                "item 8 is not a buffer",
                "a buffer reserves at least one working day",
                "the new order must name every lane once",
                "as validation says",
            ],
            "the English words"
        );
    }

    #[test]
    fn every_error_has_chinese_words() {
        set_language(Language::Chinese);
        for error in every_error() {
            let text = error.to_string();
            let english = {
                set_language(Language::English);
                let text = error.to_string();
                set_language(Language::Chinese);
                text
            };
            if !matches!(error, EditError::Invalid(_)) {
                assert_ne!(text, english, "{error:?} is translated");
                assert!(!text.contains("edit.error"), "{error:?} has words: {text}");
            }
        }
        set_language(Language::English);
    }
}
