//! Fuzzy search over papers: titles, affiliations, topic paths and takeaways.
//!
//! One module behind the filter, the jump palette and `--filter`, so the matcher can be swapped. It uses
//! fuzzy-matcher's skim algorithm with smart case (a capital in the query makes it case-sensitive).
//! Ranking: a hit in the title ranks above a hit in the document or topic path, which ranks above one in
//! the affiliations, which ranks above one in the takeaways; within a field the skim score decides, and
//! ties keep document order.
//!
//! Built for 100,000 papers and a keystroke per frame: hits are small `Copy` values (matched character
//! positions are computed only for the rows on screen, by [`Index::positions`]); a topic path shared by
//! many papers is matched once; [`Index::search_within`] narrows to the previous key's hits; and the work
//! is split over the cores.
//!
//! The query language (fields, years, links, marks, exclusions, phrases) is parsed by [`query`] and
//! matched by [`Index::find`] and its kin: the conditions that need no fuzzy matching are tested first,
//! per paper, and the fuzzy ranking runs only on what passes. [`Index::search`] and its kin take the
//! whole text as one fuzzy term, as before the language existed.

mod matching;
pub mod query;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{venue, Library, Note, PaperRef};

pub use query::{parse, KeyMarks, MarkTable, Marks, NoMarks, Query, QueryError};

/// The result of a search, and what a longer query can narrow from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// Ranked hits.
    pub hits: Vec<Hit>,
    /// Entries in which the query occurs in some field as a subsequence (a superset of the hits).
    candidates: Vec<u32>,
    /// The query this is the result of (`None` for no search at all): a later query narrows from this
    /// search only when it [refines](Query::refines) it.
    query: Option<Query>,
}

/// Where a paper matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Takeaways,
    Affiliations,
    Context,
    Title,
}

/// A ranked match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub paper: PaperRef,
    /// The field that ranked this hit.
    pub field: Field,
    pub score: i64,
    /// Position of the paper in the index (library order), for narrowing.
    entry: u32,
}

/// A note page (a document of kind `page`) whose title matched.
#[derive(Debug, Clone, PartialEq)]
pub struct PageHit {
    /// Index of the document in the library.
    pub doc: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

struct Entry {
    paper: PaperRef,
    title: Box<str>,
    /// Index into `Index::contexts`.
    context: u32,
    affiliations: Box<str>,
    takeaways: Box<str>,
    /// The venue written after the title (empty for none), for `in:`.
    venue: Box<str>,
    /// The year of its venue, else of its document's title (0 for none), for `year:`.
    year: u16,
    /// The kinds of link it has ([`crate::model::LinkKind::bit`]), for `has:`.
    links: u8,
}

/// What the search looks in, built once per library.
pub struct Index {
    entries: Vec<Entry>,
    /// Index of each document's first entry.
    doc_offsets: Vec<usize>,
    /// Distinct breadcrumbs (`ATC 2025 › LLMs › LLM Training`).
    contexts: Vec<Box<str>>,
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
        for s in &n.text.0 {
            out.push_str(&s.text);
        }
        stack.extend(n.children.iter().rev());
    }
}

