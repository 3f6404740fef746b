//! Building the index: for a whole library ([`Index::new`]), or for a reload's changed documents only
//! ([`Index::updated`]), sharing what did not change with the index it was updated from.
//!
//! An update takes out the entries of the changed documents (they stay in place, marked dead, so no other
//! entry is renumbered) and appends their new entries at the end: strings after the shared ones, their
//! words in a second, small word index ([`text::TextIndex::with_added`]). Library order, in which ties
//! rank, is kept apart from entry numbers (`Entry::rank`, `Index::order`). When the appended entries grow
//! past a fifth of the index (and a thousand), or documents were taken out of the library (every later
//! document's number changes), it is built anew.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::fold;
use super::strings::Strings;
use super::{
    context, letter_mask, page_text, pages_at, paper_takeaways, text, Context, Entry, Index,
    PagesAt,
};
use crate::model::{venue, DocKind, Library, PaperRef};

/// Tells one index from another.
static IDS: AtomicU64 = AtomicU64::new(1);

/// Entries being added, with their strings and breadcrumbs.
#[derive(Default)]
struct Added {
    entries: Vec<Entry>,
    titles: Strings,
    affiliations: Strings,
    venues: Strings,
    /// Per document added: (document, first entry, count).
    docs: Vec<(usize, u32, u32)>,
}

impl Added {
    /// Room for the papers of documents `docs` (their strings' sizes are known before they are added).
    fn reserve(&mut self, lib: &Library, docs: std::ops::Range<usize>) {
        let papers = || lib.documents[docs.clone()].iter().flat_map(|d| &d.papers);
        let count = papers().count();
        let sep = " & ".len();
        let (mut titles, mut affiliations, mut venues) = (0, 0, 0);
        for p in papers() {
            titles += p.title.len();
            let names: usize = p.affiliations.iter().map(|a| a.len()).sum();
            affiliations += names + sep * p.affiliations.len().saturating_sub(1);
            venues += p.venue.as_deref().map_or(0, str::len);
        }
        self.entries.reserve_exact(count);
        self.titles.reserve(count, titles);
        self.affiliations.reserve(count, affiliations);
        self.venues.reserve(count, venues);
    }

    /// Adds document `d`'s papers, numbered from `first` on; new breadcrumbs join `contexts`.
    fn document(
        &mut self,
        lib: &Library,
        d: usize,
        first: u32,
        contexts: &mut Vec<Context>,
        ids: &mut HashMap<Box<str>, u32>,
    ) {
        let Some(doc) = lib.documents.get(d) else {
            return;
        };
        let start = first + self.entries.len() as u32;
        // The papers of a topic share its path: its breadcrumb is looked up once.
        let mut last: Option<(&std::sync::Arc<[String]>, u32)> = None;
        for (i, p) in doc.papers.iter().enumerate() {
            let r = PaperRef { doc: d, paper: i };
            let id = match last {
                Some((topics, id)) if std::sync::Arc::ptr_eq(topics, &p.topics) => id,
                _ => {
                    let ctx = context(lib, r);
                    let next = contexts.len() as u32;
                    let id = match ids.get(ctx.as_str()) {
                        Some(&id) => id,
                        None => {
                            let folded = fold(&ctx);
                            contexts.push(Context {
                                mask: letter_mask(&folded),
                                shown: matches!(folded, Cow::Owned(_)).then(|| ctx.as_str().into()),
                                text: folded.as_ref().into(),
                            });
                            ids.insert(ctx.into_boxed_str(), next);
                            next
                        }
                    };
                    last = Some((&p.topics, id));
                    id
                }
            };
            let links = crate::model::LinkKind::ALL
                .into_iter()
                .filter(|&k| p.has(k))
                .fold(0, |bits, k| bits | k.bit());
            // Names are matched with their accents folded (`fold`); nothing shows these copies.
            let aff = p.affiliations.join(" & ");
            let (title, aff) = (fold(&p.title), fold(&aff));
            self.entries.push(Entry {
                paper: r,
                title_mask: letter_mask(&title),
                aff_mask: letter_mask(&aff),
                context: id,
                year: venue::year_of_paper(p, &doc.title).unwrap_or(0),
                links,
                rank: 0,
            });
            self.titles.push(&title);
            self.affiliations.push(&aff);
            self.venues.push(&fold(p.venue.as_deref().unwrap_or("")));
        }
        self.docs.push((d, start, doc.papers.len() as u32));
    }
}

