//! The timeline without egui: the screen ⇄ date [`transform`], the plain-data [`layout`], the
//! time [`header`] units, the baseline [`ghosts`] and risk [`badges`] as data, and the one
//! [`paint`]er that turns a view into primitives for the window and the export, with text
//! measured by [`fonts`], and the text of an item's [`tooltip`]. The window's canvas (`ui::timeline`) draws and handles gestures.

pub mod badges;
pub mod fonts;
pub mod ghosts;
pub mod header;
pub mod layout;
pub mod paint;
#[cfg(test)]
pub(crate) mod testing;
pub mod tooltip;
pub mod transform;
