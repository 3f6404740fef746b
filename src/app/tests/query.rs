//! The query language in the filter and the palette: scoped queries, errors on the status line with the
//! last good result kept, `is:` from the app's marks, the same result on the search worker.

use super::*;

/// The titles of the papers the filter matched, best first.
fn hit_titles(app: &App) -> Vec<String> {
    app.filter
        .hits
        .iter()
        .map(|h| app.library.paper(h.paper).unwrap().title.to_string())
        .collect()
}

#[test]
fn the_filter_reads_the_query_language() {
    let mut app = bundled();
    keys(&mut app, "/has:code t:llm");
    let hits = hit_titles(&app);
    assert!(!hits.is_empty());
    for r in app.filter.hits.iter().map(|h| h.paper) {
        let p = app.library.paper(r).unwrap();
        assert!(p.has(crate::model::LinkKind::Code), "{}", p.title);
        assert!(p.title.to_lowercase().contains('l'), "{}", p.title);
    }
    // Fewer than the plain word, which also matches topics and takeaways.
    let scoped = hits.len();
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/llm");
    assert!(app.filter.hits.len() > scoped);
    // An exclusion drops every title with the word.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/training -llm");
    assert!(!app.filter.hits.is_empty());
    assert!(hit_titles(&app)
        .iter()
        .all(|t| !t.to_lowercase().contains("llm")));
}

#[test]
fn an_unknown_field_is_said_and_the_last_good_result_stays() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    let good = app.filter.hits.clone();
    assert_eq!(good.len(), 1);
    // Pasted at once (typed, `colour` alone would already match nothing).
    for c in " colour:red".chars() {
        app.filter.input.push(c);
    }
    app.run_filter();
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("colour"), "{msg}");
    assert!(msg.contains("title:") && msg.contains("has:"), "{msg}");
    assert_eq!(app.filter.hits, good, "the last good result stays");
    // And it says which query that result is for (the tree's count is that query's).
    assert!(msg.starts_with("still showing “greyhound”: "), "{msg}");
    assert!(app.narrowed());
    // Fixed: the message goes, the query applies.
    for _ in 0.." colour:red".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.message, None);
    assert_eq!(app.filter.hits, good);
    // The palette says so too.
    press(&mut app, KeyCode::Esc);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    let items = app.palette.items.clone();
    keys(&mut app, " has:pdf");
    assert!(app.message.clone().unwrap_or_default().contains("has:pdf"));
    assert_eq!(app.palette.items, items);
}

#[test]
fn is_uses_the_apps_marks_and_follows_them() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    keys(&mut app, "b");
    keys(&mut app, "/is:bookmarked");
    assert_eq!(hit_titles(&app).len(), 1);
    assert!(hit_titles(&app)[0].starts_with("GreyHound"));
    press(&mut app, KeyCode::Enter);
    // Unbookmarked: the filter is searched again with the new marks.
    keys(&mut app, "b");
    assert!(app.filter.hits.is_empty());
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/is:unread greyhound");
    assert_eq!(app.filter.hits.len(), 1);
}

#[test]
fn backspace_finds_again_what_the_shorter_query_found() {
    for off_thread in [false, true] {
        let fresh = |q: &str| {
            let mut app = bundled();
            keys(&mut app, "/");
            keys(&mut app, q);
            (app.filter.hits.clone(), app.filter.best)
        };
        let mut app = bundled();
        app.searches.off_thread = off_thread;
        let type_key = |app: &mut App, key: Key| {
            let effects = app.handle(Event::Key(key));
            run_jobs(app, effects);
        };
        type_key(&mut app, Key::ch('/'));
        for c in "serving zqxw".chars() {
            type_key(&mut app, Key::ch(c));
        }
        assert!(app.filter.hits.is_empty(), "nothing matches zqxw");
        // Back to `serving`, then to `serv`: each the hits and best of that query typed afresh.
        for (back, q) in [(5, "serving"), (3, "serv")] {
            for _ in 0..back {
                type_key(&mut app, Key::plain(KeyCode::Backspace));
            }
            assert_eq!(app.filter.query(), q);
            assert!(app.filter.is_current(), "{q}");
            let (hits, best) = fresh(q);
            assert!(!hits.is_empty(), "{q}");
            assert_eq!(
                (app.filter.hits.clone(), app.filter.best),
                (hits, best),
                "{q}"
            );
        }
    }
}

#[test]
fn the_worker_finds_what_the_app_finds_in_place() {
    for q in [
        "t:llm has:code",
        "in:\"llm training\"",
        "-llm serving",
        "is:unread cache",
    ] {
        let mut here = bundled();
        keys(&mut here, "/");
        keys(&mut here, q);
        let mut there = bundled();
        there.searches.off_thread = true;
        keys(&mut there, "/");
        for c in q.chars() {
            let effects = there.handle(Event::Key(Key::ch(c)));
            run_jobs(&mut there, effects);
        }
        assert_eq!(there.filter.hits, here.filter.hits, "{q}");
        assert!(!here.filter.hits.is_empty(), "{q}");
    }
}

