//! The navigation of loaded notes: how their author arranged the documents.
//!
//! - A folder with a `SUMMARY.md` (GitBook's table of contents) follows it: its parts (`## Paper List`)
//!   are the top nodes, entries nest as written and are named by their link text; a page entry keeps the
//!   entries nested below it. Loaded files it does not list go under a last node, `Not in SUMMARY.md`.
//!   An entry to a file that does not exist is reported (`SUMMARY.md:LINE`) and skipped; its own entries
//!   move up a level. Entries to outside pages (`https://…`) are not documents and are left out.
//! - A folder without one follows the folder hierarchy: a sub-folder is a node named by its `README.md`'s
//!   title (else the folder's name), with that `README.md` as the node's own page; entries are sorted
//!   naturally (`osdi-2023` before `osdi-2024`, `2` before `10`).
//! - One path on the command line gives its contents as the top nodes; several paths give one top node
//!   each. A single file is a single top node, as it always was.
//!
//! Every loaded document is in the navigation exactly once.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::document::{local_target, normalize};
use super::markdown::{self, plain, MdBlock, MdItem};
use super::title::is_outside;
use super::{LoadError, Warning, WarningKind};
use crate::model::{Library, NavNode};

/// The name of the node that holds the files `SUMMARY.md` does not list.
pub const NOT_IN_SUMMARY: &str = "Not in SUMMARY.md";

/// One path from the command line and the documents it gave, in load order.
#[derive(Debug, Clone)]
pub struct Group {
    /// The path as given.
    pub root: PathBuf,
    pub is_dir: bool,
    /// The files below it that loaded, with their index in `Library::documents`.
    pub files: Vec<(PathBuf, usize)>,
}

/// Is this the table of contents of a GitBook repository (`SUMMARY.md`, in any case)?
pub fn is_summary(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("SUMMARY.md"))
}

/// The navigation of the loaded `groups`. Problems in a `SUMMARY.md` go to `warnings`; one that cannot be
/// read goes to `errors` and its folder is arranged by its folders instead.
pub fn build(
    groups: &[Group],
    lib: &Library,
    warnings: &mut Vec<Warning>,
    errors: &mut Vec<LoadError>,
) -> Vec<NavNode> {
    let single = groups.len() == 1;
    let mut out = Vec::new();
    for g in groups {
        if !g.is_dir {
            out.extend(g.files.iter().map(|&(_, d)| leaf(lib, d)));
            continue;
        }
        let summary = summary_file(&g.root).and_then(|p| match super::read_file(&p) {
            Ok(text) => Some((p, text)),
            Err(e) => {
                errors.push(e);
                None
            }
        });
        match summary {
            Some((path, text)) => {
                let nodes = from_summary(&g.root, &path, &text, &g.files, lib, warnings);
                if single {
                    out.extend(nodes);
                } else {
                    out.push(NavNode {
                        title: folder_name(&g.root),
                        doc: None,
                        children: nodes,
                    });
                }
            }
            // A folder without notes (reported as an error) is no node: nothing of it is loaded.
            None if g.files.is_empty() => {}
            None => {
                let folder = from_folders(&g.root, &g.files, lib);
                if single {
                    // The folder's own page first, then what it holds.
                    if let Some(d) = folder.doc {
                        out.push(leaf(lib, d));
                    }
                    out.extend(folder.children);
                } else {
                    out.push(folder);
                }
            }
        }
    }
    out
}

fn leaf(lib: &Library, d: usize) -> NavNode {
    NavNode::leaf(lib.documents[d].title.clone(), d)
}

/// The folder's `SUMMARY.md`, when it has one.
fn summary_file(root: &Path) -> Option<PathBuf> {
    let exact = root.join("SUMMARY.md");
    if exact.is_file() {
        return Some(exact);
    }
    std::fs::read_dir(root)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| is_summary(p) && p.is_file())
}

/// A folder's name as the user would say it (`corpus` for `../shared/corpus/`, the current folder's name
/// for `.`).
fn folder_name(root: &Path) -> String {
    root.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            std::fs::canonicalize(root)
                .ok()?
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| root.display().to_string())
}

fn is_readme(name: &str) -> bool {
    name.eq_ignore_ascii_case("README.md")
}

/// Files by folder, for the folder hierarchy.
#[derive(Default)]
struct Dir {
    files: Vec<(String, usize)>,
    dirs: BTreeMap<String, Dir>,
}

/// The folder `root` as a node: named by its `README.md`'s title (else its name), that `README.md` as
/// its page, its files and sub-folders below in natural order.
fn from_folders(root: &Path, files: &[(PathBuf, usize)], lib: &Library) -> NavNode {
    let mut top = Dir::default();
    for (path, d) in files {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let mut parts: Vec<String> = rel
            .components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = parts.pop().unwrap_or_default();
        let mut dir = &mut top;
        for p in parts {
            dir = dir.dirs.entry(p).or_default();
        }
        dir.files.push((name, *d));
    }
    folder_node(folder_name(root), top, lib)
}

/// Natural order of names (numbers by value, case aside), a file's `.md` left out (`osdi-2023.md` sorts
/// with a folder `osdi-2023`).
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let stem = |s: &str| -> String {
        let cut = s.len().checked_sub(3).and_then(|i| s.split_at_checked(i));
        match cut {
            Some((stem, ext)) if ext.eq_ignore_ascii_case(".md") => stem,
            _ => s,
        }
        .to_string()
    };
    let (a, b) = (stem(a), stem(b));
    alphanumeric_sort::compare_str(a.to_lowercase(), b.to_lowercase())
        .then_with(|| alphanumeric_sort::compare_str(&a, &b))
}

