//! The detail pane: a paper (title, breadcrumb, affiliations, numbered links, takeaways, its note page;
//! for a paper listed in several places, every place's breadcrumb and takeaways and the links of all), a
//! summary of a folder, document, section or topic, or a note page rendered.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::wrap::{truncate, width_of, wrap};
use crate::app::layout::Areas;
use crate::app::{Action, App, Focus, Mode};
use crate::model::tree::NodeKind;
use crate::model::{Block as MdBlock, DocKind, Document, Note, Paper, PaperRef, RichText};
use crate::search::Field;
use crate::text::sanitize;
use crate::theme::Theme;

/// Papers listed at most in a summary (the rest are counted).
const SUMMARY_PAPERS: usize = 300;

pub fn draw(f: &mut Frame, app: &App, areas: &Areas) {
    let th = &app.theme;
    let focused = app.focus == Focus::Detail && app.mode == Mode::Browse;
    let mut lines = content(app, areas.detail_inner.width);
    let height = areas.detail_inner.height as usize;
    // The filter's hit the keys stepped to: scrolled to, two lines of what comes before above it, and
    // shown reversed among the others.
    let hits = hits(th, &lines);
    if let Some(&(line, span)) = app.detail_hits.place(hits.len()).and_then(|i| hits.get(i)) {
        app.detail_scroll.set(line.saturating_sub(2));
        if let Some(s) = lines.get_mut(line).and_then(|l| l.spans.get_mut(span)) {
            s.style = s.style.add_modifier(Modifier::REVERSED);
        }
    }
    // The offset the keys asked for, kept within the lines drawn.
    let scroll = app.detail_scroll.clamp(lines.len().saturating_sub(height));
    let hit = app
        .detail_hits
        .shown()
        .map(|(i, n)| match n {
            0 => " · no hits here".to_string(),
            _ => format!(" · hit {} of {n}", i + 1),
        })
        .unwrap_or_default();
    let title = if lines.len() > height && height > 0 {
        format!(
            " Detail{hit} · {}% ",
            (scroll + height).min(lines.len()) * 100 / lines.len().max(1)
        )
    } else {
        format!(" Detail{hit} ")
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(focused))
        .title(title);
    f.render_widget(block, areas.detail);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    f.render_widget(Paragraph::new(visible), areas.detail_inner);
}

/// The places of a filter's words (in takeaways or a note page), in order, as (line, span): the hits
/// `]` and `[` step between. Each run of marked text is one hit wherever the text wraps, so their
/// number does not depend on the pane's width.
pub fn hits(th: &Theme, lines: &[Line]) -> Vec<(usize, usize)> {
    let hit = hit_style(th);
    let marked = |s: &Span| s.style.fg == hit.fg && s.style.add_modifier.contains(hit.add_modifier);
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let mut before = false;
        for (j, s) in l.spans.iter().enumerate() {
            // Marked text split into spans by its own styles (a bold part) is still one hit; white
            // space between two marked words is not marked, so they are two.
            let m = marked(s);
            if m && !before {
                out.push((i, j));
            }
            before = m;
        }
    }
    out
}

/// Every line of the detail pane at `width`, before scrolling.
pub fn content(app: &App, width: u16) -> Vec<Line<'static>> {
    let th = &app.theme;
    let w = width as usize;
    if w == 0 {
        return Vec::new();
    }
    let Some(sel) = app.tree_view.selected else {
        if app.loading.is_some() {
            return vec![Line::styled("Loading the notes…", th.dim())];
        }
        if app.narrowed() {
            return vec![Line::styled("Nothing matches.", th.dim())];
        }
        return vec![Line::styled("No notes loaded.", th.dim())];
    };
    let node = &app.tree.nodes[sel];
    let mut out = Vec::new();
    let marks = |text: &str| {
        if app.filter.is_active() {
            app.index
                .query_positions(text, &app.filter.parsed, Field::Takeaways)
        } else {
            Vec::new()
        }
    };
    let hl: Hl = &marks;
    match node.kind {
        NodeKind::Paper(r) => {
            if let Some(p) = app.library.paper(r) {
                paper(app, hl, sel, r, p, w, &mut out);
            }
        }
        NodeKind::Document => match node.doc.map(|d| &app.library.documents[d]) {
            Some(doc) if doc.kind == DocKind::Page => page(th, hl, doc, w, &mut out),
            _ => summary(app, sel, w, &mut out),
        },
        NodeKind::Folder | NodeKind::Section | NodeKind::Topic => summary(app, sel, w, &mut out),
    }
    out
}

