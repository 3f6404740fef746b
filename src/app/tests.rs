//! `App::update` driven by actions: state changes and returned effects, nothing performed for real.

use super::*;
use crate::loader;

fn bundled() -> App {
    App::new(loader::load_bundled().library)
}

fn app_of(md: &str) -> App {
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("t.md", None, md).0);
    loader::assign_ids(&mut lib);
    App::new(lib)
}

fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in s.chars() {
        effects.extend(app.handle(Event::Key(Key::ch(c))));
    }
    effects
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle(Event::Key(Key::plain(code)))
}

fn selected_title(app: &App) -> String {
    app.selected_paper()
        .map(|(_, p)| p.title.clone())
        .unwrap_or_default()
}

const GREYHOUND_PAPER: &str = "https://www.usenix.org/conference/atc25/presentation/wu-tianyuan";

#[test]
fn starts_expanded_to_topics_with_the_document_selected() {
    let app = bundled();
    let first = &app.tree.nodes[app.rows[0]];
    assert_eq!(first.title, "ATC 2025");
    assert_eq!(app.selected, Some(app.rows[0]));
    // Sections are open, topic bullets closed: LLM Training shows, GreyHound does not.
    let titles: Vec<&str> = app
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
fn a_missing_link_says_so_and_opens_nothing() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert!(keys(&mut app, "s").is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("No Slides link for this paper")
    );
}

#[test]
fn numbered_keys_open_the_nth_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        keys(&mut app, "2"),
        vec![Effect::Open(
            "https://www.youtube.com/watch?v=R_YsYdY8MPc".into()
        )]
    );
    assert!(keys(&mut app, "9").is_empty());
    assert_eq!(app.message.as_deref(), Some("This paper has no link 9"));
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
    assert!(app.rows.len() > 20);
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
fn palette_moves_with_ctrl_n_and_ctrl_p_and_escape_changes_nothing() {
    let mut app = bundled();
    let before = app.selected;
    app.handle(Event::Key(Key::ctrl('p')));
    app.handle(Event::Key(Key::ctrl('n')));
    app.handle(Event::Key(Key::ctrl('n')));
    assert_eq!(app.palette.selected, 2);
    app.handle(Event::Key(Key::ctrl('p')));
    assert_eq!(app.palette.selected, 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.selected, before);
}

#[test]
fn link_popup_opens_or_copies_the_chosen_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "o");
    assert_eq!(app.mode, Mode::LinkMenu);
    keys(&mut app, "j");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::Open(
            "https://www.youtube.com/watch?v=R_YsYdY8MPc".into()
        )]
    );
    keys(&mut app, "o");
    keys(&mut app, "jj");
    assert_eq!(
        keys(&mut app, "y"),
        vec![Effect::Copy(
            "https://github.com/wutianyuan1/Greyhound".into()
        )]
    );
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn y_copies_the_paper_url_and_shift_y_a_markdown_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        keys(&mut app, "y"),
        vec![Effect::Copy(GREYHOUND_PAPER.into())]
    );
    assert_eq!(
        keys(&mut app, "Y"),
        vec![Effect::Copy(format!(
            "[GreyHound: Hunting Fail-Slows in Hybrid-Parallel Training at Scale]({GREYHOUND_PAPER})"
        ))]
    );
}

#[test]
fn only_allowed_schemes_are_opened() {
    let mut app = app_of(
        "# T\n\n* Evil \\[[Paper](javascript:alert(1))] \\[[Code](file:///etc/passwd)] \\[[Video](https://ok.example)]\n",
    );
    keys(&mut app, "j");
    assert!(selected_title(&app).starts_with("Evil"));
    assert!(keys(&mut app, "p").is_empty());
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .starts_with("Not opened: javascript:"));
    assert!(keys(&mut app, "c").is_empty());
    assert_eq!(
        keys(&mut app, "v"),
        vec![Effect::Open("https://ok.example".into())]
    );
}

