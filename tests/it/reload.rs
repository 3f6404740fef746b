//! Live reload: the watcher reports content changes only (never the app's own reading), the runtime's
//! debounce turns each save into exactly one reload, and the reload reads only what changed (keeping the
//! last good version of a file that fails).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use takeaway::loader;
use takeaway::tui::watch::{self, Pending};

fn titles(lib: &takeaway::model::Library) -> Vec<String> {
    lib.papers().map(|(_, p)| p.title.to_string()).collect()
}

fn paper(title: &str) -> String {
    format!(
        "# Doc\n\n* {title} \\[[Paper](https://x.example/{})]\n",
        title.len()
    )
}

/// Watches `paths`; the watcher's reports arrive on the returned receiver.
fn watching(paths: &[PathBuf]) -> (watch::Watch, mpsc::Receiver<Vec<PathBuf>>) {
    let (tx, rx) = mpsc::channel();
    let w = watch::watch(paths, move |changed| {
        let _ = tx.send(changed);
    })
    .unwrap();
    (w, rx)
}

/// The next reload the runtime would start, debounced as the runtime does it ([`Pending`]), or `None`
/// when none is due within `wait`.
fn next_reload(rx: &mpsc::Receiver<Vec<PathBuf>>, wait: Duration) -> Option<Vec<PathBuf>> {
    let deadline = Instant::now() + wait;
    let mut pending = Pending::default();
    loop {
        let now = Instant::now();
        if let Some(batch) = pending.take_due(now) {
            return Some(batch);
        }
        let until = pending.due().unwrap_or(deadline);
        if pending.due().is_none() && now >= deadline {
            return None;
        }
        match rx.recv_timeout(until.saturating_duration_since(now)) {
            Ok(paths) => pending.add(paths, Instant::now()),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the watcher stopped"),
        }
    }
}

/// Exactly one reload follows, for exactly these paths: one is due within 5 s, and the next one after it
/// is for a change made to `sentinel` afterwards, alone (see [`nothing_else`]).
fn one_reload(
    rx: &mpsc::Receiver<Vec<PathBuf>>,
    expected: &[PathBuf],
    sentinel: &Path,
) -> Vec<PathBuf> {
    let batch = next_reload(rx, Duration::from_secs(5)).expect("a reload within 5 s");
    assert_eq!(batch, expected);
    nothing_else(rx, sentinel);
    batch
}

/// Nothing was reported since the last reload: a change made now to `sentinel` (a watched file) is the
/// next reload, alone. The watcher reports in order, so anything reported before would come first (or
/// in the same batch): an absence shown by waiting for the next event, not by waiting a while.
fn nothing_else(rx: &mpsc::Receiver<Vec<PathBuf>>, sentinel: &Path) {
    let text = std::fs::read(sentinel).unwrap_or_default();
    std::fs::write(sentinel, text).unwrap();
    assert_eq!(
        next_reload(rx, Duration::from_secs(5)),
        Some(vec![sentinel.to_path_buf()]),
        "something else was reported before the sentinel"
    );
}

fn write_notes(root: &Path) {
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    std::fs::write(root.join("a.md"), paper("Alpha")).unwrap();
    std::fs::write(root.join("sub/b.md"), paper("Beta")).unwrap();
    std::fs::write(root.join("sub/deeper/c.md"), paper("Gamma")).unwrap();
    std::fs::write(root.join("sub/readme.txt"), "not notes").unwrap();
}

#[test]
fn reading_every_file_and_walking_the_folder_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    write_notes(&root);
    let paths = vec![root.clone()];
    let (_w, rx) = watching(&paths);
    // What the app does when it loads and reloads: walk, stat, open, read, close.
    for _ in 0..3 {
        let loaded = loader::load_paths(&paths);
        assert_eq!(titles(&loaded.library).len(), 3);
        for e in walkdir::WalkDir::new(&root) {
            let e = e.unwrap();
            let _ = std::fs::metadata(e.path()).unwrap();
            if e.file_type().is_file() {
                let _ = std::fs::read(e.path()).unwrap();
            } else {
                let _ = std::fs::read_dir(e.path()).unwrap().count();
            }
        }
        // Opened for writing but closed without a write.
        drop(
            std::fs::OpenOptions::new()
                .append(true)
                .open(root.join("a.md"))
                .unwrap(),
        );
    }
    // Reading reported as a change would come before the sentinel's write.
    nothing_else(&rx, &root.join("sentinel.md"));
}

#[test]
fn a_write_a_rename_save_a_create_and_a_delete_each_give_exactly_one_reload() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    write_notes(&root);
    // A notes file without papers, written to show that nothing else was reported.
    let sentinel = root.join("sentinel.md");
    std::fs::write(&sentinel, "# Sentinel\n").unwrap();
    let paths = vec![root.clone()];
    let (_w, rx) = watching(&paths);
    let mut lib = loader::load_paths(&paths).library;
    assert_eq!(titles(&lib), vec!["Alpha", "Beta", "Gamma"]);

    // An edit in place.
    std::fs::write(root.join("a.md"), paper("Alpha Two")).unwrap();
    let changed = one_reload(&rx, &[root.join("a.md")], &sentinel);
    lib = loader::reload_changed(&paths, &lib, &changed).library;
    assert_eq!(titles(&lib), vec!["Alpha Two", "Beta", "Gamma"]);

    // Save by rename, as vim and sed -i do: a new file renamed over the old one.
    std::fs::write(root.join("sub/.b.md.swp"), paper("Beta Renamed")).unwrap();
    std::fs::rename(root.join("sub/.b.md.swp"), root.join("sub/b.md")).unwrap();
    let changed = one_reload(&rx, &[root.join("sub/b.md")], &sentinel);
    lib = loader::reload_changed(&paths, &lib, &changed).library;
    assert_eq!(titles(&lib), vec!["Alpha Two", "Beta Renamed", "Gamma"]);

    // A new file.
    std::fs::write(root.join("sub/deeper/d.md"), paper("Delta")).unwrap();
    let changed = one_reload(&rx, &[root.join("sub/deeper/d.md")], &sentinel);
    lib = loader::reload_changed(&paths, &lib, &changed).library;
    assert_eq!(
        titles(&lib),
        vec!["Alpha Two", "Beta Renamed", "Gamma", "Delta"]
    );

    // A deleted file.
    std::fs::remove_file(root.join("a.md")).unwrap();
    let changed = one_reload(&rx, &[root.join("a.md")], &sentinel);
    lib = loader::reload_changed(&paths, &lib, &changed).library;
    assert_eq!(titles(&lib), vec!["Beta Renamed", "Gamma", "Delta"]);

    // Metadata alone is not a change.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(root.join("sub/b.md"), perms).unwrap();
        nothing_else(&rx, &sentinel);
    }
}

