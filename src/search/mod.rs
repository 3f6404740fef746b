//! Search over papers: names fuzzily, the takeaways by words, from one index.
//!
//! One module behind the filter, the jump palette and `--filter`, so all three return the same hits in
//! the same order. Two kinds of matching, each where it fits:
//!
//! - *Names* (title, document and topic path, affiliations, venue) are short: a query word matches them
//!   fuzzily with fuzzy-matcher's skim (smart case: a capital makes it case-sensitive; skim's linear
//!   scoring path). Where the word occurs in each name is found once and grown key by key
//!   ([`names`]); the names lie one after another in memory ([`strings`]).
//! - *Text* (the takeaways) is long: a query word matches a word of it that starts with it, or with one
//!   typo ([`text`]), answered from a term dictionary (`fst`) and posting lists (`roaring`), so no text
//!   is read. Letters scattered across a sentence do not match.
//!
//! Ranking: a hit in the title ranks above a hit in the document or topic path, which ranks above one in
//! the affiliations, which ranks above one in the takeaways (for several words, the weakest word's field
//! decides); within names the skim scores decide; within the takeaways more of the query's words found
//! there, then those words closer together; ties keep document order.
//!
//! The query language (fields, years, links, marks, exclusions, phrases) is parsed by [`query`] and
//! matched by [`Index::find`] and its kin (see `matching.rs`). [`Index::search`] and its kin take the whole
//! text as one fuzzy term. [`merge_ranked`] ranks the papers and note pages of the jump palette.

mod build;
mod fold;
mod fuzzy;
#[cfg(test)]
mod index_props;
mod marks;
mod matching;
mod names;
mod needle;
pub mod query;
#[cfg(test)]
mod query_tests;
mod rank;
mod strings;
pub mod text;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::model::{Library, Note, PaperRef};

pub use marks::{KeyMarks, MarkTable, Marks, NoMarks};
pub use query::{parse, Query, QueryError};
pub use rank::{merge_ranked, Ranked};

/// The result of a search, and what a longer query can narrow from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The hits: best first when `ranked`, else in library order.
    pub hits: Vec<Hit>,
    /// The best hit (with its score).
    pub best: Option<Hit>,
    /// Are the hits ranked (scored and sorted)? ([`Index::find_best_cancellable`] does not rank them.)
    pub ranked: bool,
    /// Per fuzzy word: the entries whose names may match it, which a longer word narrows from.
    names: Vec<NameCandidates>,
    /// The query this is the result of (`None` for no search at all).
    query: Option<Query>,
    /// The index it was searched in ([`Index::id`]): a search of another index is not narrowed from.
    index: u64,
}

impl Search {
    /// What a later search narrows from, without the hits (cheap to send to the worker).
    pub fn base(&self) -> Search {
        Search {
            hits: Vec::new(),
            best: None,
            ranked: self.ranked,
            names: self.names.clone(),
            query: self.query.clone(),
            index: self.index,
        }
    }
}

/// The entries whose names (in a scope) may match a fuzzy word, with where it occurs in them, and where
/// it occurs in each breadcrumb: what the word's next key narrows from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameCandidates {
    scope: query::Scope,
    text: String,
    found: std::sync::Arc<fuzzy::WordState>,
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

/// What the search knows of a paper, besides its strings (kept in [`Index`]'s columns, one after
/// another, so that a search reads them in order).
#[derive(Clone, Copy)]
struct Entry {
    paper: PaperRef,
    /// The letters and digits in the title and affiliations ([`letter_mask`]).
    title_mask: u64,
    aff_mask: u64,
    /// Index into `Index::contexts`.
    context: u32,
    /// The year of its venue, else of its document's title (0 for none), for `year:`.
    year: u16,
    /// The kinds of link it has ([`crate::model::LinkKind::bit`]), for `has:`.
    links: u16,
    /// Its place in library order (ties rank in it).
    rank: u32,
}

