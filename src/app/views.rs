//! The side pane's views: the notes as their navigation arranges them, or every work grouped across
//! files by topic, year, venue or affiliation ([`crate::model::views`]); one key cycles them. A grouped
//! view is a tree of its own ([`Tree::grouped`]): while it shows, the navigation's tree and its view
//! (expansion, selection) are put aside, untouched, and come back with the navigation. The session is
//! always the navigation's, and a reload rebuilds the grouped view from the new notes.

use super::tree_view::TreeView;
use super::App;
use crate::model::tree::Tree;
use crate::model::views::{self, View};
use crate::text::thousands;

/// Which view the side pane shows, and the navigation put aside meanwhile.
#[derive(Debug, Clone, Default)]
pub struct Views {
    pub view: View,
    navigation: Option<(Tree, TreeView)>,
}

impl Views {
    /// The navigation's tree and view, whether shown or put aside.
    pub fn navigation<'a>(&'a self, shown: (&'a Tree, &'a TreeView)) -> (&'a Tree, &'a TreeView) {
        match &self.navigation {
            Some((t, v)) => (t, v),
            None => shown,
        }
    }
}

impl App {
    /// The views key: the next view (navigation → topic → year → venue → affiliation → navigation).
    pub(super) fn cycle_view(&mut self) {
        let next = self.views.view.next();
        self.show_view(next);
        // Narrowed, the groups the tree shows, of all.
        let all = self.tree.roots.len();
        let shown = match &self.tree_view.shown {
            Some(s) => (self.tree.roots.iter())
                .filter(|&&r| s.get(r).copied().unwrap_or(false))
                .count(),
            None => all,
        };
        let groups = match (next, shown) {
            (View::Navigation, _) => String::new(),
            (View::By(_), n) if n < all => {
                format!(", {} of {} groups shown", thousands(n), thousands(all))
            }
            (View::By(_), 1) => ", 1 group".to_string(),
            (View::By(_), n) => format!(", {} groups", thousands(n)),
        };
        self.say(format!("Side pane: {}{groups}", next.label()));
    }

    /// Shows `view`, the selected paper still selected, the filter and the toggles still applied.
    pub(super) fn show_view(&mut self, view: View) {
        let mut selected = self.selected_paper().map(|(r, _)| r);
        let grouped = self.views.navigation.is_some();
        self.put_navigation_back();
        // A grouped view lists a work once: back in the navigation, the place that was selected there
        // stays selected when it is of the same work, not the work's first place.
        let own = self.selected_paper().map(|(r, _)| r).filter(|_| grouped);
        if let (Some(s), Some(own)) = (selected, own) {
            if self.works.work_of(s).is_some() && self.works.work_of(s) == self.works.work_of(own) {
                selected = Some(own);
            }
        }
        self.views.view = view;
        if let View::By(by) = view {
            let groups = views::group(&self.library, &self.works, by, &|_| true);
            let tree = Tree::grouped(&self.library, &self.works, &groups);
            let view = TreeView::new(&tree);
            let tree = std::mem::replace(&mut self.tree, tree);
            let view = std::mem::replace(&mut self.tree_view, view);
            self.views.navigation = Some((tree, view));
        }
        self.recount_unread();
        self.narrow();
        match selected.and_then(|r| self.tree.node_of_paper(r)) {
            Some(id) => self.reveal(id),
            None => self.refresh_rows(),
        }
    }

    /// The navigation's tree and view back in place (the grouped view dropped).
    fn put_navigation_back(&mut self) {
        if let Some((tree, view)) = self.views.navigation.take() {
            self.tree = tree;
            self.tree_view = view;
        }
    }

    /// Runs `change` with the navigation in place (new notes taken in, a session restored), then shows
    /// the view that was shown, rebuilt.
    pub(super) fn on_navigation(&mut self, change: impl FnOnce(&mut App)) {
        let view = self.views.view;
        self.put_navigation_back();
        self.views.view = View::Navigation;
        if view != View::Navigation {
            self.recount_unread();
            self.narrow();
        }
        change(self);
        if view != View::Navigation {
            self.show_view(view);
        }
    }
}
