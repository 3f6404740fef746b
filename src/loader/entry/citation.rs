//! A reading cited in full, the title in bold wherever it stands: `Ann Smith and Bo Li. 2012. **Owls Can
//! Count**. In Proceedings of OWL '12. DOI: https://doi.org/…`, `Smith, A. (1999). **Owls**. Owl Press.`.
//! The title is the first bold run of two words or more (without its final `.`, its quotes and the comma
//! inside them); the text around it holds the authors, the year and the venue; its links are the
//! citation's (bare DOI URLs count). A citation needs a year outside the bold text.

use super::super::markdown::{collapse, Tok};
use super::super::reader::url_kind::url_kind;
use super::inline::Seg;
use super::link_group::links;
use super::{clean_title, Head, Shape};

/// A citation among the segments of an entry, when it reads as one. `opening` asks that the entry open
/// with its authors or its title (a paragraph must; a list item's bullet already says where it starts).
pub fn recognise(segs: &[Seg], opening: bool) -> Option<Head> {
    let mut bold = String::new();
    let mut before = String::new();
    let mut outside = String::new();
    let mut found = false;
    let mut in_bold = false;
    for s in segs {
        match s {
            Seg::Text(t, st) if st.bold && !found => {
                in_bold = true;
                bold.push_str(t);
            }
            Seg::Text(t, _) => {
                if in_bold && !found {
                    // `**Last Updated**: …` is a field's name, not a title.
                    if t.trim_start().starts_with(':') || bold.trim_end().ends_with(':') {
                        return None;
                    }
                    if bold.split_whitespace().count() >= 2 {
                        found = true;
                    } else {
                        // A one-word bold (`**Note**`, `(**Chapter 1**)`) is not the title.
                        before.push_str(&bold);
                        bold.clear();
                    }
                    in_bold = false;
                }
                if !found {
                    before.push_str(t);
                }
                outside.push_str(t);
            }
            Seg::Break { .. } => {
                if in_bold {
                    bold.push(' ');
                } else {
                    outside.push(' ');
                    if !found {
                        before.push(' ');
                    }
                }
            }
            Seg::Link(l) => {
                // Only bare URLs (and badges) may stand in a citation; a link with words is another shape.
                if !l.is_badge() && l.text != l.url {
                    return None;
                }
            }
        }
    }
    if !(found || in_bold && bold.split_whitespace().count() >= 2) {
        return None;
    }
    if !has_year(&outside) {
        return None;
    }
    if opening {
        let lead = collapse(&before);
        let lead = lead.split(['(', '1', '2']).next().unwrap_or("");
        let lead = lead.trim().trim_end_matches(['.', ',', ' ']);
        if !lead.is_empty() && !super::reads_as_names(lead) {
            return None;
        }
    }
    let raw = collapse(&bold);
    // `"As We May Think,"`: quotes around the whole title go, with the comma inside them.
    let raw = raw.trim();
    let raw = match raw.strip_prefix(['"', '“']) {
        Some(inner) => inner
            .trim_end_matches(['"', '”'])
            .trim_end_matches([',', ';'])
            .trim(),
        None => raw,
    };
    // A bold reading instruction (`Read Chapter 43 “Owls by Night” from 43.1–43.2`) names the title in
    // its quotes.
    let lower = raw.to_lowercase();
    let raw = if lower.starts_with("read ") || lower.starts_with("see ") {
        quoted(raw).unwrap_or(raw)
    } else {
        raw
    };
    let mut head = clean_title(raw);
    if head.title.split_whitespace().count() < 2 {
        return None;
    }
    head.shape = Shape::Citation;
    head.links = links(segs);
    let who = collapse(&before);
    let who = who.split(['(', '1', '2']).next().unwrap_or("");
    let who = who.trim().trim_end_matches(['.', ',', ' ']);
    if !who.is_empty() && super::reads_as_names(who) {
        head.authors = Some(who.to_string());
    }
    Some(head)
}

