//! The screens, headless: insta snapshots on ratatui's TestBackend at fixed sizes, a style check (text
//! snapshots do not record colour), and a sweep of tiny sizes that must not panic.

use ratatui::style::{Color, Modifier};
use takeaway::app::{App, Event, Key, KeyCode};
use takeaway::loader;

use crate::common::{fixture, keys, press, render, screen_text};

fn bundled(width: u16, height: u16) -> App {
    let mut app = App::new(loader::load_bundled().library);
    app.handle(Event::Resize { width, height });
    app
}

#[test]
fn start_screen_100x30() {
    let app = bundled(100, 30);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn start_screen_80x24() {
    let app = bundled(80, 24);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn filter_active_with_highlights() {
    let mut app = bundled(150, 30);
    keys(&mut app, "/serverless");
    let t = render(&app);
    insta::assert_snapshot!(t.backend());
    // Matched characters are highlighted: in DeepServe's row, exactly the ten cells of "Serverless".
    let buf = t.backend().buffer();
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..50)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("DeepServe")
        })
        .expect("DeepServe is shown");
    let lit: String = (0..50)
        .map(|x| &buf[(x, row)])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED) && c.fg == Color::Yellow)
        .map(|c| c.symbol())
        .collect();
    assert_eq!(lit, "Serverless");
}

#[test]
fn a_filter_that_matches_nothing_says_so_in_the_detail_pane() {
    let mut app = bundled(100, 30);
    keys(&mut app, "/zzqqxxyy");
    let screen = format!("{:?}", render(&app).backend());
    assert!(screen.contains("Nothing matches."), "{screen}");
    assert!(!screen.contains("No notes loaded."), "{screen}");
}

#[test]
fn selected_row_is_highlighted() {
    let mut app = bundled(100, 30);
    keys(&mut app, "j");
    let t = render(&app);
    let buf = t.backend().buffer();
    // Row 2 of the screen is the second tree row (row 1 is the border).
    assert_eq!(buf[(3, 2)].bg, Color::Blue);
    assert_ne!(buf[(3, 1)].bg, Color::Blue);
}

/// With the detail pane focused, the selected paper's badges (`P V C`) still show: drawn in the
/// selection's colours, not in the dim colour its grey background would hide.
#[test]
fn the_selected_rows_badges_show_when_the_tree_is_not_focused() {
    let mut app = bundled(100, 30);
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let t = render(&app);
    let buf = t.backend().buffer();
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..40)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("GreyHound")
        })
        .expect("GreyHound's row");
    let cells: Vec<_> = (0..40).map(|x| &buf[(x, row)]).collect();
    let selection = cells[3].bg;
    assert_ne!(selection, Color::Blue, "the tree is not focused");
    let badges: Vec<_> = cells
        .iter()
        .filter(|c| c.bg == selection && c.symbol() == "P")
        .collect();
    assert!(!badges.is_empty(), "a P badge on the selected row");
    for c in badges {
        assert_ne!(
            c.fg, selection,
            "the badge is drawn in the background's colour"
        );
    }
}

