//! Plain data: what a set of notes says, with no knowledge of files being read or of the terminal.
//!
//! `Library` → `Document` → a tree of sections (headings) and topics (list items that hold papers) whose
//! leaves point into `Document::papers`. Every node records the 1-based line it starts on.

mod documents;
mod navigation;
pub mod tree;
pub mod venue;
pub mod views;
pub mod work;

use std::path::{Path, PathBuf};

pub use documents::Documents;
pub use navigation::NavNode;

/// Everything that was loaded, in load order, and how the author arranged it.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Shared: a reload keeps the unchanged ones (see [`Documents`]).
    pub documents: Documents,
    /// The tree of documents as the notes arrange them (`SUMMARY.md`, else the folders). Every document
    /// is in it once. Empty for a library put together by hand: then each document is a top node.
    pub navigation: Vec<NavNode>,
}

/// Index of a paper in a library: (document index, paper index within the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaperRef {
    pub doc: usize,
    pub paper: usize,
}

impl Library {
    /// Every paper of every document, in document order.
    pub fn papers(&self) -> impl Iterator<Item = (PaperRef, &Paper)> {
        self.documents.iter().enumerate().flat_map(|(d, doc)| {
            doc.papers
                .iter()
                .enumerate()
                .map(move |(p, paper)| (PaperRef { doc: d, paper: p }, paper))
        })
    }

    pub fn paper(&self, r: PaperRef) -> Option<&Paper> {
        self.documents.get(r.doc)?.papers.get(r.paper)
    }

    /// Finds a paper by its stable id.
    pub fn find_id(&self, id: &str) -> Option<PaperRef> {
        self.papers().find(|(_, p)| &*p.id == id).map(|(r, _)| r)
    }

    /// Finds a loaded document by the file it was read from.
    pub fn document_at(&self, path: &std::path::Path) -> Option<usize> {
        self.documents
            .iter()
            .position(|d| d.path.as_deref() == Some(path))
    }

    pub fn paper_count(&self) -> usize {
        self.documents.iter().map(|d| d.papers.len()).sum()
    }
}

/// `list`: a list of papers (a conference, a topic). `page`: prose, such as one paper's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocKind {
    List,
    Page,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::List => "list",
            DocKind::Page => "page",
        }
    }
}

/// One markdown file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The path as the user gave it (joined with the relative path inside a folder), or
    /// `notes/atc-2025.md` for the bundled notes.
    pub source: String,
    /// The file on disk, when there is one (not for the bundled notes).
    pub path: Option<PathBuf>,
    /// Text of the first `#` heading (or the file name when there is none).
    pub title: String,
    pub kind: DocKind,
    /// Facts about the venue: homepage, paper list, acceptance rate, a description.
    pub meta: Vec<Meta>,
    /// Sections and topics; leaves are papers. Only branches that hold papers are kept.
    pub tree: Vec<Node>,
    /// Papers in document order.
    pub papers: Vec<Paper>,
    /// The whole body below the title, for pages (empty for lists).
    pub body: Vec<Block>,
    /// The `description` of the file's YAML front matter, if it has one.
    pub description: Option<String>,
    /// What the ids of its papers were made from (see `loader::assign_ids`).
    pub id_bases: IdBases,
}

/// What `loader::assign_ids` knows of a document's paper ids, kept with the document so that a reload
/// checks the ids of the unchanged documents without reading their titles again.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IdBases {
    /// Per paper: a hash of its id as made from the titles, before any `-2` that a collision adds.
    pub hashes: Vec<u64>,
    /// Whether a paper's id has such a suffix.
    pub suffixed: bool,
}

/// `Homepage: <https://…>` becomes `Meta { key: "Homepage", value: "https://…" }`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// Empty for a line without a key (e.g. the conference's full name).
    pub key: String,
    pub value: RichText,
}

/// A branch or leaf of a document's tree. Branches are boxed: a tree has a leaf per paper, and a leaf
/// is then two words, not a branch's seven.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Node {
    /// A heading below the title (other than `Papers`, whose children stand in its place).
    Section(Box<Branch>),
    /// A list item holding papers.
    Topic(Box<Branch>),
    /// Index into `Document::papers`.
    Paper { index: usize },
}

/// A section or topic: its title, its 1-based line, and what is below it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Branch {
    pub title: String,
    pub line: usize,
    pub children: Vec<Node>,
}

