//! `config.toml`: notes to load, the opener, allowed link schemes, key bindings and colours.
//!
//! Found at `--config PATH`, else `$TAKEAWAY_CONFIG`, else the platform's config folder (`directories`'
//! `ProjectDirs` for `takeaway`, e.g. `~/.config/takeaway/config.toml`). A missing default file means the
//! defaults. A bad file never starts a half-configured app: every error names the file and line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::app::{Action, Key, KeyMap, Mode};
use crate::theme::Theme;

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from, if any.
    pub source: Option<PathBuf>,
    pub notes: Vec<PathBuf>,
    /// Program and arguments; the URL is added last. Empty: `$BROWSER`, else the platform's opener.
    pub opener: Vec<String>,
    pub allowed_schemes: Vec<String>,
    pub mark_read_on_open: bool,
    pub keymap: KeyMap,
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            source: None,
            notes: Vec::new(),
            opener: Vec::new(),
            allowed_schemes: vec!["http".into(), "https".into()],
            mark_read_on_open: false,
            keymap: KeyMap::default(),
            theme: Theme::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: cannot read the configuration: {reason}")]
    Unreadable { path: String, reason: String },
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Raw {
    notes: Option<Vec<PathBuf>>,
    opener: Option<Vec<String>>,
    allowed_schemes: Option<Vec<String>>,
    mark_read_on_open: Option<bool>,
    keys: BTreeMap<String, Spanned<Keys>>,
    theme: BTreeMap<String, Spanned<toml::Value>>,
}

/// Where configuration and state live.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config: Option<PathBuf>,
    pub state: Option<PathBuf>,
}

/// The configuration file to read: `explicit`, else `$TAKEAWAY_CONFIG`, else the platform's.
/// The `bool` says whether the file must exist (it was named).
pub fn config_path(explicit: Option<&Path>) -> (Option<PathBuf>, bool) {
    if let Some(p) = explicit {
        return (Some(p.to_path_buf()), true);
    }
    if let Some(p) = std::env::var_os("TAKEAWAY_CONFIG").filter(|p| !p.is_empty()) {
        return (Some(PathBuf::from(p)), true);
    }
    let dirs = directories::ProjectDirs::from("", "", "takeaway");
    (dirs.map(|d| d.config_dir().join("config.toml")), false)
}

/// The state file: `$TAKEAWAY_STATE`, else `state.json` in the platform's data folder.
pub fn state_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TAKEAWAY_STATE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "takeaway").map(|d| d.data_dir().join("state.json"))
}

pub fn paths(explicit: Option<&Path>) -> Paths {
    Paths {
        config: config_path(explicit).0,
        state: state_path(),
    }
}

/// Loads the configuration (the defaults when the platform's file does not exist).
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let (path, required) = config_path(explicit);
    let Some(path) = path else {
        return Ok(with_env(Config::default()));
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path).map(with_env),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            Ok(with_env(Config::default()))
        }
        Err(e) => Err(ConfigError::Unreadable {
            path: path.display().to_string(),
            reason: e.to_string(),
        }),
    }
}

