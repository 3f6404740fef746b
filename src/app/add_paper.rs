//! Adding a paper, as papis' and coBib's `add`: a key opens a short form on the current topic (or
//! document) — the title, then links (a URL each, its label guessed from the host as the loader judges
//! links, editable), then affiliations — and Enter on the last field asks the runtime to write one entry
//! after the topic's last paper ([`crate::notes_writer`] decides the text; the runtime checks, writes
//! atomically and reloads). Then `e` opens the new entry in the editor for its takeaways.
//!
//! Refused with the reason: the bundled notes (no file), a grouped view's group, a topic with no paper of
//! its own to follow, papers in tables or under headings; a file without write permission or changed on
//! disk since it was loaded is refused by the runtime.

use std::path::PathBuf;

use super::text_input::TextInput;
use super::{Action, App, Effect, Mode};
use crate::loader::reader::url_kind::{url_kind, UrlKind};
use crate::model::tree::NodeKind;
use crate::model::{PaperRef, Shape};
use crate::notes_writer::{self, Entry};

/// What a field of the form holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Title,
    /// The URL of link N (0-based).
    Url(usize),
    /// The label of link N, guessed from its URL until typed into.
    Label(usize),
    /// Affiliations, separated by `&` or `;`.
    Affiliations,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub kind: FieldKind,
    pub input: TextInput,
    /// Typed into (a label then keeps what was typed).
    pub edited: bool,
}

impl Field {
    fn new(kind: FieldKind) -> Field {
        Field {
            kind,
            input: TextInput::default(),
            edited: false,
        }
    }

    /// A label as guessed from its URL: not typed into, not empty. Typing replaces it.
    pub fn is_guess(&self) -> bool {
        matches!(self.kind, FieldKind::Label(_)) && !self.edited && !self.input.is_blank()
    }
}

/// Where the new paper goes: after this paper of this file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddTarget {
    pub path: PathBuf,
    pub source: String,
    /// The 1-based line of the paper it follows, and that paper's shape and title.
    pub after_line: usize,
    pub shape: notes_writer::Shape,
    pub after_title: String,
    /// Where it goes, as the notes' breadcrumb says (`OSDI 2023 › Papers › DL Compiler`).
    pub place: String,
    /// The library's generation when the form opened: the file must not have changed since.
    pub generation: u64,
}

/// The form while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddForm {
    pub target: AddTarget,
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl AddForm {
    fn new(target: AddTarget) -> AddForm {
        AddForm {
            target,
            fields: vec![
                Field::new(FieldKind::Title),
                Field::new(FieldKind::Url(0)),
                Field::new(FieldKind::Label(0)),
                Field::new(FieldKind::Affiliations),
            ],
            focus: 0,
        }
    }

    fn focused(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len() - 1);
        &mut self.fields[i]
    }

    /// Is the focused field a label still as guessed from its URL (not typed into, not empty)?
    fn focused_guess(&self) -> bool {
        self.fields.get(self.focus).is_some_and(Field::is_guess)
    }

    /// After the focused field changed: a URL's label follows it (unless typed into), and a URL typed
    /// into the last link gets a next empty one after it.
    fn changed(&mut self) {
        let Some(FieldKind::Url(n)) = self.fields.get(self.focus).map(|f| f.kind) else {
            if let Some(f) = self.fields.get_mut(self.focus) {
                f.edited = true;
            }
            return;
        };
        let url = self.fields[self.focus].input.as_str().trim().to_string();
        if let Some(label) = self
            .fields
            .iter_mut()
            .find(|f| f.kind == FieldKind::Label(n) && !f.edited)
        {
            label.input = TextInput::from(if url.is_empty() {
                ""
            } else {
                guess_label(&url, n == 0)
            });
        }
        let links = self.links_count();
        if n + 1 == links && !url.is_empty() {
            let at = self.fields.len() - 1;
            self.fields.insert(at, Field::new(FieldKind::Label(links)));
            self.fields.insert(at, Field::new(FieldKind::Url(links)));
        }
    }

    fn links_count(&self) -> usize {
        self.fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Url(_)))
            .count()
    }

    /// The text of the field of `kind`, trimmed (empty when there is none).
    fn value(&self, kind: FieldKind) -> String {
        self.fields
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.input.as_str().trim().to_string())
            .unwrap_or_default()
    }

    /// The entry the fields describe.
    pub fn entry(&self) -> Entry {
        let text = |kind| self.value(kind);
        let links = (0..self.links_count())
            .map(|n| (n, text(FieldKind::Label(n)), text(FieldKind::Url(n))))
            .filter(|(_, _, u)| !u.is_empty())
            // A label cleared and left empty is guessed again: a link is never written `[](url)`.
            .map(|(n, label, url)| match label.is_empty() {
                true => (guess_label(&url, n == 0).to_string(), url),
                false => (label, url),
            })
            .collect();
        let affiliations = text(FieldKind::Affiliations)
            .split(['&', ';'])
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        Entry {
            title: text(FieldKind::Title),
            links,
            affiliations,
        }
    }
}

