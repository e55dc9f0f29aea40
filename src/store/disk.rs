//! What a file on disk looked like when it was opened or saved, to notice when something else
//! changed it since.

use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of a file's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Length in bytes.
    pub size: u64,
    /// Last modification time.
    pub modified: Option<SystemTime>,
    /// [`content_hash`] of the content.
    pub hash: u64,
}

/// FNV-1a, 64 bits: fast, stable across platforms and versions, good enough to tell versions of
/// one file apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A fast hash of a file's content: `FxHash` over little-endian 8-byte words, seeded with the
/// length. Not for adversaries; size and time are compared first, and only a copy of the same
/// file is hashed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(eight)).wrapping_mul(K);
    }
    for &byte in words.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
    }
    hash
}

impl DiskStamp {
    /// The stamp of `bytes` just read from or written to `path`.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> Self {
        Self {
            size: bytes.len() as u64,
            modified: std::fs::metadata(path)
                .and_then(|metadata| metadata.modified())
                .ok(),
            hash: content_hash(bytes),
        }
    }

    /// The stamp of the file at `path` now, or `None` when it cannot be read (gone, say, or
    /// no longer a regular file).
    pub fn read(path: &Path) -> Option<Self> {
        let bytes = super::read_regular(path).ok()?;
        Some(Self::of_bytes(path, &bytes))
    }

    /// Whether the file at `path` still is what this stamp describes. Size and time are
    /// checked first; the content decides, so that a touched but unchanged file is no conflict.
    pub fn matches_disk(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return false;
        };
        if metadata.len() == self.size && metadata.modified().ok() == self.modified {
            return true;
        }
        Self::read(path).is_some_and(|now| now.size == self.size && now.hash == self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325, "empty input");
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c, "one byte");
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8, "six bytes");
    }

    #[test]
    fn the_content_hash_tells_versions_apart() {
        let text = b"(format: \"milepost\", version: 1, project: (name: \"A\"))";
        let mut other = text.to_vec();
        other[45] = b'B';
        assert_ne!(content_hash(text), content_hash(&other), "one byte differs");
        assert_ne!(
            content_hash(b"abc"),
            content_hash(b"abcd"),
            "lengths differ"
        );
        assert_eq!(content_hash(text), content_hash(text), "stable");
    }

    #[test]
    fn a_change_on_disk_is_noticed_and_a_touch_is_not() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "one").expect("write");
        let stamp = DiskStamp::read(&path).expect("stamp");
        assert!(stamp.matches_disk(&path), "unchanged");
        std::fs::write(&path, "one").expect("rewrite the same bytes");
        assert!(stamp.matches_disk(&path), "same content is no conflict");
        std::fs::write(&path, "two!").expect("write other bytes");
        assert!(!stamp.matches_disk(&path), "changed content");
        std::fs::remove_file(&path).expect("remove");
        assert!(!stamp.matches_disk(&path), "a missing file changed");
    }
}
