//! The timeline: the screen ⇄ date [`transform`], the plain-data [`layout`], and the egui
//! [`canvas`] that draws it and turns gestures into edits.

#[cfg(feature = "gui")]
pub mod canvas;
pub mod header;
pub mod layout;
pub mod transform;
