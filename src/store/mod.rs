//! Loading and saving the RON document (`docs/format.md`, sections 1 and 3).
//!
//! Load refuses anything it cannot read faithfully: a file too large, a syntax error, an
//! unknown field, a newer version, a broken reference or a loop among links. Save writes the
//! same bytes for the same project, atomically, keeping the previous file as `NAME.ron.bak`.

mod disk;
mod fast;
mod file;
mod locate;
mod migrate;
mod recovery;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Document, FORMAT, Project};
use crate::tr;

pub use crate::model::validate::{MAX_TEXT_BYTES, Problem, describe_cycle, validate};
pub use disk::{DiskStamp, content_hash, fnv1a};
pub use file::{
    BOM, NotRegular, Spare, cause, is_read_only, make_writable, read_regular, spares, write_target,
};
pub use locate::{Position, Step, locate};
pub use recovery::{Recovery, RecoveryFolder};

/// The largest file Milepost opens.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deeply RON values may nest; a project needs fewer than ten levels.
const RECURSION_LIMIT: usize = 64;

/// One problem in a document with its place, ready to print as `FILE:LINE:COLUMN: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// What the store was doing when the file system refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Reading the document.
    Read,
    /// Creating the temporary file beside the document.
    WriteInFolder,
    /// Writing the temporary file.
    Write,
    /// Giving the new file the permissions of the one it replaces.
    SetPermissions,
    /// Keeping the previous file as `NAME.ron.bak`.
    KeepBackup,
    /// Renaming the temporary file over the document.
    Replace,
    /// Flushing the folder to disk after the rename.
    FlushFolder,
    /// Creating a folder (for recovery copies).
    CreateFolder,
    /// Removing a file (an obsolete recovery copy).
    Remove,
}

/// Why a document could not be loaded or saved.
///
/// Its text is in the language of the thread that displays it ([`crate::i18n::language`]);
/// the problems of [`StoreError::Syntax`] and [`StoreError::Invalid`] are worded when the
/// document is loaded, in the language of the loading thread.
///
/// The message names the file and the cause once, in the interface's language; the I/O error
/// stays the `source`, so a chain of causes should stop at a `StoreError` (as the command line
/// does) rather than print the cause again in the system's words.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum StoreError {
    /// The file system refused.
    Io {
        /// What was being done.
        action: IoAction,
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The path is not a regular file: a folder, a pipe or a device.
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: NotRegular,
    },
    /// The file is damaged: empty, zero bytes, or cut short.
    Damaged {
        /// How.
        damage: Damage,
        /// The backup and recovery copies that exist (only when loaded from a file).
        spares: Vec<Spare>,
    },
    /// The file to be replaced is marked read-only.
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// The bytes are not UTF-8 text.
    NotText {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// The text is not valid RON, or does not match the document's shape.
    Syntax(Located),
    /// The `format` field says this is not a Milepost document.
    WrongFormat {
        /// The format it claims.
        found: String,
    },
    /// Written by a newer Milepost.
    NewerVersion {
        /// The document's version.
        found: u32,
        /// The newest this program reads.
        supported: u32,
    },
    /// A version that never existed.
    UnknownVersion {
        /// The document's version.
        found: u32,
    },
    /// Parsed, but inconsistent.
    Invalid(Vec<Located>),
    /// The project could not be turned into text (should not happen for a valid project).
    Serialize(String),
}

/// How a file is damaged, as a crash while writing leaves one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Nothing but white space.
    Empty,
    /// Nothing but zero bytes (and white space).
    Zeros,
    /// The document stops before its end.
    CutShort(Located),
}

impl Damage {
    /// What is wrong, then each copy that may be opened instead, in the current language.
    fn with_spares(&self, spares: &[Spare]) -> String {
        let mut text = self.message();
        for spare in spares {
            text.push_str(&tr!("store.damage.spare", spare = spare.describe()));
        }
        text
    }

    /// What is wrong, in the current language.
    fn message(&self) -> String {
        match self {
            Self::Empty => tr!("store.damage.empty").into_owned(),
            Self::Zeros => tr!("store.damage.zeros").into_owned(),
            Self::CutShort(located) => {
                tr!("store.damage.cut_short", what = located.message).into_owned()
            }
        }
    }
}

