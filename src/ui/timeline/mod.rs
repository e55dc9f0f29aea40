//! The timeline in the window: the egui [`canvas`] (navigation, hit testing, gestures, tooltips,
//! the impact card), the [`paint_egui`] back-end that draws the painter's primitives, and the
//! window-only drawings ([`ghosts`], [`badges`], meeting [`markers`]).

pub mod badges;
pub mod canvas;
pub mod ghosts;
pub mod markers;
pub mod paint_egui;
