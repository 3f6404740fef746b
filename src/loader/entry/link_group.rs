//! `Title \[[Paper](u)] \[[Code](u)]` (our own notes), and the awesome-list styles of the same thing:
//! `Title [[Paper]](u) [[Code]](u)`, `Title [\[pdf\]](u)`, `Title [paper](u) | [code](u)`,
//! `Title. [arXiv](u)`. The title is the text before the group; every link of the paragraph is the
//! paper's (badges left out).

use super::super::title::is_venue;
use super::inline::{is_decoration, is_emoji, is_link_label, is_paper_label, unbracket, Seg};
use super::{clean_title, split_authors, Head, Shape};

/// Where the link group starts: the index of its first link among `segs`.
///
/// A link is a group's when it is written in brackets (`[[Paper](u)]`, `[[Paper]](u)`, `[\[pdf\]](u)`).
/// Without brackets, the links that end the paragraph (with only separators and badges between them)
/// form a group when every one of them is labelled like a link (`paper`, `code`, `arXiv`) and the text
/// before them does not run into them as a sentence does (`… see the [code](u)`); such a group is
/// *weak* (see [`Group`]).
pub fn start(segs: &[Seg]) -> Option<usize> {
    group(segs).map(|g| g.start)
}

/// Where a link group starts, and how sure the shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub start: usize,
    /// Plain labelled links (`Title [paper](u)`), not written in brackets: an entry of its own only
    /// where nothing stronger encloses it (a takeaway may end with `[code](u)` too).
    pub weak: bool,
}

/// Words that end a sentence's run into a link rather than a title (`… see the [code](u)`).
const RUN_IN: &[&str] = &[
    "see",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "from",
    "via",
    "with",
    "by",
    "of",
    "to",
    "and",
    "or",
    "our",
    "its",
    "their",
    "this",
    "here",
    "is",
    "are",
    "available",
    "released",
    "open-sourced",
    "under",
    "for",
    "as",
];

pub fn group(segs: &[Seg]) -> Option<Group> {
    let mut prev_text_ends_with_bracket = false;
    for (i, s) in segs.iter().enumerate() {
        match s {
            // `[` or a full-width `【` opens a bracketed link (`Title【[论文](u)】`).
            Seg::Text(t, _) => prev_text_ends_with_bracket = t.trim_end().ends_with(['[', '【']),
            Seg::Break { .. } => {}
            Seg::Link(l) if l.is_badge() => {}
            Seg::Link(l) => {
                if prev_text_ends_with_bracket || l.is_bracketed() {
                    return Some(Group {
                        start: i,
                        weak: false,
                    });
                }
                prev_text_ends_with_bracket = false;
            }
        }
    }
    // The trailing run of labelled links (not links to anchors: those are a table of contents), after
    // some title text.
    let mut first = None;
    for (i, s) in segs.iter().enumerate().rev() {
        match s {
            Seg::Text(t, _) if is_decoration(t) => {}
            // `… [Code](u) ⭐ 19.2k`: the repository's stars, decoration.
            Seg::Text(t, _) if first.is_none() && super::inline::is_star_count(t) => {}
            // `Title – https://… (DeepMind)`: who wrote it, set apart after the links.
            Seg::Text(t, _) if first.is_none() && org_after(t) => {}
            // `… [arXiv](u) #todo`: a note-taking app's tags.
            Seg::Text(t, _) if first.is_none() && super::inline::is_hashtags(t) => {}
            // `… [pdf](u) (P0)`: a reading priority, a note.
            Seg::Text(t, _) if first.is_none() && super::inline::priority_note(t).is_some() => {}
            // `… | [Code](u) | ICLR 2024`: a venue after the links, before any link is seen.
            Seg::Text(t, _) if first.is_none() && trailing_venue(t).is_some() => {}
            // `… Smith et al. [OWL 2022](u).`: the sentence's end after its last link.
            Seg::Text(t, _) if first.is_none() && t.trim() == "." => {}
            Seg::Break { .. } => {}
            Seg::Link(l) if l.is_badge() => {}
            // `Title ([arXiv](u))`: a venue in parentheses, not a group; but an arXiv id names the
            // paper itself (`Title ([arXiv:2208.04933](u))`): its link.
            Seg::Link(l)
                if in_parens(segs, i)
                    && is_venue(&l.text)
                    && !super::super::reader::kind::is_arxiv_id(unbracket(&l.text)) =>
            {
                break
            }
            Seg::Link(l)
                if (is_link_label(&l.text)
                    || l.is_bare_url()
                    || l.is_emoji_only()
                    || venue_label(&l.text))
                    && !l.url.trim_start().starts_with('#') =>
            {
                first = Some(i)
            }
            _ => break,
        }
    }
    let start = first?;
    let (before, _) = title_text(&segs[..start]);
    // A bare URL ends a title written before it (`Title - https://…`, `Title (https://…)`), not a field
    // (`Code: https://…`, `DOI= https://…`) or a citation's last sentence (`… ACM. https://…`).
    let bare = matches!(segs.get(start), Some(Seg::Link(l)) if l.is_bare_url());
    let before_end = before.trim_end();
    // A field's name has three words at most (`Code: https://…`, `… 1–16. DOI:https://…`); four or more
    // before the colon, and the paper's own page after it, are a title (`Resurrecting Recurrent Neural
    // Networks: https://arxiv.org/…`).
    let titled = bare
        && before_end.ends_with([':', '：'])
        && line_before(segs, start)
            .rsplit([',', ';', '.'])
            .next()
            .is_some_and(|name| name.split_whitespace().count() >= 4)
        && matches!(segs.get(start), Some(Seg::Link(l))
            if super::super::reader::url_kind::on_paper_host(l.url));
    // `"A Quoted Title", Smith et al. 2024, https://…`: the quotes hold the title, the citation's rest
    // follows it.
    let quoted =
        bare && before_end.starts_with(['"', '“']) && super::quoted_title(before_end).is_some();
    if bare && before_end.ends_with(['.', ':', '=', ',', ';', '：']) && !titled && !quoted {
        return None;
    }
    let last_word = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())?;
    if RUN_IN.contains(&last_word) {
        return None;
    }
    Some(Group { start, weak: true })
}