/// `NO_COLOR` (any non-empty value) turns colour off.
fn with_env(mut c: Config) -> Config {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        c.theme.color = false;
    }
    c
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Parses a configuration file's text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let err = |offset: usize, message: String| ConfigError::Invalid {
        path: path.display().to_string(),
        line: line_of(text, offset),
        message,
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        err(offset, e.message().trim().to_string())
    })?;
    let mut c = Config {
        source: Some(path.to_path_buf()),
        ..Config::default()
    };
    if let Some(n) = raw.notes {
        c.notes = n;
    }
    if let Some(o) = raw.opener {
        c.opener = o;
    }
    if let Some(s) = raw.allowed_schemes {
        c.allowed_schemes = s.into_iter().map(|s| s.to_ascii_lowercase()).collect();
    }
    if let Some(m) = raw.mark_read_on_open {
        c.mark_read_on_open = m;
    }
    let mut overrides = Vec::new();
    let mut first_offset = None;
    for (name, keys) in &raw.keys {
        let offset = keys.span().start;
        first_offset.get_or_insert(offset);
        let action = Action::from_name(name)
            .filter(|a| Action::configurable().any(|c| c == *a))
            .ok_or_else(|| {
                err(
                    offset,
                    format!("unknown action `{name}` in [keys] (see --print-config for the names)"),
                )
            })?;
        let names = match keys.get_ref() {
            Keys::One(k) => vec![k.clone()],
            Keys::Many(ks) => ks.clone(),
        };
        let mut parsed = Vec::new();
        for k in names {
            let key = Key::parse(&k).ok_or_else(|| {
                err(
                    offset,
                    format!(
                        "unknown key name `{k}` for `{name}` (e.g. P, ctrl-p, enter, pagedown, f5)"
                    ),
                )
            })?;
            parsed.push(key);
        }
        if action == Action::Quit && parsed.is_empty() {
            return Err(err(
                offset,
                "`quit` needs at least one key: without one the app could not be ended".into(),
            ));
        }
        overrides.push((action, parsed, offset));
    }
    let plain: Vec<(Action, Vec<Key>)> =
        overrides.iter().map(|(a, k, _)| (*a, k.clone())).collect();
    c.keymap = KeyMap::with_overrides(&plain).map_err(|e| {
        let crate::app::keymap::KeyMapError::Conflict { first, second, .. } = &e;
        // Point at the override that caused it.
        let offset = overrides
            .iter()
            .find(|(a, _, _)| a.name() == *first || a.name() == *second)
            .map_or(first_offset.unwrap_or(0), |(_, _, o)| *o);
        err(offset, e.to_string())
    })?;
    for (name, value) in &raw.theme {
        let offset = value.span().start;
        match (name.as_str(), value.get_ref()) {
            ("color", toml::Value::Boolean(b)) => c.theme.color = *b,
            ("color", _) => {
                return Err(err(
                    offset,
                    "`color` in [theme] must be true or false".into(),
                ))
            }
            (_, value) => {
                let color = match value {
                    // `accent = 200`: an index into the terminal's 256 colours, as `"200"` is.
                    toml::Value::Integer(n) => u8::try_from(*n).map(Color::Indexed).map_err(|_| {
                        format!("`{n}` is not a colour: a number is one of 0-255")
                    }),
                    toml::Value::String(s) => s
                        .parse::<Color>()
                        .map_err(|_| format!("`{s}` is not a colour (a name, #rrggbb or 0-255)")),
                    _ => Err(format!(
                        "`{name}` in [theme] must be a colour: a name or #rrggbb in quotes, or 0-255"
                    )),
                }
                .map_err(|e| err(offset, e))?;
                if !c.theme.set(name, color) {
                    return Err(err(offset, format!("unknown colour `{name}` in [theme]")));
                }
            }
        }
    }
    Ok(c)
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn toml_list(items: impl IntoIterator<Item = String>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| toml_str(&s)).collect();
    format!("[{}]", v.join(", "))
}

