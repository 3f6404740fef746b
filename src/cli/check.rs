//! `--check`: one line per problem, `file:line: what`, then a count. Exit 1 when anything is found.

use std::io::Write;

use super::status;
use crate::loader::{LoadError, Loaded};
use crate::text::{sanitize, thousands};

pub fn write(out: &mut impl Write, loaded: &Loaded) -> std::io::Result<u8> {
    // A file whose parse panicked (a bug of ours) is a problem of the notes' reading like the others.
    let internal: Vec<&LoadError> = loaded
        .errors
        .iter()
        .filter(|e| matches!(e, LoadError::Internal { .. }))
        .collect();
    for e in &internal {
        writeln!(out, "{}", sanitize(&e.to_string()))?;
    }
    // File by file in the notes' order (names compared as the side pane sorts them), line by line: the
    // load finds some problems per file and some across files (a duplicate), in that order.
    let mut warnings: Vec<&crate::loader::Warning> = loaded.warnings.iter().collect();
    warnings.sort_by(|a, b| {
        alphanumeric_sort::compare_str(&a.source, &b.source).then(a.line.cmp(&b.line))
    });
    for w in warnings {
        writeln!(out, "{}", sanitize(&w.to_string()))?;
    }
    let docs = loaded.library.documents.len();
    let papers = loaded.library.paper_count();
    let n = loaded.warnings.len() + internal.len();
    // Files that could not be read are said on stderr (the exit status is then 2); the count must not
    // call the notes fine without them.
    let unread = loaded.errors.len() - internal.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let not_read = match unread {
        0 => String::new(),
        k => format!(
            "; {} file{} or folder{} could not be read (said above)",
            thousands(k),
            plural(k),
            plural(k)
        ),
    };
    if docs == 0 && unread > 0 {
        writeln!(
            out,
            "nothing read: {} file{} or folder{} could not be read (said above)",
            thousands(unread),
            plural(unread),
            plural(unread)
        )?;
        Ok(status::ERROR)
    } else if n == 0 && unread == 0 {
        writeln!(
            out,
            "ok: {} document{}, {} paper{}, no problems",
            thousands(docs),
            plural(docs),
            thousands(papers),
            plural(papers)
        )?;
        Ok(status::OK)
    } else if n == 0 {
        writeln!(
            out,
            "no problems in the {} document{} read ({} paper{}){not_read}",
            thousands(docs),
            plural(docs),
            thousands(papers),
            plural(papers)
        )?;
        Ok(status::OK)
    } else {
        writeln!(
            out,
            "{} problem{} in {} document{} ({} paper{}){not_read}",
            thousands(n),
            plural(n),
            thousands(docs),
            plural(docs),
            thousands(papers),
            plural(papers)
        )?;
        Ok(status::FOUND)
    }
}
