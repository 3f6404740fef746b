//! The floor under `takeaway --filter`: read every `.md` under a folder and run a bare pulldown-cmark
//! pass over it (the loader's options, through `into_offset_iter`, every event consumed), one file per
//! task on every core, as the loader does. Nothing is built. `benches/compare.sh` times it next to
//! takeaway and fzf, so a ratio can be read against what parsing alone costs.
//!
//!   cargo run --release --example bare_parse -- DIR
use pulldown_cmark::Parser;
use rayon::prelude::*;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse DIR");
        return ExitCode::from(2);
    };
    let files: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let opts = takeaway::loader::markdown::parser_options();
    let events: usize = files
        .par_iter()
        .map(|p| match std::fs::read_to_string(p) {
            Ok(text) => Parser::new_ext(&text, opts).into_offset_iter().count(),
            Err(_) => 0,
        })
        .sum();
    println!("{} files, {events} events", files.len());
    ExitCode::SUCCESS
}
