//! Files and folders → a `Library`. Knows nothing of the terminal.
//!
//! A file that cannot be read is reported and skipped; the others still load. Hostile markdown is parsed
//! with bounded nesting (see [`markdown::MAX_DEPTH`]), and text is cut only where a search found
//! something (`clippy::string_slice` is denied). Should a bug still make the parse of one file panic,
//! that file is reported as not read ([`LoadError::Internal`], with the place in our code) and every other
//! file loads: a file is the unit of failure.

pub mod cache;
pub mod cut;
pub mod document;
pub mod entry;
pub mod front_matter;
pub mod markdown;
pub mod navigation;
pub mod probe;
pub mod reader;
pub mod title;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Document, IdBases, Library};

/// The largest notes file that is loaded (32 MiB, some 100,000 papers); larger ones are refused with a
/// message, so a stray huge file cannot take the memory and the time of everything else.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Where the bundled notes say they come from.
pub const BUNDLED_SOURCE: &str = "notes/atc-2025.md";
/// Our own notes on USENIX ATC 2025, shipped inside the binary.
pub const BUNDLED_TEXT: &str = include_str!("../../notes/atc-2025.md");

/// A path or file that could not be loaded. Each names the file; the rest of the library still loads.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}:{line}: not valid UTF-8 text")]
    NotUtf8 { path: String, line: usize },
    #[error("{path}: not a regular file or directory")]
    NotAFile { path: String },
    #[error("{path}: no notes (*.md files) found in this folder")]
    NoNotes { path: String },
    #[error("{path}: {size} bytes is more than a notes file may have ({max} bytes); split it into several files")]
    TooLarge { path: String, size: u64, max: u64 },
    /// Parsing the file panicked: a bug of ours, contained to this file.
    #[error("{path}: could not be read: internal error at {location} (please report)")]
    Internal { path: String, location: String },
}

impl LoadError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::Unreadable { path, .. }
            | LoadError::NotUtf8 { path, .. }
            | LoadError::NotAFile { path }
            | LoadError::NoNotes { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Internal { path, .. } => path,
        }
    }
}

/// Something in the notes that could not be understood or points nowhere (reported by `--check`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    pub source: String,
    pub line: usize,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum WarningKind {
    #[error("an item with paper links but no title")]
    NoTitle,
    #[error("link `{label}` has no URL")]
    EmptyUrl { label: String },
    #[error("local link `{url}` points to a file that does not exist")]
    MissingTarget { url: String },
    #[error("{links} links but no paper: unrecognised list format")]
    Unrecognised { links: usize },
    #[error("links a paper ({url}) but is not read as one: an entry shape takeaway does not read")]
    UnreadPaper { url: String },
    #[error("front matter is not valid YAML: {reason}")]
    FrontMatter { reason: String },
    #[error("lists or quotes nested deeper than {max} levels: what is deeper is read as part of level {max}")]
    TooDeep { max: usize },
    #[error("duplicate paper `{title}` (id `{id}`, first at {first})")]
    DuplicateId {
        id: String,
        title: String,
        /// `source:line` of the paper that has the id.
        first: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A finding about the whole file has no line.
        match self.line {
            0 => write!(f, "{}: {}", self.source, self.kind),
            n => write!(f, "{}:{n}: {}", self.source, self.kind),
        }
    }
}

/// How many files look like paper lists in a format that is not read (`--check` names them).
pub fn unread_files(warnings: &[Warning]) -> usize {
    warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::Unrecognised { .. }))
        .count()
}

/// The status line's words for files whose format is not read, if there are any.
pub fn unread_message(warnings: &[Warning]) -> Option<String> {
    match unread_files(warnings) {
        0 => None,
        1 => {
            Some("1 file has links but no paper we could read: takeaway --check tells which".into())
        }
        n => Some(format!(
            "{n} files have links but no paper we could read: takeaway --check tells which"
        )),
    }
}

/// The result of loading: what loaded, what failed, and what looked wrong.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub errors: Vec<LoadError>,
    pub warnings: Vec<Warning>,
}

/// Loads the notes shipped in the binary.
pub fn load_bundled() -> Loaded {
    let mut loaded = Loaded::default();
    let (doc, warnings) = document::build(BUNDLED_SOURCE, None, BUNDLED_TEXT);
    loaded.library.navigation = vec![crate::model::NavNode::leaf(doc.title.clone(), 0)];
    loaded.library.documents.push(doc);
    loaded.warnings = warnings;
    loaded.warnings.extend(assign_ids(&mut loaded.library));
    loaded
}

