//! `--filter QUERY [--print-url LABEL]`: the search the browser uses, for scripts, in the query language
//! (see [`crate::search::query`]). A paper listed in several places (one work) is printed once, as the
//! fullest of its places that match, with the number of its places. With `--json`, the same papers in
//! `--json`'s paper shape. `is:` reads the marks in the state file.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use super::status;
use crate::model::work::{self, Works};
use crate::model::{Library, PaperRef};
use crate::search::{Index, KeyMarks, Marks, Query};
use crate::state::seen::{self, Seen};
use crate::text::sanitize;

/// Marks read from the state file (`$TAKEAWAY_STATE`, else the platform's data folder), as work keys.
pub struct StateMarks {
    works: Works,
    bookmarks: HashSet<String>,
    read: HashSet<String>,
    new: HashSet<String>,
}

impl Marks for StateMarks {
    fn bookmarked(&self, r: PaperRef) -> bool {
        self.keyed().bookmarked(r)
    }
    fn read(&self, r: PaperRef) -> bool {
        self.keyed().read(r)
    }
    fn is_new(&self, r: PaperRef) -> bool {
        self.keyed().is_new(r)
    }
}

impl StateMarks {
    fn keyed(&self) -> KeyMarks<'_> {
        KeyMarks {
            works: &self.works,
            bookmarks: &self.bookmarks,
            read: &self.read,
            new: &self.new,
        }
    }
}

/// The marks in the state file, without changing it, and the works new since the browser last ended on
/// the library of `paths` (none when it never did). An error names the file and what is wrong.
pub fn state_marks(lib: &Library, paths: &[PathBuf]) -> Result<StateMarks, String> {
    let state_path = crate::config::state_path();
    let state = match &state_path {
        Some(p) => {
            crate::state::peek(p).map_err(|e| format!("cannot read the marks for is: ({e})"))?
        }
        None => Default::default(),
    };
    let works = Works::new(lib);
    let seen = match &state_path {
        Some(p) => Seen::load(&seen::path(p, paths))
            .map_err(|e| format!("cannot read the works seen last time for is:new ({e})"))?,
        None => None,
    };
    let new = match seen {
        Some(seen) => (0..works.len())
            .map(|w| works.key(w))
            .filter(|k| !seen.contains(k))
            .map(str::to_string)
            .collect(),
        None => HashSet::new(),
    };
    Ok(StateMarks {
        new,
        bookmarks: work::mark_keys(lib, &works, state.bookmarks.keys()),
        read: work::mark_keys(lib, &works, state.read.keys()),
        works,
    })
}

/// The papers that match, best first, each work once (the fullest of its matching places).
pub fn matching(lib: &Library, query: &Query, marks: &dyn Marks) -> (Works, Vec<PaperRef>) {
    // Side by side, as the browser builds them: the index's own work leaves a core free at times.
    let (mut index, works) = rayon::join(|| Index::new(lib), || Works::new(lib));
    index.link_works(&works);
    let hits = index.find(query, marks);
    let refs: Vec<PaperRef> = hits.iter().map(|h| h.paper).collect();
    let found = works.once_among(lib, &refs);
    (works, found)
}

/// The schemes a link printed for a script may have (`allowed_schemes` in the configuration, as the
/// browser opens): a `javascript:` or `file:` link of an untrusted list is never handed to an opener.
pub struct Allowed<'a>(pub &'a [String]);

impl Allowed<'_> {
    fn scheme_of(url: &str) -> Option<&str> {
        let (scheme, _) = url.split_once(':')?;
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && (scheme.chars()).all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        is_scheme.then_some(scheme)
    }

    /// May a script be given this URL to open?
    fn url(&self, url: &str) -> bool {
        Self::scheme_of(url).is_some_and(|s| self.0.iter().any(|a| a.eq_ignore_ascii_case(s)))
    }
}

pub fn write(
    out: &mut impl Write,
    lib: &Library,
    query: &Query,
    text: &str,
    label: Option<&str>,
    allowed: &Allowed,
    marks: &dyn Marks,
) -> std::io::Result<u8> {
    let (works, found) = matching(lib, query, marks);
    let Some(&best) = found.first() else {
        eprintln!("takeaway: no paper matches {:?}", sanitize(text));
        return Ok(status::FOUND);
    };
    if let Some(label) = label {
        let Some(paper) = lib.paper(best) else {
            return Ok(status::FOUND);
        };
        // The links of all its places, its shown place's first: one labelled so, else the first of
        // that kind (`paper` finds `[arXiv](…)` and `[[pdf]](…)`, as the `p` key does).
        let links = works.links(lib, best);
        let kind = crate::model::LinkKind::parse(label.trim());
        let labelled = (links.iter()).filter(|l| l.label.trim().eq_ignore_ascii_case(label.trim()));
        let of_kind = links.iter().filter(|l| Some(l.kind) == kind);
        let mut wanted = labelled.chain(of_kind);
        return match wanted.clone().find(|l| allowed.url(&l.url)) {
            Some(l) => {
                writeln!(out, "{}", sanitize(&l.url))?;
                Ok(status::OK)
            }
            None => {
                match wanted.next() {
                    Some(l) => eprintln!(
                        "takeaway: {}'s {label} link is not printed: {} (only {} links are; see allowed_schemes in the configuration)",
                        sanitize(&paper.title),
                        sanitize(&l.url),
                        allowed.0.join(", ")
                    ),
                    None => eprintln!("takeaway: {} has no {label} link", sanitize(&paper.title)),
                }
                Ok(status::FOUND)
            }
        };
    }
    for &r in &found {
        let (Some(doc), Some(paper)) = (lib.documents.get(r.doc), lib.paper(r)) else {
            continue;
        };
        // The first link a script may open (an allowed scheme); else the first local one, as written
        // (a note's path); never a `javascript:` or `file:` link.
        let link = (paper.links.iter().find(|l| allowed.url(&l.url)))
            .or_else(|| (paper.links.iter()).find(|l| Allowed::scheme_of(&l.url).is_none()))
            .map(|l| &*l.url)
            .unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            sanitize(&paper.title),
            sanitize(&doc.title),
            sanitize(link),
            works.places_of(r).len()
        )?;
    }
    Ok(status::OK)
}

/// `--filter QUERY --json`: `{"papers": [...]}`, best first, each paper in `--json`'s shape
/// with its document's `source` and its work's number of `places`. Exit 1 when none matches.
pub fn write_json(
    out: &mut impl Write,
    lib: &Library,
    query: &Query,
    marks: &dyn Marks,
) -> std::io::Result<u8> {
    let (works, found) = matching(lib, query, marks);
    let papers: Vec<(PaperRef, usize)> = found
        .iter()
        .map(|&r| (r, works.places_of(r).len()))
        .collect();
    super::json::write_found(out, lib, &papers)?;
    Ok(if found.is_empty() {
        status::FOUND
    } else {
        status::OK
    })
}
