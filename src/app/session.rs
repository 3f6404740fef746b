//! The reader's place across runs and reloads: the session (selection, expanded nodes, recent filters)
//! saved and restored by keys that survive edits of the notes, and new notes taken in (the first load,
//! which runs off the UI thread, and every reload) without losing that place.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::tree_view::TreeView;
use super::{App, Mode};
use crate::model::tree::{NodeKind, Tree};
use crate::model::work::Works;
use crate::model::Library;
use crate::search::Index;
use crate::state::{Selection, State};

/// The first part of the [`App::node_key`] of a folder of the navigation (a document's is its source).
pub const NAV_KEY: &str = "\u{1e}";

/// Separates the parts of a node key.
const KEY_SEP: &str = "\u{1f}";

/// A library made ready for the app: its search index, its works and its tree built. Building them takes
/// most of a second at 100,000 papers, so the runtime does it off the UI thread.
pub struct Prepared {
    pub(super) library: Arc<Library>,
    pub(super) index: Arc<Index>,
    pub(super) works: Arc<Works>,
    pub(super) tree: Tree,
    /// After a reload: the documents that changed, when all others kept their places (`None`: the
    /// whole library is new).
    pub(super) changed: Option<Vec<usize>>,
}

impl Prepared {
    pub fn new(library: Library) -> Self {
        // Three independent builds, on the cores there are.
        let (mut index, (works, tree)) = rayon::join(
            || Index::new(&library),
            || rayon::join(|| Arc::new(Works::new(&library)), || Tree::new(&library)),
        );
        index.link_works(&works);
        Prepared {
            index: Arc::new(index),
            works,
            tree,
            library: Arc::new(library),
            changed: None,
        }
    }
}

/// How far loading the notes got: files read and parsed of all the files found (`total` is 0 while the
/// folders are still being walked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: usize,
}

impl App {
    /// A key for a tree node that survives reloads: the document's source and the titles from the
    /// document down to it (wherever the navigation puts the document), or for a folder of the navigation
    /// [`NAV_KEY`] and the titles from the top down to it.
    pub fn node_key(&self, id: usize) -> String {
        self.node_key_in(&self.tree, id)
    }

    /// [`App::node_key`] of a node of `tree`.
    fn node_key_in(&self, tree: &Tree, id: usize) -> String {
        let node = &tree.nodes[id];
        let mut parts: Vec<&str> = vec![node.title.as_str()];
        match node.doc {
            Some(d) => {
                // Up to the document's own node: the titles inside it.
                let mut cur = id;
                while tree.nodes[cur].kind != NodeKind::Document {
                    let Some(p) = tree.nodes[cur].parent else {
                        break;
                    };
                    cur = p;
                    parts.push(&tree.nodes[cur].title);
                }
                parts.push(&self.library.documents[d].source);
            }
            None => {
                parts.extend(tree.ancestors(id).map(|a| tree.nodes[a].title.as_str()));
                parts.push(NAV_KEY);
            }
        }
        parts.reverse();
        parts.join(KEY_SEP)
    }

    /// What to remember of this session: the selection, the expanded nodes, recent filters.
    /// Always the navigation's, whichever view shows.
    pub fn session(&self, state: &mut State) {
        let (tree, v) = self.views.navigation((&self.tree, &self.tree_view));
        // In a view, the paper read there is the one to come back to (found by its id).
        let in_view = (self.tree_view.selected)
            .and_then(|id| self.tree.nodes.get(id)?.paper())
            .filter(|_| !std::ptr::eq(tree, &self.tree));
        state.selected = v.selected.map(|id| {
            let r = in_view.or_else(|| tree.nodes[id].paper());
            let paper = r.and_then(|r| self.library.paper(r));
            Selection {
                node: self.node_key_in(tree, id),
                paper: paper.map(|p| p.id.to_string()),
                line: paper.map(|p| p.line),
            }
        });
        state.expanded = (0..tree.len())
            .filter(|&id| v.expanded[id])
            .map(|id| self.node_key_in(tree, id))
            .collect();
        state.recent_filters = self.filter.recent.clone();
    }

    /// Restores a remembered session: expansion by node key, the selection by paper id, else by node
    /// key, else by the same document and line.
    pub fn restore_session(&mut self, state: &State) {
        self.restore_with(state, &[]);
    }

