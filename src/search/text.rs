//! The words of the takeaways, indexed: a sorted term dictionary (an `fst` map from each lowercased word
//! to its number) and, per word, the papers it occurs in (a `roaring` bitmap of index entries).
//!
//! A query word matches a word of the text that starts with it. When no word of the whole library
//! starts with it and it has 5 or more letters, it is taken for a word with one typo: it then matches
//! the words that start with it after one letter is added, left out or changed (Levenshtein distance 1
//! to some start of the word), so `stragler` finds `straggler` while `multiplex` does not find
//! `multiple`. Both are answered by running an automaton over the dictionary and joining the bitmaps
//! of the words it accepts, so no text is scanned. Letters scattered across a sentence never match.
//! Words are runs of letters and digits, compared without case.

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use roaring::RoaringBitmap;

/// Query words at least this long (in characters) also match with one typo.
pub const TYPO_MIN: usize = 5;

/// Is `c` a Chinese character or Japanese kana? Those scripts write no spaces between words, so each
/// such character is a word of its own (`中文` is `中` and `文`): a query finds them anywhere in a
/// clause, not only at its start.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // Extensions B and later, Compatibility Supplement
}

/// The words of a text, lowercased, with the character offsets where each starts and ends: runs of
/// letters and digits, each Chinese character or kana a word by itself ([`is_cjk`]).
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut chars = text.chars().enumerate().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|(_, c)| !c.is_alphanumeric()) {
            chars.next();
        }
        let (start, first) = *chars.peek()?;
        if is_cjk(first) {
            chars.next();
            return Some((start, start + 1, first.to_string()));
        }
        let mut w = String::new();
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() || is_cjk(c) {
                break;
            }
            w.extend(super::fold::fold_char(c).to_lowercase());
            end = i + 1;
            chars.next();
        }
        Some((start, end, w))
    })
}

/// The words of a run of entries, numbered in the order first seen.
struct Part {
    /// Local number → word.
    words: Vec<Box<str>>,
    /// The entries' words in order, as local numbers.
    stream: Stream,
    /// Per entry: how many words.
    lens: Vec<u32>,
}

/// A run's words in order, as its own numbers: two bytes each while the run has no more than 65,536
/// distinct words (it nearly always has far fewer), else four.
enum Stream {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Stream {
    /// Adds a number: two bytes while every number so far fits, else four from then on.
    fn push(&mut self, id: u32) {
        match self {
            Stream::Narrow(v) => match u16::try_from(id) {
                Ok(id) => v.push(id),
                Err(_) => {
                    let wide = v.iter().map(|&x| u32::from(x)).chain([id]).collect();
                    *self = Stream::Wide(wide);
                }
            },
            Stream::Wide(v) => v.push(id),
        }
    }

    fn len(&self) -> usize {
        match self {
            Stream::Narrow(v) => v.len(),
            Stream::Wide(v) => v.len(),
        }
    }

    fn reserve_exact(&mut self, more: usize) {
        match self {
            Stream::Narrow(v) => v.reserve_exact(more),
            Stream::Wide(v) => v.reserve_exact(more),
        }
    }

    /// Without room to spare: it is kept as long as the index.
    fn shrink(&mut self) {
        match self {
            Stream::Narrow(v) => v.shrink_to_fit(),
            Stream::Wide(v) => v.shrink_to_fit(),
        }
    }

    /// The numbers from `from` to `to`, each as a `usize`.
    fn range(&self, from: usize, to: usize) -> Option<impl Iterator<Item = usize> + '_> {
        use either::Either;
        Some(match self {
            Stream::Narrow(v) => Either::Left(v.get(from..to)?.iter().map(|&id| usize::from(id))),
            Stream::Wide(v) => Either::Right(v.get(from..to)?.iter().map(|&id| id as usize)),
        })
    }
}

/// Where the texts to index come from: `write(i, out)` writes entry `i`'s text into `out` (empty, and
/// kept empty for an entry without text). The index keeps no copy of them.
pub struct Texts<'a> {
    pub count: usize,
    pub write: &'a (dyn Fn(usize, &mut String) + Sync),
}