/// Loads files and folders (folders: every `*.md` below them, sorted, but `SUMMARY.md`), and arranges
/// them as their author did ([`navigation`]). Files are read and parsed on all cores; documents keep the
/// order of the paths and of the sorted walk.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Loaded {
    load(paths, None, None, &|_, _| {})
}

/// [`load_paths`] through the library's [`cache`]: a file whose text (and whatever its parse asked of the
/// file system) is as when it was last parsed is not parsed again, and the cache is brought up to date.
/// What is loaded is the same either way. The command line and the browser start with this.
/// `progress(done, total)` hears how many files are read: once with `done` 0 when the folders have been
/// walked, then after each file (from the loader's threads, in any order).
///
/// The cache is returned still to be written ([`cache::Cache::finish`]): the entries of files just parsed
/// are written as they are parsed, but those kept from the last run are copied into the new cache there
/// (at 100,000 papers with one file changed, about 74 MB), so the browser shows the notes first.
pub fn load_paths_cached<P: AsRef<Path>>(
    paths: &[P],
    progress: &Progress<'_>,
) -> (Loaded, Option<cache::Cache>) {
    let cache = cache::Cache::open(paths);
    let loaded = load(paths, None, cache.as_ref(), progress);
    (loaded, cache)
}

/// What a reload may take from the notes loaded before.
struct Reuse<'a> {
    previous: &'a Library,
    /// Only these files (and files not loaded before) are read again; `None`: every file.
    changed: Option<std::collections::HashSet<&'a Path>>,
}

/// Loads `paths`. With `reuse`, files that did not change keep their documents, and a file that cannot
/// be read now keeps its last good version (its error is still reported).
fn load<P: AsRef<Path>>(
    paths: &[P],
    reuse: Option<&Reuse>,
    cache: Option<&cache::Cache>,
    progress: &Progress<'_>,
) -> Loaded {
    let previous = reuse.map(|r| r.previous);
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    // Per path: whether it is a folder, and its files in `files`.
    let mut spans = Vec::new();
    // A file is read once however many of the paths reach it (`a.md a.md`, `dir dir/a.md`): where it
    // is first reached. One path alone reaches each file once (the walk follows no link back inside).
    let mut reached: HashSet<PathBuf> = HashSet::new();
    for p in paths {
        let p = p.as_ref();
        let start = files.len();
        let errors_before = loaded.errors.len();
        let mut found = files_of(p, &mut loaded.errors);
        let listed = found.len();
        if paths.len() > 1 {
            found
                .retain(|f| reached.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
            if listed > 0 && found.is_empty() {
                // Every file of this path is read through one given before it.
                continue;
            }
        }
        files.extend(found);
        let is_dir = p.is_dir();
        let named = document::file_name_of(p);
        let kept = previous.is_some_and(|prev| prev.document_at(&named).is_some());
        if files.len() == start && !is_dir && kept {
            // A file gone for a moment (an editor saving by rename): read it below like the others, so
            // its failure is reported once and its last good version kept.
            loaded.errors.truncate(errors_before);
            if !files.contains(&named) {
                files.push(named);
            }
        }
        spans.push((p.to_path_buf(), is_dir, start..files.len()));
    }
    let old: HashMap<&Path, &Arc<Document>> = previous
        .map(|prev| {
            prev.documents
                .iter()
                .filter_map(|d| Some((d.path.as_deref()?, d)))
                .collect()
        })
        .unwrap_or_default();
    let stale = |f: &Path| match reuse.and_then(|r| r.changed.as_ref()) {
        Some(changed) => changed.contains(f) || !old.contains_key(f),
        None => true,
    };
    let to_read: Vec<PathBuf> = files.iter().filter(|f| stale(f)).cloned().collect();
    progress(0, to_read.len());
    let mut fresh = parse_all(&to_read, cache, progress).into_iter();
    let mut doc_of: Vec<Option<usize>> = Vec::with_capacity(files.len());
    for file in &files {
        let next = loaded.library.documents.len();
        // Shared, not copied: the new library holds the same document.
        let last_good = || old.get(file.as_path()).map(|d| Arc::clone(d));
        let result = if stale(file) { fresh.next() } else { None };
        match result {
            Some(Ok((doc, w))) => {
                loaded.library.documents.push(doc);
                loaded.warnings.extend(w);
                doc_of.push(Some(next));
            }
            Some(Err(e)) => {
                match last_good() {
                    Some(doc) => {
                        loaded.library.documents.push(doc);
                        doc_of.push(Some(next));
                    }
                    None => doc_of.push(None),
                }
                loaded.errors.push(e);
            }
            // Unchanged: its document as it was.
            None => match last_good() {
                Some(doc) => {
                    loaded.library.documents.push(doc);
                    doc_of.push(Some(next));
                }
                None => doc_of.push(None),
            },
        }
    }
    loaded.warnings.extend(assign_ids(&mut loaded.library));
    let groups: Vec<navigation::Group> = spans
        .into_iter()
        .map(|(root, is_dir, range)| navigation::Group {
            root,
            is_dir,
            files: range
                .filter_map(|i| doc_of[i].map(|d| (files[i].clone(), d)))
                .collect(),
        })
        .collect();
    loaded.library.navigation = navigation::build(
        &groups,
        &loaded.library,
        &mut loaded.warnings,
        &mut loaded.errors,
    );
    loaded
}

/// Told how many files of how many are done; called from several threads.
pub type Progress<'a> = dyn Fn(usize, usize) + Sync + 'a;

/// One file's document and warnings, or why it could not be loaded.
pub type Parsed = Result<(Document, Vec<Warning>), LoadError>;

/// Reads and parses `files` on all cores (rayon), results in input order; `progress` hears of each file
/// as it is done. With a `cache`, a file it holds is taken from it, and a file parsed is put in it.
fn parse_all(
    files: &[PathBuf],
    cache: Option<&cache::Cache>,
    progress: &Progress<'_>,
) -> Vec<Parsed> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = files.len();
    let done = AtomicUsize::new(0);
    let parse = |f: &Path, text: &str| match cache {
        None => parse_isolated(f, text),
        // A fault while reading the cache is the cache's, not the file's: the file is parsed.
        Some(cache) => {
            let key = cache::Text::of(text);
            (crate::fault::isolate(|| cache.get(f, key)).ok().flatten())
                .map(Ok)
                .unwrap_or_else(|| {
                    let (parsed, probes) = probe::recorded(|| parse_isolated(f, text));
                    if let Ok(hit) = &parsed {
                        cache.put(f, key, hit, &probes);
                    }
                    parsed
                })
        }
    };
    files
        .par_iter()
        .map(|f| {
            let parsed = read_file(f).and_then(|text| parse(f, &text));
            progress(1 + done.fetch_add(1, Ordering::Relaxed), total);
            parsed
        })
        .collect()
}

