//! What comes into the app ([`Event`]) and what goes out of it ([`Effect`]), and the search jobs it hands
//! to a worker thread for large libraries.

use std::path::PathBuf;
use std::sync::Arc;

use super::keymap::Key;
use crate::search::{Index, Search};
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
    pub index: Arc<Index>,
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

/// Where searches run, and the jobs queued by the current update (returned as effects).
#[derive(Debug, Default)]
pub struct SearchQueue {
    /// Search on a worker thread (set for large libraries; tests search in place unless they set it).
    pub off_thread: bool,
    generation: u64,
    queued: Vec<SearchJob>,
}

impl SearchQueue {
    /// Queues a search job; returns its generation (never 0, which means "nothing pending").
    pub fn queue(
        &mut self,
        target: SearchTarget,
        query: String,
        index: Arc<Index>,
        within: Option<Search>,
    ) -> u64 {
        self.generation += 1;
        self.queued.push(SearchJob {
            generation: self.generation,
            target,
            query,
            index,
            within,
        });
        self.generation
    }

    /// The queued jobs, as effects for the runtime.
    pub fn effects(&mut self) -> impl Iterator<Item = Effect> + '_ {
        self.queued.drain(..).map(Effect::Search)
    }
}
