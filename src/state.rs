//! What takeaway remembers between runs: bookmarks and read marks (by the papers' stable ids, with the time
//! they were set), the last selection and expansion, recent filter queries. Stored as `state.json`.
//!
//! Nothing is ever lost:
//! - every write goes to a temporary file in the same folder, is flushed and renamed over the old one;
//! - marks are recorded as operations and, under an exclusive lock, applied to what is on disk at the
//!   time of writing, so two running instances merge their marks instead of overwriting each other's;
//! - marks for papers that are not loaded are kept untouched;
//! - a file that cannot be read as state is moved aside to `state.json.corrupt-<time>` and the app starts
//!   clean, saying so.

pub mod seen;

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Why the state file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{}: cannot read: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: not a state file: {source}", .path.display())]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{}: cannot write: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Where the selection was: the node's key (document and titles), and the paper's id and line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    /// Paper id → when it was bookmarked.
    pub bookmarks: BTreeMap<String, u64>,
    /// Paper id → when it was marked read.
    pub read: BTreeMap<String, u64>,
    /// The selection of the library this store was opened for (in the file: that of files written
    /// before sessions were kept per library).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<Selection>,
    /// Keys of the expanded tree nodes (as `selected`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expanded: Vec<String>,
    /// Most recent first.
    pub recent_filters: Vec<String>,
    /// Each library's last session, by the hash of its id ([`seen::library_id`]): opening other notes
    /// keeps this one's selection and expansion for next time.
    pub sessions: BTreeMap<String, Session>,
}

/// A library's selection and expanded nodes when it was last left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub selected: Option<Selection>,
    pub expanded: Vec<String>,
    /// When it was saved (seconds since the Unix epoch): the oldest go first past [`MAX_SESSIONS`].
    pub at: u64,
}

/// How many libraries' sessions are kept.
pub const MAX_SESSIONS: usize = 64;

/// A change to the marks, replayed onto the file's current content when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Bookmark { id: String, on: bool },
    Read { id: String, on: bool },
}

impl State {
    /// This state with `library`'s session as the selection and expansion. A file written before
    /// sessions were kept per library has one session for all: it is taken as this library's.
    fn for_library(mut self, library: &str) -> State {
        if !self.sessions.is_empty() {
            let s = self.sessions.get(library).cloned().unwrap_or_default();
            (self.selected, self.expanded) = (s.selected, s.expanded);
        }
        self
    }

    fn apply(&mut self, m: &Mark, at: u64) {
        let (map, id, on) = match m {
            Mark::Bookmark { id, on } => (&mut self.bookmarks, id, *on),
            Mark::Read { id, on } => (&mut self.read, id, *on),
        };
        if on {
            map.entry(id.clone()).or_insert(at);
        } else {
            map.remove(id);
        }
    }
}

/// The state file and the changes not yet written to it.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    pub state: State,
    pending: Vec<(Mark, u64)>,
    /// The key of the library whose session `state.selected` and `state.expanded` hold.
    library: String,
}

impl Store {
    /// A store that keeps everything in memory (no state folder could be found).
    pub fn in_memory() -> Store {
        Store {
            path: None,
            state: State::default(),
            pending: Vec::new(),
            library: String::new(),
        }
    }

