//! One fuzzy word of a query against the index: the names it may match, found key by key from what
//! the previous key's word found ([`WordState`]), its text hits from the word index, and its field and
//! score (or a bound on the score) in a hit.

use std::sync::{Arc, OnceLock};

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use roaring::RoaringBitmap;

use super::matching::{looks_in_contexts, looks_in_text};
use super::names::{self, NameHit, Scratch, Span, Word};
use super::query::Scope;
use super::strings::Strings;
use super::{letter_mask, may_contain, Entry, Field, Index, NameCandidates, Search};

/// How a word's score in a name is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scoring {
    /// skim's score.
    Exact,
    /// At least skim's score, reading the name up to the word's span ([`names::bound`]).
    Run,
    /// At least skim's score, reading the span's tightest window ([`names::window_bound`]); or, when
    /// that is below `need`, any number below it.
    Window { need: i64 },
    /// At least [`Scoring::Window`], reading at most the word's length of the name
    /// ([`names::quick_bound`]).
    Quick,
}

/// A fuzzy word, ready to match.
pub(super) struct FuzzyTerm<'q> {
    pub(super) scope: Scope,
    pub(super) text: &'q str,
    pub(super) word: Word,
    /// What it found (kept in the search for the next key to narrow from).
    pub(super) found: Arc<WordState>,
    /// Per breadcrumb: its score, worked out when a hit first needs it (the room for them made then
    /// too: most keys score no breadcrumb).
    pub(super) context_scores: OnceLock<Vec<OnceLock<Option<i64>>>>,
    /// Does the field it matched in rank the hit?
    pub(super) ranks: bool,
}

/// What one fuzzy word found in the index, for its search and the next key's.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct WordState {
    /// Entries whose names in scope may match, sorted, with where the word occurs in them.
    pub(super) names: Vec<NameHit>,
    /// Per breadcrumb (`Index::contexts`): where the word occurs in it (empty when its scope does not
    /// look there).
    pub(super) contexts: Vec<Span>,
    /// Entries whose takeaways have a matching word (empty when its scope does not look there).
    pub(super) text_hits: RoaringBitmap,
    /// The word numbers that match it, as a bit set (for closeness).
    pub(super) terms: Vec<u64>,
    /// The words before it in its query whose reach its name candidates were looked for in (see
    /// [`Among`]); empty when they were looked for among every entry. A later key narrows from them
    /// only while those words stand as they are.
    pub(super) among: Vec<(Scope, Box<str>)>,
}

/// The words before a fuzzy word in its query, and the entries all of them may match (worked out
/// only if asked): a word after the first needs no name candidates outside them, as a hit must match
/// every word.
pub(super) struct Among<'a> {
    pub(super) words: Vec<(Scope, &'a str)>,
    pub(super) entries: &'a dyn Fn() -> Vec<u32>,
}

impl Among<'_> {
    /// May a word found among `among` be narrowed from under these words?
    fn admits(&self, among: &[(Scope, Box<str>)]) -> bool {
        among.is_empty()
            || (among.len() == self.words.len()
                && among
                    .iter()
                    .zip(&self.words)
                    .all(|((s, t), (s2, t2))| s == s2 && **t == **t2))
    }
}

/// How a word's name candidates are found from an earlier key's.
pub(super) enum From<'a> {
    /// Among every entry.
    All,
    /// Among an earlier word's candidates (its letters in order in this word).
    Within(&'a NameCandidates),
    /// From an earlier word this one extends by `added`: each span grows.
    Extending(&'a NameCandidates, &'a [char], char),
}

