//! The terminal runtime: one loop that blocks on one channel of messages — terminal input, signals, the
//! loader's progress and result, search results, the watcher's changes, reloads, opener failures — and
//! draws only after messages that changed something. Nothing polls on a timer: an idle app sleeps in
//! `recv` (with a timeout only while a change of the notes waits for quiet, see [`watch::Pending`]).
//!
//! The app's state changes only in `App::update`/`App::handle` (pure); this module performs the effects
//! they return. [`Tui`] owns the terminal (entering, leaving, suspending, restoring on a panic).
//!
//! The run ends on `q`, on SIGTERM, SIGHUP or SIGINT (a second one exits at once), and when the terminal
//! goes away (end of file, an error or a hang-up reading it): the terminal is restored as far as it still
//! exists, the session is saved, and `run` returns without waiting for any worker (a load may still run).
//!
//! A panic anywhere ends the run the same way ([`Ending::Crashed`]): on a worker's thread (loader,
//! reload, search, watcher, input), the panic hook gives the terminal back and tells the loop, which
//! saves the session and returns; on the UI thread, the loop's unwinding is caught here and the session
//! saved all the same. Marks are on disk already (they are written when set).

pub mod add;
mod editor;
pub mod input;
pub mod opener;
pub mod term;
pub mod watch;
mod workers;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::app::{App, Effect, Event, Loading, Prepared, SearchJob};
use crate::loader::LoadError;
use crate::state::seen::Seen;
use crate::state::Store;
pub use term::{Gone, Tui};

/// What the runtime needs besides the app: where state goes, how links open, what to load and watch.
pub struct Context {
    pub store: Store,
    /// Program and arguments from the configuration (empty: `$BROWSER` or the platform's).
    pub opener: Vec<String>,
    /// The notes paths to watch and reload (empty for the bundled notes).
    pub paths: Vec<PathBuf>,
    /// Load `paths` off the UI thread: the app starts empty with `loading` set, and fills in when the
    /// load ends.
    pub load: bool,
    /// The file of the works this library had last time (beside the state; `None`: not kept).
    pub seen: Option<PathBuf>,
}

/// How a run ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// SIGTERM, SIGHUP or SIGINT.
    Signal(i32),
    /// The terminal went away (end of file, an error or a hang-up); the reason.
    TerminalGone(Gone),
    /// The load ended with no notes at all, only errors.
    NothingLoaded,
    /// A panic, on the UI thread or a worker's: a bug of ours.
    Crashed(crate::fault::Fault),
}

/// What `run` hands back: how it ended, and the errors of the load (to print once the screen is gone).
#[derive(Debug)]
pub struct Report {
    pub ending: Ending,
    pub load_errors: Vec<String>,
}

/// Everything the loop waits for.
enum Msg {
    Input(Event),
    TerminalGone(Gone),
    Signal(i32),
    Resize,
    Progress(Loading),
    /// The load ended: what failed, what loaded, and the status line's word on unread formats.
    Loaded(Vec<LoadError>, Option<Box<Prepared>>, Option<String>),
    /// A search job's result, as the event the app takes it in.
    SearchDone(Event),
    Changed(Vec<PathBuf>),
    /// A reload ended: its errors, the notes, and the changes it was for.
    Reloaded(Vec<LoadError>, Box<Prepared>, Vec<PathBuf>),
    OpenFailed {
        url: String,
        why: opener::OpenError,
    },
    /// A thread panicked (the hook printed it and gave the terminal back).
    Crashed(crate::fault::Fault),
}

/// Termination signals handled gracefully: the first one ends the loop (terminal restored, state
/// saved); a second one (of any of them), or the loop still running [`STUCK`] after the first, ends
/// the process from the signals' thread with 128 + its number, the terminal restored first.
#[cfg(unix)]
const TERM_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// How long the loop may take to end after a termination signal before the process is ended for it.
#[cfg(unix)]
const STUCK: std::time::Duration = std::time::Duration::from_secs(2);

