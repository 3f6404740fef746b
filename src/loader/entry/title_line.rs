//! A title line followed by field lines: a paragraph that reads as a title (bold or plain, no links of
//! its own) and, right after it, field bullets (`- 论文/Paper: u`, `- Code: u`, `- OpenReview Link: u`),
//! note bullets that open with the paper's bare URL, or field paragraphs (`论文/paper：u`, `解读：[…](u)`,
//! a bare URL alone). It is a paper when those fields carry the paper (a paper label or a link to a
//! paper host); its links are the fields' links, in order, and the bullets are its notes.

use super::super::markdown::{collapse, plain, MdBlock, Tok};
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
    let mut about: Vec<(About, String)> = Vec::new();
    let mut paper = false;
    let mut used = 0;
    // The field names read so far: a name that comes again starts another entry (a template).
    let mut names: Vec<String> = Vec::new();
    for b in after {
        match b {
            MdBlock::List { items, .. } if used == 0 => {
                // The first bullet must be a field; the rest may be notes.
                let first = items.first()?;
                field_line(first.first_para(), false)?;
                for it in items {
                    if let Some(f) = field_line(it.first_para(), false) {
                        paper |= f.paper;
                        links.extend(f.links);
                        about.extend(f.about);
                    }
                }
                used = 1;
                break;
            }
            MdBlock::Para { inl, .. } => {
                let lines = lines_of(inl);
                // A page's properties come one a line (`Status: Done`), never one to a paragraph.
                let props = lines.len() > 1;
                let fields: Option<Vec<Field>> =
                    lines.iter().map(|l| field_line(l, props)).collect();
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
                    about.extend(f.about);
                }
                used += 1;
            }
            _ => break,
        }
    }
    if used == 0 || !paper {
        return None;
    }
    let head = titled(&plain(inl), links, about)?;
    Some((head, used))
}

/// A paragraph that is a whole entry, one field a line: a title line then its fields (`Title` / `url:: u`
/// / `status:: DONE`, a Logseq block's properties; `Title` / `**Link:** u` in an Obsidian callout), or
/// fields alone, one of them the title (`**Title:** …` / `**Authors:** …` / `**Link:** u`, a note
/// template's). A paper when its fields carry the paper; a line that is no field ends the fields (the
/// rest is notes). The line after the title must be a named field (`Name: …`): a title over its bare
/// links is another shape's.
pub fn in_paragraph(inl: &[Tok]) -> Option<Head> {
    if !inl.iter().any(|t| matches!(t, Tok::Break | Tok::LineBreak)) {
        return None;
    }
    from_lines(&lines_of(inl), false)
}

/// A list whose every item is one field, one of them the title (`- **Title:** …` / `- **Paper:** u`, a
/// note template's): one paper.
pub fn field_list(items: &[super::super::markdown::MdItem]) -> Option<Head> {
    // Cheap looks first: a short list of items without bullets below them, the first a field by its
    // colon.
    if !(2..=16).contains(&items.len()) || items.iter().any(|it| it.blocks.len() > 1) {
        return None;
    }
    // `**Title:** …`, `**Title**: …`: the colon is in the first or the second piece of text.
    let opens_field = (items.first()?.first_para().iter().take(2))
        .any(|t| matches!(t, Tok::Text(t, _) if t.contains([':', '：'])));
    if !opens_field {
        return None;
    }
    let lines: Vec<&[Tok]> = items.iter().map(|it| it.first_para()).collect();
    from_lines(&lines, true)
}

/// A two-column table of a note template's fields (`| Field | Value |` over `| Title | … |`, `| Link | u |`):
/// one paper, its header's line.
pub fn field_table(rows: &[super::super::markdown::Row]) -> Option<(Head, usize)> {
    let (header, body) = rows.split_first()?;
    // Cheap looks first: two columns, a few rows, one named `Title`.
    if header.cells.len() != 2 || !(2..=16).contains(&body.len()) {
        return None;
    }
    let titled = body.iter().any(|r| {
        r.cells.first().is_some_and(|c| {
            matches!(c.as_slice(), [Tok::Text(t, _)] if about_field(t.trim_matches('*')) == Some(About::Title))
        })
    });
    if !titled {
        return None;
    }
    let lines: Vec<Vec<Tok>> = body
        .iter()
        .map(|r| {
            let mut l: Vec<Tok> = r.cells.first().cloned().unwrap_or_default();
            l.push(Tok::Text(": ".into(), Default::default()));
            l.extend(r.cells.get(1).cloned().unwrap_or_default());
            l
        })
        .collect();
    let lines: Vec<&[Tok]> = lines.iter().map(Vec::as_slice).collect();
    from_lines(&lines, true).map(|h| (h, header.line))
}