impl Part {
    fn new(texts: &Texts, run: std::ops::Range<usize>) -> Part {
        let mut ids: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut stream = Stream::Narrow(Vec::new());
        let mut lens = Vec::with_capacity(run.len());
        let mut buf = String::new();
        let mut text = String::new();
        let (start, end) = (run.start, run.end);
        for i in run {
            if i == start + SAMPLE && end > i {
                // Room for the rest of the run as its first entries go, and an eighth more, at once:
                // not grown by doubling (and copied each time) to twice what it needs.
                let per_entry = stream.len().div_ceil(SAMPLE);
                stream.reserve_exact(per_entry * (end - i) * 9 / 8);
            }
            let before = stream.len();
            text.clear();
            (texts.write)(i, &mut text);
            for_each_word(&text, &mut buf, |w| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(w.into(), id);
                        id
                    }
                };
                stream.push(id);
            });
            lens.push((stream.len() - before) as u32);
        }
        stream.shrink();
        let mut words: Vec<Box<str>> = vec![Box::default(); ids.len()];
        for (w, id) in ids {
            words[id as usize] = w;
        }
        Part {
            stream,
            words,
            lens,
        }
    }
}

/// How many entries of a run are indexed before room is made for the rest of its words.
const SAMPLE: usize = 64;

/// Calls `f` with each word of `text`, lowercased in `buf` (no allocation per word).
fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    for c in text.chars() {
        // ASCII first (most text): a letter or digit continues a word, anything else ends it.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else if !buf.is_empty() {
                f(buf);
                buf.clear();
            }
        } else if is_cjk(c) {
            if !buf.is_empty() {
                f(buf);
                buf.clear();
            }
            buf.push(c);
            f(buf);
            buf.clear();
        } else if c.is_alphanumeric() {
            buf.extend(super::fold::fold_char(c).to_lowercase());
        } else if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(buf);
        buf.clear();
    }
}

/// The words of a query word (`kv-cache` is `kv` and `cache`), lowercased.
pub fn query_words(word: &str) -> Vec<String> {
    words(word).map(|(_, _, w)| w).collect()
}

/// Does the text word `token` (lowercased) match the query word `word` (lowercased), with one typo
/// allowed when `typo` (see [`TextIndex::typo`])?
pub fn word_matches(word: &str, token: &str, typo: bool) -> bool {
    if token.starts_with(word) {
        return true;
    }
    let w: Vec<char> = word.chars().collect();
    if !typo || w.len() < TYPO_MIN {
        return false;
    }
    // Edit distance from `word` to each start of `token`, one row per character of `token`.
    let mut row: Vec<usize> = (0..=w.len()).collect();
    if row[w.len()] <= 1 {
        return true;
    }
    for c in token.chars() {
        let mut next = Vec::with_capacity(row.len());
        next.push(row[0] + 1);
        for (i, &wc) in w.iter().enumerate() {
            let sub = row[i] + usize::from(wc != c);
            next.push(sub.min(row[i + 1] + 1).min(next[i] + 1));
        }
        row = next;
        if row[w.len()] <= 1 {
            return true;
        }
        if row.iter().all(|&d| d > 1) {
            return false;
        }
    }
    false
}

/// The term dictionary and posting lists of a run of entries' takeaways (numbered from 0).
#[derive(Default)]
struct Words {
    /// Word → its number (index into `postings`), sorted.
    terms: Map<Vec<u8>>,
    /// Per word: the entries whose text has it.
    postings: Vec<RoaringBitmap>,
    /// Every entry's words in order (for how close together query words are), one stream per run of
    /// `run` entries as the threads indexed them, in that run's own numbers (kept apart: joining them
    /// would hold two copies at once).
    runs: Vec<Run>,
    run: usize,
    /// Where each entry's words end in its run's stream.
    ends: Vec<u32>,
}

/// A run's entries per word: word `w`'s are `entries[starts[w]..starts[w + 1]]`, in order.
struct RunLists {
    starts: Vec<u32>,
    entries: Vec<u32>,
}

