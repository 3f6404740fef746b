//! Entry shapes: the ways a paper list says "this is a paper".
//!
//! Each shape is a small recogniser. A list item's first paragraph is tried against them in a fixed order
//! — [`bold_title`] (`1. **A Title.** Venue. [pdf](u)`), [`title_link`] (`[Title](u): subtitle | Venue`),
//! [`link_group`] (`Title \[[Paper](u)]`, `Title [[pdf]](u)`, `Title [paper](u) [code](u)`) — and the
//! first that matches gives the entry's [`Head`]. Items without links are judged by their place in the
//! list ([`list`]: the `unlinked` shape). Outside lists, [`table`] reads table rows and [`fields`] reads a
//! heading followed by `**Field:** value` lines. [`section`] knows which headings hold no papers.
//!
//! A new shape is a new module with a recogniser and a [`Shape`] variant, added to the order here.

pub mod bold_title;
pub mod citation;
pub mod fields;
pub mod inline;
pub mod link_group;
pub mod list;
pub mod section;
pub mod table;
pub mod title_line;
pub mod title_link;

use super::cut;
use super::markdown::collapse;
use super::markdown::Tok;
use super::title::{self, split_tail, trailing_pipe_venue};
pub use crate::model::Shape;
use inline::{strip_lead, Lead};

/// What an entry says about a paper, before it is placed in the tree.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Head {
    pub shape: Shape,
    pub title: String,
    pub venue: Option<String>,
    pub authors: Option<String>,
    /// (label, URL), in order, badges left out.
    pub links: Vec<(String, String)>,
    /// Text that describes the paper without being its title (` - a description`); becomes a note.
    pub description: Option<String>,
    /// An affiliation written into the entry (`(@Org)`).
    pub affiliation: Option<String>,
    /// Why the entry, though it has the shape of a paper, is something else (software, a video, a bare
    /// URL). `None` for a paper.
    pub not_paper: Option<&'static str>,
    /// A link is labelled as the paper itself (`[pdf]`, `[Paper]`, `[arXiv]`).
    pub paper_label: bool,
    /// The shape is a weak one (plain labelled links, see [`link_group::Group`]): an entry where no
    /// stronger one encloses it, but it does not make the entry above it a topic.
    pub weak: bool,
}

impl Head {
    /// Does the entry carry links (what makes a shape a paper without help from its place)?
    pub fn is_linked(&self) -> bool {
        !self.links.is_empty() || self.shape == Shape::Citation
    }
}

/// Tries the list-item shapes in order on a first paragraph. `None` when no shape matches (the item may
/// still be a paper by its place: the `unlinked` shape, decided in [`list`]).
pub fn recognise(inl: &[Tok]) -> Option<Head> {
    let segs = inline::segments(inl);
    let mut head = bold_title::recognise(&segs)
        .or_else(|| title_link::recognise(&segs))
        // A reading cited in full, authors first (`Devlin, J., … (2019). Title. In *Venue*. https://…`),
        // before its trailing links are taken for a link group.
        .or_else(|| {
            citation::may_open_with_authors(inl)
                .then(|| citation::authors_first(&segs))
                .flatten()
        })
        .or_else(|| link_group::recognise(&segs))
        .or_else(|| citation::recognise(&segs, false))
        .or_else(|| citation::names_first(&segs))?;
    // `**Link:** [arXiv](u)`: a field line, not a paper titled by its field's name; `Source:: [arXiv](u)`,
    // an attribute of Roam, Logseq or Dataview, neither.
    if field_named(&segs, &head.title) || attribute(&segs) {
        return None;
    }
    // `[[owls.count]]` resolved by Foam's link definitions to `owls.count.md`: a link to another note
    // of the same notes, with no title beside it.
    if head.title.is_empty()
        && !head.links.is_empty()
        && head.links.iter().all(|(_, u)| is_note_file(u))
    {
        return None;
    }
    // An entry that labels a link as its paper (`[pdf]`, `[[Paper]]`) is one: nothing to judge.
    if head.not_paper.is_none()
        && !head.paper_label
        && matches!(
            head.shape,
            Shape::LinkGroup | Shape::TitleLink | Shape::BoldTitle
        )
    {
        let text = match &head.description {
            Some(d) => format!("{} {d}", head.title),
            None => head.title.clone(),
        };
        // What the entry says of itself counts with its authors and venue (`Ann Smith et al. Owlkit:
        // … 2019. [GitHub](u)` cites software though its names and year were split off the title).
        let cited = match (&head.authors, &head.venue) {
            (None, None) => None,
            (a, v) => Some(format!(
                "{text} {} {}",
                a.as_deref().unwrap_or_default(),
                v.as_deref().unwrap_or_default()
            )),
        };
        head.not_paper = super::reader::not_paper(cited.as_deref().unwrap_or(&text), &head.links);
        // `[Name](u) — a description`: the page it opens with may be a blog or a course.
        if head.not_paper.is_none() && head.shape == Shape::TitleLink {
            head.not_paper = super::reader::not_paper_page(&text, &head.links);
        }
        // A leaderboard, a listing, a dataset card, a course or a blog post named as one.
        if head.not_paper.is_none() && head.shape != Shape::BoldTitle {
            head.not_paper = super::reader::not_paper_site(
                &head.title,
                head.description.as_deref(),
                &head.links,
                head.shape == Shape::TitleLink,
            );
        }
    }
    Some(head)
}

/// Does the paragraph open with a bold field name (`**Link:**`, `**Summary:**`) that is all of `title`?
fn field_named(segs: &[inline::Seg], title: &str) -> bool {
    let mut name = String::new();
    for s in segs {
        match s {
            inline::Seg::Text(t, st) if st.bold => name.push_str(t),
            inline::Seg::Text(t, _) if name.is_empty() && t.trim().is_empty() => {}
            _ => break,
        }
    }
    let name = name.trim();
    name.strip_suffix([':', '：'])
        .is_some_and(|n| !n.trim().is_empty() && n.trim() == title.trim())
}

/// A link to another markdown file of the notes (`owls.count.md`, `../2023/owls.md#setup`).
fn is_note_file(url: &str) -> bool {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    !inline::outside(url) && (path.ends_with(".md") || path.ends_with(".markdown"))
}

