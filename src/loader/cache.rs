//! Parsed documents kept between runs, so that notes read before open without being parsed again.
//!
//! - **Where:** one file per library (the paths it was opened with, made absolute) in the platform's
//!   cache folder, or in `$TAKEAWAY_CACHE`; `TAKEAWAY_CACHE=off` turns the cache off. Deleting the folder
//!   is always safe.
//! - **What:** per notes file, its document and warnings, found by the file's path as given and a hash
//!   of its whole text, and the file-system questions its parse asked ([`super::probe`]).
//! - **When it is trusted:** the text is the same, every question gets the same answer now, the entry's
//!   own hash checks, and the cache was written by this very executable (another build, or this one
//!   rebuilt, starts over). Anything else, an unreadable or cut-short cache included, means that file is
//!   parsed as if there were no cache: the notes are the truth and the cache only saves time, so no
//!   fault of the cache is ever the user's error.
//! - **Writing:** only when some file was parsed; the new cache is written beside the old one and renamed
//!   over it (atomic), holding this load's files only.
//!
//! Layout: the entries' payloads (postcard), then the [`Footer`] (postcard), its length (u64, little
//! endian) and [`MAGIC`].

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::probe::{self, Probe};
use super::Warning;
use crate::model::Document;

/// The last 8 bytes of a cache file; a new layout gets a new one.
const MAGIC: &[u8; 8] = b"tkcache1";

/// Where the entries are, after the payloads.
#[derive(Debug, Serialize, Deserialize)]
struct Footer {
    /// The executable that wrote it ([`build_id`]).
    build: u64,
    entries: Vec<Entry>,
}

/// One notes file's payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// The file's path as given (it names the document).
    path: PathBuf,
    /// xxh3 of the file's text.
    text: u64,
    offset: u64,
    size: u64,
    /// xxh3 of the payload.
    check: u64,
}

/// A document as kept: its papers' topics once per topic (a paper's `topics` is shared by the papers of
/// its topic), not once per paper.
#[derive(Serialize)]
struct PayloadRef<'a> {
    doc: &'a Document,
    topics: Vec<&'a [String]>,
    topic_of: Vec<u32>,
    warnings: &'a [Warning],
    probes: &'a [Probe],
}

/// [`PayloadRef`] read back (the same fields in the same order: postcard does not name them).
#[derive(Deserialize)]
struct Payload {
    doc: Document,
    topics: Vec<Vec<String>>,
    topic_of: Vec<u32>,
    warnings: Vec<Warning>,
    probes: Vec<Probe>,
}

/// A library's cache while it loads: what the last run kept, and what this run adds.
pub struct Cache {
    /// The cache file.
    path: PathBuf,
    build: u64,
    old: Option<Old>,
    new: Mutex<New>,
}

struct Old {
    file: File,
    entries: HashMap<PathBuf, Entry>,
}

#[derive(Default)]
struct New {
    /// Created at the first document parsed: the new cache, its parsed payloads first.
    out: Option<BufWriter<tempfile::NamedTempFile>>,
    /// Where the next payload goes in `out`.
    pos: u64,
    /// Payloads written to `out`.
    written: Vec<Entry>,
    /// Entries of the old file that were used, copied into `out` at the end.
    kept: Vec<Entry>,
    /// Writing failed: the old cache stays as it was.
    failed: bool,
}

/// What a hit gives: the document and its warnings, as a parse would have.
pub type Hit = (Document, Vec<Warning>);

/// A notes file's text as the cache knows it (its hash), made once for [`Cache::get`] and, on a miss,
/// [`Cache::put`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(u64);

impl Text {
    pub fn of(text: &str) -> Text {
        Text(xxh3_64(text.as_bytes()))
    }
}

impl Cache {
    /// The cache of the library opened with `paths`, in the folder the environment says. `None`: the
    /// cache is off (`TAKEAWAY_CACHE=off`, no cache folder on this platform, an unknown executable, or
    /// a test asking for a parse fault, which a cached document would skip).
    pub fn open<P: AsRef<Path>>(paths: &[P]) -> Option<Cache> {
        if crate::fault::injected("parse").is_some() {
            return None;
        }
        let dir = folder()?;
        Cache::open_in(&dir, paths, build_id()?)
    }

