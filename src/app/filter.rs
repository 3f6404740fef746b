//! What narrows the tree: the filter typed after `/` and what it matched, and the toggles that combine
//! with it (only bookmarked, only unread). The query is in the query language ([`crate::search::query`]):
//! a query that cannot be understood (`colour:red`) is said on the status line and the filter keeps its
//! last good result. A query is searched in place, or on the search worker for a large library; either
//! way its result comes in through one door, [`Filter::accept`].

use std::sync::Arc;

use super::event::{SearchJob, SearchTarget};
use super::text_input::TextInput;
use super::tree_view::Narrowed;
use super::{Action, App, Mode};
use crate::model::views::View;
use crate::model::PaperRef;
use crate::search::{Hit, KeyMarks, MarkTable, Query, Search};

/// How many recent filter queries the session keeps.
const RECENT: usize = 20;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub input: TextInput,
    /// Hits for the query, in library order (not ranked: the tree shows them in its own order).
    pub hits: Vec<Hit>,
    /// The best of them (what a key selects).
    pub best: Option<Hit>,
    /// Show only bookmarked papers (`B`), only unread ones (`U`).
    pub only_bookmarked: bool,
    pub only_unread: bool,
    /// Queries kept with Enter, most recent first (saved with the session).
    pub recent: Vec<String>,
    /// The last query that could be understood (what `hits` are for, once its search is done).
    pub parsed: Query,
    /// The status message says why the query cannot be understood (cleared once it can).
    error_said: bool,
    /// The search `hits` come from (its own hits moved to `hits`), and the query it is for.
    last: Search,
    hits_for: String,
    /// Earlier (shorter) queries and their searches without their hits: what each found in the names,
    /// so that Backspace narrows from it again.
    history: Vec<(String, Search)>,
    /// The generation of the search job running for the query (0: none).
    pending: u64,
    /// The running job searches again after a reload or a change of marks: its result keeps the
    /// selection where it is (a key's result selects the best hit).
    keep_selection: bool,
    /// The selected paper, when a change of marks searches again (off the UI thread) and may leave it
    /// out: its result then selects the next paper shown ([`App::follow_left_paper`]).
    pub(super) left_paper: Option<usize>,
}

impl Filter {
    pub fn query(&self) -> &str {
        self.input.as_str()
    }

    /// Is the filter narrowing the tree?
    pub fn is_active(&self) -> bool {
        !self.input.is_blank()
    }

    /// Is a search job running for the query?
    pub fn is_pending(&self) -> bool {
        self.pending != 0
    }

    /// Are the hits those of the query as typed (no search still running for it, and it could be
    /// understood)? Only then is their count the query's.
    pub fn is_current(&self) -> bool {
        self.pending == 0 && self.hits_for == self.query()
    }

    /// Forgets the query and what it matched (the toggles and the recent queries stay).
    pub fn clear_query(&mut self) {
        *self = Filter {
            only_bookmarked: self.only_bookmarked,
            only_unread: self.only_unread,
            recent: std::mem::take(&mut self.recent),
            ..Filter::default()
        };
    }

    /// Forgets the query and turns the toggles off.
    pub fn clear(&mut self) {
        self.clear_query();
        self.only_bookmarked = false;
        self.only_unread = false;
    }

    /// Takes a search's result for `query`: the one way hits come in, whether searched in place or by the
    /// worker. The search it replaces is kept, without its hits, while `query` extends its query: what
    /// Backspace narrows from again. The hits are never copied.
    fn accept(&mut self, query: String, mut search: Search) {
        let prev = std::mem::take(&mut self.hits_for);
        self.hits = std::mem::take(&mut search.hits);
        self.history
            .retain(|(q, _)| q.len() < query.len() && query.starts_with(q.as_str()));
        if !prev.trim().is_empty() && prev.len() < query.len() && query.starts_with(&prev) {
            let old = std::mem::replace(&mut self.last, search);
            self.history.push((prev, old));
        } else {
            self.last = search;
        }
        self.best = self.last.best;
        self.hits_for = query;
    }

    /// Forgets the hits and the searches kept for narrowing (the query was emptied).
    fn forget_hits(&mut self) {
        self.hits.clear();
        self.best = None;
        self.hits_for.clear();
        self.history.clear();
        self.last = Search::default();
    }

