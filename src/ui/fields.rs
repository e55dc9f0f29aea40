//! Text fields that keep what is typed until it is committed (the project sheet,
//! retrospectives), the one date field and the one choice field of every panel.
//!
//! A field commits when it loses focus (Enter ends a one-line field). What is typed but not yet
//! committed — because the field was not drawn when it lost focus, say after a switch of tab —
//! is handed out by [`Drafts::take_pending`], so that nothing typed is lost.

use std::collections::HashMap;
use std::hash::Hash;

use chrono::{Datelike as _, NaiveDate};

use crate::model::{ItemId, Project};

/// The one buffered text field: what is typed, and the project's value it started from.
///
/// Before the field is drawn it follows the project ([`Self::follow`]: an undo, a redo, another
/// commit landing), unless something typed is waiting; once the field no longer has focus, what
/// was typed is handed out once to be committed ([`Self::settle`]). Enter ends a one-line
/// field; a field that is not drawn any more (a switch of tab or record) hands out what is
/// waiting through [`Self::take_pending`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Buffer {
    /// What the field shows.
    text: String,
    /// The value last seen in (or committed to) the project.
    base: String,
}

impl Buffer {
    /// A field showing `value`.
    pub fn new(value: &str) -> Self {
        Self {
            text: value.to_owned(),
            base: value.to_owned(),
        }
    }

    /// A field showing `text`, typed over the project's `base`.
    #[cfg(test)]
    pub fn typed(base: &str, text: &str) -> Self {
        Self {
            text: text.to_owned(),
            base: base.to_owned(),
        }
    }

    /// What the field shows.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The project's value the typing started from.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Whether something was typed that the project does not have yet.
    pub fn is_pending(&self) -> bool {
        self.text != self.base
    }

    /// Before drawing: the project's value is now `value`; shown unless something typed waits.
    pub fn follow(&mut self, value: &str) {
        if self.base != value {
            if self.text == self.base {
                value.clone_into(&mut self.text);
            }
            value.clone_into(&mut self.base);
        }
    }

    /// After drawing: the text to commit, once, when the field no longer has focus.
    pub fn settle(&mut self, focused: bool) -> Option<String> {
        if !focused && self.is_pending() {
            self.base.clone_from(&self.text);
            return Some(self.text.clone());
        }
        None
    }

    /// The committed text could not be taken (an empty title, a malformed time): the field
    /// shows `value` again.
    pub fn reject(&mut self, value: &str) {
        value.clone_into(&mut self.text);
        value.clone_into(&mut self.base);
    }

    /// What was typed and not yet committed, handed out once (the field is no longer drawn).
    pub fn take_pending(&mut self) -> Option<String> {
        self.settle(false)
    }

    /// Draws the field for the project's `value` with `make` (a [`egui::TextEdit`] of the
    /// text); returns its response and the text to commit, if the user is done with it. Enter
    /// ends the field when `one_line`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        value: &str,
        one_line: bool,
        make: impl FnOnce(&mut String) -> egui::TextEdit<'_>,
    ) -> (egui::Response, Option<String>) {
        self.follow(value);
        let response = ui.add(make(&mut self.text));
        let mut focused = response.has_focus();
        if focused && one_line && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
            response.surrender_focus();
            focused = false;
        }
        (response, self.settle(focused))
    }
}

/// The drafts of a panel's text fields, by a key naming the field.
pub struct Drafts<K> {
    map: HashMap<K, Buffer>,
}

impl<K> Default for Drafts<K> {
    fn default() -> Self {
        Self {
            map: HashMap::new(),
        }
    }
}

/// How a field is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line; Enter commits.
    Line,
    /// Wrapping text on as many rows as it needs; Enter commits.
    Wrapped,
    /// A paragraph of several rows; Enter starts a new line.
    Paragraph,
}

