//! `[Title](https://…)`: a list item that opens with a link to an outside page (after decorations such
//! as badges, emoji and `[Tag]`s). The title is the link's text, **continued by** text that follows it
//! directly with `:` (`[Name](u): the rest of the title`); a trailing ` | Venue`, `(Venue 2023)` or
//! `, by Author` describe the paper; a trailing ` - description` is a note. The first link is the
//! paper's (labelled `Paper`), then every other link of the paragraph.
//!
//! Not a paper, though shaped like one: a link whose text is a label (`[Paper Link](u)` in a note
//! page's resources), a bare URL (`<https://…>`), and a software repository (a link to a code host with
//! no paper link beside it).

use super::super::cut;
use super::super::markdown::collapse;
use super::super::reader::url_kind::{self, url_kind, UrlKind};
use super::inline::{is_link_label, is_paper_label, looks_like_url, outside, strip_lead, Seg};
use super::link_group::{links, start as group_start, title_text};
use super::{apply_lead, clean_title, describe, Head, Shape};

pub fn recognise(segs: &[Seg]) -> Option<Head> {
    // Most entries open with a word: not this shape (decorations open with `[`, `(`, an emoji).
    let opening = segs.iter().find_map(|s| match s {
        Seg::Text(t, _) if t.trim().is_empty() => None,
        Seg::Text(t, _) => Some(t.trim_start().starts_with(char::is_alphanumeric)),
        _ => Some(false),
    });
    // Decorations before the link: white space, emoji, badges, `[Tag]`s, `(Venue'23)`.
    let mut lead_text = String::new();
    let mut first = None;
    // `` `OWL 2023` [Title](u) ``: a venue tag in a code span, the venue.
    let mut code_venue = None;
    for (i, s) in segs.iter().enumerate() {
        match s {
            Seg::Text(t, st) if st.code && code_venue.is_none() && lead_text.trim().is_empty() => {
                match super::inline::lead_tag(t) {
                    Some(v) => code_venue = Some(v),
                    None => lead_text.push_str(t),
                }
            }
            Seg::Text(t, _) => lead_text.push_str(t),
            Seg::Break { .. } => lead_text.push(' '),
            Seg::Link(l) if l.is_badge() => {}
            Seg::Link(_) => {
                first = Some(i);
                break;
            }
        }
    }
    let first = first?;
    let (rest_of_lead, lead) = strip_lead(&lead_text);
    // A lead-in that names what follows (`Our survey paper: [Title](https://arxiv.org/abs/…)`) is not
    // the title; a label (`Code: [owlkit](u)`) says the link is not the paper.
    let lead_in = rest_of_lead.trim().strip_suffix(':').is_some_and(|l| {
        !l.trim().is_empty() && !is_link_label(l) && l.split_whitespace().count() <= 8
    }) || reading_verb(rest_of_lead.trim());
    // `Ann Smith et al. [Title](u). OWL 2020`, `Kaplan et al. 2020, [Title](u)`: the authors (and the
    // year) cited before the title; they end with their `.` or `,`.
    let names = (!lead_in && rest_of_lead.trim_end().ends_with(['.', ',']))
        .then(|| super::lead_names(rest_of_lead, false))
        .flatten();
    // `2019 - [Title](u)`, `OWL 2023 | [Title](u)`: a venue tag before the link is decoration.
    let tag_only = (lead.venue.is_some() || code_venue.is_some()) && rest_of_lead.trim().is_empty();
    if ((opening == Some(true) && !tag_only) || !rest_of_lead.trim().is_empty())
        && !lead_in
        && names.is_none()
    {
        return None;
    }
    let Seg::Link(link) = &segs[first] else {
        return None;
    };
    // `[2401.00001](u) Title`, `**[OWL 2023](u)** Title`: the link's text is a tag, the title follows.
    if super::link_group::lead_link(segs).is_some() {
        return None;
    }
    // After a lead-in, only a link to one paper on a paper host is the entry's title; a bare URL names
    // nothing (`Title of the paper: https://arxiv.org/…`: the text before it is the title).
    if lead_in && (!url_kind::is_paper_page(link.url) || link.is_bare_url()) {
        return None;
    }
    // A paper kept beside the notes (`[Title](paper.pdf)`) is the paper's own file.
    if !outside(link.url) && !local_pdf(link.url) {
        return None;
    }
    let after = &segs[first + 1..];
    let mut head = Head {
        shape: Shape::TitleLink,
        links: links(segs),
        ..Head::default()
    };
    head.paper_label = head.links.iter().skip(1).any(|(l, _)| is_paper_label(l));
    if looks_like_url(&link.text) || link.text == link.url {
        head.title = link.text.to_string();
        head.not_paper = Some("a bare URL");
        return Some(head);
    }
    if is_link_label(&link.text) {
        // `[Paper Link](u)`, `[Code](u)`: a link, not a title. Not this shape.
        return None;
    }
    // Text after the link, up to a following link group: continuation, venue, authors, description.
    let tail_end = group_start(after).unwrap_or(after.len());
    let (tail, _) = title_text(&after[..tail_end]);
    let tail = tail.trim_end().trim_end_matches('[').trim_end().to_string();
    let starts_with_colon = matches!(after.first(), Some(Seg::Text(t, _)) if t.starts_with(':'));
    let (continuation, tail) = if starts_with_colon {
        let t = tail.trim_start_matches(':').trim();
        let (mut cont, mut rest) = match cut::before_first(t, DELIMITERS) {
            Some((cont, rest)) => (cont.trim().to_string(), rest.to_string()),
            // No delimiter: a trailing `(Venue)` or `, by Author` is still split off by clean_title.
            None => (t.to_string(), String::new()),
        };
        // `: subtitle. SOSP 2023.`: a sentence after the subtitle that only names a venue or authors.
        let venue_sentence = super::sentence_breaks(&cont)
            .next()
            .and_then(|(subtitle, after)| {
                let d = describe(after);
                (d.description.is_none() && (d.venue.is_some() || d.authors.is_some()))
                    .then(|| (subtitle.to_string(), format!(" {after}{rest}")))
            });
        if let Some((subtitle, moved)) = venue_sentence {
            cont = subtitle;
            rest = moved;
        }
        (cont, rest)
    } else {
        (String::new(), tail)
    };
    let raw_title = if continuation.is_empty() {
        link.text.to_string()
    } else {
        format!("{}: {continuation}", link.text)
    };
    // The tail: ` - description`, ` | Venue`, ` (Venue 2023)`, `, by Author`, `. Authors`.
    let mut tail = tail.trim().to_string();
    if let Some(v) = tail.strip_prefix('|') {
        let v = v.trim();
        let (venue, rest) = cut::before_first(v, DASHES).unwrap_or((v, ""));
        head.venue = Some(collapse(venue)).filter(|v| !v.is_empty());
        tail = rest.to_string();
    }
    let cleaned = clean_title(&raw_title);
    let d = describe(&tail);
    head.title = cleaned.title;
    head.venue = head.venue.or(cleaned.venue).or(d.venue).or(code_venue);
    head.authors = cleaned.authors.or(d.authors);
    // Authors cited before the title: what follows it is the venue (`. Owl Workshop, 2014.`).
    if let Some((who, _)) = names {
        if head.authors.is_some() && super::super::title::has_year(&tail) {
            let sep = |c: char| c.is_whitespace() || ".,;:|".contains(c);
            head.venue = Some(collapse(tail.trim_matches(sep)));
        }
        head.authors = Some(who.to_string());
    }
    head.affiliation = cleaned.affiliation;
    head.description = d.description;
    apply_lead(&mut head, lead);
    // The title's own link is the paper (its kind, decided at load from the URL too, may still say code
    // or a blog post).
    // A title's link to a code host is labelled as what it is.
    if let Some(first) = head.links.first_mut() {
        first.0 = if url_kind::may_be_code(link.url) && url_kind(link.url) == UrlKind::Code {
            "Code"
        } else {
            "Paper"
        }
        .into();
    }
    if url_kind::may_be_code(link.url)
        && url_kind(link.url) == UrlKind::Code
        && !has_paper_link(&head, 1)
    {
        head.not_paper = Some("a software repository, not a paper");
    }
    Some(head)
}

