//! The binary end to end: modes, output shapes, errors and exit statuses.

use crate::common::{cmd, fixture, json, run, stderr, stdout};

#[test]
fn json_of_bundled_notes_matches_the_seed_titles_and_links() {
    let o = run(&["--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], "notes/atc-2025.md");
    assert_eq!(docs[0]["title"], "ATC 2025");
    assert_eq!(docs[0]["kind"], "list");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("bundled-expected.json")).unwrap())
            .unwrap();
    let got: Vec<serde_json::Value> = docs[0]["papers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let links: Vec<serde_json::Value> = p["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| serde_json::json!([l["label"], l["url"]]))
                .collect();
            serde_json::json!({"title": p["title"], "links": links})
        })
        .collect();
    assert_eq!(got.len(), 28);
    assert_eq!(serde_json::Value::Array(got), expected);
}

#[test]
fn json_paper_has_every_documented_field() {
    let o = run(&["--json", fixture("rules/conference.md").to_str().unwrap()]);
    assert!(o.status.success());
    let v = json(&o);
    let d = &v["documents"][0];
    assert!(d["source"]
        .as_str()
        .unwrap()
        .ends_with("tests/fixtures/rules/conference.md"));
    let p = &d["papers"][0];
    assert_eq!(p["id"], "toy-2031/quokka-fast-lookups-for-tiny-keys");
    assert_eq!(p["title"], "Quokka: Fast Lookups for Tiny Keys");
    assert_eq!(p["venue"], serde_json::Value::Null);
    assert_eq!(
        p["topics"],
        serde_json::json!(["Storage Systems", "Key-Value Stores"])
    );
    assert_eq!(p["line"], 18);
    assert_eq!(
        p["links"][1],
        serde_json::json!({"label": "Video", "url": "https://video.example.org/q", "kind": "video"})
    );
    assert_eq!(p["affiliations"], serde_json::json!(["Uni A", "Lab B"]));
    assert_eq!(p["shape"], "link-group");
    assert_eq!(
        p["takeaways"][0],
        serde_json::json!({
            "text": "Small keys waste most of each cache line.",
            "children": [{"text": "Packs eight keys per line with simd probing.", "children": []}]
        })
    );
}

