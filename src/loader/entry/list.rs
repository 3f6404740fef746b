//! Which items of a list are papers, which are topics and which are notes.
//!
//! An item with a recognised shape (links) is a paper unless a linked paper is below it (then it is a
//! topic). An item without links (the `unlinked` shape) is a topic when a paper is below it, and a paper
//! when
//! - its first nested bullet reads as an affiliation or a label (`PKU & ByteDance`, `Industry Track`),
//!   which makes the item above it a topic; or
//! - it sits at the top of a list in a `Papers` section; or
//! - a linked paper is its sibling; or
//! - it reads like a title (`Name: subtitle`, or four words or more, no `&`, no final period) and a
//!   sibling is a paper by its affiliation bullet.
//!
//! A weak shape (plain labelled links, `Title [paper](u)`) is a paper where nothing stronger encloses it,
//! but does not make the item above it a topic: a takeaway may end with `[code](u)` as well.
//!
//! Bare URL bullets, software repositories and other non-papers are never papers. In a section that
//! holds no papers (`Resources`, `References`), a title-as-link entry is a paper only beside a link
//! labelled as one (`[pdf]`), and link-less items are not papers.

use super::super::markdown::{plain, MdBlock, MdItem};
use super::super::reader::institutions;
use super::super::reader::url_kind::{is_paper_page, on_paper_host};
use super::inline::{has_link, looks_like_url};
use super::{recognise, title_line, Head};

/// Where a list stands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// Below a `Papers` heading.
    pub under_papers: bool,
    /// Papers may be here (false outside the `Papers` region of a document that has one).
    pub allowed: bool,
    /// The section's heading announces no papers (`References`, `Resources & Tools`).
    pub no_papers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paper,
    Topic,
    Plain,
}

/// The classification of an item, and of the items of each of its sublists.
#[derive(Debug, Clone)]
pub struct Cls {
    pub kind: Kind,
    /// The recognised shape of a linked item.
    pub head: Option<Box<Head>>,
    pub subs: Vec<Vec<Cls>>,
    /// This item or one below it is a linked paper.
    linked_within: bool,
    /// A paper because its first nested bullet is an affiliation or a label.
    by_affiliation: bool,
}

/// Classifies a list's items, assuming no ancestor is a paper. `depth` is 0 for a list not inside an
/// item.
pub fn classify(items: &[MdItem], depth: usize, ctx: &Ctx) -> Vec<Cls> {
    resolve(items, facts(items, ctx), depth, ctx)
}

/// What each item says by itself, computed once, bottom-up: its shape, whether it is a linked paper
/// here, and whether a paper of a strong shape is below it.
struct Facts {
    head: Option<Box<Head>>,
    linked: bool,
    strong: bool,
    strong_below: bool,
    subs: Vec<Vec<Facts>>,
}

fn facts(items: &[MdItem], ctx: &Ctx) -> Vec<Facts> {
    items
        .iter()
        .map(|it| {
            let (head, linked, strong) = entry(it.first_para(), ctx);
            let fielded = if linked {
                None
            } else {
                titled_by_fields(it, ctx)
            };
            let (head, linked, strong) = fielded.unwrap_or((head, linked, strong));
            let subs: Vec<Vec<Facts>> = it.sublists().map(|l| facts(l, ctx)).collect();
            let strong_below = subs.iter().flatten().any(|f| f.strong || f.strong_below);
            Facts {
                head,
                linked,
                strong,
                strong_below,
                subs,
            }
        })
        .collect()
}

