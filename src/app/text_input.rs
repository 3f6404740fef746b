//! A line of typed text, as the filter and the jump palette take it: characters are added at the end,
//! Backspace deletes one, Ctrl-W a word.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
}

impl TextInput {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Nothing but white space?
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }

    pub fn push_str(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Applies an editing action (`delete_char`, `delete_word`). Returns whether it was one, so the
    /// caller searches again; other actions are left to the caller.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::DeleteChar => {
                self.text.pop();
            }
            Action::DeleteWord => {
                // The last word and the spaces after it (any white space: `　`, a no-break space).
                // What is kept is a prefix the trims returned, so its length is a boundary.
                let kept = self
                    .text
                    .trim_end()
                    .trim_end_matches(|c: char| !c.is_whitespace())
                    .len();
                self.text.truncate(kept);
            }
            Action::DeleteLine => self.text.clear(),
            _ => return false,
        }
        true
    }
}

impl From<&str> for TextInput {
    fn from(text: &str) -> Self {
        TextInput { text: text.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_and_ctrl_w() {
        let mut t = TextInput::from("kv cache  ");
        assert!(t.edit(Action::DeleteWord));
        assert_eq!(t.as_str(), "kv ");
        assert!(t.edit(Action::DeleteChar));
        assert_eq!(t.as_str(), "kv");
        assert!(t.edit(Action::DeleteWord));
        assert!(t.is_blank());
        assert!(!t.edit(Action::Down));
        t.push('x');
        assert_eq!(t.as_str(), "x");
    }

    #[test]
    fn ctrl_w_after_wide_and_no_break_spaces() {
        for (typed, left) in [
            ("kv\u{3000}cache", "kv\u{3000}"),
            ("kv\u{a0}cache\u{a0}", "kv\u{a0}"),
            ("\u{3000}", ""),
            ("键值\u{3000}缓存", "键值\u{3000}"),
        ] {
            let mut t = TextInput::from(typed);
            assert!(t.edit(Action::DeleteWord));
            assert_eq!(t.as_str(), left, "{typed:?}");
        }
    }
}
