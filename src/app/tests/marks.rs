//! Bookmarks and read marks, and the toggles that show only bookmarked or unread papers.

use super::*;

#[test]
fn b_and_m_toggle_marks_and_return_mark_effects() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    // Marks belong to the paper's work, kept by its key.
    let id = selected_work(&app);
    assert_eq!(
        id,
        "greyhound-hunting-fail-slows-in-hybrid-parallel-training-at-scale"
    );
    assert_eq!(
        keys(&mut app, "b"),
        vec![Effect::Mark(Mark::Bookmark {
            id: id.clone(),
            on: true
        })]
    );
    assert!(app.marks.bookmarks.contains(&id));
    assert_eq!(
        keys(&mut app, "b"),
        vec![Effect::Mark(Mark::Bookmark {
            id: id.clone(),
            on: false
        })]
    );
    assert!(!app.marks.bookmarks.contains(&id));
    let doc_node = app.tree.node_of_doc(0).unwrap();
    assert_eq!(app.marks.unread[doc_node], 28);
    assert_eq!(
        keys(&mut app, "m"),
        vec![Effect::Mark(Mark::Read {
            id: id.clone(),
            on: true
        })]
    );
    assert_eq!(app.marks.unread[doc_node], 27);
    // Marks on a non-paper row do nothing.
    keys(&mut app, "gm");
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .starts_with("Select a paper"));
}

#[test]
fn only_bookmarked_and_only_unread_combine_with_the_filter() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    keys(&mut app, "b");
    select(&mut app, "torpor");
    keys(&mut app, "bm");
    keys(&mut app, "B");
    let shown: Vec<String> = app
        .tree_view
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .map(|r| app.library.paper(r).unwrap().title.to_string())
        .collect();
    assert_eq!(shown.len(), 2);
    assert_eq!(app.tree_view.shown_papers, 2);
    keys(&mut app, "U"); // bookmarked and unread: GreyHound only
    assert_eq!(app.tree_view.shown_papers, 1);
    assert!(selected_title(&app).starts_with("GreyHound"));
    keys(&mut app, "/Torpor");
    let shown: Vec<PaperRef> = app
        .tree_view
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .collect();
    assert_eq!(shown.len(), app.tree_view.shown_papers);
    assert!(
        shown
            .iter()
            .all(|&r| app.is_bookmarked(r) && !app.is_read(r)),
        "Torpor is read: hidden"
    );
    press(&mut app, KeyCode::Esc); // clears the filter, keeps B and U
    assert_eq!(app.tree_view.shown_papers, 1);
    keys(&mut app, "BU");
    assert!(!app.narrowed());
}

#[test]
fn a_toggle_keeps_the_paper_selected_while_it_is_shown() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    keys(&mut app, "b");
    select(&mut app, "torpor");
    keys(&mut app, "b");
    // Torpor is bookmarked and unread, and not the first paper either toggle shows.
    for toggle in ["B", "U", "B", "U"] {
        keys(&mut app, toggle);
        assert!(
            selected_title(&app).starts_with("Torpor"),
            "after {toggle}: {}",
            selected_title(&app)
        );
    }
    // Hidden by a toggle: the first paper shown is selected.
    keys(&mut app, "m");
    keys(&mut app, "U");
    assert!(!selected_title(&app).starts_with("Torpor"));
    assert!(app.tree_view.shown_papers > 0);
}

#[test]
fn the_status_line_says_what_both_toggles_show() {
    let mut app = bundled();
    let said = |app: &App| app.message.clone().unwrap_or_default();
    keys(&mut app, "U");
    assert!(
        said(&app).starts_with("Showing only unread papers"),
        "{}",
        said(&app)
    );
    keys(&mut app, "B");
    assert!(
        said(&app).starts_with("Showing only bookmarked unread papers"),
        "{}",
        said(&app)
    );
    // B off again: U is still on, and the status line says so (not "all").
    keys(&mut app, "B");
    assert!(app.filter.only_unread);
    assert!(
        said(&app).starts_with("Showing only unread papers"),
        "{}",
        said(&app)
    );
    keys(&mut app, "U");
    assert_eq!(said(&app), "Showing all papers");
}