/// A cheap first look at a list item's tokens before [`authors_first`] is tried: it opens with plain
/// text, and that text opens with Vancouver-style names (`Jumper J, Evans R, …`) or holds a year in
/// parentheses or as a sentence of its own (`Devlin, J., … (2019).`, `Sennrich, Rico, …. 2016.`).
pub fn may_open_with_authors(inl: &[Tok]) -> bool {
    let Some(Tok::Text(first, st)) = inl.first() else {
        return false;
    };
    // A lab member's name may be in bold (`**Smith, A.**, & Li, B. (2019).`), not a title in italics.
    if st.italic || st.code {
        return false;
    }
    if vancouver_start(first.as_bytes()) || initial_start(first.as_bytes()) {
        return true;
    }
    inl.iter()
        .take_while(|t| !matches!(t, Tok::LinkStart(_)))
        .any(|t| matches!(t, Tok::Text(s, _) if year_marker(s.as_bytes())))
}

/// `Surname AB,` or `Surname AB.` at the start: a name written the Vancouver way.
fn vancouver_start(b: &[u8]) -> bool {
    let Some(space) = b.iter().take(40).position(|&c| c == b' ') else {
        return false;
    };
    let initials = b
        .get(space + 1..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    (1..=3).contains(&initials) && matches!(b.get(space + 1 + initials), Some(b',') | Some(b'.'))
}

/// `A. Smith,` or `A.-B. Smith`: a name that opens with its initial (IEEE style).
fn initial_start(b: &[u8]) -> bool {
    matches!(b, [u, b'.', b' ' | b'-', ..] if u.is_ascii_uppercase())
}

/// A year in parentheses (`(2019)`, `(2020, May)`) or as a sentence of its own (`. 2016.`).
fn year_marker(b: &[u8]) -> bool {
    let year_at = |i: usize| {
        b.get(i..i + 4).is_some_and(|y| {
            (y.starts_with(b"19") || y.starts_with(b"20")) && y.iter().all(u8::is_ascii_digit)
        })
    };
    memchr::memchr2_iter(b'(', b'.', b).any(|i| match b.get(i) {
        Some(b'(') => year_at(i + 1),
        _ => b.get(i + 1) == Some(&b' ') && year_at(i + 2) && b.get(i + 6) == Some(&b'.'),
    })
}

/// A reading cited in full in a reference manager's style, the title not in bold: the authors first,
/// then the year and the title in any order, the venue, and the links at the end (a bare URL, a DOI,
/// `[PubMed](u)`):
/// - APA: `Devlin, J., Chang, M.-W., & Lee, K. (2019). Owl Title. In *Proceedings of OWL* (pp. 1–9). https://doi.org/…`
/// - Chicago, ACM: `Smith, Ann, and Bo Li. 2016. “Owl Title.” In *Proceedings of OWL*, 1–9. https://…`
/// - Vancouver: `Smith A, Li B, et al. Owl Title. Owl J. 2021;5(2):1–9. doi: …`, `… Owl Title. *Owl J* 5, 1–9 (2021). https://…`
///
/// The title is an italic run, a quoted text or the sentence that stands there; the venue is the italic
/// run or the sentence after it, with the year. Entries that call themselves software (`[Computer
/// software]`) or link only code are read as not papers.
pub fn authors_first(segs: &[Seg]) -> Option<Head> {
    // The text before the first link, with where its italic runs stand.
    let mut flat = String::new();
    let mut italic: Vec<(usize, usize)> = Vec::new();
    // Where the last bold text ends: names in bold (a lab's members) stand before the title, a bold
    // title is another shape's.
    let mut bold_end = 0;
    for s in segs {
        match s {
            Seg::Text(t, st) if st.bold => {
                flat.push_str(t);
                bold_end = flat.len();
            }
            Seg::Text(t, st) => {
                let start = flat.len();
                flat.push_str(t);
                if st.italic {
                    match italic.last_mut() {
                        Some(r) if r.1 == start => r.1 = flat.len(),
                        _ => italic.push((start, flat.len())),
                    }
                }
            }
            Seg::Break { .. } => flat.push(' '),
            Seg::Link(_) => break,
        }
    }
    let (who, year, at) = vancouver(&flat)
        .or_else(|| apa(&flat))
        .or_else(|| dated(&flat))
        .or_else(|| ieee(&flat))?;
    if bold_end > at {
        return None;
    }
    let (raw, after) = title_at(&flat, at, &italic)?;
    let mut head = clean_title(&collapse(raw));
    if head.title.split_whitespace().count() < 2 || head.title.contains("://") {
        return None;
    }
    let rest = flat.get(after..).unwrap_or_default();
    let year = match year {
        Some(y) => y,
        None => rest
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))?,
    };
    head.links = links(segs);
    if head.links.is_empty() {
        return None;
    }
    head.shape = Shape::Citation;
    head.authors = head.authors.or_else(|| Some(collapse(who)));
    let venue = venue_at(&flat, after, &italic);
    head.venue = head.venue.or(Some(match venue {
        Some(v) if v.contains(year) => v,
        Some(v) => format!("{v} {year}"),
        None => year.to_string(),
    }));
    let software = rest.contains("[Computer software]") || rest.contains("[Software]");
    let all_code = head
        .links
        .iter()
        .all(|(_, u)| url_kind(u) == super::super::reader::url_kind::UrlKind::Code);
    if software || all_code {
        head.not_paper = Some("software, not a paper");
    }
    Some(head)
}