#[test]
fn palette_open() {
    let mut app = bundled(100, 30);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "gpu");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay() {
    let mut app = bundled(100, 40);
    keys(&mut app, "?");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay_ends_with_the_query_language() {
    let mut app = bundled(100, 40);
    keys(&mut app, "?");
    keys(&mut app, &"j".repeat(200));
    insta::assert_snapshot!(render(&app).backend());
}

/// `G` (End) shows the help's last page and `g` (Home) its first, as two hundred `j` and `k` do; the title
/// says how far down it is.
#[test]
fn help_overlay_g_and_shift_g_go_to_its_ends() {
    let mut app = bundled(100, 40);
    keys(&mut app, "?");
    keys(&mut app, &"j".repeat(200));
    let bottom = format!("{:?}", render(&app).backend());
    keys(&mut app, &"k".repeat(200));
    let top = format!("{:?}", render(&app).backend());
    assert_ne!(bottom, top);
    keys(&mut app, "G");
    assert_eq!(format!("{:?}", render(&app).backend()), bottom);
    assert!(bottom.contains("100%"), "{bottom}");
    keys(&mut app, "g");
    assert_eq!(format!("{:?}", render(&app).backend()), top);
    assert!(top.contains("j/PgDn more"), "{top}");
    app.handle(Event::Key(Key::plain(KeyCode::End)));
    assert_eq!(format!("{:?}", render(&app).backend()), bottom);
}

/// The help overlay is as wide as its longest line (within the terminal): no description is cut.
fn help_at(width: u16) -> String {
    let mut app = bundled(width, 60);
    keys(&mut app, "?");
    let screen = format!("{:?}", render(&app).backend());
    for whole in [
        "views: notes, by topic/year/venue/affiliation",
        "export shown papers (BibTeX file here)",
    ] {
        assert!(screen.contains(whole), "cut at {width}: {whole}\n{screen}");
    }
    screen
}

/// Remapped keys are shown where the action always stands, and the queries' heading names them; a
/// line wider than a narrow terminal ends with `…` where it is cut.
#[test]
fn help_overlay_follows_remapped_keys_and_marks_cut_lines() {
    use takeaway::app::{Action, KeyMap};
    let mut app = bundled(100, 60);
    app.keymap = KeyMap::with_overrides(&[
        (Action::Filter, vec![Key::ch('f')]),
        (Action::Jump, vec![Key::ctrl('k')]),
    ])
    .unwrap();
    keys(&mut app, "?");
    let screen = format!("{:?}", render(&app).backend());
    let row = |text: &str| {
        screen
            .lines()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no {text:?}: {screen}"))
    };
    // `f filter` stays between `Tab` and `n`, as `/ filter` stood.
    assert!(
        row("switch pane") < row("f               filter"),
        "{screen}"
    );
    assert!(
        row("f               filter") < row("next match"),
        "{screen}"
    );
    keys(&mut app, &"j".repeat(200));
    let screen = format!("{:?}", render(&app).backend());
    assert!(
        screen.contains("Queries (f and Ctrl-K; also --filter)"),
        "{screen}"
    );
    // Narrow: cut lines say so.
    let mut app = bundled(44, 30);
    keys(&mut app, "?");
    let screen = format!("{:?}", render(&app).backend());
    assert!(screen.contains("…"), "{screen}");
}

/// A query longer than the filter line: the part where the cursor is stays in view, `…` where cut.
#[test]
fn a_long_query_scrolls_in_the_filter_line() {
    let mut app = bundled(100, 20);
    keys(
        &mut app,
        "/this is a very long query that exceeds the width of the side pane",
    );
    let line = |app: &App| -> String {
        let t = render(app);
        let buf = t.backend().buffer().clone();
        (0..40).map(|x| buf[(x, 1)].symbol().to_string()).collect()
    };
    let end = line(&app);
    assert!(end.contains("…") && end.contains("side pane▏"), "{end}");
    press(&mut app, KeyCode::Home);
    let start = line(&app);
    assert!(start.contains("/▏this is a very"), "{start}");
}

#[test]
fn help_overlay_at_100_columns() {
    insta::assert_snapshot!(help_at(100));
}

#[test]
fn help_overlay_at_140_columns() {
    insta::assert_snapshot!(help_at(140));
}

/// The fixture repository of three files (two conferences and a reading list) at `width`x`height`.
fn three_files(width: u16, height: u16) -> App {
    let loaded = loader::load_paths(&[fixture("ask")]);
    let mut app = App::new(loaded.library);
    app.handle(Event::Resize { width, height });
    app
}

#[test]
fn side_pane_by_topic_groups_works_across_files() {
    let mut app = three_files(110, 18);
    keys(&mut app, "V");
    // The groups, closed, with their counts; then one opened.
    insta::assert_snapshot!("view_by_topic", render(&app).backend());
    press(&mut app, KeyCode::Right);
    insta::assert_snapshot!("view_by_topic_opened", render(&app).backend());
}

#[test]
fn side_pane_by_year_with_a_scoped_filter() {
    let mut app = three_files(110, 18);
    keys(&mut app, "VV/has:code");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app).backend());
    // Back to the notes' own navigation after affiliation.
    keys(&mut app, "VVV");
    let screen = format!("{:?}", render(&app).backend());
    assert!(
        screen.contains(" Notes · 3/8 "),
        "three places, two works: {screen}"
    );
}

