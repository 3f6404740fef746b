//! Export of works as BibTeX, markdown or CSV: `--export`, and the app's export key.
//!
//! One entry per work (a paper listed in several places once), in library order: its title as its
//! fullest place gives it, its venue and year (see [`crate::model::venue`]), the authors when the notes
//! give them, the affiliations and the outside links of all its places (one per URL). Text from the
//! notes is untrusted: control characters become visible pictures ([`crate::text::sanitize`]) and each
//! format escapes what it must, so every entry reads back whole (tested with a BibTeX parser, the `csv`
//! reader and pulldown-cmark).

mod bibtex;
mod csv;
pub(crate) mod markdown;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::work::Works;
use crate::model::{venue, Library, LinkKind, PaperRef};
use crate::text::sanitize;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `@inproceedings` for a known conference, else `@misc`.
    Bibtex,
    /// `- [Title](paper url) — Venue`.
    Markdown,
    /// A header and one row per work (RFC 4180).
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Bibtex, Format::Markdown, Format::Csv];

    /// The name on the command line (`--export bibtex`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Bibtex => "bibtex",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Bibtex => "bib",
            Format::Markdown => "md",
            Format::Csv => "csv",
        }
    }
}

/// A work as exported: plain data, safe to print (sanitized).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The work's key (see [`crate::model::work::key`]).
    pub work: String,
    pub title: String,
    /// `OSDI 2023`, from the work's fullest place first, then its other places.
    pub venue: Option<String>,
    pub year: Option<u16>,
    /// As the notes write them (`, by Author` after a title).
    pub authors: Option<String>,
    /// Every place's, once each (compared without case).
    pub affiliations: Vec<String>,
    /// `(label, url)`: the outside links of every place, the fullest place's first, one per URL.
    pub links: Vec<(String, String)>,
    /// What each of `links` points to (as the badges and the link keys read it), in the same order.
    pub link_kinds: Vec<LinkKind>,
}

impl Record {
    /// The URL of its paper: its first link of kind paper (`[Paper]`, `[arXiv]`, `[[pdf]]`: see
    /// [`LinkKind`]).
    pub fn paper_url(&self) -> Option<&str> {
        self.link_of(LinkKind::Paper)
    }

    /// The URL of its first link of `kind`.
    pub fn link_of(&self, kind: LinkKind) -> Option<&str> {
        self.links
            .iter()
            .zip(&self.link_kinds)
            .find(|(_, k)| **k == kind)
            .map(|((_, u), _)| u.as_str())
    }

    /// The URL of its first link labelled `label` (without case).
    pub fn link(&self, label: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|(l, _)| l.trim().eq_ignore_ascii_case(label))
            .map(|(_, u)| u.as_str())
    }
}

/// The works with a place among `refs` (a search's hits, the rows on screen), each once, in library
/// order.
pub fn works_of(works: &Works, refs: impl IntoIterator<Item = PaperRef>) -> Vec<usize> {
    let mut seen = vec![false; works.len()];
    for r in refs {
        if let Some(w) = works.work_of(r) {
            seen[w] = true;
        }
    }
    (0..works.len()).filter(|&w| seen[w]).collect()
}

fn clean(s: &str) -> String {
    sanitize(s.trim()).into_owned()
}

