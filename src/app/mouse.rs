//! The mouse, while browsing: a click selects a row or focuses a pane; the wheel scrolls the detail pane
//! under the pointer, and over the tree moves the selection. In the jump palette a click selects an item
//! and a click on the selected one jumps to it; the wheel moves the selection. Where the panes are comes
//! from [`super::layout`], as the views draw them.

use ratatui::layout::Position;

use super::{Action, App, Focus, Mode};

/// Lines (or rows) one notch of the wheel moves.
const WHEEL: usize = 3;

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) {
        if self.mode == Mode::Palette {
            return self.palette_click(col, row);
        }
        if self.mode != Mode::Browse {
            return;
        }
        let at = Position::new(col, row);
        let areas = self.areas();
        if areas.tree_rows.contains(at) {
            self.focus = Focus::Tree;
            let r = self.tree_view.offset + usize::from(row - areas.tree_rows.y);
            let from = self.here();
            let before = self.cursor();
            self.select_row(r.min(self.tree_view.rows.len().saturating_sub(1)));
            // A click on a far row is a jump (a neighbour is a step, as a key's).
            if before.is_some_and(|b| self.cursor().is_some_and(|a| a.abs_diff(b) > 1)) {
                self.jumped(from);
            }
        } else if areas.side.contains(at) {
            self.focus = Focus::Tree;
        } else if areas.detail.contains(at) {
            self.focus = Focus::Detail;
        }
    }

    pub(super) fn wheel(&mut self, col: u16, row: u16, down: bool) {
        if self.mode == Mode::Palette {
            for _ in 0..WHEEL {
                self.palette_action(if down { Action::Down } else { Action::Up });
            }
            return;
        }
        if self.mode != Mode::Browse {
            return;
        }
        let at = Position::new(col, row);
        let areas = self.areas();
        if areas.detail.contains(at) {
            if down {
                self.detail_scroll.down(WHEEL);
            } else {
                self.detail_scroll.up(WHEEL);
            }
        } else if areas.side.contains(at) {
            let delta = WHEEL as isize;
            self.move_by(if down { delta } else { -delta });
        }
    }

    /// A click in the jump palette: on an item, selects it; on the selected item, jumps to it (as Enter).
    fn palette_click(&mut self, col: u16, row: u16) {
        let (width, height) = self.size;
        let Some(area) = super::layout::palette(ratatui::layout::Rect::new(0, 0, width, height))
        else {
            return;
        };
        let inner = super::layout::inner(area);
        let at = Position::new(col, row);
        // The first row inside is the query line; the items follow.
        if !inner.contains(at) || row == inner.y {
            return;
        }
        let offset = super::layout::palette_offset(inner, self.palette.selected);
        let i = offset + usize::from(row - inner.y - 1);
        if i >= self.palette.items.len() {
            return;
        }
        if i == self.palette.selected {
            self.palette_action(Action::Confirm);
        } else {
            self.palette.selected = i;
        }
    }
}
