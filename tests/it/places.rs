//! The app on a notes repository: the side pane as its author arranged it, and one paper listed in many
//! places (the palette lists it once, the detail pane shows every place, marks belong to the work, `w`
//! walks the places, a link to a list lands on the same work). Fixtures as in `navigation`.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{App, Effect, Event, Key, KeyCode};
use takeaway::loader;
use takeaway::model::PaperRef;
use takeaway::state::{Mark, State, Store};

use crate::common::{fixture, keys, press};

fn app(path: &str, width: u16, height: u16) -> App {
    let mut app = App::new(loader::load_paths(&[fixture(path)]).library);
    app.handle(Event::Resize { width, height });
    app
}

fn jump(app: &mut App, query: &str) {
    app.handle(Event::Key(Key::ctrl('p')));
    keys(app, query);
    press(app, KeyCode::Enter);
}

fn expand_all(app: &mut App) {
    let mut state = State::default();
    app.session(&mut state);
    state.expanded = (0..app.tree.len()).map(|id| app.node_key(id)).collect();
    app.restore_session(&state);
}

/// The side pane's text, row by row, as on screen (a wide character's second cell left out).
fn side_pane(app: &App) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| takeaway::ui::draw(f, app)).unwrap();
    let side = takeaway::app::layout::areas(app.size, app.filter_bar_shown()).side;
    let buf = t.backend().buffer();
    (side.y..side.y + side.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = side.x;
            while x < side.x + side.width {
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                x += sym.width().max(1) as u16;
            }
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The detail pane's text at its width.
fn detail(app: &App) -> String {
    let w = takeaway::app::layout::areas(app.size, app.filter_bar_shown())
        .detail_inner
        .width;
    takeaway::ui::detail::content(app, w)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn selected_breadcrumb(app: &App) -> String {
    app.tree.breadcrumb(app.tree_view.selected.unwrap())
}

#[test]
fn side_pane_with_summary() {
    let mut a = app("shelf", 150, 30);
    // The repository opens as its parts, closed.
    let tops: Vec<&str> = a
        .tree_view
        .rows
        .iter()
        .map(|&id| &*a.tree.nodes[id].title)
        .collect();
    assert_eq!(
        tops,
        vec!["Welcome", "Topic Lists", "Venues", "Not in SUMMARY.md"]
    );
    expand_all(&mut a);
    insta::assert_snapshot!(side_pane(&a));
}

#[test]
fn side_pane_without_summary() {
    let mut a = app("folders", 150, 20);
    expand_all(&mut a);
    insta::assert_snapshot!(side_pane(&a));
}

#[test]
fn the_palette_lists_a_work_once_at_its_fullest_place() {
    let mut a = app("shelf", 150, 30);
    a.handle(Event::Key(Key::ctrl('p')));
    keys(&mut a, "quokka");
    let papers: Vec<PaperRef> = a
        .palette
        .items
        .iter()
        .filter_map(|i| match i {
            takeaway::search::Ranked::Paper(h) => Some(h.paper),
            _ => None,
        })
        .collect();
    assert_eq!(papers.len(), 1, "three places, one entry");
    assert_eq!(a.place_count(papers[0]), 3);
    press(&mut a, KeyCode::Enter);
    // The fullest place: TOY 2031's (three links and two takeaways).
    assert_eq!(
        selected_breadcrumb(&a),
        "Venues › All Venues › TOY 2031 › Storage Systems"
    );
}

#[test]
fn the_palette_shows_a_work_by_a_place_that_matched_as_filter_does() {
    // Only the topic list's place links the code: asked for it, the palette lands there, not on the
    // fullest place (which has no code link), as `--filter` prints it.
    let mut a = app("shelf", 150, 30);
    jump(&mut a, "quokka has:code");
    let crumb = selected_breadcrumb(&a);
    assert!(!crumb.contains("TOY 2031"), "{crumb}");
    let loaded = loader::load_paths(&[fixture("shelf")]);
    let q = takeaway::search::parse("quokka has:code").unwrap();
    let lib = &loaded.library;
    let refs: Vec<PaperRef> = (takeaway::search::Index::new(lib)
        .find(&q, &takeaway::search::NoMarks))
    .iter()
    .map(|h| h.paper)
    .collect();
    let found = takeaway::model::work::Works::new(lib).once_among(lib, &refs);
    let (r, _) = a.selected_paper().unwrap();
    assert_eq!(found, [r]);
}

#[test]
fn the_detail_pane_shows_every_place_and_the_links_of_all() {
    let mut a = app("shelf", 150, 40);
    jump(&mut a, "quokka");
    let text = detail(&a);
    let pos = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"))
    };
    // Every place's breadcrumb, in the side pane's order, each followed by its takeaways.
    assert!(text.contains("Listed in 3 places · w next place"), "{text}");
    let topic = pos("  Topic Lists › Lists › Storage › Key-Value Stores");
    let venue = pos("▶ Venues › All Venues › TOY 2031 › Storage Systems");
    let queue = pos("  Not in SUMMARY.md › drafts › Reading Queue");
    assert!(topic < venue && venue < queue, "{text}");
    let cache = pos("Small keys waste most of each cache line.");
    let again = pos("Read the evaluation again.");
    assert!(venue < cache && cache < queue && queue < again, "{text}");
    // Links of all places, one per URL: this place's first, then the topic list's Code and venue.
    let labels: Vec<&str> = a.selected_links().iter().map(|l| &*l.label).collect();
    assert_eq!(
        labels,
        vec!["Paper", "Video", "Personal Note", "TOY 2031", "Code"]
    );
    assert!(
        text.contains("[p] Paper  [v] Video  [3] Personal Note  [4] TOY 2031  [c] Code"),
        "{text}"
    );
    // `c` opens the Code link, listed only in the topic list.
    assert_eq!(
        keys(&mut a, "c"),
        vec![Effect::Open("https://code.example.org/quokka".into())]
    );
    // The note page below, with its front matter's description and not the YAML.
    assert!(
        text.contains("Why tiny keys deserve their own hash table."),
        "{text}"
    );
    assert!(!text.contains("description:"), "{text}");
}

#[test]
fn w_walks_the_places_in_the_side_panes_order() {
    let mut a = app("shelf", 150, 30);
    jump(&mut a, "quokka");
    keys(&mut a, "w");
    assert_eq!(
        selected_breadcrumb(&a),
        "Not in SUMMARY.md › drafts › Reading Queue"
    );
    assert_eq!(
        a.message.as_deref(),
        Some("Place 3 of 3: Not in SUMMARY.md › drafts › Reading Queue")
    );
    keys(&mut a, "w");
    assert_eq!(
        selected_breadcrumb(&a),
        "Topic Lists › Lists › Storage › Key-Value Stores"
    );
    // A paper in one place says so and stays.
    jump(&mut a, "echidna");
    let before = a.tree_view.selected;
    keys(&mut a, "w");
    assert_eq!(a.tree_view.selected, before);
    assert_eq!(
        a.message.as_deref(),
        Some("This paper is listed in one place only")
    );
}

/// The tree nodes of Quokka's three places.
fn quokka_rows(a: &App) -> Vec<usize> {
    (0..a.tree.len())
        .filter(|&id| {
            a.tree.nodes[id].paper().is_some_and(|r| {
                let t = a.library.paper(r).unwrap().title.to_lowercase();
                t.contains("quokka") || t.contains("ｑｕｏｋｋａ")
            })
        })
        .collect()
}

#[test]
fn marking_one_place_marks_the_work_everywhere() {
    let mut a = app("shelf", 150, 30);
    jump(&mut a, "quokka");
    let places = quokka_rows(&a);
    assert_eq!(places.len(), 3);
    let effects = keys(&mut a, "b");
    assert_eq!(
        effects,
        vec![Effect::Mark(Mark::Bookmark {
            id: "quokka-fast-lookups-for-tiny-keys".into(),
            on: true
        })]
    );
    for &id in &places {
        assert!(a.is_bookmarked(a.tree.nodes[id].paper().unwrap()));
    }
    // Read in another place: read in all, and counted once per place in the unread counts.
    keys(&mut a, "w");
    keys(&mut a, "m");
    for &id in &places {
        assert!(a.is_read(a.tree.nodes[id].paper().unwrap()));
    }
    let venues = a.tree.roots[2];
    assert_eq!(&*a.tree.nodes[venues].title, "Venues");
    assert_eq!(a.marks.unread[venues], a.tree.nodes[venues].papers - 1);
    // The side pane stars every place.
    expand_all(&mut a);
    let pane = side_pane(&a);
    assert_eq!(pane.matches("★").count(), 3, "{pane}");
    // Unmarking: nothing of it stays.
    keys(&mut a, "b");
    assert!(places
        .iter()
        .all(|&id| !a.is_bookmarked(a.tree.nodes[id].paper().unwrap())));
}

#[test]
fn marks_kept_by_paper_id_by_earlier_versions_still_mark_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // What an earlier version wrote: marks keyed by one place's paper id.
    std::fs::write(
        &path,
        r#"{"version": 1, "bookmarks": {"storage/quokka-fast-lookups-for-tiny-keys": 1700000000, "gone/paper": 1600000000}, "read": {"toy-2030/wombat-log-structured-merging-without-tears": 1700000000}}"#,
    )
    .unwrap();
    let (mut store, msg) = Store::open(&path, &[]);
    assert!(msg.is_none());
    let mut a = app("shelf", 150, 30);
    a.set_marks(&store.state);
    let places = quokka_rows(&a);
    for &id in &places {
        assert!(
            a.is_bookmarked(a.tree.nodes[id].paper().unwrap()),
            "{}",
            a.tree.breadcrumb(id)
        );
    }
    jump(&mut a, "wombat");
    assert!(
        a.is_read(a.selected_paper().unwrap().0),
        "read in its other place"
    );

    // Unmarking removes the work's key and the old id, so the mark does not come back.
    jump(&mut a, "quokka");
    let effects = keys(&mut a, "b");
    assert_eq!(
        effects,
        vec![
            Effect::Mark(Mark::Bookmark {
                id: "quokka-fast-lookups-for-tiny-keys".into(),
                on: false
            }),
            Effect::Mark(Mark::Bookmark {
                id: "storage/quokka-fast-lookups-for-tiny-keys".into(),
                on: false
            }),
        ]
    );
    for e in effects {
        if let Effect::Mark(m) = e {
            store.mark(m);
        }
    }
    store.save().unwrap();
    let (again, _) = Store::open(&path, &[]);
    assert_eq!(
        again.state.bookmarks.keys().collect::<Vec<_>>(),
        vec!["gone/paper"],
        "marks of papers not loaded are kept"
    );
    a.set_marks(&again.state);
    assert!(places
        .iter()
        .all(|&id| !a.is_bookmarked(a.tree.nodes[id].paper().unwrap())));
}

