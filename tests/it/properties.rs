//! Properties, over random inputs (proptest):
//! - any text through the loader: no panic, every paper's line inside the file;
//! - random sequences of actions and random terminal sizes (0×0 and 1×1 included) through
//!   `App::update` and a full render: no panic, the selection always points at a visible row, and the
//!   number of matches shown equals the papers shown.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test properties` runs them longer.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{Action, App, Event, Key, KeyCode, Mode};
use takeaway::loader;
use takeaway::model::views::View;
use takeaway::model::Library;

/// Markdown-ish text: the pieces notes are made of, in random order and nesting.
fn notes_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# Title\n".to_string()),
        Just("## Papers\n".to_string()),
        Just("### Topic\n".to_string()),
        Just("* Topic bullet\n".to_string()),
        Just(
            "  * Paper \\[[Paper](https://p.example)] \\[[Code](https://c.example)]\n".to_string()
        ),
        Just("* [Linked Title](https://l.example) \\[[Personal Note](n.md)]\n".to_string()),
        Just("    * Uni A & Lab B\n".to_string()),
        Just("    * A **takeaway** with `code`\n".to_string()),
        Just("      * nested\n".to_string()),
        Just("* Unlinked paper (SOSP 2023), by Someone\n".to_string()),
        Just("> quote\n".to_string()),
        Just("```\ncode\n```\n".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        Just("{% hint %}\n".to_string()),
        Just("<figure><img src=x></figure>\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        "[ -~]{0,20}\n",
        "\\PC{0,12}",
        Just("\u{1b}[31m\u{202e}\u{200b}\u{0}".to_string()),
        Just("博士 🦘 \\[ \\] [x]()".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn library(text: &str) -> Library {
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("p.md", None, text).0);
    lib.documents
        .push(loader::load_bundled().library.documents.remove(0));
    loader::assign_ids(&mut lib);
    lib
}

#[derive(Debug, Clone)]
enum Input {
    Action(Action),
    Char(char),
    Resize(u16, u16),
    Click(u16, u16),
    Scroll(u16, u16, bool),
}

fn input() -> impl Strategy<Value = Input> {
    let actions: Vec<Action> = Action::configurable()
        // Suspend and Edit are effects for the runtime; Quit ends the sequence early.
        .filter(|a| !matches!(a, Action::Suspend | Action::Quit))
        .chain([Action::Confirm, Action::DeleteChar, Action::DeleteWord])
        .collect();
    prop_oneof![
        4 => prop::sample::select(actions).prop_map(Input::Action),
        3 => prop::sample::select(vec!['a', 'e', 'g', 'r', 'S', ' ', 'y', '/', 'j', 'k', 'l', 'h', 'B', 'U', 'p', 'o', '?', '1']).prop_map(Input::Char),
        1 => (0u16..130, 0u16..45).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => (0u16..130, 0u16..45).prop_map(|(c, r)| Input::Click(c, r)),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(c, r, d)| Input::Scroll(c, r, d)),
    ]
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    // The selection is a visible row (or the tree is empty).
    match app.tree_view.selected {
        Some(sel) => prop_assert!(
            app.tree_view.rows.contains(&sel),
            "selected {sel} not among visible rows"
        ),
        None => prop_assert!(app.tree_view.rows.is_empty()),
    }
    // The match count shown equals the papers shown (in a grouped view: the works shown, each counted
    // once however many groups show it).
    let papers: Vec<_> = app
        .tree_view
        .rows
        .iter()
        .filter_map(|&id| app.tree.nodes[id].paper())
        .collect();
    if app.views.view != View::Navigation {
        let mut works: Vec<usize> = papers
            .iter()
            .filter_map(|&r| app.works.work_of(r))
            .collect();
        works.sort_unstable();
        works.dedup();
        if app.narrowed() {
            prop_assert_eq!(app.tree_view.shown_papers, works.len());
        }
        return Ok(());
    }
    let papers_shown = papers.len();
    if app.narrowed() {
        prop_assert_eq!(app.tree_view.shown_papers, papers_shown);
        if app.filter.is_active() && !app.filter.only_bookmarked && !app.filter.only_unread {
            prop_assert_eq!(app.filter.hits.len(), papers_shown);
        }
    }
    Ok(())
}

proptest! {
    // Failures are saved next to this file (tests/it/properties.proptest-regressions): the default would
    // take tests/it/main.rs for a crate root and write to tests/proptest-regressions/ instead.
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_loader_never_panics_and_lines_are_in_the_file(text in notes_text()) {
        let (doc, _) = loader::document::build("p.md", None, &text);
        let lines = text.split(['\n', '\r']).count().max(1);
        for p in &doc.papers {
            prop_assert!(p.line >= 1 && p.line <= lines);
            prop_assert!(!p.title.is_empty());
        }
    }

    #[test]
    fn any_actions_at_any_size_keep_the_app_consistent(
        text in notes_text(),
        inputs in prop::collection::vec(input(), 0..60),
        w in 0u16..130,
        h in 0u16..45,
    ) {
        let mut app = App::new(library(&text));
        app.handle(Event::Resize { width: w, height: h });
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        for i in inputs {
            match i {
                Input::Action(a) => { app.update(a); }
                Input::Char(c) => { app.handle(Event::Key(Key::ch(c))); }
                Input::Resize(w, h) => {
                    app.handle(Event::Resize { width: w, height: h });
                    terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                }
                Input::Click(col, row) => { app.handle(Event::Click { col, row }); }
                Input::Scroll(col, row, down) => { app.handle(Event::Scroll { col, row, down }); }
            }
            terminal.draw(|f| takeaway::ui::draw(f, &app)).unwrap();
            check_invariants(&app)?;
        }
        // Leave any popup and check once more from browse mode.
        app.handle(Event::Key(Key::plain(KeyCode::Esc)));
        if app.mode != Mode::Browse { app.handle(Event::Key(Key::plain(KeyCode::Esc))); }
        terminal.draw(|f| takeaway::ui::draw(f, &app)).unwrap();
        check_invariants(&app)?;
    }
}