impl<'q> FuzzyTerm<'q> {
    pub(super) fn new(
        index: &Index,
        scope: Scope,
        text: &'q str,
        previous: Option<&Search>,
        ranks: bool,
        among: &Among<'_>,
    ) -> FuzzyTerm<'q> {
        let word = Word::new(text);
        let base = narrowing_base(previous, scope, text, &word, among);
        let found = match base {
            // The same word as before (another word of the query changed): what it found stands.
            Some((base, Some(""))) => base.found.clone(),
            _ => {
                let added: Vec<char>;
                let from = match base {
                    None => From::All,
                    Some((base, None)) => From::Within(base),
                    Some((base, Some(suffix))) => {
                        added = suffix.chars().collect();
                        let last = base.text.chars().next_back().unwrap_or(' ');
                        From::Extending(base, &added, last)
                    }
                };
                Arc::new(WordState::new(index, scope, text, &word, from, among))
            }
        };
        FuzzyTerm {
            scope,
            text,
            word,
            context_scores: OnceLock::new(),
            found,
            ranks,
        }
    }

    /// The entries in `range` it may match, in order: its name candidates and its text hits.
    pub(super) fn reach(&self, range: std::ops::Range<u32>) -> Vec<u32> {
        let all = &self.found.names;
        let names = all
            .get(all.partition_point(|h| h.entry < range.start)..)
            .unwrap_or_default();
        let names = names
            .get(..names.partition_point(|h| h.entry < range.end))
            .unwrap_or_default();
        let mut out = Vec::with_capacity(names.len());
        let mut text = self.found.text_hits.range(range).peekable();
        for h in names {
            while let Some(t) = text.next_if(|&t| t < h.entry) {
                out.push(t);
            }
            text.next_if_eq(&h.entry);
            out.push(h.entry);
        }
        out.extend(text);
        out
    }

    /// Where it matched in entry `i` (whose name candidate is `name`, if it is one), if it did: the
    /// first of its scope's fields it occurs in.
    pub(super) fn field(
        &self,
        index: &Index,
        i: u32,
        e: &Entry,
        name: Option<&NameHit>,
    ) -> Option<Field> {
        let title = name.is_some_and(|h| h.title.is_some());
        let affiliations = name.is_some_and(|h| h.affiliations.is_some());
        let context = self
            .found
            .contexts
            .get(e.context as usize)
            .is_some_and(|s| s.is_some());
        let text = || self.found.text_hits.contains(i);
        match self.scope {
            Scope::Any if title => Some(Field::Title),
            Scope::Any if context => Some(Field::Context),
            Scope::Any if affiliations => Some(Field::Affiliations),
            Scope::Any | Scope::Takeaways => text().then_some(Field::Takeaways),
            Scope::Title => title.then_some(Field::Title),
            Scope::Affiliations => affiliations.then_some(Field::Affiliations),
            Scope::Place => {
                (context || self.venue_score(index, i).is_some()).then_some(Field::Context)
            }
        }
    }

    /// Its score where it matched (`field`, from [`FuzzyTerm::field`]), or a bound on it (see
    /// [`Scoring`]); the takeaways' score is the query's, not a word's (0 here).
    pub(super) fn score(
        &self,
        index: &Index,
        i: u32,
        name: Option<&NameHit>,
        field: Field,
        how: Scoring,
        scratch: &mut Scratch,
    ) -> i64 {
        let at = i as usize;
        let name_score = |column: &Strings, span: Span, scratch: &mut Scratch| match how {
            _ if how != Scoring::Exact && self.word.chars.len() == 1 => names::ONE_CHARACTER_BOUND,
            Scoring::Quick => names::quick_bound(column.bytes(at), span, &self.word),
            Scoring::Window { need } => {
                names::window_bound(column.bytes(at), span, &self.word, need)
            }
            Scoring::Run => names::bound(column.bytes(at), span, &self.word),
            Scoring::Exact => {
                names::score(&index.matcher, column.get(at), span, &self.word, scratch).unwrap_or(0)
            }
        };
        match field {
            Field::Title => name.map_or(0, |h| name_score(&index.titles, h.title, scratch)),
            Field::Affiliations => name.map_or(0, |h| {
                name_score(&index.affiliations, h.affiliations, scratch)
            }),
            Field::Context => {
                let c = index.entries[at].context as usize;
                let quick = (how == Scoring::Quick)
                    .then(|| self.context_quick_bound(index, c))
                    .flatten();
                quick
                    .or_else(|| self.context_score(index, c, scratch))
                    .or_else(|| self.venue_score(index, i))
                    .unwrap_or(0)
            }
            Field::Takeaways => 0,
        }
    }

    /// [`names::quick_bound`] in breadcrumb `c`, if the word occurs there.
    fn context_quick_bound(&self, index: &Index, c: usize) -> Option<i64> {
        let span = *self.found.contexts.get(c).filter(|s| s.is_some())?;
        let text = index.contexts.get(c)?;
        Some(names::quick_bound(text.text.as_bytes(), span, &self.word))
    }

    /// The score in breadcrumb `c`, worked out once per search.
    fn context_score(&self, index: &Index, c: usize, scratch: &mut Scratch) -> Option<i64> {
        let span = *self.found.contexts.get(c)?;
        let text = index.contexts.get(c)?;
        let scores = self.context_scores.get_or_init(|| {
            (0..self.found.contexts.len())
                .map(|_| OnceLock::new())
                .collect()
        });
        *scores
            .get(c)?
            .get_or_init(|| names::score(&index.matcher, &text.text, span, &self.word, scratch))
    }

    fn venue_score(&self, index: &Index, i: u32) -> Option<i64> {
        index
            .matcher
            .fuzzy_match(index.venues.get(i as usize), self.text)
    }
}

