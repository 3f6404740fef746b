//! Keys → actions, per mode: the one place where that mapping lives. The help overlay and the status hints
//! are generated from it, so they never drift from what the keys do.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use std::fmt;

use super::action::{Action, NUMBERED_LINKS};

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

/// Names of keys in the configuration, besides single characters.
const NAMES: [(&str, KeyCode); 16] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
    ("minus", KeyCode::Char('-')),
];

impl Key {
    /// Parses a configuration key name: a character (`P`, `?`), a name (`enter`, `pagedown`, `f5`), with
    /// `ctrl-` and `alt-` prefixes (`ctrl-p`). Returns `None` for anything else.
    pub fn parse(s: &str) -> Option<Key> {
        let mut rest = s.trim();
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let strip = |prefix: &str| {
                let (head, tail) = rest.split_at_checked(prefix.len())?;
                (head.eq_ignore_ascii_case(prefix) && !tail.is_empty()).then_some(tail)
            };
            if let Some(tail) = strip("ctrl-") {
                ctrl = true;
                rest = tail;
            } else if let Some(tail) = strip("alt-") {
                alt = true;
                rest = tail;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // Ctrl combinations are reported lowercase by terminals.
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let alias = match lower.as_str() {
                    "escape" => "esc",
                    "return" => "enter",
                    "del" => "delete",
                    "pgup" => "pageup",
                    "pgdn" | "pgdown" => "pagedown",
                    "shift-tab" => "backtab",
                    other => other,
                };
                match NAMES.iter().find(|(n, _)| *n == alias) {
                    Some((_, code)) => *code,
                    None => {
                        let n: u8 = alias.strip_prefix('f')?.parse().ok()?;
                        if !(1..=24).contains(&n) {
                            return None;
                        }
                        KeyCode::F(n)
                    }
                }
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// The configuration name of the key (`ctrl-p`, `pagedown`, `P`): what [`Key::parse`] reads back.
    pub fn name(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("ctrl-");
        }
        if self.alt {
            s.push_str("alt-");
        }
        match self.code {
            KeyCode::F(n) => s.push_str(&format!("f{n}")),
            code => match NAMES.iter().find(|(_, c)| *c == code) {
                Some((n, _)) => s.push_str(n),
                None => {
                    if let KeyCode::Char(c) = code {
                        s.push(c)
                    }
                }
            },
        }
        s
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
    /// A question on the status line (open this many links?).
    Ask,
    /// The form that adds a paper.
    AddPaper,
    Help,
}

impl Mode {
    pub const ALL: [Mode; 7] = [
        Mode::Browse,
        Mode::FilterInput,
        Mode::Palette,
        Mode::LinkMenu,
        Mode::Ask,
        Mode::AddPaper,
        Mode::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Mode::Browse => "Browse",
            Mode::FilterInput => "Filter input",
            Mode::Palette => "Jump palette",
            Mode::LinkMenu => "Link popup",
            Mode::Ask => "A question on the status line",
            Mode::AddPaper => "Add a paper",
            Mode::Help => "Help",
        }
    }

    /// Typing modes: a printable key with no binding becomes text.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::FilterInput | Mode::Palette | Mode::AddPaper)
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
        let alt = |code| Key {
            code,
            ctrl: false,
            alt: true,
        };
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
        bind(m, &[c(']')], NextHit);
        bind(m, &[c('[')], PrevHit);
        bind(m, &[Key::ctrl('p')], Jump);
        bind(m, &[c('p')], OpenPaper);
        bind(m, &[c('v')], OpenVideo);
        bind(m, &[c('s')], OpenSlides);
        bind(m, &[c('c')], OpenCode);
        bind(m, &[c('a')], OpenArtifact);
        for (i, a) in NUMBERED_LINKS.into_iter().enumerate() {
            bind(m, &[c(char::from(b'1' + i as u8))], a);
        }
        bind(m, &[c('o')], LinkMenu);
        bind(m, &[c('y')], CopyUrl);
        bind(m, &[c('Y')], CopyMarkdown);
        bind(m, &[c('b')], ToggleBookmark);
        bind(m, &[c('m')], ToggleRead);
        bind(m, &[c('B')], OnlyBookmarked);
        bind(m, &[c('U')], OnlyUnread);
        bind(m, &[c('w')], NextPlace);
        bind(m, &[Key::ctrl('o'), alt(K::Left)], JumpBack);
        bind(m, &[Key::ctrl('n'), alt(K::Right)], JumpForward);
        bind(m, &[c(' ')], TogglePick);
        bind(m, &[Key::ctrl('a')], PickShown);
        bind(m, &[c('u')], ClearPicked);
        bind(m, &[c('C')], ClearNew);
        bind(m, &[c('V')], CycleView);
        bind(m, &[c('A')], AddPaper);
        bind(m, &[c('x')], Export);
        bind(m, &[c('X')], CopyShown);
        bind(m, &[c('e')], Edit);
        bind(m, &[Key::ctrl('z')], Suspend);
        bind(m, &[c('?')], Help);
        bind(m, &[c('q'), Key::ctrl('c')], Quit);
        bind(m, &[p(K::Esc)], Cancel);

        let m = Mode::FilterInput;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc)], Cancel);
        bind(m, &[p(K::Backspace)], DeleteChar);
        bind(m, &[Key::ctrl('w')], DeleteWord);
        bind(m, &[Key::ctrl('u')], DeleteLine);
        bind(m, &[Key::ctrl('r')], Recall);
        bind(m, &[p(K::Left)], CursorLeft);
        bind(m, &[p(K::Right)], CursorRight);
        bind(m, &[p(K::Home)], CursorHome);
        bind(m, &[p(K::End)], CursorEnd);
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
        bind(m, &[Key::ctrl('u')], DeleteLine);
        bind(m, &[p(K::Left)], CursorLeft);
        bind(m, &[p(K::Right)], CursorRight);
        bind(m, &[p(K::Home)], CursorHome);
        bind(m, &[p(K::End)], CursorEnd);
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::LinkMenu;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc), c('q'), c('o')], Cancel);
        bind(m, &[c('j'), p(K::Down), Key::ctrl('n')], Down);
        bind(m, &[c('k'), p(K::Up), Key::ctrl('p')], Up);
        bind(m, &[c('y')], CopyUrl);
        for (i, a) in NUMBERED_LINKS.into_iter().enumerate() {
            bind(m, &[c(char::from(b'1' + i as u8))], a);
        }
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::Ask;
        bind(m, &[c('y'), p(K::Enter)], Confirm);
        bind(m, &[c('n'), p(K::Esc), c('q')], Cancel);
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::AddPaper;
        bind(m, &[p(K::Enter)], Confirm);
        bind(m, &[p(K::Esc)], Cancel);
        bind(m, &[p(K::Tab), p(K::Down)], Down);
        bind(m, &[p(K::BackTab), p(K::Up)], Up);
        bind(m, &[p(K::Backspace)], DeleteChar);
        bind(m, &[Key::ctrl('w')], DeleteWord);
        bind(m, &[Key::ctrl('u')], DeleteLine);
        bind(m, &[p(K::Left)], CursorLeft);
        bind(m, &[p(K::Right)], CursorRight);
        bind(m, &[p(K::Home)], CursorHome);
        bind(m, &[p(K::End)], CursorEnd);
        bind(m, &[Key::ctrl('c')], Quit);

        let m = Mode::Help;
        bind(m, &[p(K::Esc), c('?'), c('q')], Cancel);
        bind(m, &[c('j'), p(K::Down)], Down);
        bind(m, &[c('k'), p(K::Up)], Up);
        bind(m, &[p(K::PageDown), c(' '), Key::ctrl('d')], PageDown);
        bind(m, &[p(K::PageUp), Key::ctrl('u')], PageUp);
        bind(m, &[c('g'), p(K::Home)], First);
        bind(m, &[c('G'), p(K::End)], Last);
        bind(m, &[Key::ctrl('c')], Quit);
        KeyMap { bindings: b }
    }
}

