//! The query language of the filter, the jump palette and `--filter`, parsed in one place.
//!
//! Space-separated parts, all of which must hold:
//!
//! | part | matches a paper when |
//! | --- | --- |
//! | `word` | it occurs fuzzily (skim, smart case) in the title, the document and topic path or the affiliations, or a word of the takeaways starts with it (one typo allowed when none does; see `super::text`) |
//! | `title:word`, `t:word` | … in the title |
//! | `aff:word`, `a:word` | … in the affiliations |
//! | `note:word` | … in the takeaways |
//! | `in:word` | it occurs as written in the document title, the sections and topics, or the venue |
//! | `year:2023`, `year:2022..2024` (also `2022..`, `..2024`) | the year of its venue, else of its document's title, is that or in that range |
//! | `has:paper` … `video`, `slides`, `code`, `artifact`, `note` | it has a link of that label (`note`: a local note page) |
//! | `is:bookmarked`, `is:read`, `is:unread`, `is:new` | its work is marked so (new: since last time) |
//! | `"a phrase"`, `'word` | it occurs as written (not fuzzily; case-insensitive unless it has a capital) |
//! | `-part` | the part does not hold; `-word` and `-t:word` are matched as written, like fzf's `!word` |
//!
//! A scoped value may be quoted: `t:"model serving"`, `t:'kv`. A lowercase word before a colon that is
//! no field (`colour:red`) is an error naming it and listing the fields; other text with a colon
//! (`AlpaServe:`, `osdi: ` with nothing after it) is a term. A part with nothing after its field or its
//! `-` (as while typing `t:` or `-`) asks for nothing.

mod parse;

pub use parse::parse;

use crate::model::LinkKind;

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
    /// Not in the library when takeaway last ended ("new since last time").
    New,
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Clause {
    /// The text occurs fuzzily (skim, smart case) in the scope's names, or starts a word of its text.
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

/// The query language in brief, as the help overlay shows it: (what is typed, what it matches).
pub const SYNTAX: [(&str, &str); 9] = [
    ("word", "names fuzzy; notes: word starts"),
    ("t: a: note:", "only in titles / affil. / notes"),
    ("in:osdi", "document, section, topic, venue"),
    ("year:2022..2024", "venue's year, else document's"),
    ("has:code", "a link of that kind (note: a page)"),
    ("is:unread", "bookmarked, read, unread, new"),
    ("\"a b\" 'word", "as written, not fuzzy"),
    ("-word -has:code", "leaves out what matches"),
    ("colour:red", "unknown: said, last result kept"),
];

/// The fields, as an error lists them.
pub const FIELDS: &str = "title: (t:), aff: (a:), in:, note:, year:, has:, is:";
const HAS_VALUES: &str =
    "paper, video, slides, code, artifact, note, project, blog, person or other";
const IS_VALUES: &str = "bookmarked, read, unread or new";
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
                    text: super::fold::fold(text).into_owned(),
                },
            }],
        }
    }

    /// Does it ask for nothing (every paper matches)?
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Has it a word or phrase without a field (`serving`, `"kv cache"`), not negated? Such words rank a
    /// hit by where they matched; without them, the fields of the scoped words do.
    pub fn has_unscoped_words(&self) -> bool {
        self.terms.iter().any(|t| {
            !t.negated
                && matches!(
                    t.clause,
                    Clause::Fuzzy {
                        scope: Scope::Any,
                        ..
                    } | Clause::Exact {
                        scope: Scope::Any,
                        ..
                    }
                )
        })
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
pub(crate) fn subsequence(short: &str, long: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
