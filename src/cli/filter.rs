//! `--filter QUERY [--print-url LABEL]`: the search the browser uses, for scripts.

use std::io::Write;

use super::status;
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
    let Some(best) = hits.first() else {
        eprintln!("takeaway: no paper matches {:?}", sanitize(query));
        return Ok(status::FOUND);
    };
    if let Some(label) = label {
        let Some(paper) = lib.paper(best.paper) else {
            return Ok(status::FOUND);
        };
        return match paper.link(label) {
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
    for h in &hits {
        let (Some(doc), Some(paper)) = (lib.documents.get(h.paper.doc), lib.paper(h.paper)) else {
            continue;
        };
        let link = paper.links.first().map(|l| l.url.as_str()).unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}",
            sanitize(&paper.title),
            sanitize(&doc.title),
            sanitize(link)
        )?;
    }
    Ok(status::OK)
}
