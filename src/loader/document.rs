//! Blocks of one markdown file → a `Document`: which items are papers, topics or notes, and the meta.
//!
//! The rules (see README.md, "Notes format"): an item is a paper when its first paragraph carries a
//! bracketed link group or opens with a link to an outside page, or — without links — when it sits at the
//! top of a list in the `Papers` section or has a linked paper as a sibling; in every case only when no
//! paper is below it and it is not inside another paper. An item with a paper below it is a topic.

use std::path::{Path, PathBuf};

use super::markdown::{self, plain, MdBlock, MdItem, Tok};
use super::title::{group_prefix, head, is_outside, opens_with_outside_link};
use super::{Warning, WarningKind};
use crate::model::{Block, DocKind, Document, Link, Meta, Node, Note, Paper, RichText, Span};

/// Builds the document for `text` (already valid UTF-8). `path` is the file on disk, used to resolve and
/// check local links; `source` is how the document is named to the user.
pub fn build(source: &str, path: Option<&Path>, text: &str) -> (Document, Vec<Warning>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (blocks, front) = markdown::parse_document(text);
    let (description, front_warning) = super::front_matter::description(source, front.as_ref());
    let mut b = DocBuilder {
        source,
        dir: path.and_then(Path::parent).map(Path::to_path_buf),
        warnings: front_warning.into_iter().collect(),
        papers: Vec::new(),
    };

    let title_idx = blocks
        .iter()
        .position(|blk| matches!(blk, MdBlock::Heading { level: 1, .. }));
    let title = match title_idx.map(|i| &blocks[i]) {
        Some(MdBlock::Heading { inl, .. }) => plain(inl),
        _ => path
            .and_then(Path::file_stem)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| source.to_string()),
    };
    let has_papers_heading = blocks.iter().any(is_papers_heading);
    let kind = if has_papers_heading || looks_like_list(&blocks) {
        DocKind::List
    } else {
        DocKind::Page
    };

    let mut doc = Document {
        source: source.to_string(),
        path: path.map(Path::to_path_buf),
        title,
        kind,
        meta: Vec::new(),
        tree: Vec::new(),
        papers: Vec::new(),
        body: Vec::new(),
        description,
    };
    let body = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title_idx)
        .map(|(_, blk)| blk);
    match kind {
        DocKind::Page => {
            doc.body = body.map(|blk| b.block(blk)).collect();
        }
        DocKind::List => {
            let (tree, meta) = b.list_document(body, has_papers_heading);
            doc.tree = tree;
            doc.meta = meta;
            doc.papers = std::mem::take(&mut b.papers);
        }
    }
    (doc, b.warnings)
}

fn is_papers_heading(b: &MdBlock) -> bool {
    matches!(b, MdBlock::Heading { level, inl, .. } if *level > 1 && plain(inl).eq_ignore_ascii_case("papers"))
}

fn is_linked(inl: &[Tok]) -> bool {
    group_prefix(inl).is_some() || opens_with_outside_link(inl)
}

/// A top-level item carries a link group or opens with an outside link, or an item one level down carries
/// a link group.
fn looks_like_list(blocks: &[MdBlock]) -> bool {
    top_lists(blocks).any(|items| {
        items.iter().any(|it| {
            is_linked(it.first_para())
                || it
                    .sublists()
                    .flatten()
                    .any(|sub| group_prefix(sub.first_para()).is_some())
        })
    })
}

/// Lists that are not inside a list item (possibly inside quotes).
fn top_lists(blocks: &[MdBlock]) -> impl Iterator<Item = &[MdItem]> {
    let mut out: Vec<&[MdItem]> = Vec::new();
    let mut todo: Vec<&[MdBlock]> = vec![blocks];
    while let Some(bs) = todo.pop() {
        for b in bs {
            match b {
                MdBlock::List { items, .. } => out.push(items),
                MdBlock::Quote(inner) => todo.push(inner),
                _ => {}
            }
        }
    }
    out.into_iter()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Paper,
    Topic,
    Plain,
}

/// The classification of an item, and of the items of each of its sublists.
struct Cls {
    kind: Kind,
    subs: Vec<Vec<Cls>>,
}

