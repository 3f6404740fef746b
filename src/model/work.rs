//! One paper, many places: a paper listed in a topic list and in a conference's notes is one **work**.
//!
//! Papers whose titles fold to the same key are one work. The key is the title's words, Unicode-normalised
//! (NFKC), lower-cased and joined by `-`: white space, case, Unicode form and punctuation do not matter
//! (`AlpaServe: Statistical Multiplexing` and `alpaserve - statistical  multiplexing` are one work). A
//! trailing venue is not part of a title (the loader strips it), so the same paper listed with its venue
//! in one file and without it in another is still one work. The key depends on the title alone, never on
//! what else is loaded, so bookmarks and read marks can be kept by it.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::{Library, Link, Note, Paper, PaperRef};

/// Keys are cut after this many letters and digits (a title that long is one paper whatever follows).
const MAX_KEY_CHARS: usize = 160;

/// The work key of a title: `alpaserve-statistical-multiplexing-with-model-parallelism-…`. Empty when the
/// title has no letter or digit.
pub fn key(title: &str) -> String {
    if title.is_ascii() {
        return key_ascii(title);
    }
    let normalized: Cow<str> = if is_nfkc_quick(title.chars()) == IsNormalized::Yes {
        Cow::Borrowed(title)
    } else {
        Cow::Owned(title.nfkc().collect())
    };
    key_chars(&normalized)
}

/// [`key`] of a title already in NFKC, character by character.
fn key_chars(normalized: &str) -> String {
    let mut out = String::with_capacity(normalized.len());
    let mut chars = 0;
    let mut gap = false;
    for c in normalized.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
            chars += 1;
            if chars >= MAX_KEY_CHARS {
                break;
            }
        } else if c != '\'' && c != '’' {
            // "Google's" and "Google’s" read as "googles"; anything else separates words.
            gap = true;
        }
    }
    out
}

/// [`key_chars`] of an ASCII title (which NFKC leaves as it is), byte by byte: most titles, read for
/// every paper at each load.
fn key_ascii(title: &str) -> String {
    let mut out = Vec::with_capacity(title.len());
    let mut chars = 0;
    let mut gap = false;
    for &b in title.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(b'-');
            }
            gap = false;
            out.push(b.to_ascii_lowercase());
            chars += 1;
            if chars >= MAX_KEY_CHARS {
                break;
            }
        } else if b != b'\'' {
            gap = true;
        }
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// The key of the work `p` belongs to: its title's [`key`], or for a title without a letter or digit the
/// paper's id (such a paper is a work of its own).
pub fn key_of_paper(p: &Paper) -> String {
    let k = key(&p.title);
    if k.is_empty() {
        p.id.to_string()
    } else {
        k
    }
}

/// How much a place says about its paper: links plus takeaways (nested ones included).
fn fullness(p: &Paper) -> usize {
    let mut n = p.links.len();
    let mut stack: Vec<&Note> = p.takeaways.iter().collect();
    while let Some(t) = stack.pop() {
        n += 1;
        stack.extend(t.children.iter());
    }
    n
}

/// Every work of a library and where it is listed. Derived from the library (like the search index):
/// built with it, and updated for the changed documents after a reload ([`Works::updated`]).
#[derive(Debug, Clone, Default)]
pub struct Works {
    /// Per work: its key (shared with the works a reload makes from these).
    keys: Vec<Arc<str>>,
    /// A hash of each key ([`hash_key`]) → its work, to find a work by its key.
    by_hash: FxHashMap<u64, u32>,
    /// Two keys have the same hash: [`Works::find`] looks through them all.
    hashes_collide: bool,
    /// Per work: the place that says the most (most links and takeaways; the first on a tie), and how
    /// much it says ([`fullness`]).
    fullest: Vec<(PaperRef, u32)>,
    /// Per work: where its places start in `places` (one more entry at the end).
    starts: Vec<u32>,
    /// Places grouped by work, each group in library order.
    places: Vec<PaperRef>,
    /// Per document, per paper: its work.
    of: Vec<Vec<u32>>,
}

/// After a reload: per work, its fullest place when that is still right; per document, whether it
/// changed.
type Kept<'a> = (&'a [Option<(PaperRef, u32)>], &'a [bool]);

