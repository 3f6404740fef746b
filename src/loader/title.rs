//! How a paper's first paragraph splits into title, venue, authors and links.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::markdown::collapse;

/// Does `url` point outside the notes (it has a scheme such as `https:`)?
pub fn is_outside(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && scheme.len() > 1 // `C:\notes` is a Windows path, not a scheme
        && !scheme.eq_ignore_ascii_case("file")
}

/// A URL that runs code where it is opened (`javascript:`, `vbscript:`, `data:`): never a paper, code or any
/// other kind of link, never exported, never opened (the opener takes only the allowed schemes).
pub fn is_script(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        ["javascript", "vbscript", "data"]
            .iter()
            .any(|s| scheme.trim().eq_ignore_ascii_case(s))
    })
}

/// Strips a trailing venue in parentheses and a trailing `, by Author` from a title, in any order.
pub fn split_tail(text: &str) -> (&str, Option<String>, Option<String>) {
    let mut t = text.trim();
    let mut venue = None;
    let mut authors = None;
    loop {
        t = t.trim_end().trim_end_matches([',', ';']).trim_end();
        if venue.is_none() {
            if let Some((before, inner)) = trailing_parens(t) {
                if is_venue(inner) {
                    venue = Some(collapse(inner));
                    t = before;
                    continue;
                }
            }
        }
        if authors.is_none() {
            if let Some((before, who)) = t.rsplit_once(", by ") {
                let who = who.trim();
                if !who.is_empty() && who.len() <= 120 && !before.is_empty() {
                    authors = Some(who.to_string());
                    t = before;
                    continue;
                }
            }
        }
        break;
    }
    (t.trim(), venue, authors)
}

/// `("Title ", "SOSP 2023")` for `"Title (SOSP 2023)"` (or full-width `Title（NLP2024）`), matching
/// nested parentheses.
pub(crate) fn trailing_parens(t: &str) -> Option<(&str, &str)> {
    let (body, open, close) = match t.strip_suffix(')') {
        Some(b) => (b, '(', ')'),
        None => (t.strip_suffix('）')?, '（', '）'),
    };
    let mut depth = 1usize;
    for (i, c) in body.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                // `i` is where `char_indices` found the opening parenthesis: a boundary.
                let (before, inner) = body.split_at_checked(i)?;
                return Some((before, inner.strip_prefix(open)?));
            }
        }
    }
    None
}

/// A trailing ` | Venue 'Year` (short, after the last ` | `): the text before it and the venue.
pub fn trailing_pipe_venue(t: &str) -> Option<(&str, String)> {
    let (before, venue) = t.rsplit_once(" | ")?;
    // `| 🎓 OWL 2022 |`: an emoji marker and a last separator are not the venue's.
    let venue =
        venue.trim_matches(|c: char| c.is_whitespace() || c == '|' || super::reader::is_emoji(c));
    (!venue.is_empty() && venue.chars().count() <= 60 && !before.is_empty())
        .then(|| (before.trim_end(), collapse(venue)))
}

/// Separators a venue never ends with: what stood between it and the links (`JMLR 2022 · [paper](u)`,
/// `arXiv 2024, [paper](u)`).
const VENUE_TAIL: &[char] = &['·', ',', '|', '-', '—', '–', '/', ';'];

/// A venue without trailing separators or white space; `None` when nothing is left. Allocates only when
/// there is something to take off.
pub fn tidy_venue(venue: String) -> Option<String> {
    let t = venue.trim_end_matches(|c: char| c.is_whitespace() || VENUE_TAIL.contains(&c));
    if t.is_empty() {
        None
    } else if t.len() == venue.len() {
        Some(venue)
    } else {
        Some(t.to_string())
    }
}

/// A venue names a year (`SOSP 2023`, `NeurIPS'23`), a preprint (`arXiv 2312.07104`) or a report.
pub fn is_venue(inner: &str) -> bool {
    let lower = inner.trim().to_lowercase();
    lower.starts_with("arxiv")
        || lower.starts_with("technical report")
        || lower.starts_with("tech report")
        || has_year(inner)
        || acronym_year(inner.trim())
}

/// A venue's acronym with its year glued on: `CVPR2019`, `ICCV'21`.
pub fn acronym_year(w: &str) -> bool {
    let letters: String = w.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let rest = w.get(letters.len()..).unwrap_or("");
    // `COVID-19`: a hyphen before two digits numbers a name; a year after one has four (`CVPR-2019`).
    let hyphen = rest.starts_with('-');
    let rest = rest.trim_start_matches(['\'', '’', '-']);
    letters.len() >= 2
        && letters.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && rest.chars().all(|c| c.is_ascii_digit())
        && ((rest.len() == 2 && !hyphen) || rest.len() == 4)
}

