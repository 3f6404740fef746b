//! BibTeX: one entry per work.
//!
//! ```bibtex
//! @inproceedings{osdi2023alpaserve,
//!   title = {{AlpaServe}: Statistical Multiplexing with Model Parallelism for Deep Learning Serving},
//!   booktitle = {OSDI 2023},
//!   year = {2023},
//!   url = {https://www.usenix.org/conference/osdi23/presentation/li-zhouhan},
//! }
//! ```
//!
//! `@inproceedings` with the venue as `booktitle` when the venue's name is a known conference, else
//! `@misc` with the venue as a `note`. The key is the first
//! author's surname, else the venue's name, then the year and the title's first word, in ASCII
//! (`osdi2023alpaserve`; other letters transliterated, `Café` → `cafe`; a title in a script without spaces gives its first two characters, `大规模…` → `dagui`); a key already taken gets `-2`, `-3`, …. In the title, words with a capital
//! past their first letter (`AlpaServe`, `LLM`) are braced so styles keep their case. TeX's special
//! characters are escaped (`\&`, `\%`, `\textbackslash{}`, `\textbraceleft{}` …) so every field's braces
//! balance; a URL is written as is (BibTeX reads it verbatim) with braces, backslashes and spaces
//! percent-encoded.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::collections::HashSet;
use std::fmt::Write;

use super::Record;
use crate::model::venue;

/// Words left out of keys.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards", "toward", "at", "by",
];

pub(super) fn render(records: &[Record]) -> String {
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = String::new();
    for r in records {
        let key = unique(key(r), &mut taken);
        let venue_name = r.venue.as_deref().map(venue::venue_name);
        let conference = venue_name.is_some_and(venue::is_conference);
        let kind = if conference { "inproceedings" } else { "misc" };
        let _ = writeln!(out, "@{kind}{{{key},");
        let _ = writeln!(out, "  title = {{{}}},", title(&r.title));
        if let Some(a) = &r.authors {
            let _ = writeln!(out, "  author = {{{}}},", escape(&authors(a)));
        }
        if let (true, Some(v)) = (conference, &r.venue) {
            let _ = writeln!(out, "  booktitle = {{{}}},", escape(v));
        }
        if let Some(y) = r.year {
            let _ = writeln!(out, "  year = {{{y}}},");
        }
        if let Some(u) = r.paper_url() {
            let _ = writeln!(out, "  url = {{{}}},", url(u));
        }
        // A venue that is only a year (`2019`) is said by `year` already, a conference's by `booktitle`.
        if let Some(v) = (r.venue.as_deref()).filter(|_| !conference && venue_name != Some("")) {
            let _ = writeln!(out, "  note = {{{}}},", escape(v));
        }
        out.push_str("}\n\n");
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `osdi2023alpaserve`: who (first author's surname, else the venue's name), when, and the title's first
/// word that is not a small one, lowercased ASCII letters and digits.
fn key(r: &Record) -> String {
    // Letters written in ASCII (`Café` → `cafe`, `Dvořák` → `dvorak`, `博士` → `boshi`), so a key keeps
    // them; anything else (an emoji, a sign) is left out.
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .filter_map(deunicode::deunicode_char)
            .flat_map(str::chars)
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let who = r
        .authors
        .as_deref()
        .and_then(|a| first_author(a).split_whitespace().last().map(ascii))
        .filter(|s| !s.is_empty())
        .or_else(|| r.venue.as_deref().map(|v| ascii(venue::venue_name(v))))
        .unwrap_or_default();
    // A title in a script written without spaces (`大规模语言模型…`) has no first word to cut at: its
    // first two characters stand for one, as `博士` does.
    let word = r
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(
            |w| match w.chars().next().map(unicode_width::UnicodeWidthChar::width) {
                Some(Some(2)) => ascii(&w.chars().take(2).collect::<String>()),
                _ => ascii(w),
            },
        )
        .find(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.as_str()))
        .unwrap_or_default();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let key = format!("{who}{year}{word}");
    if key.is_empty() {
        "work".to_string()
    } else {
        key
    }
}

fn unique(key: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = key.clone();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{key}-{n}");
    }
    taken.insert(candidate.clone());
    candidate
}

