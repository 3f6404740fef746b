//! Helpers the test modules share.

use std::path::{Path, PathBuf};

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
