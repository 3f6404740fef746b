//! The side pane's state, the role tui-tree-widget's `TreeState` plays for its tree: which nodes are open,
//! which show while the view is narrowed, the visible rows, the selection and the first row on screen.
//! The tree itself is data ([`Tree`]); this holds only interaction, so a filter or a reload replaces the
//! data without losing the reader's place. Movement is given the pane's height in rows.

use super::{App, Focus};
use crate::model::tree::{NodeKind, Tree};

/// What a narrowing shows (see [`Tree::narrow_into`]).
#[derive(Debug)]
pub struct Narrowed {
    pub shown: Vec<bool>,
    pub below: Vec<usize>,
    /// The shown nodes in order, when they are the rows ([`Tree::rows_are_shown`]).
    pub rows: Vec<usize>,
    /// Papers (or works, in a grouped view) shown.
    pub papers: usize,
}

#[derive(Debug, Clone, Default)]
pub struct TreeView {
    /// Per tree node: expanded (ignored while the view is narrowed, which shows every match's ancestors).
    pub expanded: Vec<bool>,
    /// Per tree node, when the view is narrowed (filter, only bookmarked, only unread): shown or not.
    pub shown: Option<Vec<bool>>,
    /// Papers shown while narrowed.
    pub shown_papers: usize,
    /// Per tree node, while narrowed: the shown paper rows below it (the count its row shows then).
    pub shown_below: Vec<usize>,
    /// Visible rows (tree node ids), recomputed whenever expansion or narrowing change.
    pub rows: Vec<usize>,
    /// The selected tree node, if the tree is not empty.
    pub selected: Option<usize>,
    /// First visible row of the tree pane.
    pub offset: usize,
}

impl TreeView {
    /// The view of a new tree: opened as [`TreeView::default_expansion`] says, the first row selected.
    pub fn new(tree: &Tree) -> Self {
        let mut v = TreeView {
            expanded: Self::default_expansion(tree),
            ..TreeView::default()
        };
        v.refresh(tree, 1);
        v
    }

    /// What opens at start: with one top node, that node (and, for a document, its sections, as a single
    /// file always opened); with several, the top nodes closed.
    pub fn default_expansion(tree: &Tree) -> Vec<bool> {
        let mut expanded = vec![false; tree.len()];
        if let [root] = tree.roots[..] {
            expanded[root] = true;
            if tree.nodes[root].kind == NodeKind::Document {
                let doc = tree.nodes[root].doc;
                for (id, n) in tree.nodes.iter().enumerate() {
                    if n.kind == NodeKind::Section && n.doc == doc {
                        expanded[id] = true;
                    }
                }
            }
        }
        expanded
    }

    /// Is the tree narrowed to some papers (filter, only bookmarked, only unread)?
    pub fn narrowed(&self) -> bool {
        self.shown.is_some()
    }

    /// Row index of the selection among the visible rows.
    pub fn cursor(&self) -> Option<usize> {
        let sel = self.selected?;
        // Rows are mostly in node order (always while narrowed): looked up by halves first.
        match self.rows.binary_search(&sel) {
            Ok(at) => Some(at),
            Err(_) => self.rows.iter().position(|&id| id == sel),
        }
    }

    /// Shows only what `narrowed` marks, or everything.
    pub fn narrow(&mut self, tree: &Tree, narrowed: Option<Narrowed>, height: usize) {
        let Some(n) = narrowed else {
            (self.shown, self.shown_papers) = (None, 0);
            self.shown_below.clear();
            self.refresh(tree, height);
            return;
        };
        self.shown = Some(n.shown);
        self.shown_papers = n.papers;
        self.shown_below = n.below;
        self.rows = n.rows;
        if tree.rows_are_shown(self.shown.as_deref()) {
            self.keep_selection(tree, height);
        } else {
            self.refresh(tree, height);
        }
    }

    /// Recomputes the visible rows; keeps the selection when it is still visible, else moves it to the
    /// nearest visible ancestor (or the first row).
    pub fn refresh(&mut self, tree: &Tree, height: usize) {
        tree.visible_into(&self.expanded, self.shown.as_deref(), &mut self.rows);
        self.keep_selection(tree, height);
    }

