//! The Meetings tab: the communication log and its editor.
//!
//! Every change is an [`Edit`]: one undo step per field. Typed text lands when its field loses
//! focus or Enter is pressed (see [`super::fields::Buffer`]); text left in a field no longer
//! drawn (another meeting selected, another tab) lands too, unless the meeting changed
//! underneath it (an undo), in which case the field shows the meeting as it now is.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use egui::{AtomExt as _, RichText, TextEdit};

use crate::edit::Edit;
use crate::model::{Channel, Item, ItemId, Meeting, MeetingId, Owner, Project, next_id};
use crate::report::minutes::{ContactGap, channel_name, contact_gap, minutes_markdown};
use crate::schedule::WorkCalendar;
use crate::tr;

use super::fields::Buffer;
use super::panels::{Panel, PanelInput, Tab};
use super::theme::Palette;
use super::{App, Command};

mod editor;

/// Working days of a task made from an action item (as for a task added on the timeline).
const TASK_WORKDAYS: i64 = 5;

/// Height of the meeting list before it scrolls.
const LIST_HEIGHT: f32 = 168.0;

/// A text field of the meeting being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Title,
    Time,
    Agenda,
    Notes,
    Decision(usize),
    ActionText(usize),
    OwnerName(usize),
}

/// What the tab remembers between frames.
#[derive(Default)]
pub struct MeetingsState {
    /// The meeting shown in the editor.
    selected: Option<MeetingId>,
    /// The words the list is filtered by.
    search: String,
    /// The meeting the typed text belongs to.
    editing: Option<MeetingId>,
    /// Text typed in the editor's fields.
    typed: HashMap<Field, Buffer>,
    new_participant: String,
    new_participant_client: bool,
    new_decision: String,
    new_action: String,
    /// Delete was pressed once; a second press deletes.
    confirm_delete: bool,
    /// The meeting whose minutes wait for the Save dialog.
    minutes_for: Option<MeetingId>,
}

impl MeetingsState {
    /// Shows `meeting` in the editor.
    pub fn select(&mut self, meeting: MeetingId) {
        self.selected = Some(meeting);
    }
}

/// The text of `field` in `meeting`; `None` when the field is gone (a removed decision).
fn field_text(meeting: &Meeting, field: Field) -> Option<String> {
    match field {
        Field::Title => Some(meeting.title.clone()),
        Field::Time => Some(meeting.time.clone().unwrap_or_default()),
        Field::Agenda => Some(meeting.agenda.clone()),
        Field::Notes => Some(meeting.notes.clone()),
        Field::Decision(index) => meeting.decisions.get(index).cloned(),
        Field::ActionText(index) => meeting.actions.get(index).map(|action| action.text.clone()),
        Field::OwnerName(index) => match meeting.actions.get(index)?.owner.as_ref() {
            Some(Owner::Named(name)) => Some(name.clone()),
            _ => None,
        },
    }
}

/// `"9:05"` or `"09:05"` as `"09:05"`; `None` when it is not a time of day.
fn parse_time(text: &str) -> Option<String> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let hours: u32 = hours.trim().parse().ok()?;
    let minutes: u32 = minutes.trim().parse().ok()?;
    (hours < 24 && minutes < 60).then(|| format!("{hours:02}:{minutes:02}"))
}

/// Writes `text` into `field`; false when the text cannot go there (a malformed time, an empty
/// decision or action).
fn set_field(meeting: &mut Meeting, field: Field, text: &str) -> bool {
    let joined = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let trimmed = joined.trim();
    match field {
        Field::Title => trimmed.clone_into(&mut meeting.title),
        Field::Time => {
            if trimmed.is_empty() {
                meeting.time = None;
            } else if let Some(time) = parse_time(trimmed) {
                meeting.time = Some(time);
            } else {
                return false;
            }
        }
        Field::Agenda => text.clone_into(&mut meeting.agenda),
        Field::Notes => text.clone_into(&mut meeting.notes),
        Field::Decision(index) => match meeting.decisions.get_mut(index) {
            Some(decision) if !trimmed.is_empty() => trimmed.clone_into(decision),
            _ => return false,
        },
        Field::ActionText(index) => match meeting.actions.get_mut(index) {
            Some(action) if !trimmed.is_empty() => trimmed.clone_into(&mut action.text),
            _ => return false,
        },
        Field::OwnerName(index) => match meeting.actions.get_mut(index) {
            Some(action) => {
                action.owner = (!trimmed.is_empty()).then(|| Owner::Named(trimmed.to_owned()));
            }
            None => return false,
        },
    }
    true
}