/// A reading cited authors first without the year a reference manager sets apart, its links at the end
/// (`**Ann Smith**, Bo Li. Owl Nets. US Patent App. 2024/01 A1. [Patent](u)`, a lab's member in bold): the
/// names, then the title's sentence, then the venue with its year. Tried only where no other shape reads
/// the entry.
pub fn names_first(segs: &[Seg]) -> Option<Head> {
    // Cheap look first: the text just before the first link ends a sentence (`… 2024 A1. [Patent](u)`),
    // and the entry opens with a name's capital.
    let first = segs
        .iter()
        .position(|s| matches!(s, Seg::Link(l) if !l.is_badge()))?;
    let ends = matches!(first.checked_sub(1).and_then(|i| segs.get(i)), Some(Seg::Text(t, _)) if t.trim_end().ends_with('.'));
    let opens = matches!(segs.first(), Some(Seg::Text(t, _)) if t.starts_with(char::is_uppercase));
    if !ends || !opens {
        return None;
    }
    let mut flat = String::new();
    let mut linked = false;
    for s in segs {
        match s {
            Seg::Text(t, _) if !linked => flat.push_str(t),
            Seg::Break { .. } if !linked => flat.push(' '),
            Seg::Link(l) if l.is_badge() => {}
            Seg::Link(_) => linked = true,
            // Only separators after the first link: the links end the citation.
            Seg::Text(t, _) if t.chars().any(char::is_alphanumeric) => return None,
            _ => {}
        }
    }
    let flat = collapse(&flat);
    if !linked || !flat.trim_end().ends_with('.') {
        return None;
    }
    let (who, rest) = super::lead_authors(&flat)?;
    let (title, venue) = super::title_sentence(rest);
    let venue = venue
        .map(|v| v.trim().trim_end_matches('.').trim_end())
        .filter(|v| super::super::title::has_year(v))?;
    let mut head = clean_title(title);
    if head.title.split_whitespace().count() < 2 {
        return None;
    }
    head.shape = Shape::Citation;
    head.authors = Some(who.to_string());
    head.venue = head.venue.or_else(|| Some(collapse(venue)));
    head.links = links(segs);
    Some(head)
}

/// Vancouver-style names (`Jumper J, Evans R, et al.`: each a surname and its initials), up to the
/// sentence's end: the names and where the title starts.
fn vancouver(flat: &str) -> Option<(&str, Option<&str>, usize)> {
    if !vancouver_start(flat.as_bytes()) {
        return None;
    }
    let end = flat.find(". ")?;
    let who = flat.get(..end)?;
    let mut parts = 0;
    let mut et_al = false;
    let mut single = false;
    for part in who.split(',') {
        let part = part.trim();
        if et_al {
            return None;
        }
        if part == "et al" {
            et_al = true;
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        let (initials, surname) = words.split_last()?;
        let name_word = |w: &&str| {
            w.chars().next().is_some_and(char::is_uppercase)
                || [
                    "de", "van", "von", "der", "den", "di", "da", "la", "le", "du", "del",
                ]
                .contains(w)
        };
        if surname.is_empty()
            || surname.len() > 3
            || !surname.iter().all(name_word)
            || !surname
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c)))
            || !(1..=3).contains(&initials.len())
            || !initials.bytes().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        parts += 1;
        single = surname.len() == 1 && initials.len() <= 2;
    }
    // One author alone only as `Surname AB`: `Owl GPT` is more likely a name of something else.
    (parts >= 2 || parts == 1 && (et_al || single)).then_some((who, None, end + 2))
}

