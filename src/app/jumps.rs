//! The jump list, as vim's and a browser's: every jump (the palette, the next-place key, a link to a
//! local list, a click on a far row, a view change, a filter kept with Enter) records where the
//! selection was; one key goes back, another forward again. Up to [`LIMIT`] places, for the session.
//!
//! A place is kept by what survives a reload: a paper by its id, another node by its key
//! ([`App::node_key`]), with the view it was in. A place that no longer exists is skipped.

use super::App;
use crate::model::views::View;

/// How many places the list keeps (the oldest go first).
pub const LIMIT: usize = 100;

/// Where the selection was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub view: View,
    pub at: Target,
    /// The node's id then: tried first, as it is usually still right.
    hint: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A paper, by its stable id.
    Paper(String),
    /// Another node, by its key.
    Node(String),
}

/// The places behind and ahead of the selection.
#[derive(Debug, Clone, Default)]
pub struct Jumps {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl Jumps {
    /// Records `from` as the place a jump left: it becomes the last place behind; the places ahead are
    /// dropped (as a browser does after a new page).
    pub fn record(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
        if self.back.len() >= LIMIT {
            let extra = self.back.len() + 1 - LIMIT;
            self.back.drain(..extra);
        }
    }

    /// A view change: `from` is recorded even when the same node stays selected (its view changed).
    pub fn record_view(&mut self, from: Option<Place>) {
        if let Some(from) = from {
            self.record(from);
        }
    }

    /// The position of the selection in the list and the list's length, 1-based (`3/7`).
    pub fn position(&self) -> (usize, usize) {
        let at = self.back.len() + 1;
        (at, at + self.forward.len())
    }

    /// Takes the next place behind (or ahead).
    fn take(&mut self, back: bool) -> Option<Place> {
        if back {
            self.back.pop()
        } else {
            self.forward.pop()
        }
    }

    /// Keeps `here`, the place a step left, on the other side of it.
    fn left(&mut self, here: Place, back: bool) {
        let to = if back {
            &mut self.forward
        } else {
            &mut self.back
        };
        if to.last() != Some(&here) {
            to.push(here);
        }
    }

    /// One step back (or forward) from `here`: the place to go to, `here` kept on the other side.
    #[cfg(test)]
    fn step(&mut self, here: Option<Place>, back: bool) -> Option<Place> {
        let target = self.take(back)?;
        if let Some(h) = here {
            self.left(h, back);
        }
        Some(target)
    }
}

impl App {
    /// Where the selection is now, as the jump list keeps it.
    pub(super) fn here(&self) -> Option<Place> {
        let id = self.tree_view.selected?;
        let node = self.tree.nodes.get(id)?;
        let at = match node.paper().and_then(|r| self.library.paper(r)) {
            Some(p) => Target::Paper(p.id.to_string()),
            None => Target::Node(self.node_key(id)),
        };
        Some(Place {
            view: self.views.view,
            at,
            hint: id,
        })
    }

    /// After a jump: records `from` (the place before it) when the selection moved.
    pub(super) fn jumped(&mut self, from: Option<Place>) {
        if let Some(from) = from {
            if self.here().as_ref() != Some(&from) {
                self.jumps.record(from);
            }
        }
    }

    /// The back key (`back`) or the forward key: the previous (next) place that still exists (places
    /// gone since, after a reload, are dropped on the way).
    pub(super) fn jump_back(&mut self, back: bool) {
        let here = self.here();
        while let Some(place) = self.jumps.take(back) {
            if self.go_to(&place) {
                if let Some(h) = here {
                    self.jumps.left(h, back);
                }
                let (at, of) = self.jumps.position();
                let dir = if back { "back" } else { "forward" };
                self.say(format!("{dir} {at}/{of}"));
                return;
            }
        }
        let (at, of) = self.jumps.position();
        self.say(if back {
            format!("No earlier place ({at}/{of})")
        } else {
            format!("No later place ({at}/{of})")
        });
    }

    /// Selects a place (in its view); false when it no longer exists.
    pub(super) fn go_to(&mut self, place: &Place) -> bool {
        if place.view != self.views.view {
            self.show_view(place.view);
        }
        let id = match &place.at {
            Target::Paper(pid) => self
                .library
                .find_id(pid)
                .and_then(|r| self.tree.node_of_paper(r)),
            Target::Node(key) => {
                let hinted = (place.hint < self.tree.len() && self.node_key(place.hint) == *key)
                    .then_some(place.hint);
                hinted.or_else(|| (0..self.tree.len()).find(|&id| self.node_key(id) == *key))
            }
        };
        match id {
            Some(id) => {
                self.reveal(id);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(n: usize) -> Place {
        Place {
            view: View::Navigation,
            at: Target::Node(n.to_string()),
            hint: n,
        }
    }

    #[test]
    fn back_and_forward_walk_the_list_and_a_new_jump_drops_what_was_ahead() {
        let mut j = Jumps::default();
        j.record(place(1));
        j.record(place(2));
        assert_eq!(j.position(), (3, 3));
        assert_eq!(j.step(Some(place(3)), true), Some(place(2)));
        assert_eq!(j.position(), (2, 3));
        assert_eq!(j.step(Some(place(2)), true), Some(place(1)));
        assert_eq!(j.step(Some(place(1)), true), None);
        assert_eq!(j.step(Some(place(1)), false), Some(place(2)));
        assert_eq!(j.position(), (2, 3));
        j.record(place(9));
        assert_eq!(j.position(), (3, 3), "the place ahead is dropped");
        assert_eq!(j.step(Some(place(10)), false), None);
    }

    #[test]
    fn at_most_a_hundred_places() {
        let mut j = Jumps::default();
        for n in 0..250 {
            j.record(place(n));
        }
        assert_eq!(j.position(), (LIMIT, LIMIT));
        assert_eq!(j.back.first(), Some(&place(151)));
    }
}
