//! Moving, opening and closing in the tree, the filter, the palette, the mouse, help and quitting.

use super::*;

#[test]
fn starts_expanded_to_topics_with_the_document_selected() {
    let app = bundled();
    let first = &app.tree.nodes[app.tree_view.rows[0]];
    assert_eq!(first.title, "ATC 2025");
    assert_eq!(app.tree_view.selected, Some(app.tree_view.rows[0]));
    // Sections are open, topic bullets closed: LLM Training shows, GreyHound does not.
    let titles: Vec<&str> = app
        .tree_view
        .rows
        .iter()
        .map(|&id| app.tree.nodes[id].title.as_str())
        .collect();
    assert!(titles.contains(&"LLM Training"));
    assert!(!titles.iter().any(|t| t.starts_with("GreyHound")));
}

#[test]
fn filter_selects_the_best_match_and_p_yields_an_open_effect() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    assert_eq!(app.mode, Mode::FilterInput);
    assert!(selected_title(&app).starts_with("GreyHound"));
    assert_eq!(app.filter.hits.len(), 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.filter.is_active(), "Enter keeps the filter");
    let effects = keys(&mut app, "p");
    assert_eq!(effects, vec![Effect::Open(GREYHOUND_PAPER.into())]);
    let effects = keys(&mut app, "v");
    assert_eq!(
        effects,
        vec![Effect::Open(
            "https://www.youtube.com/watch?v=R_YsYdY8MPc".into()
        )]
    );
}

#[test]
fn the_hit_keys_say_what_they_need_when_no_filter_is_active() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    keys(&mut app, "]");
    assert_eq!(
        app.message.as_deref(),
        Some("No filter: ] and [ step between the words a filter (/) found in the detail pane")
    );
    app.message = None;
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "[");
    assert_eq!(app.message, None, "with a filter, the detail pane steps");
}

#[test]
fn escape_clears_the_filter_and_keeps_the_paper_selected() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Esc);
    assert!(!app.filter.is_active());
    assert_eq!(app.mode, Mode::Browse);
    assert!(selected_title(&app).starts_with("GreyHound"));
    // Its ancestors were expanded so it is visible.
    assert!(app.cursor().is_some());
    assert!(app.tree_view.rows.len() > 20);
}

#[test]
fn n_and_shift_n_cycle_through_matches() {
    let mut app = bundled();
    keys(&mut app, "/Serverless");
    press(&mut app, KeyCode::Enter);
    let n = app.filter.hits.len();
    assert!(n >= 2, "{n}");
    let first = selected_title(&app);
    keys(&mut app, "n");
    let second = selected_title(&app);
    assert_ne!(first, second);
    keys(&mut app, "N");
    assert_eq!(selected_title(&app), first);
    // The filter's match count equals the papers shown.
    let shown = app
        .tree_view
        .rows
        .iter()
        .filter(|&&id| app.tree.nodes[id].paper().is_some())
        .count();
    assert_eq!(shown, n);
}

#[test]
fn palette_jumps_to_a_paper_and_expands_its_ancestors() {
    let mut app = bundled();
    app.handle(Event::Key(Key::ctrl('p')));
    assert_eq!(app.mode, Mode::Palette);
    assert_eq!(app.palette.items.len(), 28);
    keys(&mut app, "torpor");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert!(selected_title(&app).starts_with("Torpor"));
    assert!(app.cursor().is_some(), "visible in the tree");
    assert_eq!(
        keys(&mut app, "c"),
        vec![Effect::Open("https://github.com/FCSLab/torpor".into())]
    );
}

#[test]
fn a_jump_to_a_paper_the_filter_hides_clears_the_filter_and_says_so() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert!(app.narrowed());
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "torpor");
    press(&mut app, KeyCode::Enter);
    assert!(selected_title(&app).starts_with("Torpor"));
    assert!(!app.narrowed());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("/greyhound cleared"), "{said:?}");
    // A jump to a paper the filter shows keeps it, and says nothing of it.
    keys(&mut app, "/torpor");
    press(&mut app, KeyCode::Enter);
    app.message = None;
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "torpor");
    press(&mut app, KeyCode::Enter);
    assert!(app.narrowed());
    assert_eq!(app.message, None);
}

#[test]
fn palette_moves_with_ctrl_n_and_ctrl_p_and_escape_changes_nothing() {
    let mut app = bundled();
    let before = app.tree_view.selected;
    app.handle(Event::Key(Key::ctrl('p')));
    app.handle(Event::Key(Key::ctrl('n')));
    app.handle(Event::Key(Key::ctrl('n')));
    assert_eq!(app.palette.selected, 2);
    app.handle(Event::Key(Key::ctrl('p')));
    assert_eq!(app.palette.selected, 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.tree_view.selected, before);
}

#[test]
fn a_palette_query_not_understood_says_which_query_its_items_are_for() {
    let mut app = bundled();
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound is:");
    let items = app.palette.items.clone();
    assert!(!items.is_empty());
    keys(&mut app, "x");
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.starts_with("still showing “greyhound is:”: ") && said.contains("unread"),
        "{said}"
    );
    assert_eq!(app.palette.items, items, "the items stay");
}

