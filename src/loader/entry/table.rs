//! A markdown table whose header has a column named like `Title`, `Paper` or `Name`: each row is a
//! paper. The title is that cell's text (the link's text when it is a link; the `Title` column wins over
//! `Paper` when both exist); every link of the row is the paper's; `Venue`/`Conference` and
//! `Date`/`Year` columns give the venue, `Authors` the authors, `Institute`/`Affiliation` the
//! affiliations, and other text cells become notes (`Notes: …`).
//!
//! A row is not a paper when the table has a separate `Paper` column and that cell has no link (`-`), or
//! when the paper's link points to a blog post, documentation, code, a video, a book or a product page.
//! A `Name` table (often tools or datasets) needs a paper link in the row. A `Publication` column is
//! the venue beside a title or paper column. A title cell that is only a label (`[arXiv](u)`) gives the
//! paper's link, and a `Method` (`Model`, `Name`…) column the title.

use super::super::markdown::{collapse, plain, rich, Inlines, Row};
use super::super::reader::url_kind::url_kind;
use super::inline::{is_link_label, segments, Seg};
use super::link_group::links;
use super::{clean_title, Head, Shape};
use crate::model::{Note, RichText};

/// A paper read from a row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowEntry {
    pub head: Head,
    pub line: usize,
    pub affiliations: Vec<String>,
    pub notes: Vec<Note>,
}

/// The roles of a table's columns.
#[derive(Debug, Default)]
struct Columns {
    title: Option<usize>,
    /// A `Paper` column apart from the title column: its cell must hold the paper's link.
    paper: Option<usize>,
    /// The title comes from a `Name` column (tools and datasets are listed that way too).
    by_name: bool,
    /// The title comes from a `Paper` column (no `Title` column): a row is a paper only when it links
    /// its paper (`| Oct 5 | [Title](u) |`); a link-less row is a schedule's note (`No meeting`).
    by_paper: bool,
    venue: Option<usize>,
    date: Option<usize>,
    authors: Option<usize>,
    affiliations: Option<usize>,
    /// A `Method` (`Model`, `Name`…) column: the title where the title column holds only a label
    /// (`[arXiv](u)`).
    fallback: Option<usize>,
    names: Vec<String>,
}

/// A header cell's name, lowercase, without markup, emoji or `:shortcodes:`.
fn header_name(cell: &Inlines) -> String {
    let text = plain(cell);
    let mut out = String::new();
    for w in text.split_whitespace() {
        if w.starts_with(':') && w.ends_with(':') && w.len() > 2 {
            continue;
        }
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
            .collect();
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w);
        }
    }
    out.to_lowercase()
}

fn columns(header: &[Inlines]) -> Option<Columns> {
    let names: Vec<String> = header.iter().map(header_name).collect();
    // The first of `opts`, in their order, that names a column.
    let find = |opts: &[&str]| opts.iter().find_map(|o| names.iter().position(|n| n == o));
    let title = find(&[
        "title",
        "paper title",
        "paper name",
        "title of paper",
        "papers title",
        // Chinese: title, subject, paper's name, paper's title.
        "标题",
        "题目",
        "论文名称",
        "论文标题",
        "论文题目",
        "论文名",
    ]);
    let paper = find(&[
        "paper",
        "papers",
        "paper link",
        "article",
        "pdf",
        "link",
        "links",
        // Chinese: paper, paper link, paper address, link.
        "论文",
        "论文链接",
        "论文地址",
        "链接",
    ]);
    // `Publication` names the paper where nothing else does, else where it was published.
    let publication = find(&["publication"]);
    let (paper, publication) = match (paper, publication) {
        (None, Some(p)) if title.is_none() => (Some(p), None),
        (paper, publication) => (paper, publication),
    };
    // `Title & Authors`, `Title and Link`: a column whose header names the title.
    let title = title.or_else(|| {
        names
            .iter()
            .position(|n| n.split_whitespace().any(|w| w == "title" || w == "titles"))
    });
    let name = find(&["name", "名称"]);
    let mut c = Columns {
        venue: find(&[
            "venue",
            "conference",
            "conf",
            "journal",
            "published",
            "publication venue",
            "venue year",
            // Chinese: conference/journal (`会议/期刊`), conference, journal, source.
            "会议期刊",
            "会议",
            "期刊",
            "来源",
            "发表于",
        ])
        .or(publication),
        fallback: find(&["method", "model", "name", "approach", "system", "algorithm"]),
        date: find(&[
            "date",
            "year",
            "time",
            "published date",
            "pub date",
            // Chinese: publication time, time, date, year.
            "发表时间",
            "时间",
            "日期",
            "年份",
        ]),
        authors: find(&["author", "authors", "first author", "作者"]),
        affiliations: find(&[
            "institute",
            "institution",
            "institutions",
            "affiliation",
            "affiliations",
            "organization",
            "org",
            "lab",
            // Chinese: the authors' institutions, institution.
            "作者单位",
            "单位",
            "机构",
        ]),
        names,
        ..Columns::default()
    };
    match (title, paper, name) {
        (Some(t), p, _) => {
            c.title = Some(t);
            c.paper = p.filter(|&p| p != t);
        }
        (None, Some(p), _) => {
            c.title = Some(p);
            c.by_paper = true;
        }
        (None, None, Some(n)) => {
            c.title = Some(n);
            c.by_name = true;
        }
        _ => return None,
    }
    Some(c)
}

