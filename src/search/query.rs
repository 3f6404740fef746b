//! The query language of the filter, the jump palette and `--filter`, parsed in one place.
//!
//! Space-separated parts, all of which must hold:
//!
//! | part | matches a paper when |
//! | --- | --- |
//! | `word` | it occurs fuzzily (skim, smart case) in the title, the document and topic path, the affiliations or the takeaways |
//! | `title:word`, `t:word` | … in the title |
//! | `aff:word`, `a:word` | … in the affiliations |
//! | `note:word` | … in the takeaways |
//! | `in:word` | it occurs as written in the document title, the sections and topics, or the venue |
//! | `year:2023`, `year:2022..2024` (also `2022..`, `..2024`) | the year of its venue, else of its document's title, is that or in that range |
//! | `has:paper` … `video`, `slides`, `code`, `artifact`, `note` | it has a link of that label (`note`: a local note page) |
//! | `is:bookmarked`, `is:read`, `is:unread` | its work is marked so |
//! | `"a phrase"`, `'word` | it occurs as written (not fuzzily; case-insensitive unless it has a capital) |
//! | `-part` | the part does not hold; `-word` and `-t:word` are matched as written, like fzf's `!word` |
//!
//! A scoped value may be quoted: `t:"model serving"`, `t:'kv`. A lowercase word before a colon that is
//! no field (`colour:red`) is an error naming it and listing the fields; other text with a colon
//! (`AlpaServe:`, `osdi: ` with nothing after it) is a term. A part with nothing after its field or its
//! `-` (as while typing `t:` or `-`) asks for nothing.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use crate::model::work::Works;
use crate::model::{Library, LinkKind, PaperRef};

/// Where a term is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Title, document and topic path, affiliations and takeaways; a hit ranks by the field it is in.
    Any,
    /// `title:`, `t:`.
    Title,
    /// `aff:`, `a:`.
    Affiliations,
    /// `note:`: the takeaways.
    Takeaways,
    /// `in:`: the document title, sections and topics, and the venue.
    Place,
}

/// A mark of a work, as `is:` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Bookmarked,
    Read,
    Unread,
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Clause {
    /// The text occurs fuzzily (skim's algorithm, smart case) in the scope's fields.
    Fuzzy { scope: Scope, text: String },
    /// The text occurs as written (a substring; without case unless it has a capital letter).
    Exact { scope: Scope, text: String },
    /// The paper's year is in `from..=to`.
    Year { from: u16, to: u16 },
    /// The paper has a link of that kind.
    Has(LinkKind),
    /// The paper's work is marked so.
    Is(MarkKind),
}

/// A clause, or its negation (`-`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub negated: bool,
    pub clause: Clause,
}

/// A parsed query: every term must hold. No terms: every paper matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// The fields, as an error lists them.
pub const FIELDS: &str = "title: (t:), aff: (a:), in:, note:, year:, has:, is:";
const HAS_VALUES: &str = "paper, video, slides, code, artifact or note";
const IS_VALUES: &str = "bookmarked, read or unread";
const YEAR_VALUES: &str = "a year or a range (2023, 2022..2024, 2022.., ..2024)";

/// A query that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// `colour:red`: a field that does not exist.
    #[error("unknown field `{0}:`; the fields are {FIELDS}")]
    UnknownField(String),
    /// `has:nothing`, `year:soon`.
    #[error("`{field}:{value}`: {field}: takes {expected}")]
    BadValue {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl QueryError {
    /// The unknown field's name, for an [`QueryError::UnknownField`].
    pub fn unknown_field(&self) -> Option<&str> {
        match self {
            QueryError::UnknownField(f) => Some(f),
            QueryError::BadValue { .. } => None,
        }
    }
}

/// Parses a query (see the module's documentation).
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut terms = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (negated, body) = match rest.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let (clause, after) = part(body)?;
        rest = after;
        if let Some(clause) = clause {
            // An excluded fuzzy term is matched as written: fuzzily, it would exclude far too much.
            let clause = match clause {
                Clause::Fuzzy { scope, text } if negated => Clause::Exact { scope, text },
                c => c,
            };
            terms.push(Term { negated, clause });
        }
    }
    Ok(Query { terms })
}