impl Index {
    pub fn new(lib: &Library) -> Self {
        let mut contexts: Vec<Box<str>> = Vec::new();
        let mut context_ids: std::collections::HashMap<String, u32> = Default::default();
        let mut entries = Vec::with_capacity(lib.paper_count());
        let mut doc_offsets = Vec::with_capacity(lib.documents.len());
        for (d, doc) in lib.documents.iter().enumerate() {
            doc_offsets.push(entries.len());
            for (i, p) in doc.papers.iter().enumerate() {
                let r = PaperRef { doc: d, paper: i };
                let ctx = context(lib, r);
                let next = contexts.len() as u32;
                let id = *context_ids.entry(ctx).or_insert_with_key(|k| {
                    contexts.push(k.as_str().into());
                    next
                });
                let mut takeaways = String::new();
                flatten(&p.takeaways, &mut takeaways);
                let links = crate::model::LinkKind::ALL
                    .into_iter()
                    .filter(|&k| p.has(k))
                    .fold(0, |bits, k| bits | k.bit());
                entries.push(Entry {
                    paper: r,
                    title: p.title.as_str().into(),
                    context: id,
                    affiliations: p.affiliations.join(" & ").into(),
                    takeaways: takeaways.into(),
                    venue: p.venue.as_deref().unwrap_or("").into(),
                    year: venue::year_of_paper(p, &doc.title).unwrap_or(0),
                    links,
                });
            }
        }
        let pages = lib
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == crate::model::DocKind::Page)
            .map(|(i, d)| (i, d.title.clone()))
            .collect();
        Index {
            entries,
            doc_offsets,
            contexts,
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

    fn entry(&self, r: PaperRef) -> Option<&Entry> {
        let i = self.doc_offsets.get(r.doc)? + r.paper;
        self.entries.get(i).filter(|e| e.paper == r)
    }

    /// The breadcrumb string of a paper (what the context field matches).
    pub fn context(&self, r: PaperRef) -> Option<&str> {
        self.entry(r).map(|e| &*self.contexts[e.context as usize])
    }

    /// Character positions of `query` in `text` as the matcher sees them (for highlighting).
    pub fn positions(&self, text: &str, query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        self.matcher
            .fuzzy_indices(text, query)
            .map(|(_, p)| p)
            .unwrap_or_default()
    }

    /// Every paper matching `query`, best first. An empty query matches every paper in document order.
    /// The whole text is one fuzzy term (no query language; see [`Index::find`] for that).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_all(query).hits
    }

    /// [`Index::search`], keeping what a longer query needs to narrow from.
    pub fn search_all(&self, query: &str) -> Search {
        self.search_cancellable(query, None, &|| false)
            .unwrap_or_default()
    }

    /// Like [`Index::search_all`], but only among the papers that could still match after `previous`,
    /// for a query that extends `previous`'s: the same result, faster.
    pub fn search_within(&self, query: &str, previous: &Search) -> Search {
        self.search_cancellable(query, Some(previous), &|| false)
            .unwrap_or_default()
    }

