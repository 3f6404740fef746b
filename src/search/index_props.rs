//! The index against a plain reference matcher written here, over random small libraries and random
//! queries (words, prefixes, one typo, scopes, exclusions, with accents or without): the same papers,
//! matched in the same field.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use proptest::prelude::*;

use super::{context, parse, Field, Index, NoMarks};
use crate::loader;
use crate::model::{Library, Note, PaperRef};

const WORDS: &[&str] = &[
    "straggler",
    "serverless",
    "cache",
    "caches",
    "kv",
    "kvcache",
    "grey",
    "greyhound",
    "sched",
    "scheduling",
    "model",
    "serving",
    "multiplex",
    "multiplexing",
    "tiny",
    "owl",
    "owls",
    "naïveté",
    "größen",
    "zürich",
    "zurich",
    "café",
    "cafes",
    "résumé",
    "ｏｗｌｓ",
];

/// Accents taken off as the reference does it, apart from the index's way: compatibility decomposition
/// (full-width letters become ASCII), combining marks dropped (enough for the letters of [`WORDS`]).
fn unaccented(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    s.nfkd().filter(|&c| !is_combining_mark(c)).collect()
}

/// A paper: its title's, affiliation's and takeaways' words, as numbers into [`WORDS`].
type PaperWords = (Vec<usize>, Vec<usize>, Vec<Vec<usize>>);

/// A library of one file: papers with titles, affiliations and takeaways from [`WORDS`].
fn library(papers: &[PaperWords]) -> Library {
    library_of(&[papers.to_vec()])
}

/// A library of one file per list of papers.
fn library_of(files: &[Vec<PaperWords>]) -> Library {
    let mut lib = Library::default();
    for (f, papers) in files.iter().enumerate() {
        lib.documents.push(document(&format!("t{f}.md"), papers));
    }
    loader::assign_ids(&mut lib);
    lib
}

