//! Local links: a relative link to a `.md` file or a folder, resolved against the document's folder.

use std::path::{Path, PathBuf};

use super::super::title::is_outside;

/// The file a relative link points to, when it is local (no scheme, not an anchor).
pub fn local_path(dir: &Path, url: &str) -> Option<PathBuf> {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || is_outside(url) {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    // `file:///home/me/x.md`, `file://localhost/…`: the path after the scheme and the host.
    let path = match path.get(..5) {
        Some(scheme) if scheme.eq_ignore_ascii_case("file:") => {
            let rest = path.get(5..).unwrap_or("");
            match rest.strip_prefix("//") {
                Some(host_path) => host_path.find('/').and_then(|i| host_path.get(i..))?,
                None => rest,
            }
        }
        _ => path,
    };
    if path.is_empty() {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    Some(normalize(&dir.join(decoded.as_ref())))
}

/// For a local link to a markdown page or a folder (whose `README.md` is its page): that page.
pub fn local_target(dir: &Path, url: &str) -> Option<PathBuf> {
    let p = local_path(dir, url)?;
    let is_md = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if is_md {
        Some(p)
    } else if url
        .split(['#', '?'])
        .next()
        .is_some_and(|u| u.ends_with('/'))
        || super::super::probe::is_dir(&p)
    {
        Some(p.join("README.md"))
    } else {
        None
    }
}

/// Removes `.` and `a/..` from a path without touching the file system. A leading `..` stays (`../..`
/// is two folders up), and `..` above the root is the root.
pub fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                Some(Component::ParentDir | Component::CurDir) | None => out.push(".."),
            },
            c => out.push(c),
        }
    }
    out
}

/// How the library names a file it reads: `path` with `.` and `a/..` removed (see [`normalize`]), as a
/// local link to it is resolved, so `takeaway .` and `takeaway ./notes` find a paper's note page by its
/// link as `takeaway notes` does.
pub fn file_name_of(path: &Path) -> PathBuf {
    let n = normalize(path);
    if n.as_os_str().is_empty() {
        path.to_path_buf()
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_links_resolve_against_the_document() {
        let dir = Path::new("/notes/conf/atc-2022");
        assert_eq!(
            local_target(dir, "dvabatch.md"),
            Some(PathBuf::from("/notes/conf/atc-2022/dvabatch.md"))
        );
        assert_eq!(
            local_target(dir, "../sosp-2023/"),
            Some(PathBuf::from("/notes/conf/sosp-2023/README.md"))
        );
        assert_eq!(
            local_target(dir, "my%20note.md#top"),
            Some(PathBuf::from("/notes/conf/atc-2022/my note.md"))
        );
        assert_eq!(local_target(dir, "https://x.org/a.md"), None);
        assert_eq!(local_target(dir, "#anchor"), None);
        // A `file:` URL names its path whole, not one below the document's folder.
        assert_eq!(
            local_path(dir, "file:///etc/passwd"),
            Some(PathBuf::from("/etc/passwd"))
        );
        assert_eq!(
            local_target(dir, "FILE://localhost/home/me/my%20note.md"),
            Some(PathBuf::from("/home/me/my note.md"))
        );
    }

    #[test]
    fn normalizing_keeps_leading_parent_folders() {
        let n = |p: &str| normalize(Path::new(p));
        assert_eq!(n("./notes/a/../b.md"), PathBuf::from("notes/b.md"));
        assert_eq!(n("../../corpus/x.md"), PathBuf::from("../../corpus/x.md"));
        assert_eq!(n("../../corpus/a/../../y.md"), PathBuf::from("../../y.md"));
        assert_eq!(n("a/../../x.md"), PathBuf::from("../x.md"));
        assert_eq!(n("/../x.md"), PathBuf::from("/x.md"));
        // A link from a page two folders up resolves to the name the loader gives the file.
        assert_eq!(
            local_target(Path::new("../../corpus/conf/nsdi"), "../../notes/x.md"),
            Some(file_name_of(Path::new("../../corpus/./notes/x.md")))
        );
        assert_eq!(file_name_of(Path::new(".")), PathBuf::from("."));
        assert_eq!(file_name_of(Path::new("./x.md")), PathBuf::from("x.md"));
    }
}