impl RunLists {
    fn of(&self, word: usize) -> &[u32] {
        let from = self.starts.get(word).copied().unwrap_or(0) as usize;
        let to = self.starts.get(word + 1).copied().unwrap_or(0) as usize;
        self.entries.get(from..to).unwrap_or_default()
    }
}

/// One run's words in order, and what its own numbers are in the dictionary.
struct Run {
    stream: Stream,
    /// Its own number → the word's number in `Words::terms`.
    numbers: Vec<u32>,
}

/// Entries indexed by one thread at a time: few enough that a run's passing buffers stay small and
/// that a thousand papers are indexed on two cores, enough that the runs' own dictionaries cost little
/// to join.
const RUN_MIN: usize = 256;
const RUN_MAX: usize = 4096;

/// What a query word asks of the dictionary: the words starting with it, or those starting with it
/// after one typo (a Levenshtein automaton of distance 1, run over each word's starts).
enum Query<'a> {
    Prefix(&'a str),
    Typo(levenshtein_automata::DFA),
}

impl<'a> Query<'a> {
    fn new(word: &'a str, typo: bool) -> Query<'a> {
        if !typo {
            return Query::Prefix(word);
        }
        // Made once: for distance 1 it is small and quick to make (microseconds), and each query
        // word's automaton is then made from it in microseconds too.
        static LEVENSHTEIN_1: std::sync::OnceLock<
            levenshtein_automata::LevenshteinAutomatonBuilder,
        > = std::sync::OnceLock::new();
        let builder = LEVENSHTEIN_1
            .get_or_init(|| levenshtein_automata::LevenshteinAutomatonBuilder::new(1, false));
        Query::Typo(builder.build_dfa(word))
    }
}

impl Words {
    /// Indexes `texts`, one per entry (the entry's number is its position).
    fn new(texts: &Texts) -> Words {
        use rayon::prelude::*;
        // Each thread indexes runs of entries; the runs are then joined in order.
        let n = texts.count;
        let chunk = n
            .div_ceil(rayon::current_num_threads())
            .clamp(RUN_MIN, RUN_MAX);
        let parts: Vec<Part> = (0..n.div_ceil(chunk))
            .into_par_iter()
            .map(|k| Part::new(texts, k * chunk..((k + 1) * chunk).min(n)))
            .collect();
        let mut ids: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut runs: Vec<Run> = Vec::with_capacity(parts.len());
        let mut ends: Vec<u32> = Vec::with_capacity(n);
        for part in parts {
            let numbers: Vec<u32> = part
                .words
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            runs.push(Run {
                stream: part.stream,
                numbers,
            });
            let mut end = 0;
            for len in part.lens {
                end += len;
                ends.push(end);
            }
        }
        let mut sorted: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        let count = sorted.len();
        let mut builder = MapBuilder::memory();
        // First-seen numbers → sorted numbers.
        let mut renumber = vec![0u32; count];
        for (n, (w, id)) in sorted.into_iter().enumerate() {
            renumber[id as usize] = n as u32;
            // Keys are distinct and inserted in order, so this cannot fail.
            let _ = builder.insert(w.as_bytes(), n as u64);
        }
        let terms = builder
            .into_inner()
            .ok()
            .and_then(|b| Map::new(b).ok())
            .unwrap_or_default();
        for run in &mut runs {
            for id in run.numbers.iter_mut() {
                *id = renumber[*id as usize];
            }
        }
        let mut words = Words {
            terms,
            postings: Vec::new(),
            runs,
            run: chunk,
            ends,
        };
        words.postings = words.postings(count);
        words
    }

