//! Fuzzy search over papers: titles, affiliations, topic paths and takeaways.
//!
//! One module behind the filter, the jump palette and `--filter`, so the matcher can be swapped. It uses
//! fuzzy-matcher's skim algorithm with smart case (a capital in the query makes it case-sensitive).
//! Ranking: a hit in the title ranks above a hit in the document or topic path, which ranks above one in
//! the affiliations, which ranks above one in the takeaways; within a field the skim score decides, and
//! ties keep document order.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{Library, Note, PaperRef};

/// Where a paper matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Takeaways,
    Affiliations,
    Context,
    Title,
}

/// A ranked match.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub paper: PaperRef,
    /// The field that ranked this hit.
    pub field: Field,
    pub score: i64,
    /// Character indices of the matched characters in the title (empty when the title did not match).
    pub title_positions: Vec<usize>,
    /// Character indices in [`Index::context`] (document › topics), when that matched.
    pub context_positions: Vec<usize>,
}

struct Entry {
    paper: PaperRef,
    title: String,
    context: String,
    affiliations: String,
    takeaways: String,
}

/// A note page (a document of kind `page`) whose title matched.
#[derive(Debug, Clone, PartialEq)]
pub struct PageHit {
    /// Index of the document in the library.
    pub doc: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

/// What the search looks in, built once per library.
pub struct Index {
    entries: Vec<Entry>,
    /// Note pages: (document index, title).
    pages: Vec<(usize, String)>,
    matcher: SkimMatcherV2,
}

/// The breadcrumb of a paper: `ATC 2025 › Large Language Models (LLMs) › LLM Training`.
pub fn context(lib: &Library, r: PaperRef) -> String {
    let Some(doc) = lib.documents.get(r.doc) else {
        return String::new();
    };
    let mut parts = vec![doc.title.as_str()];
    if let Some(p) = doc.papers.get(r.paper) {
        parts.extend(p.topics.iter().map(String::as_str));
    }
    parts.join(" › ")
}

fn flatten(notes: &[Note], out: &mut String) {
    // Iterative, so a deep tree cannot overflow the stack.
    let mut stack: Vec<&Note> = notes.iter().rev().collect();
    while let Some(n) = stack.pop() {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&n.text.plain());
        stack.extend(n.children.iter().rev());
    }
}

