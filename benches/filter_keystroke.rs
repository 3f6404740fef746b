//! Filter as you type: what a user waits for after each key, from the key to the final result in the
//! app's state, including any search the app hands to its worker.
//!
//! The app is built as the binary builds it (`App::new`, resized to 200x60, searching off the UI thread
//! above `ASYNC_SEARCH_PAPERS` as the binary does); then, per query, `/` opens the filter and the query is
//! typed one character at a time. Each key is timed from `App::handle` until the app holds that key's
//! final result: a search job it returns is run here at once (as the worker would, with nothing newer
//! queued) and its result handed back as `Event::SearchDone`. `Esc` clears the filter (untimed) before the
//! next repetition. Prints p50 and p99 per query over all its keys, at 1,000, 10,000 and 100,000 papers.
//!
//! This machine's speed moves by up to a half between runs (other machines share its host), and every
//! figure with it. So each size also times a reference that is none of our code, before its queries and
//! after them: bare pulldown-cmark parsing two files of the same notes, one per core (the median of 9).
//! A run whose reference is slow ran on a slow machine.
//!
//! `TAKEAWAY_BENCH_SIZES=1000,10000` picks sizes; `TAKEAWAY_BENCH_REPS=5` the repetitions (default 20);
//! `TAKEAWAY_BENCH_KEYS=1` also prints each query's p50 key by key (the first keys of a word are the
//! slow ones: they match nearly every name).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use takeaway::app::{App, Effect, Event, Key, KeyCode};

// The allocator the binary uses (src/main.rs): the bench times what a user of the binary waits for.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// A one-letter query, words, a prefix run together, a rare word, two words, a typo, a scope, a negation.
const QUERIES: [&str; 8] = [
    "e",
    "serverless",
    "kvcachesch",
    "reliability",
    "kv cache",
    "stragler",
    "in:osdi straggler",
    "serving -llm",
];

/// Feeds one event and runs every search job it returns to completion, as the worker would.
fn settle(app: &mut App, ev: Event) {
    let mut pending = app.handle(ev);
    while let Some(effect) = pending.pop() {
        if let Effect::Search(job) = effect {
            if let Some(done) = job.finish(&|| false) {
                pending.extend(app.handle(done));
            }
        }
    }
}

/// Types `query` after `/`, returning each key's time to its final result, then clears with Esc.
fn type_query(app: &mut App, query: &str, times: &mut Vec<Duration>) {
    settle(app, Event::Key(Key::ch('/')));
    for c in query.chars() {
        let start = Instant::now();
        settle(app, Event::Key(Key::ch(c)));
        black_box(app.filter.hits.len());
        times.push(start.elapsed());
    }
    settle(app, Event::Key(Key::plain(KeyCode::Esc)));
}

/// The reference: the first two notes files of `notes` (by name) parsed by bare pulldown-cmark side by
/// side, each event counted; the median of 9 runs, and the bytes parsed.
fn reference(notes: &common::Notes) -> (Duration, usize) {
    let mut files: Vec<_> = std::fs::read_dir(notes.dir.path())
        .expect("the notes folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .take(2)
        .map(|p| std::fs::read_to_string(p).expect("a notes file"))
        .collect();
    let parse =
        |t: &str| pulldown_cmark::Parser::new_ext(t, pulldown_cmark::Options::all()).count();
    let mut times: Vec<Duration> = (0..9)
        .map(|_| {
            let start = Instant::now();
            let (a, b) = rayon::join(
                || parse(texts.first().map_or("", |t| t)),
                || parse(texts.get(1).map_or("", |t| t)),
            );
            black_box((a, b));
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[4], texts.iter().map(String::len).sum())
}

fn main() {
    let sizes: Vec<usize> = std::env::var("TAKEAWAY_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| SIZES.to_vec());
    let reps: usize = std::env::var("TAKEAWAY_BENCH_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    // `cargo bench` passes `--bench`; a filter argument picks that one query.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    for papers in sizes {
        let notes = common::notes(papers);
        let mut app = App::new(common::library(&notes));
        app.searches.off_thread = app.index.len() > takeaway::app::ASYNC_SEARCH_PAPERS;
        settle(
            &mut app,
            Event::Resize {
                width: 200,
                height: 60,
            },
        );
        println!(
            "\nfilter_keystroke/{}: key to final result, {reps} repetitions, 200x60",
            common::label(papers)
        );
        let (before, bytes) = reference(&notes);
        println!(
            "  {:<20} {:>8} {:>12} {:>12} {:>12} {:>14}",
            "query", "hits", "p50", "p99", "max", "search alone"
        );
        for q in QUERIES {
            if only.as_deref().is_some_and(|o| q != o) {
                continue;
            }
            // One untimed pass first (caches, allocator).
            type_query(&mut app, q, &mut Vec::new());
            let mut all = Vec::new();
            let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); q.chars().count()];
            for _ in 0..reps {
                let mut one = Vec::new();
                type_query(&mut app, q, &mut one);
                for (k, t) in one.iter().enumerate() {
                    per_key[k].push(*t);
                }
                all.extend(one);
            }
            // The hit count of the whole query.
            settle(&mut app, Event::Key(Key::ch('/')));
            for c in q.chars() {
                settle(&mut app, Event::Key(Key::ch(c)));
            }
            let hits = app.filter.hits.len();
            settle(&mut app, Event::Key(Key::plain(KeyCode::Esc)));
            // The whole query searched once from nothing, without the app (the median of 5).
            let parsed = takeaway::search::parse(q).expect("the bench's queries parse");
            let mut alone: Vec<Duration> = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    black_box(app.index.find(&parsed, &takeaway::search::NoMarks));
                    start.elapsed()
                })
                .collect();
            alone.sort();
            all.sort();
            println!(
                "  {:<20} {:>8} {:>12} {:>12} {:>12} {:>14}",
                q,
                hits,
                common::ms(common::percentile(&all, 50.0)),
                common::ms(common::percentile(&all, 99.0)),
                common::ms(*all.last().unwrap_or(&Duration::ZERO)),
                common::ms(alone[2])
            );
            if std::env::var_os("TAKEAWAY_BENCH_KEYS").is_some() {
                let keys: Vec<String> = per_key
                    .iter_mut()
                    .map(|t| {
                        t.sort();
                        format!(
                            "{}/{}",
                            common::ms(common::percentile(t, 50.0)).trim_end_matches(" ms"),
                            common::ms(*t.last().unwrap_or(&Duration::ZERO))
                                .trim_end_matches(" ms")
                        )
                    })
                    .collect();
                println!("    p50/max per key (ms): {}", keys.join(" "));
            }
        }
        let (after, _) = reference(&notes);
        println!(
            "  reference (bare pulldown-cmark, two files of these notes, {} KB, one per core): {} before the queries, {} after",
            bytes / 1024,
            common::ms(before),
            common::ms(after)
        );
    }
}
