//! Several papers at once (the selection) and what is new since last time.

use super::*;
use crate::state::seen::Seen;

/// `n` papers in one topic, each with a Paper link.
fn papers(n: usize) -> App {
    let mut md = String::from("# OWL 2024\n\n## Papers\n\n### Owls\n\n");
    for i in 1..=n {
        md.push_str(&format!(
            "* Owl Paper Number {i} \\[[Paper](https://arxiv.org/abs/2401.{i:05})]\n  * Uni {i}\n"
        ));
    }
    let mut app = app_of(&md);
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn opened(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Open(u) => Some(u.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn space_on_three_papers_then_p_opens_three_and_x_exports_those_three() {
    let mut app = papers(5);
    select(&mut app, "number 2");
    keys(&mut app, "   ");
    assert_eq!(app.picked_count(), 3);
    assert_eq!(app.message.as_deref(), Some("3 selected"));
    let effects = keys(&mut app, "p");
    assert_eq!(
        opened(&effects),
        [
            "https://arxiv.org/abs/2401.00002",
            "https://arxiv.org/abs/2401.00003",
            "https://arxiv.org/abs/2401.00004"
        ]
    );
    let effects = keys(&mut app, "x");
    let [Effect::Export { records, .. }] = &effects[..] else {
        panic!("{effects:?}")
    };
    let titles: Vec<&str> = records.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Owl Paper Number 2",
            "Owl Paper Number 3",
            "Owl Paper Number 4"
        ]
    );
    // Copying takes the three too; then clearing leaves the current paper as before.
    let effects = keys(&mut app, "y");
    assert_eq!(
        effects,
        [Effect::Copy(
            "https://arxiv.org/abs/2401.00002\nhttps://arxiv.org/abs/2401.00003\nhttps://arxiv.org/abs/2401.00004".into()
        )]
    );
    keys(&mut app, "u");
    assert_eq!(app.picked_count(), 0);
    assert_eq!(opened(&keys(&mut app, "p")).len(), 1);
}

#[test]
fn space_again_lets_a_paper_go_and_esc_clears() {
    let mut app = papers(3);
    select(&mut app, "number 1");
    keys(&mut app, " ");
    keys(&mut app, "k");
    keys(&mut app, " ");
    assert_eq!(app.picked_count(), 0);
    keys(&mut app, "  ");
    assert_eq!(app.picked_count(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.picked_count(), 0);
}

#[test]
fn more_than_ten_links_ask_first() {
    let mut app = papers(12);
    keys(&mut app, "/owl");
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Key(Key::ctrl('a')));
    assert_eq!(app.picked_count(), 12);
    let effects = keys(&mut app, "p");
    assert!(opened(&effects).is_empty());
    assert_eq!(app.mode, Mode::Ask);
    assert_eq!(app.message.as_deref(), Some("Open 12 Paper links? y/n"));
    keys(&mut app, "n");
    assert_eq!(app.mode, Mode::Browse);
    keys(&mut app, "p");
    assert_eq!(opened(&keys(&mut app, "y")).len(), 12);
}

#[test]
fn the_question_says_its_answer_keys_before_what_a_narrow_line_cuts() {
    let mut md = String::from("# OWL 2024\n\n## Papers\n\n### Owls\n\n");
    for i in 1..=11 {
        md.push_str(&format!(
            "* Owl Paper Number {i} \\[[Paper](https://arxiv.org/abs/2401.{i:05})]\n"
        ));
    }
    md.push_str("* Owl Tool \\[[Code](https://github.com/owls/tool)]\n");
    let mut app = app_of(&md);
    keys(&mut app, "/owl");
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Key(Key::ctrl('a')));
    keys(&mut app, "p");
    assert_eq!(app.mode, Mode::Ask);
    assert_eq!(
        app.message.as_deref(),
        Some("Open 11 Paper links? y/n (1 of the selection without one)")
    );
}

#[test]
fn bookmark_and_mark_read_act_on_the_whole_selection() {
    let mut app = papers(4);
    select(&mut app, "number 1");
    keys(&mut app, "  ");
    let effects = keys(&mut app, "b");
    assert_eq!(
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Mark(Mark::Bookmark { on: true, .. })))
            .count(),
        2
    );
    let effects = keys(&mut app, "b");
    assert!(effects
        .iter()
        .all(|e| matches!(e, Effect::Mark(Mark::Bookmark { on: false, .. }))));
    keys(&mut app, "m");
    let read: Vec<String> = app
        .library
        .papers()
        .filter(|(r, _)| app.is_read(*r))
        .map(|(_, p)| p.title.to_string())
        .collect();
    assert_eq!(read, ["Owl Paper Number 1", "Owl Paper Number 2"]);
}

fn keys_of(app: &App) -> Vec<String> {
    (0..app.works.len())
        .map(|w| app.works.key(w).to_string())
        .collect()
}