    /// Keeps the selection when it is a row, else moves it to the nearest ancestor that is (or the
    /// first row).
    fn keep_selection(&mut self, tree: &Tree, height: usize) {
        let shown = self.shown.as_deref();
        if self.selected.is_none() {
            self.selected = self.rows.first().copied();
        }
        // Is a node a row? When the rows are the nodes marked shown, that says it.
        let rows = &self.rows;
        let is_row = |id: &usize| match shown {
            Some(s) if tree.rows_are_shown(shown) => s.get(*id).copied().unwrap_or(false),
            _ => rows.contains(id),
        };
        if let Some(sel) = self.selected {
            if !is_row(&sel) {
                self.selected = tree
                    .ancestors(sel)
                    .find(is_row)
                    .or_else(|| self.rows.first().copied());
            }
        }
        self.scroll_to_selection(height);
    }

    /// Selects a node (which must be visible).
    pub fn select(&mut self, id: usize, height: usize) {
        self.selected = Some(id);
        self.scroll_to_selection(height);
    }

    pub fn select_row(&mut self, row: usize, height: usize) {
        if let Some(&id) = self.rows.get(row) {
            self.select(id, height);
        }
    }

    pub fn move_by(&mut self, delta: isize, height: usize) {
        if self.rows.is_empty() {
            return;
        }
        let cur = self.cursor().unwrap_or(0) as isize;
        let last = self.rows.len() as isize - 1;
        self.select_row((cur + delta).clamp(0, last) as usize, height);
    }

    /// Keeps the selected row inside a pane of `height` rows.
    pub fn scroll_to_selection(&mut self, height: usize) {
        let height = height.max(1);
        let Some(cur) = self.cursor() else {
            self.offset = 0;
            return;
        };
        if cur < self.offset {
            self.offset = cur;
        } else if cur >= self.offset + height {
            self.offset = cur + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Closes the selected node, or goes to its parent.
    pub fn collapse(&mut self, tree: &Tree, height: usize) {
        let Some(sel) = self.selected else { return };
        let node = &tree.nodes[sel];
        if !node.is_leaf() && self.expanded[sel] && !self.narrowed() {
            self.expanded[sel] = false;
            self.refresh(tree, height);
        } else if let Some(p) = node.parent {
            self.select(p, height);
        }
    }

    /// Opens the selected node, or goes to its first child.
    pub fn expand(&mut self, tree: &Tree, height: usize) {
        let Some(sel) = self.selected else { return };
        if tree.nodes[sel].is_leaf() {
            return;
        }
        if !self.expanded[sel] && !self.narrowed() {
            self.expanded[sel] = true;
            self.refresh(tree, height);
        } else if let Some(&first) = tree.nodes[sel]
            .children
            .iter()
            .find(|c| self.rows.contains(c))
        {
            self.select(first, height);
        }
    }

    /// Opens or closes the selected node (not while narrowed: then everything that matched is open).
    pub fn toggle(&mut self, tree: &Tree, height: usize) {
        let Some(sel) = self.selected else { return };
        if !self.narrowed() {
            self.expanded[sel] = !self.expanded[sel];
            self.refresh(tree, height);
        }
    }

    /// Selects a node shown by the view, opening its ancestors.
    pub fn reveal(&mut self, tree: &Tree, id: usize, height: usize) {
        for a in tree.ancestors(id) {
            self.expanded[a] = true;
        }
        self.refresh(tree, height);
        self.select(id, height);
    }

    /// The paper rows, as (row index, node).
    fn paper_rows<'a>(
        &'a self,
        tree: &'a Tree,
    ) -> impl DoubleEndedIterator<Item = (usize, usize)> + 'a {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, &id)| tree.nodes[id].paper().is_some())
            .map(|(i, &id)| (i, id))
    }

