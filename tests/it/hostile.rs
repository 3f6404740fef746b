//! Hostile notes: every input the hardening issue lists, each loaded or refused with a clear message,
//! without a panic, a hang or a stack overflow; and no control character reaching the terminal.

use std::path::{Path, PathBuf};
use std::process::Command;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{App, Effect, Event, Key, KeyCode};
use takeaway::loader::{self, LoadError};
use takeaway::model::{DocKind, Library};

use crate::common::{keys, press};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn one(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> loader::Loaded {
    let p = write(dir, name, bytes);
    loader::load_paths(&[p])
}

fn titles(l: &loader::Loaded) -> Vec<String> {
    l.library
        .papers()
        .map(|(_, p)| p.title.to_string())
        .collect()
}

/// Renders the app at 100×30 and returns every cell's symbol.
fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| takeaway::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    buf.content.iter().map(|c| c.symbol()).collect()
}

fn has_control(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}')
    })
}

const PAPER: &str = "* Safe Paper \\[[Paper](https://ok.example)]\n";

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let l = one(dir.path(), "bad.md", b"# T\n\nline\n\xc3\x28 broken\n");
    assert!(l.library.documents.is_empty());
    assert!(
        matches!(&l.errors[0], LoadError::NotUtf8 { line: 4, .. }),
        "{:?}",
        l.errors
    );
}

#[test]
fn nul_bytes_bom_crlf_and_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    let l = one(
        dir.path(),
        "nul.md",
        "# T\0x\n\n* A\0B \\[[Paper](https://a.example)]\n",
    );
    assert_eq!(l.library.paper_count(), 1);
    // pulldown-cmark keeps NUL in text; it reaches a terminal only as a visible ␀.
    assert_eq!(takeaway::text::sanitize(&titles(&l)[0]), "A␀B");
    for (name, text) in [
        ("bom.md", format!("\u{feff}# T\n\n{PAPER}")),
        (
            "crlf.md",
            format!("# T\r\n\r\n{}", PAPER.replace('\n', "\r\n")),
        ),
        ("cr.md", format!("# T\r\r{}", PAPER.replace('\n', "\r"))),
    ] {
        let l = one(dir.path(), name, text);
        assert_eq!(&*l.library.documents[0].title, "T", "{name}");
        assert_eq!(titles(&l), vec!["Safe Paper"], "{name}");
        assert_eq!(l.library.documents[0].papers[0].line, 3, "{name}");
    }
}

#[test]
fn empty_and_whitespace_only_files_are_empty_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("empty.md", ""), ("blank.md", " \n\t\n\r\n   ")] {
        let l = one(dir.path(), name, text);
        assert!(l.errors.is_empty(), "{name}");
        let d = &l.library.documents[0];
        assert_eq!(d.kind, DocKind::Page, "{name}");
        assert_eq!(d.title, name.trim_end_matches(".md"));
        assert!(d.papers.is_empty());
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.md");
    // 50 MB, sparse: refused before a byte is read.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    write(dir.path(), "ok.md", format!("# OK\n\n{PAPER}"));
    let l = loader::load_paths(&[dir.path()]);
    assert_eq!(titles(&l), vec!["Safe Paper"]);
    assert!(matches!(&l.errors[0], LoadError::TooLarge { path, .. } if path.ends_with("huge.md")));
    assert!(l.errors[0].to_string().contains("split it"));
}

#[test]
fn a_one_megabyte_line_loads() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!(
        "* {} \\[[Paper](https://a.example)]\n",
        "word ".repeat(200_000)
    );
    let l = one(dir.path(), "line.md", format!("# T\n\n{line}"));
    assert_eq!(l.library.paper_count(), 1);
    assert!(titles(&l)[0].len() > 900_000);
}

#[test]
fn lists_and_quotes_nested_100000_deep_load_without_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "dash.md",
            format!(
                "# T\n\n{}x \\[[Paper](https://a.example)]\n",
                "- ".repeat(100_000)
            ),
        ),
        ("quote.md", format!("# T\n\n{}x\n", "> ".repeat(100_000))),
        (
            "indent.md",
            (0..2000)
                .map(|i| format!("{}* x\n", "  ".repeat(i)))
                .collect::<String>(),
        ),
    ] {
        let l = one(dir.path(), name, text);
        assert!(l.errors.is_empty(), "{name}");
        let mut app = App::new(l.library);
        app.handle(Event::Resize {
            width: 80,
            height: 24,
        });
        keys(&mut app, "GjlG");
        screen(&app);
    }
}