/// Writes every field typed into and left while the meeting did not change underneath into
/// `meeting`.
fn land_typed(typed: &HashMap<Field, Buffer>, meeting: &mut Meeting) {
    let mut fields: Vec<(&Field, &Buffer)> = typed.iter().collect();
    fields.sort_by_key(|(field, _)| format!("{field:?}"));
    for (&field, typed) in fields {
        if field_text(meeting, field).is_some_and(|now| now == typed.base() && typed.is_pending()) {
            set_field(meeting, field, typed.text());
        }
    }
}

/// A text field of `draft`; what is typed lands in `draft` once the field is left.
fn text_ui(
    ui: &mut egui::Ui,
    typed: &mut HashMap<Field, Buffer>,
    field: Field,
    draft: &mut Meeting,
    make: impl FnOnce(&mut String) -> TextEdit<'_>,
) -> egui::Response {
    let current = field_text(draft, field).unwrap_or_default();
    let buffer = typed.entry(field).or_insert_with(|| Buffer::new(&current));
    // Enter ends a one-line field even when it wraps (Shift + Enter in notes and agenda).
    let one_line = !matches!(field, Field::Agenda | Field::Notes);
    let (response, commit) = buffer.ui(ui, &current, one_line, make);
    if let Some(text) = commit {
        // Left with new text in it: it lands, or the field shows the meeting as it is.
        set_field(draft, field, &text);
        buffer.reject(&field_text(draft, field).unwrap_or_default());
    }
    response
}

/// A field for one line of text that wraps when long (a decision, an action); Enter ends it.
fn wrapped(text: &mut String) -> TextEdit<'_> {
    TextEdit::multiline(text)
        .desired_rows(1)
        .return_key(None)
        .desired_width(f32::INFINITY)
}

/// A section heading of the editor.
fn heading_ui(ui: &mut egui::Ui, text: impl Into<String>, palette: &Palette) -> egui::Response {
    ui.add_space(10.0);
    let response = ui.label(RichText::new(text.into()).strong().color(palette.text));
    ui.add_space(2.0);
    response
}

/// The meetings newest first (by date, then time, then id), those matching `search` only.
fn listed<'a>(project: &'a Project, search: &str) -> Vec<&'a Meeting> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let mut meetings: Vec<&Meeting> = project
        .meetings
        .iter()
        .filter(|meeting| {
            words.is_empty() || {
                let mut haystack =
                    format!("{}\n{}\n{}", meeting.title, meeting.notes, meeting.agenda);
                for decision in &meeting.decisions {
                    haystack.push('\n');
                    haystack.push_str(decision);
                }
                for person in &meeting.participants {
                    haystack.push('\n');
                    haystack.push_str(&person.name);
                }
                let haystack = haystack.to_lowercase();
                words.iter().all(|word| haystack.contains(word.as_str()))
            }
        })
        .collect();
    meetings
        .sort_by(|a, b| (b.date, b.time.as_deref(), b.id).cmp(&(a.date, a.time.as_deref(), a.id)));
    meetings
}

/// A new meeting on `today` with the next free id.
fn new_meeting(project: &Project, today: NaiveDate) -> Meeting {
    Meeting::new(
        MeetingId(next_id(project.meetings.iter().map(|meeting| meeting.id.0))),
        today,
        tr!("meetings.new_title").into_owned(),
        Channel::ClientMeeting,
    )
}

