//! What the benches share: generated notes in a temporary folder, and small helpers.

#![allow(dead_code)]

pub mod gen;

use std::path::PathBuf;
use std::time::Duration;

use takeaway::app::{App, Event, Key, KeyCode};
use takeaway::model::Library;

/// Generated notes; the folder is removed when this is dropped.
pub struct Notes {
    pub dir: tempfile::TempDir,
    pub gen: gen::Generated,
}

impl Notes {
    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
}

/// `papers` papers of generated notes (the default seed, as `gen_notes` writes them).
pub fn notes(papers: usize) -> Notes {
    let dir = tempfile::Builder::new()
        .prefix("takeaway-bench-")
        .tempdir()
        .expect("a temporary folder");
    let gen = gen::generate(papers, gen::DEFAULT_SEED, dir.path()).expect("notes written");
    Notes { dir, gen }
}

/// Loads generated notes the way the binary does.
pub fn library(notes: &Notes) -> Library {
    let loaded = takeaway::loader::load_paths(&[notes.dir.path()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.library.paper_count(), notes.gen.papers);
    loaded.library
}

/// `1k`, `10k`, `100k`.
pub fn label(papers: usize) -> String {
    if papers >= 1000 && papers.is_multiple_of(1000) {
        format!("{}k", papers / 1000)
    } else {
        papers.to_string()
    }
}

pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle(Event::Key(Key::ch(c)));
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(Key::plain(code)));
}

/// The `p`-th percentile (0–100) of sorted durations, nearest rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}