fn text(s: &str, style: Style, w: usize) -> Vec<Line<'static>> {
    wrap(&[(s.to_string(), style)], w, Span::raw(""), Span::raw(""))
}

/// Marks the filter's words in a text: the character positions to highlight (none without a filter).
type Hl<'a> = &'a dyn Fn(&str) -> Vec<usize>;

/// The style of a filter's word in takeaways and note pages (what `]` and `[` step between).
fn hit_style(th: &Theme) -> Style {
    th.matched()
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

fn rich_pieces(th: &Theme, t: &RichText, base: Style, hl: Hl) -> Vec<(String, Style)> {
    let pieces = plain_pieces(th, t, base);
    let full: String = pieces.iter().map(|(s, _)| s.as_str()).collect();
    let marked = hl(&full);
    if marked.is_empty() {
        return pieces;
    }
    // Split the pieces where marking starts or stops.
    let hit = hit_style(th);
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut at = 0usize;
    let mut marked = marked.into_iter().peekable();
    for (text, style) in pieces {
        let mut cur = String::new();
        let mut cur_hit = false;
        for c in text.chars() {
            while marked.peek().is_some_and(|&m| m < at) {
                marked.next();
            }
            let is_hit = marked.peek() == Some(&at);
            if is_hit != cur_hit && !cur.is_empty() {
                let st = if cur_hit { style.patch(hit) } else { style };
                out.push((std::mem::take(&mut cur), st));
            }
            cur_hit = is_hit;
            cur.push(c);
            at += 1;
        }
        if !cur.is_empty() {
            out.push((cur, if cur_hit { style.patch(hit) } else { style }));
        }
    }
    out
}

fn plain_pieces(th: &Theme, t: &RichText, base: Style) -> Vec<(String, Style)> {
    t.0.iter()
        .map(|s| {
            let mut st = base;
            if s.style.bold {
                st = st.add_modifier(Modifier::BOLD);
            }
            if s.style.italic {
                st = st.add_modifier(Modifier::ITALIC);
            }
            if s.style.strike {
                st = st.add_modifier(Modifier::CROSSED_OUT);
            }
            if s.style.code {
                st = st.patch(th.code());
            }
            if s.link {
                st = st.patch(th.link());
            }
            (s.text.to_string(), st)
        })
        .collect()
}

fn paper(
    app: &App,
    hl: Hl,
    id: usize,
    r: PaperRef,
    p: &Paper,
    w: usize,
    out: &mut Vec<Line<'static>>,
) {
    let th = &app.theme;
    let places = app.places(r);
    out.extend(text(&p.title, th.title().add_modifier(Modifier::BOLD), w));
    out.extend(text(&app.tree.breadcrumb(id), th.dim(), w));
    let mut marks = Vec::new();
    if app.is_bookmarked(r) {
        marks.push(Span::styled("★ bookmarked", th.bookmark()));
    }
    if app.is_read(r) {
        if !marks.is_empty() {
            marks.push(Span::raw("  "));
        }
        marks.push(Span::styled("✓ read", th.dim()));
    }
    if app.is_new(r) {
        if !marks.is_empty() {
            marks.push(Span::raw("  "));
        }
        marks.push(Span::styled("new since last time", th.accent()));
    }
    if app.is_picked(r) {
        if !marks.is_empty() {
            marks.push(Span::raw("  "));
        }
        marks.push(Span::styled("✚ selected", th.accent()));
    }
    if !marks.is_empty() {
        out.push(Line::from(marks));
    }
    if !p.affiliations.is_empty() {
        out.extend(text(&p.affiliations.join(" & "), th.accent(), w));
    }
    let mut about = Vec::new();
    if let Some(v) = &p.venue {
        about.push(v.to_string());
    }
    if let Some(a) = &p.authors {
        about.push(format!("by {a}"));
    }
    if !about.is_empty() {
        out.extend(text(
            &about.join(" · "),
            Style::new().add_modifier(Modifier::ITALIC),
            w,
        ));
    }
    out.push(Line::raw(""));
    let links = app.selected_links();
    if links.is_empty() {
        out.push(Line::styled("No links.", th.dim()));
    } else {
        let mut pieces = Vec::new();
        for (key, link) in app.link_keys(&links) {
            pieces.push((format!("[{key}]"), th.key()));
            pieces.push((
                format!("\u{a0}{}", link.label.replace(' ', "\u{a0}")),
                Style::new(),
            ));
            pieces.push(("  ".into(), Style::new()));
        }
        out.extend(wrap(&pieces, w, Span::raw(""), Span::raw("")));
    }
    if places.len() > 1 {
        // Every place: its breadcrumb, and what the notes say there.
        out.push(Line::raw(""));
        let key = app
            .keymap
            .key_for(Mode::Browse, Action::NextPlace)
            .map(|k| format!(" · {k} next place"))
            .unwrap_or_default();
        out.push(Line::styled(
            format!("Listed in {} places{key}", places.len()),
            th.accent(),
        ));
        for &place in &places {
            let Some(crumb) = app.place_breadcrumb(place) else {
                continue;
            };
            let here = place == r;
            let (marker, style) = if here {
                ("▶ ", th.title())
            } else {
                ("  ", th.dim())
            };
            out.extend(wrap(
                &[(crumb, style)],
                w,
                Span::styled(marker, th.accent()),
                Span::raw("  "),
            ));
            if let Some(other) = app.library.paper(place) {
                notes(th, hl, &other.takeaways, 1, w, out);
            }
        }
    } else if !p.takeaways.is_empty() {
        out.push(Line::raw(""));
        notes(th, hl, &p.takeaways, 0, w, out);
    }
    // The paper's own note page (this place's, else another place's), when it is loaded.
    let note = places
        .iter()
        .filter_map(|&o| app.library.paper(o))
        .map(|o| (o, o.note_page()));
    let note = std::iter::once((p, p.note_page()))
        .chain(note)
        .find_map(|(_, link)| {
            let link = link?;
            let d = app.library.document_at(link.target.as_deref()?)?;
            let doc = &app.library.documents[d];
            (doc.kind == DocKind::Page).then_some((link, doc))
        });
    if let Some((link, doc)) = note {
        out.push(Line::raw(""));
        let rule = truncate(&format!("── {} · {} ", link.label, link.url), w);
        out.push(Line::styled(
            format!("{rule}{}", "─".repeat(w.saturating_sub(width_of(&rule)))),
            th.dim(),
        ));
        page(th, hl, doc, w, out);
    }
}

fn notes(th: &Theme, hl: Hl, list: &[Note], depth: usize, w: usize, out: &mut Vec<Line<'static>>) {
    // Depth is bounded by the loader (nesting is folded at 32 levels).
    let bullet = ["• ", "◦ ", "▪ ", "‣ "][depth % 4];
    let pad = "  ".repeat(depth.min(w / 4));
    for n in list {
        let first = Span::styled(format!("{pad}{bullet}"), th.dim());
        let rest = Span::raw(format!("{pad}  "));
        if let Some(code) = n.code_block() {
            out.extend(code_lines(th, code, first, rest, w));
        } else {
            out.extend(wrap(
                &rich_pieces(th, &n.text, Style::new(), hl),
                w,
                first,
                rest,
            ));
        }
        notes(th, hl, &n.children, depth + 1, w, out);
    }
}

/// A block of code, in a page or in a takeaway: its lines as they are (indentation kept), each cut to the
/// width rather than wrapped, after `first` on the first line and `rest` on the others.
fn code_lines(
    th: &Theme,
    code: &str,
    first: Span<'static>,
    rest: Span<'static>,
    w: usize,
) -> Vec<Line<'static>> {
    code.lines()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { first.clone() } else { rest.clone() };
            let room = w.saturating_sub(width_of(&lead.content));
            Line::from(vec![
                lead,
                Span::styled(truncate(&sanitize(l), room), th.code()),
            ])
        })
        .collect()
}