/// Does the paragraph open with an attribute name and `::` (`Source:: [arXiv](u)`), as Roam, Logseq and
/// Obsidian's Dataview write a note's fields?
fn attribute(segs: &[inline::Seg]) -> bool {
    let Some(inline::Seg::Text(t, _)) = segs.first() else {
        return false;
    };
    // Cheap look first: a name is short, so its `::` comes within the first bytes.
    let head = t.as_bytes().get(..32).unwrap_or(t.as_bytes());
    let Some(at) = memchr::memmem::find(head, b"::") else {
        return false;
    };
    t.get(..at).is_some_and(|name| {
        let name = name.trim();
        !name.is_empty() && name.split_whitespace().count() <= 3
    })
}

/// A list item without links that is still a paper by its own shape: a reading cited in full.
pub fn recognise_unlinked(inl: &[Tok]) -> Option<Head> {
    // Cheap looks first (most items are takeaways): a bold run, and a year somewhere.
    if !inl.iter().any(|t| matches!(t, Tok::Text(_, st) if st.bold)) {
        return None;
    }
    let year = inl
        .iter()
        .any(|t| matches!(t, Tok::Text(s, st) if !st.bold && has_year_digits(s.as_bytes())));
    if !year {
        return None;
    }
    citation::recognise(&inline::segments(inl), false)
}

/// Four digits in a row that start like a year (`19…`, `20…`), not part of a longer number.
fn has_year_digits(b: &[u8]) -> bool {
    let mut run = 0usize;
    for (i, c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run == 4 && matches!(b.get(i - 4..i - 2), Some(b"19") | Some(b"20")) {
            return true;
        }
        run = 0;
    }
    run == 4 && b.len() >= 4 && matches!(b.get(b.len() - 4..b.len() - 2), Some(b"19") | Some(b"20"))
}

/// A paragraph that is an entry by itself: it opens with a bold title and links its paper (`**Title**
/// \ *Authors* \ [[Paper](u)]`), or it is a reading cited in full that opens with its authors.
pub fn paragraph(inl: &[Tok]) -> Option<Head> {
    let segs = inline::segments(inl);
    if let Some(mut h) = bold_title::recognise(&segs) {
        let paper = h.paper_label
            || h.links
                .iter()
                .any(|(_, u)| super::reader::url_kind::on_paper_host(u));
        if paper && h.not_paper.is_none() {
            h.shape = Shape::Paragraph;
            return Some(h);
        }
        return None;
    }
    if !inl.iter().any(|t| matches!(t, Tok::Text(_, st) if st.bold)) {
        return None;
    }
    citation::recognise(&segs, true)
}

/// Cleans a title written as text: leading decorations (emoji, `[Tag]`, `(Venue'23)`), a trailing
/// `(@Org)`, ` | Venue`, `(Venue 2023)`, `, by Author` and `.`. Returns the head without links.
pub fn clean_title(raw: &str) -> Head {
    // `[[Title]]`, `[[note|Alias]]`: a note-taking app's wikilinks (looked for only where one opens).
    let unwiki = memchr::memmem::find(raw.as_bytes(), b"[[").and_then(|_| inline::unwiki(raw));
    let raw = unwiki.as_deref().unwrap_or(raw);
    let raw = inline::bracketed_title(raw).unwrap_or(raw);
    let (t, lead) = strip_lead(raw);
    let mut head = Head::default();
    apply_lead(&mut head, lead);
    let mut t = t.trim();
    // `《Title》（OWL 2024）`: Chinese title marks enclose the title; a venue or a note may follow them.
    if let Some((inner, after)) = t.strip_prefix('《').and_then(|r| r.split_once('》')) {
        let after = after.trim();
        if !inner.trim().is_empty() && !after.starts_with(char::is_alphanumeric) {
            match title::trailing_parens(after) {
                Some((rest, v)) if rest.trim().is_empty() && title::is_venue(v) => {
                    head.venue = Some(collapse(v));
                }
                _ if !after.is_empty() => head.description = Some(after.to_string()),
                _ => {}
            }
            t = inner.trim();
        }
    }
    // `"Title"`, `“Title”`: quotes around the whole title (a title link's text) are not its own.
    if let Some(inner) = t
        .strip_prefix(['"', '“'])
        .and_then(|r| r.strip_suffix(['"', '”']))
        .filter(|i| !i.contains(['"', '“', '”']) && !i.trim().is_empty())
    {
        t = inner.trim();
    }
    loop {
        let before = t.len();
        t = t.trim_end_matches(|c: char| c.is_whitespace() || inline::is_marker(c));
        // `Title :page_facing_up:`, `Title 🌟 2.3k`: a shortcode emoji or a star count after it.
        if let Some(rest) = inline::strip_shortcode_end(t)
            .or_else(|| inline::strip_star_count(t))
            .or_else(|| inline::strip_org_tags(t))
            .or_else(|| inline::strip_hashtag_end(t))
        {
            t = rest;
            continue;
        }
        // `Title (P1)`: a reading priority, a note (looked for only where the title ends with `)`).
        if let Some((rest, p)) = t
            .strip_suffix(')')
            .and_then(|s| s.rsplit_once('('))
            .and_then(|(rest, _)| Some((rest, inline::priority_note(t.get(rest.len()..)?)?)))
            .filter(|_| head.description.is_none())
        {
            head.description = Some(p.to_string());
            t = rest;
            continue;
        }
        if head.affiliation.is_none() {
            if let Some((before, org)) = t.strip_suffix(')').and_then(|s| s.rsplit_once("(@")) {
                head.affiliation = Some(org.trim().to_string());
                t = before;
                continue;
            }
        }
        if head.venue.is_none() {
            if let Some((rest, venue)) = trailing_pipe_venue(t) {
                head.venue = Some(venue);
                t = rest;
                continue;
            }
        }
        let (rest, venue, authors) = split_tail(t);
        if venue.is_some() || authors.is_some() {
            head.venue = head.venue.or(venue);
            head.authors = head.authors.or(authors);
            t = rest;
            continue;
        }
        // `Title, ICML 2021`: a venue with its year after the last comma.
        if head.venue.is_none() {
            if let Some((rest, venue)) = comma_venue(t) {
                head.venue = Some(venue);
                t = rest;
                continue;
            }
        }
        // `Title [OWL 2021]`, `Title. OWL 2023`: a venue in brackets or after the last sentence.
        if head.venue.is_none() {
            if let Some((rest, venue)) = bracket_venue(t)
                .or_else(|| dot_venue(t))
                .or_else(|| separated_venue(t))
                .or_else(|| word_venue(t))
                .or_else(|| mark_venue(t))
            {
                head.venue = Some(venue);
                t = rest;
                continue;
            }
        }
        if let Some(rest) =
            super::reader::strip_award_tail(t).or_else(|| inline::strip_kind_tail(t))
        {
            t = rest;
            continue;
        }
        // A closing quote without its opening partner, pasted from a citation (`Title."`).
        if let Some(rest) = t.strip_suffix(['"', '”']) {
            if t.matches(['"', '“', '”']).count() % 2 == 1 {
                t = rest;
                continue;
            }
        }
        if !t.ends_with("..") && !ends_with_abbreviation(t) {
            t = t.strip_suffix('.').unwrap_or(t);
        }
        // A separator left before a group: `Title |`, `Title -`, `Title,`, `Title ·`, `Title →`.
        let trimmed = t.trim_end_matches([' ', '|', '-', '–', '—', ',', ';', ':', '·', '•', '→']);
        if trimmed.len() < t.len() && !trimmed.is_empty() {
            t = trimmed;
        }
        if t.len() == before {
            break;
        }
    }
    head.title = t.trim().to_string();
    head
}

