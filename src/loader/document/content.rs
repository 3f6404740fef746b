//! What a paper or a page says: list items and blocks as notes and page blocks, inline tokens as rich
//! text, links checked and resolved.

use super::super::markdown::{self, rich, MdBlock, MdItem, Tok};
use super::super::{probe, WarningKind};
use super::paths::{local_path, local_target};
use super::DocBuilder;
use crate::model::{Block, Link, Note, RichText, Span};

impl DocBuilder<'_> {
    pub(super) fn link(&self, label: String, url: String) -> Link {
        let target = self.dir.as_deref().and_then(|dir| local_target(dir, &url));
        let u = url.trim();
        let local = !super::super::title::is_outside(u) && !u.starts_with('#') && !u.is_empty();
        let kind = super::super::reader::kind::link_kind(&label, &url, local);
        Link {
            label: label.into(),
            url: url.into(),
            target: target.map(std::path::PathBuf::into_boxed_path),
            kind,
        }
    }

    /// Warns about links without a URL and local links to files that do not exist.
    pub(super) fn check_links(&mut self, inl: &[Tok], line: usize) {
        // Most links are fine: their labels are built only for a warning.
        let suspect = |t: &Tok| match t {
            Tok::LinkStart(url) => {
                url.trim().is_empty()
                    || (self.dir.as_deref()).is_some_and(|dir| local_path(dir, url).is_some())
            }
            _ => false,
        };
        if !inl.iter().any(suspect) {
            return;
        }
        for (label, url) in markdown::links(inl) {
            if url.trim().is_empty() {
                self.warn(line, WarningKind::EmptyUrl { label });
            } else if let Some(dir) = self.dir.clone() {
                if let Some(p) = local_path(&dir, &url) {
                    if !probe::exists(&p) {
                        self.warn(line, WarningKind::MissingTarget { url });
                    }
                }
            }
        }
    }

    /// A block inside a paper or page list item, as notes.
    pub(super) fn notes(&mut self, b: &MdBlock) -> Vec<Note> {
        match b {
            MdBlock::List { items, .. } => items.iter().map(|it| self.note(it)).collect(),
            MdBlock::Para { inl, line } | MdBlock::Heading { inl, line, .. } => {
                self.check_links(inl, *line);
                vec![Note {
                    text: rich(inl),
                    line: *line,
                    children: Box::default(),
                }]
            }
            MdBlock::Code { text, line, .. } => vec![Note {
                text: RichText(Box::new([Span {
                    text: text.trim_end().into(),
                    style: crate::model::Style {
                        code: true,
                        ..Default::default()
                    },
                    link: false,
                }])),
                line: *line,
                children: Box::default(),
            }],
            MdBlock::Quote(inner) => inner.iter().flat_map(|b| self.notes(b)).collect(),
            MdBlock::Table { .. } | MdBlock::Html { .. } | MdBlock::Rule => Vec::new(),
        }
    }

    pub(super) fn note(&mut self, it: &MdItem) -> Note {
        let inl = it.first_para();
        self.check_links(inl, it.line);
        let skip = usize::from(matches!(it.blocks.first(), Some(MdBlock::Para { .. })));
        Note {
            text: rich(inl),
            line: it.line,
            children: it
                .blocks
                .iter()
                .skip(skip)
                .flat_map(|b| self.notes(b))
                .collect(),
        }
    }

    /// A block of a page; raw HTML is left out.
    pub(super) fn block(&mut self, b: &MdBlock) -> Option<Block> {
        Some(match b {
            MdBlock::Heading { level, inl, line } => Block::Heading {
                level: *level,
                text: rich(inl),
                line: *line,
            },
            MdBlock::Para { inl, line } => {
                self.check_links(inl, *line);
                Block::Paragraph {
                    text: rich(inl),
                    line: *line,
                }
            }
            MdBlock::List { ordered, items } => Block::List {
                ordered: *ordered,
                items: items.iter().map(|it| self.note(it)).collect(),
            },
            MdBlock::Code { lang, text, line } => Block::Code {
                lang: lang.clone(),
                text: text.clone(),
                line: *line,
            },
            MdBlock::Quote(inner) => Block::Quote {
                blocks: inner.iter().filter_map(|b| self.block(b)).collect(),
            },
            MdBlock::Table { rows, line } => Block::Table {
                rows: rows
                    .iter()
                    .map(|r| r.cells.iter().map(|c| rich(c)).collect())
                    .collect(),
                line: *line,
            },
            MdBlock::Html { .. } => return None,
            MdBlock::Rule => Block::Rule,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::build;

    #[test]
    fn a_code_block_in_a_takeaway_keeps_its_lines() {
        let md = "# Conf\n\n## Papers\n\n- Owl Nets \\[[Paper](https://a.org/p)]\n  - Owls count:\n\n    ```sh\n    owl --count 3\n      --nested\n    ```\n  - One line:\n\n    ```\n    owl\n    ```\n";
        let (doc, _) = build("t.md", None, md);
        let takeaways = &doc.papers[0].takeaways;
        assert_eq!(takeaways[0].text.plain(), "Owls count:");
        let code = &takeaways[0].children[0];
        assert_eq!(code.code_block(), Some("owl --count 3\n  --nested"));
        assert_eq!(code.line, 8);
        // A one-line block is a code span like any other.
        let one = &takeaways[1].children[0];
        assert_eq!(one.code_block(), None);
        assert_eq!(one.text.plain(), "owl");
        assert!(one.text.0[0].style.code);
    }
}
