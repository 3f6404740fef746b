//! Tests of the query language as [`super::Index`] matches it: scopes, years, links, marks,
//! exclusions, phrases, ranking and narrowing, on two small files.

use super::tests::titles;
use super::*;
use crate::loader;

/// Two files: a conference's notes (years from its title) and a topic list (venues after titles).
fn two_files() -> Library {
    let mut lib = Library::default();
    for (name, md) in [
        (
            "conf.md",
            "# CONF 2023\n\n## Papers\n\n### Model Serving\n\n\
             * Servo: Model Serving at Scale \\[[Paper](https://p/servo)] \\[[Code](https://c/servo)]\n  \
             * Uni Q & Lab Z\n  * Batches requests for LLM inference.\n\
             * LLM Serving Made Cheap \\[[Paper](https://p/cheap)]\n  * Lab Z\n\
             * Quiet Storage \\[[Paper](https://p/quiet)] \\[[Video](https://v/quiet)]\n  \
             * Uni R\n  * Serving cold data from model serving caches.\n",
        ),
        (
            "list.md",
            "# Reading List\n\n## Papers\n\n### Training\n\n\
             * Trainer: Serving Gradients (OTHER 2021) \\[[Paper](https://p/trainer)] \\[[Personal Note](t.md)]\n  \
             * Uni Q\n\
             * Sharded Serving Systems (CONF 2022) \\[[Paper](https://p/sharded)] \\[[Slides](https://s/sharded)]\n",
        ),
    ] {
        lib.documents.push(loader::document::build(name, None, md).0);
    }
    loader::assign_ids(&mut lib);
    lib
}

fn find(lib: &Library, q: &str) -> Vec<String> {
    let idx = Index::new(lib);
    titles(lib, &idx.find(&parse(q).unwrap(), &NoMarks))
}

#[test]
fn every_word_must_match_and_title_hits_rank_first() {
    let lib = two_files();
    // "serving" is in four titles; "batches" only in Servo's takeaways.
    assert_eq!(
        find(&lib, "serving batches"),
        vec!["Servo: Model Serving at Scale"]
    );
    let idx = Index::new(&lib);
    let hits = idx.find(&parse("serving").unwrap(), &NoMarks);
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    assert_eq!(
        titles(&lib, &hits)[4],
        "Quiet Storage",
        "the takeaway hit comes last"
    );
    assert_eq!(fields[..4], [Field::Title; 4]);
    assert_eq!(
        fields[4],
        Field::Context,
        "Quiet Storage is under Model Serving"
    );
    // Two words: the weaker field ranks the hit.
    let hits = idx.find(&parse("serving cheap").unwrap(), &NoMarks);
    assert_eq!(titles(&lib, &hits), vec!["LLM Serving Made Cheap"]);
    assert_eq!(hits[0].field, Field::Title);
    let hits = idx.find(&parse("servo uni").unwrap(), &NoMarks);
    assert_eq!(hits[0].field, Field::Affiliations);
    // Word order does not matter, unlike one fuzzy pattern.
    assert_eq!(find(&lib, "cheap serving"), vec!["LLM Serving Made Cheap"]);
    assert!(idx.search("cheap serving").is_empty());
}

#[test]
fn scopes_look_only_in_their_fields() {
    let lib = two_files();
    assert_eq!(
        find(&lib, "t:storage"),
        vec!["Quiet Storage"],
        "not the papers whose takeaways say storage"
    );
    // Both in the affiliations: the better score (a match at the start) first.
    assert_eq!(
        find(&lib, "a:lab"),
        vec!["LLM Serving Made Cheap", "Servo: Model Serving at Scale"]
    );
    assert_eq!(find(&lib, "note:cold"), vec!["Quiet Storage"]);
    assert!(find(&lib, "t:cold").is_empty());
    // A scoped word and a free one: the free word ranks, the scoped one filters.
    let idx = Index::new(&lib);
    let hits = idx.find(&parse("a:uni serving").unwrap(), &NoMarks);
    assert_eq!(
        titles(&lib, &hits),
        vec![
            "Servo: Model Serving at Scale",
            "Trainer: Serving Gradients",
            "Quiet Storage"
        ]
    );
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(hits[2].field, Field::Context);
    // Only scoped words: hits carry the scope's field.
    let hits = idx.find(&parse("note:cold").unwrap(), &NoMarks);
    assert_eq!(hits[0].field, Field::Takeaways);
}