/// What the search looks in, built once per library.
pub struct Index {
    entries: Vec<Entry>,
    /// Per entry, by its number: its title, its affiliations (joined by ` & `), and the venue written
    /// after its title (empty for none, for `in:`).
    titles: strings::Strings,
    affiliations: strings::Strings,
    venues: strings::Strings,
    /// The documents it was built from (shared with the library): a paper's takeaways are read there
    /// when a phrase must be checked as written, not copied into the index.
    documents: crate::model::Documents,
    /// Per document: its entries, `start..start + count`.
    docs: Vec<(u32, u32)>,
    /// The live entries in library order (a reload appends a changed document's entries at the end).
    order: Vec<u32>,
    /// Per entry: taken out by a reload (empty when none was).
    dead: Vec<bool>,
    /// Distinct breadcrumbs (`ATC 2025 › LLMs › LLM Training`), and each one's number.
    contexts: Vec<Context>,
    context_ids: std::collections::HashMap<Box<str>, u32>,
    /// The words of the takeaways.
    text: text::TextIndex,
    /// Note pages: (document index, title).
    pages: Vec<(usize, String)>,
    /// The note pages by path: a paper's text holds its note page's.
    pages_at: PagesAt,
    /// The words of the note pages' text, entry `i` being `pages[i]`: built when a query first asks
    /// for pages (the palette; `--filter` never does), shared by the indexes updated from this one
    /// while the pages stay as they are.
    page_text: std::sync::Arc<std::sync::OnceLock<text::TextIndex>>,
    /// Scores names for ranking: skim's linear path (a greedy alignment, several times faster than
    /// its full one; it matches exactly the same names).
    matcher: SkimMatcherV2,
    /// Finds the characters to highlight, and scores note pages: skim's full alignment.
    highlighter: SkimMatcherV2,
    /// Tells one index from another (a search narrows only from a search of the same index).
    id: u64,
    /// Per entry: the next place of its work, round to itself (an entry alone in its work is its own);
    /// empty until [`Index::link_works`]. An excluded part (`-x`) excludes a work when any of its
    /// places has it.
    next_place: Vec<u32>,
}

/// A distinct breadcrumb and its letters.
#[derive(Clone)]
struct Context {
    /// As matched: accents folded (see [`fold`]).
    text: Box<str>,
    /// As written, when folding changed it (what [`Index::context`] shows).
    shown: Option<Box<str>>,
    mask: u64,
}

/// The ASCII letters (case folded) and digits of `s`, one bit each: a name can match a query only if it
/// has every bit of the query's mask.
pub(crate) fn letter_mask(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| match b.to_ascii_lowercase() {
        c @ b'a'..=b'z' => m | 1 << (c - b'a'),
        c @ b'0'..=b'9' => m | 1 << (26 + c - b'0'),
        _ => m,
    })
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

/// The loaded note pages by path (a paper's link to its note page points at one of these paths).
pub(crate) type PagesAt = rustc_hash::FxHashMap<Box<std::path::Path>, usize>;

/// `documents`' note pages by path.
fn pages_at(documents: &[std::sync::Arc<crate::model::Document>]) -> PagesAt {
    (documents.iter().enumerate())
        .filter(|(_, d)| d.kind == crate::model::DocKind::Page)
        .filter_map(|(i, d)| Some((d.path.clone()?.into_boxed_path(), i)))
        .collect()
}

/// The note page paper `p` links as its own (see [`crate::model::Paper::note_page`]), when it is loaded.
fn note_page_of(p: &crate::model::Paper, pages: &PagesAt) -> Option<usize> {
    pages.get(p.note_page()?.target.as_deref()?).copied()
}

/// The text of paper `r` of `documents`: its takeaways and the text of its note page when that is
/// loaded (what the detail pane shows below them), flattened into `out` (see [`flatten`]): the one way
/// the index reads them (its word index while it is built, a phrase while it searches), never keeping
/// a copy.
fn paper_takeaways(
    documents: &[std::sync::Arc<crate::model::Document>],
    pages: &PagesAt,
    r: PaperRef,
    out: &mut String,
) {
    let paper = documents.get(r.doc).and_then(|d| d.papers.get(r.paper));
    if let Some(p) = paper {
        flatten(&p.takeaways, out);
        if let Some(page) = note_page_of(p, pages).and_then(|d| documents.get(d)) {
            page_text(&page.body, out);
        }
    }
}

/// A note page's text below its title, blocks joined by ` · ` (appended to `out`).
fn page_text(blocks: &[crate::model::Block], out: &mut String) {
    use crate::model::Block;
    let join = |out: &mut String, text: &crate::model::RichText| {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        for s in &text.0 {
            out.push_str(&s.text);
        }
    };
    // Iterative, so deep quotes cannot overflow the stack.
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => join(out, text),
            // Each item is joined by ` · ` to what is before it.
            Block::List { items, .. } => flatten(items, out),
            Block::Code { text, .. } => {
                if !out.is_empty() {
                    out.push_str(" · ");
                }
                out.push_str(text);
            }
            Block::Quote { blocks } => stack.extend(blocks.iter().rev()),
            Block::Table { rows, .. } => {
                for cell in rows.iter().flatten() {
                    join(out, cell);
                }
            }
            Block::Rule => {}
        }
    }
}