/// The text of the line before the link at `start` (from the last line break, or the last link).
fn line_before(segs: &[Seg], start: usize) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    for s in segs.get(..start).unwrap_or_default().iter().rev() {
        match s {
            Seg::Text(t, _) => pieces.push(t),
            Seg::Break { .. } | Seg::Link(_) => break,
        }
    }
    pieces.iter().rev().copied().collect()
}

/// An organisation in parentheses after an entry's links (`(DeepMind)`, `(Owl Lab)`): capitalised, three
/// words at most, no digits, not a label (`(blog)`, `(video)`).
fn org_after(t: &str) -> bool {
    let Some(inner) = t.trim().strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    let inner = inner.trim();
    inner.starts_with(|c: char| c.is_uppercase())
        && inner.split_whitespace().count() <= 3
        && !inner.contains(|c: char| c.is_ascii_digit() || "()[]".contains(c))
        && super::super::reader::kind::label_kind(inner).is_none()
        && !is_venue(inner)
}

/// The venue written after a paragraph's last link (`… [Code](u) | ICLR 2024`, `…, OWL 2023.`): text
/// that, without its separators, names a venue and nothing more.
fn trailing_venue(t: &str) -> Option<&str> {
    let v = t
        .trim()
        .trim_start_matches(|c: char| c.is_whitespace() || "|,;-–—·".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;|".contains(c));
    // `… [pdf](u) (ICLR 2024)`: the parentheses are not the venue's.
    let v = v
        .strip_prefix(['(', '（'])
        .and_then(|i| i.strip_suffix([')', '）']))
        .map_or(v, str::trim);
    (!v.is_empty() && v.len() <= 60 && is_venue(v) && !v.contains(['[', ']'])).then_some(v)
}

/// A link labelled by the paper's venue (`Title — [OWL 2018](u) / [code](u)`): the paper's link, its
/// text a short venue with its year, never title text.
fn venue_label(text: &str) -> bool {
    let t = unbracket(text);
    t.len() <= 30
        && t.split_whitespace().count() <= 4
        && t.chars().next().is_some_and(|c| c.is_alphabetic())
        && super::super::title::has_year(t)
        && is_venue(t)
}

/// The venue a link of the group is labelled with (`[OWL 2018](u)`), the first such.
fn venue_of_links(segs: &[Seg]) -> Option<String> {
    segs.iter().find_map(|s| match s {
        Seg::Link(l) if !l.is_badge() && venue_label(&l.text) => {
            Some(super::super::markdown::collapse(unbracket(&l.text)))
        }
        _ => None,
    })
}

/// The venue in the text after the last link (badges aside), if that text is only a venue.
fn venue_after_links(segs: &[Seg]) -> Option<String> {
    let last = segs
        .iter()
        .rposition(|s| matches!(s, Seg::Link(l) if !l.is_badge()))?;
    // Most entries end with their links (`… \[[Code](u)]`): no letter or digit after them, no venue.
    let words =
        |s: &Seg| matches!(s, Seg::Text(t, _) if t.bytes().any(|b| b.is_ascii_alphanumeric()));
    if !segs.get(last + 1..)?.iter().any(words) {
        return None;
    }
    let mut text = String::new();
    for s in segs.get(last + 1..)? {
        match s {
            Seg::Text(t, _) => text.push_str(t),
            Seg::Break { .. } => text.push(' '),
            Seg::Link(_) => {}
        }
    }
    trailing_venue(&text).map(super::super::markdown::collapse)
}

/// Is the link at `i` written inside parentheses: `(` right before it and `)` right after?
fn in_parens(segs: &[Seg], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|j| segs.get(j))
        .is_some_and(|s| matches!(s, Seg::Text(t, _) if t.trim_end().ends_with('(')));
    let after = segs
        .get(i + 1)
        .is_some_and(|s| matches!(s, Seg::Text(t, _) if t.trim_start().starts_with(')')));
    before && after
}