#[test]
fn in_years_and_links() {
    let lib = two_files();
    // in: the document title, the topic path or the venue, as written.
    assert_eq!(
        find(&lib, "in:conf").len(),
        4,
        "three in CONF 2023, one (CONF 2022)"
    );
    assert_eq!(find(&lib, "in:training").len(), 2);
    assert_eq!(find(&lib, "in:other"), vec!["Trainer: Serving Gradients"]);
    assert!(find(&lib, "in:cnf").is_empty(), "not fuzzy");
    // year: from the venue, else the document's title.
    assert_eq!(find(&lib, "year:2023").len(), 3);
    assert_eq!(find(&lib, "year:2022"), vec!["Sharded Serving Systems"]);
    assert_eq!(find(&lib, "year:2021..2022").len(), 2);
    assert_eq!(find(&lib, "year:2024..").len(), 0);
    // has: a link of that label; note: a local note page.
    assert_eq!(
        find(&lib, "has:code"),
        vec!["Servo: Model Serving at Scale"]
    );
    assert_eq!(find(&lib, "has:video"), vec!["Quiet Storage"]);
    assert_eq!(find(&lib, "has:slides"), vec!["Sharded Serving Systems"]);
    assert_eq!(find(&lib, "has:paper").len(), 5);
    assert!(find(&lib, "has:artifact").is_empty());
    // Combined, and with a ranked word: filters keep the ranking of the words.
    assert_eq!(
        find(&lib, "in:conf has:code"),
        vec!["Servo: Model Serving at Scale"]
    );
    assert_eq!(
        find(&lib, "year:2022..2023 serving"),
        // Title hits by skim's linear score (which tells "Sharded Serving" above "LLM Serving").
        vec![
            "Servo: Model Serving at Scale",
            "Sharded Serving Systems",
            "LLM Serving Made Cheap",
            "Quiet Storage"
        ]
    );
}

#[test]
fn exclusions_and_phrases_match_as_written() {
    let lib = two_files();
    // Servo's takeaway says LLM, and so does a title.
    assert_eq!(
        find(&lib, "serving -llm"),
        vec![
            "Sharded Serving Systems",
            "Trainer: Serving Gradients",
            "Quiet Storage"
        ]
    );
    assert_eq!(find(&lib, "serving -t:llm").len(), 4);
    assert_eq!(find(&lib, "-year:2023").len(), 2);
    assert_eq!(find(&lib, "-has:paper").len(), 0);
    // A phrase: the words together, in order, any case (in a title, then under a topic).
    assert_eq!(
        find(&lib, "\"model serving\""),
        vec![
            "Servo: Model Serving at Scale",
            "LLM Serving Made Cheap",
            "Quiet Storage"
        ]
    );
    assert!(find(&lib, "\"serving model\"").is_empty());
    assert_eq!(find(&lib, "\"cold data\""), vec!["Quiet Storage"]);
    // With a capital, case matters.
    assert!(find(&lib, "\"Cold data\"").is_empty());
    assert_eq!(
        find(&lib, "'Model t:servo"),
        vec!["Servo: Model Serving at Scale"]
    );
    assert!(find(&lib, "'servng").is_empty(), "not fuzzy");
    assert_eq!(find(&lib, "servng").len(), 5, "fuzzy");
}

#[test]
fn marks_come_from_the_caller() {
    let lib = two_files();
    let idx = Index::new(&lib);
    let works = crate::model::work::Works::new(&lib);
    let bookmarks: std::collections::HashSet<String> =
        [crate::model::work::key("Quiet Storage")].into();
    let read: std::collections::HashSet<String> = [
        crate::model::work::key("Quiet Storage"),
        crate::model::work::key("LLM Serving Made Cheap"),
    ]
    .into();
    let new: std::collections::HashSet<String> =
        [crate::model::work::key("LLM Serving Made Cheap")].into();
    let marks = KeyMarks {
        works: &works,
        bookmarks: &bookmarks,
        read: &read,
        new: &new,
    };
    let f = |q: &str| titles(&lib, &idx.find(&parse(q).unwrap(), &marks));
    assert_eq!(f("is:bookmarked"), vec!["Quiet Storage"]);
    assert_eq!(f("is:new"), vec!["LLM Serving Made Cheap"]);
    assert_eq!(f("-is:new").len(), 4);
    assert_eq!(f("is:read").len(), 2);
    assert_eq!(f("is:unread").len(), 3);
    assert_eq!(f("is:unread serving -is:bookmarked").len(), 3);
    assert_eq!(f("is:read -is:bookmarked"), vec!["LLM Serving Made Cheap"]);
    // Without marks nothing is bookmarked or read.
    assert!(find(&lib, "is:bookmarked").is_empty());
    assert_eq!(find(&lib, "is:unread").len(), 5);
    // A copy of the marks answers the same.
    let table = MarkTable::new(&lib, &marks);
    assert_eq!(
        titles(&lib, &idx.find(&parse("is:read").unwrap(), &table)),
        f("is:read")
    );
}