/// The records of works `selected` (indices into `works`), in the order given.
pub fn records(lib: &Library, works: &Works, selected: &[usize]) -> Vec<Record> {
    selected
        .iter()
        .filter_map(|&w| {
            let fullest = works.fullest(w)?;
            let paper = lib.paper(fullest)?;
            let places: Vec<PaperRef> = std::iter::once(fullest)
                .chain(works.places(w).iter().copied().filter(|&r| r != fullest))
                .collect();
            let venue = places.iter().find_map(|&r| venue::venue_of(lib, r));
            let year = places.iter().find_map(|&r| venue::year_of(lib, r));
            let authors = places
                .iter()
                .filter_map(|&r| lib.paper(r))
                .find_map(|p| p.authors.as_deref());
            let mut affiliations: Vec<String> = Vec::new();
            for p in places.iter().filter_map(|&r| lib.paper(r)) {
                for a in &p.affiliations {
                    let a = clean(a);
                    if !a.is_empty()
                        && !affiliations
                            .iter()
                            .any(|b| b.to_lowercase() == a.to_lowercase())
                    {
                        affiliations.push(a);
                    }
                }
            }
            let outside: Vec<_> = works
                .links(lib, fullest)
                .into_iter()
                .filter(|l| {
                    use crate::loader::title::{is_outside, is_script};
                    l.target.is_none() && is_outside(&l.url) && !is_script(&l.url)
                })
                .collect();
            let link_kinds = outside.iter().map(|l| l.kind).collect();
            let links = outside
                .iter()
                .map(|l| (clean(&l.label), clean(&l.url)))
                .collect();
            Some(Record {
                work: works.key(w).to_string(),
                title: clean(&paper.title),
                venue: venue.map(clean).filter(|v| !v.is_empty()),
                year,
                authors: authors.map(clean).filter(|a| !a.is_empty()),
                affiliations,
                links,
                link_kinds,
            })
        })
        .collect()
}

/// Writes `records` in `format`.
pub fn write(out: &mut dyn Write, format: Format, records: &[Record]) -> io::Result<()> {
    match format {
        Format::Bibtex => out.write_all(bibtex::render(records).as_bytes()),
        Format::Markdown => out.write_all(markdown::render(records).as_bytes()),
        Format::Csv => csv::write(out, records),
    }
}

/// `records` in `format`, as text.
pub fn render(format: Format, records: &[Record]) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(&mut out, format, records);
    String::from_utf8(out).unwrap_or_default()
}

