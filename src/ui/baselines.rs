//! Baselines: the Save baseline dialog, the baseline section of the Project tab (list, compare
//! with, changes since) and the milestone trend analysis window.

use chrono::NaiveDate;
use egui::RichText;

use crate::edit::Edit;
use crate::i18n::Language;
use crate::model::{Baseline, BaselineId, ItemKind, Project, next_id};
use crate::report::{latest_baseline, trend};
use crate::schedule::{Change, take_baseline};
use crate::tr;

use super::Command;
use super::derived::BaselineCaches;
use super::fields::{DateLabel, date_ui};
use super::panels::{Panel, PanelInput};
use super::theme::Palette;

mod trend_chart;

/// What the baseline UI remembers during the session (never saved in the project).
#[derive(Default)]
pub struct BaselinesState {
    /// Whether the compared baseline's ghosts are drawn on the timeline.
    pub overlay: bool,
    /// The baseline compared with; the latest when `None` or when it no longer exists.
    pub compare: Option<BaselineId>,
    /// Whether the milestone trend window is open.
    pub trend_open: bool,
    /// The Save baseline dialog, while it is open.
    save: Option<SaveDialog>,
    /// A baseline being renamed, and the name typed so far.
    renaming: Option<(BaselineId, String)>,
}

/// The fields of the Save baseline dialog.
struct SaveDialog {
    name: String,
    taken: NaiveDate,
    /// Focus the name on the first frame.
    focus: bool,
}

impl BaselinesState {
    /// The baseline compared with: the chosen one, else the latest.
    pub fn compared<'a>(&self, project: &'a Project) -> Option<&'a Baseline> {
        self.compare
            .and_then(|id| project.baselines.iter().find(|baseline| baseline.id == id))
            .or_else(|| latest_baseline(project))
    }

    /// Opens the Save baseline dialog with a numbered name and today's date.
    pub fn open_save_dialog(&mut self, project: &Project, today: NaiveDate) {
        self.save = Some(SaveDialog {
            name: tr!(
                "baselines.default_name",
                number = project.baselines.len() + 1
            )
            .into_owned(),
            taken: today,
            focus: true,
        });
    }

    /// Forgets what belonged to the previous project (its chosen baseline, a rename); the overlay
    /// stays as the user set it.
    pub fn forget_project(&mut self) {
        let overlay = self.overlay;
        let trend_open = self.trend_open;
        *self = Self {
            overlay,
            trend_open,
            ..Self::default()
        };
    }

    /// Whether the Save baseline dialog is open.
    pub fn is_saving(&self) -> bool {
        self.save.is_some()
    }
}

/// A date with its year, in the current language: "12 Oct 2026", "2026年10月12日".
fn full_date(date: NaiveDate, language: Language) -> String {
    crate::i18n::format_date(date, crate::i18n::DateStyle::Long, language)
}

/// A signed number of working days: "+3 wd", "−2 wd".
fn workdays_text(workdays: i64) -> String {
    let value = match workdays {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{n}"),
        n => format!("−{}", n.unsigned_abs()),
    };
    tr!("baselines.wd", value = value).into_owned()
}

/// The baseline section of the Project tab.
pub fn baselines_ui(ui: &mut egui::Ui, state: &mut BaselinesState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let palette = input.palette;
    ui.add_space(8.0);
    ui.separator();
    ui.horizontal(|ui| {
        ui.heading(RichText::new(tr!("baselines.heading")).size(17.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!("baselines.save_button")).clicked() {
                state.open_save_dialog(project, input.today);
            }
        });
    });
    if project.baselines.is_empty() {
        ui.label(RichText::new(tr!("baselines.none")).color(palette.text_muted));
        return;
    }
    list_ui(ui, state, Panel { input, commands });

    ui.add_space(6.0);
    let Some(compared) = state.compared(project) else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr!("baselines.compare_with"));
        egui::ComboBox::from_id_salt("baseline_compare")
            .selected_text(&compared.name)
            .show_ui(ui, |ui| {
                for baseline in trend::baselines_by_date(project).into_iter().rev() {
                    let text = format!(
                        "{} · {}",
                        baseline.name,
                        full_date(baseline.taken, input.language)
                    );
                    if ui
                        .selectable_label(baseline.id == compared.id, text)
                        .clicked()
                    {
                        state.compare = Some(baseline.id);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.overlay, tr!("baselines.show_overlay"));
        if ui.button(tr!("baselines.trend_button")).clicked() {
            state.trend_open = true;
        }
    });
    changes_ui(ui, input, compared);
}

