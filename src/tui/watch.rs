//! Watching the loaded files and folders for changes (the `notify` crate, debounced). Editors that save by
//! writing a new file and renaming it over the old one (vim, `sed -i`) replace the file's inode, so a file
//! is watched through its folder, and any event on a notes file (or a `SUMMARY.md`, which arranges them)
//! below a watched folder counts.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};

/// Keeps the watch alive; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

fn relevant(event: &Path, files: &[PathBuf], dirs: &[PathBuf]) -> bool {
    files.iter().any(|f| f == event)
        || (dirs.iter().any(|d| event.starts_with(d))
            && (crate::loader::is_notes_file(event)
                || crate::loader::navigation::is_summary(event)
                || event.is_dir()))
}

/// Watches `paths`; calls `notify` (at most every 150 ms) when something relevant changed.
pub fn watch(paths: &[PathBuf], notify: Sender<()>) -> notify::Result<Watch> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for p in paths {
        if p.is_dir() {
            dirs.push(canon(p));
        } else {
            files.push(canon(p));
        }
    }
    let (f2, d2) = (files.clone(), dirs.clone());
    let mut debouncer = new_debouncer(
        Duration::from_millis(150),
        move |res: DebounceEventResult| {
            if let Ok(events) = res {
                if events.iter().any(|e| relevant(&e.path, &f2, &d2)) {
                    let _ = notify.send(());
                }
            }
        },
    )?;
    for d in &dirs {
        debouncer.watcher().watch(d, RecursiveMode::Recursive)?;
    }
    for f in &files {
        let parent = f.parent().unwrap_or(Path::new("."));
        debouncer
            .watcher()
            .watch(parent, RecursiveMode::NonRecursive)?;
    }
    Ok(Watch {
        _debouncer: debouncer,
    })
}
