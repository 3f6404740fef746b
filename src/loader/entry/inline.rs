//! A paragraph's inline tokens seen as an entry sees them: runs of text and whole links, with badges
//! (links whose only content was an image) told apart; and the small judgements every shape shares:
//! is this link text a label (`pdf`, `Code`) or a title, is this text a decoration (an emoji, a `[Tag]`,
//! a `(*NeurIPS'23*)` venue tag).

use super::super::markdown::{collapse, Tok};
use super::super::title::is_outside;
use crate::model::Style;

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg<'a> {
    Text(&'a str, Style),
    /// A soft break (a space) or a hard one (`<br>`: `hard` is true).
    Break {
        hard: bool,
    },
    Link(LinkSeg<'a>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LinkSeg<'a> {
    /// The link's text, white space collapsed (empty for a badge); borrowed when it is one plain run.
    pub text: std::borrow::Cow<'a, str>,
    pub url: &'a str,
    /// The style of the link's first text (a `**[Title](u)**` link is bold).
    pub style: Style,
}

impl LinkSeg<'_> {
    /// A link whose content was only an image (`[![Star](img)](u)`): decoration, never a link or a title.
    pub fn is_badge(&self) -> bool {
        self.text.is_empty()
    }

    /// The label as a person reads it: the text without surrounding brackets (`[Paper]` → `Paper`).
    pub fn label(&self) -> String {
        unbracket(&self.text).to_string()
    }

    /// A URL written as itself (`https://…` in text, `<https://…>`): its text is its address.
    pub fn is_bare_url(&self) -> bool {
        self.text == self.url && looks_like_url(self.url)
    }

    /// A link whose text is only emoji (`[📄](u)`, `[🐙](u)`), or their GitHub shortcodes
    /// (`[:page_facing_up:](u)`, `[:octocat:](u)`): a marker standing for a label.
    pub fn is_emoji_only(&self) -> bool {
        let emoji = |w: &str| w.chars().all(|c| is_emoji(c) || c.is_whitespace());
        !self.text.is_empty()
            && (emoji(&self.text)
                || (self.text.starts_with(':')
                    && (self.text.split_whitespace()).all(|w| is_shortcode(w) || emoji(w))))
    }

    /// `[[Paper]](u)` or `[\[pdf\]](u)`: the label itself is written in brackets.
    pub fn is_bracketed(&self) -> bool {
        self.text.starts_with('[') && self.text.ends_with(']')
    }
}

/// Removes one pair of surrounding brackets.
pub fn unbracket(s: &str) -> &str {
    let t = s.trim();
    t.strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .map(str::trim)
        .unwrap_or(t)
}

/// Splits tokens into segments; the text inside a link becomes the link's text.
pub fn segments<'s>(inl: &'s [Tok]) -> Vec<Seg<'s>> {
    let mut out = Vec::new();
    // The link being read: its URL, where its tokens start, and the style of its first text.
    let mut link: Option<(&str, usize, Option<Style>)> = None;
    for (i, t) in inl.iter().enumerate() {
        match t {
            Tok::LinkStart(url) => {
                // A link inside a link cannot happen in CommonMark; keep the outer one.
                if link.is_none() {
                    link = Some((url, i + 1, None));
                }
            }
            Tok::LinkEnd => {
                if let Some((url, start, style)) = link.take() {
                    out.push(Seg::Link(LinkSeg {
                        text: link_text(&inl[start..i]),
                        url,
                        style: style.unwrap_or_default(),
                    }));
                }
            }
            Tok::Text(s, st) => match link.as_mut() {
                Some((_, _, style)) => {
                    if style.is_none() && !s.trim().is_empty() {
                        *style = Some(*st);
                    }
                }
                None => out.push(Seg::Text(s, *st)),
            },
            Tok::Break | Tok::LineBreak => {
                if link.is_none() {
                    out.push(Seg::Break {
                        hard: matches!(t, Tok::LineBreak),
                    })
                }
            }
        }
    }
    if let Some((url, start, style)) = link {
        out.push(Seg::Link(LinkSeg {
            text: link_text(&inl[start..]),
            url,
            style: style.unwrap_or_default(),
        }));
    }
    out
}