/// Decides the kinds, top-down: what is below a paper is its notes and is not looked at again.
fn resolve(items: &[MdItem], facts: Vec<Facts>, depth: usize, ctx: &Ctx) -> Vec<Cls> {
    let mut out: Vec<Cls> = Vec::with_capacity(items.len());
    for (it, f) in items.iter().zip(facts) {
        let inl = it.first_para();
        let not_paper = f.head.as_ref().is_some_and(|h| h.not_paper.is_some());
        let below = |subs: Vec<Vec<Facts>>| -> Vec<Vec<Cls>> {
            it.sublists()
                .zip(subs)
                .map(|(l, fs)| resolve(l, fs, depth + 1, ctx))
                .collect()
        };
        let mut subs = Vec::new();
        let mut by_affiliation = false;
        let kind = if not_paper {
            Kind::Plain
        } else if !ctx.allowed {
            // Outside the `Papers` region, an entry is a paper only by its own link to a paper host.
            let hosted = f.strong
                && !f.strong_below
                && f.head
                    .as_ref()
                    .is_some_and(|h| h.links.first().is_some_and(|(_, u)| is_paper_page(u)));
            if hosted {
                Kind::Paper
            } else {
                Kind::Plain
            }
        } else if f.strong_below {
            subs = below(f.subs);
            Kind::Topic
        } else if f.linked {
            Kind::Paper
        } else if f.head.is_none() && reads_as_paper_title(inl) && affiliation_below(it) {
            by_affiliation = true;
            Kind::Paper
        } else {
            subs = below(f.subs);
            if subs.iter().flatten().any(|c| c.kind != Kind::Plain) {
                Kind::Topic
            } else {
                Kind::Plain
            }
        };
        out.push(Cls {
            kind,
            linked_within: f.strong
                || kind == Kind::Topic && subs.iter().flatten().any(|c| c.linked_within),
            head: f.head,
            subs,
            by_affiliation,
        });
    }
    if !ctx.allowed || (ctx.no_papers && !ctx.under_papers) {
        return out;
    }
    // Siblings share a role: a link-less item shaped like a sibling topic (its bullets have bullets of
    // their own) is a topic too, and its bullets that read like titles are its papers.
    let topic_sibling = out
        .iter()
        .any(|c| c.kind == Kind::Topic && c.head.is_none());
    if topic_sibling {
        for (c, it) in out.iter_mut().zip(items) {
            let shaped_like_topic = c.kind == Kind::Plain
                && c.head.is_none()
                && it
                    .sublists()
                    .flatten()
                    .any(|sub| sub.sublists().next().is_some());
            if !shaped_like_topic {
                continue;
            }
            let mut papers = false;
            for (sub, classes) in it.sublists().zip(c.subs.iter_mut()) {
                for (si, sc) in sub.iter().zip(classes.iter_mut()) {
                    let text = plain(si.first_para());
                    if sc.kind == Kind::Plain && sc.head.is_none() && reads_like_title(&text) {
                        sc.kind = Kind::Paper;
                        papers = true;
                    }
                }
            }
            if papers {
                c.kind = Kind::Topic;
            }
        }
    }
    // Sibling rules, for link-less items that nothing above decided.
    let linked_sibling = out
        .iter()
        .any(|c| c.kind == Kind::Paper && c.linked_within && c.head.is_some());
    let affiliation_sibling = out.iter().any(|c| c.by_affiliation);
    let by_place = depth == 0 && ctx.under_papers;
    if !(by_place || linked_sibling || affiliation_sibling) {
        return out;
    }
    for (c, it) in out.iter_mut().zip(items) {
        if c.kind != Kind::Plain || c.head.is_some() {
            continue;
        }
        let text = plain(it.first_para());
        if text.is_empty()
            || looks_like_url(&text)
            || navigation(it.first_para())
            || unshaped_links(it.first_para(), &text)
        {
            continue;
        }
        if by_place || linked_sibling || reads_like_title(&text) {
            c.kind = Kind::Paper;
        }
    }
    out
}

/// Links that made no shape and say the item is no paper: every one to another file of the notes
/// (`[Last month's digest](issue-41.md)`) or to a talk or a blog post, or a sentence running into its
/// link (`This week's [podcast episode](u) discusses …`). A venue's link beside a title (`([SoCC 2023](u))`) keeps its item.
pub fn unshaped_links(inl: &[super::super::markdown::Tok], text: &str) -> bool {
    use super::super::markdown::Tok;
    let mut urls = inl.iter().filter_map(|t| match t {
        Tok::LinkStart(u) => Some(u.trim()),
        _ => None,
    });
    let Some(first) = urls.next() else {
        return false;
    };
    // A notes page (`x.md`, `x.md#part`); a local PDF is the paper itself.
    let notes_page = |u: &str| {
        let path = u.split(['#', '?']).next().unwrap_or(u).to_ascii_lowercase();
        !u.contains("://") && (path.ends_with(".md") || path.ends_with(".markdown"))
    };
    // The first link's text runs on in lowercase, as a sentence's words do; a title is capitalised.
    let lowercase_link = || {
        inl.iter()
            .skip_while(|t| !matches!(t, Tok::LinkStart(_)))
            .find_map(|t| match t {
                Tok::Text(s, _) => s.trim_start().chars().next(),
                _ => None,
            })
            .is_some_and(char::is_lowercase)
    };
    // `Watched [Owls at Night](https://www.youtube.com/…)`, `Skimmed the [owl blog](…/blog/…)`: every link a
    // recording, its slides or a blog post, a talk or a post (a paper's own link makes a shape).
    let talk_or_post = |u: &str| {
        use super::super::reader::url_kind::{url_kind, UrlKind};
        matches!(
            url_kind(u),
            UrlKind::Video | UrlKind::Blog | UrlKind::Slides
        )
    };
    // `Compare with [Owl Nets](u) for the counting step.`: words before the link and a sentence's
    // lowercase words on after it, to its final `.`: prose citing a paper, not an entry.
    let through_link = || {
        let opens_with_words = matches!(inl.first(), Some(Tok::Text(s, _)) if s.trim_start().starts_with(char::is_alphabetic));
        let after = inl
            .iter()
            .skip_while(|t| !matches!(t, Tok::LinkEnd))
            .skip(1)
            .find_map(|t| match t {
                Tok::Text(s, _) => Some(s.trim_start()),
                _ => None,
            });
        opens_with_words
            && after.is_some_and(|s| {
                s.split_whitespace().count() >= 3 && s.starts_with(char::is_lowercase)
            })
    };
    (notes_page(first) && urls.clone().all(notes_page))
        || (text.trim_end().ends_with('.') && (lowercase_link() || through_link()))
        || (talk_or_post(first) && urls.all(talk_or_post))
}