impl<K: Hash + Eq + Clone> Drafts<K> {
    /// Draws the field `key` showing `value`; returns the text to commit, once, when the user
    /// is done with it and it differs from `value`.
    pub fn field_ui(
        &mut self,
        ui: &mut egui::Ui,
        key: K,
        value: &str,
        kind: FieldKind,
        hint: &str,
    ) -> (egui::Response, Option<String>) {
        let buffer = self.map.entry(key).or_insert_with(|| Buffer::new(value));
        let name = if hint.is_empty() { value } else { hint };
        let (response, commit) = buffer.ui(ui, value, kind != FieldKind::Paragraph, |text| {
            let edit = match kind {
                FieldKind::Line => egui::TextEdit::singleline(text),
                FieldKind::Wrapped => egui::TextEdit::multiline(text)
                    .desired_rows(1)
                    .return_key(None),
                FieldKind::Paragraph => egui::TextEdit::multiline(text).desired_rows(3),
            };
            edit.hint_text(hint).desired_width(f32::INFINITY)
        });
        (response.accessible_name(name), commit)
    }

    /// Everything typed and not yet committed, with its field; each is handed out once.
    pub fn take_pending(&mut self) -> Vec<(K, String)> {
        self.map
            .iter_mut()
            .filter_map(|(key, buffer)| Some((key.clone(), buffer.take_pending()?)))
            .collect()
    }
}

fn to_jiff(date: NaiveDate) -> jiff::civil::Date {
    let year = i16::try_from(date.year()).unwrap_or(2000);
    let month = i8::try_from(date.month()).unwrap_or(1);
    let day = i8::try_from(date.day()).unwrap_or(1);
    jiff::civil::Date::new(year, month, day).unwrap_or_default()
}

fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}

/// How a date field is named for screen readers and tests.
#[derive(Clone, Copy, Debug)]
pub enum DateLabel<'a> {
    /// By the label widget beside it.
    By(egui::Id),
    /// By its tooltip.
    Hover(&'a str),
    /// By nothing but the date it shows.
    Unnamed,
}

/// A date being typed into a date field: the text so far and why it is not a date yet.
#[derive(Clone, Debug, Default)]
struct TypedDate {
    /// What is typed.
    text: String,
    /// Why the text last committed is not a date.
    error: Option<crate::i18n::DateInputError>,
    /// The text field was drawn and focused once.
    started: bool,
}

/// The one date field of every panel: a button showing the date that opens a calendar; typing
/// while it has the keyboard (or a right-click) turns it into a text field that reads any date
/// [`crate::i18n::parse_date`] reads (`2026-12-07`, `7 Dec`, `12月7日`, `+3d` from the date
/// shown) and says why a text is not a date. Returns the new date when the user picked or typed
/// one. `id` must be unique in the window.
pub fn date_ui(
    ui: &mut egui::Ui,
    id: impl Hash + std::fmt::Debug,
    date: NaiveDate,
    label: DateLabel<'_>,
) -> Option<NaiveDate> {
    let mut value = to_jiff(date);
    let mut typed_date = None;
    ui.push_id(id, |ui| {
        let typing_id = ui.scope_id().with("typed");
        let typing: Option<TypedDate> = ui.data(|data| data.get_temp(typing_id));
        let typing = if let Some(typing) = typing {
            typed_date_ui(ui, typing, date, label).and_then(|(typing, picked)| {
                typed_date = picked;
                typing
            })
        } else {
            let response = ui.add(
                egui_extras::DatePickerButton::new(&mut value)
                    .id_salt("date")
                    .show_icon(false)
                    .calendar_week(true),
            );
            let typed = response.has_focus().then(|| typed_text(ui)).flatten();
            let start = typed.or_else(|| {
                response.secondary_clicked().then(|| {
                    crate::i18n::format_date(
                        date,
                        crate::i18n::DateStyle::Iso,
                        crate::i18n::language(),
                    )
                })
            });
            name_date_field(&response, label);
            start.map(|text| TypedDate {
                text,
                ..TypedDate::default()
            })
        };
        ui.data_mut(|data| match typing {
            Some(typing) => {
                data.insert_temp(typing_id, typing);
            }
            None => data.remove::<TypedDate>(typing_id),
        });
    });
    typed_date
        .or_else(|| from_jiff(value))
        .filter(|picked| *picked != date)
}