/// A link to a PDF beside the notes (`paper.pdf`, `./papers/owl.PDF`).
fn local_pdf(url: &str) -> bool {
    let b = url.trim().as_bytes();
    b.len() > 4 && (b.ends_with(b".pdf") || b.ends_with(b".PDF"))
}

/// Is any link from the `skip`-th on a paper (by label or by where it points)?
fn has_paper_link(head: &Head, skip: usize) -> bool {
    head.links
        .iter()
        .skip(skip)
        .any(|(l, u)| is_paper_label(l) || url_kind(u) == UrlKind::Paper)
}

/// Where a continuation ends: ` | `, ` - `, ` – `, ` — ` or ` (`.
/// What starts a description after a title.
pub(crate) const DASHES: &[&str] = &[" - ", " – ", " — "];

/// What ends a title's continuation: a venue, a description, a parenthesis.
const DELIMITERS: &[&str] = &[" | ", " - ", " – ", " — ", " ("];

/// A reading log's verb before the paper's link (`Read [Title](u)`, `Finished [Title](u)`): a lead-in, not
/// title text.
fn reading_verb(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "read",
        "re-read",
        "reread",
        "reading",
        "finished",
        "started",
        "skimmed",
        "revisited",
    ];
    w.len() <= 9 && VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
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
    fn title_continued_after_the_link_with_venue_and_description() {
        let h = head(
            "- [Owl](https://a.org/owl): Counting Birds at Night | NeurIPS'23 - we count owls",
        )
        .unwrap();
        assert_eq!(h.title, "Owl: Counting Birds at Night");
        assert_eq!(h.venue.as_deref(), Some("NeurIPS'23"));
        assert_eq!(h.description.as_deref(), Some("we count owls"));
        assert_eq!(h.links[0].0, "Paper");
    }

    #[test]
    fn what_follows_the_link_describes_the_paper() {
        let h =
            head("1. [Owl Nets](https://arxiv.org/abs/1). Ann Smith, Bo Li. OWL 2020.").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert!(h.authors.is_some() || h.description.is_some());
        let h = head("- [Owl Nets](https://arxiv.org/abs/1) (OWL 2020)").unwrap();
        assert_eq!(
            (h.title.as_str(), h.venue.as_deref()),
            ("Owl Nets", Some("OWL 2020"))
        );
        let h =
            head("- [GraphDoc: a format](https://a.org/g.pdf). A file format for graphs.").unwrap();
        assert_eq!(h.title, "GraphDoc: a format");
        assert_eq!(h.description.as_deref(), Some("A file format for graphs"));
    }

    #[test]
    fn our_own_title_link_with_authors_and_a_note_link() {
        let h = head("- [How to Read](http://x.org/p.pdf), by S. Keshav \\[[Personal Note](n.md)]")
            .unwrap();
        assert_eq!(h.title, "How to Read");
        assert_eq!(h.authors.as_deref(), Some("S. Keshav"));
        assert_eq!(h.links.len(), 2);
        assert!(h.not_paper.is_none());
    }

    #[test]
    fn things_shaped_like_papers_that_are_not() {
        let sw = head("- [owlkit](https://github.com/o/owlkit) - a toolkit for owls").unwrap();
        assert!(sw.not_paper.is_some());
        let url = head("- <https://arxiv.org/abs/1234.5678>").unwrap();
        assert!(url.not_paper.is_some());
        assert!(head("- [Paper Link](https://arxiv.org/abs/1)").is_none());
        let video = head("- [Video] [Owls at Night](https://www.youtube.com/watch?v=x)").unwrap();
        assert!(video.not_paper.is_some());
        assert!(head("- See [the docs](https://a.org)").is_none());
    }

    #[test]
    fn badges_and_emoji_before_the_title() {
        let h = head("- 🔥 [![Star](https://img.shields.io/s.svg)](https://github.com/o/n) [Owl Nets](https://arxiv.org/abs/1)").unwrap();
        assert_eq!(h.title, "Owl Nets");
        assert_eq!(h.links.len(), 1);
    }
}
