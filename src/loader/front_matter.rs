//! YAML front matter (a `---` … `---` block at the very top of a file, as GitBook writes it): read, never
//! shown as text. The markdown parser hands over the block ([`super::markdown::parse_document`]); this
//! reads it with yaml-rust2's event parser and keeps what the app shows: the top-level `description`.
//!
//! Only events are read, never a tree: aliases are not expanded (a "billion laughs" block costs nothing)
//! and nesting is counted, not recursed into.

use yaml_rust2::parser::{Event, Parser};

use super::{Warning, WarningKind};

/// A block of front matter: the line of its opening `---` and the YAML between the fences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub yaml: String,
}

/// What the app uses of a file's front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `description: …`, white space collapsed; `None` when absent or empty.
    pub description: Option<String>,
}

/// A container open in the YAML being read.
enum Open {
    /// A mapping; `key` is true when its next node is a key.
    Map {
        key: bool,
    },
    Seq,
}

/// Reads a block's YAML. Errors give the 1-based line within the YAML and what is wrong.
pub fn parse(yaml: &str) -> Result<FrontMatter, (usize, String)> {
    let mut parser = Parser::new_from_str(yaml);
    let mut open: Vec<Open> = Vec::new();
    let mut top_key: Option<String> = None;
    let mut out = FrontMatter::default();
    loop {
        let (event, _) = parser
            .next_token()
            .map_err(|e| (e.marker().line().max(1), e.info().to_string()))?;
        // A node at the top level of the first document's mapping: a key or a value.
        let at_top = open.len() == 1 && matches!(open.first(), Some(Open::Map { .. }));
        let is_key = matches!(open.last(), Some(Open::Map { key: true }));
        let complete = match event {
            Event::StreamEnd | Event::DocumentEnd => break,
            Event::Scalar(text, ..) => {
                if at_top && is_key {
                    top_key = Some(text);
                } else if at_top && top_key.as_deref() == Some("description") {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    out.description = (!text.is_empty()).then_some(text);
                }
                true
            }
            Event::Alias(_) => true,
            Event::MappingStart(..) => {
                open.push(Open::Map { key: true });
                false
            }
            Event::SequenceStart(..) => {
                open.push(Open::Seq);
                false
            }
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
                true
            }
            _ => false,
        };
        // A finished node in a mapping turns key into value and back.
        if complete {
            if let Some(Open::Map { key }) = open.last_mut() {
                *key = !*key;
            }
        }
    }
    Ok(out)
}

/// The description of a file's front matter, and a warning naming the file and line when the block is not
/// valid YAML (the rest of the file loads all the same).
pub fn description(source: &str, block: Option<&Block>) -> (Option<String>, Option<Warning>) {
    let Some(block) = block else {
        return (None, None);
    };
    match parse(&block.yaml) {
        Ok(f) => (f.description, None),
        Err((line, reason)) => (
            None,
            Some(Warning {
                source: source.to_string(),
                // The YAML's first line is the one after the opening `---`.
                line: block.line + line,
                kind: WarningKind::FrontMatter { reason },
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_folded_plain_and_absent() {
        let f = parse("description: >-\n  An offloading framework\n  for tiny GPUs.\n").unwrap();
        assert_eq!(
            f.description.as_deref(),
            Some("An offloading framework for tiny GPUs.")
        );
        let f = parse("title: X\ndescription: Short one.\n").unwrap();
        assert_eq!(f.description.as_deref(), Some("Short one."));
        assert_eq!(parse("title: X\n").unwrap().description, None);
        assert_eq!(parse("description:\n").unwrap().description, None);
    }

    #[test]
    fn only_the_top_level_description_counts() {
        let f = parse("meta:\n  description: nested\nlist: [description, x]\n").unwrap();
        assert_eq!(f.description, None);
        let f = parse("a: {b: [1, 2]}\ndescription: after a map\n").unwrap();
        assert_eq!(f.description.as_deref(), Some("after a map"));
        // A top level that is not a mapping has no description.
        assert_eq!(parse("- description\n- x\n").unwrap().description, None);
    }

    #[test]
    fn aliases_are_not_expanded() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        yaml.push_str("description: still read\n");
        assert_eq!(
            parse(&yaml).unwrap().description.as_deref(),
            Some("still read")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let (line, why) = parse("description: ok\nbad: [unclosed\n").unwrap_err();
        assert!(line >= 2, "{line}: {why}");
        let block = Block {
            line: 1,
            yaml: "description: ok\n\tbad: tab\n".into(),
        };
        let (d, w) = description("n.md", Some(&block));
        assert_eq!(d, None);
        let w = w.expect("a warning");
        assert_eq!(w.source, "n.md");
        assert!(w.line >= 2, "{w}");
        assert!(w.to_string().contains("front matter"), "{w}");
    }
}
