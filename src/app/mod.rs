//! The whole UI state and [`App::update`], which is pure: it changes state and returns [`Effect`]s (open
//! this URL, copy this text) for the runtime to perform. Nothing here does I/O or knows the terminal.

pub mod action;
pub mod keymap;
pub mod tree;
mod works;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::model::work::Works;
use crate::model::{DocKind, Library, Link, Paper, PaperRef};
use crate::search::{Hit, Index, PageHit, Search};
use crate::state::{Mark, Selection, State};
pub use action::Action;
pub use keymap::{Key, KeyCode, KeyMap, Mode};
use tree::{NodeKind, Tree};

/// What the runtime must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL with the opener (its scheme already checked).
    Open(String),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Record a bookmark or read mark and write the state file.
    Mark(Mark),
    /// Open this file in the editor at this line (suspending the screen).
    Edit { path: PathBuf, line: usize },
    /// Give the terminal back to the shell until resumed (Ctrl-Z).
    Suspend,
    /// Run this search off the UI thread; its result comes back as [`Event::SearchDone`].
    Search(SearchJob),
}

/// What a search is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchTarget {
    Filter,
    Palette,
}

/// A search for a worker thread (large libraries: typing never waits for it).
#[derive(Clone)]
pub struct SearchJob {
    pub generation: u64,
    pub target: SearchTarget,
    pub query: String,
    pub index: std::sync::Arc<Index>,
    /// Narrow from this earlier search (its query is a prefix of `query`).
    pub within: Option<Search>,
}

impl std::fmt::Debug for SearchJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchJob")
            .field("generation", &self.generation)
            .field("target", &self.target)
            .field("query", &self.query)
            .finish()
    }
}

impl PartialEq for SearchJob {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.target == other.target
            && self.query == other.query
    }
}

impl Eq for SearchJob {}

/// Libraries with more papers than this search off the UI thread.
pub const ASYNC_SEARCH_PAPERS: usize = 20_000;

/// Input the app reacts to, already translated from the terminal's events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    /// A left click at a screen cell.
    Click {
        col: u16,
        row: u16,
    },
    /// The wheel, over a screen cell.
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// A search job finished (`search` is its result).
    SearchDone {
        generation: u64,
        target: SearchTarget,
        query: String,
        search: Search,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

/// The tree filter: the query, and what it matched.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub query: String,
    /// Hits for the query, best first.
    pub hits: Vec<Hit>,
    /// The search `hits` come from, and the query it is for.
    last: Search,
    hits_for: String,
    /// Earlier (shorter) queries and their searches, so typing narrows and Backspace is instant.
    history: Vec<(String, Search)>,
}

impl Filter {
    /// Is the filter narrowing the tree?
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

/// An entry of the jump palette.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteItem {
    Paper(Hit),
    Page(PageHit),
}

/// The jump palette's query, its ranked items and the highlighted one.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    pub items: Vec<PaletteItem>,
    pub selected: usize,
}

/// Papers and note pages in one ranking: a page whose title matches ranks with the papers whose titles
/// match (by score; a paper first on a tie), above papers that matched elsewhere. With no query: papers,
/// then pages, in document order.
pub fn merge_ranked(papers: Vec<Hit>, pages: Vec<PageHit>) -> Vec<PaletteItem> {
    let mut out = Vec::with_capacity(papers.len() + pages.len());
    let mut pages = pages.into_iter().peekable();
    for h in papers {
        while let Some(pg) = pages.peek() {
            let page_first =
                pg.score > 0 && (h.field != crate::search::Field::Title || pg.score > h.score);
            if !page_first {
                break;
            }
            out.extend(pages.next().map(PaletteItem::Page));
        }
        out.push(PaletteItem::Paper(h));
    }
    out.extend(pages.map(PaletteItem::Page));
    out
}

pub struct App {
    /// Shared with the runtime's reload, which reads it off the UI thread.
    pub library: std::sync::Arc<Library>,
    pub index: std::sync::Arc<Index>,
    /// Which papers are one work listed in several places.
    pub works: Works,
    pub tree: Tree,
    pub keymap: KeyMap,
    pub mode: Mode,
    pub focus: Focus,
    /// Per tree node: expanded (ignored while the view is narrowed, which shows every match's ancestors).
    pub expanded: Vec<bool>,
    /// Per tree node, when the view is narrowed (filter, only bookmarked, only unread): shown or not.
    pub shown: Option<Vec<bool>>,
    /// Papers shown while narrowed.
    pub shown_papers: usize,
    /// Keys of the bookmarked and read works (marks a state file keeps for papers not loaded, and paper
    /// ids written by earlier versions, are kept too).
    pub bookmarks: HashSet<String>,
    pub read: HashSet<String>,
    /// Per tree node: papers at or below it not marked read.
    pub unread: Vec<usize>,
    pub only_bookmarked: bool,
    pub only_unread: bool,
    pub mark_read_on_open: bool,
    /// Filter queries, most recent first.
    pub recent_filters: Vec<String>,
    /// Visible rows (tree node ids), recomputed whenever expansion or filter change.
    pub rows: Vec<usize>,
    /// The selected tree node, if the tree is not empty.
    pub selected: Option<usize>,
    /// First visible row of the tree pane.
    pub tree_offset: usize,
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub filter: Filter,
    pub palette: Palette,
    /// Highlighted entry of the link popup.
    pub link_choice: usize,
    /// The status line's message (replaced by the next one).
    pub message: Option<String>,
    /// Terminal size, for layout and paging.
    pub size: (u16, u16),
    /// URL schemes the opener may be given.
    pub allowed_schemes: Vec<String>,
    pub theme: crate::ui::theme::Theme,
    pub running: bool,
    /// Search on a worker thread (set by the runtime for large libraries; tests search in place).
    pub async_search: bool,
    /// The notes are being loaded off the UI thread: how far it got (the library is empty meanwhile).
    pub loading: Option<Loading>,
    /// The latest search job's generation, per target: older results are dropped.
    search_generation: u64,
    latest_filter: u64,
    latest_palette: u64,
    /// Jobs queued by the current update, returned as effects.
    jobs: Vec<SearchJob>,
}

