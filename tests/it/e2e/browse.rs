//! Reading and opening notes in tmux: browse, filter, jump, open links; marks across a restart and an
//! edit reloaded in place; no browser (the URL is copied); a repository as its author arranged it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::*;

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
    start(&t, &command);

    // 1. The tree and the detail pane.
    let screen = t.wait_for("ATC 2025");
    assert!(screen.contains("LLM Training"), "{screen}");
    assert!(screen.contains("Detail"), "{screen}");

    // 2. Filter, keep, open links; a missing link says so.
    t.keys(&["/", "greyhound", "Enter"]);
    let screen = t.wait_for("HKUST & Alibaba");
    assert!(screen.contains("[p] Paper"), "{screen}");
    t.keys(&["p"]);
    // Each link opens in a browser process of its own: the next key waits for the first to write, so
    // the file's order is the keys' order.
    wait_for_file(&opened, 1);
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

    // 4. A paste into the filter is its text: the line break is not Enter, `p` and `q` are not keys.
    t.keys(&["Escape", "/"]);
    t.run(&["set-buffer", "grey\nhound pq"]);
    t.run(&["paste-buffer", "-p", "-t", "e2e"]);
    t.wait_for("/grey hound pq");
    t.keys(&["Escape"]);
    t.keys(&["/", "torpor"]);
    t.wait_for("/torpor");
    assert_eq!(
        wait_for_file(&opened, 3).lines().count(),
        3,
        "nothing more opened"
    );
    t.keys(&["Escape"]);

    // Help, then quit: the program ends.
    t.keys(&["?"]);
    t.wait_for("Keys · Esc close");
    t.keys(&["Escape"]);
    quit(&t);
}

#[test]
fn marks_survive_a_restart_and_edits_reload_in_place() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = rules_notes(dir.path());
    let command = format!(
        "env TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' XDG_CACHE_HOME='{d}/cache' '{}' '{}'",
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
    // The browser wrote the cache of the parsed notes once they were on screen.
    let cache = dir.path().join("cache/takeaway");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_dir(&cache).map_or(0, |d| d.count()) == 0 {
        assert!(Instant::now() < deadline, "no cache in {}", cache.display());
        std::thread::sleep(Duration::from_millis(20));
    }

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

    // Started again after the edit: the file is parsed again, not taken from the cache.
    start(&t, &command);
    let screen = t.wait_for("TOY 2031");
    assert!(screen.contains("Echidna: A Calmer Controller"), "{screen}");
    assert!(!screen.contains("Spiky"), "{screen}");
    quit(&t);
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
    t.start_with(&[["-s", "set-clipboard", "on"]], &command);
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
    t.wait_for("Could not open the link: copied URL to the clipboard (false exit status: 1)");
    quit(&t);

    // `$BROWSER` as a list of commands with arguments: the first that starts gets the URL at `%s`.
    let log = dir.path().join("opened");
    let script = dir.path().join("my browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s|' \"$@\" > '{}'\n", log.display()),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let listed = command.replace(
        "env -u BROWSER",
        &format!(
            "env BROWSER=\"/nonexistent/browser:'{}' --new-tab %s --end\" env",
            script.display()
        ),
    );
    let t = Tmux {
        socket: format!("takeaway-e2e-browserlist-{}", std::process::id()),
    };
    start(&t, &listed);
    t.wait_for("ATC 2025");
    t.keys(&["/", "greyhound", "Enter", "v"]);
    let opened = wait_for_file(&log, 1);
    assert_eq!(
        opened,
        "--new-tab|https://www.youtube.com/watch?v=R_YsYdY8MPc|--end|"
    );
    quit(&t);
}

#[test]
fn a_repository_opens_as_its_author_arranged_it_and_one_paper_shows_all_its_places() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shelf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shelf");
    let command = format!(
        "env TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' XDG_CACHE_HOME='{d}/cache' '{}' '{}'",
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

/// A resize, then a key: the key is shown at once. (crossterm's default reader is edge-triggered and
/// returned the resize it found with the key, losing the key's readiness: the key waited for the next.)
#[test]
fn a_key_right_after_a_resize_is_shown() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = rules_notes(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-resize-{}", std::process::id()),
    };
    start(&t, &app_command(dir.path(), &notes));
    t.wait_for("? help");
    for (width, height) in [(90, 30), (70, 22), (110, 36)] {
        t.run(&[
            "resize-window",
            "-t",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        // The app has drawn at the new size: its bottom line, the status line, is the pane's last.
        let start = Instant::now();
        while t.screen().lines().count() != height
            || !t
                .screen()
                .lines()
                .last()
                .is_some_and(|l| l.contains("? help"))
        {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "not redrawn at {width}x{height}:\n{}",
                t.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        t.keys(&["?"]);
        t.wait_for("Keys · Esc close");
        t.keys(&["Escape"]);
        let start = Instant::now();
        while t.screen().contains("Keys · Esc close") {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "Esc did not close the help at {width}x{height}:\n{}",
                t.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    quit(&t);
}

#[test]
fn a_message_stays_until_the_user_acts_again_a_click_or_the_wheel_too() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-msg-{}", std::process::id()),
    };
    let command = format!(
        "env TERM=xterm-256color XDG_CONFIG_HOME='{dir}/config' XDG_DATA_HOME='{dir}/data' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        dir = dir.path().display(),
    );
    start(&t, &command);
    t.wait_for("LLM Training");
    let said = "No filter: ] and [ step between";
    for (what, event) in [
        // A left click on the tree's third row, then a wheel turn over the tree (SGR mouse reports).
        ("a click", "\u{1b}[<0;10;4M\u{1b}[<0;10;4m"),
        ("the wheel", "\u{1b}[<65;10;6M"),
    ] {
        t.keys(&["]"]);
        t.wait_for(said);
        t.cmd(&["send-keys", "-t", "e2e", "-l", event]);
        t.wait_until(
            &format!("the message gone after {what}"),
            Duration::from_secs(10),
            |s| !s.contains(said) && s.lines().last().is_some_and(|l| l.contains("? help")),
        );
    }
    quit(&t);
}