    /// Per word (of `count`), the entries that have it, read from the entries' words in order. A few
    /// runs at a time, each on its own thread, list their entries per word; then each word's list
    /// grows at its end by theirs, words shared out among the threads. So a list is written once, in
    /// order, and only a few runs' lists are held at a time.
    fn postings(&self, count: usize) -> Vec<RoaringBitmap> {
        use rayon::prelude::*;
        let mut postings = vec![RoaringBitmap::new(); count];
        let runs: Vec<usize> = (0..self.runs.len()).collect();
        for wave in runs.chunks(2 * rayon::current_num_threads().max(1)) {
            let lists: Vec<RunLists> = wave.par_iter().map(|&k| self.run_lists(k, count)).collect();
            postings.par_iter_mut().enumerate().for_each(|(word, p)| {
                for l in &lists {
                    let _ = p.append(l.of(word).iter().copied());
                }
            });
        }
        postings
    }

    /// Run `k`'s entries per word (of `count`, by their numbers in the dictionary).
    fn run_lists(&self, k: usize, count: usize) -> RunLists {
        let first = k * self.run.max(1);
        let last = (first + self.run.max(1)).min(self.ends.len());
        // The last entry each word was counted for: a word twice in one entry is listed once.
        let mut seen = vec![u32::MAX; count];
        let mut starts = vec![0u32; count + 1];
        for e in first..last {
            for id in self.words_of(e).into_iter().flatten() {
                let id = id as usize;
                if let Some(s) = seen.get_mut(id).filter(|s| **s != e as u32) {
                    *s = e as u32;
                    starts[id + 1] += 1;
                }
            }
        }
        for w in 0..count {
            starts[w + 1] += starts[w];
        }
        let mut next = starts.clone();
        let mut entries = vec![0u32; starts[count] as usize];
        seen.fill(u32::MAX);
        for e in first..last {
            for id in self.words_of(e).into_iter().flatten() {
                let id = id as usize;
                if let Some(s) = seen.get_mut(id).filter(|s| **s != e as u32) {
                    *s = e as u32;
                    if let Some(slot) = entries.get_mut(next[id] as usize) {
                        *slot = e as u32;
                    }
                    next[id] += 1;
                }
            }
        }
        RunLists { starts, entries }
    }

    /// The numbers of the words that start with `word` (lowercased), or with one typo when `typo`.
    fn matching(&self, word: &Query, ids: &mut Vec<u64>) {
        fn collect<A: Automaton>(terms: &Map<Vec<u8>>, a: A, ids: &mut Vec<u64>) {
            let mut s = terms.search(a).into_stream();
            while let Some((_, id)) = s.next() {
                ids.push(id);
            }
        }
        if self.terms.is_empty() {
            return;
        }
        match word {
            Query::Prefix(word) => collect(&self.terms, Str::new(word).starts_with(), ids),
            Query::Typo(dfa) => collect(&self.terms, dfa.starts_with(), ids),
        }
    }

    /// The entries having any of the words `ids`.
    fn having(&self, ids: &[u64]) -> RoaringBitmap {
        let lists: Vec<&RoaringBitmap> = ids
            .iter()
            .filter_map(|&id| self.postings.get(id as usize))
            .collect();
        union(&lists)
    }

    /// The fewest words of entry `entry`'s text that hold a word of each of `sets` (word numbers as
    /// bit sets), less one: 1 for two words next to each other, 0 when one word holds them all;
    /// `usize::MAX` when one is missing.
    fn span(&self, entry: u32, sets: &[&[u64]], first_id: u32) -> usize {
        let Some(ids) = self.words_of(entry as usize) else {
            return usize::MAX;
        };
        let mut last: Vec<Option<usize>> = vec![None; sets.len()];
        let mut best = usize::MAX;
        for (pos, id) in ids.enumerate() {
            let id = id.saturating_add(first_id);
            let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
            let mut hit = false;
            for (k, set) in sets.iter().enumerate() {
                if set.get(word).is_some_and(|w| w & bit != 0) {
                    last[k] = Some(pos);
                    hit = true;
                }
            }
            // Once every set has been seen: the words from the earliest of their latest places to here.
            if hit && last.iter().all(Option::is_some) {
                if let Some(&first) = last.iter().flatten().min() {
                    best = best.min(pos - first);
                }
            }
        }
        best
    }