/// The text typed this frame, if any.
fn typed_text(ui: &egui::Ui) -> Option<String> {
    let text: String = ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    });
    (!text.is_empty()).then_some(text)
}

/// Names a date field's widget for screen readers and tests.
fn name_date_field(response: &egui::Response, label: DateLabel<'_>) {
    match label {
        DateLabel::By(label) => {
            response.clone().labelled_by(label);
        }
        DateLabel::Hover(text) => {
            response.clone().on_hover_text(text);
        }
        DateLabel::Unnamed => {}
    }
}

/// The text field of a date being typed: returns the typing still going on (none once it
/// ended) and the date typed, once it reads as one.
fn typed_date_ui(
    ui: &mut egui::Ui,
    mut typing: TypedDate,
    date: NaiveDate,
    label: DateLabel<'_>,
) -> Option<(Option<TypedDate>, Option<NaiveDate>)> {
    let mut result = None;
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(&mut typing.text)
                .desired_width(110.0)
                .hint_text(crate::tr!("date_input.label")),
        );
        let edit = match label {
            DateLabel::Hover(text) => edit.accessible_name(text),
            DateLabel::By(_) | DateLabel::Unnamed => {
                edit.accessible_name(crate::tr!("date_input.label"))
            }
        };
        if let DateLabel::By(label) = label {
            edit.clone().labelled_by(label);
        }
        if !typing.started {
            edit.request_focus();
            typing.started = true;
        }
        if edit.changed() {
            typing.error = None;
        }
        if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
            result = Some((None, None));
            return;
        }
        if let Some(error) = typing.error {
            ui.colored_label(ui.visuals().error_fg_color, error.message());
        }
        if edit.lost_focus() {
            match crate::i18n::parse_date(&typing.text, date) {
                Ok(picked) => {
                    result = Some((None, Some(picked)));
                    return;
                }
                Err(error) => typing.error = Some(error),
            }
        }
        result = Some((Some(typing.clone()), None));
    });
    result
}

/// Widgets kept together on one line inside a wrapping row (`horizontal_wrapped`): the group
/// moves to the next line whole when the rest of the row is shorter than it was wide last
/// frame, rather than running past the panel's edge. `id_salt` must be unique in its `Ui`.
pub fn unbroken_ui<R>(
    ui: &mut egui::Ui,
    id_salt: impl Hash + std::fmt::Debug,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let id = ui.scope_id().with(id_salt);
    let width = ui.data(|data| data.get_temp::<f32>(id)).unwrap_or(0.0);
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let (inner, drawn) = ui
        .allocate_ui(size, |ui| {
            let group = ui.horizontal(add);
            (group.inner, group.response.rect.width())
        })
        .inner;
    if (drawn - width).abs() > 0.5 {
        ui.data_mut(|data| data.insert_temp(id, drawn));
        // The next frame places the group by its width now.
        ui.ctx().request_repaint();
    }
    inner
}

/// What names a choice field for screen readers (and tests).
pub enum ChoiceName {
    /// The label widget beside it.
    By(egui::Id),
    /// A name of its own, where no label stands beside it.
    Text(String),
}

impl From<egui::Id> for ChoiceName {
    fn from(label: egui::Id) -> Self {
        Self::By(label)
    }
}