/// The authors as written, split on `,`, `;`, ` and ` and `&`.
fn author_list(a: &str) -> Vec<String> {
    a.replace(" and ", ",")
        .split([',', ';', '&'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn first_author(a: &str) -> String {
    author_list(a).into_iter().next().unwrap_or_default()
}

/// BibTeX's `A and B and others`: `et al.` becomes `others`.
fn authors(a: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for s in author_list(a) {
        let name = s
            .strip_suffix("et al.")
            .or_else(|| s.strip_suffix("et al"))
            .map(str::trim);
        match name {
            Some(n) => {
                if !n.is_empty() {
                    names.push(n.to_string());
                }
                names.push("others".to_string());
            }
            None => names.push(s),
        }
    }
    names.join(" and ")
}

/// TeX's special characters escaped; braces written as commands so every field's braces balance.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A title: escaped, with the words whose case a style must keep (a capital past the first letter)
/// in braces.
fn title(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().skip(1).any(char::is_uppercase) {
            out.push('{');
            out.push_str(word);
            out.push('}');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in t.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push_str(&escape(&c.to_string()));
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A URL as BibTeX reads it (verbatim): braces, backslashes, white space, controls and non-ASCII
/// percent-encoded.
fn url(u: &str) -> String {
    const BIBTEX: &AsciiSet = &CONTROLS.add(b' ').add(b'{').add(b'}').add(b'\\');
    utf8_percent_encode(u, BIBTEX).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use biblatex::{Bibliography, ChunksExt};

    fn record(title: &str, venue: Option<&str>, year: Option<u16>) -> Record {
        Record {
            work: crate::model::work::key(title),
            title: title.into(),
            venue: venue.map(Into::into),
            year,
            authors: None,
            affiliations: Vec::new(),
            links: vec![("Paper".into(), format!("https://p.example/{}", title.len()))],
            link_kinds: vec![crate::model::LinkKind::Paper],
        }
    }

    #[test]
    fn an_entry_per_work_with_title_url_year_and_venue() {
        let r = record(
            "AlpaServe: Statistical Multiplexing with Model Parallelism",
            Some("OSDI 2023"),
            Some(2023),
        );
        assert_eq!(
            render(&[r]),
            "@inproceedings{osdi2023alpaserve,\n  \
             title = {{AlpaServe}: Statistical Multiplexing with Model Parallelism},\n  \
             booktitle = {OSDI 2023},\n  year = {2023},\n  url = {https://p.example/58},\n}\n"
        );
        // Not a conference: `@misc`, the venue as a note.
        let misc = render(&[record(
            "The Owl Report",
            Some("Owl Workshop 2023"),
            Some(2023),
        )]);
        assert!(
            misc.starts_with("@misc{") && misc.contains("note = {Owl Workshop 2023}"),
            "{misc}"
        );
    }

    #[test]
    fn a_venue_that_is_only_a_year_is_not_a_key_or_a_note() {
        let r = record(
            "DistilBERT, a distilled version of BERT",
            Some("2019"),
            Some(2019),
        );
        assert_eq!(
            render(&[r]),
            "@misc{2019distilbert,\n  title = {{DistilBERT}, a distilled version of {BERT}},\n  \
             year = {2019},\n  url = {https://p.example/39},\n}\n"
        );
    }

    #[test]
    fn keys_are_unique_and_misc_is_the_default() {
        let mut a = record("The Alpha System", Some("arXiv 2312.07104"), Some(2023));
        a.authors = Some("Ann Lee, Bo Chen et al.".into());
        let b = a.clone();
        let c = record("🔥 ✓", None, None);
        let d = record("On the LLM", None, Some(2020));
        let mut e = record("Ünïcödé Naïve Café: Résumé", None, Some(2023));
        e.authors = Some("Antonín Dvořák, Zoë Ng".into());
        let f = record("博士 🔥", None, Some(2021));
        let g = record("大规模语言模型推理系统的高效调度", None, Some(2024));
        let out = render(&[a, b, c, d, e, f, g]);
        let keys: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix('@')).collect();
        assert_eq!(
            keys,
            vec![
                "misc{lee2023alpha,",
                "misc{lee2023alpha-2,",
                "misc{work,",
                "misc{2020llm,",
                "misc{dvorak2023unicode,",
                "misc{2021boshi,",
                "misc{2024dagui,",
            ]
        );
        assert!(
            out.contains("  author = {Ann Lee and Bo Chen and others},\n"),
            "{out}"
        );
        assert!(out.contains("  title = {On the {LLM}},\n"), "{out}");
        assert!(!out.contains("booktitle"), "{out}");
    }

    #[test]
    fn hostile_titles_parse_back_whole() {
        let titles = [
            "Braces {open and } close } }",
            "Back\\slash and 100% of $5 & #1 under_score ~tilde^caret",
            "Quotes \"double\" and 'single', @at, comma, = equals",
            "Unbalanced {{{ only",
            "CJK 博士这五年 and emoji 🔥",
            "Ends with a backslash \\",
        ];
        let records: Vec<Record> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut r = record(t, Some("SOSP 2023"), Some(2023));
                r.links = vec![(
                    "Paper".into(),
                    format!("https://x.example/a{{b}}\\c d%20e#{i}"),
                )];
                r.venue = Some("SOSP 2023 & {friends}".into());
                r
            })
            .collect();
        let out = render(&records);
        let bib = Bibliography::parse(&out).unwrap_or_else(|e| panic!("{e:?}\n{out}"));
        assert_eq!(bib.len(), titles.len(), "{out}");
        for (entry, t) in bib.iter().zip(titles) {
            let got = entry.title().unwrap().format_verbatim();
            // Braced words read back without their braces.
            assert_eq!(got, *t, "{out}");
            let u = entry.url().unwrap();
            assert!(
                u.starts_with("https://x.example/a%7Bb%7D%5Cc%20d%20e#"),
                "{u}"
            );
            assert_eq!(
                entry.get("booktitle").unwrap().format_verbatim(),
                "SOSP 2023 & {friends}"
            );
        }
    }
}