fn hash_key(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

impl Works {
    pub fn new(lib: &Library) -> Works {
        use rayon::prelude::*;
        // The keys, a document per task; then numbered in library order.
        let keyed: Vec<Vec<String>> = (lib.documents.par_iter())
            .map(|doc| doc.papers.iter().map(key_of_paper).collect())
            .collect();
        let mut index: FxHashMap<Arc<str>, u32> =
            FxHashMap::with_capacity_and_hasher(lib.paper_count(), Default::default());
        let mut keys: Vec<Arc<str>> = Vec::new();
        let of = (keyed.into_iter())
            .map(|doc| {
                (doc.into_iter())
                    .map(|k| match index.get(k.as_str()) {
                        Some(&w) => w,
                        None => {
                            let k: Arc<str> = k.into();
                            keys.push(Arc::clone(&k));
                            let w = (keys.len() - 1) as u32;
                            index.insert(k, w);
                            w
                        }
                    })
                    .collect()
            })
            .collect();
        drop(index);
        Works::assemble(lib, keys, of, None)
    }

    /// The works of `lib`, where the documents at the indices in `changed` are new or changed and every
    /// other document is the same as in the library `self` was built for, at the same index. The same
    /// as [`Works::new`], but only the changed documents' papers are read: the others keep their works
    /// (renumbered in order of first place, as [`Works::new`] numbers them) and their fullest places.
    pub fn updated(&self, lib: &Library, changed: &[usize]) -> Works {
        if self.hashes_collide || self.of.len() != lib.documents.len() {
            return Works::new(lib);
        }
        let mut is_changed = vec![false; lib.documents.len()];
        for &d in changed {
            if let Some(c) = is_changed.get_mut(d) {
                *c = true;
            }
        }
        // Each paper's work as a number: one of `self` (the same key), or past them, a key new here.
        let old = self.keys.len() as u32;
        let mut added: Vec<Arc<str>> = Vec::new();
        let mut added_index: FxHashMap<Arc<str>, u32> = FxHashMap::default();
        let mut same: Vec<Vec<u32>> = Vec::with_capacity(lib.documents.len());
        for (d, doc) in lib.documents.iter().enumerate() {
            if !is_changed[d] {
                same.push(self.of[d].clone());
                continue;
            }
            let works = (doc.papers.iter()).map(|p| {
                let k = key_of_paper(p);
                if let Some(w) = self.find(&k) {
                    return w as u32;
                }
                let k: Arc<str> = k.into();
                *added_index.entry(k).or_insert_with_key(|k| {
                    added.push(Arc::clone(k));
                    old + added.len() as u32 - 1
                })
            });
            same.push(works.collect());
        }
        // Numbered by first place, as `new` numbers them.
        let mut number = vec![u32::MAX; old as usize + added.len()];
        let mut keys: Vec<Arc<str>> = Vec::with_capacity(self.keys.len() + added.len());
        let mut from: Vec<u32> = Vec::with_capacity(keys.capacity());
        for works in &mut same {
            for w in works.iter_mut() {
                let n = &mut number[*w as usize];
                if *n == u32::MAX {
                    *n = keys.len() as u32;
                    keys.push(match w.checked_sub(old) {
                        Some(a) => Arc::clone(&added[a as usize]),
                        None => Arc::clone(&self.keys[*w as usize]),
                    });
                    from.push(*w);
                }
                *w = *n;
            }
        }
        // A fullest place of an unchanged document is still one; the changed documents' places are
        // weighed below.
        let kept: Vec<Option<(PaperRef, u32)>> = (from.iter())
            .map(|&w| {
                let (r, f) = *self.fullest.get(w as usize)?;
                (!is_changed[r.doc]).then_some((r, f))
            })
            .collect();
        let mut works = Works::assemble(lib, keys, same, Some((&kept, &is_changed)));
        // The hashes of the keys kept, renumbered, and of the new ones.
        works.by_hash = FxHashMap::with_capacity_and_hasher(works.keys.len(), Default::default());
        for (&h, &w) in &self.by_hash {
            if let Some(&n) = number.get(w as usize).filter(|&&n| n != u32::MAX) {
                works.by_hash.insert(h, n);
            }
        }
        for (a, k) in added.iter().enumerate() {
            if let Some(&n) = number.get(old as usize + a).filter(|&&n| n != u32::MAX) {
                works.hashes_collide |= works.by_hash.insert(hash_key(k), n).is_some();
            }
        }
        works
    }

    /// The work whose key is `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        let w = *self.by_hash.get(&hash_key(key))? as usize;
        if self.key(w) == key {
            return Some(w);
        }
        if self.hashes_collide {
            return self.keys.iter().position(|k| **k == *key);
        }
        None
    }

    /// The works of `lib` from their keys and each paper's work. With `kept` (per work, a fullest place
    /// still right, if any) only the places of the documents marked changed, and the works without a
    /// place kept, are weighed; without it, every place.
    fn assemble(
        lib: &Library,
        keys: Vec<Arc<str>>,
        of: Vec<Vec<u32>>,
        kept: Option<Kept<'_>>,
    ) -> Works {
        let mut counts = vec![0u32; keys.len()];
        for &w in of.iter().flatten() {
            counts[w as usize] += 1;
        }
        let mut starts = Vec::with_capacity(keys.len() + 1);
        let mut total = 0u32;
        for c in &counts {
            starts.push(total);
            total += c;
        }
        starts.push(total);
        let mut fill = counts;
        fill.copy_from_slice(&starts[..keys.len()]);
        let mut places = vec![PaperRef { doc: 0, paper: 0 }; total as usize];
        for (d, works) in of.iter().enumerate() {
            for (paper, &w) in works.iter().enumerate() {
                places[fill[w as usize] as usize] = PaperRef { doc: d, paper };
                fill[w as usize] += 1;
            }
        }
        let weigh = |r: PaperRef| lib.paper(r).map_or(0, |p| fullness(p) as u32);
        // The first place that says the most, in library order.
        let better = |f: u32, r: PaperRef, best: Option<(PaperRef, u32)>| {
            best.is_none_or(|(br, bf)| f > bf || (f == bf && r < br))
        };
        let mut fullest: Vec<Option<(PaperRef, u32)>> = match kept {
            Some((kept, _)) => kept.to_vec(),
            None => vec![None; keys.len()],
        };
        for (w, best) in fullest.iter_mut().enumerate() {
            let changed_only = kept.is_some() && best.is_some();
            let (a, b) = (starts[w] as usize, starts[w + 1] as usize);
            for &r in places.get(a..b).unwrap_or_default() {
                if changed_only && !kept.is_some_and(|(_, c)| c[r.doc]) {
                    continue;
                }
                let f = weigh(r);
                if better(f, r, *best) {
                    *best = Some((r, f));
                }
            }
        }
        let mut by_hash = FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
        let mut hashes_collide = false;
        if kept.is_none() {
            for (w, k) in keys.iter().enumerate() {
                hashes_collide |= by_hash.insert(hash_key(k), w as u32).is_some();
            }
        }
        Works {
            keys,
            by_hash,
            hashes_collide,
            fullest: (fullest.into_iter())
                .map(|f| f.unwrap_or((PaperRef { doc: 0, paper: 0 }, 0)))
                .collect(),
            starts,
            places,
            of,
        }
    }

    /// Number of works.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The work a paper belongs to.
    pub fn work_of(&self, r: PaperRef) -> Option<usize> {
        self.of.get(r.doc)?.get(r.paper).map(|&w| w as usize)
    }

    /// The key of work `w` (empty for an unknown work).
    pub fn key(&self, w: usize) -> &str {
        self.keys.get(w).map_or("", |k| k)
    }

    /// The key of the work a paper belongs to.
    pub fn key_of(&self, r: PaperRef) -> Option<&str> {
        self.work_of(r).map(|w| self.key(w))
    }

    /// Where work `w` is listed, in library order.
    pub fn places(&self, w: usize) -> &[PaperRef] {
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.places[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Where the paper's work is listed (the paper among them), in library order.
    pub fn places_of(&self, r: PaperRef) -> &[PaperRef] {
        self.work_of(r).map_or(&[], |w| self.places(w))
    }

    /// The place of work `w` that says the most: most links and takeaways, the first in library order on
    /// a tie. What the palette and `--filter` show for the work.
    pub fn fullest(&self, w: usize) -> Option<PaperRef> {
        self.fullest.get(w).map(|&(r, _)| r)
    }

    /// Each work once, in the order of its first place among `refs` (a ranking, best first): the position
    /// of that first place in `refs`, and the fullest of its places *among `refs`* (the first of them on
    /// a tie) — for results where each place matched on its own (`has:code`, `in:osdi`), the place shown
    /// is one that matched, in the palette as in `--filter`.
    pub fn once(&self, lib: &Library, refs: &[PaperRef]) -> Vec<(usize, PaperRef)> {
        let mut at: Vec<Option<usize>> = vec![None; self.len()];
        let mut out: Vec<(usize, PaperRef, usize)> = Vec::new();
        for (i, &r) in refs.iter().enumerate() {
            let f = lib.paper(r).map_or(0, fullness);
            match self.work_of(r) {
                Some(w) => match at[w] {
                    Some(k) => {
                        if f > out[k].2 {
                            out[k].1 = r;
                            out[k].2 = f;
                        }
                    }
                    None => {
                        at[w] = Some(out.len());
                        out.push((i, r, f));
                    }
                },
                None => out.push((i, r, f)),
            }
        }
        out.into_iter().map(|(i, r, _)| (i, r)).collect()
    }

    /// [`Works::once`] without the positions.
    pub fn once_among(&self, lib: &Library, refs: &[PaperRef]) -> Vec<PaperRef> {
        self.once(lib, refs).into_iter().map(|(_, r)| r).collect()
    }

    /// The links of every place of the paper's work, the paper's own first, then the other places' in
    /// library order; one per URL (a local link: one per file it points to).
    pub fn links<'a>(&self, lib: &'a Library, r: PaperRef) -> Vec<&'a Link> {
        let mut out: Vec<&Link> = Vec::new();
        let others = self.places_of(r).iter().filter(|&&o| o != r);
        for place in std::iter::once(&r).chain(others) {
            let Some(p) = lib.paper(*place) else { continue };
            for l in &p.links {
                let same = |o: &&Link| match (&o.target, &l.target) {
                    (Some(a), Some(b)) => a == b,
                    _ => o.url == l.url,
                };
                if !out.iter().any(same) {
                    out.push(l);
                }
            }
        }
        out
    }
}

