//! Watching the loaded files and folders for changes of content (the `notify` crate, without its
//! debouncers: the runtime debounces, see [`Pending`]).
//!
//! Only content counts: a notes file (or a `SUMMARY.md`, which arranges them) created, written, removed
//! or renamed, and a folder created, removed or renamed. Opening, reading, closing (even a file opened for writing: its writes were already seen)
//! and metadata changes (`chmod`, owner, access times) never count, so the app's own reading of the
//! notes — which inotify reports as open and access events on every file and folder — never causes a
//! reload.
//!
//! Editors that save by writing a new file and renaming it over the old one (vim, `sed -i`) replace the
//! file's inode, so a single file is watched through its folder. Paths are reported as the loader names
//! them (the path given on the command line joined with the path below it, `.` and `a/..` removed), so the reload can compare them
//! with the loaded documents' paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// How long the notes must stay quiet after a change before they are reloaded: an editor's save is a
/// burst of events (write a temporary file, rename it, change its mode), reloaded once.
pub const QUIET: Duration = Duration::from_millis(50);
/// The longest a change waits for quiet: a program that writes all the time still gets reloaded.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// Keeps the watch alive; dropping it stops watching.
pub struct Watch {
    _watcher: RecommendedWatcher,
}

/// A watched path: as given (how the loader names its files) and canonical (how notify reports them).
#[derive(Clone)]
struct Root {
    given: PathBuf,
    canon: PathBuf,
    folder: bool,
}

/// Does this kind of event change what the notes say? Create, write, remove and rename do; open,
/// read, close and metadata do not. (A close after writing follows the writes' own events; a file opened
/// for writing and closed unwritten reports it too, so it is not counted.)
fn is_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Is `kind` about a folder (rather than a file)? `None` when the event does not say.
fn folder_event(kind: &EventKind) -> Option<bool> {
    match kind {
        EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder) => Some(true),
        EventKind::Create(CreateKind::File) | EventKind::Remove(RemoveKind::File) => Some(false),
        _ => None,
    }
}

/// Is any part of `rel` hidden (`.git`, `.b.md.swp`)? The loader skips hidden folders, and editors'
/// temporary files are hidden.
fn hidden(rel: &Path) -> bool {
    rel.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

/// The path the loader would use for `event`, when an event of `kind` on it matters.
fn relevant(kind: &EventKind, event: &Path, roots: &[Root]) -> Option<PathBuf> {
    if !is_content(kind) {
        return None;
    }
    for root in roots {
        if !root.folder {
            if event == root.canon {
                return Some(crate::loader::document::file_name_of(&root.given));
            }
            continue;
        }
        let Ok(rel) = event.strip_prefix(&root.canon) else {
            continue;
        };
        if rel.as_os_str().is_empty() {
            // The folder itself, seen from its parent: removed, made again, renamed away or back.
            return Some(crate::loader::document::file_name_of(&root.given));
        }
        if hidden(rel) {
            continue;
        }
        let notes =
            crate::loader::is_notes_file(event) || crate::loader::navigation::is_summary(event);
        let folder = match folder_event(kind) {
            Some(f) => f,
            // A rename: the new name is a folder now, or the old name (gone) had no notes extension
            // and was not a file we could load, so it may have been a folder.
            None => event.is_dir() || (!notes && !event.exists() && event.extension().is_none()),
        };
        if notes || folder {
            return Some(crate::loader::document::file_name_of(&root.given.join(rel)));
        }
    }
    None
}

/// Watches `paths`; calls `changed` with the changed paths (named as the loader names them) for every
/// batch of events that touches the notes' content. Calls nothing for anything else.
pub fn watch<F>(paths: &[PathBuf], changed: F) -> notify::Result<Watch>
where
    F: Fn(Vec<PathBuf>) + Send + 'static,
{
    let roots: Vec<Root> = paths
        .iter()
        .map(|p| Root {
            given: p.clone(),
            canon: std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
            folder: p.is_dir(),
        })
        .collect();
    let matching = roots.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        let hits: Vec<PathBuf> = event
            .paths
            .iter()
            .filter_map(|p| relevant(&event.kind, p, &matching))
            .collect();
        if !hits.is_empty() {
            changed(hits);
        }
    })?;
    // A file through its folder (a save by rename replaces it); a folder also through its parent, so
    // that one removed and made again (or renamed away and back) is seen.
    let mut parents = BTreeSet::new();
    for r in &roots {
        if r.folder {
            watcher.watch(&r.canon, RecursiveMode::Recursive)?;
        }
        parents.insert(r.canon.parent().unwrap_or(Path::new(".")).to_path_buf());
    }
    for p in parents {
        // A folder's parent may not be ours to watch (`/`, a folder of another user's): the folder's
        // own watch still sees its notes.
        let watched = watcher.watch(&p, RecursiveMode::NonRecursive);
        if watched.is_err()
            && roots
                .iter()
                .any(|r| !r.folder && r.canon.parent() == Some(&p))
        {
            watched?;
        }
    }
    Ok(Watch { _watcher: watcher })
}