/// Saves `records` in `format` to a new file in `dir` (`takeaway-export.bib`, else
/// `takeaway-export-2.bib`, …; an existing file is never overwritten), created as any new file is (the
/// umask decides who may read it) and removed again if it cannot be written in full. A folder with no
/// write bit at all (`chmod a-w`) is refused, even for root, as the add form refuses such a file.
/// Returns its path.
pub fn save(dir: &Path, format: Format, records: &[Record]) -> io::Result<PathBuf> {
    if std::fs::metadata(dir)?.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the folder is read-only (no write permission)",
        ));
    }
    let text = render(format, records);
    for n in 1..=1000 {
        let name = if n == 1 {
            format!("takeaway-export.{}", format.extension())
        } else {
            format!("takeaway-export-{n}.{}", format.extension())
        };
        let path = dir.join(name);
        let mut file = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        return match file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
        {
            Ok(()) => Ok(path),
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                Err(e)
            }
        };
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "takeaway-export … takeaway-export-1000 all exist",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader;

    #[cfg(unix)]
    #[test]
    fn a_folder_without_write_bits_is_refused_even_for_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let lib = lib(&[(
            "a.md",
            "# X 2020\n\n## Papers\n\n* Alpha \\[[Paper](https://p/a)]\n",
        )]);
        let works = Works::new(&lib);
        let records = records(&lib, &works, &[0]);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let e = save(dir.path(), Format::Markdown, &records).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(
            e.to_string(),
            "the folder is read-only (no write permission)"
        );
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(save(dir.path(), Format::Markdown, &records).is_ok());
    }

    pub(super) fn lib(files: &[(&str, &str)]) -> Library {
        let mut lib = Library::default();
        for (name, md) in files {
            lib.documents
                .push(loader::document::build(name, None, md).0);
        }
        loader::assign_ids(&mut lib);
        lib
    }

    #[test]
    fn a_paper_link_is_found_by_its_kind_not_its_label() {
        let lib = lib(&[(
            "a.md",
            "# List\n\n## Papers\n\n\
             * Blox: A Toolkit \\[[arXiv](https://arxiv.org/abs/2312.12621)] \\[[代码](https://github.com/x/blox)]\n\
             * Gamma \\[[[pdf]](https://g.example/gamma.pdf)]\n",
        )]);
        let works = Works::new(&lib);
        let all = works_of(&works, lib.papers().map(|(r, _)| r));
        let r = records(&lib, &works, &all);
        assert_eq!(r[0].paper_url(), Some("https://arxiv.org/abs/2312.12621"));
        assert_eq!(
            r[0].link_of(LinkKind::Code),
            Some("https://github.com/x/blox")
        );
        assert_eq!(r[1].paper_url(), Some("https://g.example/gamma.pdf"));
        let bib = render(Format::Bibtex, &r);
        assert!(
            bib.contains("url = {https://arxiv.org/abs/2312.12621}"),
            "{bib}"
        );
        let md = render(Format::Markdown, &r);
        assert!(md.contains("(https://g.example/gamma.pdf)"), "{md}");
        let csv = render(Format::Csv, &r);
        assert!(csv.contains(",https://github.com/x/blox,"), "{csv}");
    }

    #[test]
    fn a_record_gathers_the_places_of_a_work() {
        let lib = lib(&[
            (
                "a.md",
                "# CONF 2023\n\n## Papers\n\n\
                 * Alpha: One \\[[Paper](https://p/a)]\n  * Uni A & Lab B\n  * Note.\n",
            ),
            (
                "b.md",
                "# List\n\n## Papers\n\n\
                 * Alpha: One (OTHER 2019), by Ann Lee \\[[Paper](https://p/a)] \\[[Code](https://c/a)] \\[[Personal Note](a.md)]\n  * uni a & Lab C\n\
                 * Beta \\[[Slides](https://s/b)]\n",
            ),
        ]);
        let works = Works::new(&lib);
        let all = works_of(&works, lib.papers().map(|(r, _)| r));
        assert_eq!(all, vec![0, 1]);
        let r = records(&lib, &works, &all);
        assert_eq!(r.len(), 2);
        // The fullest place (more links) is the list's: its venue first.
        assert_eq!(r[0].title, "Alpha: One");
        assert_eq!(r[0].venue.as_deref(), Some("OTHER 2019"));
        assert_eq!(r[0].year, Some(2019));
        assert_eq!(r[0].authors.as_deref(), Some("Ann Lee"));
        assert_eq!(r[0].affiliations, vec!["uni a", "Lab C", "Lab B"]);
        assert_eq!(
            r[0].links,
            vec![
                ("Paper".to_string(), "https://p/a".to_string()),
                ("Code".to_string(), "https://c/a".to_string())
            ],
            "one per URL, local note pages left out"
        );
        assert_eq!(r[0].paper_url(), Some("https://p/a"));
        assert_eq!(r[0].work, "alpha-one");
        assert_eq!(r[1].paper_url(), None);
        assert_eq!(r[1].venue, None);
        assert_eq!(r[1].year, None);
    }

    #[test]
    fn saving_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let lib = lib(&[(
            "a.md",
            "# X 2020\n\n## Papers\n\n* Alpha \\[[Paper](https://p/a)]\n",
        )]);
        let works = Works::new(&lib);
        let recs = records(&lib, &works, &[0]);
        let a = save(dir.path(), Format::Markdown, &recs).unwrap();
        let b = save(dir.path(), Format::Markdown, &recs).unwrap();
        assert_eq!(a, dir.path().join("takeaway-export.md"));
        assert_eq!(b, dir.path().join("takeaway-export-2.md"));
        assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            "- [Alpha](https://p/a) — X 2020\n"
        );
        assert_eq!(
            std::fs::read_to_string(&b).unwrap(),
            std::fs::read_to_string(&a).unwrap()
        );
        // Nothing else is left behind; the files are as readable as any new file (not a temporary
        // file's owner-only mode).
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let probe = dir.path().join("probe");
            std::fs::File::create(&probe).unwrap();
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode();
            assert_eq!(mode(&a), mode(&probe));
        }
    }
}
