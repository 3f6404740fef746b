//! Many strings in one buffer, each by its number: a search reads the names of 100,000 papers in a few
//! milliseconds when they lie one after another in memory, not when each is its own allocation. The
//! strings an index was built with are shared by every index updated from it ([`Strings::updated`]);
//! the strings of a reload's changed documents follow them.

use std::sync::Arc;

/// Strings one after another in one buffer.
#[derive(Debug, Default, Clone)]
struct Buffer {
    text: String,
    /// Where each string ends in `text` (four bytes each: a buffer holds names, far below 4 GiB).
    ends: Vec<u32>,
}

impl Buffer {
    fn range(&self, i: usize) -> Option<(usize, usize)> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0) as usize,
            None => 0,
        };
        Some((start, end))
    }

    fn get(&self, i: usize) -> Option<&str> {
        let (start, end) = self.range(i)?;
        // Both ends are where a pushed string ended: boundaries of `text`.
        self.text.get(start..end)
    }

    fn bytes(&self, i: usize) -> Option<&[u8]> {
        let (start, end) = self.range(i)?;
        self.text.as_bytes().get(start..end)
    }
}

/// Strings by number: those of the first build (shared), then those pushed since.
#[derive(Debug, Default)]
pub(super) struct Strings {
    base: Arc<Buffer>,
    more: Buffer,
}

impl Strings {
    /// The first `keep` strings of this one (sharing the first build's), then `more`.
    pub(super) fn updated<'a>(
        &self,
        keep: usize,
        more: impl IntoIterator<Item = &'a str>,
    ) -> Strings {
        let mut out = Strings {
            base: self.base.clone(),
            more: Buffer::default(),
        };
        for i in self.base.ends.len()..keep {
            out.push(self.get(i));
        }
        for s in more {
            out.push(s);
        }
        out
    }

    /// These strings with the ones pushed since made the shared part (for a first build).
    pub(super) fn sealed(self) -> Strings {
        if !self.base.ends.is_empty() {
            return self;
        }
        let mut more = self.more;
        more.text.shrink_to_fit();
        more.ends.shrink_to_fit();
        Strings {
            base: Arc::new(more),
            more: Buffer::default(),
        }
    }

    /// Room for `count` more strings of `bytes` bytes in all, so that a build whose sizes are known
    /// does not grow its buffer by doubling (and copy it once more when sealed).
    pub(super) fn reserve(&mut self, count: usize, bytes: usize) {
        self.more.text.reserve_exact(bytes);
        self.more.ends.reserve_exact(count);
    }

    /// Adds `s` as the next string; past 4 GiB of names, an empty one instead.
    pub(super) fn push(&mut self, s: &str) {
        let more = &mut self.more;
        match u32::try_from(more.text.len() + s.len()) {
            Ok(end) => {
                more.text.push_str(s);
                more.ends.push(end);
            }
            Err(_) => more.ends.push(more.text.len() as u32),
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.base.ends.len() + self.more.ends.len()
    }

    /// The `i`th string's bytes (none past the end): what matching reads, without the checks of
    /// character boundaries a `str` needs.
    pub(super) fn bytes(&self, i: usize) -> &[u8] {
        match i.checked_sub(self.base.ends.len()) {
            None => self.base.bytes(i),
            Some(j) => self.more.bytes(j),
        }
        .unwrap_or_default()
    }

    /// The `i`th string ("" past the end).
    pub(super) fn get(&self, i: usize) -> &str {
        match i.checked_sub(self.base.ends.len()) {
            None => self.base.get(i),
            Some(j) => self.more.get(j),
        }
        .unwrap_or("")
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
        let s = s.sealed();
        assert_eq!(
            (0..5).map(|i| s.get(i)).collect::<Vec<_>>(),
            ["owl", "", "é✓", "x", ""]
        );
        let u = s.updated(4, ["new"]);
        assert!(
            Arc::ptr_eq(&s.base, &u.base),
            "the first build's are shared"
        );
        assert_eq!(u.len(), 5);
        assert_eq!((u.get(3), u.get(4)), ("x", "new"));
        let v = u.updated(5, ["more"]);
        assert_eq!((v.get(4), v.get(5), v.len()), ("new", "more", 6));
    }
}