fn document(name: &str, papers: &[PaperWords]) -> crate::model::Document {
    let w = |ix: &[usize]| {
        ix.iter()
            .map(|&i| WORDS[i % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut md = String::from("# CONF 2030\n\n## Papers\n\n### Owl Topics\n\n");
    for (n, (title, aff, notes)) in papers.iter().enumerate() {
        md.push_str(&format!(
            "* P{n} {} \\[[Paper](https://arxiv.org/abs/2401.{n:05})]\n  * Uni {}\n",
            w(title),
            w(aff)
        ));
        for note in notes {
            md.push_str(&format!("  * {}.\n", w(note)));
        }
    }
    loader::document::build(name, None, &md).0
}

fn flatten(notes: &[Note]) -> String {
    let mut out = String::new();
    super::flatten(notes, &mut out);
    out
}

/// Lowercased runs of letters and digits; a Chinese character or kana is a token by itself.
fn tokens(s: &str) -> Vec<String> {
    let spaced: String = unaccented(s)
        .chars()
        .flat_map(|c| {
            if super::text::is_cjk(c) {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    spaced
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(cur + 1).min(row[j] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A query word matches a text word that starts with it, or, when it has 5 letters or more and no
/// word of the library's takeaways (`all`) starts with it, one some start of which is one edit away.
fn word_in_text(word: &str, text: &str, all: &[String]) -> bool {
    let parts = tokens(word);
    !parts.is_empty()
        && parts.iter().all(|p| {
            let q: Vec<char> = p.chars().collect();
            let typo = q.len() >= 5 && !all.iter().any(|t| t.starts_with(p.as_str()));
            tokens(text).iter().any(|t| {
                let t: Vec<char> = t.chars().collect();
                t.starts_with(&q) || (typo && (0..=t.len()).any(|n| levenshtein(&q, &t[..n]) <= 1))
            })
        })
}

/// The reference: every term must hold; the field is the best field of the weakest word.
fn reference(lib: &Library, query: &str) -> Vec<(PaperRef, Field)> {
    let skim = SkimMatcherV2::default().smart_case();
    let parsed = parse(query).unwrap();
    let all: Vec<String> = lib
        .papers()
        .flat_map(|(_, p)| tokens(&flatten(&p.takeaways)))
        .collect();
    let mut out = Vec::new();
    'papers: for (r, p) in lib.papers() {
        let title = &*p.title;
        let ctx = context(lib, r);
        let aff = p.affiliations.join(" & ");
        let text = flatten(&p.takeaways);
        let mut field: Option<Field> = None;
        use super::query::{Clause, Scope};
        // Words without a field rank a hit; when there are none, the scoped ones do.
        let any = parsed.has_unscoped_words();
        for t in &parsed.terms {
            let found = match &t.clause {
                Clause::Fuzzy { scope, text: w } => {
                    let name = |s: &str| skim.fuzzy_match(&unaccented(s), &unaccented(w)).is_some();
                    match scope {
                        Scope::Any => {
                            if name(title) {
                                Some(Field::Title)
                            } else if name(&ctx) {
                                Some(Field::Context)
                            } else if name(&aff) {
                                Some(Field::Affiliations)
                            } else if word_in_text(w, &text, &all) {
                                Some(Field::Takeaways)
                            } else {
                                None
                            }
                        }
                        Scope::Title => name(title).then_some(Field::Title),
                        Scope::Affiliations => name(&aff).then_some(Field::Affiliations),
                        Scope::Takeaways => {
                            word_in_text(w, &text, &all).then_some(Field::Takeaways)
                        }
                        Scope::Place => name(&ctx).then_some(Field::Context),
                    }
                }
                Clause::Exact { scope, text: w } => {
                    let w = unaccented(w).to_lowercase();
                    let has = |s: &str| unaccented(s).to_lowercase().contains(&w);
                    match scope {
                        Scope::Any => [
                            (title, Field::Title),
                            (&ctx, Field::Context),
                            (&aff, Field::Affiliations),
                            (&text, Field::Takeaways),
                        ]
                        .into_iter()
                        .find(|(s, _)| has(s))
                        .map(|(_, f)| f),
                        Scope::Title => has(title).then_some(Field::Title),
                        Scope::Affiliations => has(&aff).then_some(Field::Affiliations),
                        Scope::Takeaways => has(&text).then_some(Field::Takeaways),
                        Scope::Place => has(&ctx).then_some(Field::Context),
                    }
                }
                _ => unreachable!("the generated queries have words only"),
            };
            if found.is_some() == t.negated {
                continue 'papers;
            }
            let scope = match &t.clause {
                Clause::Fuzzy { scope, .. } | Clause::Exact { scope, .. } => *scope,
                _ => Scope::Any,
            };
            if let (Some(f), false, true) = (found, t.negated, scope == Scope::Any || !any) {
                field = Some(field.map_or(f, |g| g.min(f)));
            }
        }
        out.push((r, field.unwrap_or(Field::Title)));
    }
    out.sort_by_key(|(r, _)| (r.doc, r.paper));
    out
}

/// A word of [`WORDS`], whole, cut to a prefix, or with one typo (a letter changed, added or left out);
/// with a scope or negated, sometimes; or matched as written: `'word`, or a phrase of it and another
/// word of [`WORDS`].
fn query_word() -> impl Strategy<Value = String> {
    (0..WORDS.len(), 0..5u8, 0..12usize, 0..26u8, 0..8u8).prop_map(|(w, how, at, letter, scope)| {
        let word: Vec<char> = WORDS[w].chars().collect();
        let at = at % word.len();
        let c = (b'a' + letter) as char;
        let mut out: Vec<char> = word.clone();
        match how {
            0 => {}
            1 => out.truncate(at.max(1)),
            2 => out[at] = c,
            3 => {
                out.insert(at, c);
            }
            _ => {
                out.remove(at);
            }
        }
        let word: String = out.into_iter().collect();
        match scope {
            0 => format!("t:{word}"),
            1 => format!("note:{word}"),
            2 => format!("-{word}"),
            3 => format!("a:{word}"),
            4 => format!("'{word}"),
            5 => format!(
                "\"{word} {}\"",
                WORDS[(w + usize::from(letter)) % WORDS.len()]
            ),
            _ => word,
        }
    })
}

fn papers() -> impl Strategy<Value = Vec<PaperWords>> {
    let words = || prop::collection::vec(0..WORDS.len(), 1..4);
    prop::collection::vec(
        (words(), words(), prop::collection::vec(words(), 0..3)),
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_index_finds_what_the_reference_finds(
        papers in papers(),
        words in prop::collection::vec(query_word(), 1..3),
    ) {
        let lib = library(&papers);
        let query = words.join(" ");
        let idx = Index::new(&lib);
        let mut got: Vec<(PaperRef, Field)> = idx
            .find(&parse(&query).unwrap(), &NoMarks)
            .into_iter()
            .map(|h| (h.paper, h.field))
            .collect();
        got.sort_by_key(|(r, _)| (r.doc, r.paper));
        prop_assert_eq!(got, reference(&lib, &query), "query {:?}", query);
        // Not ranked: the same hits in library order, and the best is the ranked search's first.
        let ranked = idx.find(&parse(&query).unwrap(), &NoMarks);
        let best = idx
            .find_best_cancellable(&parse(&query).unwrap(), None, &NoMarks, &|| false)
            .unwrap();
        prop_assert_eq!(best.best, ranked.first().copied(), "best of {:?}", query);
        let mut in_order: Vec<PaperRef> = ranked.iter().map(|h| h.paper).collect();
        in_order.sort_by_key(|r| (r.doc, r.paper));
        prop_assert_eq!(best.hits.iter().map(|h| h.paper).collect::<Vec<_>>(), in_order);
        // Typed a key at a time, each key narrowing from the last: the same as searching afresh.
        let mut prev = idx.find_all(&parse("").unwrap(), &NoMarks);
        for n in 1..=query.len() {
            let Some(q) = query.get(..n).and_then(|q| parse(q).ok()) else { continue };
            prev = idx.find_within(&q, &prev, &NoMarks);
            prop_assert_eq!(&prev.hits, &idx.find(&q, &NoMarks), "prefix {:?}", query.get(..n));
        }
        // An earlier word edited afterwards (shortened, changed, gone) while the later ones stand: a
        // later word's names, looked for among what the earlier words matched, are not narrowed from.
        let (first, rest) = (&words[0], words[1..].join(" "));
        let edited: Vec<String> = (0..first.len())
            .filter_map(|n| first.get(..n))
            .map(|f| format!("{f} {rest}"))
            .chain([format!("x{first} {rest}"), rest.clone()])
            .collect();
        for e in edited {
            let Ok(q) = parse(&e) else { continue };
            let from_full = idx.find_within(&q, &prev, &NoMarks);
            prop_assert_eq!(&from_full.hits, &idx.find(&q, &NoMarks), "{:?} after {:?}", e, query);
        }
    }
}

/// The hits as a user sees them: paper, field and score, best first.
fn seen(idx: &Index, query: &str) -> Vec<(PaperRef, Field, i64)> {
    idx.find(&parse(query).unwrap(), &NoMarks)
        .into_iter()
        .map(|h| (h.paper, h.field, h.score))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// An index updated for a reload's changed files (once, then again) finds what one built afresh
    /// finds, in the same order.
    #[test]
    fn an_updated_index_finds_what_a_new_one_finds(
        before in prop::collection::vec(papers(), 2..5),
        edits in prop::collection::vec((0..5usize, papers()), 1..3),
        more in prop::collection::vec((0..6usize, papers()), 1..3),
        words in prop::collection::vec(query_word(), 1..3),
    ) {
        let query = words.join(" ");
        let mut files = before.clone();
        let mut idx = Index::new(&library_of(&files));
        for round in [edits, more] {
            let mut changed = Vec::new();
            for (f, papers) in round {
                // A file changed, or one more added at the end.
                let f = f.min(files.len());
                if f == files.len() {
                    files.push(papers);
                } else {
                    files[f] = papers;
                }
                changed.push(f);
            }
            let lib = library_of(&files);
            idx = idx.update(&lib, &changed, usize::MAX);
            let fresh = Index::new(&lib);
            prop_assert_eq!(idx.len(), fresh.len());
            prop_assert_eq!(seen(&idx, &query), seen(&fresh, &query), "query {:?}", query);
            prop_assert_eq!(seen(&idx, ""), seen(&fresh, ""));
            let best = |i: &Index| {
                let b = i.find_best_cancellable(&parse(&query).unwrap(), None, &NoMarks, &|| false);
                b.map(|s| (s.best.map(|h| (h.paper, h.field, h.score)), s.hits.iter().map(|h| h.paper).collect::<Vec<_>>()))
            };
            prop_assert_eq!(best(&idx), best(&fresh));
        }
    }
}

#[test]
fn scattered_letters_match_in_titles_but_not_in_takeaways() {
    let lib = library(&[
        (vec![9], vec![15], vec![vec![0, 1, 6]]),
        (vec![16], vec![15], vec![vec![7]]),
    ]);
    // P0 is titled "scheduling" and notes "straggler serverless serving"; P1 is titled "owls".
    let idx = Index::new(&lib);
    let titles = |q: &str| super::tests::titles(&lib, &idx.find(&parse(q).unwrap(), &NoMarks));
    assert_eq!(
        titles("sclng"),
        vec!["P0 scheduling"],
        "scattered in the title"
    );
    assert!(titles("stvls").is_empty(), "scattered across the takeaways");
    assert_eq!(
        titles("stragg"),
        vec!["P0 scheduling"],
        "a word's start in the takeaways"
    );
}
