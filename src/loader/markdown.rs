//! pulldown-cmark events → a small block tree with source lines.
//!
//! The tree is built with an explicit stack, never by recursion over the input, and nesting deeper than
//! [`MAX_DEPTH`] is folded into the deepest level, so hostile input cannot overflow the stack here or in
//! the passes that walk the tree afterwards.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::model::Style;

/// Lists and quotes nested deeper than this are folded into the level above.
pub const MAX_DEPTH: usize = 32;

/// An inline token of a paragraph, heading, table cell or list item's first paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Text(String, Style),
    LinkStart(String),
    LinkEnd,
    /// A soft line break; reads as a space in titles.
    Break,
    /// A hard line break or an inline `<br>`: reads as a space, but can end a title (authors may follow).
    LineBreak,
}

pub type Inlines = Vec<Tok>;

#[derive(Debug, Clone, PartialEq)]
pub enum MdBlock {
    Heading {
        level: u8,
        inl: Inlines,
        line: usize,
    },
    Para {
        inl: Inlines,
        line: usize,
    },
    List {
        ordered: bool,
        items: Vec<MdItem>,
    },
    Code {
        lang: String,
        text: String,
        line: usize,
    },
    Quote(Vec<MdBlock>),
    /// The header row first; each row with the line it starts on.
    Table {
        rows: Vec<Row>,
        line: usize,
    },
    /// Raw HTML between blocks (`<details>`, `<summary>Topic</summary>`, `</details>`).
    Html {
        text: String,
        line: usize,
    },
    Rule,
}

/// A table row: its line and its cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Inlines>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MdItem {
    pub line: usize,
    pub blocks: Vec<MdBlock>,
}

impl MdItem {
    /// The item's own first paragraph (empty when the item starts with something else).
    pub fn first_para(&self) -> &[Tok] {
        match self.blocks.first() {
            Some(MdBlock::Para { inl, .. }) => inl,
            _ => &[],
        }
    }

    /// The lists nested in this item, in order.
    pub fn sublists(&self) -> impl Iterator<Item = &[MdItem]> {
        self.blocks.iter().filter_map(|b| match b {
            MdBlock::List { items, .. } => Some(items.as_slice()),
            _ => None,
        })
    }
}

/// Maps byte offsets to 1-based line numbers. `\n`, `\r\n` and a lone `\r` each end a line.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// Blanks out GitBook template tags (`{% hint style="info" %}`) that stand alone on a line, keeping every
/// byte offset (and so every line number) where it was.
pub fn blank_template_tags(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("{%") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("{%") && t.ends_with("%}") {
            out.extend(line.chars().map(|c| match c {
                '\r' | '\n' => c,
                _ => ' ',
            }));
        } else {
            out.push_str(line);
        }
    }
    out.into()
}

enum Frame {
    Root(Vec<MdBlock>),
    Quote(Vec<MdBlock>),
    List {
        ordered: bool,
        items: Vec<MdItem>,
    },
    Item {
        item: MdItem,
        /// Inline content of a tight item, not yet closed into a paragraph.
        pending: Option<(usize, Inlines)>,
    },
    Heading {
        level: u8,
        line: usize,
        inl: Inlines,
    },
    Para {
        line: usize,
        inl: Inlines,
    },
    Code {
        lang: String,
        line: usize,
        text: String,
    },
    Table {
        line: usize,
        rows: Vec<Row>,
    },
    Cell(Inlines),
    Html {
        line: usize,
        text: String,
    },
}

struct Builder {
    stack: Vec<Frame>,
    style: [u32; 4],
    /// Depth of lists and quotes currently open (frames pushed).
    depth: usize,
    /// Lists, items and quotes opened beyond `MAX_DEPTH` and not pushed.
    folded: usize,
    /// Inside an image: its alt text is not kept.
    image: usize,
    /// Markdown links open (an HTML anchor inside one is not a link of its own).
    links: usize,
    /// An HTML anchor (`<a href="…">`) open as a link.
    anchor: bool,
}