/// The text of a link's tokens, white space collapsed: borrowed when it is one tidy run of text (most
/// links), built otherwise.
fn link_text<'s>(toks: &'s [Tok]) -> std::borrow::Cow<'s, str> {
    if let [Tok::Text(s, _)] = toks {
        let tidy = s.trim() == s && !s.contains("  ") && !s.contains(['\n', '\t', '\r']);
        if tidy {
            return std::borrow::Cow::Borrowed(&**s);
        }
    }
    let mut text = String::new();
    for t in toks {
        match t {
            Tok::Text(s, _) => text.push_str(s),
            Tok::Break | Tok::LineBreak => text.push(' '),
            // A link inside a link: its text counts, its markers do not.
            Tok::LinkStart(_) | Tok::LinkEnd => {}
        }
    }
    std::borrow::Cow::Owned(collapse(&text))
}

/// Does the paragraph hold any link (a cheap test before the shapes are tried)?
pub fn has_link(inl: &[Tok]) -> bool {
    inl.iter().any(|t| matches!(t, Tok::LinkStart(_)))
}

/// The text of segments, links read as their text, white space collapsed.
pub fn text_of(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Text(t, _) => s.push_str(t),
            Seg::Break { .. } => s.push(' '),
            Seg::Link(l) => s.push_str(&l.text),
        }
    }
    collapse(&s)
}

pub use super::super::reader::kind::{is_link_label, is_paper_label};

/// Does `text` read as a URL rather than words (a bare URL bullet, `<https://…>`)?
pub fn looks_like_url(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

pub use super::super::reader::is_emoji;

/// Emoji that mark an entry as new or notable (🔥 ⭐ ✨), dropped at the end of a title too; other
/// emoji at the end are part of it.
pub fn is_marker(c: char) -> bool {
    matches!(
        c,
        '🔥' | '⭐'
            | '🌟'
            | '✨'
            | '🆕'
            | '❗'
            | '💡'
            | '📌'
            | '🏆'
            | '👍'
            | '✅'
            | '🚀'
            | '💥'
            | '\u{fe0f}'
    )
}

/// What a decoration in front of a title says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lead {
    /// A leading venue tag: `(*NeurIPS'23*)`, `[ICLR 2024]`.
    pub venue: Option<String>,
    /// A leading kind tag that says the entry is not a paper: `[Video]`, `[Blog]`.
    pub not_paper: Option<String>,
}

/// Kinds of entries a leading `[Tag]` can announce that are not papers.
const NOT_PAPER_TAGS: &[&str] = &[
    "video",
    "videos",
    "blog",
    "blog post",
    "talk",
    "tutorial",
    "course",
    "lecture",
    "book",
    "podcast",
    "slides",
    "code",
    "tool",
    "software",
    "library",
    "website",
    "repo",
    "news",
    "leaderboard",
    "leaderboards",
];

/// What kind of paper an entry is, written as a tag beside its title (`(Survey)`, `[Benchmark]`,
/// `` `Position` ``): never title text, and no venue.
const PAPER_KIND_TAGS: &[&str] = &[
    "survey",
    "review",
    "overview",
    "benchmark",
    "position",
    "position paper",
    "perspective",
    "short paper",
];

/// Is `tag` (without its brackets) a tag naming what kind of paper an entry is?
pub fn paper_kind_tag(tag: &str) -> bool {
    let t = tag.trim();
    t.len() <= 14 && PAPER_KIND_TAGS.iter().any(|k| k.eq_ignore_ascii_case(t))
}

/// How much a reading list asks of a reading, marked before its title (`(Optional)`, `(Required)`).
fn reading_mark(tag: &str) -> bool {
    let t = tag.trim();
    t.len() <= 12
        && [
            "optional",
            "required",
            "recommended",
            "must read",
            "must-read",
            "background",
            "advanced",
            "classic",
        ]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(t))
}

/// `Title (Survey)`, `Title [Survey]`: a kind tag in brackets ending the title; what stands before it.
pub fn strip_kind_tail(t: &str) -> Option<&str> {
    let (open, body) = match t.strip_suffix(')') {
        Some(body) => ('(', body),
        None => ('[', t.strip_suffix(']')?),
    };
    let (before, tag) = body.rsplit_once(open)?;
    let before = before.trim_end();
    (paper_kind_tag(tag) && !before.is_empty()).then_some(before)
}

