//! `1. **A Title.** *Ann Smith, Bo Li*. Venue 2020. [pdf](u) [code](u)`: a list item that opens with a
//! bold title. The title is the bold text without its final `.`; between it and the first link, italic
//! text is the authors and the rest the venue (tags in code spans are left out); every link is the
//! paper's.

use super::super::markdown::collapse;
use super::super::title::is_venue;
use super::inline::{is_paper_label, strip_lead, Seg};
use super::link_group::links;
use super::{clean_title, describe, Head, Shape};

pub fn recognise(segs: &[Seg]) -> Option<Head> {
    let mut i = 0;
    // Decoration before the bold title: white space, emoji and task boxes (`🔥`, `☐`), a venue tag in a
    // code span or in brackets (`` `ICLR 2024` ``, `[ICLR 2024]`), which is the venue.
    let mut lead_venue = None;
    while let Some(Seg::Text(t, st)) = segs.get(i) {
        if st.bold {
            break;
        }
        let t = t.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        // Cheap look first: most entries open with a word, not a decoration.
        if t.starts_with(char::is_alphanumeric) && !st.code {
            break;
        }
        if st.code {
            if !is_venue(t) || t.chars().count() > 40 {
                break;
            }
            lead_venue.get_or_insert_with(|| collapse(t));
        } else {
            let (rest, lead) = strip_lead(t);
            if !rest.trim().is_empty() || lead.not_paper.is_some() {
                break;
            }
            if let Some(v) = lead.venue {
                lead_venue.get_or_insert(v);
            }
        }
        i += 1;
    }
    let mut bold = String::new();
    while let Some(s) = segs.get(i) {
        match s {
            Seg::Text(t, st) if st.bold => bold.push_str(t),
            Seg::Break { .. } if !bold.is_empty() => bold.push(' '),
            _ => break,
        }
        i += 1;
    }
    let bold = super::super::markdown::collapse(&bold);
    // `**Key:** value` is a field, not a title.
    if bold.is_empty() || bold.ends_with(':') {
        return None;
    }
    let rest = &segs[i..];
    // `**OWL 2023** | Title | [Paper](u)`: a venue tag in bold, set apart from the title after it.
    let parted = matches!(rest.first(), Some(Seg::Text(t, _)) if t.trim_start().starts_with(['|', '-', '—', '–', '·']));
    // `**Best Paper** | Title`: an award tag, decoration.
    if parted
        && (super::inline::lead_tag(&bold).is_some() || super::super::reader::is_award_tag(&bold))
    {
        return None;
    }
    if !ends_title(&bold, rest) || opens_authors(&bold, rest) {
        return None;
    }
    let mut head = clean_title(&bold);
    // `**[ICLR 2023]** [Title](u)`: the bold text was only a tag; the title is elsewhere.
    if head.title.is_empty() {
        return None;
    }
    head.shape = Shape::BoldTitle;
    head.venue = head.venue.or(lead_venue);
    let mut venue = String::new();
    let mut authors = String::new();
    for s in rest {
        match s {
            Seg::Link(l) if !l.is_badge() => break,
            Seg::Text(t, st) if st.code => {}
            Seg::Text(t, st) if st.italic => authors.push_str(t),
            Seg::Text(t, _) => venue.push_str(t),
            _ => venue.push(' '),
        }
    }
    let authors = collapse(&authors)
        .trim_matches(|c: char| c.is_whitespace() || ".,;:|".contains(c))
        .to_string();
    if !authors.is_empty() {
        head.authors = Some(authors);
    }
    let d = describe(venue.trim_end().trim_end_matches(['[', '(']));
    head.venue = head.venue.or(d.venue);
    head.authors = head.authors.or(d.authors);
    head.description = d.description;
    head.links = links(rest);
    head.paper_label = head.links.iter().any(|(l, _)| is_paper_label(l));
    Some(head)
}

/// Is the bold text a lab member's name that opens the authors (`**Ann Smith**, Bo Li. A Title. OWL 2020.`,
/// `**Smith, A.**, & Li, B. (2019). A Title.`), the title after them?
fn opens_authors(bold: &str, rest: &[Seg]) -> bool {
    // Cheap look first: more names follow the bold text directly.
    let more = matches!(rest.first(), Some(Seg::Text(t, _))
        if t.trim_start().starts_with([',', '^', '*', '†', '&']) || t.starts_with(" and "));
    if !more {
        return false;
    }
    let mut text = bold.to_string();
    for s in rest {
        match s {
            Seg::Text(t, _) => text.push_str(t),
            Seg::Break { .. } => text.push(' '),
            Seg::Link(l) if l.is_badge() => {}
            Seg::Link(_) => break,
        }
    }
    super::lead_authors(&collapse(&text)).is_some()
}

