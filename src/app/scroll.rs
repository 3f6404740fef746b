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

    /// To this line (the view clamps it on the next draw).
    pub fn set(&self, line: usize) {
        self.offset.set(line);
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

/// Which hit of the filter in the detail pane the keys asked for (`]`, `[`). Like [`Scroll`], only the
/// view knows where the hits are at the pane's width: the app steps freely, and the view wraps the step
/// to the hits it drew, scrolls to that hit and writes back which one it is and how many there are.
#[derive(Debug, Clone, Default)]
pub struct HitCursor {
    /// The hit asked for (`None`: none yet, the pane scrolls as the keys say).
    wanted: Cell<Option<isize>>,
    /// Set by the view: the hit shown (0-based) and the number of hits, for "hit 2 of 5" (`(0, 0)`: a
    /// step was asked for and there is no hit to go to).
    shown: Cell<Option<(usize, usize)>>,
}

impl HitCursor {
    /// The next hit (`forward`) or the previous one.
    pub fn step(&self, forward: bool) {
        let next = match self.wanted.get() {
            None if forward => 0,
            None => -1,
            Some(i) => i + if forward { 1 } else { -1 },
        };
        self.wanted.set(Some(next));
    }

    /// Forgets the hit (another paper was selected, or the filter changed).
    pub fn reset(&self) {
        self.wanted.set(None);
        self.shown.set(None);
    }

    /// Called by the view with the number of hits it drew: the hit to scroll to (the wanted one,
    /// wrapped around), if one was asked for.
    pub fn place(&self, count: usize) -> Option<usize> {
        let Some(w) = self.wanted.get() else {
            self.shown.set(None);
            return None;
        };
        if count == 0 {
            self.shown.set(Some((0, 0)));
            return None;
        }
        let i = w.rem_euclid(count as isize) as usize;
        self.wanted.set(Some(i as isize));
        self.shown.set(Some((i, count)));
        Some(i)
    }

    /// The hit shown and how many there are, as the view last drew them (`(0, 0)`: none to go to).
    pub fn shown(&self) -> Option<(usize, usize)> {
        self.shown.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_stepped_around_what_the_view_drew() {
        let h = HitCursor::default();
        assert_eq!(h.place(3), None, "no step asked for");
        h.step(true);
        assert_eq!(h.place(3), Some(0));
        h.step(false);
        assert_eq!(h.place(3), Some(2), "back from the first is the last");
        assert_eq!(h.shown(), Some((2, 3)));
        h.step(true);
        assert_eq!(h.place(3), Some(0));
        h.reset();
        assert_eq!(h.shown(), None);
        h.step(false);
        assert_eq!(h.place(0), None);
        assert_eq!(h.shown(), Some((0, 0)), "asked, and nothing to go to");
    }

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