#[test]
fn long_paper_scrolled() {
    let mut app = bundled(90, 20);
    keys(&mut app, "/weaver");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // focus detail
    keys(&mut app, "jjjj");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn link_popup() {
    let mut app = bundled(100, 30);
    keys(&mut app, "/crosspipe");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "oj");
    insta::assert_snapshot!(render(&app).backend());
}

/// A paper list of one paper.
const OWLS: &str = "# Owls 2030\n\n## Papers\n\n* Counting Owls [[Paper](https://example.org/1)]\n";

/// An app on the notes written into a temporary folder (`files`: path below it, text), on a `width` ×
/// `height` screen. The folder is returned with it, to live as long as the test.
fn app_on(files: &[(&str, &str)], width: u16, height: u16) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let loaded = loader::load_paths(&[dir.path()]);
    let mut app = App::new(loaded.library);
    app.handle(Event::Resize { width, height });
    (dir, app)
}

/// Eleven links: the numbers are right-aligned, so labels and URLs stay in their columns.
#[test]
fn link_popup_with_more_than_nine_links_keeps_its_columns() {
    let links: String = (1..=11)
        .map(|n| format!(" [[L{n}](https://example.org/{n})]"))
        .collect();
    let md = format!("# Many 2030\n\n## Papers\n\n* Owls: Many Links{links}\n  * Owl Lab\n");
    let (_dir, mut app) = app_on(&[("many.md", &md)], 70, 18);
    keys(&mut app, "/owls");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "o");
    insta::assert_snapshot!(render(&app).backend());
}

/// The palette's count of a thousand entries and more is written with separators, as the tree's is.
#[test]
fn the_palette_writes_a_large_count_with_separators() {
    let papers: String = (0..1200)
        .map(|i| format!("* Owl Study {i} [[Paper](https://example.org/{i})]\n"))
        .collect();
    let md = format!("# Owls 2030\n\n## Papers\n\n{papers}");
    let (_dir, mut app) = app_on(&[("many.md", &md)], 100, 20);
    app.handle(Event::Key(Key::ctrl('p')));
    let screen = screen_text(&app);
    assert!(screen.contains("Jump to paper or page · 1,20"), "{screen}");
    assert!(screen.contains("1,200 papers"), "{screen}");
}

/// A note page in the palette says where it is in the side pane (its folders), not its file's path.
#[test]
fn the_palette_places_a_page_by_its_folders() {
    let (dir, mut app) = app_on(
        &[
            ("owls.md", OWLS),
            (
                "reading-notes/systems/hawk-notes.md",
                "# Hawk Vision Notes\n\nWhat hawks see at dawn.\n",
            ),
        ],
        100,
        20,
    );
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "hawk vision");
    let screen = screen_text(&app);
    assert!(
        screen.contains("Hawk Vision Notes  page · reading-notes › systems"),
        "{screen}"
    );
    assert!(!screen.contains(&*dir.path().to_string_lossy()), "{screen}");
}

/// A folder holding only note pages: the side pane says `pages` (not a count of 0), and its summary
/// lists each page as a page, without `(0)`.
#[test]
fn a_folder_of_pages_says_pages_not_zero() {
    let (_dir, mut app) = app_on(
        &[
            ("owls.md", OWLS),
            (
                "reading-notes/hawks.md",
                "# Hawk Vision Notes\n\nSome thoughts.\n",
            ),
            (
                "reading-notes/kites.md",
                "# Kite Flight Notes\n\nSome thoughts.\n",
            ),
        ],
        100,
        20,
    );
    keys(&mut app, "G");
    let screen = render(&app).backend().to_string();
    let row = screen
        .lines()
        .find(|l| l.contains("▸ reading-notes"))
        .unwrap_or_default();
    assert!(row.contains("pages") && !row.contains(" 0"), "{screen}");
    let screen = screen_text(&app);
    assert!(
        screen.contains("2 note pages")
            && screen.contains("Hawk Vision Notes · page")
            && !screen.contains("(0)")
            && !screen.contains("0 papers"),
        "{screen}"
    );
}

