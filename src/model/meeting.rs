//! The communication log: meetings, calls, emails and chats with the client and the team.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ItemId, MeetingId, PersonId};

/// Who is responsible for an action or a risk: a member of the team, or someone named who is
/// not in the team list. Written as the person's id (`Some(3)`) or as a name (`Some("Li Wei")`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Owner {
    /// A member of the team.
    Person(PersonId),
    /// Someone outside the team list.
    Named(String),
}

impl Owner {
    /// The team member, when the owner is one.
    pub fn person(&self) -> Option<PersonId> {
        match self {
            Self::Person(id) => Some(*id),
            Self::Named(_) => None,
        }
    }
}

impl From<PersonId> for Owner {
    fn from(id: PersonId) -> Self {
        Self::Person(id)
    }
}

/// How a conversation took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// A meeting with the client.
    ClientMeeting,
    /// A meeting of the team alone; never shown to the client.
    Internal,
    /// A phone or video call.
    Call,
    /// An email exchange.
    Email,
    /// A chat conversation.
    Chat,
}

impl Channel {
    /// All channels, in the order a picker lists them.
    pub const ALL: [Self; 5] = [
        Self::ClientMeeting,
        Self::Internal,
        Self::Call,
        Self::Email,
        Self::Chat,
    ];

    /// Whether this channel counts as contact with the client.
    pub fn is_client_contact(self) -> bool {
        self != Self::Internal
    }
}

/// Someone who took part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Their name as written in the minutes.
    pub name: String,
    /// Whether they are on the client's side.
    #[serde(default)]
    pub client_side: bool,
}

/// Something someone agreed to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// What is to be done.
    pub text: String,
    /// Who does it.
    #[serde(default)]
    pub owner: Option<Owner>,
    /// By when.
    #[serde(default, with = "super::day::option")]
    pub due: Option<NaiveDate>,
    /// The timeline item it concerns or became.
    #[serde(default)]
    pub item: Option<ItemId>,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

fn yes() -> bool {
    true
}

/// One meeting, call, email or chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Unique among meetings.
    pub id: MeetingId,
    /// When it took place.
    #[serde(with = "super::day")]
    pub date: NaiveDate,
    /// Time of day, `"HH:MM"`.
    #[serde(default)]
    pub time: Option<String>,
    /// What it was about.
    #[serde(default)]
    pub title: String,
    /// How it took place.
    #[serde(default = "client_meeting")]
    pub channel: Channel,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// What was to be discussed.
    #[serde(default)]
    pub agenda: String,
    /// What was discussed.
    #[serde(default)]
    pub notes: String,
    /// What was decided.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// What is to be done next.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Timeline items that were discussed.
    #[serde(default)]
    pub items: Vec<ItemId>,
    /// Whether the client confirmed the minutes.
    #[serde(default)]
    pub confirmed_by_client: bool,
    /// Whether the client may see this entry. An internal meeting never is.
    #[serde(default = "yes")]
    pub client_visible: bool,
}

fn client_meeting() -> Channel {
    Channel::ClientMeeting
}

impl Meeting {
    /// A meeting with nothing recorded yet: no time, participants, notes, decisions, actions
    /// or items, not confirmed, and client-visible as a new meeting is.
    pub fn new(id: MeetingId, date: NaiveDate, title: String, channel: Channel) -> Self {
        Self {
            id,
            date,
            time: None,
            title,
            channel,
            participants: Vec::new(),
            agenda: String::new(),
            notes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            items: Vec::new(),
            confirmed_by_client: false,
            client_visible: true,
        }
    }

    /// Whether the meeting may be shown to the client.
    pub fn is_client_visible(&self) -> bool {
        self.client_visible && self.channel != Channel::Internal
    }
}