/// Reads and parses one file into `loaded`.
pub fn load_file(path: &Path, loaded: &mut Loaded) {
    match read_file(path).and_then(|text| parse_isolated(path, &text)) {
        Ok((doc, w)) => {
            loaded.library.documents.push(doc);
            loaded.warnings.extend(w);
        }
        Err(e) => loaded.errors.push(e),
    }
}

/// [`parse_file`], with a panic inside it reported as this file's [`LoadError::Internal`].
pub fn parse_isolated(path: &Path, text: &str) -> Parsed {
    crate::fault::isolate(|| {
        if let Some(word) = crate::fault::injected("parse") {
            if !word.is_empty() && text.contains(word) {
                panic!("TAKEAWAY_TEST_FAULT=parse:{word}: panicking on purpose");
            }
        }
        parse_file(path, text)
    })
    .map_err(|fault| LoadError::Internal {
        path: path.display().to_string(),
        location: fault.location,
    })
}

/// Parses the text of a file (already read) into a document named by the path.
pub fn parse_file(path: &Path, text: &str) -> (Document, Vec<Warning>) {
    let source = path.display().to_string();
    document::build(&source, Some(path), text)
}

/// Reads a file as UTF-8, naming the line of the first invalid byte when it is not.
pub fn read_file(path: &Path) -> Result<String, LoadError> {
    let name = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        // A FIFO or device would block or never end: refuse before opening it.
        return Err(LoadError::NotAFile { path: name() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: name(),
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        LoadError::NotUtf8 { path: name(), line }
    })
}

fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    let path = path.display().to_string();
    if e.kind() == std::io::ErrorKind::NotFound {
        LoadError::NotFound { path }
    } else {
        LoadError::Unreadable {
            path,
            reason: e.to_string(),
        }
    }
}

/// Is this a notes file a folder walk should load?
pub fn is_notes_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        && !navigation::is_summary(path)
}

