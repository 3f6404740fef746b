//! `--json`: the library in a stable, documented shape (see README.md), independent of the model's
//! internal layout.

use std::io::Write;

use serde::Serialize;

use crate::model::{self, work, Library};

#[derive(Serialize)]
struct Out<'a> {
    documents: Vec<Doc<'a>>,
    navigation: Vec<Nav<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    source: &'a str,
    title: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    meta: Vec<Meta<'a>>,
    papers: Papers<'a>,
}

/// A document's papers, each put in the output's shape as it is written (100,000 papers are not held
/// twice).
struct Papers<'a>(&'a [model::Paper]);

impl Serialize for Papers<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(paper))
    }
}

/// A node of the navigation: `source` names the document it is (absent for a part or folder).
#[derive(Serialize)]
struct Nav<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    children: Vec<Nav<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    key: &'a str,
    value: String,
}

#[derive(Serialize)]
struct Paper<'a> {
    id: &'a str,
    /// Shared by the places of one work (the same paper listed in several documents).
    work: WorkKey<'a>,
    title: &'a str,
    venue: Option<&'a str>,
    authors: Option<&'a str>,
    topics: &'a [String],
    line: usize,
    links: Vec<Link<'a>>,
    affiliations: &'a [Box<str>],
    takeaways: Notes<'a>,
    shape: &'static str,
}

#[derive(Serialize)]
struct Link<'a> {
    label: &'a str,
    url: &'a str,
    kind: &'static str,
}

/// Takeaways, written as `{"text", "children"}` each, their text without markup, as they are read
/// (no copy of the takeaways' text is made first).
struct Notes<'a>(&'a [model::Note]);

#[derive(Serialize)]
struct Note<'a> {
    text: Plain<'a>,
    children: Notes<'a>,
}

impl Serialize for Notes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|n| Note {
            text: Plain(&n.text),
            children: Notes(&n.children),
        }))
    }
}

/// Rich text without markup ([`model::RichText::plain`]), written span by span.
struct Plain<'a>(&'a model::RichText);

impl std::fmt::Display for Plain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0 .0.iter().try_for_each(|s| f.write_str(&s.text))
    }
}

impl Serialize for Plain<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A paper's work key, computed as it is written (no copy of every key is held).
struct WorkKey<'a>(&'a model::Paper);

impl Serialize for WorkKey<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&work::key_of_paper(self.0))
    }
}

fn paper(p: &model::Paper) -> Paper<'_> {
    Paper {
        id: &p.id,
        work: WorkKey(p),
        title: &p.title,
        venue: p.venue.as_deref(),
        authors: p.authors.as_deref(),
        topics: &p.topics,
        line: p.line,
        links: p
            .links
            .iter()
            .map(|l| Link {
                label: &l.label,
                url: &l.url,
                kind: l.kind.name(),
            })
            .collect(),
        affiliations: &p.affiliations,
        takeaways: Notes(&p.takeaways),
        shape: p.shape.as_str(),
    }
}

/// The navigation nodes, children included. Its depth is that of folders on disk or of `SUMMARY.md`'s
/// nesting, which the loader bounds.
fn nav<'a>(lib: &'a Library, nodes: &'a [model::NavNode]) -> Vec<Nav<'a>> {
    nodes
        .iter()
        .map(|n| Nav {
            title: &n.title,
            source: n
                .doc
                .and_then(|d| lib.documents.get(d))
                .map(|d| d.source.as_str()),
            children: nav(lib, &n.children),
        })
        .collect()
}

/// A paper found by `--filter --json`: its `--json` fields, its document and its work's places.
#[derive(Serialize)]
struct Found<'a> {
    #[serde(flatten)]
    paper: Paper<'a>,
    /// The `source` of its document.
    document: &'a str,
    /// In how many places its work is listed.
    places: usize,
}

/// `{"papers": [...]}` for `--filter --json`: each paper in the `--json` shape, plus `document` and
/// `places`, in the order given.
pub fn write_found(
    out: &mut impl Write,
    lib: &Library,
    found: &[(model::PaperRef, usize)],
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Papers<'a> {
        papers: Vec<Found<'a>>,
    }
    let papers = found
        .iter()
        .filter_map(|&(r, places)| {
            let doc = lib.documents.get(r.doc)?;
            Some(Found {
                paper: paper(doc.papers.get(r.paper)?),
                document: &doc.source,
                places,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &Papers { papers })?;
    writeln!(out)
}

pub fn write(out: &mut impl Write, lib: &Library) -> std::io::Result<()> {
    let o = Out {
        navigation: nav(lib, &lib.navigation),
        documents: lib
            .documents
            .iter()
            .map(|d| Doc {
                source: &d.source,
                title: &d.title,
                kind: d.kind.as_str(),
                description: d.description.as_deref(),
                meta: d
                    .meta
                    .iter()
                    .map(|m| Meta {
                        key: &m.key,
                        value: m.value.plain(),
                    })
                    .collect(),
                papers: Papers(&d.papers),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &o)?;
    writeln!(out)
}