/// The one choice field of every panel: a combo box (`id_salt` unique in the window) named by
/// `label` (the label widget beside it, or a text of its own), offering `choices` by their
/// `name`; returns the value as the user left it this frame (`current` unless they picked
/// another).
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: impl Into<ChoiceName>,
    id_salt: impl Hash + std::fmt::Debug,
    current: T,
    choices: impl IntoIterator<Item = T>,
    name: impl Fn(T) -> String,
) -> T {
    let mut value = current;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name(value))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(&mut value, choice, name(choice));
            }
        })
        .response;
    match label.into() {
        ChoiceName::By(label) => {
            response.labelled_by(label);
        }
        ChoiceName::Text(text) => {
            response.accessible_name(text);
        }
    }
    value
}

/// A value picked from a fixed list in a combo box.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order offered.
    const CHOICES: &'static [Self];
    /// The value's name in the window's language.
    fn name(self) -> String;
}

/// A grid row: `label`, then a combo box (`id_salt`) choosing `value` among its type's
/// choices; ends the row and says whether the user changed `value` this frame.
pub fn choice_row_ui<T: Choice>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: &str,
    value: &mut T,
) -> bool {
    let label = ui.label(label);
    let chosen = choice_ui(
        ui,
        label.id,
        id_salt,
        *value,
        T::CHOICES.iter().copied(),
        T::name,
    );
    ui.end_row();
    let changed = chosen != *value;
    *value = chosen;
    changed
}

/// A combo box (`id_salt`, `width` points wide) titled `title` that offers the items of
/// `project` not in `linked`; returns its response and the item picked this frame, if any.
pub fn add_item_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    title: String,
    width: f32,
    project: &Project,
    linked: &[ItemId],
) -> (egui::Response, Option<ItemId>) {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(title)
        .width(width)
        .show_ui(ui, |ui| {
            for item in project
                .items
                .iter()
                .filter(|item| !linked.contains(&item.id))
            {
                if ui.selectable_label(false, &item.name).clicked() {
                    picked = Some(item.id);
                }
            }
        })
        .response;
    (response, picked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_committed_once_the_field_lets_go_of_focus() {
        let mut field = Buffer::new("Old");
        "New".clone_into(&mut field.text);
        field.follow("Old");
        assert_eq!(field.settle(true), None, "kept while typing");
        assert_eq!(
            field.settle(false),
            Some("New".to_owned()),
            "committed on focus loss"
        );
        field.follow("New");
        assert_eq!(field.settle(false), None, "committed once");
        assert_eq!(field.text(), "New", "the text stays");
    }

    #[test]
    fn a_field_follows_the_project_unless_something_was_typed() {
        let mut field = Buffer::new("Before undo");
        field.follow("After undo");
        assert_eq!(field.settle(false), None, "nothing to commit");
        assert_eq!(field.text(), "After undo", "follows an undo");

        let mut typing = Buffer::new("Before undo");
        "Typed".clone_into(&mut typing.text);
        typing.follow("After undo");
        assert_eq!(typing.settle(true), None, "still typing");
        assert_eq!(
            typing.text(),
            "Typed",
            "what is being typed is not replaced"
        );
        assert_eq!(
            typing.settle(false),
            Some("Typed".to_owned()),
            "and is committed when the field is left"
        );
    }

    #[test]
    fn a_refused_commit_shows_the_project_again() {
        let mut field = Buffer::new("09:00");
        "noon".clone_into(&mut field.text);
        assert_eq!(field.settle(false), Some("noon".to_owned()), "handed out");
        field.reject("09:00");
        assert_eq!(field.text(), "09:00", "the value it had");
        assert!(!field.is_pending(), "nothing waits");
    }

    #[test]
    fn what_waits_in_a_field_no_longer_drawn_is_handed_out_once() {
        let mut drafts: Drafts<u8> = Drafts::default();
        drafts.map.insert(1, Buffer::new("same"));
        let mut typed = Buffer::new("old");
        "new".clone_into(&mut typed.text);
        drafts.map.insert(2, typed);
        assert_eq!(drafts.take_pending(), vec![(2, "new".to_owned())]);
        assert!(drafts.take_pending().is_empty(), "once");
    }
}