impl WordState {
    /// What `text` (in `scope`) finds: its name candidates from `from`, and its text hits.
    fn new(
        index: &Index,
        scope: Scope,
        text: &str,
        word: &Word,
        from: From,
        among: &Among<'_>,
    ) -> WordState {
        let mask = letter_mask(text);
        let contexts: Vec<Span> = if looks_in_contexts(scope) {
            match &from {
                From::Extending(base, added, last)
                    if base.found.contexts.len() == index.contexts.len() =>
                {
                    base.found
                        .contexts
                        .par_iter()
                        .zip(&index.contexts)
                        .map(|(s, c)| {
                            names::extend(c.text.as_bytes(), *s, *last, added, word.sensitive)
                        })
                        .collect()
                }
                _ => index
                    .contexts
                    .par_iter()
                    .map(|c| {
                        if c.mask & mask == mask {
                            names::locate(c.text.as_bytes(), word)
                        } else {
                            Span::NONE
                        }
                    })
                    .collect(),
            }
        } else {
            Vec::new()
        };
        let in_context = |e: &Entry| {
            contexts
                .get(e.context as usize)
                .is_some_and(|s| s.is_some())
        };
        let titles = matches!(scope, Scope::Any | Scope::Title);
        let affiliations = matches!(scope, Scope::Any | Scope::Affiliations);
        // Does an entry with these spans stay a candidate?
        let keep = |n: usize, e: &Entry, hit: &NameHit| {
            hit.title.is_some()
                || hit.affiliations.is_some()
                || (scope == Scope::Any && in_context(e))
                || (scope == Scope::Place
                    && (in_context(e) || may_contain(index.venues.get(n), text, word.sensitive)))
        };
        // Where the title matches, nothing looks at the affiliations (the title ranks the word): they
        // are looked in only once a longer word no longer matches the title.
        let defer = |title: Span| scope == Scope::Any && title.is_some();
        // A candidate from nothing: where the word occurs in its names.
        let fresh = |i: u32| -> Option<NameHit> {
            let n = i as usize;
            let e = &index.entries[n];
            let locate = |on: bool, s: &[u8], m: u64| {
                if on && m & mask == mask {
                    names::locate(s, word)
                } else {
                    Span::NONE
                }
            };
            let title = locate(titles, index.titles.bytes(n), e.title_mask);
            let hit = NameHit {
                entry: i,
                title,
                affiliations: if defer(title) {
                    Span::DEFERRED
                } else {
                    locate(affiliations, index.affiliations.bytes(n), e.aff_mask)
                },
            };
            keep(n, e, &hit).then_some(hit)
        };
        // Found among every entry, or among what the words before it may match.
        let mut restricted = Vec::new();
        let names: Vec<NameHit> = match from {
            From::All if scope == Scope::Takeaways => Vec::new(),
            From::All if !among.words.is_empty() => {
                let entries = (among.entries)();
                restricted = (among.words.iter())
                    .map(|&(s, t)| (s, Box::from(t)))
                    .collect();
                in_parts(entries.len(), |range| {
                    entries[range]
                        .iter()
                        .copied()
                        .filter(|&i| !index.is_dead(i))
                        .filter_map(fresh)
                })
            }
            From::All => {
                let n = index.entries.len() as u32;
                in_parts(n as usize, |range| {
                    (range.start as u32..range.end as u32)
                        .filter(|&i| !index.is_dead(i))
                        .filter_map(fresh)
                })
            }
            From::Within(base) => {
                restricted = base.found.among.clone();
                let base = &base.found.names;
                in_parts(base.len(), |range| {
                    base[range].iter().filter_map(|h| fresh(h.entry))
                })
            }
            From::Extending(base, added, last) => {
                restricted = base.found.among.clone();
                let base = &base.found.names;
                in_parts(base.len(), |range| {
                    base[range].iter().filter_map(|h| {
                        let n = h.entry as usize;
                        let e = &index.entries[n];
                        let grow = |s: &[u8], span: Span| {
                            names::extend(s, span, last, added, word.sensitive)
                        };
                        let title = grow(index.titles.bytes(n), h.title);
                        let aff = index.affiliations.bytes(n);
                        let affiliations = if defer(title) {
                            Span::DEFERRED
                        } else if h.affiliations == Span::DEFERRED {
                            // Not looked for while the title matched: from nothing now.
                            if e.aff_mask & mask == mask {
                                names::locate(aff, word)
                            } else {
                                Span::NONE
                            }
                        } else {
                            grow(aff, h.affiliations)
                        };
                        let hit = NameHit {
                            entry: h.entry,
                            title,
                            affiliations,
                        };
                        keep(n, e, &hit).then_some(hit)
                    })
                })
            }
        };
        let (text_hits, terms) = if looks_in_text(scope) {
            index.text.query_word(text)
        } else {
            (RoaringBitmap::new(), Vec::new())
        };
        WordState {
            names,
            contexts,
            text_hits,
            terms,
            among: restricted,
        }
    }
}

