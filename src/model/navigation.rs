//! How a notes repository arranges its documents: the table of contents the author wrote (GitBook's
//! `SUMMARY.md`), else its folders. Built by the loader (`loader::navigation`); the side pane, `--list` and
//! `--json` follow it.

/// A node of the navigation: a document (a paper list or a page), or a group of nodes (a part of
/// `SUMMARY.md`, a folder without a `README.md`, the files `SUMMARY.md` does not list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavNode {
    /// What the author calls it: `SUMMARY.md`'s link text, a folder's `README.md` title, the folder's name,
    /// or the document's title.
    pub title: String,
    /// Index into `Library::documents` when the node is a document (its own page, for a folder).
    pub doc: Option<usize>,
    /// Nodes below it, in the author's order (sorted naturally for folders).
    pub children: Vec<NavNode>,
}

impl NavNode {
    /// A document with nothing below it.
    pub fn leaf(title: impl Into<String>, doc: usize) -> NavNode {
        NavNode {
            title: title.into(),
            doc: Some(doc),
            children: Vec::new(),
        }
    }

    /// Every node at or below `nodes`, depth first, in order. Iterative, so a deep tree cannot overflow
    /// the stack.
    pub fn walk(nodes: &[NavNode]) -> impl Iterator<Item = &NavNode> {
        let mut stack: Vec<&NavNode> = nodes.iter().rev().collect();
        std::iter::from_fn(move || {
            let n = stack.pop()?;
            stack.extend(n.children.iter().rev());
            Some(n)
        })
    }
}
