//! The terminal runtime: sets the terminal up (restoring it on every exit, panics included), turns
//! crossterm events into app events, draws, and performs the effects `App::update` returns.

pub mod opener;
pub mod watch;

use std::io::{self, Write};
use std::sync::mpsc;
use std::time::Duration;

use base64::Engine;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use crossterm::execute;

use std::path::{Path, PathBuf};

use crate::app::{App, Effect, Event, Key, KeyCode};
use crate::state::Store;

/// What the runtime needs besides the app: where state goes, how links open, what to watch.
pub struct Context {
    pub store: Store,
    /// Program and arguments from the configuration (empty: `$BROWSER` or the platform's).
    pub opener: Vec<String>,
    /// The notes paths to watch and reload (empty for the bundled notes).
    pub paths: Vec<PathBuf>,
}

/// Messages from helper threads.
enum Msg {
    Changed,
    SearchDone(u64, crate::app::SearchTarget, String, crate::search::Search),
    Reloaded(crate::loader::Loaded),
}

/// Translates a crossterm key into the app's key; `None` for keys the app has no name for.
pub fn key(k: &crossterm::event::KeyEvent) -> Option<Key> {
    use crossterm::event::KeyCode as C;
    let code = match k.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
        alt: k.modifiers.contains(KeyModifiers::ALT),
    })
}

