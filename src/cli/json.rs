//! `--json`: the library in a stable, documented shape (see README.md), independent of the model's
//! internal layout.

use std::io::Write;

use serde::Serialize;

use crate::model::{self, Library};

#[derive(Serialize)]
struct Out<'a> {
    documents: Vec<Doc<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    source: &'a str,
    title: &'a str,
    kind: &'static str,
    meta: Vec<Meta<'a>>,
    papers: Vec<Paper<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    key: &'a str,
    value: String,
}

#[derive(Serialize)]
struct Paper<'a> {
    id: &'a str,
    title: &'a str,
    venue: Option<&'a str>,
    authors: Option<&'a str>,
    topics: &'a [String],
    line: usize,
    links: Vec<Link<'a>>,
    affiliations: &'a [String],
    takeaways: Vec<Note>,
    shape: &'static str,
}

#[derive(Serialize)]
struct Link<'a> {
    label: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Note {
    text: String,
    children: Vec<Note>,
}

fn note(n: &model::Note) -> Note {
    Note {
        text: n.text.plain(),
        children: n.children.iter().map(note).collect(),
    }
}

fn paper(p: &model::Paper) -> Paper<'_> {
    Paper {
        id: &p.id,
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
            })
            .collect(),
        affiliations: &p.affiliations,
        takeaways: p.takeaways.iter().map(note).collect(),
        shape: p.shape.as_str(),
    }
}

pub fn write(out: &mut impl Write, lib: &Library) -> std::io::Result<()> {
    let o = Out {
        documents: lib
            .documents
            .iter()
            .map(|d| Doc {
                source: &d.source,
                title: &d.title,
                kind: d.kind.as_str(),
                meta: d
                    .meta
                    .iter()
                    .map(|m| Meta {
                        key: &m.key,
                        value: m.value.plain(),
                    })
                    .collect(),
                papers: d.papers.iter().map(paper).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &o)?;
    writeln!(out)
}
