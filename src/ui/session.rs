//! The open document: its history, where it came from, the file's stamp on disk, recovery
//! copies and a file still loading in the background.
//!
//! Every way a project enters the window (New, Open, Import, Reload, Restore, the sample) goes
//! through one [`Session::replace`] and one [`App::replace_project`], so each does the same
//! follow-up. Not for how the project is looked at (that is [`super::view`]).

use std::path::{Path, PathBuf};

use crate::edit::History;
use crate::model::Project;
use crate::store::{self, DiskStamp};
use crate::tr;

use super::loading::Loading;
use super::safety::Safety;
use super::{App, SAMPLE};

/// Files larger than this open on a thread of their own, with progress shown.
const BACKGROUND_LOAD_BYTES: u64 = 4 * 1024 * 1024;

/// Where the open project came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The bundled sample; Save asks for a file.
    Sample,
    /// A new project never saved.
    Untitled,
    /// A file on disk.
    File(PathBuf),
}

/// How a project came into the window, which decides its origin, its stamp on disk and whether
/// it starts unsaved.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// The bundled sample.
    Sample,
    /// A new empty project.
    New,
    /// Read from `path`, which was `stamp` when read.
    File {
        /// The file.
        path: PathBuf,
        /// The file as it was read.
        stamp: DiskStamp,
    },
    /// Imported from another format: not saved anywhere yet.
    Imported,
    /// A recovery copy of `document` (none for a project never saved): unsaved until saved.
    Restored {
        /// The file the copy belongs to.
        document: Option<PathBuf>,
    },
}

/// The open document.
pub struct Session {
    /// The project and its undo history.
    pub history: History,
    /// Where it came from.
    pub origin: Origin,
    /// Recovery copies and conflict detection.
    pub safety: Safety,
    /// A large file being read in the background.
    pub loading: Option<Loading>,
}

impl Session {
    /// An empty untitled document, with recovery copies kept in `recovery` (none when `None`).
    pub fn new(recovery: Option<store::RecoveryFolder>) -> Self {
        Self {
            history: History::new(Project::default()),
            origin: Origin::Untitled,
            safety: Safety::new(recovery),
            loading: None,
        }
    }

    /// Makes `project` the open document.
    pub fn replace(&mut self, project: Project, opened: Opened) {
        let (origin, stamp, unsaved) = match opened {
            Opened::Sample => (Origin::Sample, None, false),
            Opened::New => (Origin::Untitled, None, false),
            Opened::File { path, stamp } => (Origin::File(path), Some(stamp), false),
            // Not saved anywhere yet: closing asks first, and recovery copies are kept.
            Opened::Imported => (Origin::Untitled, None, true),
            Opened::Restored { document } => {
                let stamp = document.as_deref().and_then(DiskStamp::read);
                (document.map_or(Origin::Untitled, Origin::File), stamp, true)
            }
        };
        self.history = History::new(project);
        self.origin = origin;
        self.safety.opened(stamp);
        self.safety.restored = unsaved;
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        self.history.project()
    }

    /// Whether there are changes not yet saved.
    pub fn is_modified(&self) -> bool {
        self.history.is_modified() || self.safety.restored
    }

    /// The file the project is saved in, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Sample | Origin::Untitled => None,
        }
    }
}

impl App {
    /// Makes `project` the open document and resets what belonged to the previous one: the
    /// view, the caches, and for a file the recent list.
    pub(super) fn replace_project(&mut self, project: Project, opened: Opened) {
        if let Opened::File { path, .. } = &opened {
            self.prefs.remember(path);
        }
        self.session.replace(project, opened);
        self.view.reset();
        self.derived.reset();
    }

    /// Opens the bundled sample project.
    pub fn open_sample(&mut self) {
        match store::load_str(SAMPLE) {
            Ok(loaded) => self.replace_project(loaded.project, Opened::Sample),
            Err(error) => {
                self.replace_project(Project::named(tr!("project.untitled")), Opened::New);
                self.show_error(tr!("dialog.error_title").into_owned(), error.to_string());
            }
        }
    }

    /// Starts an empty project: one lane, the timeline on today's month.
    pub(super) fn new_project(&mut self) {
        let mut project = Project::named(tr!("project.untitled"));
        project.lanes.push(crate::model::Lane {
            id: crate::model::LaneId(1),
            name: tr!("menu.new_lane").into_owned(),
        });
        self.replace_project(project, Opened::New);
        self.view.timeline.today_pending = true;
    }