fn translate(ev: event::Event) -> Option<Event> {
    match ev {
        event::Event::Key(k) if k.kind != KeyEventKind::Release => key(&k).map(Event::Key),
        event::Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Event::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Event::Scroll {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Event::Scroll {
                col: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        event::Event::Resize(width, height) => Some(Event::Resize { width, height }),
        _ => None,
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on `path` at `line`, without a shell (the variable is split
/// into words like a shell would, but nothing is interpreted). Waits for it.
fn edit(path: &Path, line: usize) -> Result<(), String> {
    let var = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".into());
    let words = shell_words::split(&var)
        .map_err(|e| format!("cannot read the editor command {var:?}: {e}"))?;
    let (program, args) = words.split_first().ok_or("the editor command is empty")?;
    let status = std::process::Command::new(program)
        .args(args)
        .arg(format!("+{line}"))
        .arg(path)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} exited with {status}"))
    }
}

fn enter_screen() -> io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::init();
    execute!(io::stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

fn leave_screen() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Stops the process as the shell's Ctrl-Z would, with the terminal given back; returns after `fg`.
#[cfg(unix)]
fn suspend() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}

#[cfg(not(unix))]
fn suspend() {}

/// Termination signals handled gracefully: the first one ends the loop (terminal restored, state
/// saved); a second one ends the process at once.
#[cfg(unix)]
const TERM_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];
#[cfg(not(unix))]
const TERM_SIGNALS: [i32; 0] = [];

/// Runs the app until it quits or a termination signal arrives (then returns `Some(signal)`). The
/// terminal is restored however this returns or unwinds.
pub fn run(mut app: App, mut ctx: Context) -> io::Result<Option<i32>> {
    let signalled = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for sig in TERM_SIGNALS {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        // A second signal while the first is being handled exits at once.
        signal_hook::flag::register_conditional_shutdown(sig, 1, flag.clone())?;
        signal_hook::flag::register(sig, flag.clone())?;
        let signalled = signalled.clone();
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            signal_hook::low_level::register(sig, move || {
                signalled.store(sig as usize, std::sync::atomic::Ordering::SeqCst)
            })?;
        }
    }
    let got_signal = || signalled.load(std::sync::atomic::Ordering::SeqCst);
    app.set_marks(&ctx.store.state);
    let remembered = ctx.store.state.clone();
    app.restore_session(&remembered);
    let mut terminal = enter_screen()?;
    // ratatui::init installed a panic hook that restores the terminal; mouse capture is ours to undo.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    let (tx, rx) = mpsc::channel::<Msg>();
    let (status_tx, status_rx) = mpsc::channel::<String>();
    let _watch = if ctx.paths.is_empty() {
        None
    } else {
        let (changed_tx, changed_rx) = mpsc::channel::<()>();
        let forward = tx.clone();
        std::thread::spawn(move || {
            while changed_rx.recv().is_ok() {
                if forward.send(Msg::Changed).is_err() {
                    break;
                }
            }
        });
        match watch::watch(&ctx.paths, changed_tx) {
            Ok(w) => Some(w),
            Err(e) => {
                app.say(format!("Not watching the notes for changes: {e}"));
                None
            }
        }
    };
    // The search worker: runs the newest job only, gives up on one as soon as a newer one is queued.
    let latest_job = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (job_tx, job_rx) = mpsc::channel::<crate::app::SearchJob>();
    {
        let latest = latest_job.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            while let Ok(mut job) = job_rx.recv() {
                while let Ok(newer) = job_rx.try_recv() {
                    job = newer;
                }
                let generation = job.generation;
                let l = latest.clone();
                let cancelled = move || l.load(std::sync::atomic::Ordering::SeqCst) != generation;
                if let Some(found) =
                    job.index
                        .search_cancellable(&job.query, job.within.as_ref(), &cancelled)
                {
                    let done = Msg::SearchDone(generation, job.target, job.query, found);
                    if tx.send(done).is_err() {
                        break;
                    }
                }
            }
        });
    }
    let mut reloading = false;
    let mut reload_again = false;
    let result = (|| -> io::Result<()> {
        // A way to check, by hand or in a test, that a panic restores the terminal and prints its message.
        if std::env::var_os("TAKEAWAY_TEST_PANIC").is_some() {
            panic!("TAKEAWAY_TEST_PANIC is set: panicking on purpose inside the running app");
        }
        let size = terminal.size()?;
        app.handle(Event::Resize {
            width: size.width,
            height: size.height,
        });
        while app.running && got_signal() == 0 {
            terminal.draw(|f| crate::ui::draw(f, &app))?;
            let mut effects = Vec::new();
            // While a search runs, look for its result often; otherwise wait for input.
            let wait = if app.search_pending() { 10 } else { 200 };
            let ready = match event::poll(Duration::from_millis(wait)) {
                Ok(r) => r,
                // A signal interrupted the wait: the loop condition looks at it.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
                Err(e) => return Err(e),
            };
            if ready {
                // Take every pending event before drawing again, so a burst of keys costs one frame.
                loop {
                    if let Some(ev) = translate(event::read()?) {
                        if matches!(ev, Event::Key(_)) {
                            app.message = None;
                        }
                        effects.extend(app.handle(ev));
                    }
                    if !app.running || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            }
            while let Ok(msg) = status_rx.try_recv() {
                app.say(msg);
            }
            while let Ok(msg) = rx.try_recv() {
                match msg {
                    Msg::SearchDone(generation, target, query, search) => {
                        app.handle(Event::SearchDone {
                            generation,
                            target,
                            query,
                            search,
                        });
                    }
                    Msg::Changed if reloading => reload_again = true,
                    Msg::Changed => {
                        reloading = true;
                        start_reload(&ctx.paths, &app.library, tx.clone());
                    }
                    Msg::Reloaded(loaded) => {
                        reloading = false;
                        app.replace_library(loaded.library);
                        match loaded.errors.first() {
                            Some(e) => {
                                app.say(format!("Reloaded; kept the last good version of {e}"))
                            }
                            None => app.say("Reloaded the notes"),
                        }
                        if reload_again {
                            reload_again = false;
                            reloading = true;
                            start_reload(&ctx.paths, &app.library, tx.clone());
                        }
                    }
                }
            }
            for e in effects {
                match e {
                    Effect::Open(url) => opener::open(url, ctx.opener.clone(), status_tx.clone()),
                    Effect::Copy(text) => {
                        let mut out = io::stdout();
                        out.write_all(osc52(&text).as_bytes())?;
                        out.flush()?;
                    }
                    Effect::Mark(m) => {
                        ctx.store.mark(m);
                        app.session(&mut ctx.store.state);
                        match ctx.store.save() {
                            Ok(()) => app.set_marks(&ctx.store.state),
                            Err(e) => app.say(format!("Could not save the marks: {e}")),
                        }
                    }
                    Effect::Search(job) => {
                        latest_job.store(job.generation, std::sync::atomic::Ordering::SeqCst);
                        let _ = job_tx.send(job);
                    }
                    Effect::Suspend => {
                        leave_screen();
                        suspend();
                        terminal = enter_screen()?;
                        terminal.clear()?;
                    }
                    Effect::Edit { path, line } => {
                        leave_screen();
                        let outcome = edit(&path, line);
                        terminal = enter_screen()?;
                        terminal.clear()?;
                        match outcome {
                            Ok(()) => app.say(format!("Edited {}", path.display())),
                            Err(e) => app.say(e),
                        }
                    }
                }
            }
        }
        Ok(())
    })();
    leave_screen();
    app.session(&mut ctx.store.state);
    if let Err(e) = ctx.store.save() {
        eprintln!("takeaway: could not save the state: {e}");
    }
    result.map(|()| match got_signal() {
        0 => None,
        s => Some(s as i32),
    })
}

/// Reloads the notes on a thread; the result comes back as `Msg::Reloaded`.
fn start_reload(paths: &[PathBuf], previous: &crate::model::Library, tx: mpsc::Sender<Msg>) {
    let paths = paths.to_vec();
    let previous = previous.clone();
    std::thread::spawn(move || {
        let loaded = crate::loader::reload(&paths, &previous);
        let _ = tx.send(Msg::Reloaded(loaded));
    });
}