fn page(th: &Theme, hl: Hl, doc: &Document, w: usize, out: &mut Vec<Line<'static>>) {
    out.extend(text(&doc.title, th.title().add_modifier(Modifier::BOLD), w));
    if let Some(d) = &doc.description {
        out.extend(text(d, Style::new().add_modifier(Modifier::ITALIC), w));
    }
    out.extend(text(&doc.source, th.dim(), w));
    blocks(th, hl, &doc.body, "", w, out);
}

fn blocks(
    th: &Theme,
    hl: Hl,
    list: &[MdBlock],
    prefix: &str,
    w: usize,
    out: &mut Vec<Line<'static>>,
) {
    let first = || Span::styled(prefix.to_string(), th.dim());
    for b in list {
        match b {
            MdBlock::Heading { level, text: t, .. } => {
                out.push(Line::raw(""));
                let style = th.title().patch(if *level <= 2 {
                    th.accent()
                } else {
                    Style::new()
                });
                out.extend(wrap(&rich_pieces(th, t, style, hl), w, first(), first()));
            }
            MdBlock::Paragraph { text: t, .. } => {
                out.push(Line::raw(""));
                out.extend(wrap(
                    &rich_pieces(th, t, Style::new(), hl),
                    w,
                    first(),
                    first(),
                ));
            }
            MdBlock::List { items, .. } => {
                let mut lines = Vec::new();
                notes(
                    th,
                    hl,
                    items,
                    0,
                    w.saturating_sub(prefix.chars().count()),
                    &mut lines,
                );
                out.extend(lines.into_iter().map(|mut l| {
                    l.spans.insert(0, first());
                    l
                }));
            }
            MdBlock::Code { text: t, .. } => {
                out.push(Line::raw(""));
                out.extend(code_lines(th, t, first(), first(), w));
            }
            MdBlock::Quote { blocks: inner } => {
                blocks(th, hl, inner, &format!("{prefix}│ "), w, out);
            }
            MdBlock::Table { rows, .. } => {
                out.push(Line::raw(""));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(RichText::plain).collect();
                    out.extend(text(
                        &format!("{prefix}{}", cells.join(" │ ")),
                        Style::new(),
                        w,
                    ));
                }
            }
            MdBlock::Rule => out.push(Line::styled("─".repeat(w), th.dim())),
        }
    }
}