/// The links of a paragraph, badges left out, labels without their brackets.
pub fn links(segs: &[Seg]) -> Vec<(String, String)> {
    segs.iter()
        .filter_map(|s| match s {
            Seg::Link(l) if !l.is_badge() => Some((l.label(), l.url.to_string())),
            _ => None,
        })
        .collect()
}

/// The text of segments before `end`, the way a title is read: a hard break (`<br>`) ends the title
/// and what follows it is returned apart (authors, often).
pub fn title_text(segs: &[Seg]) -> (String, Option<String>) {
    let mut title = String::new();
    let mut after: Option<String> = None;
    for s in segs {
        if matches!(s, Seg::Break { hard: true }) && after.is_none() && !title.trim().is_empty() {
            after = Some(String::new());
            continue;
        }
        let out = after.as_mut().unwrap_or(&mut title);
        match s {
            Seg::Text(t, _) => out.push_str(t),
            Seg::Link(l) => out.push_str(&l.text),
            Seg::Break { .. } => out.push(' '),
        }
    }
    let title = super::super::markdown::collapse(&title);
    (title, after.map(|a| super::super::markdown::collapse(&a)))
}

/// `Lewis et al. 2020 — **A Title** — OWL — [paper](u)`: the authors first, then the title in bold or
/// italic. The title is the emphasised piece (two words or more) wherever it stands, when what comes
/// before it reads as names (with a year); the text after it is the venue.
fn emphasised_title(segs: &[Seg]) -> Option<Head> {
    let emphasised =
        |s: &Seg| matches!(s, Seg::Text(t, st) if (st.bold || st.italic) && !t.trim().is_empty());
    // Cheap look first: an emphasised run that does not open the entry.
    let mut at = segs.iter().position(emphasised)?;
    let (title, end) = loop {
        if at == 0 {
            return None;
        }
        let mut end = at;
        let mut title = String::new();
        while let Some(s) = segs.get(end) {
            match s {
                Seg::Text(t, st) if st.bold || st.italic => title.push_str(t),
                _ => break,
            }
            end += 1;
        }
        let title = super::super::markdown::collapse(&title);
        // `Ann Smith, **Bo Li**, Cy Wu. *Title*.`: a lab member's name in bold is one of the authors.
        let more_names = matches!(segs.get(end), Some(Seg::Text(t, _))
            if t.trim_start().starts_with([',', '.', '^', '*', '†', '&']) || t.starts_with(" and "));
        if !(more_names && super::person_piece(&title).is_some()) {
            break (title, end);
        }
        at = end + segs.get(end..)?.iter().position(emphasised)?;
    };
    // `Title, *Ann Barn and Bo Tawny*, OWL 2022`: emphasised names are the authors, never the title.
    if title.split_whitespace().count() < 2 || super::names_list(&title) {
        return None;
    }
    let (before, _) = title_text(&segs[..at]);
    let (after, _) = title_text(&segs[end..]);
    // `★ Abadi et al. **Title.**`: a marker before the names is decoration.
    let before = super::inline::strip_lead(&before).0.to_string();
    let sep = |c: char| c.is_whitespace() || ".,;:|-–—·/(".contains(c);
    // The emphasis is a piece of its own, set apart from the names and from what follows (`Barn Owl
    // *Tyto alba* Tracking` is one title).
    let apart_before = before
        .trim_end()
        .ends_with(|c: char| ".,;:|-–—·)".contains(c) || c.is_ascii_digit());
    let apart_after = title.ends_with(['.', '?', '!'])
        || after
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| ".,;:|-–—·/([".contains(c));
    if !apart_before || !apart_after {
        return None;
    }
    // `Lewis et al. 2020`, `Ann Smith (2020).`: the names before any year.
    let who = before
        .split(|c: char| c == '(' || c.is_ascii_digit())
        .next()
        .unwrap_or("")
        .trim_matches(sep);
    // Names alone: not a sentence before them (`Ann Smith, Bo Li. Title. In *Venue*`: the italic run is
    // the venue, not a title after names).
    if who.is_empty()
        || !super::reads_as_names(who)
        || who.contains(':')
        || super::sentence_breaks(who).next().is_some()
    {
        return None;
    }
    let year = before
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    let mut head = clean_title(&title);
    if head.title.split_whitespace().count() < 2 {
        return None;
    }
    head.authors = Some(who.to_string());
    let after = after.trim_matches(|c: char| sep(c) || c == ')' || c == '[');
    let venue = match (after.is_empty() || after.chars().count() > 80, year) {
        (false, Some(y)) if !after.contains(y) => Some(format!("{after} {y}")),
        (false, _) => Some(after.to_string()),
        (true, y) => y.map(str::to_string),
    };
    head.venue = head.venue.or(venue);
    Some(head)
}