/// The list of baselines, newest first: name and date; double-click or right-click the name to
/// rename, ✕ to delete (undoable).
fn list_ui(ui: &mut egui::Ui, state: &mut BaselinesState, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    let project = input.project;
    let palette = input.palette;
    for baseline in trend::baselines_by_date(project).into_iter().rev() {
        let remove = Command::Apply(Edit::RemoveBaseline {
            baseline: baseline.id,
        });
        ui.horizontal(|ui| {
            if let Some((id, name)) = &mut state.renaming
                && *id == baseline.id
            {
                let label = ui.label(tr!("baselines.name"));
                let response = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .desired_width(ui.available_width() - 8.0)
                            .id_salt("baseline_rename"),
                    )
                    .labelled_by(label.id);
                if !response.has_focus() && !response.lost_focus() {
                    response.request_focus();
                }
                let (enter, escape) = ui.input(|i| {
                    (
                        i.key_pressed(egui::Key::Enter),
                        i.key_pressed(egui::Key::Escape),
                    )
                });
                if escape {
                    state.renaming = None;
                } else if enter || response.lost_focus() {
                    let name = name.trim().to_owned();
                    if !name.is_empty() && name != baseline.name {
                        commands.push(Command::Apply(Edit::UpdateBaseline {
                            baseline: Baseline {
                                name,
                                ..baseline.clone()
                            },
                        }));
                    }
                    state.renaming = None;
                }
                return;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let delete = tr!("baselines.delete_named", name = baseline.name.as_str());
                let button = ui.small_button("✕");
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, delete.as_ref())
                });
                if button.on_hover_text(delete.as_ref()).clicked() {
                    commands.push(remove.clone());
                }
                ui.label(
                    RichText::new(full_date(baseline.taken, input.language))
                        .color(palette.text_muted),
                );
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let response = ui
                        .add(
                            egui::Label::new(RichText::new(&baseline.name).strong())
                                .truncate()
                                .sense(egui::Sense::click()),
                        )
                        .on_hover_text(tr!("baselines.rename_hint"));
                    if response.double_clicked() {
                        state.renaming = Some((baseline.id, baseline.name.clone()));
                    }
                    response.context_menu(|ui| {
                        if ui.button(tr!("baselines.rename")).clicked() {
                            state.renaming = Some((baseline.id, baseline.name.clone()));
                        }
                        if ui.button(tr!("baselines.delete")).clicked() {
                            commands.push(remove.clone());
                        }
                    });
                });
            });
        });
    }
}

/// What changed since `compared` (worked out in `input.baseline_changes`): moved milestones,
/// moved tasks, other changes, and the progress changes folded away.
fn changes_ui(ui: &mut egui::Ui, input: &PanelInput<'_>, compared: &Baseline) {
    let project = input.project;
    let palette = input.palette;
    let Some(changes) = input.baseline_changes else {
        return;
    };
    ui.add_space(4.0);
    ui.label(
        RichText::new(tr!(
            "baselines.changes_heading",
            name = compared.name.as_str()
        ))
        .strong(),
    );
    if changes.is_empty() {
        ui.label(RichText::new(tr!("baselines.no_changes")).color(palette.text_muted));
        return;
    }
    let (mut later, mut earlier, mut added, mut removed) = (0, 0, 0, 0);
    for change in changes {
        match change {
            Change::Moved { variance, .. } => {
                let shift = if variance.finish_workdays == 0 {
                    variance.start_workdays
                } else {
                    variance.finish_workdays
                };
                if shift > 0 {
                    later += 1;
                } else {
                    earlier += 1;
                }
            }
            Change::Added { .. } => added += 1,
            Change::Removed { .. } => removed += 1,
            Change::Renamed { .. } | Change::ProgressChanged { .. } => {}
        }
    }
    ui.label(
        RichText::new(tr!(
            "baselines.summary",
            later = later,
            earlier = earlier,
            added = added,
            removed = removed
        ))
        .color(palette.text_muted),
    );
    let is_milestone = |change: &Change| match change {
        Change::Moved { item, .. } => project
            .item(*item)
            .is_some_and(|item| item.kind == ItemKind::Milestone),
        _ => false,
    };
    let moves = changes.iter().filter(|change| is_milestone(change)).chain(
        changes
            .iter()
            .filter(|change| matches!(change, Change::Moved { .. }) && !is_milestone(change)),
    );
    let others = changes.iter().filter(|change| {
        matches!(
            change,
            Change::Added { .. } | Change::Removed { .. } | Change::Renamed { .. }
        )
    });
    let progress: Vec<&Change> = changes
        .iter()
        .filter(|change| matches!(change, Change::ProgressChanged { .. }))
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("baseline_changes")
        .max_height(ui.available_height().max(160.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for change in moves.chain(others) {
                change_ui(ui, project, change, input.language, palette);
            }
            if !progress.is_empty() {
                egui::CollapsingHeader::new(tr!(
                    "baselines.progress_heading",
                    count = progress.len()
                ))
                .id_salt("baseline_progress_changes")
                .show(ui, |ui| {
                    for change in progress {
                        change_ui(ui, project, change, input.language, palette);
                    }
                });
            }
        });
}