    /// The next (or previous) paper row after the selection, wrapping around.
    pub fn next_paper(&self, tree: &Tree, forward: bool) -> Option<usize> {
        let cur = self.cursor().unwrap_or(0);
        let found = if forward {
            self.paper_rows(tree).find(|(i, _)| *i > cur)
        } else {
            self.paper_rows(tree).rev().find(|(i, _)| *i < cur)
        };
        let wrapped = || {
            if forward {
                self.paper_rows(tree).next()
            } else {
                self.paper_rows(tree).next_back()
            }
        };
        found.or_else(wrapped).map(|(_, id)| id)
    }
}

/// The app's side of the tree view: every change goes through [`App::in_tree`], which gives the view the
/// pane's height and sends the detail pane back to its top when the selection moved.
impl App {
    pub(super) fn in_tree(&mut self, change: impl FnOnce(&mut TreeView, &Tree, usize)) {
        let before = self.tree_view.selected;
        let height = self.tree_height();
        change(&mut self.tree_view, &self.tree, height);
        if self.tree_view.selected != before {
            self.detail_scroll.to_top();
            self.detail_hits.reset();
            // Moved on: a search still running for a change of marks keeps this selection.
            self.filter.left_paper = None;
            // A paper read under `is:new` was kept shown while read: now the filter follows.
            if std::mem::take(&mut self.news.refilter_on_move) {
                self.marks_changed();
            }
        }
    }

    pub(super) fn select_node(&mut self, id: usize) {
        self.in_tree(|v, _, h| v.select(id, h));
    }

    pub(super) fn refresh_rows(&mut self) {
        self.in_tree(|v, t, h| v.refresh(t, h));
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        self.in_tree(|v, _, h| v.move_by(delta, h));
    }

    pub(super) fn select_row(&mut self, row: usize) {
        self.in_tree(|v, _, h| v.select_row(row, h));
    }

    pub(super) fn scroll_to_selection(&mut self) {
        self.in_tree(|v, _, h| v.scroll_to_selection(h));
    }

    pub(super) fn collapse(&mut self) {
        self.in_tree(TreeView::collapse);
    }

    pub(super) fn expand(&mut self) {
        self.in_tree(TreeView::expand);
    }

    /// Enter: on a paper or a page, read it in the detail pane; on another node, open or close it.
    pub(super) fn activate(&mut self) {
        let Some(sel) = self.tree_view.selected else {
            return;
        };
        if self.tree.nodes[sel].is_leaf() {
            self.focus = Focus::Detail;
            // Read in the detail pane: no longer new.
            if let Some(key) = self.tree.nodes[sel]
                .paper()
                .and_then(|r| self.works.key_of(r))
                .map(str::to_string)
            {
                self.seen_now(&key);
            }
        } else {
            self.in_tree(TreeView::toggle);
        }
    }

    /// Selects a node, expanding its ancestors, and clears a filter or toggle that hides it.
    pub fn reveal(&mut self, id: usize) {
        let hidden = self
            .tree_view
            .shown
            .as_ref()
            .is_some_and(|shown| !shown.get(id).copied().unwrap_or(false));
        if hidden {
            // Said, so that the tree showing everything again is no surprise.
            let q = self.filter.query().trim().to_string();
            let said = if q.is_empty() {
                "Showing all papers: B or U hid what you went to".to_string()
            } else {
                format!("Filter /{q} cleared: it hid what you went to")
            };
            self.filter.clear();
            self.tree_view.shown = None;
            self.in_tree(|v, t, h| v.reveal(t, id, h));
            self.say(said);
            return;
        }
        self.in_tree(|v, t, h| v.reveal(t, id, h));
    }

    pub(super) fn select_first_shown_paper(&mut self) {
        if let Some(&id) = self
            .tree_view
            .rows
            .iter()
            .find(|&&id| self.tree.nodes[id].paper().is_some())
        {
            self.select_node(id);
        }
    }

    /// `n` / `N`: the next or previous paper shown by the filter.
    pub(super) fn next_match(&mut self, forward: bool) {
        if !self.narrowed() {
            self.say("No filter: press / to filter");
            return;
        }
        match self.tree_view.next_paper(&self.tree, forward) {
            Some(id) => self.select_node(id),
            None => self.say("No paper matches: nothing to step to"),
        }
    }
}
