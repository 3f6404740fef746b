//! How a parsed query is matched against the index, keeping a keystroke within a frame:
//!
//! 1. each fuzzy word's *text* hits come from the word index ([`super::text`]): no text is scanned;
//! 2. each fuzzy word's *name* candidates (title, breadcrumb, affiliations) are the names that pass a
//!    letter mask and an ASCII subsequence test, narrowed from the previous key's candidates for that
//!    word when the word grew (skim can only match where the word's letters occur in order);
//! 3. only the papers in every word's candidates or text hits are visited: the cheap conditions
//!    (`year:`, `has:`, `is:`), what is matched as written, then skim on the names for the field and
//!    the score.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use roaring::RoaringBitmap;

use super::marks::Marks;
use super::needle::Needle;
use super::query::{case_sensitive, Clause, MarkKind, Query, Scope};
use super::text::query_words;
use super::{letter_mask, may_contain, Entry, Field, Hit, Index, NameCandidates, PageHit, Search};

/// The field a scoped term ranks by.
fn scope_field(scope: Scope) -> Field {
    match scope {
        Scope::Any | Scope::Title => Field::Title,
        Scope::Place => Field::Context,
        Scope::Affiliations => Field::Affiliations,
        Scope::Takeaways => Field::Takeaways,
    }
}

/// A fuzzy word, ready to match.
struct FuzzyTerm<'q> {
    scope: Scope,
    text: &'q str,
    sensitive: bool,
    /// Its letters, as [`letter_mask`] gives them (case folded).
    mask: u64,
    /// Per breadcrumb (`Index::contexts`): its score, for a word that looks there.
    contexts: Vec<Option<i64>>,
    /// Entries whose names in scope may match (a superset of the name matches), sorted.
    names: Arc<Vec<u32>>,
    /// Entries whose takeaways have a matching word (empty when its scope does not look there).
    text_hits: RoaringBitmap,
    /// The word numbers that match it, as a bit set (for closeness).
    terms: Vec<u64>,
    /// Does the field it matched in rank the hit?
    ranks: bool,
}

/// Text matched as written: a phrase, a `'word`, `in:`, or an exclusion.
struct ExactTerm {
    scope: Scope,
    negated: bool,
    needle: Needle,
    /// Per breadcrumb: does it occur there (for the scopes that look there).
    contexts: Vec<bool>,
    /// The entries whose takeaways contain it, from the word index, when it is one lowercase ASCII
    /// word (else the takeaways are scanned).
    text_hits: Option<RoaringBitmap>,
    ranks: bool,
}

enum Cheap {
    Year { from: u16, to: u16 },
    Has(u16),
    Is(MarkKind),
}

/// A query compiled against an index.
struct Plan<'q> {
    cheap: Vec<(bool, Cheap)>,
    exact: Vec<ExactTerm>,
    fuzzy: Vec<FuzzyTerm<'q>>,
}

impl<'q> Plan<'q> {
    /// Compiles `query`; `None` when `cancelled` turned true meanwhile.
    fn new(
        index: &Index,
        query: &'q Query,
        previous: Option<&Search>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Plan<'q>> {
        // Words without a field rank a hit by where they matched; when there are none, the fields of
        // the scoped words do (the same for every hit).
        let any_ranks = query.has_unscoped_words();
        let ranks = |scope: Scope| scope == Scope::Any || !any_ranks;
        let exact = |scope: Scope, text: &str, negated: bool| {
            let needle = Needle::new(text);
            let contexts = if looks_in_contexts(scope) {
                index
                    .contexts
                    .iter()
                    .map(|c| needle.is_in(&c.text))
                    .collect()
            } else {
                Vec::new()
            };
            let one_word = !text.is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
            let text_hits = (one_word && looks_in_text(scope)).then(|| index.text.containing(text));
            ExactTerm {
                scope,
                negated,
                needle,
                contexts,
                text_hits,
                ranks: !negated && ranks(scope),
            }
        };
        let mut plan = Plan {
            cheap: Vec::new(),
            exact: Vec::new(),
            fuzzy: Vec::new(),
        };
        for t in &query.terms {
            if cancelled() {
                return None;
            }
            match &t.clause {
                Clause::Year { from, to } => plan.cheap.push((
                    t.negated,
                    Cheap::Year {
                        from: *from,
                        to: *to,
                    },
                )),
                Clause::Has(kind) => plan.cheap.push((t.negated, Cheap::Has(kind.bit()))),
                Clause::Is(mark) => plan.cheap.push((t.negated, Cheap::Is(*mark))),
                Clause::Exact { scope, text } => plan.exact.push(exact(*scope, text, t.negated)),
                Clause::Fuzzy { scope, text } => {
                    // The parser makes excluded words exact; a hand-made negated fuzzy term is too.
                    if t.negated {
                        plan.exact.push(exact(*scope, text, true));
                        continue;
                    }
                    plan.fuzzy
                        .push(FuzzyTerm::new(index, *scope, text, previous, ranks(*scope)));
                }
            }
        }
        Some(plan)
    }

