//! The look of Milepost that does not depend on egui: the colour [`tokens`] shared by the window
//! and the exported picture.

pub mod tokens;