    /// [`App::restore_session`], and when its selection is gone (its file deleted), the first of
    /// `fallback` (node keys, the nearest first: the selection's ancestors before a reload) still there.
    fn restore_with(&mut self, state: &State, fallback: &[String]) {
        let docs: HashMap<&str, usize> = (self.library.documents.iter().enumerate())
            .map(|(d, doc)| (doc.source.as_str(), d))
            .collect();
        // Expansion is restored for the documents the saved state knows; others keep their defaults
        // (a state saved with other notes must not close everything). After a reload nothing is
        // expanded yet.
        if self.tree_view.expanded.contains(&true) {
            let known: HashSet<&str> = state
                .expanded
                .iter()
                .filter_map(|k| k.split(KEY_SEP).next())
                .collect();
            for (id, n) in self.tree.nodes.iter().enumerate() {
                let source = n
                    .doc
                    .map_or(NAV_KEY, |d| self.library.documents[d].source.as_str());
                if known.contains(source) {
                    self.tree_view.expanded[id] = false;
                }
            }
        }
        for k in &state.expanded {
            if let Some(id) = self.node_with_key(&docs, k) {
                self.tree_view.expanded[id] = true;
            }
        }
        self.filter.recent = state.recent_filters.clone();
        if let Some(sel) = &state.selected {
            let by_id = sel
                .paper
                .as_deref()
                .and_then(|pid| self.library.find_id(pid))
                .and_then(|r| self.tree.node_of_paper(r));
            let by_key = || self.node_with_key(&docs, &sel.node);
            let by_line = || {
                let source = sel.node.split(KEY_SEP).next()?;
                let line = sel.line?;
                self.library.papers().find_map(|(r, p)| {
                    (p.line == line && self.library.documents[r.doc].source == source)
                        .then(|| self.tree.node_of_paper(r))
                        .flatten()
                })
            };
            let by_ancestor = || fallback.iter().find_map(|k| self.node_with_key(&docs, k));
            if let Some(id) = by_id.or_else(by_key).or_else(by_line).or_else(by_ancestor) {
                // Selected, its ancestors opened; when the filter hides it now, the nearest shown
                // node is (the filter stays).
                self.in_tree(|v, t, h| {
                    for a in t.ancestors(id) {
                        v.expanded[a] = true;
                    }
                    v.selected = Some(id);
                    v.refresh(t, h);
                });
                return;
            }
        }
        self.refresh_rows();
    }

    /// The node whose [`App::node_key`] is `key` (the last of several), found by walking down from the
    /// document (`docs`: documents by source) or from the top, without the keys of all nodes.
    fn node_with_key(&self, docs: &HashMap<&str, usize>, key: &str) -> Option<usize> {
        let tree = &self.tree;
        let mut parts = key.split(KEY_SEP);
        let first = parts.next()?;
        let titles: Vec<&str> = parts.collect();
        let (top, titles, inside) = if first == NAV_KEY {
            (tree.roots.clone(), titles.as_slice(), None)
        } else {
            let d = *docs.get(first)?;
            (vec![tree.node_of_doc(d)?], titles.as_slice(), Some(d))
        };
        // Nodes of the same part of the key: a folder's parts are folders, a document's are its own.
        let part_of = |id: usize| {
            let n = &tree.nodes[id];
            match inside {
                None => n.doc.is_none(),
                Some(d) => n.doc == Some(d),
            }
        };
        // Depth first, the last sibling first.
        fn walk(
            tree: &Tree,
            part_of: &dyn Fn(usize) -> bool,
            among: &[usize],
            titles: &[&str],
        ) -> Option<usize> {
            let (title, rest) = titles.split_first()?;
            among.iter().rev().find_map(|&id| {
                if !part_of(id) || tree.nodes[id].title != *title {
                    return None;
                }
                if rest.is_empty() {
                    Some(id)
                } else {
                    walk(tree, part_of, &tree.nodes[id].children, rest)
                }
            })
        }
        walk(tree, &part_of, &top, titles)
    }