/// Lines that are a title line and its fields, or fields one of which is the title (with `all`: every
/// line a field, the title one of them).
fn from_lines(lines: &[&[Tok]], all: bool) -> Option<Head> {
    let (first, rest) = lines.split_first()?;
    let opening = field_line(first, false).filter(|f| f.named);
    let mut title = match &opening {
        Some(_) => None,
        None if all || first.iter().any(|t| matches!(t, Tok::LinkStart(_))) => return None,
        None => Some(plain(first)),
    };
    let mut links: Vec<(String, String)> = Vec::new();
    let mut about: Vec<(About, String)> = Vec::new();
    let mut paper = false;
    let fields = opening
        .into_iter()
        .map(Some)
        .chain(rest.iter().map(|l| field_line(l, true)));
    for (n, f) in fields.enumerate() {
        let Some(f) = f else {
            if all {
                return None;
            }
            break;
        };
        if n == 0 && !f.named {
            return None;
        }
        paper |= f.paper;
        links.extend(f.links);
        match f.about {
            Some((About::Title, v)) if title.is_none() => title = Some(v),
            Some(a) => about.push(a),
            None => {}
        }
    }
    if !paper {
        return None;
    }
    titled(&title?, links, about)
}

/// An Obsidian callout that introduces one paper: `> [!paper]- Title` over its field lines (`**Link:**
/// u`), its links (`[paper](u) · [code](u)`) or field bullets. The callout's type is no title text.
/// Returns the head and the line of its title.
pub fn callout(inner: &[MdBlock]) -> Option<(Head, usize)> {
    let (inl, line) = match inner.first() {
        Some(MdBlock::Para { inl, line }) => (inl, *line),
        _ => return None,
    };
    // Cheap look first: a callout opens with `[!`.
    let Some(Tok::Text(t, st)) = inl.first() else {
        return None;
    };
    let (kind, rest) = t.strip_prefix("[!")?.split_once(']')?;
    if kind.is_empty()
        || !kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let rest = rest.trim_start_matches(['+', '-']).trim_start();
    // `> [!info] Metadata`: a callout named by one word is a section of the note (its fields describe
    // the note's own paper), not a paper of its own.
    let named_by = match inl.get(1) {
        Some(Tok::Text(t, _)) => format!("{rest}{t}"),
        _ => rest.to_string(),
    };
    if named_by.split_whitespace().count() < 2 {
        return None;
    }
    let mut toks: Vec<Tok> = Vec::with_capacity(inl.len());
    if !rest.is_empty() {
        toks.push(Tok::Text(rest.to_string().into(), *st));
    }
    toks.extend(inl.iter().skip(1).cloned());
    let title_only = !toks
        .iter()
        .any(|t| matches!(t, Tok::Break | Tok::LineBreak));
    let head = if title_only {
        let after: Vec<&MdBlock> = inner.iter().skip(1).collect();
        recognise(&toks, &after).map(|(h, _)| h)
    } else {
        in_paragraph(&toks).or_else(|| titled_body(&toks))
    }?;
    Some((head, line))
}

/// A callout's title line over a body that links the paper (`Ann Smith, Bo Li — OWL 2024` / `[paper](u)
/// · [code](u)`): the title, the body's links, and the authors and venue beside them.
fn titled_body(toks: &[Tok]) -> Option<Head> {
    let lines = lines_of(toks);
    let (first, body) = lines.split_first()?;
    if first.iter().any(|t| matches!(t, Tok::LinkStart(_))) {
        return None;
    }
    let mut links: Vec<(String, String)> = Vec::new();
    let mut text = String::new();
    for l in body {
        let mut depth = 0usize;
        for t in l.iter() {
            match t {
                Tok::LinkStart(_) => depth += 1,
                Tok::LinkEnd => depth = depth.saturating_sub(1),
                Tok::Text(s, _) if depth == 0 => text.push_str(s),
                _ => {}
            }
        }
        text.push_str(" · ");
        links.extend(
            super::super::markdown::links(l)
                .into_iter()
                .filter(|(_, u)| super::inline::outside(u)),
        );
    }
    let paper = links.iter().any(|(l, u)| {
        kind::label_kind(l) == Some(LinkKind::Paper)
            || (kind::label_kind(l).is_none() && url_kind::on_paper_host(u))
    });
    if !paper {
        return None;
    }
    let (authors, venue) = super::fields::about(&text);
    let mut about = Vec::new();
    about.extend(authors.map(|a| (About::Authors, a)));
    about.extend(venue.map(|v| (About::Venue, v)));
    titled(&plain(first), links, about)
}

/// The head of a title line (its text) with its fields' links and what they say of the paper: `None`
/// when the text does not read as a title.
fn titled(text: &str, links: Vec<(String, String)>, about: Vec<(About, String)>) -> Option<Head> {
    let text = reader::undecorate(text);
    // `[[Title]]`: a note-taking app's link to the paper's own note names it.
    let text = match text.contains("[[") {
        true => super::inline::unwiki(&text).unwrap_or(text),
        false => text,
    };
    let text = unnamed(&text);
    let words = text.split_whitespace().count();
    if words == 0 || words > 40 || text.ends_with([':', '：']) || !reader::reads_as_title(text) {
        return None;
    }
    let mut head = clean_title(text);
    if head.title.is_empty() {
        return None;
    }
    for (a, v) in about {
        match a {
            About::Authors => head.authors = head.authors.or(Some(v)),
            About::Venue => head.venue = head.venue.or(Some(v)),
            About::Title | About::Other => {}
        }
    }
    head.shape = Shape::TitleLine;
    head.links = links;
    head.paper_label = true;
    Some(head)
}