#[test]
fn a_paper_nested_to_the_limit_is_read_and_deeper_nesting_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // Topics `Level 0` … down to a paper on the last level: 32 levels are read whole, 33 and 40 are
    // folded into the 32nd, which `--check` says at the line where it starts.
    let nested = |levels: usize| {
        let mut t = String::from("# Deep\n\n## Papers\n\n");
        for i in 0..levels - 1 {
            t.push_str(&format!("{}* Level {i}\n", "  ".repeat(i)));
        }
        t.push_str(&format!(
            "{}* Bottom: A Paper at the End \\[[Paper](https://x.example/b)]\n",
            "  ".repeat(levels - 1)
        ));
        t
    };
    let deep = one(dir.path(), "d32.md", nested(32));
    assert_eq!(titles(&deep), ["Bottom: A Paper at the End"]);
    assert!(deep.warnings.is_empty(), "{:?}", deep.warnings);
    for levels in [33, 40] {
        let l = one(dir.path(), &format!("d{levels}.md"), nested(levels));
        let said: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains(&format!(
                "d{levels}.md:37: lists or quotes nested deeper than 32"
            )),
            "{said:?}"
        );
    }
}

#[test]
fn quotes_nested_past_the_limit_are_reported_in_a_page_as_in_a_list() {
    let dir = tempfile::tempdir().unwrap();
    for levels in [40, 500] {
        let page = format!("# Q\n\nSome prose.\n\n{}deep quote\n", "> ".repeat(levels));
        let l = one(dir.path(), &format!("q{levels}.md"), page);
        let said: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains(&format!(
                "q{levels}.md:5: lists or quotes nested deeper than 32"
            )),
            "{said:?}"
        );
        let text = format!("{:?}", l.library.documents[0].body);
        assert!(text.contains("deep quote"), "kept, folded: {text}");
    }
}

#[test]
fn one_hundred_thousand_siblings_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# T\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("* P{i} \\[[Paper](https://a.example/{i})]\n"));
    }
    let l = one(dir.path(), "many.md", text);
    assert_eq!(l.library.paper_count(), 100_000);
}

const HOSTILE: &str = "# Evil \x1b]0;pwned\x07 Title\x1b[31m\n\n## Papers\n\n### Head\x1b[2J\u{202e}ing\n\n\
* Bad \x1b[31mred\x1b[0m \x1b]52;c;SGVsbG8=\x07clip\x08\x08 title\u{200b}\u{2066} \\[[La\x1bbel](https://ok.example/\x1b[1m)] \\[[Code](javascript:alert(1))]\n\
\x20 * Uni \x1b[5mBlink\n\
\x20 * Takeaway with \x07bell and \x1b]8;;https://evil\x07link\x1b]8;;\x07 and \u{202e}reversed\n";

#[test]
fn control_characters_never_reach_the_screen() {
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("evil.md", None, HOSTILE).0);
    loader::assign_ids(&mut lib);
    assert_eq!(lib.paper_count(), 1);
    let mut app = App::new(lib);
    app.handle(Event::Resize {
        width: 100,
        height: 30,
    });
    let views: Vec<(&str, Vec<&str>)> = vec![
        ("start", vec![]),
        ("paper", vec!["G"]),
        ("links", vec!["G", "o"]),
        ("palette", vec!["\x10"]),
        ("filter", vec!["/", "b"]),
        ("refused link", vec!["G", "2"]),
    ];
    for (name, ks) in views {
        let mut a = App::new((*app.library).clone());
        a.handle(Event::Resize {
            width: 100,
            height: 30,
        });
        for k in ks {
            if k == "\x10" {
                a.handle(Event::Key(Key::ctrl('p')));
            } else {
                keys(&mut a, k);
            }
        }
        let s = screen(&a);
        assert!(!has_control(&s), "{name}: control character on screen");
        assert!(
            s.contains('␛') || name == "palette",
            "{name}: escapes are shown visibly"
        );
    }
}

