//! Text fields that keep what is typed until it is committed (the project sheet,
//! retrospectives), and the one date field of every panel.
//!
//! A field commits when it loses focus (Enter ends a one-line field). What is typed but not yet
//! committed — because the field was not drawn when it lost focus, say after a switch of tab —
//! is handed out by [`Drafts::take_pending`], so that nothing typed is lost.

use std::collections::HashMap;
use std::hash::Hash;

use chrono::{Datelike as _, NaiveDate};

/// The text of one field: what is typed, and the value it started from.
struct Draft {
    /// What the field shows.
    text: String,
    /// The value last seen in (or committed to) the project.
    base: String,
}

/// The drafts of a panel's text fields, by a key naming the field.
pub struct Drafts<K> {
    map: HashMap<K, Draft>,
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
        let draft = self.map.entry(key).or_insert_with(|| Draft {
            text: value.to_owned(),
            base: value.to_owned(),
        });
        if draft.base != value {
            // The project changed underneath (undo, redo, a commit landing): show it, unless
            // something typed is still waiting.
            if draft.text == draft.base {
                value.clone_into(&mut draft.text);
            }
            value.clone_into(&mut draft.base);
        }
        let edit = match kind {
            FieldKind::Line => egui::TextEdit::singleline(&mut draft.text),
            FieldKind::Wrapped => egui::TextEdit::multiline(&mut draft.text)
                .desired_rows(1)
                .return_key(None),
            FieldKind::Paragraph => egui::TextEdit::multiline(&mut draft.text).desired_rows(3),
        };
        let name = if hint.is_empty() { value } else { hint };
        let response = ui
            .add(edit.hint_text(hint).desired_width(f32::INFINITY))
            .accessible_name(name);
        if kind == FieldKind::Wrapped
            && response.has_focus()
            && ui.input(|input| input.key_pressed(egui::Key::Enter))
        {
            response.surrender_focus();
        }
        let done = response.lost_focus() || !response.has_focus();
        if done && draft.text != draft.base {
            draft.base.clone_from(&draft.text);
            return (response, Some(draft.text.clone()));
        }
        (response, None)
    }

    /// Everything typed and not yet committed, with its field; each is handed out once.
    pub fn take_pending(&mut self) -> Vec<(K, String)> {
        let mut pending = Vec::new();
        for (key, draft) in &mut self.map {
            if draft.text != draft.base {
                draft.base.clone_from(&draft.text);
                pending.push((key.clone(), draft.text.clone()));
            }
        }
        pending
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

/// The one date field of every panel: a button showing the date that opens a calendar; returns
/// the new date when the user picked one. `id` must be unique in the window.
pub fn date_ui(
    ui: &mut egui::Ui,
    id: impl Hash + std::fmt::Debug,
    date: NaiveDate,
    label: DateLabel<'_>,
) -> Option<NaiveDate> {
    let mut value = to_jiff(date);
    ui.push_id(id, |ui| {
        let response = ui.add(
            egui_extras::DatePickerButton::new(&mut value)
                .id_salt("date")
                .show_icon(false)
                .calendar_week(true),
        );
        match label {
            DateLabel::By(label) => {
                response.labelled_by(label);
            }
            DateLabel::Hover(text) => {
                response.on_hover_text(text);
            }
            DateLabel::Unnamed => {}
        }
    });
    from_jiff(value).filter(|picked| *picked != date)
}