/// Classifies a list's items, assuming no ancestor is a paper. `depth` is 0 for a list not inside an
/// item. `allowed` is false outside the `Papers` section of a document that has one.
fn classify(items: &[MdItem], depth: usize, under_papers: bool, allowed: bool) -> Vec<Cls> {
    let mut linked = Vec::with_capacity(items.len());
    let mut out: Vec<Cls> = items
        .iter()
        .map(|it| {
            let subs: Vec<Vec<Cls>> = it
                .sublists()
                .map(|l| classify(l, depth + 1, under_papers, allowed))
                .collect();
            let below = subs.iter().flatten().any(|c| c.kind != Kind::Plain);
            let is_link = is_linked(it.first_para());
            linked.push(is_link);
            let kind = match (allowed, below, is_link) {
                (false, _, _) => Kind::Plain,
                (true, true, _) => Kind::Topic,
                (true, false, true) => Kind::Paper,
                (true, false, false) => Kind::Plain,
            };
            Cls { kind, subs }
        })
        .collect();
    if allowed {
        let linked_sibling = out
            .iter()
            .zip(&linked)
            .any(|(c, &l)| l && c.kind == Kind::Paper);
        for ((c, it), &l) in out.iter_mut().zip(items).zip(&linked) {
            if c.kind == Kind::Plain
                && !l
                && ((depth == 0 && under_papers) || linked_sibling)
                && !plain(it.first_para()).is_empty()
            {
                c.kind = Kind::Paper;
            }
        }
    }
    out
}

/// A heading in the section stack while a list document is walked.
struct Frame {
    level: u8,
    title: String,
    line: usize,
    /// The `Papers` heading: its children stand in its place.
    papers: bool,
    children: Vec<Node>,
}

struct DocBuilder<'a> {
    source: &'a str,
    dir: Option<PathBuf>,
    warnings: Vec<Warning>,
    papers: Vec<Paper>,
}