/// Forwards termination signals and window size changes to the loop, from a thread of their own.
#[cfg(unix)]
fn forward_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::SIGWINCH;
    let mut signals = signal_hook::iterator::Signals::new(TERM_SIGNALS.iter().chain(&[SIGWINCH]))?;
    // Ends the process for `sig` with the terminal given back (this thread never draws: the loop's
    // next draw, if any, finds the terminal given back and draws nothing).
    let end = |sig: i32| -> ! {
        term::restore();
        std::process::exit(128 + sig)
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut first = true;
            for sig in signals.forever() {
                if sig == SIGWINCH {
                    let _ = tx.send(Msg::Resize);
                    continue;
                }
                if !first {
                    end(sig);
                }
                first = false;
                let _ = tx.send(Msg::Signal(sig));
                // The loop ends within a few milliseconds, unless something holds it.
                let _ = std::thread::Builder::new()
                    .name("signal-watchdog".into())
                    .spawn(move || {
                        std::thread::sleep(STUCK);
                        end(sig)
                    });
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn forward_signals(_tx: Sender<Msg>) -> io::Result<()> {
    Ok(())
}

/// At most this many queued messages are handled before the screen is drawn again.
const DRAIN: usize = 256;

/// Runs the app until it quits, a termination signal arrives or the terminal goes away. The terminal is
/// restored however this returns or unwinds; the session is saved (unless the notes never loaded).
pub fn run(app: App, ctx: Context) -> io::Result<Report> {
    let (tx, rx) = mpsc::channel::<Msg>();
    forward_signals(tx.clone())?;
    let crashed = tx.clone();
    crate::fault::notify_on_fatal(Some(Box::new(move |fault| {
        let _ = crashed.send(Msg::Crashed(fault.clone()));
    })));
    let mut rt = Runtime::start(app, ctx, tx)?;
    // A panic of the UI thread unwinds to here: the runtime is still whole enough to save the session.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // A way to check, by hand or in a test, that a panic restores the terminal and ends cleanly.
        crate::fault::inject("ui");
        rt.run_loop(&rx)
    }));
    if outcome.is_err() {
        // The hook sent the fault as it printed it.
        let fault = rx
            .try_iter()
            .find_map(|m| match m {
                Msg::Crashed(f) => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| crate::fault::Fault {
                location: "an unknown place".into(),
                thread: "main".into(),
                message: "a panic the hook did not see".into(),
            });
        rt.end(Ending::Crashed(fault));
    }
    crate::fault::notify_on_fatal(None);
    Ok(rt.finish())
}

/// The loop's state besides the app.
struct Runtime {
    app: App,
    ctx: Context,
    tx: Sender<Msg>,
    tui: Tui,
    input: input::Input,
    _watch: Option<watch::Watch>,
    /// Changes of the notes not reloaded yet.
    pending: watch::Pending,
    reloading: bool,
    latest_job: Arc<AtomicU64>,
    jobs: Sender<SearchJob>,
    load_errors: Vec<String>,
    /// The files the last load or reload could not read: every reload reads them again, so one that
    /// kept its last good version is still reported after another file's reload (until it is mended).
    failing: Vec<PathBuf>,
    ending: Option<Ending>,
    /// The works the library had last time, until the notes are in to compare with.
    last_seen: Option<Option<Seen>>,
    /// When the running load or reload began (before it read any file).
    load_started: SystemTime,
    /// The app's library generations and when their loads began: a file modified after that changed
    /// since it was loaded (the last few kept).
    stamps: Vec<(u64, SystemTime)>,
    /// The next reload keeps the status line's message (a refusal that asked for it).
    quiet_reload: bool,
}