/// A paper's takeaways as one text, notes joined by ` · ` (appended to `out`; one joins what is there):
/// what the word index reads and a phrase is matched in.
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
    /// How many papers it holds.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Tells the index which places are one paper ([`Works`]): from then on an excluded part (`-has:code`,
    /// `-kernel`) leaves out every place of a work one of whose places has it, as the detail pane shows
    /// a work's links and takeaways together. Called with the works of the same library, after every
    /// build or update (an index not told keeps each place apart).
    pub fn link_works(&mut self, works: &crate::model::work::Works) {
        let mut next: Vec<u32> = (0..self.entries.len() as u32).collect();
        let mut ring: Vec<u32> = Vec::new();
        for w in 0..works.len() {
            let places = works.places(w);
            if places.len() < 2 {
                continue;
            }
            ring.clear();
            ring.extend(places.iter().filter_map(|&r| {
                let i = self.entry_number(r)?;
                (!self.is_dead(i)).then_some(i)
            }));
            for (k, &i) in ring.iter().enumerate() {
                if let (Some(slot), Some(&to)) =
                    (next.get_mut(i as usize), ring.get((k + 1) % ring.len()))
                {
                    *slot = to;
                }
            }
        }
        self.next_place = next;
    }

    /// The other places of entry `i`'s work, once [`Index::link_works`] told them.
    fn other_places(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = i;
        std::iter::from_fn(move || {
            at = self
                .next_place
                .get(at as usize)
                .copied()
                .filter(|&n| n != i)?;
            Some(at)
        })
    }

    /// Was entry `i` taken out by a reload?
    fn is_dead(&self, i: u32) -> bool {
        self.dead.get(i as usize).copied().unwrap_or(false)
    }

    fn entry(&self, r: PaperRef) -> Option<&Entry> {
        self.entries.get(self.entry_number(r)? as usize)
    }

    /// The number of a paper's entry.
    fn entry_number(&self, r: PaperRef) -> Option<u32> {
        let &(start, count) = self.docs.get(r.doc)?;
        let i = (r.paper < count as usize).then_some(start + r.paper as u32)?;
        self.entries
            .get(i as usize)
            .filter(|e| e.paper == r)
            .map(|_| i)
    }

    /// The breadcrumb string of a paper (what the context field matches).
    pub fn context(&self, r: PaperRef) -> Option<&str> {
        self.entry(r)
            .and_then(|e| self.contexts.get(e.context as usize))
            .map(|c| c.shown.as_deref().unwrap_or(&c.text))
    }

    /// Character positions of `query` in `text` as the matcher sees them (for highlighting).
    pub fn positions(&self, text: &str, query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        // Folding keeps every character's position (see [`fold`]).
        self.highlighter
            .fuzzy_indices(&fold::fold(text), &fold::fold(query))
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

    /// [`Index::find_all`], each fuzzy word looking only among the names that matched a word of
    /// `previous` it extends: the same result, faster.
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
        self.search_ranked(query, previous, marks, cancelled, matching::Rank::All)
    }

    /// [`Index::find_cancellable`] without the order: the hits in library order, and the best of them
    /// ([`Search::best`], the first hit [`Index::find`] gives). Names are scored only where one could be
    /// the best, so this costs much less than ranking every hit: what the filter needs, which shows its
    /// hits in the tree and selects the best.
    pub fn find_best_cancellable(
        &self,
        query: &Query,
        previous: Option<&Search>,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Search> {
        self.search_ranked(query, previous, marks, cancelled, matching::Rank::Best)
    }

    fn search_ranked(
        &self,
        query: &Query,
        previous: Option<&Search>,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
        rank: matching::Rank,
    ) -> Option<Search> {
        let previous = previous.filter(|p| p.index == self.id);
        let mut found = self.search_entries(query, previous, marks, cancelled, rank)?;
        found.query = Some(query.clone());
        found.index = self.id;
        Some(found)
    }

    /// Character positions to highlight in `text`, a paper's `field` (its title, its breadcrumb, …),
    /// for a parsed query: where its words and phrases that look in that field match.
    pub fn query_positions(&self, text: &str, query: &Query, field: Field) -> Vec<usize> {
        matching::positions(self, text, query, field)
    }

    /// Note pages for a parsed query, best first. A page has a title and a text: a word matches it
    /// when it fuzzily matches the title or, by words as in the takeaways, the text (`note:` looks in
    /// the text only, `title:` in the title only); a phrase or `'word` where it occurs as written; an
    /// excluded part where it does not occur. A part that asks what a page has not got (`year:`,
    /// `has:`, `in:`, `aff:`) matches no page. Title hits rank by score; a page any of whose parts
    /// matched only in its text has score 0, below them. Positions are those of the title.
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
    let mut hay = text.as_bytes();
    for b in query.bytes().filter(|b| *b != b' ') {
        let at = if sensitive || !b.is_ascii_alphabetic() {
            memchr::memchr(b, hay)
        } else {
            memchr::memchr2(b.to_ascii_lowercase(), b.to_ascii_uppercase(), hay)
        };
        match at {
            Some(i) => hay = hay.get(i + 1..).unwrap_or_default(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
pub(super) mod tests {
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

    pub(super) fn titles(lib: &Library, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| lib.paper(h.paper).unwrap().title.to_string())
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
        // Names are matched with smart case; the words of the takeaways without case.
        let hits = idx.search("GREYHOUND");
        assert_eq!(titles(&lib, &hits), vec!["Alpha: Fast Disks"]);
        assert_eq!(hits[0].field, Field::Takeaways);
        let hits = idx.search("Greyhound");
        assert_eq!(hits.len(), 3, "title, affiliation, takeaway");
        assert_eq!(idx.search("GreyHound").len(), 1, "only the takeaway's word");
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

    /// The field each hit of `q` matched by, best first.
    fn fields_found(idx: &Index, q: &str) -> Vec<Field> {
        let hits = idx.find(&parse(q).unwrap(), &NoMarks);
        hits.iter().map(|h| h.field).collect()
    }

    #[test]
    fn accents_are_folded_in_names_words_phrases_and_highlights() {
        let lib = lib("# Köln 2030\n\n## Papers\n\n### Systèmes\n\n\
            * Grüße: Café Caches \\[[Paper](https://a.example)]\n  * ETH Zürich\n  * A naïve résumé of Łódź traces.\n\
            * Plain: Nothing Here \\[[Paper](https://b.example)]\n  * MIT\n  * Ordinary words.\n");
        let idx = Index::new(&lib);
        let find = |q: &str| fields_found(&idx, q);
        // A name fuzzily, a word of the takeaways by its start, and as written: either way round.
        assert_eq!(find("zurich"), vec![Field::Affiliations]);
        assert_eq!(find("zürich"), vec![Field::Affiliations]);
        assert_eq!(find("cafe"), vec![Field::Title]);
        assert_eq!(find("lodz"), vec![Field::Takeaways]);
        assert_eq!(find("resum"), vec![Field::Takeaways]);
        assert_eq!(find("'naive"), vec![Field::Takeaways]);
        assert_eq!(find("\"naive resume\""), vec![Field::Takeaways]);
        assert_eq!(find("in:systemes"), vec![Field::Context; 2]);
        assert_eq!(find("-zurich").len(), 1);
        // What spells as two letters is not folded: `grusse` does not find `Grüße` by its `ß`.
        assert!(find("t:grusse").is_empty());
        // The breadcrumb is shown as written, and highlights fall on the letters as written.
        let r = lib.papers().next().unwrap().0;
        assert_eq!(idx.context(r), Some("Köln 2030 › Systèmes"));
        let q = parse("cafe lodz").unwrap();
        let title = "Grüße: Café Caches";
        assert_eq!(
            idx.query_positions(title, &q, Field::Title),
            vec![7, 8, 9, 10]
        );
        let note = "A naïve résumé of Łódź traces.";
        assert_eq!(
            idx.query_positions(note, &q, Field::Takeaways),
            vec![18, 19, 20, 21]
        );
        assert_eq!(idx.positions("ETH Zürich", "zur"), vec![4, 5, 6]);
    }

    #[test]
    fn capitals_of_other_scripts_and_two_letter_ligatures_are_found_without_case() {
        let lib = lib("# Conf 2030\n\n## Papers\n\n### Ωμέγα Topics\n\n\
            * Æther Œuvre: Москва Streams \\[[Paper](https://a.example)]\n  * Ελληνικό Institute\n  * Σημείωση about Дом.\n\
            * Plain: Nothing Here \\[[Paper](https://b.example)]\n  * MIT\n  * Ordinary words.\n");
        let idx = Index::new(&lib);
        let find = |q: &str| fields_found(&idx, q);
        // A lowercase word finds a capital that is not ASCII: in names fuzzily, in text and as written.
        assert_eq!(find("æther"), vec![Field::Title]);
        assert_eq!(find("œuvre"), vec![Field::Title]);
        assert_eq!(find("москва"), vec![Field::Title]);
        assert_eq!(find("ελληνικό"), vec![Field::Affiliations]);
        assert_eq!(find("in:ωμέγα"), vec![Field::Context; 2]);
        assert_eq!(find("'дом"), vec![Field::Takeaways]);
        // And the capital as written still finds it.
        assert_eq!(find("Æther"), vec![Field::Title]);
        assert_eq!(find("-москва").len(), 1);
        // Highlights fall on the letters as written.
        let q = parse("москва").unwrap();
        let title = "Æther Œuvre: Москва Streams";
        assert_eq!(
            idx.query_positions(title, &q, Field::Title),
            vec![13, 14, 15, 16, 17, 18]
        );
    }

    #[test]
    fn full_width_letters_are_found_by_ascii_and_the_other_way_round() {
        let lib = lib("# Conf 2030\n\n## Papers\n\n\
            * Ｆｕｌｌｗｉｄｔｈ Ｔｉｔｌｅ：全角标题 \\[[Paper](https://a.example)]\n  * ＭＩＴ\n  * Ｓｔｒａｇｇｌｅｒ words in ２０２４.\n\
            * Plain: Nothing Here \\[[Paper](https://b.example)]\n  * CMU\n  * Ordinary words.\n");
        let idx = Index::new(&lib);
        let find = |q: &str| fields_found(&idx, q);
        assert_eq!(find("fullwidth"), vec![Field::Title]);
        assert_eq!(find("ｆｕｌｌｗｉｄｔｈ"), vec![Field::Title]);
        assert_eq!(find("mit"), vec![Field::Affiliations]);
        assert_eq!(find("straggler"), vec![Field::Takeaways]);
        assert_eq!(find("'2024"), vec![Field::Takeaways]);
        let q = parse("title").unwrap();
        assert_eq!(
            idx.query_positions("Ｆｕｌｌｗｉｄｔｈ Ｔｉｔｌｅ：全角标题", &q, Field::Title),
            vec![10, 11, 12, 13, 14]
        );
    }

    #[test]
    fn an_excluded_part_leaves_out_every_place_of_a_work_that_has_it_once_works_are_linked() {
        let mut lib = Library::default();
        for (name, md) in [
            (
                "a.md",
                "# CONF 2023\n\n## Papers\n\n* Alpha: One \\[[Paper](https://p/a)] \\[[Code](https://c/a)]\n  * Lab A\n  * A kernel scheduler.\n* Beta: Two \\[[Paper](https://p/b)]\n  * Lab B\n  * Plain.\n",
            ),
            (
                "b.md",
                "# List\n\n## Papers\n\n* Alpha: One \\[[Paper](https://p/a)]\n  * Lab A\n  * Plain.\n",
            ),
        ] {
            lib.documents.push(loader::document::build(name, None, md).0);
        }
        loader::assign_ids(&mut lib);
        let works = crate::model::work::Works::new(&lib);
        let apart = Index::new(&lib);
        let mut linked = Index::new(&lib);
        linked.link_works(&works);
        let docs = |idx: &Index, q: &str| {
            let hits = idx.find(&parse(q).unwrap(), &NoMarks);
            let mut d: Vec<(usize, usize)> =
                hits.iter().map(|h| (h.paper.doc, h.paper.paper)).collect();
            d.sort_unstable();
            d
        };
        // Each place apart: the place in b.md has no code link and no `kernel`.
        assert_eq!(docs(&apart, "alpha -has:code"), vec![(1, 0)]);
        assert_eq!(docs(&apart, "alpha -kernel"), vec![(1, 0)]);
        // Linked: the work has them in a.md, so neither place is shown; Beta stays.
        assert_eq!(
            docs(&linked, "alpha -has:code"),
            Vec::<(usize, usize)>::new()
        );
        assert_eq!(docs(&linked, "-has:code"), vec![(0, 1)]);
        assert_eq!(docs(&linked, "-kernel"), vec![(0, 1)]);
        assert_eq!(docs(&linked, "-in:conf"), Vec::<(usize, usize)>::new());
        // What is not excluded is still matched place by place.
        assert_eq!(docs(&linked, "alpha has:code"), vec![(0, 0)]);
        assert_eq!(docs(&linked, "alpha -has:video"), vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn context_is_the_breadcrumb() {
        let lib = lib(NOTES);
        let r = lib.papers().next().unwrap().0;
        assert_eq!(context(&lib, r), "CONF 2030 › Storage");
        assert_eq!(Index::new(&lib).context(r), Some("CONF 2030 › Storage"));
    }
}
