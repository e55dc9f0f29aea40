//! The calendar section of the Project tab: working weekdays, holidays and make-up working
//! days, one `SetCalendar` edit each.

use chrono::NaiveDate;

use crate::edit::{Edit, History};
use crate::model::{Calendar, Holiday, Project, Weekday};
use crate::schedule::Impact;
use crate::tr;
use crate::ui::timeline::impact::{impact_list_ui, moves_title};

use super::super::Command;
use super::super::fields::{DateLabel, FieldKind, date_ui};
use super::super::panels::{Panel, PanelInput};
use super::{Field, ProjectSheetState, section, text_ui, weekday_name};

/// Working weekdays, holidays and make-up working days.
pub(super) fn calendar_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let calendar = &project.calendar;
    let mut changed: Option<Calendar> = None;
    section(ui, tr!("sheet.calendar").into_owned(), |ui| {
        ui.label(tr!("sheet.workdays"));
        ui.horizontal_wrapped(|ui| {
            for day in Weekday::ALL {
                let mut worked = calendar.workdays.contains(&day);
                if ui.checkbox(&mut worked, weekday_name(day)).changed() {
                    let mut new = calendar.clone();
                    new.workdays = Weekday::ALL
                        .into_iter()
                        .filter(|other| {
                            if *other == day {
                                worked
                            } else {
                                calendar.workdays.contains(other)
                            }
                        })
                        .collect();
                    changed = Some(new);
                }
            }
        });

        ui.add_space(6.0);
        ui.label(tr!("sheet.holidays"));
        for (index, holiday) in calendar.holidays.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.spacing_mut().item_spacing.x = 3.0;
                    if ui
                        .small_button("✕")
                        .on_hover_text(tr!("sheet.remove_holiday"))
                        .accessible_name(tr!("sheet.remove_holiday"))
                        .clicked()
                    {
                        let mut new = calendar.clone();
                        new.holidays.remove(index);
                        changed = Some(new);
                    }
                    if let Some(to) = date_ui(
                        ui,
                        ("sheet_holiday_to", index),
                        holiday.to,
                        DateLabel::Hover(&tr!("sheet.to")),
                    ) {
                        let mut new = calendar.clone();
                        new.holidays[index].to = to;
                        new.holidays[index].from = holiday.from.min(to);
                        changed = Some(new);
                    }
                    ui.label("–");
                    if let Some(from) = date_ui(
                        ui,
                        ("sheet_holiday_from", index),
                        holiday.from,
                        DateLabel::Hover(&tr!("sheet.from")),
                    ) {
                        let mut new = calendar.clone();
                        new.holidays[index].from = from;
                        new.holidays[index].to = holiday.to.max(from);
                        changed = Some(new);
                    }
                    text_ui(
                        ui,
                        &mut state.drafts,
                        project,
                        Field::HolidayName(index),
                        &holiday.name,
                        FieldKind::Line,
                        &tr!("sheet.holiday_name"),
                        commands,
                    );
                });
            });
        }
        match &mut state.new_holiday {
            Some(form) => match holiday_form_ui(ui, form, input) {
                FormOutcome::Open => {}
                FormOutcome::Cancelled => state.new_holiday = None,
                FormOutcome::Confirmed(holiday) => {
                    let mut new = calendar.clone();
                    new.holidays.push(holiday);
                    changed = Some(new);
                    state.new_holiday = None;
                }
            },
            None => {
                if ui.small_button(tr!("sheet.add_holiday")).clicked() {
                    state.new_holiday = Some(HolidayForm::new(input.today));
                }
            }
        }

        ui.add_space(6.0);
        ui.label(tr!("sheet.extra_workdays"))
            .on_hover_text(tr!("sheet.extra_workdays_hint"));
        ui.horizontal_wrapped(|ui| {
            for (index, day) in calendar.extra_workdays.iter().enumerate() {
                if let Some(picked) = date_ui(
                    ui,
                    ("sheet_extra", index),
                    *day,
                    DateLabel::Hover(&tr!("sheet.extra_workday")),
                ) {
                    let mut new = calendar.clone();
                    new.extra_workdays[index] = picked;
                    changed = Some(new);
                }
                if ui
                    .small_button("✕")
                    .on_hover_text(tr!("sheet.remove_extra_workday"))
                    .accessible_name(tr!("sheet.remove_extra_workday"))
                    .clicked()
                {
                    let mut new = calendar.clone();
                    new.extra_workdays.remove(index);
                    changed = Some(new);
                }
                ui.add_space(6.0);
            }
        });
        if ui.small_button(tr!("sheet.add_extra_workday")).clicked() {
            let mut new = calendar.clone();
            new.extra_workdays.push(next_day_off(calendar, input.today));
            changed = Some(new);
        }
    });
    if let Some(calendar) = changed
        && calendar != project.calendar
    {
        commands.push(Command::Apply(Edit::SetCalendar { calendar }));
    }
}

