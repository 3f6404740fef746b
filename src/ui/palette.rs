//! The jump palette: a centred popup of every paper, ranked as you type, matches highlighted.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::wrap::{highlighted, width_of};
use crate::app::App;
use crate::model::NavNode;
use crate::search::{Field, Ranked};

pub fn draw(f: &mut Frame, app: &App) {
    let p = &app.palette;
    // Where the mouse finds it too (`app::layout`).
    let Some(area) = crate::app::layout::palette(f.area()) else {
        return;
    };
    let Some(inner) = super::popup_in(
        f,
        &app.theme,
        area,
        if p.is_pending() {
            " Jump to paper or page · searching… ".to_string()
        } else {
            format!(
                " Jump to paper or page · {} ",
                super::thousands(p.items.len())
            )
        },
    ) else {
        return;
    };
    let w = inner.width as usize;
    let (input, _) = super::input::spans(
        &p.input,
        w.saturating_sub(2),
        Style::new(),
        Some(app.theme.accent()),
    );
    let mut lines = vec![Line::from(
        std::iter::once(Span::styled("› ", app.theme.key()))
            .chain(input)
            .collect::<Vec<_>>(),
    )];
    let rows = (inner.height as usize).saturating_sub(1);
    let offset = crate::app::layout::palette_offset(inner, p.selected);
    for (i, item) in p.items.iter().enumerate().skip(offset).take(rows) {
        // A work listed in several places is listed once: `N places` says so before its breadcrumb.
        let mut places = 1;
        let (title, positions, context, context_pos): (&str, Vec<usize>, String, Vec<usize>) =
            match item {
                Ranked::Paper(hit) => {
                    let Some(paper) = app.library.paper(hit.paper) else {
                        continue;
                    };
                    places = app.place_count(hit.paper);
                    let context = app.index.context(hit.paper).unwrap_or("").to_string();
                    // Positions only for the rows on screen.
                    let tp = app
                        .index
                        .query_positions(&paper.title, &p.parsed, Field::Title);
                    let cp = app
                        .index
                        .query_positions(&context, &p.parsed, Field::Context);
                    (&paper.title, tp, context, cp)
                }
                Ranked::Page(hit) => {
                    // Results from before a reload may name a document that is gone now.
                    let Some(doc) = app.library.documents.get(hit.doc) else {
                        continue;
                    };
                    (
                        &doc.title,
                        hit.positions.clone(),
                        // Where the page is in the side pane, as a paper's breadcrumb says where
                        // it is (a long file path would be cut before it says anything).
                        match NavNode::trail(&app.library.navigation, hit.doc) {
                            Some(trail) if !trail.is_empty() => {
                                format!("page · {}", trail.join(" › "))
                            }
                            _ => "page".to_string(),
                        },
                        Vec::new(),
                    )
                }
            };
        let base = if i == p.selected {
            app.theme.selected()
        } else {
            Style::new()
        };
        let title_w = width_of(title).min(w.saturating_mul(2) / 3).max(w.min(20));
        let mut spans = vec![Span::styled(
            if i == p.selected { "▶ " } else { "  " },
            base,
        )];
        spans.extend(highlighted(
            app.theme.matched(),
            title,
            &positions,
            title_w.min(w.saturating_sub(2)),
            base,
        ));
        let used: usize = spans.iter().map(|s| width_of(&s.content)).sum();
        let room = w.saturating_sub(used + 2);
        if room > 3 {
            spans.push(Span::styled("  ", base));
            let mut room = room;
            let tag = format!("{places} places · ");
            if places > 1 && room >= width_of(&tag) + 4 {
                room -= width_of(&tag);
                spans.push(Span::styled(tag, base.patch(app.theme.accent())));
            }
            spans.extend(highlighted(
                app.theme.matched(),
                &context,
                &context_pos,
                room,
                base.patch(app.theme.dim()),
            ));
        }
        let used: usize = spans.iter().map(|s| width_of(&s.content)).sum();
        spans.push(Span::styled(" ".repeat(w.saturating_sub(used)), base));
        lines.push(Line::from(spans));
    }
    if p.items.is_empty() {
        lines.push(Line::styled("  nothing matches", app.theme.dim()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