#[test]
fn a_link_to_a_list_lands_on_the_same_work_inside_it_else_on_the_list() {
    let mut a = app("shelf", 150, 30);
    // Quokka in the topic list links its venue, TOY 2031, which lists it too.
    jump(&mut a, "quokka");
    keys(&mut a, "w"); // the reading queue
    keys(&mut a, "w"); // the topic list
    assert_eq!(
        selected_breadcrumb(&a),
        "Topic Lists › Lists › Storage › Key-Value Stores"
    );
    let n = a
        .selected_links()
        .iter()
        .position(|l| &*l.label == "TOY 2031")
        .unwrap();
    keys(&mut a, &(n + 1).to_string());
    assert_eq!(
        selected_breadcrumb(&a),
        "Venues › All Venues › TOY 2031 › Storage Systems"
    );
    assert!(a.selected_paper().is_some());
    // Numbat links TOY 2030, which does not list it: the document.
    jump(&mut a, "numbat");
    keys(&mut a, "1");
    let sel = a.tree_view.selected.unwrap();
    assert_eq!(&*a.tree.nodes[sel].title, "TOY 2030");
    assert!(a.selected_paper().is_none());
}

#[test]
fn a_page_shows_its_description_under_its_title() {
    let a = app("shelf", 150, 30);
    // The first row, Welcome, is selected at start.
    let text = detail(&a);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Welcome");
    assert_eq!(lines[1], "A made-up shelf of notes for testing.");
    assert!(!text.contains("description:"), "{text}");
}

#[test]
fn the_session_restores_expansion_and_selection_in_the_navigation() {
    let mut a = app("shelf", 150, 30);
    jump(&mut a, "numbat");
    keys(&mut a, "w"); // one place only: stays
    let selected = selected_breadcrumb(&a);
    let rows = a.tree_view.rows.len();
    let mut state = State::default();
    a.session(&mut state);
    // Part, page and document keys: folders by their titles from the top, documents by their source.
    assert!(
        state
            .expanded
            .iter()
            .any(|k| k == "\u{1e}\u{1f}Topic Lists"),
        "{:?}",
        state.expanded
    );
    let mut again = app("shelf", 150, 30);
    assert_ne!(again.tree_view.rows.len(), rows);
    again.restore_session(&state);
    assert_eq!(again.tree_view.rows, a.tree_view.rows);
    assert_eq!(selected_breadcrumb(&again), selected);
    assert_eq!(
        &*again
            .library
            .paper(again.selected_paper().unwrap().0)
            .unwrap()
            .title,
        "Numbat: Crash Consistency for Everyone"
    );
}