    /// [`Cache::open`] in `dir`, for an executable known by `build`.
    pub fn open_in<P: AsRef<Path>>(dir: &Path, paths: &[P], build: u64) -> Option<Cache> {
        let mut key = Vec::new();
        for p in paths {
            let abs = std::path::absolute(p.as_ref()).ok()?;
            key.extend_from_slice(abs.as_os_str().as_encoded_bytes());
            key.push(0);
        }
        let path = dir.join(format!("library-{:016x}.bin", xxh3_64(&key)));
        let old = read_footer(&path, build);
        Some(Cache {
            path,
            build,
            old,
            new: Mutex::default(),
        })
    }

    /// The document kept for the file at `path` whose text is `text`, when it can be trusted.
    pub fn get(&self, path: &Path, text: Text) -> Option<Hit> {
        let old = self.old.as_ref()?;
        let entry = old.entries.get(path)?;
        if entry.text != text.0 {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(entry.size).ok()?];
        read_at(&old.file, &mut bytes, entry.offset).ok()?;
        if xxh3_64(&bytes) != entry.check {
            return None;
        }
        let payload: Payload = postcard::from_bytes(&bytes).ok()?;
        drop(bytes);
        if !probe::still_hold(&payload.probes) {
            return None;
        }
        let hit = payload.into_hit()?;
        self.lock().kept.push(entry.clone());
        Some(hit)
    }

    /// Keeps the document parsed from `text` at `path`, with the questions its parse asked.
    pub fn put(&self, path: &Path, text: Text, hit: &Hit, probes: &[Probe]) {
        let (doc, warnings) = hit;
        let Ok(bytes) = postcard::to_stdvec(&PayloadRef::new(doc, warnings, probes)) else {
            return;
        };
        let entry = Entry {
            path: path.to_path_buf(),
            text: text.0,
            offset: 0,
            size: bytes.len() as u64,
            check: xxh3_64(&bytes),
        };
        let mut new = self.lock();
        if new.failed {
            return;
        }
        if new.out.is_none() {
            let dir = self.path.parent().unwrap_or(Path::new("."));
            let made = std::fs::create_dir_all(dir).and_then(|()| {
                tempfile::Builder::new()
                    .prefix(TEMP_PREFIX)
                    .tempfile_in(dir)
            });
            match made {
                Ok(tmp) => new.out = Some(BufWriter::new(tmp)),
                Err(_) => {
                    new.failed = true;
                    return;
                }
            }
        }
        let offset = new.pos;
        let wrote = new.out.as_mut().map(|out| out.write_all(&bytes));
        match wrote {
            Some(Ok(())) => {
                new.pos += entry.size;
                new.written.push(Entry { offset, ..entry });
            }
            _ => new.failed = true,
        }
    }

