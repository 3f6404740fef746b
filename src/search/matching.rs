//! How a parsed query is matched against the index, keeping a keystroke within a frame:
//!
//! 1. each fuzzy word's *text* hits come from the word index ([`super::text`]): no text is scanned;
//! 2. each fuzzy word's *name* candidates (title, breadcrumb, affiliations) are the names its characters
//!    occur in, in order ([`super::names`]), each with where they occur: when the word grew by a key,
//!    only the previous key's candidates are looked at, each from where the word ended in it; a word
//!    that did not change keeps what it found ([`super::fuzzy::WordState`]);
//! 3. only the papers in every word's candidates or text hits are visited: the cheap conditions
//!    (`year:`, `has:`, `is:`), what is matched as written, then each word's field; skim scores a
//!    name only for a hit that ranks by names (a hit in the takeaways ranks by its words there).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use roaring::RoaringBitmap;

use super::fold::fold;
use super::fuzzy::{Among, FuzzyTerm, Scoring};
use super::marks::Marks;
use super::names::{NameHit, Scratch};
use super::needle::Needle;
use super::query::{Clause, MarkKind, Query, Scope};
use super::text::query_words;
use super::{paper_takeaways, Entry, Field, Hit, Index, NameCandidates, PageHit, Search};

/// The field a scoped term ranks by.
fn scope_field(scope: Scope) -> Field {
    match scope {
        Scope::Any | Scope::Title => Field::Title,
        Scope::Place => Field::Context,
        Scope::Affiliations => Field::Affiliations,
        Scope::Takeaways => Field::Takeaways,
    }
}

/// Text matched as written: a phrase, a `'word`, `in:`, or an exclusion.
struct ExactTerm {
    scope: Scope,
    negated: bool,
    needle: Needle,
    /// Per breadcrumb: does it occur there (for the scopes that look there).
    contexts: Vec<bool>,
    /// Which entries' takeaways may contain it, from the word index.
    text: InText,
    ranks: bool,
}

/// What the word index says of where a text matched as written occurs in the takeaways.
enum InText {
    /// Exactly these entries (one lowercase word: it occurs where a word contains it).
    Exactly(RoaringBitmap),
    /// Only among these (each of its words lies in one of the text's words): the takeaways of these
    /// are read to check it as written.
    Among(RoaringBitmap),
    /// It has no letters or digits: every entry's takeaways are read. (Also what a term whose scope
    /// does not look in the takeaways holds: it is never asked.)
    Anywhere,
}

impl InText {
    fn new(index: &Index, text: &str) -> InText {
        let one_word = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
        if one_word {
            return InText::Exactly(index.text.containing(text));
        }
        // Each run of letters and digits of it lies inside one word of the text where it occurs.
        query_words(text)
            .iter()
            .map(|w| index.text.containing(w))
            .reduce(|a, b| a & b)
            .map_or(InText::Anywhere, InText::Among)
    }
}

enum Cheap {
    Year { from: u16, to: u16 },
    Has(u16),
    Is(MarkKind),
}

/// How much of the order a search works out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rank {
    /// Every hit scored and sorted, best first.
    All,
    /// The hits in library order and the best of them: a bound stands in for a name's score, and only
    /// the names that could still be the best are scored.
    Best,
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
            let text = if looks_in_text(scope) {
                InText::new(index, text)
            } else {
                InText::Anywhere
            };
            ExactTerm {
                scope,
                negated,
                needle,
                contexts,
                text,
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
                    let before = &plan.fuzzy;
                    let entries = || {
                        let all = 0..index.entries.len() as u32;
                        (before.iter().map(|t| t.reach(all.clone())))
                            .reduce(|a, b| intersect(&a, &b))
                            .unwrap_or_default()
                    };
                    let among = Among {
                        words: before.iter().map(|t| (t.scope, t.text)).collect(),
                        entries: &entries,
                    };
                    let term = FuzzyTerm::new(index, *scope, text, previous, ranks(*scope), &among);
                    plan.fuzzy.push(term);
                }
            }
        }
        Some(plan)
    }

    fn is_empty(&self) -> bool {
        self.cheap.is_empty() && self.exact.is_empty() && self.fuzzy.is_empty()
    }
}

pub(super) fn looks_in_contexts(scope: Scope) -> bool {
    matches!(scope, Scope::Any | Scope::Place)
}

