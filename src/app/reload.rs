//! A reload taken in cheaply: the reload thread builds the new notes' index, works and tree from those
//! shown now, redoing only the changed documents (the others are shared, not copied), and the UI thread
//! only swaps them in. The filter keeps showing its hits (carried over to the new notes) while the
//! search worker finds them again.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::session::Prepared;
use super::App;
use crate::model::tree::Tree;
use crate::model::work::Works;
use crate::model::{Library, PaperRef};
use crate::search::{Hit, Index};

/// What a reload builds on: the notes shown when it started, with their index and works (shared).
pub struct Base {
    library: Arc<Library>,
    index: Arc<Index>,
    works: Arc<Works>,
}

impl Base {
    /// The notes the reload starts from.
    pub fn library(&self) -> &Library {
        &self.library
    }
}

/// The documents of `new` that are not those of `old` at the same index (not the same shared document);
/// `None` when documents were added or removed, so indices moved: then everything is built again.
pub fn changed_documents(old: &Library, new: &Library) -> Option<Vec<usize>> {
    if old.documents.len() != new.documents.len() {
        return None;
    }
    Some(
        (0..new.documents.len())
            .filter(|&d| !Arc::ptr_eq(&old.documents[d], &new.documents[d]))
            .collect(),
    )
}

impl Prepared {
    /// [`Prepared::new`] for `library`, a reload of `base`'s notes: the index and the works are updated
    /// for the changed documents only when the others kept their places, else built again.
    pub fn updated(base: &Base, library: Library) -> Self {
        let Some(changed) = changed_documents(&base.library, &library) else {
            return Prepared::new(library);
        };
        // Three independent builds, on the cores there are.
        let (mut index, (works, tree)) = rayon::join(
            || base.index.updated(&library, &changed),
            || {
                rayon::join(
                    || Arc::new(base.works.updated(&library, &changed)),
                    || Tree::new(&library),
                )
            },
        );
        index.link_works(&works);
        Prepared {
            index: Arc::new(index),
            works,
            tree,
            library: Arc::new(library),
            changed: Some(changed),
        }
    }
}

/// A changed document's papers by id and by line.
type PapersOf<'a> = (HashMap<&'a str, usize>, HashMap<usize, usize>);

impl App {
    /// What a reload builds on: the notes shown now, shared.
    pub fn reload_base(&self) -> Base {
        Base {
            library: Arc::clone(&self.library),
            index: Arc::clone(&self.index),
            works: Arc::clone(&self.works),
        }
    }

    /// The filter's hits on the notes before a reload (`old`), as papers of the notes now: a paper of
    /// an unchanged document is where it was; one of a changed document is found by its id, else by
    /// its line. Shown until the search on the new notes comes back.
    pub(super) fn carried_hits(&self, old: &Library, hits: Vec<Hit>) -> Vec<Hit> {
        let new = &self.library;
        // Per changed document: its papers by id and by line.
        let mut found: HashMap<usize, PapersOf> = HashMap::new();
        // A paper of a changed document is carried once.
        let mut taken = HashSet::new();
        hits.into_iter()
            .filter_map(|mut hit| {
                let PaperRef { doc, paper } = hit.paper;
                let (Some(before), Some(now)) = (old.documents.get(doc), new.documents.get(doc))
                else {
                    return None;
                };
                if !Arc::ptr_eq(before, now) {
                    if before.path != now.path {
                        return None;
                    }
                    let p = before.papers.get(paper)?;
                    let (by_id, by_line) = found.entry(doc).or_insert_with(|| {
                        let papers = now.papers.iter().enumerate();
                        (
                            papers.clone().map(|(i, p)| (&*p.id, i)).collect(),
                            papers.map(|(i, p)| (p.line, i)).collect(),
                        )
                    });
                    hit.paper.paper = *by_id.get(&*p.id).or(by_line.get(&p.line))?;
                    if !taken.insert(hit.paper) {
                        return None;
                    }
                }
                Some(hit)
            })
            .collect()
    }
}
