//! Live reload: the watcher notices a write, a new file, a deleted file and an editor's save-by-rename in
//! a folder, and a reload then shows the change (keeping the last good version of a file that fails).

use std::sync::mpsc;
use std::time::Duration;

use takeaway::loader;
use takeaway::tui::watch;

fn titles(lib: &takeaway::model::Library) -> Vec<String> {
    lib.papers().map(|(_, p)| p.title.clone()).collect()
}

fn paper(title: &str) -> String {
    format!(
        "# Doc\n\n* {title} \\[[Paper](https://x.example/{})]\n",
        title.len()
    )
}

/// Waits for the watcher to report a change (and drains what follows within a moment).
fn changed(rx: &mpsc::Receiver<()>) {
    rx.recv_timeout(Duration::from_secs(5))
        .expect("the watcher reported the change within 5 s");
    while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
}

#[test]
fn write_create_delete_and_rename_are_seen() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.md"), paper("Alpha")).unwrap();
    let paths = vec![root.to_path_buf()];
    let (tx, rx) = mpsc::channel();
    let _w = watch::watch(&paths, tx).unwrap();
    let mut lib = loader::load_paths(&paths).library;
    assert_eq!(titles(&lib), vec!["Alpha"]);

    // An edit in place.
    std::fs::write(root.join("a.md"), paper("Alpha Two")).unwrap();
    changed(&rx);
    lib = loader::reload(&paths, &lib).library;
    assert_eq!(titles(&lib), vec!["Alpha Two"]);

    // A new file.
    std::fs::write(root.join("b.md"), paper("Beta")).unwrap();
    changed(&rx);
    lib = loader::reload(&paths, &lib).library;
    assert_eq!(titles(&lib), vec!["Alpha Two", "Beta"]);

    // Save by rename, as vim and sed -i do: a new file renamed over the old one.
    std::fs::write(root.join(".b.md.swp"), paper("Beta Renamed")).unwrap();
    std::fs::rename(root.join(".b.md.swp"), root.join("b.md")).unwrap();
    changed(&rx);
    lib = loader::reload(&paths, &lib).library;
    assert_eq!(titles(&lib), vec!["Alpha Two", "Beta Renamed"]);

    // A deleted file.
    std::fs::remove_file(root.join("a.md")).unwrap();
    changed(&rx);
    lib = loader::reload(&paths, &lib).library;
    assert_eq!(titles(&lib), vec!["Beta Renamed"]);
}

#[test]
fn a_single_file_is_watched_through_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(&file, paper("One")).unwrap();
    std::fs::write(dir.path().join("other.md"), paper("Unrelated")).unwrap();
    let paths = vec![file.clone()];
    let (tx, rx) = mpsc::channel();
    let _w = watch::watch(&paths, tx).unwrap();
    // A change to another file of the folder is not ours.
    std::fs::write(dir.path().join("other.md"), paper("Still unrelated")).unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(800)).is_err());
    // sed -i on our file.
    let status = std::process::Command::new("sed")
        .args(["-i", "s/One/Uno/", file.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    changed(&rx);
    let lib = loader::reload(&paths, &loader::load_paths(&[&file]).library).library;
    assert_eq!(titles(&lib), vec!["Uno"]);
}

#[test]
fn a_file_that_fails_keeps_its_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, paper("Alpha")).unwrap();
    std::fs::write(&b, paper("Beta")).unwrap();
    let paths = vec![dir.path().to_path_buf()];
    let before = loader::load_paths(&paths).library;
    std::fs::write(&a, b"# Doc\n\n* \xff\xfe broken\n").unwrap();
    std::fs::write(&b, paper("Beta Two")).unwrap();
    let after = loader::reload(&paths, &before);
    assert_eq!(titles(&after.library), vec!["Alpha", "Beta Two"]);
    assert_eq!(after.errors.len(), 1);
    assert!(after.errors[0]
        .to_string()
        .contains("a.md:3: not valid UTF-8"));
}