/// `` `OWL 2023` Title [paper](u) ``, `` `2401.00001` Title ``: a venue, date or arXiv id (or a kind tag,
/// `` `Survey` ``) in a code span before the title. How many segments it takes (none when there is no such tag) and the venue.
fn code_tag(segs: &[Seg]) -> (usize, Option<String>) {
    for (i, s) in segs.iter().enumerate() {
        match s {
            Seg::Text(t, _) if t.trim().is_empty() => {}
            Seg::Text(t, st) if st.code => {
                return match super::inline::lead_tag(t) {
                    Some(v) => (i + 1, Some(v)),
                    // `` `Survey` Title ``: what kind of paper it is, a tag.
                    None if super::inline::paper_kind_tag(t) => (i + 1, None),
                    None => (0, None),
                };
            }
            _ => break,
        }
    }
    (0, None)
}

/// `[[OWL 2023](u)] Title`, `**[2401.00001](u)** Title`, `[arxiv.org/abs/2401.00001](u) Title`: a link
/// whose text is a venue, a date, an arXiv id or an address opens the entry, and the title follows it.
/// The link is the paper's and its venue (a venue or an id) the entry's, never the title.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadLink {
    /// The index of the segment after the link.
    pub after: usize,
    pub venue: Option<String>,
}

pub fn lead_link(segs: &[Seg]) -> Option<LeadLink> {
    for (i, s) in segs.iter().enumerate() {
        match s {
            Seg::Break { .. } => {}
            Seg::Link(l) if l.is_badge() => {}
            // Only white space, emoji and an opening bracket before the link.
            Seg::Text(t, _) if is_decoration(t) => {}
            Seg::Text(..) => return None,
            Seg::Link(l) => {
                let text = unbracket(&l.text);
                // Cheap look first: a tag holds a digit, an address a `/` (most titles hold neither).
                if !text.bytes().any(|b| b.is_ascii_digit() || b == b'/') {
                    return None;
                }
                let venue = super::inline::lead_tag(text);
                let address = venue.is_none() && is_address(text);
                if venue.is_none() && !address {
                    return None;
                }
                // What follows, after a closing bracket and a separator, reads as a title: words that
                // open with a letter or a digit (a capital after an address).
                let Some(Seg::Text(next, _)) = segs.get(i + 1) else {
                    return None;
                };
                let next = next
                    .trim_start_matches(|c: char| c.is_whitespace() || "]】):|-–—·".contains(c));
                let opens = next.chars().next().is_some_and(|c| {
                    (c.is_alphanumeric() && (!address || !c.is_lowercase())) || "\"“'".contains(c)
                });
                if !opens || !next.trim_end().contains(' ') {
                    return None;
                }
                return Some(LeadLink {
                    after: i + 1,
                    venue,
                });
            }
        }
    }
    None
}

