//! Writing one paper into a notes file, in the format of the entries around it: pure text in, text out
//! (the runtime reads and writes the file). The new entry goes right after the whole item of the paper
//! it follows (its affiliations and takeaways included), and copies that item's shape:
//!
//! - its indentation and bullet (`*`, `-`, `+`) or number (`3.` → `4.`, `3)` → `4)`) and the spaces after;
//! - its link style: a title that is a link (`[Title](url)`, more links after it as the item has them),
//!   a title followed by a link group (`\[[Paper](url)]`, `[[Paper](url)]`, `[Paper](url)`), a bold title
//!   (`**Title.**`), or a plain title when it has no links and none are given;
//! - the indentation and bullet of its nested bullets for the affiliations (`  * PKU & ByteDance`);
//! - the file's line ending (LF, CRLF or CR), and a blank line before it when the list is loose.
//!
//! Nothing else changes: every byte before and after the inserted lines stays as it was (a file that
//! did not end with a line ending gets one before the entry, which then ends the file without one).

/// The paper to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    /// `(label, url)`, in order.
    pub links: Vec<(String, String)>,
    pub affiliations: Vec<String>,
}

/// How the paper being followed was written, as the loader read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `[Title](url)`.
    TitleLink,
    /// `**Title.** …`.
    BoldTitle,
    /// Anything else: a title, then its links.
    Plain,
}

/// Why the entry cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("line {0} is not there any more")]
    NoLine(usize),
    #[error("line {0} is not a list item")]
    NotAnItem(usize),
    #[error("the title is empty")]
    NoTitle,
}

/// The text with `entry` written after the item that starts on `after_line` (1-based), and the line
/// (1-based) where the new entry starts.
pub fn insert(
    text: &str,
    after_line: usize,
    shape: Shape,
    entry: &Entry,
) -> Result<(String, usize), WriteError> {
    let title = clean(&entry.title);
    if title.is_empty() {
        return Err(WriteError::NoTitle);
    }
    let lines = split_lines(text);
    let at = after_line.checked_sub(1).ok_or(WriteError::NoLine(0))?;
    let anchor = lines.get(at).ok_or(WriteError::NoLine(after_line))?;
    let item = Item::parse(anchor.text).ok_or(WriteError::NotAnItem(after_line))?;
    let eol = anchor_eol(&lines, at);

    // The item's extent: its lines until one as little indented as its bullet (blank lines inside).
    let mut last = at;
    let mut child: Option<(String, String)> = None;
    for (i, l) in lines.iter().enumerate().skip(at + 1) {
        if l.text.trim().is_empty() {
            continue;
        }
        if indent_width(l.text) <= indent_width(&item.indent) {
            break;
        }
        if child.is_none() {
            if let Some(c) = Item::parse(l.text) {
                child = Some((c.indent.clone(), c.bullet_for_child()));
            }
        }
        last = i;
    }
    let (child_indent, child_bullet) = child.unwrap_or_else(|| {
        (
            format!("{}{}", item.indent, " ".repeat(item.content_column())),
            nested_bullet(&lines, &item),
        )
    });
    let loose = at > 0
        && lines[at - 1].text.trim().is_empty()
        && lines[..at - 1]
            .iter()
            .rev()
            .find(|l| !l.text.trim().is_empty())
            .is_some_and(|l| {
                !l.text.trim_start().starts_with('#')
                    && indent_width(l.text) >= indent_width(&item.indent)
            });

    let mut new_lines = Vec::new();
    if loose {
        new_lines.push(String::new());
    }
    // A list numbered `1.` `1.` `1.` (markdown counts for it) goes on so.
    let same_number = lines[..at]
        .iter()
        .rev()
        .filter(|l| !l.text.trim().is_empty())
        .find(|l| indent_width(l.text) <= indent_width(&item.indent))
        .and_then(|l| Item::parse(l.text))
        .is_some_and(|prev| prev.indent == item.indent && prev.marker == item.marker);
    let marker = if same_number {
        item.marker_text()
    } else {
        item.next_marker()
    };
    new_lines.push(format!(
        "{}{}{}{}",
        item.indent,
        marker,
        item.gap,
        body(&title, &entry.links, shape, anchor.text)
    ));
    let affiliations: Vec<String> = entry
        .affiliations
        .iter()
        .map(|a| clean(a))
        .filter(|a| !a.is_empty())
        .collect();
    if !affiliations.is_empty() {
        new_lines.push(format!(
            "{child_indent}{child_bullet} {}",
            affiliations.join(" & ")
        ));
    }

    // Bytes up to the end of the item's last line, the new lines, then the rest untouched.
    let end = &lines[last];
    let mut out = String::with_capacity(text.len() + 256);
    let cut = end.start + end.text.len() + end.eol.len();
    out.push_str(text.get(..cut).unwrap_or(text));
    let at_end = cut >= text.len();
    if end.eol.is_empty() {
        out.push_str(eol);
    }
    let count = new_lines.len();
    for (i, l) in new_lines.iter().enumerate() {
        out.push_str(l);
        if i + 1 < count || !(at_end && end.eol.is_empty()) {
            out.push_str(eol);
        }
    }
    out.push_str(text.get(cut..).unwrap_or(""));
    let first = last + 2 + usize::from(loose);
    Ok((out, first))
}