impl Node {
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Section(b) | Node::Topic(b) => &b.children,
            Node::Paper { .. } => &[],
        }
    }

    /// Number of papers at or below this node.
    pub fn paper_count(&self) -> usize {
        match self {
            Node::Paper { .. } => 1,
            _ => self.children().iter().map(Node::paper_count).sum(),
        }
    }
}

/// A paper and what the notes say about it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Paper {
    /// Stable id: `<document slug>/<title slug>`, unique within the library.
    pub id: Box<str>,
    pub title: Box<str>,
    /// A trailing venue such as `SOSP 2023` or `arXiv 2312.07104`.
    pub venue: Option<Box<str>>,
    /// A trailing `, by Author`.
    pub authors: Option<Box<str>>,
    /// Section and topic titles from the document down to the paper (shared by the papers of a topic).
    /// Not serialized with the paper: the loader's cache keeps each document's topics once
    /// (`loader/cache.rs`).
    #[serde(skip)]
    pub topics: std::sync::Arc<[String]>,
    /// 1-based line where the paper's list item starts.
    pub line: usize,
    pub links: Box<[Link]>,
    /// Institutions from the first nested bullet, when it names them (`HKUST & Alibaba`).
    pub affiliations: Box<[Box<str>]>,
    pub takeaways: Box<[Note]>,
    /// The entry shape the paper was read from (see README, "The notes format").
    pub shape: Shape,
}

/// The shape of the entry a paper was read from: which rule made it a paper. Shown by `--json`, so a
/// misreading can be traced to its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    /// `Title \[[Paper](u)]`, `Title [[pdf]](u)`, `Title [paper](u) [code](u)`.
    LinkGroup,
    /// `[Title](u): subtitle | Venue`.
    TitleLink,
    /// `1. **Title.** Venue. [pdf](u)`.
    BoldTitle,
    /// An item without links, a paper by its place in the list.
    #[default]
    Unlinked,
    /// A row of a table with a Title or Paper column.
    TableRow,
    /// A heading followed by `**Field:** value` lines.
    HeadingFields,
    /// A title line (a bold or plain paragraph) followed by field lines (`- 论文/Paper: u`).
    TitleLine,
    /// A reading cited in full, the title in bold wherever it stands.
    Citation,
    /// A paragraph that opens with a bold title and links its paper.
    Paragraph,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::LinkGroup => "link-group",
            Shape::TitleLink => "title-link",
            Shape::BoldTitle => "bold-title",
            Shape::Unlinked => "unlinked",
            Shape::TableRow => "table-row",
            Shape::HeadingFields => "heading-fields",
            Shape::TitleLine => "title-line",
            Shape::Citation => "citation",
            Shape::Paragraph => "paragraph",
        }
    }
}

impl Paper {
    /// The first link whose label is `label`, compared without case (`paper`, `Video`, …).
    pub fn link(&self, label: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.label.trim().eq_ignore_ascii_case(label))
    }

    /// The first link of this kind (decided at load from its URL and label, [`Link::kind`]).
    pub fn link_of(&self, kind: LinkKind) -> Option<&Link> {
        self.links.iter().find(|l| l.kind == kind)
    }

    /// Does the paper have a link of this kind (as the side pane's badges count them), or for
    /// [`LinkKind::Note`] a note page?
    pub fn has(&self, kind: LinkKind) -> bool {
        match kind {
            LinkKind::Note => self.note_page().is_some(),
            _ => self.link_of(kind).is_some(),
        }
    }

    /// The paper's own note page: the first local link of kind [`LinkKind::Note`] labelled as a note
    /// (`[Personal Note](x.md)`), else the first local link to a `.md` file. A link to a folder (a venue
    /// such as `([SOSP 2023](../sosp-2023/))`) is not the paper's note.
    pub fn note_page(&self) -> Option<&Link> {
        let local = || self.links.iter().filter(|l| l.target.is_some());
        local()
            .find(|l| l.kind == LinkKind::Note && l.label.to_lowercase().contains("note"))
            .or_else(|| {
                local().find(|l| {
                    let path = l.url.split(['#', '?']).next().unwrap_or("");
                    path.to_ascii_lowercase().ends_with(".md")
                })
            })
    }
}