/// How a move reads: "+3 wd" when start and finish moved alike (or for a milestone),
/// else which end moved by how much.
fn shift_text(milestone: bool, start_workdays: i64, finish_workdays: i64) -> String {
    if milestone || start_workdays == finish_workdays {
        workdays_text(finish_workdays)
    } else if start_workdays == 0 {
        tr!(
            "baselines.finish_only",
            finish = workdays_text(finish_workdays)
        )
        .into_owned()
    } else if finish_workdays == 0 {
        tr!(
            "baselines.start_only",
            start = workdays_text(start_workdays)
        )
        .into_owned()
    } else {
        tr!(
            "baselines.start_finish",
            start = workdays_text(start_workdays),
            finish = workdays_text(finish_workdays)
        )
        .into_owned()
    }
}

/// One change: what it is, and for a move by how many working days and between which dates.
fn change_ui(
    ui: &mut egui::Ui,
    project: &Project,
    change: &Change,
    language: Language,
    palette: &Palette,
) {
    let name_of = |item| project.item(item).map_or("", |item| item.name.as_str());
    match change {
        Change::Moved { item, variance } => {
            let Some(current) = project.item(*item) else {
                return;
            };
            let milestone = current.kind == ItemKind::Milestone;
            let finish = variance.finish_workdays;
            let colour = match finish.cmp(&0) {
                std::cmp::Ordering::Greater => palette.danger,
                std::cmp::Ordering::Less => palette.good,
                std::cmp::Ordering::Equal => palette.warning,
            };
            let dates = if milestone {
                format!(
                    "{} → {}",
                    super::short_date(variance.baseline_finish, language),
                    super::short_date(current.finish, language)
                )
            } else {
                format!(
                    "{} – {} → {} – {}",
                    super::short_date(variance.baseline_start, language),
                    super::short_date(variance.baseline_finish, language),
                    super::short_date(current.start, language),
                    super::short_date(current.finish, language)
                )
            };
            let (marker, marker_colour) = if milestone {
                ("◆", palette.milestone)
            } else {
                ("▬", palette.task)
            };
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    ui.label(
                        RichText::new(shift_text(milestone, variance.start_workdays, finish))
                            .color(colour)
                            .strong(),
                    );
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.spacing_mut().item_spacing.y = 0.0;
                        ui.horizontal(|ui| {
                            ui.spacing_mut().item_spacing.x = 4.0;
                            ui.label(RichText::new(marker).color(marker_colour));
                            ui.add(egui::Label::new(&current.name).truncate());
                        });
                        ui.add(
                            egui::Label::new(
                                RichText::new(dates).color(palette.text_muted).small(),
                            )
                            .truncate(),
                        );
                    });
                });
            });
        }
        Change::Added { name, .. } => {
            ui.label(
                RichText::new(tr!("baselines.added", name = name.as_str())).color(palette.good),
            );
        }
        Change::Removed { item, name } => {
            let text = if name.is_empty() {
                tr!("baselines.removed_unnamed", id = item.0)
            } else {
                tr!("baselines.removed", name = name.as_str())
            };
            ui.label(RichText::new(text).color(palette.danger));
        }
        Change::Renamed { old, new, .. } => {
            ui.label(tr!(
                "baselines.renamed",
                old = old.as_str(),
                new = new.as_str()
            ));
        }
        Change::ProgressChanged { item, old, new } => {
            ui.label(tr!(
                "baselines.progress",
                name = name_of(*item),
                old = old,
                new = new
            ));
        }
    }
}