#[test]
fn a_local_note_page_opens_inside_the_app() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let loaded = loader::load_paths(&[dir.join("title-link.md"), dir.join("platypus.md")]);
    let mut app = App::new(loaded.library);
    // Two documents: collapsed to the documents.
    assert_eq!(app.rows.len(), 2);
    keys(&mut app, "ljlj"); // document → section Scheduling → first paper
    assert!(selected_title(&app).starts_with("Platypus"));
    assert!(
        keys(&mut app, "2").is_empty(),
        "a local page is not given to the opener"
    );
    assert_eq!(app.selected_page(), Some(1));
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn collapse_goes_to_parent_and_expand_opens() {
    let mut app = bundled();
    keys(&mut app, "jj"); // LLM Training
    let topic = app.selected.unwrap();
    assert_eq!(app.tree.nodes[topic].title, "LLM Training");
    let before = app.rows.len();
    keys(&mut app, "l");
    assert_eq!(app.rows.len(), before + 5);
    keys(&mut app, "l"); // into the first child
    assert!(selected_title(&app).starts_with("GreyHound"));
    keys(&mut app, "h"); // a paper: to its parent
    assert_eq!(app.selected, Some(topic));
    keys(&mut app, "h"); // an open topic: closes
    assert_eq!(app.rows.len(), before);
    press(&mut app, KeyCode::Enter); // toggles
    assert_eq!(app.rows.len(), before + 5);
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
        app.detail_scroll, 3,
        "j scrolls the detail pane when it has focus"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Tree);
}

#[test]
fn movement_keys_and_paging_stay_in_bounds() {
    let mut app = bundled();
    keys(&mut app, "G");
    assert_eq!(app.cursor(), Some(app.rows.len() - 1));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.cursor(), Some(app.rows.len() - 1));
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
    assert!(app.tree_offset <= cur && cur < app.tree_offset + height);
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = bundled();
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    let areas = crate::ui::layout::areas(app.size, false);
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
    assert_eq!(app.detail_scroll, 3);
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
    assert_eq!(app.filter.query, "pq");
    app.handle(Event::Key(Key::ctrl('w')));
    assert_eq!(app.filter.query, "");
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
        .map(|i| matches!(i, PaletteItem::Page(_)))
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

fn select(app: &mut App, query: &str) {
    app.handle(Event::Key(Key::ctrl('p')));
    keys(app, query);
    press(app, KeyCode::Enter);
}

#[test]
fn b_and_m_toggle_marks_and_return_mark_effects() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    // Marks belong to the paper's work, kept by its key.
    let id = app
        .works
        .key_of(app.selected_paper().unwrap().0)
        .unwrap()
        .to_string();
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
    assert!(app.bookmarks.contains(&id));
    assert_eq!(
        keys(&mut app, "b"),
        vec![Effect::Mark(Mark::Bookmark {
            id: id.clone(),
            on: false
        })]
    );
    assert!(!app.bookmarks.contains(&id));
    let doc_node = app.tree.node_of_doc(0).unwrap();
    assert_eq!(app.unread[doc_node], 28);
    assert_eq!(
        keys(&mut app, "m"),
        vec![Effect::Mark(Mark::Read {
            id: id.clone(),
            on: true
        })]
    );
    assert_eq!(app.unread[doc_node], 27);
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
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .map(|r| app.library.paper(r).unwrap().title.clone())
        .collect();
    assert_eq!(shown.len(), 2);
    assert_eq!(app.shown_papers, 2);
    keys(&mut app, "U"); // bookmarked and unread: GreyHound only
    assert_eq!(app.shown_papers, 1);
    assert!(selected_title(&app).starts_with("GreyHound"));
    keys(&mut app, "/Torpor");
    let shown: Vec<PaperRef> = app
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .collect();
    assert_eq!(shown.len(), app.shown_papers);
    assert!(
        shown
            .iter()
            .all(|&r| app.is_bookmarked(r) && !app.is_read(r)),
        "Torpor is read: hidden"
    );
    press(&mut app, KeyCode::Esc); // clears the filter, keeps B and U
    assert_eq!(app.shown_papers, 1);
    keys(&mut app, "BU");
    assert!(!app.narrowed());
}