/// Does the text name a year: `2023` standing alone, or `'23` after a name (`NeurIPS'23`)? Read as
/// [`crate::model::venue::year_in`] reads it, so the venue a title gives up is the one `year:` reads.
pub fn has_year(inner: &str) -> bool {
    crate::model::venue::year_in(inner).is_some()
}

/// A lowercase, dash-separated form of `text` for ids: ASCII letters and digits, other letters kept.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    slug_into(text, max, &mut out);
    out
}

/// [`slug`], appended to `out`; returns whether it appended anything.
pub fn slug_into(text: &str, max: usize, out: &mut String) -> bool {
    let start = out.len();
    // Characters of the slug, counted as they are pushed (counting `out` each time was quadratic).
    let mut len = 0;
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && len > 0 {
                out.push('-');
                len += 1;
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                len += 1;
            } else {
                for l in c.to_lowercase() {
                    out.push(l);
                    len += 1;
                }
            }
        } else if c == '\'' || c == '’' {
            // "Google's" → "googles"
        } else {
            dash = true;
        }
        if len >= max {
            break;
        }
    }
    out.len() > start
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)] // a test's fixture has what it indexes
mod tests {
    use super::*;
    use crate::loader::entry::{recognise, Head, Shape};
    use crate::loader::markdown::{parse, MdBlock, Tok};

    fn head(inl: &[Tok]) -> Head {
        recognise(inl).expect("a shape")
    }

    fn first_para(md: &str) -> Vec<Tok<'_>> {
        match &parse(md)[0] {
            MdBlock::Para { inl, .. } => inl.clone(),
            MdBlock::List { items, .. } => items[0].first_para().to_vec(),
            b => panic!("unexpected {b:?}"),
        }
    }

    #[test]
    fn group_title_stops_at_the_bracket() {
        let h = head(&first_para(
            "GreyHound: Hunting *Fail-Slows* \\[[Paper](https://a)] \\[[Code](https://b)]",
        ));
        assert_eq!(h.title, "GreyHound: Hunting Fail-Slows");
        assert_eq!(h.shape, Shape::LinkGroup);
    }

    #[test]
    fn venue_with_link_is_split_off() {
        let h = head(&first_para(
            "Oobleck: Templates ([SOSP 2023](../sosp-2023/)) \\[[Paper](https://a)]",
        ));
        assert_eq!(h.title, "Oobleck: Templates");
        assert_eq!(h.venue.as_deref(), Some("SOSP 2023"));
    }

    #[test]
    fn arxiv_venue_and_acronyms() {
        assert_eq!(
            split_tail("SGLang (arXiv 2312.07104)").1.as_deref(),
            Some("arXiv 2312.07104")
        );
        assert_eq!(
            split_tail("NVIDIA Multi-Instance GPU (MIG)").0,
            "NVIDIA Multi-Instance GPU (MIG)"
        );
        assert_eq!(
            split_tail("How (and How Not) to Write").0,
            "How (and How Not) to Write"
        );
    }

    #[test]
    fn a_venue_never_ends_with_a_separator() {
        for (v, want) in [
            ("JMLR 2022 ·", Some("JMLR 2022")),
            ("arXiv 2024,", Some("arXiv 2024")),
            ("OWL 2023 | ", Some("OWL 2023")),
            ("OWL 2023 — /", Some("OWL 2023")),
            ("OWL 2023", Some("OWL 2023")),
            (" · ", None),
        ] {
            assert_eq!(tidy_venue(v.to_string()).as_deref(), want, "{v:?}");
        }
    }

    #[test]
    fn authors_are_split_off() {
        let (t, v, a) = split_tail("The Ph.D. Grind, by Philip J. Guo");
        assert_eq!(
            (t, v, a.as_deref()),
            ("The Ph.D. Grind", None, Some("Philip J. Guo"))
        );
    }

    #[test]
    fn title_as_link() {
        let h = head(&first_para(
            "[How to Read a Paper](http://x/p.pdf), by S. Keshav \\[[Personal Note](n.md)]",
        ));
        assert_eq!(h.title, "How to Read a Paper");
        assert_eq!(h.shape, Shape::TitleLink);
        assert_eq!(h.authors.as_deref(), Some("S. Keshav"));
    }

    #[test]
    fn local_link_is_not_outside() {
        assert!(is_outside("https://a.b"));
        assert!(is_outside("mailto:x@y"));
        assert!(!is_outside("x.md"));
        assert!(!is_outside("../a/"));
        assert!(!is_outside("C:\\notes\\a.md"));
        assert!(!is_outside("file:///etc/passwd"));
    }

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(
            slug("GreyHound: Hunting Fail-Slows", 80),
            "greyhound-hunting-fail-slows"
        );
        assert_eq!(slug("Google’s TPUv4", 80), "googles-tpuv4");
        assert_eq!(slug("博士这五年", 80), "博士这五年");
    }
}