/// A trailing `, ICML 2021` (`, NeurIPS'23`, `, arXiv 2024`): a short venue with its year after the
/// title's last comma. The text before it and the venue.
fn comma_venue(t: &str) -> Option<(&str, String)> {
    // Most titles have no comma: a byte search says so before the reverse one.
    memchr::memchr(b',', t.as_bytes())?;
    let (before, last) = t.rsplit_once(", ")?;
    // `Title, Owl Collaboration, OWL 2024.`: the sentence's `.` is not the venue's.
    let last = last.trim().trim_end_matches('.').trim_end();
    let short = last.len() <= 30 && last.split_whitespace().count() <= 4;
    let named = last.chars().next().is_some_and(|c| c.is_alphabetic());
    (short && named && !before.trim().is_empty() && title::has_year(last) && title::is_venue(last))
        .then(|| (before.trim_end(), collapse(last)))
}

/// A short venue with its year: a name first (`MLSys 2023`, `NeurIPS'21`), a few words at most.
fn short_venue(v: &str) -> bool {
    v.len() <= 30
        && v.split_whitespace().count() <= 4
        && v.chars().next().is_some_and(|c| c.is_alphabetic())
        && title::has_year(v)
        && title::is_venue(v)
}

/// A trailing `[NeurIPS 2021]`: a short venue in square brackets after the title. The text before it
/// and the venue.
fn bracket_venue(t: &str) -> Option<(&str, String)> {
    let (before, inner) = t.strip_suffix(']')?.rsplit_once('[')?;
    let inner = inner.trim();
    (short_venue(inner) && !before.trim().is_empty()).then(|| (before.trim_end(), collapse(inner)))
}

/// A trailing `. MLSys 2023` (`. ICLR 2023`): a short venue with its year after the title's last
/// sentence. The text before the `.` and the venue.
fn dot_venue(t: &str) -> Option<(&str, String)> {
    // Cheap look first: most titles have no `. ` at all.
    if !t.contains(". ") {
        return None;
    }
    let (before, last) = sentence_breaks(t).last()?;
    let last = last.trim().trim_end_matches('.').trim_end();
    (short_venue(last) && !before.trim().is_empty()).then(|| (before.trim_end(), collapse(last)))
}

/// A trailing `? NeurIPS 2021` (`! OWL 2023.`): a short venue with its year after a title that ends
/// with its own question or exclamation mark. The title with its mark, and the venue.
fn mark_venue(t: &str) -> Option<(&str, String)> {
    // Cheap look first: most titles have no such mark.
    memchr::memchr2(b'?', b'!', t.as_bytes())?;
    let (at, mark) = t.rmatch_indices(['?', '!']).next()?;
    let (before, last) = t.split_at_checked(at + mark.len())?;
    let last = last.trim().trim_end_matches('.').trim_end();
    (short_venue(last) && before.len() > mark.len()).then(|| (before, collapse(last)))
}

/// A trailing ` · KDD 2019` (` — OWL 2023`, ` • arXiv 2024`): a short venue with its year set apart by
/// a middle dot, a bullet or a long dash. The text before it and the venue.
fn separated_venue(t: &str) -> Option<(&str, String)> {
    // Cheap look first: those separators are not ASCII (`·` starts 0xC2, the others 0xE2).
    memchr::memchr2(0xC2, 0xE2, t.as_bytes())?;
    [" · ", " — ", " – ", " • "].iter().find_map(|sep| {
        let (before, last) = t.rsplit_once(sep)?;
        (short_venue(last.trim()) && !before.trim().is_empty())
            .then(|| (before.trim_end(), collapse(last.trim())))
    })
}

/// A trailing `arXiv'20` (`NeurIPS'23`, `ICML’24`): a venue with its year after an apostrophe, written
/// after the title as a word of its own (`<sup>arXiv'20</sup>`). The text before it and the venue.
fn word_venue(t: &str) -> Option<(&str, String)> {
    // Cheap look first: most titles do not end with a digit.
    if !t.as_bytes().last()?.is_ascii_digit() {
        return None;
    }
    let (before, word) = t.rsplit_once(' ')?;
    let (name, year) = word.rsplit_once(['\'', '’'])?;
    let year = year.len() == 2 && year.bytes().all(|b| b.is_ascii_digit());
    let named = name.eq_ignore_ascii_case("arxiv")
        || (name.chars().all(|c| c.is_ascii_alphabetic())
            && name.chars().filter(char::is_ascii_uppercase).count() >= 2);
    (year && named && !before.trim().is_empty()).then(|| (before.trim_end(), word.to_string()))
}

/// Splits text at the `. ` that end sentences (not after initials or `et al.`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((sentence, after)) = sentence_breaks(rest).next() {
        out.push(sentence);
        rest = after;
    }
    out.push(rest);
    out
}