/// Is the bold text a whole title, rather than the first words of one (`**Oobleck**: Resilient …`)? It
/// is when it ends a sentence itself, or is followed by a separator, a link, italic authors or nothing.
fn ends_title(bold: &str, rest: &[Seg]) -> bool {
    // `**Name**: "A Quoted Title"` names the paper; the title follows it.
    let colon_next = matches!(rest.first(), Some(Seg::Text(t, _)) if t.starts_with(':'));
    if colon_next || !bold.chars().any(char::is_alphanumeric) {
        return false;
    }
    if bold.ends_with(['.', '!', '?']) {
        return true;
    }
    for s in rest {
        match s {
            Seg::Text(t, st) => {
                let t2 = t.trim_start();
                if t2.is_empty() {
                    continue;
                }
                if st.italic || st.code {
                    return true;
                }
                return t2.starts_with(['.', ',', ';', '|', '-', '–', '—', '(', '[']);
            }
            // A line break after the bold text ends the title line (authors follow on the next).
            Seg::Break { hard: true } => return true,
            Seg::Break { .. } => continue,
            Seg::Link(_) => return true,
        }
    }
    true
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
    fn bold_title_with_authors_venue_and_links() {
        let h = head("1. **Owls Can Count.** *Ann Smith, Bo Li*. OWL 2020. `blind` [[pdf](https://a.org/p)] [[code](https://b.org/c)]").unwrap();
        assert_eq!(h.title, "Owls Can Count");
        assert_eq!(h.authors.as_deref(), Some("Ann Smith, Bo Li"));
        assert_eq!(h.venue.as_deref(), Some("OWL 2020"));
        assert_eq!(h.links.len(), 2);
        assert_eq!(h.shape, Shape::BoldTitle);
    }

    #[test]
    fn bracketed_date_and_venue_lines_give_the_venue() {
        let md = "**Owls Can Count: A Survey** \\\n*Ann Smith, Bo Li* \\\n[2nd Jun., 2023] [arXiv, 2023] \\\n[[Paper](https://arxiv.org/abs/2306.00001)]";
        let h = head(md).unwrap();
        assert_eq!(h.title, "Owls Can Count: A Survey");
        assert_eq!(h.authors.as_deref(), Some("Ann Smith, Bo Li"));
        assert_eq!(h.venue.as_deref(), Some("arXiv 2023"));
        assert_eq!(h.description, None);
    }

    #[test]
    fn the_bang_inside_stays_the_period_outside_goes() {
        let h = head("1. **Your Owl is Vulnerable!**. OWL 2020. [pdf](https://a.org/p)").unwrap();
        assert_eq!(h.title, "Your Owl is Vulnerable!");
    }

    #[test]
    fn decoration_before_the_bold_title() {
        let h =
            head("1. 🔥 **Owls Can Count**, OWL 2023. [[paper](https://arxiv.org/abs/1)]").unwrap();
        assert_eq!(h.title, "Owls Can Count");
        assert_eq!(h.venue.as_deref(), Some("OWL 2023"));
        let h = head("1. ⭐ `ICLR 2024` **Owls Can Count** [[paper](https://arxiv.org/abs/1)]")
            .unwrap();
        assert_eq!(h.title, "Owls Can Count");
        assert_eq!(h.venue.as_deref(), Some("ICLR 2024"));
        // A code span that is not a venue, or words, before the bold text: not this shape.
        assert!(
            head("1. `owlkit` **Owls Can Count** [[paper](https://arxiv.org/abs/1)]").is_none()
        );
        assert!(head("1. See **Owls Can Count** [[paper](https://arxiv.org/abs/1)]").is_none());
    }

    #[test]
    fn bold_start_of_a_longer_title_is_not_a_bold_title() {
        assert!(head("- **Oobleck**: Resilient Training \\[[Paper](https://a.org/p)]").is_none());
        assert!(head("- **Key:** dyna architecture").is_none());
    }
}