pub(super) fn looks_in_text(scope: Scope) -> bool {
    matches!(scope, Scope::Any | Scope::Takeaways)
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
    /// The first field of its scope it occurs in (`buf`: room to read the takeaways in).
    fn find(&self, index: &Index, i: u32, e: &Entry, buf: &mut String) -> Option<Field> {
        let n = &self.needle;
        let at = i as usize;
        let ctx = || {
            self.contexts
                .get(e.context as usize)
                .copied()
                .unwrap_or(false)
        };
        let mut text = || {
            let read = match &self.text {
                InText::Exactly(hits) => return hits.contains(i),
                InText::Among(hits) => hits.contains(i),
                InText::Anywhere => true,
            };
            read && {
                buf.clear();
                paper_takeaways(&index.documents, &index.pages_at, e.paper, buf);
                n.is_in(buf)
            }
        };
        match self.scope {
            Scope::Any => {
                if n.is_in(index.titles.get(at)) {
                    Some(Field::Title)
                } else if ctx() {
                    Some(Field::Context)
                } else if n.is_in(index.affiliations.get(at)) {
                    Some(Field::Affiliations)
                } else if text() {
                    Some(Field::Takeaways)
                } else {
                    None
                }
            }
            Scope::Title => n.is_in(index.titles.get(at)).then_some(Field::Title),
            Scope::Affiliations => n
                .is_in(index.affiliations.get(at))
                .then_some(Field::Affiliations),
            Scope::Takeaways => text().then_some(Field::Takeaways),
            Scope::Place => (ctx() || n.is_in(index.venues.get(at))).then_some(Field::Context),
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
        rank: Rank,
    ) -> Option<Search> {
        let plan = Plan::new(self, query, previous, cancelled)?;
        if plan.is_empty() {
            let hits: Vec<Hit> = self.order.iter().map(|&i| self.hit_all(i)).collect();
            return Some(Search {
                best: hits.first().copied(),
                hits,
                ranked: true,
                names: Vec::new(),
                query: None,
                index: self.id,
            });
        }
        // Only what every fuzzy word may match is visited: worked out and matched part by part of the
        // entries, side by side.
        let parts = self.entries.len().div_ceil(VISIT_PART).max(1) as u32;
        let part = (self.entries.len() as u32).div_ceil(parts).max(1);
        let parts: Vec<Vec<Hit>> = (0..parts)
            .into_par_iter()
            .map(|k| {
                let range = k * part
                    ..(k * part)
                        .saturating_add(part)
                        .min(self.entries.len() as u32);
                let visit = self.visit(&plan, range);
                self.match_chunk(&visit, &plan, marks, cancelled, rank)
            })
            .collect::<Option<_>>()?;
        let mut hits: Vec<Hit> = parts.concat();
        let best = match rank {
            Rank::All => {
                sort_hits(&mut hits, &self.entries, &self.order);
                hits.first().copied()
            }
            Rank::Best => {
                let best = self.best(&hits, &plan);
                // Library order (entries a reload appended are numbered after it); the bounds go.
                if self.order.len() < self.entries.len() {
                    hits.par_sort_unstable_by_key(|h| self.entries[h.entry as usize].rank);
                }
                hits.par_iter_mut().for_each(|h| h.score = 0);
                best
            }
        };
        let names = plan
            .fuzzy
            .iter()
            .map(|t| NameCandidates {
                scope: t.scope,
                text: t.text.to_string(),
                found: t.found.clone(),
            })
            .collect();
        Some(Search {
            hits,
            best,
            ranked: rank == Rank::All,
            names,
            query: None,
            index: self.id,
        })
    }

    /// The best of `hits`, scored with quick bounds ([`Scoring::Quick`]; see [`Rank::Best`]): in the
    /// best field among them, the highest score, the first in library order among equals.
    ///
    /// A quick bound is skim's own score for a name that starts with the word's run, and any other
    /// name's is a gap less than a run: so the first few hits at the highest quick bound are scored
    /// first, and where one reaches it (the best name starts with the word), nothing else is read.
    /// Otherwise every hit in the field is looked at, part by part side by side, against the best score
    /// found so far by any part: a hit whose quick bound, then whose bound from its window, then from
    /// skim's run ([`Scoring`]) cannot beat it (or tie ahead of it) is not scored.
    fn best(&self, hits: &[Hit], plan: &Plan) -> Option<Hit> {
        // The best field, and the highest quick bound in it.
        let (field, top) = hits.par_iter().map(|h| (h.field, h.score)).max()?;
        let mut best: Option<(Hit, u32)> = None;
        let mut scratch = Scratch::default();
        let mut consider = |h: &Hit, best: &mut Option<(Hit, u32)>| {
            let score = self.exact_score(h, plan, &mut scratch);
            let r = self.rank_of(h);
            if best.is_none_or(|(b, br)| score > b.score || (score == b.score && r < br)) {
                *best = Some((Hit { score, ..*h }, r));
            }
        };
        if self.order.len() == self.entries.len() {
            let at_top = hits.iter().filter(|h| h.field == field && h.score == top);
            for h in at_top.take(QUICK_TRIES) {
                consider(h, &mut best);
                if best.is_some_and(|(b, _)| b.score == top) {
                    return best.map(|(h, _)| h);
                }
            }
        }
        // The best so far, as one number that only grows: score, then the earlier rank.
        let floor = AtomicU64::new(best.map_or(0, |(b, br)| best_key(b.score, br)));
        let in_order = self.order.len() == self.entries.len();
        let parts: Vec<Option<(Hit, u32)>> = hits
            .par_chunks(VISIT_PART)
            .map(|part| {
                let mut scratch = Scratch::default();
                let mut best: Option<(Hit, u32)> = None;
                let mut spots: Vec<(Option<Field>, Option<&NameHit>, i64)> = Vec::new();
                let first = part.first().map_or(0, |h| h.entry);
                // Per word: where in its name candidates the part's entries are (both sorted when the
                // index is in library order; else each is looked up).
                let mut cursors: Vec<usize> = plan
                    .fuzzy
                    .iter()
                    .map(|t| t.found.names.partition_point(|h| h.entry < first))
                    .collect();
                for h in part.iter().filter(|h| h.field == field) {
                    let i = h.entry;
                    let e = &self.entries[i as usize];
                    let can_win = |bound: i64| best_key(bound, e.rank) > floor.load(Relaxed);
                    if !can_win(h.score) {
                        continue;
                    }
                    if field != Field::Takeaways {
                        // Each word's field, name candidate and quick bound here.
                        spots.clear();
                        for (t, cursor) in plan.fuzzy.iter().zip(cursors.iter_mut()) {
                            let names = &t.found.names;
                            let name = if in_order {
                                while names.get(*cursor).is_some_and(|n| n.entry < i) {
                                    *cursor += 1;
                                }
                                names.get(*cursor).filter(|n| n.entry == i)
                            } else {
                                names
                                    .binary_search_by_key(&i, |n| n.entry)
                                    .ok()
                                    .and_then(|k| names.get(k))
                            };
                            let f = t.field(self, i, e, name);
                            let quick = f.map_or(0, |f| {
                                t.score(self, i, name, f, Scoring::Quick, &mut scratch)
                            });
                            spots.push((f, name, quick));
                        }
                        if !self.may_win(plan, i, &spots, &floor, e.rank, &mut scratch) {
                            continue;
                        }
                    }
                    let score = self.exact_score(h, plan, &mut scratch);
                    if best
                        .is_none_or(|(b, br)| score > b.score || (score == b.score && e.rank < br))
                    {
                        best = Some((Hit { score, ..*h }, e.rank));
                        floor.fetch_max(best_key(score, e.rank), Relaxed);
                    }
                }
                best
            })
            .collect();
        parts
            .into_iter()
            .chain([best])
            .flatten()
            .max_by_key(|&(b, br)| best_key(b.score, br))
            .map(|(h, _)| h)
    }

    /// Can entry `i` (with `rank`) still beat (or tie ahead of) the best so far (`floor`, a
    /// [`best_key`])? Its words' `spots` (field, name candidate, quick bound) are tightened in turn:
    /// first each word's bound from its window, told what it must reach given the others' bounds, then
    /// the bounds from skim's run.
    fn may_win(
        &self,
        plan: &Plan,
        i: u32,
        spots: &[(Option<Field>, Option<&NameHit>, i64)],
        floor: &AtomicU64,
        rank: u32,
        scratch: &mut Scratch,
    ) -> bool {
        let can_win = |bound: i64| best_key(bound, rank) > floor.load(Relaxed);
        if spots.iter().any(|&(_, _, q)| q == i64::MAX) {
            return true;
        }
        let least = key_score(floor.load(Relaxed));
        let mut total: i64 = spots.iter().map(|&(_, _, q)| q).sum();
        for (t, &(f, name, quick)) in plan.fuzzy.iter().zip(spots) {
            let Some(f) = f else { continue };
            let others = total - quick;
            let need = least.saturating_sub(others);
            let window = t.score(self, i, name, f, Scoring::Window { need }, scratch);
            total = others.saturating_add(window);
            if !can_win(total) {
                return false;
            }
        }
        let run = plan
            .fuzzy
            .iter()
            .zip(spots)
            .map(|(t, &(f, name, _))| {
                f.map_or(0, |f| t.score(self, i, name, f, Scoring::Run, scratch))
            })
            .fold(0i64, i64::saturating_add);
        can_win(run)
    }

    /// The place in library order of a hit's paper.
    fn rank_of(&self, h: &Hit) -> u32 {
        self.entries
            .get(h.entry as usize)
            .map_or(u32::MAX, |e| e.rank)
    }

    /// A takeaway hit's score in entry `i`: how many of the query's words its takeaways have, then
    /// (with `closeness`; else as if adjacent, a bound) how close together they are. `words`: room for
    /// their word sets.
    fn takeaway_score<'p>(
        &self,
        i: u32,
        plan: &'p Plan,
        closeness: bool,
        words: &mut Vec<&'p [u64]>,
    ) -> i64 {
        words.clear();
        words.extend(
            plan.fuzzy
                .iter()
                .filter(|t| !t.found.terms.is_empty() && t.found.text_hits.contains(i))
                .map(|t| t.found.terms.as_slice()),
        );
        let span = if closeness && words.len() > 1 {
            self.text.span(i, words)
        } else {
            0
        };
        text_score(words.len(), span)
    }

    /// The score [`Rank::All`] gives a hit.
    fn exact_score(&self, h: &Hit, plan: &Plan, scratch: &mut Scratch) -> i64 {
        let i = h.entry;
        let e = &self.entries[i as usize];
        fn name<'t>(t: &'t FuzzyTerm, i: u32) -> Option<&'t NameHit> {
            let names = &t.found.names;
            names
                .binary_search_by_key(&i, |n| n.entry)
                .ok()
                .and_then(|k| names.get(k))
        }
        if h.field == Field::Takeaways {
            return self.takeaway_score(i, plan, true, &mut Vec::new());
        }
        plan.fuzzy
            .iter()
            .map(|t| {
                let n = name(t, i);
                t.field(self, i, e, n)
                    .map_or(0, |f| t.score(self, i, n, f, Scoring::Exact, scratch))
            })
            .sum()
    }

    fn hit_all(&self, i: u32) -> Hit {
        Hit {
            paper: self.entries[i as usize].paper,
            field: Field::Title,
            score: 0,
            entry: i,
        }
    }

    /// The entries in `range` that every fuzzy word may match (each live one when there is none).
    fn visit(&self, plan: &Plan, range: std::ops::Range<u32>) -> Vec<u32> {
        let mut reach: Option<Vec<u32>> = None;
        for t in &plan.fuzzy {
            let r = t.reach(range.clone());
            reach = Some(match reach {
                Some(prev) => intersect(&prev, &r),
                None => r,
            });
        }
        reach.unwrap_or_else(|| range.filter(|&i| !self.is_dead(i)).collect())
    }

    /// Does entry `j` have a part the plan excludes?
    fn excluded(&self, j: u32, plan: &Plan, marks: &dyn Marks, buf: &mut String) -> bool {
        let Some(e) = self.entries.get(j as usize) else {
            return false;
        };
        (plan.cheap.iter()).any(|(negated, c)| *negated && c.holds(e, marks))
            || (plan.exact.iter()).any(|x| x.negated && x.find(self, j, e, buf).is_some())
    }

    /// Matches the entries `visit`; returns the hits.
    fn match_chunk(
        &self,
        visit: &[u32],
        plan: &Plan,
        marks: &dyn Marks,
        cancelled: &(dyn Fn() -> bool + Sync),
        rank: Rank,
    ) -> Option<Vec<Hit>> {
        let mut out = Vec::with_capacity(visit.len());
        let mut in_text: Vec<&[u64]> = Vec::with_capacity(plan.fuzzy.len());
        let mut scratch = Scratch::default();
        let mut buf = String::new();
        // Per fuzzy word: where in its name candidates this chunk's entries are (both sorted).
        let first = visit.first().copied().unwrap_or(0);
        let mut cursors: Vec<usize> = plan
            .fuzzy
            .iter()
            .map(|t| t.found.names.partition_point(|h| h.entry < first))
            .collect();
        let mut fields: Vec<(Field, Option<&NameHit>)> = Vec::with_capacity(plan.fuzzy.len());
        let scoring = match rank {
            Rank::All => Scoring::Exact,
            Rank::Best => Scoring::Quick,
        };
        let excludes = !self.next_place.is_empty()
            && (plan.cheap.iter().any(|&(negated, _)| negated)
                || plan.exact.iter().any(|x| x.negated));
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
            // The weakest field among the ranking terms.
            let mut field: Option<Field> = None;
            for x in &plan.exact {
                let found = x.find(self, i, e, &mut buf);
                if found.is_some() == x.negated {
                    continue 'entries;
                }
                if let (Some(f), true) = (found, x.ranks) {
                    field = Some(field.map_or(f, |g| g.min(f)));
                }
            }
            fields.clear();
            for (t, cursor) in plan.fuzzy.iter().zip(cursors.iter_mut()) {
                let names = &t.found.names;
                while names.get(*cursor).is_some_and(|h| h.entry < i) {
                    *cursor += 1;
                }
                let name = names.get(*cursor).filter(|h| h.entry == i);
                let Some(f) = t.field(self, i, e, name) else {
                    continue 'entries;
                };
                if t.ranks {
                    field = Some(field.map_or(f, |g| g.min(f)));
                }
                fields.push((f, name));
            }
            // An excluded part that another place of the same work has excludes this one too.
            if excludes
                && self
                    .other_places(i)
                    .any(|j| self.excluded(j, plan, marks, &mut buf))
            {
                continue 'entries;
            }
            let field = field.unwrap_or(Field::Title);
            // A takeaway hit ranks by the query's words there; any other by the words' scores.
            let score = if field == Field::Takeaways {
                self.takeaway_score(i, plan, rank == Rank::All, &mut in_text)
            } else {
                plan.fuzzy
                    .iter()
                    .zip(&fields)
                    .map(|(t, &(f, name))| t.score(self, i, name, f, scoring, &mut scratch))
                    .fold(0i64, i64::saturating_add)
            };
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

/// How many of the hits with the highest quick bound are scored, looking for one that reaches it, before
/// every hit is looked at.
const QUICK_TRIES: usize = 32;

/// A score and a rank as one number above 0, the higher the better: the score first, then the earlier
/// rank. Scores are clamped to what 32 bits hold (names score a few hundred; a bound may be `i64::MAX`).
fn best_key(score: i64, rank: u32) -> u64 {
    let score = score.clamp(i64::from(i32::MIN) + 1, i64::from(i32::MAX)) - i64::from(i32::MIN);
    (score as u64) << 32 | u64::from(u32::MAX - rank)
}

/// The score of a [`best_key`].
fn key_score(key: u64) -> i64 {
    (key >> 32) as i64 + i64::from(i32::MIN)
}

/// How many entries a part of a search looks at (the parts are matched side by side).
const VISIT_PART: usize = 4096;

/// The entries in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let mut b = b.iter().peekable();
    for &x in a {
        while b.next_if(|&&y| y < x).is_some() {}
        if b.next_if_eq(&&x).is_some() {
            out.push(x);
        }
    }
    out
}

