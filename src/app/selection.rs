//! Several papers at once, as fzf's, television's and ranger's multi-select: a key toggles the paper
//! under the cursor (and steps down), one selects every paper shown, one clears. While a selection
//! exists, the keys that make sense on many act on all of it — opening a link by its role (more than
//! [`ASK_ABOVE`] links ask first), copying, exporting, bookmarking, marking read; without one they act
//! on the current paper. A selection is of works (a paper in several places is picked in all of them).

use std::collections::HashSet;

use super::{Action, App, Effect, Mode};
use crate::export::{self, Format, Record};
use crate::model::LinkKind;
use crate::model::PaperRef;
use crate::state::Mark;
use crate::text::thousands;

/// Opening more links than this at once asks first, on the status line.
pub const ASK_ABOVE: usize = 10;

/// The works picked, by key, and a question waiting for its answer.
#[derive(Debug, Clone, Default)]
pub struct Picked {
    pub keys: HashSet<String>,
    /// What `y` on the status line's question does (effects held back until then).
    pub asking: Option<Vec<Effect>>,
}

impl App {
    /// Is the paper's work picked?
    pub fn is_picked(&self, r: PaperRef) -> bool {
        !self.picked.keys.is_empty()
            && self
                .works
                .key_of(r)
                .is_some_and(|k| self.picked.keys.contains(k))
    }

    /// The picked works that are loaded, in library order (indices into `works`).
    pub fn picked_works(&self) -> Vec<usize> {
        if self.picked.keys.is_empty() {
            return Vec::new();
        }
        (0..self.works.len())
            .filter(|&w| self.picked.keys.contains(self.works.key(w)))
            .collect()
    }

    /// How many works are picked (the title bar's `3 selected`; a reload drops the works no longer
    /// loaded, so every picked work is loaded).
    pub fn picked_count(&self) -> usize {
        self.picked.keys.len()
    }

    /// After a reload: works no longer loaded leave the selection.
    pub(super) fn keep_loaded_picks(&mut self) {
        if self.picked.keys.is_empty() {
            return;
        }
        let loaded: std::collections::HashSet<&str> =
            (0..self.works.len()).map(|w| self.works.key(w)).collect();
        self.picked.keys.retain(|k| loaded.contains(k.as_str()));
    }

    /// Space: picks the paper under the cursor (or lets it go), then steps to the next row.
    pub(super) fn toggle_pick(&mut self) {
        let Some((r, _)) = self.selected_paper() else {
            self.say("Space selects papers: move to a paper first");
            return;
        };
        let Some(key) = self.works.key_of(r).map(str::to_string) else {
            return;
        };
        if !self.picked.keys.remove(&key) {
            self.picked.keys.insert(key);
        }
        self.move_by(1);
        self.say_picked();
    }

    /// Picks every paper shown (all of them when nothing narrows the tree).
    pub(super) fn pick_shown(&mut self) {
        let works = match self.narrowed_papers() {
            Some(papers) => export::works_of(&self.works, papers),
            None => (0..self.works.len()).collect(),
        };
        for w in works {
            self.picked.keys.insert(self.works.key(w).to_string());
        }
        self.say_picked();
    }

    pub(super) fn clear_picked(&mut self) {
        let n = self.picked_count();
        self.picked.keys.clear();
        self.say(if n == 0 {
            "Nothing was selected".to_string()
        } else {
            format!("Cleared the selection of {}", thousands(n))
        });
    }

    fn say_picked(&mut self) {
        let n = self.picked_count();
        self.say(format!("{} selected", thousands(n)));
    }

    /// The keys that act on the whole selection when there is one: `Some(effects)` when it did.
    pub(super) fn on_picked(&mut self, action: Action) -> Option<Vec<Effect>> {
        let works = self.picked_works();
        if works.is_empty() {
            return None;
        }
        Some(match action {
            a if a.link_kind().is_some() => self.open_picked(&works, a.link_kind()?),
            Action::CopyUrl | Action::CopyMarkdown => {
                self.copy_picked(&works, action == Action::CopyMarkdown)
            }
            Action::Export => self.export_records(self.records_of(&works)),
            Action::CopyShown => self.copy_records(self.records_of(&works)),
            Action::ToggleBookmark => self.mark_picked(&works, true),
            Action::ToggleRead => self.mark_picked(&works, false),
            _ => return None,
        })
    }

    fn records_of(&self, works: &[usize]) -> Vec<Record> {
        export::records(&self.library, &self.works, works)
    }

