//! The minutes of a meeting as Markdown, to send to the client for confirmation, and how long
//! the client has gone without hearing from the team.

use chrono::NaiveDate;

use crate::i18n::{DateStyle, Language, format_date};
use crate::model::{Channel, Meeting, Project};

/// Appends formatted text and a line break to a string.
macro_rules! put_line {
    ($out:expr, $($arg:tt)*) => {{
        $out.push_str(&format!($($arg)*));
        $out.push('\n');
    }};
}

/// Appends formatted text to a string.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

/// A string of the locale files in `language`.
fn text(language: Language, key: &str) -> String {
    rust_i18n::t!(key, locale = language.code()).into_owned()
}

/// The name of a channel in `language`.
pub fn channel_name(channel: Channel, language: Language) -> String {
    let key = match channel {
        Channel::ClientMeeting => "meetings.channel.client_meeting",
        Channel::Internal => "meetings.channel.internal",
        Channel::Call => "meetings.channel.call",
        Channel::Email => "meetings.channel.email",
        Channel::Chat => "meetings.channel.chat",
    };
    text(language, key)
}

pub use crate::rules::owner_name;

/// Text on one line, escaped for Markdown ([`markdown_text`]).
fn one_line(text: &str) -> String {
    markdown_text(text)
}

/// Whether `c` reorders the text around it on screen (a Unicode bidirectional embedding,
/// override, isolate or mark): left in a name, it could make a list read other than it is
/// written.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` on one line as Markdown that shows exactly its characters, for every name, note and
/// decision the minutes and the status report write: runs of white space (line breaks among
/// them) become one space, so a list entry stays one entry; control characters and
/// bidirectional controls are dropped; every character Markdown would read as HTML, an entity,
/// a link, an image, code, emphasis or the end of a table cell is escaped with a backslash, and
/// so is what would start a block at the start of the text (a heading, a list, a quote).
pub fn markdown_text(text: &str) -> String {
    escape_markdown(text, true)
}

/// Like [`markdown_text`], for text inside a line (a table cell, after a label): what would
/// start a block only at the start of a line is left as it is, so `+5` stays `+5`.
pub fn markdown_inline(text: &str) -> String {
    escape_markdown(text, false)
}

/// [`markdown_text`] when `line_start`, else [`markdown_inline`].
fn escape_markdown(text: &str, line_start: bool) -> String {
    // Control characters go first, so that none is left between white space and a word.
    let visible: String = text
        .chars()
        .filter(|c| c.is_whitespace() || !c.is_control() && !is_bidi_control(*c))
        .collect();
    let line = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    let mut at_start = line_start;
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                out.push('\\');
            }
            '-' | '+' | '=' if at_start => out.push('\\'),
            // `https://…` would be made a link by renderers that link bare addresses (GitHub).
            ':' if chars.peek() == Some(&'/') => out.push('\\'),
            '0'..='9' if at_start => {
                // A number followed by `.` or `)` at the start is an ordered list.
                out.push(c);
                while let Some(digit) = chars.next_if(char::is_ascii_digit) {
                    out.push(digit);
                }
                if let Some(mark) = chars.next_if(|next| matches!(next, '.' | ')')) {
                    out.push('\\');
                    out.push(mark);
                }
                at_start = false;
                continue;
            }
            _ => {}
        }
        out.push(c);
        at_start = false;
    }
    out
}

/// Text of several lines (an agenda, notes) as Markdown paragraphs: each line escaped as
/// [`markdown_text`] does, a blank line between paragraphs kept.
fn markdown_paragraphs(text: &str) -> String {
    let mut paragraphs = Vec::new();
    let mut lines = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = markdown_text(line);
        if line.is_empty() {
            if !lines.is_empty() {
                paragraphs.push(lines.join("\n"));
                lines.clear();
            }
        } else {
            lines.push(line);
        }
    }
    paragraphs.join("\n\n")
}