/// Field, then score, then library order.
pub(super) fn sort_hits(hits: &mut [Hit], entries: &[Entry], order: &[u32]) {
    // Scores as they come (names: a few hundred at most; the takeaways: a million per word found)
    // fit 30 bits: then field, score and entry are one number, and numbers sort fast.
    const BIAS: i64 = 1 << 29;
    if hits.iter().all(|h| (-BIAS..BIAS).contains(&h.score)) {
        let key = |h: &Hit| {
            let field = 3 - h.field as u64;
            let score = (BIAS - 1 - h.score) as u64;
            let rank = entries.get(h.entry as usize).map_or(u32::MAX, |e| e.rank);
            field << 62 | score << 32 | u64::from(rank)
        };
        let mut keys: Vec<u64> = hits.par_iter().map(key).collect();
        keys.par_sort_unstable();
        let field = |k: u64| match 3 - (k >> 62) {
            3 => Field::Title,
            2 => Field::Context,
            1 => Field::Affiliations,
            _ => Field::Takeaways,
        };
        hits.par_iter_mut().zip(keys).for_each(|(h, k)| {
            let entry = order.get(k as u32 as usize).copied().unwrap_or(u32::MAX);
            *h = Hit {
                paper: entries[entry as usize].paper,
                field: field(k),
                score: BIAS - 1 - ((k >> 32) & ((1 << 30) - 1)) as i64,
                entry,
            };
        });
        return;
    }
    let rank = |h: &Hit| entries.get(h.entry as usize).map_or(u32::MAX, |e| e.rank);
    hits.par_sort_unstable_by(|a, b| {
        b.field
            .cmp(&a.field)
            .then(b.score.cmp(&a.score))
            .then_with(|| rank(a).cmp(&rank(b)))
    });
}

