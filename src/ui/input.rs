//! A line of typed text ([`TextInput`]) drawn in a given width: the cursor where typing goes, the text
//! scrolled so that the cursor stays in view, `…` where it is cut.

use ratatui::style::Style;
use ratatui::text::Span;

use super::wrap::{truncate, width_of};
use crate::app::text_input::TextInput;
use crate::text::sanitize;

/// The cursor's mark.
const MARK: &str = "▏";

/// `input` in `room` cells, in `style`; the cursor marked in `cursor`'s style when given. Returns the
/// spans and the cells they take.
pub fn spans(
    input: &TextInput,
    room: usize,
    style: Style,
    cursor: Option<Style>,
) -> (Vec<Span<'static>>, usize) {
    let (before, after) = input.split();
    let (before, after) = (sanitize(before).into_owned(), sanitize(after).into_owned());
    let budget = room.saturating_sub(usize::from(cursor.is_some()));
    let (wb, wa) = (width_of(&before), width_of(&after));
    let (before, after) = if wb + wa <= budget {
        (before, after)
    } else if wb < budget {
        // What follows the cursor is cut at the right.
        let after = truncate(&after, budget - wb);
        (before, after)
    } else {
        // The start of the text cut at the left; what follows the cursor keeps a third of the room.
        let r = wa.min(budget / 3);
        (tail(&before, budget - r), truncate(&after, r))
    };
    let mut used = width_of(&before) + width_of(&after);
    let mut out = vec![Span::styled(before, style)];
    if let Some(c) = cursor {
        out.push(Span::styled(MARK, c));
        used += 1;
    }
    if !after.is_empty() {
        out.push(Span::styled(after, style));
    }
    (out, used)
}

/// The end of `s` in at most `width` cells, starting with `…` when cut.
fn tail(s: &str, width: usize) -> String {
    if width_of(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    fn shown(text: &str, left: usize, room: usize) -> String {
        let mut t = TextInput::from(text);
        for _ in 0..left {
            t.move_cursor(Action::CursorLeft);
        }
        let (spans, used) = spans(&t, room, Style::new(), Some(Style::new()));
        let s: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(used, width_of(&s), "{s}");
        assert!(used <= room, "{s}");
        s
    }

    #[test]
    fn the_cursor_stays_in_view() {
        assert_eq!(shown("kv cache", 0, 20), "kv cache▏");
        assert_eq!(shown("kv cache", 5, 20), "kv ▏cache");
        // Too long: the end shows while typing at the end; the start when the cursor is there.
        assert_eq!(shown("a very long query indeed", 0, 10), "…y indeed▏");
        assert_eq!(shown("a very long query indeed", 24, 10), "▏a very l…");
        assert_eq!(shown("a very long query indeed", 12, 10), "…long ▏qu…");
        // Wide characters are counted as two cells.
        assert_eq!(shown("读博士读博士", 0, 6), "…博士▏");
    }
}
