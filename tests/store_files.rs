//! Files the way real file systems and editors leave them: byte-order marks, empty and zeroed
//! files, documents cut short, folders, pipes and devices, symbolic links, read-only files,
//! owners, permissions and a full disk — each on real files in a temporary folder.

use std::path::{Path, PathBuf};

use milepost::i18n::{self, Language};
use milepost::store::{self, Damage, StoreError};

mod common;

use common::MINIMAL;

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the test file");
    path
}

/// [`MINIMAL`] as `plan.ron` in `dir`, with the permissions `mode`.
#[cfg(unix)]
fn minimal_with_mode(dir: &Path, mode: u32) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = write(dir, "plan.ron", MINIMAL.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    path
}

/// The names in `dir` that look like Milepost's temporary files.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list the folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".milepost-"))
        .collect()
}

/// Checks that `error` says the document is damaged as `expected` says.
fn assert_damage(error: &StoreError, expected: &Damage) {
    assert!(
        matches!(error, StoreError::Damaged { damage, .. } if damage == expected),
        "{expected:?}: {error:?}"
    );
}

/// Checks that `error` refuses a path for being `kind`, not a regular file.
fn assert_not_regular(error: &StoreError, kind: store::NotRegular) {
    assert!(
        matches!(error, StoreError::NotRegular { kind: found, .. } if *found == kind),
        "{kind:?} refused: {error:?}"
    );
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

#[test]
fn a_byte_order_mark_is_accepted_and_kept_on_save() {
    let dir = temp_dir();
    let mut bytes = store::BOM.to_vec();
    bytes.extend_from_slice(MINIMAL.as_bytes());
    let path = write(dir.path(), "notepad.ron", &bytes);
    let mut project = store::load_file(&path).expect("a BOM is accepted").project;
    project.name = "Saved again".to_owned();
    store::save_file(&project, &path).expect("save");
    let saved = std::fs::read(&path).expect("read back");
    assert!(saved.starts_with(store::BOM), "the mark is kept");
    assert!(!saved[3..].starts_with(store::BOM), "and not doubled");
    assert_eq!(
        store::load_file(&path).expect("load").project.name,
        "Saved again"
    );
    let plain = write(dir.path(), "plain.ron", MINIMAL.as_bytes());
    store::save_file(&project, &plain).expect("save");
    assert!(
        !std::fs::read(&plain).expect("read").starts_with(store::BOM),
        "no mark is added to a file that had none"
    );
}

#[test]
fn an_empty_file_says_so_and_names_its_backup_with_its_date() {
    let dir = temp_dir();
    let path = write(dir.path(), "plan.ron", b"");
    let error = store::load_file(&path).expect_err("empty");
    assert_damage(&error, &Damage::Empty);
    assert!(error.to_string().contains("the file is empty"), "{error}");
    assert!(!error.to_string().contains("copy exists"), "{error}");
    let backup = write(dir.path(), "plan.ron.bak", MINIMAL.as_bytes());
    let error = store::load_file(&path).expect_err("empty");
    let StoreError::Damaged { spares, .. } = &error else {
        panic!("damaged: {error:?}");
    };
    assert_eq!(spares.len(), 1, "the backup is offered: {spares:?}");
    assert_eq!(spares[0].file, backup, "{spares:?}");
    let message = error.to_string();
    assert!(
        message.contains("plan.ron.bak"),
        "names the backup: {message}"
    );
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert!(message.contains(&today), "with its date: {message}");
}

#[test]
fn a_file_of_zero_bytes_says_it_was_probably_damaged() {
    let dir = temp_dir();
    let path = write(dir.path(), "plan.ron", &[0u8; 4096]);
    let error = store::load_file(&path).expect_err("zeros");
    assert_damage(&error, &Damage::Zeros);
    assert!(
        error.to_string().contains("only zero bytes"),
        "says so: {error}"
    );
}

#[test]
fn a_document_cut_short_at_any_line_says_so_with_its_place() {
    let mut end = 0;
    for line in MINIMAL
        .split_inclusive('\n')
        .take(MINIMAL.lines().count() - 1)
    {
        end += line.len();
        let error = store::load_str(&MINIMAL[..end]).expect_err("cut short");
        let StoreError::Damaged {
            damage: Damage::CutShort(place),
            ..
        } = &error
        else {
            panic!("cut after {end} bytes: not reported as cut short: {error:?}");
        };
        assert!(place.line >= 1, "{place}");
        assert!(error.to_string().contains("cut short"), "{error}");
    }
}

#[cfg(unix)]
#[test]
fn a_folder_or_a_device_is_refused_at_once() {
    let dir = temp_dir();
    for (path, kind, said) in [
        (dir.path(), store::NotRegular::Folder, "is a folder"),
        (
            Path::new("/dev/zero"),
            store::NotRegular::Device,
            "/dev/zero is a device",
        ),
    ] {
        let error = store::load_file(path).expect_err("not a regular file");
        assert_not_regular(&error, kind);
        assert!(error.to_string().contains(said), "{error}");
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = temp_dir();
    let pipe = dir.path().join("pipe.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo");
    assert!(status.success(), "mkfifo");
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        sender
            .send(store::load_file(&pipe).map(|_| ()))
            .unwrap_or(());
    });
    let result = receiver
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("the loader returns at once instead of hanging");
    let error = result.expect_err("a pipe is refused");
    assert_not_regular(&error, store::NotRegular::Pipe);
    let save = store::write_file(&dir.path().join("pipe.ron"), b"x", true)
        .expect_err("a pipe is not written either");
    assert!(matches!(save, StoreError::NotRegular { .. }), "{save:?}");
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_writes_its_target_and_keeps_the_link() {
    let dir = temp_dir();
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).expect("mkdir");
    let target = write(&synced, "real.ron", MINIMAL.as_bytes());
    let link = dir.path().join("plan.ron");
    std::os::unix::fs::symlink("synced/real.ron", &link).expect("a relative link");
    let mut project = store::load_file(&link).expect("load").project;
    project.name = "Through the link".to_owned();
    store::save_file(&project, &link).expect("save");
    let kind = |path: &Path| std::fs::symlink_metadata(path).expect("stat").file_type();
    assert!(kind(&link).is_symlink(), "the link stays a link");
    assert_eq!(
        store::load_file(&target).expect("load").project.name,
        "Through the link",
        "the target got the new content"
    );
    let backup = synced.join("real.ron.bak");
    assert!(
        kind(&backup).is_file(),
        "the backup is beside the target, a plain file, not a second link"
    );
    assert_eq!(
        std::fs::read_to_string(&backup).expect("backup"),
        MINIMAL,
        "the backup holds the previous bytes"
    );
    assert!(
        !dir.path().join("plan.ron.bak").exists(),
        "no backup beside the link"
    );
    assert!(temporaries(&synced).is_empty(), "no temporary file left");
    assert!(temporaries(dir.path()).is_empty(), "no temporary file left");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_until_made_writable() {
    let dir = temp_dir();
    let path = minimal_with_mode(dir.path(), 0o444);
    let mut project = store::load_file(&path)
        .expect("a read-only file opens")
        .project;
    project.name = "Changed".to_owned();
    let error = store::save_file(&project, &path).expect_err("read-only");
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error:?}");
    let message = error.to_string();
    assert_eq!(
        message.matches("plan.ron").count(),
        1,
        "names it once: {message}"
    );
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        MINIMAL,
        "untouched"
    );
    assert!(temporaries(dir.path()).is_empty(), "no temporary file left");
    assert!(store::is_read_only(&path), "still read-only");
    store::make_writable(&path).expect("make writable");
    assert!(!store::is_read_only(&path), "writable now");
    store::save_file(&project, &path).expect("save once writable");
    assert_eq!(
        store::load_file(&path).expect("load").project.name,
        "Changed"
    );
}