/// The text up to the next white space, and what follows.
fn word(s: &str) -> (&str, &str) {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// A quoted phrase at the start of `s` (after its opening `"`): up to the closing quote, or to the end
/// while it is being typed.
fn phrase(s: &str) -> (&str, &str) {
    match s.find('"') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}

/// A value: `"a phrase"` or `'word` (as written), else a word. `None` for nothing.
fn value(s: &str) -> (Option<(bool, &str)>, &str) {
    let (exact, text, rest) = if let Some(p) = s.strip_prefix('"') {
        let (t, r) = phrase(p);
        (true, t, r)
    } else if let Some(w) = s.strip_prefix('\'') {
        let (t, r) = word(w);
        (true, t, r)
    } else {
        let (t, r) = word(s);
        (false, t, r)
    };
    let text = (!text.trim().is_empty()).then_some((exact, text));
    (text, rest)
}

/// One part of a query (after its `-`): its clause, or `None` when it asks for nothing yet.
fn part(s: &str) -> Result<(Option<Clause>, &str), QueryError> {
    let name_len = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let (name, after_name) = s.split_at(name_len);
    let Some(v) = after_name.strip_prefix(':').filter(|_| !name.is_empty()) else {
        return Ok(term(Scope::Any, s));
    };
    let field = name.to_ascii_lowercase();
    let scope = match field.as_str() {
        "title" | "t" => Some(Scope::Title),
        "aff" | "a" => Some(Scope::Affiliations),
        "note" => Some(Scope::Takeaways),
        "in" => Some(Scope::Place),
        _ => None,
    };
    if let Some(scope) = scope {
        return Ok(term(scope, v));
    }
    let known = |f: &'static str| -> Result<(Option<Clause>, &str), QueryError> {
        let (text, rest) = word(v);
        if text.is_empty() {
            return Ok((None, rest));
        }
        let bad = || QueryError::BadValue {
            field: f,
            value: text.to_string(),
            expected: match f {
                "year" => YEAR_VALUES,
                "has" => HAS_VALUES,
                _ => IS_VALUES,
            },
        };
        let clause = match f {
            "year" => year(text).ok_or_else(bad)?,
            "has" => Clause::Has(LinkKind::parse(text).ok_or_else(bad)?),
            _ => Clause::Is(match text.to_ascii_lowercase().as_str() {
                "bookmarked" => MarkKind::Bookmarked,
                "read" => MarkKind::Read,
                "unread" => MarkKind::Unread,
                _ => return Err(bad()),
            }),
        };
        Ok((Some(clause), rest))
    };
    match field.as_str() {
        "year" => known("year"),
        "has" => known("has"),
        "is" => known("is"),
        // `osdi:` followed by nothing, or `AlpaServe:Fast`: text, searched as written.
        _ if v.is_empty() || v.starts_with(char::is_whitespace) => Ok(term(Scope::Any, s)),
        _ if name.bytes().all(|b| b.is_ascii_lowercase()) => {
            Err(QueryError::UnknownField(name.to_string()))
        }
        _ => Ok(term(Scope::Any, s)),
    }
}

/// A term of `scope` from the value at the start of `s`.
fn term(scope: Scope, s: &str) -> (Option<Clause>, &str) {
    let (v, rest) = value(s);
    let clause = v.map(|(exact, text)| {
        let text = text.to_string();
        // `in:` names a place: matched as written, since a short name matches fuzzily almost anywhere.
        if exact || scope == Scope::Place {
            Clause::Exact { scope, text }
        } else {
            Clause::Fuzzy { scope, text }
        }
    });
    (clause, rest)
}

/// `2023`, `2022..2024`, `2022..`, `..2024`.
fn year(text: &str) -> Option<Clause> {
    let num = |s: &str| -> Option<u16> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (from, to) = match text.split_once("..") {
        Some((a, b)) if !(a.is_empty() && b.is_empty()) => (
            if a.is_empty() { Some(0) } else { num(a) }?,
            if b.is_empty() { Some(u16::MAX) } else { num(b) }?,
        ),
        Some(_) => return None,
        None => {
            let y = num(text)?;
            (y, y)
        }
    };
    Some(Clause::Year {
        from: from.min(to),
        to: from.max(to),
    })
}

impl Query {
    /// The whole text as one fuzzy term over every field, without the query language: what
    /// [`super::Index::search`] looks for.
    pub fn plain(text: &str) -> Query {
        let text = text.trim();
        if text.is_empty() {
            return Query::default();
        }
        Query {
            terms: vec![Term {
                negated: false,
                clause: Clause::Fuzzy {
                    scope: Scope::Any,
                    text: text.to_string(),
                },
            }],
        }
    }

    /// Does it ask for nothing (every paper matches)?
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Does it ask for marks (`is:`)? Then the caller must supply them, and search afresh (not narrow)
    /// when they change.
    pub fn uses_marks(&self) -> bool {
        self.terms.iter().any(|t| matches!(t.clause, Clause::Is(_)))
    }

