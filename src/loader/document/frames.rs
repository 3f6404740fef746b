//! The stack of what encloses the block being walked: sections, `<details>` topics and bold-only
//! paragraphs, each gathering the nodes found inside it.

use super::super::entry::section;
use crate::model::{Branch, Node};

/// What encloses the blocks being walked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum FrameKind {
    Root,
    /// A heading.
    Section,
    /// A `<details>` block: a topic once its `<summary>` names one, else transparent.
    Details,
    /// A paragraph of bold text only: a topic for the lists after it.
    Bold,
}

pub(super) struct Frame {
    pub(super) kind: FrameKind,
    /// Heading level; frames that are not headings sit below every heading.
    pub(super) level: u8,
    pub(super) title: String,
    pub(super) line: usize,
    /// The heading announces no papers (`References`).
    pub(super) no_papers: bool,
    pub(super) children: Vec<Node>,
}

impl Frame {
    pub(super) fn new(kind: FrameKind, level: u8, title: String, line: usize) -> Self {
        Frame {
            kind,
            level,
            no_papers: kind == FrameKind::Section && section::holds_no_papers(&title),
            title,
            line,
            children: Vec::new(),
        }
    }
}

/// Below every heading level.
pub(super) const INNER: u8 = 7;

/// The titles of the enclosing sections and topics, outermost first.
pub(super) fn topic_path(stack: &[Frame]) -> Vec<String> {
    stack
        .iter()
        .filter(|f| f.kind != FrameKind::Root && !f.title.is_empty())
        .map(|f| f.title.clone())
        .collect()
}

/// Attaches a closed frame to the one below it: a titled frame as a section or topic when it holds
/// papers, an untitled one's children in its place.
pub(super) fn attach(stack: &mut [Frame], f: Frame) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    if f.title.is_empty() {
        parent.children.extend(f.children);
    } else if f.children.iter().any(|n| n.paper_count() > 0) {
        parent.children.push(match f.kind {
            FrameKind::Section | FrameKind::Root => Node::Section(Box::new(Branch {
                title: f.title,
                line: f.line,
                children: f.children,
            })),
            FrameKind::Details | FrameKind::Bold => Node::Topic(Box::new(Branch {
                title: f.title,
                line: f.line,
                children: f.children,
            })),
        });
    }
}

/// Closes the frames a heading of `level` ends: sections of `level` and deeper, and every topic frame.
pub(super) fn close_frames(stack: &mut Vec<Frame>, level: u8) {
    while stack.len() > 1 && stack.last().is_some_and(|f| f.level >= level) {
        if let Some(f) = stack.pop() {
            attach(stack, f);
        }
    }
}