/// A title cell without a title link: its text up to the first line break is the title, what follows
/// it the authors when it reads as names.
fn title_and_authors(segs: &[Seg]) -> (String, Option<String>) {
    let mut parts: Vec<String> = vec![String::new()];
    for s in segs {
        match s {
            Seg::Break { hard: true } => parts.push(String::new()),
            Seg::Text(t, _) => parts.last_mut().map_or((), |p| p.push_str(t)),
            // A label (`[arXiv]`, `[blog]`) is never title text.
            Seg::Link(l) if !l.is_badge() && !is_link_label(&l.text) => {
                parts.last_mut().map_or((), |p| p.push_str(&l.text))
            }
            _ => parts.last_mut().map_or((), |p| p.push(' ')),
        }
    }
    let parts: Vec<String> = parts
        .iter()
        .map(|p| collapse(p))
        .filter(|p| !p.is_empty())
        .collect();
    match super::super::reader::title_piece(&parts) {
        Some(i) => {
            let authors = parts
                .get(i + 1)
                .filter(|a| super::reads_as_names(a))
                .cloned();
            (parts[i].clone(), authors)
        }
        None => (parts.join(" "), None),
    }
}

/// Is the table one of papers (by its header)?
pub fn is_paper_table(rows: &[Row]) -> bool {
    rows.first().and_then(|h| columns(&h.cells)).is_some()
}

/// Is a cell empty for our purposes (`-`, `—`, `x`, `?`, `None`, `N/A`)?
fn blank(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.is_empty()
        || matches!(
            t.as_str(),
            "-" | "—" | "–" | "x" | "?" | "none" | "n/a" | "na" | "to-do" | "todo" | "tbd"
        )
}