    fn is_empty(&self) -> bool {
        self.cheap.is_empty() && self.exact.is_empty() && self.fuzzy.is_empty()
    }
}

fn looks_in_contexts(scope: Scope) -> bool {
    matches!(scope, Scope::Any | Scope::Place)
}

fn looks_in_text(scope: Scope) -> bool {
    matches!(scope, Scope::Any | Scope::Takeaways)
}

impl<'q> FuzzyTerm<'q> {
    fn new(
        index: &Index,
        scope: Scope,
        text: &'q str,
        previous: Option<&Search>,
        ranks: bool,
    ) -> FuzzyTerm<'q> {
        let sensitive = case_sensitive(text);
        let mask = letter_mask(text);
        let contexts: Vec<Option<i64>> = if looks_in_contexts(scope) {
            index
                .contexts
                .par_iter()
                .map(|c| {
                    (c.mask & mask == mask && may_contain(&c.text, text, sensitive))
                        .then(|| index.matcher.fuzzy_match(&c.text, text))
                        .flatten()
                })
                .collect()
        } else {
            Vec::new()
        };
        // Narrow from the candidates of a word this one extends (same scope, its letters in order).
        let base = previous.and_then(|p| {
            p.names
                .iter()
                .filter(|n| n.scope == scope && super::query::subsequence(&n.text, text))
                .min_by_key(|n| n.list.len())
        });
        let may = |i: u32| {
            let e = &index.entries[i as usize];
            let name = |s: &str, m: u64| m & mask == mask && may_contain(s, text, sensitive);
            let ctx = || {
                contexts
                    .get(e.context as usize)
                    .copied()
                    .flatten()
                    .is_some()
            };
            match scope {
                Scope::Any => {
                    name(&e.title, e.title_mask) || ctx() || name(&e.affiliations, e.aff_mask)
                }
                Scope::Title => name(&e.title, e.title_mask),
                Scope::Affiliations => name(&e.affiliations, e.aff_mask),
                Scope::Takeaways => false,
                Scope::Place => ctx() || may_contain(&e.venue, text, sensitive),
            }
        };
        let names: Vec<u32> = match base {
            Some(b) => b.list.par_iter().copied().filter(|&i| may(i)).collect(),
            None => (0..index.entries.len() as u32)
                .into_par_iter()
                .filter(|&i| may(i))
                .collect(),
        };
        let (text_hits, terms) = if looks_in_text(scope) {
            index.text.query_word(text)
        } else {
            (RoaringBitmap::new(), Vec::new())
        };
        FuzzyTerm {
            scope,
            text,
            sensitive,
            mask,
            contexts,
            names: Arc::new(names),
            text_hits,
            terms,
            ranks,
        }
    }

    /// The entries it may match: its name candidates and its text hits.
    fn reach(&self) -> RoaringBitmap {
        let mut r = RoaringBitmap::from_sorted_iter(self.names.iter().copied()).unwrap_or_default();
        r |= &self.text_hits;
        r
    }

    /// Where it matched in `e` and the score there, if it did.
    fn find(&self, index: &Index, i: u32, e: &Entry) -> Option<(Field, i64)> {
        let m = &index.matcher;
        let name = |s: &str, mask: u64| {
            if mask & self.mask == self.mask && may_contain(s, self.text, self.sensitive) {
                m.fuzzy_match(s, self.text)
            } else {
                None
            }
        };
        let ctx = || self.contexts.get(e.context as usize).copied().flatten();
        let text = || self.text_hits.contains(i).then_some((Field::Takeaways, 0));
        match self.scope {
            Scope::Any => name(&e.title, e.title_mask)
                .map(|s| (Field::Title, s))
                .or_else(|| ctx().map(|s| (Field::Context, s)))
                .or_else(|| name(&e.affiliations, e.aff_mask).map(|s| (Field::Affiliations, s)))
                .or_else(text),
            Scope::Title => name(&e.title, e.title_mask).map(|s| (Field::Title, s)),
            Scope::Affiliations => {
                name(&e.affiliations, e.aff_mask).map(|s| (Field::Affiliations, s))
            }
            Scope::Takeaways => text(),
            Scope::Place => ctx()
                .or_else(|| m.fuzzy_match(&e.venue, self.text))
                .map(|s| (Field::Context, s)),
        }
    }
}