/// A part, folder, document, section or topic: what it is and where, its meta, how many papers, and the
/// papers below it.
fn summary(app: &App, id: usize, w: usize, out: &mut Vec<Line<'static>>) {
    let th = &app.theme;
    let node = &app.tree.nodes[id];
    out.extend(text(
        &node.title,
        th.title().add_modifier(Modifier::BOLD),
        w,
    ));
    // Where it is (nothing for a top node).
    let crumbs = app.tree.breadcrumb(id);
    if !crumbs.is_empty() {
        out.extend(text(&crumbs, th.dim(), w));
    }
    if let (NodeKind::Document, Some(doc)) =
        (node.kind, node.doc.map(|d| &app.library.documents[d]))
    {
        if doc.title != node.title {
            out.extend(text(&doc.title, th.title(), w));
        }
        if let Some(d) = &doc.description {
            out.extend(text(d, Style::new().add_modifier(Modifier::ITALIC), w));
        }
        out.extend(text(&doc.source, th.dim(), w));
        for m in &doc.meta {
            let mut pieces = Vec::new();
            if !m.key.is_empty() {
                pieces.push((format!("{}: ", m.key), th.accent()));
            }
            pieces.extend(plain_pieces(th, &m.value, Style::new()));
            out.extend(wrap(&pieces, w, Span::raw(""), Span::raw("  ")));
        }
    }
    out.push(Line::raw(""));
    // Narrowed (filter, only bookmarked, only unread): the papers the tree shows, as its counts do.
    let narrowed = app.narrowed();
    let shown = app.tree_view.shown.as_deref();
    let visible = |c: usize| shown.is_none_or(|s| s.get(c).copied().unwrap_or(false));
    let count = |c: usize| {
        if narrowed {
            app.tree_view.shown_below.get(c).copied().unwrap_or(0)
        } else {
            app.tree.nodes[c].papers
        }
    };
    let total = count(id);
    let plural = if total == 1 { "" } else { "s" };
    let is_page = |c: usize| {
        let n = &app.tree.nodes[c];
        matches!(n.kind, NodeKind::Document)
            && n.papers == 0
            && n.doc.is_some_and(|d| {
                app.library
                    .documents
                    .get(d)
                    .is_some_and(|d| d.kind == DocKind::Page)
            })
    };
    // A folder of note pages only: how many pages, not `0 papers`.
    let pages = if node.papers == 0 && !narrowed {
        let mut pages = 0;
        let mut stack: Vec<usize> = node.children.clone();
        while let Some(c) = stack.pop() {
            pages += usize::from(is_page(c));
            stack.extend(app.tree.nodes[c].children.iter().copied());
        }
        pages
    } else {
        0
    };
    out.push(Line::styled(
        if pages > 0 {
            format!(
                "{} note page{}",
                super::thousands(pages),
                if pages == 1 { "" } else { "s" }
            )
        } else if narrowed {
            format!("{total} paper{plural} shown of {}", node.papers)
        } else {
            format!("{total} paper{plural}")
        },
        th.accent(),
    ));
    // The papers below (those shown), grouped under the nearest topic.
    let mut listed = 0;
    let mut stack: Vec<usize> = node.children.iter().rev().copied().collect();
    while let Some(c) = stack.pop() {
        if !visible(c) {
            continue;
        }
        let n = &app.tree.nodes[c];
        let depth = n.depth - node.depth - 1;
        let pad = "  ".repeat(depth.min(w / 4));
        match n.kind {
            NodeKind::Paper(_) => {
                if listed == SUMMARY_PAPERS {
                    out.push(Line::styled(
                        format!("… and {} more", total.saturating_sub(listed)),
                        th.dim(),
                    ));
                    break;
                }
                listed += 1;
                out.extend(wrap(
                    &[(n.title.clone(), Style::new())],
                    w,
                    Span::styled(format!("{pad}• "), th.dim()),
                    Span::raw(format!("{pad}  ")),
                ));
            }
            // A note page has no papers to count: it says what it is, as in the side pane.
            NodeKind::Document if is_page(c) => {
                out.extend(wrap(
                    &[
                        (n.title.clone(), th.title()),
                        (" · page".to_string(), th.dim()),
                    ],
                    w,
                    Span::raw(pad.clone()),
                    Span::raw(pad.clone()),
                ));
            }
            _ => {
                out.extend(wrap(
                    &[(format!("{} ({})", n.title, count(c)), th.title())],
                    w,
                    Span::raw(pad.clone()),
                    Span::raw(pad.clone()),
                ));
                stack.extend(n.children.iter().rev());
            }
        }
    }
}
