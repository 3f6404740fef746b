//! The terminal runtime: sets the terminal up (restoring it on every exit, panics included), turns
//! crossterm events into app events, draws, and performs the effects `App::update` returns.

pub mod opener;

use std::io::{self, Write};
use std::sync::mpsc;
use std::time::Duration;

use base64::Engine;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use crossterm::execute;

use crate::app::{App, Effect, Event, Key, KeyCode};

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

/// Runs the app until it quits. The terminal is restored however this returns or unwinds.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::init();
    // ratatui::init installed a panic hook that restores the terminal; mouse capture is ours to undo.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    let result = (|| -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.handle(Event::Resize {
            width: size.width,
            height: size.height,
        });
        let (tx, rx) = mpsc::channel::<String>();
        while app.running {
            terminal.draw(|f| crate::ui::draw(f, &app))?;
            let mut effects = Vec::new();
            if event::poll(Duration::from_millis(200))? {
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
            while let Ok(msg) = rx.try_recv() {
                app.say(msg);
            }
            for e in effects {
                match e {
                    Effect::Open(url) => opener::open(url, tx.clone()),
                    Effect::Copy(text) => {
                        let mut out = io::stdout();
                        out.write_all(osc52(&text).as_bytes())?;
                        out.flush()?;
                    }
                }
            }
        }
        Ok(())
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