/// APA: the names, then the year in parentheses (`Devlin, J., & Lee, K. (2019).`).
fn apa(flat: &str) -> Option<(&str, Option<&str>, usize)> {
    let open = flat.find('(')?;
    let year = flat.get(open + 1..open + 5)?;
    let close = open + flat.get(open..)?.find(')')?;
    if !is_year(year) || close - open > 24 {
        return None;
    }
    let who = flat.get(..open)?.trim();
    if !who.contains(',') || !super::reads_as_names(who) {
        return None;
    }
    let who = who.trim_end_matches(',');
    let after = close + 1;
    let after = after + usize::from(flat.get(after..)?.starts_with('.'));
    Some((who, Some(year), after))
}

/// Chicago and ACM: the names, then the year as a sentence of its own (`Smith, Ann. 2016.`).
fn dated(flat: &str) -> Option<(&str, Option<&str>, usize)> {
    let (i, _) = flat.match_indices(". ").find(|&(i, _)| {
        flat.get(i + 2..i + 6).is_some_and(is_year) && flat.get(i + 6..i + 7) == Some(".")
    })?;
    let who = flat.get(..i)?.trim();
    if !super::reads_as_names(who) {
        return None;
    }
    Some((who, flat.get(i + 2..i + 6), i + 7))
}

/// IEEE: initials first, then the title in quotes (`A. Smith, B. Li, and C. Wu, "Owl Title," in *Proc.
/// OWL*, 2016`); the year comes after the title.
fn ieee(flat: &str) -> Option<(&str, Option<&str>, usize)> {
    if !initial_start(flat.as_bytes()) {
        return None;
    }
    let q = flat.find(['"', '“'])?;
    let who = flat.get(..q)?.trim().trim_end_matches(',').trim();
    if !super::reads_as_names(who) {
        return None;
    }
    Some((who, None, q))
}

fn is_year(y: &str) -> bool {
    y.len() == 4
        && (y.starts_with("19") || y.starts_with("20"))
        && y.bytes().all(|b| b.is_ascii_digit())
}

/// The title that starts at `at` (white space skipped): an italic run, a quoted text or the sentence
/// (`… AlphaFold.`, `… Work?`). The title's text and where the text after it starts.
fn title_at<'f>(flat: &'f str, at: usize, italic: &[(usize, usize)]) -> Option<(&'f str, usize)> {
    let rest = flat.get(at..)?;
    let at = at + (rest.len() - rest.trim_start().len());
    let rest = rest.trim_start();
    if let Some(&(_, end)) = italic.iter().find(|r| r.0 == at) {
        return Some((flat.get(at..end)?, end));
    }
    for (open, close) in [("“", '”'), ("\"", '"')] {
        if let Some(inner) = rest.strip_prefix(open) {
            let end = inner.find(close)?;
            let title = inner.get(..end)?.trim().trim_end_matches([',', '.', ' ']);
            return Some((title, at + open.len() + end + close.len_utf8()));
        }
    }
    // A sentence ends at `. `, but not after an initial (`J. `) or an abbreviation (`vs. `).
    let stop = rest.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let word = rest.get(..i).unwrap_or_default();
        let word = word.rsplit(' ').next().unwrap_or_default();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        !initial && !["vs", "e.g", "i.e", "al", "Dr", "St", "No", "Vol"].contains(&word)
    });
    let ask = ["? ", "! "]
        .iter()
        .filter_map(|n| rest.find(n).map(|i| i + 1))
        .min();
    let end = match (stop, ask) {
        (Some(s), Some(a)) => s.min(a),
        (s, a) => s.or(a).unwrap_or(rest.len()),
    };
    let title = rest.get(..end)?.trim().trim_end_matches('.');
    Some((title, at + end))
}

fn skip(r: &str) -> &str {
    r.trim_start_matches(|c: char| c.is_whitespace() || ".,;:".contains(c))
}

/// The venue after the title: the italic run there (`In *Proceedings of OWL*`, `*Owl J* 5, 1–9`), else
/// the words before the first number or mark (`Nat Methods. 2022 Jun;…`, `arXiv. https://…`).
fn venue_at(flat: &str, after: usize, italic: &[(usize, usize)]) -> Option<String> {
    let mut rest = flat.get(after..)?;
    rest = skip(rest);
    // `(arXiv:2203.15556). arXiv.`: an id in parentheses before the venue.
    if rest.starts_with('(') {
        rest = skip(rest.get(rest.find(')')? + 1..)?);
    }
    rest = rest
        .strip_prefix("In ")
        .or_else(|| rest.strip_prefix("in "))
        .unwrap_or(rest);
    let at = flat.len() - rest.len();
    if let Some(&(_, end)) = italic.iter().find(|r| r.0 == at) {
        let v = collapse(flat.get(at..end)?);
        return (!v.is_empty()).then_some(v);
    }
    let head = rest
        .split(['.', ',', ';', ':', '(', '['])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = head
        .split_whitespace()
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && !w.contains("://"))
        .collect();
    (!words.is_empty() && words.len() <= 12).then(|| words.join(" "))
}

