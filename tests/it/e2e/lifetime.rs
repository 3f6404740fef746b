//! How the app ends and idles, in tmux (a panic: `faults.rs`): the terminal going away, `q` and a signal during a
//! large load, idling, load errors shown and printed.

use std::process::Command;
use std::time::{Duration, Instant};

use super::*;

#[test]
fn killing_the_terminal_ends_the_app_and_saves_its_session() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = rules_notes(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-gone-{}", std::process::id()),
    };

    // 1. tmux kill-session: the pty closes and the pane's processes get SIGHUP.
    t.start_kept(&app_command(dir.path(), &notes));
    t.wait_for("TOY 2031");
    t.keys(&["C-p", "quokka", "Enter"]);
    t.wait_for("Quokka");
    let pid = t.pane_pid();
    t.cmd(&["kill-session", "-t", "e2e"]);
    assert!(
        ends_within(pid, Duration::from_secs(2)),
        "takeaway still running 2 s after its terminal went away"
    );
    let state = std::fs::read_to_string(dir.path().join("data/takeaway/state.json")).unwrap();
    assert!(
        state.contains("quokka"),
        "the session (selection) was saved:\n{state}"
    );

    // 2. The terminal goes away without a signal (the app in a session of its own): reading it ends.
    let t = Tmux {
        socket: format!("takeaway-e2e-gone2-{}", std::process::id()),
    };
    let code = dir.path().join("code");
    let script = format!(
        "setsid -w sh -c \"{}; echo \\$? > '{}'\"",
        app_command(dir.path(), &notes).replace('"', "\\\""),
        code.display()
    );
    start(&t, &script);
    t.wait_for("TOY 2031");
    t.cmd(&["kill-session", "-t", "e2e"]);
    let since = Instant::now();
    while !code.exists() && since.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = std::fs::read_to_string(&code).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "129",
        "ended as a hang-up (waited up to 10 s, a guard against a hang, not a timing)"
    );
}

#[test]
fn a_large_library_shows_at_once_quits_during_the_load_and_idles() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    // Large enough that this (debug) binary takes seconds to load it.
    let made = gen::generate(20_000, gen::DEFAULT_SEED, &notes).unwrap();
    let tmux = |phase: &str| Tmux {
        socket: format!("takeaway-e2e-large-{phase}-{}", std::process::id()),
    };
    let command = app_command(dir.path(), &notes);

    // The frame and the progress show while the notes load; `q` quits during the load.
    let t = tmux("q");
    t.start_kept(&command);
    let screen = t.wait_long("loading", Duration::from_secs(10));
    assert!(screen.contains("Notes"), "{screen}");
    assert!(
        !screen.contains("20,000 papers"),
        "already loaded:\n{screen}"
    );
    t.keys(&["q"]);
    assert_eq!(
        t.exit_status(Duration::from_secs(2)),
        Some(0),
        "q during the load quits within 2 s"
    );

    // One SIGTERM during the load ends it: 128 + 15.
    let t = tmux("term");
    t.start_kept(&command);
    t.wait_long(" files ▰", Duration::from_secs(10));
    let pid = t.pane_pid();
    assert!(Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap()
        .success());
    assert_eq!(t.exit_status(Duration::from_secs(2)), Some(143));

    // Loaded: the tree fills in; then idle costs (almost) nothing and nothing reloads.
    let t = tmux("idle");
    t.start_kept(&command);
    // The tree fills in and the progress goes (one frame changes both; a capture may fall inside it).
    let loaded = format!("{} papers", takeaway::ui::thousands(made.papers));
    t.wait_until(
        "the loaded tree without progress",
        Duration::from_secs(120),
        |s| s.contains(&loaded) && !s.contains(" files ▰"),
    );
    #[cfg(target_os = "linux")]
    {
        let pid = t.pane_pid();
        let before = cpu_ticks(pid);
        // A measurement window, not a wait for something to happen.
        std::thread::sleep(Duration::from_secs(3));
        let used = cpu_ticks(pid) - before;
        assert!(used <= 10, "{used} clock ticks of CPU in 3 s of idling");
    }
    let screen = t.screen();
    assert!(!screen.contains("Reloaded"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)), Some(0));
}

#[test]
fn load_errors_show_in_the_status_line_and_on_stderr_after_quitting() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = rules_notes(dir.path());
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-errors-{}", std::process::id()),
    };
    // A shell stays after takeaway to show what it printed and its status (a pane kept by tmux after
    // its process died may lose the last output).
    let command = format!(
        "sh -c \"{} '{}'; echo status=\\$?; sleep 60\"",
        app_command(dir.path(), &notes),
        empty.display()
    );
    start(&t, &command);
    let screen = t.wait_for("Not loaded: ");
    assert!(
        screen.contains("TOY 2031"),
        "the readable notes load:\n{screen}"
    );
    assert!(screen.contains("empty: no notes"), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("status=");
    assert!(screen.contains("status=2"), "{screen}");
    assert!(
        screen.contains(&format!(
            "takeaway: {}: no notes (*.md files) found in this folder",
            empty.display()
        )),
        "{screen}"
    );
}

/// While typing a filter over a library searched off the UI thread, the status line shows a count only
/// with the query it is the count of: each query seen on it shows one count at most (a stale count
/// would show the query with the previous query's count first), and `searching…` meanwhile.
#[test]
fn the_status_line_never_shows_a_count_with_another_query() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    // Above the size searched off the UI thread.
    let made = gen::generate(21_000, gen::DEFAULT_SEED, &notes).unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-count-{}", std::process::id()),
    };
    t.start_kept(&app_command(dir.path(), &notes));
    let loaded = format!("{} papers", takeaway::ui::thousands(made.papers));
    t.wait_until("the loaded tree", Duration::from_secs(120), |s| {
        s.contains(&loaded) && !s.contains(" files ▰")
    });
    t.keys(&["/"]);
    // (query, count) as the status line showed them, every capture while typing and after.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut record = |screen: &str| {
        let status = screen
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if let Some((_, right)) = status.rsplit_once(" /") {
            if let Some((q, count)) = right.split_once(" · ") {
                if count.contains("match") {
                    seen.push((q.trim().to_string(), count.trim().to_string()));
                }
            }
        }
    };
    for word in ["zqxw", " straggler"] {
        for c in word.chars() {
            let key = if c == ' ' {
                "Space".to_string()
            } else {
                c.to_string()
            };
            t.cmd(&["send-keys", "-t", "e2e", &key]);
            let start = Instant::now();
            while start.elapsed() < Duration::from_millis(150) {
                record(&t.screen());
            }
        }
    }
    // The whole query's count comes.
    let last = t.wait_until("the last query's count", Duration::from_secs(30), |s| {
        s.contains("/zqxw straggler · ") && s.contains("match")
    });
    record(&last);
    let mut counts: std::collections::HashMap<&str, &str> = Default::default();
    for (q, n) in &seen {
        let first = counts.entry(q.as_str()).or_insert(n.as_str());
        assert_eq!(first, n, "/{q} showed two counts: {seen:?}");
    }
    t.keys(&["Escape", "q"]);
}