    /// Entry `i`'s words in order, as word numbers.
    fn words_of(&self, i: usize) -> Option<impl Iterator<Item = u32> + '_> {
        let run = self.runs.get(i / self.run.max(1))?;
        let from = if i.is_multiple_of(self.run.max(1)) {
            0
        } else {
            *self.ends.get(i - 1)? as usize
        };
        let own = run.stream.range(from, *self.ends.get(i)? as usize)?;
        Some(own.map(|id| run.numbers.get(id).copied().unwrap_or(u32::MAX)))
    }

    /// How many distinct words.
    fn len(&self) -> usize {
        self.postings.len()
    }

    /// The numbers of the words containing `needle` (lowercased).
    fn containing(&self, needle: &str) -> Vec<u64> {
        let mut ids = Vec::new();
        let mut stream = self.terms.stream();
        while let Some((w, id)) = stream.next() {
            if memchr::memmem::find(w, needle.as_bytes()).is_some() {
                ids.push(id);
            }
        }
        ids
    }
}

/// The words of the takeaways: those of the entries the index was built with (shared by every index
/// updated from it), and those of the entries a reload added since (numbered from `from` on; their
/// word numbers follow the first part's), less the entries a reload took out.
#[derive(Default)]
pub struct TextIndex {
    base: std::sync::Arc<Words>,
    added: Words,
    from: u32,
    dead: RoaringBitmap,
    /// What a one-letter (or one-digit) word matches, worked out the first time it is asked: the
    /// first key of most words, whose words number in the thousands.
    one_char: Vec<std::sync::OnceLock<(Vec<u64>, RoaringBitmap)>>,
}

/// The number of ASCII letters and digits: the one-character words [`TextIndex`] keeps.
const ONE_CHAR: usize = 36;

/// Where a one-character word is kept in [`TextIndex::one_char`].
fn one_char_slot(word: &str) -> Option<usize> {
    match *word.as_bytes() {
        [c @ b'a'..=b'z'] => Some(usize::from(c - b'a')),
        [c @ b'0'..=b'9'] => Some(26 + usize::from(c - b'0')),
        _ => None,
    }
}

fn one_char_slots() -> Vec<std::sync::OnceLock<(Vec<u64>, RoaringBitmap)>> {
    (0..ONE_CHAR).map(|_| std::sync::OnceLock::new()).collect()
}

impl TextIndex {
    /// Indexes `texts`, one per entry (the entry's number is its position).
    pub fn new(texts: &Texts) -> TextIndex {
        TextIndex {
            base: std::sync::Arc::new(Words::new(texts)),
            added: Words::default(),
            from: texts.count as u32,
            dead: RoaringBitmap::new(),
            one_char: one_char_slots(),
        }
    }

    /// This index with the entries numbered from where its first part ends replaced by `added` (one
    /// text per entry, in order, numbered from 0), and `dead` taken out.
    pub fn with_added(&self, added: &Texts, dead: RoaringBitmap) -> TextIndex {
        TextIndex {
            base: self.base.clone(),
            added: Words::new(added),
            from: self.from,
            dead,
            one_char: one_char_slots(),
        }
    }

    /// Where the entries added after the first part start.
    pub fn added_from(&self) -> u32 {
        self.from
    }

    /// The entries of `ids` (word numbers) in each part, as entry numbers, less the dead ones.
    fn having(&self, ids: &[u64]) -> RoaringBitmap {
        let first = self.base.len() as u64;
        let (base, added): (Vec<u64>, Vec<u64>) = ids.iter().partition(|&&id| id < first);
        let mut hits = self.base.having(&base);
        if !added.is_empty() {
            let local: Vec<u64> = added.iter().map(|id| id - first).collect();
            hits.extend(self.added.having(&local).iter().map(|e| e + self.from));
        }
        if !self.dead.is_empty() {
            hits -= &self.dead;
        }
        hits
    }

    /// The numbers of the words starting with `word` (or with one typo) in both parts.
    fn ids(&self, word: &str, typo: bool) -> Vec<u64> {
        let first = self.base.len() as u64;
        let query = Query::new(word, typo);
        let mut ids = Vec::new();
        self.base.matching(&query, &mut ids);
        let mut more = Vec::new();
        self.added.matching(&query, &mut more);
        ids.extend(more.into_iter().map(|id| id + first));
        ids
    }