#[cfg(unix)]
#[test]
fn the_permissions_of_the_replaced_file_are_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let path = minimal_with_mode(dir.path(), 0o640);
    let project = store::load_file(&path).expect("load").project;
    store::save_file(&project, &path).expect("save");
    let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "permissions kept: {mode:o}");
}

#[cfg(unix)]
#[test]
fn the_owner_of_the_replaced_file_is_kept() {
    use std::os::unix::fs::MetadataExt as _;
    if !is_root() {
        eprintln!(
            "skipped: only the superuser may give a file to another owner (`id -u` is not 0)"
        );
        return;
    }
    let dir = temp_dir();
    let path = write(dir.path(), "plan.ron", MINIMAL.as_bytes());
    std::os::unix::fs::chown(&path, Some(4321), Some(4322)).expect("chown");
    let project = store::load_file(&path).expect("load").project;
    store::save_file(&project, &path).expect("save");
    let metadata = std::fs::metadata(&path).expect("stat");
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4322), "owner kept");
}

/// A small file system mounted for one test, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// A 64 KiB tmpfs, or `None` (with a message) where this process may not mount one.
    fn mount() -> Option<Self> {
        if !is_root() {
            eprintln!("skipped: mounting a small file system needs the superuser");
            return None;
        }
        let dir = temp_dir();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("skipped: this machine does not allow mounting a small file system");
            return None;
        }
        Some(Self { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let status = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
        assert!(status.is_ok_and(|status| status.success()), "umount");
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_file_and_no_temporary_and_says_so_once() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let folder = disk.dir.path();
    let path = write(folder, "plan.ron", MINIMAL.as_bytes());
    let too_big = vec![b' '; 256 * 1024];
    let error = store::write_file(&path, &too_big, true).expect_err("the disk is full");
    let message = error.to_string();
    assert!(message.contains("plan.ron"), "names the file: {message}");
    assert_eq!(
        message.matches("the disk is full").count(),
        1,
        "names the cause once, in words: {message}"
    );
    assert!(
        !message.contains("No space left"),
        "not the system's words as well: {message}"
    );
    assert!(
        std::error::Error::source(&error).is_some(),
        "the I/O error stays the source"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        MINIMAL,
        "original untouched"
    );
    assert!(temporaries(folder).is_empty(), "no temporary file left");
}

#[test]
fn parser_messages_in_chinese_keep_line_and_column_and_name_the_fix() {
    i18n::set_language(Language::Chinese);
    let text = MINIMAL.replacen("version: 1,", "version: 1", 1);
    let error = store::load_str(&text).expect_err("a missing comma");
    let place = error.located().into_iter().next().expect("a problem");
    i18n::set_language(Language::English);
    assert_eq!(
        (place.line, place.column),
        (4, 5),
        "where the comma is missing: {place}"
    );
    assert!(place.message.contains("逗号"), "in Chinese: {place}");
    assert!(
        !place.message.contains("Expected"),
        "not ron's English: {place}"
    );
}

#[test]
fn a_string_left_open_at_the_end_names_the_missing_quote() {
    let end = MINIMAL.find("CRM roll").expect("the name") + "CRM roll".len();
    let error = store::load_str(&MINIMAL[..end]).expect_err("an unclosed string");
    assert!(
        matches!(
            error,
            StoreError::Damaged {
                damage: Damage::CutShort(_),
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("`\"`"),
        "names the missing quote: {message}"
    );
    assert!(message.contains("5:"), "with its line: {message}");
}
