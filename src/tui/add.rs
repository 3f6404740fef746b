//! Writing the paper the add form describes: the checks (the file can be written, it has not changed
//! since its library was loaded, the entry reads back as a paper where it goes), then the text from
//! [`crate::notes_writer`], written atomically — a temporary file in the same folder, flushed, given the
//! file's mode, renamed over it.

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use crate::app::add_paper::AddTarget;
use crate::notes_writer::{self, Entry};

/// Now, as the file system's clock says it: the time a file written now gets. (File times come from a
/// coarser clock than [`SystemTime::now`], a few milliseconds behind it, so a file written just after
/// `SystemTime::now()` may carry an earlier time.) Taken when a load begins, to tell a file written
/// after it.
pub fn fs_now() -> SystemTime {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| SystemTime::now())
}

/// Why the file cannot take a paper, or `None` when it can: no write bit at all (`chmod a-w`, honoured
/// even for root), or no permission to write it or to create a file beside it.
pub fn read_only(path: &Path) -> Option<String> {
    let name = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Some(format!("{name}: cannot add a paper: {e}")),
    };
    if meta.permissions().readonly() {
        return Some(format!(
            "{name} is read-only (no write permission): no paper can be added to it"
        ));
    }
    #[cfg(unix)]
    {
        use rustix::fs::{access, Access};
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if access(path, Access::WRITE_OK).is_err() {
            return Some(format!(
                "{name}: no permission to write it: no paper can be added to it"
            ));
        }
        if access(dir, Access::WRITE_OK).is_err() {
            return Some(format!(
                "{name}: its folder cannot be written (the file is replaced through a temporary file beside it)"
            ));
        }
    }
    None
}

/// Why a paper was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The file changed on disk since it was loaded (it must be read again before a paper is added).
    Changed(String),
    /// Anything else: read-only, unreadable, not a place for a paper.
    Other(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Changed(s) | Refused::Other(s) => f.write_str(s),
        }
    }
}

/// Writes `entry` into the target's file, unless the file was modified after `loaded_at` (when the
/// library the form was opened on began loading). Returns the entry's first and last lines.
pub fn add(
    target: &AddTarget,
    entry: &Entry,
    loaded_at: Option<SystemTime>,
) -> Result<Written, Refused> {
    write(target, entry, loaded_at).map_err(|why| match why {
        Why::Changed => Refused::Changed(format!(
            "{} changed on disk since it was loaded: not written (add it again to the notes as they are now)",
            target.path.display()
        )),
        Why::Other(s) => Refused::Other(s),
    })
}

enum Why {
    Changed,
    Other(String),
}

impl From<String> for Why {
    fn from(s: String) -> Why {
        Why::Other(s)
    }
}

fn write(target: &AddTarget, entry: &Entry, loaded_at: Option<SystemTime>) -> Result<Written, Why> {
    let path = &target.path;
    let name = path.display();
    if let Some(why) = read_only(path) {
        return Err(why.into());
    }
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let before = modified(path);
    let changed = match (before, loaded_at) {
        (Some(m), Some(at)) => m > at,
        _ => true,
    };
    if changed {
        return Err(Why::Changed);
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    // The paper it follows is still where it was (a change within the clock's last tick shows here).
    let (old_doc, _) = crate::loader::document::build(&target.source, Some(path), &text);
    let still = old_doc
        .papers
        .iter()
        .any(|p| p.line == target.after_line && *p.title == *target.after_title);
    if !still {
        return Err(Why::Changed);
    }
    let (new, line) = notes_writer::insert(&text, target.after_line, target.shape, entry)
        .map_err(|e| format!("{name}: not written: {e}"))?;
    // The entry must read back as a paper where it was put.
    let (doc, _) = crate::loader::document::build(&target.source, Some(path), &new);
    let read_back = doc.papers.iter().find(|p| p.line == line);
    let (true, Some(read_back)) = (doc.papers.len() == old_doc.papers.len() + 1, read_back) else {
        return Err(Why::Other(format!(
            "{name}: not written: the entry would not read as a paper after line {}",
            target.after_line
        )));
    };
    let title = read_back.title.to_string();
    let perms = std::fs::metadata(path)
        .map_err(|e| format!("{name}: {e}"))?
        .permissions();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let failed = |e: std::io::Error| format!("{name}: cannot write: {e}");
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    tmp.write_all(new.as_bytes()).map_err(failed)?;
    tmp.as_file().set_permissions(perms).map_err(failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    // A write that slipped in while this one was prepared wins: this one is dropped.
    if modified(path) != before {
        return Err(Why::Changed);
    }
    tmp.persist(path).map_err(|e| failed(e.error))?;
    let end = line + usize::from(entry.affiliations.iter().any(|a| !a.trim().is_empty()));
    Ok(Written { line, end, title })
}

/// Where the paper was written, and its title as the notes now read it.
pub struct Written {
    pub line: usize,
    /// The entry's last line.
    pub end: usize,
    pub title: String,
}