    /// The words matching the one query word `word` and the entries having them: the words starting
    /// with it, or, when no entry has one and it is long enough, those starting with it after one typo.
    fn matching(&self, word: &str) -> (Vec<u64>, RoaringBitmap) {
        if let Some(kept) = one_char_slot(word).and_then(|k| self.one_char.get(k)) {
            return kept.get_or_init(|| self.matching_afresh(word)).clone();
        }
        self.matching_afresh(word)
    }

    /// [`TextIndex::matching`], not kept.
    fn matching_afresh(&self, word: &str) -> (Vec<u64>, RoaringBitmap) {
        let ids = self.ids(word, false);
        let hits = self.having(&ids);
        if hits.is_empty() && word.chars().count() >= TYPO_MIN {
            let ids = self.ids(word, true);
            let hits = self.having(&ids);
            return (ids, hits);
        }
        (ids, hits)
    }

    /// The entries whose text matches a fuzzy query word (every word of it, `kv-cache` both `kv` and
    /// `cache`, as [`query_words`] splits it), and the word numbers that match it as a bit set. A word
    /// with no letters or digits matches nothing.
    pub fn query_word(&self, word: &str) -> (RoaringBitmap, Vec<u64>) {
        let parts = query_words(word);
        let mut terms = vec![0u64; self.len().div_ceil(64)];
        let mut hits: Option<RoaringBitmap> = None;
        for p in &parts {
            let (ids, h) = self.matching(p);
            for &id in &ids {
                if let Some(t) = terms.get_mut(id as usize / 64) {
                    *t |= 1 << (id % 64);
                }
            }
            hits = Some(match hits {
                Some(prev) => prev & h,
                None => h,
            });
        }
        (hits.unwrap_or_default(), terms)
    }

    /// Is the query word `word` (lowercased) taken with one typo: 5 letters or more, and no word of
    /// the text starts with it?
    pub fn typo(&self, word: &str) -> bool {
        word.chars().count() >= TYPO_MIN && self.having(&self.ids(word, false)).is_empty()
    }

    /// The fewest words of entry `entry`'s text that hold a word of each of `sets` (word numbers as
    /// bit sets), less one: 1 for two words next to each other, 0 when one word holds them all;
    /// `usize::MAX` when one is missing.
    pub fn span(&self, entry: u32, sets: &[&[u64]]) -> usize {
        match entry.checked_sub(self.from) {
            None => self.base.span(entry, sets, 0),
            Some(local) => self.added.span(local, sets, self.base.len() as u32),
        }
    }

    /// How many distinct words (in both parts; a word may be counted in each).
    pub fn len(&self) -> usize {
        self.base.len() + self.added.len()
    }

    /// Has the text no words at all?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries with a word matching the query word `word` (lowercased, one word: see
    /// [`query_words`]).
    pub fn word(&self, word: &str) -> RoaringBitmap {
        self.matching(word).1
    }

    /// The entries with a word containing `needle` (lowercased).
    pub fn containing(&self, needle: &str) -> RoaringBitmap {
        let first = self.base.len() as u64;
        let mut ids = self.base.containing(needle);
        ids.extend(
            self.added
                .containing(needle)
                .into_iter()
                .map(|id| id + first),
        );
        self.having(&ids)
    }
}

/// Character positions of the words of `text` that match any of the query words `words`
/// (lowercased, each with whether a typo is allowed), one list per matching word, in order: what the
/// detail pane highlights.
pub fn word_ranges(text: &str, words_: &[(String, bool)]) -> Vec<Vec<usize>> {
    if words_.is_empty() {
        return Vec::new();
    }
    words(text)
        .filter(|(_, _, w)| words_.iter().any(|(q, typo)| word_matches(q, w, *typo)))
        .map(|(start, end, _)| (start..end).collect())
        .collect()
}

