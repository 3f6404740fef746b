//! The status line: a message, or key hints for the mode; the filter and its match count on the right.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::wrap::{truncate, width_of};
use crate::app::{Action, App, Loading, Mode};
use crate::text::sanitize;

/// `? help  / filter  …` for the mode, from the key map.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    use Action::*;
    let wanted: &[(Action, &str)] = match app.mode {
        Mode::Browse => &[
            (Help, "help"),
            (Filter, "filter"),
            (Jump, "jump"),
            (OpenPaper, "paper"),
            (LinkMenu, "links"),
            (SwitchFocus, "pane"),
            (Quit, "quit"),
        ],
        Mode::FilterInput => &[
            (Confirm, "keep"),
            (Cancel, "clear"),
            (Down, "next row"),
            (Recall, "recent"),
        ],
        Mode::Palette => &[
            (Confirm, "jump"),
            (Down, "down"),
            (Up, "up"),
            (Cancel, "close"),
        ],
        Mode::LinkMenu => &[(Confirm, "open"), (CopyUrl, "copy"), (Cancel, "close")],
        Mode::Ask => &[(Confirm, "yes"), (Cancel, "no")],
        Mode::AddPaper => &[
            (Confirm, "next / add"),
            (Down, "next field"),
            (Cancel, "cancel"),
        ],
        Mode::Help => &[(Down, "scroll"), (Cancel, "close")],
    };
    wanted
        .iter()
        .filter_map(|(a, d)| {
            app.keymap
                .key_for(app.mode, *a)
                .map(|k| (k.to_string(), *d))
        })
        .collect()
}

/// `loading 312 of 1,000 files ▰▰▰▱▱▱▱▱▱▱`, or `loading: finding the notes` before the files are counted.
pub fn loading(l: Loading) -> String {
    if l.total == 0 {
        return "loading: finding the notes".into();
    }
    const CELLS: usize = 10;
    let full = (l.done * CELLS / l.total).min(CELLS);
    format!(
        "loading {} of {} files {}{}",
        super::thousands(l.done),
        super::thousands(l.total),
        "▰".repeat(full),
        "▱".repeat(CELLS - full)
    )
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 {
        return;
    }
    let mut right = String::new();
    if let Some(l) = app.loading {
        right.push_str(&format!(" {} ", loading(l)));
    }
    right.push_str(match (app.filter.only_bookmarked, app.filter.only_unread) {
        (true, true) => " ★ unread only",
        (true, false) => " ★ only",
        (false, true) => " unread only",
        (false, false) => "",
    });
    if app.filter.is_active() {
        right.push_str(&format!(" /{}", sanitize(app.filter.query())));
    }
    if app.filter.is_active() && app.filter.is_pending() {
        right.push_str(" · searching… ");
    } else if app.filter.is_active() && app.loading.is_some() && app.library.documents.is_empty() {
        // The first load: nothing is shown yet, so no count either (it would be 0 of no papers).
        right.push_str(" · waiting for the notes ");
    } else if app.narrowed() && (!app.filter.is_active() || app.filter.is_current()) {
        let n = app.tree_view.shown_papers;
        let noun = match (app.filter.is_active(), n == 1) {
            (true, true) => "match",
            (true, false) => "matches",
            (false, true) => "paper",
            (false, false) => "papers",
        };
        right.push_str(&format!(" · {} {noun} ", super::thousands(n)));
    }
    let width = area.width as usize;
    let left_room = width.saturating_sub(width_of(&right));
    let mut spans = Vec::new();
    match &app.message {
        Some(m) => spans.push(Span::styled(
            truncate(&sanitize(m), left_room),
            app.theme.message(),
        )),
        None => {
            let mut used = 0;
            for (k, d) in hints(app) {
                let w = width_of(&k) + width_of(d) + 3;
                if used + w > left_room {
                    break;
                }
                spans.push(Span::styled(format!(" {k}"), app.theme.key()));
                spans.push(Span::styled(format!(" {d} "), app.theme.dim()));
                used += w;
            }
        }
    }
    let used: usize = spans.iter().map(|s| width_of(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(left_room.saturating_sub(used))));
    spans.push(Span::styled(truncate(&right, width), app.theme.accent()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_shows_files_done_of_total_with_a_gauge() {
        assert_eq!(
            loading(Loading { done: 0, total: 0 }),
            "loading: finding the notes"
        );
        assert_eq!(
            loading(Loading {
                done: 312,
                total: 1000
            }),
            "loading 312 of 1,000 files ▰▰▰▱▱▱▱▱▱▱"
        );
        assert_eq!(
            loading(Loading {
                done: 100_000,
                total: 100_000
            }),
            "loading 100,000 of 100,000 files ▰▰▰▰▰▰▰▰▰▰"
        );
    }
}