#[test]
fn a_single_file_is_watched_through_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(&file, paper("One")).unwrap();
    std::fs::write(dir.path().join("other.md"), paper("Unrelated")).unwrap();
    let paths = vec![file.clone()];
    let (_w, rx) = watching(&paths);
    // A change to another file of the folder is not ours.
    std::fs::write(dir.path().join("other.md"), paper("Still unrelated")).unwrap();
    // (Were it reported, the reload below would not be for our file alone.)
    // sed -i on our file.
    let status = std::process::Command::new("sed")
        .args(["-i", "s/One/Uno/", file.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let changed = one_reload(&rx, std::slice::from_ref(&file), &file);
    let before = loader::load_paths(&[&file]).library;
    let lib = loader::reload_changed(&paths, &before, &changed).library;
    assert_eq!(titles(&lib), vec!["Uno"]);
}

/// Two notes files, Alpha in `a` and Beta in `b` (of one folder): the folder, and the library loaded.
fn alpha_and_beta(a: &Path, b: &Path) -> (Vec<PathBuf>, takeaway::model::Library) {
    std::fs::write(a, paper("Alpha")).unwrap();
    std::fs::write(b, paper("Beta")).unwrap();
    let paths = vec![a.parent().unwrap().to_path_buf()];
    let before = loader::load_paths(&paths).library;
    (paths, before)
}

#[test]
fn a_reload_reads_only_the_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    let (paths, before) = alpha_and_beta(&a, &b);
    // Both files change on disk, but only b.md is reported: a.md keeps its loaded version.
    std::fs::write(&a, paper("Alpha Unseen")).unwrap();
    std::fs::write(&b, paper("Beta Two")).unwrap();
    let after = loader::reload_changed(&paths, &before, std::slice::from_ref(&b));
    assert_eq!(titles(&after.library), vec!["Alpha", "Beta Two"]);
    assert!(after.errors.is_empty());
    // Ids are assigned again over the whole library.
    let ids: Vec<&str> = after.library.papers().map(|(_, p)| &*p.id).collect();
    assert_eq!(ids, vec!["doc/alpha", "doc/beta-two"]);
}

#[test]
fn a_file_that_fails_keeps_its_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    let (paths, before) = alpha_and_beta(&a, &b);
    std::fs::write(&a, b"# Doc\n\n* \xff\xfe broken\n").unwrap();
    std::fs::write(&b, paper("Beta Two")).unwrap();
    for after in [
        loader::reload(&paths, &before),
        loader::reload_changed(&paths, &before, &[a.clone(), b.clone()]),
    ] {
        assert_eq!(titles(&after.library), vec!["Alpha", "Beta Two"]);
        assert_eq!(after.errors.len(), 1);
        assert!(after.errors[0]
            .to_string()
            .contains("a.md:3: not valid UTF-8"));
    }
}

/// The palette open over a large library (searched off the UI thread) while a reload removes a note
/// page it lists: its items named the old library's documents, and drawing them indexed past the end.
#[test]
fn the_palette_open_across_a_reload_that_removes_a_page() {
    use takeaway::app::{App, Event, Key, KeyCode, Prepared};
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("a-list.md");
    let page = dir.path().join("b-owl-page.md");
    std::fs::write(&list, paper("Counting Owls")).unwrap();
    std::fs::write(&page, "# Owl Page\n\nA note about owls, in prose.\n").unwrap();
    let mut app = App::new(loader::load_paths(&[dir.path()]).library);
    app.handle(Event::Resize {
        width: 80,
        height: 20,
    });
    app.searches.off_thread = true;
    app.handle(Event::Key(Key::ctrl('p')));
    for c in "owl".chars() {
        // The worker's part, done here: each queued search runs and its result comes back.
        let jobs = app
            .handle(Event::Key(Key::ch(c)))
            .into_iter()
            .filter_map(|e| match e {
                takeaway::app::Effect::Search(job) => Some(job),
                _ => None,
            });
        for job in jobs.collect::<Vec<_>>() {
            let done = job.finish(&|| false).expect("nothing cancels it");
            app.handle(done);
        }
    }
    assert!(
        crate::common::render(&app)
            .backend()
            .to_string()
            .contains("Owl Page"),
        "the page is listed before the reload"
    );
    std::fs::remove_file(&page).unwrap();
    app.replace_prepared(Prepared::new(loader::load_paths(&[dir.path()]).library));
    // The new search is queued, not done: nothing of the old items is drawn, and nothing panics.
    let screen = crate::common::render(&app).backend().to_string();
    assert!(!screen.contains("Owl Page"), "{screen}");
    app.handle(Event::Key(Key::plain(KeyCode::Enter)));
}
