//! The calendar section of the Project tab: working weekdays, holidays and make-up working
//! days, one `SetCalendar` edit each.

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::{Calendar, Holiday, Weekday};
use crate::tr;

use super::super::Command;
use super::super::fields::{DateLabel, FieldKind, date_ui};
use super::super::panels::Panel;
use super::{Field, ProjectSheetState, section, text_ui, weekday_name};

/// Working weekdays, holidays and make-up working days.
pub(super) fn calendar_ui(ui: &mut egui::Ui, state: &mut ProjectSheetState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let calendar = &project.calendar;
    let drafts = &mut state.drafts;
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
                        drafts,
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
        if ui.small_button(tr!("sheet.add_holiday")).clicked() {
            let mut new = calendar.clone();
            new.holidays.push(Holiday {
                name: tr!("sheet.new_holiday").into_owned(),
                from: input.today,
                to: input.today,
            });
            changed = Some(new);
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