    /// Opens `path`, or shows why it cannot be opened and keeps the current project.
    pub fn open_path(&mut self, path: &Path) {
        let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
        // A screenshot waits for the file: it shows the project, not the progress card.
        if size > BACKGROUND_LOAD_BYTES
            && self.session.loading.is_none()
            && self.screenshot.is_none()
        {
            self.session.loading = Some(Loading::start(path, size));
            return;
        }
        self.opened(path, store::load_file_stamped(path));
    }

    /// Takes the result of loading `path`: the new project, or the error shown in a dialog.
    pub(super) fn opened(
        &mut self,
        path: &Path,
        result: Result<(store::Loaded, DiskStamp), store::StoreError>,
    ) {
        match result {
            Ok((loaded, stamp)) => {
                let opened = Opened::File {
                    path: path.to_owned(),
                    stamp,
                };
                self.replace_project(loaded.project, opened);
                self.status = Some(tr!("status.opened", path = path.display()).into_owned());
            }
            Err(error) => {
                let message = format!(
                    "{}\n\n{}",
                    tr!("dialog.open_failed", path = path.display()),
                    error.lines(path).join("\n")
                );
                match error {
                    // A copy to open instead, as a new project: never over the damaged file.
                    store::StoreError::Damaged { spares, .. } if !spares.is_empty() => {
                        self.dialog = Some(super::dialogs::Dialog::Damaged { message, spares });
                    }
                    _ => self.show_error(tr!("dialog.error_title").into_owned(), message),
                }
            }
        }
    }

    /// Saves to `path`; on failure the file on disk is unchanged and the project stays unsaved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let before = self.path().map(Path::to_owned);
        match store::save_file(self.project(), path) {
            Ok(stamp) => {
                let session = &mut self.session;
                session.history.mark_saved();
                session.safety.saved(stamp, before.as_deref(), path);
                session.origin = Origin::File(path.to_owned());
                self.prefs.remember(path);
                self.status = Some(tr!("status.saved_to", path = path.display()).into_owned());
                true
            }
            Err(store::StoreError::ReadOnly { .. }) => {
                self.dialog = Some(super::dialogs::Dialog::ReadOnly {
                    path: path.to_owned(),
                });
                false
            }
            Err(error) => {
                let message = format!(
                    "{}\n\n{error}",
                    tr!("dialog.save_failed", path = path.display())
                );
                self.show_error(tr!("dialog.error_title").into_owned(), message);
                false
            }
        }
    }

    /// Writes `bytes` to `path` the way projects are written (a temporary file renamed over
    /// the old one), saying how it went: `done` is the status line's text, `failed` the error
    /// dialog's first line. Returns whether the file was written.
    pub(super) fn write_out(
        &mut self,
        path: &Path,
        bytes: Result<Vec<u8>, String>,
        done: String,
        failed: &str,
    ) -> bool {
        let written = bytes.and_then(|bytes| {
            store::write_file(path, &bytes, false).map_err(|error| error.to_string())
        });
        match written {
            Ok(()) => {
                self.status = Some(done);
                true
            }
            Err(error) => {
                self.show_error(
                    tr!("dialog.error_title").into_owned(),
                    format!("{failed}\n\n{error}"),
                );
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str) -> Project {
        Project::named(name)
    }

    #[test]
    fn every_way_in_starts_a_fresh_history() {
        let mut session = Session::new(None);
        session.replace(project("First"), Opened::New);
        session
            .history
            .apply(crate::edit::Edit::SetHeader {
                header: crate::edit::Header {
                    name: "Renamed".to_owned(),
                    ..crate::edit::Header::of(session.project())
                },
            })
            .expect("a rename");
        assert!(session.is_modified(), "changed");
        session.replace(project("Second"), Opened::Sample);
        assert_eq!(session.project().name, "Second");
        assert_eq!(session.history.undo_depth(), 0, "nothing to undo");
        assert!(!session.is_modified(), "the sample starts saved");
        assert_eq!(session.origin, Origin::Sample);
    }

    #[test]
    fn imported_and_restored_projects_start_unsaved() {
        let mut session = Session::new(None);
        session.replace(project("Imported"), Opened::Imported);
        assert!(session.is_modified(), "an import is saved nowhere yet");
        assert_eq!(session.path(), None);
        let document = PathBuf::from("/no/such/plan.ron");
        session.replace(
            project("Restored"),
            Opened::Restored {
                document: Some(document.clone()),
            },
        );
        assert!(session.is_modified(), "a restored copy is not saved yet");
        assert_eq!(
            session.path(),
            Some(document.as_path()),
            "attached to its file"
        );
        session.replace(project("New"), Opened::New);
        assert!(!session.is_modified(), "a new project has nothing to lose");
    }
}