    /// Backspace back to an earlier query: what its search found in the names is still there, and a
    /// search for it starts from that (taken out, with the searches of longer queries).
    fn recall(&mut self, query: &str) -> Option<Search> {
        let pos = self.history.iter().rposition(|(q, _)| q == query)?;
        self.history.truncate(pos + 1);
        self.history.pop().map(|(_, search)| search)
    }

    /// The search a longer query can narrow from: the last one, when `query` extends its query.
    fn base_for(&self, query: &str) -> Option<&Search> {
        (!self.hits_for.trim().is_empty() && query.starts_with(&self.hits_for))
            .then_some(&self.last)
    }

    /// Keeps the query among the recent ones.
    fn remember(&mut self) {
        let q = self.query().trim().to_string();
        if q.is_empty() {
            return;
        }
        self.recent.retain(|r| *r != q);
        self.recent.insert(0, q);
        self.recent.truncate(RECENT);
    }
}

impl App {
    /// Is a search running for what is on screen?
    pub fn search_pending(&self) -> bool {
        self.filter.is_pending() || (self.mode == Mode::Palette && self.palette.is_pending())
    }

    /// The keys of the filter line.
    pub(super) fn filter_input(&mut self, action: Action) {
        if action == Action::Recall {
            self.recall_query();
            return;
        }
        if self.filter.input.edit(action) {
            self.run_filter();
            return;
        }
        if self.filter.input.move_cursor(action) {
            return;
        }
        match action {
            Action::Confirm => {
                self.mode = Mode::Browse;
                let from = self.filter_origin.take();
                self.jumped(from);
                self.filter.remember();
                if !self.filter.is_active() {
                    self.narrow();
                } else if let Err(e) = crate::search::parse(self.filter.query()) {
                    // Kept as it stands: it still says why it cannot be understood.
                    self.say_query_error(&e);
                }
            }
            Action::Cancel => {
                self.mode = Mode::Browse;
                let selected = self.tree_view.selected;
                let origin = self.filter_origin.take();
                self.detail_hits.reset();
                self.filter.clear_query();
                self.narrow();
                match (selected, origin) {
                    (Some(sel), _) => self.reveal(sel),
                    // Nothing matched, so nothing is selected: back where the filter was opened.
                    (None, Some(place)) => {
                        self.go_to(&place);
                    }
                    (None, None) => {}
                }
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::Quit => self.running = false,
            _ => {}
        }
    }

    /// `Ctrl-R`: the most recent query kept with Enter in place of what is typed; again, the one before
    /// it (round to the most recent after the oldest).
    fn recall_query(&mut self) {
        let recent = &self.filter.recent;
        if recent.is_empty() {
            self.say("No filter kept yet (Enter keeps one)");
            return;
        }
        let typed = self.filter.query().trim();
        let at = recent
            .iter()
            .position(|r| r == typed)
            .map_or(0, |i| (i + 1) % recent.len());
        let Some(query) = recent.get(at).cloned() else {
            return;
        };
        let of = recent.len();
        self.filter.input = query.as_str().into();
        self.run_filter();
        if self.message.is_none() {
            self.say(format!("Recent filter {} of {of}", at + 1));
        }
    }

    /// Says why the query cannot be understood, and which query the tree still shows (its count in the
    /// tree's title is that query's, not this one's).
    fn say_query_error(&mut self, e: &crate::search::QueryError) {
        let shown = self.filter.hits_for.trim();
        self.say(if shown.is_empty() {
            e.to_string()
        } else {
            format!("still showing “{shown}”: {e}")
        });
        self.filter.error_said = true;
    }

    /// Searches for the filter's query (in place, or queued for the worker) and shows what it matched.
    /// A query that cannot be understood is said on the status line; the last good result stays.
    pub(super) fn run_filter(&mut self) {
        self.detail_hits.reset();
        if !self.filter.is_active() {
            // The query emptied (Backspace, Ctrl-W, Ctrl-U): every paper shows again, and the selected
            // one stays selected (its topics opened), as after Esc.
            let selected = self.tree_view.selected;
            self.filter.forget_hits();
            self.filter.parsed = Query::default();
            self.clear_query_error();
            self.narrow();
            if let Some(sel) = selected {
                self.reveal(sel);
            }
            return;
        }
        let q = self.filter.query().to_string();
        let parsed = match crate::search::parse(&q) {
            Ok(p) => p,
            Err(e) => {
                self.say_query_error(&e);
                return;
            }
        };
        self.clear_query_error();
        self.filter.parsed = parsed.clone();
        let recalled = self.filter.recall(&q);
        let base = recalled.as_ref().or_else(|| self.filter.base_for(&q));
        if self.searches.off_thread {
            let job = self.search_job(SearchTarget::Filter, base.map(Search::base), q, parsed);
            self.filter.pending = self.searches.queue(job);
            self.filter.keep_selection = false;
            return;
        }
        // One more key: only what could still match can match.
        let marks = self.key_marks();
        let search = self
            .index
            .find_best_cancellable(&parsed, base, &marks, &|| false)
            .unwrap_or_default();
        self.filter.accept(q, search);
        self.show_filter_hits();
    }

    /// The marks as `is:` reads them, borrowed (for a search in place).
    pub(super) fn key_marks(&self) -> KeyMarks<'_> {
        KeyMarks {
            works: &self.works,
            bookmarks: &self.marks.bookmarks,
            read: &self.marks.read,
            new: &self.news.new,
        }
    }