#[test]
fn a_popup_too_small_for_its_margins_takes_the_whole_screen() {
    // 20×5: the palette takes the keys, so it is what shows (its query line at least).
    let mut app = bundled(20, 5);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "serving");
    let screen = screen_text(&app);
    assert!(screen.contains("› serving"), "{screen}");
}

#[test]
fn tiny_sizes_never_panic() {
    let mut app = bundled(80, 24);
    keys(&mut app, "/llm");
    press(&mut app, KeyCode::Enter);
    for (w, h) in (0..=30).flat_map(|w| (0..=10).map(move |h| (w, h))) {
        app.handle(Event::Resize {
            width: w,
            height: h,
        });
        for mode_keys in ["", "?", "\x10"] {
            let mut a = bundled(w, h);
            keys(&mut a, "/gpu");
            press(&mut a, KeyCode::Enter);
            for c in mode_keys.chars() {
                if c == '\x10' {
                    a.handle(Event::Key(Key::ctrl('p')));
                } else {
                    keys(&mut a, &c.to_string());
                }
            }
            render(&a);
        }
        render(&app);
    }
}

#[test]
fn bookmarked_and_read_rows() {
    let mut app = bundled(100, 30);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "b");
    keys(&mut app, "jm"); // CrossPipe read
    keys(&mut app, "j"); // select Obscura, so neither row wears the selection's colours
    let t = render(&app);
    insta::assert_snapshot!(t.backend());
    // The read row is dimmed; the star is in the bookmark colour.
    let buf = t.backend().buffer();
    let row_of = |needle: &str| {
        (0..buf.area.height)
            .find(|&y| {
                (0..40)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .unwrap_or_else(|| panic!("{needle} not shown"))
    };
    let cross = row_of("CrossPipe");
    assert_eq!(buf[(10, cross)].fg, Color::DarkGray);
    let grey = row_of("GreyHound");
    let star_x = (0..40).find(|&x| buf[(x, grey)].symbol() == "★").unwrap();
    assert_eq!(buf[(star_x, grey)].fg, Color::Yellow);
}

#[test]
fn a_selected_bookmarked_paper_shows_both_marks() {
    let mut app = bundled(100, 30);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "b ");
    let screen = screen_text(&app);
    assert!(screen.contains("✚★ GreyHound"), "{screen}");
}

/// An app with no notes yet, its first load 312 files of 1,000 in, on a 100×12 screen.
fn first_load() -> App {
    let mut app = App::new(takeaway::model::Library::default());
    app.loading = Some(takeaway::app::Loading {
        done: 312,
        total: 1000,
    });
    app.handle(Event::Resize {
        width: 100,
        height: 12,
    });
    app
}

/// The bottom row (the status line) of a 100×12 frame.
fn status_row(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    (0..100)
        .map(|x| t.backend().buffer()[(x, 11)].symbol().to_string())
        .collect()
}

#[test]
fn loading_shows_the_frame_and_the_progress() {
    let app = first_load();
    let t = render(&app);
    insta::assert_snapshot!(t.backend());
    let status = status_row(&t);
    assert!(
        status.ends_with("loading 312 of 1,000 files ▰▰▰▱▱▱▱▱▱▱ "),
        "{status:?}"
    );
}

#[test]
fn a_filter_typed_during_the_first_load_waits_for_the_notes_instead_of_counting_none() {
    let mut app = first_load();
    app.handle(Event::Key(Key::ch('/')));
    keys(&mut app, "owl");
    let status = status_row(&render(&app));
    assert!(
        status.ends_with("/owl · waiting for the notes "),
        "{status:?}"
    );
    assert!(!status.contains("match"), "{status:?}");
}