#[test]
fn control_characters_never_reach_the_non_interactive_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "evil.md", HOSTILE);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_takeaway"))
            .args(args)
            .arg(&p)
            .env("XDG_CONFIG_HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path())
            .output()
            .unwrap()
    };
    for args in [&["--list"][..], &["--filter", "bad"][..], &["--check"][..]] {
        let o = run(args);
        let out = String::from_utf8(o.stdout).unwrap() + &String::from_utf8(o.stderr).unwrap();
        let visible_only = out.replace(['\n', '\t'], "");
        assert!(!has_control(&visible_only), "{args:?}: {out:?}");
        if args[0] != "--check" {
            assert!(out.contains('␛'), "{args:?}: shown visibly: {out:?}");
        }
    }
    // JSON escapes them as JSON does, and reads back to the original text.
    let o = run(&["--json"]);
    let raw = String::from_utf8(o.stdout).unwrap();
    assert!(!raw.contains('\x1b') && raw.contains("\\u001b"));
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(v["documents"][0]["papers"][0]["title"]
        .as_str()
        .unwrap()
        .contains("\x1b[31m"));
}

#[test]
fn unsafe_links_are_never_opened_and_never_given_to_a_shell() {
    let urls = [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "JavaScript:alert(1)",
        "https://a.example/$(rm -rf ~)`id`\"'; echo",
    ];
    let mut md = String::from("# T\n\n");
    for u in urls {
        md.push_str(&format!("* P \\[[Paper](<{u}>)]\n"));
    }
    let long = format!("https://a.example/{}", "x".repeat(100_000));
    md.push_str(&format!("* Long \\[[Paper]({long})]\n"));
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("t.md", None, &md).0);
    loader::assign_ids(&mut lib);
    let mut app = App::new(lib);
    app.handle(Event::Resize {
        width: 100,
        height: 30,
    });
    let mut opened = Vec::new();
    for _ in 0..urls.len() + 1 {
        keys(&mut app, "j");
        for e in keys(&mut app, "p") {
            if let Effect::Open(u) = e {
                opened.push(u);
            }
        }
        screen(&app);
        keys(&mut app, "o");
        screen(&app);
        press(&mut app, KeyCode::Esc);
    }
    // Only the https ones, exactly as written: one argument each, no shell. The five `P` are one work,
    // whose paper link is its https one (a script link is no paper link): `p` on any of them opens that.
    assert!(
        opened.iter().all(|u| *u == urls[4] || *u == long),
        "{:?}",
        opened
            .iter()
            .map(|u| u.get(..60).unwrap_or(u))
            .collect::<Vec<_>>()
    );
    assert!(opened.contains(&urls[4].to_string()) && opened.contains(&long));
    let cmds = takeaway::tui::opener::commands(urls[4], &["/bin/echo".to_string()]);
    let args: Vec<_> = cmds[0].get_args().collect();
    assert_eq!(args, vec![std::ffi::OsStr::new(urls[4])]);
    assert_eq!(cmds[0].get_program(), "/bin/echo");
}

#[cfg(unix)]
#[test]
fn notes_reached_through_a_link_inside_the_folder_are_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let real = root.join("real");
    std::fs::create_dir(&real).unwrap();
    write(&real, "kinds.md", format!("# Kinds\n\n{PAPER}"));
    // A sibling folder and a file that are links to what the walk reads anyway.
    std::os::unix::fs::symlink(&real, root.join("link")).unwrap();
    std::os::unix::fs::symlink(real.join("kinds.md"), root.join("again.md")).unwrap();
    // A link to notes outside the folder is read.
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "far.md", format!("# Far\n\n{PAPER}"));
    std::os::unix::fs::symlink(outside.path(), root.join("far")).unwrap();
    let l = loader::load_paths(&[root]);
    let docs: Vec<&str> = l.library.documents.iter().map(|d| &*d.title).collect();
    assert_eq!(docs, ["Far", "Kinds"]);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
}

