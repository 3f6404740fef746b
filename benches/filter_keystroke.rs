//! Filter as you type at 100,000 papers: the time of each keystroke's `App::handle`, one key at a time.
//!
//! The app is built as the binary builds it (`App::new`, resized to 200x60); then, per query, `/` opens
//! the filter, the query is typed one character at a time with each `handle` timed alone, and `Esc`
//! clears the filter (untimed) before the next repetition. Prints p50 and p99 per keystroke position and
//! over all keystrokes; criterion then times the typing of the whole query (10 keys per iteration).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use takeaway::app::{App, Event, Key, KeyCode};

const PAPERS: usize = 100_000;
const QUERIES: [&str; 2] = ["serverless", "kvcachesch"];
const REPETITIONS: usize = 30;

/// Types `query` after `/`, returning each key's time, then clears the filter with Esc.
fn type_query(app: &mut App, query: &str, times: &mut Vec<Duration>) {
    common::keys(app, "/");
    for c in query.chars() {
        let start = Instant::now();
        black_box(app.handle(Event::Key(Key::ch(c))));
        times.push(start.elapsed());
    }
    common::press(app, KeyCode::Esc);
}

fn report(app: &mut App, query: &str) {
    let n = query.chars().count();
    let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); n];
    let mut all = Vec::new();
    // One untimed pass first (caches, allocator).
    type_query(app, query, &mut Vec::new());
    for _ in 0..REPETITIONS {
        let mut times = Vec::with_capacity(n);
        type_query(app, query, &mut times);
        for (i, t) in times.into_iter().enumerate() {
            per_key[i].push(t);
            all.push(t);
        }
    }
    // Hit counts after each prefix, for the table.
    let mut hits = Vec::new();
    common::keys(app, "/");
    for c in query.chars() {
        common::keys(app, &c.to_string());
        hits.push(app.filter.hits.len());
    }
    common::press(app, KeyCode::Esc);

    println!(
        "\nfilter_keystroke/{}/{query}: {REPETITIONS} repetitions at 200x60",
        common::label(PAPERS)
    );
    println!(
        "  {:<14} {:>8} {:>12} {:>12}",
        "query so far", "hits", "p50", "p99"
    );
    for (i, times) in per_key.iter_mut().enumerate() {
        times.sort();
        let prefix: String = query.chars().take(i + 1).collect();
        println!(
            "  {:<14} {:>8} {:>12} {:>12}",
            prefix,
            hits[i],
            common::ms(common::percentile(times, 50.0)),
            common::ms(common::percentile(times, 99.0))
        );
    }
    all.sort();
    println!(
        "  {:<14} {:>8} {:>12} {:>12}   (max {})",
        "every key",
        "",
        common::ms(common::percentile(&all, 50.0)),
        common::ms(common::percentile(&all, 99.0)),
        common::ms(*all.last().unwrap_or(&Duration::ZERO))
    );
}

fn filter_keystroke(c: &mut Criterion) {
    let notes = common::notes(PAPERS);
    let mut app = App::new(common::library(&notes));
    app.handle(Event::Resize {
        width: 200,
        height: 60,
    });
    for q in QUERIES {
        report(&mut app, q);
    }
    let mut g = c.benchmark_group(format!("filter_keystroke/{}", common::label(PAPERS)));
    g.sample_size(10);
    for q in QUERIES {
        g.throughput(Throughput::Elements(q.chars().count() as u64));
        g.bench_function(format!("type_{q}"), |b| {
            b.iter_custom(|iters| {
                let mut times = Vec::new();
                for _ in 0..iters {
                    type_query(&mut app, q, &mut times);
                }
                times.iter().sum()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, filter_keystroke);
criterion_main!(benches);
