//! `--check`: one line per problem, `file:line: what`, then a count. Exit 1 when anything is found.

use std::io::Write;

use super::status;
use crate::loader::{LoadError, Loaded};
use crate::text::sanitize;

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
    if n == 0 {
        writeln!(
            out,
            "ok: {docs} document{}, {papers} paper{}, no problems",
            if docs == 1 { "" } else { "s" },
            if papers == 1 { "" } else { "s" }
        )?;
        Ok(status::OK)
    } else {
        writeln!(
            out,
            "{n} problem{} in {docs} document{} ({papers} paper{})",
            if n == 1 { "" } else { "s" },
            if docs == 1 { "" } else { "s" },
            if papers == 1 { "" } else { "s" }
        )?;
        Ok(status::FOUND)
    }
}
