//! takeaway: a terminal browser for paper reading notes.
//!
//! Data flows one way: files → [`loader`] → [`model`] → [`search`] index → [`app`] state → [`ui`] →
//! terminal ([`tui`]). Key and mouse events go the other way only as far as the key map → `Action`.

#![deny(clippy::string_slice)]

pub mod app;
pub mod cli;
pub mod config;
pub mod export;
pub mod fault;
pub mod loader;
pub mod memory;
pub mod model;
pub mod notes_writer;
pub mod search;
pub mod state;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
