//! Many strings in one buffer, each by its number: a search reads the names of 100,000 papers in a few
//! milliseconds when they lie one after another in memory, not when each is its own allocation.

/// Strings pushed one after another, each found by its number.
#[derive(Debug, Default)]
pub(super) struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    pub(super) fn with_capacity(strings: usize, bytes: usize) -> Strings {
        Strings {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
        }
    }

    pub(super) fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// The `i`th string ("" past the end).
    pub(super) fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        // Both ends are where a pushed string ended: boundaries of `text`.
        self.text.get(start..end).unwrap_or("")
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_by_its_number() {
        let mut s = Strings::default();
        for w in ["owl", "", "é✓", "x"] {
            s.push(w);
        }
        assert_eq!(
            (0..5).map(|i| s.get(i)).collect::<Vec<_>>(),
            ["owl", "", "é✓", "x", ""]
        );
    }
}
