//! Colours and text styles, in one place.

use ratatui::style::{Color, Modifier, Style};

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
pub fn accent() -> Style {
    Style::new().fg(Color::Cyan)
}
pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}
pub fn matched() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}
pub fn selected() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}
pub fn selected_unfocused() -> Style {
    Style::new().bg(Color::DarkGray).fg(Color::White)
}
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
    } else {
        dim()
    }
}
pub fn link() -> Style {
    Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED)
}
pub fn code() -> Style {
    Style::new().fg(Color::Green)
}
pub fn message() -> Style {
    Style::new().fg(Color::Magenta)
}