    /// The search behind the others, for a worker thread: narrows from `previous` when given, and gives
    /// up (returns `None`) soon after `cancelled` turns true, e.g. because another key was typed.
    pub fn search_cancellable(
        &self,
        query: &str,
        previous: Option<&Search>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Search> {
        self.find_cancellable(&Query::plain(query), previous, &NoMarks, cancelled)
    }

    /// Every paper matching a parsed query ([`query::parse`]), best first: a title hit above a topic
    /// hit, above an affiliation hit, above a takeaway hit (for several words, the weakest word's
    /// field decides), then by score, ties in document order. With no words to rank by (only fields such
    /// as `year:` or `in:`), in document order. `marks` answers `is:`.
    pub fn find(&self, query: &Query, marks: &dyn Marks) -> Vec<Hit> {
        self.find_all(query, marks).hits
    }

    /// [`Index::find`], keeping what a later query needs to narrow from.
    pub fn find_all(&self, query: &Query, marks: &dyn Marks) -> Search {
        self.find_cancellable(query, None, marks, &|| false)
            .unwrap_or_default()
    }

    /// [`Index::find_all`], narrowing from `previous` when `query` [refines](Query::refines) its query
    /// (else searching everything): the same result either way.
    pub fn find_within(&self, query: &Query, previous: &Search, marks: &dyn Marks) -> Search {
        self.find_cancellable(query, Some(previous), marks, &|| false)
            .unwrap_or_default()
    }

    /// The search behind all the others, for a worker thread: narrows from `previous` when that is
    /// sound, and gives up (returns `None`) soon after `cancelled` turns true. Marks must not have
    /// changed since `previous` when the query uses them (`is:`).
    pub fn find_cancellable(
        &self,
        query: &Query,
        previous: Option<&Search>,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Search> {
        let narrowed = previous.filter(|p| p.query.as_ref().is_some_and(|q| query.refines(q)));
        let mut found = match narrowed {
            Some(p) => self.search_entries(query, &p.candidates, marks, cancelled)?,
            None => {
                let all: Vec<u32> = (0..self.entries.len() as u32).collect();
                self.search_entries(query, &all, marks, cancelled)?
            }
        };
        found.query = Some(query.clone());
        Some(found)
    }

    /// Character positions to highlight in `text`, a paper's `field` (its title, its breadcrumb, …),
    /// for a parsed query: where its words and phrases that look in that field match.
    pub fn query_positions(&self, text: &str, query: &Query, field: Field) -> Vec<usize> {
        matching::positions(self, text, query, field)
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
}

impl Index {
    /// Note pages for a parsed query, best first: a page has only a title, so it matches when every word
    /// and phrase that may look in titles (no field, or `title:`) matches its title, none of the excluded
    /// ones does, and the query asks for nothing else (`year:`, `has:`, `in:`, …). Positions are those of
    /// the title.
    pub fn find_pages(&self, query: &Query) -> Vec<PageHit> {
        matching::pages(self, query)
    }
}

/// A quick test that every character of `query` occurs in `text` in order (ASCII case folded unless
/// `sensitive`), so the full matcher runs only where it can succeed. Non-ASCII queries always pass.
fn may_contain(text: &str, query: &str, sensitive: bool) -> bool {
    if !query.is_ascii() {
        return true;
    }
    let mut q = query.bytes().filter(|b| *b != b' ').peekable();
    for b in text.bytes() {
        let Some(&want) = q.peek() else { break };
        let same = if sensitive {
            b == want
        } else {
            b.eq_ignore_ascii_case(&want)
        };
        if same {
            q.next();
        }
    }
    q.peek().is_none()
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
        assert_eq!(
            idx.positions("Greyhound: Fail-Slow Hunting", "greyhound"),
            (0..9).collect::<Vec<_>>()
        );
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
    fn narrowing_gives_the_same_result_as_searching_everything() {
        let lib = lib(NOTES);
        let idx = Index::new(&lib);
        let mut prev = idx.search_all("");
        let mut q = String::new();
        for c in "greyhound".chars() {
            q.push(c);
            let narrowed = idx.search_within(&q, &prev);
            assert_eq!(narrowed.hits, idx.search(&q), "{q}");
            prev = narrowed;
        }
    }

    #[test]
    fn large_indexes_are_searched_in_parallel_with_the_same_result() {
        // Enough papers to be split over threads.
        let mut md = String::from("# BIG\n\n## Papers\n\n");
        for i in 0..5000 {
            md.push_str(&format!(
                "* Paper {i} on caches \\[[Paper](https://p.example/{i})]\n  * Uni {i}\n"
            ));
        }
        let lib = lib(&md);
        let idx = Index::new(&lib);
        let hits = idx.search("paper 42");
        assert!(!hits.is_empty());
        // Ranked by score, document order among equals: compare with a one-chunk search.
        let one = matching::one_chunk(&idx, &Query::plain("paper 42"));
        assert_eq!(hits, one);
    }

    #[test]
    fn narrowing_is_exact_when_a_longer_query_passes_the_takeaway_threshold() {
        // "weav" matches the takeaway only scattered (below the threshold), "weave" compactly.
        let lib = lib("# C\n\n## Papers\n\n* Poby \\[[Paper](https://p.example)]\n  * Uni\n  * Work is cheap with weave everywhere.\n");
        let idx = Index::new(&lib);
        let mut prev = idx.search_all("w");
        let mut q = String::from("w");
        for c in "eave".chars() {
            q.push(c);
            prev = idx.search_within(&q, &prev);
            assert_eq!(prev.hits, idx.search(&q), "{q}");
        }
        assert_eq!(prev.hits.len(), 1);
    }

    #[test]
    fn a_cancelled_search_gives_up() {
        let lib = lib(NOTES);
        let idx = Index::new(&lib);
        assert!(idx.search_cancellable("grey", None, &|| true).is_none());
        assert!(idx.search_cancellable("grey", None, &|| false).is_some());
    }

    #[test]
    fn quick_subsequence_test() {
        assert!(may_contain(
            "Uses a greyhound-like scheduler",
            "grey sched",
            false
        ));
        assert!(!may_contain(
            "Uses a greyhound-like scheduler",
            "zebra",
            false
        ));
        assert!(!may_contain("greyhound", "Grey", true));
        assert!(may_contain("博士", "博", false));
    }

    #[test]
    fn context_is_the_breadcrumb() {
        let lib = lib(NOTES);
        let r = lib.papers().next().unwrap().0;
        assert_eq!(context(&lib, r), "CONF 2030 › Storage");
        assert_eq!(Index::new(&lib).context(r), Some("CONF 2030 › Storage"));
    }

    // ----- the query language ----------------------------------------------------------------------

    /// Two files: a conference's notes (years from its title) and a topic list (venues after titles).
    fn two_files() -> Library {
        let mut lib = Library::default();
        for (name, md) in [
            (
                "conf.md",
                "# CONF 2023\n\n## Papers\n\n### Model Serving\n\n\
                 * Servo: Model Serving at Scale \\[[Paper](https://p/servo)] \\[[Code](https://c/servo)]\n  \
                 * Uni Q & Lab Z\n  * Batches requests for LLM inference.\n\
                 * LLM Serving Made Cheap \\[[Paper](https://p/cheap)]\n  * Lab Z\n\
                 * Quiet Storage \\[[Paper](https://p/quiet)] \\[[Video](https://v/quiet)]\n  \
                 * Uni R\n  * Serving cold data from model serving caches.\n",
            ),
            (
                "list.md",
                "# Reading List\n\n## Papers\n\n### Training\n\n\
                 * Trainer: Serving Gradients (OTHER 2021) \\[[Paper](https://p/trainer)] \\[[Personal Note](t.md)]\n  \
                 * Uni Q\n\
                 * Sharded Serving Systems (CONF 2022) \\[[Paper](https://p/sharded)] \\[[Slides](https://s/sharded)]\n",
            ),
        ] {
            lib.documents.push(loader::document::build(name, None, md).0);
        }
        loader::assign_ids(&mut lib);
        lib
    }

    fn find(lib: &Library, q: &str) -> Vec<String> {
        let idx = Index::new(lib);
        titles(lib, &idx.find(&parse(q).unwrap(), &NoMarks))
    }

    #[test]
    fn every_word_must_match_and_title_hits_rank_first() {
        let lib = two_files();
        // "serving" is in four titles; "batches" only in Servo's takeaways.
        assert_eq!(
            find(&lib, "serving batches"),
            vec!["Servo: Model Serving at Scale"]
        );
        let idx = Index::new(&lib);
        let hits = idx.find(&parse("serving").unwrap(), &NoMarks);
        let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
        assert_eq!(
            titles(&lib, &hits)[4],
            "Quiet Storage",
            "the takeaway hit comes last"
        );
        assert_eq!(fields[..4], [Field::Title; 4]);
        assert_eq!(
            fields[4],
            Field::Context,
            "Quiet Storage is under Model Serving"
        );
        // Two words: the weaker field ranks the hit.
        let hits = idx.find(&parse("serving cheap").unwrap(), &NoMarks);
        assert_eq!(titles(&lib, &hits), vec!["LLM Serving Made Cheap"]);
        assert_eq!(hits[0].field, Field::Title);
        let hits = idx.find(&parse("servo uni").unwrap(), &NoMarks);
        assert_eq!(hits[0].field, Field::Affiliations);
        // Word order does not matter, unlike one fuzzy pattern.
        assert_eq!(find(&lib, "cheap serving"), vec!["LLM Serving Made Cheap"]);
        assert!(idx.search("cheap serving").is_empty());
    }

    #[test]
    fn scopes_look_only_in_their_fields() {
        let lib = two_files();
        assert_eq!(
            find(&lib, "t:storage"),
            vec!["Quiet Storage"],
            "not the papers whose takeaways say storage"
        );
        // Both in the affiliations: the better score (a match at the start) first.
        assert_eq!(
            find(&lib, "a:lab"),
            vec!["LLM Serving Made Cheap", "Servo: Model Serving at Scale"]
        );
        assert_eq!(find(&lib, "note:cold"), vec!["Quiet Storage"]);
        assert!(find(&lib, "t:cold").is_empty());
        // A scoped word and a free one: the free word ranks, the scoped one filters.
        let idx = Index::new(&lib);
        let hits = idx.find(&parse("a:uni serving").unwrap(), &NoMarks);
        assert_eq!(
            titles(&lib, &hits),
            vec![
                "Servo: Model Serving at Scale",
                "Trainer: Serving Gradients",
                "Quiet Storage"
            ]
        );
        assert_eq!(hits[0].field, Field::Title);
        assert_eq!(hits[2].field, Field::Context);
        // Only scoped words: hits carry the scope's field.
        let hits = idx.find(&parse("note:cold").unwrap(), &NoMarks);
        assert_eq!(hits[0].field, Field::Takeaways);
    }

    #[test]
    fn in_years_and_links() {
        let lib = two_files();
        // in: the document title, the topic path or the venue, as written.
        assert_eq!(
            find(&lib, "in:conf").len(),
            4,
            "three in CONF 2023, one (CONF 2022)"
        );
        assert_eq!(find(&lib, "in:training").len(), 2);
        assert_eq!(find(&lib, "in:other"), vec!["Trainer: Serving Gradients"]);
        assert!(find(&lib, "in:cnf").is_empty(), "not fuzzy");
        // year: from the venue, else the document's title.
        assert_eq!(find(&lib, "year:2023").len(), 3);
        assert_eq!(find(&lib, "year:2022"), vec!["Sharded Serving Systems"]);
        assert_eq!(find(&lib, "year:2021..2022").len(), 2);
        assert_eq!(find(&lib, "year:2024..").len(), 0);
        // has: a link of that label; note: a local note page.
        assert_eq!(
            find(&lib, "has:code"),
            vec!["Servo: Model Serving at Scale"]
        );
        assert_eq!(find(&lib, "has:video"), vec!["Quiet Storage"]);
        assert_eq!(find(&lib, "has:slides"), vec!["Sharded Serving Systems"]);
        assert_eq!(find(&lib, "has:paper").len(), 5);
        assert!(find(&lib, "has:artifact").is_empty());
        // Combined, and with a ranked word: filters keep the ranking of the words.
        assert_eq!(
            find(&lib, "in:conf has:code"),
            vec!["Servo: Model Serving at Scale"]
        );
        assert_eq!(
            find(&lib, "year:2022..2023 serving"),
            vec![
                "Servo: Model Serving at Scale",
                "LLM Serving Made Cheap",
                "Sharded Serving Systems",
                "Quiet Storage"
            ]
        );
    }

    #[test]
    fn exclusions_and_phrases_match_as_written() {
        let lib = two_files();
        // Servo's takeaway says LLM, and so does a title.
        assert_eq!(
            find(&lib, "serving -llm"),
            vec![
                "Trainer: Serving Gradients",
                "Sharded Serving Systems",
                "Quiet Storage"
            ]
        );
        assert_eq!(find(&lib, "serving -t:llm").len(), 4);
        assert_eq!(find(&lib, "-year:2023").len(), 2);
        assert_eq!(find(&lib, "-has:paper").len(), 0);
        // A phrase: the words together, in order, any case (in a title, then under a topic).
        assert_eq!(
            find(&lib, "\"model serving\""),
            vec![
                "Servo: Model Serving at Scale",
                "LLM Serving Made Cheap",
                "Quiet Storage"
            ]
        );
        assert!(find(&lib, "\"serving model\"").is_empty());
        assert_eq!(find(&lib, "\"cold data\""), vec!["Quiet Storage"]);
        // With a capital, case matters.
        assert!(find(&lib, "\"Cold data\"").is_empty());
        assert_eq!(
            find(&lib, "'Model t:servo"),
            vec!["Servo: Model Serving at Scale"]
        );
        assert!(find(&lib, "'servng").is_empty(), "not fuzzy");
        assert_eq!(find(&lib, "servng").len(), 5, "fuzzy");
    }

    #[test]
    fn marks_come_from_the_caller() {
        let lib = two_files();
        let idx = Index::new(&lib);
        let works = crate::model::work::Works::new(&lib);
        let bookmarks: std::collections::HashSet<String> =
            [crate::model::work::key("Quiet Storage")].into();
        let read: std::collections::HashSet<String> = [
            crate::model::work::key("Quiet Storage"),
            crate::model::work::key("LLM Serving Made Cheap"),
        ]
        .into();
        let marks = KeyMarks {
            works: &works,
            bookmarks: &bookmarks,
            read: &read,
        };
        let f = |q: &str| titles(&lib, &idx.find(&parse(q).unwrap(), &marks));
        assert_eq!(f("is:bookmarked"), vec!["Quiet Storage"]);
        assert_eq!(f("is:read").len(), 2);
        assert_eq!(f("is:unread").len(), 3);
        assert_eq!(f("is:unread serving -is:bookmarked").len(), 3);
        assert_eq!(f("is:read -is:bookmarked"), vec!["LLM Serving Made Cheap"]);
        // Without marks nothing is bookmarked or read.
        assert!(find(&lib, "is:bookmarked").is_empty());
        assert_eq!(find(&lib, "is:unread").len(), 5);
        // A copy of the marks answers the same.
        let table = MarkTable::new(&lib, &marks);
        assert_eq!(
            titles(&lib, &idx.find(&parse("is:read").unwrap(), &table)),
            f("is:read")
        );
    }

    #[test]
    fn narrowing_with_the_query_language_equals_searching_everything() {
        let lib = two_files();
        let idx = Index::new(&lib);
        // Typed one key at a time: every prefix, narrowed from the one before when that is sound.
        for typed in [
            "serving -llm",
            "in:conf has:code serving",
            "\"model serving\" t:servo",
            "year:2022..2023 'serv",
            "t:serving a:uni note:cold",
            "-t:llm serving",
        ] {
            let mut prev = Search::default();
            for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let q = &typed[..end];
                let Ok(query) = parse(q) else { continue };
                let narrowed = idx.find_within(&query, &prev, &NoMarks);
                assert_eq!(narrowed.hits, idx.find(&query, &NoMarks), "{q:?}");
                prev = narrowed;
            }
        }
        // The plain search narrows as before.
        let mut prev = idx.search_all("");
        let mut q = String::new();
        for c in "model serving".chars() {
            q.push(c);
            prev = idx.search_within(&q, &prev);
            assert_eq!(prev.hits, idx.search(&q), "{q}");
        }
        // A default search (none yet) is never narrowed from.
        assert_eq!(
            idx.search_within("serving", &Search::default()).hits.len(),
            5
        );
    }

    #[test]
    fn highlights_and_pages_follow_the_query() {
        let lib = two_files();
        let idx = Index::new(&lib);
        let q = parse("t:servo \"at scale\" -llm a:uni").unwrap();
        let title = "Servo: Model Serving at Scale";
        let p = idx.query_positions(title, &q, Field::Title);
        assert_eq!(p, (0..5).chain(21..29).collect::<Vec<_>>());
        assert!(idx.query_positions("Uni Q", &q, Field::Title).is_empty());
        assert_eq!(
            idx.query_positions("Uni Q", &q, Field::Affiliations),
            vec![0, 1, 2]
        );

        let mut lib = two_files();
        lib.documents
            .push(loader::document::build("p.md", None, "# Serving Notes\n\nSome prose.\n").0);
        let idx = Index::new(&lib);
        let pages = |q: &str| idx.find_pages(&parse(q).unwrap()).len();
        assert_eq!(pages("serving"), 1);
        assert_eq!(pages("t:'notes"), 1);
        assert_eq!(pages("serving -notes"), 0);
        assert_eq!(
            pages("serving -a:uni"),
            1,
            "a page has no affiliations to exclude"
        );
        assert_eq!(pages("serving has:code"), 0, "a page has no links");
        assert_eq!(pages("serving in:x"), 0);
        assert_eq!(pages(""), 1);
        assert_eq!(
            idx.find_pages(&parse("notes serv").unwrap())[0].positions,
            (0..4).chain(8..13).collect::<Vec<_>>()
        );
    }
}
