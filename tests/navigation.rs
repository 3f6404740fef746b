//! A notes repository as its author arranged it, and one paper listed in many places.
//!
//! Fixtures: `shelf/` has a GitBook `SUMMARY.md` (parts, nesting, a page with a child page, an entry to a
//! missing file with an entry nested below it, an outside link, a file it does not list) and a paper,
//! Quokka, listed in three places; `folders/` has none (nested folders with and without `README.md`,
//! names that sort naturally).

use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{App, Effect, Event, Key, KeyCode};
use takeaway::loader::{self, WarningKind};
use takeaway::model::{Library, NavNode, PaperRef};
use takeaway::state::{Mark, State, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The navigation as indented text: `title <source relative to the fixtures>` for documents.
fn outline(lib: &Library) -> String {
    let base = fixture("");
    let mut out = String::new();
    let mut stack: Vec<(&NavNode, usize)> = lib.navigation.iter().rev().map(|n| (n, 0)).collect();
    while let Some((n, depth)) = stack.pop() {
        out.push_str(&"  ".repeat(depth));
        out.push_str(&n.title);
        if let Some(d) = n.doc {
            let path = lib.documents[d].path.as_deref().unwrap();
            let rel = path.strip_prefix(&base).unwrap_or(path);
            out.push_str(&format!(" <{}>", rel.display()));
        }
        out.push('\n');
        stack.extend(n.children.iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

fn every_document_once(lib: &Library) {
    let mut seen = vec![0; lib.documents.len()];
    for n in NavNode::walk(&lib.navigation) {
        if let Some(d) = n.doc {
            seen[d] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n == 1), "{seen:?}\n{}", outline(lib));
}

#[test]
fn summary_gives_parts_nesting_link_text_and_the_files_it_does_not_list() {
    let loaded = loader::load_paths(&[fixture("shelf")]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(
        outline(&loaded.library),
        "\
Welcome <shelf/README.md>
Topic Lists
  Lists <shelf/lists/README.md>
    Storage <shelf/lists/storage.md>
    Networks <shelf/lists/networks.md>
Venues
  All Venues <shelf/venues/README.md>
    TOY 2031 <shelf/venues/toy-2031/README.md>
      Quokka, our note <shelf/venues/toy-2031/quokka.md>
    TOY 2030 <shelf/venues/toy-2030.md>
Not in SUMMARY.md
  drafts
    Reading Queue <shelf/drafts/unlisted.md>
"
    );
    every_document_once(&loaded.library);
    // The entry to a missing file is reported at its line in SUMMARY.md; its own entry moved up.
    let missing: Vec<String> = loaded
        .warnings
        .iter()
        .filter(|w| w.source.ends_with("SUMMARY.md"))
        .map(|w| format!("{}:{}", w.line, w.kind))
        .collect();
    assert_eq!(
        missing,
        vec!["9:local link `lists/gone.md` points to a file that does not exist"]
    );
    // Documents keep their load order (the sorted walk), whatever SUMMARY.md says: ids and per-file
    // output do not depend on it.
    let docs: Vec<&str> = loaded
        .library
        .documents
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        docs,
        vec![
            "Welcome",
            "Reading Queue",
            "Topic Lists",
            "Networks",
            "Storage",
            "Venues",
            "TOY 2030",
            "TOY 2031",
            "Quokka: Fast Lookups for Tiny Keys"
        ]
    );
}

#[test]
fn folders_without_summary_follow_the_hierarchy_in_natural_order() {
    let loaded = loader::load_paths(&[fixture("folders")]);
    assert_eq!(
        outline(&loaded.library),
        "\
Shelf Without Contents <folders/README.md>
2023
  CONF C 2023 <folders/2023/conf-c.md>
  deep
    CONF D 2023 <folders/2023/deep/conf-d.md>
Year 2024 <folders/2024/README.md>
  CONF A 2024 <folders/2024/conf-a.md>
  CONF B 2024 <folders/2024/conf-b.md>
Notes Nine <folders/notes-9.md>
Notes Ten <folders/notes-10.md>
"
    );
    every_document_once(&loaded.library);
}

#[test]
fn several_paths_are_several_top_nodes_and_a_single_file_is_one() {
    let loaded = loader::load_paths(&[
        fixture("shelf"),
        fixture("folders"),
        fixture("rules/conference.md"),
    ]);
    let tops: Vec<(&str, bool)> = loaded
        .library
        .navigation
        .iter()
        .map(|n| (n.title.as_str(), n.doc.is_some()))
        .collect();
    // A folder with SUMMARY.md by its name; one without by its README.md (its page); a file by its title.
    assert_eq!(
        tops,
        vec![
            ("shelf", false),
            ("Shelf Without Contents", true),
            ("TOY 2031", true)
        ]
    );
    assert_eq!(loaded.library.navigation[0].children[0].title, "Welcome");
    assert_eq!(loaded.library.navigation[1].children[0].title, "2023");
    every_document_once(&loaded.library);

    let one = loader::load_paths(&[fixture("rules/conference.md")]);
    assert_eq!(one.library.navigation, vec![NavNode::leaf("TOY 2031", 0)]);
}

#[test]
fn front_matter_is_read_never_shown_and_a_bad_one_is_reported() {
    let loaded = loader::load_paths(&[fixture("shelf")]);
    let welcome = loaded
        .library
        .documents
        .iter()
        .find(|d| d.title == "Welcome")
        .unwrap();
    assert_eq!(
        welcome.description.as_deref(),
        Some("A made-up shelf of notes for testing.")
    );
    let body = format!("{:?}", welcome.body);
    assert!(!body.contains("description"), "{body}");
    assert!(
        body.contains("This shelf holds made-up paper notes"),
        "{body}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(
        &bad,
        "---\ndescription: fine\nlist: [open\n---\n\n# Still Loads\n",
    )
    .unwrap();
    let loaded = loader::load_paths(&[&bad]);
    assert_eq!(loaded.library.documents[0].title, "Still Loads");
    assert_eq!(loaded.library.documents[0].description, None);
    let w = &loaded.warnings[0];
    assert!(matches!(w.kind, WarningKind::FrontMatter { .. }), "{w}");
    assert!((2..=4).contains(&w.line), "{w}");
    assert!(
        w.to_string().starts_with(&format!("{}:", bad.display())),
        "{w}"
    );
}

// ----- the app ----------------------------------------------------------------------------------------

fn app(path: &str, width: u16, height: u16) -> App {
    let mut app = App::new(loader::load_paths(&[fixture(path)]).library);
    app.handle(Event::Resize { width, height });
    app
}

fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    s.chars()
        .flat_map(|c| app.handle(Event::Key(Key::ch(c))))
        .collect()
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle(Event::Key(Key::plain(code)))
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
    let side = takeaway::ui::layout::areas(app.size, app.filter_bar_shown()).side;
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
    let w = takeaway::ui::layout::areas(app.size, app.filter_bar_shown())
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
    app.breadcrumb(app.selected.unwrap())
}

#[test]
fn side_pane_with_summary() {
    let mut a = app("shelf", 150, 30);
    // The repository opens as its parts, closed.
    let tops: Vec<&str> = a
        .rows
        .iter()
        .map(|&id| a.tree.nodes[id].title.as_str())
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
            takeaway::app::PaletteItem::Paper(h) => Some(h.paper),
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
    let labels: Vec<&str> = a
        .selected_links()
        .iter()
        .map(|l| l.label.as_str())
        .collect();
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
    let before = a.selected;
    keys(&mut a, "w");
    assert_eq!(a.selected, before);
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
    assert_eq!(a.tree.nodes[venues].title, "Venues");
    assert_eq!(a.unread[venues], a.tree.nodes[venues].papers - 1);
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
    let (mut store, msg) = Store::open(&path);
    assert!(msg.is_none());
    let mut a = app("shelf", 150, 30);
    a.set_marks(&store.state);
    let places = quokka_rows(&a);
    for &id in &places {
        assert!(
            a.is_bookmarked(a.tree.nodes[id].paper().unwrap()),
            "{}",
            a.breadcrumb(id)
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
    let (again, _) = Store::open(&path);
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
        .position(|l| l.label == "TOY 2031")
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
    let sel = a.selected.unwrap();
    assert_eq!(a.tree.nodes[sel].title, "TOY 2030");
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

// ----- the command line -------------------------------------------------------------------------------

/// Runs the binary with empty configuration and state folders; returns (status, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let home = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_takeaway"))
        .args(args)
        .env_remove("TAKEAWAY_CONFIG")
        .env_remove("TAKEAWAY_STATE")
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("HOME", home.path())
        .output()
        .expect("the binary runs");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn list_prints_the_navigation_with_each_documents_tree() {
    let shelf = fixture("shelf");
    let (code, out, err) = run(&["--list", shelf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "\
Welcome (page)
Topic Lists [4]
  Lists (page) [4]
    Storage [3]
      Key-Value Stores [3]
        Quokka: Fast Lookups for Tiny Keys
        Wombat: Log-Structured Merging Without Tears
        Numbat: Crash Consistency for Everyone
    Networks [1]
      Echidna: A Spiky Congestion Controller
Venues [2]
  All Venues (page) [2]
    TOY 2031 [1]
      Storage Systems [1]
        Quokka: Fast Lookups for Tiny Keys
      Quokka, our note (page)
    TOY 2030 [1]
      Wombat: Log-Structured Merging Without Tears
Not in SUMMARY.md [1]
  drafts [1]
    Reading Queue [1]
      ＱＵＯＫＫＡ: fast lookups for tiny keys
"
    );
    let folders = fixture("folders");
    let (_, out, _) = run(&["--list", folders.to_str().unwrap()]);
    let top: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        top,
        vec![
            "Shelf Without Contents (page)",
            "2023 [2]",
            "Year 2024 [3]",
            "Notes Nine (page)",
            "Notes Ten (page)"
        ]
    );
    assert!(out.contains("\n  deep [1]\n    CONF D 2023 [1]\n"), "{out}");
}

#[test]
fn json_adds_navigation_works_and_descriptions() {
    let shelf = fixture("shelf");
    let (code, out, err) = run(&["--json", shelf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let base = format!("{}/", shelf.display());
    // Navigation: titles, sources relative to the shelf, children; no source for parts and folders.
    fn strip(v: &serde_json::Value, base: &str) -> serde_json::Value {
        let mut o = serde_json::Map::new();
        o.insert("title".into(), v["title"].clone());
        if let Some(s) = v.get("source") {
            o.insert(
                "source".into(),
                s.as_str().unwrap().strip_prefix(base).unwrap().into(),
            );
        }
        let children = v["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| strip(c, base))
            .collect();
        o.insert("children".into(), serde_json::Value::Array(children));
        serde_json::Value::Object(o)
    }
    let nav: Vec<serde_json::Value> = v["navigation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| strip(n, &base))
        .collect();
    let leaf = |t: &str, s: &str| serde_json::json!({"title": t, "source": s, "children": []});
    assert_eq!(
        serde_json::Value::Array(nav),
        serde_json::json!([
            leaf("Welcome", "README.md"),
            {"title": "Topic Lists", "children": [
                {"title": "Lists", "source": "lists/README.md", "children": [
                    leaf("Storage", "lists/storage.md"),
                    leaf("Networks", "lists/networks.md"),
                ]},
            ]},
            {"title": "Venues", "children": [
                {"title": "All Venues", "source": "venues/README.md", "children": [
                    {"title": "TOY 2031", "source": "venues/toy-2031/README.md", "children": [
                        leaf("Quokka, our note", "venues/toy-2031/quokka.md"),
                    ]},
                    leaf("TOY 2030", "venues/toy-2030.md"),
                ]},
            ]},
            {"title": "Not in SUMMARY.md", "children": [
                {"title": "drafts", "children": [leaf("Reading Queue", "drafts/unlisted.md")]},
            ]},
        ])
    );
    // Works: Quokka's three places share one key, Wombat's two another; Numbat is alone.
    let mut works: Vec<(String, String)> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["papers"].as_array().unwrap().iter())
        .map(|p| {
            (
                p["work"].as_str().unwrap().to_string(),
                p["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    works.sort();
    let quokka: Vec<&str> = works
        .iter()
        .filter(|(w, _)| w == "quokka-fast-lookups-for-tiny-keys")
        .map(|(_, id)| id.as_str())
        .collect();
    assert_eq!(quokka.len(), 3, "{works:?}");
    assert_eq!(
        works
            .iter()
            .filter(|(w, _)| w == "wombat-log-structured-merging-without-tears")
            .count(),
        2
    );
    let distinct: std::collections::BTreeSet<&str> =
        works.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(distinct.len(), 4, "quokka, wombat, numbat, echidna");
    // A page's front matter description.
    let welcome = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "Welcome")
        .unwrap();
    assert_eq!(
        welcome["description"],
        "A made-up shelf of notes for testing."
    );

    // One file: one navigation node, and the document as before (new keys only).
    let one = fixture("rules/conference.md");
    let (_, out, _) = run(&["--json", one.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["navigation"],
        serde_json::json!([{"title": "TOY 2031", "source": one.to_str().unwrap(), "children": []}])
    );
    let keys: Vec<&str> = v["documents"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, vec!["kind", "meta", "papers", "source", "title"]);
    assert_eq!(
        v["documents"][0]["papers"][0]["work"],
        "quokka-fast-lookups-for-tiny-keys"
    );
}

#[test]
fn filter_prints_a_work_once_with_its_number_of_places() {
    let shelf = fixture("shelf");
    let (code, out, err) = run(&["--filter", "quokka", shelf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "Quokka: Fast Lookups for Tiny Keys\tTOY 2031\thttps://toy.example.org/quokka\t3\n"
    );
    // --print-url looks in the links of every place: Code is only in the topic list.
    let (code, out, _) = run(&[
        "--filter",
        "quokka",
        "--print-url",
        "code",
        shelf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(out, "https://code.example.org/quokka\n");
}

#[test]
fn check_reports_a_summary_entry_to_a_missing_file() {
    let shelf = fixture("shelf");
    let (code, out, _) = run(&["--check", shelf.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(&format!(
            "{}:9: local link `lists/gone.md` points to a file that does not exist\n",
            shelf.join("SUMMARY.md").display()
        )),
        "{out}"
    );
}

#[test]
fn the_session_restores_expansion_and_selection_in_the_navigation() {
    let mut a = app("shelf", 150, 30);
    jump(&mut a, "numbat");
    keys(&mut a, "w"); // one place only: stays
    let selected = selected_breadcrumb(&a);
    let rows = a.rows.len();
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
    assert_ne!(again.rows.len(), rows);
    again.restore_session(&state);
    assert_eq!(again.rows, a.rows);
    assert_eq!(selected_breadcrumb(&again), selected);
    assert_eq!(
        again
            .library
            .paper(again.selected_paper().unwrap().0)
            .unwrap()
            .title,
        "Numbat: Crash Consistency for Everyone"
    );
}