/// Does the entry link its paper: a link labelled as the paper, or one to a paper host (not just any
/// PDF: a handbook's chapter is not)?
fn paper_linked(h: &Head) -> bool {
    h.paper_label || h.links.iter().any(|(_, u)| on_paper_host(u))
}

/// An item whose links all go to anchors of the same page (`[Papers](#papers)`): a table of contents.
fn navigation(inl: &[super::super::markdown::Tok]) -> bool {
    use super::super::markdown::Tok;
    let mut anchors = inl.iter().filter_map(|t| match t {
        Tok::LinkStart(u) => Some(u.trim_start().starts_with('#')),
        _ => None,
    });
    anchors.next().is_some_and(|first| first) && anchors.all(|a| a)
}

/// An item's recognised shape, whether it counts as a linked paper here, and whether that is by a
/// strong shape (one that makes the item above it a topic).
fn entry(inl: &[super::super::markdown::Tok], ctx: &Ctx) -> (Option<Box<Head>>, bool, bool) {
    let head = if has_link(inl) {
        // `Title` / `url:: u` / `status:: DONE`: a Logseq block's title over its properties.
        title_line::in_paragraph(inl)
            .or_else(|| recognise(inl))
            .map(Box::new)
    } else {
        super::recognise_unlinked(inl).map(Box::new)
    };
    let linked = head.as_ref().is_some_and(|h| {
        h.not_paper.is_none() && h.is_linked() && (!ctx.no_papers || paper_linked(h))
    });
    let strong = linked && head.as_ref().is_some_and(|h| !h.weak);
    (head, linked, strong)
}

/// A link-less item whose nested bullets are its fields (`- **Title**` over `  - Paper: u`,
/// `  - Code: u`): read as a title line with its field bullets ([`title_line`]), a linked paper when
/// those fields carry the paper.
fn titled_by_fields(it: &MdItem, ctx: &Ctx) -> Option<(Option<Box<Head>>, bool, bool)> {
    let inl = it.first_para();
    let first_bullet = match it.blocks.get(1) {
        Some(MdBlock::List { items, .. }) => items.first()?.first_para(),
        _ => return None,
    };
    // Most items with bullets are topics or takeaways: a first bullet that cannot open a field
    // (`Paper: u`, `Code u`, a bare URL) ends it here, before any text is built.
    if inl.is_empty() || !may_open_field(first_bullet) || has_link(inl) {
        return None;
    }
    let after: Vec<&MdBlock> = it.blocks.iter().skip(1).collect();
    let (head, _) = title_line::recognise(inl, &after)?;
    let linked =
        head.not_paper.is_none() && head.is_linked() && (!ctx.no_papers || paper_linked(&head));
    Some((Some(Box::new(head)), linked, linked))
}

/// Could a bullet be a field line ([`title_line`])? It opens with a link (a bare URL), or its first
/// text is short and followed by a link, or has a colon within its first characters and then a link
/// or little else (`Code: None`): a takeaway (`Key idea: …`) is none of these.
fn may_open_field(inl: &[super::super::markdown::Tok]) -> bool {
    use super::super::markdown::Tok;
    match inl {
        [Tok::LinkStart(_), ..] => true,
        [Tok::Text(t, _), next, ..] if matches!(next, Tok::LinkStart(_)) && t.len() <= 64 => true,
        [Tok::Text(t, _), rest @ ..] => {
            t.chars().take(32).any(|c| c == ':' || c == '：')
                && (has_link(rest)
                    || (t.len() <= 48 && rest.len() <= 2)
                    // `著者：Ann Smith, …`: a field that describes the paper.
                    || t.split_once([':', '：'])
                        .is_some_and(|(n, _)| title_line::about_field(n).is_some()))
        }
        _ => false,
    }
}

