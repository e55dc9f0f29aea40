//! The timeline: the screen ⇄ date [`transform`], the plain-data [`layout`], and the egui
//! [`canvas`] that draws it and turns gestures into edits.

#[cfg(feature = "gui")]
pub mod badges;
#[cfg(feature = "gui")]
pub mod canvas;
pub mod ghosts;
pub mod header;
pub mod layout;
#[cfg(feature = "gui")]
pub mod markers;
pub mod transform;