/// Each `. ` in `text` that ends a sentence, not an initial (`C. Wu`) or `et al.`, as the text before
/// its `.` and the text after its space. The cuts are where `match_indices` found the ASCII `. `.
pub(crate) fn sentence_breaks(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.match_indices(". ").filter_map(move |(i, _)| {
        let (before, after) = text.split_at_checked(i)?;
        let with_dot = text.get(..=i)?;
        let after = after.strip_prefix(". ")?;
        (!ends_with_abbreviation(with_dot)).then_some((before, after))
    })
}

/// A title in quotes (`"A Quoted Title", Ann Smith et al.`, `**OwlNet**: "Owls Are Worth …", ICCV, 2021
/// (*Owl Lab*).`): the title is what the quotes hold; a short name before them is a note; after them come
/// authors, the venue and, in parentheses, an affiliation.
pub fn quoted_title(text: &str) -> Option<Head> {
    let t = text.trim();
    let (raw_before, open, quoted) = cut::first_of(t, &["\"", "“"])?;
    let close = if open == "“" { '”' } else { '"' };
    // Only a short name with a colon may stand before the quotes (`Why "X Y" Fails` is a title), or
    // the authors, ending with their `.` or `,` (`Ann Smith. "A Title." Venue, 1978.`).
    let raw_before = raw_before.trim();
    let names = raw_before
        .strip_suffix(['.', ','])
        .map(str::trim)
        .filter(|n| reads_as_names(n));
    let before = raw_before.trim_end_matches(':').trim();
    if names.is_none()
        && (before.chars().count() > 40 || (!before.is_empty() && !raw_before.ends_with(':')))
    {
        return None;
    }
    let (inner, after) = quoted.split_once(close)?;
    let inner = inner.trim().trim_end_matches(',').trim();
    if inner.split_whitespace().count() < 2 {
        return None;
    }
    let mut head = clean_title(inner);
    if let Some(who) = names {
        head.authors = Some(who.to_string());
    } else if !before.is_empty() && before != "?" {
        head.description = Some(before.to_string());
    }
    let mut after = after
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    // A trailing `(Owl Lab)` that is not a venue is an affiliation.
    if let Some((rest, inside)) = after.strip_suffix(')').and_then(|a| a.rsplit_once('(')) {
        let inside = inside.trim();
        if !title::is_venue(inside) && !inside.is_empty() {
            head.affiliation = Some(inside.to_string());
            after = rest.trim().trim_end_matches([',', '.']).trim();
        }
    }
    if !after.is_empty() && head.authors.is_some() {
        // The authors stood before the title: what follows it is the venue.
        head.venue = head.venue.or_else(|| Some(collapse(after)));
    } else if !after.is_empty() {
        let d = describe(after);
        if d.authors.is_some() && d.venue.is_some() {
            head.authors = d.authors;
            head.venue = d.venue;
        } else if reads_as_names(after) {
            head.authors = Some(after.to_string());
        } else {
            head.venue = Some(collapse(after));
        }
    }
    Some(head)
}

/// Abbreviations whose period is part of the text, not the end of a sentence.
const ABBREVIATIONS: &[&str] = &[
    "al.", "dr.", "mr.", "mrs.", "ms.", "st.", "vs.", "e.g.", "i.e.", "no.", "vol.", "fig.",
];

/// `et al.`, common abbreviations (`Dr.`, `vs.`, `e.g.`) and single initials (`J.`) end with a period
/// that is part of the text.
fn ends_with_abbreviation(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or("");
    let last = last.trim_start_matches(['(', '[', '"', '“']);
    (last.chars().count() == 2 && last.ends_with('.'))
        || (last.len() <= 4 && ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a)))
}

pub(crate) fn apply_lead(head: &mut Head, lead: Lead) {
    if lead.venue.is_some() {
        head.venue = lead.venue;
    }
    if lead.not_paper.is_some() {
        head.not_paper = Some("a video, blog post, course or tool, not a paper");
    }
}

/// What the text after a title says: a venue, the authors, a description.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Describe {
    pub venue: Option<String>,
    pub authors: Option<String>,
    pub description: Option<String>,
}

/// Reads the text that follows a title (`(2016), A. Author et al.`, `, by Ann Smith`, ` | OSDI'24`,
/// `. Ann Smith, Bo Li. OWL 2020`, ` - a description`): parts that read as names are the authors, a part
/// that names a year or a preprint is the venue, the rest describes the paper.
pub fn describe(text: &str) -> Describe {
    let mut d = Describe::default();
    let sep = |c: char| c.is_whitespace() || ".,;:|".contains(c);
    // Venues and dates set apart in brackets (`[1st May, 2023] [arXiv, 2023]`) are pieces of their own.
    let (text, bracket_venue) = bracketed_venue(text);
    let mut t = text.trim().to_string();
    // A description after a dash: all of it when the text starts with one (a dash inside it is the
    // description's own), else from the first dash set off by spaces.
    if let Some(rest) = t.strip_prefix(['-', '–', '—']) {
        d.description = Some(rest.trim().to_string()).filter(|s| !s.is_empty());
        t.clear();
    } else if let Some((before, _, after)) = cut::first_of(&t, title_link::DASHES) {
        d.description = Some(after.trim().to_string()).filter(|s| !s.is_empty());
        t = before.to_string();
    }
    // A leading `(2016)` or `(OWL 2020)`.
    if let Some(rest) = t.trim_start_matches(sep).strip_prefix('(') {
        if let Some((inside, after)) = rest.split_once(')') {
            if title::is_venue(inside) {
                d.venue = Some(collapse(inside));
                t = after.trim_matches(sep).to_string();
            }
        }
    }
    let prefixed = format!("x {t}");
    let (rest, venue, authors) = split_tail(&prefixed);
    d.venue = d.venue.or(venue);
    d.authors = authors;
    let rest = rest
        .strip_prefix('x')
        .unwrap_or(rest)
        .trim_matches(sep)
        .to_string();
    let mut other = Vec::new();
    for part in sentences(&rest)
        .into_iter()
        .map(|p| p.trim_matches(sep))
        .filter(|p| !p.is_empty())
    {
        // `A. Vaswani et al., NeurIPS 2017`: a venue after the last comma.
        let (part, venue) = match part.rsplit_once(", ") {
            Some((before, last))
                if d.venue.is_none() && title::is_venue(last) && last.chars().count() <= 60 =>
            {
                (before.trim_matches(sep), Some(last.to_string()))
            }
            _ => (part, None),
        };
        if venue.is_some() {
            d.venue = venue;
        }
        if part.is_empty() {
            continue;
        }
        if d.authors.is_none() && reads_as_names(part) {
            d.authors = Some(part.to_string());
        } else if d.venue.is_none() && title::is_venue(part) && part.chars().count() <= 60 {
            d.venue = Some(part.to_string());
        } else {
            other.push(part);
        }
    }
    d.venue = d.venue.or(bracket_venue);
    // Emphasis markdown did not take (`*Ann Smith, Bo Li *`, a space before the closing `*`) is not
    // part of the names.
    d.authors = d
        .authors
        .map(|a| {
            a.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
                .to_string()
        })
        .filter(|a| !a.is_empty());
    if !other.is_empty() {
        let o = other.join(". ");
        d.description = Some(match d.description {
            Some(desc) => format!("{o} - {desc}"),
            None => o,
        });
    }
    d
}

