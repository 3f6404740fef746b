//! The real binary in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.
//! `$BROWSER` is a script that appends its argument to a file, so opening a link is observable.
//! Skipped (with a note) where tmux is missing, except in CI, which installs it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen contains `text`; returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("{text:?} did not appear; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The exit status of a process that has exited but not been reaped (`/proc/PID/stat`: state `Z`, and
/// field 52, the status as `waitpid` reports it), as a shell shows it (128 + signal for a signal).
#[cfg(target_os = "linux")]
fn zombie_status(pid: u32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    if fields.first() != Some(&"Z") {
        return None;
    }
    // Field 52 of the line is the 50th after the command name (fields 3.. start at index 0).
    let wait: i32 = fields.get(49)?.parse().ok()?;
    Some(if wait & 0x7f == 0 {
        (wait >> 8) & 0xff
    } else {
        128 + (wait & 0x7f)
    })
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("tmux not found: skipping the end-to-end test");
    }
    ok
}

fn wait_for_file(path: &Path, lines: usize) -> String {
    let start = Instant::now();
    loop {
        let s = std::fs::read_to_string(path).unwrap_or_default();
        if s.lines().count() >= lines || start.elapsed() > Duration::from_secs(5) {
            return s;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn browse_filter_jump_and_open_links_in_a_real_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened.txt");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let t = Tmux {
        socket: format!("takeaway-e2e-{}", std::process::id()),
    };
    let command = format!(
        "env BROWSER='{}' TERM=xterm-256color XDG_CONFIG_HOME='{dir}/config' XDG_DATA_HOME='{dir}/data' '{}'",
        browser.display(),
        env!("CARGO_BIN_EXE_takeaway"),
        dir = dir.path().display(),
    );
    let out = t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        &command,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // 1. The tree and the detail pane.
    let screen = t.wait_for("ATC 2025");
    assert!(screen.contains("LLM Training"), "{screen}");
    assert!(screen.contains("Detail"), "{screen}");

    // 2. Filter, keep, open links; a missing link says so.
    t.keys(&["/", "greyhound", "Enter"]);
    let screen = t.wait_for("HKUST & Alibaba");
    assert!(screen.contains("[p] Paper"), "{screen}");
    t.keys(&["p"]);
    t.keys(&["v"]);
    t.keys(&["s"]);
    t.wait_for("No Slides link for this paper");
    let got = wait_for_file(&opened, 2);
    assert_eq!(
        got,
        "https://www.usenix.org/conference/atc25/presentation/wu-tianyuan\nhttps://www.youtube.com/watch?v=R_YsYdY8MPc\n"
    );

    // 3. The jump palette.
    t.keys(&["Escape", "C-p", "torpor"]);
    t.wait_for("Jump to paper");
    t.keys(&["Enter"]);
    t.wait_for("Torpor: GPU-Enabled Serverless Computing");
    t.keys(&["c"]);
    let got = wait_for_file(&opened, 3);
    assert!(got.ends_with("https://github.com/FCSLab/torpor\n"), "{got}");

    // Help, then quit: the program ends.
    t.keys(&["?"]);
    t.wait_for("Keys · Esc close");
    t.keys(&["Escape", "q"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.alive(), "takeaway did not quit");
}

fn start(t: &Tmux, command: &str) {
    let out = t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        command,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn quit(t: &Tmux) {
    t.keys(&["q"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.alive(), "takeaway did not quit");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn marks_survive_a_restart_and_edits_reload_in_place() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"),
        &notes,
    );
    let command = format!(
        "env TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' '{}' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        notes.display(),
        d = dir.path().display(),
    );
    let t = Tmux {
        socket: format!("takeaway-e2e-marks-{}", std::process::id()),
    };
    start(&t, &command);
    t.wait_for("TOY 2031");
    t.keys(&["C-p", "quokka", "Enter", "b"]);
    t.wait_for("★ Bookmarked Quokka");
    t.keys(&["C-p", "echidna", "Enter", "m"]);
    t.wait_for("Marked read: Echidna");
    quit(&t);
    assert!(dir.path().join("data/takeaway/state.json").exists());

    // Started again: the star, the read mark and the selection are back.
    start(&t, &command);
    let screen = t.wait_for("★ Quokka");
    assert!(
        screen.contains("Echidna: A Spiky Congestion Controller"),
        "{screen}"
    );
    assert!(
        screen.contains("✓ read"),
        "the selected Echidna shows its read mark:\n{screen}"
    );
    t.keys(&["B"]);
    let screen = t.wait_for("★ only · 1 paper");
    assert!(
        screen.contains("Quokka") && !screen.contains("• Wombat"),
        "{screen}"
    );
    t.keys(&["B"]);

    // sed -i renames the selected paper: the new title shows, still selected.
    t.keys(&["C-p", "echidna", "Enter"]);
    let status = Command::new("sed")
        .args([
            "-i",
            "s/A Spiky Congestion Controller/A Calmer Controller/",
            notes.join("conference.md").to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = t.wait_for("Reloaded the notes");
    assert!(screen.contains("Echidna: A Calmer Controller"), "{screen}");
    quit(&t);
}

#[test]
fn a_panic_restores_the_terminal_and_prints_its_message() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-panic-{}", std::process::id()),
    };
    start(&t, "bash --norc");
    let script = format!(
        "stty -g > '{d}/before'; TAKEAWAY_TEST_PANIC=1 RUST_BACKTRACE=0 XDG_CONFIG_HOME='{d}' XDG_DATA_HOME='{d}' '{}'; echo EXIT=$?; stty -g > '{d}/after'",
        env!("CARGO_BIN_EXE_takeaway"),
        d = dir.path().display(),
    );
    t.keys(&[&script, "Enter"]);
    let screen = t.wait_for("EXIT=101");
    assert!(screen.contains("panicking on purpose"), "{screen}");
    let alt = t.cmd(&[
        "display",
        "-p",
        "-t",
        "e2e",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&alt.stdout).trim(),
        "0 1",
        "main screen, cursor shown"
    );
    let start = Instant::now();
    while !dir.path().join("after").exists() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let before = std::fs::read_to_string(dir.path().join("before")).unwrap();
    let after = std::fs::read_to_string(dir.path().join("after")).unwrap();
    assert_eq!(before, after, "stty settings restored");
}

// ----- the app's lifetime: the terminal's end, signals, loading, idling ---------------------------------

#[path = "../benches/common/gen.rs"]
mod gen;

impl Tmux {
    /// Starts `command` (run with `exec`, so the pane's process is takeaway itself) in a session that
    /// stays after it exits, so its exit status can be read.
    fn start_kept(&self, command: &str) {
        let exec = format!("exec {command}");
        let out = self.cmd(&[
            "-f",
            "/dev/null",
            "start-server",
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            &exec,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn display(&self, format: &str) -> String {
        let out = self.cmd(&["display", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn pane_pid(&self) -> u32 {
        self.display("#{pane_pid}").parse().expect("a pane pid")
    }

    /// Waits (up to `limit`) for the pane's process to exit; returns its exit status.
    fn exit_status(&self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < limit {
            // tmux marks the pane dead when its terminal closes and learns the status when it reaps the
            // process, which it sometimes leaves for seconds: an exited process not yet reaped is a
            // zombie whose status Linux shows in /proc.
            if self.display("#{pane_dead}") == "1" {
                if let Ok(status) = self.display("#{pane_dead_status}").parse() {
                    return Some(status);
                }
                #[cfg(target_os = "linux")]
                if let Some(status) = zombie_status(self.pane_pid()) {
                    return Some(status);
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Waits until the screen contains `text`, for up to `limit`.
    fn wait_long(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < limit,
                "{text:?} did not appear; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Has process `pid` ended (gone, or a zombie waiting for its parent)?
fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

/// Waits up to `limit` for `pid` to end; returns whether it did.
fn ends_within(pid: u32, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ended(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    ended(pid)
}

/// The process's CPU time so far, in clock ticks (`/proc/PID/stat` fields 14 and 15: user and system).
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = stat.rsplit_once(')').unwrap().1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn app_command(dir: &Path, notes: &Path) -> String {
    format!(
        "env -u BROWSER -u DISPLAY -u WAYLAND_DISPLAY TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' '{}' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        notes.display(),
        d = dir.display(),
    )
}

#[test]
fn killing_the_terminal_ends_the_app_and_saves_its_session() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"),
        &notes,
    );
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
    while !code.exists() && since.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = std::fs::read_to_string(&code).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "129",
        "ended as a hang-up within 2 s of the terminal's end"
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
        !screen.contains("20000 papers"),
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
    let screen = t.wait_long(&format!("{} papers", made.papers), Duration::from_secs(120));
    assert!(!screen.contains(" files ▰"), "{screen}");
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
fn without_a_browser_the_url_is_copied_to_the_clipboard() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-nobrowser-{}", std::process::id()),
    };
    // tmux keeps what a program copies with OSC 52 as a paste buffer.
    let command = format!(
        "env -u BROWSER -u DISPLAY -u WAYLAND_DISPLAY TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        d = dir.path().display(),
    );
    let out = t.cmd(&[
        "-f",
        "/dev/null",
        "start-server",
        ";",
        "set-option",
        "-s",
        "set-clipboard",
        "on",
        ";",
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        &command,
    ]);
    assert!(out.status.success());
    t.wait_for("ATC 2025");
    t.keys(&["/", "greyhound", "Enter", "p"]);
    t.wait_for("No browser here: copied URL to the clipboard (no display)");
    let since = Instant::now();
    let mut buffer = String::new();
    while since.elapsed() < Duration::from_secs(5) {
        buffer = String::from_utf8_lossy(&t.cmd(&["show-buffer"]).stdout).into_owned();
        if !buffer.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        buffer,
        "https://www.usenix.org/conference/atc25/presentation/wu-tianyuan"
    );
    quit(&t);

    // An opener that fails: the same, with its failure named.
    let failing = command.replace("env -u BROWSER", "env BROWSER=false env");
    let t = Tmux {
        socket: format!("takeaway-e2e-nobrowser2-{}", std::process::id()),
    };
    start(&t, &failing);
    t.wait_for("ATC 2025");
    t.keys(&["/", "greyhound", "Enter", "v"]);
    t.wait_for("No browser here: copied URL to the clipboard (false exit status: 1)");
    quit(&t);
}

#[test]
fn load_errors_show_in_the_status_line_and_on_stderr_after_quitting() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"),
        &notes,
    );
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

#[test]
fn a_repository_opens_as_its_author_arranged_it_and_one_paper_shows_all_its_places() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shelf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shelf");
    let command = format!(
        "env TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' '{}' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        shelf.display(),
        d = dir.path().display(),
    );
    let t = Tmux {
        socket: format!("takeaway-e2e-places-{}", std::process::id()),
    };
    start(&t, &command);
    // SUMMARY.md's parts as the top nodes; the selected page's front matter read, not shown.
    let screen = t.wait_for("Not in SUMMARY.md");
    for part in ["▸ Topic Lists", "▸ Venues", "· Welcome"] {
        assert!(screen.contains(part), "{part}:\n{screen}");
    }
    assert!(
        screen.contains("A made-up shelf of notes for testing."),
        "{screen}"
    );
    assert!(!screen.contains("description:"), "{screen}");

    // The palette lists Quokka once, with its number of places; its detail names every place.
    t.keys(&["C-p", "quokka"]);
    let screen = t.wait_for("3 places ·");
    let papers = screen
        .lines()
        .filter(|l| l.contains("Tiny Keys") && !l.contains("page ·"))
        .count();
    assert_eq!(
        papers, 1,
        "one entry for the paper (and one for its note page):\n{screen}"
    );
    t.keys(&["Enter"]);
    let screen = t.wait_for("Listed in 3 places");
    for place in [
        "Topic Lists › Lists › Storage › Key-Value Stores",
        "▶ Venues › All Venues › TOY 2031 › Storage Systems",
        "Not in SUMMARY.md › drafts › Reading Queue",
    ] {
        assert!(screen.contains(place), "{place}:\n{screen}");
    }
    // A bookmark in one place stars all three; w goes to the next place. (The screen, not the status
    // line, is read: a reload's message may replace the status line at any time.)
    t.keys(&["b"]);
    t.wait_for("★ bookmarked");
    t.keys(&["w"]);
    let screen = t.wait_for("▶ Not in SUMMARY.md › drafts › Reading Queue");
    assert!(screen.contains("★ bookmarked"), "{screen}");
    let starred = screen
        .lines()
        .filter(|l| l.chars().take(40).collect::<String>().contains('★'))
        .count();
    assert_eq!(
        starred, 2,
        "the two places open in the side pane are starred:\n{screen}"
    );
    quit(&t);
}
