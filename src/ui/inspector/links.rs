//! The Inspector's links: the selection's predecessors and successors, each with its kind and
//! lag editable and a button to remove it, and a search to add a predecessor. Every change is
//! one undoable [`Edit`].

use std::collections::HashMap;

use egui::RichText;

use crate::edit::Edit;
use crate::model::{Item, ItemId, Link, LinkKind, Project};
use crate::tr;

use super::super::fields::{ChoiceName, choice_ui};
use super::super::theme::Palette;

/// How many matches the predecessor search lists.
const MATCHES_SHOWN: usize = 8;

/// What the links section remembers between frames.
#[derive(Default)]
pub struct LinksState {
    /// The text typed into the predecessor search.
    search: String,
    /// A lag being dragged or typed, by link, until it is let go.
    lags: HashMap<(ItemId, ItemId), i32>,
}

/// The links of `item`: predecessors, successors and the predecessor search.
pub fn links_ui(
    ui: &mut egui::Ui,
    project: &Project,
    item: &Item,
    state: &mut LinksState,
    palette: &Palette,
    push: &mut impl FnMut(Edit),
) {
    ui.label(RichText::new(tr!("inspector.links")).strong());
    let predecessors: Vec<&Link> = project
        .links
        .iter()
        .filter(|link| link.to == item.id)
        .collect();
    let successors: Vec<&Link> = project
        .links
        .iter()
        .filter(|link| link.from == item.id)
        .collect();
    if predecessors.is_empty() && successors.is_empty() {
        ui.label(RichText::new(tr!("inspector.no_links")).color(palette.text_muted));
    }
    for (heading, links, other_end) in [
        (
            "inspector.predecessors",
            &predecessors,
            (|link: &Link| link.from) as fn(&Link) -> ItemId,
        ),
        ("inspector.successors", &successors, |link: &Link| link.to),
    ] {
        if links.is_empty() {
            continue;
        }
        ui.label(RichText::new(tr!(heading)).color(palette.text_muted));
        for &link in links {
            ui.horizontal(|ui| {
                link_row_ui(ui, project, link, other_end(link), state, push);
            });
        }
    }
    add_predecessor_ui(ui, project, item, &mut state.search, push);
}

/// One link: the item at its other end, its kind, its lag and a remove button.
fn link_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    link: &Link,
    other: ItemId,
    state: &mut LinksState,
    push: &mut impl FnMut(Edit),
) {
    let name = project
        .item(other)
        .map_or_else(|| other.to_string(), |item| item.name.clone());
    // The kind, the lag and the remove button keep their width at the right; the name takes
    // what is left.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        link_controls_ui(ui, link, &name, state, push);
        ui.add(egui::Label::new(&name).truncate())
            .on_hover_text(&name);
    });
}

/// The remove button, the lag and the kind of `link` (laid out right to left).
fn link_controls_ui(
    ui: &mut egui::Ui,
    link: &Link,
    name: &str,
    state: &mut LinksState,
    push: &mut impl FnMut(Edit),
) {
    let remove = tr!("inspector.remove_link", name = name);
    if ui
        .small_button("✕")
        .on_hover_text(remove.as_ref())
        .accessible_name(remove.as_ref())
        .clicked()
    {
        push(Edit::RemoveLink {
            from: link.from,
            to: link.to,
        });
    }
    let key = (link.from, link.to);
    let mut lag = state.lags.get(&key).copied().unwrap_or(link.lag_workdays);
    let response = ui
        .add(
            egui::DragValue::new(&mut lag)
                .range(-999..=999)
                .suffix(tr!("inspector.workdays_suffix")),
        )
        .on_hover_text(tr!("inspector.lag"))
        .accessible_name(tr!("inspector.lag_of", name = name));
    if response.dragged() || response.has_focus() {
        state.lags.insert(key, lag);
    }
    let let_go = response.drag_stopped()
        || response.lost_focus()
        || (response.changed() && !response.dragged() && !response.has_focus());
    if let_go {
        state.lags.remove(&key);
        if lag != link.lag_workdays {
            push(Edit::ChangeLink {
                from: link.from,
                to: link.to,
                kind: link.kind,
                lag_workdays: lag,
            });
        }
    }
    let kind = ui
        .scope(|ui| {
            ui.spacing_mut().combo_width = 52.0;
            choice_ui(
                ui,
                ChoiceName::Text(tr!("inspector.kind_of", name = name).into_owned()),
                ("link_kind", link.from, link.to),
                link.kind,
                LinkKind::ALL,
                |kind| kind.abbreviation().to_owned(),
            )
        })
        .inner;
    if kind != link.kind {
        push(Edit::ChangeLink {
            from: link.from,
            to: link.to,
            kind,
            lag_workdays: link.lag_workdays,
        });
    }
}

/// A search field for a new predecessor: the items whose names contain the text, offered as
/// buttons; picking one adds a finish-to-start link from it to `item`.
fn add_predecessor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    item: &Item,
    search: &mut String,
    push: &mut impl FnMut(Edit),
) {
    ui.add(
        egui::TextEdit::singleline(search)
            .hint_text(tr!("inspector.add_predecessor"))
            .desired_width(f32::INFINITY),
    )
    .on_hover_text(tr!("inspector.add_predecessor"))
    .accessible_name(tr!("inspector.add_predecessor"));
    let wanted = search.trim().to_lowercase();
    if wanted.is_empty() {
        return;
    }
    let linked = |other: ItemId| {
        project.links.iter().any(|link| {
            (link.from, link.to) == (other, item.id) || (link.from, link.to) == (item.id, other)
        })
    };
    let matches: Vec<&Item> = project
        .items
        .iter()
        .filter(|other| other.id != item.id && !linked(other.id))
        .filter(|other| other.name.to_lowercase().contains(&wanted))
        .take(MATCHES_SHOWN)
        .collect();
    if matches.is_empty() {
        ui.weak(tr!("inspector.no_match"));
    }
    for other in matches {
        let text = tr!("inspector.add_predecessor_item", name = other.name.as_str());
        if ui.button(text.as_ref()).clicked() {
            push(Edit::AddLink {
                link: Link {
                    from: other.id,
                    to: item.id,
                    kind: LinkKind::FinishToStart,
                    lag_workdays: 0,
                },
            });
            search.clear();
        }
    }
}