#[test]
fn opening_a_link_marks_read_when_configured() {
    let mut app = bundled();
    app.mark_read_on_open = true;
    select(&mut app, "greyhound");
    let id = app
        .works
        .key_of(app.selected_paper().unwrap().0)
        .unwrap()
        .to_string();
    let effects = keys(&mut app, "p");
    assert_eq!(effects.len(), 2);
    assert!(matches!(&effects[0], Effect::Open(u) if u == GREYHOUND_PAPER));
    assert_eq!(effects[1], Effect::Mark(Mark::Read { id, on: true }));
    // Already read: opening again does not toggle it back.
    assert_eq!(keys(&mut app, "p").len(), 1);
}

#[test]
fn the_session_restores_selection_and_expansion() {
    let mut app = bundled();
    select(&mut app, "torpor");
    keys(&mut app, "gj"); // LLMs section
    keys(&mut app, "h"); // close it
    select(&mut app, "crosspipe");
    let mut state = State::default();
    app.session(&mut state);
    let rows = app.rows.len();
    let mut again = bundled();
    again.restore_session(&state);
    assert!(selected_title(&again).starts_with("CrossPipe"));
    assert_eq!(again.rows.len(), rows);
    assert_eq!(again.expanded, app.expanded);
}

#[test]
fn a_renamed_paper_stays_selected_by_file_and_line() {
    let md = "# T\n\n* Old Name \\[[Paper](https://a.example)]\n* Other \\[[Paper](https://b.example)]\n";
    let mut app = app_of(md);
    keys(&mut app, "j");
    assert_eq!(selected_title(&app), "Old Name");
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("t.md", None, &md.replace("Old Name", "New Name")).0);
    loader::assign_ids(&mut lib);
    app.replace_library(lib);
    assert_eq!(selected_title(&app), "New Name");
}

#[test]
fn replacing_the_library_keeps_the_filter_and_marks() {
    let mut app = bundled();
    select(&mut app, "greyhound");
    keys(&mut app, "b");
    keys(&mut app, "/serverless");
    press(&mut app, KeyCode::Enter);
    let n = app.shown_papers;
    app.replace_library(loader::load_bundled().library);
    assert_eq!(app.filter.query, "serverless");
    assert_eq!(app.shown_papers, n);
    assert_eq!(app.bookmarks.len(), 1);
}

#[test]
fn edit_gives_the_file_and_line_or_explains_why_not() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/conference.md");
    let mut app = App::new(loader::load_paths(&[&dir]).library);
    select(&mut app, "quokka");
    assert_eq!(
        keys(&mut app, "e"),
        vec![Effect::Edit {
            path: dir.clone(),
            line: 18
        }]
    );
    let mut app = bundled();
    assert!(keys(&mut app, "e").is_empty());
    assert!(app.message.as_deref().unwrap().contains("bundled notes"));
}

#[test]
fn clearing_an_empty_view_selects_a_row_again() {
    // Found by the property test: B with nothing bookmarked empties the tree, Esc brings the rows back.
    let mut app = bundled();
    keys(&mut app, "B");
    assert!(app.rows.is_empty() && app.selected.is_none());
    press(&mut app, KeyCode::Esc);
    assert!(!app.rows.is_empty());
    assert_eq!(app.selected, app.rows.first().copied());
}

#[test]
fn a_session_saved_with_other_notes_keeps_the_default_expansion() {
    let mut other = app_of("# Other\n\n## S\n\n* T\n  * P \\[[Paper](https://p.example)]\n");
    let mut state = State::default();
    other.update(Action::Expand);
    other.session(&mut state);
    assert!(!state.expanded.is_empty());
    let mut app = bundled();
    let before = app.expanded.clone();
    app.restore_session(&state);
    assert_eq!(app.expanded, before);
}

