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
    let mut html = (0, 0, 0);
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
            MdBlock::Html { text, .. } => {
                let (l, p, e) = html_links(text);
                html = (html.0 + l, html.1 + p, html.2 + e);
            }
            MdBlock::Code { .. } | MdBlock::Rule => {}
        }
    }
    let (links, papers, entries) = (links + html.0, papers + html.1, entries + html.2);
    (links, papers >= UNREAD_LINKS || entries >= UNREAD_LINKS)
}

/// The outside links of raw HTML (`<a href="https://…">Title</a>`; an anchor around only an image is a
/// badge, left out): how many, how many point to papers, and how many list items or table rows
/// (`<li>`, `<tr>`) carry one.
fn html_links(html: &str) -> (usize, usize, usize) {
    use super::super::reader::url_kind::{url_kind, UrlKind};
    // Cheap test first: most HTML blocks (`<details>`, `<summary>`, `<br>`) link nothing.
    if !html.contains("href") && !html.contains("HREF") {
        return (0, 0, 0);
    }
    // ASCII lowercase keeps every byte offset: positions found in it index `html` too.
    let lower = html.to_ascii_lowercase();
    let mut entry_starts: Vec<usize> = lower
        .match_indices("<li")
        .chain(lower.match_indices("<tr"))
        .map(|(i, _)| i)
        .collect();
    entry_starts.sort_unstable();
    let (mut links, mut papers, mut entries) = (0, 0, 0);
    let mut last_entry = 0;
    for (at, _) in lower.match_indices("href=") {
        let Some(rest) = html.get(at + 5..) else {
            continue;
        };
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some((url, after)) = rest.get(1..).and_then(|r| r.split_once(quote)) else {
            continue;
        };
        let url = url.trim();
        let lowered = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        if !(lowered.starts_with("http://") || lowered.starts_with("https://")) {
            continue;
        }
        // The anchor's content, up to `</a`: only an image is a badge.
        let content = after
            .split_once('>')
            .map_or("", |(_, c)| c.split("</").next().unwrap_or(c));
        let badge = content.contains("<img") && !has_text_outside_tags(content);
        if badge {
            continue;
        }
        links += 1;
        papers += usize::from(url_kind(url) == UrlKind::Paper);
        let entry = entry_starts.partition_point(|&s| s < at);
        if entry > last_entry {
            entries += 1;
            last_entry = entry;
        }
    }
    (links, papers, entries)
}

/// Does HTML hold text outside its tags (`<img src="…"> Title`)?
fn has_text_outside_tags(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

/// Headings that each introduce one paper: two or more sibling headings each followed by
/// `**Field:** value` lines, or by a paragraph of the paper's links (`*Ann Smith et al.* · OWL 2020 ·
/// [paper](u)`; only headings deeper than the document's sections, `####` under `##`). Indices into
/// `blocks`.
pub(super) fn field_headings(blocks: &[&MdBlock]) -> HashSet<usize> {
    let mut candidates: Vec<(usize, Option<usize>, u8)> = Vec::new();
    let mut parents: Vec<(usize, u8)> = Vec::new();
    // The level of the document's sections: its shallowest heading (the title aside).
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            MdBlock::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    for (i, b) in blocks.iter().enumerate() {
        let MdBlock::Heading { level, inl, .. } = b else {
            continue;
        };
        while parents.last().is_some_and(|(_, l)| l >= level) {
            parents.pop();
        }
        let below = &blocks[i + 1..];
        let below = &below[..below
            .iter()
            .position(|b| matches!(b, MdBlock::Heading { .. }))
            .unwrap_or(below.len())];
        let next = below
            .iter()
            .find(|b| !matches!(b, MdBlock::Html { .. } | MdBlock::Rule));
        let fields = next.is_some_and(|n| entry::fields::is_field_block(n));
        // A paragraph (or a quote) of links right below a heading deep enough to be a paper's.
        let links = !fields
            && *level >= 3
            && *level > top
            && next.is_some_and(|n| {
                matches!(
                    n,
                    MdBlock::Para { .. } | MdBlock::Quote(_) | MdBlock::List { .. }
                )
            })
            && entry::fields::link_block(below).is_some();
        // A heading that is one paper's link (`### [Title](https://arxiv.org/abs/…)`) over its prose.
        let linked = !fields
            && !links
            && *level >= 3
            && *level > top
            && next.is_some_and(|n| matches!(n, MdBlock::Para { .. } | MdBlock::Quote(_)))
            && entry::fields::heading_link(inl)
                .is_some_and(|(_, url)| super::super::reader::url_kind::is_paper_page(&url));
        // A heading over plain field bullets (`### 第5回：Title` over `- 著者：…` and `- 論文：url`), or
        // over a page's properties, one a line (`## Title` over `Authors: …` and `URL: u`, as Notion
        // exports a page).
        let titled = !fields
            && !links
            && !linked
            && match next {
                Some(MdBlock::List { .. }) => *level > top,
                Some(MdBlock::Para { inl, .. }) => inl.iter().any(|t| matches!(t, Tok::Break)),
                _ => false,
            }
            && entry::title_line::recognise(inl, below).is_some();
        if fields || links || linked || titled {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_anchors_count_as_links_and_badges_do_not() {
        let html = "<ul>\n<li><a href=\"https://arxiv.org/abs/1\">Owl Nets</a> (OWL 2024)</li>\n\
                    <li><A HREF='http://owls.example.org/p.pdf'>Owl Wings</A></li>\n\
                    <li><a href=\"#local\">Top</a></li>\n</ul>\n\
                    <a href=\"https://github.com/o/n\"><img src=\"https://img.shields.io/x\"></a>";
        assert_eq!(html_links(html), (2, 2, 2));
        assert_eq!(html_links("<details><summary>Owls</summary>"), (0, 0, 0));
    }
}