#[test]
fn narrowing_with_the_query_language_equals_searching_everything() {
    let lib = two_files();
    let idx = Index::new(&lib);
    // Typed one key at a time: every prefix, narrowed from the one before when that is sound.
    for typed in [
        "serving -llm",
        "in:conf has:code serving",
        "\"model serving\" t:servo",
        "year:2022..2023 'serv",
        "t:serving a:uni note:cold",
        "-t:llm serving",
    ] {
        let mut prev = Search::default();
        for q in typed
            .char_indices()
            .filter_map(|(i, c)| typed.get(..i + c.len_utf8()))
        {
            let Ok(query) = parse(q) else { continue };
            let narrowed = idx.find_within(&query, &prev, &NoMarks);
            assert_eq!(narrowed.hits, idx.find(&query, &NoMarks), "{q:?}");
            prev = narrowed;
        }
    }
    // The plain search narrows as before.
    let mut prev = idx.search_all("");
    let mut q = String::new();
    for c in "model serving".chars() {
        q.push(c);
        prev = idx.search_within(&q, &prev);
        assert_eq!(prev.hits, idx.search(&q), "{q}");
    }
    // A default search (none yet) is never narrowed from.
    assert_eq!(
        idx.search_within("serving", &Search::default()).hits.len(),
        5
    );
}

#[test]
fn highlights_and_pages_follow_the_query() {
    let lib = two_files();
    let idx = Index::new(&lib);
    let q = parse("t:servo \"at scale\" -llm a:uni").unwrap();
    let title = "Servo: Model Serving at Scale";
    let p = idx.query_positions(title, &q, Field::Title);
    assert_eq!(p, (0..5).chain(21..29).collect::<Vec<_>>());
    assert!(idx.query_positions("Uni Q", &q, Field::Title).is_empty());
    assert_eq!(
        idx.query_positions("Uni Q", &q, Field::Affiliations),
        vec![0, 1, 2]
    );

    let mut lib = two_files();
    lib.documents
        .push(loader::document::build("p.md", None, "# Serving Notes\n\nSome prose.\n").0);
    let idx = Index::new(&lib);
    let pages = |q: &str| idx.find_pages(&parse(q).unwrap()).len();
    assert_eq!(pages("serving"), 1);
    assert_eq!(pages("t:'notes"), 1);
    assert_eq!(pages("serving -notes"), 0);
    assert_eq!(
        pages("serving -a:uni"),
        1,
        "a page has no affiliations to exclude"
    );
    assert_eq!(pages("serving has:code"), 0, "a page has no links");
    assert_eq!(pages("serving in:x"), 0);
    assert_eq!(pages(""), 1);
    assert_eq!(
        idx.find_pages(&parse("notes serv").unwrap())[0].positions,
        (0..4).chain(8..13).collect::<Vec<_>>()
    );
}

/// One file of three papers, Alpha, Beta and Gamma, with these takeaway bullets.
fn three_papers(takeaways: [&str; 3]) -> Library {
    let mut md = String::from("# CONF 2023\n\n## Papers\n\n");
    for (name, notes) in ["Alpha", "Beta", "Gamma"].into_iter().zip(takeaways) {
        md.push_str(&format!(
            "* {name} \\[[Paper](https://p/{name})]\n  * Uni {name}\n{notes}"
        ));
    }
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("conf.md", None, &md).0);
    loader::assign_ids(&mut lib);
    lib
}

