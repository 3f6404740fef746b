//! The whole library as one tree, as the side pane shows it: the notes' navigation (parts, folders,
//! documents), and below each document its sections → topics → papers. A flat arena with parents, built
//! once per library; which rows show is computed from an expansion and a narrowing given to it, so the
//! app's view of it (`app::tree_view`) can change without rebuilding.

use std::collections::HashMap;

use super::views::Group;
use super::work::Works;
use super::{DocKind, Library, NavNode, Node, PaperRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A group of the navigation that is not a document: a part of `SUMMARY.md`, a folder without a
    /// `README.md`, the files `SUMMARY.md` does not list.
    Folder,
    Document,
    Section,
    Topic,
    Paper(PaperRef),
}

#[derive(Debug, Clone)]
pub struct TreeNode {
    pub kind: NodeKind,
    /// The document the node is or belongs to (`None` for a folder).
    pub doc: Option<usize>,
    pub title: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// Papers at or below the node.
    pub papers: usize,
    /// The 1-based line a section or topic starts at in its document (0 for other nodes).
    pub line: usize,
}

impl TreeNode {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    pub fn paper(&self) -> Option<PaperRef> {
        match self.kind {
            NodeKind::Paper(r) => Some(r),
            _ => None,
        }
    }
}

/// No node.
const NONE: usize = usize::MAX;

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<TreeNode>,
    pub roots: Vec<usize>,
    /// Per document, per paper: its (first) node, `NONE` for none (a vector: looked up per hit of a
    /// filter, 100,000 times a key).
    paper_nodes: Vec<Vec<usize>>,
    /// A paper's nodes after its first, in a tree of groups (a work in several groups).
    more_paper_nodes: HashMap<PaperRef, Vec<usize>>,
    doc_nodes: Vec<Option<usize>>,
    /// Are the nodes numbered depth first, in the order rows show them?
    preorder: bool,
    /// Per node, its parent (`NONE` for a top node) and whether it is a paper: what narrowing reads
    /// for every node, kept apart from the nodes so that it reads little memory.
    parents: Vec<usize>,
    is_paper: Vec<bool>,
}

impl Tree {
    /// The tree of `lib`: its navigation, or one top node per document when it has none.
    pub fn new(lib: &Library) -> Self {
        let mut t = Tree {
            doc_nodes: vec![None; lib.documents.len()],
            ..Tree::default()
        };
        // Depth first, iteratively: (navigation node, parent).
        let mut stack: Vec<(&NavNode, Option<usize>)> =
            lib.navigation.iter().rev().map(|n| (n, None)).collect();
        while let Some((n, parent)) = stack.pop() {
            let id = match n.doc {
                Some(d) if t.doc_nodes.get(d) == Some(&None) => {
                    t.add_document(lib, d, n.title.clone(), parent)
                }
                _ => t.push(NodeKind::Folder, None, n.title.clone(), parent),
            };
            if parent.is_none() {
                t.roots.push(id);
            }
            stack.extend(n.children.iter().rev().map(|c| (c, Some(id))));
        }
        // Documents the navigation does not place (a library put together by hand): one top node each.
        for d in 0..lib.documents.len() {
            if t.doc_nodes[d].is_none() {
                let id = t.add_document(lib, d, lib.documents[d].title.clone(), None);
                t.roots.push(id);
            }
        }
        t.count_papers();
        t
    }

    /// The works grouped as a view of the side pane groups them ([`super::views`]): a top node (a
    /// folder) per group, in the groups' order, with the group's works below it, each shown by its
    /// fullest place. Every place of a work finds the work's nodes ([`Tree::node_of_paper`] the first),
    /// so a filter's hits and the palette's jumps land on them.
    pub fn grouped(lib: &Library, works: &Works, groups: &[Group]) -> Self {
        let mut t = Tree {
            doc_nodes: vec![None; lib.documents.len()],
            ..Tree::default()
        };
        for g in groups {
            let id = t.push(NodeKind::Folder, None, g.name.clone(), None);
            t.roots.push(id);
            for &w in &g.works {
                let Some(r) = works.fullest(w) else { continue };
                let title = lib
                    .paper(r)
                    .map(|p| p.title.to_string())
                    .unwrap_or_default();
                let node = t.push(NodeKind::Paper(r), Some(r.doc), title, Some(id));
                for &place in works.places(w) {
                    match t.node_of_paper(place) {
                        None => t.set_paper_node(place, node),
                        Some(_) => t.more_paper_nodes.entry(place).or_default().push(node),
                    }
                }
            }
        }
        t.count_papers();
        t
    }

