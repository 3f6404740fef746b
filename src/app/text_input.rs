//! A line of typed text, as the filter and the jump palette take it: characters are added at the end,
//! Backspace deletes one, Ctrl-W a word.

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

    /// Applies an editing action (`delete_char`, `delete_word`). Returns whether it was one, so the
    /// caller searches again; other actions are left to the caller.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::DeleteChar => {
                self.text.pop();
            }
            Action::DeleteWord => {
                // The last word and the spaces after it.
                let trimmed = self.text.trim_end().len();
                self.text.truncate(trimmed);
                let cut = self.text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.truncate(cut);
            }
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
}
