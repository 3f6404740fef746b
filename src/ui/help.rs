//! The help overlay (`?`): every key of every mode, generated from the key map.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::{Action, App, Mode};

/// The help text, one line a binding, grouped by mode.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        if mode == Mode::Help {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            mode.title().to_string(),
            app.theme.title().patch(app.theme.accent()),
        ));
        let bindings = app.keymap.bindings(mode);
        let numbered: Vec<String> = bindings
            .iter()
            .filter(|(a, _)| a.link_number().is_some())
            .flat_map(|(_, keys)| keys.iter().map(|k| k.to_string()))
            .collect();
        for (action, keys) in bindings {
            let mut desc = action.describe();
            let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            match action.link_number() {
                // The nine numbered-link actions read as one line, e.g. `1…9`.
                Some(1) if numbered.len() > 1 => {
                    keys = vec![format!("{}…{}", numbered[0], numbered[numbered.len() - 1])];
                    desc = "open link N";
                }
                Some(_) => continue,
                None => {}
            }
            out.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keys.join(" ")), app.theme.key()),
                Span::raw(desc.to_string()),
            ]));
        }
    }
    out.push(Line::raw(""));
    // The keys as bound (the configuration may move them).
    let keys: Vec<String> = [Action::Filter, Action::Jump]
        .into_iter()
        .filter_map(|a| app.keymap.key_for(Mode::Browse, a))
        .map(|k| k.to_string())
        .collect();
    let header = match keys.as_slice() {
        [] => "Queries (--filter)".to_string(),
        keys => format!("Queries ({}; also --filter)", keys.join(" and ")),
    };
    out.push(Line::styled(
        header,
        app.theme.title().patch(app.theme.accent()),
    ));
    for (form, meaning) in crate::search::query::SYNTAX {
        out.push(Line::from(vec![
            Span::styled(format!("  {form:<16} "), app.theme.key()),
            Span::raw(meaning),
        ]));
    }
    out
}

/// The overlay's title (its frame is at least this wide).
const TITLE: &str = " Keys · Esc close ";

/// The overlay's width: its longest line, a blank column after it and the border, at most the terminal's
/// width (the popup keeps it within the screen).
pub fn width(lines: &[Line]) -> u16 {
    let longest = lines
        .iter()
        .map(Line::width)
        .chain([super::wrap::width_of(TITLE)])
        .max()
        .unwrap_or(0);
    u16::try_from(longest + 3).unwrap_or(u16::MAX)
}

pub fn draw(f: &mut Frame, app: &App) {
    // Inside the panes' borders: a row kept above and below, the status line under them.
    let height = f.area().height.saturating_sub(3);
    let all = lines(app);
    // The popup's inner height (within its borders): when the keys run past it, the title says how far
    // down it is and that more follows.
    let rows = usize::from(height.min(f.area().height).saturating_sub(2));
    let scroll = app.help_scroll.clamp(all.len().saturating_sub(rows));
    let title = if all.len() > rows && rows > 0 {
        let seen = (scroll + rows).min(all.len());
        let more = if seen < all.len() {
            " · j/PgDn more"
        } else {
            ""
        };
        format!("{}· {}%{more} ", TITLE, seen * 100 / all.len())
    } else {
        TITLE.to_string()
    };
    let Some(inner) = super::popup(f, &app.theme, width(&all), height, title) else {
        return;
    };
    // A line wider than the popup ends with `…` where it is cut.
    let room = usize::from(inner.width);
    let visible: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .map(|line| fit(line, room))
        .collect();
    f.render_widget(Paragraph::new(visible), inner);
}

/// `line` cut to `room` cells: its last span that fits is shortened to end with `…`.
fn fit(line: Line<'static>, room: usize) -> Line<'static> {
    if line.width() <= room {
        return line;
    }
    let style = line.style;
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.width();
        if used + w <= room {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = super::wrap::truncate(&span.content, room - used);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(style)
}