    /// Opens the state at `path` for the library of `paths` (its session in `state.selected` and
    /// `state.expanded`). A missing file is an empty state; one that cannot be parsed is moved aside, and
    /// the returned message says where.
    pub fn open(path: &Path, paths: &[PathBuf]) -> (Store, Option<String>) {
        let library = format!("{:016x}", seen::hash(&seen::library_id(paths)));
        let mut store = Store {
            path: Some(path.to_path_buf()),
            state: State::default(),
            pending: Vec::new(),
            library,
        };
        match read(path) {
            Ok(Some(s)) => store.state = s.for_library(&store.library),
            Ok(None) => {}
            Err(why) => {
                let aside = path.with_file_name(format!(
                    "{}.corrupt-{}",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    now()
                ));
                let msg = match std::fs::rename(path, &aside) {
                    Ok(()) => format!(
                        "State file was unreadable ({why}); kept it as {} and started clean",
                        aside.display()
                    ),
                    Err(e) => format!(
                        "State file was unreadable ({why}) and could not be moved aside: {e}"
                    ),
                };
                return (store, Some(msg));
            }
        }
        (store, None)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Records a mark change in memory; [`Store::save`] writes it.
    pub fn mark(&mut self, m: Mark) {
        let at = now();
        self.state.apply(&m, at);
        self.pending.push((m, at));
    }

    /// Writes the state: under the lock, re-reads the file, replays this instance's mark changes onto it,
    /// takes this instance's selection, expansion and recent filters, and replaces the file atomically.
    /// Afterwards `self.state` holds the merged marks (including other instances').
    pub fn save(&mut self) -> Result<(), StateError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let failed = |source: io::Error| StateError::Write {
            path: path.clone(),
            source,
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(failed)?;
        let lock = lock_file(&path).map_err(failed)?;
        let mut merged = match read(&path) {
            Ok(s) => s.unwrap_or_default(),
            // A file gone bad since we opened it: our copy is the best there is.
            Err(_) => State {
                bookmarks: self.state.bookmarks.clone(),
                read: self.state.read.clone(),
                ..State::default()
            },
        };
        for (m, at) in &self.pending {
            merged.apply(m, *at);
        }
        merged.version = 1;
        // This library's session among the others' (kept as other instances left them).
        merged.sessions.insert(
            self.library.clone(),
            Session {
                selected: self.state.selected.clone(),
                expanded: self.state.expanded.clone(),
                at: now(),
            },
        );
        while merged.sessions.len() > MAX_SESSIONS {
            let oldest = merged
                .sessions
                .iter()
                .filter(|(k, _)| **k != self.library)
                .min_by_key(|(_, s)| s.at)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => merged.sessions.remove(&k),
                None => break,
            };
        }
        (merged.selected, merged.expanded) = (None, Vec::new());
        merged.recent_filters = self.state.recent_filters.clone();
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
        // Made in memory and written at once: one write, not one per token.
        let mut text = serde_json::to_vec_pretty(&merged).map_err(|e| failed(e.into()))?;
        text.push(b'\n');
        tmp.write_all(&text).map_err(failed)?;
        tmp.as_file().sync_all().map_err(failed)?;
        tmp.persist(&path).map_err(|e| failed(e.error))?;
        drop(lock);
        self.pending.clear();
        self.state = merged.for_library(&self.library);
        Ok(())
    }
}

/// Reads the state at `path` and changes nothing (a missing file is an empty state): for `--filter
/// 'is:read'`, which must not move a damaged file aside as the browser does. The error names the file
/// and says what is wrong with it.
pub fn peek(path: &Path) -> Result<State, StateError> {
    read(path).map(Option::unwrap_or_default)
}

/// The state in the file at `path`; `None` when there is no file.
fn read(path: &Path) -> Result<Option<State>, StateError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StateError::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|source| StateError::Parse {
            path: path.to_path_buf(),
            source,
        })
}