impl Runtime {
    fn start(mut app: App, ctx: Context, tx: Sender<Msg>) -> io::Result<Runtime> {
        app.set_marks(&ctx.store.state);
        app.restore_session(&ctx.store.state);
        let tui = Tui::enter()?;
        let (width, height) = tui.size()?;
        app.handle(Event::Resize { width, height });
        let to_loop = tx.clone();
        let input = input::spawn(move |ev| {
            to_loop
                .send(match ev {
                    input::Event::Input(ev) => Msg::Input(ev),
                    input::Event::Gone(why) => Msg::TerminalGone(why),
                })
                .is_ok()
        })?;
        let latest_job = Arc::new(AtomicU64::new(0));
        let mut rt = Runtime {
            app,
            ctx,
            jobs: workers::search(tx.clone(), latest_job.clone())?,
            tx,
            tui,
            input,
            _watch: None,
            pending: watch::Pending::default(),
            reloading: false,
            latest_job,
            load_errors: Vec::new(),
            failing: Vec::new(),
            ending: None,
            last_seen: None,
            load_started: add::fs_now(),
            stamps: Vec::new(),
            quiet_reload: false,
        };
        let last_seen = match &rt.ctx.seen {
            Some(path) => Seen::load(path).unwrap_or_else(|e| {
                rt.app.say(format!("Cannot tell what is new: {e}"));
                None
            }),
            None => None,
        };
        if rt.ctx.load {
            rt.last_seen = Some(last_seen);
        } else {
            rt.app.start_news(last_seen);
        }
        // The frame first, then the work: the screen shows at once however large the notes are, and says
        // from that first frame that the notes are loading (setting up the watcher takes a few ms).
        if rt.ctx.load {
            rt.app.loading = Some(Loading::default());
        }
        rt.tui.draw(&rt.app)?;
        if !rt.ctx.paths.is_empty() {
            rt.watch();
        }
        if rt.ctx.load {
            workers::load(rt.ctx.paths.clone(), rt.tx.clone())?;
        }
        Ok(rt)
    }

    /// Watches the notes' paths for changes (again: the watch before is dropped first).
    fn watch(&mut self) {
        self._watch = None;
        let tx = self.tx.clone();
        match watch::watch(&self.ctx.paths, move |paths| {
            crate::fault::inject("watch");
            let _ = tx.send(Msg::Changed(paths));
        }) {
            Ok(w) => self._watch = Some(w),
            Err(e) => self
                .app
                .say(format!("Not watching the notes for changes: {e}")),
        }
    }

