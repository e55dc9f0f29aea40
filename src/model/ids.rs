//! Typed ids: an item id cannot be passed where a lane id is expected.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// Identifies a task, milestone or buffer.
    ItemId
);
typed_id!(
    /// Identifies a lane (a phase or workstream row group).
    LaneId
);
typed_id!(
    /// Identifies a member of the team (either side).
    PersonId
);
typed_id!(
    /// Identifies a meeting, call or email in the communication log.
    MeetingId
);
typed_id!(
    /// Identifies a risk in the register.
    RiskId
);
typed_id!(
    /// Identifies a retrospective.
    RetrospectiveId
);
typed_id!(
    /// Identifies a saved baseline.
    BaselineId
);

/// The next free id after the largest of `ids` (1 for an empty list).
pub fn next_id(ids: impl Iterator<Item = u32>) -> u32 {
    ids.max().map_or(1, |max| max.saturating_add(1))
}