/// The papers of a table (header first). Rows that are not papers are left out.
pub fn papers(rows: &[Row]) -> Vec<RowEntry> {
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    // `| Field | Value |` over `| Title | … |` and `| Link | u |`: a note template's fields.
    let fields = || {
        super::title_line::field_table(rows)
            .map(|(head, line)| RowEntry {
                head,
                line,
                affiliations: Vec::new(),
                notes: Vec::new(),
            })
            .into_iter()
            .collect()
    };
    let Some(cols) = columns(&header.cells) else {
        return fields();
    };
    let Some(tcol) = cols.title else {
        return fields();
    };
    let width = header.cells.len();
    let mut out = Vec::new();
    for row in body {
        let cells = &row.cells[..row.cells.len().min(width)];
        let Some(title_cell) = cells.get(tcol) else {
            continue;
        };
        let title_segs = segments(title_cell);
        // An `#anchor` link is navigation (`see [Smith et al.](#pruning)`), never the paper's.
        let title_link = title_segs.iter().find_map(|s| match s {
            Seg::Link(l) if !l.is_badge() && !is_link_label(&l.text) && !anchor(l.url) => Some(l),
            _ => None,
        });
        // The cell's pieces: the title is the one that reads as a title (badges are decoration, a label
        // such as `[Paper]` never is one); names after a line break are the authors.
        let (mut raw_title, authors) = match title_link {
            Some(l) => (l.text.to_string(), title_and_authors(&title_segs).1),
            None => title_and_authors(&title_segs),
        };
        // `1) **Title** - what it does`: the bold run is the title, the rest a description.
        let mut description = None;
        if title_link.is_none() {
            if let Some((bold, rest)) = bold_then_description(&title_segs) {
                raw_title = bold;
                description = Some(rest);
            }
        }
        // The title column holds only a label (`[arXiv](u)`): its link is the paper's, and the title
        // comes from a `Method` column.
        let mut label_link = None;
        if blank(&raw_title)
            || is_link_label(&raw_title)
            || !raw_title.chars().any(char::is_alphanumeric)
        {
            let fallback = (cols.fallback.filter(|&f| f != tcol))
                .and_then(|f| cells.get(f))
                .map(|c| collapse(&plain(c)))
                .filter(|t| !blank(t) && !is_link_label(t));
            label_link = title_segs.iter().find_map(|s| match s {
                Seg::Link(l) if !l.is_badge() && !l.url.trim().is_empty() => {
                    Some(l.url.to_string())
                }
                _ => None,
            });
            match fallback {
                Some(t) if label_link.is_some() => raw_title = t,
                _ => continue,
            }
        }
        // The link that must be a paper's: the Paper column's, else the title's own, else (a title
        // cell without a link) one in the row that is labelled as the paper or on a paper host.
        let paper_link = match cols.paper {
            Some(p) => cells.get(p).and_then(|c| {
                segments(c).into_iter().find_map(|s| match s {
                    Seg::Link(l) if !l.is_badge() && !l.url.trim().is_empty() => {
                        Some(l.url.to_string())
                    }
                    _ => None,
                })
            }),
            None => (title_link.map(|l| l.url.to_string()))
                .or(label_link)
                .or_else(|| row_paper_link(cells)),
        };
        let needs_link = cols.paper.is_some() || cols.by_name || cols.by_paper;
        match &paper_link {
            None if needs_link => continue,
            Some(u) if url_kind(u).is_not_paper() => continue,
            _ => {}
        }
        let mut head = clean_title(&raw_title);
        head.shape = Shape::TableRow;
        head.description = head.description.or(description);
        // Links, labelled by their column when their text says nothing (`link`, `here`); a text that
        // names a kind (`GitHub`, `Model`, `Dataset`) names the link, whatever its column.
        for (ci, cell) in cells.iter().enumerate() {
            for (label, url) in links(&segments(cell)) {
                let column = cols.names.get(ci).cloned().unwrap_or_default();
                // The title's and the Paper column's links are the paper's, unless their own label
                // names another kind (`[GitHub]` in a `Links` column).
                let label_kind = super::super::reader::kind::label_kind(&label);
                let other_kind = label_kind.is_some_and(|k| k != crate::model::LinkKind::Paper);
                let label = if (ci == tcol || Some(ci) == cols.paper) && !other_kind {
                    "Paper".to_string()
                } else if super::inline::is_link_label(&label)
                    && label_kind.is_none()
                    && label.split_whitespace().count() == 1
                    && !column.is_empty()
                {
                    title_case(&column)
                } else {
                    label
                };
                head.links.push((label, url));
            }
        }
        head.paper_label = paper_link.is_some();
        let cell_text = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(|c| collapse(&plain(c)))
                .filter(|t| !blank(t))
        };
        let venue = cell_text(cols.venue);
        let date = cell_text(cols.date);
        head.venue = head.venue.or(match (venue, date) {
            (Some(v), Some(d)) if !super::super::title::has_year(&v) => Some(format!("{v} {d}")),
            (Some(v), _) => Some(v),
            (None, d) => d,
        });
        head.authors = head.authors.or(cell_text(cols.authors)).or(authors);
        let affiliations = cell_text(cols.affiliations)
            .map(|a| {
                a.split(['&', '/', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        // Other columns with words in them: notes.
        let used = [
            Some(tcol),
            cols.paper,
            cols.venue,
            cols.date,
            cols.authors,
            cols.affiliations,
        ];
        let mut notes = Vec::new();
        for (ci, cell) in cells.iter().enumerate() {
            if used.contains(&Some(ci)) {
                continue;
            }
            let words: String = segments(cell)
                .iter()
                .filter_map(|s| match s {
                    Seg::Text(t, _) => Some(*t),
                    _ => None,
                })
                .collect();
            if blank(&collapse(&words)) || collapse(&words).chars().all(|c| !c.is_alphanumeric()) {
                continue;
            }
            let mut text = rich(cell);
            if let Some(name) = cols.names.get(ci).filter(|n| !n.is_empty()) {
                let label = crate::model::Span {
                    text: format!("{}: ", title_case(name)).into(),
                    ..Default::default()
                };
                text = RichText(std::iter::once(label).chain(text.0).collect());
            }
            notes.push(Note {
                text: RichText(text.0),
                line: row.line,
                children: Box::default(),
            });
        }
        out.push(RowEntry {
            head,
            line: row.line,
            affiliations,
            notes,
        });
    }
    out
}

/// A link to a place in the same page (`#pruning`): navigation.
fn anchor(url: &str) -> bool {
    url.trim_start().starts_with('#')
}

/// A title cell that is a bold run followed by ` - …` or ` — …` (`1) **Owl Nets** - a net for owls`):
/// the bold text and the description after the dash.
fn bold_then_description(segs: &[Seg]) -> Option<(String, String)> {
    let mut bold = String::new();
    let mut rest = String::new();
    for s in segs {
        match s {
            Seg::Text(t, st) if st.bold && rest.is_empty() => bold.push_str(t),
            Seg::Text(t, _) if bold.trim().is_empty() => {
                // Text before the bold run: only a number (`1)`, `2.`) may stand there.
                if !t
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ')' | '.'))
                {
                    return None;
                }
            }
            Seg::Text(t, _) => rest.push_str(t),
            Seg::Break { .. } => rest.push(' '),
            Seg::Link(l) => rest.push_str(&l.text),
        }
    }
    let rest = collapse(&rest);
    let desc = ["- ", "— ", "– "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))?;
    let bold = collapse(&bold);
    (!bold.is_empty() && !desc.trim().is_empty()).then(|| (bold, desc.trim().to_string()))
}