    /// Handles messages until the run ends (quit, a signal, the terminal gone, a crash).
    fn run_loop(&mut self, rx: &mpsc::Receiver<Msg>) {
        let rt = self;
        let mut dirty = true;
        loop {
            if dirty {
                if let Err(e) = rt.tui.draw(&rt.app) {
                    rt.end(Ending::TerminalGone(Gone::Draw(e)));
                    break;
                }
                dirty = false;
            }
            let due = if rt.busy() { None } else { rt.pending.due() };
            let first = match due {
                Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                },
                None => match rx.recv() {
                    Ok(m) => Some(m),
                    Err(_) => break,
                },
            };
            if let Some(m) = first {
                dirty |= rt.handle(m);
                // Take what else is queued (a burst of keys, progress) before drawing once.
                for m in rx.try_iter().take(DRAIN) {
                    if rt.ending.is_some() {
                        break;
                    }
                    dirty |= rt.handle(m);
                }
            }
            if rt.ending.is_some() {
                break;
            }
            if !rt.busy() {
                if let Some(changed) = rt.pending.take_due(Instant::now()) {
                    rt.start_reload(changed);
                }
            }
        }
    }

    /// Is a load or a reload running (changes then wait for it)?
    fn busy(&self) -> bool {
        self.reloading || self.app.loading.is_some()
    }

    fn end(&mut self, ending: Ending) {
        self.ending.get_or_insert(ending);
    }

    /// Handles one message; returns whether the screen needs drawing.
    fn handle(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Input(ev) => {
                // A message stays until the user acts again: a key, a click, the wheel, a paste.
                if matches!(
                    ev,
                    Event::Key(_) | Event::Click { .. } | Event::Scroll { .. } | Event::Paste(_)
                ) {
                    self.app.message = None;
                }
                let effects = self.app.handle(ev);
                self.perform(effects);
                if !self.app.running {
                    self.end(Ending::Quit);
                }
            }
            Msg::TerminalGone(why) => self.end(Ending::TerminalGone(why)),
            Msg::Signal(sig) => {
                if crate::fault::injected("stuck").is_some() {
                    // A test's stand-in for a loop held by long work.
                    loop {
                        std::thread::park();
                    }
                }
                self.end(Ending::Signal(sig))
            }
            Msg::Resize => self.resized(),
            Msg::Progress(p) => {
                if self.app.loading.is_none() || self.app.loading == Some(p) {
                    return false;
                }
                self.app.loading = Some(p);
            }
            Msg::Loaded(errors, prepared, unread) => self.loaded(errors, prepared, unread),
            Msg::SearchDone(done) => {
                self.app.handle(done);
            }
            Msg::Changed(paths) => {
                // A folder given that was removed and is back (or moved back) is a new folder: its
                // watch went with the old one, so the paths are watched again, before the reload
                // reads it.
                let back = |p: &PathBuf| {
                    (self.ctx.paths.iter())
                        .any(|g| g.is_dir() && crate::loader::document::file_name_of(g) == *p)
                };
                if paths.iter().any(back) {
                    self.watch();
                }
                self.pending.add(paths, Instant::now());
                return false;
            }
            Msg::Reloaded(errors, prepared, changed) => {
                self.reloading = false;
                let adding = self.app.select_after_reload.is_some();
                let old = self.app.replace_prepared(*prepared);
                free_elsewhere(old);
                // What is wrong with the notes now (a reload reads again every file that failed), said
                // again on stderr at the end as a first load's errors are.
                self.failing = errors.iter().map(|e| PathBuf::from(e.path())).collect();
                self.load_errors = errors
                    .iter()
                    .map(|e| {
                        let kept = self.app.library.document_at(Path::new(e.path())).is_some();
                        let e = crate::text::sanitize(&e.to_string()).into_owned();
                        match kept {
                            true => format!("kept the last good version of {e}"),
                            false => e,
                        }
                    })
                    .collect();
                // Marks carried to renamed papers, written; the filter's (or the palette's) search on
                // the new notes, to the worker.
                let carried = self.app.take_carried_marks();
                self.perform(carried);
                let searches: Vec<Effect> = self.app.searches.effects().collect();
                self.perform(searches);
                self.stamp();
                // The reload of a paper just added: its message (and the edit key's offer) stays; so
                // does a refusal's.
                let quiet = std::mem::take(&mut self.quiet_reload);
                if (quiet || (adding && self.app.select_after_reload.is_none()))
                    && errors.is_empty()
                {
                    return true;
                }
                // Name the notes files (a rename or a folder may add paths that are not notes).
                let files: Vec<&Path> = changed
                    .iter()
                    .map(|p| p.as_path())
                    .filter(|p| crate::loader::is_notes_file(p))
                    .collect();
                let what = match files.as_slice() {
                    [] => String::new(),
                    [one] => format!(
                        ": {}",
                        one.file_name().unwrap_or_default().to_string_lossy()
                    ),
                    many => format!(": {} files", many.len()),
                };
                // The changed files' errors first: a file that never loaded fails again on every reload.
                let changed_error = errors
                    .iter()
                    .find(|e| changed.iter().any(|c| c.as_path() == Path::new(e.path())));
                match changed_error.or(errors.first()) {
                    Some(e) if self.app.library.document_at(Path::new(e.path())).is_some() => self
                        .app
                        .say_reloaded(format!("Reloaded; kept the last good version of {e}")),
                    Some(e) => self.app.say_reloaded(format!("Reloaded; not loaded: {e}")),
                    None => self.app.say_reloaded(format!("Reloaded the notes{what}")),
                }
            }
            Msg::OpenFailed { url, why } => {
                self.copy(&url);
                self.app.say(format!(
                    "Could not open the link: copied URL to the clipboard ({why})"
                ));
            }
            Msg::Crashed(fault) => {
                self.end(Ending::Crashed(fault));
                return false;
            }
        }
        true
    }

    fn resized(&mut self) {
        if let Ok((width, height)) = self.tui.size() {
            self.app.handle(Event::Resize { width, height });
        }
    }

    /// The load has ended: show the notes, or end when nothing could be loaded.
    fn loaded(
        &mut self,
        errors: Vec<LoadError>,
        prepared: Option<Box<Prepared>>,
        unread: Option<String>,
    ) {
        self.failing = errors.iter().map(|e| PathBuf::from(e.path())).collect();
        self.load_errors = errors
            .iter()
            .map(|e| crate::text::sanitize(&e.to_string()).into_owned())
            .collect();
        let Some(prepared) = prepared else {
            self.end(Ending::NothingLoaded);
            return;
        };
        let state = self.ctx.store.state.clone();
        self.app.finish_loading(*prepared, &state);
        crate::memory::loaded();
        let searches: Vec<Effect> = self.app.searches.effects().collect();
        self.perform(searches);
        self.stamp();
        if let Some(last_seen) = self.last_seen.take() {
            self.app.start_news(last_seen);
        }
        if let Some(m) = unread {
            self.app.say(m);
        }
        match errors.len() {
            0 => {}
            1 => self.app.say(format!("Not loaded: {}", errors[0])),
            n => self.app.say(format!(
                "{} paths not loaded (listed when you quit): {}",
                crate::text::thousands(n),
                errors[0]
            )),
        }
    }

    /// The library just taken began loading at `load_started`.
    fn stamp(&mut self) {
        self.stamps.push((self.app.generation, self.load_started));
        if self.stamps.len() > 32 {
            self.stamps.remove(0);
        }
    }

    fn start_reload(&mut self, changed: Vec<PathBuf>) {
        // The files that failed last time are read again with the changed ones: a file that kept its
        // last good version would otherwise count as unchanged, and its error be forgotten.
        let mut read = changed.clone();
        for f in &self.failing {
            if !read.contains(f) {
                read.push(f.clone());
            }
        }
        self.reloading = true;
        self.load_started = add::fs_now();
        let paths = self.ctx.paths.clone();
        // The notes shown now, shared: unchanged documents are kept, not read or copied, and only the
        // changed ones are indexed again.
        let base = self.app.reload_base();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("reload".into())
            .spawn(move || {
                let loaded = crate::loader::reload_changed(&paths, base.library(), &read);
                let prepared = Box::new(Prepared::updated(&base, loaded.library));
                drop(base);
                let _ = tx.send(Msg::Reloaded(loaded.errors, prepared, changed));
            });
        if let Err(e) = spawned {
            self.reloading = false;
            self.app.say(format!("Could not reload the notes: {e}"));
        }
    }

    /// No browser could show `url`: copy it instead and say so.
    fn copy_instead(&mut self, url: &str, why: impl std::fmt::Display) {
        self.copy(url);
        self.app.say(format!(
            "No browser here: copied URL to the clipboard ({why})"
        ));
    }

    fn copy(&mut self, text: &str) {
        if let Err(e) = self.tui.copy(text) {
            self.end(Ending::TerminalGone(Gone::Write(e)));
        }
    }

    /// Records marks in the state and writes it once (a bulk `b` on 50,000 selected papers is one write,
    /// not one per paper).
    fn save_marks(&mut self, marks: Vec<crate::state::Mark>) {
        if marks.is_empty() {
            return;
        }
        for m in marks {
            self.ctx.store.mark(m);
        }
        self.app.session(&mut self.ctx.store.state);
        match self.ctx.store.save() {
            Ok(()) => self.app.set_marks(&self.ctx.store.state),
            Err(e) => self.app.say(format!("Could not save the marks: {e}")),
        }
    }

    fn perform(&mut self, effects: Vec<Effect>) {
        // Marks side by side are written together, before the next other effect.
        let mut marks = Vec::new();
        for e in effects {
            if let Effect::Mark(m) = e {
                marks.push(m);
                continue;
            }
            self.save_marks(std::mem::take(&mut marks));
            match e {
                Effect::Open(url) => match opener::no_browser(&self.ctx.opener) {
                    Some(why) => self.copy_instead(&url, why),
                    None => {
                        let tx = self.tx.clone();
                        opener::open(url.clone(), self.ctx.opener.clone(), move |why| {
                            let _ = tx.send(Msg::OpenFailed { url, why });
                        })
                    }
                },
                Effect::Copy(text) => self.copy(&text),
                Effect::CheckWritable(path) => {
                    if let Some(why) = add::read_only(&path) {
                        self.app.add_refused(why);
                    }
                }
                Effect::AddPaper { target, entry } => {
                    let loaded_at = self
                        .stamps
                        .iter()
                        .find(|(g, _)| *g == target.generation)
                        .map(|(_, t)| *t);
                    match add::add(&target, &entry, loaded_at) {
                        Ok(w) => {
                            // The title as it reads back: the one its work is known by.
                            self.app.added(target.path.clone(), w.line, w.end, &w.title);
                            // Reloaded as an edit would be (the watcher may see it too).
                            self.pending.add([target.path], Instant::now());
                        }
                        Err(why) => {
                            let changed = matches!(why, add::Refused::Changed(_));
                            if changed {
                                self.app.add_refused_changed(why.to_string());
                            } else {
                                self.app.add_refused(why.to_string());
                            }
                            // Not reloaded since: read it again (quietly, the refusal stays said), so
                            // that adding it again works on the notes as they are.
                            if changed && target.generation == self.app.generation {
                                self.quiet_reload = true;
                                self.pending.add([target.path], Instant::now());
                            }
                        }
                    }
                }
                Effect::Mark(_) => {}
                Effect::Export { format, records } => {
                    let n = records.len();
                    let works = if n == 1 { "work" } else { "works" };
                    let said = match crate::export::save(Path::new("."), format, &records) {
                        Ok(path) => format!(
                            "Exported {} {works} as {} to {}",
                            crate::text::thousands(n),
                            format.name(),
                            path.strip_prefix(".").unwrap_or(&path).display()
                        ),
                        Err(e) => format!("Could not export to the current folder: {e}"),
                    };
                    self.app.say(said);
                }
                Effect::Search(job) => {
                    self.latest_job.store(job.generation, Ordering::SeqCst);
                    let _ = self.jobs.send(job);
                }
                Effect::Suspend => {
                    self.input.pause();
                    let back = self.tui.suspend();
                    self.input.resume();
                    self.back(back.map(|()| None));
                }
                Effect::Edit { path, line } => {
                    // The input thread must not read the editor's keys.
                    self.input.pause();
                    let outcome = self.tui.outside(|| editor::edit(&path, line));
                    self.input.resume();
                    let done = outcome.map(|r| {
                        Some(match r {
                            Ok(()) => format!("Edited {}", path.display()),
                            Err(e) => e.to_string(),
                        })
                    });
                    self.back(done);
                }
            }
        }
        self.save_marks(marks);
    }

    /// Back from the editor or the shell: take the size again (it may have changed), say how it went.
    fn back(&mut self, outcome: io::Result<Option<String>>) {
        match outcome {
            Ok(msg) => {
                self.resized();
                if let Some(m) = msg {
                    self.app.say(m);
                }
            }
            Err(e) => self.end(Ending::TerminalGone(Gone::TakeBack(e))),
        }
    }

    /// Restores the terminal, saves the session, and says how the run ended. Waits for no worker.
    fn finish(mut self) -> Report {
        match self.ending {
            Some(Ending::Crashed(_)) => self.tui.leave_again(),
            _ => self.tui.leave(),
        }
        // A run that ended before the notes loaded has no session worth keeping: keep the saved one.
        if self.app.loading.is_none() {
            // After a crash the app may be half-updated: a panic while reading its session is contained,
            // and the state on disk (marks, the last session) is then left as it was.
            let (app, store) = (&self.app, &mut self.ctx.store);
            match crate::fault::isolate(|| app.session(&mut store.state)) {
                Ok(()) => {
                    if let Err(e) = store.save() {
                        eprintln!("takeaway: could not save the state: {e}");
                    }
                }
                Err(f) => eprintln!("takeaway: could not save the session: {f}"),
            }
            if let (Some(path), Some(seen)) = (&self.ctx.seen, self.app.seen_to_keep()) {
                if let Err(e) = seen.save(path) {
                    eprintln!(
                        "takeaway: could not keep the works seen ({}): {e}",
                        path.display()
                    );
                }
            }
        }
        let report = Report {
            ending: self.ending.take().unwrap_or(Ending::Quit),
            load_errors: std::mem::take(&mut self.load_errors),
        };
        // The process ends next: freeing a large library piece by piece would only delay that (about a
        // second at 100,000 papers), and the watcher's and workers' threads need no goodbye.
        std::mem::forget(self);
        report
    }
}

/// Frees what a reload replaced on a thread of its own (at 100,000 papers the index and the tree take a
/// tenth of a second to free), or here when no thread can be started.
fn free_elsewhere<T: Send + 'static>(old: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(old));
}
