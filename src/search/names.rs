//! Where a fuzzy word occurs in a name, found key by key, and its score there.
//!
//! A name matches a word when the word's characters occur in it in order, compared as skim compares
//! them (ASCII letters without case unless the word has an ASCII capital; anything else as written).
//! skim's linear path scores the *leftmost* such occurrence: it takes the first match of each character
//! in turn, then looks back from the last one for the tightest start. So a [`Span`], the byte offsets of
//! the first and the last character of that leftmost occurrence, is all a later key needs: when the word
//! grows by a character, the new one is looked for after the old last one, and nothing before it is read
//! again. [`score`] hands skim the name up to the span's end (skim reads nothing after it) with the
//! positions it would have found, so the score is skim's own.

use fuzzy_matcher::skim::SkimMatcherV2;

/// The leftmost occurrence of a word in a name: byte offsets of its first and last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    first: u32,
    last: u32,
}

impl Span {
    /// No occurrence.
    pub(super) const NONE: Span = Span {
        first: u32::MAX,
        last: u32::MAX,
    };

    /// Not looked for: the affiliations of a word whose title matched, which nothing reads (it is not
    /// [`Span::is_some`]). A longer word that no longer matches the title looks for it from nothing.
    pub(super) const DEFERRED: Span = Span {
        first: u32::MAX,
        last: u32::MAX - 1,
    };

    pub(super) fn is_some(self) -> bool {
        self.first != u32::MAX
    }
}

/// An entry whose names may match a word, and where the word occurs in its title and affiliations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NameHit {
    pub(super) entry: u32,
    pub(super) title: Span,
    pub(super) affiliations: Span,
}

/// A word as a name is matched against it.
pub(super) struct Word {
    pub(super) chars: Vec<char>,
    pub(super) sensitive: bool,
    /// Its bytes when it is ASCII (what [`bound`] reads).
    ascii: Option<Vec<u8>>,
}

impl Word {
    pub(super) fn new(text: &str) -> Word {
        Word {
            chars: text.chars().collect(),
            // skim's smart case: an ASCII capital makes the word case-sensitive.
            sensitive: text.bytes().any(|b| b.is_ascii_uppercase()),
            ascii: text.is_ascii().then(|| text.as_bytes().to_vec()),
        }
    }
}

/// Does every name that matches `long` match `short` too? True when `short`'s characters occur in
/// `long` in order as `short` compares them, unless `short` is case-sensitive and `long` is not.
pub(super) fn narrows(short: &Word, long: &Word) -> bool {
    if short.sensitive && !long.sensitive {
        return false;
    }
    let mut l = long.chars.iter();
    short
        .chars
        .iter()
        .all(|&s| l.any(|&c| same(s, c, short.sensitive)))
}

/// Where `c` first occurs in `name` at or after byte `from`, compared as skim compares.
fn find(name: &[u8], from: usize, c: char, sensitive: bool) -> Option<usize> {
    let hay = name.get(from..)?;
    let at = if c.is_ascii() {
        let b = c as u8;
        if !sensitive && b.is_ascii_alphabetic() {
            // A letter either way: its two cases differ only in bit 0x20 (no other byte sets to it).
            let lower = b | 0x20;
            hay.iter().position(|&x| x | 0x20 == lower)
        } else {
            hay.iter().position(|&x| x == b)
        }
    } else {
        let mut buf = [0u8; 4];
        memchr::memmem::find(hay, c.encode_utf8(&mut buf).as_bytes())
    }?;
    Some(from + at)
}

/// The leftmost occurrence of `chars` in `name` from byte `from` on, continuing `span` (whose last
/// character ends at `from`), or from nothing when `span` is [`Span::NONE`].
fn walk(name: &[u8], mut span: Span, mut from: usize, chars: &[char], sensitive: bool) -> Span {
    for &c in chars {
        let Some(at) = find(name, from, c, sensitive) else {
            return Span::NONE;
        };
        if !span.is_some() {
            span.first = at as u32;
        }
        span.last = at as u32;
        from = at + c.len_utf8();
    }
    span
}

