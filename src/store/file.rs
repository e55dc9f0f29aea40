//! The file system as real file systems and editors leave it: only regular files are read, and
//! never more than the size limit; a byte-order mark is accepted and kept; a damaged file names
//! the backup or recovery copy beside it; saving through a symbolic link writes its target; a
//! read-only file is not replaced; the owner of a replaced file is kept where the system allows.
//!
//! Not for the document's text: that is [`super::load_str`] and [`super::to_string`].

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::tr;

use super::{IoAction, MAX_FILE_BYTES, StoreError};

/// The UTF-8 byte-order mark Windows editors put at the start of a text file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    /// A folder.
    Folder,
    /// A named pipe (FIFO): reading it would wait for a writer forever.
    Pipe,
    /// A device or a socket: reading it may never end.
    Device,
}

impl NotRegular {
    /// What `metadata` describes, when it is not a regular file.
    fn of(metadata: &std::fs::Metadata) -> Option<Self> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if kind.is_fifo() {
                return Some(Self::Pipe);
            }
        }
        Some(Self::Device)
    }

    /// Its name, in the current language.
    pub fn word(self) -> String {
        let key = match self {
            Self::Folder => "store.kind_of_file.folder",
            Self::Pipe => "store.kind_of_file.pipe",
            Self::Device => "store.kind_of_file.device",
        };
        tr!(key).into_owned()
    }
}

/// A copy of a document kept elsewhere that may be opened when the document is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spare {
    /// The backup (`NAME.ron.bak`) or the recovery copy.
    pub file: PathBuf,
    /// When it was last written.
    pub written: Option<SystemTime>,
}

impl Spare {
    /// `FILE (DATE)`, for messages.
    pub fn describe(&self) -> String {
        match self.written {
            Some(written) => {
                let local: chrono::DateTime<chrono::Local> = written.into();
                format!(
                    "{} ({})",
                    self.file.display(),
                    local.format("%Y-%m-%d %H:%M")
                )
            }
            None => self.file.display().to_string(),
        }
    }
}

/// The copies that exist of the document at `path`: its backup, then its recovery copy.
pub fn spares(path: &Path) -> Vec<Spare> {
    let mut files = vec![super::backup_path(&write_target(path))];
    if let Some(folder) = super::RecoveryFolder::standard_folder() {
        files.push(super::RecoveryFolder::new(folder).file_for(Some(path)));
    }
    files
        .into_iter()
        .filter_map(|file| {
            let metadata = std::fs::metadata(&file).ok()?;
            metadata.is_file().then(|| Spare {
                written: metadata.modified().ok(),
                file,
            })
        })
        .collect()
}

