//! Recovery copies: while a project has unsaved changes, a copy is kept in the application's
//! data folder so that a crash or a power cut loses at most a minute of work.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Project;

use super::{StoreError, disk::fnv1a};

/// The first line of a recovery file names the document it belongs to.
const PATH_MARKER: &str = "// milepost recovery of: ";

/// A recovery copy found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file.
    pub file: PathBuf,
    /// The document it is a copy of; `None` for a project never saved.
    pub document: Option<PathBuf>,
    /// When it was written.
    pub written: Option<SystemTime>,
}

/// The folder of recovery copies.
#[derive(Clone, Debug)]
pub struct RecoveryFolder {
    folder: PathBuf,
}

impl RecoveryFolder {
    /// Recovery copies in `folder`.
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    /// The platform's folder for Milepost's recovery copies
    /// (`~/.local/share/milepost/recovery` on Linux).
    pub fn standard_folder() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "milepost")?;
        Some(dirs.data_dir().join("recovery"))
    }

    /// The recovery file for `document` (or for an untitled project).
    pub fn file_for(&self, document: Option<&Path>) -> PathBuf {
        let name = match document {
            None => "untitled.ron".to_owned(),
            Some(path) => {
                let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
                let stem = path
                    .file_stem()
                    .map(|stem| {
                        stem.to_string_lossy()
                            .chars()
                            .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                            .take(40)
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                format!(
                    "{stem}-{:016x}.ron",
                    fnv1a(path.as_os_str().as_encoded_bytes())
                )
            }
        };
        self.folder.join(name)
    }

    /// Writes a recovery copy of `project`, the unsaved state of `document`.
    ///
    /// # Errors
    /// The data folder cannot be created or written.
    pub fn write(&self, project: &Project, document: Option<&Path>) -> Result<PathBuf, StoreError> {
        std::fs::create_dir_all(&self.folder).map_err(|source| StoreError::Io {
            action: super::IoAction::CreateFolder,
            path: self.folder.clone(),
            source,
        })?;
        let file = self.file_for(document);
        let mut text = String::new();
        if let Some(document) = document {
            let document = std::fs::canonicalize(document).unwrap_or_else(|_| document.to_owned());
            text.push_str(PATH_MARKER);
            text.push_str(&document.to_string_lossy());
            text.push('\n');
        }
        text.push_str(&super::to_string(project)?);
        super::write_file(&file, text.as_bytes(), false)?;
        Ok(file)
    }

    /// Every recovery copy in the folder, newest first.
    pub fn list(&self) -> Vec<Recovery> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<Recovery> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "ron"))
            .map(|file| {
                // Only a regular file is read: anything else in the folder is no copy of ours.
                let text = super::read_regular(&file)
                    .ok()
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
                let document = text.and_then(|text| {
                    text.lines()
                        .next()
                        .and_then(|line| line.strip_prefix(PATH_MARKER))
                        .map(PathBuf::from)
                });
                let written = std::fs::metadata(&file)
                    .and_then(|metadata| metadata.modified())
                    .ok();
                Recovery {
                    file,
                    document,
                    written,
                }
            })
            .collect();
        found.sort_by_key(|recovery| std::cmp::Reverse(recovery.written));
        found
    }

    /// Removes the recovery copy of `document`, if there is one.
    ///
    /// # Errors
    /// The file exists but cannot be removed.
    pub fn discard(&self, document: Option<&Path>) -> Result<(), StoreError> {
        let file = self.file_for(document);
        match std::fs::remove_file(&file) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Io {
                action: super::IoAction::Remove,
                path: file,
                source: error,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_written_listed_loaded_and_discarded() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let document = dir.path().join("plan.ron");
        std::fs::write(&document, "").expect("the document exists");
        let project = crate::cli::generate::project(30, 2);
        let file = folder.write(&project, Some(&document)).expect("write");
        folder
            .write(&Project::named("Loose"), None)
            .expect("write untitled");

        let found = folder.list();
        assert_eq!(found.len(), 2, "two copies");
        let copy = found
            .iter()
            .find(|recovery| recovery.file == file)
            .expect("listed");
        let canonical = std::fs::canonicalize(&document).expect("canonical");
        assert_eq!(
            copy.document.as_deref(),
            Some(canonical.as_path()),
            "knows its document"
        );
        assert!(copy.written.is_some(), "knows when");
        let loaded = super::super::load_file(&copy.file).expect("a recovery copy is a document");
        assert_eq!(loaded.project, project, "the same project");

        folder.discard(Some(&document)).expect("discard");
        assert_eq!(folder.list().len(), 1, "only the untitled copy is left");
        folder
            .discard(Some(&document))
            .expect("discarding twice is fine");
    }

    #[test]
    fn different_documents_get_different_files() {
        let folder = RecoveryFolder::new("/tmp/unused");
        let a = folder.file_for(Some(Path::new("/a/plan.ron")));
        let b = folder.file_for(Some(Path::new("/b/plan.ron")));
        assert_ne!(a, b, "same name in two folders");
        assert_eq!(
            folder.file_for(None),
            PathBuf::from("/tmp/unused/untitled.ron"),
            "untitled"
        );
    }
}