/// `[A Title]` and nothing else: the bracketed text, which is the title and not a tag before one (a
/// venue or a not-paper tag alone stays a tag).
pub fn bracketed_title(raw: &str) -> Option<&str> {
    let inner = raw.trim().strip_prefix('[')?.strip_suffix(']')?;
    let inner = inner.trim();
    let tag = super::super::title::is_venue(inner)
        || NOT_PAPER_TAGS.contains(&inner.to_lowercase().as_str());
    (!inner.is_empty() && !inner.contains(['[', ']']) && !tag).then_some(inner)
}

/// Strips decorations from the start of a title: emoji, badges are already gone, `[Tag]`s, `(Venue)` tags,
/// and returns what they said. `text` is the text before the title proper.
pub fn strip_lead(text: &str) -> (&str, Lead) {
    let mut lead = Lead::default();
    let mut t = text.trim_start();
    loop {
        let before = t;
        t = t.trim_start_matches(|c: char| is_emoji(c) || c.is_whitespace());
        // `:star: Title`: a shortcode emoji.
        if let Some(after) = strip_shortcode_start(t) {
            t = after;
            continue;
        }
        // `TODO Title`, `DONE Title`: a task's state (org-mode, todo lists).
        if let Some(after) = strip_status(t) {
            t = after;
            continue;
        }
        // `论文：Title`, `Paper: Title`: a field's name before the title it gives.
        if let Some(after) = strip_title_field(t) {
            t = after;
            continue;
        }
        // `Paper · [Title](u)`, `Dataset | [Name](u)`: what the entry is, set apart as a `[Tag]` is.
        if let Some((tag, after)) = separated_kind(t) {
            if not_paper_kind(tag) {
                lead.not_paper.get_or_insert_with(|| tag.to_string());
            }
            t = after;
            continue;
        }
        // `[ICLR 2024]`, or in full-width brackets `【ICLR 2024】`.
        let bracketed = t
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .or_else(|| t.strip_prefix('【').and_then(|r| r.split_once('】')));
        if let Some((tag, after)) = bracketed {
            let tag = tag.trim();
            if !tag.is_empty() && tag.chars().count() <= 40 {
                if super::super::title::is_venue(tag) {
                    lead.venue.get_or_insert_with(|| collapse(tag));
                } else if NOT_PAPER_TAGS.contains(&tag.to_lowercase().as_str()) {
                    lead.not_paper.get_or_insert_with(|| tag.to_string());
                }
                t = after;
            }
        } else if let Some((tag, after)) = t.strip_prefix('(').and_then(|r| r.split_once(')')) {
            let tag = tag.trim();
            if !tag.is_empty() && tag.chars().count() <= 40 && super::super::title::is_venue(tag) {
                lead.venue.get_or_insert_with(|| collapse(tag));
                t = after;
            } else if paper_kind_tag(tag) || reading_mark(tag) {
                // `(Survey) Title`: what kind of paper it is, a tag; `(Optional) Title`: how much a
                // reading list asks of it, a status tag.
                t = after;
            }
        } else if let Some(after) = time_lead(t) {
            // `09:30 · Title`: when a reading log's line was written.
            t = after;
        } else if let Some((tag, after)) = separated_tag(t) {
            // `OWL 2023 - Title`, `2023.05 | arXiv | Title`: a named venue rather than a bare date.
            let dated = lead
                .venue
                .as_deref()
                .is_some_and(|v| !v.chars().any(char::is_alphabetic));
            if lead.venue.is_none() || (dated && tag.chars().any(char::is_alphabetic)) {
                lead.venue = Some(tag);
            }
            t = after;
        } else if let Some(after) = award_lead(t) {
            // `Best Paper | Title`: an award tag set apart from the title.
            t = after;
        }
        if t.len() == before.len() {
            break;
        }
    }
    (t, lead)
}

/// Field names that say "the title follows" (`论文：`, `Paper:`, `Title:`).
const TITLE_FIELDS: &[&str] = &[
    "paper",
    "title",
    "论文",
    "论文题目",
    "标题",
    "題目",
    "論文",
    "논문",
];