impl DocBuilder<'_> {
    fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(Warning {
            source: self.source.to_string(),
            line,
            kind,
        });
    }

    fn list_document<'b>(
        &mut self,
        blocks: impl Iterator<Item = &'b MdBlock>,
        has_papers_heading: bool,
    ) -> (Vec<Node>, Vec<Meta>) {
        let mut stack = vec![Frame {
            level: 0,
            title: String::new(),
            line: 0,
            papers: false,
            children: Vec::new(),
        }];
        let mut meta = Vec::new();
        for blk in blocks {
            match blk {
                MdBlock::Heading { level, inl, line } => {
                    close_sections(&mut stack, *level);
                    stack.push(Frame {
                        level: *level,
                        title: plain(inl),
                        line: *line,
                        papers: is_papers_heading(blk),
                        children: Vec::new(),
                    });
                }
                MdBlock::List { items, .. } => {
                    let under_papers = stack.iter().any(|f| f.papers);
                    let allowed = !has_papers_heading || under_papers;
                    let classes = classify(items, 0, under_papers, allowed);
                    let mut topics: Vec<String> = stack
                        .iter()
                        .skip(1)
                        .filter(|f| !f.papers)
                        .map(|f| f.title.clone())
                        .collect();
                    let nodes = self.items(items, &classes, &mut topics);
                    if let Some(top) = stack.last_mut() {
                        top.children.extend(nodes);
                    }
                }
                MdBlock::Para { inl, line } if !stack.iter().any(|f| f.papers) => {
                    let section = stack.last().map(|f| f.title.as_str()).unwrap_or("");
                    meta.push(self.meta(inl, *line, section));
                }
                _ => {}
            }
        }
        close_sections(&mut stack, 1);
        let root = stack.pop().map(|f| f.children).unwrap_or_default();
        (root, meta)
    }

    /// `Homepage: <url>` → key `Homepage`; a paragraph under `### Acceptance Rate` → that key.
    fn meta(&mut self, inl: &[Tok], line: usize, section: &str) -> Meta {
        self.check_links(inl, line);
        if let Some(Tok::Text(first, style)) = inl.first() {
            if let Some((key, rest)) = first.split_once(':') {
                let key = key.trim();
                if !key.is_empty() && key.chars().count() <= 40 && !key.contains("://") {
                    let mut toks = vec![Tok::Text(rest.trim_start().to_string(), *style)];
                    toks.extend_from_slice(&inl[1..]);
                    return Meta {
                        key: key.to_string(),
                        value: rich(&toks),
                    };
                }
            }
        }
        let key = if section.eq_ignore_ascii_case("meta info") {
            ""
        } else {
            section
        };
        Meta {
            key: key.to_string(),
            value: rich(inl),
        }
    }

    fn items(&mut self, items: &[MdItem], classes: &[Cls], topics: &mut Vec<String>) -> Vec<Node> {
        let mut nodes = Vec::new();
        // One shared topic path for the papers of this list.
        let shared: std::sync::Arc<[String]> = topics.as_slice().into();
        for (it, c) in items.iter().zip(classes) {
            match c.kind {
                Kind::Paper => {
                    let paper = self.paper(it, shared.clone());
                    nodes.push(Node::Paper {
                        index: self.papers.len(),
                    });
                    self.papers.push(paper);
                }
                Kind::Topic => {
                    let title = head(it.first_para()).title;
                    topics.push(title.clone());
                    let mut children = Vec::new();
                    for (sub, subc) in it.sublists().zip(&c.subs) {
                        children.extend(self.items(sub, subc, topics));
                    }
                    topics.pop();
                    nodes.push(Node::Topic {
                        title,
                        line: it.line,
                        children,
                    });
                }
                Kind::Plain => {}
            }
        }
        nodes
    }

    fn paper(&mut self, it: &MdItem, topics: std::sync::Arc<[String]>) -> Paper {
        let inl = it.first_para();
        let h = head(inl);
        let mut links: Vec<Link> = markdown::links(inl)
            .into_iter()
            .map(|(label, url)| self.link(label, url))
            .collect();
        if h.title_is_link {
            if let Some(first) = links.first_mut() {
                first.label = "Paper".into();
            }
        }
        self.check_links(inl, it.line);
        let title = if h.title.is_empty() {
            self.warn(it.line, WarningKind::NoTitle);
            "(untitled)".to_string()
        } else {
            h.title
        };
        let mut notes: Vec<Note> = it
            .blocks
            .iter()
            .skip(1)
            .flat_map(|b| self.notes(b))
            .collect();
        let affiliations = match notes.first() {
            Some(n) if n.children.is_empty() => institutions(&n.text.plain()),
            _ => Vec::new(),
        };
        if !affiliations.is_empty() {
            notes.remove(0);
        }
        Paper {
            id: String::new(),
            title,
            venue: h.venue,
            authors: h.authors,
            topics,
            line: it.line,
            links,
            affiliations,
            takeaways: notes,
        }
    }

    fn link(&self, label: String, url: String) -> Link {
        let target = self.dir.as_deref().and_then(|dir| local_target(dir, &url));
        Link { label, url, target }
    }

    /// Warns about links without a URL and local links to files that do not exist.
    fn check_links(&mut self, inl: &[Tok], line: usize) {
        for (label, url) in markdown::links(inl) {
            if url.trim().is_empty() {
                self.warn(line, WarningKind::EmptyUrl { label });
            } else if let Some(dir) = self.dir.clone() {
                if let Some(p) = local_path(&dir, &url) {
                    if !p.exists() {
                        self.warn(line, WarningKind::MissingTarget { url });
                    }
                }
            }
        }
    }

    /// A block inside a paper or page list item, as notes.
    fn notes(&mut self, b: &MdBlock) -> Vec<Note> {
        match b {
            MdBlock::List { items, .. } => items.iter().map(|it| self.note(it)).collect(),
            MdBlock::Para { inl, line } | MdBlock::Heading { inl, line, .. } => {
                self.check_links(inl, *line);
                vec![Note {
                    text: rich(inl),
                    line: *line,
                    children: Vec::new(),
                }]
            }
            MdBlock::Code { text, line, .. } => vec![Note {
                text: RichText(vec![Span {
                    text: text.trim_end().to_string(),
                    style: crate::model::Style {
                        code: true,
                        ..Default::default()
                    },
                    link: None,
                }]),
                line: *line,
                children: Vec::new(),
            }],
            MdBlock::Quote(inner) => inner.iter().flat_map(|b| self.notes(b)).collect(),
            MdBlock::Table { .. } | MdBlock::Rule => Vec::new(),
        }
    }

    fn note(&mut self, it: &MdItem) -> Note {
        let inl = it.first_para();
        self.check_links(inl, it.line);
        let skip = usize::from(matches!(it.blocks.first(), Some(MdBlock::Para { .. })));
        Note {
            text: rich(inl),
            line: it.line,
            children: it
                .blocks
                .iter()
                .skip(skip)
                .flat_map(|b| self.notes(b))
                .collect(),
        }
    }

    fn block(&mut self, b: &MdBlock) -> Block {
        match b {
            MdBlock::Heading { level, inl, line } => Block::Heading {
                level: *level,
                text: rich(inl),
                line: *line,
            },
            MdBlock::Para { inl, line } => {
                self.check_links(inl, *line);
                Block::Paragraph {
                    text: rich(inl),
                    line: *line,
                }
            }
            MdBlock::List { ordered, items } => Block::List {
                ordered: *ordered,
                items: items.iter().map(|it| self.note(it)).collect(),
            },
            MdBlock::Code { lang, text, line } => Block::Code {
                lang: lang.clone(),
                text: text.clone(),
                line: *line,
            },
            MdBlock::Quote(inner) => Block::Quote {
                blocks: inner.iter().map(|b| self.block(b)).collect(),
            },
            MdBlock::Table { rows, line } => Block::Table {
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| rich(c)).collect())
                    .collect(),
                line: *line,
            },
            MdBlock::Rule => Block::Rule,
        }
    }
}