/// The leftmost occurrence of `word` in `name` (`None` for no occurrence or an empty word).
pub(super) fn locate(name: &[u8], word: &Word) -> Span {
    if word.chars.is_empty() || name.len() >= u32::MAX as usize {
        return Span::NONE;
    }
    walk(name, Span::NONE, 0, &word.chars, word.sensitive)
}

/// The leftmost occurrence of a word that extends the word `span` was found for by `added`, whose last
/// character was `prev_last`.
pub(super) fn extend(
    name: &[u8],
    span: Span,
    prev_last: char,
    added: &[char],
    sensitive: bool,
) -> Span {
    if !span.is_some() {
        return Span::NONE;
    }
    let from = span.last as usize + prev_last.len_utf8();
    walk(name, span, from, added, sensitive)
}

/// Buffers [`score`] reuses.
#[derive(Default)]
pub(super) struct Scratch {
    chars: Vec<char>,
    at: Vec<usize>,
    /// A one-character word's scores by the ASCII character before its match (128: none) and the one
    /// it matched, as skim gave them (`i64::MIN`: not asked yet). skim scores one character by those two
    /// alone, and each call allocates.
    single: Vec<i64>,
}

/// skim's linear-path score of `word` in `name`, where `span` is its leftmost occurrence (as
/// `matcher.fuzzy_match(name, word)` gives it, read from the span only).
pub(super) fn score(
    matcher: &SkimMatcherV2,
    name: &str,
    span: Span,
    word: &Word,
    scratch: &mut Scratch,
) -> Option<i64> {
    if !span.is_some() {
        return None;
    }
    let last = span.last as usize;
    if let [_] = word.chars[..] {
        let bytes = name.as_bytes();
        let cur = bytes.get(last).copied().filter(u8::is_ascii);
        let prev = match last.checked_sub(1) {
            None => Some(128),
            Some(p) => bytes.get(p).copied().filter(u8::is_ascii).map(usize::from),
        };
        if let (Some(cur), Some(prev)) = (cur, prev) {
            if scratch.single.is_empty() {
                scratch.single = vec![i64::MIN; 129 * 128];
            }
            let slot = prev * 128 + usize::from(cur);
            if let Some(&s) = scratch.single.get(slot).filter(|s| **s != i64::MIN) {
                return Some(s);
            }
            let s = skim_score(matcher, name, last, word, scratch)?;
            if let Some(x) = scratch.single.get_mut(slot) {
                *x = s;
            }
            return Some(s);
        }
    }
    skim_score(matcher, name, last, word, scratch)
}

