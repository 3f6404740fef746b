//! Where and when a paper appeared, as far as the notes say: its venue (`OSDI 2023`), the venue's name
//! (`OSDI`) and its year. One place for these readings, so `year:` in a query, the views by year and by
//! venue, and the export agree.
//!
//! A paper's venue is the one written after its title (`(OSDI 2023)`), else the title of the document
//! that lists it when that title names a year (a conference's notes, `OSDI 2023`). Its year is read from
//! that venue, else from the document's title.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::{Library, Paper, PaperRef};

/// The first year `text` names: a four-digit 19xx or 20xx standing alone (`OSDI 2023`,
/// `UCB/EECS-2009-28`), or two digits after a name and an apostrophe (`NeurIPS'23`, `WWW '24`: 20xx, or
/// 19xx from `'51` on). `None` when it names none.
pub fn year_in(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    let mut best: Option<(usize, u16)> = None;
    // A four-digit year standing alone.
    for (i, year) in b.windows(4).enumerate() {
        let before = i.checked_sub(1).and_then(|j| b.get(j));
        if year.iter().all(u8::is_ascii_digit)
            && (year.starts_with(b"19") || year.starts_with(b"20"))
            && before.is_none_or(|c| !c.is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            let y = year.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
            best = Some((i, y));
            break;
        }
    }
    // A short year after a name: `NeurIPS'23`, `WWW '24`, `ICLR’25`.
    for (i, c) in text.char_indices() {
        if best.is_some_and(|(at, _)| at < i) {
            break;
        }
        if !matches!(c, '\'' | '’' | '‘') {
            continue;
        }
        // `i` is where `char_indices` found the quote: a boundary.
        let Some((before, quoted)) = text.split_at_checked(i) else {
            continue;
        };
        let after_name = before
            .trim_end()
            .chars()
            .last()
            .is_some_and(char::is_alphabetic);
        let after = quoted.strip_prefix(c).unwrap_or(quoted);
        let digits: Vec<u16> = after
            .chars()
            .take_while(char::is_ascii_digit)
            .filter_map(|d| d.to_digit(10))
            .map(|d| d as u16)
            .collect();
        let alone = after.chars().nth(2).is_none_or(|c| !c.is_alphanumeric());
        if let (true, [tens, ones], true) = (after_name, digits.as_slice(), alone) {
            let yy = tens * 10 + ones;
            let y = if yy > 50 { 1900 + yy } else { 2000 + yy };
            best = Some((i, y));
            break;
        }
    }
    best.map(|(_, y)| y)
}

/// The year of an arXiv identifier in `text` (`arXiv 2312.07104` → 2023), when `text` names arXiv.
fn arxiv_year(text: &str) -> Option<u16> {
    if !text.to_ascii_lowercase().contains("arxiv") {
        return None;
    }
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find_map(|token| {
            let (yymm, number) = token.split_once('.')?;
            let ok = yymm.len() == 4
                && (4..=5).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit());
            // `et al. arXiv`, `arXiv 1.2345`: a token that is not `YYMM.NNNNN` has no year.
            let (yy, mm) = yymm.split_at_checked(2).filter(|_| ok)?;
            let (yy, mm): (u16, u16) = (yy.parse().ok()?, mm.parse().ok()?);
            (1..=12).contains(&mm).then_some(2000 + yy)
        })
}

/// The year a venue names: [`year_in`], else the year of its arXiv identifier.
pub fn venue_year(venue: &str) -> Option<u16> {
    year_in(venue).or_else(|| arxiv_year(venue))
}

/// The venue of the paper at `r`: the one written after its title, else its document's title when that
/// names a year (`OSDI 2023`).
pub fn venue_of(lib: &Library, r: PaperRef) -> Option<&str> {
    let doc = lib.documents.get(r.doc)?;
    let paper = doc.papers.get(r.paper)?;
    venue_of_paper(paper, &doc.title)
}