    /// Replaces the library (after a reload), keeping the selection, expansion, filter and marks.
    pub fn replace_library(&mut self, library: Library) {
        self.replace_prepared(Prepared::new(library));
    }

    /// [`App::replace_library`] with the index and tree already built (off the UI thread). Returns the
    /// notes replaced, for the caller to drop where it costs the UI nothing (at 100,000 papers freeing
    /// them takes a tenth of a second). A search the filter or the palette runs again is queued (see
    /// [`super::event::SearchQueue::effects`]).
    pub fn replace_prepared(&mut self, prepared: Prepared) -> Prepared {
        let mut old = None;
        self.on_navigation(|app| old = Some(app.take_prepared(prepared)));
        old.unwrap_or_else(|| Prepared::new(Library::default()))
    }

    fn take_prepared(&mut self, prepared: Prepared) -> Prepared {
        let mut session = State::default();
        self.session(&mut session);
        // Where to go if the selection's file is gone: its nearest ancestor still there.
        let fallback: Vec<String> = (self.tree_view.selected.into_iter())
            .flat_map(|id| self.tree.ancestors(id))
            .map(|a| self.node_key_in(&self.tree, a))
            .collect();
        let bookmarks = std::mem::take(&mut self.marks.bookmarks);
        let read = std::mem::take(&mut self.marks.read);
        let hits = std::mem::take(&mut self.filter.hits);
        let first = self.library.documents.is_empty();
        self.generation += 1;
        let old = Prepared {
            library: std::mem::replace(&mut self.library, prepared.library),
            index: std::mem::replace(&mut self.index, prepared.index),
            works: std::mem::replace(&mut self.works, prepared.works),
            tree: std::mem::replace(&mut self.tree, prepared.tree),
            changed: None,
        };
        // The first notes (loaded off the UI thread) open as `App::new` would open them.
        self.tree_view = TreeView {
            expanded: if first {
                TreeView::default_expansion(&self.tree)
            } else {
                vec![false; self.tree.len()]
            },
            ..TreeView::default()
        };
        // Paper ids of earlier versions may name papers that were not loaded before.
        self.marks.bookmarks = self.work_marks(bookmarks.iter());
        self.marks.read = self.work_marks(read.iter());
        // Counted once, with the new works.
        match &prepared.changed {
            Some(changed) => {
                self.update_new(&old.library, &old.works, changed);
                self.carry_renamed(&old.library, &old.works, changed);
            }
            None => self.recompute_new(),
        }
        self.keep_loaded_picks();
        self.retarget_form();
        self.refilter();
        if self.filter.is_pending() {
            // Searched again on the worker: meanwhile its hits before, on the new notes.
            self.filter.hits = self.carried_hits(&old.library, hits);
        }
        self.narrow();
        self.restore_with(&session, &fallback);
        if let Some((path, line)) = self.select_after_reload.take() {
            let added = self.library.document_at(&path).and_then(|d| {
                let p = self.library.documents[d]
                    .papers
                    .iter()
                    .position(|p| p.line == line)?;
                self.tree
                    .node_of_paper(crate::model::PaperRef { doc: d, paper: p })
            });
            match added {
                Some(id) => self.reveal(id),
                // Not in this reload (another file's): wait for the next.
                None => self.select_after_reload = Some((path, line)),
            }
        }
        if self.mode == Mode::Palette {
            // The items name papers and documents of the notes before the reload: drop them before
            // searching again (off the UI thread, the new ones come later).
            self.palette.items.clear();
            self.palette.selected = 0;
            self.run_palette();
        }
        if self.mode == Mode::LinkMenu {
            self.mode = Mode::Browse;
        }
        old
    }

    /// The notes loaded off the UI thread have arrived: shows them, with the session (selection,
    /// expansion) of `state` restored, and searches off the UI thread when they are large.
    pub fn finish_loading(&mut self, prepared: Prepared, state: &State) {
        self.loading = None;
        self.on_navigation(|app| {
            // Known before the notes are taken: a filter typed while they loaded is searched with them.
            app.searches.off_thread = prepared.index.len() > super::event::ASYNC_SEARCH_PAPERS;
            // Nothing was loaded before: nothing to free.
            app.take_prepared(prepared);
            app.restore_session(state);
            app.select_filters_best();
        });
    }
}