/// The hits of `query` matched in one piece (no threads), sorted: what a parallel search must equal.
#[cfg(test)]
pub(super) fn one_chunk(index: &Index, query: &Query) -> Vec<Hit> {
    let all: Vec<u32> = (0..index.entries.len() as u32)
        .filter(|&i| !index.is_dead(i))
        .collect();
    let plan = Plan::new(index, query, None, &|| false).unwrap();
    let mut h = index
        .match_chunk(&all, &plan, &super::NoMarks, &|| false, Rank::All)
        .unwrap();
    sort_hits(&mut h, &index.entries, &index.order);
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
                } else if let Some((_, p)) = index.highlighter.fuzzy_indices(&fold(text), q) {
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
    /// How a part of the query looks at a page.
    enum Look<'q> {
        /// A word: fuzzily in the title, by words in the text (the pages it matches there).
        Fuzzy {
            title: bool,
            text: Option<RoaringBitmap>,
            word: &'q str,
        },
        /// As written, in the title and (or) the text; excluded when `negated`.
        Exact {
            title: bool,
            text: bool,
            needle: Needle,
            negated: bool,
        },
    }
    let sees = |scope: Scope| -> Option<(bool, bool)> {
        match scope {
            Scope::Any => Some((true, true)),
            Scope::Title => Some((true, false)),
            Scope::Takeaways => Some((false, true)),
            _ => None,
        }
    };
    let mut looks: Vec<Look> = Vec::new();
    for t in &query.terms {
        let (scope, text, exact) = match &t.clause {
            Clause::Fuzzy { scope, text } => (*scope, text, t.negated),
            Clause::Exact { scope, text } => (*scope, text, true),
            _ => return Vec::new(),
        };
        match (sees(scope), t.negated) {
            (Some((title, in_text)), _) if exact => looks.push(Look::Exact {
                title,
                text: in_text,
                needle: Needle::new(text),
                negated: t.negated,
            }),
            (Some((title, in_text)), _) => looks.push(Look::Fuzzy {
                title,
                text: in_text.then(|| {
                    let words = index
                        .page_text
                        .get_or_init(|| super::build::page_words(&index.documents, &index.pages));
                    words.query_word(text).0
                }),
                word: text,
            }),
            // Excluding what a page has not got (affiliations, a place) leaves it in.
            (None, true) => {}
            (None, false) => return Vec::new(),
        }
    }
    let mut hits: Vec<PageHit> = (index.pages.iter().enumerate())
        .filter_map(|(i, (doc, title))| {
            let mut score = 0;
            let mut in_text = false;
            let mut positions = Vec::new();
            // The page's text, flattened once and only when a part asks for it as written.
            let mut body: Option<String> = None;
            let mut in_body = |needle: &Needle| {
                let text = body.get_or_insert_with(|| {
                    let mut b = String::new();
                    if let Some(d) = index.documents.get(*doc) {
                        super::page_text(&d.body, &mut b);
                    }
                    b
                });
                needle.is_in(text)
            };
            for look in &looks {
                match look {
                    Look::Fuzzy {
                        title: t,
                        text,
                        word,
                    } => {
                        let titled = t.then(|| index.highlighter.fuzzy_indices(&fold(title), word));
                        if let Some(Some((s, p))) = titled {
                            score += s;
                            positions.extend(p);
                        } else if text.as_ref().is_some_and(|h| h.contains(i as u32)) {
                            in_text = true;
                        } else {
                            return None;
                        }
                    }
                    Look::Exact {
                        title: t,
                        text,
                        needle,
                        negated,
                    } => {
                        let at = if *t {
                            needle.positions(title)
                        } else {
                            Vec::new()
                        };
                        let found = at.is_empty() && *text && in_body(needle);
                        match (negated, at.is_empty()) {
                            (true, false) => return None,
                            (true, true) if found => return None,
                            (true, true) => {}
                            (false, false) => positions.extend(at),
                            (false, true) if found => in_text = true,
                            (false, true) => return None,
                        }
                    }
                }
            }
            positions.sort_unstable();
            positions.dedup();
            Some(PageHit {
                doc: *doc,
                // A page found in its text ranks below every title hit (the weakest part decides).
                score: if in_text { 0 } else { score },
                positions,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits
}
