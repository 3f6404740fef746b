//! Bookmarks and read marks. They belong to a paper's work (marking one place marks all), are kept by the
//! work's key, and come back from the state file; each node of the tree counts the unread papers below it.

use std::collections::{HashMap, HashSet};

use super::{App, Effect};
use crate::model::work::Works;
use crate::model::{Library, Paper, PaperRef};
use crate::state::{Mark, State};

#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Keys of the bookmarked and read works (marks a state file keeps for papers not loaded, and paper
    /// ids written by earlier versions, are kept too).
    pub bookmarks: HashSet<String>,
    pub read: HashSet<String>,
    /// Per tree node: papers at or below it not marked read.
    pub unread: Vec<usize>,
    /// Per tree node: papers at or below it new since last time.
    pub new: Vec<usize>,
    /// Marks moved by a reload from a renamed paper's old work to its new one, for the runtime to write
    /// ([`App::take_carried_marks`]).
    carried: Vec<Mark>,
    /// Per work key a reload gave marks to: the keys of the renamed papers they came from. Unmarking
    /// the paper unmarks those too, so that an edit back does not bring a removed mark back.
    renamed_from: HashMap<String, Vec<String>>,
}

impl App {
    /// Takes the marks of a state (after loading or saving it).
    pub fn set_marks(&mut self, state: &State) {
        self.marks.bookmarks = self.work_marks(state.bookmarks.keys());
        self.marks.read = self.work_marks(state.read.keys());
        self.recount_unread();
        self.narrow();
    }

    /// A reload changed the documents `changed` (each at the same index in `old`, with its works
    /// `old_works`). A paper whose title was edited (a typo mended) is another work by its key: its
    /// marks would be lost, and it would show as new. A paper of a changed document whose work is gone
    /// from the notes is matched to one whose work is new, in the same document, by its first link,
    /// else by its line; its marks are given to the new work too, and it is new only if it was. The old
    /// work's marks stay: the state file is shared by every library, and another may still list the
    /// paper under its old title.
    pub(super) fn carry_renamed(&mut self, old: &Library, old_works: &Works, changed: &[usize]) {
        let mut carried = false;
        for &d in changed {
            let (Some(was), Some(now)) = (old.documents.get(d), self.library.documents.get(d))
            else {
                continue;
            };
            let gone: Vec<(&str, &Paper)> = (0..was.papers.len())
                .filter_map(|p| {
                    let key = old_works.key_of(PaperRef { doc: d, paper: p })?;
                    self.works
                        .find(key)
                        .is_none()
                        .then(|| (key, &was.papers[p]))
                })
                .collect();
            if gone.is_empty() {
                continue;
            }
            let mut taken = vec![false; gone.len()];
            let first_link = |p: &Paper| p.links.first().map(|l| l.url.clone());
            let mut pairs: Vec<(String, String)> = Vec::new();
            for p in 0..now.papers.len() {
                let Some(key) = self.works.key_of(PaperRef { doc: d, paper: p }) else {
                    continue;
                };
                if old_works.find(key).is_some() {
                    continue;
                }
                let paper = &now.papers[p];
                let link = first_link(paper);
                let same = |by_link: bool| {
                    (0..gone.len()).find(|&g| {
                        !taken[g]
                            && if by_link {
                                link.is_some() && first_link(gone[g].1) == link
                            } else {
                                gone[g].1.line == paper.line
                            }
                    })
                };
                if let Some(g) = same(true).or_else(|| same(false)) {
                    taken[g] = true;
                    pairs.push((gone[g].0.to_string(), key.to_string()));
                }
            }
            for (from, to) in pairs {
                carried = true;
                let sources = self.marks.renamed_from.entry(to.clone()).or_default();
                if !sources.contains(&from) {
                    sources.push(from.clone());
                }
                for bookmark in [true, false] {
                    let set = match bookmark {
                        true => &mut self.marks.bookmarks,
                        false => &mut self.marks.read,
                    };
                    if !set.contains(&from) || !set.insert(to.clone()) {
                        continue;
                    }
                    self.marks.carried.push(match bookmark {
                        true => Mark::Bookmark {
                            id: to.clone(),
                            on: true,
                        },
                        false => Mark::Read {
                            id: to.clone(),
                            on: true,
                        },
                    });
                }
                if !self.news.new.contains(&from) && self.news.new.remove(&to) {
                    self.news.cleared.insert(to);
                }
            }
        }
        // The tree's counts of new and unread papers, with the marks and news carried.
        if carried {
            self.recount_unread();
        }
    }

