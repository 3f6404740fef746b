//! The side pane: the topic tree, with counts, link badges, filter highlights and a scrollbar.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use ratatui::Frame;

use super::wrap::{highlighted, truncate, width_of};
use crate::app::action::LETTERED_LINKS;
use crate::app::layout::Areas;
use crate::app::{App, Focus, Mode};
use crate::model::tree::NodeKind;
use crate::model::views::View;
use crate::model::DocKind;
use crate::search::Field;
use crate::text::sanitize;

pub fn draw(f: &mut Frame, app: &App, areas: &Areas) {
    let focused = app.focus == Focus::Tree && app.mode == Mode::Browse;
    let papers = app.library.paper_count();
    // The view: `Notes` counting papers, or `Notes by topic` and its kin counting works.
    let (view, total, unit) = match app.views.view {
        View::Navigation => ("Notes".to_string(), papers, "paper"),
        v => (format!("Notes {}", v.label()), app.works.len(), "work"),
    };
    let n = super::thousands;
    let count = if app.narrowed() {
        format!("{}/{}", n(app.tree_view.shown_papers), n(total))
    } else {
        format!("{} {unit}{}", n(total), if total == 1 { "" } else { "s" })
    };
    let mut marks = Vec::new();
    let picked = app.picked_count();
    if picked > 0 {
        marks.push(format!("{} selected", n(picked)));
    }
    if !app.news.new.is_empty() {
        marks.push(format!("{} new", n(app.news.new.len())));
    }
    // The selection and the new count matter most; then which view this is (`by venue`, the word
    // `Notes` left out first), then the count.
    let room = usize::from(areas.side.width).saturating_sub(2);
    let heads = match app.views.view {
        View::Navigation => vec![vec![format!("{view} · {count}")], vec![count], vec![]],
        v => {
            // The view's name cut to the room the marks leave (` by affili… · 3 selected `).
            let marks_width = marks.iter().map(|m| width_of(m) + 3).sum::<usize>();
            let cut = truncate(v.label(), room.saturating_sub(marks_width + 2));
            let mut heads = vec![
                vec![format!("{view} · {count}")],
                vec![format!("{} · {count}", v.label())],
                vec![v.label().to_string()],
            ];
            if width_of(&cut) >= 5 {
                heads.push(vec![cut]);
            }
            heads.extend([vec![count], vec![]]);
            heads
        }
    };
    let title = heads
        .into_iter()
        .map(|head| {
            head.into_iter()
                .chain(marks.iter().cloned())
                .collect::<Vec<_>>()
        })
        .map(|parts| format!(" {} ", parts.join(" · ")))
        .find(|t| marks.is_empty() || width_of(t) <= room)
        .unwrap_or_else(|| format!(" {} ", marks.join(" · ")));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(title);
    f.render_widget(block, areas.side);

    if areas.filter_bar.height > 0 {
        let editing = app.mode == Mode::FilterInput;
        let room = usize::from(areas.filter_bar.width).saturating_sub(1);
        let cursor = editing.then(|| app.theme.accent());
        let (input, _) = super::input::spans(&app.filter.input, room, Style::new(), cursor);
        let line = Line::from(
            std::iter::once(Span::styled("/", app.theme.key()))
                .chain(input)
                .collect::<Vec<_>>(),
        );
        f.render_widget(Paragraph::new(line), areas.filter_bar);
    }

    let area = areas.tree_rows;
    let height = area.height as usize;
    let view = &app.tree_view;
    let lines: Vec<Line> = view
        .rows
        .iter()
        .skip(view.offset)
        .take(height)
        .map(|&id| row(app, id, area.width as usize, focused))
        .collect();
    f.render_widget(Paragraph::new(lines), area);

    if view.rows.len() > height && areas.side.height > 2 {
        let mut state =
            ScrollbarState::new(view.rows.len().saturating_sub(height)).position(view.offset);
        let bar = Rect {
            y: area.y,
            height: area.height,
            ..areas.side
        };
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            bar,
            &mut state,
        );
    }
}