/// [`venue_of`] for a paper and the title of the document that lists it.
pub fn venue_of_paper<'a>(paper: &'a Paper, doc_title: &'a str) -> Option<&'a str> {
    match paper.venue.as_deref() {
        Some(v) if !v.trim().is_empty() => Some(v),
        _ => year_in(doc_title).is_some().then_some(doc_title),
    }
}

/// The year of the paper at `r`: from its venue, else from its document's title.
pub fn year_of(lib: &Library, r: PaperRef) -> Option<u16> {
    let doc = lib.documents.get(r.doc)?;
    let paper = doc.papers.get(r.paper)?;
    year_of_paper(paper, &doc.title)
}

/// [`year_of`] for a paper and the title of the document that lists it.
pub fn year_of_paper(paper: &Paper, doc_title: &str) -> Option<u16> {
    paper
        .venue
        .as_deref()
        .and_then(venue_year)
        .or_else(|| year_in(doc_title))
}

/// A venue without its year and what follows it: `OSDI 2023` → `OSDI`, `arXiv 2312.07104` → `arXiv`,
/// `SIGCOMM 2017 Posters and Demos` → `SIGCOMM`, `NeurIPS'23` → `NeurIPS`. A venue that does not start
/// with a name before its year is kept whole; one that is only a year (`2019`) names none: `""`.
pub fn venue_name(venue: &str) -> &str {
    let venue = venue.trim();
    // `arXiv 1404.599`, `arXiv: 2305.09781`: whatever the identifier looks like, the venue is arXiv.
    if let Some(first) = venue.split([' ', ':']).next() {
        if first.eq_ignore_ascii_case("arxiv") {
            return first;
        }
    }
    let mut end = None;
    for (i, word) in word_starts(venue) {
        let numeric = word.starts_with(|c: char| c.is_ascii_digit());
        if numeric && (year_in(word).is_some() || arxiv_year(&format!("arxiv {word}")).is_some()) {
            end = Some(i);
            break;
        }
        // `NeurIPS'23`, `SOSP ’23`: the name ends at the apostrophe.
        if let Some(q) = word.find(['\'', '’', '‘']) {
            if year_in(word).is_some() || (q == 0 && year_in(&format!("x{word}")).is_some()) {
                end = Some(i + q);
                break;
            }
        }
    }
    // `end` is a word's start plus where `find` found a quote in it: a boundary, taken with `get`.
    match end.and_then(|e| venue.get(..e)) {
        Some(name) => {
            let name = name.trim_end().trim_end_matches([',', '\'', '’', '‘']);
            if name.trim().is_empty() {
                // `2019`: a year and no name, so no venue to name; `2023 Workshop on X` is kept whole.
                if venue.chars().any(char::is_alphabetic) {
                    venue
                } else {
                    ""
                }
            } else {
                name.trim_end()
            }
        }
        None => venue,
    }
}