/// Text written as an address (`https://arxiv.org/abs/1`, `arxiv.org/abs/1`): one word, a host with a
/// dot before its first `/`.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    !t.contains(char::is_whitespace)
        && t.split_once('/').is_some_and(|(host, _)| {
            host.contains('.') && host.bytes().any(|b| b.is_ascii_alphabetic())
        })
}

pub fn recognise(segs: &[Seg]) -> Option<Head> {
    let lead = lead_link(segs);
    let Group { start, weak } = match &lead {
        None => group(segs)?,
        // As sure as a title-as-link: the entry opens with its paper's link.
        Some(l) => Group {
            start: segs
                .get(l.after..)
                .and_then(group)
                .map_or(segs.len(), |g| g.start + l.after),
            weak: false,
        },
    };
    let (skip, code_venue) = match &lead {
        Some(l) => (l.after, l.venue.clone()),
        None => code_tag(&segs[..start]),
    };
    let (raw, after_break) = title_text(segs.get(skip..start)?);
    let raw = raw.trim_end().trim_end_matches(['[', '(', '【']).trim_end();
    // After a leading link: its closing bracket and a separator are not the title's.
    let raw = match lead {
        Some(_) => raw.trim_start_matches(|c: char| c.is_whitespace() || "]】):|-–—·".contains(c)),
        None => raw,
    };
    // `Title 📄 [Paper](u) 💻 [Code](u)`: an emoji before plain labelled links marks the first of them,
    // not the title (before a bracketed group, as in `Title 🦘 \[[Paper](u)]`, it is the title's).
    let raw = if weak {
        raw.trim_end_matches(|c: char| c.is_whitespace() || is_emoji(c))
    } else {
        raw
    };
    if let Some(mut head) = super::quoted_title(raw) {
        head.shape = Shape::LinkGroup;
        head.weak = weak;
        head.links = links(segs);
        head.paper_label = head.links.iter().any(|(l, _)| is_paper_label(l));
        return Some(head);
    }
    if let Some(mut head) = emphasised_title(&segs[..start]) {
        head.shape = Shape::LinkGroup;
        head.weak = weak;
        head.links = links(segs);
        head.paper_label = head.links.iter().any(|(l, _)| is_paper_label(l));
        return Some(head);
    }
    let (raw, authors, venue) = split_authors(raw);
    let mut head = clean_title(&raw);
    head.shape = Shape::LinkGroup;
    head.weak = weak;
    head.authors = head.authors.or(authors).or_else(|| {
        after_break
            .filter(|a| super::reads_as_names(a))
            .map(|a| a.trim_end_matches('.').to_string())
    });
    head.venue = head
        .venue
        .or(venue)
        .or_else(|| venue_after_links(segs))
        .or_else(|| venue_of_links(&segs[start..]))
        .or(code_venue);
    head.links = links(segs);
    head.paper_label = head.links.iter().any(|(l, _)| is_paper_label(l));
    if head.description.is_none() {
        head.description = priority_after_links(segs);
    }
    Some(head)
}