/// Text without a field name that opens it (`论文：Title`, `Paper: Title`): the title after it, when
/// there is one.
fn strip_title_field(t: &str) -> Option<&str> {
    // Compared at the start only (no search through the title for its colon).
    TITLE_FIELDS.iter().find_map(|f| {
        let rest = t.get(..f.len()).filter(|n| n.eq_ignore_ascii_case(f))?;
        let after = t.get(rest.len()..)?.trim_start();
        let after = after.strip_prefix([':', '：'])?.trim_start();
        after
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            .then_some(after)
    })
}

/// A word naming what an entry is (`Paper`, `Survey`, `Dataset`, `Tool`) that opens the text, set apart
/// by a separator (`·`, `|`, a dash, `•`): the word and the text after the separator.
fn separated_kind(t: &str) -> Option<(&str, &str)> {
    let (word, rest) = t.split_once(' ')?;
    // Cheap look first: a separator after the first word (most titles go on with a word).
    let after = rest
        .trim_start()
        .strip_prefix(['·', '|', '—', '–', '•', '-'])?;
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let kind = word.eq_ignore_ascii_case("paper") || paper_kind_tag(word) || not_paper_kind(word);
    kind.then(|| (word, after.trim_start()))
}

/// A word that, set apart before an entry's link (`Dataset · [Name](u)`), says it is no paper: a kind of
/// [`NOT_PAPER_TAGS`], or a dataset.
fn not_paper_kind(word: &str) -> bool {
    (NOT_PAPER_TAGS.iter().chain(&["dataset", "datasets"])).any(|k| k.eq_ignore_ascii_case(word))
}

/// Separators after a leading tag (`OWL 2023 - Title`, `2023.05 | arXiv | Title`).
const TAG_SEPARATORS: &[&str] = &[" - ", " | ", " — ", " – ", " · "];

/// A venue, date or arXiv id set apart from the title by a separator at the start of the text: the tag
/// and the text after its separator. Looked for only in the first few words, and only where they hold a
/// digit or say arXiv.
fn separated_tag(t: &str) -> Option<(String, &str)> {
    // Cheap look first: the first word must be one of a tag (most text opens with a word).
    let first = t.split_whitespace().next()?;
    if !tag_word(first)
        && !first
            .as_bytes()
            .get(..5)
            .is_some_and(|a| a.eq_ignore_ascii_case(b"arxiv"))
    {
        return None;
    }
    let end = t.char_indices().nth(40).map_or(t.len(), |(i, _)| i);
    let head = t.get(..end)?;
    let b = head.as_bytes();
    let arxiv = b.get(..5).is_some_and(|w| w.eq_ignore_ascii_case(b"arxiv"));
    if !arxiv && !b.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let (tag, sep, _) = super::super::cut::first_of(head, TAG_SEPARATORS)?;
    let venue = lead_tag(tag)?;
    let after = t.strip_prefix(tag)?.strip_prefix(sep)?;
    Some((venue, after))
}

/// A time of day set apart from the title at the start of the text (`09:30 · Title`, `9:05 - Title`): the
/// text after its separator.
fn time_lead(t: &str) -> Option<&str> {
    // Cheap look first: a digit opens it.
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (time, rest) = t.split_once(' ')?;
    let (h, m) = time.split_once(':')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !((1..=2).contains(&h.len()) && m.len() == 2 && digits(h) && digits(m)) {
        return None;
    }
    TAG_SEPARATORS
        .iter()
        .find_map(|sep| rest.strip_prefix(sep.trim_start()))
        .map(str::trim_start)
}

/// An award or status tag set apart from the title by a separator at the start of the text (`Best Paper
/// | Title`, `Oral - Title`): the text after its separator. Looked for only when the first word is one
/// of such a tag.
fn award_lead(t: &str) -> Option<&str> {
    let first = t.split(|c: char| !c.is_alphabetic()).next()?;
    if !super::super::reader::award_word(first) {
        return None;
    }
    let end = t.char_indices().nth(40).map_or(t.len(), |(i, _)| i);
    let (tag, sep, _) = super::super::cut::first_of(t.get(..end)?, TAG_SEPARATORS)?;
    if !super::super::reader::is_award_tag(tag) {
        return None;
    }
    t.strip_prefix(tag)?.strip_prefix(sep)
}