/// Takes out of `text` the plain pieces in square brackets that name a venue or a date (`[arXiv, 2023]`,
/// `[1st May, 2023]`), each read alone: the text without them, and the venue they give (a named venue
/// before a bare date). Other bracketed text stays where it is.
fn bracketed_venue(text: &str) -> (String, Option<String>) {
    let mut outside = String::new();
    let mut venue = None;
    let mut date = None;
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('[') {
        outside.push_str(before);
        let piece = after
            .split_once(']')
            .filter(|(inner, _)| !inner.contains('['));
        let Some((inner, next)) = piece else {
            outside.push('[');
            rest = after;
            continue;
        };
        if let Some(v) = super::reader::venue_piece(inner) {
            venue = venue.or(Some(v));
        } else if super::reader::is_date(inner) {
            date = date.or(Some(collapse(inner)));
        } else {
            outside.push('[');
            outside.push_str(inner);
            outside.push(']');
            rest = next;
            continue;
        }
        outside.push(' ');
        rest = next;
    }
    outside.push_str(rest);
    (outside, venue.or(date))
}

pub use super::reader::reads_as_names;

/// Splits `Title. Author One, Author Two. Venue 2020` into title, authors and venue, where what follows
/// the first `. ` reads as names.
pub fn split_authors(text: &str) -> (String, Option<String>, Option<String>) {
    let t = text.trim();
    // `Ann Smith, Bo Li. Title. OWL 2020.`, `[Key] Li et al. Title. OWL 2020.`: the names first (after any
    // decoration, which stays for clean_title), then the title's sentence, then the venue.
    // Cheap look first: names end with a sentence's `. ` before the title (most titles have none).
    let names_first = memchr::memmem::find(t.as_bytes(), b". ").and_then(|_| {
        let (undecorated, lead) = strip_lead(t);
        lead_authors(undecorated).map(|(who, rest)| (undecorated, lead, who, rest))
    });
    if let Some((undecorated, lead, who, rest)) = names_first {
        let decoration = t.strip_suffix(undecorated).unwrap_or_default();
        let (title, venue) = title_sentence(rest);
        let venue = venue
            .map(|v| v.trim().trim_end_matches('.').trim_end())
            .map(|v| v.strip_prefix("In ").unwrap_or(v).trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string);
        // A citation key before the names (`[BT21]`) is no venue when the venue follows the title.
        let decoration = match (&venue, lead.not_paper) {
            (Some(_), None) => "",
            _ => decoration,
        };
        return (format!("{decoration}{title}"), Some(who.to_string()), venue);
    }
    // `Title, Ann Smith et al.` (looked for only where `et al` is: most titles have none).
    let et_al = memchr::memmem::find(t.as_bytes(), b"et al").is_some();
    if let Some((title, who)) = t.trim_end_matches('.').rsplit_once(", ").filter(|_| et_al) {
        if who.contains("et al") && reads_as_names(who) && !title.trim().is_empty() {
            return (title.trim().to_string(), Some(who.trim().to_string()), None);
        }
    }
    // `Title - Ann Smith et al. (OWL 2022)`: the names after a spaced hyphen, a venue in parentheses
    // after them.
    if let Some((title, rest)) = et_al.then(|| t.rsplit_once(" - ")).flatten() {
        let (who, venue) = match title::trailing_parens(rest.trim_end()) {
            Some((who, v)) if title::is_venue(v) => (who, Some(collapse(v))),
            _ => (rest, None),
        };
        let who = who.trim().trim_end_matches('.').trim_end();
        if who.contains("et al") && reads_as_names(who) && !title.trim().is_empty() {
            return (title.trim().to_string(), Some(who.to_string()), venue);
        }
    }
    if let Some(split) = comma_authors(t) {
        return split;
    }
    if let Some(split) = dash_authors(t) {
        return split;
    }
    // `Title? Ann Smith, Bo Li. OWL 2023`: a title that ends with its own `?` or `!` (kept) before the
    // names (looked at only where such a mark is).
    let marks = memchr::memchr2(b'?', b'!', t.as_bytes()).is_some();
    let marked = marks
        .then(|| {
            text.match_indices(['?', '!']).filter_map(|(i, m)| {
                let title = text.get(..i + m.len())?;
                let rest = text.get(i + m.len()..)?.strip_prefix(' ')?;
                // Only a list of names (`Yes We Can` after a question is a title's own words).
                let first = sentence_breaks(rest).next().map_or(rest, |(s, _)| s);
                names_list(first).then_some((title, rest))
            })
        })
        .into_iter()
        .flatten();
    for (title, rest) in sentence_breaks(text).chain(marked) {
        // A title of one short word (`Dr`, `On`) is a cut in the wrong place.
        let title_t = title.trim();
        if !title_t.contains(' ') && title_t.chars().count() <= 3 {
            continue;
        }
        // Authors run to the next `. ` (then a venue may follow) or to the end; `et al.` ends them too
        // (its period is no sentence's end).
        let (who, after) = match sentence_breaks(rest).next() {
            Some((who, after)) => (who, Some(after.trim())),
            None => match rest.split_once("et al. ") {
                Some((names, after)) if !after.trim().is_empty() => (
                    rest.get(..names.len() + "et al.".len()).unwrap_or(rest),
                    Some(after.trim()),
                ),
                _ => (rest, None),
            },
        };
        if reads_as_names(who) {
            let venue = after
                .map(|a| a.trim_end_matches('.').trim().to_string())
                .filter(|a| !a.is_empty());
            return (
                title.trim().to_string(),
                Some(who.trim().trim_end_matches('.').to_string()),
                venue,
            );
        }
    }
    (text.to_string(), None, None)
}

