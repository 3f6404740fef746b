//! A heading that introduces one paper: where two or more sibling headings are each followed by
//! `**Field:** value` lines (`**Link:**`, `**Paper:**`, `**Code:**`, `**Summary:**`), each heading is a
//! paper. Link fields give its links (their links, or bare URLs), `Authors`, `Venue` and `Affiliations`
//! fill those, and the other fields are its notes.
//!
//! The same with a heading whose first paragraph is its links ([`link_block`]): `#### Title` over
//! `*Ann Smith et al.* · OWL 2020 · [paper](u) · [code](u)`, `[[Paper]](u)`, `Smith et al., OWL 2022 —
//! https://arxiv.org/abs/…`, or a list of links only (`- [arXiv](u)`) after a quote that names the
//! authors and the venue.

use super::super::markdown::{collapse, plain, rich, MdBlock, Tok};
use super::{clean_title, Head, Shape};
use crate::model::{Note, RichText, Span};

/// `**Name:** value` (or `**Name**: value`) at the start of a paragraph: the name, and where the value's
/// tokens start.
pub fn field(inl: &[Tok]) -> Option<(String, usize)> {
    let mut name = String::new();
    let mut i = 0;
    while let Some(Tok::Text(t, st)) = inl.get(i) {
        if !st.bold {
            if name.is_empty() && t.trim().is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        name.push_str(t);
        i += 1;
    }
    let mut name = collapse(&name);
    if let Some(n) = name.strip_suffix(':') {
        name = n.trim().to_string();
    } else if matches!(inl.get(i), Some(Tok::Text(t, _)) if t.starts_with(':')) {
        // `**Name**: value`: the colon is outside the bold.
    } else {
        return None;
    }
    let ok = !name.is_empty() && name.chars().count() <= 30 && name.split_whitespace().count() <= 3;
    ok.then_some((name, i))
}

/// Lines of `**Field:** value`: the items of a list, or the lines of a paragraph.
fn field_lines<'s, 'a>(b: &'s MdBlock<'a>) -> Vec<(&'s [Tok<'a>], usize)> {
    match b {
        MdBlock::List { items, .. } => items.iter().map(|it| (it.first_para(), it.line)).collect(),
        MdBlock::Para { inl, line } => {
            let mut out = Vec::new();
            let mut start = 0;
            let mut l = *line;
            for (i, t) in inl.iter().enumerate() {
                if matches!(t, Tok::Break | Tok::LineBreak) {
                    out.push((&inl[start..i], l));
                    start = i + 1;
                    l += 1;
                } else if i > start && inline_field_at(inl, i) {
                    // `**Authors:** … · **Venue:** …`: fields side by side on one line.
                    out.push((&inl[start..i], l));
                    start = i;
                }
            }
            out.push((&inl[start..], l));
            out
        }
        _ => Vec::new(),
    }
}

/// Does a field (`**Venue:**`) start at token `i`, after a separator (`·`, `|`) that ends the one before?
fn inline_field_at(inl: &[Tok], i: usize) -> bool {
    let after_separator = i.checked_sub(1).and_then(|j| inl.get(j)).is_some_and(
        |t| matches!(t, Tok::Text(p, st) if !st.bold && p.trim_end().ends_with(['·', '|'])),
    );
    after_separator
        && matches!(inl.get(i), Some(Tok::Text(t, st)) if st.bold && t.trim_end().ends_with(':'))
        && field(inl.get(i..).unwrap_or_default()).is_some()
}

/// Field names that describe a paper (besides the link fields).
const PAPER_FIELDS: &[&str] = &[
    "author",
    "authors",
    "venue",
    "conference",
    "published",
    "publication",
    "journal",
    "year",
    "summary",
    "tldr",
    "tl;dr",
    "abstract",
    "key",
    "keywords",
    "contribution",
    "contributions",
    "takeaway",
    "takeaways",
    "notes",
    "affiliation",
    "affiliations",
    "institution",
    "institutions",
];

/// Is this block a list of fields that describe a paper: most of its lines are `**Field:** value`, and
/// at least one field is a paper's (`Link`, `Paper`, `Code`, `Authors`, `Summary`…), not just any bold
/// term being defined (`**FFDSum**: …`)?
pub fn is_field_block(b: &MdBlock) -> bool {
    let lines = field_lines(b);
    let names: Vec<String> = lines
        .iter()
        .filter_map(|(inl, _)| field(inl).map(|(n, _)| n.to_lowercase()))
        .collect();
    let known = names
        .iter()
        .any(|n| LINK_FIELDS.contains(&n.as_str()) || PAPER_FIELDS.contains(&n.as_str()));
    known && names.len() * 2 >= lines.len()
}

