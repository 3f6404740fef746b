//! The whole UI state and [`App::update`], which is pure: it changes state and returns [`Effect`]s (open
//! this URL, copy this text) for the runtime to perform. Nothing here does I/O or draws.
//!
//! A small [`App`] composes rooms that each own their state and the actions on it:
//! - [`event`]: what comes in ([`Event`]) and goes out ([`Effect`]), search jobs for the worker;
//! - [`action`] the actions, [`keymap`] keys → actions per [`Mode`];
//! - [`tree_view`]: the side pane's expansion, narrowing, rows, selection and scroll (the tree itself is
//!   data: [`crate::model::tree`]);
//! - [`filter`] the filter and the toggles that narrow the tree, [`palette`] the jump palette, both typed
//!   into a [`text_input`];
//! - [`marks`] bookmarks and read marks, [`link_menu`] opening, copying and editing, `works` one paper in
//!   many places, `mouse` clicks and the wheel, `export` the works shown to a file or the clipboard;
//! - [`views`]: the side pane's views (the notes' navigation, or every work by topic, year, venue or
//!   affiliation);
//! - [`jumps`] the jump list (back and forward over jumps), [`selection`] several papers at once,
//!   [`news`] what is new since last time, [`add_paper`] the form that adds a paper;
//! - [`session`]: the reader's place saved and restored, new notes taken in;
//! - [`layout`] where the regions of the screen are, [`scroll`] a pane's scroll offset.

pub mod action;
pub mod add_paper;
pub mod event;
mod export;
pub mod filter;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod link_menu;
pub mod marks;
mod mouse;
pub mod news;
pub mod palette;
mod reload;
pub mod scroll;
pub mod selection;
pub mod session;
pub mod text_input;
pub mod tree_view;
pub mod views;
mod works;

use std::sync::Arc;

use crate::model::tree::{NodeKind, Tree};
use crate::model::work::Works;
use crate::model::{DocKind, Library, Paper, PaperRef};
use crate::search::Index;
use crate::theme::Theme;
pub use action::Action;
pub use event::{Effect, Event, SearchJob, SearchQueue, SearchTarget, ASYNC_SEARCH_PAPERS};
pub use filter::Filter;
pub use keymap::{Key, KeyCode, KeyMap, Mode};
use layout::Areas;
pub use link_menu::Links;
use marks::Marks;
pub use palette::Palette;
pub use reload::Base;
pub use scroll::HitCursor;
use scroll::Scroll;
pub use session::{Loading, Prepared, NAV_KEY};
use tree_view::TreeView;
pub use views::Views;

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

/// The most characters a paste types (a query or a title is far shorter).
const PASTE_MAX: usize = 4096;

pub struct App {
    /// Shared with the runtime's reload, which reads it off the UI thread.
    pub library: Arc<Library>,
    pub index: Arc<Index>,
    /// Which papers are one work listed in several places.
    pub works: Arc<Works>,
    pub tree: Tree,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub mode: Mode,
    pub focus: Focus,
    pub tree_view: TreeView,
    pub marks: Marks,
    pub filter: Filter,
    pub palette: Palette,
    /// What the side pane shows: the navigation, or the works grouped one way.
    pub views: Views,
    /// Where the selection was before each jump (back and forward keys).
    pub jumps: jumps::Jumps,
    /// The papers selected to act on together.
    pub picked: selection::Picked,
    /// The works new since last time.
    pub news: news::News,
    pub links: Links,
    pub detail_scroll: Scroll,
    /// The filter's hit the detail pane steps to (`]`, `[`).
    pub detail_hits: HitCursor,
    pub help_scroll: Scroll,
    /// The status line's message (replaced by the next one).
    pub message: Option<String>,
    /// Terminal size, for layout and paging.
    pub size: (u16, u16),
    pub running: bool,
    /// The notes are being loaded off the UI thread: how far it got (the library is empty meanwhile).
    pub loading: Option<Loading>,
    /// Where searches run, and the jobs the current update queued.
    pub searches: SearchQueue,
    /// Where the selection was when the filter line opened (recorded as a jump when Enter keeps it).
    filter_origin: Option<jumps::Place>,
    /// The form adding a paper, while it is open.
    pub adding: Option<add_paper::AddForm>,
    /// The form last handed to the runtime to write, until it is written: a refusal because the file
    /// changed opens it again, with what was typed.
    add_submitted: Option<add_paper::AddForm>,
    /// Counts the libraries taken (a load, each reload): a form knows which one it was opened on.
    pub generation: u64,
    /// A paper just added: the edit key opens it (file, line) for its takeaways.
    pub offer_edit: Option<(std::path::PathBuf, usize)>,
    /// A paper just added: selected once the reload brings it in (file, line).
    pub select_after_reload: Option<(std::path::PathBuf, usize)>,
    /// What the last reload did that its message must also say ([`App::say_reloaded`]).
    reload_note: Option<String>,
}