#[test]
fn while_narrowed_each_row_counts_the_papers_shown_below_it() {
    let mut app = bundled();
    keys(&mut app, "/has:code");
    let shown = app.tree_view.shown_papers;
    assert!(shown > 0 && shown < app.library.paper_count());
    let tree = &app.tree;
    for &id in &app.tree_view.rows {
        let node = &tree.nodes[id];
        if node.paper().is_some() {
            continue;
        }
        // The matched papers among this node's rows, counted from the visible rows themselves.
        let below = app
            .tree_view
            .rows
            .iter()
            .filter(|&&r| tree.nodes[r].paper().is_some() && tree.ancestors(r).any(|a| a == id))
            .count();
        assert_eq!(app.tree_view.shown_below[id], below, "{}", node.title);
        assert!(below <= node.papers, "{}", node.title);
    }
    let roots: usize = tree
        .roots
        .iter()
        .map(|&r| app.tree_view.shown_below[r])
        .sum();
    assert_eq!(roots, shown);
    // Back to everything: no narrowed counts are kept.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.narrowed());
    assert!(app.tree_view.shown_below.is_empty());
}

#[test]
fn narrowing_in_one_sweep_equals_marking_counting_and_listing_apart() {
    let app = bundled();
    let papers: Vec<_> = app.library.papers().map(|(r, _)| r).collect();
    for step in [1, 2, 3, 7, papers.len().max(1)] {
        let some = || papers.iter().copied().step_by(step);
        let (mut shown, mut below, mut rows) = (Vec::new(), Vec::new(), Vec::new());
        app.tree
            .narrow_into(some(), &mut shown, &mut below, &mut rows);
        let apart = app.tree.shown_for(some());
        assert_eq!(shown, apart, "every {step}th paper");
        assert_eq!(below, app.tree.shown_below(&apart), "every {step}th paper");
        assert!(app.tree.rows_are_shown(Some(&shown)));
        assert_eq!(
            rows,
            app.tree.visible(&[], Some(&apart)),
            "every {step}th paper"
        );
        assert!(rows.len() > 1);
    }
}

#[test]
fn the_filter_alone_narrows_as_the_filter_with_toggles_that_keep_every_hit() {
    // The filter alone takes its hits straight into the tree; with `U` (only unread, none read here)
    // they go the general way through the toggles: the same rows and counts (`U` then selects the
    // first paper shown, as it does).
    let mut app = bundled();
    keys(&mut app, "/serving");
    assert!(!app.filter.hits.is_empty());
    let alone = (
        app.tree_view.shown.clone(),
        app.tree_view.shown_below.clone(),
        app.tree_view.rows.clone(),
        app.tree_view.shown_papers,
    );
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "U");
    assert!(app.filter.only_unread);
    let toggled = (
        app.tree_view.shown.clone(),
        app.tree_view.shown_below.clone(),
        app.tree_view.rows.clone(),
        app.tree_view.shown_papers,
    );
    assert_eq!(alone, toggled);
    assert_eq!(alone.3, app.filter.hits.len());
}

#[test]
fn emptying_the_query_keeps_the_selected_paper_as_esc_does() {
    let mut app = bundled();
    keys(&mut app, "/kvcache");
    let paper = selected_title(&app);
    assert!(!paper.is_empty(), "a paper is selected");
    // Ctrl-W deletes the word: the query is empty, every paper shows, the paper is still selected.
    app.handle(Event::Key(Key {
        code: KeyCode::Char('w'),
        ctrl: true,
        alt: false,
    }));
    assert!(!app.filter.is_active());
    assert!(!app.narrowed());
    assert_eq!(selected_title(&app), paper);
    // The same with Backspace, key by key.
    keys(&mut app, "greyhound");
    let paper = selected_title(&app);
    for _ in 0.."greyhound".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert!(!app.narrowed());
    assert_eq!(selected_title(&app), paper);
}

#[test]
fn a_query_kept_with_enter_that_cannot_be_understood_still_says_why() {
    let mut app = bundled();
    keys(&mut app, "/serving colour:red");
    // As the runtime does before each key: the last message goes.
    app.message = None;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("`colour:`"), "{msg:?}");
    // Typed key by key: the tree shows the last prefix that could be understood, and the message
    // names it.
    assert!(
        msg.starts_with("still showing “serving colour:”: "),
        "{msg:?}"
    );
    assert_eq!(app.filter.hits, {
        let mut fresh = bundled();
        keys(&mut fresh, "/serving colour:");
        fresh.filter.hits
    });
    // Editing it again to something good clears the word.
    keys(&mut app, "/");
    for _ in 0.."colour:red".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.message, None);
}