    /// Writes the new cache when this load parsed any file: the payloads just parsed, those of the old
    /// cache that were used, the footer; then renames it over the old one. A failure leaves the old one.
    pub fn finish(self) {
        let new = self.new.into_inner().unwrap_or_else(|e| e.into_inner());
        let (Some(mut out), false) = (new.out, new.failed) else {
            return;
        };
        let rest = || -> std::io::Result<()> {
            let (mut entries, mut pos) = (new.written, new.pos);
            if let Some(old) = &self.old {
                let mut buf = Vec::new();
                for e in new.kept {
                    // Its size was checked against the old file's when the footer was read.
                    buf.resize(usize::try_from(e.size).map_err(std::io::Error::other)?, 0);
                    read_at(&old.file, &mut buf, e.offset)?;
                    out.write_all(&buf)?;
                    entries.push(Entry { offset: pos, ..e });
                    pos += e.size;
                }
            }
            let footer = Footer {
                build: self.build,
                entries,
            };
            let bytes = postcard::to_stdvec(&footer).map_err(std::io::Error::other)?;
            out.write_all(&bytes)?;
            out.write_all(&(bytes.len() as u64).to_le_bytes())?;
            out.write_all(MAGIC)?;
            Ok(())
        };
        if rest().is_err() {
            return;
        }
        let Ok(tmp) = out.into_inner() else {
            return;
        };
        if tmp.persist(&self.path).is_ok() {
            if let Some(dir) = self.path.parent() {
                prune(dir, std::time::SystemTime::now());
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, New> {
        self.new.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<'a> PayloadRef<'a> {
    fn new(doc: &'a Document, warnings: &'a [Warning], probes: &'a [Probe]) -> Self {
        let mut topics: Vec<&[String]> = Vec::new();
        let mut index: HashMap<*const [String], u32> = HashMap::new();
        let topic_of = doc
            .papers
            .iter()
            .map(|p| {
                *index.entry(Arc::as_ptr(&p.topics)).or_insert_with(|| {
                    topics.push(&p.topics);
                    (topics.len() - 1) as u32
                })
            })
            .collect();
        PayloadRef {
            doc,
            topics,
            topic_of,
            warnings,
            probes,
        }
    }
}

impl Payload {
    /// The document with each paper's topics shared again; `None` when the entry does not add up.
    fn into_hit(self) -> Option<Hit> {
        let Payload {
            mut doc,
            topics,
            topic_of,
            warnings,
            probes: _,
        } = self;
        if topic_of.len() != doc.papers.len() {
            return None;
        }
        let topics: Vec<Arc<[String]>> = topics.into_iter().map(Arc::from).collect();
        for (paper, &t) in doc.papers.iter_mut().zip(&topic_of) {
            paper.topics = Arc::clone(topics.get(t as usize)?);
        }
        Some((doc, warnings))
    }
}

/// How a cache file being written starts its name.
const TEMP_PREFIX: &str = ".library-";

/// A library's cache not written for this long is removed (the next start of that library parses it
/// again), so that libraries opened once do not fill the folder.
const KEEP_UNWRITTEN: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// A cache file left half written (the program was killed while writing) is removed after this long.
const KEEP_TEMP: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Removes from the cache folder `dir` the libraries' caches not written for [`KEEP_UNWRITTEN`] and the
/// half-written ones older than [`KEEP_TEMP`], as of `now`. Other files are left alone.
fn prune(dir: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let keep = if name.starts_with("library-") && name.ends_with(".bin") {
            KEEP_UNWRITTEN
        } else if name.starts_with(TEMP_PREFIX) {
            KEEP_TEMP
        } else {
            continue;
        };
        let age = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok());
        if age.is_some_and(|age| age > keep) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The cache folder: `$TAKEAWAY_CACHE` (`off`: none), else the platform's cache folder for takeaway.
pub fn folder() -> Option<PathBuf> {
    match std::env::var_os("TAKEAWAY_CACHE").filter(|v| !v.is_empty()) {
        Some(v) if v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => {
            directories::ProjectDirs::from("", "", "takeaway").map(|d| d.cache_dir().to_path_buf())
        }
    }
}

/// This executable, as a number: its version, size and modification time, and on Unix its inode and
/// change time, which no copy or package manager sets back (a Nix store sets every mtime to 1). A rebuild
/// or another copy changes it.
fn build_id() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    #[cfg(unix)]
    let more = {
        use std::os::unix::fs::MetadataExt;
        format!(
            "{} {} {} {}",
            meta.dev(),
            meta.ino(),
            meta.ctime(),
            meta.ctime_nsec()
        )
    };
    #[cfg(not(unix))]
    let more = "";
    let id = format!(
        "{} {} {} {more}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_nanos()
    );
    Some(xxh3_64(id.as_bytes()))
}

/// The entries of the cache file at `path` when it is whole and was written by `build`.
fn read_footer(path: &Path, build: u64) -> Option<Old> {
    let file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let tail_at = len.checked_sub(16)?;
    let mut tail = [0u8; 16];
    read_at(&file, &mut tail, tail_at).ok()?;
    let (footer_len, magic) = tail.split_at(8);
    if magic != MAGIC {
        return None;
    }
    let footer_len = u64::from_le_bytes(footer_len.try_into().ok()?);
    let footer_at = tail_at.checked_sub(footer_len)?;
    let mut bytes = vec![0; usize::try_from(footer_len).ok()?];
    read_at(&file, &mut bytes, footer_at).ok()?;
    let footer: Footer = postcard::from_bytes(&bytes).ok()?;
    if footer.build != build {
        return None;
    }
    let entries = footer
        .entries
        .into_iter()
        .filter(|e| {
            e.offset
                .checked_add(e.size)
                .is_some_and(|end| end <= footer_at)
        })
        .map(|e| (e.path.clone(), e))
        .collect();
    Some(Old { file, entries })
}

/// Fills `buf` from `file` at `offset`, without moving a shared cursor (the loader's threads read the
/// same file at once).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &str = "# Conf 2031\n\n## Papers\n\n* Storage\n  * Owl: Fast Logs \\[[Paper](https://x.org/owl)]\n    * Owl Lab\n    * Logs are written once.\n  * Lark: Slow Logs \\[[Paper](https://x.org/lark)] \\[[Note](lark.md)]\n    * Lark Lab\n";

    /// Parses `path` as the loader does, through `cache`; says whether the cache gave it.
    fn load(cache: &Cache, path: &Path) -> (Hit, bool) {
        let text = std::fs::read_to_string(path).unwrap();
        if let Some(hit) = cache.get(path, Text::of(&text)) {
            return (hit, true);
        }
        let (parsed, probes) = probe::recorded(|| super::super::parse_isolated(path, &text));
        let hit = parsed.unwrap();
        cache.put(path, Text::of(&text), &hit, &probes);
        (hit, false)
    }

    struct Lib {
        dir: tempfile::TempDir,
        notes: PathBuf,
    }

    impl Lib {
        fn new() -> Lib {
            let dir = tempfile::tempdir().unwrap();
            let notes = dir.path().join("notes/conf.md");
            std::fs::create_dir_all(notes.parent().unwrap()).unwrap();
            std::fs::write(&notes, NOTES).unwrap();
            Lib { dir, notes }
        }
        fn cache(&self, build: u64) -> Cache {
            Cache::open_in(&self.dir.path().join("cache"), &[&self.notes], build).unwrap()
        }
        /// One load through a fresh cache handle, written at the end.
        fn run(&self, build: u64) -> (Hit, bool) {
            let cache = self.cache(build);
            let out = load(&cache, &self.notes);
            cache.finish();
            out
        }
        /// One load of the notes and `other` through a fresh cache handle: each first paper's title, and
        /// whether the cache gave it.
        fn run_with(&self, other: &Path) -> [(String, bool); 2] {
            let both = [self.notes.clone(), other.to_path_buf()];
            let cache = Cache::open_in(&self.dir.path().join("cache"), &both, 1).unwrap();
            let out = [load(&cache, &self.notes), load(&cache, other)];
            cache.finish();
            out.map(|(hit, was_kept)| (hit.0.papers[0].title.to_string(), was_kept))
        }
        fn file(&self) -> PathBuf {
            let dir = self.dir.path().join("cache");
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            assert_eq!(files.len(), 1, "{files:?}");
            files.pop().unwrap()
        }
    }

    #[test]
    fn a_kept_document_comes_back_as_it_was_parsed() {
        let lib = Lib::new();
        let (parsed, hit) = lib.run(1);
        assert!(!hit, "nothing is kept before the first load");
        let (kept, hit) = lib.run(1);
        assert!(hit, "the second load reads the cache");
        assert_eq!(format!("{kept:?}"), format!("{parsed:?}"));
        let (doc, warnings) = &kept;
        assert_eq!(doc.papers.len(), 2);
        assert!(
            Arc::ptr_eq(&doc.papers[0].topics, &doc.papers[1].topics),
            "the papers of a topic share its titles again"
        );
        assert_eq!(&*doc.papers[0].topics, ["Storage".to_string()]);
        assert!(
            warnings.iter().any(|w| matches!(&w.kind, super::super::WarningKind::MissingTarget { url } if url == "lark.md")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_changed_text_answer_or_build_is_parsed_again() {
        let lib = Lib::new();
        lib.run(1);
        // The same length, one letter changed.
        std::fs::write(&lib.notes, NOTES.replace("Owl: Fast", "Owl: Vast")).unwrap();
        let (doc, hit) = lib.run(1);
        assert!(!hit);
        assert_eq!(&*doc.0.papers[0].title, "Owl: Vast Logs");
        assert!(lib.run(1).1, "the new text is kept");

        // The linked note now exists: its warning must go, so the parse is done again.
        std::fs::write(lib.notes.with_file_name("lark.md"), "# Lark\n").unwrap();
        let ((_, warnings), hit) = lib.run(1);
        assert!(!hit);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(lib.run(1).1);

        // Another build of the program starts over.
        assert!(!lib.run(2).1);
        assert!(lib.run(2).1);
    }

    #[test]
    fn a_load_that_parsed_nothing_writes_nothing() {
        let lib = Lib::new();
        lib.run(1);
        let before = std::fs::read(lib.file()).unwrap();
        let modified = std::fs::metadata(lib.file()).unwrap().modified().unwrap();
        assert!(lib.run(1).1);
        assert_eq!(std::fs::read(lib.file()).unwrap(), before);
        assert_eq!(
            std::fs::metadata(lib.file()).unwrap().modified().unwrap(),
            modified
        );
    }

    #[test]
    fn a_damaged_cache_is_parsed_around_and_then_mended() {
        let lib = Lib::new();
        let (parsed, _) = lib.run(1);
        let file = lib.file();
        let good = std::fs::read(&file).unwrap();
        let mut flipped = good.clone();
        flipped[10] ^= 0x55;
        let damaged: [Vec<u8>; 4] = [
            flipped,
            good[..good.len() - 1].to_vec(),
            good[..good.len() / 2].to_vec(),
            b"not a cache at all".to_vec(),
        ];
        for bytes in damaged {
            std::fs::write(&file, &bytes).unwrap();
            let (doc, hit) = lib.run(1);
            assert!(!hit);
            assert_eq!(format!("{doc:?}"), format!("{parsed:?}"));
            assert!(lib.run(1).1, "the next load mends it");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_parsed_each_time_and_the_rest_kept() {
        use std::os::unix::ffi::OsStrExt;
        let lib = Lib::new();
        let odd = lib
            .notes
            .with_file_name(std::ffi::OsStr::from_bytes(b"caf\xe9.md"));
        std::fs::write(
            &odd,
            "# Odd\n\n* Kiwi: Odd Logs \\[[Paper](https://x.org/kiwi)]\n",
        )
        .unwrap();
        let run = || lib.run_with(&odd);
        assert_eq!(
            run(),
            [
                ("Owl: Fast Logs".into(), false),
                ("Kiwi: Odd Logs".into(), false)
            ]
        );
        assert_eq!(
            run(),
            [
                ("Owl: Fast Logs".into(), true),
                ("Kiwi: Odd Logs".into(), false)
            ]
        );
    }

    #[test]
    fn old_caches_and_half_written_ones_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let day = std::time::Duration::from_secs(24 * 3600);
        let names = ["library-0000000000000001.bin", ".library-half", "notes.md"];
        for n in names {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let exists = |n: &str| dir.path().join(n).exists();
        let now = std::time::SystemTime::now();
        prune(dir.path(), now);
        assert!(names.iter().all(|n| exists(n)), "nothing is old yet");
        prune(dir.path(), now + 2 * day);
        assert!(exists(names[0]) && !exists(names[1]) && exists(names[2]));
        prune(dir.path(), now + 31 * day);
        assert!(
            !exists(names[0]) && exists(names[2]),
            "only takeaway's own files go"
        );
    }

    #[test]
    fn files_of_one_library_keep_their_own_entries() {
        let lib = Lib::new();
        let other = lib.notes.with_file_name("other.md");
        std::fs::write(
            &other,
            "# Other\n\n* Wren: Small Logs \\[[Paper](https://x.org/wren)]\n",
        )
        .unwrap();
        let run = || lib.run_with(&other);
        assert_eq!(
            run(),
            [
                ("Owl: Fast Logs".into(), false),
                ("Wren: Small Logs".into(), false)
            ]
        );
        // One file changes: it alone is parsed, the other comes from the cache, kept across the rewrite.
        std::fs::write(
            &other,
            "# Other\n\n* Wren: Tiny Logs \\[[Paper](https://x.org/wren)]\n",
        )
        .unwrap();
        assert_eq!(
            run(),
            [
                ("Owl: Fast Logs".into(), true),
                ("Wren: Tiny Logs".into(), false)
            ]
        );
        assert_eq!(
            run(),
            [
                ("Owl: Fast Logs".into(), true),
                ("Wren: Tiny Logs".into(), true)
            ]
        );
    }
}
