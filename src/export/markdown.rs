//! Markdown: `- [Title](paper url) — Venue`, one bullet per work. Without a Paper link the title is
//! plain text; without a venue there is no dash. Markdown's punctuation in the text is escaped with
//! backslashes and a URL's spaces, parentheses and angle brackets are percent-encoded, so each bullet
//! reads back as one item with one link.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::fmt::Write;

use super::Record;

pub(super) fn render(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        let title = escape(&r.title);
        match r.paper_url() {
            Some(u) => {
                let _ = write!(out, "- [{title}]({})", url(u));
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

/// A link destination: spaces, parentheses, angle brackets, controls and non-ASCII percent-encoded.
fn url(u: &str) -> String {
    const DESTINATION: &AsciiSet = &CONTROLS.add(b' ').add(b'(').add(b')').add(b'<').add(b'>');
    utf8_percent_encode(u, DESTINATION).to_string()
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
            assert_eq!(
                dest.as_deref(),
                Some("https://p.example/a%20%28b%29%3Cc%3E")
            );
            assert_eq!(after, " — SOSP [2023]");
        }
    }
}
