//! What comes into the app ([`Event`]) and what goes out of it ([`Effect`]), and the search jobs it hands
//! to a worker thread for large libraries.

use std::path::PathBuf;
use std::sync::Arc;

use super::keymap::Key;
use crate::search::{Index, MarkTable, Query, Search};
use crate::state::Mark;

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
    /// Text pasted into the terminal (bracketed paste): typed into the input that has the keys, its line
    /// breaks as spaces; never read as keys.
    Paste(String),
    /// A search job finished (`search` is its result).
    SearchDone {
        generation: u64,
        target: SearchTarget,
        query: String,
        search: Search,
    },
}

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
    /// Check that this notes file can be written (the add form is open on it); when not, the runtime
    /// calls [`super::App::add_refused`] with the reason.
    CheckWritable(PathBuf),
    /// Write this paper into its file (unless the file changed since the form's library was loaded),
    /// then tell [`super::App::added`] and reload.
    AddPaper {
        target: super::add_paper::AddTarget,
        entry: crate::notes_writer::Entry,
    },
    /// Write these works in this format to a new file in the current folder, and say its name.
    Export {
        format: crate::export::Format,
        records: Vec<crate::export::Record>,
    },
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
    /// The text typed, which the result is matched against when it comes back.
    pub query: String,
    /// The text parsed in the query language.
    pub parsed: Query,
    /// A copy of the marks, when the query asks for them (`is:`).
    pub marks: Option<Arc<MarkTable>>,
    pub index: Arc<Index>,
    /// Narrow from this earlier search (used only when `parsed` refines its query).
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

impl SearchJob {
    /// Runs the search and gives its result as the event the app takes it in (`None` when cancelled).
    pub fn finish(self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Event> {
        let search = self.run(cancelled)?;
        Some(Event::SearchDone {
            generation: self.generation,
            target: self.target,
            query: self.query,
            search,
        })
    }

    /// Runs the search (on the worker), giving up when `cancelled` turns true.
    pub fn run(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Search> {
        let marks: &dyn crate::search::Marks = match &self.marks {
            Some(m) => m.as_ref(),
            None => &crate::search::NoMarks,
        };
        let within = self.within.as_ref();
        match self.target {
            // The filter shows its hits in the tree and selects the best: no order needed.
            SearchTarget::Filter => {
                self.index
                    .find_best_cancellable(&self.parsed, within, marks, cancelled)
            }
            SearchTarget::Palette => {
                self.index
                    .find_cancellable(&self.parsed, within, marks, cancelled)
            }
        }
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

/// Where searches run, and the jobs queued by the current update (returned as effects).
#[derive(Debug, Default)]
pub struct SearchQueue {
    /// Search on a worker thread (set for large libraries; tests search in place unless they set it).
    pub off_thread: bool,
    generation: u64,
    queued: Vec<SearchJob>,
}

impl SearchQueue {
    /// Queues a search job (its `generation` is set here); returns its generation (never 0, which means
    /// "nothing pending").
    pub fn queue(&mut self, mut job: SearchJob) -> u64 {
        self.generation += 1;
        job.generation = self.generation;
        self.queued.push(job);
        self.generation
    }

    /// The queued jobs, as effects for the runtime.
    pub fn effects(&mut self) -> impl Iterator<Item = Effect> + '_ {
        self.queued.drain(..).map(Effect::Search)
    }
}