/// Pops sections of `level` and deeper, attaching each to its parent when it holds papers.
fn close_sections(stack: &mut Vec<Frame>, level: u8) {
    while stack.len() > 1 && stack.last().is_some_and(|f| f.level >= level) {
        let Some(f) = stack.pop() else { break };
        let Some(parent) = stack.last_mut() else {
            break;
        };
        if f.papers {
            parent.children.extend(f.children);
        } else if f.children.iter().any(|n| n.paper_count() > 0) {
            parent.children.push(Node::Section {
                title: f.title,
                line: f.line,
                children: f.children,
            });
        }
    }
}

/// Inline tokens → rich text, adjacent runs of one style and link merged.
pub fn rich(inl: &[Tok]) -> RichText {
    let mut spans: Vec<Span> = Vec::new();
    let mut link: Option<String> = None;
    for t in inl {
        let (text, style) = match t {
            Tok::LinkStart(d) => {
                link = Some(d.clone());
                continue;
            }
            Tok::LinkEnd => {
                link = None;
                continue;
            }
            Tok::Text(s, st) => (s.as_str(), *st),
            Tok::Break => (" ", Default::default()),
        };
        match spans.last_mut() {
            Some(last) if last.style == style && last.link == link => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_string(),
                style,
                link: link.clone(),
            }),
        }
    }
    // Collapse white space at the ends, as markdown does.
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    // Built by appending: give back the slack (at 100,000 papers it is tens of megabytes).
    for s in &mut spans {
        s.text.shrink_to_fit();
    }
    spans.shrink_to_fit();
    RichText(spans)
}

/// The file a relative link points to, when it is local (no scheme, not an anchor).
pub fn local_path(dir: &Path, url: &str) -> Option<PathBuf> {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || is_outside(url) {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    Some(normalize(&dir.join(decoded.as_ref())))
}

/// For a local link to a markdown page or a folder (whose `README.md` is its page): that page.
pub fn local_target(dir: &Path, url: &str) -> Option<PathBuf> {
    let p = local_path(dir, url)?;
    let is_md = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if is_md {
        Some(p)
    } else if url
        .split(['#', '?'])
        .next()
        .is_some_and(|u| u.ends_with('/'))
        || p.is_dir()
    {
        Some(p.join("README.md"))
    } else {
        None
    }
}

/// Removes `.` and `a/..` from a path without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Splits a bullet like `HKUST & Alibaba` into institutions, or returns nothing when the bullet reads as
/// a sentence (lowercase words, a final period, a colon) rather than a list of names. Short lowercase
/// particles (`of`, `and`, `de`, the Catalan `i` in `Universitat Rovira i Virgili`) are allowed in names.
pub fn institutions(text: &str) -> Vec<String> {
    let t = text.trim();
    if t.is_empty()
        || t.chars().count() > 160
        || t.ends_with(['.', ':', '!', '?'])
        || t.contains(": ")
    {
        return Vec::new();
    }
    let names_only = t.split_whitespace().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        !first.is_lowercase() || w.chars().count() <= 3
    });
    if !names_only {
        return Vec::new();
    }
    t.split('&')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_accept_names_and_refuse_sentences() {
        assert_eq!(institutions("HKUST & Alibaba"), vec!["HKUST", "Alibaba"]);
        assert_eq!(
            institutions("University of Washington"),
            vec!["University of Washington"]
        );
        assert_eq!(institutions("上海交通大学"), vec!["上海交通大学"]);
        assert_eq!(
            institutions("Universitat Rovira i Virgili & Barcelona Supercomputing Center"),
            vec![
                "Universitat Rovira i Virgili",
                "Barcelona Supercomputing Center"
            ]
        );
        assert!(institutions("Resilient distributed training").is_empty());
        assert!(institutions("Pin the base model on GPUs.").is_empty());
        assert!(institutions("Challenge: slow GPUs").is_empty());
    }

    #[test]
    fn local_links_resolve_against_the_document() {
        let dir = Path::new("/notes/conf/atc-2022");
        assert_eq!(
            local_target(dir, "dvabatch.md"),
            Some(PathBuf::from("/notes/conf/atc-2022/dvabatch.md"))
        );
        assert_eq!(
            local_target(dir, "../sosp-2023/"),
            Some(PathBuf::from("/notes/conf/sosp-2023/README.md"))
        );
        assert_eq!(
            local_target(dir, "my%20note.md#top"),
            Some(PathBuf::from("/notes/conf/atc-2022/my note.md"))
        );
        assert_eq!(local_target(dir, "https://x.org/a.md"), None);
        assert_eq!(local_target(dir, "#anchor"), None);
    }
}
