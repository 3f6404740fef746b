//! What sections and wrappers say about the entries inside them: headings that hold no papers
//! (`References`, `Resources & Tools`, `Contributing`), `<details><summary>Topic</summary>` blocks, and a
//! paragraph of bold text only (`**2024**`) that names the list after it.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::super::markdown::{collapse, Tok};

/// Words of a heading that announce something other than papers.
const NOT_PAPER_WORDS: &[&str] = &[
    "references",
    "acknowledgements",
    "acknowledgments",
    "acknowledgement",
    "resources",
    "tools",
    "software",
    "code",
    "codebase",
    "codebases",
    "libraries",
    "tool",
    "toolbox",
    "toolboxes",
    "frameworks",
    "dataset",
    "datasets",
    "competition",
    "competitions",
    "tutorial",
    "tutorials",
    "courses",
    "lectures",
    "blogs",
    "people",
    "researchers",
    "videos",
    "talks",
    "podcasts",
    "books",
    "contributing",
    "contributors",
    "contribute",
    "contribution",
    "license",
    "licence",
    "citation",
    "citing",
    "cite",
    "contact",
    "history",
    "star",
    "repositories",
    "repository",
    "repos",
    "awesome",
    "websites",
    "news",
    "updates",
    "changelog",
    "faq",
    "errata",
    "sponsors",
    // `## Related` in one paper's note: links to other notes and readings, not a list of papers.
    "related",
    "acronyms",
    "abbreviations",
    "glossary",
    "terminology",
];

/// Words that may stand beside those without changing what the heading announces.
const FILLER: &[&str] = &[
    "other",
    "and",
    "of",
    "the",
    "useful",
    "more",
    "our",
    "further",
    "additional",
    "see",
    "also",
    "list",
    "lists",
    "misc",
    "table",
    "how",
    "to",
    "a",
    "for",
];

/// Words that announce no papers beside one of [`NOT_PAPER_WORDS`] (`Datasets and Benchmarks`: a
/// benchmark is a dataset there), though alone they head a topic of papers (`Benchmarks`).
const BESIDE_NOT_PAPER: &[&str] = &["benchmark", "benchmarks"];

/// Does a heading's title announce a section without papers (`References`, `Resources & Tools`,
/// `Other Related Awesome Repository`, `Star History`)? Every word must say so (`Resource Manager` is a
/// topic).
pub fn holds_no_papers(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()) && !FILLER.contains(w))
        .collect();
    words.iter().any(|w| NOT_PAPER_WORDS.contains(w))
        && words
            .iter()
            .all(|w| NOT_PAPER_WORDS.contains(w) || BESIDE_NOT_PAPER.contains(w))
}

/// A `<details>` wrapper event in raw HTML.
#[derive(Debug, Clone, PartialEq)]
pub enum Wrap {
    /// `<details>` opens.
    Open,
    /// A `<summary>` that names a topic (not a button's label such as `Toggle`).
    Summary(String),
    /// `</details>` closes.
    Close,
}

/// Summary texts that are a button's label, not a topic.
const BUTTON_WORDS: &[&str] = &[
    "toggle", "click", "expand", "show", "more", "details", "open", "collapse", "hide", "view",
];

/// The `<details>`/`</details>` tags of an HTML block, in order, with each one's `<summary>` text.
/// Unbalanced or broken tags give what can be read; nothing here fails.
pub fn wraps(html: &str) -> Vec<Wrap> {
    // ASCII lower-casing keeps every byte where it was: an offset in `lower` is one in `html`, and
    // `get` refuses one that is not a boundary rather than panicking.
    let lower = html.to_ascii_lowercase();
    let mut out: Vec<Wrap> = Vec::new();
    for (at, _) in lower.match_indices('<') {
        let Some(rest) = lower.get(at..) else {
            continue;
        };
        if rest.starts_with("</details") {
            out.push(Wrap::Close);
        } else if rest.starts_with("<details") {
            out.push(Wrap::Open);
        } else if rest.starts_with("<summary") {
            let start = rest.find('>').map(|k| at + k + 1);
            let end = rest.find("</summary").map(|k| at + k);
            let Some(inner) = start.zip(end).and_then(|(s, e)| html.get(s..e)) else {
                continue;
            };
            let text = collapse(&strip_tags(inner));
            let button = text.is_empty()
                || text.to_lowercase().split_whitespace().all(|w| {
                    BUTTON_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
                });
            if !button {
                out.push(Wrap::Summary(text));
            }
        }
    }
    out
}

/// Text without HTML tags (`<b>Topic</b>` → `Topic`).
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// A paragraph that is only bold text (`**2024**`, `**Vision Models**`): its text.
pub fn bold_only(inl: &[Tok]) -> Option<String> {
    let mut text = String::new();
    for t in inl {
        match t {
            Tok::Text(s, st) if st.bold => text.push_str(s),
            Tok::Text(s, _) if s.trim().is_empty() => text.push_str(s),
            Tok::Break | Tok::LineBreak => text.push(' '),
            _ => return None,
        }
    }
    let text = collapse(&text);
    let ok = !text.is_empty() && text.chars().count() <= 80 && !text.ends_with(':');
    ok.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_without_papers() {
        for t in [
            "References",
            "Resources & Tools",
            "Other Related Awesome Repository",
            "Star History",
            "Codebase",
            "Code",
            "Tutorial",
            "Researchers",
            "People",
            "Related",
            "Datasets and Benchmarks",
        ] {
            assert!(holds_no_papers(t), "{t}");
        }
        for t in [
            "Papers",
            "Datasets, Benchmarks & Surveys",
            "0. Toolkits",
            "LLM Training",
            "Industrial Products",
            "Tools and Papers",
            "Resource Manager",
            "Resource Disaggregation",
            "Code Generation",
            "Related Work",
            "Benchmarks",
        ] {
            assert!(!holds_no_papers(t), "{t}");
        }
    }

    #[test]
    fn details_and_summaries() {
        assert_eq!(
            wraps("<details open>\n<summary><b>Vision</b> models</summary>\n"),
            vec![Wrap::Open, Wrap::Summary("Vision models".into())]
        );
        assert_eq!(
            wraps("<details>\n<summary>Toggle</summary>"),
            vec![Wrap::Open]
        );
        assert_eq!(
            wraps("</details>\n<details>"),
            vec![Wrap::Close, Wrap::Open]
        );
        assert_eq!(
            wraps("<summary>stray</summary></details></details>"),
            vec![Wrap::Summary("stray".into()), Wrap::Close, Wrap::Close]
        );
    }
}