/// A link in the row's cells that is the paper's: labelled so (`[paper]`, `[arXiv]`) or on a paper
/// host.
fn row_paper_link(cells: &[Inlines]) -> Option<String> {
    use super::super::reader::{kind::label_kind, url_kind::on_paper_host};
    cells.iter().find_map(|c| {
        segments(c).into_iter().find_map(|s| match s {
            Seg::Link(l)
                if !l.is_badge()
                    && !l.url.trim().is_empty()
                    && !anchor(l.url)
                    && (label_kind(&l.text) == Some(crate::model::LinkKind::Paper)
                        || on_paper_host(l.url)) =>
            {
                Some(l.url.to_string())
            }
            _ => None,
        })
    })
}

/// `original code` → `Original Code`.
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::markdown::{parse, MdBlock};

    fn table(md: &str) -> Vec<RowEntry> {
        match &parse(md)[0] {
            MdBlock::Table { rows, .. } => papers(rows),
            b => panic!("unexpected {b:?}"),
        }
    }

    #[test]
    fn title_column_wins_and_rows_need_a_paper_link() {
        let md = "\
| Time | Title | Venue | Paper | Code |
| --- | --- | --- | --- | --- |
| 2024.01 | **Owls at Night (OWL)** | arXiv | [link](https://arxiv.org/abs/1) | [link](https://github.com/o/n) |
| - | **OwlKit** | Toolkit | - | [link](https://github.com/o/kit) |
| 2024.02 | **Owl Launch Post** | OwlCorp | [link](https://owl.example.com/blog/launch) | - |
";
        let rows = table(md);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.head.title, "Owls at Night (OWL)");
        assert_eq!(r.line, 3);
        assert_eq!(r.head.venue.as_deref(), Some("arXiv 2024.01"));
        let urls: Vec<&str> = r.head.links.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(urls, ["https://arxiv.org/abs/1", "https://github.com/o/n"]);
        assert_eq!(r.head.links[0].0, "Paper");
        assert_eq!(r.head.links[1].0, "Code");
    }

    #[test]
    fn paper_column_with_the_link_as_title_and_notes_cells() {
        let md = "\
| Model | Year | Institute | Paper | Notes |
| :--: | :--: | :--: | :--: | :--: |
| Owl | 2019 | Lab A/Lab B | [Counting Owls](https://arxiv.org/abs/2) | [owl notes](notes/owl.md) |
| Kit | 2021 | Lab C | [Kit Is Out](https://someone.wordpress.com/kit/) | x |
";
        let rows = table(md);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].head.title, "Counting Owls");
        assert_eq!(rows[0].affiliations, ["Lab A", "Lab B"]);
        assert_eq!(rows[0].head.links[1].1, "notes/owl.md");
        assert_eq!(rows[0].notes[0].text.plain(), "Model: Owl");
    }

    #[test]
    fn a_link_that_names_its_kind_keeps_its_label_in_a_links_column() {
        let md = "\
| Title & Authors | Tags | Links |
| --- | --- | --- |
| [Owls Prune Tokens](https://arxiv.org/abs/3)<br>Ann Smith, Bo Li | x | [Paper](https://arxiv.org/abs/3)<br> [GitHub](https://github.com/o/p)<br> [Model](https://huggingface.co/o/m)<br> [here](https://owl.example.org/p) |
";
        let rows = table(md);
        assert_eq!(rows.len(), 1);
        let labels: Vec<&str> = rows[0].head.links.iter().map(|(l, _)| l.as_str()).collect();
        // A link that says nothing in the Links (paper) column is the paper.
        assert_eq!(labels, ["Paper", "Paper", "GitHub", "Model", "Paper"]);
    }

    #[test]
    fn tables_without_a_title_column_are_not_paper_tables() {
        let md = "| Model Name | Params |\n| --- | --- |\n| Owl | 1B |\n";
        assert!(table(md).is_empty());
    }

    fn read(md: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        table(md)
            .into_iter()
            .map(|r| {
                let urls = r.head.links.iter().map(|(_, u)| u.clone()).collect();
                (r.head.title, r.head.venue, urls)
            })
            .collect()
    }

    #[test]
    fn a_publication_column_beside_a_title_or_paper_column_is_the_venue() {
        let md = "| Publication | Paper Title | Links |\n| --- | --- | --- |\n\
            | OWL 2020 | Owls Detect Mice with Transformers | [[paper]](https://arxiv.org/abs/2005.1) |\n";
        assert_eq!(
            read(md),
            [(
                "Owls Detect Mice with Transformers".to_string(),
                Some("OWL 2020".to_string()),
                vec!["https://arxiv.org/abs/2005.1".to_string()]
            )]
        );
        let md = "| Method | Publication | Paper | Code |\n| --- | --- | --- | --- |\n\
            | Hoot-3 | OWL 2023 | [Hoot-3: One Owl to Three](https://arxiv.org/abs/2303.1) | - |\n";
        assert_eq!(read(md)[0].0, "Hoot-3: One Owl to Three");
        assert_eq!(read(md)[0].1.as_deref(), Some("OWL 2023"));
    }

    #[test]
    fn a_paper_cell_that_is_only_a_label_takes_the_title_from_the_method_column() {
        let md = "| Method | Venue | Paper | Code |\n| --- | --- | --- | --- |\n\
            | Wing3D | OWL 2024 | [arXiv](https://arxiv.org/abs/2310.1) | [Code](https://github.com/o/w) |\n\
            | Talon | OWL 2024 | - | [Code](https://github.com/o/t) |\n";
        assert_eq!(
            read(md),
            [(
                "Wing3D".to_string(),
                Some("OWL 2024".to_string()),
                vec![
                    "https://arxiv.org/abs/2310.1".to_string(),
                    "https://github.com/o/w".to_string()
                ]
            )]
        );
    }

    #[test]
    fn a_name_table_row_is_a_paper_by_a_paper_link_anywhere_in_the_row() {
        let md = "|Year|Name|Links|\n|----|----|-----|\n\
            |2023|Owl Splatting for Real-Time Night Vision|[paper](https://arxiv.org/abs/2308.1) \\| [code](https://github.com/o/s)|\n\
            |2024|owlstudio|[GitHub](https://github.com/o/studio)|\n";
        let got = read(md);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Owl Splatting for Real-Time Night Vision");
        assert_eq!(got[0].2.len(), 2);
    }
}