#[test]
fn phrases_are_checked_in_the_papers_takeaways_as_written() {
    let lib = three_papers([
        "  * The **kv** cache grows -> evicts.\n",
        "  * Cache first.\n  * Then kv.\n",
        "  * A cache of kv pairs.\n",
    ]);
    // Words split by formatting are one text.
    assert_eq!(find(&lib, "\"kv cache\""), vec!["Alpha"]);
    // Notes are joined by ` · `: a phrase does not run from one into the next.
    assert!(find(&lib, "\"first then\"").is_empty());
    assert_eq!(find(&lib, "\"first. · then\""), vec!["Beta"]);
    // Without letters or digits, every paper's takeaways are read.
    assert_eq!(find(&lib, "\"->\""), vec!["Alpha"]);
    // Case matters with a capital: `Cache` begins Beta's note only.
    assert_eq!(find(&lib, "\"Cache\""), vec!["Beta"]);
    assert_eq!(find(&lib, "-\"kv cache\" note:kv").len(), 2);
}

#[test]
fn in_the_takeaways_words_closer_together_rank_first() {
    let lib = three_papers([
        "  * The kv store and then a cache.\n",
        "  * A kv cache.\n",
        "  * Only the cache.\n",
    ]);
    assert_eq!(find(&lib, "kv cache"), vec!["Beta", "Alpha"]);
}

/// A library of papers with these titles, in one document.
fn titled(titles: &[&str]) -> Library {
    let mut lib = Library::default();
    let mut md = String::from("# CONF 2023\n\n## Papers\n\n");
    for (n, t) in titles.iter().enumerate() {
        md.push_str(&format!("* {t} \\[[Paper](https://p/{n})]\n"));
    }
    lib.documents
        .push(loader::document::build("conf.md", None, &md).0);
    loader::assign_ids(&mut lib);
    lib
}

/// The filter's best for `query`, and the ranked search's first: they must be the same paper.
fn best_and_first(lib: &Library, query: &str) -> (Option<String>, Option<String>) {
    let idx = Index::new(lib);
    let q = parse(query).unwrap();
    let title = |h: Option<crate::search::Hit>| {
        h.and_then(|h| lib.paper(h.paper))
            .map(|p| p.title.to_string())
    };
    let best = idx
        .find_best_cancellable(&q, None, &NoMarks, &|| false)
        .and_then(|s| s.best);
    (title(best), title(idx.find(&q, &NoMarks).first().copied()))
}

#[test]
fn the_filters_best_is_the_best_score_even_when_a_higher_bound_comes_first() {
    // For `abc`, skim scores `babc` 52 and `aBac` 58; the filter's bound on `babc` (60) is above
    // the one on `aBac` (58), and `babc` comes first: the best is still `aBac`, as ranked.
    let lib = titled(&["babc", "aBac", "cab"]);
    let idx = Index::new(&lib);
    let q = parse("abc").unwrap();
    assert_eq!(titles(&lib, &idx.find(&q, &NoMarks)), vec!["aBac", "babc"]);
    assert_eq!(best_and_first(&lib, "abc").0.as_deref(), Some("aBac"));
}

#[test]
fn the_filters_best_is_the_ranked_first_however_the_bounds_fall() {
    for (titles, query, want) in [
        // A name that starts with the word's run: skim's score is its quick bound.
        (
            &[
                "Towards Serving",
                "A Serverless Cloud",
                "Serving at Scale",
                "serving",
            ][..],
            "serv",
            "serving",
        ),
        // No name starts with it: every quick bound has a gap, and the full bounds decide.
        (
            &["Towards Serving", "xx sxexrxv", "A Serverless Cloud"][..],
            "serv",
            "A Serverless Cloud",
        ),
        // Two words: the names at the top of the quick bounds lose to one below them.
        (
            &["kv xcxaxcxhxe", "Cache of kv", "kvx cache"][..],
            "kv cache",
            "kvx cache",
        ),
        // A word that is not ASCII is not bounded: each name is scored.
        (&["Über Serving", "Große Übung", "übung"][..], "üb", "übung"),
    ] {
        let lib = titled(titles);
        let (best, first) = best_and_first(&lib, query);
        assert_eq!(best, first, "{query} in {titles:?}");
        assert_eq!(best.as_deref(), Some(want), "{query} in {titles:?}");
    }
}

