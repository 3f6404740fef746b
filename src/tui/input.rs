//! Terminal input on its own thread, sent to the runtime's channel.
//!
//! On Unix the thread blocks in `poll(2)` on the terminal and on a wake pipe: no timer, no work while
//! nothing happens. crossterm's `event::read` is called only when the terminal is readable, so:
//!
//! - the input can be paused while an editor owns the terminal (a thread blocked inside `read` would
//!   steal the editor's keystrokes): [`Input::pause`] wakes the thread through the pipe and returns once
//!   it is parked, [`Input::resume`] lets it go on;
//! - a terminal that has gone away (the window closed, the SSH connection dropped, `tmux kill-session`)
//!   is seen as `POLLHUP`/`POLLERR`/`POLLNVAL`, an error, or end of file, and reported once as
//!   [`Event::Gone`]; the thread then ends. (crossterm itself would read end of file forever.)
//!
//! crossterm reads standard input when it is a terminal and `/dev/tty` otherwise; the same is polled here.

use std::sync::mpsc::{self, Receiver, Sender};

use crossterm::event::{self, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::term::Gone;
use crate::app::{Event as AppEvent, Key, KeyCode};

/// What the input thread reports.
#[derive(Debug)]
pub enum Event {
    /// A key, click, wheel or resize, already translated for the app.
    Input(AppEvent),
    /// The terminal cannot be read any more: end of file, an error, or a hang-up.
    Gone(Gone),
}

enum Control {
    Pause,
    Resume,
}

/// The input thread's handle.
pub struct Input {
    control: Sender<Control>,
    parked: Receiver<()>,
    #[cfg(unix)]
    wake: std::os::fd::OwnedFd,
}

impl Input {
    /// Parks the input thread (it reads nothing until [`Input::resume`]); returns once it is parked, or
    /// after a second if it does not answer.
    pub fn pause(&self) {
        if self.control.send(Control::Pause).is_ok() {
            self.wake();
            let _ = self.parked.recv_timeout(std::time::Duration::from_secs(1));
        }
    }

    /// Lets the input thread read again.
    pub fn resume(&self) {
        let _ = self.control.send(Control::Resume);
        self.wake();
    }

    #[cfg(unix)]
    fn wake(&self) {
        let _ = rustix::io::write(&self.wake, &[1]);
    }

    #[cfg(not(unix))]
    fn wake(&self) {}
}

/// Starts reading the terminal; every event goes to `send` (which returns `false` once nobody listens).
pub fn spawn<F>(send: F) -> std::io::Result<Input>
where
    F: Fn(Event) -> bool + Send + 'static,
{
    let (control, control_rx) = mpsc::channel();
    let (parked_tx, parked) = mpsc::channel();
    #[cfg(unix)]
    {
        use rustix::pipe::{pipe_with, PipeFlags};
        let (wake_rx, wake) = pipe_with(PipeFlags::CLOEXEC | PipeFlags::NONBLOCK)?;
        let tty = unix::Tty::open()?;
        std::thread::Builder::new()
            .name("input".into())
            .spawn(move || unix::run(tty, wake_rx, control_rx, parked_tx, send))?;
        Ok(Input {
            control,
            parked,
            wake,
        })
    }
    #[cfg(not(unix))]
    {
        std::thread::Builder::new()
            .name("input".into())
            .spawn(move || other::run(control_rx, parked_tx, send))?;
        Ok(Input { control, parked })
    }
}

/// Waits while paused: answers the pause, then takes control messages until `Resume`. Returns `false`
/// when the handle is gone.
fn park(control: &Receiver<Control>, parked: &Sender<()>) -> bool {
    let _ = parked.send(());
    loop {
        match control.recv() {
            Ok(Control::Resume) => return true,
            Ok(Control::Pause) => {
                let _ = parked.send(());
            }
            Err(_) => return false,
        }
    }
}

/// Translates a crossterm key into the app's key; `None` for keys the app has no name for.
fn key(k: &crossterm::event::KeyEvent) -> Option<Key> {
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

/// A terminal event as the app sees it; `None` for what the app has no use for.
fn translate(ev: event::Event) -> Option<AppEvent> {
    match ev {
        event::Event::Key(k) if k.kind != KeyEventKind::Release => key(&k).map(AppEvent::Key),
        event::Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(AppEvent::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(AppEvent::Scroll {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(AppEvent::Scroll {
                col: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        event::Event::Resize(width, height) => Some(AppEvent::Resize { width, height }),
        event::Event::Paste(text) => Some(AppEvent::Paste(text)),
        _ => None,
    }
}

/// Reads one crossterm event and forwards it if the app has a use for it. Returns whether anybody still
/// listens.
fn forward(send: &impl Fn(Event) -> bool) -> Result<bool, Gone> {
    let ev = crossterm::event::read().map_err(Gone::Read)?;
    Ok(match translate(ev) {
        Some(ev) => send(Event::Input(ev)),
        None => true,
    })
}

#[cfg(unix)]
mod unix {
    use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
    use std::sync::mpsc::{Receiver, Sender};

    use rustix::event::{poll, PollFd, PollFlags, Timespec};

    use super::{forward, park, Control, Event, Gone};

    /// The terminal crossterm reads: standard input if it is a terminal, else `/dev/tty`.
    pub enum Tty {
        Stdin,
        DevTty(OwnedFd),
    }

    impl Tty {
        pub fn open() -> std::io::Result<Tty> {
            if rustix::termios::isatty(rustix::stdio::stdin()) {
                Ok(Tty::Stdin)
            } else {
                let f = std::fs::File::open("/dev/tty")?;
                Ok(Tty::DevTty(f.into()))
            }
        }

        fn fd(&self) -> BorrowedFd<'_> {
            match self {
                Tty::Stdin => rustix::stdio::stdin(),
                Tty::DevTty(fd) => fd.as_fd(),
            }
        }
    }

    /// What polling the terminal says.
    enum Ready {
        Input,
        Nothing,
        Gone(Gone),
        Woken,
    }

    /// How long the thread waits in crossterm's reader after an event for the next one (see `run`): a key
    /// is sent before it, so this delays nothing but the thread's return to its own poll (a pause, the
    /// terminal gone), by at most this.
    const PARSED_WAIT: std::time::Duration = std::time::Duration::from_millis(25);

    fn wait(tty: BorrowedFd<'_>, wake: BorrowedFd<'_>, block: bool) -> Ready {
        let mut fds = [
            PollFd::new(&tty, PollFlags::IN),
            PollFd::new(&wake, PollFlags::IN),
        ];
        let zero = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        loop {
            match poll(&mut fds, if block { None } else { Some(&zero) }) {
                Ok(_) => break,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Ready::Gone(Gone::Poll(e.into())),
            }
        }
        let tty = fds[0].revents();
        if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Ready::Gone(Gone::HungUp);
        }
        if fds[1].revents().contains(PollFlags::IN) {
            return Ready::Woken;
        }
        if tty.contains(PollFlags::IN) {
            Ready::Input
        } else {
            Ready::Nothing
        }
    }

    /// Is there nothing to read, or end of file? Reads nothing: `FIONREAD` counts the bytes waiting.
    fn at_end(tty: BorrowedFd<'_>) -> bool {
        rustix::io::ioctl_fionread(tty).is_ok_and(|n| n == 0)
    }

    pub fn run(
        tty: Tty,
        wake: OwnedFd,
        control: Receiver<Control>,
        parked: Sender<()>,
        send: impl Fn(Event) -> bool,
    ) {
        let gone = |why: Gone| {
            send(Event::Gone(why));
        };
        loop {
            match wait(tty.fd(), wake.as_fd(), true) {
                Ready::Gone(why) => return gone(why),
                Ready::Nothing => {}
                Ready::Woken => {
                    let mut buf = [0u8; 64];
                    while rustix::io::read(&wake, &mut buf).is_ok_and(|n| n > 0) {}
                    while let Ok(c) = control.try_recv() {
                        if matches!(c, Control::Pause) && !park(&control, &parked) {
                            return;
                        }
                    }
                }
                Ready::Input => {
                    // Readable with nothing to read is end of file: the terminal is gone.
                    if at_end(tty.fd()) {
                        return gone(Gone::EndOfFile);
                    }
                    match forward(&send) {
                        Ok(true) => {}
                        Ok(false) => return,
                        Err(why) => return gone(why),
                    }
                    // crossterm may have parsed several events from one read: take them all, but only
                    // while the terminal is still there (crossterm would spin on a dead one). Not with a
                    // zero timeout: its reader then returns at once without the events it has parsed
                    // (they would wait for the next key); given time, it returns them at once, or waits
                    // that long for more.
                    loop {
                        match wait(tty.fd(), wake.as_fd(), false) {
                            Ready::Gone(why) => return gone(why),
                            Ready::Woken => break,
                            Ready::Input | Ready::Nothing => {}
                        }
                        match crossterm::event::poll(PARSED_WAIT) {
                            Ok(true) => match forward(&send) {
                                Ok(true) => {}
                                Ok(false) => return,
                                Err(why) => return gone(why),
                            },
                            Ok(false) => break,
                            Err(e) => return gone(Gone::Read(e)),
                        }
                    }
                }
            }
        }
    }
}

#[cfg(not(unix))]
mod other {
    use std::sync::mpsc::{Receiver, Sender};
    use std::time::Duration;

    use super::{forward, park, Control, Event, Gone};

    /// Without `poll(2)` on the console, the thread waits in crossterm's poll a tenth of a second at a
    /// time so that it can be paused.
    pub fn run(control: Receiver<Control>, parked: Sender<()>, send: impl Fn(Event) -> bool) {
        loop {
            while let Ok(c) = control.try_recv() {
                if matches!(c, Control::Pause) && !park(&control, &parked) {
                    return;
                }
            }
            match crossterm::event::poll(Duration::from_millis(100)) {
                Ok(true) => match forward(&send) {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(why) => {
                        send(Event::Gone(why));
                        return;
                    }
                },
                Ok(false) => {}
                Err(e) => {
                    send(Event::Gone(Gone::Read(e)));
                    return;
                }
            }
        }
    }
}