impl App {
    pub fn new(library: Library) -> Self {
        let Prepared {
            library,
            index,
            works,
            tree,
        } = Prepared::new(library);
        let expanded = default_expansion(&tree);
        let mut app = App {
            library,
            index,
            works,
            tree,
            keymap: KeyMap::default(),
            mode: Mode::Browse,
            focus: Focus::Tree,
            expanded,
            shown: None,
            shown_papers: 0,
            bookmarks: HashSet::new(),
            read: HashSet::new(),
            unread: Vec::new(),
            only_bookmarked: false,
            only_unread: false,
            mark_read_on_open: false,
            recent_filters: Vec::new(),
            rows: Vec::new(),
            selected: None,
            tree_offset: 0,
            detail_scroll: 0,
            help_scroll: 0,
            filter: Filter::default(),
            palette: Palette::default(),
            link_choice: 0,
            message: None,
            size: (80, 24),
            allowed_schemes: vec!["http".into(), "https".into()],
            theme: Default::default(),
            running: true,
            async_search: false,
            loading: None,
            search_generation: 0,
            latest_filter: 0,
            latest_palette: 0,
            jobs: Vec::new(),
        };
        app.recount_unread();
        app.refresh_rows();
        app.selected = app.rows.first().copied();
        app
    }

    // ----- marks, views and sessions -------------------------------------------------------------

    /// Takes the marks of a state (after loading or saving it).
    pub fn set_marks(&mut self, state: &State) {
        self.bookmarks = self.work_marks(state.bookmarks.keys());
        self.read = self.work_marks(state.read.keys());
        self.recount_unread();
        self.recompute_view();
    }

    fn recount_unread(&mut self) {
        let mut unread = vec![0usize; self.tree.len()];
        for (id, n) in self.tree.nodes.iter().enumerate() {
            if let Some(r) = n.paper() {
                if !self.is_read(r) {
                    unread[id] += 1;
                    for a in self.tree.ancestors(id) {
                        unread[a] += 1;
                    }
                }
            }
        }
        self.unread = unread;
    }

    /// Is the tree narrowed to some papers (filter, only bookmarked, only unread)?
    pub fn narrowed(&self) -> bool {
        self.shown.is_some()
    }

    /// Recomputes which nodes show under the filter and the bookmark/unread toggles.
    fn recompute_view(&mut self) {
        if !self.filter.is_active() && !self.only_bookmarked && !self.only_unread {
            self.shown = None;
            self.shown_papers = 0;
        } else {
            let keep = |r: PaperRef| {
                (!self.only_bookmarked || self.is_bookmarked(r))
                    && (!self.only_unread || !self.is_read(r))
            };
            let papers: Vec<PaperRef> = if self.filter.is_active() {
                self.filter
                    .hits
                    .iter()
                    .map(|h| h.paper)
                    .filter(|&r| keep(r))
                    .collect()
            } else {
                self.library
                    .papers()
                    .map(|(r, _)| r)
                    .filter(|&r| keep(r))
                    .collect()
            };
            self.shown_papers = papers.len();
            self.shown = Some(self.tree.shown_for(papers));
        }
        self.refresh_rows();
    }

    /// A key for a tree node that survives reloads: the document's source and the titles from the
    /// document down to it (wherever the navigation puts the document), or for a folder of the navigation
    /// [`NAV_KEY`] and the titles from the top down to it.
    pub fn node_key(&self, id: usize) -> String {
        let node = &self.tree.nodes[id];
        let mut parts: Vec<&str> = vec![node.title.as_str()];
        match node.doc {
            Some(d) => {
                // Up to the document's own node: the titles inside it.
                let mut cur = id;
                while self.tree.nodes[cur].kind != NodeKind::Document {
                    let Some(p) = self.tree.nodes[cur].parent else {
                        break;
                    };
                    cur = p;
                    parts.push(&self.tree.nodes[cur].title);
                }
                parts.push(&self.library.documents[d].source);
            }
            None => {
                parts.extend(
                    self.tree
                        .ancestors(id)
                        .map(|a| self.tree.nodes[a].title.as_str()),
                );
                parts.push(NAV_KEY);
            }
        }
        parts.reverse();
        parts.join("\u{1f}")
    }

    /// What to remember of this session: the selection, the expanded nodes, recent filters.
    pub fn session(&self, state: &mut State) {
        state.selected = self.selected.map(|id| Selection {
            node: self.node_key(id),
            paper: self.tree.nodes[id]
                .paper()
                .and_then(|r| self.library.paper(r))
                .map(|p| p.id.clone()),
            line: self.tree.nodes[id]
                .paper()
                .and_then(|r| self.library.paper(r))
                .map(|p| p.line),
        });
        state.expanded = (0..self.tree.len())
            .filter(|&id| self.expanded[id])
            .map(|id| self.node_key(id))
            .collect();
        state.recent_filters = self.recent_filters.clone();
    }

