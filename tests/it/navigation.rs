//! A notes repository as its author arranged it, and one paper listed in many places.
//!
//! Fixtures: `shelf/` has a GitBook `SUMMARY.md` (parts, nesting, a page with a child page, an entry to a
//! missing file with an entry nested below it, an outside link, a file it does not list) and a paper,
//! Quokka, listed in three places; `folders/` has none (nested folders with and without `README.md`,
//! names that sort naturally).

use takeaway::loader::{self, WarningKind};
use takeaway::model::{Library, NavNode};

use crate::common::fixture;

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

// ----- the command line -------------------------------------------------------------------------------

/// Runs the binary with empty configuration and state folders; returns (status, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let home = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_takeaway"))
        .args(args)
        .env_remove("TAKEAWAY_CONFIG")
        .env_remove("TAKEAWAY_STATE")
        .env_remove("TAKEAWAY_CACHE")
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
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
