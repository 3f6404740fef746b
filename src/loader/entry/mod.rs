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
pub mod fields;
pub mod inline;
pub mod link_group;
pub mod list;
pub mod section;
pub mod table;
pub mod title_link;
pub mod url_kind;

use super::markdown::Tok;
use super::title::{split_tail, trailing_pipe_venue};
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
}

impl Head {
    /// Does the entry carry links (what makes a shape a paper without help from its place)?
    pub fn is_linked(&self) -> bool {
        !self.links.is_empty()
    }
}

/// Tries the list-item shapes in order on a first paragraph. `None` when no shape matches (the item may
/// still be a paper by its place: the `unlinked` shape, decided in [`list`]).
pub fn recognise(inl: &[Tok]) -> Option<Head> {
    let segs = inline::segments(inl);
    bold_title::recognise(&segs)
        .or_else(|| title_link::recognise(&segs))
        .or_else(|| link_group::recognise(&segs))
}

/// Cleans a title written as text: leading decorations (emoji, `[Tag]`, `(Venue'23)`), a trailing
/// `(@Org)`, ` | Venue`, `(Venue 2023)`, `, by Author` and `.`. Returns the head without links.
pub fn clean_title(raw: &str) -> Head {
    let (t, lead) = strip_lead(raw);
    let mut head = Head {
        title: t.to_string(),
        ..Head::default()
    };
    apply_lead(&mut head, lead);
    let mut t = head.title.trim().to_string();
    loop {
        let before = t.len();
        t = t
            .trim_end_matches(|c: char| c.is_whitespace() || inline::is_marker(c))
            .to_string();
        if let Some(open) = t.rfind("(@") {
            if t.ends_with(')') && head.affiliation.is_none() {
                head.affiliation = Some(t[open + 2..t.len() - 1].trim().to_string());
                t.truncate(open);
                continue;
            }
        }
        if head.venue.is_none() {
            if let Some((rest, venue)) = trailing_pipe_venue(&t) {
                head.venue = Some(venue);
                t = rest;
                continue;
            }
        }
        let (rest, venue, authors) = split_tail(&t);
        if venue.is_some() || authors.is_some() {
            head.venue = head.venue.or(venue);
            head.authors = head.authors.or(authors);
            t = rest;
            continue;
        }
        if t.ends_with('.') && !t.ends_with("..") && !ends_with_abbreviation(&t) {
            t.pop();
        }
        if t.len() == before {
            break;
        }
    }
    head.title = t.trim().to_string();
    head
}

/// The next `. ` at or after `from` that ends a sentence, not an initial (`C. Wu`) or `et al.`.
fn sentence_end(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = text.get(at..)?.find(". ").map(|i| i + at) {
        if !ends_with_abbreviation(&text[..=i]) {
            return Some(i);
        }
        at = i + 2;
    }
    None
}

/// `et al.` and single initials (`J.`) end with a period that is part of the text.
fn ends_with_abbreviation(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or("");
    last.eq_ignore_ascii_case("al.") || (last.chars().count() == 2 && last.ends_with('.'))
}

pub(crate) fn apply_lead(head: &mut Head, lead: Lead) {
    if lead.venue.is_some() {
        head.venue = lead.venue;
    }
    if lead.not_paper.is_some() {
        head.not_paper = Some("a video, blog post, course or tool, not a paper");
    }
}

/// Words that may stand lowercase in a list of names (`Jean de la Fontaine`, `et al.`).
const NAME_PARTICLES: &[&str] = &[
    "and", "et", "al", "al.", "de", "van", "von", "der", "den", "di", "da", "le", "la", "du",
    "del", "y", "i", "bin", "ibn",
];

/// Does `text` read as a list of people (`Ashish Vaswani, Noam Shazeer and Niki Parmar`, `Smith et al.`)?
pub fn reads_as_names(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || t.chars().count() > 600 {
        return false;
    }
    let listy = t.contains(',') || t.contains(" and ") || t.contains("et al") || t.contains('&');
    let words: Vec<&str> = t.split_whitespace().collect();
    if !listy && words.len() > 4 {
        return false;
    }
    words.len() >= 2
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            w.is_empty()
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || w == "&"
        })
}

/// Splits `Title. Author One, Author Two. Venue 2020` into title, authors and venue, where what follows
/// the first `. ` reads as names.
pub fn split_authors(text: &str) -> (String, Option<String>, Option<String>) {
    let mut search = 0;
    while let Some(i) = sentence_end(text, search) {
        let rest = &text[i + 2..];
        // Authors run to the next `. ` (then a venue may follow) or to the end.
        let (who, after) = match sentence_end(rest, 0) {
            Some(j) => (&rest[..j], Some(rest[j + 2..].trim())),
            None => (rest, None),
        };
        if reads_as_names(who) {
            let venue = after
                .map(|a| a.trim_end_matches('.').trim().to_string())
                .filter(|a| !a.is_empty());
            return (
                text[..i].trim().to_string(),
                Some(who.trim().trim_end_matches('.').to_string()),
                venue,
            );
        }
        search = i + 2;
    }
    (text.to_string(), None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_decorations() {
        let h = clean_title("🔥 (ICLR'24) A Great Title (@Big Lab).");
        assert_eq!(h.title, "A Great Title");
        assert_eq!(h.venue.as_deref(), Some("ICLR'24"));
        assert_eq!(h.affiliation.as_deref(), Some("Big Lab"));
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
        // A period inside a title is not a split when no names follow.
        assert_eq!(split_authors("The Ph.D. Grind").0, "The Ph.D. Grind");
        assert_eq!(
            split_authors("Mr. Robot meets the cloud. a study").0,
            "Mr. Robot meets the cloud. a study"
        );
    }

    #[test]
    fn names_and_sentences() {
        assert!(reads_as_names("Ann Smith, Bo Li"));
        assert!(reads_as_names("Smith et al."));
        assert!(!reads_as_names("we propose a new method, and it works"));
        assert!(!reads_as_names("Tree"));
    }
}
