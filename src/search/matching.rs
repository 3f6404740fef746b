//! How a parsed query is matched against the index, keeping a keystroke fast:
//!
//! 1. the cheap conditions first, per paper: `year:`, `has:`, `is:`, then what is matched as written
//!    (`in:`, phrases, `'words`, exclusions), with each breadcrumb tested once for all its papers;
//! 2. the fuzzy words only on what passed, with skim, each breadcrumb scored once per word.
//!
//! A paper that passes the conditions and in whose fields every fuzzy word occurs as a subsequence is a
//! *candidate*: a later query that [refines](super::Query::refines) this one can only match among them.

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::marks::Marks;
use super::needle::Needle;
use super::query::{case_sensitive, Clause, MarkKind, Query, Scope};
use super::{may_contain, Entry, Field, Hit, Index, PageHit, Search};

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
    /// In the takeaways, a match must be compact: skim's score falls with every gap, and long text
    /// matches almost any short word when its letters may be scattered.
    takeaway_min: i64,
    /// Per breadcrumb (`Index::contexts`): its score, for a word that looks there.
    contexts: Vec<Option<i64>>,
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
    ranks: bool,
}

enum Cheap {
    Year { from: u16, to: u16 },
    Has(u16),
    Is(MarkKind),
}

/// What a fuzzy word found in one paper.
enum Found {
    /// It matched, in this field, with this score.
    Hit(Field, i64),
    /// It did not match, but a longer word still could.
    Possible,
    /// It does not occur in any of its fields, nor would any longer word.
    Impossible,
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
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Plan<'q>> {
        // Words without a field rank a hit by where they matched; when there are none, the fields of
        // the scoped words do (the same for every hit).
        let any_ranks = query.terms.iter().any(|t| {
            !t.negated
                && matches!(
                    t.clause,
                    Clause::Fuzzy {
                        scope: Scope::Any,
                        ..
                    } | Clause::Exact {
                        scope: Scope::Any,
                        ..
                    }
                )
        });
        let ranks = |scope: Scope| scope == Scope::Any || !any_ranks;
        let looks_in_contexts = |scope: Scope| matches!(scope, Scope::Any | Scope::Place);
        let exact = |scope: Scope, text: &str, negated: bool| {
            let needle = Needle::new(text);
            let contexts = if looks_in_contexts(scope) {
                index.contexts.iter().map(|c| needle.is_in(c)).collect()
            } else {
                Vec::new()
            };
            ExactTerm {
                scope,
                negated,
                needle,
                contexts,
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
                    let contexts = if looks_in_contexts(*scope) {
                        index
                            .contexts
                            .iter()
                            .map(|c| index.matcher.fuzzy_match(c, text))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    plan.fuzzy.push(FuzzyTerm {
                        scope: *scope,
                        text,
                        sensitive: case_sensitive(text),
                        takeaway_min: text.chars().count() as i64 * 14,
                        contexts,
                        ranks: ranks(*scope),
                    });
                }
            }
        }
        Some(plan)
    }

    fn is_empty(&self) -> bool {
        self.cheap.is_empty() && self.exact.is_empty() && self.fuzzy.is_empty()
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
        }
    }
}

impl ExactTerm {
    /// The first field of its scope it occurs in.
    fn find(&self, e: &Entry) -> Option<Field> {
        let n = &self.needle;
        let ctx = || {
            self.contexts
                .get(e.context as usize)
                .copied()
                .unwrap_or(false)
        };
        match self.scope {
            Scope::Any => {
                if n.is_in(&e.title) {
                    Some(Field::Title)
                } else if ctx() {
                    Some(Field::Context)
                } else if n.is_in(&e.affiliations) {
                    Some(Field::Affiliations)
                } else if n.is_in(&e.takeaways) {
                    Some(Field::Takeaways)
                } else {
                    None
                }
            }
            Scope::Title => n.is_in(&e.title).then_some(Field::Title),
            Scope::Affiliations => n.is_in(&e.affiliations).then_some(Field::Affiliations),
            Scope::Takeaways => n.is_in(&e.takeaways).then_some(Field::Takeaways),
            Scope::Place => (ctx() || n.is_in(&e.venue)).then_some(Field::Context),
        }
    }
}

