//! `--list`: the side pane's tree as indented text, one node a line, two spaces a level: the notes'
//! navigation (parts, folders, documents), each list document's sections, topics and papers below it.

use std::io::Write;

use crate::model::tree::{NodeKind, Tree};
use crate::model::{DocKind, Library};
use crate::text::sanitize;

pub fn write(out: &mut impl Write, lib: &Library) -> std::io::Result<()> {
    let tree = Tree::new(lib);
    let mut stack: Vec<usize> = tree.roots.iter().rev().copied().collect();
    while let Some(id) = stack.pop() {
        let n = &tree.nodes[id];
        let pad = "  ".repeat(n.depth);
        let title = sanitize(&n.title);
        let page = n.kind == NodeKind::Document
            && n.doc
                .is_some_and(|d| lib.documents[d].kind == DocKind::Page);
        match n.kind {
            NodeKind::Paper(_) => writeln!(out, "{pad}{title}")?,
            _ if page && n.papers == 0 => writeln!(out, "{pad}{title} (page)")?,
            _ if page => writeln!(out, "{pad}{title} (page) [{}]", n.papers)?,
            _ => writeln!(out, "{pad}{title} [{}]", n.papers)?,
        }
        stack.extend(n.children.iter().rev());
    }
    Ok(())
}