    /// Restores a remembered session: expansion by node key, the selection by paper id, else by node
    /// key, else by the same document and line.
    pub fn restore_session(&mut self, state: &State) {
        let keys: HashMap<String, usize> = (0..self.tree.len())
            .map(|id| (self.node_key(id), id))
            .collect();
        // Expansion is restored for the documents the saved state knows; others keep their defaults
        // (a state saved with other notes must not close everything).
        let known: HashSet<&str> = state
            .expanded
            .iter()
            .filter_map(|k| k.split('\u{1f}').next())
            .collect();
        for (id, n) in self.tree.nodes.iter().enumerate() {
            let source = n
                .doc
                .map_or(NAV_KEY, |d| self.library.documents[d].source.as_str());
            if known.contains(source) {
                self.expanded[id] = false;
            }
        }
        for k in &state.expanded {
            if let Some(&id) = keys.get(k) {
                self.expanded[id] = true;
            }
        }
        self.recent_filters = state.recent_filters.clone();
        if let Some(sel) = &state.selected {
            let by_id = sel
                .paper
                .as_deref()
                .and_then(|pid| self.library.find_id(pid))
                .and_then(|r| self.tree.node_of_paper(r));
            let by_key = || keys.get(&sel.node).copied();
            let by_line = || {
                let source = sel.node.split('\u{1f}').next()?;
                let line = sel.line?;
                self.library.papers().find_map(|(r, p)| {
                    (p.line == line && self.library.documents[r.doc].source == source)
                        .then(|| self.tree.node_of_paper(r))
                        .flatten()
                })
            };
            if let Some(id) = by_id.or_else(by_key).or_else(by_line) {
                self.reveal(id);
                return;
            }
        }
        self.refresh_rows();
    }

    /// Replaces the library (after a reload), keeping the selection, expansion, filter and marks.
    pub fn replace_library(&mut self, library: Library) {
        self.replace_prepared(Prepared::new(library));
    }

    /// [`App::replace_library`] with the index and tree already built (off the UI thread).
    pub fn replace_prepared(&mut self, prepared: Prepared) {
        let mut session = State::default();
        self.session(&mut session);
        let bookmarks = std::mem::take(&mut self.bookmarks);
        let read = std::mem::take(&mut self.read);
        let first = self.library.documents.is_empty();
        self.library = prepared.library;
        self.index = prepared.index;
        self.works = prepared.works;
        // Results of searches on the old index would point at the old papers: drop them.
        self.latest_filter = 0;
        self.latest_palette = 0;
        self.tree = prepared.tree;
        // The first notes (loaded off the UI thread) open as `App::new` would open them.
        self.expanded = if first {
            default_expansion(&self.tree)
        } else {
            vec![false; self.tree.len()]
        };
        self.selected = None;
        // Paper ids of earlier versions may name papers that were not loaded before.
        self.bookmarks = self.work_marks(bookmarks.iter());
        self.read = self.work_marks(read.iter());
        self.recount_unread();
        let query = self.filter.query.clone();
        self.filter = Filter {
            query,
            ..Filter::default()
        };
        if self.filter.is_active() {
            self.filter.hits = self.index.search(&self.filter.query);
        }
        self.shown = None;
        self.recompute_view();
        self.restore_session(&session);
        if self.selected.is_none() {
            self.selected = self.rows.first().copied();
        }
        if self.mode == Mode::Palette {
            self.run_palette();
        }
        if self.mode == Mode::LinkMenu {
            self.mode = Mode::Browse;
        }
    }

    /// The notes loaded off the UI thread have arrived: shows them, with the session (selection,
    /// expansion) of `state` restored, and searches off the UI thread when they are large.
    pub fn finish_loading(&mut self, prepared: Prepared, state: &State) {
        self.loading = None;
        self.replace_prepared(prepared);
        self.async_search = self.index.len() > ASYNC_SEARCH_PAPERS;
        self.restore_session(state);
    }

    /// Bookmarks or marks read the selected paper's work, in every place; unmarking also drops the marks
    /// an earlier version kept by the ids of its places.
    fn toggle_mark(&mut self, bookmark: bool) -> Vec<Effect> {
        let Some((r, p)) = self.selected_paper() else {
            self.say("Select a paper to mark it");
            return Vec::new();
        };
        let key = self.works.key_of(r).unwrap_or(&p.id).to_string();
        let title = p.title.clone();
        let places = self.place_count(r);
        let place_ids: Vec<String> = self
            .places(r)
            .into_iter()
            .filter_map(|o| self.library.paper(o))
            .map(|o| o.id.clone())
            .collect();
        let set = if bookmark {
            &mut self.bookmarks
        } else {
            &mut self.read
        };
        let on = !set.contains(&key);
        let mut keys = vec![key.clone()];
        if on {
            set.insert(key);
        } else {
            set.remove(&key);
            keys.extend(place_ids.into_iter().filter(|id| set.remove(id)));
        }
        let where_ = if places > 1 {
            format!(" (in its {places} places)")
        } else {
            String::new()
        };
        self.say(match (bookmark, on) {
            (true, true) => format!("★ Bookmarked {title}{where_}"),
            (true, false) => format!("Removed the bookmark of {title}{where_}"),
            (false, true) => format!("Marked read: {title}{where_}"),
            (false, false) => format!("Marked unread: {title}{where_}"),
        });
        self.recount_unread();
        if self.only_bookmarked || self.only_unread {
            self.recompute_view();
        }
        keys.into_iter()
            .map(|id| {
                Effect::Mark(if bookmark {
                    Mark::Bookmark { id, on }
                } else {
                    Mark::Read { id, on }
                })
            })
            .collect()
    }