/// The one undo step that makes action `index` of `meeting` a task on the timeline: the task
/// (named after the action, from its due date or the next working day after `today`, owned by
/// the action's owner when a team member, in the lane of the meeting's first linked item), and
/// the meeting with the action and its items pointing at the task. `None` when there is no such
/// action.
pub fn action_to_task(
    project: &Project,
    meeting: &Meeting,
    index: usize,
    today: NaiveDate,
) -> Option<(ItemId, Edit)> {
    let action = meeting.actions.get(index)?;
    let calendar = WorkCalendar::new(&project.calendar);
    let start = match action.due {
        Some(due) => calendar.snap_forward(due),
        None => calendar.next_working_day(today),
    };
    let finish = calendar.add_workdays(start, TASK_WORKDAYS - 1);
    let id = project.next_item_id();
    let mut task = Item::task(id, action.text.trim(), start, finish);
    task.owner = action
        .owner
        .as_ref()
        .and_then(Owner::person)
        .filter(|person| project.person(*person).is_some());
    task.lane = meeting
        .items
        .iter()
        .find_map(|item| project.item(*item))
        .and_then(|item| item.lane);
    task.client_visible = meeting.is_client_visible();
    let mut linked = meeting.clone();
    linked.actions[index].item = Some(id);
    if !linked.items.contains(&id) {
        linked.items.push(id);
    }
    let label = crate::i18n::Message::new("meetings.to_task_label").arg("name", action.text.trim());
    let edits = vec![
        Edit::AddItem { item: task },
        Edit::UpdateMeeting { meeting: linked },
    ];
    Some((id, Edit::Batch { label, edits }))
}

/// A file name for the minutes of a meeting: its date and title, letters, digits and dashes.
fn minutes_file_name(meeting: &Meeting) -> String {
    let title: String = meeting
        .title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{title}.md", meeting.date.format("%Y-%m-%d")).replace("-.md", ".md")
}

/// When another meeting was selected, lands the text left in the fields of the one shown before
/// and starts afresh.
fn follow_selection(state: &mut MeetingsState, project: &Project, commands: &mut Vec<Command>) {
    if state.editing == state.selected {
        return;
    }
    if let Some(old) = state
        .editing
        .and_then(|id| project.meetings.iter().find(|meeting| meeting.id == id))
    {
        let mut landed = old.clone();
        land_typed(&state.typed, &mut landed);
        if landed != *old {
            commands.push(Command::Apply(Edit::UpdateMeeting { meeting: landed }));
        }
    }
    state.typed.clear();
    state.editing = state.selected;
    state.confirm_delete = false;
}

