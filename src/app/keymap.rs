//! Keys → actions, per mode: the one place where that mapping lives. The help overlay and the status hints
//! are generated from it, so they never drift from what the keys do.

use std::fmt;

use super::action::Action;

/// A key as the app sees it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Which keys apply: browsing, typing a filter or palette query, choosing a link, reading help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Browse,
    FilterInput,
    Palette,
    LinkMenu,
    Help,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::Browse,
        Mode::FilterInput,
        Mode::Palette,
        Mode::LinkMenu,
        Mode::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Mode::Browse => "Browse",
            Mode::FilterInput => "Filter input",
            Mode::Palette => "Jump palette",
            Mode::LinkMenu => "Link popup",
            Mode::Help => "Help",
        }
    }

    /// Typing modes: a printable key with no binding becomes text.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::FilterInput | Mode::Palette)
    }
}

/// The bindings, in the order the help overlay lists them.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<(Mode, Key, Action)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let p = Key::plain;
        let c = Key::ch;
        let mut b: Vec<(Mode, Key, Action)> = Vec::new();
        let mut bind = |mode: Mode, keys: &[Key], action: Action| {
            for &k in keys {
                b.push((mode, k, action));
            }
        };
        let m = Mode::Browse;
        bind(m, &[c('j'), p(K::Down)], Down);
        bind(m, &[c('k'), p(K::Up)], Up);
        bind(m, &[c('g'), p(K::Home)], First);
        bind(m, &[c('G'), p(K::End)], Last);
        bind(m, &[p(K::PageDown), Key::ctrl('d')], PageDown);
        bind(m, &[p(K::PageUp), Key::ctrl('u')], PageUp);
        bind(m, &[c('h'), p(K::Left)], Collapse);
        bind(m, &[c('l'), p(K::Right)], Expand);
        bind(m, &[p(K::Enter)], Activate);
        bind(m, &[p(K::Tab), p(K::BackTab)], SwitchFocus);
        bind(m, &[c('/')], Filter);
        bind(m, &[c('n')], NextMatch);
        bind(m, &[c('N')], PrevMatch);
        bind(m, &[Key::ctrl('p')], Jump);
        bind(m, &[c('p')], OpenPaper);
        bind(m, &[c('v')], OpenVideo);
        bind(m, &[c('s')], OpenSlides);
        bind(m, &[c('c')], OpenCode);
        bind(m, &[c('a')], OpenArtifact);
        let numbered = [
            OpenLink1, OpenLink2, OpenLink3, OpenLink4, OpenLink5, OpenLink6, OpenLink7, OpenLink8,
            OpenLink9,
        ];
        for (i, a) in numbered.into_iter().enumerate() {
            bind(m, &[c(char::from(b'1' + i as u8))], a);
        }
        bind(m, &[c('o')], LinkMenu);
        bind(m, &[c('y')], CopyUrl);
        bind(m, &[c('Y')], CopyMarkdown);
        bind(m, &[c('?')], Help);
        bind(m, &[c('q'), Key::ctrl('c')], Quit);
        bind(m, &[p(K::Esc)], Cancel);

        let m = Mode::FilterInput;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc)], Cancel);
        bind(m, &[p(K::Backspace)], DeleteChar);
        bind(m, &[Key::ctrl('w')], DeleteWord);
        bind(m, &[p(K::Down), Key::ctrl('n')], Down);
        bind(m, &[p(K::Up)], Up);
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::Palette;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc)], Cancel);
        bind(m, &[p(K::Down), Key::ctrl('n')], Down);
        bind(m, &[p(K::Up), Key::ctrl('p')], Up);
        bind(m, &[p(K::PageDown)], PageDown);
        bind(m, &[p(K::PageUp)], PageUp);
        bind(m, &[p(K::Backspace)], DeleteChar);
        bind(m, &[Key::ctrl('w')], DeleteWord);
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::LinkMenu;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc), c('q'), c('o')], Cancel);
        bind(m, &[c('j'), p(K::Down), Key::ctrl('n')], Down);
        bind(m, &[c('k'), p(K::Up), Key::ctrl('p')], Up);
        bind(m, &[c('y')], CopyUrl);
        for (i, a) in numbered.into_iter().enumerate() {
            bind(m, &[c(char::from(b'1' + i as u8))], a);
        }
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::Help;
        bind(m, &[p(K::Esc), c('?'), c('q')], Cancel);
        bind(m, &[c('j'), p(K::Down)], Down);
        bind(m, &[c('k'), p(K::Up)], Up);
        bind(m, &[Key::ctrl('c')], Quit);
        KeyMap { bindings: b }
    }
}

impl KeyMap {
    /// The action bound to `key` in `mode`, if any.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(m, k, _)| *m == mode && *k == key)
            .map(|(_, _, a)| *a)
    }

    /// Every binding of `mode`, grouped by action in binding order: `(action, keys)`.
    pub fn bindings(&self, mode: Mode) -> Vec<(Action, Vec<Key>)> {
        let mut out: Vec<(Action, Vec<Key>)> = Vec::new();
        for (m, k, a) in &self.bindings {
            if *m != mode {
                continue;
            }
            match out.iter_mut().find(|(oa, _)| oa == a) {
                Some((_, keys)) => keys.push(*k),
                None => out.push((*a, vec![*k])),
            }
        }
        out
    }

    /// The first key bound to `action` in `mode`, for hints.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|(m, _, a)| *m == mode && *a == action)
            .map(|(_, k, _)| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let km = KeyMap::default();
        for (i, (m, k, _)) in km.bindings.iter().enumerate() {
            for (m2, k2, _) in &km.bindings[i + 1..] {
                assert!(!(m == m2 && k == k2), "{k} bound twice in {m:?}");
            }
        }
    }

    #[test]
    fn lookups() {
        let km = KeyMap::default();
        assert_eq!(
            km.action(Mode::Browse, Key::ch('p')),
            Some(Action::OpenPaper)
        );
        assert_eq!(km.action(Mode::Browse, Key::ctrl('p')), Some(Action::Jump));
        assert_eq!(km.action(Mode::Palette, Key::ctrl('p')), Some(Action::Up));
        assert_eq!(km.action(Mode::FilterInput, Key::ch('p')), None);
        assert_eq!(
            km.key_for(Mode::Browse, Action::Help).unwrap().to_string(),
            "?"
        );
        assert_eq!(Key::ctrl('p').to_string(), "Ctrl-P");
    }
}
