//! Asking the notes questions from the command line (issue 13): `--filter` in the query language (alone
//! and with `--json`), `--list --by`, `--export`, `--completions` and `--man`, on a fixture repository of
//! three files: two conferences' notes and a reading list that lists one of their papers again.

use std::path::{Path, PathBuf};
use std::process::Output;

use biblatex::{Bibliography, ChunksExt, EntryType};

use crate::common::{cmd, run, stderr, stdout};

fn fixture() -> PathBuf {
    crate::common::fixture("ask")
}

/// The binary with empty configuration and state folders and the state file at `state`.
fn run_with_state(args: &[&str], state: &Path) -> Output {
    let home = tempfile::tempdir().unwrap();
    cmd(home.path())
        .env("TAKEAWAY_STATE", state)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs on the fixture: `args` then its path.
fn ask(args: &[&str]) -> Output {
    let dir = fixture();
    let mut all: Vec<&str> = args.to_vec();
    all.push(dir.to_str().unwrap());
    run(&all)
}

/// The JSON on standard output of a run that succeeded.
fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    crate::common::json(o)
}

/// The papers of `--filter Q --json`.
fn found(query: &str) -> Vec<serde_json::Value> {
    json(&ask(&["--json", "--filter", query]))["papers"]
        .as_array()
        .unwrap()
        .clone()
}

fn titles(papers: &[serde_json::Value]) -> Vec<String> {
    papers
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_string())
        .collect()
}

/// Every paper of the fixture as `--json` gives it, with its document's title.
fn every_paper() -> Vec<(String, serde_json::Value)> {
    let v = json(&ask(&["--json"]));
    let mut out = Vec::new();
    for d in v["documents"].as_array().unwrap() {
        for p in d["papers"].as_array().unwrap() {
            out.push((d["title"].as_str().unwrap().to_string(), p.clone()));
        }
    }
    out
}

/// The number of distinct works in the fixture.
fn work_count() -> usize {
    let mut works: Vec<String> = every_paper()
        .into_iter()
        .map(|(_, p)| p["work"].as_str().unwrap().to_string())
        .collect();
    works.sort();
    works.dedup();
    works.len()
}