/// The text of entry `i` (of `entries`, papers of `lib`), flattened into `out`.
fn takeaways(lib: &Library, pages: &PagesAt, entries: &[Entry], i: usize, out: &mut String) {
    if let Some(e) = entries.get(i) {
        paper_takeaways(&lib.documents, pages, e.paper, out);
    }
}

/// The words of the note pages' text (`pages`, as [`pages`] lists them, of `documents`).
pub(super) fn page_words(
    documents: &[std::sync::Arc<crate::model::Document>],
    pages: &[(usize, String)],
) -> text::TextIndex {
    let write = |i: usize, out: &mut String| {
        if let Some(doc) = pages.get(i).and_then(|&(d, _)| documents.get(d)) {
            page_text(&doc.body, out);
        }
    };
    text::TextIndex::new(&text::Texts {
        count: pages.len(),
        write: &write,
    })
}

/// Note pages: (document index, title).
fn pages(lib: &Library) -> Vec<(usize, String)> {
    lib.documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == DocKind::Page)
        .map(|(i, d)| (i, d.title.clone()))
        .collect()
}

/// Library order: each document's entries in turn; sets each entry's rank.
fn order(docs: &[(u32, u32)], entries: &mut [Entry]) -> Vec<u32> {
    let mut order = Vec::with_capacity(entries.len());
    for &(start, count) in docs {
        for e in start..start + count {
            if let Some(entry) = entries.get_mut(e as usize) {
                entry.rank = order.len() as u32;
                order.push(e);
            }
        }
    }
    order
}

impl Index {
    /// An index of nothing with `lib`'s note pages, its matchers and a number of its own: what every
    /// build starts from.
    fn shell(lib: &Library) -> Index {
        Index {
            entries: Vec::new(),
            titles: Strings::default(),
            affiliations: Strings::default(),
            venues: Strings::default(),
            documents: lib.documents.clone(),
            docs: Vec::new(),
            order: Vec::new(),
            dead: Vec::new(),
            contexts: Vec::new(),
            context_ids: HashMap::new(),
            text: text::TextIndex::default(),
            pages: pages(lib),
            pages_at: pages_at(&lib.documents),
            page_text: Default::default(),
            matcher: SkimMatcherV2::default().smart_case().element_limit(1),
            highlighter: SkimMatcherV2::default().smart_case(),
            id: IDS.fetch_add(1, Ordering::Relaxed),
            next_place: Vec::new(),
        }
    }

    pub fn new(lib: &Library) -> Self {
        // Entry `i` is the library's `i`th paper: the names and the words are indexed side by side.
        let papers: Vec<PaperRef> = (lib.documents.iter().enumerate())
            .flat_map(|(d, doc)| (0..doc.papers.len()).map(move |paper| PaperRef { doc: d, paper }))
            .collect();
        let names = || {
            let mut contexts = Vec::new();
            let mut context_ids = HashMap::new();
            let mut added = Added::default();
            added.reserve(lib, 0..lib.documents.len());
            for d in 0..lib.documents.len() {
                added.document(lib, d, 0, &mut contexts, &mut context_ids);
            }
            (added, contexts, context_ids)
        };
        let shell = Index::shell(lib);
        let words = || {
            let write = |i: usize, out: &mut String| {
                if let Some(&paper) = papers.get(i) {
                    paper_takeaways(&lib.documents, &shell.pages_at, paper, out);
                }
            };
            text::TextIndex::new(&text::Texts {
                count: papers.len(),
                write: &write,
            })
        };
        let ((added, contexts, context_ids), text) = rayon::join(names, words);
        drop(papers);
        let mut docs = vec![(0, 0); lib.documents.len()];
        for &(d, start, count) in &added.docs {
            docs[d] = (start, count);
        }
        let mut entries = added.entries;
        let order = order(&docs, &mut entries);
        Index {
            titles: added.titles.sealed(),
            affiliations: added.affiliations.sealed(),
            venues: added.venues.sealed(),
            entries,
            docs,
            order,
            contexts,
            context_ids,
            text,
            ..shell
        }
    }