/// One line of the text: where it starts, its text, its line ending.
struct LineRef<'a> {
    start: usize,
    text: &'a str,
    eol: &'a str,
}

fn split_lines(text: &str) -> Vec<LineRef<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, eol, len) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = rest.get(..i).unwrap_or("");
                let eol = if rest.get(i..i + 2) == Some("\r\n") {
                    "\r\n"
                } else {
                    rest.get(i..i + 1).unwrap_or("\n")
                };
                (line, eol, i + eol.len())
            }
            None => (rest, "", rest.len()),
        };
        out.push(LineRef {
            start,
            text: line,
            eol,
        });
        start += len;
        rest = rest.get(len..).unwrap_or("");
    }
    out
}

/// The line ending to write: the followed line's, else the file's first, else LF.
fn anchor_eol<'a>(lines: &[LineRef<'a>], at: usize) -> &'a str {
    let own = lines[at].eol;
    if !own.is_empty() {
        return own;
    }
    lines
        .iter()
        .map(|l| l.eol)
        .find(|e| !e.is_empty())
        .unwrap_or("\n")
}

/// Columns of leading white space (a tab to the next multiple of 4).
fn indent_width(line: &str) -> usize {
    let mut w = 0;
    for c in line.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w += 4 - w % 4,
            _ => break,
        }
    }
    w
}

/// A list item's first line, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    /// The white space before the marker, as written.
    indent: String,
    /// `*`, `-`, `+`, or a number with `.` or `)`.
    marker: Marker,
    /// The white space between the marker and the text.
    gap: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
    Bullet(char),
    Number(u64, char),
}

impl Item {
    fn parse(line: &str) -> Option<Item> {
        let rest = line.trim_start_matches([' ', '\t']);
        let indent = line.get(..line.len() - rest.len())?.to_string();
        let (marker, after) = match rest.chars().next()? {
            c @ ('*' | '-' | '+') => (Marker::Bullet(c), rest.get(1..)?),
            c if c.is_ascii_digit() => {
                let digits = rest.find(|c: char| !c.is_ascii_digit())?;
                let n: u64 = rest.get(..digits)?.parse().ok()?;
                let delim = rest.get(digits..)?.chars().next()?;
                if !matches!(delim, '.' | ')') || digits > 9 {
                    return None;
                }
                (Marker::Number(n, delim), rest.get(digits + 1..)?)
            }
            _ => return None,
        };
        let text = after.trim_start_matches([' ', '\t']);
        let gap = after.get(..after.len() - text.len())?;
        if gap.is_empty() || text.is_empty() {
            return None;
        }
        Some(Item {
            indent,
            marker,
            gap: gap.to_string(),
        })
    }

    fn marker_text(&self) -> String {
        match self.marker {
            Marker::Bullet(c) => c.to_string(),
            Marker::Number(n, d) => format!("{n}{d}"),
        }
    }

    fn next_marker(&self) -> String {
        match self.marker {
            Marker::Bullet(c) => c.to_string(),
            Marker::Number(n, d) => format!("{}{d}", n + 1),
        }
    }