    /// A search for the worker: `query` as typed and as parsed, narrowed `within` an earlier search's
    /// hits when given, with the index and (when the query asks for them) a copy of the marks.
    pub(super) fn search_job(
        &self,
        target: SearchTarget,
        within: Option<Search>,
        query: String,
        parsed: Query,
    ) -> SearchJob {
        SearchJob {
            generation: 0,
            target,
            within,
            marks: self.mark_table(&parsed),
            index: self.index.clone(),
            query,
            parsed,
        }
    }

    /// A copy of the marks for a search on the worker, when the query asks for them.
    pub(super) fn mark_table(&self, query: &Query) -> Option<Arc<MarkTable>> {
        query
            .uses_marks()
            .then(|| Arc::new(MarkTable::new(&self.library, &self.key_marks())))
    }

    /// Clears the status line's word on a query that could not be understood, once it can.
    fn clear_query_error(&mut self) {
        if std::mem::take(&mut self.filter.error_said) {
            self.message = None;
        }
    }

    /// A search job for the filter is done: its result is taken unless the query changed or a newer job
    /// was queued since.
    pub(super) fn filter_search_done(&mut self, generation: u64, query: String, search: Search) {
        if generation != self.filter.pending {
            return;
        }
        self.filter.pending = 0;
        if query == self.filter.query() {
            self.filter.accept(query, search);
            if std::mem::take(&mut self.filter.keep_selection) {
                let left = self.filter.left_paper.take();
                self.narrow();
                if let Some(old) = left {
                    self.follow_left_paper(old);
                }
            } else {
                self.show_filter_hits();
            }
        }
    }

    /// After a reload: the query's searches on the old index are dropped (their hits point at the old
    /// papers), and its hits are found again on the new one, without moving the selection.
    pub(super) fn refilter(&mut self) {
        let input = std::mem::take(&mut self.filter.input);
        // The last good query (what the hits were for), whether or not the text now parses.
        let parsed = std::mem::take(&mut self.filter.parsed);
        self.filter.clear_query();
        self.filter.input = input;
        self.filter.parsed = parsed;
        if self.filter.is_active() {
            let q = self.filter.query().to_string();
            let parsed = self.filter.parsed.clone();
            if self.searches.off_thread {
                // Off the UI thread: keys are handled meanwhile, and the status line says
                // `searching…` until the hits come back.
                let job = self.search_job(SearchTarget::Filter, None, q, parsed);
                self.filter.pending = self.searches.queue(job);
                self.filter.keep_selection = true;
                return;
            }
            let search = self
                .index
                .find_best_cancellable(&parsed, None, &self.key_marks(), &|| false)
                .unwrap_or_default();
            self.filter.accept(q, search);
        }
    }

    /// A filter typed while the first notes loaded: its best hit is selected (now, or when its search
    /// comes back), as if it were typed after.
    pub(super) fn select_filters_best(&mut self) {
        if !self.filter.is_active() {
            return;
        }
        if self.filter.is_pending() {
            self.filter.keep_selection = false;
        } else {
            self.show_filter_hits();
        }
    }