/// Items per part in [`in_parts`].
const PART: usize = 4096;

/// The candidates `part` gives for each part of `0..len`, in order, the parts side by side: each part's
/// into room for all it could give, then all joined once (no room grown as it fills).
fn in_parts<I>(len: usize, part: impl Fn(std::ops::Range<usize>) -> I + Sync) -> Vec<NameHit>
where
    I: Iterator<Item = NameHit>,
{
    let parts: Vec<Vec<NameHit>> = (0..len.div_ceil(PART))
        .into_par_iter()
        .map(|k| {
            let range = k * PART..((k + 1) * PART).min(len);
            let mut out = Vec::with_capacity(range.len());
            out.extend(part(range));
            out
        })
        .collect();
    parts.concat()
}

/// The earlier word a fuzzy word narrows from, and what it adds when it extends that word (same scope
/// and case, the earlier word its prefix): the extended word with the fewest candidates, else the
/// narrowest word whose letters occur in this one in order.
fn narrowing_base<'a, 'q>(
    previous: Option<&'a Search>,
    scope: Scope,
    text: &'q str,
    word: &Word,
    among: &Among<'_>,
) -> Option<(&'a NameCandidates, Option<&'q str>)> {
    let same =
        (previous?.names.iter()).filter(|n| n.scope == scope && among.admits(&n.found.among));
    let extended = same
        .clone()
        .filter_map(|n| {
            let suffix = text.strip_prefix(n.text.as_str())?;
            (Word::new(&n.text).sensitive == word.sensitive && !n.text.is_empty())
                .then_some((n, suffix))
        })
        .min_by_key(|(n, _)| n.found.names.len());
    if let Some((n, suffix)) = extended {
        return Some((n, Some(suffix)));
    }
    same.filter(|n| names::narrows(&Word::new(&n.text), word))
        .min_by_key(|n| n.found.names.len())
        .map(|n| (n, None))
}