    // ----- queries used by the views -------------------------------------------------------------

    /// The selected paper, when a paper row is selected.
    pub fn selected_paper(&self) -> Option<(PaperRef, &Paper)> {
        let r = self.tree.nodes.get(self.selected?)?.paper()?;
        Some((r, self.library.paper(r)?))
    }

    /// Row index of the selection among the visible rows.
    pub fn cursor(&self) -> Option<usize> {
        let sel = self.selected?;
        self.rows.iter().position(|&id| id == sel)
    }

    /// Rows the tree pane can show at the current size.
    pub fn tree_height(&self) -> usize {
        crate::ui::layout::areas(self.size, self.filter_bar_shown())
            .tree_rows
            .height as usize
    }

    /// Is the filter line shown above the tree?
    pub fn filter_bar_shown(&self) -> bool {
        self.mode == Mode::FilterInput || self.filter.is_active()
    }

    /// How the detail pane numbers the links of the selected paper ([`App::selected_links`]): (key shown,
    /// link). The first link of each lettered label gets its letter (`p` Paper, `v` Video, …); the others
    /// their number.
    pub fn link_keys<'a>(&self, links: &[&'a Link]) -> Vec<(String, &'a Link)> {
        let mut used = Vec::new();
        links
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let lettered = [
                    Action::OpenPaper,
                    Action::OpenVideo,
                    Action::OpenSlides,
                    Action::OpenCode,
                    Action::OpenArtifact,
                ]
                .into_iter()
                .find(|a| {
                    a.link_label()
                        .is_some_and(|lab| l.label.eq_ignore_ascii_case(lab))
                });
                let key = match lettered {
                    Some(a) if !used.contains(&a) => {
                        used.push(a);
                        self.keymap.key_for(Mode::Browse, a).map(|k| k.to_string())
                    }
                    _ => None,
                };
                let key = key.unwrap_or_else(|| (i + 1).to_string());
                (key, l)
            })
            .collect()
    }

    // ----- events and actions --------------------------------------------------------------------

    /// Turns an input event into actions through the key map, and applies them.
    pub fn handle(&mut self, ev: Event) -> Vec<Effect> {
        match ev {
            Event::Key(key) => match self.keymap.action(self.mode, key) {
                Some(a) => self.update(a),
                None => {
                    if let KeyCode::Char(c) = key.code {
                        if self.mode.takes_text() && !key.ctrl && !key.alt {
                            self.type_char(c);
                        }
                    }
                    self.jobs.drain(..).map(Effect::Search).collect()
                }
            },
            Event::SearchDone {
                generation,
                target,
                query,
                search,
            } => {
                self.search_done(generation, target, query, search);
                Vec::new()
            }
            Event::Resize { width, height } => {
                self.size = (width, height);
                self.scroll_to_selection();
                Vec::new()
            }
            Event::Click { col, row } => {
                self.click(col, row);
                Vec::new()
            }
            Event::Scroll { col, row, down } => {
                self.wheel(col, row, down);
                Vec::new()
            }
        }
    }

    /// Applies one action. Returns what the runtime must do; never does I/O itself.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = self.apply(action);
        effects.extend(self.jobs.drain(..).map(Effect::Search));
        effects
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        match self.mode {
            Mode::Browse => self.browse(action),
            Mode::FilterInput => {
                self.filter_input(action);
                Vec::new()
            }
            Mode::Palette => {
                self.palette_action(action);
                Vec::new()
            }
            Mode::LinkMenu => self.link_menu(action),
            Mode::Help => {
                match action {
                    Action::Cancel | Action::Help => self.mode = Mode::Browse,
                    Action::Down => self.help_scroll += 1,
                    Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                    Action::Quit => self.running = false,
                    _ => {}
                }
                Vec::new()
            }
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let page = self.tree_height().max(1);
        match action {
            Down | Up | PageDown | PageUp | First | Last if self.focus == Focus::Detail => {
                let max = self.detail_max_scroll();
                let s = &mut self.detail_scroll;
                *s = match action {
                    Down => *s + 1,
                    Up => s.saturating_sub(1),
                    PageDown => *s + page.saturating_sub(1).max(1),
                    PageUp => s.saturating_sub(page.saturating_sub(1).max(1)),
                    First => 0,
                    _ => max,
                }
                .min(max);
            }
            Down => self.move_by(1),
            Up => self.move_by(-1),
            PageDown => self.move_by(page as isize),
            PageUp => self.move_by(-(page as isize)),
            First => self.select_row(0),
            Last => self.select_row(self.rows.len().saturating_sub(1)),
            Collapse => self.collapse(),
            Expand => self.expand(),
            Activate => self.activate(),
            SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Detail,
                    Focus::Detail => Focus::Tree,
                }
            }
            Filter => {
                self.mode = Mode::FilterInput;
                self.focus = Focus::Tree;
            }
            NextMatch => self.next_match(true),
            PrevMatch => self.next_match(false),
            Jump => {
                self.mode = Mode::Palette;
                self.palette = Palette::default();
                self.run_palette();
            }
            OpenPaper | OpenVideo | OpenSlides | OpenCode | OpenArtifact => {
                let label = action.link_label().unwrap_or("Paper");
                return self.open_labelled(label);
            }
            OpenLink1 | OpenLink2 | OpenLink3 | OpenLink4 | OpenLink5 | OpenLink6 | OpenLink7
            | OpenLink8 | OpenLink9 => {
                let n = action.link_number().unwrap_or(1);
                return self.open_numbered(n);
            }
            LinkMenu => match self.selected_paper() {
                Some(_) if !self.selected_links().is_empty() => {
                    self.mode = Mode::LinkMenu;
                    self.link_choice = 0;
                }
                Some(_) => self.say("This paper has no links"),
                None => self.say("Select a paper to choose its links"),
            },
            CopyUrl => return self.copy(false),
            CopyMarkdown => return self.copy(true),
            ToggleBookmark => return self.toggle_mark(true),
            ToggleRead => return self.toggle_mark(false),
            OnlyBookmarked => {
                self.only_bookmarked = !self.only_bookmarked;
                self.recompute_view();
                self.say(if self.only_bookmarked {
                    "Showing only bookmarked papers (B again: all)"
                } else {
                    "Showing all papers"
                });
                self.select_first_shown_paper();
            }
            OnlyUnread => {
                self.only_unread = !self.only_unread;
                self.recompute_view();
                self.say(if self.only_unread {
                    "Showing only unread papers (U again: all)"
                } else {
                    "Showing all papers"
                });
                self.select_first_shown_paper();
            }
            NextPlace => self.next_place(),
            Edit => return self.edit(),
            Suspend => return vec![Effect::Suspend],
            Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Quit => self.running = false,
            Cancel => {
                if self.narrowed() {
                    self.clear_filter();
                } else if self.focus == Focus::Detail {
                    self.focus = Focus::Tree;
                }
            }
            Confirm | DeleteChar | DeleteWord => {}
        }
        Vec::new()
    }

    // ----- movement --------------------------------------------------------------------------------

    fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let cur = self.cursor().unwrap_or(0) as isize;
        let last = self.rows.len() as isize - 1;
        self.select_row((cur + delta).clamp(0, last) as usize);
    }

    fn select_row(&mut self, row: usize) {
        if let Some(&id) = self.rows.get(row) {
            self.select_node(id);
        }
    }

    /// Selects a node (which must be visible), resetting the detail scroll when it changes.
    fn select_node(&mut self, id: usize) {
        if self.selected != Some(id) {
            self.detail_scroll = 0;
        }
        self.selected = Some(id);
        self.scroll_to_selection();
    }

    /// Keeps the selected row inside the tree pane.
    fn scroll_to_selection(&mut self) {
        let height = self.tree_height().max(1);
        let Some(cur) = self.cursor() else {
            self.tree_offset = 0;
            return;
        };
        if cur < self.tree_offset {
            self.tree_offset = cur;
        } else if cur >= self.tree_offset + height {
            self.tree_offset = cur + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.tree_offset = self.tree_offset.min(max_offset);
    }

    /// Recomputes the visible rows; keeps the selection when it is still visible, else moves it to the
    /// nearest visible ancestor (or the first row).
    fn refresh_rows(&mut self) {
        self.rows = self.tree.visible(&self.expanded, self.shown.as_deref());
        if self.selected.is_none() {
            self.selected = self.rows.first().copied();
        }
        if let Some(sel) = self.selected {
            if !self.rows.contains(&sel) {
                let fallback = self
                    .tree
                    .ancestors(sel)
                    .find(|a| self.rows.contains(a))
                    .or_else(|| self.rows.first().copied());
                self.selected = fallback;
                self.detail_scroll = 0;
            }
        }
        self.scroll_to_selection();
    }

    fn collapse(&mut self) {
        let Some(sel) = self.selected else { return };
        let node = &self.tree.nodes[sel];
        if !node.is_leaf() && self.expanded[sel] && !self.narrowed() {
            self.expanded[sel] = false;
            self.refresh_rows();
        } else if let Some(p) = node.parent {
            self.select_node(p);
        }
    }

    fn expand(&mut self) {
        let Some(sel) = self.selected else { return };
        if self.tree.nodes[sel].is_leaf() {
            return;
        }
        if !self.expanded[sel] && !self.narrowed() {
            self.expanded[sel] = true;
            self.refresh_rows();
        } else if let Some(&first) = self.tree.nodes[sel]
            .children
            .iter()
            .find(|c| self.rows.contains(c))
        {
            self.select_node(first);
        }
    }

    fn activate(&mut self) {
        let Some(sel) = self.selected else { return };
        if self.tree.nodes[sel].paper().is_some() {
            self.focus = Focus::Detail;
        } else if self.tree.nodes[sel].is_leaf() {
            // A page: read it.
            self.focus = Focus::Detail;
        } else if !self.narrowed() {
            self.expanded[sel] = !self.expanded[sel];
            self.refresh_rows();
        }
    }

    /// Selects a node, expanding its ancestors, and clears a filter or toggle that hides it.
    pub fn reveal(&mut self, id: usize) {
        if let Some(shown) = &self.shown {
            if !shown.get(id).copied().unwrap_or(false) {
                self.filter = Filter::default();
                self.only_bookmarked = false;
                self.only_unread = false;
                self.shown = None;
            }
        }
        let ancestors: Vec<usize> = self.tree.ancestors(id).collect();
        for a in ancestors {
            self.expanded[a] = true;
        }
        self.refresh_rows();
        self.select_node(id);
    }

    fn select_first_shown_paper(&mut self) {
        if let Some(&id) = self
            .rows
            .iter()
            .find(|&&id| self.tree.nodes[id].paper().is_some())
        {
            self.select_node(id);
        }
    }

    fn next_match(&mut self, forward: bool) {
        if !self.narrowed() {
            self.say("No filter: press / to filter");
            return;
        }
        // Paper rows as (row index, node), in one pass.
        let papers: Vec<(usize, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, &id)| self.tree.nodes[id].paper().is_some())
            .map(|(i, &id)| (i, id))
            .collect();
        let (Some(&first), Some(&last)) = (papers.first(), papers.last()) else {
            return;
        };
        let cur = self.cursor().unwrap_or(0);
        let next = if forward {
            papers.iter().find(|(i, _)| *i > cur).unwrap_or(&first).1
        } else {
            papers
                .iter()
                .rev()
                .find(|(i, _)| *i < cur)
                .unwrap_or(&last)
                .1
        };
        self.select_node(next);
    }

    /// The largest useful detail scroll at the current size.
    fn detail_max_scroll(&self) -> usize {
        let area = crate::ui::layout::areas(self.size, self.filter_bar_shown()).detail_inner;
        let lines = crate::ui::detail::content(self, area.width).len();
        lines.saturating_sub(area.height as usize)
    }

    // ----- filter ----------------------------------------------------------------------------------

    fn filter_input(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                self.mode = Mode::Browse;
                self.remember_filter();
                if !self.filter.is_active() {
                    self.recompute_view();
                }
            }
            Action::Cancel => {
                self.mode = Mode::Browse;
                self.filter = Filter::default();
                match self.selected {
                    Some(sel) => {
                        self.recompute_view();
                        self.reveal(sel);
                    }
                    None => self.recompute_view(),
                }
            }
            Action::DeleteChar => {
                self.filter.query.pop();
                self.run_filter();
            }
            Action::DeleteWord => {
                delete_word(&mut self.filter.query);
                self.run_filter();
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::Quit => self.running = false,
            _ => {}
        }
    }

    fn type_char(&mut self, c: char) {
        match self.mode {
            Mode::FilterInput => {
                self.filter.query.push(c);
                self.run_filter();
            }
            Mode::Palette => {
                self.palette.query.push(c);
                self.run_palette();
            }
            _ => {}
        }
    }

    /// Runs the filter's query and selects the best match.
    fn run_filter(&mut self) {
        if !self.filter.is_active() {
            self.filter.hits.clear();
            self.recompute_view();
            return;
        }
        let q = self.filter.query.clone();
        if self.async_search && !self.filter.history.iter().any(|(hq, _)| *hq == q) {
            let prev = &self.filter.hits_for;
            let within = (!prev.trim().is_empty() && q.starts_with(prev.as_str()))
                .then(|| self.filter.last.clone());
            self.latest_filter = self.queue(SearchTarget::Filter, q, within);
            return;
        }
        let prev = std::mem::take(&mut self.filter.hits_for);
        if let Some(pos) = self.filter.history.iter().rposition(|(hq, _)| *hq == q) {
            // Backspace back to an earlier query: its search is kept.
            self.filter.history.truncate(pos + 1);
            self.filter.last = self
                .filter
                .history
                .pop()
                .map(|(_, s)| s)
                .unwrap_or_default();
        } else if !prev.trim().is_empty() && q.starts_with(&prev) {
            // One more key: only what could still match can match.
            let narrowed = self.index.search_within(&q, &self.filter.last);
            let old = std::mem::replace(&mut self.filter.last, narrowed);
            self.filter.history.push((prev, old));
        } else {
            self.filter.history.clear();
            self.filter.last = self.index.search_all(&q);
        }
        self.filter.hits = self.filter.last.hits.clone();
        self.filter.hits_for = q;
        self.show_filter_hits();
    }

    /// Queues a search job; returns its generation.
    fn queue(&mut self, target: SearchTarget, query: String, within: Option<Search>) -> u64 {
        self.search_generation += 1;
        self.jobs.push(SearchJob {
            generation: self.search_generation,
            target,
            query,
            index: self.index.clone(),
            within,
        });
        self.search_generation
    }

    /// Is a search running for what is on screen?
    pub fn search_pending(&self) -> bool {
        self.latest_filter != 0 || (self.mode == Mode::Palette && self.latest_palette != 0)
    }

    /// Takes a finished job's result, unless a newer job has been queued since.
    fn search_done(
        &mut self,
        generation: u64,
        target: SearchTarget,
        query: String,
        search: Search,
    ) {
        match target {
            SearchTarget::Filter
                if generation == self.latest_filter && query == self.filter.query =>
            {
                let prev = std::mem::take(&mut self.filter.hits_for);
                if !prev.trim().is_empty() && query.starts_with(&prev) {
                    let old = std::mem::replace(&mut self.filter.last, search);
                    self.filter.history.push((prev, old));
                } else {
                    self.filter.history.clear();
                    self.filter.last = search;
                }
                self.filter.hits = self.filter.last.hits.clone();
                self.filter.hits_for = query;
                self.latest_filter = 0;
                self.show_filter_hits();
            }
            SearchTarget::Palette
                if generation == self.latest_palette && query == self.palette.query =>
            {
                self.palette.items = merge_ranked(
                    self.works_once(search.hits),
                    self.index.search_pages(&query),
                );
                self.palette.selected = 0;
                self.latest_palette = 0;
            }
            // Its query no longer applies (the filter was cleared or edited): nothing is pending.
            _ => {
                if generation == self.latest_filter {
                    self.latest_filter = 0;
                }
                if generation == self.latest_palette {
                    self.latest_palette = 0;
                }
            }
        }
    }

    /// Shows the filter's hits in the tree and selects the best one.
    fn show_filter_hits(&mut self) {
        self.recompute_view();
        let best = self
            .filter
            .hits
            .iter()
            .filter_map(|h| self.tree.node_of_paper(h.paper))
            .find(|&id| self.shown.as_ref().is_some_and(|s| s[id]));
        if let Some(best) = best {
            self.select_node(best);
        }
    }

    /// Remembers a filter query among the recent ones.
    fn remember_filter(&mut self) {
        let q = self.filter.query.trim().to_string();
        if q.is_empty() {
            return;
        }
        self.recent_filters.retain(|r| *r != q);
        self.recent_filters.insert(0, q);
        self.recent_filters.truncate(20);
    }

    /// Clears the filter and the toggles, keeping the selected paper selected (its ancestors expanded).
    fn clear_filter(&mut self) {
        self.filter = Filter::default();
        self.only_bookmarked = false;
        self.only_unread = false;
        self.shown = None;
        match self.selected {
            Some(sel) => self.reveal(sel),
            None => self.refresh_rows(),
        }
    }

    // ----- palette ---------------------------------------------------------------------------------

    fn run_palette(&mut self) {
        if self.async_search && !self.palette.query.trim().is_empty() {
            let q = self.palette.query.clone();
            self.latest_palette = self.queue(SearchTarget::Palette, q, None);
            return;
        }
        self.latest_palette = 0;
        let q = &self.palette.query;
        self.palette.items = merge_ranked(
            self.works_once(self.index.search(q)),
            self.index.search_pages(q),
        );
        self.palette.selected = 0;
    }

    fn palette_action(&mut self, action: Action) {
        let n = self.palette.items.len();
        let page = 10;
        match action {
            Action::Down => {
                self.palette.selected = (self.palette.selected + 1).min(n.saturating_sub(1))
            }
            Action::Up => self.palette.selected = self.palette.selected.saturating_sub(1),
            Action::PageDown => {
                self.palette.selected = (self.palette.selected + page).min(n.saturating_sub(1))
            }
            Action::PageUp => self.palette.selected = self.palette.selected.saturating_sub(page),
            Action::DeleteChar => {
                self.palette.query.pop();
                self.run_palette();
            }
            Action::DeleteWord => {
                delete_word(&mut self.palette.query);
                self.run_palette();
            }
            Action::Confirm => {
                let target = match self.palette.items.get(self.palette.selected) {
                    Some(PaletteItem::Paper(h)) => self.tree.node_of_paper(h.paper),
                    Some(PaletteItem::Page(p)) => self.tree.node_of_doc(p.doc),
                    None => None,
                };
                self.mode = Mode::Browse;
                match target {
                    Some(id) => {
                        self.reveal(id);
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

    // ----- links -----------------------------------------------------------------------------------

    fn link_menu(&mut self, action: Action) -> Vec<Effect> {
        let n = self.selected_links().len();
        match action {
            Action::Down => self.link_choice = (self.link_choice + 1).min(n.saturating_sub(1)),
            Action::Up => self.link_choice = self.link_choice.saturating_sub(1),
            Action::Confirm => {
                self.mode = Mode::Browse;
                return self.open_numbered(self.link_choice + 1);
            }
            Action::CopyUrl => {
                let url = self
                    .selected_links()
                    .get(self.link_choice)
                    .map(|l| l.url.clone());
                self.mode = Mode::Browse;
                if let Some(url) = url {
                    self.say(format!("Copied {url}"));
                    return vec![Effect::Copy(url)];
                }
            }
            a if a.link_number().is_some() => {
                self.mode = Mode::Browse;
                return self.open_numbered(a.link_number().unwrap_or(1));
            }
            Action::Cancel => self.mode = Mode::Browse,
            Action::Quit => self.running = false,
            _ => {}
        }
        Vec::new()
    }

    fn open_labelled(&mut self, label: &str) -> Vec<Effect> {
        if self.selected_paper().is_none() {
            self.say(format!("Select a paper to open its {label} link"));
            return Vec::new();
        }
        let link = self
            .selected_links()
            .into_iter()
            .find(|l| l.label.trim().eq_ignore_ascii_case(label))
            .cloned();
        match link {
            Some(link) => self.open(&link),
            None => {
                self.say(format!("No {label} link for this paper"));
                Vec::new()
            }
        }
    }

    fn open_numbered(&mut self, n: usize) -> Vec<Effect> {
        if self.selected_paper().is_none() {
            self.say("Select a paper to open its links");
            return Vec::new();
        }
        match self.selected_links().get(n - 1).map(|&l| l.clone()) {
            Some(link) => self.open(&link),
            None => {
                self.say(format!("This paper has no link {n}"));
                Vec::new()
            }
        }
    }

    /// Opens a link: a loaded local page inside the app, an allowed URL with the opener.
    fn open(&mut self, link: &Link) -> Vec<Effect> {
        if let Some(target) = &link.target {
            match self.landing(target) {
                Some(id) => {
                    self.reveal(id);
                    self.focus = Focus::Detail;
                    self.say(format!("Showing {}", link.url));
                }
                None => self.say(format!(
                    "{} is not loaded: open its folder to read it",
                    link.url
                )),
            }
            return Vec::new();
        }
        let scheme = link
            .url
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase());
        match scheme {
            Some(s)
                if self
                    .allowed_schemes
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&s)) =>
            {
                let mut effects = vec![Effect::Open(link.url.clone())];
                if self.mark_read_on_open {
                    let unread = self.selected_paper().is_some_and(|(r, _)| !self.is_read(r));
                    if unread {
                        effects.extend(self.toggle_mark(false));
                    }
                }
                // The opener reports only failures, which would replace this.
                self.say(format!("Opened {}", link.url));
                effects
            }
            _ => {
                self.say(format!(
                    "Not opened: {} (only {} links are opened)",
                    link.url,
                    self.allowed_schemes.join(", ")
                ));
                Vec::new()
            }
        }
    }

    fn copy(&mut self, markdown: bool) -> Vec<Effect> {
        let Some((_, paper)) = self.selected_paper() else {
            self.say("Select a paper to copy its link");
            return Vec::new();
        };
        let title = paper.title.clone();
        let links = self.selected_links();
        let Some(url) = links
            .iter()
            .find(|l| l.label.trim().eq_ignore_ascii_case("Paper"))
            .or_else(|| links.first())
            .map(|l| l.url.clone())
        else {
            self.say("This paper has no link to copy");
            return Vec::new();
        };
        let text = if markdown {
            format!("[{title}]({url})")
        } else {
            url
        };
        self.say(format!("Copied {text}"));
        vec![Effect::Copy(text)]
    }

    fn edit(&mut self) -> Vec<Effect> {
        let Some(sel) = self.selected else {
            return Vec::new();
        };
        let node = &self.tree.nodes[sel];
        let Some(doc) = node.doc.and_then(|d| self.library.documents.get(d)) else {
            self.say("Select a document or a paper to edit its file");
            return Vec::new();
        };
        let line = match node.paper().and_then(|r| self.library.paper(r)) {
            Some(p) => p.line,
            None => 1,
        };
        match &doc.path {
            Some(path) => vec![Effect::Edit {
                path: path.clone(),
                line,
            }],
            None => {
                self.say(
                    "The bundled notes have no file to edit: open your own notes (takeaway PATH)",
                );
                Vec::new()
            }
        }
    }

    // ----- mouse -----------------------------------------------------------------------------------

    fn click(&mut self, col: u16, row: u16) {
        let areas = crate::ui::layout::areas(self.size, self.filter_bar_shown());
        if self.mode != Mode::Browse {
            return;
        }
        if areas.tree_rows.contains((col, row).into()) {
            self.focus = Focus::Tree;
            let r = self.tree_offset + (row - areas.tree_rows.y) as usize;
            self.select_row(r.min(self.rows.len().saturating_sub(1)));
        } else if areas.side.contains((col, row).into()) {
            self.focus = Focus::Tree;
        } else if areas.detail.contains((col, row).into()) {
            self.focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, col: u16, row: u16, down: bool) {
        let areas = crate::ui::layout::areas(self.size, self.filter_bar_shown());
        if self.mode != Mode::Browse {
            return;
        }
        if areas.detail.contains((col, row).into()) {
            let max = self.detail_max_scroll();
            self.detail_scroll = if down {
                (self.detail_scroll + 3).min(max)
            } else {
                self.detail_scroll.saturating_sub(3)
            };
        } else if areas.side.contains((col, row).into()) {
            self.move_by(if down { 3 } else { -3 });
        }
    }

    /// Sets the status message.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.message = Some(msg.into());
    }

    /// Is the selected node a page document (a note page)?
    pub fn selected_page(&self) -> Option<usize> {
        let n = self.tree.nodes.get(self.selected?)?;
        let d = n.doc?;
        (n.kind == NodeKind::Document && self.library.documents.get(d)?.kind == DocKind::Page)
            .then_some(d)
    }
}

/// A library made ready for the app: its search index, its works and its tree built. Building them takes
/// most of a second at 100,000 papers, so the runtime does it off the UI thread.
pub struct Prepared {
    library: std::sync::Arc<Library>,
    index: std::sync::Arc<Index>,
    works: Works,
    tree: Tree,
}

impl Prepared {
    pub fn new(library: Library) -> Self {
        let index = std::sync::Arc::new(Index::new(&library));
        let works = Works::new(&library);
        let tree = Tree::new(&library);
        Prepared {
            library: std::sync::Arc::new(library),
            index,
            works,
            tree,
        }
    }
}

/// How far loading the notes got: files read and parsed of all the files found (`total` is 0 while the
/// folders are still being walked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: usize,
}

/// The first part of the [`App::node_key`] of a folder of the navigation (a document's is its source).
pub const NAV_KEY: &str = "\u{1e}";

/// What opens at start: with one top node, that node (and, for a document, its sections, as a single
/// file always opened); with several, the top nodes closed.
fn default_expansion(tree: &Tree) -> Vec<bool> {
    let mut expanded = vec![false; tree.len()];
    if let [root] = tree.roots[..] {
        expanded[root] = true;
        if tree.nodes[root].kind == NodeKind::Document {
            let doc = tree.nodes[root].doc;
            for (id, n) in tree.nodes.iter().enumerate() {
                if n.kind == NodeKind::Section && n.doc == doc {
                    expanded[id] = true;
                }
            }
        }
    }
    expanded
}

/// Deletes the last word (and the spaces after it) of an input line.
fn delete_word(s: &mut String) {
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    let cut = s.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    s.truncate(cut);
}

#[cfg(test)]
mod tests;