#[test]
fn a_code_block_in_a_takeaway_shows_as_its_lines() {
    let mut app = App::new(loader::load_paths(&[crate::common::fixture("code/owls.md")]).library);
    app.handle(Event::Resize {
        width: 90,
        height: 14,
    });
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "owl nets");
    press(&mut app, KeyCode::Enter);
    let t = render(&app);
    insta::assert_snapshot!(t.backend());
    // Each line of the block on a row of its own, indentation kept, in the code colour; no `␊`.
    let buf = t.backend().buffer();
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| (0..90).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    assert!(rows.iter().all(|r| !r.contains('␊')));
    let first = rows
        .iter()
        .position(|r| r.contains("owl --count 3 \\"))
        .expect("the first line shown");
    let second = &rows[first + 1];
    let at = second
        .find("    --nested")
        .expect("the second line, indented, below");
    let x = u16::try_from(second[..at].chars().count() + 4).unwrap();
    assert_eq!(buf[(x, u16::try_from(first + 1).unwrap())].fg, Color::Green);
}

/// Two papers selected, the works of one file new since last time, and the add form open with a title
/// and a link typed: the marks in the tree, the counts in the title bar, the form.
#[test]
fn selection_new_marks_and_the_add_form() {
    let mut app = three_files(130, 30);
    let keys_of: Vec<String> = (0..app.works.len())
        .map(|w| app.works.key(w).to_string())
        .collect();
    // Last time the library had every work but the first two.
    app.start_news(Some(takeaway::state::seen::Seen::of(
        keys_of.iter().skip(2).map(String::as_str),
    )));
    for key in &keys_of[..2] {
        app.handle(Event::Key(Key::ctrl('p')));
        keys(&mut app, &key.replace('-', " "));
        press(&mut app, KeyCode::Enter);
        keys(&mut app, " ");
    }
    // Space stepped down: back to the last paper picked.
    keys(&mut app, "k");
    let screen = format!("{:?}", render(&app).backend());
    assert!(screen.contains("2 selected"), "{screen}");
    insta::assert_snapshot!("selection_and_new_marks", render(&app).backend());
    keys(&mut app, "A");
    keys(&mut app, "Owls at Night");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "https://arxiv.org/abs/2401.00001");
    insta::assert_snapshot!("add_form", render(&app).backend());
}

/// In a view, a narrow title bar keeps the selection and says which view it is: `Notes`, then the
/// count, give way first.
#[test]
fn a_narrow_title_bar_still_names_the_view() {
    let mut app = bundled(80, 24);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "   ");
    let top = |app: &App| {
        let screen = format!("{:?}", render(app).backend());
        screen.lines().nth(3).unwrap_or_default().to_string()
    };
    for (key, view) in [
        ("V", "by topic"),
        ("V", "by year"),
        ("V", "by venue"),
        ("V", "by affiliation"),
    ] {
        keys(&mut app, key);
        let top = top(&app);
        // Named whole where it fits (`by topic`), cut where it does not (`by affil…`).
        let cut: String = view.chars().take(8).collect();
        let named = top.contains(view) || top.contains(&format!("{cut}…"));
        assert!(named && top.contains("3 selected"), "{top}");
    }
}

