//! The documents of a library, each shared (`Arc`): a reload keeps every unchanged document as the same
//! allocation instead of copying it, so taking in a one-line edit of one file of 1,000 costs that file.

use std::sync::Arc;

use super::Document;

/// The documents of a [`super::Library`], in load order. Reads as a slice of `Arc<Document>`; a document
/// that must change is changed with [`Documents::make_mut`] (copied first only when it is shared).
#[derive(Debug, Clone, Default)]
pub struct Documents(Vec<Arc<Document>>);

impl Documents {
    /// Adds a document (a new one, or one shared with another library).
    pub fn push(&mut self, doc: impl Into<Arc<Document>>) {
        self.0.push(doc.into());
    }

    /// Takes the document at `index` out (shifting the later ones); a copy when another library shares
    /// it.
    pub fn remove(&mut self, index: usize) -> Document {
        Arc::unwrap_or_clone(self.0.remove(index))
    }

    /// The document at `index` to change: copied first when another library shares it.
    pub fn make_mut(&mut self, index: usize) -> &mut Document {
        Arc::make_mut(&mut self.0[index])
    }
}

impl std::ops::Deref for Documents {
    type Target = [Arc<Document>];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl FromIterator<Document> for Documents {
    fn from_iter<I: IntoIterator<Item = Document>>(iter: I) -> Self {
        Documents(iter.into_iter().map(Arc::new).collect())
    }
}

impl FromIterator<Arc<Document>> for Documents {
    fn from_iter<I: IntoIterator<Item = Arc<Document>>>(iter: I) -> Self {
        Documents(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Documents {
    type Item = &'a Arc<Document>;
    type IntoIter = std::slice::Iter<'a, Arc<Document>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
