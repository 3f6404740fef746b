//! A reading session in tmux: back and forth over jumps, several papers at once, what is new since last
//! time, and a paper added through the form. `$BROWSER` and `$EDITOR` are scripts that log their
//! arguments.

use std::path::Path;

use super::*;

const OWLS: &str = "# OWL 2023\n\n## Papers\n\n### Hearing\n\n\
    * Barn Owl Acoustics \\[[Paper](https://arxiv.org/abs/2301.00001)]\n  * Owl Uni\n\
    * Tawny Owl Duets \\[[Paper](https://arxiv.org/abs/2301.00002)]\n  * Tawny Lab\n\
    * Snowy Owl Silence \\[[Paper](https://arxiv.org/abs/2301.00003)]\n  * Arctic Institute\n\
    * Eagle Owl Range \\[[Paper](https://arxiv.org/abs/2301.00004)]\n  * Range Lab\n";

const TOPICS: &str = "# Owl topics\n\n## Papers\n\n### Sound\n\n\
    * Barn Owl Acoustics (OWL 2023) \\[[Paper](https://arxiv.org/abs/2301.00001)]\n  * Owl Uni\n";

/// A notes folder, a logging `$BROWSER` and `$EDITOR`, and the command that runs takeaway in `dir`.
fn session(dir: &Path) -> (std::path::PathBuf, String) {
    let notes = dir.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("owl-2023.md"), OWLS).unwrap();
    std::fs::write(notes.join("topics.md"), TOPICS).unwrap();
    let log = dir.join("log.txt");
    for name in ["browser.sh", "editor.sh"] {
        let script = dir.join(name);
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '{name} %s\\n' \"$*\" >> '{}'\n",
                log.display()
            ),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let command = format!(
        "cd '{d}' && env -u VISUAL BROWSER='{d}/browser.sh' EDITOR='{d}/editor.sh' TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' XDG_CACHE_HOME='{d}/cache' '{}' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        notes.display(),
        d = dir.display(),
    );
    (notes, command)
}

#[test]
fn jumps_back_and_forth_then_three_papers_open_and_export_together() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_, command) = session(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-session-{}", std::process::id()),
    };
    start(&t, &command);
    t.wait_for("Owl topics");
    // The first selection: the first top node.
    t.keys(&["C-p", "barn owl", "Enter"]);
    t.wait_for("Listed in 2 places");
    t.keys(&["w"]);
    t.wait_for("Place 2 of 2");
    t.keys(&["C-o"]);
    t.wait_for("back 2/3");
    t.keys(&["C-o"]);
    let screen = t.wait_for("back 1/3");
    assert!(
        !screen.contains("Listed in 2 places"),
        "back on the first top node:\n{screen}"
    );
    t.keys(&["C-n"]);
    t.wait_for("forward 2/3");
    t.wait_for("Listed in 2 places");

    // Three papers at once.
    t.keys(&["C-p", "tawny", "Enter"]);
    t.wait_for("Tawny Lab");
    t.keys(&["Space", "Space", "Space"]);
    t.wait_for("3 selected");
    t.keys(&["p"]);
    let log = wait_for_file(&dir.path().join("log.txt"), 3);
    let mut opened: Vec<&str> = log.lines().collect();
    opened.sort();
    assert_eq!(
        opened,
        [
            "browser.sh https://arxiv.org/abs/2301.00002",
            "browser.sh https://arxiv.org/abs/2301.00003",
            "browser.sh https://arxiv.org/abs/2301.00004",
        ]
    );
    t.keys(&["x"]);
    t.wait_for("Exported 3 works");
    let bib = std::fs::read_to_string(dir.path().join("takeaway-export.bib")).unwrap();
    assert_eq!(bib.matches('@').count(), 3, "{bib}");
    for title in ["Tawny Owl Duets", "Snowy Owl Silence", "Eagle Owl Range"] {
        assert!(bib.contains(title), "{title}:\n{bib}");
    }
    quit(&t);
}