#[test]
fn a_word_that_leaves_the_title_is_found_in_the_affiliations_when_typed_key_by_key() {
    // `Sea Level` matches `s`, `se`, but not `ser`; its affiliations (not looked in while the title
    // matched) do.
    let mut lib = Library::default();
    let md = "# CONF 2023\n\n## Papers\n\n\
              * Sea Level \\[[Paper](https://p/1)]\n  * Serverless Lab\n\
              * Quiet \\[[Paper](https://p/2)]\n  * Uni Q\n";
    lib.documents
        .push(loader::document::build("conf.md", None, md).0);
    loader::assign_ids(&mut lib);
    let idx = Index::new(&lib);
    let mut prev = Search::default();
    for q in ["s", "se", "ser", "serv"] {
        let query = parse(q).unwrap();
        let narrowed = idx.find_within(&query, &prev, &NoMarks);
        assert_eq!(narrowed.hits, idx.find(&query, &NoMarks), "{q}");
        assert_eq!(titles(&lib, &narrowed.hits), ["Sea Level"], "{q}");
        prev = narrowed;
    }
    assert_eq!(prev.hits[0].field, Field::Affiliations);
}

#[test]
fn a_breadcrumb_first_needed_at_a_later_key_is_found_from_the_keys_before() {
    // `Sea Level` matches `s` and `se` by its title; from `sec` on only its topic does, whose breadcrumb
    // no key before needed (the title decided the field).
    let mut lib = Library::default();
    let md = "# CONF 2023\n\n## Papers\n\n### Security\n\n\
              * Sea Level \\[[Paper](https://p/1)]\n  * Uni Q\n\n### Storage\n\n\
              * Quiet \\[[Paper](https://p/2)]\n  * Uni Q\n";
    lib.documents
        .push(loader::document::build("conf.md", None, md).0);
    loader::assign_ids(&mut lib);
    let idx = Index::new(&lib);
    let mut prev = Search::default();
    for (q, field) in [
        ("s", Field::Title),
        ("se", Field::Title),
        ("sec", Field::Context),
        ("secu", Field::Context),
    ] {
        let query = parse(q).unwrap();
        let narrowed = idx.find_within(&query, &prev, &NoMarks);
        assert_eq!(narrowed.hits, idx.find(&query, &NoMarks), "{q}");
        let sea = narrowed
            .hits
            .iter()
            .find(|h| lib.paper(h.paper).is_some_and(|p| &*p.title == "Sea Level"));
        assert_eq!(sea.map(|h| h.field), Some(field), "{q}");
        prev = narrowed;
    }
}

#[test]
fn names_found_in_parts_keep_library_order_across_parts() {
    // More papers than one part of the names walk (4,096), the matching ones spread over several
    // parts: typed key by key (each key from the one before) and at once, the same hits in the same
    // order as a plain filter of the titles.
    let titles: Vec<String> = (0..10_000)
        .map(|n| match n % 7 {
            0 => format!("Serving {n}"),
            3 => format!("Sea {n}"),
            _ => format!("Quiet {n}"),
        })
        .collect();
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let lib = titled(&refs);
    let idx = Index::new(&lib);
    let mut prev = Search::default();
    for q in ["s", "se", "ser", "serv"] {
        let query = parse(q).unwrap();
        let narrowed = idx.find_within(&query, &prev, &NoMarks);
        let want: Vec<&str> = refs
            .iter()
            .copied()
            .filter(|t| t.starts_with("Serving") || (q.len() <= 2 && t.starts_with("Sea")))
            .collect();
        let mut got = titles_in_library_order(&lib, &narrowed.hits);
        got.sort_by_key(|t| refs.iter().position(|r| r == t));
        assert_eq!(got, want, "{q}");
        assert!(got.len() > 1_000, "{q}: in several parts");
        assert_eq!(narrowed.hits, idx.find(&query, &NoMarks), "{q}");
        prev = narrowed;
    }
}

fn titles_in_library_order(lib: &Library, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .filter_map(|h| lib.paper(h.paper))
        .map(|p| p.title.to_string())
        .collect()
}

/// A list whose first paper links its note page, and that page (both under `/notes`), and a second
/// page no paper links.
fn with_note_pages(orca_page: &str) -> Library {
    let mut lib = Library::default();
    let list = "# Reading List\n\n## Papers\n\n\
                * Orca: Serving Transformers \\[[Paper](https://p/orca)] \\[[Personal Note](orca.md)]\n  \
                * Batches by iteration.\n\
                * Quiet Storage \\[[Paper](https://p/quiet)]\n  * Cold data.\n";
    let docs = [
        ("list.md", list.to_string()),
        ("orca.md", format!("# Orca notes\n\n{orca_page}\n")),
        (
            "loose.md",
            "# Loose Thoughts\n\n> On checkpointing:\n>\n> | a | b |\n> | - | - |\n> | wal | fsync |\n"
                .to_string(),
        ),
    ];
    for (name, md) in docs {
        let path = std::path::PathBuf::from("/notes").join(name);
        lib.documents
            .push(loader::document::build(name, Some(&path), &md).0);
    }
    loader::assign_ids(&mut lib);
    lib
}