    /// Can every paper that could still match `self` be found among those that could still match
    /// `previous`? True when each term of `previous` is implied by one of `self` (as when a key is
    /// typed at the end of a word). Then a search for `self` may narrow from `previous`'s.
    pub fn refines(&self, previous: &Query) -> bool {
        previous
            .terms
            .iter()
            .all(|p| self.terms.iter().any(|n| n.implies(p)))
    }
}

impl Term {
    /// Does every paper that could still match `self` (as a search's candidates count them) also
    /// satisfy `other`'s candidate test?
    fn implies(&self, other: &Term) -> bool {
        use Clause::*;
        if self.negated || other.negated {
            return self == other;
        }
        match (&self.clause, &other.clause) {
            (Fuzzy { scope: a, text: t }, Fuzzy { scope: b, text: u })
            | (Exact { scope: a, text: t }, Fuzzy { scope: b, text: u }) => {
                a == b && subsequence(u, t)
            }
            (Exact { scope: a, text: t }, Exact { scope: b, text: u }) => a == b && contained(u, t),
            (Year { from: a, to: b }, Year { from: c, to: d }) => c <= a && b <= d,
            (a, b) => a == b,
        }
    }
}

/// Smart case: text with a capital letter is matched with case.
pub(crate) fn case_sensitive(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// Is `short` a subsequence of `long`, compared as `short`'s smart case compares?
fn subsequence(short: &str, long: &str) -> bool {
    let sensitive = case_sensitive(short);
    let same = |a: char, b: char| {
        if sensitive {
            a == b
        } else {
            a.to_lowercase().eq(b.to_lowercase())
        }
    };
    let mut l = long.chars();
    short.chars().all(|s| l.any(|c| same(s, c)))
}

/// Is `short` within `long`, compared as `short`'s smart case compares?
fn contained(short: &str, long: &str) -> bool {
    if case_sensitive(short) {
        long.contains(short)
    } else {
        long.to_lowercase().contains(&short.to_lowercase())
    }
}

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

/// Marks of works, as `is:` asks for them. The app gives its marks; `--filter` reads the state file.
/// `Sync`, because a search runs on several threads.
pub trait Marks: Sync {
    fn bookmarked(&self, r: PaperRef) -> bool;
    fn read(&self, r: PaperRef) -> bool;
}

/// No marks at all: nothing is bookmarked or read.
pub struct NoMarks;

impl Marks for NoMarks {
    fn bookmarked(&self, _: PaperRef) -> bool {
        false
    }
    fn read(&self, _: PaperRef) -> bool {
        false
    }
}

/// Marks kept by work key (as the app and the state file keep them).
pub struct KeyMarks<'a> {
    pub works: &'a Works,
    pub bookmarks: &'a HashSet<String>,
    pub read: &'a HashSet<String>,
}

impl Marks for KeyMarks<'_> {
    fn bookmarked(&self, r: PaperRef) -> bool {
        self.works
            .key_of(r)
            .is_some_and(|k| self.bookmarks.contains(k))
    }
    fn read(&self, r: PaperRef) -> bool {
        self.works.key_of(r).is_some_and(|k| self.read.contains(k))
    }
}

/// A copy of marks for every paper of a library, owned, for a search on another thread.
#[derive(Debug, Clone, Default)]
pub struct MarkTable {
    /// Per document, per paper: bit 0 bookmarked, bit 1 read.
    flags: Vec<Vec<u8>>,
}

impl MarkTable {
    pub fn new(lib: &Library, marks: &dyn Marks) -> MarkTable {
        MarkTable {
            flags: lib
                .documents
                .iter()
                .enumerate()
                .map(|(d, doc)| {
                    (0..doc.papers.len())
                        .map(|p| {
                            let r = PaperRef { doc: d, paper: p };
                            u8::from(marks.bookmarked(r)) | (u8::from(marks.read(r)) << 1)
                        })
                        .collect()
                })
                .collect(),
        }
    }

    fn get(&self, r: PaperRef) -> u8 {
        self.flags
            .get(r.doc)
            .and_then(|d| d.get(r.paper))
            .copied()
            .unwrap_or(0)
    }
}

