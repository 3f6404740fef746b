//! One paper, many places, as the app shows it: the detail pane and the link keys use the links of every
//! place, the palette lists a work once, the next-place key walks its places, and a link to a local paper
//! list lands on the same work inside it. (Marks belong to the work too: see [`super::marks`].)

use std::path::Path;

use super::App;
use crate::model::{Link, PaperRef};
use crate::search::Hit;

impl App {
    /// Where the paper's work is listed (the paper among them), in the order of the side pane.
    /// (In the notes' order: a grouped view shows a work once, so its tree cannot order them.)
    pub fn places(&self, r: PaperRef) -> Vec<PaperRef> {
        let (tree, _) = self.views.navigation((&self.tree, &self.tree_view));
        let mut places = self.works.places_of(r).to_vec();
        places.sort_by_key(|&p| tree.node_of_paper(p).unwrap_or(usize::MAX));
        places
    }

    /// Where a place is in the notes: its breadcrumb in the navigation's tree, whichever view shows (a
    /// grouped view would say only the group).
    pub fn place_breadcrumb(&self, place: PaperRef) -> Option<String> {
        let (tree, _) = self.views.navigation((&self.tree, &self.tree_view));
        tree.node_of_paper(place).map(|id| tree.breadcrumb(id))
    }

    /// In how many places the paper's work is listed.
    pub fn place_count(&self, r: PaperRef) -> usize {
        self.works.places_of(r).len().max(1)
    }

    /// The links of the selected paper's work: its own first, then those of its other places, one per
    /// URL. Empty when no paper is selected.
    pub fn selected_links(&self) -> Vec<&Link> {
        self.selected_paper()
            .map(|(r, _)| self.works.links(&self.library, r))
            .unwrap_or_default()
    }

    /// Selects the next place of the selected paper's work (after the last, the first).
    pub(super) fn next_place(&mut self) {
        let Some((r, _)) = self.selected_paper() else {
            self.say("Select a paper to go to its other places");
            return;
        };
        let places = self.places(r);
        if places.len() < 2 {
            self.say("This paper is listed in one place only");
            return;
        }
        let at = places.iter().position(|&p| p == r).unwrap_or(0);
        let n = places.len();
        let next = places[(at + 1) % n];
        if let Some(id) = self.tree.node_of_paper(next) {
            self.reveal(id);
            let msg = format!(
                "Place {} of {n}: {}",
                (at + 1) % n + 1,
                self.tree.breadcrumb(id)
            );
            self.say(msg);
        }
    }

    /// Each work once among ranked hits, at the rank of its best place, shown by the fullest of its
    /// places that matched (as `--filter` shows it).
    pub(super) fn works_once(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let refs: Vec<PaperRef> = hits.iter().map(|h| h.paper).collect();
        self.works
            .once(&self.library, &refs)
            .into_iter()
            .map(|(i, fullest)| {
                let mut h = hits[i];
                h.paper = fullest;
                h
            })
            .collect()
    }

    /// Where a local link to `target` lands: the selected paper's work inside that document when it is
    /// listed there, else the document.
    pub(super) fn landing(&self, target: &Path) -> Option<usize> {
        let d = self.library.document_at(target)?;
        let same_work = self
            .selected_paper()
            .and_then(|(r, _)| self.places(r).into_iter().find(|p| p.doc == d))
            .and_then(|p| self.tree.node_of_paper(p));
        same_work.or_else(|| self.tree.node_of_doc(d))
    }
}