/// The minutes of `meeting` as Markdown: title, date, channel, participants by side, agenda,
/// notes, decisions, action items (with owner, due date and linked item), the items discussed
/// and whether the client confirmed them.
pub fn minutes_markdown(project: &Project, meeting: &Meeting, language: Language) -> String {
    let t = |key: &str| text(language, key);
    let mut out = String::new();
    let title = if meeting.title.trim().is_empty() {
        t("minutes.untitled")
    } else {
        one_line(&meeting.title)
    };
    put_line!(
        out,
        "# {}\n",
        rust_i18n::t!("minutes.title", locale = language.code(), title = title)
    );
    let iso = |date: NaiveDate| format_date(date, DateStyle::Iso, language);
    let when = match &meeting.time {
        Some(time) => format!("{} {}", iso(meeting.date), one_line(time)),
        None => iso(meeting.date),
    };
    if !project.name.is_empty() {
        let mut name = one_line(&project.name);
        if !project.client.name.is_empty() {
            put!(name, " ({})", one_line(&project.client.name));
        }
        put_line!(out, "- **{}** {name}", t("minutes.project"));
    }
    put_line!(out, "- **{}** {when}", t("minutes.date"));
    put_line!(
        out,
        "- **{}** {}",
        t("minutes.channel"),
        channel_name(meeting.channel, language)
    );
    for (client_side, key) in [(true, "minutes.client_side"), (false, "minutes.team_side")] {
        let names: Vec<String> = meeting
            .participants
            .iter()
            .filter(|person| person.client_side == client_side)
            .map(|person| one_line(&person.name))
            .collect();
        if !names.is_empty() {
            put_line!(out, "- **{}** {}", t(key), names.join(", "));
        }
    }

    for (key, body) in [
        ("minutes.agenda", &meeting.agenda),
        ("minutes.notes", &meeting.notes),
    ] {
        if !body.trim().is_empty() {
            put_line!(out, "\n## {}\n\n{}", t(key), markdown_paragraphs(body));
        }
    }

    if !meeting.decisions.is_empty() {
        put_line!(out, "\n## {}\n", t("minutes.decisions"));
        for (number, decision) in meeting.decisions.iter().enumerate() {
            put_line!(out, "{}. {}", number + 1, one_line(decision));
        }
    }

    if !meeting.actions.is_empty() {
        put_line!(out, "\n## {}\n", t("minutes.actions"));
        for action in &meeting.actions {
            let mark = if action.done { "x" } else { " " };
            let mut line = format!("- [{mark}] {}", one_line(&action.text));
            let mut details = Vec::new();
            if let Some(owner) = &action.owner {
                details.push(format!("**{}**", one_line(&owner_name(project, owner))));
            }
            if let Some(due) = action.due {
                details.push(
                    rust_i18n::t!("minutes.due", locale = language.code(), date = iso(due))
                        .into_owned(),
                );
            }
            if let Some(item) = action.item.and_then(|id| project.item(id)) {
                details.push(format!("→ {}", one_line(&item.name)));
            }
            if !details.is_empty() {
                put!(line, " — {}", details.join(", "));
            }
            put_line!(out, "{line}");
        }
    }

    let discussed: Vec<String> = meeting
        .items
        .iter()
        .filter_map(|id| project.item(*id))
        .map(|item| format!("- {} ({})", one_line(&item.name), iso(item.finish)))
        .collect();
    if !discussed.is_empty() {
        put_line!(out, "\n## {}\n", t("minutes.items"));
        for line in discussed {
            put_line!(out, "{line}");
        }
    }

    let confirmation = if meeting.confirmed_by_client {
        t("minutes.confirmed")
    } else {
        t("minutes.unconfirmed")
    };
    put_line!(out, "\n_{confirmation}_");
    out
}

/// The date of the latest contact with the client on or before `today`, if any.
pub fn last_client_contact(project: &Project, today: NaiveDate) -> Option<NaiveDate> {
    project
        .meetings
        .iter()
        .filter(|meeting| meeting.channel.is_client_contact() && meeting.date <= today)
        .map(|meeting| meeting.date)
        .max()
}

/// How the client has gone too long without hearing from the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactGap {
    /// The latest contact was this many days ago, more than the cadence allows.
    Overdue {
        /// Days since the latest contact.
        days: i64,
    },
    /// The project has a cadence but no contact has been recorded yet.
    Never,
}

