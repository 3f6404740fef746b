//! The export keys: the works now shown in the side pane (every paper, or those the filter matched, with
//! `B` and `U` applied), each work once, written as BibTeX to a new file in the current folder (the
//! runtime writes it and says its name) or copied as a markdown list.

use super::{App, Effect};
use crate::export::{self, Record};

impl App {
    /// The records of the works now shown, in library order.
    pub(super) fn shown_records(&self) -> Vec<Record> {
        let selected = match self.narrowed_papers() {
            Some(papers) => export::works_of(&self.works, papers),
            None => (0..self.works.len()).collect(),
        };
        export::records(&self.library, &self.works, &selected)
    }

    /// `x`: the works shown, as BibTeX, to a file the runtime creates in the current folder.
    pub(super) fn export_shown(&mut self) -> Vec<Effect> {
        let records = self.shown_records();
        self.export_records(records)
    }

    /// `X`: the works shown, as a markdown list (`- [Title](url) — Venue`), to the clipboard.
    pub(super) fn copy_shown(&mut self) -> Vec<Effect> {
        let records = self.shown_records();
        self.copy_records(records)
    }
}
