//! Where the time of a first `takeaway --filter` goes, in one process, on every core: the parse alone
//! (read every notes file below DIR and run a bare pulldown-cmark pass with the loader's options, as
//! `examples/bare_parse`), the whole load (`loader::load_paths`, no cache), and the search's own
//! structures on the loaded notes (the index and the works, built side by side as `--filter` builds
//! them, then the query). Each is the median of RUNS runs (default 5).
//!
//! "parse + search" is the floor under a first run for any loader that adds nothing to pulldown-cmark's
//! pass; "load - parse" is what the loader's own reading (the entry shapes, the model) adds to it.
//!
//!   cargo run --release --example filter_floor -- DIR [QUERY]
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use takeaway::model::work::Works;
use takeaway::search::{parse, Index, NoMarks};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs.max(1))
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: filter_floor DIR [QUERY]");
        return ExitCode::from(2);
    };
    let text = args.next().unwrap_or_else(|| "serverless".to_string());
    let Ok(query) = parse(&text) else {
        eprintln!("filter_floor: cannot read the query {text:?}");
        return ExitCode::from(2);
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    // The files the loader reads (the walk is not timed).
    let files = takeaway::loader::files_of(std::path::Path::new(&dir), &mut Vec::new());
    let opts = takeaway::loader::markdown::parser_options();
    let parse_alone = timed(runs, || {
        files
            .par_iter()
            .map(|p| match std::fs::read_to_string(p) {
                Ok(text) => pulldown_cmark::Parser::new_ext(&text, opts)
                    .into_offset_iter()
                    .count(),
                Err(_) => 0,
            })
            .sum::<usize>()
    });
    let paths = [std::path::PathBuf::from(&dir)];
    let load = timed(runs, || takeaway::loader::load_paths(&paths));
    let loaded = takeaway::loader::load_paths(&paths);
    let lib = &loaded.library;
    let mut found = 0;
    let search = timed(runs, || {
        let (mut index, works) = rayon::join(|| Index::new(lib), || Works::new(lib));
        index.link_works(&works);
        found = index.find(&query, &NoMarks).len();
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let papers: usize = lib.documents.iter().map(|d| d.papers.len()).sum();
    println!(
        "{} files, {papers} papers; query {text:?}: {found} places; {} threads; median of {runs}",
        files.len(),
        rayon::current_num_threads()
    );
    println!("parse alone (pulldown-cmark)   {:8.1} ms", ms(parse_alone));
    println!("load (no cache)                {:8.1} ms", ms(load));
    println!(
        "  of which the loader's own    {:8.1} ms",
        ms(load.saturating_sub(parse_alone))
    );
    println!("index + works + query          {:8.1} ms", ms(search));
    println!(
        "load + search (in process)     {:8.1} ms",
        ms(load + search)
    );
    println!(
        "floor: parse + search          {:8.1} ms",
        ms(parse_alone + search)
    );
    // For benches/compare.sh.
    println!(
        "ms parse={:.3} load={:.3} search={:.3} floor={:.3}",
        ms(parse_alone),
        ms(load),
        ms(search),
        ms(parse_alone + search)
    );
    ExitCode::SUCCESS
}