impl StoreError {
    /// What went wrong, in the current language of this thread.
    pub fn message(&self) -> String {
        match self {
            Self::NotRegular { path, kind } => tr!(
                "store.not_regular",
                path = path.display(),
                kind = kind.word()
            )
            .into_owned(),
            Self::Damaged { damage, spares } => {
                let text = damage.with_spares(spares);
                match damage {
                    Damage::CutShort(located) => {
                        format!("{}:{}: {text}", located.line, located.column)
                    }
                    Damage::Empty | Damage::Zeros => text,
                }
            }
            Self::ReadOnly { path } => tr!("store.read_only", path = path.display()).into_owned(),
            Self::Io {
                action,
                path,
                source,
            } => {
                let path = path.display();
                let source = file::cause(source);
                match action {
                    IoAction::Read => tr!("store.io.read", path = path, error = source),
                    IoAction::WriteInFolder => {
                        tr!("store.io.write_in_folder", path = path, error = source)
                    }
                    IoAction::Write => tr!("store.io.write", path = path, error = source),
                    IoAction::SetPermissions => {
                        tr!("store.io.set_permissions", path = path, error = source)
                    }
                    IoAction::KeepBackup => {
                        tr!("store.io.keep_backup", path = path, error = source)
                    }
                    IoAction::Replace => tr!("store.io.replace", path = path, error = source),
                    IoAction::FlushFolder => {
                        tr!("store.io.flush_folder", path = path, error = source)
                    }
                    IoAction::CreateFolder => {
                        tr!("store.io.create_folder", path = path, error = source)
                    }
                    IoAction::Remove => tr!("store.io.remove", path = path, error = source),
                }
                .into_owned()
            }
            Self::TooLarge { size } => {
                tr!("store.too_large", size = size, max = MAX_FILE_BYTES).into_owned()
            }
            Self::NotText { offset } => tr!("store.not_text", offset = offset).into_owned(),
            Self::Syntax(located) => located.to_string(),
            Self::WrongFormat { found } => {
                tr!("store.wrong_format", found = found, expected = FORMAT).into_owned()
            }
            Self::NewerVersion { found, supported } => {
                tr!("store.newer_version", found = found, supported = supported).into_owned()
            }
            Self::UnknownVersion { found } => {
                tr!("store.unknown_version", found = found).into_owned()
            }
            Self::Invalid(list) => list
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            Self::Serialize(error) => tr!("store.serialize", error = error).into_owned(),
        }
    }

    /// The lines to print for `file`: `FILE:LINE:COLUMN: message` for each problem in its text,
    /// or the message alone when it names the file itself (a file that cannot be read, is not
    /// a regular file or is read-only), so that the file is named once.
    pub fn lines(&self, file: &Path) -> Vec<String> {
        match self {
            Self::Io { .. } | Self::NotRegular { .. } | Self::ReadOnly { .. } => {
                vec![self.message()]
            }
            _ => self
                .located()
                .iter()
                .map(|problem| format!("{}:{problem}", file.display()))
                .collect(),
        }
    }

    /// Each problem with its line and column (1:1 when the error has no place in the text).
    pub fn located(&self) -> Vec<Located> {
        match self {
            Self::Syntax(located) => vec![located.clone()],
            Self::Invalid(list) => list.clone(),
            Self::Damaged {
                damage: damage @ Damage::CutShort(located),
                spares,
            } => vec![Located {
                message: damage.with_spares(spares),
                ..located.clone()
            }],
            other => vec![Located {
                line: 1,
                column: 1,
                message: other.to_string(),
            }],
        }
    }
}

/// A project read from text.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The project.
    pub project: Project,
    /// The version the text was written in, when older than the current one.
    pub migrated_from: Option<u32>,
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// The refusal for `ron`'s `error` in `text`, worded in the current language with the likely
/// fix where one is known. A document that stops before its end is damaged, not mistyped.
fn syntax(text: &str, error: &ron::error::SpannedError) -> StoreError {
    use ron::error::Error as Code;
    let said = match &error.code {
        Code::Eof => tr!("store.ron.eof"),
        Code::ExpectedComma => tr!("store.ron.expected_comma"),
        Code::ExpectedStringEnd => tr!("store.ron.expected_string_end"),
        Code::ExpectedStructLikeEnd => tr!("store.ron.expected_struct_end"),
        Code::ExpectedArrayEnd => tr!("store.ron.expected_array_end"),
        Code::ExpectedInteger => tr!("store.ron.expected_integer"),
        Code::ExpectedString => tr!("store.ron.expected_string"),
        Code::ExpectedBoolean => tr!("store.ron.expected_boolean"),
        Code::TrailingCharacters => tr!("store.ron.trailing"),
        Code::UnclosedBlockComment => tr!("store.ron.unclosed_comment"),
        Code::NoSuchStructField { found, .. } => tr!("store.ron.unknown_field", field = found),
        Code::MissingStructField { field, .. } => tr!("store.ron.missing_field", field = field),
        other => tr!("store.ron.other", message = other),
    };
    let located = Located {
        line: error.span.start.line,
        column: error.span.start.col,
        message: tr!("store.syntax", message = said).into_owned(),
    };
    // A string or comment left open is reported where it opens, and runs to the end.
    let ends_early = matches!(
        error.code,
        Code::ExpectedStringEnd | Code::UnclosedBlockComment
    ) || matches!(
        error.code,
        Code::Eof
            | Code::ExpectedStructLikeEnd
            | Code::ExpectedArrayEnd
            | Code::ExpectedMapEnd
            | Code::ExpectedOptionEnd
    ) && at_the_end(text, error.span.start);
    if ends_early {
        StoreError::Damaged {
            damage: Damage::CutShort(located),
            spares: Vec::new(),
        }
    } else {
        StoreError::Syntax(located)
    }
}