#[test]
fn a_paper_added_outside_is_new_until_read_and_one_added_through_the_form_is_written() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (notes, command) = session(dir.path());
    let t = Tmux {
        socket: format!("takeaway-e2e-new-{}", std::process::id()),
    };
    // First start: nothing is new.
    start(&t, &command);
    let screen = t.wait_for("Owl topics");
    assert!(!screen.contains(" new"), "{screen}");
    quit(&t);

    // An editor outside adds a paper.
    let file = notes.join("owl-2023.md");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(
        "* Burrowing Owl Tunnels \\[[Paper](https://arxiv.org/abs/2301.00005)]\n  * Desert Lab\n",
    );
    std::fs::write(&file, text).unwrap();

    // `--filter is:new` prints exactly that paper, reading the same state.
    let filter_new = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_takeaway"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env_remove("TAKEAWAY_STATE")
            .env_remove("TAKEAWAY_CACHE")
            .args(["--filter", "is:new"])
            .arg(&notes)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let printed = filter_new();
    assert_eq!(printed.lines().count(), 1, "{printed}");
    assert!(printed.starts_with("Burrowing Owl Tunnels\t"), "{printed}");

    // Started again: it is new, in the title bar and the tree; read, it is not.
    start(&t, &command);
    let screen = t.wait_for("1 new");
    assert!(
        screen.contains("1 new · 5"),
        "its document counts it:\n{screen}"
    );
    t.keys(&["C-p", "burrowing", "Enter"]);
    t.wait_for("new P");
    t.keys(&["Enter"]);
    t.wait_until("the new mark cleared", Duration::from_secs(10), |s| {
        s.contains("Desert Lab") && !s.contains("1 new")
    });

    // The form, on the selected paper's topic.
    t.keys(&["A"]);
    t.wait_for("Add a paper");
    t.keys(&[
        "Great Grey Owl Hearing",
        "Enter",
        "https://arxiv.org/abs/2301.00006",
    ]);
    t.wait_for("Paper");
    // Past the guessed label to the next URL, left empty: on to the affiliations.
    t.keys(&["Enter", "Enter", "Boreal Lab", "Enter"]);
    let screen = t.wait_for("Added “Great Grey Owl Hearing” to owl-2023.md:17");
    assert!(screen.contains("e: add takeaways"), "{screen}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.ends_with("  * Desert Lab\n* Great Grey Owl Hearing \\[[Paper](https://arxiv.org/abs/2301.00006)]\n  * Boreal Lab\n"),
        "{written}"
    );
    // Reloaded, it is selected (and not new: it was added here); `e` opens the editor at its last line.
    let screen = t.wait_for("Boreal Lab");
    assert!(!screen.contains("new P"), "{screen}");
    t.keys(&["e"]);
    let log = wait_for_file(&dir.path().join("log.txt"), 1);
    assert_eq!(log, format!("editor.sh +18 {}\n", file.display()));

    // The file changes underneath an open form: the notes are read again and the form follows its
    // paper, so what was typed is added to the file as it is now, the outside edit kept.
    t.keys(&["A"]);
    t.wait_for("Add a paper");
    t.keys(&["Too Late Owl"]);
    let outside = format!("{written}\nEdited outside.\n");
    std::fs::write(&file, &outside).unwrap();
    t.wait_for("Reloaded the notes");
    t.keys(&["Enter", "Enter", "Enter"]);
    t.wait_for("Added “Too Late Owl”");
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(
        now.contains("Edited outside.") && now.contains("* Too Late Owl"),
        "{now}"
    );
    // Reloaded with it (so that the works kept at the end know it).
    t.wait_for("• Too Late Owl");
    quit(&t);

    // Read, it is not new next time.
    assert_eq!(filter_new(), "");
}

#[test]
fn bookmarking_thousands_of_selected_papers_is_one_write_and_keys_go_on() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    gen::generate(3_000, gen::DEFAULT_SEED, &notes).unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-bulk-{}", std::process::id()),
    };
    start(&t, &app_command(dir.path(), &notes));
    t.wait_long("3,000 papers", Duration::from_secs(20));
    t.keys(&["C-a"]);
    t.wait_for("3,000 selected");
    // Each mark used to be written (the state file read, merged and replaced) on its own: a quarter of
    // a second each at this size, with every key waiting behind them.
    t.keys(&["b"]);
    t.wait_for("★ Bookmarked the 3,000 selected");
    t.keys(&["u", "B"]);
    t.wait_for("★ only · 3,000 papers");
    quit(&t);
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data/takeaway/state.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(state["bookmarks"].as_object().unwrap().len(), 3000);
}