/// An exclusive lock on `state.json.lock`, released when the file is dropped.
fn lock_file(path: &Path) -> io::Result<File> {
    let lock_path = path.with_file_name(format!(
        "{}.lock",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)?;
    f.lock()?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (mut s, msg) = Store::open(&path, &[]);
        assert!(msg.is_none());
        s.mark(Mark::Bookmark {
            id: "a/x".into(),
            on: true,
        });
        s.mark(Mark::Read {
            id: "a/y".into(),
            on: true,
        });
        s.state.selected = Some(Selection {
            node: "k".into(),
            paper: Some("a/x".into()),
            line: Some(3),
        });
        s.state.expanded = vec!["e1".into()];
        s.save().unwrap();
        let (s2, _) = Store::open(&path, &[]);
        assert_eq!(s2.state.bookmarks.keys().collect::<Vec<_>>(), vec!["a/x"]);
        assert_eq!(s2.state.read.keys().collect::<Vec<_>>(), vec!["a/y"]);
        assert!(s2.state.bookmarks["a/x"] > 1_600_000_000, "a real time");
        assert_eq!(s2.state.selected, s.state.selected);
        assert_eq!(s2.state.expanded, vec!["e1"]);
        assert!(
            !dir.path()
                .read_dir()
                .unwrap()
                .any(|e| { e.unwrap().file_name().to_string_lossy().starts_with(".tmp") }),
            "no temporary file left behind"
        );
    }

    #[test]
    fn each_library_keeps_its_own_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        // A file from before sessions were kept per library: its one session is taken by the first
        // library opened.
        std::fs::write(
            &path,
            r#"{"version": 1, "selected": {"node": "old"}, "expanded": ["old"]}"#,
        )
        .unwrap();
        let notes = [dir.path().join("notes")];
        let other = [dir.path().join("other")];
        let select = |node: &str| {
            Some(Selection {
                node: node.into(),
                ..Selection::default()
            })
        };
        let (mut a, _) = Store::open(&path, &notes);
        assert_eq!(a.state.selected, select("old"));
        a.state.selected = select("in notes");
        a.state.expanded = vec!["notes topic".into()];
        a.save().unwrap();
        // Other notes start with no session of their own, and leave one.
        let (mut b, _) = Store::open(&path, &other);
        assert_eq!(
            (b.state.selected.clone(), b.state.expanded.len()),
            (None, 0)
        );
        b.state.selected = select("in other");
        b.save().unwrap();
        assert_eq!(b.state.selected, select("in other"));
        // The first notes again: their own session, not the last one saved.
        let (a, _) = Store::open(&path, &notes);
        assert_eq!(a.state.selected, select("in notes"));
        assert_eq!(a.state.expanded, ["notes topic"]);
        let (b, _) = Store::open(&path, &other);
        assert_eq!(b.state.selected, select("in other"));
        assert_eq!(b.state.sessions.len(), 2);
    }

    #[test]
    fn unmark_and_unknown_ids_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, r#"{"bookmarks": {"gone/paper": 5, "a/x": 6}}"#).unwrap();
        let (mut s, _) = Store::open(&path, &[]);
        s.mark(Mark::Bookmark {
            id: "a/x".into(),
            on: false,
        });
        s.save().unwrap();
        let (s2, _) = Store::open(&path, &[]);
        assert_eq!(
            s2.state.bookmarks.into_iter().collect::<Vec<_>>(),
            vec![("gone/paper".to_string(), 5)]
        );
    }

    #[test]
    fn a_corrupt_file_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "garbage {{{").unwrap();
        let (s, msg) = Store::open(&path, &[]);
        assert!(msg.unwrap().contains("started clean"));
        assert_eq!(s.state, State::default());
        assert!(!path.exists());
        let aside: Vec<_> = dir
            .path()
            .read_dir()
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("state.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
            "garbage {{{"
        );
    }

    #[test]
    fn two_writers_merge_their_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (mut a, _) = Store::open(&path, &[]);
        let (mut b, _) = Store::open(&path, &[]);
        a.mark(Mark::Bookmark {
            id: "a".into(),
            on: true,
        });
        b.mark(Mark::Read {
            id: "b".into(),
            on: true,
        });
        a.save().unwrap();
        b.save().unwrap();
        // b's save saw a's mark on disk and kept it.
        assert!(b.state.bookmarks.contains_key("a"));
        let (c, _) = Store::open(&path, &[]);
        assert!(c.state.bookmarks.contains_key("a") && c.state.read.contains_key("b"));
    }
}