/// Depth is that of the folders on disk (the walk reports symbolic-link loops), so recursion is bounded.
fn folder_node(name: String, dir: Dir, lib: &Library) -> NavNode {
    let readme = dir
        .files
        .iter()
        .find(|(n, _)| is_readme(n))
        .map(|&(_, d)| d);
    let mut entries: Vec<(String, NavNode)> = dir
        .files
        .iter()
        .filter(|(n, _)| !is_readme(n))
        .map(|(n, d)| (n.clone(), leaf(lib, *d)))
        .collect();
    for (n, sub) in dir.dirs {
        entries.push((n.clone(), folder_node(n, sub, lib)));
    }
    entries.sort_by(|(a, _), (b, _)| natural(a, b));
    NavNode {
        title: readme.map_or(name, |d| lib.documents[d].title.clone()),
        doc: readme,
        children: entries.into_iter().map(|(_, n)| n).collect(),
    }
}

/// Reads `SUMMARY.md` (at `path`, in folder `root`) into nodes, then the files it does not list.
fn from_summary(
    root: &Path,
    path: &Path,
    text: &str,
    files: &[(PathBuf, usize)],
    lib: &Library,
    warnings: &mut Vec<Warning>,
) -> Vec<NavNode> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut s = Summary {
        root,
        source: path.display().to_string(),
        docs: files.iter().map(|(p, d)| (normalize(p), *d)).collect(),
        used: vec![false; lib.documents.len()],
        lib,
        warnings,
    };
    // Entries before the first part are top nodes; each part (a heading below the title) gathers the
    // entries that follow it.
    let mut out: Vec<NavNode> = Vec::new();
    let mut part: Option<NavNode> = None;
    for block in markdown::parse(text) {
        match block {
            MdBlock::Heading { level, inl, .. } if level > 1 => {
                out.extend(part.take().filter(|p| !p.children.is_empty()));
                part = Some(NavNode {
                    title: plain(&inl),
                    doc: None,
                    children: Vec::new(),
                });
            }
            MdBlock::List { items, .. } => {
                let nodes = s.entries(&items);
                match part.as_mut() {
                    Some(p) => p.children.extend(nodes),
                    None => out.extend(nodes),
                }
            }
            _ => {}
        }
    }
    out.extend(part.filter(|p| !p.children.is_empty()));
    let rest: Vec<(PathBuf, usize)> = files.iter().filter(|(_, d)| !s.used[*d]).cloned().collect();
    if !rest.is_empty() {
        let folder = from_folders(root, &rest, lib);
        let mut children: Vec<NavNode> = folder.doc.map(|d| leaf(lib, d)).into_iter().collect();
        children.extend(folder.children);
        out.push(NavNode {
            title: NOT_IN_SUMMARY.into(),
            doc: None,
            children,
        });
    }
    out
}

struct Summary<'a> {
    root: &'a Path,
    source: String,
    /// Loaded files of the folder (normalised paths) and their documents.
    docs: HashMap<PathBuf, usize>,
    /// Documents already placed (a file listed twice is placed at its first entry).
    used: Vec<bool>,
    lib: &'a Library,
    warnings: &'a mut Vec<Warning>,
}

impl Summary<'_> {
    /// The entries of a list. Nesting is bounded by the markdown parser (lists deeper than
    /// `markdown::MAX_DEPTH` are folded), so recursion is too.
    fn entries(&mut self, items: &[MdItem]) -> Vec<NavNode> {
        let mut out = Vec::new();
        for it in items {
            let mut children = Vec::new();
            for sub in it.sublists() {
                children.extend(self.entries(sub));
            }
            match self.entry(it) {
                Some(mut node) => {
                    node.children = children;
                    if node.doc.is_some() || !node.children.is_empty() {
                        out.push(node);
                    }
                }
                // Skipped: its own entries take its place.
                None => out.extend(children),
            }
        }
        out
    }

    /// The node for an entry (without its children), or `None` to skip it.
    fn entry(&mut self, it: &MdItem) -> Option<NavNode> {
        let inl = it.first_para();
        let Some((label, url)) = markdown::links(inl).into_iter().next() else {
            // Text without a link: a heading for the entries below it.
            let title = plain(inl);
            return (!title.is_empty()).then_some(NavNode {
                title,
                doc: None,
                children: Vec::new(),
            });
        };
        if is_outside(&url) || url.trim().is_empty() || url.trim_start().starts_with('#') {
            return None;
        }
        let target = local_target(self.root, &url)?;
        let Some(&d) = self.docs.get(&target) else {
            if !target.exists() {
                self.warnings.push(Warning {
                    source: self.source.clone(),
                    line: it.line,
                    kind: WarningKind::MissingTarget { url },
                });
            }
            // Present but not loaded (not a notes file, or unreadable, which was reported).
            return None;
        };
        if std::mem::replace(&mut self.used[d], true) {
            return None;
        }
        let title = if label.is_empty() {
            self.lib.documents[d].title.clone()
        } else {
            label
        };
        Some(NavNode {
            title,
            doc: Some(d),
            children: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_names() {
        let mut names = vec![
            "osdi-2024.md",
            "osdi-2023",
            "10.md",
            "2.md",
            "b",
            "A.md",
            "Beta",
            "alpha",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            vec![
                "2.md",
                "10.md",
                "A.md",
                "alpha",
                "b",
                "Beta",
                "osdi-2023",
                "osdi-2024.md"
            ]
        );
    }

    #[test]
    fn summary_is_recognised_in_any_case() {
        assert!(is_summary(Path::new("x/SUMMARY.md")));
        assert!(is_summary(Path::new("summary.md")));
        assert!(!is_summary(Path::new("summary.md.bak")));
    }
}
