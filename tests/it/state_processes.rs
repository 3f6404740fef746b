//! Several processes writing marks to one state file at the same moment: none is lost.
//! The test re-runs its own executable as the writers (selected by an environment variable).

use std::path::PathBuf;
use std::process::Command;

use takeaway::state::{Mark, Store};

const WRITERS: usize = 4;
const MARKS: usize = 40;

/// In a child process: bookmark `MARKS` papers of its own and mark one shared paper read, saving after
/// each, as fast as it can.
fn writer(path: PathBuf, n: usize) {
    let (mut store, _) = Store::open(&path, &[]);
    for i in 0..MARKS {
        store.mark(Mark::Bookmark {
            id: format!("w{n}/paper-{i}"),
            on: true,
        });
        store.mark(Mark::Read {
            id: "shared/paper".into(),
            on: true,
        });
        store.save().expect("save");
    }
}

#[test]
fn concurrent_writers_lose_no_mark() {
    if let (Ok(path), Ok(n)) = (
        std::env::var("TAKEAWAY_TEST_STATE"),
        std::env::var("TAKEAWAY_TEST_WRITER"),
    ) {
        writer(PathBuf::from(path), n.parse().unwrap());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // One mark already there from an earlier session, for a paper not loaded: it must survive.
    std::fs::write(&path, r#"{"bookmarks": {"old/paper": 1}}"#).unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|n| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "state_processes::concurrent_writers_lose_no_mark",
                    "--nocapture",
                ])
                .env("TAKEAWAY_TEST_STATE", &path)
                .env("TAKEAWAY_TEST_WRITER", n.to_string())
                // Their own test harness output would read as extra test runs.
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let (store, msg) = Store::open(&path, &[]);
    assert!(msg.is_none(), "{msg:?}");
    assert_eq!(store.state.bookmarks.len(), WRITERS * MARKS + 1);
    for n in 0..WRITERS {
        for i in 0..MARKS {
            assert!(store
                .state
                .bookmarks
                .contains_key(&format!("w{n}/paper-{i}")));
        }
    }
    assert!(store.state.bookmarks.contains_key("old/paper"));
    assert_eq!(store.state.read.len(), 1);
}
