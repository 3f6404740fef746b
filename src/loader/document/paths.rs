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

/// Removes `.` and `a/..` from a path without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
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
}
