//! A pane's scroll offset (the detail pane, the help overlay). How far it can go depends on the lines the
//! pane holds at its width, which only the view knows: the app moves the offset freely, and the view
//! clamps it to what it drew and writes the clamped value back ([`Scroll::clamp`]), as tui-tree-widget's
//! state keeps the last drawn area. So `End` goes to the last page, and `↑` after it moves at once.

use std::cell::Cell;

#[derive(Debug, Clone, Default)]
pub struct Scroll {
    offset: Cell<usize>,
}

impl Scroll {
    /// The first line shown.
    pub fn get(&self) -> usize {
        self.offset.get()
    }

    pub fn to_top(&self) {
        self.offset.set(0);
    }

    /// To the end, whatever it is (the view clamps it on the next draw).
    pub fn to_end(&self) {
        self.offset.set(usize::MAX);
    }

    pub fn down(&self, lines: usize) {
        self.offset.set(self.get().saturating_add(lines));
    }

    pub fn up(&self, lines: usize) {
        self.offset.set(self.get().saturating_sub(lines));
    }

    /// Called by the view with the largest useful offset: keeps the offset within it and returns it.
    pub fn clamp(&self, max: usize) -> usize {
        let offset = self.get().min(max);
        self.offset.set(offset);
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_clamps_what_the_keys_asked_for() {
        let s = Scroll::default();
        s.down(3);
        assert_eq!(s.get(), 3);
        s.to_end();
        assert_eq!(s.clamp(10), 10);
        s.up(1);
        assert_eq!(s.get(), 9, "up moves at once after End");
        s.up(20);
        assert_eq!(s.get(), 0);
    }
}
