//! A fast path for reading and writing documents, beside the `ron` crate.
//!
//! The writer produces exactly the bytes of `ron`'s pretty printer with the settings of
//! [`super::to_string`]; the reader understands the subset of RON that Milepost writes (and
//! that people are likely to type). Both go through the same serde implementations of the
//! model as `ron` does, so defaults, unknown fields and duplicates behave the same.
//!
//! Neither ever reports an error of its own: on anything it is not sure of, the reader gives
//! up and `ron` reads the text, so every refusal keeps `ron`'s message, line and column.

pub mod read;
pub mod write;

#[cfg(test)]
mod tests;

/// The fast path gave up; the `ron` path decides.
#[derive(Debug)]
pub struct NotSure;

impl std::fmt::Display for NotSure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not handled by the fast path")
    }
}

impl std::error::Error for NotSure {}

impl serde::de::Error for NotSure {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Self
    }
}

impl serde::ser::Error for NotSure {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Self
    }
}
