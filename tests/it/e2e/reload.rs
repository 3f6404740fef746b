//! A reload in tmux with a filter active, on a library large enough (over 20,000 papers) that the
//! filter searches on the worker: the edit shows up, the filter stays, and its hits are found again.

use std::path::Path;
use std::time::Duration;

use super::*;

/// 21 lists of 1,000 papers; every 7th paper's takeaway says `serverless`.
fn owls(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for f in 0..21 {
        let mut md = format!("# Owl Conference {f}\n\n## Papers\n\n### Owls\n\n");
        for i in 0..1000 {
            let n = f * 1000 + i;
            let note = if n % 7 == 0 {
                "A serverless roost."
            } else {
                "Hooting at night."
            };
            md.push_str(&format!(
                "* Owl Paper {n} \\[[Paper](https://arxiv.org/abs/2401.{n:05})]\n  * Owl University\n  * {note}\n"
            ));
        }
        std::fs::write(dir.join(format!("owls-{f:02}.md")), md).unwrap();
    }
}

#[test]
fn with_a_filter_active_an_edit_shows_up_and_the_hits_are_found_again() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    owls(&notes);
    let t = Tmux {
        socket: format!("takeaway-e2e-reload-{}", std::process::id()),
    };
    start(&t, &app_command(dir.path(), &notes));
    t.wait_long("21,000 papers", Duration::from_secs(60));
    t.keys(&["/serverless"]);
    t.wait_long("/serverless · 3,000 matches", Duration::from_secs(30));
    t.keys(&["Enter"]);
    // The best hit, Owl Paper 0, is selected.
    t.wait_for("Owl Paper 0");

    // One line edited (the selected paper's title), one takeaway now matching.
    let file = notes.join("owls-00.md");
    let md = std::fs::read_to_string(&file).unwrap();
    let md = md
        .replacen("* Owl Paper 0 ", "* Owl Paper 0 Revised ", 1)
        .replacen("Hooting at night.", "A serverless roost too.", 1);
    std::fs::write(&file, md).unwrap();

    // The edit shows, the filter is still there, and its hits are found again: one more.
    let screen = t.wait_long("/serverless · 3,001 matches", Duration::from_secs(30));
    let screen = if screen.contains("Owl Paper 0 Revised") {
        screen
    } else {
        t.wait_long("Owl Paper 0 Revised", Duration::from_secs(10))
    };
    assert!(screen.contains("3,001/21,000"), "{screen}");
    // Keys are handled after it as before: the next hit is the new one, shown in the detail pane.
    t.keys(&["n"]);
    t.wait_until(
        "Owl Paper 1 in the detail pane",
        Duration::from_secs(10),
        |s| detail_title(s) == "Owl Paper 1",
    );
    quit(&t);
}

/// The first line of the detail pane (the selected paper's title).
fn detail_title(screen: &str) -> &str {
    let line = screen.lines().nth(1).unwrap_or_default();
    let pane = line.split('│').nth(3).unwrap_or_default();
    pane.trim()
}

/// The folder given is removed (the notes are gone, said so), then made again with its notes: it is
/// watched again and read, and a later edit in it is seen too.
#[test]
fn a_folder_removed_and_made_again_is_read_again() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let owl = |title: &str| {
        format!("# Owls 2024\n\n## Papers\n\n* {title} \\[[Paper](https://arxiv.org/abs/2401.00001)]\n  * Owl University\n")
    };
    std::fs::write(notes.join("owls.md"), owl("Counting Owls")).unwrap();
    let t = Tmux {
        socket: format!("takeaway-e2e-refolder-{}", std::process::id()),
    };
    start(&t, &app_command(dir.path(), &notes));
    t.wait_for("Counting Owls");

    std::fs::remove_dir_all(&notes).unwrap();
    let screen = t.wait_for("not loaded");
    assert!(screen.contains("0 papers"), "{screen}");

    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("owls.md"), owl("Owls Come Back")).unwrap();
    let screen = t.wait_for("Owls Come Back");
    assert!(screen.contains("1 paper"), "{screen}");

    // Watched again: an edit in the new folder shows.
    std::fs::write(notes.join("owls.md"), owl("Owls Stay")).unwrap();
    t.wait_for("Owls Stay");
    quit(&t);
}