impl App {
    pub fn new(library: Library) -> Self {
        let Prepared {
            library,
            index,
            works,
            tree,
            ..
        } = Prepared::new(library);
        let mut app = App {
            tree_view: TreeView::new(&tree),
            library,
            index,
            works,
            tree,
            keymap: KeyMap::default(),
            theme: Theme::default(),
            mode: Mode::Browse,
            focus: Focus::Tree,
            marks: Marks::default(),
            filter: Filter::default(),
            palette: Palette::default(),
            views: Views::default(),
            jumps: jumps::Jumps::default(),
            picked: selection::Picked::default(),
            news: news::News::default(),
            links: Links::default(),
            detail_scroll: Scroll::default(),
            detail_hits: HitCursor::default(),
            help_scroll: Scroll::default(),
            message: None,
            size: (80, 24),
            running: true,
            loading: None,
            searches: SearchQueue::default(),
            filter_origin: None,
            adding: None,
            add_submitted: None,
            generation: 0,
            offer_edit: None,
            select_after_reload: None,
            reload_note: None,
        };
        app.recount_unread();
        app
    }

    /// Turns an input event into actions through the key map, and applies them.
    pub fn handle(&mut self, ev: Event) -> Vec<Effect> {
        match ev {
            Event::Key(key) => match self.keymap.action(self.mode, key) {
                Some(a) => return self.update(a),
                None => match key.code {
                    KeyCode::Char(c) if self.mode.takes_text() && !key.ctrl && !key.alt => {
                        self.type_char(c)
                    }
                    // A key that does nothing while browsing says so, instead of nothing at all.
                    _ if self.mode == Mode::Browse => {
                        // The help key as bound (the configuration may move it).
                        let help = match self.keymap.key_for(Mode::Browse, Action::Help) {
                            Some(k) => format!(" · {k} shows the keys"),
                            None => String::new(),
                        };
                        self.say(format!("{key} does nothing here{help}"))
                    }
                    _ => {}
                },
            },
            Event::SearchDone {
                generation,
                target,
                query,
                search,
            } => match target {
                SearchTarget::Filter => self.filter_search_done(generation, query, search),
                SearchTarget::Palette => self.palette_search_done(generation, query, search),
            },
            Event::Resize { width, height } => {
                self.size = (width, height);
                self.scroll_to_selection();
            }
            Event::Click { col, row } => self.click(col, row),
            Event::Scroll { col, row, down } => self.wheel(col, row, down),
            Event::Paste(text) => self.paste(&text),
        }
        self.searches.effects().collect()
    }