/// The Save baseline dialog and the milestone trend window, whichever are open.
pub fn windows_ui(
    ctx: &egui::Context,
    state: &mut BaselinesState,
    caches: &mut BaselineCaches,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    save_dialog_ui(ctx, state, input, commands);
    if state.trend_open {
        let mut open = true;
        egui::Window::new(tr!("baselines.trend_title"))
            .id(egui::Id::unique("milestone_trend_window"))
            .open(&mut open)
            .resizable(true)
            .collapsible(false)
            .default_size([1080.0, 700.0])
            .min_size([560.0, 360.0])
            .default_pos(ctx.content_rect().center())
            .pivot(egui::Align2::CENTER_CENTER)
            .show(ctx, |ui| {
                let lines = caches.milestone_trend(input.project, input.revision, input.today);
                trend_chart::trend_ui(ui, input, lines);
            });
        state.trend_open = open;
    }
}

fn save_dialog_ui(
    ctx: &egui::Context,
    state: &mut BaselinesState,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    let Some(dialog) = &mut state.save else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("save_baseline_dialog")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(tr!("baselines.dialog_title"));
        ui.label(RichText::new(tr!("baselines.dialog_hint")).color(input.palette.text_muted));
        ui.add_space(8.0);
        egui::Grid::new("save_baseline_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(tr!("baselines.name"));
                let response = ui
                    .add(egui::TextEdit::singleline(&mut dialog.name).desired_width(260.0))
                    .labelled_by(label.id);
                if dialog.focus {
                    response.request_focus();
                    dialog.focus = false;
                }
                ui.end_row();
                let label = ui.label(tr!("baselines.date"));
                let taken = dialog.taken;
                let label = DateLabel::By(label.id);
                if let Some(picked) = date_ui(ui, "save_baseline_date", taken, label) {
                    dialog.taken = picked;
                }
                ui.end_row();
            });
        let name = dialog.name.trim();
        if name.is_empty() {
            ui.label(RichText::new(tr!("baselines.name_required")).color(input.palette.warning));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .add_enabled(!name.is_empty(), egui::Button::new(tr!("baselines.save")))
                .clicked()
                || (enter && !name.is_empty()))
                && !close
            {
                let id = BaselineId(next_id(
                    input.project.baselines.iter().map(|baseline| baseline.id.0),
                ));
                let baseline = take_baseline(input.project, id, name, dialog.taken);
                commands.push(Command::Apply(Edit::AddBaseline { baseline }));
                close = true;
            }
            if ui.button(tr!("baselines.cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
        });
    });
    if close {
        state.save = None;
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike as _;
    use egui_plot::GridInput;

    use super::trend_chart::{date_marks, date_of, days};
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn plot_days_round_trip_to_dates() {
        let day = date(2027, 2, 26);
        assert_eq!(date_of(days(day)), Some(day), "days since the era and back");
        assert_eq!(date_of(days(day) + 0.4), Some(day), "rounded to the day");
    }

    #[test]
    fn grid_marks_fall_on_the_first_of_months_and_on_mondays() {
        let input = GridInput {
            bounds: (days(date(2026, 11, 20)), days(date(2027, 1, 10))),
            base_step_size: 1.0,
        };
        let marks = date_marks(&input);
        let dates: Vec<NaiveDate> = marks
            .iter()
            .filter_map(|mark| date_of(mark.value))
            .collect();
        assert!(dates.contains(&date(2026, 12, 1)), "1 Dec: {dates:?}");
        assert!(dates.contains(&date(2027, 1, 1)), "1 Jan");
        assert!(dates.contains(&date(2026, 11, 23)), "a Monday");
        assert!(
            dates
                .iter()
                .all(|d| d.day() == 1 || d.weekday() == chrono::Weekday::Mon),
            "nothing else"
        );
    }

    #[test]
    fn working_days_are_signed() {
        crate::i18n::set_language(Language::English);
        assert_eq!(workdays_text(3), "+3 wd", "later");
        assert_eq!(workdays_text(-2), "−2 wd", "earlier");
    }
}