/// A tag that may stand before a title: a venue with its year (`OWL 2023`, `OWL'23`), a date
/// (`2023.05`, `2019`), `arXiv`, or an arXiv id (`arXiv:2401.00001`, `2401.00001`). The venue it gives.
pub fn lead_tag(text: &str) -> Option<String> {
    let t = text.trim();
    let short = !t.is_empty() && t.chars().count() <= 30 && t.split_whitespace().count() <= 4;
    let arxiv = t.eq_ignore_ascii_case("arxiv")
        || super::super::reader::kind::is_arxiv_id(t)
        || bare_arxiv_id(t);
    let dated = super::super::title::has_year(t)
        && super::super::title::is_venue(t)
        && t.split_whitespace().all(tag_word);
    (short && (arxiv || dated)).then(|| collapse(t))
}

/// A word of a venue tag: an acronym (`OWL`, `NeurIPS`, `arXiv'23`) or a date (`2023`, `2023.05`).
fn tag_word(w: &str) -> bool {
    let capitals = w.chars().filter(char::is_ascii_uppercase).count() >= 2;
    let arxiv = w.get(..5).is_some_and(|a| a.eq_ignore_ascii_case("arxiv"));
    let date = w.chars().all(|c| c.is_ascii_digit() || "./-".contains(c));
    (capitals || arxiv || date)
        && w.chars()
            .all(|c| c.is_alphanumeric() || "./-'’".contains(c))
}

/// `2401.00001` (`YYMM.NNNNN`, a version `v2` allowed): an arXiv id without its `arXiv:`.
pub fn bare_arxiv_id(t: &str) -> bool {
    let t = t.trim();
    let t = t.split_once('v').map_or(t, |(id, v)| {
        if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            id
        } else {
            t
        }
    });
    match t.split_once('.') {
        Some((yymm, num)) => {
            yymm.len() == 4
                && yymm.bytes().all(|b| b.is_ascii_digit())
                && (4..=5).contains(&num.len())
                && num.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Is this text only decoration (emoji, separators, white space), with no words?
pub fn is_decoration(text: &str) -> bool {
    let plain = |w: &str| {
        w.chars()
            .all(|c| c.is_whitespace() || is_emoji(c) || "|,/·•;:-–—()[]【】".contains(c))
    };
    // Cheap look first: text that opens with a letter or a digit has words (most text does).
    if text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return false;
    }
    // `:page_facing_up:` and other shortcode emoji (looked for only where a `:` is).
    plain(text)
        || (memchr::memchr(b':', text.as_bytes()).is_some()
            && text.split_whitespace().all(|w| plain(w) || is_shortcode(w)))
}

/// A GitHub emoji shortcode (`:star:`, `:heavy_check_mark:`, `:+1:`): a name of lowercase letters, digits,
/// `_`, `+` or `-` between colons, nothing else.
pub fn is_shortcode(w: &str) -> bool {
    w.strip_prefix(':')
        .and_then(|x| x.strip_suffix(':'))
        .is_some_and(|code| {
            !code.is_empty()
                && code.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
                })
        })
}

/// Text without a shortcode that opens it (`:star: Title`): what follows it.
fn strip_shortcode_start(t: &str) -> Option<&str> {
    let end = t.strip_prefix(':')?.find(':')? + 2;
    let (code, after) = t.split_at_checked(end)?;
    is_shortcode(code).then_some(after)
}

/// A task's state written before a title (org-mode's `TODO`, `DONE`, `READING`, Logseq's `LATER`,
/// `NOW`, `DOING`): uppercase only, and only with more text after it.
const STATUS_WORDS: &[&str] = &[
    "TODO",
    "DONE",
    "LATER",
    "NOW",
    "DOING",
    "READING",
    "TOREAD",
    "NEXT",
    "WAITING",
    "STARTED",
    "CANCELLED",
    "CANCELED",
    "WIP",
];

/// Text without a task's state that opens it (`DONE Title`): what follows it.
fn strip_status(t: &str) -> Option<&str> {
    // Cheap look first: every state opens with one of these capitals.
    if !t.starts_with(['T', 'D', 'R', 'N', 'W', 'S', 'C', 'L']) {
        return None;
    }
    let (word, after) = t.split_once(' ')?;
    let after = after.trim_start();
    (is_status_word(word) && !after.is_empty()).then_some(after)
}

