//! Markdown: `- [Title](paper url) — Venue`, one bullet per work. Without a Paper link the title is
//! plain text; without a venue there is no dash. Markdown's punctuation in the text is escaped with
//! backslashes, and a URL is written as a destination that reads back as itself
//! ([`link_destination`]), so each bullet reads back as one item with one link.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::fmt::Write;

use super::Record;

pub(super) fn render(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        let title = escape(&r.title);
        match r.paper_url() {
            Some(u) => {
                let _ = write!(out, "- [{title}]({})", link_destination(u));
            }
            None => {
                let _ = write!(out, "- {title}");
            }
        }
        if let Some(v) = &r.venue {
            let _ = write!(out, " — {}", escape(v));
        }
        out.push('\n');
    }
    out
}

/// Backslash before every ASCII punctuation character that markdown may read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '~'
                | '|'
                | '&'
                | '!'
                | '#'
                | '('
                | ')'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as a markdown link destination that reads back as the same URL: spaces, angle brackets,
/// controls and non-ASCII percent-encoded (none of them may stand in a URL as written), parentheses and
/// backslashes escaped with a backslash (`a_(b)` stays `a_(b)`, not `a_%28b%29`, which a server may read
/// as another address).
pub fn link_destination(u: &str) -> String {
    const DESTINATION: &AsciiSet = &CONTROLS.add(b' ').add(b'<').add(b'>');
    let encoded = utf8_percent_encode(u, DESTINATION).to_string();
    let mut out = String::with_capacity(encoded.len());
    for c in encoded.chars() {
        if matches!(c, '(' | ')' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    fn record(title: &str, venue: Option<&str>, url: Option<&str>) -> Record {
        Record {
            work: String::new(),
            title: title.into(),
            venue: venue.map(Into::into),
            year: None,
            authors: None,
            affiliations: Vec::new(),
            links: url
                .map(|u| vec![("Paper".to_string(), u.to_string())])
                .unwrap_or_default(),
            link_kinds: url
                .map(|_| vec![crate::model::LinkKind::Paper])
                .unwrap_or_default(),
        }
    }

    /// Each item's link text and destination, and the text after the link.
    fn items(md: &str) -> Vec<(String, Option<String>, String)> {
        let mut out = Vec::new();
        let mut in_link = false;
        for e in Parser::new(md) {
            match e {
                Event::Start(Tag::Item) => out.push((String::new(), None, String::new())),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    in_link = true;
                    out.last_mut().unwrap().1 = Some(dest_url.to_string());
                }
                Event::End(TagEnd::Link) => in_link = false,
                Event::Text(t) | Event::Code(t) => {
                    let item = out.last_mut().unwrap();
                    if in_link {
                        item.0.push_str(&t);
                    } else {
                        item.2.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_destination_reads_back_as_the_url() {
        for (u, back) in [
            ("https://en.wikipedia.org/wiki/Rust_(language)", None),
            ("https://x.example/a)b(c", None),
            ("https://x.example/a\\b\\(c", None),
            (
                "https://x.example/a b<c>",
                Some("https://x.example/a%20b%3Cc%3E"),
            ),
            (
                "https://x.example/café",
                Some("https://x.example/caf%C3%A9"),
            ),
        ] {
            let md = format!("- [T]({})\n", link_destination(u));
            assert_eq!(items(&md)[0].1.as_deref(), Some(back.unwrap_or(u)), "{md}");
        }
    }

    #[test]
    fn one_bullet_per_work() {
        let md = render(&[
            record("Alpha: Fast", Some("OSDI 2023"), Some("https://p/a")),
            record("Beta", None, Some("https://p/b")),
            record("Gamma", Some("arXiv 2312.07104"), None),
        ]);
        assert_eq!(
            md,
            "- [Alpha: Fast](https://p/a) — OSDI 2023\n- [Beta](https://p/b)\n- Gamma — arXiv 2312.07104\n"
        );
    }

    #[test]
    fn markup_in_titles_and_urls_reads_back_as_written() {
        let titles = [
            "A [bracketed] *starred* _under_ `code` <b>bold</b> title",
            "Back\\slash & ampersand &amp; | pipe ~~strike~~ ![img](x) # hash",
            "Parens (in) the [title](https://evil.example)",
        ];
        let records: Vec<Record> = titles
            .iter()
            .map(|t| record(t, Some("SOSP [2023]"), Some("https://p.example/a (b)<c>")))
            .collect();
        let md = render(&records);
        let got = items(&md);
        assert_eq!(got.len(), titles.len(), "{md}");
        for ((text, dest, after), t) in got.iter().zip(titles) {
            assert_eq!(text, t, "{md}");
            assert_eq!(dest.as_deref(), Some("https://p.example/a%20(b)%3Cc%3E"));
            assert_eq!(after, " — SOSP [2023]");
        }
    }
}
