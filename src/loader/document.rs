//! Blocks of one markdown file → a `Document`: its title and kind, its sections and topics, its papers
//! and its meta.
//!
//! The walk keeps a stack of what encloses the current block: headings (sections), `<details>` blocks
//! with a `<summary>` (topics), and bold-only paragraphs (topics). A `Papers` heading opens the region
//! that holds papers in a document that has one: it runs over sibling headings of the same level until a
//! shallower heading or one such as `References`. What is a paper is decided by the entry shapes in
//! [`super::entry`]: list items ([`entry::list`]), table rows ([`entry::table`]) and headings followed by
//! `**Field:**` lines ([`entry::fields`]).

mod content;
mod frames;
mod paths;
mod survey;

use std::path::{Path, PathBuf};

use super::entry::{self, list, section, Head, Shape};
use super::markdown::{self, plain, rich, MdBlock, MdItem, Tok};
use super::reader::url_kind::is_paper_page;
use super::{Warning, WarningKind};
use crate::model::{Branch, DocKind, Document, Link, Meta, Node, Note, Paper, RichText, Span};
use frames::{attach, close_frames, topic_path, Frame, FrameKind, INNER};
pub use paths::{file_name_of, local_path, local_target, normalize};
use survey::{field_headings, is_meta_heading, is_papers_heading, names_papers, outside_links};

/// A file with this many outside links (and as many entries or paper links) and no paper is reported
/// (`--check`): its format is not read.
pub const UNREAD_LINKS: usize = 5;

/// Builds the document for `text` (already valid UTF-8). `path` is the file on disk, used to resolve and
/// check local links; `source` is how the document is named to the user.
pub fn build(source: &str, path: Option<&Path>, text: &str) -> (Document, Vec<Warning>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let markdown::ParsedDocument {
        blocks,
        front,
        folded_at,
    } = markdown::parse_document(text);
    let (description, front_warning) = super::front_matter::description(source, front.as_ref());
    let mut b = DocBuilder {
        source,
        dir: path.and_then(Path::parent).map(Path::to_path_buf),
        warnings: Vec::new(),
        papers: Vec::new(),
    };
    if let Some(line) = folded_at {
        b.warn(
            line,
            WarningKind::TooDeep {
                max: markdown::MAX_DEPTH,
            },
        );
    }

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
    let body: Vec<&MdBlock> = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title_idx)
        .map(|(_, blk)| blk)
        .collect();

    let walk = b.list_document(&body, has_papers_heading);
    let kind = if has_papers_heading || walk.list_evidence {
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
        id_bases: Default::default(),
    };
    match kind {
        DocKind::Page => {
            // The walk's papers and warnings were for a list; a page is read as prose. Nesting folded
            // by the parse is reported for a page as for a list.
            b.papers.clear();
            b.warnings
                .retain(|w| matches!(w.kind, WarningKind::TooDeep { .. }));
            doc.body = body.iter().filter_map(|blk| b.block(blk)).collect();
        }
        DocKind::List => {
            doc.tree = walk.tree;
            doc.meta = walk.meta;
            doc.papers = std::mem::take(&mut b.papers);
        }
    }
    if doc.papers.is_empty() {
        let (links, listy) = outside_links(&blocks);
        if links >= UNREAD_LINKS && listy {
            b.warn(0, WarningKind::Unrecognised { links });
        }
    }
    // The document was built among the parse's scratch (markdown blocks, text cut and joined): a copy
    // made once that scratch is freed lies packed in memory instead of between its holes, and its lists
    // hold no spare room (at 100,000 papers, 60 MB less resident for `--filter`, no slower).
    drop(body);
    drop(blocks);
    let doc = doc.clone();
    let mut warnings: Vec<Warning> = front_warning.into_iter().collect();
    warnings.append(&mut b.warnings);
    (doc, warnings)
}

