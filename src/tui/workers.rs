//! The runtime's worker threads: the search worker, and the load of the notes. Each reports to the loop's
//! channel.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;

use super::Msg;
use crate::app::{Loading, Prepared, SearchJob};

/// The search worker: runs the newest job only, and gives up on one as soon as a newer one is queued
/// (`latest` holds the newest job's generation).
pub(super) fn search(tx: Sender<Msg>, latest: Arc<AtomicU64>) -> io::Result<Sender<SearchJob>> {
    let (job_tx, job_rx) = mpsc::channel::<SearchJob>();
    std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            while let Ok(mut job) = job_rx.recv() {
                while let Ok(newer) = job_rx.try_recv() {
                    job = newer;
                }
                crate::fault::inject("search");
                let generation = job.generation;
                let cancelled = || latest.load(Ordering::SeqCst) != generation;
                if let Some(done) = job.finish(&cancelled) {
                    if tx.send(Msg::SearchDone(done)).is_err() {
                        break;
                    }
                }
            }
        })?;
    Ok(job_tx)
}

/// Loads `paths` on a thread: progress (at most once per percent) and the result come back as messages.
pub(super) fn load(paths: Vec<PathBuf>, tx: Sender<Msg>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            crate::fault::inject("loader");
            // One more than the last percentage sent (0: none yet).
            let sent = AtomicUsize::new(0);
            let progress = |done: usize, total: usize| {
                let percent = (done * 100).checked_div(total).unwrap_or(100);
                if sent.fetch_max(percent + 1, Ordering::Relaxed) <= percent {
                    let _ = tx.send(Msg::Progress(Loading { done, total }));
                }
            };
            let (loaded, cache) = crate::loader::load_paths_cached(&paths, &progress);
            let unread = crate::loader::unread_message(&loaded.warnings);
            let prepared = (!loaded.library.documents.is_empty())
                .then(|| Box::new(Prepared::new(loaded.library)));
            let _ = tx.send(Msg::Loaded(loaded.errors, prepared, unread));
            // The notes are on screen; the cache is written meanwhile (a quit now leaves the old one).
            if let Some(cache) = cache {
                cache.finish();
            }
        })?;
    Ok(())
}