#[test]
fn ctrl_r_recalls_the_queries_kept_with_enter_and_ctrl_u_clears_the_line() {
    let mut app = bundled();
    keys(&mut app, "/");
    app.handle(Event::Key(Key::ctrl('r')));
    assert_eq!(
        app.message.as_deref(),
        Some("No filter kept yet (Enter keeps one)")
    );
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/serving");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(!app.narrowed());
    keys(&mut app, "/");
    let mut recalled = Vec::new();
    for _ in 0..3 {
        app.handle(Event::Key(Key::ctrl('r')));
        recalled.push(app.filter.query().to_string());
    }
    assert_eq!(recalled, ["serving", "greyhound", "serving"]);
    // What is recalled is searched as typed.
    assert_eq!(app.filter.hits, {
        let mut fresh = bundled();
        keys(&mut fresh, "/serving");
        fresh.filter.hits
    });
    app.handle(Event::Key(Key::ctrl('u')));
    assert_eq!(app.filter.query(), "");
    assert!(!app.narrowed());
}

#[test]
fn a_key_that_does_nothing_while_browsing_says_so() {
    let mut app = bundled();
    assert_eq!(keys(&mut app, "z"), []);
    assert_eq!(
        app.message.as_deref(),
        Some("z does nothing here · ? shows the keys")
    );
    app.message = None;
    press(&mut app, KeyCode::F(5));
    assert_eq!(
        app.message.as_deref(),
        Some("F5 does nothing here · ? shows the keys")
    );
    // Typed into the filter line, it is text.
    app.message = None;
    keys(&mut app, "/z");
    assert_eq!(app.filter.query(), "z");
    assert_eq!(app.message, None);
    // Help moved to F1 by the configuration: `?` does nothing, and the message names F1.
    let mut app = bundled();
    app.keymap =
        KeyMap::with_overrides(&[(Action::Help, vec![Key::plain(KeyCode::F(1))])]).unwrap();
    keys(&mut app, "?");
    assert_eq!(
        app.message.as_deref(),
        Some("? does nothing here · F1 shows the keys")
    );
}

#[test]
fn a_paste_is_typed_into_the_filter_and_none_of_it_acts_as_keys() {
    let mut app = bundled();
    keys(&mut app, "/");
    let selected = app.selected_paper().map(|p| p.0);
    // A line break would be Enter, the letters after it keys (`o` opens links, `q` quits).
    let effects = app.handle(Event::Paste("grey\r\nhound\toq\u{1b}[31m".into()));
    assert!(
        effects.iter().all(|e| !matches!(e, Effect::Open(_))),
        "{effects:?}"
    );
    assert_eq!(app.mode, Mode::FilterInput);
    assert_eq!(app.filter.input.as_str(), "grey hound oq[31m");
    assert!(app.running);
    assert_eq!(app.selected_paper().map(|p| p.0), selected);
    // While browsing, a paste is refused, saying so, and types nothing.
    press(&mut app, KeyCode::Esc);
    let before = app.selected_paper().map(|p| p.0);
    let effects = app.handle(Event::Paste("q\njjjo".into()));
    assert!(
        effects.iter().all(|e| !matches!(e, Effect::Open(_))),
        "{effects:?}"
    );
    assert!(app.running);
    assert_eq!(app.selected_paper().map(|p| p.0), before);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("paste"), "{msg}");
}

#[test]
fn esc_on_a_filter_that_matches_nothing_goes_back_to_the_paper_selected_before() {
    let mut app = bundled();
    keys(&mut app, "/crosspipe");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let before = app.selected_paper().map(|p| p.1.title.to_string());
    assert!(
        before.as_deref().unwrap_or("").starts_with("CrossPipe"),
        "{before:?}"
    );
    keys(&mut app, "/serving");
    keys(&mut app, "xqzz");
    assert!(app.filter.hits.is_empty());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.selected_paper().map(|p| p.1.title.to_string()), before);
}

#[test]
fn n_on_a_filter_that_matches_nothing_says_so() {
    let mut app = bundled();
    keys(&mut app, "/zzqqxx");
    press(&mut app, KeyCode::Enter);
    app.message = None;
    keys(&mut app, "n");
    assert_eq!(
        app.message.as_deref(),
        Some("No paper matches: nothing to step to")
    );
}

#[test]
fn the_filter_line_edits_at_its_cursor() {
    let mut app = bundled();
    keys(&mut app, "/kv cache");
    press(&mut app, KeyCode::Home);
    keys(&mut app, "\"");
    press(&mut app, KeyCode::End);
    keys(&mut app, "\"");
    assert_eq!(app.filter.query(), "\"kv cache\"");
    // Searched as the phrase it now is.
    assert!(!app.filter.hits.is_empty());
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.filter.query(), "\"kv cach\"");
    // The palette's line too.
    press(&mut app, KeyCode::Esc);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "torpr");
    press(&mut app, KeyCode::Left);
    keys(&mut app, "o");
    assert_eq!(app.palette.query(), "torpor");
}
