//! Helpers the test modules share.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{App, Effect, Event, Key, KeyCode};

/// A file or folder of `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Types `s`, one plain key a character; returns the effects.
pub fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    s.chars()
        .flat_map(|c| app.handle(Event::Key(Key::ch(c))))
        .collect()
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle(Event::Key(Key::plain(code)))
}

/// Draws the app once on a test terminal of its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| takeaway::ui::draw(f, app)).unwrap();
    t
}

/// Every cell of the app drawn once, as one string (rows run together).
pub fn screen_text(app: &App) -> String {
    let t = render(app);
    t.backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect()
}

/// A command for the binary whose configuration, state and cache folders are empty temporary ones, so
/// tests never read or write the real user's.
pub fn cmd(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_takeaway"));
    c.env_remove("BROWSER")
        .env_remove("TAKEAWAY_CONFIG")
        .env_remove("TAKEAWAY_STATE")
        .env_remove("TAKEAWAY_CACHE")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home);
    c
}

pub fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    cmd(home.path())
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}