#[cfg(unix)]
#[test]
fn symlink_loops_fifos_folders_named_md_and_vanished_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.md", format!("# Good\n\n{PAPER}"));
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    std::fs::create_dir(root.join("x.md")).unwrap();
    write(
        &root.join("x.md"),
        "inner.md",
        format!("# Inner\n\n{PAPER}"),
    );
    let fifo = root.join("y.md");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink(root.join("gone.md"), root.join("dangling.md")).unwrap();

    // Must not hang on the FIFO nor loop forever: run on a thread with a deadline.
    let (tx, rx) = std::sync::mpsc::channel();
    let r = root.to_path_buf();
    std::thread::spawn(move || tx.send(loader::load_paths(&[r])).unwrap());
    let l = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading finished");
    let docs: Vec<&str> = l.library.documents.iter().map(|d| &*d.title).collect();
    assert_eq!(docs, vec!["Good", "Inner"]);
    let errs: Vec<String> = l.errors.iter().map(|e| e.to_string()).collect();
    assert!(
        errs.iter()
            .any(|e| e.contains("y.md") && e.contains("not a regular file")),
        "{errs:?}"
    );
    assert!(errs.iter().any(|e| e.contains("loop")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("dangling.md")), "{errs:?}");

    // A file listed and then gone before it is read.
    let vanishing = write(root, "vanish.md", "# V\n");
    let mut errors = Vec::new();
    let listed = loader::files_of(&vanishing, &mut errors);
    std::fs::remove_file(&vanishing).unwrap();
    let mut loaded = loader::Loaded::default();
    for f in &listed {
        loader::load_file(f, &mut loaded);
    }
    assert!(
        matches!(&loaded.errors[0], LoadError::NotFound { path } if path.ends_with("vanish.md"))
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported_when_permissions_apply() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.md", "# S\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Root reads anything: the permission case cannot be made here.
        eprintln!("running as root: permissions do not apply, skipping the unreadable-file case");
        return;
    }
    let l = loader::load_paths(&[&p]);
    assert!(
        matches!(&l.errors[0], LoadError::Unreadable { path, .. } if path.ends_with("secret.md"))
    );
}

#[test]
fn a_table_with_ten_thousand_columns_loads() {
    let dir = tempfile::tempdir().unwrap();
    let header: String = (0..10_000).map(|i| format!("| c{i} ")).collect::<String>() + "|\n";
    let mut md = String::from("# Wide\n\n| Title ");
    md.push_str(&header);
    md.push_str(&"| --- ".repeat(10_001));
    md.push_str("|\n| [Wide Owls](https://arxiv.org/abs/1) ");
    md.push_str(&"| x ".repeat(10_000));
    md.push_str("|\n");
    let l = one(dir.path(), "wide.md", md);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert_eq!(titles(&l), ["Wide Owls"]);
}

#[test]
fn a_table_row_of_one_megabyte_loads() {
    let dir = tempfile::tempdir().unwrap();
    let long = "owl ".repeat(250_000);
    let md = format!(
        "# Long\n\n| Title | Paper |\n| --- | --- |\n| {long} | [link](https://arxiv.org/abs/1) |\n| Short Owls | [link](https://arxiv.org/abs/2) |\n"
    );
    let l = one(dir.path(), "long.md", md);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let t = titles(&l);
    assert_eq!(t.len(), 2);
    assert_eq!(t[1], "Short Owls");
    assert!(t[0].len() > 900_000);
}

#[test]
fn unbalanced_details_tags_load() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Wrapped\n\n## Papers\n\n</details>\n</details>\n\n<details>\n<summary>Open Forever</summary>\n\n\
              - Owls A [[paper](https://arxiv.org/abs/1)]\n\n<details><details><summary>x</summary>\n\n\
              - Owls B [[paper](https://arxiv.org/abs/2)]\n\n<summary>stray</summary>\n\n## Later\n\n\
              - Owls C [[paper](https://arxiv.org/abs/3)]\n\n</details>\n";
    let l = one(dir.path(), "details.md", md);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert_eq!(titles(&l), ["Owls A", "Owls B", "Owls C"]);
    let d = &l.library.documents[0];
    assert_eq!(&*d.papers[0].topics, ["Open Forever".to_string()]);
    // `## Later` closes what `<details>` left open.
    assert_eq!(&*d.papers[2].topics, ["Later".to_string()]);
}

#[test]
fn fifty_thousand_nested_details_load() {
    let dir = tempfile::tempdir().unwrap();
    let md = format!(
        "# Deep\n\n{}- Owls [[paper](https://arxiv.org/abs/1)]\n\n{}",
        "<details>\n<summary>Level</summary>\n\n".repeat(50_000),
        "</details>\n\n".repeat(50_000)
    );
    let l = one(dir.path(), "deep.md", md);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert_eq!(titles(&l), ["Owls"]);
    // Folded past the nesting limit, as lists are.
    let depth = l.library.documents[0].papers[0].topics.len();
    assert!(depth <= loader::markdown::MAX_DEPTH, "{depth}");
}