/// The cause of an I/O error in the current language: the common ones in words of their own,
/// the others as the system words them.
pub fn cause(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => tr!("store.cause.not_found"),
        ErrorKind::PermissionDenied => tr!("store.cause.permission_denied"),
        ErrorKind::StorageFull => tr!("store.cause.storage_full"),
        ErrorKind::ReadOnlyFilesystem => tr!("store.cause.read_only_file_system"),
        ErrorKind::IsADirectory => tr!("store.cause.is_a_folder"),
        ErrorKind::QuotaExceeded => tr!("store.cause.quota"),
        ErrorKind::FileTooLarge => tr!("store.cause.file_too_large"),
        _ => return error.to_string(),
    }
    .into_owned()
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`] of them, read without
/// trusting the size the file system reports. A folder, pipe or device is refused before it is
/// opened.
///
/// # Errors
/// The file cannot be read, is not a regular file, or is larger than the limit.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, StoreError> {
    let io = |source| StoreError::Io {
        action: IoAction::Read,
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if let Some(kind) = NotRegular::of(&metadata) {
        return Err(StoreError::NotRegular {
            path: path.to_owned(),
            kind,
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            size: metadata.len(),
        });
    }
    let file = open_for_reading(path).map_err(io)?;
    // The path may have been replaced between the look and the opening.
    let opened = file.metadata().map_err(io)?;
    if let Some(kind) = NotRegular::of(&opened) {
        return Err(StoreError::NotRegular {
            path: path.to_owned(),
            kind,
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    // Non-blocking, so that a pipe swapped in after the look cannot hang the opening.
    use std::os::unix::fs::OpenOptionsExt as _;
    // The value of `O_NONBLOCK` where it is known without a C library binding; elsewhere no
    // flag, and the look before the opening is what refuses a pipe.
    const O_NONBLOCK: i32 = if cfg!(all(
        any(target_os = "linux", target_os = "android"),
        any(
            target_arch = "x86",
            target_arch = "x86_64",
            target_arch = "arm",
            target_arch = "aarch64",
            target_arch = "riscv64",
            target_arch = "powerpc64",
            target_arch = "s390x"
        )
    )) {
        0o4000
    } else if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        0x0004
    } else {
        0
    };
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// How a text that is not a document is damaged, when it is damaged in a way of its own.
pub fn damage(bytes: &[u8]) -> Option<super::Damage> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        Some(super::Damage::Empty)
    } else if bytes
        .iter()
        .all(|&byte| byte == 0 || byte.is_ascii_whitespace())
    {
        Some(super::Damage::Zeros)
    } else {
        None
    }
}

/// The file a save to `path` writes: the target of a symbolic link (followed to its end), else
/// `path` itself.
pub fn write_target(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    // Links of links, up to the depth the system itself follows.
    for _ in 0..40 {
        let Ok(metadata) = std::fs::symlink_metadata(&current) else {
            break;
        };
        if !metadata.file_type().is_symlink() {
            break;
        }
        let Ok(target) = std::fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    current
}

/// Whether the file at `path` exists and is marked read-only.
pub fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| metadata.permissions().readonly())
}

/// Whether the file at `path` (followed through links) starts with a byte-order mark.
pub fn starts_with_bom(path: &Path) -> bool {
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut head))
        .is_ok()
        && head == BOM
}

/// What is at `path` (already followed through links) before it is replaced: `None` when
/// nothing is, the file's metadata when a regular file that may be written is.
///
/// # Errors
/// [`StoreError::NotRegular`] for a folder, pipe or device; [`StoreError::ReadOnly`] for a
/// file marked read-only.
pub fn replaceable(path: &Path) -> Result<Option<std::fs::Metadata>, StoreError> {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if let Some(kind) = NotRegular::of(&metadata) {
        return Err(StoreError::NotRegular {
            path: path.to_owned(),
            kind,
        });
    }
    if metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    Ok(Some(metadata))
}

/// Makes the read-only file at `path` writable by its owner, for the window's "make it
/// writable".
///
/// # Errors
/// The permissions cannot be changed.
pub fn make_writable(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        action: IoAction::SetPermissions,
        path: path.to_owned(),
        source,
    };
    let mut permissions = std::fs::metadata(path).map_err(io)?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        permissions.set_mode(permissions.mode() | 0o200);
    }
    #[cfg(not(unix))]
    {
        #[expect(
            clippy::permissions_set_readonly_false,
            reason = "the user asked for it"
        )]
        permissions.set_readonly(false);
    }
    std::fs::set_permissions(path, permissions).map_err(io)
}

/// Gives `file` the owner and group of the file described by `metadata`, where the system
/// allows it (only the superuser may give a file away; others keep their own ownership).
#[cfg(unix)]
pub fn keep_owner(file: &std::fs::File, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt as _;
    let Ok(now) = file.metadata() else {
        return;
    };
    if now.uid() == metadata.uid() && now.gid() == metadata.gid() {
        return;
    }
    // Refused for anyone but the superuser; the file then belongs to whoever saved it, as with
    // any editor.
    if std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid())).is_err() {
        // Try the group alone: a user may give a file to a group they belong to.
        std::os::unix::fs::fchown(file, None, Some(metadata.gid())).ok();
    }
}

/// Owners are not kept on this system.
#[cfg(not(unix))]
pub fn keep_owner(_file: &std::fs::File, _metadata: &std::fs::Metadata) {}