/// A reading priority after the paragraph's last link (`… [pdf](u) (P0)`).
fn priority_after_links(segs: &[Seg]) -> Option<String> {
    match segs.last()? {
        Seg::Text(t, _) => super::inline::priority_note(t).map(str::to_string),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::inline::segments;
    use super::*;
    use crate::loader::markdown::tests_support::para;

    fn head(md: &str) -> Option<Head> {
        recognise(&segments(&para(md)))
    }

    #[test]
    fn every_group_style() {
        for md in [
            "- Owl Nets \\[[Paper](https://a.org/p)] \\[[Code](https://b.org/c)]",
            "- Owl Nets [[Paper]](https://a.org/p) [[Code]](https://b.org/c)",
            "- Owl Nets [\\[pdf\\]](https://a.org/p) [\\[code\\]](https://b.org/c)",
            "- Owl Nets [paper](https://a.org/p) | [code](https://b.org/c)",
            "- Owl Nets [[paper](https://a.org/p)][[code](https://b.org/c)]",
            "- Owl Nets. [arXiv](https://a.org/p), [code](https://b.org/c)",
        ] {
            let h = head(md).unwrap_or_else(|| panic!("no group in {md}"));
            assert_eq!(h.title, "Owl Nets", "{md}");
            let urls: Vec<&str> = h.links.iter().map(|(_, u)| u.as_str()).collect();
            assert_eq!(urls, ["https://a.org/p", "https://b.org/c"], "{md}");
            assert!(h.paper_label, "{md}");
        }
    }

    #[test]
    fn labels_lose_brackets_and_badges_are_not_links() {
        let h = head("- Owl Nets [[Paper]](https://a.org/p) [![Stars](https://img.shields.io/s.svg)](https://github.com/o/n)").unwrap();
        assert_eq!(
            h.links,
            vec![("Paper".to_string(), "https://a.org/p".to_string())]
        );
    }

    #[test]
    fn a_venue_in_parentheses_is_not_a_group() {
        assert!(head("- Owl Nets ([arXiv](https://arxiv.org/abs/1))").is_none());
        let h =
            head("- Owl Nets ([paper](https://arxiv.org/abs/1), [code](https://b.org/c))").unwrap();
        assert_eq!(h.title, "Owl Nets");
    }

    #[test]
    fn a_sentence_running_into_a_link_is_not_a_group() {
        assert!(head("- Faster than Raven (see the [artifact](https://a.org/x))").is_none());
        assert!(head("- The code is available on [GitHub](https://github.com/o/n)").is_none());
        assert!(head("- Owl Nets [paper](https://a.org/p)").unwrap().weak);
        assert!(!head("- Owl Nets [[paper](https://a.org/p)]").unwrap().weak);
    }

    #[test]
    fn navigation_is_not_a_group() {
        assert!(head("- [Citation](#citation)").is_none());
        assert!(head("- [Code](https://github.com/o/n)").is_none());
    }

    #[test]
    fn prose_with_a_link_is_not_a_group() {
        assert!(head("- We build on [Ray](https://ray.io) for scheduling").is_none());
        assert!(head("- See [Ray](https://ray.io)").is_none());
    }

    #[test]
    fn a_quoted_title_after_a_short_name() {
        let h = head("* **OwlNet**: \"Owls Are Worth 16x16 Feathers\", ICCV, 2021 (*Owl Lab*). [[Paper](https://arxiv.org/abs/1)][[PyTorch](https://github.com/o/n)]").unwrap();
        assert_eq!(h.title, "Owls Are Worth 16x16 Feathers");
        assert_eq!(h.venue.as_deref(), Some("ICCV, 2021"));
        assert_eq!(h.affiliation.as_deref(), Some("Owl Lab"));
        assert_eq!(h.description.as_deref(), Some("OwlNet"));
        assert_eq!(h.links.len(), 2);
    }

    #[test]
    fn a_venue_after_the_links() {
        let h = head("- Owl Nets | [Paper](https://arxiv.org/abs/1) | [Code](https://github.com/o/n) | OWL 2024").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.venue.as_deref(), Some("OWL 2024"));
        assert_eq!(h.links.len(), 2);
        // Words after the links that are not a venue still end the group.
        assert!(head("- Owl Nets [paper](https://arxiv.org/abs/1) and more to say").is_none());
    }

    #[test]
    fn a_bare_url_after_a_title() {
        let h = head("- Owl Nets (OWL 2022) - https://arxiv.org/abs/1").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.venue.as_deref(), Some("OWL 2022"));
        assert_eq!(h.links[0].1, "https://arxiv.org/abs/1");
        let h = head("- Owl Nets <https://arxiv.org/abs/1>").unwrap();
        assert_eq!(h.title, "Owl Nets");
        let h = head("- Owl Nets, ICML 2021 (https://arxiv.org/abs/1)").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.venue.as_deref(), Some("ICML 2021"));
        // A field or a citation's last sentence before the URL: not a title.
        assert!(head("- Homepage: https://owls.example.org").is_none());
        assert!(head("- Owl Nets. In Proc. OWL. https://doi.org/10.1/2").is_none());
    }

    #[test]
    fn emoji_that_mark_links_are_not_the_title() {
        let h = head(
            "- Owl Nets 📄 [Paper](https://arxiv.org/abs/1) 💻 [Code](https://github.com/o/n)",
        )
        .unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.links.len(), 2);
        let h =
            head("- Owl Nets [📄](https://arxiv.org/abs/1) [🐙](https://github.com/o/n)").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.links.len(), 2);
    }

    #[test]
    fn a_link_labelled_by_a_venue_is_the_papers() {
        let h = head("- Owl Attention Networks — [OWL 2018](https://arxiv.org/abs/1) / [code](https://github.com/o/n)").unwrap();
        assert_eq!(h.title, "Owl Attention Networks");
        assert_eq!(h.venue.as_deref(), Some("OWL 2018"));
        assert_eq!(h.links.len(), 2);
        let h = head("1. Hoot: Reasoning and Acting in Owls. OWL 2023. [arXiv:2210.00001](https://arxiv.org/abs/2210.00001)").unwrap();
        assert_eq!(h.title, "Hoot: Reasoning and Acting in Owls");
        assert_eq!(h.venue.as_deref(), Some("OWL 2023"));
    }

    #[test]
    fn authors_first_then_an_emphasised_title() {
        let h = head("- Barn et al. 2020 — **Retrieval-Augmented Hooting for Night Tasks** — OWL — [paper](https://arxiv.org/abs/1)").unwrap();
        assert_eq!(h.title, "Retrieval-Augmented Hooting for Night Tasks");
        assert_eq!(h.authors.as_deref(), Some("Barn et al"));
        assert_eq!(h.venue.as_deref(), Some("OWL 2020"));
        let h =
            head("- Ada Barn. *Owls Counting at Night*. OWL 2021. [pdf](https://a.org/p)").unwrap();
        assert_eq!(h.title, "Owls Counting at Night");
        assert_eq!(h.authors.as_deref(), Some("Ada Barn"));
        // Emphasis inside a title is the title's.
        let h = head("- Barn Owl *Tyto alba* Tracking [paper](https://a.org/p)").unwrap();
        assert_eq!(h.title, "Barn Owl Tyto alba Tracking");
        let h = head("1. Ada Barn. \"Time, Hoots, and the Ordering of Owls in a Parliament.\" Owl Letters, 1978. [PDF](https://a.org/p)").unwrap();
        assert_eq!(
            h.title,
            "Time, Hoots, and the Ordering of Owls in a Parliament"
        );
        assert_eq!(h.authors.as_deref(), Some("Ada Barn"));
        assert_eq!(h.venue.as_deref(), Some("Owl Letters, 1978"));
    }

    #[test]
    fn full_width_brackets_are_brackets() {
        let h = head("- 【OWL 2024】Streaming Owls with Attention Perches【[论文](https://arxiv.org/abs/1)】【[代码](https://github.com/o/n)】").unwrap();
        assert_eq!(h.title, "Streaming Owls with Attention Perches");
        assert_eq!(h.venue.as_deref(), Some("OWL 2024"));
        assert_eq!(h.links.len(), 2);
        assert!(!h.weak);
    }

    #[test]
    fn authors_after_the_title() {
        let h = head("- Owl Nets. Ann Smith, Bo Li. [pdf](https://a.org/p)").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.authors.as_deref(), Some("Ann Smith, Bo Li"));
        let h = head("- Owl Nets<br>Ann Smith, Bo Li [pdf](https://a.org/p)").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.authors.as_deref(), Some("Ann Smith, Bo Li"));
    }
}