/// [`score`] as skim gives it (no memo).
fn skim_score(
    matcher: &SkimMatcherV2,
    name: &str,
    last: usize,
    word: &Word,
    scratch: &mut Scratch,
) -> Option<i64> {
    // skim reads nothing after the last character it matched: the name up to there is enough.
    let chars = &mut scratch.chars;
    chars.clear();
    for (i, c) in name.char_indices() {
        chars.push(c);
        if i >= last {
            break;
        }
    }
    // The positions skim's first pass finds: each character's first match, in turn.
    let at = &mut scratch.at;
    at.clear();
    let mut want = word.chars.iter().peekable();
    for (i, &c) in chars.iter().enumerate() {
        match want.peek() {
            Some(&&w) if same(c, w, word.sensitive) => {
                at.push(i);
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if want.peek().is_some() {
        return None;
    }
    matcher
        .simple_match(chars, &word.chars, at, word.sensitive, false)
        .map(|(s, _)| s)
}

/// At least skim's linear-path score of `word` in `name` (`span` its leftmost occurrence), read from the
/// span and at most the word's length of bytes: what a search ranks its hits by until it knows which
/// could be the best. Words that are not ASCII are not bounded (`i64::MAX`).
///
/// A scored run without a gap is worth the most: each character its match and the largest bonus, less
/// the case penalties. skim scores the run from the look back's offset in the span read as an offset
/// in the name, up to the span's last character; a run without a gap there is the word written out in
/// full, ending at the span's last character (the leftmost occurrence ends first), and it starts where
/// the look back starts only when the span starts the name. Any other run has a gap (or does not
/// complete): it costs a gap's start and one character, and the match after it has no bonus. All of
/// this holds for characters as skim counts them: an ASCII word's run is the same bytes in any name.
pub(super) fn quick_bound(name: &[u8], span: Span, word: &Word) -> i64 {
    let (Some(pattern), true) = (&word.ascii, span.is_some()) else {
        return i64::MAX;
    };
    let len = pattern.len();
    if len < 2 {
        return if len == 0 { 0 } else { ONE_CHARACTER_BOUND };
    }
    let full = (MATCH + BOUND_BONUS) * len as i64;
    let last = span.last as usize;
    let tail = (last + 1)
        .checked_sub(len)
        .filter(|_| span.first == 0)
        .and_then(|start| name.get(start..=last));
    if let Some(tail) = tail {
        let fold = |c: u8| {
            if word.sensitive {
                c
            } else {
                c.to_ascii_lowercase()
            }
        };
        if tail.iter().zip(pattern).all(|(&c, &p)| fold(c) == p) {
            let mismatched = tail.iter().zip(pattern).filter(|(c, p)| c != p).count();
            return full - CASE * mismatched as i64;
        }
    }
    full - (GAP_START + GAP + BOUND_BONUS)
}

/// At least skim's linear-path score of `word` in `name` (`span` its leftmost occurrence), and at most
/// [`quick_bound`], read from the span's tightest window: the last occurrence of the word that ends
/// where the span ends, found by looking back from there as skim does. A window so wide that the bound
/// falls below `need` is not read to its start: then any number below `need` is returned. Words that
/// are not ASCII are not bounded (`i64::MAX`).
///
/// skim's scored run ends where the span ends and starts no later than the window: when the window is
/// wider than the word, the run has a gap of at least the window's extra characters, which costs a
/// gap's start, those characters and the bonus of the match after them.
pub(super) fn window_bound(name: &[u8], span: Span, word: &Word, need: i64) -> i64 {
    let (Some(pattern), true) = (&word.ascii, span.is_some()) else {
        return i64::MAX;
    };
    let len = pattern.len();
    let (first, last) = (span.first as usize, span.last as usize);
    let Some(read) = name.get(first..=last).filter(|_| len >= 2) else {
        return quick_bound(name, span, word);
    };
    let run = (MATCH + BOUND_BONUS) * len as i64 - (GAP_START + BOUND_BONUS);
    let bound = |window: usize| run - (window - len) as i64;
    // The widest window (in characters) whose bound reaches `need`.
    let widest = usize::try_from(run.saturating_sub(need))
        .map_or(usize::MAX, |extra| extra.saturating_add(len));
    let fold = |c: u8| {
        if word.sensitive {
            c
        } else {
            c.to_ascii_lowercase()
        }
    };
    let mut want = len;
    // Characters as skim counts them: bytes that do not continue a UTF-8 sequence.
    let mut window = 0usize;
    for &c in read.iter().rev() {
        let Some(&p) = want.checked_sub(1).and_then(|w| pattern.get(w)) else {
            break;
        };
        window += usize::from((c as i8) >= -0x40);
        if window > widest && window > len {
            return need.saturating_sub(1);
        }
        if fold(c) == p {
            want -= 1;
        }
    }
    if window <= len {
        return quick_bound(name, span, word);
    }
    bound(window)
}

/// At least skim's linear-path score of `word` in `name` (`span` its leftmost occurrence), worked out
/// without skim, reading bytes: what ranking by names needs to know which names it must score.
///
/// skim looks back from the last character for the tightest start, then scores the name from there
/// (from the start's offset in the span, read as an offset in the name) up to where the word is
/// complete again. Each matched character scores at most a match and the largest bonus; each run of
/// unmatched characters before it costs a gap's start and its length, and the match after it gets no
/// bonus; a case mismatch costs its penalty. Names that are not ASCII are not bounded (`i64::MAX`).
pub(super) fn bound(name: &[u8], span: Span, word: &Word) -> i64 {
    let (first, last) = (span.first as usize, span.last as usize);
    let (Some(pattern), Some(read)) = (&word.ascii, name.get(..=last)) else {
        return i64::MAX;
    };
    if !span.is_some() || !read.is_ascii() {
        return i64::MAX;
    }
    match pattern.len() {
        0 => 0,
        1 => ONE_CHARACTER_BOUND,
        _ if word.sensitive => bound_run::<true>(read, first, pattern),
        _ => bound_run::<false>(read, first, pattern),
    }
}

const BOUND_BONUS: i64 = 8;
const MATCH: i64 = 16;
const GAP_START: i64 = 3;
const GAP: i64 = 1;
const CASE: i64 = 2;

/// At least skim's score of any one-character word in any name: it scores one character by its place
/// alone, at most the largest bonus.
pub(super) const ONE_CHARACTER_BOUND: i64 = BOUND_BONUS;

/// [`bound`] on the ASCII name `read` (up to the span's last character), the span starting at `first`:
/// compared as written when `SENSITIVE`, else the name's letters lowercased (the word has no capital).
fn bound_run<const SENSITIVE: bool>(read: &[u8], first: usize, pattern: &[u8]) -> i64 {
    let fold = |c: u8| if SENSITIVE { c } else { c.to_ascii_lowercase() };
    // The look back: the offset in the span where the word's first character matched.
    let span = read.get(first..).unwrap_or_default();
    let mut want = pattern.len();
    let mut start = 0;
    for (idx, &c) in span.iter().enumerate().rev() {
        let Some(&p) = want.checked_sub(1).and_then(|w| pattern.get(w)) else {
            break;
        };
        if fold(c) == p {
            want -= 1;
            start = idx;
        }
    }
    // The scored run: from `start` as an offset in the name, until the word is complete.
    let mut score = 0;
    let mut next = 0;
    let mut in_gap = false;
    for &c in read.get(start..).unwrap_or_default() {
        let Some(&p) = pattern.get(next) else { break };
        if fold(c) == p {
            score += MATCH + if in_gap { 0 } else { BOUND_BONUS };
            if !SENSITIVE && c != p {
                score -= CASE;
            }
            in_gap = false;
            next += 1;
        } else {
            score -= if in_gap { GAP } else { GAP_START + GAP };
            in_gap = true;
        }
    }
    score
}

/// skim's character comparison.
fn same(a: char, b: char, sensitive: bool) -> bool {
    if sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use proptest::prelude::*;

    fn skim() -> SkimMatcherV2 {
        SkimMatcherV2::default().smart_case().element_limit(1)
    }

    fn ours(name: &str, word: &str) -> Option<i64> {
        let w = Word::new(word);
        score(
            &skim(),
            name,
            locate(name.as_bytes(), &w),
            &w,
            &mut Scratch::default(),
        )
    }

    #[test]
    fn scores_are_skims() {
        for (name, word) in [
            ("AlpaServe: Statistical Multiplexing", "alpsrv"),
            ("AlpaServe: Statistical Multiplexing", "e"),
            ("AlpaServe: Statistical Multiplexing", "S"),
            ("Große Übung — Écoles", "é"),
            ("Große Übung — Écoles", "übung"),
            ("ÉÉa", "a"),
            ("straggler straggler", "strag"),
            ("x", "xy"),
        ] {
            assert_eq!(
                ours(name, word),
                skim().fuzzy_match(name, word),
                "{name} / {word}"
            );
        }
    }

    #[test]
    fn the_quick_bound_is_skims_score_for_a_run_without_a_gap_and_lower_for_one_with_a_gap() {
        let quick = |name: &str, word: &str| {
            let w = Word::new(word);
            quick_bound(name.as_bytes(), locate(name.as_bytes(), &w), &w)
        };
        // The word starts the name and ends its leftmost occurrence: skim scores exactly that.
        for (name, word) in [
            ("Serving at Scale", "ser"),
            ("serving", "serv"),
            ("Sparse", "se"),
        ] {
            assert_eq!(
                Some(quick(name, word)),
                skim().fuzzy_match(name, word),
                "{name} / {word}"
            );
        }
        // Otherwise a gap: the bound drops by a gap and a bonus, and skim's score is below it.
        for (name, word) in [("Towards Serving", "ser"), ("A Serverless Cloud", "ser")] {
            assert_eq!(quick(name, word), 24 * 3 - 12, "{name} / {word}");
            assert!(skim().fuzzy_match(name, word).unwrap() <= quick(name, word));
        }
        // Characters that are not ASCII count as one each, as skim counts them.
        for (name, word) in [
            ("serving éé", "ser"),
            ("Sérving", "sr"),
            ("éServing", "ser"),
        ] {
            let s = skim().fuzzy_match(name, word).unwrap();
            assert!(s <= quick(name, word), "{name} / {word}: {s}");
        }
        assert_eq!(
            Some(quick("serving é", "ser")),
            skim().fuzzy_match("serving é", "ser")
        );
        // Words that are not ASCII are not bounded.
        assert_eq!(quick("Sérving", "sé"), i64::MAX);
    }

    #[test]
    fn a_span_grows_with_the_word() {
        let name = "Serverless scheduling for LLM serving";
        let mut w = String::from("s");
        let mut span = locate(name.as_bytes(), &Word::new(&w));
        for c in "erving".chars() {
            let prev_last = w.chars().last().unwrap();
            w.push(c);
            span = extend(name.as_bytes(), span, prev_last, &[c], false);
            assert_eq!(span, locate(name.as_bytes(), &Word::new(&w)), "{w}");
        }
        assert!(span.is_some());
        assert!(!extend(name.as_bytes(), span, 'g', &['z'], false).is_some());
    }

    proptest! {
        /// skim's score ≤ the bound ≤ the quick bound.
        #[test]
        fn the_quick_bound_is_at_least_the_bound_and_the_bound_at_least_skims_score(
            name in "[a-dA-D _:.\\-]{0,30}",
            word in "[a-dA-D]{1,5}",
        ) {
            let w = Word::new(&word);
            let span = locate(name.as_bytes(), &w);
            if let Some(s) = skim().fuzzy_match(&name, &word) {
                let b = bound(name.as_bytes(), span, &w);
                prop_assert!(b >= s, "{} >= {}", b, s);
                let q = quick_bound(name.as_bytes(), span, &w);
                prop_assert!(q >= b, "{} >= {}", q, b);
                prop_assert!(q >= s, "{} >= {}", q, s);
            }
        }

        /// On names that are not ASCII too (characters counted as skim counts them).
        #[test]
        fn the_window_bound_lies_between_skims_score_and_the_quick_bound(
            name in "[a-cA-C é-ü_:.\\-]{0,24}",
            word in "[a-cA-C]{1,4}",
        ) {
            let w = Word::new(&word);
            let span = locate(name.as_bytes(), &w);
            if let Some(s) = skim().fuzzy_match(&name, &word) {
                let b = window_bound(name.as_bytes(), span, &w, i64::MIN);
                prop_assert!(b >= s, "{} >= {}", b, s);
                // Told what it needs, it reads no further than it must, and says the same.
                let need = s - 3;
                let short = window_bound(name.as_bytes(), span, &w, need);
                prop_assert_eq!(short >= need, b >= need);
                prop_assert!(short >= s || short < need);
                let q = quick_bound(name.as_bytes(), span, &w);
                prop_assert!(b <= q, "{} <= {}", b, q);
                prop_assert!(q >= s, "{} >= {}", q, s);
            }
        }

        #[test]
        fn a_one_character_word_scores_at_most_its_bound(name in "[a-dA-D _:.\\-é]{0,12}", c in "[a-dA-D]") {
            if let Some(s) = skim().fuzzy_match(&name, &c) {
                prop_assert!(s <= ONE_CHARACTER_BOUND, "{} <= {}", s, ONE_CHARACTER_BOUND);
            }
        }

        #[test]
        fn the_same_names_and_scores_as_skim(
            name in "[a-cA-C é-ü_:.\\-]{0,24}",
            word in "[a-cA-Cé ]{1,4}",
        ) {
            prop_assert_eq!(ours(&name, &word), skim().fuzzy_match(&name, &word));
        }

        #[test]
        fn growing_a_span_equals_locating_from_nothing(
            name in "[a-cA-C éü]{0,24}",
            word in "[a-cé]{1,5}",
        ) {
            let chars: Vec<char> = word.chars().collect();
            let mut span = locate(name.as_bytes(), &Word::new(&chars[..1].iter().collect::<String>()));
            for k in 1..chars.len() {
                span = extend(name.as_bytes(), span, chars[k - 1], &chars[k..=k], false);
            }
            prop_assert_eq!(span, locate(name.as_bytes(), &Word::new(&word)));
        }
    }
}