/// Changes seen but not reloaded yet, and when they are due: [`QUIET`] after the last one, and at most
/// [`MAX_WAIT`] after the first. The runtime waits with a timeout only while something is pending, so an
/// idle app has no timer at all.
#[derive(Debug, Default)]
pub struct Pending {
    paths: BTreeSet<PathBuf>,
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Pending {
    /// Notes changes seen at `now`.
    pub fn add(&mut self, paths: impl IntoIterator<Item = PathBuf>, now: Instant) {
        self.paths.extend(paths);
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// When the pending changes should be reloaded; `None` when nothing is pending.
    pub fn due(&self) -> Option<Instant> {
        Some((self.last? + QUIET).min(self.first? + MAX_WAIT))
    }

    /// Takes the changed paths when they are due at `now`.
    pub fn take_due(&mut self, now: Instant) -> Option<Vec<PathBuf>> {
        if self.due()? > now {
            return None;
        }
        self.first = None;
        self.last = None;
        Some(std::mem::take(&mut self.paths).into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, DataChange, MetadataKind, RenameMode};

    fn roots(dir: &Path) -> Vec<Root> {
        vec![Root {
            given: PathBuf::from("notes"),
            canon: dir.to_path_buf(),
            folder: true,
        }]
    }

    #[test]
    fn reading_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "# A\n").unwrap();
        let r = roots(dir.path());
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Any,
        ] {
            assert_eq!(relevant(&kind, &file, &r), None, "{kind:?}");
            assert_eq!(relevant(&kind, dir.path(), &r), None, "{kind:?}");
        }
    }

    #[test]
    fn writing_creating_removing_and_renaming_notes_are_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/a.md");
        let r = roots(dir.path());
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Remove(RemoveKind::File),
        ] {
            assert_eq!(
                relevant(&kind, &file, &r),
                Some(PathBuf::from("notes/sub/a.md")),
                "{kind:?}"
            );
        }
        // Not notes: other files, hidden files (editors' swap files), files outside the roots.
        let create = EventKind::Create(CreateKind::File);
        assert_eq!(relevant(&create, &dir.path().join("x.txt"), &r), None);
        assert_eq!(relevant(&create, &dir.path().join(".a.md.swp"), &r), None);
        assert_eq!(relevant(&create, &dir.path().join(".git/x.md"), &r), None);
        assert_eq!(relevant(&create, Path::new("/elsewhere/a.md"), &r), None);
        // Folders created or removed count (they may hold notes).
        let folder = dir.path().join("new");
        for kind in [
            EventKind::Create(CreateKind::Folder),
            EventKind::Remove(RemoveKind::Folder),
        ] {
            assert_eq!(
                relevant(&kind, &folder, &r),
                Some(PathBuf::from("notes/new"))
            );
        }
        // Named as the loader names its files: `takeaway .` reads `sub/a.md`, not `./sub/a.md`.
        let dot = |given: &str| {
            vec![Root {
                given: PathBuf::from(given),
                canon: dir.path().to_path_buf(),
                folder: true,
            }]
        };
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert_eq!(
            relevant(&write, &file, &dot(".")),
            Some(PathBuf::from("sub/a.md"))
        );
        assert_eq!(
            relevant(&write, &file, &dot("../x/./notes")),
            Some(PathBuf::from("../x/notes/sub/a.md"))
        );
    }

    #[test]
    fn pending_changes_are_due_after_a_quiet_period_or_at_most_max_wait() {
        let t0 = Instant::now();
        let mut p = Pending::default();
        assert_eq!(p.due(), None);
        assert_eq!(p.take_due(t0), None);
        p.add([PathBuf::from("a.md")], t0);
        assert_eq!(p.due(), Some(t0 + QUIET));
        assert_eq!(p.take_due(t0 + QUIET / 2), None);
        // More changes push the reload back, but never past MAX_WAIT after the first.
        let mut t = t0;
        while t < t0 + MAX_WAIT * 2 {
            t += QUIET / 2;
            p.add([PathBuf::from("b.md"), PathBuf::from("a.md")], t);
        }
        assert_eq!(p.due(), Some(t0 + MAX_WAIT));
        assert_eq!(
            p.take_due(t0 + MAX_WAIT),
            Some(vec![PathBuf::from("a.md"), PathBuf::from("b.md")])
        );
        assert_eq!(p.due(), None);
    }
}