/// The names that open a citation written authors first, before its title: `Ann Smith, Bo Li. Title …`,
/// `Li et al. Title …`, `Kaplan et al. 2020, Title …`, `Smith, A., & Li, B. (2019). Title …`, and surnames
/// alone (`Ho, Jain, Abbeel. Title. OWL 2020.`) where a year is written. The names (without the year) and
/// the text after them, which opens with the title; `None` when the text does not open with names.
pub(crate) fn lead_authors(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    // `Li et al.` ends the names where its period is no sentence's end.
    let et_al = memchr::memmem::find(t.as_bytes(), b" et al")
        .and_then(|i| t.split_at_checked(i))
        .and_then(|(_, after)| {
            let after = after.strip_prefix(" et al")?;
            let who = t.strip_suffix(after)?;
            Some((who, after.strip_prefix('.').unwrap_or(after)))
        });
    let first_sentence = || sentence_breaks(t).next();
    et_al
        .and_then(|(who, rest)| names_then_title(who, rest))
        .or_else(|| first_sentence().and_then(|(who, rest)| names_then_title(who, rest)))
}

/// `who` when it reads as the names before a title and `rest` opens with that title (a year between them
/// skipped): the names and the title's text.
fn names_then_title<'t>(who: &'t str, rest: &'t str) -> Option<(&'t str, &'t str)> {
    // A year after the names goes with them (`Kaplan et al. 2020, Title`).
    let rest = rest.trim_start_matches([' ', ',', ';', ':']);
    let rest = match rest.split_once(' ') {
        Some((first, after)) if is_year_word(first.trim_end_matches([',', '.', ':'])) => after,
        _ => rest,
    };
    let rest = rest.trim_start();
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'".contains(c));
    if !opens || !rest.contains(' ') {
        return None;
    }
    // What follows must be a title, not a venue (`Title, OpenAI et al., OWL 2020.` is title first).
    let title = title_sentence(rest).0;
    if short_venue(title.trim_end_matches('.')) {
        return None;
    }
    let who = lead_names(who, title::has_year(rest))?.0;
    Some((who, rest))
}

/// Text that is only the names of a paper's authors (`Ann Smith, Bo Li`, `D. Smith et al.`, `Ho, Jain,
/// Abbeel 2020,`, `Smith, A., & Li, B. (2019).`), as they stand before its title: the names and whether a
/// year follows them. Surnames or initials alone read as names only where a year is written (after them,
/// or, `year_after`, after the title).
pub(crate) fn lead_names(text: &str, year_after: bool) -> Option<(&str, bool)> {
    let who = text
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .trim_end();
    // `Kaplan et al. 2020`, `Smith, A. (2019)`.
    let year_end = who
        .strip_suffix(')')
        .and_then(|w| w.rsplit_once('('))
        .filter(|(_, y)| is_year_word(y))
        .or_else(|| who.rsplit_once(' ').filter(|(_, y)| is_year_word(y)))
        .map(|(before, _)| before.trim_end().trim_end_matches([',', '.']).trim_end());
    let (who, year) = match year_end {
        Some(w) => (w, true),
        None => (who, false),
    };
    if who.is_empty() || !reads_as_names(who) {
        return None;
    }
    if names_list(who) {
        return Some((who, year));
    }
    // `Ho, Jain, Abbeel`, `Smith, A., & Li, B.`: short pieces set apart by commas.
    let short = who.contains(", ") && who.split(", ").all(|p| p.split_whitespace().count() <= 3);
    (short && (year || year_after)).then_some((who, year))
}

