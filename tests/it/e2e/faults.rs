//! One bad file never takes the library down, and a panic anywhere ends the app cleanly: the real
//! binary, with a panic asked for by `TAKEAWAY_TEST_FAULT` (see `src/fault.rs`), on the command line and
//! in tmux.

use std::path::Path;
use std::time::Duration;

use super::*;
use crate::common::cmd;

/// Three small files; the one between the others holds `BOOM`, which the test fault makes panic.
fn three_files(dir: &Path) -> PathBuf {
    let notes = dir.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let write = |name: &str, text: &str| std::fs::write(notes.join(name), text).unwrap();
    write(
        "a-owls.md",
        "# Owls\n\n## Papers\n\n- Counting Owls at Night \\[[Paper](https://arxiv.org/abs/2401.00001)]\n  - Owl Lab\n",
    );
    write(
        "b-bad.md",
        "# Bad\n\n- BOOM Goes the Parser \\[[Paper](https://arxiv.org/abs/2401.00002)]\n",
    );
    write(
        "c-hawks.md",
        "# Hawks\n\n- Hawk Vision in Daylight \\[[Paper](https://arxiv.org/abs/2401.00003)]\n",
    );
    notes
}

#[test]
fn a_file_whose_parse_panics_is_reported_and_the_others_load() {
    let home = tempfile::tempdir().unwrap();
    let notes = three_files(home.path());
    let run = |args: &[&str]| {
        cmd(home.path())
            .env("TAKEAWAY_TEST_FAULT", "parse:BOOM")
            .args(args)
            .arg(&notes)
            .output()
            .unwrap()
    };
    let out = run(&["--json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "a file not loaded: {stderr}");
    assert!(
        stdout.contains("Counting Owls at Night") && stdout.contains("Hawk Vision in Daylight")
    );
    assert!(!stdout.contains("Goes the Parser"));
    assert!(
        stderr.contains("b-bad.md: could not be read: internal error at src/")
            && stderr.contains("(please report)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "an isolated panic prints nothing itself: {stderr}"
    );

    let out = run(&["--check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("b-bad.md: could not be read: internal error at src/"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 problem in 2 documents (2 papers)"),
        "{stdout}"
    );

    // Without the fault, the same file loads: the failure was the injected one, not the file.
    let out = cmd(home.path()).arg("--json").arg(&notes).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("BOOM Goes the Parser"));
}

/// Lines of real lists that made the command line exit 101: every mode exits 0, 1 or 2.
#[test]
fn real_list_lines_that_crashed_exit_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("list.md");
    std::fs::write(
        &file,
        "# Tools and Papers\n\n\
         11. [DAGsHub](https://dagshub.com/) - Community platform for Open Source ML – Manage experiments\n\
         12. [Owl Counting](https://owls.example.org/) – a counter — of owls - at night\n\
         - Owl Nets. Ann Smith et al. arXiv \\[[Paper](https://a.org/1)]\n\
         - Hawk Nets. arXiv 1.2345 \\[[Paper](https://a.org/2)]\n\
         - ‹?é?> Strange Markup \\[[Paper](https://a.org/3)]\n",
    )
    .unwrap();
    for args in [
        vec!["--json"],
        vec!["--filter", "a"],
        vec!["--list", "--by", "year"],
        vec!["--list", "--by", "venue"],
        vec!["--check"],
        vec!["--export", "bibtex"],
    ] {
        let out = cmd(home.path()).args(&args).arg(&file).output().unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{args:?} exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_panicking_file_beside_good_ones_in_the_app() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = three_files(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-fault-file-{}", std::process::id()),
    };
    let stderr = dir.path().join("stderr");
    start(
        &t,
        &format!(
            "env TAKEAWAY_TEST_FAULT=parse:BOOM {} 2> '{}'",
            app_command(dir.path(), &notes),
            stderr.display()
        ),
    );
    let screen = t.wait_for("could not be read");
    assert!(screen.contains("b-bad.md"), "{screen}");
    assert!(
        screen.contains("Owls") && screen.contains("Hawks"),
        "{screen}"
    );
    assert!(!screen.contains("Bad"), "{screen}");
    // A good file edited so that its parse panics keeps its last good version.
    std::fs::write(
        notes.join("c-hawks.md"),
        "# Hawks\n\n- Hawk Vision in Daylight \\[[Paper](https://arxiv.org/abs/2401.00003)]\n- BOOM Hawk Flight \\[[Paper](https://arxiv.org/abs/2401.00004)]\n",
    )
    .unwrap();
    let screen = t.wait_for("kept the last good version");
    assert!(screen.contains("c-hawks.md"), "{screen}");
    assert!(
        screen.contains("Hawks") && !screen.contains("Hawk Flight"),
        "{screen}"
    );
    // Another file's reload reads the broken one again: its error is not forgotten.
    std::fs::write(
        notes.join("a-owls.md"),
        "# Owls\n\n## Papers\n\n- Counting Owls at Night \\[[Paper](https://arxiv.org/abs/2401.00001)]\n- Owls Nesting in Barns \\[[Paper](https://arxiv.org/abs/2401.00005)]\n",
    )
    .unwrap();
    let screen = t.wait_for("Owls Nesting in Barns");
    assert!(screen.contains("Reloaded; not loaded"), "{screen}");
    assert!(!screen.contains("Hawk Flight"), "{screen}");
    quit(&t);
    // At the end, what is wrong with the notes now is said again: the reload's error too.
    let said = std::fs::read_to_string(&stderr).unwrap();
    assert!(said.contains("b-bad.md: could not be read"), "{said}");
    assert!(
        said.contains("kept the last good version of") && said.contains("c-hawks.md"),
        "{said}"
    );
}

/// A panic on a worker's thread (the loader) or the UI thread: the terminal is restored, a message
/// names the place, the status is 70, and it happens at once — the screen never hangs.
#[test]
fn a_panicking_worker_ends_the_app_with_the_terminal_restored() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = three_files(dir.path());
    for (point, thread) in [("loader", "loader"), ("ui", "main")] {
        let t = Tmux {
            socket: format!("takeaway-e2e-fault-{point}-{}", std::process::id()),
        };
        start(&t, "bash --norc");
        let d = dir.path().display();
        let script = format!(
            "stty -g > '{d}/before'; env RUST_BACKTRACE=0 TAKEAWAY_TEST_FAULT={point} {}; echo EXIT=$?; stty -g > '{d}/after-{point}'",
            app_command(dir.path(), &notes)
        );
        t.keys(&[&script, "Enter"]);
        // The typed command holds `EXIT=` too: wait for the line the shell prints.
        let screen = t.wait_until("the exit status", Duration::from_secs(10), |s| {
            s.lines().any(|l| l.starts_with("EXIT="))
        });
        assert!(screen.contains("EXIT=70"), "{screen}");
        // Each message whole, on lines of its own: the terminal given back twice would put the
        // cursor back up and the later lines would overwrite the panic's message.
        assert!(
            screen
                .lines()
                .any(|l| l.trim_end()
                    == format!("TAKEAWAY_TEST_FAULT={point}: panicking on purpose")),
            "the panic's own message, whole: {screen}"
        );
        let at = |text: &str| screen.lines().position(|l| l.contains(text));
        assert!(
            at("panicking on purpose") < at("ended on an internal error"),
            "the app's last words below the panic's message: {screen}"
        );
        assert!(
            screen.contains(&format!("internal error in the {thread} thread at src/")),
            "{screen}"
        );
        assert_restored(&t, dir.path(), point);
    }
}

/// After the app ended in `t`'s shell: the main screen, the cursor shown, mouse reporting off, and the
/// `stty` settings the script saved before it (`DIR/before`) equal to those after (`DIR/after-NAME`).
fn assert_restored(t: &Tmux, dir: &Path, name: &str) {
    assert_eq!(
        t.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"),
        "0 1 0",
        "main screen, cursor shown, mouse off"
    );
    let after = wait_for_file(&dir.join(format!("after-{name}")), 1);
    let before = std::fs::read_to_string(dir.join("before")).unwrap();
    assert_eq!(before, after, "stty settings restored");
}

/// A panic in the watcher's callback (notify's thread) ends the app too, instead of silently ending
/// the watch.
#[test]
fn a_panicking_watcher_ends_the_app() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = three_files(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-fault-watch-{}", std::process::id()),
    };
    t.start_kept(&format!(
        "env RUST_BACKTRACE=0 TAKEAWAY_TEST_FAULT=watch {}",
        app_command(dir.path(), &notes)
    ));
    t.wait_for("Hawks");
    std::fs::write(notes.join("d-new.md"), "# New\n").unwrap();
    assert_eq!(t.exit_status(Duration::from_secs(5)), Some(70));
}