impl Builder {
    fn style(&self) -> Style {
        Style {
            bold: self.style[0] > 0,
            italic: self.style[1] > 0,
            strike: self.style[2] > 0,
            code: false,
        }
    }

    /// The token list that inline content goes to, opening an implicit paragraph in a tight item.
    fn inlines(&mut self, line: usize) -> Option<&mut Inlines> {
        match self.stack.last_mut()? {
            Frame::Heading { inl, .. } | Frame::Para { inl, .. } | Frame::Cell(inl) => Some(inl),
            Frame::Item { pending, .. } => {
                Some(&mut pending.get_or_insert_with(|| (line, Vec::new())).1)
            }
            _ => None,
        }
    }

    /// An inline `<a href="…">` opens a link and `</a>` closes it, as a markdown link would.
    fn html_anchor(&mut self, html: &str, line: usize) {
        let t = html.trim();
        if t.len() >= 3 && t[..3].eq_ignore_ascii_case("</a") {
            self.close_anchor(line);
        } else if let Some(href) = anchor_href(t) {
            if self.links == 0 {
                self.close_anchor(line);
                self.push_tok(Tok::LinkStart(href), line);
                self.anchor = true;
            }
        }
    }

    fn close_anchor(&mut self, line: usize) {
        if std::mem::take(&mut self.anchor) {
            self.push_tok(Tok::LinkEnd, line);
        }
    }

    fn push_tok(&mut self, tok: Tok, line: usize) {
        if self.image > 0 {
            return;
        }
        if let Some(inl) = self.inlines(line) {
            // Merge adjacent text of one style, so callers see whole words.
            if let (Tok::Text(s, st), Some(Tok::Text(prev, pst))) = (&tok, inl.last_mut()) {
                if st == pst {
                    prev.push_str(s);
                    return;
                }
            }
            inl.push(tok);
        }
    }

