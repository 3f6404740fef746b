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
            memchr::memchr2(b.to_ascii_lowercase(), b.to_ascii_uppercase(), hay)
        } else {
            memchr::memchr(b, hay)
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

/// At least skim's score of any one-character word in any name: it scores one character by its place
/// alone, at most the largest bonus.
pub(super) const ONE_CHARACTER_BOUND: i64 = BOUND_BONUS;

/// [`bound`] on the ASCII name `read` (up to the span's last character), the span starting at `first`:
/// compared as written when `SENSITIVE`, else the name's letters lowercased (the word has no capital).
fn bound_run<const SENSITIVE: bool>(read: &[u8], first: usize, pattern: &[u8]) -> i64 {
    const MATCH: i64 = 16;
    const GAP_START: i64 = 3;
    const GAP: i64 = 1;
    const CASE: i64 = 2;
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
        #[test]
        fn the_bound_is_at_least_skims_score(
            name in "[a-dA-D _:.\\-]{0,30}",
            word in "[a-dA-D]{1,5}",
        ) {
            let w = Word::new(&word);
            let span = locate(name.as_bytes(), &w);
            if let Some(s) = skim().fuzzy_match(&name, &word) {
                let b = bound(name.as_bytes(), span, &w);
                prop_assert!(b >= s, "{} >= {}", b, s);
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