    /// Paper counts, children before parents (a child's id is always larger than its parent's); and
    /// whether the nodes are numbered in the order rows show them (each node's subtree right after it).
    fn count_papers(&mut self) {
        let mut next = 0;
        let mut ok = true;
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            ok &= id == next;
            next += 1;
            stack.extend(self.nodes[id].children.iter().rev());
        }
        self.preorder = ok && next == self.nodes.len();
        self.parents = self
            .nodes
            .iter()
            .map(|n| n.parent.unwrap_or(NONE))
            .collect();
        self.is_paper = self.nodes.iter().map(|n| n.paper().is_some()).collect();
        for id in (0..self.nodes.len()).rev() {
            if self.nodes[id].paper().is_some() {
                self.nodes[id].papers = 1;
            }
            if let Some(p) = self.nodes[id].parent {
                self.nodes[p].papers += self.nodes[id].papers;
            }
        }
    }

    /// Adds a document node and its sections, topics and papers.
    fn add_document(
        &mut self,
        lib: &Library,
        d: usize,
        title: String,
        parent: Option<usize>,
    ) -> usize {
        let id = self.push(NodeKind::Document, Some(d), title, parent);
        self.doc_nodes[d] = Some(id);
        let doc = &lib.documents[d];
        if doc.kind == DocKind::List {
            for n in &doc.tree {
                self.add(lib, d, n, id);
            }
        }
        id
    }

    fn push(
        &mut self,
        kind: NodeKind,
        doc: Option<usize>,
        title: String,
        parent: Option<usize>,
    ) -> usize {
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        let id = self.nodes.len();
        self.nodes.push(TreeNode {
            kind,
            doc,
            title,
            parent,
            children: Vec::new(),
            depth,
            papers: 0,
            line: 0,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        id
    }

    fn add(&mut self, lib: &Library, d: usize, n: &Node, parent: usize) {
        match n {
            Node::Section(b) | Node::Topic(b) => {
                let kind = if matches!(n, Node::Section(_)) {
                    NodeKind::Section
                } else {
                    NodeKind::Topic
                };
                let id = self.push(kind, Some(d), b.title.clone(), Some(parent));
                self.nodes[id].line = b.line;
                for c in &b.children {
                    self.add(lib, d, c, id);
                }
            }
            Node::Paper { index } => {
                let r = PaperRef {
                    doc: d,
                    paper: *index,
                };
                let title = lib
                    .paper(r)
                    .map(|p| p.title.to_string())
                    .unwrap_or_default();
                let id = self.push(NodeKind::Paper(r), Some(d), title, Some(parent));
                self.set_paper_node(r, id);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node_of_paper(&self, r: PaperRef) -> Option<usize> {
        self.paper_nodes
            .get(r.doc)
            .and_then(|d| d.get(r.paper))
            .copied()
            .filter(|&id| id != NONE)
    }

    fn set_paper_node(&mut self, r: PaperRef, id: usize) {
        if self.paper_nodes.len() <= r.doc {
            self.paper_nodes.resize_with(r.doc + 1, Vec::new);
        }
        let d = &mut self.paper_nodes[r.doc];
        if d.len() <= r.paper {
            d.resize(r.paper + 1, NONE);
        }
        d[r.paper] = id;
    }

    pub fn node_of_doc(&self, d: usize) -> Option<usize> {
        self.doc_nodes.get(d).copied().flatten()
    }

    /// The path to a node: the titles of its ancestors, top first, joined by ` › ` (empty for a top
    /// node).
    pub fn breadcrumb(&self, id: usize) -> String {
        let mut titles: Vec<&str> = self
            .ancestors(id)
            .map(|a| self.nodes[a].title.as_str())
            .collect();
        titles.reverse();
        titles.join(" › ")
    }

    /// Ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes.get(id).and_then(|n| n.parent), move |&p| {
            self.nodes[p].parent
        })
    }

    /// The rows to show, in order: nodes whose ancestors are all expanded. With `shown` (a filter), only
    /// nodes marked shown, each with every ancestor expanded.
    pub fn visible(&self, expanded: &[bool], shown: Option<&[bool]>) -> Vec<usize> {
        let mut rows = Vec::new();
        self.visible_into(expanded, shown, &mut rows);
        rows
    }

    /// [`Tree::visible`] into `rows` (its room reused).
    pub fn visible_into(&self, expanded: &[bool], shown: Option<&[bool]>, rows: &mut Vec<usize>) {
        rows.clear();
        if let (Some(s), true) = (shown, self.preorder) {
            // Nodes are numbered in the order rows show them, and every shown node's ancestors show.
            rows.extend((0..self.nodes.len()).filter(|&id| s.get(id).copied().unwrap_or(false)));
            return;
        }
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if let Some(s) = shown {
                if !s[id] {
                    continue;
                }
            }
            rows.push(id);
            let open = shown.is_some() || expanded.get(id).copied().unwrap_or(false);
            if open {
                stack.extend(self.nodes[id].children.iter().rev());
            }
        }
    }

    /// Are the rows [`Tree::visible`] gives with `shown` exactly the nodes marked in it? (Then a node is
    /// a row when it is marked, and nothing needs searching.)
    pub fn rows_are_shown(&self, shown: Option<&[bool]>) -> bool {
        shown.is_some() && self.preorder
    }

    /// Per node, the paper nodes marked in `shown` below it (children are numbered after their parents,
    /// so one sweep from the last node adds each node's count to its parent's).
    pub fn shown_below(&self, shown: &[bool]) -> Vec<usize> {
        let mut below = vec![0; self.nodes.len()];
        for id in (0..self.nodes.len()).rev() {
            if !shown.get(id).copied().unwrap_or(false) {
                continue;
            }
            if let Some(&p) = self.parents.get(id).filter(|&&p| p != NONE) {
                below[p] += below[id] + usize::from(self.is_paper.get(id) == Some(&true));
            }
        }
        below
    }

    /// Marks each matched paper and all its ancestors.
    pub fn shown_for(&self, papers: impl IntoIterator<Item = PaperRef>) -> Vec<bool> {
        let mut shown = Vec::new();
        self.mark_papers(papers, &mut shown);
        // Then every ancestor, children before parents, reading only the compact parent list.
        for id in (0..self.nodes.len()).rev() {
            if shown[id] {
                if let Some(&p) = self.parents.get(id).filter(|&&p| p != NONE) {
                    shown[p] = true;
                }
            }
        }
        shown
    }

    /// Marks the nodes of `papers` in `shown` (one per node, its room reused), nothing else.
    fn mark_papers(&self, papers: impl IntoIterator<Item = PaperRef>, shown: &mut Vec<bool>) {
        shown.clear();
        shown.resize(self.nodes.len(), false);
        let has_more = !self.more_paper_nodes.is_empty();
        for r in papers {
            let more = has_more
                .then(|| self.more_paper_nodes.get(&r))
                .flatten()
                .into_iter()
                .flatten()
                .copied();
            for id in self.node_of_paper(r).into_iter().chain(more) {
                if let Some(s) = shown.get_mut(id) {
                    *s = true;
                }
            }
        }
    }

    /// Narrows to `papers` in one sweep, each buffer's room reused: marks each paper and all its
    /// ancestors in `shown`, counts in `below` the shown paper nodes under each node (as
    /// [`Tree::shown_below`]), and gives in `rows` the shown nodes in order, which are the rows
    /// [`Tree::visible`] gives when [`Tree::rows_are_shown`] (else `rows` is left empty).
    pub fn narrow_into(
        &self,
        papers: impl IntoIterator<Item = PaperRef>,
        shown: &mut Vec<bool>,
        below: &mut Vec<usize>,
        rows: &mut Vec<usize>,
    ) {
        self.mark_papers(papers, shown);
        below.clear();
        below.resize(self.nodes.len(), 0);
        rows.clear();
        // Children are numbered after their parents: from the last node, each shown node marks its
        // parent and adds its count there, and is final when reached.
        let preorder = self.preorder;
        for id in (0..self.nodes.len()).rev() {
            if !shown[id] {
                continue;
            }
            if preorder {
                rows.push(id);
            }
            if let Some(&p) = self.parents.get(id).filter(|&&p| p != NONE) {
                shown[p] = true;
                below[p] += below[id] + usize::from(self.is_paper.get(id) == Some(&true));
            }
        }
        rows.reverse();
    }
}