impl FuzzyTerm<'_> {
    fn find(&self, index: &Index, e: &Entry) -> Found {
        let m = &index.matcher;
        let takeaways = || {
            if may_contain(&e.takeaways, self.text, self.sensitive) {
                match m
                    .fuzzy_match(&e.takeaways, self.text)
                    .filter(|&s| s >= self.takeaway_min)
                {
                    Some(s) => Found::Hit(Field::Takeaways, s),
                    None => Found::Possible,
                }
            } else {
                Found::Impossible
            }
        };
        let hit = |field, score: Option<i64>| match score {
            Some(s) => Found::Hit(field, s),
            None => Found::Impossible,
        };
        match self.scope {
            Scope::Any => {
                if let Some(s) = m.fuzzy_match(&e.title, self.text) {
                    Found::Hit(Field::Title, s)
                } else if let Some(s) = self.contexts.get(e.context as usize).copied().flatten() {
                    Found::Hit(Field::Context, s)
                } else if let Some(s) = m.fuzzy_match(&e.affiliations, self.text) {
                    Found::Hit(Field::Affiliations, s)
                } else {
                    takeaways()
                }
            }
            Scope::Title => hit(Field::Title, m.fuzzy_match(&e.title, self.text)),
            Scope::Affiliations => hit(
                Field::Affiliations,
                m.fuzzy_match(&e.affiliations, self.text),
            ),
            Scope::Takeaways => takeaways(),
            Scope::Place => hit(
                Field::Context,
                self.contexts
                    .get(e.context as usize)
                    .copied()
                    .flatten()
                    .or_else(|| m.fuzzy_match(&e.venue, self.text)),
            ),
        }
    }
}

impl Index {
    pub(super) fn search_entries(
        &self,
        query: &Query,
        candidates: &[u32],
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Search> {
        let plan = Plan::new(self, query, cancelled)?;
        if plan.is_empty() {
            return Some(Search {
                hits: candidates.iter().map(|&i| self.hit_all(i)).collect(),
                candidates: candidates.to_vec(),
                query: None,
            });
        }
        // Chunks big enough to be worth a thread; collected in order, so candidates stay in document
        // order. One cancelled chunk gives up the whole search.
        let chunk = candidates
            .len()
            .div_ceil(rayon::current_num_threads())
            .max(2048);
        let parts: Vec<(Vec<Hit>, Vec<u32>)> = candidates
            .par_chunks(chunk)
            .map(|c| self.match_chunk(c, &plan, marks, cancelled))
            .collect::<Option<_>>()?;
        let mut hits = Vec::new();
        let mut candidates = Vec::new();
        for (mut h, mut c) in parts {
            hits.append(&mut h);
            candidates.append(&mut c);
        }
        sort_hits(&mut hits);
        Some(Search {
            hits,
            candidates,
            query: None,
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

    /// Matches `candidates`; returns the hits and the entries a refining query could still match.
    fn match_chunk(
        &self,
        candidates: &[u32],
        plan: &Plan,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<Hit>, Vec<u32>)> {
        let mut out = Vec::new();
        let mut still = Vec::new();
        'entries: for (n, &i) in candidates.iter().enumerate() {
            if n % 512 == 0 && cancelled() {
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
                let found = x.find(e);
                if found.is_some() == x.negated {
                    continue 'entries;
                }
                if let (Some(f), true) = (found, x.ranks) {
                    field = Some(field.map_or(f, |g| g.min(f)));
                }
            }
            let mut hit = true;
            for t in &plan.fuzzy {
                match t.find(self, e) {
                    Found::Impossible => continue 'entries,
                    Found::Possible => hit = false,
                    Found::Hit(f, s) => {
                        score += s;
                        if t.ranks {
                            field = Some(field.map_or(f, |g| g.min(f)));
                        }
                    }
                }
            }
            still.push(i);
            if hit {
                out.push(Hit {
                    paper: e.paper,
                    // No term ranks (only `year:`, `has:`, exclusions…): every hit alike.
                    field: field.unwrap_or(Field::Title),
                    score,
                    entry: i,
                });
            }
        }
        Some((out, still))
    }
}

/// Field, then score, then document order (entries are in document order).
pub(super) fn sort_hits(hits: &mut [Hit]) {
    hits.sort_unstable_by(|a, b| {
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
    let plan = Plan::new(index, query, &|| false).unwrap();
    let (mut h, _) = index
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
                if let Some((_, p)) = index.matcher.fuzzy_indices(text, q) {
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
                        let (s, p) = index.matcher.fuzzy_indices(title, text)?;
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