#[test]
fn works_not_seen_last_time_are_new_until_read() {
    let mut app = papers(4);
    let all = keys_of(&app);
    // Last time the library had papers 1, 2 and 4.
    let last = Seen::of(all.iter().map(String::as_str).filter(|k| !k.contains('3')));
    app.start_news(Some(last));
    let new: Vec<String> = app
        .library
        .papers()
        .filter(|(r, _)| app.is_new(*r))
        .map(|(_, p)| p.title.to_string())
        .collect();
    assert_eq!(new, ["Owl Paper Number 3"]);
    keys(&mut app, "/is:new");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tree_view.shown_papers, 1);
    assert_eq!(selected_title(&app), "Owl Paper Number 3");
    // Still new when quitting: kept out of what was seen, so new next time too.
    assert!(!app.seen_to_keep().unwrap().contains(&all[2]));
    // Read in the detail pane: no longer new, and seen next time.
    press(&mut app, KeyCode::Enter);
    assert!(app.news.new.is_empty());
    assert!(app.seen_to_keep().unwrap().contains(&all[2]));
}

#[test]
fn a_first_start_marks_nothing_new_and_the_clear_key_clears_all() {
    let mut app = papers(3);
    app.start_news(None);
    assert!(app.news.new.is_empty());
    let mut app = papers(3);
    app.start_news(Some(Seen::default()));
    assert_eq!(app.news.new.len(), 3);
    keys(&mut app, "C");
    assert!(app.news.new.is_empty());
    assert_eq!(app.message.as_deref(), Some("Cleared 3 new"));
    assert_eq!(app.seen_to_keep().unwrap().len(), 3);
}

#[test]
fn opening_the_selections_links_reads_them_and_a_reload_keeps_only_loaded_picks() {
    let mut app = papers(3);
    app.start_news(Some(Seen::default()));
    select(&mut app, "number 1");
    keys(&mut app, "  ");
    keys(&mut app, "p");
    assert_eq!(app.news.new.len(), 1, "the two opened are read");
    // A reload without paper 2: it leaves the selection.
    let mut lib = Library::default();
    lib.documents.push(
        loader::document::build(
            "t.md",
            None,
            "# OWL 2024\n\n## Papers\n\n### Owls\n\n* Owl Paper Number 1 \\[[Paper](https://arxiv.org/abs/2401.00001)]\n",
        )
        .0,
    );
    loader::assign_ids(&mut lib);
    app.replace_library(lib);
    assert_eq!(app.picked_count(), 1);
}

/// The titles of the papers shown in the tree, in order.
fn shown_titles(app: &App) -> Vec<String> {
    app.tree_view
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .map(|r| app.library.paper(r).unwrap().title.to_string())
        .collect()
}

#[test]
fn a_paper_read_under_is_new_stays_while_read_and_leaves_when_the_selection_moves() {
    let mut app = papers(3);
    app.start_news(Some(Seen::default()));
    keys(&mut app, "/is:new");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tree_view.shown_papers, 3);
    select(&mut app, "number 2");
    // Read in the detail pane: no longer new, but kept in view while it is read.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.news.new.len(), 2);
    assert_eq!(selected_title(&app), "Owl Paper Number 2");
    assert_eq!(shown_titles(&app).len(), 3);
    // Back in the tree, a move: the filter follows, and its count is the count shown.
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "j");
    assert_eq!(
        shown_titles(&app),
        ["Owl Paper Number 1", "Owl Paper Number 3"]
    );
    assert_eq!(app.tree_view.shown_papers, 2);
    assert_eq!(app.filter.hits.len(), 2);
}

#[test]
fn marking_read_under_only_unread_or_is_unread_goes_on_to_the_next_paper() {
    // The filter's search on the UI thread, and off it (a large library): its result then moves on.
    let cases = [
        ("U", false),
        ("/is:unread\n", false),
        ("/is:unread\n", true),
    ];
    for (narrowing, off_thread) in cases {
        let mut app = papers(4);
        app.searches.off_thread = off_thread;
        for c in narrowing.chars() {
            let effects = match c {
                '\n' => press(&mut app, KeyCode::Enter),
                c => keys(&mut app, &c.to_string()),
            };
            run_jobs(&mut app, effects);
        }
        let mark = |app: &mut App| {
            let effects = keys(app, "m");
            run_jobs(app, effects);
        };
        let effects = app.handle(Event::Key(Key::ctrl('p')));
        run_jobs(&mut app, effects);
        let effects = keys(&mut app, "number 2");
        run_jobs(&mut app, effects);
        press(&mut app, KeyCode::Enter);
        assert_eq!(selected_title(&app), "Owl Paper Number 2", "{narrowing}");
        mark(&mut app);
        assert_eq!(selected_title(&app), "Owl Paper Number 3", "{narrowing}");
        mark(&mut app);
        assert_eq!(selected_title(&app), "Owl Paper Number 4", "{narrowing}");
        // The last one read: the one before it.
        mark(&mut app);
        assert_eq!(selected_title(&app), "Owl Paper Number 1", "{narrowing}");
        assert_eq!(shown_titles(&app), ["Owl Paper Number 1"], "{narrowing}");
    }
}
