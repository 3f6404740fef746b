//! The questions a document's parse asks of the file system, beside the file's own text: does a linked
//! file exist (a warning), is a linked path a folder (its `README.md` is the page). A parse run inside
//! [`recorded`] keeps them with their answers, so that the loader's cache ([`super::cache`]) asks them
//! again before it trusts a document it kept: a document is a function of its path, its text and these
//! answers. The record is the thread's own: a document is parsed on one thread, start to end.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One question and the answer it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    pub path: PathBuf,
    pub kind: ProbeKind,
    pub answer: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProbeKind {
    Exists,
    IsDir,
}

impl ProbeKind {
    fn ask(self, path: &Path) -> bool {
        match self {
            ProbeKind::Exists => path.exists(),
            ProbeKind::IsDir => path.is_dir(),
        }
    }
}

thread_local! {
    /// The questions of the parse running on this thread inside [`recorded`]; `None` outside it.
    static LOG: RefCell<Option<Vec<Probe>>> = const { RefCell::new(None) };
}

/// Does `path` exist? (Recorded inside [`recorded`].)
pub fn exists(path: &Path) -> bool {
    ask(path, ProbeKind::Exists)
}

/// Is `path` a folder? (Recorded inside [`recorded`].)
pub fn is_dir(path: &Path) -> bool {
    ask(path, ProbeKind::IsDir)
}

fn ask(path: &Path, kind: ProbeKind) -> bool {
    let answer = kind.ask(path);
    LOG.with_borrow_mut(|log| {
        if let Some(log) = log {
            log.push(Probe {
                path: path.to_path_buf(),
                kind,
                answer,
            });
        }
    });
    answer
}

/// Runs `f` (a parse, on this thread) and returns what it returned with the questions it asked.
pub fn recorded<R>(f: impl FnOnce() -> R) -> (R, Vec<Probe>) {
    /// Ends the recording however `f` ends, a panic included.
    struct Stop;
    impl Drop for Stop {
        fn drop(&mut self) {
            LOG.with_borrow_mut(|log| *log = None);
        }
    }
    LOG.with_borrow_mut(|log| *log = Some(Vec::new()));
    let stop = Stop;
    let out = f();
    let probes = LOG.with_borrow_mut(|log| log.take()).unwrap_or_default();
    drop(stop);
    (out, probes)
}

/// Would each question get the same answer now?
pub fn still_hold(probes: &[Probe]) -> bool {
    probes.iter().all(|p| p.kind.ask(&p.path) == p.answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_keeps_its_questions_and_they_are_checked_again() {
        let dir = tempfile::tempdir().unwrap();
        let note = dir.path().join("note.md");
        let ((), probes) = recorded(|| {
            assert!(!exists(&note));
            assert!(is_dir(dir.path()));
        });
        assert_eq!(
            probes,
            vec![
                Probe {
                    path: note.clone(),
                    kind: ProbeKind::Exists,
                    answer: false
                },
                Probe {
                    path: dir.path().to_path_buf(),
                    kind: ProbeKind::IsDir,
                    answer: true
                },
            ]
        );
        assert!(still_hold(&probes));
        std::fs::write(&note, "# Note\n").unwrap();
        assert!(!still_hold(&probes), "the linked file now exists");
    }

    #[test]
    fn outside_a_recording_nothing_is_kept() {
        assert!(!exists(Path::new("/no/such/takeaway/file")));
        let ((), probes) = recorded(|| ());
        assert!(probes.is_empty());
    }

    #[test]
    fn a_panic_ends_the_recording() {
        let r = std::panic::catch_unwind(|| recorded(|| panic!("parse failed")));
        assert!(r.is_err());
        LOG.with_borrow(|log| assert!(log.is_none()));
    }
}