    /// Shows the filter's hits in the tree and selects the best one (when the bookmark or unread toggle
    /// hides it, the first one shown).
    fn show_filter_hits(&mut self) {
        self.narrow();
        let shown = self.tree_view.shown.as_deref();
        let best = self
            .filter
            .best
            .iter()
            .chain(&self.filter.hits)
            .filter_map(|h| self.tree.node_of_paper(h.paper))
            .find(|&id| shown.is_some_and(|s| s[id]));
        if let Some(best) = best {
            self.select_node(best);
        }
    }

    /// The papers the filter and the bookmark/unread toggles let through, in library order
    /// (else in library order); `None` when nothing narrows (every paper shows).
    pub(super) fn narrowed_papers(&self) -> Option<Vec<PaperRef>> {
        let f = &self.filter;
        if !f.is_active() && !f.only_bookmarked && !f.only_unread {
            return None;
        }
        let keep = |r: &PaperRef| {
            (!f.only_bookmarked || self.is_bookmarked(*r)) && (!f.only_unread || !self.is_read(*r))
        };
        Some(if f.is_active() {
            f.hits.iter().map(|h| h.paper).filter(keep).collect()
        } else {
            self.library.papers().map(|(r, _)| r).filter(keep).collect()
        })
    }

    /// Recomputes which nodes show under the filter and the bookmark/unread toggles.
    pub(super) fn narrow(&mut self) {
        // The room of the last narrowing is reused: at 100,000 papers, fresh room costs more than the
        // marking itself.
        let v = &mut self.tree_view;
        let mut shown = v.shown.take().unwrap_or_default();
        let mut below = std::mem::take(&mut v.shown_below);
        let mut rows = std::mem::take(&mut v.rows);
        let f = &self.filter;
        let papers = if f.is_active()
            && !f.only_bookmarked
            && !f.only_unread
            && !matches!(self.views.view, View::By(_))
        {
            // The filter alone (the usual case, every key): its hits as they are, without a call per hit
            // through the general path below.
            let hits = f.hits.iter().map(|h| h.paper);
            self.tree
                .narrow_into(hits, &mut shown, &mut below, &mut rows);
            Some(f.hits.len())
        } else {
            self.narrowed_count(|papers| {
                self.tree
                    .narrow_into(papers, &mut shown, &mut below, &mut rows)
            })
        };
        let narrowed = papers.map(|papers| Narrowed {
            shown,
            below,
            rows,
            papers,
        });
        self.in_tree(|v, t, h| v.narrow(t, narrowed, h));
    }

    /// Hands `mark` the papers the filter and the toggles let through, in library order, and gives how
    /// many it shows (a grouped view shows works, each once in a group: those are counted); `None`
    /// when nothing narrows.
    fn narrowed_count(
        &self,
        mark: impl FnOnce(&mut dyn Iterator<Item = PaperRef>),
    ) -> Option<usize> {
        let f = &self.filter;
        if !f.is_active() && !f.only_bookmarked && !f.only_unread {
            return None;
        }
        if let View::By(_) = self.views.view {
            let papers = self.narrowed_papers()?;
            mark(&mut papers.iter().copied());
            return Some(crate::export::works_of(&self.works, papers.iter().copied()).len());
        }
        let keep = |r: &PaperRef| {
            (!f.only_bookmarked || self.is_bookmarked(*r)) && (!f.only_unread || !self.is_read(*r))
        };
        let mut count = 0;
        if f.is_active() {
            mark(
                &mut f
                    .hits
                    .iter()
                    .map(|h| h.paper)
                    .filter(keep)
                    .inspect(|_| count += 1),
            );
        } else {
            mark(
                &mut self
                    .library
                    .papers()
                    .map(|(r, _)| r)
                    .filter(keep)
                    .inspect(|_| count += 1),
            );
        }
        Some(count)
    }

    /// Esc while browsing: clears the filter and the toggles, keeping the selected paper selected (its
    /// ancestors expanded).
    pub(super) fn clear_filter(&mut self) {
        // No query, no hits to step through.
        self.detail_hits.reset();
        self.filter.clear();
        self.tree_view.shown = None;
        match self.tree_view.selected {
            Some(sel) => self.reveal(sel),
            None => self.refresh_rows(),
        }
    }
}