/// The words of `text` (split on white space) with their byte offsets.
fn word_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Conferences whose papers are exported as BibTeX `@inproceedings` (compared without case, after a
/// leading `USENIX`, `ACM` or `IEEE`).
const CONFERENCES: &[&str] = &[
    "aaai",
    "acl",
    "aistats",
    "asplos",
    "atc",
    "ccs",
    "cgo",
    "chi",
    "cidr",
    "cikm",
    "cluster",
    "coling",
    "conext",
    "conll",
    "cvpr",
    "dac",
    "eacl",
    "eccv",
    "emnlp",
    "eurosys",
    "fast",
    "fse",
    "hotcloud",
    "hotnets",
    "hotos",
    "hotstorage",
    "hpca",
    "hpdc",
    "icassp",
    "iccv",
    "icdcs",
    "icde",
    "iclr",
    "icml",
    "icpp",
    "icra",
    "ics",
    "icse",
    "ijcai",
    "infocom",
    "interspeech",
    "ipdps",
    "iros",
    "isca",
    "iwqos",
    "kdd",
    "lrec",
    "micro",
    "middleware",
    "mlsys",
    "mobicom",
    "mobisys",
    "naacl",
    "ndss",
    "neurips",
    "nips",
    "nsdi",
    "osdi",
    "pact",
    "pldi",
    "podc",
    "popl",
    "ppopp",
    "sc",
    "security",
    "sigcomm",
    "sigir",
    "sigmetrics",
    "sigmod",
    "socc",
    "sosp",
    "sp",
    "uai",
    "uist",
    "vee",
    "vldb",
    "wsdm",
    "www",
];

/// Is `name` (a [`venue_name`]) a known conference?
pub fn is_conference(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let mut rest = lower.as_str();
    for prefix in ["usenix ", "acm ", "ieee ", "acm/ieee "] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
        }
    }
    // `NAACL-HLT`, `ACL-IJCNLP`: a joint meeting is held as its first conference.
    let first = rest.split(['-', '/']).next().unwrap_or(rest);
    CONFERENCES.contains(&rest) || CONFERENCES.contains(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_venues_and_titles() {
        assert_eq!(year_in("OSDI 2023"), Some(2023));
        assert_eq!(year_in("SIGCOMM 2017 Posters and Demos"), Some(2017));
        assert_eq!(year_in("Technical Report No. UCB/EECS-2009-28"), Some(2009));
        assert_eq!(year_in("NeurIPS'23"), Some(2023));
        assert_eq!(year_in("WWW ’99"), Some(1999));
        assert_eq!(year_in("Large Language Model (LLM)"), None);
        assert_eq!(year_in("A20231 and x2023"), None, "not standing alone");
        assert_eq!(year_in("3000 papers"), None);
        assert_eq!(venue_year("arXiv 2312.07104"), Some(2023));
        assert_eq!(venue_year("arXiv 2212.00939"), Some(2022));
        assert_eq!(venue_year("Tech 2312.07104"), None, "only arXiv ids");
        assert_eq!(venue_year("arXiv 2399.07104"), None, "no 99th month");
    }

    #[test]
    fn venue_names_drop_the_year() {
        assert_eq!(venue_name("OSDI 2023"), "OSDI");
        assert_eq!(venue_name("SIGCOMM 2017 Posters and Demos"), "SIGCOMM");
        assert_eq!(venue_name("arXiv 2312.07104"), "arXiv");
        assert_eq!(venue_name("arXiv 1404.599"), "arXiv");
        assert_eq!(venue_name("arXiv: 2305.09781"), "arXiv");
        assert_eq!(venue_name("NeurIPS'23"), "NeurIPS");
        assert_eq!(venue_name("SOSP ’23"), "SOSP");
        assert_eq!(venue_name("USENIX ATC 2025"), "USENIX ATC");
        assert_eq!(venue_name("ISPA/IUCC 2018"), "ISPA/IUCC");
        assert_eq!(
            venue_name("Technical Report No. UCB/EECS-2009-28"),
            "Technical Report No. UCB/EECS-2009-28"
        );
        assert_eq!(venue_name("2023 Workshop"), "2023 Workshop");
        assert_eq!(venue_name("2019"), "", "a year names no venue");
        assert_eq!(venue_name("  Research Skills "), "Research Skills");
    }

    #[test]
    fn known_conferences() {
        assert!(is_conference("OSDI"));
        assert!(is_conference("USENIX ATC"));
        assert!(is_conference("ECCV"));
        assert!(is_conference("NAACL-HLT"));
        assert!(is_conference("ACL-IJCNLP"));
        assert!(!is_conference("ISPA/IUCC"));
        assert!(is_conference("EuroSys"));
        assert!(!is_conference("arXiv"));
        assert!(!is_conference("CSUR"));
        assert!(!is_conference("Technical Report No. UCB/EECS-2009-28"));
    }
}