/// The first day from `from` on that is not worked and not yet a make-up day (a Saturday, most
/// often): the likeliest day to make one.
fn next_day_off(calendar: &Calendar, from: NaiveDate) -> NaiveDate {
    let mut day = from;
    for _ in 0..366 {
        if !calendar.is_working_day(day) && !calendar.extra_workdays.contains(&day) {
            return day;
        }
        let Some(next) = day.succ_opt() else {
            break;
        };
        day = next;
    }
    from
}

/// A holiday being added: nothing changes until it is confirmed, and the form shows what it
/// would push.
pub(super) struct HolidayForm {
    name: String,
    from: NaiveDate,
    to: NaiveDate,
    /// What the holiday would do, and the (revision, from, to) it was worked out for.
    preview: Option<(PreviewKey, Result<Impact, String>)>,
}

/// The project revision and the holiday's dates a preview was worked out for.
type PreviewKey = (u64, NaiveDate, NaiveDate);

impl HolidayForm {
    fn new(day: NaiveDate) -> Self {
        Self {
            name: String::new(),
            from: day,
            to: day,
            preview: None,
        }
    }

    /// The holiday as typed; an empty name is called "Holiday".
    fn holiday(&self) -> Holiday {
        let name = self.name.trim();
        Holiday {
            name: if name.is_empty() {
                tr!("sheet.new_holiday").into_owned()
            } else {
                name.to_owned()
            },
            from: self.from,
            to: self.to,
        }
    }

    /// What adding the holiday to `project` would move, worked out again only when the
    /// project or the dates changed.
    fn preview(&mut self, project: &Project, revision: u64) -> &Result<Impact, String> {
        let key = (revision, self.from, self.to);
        if self.preview.as_ref().is_none_or(|(shown, _)| *shown != key) {
            let mut calendar = project.calendar.clone();
            calendar.holidays.push(self.holiday());
            let impact = History::new(project.clone())
                .preview(Edit::SetCalendar { calendar })
                .map_err(|error| error.to_string());
            self.preview = Some((key, impact));
        }
        &self
            .preview
            .get_or_insert_with(|| (key, Ok(Impact::default())))
            .1
    }
}

/// What became of the form this frame.
enum FormOutcome {
    Open,
    Cancelled,
    Confirmed(Holiday),
}

/// The new-holiday form: name, first and last day off, what it pushes, Add and Cancel.
fn holiday_form_ui(
    ui: &mut egui::Ui,
    form: &mut HolidayForm,
    input: &PanelInput<'_>,
) -> FormOutcome {
    let mut outcome = FormOutcome::Open;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(tr!("sheet.new_holiday_name"));
            ui.add(
                egui::TextEdit::singleline(&mut form.name)
                    .hint_text(tr!("sheet.new_holiday"))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            for (key, first) in [("sheet.from", true), ("sheet.to", false)] {
                let label = ui.label(tr!(key));
                let shown = if first { form.from } else { form.to };
                if let Some(day) = date_ui(ui, ("new_holiday", key), shown, DateLabel::By(label.id))
                {
                    if first {
                        form.from = day;
                        form.to = form.to.max(day);
                    } else {
                        form.to = day;
                        form.from = form.from.min(day);
                    }
                }
            }
        });
        let refused = match form.preview(input.project, input.revision) {
            Ok(impact) if impact.moved.is_empty() => {
                ui.label(
                    egui::RichText::new(tr!("sheet.holiday_moves_nothing"))
                        .color(input.palette.good),
                );
                false
            }
            Ok(impact) => {
                let title = moves_title(impact);
                impact_list_ui(
                    ui,
                    input.project,
                    impact,
                    &title,
                    input.language,
                    input.palette,
                );
                false
            }
            Err(why) => {
                ui.label(egui::RichText::new(why.as_str()).color(input.palette.danger));
                true
            }
        };
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!refused, egui::Button::new(tr!("sheet.holiday_confirm")))
                .clicked()
            {
                outcome = FormOutcome::Confirmed(form.holiday());
            }
            if ui.button(tr!("dialog.cancel")).clicked() {
                outcome = FormOutcome::Cancelled;
            }
        });
    });
    outcome
}
