//! [`Tui`]: the terminal while the app owns it. Entering sets raw mode, the alternate screen and mouse
//! capture; leaving (on quit, on a signal, when the terminal is gone, on a panic, on drop) undoes them.
//! Errors while restoring are ignored: a terminal that has gone away cannot be restored, and must not keep
//! the app from saving its state and exiting.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::app::App;

/// Why the terminal cannot be used any more: the app ends as for a hang-up.
#[derive(Debug, thiserror::Error)]
pub enum Gone {
    #[error("the terminal hung up")]
    HungUp,
    #[error("the terminal reached end of file")]
    EndOfFile,
    #[error("cannot poll the terminal: {0}")]
    Poll(#[source] io::Error),
    #[error("cannot read the terminal: {0}")]
    Read(#[source] io::Error),
    #[error("cannot draw: {0}")]
    Draw(#[source] io::Error),
    #[error("cannot write: {0}")]
    Write(#[source] io::Error),
    #[error("cannot take the terminal back: {0}")]
    TakeBack(#[source] io::Error),
}

/// Is the terminal in the app's modes now? Shared with the panic hook.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Undoes what [`Tui`] set up, once; safe to call from the panic hook and any number of times.
pub(super) fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        undo_modes(true);
    }
}

/// Gives back the terminal's modes; the alternate screen is left only when `leave_screen`. Leaving it
/// when it was left already is not harmless: the terminal puts the cursor back where it was when the
/// screen was entered, and what is written next overwrites what was printed since (a panic's message).
fn undo_modes(leave_screen: bool) {
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture);
    if leave_screen {
        let _ = execute!(out, LeaveAlternateScreen);
    }
    let _ = execute!(out, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// The terminal, owned by the app between [`Tui::enter`] and drop.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<io::Stdout>>,
}

impl Tui {
    /// Raw mode, the alternate screen and mouse capture; restored on drop and on a panic (on any
    /// thread: the panic hook restores it before the message is printed, see [`crate::fault`]).
    pub fn enter() -> io::Result<Tui> {
        crate::fault::restore_on_fatal(restore);
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let mut tui = Tui { terminal };
        tui.resume()?;
        Ok(tui)
    }

    fn resume(&mut self) -> io::Result<()> {
        ACTIVE.store(true, Ordering::SeqCst);
        terminal::enable_raw_mode()?;
        // Bracketed paste: a paste arrives as one text, so its line breaks are not Enter and its letters
        // are not keys.
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        // Whatever was on the screen before (the shell, the editor) is not ours to keep.
        self.terminal.clear()
    }

    /// Gives the terminal back (normal screen, cooked mode).
    pub fn leave(&mut self) {
        restore();
    }

    /// Gives the terminal back even when it was given back already: after a panic on another thread,
    /// a draw that was under way as the hook restored the terminal may have hidden the cursor again.
    /// The modes are given back again (harmless when repeated); the alternate screen is left only if
    /// it was not yet, so the panic's message printed since stays where it is.
    pub fn leave_again(&mut self) {
        let active = ACTIVE.swap(false, Ordering::SeqCst);
        undo_modes(active);
    }

    /// The terminal's size in cells.
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let s = self.terminal.size()?;
        Ok((s.width, s.height))
    }

    /// Draws the app; nothing once the terminal was given back (a panic on another thread restored it
    /// and the loop has yet to hear of it).
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        if !ACTIVE.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.terminal.draw(|f| crate::ui::draw(f, app)).map(|_| ())
    }

    /// Asks the terminal to put `text` on the clipboard (OSC 52; tmux keeps it as a paste buffer).
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
    }

    /// Gives the terminal to `f` (an editor, or the shell for Ctrl-Z), then takes it back and redraws
    /// everything on the next draw.
    pub fn outside<T>(&mut self, f: impl FnOnce() -> T) -> io::Result<T> {
        self.leave();
        let out = f();
        self.resume()?;
        Ok(out)
    }

    /// Stops the process as the shell's Ctrl-Z would, with the terminal given back; returns after `fg`.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.outside(|| {
            #[cfg(unix)]
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        })
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}