/// The files a path stands for: itself, or the notes below a folder in sorted order.
pub fn files_of(p: &Path, errors: &mut Vec<LoadError>) -> Vec<PathBuf> {
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            errors.push(io_error(p, e));
            return Vec::new();
        }
    };
    if !meta.is_dir() {
        return vec![document::file_name_of(p)];
    }
    let mut files = Vec::new();
    let errors_before = errors.len();
    let root = std::fs::canonicalize(p).ok();
    let walk = walkdir::WalkDir::new(p)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || (!e.file_name().to_string_lossy().starts_with('.')
                    && !links_inside(root.as_deref(), e))
        });
    for entry in walk {
        match entry {
            Ok(e) if !e.file_type().is_dir() && is_notes_file(e.path()) => {
                files.push(document::file_name_of(e.path()))
            }
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| p.display().to_string());
                let reason = match e.loop_ancestor() {
                    Some(a) => format!("symbolic link loop back to {}", a.display()),
                    None => e
                        .io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string()),
                };
                errors.push(LoadError::Unreadable { path, reason });
            }
        }
    }
    // A folder that could not be read (or only in part) is reported as such, not also as one without
    // notes.
    if files.is_empty() && errors.len() == errors_before {
        errors.push(LoadError::NoNotes {
            path: p.display().to_string(),
        });
    }
    files
}

/// Is `e` a symbolic link to a file or folder the walk of `root` reaches anyway (not hidden, not an
/// ancestor of the link: a loop is left to the walk, which reports it)? Its notes are read once, where
/// they are.
fn links_inside(root: Option<&Path>, e: &walkdir::DirEntry) -> bool {
    let Some(root) = root.filter(|_| e.path_is_symlink()) else {
        return false;
    };
    let Ok(target) = std::fs::canonicalize(e.path()) else {
        return false;
    };
    let Ok(inside) = target.strip_prefix(root) else {
        return false;
    };
    let hidden = inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let ancestor = e
        .path()
        .parent()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .is_some_and(|d| d.starts_with(&target));
    !hidden && !ancestor
}

/// A paper's id and [`hash_id`] of it.
type IdAndHash = (Box<str>, u64);

/// Gives every paper its stable id `<document slug>/<title slug>`, suffixing `-2`, `-3`… on collisions,
/// and reports the collisions.
///
/// Each document keeps a hash of each id before its suffix ([`IdBases`]). When those are all different —
/// no collision, the usual case — every id is its base, and a document that already has its hashes (one
/// a reload kept) is not read at all; otherwise every id is made again in order. A document whose ids
/// are already right is left alone (not copied when a reload shares it with the library before).
pub fn assign_ids(library: &mut Library) -> Vec<Warning> {
    // Documents new here: their bases, as ids (made side by side, a document per task).
    use rayon::prelude::*;
    let fresh: Vec<Option<Vec<IdAndHash>>> = (library.documents.par_iter())
        .map(|doc| {
            if doc.id_bases.hashes.len() == doc.papers.len() {
                return None;
            }
            let doc_slug = doc_slug(doc);
            let ids = (doc.papers.iter()).map(|p| {
                let id = id_base(&doc_slug, p);
                let hash = hash_id(&id);
                (id.into_boxed_str(), hash)
            });
            Some(ids.collect())
        })
        .collect();
    for (d, ids) in fresh.into_iter().enumerate() {
        let Some(ids) = ids else {
            continue;
        };
        let doc = library.documents.make_mut(d);
        let mut hashes = Vec::with_capacity(ids.len());
        for (p, (id, hash)) in doc.papers.iter_mut().zip(ids) {
            p.id = id;
            hashes.push(hash);
        }
        doc.id_bases = IdBases {
            hashes,
            suffixed: false,
        };
    }
    let mut bases: FxHashSet<u64> =
        FxHashSet::with_capacity_and_hasher(library.paper_count(), Default::default());
    let distinct =
        (library.documents.iter()).all(|doc| doc.id_bases.hashes.iter().all(|&h| bases.insert(h)));
    if !distinct {
        return assign_ids_in_order(library);
    }
    // No collision now: a suffix a collision left is gone.
    for d in 0..library.documents.len() {
        if library.documents[d].id_bases.suffixed {
            let doc = library.documents.make_mut(d);
            let doc_slug = doc_slug(doc);
            for p in &mut doc.papers {
                p.id = id_base(&doc_slug, p).into();
            }
            doc.id_bases.suffixed = false;
        }
    }
    Vec::new()
}

/// The first part of the ids of a document's papers.
fn doc_slug(doc: &Document) -> String {
    let slug = title::slug(&doc.title, 40);
    if slug.is_empty() {
        "notes".into()
    } else {
        slug
    }
}