/// A termination signal while the loop is held: the process ends anyway, 2 s after it (or at once on a
/// second signal), with 128 + the signal and the terminal restored.
#[test]
fn a_signal_ends_a_held_loop_with_the_terminal_restored() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = three_files(dir.path());
    for (signals, name) in [(1, "one"), (2, "two")] {
        let t = Tmux {
            socket: format!("takeaway-e2e-held-{name}-{}", std::process::id()),
        };
        start(&t, "bash --norc");
        let d = dir.path().display();
        // The process's id: the shell that writes it becomes takeaway (`exec`).
        let script = format!(
            "stty -g > '{d}/before'; sh -c 'echo $$ > {d}/pid-{name}; exec env TAKEAWAY_TEST_FAULT=stuck {}'; echo EXIT=$?; stty -g > '{d}/after-{name}'",
            app_command(dir.path(), &notes).replace('\'', "")
        );
        t.keys(&[&script, "Enter"]);
        t.wait_for("Notes");
        let pid = wait_for_file(&dir.path().join(format!("pid-{name}")), 1);
        let pid = pid.trim();
        for _ in 0..signals {
            assert!(Command::new("kill")
                .args(["-TERM", pid])
                .status()
                .unwrap()
                .success());
            std::thread::sleep(Duration::from_millis(100));
        }
        let screen = t.wait_until("the exit status", Duration::from_secs(10), |s| {
            s.lines().any(|l| l.starts_with("EXIT="))
        });
        assert!(screen.contains("EXIT=143"), "{screen}");
        assert_restored(&t, dir.path(), name);
    }
}

#[test]
fn a_corrupt_state_file_is_said_again_on_stderr_at_the_end() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = three_files(dir.path());
    let state = dir.path().join("data/takeaway/state.json");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    std::fs::write(&state, "{garbage").unwrap();
    let stderr = dir.path().join("stderr");
    let t = Tmux {
        socket: format!("takeaway-e2e-corrupt-state-{}", std::process::id()),
    };
    start(
        &t,
        &format!(
            "{} 2> '{}'",
            app_command(dir.path(), &notes),
            stderr.display()
        ),
    );
    t.wait_for("State file was unreadable");
    quit(&t);
    let said = std::fs::read_to_string(&stderr).unwrap();
    assert!(
        said.contains("State file was unreadable") && said.contains("started clean"),
        "{said}"
    );
}
