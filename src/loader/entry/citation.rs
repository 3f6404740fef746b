//! A reading cited in full, the title in bold wherever it stands: `Ann Smith and Bo Li. 2012. **Owls Can
//! Count**. In Proceedings of OWL '12. DOI: https://doi.org/…`, `Smith, A. (1999). **Owls**. Owl Press.`.
//! The title is the first bold run of two words or more (without its final `.`, its quotes and the comma
//! inside them); the text around it holds the authors, the year and the venue; its links are the
//! citation's (bare DOI URLs count). A citation needs a year outside the bold text.

use super::super::markdown::collapse;
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
