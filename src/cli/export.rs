//! `--export bibtex|markdown|csv [--filter QUERY]`: the works (those the query matches, else all) to
//! standard output, one entry per work, in library order (see [`crate::export`]).

use std::io::Write;

use crate::export::{self, Format};
use crate::model::work::Works;
use crate::model::Library;
use crate::search::{Index, Marks, Query};

pub fn write(
    out: &mut impl Write,
    lib: &Library,
    format: Format,
    query: Option<&Query>,
    marks: &dyn Marks,
) -> std::io::Result<u8> {
    let works = Works::new(lib);
    let selected = match query {
        Some(q) => {
            let mut index = Index::new(lib);
            index.link_works(&works);
            export::works_of(&works, index.find(q, marks).iter().map(|h| h.paper))
        }
        None => (0..works.len()).collect(),
    };
    let records = export::records(lib, &works, &selected);
    export::write(out, format, &records)?;
    Ok(if records.is_empty() && query.is_some() {
        eprintln!("takeaway: no paper matches the filter");
        super::status::FOUND
    } else {
        super::status::OK
    })
}
