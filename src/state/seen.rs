//! The works a library had when takeaway last ended, to say which are new now ("new since last time").
//!
//! Kept compactly beside the state file, one file per library: `state.json.seen/<library>.works`, the
//! sorted 64-bit FNV-1a hashes of the work keys, 8 bytes each after a short header (100,000 works make
//! 800 KB, read in a few milliseconds). A **library** is the set of paths loaded: each made absolute
//! and canonical, sorted, without repeats (the bundled notes are one library of their own); so
//! `takeaway ~/notes` and `cd ~ && takeaway notes` are the same library, and `takeaway ~/notes/osdi.md`
//! another. Written atomically (a temporary file in the same folder, renamed over the old one).

use std::hash::Hasher;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The first bytes of a seen file (its format's version).
const MAGIC: &[u8; 8] = b"TKSEEN1\n";

/// A stable hash of a text: FNV-1a, 64 bits (the same on every machine and every version).
pub fn hash(text: &str) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

/// The works of a library, as hashes of their keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// Sorted, without repeats.
    hashes: Vec<u64>,
}

impl Seen {
    pub fn of<'a>(keys: impl IntoIterator<Item = &'a str>) -> Seen {
        let mut hashes: Vec<u64> = keys.into_iter().map(hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Seen { hashes }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.hashes.binary_search(&hash(key)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Reads a seen file; `None` when there is none (the library's first start).
    pub fn load(path: &Path) -> io::Result<Option<Seen>> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .filter(|b| b.len() % 8 == 0)
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: not a file of seen works", path.display()),
                )
            })?;
        let mut hashes: Vec<u64> = body
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        // Written sorted; a file changed by hand is sorted again rather than misread.
        if !hashes.is_sorted() {
            hashes.sort_unstable();
            hashes.dedup();
        }
        Ok(Some(Seen { hashes }))
    }

    /// Writes the file atomically (creating its folder).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut out = Vec::with_capacity(MAGIC.len() + self.hashes.len() * 8);
        out.extend_from_slice(MAGIC);
        for h in &self.hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(&out)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The library's name: its paths made absolute and canonical (as far as they exist), sorted, one a line;
/// `bundled notes` for the bundled notes (no paths).
pub fn library_id(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "bundled notes".into();
    }
    let mut all: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    all.sort();
    all.dedup();
    all.join("\n")
}

/// Where the seen works of the library of `paths` live, beside the state file at `state`.
pub fn path(state: &Path, paths: &[PathBuf]) -> PathBuf {
    let name = state
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state.json".into());
    state
        .with_file_name(format!("{name}.seen"))
        .join(format!("{:016x}.works", hash(&library_id(paths))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv_1a() {
        // The published FNV-1a 64 values.
        assert_eq!(hash(""), 0xcbf29ce484222325);
        assert_eq!(hash("a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn seen_works_round_trip_compactly() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(&dir.path().join("state.json"), &[dir.path().to_path_buf()]);
        assert_eq!(Seen::load(&file).unwrap(), None, "first start: none");
        let keys: Vec<String> = (0..1000).map(|i| format!("work-{i}")).collect();
        let seen = Seen::of(keys.iter().map(String::as_str));
        seen.save(&file).unwrap();
        assert_eq!(
            std::fs::metadata(&file).unwrap().len(),
            8 + 8 * 1000,
            "8 bytes a work"
        );
        let back = Seen::load(&file).unwrap().unwrap();
        assert_eq!(back, seen);
        assert!(back.contains("work-999") && !back.contains("work-1000"));
        std::fs::write(&file, b"garbage").unwrap();
        assert!(Seen::load(&file).is_err());
    }

    #[test]
    fn a_library_is_its_set_of_paths() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let state = dir.path().join("state.json");
        assert_eq!(
            path(&state, &[a.clone(), b.clone()]),
            path(&state, &[b.clone(), a.join("."), a.clone()])
        );
        assert_ne!(path(&state, std::slice::from_ref(&a)), path(&state, &[b]));
        assert_ne!(path(&state, &[a]), path(&state, &[]));
        assert!(path(&state, &[])
            .to_string_lossy()
            .contains("state.json.seen/"));
    }
}