/// Can a reader open `url` from the notes: a web address with a host (`https://…`), or a relative link
/// to a markdown note (`notes/x.md`)? Nothing with white space in it.
fn openable(url: &str) -> bool {
    if url.chars().any(char::is_whitespace) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    let host = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.strip_prefix(s))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h) => !h.is_empty(),
        None => {
            let path = lower.split(['#', '?']).next().unwrap_or("");
            !crate::loader::title::is_outside(url) && path.ends_with(".md")
        }
    }
}

/// A link's label from its URL, as the loader judges a URL ([`url_kind`]): `Paper`, `Code`, `Video`,
/// `Blog`, `Docs`, `Book`, `Website`; another page is the `Paper` when it is the first link (as a
/// title-as-link entry's first link is), else a `Link`.
pub fn guess_label(url: &str, first: bool) -> &'static str {
    match url_kind(url) {
        UrlKind::Paper => "Paper",
        UrlKind::Code => "Code",
        UrlKind::Video => "Video",
        UrlKind::Slides => "Slides",
        UrlKind::Blog => "Blog",
        UrlKind::Docs => "Docs",
        UrlKind::Book => "Book",
        UrlKind::Product => "Website",
        UrlKind::Other if first => "Paper",
        UrlKind::Other | UrlKind::Person => "Link",
    }
}

impl App {
    /// The add key: the form on the selected topic (or document, or the selected paper's topic).
    pub(super) fn open_add_form(&mut self) -> Vec<Effect> {
        let target = match self.add_target() {
            Ok(t) => t,
            Err(why) => {
                self.say(why);
                return Vec::new();
            }
        };
        let path = target.path.clone();
        self.say(format!(
            "Adding a paper to {} after “{}”",
            target.place, target.after_title
        ));
        self.adding = Some(AddForm::new(target));
        self.mode = Mode::AddPaper;
        // The runtime checks the file can be written, and closes the form saying why when not.
        vec![Effect::CheckWritable(path)]
    }

    /// Where a paper added now goes, or why it cannot be added here.
    fn add_target(&self) -> Result<AddTarget, String> {
        let (tree, _) = self.views.navigation((&self.tree, &self.tree_view));
        let sel = self
            .tree_view
            .selected
            .ok_or("Select a topic to add a paper to")?;
        // In a grouped view only a paper says where in the notes it is.
        let sel =
            match self.tree.nodes[sel].kind {
                NodeKind::Paper(r) => tree
                    .node_of_paper(r)
                    .ok_or("This paper is not in the notes' tree")?,
                _ if self.views.view != crate::model::views::View::Navigation => return Err(
                    "Select a paper, or go back to the notes' view (V), to add a paper to a topic"
                        .into(),
                ),
                _ => sel,
            };
        let node = &tree.nodes[sel];
        // The topic: the node itself, or a paper's parent; a document takes its last paper.
        let last: Option<PaperRef> = match node.kind {
            NodeKind::Paper(_) => node
                .parent
                .and_then(|p| last_paper_child(tree, p))
                .or(node.paper()),
            NodeKind::Section | NodeKind::Topic => last_paper_child(tree, sel),
            NodeKind::Document => node.doc.and_then(|d| {
                let n = self.library.documents.get(d)?.papers.len();
                n.checked_sub(1).map(|paper| PaperRef { doc: d, paper })
            }),
            NodeKind::Folder => None,
        };
        let Some(last) = last else {
            return Err(match node.kind {
                NodeKind::Folder => "Select a topic or a document to add a paper to".into(),
                _ => format!(
                    "{} has no paper of its own to follow: select one of its topics",
                    node.title
                ),
            });
        };
        let doc = &self.library.documents[last.doc];
        let Some(path) = doc.path.clone() else {
            return Err(
                "The bundled notes are read-only: open your own notes (takeaway PATH) to add papers"
                    .into(),
            );
        };
        let paper = self.library.paper(last).ok_or("That paper is gone")?;
        let shape = match paper.shape {
            Shape::TitleLink => notes_writer::Shape::TitleLink,
            Shape::BoldTitle => notes_writer::Shape::BoldTitle,
            Shape::LinkGroup | Shape::Unlinked => notes_writer::Shape::Plain,
            Shape::TableRow | Shape::HeadingFields => {
                return Err(
                    "Papers in tables or under headings of their own cannot be added to yet".into(),
                )
            }
            Shape::TitleLine | Shape::Citation | Shape::Paragraph => {
                return Err(
                    "Papers written as title lines, citations or paragraphs cannot be added to yet"
                        .into(),
                )
            }
        };
        let at = tree.node_of_paper(last).unwrap_or(sel);
        Ok(AddTarget {
            path,
            source: doc.source.clone(),
            after_line: paper.line,
            shape,
            after_title: paper.title.to_string(),
            place: tree.breadcrumb(at),
            generation: self.generation,
        })
    }

