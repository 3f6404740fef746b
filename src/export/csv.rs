//! CSV: a header and one row per work, quoted as RFC 4180 (by the `csv` crate), lines
//! ending in CRLF.
//!
//! Columns: `title, venue, year, authors, affiliations` (joined by `; `), one column per badge label
//! (`paper, video, slides, code, artifact`: its first URL of that kind, as the badges read it), `links` (every link as `Label: URL`,
//! joined by `; `) and `work` (the work's key). A cell that a spreadsheet would read as a formula
//! (starting with `=`, `+`, `-` or `@`) gets a leading `'`, since the notes are untrusted.

use std::io::{self, Write};

use super::Record;
use crate::model::LinkKind;

/// The badges' kinds, one column each.
const BADGES: [LinkKind; 5] = [
    LinkKind::Paper,
    LinkKind::Video,
    LinkKind::Slides,
    LinkKind::Code,
    LinkKind::Artifact,
];

/// The header row.
pub(super) const HEADER: [&str; 12] = [
    "title",
    "venue",
    "year",
    "authors",
    "affiliations",
    "paper",
    "video",
    "slides",
    "code",
    "artifact",
    "links",
    "work",
];

/// A cell a spreadsheet will not run as a formula.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub(super) fn write(out: &mut dyn Write, records: &[Record]) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER).map_err(io_error)?;
    for r in records {
        let mut row: Vec<String> = vec![
            cell(&r.title),
            cell(r.venue.as_deref().unwrap_or("")),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            cell(r.authors.as_deref().unwrap_or("")),
            cell(&r.affiliations.join("; ")),
        ];
        row.extend(BADGES.iter().map(|&k| cell(r.link_of(k).unwrap_or(""))));
        row.push(cell(
            &r.links
                .iter()
                .map(|(l, u)| format!("{l}: {u}"))
                .collect::<Vec<_>>()
                .join("; "),
        ));
        row.push(r.work.clone());
        w.write_record(&row).map_err(io_error)?;
    }
    w.flush()
}

/// The writer's error as the output's own (a closed pipe stays a closed pipe, which the caller ends on
/// quietly), not wrapped into another kind.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_with_the_csv_reader() {
        let records = vec![
            Record {
                work: "alpha".into(),
                title: "Alpha, \"quoted\"\nand multi-line".into(),
                venue: Some("OSDI 2023".into()),
                year: Some(2023),
                authors: None,
                affiliations: vec!["Uni A".into(), "Lab, B".into()],
                links: vec![
                    ("Paper".into(), "https://p/a?x=1,2".into()),
                    ("Code".into(), "https://c/a".into()),
                    ("Blog".into(), "https://b/a".into()),
                ],
                link_kinds: vec![LinkKind::Paper, LinkKind::Code, LinkKind::Blog],
            },
            Record {
                work: "beta".into(),
                title: "=HYPERLINK(\"https://evil\")".into(),
                venue: None,
                year: None,
                authors: Some("-Ann".into()),
                affiliations: Vec::new(),
                links: Vec::new(),
                link_kinds: Vec::new(),
            },
        ];
        let mut out = Vec::new();
        write(&mut out, &records).unwrap();
        let mut r = csv::Reader::from_reader(out.as_slice());
        assert_eq!(r.headers().unwrap(), HEADER.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].iter().collect::<Vec<_>>(),
            vec![
                "Alpha, \"quoted\"\nand multi-line",
                "OSDI 2023",
                "2023",
                "",
                "Uni A; Lab, B",
                "https://p/a?x=1,2",
                "",
                "",
                "https://c/a",
                "",
                "Paper: https://p/a?x=1,2; Code: https://c/a; Blog: https://b/a",
                "alpha"
            ]
        );
        assert_eq!(&rows[1][0], "'=HYPERLINK(\"https://evil\")");
        assert_eq!(&rows[1][3], "'-Ann");
        assert_eq!(&rows[1][11], "beta");
        // Records end with CRLF, as RFC 4180 says; a field with a line break, a quote or a comma is quoted.
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(
            "title,venue,year,authors,affiliations,paper,video,slides,code,artifact,links,work\r\n"
        ));
        assert!(
            text.contains("\"Alpha, \"\"quoted\"\"\nand multi-line\","),
            "{text}"
        );
        assert!(text.ends_with(",beta\r\n"), "{text}");
    }
}
