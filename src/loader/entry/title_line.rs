//! A title line followed by field lines: a paragraph that reads as a title (bold or plain, no links of
//! its own) and, right after it, field bullets (`- 论文/Paper: u`, `- Code: u`, `- OpenReview Link: u`),
//! note bullets that open with the paper's bare URL, or field paragraphs (`论文/paper：u`, `解读：[…](u)`,
//! a bare URL alone). It is a paper when those fields carry the paper (a paper label or a link to a
//! paper host); its links are the fields' links, in order, and the bullets are its notes.

use super::super::markdown::{plain, MdBlock, Tok};
use super::super::reader::{self, kind, url_kind};
use super::{clean_title, Head, Shape};
use crate::model::LinkKind;

/// The head a title line gives, when the blocks after it are its fields: the head and how many of the
/// blocks belong to the entry.
pub fn recognise(inl: &[Tok], after: &[&MdBlock]) -> Option<(Head, usize)> {
    if inl.iter().any(|t| matches!(t, Tok::LinkStart(_))) {
        return None;
    }
    let mut links: Vec<(String, String)> = Vec::new();
    let mut paper = false;
    let mut used = 0;
    // The field names read so far: a name that comes again starts another entry (a template).
    let mut names: Vec<String> = Vec::new();
    for b in after {
        match b {
            MdBlock::List { items, .. } if used == 0 => {
                // The first bullet must be a field; the rest may be notes.
                let first = items.first()?;
                field_line(first.first_para())?;
                for it in items {
                    if let Some(f) = field_line(it.first_para()) {
                        paper |= f.paper;
                        links.extend(f.links);
                    }
                }
                used = 1;
                break;
            }
            MdBlock::Para { inl, .. } => {
                let lines = lines_of(inl);
                let fields: Option<Vec<Field>> = lines.iter().map(|l| field_line(l)).collect();
                let Some(fields) = fields else { break };
                if fields
                    .iter()
                    .any(|f| !f.name.is_empty() && names.contains(&f.name))
                {
                    break;
                }
                for f in fields {
                    names.push(f.name.clone());
                    paper |= f.paper;
                    links.extend(f.links);
                }
                used += 1;
            }
            _ => break,
        }
    }
    if used == 0 || !paper {
        return None;
    }
    let text = reader::undecorate(&plain(inl));
    let words = text.split_whitespace().count();
    if words == 0 || words > 40 || text.ends_with([':', '：']) || !reader::reads_as_title(&text) {
        return None;
    }
    let mut head = clean_title(&text);
    if head.title.is_empty() {
        return None;
    }
    head.shape = Shape::TitleLine;
    head.links = links;
    head.paper_label = true;
    Some((head, used))
}

/// A field line's links, and whether it carries the paper.
struct Field {
    /// The field's name, lowercase (`论文/paper`); empty for a bare URL.
    name: String,
    links: Vec<(String, String)>,
    paper: bool,
}

/// The lines of a paragraph (split at its line breaks).
fn lines_of<'s, 'a>(inl: &'s [Tok<'a>]) -> Vec<&'s [Tok<'a>]> {
    inl.split(|t| matches!(t, Tok::Break | Tok::LineBreak))
        .filter(|l| !l.is_empty())
        .collect()
}

/// `Label: value` where the label is a link label (`论文/Paper:`, `代码/code：None`, `OpenReview Link:`,
/// `解读：[…](u)`, `代码/codehttps://…`), or a bare URL alone. `None` for anything else.
fn field_line(inl: &[Tok]) -> Option<Field> {
    // The label: the text before the first link.
    let mut label = String::new();
    let mut at = inl.len();
    for (i, t) in inl.iter().enumerate() {
        match t {
            Tok::Text(s, _) => label.push_str(s),
            Tok::LinkStart(_) => {
                at = i;
                break;
            }
            _ => label.push(' '),
        }
    }
    let label = label.trim();
    let rest = inl.get(at..).unwrap_or(&[]);
    let links = super::super::markdown::links(rest);
    let (name, value) = match label.split_once([':', '：']) {
        Some((n, v)) => (n.trim(), v.trim()),
        None => (label, ""),
    };
    // A bare URL (or an autolink) alone: its text is its URL.
    let bare = name.is_empty() && !links.is_empty() && links.iter().all(|(t, u)| t == u);
    let named =
        !name.is_empty() && name.chars().count() <= 30 && name.split_whitespace().count() <= 4;
    let labelled = !bare && labelled_links(label, rest, &links);
    let is_field = bare
        || labelled
        || (named
            && (label.contains([':', '：']) || kind::is_link_label(name))
            && (is_none(value) || is_label_colon(value)));
    if !is_field {
        return None;
    }
    let outside: Vec<(String, String)> = links
        .into_iter()
        .filter(|(_, u)| super::inline::outside(u))
        .collect();
    // The field carries the paper when its label names the paper (`论文/Paper`, `OpenReview Link`), or
    // names no kind (a bare URL) and its link is on a paper host. `Homepage:` and `Paper List:` do not.
    let label_kind = kind::label_kind(name);
    let paper = if labelled {
        // `[paper](u) [code](u)`: the links' own labels say which is the paper.
        outside.iter().any(|(l, u)| {
            kind::label_kind(l) == Some(LinkKind::Paper)
                || (kind::label_kind(l).is_none() && url_kind::on_paper_host(u))
        })
    } else {
        label_kind == Some(LinkKind::Paper)
            || (label_kind.is_none()
                && (name.is_empty() || kind::is_link_label(name))
                && outside.iter().any(|(_, u)| url_kind::on_paper_host(u)))
    };
    let field_label = if name.is_empty() { None } else { Some(name) };
    Some(Field {
        name: name.to_lowercase(),
        links: outside
            .into_iter()
            .map(|(text, url)| {
                let label = match field_label {
                    Some(n) if text == url => n.to_string(),
                    _ => text,
                };
                (label, url)
            })
            .collect(),
        paper,
    })
}