    /// Adds a finished block to the innermost container.
    fn add_block(&mut self, block: MdBlock) {
        match self.stack.last_mut() {
            Some(Frame::Root(v)) | Some(Frame::Quote(v)) => v.push(block),
            Some(Frame::Item { item, pending }) => {
                if let Some((line, inl)) = pending.take() {
                    item.blocks.push(MdBlock::Para { inl, line });
                }
                item.blocks.push(block);
            }
            // A block inside something that holds only inlines (cannot happen with pulldown-cmark's
            // events); dropping it is safer than guessing.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, line: usize) {
        match tag {
            Tag::List(_) | Tag::Item | Tag::BlockQuote(_) if self.depth >= MAX_DEPTH => {
                self.folded += 1;
                if matches!(tag, Tag::Item) {
                    self.push_tok(Tok::Break, line);
                }
            }
            Tag::List(start) => {
                self.depth += 1;
                self.stack.push(Frame::List {
                    ordered: start.is_some(),
                    items: Vec::new(),
                })
            }
            Tag::Item => self.stack.push(Frame::Item {
                item: MdItem {
                    line,
                    blocks: Vec::new(),
                },
                pending: None,
            }),
            Tag::BlockQuote(_) => {
                self.depth += 1;
                self.stack.push(Frame::Quote(Vec::new()))
            }
            Tag::Heading { level, .. } => self.stack.push(Frame::Heading {
                level: level as u8,
                line,
                inl: Vec::new(),
            }),
            Tag::Paragraph => {
                // A paragraph inside a heading or cell cannot happen; inside a tight item's pending text it
                // closes that text first.
                if let Some(Frame::Item { item, pending }) = self.stack.last_mut() {
                    if let Some((l, inl)) = pending.take() {
                        item.blocks.push(MdBlock::Para { inl, line: l });
                    }
                }
                self.stack.push(Frame::Para {
                    line,
                    inl: Vec::new(),
                })
            }
            Tag::CodeBlock(kind) => self.stack.push(Frame::Code {
                lang: match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                },
                line,
                text: String::new(),
            }),
            Tag::Table(_) => self.stack.push(Frame::Table {
                line,
                rows: Vec::new(),
            }),
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(Row {
                        line,
                        cells: Vec::new(),
                    });
                }
            }
            Tag::HtmlBlock => self.stack.push(Frame::Html {
                line,
                text: String::new(),
            }),
            Tag::TableCell => self.stack.push(Frame::Cell(Vec::new())),
            Tag::Emphasis => self.style[1] += 1,
            Tag::Strong => self.style[0] += 1,
            Tag::Strikethrough => self.style[2] += 1,
            Tag::Link { dest_url, .. } => {
                self.close_anchor(line);
                self.links += 1;
                self.push_tok(Tok::LinkStart(dest_url.to_string()), line)
            }
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_) if self.folded > 0 => {
                self.folded -= 1;
            }
            TagEnd::List(_) => {
                if let Some(Frame::List { ordered, items }) = self.stack.pop() {
                    self.depth -= 1;
                    self.add_block(MdBlock::List { ordered, items });
                }
            }
            TagEnd::Item => {
                self.close_anchor(0);
                if let Some(Frame::Item { mut item, pending }) = self.stack.pop() {
                    if let Some((line, inl)) = pending {
                        item.blocks.push(MdBlock::Para { inl, line });
                    }
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(item);
                    }
                }
            }
            TagEnd::BlockQuote(_) => {
                if let Some(Frame::Quote(blocks)) = self.stack.pop() {
                    self.depth -= 1;
                    self.add_block(MdBlock::Quote(blocks));
                }
            }
            TagEnd::Heading(_) => {
                self.close_anchor(0);
                if let Some(Frame::Heading { level, line, inl }) = self.stack.pop() {
                    self.add_block(MdBlock::Heading { level, inl, line });
                }
            }
            TagEnd::Paragraph => {
                self.close_anchor(0);
                if let Some(Frame::Para { line, inl }) = self.stack.pop() {
                    self.add_block(MdBlock::Para { inl, line });
                }
            }
            TagEnd::CodeBlock => {
                if let Some(Frame::Code { lang, line, text }) = self.stack.pop() {
                    self.add_block(MdBlock::Code { lang, text, line });
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { line, rows }) = self.stack.pop() {
                    self.add_block(MdBlock::Table { rows, line });
                }
            }
            TagEnd::TableCell => {
                self.close_anchor(0);
                if let Some(Frame::Cell(inl)) = self.stack.pop() {
                    if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                        if let Some(row) = rows.last_mut() {
                            row.cells.push(inl);
                        }
                    }
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(Frame::Html { line, text }) = self.stack.pop() {
                    self.add_block(MdBlock::Html { text, line });
                }
            }
            TagEnd::Emphasis => self.style[1] = self.style[1].saturating_sub(1),
            TagEnd::Strong => self.style[0] = self.style[0].saturating_sub(1),
            TagEnd::Strikethrough => self.style[2] = self.style[2].saturating_sub(1),
            TagEnd::Link => {
                self.links = self.links.saturating_sub(1);
                self.push_tok(Tok::LinkEnd, 0)
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            _ => {}
        }
    }
}

/// Parses markdown into blocks. `text` must already be free of a byte-order mark.
pub fn parse(text: &str) -> Vec<MdBlock> {
    parse_document(text).0
}

