//! Bare URLs in text (`https://arxiv.org/abs/2401.00001`, `DOI=http://dx.doi.org/…`,
//! `代码/Code:https://github.com/…`) are links, as a reader reads them: each becomes a link whose text is
//! the URL, as an autolink (`<https://…>`) does. A trailing `.`, `,`, `;`, `:`, `|` or an unbalanced `)`
//! is sentence punctuation, not part of the URL.

use super::{Inlines, Tok};

/// Turns the bare URLs in the text tokens of `inl` (outside links and code) into links.
pub fn linkify(inl: &mut Inlines) {
    // Cheap test first: most paragraphs have none.
    let any = inl
        .iter()
        .any(|t| matches!(t, Tok::Text(s, st) if !st.code && s.contains("http")));
    if !any {
        return;
    }
    let mut out = Vec::with_capacity(inl.len() + 4);
    let mut depth = 0usize;
    for tok in std::mem::take(inl) {
        match tok {
            Tok::LinkStart(_) => {
                depth += 1;
                out.push(tok);
            }
            Tok::LinkEnd => {
                depth = depth.saturating_sub(1);
                out.push(tok);
            }
            Tok::Text(s, st) if depth == 0 && !st.code && s.contains("http") => {
                let mut rest: &str = &s;
                while let Some((before, url, after)) = next_url(rest) {
                    if !before.is_empty() {
                        out.push(Tok::Text(before.to_string().into(), st));
                    }
                    out.push(Tok::LinkStart(url.to_string().into()));
                    out.push(Tok::Text(url.to_string().into(), st));
                    out.push(Tok::LinkEnd);
                    rest = after;
                }
                if !rest.is_empty() {
                    out.push(Tok::Text(rest.to_string().into(), st));
                }
            }
            t => out.push(t),
        }
    }
    *inl = out;
}

/// The first bare URL in `s`: (text before it, the URL, text after it).
fn next_url(s: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    loop {
        let at = from + s.get(from..)?.find("http")?;
        let tail = s.get(at..)?;
        let scheme = if tail.starts_with("https://") {
            8
        } else if tail.starts_with("http://") {
            7
        } else {
            from = at + 4;
            continue;
        };
        let len = tail
            .char_indices()
            .find(|&(_, c)| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '|' | '`'))
            .map_or(tail.len(), |(i, _)| i);
        let mut url = tail.get(..len)?;
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
            let unbalanced = |open: char, close: char| {
                trimmed.ends_with(close)
                    && trimmed.matches(close).count() > trimmed.matches(open).count()
            };
            let trimmed = if unbalanced('(', ')') || unbalanced('[', ']') {
                trimmed.get(..trimmed.len() - 1).unwrap_or(trimmed)
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() <= scheme + 3 || !url.get(scheme..).is_some_and(|h| h.contains('.')) {
            from = at + scheme;
            continue;
        }
        let before = s.get(..at)?;
        let after = s.get(at + url.len()..)?;
        return Some((before, url, after));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Style;

    fn urls(s: &str) -> Vec<String> {
        let mut inl = vec![Tok::Text(s.into(), Style::default())];
        linkify(&mut inl);
        inl.iter()
            .filter_map(|t| match t {
                Tok::LinkStart(u) => Some(u.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bare_urls_become_links_without_their_punctuation() {
        assert_eq!(
            urls("see https://arxiv.org/abs/2401.00001."),
            ["https://arxiv.org/abs/2401.00001"]
        );
        assert_eq!(
            urls("代码/Code:https://github.com/o/owl"),
            ["https://github.com/o/owl"]
        );
        assert_eq!(
            urls("论文/paper：https://arxiv.org/abs/2401.00002"),
            ["https://arxiv.org/abs/2401.00002"]
        );
        assert_eq!(
            urls("DOI=http://dx.doi.org/10.1/2"),
            ["http://dx.doi.org/10.1/2"]
        );
        assert_eq!(
            urls("https://arxiv.org/abs/2401.00003|"),
            ["https://arxiv.org/abs/2401.00003"]
        );
        assert_eq!(
            urls("(https://owls.example.org/a)"),
            ["https://owls.example.org/a"]
        );
        assert_eq!(
            urls("https://en.wikipedia.org/wiki/Owl_(bird)"),
            ["https://en.wikipedia.org/wiki/Owl_(bird)"]
        );
        assert!(urls("http is a protocol, https:// alone is nothing").is_empty());
    }
}