fn has_label(p: &serde_json::Value, label: &str) -> bool {
    p["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["label"].as_str().unwrap().eq_ignore_ascii_case(label))
}

#[test]
fn filter_json_gives_the_papers_a_scoped_query_selects_in_the_json_shape() {
    let papers = found("in:osdi has:code");
    assert_eq!(
        titles(&papers),
        vec![
            "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving"
        ]
    );
    let p = &papers[0];
    // The --json paper shape, plus the document and the work's number of places.
    for field in [
        "id",
        "work",
        "title",
        "venue",
        "topics",
        "links",
        "affiliations",
    ] {
        assert!(p.get(field).is_some(), "{field} in {p}");
    }
    assert_eq!(
        p["places"], 2,
        "listed by the OSDI notes and the reading list"
    );
    assert!(has_label(p, "code"));
    // Every paper of the fixture in an OSDI place with a Code link, and no other, is found (as works).
    let expected: Vec<String> = every_paper()
        .into_iter()
        .filter(|(doc, p)| {
            let place = format!("{doc} {} {}", p["venue"], p["topics"]).to_lowercase();
            place.contains("osdi") && has_label(p, "code")
        })
        .map(|(_, p)| p["work"].as_str().unwrap().to_string())
        .collect();
    assert!(!expected.is_empty());
    assert!(expected.iter().all(|w| w == p["work"].as_str().unwrap()));
}

#[test]
fn years_exclusions_and_phrases() {
    // year: from the venue after the title, else the document's title; arXiv ids give their year.
    let y2023 = titles(&found("year:2023 serving"));
    assert!(
        y2023.iter().any(|t| t.starts_with("AlpaServe")),
        "{y2023:?}"
    );
    assert!(y2023.iter().any(|t| t.starts_with("Quasar")), "{y2023:?}");
    assert!(
        !y2023.iter().any(|t| t.starts_with("Relay")),
        "ATC 2024: {y2023:?}"
    );
    let all_serving = titles(&found("serving"));
    assert!(all_serving.iter().any(|t| t.starts_with("Relay")));
    let range = titles(&found("year:2014..2023"));
    assert!(range.iter().any(|t| t.starts_with("Tetris")), "{range:?}");
    assert!(range.iter().any(|t| t.starts_with("Speculo")), "{range:?}");
    assert!(!range.iter().any(|t| t.starts_with("Cachet")), "{range:?}");

    // -llm drops every paper with LLM in a title (and elsewhere), keeps the rest.
    let no_llm = titles(&found("serving -llm"));
    assert!(
        no_llm.iter().all(|t| !t.to_lowercase().contains("llm")),
        "{no_llm:?}"
    );
    assert!(no_llm.iter().any(|t| t.starts_with("Relay")), "{no_llm:?}");
    assert!(all_serving.iter().any(|t| t.contains("LLM")));

    // A phrase matches as written; its words apart do not.
    let phrase = titles(&found("\"model serving\""));
    assert_eq!(
        phrase[0], "Relay: Model Serving over Slow Networks",
        "title hits first"
    );
    assert!(
        !phrase.iter().any(|t| t.starts_with("Quasar")),
        "LLM Serving is no model serving: {phrase:?}"
    );
    let o = ask(&["--filter", "\"serving model\""]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn an_unknown_field_or_value_exits_2_naming_it_before_loading() {
    let o = ask(&["--filter", "serving colour:red"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("colour"), "{err}");
    for f in ["title:", "aff:", "in:", "note:", "year:", "has:", "is:"] {
        assert!(err.contains(f), "{f} listed: {err}");
    }
    // Refused even where nothing could be loaded: the query is checked first.
    let o = run(&["--json", "--filter", "colour:red", "/no/such/notes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("colour"), "{}", stderr(&o));

    let o = ask(&["--filter", "has:pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("artifact"),
        "lists the values: {}",
        stderr(&o)
    );
    // Capitalised text before a colon is a term, not a field.
    assert_eq!(ask(&["--filter", "AlpaServe:"]).status.code(), Some(0));
}

#[test]
fn is_reads_the_marks_in_the_state_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let alpa = every_paper()
        .into_iter()
        .find(|(_, p)| p["title"].as_str().unwrap().starts_with("AlpaServe"))
        .unwrap()
        .1;
    let text = serde_json::json!({
        "version": 1,
        "bookmarks": { alpa["work"].as_str().unwrap(): 1 },
        "read": { alpa["work"].as_str().unwrap(): 1 },
    })
    .to_string();
    std::fs::write(&state, &text).unwrap();
    let dirpath = fixture();
    let fx = dirpath.to_str().unwrap();
    let o = run_with_state(&["--filter", "is:bookmarked", fx], &state);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("AlpaServe"));
    let o = run_with_state(&["--json", "--filter", "is:unread", fx], &state);
    let unread = titles(json(&o)["papers"].as_array().unwrap());
    assert_eq!(unread.len(), work_count() - 1, "{unread:?}");
    assert!(!unread.iter().any(|t| t.starts_with("AlpaServe")));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), text, "unchanged");

    // A damaged state file is an error naming it, and stays where it is.
    std::fs::write(&state, "{ not json").unwrap();
    let o = run_with_state(&["--filter", "is:read", fx], &state);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("state.json"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "{ not json");
}

#[test]
fn views_group_every_work_across_files() {
    for by in ["topic", "year", "venue", "affiliation"] {
        let o = ask(&["--list", "--by", by]);
        assert!(o.status.success(), "{}", stderr(&o));
        insta::assert_snapshot!(format!("list_by_{by}"), stdout(&o));
    }
    // The topic named in two files is one group holding the papers of both (and of the list).
    let topics = stdout(&ask(&["--list", "--by", "topic"]));
    assert_eq!(topics.matches("LLM Inference").count(), 1, "{topics}");
    let group: Vec<&str> = topics
        .lines()
        .skip_while(|l| !l.starts_with("LLM Inference"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    for t in ["Cachet", "AlpaServe", "Speculo", "Quasar"] {
        assert!(
            group.iter().any(|l| l.trim_start().starts_with(t)),
            "{t} in {group:?}"
        );
    }
    // With --filter, only the works it matches.
    let o = ask(&["--list", "--by", "affiliation", "--filter", "has:code"]);
    let out = stdout(&o);
    assert!(out.starts_with("Alibaba [2]\n"), "{out}");
    assert!(!out.contains("MIT"), "{out}");
    // --filter with --list needs --by.
    assert_eq!(ask(&["--list", "--filter", "x"]).status.code(), Some(2));
}

#[test]
fn bibtex_export_parses_back_one_entry_per_work() {
    let o = ask(&["--export", "bibtex"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), work_count(), "{text}");
    let mut keys: Vec<&str> = bib.iter().map(|e| e.key.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), bib.len(), "unique keys");
    for e in bib.iter() {
        let title = e.title().unwrap().format_verbatim();
        assert!(!title.is_empty());
        assert!(e.url().unwrap().starts_with("https://"), "{}", e.key);
        // A conference's venue is its booktitle, anything else's a note (never both).
        let venue = |field: &str| e.get(field).map(|n| n.format_verbatim());
        assert!(
            venue("booktitle").is_none() || venue("note").is_none(),
            "{}",
            e.key
        );
        let known = ["OSDI", "ATC", "SIGCOMM"].iter().any(|v| {
            venue("booktitle")
                .or(venue("note"))
                .is_some_and(|n| n.starts_with(v))
        });
        let kind = if known {
            EntryType::InProceedings
        } else {
            EntryType::Misc
        };
        assert_eq!(e.entry_type, kind, "{}", e.key);
    }
    // Special characters come back as written.
    let silo = bib
        .iter()
        .find(|e| e.key.contains("silo"))
        .expect("the Silo entry");
    assert_eq!(
        silo.title().unwrap().format_verbatim(),
        "Silo: 100% Durable {Key}-Value Storage & Friends"
    );
    assert_eq!(silo.get("year").unwrap().format_verbatim(), "2023");

    // --filter selects.
    let text = stdout(&ask(&["--export", "bibtex", "--filter", "in:osdi"]));
    let bib = Bibliography::parse(&text).unwrap();
    assert_eq!(bib.len(), 3, "AlpaServe once, Quasar, Silo: {text}");
    assert!(bib.iter().all(|e| e.url().is_ok() && e.title().is_ok()));
    assert_eq!(
        ask(&["--export", "bibtex", "--filter", "zzzzqqq"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn csv_and_markdown_give_a_row_or_bullet_per_work() {
    let o = ask(&["--export", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&header[..3], ["title", "venue", "year"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), work_count());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let alpa = rows
        .iter()
        .find(|row| row[col("title")].starts_with("AlpaServe"))
        .unwrap();
    assert_eq!(&alpa[col("venue")], "OSDI 2023");
    assert_eq!(&alpa[col("year")], "2023");
    assert_eq!(&alpa[col("affiliations")], "UC Berkeley; Alibaba");
    assert_eq!(&alpa[col("code")], "https://github.com/example/alpaserve");
    assert!(alpa[col("links")].contains("Video: https://example.org/osdi23/alpaserve.mp4"));
    let silo = rows.iter().find(|row| row[0].starts_with("Silo")).unwrap();
    assert_eq!(&silo[0], "Silo: 100% Durable {Key}-Value Storage & Friends");

    let o = ask(&["--export", "markdown", "--filter", "a:alibaba"]);
    let md = stdout(&o);
    let bullets: Vec<&str> = md.lines().collect();
    assert_eq!(bullets.len(), 3, "{md}");
    assert!(bullets.iter().all(|b| b.starts_with("- [")), "{md}");
    assert!(
        md.contains(
            "- [AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving](https://example.org/osdi23/alpaserve) — OSDI 2023\n"
        ),
        "{md}"
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let o = run(&["--completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let s = stdout(&o);
        for flag in ["filter", "export", "completions", "print-url"] {
            assert!(s.contains(flag), "{shell} completes --{flag}");
        }
    }
    assert_eq!(run(&["--completions", "tcsh"]).status.code(), Some(2));
    let o = run(&["--man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let man = stdout(&o);
    assert!(
        man.starts_with(".ie") || man.contains(".TH takeaway"),
        "{man}"
    );
    for flag in [
        "\\-\\-filter",
        "\\-\\-export",
        "\\-\\-by",
        "\\-\\-completions",
    ] {
        assert!(man.contains(flag), "{flag} in the man page");
    }
    // The sections clap does not make: the keys (from the key map), exit status, environment, files.
    for section in [
        ".SH KEYS",
        ".SS Browse",
        ".SS \"Jump palette\"",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
    ] {
        assert!(man.contains(section), "{section} in the man page");
    }
    for text in [
        "ctrl\\-p",
        "jump to paper",
        "TAKEAWAY_CACHE",
        "70",
        "\\-\\-print\\-paths",
    ] {
        assert!(man.contains(text), "{text} in the man page");
    }
    // Completing --filter's QUERY or --print-url's LABEL offers no file names.
    let bash = stdout(&run(&["--completions", "bash"]));
    let after_filter = bash.split("--filter)").nth(1).unwrap_or_default();
    let case = after_filter.split(";;").next().unwrap_or_default();
    assert!(!case.contains("compgen -f"), "{case}");
    // Conflicting modes are refused as before.
    assert_eq!(run(&["--man", "--json"]).status.code(), Some(2));
    assert_eq!(
        ask(&["--filter", "x", "--print-url", "paper", "--json"])
            .status
            .code(),
        Some(2)
    );
}
