//! takeaway: a terminal browser for paper reading notes.
//!
//! Data flows one way: files → [`loader`] → [`model`] → search index → app state → render.

pub mod cli;
pub mod loader;
pub mod model;
pub mod text;
