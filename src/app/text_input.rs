//! A line of typed text, as the filter, the jump palette and the add form take it: characters go in at
//! the cursor, which `←` `→` `Home` `End` move; Backspace deletes the character before it, Ctrl-W the
//! word before it, Ctrl-U the line.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use super::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Where typing goes, in characters from the start (at most the text's length).
    cursor: usize,
}

impl TextInput {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor and after it (split where `char_indices` puts a character).
    pub fn split(&self) -> (&str, &str) {
        let at = self.byte_at(self.cursor);
        (
            self.text.get(..at).unwrap_or(&self.text),
            self.text.get(at..).unwrap_or(""),
        )
    }

    /// The byte where character `n` starts (the end when there are fewer).
    fn byte_at(&self, n: usize) -> usize {
        self.text
            .char_indices()
            .nth(n)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Nothing but white space?
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Types `c` at the cursor.
    pub fn push(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Types `text` at the cursor.
    pub fn push_str(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Applies an editing action (`delete_char`, `delete_word`, `delete_line`). Returns whether it was
    /// one, so the caller searches again; other actions are left to the caller.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::DeleteChar => {
                if self.cursor > 0 {
                    let at = self.byte_at(self.cursor - 1);
                    self.text.remove(at);
                    self.cursor -= 1;
                }
            }
            Action::DeleteWord => {
                // The word before the cursor and the spaces after it (any white space: `　`, a no-break
                // space). What is kept is a prefix the trims returned, so its length is a boundary.
                let (before, _) = self.split();
                let end = before.len();
                let kept = before
                    .trim_end()
                    .trim_end_matches(|c: char| !c.is_whitespace())
                    .len();
                let kept_chars = before.get(..kept).map_or(0, |k| k.chars().count());
                self.text.replace_range(kept..end, "");
                self.cursor = kept_chars;
            }
            Action::DeleteLine => {
                self.text.clear();
                self.cursor = 0;
            }
            _ => return false,
        }
        true
    }

    /// Moves the cursor (`cursor_left`, `cursor_right`, `cursor_home`, `cursor_end`). Returns whether the
    /// action was one; the text is unchanged.
    pub fn move_cursor(&mut self, action: Action) -> bool {
        let len = self.text.chars().count();
        self.cursor = match action {
            Action::CursorLeft => self.cursor.saturating_sub(1),
            Action::CursorRight => (self.cursor + 1).min(len),
            Action::CursorHome => 0,
            Action::CursorEnd => len,
            _ => return false,
        };
        true
    }
}

impl From<&str> for TextInput {
    /// The text, the cursor at its end.
    fn from(text: &str) -> Self {
        TextInput {
            text: text.into(),
            cursor: text.chars().count(),
        }
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

    #[test]
    fn typing_and_deleting_happen_at_the_cursor() {
        let mut t = TextInput::from("kv cache");
        assert_eq!(t.cursor(), 8);
        assert!(t.move_cursor(Action::CursorHome));
        t.push('"');
        assert!(t.move_cursor(Action::CursorEnd));
        t.push('"');
        assert_eq!(t.as_str(), "\"kv cache\"");
        // Into the middle: after `kv`.
        t.move_cursor(Action::CursorHome);
        for _ in 0..3 {
            t.move_cursor(Action::CursorRight);
        }
        t.push_str("-ä");
        assert_eq!(t.as_str(), "\"kv-ä cache\"");
        assert_eq!(t.split(), ("\"kv-ä", " cache\""));
        assert!(t.edit(Action::DeleteChar));
        assert_eq!(t.as_str(), "\"kv- cache\"");
        // Ctrl-W takes the word before the cursor only.
        assert!(t.edit(Action::DeleteWord));
        assert_eq!(t.as_str(), " cache\"");
        assert_eq!(t.cursor(), 0);
        // At the start, Backspace and ←: nothing; → stops at the end.
        assert!(t.edit(Action::DeleteChar));
        assert!(t.move_cursor(Action::CursorLeft));
        assert_eq!((t.as_str(), t.cursor()), (" cache\"", 0));
        for _ in 0..20 {
            t.move_cursor(Action::CursorRight);
        }
        assert_eq!(t.cursor(), 7);
        assert!(!t.move_cursor(Action::Down));
        assert!(t.edit(Action::DeleteLine));
        assert_eq!((t.as_str(), t.cursor()), ("", 0));
    }
}