/// A paper's id before any suffix: `<document slug>/<title slug>` (or `line-N` for a title with no
/// letter or digit).
fn id_base(doc_slug: &str, p: &crate::model::Paper) -> String {
    let mut base = String::with_capacity(doc_slug.len() + 1 + p.title.len());
    push_id_base(doc_slug, p, &mut base);
    base
}

fn push_id_base(doc_slug: &str, p: &crate::model::Paper, out: &mut String) {
    out.push_str(doc_slug);
    out.push('/');
    if !title::slug_into(&p.title, 80, out) {
        out.push_str(&format!("line-{}", p.line));
    }
}

fn hash_id(base: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    base.hash(&mut h);
    h.finish()
}

/// [`assign_ids`] when some bases are the same: every id made again, in library order, the later of
/// two the same base suffixed.
fn assign_ids_in_order(library: &mut Library) -> Vec<Warning> {
    let mut warnings = Vec::new();
    // Per document whose ids change: all its ids, and whether one is suffixed.
    let mut renamed: Vec<(usize, Vec<String>, bool)> = Vec::new();
    let docs = &library.documents;
    // Every id given so far → (document, line) of its paper.
    let mut seen: FxHashMap<Cow<'_, str>, (usize, usize)> =
        FxHashMap::with_capacity_and_hasher(library.paper_count(), Default::default());
    let mut base = String::new();
    for (d, doc) in docs.iter().enumerate() {
        let doc_slug = doc_slug(doc);
        let mut ids: Option<Vec<String>> = None;
        let mut suffixed = false;
        for (i, p) in doc.papers.iter().enumerate() {
            base.clear();
            push_id_base(&doc_slug, p, &mut base);
            let id: Cow<'_, str> = match seen.get(base.as_str()) {
                None if *p.id == *base => Cow::Borrowed(&*p.id),
                None => Cow::Owned(base.clone()),
                Some(&(first_doc, first_line)) => {
                    suffixed = true;
                    let first = &docs[first_doc].source;
                    warnings.push(Warning {
                        source: doc.source.clone(),
                        line: p.line,
                        kind: WarningKind::DuplicateId {
                            id: base.clone(),
                            title: p.title.to_string(),
                            first: if *first == doc.source {
                                format!("line {first_line}")
                            } else {
                                format!("{first}:{first_line}")
                            },
                        },
                    });
                    let mut n = 2;
                    let mut id = format!("{base}-{n}");
                    while seen.contains_key(id.as_str()) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    Cow::Owned(id)
                }
            };
            if ids.is_none() && id != *p.id {
                ids = Some(
                    doc.papers
                        .iter()
                        .take(i)
                        .map(|p| p.id.to_string())
                        .collect(),
                );
            }
            if let Some(ids) = &mut ids {
                ids.push(id.to_string());
            }
            seen.insert(id, (d, p.line));
        }
        if ids.is_some() || suffixed != doc.id_bases.suffixed {
            let ids = ids.unwrap_or_else(|| doc.papers.iter().map(|p| p.id.to_string()).collect());
            renamed.push((d, ids, suffixed));
        }
    }
    drop(seen);
    for (d, ids, suffixed) in renamed {
        let doc = library.documents.make_mut(d);
        for (p, id) in doc.papers.iter_mut().zip(ids) {
            p.id = id.into();
        }
        doc.id_bases.suffixed = suffixed;
    }
    warnings
}

/// Loads `paths` again after a change. A file that fails now (momentarily invalid, or gone while an editor
/// saves by rename) keeps its last good version from `previous`, in its place; its error is still reported.
pub fn reload<P: AsRef<Path>>(paths: &[P], previous: &Library) -> Loaded {
    let reuse = Reuse {
        previous,
        changed: None,
    };
    load(paths, Some(&reuse), None, &|_, _| {})
}

/// Loads `paths` again after the files in `changed` changed: the folders are walked again, the changed
/// and the new files are read, and every other file keeps its document from `previous` unread. A changed
/// file that fails now (momentarily invalid, or gone while an editor saves by rename) keeps its last good
/// version; its error is still reported. Paths in `changed` are named as the loader names its files
/// (see `tui::watch`); a folder there only makes the walk find what it added or lost.
pub fn reload_changed<P: AsRef<Path>>(
    paths: &[P],
    previous: &Library,
    changed: &[PathBuf],
) -> Loaded {
    let reuse = Reuse {
        previous,
        changed: Some(changed.iter().map(|p| p.as_path()).collect()),
    };
    load(paths, Some(&reuse), None, &|_, _| {})
}
