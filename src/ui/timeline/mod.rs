//! The timeline in the window: the egui [`canvas`] (navigation, tooltips, and through private
//! modules hit testing, gestures and the impact card), the [`paint_egui`] back-end that draws
//! the painter's primitives, the lines of an item's risks in its tooltip ([`badges`]) and the
//! meeting [`markers`] on the ruler, which are widgets of the window alone.

pub mod badges;
pub mod canvas;
mod gestures;
pub(crate) mod impact;
pub mod markers;
pub mod paint_egui;