fn run_jobs(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        if let Effect::Search(job) = e {
            let search = job
                .index
                .search_cancellable(&job.query, job.within.as_ref(), &|| false)
                .unwrap();
            app.handle(Event::SearchDone {
                generation: job.generation,
                target: job.target,
                query: job.query,
                search,
            });
        }
    }
}

#[test]
fn async_search_returns_jobs_and_takes_only_the_newest_result() {
    let mut sync = bundled();
    keys(&mut sync, "/serverless");
    let mut app = bundled();
    app.async_search = true;
    keys(&mut app, "/");
    // Each key gives a job; the typed text shows at once, the hits when a result comes back.
    let mut jobs = Vec::new();
    for c in "serverless".chars() {
        jobs.extend(keys(&mut app, &c.to_string()));
    }
    assert_eq!(jobs.len(), 10);
    assert_eq!(app.filter.query, "serverless");
    assert!(app.search_pending());
    // An old result arriving late is dropped.
    let old = jobs.remove(0);
    run_jobs(&mut app, vec![old]);
    assert!(app.filter.hits.is_empty());
    // The newest one is taken: the same hits and selection as searching in place.
    let newest = jobs.pop().unwrap();
    run_jobs(&mut app, vec![newest]);
    assert!(!app.search_pending());
    assert_eq!(app.filter.hits, sync.filter.hits);
    assert_eq!(app.selected, sync.selected);
    // One more key narrows from that result.
    let more = keys(&mut app, "x");
    assert!(matches!(&more[0], Effect::Search(j) if j.within.is_some()));
}

#[test]
fn async_palette_search() {
    let mut app = bundled();
    app.async_search = true;
    app.handle(Event::Key(Key::ctrl('p')));
    let jobs = keys(&mut app, "torpor");
    assert_eq!(jobs.len(), 6);
    run_jobs(&mut app, jobs);
    press(&mut app, KeyCode::Enter);
    assert!(selected_title(&app).starts_with("Torpor"));
}

#[test]
fn notes_loaded_later_open_as_at_start_with_the_session_restored() {
    // No session: the same expansion and selection as an app made with the notes.
    let at_start = bundled();
    let mut later = App::new(Library::default());
    later.loading = Some(Loading { done: 0, total: 1 });
    assert!(later.rows.is_empty() && later.selected.is_none());
    later.finish_loading(
        Prepared::new(loader::load_bundled().library),
        &State::default(),
    );
    assert_eq!(later.loading, None);
    assert_eq!(later.expanded, at_start.expanded);
    assert_eq!(later.rows, at_start.rows);
    assert_eq!(later.selected, at_start.selected);

    // A saved session: its selection and expansion come back when the load ends.
    let mut app = bundled();
    select(&mut app, "crosspipe");
    keys(&mut app, "b");
    let mut state = State::default();
    app.session(&mut state);
    state.bookmarks.insert(
        app.selected_paper().unwrap().1.id.clone(),
        Default::default(),
    );
    let mut later = App::new(Library::default());
    later.set_marks(&state);
    later.restore_session(&state);
    later.finish_loading(Prepared::new(loader::load_bundled().library), &state);
    assert!(selected_title(&later).starts_with("CrossPipe"));
    assert_eq!(later.expanded, app.expanded);
    // The bookmark kept by the paper's id (as earlier versions kept it) marks its work.
    let (r, _) = later.selected_paper().unwrap();
    assert!(later.is_bookmarked(r));
    assert!(!later.async_search, "28 papers search in place");
}

#[test]
fn keys_work_while_loading_and_quit_ends() {
    let mut app = App::new(Library::default());
    app.loading = Some(Loading::default());
    keys(&mut app, "jk/x");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter.query, "x");
    // The filter typed during the load applies to the notes when they arrive.
    app.finish_loading(
        Prepared::new(loader::load_bundled().library),
        &State::default(),
    );
    assert!(app.narrowed());
    assert!(app.running);
    keys(&mut app, "q");
    assert!(!app.running);
}