impl Marks for MarkTable {
    fn bookmarked(&self, r: PaperRef) -> bool {
        self.get(r) & 1 != 0
    }
    fn read(&self, r: PaperRef) -> bool {
        self.get(r) & 2 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fuzzy(scope: Scope, text: &str) -> Term {
        Term {
            negated: false,
            clause: Clause::Fuzzy {
                scope,
                text: text.into(),
            },
        }
    }

    fn exact(negated: bool, scope: Scope, text: &str) -> Term {
        Term {
            negated,
            clause: Clause::Exact {
                scope,
                text: text.into(),
            },
        }
    }

    fn terms(q: &str) -> Vec<Term> {
        parse(q).unwrap_or_else(|e| panic!("{q}: {e}")).terms
    }

    #[test]
    fn words_are_fuzzy_terms_over_every_field() {
        assert_eq!(
            terms("  serving   llm "),
            vec![fuzzy(Scope::Any, "serving"), fuzzy(Scope::Any, "llm")]
        );
        assert!(terms("").is_empty());
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn fields_scope_a_term() {
        assert_eq!(terms("title:kv"), vec![fuzzy(Scope::Title, "kv")]);
        assert_eq!(terms("t:kv"), vec![fuzzy(Scope::Title, "kv")]);
        assert_eq!(terms("Title:kv"), vec![fuzzy(Scope::Title, "kv")]);
        assert_eq!(
            terms("aff:alibaba"),
            vec![fuzzy(Scope::Affiliations, "alibaba")]
        );
        assert_eq!(
            terms("a:alibaba"),
            vec![fuzzy(Scope::Affiliations, "alibaba")]
        );
        assert_eq!(terms("note:cache"), vec![fuzzy(Scope::Takeaways, "cache")]);
        assert_eq!(terms("in:osdi"), vec![exact(false, Scope::Place, "osdi")]);
        assert_eq!(
            terms("t:\"model serving\" a:'MIT"),
            vec![
                exact(false, Scope::Title, "model serving"),
                exact(false, Scope::Affiliations, "MIT")
            ]
        );
    }

    #[test]
    fn years_links_and_marks() {
        let c = |q: &str| terms(q).remove(0).clause;
        assert_eq!(
            c("year:2023"),
            Clause::Year {
                from: 2023,
                to: 2023
            }
        );
        assert_eq!(
            c("year:2022..2024"),
            Clause::Year {
                from: 2022,
                to: 2024
            }
        );
        assert_eq!(
            c("year:2024..2022"),
            Clause::Year {
                from: 2022,
                to: 2024
            }
        );
        assert_eq!(
            c("year:2022.."),
            Clause::Year {
                from: 2022,
                to: u16::MAX
            }
        );
        assert_eq!(c("year:..2020"), Clause::Year { from: 0, to: 2020 });
        for (v, k) in [
            ("paper", LinkKind::Paper),
            ("video", LinkKind::Video),
            ("slides", LinkKind::Slides),
            ("Code", LinkKind::Code),
            ("artifact", LinkKind::Artifact),
            ("note", LinkKind::Note),
        ] {
            assert_eq!(c(&format!("has:{v}")), Clause::Has(k));
        }
        assert_eq!(c("is:bookmarked"), Clause::Is(MarkKind::Bookmarked));
        assert_eq!(c("is:read"), Clause::Is(MarkKind::Read));
        assert_eq!(c("is:unread"), Clause::Is(MarkKind::Unread));
    }

    #[test]
    fn phrases_and_exact_words() {
        assert_eq!(
            terms("\"model serving\" 'kv x"),
            vec![
                exact(false, Scope::Any, "model serving"),
                exact(false, Scope::Any, "kv"),
                fuzzy(Scope::Any, "x")
            ]
        );
        // An unclosed phrase runs to the end (while it is being typed).
        assert_eq!(
            terms("\"model ser"),
            vec![exact(false, Scope::Any, "model ser")]
        );
        assert!(terms("\"\" '").is_empty());
    }

    #[test]
    fn exclusions_are_matched_as_written() {
        assert_eq!(
            terms("serving -llm -t:Fast -\"a b\""),
            vec![
                fuzzy(Scope::Any, "serving"),
                exact(true, Scope::Any, "llm"),
                exact(true, Scope::Title, "Fast"),
                exact(true, Scope::Any, "a b"),
            ]
        );
        assert_eq!(
            terms("-year:2023 -has:code -is:read"),
            vec![
                Term {
                    negated: true,
                    clause: Clause::Year {
                        from: 2023,
                        to: 2023
                    }
                },
                Term {
                    negated: true,
                    clause: Clause::Has(LinkKind::Code)
                },
                Term {
                    negated: true,
                    clause: Clause::Is(MarkKind::Read)
                },
            ]
        );
        // Hyphens inside a word are text.
        assert_eq!(terms("fail-slow"), vec![fuzzy(Scope::Any, "fail-slow")]);
    }

    #[test]
    fn unfinished_parts_ask_for_nothing() {
        for q in ["-", "t:", "year:", "has:", "is:", "in:", "- t:"] {
            assert!(terms(q).is_empty(), "{q}");
        }
    }

    #[test]
    fn text_with_a_colon_that_names_no_field_is_a_term() {
        assert_eq!(
            terms("alpaserve: stat"),
            vec![fuzzy(Scope::Any, "alpaserve:"), fuzzy(Scope::Any, "stat")]
        );
        assert_eq!(
            terms("AlpaServe:Fast"),
            vec![fuzzy(Scope::Any, "AlpaServe:Fast")]
        );
        assert_eq!(terms("2023:x"), vec![fuzzy(Scope::Any, "2023:x")]);
    }

    #[test]
    fn an_unknown_field_is_an_error_naming_it_and_listing_the_fields() {
        let e = parse("serving colour:red").unwrap_err();
        assert_eq!(e, QueryError::UnknownField("colour".into()));
        assert_eq!(e.unknown_field(), Some("colour"));
        let msg = e.to_string();
        assert!(msg.contains("`colour:`"), "{msg}");
        for f in [
            "title:", "t:", "aff:", "a:", "in:", "note:", "year:", "has:", "is:",
        ] {
            assert!(msg.contains(f), "{f} in {msg}");
        }
        assert!(parse("-colour:red").is_err());
    }

    #[test]
    fn bad_values_are_errors_saying_what_is_expected() {
        for (q, field, expect) in [
            ("has:pdf", "has", "artifact"),
            ("is:starred", "is", "unread"),
            ("year:soon", "year", "2022..2024"),
            ("year:20233", "year", "range"),
            ("year:..", "year", "range"),
            ("year:2020..x", "year", "range"),
        ] {
            let e = parse(q).unwrap_err();
            let QueryError::BadValue { field: f, .. } = &e else {
                panic!("{q}: {e:?}")
            };
            assert_eq!(*f, field, "{q}");
            assert!(e.to_string().contains(expect), "{q}: {e}");
            assert_eq!(e.unknown_field(), None);
        }
    }

    #[test]
    fn a_longer_word_refines_a_shorter_one() {
        let q = |s: &str| parse(s).unwrap();
        assert!(q("serv").refines(&q("ser")));
        assert!(q("serving llm").refines(&q("serving")));
        assert!(q("serving l").refines(&q("serving ")));
        assert!(
            q("servinG").refines(&q("serv")),
            "case-sensitive implies not"
        );
        assert!(!q("serviNg").refines(&q("servI")));
        assert!(q("'serving").refines(&q("serv")), "exact implies fuzzy");
        assert!(q("\"model serving\"").refines(&q("\"model s")));
        assert!(
            !q("serving").refines(&q("'serv")),
            "fuzzy does not imply exact"
        );
        assert!(!q("t:serving").refines(&q("serving")), "other scope");
        assert!(!q("t:").refines(&q("t")));
        assert!(q("in:osdi").refines(&q("in:osd")));
        assert!(q("year:2023").refines(&q("year:2022..2024")));
        assert!(!q("year:2022..2024").refines(&q("year:2023")));
        assert!(q("has:code x").refines(&q("has:code")));
        assert!(
            !q("-ll").refines(&q("-l")),
            "a longer exclusion excludes less"
        );
        assert!(q("-llm x").refines(&q("-llm")));
        assert!(q("anything").refines(&Query::default()));
        assert!(!Query::default().refines(&q("x")));
        assert!(Query::plain("kv cache").refines(&Query::plain("kv ca")));
    }

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

    #[test]
    fn mark_tables_copy_marks() {
        struct Odd;
        impl Marks for Odd {
            fn bookmarked(&self, r: PaperRef) -> bool {
                r.paper % 2 == 1
            }
            fn read(&self, r: PaperRef) -> bool {
                r.paper == 0
            }
        }
        let mut lib = Library::default();
        lib.documents.push(
            crate::loader::document::build(
                "x.md",
                None,
                "# X\n\n## Papers\n\n* A \\[[Paper](https://a)]\n* B \\[[Paper](https://b)]\n",
            )
            .0,
        );
        let t = MarkTable::new(&lib, &Odd);
        let r = |paper| PaperRef { doc: 0, paper };
        assert!(!t.bookmarked(r(0)) && t.read(r(0)));
        assert!(t.bookmarked(r(1)) && !t.read(r(1)));
        assert!(
            !t.bookmarked(r(7)) && !t.read(r(7)),
            "unknown papers are unmarked"
        );
        assert!(!NoMarks.bookmarked(r(0)) && !NoMarks.read(r(0)));
    }
}