/// Whether nothing but white space follows `position` in `text`.
fn at_the_end(text: &str, position: ron::error::Position) -> bool {
    let rest: usize = text
        .split_inclusive('\n')
        .skip(position.line.saturating_sub(1))
        .enumerate()
        .map(|(index, line)| {
            let skip = if index == 0 {
                position.col.saturating_sub(1)
            } else {
                0
            };
            line.chars()
                .skip(skip)
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    rest == 0
}

/// Reads a project from RON text.
///
/// # Errors
/// Any reason the text is not a sound Milepost document; see [`StoreError`].
pub fn load_str(text: &str) -> Result<Loaded, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(damage) = file::damage(text.as_bytes()) {
        return Err(StoreError::Damaged {
            damage,
            spares: Vec::new(),
        });
    }
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            size: text.len() as u64,
        });
    }
    // The common case, a current document as Milepost writes it, is read by the fast reader.
    // Anything it is not sure of is parsed by `ron`, once. Only when that fails is the header
    // read on its own: to refuse a newer version or a foreign file with the right message, or
    // to migrate an older version.
    let parsed = match fast::read::from_str::<Document>(text) {
        Some(document) => Ok(document),
        None => ron_options().from_str::<Document>(text),
    };
    let (document, text, version) = match parsed {
        Ok(document)
            if document.format == FORMAT && document.version == crate::model::CURRENT_VERSION =>
        {
            (
                document,
                std::borrow::Cow::Borrowed(text),
                crate::model::CURRENT_VERSION,
            )
        }
        Ok(_) | Err(_) => {
            let header: Header = ron_options()
                .from_str(text)
                .map_err(|error| syntax(text, &error))?;
            if header.format != FORMAT {
                return Err(StoreError::WrongFormat {
                    found: header.format,
                });
            }
            let upgraded = migrate::upgrade(text, header.version)?;
            let document: Document = ron_options()
                .from_str(&upgraded)
                .map_err(|error| syntax(&upgraded, &error))?;
            (document, upgraded, header.version)
        }
    };
    let problems = validate(&document.project);
    if !problems.is_empty() {
        return Err(StoreError::Invalid(
            problems
                .into_iter()
                .map(|problem| {
                    let place =
                        locate(&text, &problem.path).unwrap_or(Position { line: 1, column: 1 });
                    Located {
                        line: place.line,
                        column: place.column,
                        message: problem.message.text(),
                    }
                })
                .collect(),
        ));
    }
    Ok(Loaded {
        project: document.project,
        migrated_from: (version != crate::model::CURRENT_VERSION).then_some(version),
    })
}

/// Reads a project from a file. The file is only read, never written.
///
/// # Errors
/// The file cannot be read, or its text is not a sound document; see [`StoreError`].
pub fn load_file(path: &Path) -> Result<Loaded, StoreError> {
    load_file_stamped(path).map(|(loaded, _)| loaded)
}

/// Like [`load_file`], also returning the stamp of the bytes read, to notice later changes.
///
/// # Errors
/// See [`load_file`].
pub fn load_file_stamped(path: &Path) -> Result<(Loaded, DiskStamp), StoreError> {
    let bytes = read_regular(path)?;
    let stamp = DiskStamp::of_bytes(path, &bytes);
    let text = String::from_utf8(bytes).map_err(|error| StoreError::NotText {
        offset: error.utf8_error().valid_up_to(),
    })?;
    match load_str(&text) {
        Ok(loaded) => Ok((loaded, stamp)),
        Err(StoreError::Damaged { damage, .. }) => Err(StoreError::Damaged {
            damage,
            spares: spares(path),
        }),
        Err(error) => Err(error),
    }
}

/// The document text of `project`: pretty, deterministic, in the current version.
///
/// The bytes are those of `ron`'s pretty printer (four spaces, pretty down to depth 3), written
/// by a faster writer of the same rules.
///
/// # Errors
/// Only if serde cannot represent a value, which a valid project never has.
pub fn to_string(project: &Project) -> Result<String, StoreError> {
    let document = DocumentRef::new(project);
    // A document takes about 400 bytes per item, with its links and baseline entries.
    let capacity = 4096 + 512 * project.items.len();
    let mut text = match fast::write::to_string(&document, capacity) {
        Some(text) => text,
        None => ron_to_string(&document)?,
    };
    text.push('\n');
    Ok(text)
}