    /// The keys of the form.
    pub(super) fn add_form(&mut self, action: Action) -> Vec<Effect> {
        let Some(form) = self.adding.as_mut() else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        // A guessed label is taken whole: Backspace, Ctrl-W or Ctrl-U clears it.
        let deletes = matches!(
            action,
            Action::DeleteChar | Action::DeleteWord | Action::DeleteLine
        );
        if deletes && form.focused_guess() && form.focused().input.edit(Action::DeleteLine) {
            form.focused().edited = true;
            return Vec::new();
        }
        if form.focused().input.edit(action) {
            form.changed();
            return Vec::new();
        }
        if form.focused().input.move_cursor(action) {
            return Vec::new();
        }
        let last = form.fields.len() - 1;
        match action {
            Action::Down => form.focus = (form.focus + 1).min(last),
            Action::Up => form.focus = form.focus.saturating_sub(1),
            Action::Confirm => {
                let on_empty_url = matches!(form.focused().kind, FieldKind::Url(_))
                    && form.focused().input.is_blank();
                if form.focus == last {
                    return self.submit_add();
                } else if on_empty_url {
                    form.focus = last;
                } else {
                    form.focus += 1;
                    // From a URL, Enter goes on to the next URL past a label still guessed (Tab or ↓
                    // go into it).
                    if form.focused_guess() {
                        form.focus = (form.focus + 1).min(last);
                    }
                }
            }
            Action::Cancel => {
                self.adding = None;
                self.mode = Mode::Browse;
                self.say("Not added");
            }
            Action::Quit => self.running = false,
            _ => {}
        }
        Vec::new()
    }

    /// A printable key in the form.
    pub(super) fn add_form_char(&mut self, c: char) {
        if let Some(form) = self.adding.as_mut() {
            // Typing into a guessed label replaces it.
            if form.focused_guess() {
                form.focused().input.edit(Action::DeleteLine);
            }
            form.focused().input.push(c);
            form.changed();
        }
    }

    /// The form stays open on link `n`'s URL, saying why.
    fn refuse_link(&mut self, n: usize, why: String) -> Vec<Effect> {
        if let Some(f) = self.adding.as_mut() {
            if let Some(i) = f.fields.iter().position(|f| f.kind == FieldKind::Url(n)) {
                f.focus = i;
            }
        }
        self.say(why);
        Vec::new()
    }

    fn submit_add(&mut self) -> Vec<Effect> {
        let Some(form) = self.adding.as_ref() else {
            return Vec::new();
        };
        let entry = form.entry();
        if entry.title.is_empty() {
            if let Some(f) = self.adding.as_mut() {
                f.focus = 0;
            }
            self.say("A paper needs a title");
            return Vec::new();
        }
        // A label typed for a link with no URL would be lost: it is asked for.
        let orphan = (0..form.links_count()).find(|&n| {
            form.value(FieldKind::Url(n)).is_empty() && !form.value(FieldKind::Label(n)).is_empty()
        });
        if let Some(n) = orphan {
            return self.refuse_link(
                n,
                format!(
                    "Link {} has a label but no URL: type its URL, or clear its label",
                    n + 1
                ),
            );
        }
        // Every link must be something a reader can open: a web address, or a note page beside the notes.
        let bad = (0..form.links_count()).find_map(|n| {
            let url = form.value(FieldKind::Url(n));
            (!url.is_empty() && !openable(&url)).then_some((n, url))
        });
        if let Some((n, url)) = bad {
            return self.refuse_link(
                n,
                format!(
                    "Link {} is not a web address (http:// or https://) or a .md note: {url}",
                    n + 1
                ),
            );
        }
        let target = form.target.clone();
        self.add_submitted = self.adding.take();
        self.mode = Mode::Browse;
        vec![Effect::AddPaper { target, entry }]
    }