/// A line that is only labelled links (`[paper](u)`, `[pdf](u) | [code](u)`), maybe after a short note
/// in lowercase words (`☐ skim [paper](u)`): a field whose links name themselves. `label` is the text
/// before the first link, `rest` the tokens from it on.
fn labelled_links(label: &str, rest: &[Tok], links: &[(String, String)]) -> bool {
    if links.is_empty() || label.contains([':', '：']) {
        return false;
    }
    // Between and after the links, separators only.
    let mut depth = 0usize;
    for t in rest {
        match t {
            Tok::LinkStart(_) => depth += 1,
            Tok::LinkEnd => depth = depth.saturating_sub(1),
            Tok::Text(s, _)
                if depth == 0 && !s.chars().all(|c| c.is_whitespace() || "|,/·".contains(c)) =>
            {
                return false;
            }
            _ => {}
        }
    }
    let note = reader::undecorate(label);
    let words: Vec<&str> = note.split_whitespace().collect();
    words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
        && links.iter().all(|(t, _)| kind::is_link_label(t))
}

/// What stands between a field's label and its link when it is more labels: `website:` in
/// `代码/Code: website:https://…`, `None | 介绍:` in `论文/paper：None | 介绍：https://…`.
fn is_label_colon(v: &str) -> bool {
    v.split('|').map(str::trim).all(|part| {
        is_none(part)
            || part
                .strip_suffix([':', '：'])
                .is_some_and(|l| !l.is_empty() && l.split_whitespace().count() <= 3)
    })
}

/// A field's value that says there is none (`None`, `无`, `-`, empty).
fn is_none(v: &str) -> bool {
    let v = v.trim().trim_matches('|').trim();
    v.is_empty()
        || matches!(
            v.to_lowercase().as_str(),
            "none" | "无" | "-" | "n/a" | "todo" | "tbd"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::markdown::parse;

    fn read(md: &str) -> Option<(Head, usize)> {
        let blocks = parse(md);
        let MdBlock::Para { inl, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let rest: Vec<&MdBlock> = blocks[1..].iter().collect();
        recognise(inl, &rest)
    }

    #[test]
    fn a_bold_title_with_field_bullets() {
        let (h, n) = read("**Owls Count at Night**\n\n- 论文/Paper: http://arxiv.org/pdf/2401.00001\n- 代码/Code: None\n").unwrap();
        assert_eq!(n, 1);
        assert_eq!(h.title, "Owls Count at Night");
        assert_eq!(
            h.links,
            vec![(
                "论文/Paper".to_string(),
                "http://arxiv.org/pdf/2401.00001".to_string()
            )]
        );
    }

    #[test]
    fn a_plain_title_with_a_bare_url_note() {
        let (h, _) = read("Owls Count at Night\n- https://openreview.net/forum?id=owl1\n- counting without light\n").unwrap();
        assert_eq!(h.title, "Owls Count at Night");
        assert_eq!(h.links.len(), 1);
    }

    #[test]
    fn field_paragraphs_up_to_the_next_title() {
        let md = ":heavy_check_mark: **Owls Count at Night** (OWL 2021 Oral)\n\n解读：[owl talk](https://zhuanlan.zhihu.com/p/1)\n\n论文/paper：https://arxiv.org/abs/2401.00001\n\n代码/code：https://github.com/o/owl\n\n[back](#Contents)\n";
        let (h, n) = read(md).unwrap();
        assert_eq!(n, 3);
        assert_eq!(h.title, "Owls Count at Night");
        let urls: Vec<&str> = h.links.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://zhuanlan.zhihu.com/p/1",
                "https://arxiv.org/abs/2401.00001",
                "https://github.com/o/owl"
            ]
        );
    }

    #[test]
    fn a_topic_over_a_list_of_papers_is_not_a_title_line() {
        assert!(read("**Owls**\n\n- [Owl Nets](https://arxiv.org/abs/2401.00001)\n").is_none());
        assert!(read("Some prose about owls.\n\n- a note\n").is_none());
        // Fields without the paper (only code) are a tool's.
        assert!(read("**OwlKit**\n\n- Code: https://github.com/o/owlkit\n").is_none());
    }
}