    /// The index of `lib`, where the documents numbered in `changed` are new or changed and every other
    /// document is the one this index was built for, at the same number: only the changed documents are
    /// read, the rest is shared. Gives the same results as [`Index::new`] of `lib`.
    pub fn updated(&self, lib: &Library, changed: &[usize]) -> Index {
        // Appended entries cost a little more to search than the first build's (a second word index),
        // and the dead ones memory: past a fifth of the index, and a thousand, build it anew.
        let limit = (self.text.added_from() as usize / 5).max(1000);
        self.update(lib, changed, limit)
    }

    /// [`Index::updated`], built anew when more than `limit` entries would follow the first build's.
    pub(super) fn update(&self, lib: &Library, changed: &[usize], limit: usize) -> Index {
        let n = self.entries.len();
        let appended_before = n - self.text.added_from() as usize;
        let mut redo: Vec<usize> = changed
            .iter()
            .copied()
            .filter(|&d| d < lib.documents.len())
            .chain(self.docs.len()..lib.documents.len())
            .collect();
        // A paper's text holds its note page's: papers that link a page that changed (or that became a
        // page, or stopped being one) are read again.
        let shell = Index::shell(lib);
        let was_page = |d: usize| self.pages.iter().any(|&(p, _)| p == d);
        let changed_pages: std::collections::HashSet<&std::path::Path> = redo
            .iter()
            .filter_map(|&d| lib.documents.get(d).map(|doc| (d, doc)))
            .filter(|&(d, doc)| doc.kind == DocKind::Page || was_page(d))
            .filter_map(|(_, doc)| doc.path.as_deref())
            .collect();
        let pages_changed = !changed_pages.is_empty() || redo.iter().any(|&d| was_page(d));
        if !changed_pages.is_empty() {
            for (d, doc) in lib.documents.iter().enumerate() {
                let linked = doc.papers.iter().any(|p| {
                    (p.note_page().and_then(|l| l.target.as_deref()))
                        .is_some_and(|t| changed_pages.contains(t))
                });
                if linked {
                    redo.push(d);
                }
            }
        }
        redo.sort_unstable();
        redo.dedup();
        let appending: usize = redo
            .iter()
            .filter_map(|&d| lib.documents.get(d))
            .map(|d| d.papers.len())
            .sum();
        if lib.documents.len() < self.docs.len() || appended_before + appending > limit {
            return Index::new(lib);
        }
        let mut dead = self.dead.clone();
        dead.resize(n, false);
        for &d in &redo {
            if let Some(&(start, count)) = self.docs.get(d) {
                for e in start..start + count {
                    if let Some(x) = dead.get_mut(e as usize) {
                        *x = true;
                    }
                }
            }
        }
        let mut contexts = self.contexts.clone();
        let mut context_ids = self.context_ids.clone();
        let mut added = Added::default();
        for &d in &redo {
            added.document(lib, d, n as u32, &mut contexts, &mut context_ids);
        }
        let mut docs = self.docs.clone();
        docs.resize(lib.documents.len(), (0, 0));
        for &(d, start, count) in &added.docs {
            docs[d] = (start, count);
        }
        let added_count = added.entries.len();
        let mut entries: Vec<Entry> = self.entries.clone();
        entries.append(&mut added.entries);
        dead.resize(entries.len(), false);
        let order = order(&docs, &mut entries);
        let from = self.text.added_from() as usize;
        let strings =
            |s: &Strings, more: &Strings| s.updated(n, (0..added_count).map(|i| more.get(i)));
        let text = {
            // Every entry appended since the first build, the dead ones too (numbering stays; they
            // are never found, so their text is left empty).
            let write = |i: usize, out: &mut String| {
                if !dead.get(from + i).copied().unwrap_or(true) {
                    takeaways(lib, &shell.pages_at, &entries, from + i, out);
                }
            };
            let appended = text::Texts {
                count: entries.len() - from,
                write: &write,
            };
            let mut gone = roaring::RoaringBitmap::new();
            gone.extend(
                dead.iter()
                    .enumerate()
                    .filter(|(_, d)| **d)
                    .map(|(i, _)| i as u32),
            );
            self.text.with_added(&appended, gone)
        };
        Index {
            titles: strings(&self.titles, &added.titles),
            affiliations: strings(&self.affiliations, &added.affiliations),
            venues: strings(&self.venues, &added.venues),
            entries,
            docs,
            order,
            dead,
            contexts,
            context_ids,
            text,
            page_text: if pages_changed {
                Default::default()
            } else {
                self.page_text.clone()
            },
            ..shell
        }
    }
}
