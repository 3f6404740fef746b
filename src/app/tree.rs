//! The side pane's tree as a flat arena: documents → sections → topics → papers. Built once per library;
//! which rows show is computed from the expansion and the filter, so both can change without rebuilding.

use std::collections::HashMap;

use crate::model::{DocKind, Library, Node, PaperRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Document,
    Section,
    Topic,
    Paper(PaperRef),
}

#[derive(Debug, Clone)]
pub struct TreeNode {
    pub kind: NodeKind,
    /// The document the node belongs to.
    pub doc: usize,
    pub title: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// Papers at or below the node.
    pub papers: usize,
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

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<TreeNode>,
    pub roots: Vec<usize>,
    paper_nodes: HashMap<PaperRef, usize>,
    doc_nodes: Vec<usize>,
}

impl Tree {
    pub fn new(lib: &Library) -> Self {
        let mut t = Tree::default();
        for (d, doc) in lib.documents.iter().enumerate() {
            let id = t.push(NodeKind::Document, d, doc.title.clone(), None);
            t.roots.push(id);
            t.doc_nodes.push(id);
            if doc.kind == DocKind::List {
                for n in &doc.tree {
                    t.add(lib, d, n, id);
                }
            }
            t.nodes[id].papers = doc.papers.len();
        }
        t
    }

    fn push(&mut self, kind: NodeKind, doc: usize, title: String, parent: Option<usize>) -> usize {
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
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        id
    }

    fn add(&mut self, lib: &Library, d: usize, n: &Node, parent: usize) {
        match n {
            Node::Section {
                title, children, ..
            }
            | Node::Topic {
                title, children, ..
            } => {
                let kind = if matches!(n, Node::Section { .. }) {
                    NodeKind::Section
                } else {
                    NodeKind::Topic
                };
                let id = self.push(kind, d, title.clone(), Some(parent));
                for c in children {
                    self.add(lib, d, c, id);
                }
                self.nodes[id].papers = n.paper_count();
            }
            Node::Paper { index } => {
                let r = PaperRef {
                    doc: d,
                    paper: *index,
                };
                let title = lib.paper(r).map(|p| p.title.clone()).unwrap_or_default();
                let id = self.push(NodeKind::Paper(r), d, title, Some(parent));
                self.nodes[id].papers = 1;
                self.paper_nodes.insert(r, id);
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
        self.paper_nodes.get(&r).copied()
    }

    pub fn node_of_doc(&self, d: usize) -> Option<usize> {
        self.doc_nodes.get(d).copied()
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
        rows
    }

    /// Marks each matched paper and all its ancestors.
    pub fn shown_for(&self, papers: impl IntoIterator<Item = PaperRef>) -> Vec<bool> {
        let mut shown = vec![false; self.nodes.len()];
        for r in papers {
            if let Some(id) = self.node_of_paper(r) {
                shown[id] = true;
                for a in self.ancestors(id) {
                    if shown[a] {
                        break;
                    }
                    shown[a] = true;
                }
            }
        }
        shown
    }
}
