//! `--list`: the tree as indented text, one node a line, two spaces a level.

use std::io::Write;

use crate::model::{DocKind, Document, Library, Node};
use crate::text::sanitize;

pub fn write(out: &mut impl Write, lib: &Library) -> std::io::Result<()> {
    for d in &lib.documents {
        match d.kind {
            DocKind::List => writeln!(out, "{} [{}]", sanitize(&d.title), d.papers.len())?,
            DocKind::Page => writeln!(out, "{} (page)", sanitize(&d.title))?,
        }
        for n in &d.tree {
            node(out, d, n, 1)?;
        }
    }
    Ok(())
}

fn node(out: &mut impl Write, d: &Document, n: &Node, depth: usize) -> std::io::Result<()> {
    let pad = "  ".repeat(depth);
    match n {
        Node::Section { title, .. } | Node::Topic { title, .. } => {
            writeln!(out, "{pad}{} [{}]", sanitize(title), n.paper_count())?;
            for c in n.children() {
                node(out, d, c, depth + 1)?;
            }
        }
        Node::Paper { index } => {
            if let Some(p) = d.papers.get(*index) {
                writeln!(out, "{pad}{}", sanitize(&p.title))?;
            }
        }
    }
    Ok(())
}
