//! pulldown-cmark events → a small block tree with source lines.
//!
//! The tree is built with an explicit stack, never by recursion over the input, and nesting deeper than
//! [`MAX_DEPTH`] is folded into the deepest level, so hostile input cannot overflow the stack here or in
//! the passes that walk the tree afterwards.

mod bare_url;
mod builder;

use std::borrow::Cow;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use smallvec::SmallVec;

use crate::model::{RichText, Span, Style};
use builder::{Builder, Frame};

/// Lists and quotes nested deeper than this are folded into the level above.
pub const MAX_DEPTH: usize = 32;

/// An inline token of a paragraph, heading, table cell or list item's first paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok<'a> {
    /// Borrowed from the file where pulldown-cmark hands the text over as it is written; owned where
    /// it was unescaped or joined.
    Text(Cow<'a, str>, Style),
    /// A link opens, with its address: borrowed from the file as [`Tok::Text`] is.
    LinkStart(Cow<'a, str>),
    LinkEnd,
    /// A soft line break; reads as a space in titles.
    Break,
    /// A hard line break or an inline `<br>`: reads as a space, but can end a title (authors may follow).
    LineBreak,
}

pub type Inlines<'a> = Vec<Tok<'a>>;

#[derive(Debug, Clone, PartialEq)]
pub enum MdBlock<'a> {
    Heading {
        level: u8,
        inl: Inlines<'a>,
        line: usize,
    },
    Para {
        inl: Inlines<'a>,
        line: usize,
    },
    List {
        ordered: bool,
        items: Vec<MdItem<'a>>,
    },
    Code {
        lang: String,
        text: String,
        line: usize,
    },
    Quote(Vec<MdBlock<'a>>),
    /// The header row first; each row with the line it starts on.
    Table {
        rows: Vec<Row<'a>>,
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
pub struct Row<'a> {
    pub line: usize,
    pub cells: Vec<Inlines<'a>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MdItem<'a> {
    pub line: usize,
    pub blocks: Vec<MdBlock<'a>>,
}

impl<'a> MdItem<'a> {
    /// The item's own first paragraph, or the heading it opens with (`- #### Title [[Paper](u)]`);
    /// empty when the item starts with something else.
    pub fn first_para(&self) -> &[Tok<'a>] {
        match self.blocks.first() {
            Some(MdBlock::Para { inl, .. }) | Some(MdBlock::Heading { inl, .. }) => inl,
            _ => &[],
        }
    }

    /// The lists nested in this item, in order.
    pub fn sublists(&self) -> impl Iterator<Item = &[MdItem<'a>]> {
        self.blocks.iter().filter_map(|b| match b {
            MdBlock::List { items, .. } => Some(items.as_slice()),
            _ => None,
        })
    }
}

/// Maps byte offsets to 1-based line numbers. `\n`, `\r\n` and a lone `\r` each end a line.
pub struct Lines {
    starts: Vec<usize>,
    /// The line last asked for (0-based): events come mostly in order, so the next offset is usually on
    /// it or the line after.
    last: std::cell::Cell<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // A line ends at `\n`, or at a `\r` not followed by one.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        Lines {
            starts,
            last: Default::default(),
        }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        let on = |l: usize| {
            self.starts.get(l).is_some_and(|&s| s <= offset)
                && self.starts.get(l + 1).is_none_or(|&next| offset < next)
        };
        let last = self.last.get();
        let line = if on(last) {
            last
        } else if on(last + 1) {
            last + 1
        } else {
            self.starts
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        self.last.set(line);
        line + 1
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

/// Parses markdown into blocks. `text` must already be free of a byte-order mark.
pub fn parse(text: &str) -> Vec<MdBlock<'_>> {
    parse_document(text).blocks
}

/// A file's blocks, its YAML front matter (never part of the blocks), and the line where lists or quotes
/// first nest deeper than [`MAX_DEPTH`] (folded into the level above), if they do.
pub struct ParsedDocument<'a> {
    pub blocks: Vec<MdBlock<'a>>,
    pub front: Option<super::front_matter::Block>,
    pub folded_at: Option<usize>,
}

/// The pulldown-cmark extensions the notes are read with (`examples/bare_parse` times a bare pass
/// with the same ones).
pub fn parser_options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    // Footnotes: a `[^1]` marker is no link and no title text, and a definition (`[^1]: Oral.`) is a
    // paragraph of its own, not a link reference whose address is its text.
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts
}

/// Parses markdown into blocks, and hands over its YAML front matter. The blocks' text borrows from
/// `text` where pulldown-cmark hands it over as written.
pub fn parse_document(text: &str) -> ParsedDocument<'_> {
    let lines = Lines::new(text);
    let opts = parser_options();
    match blank_template_tags(text) {
        Cow::Borrowed(text) => {
            let parser =
                Parser::new_with_broken_link_callback(text, opts, Some(undefined_reference))
                    .into_offset_iter();
            blocks(parser, text, &lines, |t| match t {
                CowStr::Borrowed(s) => Cow::Borrowed(s),
                t => Cow::Owned(t.into_string()),
            })
        }
        // Template tags blanked into a copy: nothing borrows from it.
        Cow::Owned(cleaned) => {
            let parser =
                Parser::new_with_broken_link_callback(&cleaned, opts, Some(undefined_reference))
                    .into_offset_iter();
            blocks(parser, &cleaned, &lines, |t| Cow::Owned(t.into_string()))
        }
    }
}