/// The first nested bullet (bare URL bullets aside) reads as an affiliation or a label: short names
/// with no final period and nothing below them (`PKU & ByteDance`, `IBM Research`, `Best Paper Nominee`).
fn affiliation_below(it: &MdItem) -> bool {
    let Some(first) = it
        .sublists()
        .flatten()
        .find(|c| !looks_like_url(&plain(c.first_para())))
    else {
        return false;
    };
    let inl = first.first_para();
    if first.sublists().next().is_some() || has_link(inl) {
        return false;
    }
    let text = plain(inl);
    text.chars().count() <= 100
        && text.split_whitespace().count() <= 12
        && !institutions(&text).is_empty()
}

/// An item above an affiliation bullet is a paper when it could be a title: some words, not a sentence
/// ending with a period or a colon, not a URL. (Read from the tokens, without building the text.)
fn reads_as_paper_title(inl: &[super::super::markdown::Tok]) -> bool {
    use super::super::markdown::Tok;
    let last = inl.iter().rev().find_map(|t| match t {
        Tok::Text(s, _) if !s.trim().is_empty() => Some(s.trim_end()),
        _ => None,
    });
    let first = inl.iter().find_map(|t| match t {
        Tok::Text(s, _) if !s.trim().is_empty() => Some(s.trim_start()),
        _ => None,
    });
    match (first, last) {
        (Some(f), Some(l)) => !l.ends_with(['.', ':']) && !looks_like_url(f),
        _ => false,
    }
}

/// Reads like a paper's title: `Name: subtitle`, or four words or more without `&` and without a final
/// period.
pub fn reads_like_title(text: &str) -> bool {
    let t = text.trim();
    if t.ends_with('.') || t.contains('&') {
        return false;
    }
    let name_subtitle = t
        .split_once(": ")
        .is_some_and(|(name, sub)| !name.trim().is_empty() && !sub.trim().is_empty());
    name_subtitle || t.split_whitespace().count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::markdown::{parse, MdBlock};

    fn kinds(md: &str, ctx: Ctx) -> Vec<(String, Kind)> {
        let blocks = parse(md);
        let MdBlock::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let cls = classify(items, 0, &ctx);
        let mut out = Vec::new();
        fn walk(items: &[MdItem], cls: &[Cls], out: &mut Vec<(String, Kind)>) {
            for (it, c) in items.iter().zip(cls) {
                out.push((plain(it.first_para()), c.kind));
                if c.kind != Kind::Paper {
                    for (sub, sc) in it.sublists().zip(&c.subs) {
                        walk(sub, sc, out);
                    }
                }
            }
        }
        walk(items, &cls, &mut out);
        out
    }

    const PAPERS: Ctx = Ctx {
        under_papers: true,
        allowed: true,
        no_papers: false,
    };

    #[test]
    fn link_less_papers_under_topic_bullets() {
        let md = "\
* Owl Training
  * Hoot: Accelerating Owl Training
    * Owl U & Night Labs
  * Talons at Scale Without Tears
  * Feathers
";
        let k = kinds(md, PAPERS);
        assert_eq!(k[0].1, Kind::Topic, "{k:?}");
        assert_eq!(
            k[1],
            ("Hoot: Accelerating Owl Training".into(), Kind::Paper)
        );
        // A title-like sibling is a paper; a one-word one is not.
        assert_eq!(k[2].1, Kind::Paper, "{k:?}");
        assert_eq!(k[3].1, Kind::Plain, "{k:?}");
    }

    #[test]
    fn a_label_bullet_also_marks_a_paper_and_bare_urls_are_notes() {
        let md = "\
* Owls
  * Owl Paths Revisited
    * https://arxiv.org/abs/1234
    * Industry Track
";
        let k = kinds(md, PAPERS);
        assert_eq!(k[0].1, Kind::Topic, "{k:?}");
        assert_eq!(k[1].1, Kind::Paper, "{k:?}");
    }

    #[test]
    fn takeaways_under_a_paper_stay_notes() {
        let md = "\
* Owl Nets \\[[Paper](https://a.org/p)]
  * Owl U
  * Design Choices
    * Night Vision
";
        let k = kinds(md, PAPERS);
        assert_eq!(k, vec![("Owl Nets [Paper]".to_string(), Kind::Paper)]);
    }

    #[test]
    fn sections_without_papers_need_a_paper_label() {
        let ctx = Ctx {
            under_papers: false,
            allowed: true,
            no_papers: true,
        };
        let md = "\
* [GraphKit: graphs for all](https://someone.example.org/graphkit.pdf)
* **OwlAttack: A Toolkit**. OWL 2021 Demo. [[pdf](https://a.org/p)]
";
        let k = kinds(md, ctx);
        assert_eq!(k[0].1, Kind::Plain);
        assert_eq!(k[1].1, Kind::Paper);
    }
}
