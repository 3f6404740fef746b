//! New since last time, as newsboat's new items: the works the library did not have when takeaway last
//! ended ([`crate::state::seen`]) are new — a mark in the tree, `N new` in the title bar, `is:new` in
//! queries — until each is read (read in the detail pane, a link opened, marked read) or all are cleared
//! with a key. A library's first start has nothing to compare with: nothing is new, and what it has is
//! what the next start compares with. Works a reload brings in are new too.

use std::collections::HashSet;

use super::App;
use crate::model::work::Works;
use crate::model::{Library, PaperRef};
use crate::state::seen::Seen;

#[derive(Debug, Clone, Default)]
pub struct News {
    /// The works the library had last time (`None` until the notes are in).
    baseline: Option<Seen>,
    /// Keys of the works new now.
    pub new: HashSet<String>,
    /// Keys of the works read (or cleared, or added through the form) this session: not new.
    pub cleared: HashSet<String>,
    /// A paper read by opening it no longer matches a filter on marks (`is:new`): it stays shown while
    /// it is read, and the filter is searched again when the selection moves.
    pub refilter_on_move: bool,
}

impl App {
    /// Takes what the library had last time (`None`: its first start, so what it has now), once the
    /// notes are loaded, and marks the works it did not have.
    pub fn start_news(&mut self, last_time: Option<Seen>) {
        let baseline =
            last_time.unwrap_or_else(|| Seen::of((0..self.works.len()).map(|w| self.works.key(w))));
        self.news.baseline = Some(baseline);
        self.recompute_new();
    }

    /// The new works of the library now shown (after a load or a reload), and the counts of the tree.
    pub(super) fn recompute_new(&mut self) {
        let Some(baseline) = &self.news.baseline else {
            self.recount_unread();
            return;
        };
        self.news.new = (0..self.works.len())
            .map(|w| self.works.key(w))
            .filter(|k| !baseline.contains(k) && !self.news.cleared.contains(*k))
            .map(str::to_string)
            .collect();
        self.recount_unread();
    }

    /// [`App::recompute_new`] after a reload that changed only the documents `changed` (every other is
    /// the same, at the same index, as in `old`, with its works `old_works`): only the works of the
    /// changed documents, before and now, are looked at.
    pub(super) fn update_new(&mut self, old: &Library, old_works: &Works, changed: &[usize]) {
        let Some(baseline) = &self.news.baseline else {
            self.recount_unread();
            return;
        };
        let mut is_changed = vec![false; self.library.documents.len()];
        for &d in changed {
            if let Some(c) = is_changed.get_mut(d) {
                *c = true;
            }
        }
        // New works the changed documents listed: gone, unless an unchanged document lists them too
        // (or a changed one still does: added back below).
        for &d in changed {
            let papers = old.documents.get(d).map_or(0, |doc| doc.papers.len());
            for paper in 0..papers {
                let r = PaperRef { doc: d, paper };
                let Some(key) = old_works.key_of(r) else {
                    continue;
                };
                let elsewhere = || {
                    (old_works.places_of(r).iter())
                        .any(|q| !is_changed.get(q.doc).copied().unwrap_or(true))
                };
                if self.news.new.contains(key) && !elsewhere() {
                    self.news.new.remove(key);
                }
            }
        }
        for &d in changed {
            let papers = self
                .library
                .documents
                .get(d)
                .map_or(0, |doc| doc.papers.len());
            for paper in 0..papers {
                let Some(key) = self.works.key_of(PaperRef { doc: d, paper }) else {
                    continue;
                };
                if !baseline.contains(key) && !self.news.cleared.contains(key) {
                    self.news.new.insert(key.to_string());
                }
            }
        }
        self.recount_unread();
    }

    /// Is the paper's work new since last time?
    pub fn is_new(&self, r: crate::model::PaperRef) -> bool {
        !self.news.new.is_empty()
            && self
                .works
                .key_of(r)
                .is_some_and(|k| self.news.new.contains(k))
    }

    /// A work was read by opening it (its detail, a link): no longer new. Under a filter on marks
    /// (`is:new`) it stays shown while it is read; the filter follows when the selection moves.
    pub(super) fn seen_now(&mut self, key: &str) {
        if self.forget_new(key) {
            self.recount_unread();
            if self.filter.is_active() && self.filter.parsed.uses_marks() {
                self.news.refilter_on_move = true;
            }
        }
    }

    /// A work was read: no longer new. Returns whether it was; the caller calls
    /// [`App::marks_changed`] once its marks are all set.
    pub(super) fn forget_new(&mut self, key: &str) -> bool {
        let was = self.news.new.remove(key);
        if was {
            self.news.cleared.insert(key.to_string());
        }
        was
    }

    /// The key that clears every new mark.
    pub(super) fn clear_new(&mut self) {
        let n = self.news.new.len();
        self.news.cleared.extend(self.news.new.drain());
        self.say(if n == 0 {
            "Nothing is new".to_string()
        } else {
            format!("Cleared {} new", crate::text::thousands(n))
        });
        self.marks_changed();
    }

    /// What to keep for next time: the works the library has now, but those still new (they stay new
    /// until read). `None` before the notes are in.
    pub fn seen_to_keep(&self) -> Option<Seen> {
        self.news.baseline.as_ref()?;
        Some(Seen::of(
            (0..self.works.len())
                .map(|w| self.works.key(w))
                .filter(|k| !self.news.new.contains(*k)),
        ))
    }
}