    /// The notes were reloaded while the form is open: it follows the paper it adds after (its line may
    /// have moved), so that what was typed is added to the notes as they are now. When that paper is gone,
    /// the form closes, saying so.
    pub(super) fn retarget_form(&mut self) {
        let Some(t) = self.adding.as_ref().map(|f| f.target.clone()) else {
            return;
        };
        let line = self.library.document_at(&t.path).and_then(|d| {
            (self.library.documents[d].papers.iter())
                .filter(|p| *p.title == *t.after_title)
                .map(|p| p.line)
                .min_by_key(|l| l.abs_diff(t.after_line))
        });
        match (line, self.adding.as_mut()) {
            (Some(line), Some(form)) => {
                form.target.after_line = line;
                form.target.generation = self.generation;
            }
            _ => {
                let name = t.path.file_name().map(|n| n.to_string_lossy().into_owned());
                let after = t.after_title;
                self.adding = None;
                if self.mode == Mode::AddPaper {
                    self.mode = Mode::Browse;
                }
                let why = format!(
                    "Not added: “{after}” is no longer in {}",
                    name.unwrap_or_default()
                );
                // Said with the reload's own message, which comes after.
                self.reload_note = Some(why.clone());
                self.say(why);
            }
        }
    }

    /// The runtime found the file changed on disk since the notes the form works on were read: the form
    /// stays open with what was typed, and once the notes are read again (the runtime reloads them),
    /// Enter adds it to them.
    pub fn add_refused_changed(&mut self, why: String) {
        if let Some(form) = self.add_submitted.take() {
            self.adding = Some(form);
            self.mode = Mode::AddPaper;
        }
        self.say(format!("{why} · reloading: Enter adds it then"));
    }

    /// The runtime found the file cannot take the paper (no write permission): the form closes, saying
    /// why.
    pub fn add_refused(&mut self, why: String) {
        self.adding = None;
        self.add_submitted = None;
        if self.mode == Mode::AddPaper {
            self.mode = Mode::Browse;
        }
        self.say(why);
    }

    /// The runtime wrote the paper at `line` of `path` (its last line `end`): `e` opens it there, and
    /// once the notes are reloaded it is selected.
    pub fn added(&mut self, path: PathBuf, line: usize, end: usize, title: &str) {
        // What was typed as the title, when the notes read another title from it (`Dr. Owl` is
        // `Dr` by the rule for authors after `. `).
        let typed = (self.add_submitted.take())
            .and_then(|f| {
                (f.fields.iter())
                    .find(|x| x.kind == FieldKind::Title)
                    .map(|x| {
                        x.input
                            .as_str()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
            })
            .filter(|t| t != title);
        let key = self
            .keymap
            .key_for(Mode::Browse, Action::Edit)
            .map(|k| format!(" · {k}: add takeaways in the editor"))
            .unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.say(match typed {
            Some(typed) => format!(
                "Added to {name}:{line}, read as “{title}” (typed “{typed}”: the rest reads as its authors or venue){key}"
            ),
            None => format!("Added “{title}” to {name}:{line}{key}"),
        });
        self.offer_edit = Some((path.clone(), end));
        self.select_after_reload = Some((path, line));
        // Added by the reader: not news to them.
        self.news.cleared.insert(crate::model::work::key(title));
    }
}

/// The last paper directly below a topic (not in its sub-topics).
fn last_paper_child(tree: &crate::model::tree::Tree, id: usize) -> Option<PaperRef> {
    tree.nodes[id]
        .children
        .iter()
        .rev()
        .find_map(|&c| tree.nodes[c].paper())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_guessed_from_the_host() {
        assert_eq!(
            guess_label("https://arxiv.org/abs/2401.00001", true),
            "Paper"
        );
        assert_eq!(guess_label("https://github.com/owls/night", false), "Code");
        assert_eq!(
            guess_label("https://www.youtube.com/watch?v=x", false),
            "Video"
        );
        assert_eq!(guess_label("https://owls.example.org/", true), "Paper");
        assert_eq!(guess_label("https://owls.example.org/", false), "Link");
    }
}