const LINK_FIELDS: &[&str] = &[
    "link",
    "links",
    "paper",
    "pdf",
    "arxiv",
    "code",
    "github",
    "project",
    "project page",
    "website",
    "homepage",
    "slides",
    "video",
    "blog",
    "data",
    "dataset",
    "demo",
    "url",
    "doi",
    "openreview",
];

/// A heading that is its paper's link (`### [Title](u)`, org-mode's `## DONE [Title](u)  :tag:`): the
/// link's text and its URL, when the text around the link is only decoration (a task's state, tags).
pub fn heading_link(heading: &[Tok]) -> Option<(String, String)> {
    use super::inline::{segments, Seg};
    if !super::inline::has_link(heading) {
        return None;
    }
    let segs = segments(heading);
    let mut link = None;
    let mut around = String::new();
    for s in &segs {
        match s {
            Seg::Link(l) if l.is_badge() => {}
            Seg::Link(l) if link.is_none() => link = Some(l),
            Seg::Link(_) => return None,
            Seg::Text(t, _) => around.push_str(t),
            Seg::Break { .. } => around.push(' '),
        }
    }
    let link = link?;
    let outside = super::inline::outside(link.url) && !link.url.starts_with('#');
    // A task's state and tags are decoration, even with no title beside them (`DONE  :rl:nlp:`).
    let around: Vec<&str> = around
        .split_whitespace()
        .filter(|w| !super::inline::is_status_word(w))
        .collect();
    let around = around.join(" ");
    let around = super::inline::strip_org_tags(&around).unwrap_or(&around);
    (outside && clean_title(around).title.is_empty() && !link.text.trim().is_empty())
        .then(|| (link.text.to_string(), link.url.to_string()))
}

