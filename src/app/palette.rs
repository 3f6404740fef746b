//! The jump palette (`Ctrl-P`): every paper (each work once) and note page, ranked as you type; Enter
//! jumps to the highlighted one.

use super::event::SearchTarget;
use super::text_input::TextInput;
use super::{Action, App, Focus, Mode};
use crate::search::{merge_ranked, Hit, Query, Ranked, Search};

/// How far PgUp and PgDn move the highlight.
const PAGE: usize = 10;

/// The palette's query, its ranked items and the highlighted one.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub input: TextInput,
    pub items: Vec<Ranked>,
    pub selected: usize,
    /// The last query that could be understood (the items are for it).
    pub parsed: Query,
    /// The generation of the search job running for the query (0: none).
    pending: u64,
    /// The query the items were found for.
    items_for: String,
}

impl Palette {
    pub fn query(&self) -> &str {
        self.input.as_str()
    }

    /// Is a search job running for the query?
    pub fn is_pending(&self) -> bool {
        self.pending != 0
    }
}

impl App {
    pub(super) fn open_palette(&mut self) {
        self.mode = Mode::Palette;
        self.palette = Palette::default();
        self.run_palette();
    }

    /// Ranks the papers and pages for the query (queued for the worker in a large library). A query that
    /// cannot be understood is said on the status line; the items stay.
    pub(super) fn run_palette(&mut self) {
        let q = self.palette.query().to_string();
        let parsed = match crate::search::parse(&q) {
            Ok(p) => p,
            Err(e) => {
                // The items stay: say which query they are for, as the filter does.
                let shown = self.palette.items_for.trim();
                self.say(if shown.is_empty() {
                    e.to_string()
                } else {
                    format!("still showing “{shown}”: {e}")
                });
                return;
            }
        };
        self.palette.parsed = parsed.clone();
        if self.searches.off_thread && !self.palette.input.is_blank() {
            let job = self.search_job(SearchTarget::Palette, None, q, parsed);
            self.palette.pending = self.searches.queue(job);
            return;
        }
        self.palette.pending = 0;
        let hits = self.index.find(&parsed, &self.key_marks());
        self.palette.items_for = q;
        self.palette_found(hits);
    }

    /// A search job for the palette is done: taken unless the query changed or a newer job was queued.
    pub(super) fn palette_search_done(&mut self, generation: u64, query: String, search: Search) {
        if generation != self.palette.pending {
            return;
        }
        self.palette.pending = 0;
        if query == self.palette.query() {
            self.palette.items_for = query;
            self.palette_found(search.hits);
        }
    }

    /// The papers found for the query (each work once), with the note pages, as the palette's items.
    fn palette_found(&mut self, hits: Vec<Hit>) {
        let pages = self.index.find_pages(&self.palette.parsed);
        self.palette.items = merge_ranked(self.works_once(hits), pages);
        self.palette.selected = 0;
    }

    pub(super) fn palette_action(&mut self, action: Action) {
        if self.palette.input.move_cursor(action) {
            return;
        }
        if self.palette.input.edit(action) {
            self.run_palette();
            return;
        }
        let last = self.palette.items.len().saturating_sub(1);
        let p = &mut self.palette;
        match action {
            Action::Down => p.selected = (p.selected + 1).min(last),
            Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::PageDown => p.selected = (p.selected + PAGE).min(last),
            Action::PageUp => p.selected = p.selected.saturating_sub(PAGE),
            Action::Confirm => {
                let target = match p.items.get(p.selected) {
                    Some(Ranked::Paper(h)) => self.tree.node_of_paper(h.paper),
                    Some(Ranked::Page(pg)) => self.tree.node_of_doc(pg.doc),
                    None => None,
                };
                self.mode = Mode::Browse;
                match target {
                    Some(id) => {
                        let from = self.here();
                        self.reveal(id);
                        self.jumped(from);
                        self.focus = Focus::Tree;
                    }
                    None => self.say("No paper matches"),
                }
            }
            Action::Cancel => self.mode = Mode::Browse,
            Action::Quit => self.running = false,
            _ => {}
        }
    }
}