/// The text inside the first pair of quotes (`“…”` or `"…"`).
fn quoted(text: &str) -> Option<&str> {
    let (open, close) = if text.contains('“') {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let (_, rest) = text.split_once(open)?;
    let (inner, _) = rest.split_once(close)?;
    let inner = inner.trim();
    (inner.split_whitespace().count() >= 2).then_some(inner)
}

/// A year (1900–2099) as a word of its own in `text`.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

#[cfg(test)]
mod tests {
    use super::super::inline::segments;
    use super::*;
    use crate::loader::markdown::tests_support::para;

    fn head(md: &str, opening: bool) -> Option<Head> {
        recognise(&segments(&para(md)), opening)
    }

    #[test]
    fn the_bold_title_wherever_it_stands() {
        let h = head("- Ann Smith and Bo Li. 2012. **Owls Can Count in the Dark**. In Proceedings of OWL '12. DOI: https://doi.org/10.1/owl", false).unwrap();
        assert_eq!(h.title, "Owls Can Count in the Dark");
        assert_eq!(h.links.len(), 1);
        assert_eq!(h.links[0].1, "https://doi.org/10.1/owl");
        let h = head(
            "- Smith, Ann (1945). **\"As Owls May Think,\"** Owl Monthly 176",
            false,
        )
        .unwrap();
        assert_eq!(h.title, "As Owls May Think");
        let h = head(
            "- Smith, A. 1999. Owl Book. (**Chapter 2 Counting Owls**).",
            false,
        )
        .unwrap();
        assert_eq!(h.title, "Chapter 2 Counting Owls");
    }

    fn cited(md: &str) -> Option<Head> {
        let inl = para(md);
        may_open_with_authors(&inl)
            .then(|| authors_first(&segments(&inl)))
            .flatten()
    }

    #[test]
    fn authors_first_then_the_title_and_the_links_at_the_end() {
        let h = cited("Smith, A., & Li, B. (2019). Owls Can Count? In *Proc. OWL* (pp. 1–9). https://doi.org/10.1/owl").unwrap();
        assert_eq!(h.title, "Owls Can Count?");
        assert_eq!(h.venue.as_deref(), Some("Proc. OWL 2019"));
        let h = cited("Smith A, Li B. Owl nets vs. owl eyes with Owl 3. Owl J. 2021;5:1-9. [PubMed](https://pubmed.ncbi.nlm.nih.gov/1/)").unwrap();
        assert_eq!(h.title, "Owl nets vs. owl eyes with Owl 3");
        assert_eq!(h.venue.as_deref(), Some("Owl J 2021"));
        // Only code linked: software.
        let h = cited("Smith, A. (2020). *Owl Kit* (v2). https://github.com/o/kit").unwrap();
        assert!(h.not_paper.is_some());
    }

    #[test]
    fn not_cited_authors_first() {
        // A title with a capitalised acronym is not a Vancouver name; no year at all.
        assert!(
            cited("Owl BERT, Owl GPT. Two owls compared. [pdf](https://a.org/p.pdf)").is_none()
        );
        // A title then a year in parentheses: not names before it.
        assert!(cited("Counting owls at night (2020). https://a.org/p").is_none());
        // Our own entries pay one look.
        assert!(cited("Owl Nets \\[[Paper](https://a.org/p)]").is_none());
    }

    #[test]
    fn not_citations() {
        // No year outside the bold text.
        assert!(head("- **Owls Can Count** in the dark", false).is_none());
        // A one-word bold.
        assert!(head("- **Note**: owls 2012", false).is_none());
        // A paragraph that opens with prose, not authors.
        assert!(head(
            "The second owl was replaced -> Smith, A. (2017).\n**Owls by Night.**\nOwl Press.",
            true
        )
        .is_none());
        // A link with words is another shape.
        assert!(head("- Smith 2012 **Owl Nets** [pdf](https://a.org/p)", false).is_none());
    }
}