/// The paper a heading introduces, from its field blocks (and prose paragraphs, which become notes).
pub fn paper(heading: &[Tok], blocks: &[&MdBlock]) -> (Head, Vec<String>, Vec<Note>) {
    let linked = heading_link(heading);
    let mut head = match &linked {
        Some((text, url)) => {
            let mut h = clean_title(text);
            h.links.push(("Paper".to_string(), url.clone()));
            h
        }
        None => clean_title(unnumbered(&plain(heading))),
    };
    head.shape = Shape::HeadingFields;
    let mut affiliations = Vec::new();
    let mut notes = Vec::new();
    let mut used = Vec::new();
    // Under a heading that is the paper's link, the links below it may be only its code
    // (`*Ann Smith* — OWL 2024 · [code](u)`).
    let below = links_below(blocks).filter(|(_, paper)| *paper || linked.is_some());
    if let Some((lb, _)) = below {
        head.links.extend(lb.links);
        let (authors, venue) = about(&lb.about);
        head.authors = head.authors.or(authors);
        head.venue = head.venue.or(venue);
        used = lb.used;
    } else if linked.is_some() {
        // `### [Title](u)` over `*Ann Smith, Bo Li · Owl Lab*`: a line of names without links.
        if let Some((i, MdBlock::Para { inl, .. })) = blocks
            .iter()
            .enumerate()
            .find(|(_, b)| !matches!(b, MdBlock::Html { .. } | MdBlock::Rule))
        {
            if !super::inline::has_link(inl) {
                let (authors, venue) = about(&plain(inl));
                if authors.is_some() {
                    head.authors = head.authors.or(authors);
                    head.venue = head.venue.or(venue);
                    used.push(i);
                }
            }
        }
    }
    if linked.is_none() && used.is_empty() {
        // `### Title` over plain field bullets (`- 著者：…`, `- 論文：url`): a title line's fields; the
        // bullets that link nothing and describe no author or venue are notes.
        if let Some((h, n)) = super::title_line::recognise(heading, blocks) {
            head.title = h.title;
            head.links = h.links;
            head.authors = head.authors.or(h.authors);
            head.venue = head.venue.or(h.venue);
            for (i, b) in blocks.iter().enumerate().take(n) {
                used.push(i);
                let MdBlock::List { items, .. } = b else {
                    continue;
                };
                for it in items {
                    let inl = it.first_para();
                    let described = plain(inl)
                        .split_once([':', '：'])
                        .and_then(|(n, _)| super::title_line::about_field(n))
                        .is_some_and(|a| a != super::title_line::About::Other);
                    if !super::inline::has_link(inl) && !described {
                        notes.push(Note {
                            text: rich(inl),
                            line: it.line,
                            children: Box::default(),
                        });
                    }
                }
            }
        }
    }
    head.paper_label = head
        .links
        .iter()
        .any(|(l, _)| super::inline::is_paper_label(l));
    for (i, b) in blocks.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        if !is_field_block(b) {
            if let MdBlock::Para { inl, line } = b {
                notes.push(Note {
                    text: rich(inl),
                    line: *line,
                    children: Box::default(),
                });
            }
            continue;
        }
        for (inl, line) in field_lines(b) {
            let Some((name, at)) = field(inl) else {
                continue;
            };
            let value = &inl[at..];
            let text = collapse(
                plain(value)
                    .trim_start_matches(':')
                    .trim_end_matches(|c: char| c.is_whitespace() || "·|".contains(c)),
            );
            let lower = name.to_lowercase();
            if LINK_FIELDS.contains(&lower.as_str()) {
                let label = if lower == "link" || lower == "url" {
                    "Paper".to_string()
                } else {
                    name.clone()
                };
                let mut found = false;
                for (_, url) in super::super::markdown::links(value) {
                    head.links.push((label.clone(), url));
                    found = true;
                }
                if !found {
                    for url in bare_urls(&text) {
                        head.links.push((label.clone(), url));
                    }
                }
                if matches!(lower.as_str(), "paper" | "pdf" | "arxiv" | "link" | "doi") {
                    head.paper_label = true;
                }
            } else if matches!(lower.as_str(), "author" | "authors") {
                head.authors = Some(text);
            } else if matches!(
                lower.as_str(),
                "venue" | "conference" | "published" | "publication" | "journal"
            ) {
                head.venue = Some(text);
            } else if matches!(
                lower.as_str(),
                "affiliation" | "affiliations" | "institution" | "institutions" | "organization"
            ) {
                affiliations.extend(
                    text.split(['&', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            } else {
                let mut r = rich(value);
                if let Some(first) = r.0.first_mut() {
                    first.text = first.text.trim_start_matches(':').trim_start().into();
                }
                let label = Span {
                    text: format!("{name}: ").into(),
                    ..Default::default()
                };
                notes.push(Note {
                    text: RichText(std::iter::once(label).chain(r.0).collect()),
                    line,
                    children: Box::default(),
                });
            }
        }
    }
    (head, affiliations, notes)
}

/// A heading's title without its number (`3. Owl Nets` → `Owl Nets`).
fn unnumbered(title: &str) -> &str {
    let t = title.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    match t.get(digits..) {
        Some(rest) if (1..=3).contains(&digits) && rest.starts_with(". ") => {
            rest.get(2..).unwrap_or(t)
        }
        _ => t,
    }
}

/// The blocks under a heading that give its paper's links (see the module's notes).
#[derive(Debug, Default)]
pub struct LinkBlock {
    /// The blocks it takes (indices into the blocks given).
    pub used: Vec<usize>,
    pub links: Vec<(String, String)>,
    /// The text beside the links: the authors and the venue.
    pub about: String,
}

/// Reads the first blocks under a heading (up to the next heading) as its paper's links: a paragraph
/// that ends with its links, with little text before them, or a list of links only, after a quote of
/// the authors and the venue. `None` unless a link is the paper's (a paper label, or a paper host).
pub fn link_block(blocks: &[&MdBlock]) -> Option<LinkBlock> {
    links_below(blocks)
        .filter(|(_, paper)| *paper)
        .map(|(lb, _)| lb)
}

/// The blocks under a heading that give links (see [`link_block`]), and whether one is the paper's.
fn links_below(blocks: &[&MdBlock]) -> Option<(LinkBlock, bool)> {
    use super::super::reader::url_kind::on_paper_host;
    use super::inline::{is_link_label, is_paper_label, segments, Seg};
    let mut lb = LinkBlock::default();
    for (i, b) in blocks.iter().enumerate() {
        match b {
            MdBlock::Html { .. } | MdBlock::Rule => {}
            MdBlock::Quote(inner) if lb.used.is_empty() => {
                let [MdBlock::Para { inl, .. }] = inner.as_slice() else {
                    return None;
                };
                if super::inline::has_link(inl) {
                    return None;
                }
                lb.about = collapse(&plain(inl));
                lb.used.push(i);
            }
            MdBlock::Para { inl, .. } => {
                if !super::inline::has_link(inl) || is_field_block(b) {
                    return None;
                }
                let segs = segments(inl);
                let start = super::link_group::start(&segs)?;
                let (before, _) = super::link_group::title_text(segs.get(..start)?);
                // A bold run before the links is a title: the paragraph is an entry of its own.
                if before.split_whitespace().count() > 30
                    || segs.get(..start)?.iter().any(|s| match s {
                        Seg::Link(l) => !l.is_badge(),
                        Seg::Text(t, st) => st.bold && !t.trim().is_empty(),
                        Seg::Break { .. } => false,
                    })
                {
                    return None;
                }
                lb.links = super::link_group::links(&segs);
                if !lb.about.is_empty() {
                    lb.about.push_str(" · ");
                }
                lb.about.push_str(&before);
                lb.used.push(i);
                break;
            }
            MdBlock::List { items, .. } => {
                for it in items {
                    if it.sublists().next().is_some() {
                        return None;
                    }
                    for s in segments(it.first_para()) {
                        match s {
                            Seg::Link(l) if l.is_badge() => {}
                            Seg::Link(l) if is_link_label(&l.text) || l.is_bare_url() => {
                                lb.links.push((l.label(), l.url.to_string()))
                            }
                            Seg::Text(t, _) if super::inline::is_decoration(t) => {}
                            Seg::Break { .. } => {}
                            _ => return None,
                        }
                    }
                }
                lb.used.push(i);
                break;
            }
            _ => return None,
        }
    }
    let paper = lb
        .links
        .iter()
        .any(|(l, u)| is_paper_label(l) || on_paper_host(u));
    Some((lb, paper))
}

/// The authors and the venue in the text beside a heading's links (`*Ann Smith, Bo Li, et al.* · OWL
/// 2020`, `Smith et al., OWL 2022 —`), its pieces set apart by `·`, `|` or a dash.
pub(super) fn about(text: &str) -> (Option<String>, Option<String>) {
    let (mut authors, mut venue) = (None, None);
    let sep = |c: char| c.is_whitespace() || ".,;:|·•-–—".contains(c) || super::inline::is_emoji(c);
    for piece in text.split(['·', '•', '|', '—', '–']) {
        let piece = piece.trim_matches(sep);
        if piece.is_empty() {
            continue;
        }
        if authors.is_none() && super::reads_as_names(piece) {
            authors = Some(collapse(piece));
            continue;
        }
        // `Smith et al., OWL 2022`: names and a venue in one piece.
        let d = super::describe(piece);
        if d.authors.is_some() || d.venue.is_some() {
            authors = authors.or(d.authors);
            venue = venue.or(d.venue);
        } else if venue.is_none()
            && piece.chars().count() <= 60
            && super::super::title::is_venue(piece)
        {
            venue = Some(collapse(piece));
        }
    }
    (authors, venue)
}

/// `https://…` words in plain text.
pub fn bare_urls(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|w| {
            let (_, url) = super::super::cut::before_first(w, &["https://", "http://"])?;
            let url = url.trim_end_matches(['.', ',', ')', '>', ']', ';']);
            (url.len() > 8).then(|| url.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::markdown::parse;

    #[test]
    fn fields_are_read_from_lists_and_paragraphs() {
        let blocks = parse("### Owl Nets\n\n- **Link:** [arXiv](https://arxiv.org/abs/1)\n- **Code:** https://github.com/o/n\n- **Summary:** Owls count.\n");
        let MdBlock::Heading { inl, .. } = &blocks[0] else {
            panic!()
        };
        assert!(is_field_block(&blocks[1]));
        let (head, _, notes) = paper(inl, &[&blocks[1]]);
        assert_eq!(head.title, "Owl Nets");
        let urls: Vec<&str> = head.links.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(urls, ["https://arxiv.org/abs/1", "https://github.com/o/n"]);
        assert_eq!(notes[0].text.plain(), "Summary: Owls count.");

        let blocks = parse("**Paper:** https://a.org/p\n**Venue:** OWL 2020\n");
        assert!(is_field_block(&blocks[0]));
        let (head, _, _) = paper(&[], &[&blocks[0]]);
        assert_eq!(head.links[0].1, "https://a.org/p");
        assert_eq!(head.venue.as_deref(), Some("OWL 2020"));
    }

    #[test]
    fn a_bold_title_is_not_a_field() {
        let blocks = parse("- **Owl Nets.** OWL 2020\n");
        assert!(!is_field_block(&blocks[0]));
    }
}
