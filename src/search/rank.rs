//! The jump palette's ranking: papers and note pages in one list.

use super::{Field, Hit, PageHit};

/// An entry of a ranking of papers and pages.
#[derive(Debug, Clone, PartialEq)]
pub enum Ranked {
    Paper(Hit),
    Page(PageHit),
}

/// Papers and note pages in one ranking: a page whose title matches ranks with the papers whose titles
/// match (by score; a paper first on a tie), above papers that matched elsewhere. With no query: papers,
/// then pages, in document order.
pub fn merge_ranked(papers: Vec<Hit>, pages: Vec<PageHit>) -> Vec<Ranked> {
    let mut out = Vec::with_capacity(papers.len() + pages.len());
    let mut pages = pages.into_iter().peekable();
    for h in papers {
        while let Some(pg) = pages.peek() {
            let page_first = pg.score > 0 && (h.field != Field::Title || pg.score > h.score);
            if !page_first {
                break;
            }
            out.extend(pages.next().map(Ranked::Page));
        }
        out.push(Ranked::Paper(h));
    }
    out.extend(pages.map(Ranked::Page));
    out
}