#[test]
fn list_prints_the_tree_indented() {
    let o = run(&["--list", fixture("rules/conference.md").to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "TOY 2031 [4]\n  Storage Systems [3]\n    Key-Value Stores [2]\n      Quokka: Fast Lookups for Tiny Keys\n      Wombat: Log-Structured Merging Without Tears\n    File Systems [1]\n      Numbat: Crash Consistency for Everyone\n  Networking [1]\n    Echidna: A Spiky Congestion Controller\n"
    );
}

#[test]
fn check_reports_problems_with_file_and_line_and_exits_1() {
    let path = fixture("check/problems.md");
    let o = run(&["--check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let p = path.display().to_string();
    assert!(
        out.contains(&format!("{p}:3: an item with paper links but no title")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{p}:4: link `Paper` has no URL")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{p}:6: duplicate paper `Twice Paper`")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{p}:7: local link `nowhere.md` points to a file that does not exist"
        )),
        "{out}"
    );
    assert!(out.contains("4 problems"), "{out}");
    // In the file's order, line by line (the duplicate is found in a pass after the others).
    let lines: Vec<usize> = out
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{p}:")))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(lines, [3, 4, 6, 7], "{out}");
}

#[test]
fn check_is_clean_on_good_notes_and_on_the_bundled_notes() {
    let o = run(&["--check", fixture("check/clean.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run(&["--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // One notes file: "1 document", not "1 documents".
    let out = stdout(&o);
    assert!(
        out.starts_with("ok: 1 document, ") && out.trim_end().ends_with(" papers, no problems"),
        "{out}"
    );
}

#[test]
fn missing_path_exits_2_with_one_line_naming_it() {
    let o = run(&["--json", "missing.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing.md"), "{err}");
}

#[test]
fn good_file_loads_beside_a_non_utf8_one_which_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.md"),
        "# Good\n\n* P \\[[Paper](https://p.example)]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.md"),
        b"# Bad\n\nok line\n\xff\xfe broken\n",
    )
    .unwrap();
    let o = run(&["--json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["documents"][0]["title"], "Good");
    let err = stderr(&o);
    assert!(err.contains("bad.md:4: not valid UTF-8"), "{err}");

    // `--check` counts what it read, and does not call the notes fine without the file it could not.
    let o = run(&["--check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(!out.contains("ok:"), "{out}");
    assert_eq!(
        out.trim_end(),
        "no problems in the 1 document read (1 paper); 1 file or folder could not be read (said above)"
    );
    assert!(stderr(&o).contains("bad.md:4: not valid UTF-8"));

    // Only that file: the count says nothing was read.
    let bad = dir.path().join("bad.md");
    let o = run(&["--check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o).trim_end(),
        "nothing read: 1 file or folder could not be read (said above)"
    );
    assert!(stderr(&o).contains("bad.md:4: not valid UTF-8"));
}

#[test]
fn several_paths_load_the_readable_ones() {
    let good = fixture("folder/a.md");
    let o = run(&["--list", "nope.md", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("Folder A"));
    assert!(stderr(&o).contains("nope.md"));
}

#[test]
fn folder_without_notes_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("readme.txt"), "hi").unwrap();
    let o = run(&["--json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no notes"), "{}", stderr(&o));
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    for flag in ["--json", "--list", "--check"] {
        assert!(stdout(&o).contains(flag));
    }
    // The help stands alone: an installed binary comes without the README.
    assert!(!stdout(&o).contains("README"), "{}", stdout(&o));
    assert!(stdout(&o).contains("completions/takeaway"));
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("takeaway "));
    let o = run(&["--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn filter_prints_ranked_papers_for_scripts() {
    let o = run(&["--filter", "serverless"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    let cols: Vec<&str> = first.split('\t').collect();
    assert_eq!(cols.len(), 4, "{first}");
    assert!(cols[0].contains("Serverless"), "{first}");
    assert_eq!(cols[1], "ATC 2025");
    assert!(cols[2].starts_with("https://www.usenix.org/"), "{first}");
    assert_eq!(cols[3], "1", "listed in one place: {first}");
}

#[test]
fn print_url_gives_the_best_hits_link_of_that_label() {
    let o = run(&["--filter", "greyhound", "--print-url", "paper"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "https://www.usenix.org/conference/atc25/presentation/wu-tianyuan\n"
    );
    let o = run(&["--filter", "greyhound", "--print-url", "slides"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn a_script_is_never_handed_a_link_the_browser_would_refuse_to_open() {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("list.md");
    std::fs::write(
        &notes,
        "# List\n\n## Papers\n\n* Weird Links Paper \\[[Paper](javascript:alert(1))] \\[[Code](file:///etc/passwd)] \\[[Video](ftp://example.com/v)] \\[[Slides](https://example.com/s)]\n* Local Note Paper \\[[Notes](notes/local.md)] \\[[Paper](vbscript:x)]\n",
    )
    .unwrap();
    let path = notes.to_str().unwrap();
    let filter = |args: &[&str]| {
        let mut all = vec!["--filter"];
        all.extend_from_slice(args);
        all.push(path);
        cmd(home.path()).args(&all).output().unwrap()
    };
    for (label, url) in [
        ("paper", "javascript:alert(1)"),
        ("code", "file:///etc/passwd"),
        ("video", "ftp://example.com/v"),
    ] {
        let o = filter(&["weird", "--print-url", label]);
        assert_eq!(o.status.code(), Some(1), "{label}");
        assert!(o.stdout.is_empty(), "{label}: {}", stdout(&o));
        assert_eq!(
            stderr(&o).trim(),
            format!("takeaway: Weird Links Paper's {label} link is not printed: {url} (only http, https links are; see allowed_schemes in the configuration)")
        );
    }
    let o = filter(&["weird", "--print-url", "slides"]);
    assert_eq!(stdout(&o), "https://example.com/s\n");
    // The link column: the first link that may be opened, else a local one as written, never another.
    let o = filter(&["paper"]);
    let cols: Vec<Vec<String>> = (stdout(&o).lines())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let link_of = |title: &str| {
        let row = cols.iter().find(|c| c[0] == title).expect(title);
        row[2].clone()
    };
    assert_eq!(link_of("Weird Links Paper"), "https://example.com/s");
    assert_eq!(link_of("Local Note Paper"), "notes/local.md");
    // A scheme the configuration allows is printed.
    let cfg = home.path().join("c.toml");
    std::fs::write(&cfg, "allowed_schemes = [\"https\", \"ftp\"]\n").unwrap();
    let o = cmd(home.path())
        .env("TAKEAWAY_CONFIG", &cfg)
        .args(["--filter", "weird", "--print-url", "video", path])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), "ftp://example.com/v\n", "{}", stderr(&o));
}

#[test]
fn print_url_finds_a_link_by_its_kind_when_no_label_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("list.md");
    std::fs::write(
        &notes,
        "# List\n\n## Papers\n\n* Blox: A Toolkit \\[[arXiv](https://arxiv.org/abs/1)] \\[[GitHub](https://github.com/x/blox)]\n",
    )
    .unwrap();
    let path = notes.to_str().unwrap();
    for (flag, url) in [
        ("paper", "https://arxiv.org/abs/1\n"),
        ("code", "https://github.com/x/blox\n"),
        ("arXiv", "https://arxiv.org/abs/1\n"),
    ] {
        let o = run(&["--filter", "blox", "--print-url", flag, path]);
        assert!(o.status.success(), "{flag}");
        assert_eq!(stdout(&o), url, "{flag}");
    }
}

#[test]
fn filter_with_no_match_exits_1() {
    let o = run(&["--filter", "zzzzqqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn the_browser_refuses_to_start_without_a_terminal() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"));
}

#[test]
fn the_browser_refuses_paths_that_do_not_exist_before_opening() {
    let o = run(&["/nonexistent/takeaway-notes", "/nonexistent/more-notes"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("/nonexistent/takeaway-notes: no such file or directory")
            && err.contains("/nonexistent/more-notes: no such file or directory"),
        "{err}"
    );
}

#[test]
fn print_paths_follow_the_platform_folders() {
    let home = tempfile::tempdir().unwrap();
    let o = cmd(home.path()).arg("--print-paths").output().unwrap();
    assert!(o.status.success());
    let out = stdout(&o);
    let cfg = home.path().join("config/takeaway/config.toml");
    let state = home.path().join("data/takeaway/state.json");
    assert!(out.contains(&format!("config: {}", cfg.display())), "{out}");
    assert!(
        out.contains(&format!("state:  {}", state.display())),
        "{out}"
    );
    let cache = home.path().join("cache/takeaway");
    assert!(
        out.contains(&format!("cache:  {}", cache.display())),
        "{out}"
    );
    let off = cmd(home.path())
        .env("TAKEAWAY_CACHE", "off")
        .arg("--print-paths")
        .output()
        .unwrap();
    assert!(stdout(&off).contains("cache:  (off)"), "{}", stdout(&off));
}

#[test]
fn print_config_shows_every_default_and_reads_back() {
    let home = tempfile::tempdir().unwrap();
    let o = cmd(home.path()).arg("--print-config").output().unwrap();
    assert!(o.status.success());
    let text = stdout(&o);
    for line in [
        "allowed_schemes = [\"http\", \"https\"]",
        "mark_read_on_open = false",
        "open_paper = \"p\"",
        "jump = \"ctrl-p\"",
        // Each numbered link says its own number.
        "open_link1 = \"1\"  # open link 1",
        "open_link9 = \"9\"  # open link 9",
        "[theme]",
    ] {
        assert!(text.contains(line), "{line} missing in\n{text}");
    }
    // Saved as the config file, it is accepted as it is.
    let dir = home.path().join("config/takeaway");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), &text).unwrap();
    let o = cmd(home.path()).arg("--print-config").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), text);
}

#[test]
fn a_bad_configuration_exits_2_naming_file_line_and_problem() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.toml");
    std::fs::write(&bad, "# mine\n[keys]\nopen_papr = \"P\"\n").unwrap();
    let o = cmd(home.path())
        .args(["--config", bad.to_str().unwrap(), "--list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o).trim(),
        format!("takeaway: {}:3: unknown action `open_papr` in [keys] (see --print-config for the names)", bad.display())
    );
    // TAKEAWAY_CONFIG names a file too; a named file that is missing is an error.
    let o = cmd(home.path())
        .env("TAKEAWAY_CONFIG", home.path().join("nope.toml"))
        .arg("--list")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.toml"));
}

#[test]
fn notes_from_the_configuration_are_loaded_when_no_path_is_given() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("c.toml");
    let notes = fixture("folder");
    std::fs::write(
        &cfg,
        format!("notes = [{:?}]\n", notes.display().to_string()),
    )
    .unwrap();
    let o = cmd(home.path())
        .args(["--config", cfg.to_str().unwrap(), "--list"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // The folder's SUMMARY.md names its one entry `A`.
    assert!(stdout(&o).starts_with("A [1]\n"), "{}", stdout(&o));
}

#[test]
fn json_names_the_shape_each_paper_came_from() {
    let o = run(&["--json", fixture("shapes/table.md").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let shapes: Vec<&str> = v["documents"][0]["papers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["shape"].as_str().unwrap())
        .collect();
    assert_eq!(shapes, ["table-row", "table-row"]);
}

#[test]
fn check_names_a_link_rich_file_with_no_paper_and_exits_1() {
    let o = run(&["--check", fixture("shapes/unread.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    let first = out.lines().next().unwrap_or("");
    assert!(
        first.ends_with("shapes/unread.md: 6 links but no paper: unrecognised list format"),
        "{out}"
    );
    // Every shape the loader reads passes the same check.
    let o = run(&[
        "--check",
        fixture("shapes/awesome-groups.md").to_str().unwrap(),
        fixture("shapes/note-page.md").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// Copies the fixture folder `name` into `to` (the cache tests edit their notes).
fn copy_fixture(name: &str, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(fixture(name)) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(fixture(name)).unwrap();
        if e.file_type().is_dir() {
            std::fs::create_dir_all(to.join(rel)).unwrap();
        } else {
            std::fs::copy(e.path(), to.join(rel)).unwrap();
        }
    }
}

#[test]
fn the_cache_of_parsed_notes_gives_what_a_parse_gives() {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("shelf");
    copy_fixture("shelf", &notes);
    let cache_dir = home.path().join("cache/takeaway");
    let out = |args: &[&str], cache: bool| {
        let mut c = cmd(home.path());
        if !cache {
            c.env("TAKEAWAY_CACHE", "off");
        }
        let o = c.args(args).arg(&notes).output().unwrap();
        (o.status.code(), stdout(&o), stderr(&o))
    };
    let modes: [&[&str]; 3] = [&["--json"], &["--check"], &["--filter", "logs"]];
    let fresh: Vec<_> = modes.iter().map(|m| out(m, false)).collect();
    assert!(!cache_dir.exists(), "TAKEAWAY_CACHE=off writes no cache");
    for round in ["cold", "warm"] {
        for (m, want) in modes.iter().zip(&fresh) {
            assert_eq!(&out(m, true), want, "{round} {m:?}");
        }
        let files = std::fs::read_dir(&cache_dir).unwrap().count();
        assert_eq!(files, 1, "one cache file for the library");
    }

    // An edit is seen at once; a cache damaged on disk is read around.
    let storage = notes.join("lists/storage.md");
    let text = std::fs::read_to_string(&storage).unwrap();
    std::fs::write(
        &storage,
        format!("{text}\n* Gannet: Logs at Sea \\[[Paper](https://x.org/gannet)]\n"),
    )
    .unwrap();
    let edited = out(&["--json"], false);
    assert!(edited.1.contains("Gannet: Logs at Sea"));
    assert_eq!(out(&["--json"], true), edited);
    for e in std::fs::read_dir(&cache_dir).unwrap() {
        std::fs::write(e.unwrap().path(), b"garbage").unwrap();
    }
    assert_eq!(out(&["--json"], true), edited);
    assert_eq!(out(&["--json"], true), edited);
}

#[test]
fn filter_lists_a_papers_first_web_link_before_a_local_one() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(
        &notes,
        "# Notes\n\n* Local First Paper \\[[Note](notes.md)] \\[[Paper](https://toy.example.org/p)]\n\
         * Only Local Paper \\[[Note](notes.md)]\n",
    )
    .unwrap();
    let o = run(&["--filter", "local", notes.to_str().unwrap()]);
    let out = stdout(&o);
    let link = |title: &str| {
        out.lines()
            .find(|l| l.starts_with(title))
            .and_then(|l| l.split('\t').nth(2))
            .map(str::to_string)
    };
    assert_eq!(
        link("Local First Paper").as_deref(),
        Some("https://toy.example.org/p"),
        "{out}"
    );
    assert_eq!(
        link("Only Local Paper").as_deref(),
        Some("notes.md"),
        "{out}"
    );
}

#[test]
fn a_folder_named_with_dots_finds_its_note_pages_as_its_plain_name_does() {
    // `takeaway .` in the notes, `./shelf` beside them, `../../x/shelf` below them: each is the same
    // library, and a paper's linked note page is searched (`note:`) and read in each.
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("x/shelf");
    copy_fixture("shelf", &notes);
    std::fs::create_dir_all(home.path().join("y/z")).unwrap();
    let from = |dir: &std::path::Path, path: &str| {
        let o = cmd(home.path())
            .current_dir(dir)
            .args(["--filter", "note:together", path])
            .output()
            .unwrap();
        (o.status.code(), stdout(&o))
    };
    let plain = from(home.path(), "x/shelf");
    assert_eq!(plain.0, Some(0), "{}", plain.1);
    assert!(plain.1.starts_with("Quokka"), "{}", plain.1);
    for (dir, path) in [
        (notes.clone(), "."),
        (notes.clone(), "./"),
        (home.path().join("x"), "./shelf"),
        (home.path().join("y/z"), "../../x/shelf"),
        (home.path().join("y/z"), "../../x/./shelf/../shelf"),
    ] {
        let got = from(&dir, path);
        assert_eq!(got.0, Some(0), "{path}: {}", got.1);
        assert_eq!(
            got.1
                .lines()
                .map(|l| l.split('\t').next())
                .collect::<Vec<_>>(),
            plain
                .1
                .lines()
                .map(|l| l.split('\t').next())
                .collect::<Vec<_>>(),
            "{path}"
        );
    }
}

#[test]
fn every_output_ends_quietly_on_a_closed_pipe() {
    // More output than a pipe holds (64 KiB), so the writer meets the closed end.
    let dir = tempfile::tempdir().unwrap();
    let mut md = String::from("# OWL 2024\n\n## Papers\n\n");
    for i in 0..3000 {
        md.push_str(&format!(
            "* Owl Paper Number {i} \\[[Paper](https://arxiv.org/abs/2401.{i:05})]\n  * Uni {i}\n"
        ));
    }
    std::fs::write(dir.path().join("owls.md"), md).unwrap();
    for args in [
        &["--export", "csv"][..],
        &["--export", "bibtex"],
        &["--export", "markdown"],
        &["--list"],
        &["--json"],
        // Short outputs, written as the pipe is already closed (the process takes longer to start).
        &["--print-config"],
        &["--print-paths"],
        &["--completions", "bash"],
        &["--man"],
    ] {
        let notes = (!args[0].starts_with("--print")
            && !matches!(args[0], "--completions" | "--man"))
        .then(|| dir.path());
        let mut child = cmd(dir.path())
            .args(args)
            .args(notes)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn a_script_link_is_no_kind_of_link_and_is_never_exported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("owls.md");
    std::fs::write(
        &file,
        "# OWL 2024\n\n## Papers\n\n* Owl Paper \\[[Paper](javascript:alert(1))] \\[[Slides](DATA:text/html,x)] \\[[Code](https://github.com/owls/owl)]\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    for format in ["markdown", "bibtex", "csv"] {
        let o = run(&["--export", format, f]);
        assert_eq!(o.status.code(), Some(0), "{format}");
        let out = stdout(&o);
        assert!(out.contains("Owl Paper"), "{format}: {out}");
        if format == "csv" {
            // Markdown and BibTeX give the paper link only: here there is none.
            assert!(out.contains("github.com/owls/owl"), "{format}: {out}");
        }
        assert!(
            !out.to_lowercase().contains("javascript") && !out.contains("DATA:"),
            "{format}: {out}"
        );
    }
    let v = json(&run(&["--json", f]));
    let kinds: Vec<&str> = v["documents"][0]["papers"][0]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["other", "other", "code"]);
}

#[test]
fn a_folder_without_notes_is_reported_and_shown_as_no_node() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let mine = home.path().join("mine.md");
    std::fs::write(
        &mine,
        "# Mine 2024\n\n## Papers\n\n* Alpha: One [[Paper](https://a.example)]\n",
    )
    .unwrap();
    let o = cmd(home.path())
        .args(["--list", empty.to_str().unwrap(), mine.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "Mine 2024 [1]\n  Alpha: One\n");
    assert!(
        stderr(&o).contains("no notes (*.md files) found in this folder"),
        "{}",
        stderr(&o)
    );
}

/// A file reached by two of the paths given (twice by name, or by name and through its folder) is read
/// once, where it is first reached: no duplicate papers, no second document.
#[test]
fn a_file_given_twice_or_inside_a_folder_given_is_read_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("notes");
    std::fs::create_dir(&dir).unwrap();
    let a = dir.join("a.md");
    std::fs::write(
        &a,
        "# Owls 2024\n\n## Papers\n\n* Counting Owls [[Paper](https://a.example)]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.md"),
        "# Hawks 2024\n\n## Papers\n\n* Hawk Vision [[Paper](https://b.example)]\n",
    )
    .unwrap();
    let (a, dir) = (a.to_str().unwrap(), dir.to_str().unwrap());
    for args in [[a, a], [dir, a], [a, dir]] {
        let o = cmd(home.path()).arg("--check").args(args).output().unwrap();
        let expected = if args[0] == a && args[1] == a {
            "ok: 1 document, 1 paper, no problems"
        } else {
            "ok: 2 documents, 2 papers, no problems"
        };
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stdout(&o));
        assert!(stdout(&o).contains(expected), "{args:?}: {}", stdout(&o));
        let o = cmd(home.path())
            .args(["--filter", "owls"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(stdout(&o).lines().count(), 1, "{args:?}: {}", stdout(&o));
        assert!(stdout(&o).ends_with("\t1\n"), "one place: {}", stdout(&o));
    }
}

/// A folder that cannot be read is reported once, as unreadable, not also as a folder without notes.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("loops");
    std::fs::create_dir(&dir).unwrap();
    // A link back to its own folder: the walk cannot read it (as root can read a folder of mode 000).
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    let o = cmd(home.path())
        .args(["--check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("symbolic link loop"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("no notes"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("1 file or folder could not be read")
            || stderr(&o).contains("1 file or folder could not be read"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
}

/// Counts of a thousand and more are written with separators, as on the screen (`1,200 papers`).
#[test]
fn check_writes_large_counts_with_separators() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("many.md");
    let papers: String = (0..1200)
        .map(|i| format!("* Owl Study {i} [[Paper](https://example.org/{i})]\n"))
        .collect();
    std::fs::write(&file, format!("# Owls 2030\n\n## Papers\n\n{papers}")).unwrap();
    let o = cmd(home.path())
        .args(["--check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o).trim_end(),
        "ok: 1 document, 1,200 papers, no problems"
    );
}