/// The text of `document` as `ron`'s pretty printer writes it, without the final line break.
fn ron_to_string(document: &DocumentRef<'_>) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(fast::write::DEPTH_LIMIT)
        .indentor("    ")
        .new_line("\n");
    ron::Options::default()
        .to_string_pretty(document, config)
        .map_err(|error| StoreError::Serialize(error.to_string()))
}

/// Serializes like [`Document`] without cloning the project.
#[derive(serde::Serialize)]
struct DocumentRef<'a> {
    format: &'static str,
    version: u32,
    project: &'a Project,
}

impl<'a> DocumentRef<'a> {
    fn new(project: &'a Project) -> Self {
        Self {
            format: FORMAT,
            version: crate::model::CURRENT_VERSION,
            project,
        }
    }
}

/// The path of the backup kept beside `path`: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The version written in the first lines of an existing file, if it can be read.
fn version_on_disk(path: &Path) -> Option<u32> {
    let mut head = Vec::new();
    let file = std::fs::File::open(path).ok()?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head).ok()?;
    let head = String::from_utf8_lossy(&head);
    let after = head.split("version").nth(1)?;
    let digits: String = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Saves `project` to `path` atomically.
///
/// The text goes to a temporary file in the same folder, which is flushed to disk and then
/// renamed over `path`; the file it replaces is kept as `NAME.ron.bak`. If anything fails, the
/// file at `path` is left exactly as it was. A file written by a newer Milepost is never
/// overwritten.
///
/// Returns the stamp of what was written.
///
/// # Errors
/// The folder is not writable, the disk is full, or `path` holds a newer document.
pub fn save_file(project: &Project, path: &Path) -> Result<DiskStamp, StoreError> {
    let mut text = to_string(project)?;
    if file::starts_with_bom(path) {
        // The file had a byte-order mark (Windows Notepad writes one): keep it.
        text.insert(0, '\u{feff}');
    }
    write_file(path, text.as_bytes(), true)?;
    Ok(DiskStamp::of_bytes(path, text.as_bytes()))
}

/// Writes `bytes` to `path` through a flushed temporary file and a rename; with `keep_backup`,
/// the file replaced is kept as `NAME.bak`. Every write of a project goes through here.
///
/// When `path` is a symbolic link, the file it leads to is written (the temporary file and the
/// backup beside it) and the link stays. A read-only file, a folder, a pipe or a device is not
/// replaced. The permissions and, where the system allows, the owner of the file replaced are
/// kept. No temporary file is left behind when anything fails.
///
/// # Errors
/// See [`save_file`]; also [`StoreError::ReadOnly`] and [`StoreError::NotRegular`].
pub fn write_file(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let path = &write_target(path);
    let replaced = file::replaceable(path)?;
    let io = |action, source| StoreError::Io {
        action,
        path: path.to_owned(),
        source,
    };
    if let Some(found) = version_on_disk(path)
        && found > crate::model::CURRENT_VERSION
    {
        return Err(StoreError::NewerVersion {
            found,
            supported: crate::model::CURRENT_VERSION,
        });
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".milepost-").suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file gets the usual permissions (the umask applies), not the temporary 0600.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder
        .tempfile_in(&folder)
        .map_err(|source| io(IoAction::WriteInFolder, source))?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|source| io(IoAction::Write, source))?;
    if let Some(metadata) = replaced {
        // Keep the owner and the permissions of the file being replaced.
        file::keep_owner(temporary.as_file(), &metadata);
        temporary
            .as_file()
            .set_permissions(metadata.permissions())
            .map_err(|source| io(IoAction::SetPermissions, source))?;
        if keep_backup {
            keep_as_backup(path).map_err(|source| io(IoAction::KeepBackup, source))?;
        }
    }
    temporary
        .persist(path)
        .map_err(|error| io(IoAction::Replace, error.error))?;
    sync_folder(&folder).map_err(|source| io(IoAction::FlushFolder, source))?;
    Ok(())
}

/// Makes `NAME.bak` the file now at `path`, before a new file is renamed over `path`.
///
/// A second name for the same file (a hard link) costs nothing however large the file, and the
/// rename then leaves it alone. Where the file system has no hard links, or `path` is not a
/// plain file (a symbolic link, say), its bytes are copied as before.
fn keep_as_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let plain_file = std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_file());
    if plain_file {
        match std::fs::remove_file(&backup) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
        if std::fs::hard_link(path, &backup).is_ok() {
            return Ok(());
        }
    }
    std::fs::copy(path, &backup).map(|_| ())
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}