/// Parses markdown into blocks, and hands over its YAML front matter (never part of the blocks).
pub fn parse_document(text: &str) -> (Vec<MdBlock>, Option<super::front_matter::Block>) {
    let lines = Lines::new(text);
    let cleaned = blank_template_tags(text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut front: Option<super::front_matter::Block> = None;
    let mut in_front = false;
    let mut b = Builder {
        stack: vec![Frame::Root(Vec::new())],
        style: [0; 4],
        depth: 0,
        folded: 0,
        image: 0,
        links: 0,
        anchor: false,
    };
    for (event, range) in Parser::new_ext(&cleaned, opts).into_offset_iter() {
        let line = lines.line_of(range.start);
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_front = true;
                front = Some(super::front_matter::Block {
                    line,
                    yaml: String::new(),
                });
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Text(t) if in_front => {
                if let Some(f) = front.as_mut() {
                    f.yaml.push_str(&t);
                }
            }
            Event::Start(tag) => b.start(tag, line),
            Event::End(tag) => b.end(tag),
            Event::Text(t) => {
                if let Some(Frame::Code { text, .. }) = b.stack.last_mut() {
                    text.push_str(&t);
                } else {
                    let st = b.style();
                    b.push_tok(Tok::Text(t.into_string(), st), line);
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let st = Style {
                    code: true,
                    ..b.style()
                };
                b.push_tok(Tok::Text(t.into_string(), st), line);
            }
            Event::SoftBreak => b.push_tok(Tok::Break, line),
            Event::Html(t) => {
                if let Some(Frame::Html { text, .. }) = b.stack.last_mut() {
                    text.push_str(&t);
                }
            }
            // `<br>` inside a paragraph ends a line: authors often follow a title there.
            Event::InlineHtml(t) if is_br(&t) => b.push_tok(Tok::LineBreak, line),
            Event::InlineHtml(t) => b.html_anchor(&t, line),
            Event::HardBreak => b.push_tok(Tok::LineBreak, line),
            Event::Rule => b.add_block(MdBlock::Rule),
            Event::TaskListMarker(done) => {
                let st = b.style();
                b.push_tok(Tok::Text(if done { "☑ " } else { "☐ " }.into(), st), line)
            }
            // HTML (GitBook's <figure>, comments) and footnote markers carry nothing to browse.
            _ => {}
        }
    }
    // Close anything left open (cannot happen with a well-behaved parser, but costs nothing).
    while b.stack.len() > 1 {
        match b.stack.last() {
            Some(Frame::List { .. }) => b.end(TagEnd::List(false)),
            Some(Frame::Item { .. }) => b.end(TagEnd::Item),
            Some(Frame::Quote(_)) => b.end(TagEnd::BlockQuote(None)),
            Some(Frame::Para { .. }) => b.end(TagEnd::Paragraph),
            Some(Frame::Code { .. }) => b.end(TagEnd::CodeBlock),
            Some(Frame::Table { .. }) => b.end(TagEnd::Table),
            Some(Frame::Cell(_)) => b.end(TagEnd::TableCell),
            Some(Frame::Html { .. }) => b.end(TagEnd::HtmlBlock),
            _ => {
                b.stack.pop();
            }
        }
    }
    let blocks = match b.stack.pop() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    };
    (blocks, front)
}

/// The text of inline tokens with white space collapsed (links read as their text).
pub fn plain(inl: &[Tok]) -> String {
    let mut s = String::new();
    for t in inl {
        match t {
            Tok::Text(t, _) => s.push_str(t),
            Tok::Break | Tok::LineBreak => s.push(' '),
            _ => {}
        }
    }
    collapse(&s)
}

/// The `href` of an opening `<a …>` tag (quoted with `"` or `'`), `&amp;` read as `&`.
fn anchor_href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    if !lower.starts_with("<a ") && !lower.starts_with("<a\t") && !lower.starts_with("<a\n") {
        return None;
    }
    let at = lower.find("href")?;
    let rest = tag[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(value[..end].replace("&amp;", "&"))
}

/// Is this inline HTML a line break (`<br>`, `<br/>`, `<br />`)?
fn is_br(html: &str) -> bool {
    let t = html.trim();
    let inner = t
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or("");
    inner
        .trim_end_matches('/')
        .trim()
        .eq_ignore_ascii_case("br")
}

