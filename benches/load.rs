//! Loading at 1k / 10k / 100k papers, against the limit: a bare pulldown-cmark pass over the same bytes.
//!
//! Per size, in one group with `Throughput::Bytes` (so criterion prints MB/s):
//! - `pulldown_cmark`: `Parser::new_ext` with the loader's options, every event consumed, one thread,
//!   text already in memory — the floor for any markdown-based loader;
//! - `pulldown_cmark_offsets`: the same through `into_offset_iter`, as the loader calls it;
//! - `parse_file_1_thread`: `takeaway::loader::parse_file` over the in-memory texts, one thread
//!   (markdown → blocks → model), comparable to the two above;
//! - `load_paths_and_index`: what startup does: `loader::load_paths(&[dir])` (walk, read, parse on all
//!   cores, ids) then `search::Index::new`;
//! - `index_new` and `app_new`: `Index::new` alone, and `App::new` (index, tree, counts, rows) alone, on
//!   the loaded library, to tell where startup's time goes.

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};

/// The options of `src/loader/markdown.rs`.
fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts
}

fn load(c: &mut Criterion) {
    for papers in [1_000, 10_000, 100_000] {
        let notes = common::notes(papers);
        let files: Vec<(PathBuf, String)> = notes
            .gen
            .files
            .iter()
            .map(|f| {
                (
                    f.clone(),
                    std::fs::read_to_string(f).expect("generated file"),
                )
            })
            .collect();
        let bytes: u64 = files.iter().map(|(_, t)| t.len() as u64).sum();
        assert_eq!(bytes, notes.gen.bytes);
        let dir = notes.path();
        println!(
            "load/{}: {} files, {} papers, {:.1} MB",
            common::label(papers),
            files.len(),
            papers,
            bytes as f64 / 1e6
        );

        let mut g = c.benchmark_group(format!("load/{}", common::label(papers)));
        g.throughput(Throughput::Bytes(bytes));
        if papers >= 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        } else if papers >= 10_000 {
            g.sample_size(20);
        }
        let opts = options();
        g.bench_function("pulldown_cmark", |b| {
            b.iter(|| {
                let mut events = 0usize;
                for (_, text) in &files {
                    for ev in Parser::new_ext(text, opts) {
                        black_box(&ev);
                        events += 1;
                    }
                }
                events
            })
        });
        g.bench_function("pulldown_cmark_offsets", |b| {
            b.iter(|| {
                let mut events = 0usize;
                for (_, text) in &files {
                    for ev in Parser::new_ext(text, opts).into_offset_iter() {
                        black_box(&ev);
                        events += 1;
                    }
                }
                events
            })
        });
        g.bench_function("parse_file_1_thread", |b| {
            b.iter_with_large_drop(|| {
                files
                    .iter()
                    .map(|(path, text)| takeaway::loader::parse_file(path, text))
                    .collect::<Vec<_>>()
            })
        });
        g.bench_function("load_paths_and_index", |b| {
            b.iter_with_large_drop(|| {
                let loaded = takeaway::loader::load_paths(&[&dir]);
                let index = takeaway::search::Index::new(&loaded.library);
                (loaded, index)
            })
        });
        // The parts of startup after loading, apart (no bytes are read here; MB/s is per notes byte).
        let library = common::library(&notes);
        g.bench_function("index_new", |b| {
            b.iter_with_large_drop(|| takeaway::search::Index::new(&library))
        });
        // A reload's edit of one file: the index updated for it, next to built anew (`index_new`).
        let index = takeaway::search::Index::new(&library);
        let mut edited = library.clone();
        if !edited.documents.is_empty() {
            if let Some(p) = edited.documents.make_mut(0).papers.first_mut() {
                p.title = format!("{} (revised)", p.title).into();
            }
        }
        g.bench_function("index_updated_one_file", |b| {
            b.iter_with_large_drop(|| index.updated(&edited, &[0]))
        });
        g.bench_function("app_new", |b| {
            b.iter_batched(
                || library.clone(),
                takeaway::app::App::new,
                BatchSize::LargeInput,
            )
        });
        g.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
