//! Text matched as written (`"a phrase"`, `'word`, `-word`), smart case, compiled once per search.
//! Accents are folded on both sides ([`super::fold`]): `'zurich` finds `Zürich`, as in fzf's exact match.

use aho_corasick::AhoCorasick;

use super::fold::fold;
use super::query::case_sensitive;

/// Text matched as written, smart case, compiled once per search.
#[derive(Debug, Clone)]
pub(crate) struct Needle {
    text: String,
    how: How,
}

#[derive(Debug, Clone)]
enum How {
    /// With case (a capital letter in it), or it has no letters with case (CJK, digits).
    Exact,
    /// ASCII without case: a fast searcher, and the text lowercased (for short haystacks).
    Ascii(AhoCorasick, Box<[u8]>),
    /// Other letters without case: compared character by character, lowercased.
    Folded(Vec<char>),
}

impl Needle {
    pub(crate) fn new(text: &str) -> Needle {
        let text = &*fold(text);
        let cased = text.chars().any(|c| c.is_lowercase() || c.is_uppercase());
        let how = if case_sensitive(text) || !cased {
            How::Exact
        } else if text.is_ascii() {
            match AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([text])
            {
                Ok(ac) => How::Ascii(ac, text.to_ascii_lowercase().into_bytes().into()),
                // A pattern this small always builds; were it not to, fall back to the slow path.
                Err(_) => How::Folded(text.chars().flat_map(char::to_lowercase).collect()),
            }
        } else {
            How::Folded(text.chars().flat_map(char::to_lowercase).collect())
        };
        Needle {
            text: text.to_string(),
            how,
        }
    }

    /// Does it occur in `hay`?
    pub(crate) fn is_in(&self, hay: &str) -> bool {
        let hay = &*fold(hay);
        match &self.how {
            How::Exact => hay.contains(self.text.as_str()),
            How::Ascii(_, lower) if hay.len() <= SHORT => contains_folded(hay.as_bytes(), lower),
            How::Ascii(ac, _) => ac.is_match(hay),
            How::Folded(_) => self.find(hay).is_some(),
        }
    }

    /// The byte range of its first occurrence in `hay`.
    fn find(&self, hay: &str) -> Option<std::ops::Range<usize>> {
        match &self.how {
            How::Exact => hay.find(self.text.as_str()).map(|i| i..i + self.text.len()),
            How::Ascii(ac, _) => ac.find(hay).map(|m| m.range()),
            How::Folded(needle) => {
                // Each lowercased character with the byte range of the character it came from.
                let mut folded: Vec<(char, usize, usize)> = Vec::new();
                for (i, c) in hay.char_indices() {
                    folded.extend(c.to_lowercase().map(|l| (l, i, i + c.len_utf8())));
                }
                if needle.is_empty() {
                    return Some(0..0);
                }
                folded
                    .windows(needle.len())
                    .find(|w| w.iter().zip(needle).all(|(a, b)| a.0 == *b))
                    .map(|w| w[0].1..w[w.len() - 1].2)
            }
        }
    }

    /// The byte ranges of its occurrences in `hay`, left to right, none overlapping.
    fn ranges(&self, hay: &str) -> Vec<std::ops::Range<usize>> {
        match &self.how {
            How::Exact if self.text.is_empty() => Vec::new(),
            How::Exact => (hay.match_indices(self.text.as_str()))
                .map(|(i, m)| i..i + m.len())
                .collect(),
            How::Ascii(ac, _) => ac.find_iter(hay).map(|m| m.range()).collect(),
            How::Folded(needle) => {
                let mut folded: Vec<(char, usize, usize)> = Vec::new();
                for (i, c) in hay.char_indices() {
                    folded.extend(c.to_lowercase().map(|l| (l, i, i + c.len_utf8())));
                }
                let mut out: Vec<std::ops::Range<usize>> = Vec::new();
                if needle.is_empty() {
                    return out;
                }
                let mut at = 0;
                while let Some(w) = folded.get(at..at + needle.len()) {
                    if w.iter().zip(needle).all(|(a, b)| a.0 == *b) {
                        out.push(w[0].1..w[w.len() - 1].2);
                        at += needle.len();
                    } else {
                        at += 1;
                    }
                }
                out
            }
        }
    }