#[test]
fn collapse_goes_to_parent_and_expand_opens() {
    let mut app = bundled();
    keys(&mut app, "jj"); // LLM Training
    let topic = app.tree_view.selected.unwrap();
    assert_eq!(app.tree.nodes[topic].title, "LLM Training");
    let before = app.tree_view.rows.len();
    keys(&mut app, "l");
    assert_eq!(app.tree_view.rows.len(), before + 5);
    keys(&mut app, "l"); // into the first child
    assert!(selected_title(&app).starts_with("GreyHound"));
    keys(&mut app, "h"); // a paper: to its parent
    assert_eq!(app.tree_view.selected, Some(topic));
    keys(&mut app, "h"); // an open topic: closes
    assert_eq!(app.tree_view.rows.len(), before);
    press(&mut app, KeyCode::Enter); // toggles
    assert_eq!(app.tree_view.rows.len(), before + 5);
}

#[test]
fn enter_on_a_paper_focuses_detail_and_tab_switches_back() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Detail);
    keys(&mut app, "jjj");
    assert_eq!(
        app.detail_scroll.get(),
        3,
        "j scrolls the detail pane when it has focus"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Tree);
}

#[test]
fn movement_keys_and_paging_stay_in_bounds() {
    let mut app = bundled();
    keys(&mut app, "G");
    assert_eq!(app.cursor(), Some(app.tree_view.rows.len() - 1));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.cursor(), Some(app.tree_view.rows.len() - 1));
    keys(&mut app, "g");
    assert_eq!(app.cursor(), Some(0));
    keys(&mut app, "k");
    assert_eq!(app.cursor(), Some(0));
}

#[test]
fn the_tree_scrolls_with_the_selection() {
    let mut app = bundled();
    app.handle(Event::Resize {
        width: 80,
        height: 10,
    });
    let height = app.tree_height();
    keys(&mut app, "G");
    let cur = app.cursor().unwrap();
    assert!(app.tree_view.offset <= cur && cur < app.tree_view.offset + height);
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = bundled();
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    let areas = crate::app::layout::areas(app.size, false);
    app.handle(Event::Click {
        col: areas.tree_rows.x + 2,
        row: areas.tree_rows.y + 2,
    });
    assert_eq!(app.cursor(), Some(2));
    app.handle(Event::Click {
        col: areas.detail.x + 5,
        row: 5,
    });
    assert_eq!(app.focus, Focus::Detail);
    app.handle(Event::Scroll {
        col: 2,
        row: 5,
        down: true,
    });
    assert_eq!(app.cursor(), Some(5));
    // A paper long enough to scroll: the wheel over the detail pane scrolls it.
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Resize {
        width: 120,
        height: 20,
    });
    app.handle(Event::Scroll {
        col: areas.detail.x + 5,
        row: 5,
        down: true,
    });
    assert_eq!(app.detail_scroll.get(), 3);
}

#[test]
fn in_the_palette_a_click_selects_an_item_and_a_second_click_jumps_to_it() {
    let mut app = bundled();
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "serving");
    let items = app.palette.items.len();
    assert!(items >= 3, "{items}");
    let area = crate::app::layout::palette(ratatui::layout::Rect::new(0, 0, 120, 40)).unwrap();
    let inner = crate::app::layout::inner(area);
    // The query line, then the items: the third item's row.
    let third = Event::Click {
        col: inner.x + 4,
        row: inner.y + 3,
    };
    app.handle(third.clone());
    assert_eq!((app.mode, app.palette.selected), (Mode::Palette, 2));
    let want = match &app.palette.items[2] {
        Ranked::Paper(h) => h.paper,
        Ranked::Page(_) => panic!("a paper first"),
    };
    // The wheel moves the selection; a click on the query line or outside does nothing.
    app.handle(Event::Scroll {
        col: inner.x + 4,
        row: inner.y + 3,
        down: false,
    });
    assert_eq!(app.palette.selected, 0);
    app.handle(Event::Click { col: 0, row: 0 });
    app.handle(Event::Click {
        col: inner.x + 4,
        row: inner.y,
    });
    assert_eq!((app.mode, app.palette.selected), (Mode::Palette, 0));
    app.handle(third.clone());
    app.handle(third);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.selected_paper().map(|(r, _)| r), Some(want));
}

#[test]
fn quit_and_help() {
    let mut app = bundled();
    keys(&mut app, "?");
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    keys(&mut app, "q");
    assert!(!app.running);
    let mut app = bundled();
    app.handle(Event::Key(Key::ctrl('c')));
    assert!(!app.running);
}

#[test]
fn typing_in_the_filter_does_not_trigger_browse_keys() {
    let mut app = bundled();
    let effects = keys(&mut app, "/pq");
    assert!(effects.is_empty());
    assert!(app.running);
    assert_eq!(app.filter.query(), "pq");
    app.handle(Event::Key(Key::ctrl('w')));
    assert_eq!(app.filter.query(), "");
}

#[test]
fn palette_lists_note_pages_after_papers_and_jumps_to_them() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut app = App::new(loader::load_paths(&[dir]).library);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "platypus");
    let kinds: Vec<bool> = app
        .palette
        .items
        .iter()
        .map(|i| matches!(i, Ranked::Page(_)))
        .collect();
    // The paper and its note page have the same title score: the paper first, the page right after it.
    assert_eq!(kinds, vec![false, true]);
    app.handle(Event::Key(Key::ctrl('n')));
    press(&mut app, KeyCode::Enter);
    let doc = app.selected_page().expect("a page is selected");
    assert_eq!(
        app.library.documents[doc].title,
        "Platypus: Scheduling Odd Jobs"
    );
    assert!(app.cursor().is_some());
}