/// In a narrow side pane the selection's count stays in the title bar: the view's name gives way first.
#[test]
fn the_selection_count_fits_a_narrow_title_bar() {
    let mut app = bundled(80, 24);
    app.handle(Event::Key(Key::ctrl('p')));
    keys(&mut app, "greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "   ");
    let screen = format!("{:?}", render(&app).backend());
    let top = screen.lines().nth(3).unwrap_or_default().to_string();
    assert!(top.contains("┌ 28 papers · 3 selected "), "{screen}");
}

#[test]
fn the_filters_words_are_marked_in_the_takeaways_and_stepped_through() {
    let mut app = bundled(120, 16);
    // "kernel" is in Weaver's takeaways (three lines) and in no title.
    keys(&mut app, "/'weaver kernel");
    press(&mut app, KeyCode::Enter);
    let screen = |app: &App| {
        let t = render(app);
        let buf = t.backend().buffer().clone();
        let text: Vec<String> = (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        let lit: Vec<String> = (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| &buf[(x, y)])
                    .filter(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
                    .map(|c| c.symbol())
                    .collect()
            })
            .collect();
        (text, lit)
    };
    let (text, lit) = screen(&app);
    assert!(text[1].contains("Weaver"), "{text:#?}");
    assert!(
        lit.iter().any(|l| l == "kernels"),
        "the word is marked, whole: {lit:#?}"
    );
    keys(&mut app, "]");
    let (text, _) = screen(&app);
    assert!(text[0].contains("hit 1 of 3"), "{}", text[0]);
    keys(&mut app, "[");
    let (text, _) = screen(&app);
    assert!(text[0].contains("hit 3 of 3"), "{}", text[0]);
    // The last hit is scrolled into view.
    assert!(
        text.iter().any(|l| l.contains("one long kernel")),
        "{text:#?}"
    );
    // A phrase marks every place it occurs, and each is a hit to step to.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/\"hot model\" weaver");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    let (text, lit) = screen(&app);
    assert!(text[0].contains("hit 1 of 2"), "{}", text[0]);
    // Both in one bullet: "the hot model puts QKV" and, three lines down, "the hot model waits".
    let marked: Vec<&String> = lit.iter().filter(|l| l.contains("hot model")).collect();
    assert_eq!(marked.len(), 2, "{text:#?} {lit:#?}");
    // A paper the query matches by its title only: `]` says there is no hit in its text to go to.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/weaver");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    let (text, _) = screen(&app);
    assert!(text[1].contains("Weaver"), "{text:#?}");
    assert!(text[0].contains("no hits here"), "{}", text[0]);
    // Esc clears the filter: no query, no hits, nothing said of them.
    press(&mut app, KeyCode::Esc);
    let (text, _) = screen(&app);
    assert!(!text[0].contains("hit"), "{}", text[0]);
    // Nor after a query typed and cancelled.
    keys(&mut app, "/'weaver kernel");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    keys(&mut app, "/");
    press(&mut app, KeyCode::Esc);
    let (text, _) = screen(&app);
    assert!(!text[0].contains("hit"), "{}", text[0]);
}

#[test]
fn the_status_line_names_both_toggles_once() {
    let mut app = bundled(120, 30);
    let last_row = |app: &App| -> String {
        let t = render(app);
        let buf = t.backend().buffer();
        let y = buf.area.height - 1;
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    };
    keys(&mut app, "U");
    assert!(
        last_row(&app).contains(" unread only · 28 papers"),
        "{}",
        last_row(&app)
    );
    keys(&mut app, "B");
    let row = last_row(&app);
    assert!(row.contains(" ★ unread only · "), "{row}");
    assert!(!row.contains("★ only unread only"), "{row}");
    keys(&mut app, "U");
    assert!(last_row(&app).contains(" ★ only · "), "{}", last_row(&app));
}

#[test]
fn hits_are_the_words_that_matched_however_the_text_wraps() {
    // Two places of the word in one takeaway: one line when the pane is wide, two when it is narrow.
    let at = |width: u16| {
        let mut app = App::new(loader::load_paths(&[fixture("hits/owls.md")]).library);
        app.handle(Event::Resize { width, height: 20 });
        keys(&mut app, "/straggler");
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "]]");
        let t = render(&app);
        let buf = t.backend().buffer().clone();
        let top: String = (0..width).map(|x| buf[(x, 0)].symbol()).collect();
        // The hit stepped to is shown reversed, the other only marked.
        let current: String = (0..buf.area.height)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .map(|(x, y)| &buf[(x, y)])
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .map(|c| c.symbol())
            .collect();
        (top, current)
    };
    for width in [140, 60] {
        let (top, current) = at(width);
        assert!(top.contains("hit 2 of 2"), "{width}: {top}");
        assert!(current.contains("Straggler"), "{width}: {current:?}");
    }
}
