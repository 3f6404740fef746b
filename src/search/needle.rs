//! Text matched as written (`"a phrase"`, `'word`, `-word`), smart case, compiled once per search.

use aho_corasick::AhoCorasick;

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
    /// ASCII without case: a fast searcher.
    Ascii(AhoCorasick),
    /// Other letters without case: compared character by character, lowercased.
    Folded(Vec<char>),
}

impl Needle {
    pub(crate) fn new(text: &str) -> Needle {
        let cased = text.chars().any(|c| c.is_lowercase() || c.is_uppercase());
        let how = if case_sensitive(text) || !cased {
            How::Exact
        } else if text.is_ascii() {
            match AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([text])
            {
                Ok(ac) => How::Ascii(ac),
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
        match &self.how {
            How::Exact => hay.contains(self.text.as_str()),
            How::Ascii(ac) => ac.is_match(hay),
            How::Folded(_) => self.find(hay).is_some(),
        }
    }

    /// The byte range of its first occurrence in `hay`.
    pub(crate) fn find(&self, hay: &str) -> Option<std::ops::Range<usize>> {
        match &self.how {
            How::Exact => hay.find(self.text.as_str()).map(|i| i..i + self.text.len()),
            How::Ascii(ac) => ac.find(hay).map(|m| m.range()),
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

    /// Character positions of its first occurrence in `hay`, for highlighting.
    pub(crate) fn positions(&self, hay: &str) -> Vec<usize> {
        let Some(r) = self.find(hay) else {
            return Vec::new();
        };
        hay.char_indices()
            .enumerate()
            .filter(|(_, (b, _))| r.contains(b))
            .map(|(i, _)| i)
            .collect()
    }
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
        assert!(!n.is_in("cafe"));
        let n = Needle::new("博士");
        assert!(n.is_in("读博士"));
        assert_eq!(n.positions("读博士"), vec![1, 2]);
        assert_eq!(Needle::new("kv").positions("A KV cache"), vec![2, 3]);
    }
}