impl Cheap {
    fn holds(&self, e: &Entry, marks: &dyn Marks) -> bool {
        match *self {
            Cheap::Year { from, to } => e.year != 0 && (from..=to).contains(&e.year),
            Cheap::Has(bit) => e.links & bit != 0,
            Cheap::Is(MarkKind::Bookmarked) => marks.bookmarked(e.paper),
            Cheap::Is(MarkKind::Read) => marks.read(e.paper),
            Cheap::Is(MarkKind::Unread) => !marks.read(e.paper),
            Cheap::Is(MarkKind::New) => marks.is_new(e.paper),
        }
    }
}

impl ExactTerm {
    /// The first field of its scope it occurs in.
    fn find(&self, i: u32, e: &Entry) -> Option<Field> {
        let n = &self.needle;
        let ctx = || {
            self.contexts
                .get(e.context as usize)
                .copied()
                .unwrap_or(false)
        };
        let text = || match &self.text_hits {
            Some(hits) => hits.contains(i),
            None => n.is_in(&e.takeaways),
        };
        match self.scope {
            Scope::Any => {
                if n.is_in(&e.title) {
                    Some(Field::Title)
                } else if ctx() {
                    Some(Field::Context)
                } else if n.is_in(&e.affiliations) {
                    Some(Field::Affiliations)
                } else if text() {
                    Some(Field::Takeaways)
                } else {
                    None
                }
            }
            Scope::Title => n.is_in(&e.title).then_some(Field::Title),
            Scope::Affiliations => n.is_in(&e.affiliations).then_some(Field::Affiliations),
            Scope::Takeaways => text().then_some(Field::Takeaways),
            Scope::Place => (ctx() || n.is_in(&e.venue)).then_some(Field::Context),
        }
    }
}

/// A takeaway hit's score: the number of words found in the text first, then how close together
/// (the fewer words spanned, the better).
fn text_score(words: usize, span: usize) -> i64 {
    words as i64 * 1_000_000 - span.min(999_999) as i64
}

impl Index {
    pub(super) fn search_entries(
        &self,
        query: &Query,
        previous: Option<&Search>,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Search> {
        let plan = Plan::new(self, query, previous, cancelled)?;
        if plan.is_empty() {
            return Some(Search {
                hits: (0..self.entries.len() as u32)
                    .map(|i| self.hit_all(i))
                    .collect(),
                names: Vec::new(),
                query: None,
                index: self.id,
            });
        }
        // Only what every fuzzy word may match is visited.
        let mut reach: Option<RoaringBitmap> = None;
        for t in &plan.fuzzy {
            let r = t.reach();
            reach = Some(match reach {
                Some(prev) => prev & r,
                None => r,
            });
            if cancelled() {
                return None;
            }
        }
        let visit: Vec<u32> = match reach {
            Some(r) => r.iter().collect(),
            None => (0..self.entries.len() as u32).collect(),
        };
        let chunk = visit.len().div_ceil(rayon::current_num_threads()).max(1024);
        let parts: Vec<Vec<Hit>> = visit
            .par_chunks(chunk)
            .map(|c| self.match_chunk(c, &plan, marks, cancelled))
            .collect::<Option<_>>()?;
        let mut hits: Vec<Hit> = parts.into_iter().flatten().collect();
        sort_hits(&mut hits);
        let names = plan
            .fuzzy
            .iter()
            .map(|t| NameCandidates {
                scope: t.scope,
                text: t.text.to_string(),
                list: t.names.clone(),
            })
            .collect();
        Some(Search {
            hits,
            names,
            query: None,
            index: self.id,
        })
    }

    fn hit_all(&self, i: u32) -> Hit {
        Hit {
            paper: self.entries[i as usize].paper,
            field: Field::Title,
            score: 0,
            entry: i,
        }
    }

    /// Matches the entries `visit`; returns the hits.
    fn match_chunk(
        &self,
        visit: &[u32],
        plan: &Plan,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let mut out = Vec::new();
        let mut in_text: Vec<&[u64]> = Vec::with_capacity(plan.fuzzy.len());
        'entries: for (n, &i) in visit.iter().enumerate() {
            if n % 1024 == 0 && cancelled() {
                return None;
            }
            let e = &self.entries[i as usize];
            for (negated, c) in &plan.cheap {
                if c.holds(e, marks) == *negated {
                    continue 'entries;
                }
            }
            // The weakest field among the ranking terms, and the sum of the scores.
            let mut field: Option<Field> = None;
            let mut score = 0i64;
            for x in &plan.exact {
                let found = x.find(i, e);
                if found.is_some() == x.negated {
                    continue 'entries;
                }
                if let (Some(f), true) = (found, x.ranks) {
                    field = Some(field.map_or(f, |g| g.min(f)));
                }
            }
            in_text.clear();
            for t in &plan.fuzzy {
                let Some((f, s)) = t.find(self, i, e) else {
                    continue 'entries;
                };
                score += s;
                if t.ranks {
                    field = Some(field.map_or(f, |g| g.min(f)));
                }
                if !t.terms.is_empty() && t.text_hits.contains(i) {
                    in_text.push(&t.terms);
                }
            }
            let field = field.unwrap_or(Field::Title);
            if field == Field::Takeaways {
                let span = if in_text.len() > 1 {
                    self.text.span(i, &in_text)
                } else {
                    0
                };
                score = text_score(in_text.len(), span);
            }
            out.push(Hit {
                paper: e.paper,
                // No term ranks (only `year:`, `has:`, exclusions…): every hit alike.
                field,
                score,
                entry: i,
            });
        }
        Some(out)
    }
}