/// Is this word a task's state (`TODO`, `DONE`)?
pub fn is_status_word(w: &str) -> bool {
    STATUS_WORDS.contains(&w)
}

/// Text without the tags that end an org-mode heading (`Title     :rl:preferences:`): what stands
/// before them (empty when the text is only tags). Each tag is letters, digits, `_`, `@`, `#` or `%`,
/// between colons.
pub fn strip_org_tags(t: &str) -> Option<&str> {
    let t = t.trim_end();
    if !t.ends_with(':') {
        return None;
    }
    let (before, last) = t.rsplit_once(char::is_whitespace).unwrap_or(("", t));
    let inner = last.strip_prefix(':')?.strip_suffix(':')?;
    let tags = !inner.is_empty()
        && inner.split(':').all(|tag| {
            !tag.is_empty()
                && tag
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'#' | b'%'))
        });
    tags.then_some(before)
}

/// Text without a hashtag that ends it (`Title #nlp`, `Title #[[graph learning]]`), as note-taking apps
/// (Obsidian, Logseq, Roam) tag a line: what stands before it. A tag starts with a letter (`#1` stays).
pub fn strip_hashtag_end(t: &str) -> Option<&str> {
    // Cheap look first: most titles have no `#`.
    memchr::memchr(b'#', t.as_bytes())?;
    let t = t.trim_end();
    if let Some(inner) = t.strip_suffix("]]") {
        let (before, _) = inner.rsplit_once("#[[")?;
        return (before.is_empty() || before.ends_with(char::is_whitespace)).then_some(before);
    }
    let (before, last) = t.rsplit_once(char::is_whitespace).unwrap_or(("", t));
    let tag = last.strip_prefix('#')?;
    let ok = tag.chars().next().is_some_and(char::is_alphabetic)
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'));
    ok.then_some(before)
}

/// Is the text only hashtags (` #todo #systems` after an entry's links)?
pub fn is_hashtags(t: &str) -> bool {
    if memchr::memchr(b'#', t.as_bytes()).is_none() {
        return false;
    }
    let mut s = t.trim();
    while let Some(before) = strip_hashtag_end(s) {
        s = before.trim_end();
        if s.is_empty() {
            return true;
        }
    }
    false
}

/// Text with its wikilinks (`[[Title]]`, `[[note|Alias]]`, note-taking apps' links to another note)
/// read: a wikilink whose text reads as a title is that text (of `[[a|b]]`, the side that is not a note's
/// file name: Obsidian puts the alias second, Dendron first); one that names a note's file
/// (`[[paper.rag.realm]]`, `[[vaswani2017attention]]`) or a label (`[[x|notes]]`) goes, with the
/// parentheses it leaves empty. `None` when the text has no wikilink.
pub fn unwiki(t: &str) -> Option<String> {
    let (mut before, mut rest) = t.split_once("[[")?;
    let mut out = String::with_capacity(t.len());
    loop {
        let Some((inner, after)) = rest.split_once("]]") else {
            out.push_str(before);
            out.push_str("[[");
            out.push_str(rest);
            break;
        };
        // `#[[graph learning]]`: a tag, not text.
        if let Some(b) = before.strip_suffix('#') {
            out.push_str(b);
        } else {
            out.push_str(before);
            out.push_str(shown(inner));
        }
        match after.split_once("[[") {
            Some((b, r)) => {
                before = b;
                rest = r;
            }
            None => {
                out.push_str(after);
                break;
            }
        }
    }
    let out = out.replace("()", "");
    Some(collapse(&out))
}

/// What a wikilink's inside (`Title`, `note|Alias`) shows as title text: nothing for a note's file name
/// or a label.
fn shown(inner: &str) -> &str {
    let shown = match inner.split_once('|') {
        Some((a, b)) if is_note_name(b) && !is_note_name(a) => a,
        Some((_, b)) => b,
        None => inner,
    };
    let shown = shown.trim();
    if is_note_name(shown) || is_link_label(shown) {
        ""
    } else {
        shown
    }
}

