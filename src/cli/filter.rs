//! `--filter QUERY [--print-url LABEL]`: the search the browser uses, for scripts. A paper listed in
//! several places (one work) is printed once, as its fullest place, with the number of its places.

use std::io::Write;

use super::status;
use crate::model::work::Works;
use crate::model::Library;
use crate::search::Index;
use crate::text::sanitize;

pub fn write(
    out: &mut impl Write,
    lib: &Library,
    query: &str,
    label: Option<&str>,
) -> std::io::Result<u8> {
    let hits = Index::new(lib).search(query);
    let works = Works::new(lib);
    let found = works.once(hits.iter().map(|h| h.paper));
    let Some(&(_, best)) = found.first() else {
        eprintln!("takeaway: no paper matches {:?}", sanitize(query));
        return Ok(status::FOUND);
    };
    if let Some(label) = label {
        let Some(paper) = lib.paper(best) else {
            return Ok(status::FOUND);
        };
        // The links of all its places, its fullest place's first.
        let link = works
            .links(lib, best)
            .into_iter()
            .find(|l| l.label.trim().eq_ignore_ascii_case(label));
        return match link {
            Some(l) => {
                writeln!(out, "{}", sanitize(&l.url))?;
                Ok(status::OK)
            }
            None => {
                eprintln!("takeaway: {} has no {label} link", sanitize(&paper.title));
                Ok(status::FOUND)
            }
        };
    }
    for &(_, r) in &found {
        let (Some(doc), Some(paper)) = (lib.documents.get(r.doc), lib.paper(r)) else {
            continue;
        };
        let link = paper.links.first().map(|l| l.url.as_str()).unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            sanitize(&paper.title),
            sanitize(&doc.title),
            sanitize(link),
            works.places_of(r).len()
        )?;
    }
    Ok(status::OK)
}
