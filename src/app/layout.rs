//! Where each region of the screen goes for a terminal size. Pure: the app pages and hit-tests the mouse
//! with it, and the views draw into it, so both agree on the geometry.

use ratatui::layout::{Margin, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The side pane, borders included.
    pub side: Rect,
    /// The filter line at the top of the side pane (zero height when hidden).
    pub filter_bar: Rect,
    /// The tree's rows inside the side pane.
    pub tree_rows: Rect,
    /// The detail pane, borders included.
    pub detail: Rect,
    /// The detail pane's text area.
    pub detail_inner: Rect,
    /// The status line.
    pub status: Rect,
}

/// Inside a one-cell border (nothing when the rectangle is too small to have an inside).
pub fn inner(r: Rect) -> Rect {
    r.inner(Margin::new(1, 1))
}

/// A popup of `width` × `height` centred over the panes of `full` (the status line stays in view), its
/// border included; the whole screen when it is too small for its margins; `None` when even that is too
/// small for a border and a cell.
pub fn popup(full: Rect, width: u16, height: u16) -> Option<Rect> {
    use ratatui::layout::Constraint;
    let panes = Rect {
        height: full.height.saturating_sub(1),
        ..full
    };
    let area = panes.centered(
        Constraint::Length(width.min(panes.width)),
        Constraint::Length(height.min(panes.height)),
    );
    let area = if area.width < 3 || area.height < 3 {
        full
    } else {
        area
    };
    (area.width >= 3 && area.height >= 3).then_some(area)
}

/// The jump palette's popup on a screen of `full`, border included.
pub fn palette(full: Rect) -> Option<Rect> {
    popup(
        full,
        full.width.saturating_sub(8).min(110),
        full.height.saturating_sub(4).min(24),
    )
}

/// The first item row shown in a palette `inner` rows high (its input line first) with `selected` in view.
pub fn palette_offset(inner: Rect, selected: usize) -> usize {
    let rows = usize::from(inner.height).saturating_sub(1);
    selected.saturating_sub(rows.saturating_sub(1))
}

/// The side pane takes about a third of the width (at least 24 columns when there is room, at most 60).
pub fn areas((width, height): (u16, u16), filter_bar: bool) -> Areas {
    let main_h = height.saturating_sub(1);
    let status = Rect::new(0, main_h, width, height.min(1));
    let side_w = (width / 3).max(24.min(width)).min(60).min(width);
    let side = Rect::new(0, 0, side_w, main_h);
    let detail = Rect::new(side_w, 0, width - side_w, main_h);
    let side_in = inner(side);
    let bar_h = u16::from(filter_bar).min(side_in.height);
    let filter_bar = Rect::new(side_in.x, side_in.y, side_in.width, bar_h);
    let tree_rows = Rect::new(
        side_in.x,
        side_in.y + bar_h,
        side_in.width,
        side_in.height - bar_h,
    );
    Areas {
        side,
        filter_bar,
        tree_rows,
        detail,
        detail_inner: inner(detail),
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_for_the_tree_and_a_line_for_status() {
        let a = areas((120, 40), false);
        assert_eq!(a.side.width, 40);
        assert_eq!(a.detail.x, 40);
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
        assert_eq!(a.tree_rows.height, 37);
        assert_eq!(areas((120, 40), true).tree_rows.height, 36);
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for w in 0..30 {
            for h in 0..10 {
                let a = areas((w, h), true);
                assert!(a.side.right() <= w && a.detail.right() <= w);
                assert!(a.tree_rows.bottom() <= h);
            }
        }
    }
}