    /// Character positions of its occurrences in `hay` (every one), for highlighting.
    pub(crate) fn positions(&self, hay: &str) -> Vec<usize> {
        // Folding keeps every character's position (see `fold`).
        let hay = &*fold(hay);
        let ranges = self.ranges(hay);
        if ranges.is_empty() {
            return Vec::new();
        }
        let mut next = ranges.iter().peekable();
        let mut out = Vec::new();
        for (i, (b, _)) in hay.char_indices().enumerate() {
            while next.peek().is_some_and(|r| r.end <= b) {
                next.next();
            }
            if next.peek().is_some_and(|r| r.contains(&b)) {
                out.push(i);
            }
        }
        out
    }
}

/// Haystacks up to this long (a title, a name, a breadcrumb) are searched by [`contains_folded`]: the
/// searcher's set-up costs more than reading them.
const SHORT: usize = 256;

/// Does `lower` (ASCII, lowercase, not empty) occur in `hay` with ASCII case ignored? Each place its first
/// letter occurs (either case, found by memchr) is compared.
fn contains_folded(hay: &[u8], lower: &[u8]) -> bool {
    let Some((&first, rest)) = lower.split_first() else {
        return true;
    };
    let last_start = match hay.len().checked_sub(lower.len()) {
        Some(n) => n,
        None => return false,
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay)
        .take_while(|&i| i <= last_start)
        .any(|i| {
            hay.get(i + 1..i + lower.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(rest))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_match_as_written_with_smart_case() {
        let n = Needle::new("model serving");
        assert!(n.is_in("Fast Model Serving for all"));
        assert!(!n.is_in("model-serving"));
        assert_eq!(n.find("a MODEL SERVING"), Some(2..15));
        let n = Needle::new("LLM");
        assert!(n.is_in("LLM serving"));
        assert!(!n.is_in("llm serving"));
        let n = Needle::new("café");
        assert!(n.is_in("Le CAFÉ noir"));
        assert_eq!(n.positions("Le CAFÉ noir"), vec![3, 4, 5, 6]);
        // Accents are folded on both sides.
        assert!(n.is_in("cafe"));
        assert!(Needle::new("cafe").is_in("Le CAFÉ noir"));
        assert_eq!(
            Needle::new("zurich").positions("ETH Zürich"),
            vec![4, 5, 6, 7, 8, 9]
        );
        assert!(!Needle::new("Zurich").is_in("ETH zürich"));
        let n = Needle::new("博士");
        assert!(n.is_in("读博士"));
        assert_eq!(n.positions("读博士"), vec![1, 2]);
        assert_eq!(Needle::new("kv").positions("A KV cache"), vec![2, 3]);
        // Every occurrence, in each way of matching.
        assert_eq!(Needle::new("kv").positions("kv, KV"), vec![0, 1, 4, 5]);
        assert_eq!(Needle::new("KV").positions("KV, kv, KV"), vec![0, 1, 8, 9]);
        assert_eq!(Needle::new("é").positions("éÉ"), vec![0, 1]);
        assert_eq!(Needle::new("aa").positions("aaa"), vec![0, 1]);
        // At either end of a short haystack, and one letter short of it.
        let n = Needle::new("llm");
        assert!(n.is_in("Fast LLM"));
        assert!(n.is_in("llm serving"));
        assert!(!n.is_in("Fast LL"));
        assert!(!n.is_in("lm"));
    }

    proptest::proptest! {
        /// Short and long haystacks take two paths; both say what the searcher says. The letters are
        /// few so that matches are common; `é` puts bytes that are not ASCII around them.
        #[test]
        fn short_and_long_haystacks_agree_with_the_searcher(
            needle in "[a-cA-C1 -]{1,4}",
            hay in "[a-cA-Cé1 -]{0,40}",
            repeat in 1usize..12,
        ) {
            let lower = needle.to_ascii_lowercase();
            let n = Needle::new(&lower);
            let searcher = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([&lower])
                .unwrap();
            // Up to 480 bytes: below and above SHORT.
            let hay = hay.repeat(repeat);
            proptest::prop_assert_eq!(n.is_in(&hay), searcher.is_match(&hay));
            proptest::prop_assert_eq!(contains_folded(hay.as_bytes(), lower.as_bytes()), searcher.is_match(&hay));
        }
    }
}