/// Field, then score, then document order (entries are in document order).
pub(super) fn sort_hits(hits: &mut [Hit]) {
    hits.par_sort_unstable_by(|a, b| {
        b.field
            .cmp(&a.field)
            .then(b.score.cmp(&a.score))
            .then(a.entry.cmp(&b.entry))
    });
}

/// The hits of `query` matched in one piece (no threads), sorted: what a parallel search must equal.
#[cfg(test)]
pub(super) fn one_chunk(index: &Index, query: &Query) -> Vec<Hit> {
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let plan = Plan::new(index, query, None, &|| false).unwrap();
    let mut h = index
        .match_chunk(&all, &plan, &super::NoMarks, &|| false)
        .unwrap();
    sort_hits(&mut h);
    h
}

/// Does a term of `scope` look in `field`?
fn looks_in(scope: Scope, field: Field) -> bool {
    match scope {
        Scope::Any => true,
        Scope::Place => field == Field::Context,
        s => scope_field(s) == field,
    }
}

/// See [`Index::query_positions`].
pub(super) fn positions(index: &Index, text: &str, query: &Query, field: Field) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for t in query.terms.iter().filter(|t| !t.negated) {
        match &t.clause {
            Clause::Fuzzy { scope, text: q } if looks_in(*scope, field) => {
                if field == Field::Takeaways {
                    let words: Vec<(String, bool)> = query_words(q)
                        .into_iter()
                        .map(|w| {
                            let typo = index.text.typo(&w);
                            (w, typo)
                        })
                        .collect();
                    out.extend(super::text::word_ranges(text, &words).into_iter().flatten());
                } else if let Some((_, p)) = index.highlighter.fuzzy_indices(text, q) {
                    out.extend(p);
                }
            }
            Clause::Exact { scope, text: q } if looks_in(*scope, field) => {
                out.extend(Needle::new(q).positions(text));
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// See [`Index::find_pages`].
pub(super) fn pages(index: &Index, query: &Query) -> Vec<PageHit> {
    let mut words: Vec<(bool, bool, &str)> = Vec::new();
    for t in &query.terms {
        match &t.clause {
            Clause::Fuzzy {
                scope: Scope::Any | Scope::Title,
                text,
            } => words.push((t.negated, false, text)),
            Clause::Exact {
                scope: Scope::Any | Scope::Title,
                text,
            } => words.push((t.negated, true, text)),
            // Excluding what a page has not got leaves it in.
            Clause::Fuzzy { .. } | Clause::Exact { .. } if t.negated => {}
            _ => return Vec::new(),
        }
    }
    let needles: Vec<Option<Needle>> = words
        .iter()
        .map(|(negated, exact, text)| (*negated || *exact).then(|| Needle::new(text)))
        .collect();
    let mut hits: Vec<PageHit> = index
        .pages
        .iter()
        .filter_map(|(doc, title)| {
            let mut score = 0;
            let mut positions = Vec::new();
            for ((negated, _, text), needle) in words.iter().zip(&needles) {
                match (needle, negated) {
                    (Some(n), true) => {
                        if n.is_in(title) {
                            return None;
                        }
                    }
                    (Some(n), false) => {
                        let p = n.positions(title);
                        if p.is_empty() {
                            return None;
                        }
                        positions.extend(p);
                    }
                    (None, _) => {
                        let (s, p) = index.highlighter.fuzzy_indices(title, text)?;
                        score += s;
                        positions.extend(p);
                    }
                }
            }
            positions.sort_unstable();
            positions.dedup();
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