/// What walking a list document gives.
struct Walk {
    tree: Vec<Node>,
    meta: Vec<Meta>,
    /// The document reads as a list of papers (see README, "The notes format": `kind`).
    list_evidence: bool,
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

    fn list_document(&mut self, blocks: &[&MdBlock], has_papers_heading: bool) -> Walk {
        let mut stack = vec![Frame::new(FrameKind::Root, 0, String::new(), 0)];
        let mut meta = Vec::new();
        let mut evidence = false;
        // The level of the `Papers` heading whose region we are in.
        let mut papers_level: Option<u8> = None;
        let field_heads = field_headings(blocks);
        let mut skip_to = 0;
        let mut folded_details = 0usize;
        for (i, blk) in blocks.iter().enumerate() {
            if i < skip_to {
                continue;
            }
            let allowed = !has_papers_heading || papers_level.is_some();
            let no_papers = stack.iter().any(|f| f.no_papers);
            match blk {
                MdBlock::Heading { level, inl, line } => {
                    let title = plain(inl);
                    if let Some(pl) = papers_level {
                        if *level < pl || (*level == pl && section::holds_no_papers(&title)) {
                            papers_level = None;
                        }
                    }
                    close_frames(&mut stack, *level);
                    if is_papers_heading(blk) {
                        // `## Meta Info` … `### Papers`: the papers are not part of the meta.
                        while stack.len() > 1
                            && stack.last().is_some_and(|f| is_meta_heading(&f.title))
                        {
                            if let Some(f) = stack.pop() {
                                attach(&mut stack, f);
                            }
                        }
                        papers_level = Some(*level);
                        continue;
                    }
                    if has_papers_heading
                        && papers_level.is_none()
                        && names_papers(&title)
                        && !stack.iter().any(|f| is_meta_heading(&f.title))
                    {
                        papers_level = Some(*level);
                    }
                    let allowed = !has_papers_heading || papers_level.is_some();
                    if field_heads.contains(&i) && allowed {
                        let end = blocks[i + 1..]
                            .iter()
                            .position(|b| matches!(b, MdBlock::Heading { .. }))
                            .map_or(blocks.len(), |p| i + 1 + p);
                        let topics = topic_path(&stack);
                        let node = self.field_paper(inl, *line, &blocks[i + 1..end], topics);
                        if let Some(top) = stack.last_mut() {
                            top.children.push(node);
                        }
                        evidence = true;
                        skip_to = end;
                        continue;
                    }
                    // A heading that links a paper's page but is read as no paper is said.
                    let no_papers =
                        stack.iter().any(|f| f.no_papers) || section::holds_no_papers(&title);
                    if allowed && !no_papers {
                        if let Some(url) = paper_page(inl) {
                            self.warn(*line, WarningKind::UnreadPaper { url });
                        }
                    }
                    stack.push(Frame::new(FrameKind::Section, *level, title, *line));
                }
                MdBlock::List { items, .. } => {
                    // `- **Title:** …` / `- **Paper:** u`: a note template's fields, one paper.
                    let templated = if allowed && !no_papers {
                        entry::title_line::field_list(items)
                    } else {
                        None
                    };
                    if let Some(head) = templated {
                        let line = items.first().map_or(0, |it| it.line);
                        self.lone_paper(&mut stack, head, line, &[]);
                        evidence = true;
                        continue;
                    }
                    let ctx = list::Ctx {
                        under_papers: papers_level.is_some(),
                        allowed,
                        no_papers,
                    };
                    let classes = list::classify(items, 0, &ctx);
                    if !no_papers && list_evidence(items, &classes) {
                        evidence = true;
                    }
                    let mut topics = topic_path(&stack);
                    // Where papers may be, an item that links a paper but is none is said (`--check`).
                    let watch = allowed && !no_papers;
                    let nodes = self.items(items, classes, &mut topics, watch);
                    if let Some(top) = stack.last_mut() {
                        top.children.extend(nodes);
                    }
                }
                MdBlock::Table { rows, .. } => {
                    if !allowed {
                        continue;
                    }
                    let topics: std::sync::Arc<[String]> = topic_path(&stack).into();
                    let read = entry::table::papers(rows);
                    // A table read as one paper (a template's fields) is read on its header's line.
                    let whole = read
                        .iter()
                        .any(|r| rows.first().is_some_and(|h| h.line == r.line));
                    if !no_papers && !whole {
                        // A row that links a paper's page but is read as nothing is said.
                        for row in rows.iter().skip(1) {
                            if read.iter().any(|r| r.line == row.line) {
                                continue;
                            }
                            if let Some(url) = row.cells.iter().find_map(|c| paper_page(c)) {
                                self.warn(row.line, WarningKind::UnreadPaper { url });
                            }
                        }
                    }
                    for row in read {
                        if no_papers && !row.head.paper_label {
                            continue;
                        }
                        evidence = true;
                        let mut notes = row.notes;
                        let node = self.paper_from(
                            row.head,
                            row.line,
                            topics.clone(),
                            &[],
                            &mut notes,
                            row.affiliations,
                        );
                        if let Some(top) = stack.last_mut() {
                            top.children.push(node);
                        }
                    }
                }
                MdBlock::Html { text, line } => {
                    // Papers written in HTML (`<li><a href=…>Title</a>`, `<td>`) are not read: said.
                    // The lead before any section describes the list itself (its survey's paper).
                    let lead = stack.len() == 1;
                    if allowed && !no_papers && !lead {
                        for (at, url) in html_paper_pages(text, *line) {
                            self.warn(at, WarningKind::UnreadPaper { url });
                        }
                    }
                    for w in section::wraps(text) {
                        match w {
                            section::Wrap::Open => {
                                // Nested deeper than lists may be, a `<details>` is folded into the
                                // one above it (so the stack, and every look at it, stays small).
                                let open = stack
                                    .iter()
                                    .filter(|f| f.kind == FrameKind::Details)
                                    .count();
                                if open >= markdown::MAX_DEPTH {
                                    folded_details += 1;
                                } else {
                                    stack.push(Frame::new(
                                        FrameKind::Details,
                                        INNER,
                                        String::new(),
                                        *line,
                                    ))
                                }
                            }
                            section::Wrap::Summary(t) => {
                                if let Some(f) = stack.last_mut() {
                                    if f.kind == FrameKind::Details && f.title.is_empty() {
                                        f.title = t;
                                        f.line = *line;
                                    }
                                }
                            }
                            section::Wrap::Close if folded_details > 0 => folded_details -= 1,
                            section::Wrap::Close => {
                                if stack.iter().any(|f| f.kind == FrameKind::Details) {
                                    while let Some(f) = stack.pop() {
                                        let done = f.kind == FrameKind::Details;
                                        attach(&mut stack, f);
                                        if done {
                                            break;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                MdBlock::Para { inl, line } => {
                    // Facts about the venue (`## Meta Info`) are not papers.
                    let in_meta = stack.iter().any(|f| is_meta_heading(&f.title));
                    let title_line = if allowed && !no_papers && !in_meta {
                        entry::title_line::recognise(inl, &blocks[i + 1..])
                    } else {
                        None
                    };
                    // `**Title:** …` / `**Link:** u`, a note template's; `Title` / `Paper: u`.
                    let para_entry = if title_line.is_none() && allowed && !no_papers && !in_meta {
                        entry::title_line::in_paragraph(inl).or_else(|| entry::paragraph(inl))
                    } else {
                        None
                    };
                    if let Some(head) = para_entry {
                        self.check_links(inl, *line);
                        self.lone_paper(&mut stack, head, *line, &[]);
                        evidence = true;
                    } else if let Some((head, used)) = title_line {
                        let below: Vec<MdBlock> = blocks[i + 1..i + 1 + used]
                            .iter()
                            .filter(|b| matches!(b, MdBlock::List { .. }))
                            .map(|b| (*b).clone())
                            .collect();
                        self.lone_paper(&mut stack, head, *line, &below);
                        evidence = true;
                        skip_to = i + 1 + used;
                    } else if let Some(t) = section::bold_only(inl) {
                        while stack.last().is_some_and(|f| f.kind == FrameKind::Bold) {
                            if let Some(f) = stack.pop() {
                                attach(&mut stack, f);
                            }
                        }
                        stack.push(Frame::new(FrameKind::Bold, INNER, t, *line));
                    } else if allowed
                        && !no_papers
                        && !in_meta
                        && stack.len() > 1
                        && !runs_into_link(inl)
                        && paper_page(inl).is_some()
                    {
                        // A paragraph in a section that links a paper's page but is read as no paper
                        // is said; the lead before any section describes the list itself.
                        if let Some(url) = paper_page(inl) {
                            self.warn(*line, WarningKind::UnreadPaper { url });
                        }
                        if papers_level.is_none() {
                            let section = stack.last().map(|f| f.title.clone()).unwrap_or_default();
                            meta.push(self.meta(inl, *line, &section));
                        }
                    } else if papers_level.is_none() {
                        let section = stack.last().map(|f| f.title.as_str()).unwrap_or("");
                        let section = section.to_string();
                        meta.push(self.meta(inl, *line, &section));
                    }
                }
                MdBlock::Quote(inner) => {
                    // `> [!paper] Title` over its fields: an Obsidian callout for one paper.
                    let callout = if allowed && !no_papers {
                        entry::title_line::callout(inner)
                    } else {
                        None
                    };
                    if let Some((head, line)) = callout {
                        self.lone_paper(&mut stack, head, line, &[]);
                        evidence = true;
                        continue;
                    }
                    // Lists in quotes count towards the kind (as they always have), but hold no papers.
                    for b in inner {
                        if let MdBlock::List { items, .. } = b {
                            let ctx = list::Ctx {
                                under_papers: false,
                                allowed: true,
                                no_papers,
                            };
                            if list_evidence(items, &list::classify(items, 0, &ctx)) {
                                evidence = true;
                            }
                        }
                    }
                }
                MdBlock::Code { .. } | MdBlock::Rule => {}
            }
        }
        close_frames(&mut stack, 1);
        while stack.len() > 1 {
            if let Some(f) = stack.pop() {
                attach(&mut stack, f);
            }
        }
        let root = stack.pop().map(|f| f.children).unwrap_or_default();
        Walk {
            tree: root,
            meta,
            list_evidence: evidence,
        }
    }

    /// `Homepage: <url>` → key `Homepage`; a paragraph under `### Acceptance Rate` → that key.
    fn meta(&mut self, inl: &[Tok], line: usize, section: &str) -> Meta {
        self.check_links(inl, line);
        if let Some(Tok::Text(first, style)) = inl.first() {
            if let Some((key, rest)) = first.split_once(':') {
                let key = key.trim();
                if !key.is_empty() && key.chars().count() <= 40 && !key.contains("://") {
                    let mut toks = vec![Tok::Text(rest.trim_start().to_string().into(), *style)];
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

    fn items(
        &mut self,
        items: &[MdItem],
        classes: Vec<list::Cls>,
        topics: &mut Vec<String>,
        watch: bool,
    ) -> Vec<Node> {
        let mut nodes = Vec::new();
        // One shared topic path for the papers of this list.
        let shared: std::sync::Arc<[String]> = topics.as_slice().into();
        for (it, c) in items.iter().zip(classes) {
            match c.kind {
                list::Kind::Paper => {
                    let head = match c.head {
                        Some(h) => *h,
                        None => unlinked_head(it.first_para()),
                    };
                    self.check_links(it.first_para(), it.line);
                    let mut notes = Vec::new();
                    nodes.push(self.paper_from(
                        head,
                        it.line,
                        shared.clone(),
                        &it.blocks[1.min(it.blocks.len())..],
                        &mut notes,
                        Vec::new(),
                    ));
                }
                list::Kind::Topic => {
                    let title = match c.head {
                        Some(h) => h.title,
                        None => entry::clean_title(&plain(it.first_para())).title,
                    };
                    topics.push(title.clone());
                    let mut children = Vec::new();
                    for (sub, subc) in it.sublists().zip(c.subs) {
                        children.extend(self.items(sub, subc, topics, watch));
                    }
                    topics.pop();
                    nodes.push(Node::Topic(Box::new(Branch {
                        title,
                        line: it.line,
                        children,
                    })));
                }
                list::Kind::Plain if watch => self.unread_paper(it, c.head.as_deref()),
                list::Kind::Plain => {}
            }
        }
        nodes
    }

    /// An item read as neither a paper nor a topic that links to one paper's page (`arxiv.org/abs/…`),
    /// or whose nested bullets do: a paper in a shape that is not read, which `--check` names, so that a
    /// file that loses some of its papers is not called fine. An entry judged to be something else
    /// (software, a course) is not.
    fn unread_paper(&mut self, it: &MdItem, head: Option<&Head>) {
        if head.is_some_and(|h| h.not_paper.is_some()) {
            return;
        }
        let inl = it.first_para();
        let own = paper_page(inl);
        // Prose citing a paper (`Compare with [Owl Nets](u) for the counting step.`) is no entry.
        if own.is_some() && head.is_none() && list::unshaped_links(inl, &plain(inl)) {
            return;
        }
        let found =
            own.or_else(|| (it.sublists().flatten()).find_map(|sub| paper_page(sub.first_para())));
        if let Some(url) = found {
            self.warn(it.line, WarningKind::UnreadPaper { url });
        }
    }

    /// A paper from its head, the blocks below its entry (nested bullets: affiliations, takeaways) and
    /// notes the shape found itself (table cells, fields). Returns its node.
    /// A paper that stands alone in the walk (a template's fields, a callout, a paragraph, a title
    /// line), read with the lists `below` it, added to the innermost frame.
    fn lone_paper(&mut self, stack: &mut [Frame], head: Head, line: usize, below: &[MdBlock]) {
        let topics = topic_path(stack);
        let node = self.paper_from(
            head,
            line,
            topics.into(),
            below,
            &mut Vec::new(),
            Vec::new(),
        );
        if let Some(top) = stack.last_mut() {
            top.children.push(node);
        }
    }

    fn paper_from(
        &mut self,
        mut head: Head,
        line: usize,
        topics: std::sync::Arc<[String]>,
        below: &[MdBlock],
        shape_notes: &mut Vec<Note>,
        mut affiliations: Vec<String>,
    ) -> Node {
        let links: Vec<Link> = head
            .links
            .into_iter()
            .map(|(label, url)| self.link(label, url))
            .collect();
        let title = if head.title.is_empty() {
            self.warn(line, WarningKind::NoTitle);
            "(untitled)".to_string()
        } else {
            head.title
        };
        let mut notes: Vec<Note> = Vec::new();
        if let Some(d) = head.description {
            notes.push(Note {
                text: RichText(Box::new([Span {
                    text: d.into(),
                    ..Default::default()
                }])),
                line,
                children: Box::default(),
            });
        }
        notes.append(shape_notes);
        let mut nested: Vec<Note> = below.iter().flat_map(|b| self.notes(b)).collect();
        if affiliations.is_empty() {
            if let Some((i, text)) = first_note(&nested) {
                match authors_note(&text) {
                    // A note of authors (`Ann Smith, Bo Li. ICML 2011`) is never an affiliation: it
                    // gives the paper's authors and venue where its entry did not, else it stays a note.
                    Some((who, venue)) => {
                        if head.authors.is_none() {
                            head.authors = Some(who);
                            head.venue = head.venue.or(venue);
                            nested.remove(i);
                        }
                    }
                    None => {
                        let named = institutions(&text);
                        if !named.is_empty() {
                            affiliations = named;
                            nested.remove(i);
                        }
                    }
                }
            }
        }
        notes.extend(nested);
        if let Some(a) = head.affiliation {
            affiliations.push(a);
        }
        let index = self.papers.len();
        self.papers.push(Paper {
            id: Box::default(),
            title: title.into(),
            venue: head
                .venue
                .and_then(super::title::tidy_venue)
                .map(String::into_boxed_str),
            authors: head.authors.map(String::into_boxed_str),
            topics,
            line,
            links: links.into(),
            affiliations: affiliations
                .into_iter()
                .map(String::into_boxed_str)
                .collect(),
            takeaways: notes.into(),
            shape: head.shape,
        });
        Node::Paper { index }
    }

    /// A heading that introduces one paper, with the blocks up to the next heading.
    fn field_paper(
        &mut self,
        heading: &[Tok],
        line: usize,
        blocks: &[&MdBlock],
        topics: Vec<String>,
    ) -> Node {
        for b in blocks {
            if let MdBlock::List { items, .. } = b {
                for it in items {
                    self.check_links(it.first_para(), it.line);
                }
            }
        }
        let (head, affiliations, mut notes) = entry::fields::paper(heading, blocks);
        self.paper_from(head, line, topics.into(), &[], &mut notes, affiliations)
    }
}

/// The first link of `inl` to one paper's page (`arxiv.org/abs/…`, a DOI), if any.
fn paper_page(inl: &[Tok]) -> Option<String> {
    if !inl.iter().any(|t| matches!(t, Tok::LinkStart(_))) {
        return None;
    }
    (markdown::links(inl).into_iter())
        .map(|(_, url)| url)
        .find(|u| is_paper_page(u))
}

/// A sentence that runs into its first link (`See the [paper](u) for …`): prose citing a paper, not
/// an entry naming one. The words before the link end in lowercase, and so does the link's text begin.
fn runs_into_link(inl: &[Tok]) -> bool {
    let mut before = None;
    let mut in_link = false;
    for t in inl {
        match t {
            Tok::LinkStart(_) => in_link = true,
            Tok::Text(s, _) if in_link => {
                let lower = |c: Option<char>| c.is_some_and(char::is_lowercase);
                return lower(before) && lower(s.trim_start().chars().next());
            }
            Tok::Text(s, _) => before = s.trim_end().chars().last().or(before),
            _ => {}
        }
    }
    false
}

/// The lines of a raw HTML block (starting at `line`) that link one paper's page (`<a
/// href="https://arxiv.org/abs/…">Title</a>`), each with its first such link. A link around an image only
/// (a badge) is decoration.
fn html_paper_pages(text: &str, line: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if !text.contains("href") && !text.contains("HREF") {
        return out;
    }
    for (n, l) in text.lines().enumerate() {
        let found = (l.split("href").skip(1))
            .chain(l.split("HREF").skip(1))
            .find_map(|rest| {
                let rest = rest.trim_start().strip_prefix('=')?.trim_start();
                let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
                let (url, tail) = rest.strip_prefix(quote)?.split_once(quote)?;
                let url = url.replace("&amp;", "&");
                let content = tail.split_once('>').map_or("", |(_, c)| c).trim_start();
                let badge = content
                    .get(..4)
                    .is_some_and(|t| t.eq_ignore_ascii_case("<img"));
                (!badge && is_paper_page(&url)).then_some(url)
            });
        if let Some(url) = found {
            out.push((line + n, url));
        }
    }
    out
}

/// The head of a link-less paper: a bold title's text, else the whole first paragraph, cleaned.
fn unlinked_head(inl: &[Tok]) -> Head {
    let segs = entry::inline::segments(inl);
    let mut head =
        entry::bold_title::recognise(&segs).unwrap_or_else(|| entry::clean_title(&plain(inl)));
    head.shape = Shape::Unlinked;
    // Links it may have that made no shape (a venue's `([SoCC 2023](…))`) are still its links.
    head.links = entry::link_group::links(&segs);
    head
}

/// Does this list make the document a list of papers? A top-level item with a shape that carries links,
/// or an item one level down with a link group. Readings cited in full count when they are most of the
/// list (a bibliography): a note's few citations among its other links are its references.
fn list_evidence(items: &[MdItem], classes: &[list::Cls]) -> bool {
    let linked = |h: &Option<Box<Head>>| {
        h.as_ref()
            .is_some_and(|h| h.not_paper.is_none() && h.is_linked())
    };
    let cited = |h: &Option<Box<Head>>| h.as_ref().is_some_and(|h| h.shape == Shape::Citation);
    let bibliography = || {
        let n = classes
            .iter()
            .filter(|c| linked(&c.head) && cited(&c.head))
            .count();
        2 * n > items.len()
    };
    items.iter().zip(classes).any(|(it, c)| {
        (linked(&c.head) && (!cited(&c.head) || bibliography()))
            || it.sublists().zip(&c.subs).any(|(_, sc)| {
                sc.iter().any(|s| {
                    linked(&s.head)
                        && s.head.as_ref().is_some_and(|h| {
                            matches!(
                                h.shape,
                                Shape::LinkGroup | Shape::BoldTitle | Shape::TitleLine
                            )
                        })
                })
            })
    })
}

/// Words that make a short note a label a venue gives a paper, not an affiliation.
const LABELS: [&str; 12] = [
    "track",
    "award",
    "best paper",
    "nominee",
    "honorable mention",
    "distinguished",
    "oral",
    "spotlight",
    "poster",
    "artifact",
    "short paper",
    "demo",
];

/// Labels a venue gives a paper (`Industry Track`, `Best Paper Award`): notes, never affiliations.
fn is_label(text: &str) -> bool {
    if text.is_ascii() {
        // The usual case, read for a nested note of every paper: searched in place, case aside.
        static ASCII: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
            std::sync::LazyLock::new(|| {
                (aho_corasick::AhoCorasick::builder())
                    .ascii_case_insensitive(true)
                    .build(LABELS)
                    .ok()
            });
        if let Some(ac) = ASCII.as_ref() {
            return ac.is_match(text);
        }
    }
    let t = text.to_lowercase();
    LABELS.iter().any(|w| t.contains(w))
}

/// The first nested note that may say who wrote a paper or where they work: one without children,
/// passing over bare URLs and labels such as `Industry Track`; with its text.
fn first_note(notes: &[Note]) -> Option<(usize, String)> {
    for (i, n) in notes.iter().enumerate() {
        let text = n.text.plain();
        if entry::inline::looks_like_url(&text) || (is_label(&text) && n.children.is_empty()) {
            continue;
        }
        return n.children.is_empty().then_some((i, text));
    }
    None
}

pub use super::reader::{authors_note, institutions};

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Labels are found in ASCII text, case aside, as in its lowercased copy.
        #[test]
        fn labels_are_found_case_blind(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "Track", "AWARD", "best paper", "Best  Paper", "nomine", "Oral", "sPoTlight",
                    "poster", "artifacts", "short Paper", "demo", "moral", "x", " ", "&", "Ho",
                    "norable mention", "Distinguished", "é", "\u{212A}",
                ]),
                0..6,
            )
        ) {
            let text: String = pieces.concat();
            let lowered = text.to_lowercase();
            let reference = super::LABELS.iter().any(|w| lowered.contains(w));
            prop_assert_eq!(super::is_label(&text), reference);
        }
    }
}