/// `[Title][ref]` and `[Title][]` whose reference is defined nowhere: a link without an address (its
/// text is the title, and `--check` says the link has no URL), not the text `[Title][ref]` with its
/// brackets. A lone `[text]` stays text: brackets are common in prose (`[WIP]`, `[1]`); so do two
/// bracketed pieces whose second names no reference but a date or venue (`[31st May, 2023][arXiv, 2023]`).
fn undefined_reference<'a>(link: BrokenLink<'a>) -> Option<(CowStr<'a>, CowStr<'a>)> {
    let label = &*link.reference;
    let named = !label.contains(',') && !super::title::has_year(label);
    (matches!(link.link_type, LinkType::Reference | LinkType::Collapsed) && named)
        .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
}

/// The blocks of pulldown-cmark's events; `text_of` keeps or copies each text it hands over.
fn blocks<'t, 'a>(
    parser: impl Iterator<Item = (Event<'t>, std::ops::Range<usize>)>,
    src: &str,
    lines: &Lines,
    text_of: impl Fn(CowStr<'t>) -> Cow<'a, str>,
) -> ParsedDocument<'a> {
    let mut front: Option<super::front_matter::Block> = None;
    let mut in_front = false;
    let mut b = Builder::new();
    for (event, range) in parser {
        let line = match event {
            // A nested item indented with a tab starts, for pulldown-cmark, in the white space before
            // it (on the line above, as Logseq writes its outlines): its line is its marker's.
            Event::Start(Tag::Item) => {
                let at = src.get(range.clone()).map_or(range.start, |s| {
                    range.start + (s.len() - s.trim_start().len())
                });
                lines.line_of(at)
            }
            _ => lines.line_of(range.start),
        };
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
            Event::Start(Tag::Link { dest_url, .. }) => b.start_link(text_of(dest_url), line),
            Event::Start(tag) => b.start(tag, line),
            Event::End(tag) => b.end(tag),
            Event::Text(t) => {
                if let Some(Frame::Code { text, .. }) = b.stack.last_mut() {
                    text.push_str(&t);
                } else {
                    let st = b.style();
                    b.push_tok(Tok::Text(text_of(t), st), line);
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let st = Style {
                    code: true,
                    ..b.style()
                };
                b.push_tok(Tok::Text(text_of(t), st), line);
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
                b.push_tok(
                    Tok::Text(Cow::Borrowed(if done { "☑ " } else { "☐ " }), st),
                    line,
                )
            }
            // HTML (GitBook's <figure>, comments) and footnote markers carry nothing to browse.
            _ => {}
        }
    }
    let folded_at = b.folded_at;
    ParsedDocument {
        blocks: b.finish(),
        front,
        folded_at,
    }
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
            Tok::LinkStart(d) => cur = Some((String::new(), d.to_string())),
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

/// Inline tokens → rich text, adjacent runs of one style and link merged, white space collapsed at
/// both ends as markdown does. Each span's text is allocated once, at its size.
pub fn rich(inl: &[Tok]) -> RichText {
    // The pieces of text in order, each with its style and whether it is a link's text.
    let mut pieces: SmallVec<[(&str, Style, bool); 8]> = SmallVec::with_capacity(inl.len());
    let mut link = false;
    for t in inl {
        match t {
            Tok::LinkStart(_) => link = true,
            Tok::LinkEnd => link = false,
            Tok::Text(s, st) => pieces.push((s, *st, link)),
            Tok::Break | Tok::LineBreak => pieces.push((" ", Style::default(), link)),
        }
    }
    // Runs: ranges of pieces of one style and link.
    let mut runs: SmallVec<[std::ops::Range<usize>; 4]> = SmallVec::new();
    for (i, p) in pieces.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if (pieces[r.start].1, pieces[r.start].2) == (p.1, p.2) => r.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    // The first run starts, and the last run ends, without white space.
    if let Some(first) = runs.first() {
        for p in &mut pieces[first.clone()] {
            p.0 = p.0.trim_start();
            if !p.0.is_empty() {
                break;
            }
        }
    }
    if let Some(last) = runs.last() {
        for p in pieces[last.clone()].iter_mut().rev() {
            p.0 = p.0.trim_end();
            if !p.0.is_empty() {
                break;
            }
        }
    }
    let lens: SmallVec<[usize; 4]> = (runs.iter())
        .map(|r| pieces[r.clone()].iter().map(|p| p.0.len()).sum())
        .collect();
    // Exactly as many spans as runs with text: the list is boxed without copying.
    let mut spans: Vec<Span> = Vec::with_capacity(lens.iter().filter(|&&n| n > 0).count());
    for (r, n) in runs.into_iter().zip(lens) {
        let run = &pieces[r];
        let Some(&(_, style, link)) = run.first().filter(|_| n > 0) else {
            continue;
        };
        let mut text = String::with_capacity(n);
        for p in run {
            text.push_str(p.0);
        }
        spans.push(Span {
            text: text.into_boxed_str(),
            style,
            link,
        });
    }
    RichText(spans.into_boxed_slice())
}

/// Helpers for the tests of the passes that read blocks.
#[cfg(test)]
pub mod tests_support {
    use super::{parse, MdBlock, Tok};

    /// The inline tokens of the first paragraph of `md`, or of its first list item.
    pub fn para(md: &str) -> Vec<Tok<'_>> {
        match &parse(md)[0] {
            MdBlock::Para { inl, .. } => inl.clone(),
            MdBlock::List { items, .. } => items[0].first_para().to_vec(),
            b => panic!("unexpected {b:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`rich`] as it was first written: runs grown token by token, trimmed by copying.
    fn rich_reference(inl: &[Tok]) -> RichText {
        let mut runs: Vec<(String, Style, bool)> = Vec::new();
        let mut link = false;
        for t in inl {
            let (text, style) = match t {
                Tok::LinkStart(_) => {
                    link = true;
                    continue;
                }
                Tok::LinkEnd => {
                    link = false;
                    continue;
                }
                Tok::Text(s, st) => (&**s, *st),
                Tok::Break | Tok::LineBreak => (" ", Default::default()),
            };
            match runs.last_mut() {
                Some((t, s, l)) if *s == style && *l == link => t.push_str(text),
                _ => runs.push((text.to_string(), style, link)),
            }
        }
        if let Some((first, ..)) = runs.first_mut() {
            *first = first.trim_start().to_string();
        }
        if let Some((last, ..)) = runs.last_mut() {
            *last = last.trim_end().to_string();
        }
        let spans: Vec<Span> = (runs.into_iter())
            .filter(|(t, ..)| !t.is_empty())
            .map(|(t, style, link)| Span {
                text: t.into_boxed_str(),
                style,
                link,
            })
            .collect();
        RichText(spans.into())
    }

    fn tok() -> impl proptest::strategy::Strategy<Value = Tok<'static>> {
        use proptest::prelude::*;
        prop_oneof![
            4 => ("[ a\\t\\n]{0,4}", any::<(bool, bool)>()).prop_map(|(s, (bold, code))| {
                Tok::Text(Cow::Owned(s), Style { bold, code, ..Default::default() })
            }),
            1 => Just(Tok::LinkStart("u".into())),
            1 => Just(Tok::LinkEnd),
            1 => Just(Tok::Break),
            1 => Just(Tok::LineBreak),
        ]
    }

    proptest::proptest! {
        /// Pieces of white space, letters, styles and links in any order make the same spans as the
        /// first way of building them.
        #[test]
        fn rich_text_is_the_runs_of_the_tokens_trimmed_at_both_ends(
            inl in proptest::collection::vec(tok(), 0..12)
        ) {
            proptest::prop_assert_eq!(rich(&inl), rich_reference(&inl));
        }
    }

    #[test]
    fn lines_count_every_kind_of_line_end() {
        let l = Lines::new("a\nb\r\nc\rd");
        assert_eq!(l.line_of(0), 1);
        assert_eq!(l.line_of(2), 2);
        assert_eq!(l.line_of(5), 3);
        assert_eq!(l.line_of(7), 4);
        // Back, forth and far, as the events of nested blocks ask.
        for (offset, line) in [
            (7, 4),
            (0, 1),
            (3, 2),
            (4, 2),
            (6, 3),
            (5, 3),
            (2, 2),
            (100, 4),
        ] {
            assert_eq!(l.line_of(offset), line, "offset {offset}");
        }
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
    fn text_borrows_from_the_file_unless_it_was_copied_or_joined() {
        let text = |blocks: &[MdBlock<'_>]| -> Vec<(String, bool)> {
            let mut out = Vec::new();
            for b in blocks {
                if let MdBlock::Para { inl, .. } = b {
                    for t in inl {
                        if let Tok::Text(s, _) = t {
                            out.push((s.to_string(), matches!(s, Cow::Borrowed(_))));
                        }
                    }
                }
            }
            out
        };
        // As written: borrowed. Joined across an escape: owned.
        let blocks = parse("plain words\n");
        assert_eq!(text(&blocks), [("plain words".to_string(), true)]);
        let blocks = parse("first\\*second\n");
        assert_eq!(text(&blocks), [("first*second".to_string(), false)]);
        // A file with a template tag is read from a blanked copy: owned, the same text and lines.
        let blocks = parse_document("{% hint %}\nplain words\n").blocks;
        assert_eq!(text(&blocks), [("plain words".to_string(), false)]);
        assert!(matches!(blocks[0], MdBlock::Para { line: 2, .. }));
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
        let ParsedDocument { blocks, front, .. } = parse_document(md);
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
        let ParsedDocument { blocks, front, .. } = parse_document("# T\n\n---\n\ntext\n\n---\n");
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

    /// The lists nested below the first list's first item, and the deepest item's text.
    fn deepest(s: &str) -> (usize, String) {
        let blocks = parse(s);
        let mut depth = 1;
        let mut items: &[MdItem] = match &blocks[0] {
            MdBlock::List { items, .. } => items,
            _ => panic!("expected a list"),
        };
        while let Some(next) = items.first().and_then(|i| i.sublists().next()) {
            depth += 1;
            items = next;
        }
        let text = items.first().map(|i| plain(i.first_para()));
        (depth, text.unwrap_or_default())
    }

    fn nested(levels: usize) -> String {
        (0..levels)
            .map(|i| format!("{}* L{i}\n", " ".repeat(i * 2)))
            .collect()
    }

    #[test]
    fn deep_nesting_is_folded_not_recursed() {
        let (depth, text) = deepest(&nested(5000));
        assert_eq!(depth, MAX_DEPTH);
        // What is deeper joins the deepest item kept, in order.
        assert!(text.starts_with("L31 L32 L33 "), "{text:.40}");
        assert!(text.ends_with(" L4999"));
    }

    #[test]
    fn nesting_up_to_the_limit_keeps_every_item() {
        for levels in [MAX_DEPTH - 1, MAX_DEPTH] {
            assert_eq!(
                deepest(&nested(levels)),
                (levels, format!("L{}", levels - 1)),
                "{levels}"
            );
        }
        assert_eq!(deepest(&nested(MAX_DEPTH + 1)).1, "L31 L32");
    }
}
