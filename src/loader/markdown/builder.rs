//! The block tree built from pulldown-cmark's events: an explicit stack of open frames (never recursion
//! over the input), nesting beyond [`MAX_DEPTH`] folded into the deepest level.

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, Tag, TagEnd};

use super::bare_url::linkify;
use super::{Inlines, MdBlock, MdItem, Row, Tok, MAX_DEPTH};

/// Inlines with their bare URLs made links.
fn linked(mut inl: Inlines<'_>) -> Inlines<'_> {
    linkify(&mut inl);
    inl
}
use crate::model::Style;

pub(super) enum Frame<'a> {
    Root(Vec<MdBlock<'a>>),
    Quote(Vec<MdBlock<'a>>),
    List {
        ordered: bool,
        items: Vec<MdItem<'a>>,
    },
    Item {
        item: MdItem<'a>,
        /// Inline content of a tight item, not yet closed into a paragraph.
        pending: Option<(usize, Inlines<'a>)>,
    },
    Heading {
        level: u8,
        line: usize,
        inl: Inlines<'a>,
    },
    Para {
        line: usize,
        inl: Inlines<'a>,
    },
    Code {
        lang: String,
        line: usize,
        text: String,
    },
    Table {
        line: usize,
        rows: Vec<Row<'a>>,
    },
    Cell(Inlines<'a>),
    Html {
        line: usize,
        text: String,
    },
}

pub(super) struct Builder<'a> {
    pub(super) stack: Vec<Frame<'a>>,
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
    /// The line where nesting was first folded.
    pub(super) folded_at: Option<usize>,
}

impl<'a> Builder<'a> {
    pub(super) fn new() -> Self {
        Builder {
            stack: vec![Frame::Root(Vec::new())],
            style: [0; 4],
            depth: 0,
            folded: 0,
            image: 0,
            links: 0,
            anchor: false,
            folded_at: None,
        }
    }

    /// The blocks built, anything left open closed first.
    pub(super) fn finish(mut self) -> Vec<MdBlock<'a>> {
        // Close anything left open (cannot happen with a well-behaved parser, but costs nothing).
        while self.stack.len() > 1 {
            match self.stack.last() {
                Some(Frame::List { .. }) => self.end(TagEnd::List(false)),
                Some(Frame::Item { .. }) => self.end(TagEnd::Item),
                Some(Frame::Quote(_)) => self.end(TagEnd::BlockQuote(None)),
                Some(Frame::Para { .. }) => self.end(TagEnd::Paragraph),
                Some(Frame::Code { .. }) => self.end(TagEnd::CodeBlock),
                Some(Frame::Table { .. }) => self.end(TagEnd::Table),
                Some(Frame::Cell(_)) => self.end(TagEnd::TableCell),
                Some(Frame::Html { .. }) => self.end(TagEnd::HtmlBlock),
                _ => {
                    self.stack.pop();
                }
            }
        }
        match self.stack.pop() {
            Some(Frame::Root(blocks)) => blocks,
            _ => Vec::new(),
        }
    }

    pub(super) fn style(&self) -> Style {
        Style {
            bold: self.style[0] > 0,
            italic: self.style[1] > 0,
            strike: self.style[2] > 0,
            code: false,
        }
    }

    /// The token list that inline content goes to, opening an implicit paragraph in a tight item.
    pub(super) fn inlines(&mut self, line: usize) -> Option<&mut Inlines<'a>> {
        match self.stack.last_mut()? {
            Frame::Heading { inl, .. } | Frame::Para { inl, .. } | Frame::Cell(inl) => Some(inl),
            Frame::Item { pending, .. } => {
                Some(&mut pending.get_or_insert_with(|| (line, Vec::new())).1)
            }
            _ => None,
        }
    }

    /// An inline `<a href="…">` opens a link and `</a>` closes it, as a markdown link would.
    pub(super) fn html_anchor(&mut self, html: &str, line: usize) {
        let t = html.trim();
        if t.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("</a")) {
            self.close_anchor(line);
        } else if let Some(href) = anchor_href(t) {
            if self.links == 0 {
                self.close_anchor(line);
                self.push_tok(Tok::LinkStart(href.into()), line);
                self.anchor = true;
            }
        }
    }

    pub(super) fn close_anchor(&mut self, line: usize) {
        if std::mem::take(&mut self.anchor) {
            self.push_tok(Tok::LinkEnd, line);
        }
    }

    pub(super) fn push_tok(&mut self, tok: Tok<'a>, line: usize) {
        if self.image > 0 {
            return;
        }
        if let Some(inl) = self.inlines(line) {
            // Merge adjacent text of one style, so callers see whole words.
            if let (Tok::Text(s, st), Some(Tok::Text(prev, pst))) = (&tok, inl.last_mut()) {
                if st == pst {
                    prev.to_mut().push_str(s);
                    return;
                }
            }
            inl.push(tok);
        }
    }

    /// Adds a finished block to the innermost container.
    pub(super) fn add_block(&mut self, block: MdBlock<'a>) {
        match self.stack.last_mut() {
            Some(Frame::Root(v)) | Some(Frame::Quote(v)) => v.push(block),
            Some(Frame::Item { item, pending }) => {
                if let Some((line, inl)) = pending.take() {
                    item.blocks.push(MdBlock::Para {
                        inl: linked(inl),
                        line,
                    });
                }
                item.blocks.push(block);
            }
            // A block inside something that holds only inlines (cannot happen with pulldown-cmark's
            // events); dropping it is safer than guessing.
            _ => {}
        }
    }

    pub(super) fn start(&mut self, tag: Tag, line: usize) {
        match tag {
            Tag::List(_) | Tag::BlockQuote(_) if self.depth >= MAX_DEPTH => {
                self.folded += 1;
                self.folded_at.get_or_insert(line);
            }
            // An item of a folded list (its list frame was not pushed): its text joins the deepest
            // item's. An item of the deepest list kept is kept.
            Tag::Item if !matches!(self.stack.last(), Some(Frame::List { .. })) => {
                self.folded += 1;
                self.push_tok(Tok::Break, line);
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
                        item.blocks.push(MdBlock::Para {
                            inl: linked(inl),
                            line: l,
                        });
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
                // Reached only from a caller that does not hand links to `start_link`.
                self.start_link(Cow::Owned(dest_url.into_string()), line)
            }
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
    }

    /// A markdown link opens, to `dest`.
    pub(super) fn start_link(&mut self, dest: Cow<'a, str>, line: usize) {
        self.close_anchor(line);
        self.links += 1;
        self.push_tok(Tok::LinkStart(dest), line)
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
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
                        item.blocks.push(MdBlock::Para {
                            inl: linked(inl),
                            line,
                        });
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
                    self.add_block(MdBlock::Heading {
                        level,
                        inl: linked(inl),
                        line,
                    });
                }
            }
            TagEnd::Paragraph => {
                self.close_anchor(0);
                if let Some(Frame::Para { line, inl }) = self.stack.pop() {
                    self.add_block(MdBlock::Para {
                        inl: linked(inl),
                        line,
                    });
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
                            row.cells.push(linked(inl));
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

/// The `href` of an opening `<a …>` tag (quoted with `"` or `'`), `&amp;` read as `&`.
fn anchor_href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    if !lower.starts_with("<a ") && !lower.starts_with("<a\t") && !lower.starts_with("<a\n") {
        return None;
    }
    // ASCII lower-casing keeps every byte where it was: `at` is an offset of `tag` too.
    let at = lower.find("href")?;
    let rest = tag
        .get(at + 4..)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let value = rest.strip_prefix(['"', '\''])?;
    let quote = if rest.starts_with('"') { '"' } else { '\'' };
    let (value, _) = value.split_once(quote)?;
    Some(value.replace("&amp;", "&"))
}
