//! The session saved and restored, new notes taken in (reloads, the first load), searches off the UI
//! thread.

use super::*;

#[test]
fn the_session_restores_selection_and_expansion() {
    let mut app = bundled();
    select(&mut app, "torpor");
    keys(&mut app, "gj"); // LLMs section
    keys(&mut app, "h"); // close it
    select(&mut app, "crosspipe");
    let mut state = State::default();
    app.session(&mut state);
    let rows = app.tree_view.rows.len();
    let mut again = bundled();
    again.restore_session(&state);
    assert!(selected_title(&again).starts_with("CrossPipe"));
    assert_eq!(again.tree_view.rows.len(), rows);
    assert_eq!(again.tree_view.expanded, app.tree_view.expanded);
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
    let n = app.tree_view.shown_papers;
    app.replace_library(loader::load_bundled().library);
    assert_eq!(app.filter.query(), "serverless");
    assert_eq!(app.tree_view.shown_papers, n);
    assert_eq!(app.marks.bookmarks.len(), 1);
}

#[test]
fn clearing_an_empty_view_selects_a_row_again() {
    // Found by the property test: B with nothing bookmarked empties the tree, Esc brings the rows back.
    let mut app = bundled();
    keys(&mut app, "B");
    assert!(app.tree_view.rows.is_empty() && app.tree_view.selected.is_none());
    press(&mut app, KeyCode::Esc);
    assert!(!app.tree_view.rows.is_empty());
    assert_eq!(app.tree_view.selected, app.tree_view.rows.first().copied());
}

#[test]
fn a_session_saved_with_other_notes_keeps_the_default_expansion() {
    let mut other = app_of("# Other\n\n## S\n\n* T\n  * P \\[[Paper](https://p.example)]\n");
    let mut state = State::default();
    other.update(Action::Expand);
    other.session(&mut state);
    assert!(!state.expanded.is_empty());
    let mut app = bundled();
    let before = app.tree_view.expanded.clone();
    app.restore_session(&state);
    assert_eq!(app.tree_view.expanded, before);
}

#[test]
fn async_search_returns_jobs_and_takes_only_the_newest_result() {
    let mut sync = bundled();
    keys(&mut sync, "/serverless");
    let mut app = bundled();
    app.searches.off_thread = true;
    keys(&mut app, "/");
    // Each key gives a job; the typed text shows at once, the hits when a result comes back.
    let mut jobs = Vec::new();
    for c in "serverless".chars() {
        jobs.extend(keys(&mut app, &c.to_string()));
    }
    assert_eq!(jobs.len(), 10);
    assert_eq!(app.filter.query(), "serverless");
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
    assert_eq!(app.tree_view.selected, sync.tree_view.selected);
    // One more key narrows from that result.
    let more = keys(&mut app, "x");
    assert!(matches!(&more[0], Effect::Search(j) if j.within.is_some()));
}

#[test]
fn async_palette_search() {
    let mut app = bundled();
    app.searches.off_thread = true;
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
    assert!(later.tree_view.rows.is_empty() && later.tree_view.selected.is_none());
    later.finish_loading(
        Prepared::new(loader::load_bundled().library),
        &State::default(),
    );
    assert_eq!(later.loading, None);
    assert_eq!(later.tree_view.expanded, at_start.tree_view.expanded);
    assert_eq!(later.tree_view.rows, at_start.tree_view.rows);
    assert_eq!(later.tree_view.selected, at_start.tree_view.selected);

    // A saved session: its selection and expansion come back when the load ends.
    let mut app = bundled();
    select(&mut app, "crosspipe");
    keys(&mut app, "b");
    let mut state = State::default();
    app.session(&mut state);
    state.bookmarks.insert(
        app.selected_paper().unwrap().1.id.to_string(),
        Default::default(),
    );
    let mut later = App::new(Library::default());
    later.set_marks(&state);
    later.restore_session(&state);
    later.finish_loading(Prepared::new(loader::load_bundled().library), &state);
    assert!(selected_title(&later).starts_with("CrossPipe"));
    assert_eq!(later.tree_view.expanded, app.tree_view.expanded);
    // The bookmark kept by the paper's id (as earlier versions kept it) marks its work.
    let (r, _) = later.selected_paper().unwrap();
    assert!(later.is_bookmarked(r));
    assert!(!later.searches.off_thread, "28 papers search in place");
}

#[test]
fn keys_work_while_loading_and_quit_ends() {
    let mut app = App::new(Library::default());
    app.loading = Some(Loading::default());
    keys(&mut app, "jk/x");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter.query(), "x");
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

#[test]
fn a_filter_typed_while_loading_selects_its_best_hit_when_the_notes_arrive() {
    let mut app = App::new(Library::default());
    app.loading = Some(Loading::default());
    keys(&mut app, "/greyhound");
    app.finish_loading(
        Prepared::new(loader::load_bundled().library),
        &State::default(),
    );
    assert!(app.narrowed());
    assert!(
        selected_title(&app).starts_with("GreyHound"),
        "{}",
        selected_title(&app)
    );
}

#[test]
fn on_the_worker_too_a_filter_typed_while_loading_selects_its_best_hit() {
    // More papers than are searched in place: the search goes to the worker.
    let md: String = (0..super::super::event::ASYNC_SEARCH_PAPERS + 10)
        .map(|i| format!("* Paper number {i} \\[[Paper](https://p.example/{i})]\n"))
        .collect();
    let md =
        format!("# Big\n\n## Papers\n\n{md}* Zebra Straggler \\[[Paper](https://z.example)]\n");
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("big.md", None, &md).0);
    loader::assign_ids(&mut lib);
    let mut app = App::new(Library::default());
    app.loading = Some(Loading::default());
    keys(&mut app, "/zebra");
    app.finish_loading(Prepared::new(lib), &State::default());
    assert!(app.searches.off_thread);
    let effects: Vec<Effect> = app.searches.effects().collect();
    assert_eq!(effects.len(), 1);
    run_jobs(&mut app, effects);
    assert_eq!(selected_title(&app), "Zebra Straggler");
}
