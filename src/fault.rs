//! Faults: a panic is a bug of ours, never the user's, and it is contained where it happens.
//!
//! - [`isolate`] runs one piece of work — parsing one file — so that a panic inside it becomes a
//!   [`Fault`] naming where it happened (`src/loader/…:LINE`). Nothing is printed: the caller reports it
//!   like any other error, and the rest of the work goes on.
//! - Any other panic, on any thread, is fatal: the hook set by [`install`] first gives the terminal back
//!   (through [`on_fatal`]'s `restore`), then prints the message as Rust does, then tells the runtime
//!   (through [`on_fatal`]'s `notify`), which saves the session and ends the app.
//!
//! Tests reach these paths through [`injected`]: `TAKEAWAY_TEST_FAULT=parse:WORD` makes the parse of a
//! file that contains `WORD` panic, `search` the search worker, `loader` the loader thread outside any
//! file, `watch` the watcher's callback, `ui` the UI thread; and `stuck` makes the UI thread hang when
//! a termination signal comes (what the signals' thread ends the process for).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::{Mutex, Once, OnceLock};

/// A panic: where it happened (`src/loader/entry/mod.rs:222`), on which thread, and its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("internal error at {location} (please report): {message}")]
pub struct Fault {
    pub location: String,
    pub thread: String,
    pub message: String,
}

impl Fault {
    fn of(info: &PanicHookInfo<'_>) -> Fault {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        let location = info.location().map_or_else(
            || "an unknown place".into(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string();
        Fault {
            location,
            thread,
            message,
        }
    }
}

thread_local! {
    /// Is this thread inside [`isolate`]? Then a panic is caught there, silently.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
    /// The fault the hook saw on this thread while isolated, for [`isolate`] to return.
    static CAUGHT: RefCell<Option<Fault>> = const { RefCell::new(None) };
}

/// How a fatal panic gives the terminal back (idempotent; nothing when the terminal is not ours).
static RESTORE: OnceLock<fn()> = OnceLock::new();

/// Who hears of a fatal panic: the runtime's loop, while it runs.
type Notify = Box<dyn Fn(&Fault) + Send + Sync>;
static NOTIFY: Mutex<Option<Notify>> = Mutex::new(None);

/// Sets the process's panic hook, once (later calls do nothing). Called by [`isolate`] and by the
/// runtime before it takes the terminal.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ISOLATED.with(Cell::get) {
                CAUGHT.with(|c| *c.borrow_mut() = Some(Fault::of(info)));
                return;
            }
            if let Some(restore) = RESTORE.get() {
                restore();
            }
            previous(info);
            // A panic while the lock is held elsewhere must not wait for it.
            if let Ok(notify) = NOTIFY.try_lock() {
                if let Some(notify) = notify.as_ref() {
                    notify(&Fault::of(info));
                }
            }
        }));
    });
}

/// A fatal panic on any thread calls `restore` before its message is printed, so that the message is
/// readable and the terminal usable. The first `restore` set stays.
pub fn restore_on_fatal(restore: fn()) {
    install();
    let _ = RESTORE.set(restore);
}

/// While the runtime runs: a fatal panic on any thread calls `notify` with the fault, after printing it.
/// `None` when the runtime is done.
pub fn notify_on_fatal(notify: Option<Notify>) {
    install();
    *NOTIFY.lock().unwrap_or_else(|e| e.into_inner()) = notify;
}

/// Runs `f`; a panic inside it is returned as the [`Fault`] it was, and printed nowhere.
pub fn isolate<T>(f: impl FnOnce() -> T) -> Result<T, Fault> {
    install();
    let was = ISOLATED.with(|i| i.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    ISOLATED.with(|i| i.set(was));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| Fault {
                location: "an unknown place".into(),
                thread: String::new(),
                message: "a panic the hook did not see".into(),
            })
    })
}

/// The fault a test asked for at `point` (see the module's doc), read from `TAKEAWAY_TEST_FAULT` once.
/// `Some("")` for a point without an argument, `Some(word)` for `parse:WORD`.
pub fn injected(point: &str) -> Option<&'static str> {
    static SPEC: OnceLock<Option<String>> = OnceLock::new();
    let spec = SPEC
        .get_or_init(|| std::env::var("TAKEAWAY_TEST_FAULT").ok())
        .as_deref()?;
    match spec.split_once(':') {
        Some((p, arg)) if p == point => Some(arg),
        None if spec == point => Some(""),
        _ => None,
    }
}

/// Panics when a test asked for a fault at `point` (see the module's doc), at the caller's place.
#[track_caller]
pub fn inject(point: &str) {
    if injected(point).is_some() {
        panic!("TAKEAWAY_TEST_FAULT={point}: panicking on purpose");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_isolated_panic_is_a_fault_naming_its_place() {
        let line = line!() + 1;
        let r: Result<(), Fault> = isolate(|| panic!("owls {}", 7));
        let f = r.unwrap_err();
        assert_eq!(f.message, "owls 7");
        assert_eq!(f.location, format!("src/fault.rs:{line}"));
        assert_eq!(isolate(|| 42), Ok(42));
    }

    #[test]
    fn isolation_ends_with_the_work() {
        let _ = isolate(|| panic!("first"));
        assert!(!ISOLATED.with(Cell::get));
        // Nested: the inner fault does not end the outer isolation.
        let outer = isolate(|| {
            let inner = isolate(|| panic!("inner"));
            assert!(inner.is_err());
            assert!(ISOLATED.with(Cell::get));
            5
        });
        assert_eq!(outer, Ok(5));
    }
}