    /// Applies one action. Returns what the runtime must do; never does I/O itself.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = match self.mode {
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
            Mode::Ask => self.answer(action),
            Mode::AddPaper => self.add_form(action),
            Mode::Help => {
                // A page: the screen less the popup's borders and a line kept from the last page.
                let page = usize::from(self.size.1).saturating_sub(5).max(1);
                let s = &self.help_scroll;
                match action {
                    Action::Cancel | Action::Help => self.mode = Mode::Browse,
                    Action::Down => s.down(1),
                    Action::Up => s.up(1),
                    Action::PageDown => s.down(page),
                    Action::PageUp => s.up(page),
                    Action::First => s.to_top(),
                    Action::Last => s.to_end(),
                    Action::Quit => self.running = false,
                    _ => {}
                }
                Vec::new()
            }
        };
        effects.extend(self.searches.effects());
        effects
    }

    /// A printable key in the filter line or the palette.
    /// A paste: typed into the filter, the palette or the add form as one piece (line breaks and tabs as
    /// spaces, other control characters left out, at most [`PASTE_MAX`] characters); anywhere else it
    /// is refused, so that no pasted letter acts as a key.
    fn paste(&mut self, text: &str) {
        if !self.mode.takes_text() {
            self.say("A paste goes into the filter, the palette or the add form: open one first");
            return;
        }
        let mut clean = String::new();
        let mut count = 0;
        let mut cut = false;
        let mut prev = None;
        for c in text.chars() {
            let was = prev.replace(c);
            let c = match c {
                // `\r\n` is one line break.
                '\n' if was == Some('\r') => continue,
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if count == PASTE_MAX {
                cut = true;
                break;
            }
            clean.push(c);
            count += 1;
        }
        match self.mode {
            Mode::FilterInput => {
                self.filter.input.push_str(&clean);
                self.run_filter();
            }
            Mode::Palette => {
                self.palette.input.push_str(&clean);
                self.run_palette();
            }
            _ => clean.chars().for_each(|c| self.add_form_char(c)),
        }
        if cut {
            self.say(format!("Pasted the first {PASTE_MAX} characters"));
        }
    }

    fn type_char(&mut self, c: char) {
        match self.mode {
            Mode::FilterInput => {
                self.filter.input.push(c);
                self.run_filter();
            }
            Mode::Palette => {
                self.palette.input.push(c);
                self.run_palette();
            }
            Mode::AddPaper => self.add_form_char(c),
            _ => {}
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let page = self.tree_height().max(1) as isize;
        // Just after adding a paper, the edit key opens it where its takeaways go.
        if let Some((path, line)) = self.offer_edit.take() {
            if action == Edit {
                return vec![Effect::Edit { path, line }];
            }
        }
        if let Some(effects) = self.on_picked(action) {
            return effects;
        }
        match action {
            Down | Up | PageDown | PageUp | First | Last if self.focus == Focus::Detail => {
                self.scroll_detail(action)
            }
            Down => self.move_by(1),
            Up => self.move_by(-1),
            PageDown => self.move_by(page),
            PageUp => self.move_by(-page),
            First => self.select_row(0),
            Last => self.select_row(self.tree_view.rows.len().saturating_sub(1)),
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
                self.filter_origin = self.here();
                self.mode = Mode::FilterInput;
                self.focus = Focus::Tree;
            }
            NextMatch => self.next_match(true),
            PrevMatch => self.next_match(false),
            NextHit | PrevHit if !self.filter.is_active() => self.say(
                "No filter: ] and [ step between the words a filter (/) found in the detail pane",
            ),
            NextHit => self.detail_hits.step(true),
            PrevHit => self.detail_hits.step(false),
            Jump => self.open_palette(),
            OpenPaper | OpenVideo | OpenSlides | OpenCode | OpenArtifact => {
                let kind = action.link_kind().unwrap_or(crate::model::LinkKind::Paper);
                return self.open_kind(kind);
            }
            OpenLink1 | OpenLink2 | OpenLink3 | OpenLink4 | OpenLink5 | OpenLink6 | OpenLink7
            | OpenLink8 | OpenLink9 => {
                let n = action.link_number().unwrap_or(1);
                return self.open_numbered(n);
            }
            LinkMenu => self.open_link_menu(),
            CopyUrl => return self.copy(false),
            CopyMarkdown => return self.copy(true),
            ToggleBookmark => return self.toggle_mark(true),
            ToggleRead => return self.toggle_mark(false),
            OnlyBookmarked => self.toggle_only(true),
            OnlyUnread => self.toggle_only(false),
            NextPlace => {
                let from = self.here();
                self.next_place();
                self.jumped(from);
            }
            TogglePick => self.toggle_pick(),
            PickShown => self.pick_shown(),
            ClearPicked => self.clear_picked(),
            ClearNew => self.clear_new(),
            JumpBack => self.jump_back(true),
            JumpForward => self.jump_back(false),
            CycleView => {
                let from = self.here();
                self.cycle_view();
                self.jumps.record_view(from);
            }
            AddPaper => return self.open_add_form(),
            Export => return self.export_shown(),
            CopyShown => return self.copy_shown(),
            Edit => return self.edit(),
            Suspend => return vec![Effect::Suspend],
            Help => {
                self.mode = Mode::Help;
                self.help_scroll.to_top();
            }
            Quit => self.running = false,
            Cancel => {
                if self.narrowed() {
                    self.clear_filter();
                } else if !self.picked.keys.is_empty() {
                    self.clear_picked();
                } else if self.focus == Focus::Detail {
                    self.focus = Focus::Tree;
                }
            }
            Confirm | DeleteChar | DeleteWord | DeleteLine | Recall | CursorLeft | CursorRight
            | CursorHome | CursorEnd => {}
        }
        Vec::new()
    }

    /// The movement keys while the detail pane has the focus (the view clamps the offset to its lines).
    fn scroll_detail(&mut self, action: Action) {
        let page = usize::from(self.areas().detail_inner.height)
            .saturating_sub(1)
            .max(1);
        let s = &self.detail_scroll;
        match action {
            Action::Down => s.down(1),
            Action::Up => s.up(1),
            Action::PageDown => s.down(page),
            Action::PageUp => s.up(page),
            Action::First => s.to_top(),
            _ => s.to_end(),
        }
    }

    // ----- queries used by the views -------------------------------------------------------------

    /// Where each region of the screen is at the current size.
    pub fn areas(&self) -> Areas {
        layout::areas(self.size, self.filter_bar_shown())
    }

    /// Rows the tree pane can show at the current size.
    pub fn tree_height(&self) -> usize {
        usize::from(self.areas().tree_rows.height)
    }

    /// Is the filter line shown above the tree?
    pub fn filter_bar_shown(&self) -> bool {
        self.mode == Mode::FilterInput || self.filter.is_active()
    }

    /// Is the tree narrowed to some papers (filter, only bookmarked, only unread)?
    pub fn narrowed(&self) -> bool {
        self.tree_view.narrowed()
    }

    /// Row index of the selection among the visible rows.
    pub fn cursor(&self) -> Option<usize> {
        self.tree_view.cursor()
    }

    /// The selected paper, when a paper row is selected.
    pub fn selected_paper(&self) -> Option<(PaperRef, &Paper)> {
        let r = self.tree.nodes.get(self.tree_view.selected?)?.paper()?;
        Some((r, self.library.paper(r)?))
    }

    /// Is the selected node a page document (a note page)?
    pub fn selected_page(&self) -> Option<usize> {
        let n = self.tree.nodes.get(self.tree_view.selected?)?;
        let d = n.doc?;
        (n.kind == NodeKind::Document && self.library.documents.get(d)?.kind == DocKind::Page)
            .then_some(d)
    }

    /// Sets the status message.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.message = Some(msg.into());
    }

    /// Says the runtime's message about a reload, with what the reload itself did that the user must
    /// hear of (the add form closed).
    pub fn say_reloaded(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        match self.reload_note.take() {
            Some(note) => self.say(format!("{msg} · {note}")),
            None => self.say(msg),
        }
    }
}

#[cfg(test)]
mod tests;