/// A note's file name rather than words: no spaces, and dotted, slashed or snake-cased
/// (`paper.rag.dpr`, `papers/s4`), lowercase words joined by dashes (`flash-attention`), or a citation
/// key with its year (`vaswani2017attention`).
fn is_note_name(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return true;
    }
    if t.contains(char::is_whitespace) {
        return false;
    }
    let mut digits = 0;
    let mut year = false;
    for c in t.chars() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        year |= digits == 4;
    }
    t.contains(['.', '/', '_'])
        || (t.contains('-') && !t.contains(char::is_uppercase))
        || (year && t.contains(char::is_alphabetic))
}

/// Text without a shortcode that ends it (`Title :page_facing_up:`): what stands before it, which ends
/// with white space or is empty (`Ratio 1:2:` keeps its colons).
pub fn strip_shortcode_end(t: &str) -> Option<&str> {
    let inner = t.strip_suffix(':')?;
    let open = inner.rfind(':')?;
    let (before, code) = t.split_at_checked(open)?;
    (is_shortcode(code) && (before.is_empty() || before.ends_with(char::is_whitespace)))
        .then_some(before)
}

/// A reading priority written after an entry (`(P0)`, `(p2)`): its `P0`, a note and not a title's.
pub fn priority_note(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix('(')?.strip_suffix(')')?.trim();
    let digits = inner.strip_prefix(['P', 'p'])?;
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(inner)
}

/// The stars a repository has, written after an entry (`⭐ 19.2k`, `🌟 2.3k`, `★ 1,850`): decoration.
pub fn is_star_count(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(['⭐', '🌟', '★']) else {
        return false;
    };
    let n = rest.trim_start_matches(['\u{fe0f}', ' ']);
    n.starts_with(|c: char| c.is_ascii_digit())
        && n.chars()
            .all(|c| c.is_ascii_digit() || ".,kKmM".contains(c))
}

/// A title without a star count after it (`Title 🌟 2.3k`): what stands before the star. `None` when
/// there is none (looked at only when the text ends with a digit or `k`).
pub fn strip_star_count(t: &str) -> Option<&str> {
    let t = t.trim_end();
    if !t
        .as_bytes()
        .last()
        .is_some_and(|b| b.is_ascii_digit() || b"kKmM".contains(b))
    {
        return None;
    }
    let before_n = t.trim_end_matches(|c: char| c.is_ascii_digit() || ".,kKmM".contains(c));
    let n = t.get(before_n.len()..)?;
    if !n.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let star = before_n.trim_end_matches([' ', '\u{fe0f}']);
    star.strip_suffix(['⭐', '🌟', '★']).map(str::trim_end)
}

/// Does the URL point outside the notes?
pub fn outside(url: &str) -> bool {
    is_outside(url.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::markdown::tests_support::para;

    #[test]
    fn badges_are_links_without_text() {
        let inl = para("[![Star](https://img.shields.io/x.svg)](https://github.com/a/b) Title");
        let segs = segments(&inl);
        let Seg::Link(l) = &segs[0] else {
            panic!("{segs:?}")
        };
        assert!(l.is_badge());
        assert_eq!(l.url, "https://github.com/a/b");
    }

    #[test]
    fn leading_tags_are_stripped_and_read() {
        let (rest, lead) = strip_lead("🔥 (NeurIPS'23) Title here");
        assert_eq!(rest, "Title here");
        assert_eq!(lead.venue.as_deref(), Some("NeurIPS'23"));
        let (rest, lead) = strip_lead("[ICLR 2024] [Video] Talk");
        assert_eq!(rest, "Talk");
        assert_eq!(lead.venue.as_deref(), Some("ICLR 2024"));
        assert_eq!(lead.not_paper.as_deref(), Some("Video"));
        // A title that starts with parentheses that are not a venue keeps them.
        assert_eq!(strip_lead("(Almost) Free Lunch").0, "(Almost) Free Lunch");
    }

    #[test]
    fn emoji_markers_but_not_letters_or_digits() {
        assert!(is_emoji('🔥'));
        assert!(is_emoji('⭐'));
        assert!(!is_emoji('1'));
        assert!(!is_emoji('#'));
        assert!(!is_emoji('é'));
        assert!(!is_emoji('中'));
        // A task box (`- [ ] Title`) is a marker too.
        assert!(is_emoji('☐') && is_emoji('☑'));
    }
}