/// Collapses runs of white space into one space and trims the ends.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Every link among the tokens, as (text, destination), in order.
pub fn links(inl: &[Tok]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, String)> = None;
    for t in inl {
        match t {
            Tok::LinkStart(d) => cur = Some((String::new(), d.clone())),
            Tok::LinkEnd => {
                if let Some((label, dest)) = cur.take() {
                    out.push((collapse(&label), dest));
                }
            }
            Tok::Text(s, _) => {
                if let Some((label, _)) = cur.as_mut() {
                    label.push_str(s);
                }
            }
            Tok::Break | Tok::LineBreak => {
                if let Some((label, _)) = cur.as_mut() {
                    label.push(' ');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_every_kind_of_line_end() {
        let l = Lines::new("a\nb\r\nc\rd");
        assert_eq!(l.line_of(0), 1);
        assert_eq!(l.line_of(2), 2);
        assert_eq!(l.line_of(5), 3);
        assert_eq!(l.line_of(7), 4);
    }

    #[test]
    fn template_tags_are_blanked_in_place() {
        let s = "a\n{% hint style=\"info\" %}\nb\n";
        let out = blank_template_tags(s);
        assert_eq!(out.len(), s.len());
        assert!(!out.contains("hint"));
        assert!(out.ends_with("\nb\n"));
    }

    #[test]
    fn tight_items_get_a_paragraph_and_sublists() {
        let blocks = parse("* one [x](http://a)\n  * two\n* three\n");
        let MdBlock::List { items, .. } = &blocks[0] else {
            panic!("expected a list, got {blocks:?}");
        };
        assert_eq!(items.len(), 2);
        assert_eq!(plain(items[0].first_para()), "one x");
        assert_eq!(items[0].line, 1);
        assert_eq!(items[0].sublists().count(), 1);
        assert_eq!(items[1].line, 3);
        assert_eq!(
            links(items[0].first_para()),
            vec![("x".into(), "http://a".into())]
        );
    }

    #[test]
    fn front_matter_is_handed_over_not_shown() {
        let md = "---\ndescription: >-\n  A short note.\n---\n\n# Title\n\nBody text.\n";
        let (blocks, front) = parse_document(md);
        let front = front.expect("front matter");
        assert_eq!(front.line, 1);
        assert_eq!(front.yaml, "description: >-\n  A short note.\n");
        assert!(matches!(
            &blocks[0],
            MdBlock::Heading {
                level: 1,
                line: 6,
                ..
            }
        ));
        assert_eq!(blocks.len(), 2);
        // A rule later in the file is a rule, not front matter.
        let (blocks, front) = parse_document("# T\n\n---\n\ntext\n\n---\n");
        assert!(front.is_none());
        assert!(blocks.contains(&MdBlock::Rule));
    }

    #[test]
    fn html_anchors_are_links() {
        let blocks = parse("* <a href=\"http://a.org/p?x=1&amp;y=2\">Owl Nets</a> and more\n");
        let MdBlock::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            links(items[0].first_para()),
            vec![("Owl Nets".into(), "http://a.org/p?x=1&y=2".into())]
        );
        // An anchor left open ends with its paragraph; a stray `</a>` is nothing.
        let blocks = parse("<a href='u'>open\n\n</a> text\n");
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn deep_nesting_is_folded_not_recursed() {
        let mut s = String::new();
        for i in 0..5000 {
            s.push_str(&" ".repeat(i * 2));
            s.push_str("* x\n");
        }
        let blocks = parse(&s);
        let mut depth = 0;
        let mut items: &[MdItem] = match &blocks[0] {
            MdBlock::List { items, .. } => items,
            _ => panic!("expected a list"),
        };
        while let Some(next) = items.first().and_then(|i| i.sublists().next()) {
            depth += 1;
            items = next;
        }
        assert!(depth < MAX_DEPTH, "depth {depth}");
    }
}