    /// The keys whose marks a reload carried to `key`, and theirs in turn (a title edited twice).
    pub(super) fn renamed_sources(&self, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut todo = vec![key.to_string()];
        while let Some(k) = todo.pop() {
            for from in self.marks.renamed_from.get(&k).into_iter().flatten() {
                if from != key && !out.contains(from) {
                    out.push(from.clone());
                    todo.push(from.clone());
                }
            }
        }
        out
    }

    /// The marks a reload carried to renamed papers, as effects that write them.
    pub fn take_carried_marks(&mut self) -> Vec<Effect> {
        self.marks.carried.drain(..).map(Effect::Mark).collect()
    }

    /// Mark keys as the app keeps them: a paper id (how earlier versions kept marks) becomes its work's
    /// key when the paper is loaded; every key is kept as well, so marks of works not loaded now survive.
    pub(super) fn work_marks<'a>(
        &self,
        keys: impl IntoIterator<Item = &'a String>,
    ) -> HashSet<String> {
        crate::model::work::mark_keys(&self.library, &self.works, keys)
    }

    /// Counts, per node, the unread and the new papers below it.
    pub(super) fn recount_unread(&mut self) {
        let mut unread = vec![0usize; self.tree.len()];
        let mut new = vec![0usize; self.tree.len()];
        // Per work, from the marks (usually few) rather than a look-up per paper.
        let works_in = |keys: &HashSet<String>| {
            let mut marked = vec![false; self.works.len()];
            for w in keys.iter().filter_map(|k| self.works.find(k)) {
                marked[w] = true;
            }
            marked
        };
        let (read, fresh) = (works_in(&self.marks.read), works_in(&self.news.new));
        let marked = |of: &[bool], r| self.works.work_of(r).is_some_and(|w| of[w]);
        // Children come after their parents in the tree: counted from the last node up, each node's
        // count is complete when it is added to its parent's.
        for (id, n) in self.tree.nodes.iter().enumerate().rev() {
            if let Some(r) = n.paper() {
                unread[id] += usize::from(!marked(&read, r));
                new[id] += usize::from(marked(&fresh, r));
            }
            if let Some(p) = n.parent {
                unread[p] += unread[id];
                new[p] += new[id];
            }
        }
        self.marks.unread = unread;
        self.marks.new = new;
    }

    /// Is the paper's work bookmarked?
    pub fn is_bookmarked(&self, r: PaperRef) -> bool {
        self.works
            .key_of(r)
            .is_some_and(|k| self.marks.bookmarks.contains(k))
    }

    /// Is the paper's work marked read?
    pub fn is_read(&self, r: PaperRef) -> bool {
        self.works
            .key_of(r)
            .is_some_and(|k| self.marks.read.contains(k))
    }

    /// Bookmarks or marks read the selected paper's work, in every place; unmarking also drops the marks
    /// an earlier version kept by the ids of its places.
    pub(super) fn toggle_mark(&mut self, bookmark: bool) -> Vec<Effect> {
        let Some((r, p)) = self.selected_paper() else {
            self.say("Select a paper to mark it");
            return Vec::new();
        };
        let key = self.works.key_of(r).unwrap_or(&p.id).to_string();
        let title = p.title.clone();
        let places = self.place_count(r);
        let place_ids: Vec<String> = self
            .places(r)
            .into_iter()
            .filter_map(|o| self.library.paper(o))
            .map(|o| o.id.to_string())
            .collect();
        let set = if bookmark {
            &mut self.marks.bookmarks
        } else {
            &mut self.marks.read
        };
        let on = !set.contains(&key);
        let mut keys = vec![key.clone()];
        // Unmarked: its places' ids of earlier versions, and the titles it had before an edit.
        let renamed = if on {
            Vec::new()
        } else {
            self.renamed_sources(&key)
        };
        let set = if bookmark {
            &mut self.marks.bookmarks
        } else {
            &mut self.marks.read
        };
        if on {
            set.insert(key);
        } else {
            set.remove(&key);
            keys.extend(place_ids.into_iter().filter(|id| set.remove(id)));
            keys.extend(renamed.into_iter().filter(|k| set.remove(k)));
        }
        let where_ = if places > 1 {
            format!(" (in its {places} places)")
        } else {
            String::new()
        };
        self.say(match (bookmark, on) {
            (true, true) => format!("★ Bookmarked {title}{where_}"),
            (true, false) => format!("Removed the bookmark of {title}{where_}"),
            (false, true) => format!("Marked read: {title}{where_}"),
            (false, false) => format!("Marked unread: {title}{where_}"),
        });
        if on && !bookmark {
            let key = keys[0].clone();
            self.forget_new(&key);
        }
        self.marks_changed();
        keys.into_iter()
            .map(|id| {
                Effect::Mark(if bookmark {
                    Mark::Bookmark { id, on }
                } else {
                    Mark::Read { id, on }
                })
            })
            .collect()
    }

    /// After marks changed: the unread counts, and what shows when the filter or a toggle asks for marks.
    pub(super) fn marks_changed(&mut self) {
        self.recount_unread();
        let before = self.tree_view.selected;
        if self.filter.is_active() && self.filter.parsed.uses_marks() {
            // `is:read` and its kin: searched again with the new marks, the selection kept.
            self.refilter();
            self.narrow();
        } else if self.filter.only_bookmarked || self.filter.only_unread {
            self.narrow();
        } else {
            return;
        }
        let Some(old) = before.filter(|&id| self.tree.nodes[id].paper().is_some()) else {
            return;
        };
        if self.filter.is_pending() {
            self.filter.left_paper = Some(old);
        } else {
            self.follow_left_paper(old);
        }
    }

    /// The selected paper `old` left what is shown (read under `U` or `is:unread`, seen under
    /// `is:new`): the next paper shown takes its place (else the one before), so that `m m m` goes
    /// down the list.
    pub(super) fn follow_left_paper(&mut self, old: usize) {
        if self.tree_view.selected == Some(old) {
            return;
        }
        let rows = &self.tree_view.rows;
        let is_paper = |id: &usize| self.tree.nodes[*id].paper().is_some();
        let next = rows.iter().copied().filter(|&id| id > old).find(is_paper);
        let prev = || {
            rows.iter()
                .rev()
                .copied()
                .filter(|&id| id < old)
                .find(is_paper)
        };
        if let Some(id) = next.or_else(prev) {
            self.select_node(id);
        }
    }

    /// `B` / `U`: shows only bookmarked (or only unread) papers, or all again.
    pub(super) fn toggle_only(&mut self, bookmarked: bool) {
        let on = if bookmarked {
            &mut self.filter.only_bookmarked
        } else {
            &mut self.filter.only_unread
        };
        *on = !*on;
        let selected = self.tree_view.selected;
        self.narrow();
        // What shows now, with both toggles (the other one may be on).
        self.say(
            match (self.filter.only_bookmarked, self.filter.only_unread) {
                (true, true) => {
                    "Showing only bookmarked unread papers (B or U again turns that one off)"
                }
                (true, false) => "Showing only bookmarked papers (B again: all)",
                (false, true) => "Showing only unread papers (U again: all)",
                (false, false) => "Showing all papers",
            },
        );
        // The paper read stays selected while it is shown; else the first shown.
        let still_shown = |shown: &Option<Vec<bool>>, id: usize| {
            shown
                .as_ref()
                .is_none_or(|s| s.get(id).copied().unwrap_or(false))
        };
        match selected.filter(|&id| still_shown(&self.tree_view.shown, id)) {
            Some(id) => self.reveal(id),
            None => self.select_first_shown_paper(),
        }
    }
}