    /// `p` `v` `s` `c` `a` on a selection: that link of each work; more than [`ASK_ABOVE`] ask first.
    fn open_picked(&mut self, works: &[usize], kind: LinkKind) -> Vec<Effect> {
        let label = kind.label();
        let mut opens = Vec::new();
        let mut missing = 0;
        for &w in works {
            let Some(r) = self.works.fullest(w) else {
                continue;
            };
            let links = self.works.links(&self.library, r);
            match super::link_menu::role_link(&links, kind) {
                Some(l) if l.target.is_none() && self.allowed(&l.url) => {
                    opens.push(Effect::Open(l.url.to_string()))
                }
                _ => missing += 1,
            }
        }
        let without = if missing > 0 {
            format!(" ({} of the selection without one)", thousands(missing))
        } else {
            String::new()
        };
        let n = opens.len();
        if n == 0 {
            self.say(format!("No {label} link to open in the selection"));
            return Vec::new();
        }
        if n > ASK_ABOVE {
            self.picked.asking = Some(opens);
            self.mode = Mode::Ask;
            // The answer keys first: a narrow status line cuts the end.
            self.say(format!("Open {} {label} links? y/n{without}", thousands(n)));
            return Vec::new();
        }
        self.say(format!("Opened {} {label} links{without}", thousands(n)));
        self.opened_picked(works);
        opens
    }

    /// Links of these works were opened: read, so no longer new.
    fn opened_picked(&mut self, works: &[usize]) {
        let mut any = false;
        for &w in works {
            let key = self.works.key(w).to_string();
            any |= self.forget_new(&key);
        }
        if any {
            self.marks_changed();
        }
    }

    /// The answer to the status line's question.
    pub(super) fn answer(&mut self, action: Action) -> Vec<Effect> {
        let held = self.picked.asking.take().unwrap_or_default();
        self.mode = Mode::Browse;
        match action {
            Action::Confirm => {
                self.say(format!("Opened {} links", thousands(held.len())));
                let works = self.picked_works();
                self.opened_picked(&works);
                held
            }
            Action::Quit => {
                self.running = false;
                Vec::new()
            }
            _ => {
                self.say("Opened nothing");
                Vec::new()
            }
        }
    }

    /// `y` / `Y` on a selection: one line per work, its Paper URL (else its first link) or `[Title](url)`.
    fn copy_picked(&mut self, works: &[usize], markdown: bool) -> Vec<Effect> {
        let lines: Vec<String> = self
            .records_of(works)
            .iter()
            .filter_map(|rec| {
                let url = rec
                    .link(LinkKind::Paper.label())
                    .or_else(|| rec.links.first().map(|(_, u)| u.as_str()))?;
                Some(if markdown {
                    format!("[{}]({url})", rec.title)
                } else {
                    url.to_string()
                })
            })
            .collect();
        if lines.is_empty() {
            self.say("No link to copy in the selection");
            return Vec::new();
        }
        self.say(format!(
            "Copied {} links of the selection",
            thousands(lines.len())
        ));
        vec![Effect::Copy(lines.join("\n"))]
    }

    /// `b` / `m` on a selection: marks every work, or unmarks them all when every one is marked.
    fn mark_picked(&mut self, works: &[usize], bookmark: bool) -> Vec<Effect> {
        let set = if bookmark {
            &self.marks.bookmarks
        } else {
            &self.marks.read
        };
        let keys: Vec<String> = works
            .iter()
            .map(|&w| self.works.key(w).to_string())
            .collect();
        let on = !keys.iter().all(|k| set.contains(k));
        // Unmarked: with the titles each had before an edit (see `App::renamed_sources`).
        let keys: Vec<String> = match on {
            true => keys,
            false => keys
                .into_iter()
                .flat_map(|k| {
                    let renamed = self.renamed_sources(&k);
                    std::iter::once(k).chain(renamed)
                })
                .collect(),
        };
        let set = if bookmark {
            &mut self.marks.bookmarks
        } else {
            &mut self.marks.read
        };
        let mut effects = Vec::new();
        for id in keys {
            let changed = if on {
                set.insert(id.clone())
            } else {
                set.remove(&id)
            };
            if changed {
                effects.push(Effect::Mark(if bookmark {
                    Mark::Bookmark { id, on }
                } else {
                    Mark::Read { id, on }
                }));
            }
        }
        if on && !bookmark {
            for &w in works {
                let key = self.works.key(w).to_string();
                self.forget_new(&key);
            }
        }
        let n = thousands(works.len());
        self.say(match (bookmark, on) {
            (true, true) => format!("★ Bookmarked the {n} selected"),
            (true, false) => format!("Removed the bookmarks of the {n} selected"),
            (false, true) => format!("Marked the {n} selected read"),
            (false, false) => format!("Marked the {n} selected unread"),
        });
        self.marks_changed();
        effects
    }

    /// `x` with these works (the selection, or those shown).
    pub(super) fn export_records(&mut self, records: Vec<Record>) -> Vec<Effect> {
        if records.is_empty() {
            self.say("Nothing to export: no paper is shown");
            return Vec::new();
        }
        vec![Effect::Export {
            format: Format::Bibtex,
            records,
        }]
    }

    /// `X` with these works (the selection, or those shown).
    pub(super) fn copy_records(&mut self, records: Vec<Record>) -> Vec<Effect> {
        if records.is_empty() {
            self.say("Nothing to copy: no paper is shown");
            return Vec::new();
        }
        let n = records.len();
        self.say(format!(
            "Copied {} {} as markdown",
            thousands(n),
            if n == 1 { "work" } else { "works" }
        ));
        vec![Effect::Copy(export::render(Format::Markdown, &records))]
    }
}
