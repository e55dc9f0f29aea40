//! Upgrades of documents written by older versions of Milepost.
//!
//! Each migration turns the text of version `n` into the text of version `n + 1`. A migrated
//! project is written in the current version only when the user saves it.

use crate::model::CURRENT_VERSION;

use super::StoreError;

/// Brings `text`, a document of `version`, up to [`CURRENT_VERSION`].
pub fn upgrade(text: &str, version: u32) -> Result<std::borrow::Cow<'_, str>, StoreError> {
    match version {
        CURRENT_VERSION => Ok(std::borrow::Cow::Borrowed(text)),
        // Version 1 is the first; migrations from it will be added here, oldest first.
        newer if newer > CURRENT_VERSION => Err(StoreError::NewerVersion {
            found: newer,
            supported: CURRENT_VERSION,
        }),
        unknown => Err(StoreError::UnknownVersion { found: unknown }),
    }
}
