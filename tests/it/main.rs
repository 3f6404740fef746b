//! The integration tests, linked as one binary (one link for all of them, not one per file): the loader's
//! rules, the binary end to end, questions asked of the notes (queries, views, export), the screens as snapshots, hostile input, reloads, state shared between
//! processes, and the real binary in tmux. Fixtures are in `tests/fixtures/`, snapshots in
//! `tests/it/snapshots/`.

mod add_paper;
mod ask;
mod cli;
mod common;
mod e2e;
mod hostile;
mod loader_rules;
mod navigation;
mod places;
mod properties;
mod reload;
mod reload_shared;
mod state_processes;
mod text_cuts;
mod ui_snapshots;
