//! Marks of works (bookmarked, read), as `is:` asks for them.

use std::collections::HashSet;

use crate::model::work::Works;
use crate::model::{Library, PaperRef};

/// Marks of works, as `is:` asks for them. The app gives its marks; `--filter` reads the state file.
/// `Sync`, because a search runs on several threads.
pub trait Marks: Sync {
    fn bookmarked(&self, r: PaperRef) -> bool;
    fn read(&self, r: PaperRef) -> bool;
    /// Is the work new since last time? (None is, unless the marks know.)
    fn is_new(&self, _r: PaperRef) -> bool {
        false
    }
}

/// No marks at all: nothing is bookmarked or read.
pub struct NoMarks;

impl Marks for NoMarks {
    fn bookmarked(&self, _: PaperRef) -> bool {
        false
    }
    fn read(&self, _: PaperRef) -> bool {
        false
    }
}

/// Marks kept by work key (as the app and the state file keep them).
pub struct KeyMarks<'a> {
    pub works: &'a Works,
    pub bookmarks: &'a HashSet<String>,
    pub read: &'a HashSet<String>,
    /// The works new since last time.
    pub new: &'a HashSet<String>,
}

impl Marks for KeyMarks<'_> {
    fn bookmarked(&self, r: PaperRef) -> bool {
        self.works
            .key_of(r)
            .is_some_and(|k| self.bookmarks.contains(k))
    }
    fn read(&self, r: PaperRef) -> bool {
        self.works.key_of(r).is_some_and(|k| self.read.contains(k))
    }
    fn is_new(&self, r: PaperRef) -> bool {
        !self.new.is_empty() && self.works.key_of(r).is_some_and(|k| self.new.contains(k))
    }
}

/// A copy of marks for every paper of a library, owned, for a search on another thread.
#[derive(Debug, Clone, Default)]
pub struct MarkTable {
    /// Per document, per paper: bit 0 bookmarked, bit 1 read, bit 2 new.
    flags: Vec<Vec<u8>>,
}

impl MarkTable {
    pub fn new(lib: &Library, marks: &dyn Marks) -> MarkTable {
        MarkTable {
            flags: lib
                .documents
                .iter()
                .enumerate()
                .map(|(d, doc)| {
                    (0..doc.papers.len())
                        .map(|p| {
                            let r = PaperRef { doc: d, paper: p };
                            u8::from(marks.bookmarked(r))
                                | (u8::from(marks.read(r)) << 1)
                                | (u8::from(marks.is_new(r)) << 2)
                        })
                        .collect()
                })
                .collect(),
        }
    }

    fn get(&self, r: PaperRef) -> u8 {
        self.flags
            .get(r.doc)
            .and_then(|d| d.get(r.paper))
            .copied()
            .unwrap_or(0)
    }
}

impl Marks for MarkTable {
    fn bookmarked(&self, r: PaperRef) -> bool {
        self.get(r) & 1 != 0
    }
    fn read(&self, r: PaperRef) -> bool {
        self.get(r) & 2 != 0
    }
    fn is_new(&self, r: PaperRef) -> bool {
        self.get(r) & 4 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_tables_copy_marks() {
        struct Odd;
        impl Marks for Odd {
            fn bookmarked(&self, r: PaperRef) -> bool {
                r.paper % 2 == 1
            }
            fn read(&self, r: PaperRef) -> bool {
                r.paper == 0
            }
        }
        let mut lib = Library::default();
        lib.documents.push(
            crate::loader::document::build(
                "x.md",
                None,
                "# X\n\n## Papers\n\n* A \\[[Paper](https://a)]\n* B \\[[Paper](https://b)]\n",
            )
            .0,
        );
        let t = MarkTable::new(&lib, &Odd);
        let r = |paper| PaperRef { doc: 0, paper };
        assert!(!t.bookmarked(r(0)) && t.read(r(0)));
        assert!(t.bookmarked(r(1)) && !t.read(r(1)));
        assert!(
            !t.bookmarked(r(7)) && !t.read(r(7)),
            "unknown papers are unmarked"
        );
        assert!(!NoMarks.bookmarked(r(0)) && !NoMarks.read(r(0)));
    }
}
