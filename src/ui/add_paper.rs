//! The form that adds a paper (`A`): where it goes, then one line a field — the title, each link's URL
//! and label, the affiliations — the focused one highlighted with a cursor.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::wrap::{truncate, width_of};
use crate::app::add_paper::FieldKind;
use crate::app::App;
use crate::text::sanitize;

/// The width of the fields' names.
const NAME: usize = 14;

pub fn draw(f: &mut Frame, app: &App) {
    let Some(form) = &app.adding else {
        return;
    };
    let width = f.area().width.saturating_sub(8).min(110);
    let height = u16::try_from(form.fields.len() + 5).unwrap_or(u16::MAX);
    let title =
        " Add a paper · Enter next (on the last: add) · Tab ↑↓ move · Esc cancel ".to_string();
    let Some(inner) = super::popup(f, &app.theme, width, height, title) else {
        return;
    };
    let w = inner.width as usize;
    let th = &app.theme;
    let mut lines = vec![
        Line::styled(
            truncate(&sanitize(&format!("Into {}", form.target.place)), w),
            th.accent(),
        ),
        Line::styled(
            truncate(
                &sanitize(&format!("after “{}”", form.target.after_title)),
                w,
            ),
            th.dim(),
        ),
        Line::raw(""),
    ];
    for (i, field) in form.fields.iter().enumerate() {
        let name = match field.kind {
            FieldKind::Title => "Title".to_string(),
            FieldKind::Url(n) => format!("Link {} URL", n + 1),
            FieldKind::Label(_) => "      label".to_string(),
            FieldKind::Affiliations => "Affiliations".to_string(),
        };
        let focused = i == form.focus;
        let base = if focused { th.selected() } else { Style::new() };
        let head = format!(" {name:<NAME$} ");
        let room = w.saturating_sub(width_of(&head));
        let hint = match (field.kind, field.input.is_blank()) {
            (FieldKind::Url(_), true) if !focused => "(none)",
            (FieldKind::Affiliations, true) => "(e.g. PKU & ByteDance)",
            _ => "",
        };
        // A guessed label is dim: typing replaces it.
        let value = if field.is_guess() {
            base.patch(th.dim())
        } else {
            base
        };
        // The cursor where typing goes, kept in view.
        let cursor = focused.then(|| base.patch(th.accent()));
        let (input, shown) = super::input::spans(&field.input, room, value, cursor);
        let mut spans = vec![Span::styled(head.clone(), base.patch(th.key()))];
        spans.extend(input);
        if !hint.is_empty() && !focused {
            spans.push(Span::styled(hint, th.dim()));
        }
        let used = width_of(&head) + shown;
        spans.push(Span::styled(" ".repeat(w.saturating_sub(used)), base));
        lines.push(Line::from(spans));
    }
    // A screen too short for the whole form: scrolled so that the focused field shows.
    let focused_line = HEADER + form.focus;
    let offset = (focused_line + 1).saturating_sub(inner.height as usize);
    let offset = u16::try_from(offset).unwrap_or(u16::MAX);
    f.render_widget(Paragraph::new(lines).scroll((offset, 0)), inner);
}

/// The lines above the fields: where the paper goes, after which, a blank line.
const HEADER: usize = 3;