/// A field line's links, and whether it carries the paper.
struct Field {
    /// The field's name, lowercase (`论文/paper`); empty for a bare URL.
    name: String,
    links: Vec<(String, String)>,
    paper: bool,
    /// What a field without links says of the paper (`著者：…`, `Venue: …`).
    about: Option<(About, String)>,
    /// The field is named before a colon (`Code: u`), not links that name themselves or a bare URL.
    named: bool,
}

/// What a field that links nothing says of its paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum About {
    Title,
    Authors,
    Venue,
    /// A note (`一言：…`, `Summary: …`, `Year: …`).
    Other,
}

/// Names of fields that describe a paper without linking it, in English, Chinese, Japanese and Korean.
const ABOUT_FIELDS: &[(&str, About)] = &[
    ("title", About::Title),
    ("标题", About::Title),
    ("题目", About::Title),
    ("題目", About::Title),
    ("タイトル", About::Title),
    ("제목", About::Title),
    ("author", About::Authors),
    ("authors", About::Authors),
    ("作者", About::Authors),
    ("著者", About::Authors),
    ("저자", About::Authors),
    ("venue", About::Venue),
    ("conference", About::Venue),
    ("会议", About::Venue),
    ("会議", About::Venue),
    ("学会", About::Venue),
    ("학회", About::Venue),
    ("year", About::Other),
    ("summary", About::Other),
    ("tl;dr", About::Other),
    ("keywords", About::Other),
    ("摘要", About::Other),
    ("一言", About::Other),
    ("概要", About::Other),
    ("要約", About::Other),
    ("요약", About::Other),
];

/// What a field's name says it describes (`著者` → the authors), when it is one of [`ABOUT_FIELDS`].
pub fn about_field(name: &str) -> Option<About> {
    let name = name.trim();
    // Cheap look first: the names are short.
    if name.is_empty() || name.len() > 12 {
        return None;
    }
    ABOUT_FIELDS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, a)| *a)
}

/// A title without the name of its field or session before it (`제목: Title`, `タイトル：Title`,
/// `第5回：Title`, the fifth meeting of a reading group).
pub fn unnamed(text: &str) -> &str {
    let Some((name, rest)) = text.split_once([':', '：']) else {
        return text;
    };
    let name = name.trim();
    let session = name
        .strip_prefix('第')
        .and_then(|n| n.strip_suffix('回'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let rest = rest.trim();
    if !rest.is_empty() && (session || about_field(name) == Some(About::Title)) {
        rest
    } else {
        text
    }
}

/// The lines of a paragraph (split at its line breaks).
fn lines_of<'s, 'a>(inl: &'s [Tok<'a>]) -> Vec<&'s [Tok<'a>]> {
    inl.split(|t| matches!(t, Tok::Break | Tok::LineBreak))
        .filter(|l| !l.is_empty())
        .collect()
}

/// `Label: value` where the label is a link label (with `props`, in a paragraph of several lines, any
/// property: `Status: Done`) (`论文/Paper:`, `代码/code：None`, `OpenReview Link:`,
/// `解读：[…](u)`, `代码/codehttps://…`), or a bare URL alone. `None` for anything else.
fn field_line(inl: &[Tok], props: bool) -> Option<Field> {
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
        // `URL:: u`: an attribute of Roam, Logseq or Dataview.
        Some((n, v)) => (n.trim(), v.strip_prefix(':').unwrap_or(v).trim()),
        None => (label, ""),
    };
    // `著者：Ann Smith`, `Venue: OWL 2020`: a field that describes the paper without a link; `Status:
    // Done`, `status:: DONE`, a property a note-taking app (Notion, Logseq) writes under a page's title.
    if links.is_empty() && label.contains([':', '：']) {
        // An attribute (`status:: DONE`) is one wherever it stands.
        let attribute = label.contains("::");
        let property = (attribute || (props && name.starts_with(char::is_uppercase)))
            && is_property(name, value);
        let about = about_field(name).or_else(|| property.then_some(About::Other));
        if let Some(a) = about {
            return Some(Field {
                name: name.to_lowercase(),
                links: Vec::new(),
                paper: false,
                about: Some((a, collapse(value))),
                named: true,
            });
        }
    }
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
            // `Source:: [arXiv](u)`: a field of no kind whose link says it is the paper.
            || (label_kind.is_none()
                && outside
                    .iter()
                    .any(|(l, _)| kind::label_kind(l) == Some(LinkKind::Paper)))
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
        about: None,
        named: !name.is_empty() && label.contains([':', '：']),
    })
}

/// A property's name and value (`Status: Done`, `Files & media: owl.pdf`): a name of three words at
/// most, a short value.
fn is_property(name: &str, value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 80
        && name.len() <= 24
        && name.split_whitespace().count() <= 3
        && name.chars().next().is_some_and(char::is_alphabetic)
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