/// Whether the latest client contact is older than the project's meeting cadence; `None` when
/// the project has no cadence or the contact is recent enough.
pub fn contact_gap(project: &Project, today: NaiveDate) -> Option<ContactGap> {
    let cadence = i64::from(project.meeting_cadence_days?);
    match last_client_contact(project, today) {
        Some(last) => {
            let days = (today - last).num_days();
            (days > cadence).then_some(ContactGap::Overdue { days })
        }
        None => Some(ContactGap::Never),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, Item, ItemId, Participant, Person, PersonId};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A meeting on `day` (`YYYY-MM-DD`) with nothing recorded yet.
    fn meeting(id: u32, day: &str, channel: Channel) -> Meeting {
        Meeting::new(
            crate::model::MeetingId(id),
            date(day),
            String::new(),
            channel,
        )
    }

    fn project() -> Project {
        let mut project = Project::named("CRM roll-out");
        project.client.name = "Acme".to_owned();
        project.team.push(Person {
            id: PersonId(1),
            name: "Zhang Min".to_owned(),
            role: String::new(),
            client_side: false,
            responsibility: String::new(),
        });
        project.items.push(Item::task(
            ItemId(4),
            "Data mapping",
            date("2026-11-16"),
            date("2026-11-27"),
        ));
        project
    }

    fn full_meeting() -> Meeting {
        Meeting {
            time: Some("10:00".to_owned()),
            title: "Design approval".to_owned(),
            participants: vec![
                Participant {
                    name: "Li Wei".to_owned(),
                    client_side: true,
                },
                Participant {
                    name: "Zhang Min".to_owned(),
                    client_side: false,
                },
            ],
            agenda: "Design walk-through".to_owned(),
            notes: "Approved.\nDuplicates found.".to_owned(),
            decisions: vec![
                "Design approved as 1.0".to_owned(),
                "Weekly call".to_owned(),
            ],
            actions: vec![
                ActionItem {
                    text: "Send matching rules".to_owned(),
                    owner: Some(crate::model::Owner::Person(PersonId(1))),
                    due: Some(date("2026-11-24")),
                    item: Some(ItemId(4)),
                    done: true,
                },
                ActionItem {
                    text: "Confirm testers".to_owned(),
                    owner: Some(crate::model::Owner::Named("Huang Mei".to_owned())),
                    due: None,
                    item: None,
                    done: false,
                },
            ],
            items: vec![ItemId(4)],
            confirmed_by_client: true,
            ..meeting(3, "2026-11-20", Channel::ClientMeeting)
        }
    }

    #[test]
    fn minutes_hold_every_part_of_the_meeting() {
        let project = project();
        let minutes = minutes_markdown(&project, &full_meeting(), Language::English);
        for expected in [
            "# Minutes: Design approval\n",
            "- **Project:** CRM roll-out (Acme)\n",
            "- **Date:** 2026-11-20 10:00\n",
            "- **Channel:** Client meeting\n",
            "- **Client side:** Li Wei\n",
            "- **Our team:** Zhang Min\n",
            "## Agenda\n\nDesign walk-through\n",
            "## Notes\n\nApproved.\nDuplicates found.\n",
            "## Decisions\n\n1. Design approved as 1.0\n2. Weekly call\n",
            "- [x] Send matching rules — **Zhang Min**, due 2026-11-24, → Data mapping\n",
            "- [ ] Confirm testers — **Huang Mei**\n",
            "## Items discussed\n\n- Data mapping (2026-11-27)\n",
            "_Confirmed by the client._",
        ] {
            assert!(minutes.contains(expected), "{expected:?} in:\n{minutes}");
        }
    }

    #[test]
    fn empty_sections_are_left_out_and_chinese_reads_chinese() {
        let project = project();
        let bare = meeting(1, "2026-11-20", Channel::Call);
        let minutes = minutes_markdown(&project, &bare, Language::English);
        for absent in ["## Agenda", "## Notes", "## Decisions", "## Action items"] {
            assert!(!minutes.contains(absent), "{absent} in:\n{minutes}");
        }
        assert!(
            minutes.contains("_Not yet confirmed by the client._"),
            "{minutes}"
        );
        let chinese = minutes_markdown(&project, &full_meeting(), Language::Chinese);
        assert!(chinese.contains("# 会议纪要：Design approval"), "{chinese}");
        assert!(chinese.contains("## 决议"), "{chinese}");
        assert!(chinese.contains("## 待办事项"), "{chinese}");
    }

    #[test]
    fn markup_is_escaped_and_block_marks_only_where_they_start_a_block() {
        assert_eq!(
            markdown_text("<b>a</b> [x](y) `c` *d* | & #"),
            "\\<b\\>a\\</b\\> \\[x\\](y) \\`c\\` \\*d\\* \\| \\& \\#",
            "HTML, links, code, emphasis, cells and entities"
        );
        assert_eq!(markdown_text("1. first"), "1\\. first", "an ordered list");
        assert_eq!(markdown_text("- x"), "\\- x", "a bullet list");
        assert_eq!(markdown_text("+5"), "\\+5", "a list at the start of a line");
        assert_eq!(
            markdown_inline("+5"),
            "+5",
            "nothing to escape inside a line"
        );
        assert_eq!(
            markdown_inline("see https://evil.example/x"),
            "see https\\://evil.example/x",
            "a bare address is not made a link"
        );
        assert_eq!(
            markdown_text("a\u{202e}b\n\tc\0"),
            "ab c",
            "bidi and control characters dropped, white space single"
        );
    }

    #[test]
    fn a_line_break_in_a_decision_does_not_break_the_list() {
        let mut meeting = full_meeting();
        meeting.decisions = vec!["First line\nsecond line".to_owned()];
        let minutes = minutes_markdown(&project(), &meeting, Language::English);
        assert!(minutes.contains("1. First line second line\n"), "{minutes}");
    }

    #[test]
    fn contact_gap_follows_the_cadence_and_ignores_internal_and_future_meetings() {
        let mut project = project();
        let today = date("2026-11-27");
        assert_eq!(contact_gap(&project, today), None, "no cadence, no warning");
        project.meeting_cadence_days = Some(7);
        assert_eq!(contact_gap(&project, today), Some(ContactGap::Never));
        project
            .meetings
            .push(meeting(1, "2026-11-16", Channel::ClientMeeting));
        project
            .meetings
            .push(meeting(2, "2026-11-25", Channel::Internal));
        project
            .meetings
            .push(meeting(3, "2026-12-01", Channel::Call));
        assert_eq!(
            last_client_contact(&project, today),
            Some(date("2026-11-16"))
        );
        assert_eq!(
            contact_gap(&project, today),
            Some(ContactGap::Overdue { days: 11 })
        );
        project
            .meetings
            .push(meeting(4, "2026-11-20", Channel::Email));
        assert_eq!(contact_gap(&project, today), None, "seven days is on time");
    }
}