#[test]
fn a_papers_note_page_is_part_of_its_text() {
    let lib = with_note_pages("- Selective batching.\n\n```\ncheckpoint every step\n```");
    assert_eq!(find(&lib, "selective"), ["Orca: Serving Transformers"]);
    assert_eq!(
        find(&lib, "note:checkpoint"),
        ["Orca: Serving Transformers"]
    );
    assert_eq!(find(&lib, "'every step"), ["Orca: Serving Transformers"]);
    assert_eq!(find(&lib, "serving -selective"), Vec::<String>::new());
    // By words, as takeaways: scattered letters in the page do not match.
    assert!(find(&lib, "note:sltv").is_empty());
}

#[test]
fn note_pages_are_found_by_their_text_below_title_hits() {
    let lib = with_note_pages("Selective batching, checkpoint free.");
    let idx = Index::new(&lib);
    let pages = |q: &str| -> Vec<(String, i64)> {
        idx.find_pages(&parse(q).unwrap())
            .into_iter()
            .map(|h| (lib.documents[h.doc].title.clone(), h.score))
            .collect()
    };
    // In a quote, in a table cell, with one typo; and `note:` looks in the text only.
    assert_eq!(pages("fsync"), [("Loose Thoughts".to_string(), 0)]);
    assert_eq!(pages("checkpointing"), [("Loose Thoughts".to_string(), 0)]);
    assert_eq!(pages("chekpoint").len(), 2);
    assert!(pages("note:loose").is_empty());
    // A title hit ranks above a page found in its text.
    let both = pages("notes");
    assert_eq!(both.len(), 1);
    let ranked = pages("o");
    assert!(ranked[0].1 > 0, "{ranked:?}");
    // As written, and excluded.
    assert_eq!(pages("'wal"), [("Loose Thoughts".to_string(), 0)]);
    assert_eq!(pages("checkpoint -'fsync").len(), 1);
    assert!(pages("fsync has:code").is_empty());
}

#[test]
fn a_reload_of_a_note_page_updates_the_papers_that_link_it() {
    let before = with_note_pages("Selective batching.");
    let idx = Index::new(&before);
    // The list is as it was: only the page changed.
    let after = with_note_pages("Iteration-level scheduling.");
    let updated = idx.updated(&after, &[1]);
    let fresh = Index::new(&after);
    for q in [
        "selective",
        "scheduling",
        "iteration",
        "note:batching",
        "orca",
    ] {
        let q = parse(q).unwrap();
        assert_eq!(
            titles(&after, &updated.find(&q, &NoMarks)),
            titles(&after, &fresh.find(&q, &NoMarks)),
            "{q:?}"
        );
    }
    assert_eq!(
        titles(
            &after,
            &updated.find(&parse("scheduling").unwrap(), &NoMarks)
        ),
        ["Orca: Serving Transformers"]
    );
    assert_eq!(updated.find_pages(&parse("selective").unwrap()).len(), 0);
    assert_eq!(updated.find_pages(&parse("scheduling").unwrap()).len(), 1);
}

#[test]
fn chinese_text_is_found_by_any_of_its_characters_not_only_a_clauses_start() {
    let lib = three_papers([
        "  * 这是一个很长的要点，用来测试中文。\n",
        "  * 中间的文字。\n",
        "  * Plain English.\n",
    ]);
    assert_eq!(find(&lib, "note:中文"), ["Alpha", "Beta"]);
    assert_eq!(find(&lib, "测试"), ["Alpha"]);
    assert_eq!(find(&lib, "note:要点"), ["Alpha"]);
    assert_eq!(find(&lib, "这是"), ["Alpha"]);
    // Next to each other ranks first.
    assert_eq!(find(&lib, "note:文字")[0], "Beta");
    let idx = Index::new(&lib);
    let q = parse("中文").unwrap();
    assert_eq!(
        idx.query_positions("用来测试中文。", &q, Field::Takeaways),
        vec![4, 5]
    );
}