/// A year (1900–2099) written as a word of its own.
fn is_year_word(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// The title's sentence that opens `text` (up to its `. `, or after its own `?` or `!`) and the text after
/// it, if any.
pub(crate) fn title_sentence(text: &str) -> (&str, Option<&str>) {
    let stop = sentence_breaks(text).next();
    let asked = memchr::memchr2(b'?', b'!', text.as_bytes())
        .and_then(|_| text.match_indices(['?', '!']).next())
        .and_then(|(i, m)| {
            let (title, after) = text.split_at_checked(i + m.len())?;
            Some((title, after.strip_prefix(' ')?))
        });
    match (stop, asked) {
        (Some(s), Some(a)) if a.0.len() < s.0.len() => (a.0, Some(a.1)),
        (Some(s), _) => (s.0, Some(s.1)),
        (None, Some(a)) => (a.0, Some(a.1)),
        (None, None) => (text.trim_end().trim_end_matches('.'), None),
    }
}

/// `Title, Ann Smith et al., OWL 2022.`, `Title, Ann Smith, Bo Li, Cy Wu, OWL 2022`: names after the
/// title's commas, then perhaps a venue with its year. Titles have commas of their own (`Owls, Bats, and
/// Moths`, `Sparse Owls, Dense Bats`), so the names must read as a list of people: three or more full
/// names, or `et al.`, or two before a venue.
fn comma_authors(t: &str) -> Option<(String, Option<String>, Option<String>)> {
    // Cheap look first: most titles have no comma.
    memchr::memchr(b',', t.as_bytes())?;
    let t = t.trim_end().trim_end_matches(['.', ',']).trim_end();
    let mut pieces: Vec<&str> = t.split(", ").collect();
    let mut venue = None;
    if let Some(last) = pieces
        .last()
        .map(|l| l.trim().trim_end_matches('.').trim_end())
    {
        let named = last.chars().next().is_some_and(char::is_alphabetic);
        // A venue alone: `Bo Li. OWL 2023` holds a sentence's end (names, then the venue).
        let alone = !last.contains(". ");
        // `Title, Ann Smith et al., 2022`: a year alone stands for the venue too.
        let year = last.len() == 4
            && last.bytes().all(|b| b.is_ascii_digit())
            && (last.starts_with("19") || last.starts_with("20"));
        if year
            || (named
                && alone
                && last.chars().count() <= 60
                && title::has_year(last)
                && title::is_venue(last))
        {
            venue = Some(collapse(last));
            pieces.pop();
        }
    }
    let (mut names, mut et_al) = (0usize, false);
    while pieces.len() > 1 {
        let Some(piece) = pieces.last().map(|p| p.trim()) else {
            break;
        };
        // `Ann Smith and Bo Li`: two names in one piece.
        let pair = || {
            let (a, b) = piece.split_once(" and ")?;
            Some(person_piece(a)? | person_piece(b)?)
        };
        match person_piece(piece)
            .map(|al| (1, al))
            .or_else(|| pair().map(|al| (2, al)))
        {
            Some((n, al)) => {
                names += n;
                et_al |= al;
                pieces.pop();
            }
            None => break,
        }
    }
    if !(et_al || names >= 3 || (names >= 2 && venue.is_some())) {
        return None;
    }
    let title = pieces.join(", ");
    let title = title.trim();
    let who = t.strip_prefix(title)?.trim_start_matches([',', ' ']);
    let who = match &venue {
        Some(_) => who.rsplit_once(", ").map_or(who, |(names, _)| names),
        None => who,
    };
    (title.split_whitespace().count() >= 2).then(|| {
        (
            title.to_string(),
            Some(who.trim().trim_end_matches('.').to_string()),
            venue,
        )
    })
}

/// A piece of a list of authors: one person (`Ann Smith`, `A. Kumar`, `Tony Z. Zhao`, `and Bo Li`) or
/// one with others (`Ann Smith et al.`, `OpenAI et al.`, `et al.`). `Some(true)` when it says `et al`.
pub(crate) fn person_piece(piece: &str) -> Option<bool> {
    let p = without_author_mark(piece.trim().trim_end_matches('.').trim_end());
    let p = p.strip_prefix("and ").unwrap_or(p).trim();
    let (p, et_al) = match p.strip_suffix("et al") {
        Some(before) => (before.trim(), true),
        None => (p, false),
    };
    let words: Vec<&str> = p.split_whitespace().collect();
    let fewest = if et_al { 0 } else { 2 };
    let name_word = |w: &&str| {
        NAME_PARTICLES_LOWER.contains(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && (w.chars().count() >= 2)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
    };
    ((fewest..=4).contains(&words.len()) && words.iter().all(name_word)).then_some(et_al)
}

/// A name without the mark an author list puts after it (`Ann Smith^s` for a student, `Ann Smith*`,
/// `Ann Smith†`).
fn without_author_mark(p: &str) -> &str {
    let p = p.trim_end_matches(['*', '†', '‡']);
    match p.rsplit_once('^') {
        Some((name, mark))
            if mark.len() <= 3 && mark.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            name.trim_end()
        }
        _ => p,
    }
}

/// Is `text` a list of people, each written out (`Ann Smith, Bo Li and Cy Wu`, `Ann Smith et al.`), or
/// one person marked as an author list marks them (`Ann Smith^s`)?
pub(crate) fn names_list(text: &str) -> bool {
    let mut count = 0usize;
    let mut et_al = false;
    for piece in text.split(", ").flat_map(|p| p.split(" and ")) {
        match person_piece(piece) {
            Some(al) => {
                count += 1;
                et_al |= al;
            }
            None => return false,
        }
    }
    count >= 2 || et_al || (count == 1 && without_author_mark(text.trim()) != text.trim())
}

/// Lowercase words inside a person's name (`Ludwig van Beethoven`).
const NAME_PARTICLES_LOWER: &[&str] = &[
    "de", "van", "von", "der", "den", "di", "da", "le", "la", "du", "del",
];

/// `Title — Ann Smith, Bo Li — OWL 2004`: parts set apart by em or en dashes after the title, each
/// reading as names or as a venue (names as a list, or with a venue after them).
fn dash_authors(t: &str) -> Option<(String, Option<String>, Option<String>)> {
    // Cheap look first: most titles have no dash set off by spaces (both dashes' UTF-8 starts 0xE2).
    if memchr::memchr(0xE2, t.as_bytes()).is_none() || (!t.contains(" — ") && !t.contains(" – "))
    {
        return None;
    }
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || c == '—' || c == '–');
    let mut parts = t.split(" — ").flat_map(|p| p.split(" – "));
    let title = parts.next()?.trim().to_string();
    let (mut authors, mut venue) = (None, None);
    for part in parts {
        let part = part.trim().trim_end_matches('.').trim();
        if part.is_empty() {
            continue;
        }
        // `Ann Smith et al., OWL 2024 (Oral)`: the names, then the venue after their comma.
        let named_venue = part.rsplit_once(", ").filter(|(who, v)| {
            reads_as_names(who) && v.chars().count() <= 60 && title::is_venue(v)
        });
        if authors.is_none() && venue.is_none() && reads_as_names(part) {
            authors = Some(part.to_string());
        } else if let Some((who, v)) = named_venue.filter(|_| authors.is_none() && venue.is_none())
        {
            authors = Some(who.trim_end_matches('.').to_string());
            venue = Some(collapse(v));
        } else if venue.is_none() && part.chars().count() <= 60 && title::is_venue(part) {
            venue = Some(collapse(part));
        } else {
            return None;
        }
    }
    let who = authors.as_deref()?;
    let listy = who.contains(',') || who.contains(" and ") || who.contains("et al");
    (!title.is_empty() && (listy || venue.is_some())).then_some((title, authors, venue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bold_field_name_is_not_a_title() {
        use crate::loader::markdown::tests_support::para;
        assert!(recognise(&para("- **Link:** [arXiv](https://arxiv.org/abs/1)")).is_none());
        assert!(recognise(&para("- **Paper:** [[pdf](https://arxiv.org/abs/1)]")).is_none());
        // A bold name that opens a longer title is still one.
        let h = recognise(&para(
            "- **Hoot:** Counting at Night [[paper](https://arxiv.org/abs/1)]",
        ))
        .unwrap();
        assert_eq!(h.title, "Hoot: Counting at Night");
    }

    #[test]
    fn titles_lose_their_decorations() {
        let h = clean_title("🔥 (ICLR'24) A Great Title (@Big Lab).");
        assert_eq!(h.title, "A Great Title");
        assert_eq!(h.venue.as_deref(), Some("ICLR'24"));
        assert_eq!(h.affiliation.as_deref(), Some("Big Lab"));
        let h = clean_title("Owl Nets, ICML 2021");
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.venue.as_deref(), Some("ICML 2021"));
        assert_eq!(
            clean_title("Owls, Bats, and Moths").title,
            "Owls, Bats, and Moths"
        );
        let h = clean_title("Owl Blocks: Sparse Training with Mixture-of-Owls. OWL 2023");
        assert_eq!(h.title, "Owl Blocks: Sparse Training with Mixture-of-Owls");
        assert_eq!(h.venue.as_deref(), Some("OWL 2023"));
        let h = clean_title("Scaling Owls with Sparse Experts (V-Owl) [OWL 2021]");
        assert_eq!(h.title, "Scaling Owls with Sparse Experts (V-Owl)");
        assert_eq!(h.venue.as_deref(), Some("OWL 2021"));
        // A sentence that is not a short venue stays in the title.
        assert_eq!(
            clean_title("Owls at Night. A Study of 2023 Hoots").title,
            "Owls at Night. A Study of 2023 Hoots"
        );
        let h = clean_title("Another Title | OSDI'24");
        assert_eq!(h.title, "Another Title");
        assert_eq!(h.venue.as_deref(), Some("OSDI'24"));
        // A short name in brackets that is not a venue stays.
        assert_eq!(
            clean_title("Retrieval with Graphs (GraphRAG)").title,
            "Retrieval with Graphs (GraphRAG)"
        );
    }

    #[test]
    fn authors_after_a_period_are_split_off() {
        let (t, a, v) = split_authors("Deep Nets for Owls. Ann Smith, Bo Li and C. Wu. OWL 2020");
        assert_eq!(t, "Deep Nets for Owls");
        assert_eq!(a.as_deref(), Some("Ann Smith, Bo Li and C. Wu"));
        assert_eq!(v.as_deref(), Some("OWL 2020"));
        // Not after an abbreviation or an initial.
        let (t, a, _) = split_authors("Dr. Owl and Mr. Hoot in Storage Systems");
        assert_eq!(
            (t.as_str(), a),
            ("Dr. Owl and Mr. Hoot in Storage Systems", None)
        );
        let (t, a, _) = split_authors("Owls vs. Bats. Ann Smith, Bo Li");
        assert_eq!(t, "Owls vs. Bats");
        assert_eq!(a.as_deref(), Some("Ann Smith, Bo Li"));
        // Authors that end with `et al.`, then the venue.
        let (t, a, v) =
            split_authors("Owl Tables: A Store for Owls. Ada Barn, Bo Tawny, et al. OWL 2006.");
        assert_eq!(t, "Owl Tables: A Store for Owls");
        assert_eq!(a.as_deref(), Some("Ada Barn, Bo Tawny, et al"));
        assert_eq!(v.as_deref(), Some("OWL 2006"));
        // Authors and venue set apart by dashes.
        let (t, a, v) =
            split_authors("Owl Reduce: Simple Hooting — Ada Barn, Bo Tawny — OWL 2004 —");
        assert_eq!(t, "Owl Reduce: Simple Hooting");
        assert_eq!(a.as_deref(), Some("Ada Barn, Bo Tawny"));
        assert_eq!(v.as_deref(), Some("OWL 2004"));
        // A dash before words that are not names keeps the title whole.
        assert_eq!(split_authors("Owls — A Field Guide").1, None);
        // A period inside a title is not a split when no names follow.
        assert_eq!(split_authors("The Ph.D. Grind").0, "The Ph.D. Grind");
        assert_eq!(
            split_authors("Mr. Robot meets the cloud. a study").0,
            "Mr. Robot meets the cloud. a study"
        );
    }

    #[test]
    fn what_follows_a_title() {
        let d = describe(" (2016), A. Author et al. ");
        assert_eq!(d.venue.as_deref(), Some("2016"));
        assert_eq!(d.authors.as_deref(), Some("A. Author et al"));
        let d = describe(". Ann Smith, Bo Li. OWL 2020.");
        assert_eq!(d.authors.as_deref(), Some("Ann Smith, Bo Li"));
        assert_eq!(d.venue.as_deref(), Some("OWL 2020"));
        // Emphasis left as written (a space before its closing `*`) is not part of the names.
        let d = describe(" *Ann Smith, Bo Li * [1st May, 2023] [OWL, 2023]");
        assert_eq!(d.authors.as_deref(), Some("Ann Smith, Bo Li"));
        assert_eq!(d.venue.as_deref(), Some("OWL 2023"));
        let d = describe(", by Ann Smith - a classic");
        assert_eq!(d.authors.as_deref(), Some("Ann Smith"));
        assert_eq!(d.description.as_deref(), Some("a classic"));
        // Bracketed pieces are read one by one, never cut at a comma inside them.
        let d = describe(" [1st May, 2023] [arXiv, 2023] ");
        assert_eq!(d.venue.as_deref(), Some("arXiv 2023"));
        assert_eq!(d.description, None);
        let d = describe("[27th Jan., 2022] [Owl Imaging 2022: Image Processing]");
        assert_eq!(
            d.venue.as_deref(),
            Some("Owl Imaging 2022: Image Processing")
        );
        let d = describe("[3rd Mar., 2021]");
        assert_eq!(d.venue.as_deref(), Some("3rd Mar., 2021"));
        let d = describe(". A file format for graphs.");
        assert_eq!(d.description.as_deref(), Some("A file format for graphs"));
    }

    #[test]
    fn names_and_sentences() {
        assert!(reads_as_names("Ann Smith, Bo Li"));
        assert!(reads_as_names("Smith et al."));
        assert!(!reads_as_names("we propose a new method, and it works"));
        assert!(!reads_as_names("Tree"));
    }
}