/// Why a key map from the configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyMapError {
    #[error("key `{key}` is bound to both `{first}` and `{second}`")]
    Conflict {
        key: String,
        first: String,
        second: String,
    },
}

impl KeyMap {
    /// The default map with browse-mode actions rebound: each action in `overrides` loses its default
    /// keys and gets the given ones. Two actions on one key is an error.
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Result<KeyMap, KeyMapError> {
        let mut km = KeyMap::default();
        for (action, keys) in overrides {
            km.bindings
                .retain(|(m, _, a)| !(*m == Mode::Browse && a == action));
            for k in keys {
                km.bindings.push((Mode::Browse, *k, *action));
            }
        }
        for (i, (m, k, a)) in km.bindings.iter().enumerate() {
            if let Some((_, _, b)) = km
                .bindings
                .iter()
                .skip(i + 1)
                .find(|(m2, k2, b)| m2 == m && k2 == k && b != a)
            {
                return Err(KeyMapError::Conflict {
                    key: k.name(),
                    first: a.name().to_string(),
                    second: b.name().to_string(),
                });
            }
        }
        Ok(km)
    }

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
        // In the default map's order, however the configuration moved keys around.
        let default = KeyMap::default();
        let place = |a: &Action| {
            (default.bindings.iter())
                .position(|(m, _, d)| *m == mode && d == a)
                .unwrap_or(usize::MAX)
        };
        out.sort_by_key(|(a, _)| place(a));
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
            for (m2, k2, _) in km.bindings.iter().skip(i + 1) {
                assert!(!(m == m2 && k == k2), "{k} bound twice in {m:?}");
            }
        }
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "P", "ctrl-p", "alt-x", "enter", "pagedown", "f5", "space", "?", "ctrl-c",
        ] {
            let k = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(k.name(), name);
        }
        assert_eq!(Key::parse("Ctrl-P"), Some(Key::ctrl('p')));
        assert_eq!(
            Key::parse("PgDn").map(|k| k.name()).as_deref(),
            Some("pagedown")
        );
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("hyper-x"), None);
        assert_eq!(Key::parse("f99"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn overrides_replace_defaults_and_conflicts_are_refused() {
        let km = KeyMap::with_overrides(&[(Action::OpenPaper, vec![Key::ch('P')])]).unwrap();
        assert_eq!(
            km.action(Mode::Browse, Key::ch('P')),
            Some(Action::OpenPaper)
        );
        assert_eq!(km.action(Mode::Browse, Key::ch('p')), None);
        let err = KeyMap::with_overrides(&[(Action::OpenPaper, vec![Key::ch('c')])]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "key `c` is bound to both `open_code` and `open_paper`"
        );
        // Swapping two keys is fine when both are remapped.
        let km = KeyMap::with_overrides(&[
            (Action::OpenPaper, vec![Key::ch('c')]),
            (Action::OpenCode, vec![Key::ch('p')]),
        ])
        .unwrap();
        assert_eq!(
            km.action(Mode::Browse, Key::ch('c')),
            Some(Action::OpenPaper)
        );
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