/// Mark keys as the state file keeps them, as work keys: a paper id (how earlier versions kept marks)
/// becomes its work's key when that paper is loaded; every key is kept as well, so marks of works not
/// loaded now survive.
pub fn mark_keys<'a>(
    lib: &Library,
    works: &Works,
    keys: impl IntoIterator<Item = &'a String>,
) -> std::collections::HashSet<String> {
    let mut out: std::collections::HashSet<String> = keys.into_iter().cloned().collect();
    if out.is_empty() {
        return out;
    }
    let legacy: Vec<String> = lib
        .papers()
        .filter(|(_, p)| out.contains(&*p.id))
        .filter_map(|(r, _)| works.key_of(r).map(str::to_string))
        .collect();
    out.extend(legacy);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document};

    fn paper(title: &str, links: &[&str]) -> Paper {
        Paper {
            id: Box::default(),
            title: title.into(),
            venue: None,
            authors: None,
            topics: std::sync::Arc::from(Vec::<String>::new()),
            line: 1,
            links: links
                .iter()
                .map(|u| Link {
                    label: "Paper".into(),
                    url: (*u).into(),
                    target: None,
                    kind: crate::model::LinkKind::Paper,
                })
                .collect(),
            affiliations: Box::default(),
            takeaways: Box::default(),
            shape: Default::default(),
        }
    }

    fn doc(papers: Vec<Paper>) -> Document {
        Document {
            source: "x.md".into(),
            path: None,
            title: "X".into(),
            kind: DocKind::List,
            id_bases: Default::default(),
            meta: Vec::new(),
            tree: Vec::new(),
            papers,
            body: Vec::new(),
            description: None,
        }
    }

    #[test]
    fn keys_fold_case_unicode_form_white_space_and_punctuation() {
        let k = key("AlpaServe: Statistical Multiplexing");
        assert_eq!(k, "alpaserve-statistical-multiplexing");
        assert_eq!(key("alpaserve  statistical\tmultiplexing"), k);
        assert_eq!(key("ALPASERVE — Statistical Multiplexing."), k);
        // Full-width letters and a decomposed accent are the same title in NFKC.
        assert_eq!(key("ＡｌｐａＳｅｒｖｅ Statistical Multiplexing"), k);
        assert_eq!(key("Cafe\u{301} Systems"), key("Café systems"));
        assert_eq!(key("Google’s TPU"), key("Google's TPU"));
        assert_eq!(key("博士这五年"), "博士这五年");
        assert_eq!(key("🔥 !!"), "");
        assert_ne!(key("Orion: GPU sharing"), key("Orion: GPU scheduling"));
    }

    proptest::proptest! {
        /// An ASCII title's key, byte by byte, is the key character by character.
        #[test]
        fn ascii_keys_are_the_keys_of_their_characters(title in "[\\x00-\\x7f]{0,200}") {
            proptest::prop_assert_eq!(key_ascii(&title), key_chars(&title));
        }
    }

    #[test]
    fn places_fullest_and_links() {
        let mut lib = Library::default();
        lib.documents.push(doc(vec![
            paper("Alpha Serve", &["https://a/1"]),
            paper("Beta", &["https://b"]),
        ]));
        lib.documents.push(doc(vec![
            paper("alpha  serve", &["https://a/1", "https://a/2"]),
            paper("Untitled 🔥", &[]),
        ]));
        for i in 0..lib.documents.len() {
            for (j, p) in lib.documents.make_mut(i).papers.iter_mut().enumerate() {
                p.id = format!("d{i}/p{j}").into();
            }
        }
        let w = Works::new(&lib);
        assert_eq!(w.len(), 3);
        let a0 = PaperRef { doc: 0, paper: 0 };
        let a1 = PaperRef { doc: 1, paper: 0 };
        assert_eq!(w.work_of(a0), w.work_of(a1));
        assert_eq!(w.key_of(a1), Some("alpha-serve"));
        assert_eq!(w.places_of(a1), &[a0, a1]);
        // The second place has more links: it is the fullest.
        assert_eq!(w.fullest(w.work_of(a0).unwrap()), Some(a1));
        // Ranked a1, beta, a0: each work once, shown by its fullest place.
        let b = PaperRef { doc: 0, paper: 1 };
        assert_eq!(w.once(&lib, &[a1, b, a0]), vec![(0, a1), (1, b)]);
        // a0 alone of its work: it shows the work, at its own rank.
        assert_eq!(w.once(&lib, &[b, a0]), vec![(0, b), (1, a0)]);
        // Links of all places, the selected place's first, one per URL.
        let urls: Vec<&str> = w.links(&lib, a0).iter().map(|l| &*l.url).collect();
        assert_eq!(urls, vec!["https://a/1", "https://a/2"]);
        assert_eq!(w.places_of(b), &[b]);
        // Among matching places only: a0 alone matched, so a0 shows the work.
        assert_eq!(w.once_among(&lib, &[a0, b]), vec![a0, b]);
        assert_eq!(w.once_among(&lib, &[b, a0, a1]), vec![b, a1]);
        // Marks kept by paper id become the work's key; other keys stay.
        let keys = ["d0/p0".to_string(), "gone".to_string()];
        let marks = mark_keys(&lib, &w, keys.iter());
        assert!(marks.contains("alpha-serve") && marks.contains("gone") && marks.contains("d0/p0"));
    }

    #[test]
    fn ties_go_to_the_first_place() {
        let mut lib = Library::default();
        lib.documents.push(doc(vec![paper("Same", &["https://1"])]));
        lib.documents.push(doc(vec![paper("Same", &["https://2"])]));
        let w = Works::new(&lib);
        assert_eq!(w.fullest(0), Some(PaperRef { doc: 0, paper: 0 }));
    }
}