fn row(app: &App, id: usize, width: usize, focused: bool) -> Line<'static> {
    let node = &app.tree.nodes[id];
    let selected = app.tree_view.selected == Some(id);
    let indent = "  ".repeat(node.depth.min(width / 4));
    let open = app.narrowed() || app.tree_view.expanded[id];
    let bookmarked = node.paper().is_some_and(|r| app.is_bookmarked(r));
    let read = node.paper().is_some_and(|r| app.is_read(r));
    let picked = node.paper().is_some_and(|r| app.is_picked(r));
    let new = node.paper().is_some_and(|r| app.is_new(r));
    let icon = match node.kind {
        // Selected and bookmarked: both marks, so the selection hides no bookmark.
        NodeKind::Paper(_) if picked && bookmarked => "✚★ ",
        NodeKind::Paper(_) if picked => "✚ ",
        NodeKind::Paper(_) if bookmarked => "★ ",
        NodeKind::Paper(_) => "• ",
        _ if node.is_leaf() => "· ",
        _ if open => "▾ ",
        _ => "▸ ",
    };
    let (suffix, positions) = match node.kind {
        NodeKind::Paper(r) => {
            let badges: String = app
                .library
                .paper(r)
                .map(|p| {
                    LETTERED_LINKS
                        .iter()
                        .filter(|(_, kind)| p.has(*kind))
                        .filter_map(|(_, kind)| kind.label().get(..1))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            // Shown under an active filter means matched: highlight (computed for visible rows only).
            let pos = if app.filter.is_active() {
                app.library
                    .paper(r)
                    .map(|p| {
                        app.index
                            .query_positions(&p.title, &app.filter.parsed, Field::Title)
                    })
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            // New since last time: said before the badges.
            let badges = match (new, badges.is_empty()) {
                (true, true) => "new".to_string(),
                (true, false) => format!("new {badges}"),
                (false, _) => badges,
            };
            (badges, pos)
        }
        // A note page (with no paper list below it in the navigation).
        NodeKind::Document
            if node.papers == 0
                && node
                    .doc
                    .is_some_and(|d| app.library.documents[d].kind == DocKind::Page) =>
        {
            ("page".into(), Vec::new())
        }
        // A folder of note pages only: no papers to count.
        NodeKind::Folder if node.papers == 0 && !app.narrowed() => ("pages".into(), Vec::new()),
        // Narrowed (filter, only bookmarked, only unread): how many of the shown papers are below.
        _ if app.narrowed() => {
            let shown = app.tree_view.shown_below.get(id).copied().unwrap_or(0);
            (shown.to_string(), Vec::new())
        }
        _ => {
            // Unread/total once something below is read.
            let unread = app.marks.unread.get(id).copied().unwrap_or(node.papers);
            let mut count = if unread < node.papers {
                format!("{unread}/{}", node.papers)
            } else {
                node.papers.to_string()
            };
            let new = app.marks.new.get(id).copied().unwrap_or(0);
            if new > 0 {
                count = format!("{new} new · {count}");
            }
            (count, Vec::new())
        }
    };
    let title = sanitize(&node.title).into_owned();
    let fixed = width_of(&indent) + width_of(icon);
    let suffix_w = if suffix.is_empty() {
        0
    } else {
        width_of(&suffix) + 1
    };
    let room = width.saturating_sub(fixed + suffix_w);
    let shown = truncate(&title, room);

    let base = if selected {
        if focused {
            app.theme.selected()
        } else {
            app.theme.selected_unfocused()
        }
    } else if read {
        app.theme.read()
    } else if matches!(
        node.kind,
        NodeKind::Folder | NodeKind::Document | NodeKind::Section
    ) {
        app.theme.title()
    } else {
        Style::new()
    };
    let icon_style = if picked && !selected {
        app.theme.accent()
    } else if bookmarked && !selected {
        app.theme.bookmark()
    } else {
        base
    };
    let mut spans = vec![
        Span::styled(indent.clone(), base),
        Span::styled(icon, icon_style),
    ];
    // Title, with the filter's matched characters highlighted.
    spans.extend(highlighted(
        app.theme.matched(),
        &shown,
        &positions,
        room,
        base,
    ));
    if !suffix.is_empty() {
        let used = fixed + width_of(&shown);
        let pad = width.saturating_sub(used + width_of(&suffix));
        spans.push(Span::styled(" ".repeat(pad), base));
        // Dimmed, except on the selection, whose background the dim colour would hide it on.
        let suffix_style = if selected {
            base
        } else {
            base.patch(app.theme.dim())
        };
        spans.push(Span::styled(suffix, suffix_style));
    } else if selected {
        let pad = width.saturating_sub(fixed + width_of(&shown));
        spans.push(Span::styled(" ".repeat(pad), base));
    }
    Line::from(spans)
}