/// The union of bitmaps, pairwise (a balanced tree: the cost of a few large unions, not many).
fn union(lists: &[&RoaringBitmap]) -> RoaringBitmap {
    match lists {
        [] => RoaringBitmap::new(),
        [one] => (*one).clone(),
        _ => {
            let (a, b) = lists.split_at(lists.len() / 2);
            union(a) | union(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The index's tokenizer (ASCII read apart, no allocation per word) gives the words that
        /// [`words`] gives, the one a query and a phrase are read with.
        #[test]
        fn the_index_reads_the_words_a_query_reads(
            text in "([a-zA-Z0-9 ,.'·_-]|[éÉßİ中文かナ🔥Ⅻ١٢])*"
        ) {
            let mut got = Vec::new();
            for_each_word(&text, &mut String::new(), |w| got.push(w.to_string()));
            let want: Vec<String> = words(&text).map(|(_, _, w)| w).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let w: Vec<(usize, String)> = words("KV-cache, vLLM's 2x · 博士")
            .map(|(s, _, w)| (s, w))
            .collect();
        assert_eq!(
            w,
            vec![
                (0, "kv".into()),
                (3, "cache".into()),
                (10, "vllm".into()),
                (15, "s".into()),
                (17, "2x".into()),
                (22, "博".into()),
                (23, "士".into())
            ]
        );
    }

    #[test]
    fn a_word_matches_by_its_start_and_long_words_with_one_typo() {
        assert!(word_matches("serv", "serverless", false));
        assert!(!word_matches("erv", "serverless", true));
        assert!(word_matches("stragler", "stragglers", true));
        assert!(!word_matches("stragler", "stragglers", false));
        assert!(word_matches("serverles", "serverless", false));
        assert!(word_matches("sxrverless", "serverless", true));
        assert!(!word_matches("sxrvxrless", "serverless", true));
        assert!(
            !word_matches("strg", "strag", true),
            "short words have no typo"
        );
        assert!(word_matches("strag", "strug", true));
    }

    #[test]
    fn closeness_is_read_from_each_entrys_own_words_across_runs() {
        // Enough entries for the threads to index them in several runs (256 at least each).
        let texts: Vec<&str> = (0..3000)
            .map(|i| match i % 3 {
                0 => "kv cache here",
                1 => "kv then some cache",
                _ => "cache only",
            })
            .collect();
        let write = |i: usize, out: &mut String| out.push_str(texts[i]);
        let idx = TextIndex::new(&Texts {
            count: texts.len(),
            write: &write,
        });
        let (_, kv) = idx.query_word("kv");
        let (_, cache) = idx.query_word("cache");
        for i in (0..3000u32).step_by(7).chain(1020..1030).chain(1495..1505) {
            let want = match i % 3 {
                0 => 1,
                1 => 3,
                _ => usize::MAX,
            };
            assert_eq!(idx.span(i, &[&kv, &cache]), want, "entry {i}");
        }
    }

    #[test]
    fn a_run_of_more_than_65536_distinct_words_keeps_its_word_numbers_whole() {
        // 300 words per entry that no other entry has: a run (256 entries at least, whatever the number
        // of threads) has 76,800 distinct words or more, too many for two bytes. `kv` and `cache` sit 1,
        // 2, ... words apart.
        let texts: Vec<String> = (0..1024)
            .map(|i| {
                let filler: Vec<String> = (0..300).map(|k| format!("w{i}x{k}")).collect();
                let gap = i % 5;
                format!(
                    "{} kv {} cache {}",
                    filler[..10].join(" "),
                    filler[10..10 + gap].join(" "),
                    filler[10 + gap..].join(" ")
                )
            })
            .collect();
        let write = |i: usize, out: &mut String| out.push_str(&texts[i]);
        let idx = TextIndex::new(&Texts {
            count: texts.len(),
            write: &write,
        });
        assert!(idx
            .base
            .runs
            .iter()
            .all(|r| matches!(r.stream, Stream::Wide(_))));
        let (_, kv) = idx.query_word("kv");
        let (_, cache) = idx.query_word("cache");
        for i in 0..1024u32 {
            assert_eq!(idx.span(i, &[&kv, &cache]), 1 + i as usize % 5, "entry {i}");
        }
        assert_eq!(idx.word("w1023x9").iter().collect::<Vec<_>>(), vec![1023]);
    }

    #[test]
    fn every_word_lists_its_entries_across_runs_and_waves_of_runs() {
        // 40,000 entries: ten runs of 4,096 at most, listed a few runs at a time.
        let texts: Vec<String> = (0..40_000)
            .map(|i| format!("seven{} thirteen{} all seven{}", i % 7, i % 13, i % 7))
            .collect();
        let write = |i: usize, out: &mut String| out.push_str(&texts[i]);
        let idx = TextIndex::new(&Texts {
            count: texts.len(),
            write: &write,
        });
        let want =
            |keep: &dyn Fn(u32) -> bool| (0..40_000u32).filter(|&i| keep(i)).collect::<Vec<_>>();
        assert_eq!(
            idx.word("seven3").iter().collect::<Vec<_>>(),
            want(&|i| i % 7 == 3)
        );
        assert_eq!(
            idx.word("thirteen12").iter().collect::<Vec<_>>(),
            want(&|i| i % 13 == 12)
        );
        assert_eq!(idx.word("all").len(), 40_000);
        assert_eq!(
            idx.word("thirteen1").len(),
            want(&|i| [1, 10, 11, 12].contains(&(i % 13))).len() as u64
        );
    }

    #[test]
    fn the_index_answers_as_the_word_matcher_does() {
        let texts = [
            "Stragglers slow training",
            "serverless functions",
            "no match here",
            "straggler",
            "multiple multiplexing",
            "multiple",
        ];
        let write = |i: usize, out: &mut String| out.push_str(texts[i]);
        let idx = TextIndex::new(&Texts {
            count: texts.len(),
            write: &write,
        });
        let got = |w: &str| idx.word(w).iter().collect::<Vec<_>>();
        assert_eq!(got("stragler"), vec![0, 3]);
        assert!(idx.typo("stragler") && !idx.typo("straggler"));
        assert_eq!(got("multiplex"), vec![4], "a word as typed: no typo");
        assert_eq!(got("multiplx"), vec![4, 5], "no word starts so: one typo");
        assert_eq!(got("serv"), vec![1]);
        assert_eq!(got("s"), vec![0, 1, 3]);
        assert_eq!(got("zzz"), Vec::<u32>::new());
        assert_eq!(
            idx.containing("ragg").iter().collect::<Vec<_>>(),
            vec![0, 3]
        );
    }

    #[test]
    fn a_one_letter_word_is_kept_and_a_reload_asks_again() {
        let texts = ["serverless functions", "no match here", "Stragglers"];
        let write = |i: usize, out: &mut String| out.push_str(texts[i]);
        let idx = TextIndex::new(&Texts {
            count: texts.len(),
            write: &write,
        });
        let got = |idx: &TextIndex, w: &str| idx.query_word(w).0.iter().collect::<Vec<_>>();
        assert_eq!(got(&idx, "s"), vec![0, 2]);
        assert!(
            idx.one_char[one_char_slot("s").unwrap()].get().is_some(),
            "kept"
        );
        assert_eq!(got(&idx, "s"), vec![0, 2], "the same the second time");
        assert_eq!(got(&idx, "h"), vec![1]);
        // A reload that replaces the last entry and adds one: asked again, not the kept answer.
        let more = ["sparse", "hot spots"];
        let write_more = |i: usize, out: &mut String| out.push_str(more[i]);
        let mut dead = RoaringBitmap::new();
        dead.insert(2);
        let reloaded = idx.with_added(
            &Texts {
                count: more.len(),
                write: &write_more,
            },
            dead,
        );
        assert_eq!(got(&reloaded, "s"), vec![0, 3, 4]);
        assert_eq!(got(&reloaded, "h"), vec![1, 4]);
        assert_eq!(one_char_slot("é"), None);
        assert_eq!(one_char_slot("ab"), None);
    }
}
