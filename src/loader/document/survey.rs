//! What a document looks like before it is walked: its `Papers` and meta headings, its outside links,
//! and the headings that each introduce one paper by `**Field:**` lines.

use std::collections::HashSet;

use super::super::entry;
use super::super::markdown::{plain, MdBlock, Tok};
use super::UNREAD_LINKS;

pub(super) fn is_papers_heading(b: &MdBlock) -> bool {
    matches!(b, MdBlock::Heading { level, inl, .. } if *level > 1 && plain(inl).eq_ignore_ascii_case("papers"))
}

/// A heading that names a kind of papers (`## Survey Papers`, `## Accepted Papers`): in a document with a
/// `Papers` heading, it opens a region of papers too (but not under `Meta Info`, where it names the
/// venue's lists).
pub(super) fn names_papers(title: &str) -> bool {
    let title = title.to_lowercase();
    let words: Vec<&str> = title.split_whitespace().collect();
    words.len() <= 3 && words.last() == Some(&"papers")
}

/// A heading over facts about the venue (`Meta Info`), not a topic.
pub(super) fn is_meta_heading(title: &str) -> bool {
    matches!(
        title.trim().to_lowercase().as_str(),
        "meta info" | "meta" | "info" | "information" | "meta information" | "about" | "overview"
    )
}

/// The outside links of a document (badges left out), wherever they stand; and whether they look like
/// a list we cannot read: five or more of them point to papers (by their URL), or five or more list
/// items and table rows carry one. Links in a note page's prose (a few papers cited, a repository, a
/// video) do not.
pub(super) fn outside_links(blocks: &[MdBlock]) -> (usize, bool) {
    use super::super::reader::url_kind::{url_kind, UrlKind};
    use entry::inline::{outside, segments, Seg};
    // (links, links to papers)
    fn count(inl: &[Tok]) -> (usize, usize) {
        let mut n = (0, 0);
        for s in segments(inl) {
            if let Seg::Link(l) = s {
                if !l.is_badge() && outside(l.url) {
                    n.0 += 1;
                    n.1 += usize::from(url_kind(l.url) == UrlKind::Paper);
                }
            }
        }
        n
    }
    let (mut links, mut papers, mut entries) = (0, 0, 0);
    let mut add = |(l, p): (usize, usize), entry: bool| {
        links += l;
        papers += p;
        entries += usize::from(entry && l > 0);
    };
    let mut todo: Vec<&MdBlock> = blocks.iter().collect();
    while let Some(b) = todo.pop() {
        match b {
            MdBlock::Heading { inl, .. } | MdBlock::Para { inl, .. } => add(count(inl), false),
            MdBlock::List { items, .. } => {
                for it in items {
                    add(count(it.first_para()), true);
                    todo.extend(it.blocks.iter().skip(1));
                }
            }
            MdBlock::Quote(inner) => todo.extend(inner.iter()),
            MdBlock::Table { rows, .. } => {
                for r in rows {
                    let n = r
                        .cells
                        .iter()
                        .map(|c| count(c))
                        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
                    add(n, true);
                }
            }
            MdBlock::Code { .. } | MdBlock::Html { .. } | MdBlock::Rule => {}
        }
    }
    (links, papers >= UNREAD_LINKS || entries >= UNREAD_LINKS)
}

/// Headings that each introduce one paper: two or more sibling headings each followed by
/// `**Field:** value` lines. Indices into `blocks`.
pub(super) fn field_headings(blocks: &[&MdBlock]) -> HashSet<usize> {
    let mut candidates: Vec<(usize, Option<usize>, u8)> = Vec::new();
    let mut parents: Vec<(usize, u8)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let MdBlock::Heading { level, .. } = b else {
            continue;
        };
        while parents.last().is_some_and(|(_, l)| l >= level) {
            parents.pop();
        }
        let next = blocks[i + 1..]
            .iter()
            .take_while(|b| !matches!(b, MdBlock::Heading { .. }))
            .find(|b| !matches!(b, MdBlock::Html { .. } | MdBlock::Rule));
        if next.is_some_and(|n| entry::fields::is_field_block(n)) {
            candidates.push((i, parents.last().map(|(p, _)| *p), *level));
        }
        parents.push((i, *level));
    }
    let mut siblings: std::collections::HashMap<(Option<usize>, u8), usize> = Default::default();
    for (_, parent, level) in &candidates {
        *siblings.entry((*parent, *level)).or_default() += 1;
    }
    candidates
        .iter()
        .filter(|(_, parent, level)| siblings[&(*parent, *level)] >= 2)
        .map(|(i, _, _)| *i)
        .collect()
}