    /// The column where the item's text starts, relative to its indentation.
    fn content_column(&self) -> usize {
        let marker = match self.marker {
            Marker::Bullet(_) => 1,
            Marker::Number(n, _) => n.to_string().len() + 1,
        };
        marker + self.gap.chars().count()
    }

    /// The bullet a nested item of this one is written with (a number restarts at 1).
    fn bullet_for_child(&self) -> String {
        match self.marker {
            Marker::Bullet(c) => c.to_string(),
            Marker::Number(_, d) => format!("1{d}"),
        }
    }
}

/// The bullet for a nested line when the followed item has none: a nested bullet elsewhere in the
/// file, else the item's own bullet, else `*`.
fn nested_bullet(lines: &[LineRef], item: &Item) -> String {
    lines
        .iter()
        .filter(|l| indent_width(l.text) > 0)
        .filter_map(|l| Item::parse(l.text))
        .find_map(|i| match i.marker {
            Marker::Bullet(c) => Some(c.to_string()),
            Marker::Number(..) => None,
        })
        .or(match item.marker {
            Marker::Bullet(c) => Some(c.to_string()),
            Marker::Number(..) => None,
        })
        .unwrap_or_else(|| "*".into())
}

/// The entry's text after its marker, in the followed item's style.
fn body(title: &str, links: &[(String, String)], shape: Shape, anchor: &str) -> String {
    let links: Vec<(String, String)> = links
        .iter()
        .map(|(l, u)| (clean(l), url(u)))
        .filter(|(_, u)| !u.is_empty())
        .map(|(l, u)| (if l.is_empty() { "Link".into() } else { l }, u))
        .collect();
    let escaped = escape(title);
    let (head, rest) = match (shape, links.split_first()) {
        (Shape::TitleLink, Some(((_, u), rest))) => (format!("[{escaped}]({u})"), rest),
        (Shape::BoldTitle, _) => {
            let stop = if title.ends_with(['.', '?', '!']) {
                ""
            } else {
                "."
            };
            // `**Title.**` or, as some lists write it, `**Title**.`
            let outside = Item::parse(anchor)
                .and_then(|_| anchor.split_once("**"))
                .and_then(|(_, rest)| rest.split_once("**"))
                .is_some_and(|(_, after)| after.starts_with('.'));
            let head = if outside {
                format!("**{escaped}**{stop}")
            } else {
                format!("**{escaped}{stop}**")
            };
            (head, &links[..])
        }
        _ => (escaped, &links[..]),
    };
    if rest.is_empty() {
        return head;
    }
    let group = GroupStyle::of(anchor, shape);
    let mut out = head;
    for (label, u) in rest {
        out.push(' ');
        out.push_str(&group.link(label, u));
    }
    out
}

/// How the followed item writes its link group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupStyle {
    /// `\[[Paper](u)]`, the notes' own format.
    Escaped,
    /// `[[Paper](u)]`.
    Bracketed,
    /// `[Paper](u)`.
    Bare,
}

impl GroupStyle {
    fn of(anchor: &str, shape: Shape) -> GroupStyle {
        if anchor.contains("\\[[") {
            GroupStyle::Escaped
        } else if anchor.contains("[[") {
            GroupStyle::Bracketed
        } else if anchor.contains("](") && shape != Shape::TitleLink {
            GroupStyle::Bare
        } else {
            GroupStyle::Escaped
        }
    }

    fn link(self, label: &str, url: &str) -> String {
        let label = escape(label);
        match self {
            GroupStyle::Escaped => format!("\\[[{label}]({url})]"),
            GroupStyle::Bracketed => format!("[[{label}]({url})]"),
            GroupStyle::Bare => format!("[{label}]({url})"),
        }
    }
}

/// One line of plain text: controls and line breaks become spaces, runs of white space one.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text as written, for inside a link's brackets or a bold run: what markdown would read as markup
/// (brackets, backslashes, emphasis, code, strike-through, HTML) escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '[' | ']' | '\\' | '*' | '_' | '`' | '~' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as a link destination: one line, written so that it reads back as typed (see
/// [`crate::export::markdown::link_destination`]).
fn url(u: &str) -> String {
    crate::export::markdown::link_destination(&clean(u))
}

#[cfg(test)]
mod tests;
