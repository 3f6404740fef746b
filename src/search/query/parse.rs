//! The parser of the query language (see [`super`]).

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::*;

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
        match clause {
            // An excluded fuzzy term is matched as written: fuzzily, it would exclude far too much.
            Some(Clause::Fuzzy { scope, text }) if negated => terms.push(Term {
                negated,
                clause: Clause::Exact { scope, text },
            }),
            // A word is its runs of letters and digits, each a word of its own (`kv-cache` asks for
            // `kv` and `cache`, in names as in the takeaways); one of none (`&`) stays as written.
            Some(Clause::Fuzzy { scope, text }) => {
                let runs = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty());
                let before = terms.len();
                terms.extend(runs.map(|w| Term {
                    negated: false,
                    clause: Clause::Fuzzy {
                        scope,
                        text: w.to_string(),
                    },
                }));
                if terms.len() == before {
                    terms.push(Term {
                        negated: false,
                        clause: Clause::Fuzzy { scope, text },
                    });
                }
            }
            Some(clause) => terms.push(Term { negated, clause }),
            None => {}
        }
    }
    Ok(Query { terms })
}

/// The text up to the next white space, and what follows.
fn word(s: &str) -> (&str, &str) {
    // Where `find` found white space: a boundary.
    s.find(char::is_whitespace)
        .and_then(|end| s.split_at_checked(end))
        .unwrap_or((s, ""))
}

/// A quoted phrase at the start of `s` (after its opening `"`): up to the closing quote, or to the end
/// while it is being typed.
fn phrase(s: &str) -> (&str, &str) {
    s.split_once('"').unwrap_or((s, ""))
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
                "new" => MarkKind::New,
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
        // Accents are folded on both sides (see `search::fold`), as written or not.
        let text = super::super::fold::fold(text).into_owned();
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
        assert_eq!(c("is:new"), Clause::Is(MarkKind::New));
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
        // A word with a hyphen is its two words; excluded, it stays as written.
        assert_eq!(
            terms("fail-slow"),
            vec![fuzzy(Scope::Any, "fail"), fuzzy(Scope::Any, "slow")]
        );
        assert_eq!(
            terms("-fail-slow"),
            vec![exact(true, Scope::Any, "fail-slow")]
        );
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
            vec![fuzzy(Scope::Any, "alpaserve"), fuzzy(Scope::Any, "stat")]
        );
        assert_eq!(
            terms("AlpaServe:Fast"),
            vec![fuzzy(Scope::Any, "AlpaServe"), fuzzy(Scope::Any, "Fast")]
        );
        assert_eq!(
            terms("t:2023:x"),
            vec![fuzzy(Scope::Title, "2023"), fuzzy(Scope::Title, "x")]
        );
        // A word of no letters or digits stays as written.
        assert_eq!(terms("&"), vec![fuzzy(Scope::Any, "&")]);
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
    fn the_has_error_names_every_kind_has_takes() {
        let e = parse("has:pdf").unwrap_err().to_string();
        for kind in LinkKind::ALL {
            assert!(parse(&format!("has:{}", kind.name())).is_ok());
            assert!(e.contains(kind.name()), "{e} lacks {}", kind.name());
        }
    }
}