/// What a link points to, decided once when the notes are loaded from its URL and its label together
/// (`[[pdf]](https://arxiv.org/…)` and `[论文](…)` are `Paper`, `[GitHub](https://github.com/…)` and
/// `[代码](…)` are `Code`). `has:` in the query language, the side pane's badges and the link keys
/// (`p` `v` `s` `c` `a`) all read it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum LinkKind {
    Paper,
    Video,
    Slides,
    Code,
    Artifact,
    /// A local note page (`[Personal Note](x.md)`) or another local file of the notes.
    Note,
    /// A project's or a paper's own web page.
    Project,
    Blog,
    /// A person's or a group's page (a homepage, a Google Scholar profile).
    Person,
    #[default]
    Other,
}

impl LinkKind {
    /// Every kind, in badge order (the first five are the side pane's badges).
    pub const ALL: [LinkKind; 10] = [
        LinkKind::Paper,
        LinkKind::Video,
        LinkKind::Slides,
        LinkKind::Code,
        LinkKind::Artifact,
        LinkKind::Note,
        LinkKind::Project,
        LinkKind::Blog,
        LinkKind::Person,
        LinkKind::Other,
    ];

    /// The kind's name (`Code`); what `has:` compares without case (`has:code`).
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Paper => "Paper",
            LinkKind::Video => "Video",
            LinkKind::Slides => "Slides",
            LinkKind::Code => "Code",
            LinkKind::Artifact => "Artifact",
            LinkKind::Note => "Note",
            LinkKind::Project => "Project",
            LinkKind::Blog => "Blog",
            LinkKind::Person => "Person",
            LinkKind::Other => "Other",
        }
    }

    /// `kind` in `--json` (`project`).
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Paper => "paper",
            LinkKind::Video => "video",
            LinkKind::Slides => "slides",
            LinkKind::Code => "code",
            LinkKind::Artifact => "artifact",
            LinkKind::Note => "note",
            LinkKind::Project => "project",
            LinkKind::Blog => "blog",
            LinkKind::Person => "person",
            LinkKind::Other => "other",
        }
    }

    /// The name a query uses (`code`), compared without case.
    pub fn parse(name: &str) -> Option<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|k| k.label().eq_ignore_ascii_case(name))
    }

    /// One bit per kind, for sets of kinds.
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub label: Box<str>,
    /// As written in the notes, backslash escapes resolved.
    pub url: Box<str>,
    /// For a relative link to a local `.md` file or folder: the file it points to, resolved against the
    /// document (a folder means its `README.md`). `None` for outside links and for bundled notes.
    pub target: Option<Box<Path>>,
    /// What it points to, decided at load.
    pub kind: LinkKind,
}

/// A bullet of rich text with nested bullets.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub text: RichText,
    pub line: usize,
    pub children: Box<[Note]>,
}

impl Note {
    /// A code block in a takeaway (fenced or indented): its text, lines as written, when it has more than
    /// one. The loader keeps a code block as one code span; no other text holds a line break (soft and
    /// hard breaks become spaces), so views show these lines one under the other.
    pub fn code_block(&self) -> Option<&str> {
        match &self.text.0[..] {
            [Span {
                text,
                style,
                link: false,
            }] if style.code && text.contains('\n') => Some(text),
            _ => None,
        }
    }
}

/// Inline text: runs of styled text, some of them links.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RichText(pub Box<[Span]>);

impl RichText {
    /// The text without markup.
    pub fn plain(&self) -> String {
        self.0.iter().map(|s| &*s.text).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.is_empty())
    }
}

/// Text that never grows once read is a `Box<str>`: 16 bytes beside the text, not 24, and no room to spare
/// (a library holds about eight spans per paper).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub text: Box<str>,
    pub style: Style,
    /// The run is a link's text. Its address is not kept: nothing reads it (a paper's own links are
    /// [`Paper::links`]), and a library holds about eight spans per paper.
    pub link: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
}

/// Block content of a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    Heading {
        level: u8,
        text: RichText,
        line: usize,
    },
    Paragraph {
        text: RichText,
        line: usize,
    },
    List {
        ordered: bool,
        items: Vec<Note>,
    },
    Code {
        lang: String,
        text: String,
        line: usize,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Table {
        rows: Vec<Vec<RichText>>,
        line: usize,
    },
    Rule,
}