impl Index {
    pub fn new(lib: &Library) -> Self {
        let entries = lib
            .papers()
            .map(|(r, p)| {
                let mut takeaways = String::new();
                flatten(&p.takeaways, &mut takeaways);
                Entry {
                    paper: r,
                    title: p.title.clone(),
                    context: context(lib, r),
                    affiliations: p.affiliations.join(" & "),
                    takeaways,
                }
            })
            .collect();
        let pages = lib
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == crate::model::DocKind::Page)
            .map(|(i, d)| (i, d.title.clone()))
            .collect();
        Index {
            entries,
            pages,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The breadcrumb string that [`Hit::context_positions`] index into.
    pub fn context(&self, r: PaperRef) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.paper == r)
            .map(|e| e.context.as_str())
    }

    /// Every paper matching `query`, best first. An empty query matches every paper in document order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query = query.trim();
        let mut hits: Vec<(usize, Hit)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| self.hit(e, query).map(|h| (i, h)))
            .collect();
        hits.sort_by(|(ia, a), (ib, b)| {
            b.field
                .cmp(&a.field)
                .then(b.score.cmp(&a.score))
                .then(ia.cmp(ib))
        });
        hits.into_iter().map(|(_, h)| h).collect()
    }

    /// Note pages whose title matches `query`, best first (all of them, in order, for an empty query).
    pub fn search_pages(&self, query: &str) -> Vec<PageHit> {
        let query = query.trim();
        let mut hits: Vec<PageHit> = self
            .pages
            .iter()
            .filter_map(|(doc, title)| {
                if query.is_empty() {
                    return Some(PageHit {
                        doc: *doc,
                        score: 0,
                        positions: Vec::new(),
                    });
                }
                let (score, positions) = self.matcher.fuzzy_indices(title, query)?;
                Some(PageHit {
                    doc: *doc,
                    score,
                    positions,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    fn hit(&self, e: &Entry, query: &str) -> Option<Hit> {
        let mut hit = Hit {
            paper: e.paper,
            field: Field::Title,
            score: 0,
            title_positions: Vec::new(),
            context_positions: Vec::new(),
        };
        if query.is_empty() {
            return Some(hit);
        }
        let title = self.matcher.fuzzy_indices(&e.title, query);
        let context = self.matcher.fuzzy_indices(&e.context, query);
        if let Some((s, pos)) = title {
            hit.score = s;
            hit.title_positions = pos;
            if let Some((_, pos)) = context {
                hit.context_positions = pos;
            }
            return Some(hit);
        }
        if let Some((s, pos)) = context {
            hit.field = Field::Context;
            hit.score = s;
            hit.context_positions = pos;
            return Some(hit);
        }
        if let Some(s) = self.matcher.fuzzy_match(&e.affiliations, query) {
            hit.field = Field::Affiliations;
            hit.score = s;
            return Some(hit);
        }
        // Long text matches almost any short query when its letters may be scattered: in the takeaways,
        // require the query to match compactly (skim's score falls with every gap).
        let chars = query.chars().count() as i64;
        match self.matcher.fuzzy_match(&e.takeaways, query) {
            Some(s) if s >= chars * 14 => {
                hit.field = Field::Takeaways;
                hit.score = s;
                Some(hit)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader;

    fn lib(md: &str) -> Library {
        let mut lib = Library::default();
        lib.documents
            .push(loader::document::build("t.md", None, md).0);
        loader::assign_ids(&mut lib);
        lib
    }

    const NOTES: &str = "# CONF 2030\n\n## Papers\n\n### Storage\n\n\
        * Alpha: Fast Disks \\[[Paper](https://a.example)]\n  * Uni Q\n  * Uses a greyhound-like scheduler.\n\
        * Greyhound: Fail-Slow Hunting \\[[Paper](https://g.example)]\n  * Uni R\n\
        * Beta: Quiet Caches \\[[Paper](https://b.example)]\n  * Greyhound Labs\n\
        * Gamma: Even Quieter Caches \\[[Paper](https://c.example)]\n  * Uni S\n";

    fn titles(lib: &Library, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| lib.paper(h.paper).unwrap().title.clone())
            .collect()
    }

    #[test]
    fn title_hits_rank_above_affiliation_and_body_hits() {
        let lib = lib(NOTES);
        let idx = Index::new(&lib);
        let hits = idx.search("greyhound");
        assert_eq!(
            titles(&lib, &hits),
            vec![
                "Greyhound: Fail-Slow Hunting",
                "Beta: Quiet Caches",
                "Alpha: Fast Disks"
            ]
        );
        assert_eq!(hits[0].field, Field::Title);
        assert_eq!(hits[0].title_positions, (0..9).collect::<Vec<_>>());
        assert_eq!(hits[1].field, Field::Affiliations);
        assert_eq!(hits[2].field, Field::Takeaways);
    }

    #[test]
    fn smart_case() {
        let lib = lib(NOTES);
        let idx = Index::new(&lib);
        assert_eq!(idx.search("greyhound: fail").len(), 1);
        assert_eq!(idx.search("GREYHOUND").len(), 0);
        assert_eq!(
            idx.search("Greyhound").len(),
            2,
            "title and affiliation, case-sensitive"
        );
    }

    #[test]
    fn ties_keep_document_order_and_topics_match() {
        let lib = lib(NOTES);
        let idx = Index::new(&lib);
        let hits = idx.search("storage");
        assert_eq!(hits.len(), 4);
        assert!(hits.iter().all(|h| h.field == Field::Context));
        assert_eq!(titles(&lib, &hits)[0], "Alpha: Fast Disks");
        assert_eq!(idx.search("").len(), 4);
        assert!(idx.search("zzzz").is_empty());
    }

    #[test]
    fn context_is_the_breadcrumb() {
        let lib = lib(NOTES);
        let r = lib.papers().next().unwrap().0;
        assert_eq!(context(&lib, r), "CONF 2030 › Storage");
    }
}