/// The tab.
pub fn meetings_ui(ui: &mut egui::Ui, state: &mut MeetingsState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let palette = input.palette;

    follow_selection(state, project, commands);

    ui.horizontal(|ui| {
        if ui
            .button(tr!("meetings.new"))
            .on_hover_text(tr!("meetings.new_hint"))
            .clicked()
        {
            let meeting = new_meeting(project, input.today);
            state.selected = Some(meeting.id);
            commands.push(Command::Apply(Edit::AddMeeting { meeting }));
        }
        ui.add(
            TextEdit::singleline(&mut state.search)
                .hint_text(tr!("meetings.search"))
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(tr!("meetings.search_hint"));
    });
    ui.add_space(4.0);

    let meetings = listed(project, &state.search);
    if project.meetings.is_empty() {
        ui.label(RichText::new(tr!("meetings.none")).color(palette.text_muted));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("meetings_list")
        .max_height(LIST_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 1.0;
            if meetings.is_empty() {
                ui.label(RichText::new(tr!("meetings.no_match")).color(palette.text_muted));
            }
            for meeting in &meetings {
                list_row_ui(ui, state, meeting, input);
            }
        });
    ui.separator();
    follow_selection(state, project, commands);

    let Some(meeting) = state
        .selected
        .and_then(|id| project.meetings.iter().find(|meeting| meeting.id == id))
    else {
        ui.add_space(8.0);
        ui.label(RichText::new(tr!("meetings.pick")).color(palette.text_muted));
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("meeting_editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            editor::editor_ui(ui, state, meeting, input, commands);
        });
}

/// One row of the list: a coloured mark for client contact, the title, the date.
fn list_row_ui(
    ui: &mut egui::Ui,
    state: &mut MeetingsState,
    meeting: &Meeting,
    input: &PanelInput<'_>,
) {
    let palette = input.palette;
    let (mark, colour) = if meeting.channel.is_client_contact() {
        ("●", palette.good)
    } else {
        ("○", palette.buffer)
    };
    let title = if meeting.title.trim().is_empty() {
        tr!("minutes.untitled").into_owned()
    } else {
        meeting.title.clone()
    };
    let date =
        crate::i18n::format_date(meeting.date, crate::i18n::DateStyle::Entry, input.language);
    let selected = state.selected == Some(meeting.id);
    let width = ui.available_width();
    let response = ui
        .add(
            egui::Button::selectable(
                selected,
                (
                    RichText::new(mark).color(colour),
                    // The title is what gives way to a narrow panel.
                    RichText::new(title).color(palette.text).atom_shrink(true),
                ),
            )
            .right_text(RichText::new(date).color(palette.text_muted).small())
            .truncate()
            .min_size(egui::vec2(width, 22.0)),
        )
        .on_hover_text(format!(
            "{} · {}",
            channel_name(meeting.channel, input.language),
            meeting.title
        ));
    if response.clicked() {
        state.selected = Some(meeting.id);
    }
}

impl App {
    /// Shows `meeting` in the Meetings tab.
    pub(super) fn open_meeting(&mut self, meeting: MeetingId) {
        self.view.panels.tab = Tab::Meetings;
        self.view.panels.meetings.select(meeting);
    }

    /// Selects `item` and scrolls the outline and the timeline to its row.
    pub(super) fn reveal_item(&mut self, item: ItemId) {
        if self.project().item(item).is_none() {
            return;
        }
        self.view.selection = [item].into();
        let revision = self.session.history.revision();
        let rows = self
            .view
            .timeline
            .rows(self.session.history.project(), revision);
        let Some(&row) = rows.row_of_item.get(&item) else {
            return;
        };
        // Rows drawn in the last frame (the new item was not drawn yet).
        let shown: Vec<usize> = self
            .view
            .drawn
            .shapes
            .iter()
            .filter_map(|shape| rows.row_of_item.get(&shape.item).copied())
            .collect();
        let first = shown.iter().min().copied().unwrap_or(0);
        let last = shown.iter().max().copied().unwrap_or(0);
        if (first..=last).contains(&row) {
            return;
        }
        // A few rows of context above it.
        let top = (row as f32 - 3.0).max(0.0) * super::theme::ROW_HEIGHT;
        self.view
            .timeline
            .scroll_by(top - self.view.timeline.scroll_y, 0.0);
    }

    /// Asks where to save the minutes of `meeting`.
    pub(super) fn save_minutes(&mut self, ctx: &egui::Context, meeting: MeetingId) {
        let Some(found) = self.project().meetings.iter().find(|m| m.id == meeting) else {
            return;
        };
        let name = minutes_file_name(found);
        self.view.panels.meetings.minutes_for = Some(meeting);
        self.files.show(
            ctx,
            super::files::Purpose::SaveMinutes,
            &tr!("meetings.markdown_filter"),
            &name,
        );
    }

    /// Writes the minutes asked for to `path`.
    pub(super) fn save_minutes_to(&mut self, path: &Path) {
        if let Some(meeting) = self.view.panels.meetings.minutes_for.take() {
            self.save_minutes_file(meeting, path);
        }
    }

    /// Writes the minutes of `meeting` to `path` as Markdown (what Save minutes… does once a
    /// file is chosen); a failure is shown in a dialog. Returns whether the file was written.
    pub fn save_minutes_file(&mut self, meeting: MeetingId, path: &Path) -> bool {
        let Some(minutes) = self.minutes(meeting) else {
            return false;
        };
        self.write_out(
            path,
            Ok(minutes.into_bytes()),
            tr!("meetings.minutes_saved", path = path.display()).into_owned(),
            &tr!("meetings.minutes_failed", path = path.display()),
        )
    }

    /// A warning in the status bar when the client has not heard from the team for longer than
    /// the project's meeting cadence.
    pub(super) fn contact_warning_ui(&self, ui: &mut egui::Ui, palette: &Palette) {
        let project = self.project();
        let Some(cadence) = project.meeting_cadence_days else {
            return;
        };
        let text = match contact_gap(project, self.today) {
            None => return,
            Some(ContactGap::Overdue { days }) => {
                tr!("status.contact_overdue", days = days, cadence = cadence)
            }
            Some(ContactGap::Never) => tr!("status.contact_never", cadence = cadence),
        };
        ui.separator();
        ui.label(RichText::new(format!("⚠ {text}")).color(palette.warning))
            .on_hover_text(tr!("status.contact_hint"));
    }

    /// The minutes of `meeting` as the Copy minutes button puts them on the clipboard.
    pub fn minutes(&self, meeting: MeetingId) -> Option<String> {
        let found = self.project().meetings.iter().find(|m| m.id == meeting)?;
        Some(minutes_markdown(self.project(), found, self.prefs.language))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ActionItem;

    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn sample() -> Project {
        crate::store::load_str(super::super::SAMPLE)
            .expect("the sample loads")
            .project
    }

    #[test]
    fn times_are_read_leniently_and_written_hh_mm() {
        assert_eq!(parse_time("9:05").as_deref(), Some("09:05"));
        assert_eq!(parse_time(" 16:30 ").as_deref(), Some("16:30"));
        assert_eq!(parse_time("24:00"), None, "no 24th hour");
        assert_eq!(parse_time("noon"), None, "not a time");
    }

    #[test]
    fn the_list_is_newest_first_and_searches_every_text() {
        let project = sample();
        let all = listed(&project, "");
        assert!(
            all.windows(2).all(|pair| pair[0].date >= pair[1].date),
            "newest first"
        );
        let by_decision = listed(&project, "version 1.0");
        assert_eq!(by_decision.len(), 1, "one meeting decided on version 1.0");
        let by_person = listed(&project, "wang fang");
        assert!(
            by_person
                .iter()
                .all(|meeting| meeting.participants.iter().any(|p| p.name == "Wang Fang")),
            "only meetings Wang Fang took part in"
        );
        assert!(listed(&project, "no such words anywhere").is_empty());
    }

    #[test]
    fn an_action_becomes_a_task_in_the_lane_of_the_first_linked_item() {
        let project = sample();
        let mut meeting = project.meetings[0].clone();
        meeting.actions.push(ActionItem {
            text: "Draft the cut-over checklist".to_owned(),
            owner: Some(Owner::Person(crate::model::PersonId(2))),
            due: Some(date("2026-12-05")),
            item: None,
            done: false,
        });
        let index = meeting.actions.len() - 1;
        let (id, edit) =
            action_to_task(&project, &meeting, index, date("2026-11-27")).expect("an edit");
        let Edit::Batch { edits, .. } = edit else {
            panic!("one undo step");
        };
        let [
            Edit::AddItem { item },
            Edit::UpdateMeeting { meeting: linked },
        ] = edits.as_slice()
        else {
            panic!("a task and the meeting: {edits:?}");
        };
        assert_eq!(item.id, id, "the new task");
        assert_eq!(item.name, "Draft the cut-over checklist");
        assert_eq!(item.start, date("2026-12-07"), "Saturday snaps to Monday");
        assert_eq!(item.owner, Some(crate::model::PersonId(2)), "a team member");
        let first = project.item(meeting.items[0]).expect("linked item");
        assert_eq!(item.lane, first.lane, "lane of the first linked item");
        assert_eq!(linked.actions[index].item, Some(id), "linked back");
        assert!(linked.items.contains(&id), "listed among the items");
    }

    #[test]
    fn typed_text_lands_unless_the_meeting_changed_underneath() {
        let project = sample();
        let meeting = project.meetings[0].clone();
        let mut typed = HashMap::new();
        typed.insert(
            Field::Title,
            Buffer::typed(&meeting.title, "Kick-off (revised)"),
        );
        typed.insert(Field::Notes, Buffer::typed("something else", "stale"));
        let mut landed = meeting.clone();
        land_typed(&typed, &mut landed);
        assert_eq!(landed.title, "Kick-off (revised)", "the typed title lands");
        assert_eq!(landed.notes, meeting.notes, "stale text does not");
    }
}
