//! `--list --by topic|year|venue|affiliation`: every work grouped as the side pane's views group them
//! (see [`crate::model::views`]), as indented text: a group a line with its number of works, its works
//! below it, two spaces in. With `--filter`, only the works it matches.

use std::io::Write;

use crate::model::views::{self, By};
use crate::model::work::Works;
use crate::model::Library;
use crate::search::{Index, Marks, Query};
use crate::text::sanitize;

pub fn write(
    out: &mut impl Write,
    lib: &Library,
    by: By,
    query: Option<&Query>,
    marks: &dyn Marks,
) -> std::io::Result<u8> {
    let works = Works::new(lib);
    let keep: Option<Vec<bool>> = query.map(|q| {
        let mut keep = vec![false; works.len()];
        let mut index = Index::new(lib);
        index.link_works(&works);
        for h in index.find(q, marks) {
            if let Some(w) = works.work_of(h.paper) {
                keep[w] = true;
            }
        }
        keep
    });
    let groups = views::group(lib, &works, by, &|w| {
        keep.as_ref()
            .is_none_or(|k| k.get(w).copied().unwrap_or(false))
    });
    for g in &groups {
        writeln!(out, "{} [{}]", sanitize(&g.name), g.count())?;
        for &w in &g.works {
            if let Some(p) = works.fullest(w).and_then(|r| lib.paper(r)) {
                writeln!(out, "  {}", sanitize(&p.title))?;
            }
        }
    }
    Ok(if groups.is_empty() && query.is_some() {
        eprintln!("takeaway: no paper matches the filter");
        super::status::FOUND
    } else {
        super::status::OK
    })
}
