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

    /// The titles of the nodes above document `doc`'s first node, from the top (empty for a document
    /// at the top); `None` when no node is that document. Iterative, as [`NavNode::walk`].
    pub fn trail(nodes: &[NavNode], doc: usize) -> Option<Vec<&str>> {
        // Each entry: a node and how many ancestors it has; `path` holds the current ancestors.
        let mut stack: Vec<(&NavNode, usize)> = nodes.iter().rev().map(|n| (n, 0)).collect();
        let mut path: Vec<&str> = Vec::new();
        while let Some((n, depth)) = stack.pop() {
            path.truncate(depth);
            if n.doc == Some(doc) {
                return Some(path);
            }
            path.push(&n.title);
            stack.extend(n.children.iter().rev().map(|c| (c, depth + 1)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trail_names_the_nodes_above_a_document() {
        let group = |title: &str, children: Vec<NavNode>| NavNode {
            title: title.into(),
            doc: None,
            children,
        };
        let tree = vec![
            NavNode::leaf("Top", 0),
            group(
                "Notes",
                vec![
                    group("Systems", vec![NavNode::leaf("Owls", 1)]),
                    NavNode::leaf("Hawks", 2),
                ],
            ),
        ];
        assert_eq!(NavNode::trail(&tree, 0), Some(vec![]));
        assert_eq!(NavNode::trail(&tree, 1), Some(vec!["Notes", "Systems"]));
        assert_eq!(NavNode::trail(&tree, 2), Some(vec!["Notes"]));
        assert_eq!(NavNode::trail(&tree, 3), None);
    }
}
