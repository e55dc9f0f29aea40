//! The tabs on the right of the window: Inspector, Meetings, Risks, Retrospectives and Project.

use chrono::NaiveDate;
use egui::RichText;

use crate::i18n::Language;
use crate::model::{ItemId, Project};
use crate::schedule::Change;
use crate::tr;

use super::Command;
use super::derived::ScheduleFacts;
use super::inspector::{self, InspectorState};
use super::theme::Palette;
use super::{baselines, meetings, project_sheet, retrospectives, risks};

/// A tab of the side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The selected items.
    #[default]
    Inspector,
    /// The communication log.
    Meetings,
    /// The risk register.
    Risks,
    /// Looks back.
    Retrospectives,
    /// Name, client, scope, team, lanes, calendar and baselines.
    Project,
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::Inspector,
        Self::Meetings,
        Self::Risks,
        Self::Retrospectives,
        Self::Project,
    ];

    /// The tab's label.
    pub fn label(self) -> String {
        match self {
            Self::Inspector => tr!("panel.inspector"),
            Self::Meetings => tr!("panel.meetings"),
            Self::Risks => tr!("panel.risks"),
            Self::Retrospectives => tr!("panel.retrospectives"),
            Self::Project => tr!("panel.project"),
        }
        .into_owned()
    }
}

/// What the panels show and the text being typed in them.
#[derive(Default)]
pub struct Panels {
    /// The tab in front.
    pub tab: Tab,
    /// The Inspector.
    pub inspector: InspectorState,
    /// The Meetings tab.
    pub meetings: meetings::MeetingsState,
    /// The Risks tab.
    pub risks: risks::RisksState,
    /// The Retrospectives tab.
    pub retrospectives: retrospectives::RetrospectivesState,
    /// The Project tab.
    pub project: project_sheet::ProjectSheetState,
    /// The Project tab shows the baselines rather than the sheet.
    pub show_baselines: bool,
    /// The baselines section of the Project tab, its dialog and the trend window.
    pub baselines: baselines::BaselinesState,
}

/// What every panel reads.
#[expect(dead_code, reason = "the tabs read more of it as they grow")]
pub struct PanelInput<'a> {
    /// The project as it is now.
    pub project: &'a Project,
    /// Its revision (changes whenever the project changes, undo included).
    pub revision: u64,
    /// The selected items, in id order.
    pub selection: &'a [ItemId],
    /// Today's date.
    pub today: NaiveDate,
    /// The language of the window.
    pub language: Language,
    /// The colours.
    pub palette: &'a Palette,
    /// Floats, the critical path and buffer use of this revision, when known.
    pub facts: Option<&'a ScheduleFacts>,
    /// What changed since the baseline compared with, when there is one.
    pub baseline_changes: Option<&'a [Change]>,
}

/// What a panel reads and where it pushes the commands it gives.
pub struct Panel<'a> {
    /// What every panel reads.
    pub input: &'a PanelInput<'a>,
    /// The commands given this frame, applied at its end.
    pub commands: &'a mut Vec<Command>,
}

/// The side panel: the tab bar and the tab in front, in the width the panel has (the one the
/// user gave it): what a tab would draw wider is cut off at the panel's edge instead of
/// widening the panel, which would push the timeline aside each time that tab is opened.
pub fn panels_ui(ui: &mut egui::Ui, panels: &mut Panels, panel: Panel<'_>) {
    let rect = ui.available_rect_before_wrap();
    let mut content = ui.new_child(egui::UiBuilder::new().id_salt("tabs").max_rect(rect));
    content.shrink_clip_rect(rect);
    tabs_ui(&mut content, panels, panel);
    ui.advance_cursor_after_rect(rect);
}

/// The tab bar and the tab in front.
fn tabs_ui(ui: &mut egui::Ui, panels: &mut Panels, panel: Panel<'_>) {
    let Panel { input, commands } = panel;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for tab in Tab::ALL {
            let label = RichText::new(tab.label()).size(13.5);
            if ui.selectable_label(panels.tab == tab, label).clicked() {
                panels.tab = tab;
            }
        }
    });
    ui.separator();
    match panels.tab {
        Tab::Inspector => {
            egui::ScrollArea::vertical()
                .id_salt("inspector_scroll")
                .show(ui, |ui| {
                    inspector::inspector_ui(
                        ui,
                        input.project,
                        input.selection,
                        &mut panels.inspector,
                        input.palette,
                        commands,
                    );
                });
        }
        Tab::Meetings => meetings::meetings_ui(ui, &mut panels.meetings, Panel { input, commands }),
        Tab::Risks => risks::risks_ui(ui, &mut panels.risks, Panel { input, commands }),
        Tab::Retrospectives => {
            retrospectives::retrospectives_ui(
                ui,
                &mut panels.retrospectives,
                Panel { input, commands },
            );
        }
        Tab::Project => {
            ui.horizontal(|ui| {
                for (baselines, key) in [(false, "panel.project_sheet"), (true, "panel.baselines")]
                {
                    if ui
                        .selectable_label(panels.show_baselines == baselines, tr!(key))
                        .clicked()
                    {
                        panels.show_baselines = baselines;
                    }
                }
            });
            ui.add_space(2.0);
            if panels.show_baselines {
                egui::ScrollArea::vertical()
                    .id_salt("baselines_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        baselines::baselines_ui(
                            ui,
                            &mut panels.baselines,
                            Panel { input, commands },
                        );
                    });
            } else {
                project_sheet::project_sheet_ui(ui, &mut panels.project, Panel { input, commands });
            }
        }
    }
    // What was typed in a tab that is no longer in front is committed, not lost.
    if panels.tab != Tab::Retrospectives {
        retrospectives::flush(&mut panels.retrospectives, input, commands);
    }
    if panels.tab != Tab::Project {
        project_sheet::flush(&mut panels.project, input, commands);
    }
}