/// The configuration as a commented file with every setting, ready to save as a starting point.
pub fn render(c: &Config) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# takeaway configuration: every setting, with its effective value."
    );
    if let (Some(p), _) = config_path(None) {
        let _ = writeln!(
            s,
            "# Save it as {} (or point --config / TAKEAWAY_CONFIG at it).",
            p.display()
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "# Notes loaded when no PATH is given (files or folders). Empty: the bundled ATC 2025 notes.");
    let _ = writeln!(
        s,
        "notes = {}",
        toml_list(c.notes.iter().map(|p| p.display().to_string()))
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "# The program that opens links, with its arguments; the URL is added last, no shell is used.");
    let _ = writeln!(
        s,
        "# Empty: $BROWSER if set, else the platform's opener (xdg-open, open, ...)."
    );
    let _ = writeln!(s, "opener = {}", toml_list(c.opener.iter().cloned()));
    let _ = writeln!(s);
    let _ = writeln!(s, "# Link schemes that may be opened; others are refused.");
    let _ = writeln!(
        s,
        "allowed_schemes = {}",
        toml_list(c.allowed_schemes.iter().cloned())
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "# Mark a paper read when one of its links is opened.");
    let _ = writeln!(s, "mark_read_on_open = {}", c.mark_read_on_open);
    let _ = writeln!(s);
    let _ = writeln!(s, "[keys]");
    let _ = writeln!(s, "# action = \"key\" or [\"key\", ...]. A key is a character (P, ?), ctrl-x, alt-x, or one of");
    let _ = writeln!(s, "# enter esc tab backtab backspace delete up down left right home end pageup pagedown space f1..f24.");
    let _ = writeln!(
        s,
        "# Keys of the filter input, palette and popups are fixed."
    );
    let bindings = c.keymap.bindings(Mode::Browse);
    for a in Action::configurable() {
        let keys: Vec<String> = bindings
            .iter()
            .find(|(b, _)| *b == a)
            .map(|(_, ks)| ks.iter().map(Key::name).collect())
            .unwrap_or_default();
        let value = if keys.len() == 1 {
            toml_str(&keys[0])
        } else {
            toml_list(keys)
        };
        let _ = writeln!(s, "{} = {value}  # {}", a.name(), a.describe());
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "[theme]");
    let _ = writeln!(s, "# Colours: a name (red, lightblue, darkgray, ...), #rrggbb, or 0-255. NO_COLOR turns colour off.");
    let _ = writeln!(s, "color = {}", c.theme.color);
    for (name, color) in c.theme.colors() {
        let _ = writeln!(
            s,
            "{name} = {}",
            toml_str(&color.to_string().to_lowercase())
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(text, Path::new("config.toml"))
    }

    fn error(text: &str) -> String {
        parse_str(text).unwrap_err().to_string()
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let c = parse_str("").unwrap();
        assert!(c.notes.is_empty() && c.opener.is_empty() && !c.mark_read_on_open);
        assert_eq!(c.allowed_schemes, vec!["http", "https"]);
        assert_eq!(
            c.keymap.action(Mode::Browse, Key::ch('p')),
            Some(Action::OpenPaper)
        );
        assert_eq!(c.theme, Theme::default());
    }

    #[test]
    fn every_setting() {
        let c = parse_str(
            r##"
notes = ["~/notes", "/tmp/x.md"]
opener = ["firefox", "--new-tab"]
allowed_schemes = ["https", "GOPHER"]
mark_read_on_open = true

[keys]
open_paper = "P"
jump = ["ctrl-p", "ctrl-k"]

[theme]
color = false
accent = "#ff8800"
selection = "lightblue"
"##,
        )
        .unwrap();
        assert_eq!(
            c.notes,
            vec![PathBuf::from("~/notes"), PathBuf::from("/tmp/x.md")]
        );
        assert_eq!(c.opener, vec!["firefox", "--new-tab"]);
        assert_eq!(c.allowed_schemes, vec!["https", "gopher"]);
        assert!(c.mark_read_on_open);
        assert_eq!(
            c.keymap.action(Mode::Browse, Key::ch('P')),
            Some(Action::OpenPaper)
        );
        assert_eq!(c.keymap.action(Mode::Browse, Key::ch('p')), None);
        assert_eq!(
            c.keymap.action(Mode::Browse, Key::ctrl('k')),
            Some(Action::Jump)
        );
        assert!(!c.theme.color);
        assert_eq!(c.theme.accent, Color::Rgb(0xff, 0x88, 0));
        assert_eq!(c.theme.selection, Color::LightBlue);
    }

    #[test]
    fn errors_name_the_file_line_and_problem() {
        assert_eq!(
            error("notes = [\n  1,\n]\n")
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            vec!["config.toml", "2"]
        );
        let e = error("# top\nnotez = []\n");
        assert!(
            e.starts_with("config.toml:2: ") && e.contains("notez"),
            "{e}"
        );
        let e = error("[keys]\nopen_papr = \"P\"\n");
        assert_eq!(e, "config.toml:2: unknown action `open_papr` in [keys] (see --print-config for the names)");
        let e = error("[keys]\n\nopen_paper = \"hyper-p\"\n");
        assert!(
            e.starts_with("config.toml:3: unknown key name `hyper-p`"),
            "{e}"
        );
        let e = error("[keys]\nopen_paper = \"c\"\n");
        assert_eq!(
            e,
            "config.toml:2: key `c` is bound to both `open_code` and `open_paper`"
        );
        // Every other key may be unbound, but not the last way out.
        let e = error("[keys]\nhelp = []\n\nquit = []\n");
        assert_eq!(
            e,
            "config.toml:4: `quit` needs at least one key: without one the app could not be ended"
        );
        assert!(parse_str("[keys]\nhelp = []\nquit = \"ctrl-q\"\n").is_ok());
        let e = error("[theme]\naccent = \"blurple\"\n");
        assert!(
            e.starts_with("config.toml:2: `blurple` is not a colour"),
            "{e}"
        );
        // A number is one of the 256 colours, as its string is.
        let c = parse_str("[theme]\naccent = 200\n").unwrap();
        assert_eq!(c.theme.accent, Color::Indexed(200));
        let e = error("[theme]\naccent = 300\n");
        assert_eq!(
            e,
            "config.toml:2: `300` is not a colour: a number is one of 0-255"
        );
        let e = error("[theme]\naccent = 1.5\n");
        assert!(e.contains("in quotes, or 0-255"), "{e}");
        let e = error("[theme]\nsparkle = \"red\"\n");
        assert!(
            e.starts_with("config.toml:2: unknown colour `sparkle`"),
            "{e}"
        );
        let e = error("mark_read_on_open = \"yes\"\n");
        assert!(e.starts_with("config.toml:1: "), "{e}");
        let e = error("[keys\n");
        assert!(e.starts_with("config.toml:1: "), "{e}");
    }

    #[test]
    fn the_printed_configuration_reads_back_the_same() {
        let c = parse_str(
            "mark_read_on_open = true\n[keys]\nopen_paper = \"P\"\n[theme]\naccent = \"red\"\n",
        )
        .unwrap();
        let text = render(&c);
        let back = parse_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(back.mark_read_on_open);
        assert_eq!(
            back.keymap.action(Mode::Browse, Key::ch('P')),
            Some(Action::OpenPaper)
        );
        assert_eq!(back.theme, c.theme);
        for a in Action::configurable() {
            assert!(
                text.contains(&format!("\n{} = ", a.name())),
                "{a:?} missing"
            );
        }
    }
}
